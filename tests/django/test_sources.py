"""Who gets quoted: QuotedSource rows stored with each page's latest audit, and Reports > Sources over them.

Reports built here carry a `source_mix` the way the engine writes it (our own names and numbers); the tests that
go through the real engine assert only what holds with or without `source_mix` (a named source and its pages)."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from example_site.news.models import SectionPage
from newsaudit.archive import ArchiveOptions, run_archive
from newsaudit.models import AuditResult, QuotedSource
from newsaudit.pages.sources import fallback_key, rebuild_sources, source_rows

from .conftest import editor_client, make_article

OTHER_PARAGRAPH = "<p>Dredging contractor Piet Aarden said the work would take six weeks, weather permitting.</p>"
QUOTE_PARAGRAPH = (
    "<p>Harbour master Lena Ortiz said the new pontoon would open in May. "
    '"We have tested every mooring twice," Ortiz said.</p>'
)


def _mix_source(key, name, kind="person", **extra):
    values = {
        "key": key,
        "name": name,
        "kind": kind,
        "role": None,
        "affiliation": None,
        "gender": "not stated",
        "quotes": 1,
        "attributions": 2,
        "mentions": [{"start": 0, "end": len(name), "text": name}],
        "forms": [name],
    }
    return values | extra


def _report(*sources, byline="By Ines Calder"):
    return {"status": "warn", "sources": [], "byline": byline, "source_mix": {"sources": list(sources)}}


def _store(page, report):
    AuditResult.objects.filter(page=page).update(is_latest=False)
    audit = AuditResult.objects.create(
        page=page, status="warn", report=report, engine_version="test", content_hash="", is_latest=True
    )
    rebuild_sources([audit])
    return audit


@pytest.fixture
def desk(home):
    """Two sections, three published articles whose audits carry a source mix: the mayor in two of them."""
    harbour = home.add_child(instance=SectionPage(title="Harbour", slug="harbour"))
    council = home.add_child(instance=SectionPage(title="Council", slug="council"))
    pages = {}
    for parent, slug in ((harbour, "pontoon"), (harbour, "dredging"), (council, "budget")):
        page = make_article(parent, slug=slug, title=slug.title())
        page.save_revision().publish()
        pages[slug] = page
    mayor = _mix_source("lena ortiz", "Mayor Lena Ortiz", role="official", gender="female", quotes=2)
    _store(pages["pontoon"], _report(mayor, _mix_source("", "one resident", "anonymous", attributions=1)))
    _store(
        pages["dredging"],
        _report(
            _mix_source("lena ortiz", "Ortiz", role="official", gender="female", forms=["Ortiz", "the mayor"]),
            _mix_source("tamsin reyes", "Dr Tamsin Reyes", role="expert", gender="not stated"),
        ),
    )
    _store(
        pages["budget"],
        _report(_mix_source("ports authority", "Ports Authority", "organisation", role=None), byline="By Omar Field"),
    )
    return harbour, council, pages


@pytest.fixture
def quoting(section, django_capture_on_commit_callbacks):
    page = make_article(section, slug="pontoon", body=[{"type": "paragraph", "value": QUOTE_PARAGRAPH, "id": "q"}])
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_rows_are_stored_on_save_for_the_named_source(quoting):
    rows = QuotedSource.objects.filter(page=quoting)
    latest = AuditResult.objects.get(page=quoting, is_latest=True)
    assert rows.exists() and {r.audit_id for r in rows} == {latest.pk}
    ortiz = rows.get(key="lena ortiz")
    assert ortiz.kind == "person" and ortiz.attributions >= 1
    assert ortiz.author == "Test Writer" and ortiz.section_id == quoting.get_parent().pk
    assert ortiz.published == quoting.first_published_at.date()


def test_a_new_audit_replaces_the_rows(quoting, django_capture_on_commit_callbacks):
    quoting.body = [{"type": "paragraph", "value": OTHER_PARAGRAPH, "id": "n1"}]
    with django_capture_on_commit_callbacks(execute=True):
        quoting.save_revision().publish()
    keys = set(QuotedSource.objects.filter(page=quoting).values_list("key", flat=True))
    assert "piet aarden" in keys and "lena ortiz" not in keys
    latest = AuditResult.objects.get(page=quoting, is_latest=True)
    assert set(QuotedSource.objects.filter(page=quoting).values_list("audit_id", flat=True)) == {latest.pk}


def test_deleting_a_page_deletes_its_rows(quoting):
    quoting.delete()
    assert not QuotedSource.objects.exists()


def test_audit_archive_stores_rows_and_sources_only_rebuilds_them(section):
    page = make_article(section, slug="archived", body=[{"type": "paragraph", "value": QUOTE_PARAGRAPH, "id": "a"}])
    page.save_revision().publish()
    QuotedSource.objects.all().delete()
    AuditResult.objects.all().delete()
    run_archive(ArchiveOptions(jobs=1, progress=False))
    assert QuotedSource.objects.filter(page=page, key="lena ortiz").count() == 1
    QuotedSource.objects.all().delete()
    out = io.StringIO()
    call_command("audit_archive", "--sources-only", stdout=out)
    assert "1 pages" in out.getvalue()
    assert QuotedSource.objects.filter(page=page, key="lena ortiz").count() == 1


def test_an_old_report_without_source_mix_still_counts():
    old = {"sources": [{"name": "Council leader Amara Vell", "kind": "person", "mentions": 3}]}
    old["sources"] += [{"name": "the company", "kind": "organisation", "mentions": 1}]
    old["sources"] += [{"name": "A senior official", "kind": "anonymous", "mentions": 2}]
    rows = {r["name"]: r for r in source_rows(old)}
    vell = rows["Council leader Amara Vell"]
    assert (vell["key"], vell["role"], vell["gender"], vell["quotes"], vell["attributions"]) == (
        "amara vell",
        "",
        "not stated",
        0,
        3,
    )
    assert rows["the company"]["key"] == "" and rows["A senior official"]["key"] == ""
    assert fallback_key("Ms Vell", "person") == "vell"


def test_hostile_source_mix_is_cleaned_not_trusted():
    report = {"source_mix": {"sources": [{"name": "=HYPERLINK(1)", "kind": "wizard", "gender": "guessed"}, "junk"]}}
    report["source_mix"]["sources"].append({"name": "x" * 5000, "quotes": -4, "mentions": "many"})
    rows = source_rows(report)
    assert len(rows) == 2
    assert rows[0]["kind"] == "person" and rows[0]["gender"] == "not stated"
    assert len(rows[1]["name"]) == 200 and rows[1]["quotes"] == 0 and rows[1]["mentions"] == 0


def test_report_merges_a_source_across_articles_with_shares(admin_client, desk):
    response = admin_client.get(reverse("newsaudit_sources"))
    html = response.content.decode()
    entries = {e["key"]: e for e in response.context["object_list"]}
    assert set(entries) == {"lena ortiz", "tamsin reyes", "ports authority"}  # the anonymous resident is not listed
    ortiz = entries["lena ortiz"]
    assert (ortiz["articles"], ortiz["quotes"], ortiz["role"], ortiz["gender"]) == (2, 3, "official", "female")
    assert ortiz["name"] == "Ortiz"  # as the newest article has it
    shares = response.context["shares"]
    assert (shares["sources"], shares["appearances"], shares["articles"]) == (3, 4, 3)
    assert shares["anonymous_share"] == round(100 * 1 / 9)
    tallest = max(shares["months"], key=lambda month: month["value"])
    assert tallest["height"] == 100 and sum(month["sources"] for month in shares["months"]) == 4
    assert f'title="{tallest["label"]}: {tallest["value"]} named sources quoted in ' in html
    assert {bar.label: bar.note for bar in shares["genders"]} == {"Female": "% (2)", "Not stated": "% (1)"}
    assert "data-newsaudit-sources-summary" in html and "Expert or academic" in html
    assert ortiz["pages_url"] in html.replace("&amp;", "&")


def test_report_filters_by_section_author_type_and_dates(admin_client, desk):
    harbour, council, _pages = desk
    url = reverse("newsaudit_sources")

    def keys(**params):
        return {e["key"] for e in admin_client.get(url, params).context["object_list"]}

    assert keys(section=council.pk) == {"ports authority"}
    assert keys(author="Ines Calder") == {"lena ortiz", "tamsin reyes"}
    today = datetime.date.today()
    assert keys(published_from=(today + datetime.timedelta(days=2)).isoformat()) == set()
    assert len(keys(audited_to=today.isoformat())) == 3
    assert keys(page_type=QuotedSource.objects.first().content_type_id) == {
        "lena ortiz",
        "tamsin reyes",
        "ports authority",
    }


@pytest.mark.parametrize(
    "params",
    [{"section": "nope"}, {"author": "Nobody"}, {"published_from": "31-31-2020"}, {"p": "999"}, {"ordering": "x"}],
)
def test_bad_filter_input_is_never_a_server_error(admin_client, desk, params):
    assert admin_client.get(reverse("newsaudit_sources"), params).status_code < 500


def test_source_links_to_the_pages_that_quote_it(admin_client, desk):
    _harbour, _council, pages = desk
    response = admin_client.get(reverse("newsaudit_report"), {"source": "lena ortiz"})
    listed = {result.page_id for result in response.context["object_list"]}
    assert listed == {pages["pontoon"].pk, pages["dredging"].pk}


def _body(response) -> str:
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8")


def test_csv_export_neutralises_formula_leading_names(admin_client, desk):
    _harbour, _council, pages = desk
    _store(pages["budget"], _report(_mix_source("=cmd", "=cmd|' /C calc'!A0", "organisation")))
    response = admin_client.get(reverse("newsaudit_sources"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    names = [row["Source"] for row in rows]
    assert "'=cmd|' /C calc'!A0" in names and not any(n.startswith("=") for n in names)
    assert rows[0]["Source"] in ("Mayor Lena Ortiz", "Ortiz") and rows[0]["Articles"] == "2"
    xlsx = admin_client.get(reverse("newsaudit_sources"), {"export": "xlsx"})
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx["Content-Type"]


@pytest.fixture
def harbour_editor(desk):
    harbour, _council, _pages = desk
    return editor_client("harbourdesk", (harbour,))


def test_an_editor_sees_only_sources_and_choices_of_pages_they_may_edit(harbour_editor, desk):
    _harbour, council, _pages = desk
    response = harbour_editor.get(reverse("newsaudit_sources"))
    assert response.status_code == 200
    assert {e["key"] for e in response.context["object_list"]} == {"lena ortiz", "tamsin reyes"}
    html = response.content.decode()
    section_select = re.search(r'<select name="section".*?</select>', html, re.S).group(0)
    author_select = re.search(r'<select name="author".*?</select>', html, re.S).group(0)
    assert "Harbour" in section_select and "Council" not in section_select
    assert "Ines Calder" in author_select and "Omar Field" not in author_select
    hidden = harbour_editor.get(reverse("newsaudit_sources"), {"section": council.pk})
    assert hidden.status_code < 500 and "Ports Authority" not in hidden.content.decode()
    rows = list(csv.DictReader(io.StringIO(_body(harbour_editor.get(reverse("newsaudit_sources"), {"export": "csv"})))))
    assert {row["Source"] for row in rows} <= {"Mayor Lena Ortiz", "Ortiz", "Dr Tamsin Reyes"}


def test_users_without_page_permissions_are_refused(desk, db):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    assert client.get(reverse("newsaudit_sources")).status_code in (302, 403)


def test_trends_count_sources_from_the_stored_rows(admin_client, desk):
    response = admin_client.get(reverse("newsaudit_trends"))
    bars = {bar.label: bar.value for bar in response.context["sources"]}
    assert bars["Ortiz"] == 2  # the name the newest article uses
