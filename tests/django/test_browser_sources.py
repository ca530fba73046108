"""In a real browser (Playwright + Debian's chromium), on the example site's sample articles: Reports > Sources lists
a person quoted in three articles as one entry with its article count, an author filter narrows the list, the
source's link opens the pages that quote it, and the CSV downloads. Screenshots land in test-artifacts/."""

import csv
import io

import pytest
from django.core.management import call_command

from .test_browser import ARTIFACTS, CHROMIUM, browser, log_in  # noqa: F401  (the fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="SKIPPED: /usr/bin/chromium missing (apt-get install chromium)"),
]


def _row(page, text: str):
    return page.locator("table tbody tr", has=page.locator("td.title a", has_text=text))


def test_reports_sources_lists_filters_links_and_exports(
    live_server,
    transactional_db,
    django_db_serialized_rollback,
    browser,  # noqa: F811
):
    call_command("load_sample_site", stdout=io.StringIO())  # the example site's own sample articles
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    page.set_default_timeout(20_000)
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/reports/newsaudit/sources/")
    quist = _row(page, "Amara Quist")
    quist.wait_for(state="visible")
    cells = [c.strip() for c in quist.locator("td").all_inner_texts()]
    assert "3" in cells[4:5], cells  # the Articles column: one entry for three articles
    assert page.locator("[data-newsaudit-sources-summary]").is_visible()
    page.screenshot(path=str(ARTIFACTS / "sources-01-report.png"), full_page=True)

    page.goto(f"{live_server.url}/admin/reports/newsaudit/sources/?author=Tomas+Wirth")
    page.locator("table tbody tr").first.wait_for(state="visible")
    assert _row(page, "Amara Quist").count() == 0
    assert page.locator("table tbody tr").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "sources-02-filtered.png"), full_page=True)

    page.goto(f"{live_server.url}/admin/reports/newsaudit/sources/")
    _row(page, "Amara Quist").locator("td.title a").click()
    page.wait_for_url("**/admin/reports/newsaudit/?source=amara+quist")
    titles = page.locator("table tbody tr td.title").all_inner_texts()
    assert len(titles) == 3, titles
    page.screenshot(path=str(ARTIFACTS / "sources-03-pages.png"), full_page=True)

    page.goto(f"{live_server.url}/admin/reports/newsaudit/sources/")
    link = page.locator('a[href$="export=csv"]').first
    if not link.is_visible():
        page.locator("[data-w-dropdown-target='toggle']").first.click()
    with page.expect_download() as download:
        link.click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text("utf-8"))))
    quist_rows = [r for r in rows if r["Merge key"] == "amara quist"]
    assert len(quist_rows) == 1 and quist_rows[0]["Articles"] == "3"
