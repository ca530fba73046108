"""The editor's experience in a real browser (Playwright + Debian's chromium), at 1440x900: the panel leads with the
verdict and the first problem above the fold; findings are marked on their exact words inside the Draftail editor
and the title field, with a card; a mark goes once the words are fixed; typing triggers the live check by itself;
an expired session is a message with a login link, never an alert. Screenshots land in test-artifacts/."""

import io

import pytest
from django.core.management import call_command

from example_site.news.models import ArticlePage

from .conftest import SAMPLES
from .test_browser import ARTIFACTS, CHROMIUM, browser, log_in  # noqa: F401  (the browser fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="SKIPPED: /usr/bin/chromium missing (apt-get install chromium)"),
]
VIEWPORT = {"width": 1440, "height": 900}


def _open_editor(browser, live_server, slug: str):  # noqa: F811
    call_command("load_sample_site", dir=SAMPLES, stdout=io.StringIO())
    article = ArticlePage.objects.get(slug=slug)
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport=VIEWPORT)
    page.set_default_timeout(20_000)
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    toggle = page.locator('[data-side-panel-toggle="newsaudit"]')
    if toggle.count():  # Wagtail 8: a side panel; 7.4 shows the AuditPanel in the form
        toggle.click()
    page.locator("[data-newsaudit-panel]").wait_for(state="visible")
    return page, article, alerts


def _body_editor(page):
    return page.locator('[data-contentpath="body"] .public-DraftEditor-content').first


