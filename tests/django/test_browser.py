"""In a real browser (Playwright + Debian's chromium): the editor opens the audit panel, removes a weasel phrase in
the Draftail editor, checks the unsaved changes and sees the finding go, then saves the draft and sees the panel
show the stored audit of the new revision (and, with a task worker still to run it, a pending notice until it
arrives). Screenshots land in test-artifacts/."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from example_site.news.models import ArticlePage
from newsaudit.pages.auditing import record_revision
from newsaudit.tasks import IMMEDIATE_BACKEND

from .conftest import SAMPLES

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WEASEL = "Observers note that t"
DUMMY_BACKEND = IMMEDIATE_BACKEND.replace("immediate.ImmediateBackend", "dummy.DummyBackend")  # queues, never runs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="SKIPPED: /usr/bin/chromium missing (apt-get install chromium)"),
]


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def log_in(page, live_server) -> None:
    """Log in to the admin as the sample site's editor (admin / newsaudit)."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "newsaudit")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def _weasel_marks(panel) -> int:
    return panel.locator("mark", has_text="Observers note").count()


def test_editor_sees_finding_go_after_checking_unsaved_changes(
    live_server, transactional_db, django_db_serialized_rollback, browser, settings
):
    call_command("load_sample_site", dir=SAMPLES, stdout=io.StringIO())
    article = ArticlePage.objects.get(slug="reservoir-levels-weasel")
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    page.set_default_timeout(20_000)
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    toggle = page.locator('[data-side-panel-toggle="newsaudit"]')
    if toggle.count():  # Wagtail 8: a side panel; 7.4 shows the AuditPanel in the form
        toggle.click()
    panel = page.locator("[data-newsaudit-panel]")
    panel.wait_for(state="visible")
    assert panel.locator('[data-newsaudit-finding="NA201"]').count() >= 1
    assert _weasel_marks(panel) >= 1
    page.screenshot(path=str(ARTIFACTS / "01-audit-panel.png"))

    editor = page.locator('[data-contentpath="body"] .public-DraftEditor-content').first  # first body paragraph
    assert editor.inner_text().startswith("Observers note that the Greyfell reservoir")
    editor.click()
    page.keyboard.press("Control+Home")
    for _ in WEASEL:
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.type("T")
    assert editor.inner_text().startswith("The Greyfell reservoir")
    page.screenshot(path=str(ARTIFACTS / "02-edited-paragraph.png"))

    with page.expect_response(lambda r: "/newsaudit/pages/" in r.url and r.request.method == "POST") as response:
        page.locator("[data-newsaudit-check]").click()
    assert response.value.status == 200
    fresh = page.locator("[data-newsaudit-panel][data-unsaved]")
    fresh.wait_for(state="visible")
    assert _weasel_marks(fresh) == 0
    assert "Observers note" not in fresh.inner_text()
    fresh.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "03-after-check.png"))

    # Save the draft: the audit of the new revision runs after the response, and the reloaded panel fetches it.
    page.locator("button.action-save").first.click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    toggle = page.locator('[data-side-panel-toggle="newsaudit"]')
    stored = page.locator("[data-newsaudit-panel]:not([data-newsaudit-pending]):not([data-unsaved])")
    if toggle.count() and not page.locator("[data-newsaudit-panel]").is_visible():
        toggle.click()
    stored.wait_for(state="visible")
    assert "Audit of the latest revision" in stored.inner_text()
    assert _weasel_marks(stored) == 0
    assert page.locator("[data-newsaudit-panel]").count() == 1
    page.screenshot(path=str(ARTIFACTS / "04-after-save.png"))

    # With a task worker that has not got to the audit yet, the panel says so, then shows it once it is stored.
    default = {"default": {"BACKEND": IMMEDIATE_BACKEND}}
    settings.TASKS = {**getattr(settings, "TASKS", default), "queued": {"BACKEND": DUMMY_BACKEND}}
    settings.NEWSAUDIT_TASK_BACKEND = "queued"
    page.locator("button.action-save").first.click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    if toggle.count() and not page.locator("[data-newsaudit-panel]").is_visible():
        toggle.click()
    waiting = page.locator("[data-newsaudit-panel][data-newsaudit-pending]")
    waiting.wait_for(state="visible")
    assert "Auditing your latest save" in waiting.inner_text()
    page.screenshot(path=str(ARTIFACTS / "05-audit-pending.png"))
    server_errors = []

    def fail_once(route):  # a database busy storing the audit answers one poll with a 500: the panel asks again
        if server_errors:
            route.continue_()
        else:
            server_errors.append(route.request.url)
            route.fulfill(status=500, body="database table is locked")

    page.route(lambda url: "/panel/" in url, fail_once)
    page.wait_for_timeout(1500)  # at least one poll meets the error before the audit is stored
    record_revision(article.revisions.order_by("-pk").first().pk)  # what the worker does
    stored.wait_for(state="visible")
    assert server_errors, "a poll met the server error and the stored panel still arrived"
    assert "Audit of the latest revision" in stored.inner_text()
    page.screenshot(path=str(ARTIFACTS / "06-audit-arrived.png"))
