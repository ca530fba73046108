"""`audit_archive` in-process: real pages and revisions in the test database, the real engine, no mocks."""

import csv
import datetime
import json

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from example_site.news.models import ArticlePage, SectionPage
from newsaudit.archive import ArchiveFilter, ArchiveOptions, SelectionError, run_archive
from newsaudit.archive.enqueue import enqueue_archive
from newsaudit.archive.planning import SiteConfigs, plan_chunk
from newsaudit.archive.selection import page_chunks
from newsaudit.archive.store import store_chunk
from newsaudit.archive.worker import init_worker, run_items
from newsaudit.models import AuditResult
from newsaudit.pages.auditing import latest_result, record_revision

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


@pytest.fixture
def imported(section):
    """Articles written straight into the tree, as an import script or a fixture does: no revision at all."""
    pages = [make_article(section, slug=f"imported-{i}", title=f"Imported story {i}") for i in range(2)]
    assert not Revision.objects.filter(object_id__in=[str(p.pk) for p in pages]).exists()
    return pages


def page_row_audit(page) -> AuditResult:
    return AuditResult.objects.get(page=page, from_page_row=True)


def test_pages_without_revisions_are_audited_from_the_page_row(imported):
    summary = run()
    assert (summary.pages, summary.audited, summary.no_revision) == (2, 2, 2)
    assert "audited from the page as stored: 2 pages" in summary.render()
    for page in imported:
        result = AuditResult.objects.get(page=page)
        assert result.revision_id is None and result.from_page_row
        assert result.is_latest and result.live and result.source_hash and result.content_hash
        assert "NA201" in result.rule_codes.split()
        assert result.report["id"] == f"page:{page.pk}" and result.report["title"] == page.title


def test_unchanged_page_rows_are_skipped_and_changed_ones_audited_again(imported):
    run()
    before = {r.page_id: (r.pk, r.updated) for r in AuditResult.objects.all()}
    rerun = run()
    assert (rerun.pages, rerun.audited, rerun.unchanged) == (2, 0, 2)
    assert {r.page_id: (r.pk, r.updated) for r in AuditResult.objects.all()} == before
    # Metadata outside the audited text changes the source hash but not the content hash: no new audit.
    ArticlePage.objects.filter(pk=imported[0].pk).update(search_description="Reservoir levels")
    metadata = run()
    assert (metadata.audited, metadata.unchanged) == (0, 2)
    assert run().unchanged == 2  # the new source hash was recorded
    # A script rewrites the body of the row: audited again, in place (still one page-row audit).
    page = ArticlePage.objects.get(pk=imported[1].pk)
    page.body = [{"type": "paragraph", "value": CLEAN_PARAGRAPH, "id": "b1"}]
    page.save()
    changed = run()
    assert (changed.audited, changed.unchanged) == (1, 1)
    result = page_row_audit(page)
    assert result.pk == before[page.pk][0] and "NA201" not in result.rule_codes.split()
    assert AuditResult.objects.count() == 2
    forced = run(force=True)
    assert (forced.audited, AuditResult.objects.count()) == (2, 2)


def test_editing_a_page_without_revisions_audits_the_new_revision(imported, admin_client):
    run()
    page = ArticlePage.objects.get(pk=imported[0].pk)
    page.body = [{"type": "paragraph", "value": CLEAN_PARAGRAPH, "id": "b1"}]
    revision = page.save_revision()  # the editor's first save: from now on the revision path
    summary = run()
    assert (summary.audited, summary.unchanged, summary.no_revision) == (1, 1, 1)
    new = AuditResult.objects.get(revision=revision)
    assert new.is_latest and not new.from_page_row and "NA201" not in new.rule_codes.split()
    old = page_row_audit(page)
    assert not old.is_latest and "NA201" in old.rule_codes.split()
    assert latest_result(page) == new
    html = admin_client.get(reverse("newsaudit:panel", args=[page.pk])).content.decode()
    assert "Audit of the latest revision" in html and "Observers note" not in html
    assert run().audited == 0


def test_an_audit_on_save_demotes_the_page_row_audit(imported, django_capture_on_commit_callbacks):
    run()
    page = ArticlePage.objects.get(pk=imported[0].pk)
    with django_capture_on_commit_callbacks(execute=True):
        revision = page.save_revision()
    assert AuditResult.objects.get(revision=revision).is_latest
    assert not page_row_audit(page).is_latest
    assert AuditResult.objects.filter(page=page, is_latest=True).count() == 1