def _click_until_response(page, button, url_part: str, tries: int = 3) -> None:
    """Click `button` until a request to `url_part` answers. A check of unsaved changes that returns while
    the click is under way swaps in a new panel, and a click on the panel being replaced is lost (a user
    clicks again)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for attempt in range(tries):
        button.wait_for(state="visible")  # the group stays open when a newer panel replaces this one
        try:
            with page.expect_response(lambda r: url_part in r.url, timeout=6_000) as response:
                button.click()
            assert response.value.status == 200
            return
        except PlaywrightTimeoutError:
            if attempt == tries - 1:
                raise


def _marks(page, rule: str):
    return page.locator(f'[data-newsaudit-marks] [data-newsaudit-rule="{rule}"]')


def _overlaps(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and abs(a["y"] - b["y"]) < b["height"]


def _word_box(page, editor, word: str) -> dict:
    """The client box of `word` in the editor's text, measured with a Range (independent of the marks' code)."""
    return editor.evaluate(
        """(root, word) => {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const at = walker.currentNode.data.indexOf(word);
                if (at === -1) continue;
                const range = document.createRange();
                range.setStart(walker.currentNode, at);
                range.setEnd(walker.currentNode, at + word.length);
                const r = range.getBoundingClientRect();
                return {x: r.x, y: r.y, width: r.width, height: r.height};
            }
            return null;
        }""",
        word,
    )


def test_panel_leads_with_verdict_and_first_problem_above_the_fold(
    live_server,
    transactional_db,
    django_db_serialized_rollback,
    browser,  # noqa: F811
):
    page, _article, alerts = _open_editor(browser, live_server, "reservoir-levels-weasel")
    if not page.locator('[data-side-panel-toggle="newsaudit"]').count():
        # Wagtail 7.4: the panel sits in the form where the page model puts it; "opening" it is scrolling to it.
        page.locator("[data-newsaudit-panel]").evaluate("el => el.scrollIntoView({block: 'start'})")
    summary = page.locator("[data-newsaudit-summary]")
    assert summary.locator("[data-newsaudit-status]").inner_text() in ("Pass", "Needs work", "Fail")
    assert page.locator("[data-newsaudit-filter]").count() == 5
    first = page.locator('[data-newsaudit-group="problems"] [data-newsaudit-finding]').first
    box = first.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + 40 < VIEWPORT["height"], box
    assert first.get_attribute("data-newsaudit-severity") in ("error", "warning")
    assert not page.locator("[data-newsaudit-sources-section]").get_attribute("open")
    page.screenshot(path=str(ARTIFACTS / "editor-01-panel.png"))
    page.screenshot(path=str(ARTIFACTS / "docs-panel.png"), clip={"x": 1075, "y": 50, "width": 365, "height": 850})

    # A category light filters the findings to that category.
    page.locator('[data-newsaudit-filter="sourcing"]').click()
    visible = page.locator("[data-newsaudit-finding]:visible")
    assert visible.count() >= 1
    assert {visible.nth(i).get_attribute("data-newsaudit-category") for i in range(visible.count())} == {"sourcing"}
    page.locator('[data-newsaudit-filter="sourcing"]').click()
    assert not alerts


def test_marks_sit_on_the_flagged_words_and_go_after_the_fix(
    live_server,
    transactional_db,
    django_db_serialized_rollback,
    browser,  # noqa: F811
):
    page, _article, alerts = _open_editor(browser, live_server, "reservoir-levels-weasel")
    editor = _body_editor(page)
    editor.scroll_into_view_if_needed()
    marks = _marks(page, "NA201")
    marks.first.wait_for(state="attached")
    page.wait_for_timeout(200)  # marks follow the scroll on the next animation frame
    words = _word_box(page, editor, "Observers note")
    mark = marks.first.bounding_box()
    assert words and mark and _overlaps(mark, words), (mark, words)
    assert abs(mark["width"] - words["width"]) < 3
    # Marks live outside the form: nothing of them can be saved into the content.
    assert page.locator("form [data-newsaudit-rule]").count() == 0

    page.mouse.move(mark["x"] + 5, mark["y"] + mark["height"] / 2)
    card = page.locator('[data-newsaudit-card="NA201"]')
    card.wait_for(state="visible")
    assert "Observers note" in card.inner_text() and "NA201" in card.inner_text()
    page.screenshot(path=str(ARTIFACTS / "editor-02-marks-and-card.png"))
    card_box = card.bounding_box()
    top = max(0, mark["y"] - 60)
    clip = {"x": 270, "y": top, "width": 740, "height": card_box["y"] + card_box["height"] + 20 - top}
    page.screenshot(path=str(ARTIFACTS / "docs-marks.png"), clip=clip)

    # Clicking the finding in the panel selects its words in the editor.
    page.locator('[data-newsaudit-finding="NA201"] [data-newsaudit-goto]').first.click()
    assert page.evaluate("window.getSelection().toString()") == "Observers note"

    # Fix the words: the mark goes at once (before any new audit), and typing still works.
    page.locator("[data-newsaudit-live]").uncheck()  # this test watches the marks follow the text, not a new audit
    spot = marks.first.get_attribute("data-spot")
    editor.click()
    page.keyboard.press("Control+Home")
    for _ in "Observers note that t":
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.type("T")
    assert editor.inner_text().startswith("The Greyfell reservoir")
    page.wait_for_function('n => !document.querySelector(`[data-newsaudit-marks] [data-spot="${n}"]`)', arg=spot)
    assert marks.count() >= 1, "the other weasel phrases keep their marks"
    page.keyboard.press("Control+z")
    assert editor.inner_text().startswith("Observers note"), "undo is Draftail's own"
    assert not alerts


def test_typing_runs_the_live_check(live_server, transactional_db, django_db_serialized_rollback, browser):  # noqa: F811
    page, _article, alerts = _open_editor(browser, live_server, "reservoir-levels-weasel")
    editor = _body_editor(page)
    editor.click()
    page.keyboard.press("Control+Home")
    for _ in "Observers note that t":
        page.keyboard.press("Shift+ArrowRight")
    with page.expect_response(lambda r: "/newsaudit/pages/" in r.url and r.request.method == "POST") as response:
        page.keyboard.type("T")
    assert response.value.status == 200
    fresh = page.locator("[data-newsaudit-panel][data-unsaved]")
    fresh.wait_for(state="visible")
    assert fresh.locator('[data-newsaudit-spot][data-excerpt="Observers note"]').count() == 0
    assert fresh.locator('[data-newsaudit-spot][data-excerpt="Many people are saying"]').count() == 1
    assert _marks(page, "NA201").count() >= 1  # the other weasel phrases, marked from the fresh audit
    received = float(fresh.get_attribute("data-received-at"))
    rendered = float(page.locator("[data-newsaudit-marks]").get_attribute("data-rendered-at"))
    print(
        f"live check: round trip {fresh.get_attribute('data-response-ms')} ms, marks {rendered - received:.1f} ms later"
    )
    assert 0 <= rendered - received < 500
    page.screenshot(path=str(ARTIFACTS / "editor-03-live-check.png"))

    # Switched off, typing sends nothing.
    page.locator("[data-newsaudit-live]").uncheck()
    posts = []
    page.on("request", lambda r: posts.append(r) if r.method == "POST" and "/newsaudit/" in r.url else None)
    editor.click()
    page.keyboard.type(" More.")
    page.wait_for_timeout(2000)
    assert posts == []
    assert not alerts


def test_expired_session_is_a_message_with_a_login_link(
    live_server,
    transactional_db,
    django_db_serialized_rollback,
    browser,  # noqa: F811
):
    page, _article, alerts = _open_editor(browser, live_server, "reservoir-levels-weasel")
    page.context.clear_cookies()
    page.locator("[data-newsaudit-check]").click()
    message = page.locator("[data-newsaudit-message]")
    message.wait_for(state="visible")
    assert "session has expired" in message.inner_text()
    assert "/admin/login/" in message.locator("[data-newsaudit-login]").get_attribute("href")
    page.screenshot(path=str(ARTIFACTS / "editor-04-expired-session.png"))
    assert not alerts


def test_dismiss_from_the_card_and_undo(live_server, transactional_db, django_db_serialized_rollback, browser):  # noqa: F811
    from newsaudit.models import Dismissal

    page, article, alerts = _open_editor(browser, live_server, "reservoir-levels-weasel")
    page.locator("[data-newsaudit-live]").uncheck()
    editor = _body_editor(page)
    editor.scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    observers = page.locator('[data-newsaudit-spot][data-excerpt="Observers note"]')
    spot = page.evaluate(
        "() => [...document.querySelectorAll('[data-newsaudit-spot]')]"
        ".findIndex(s => s.dataset.excerpt === 'Observers note')"
    )
    mark = page.locator(f'[data-newsaudit-marks] [data-spot="{spot}"]').first.bounding_box()
    page.mouse.move(mark["x"] + 5, mark["y"] + mark["height"] / 2)
    card = page.locator('[data-newsaudit-card="NA201"]')
    card.locator("[data-newsaudit-dismiss]").click()
    card.locator("[data-newsaudit-reason]").fill("Named in the next paragraph.")
    with page.expect_response(lambda r: "/dismiss/" in r.url) as response:
        card.locator("[data-newsaudit-dismiss-confirm]").click()
    assert response.value.status == 200
    page.locator('[data-newsaudit-group="dismissed"]').wait_for(state="attached")
    assert observers.count() == 0
    dismissed = page.locator('[data-newsaudit-group="dismissed"]')
    dismissed.locator("summary").click()
    assert "Named in the next paragraph." in dismissed.inner_text() and "admin" in dismissed.inner_text()
    assert Dismissal.objects.filter(page_id=article.pk, undone_at__isnull=True).count() == 1
    dismissed.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "editor-05-dismissed.png"))

    undo = page.locator('[data-newsaudit-group="dismissed"] [data-newsaudit-undo]')
    _click_until_response(page, undo, "/undo/")
    observers.first.wait_for(state="attached")
    assert page.locator('[data-newsaudit-group="dismissed"]').count() == 0
    assert not alerts
