"""`audit_archive` in-process: real pages and revisions in the test database, the real engine, no mocks."""

import csv
import datetime
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from example_site.news.models import SectionPage
from newsaudit.archive import ArchiveFilter, ArchiveOptions, SelectionError, run_archive
from newsaudit.archive.enqueue import enqueue_archive
from newsaudit.auditing import record_revision
from newsaudit.models import AuditResult

from .conftest import CLEAN_PARAGRAPH, make_article


def publish(page):
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return revision


@pytest.fixture
def articles(section):
    pages = [make_article(section, slug=f"story-{i}", title=f"Reservoir story {i}") for i in range(3)]
    for page in pages:
        publish(page)
    return pages


def run(**options):
    options.setdefault("jobs", 1)
    options.setdefault("progress", False)
    return run_archive(ArchiveOptions(**options))


def test_audits_each_latest_revision_once_then_skips_unchanged(articles):
    first = run()
    assert (first.pages, first.audited, first.unchanged) == (3, 3, 0)
    for page in articles:
        result = AuditResult.objects.get(page=page)
        assert result.revision_id == page.latest_revision_id
        assert result.is_latest and result.live and result.source_hash
        assert "NA201" in result.rule_codes.split()
    second = run()
    assert (second.pages, second.audited, second.unchanged) == (3, 0, 3)
    assert second.rules["NA201"] == 3 and second.statuses == first.statuses
    forced = run(force=True)
    assert (forced.audited, AuditResult.objects.count()) == (3, 3)


def test_a_new_revision_is_audited_and_becomes_latest(articles):
    run()
    page = articles[0]
    page.body = [{"type": "paragraph", "value": CLEAN_PARAGRAPH, "id": "b1"}]
    revision = page.save_revision()  # a draft: the live revision stays the old one
    summary = run()
    assert (summary.audited, summary.unchanged) == (1, 2)
    new = AuditResult.objects.get(revision=revision)
    assert new.is_latest and not new.live and "NA201" not in new.rule_codes.split()
    assert AuditResult.objects.filter(page=page, is_latest=True).count() == 1
    live = run(selection=ArchiveFilter(state="live"))  # live revisions were audited already
    assert (live.pages, live.audited) == (3, 0)


def test_audits_made_on_save_are_reused_without_a_new_audit(articles):
    for page in articles:
        record_revision(page.latest_revision_id)
    before = {r.pk: r.updated for r in AuditResult.objects.all()}
    summary = run()
    assert (summary.audited, summary.unchanged) == (0, 3)
    after = AuditResult.objects.all()
    assert {r.pk for r in after} == set(before) and all(r.source_hash for r in after)


def test_filters_page_type_section_since_state_and_site(home, section, articles):
    other = home.add_child(instance=SectionPage(title="Sport", slug="sport"))
    sport = make_article(other, slug="regatta", title="Regatta result")
    publish(sport)
    draft = make_article(other, slug="draft-story", title="Draft story", live=False)
    draft.save_revision()
    assert run(selection=ArchiveFilter(section=other.pk)).pages == 2
    assert run(selection=ArchiveFilter(state="drafts")).pages == 1
    assert run(selection=ArchiveFilter(page_type="news.ArticlePage")).pages == 5
    assert run(selection=ArchiveFilter(site="localhost")).pages == 5
    tomorrow = timezone.now().date() + datetime.timedelta(days=1)
    assert run(selection=ArchiveFilter(since=tomorrow)).pages == 0
    with pytest.raises(SelectionError):
        run(selection=ArchiveFilter(page_type="news.Nope"))
    with pytest.raises(SelectionError):
        run(selection=ArchiveFilter(section=999999))


def test_pages_without_revisions_are_counted_not_audited(section):
    make_article(section, slug="no-revision")
    summary = run()
    assert (summary.pages, summary.no_revision) == (0, 1)


def test_json_and_csv_output(articles, tmp_path):
    run()
    report = tmp_path / "report.json"
    summary = run(output=report)  # unchanged pages are reported from their stored audits
    data = json.loads(report.read_text("utf-8"))
    assert data["tool"]["name"] == "newsaudit"
    assert [d["id"] for d in data["documents"]] == [f"page:{p.pk}" for p in articles]
    assert all(d["findings"] and d["scores"]["overall"] >= 0 for d in data["documents"])
    assert data["summary"]["documents"] == 3 and data["summary"]["unchanged"] == 3
    assert sum(data["summary"][s] for s in ("pass", "warn", "fail", "error")) == summary.pages
    table = tmp_path / "report.csv"
    run(output=table, force=True)
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [int(r["page_id"]) for r in rows] == [p.pk for p in articles]
    assert all("NA201" in r["rules"].split() and r["audited"] == "yes" for r in rows)


def test_command_fail_on_exit_code_and_summary(articles, capsys):
    call_command("audit_archive", "--jobs", "1", "--no-progress")
    assert "audited 3 pages" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit_archive", "--jobs", "1", "--no-progress", "--fail-on", "warning")
    assert exit_info.value.code == 1
    assert "failing --fail-on warning: 3 pages" in capsys.readouterr().out


def test_enqueue_with_the_immediate_backend(articles, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        chunks, pages = enqueue_archive(ArchiveFilter(), chunk_size=2)
    assert (chunks, pages) == (2, 3)
    assert AuditResult.objects.count() == 3


def test_trends_view_shows_charts_to_editors_only(articles, admin_client):
    run()
    response = admin_client.get("/admin/reports/newsaudit/trends/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-newsaudit-trends" in html and "Findings per article, by section" in html
    assert "Environment" in html and "the council" in html  # the section, and the most-cited source
    assert response.context["pages"] == 3 and len(response.context["months"]) == 1
    menu = admin_client.get("/admin/reports/newsaudit/").content.decode()
    assert "/admin/reports/newsaudit/trends/" in menu
    assert Client().get("/admin/reports/newsaudit/trends/").status_code == 302  # anonymous: to the login page