def test_enqueued_chunks_audit_pages_without_revisions(imported, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        chunks, pages = enqueue_archive(ArchiveFilter(), chunk_size=1)
    assert (chunks, pages) == (2, 2)
    assert all(page_row_audit(page).is_latest for page in imported)


def test_panel_report_and_trends_show_page_row_audits(imported, admin_client):
    run()
    page = imported[0]
    html = admin_client.get(reverse("newsaudit:panel", args=[page.pk])).content.decode()
    assert "Audit of the page as stored (it has no revision yet)" in html
    assert "data-newsaudit-panel" in html and "Observers note" in html and "NA201" in html
    report = admin_client.get(reverse("newsaudit_report"))
    assert {r.page_id for r in report.context["object_list"]} == {p.pk for p in imported}
    assert "Imported story 0" in report.content.decode()
    csv_export = admin_client.get(reverse("newsaudit_report"), {"export": "csv"})
    assert "Imported story 1" in b"".join(csv_export.streaming_content).decode()
    trends = admin_client.get("/admin/reports/newsaudit/trends/")
    assert trends.context["pages"] == 2
    # "the council" is a description, not a name: counted per article, never merged across articles
    assert "the council" not in [bar.label for bar in trends.context["sources"]]


def test_live_selection_audits_live_pages_without_a_live_revision(imported, section):
    draft = make_article(section, slug="imported-draft", title="Imported draft", live=False)
    summary = run(selection=ArchiveFilter(state="live"))
    assert (summary.pages, summary.audited) == (2, 2)
    everything = run()
    assert (everything.pages, everything.audited, everything.unchanged) == (3, 1, 2)
    assert not page_row_audit(draft).live and page_row_audit(imported[0]).live


def test_a_page_row_audit_stored_meanwhile_is_updated_not_duplicated(imported):
    """Two runs racing over the same page (two task workers): the second write meets the unique constraint and
    updates the row the first one stored."""
    rows = next(page_chunks(ArchiveFilter(), 10))
    sites = SiteConfigs()
    plan = plan_chunk(rows, sites, force=False, with_reports=False)
    init_worker(sites.configs)
    results = run_items(plan.items)
    run()  # another run stores both page-row audits first
    first = {r.page_id: r.pk for r in AuditResult.objects.all()}
    store_chunk(plan, results)
    assert {r.page_id: r.pk for r in AuditResult.objects.all()} == first
    assert all(r.is_latest and r.from_page_row for r in AuditResult.objects.all())
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditResult.objects.create(page_id=rows[0].id, from_page_row=True, status="pass")


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
    assert "Environment" in html  # the section
    # "the council" names nobody; the quote block's attribution does, in all three articles
    assert [(bar.label, bar.value) for bar in response.context["sources"]] == [("Ana Ruiz", 3)]
    assert response.context["pages"] == 3 and len(response.context["months"]) == 1
    month = response.context["months"][0]
    assert month["height"] == 100 and f'title="{month["label"]}: 3 articles, {month["value"]} findings' in html
    menu = admin_client.get("/admin/reports/newsaudit/").content.decode()
    assert "/admin/reports/newsaudit/trends/" in menu
    assert Client().get("/admin/reports/newsaudit/trends/").status_code == 302  # anonymous: to the login page


def test_a_page_whose_audit_fails_is_named_in_the_summary_and_the_json(articles, tmp_path, monkeypatch):
    from newsaudit.archive import worker

    broken = articles[1]
    real = worker.page_document

    def page_document(page, *args):
        if page.pk == broken.pk:
            raise RuntimeError("the page's own field raised")
        return real(page, *args)

    monkeypatch.setattr(worker, "page_document", page_document)
    report = tmp_path / "report.json"
    summary = run(output=report)
    assert summary.statuses["error"] == 1 and summary.audited == 3
    (failure,) = summary.failures
    assert failure["page_id"] == broken.pk and failure["title"] == broken.title
    assert failure["type"] == "news.ArticlePage" and "the page's own field raised" in failure["error"]
    assert f"error: page {broken.pk} 'Reservoir story 1' (news.ArticlePage): " in summary.render()
    data = json.loads(report.read_text("utf-8"))
    assert data["summary"]["errors"] == [failure]


def test_list_page_types_says_which_types_are_audited_and_why(capsys):
    call_command("audit_archive", "--list-page-types")
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("audited  news.ArticlePage") for line in lines)
    assert any(line.startswith("skipped  news.HomePage") and "newsaudit_audit" in line for line in lines)
    assert any(line.startswith("skipped  wagtailcore.Page") and "root" in line for line in lines)
