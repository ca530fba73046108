"""The report for the managing editor: coloured status badges in the panel's words, top problems per page, the
panel's category names, page URL and edit link in the exports, ISO dates to the second, audited page types only."""

import csv
import io
import re

import pytest
from django.urls import reverse

from .conftest import CLEAN_PARAGRAPH, make_article


@pytest.fixture
def two_audited(section, django_capture_on_commit_callbacks):
    weasel = make_article(section, slug="weasel")
    clean = make_article(section, slug="clean", body=[{"type": "paragraph", "value": CLEAN_PARAGRAPH, "id": "c"}])
    with django_capture_on_commit_callbacks(execute=True):
        weasel.save_revision().publish()
        clean.save_revision().publish()
    return weasel, clean


def _csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))


def test_report_shows_badges_top_problems_and_one_vocabulary(admin_client, two_audited):
    html = admin_client.get(reverse("newsaudit_report")).content.decode()
    assert re.search(r'class="newsaudit-status newsaudit-status--(warn|fail)"[^>]*>(Needs work|Fail)<', html)
    assert "Weasel attribution ×1" in html
    assert "Loaded language" in html and ">Bias<" not in html
    assert "newsaudit/panel.css" in html


def test_exports_have_urls_verdicts_problems_and_iso_dates(admin_client, two_audited, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"
    weasel, _clean = two_audited
    rows = {r["Page ID"]: r for r in _csv_rows(admin_client.get(reverse("newsaudit_report"), {"export": "csv"}))}
    row = rows[str(weasel.pk)]
    assert row["Edit link"] == f"https://cms.example.org/admin/pages/{weasel.pk}/edit/"
    assert row["Page URL"].endswith("/environment/weasel/")
    assert row["Verdict"] in ("Needs work", "Fail") and "Weasel attribution ×1" in row["Top problems"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", row["Audited"]), row["Audited"]
    assert "Loaded language" in rows[str(weasel.pk)]


def test_type_filter_lists_only_audited_page_types(admin_client, two_audited):
    html = admin_client.get(reverse("newsaudit_report")).content.decode()
    select = re.search(r'<select name="page_type".*?</select>', html, re.S).group(0)
    assert "article page" in select.lower()
    assert "home page" not in select.lower() and "section page" not in select.lower()


def test_trends_take_the_report_filters_and_export_csv(admin_client, two_audited):
    weasel, clean = two_audited
    url = reverse("newsaudit_trends")
    everything = admin_client.get(url)
    assert everything.context["pages"] == 2 and "data-newsaudit-trends-filters" in everything.content.decode()
    one = admin_client.get(url, {"rule": "NA201"})
    html = one.content.decode()
    assert one.context["pages"] == 1 and "<strong>1 article</strong>" in html and "1 articles" not in html
    export = admin_client.get(url, {"rule": "NA201", "export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0][:3] == ["kind", "label", "articles"]
    assert any(r[0] == "section" and r[1] == "Environment" for r in rows)
