"""Exports hold no live formula (report CSV/XLSX, `audit_archive --output csv`, trends), and the report's filter
choices list only what the user may see. Real pages, real audits, real exports."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from example_site.news.models import SectionPage
from newsaudit.engine.output.cells import safe_cell

from .conftest import editor_client, make_article

FORMULA_TITLES = [
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",
]


@pytest.fixture
def formula_pages(section, django_capture_on_commit_callbacks):
    pages = []
    with django_capture_on_commit_callbacks(execute=True):
        for index, title in enumerate(FORMULA_TITLES):
            page = make_article(section, slug=f"formula-{index}", title=title)
            page.save_revision().publish()
            pages.append(page)
    return pages


def assert_no_formula(cells: list[str]) -> None:
    for cell in cells:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r", "\uff1d"), repr(cell)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("-5", "'-5"), ("@x", "'@x"), ("\tx", "'\tx"), ("Plain title", "Plain title"), (-5, -5)],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_report_csv_neutralises_formula_cells(admin_client, formula_pages):
    response = admin_client.get(reverse("newsaudit_report"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(body)))
    titles = {row["Title"] for row in rows}
    assert titles == {"'" + title for title in FORMULA_TITLES}
    assert_no_formula([cell for row in rows for cell in row.values()])


def test_report_xlsx_stores_formula_titles_as_text(admin_client, formula_pages):
    response = admin_client.get(reverse("newsaudit_report"), {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in workbook.active.iter_rows(min_row=2) for cell in row]
    titles = [cell for cell in cells if cell.value in FORMULA_TITLES]
    assert len(titles) == len(FORMULA_TITLES)
    assert all(cell.data_type == "s" for cell in titles)


def test_audit_archive_csv_neutralises_formula_cells(formula_pages, tmp_path):
    table = tmp_path / "report.csv"
    call_command("audit_archive", "--jobs", "1", "--no-progress", "--output", str(table))
    rows = list(csv.DictReader(table.open(encoding="utf-8", newline="")))
    assert {row["title"] for row in rows} == {"'" + title for title in FORMULA_TITLES}
    assert_no_formula([cell for row in rows for cell in row.values()])


def test_trends_csv_neutralises_formulas_and_the_page_escapes_titles(
    admin_client, home, django_capture_on_commit_callbacks
):
    section = home.add_child(instance=SectionPage(title='=HYPERLINK("http://x","<b>y</b>")', slug="formula"))
    with django_capture_on_commit_callbacks(execute=True):
        make_article(section, slug="in-formula-section").save_revision().publish()
    response = admin_client.get("/admin/reports/newsaudit/trends/", {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    sections = [row for row in rows if row[0] == "section"]
    assert sections and all(not row[1].startswith(("=", "+", "-", "@")) for row in rows)
    assert any(row[1] == '\'=HYPERLINK("http://x","<b>y</b>")' for row in sections)
    html = admin_client.get("/admin/reports/newsaudit/trends/").content.decode()
    assert "&lt;b&gt;y&lt;/b&gt;" in html and "<b>y</b>" not in html


@pytest.mark.parametrize(
    ("url_name", "report"),
    [("newsaudit_report", "report"), ("newsaudit_sources", "sources"), ("newsaudit_trends", "trends")],
)
def test_every_report_names_its_csv_export_by_report_and_date(admin_client, formula_pages, url_name, report):
    response = admin_client.get(reverse(url_name), {"export": "csv"})
    assert response.status_code == 200
    today = datetime.date.today().isoformat()
    assert f'filename="newsaudit-{report}-{today}.csv"' in response["Content-Disposition"]


@pytest.fixture
def two_sections(home, django_capture_on_commit_callbacks):
    visible = home.add_child(instance=SectionPage(title="Environment desk", slug="env"))
    hidden = home.add_child(instance=SectionPage(title="Secret investigations", slug="secret"))
    with django_capture_on_commit_callbacks(execute=True):
        make_article(visible, slug="seen").save_revision().publish()
        make_article(hidden, slug="unseen").save_revision().publish()
    return visible, hidden


@pytest.fixture
def section_editor(two_sections):
    visible, _hidden = two_sections
    return editor_client("envdesk", (visible,), ("add_page", "change_page"))


def test_report_filter_choices_list_only_sections_the_user_may_see(section_editor, admin_client, two_sections):
    html = section_editor.get(reverse("newsaudit_report")).content.decode()
    assert "Environment desk" in html
    assert "Secret investigations" not in html
    admin_html = admin_client.get(reverse("newsaudit_report")).content.decode()
    assert "Secret investigations" in admin_html


def test_report_section_filter_rejects_a_hidden_section(section_editor, two_sections):
    _visible, hidden = two_sections
    response = section_editor.get(reverse("newsaudit_report"), {"section": hidden.pk, "export": "csv"})
    assert response.status_code < 500
    if response.status_code == 200 and response.streaming:
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert all("unseen" not in row.get("Title", "") for row in rows)


@pytest.mark.parametrize(
    "query",
    [
        {"section": "abc"},
        {"section": "99999999"},
        {"page_type": "-1"},
        {"created_from": "not a date"},
        {"status": "<script>"},
        {"rule": "NA" * 5000},
        {"live": "maybe"},
        {"ordering": "page__title; DROP TABLE"},
        {"p": "-3"},
        {"export": "exe"},
    ],
)
def test_report_filters_never_500(admin_client, two_sections, query):
    response = admin_client.get(reverse("newsaudit_report"), query)
    assert response.status_code < 500
