"""Which part of a whole web page is the article: the story where the paragraphs are, not the teasers, comments
and wrappers around it (measured on real pages by `python -m evaluation --task html`)."""

import time

from newsaudit.engine import read_html

STORY = "".join(
    f"<p>The harbour board met on Tuesday to decide the fate of the old ferry pier, paragraph {n} of the story, "
    "with enough words to read as a paragraph of news.</p>"
    for n in range(6)
)


def page(body: str) -> str:
    return f"<html><head><title>Pier vote</title></head><body>{body}</body></html>"


def test_teasers_marked_as_articles_do_not_hide_the_story():
    teasers = "".join(f"<article><p>Teaser {n}: more from the coast.</p></article>" for n in range(8))
    text = read_html(page(f"<div class='story'>{STORY}</div><section>{teasers}</section>"), "p").text
    assert "paragraph 5 of the story" in text
    assert "Teaser 3" not in text


def test_the_tightest_article_holding_the_story_is_the_root():
    html = page(f"<main><div class='menu-strip'>Home News Sport Weather</div><article>{STORY}</article></main>")
    text = read_html(html, "p").text
    assert "paragraph 0 of the story" in text
    assert "Weather" not in text


def test_a_wrapper_whose_class_looks_like_boilerplate_keeps_the_story_it_holds():
    html = page(f"<div class='box article modal-enabled'>{STORY}</div><div class='related'><p>Also read: x</p></div>")
    text = read_html(html, "p").text
    assert "paragraph 2 of the story" in text
    assert "Also read" not in text


def test_a_form_around_the_whole_page_keeps_the_story_but_a_small_form_goes():
    html = page(f"<form id='page'>{STORY}<form class='search'><p>Search the site</p></form></form>")
    text = read_html(html, "p").text
    assert "paragraph 4 of the story" in text
    assert "Search the site" not in text


def test_a_page_without_paragraphs_still_reads_its_article():
    html = page("<nav>Menu</nav><article><div>The pier closes in May.</div></article>")
    assert "The pier closes in May." in read_html(html, "p").text


def test_many_nested_articles_stay_linear():
    for html in (
        page("<article>" * 20000 + STORY + "</article>" * 20000),
        page("<article>" * 20000 + "<div>No paragraphs here.</div>" + "</article>" * 20000),
        page("<article>" * 3000 + "<p>Deep story text.</p>" + "</article>" * 3000 + STORY),
    ):
        started = time.perf_counter()
        text = read_html(html, "p").text
        assert "paragraph 1 of the story" in text or "No paragraphs here." in text
        assert time.perf_counter() - started < 20


def test_lines_that_are_mostly_links_are_left_out_of_a_page_but_not_of_a_fragment():
    links = "<p><a href='/a'>Pier vote delayed again</a></p><p><a href='/b'>Read more on the pier</a> · 2H ago</p>"
    cited = "<p>The board's <a href='/r'>report</a> says the pier has been unsafe since the winter storms.</p>"
    text = read_html(page(f"<article>{STORY}{cited}{links}</article>"), "p").text
    assert "Read more" not in text and "Pier vote delayed again" not in text
    assert "unsafe since the winter storms" in text
    fragment = read_html(f"{cited}{links}", "f").text
    assert "Read more" in fragment and "unsafe since the winter storms" in fragment


FURNITURE = [
    "<p>Harbour Desk</p>",
    "<p>by Ana Ruiz \u2014 March 3, 2024</p>",
    "<p>Updated Mar. 4, 2024 6:02 AM GMT</p>",
    "<p>By continuing to use this site you accept our use of cookies.</p>",
    "<p>Sign up for our weekly harbour newsletter</p>",
    "<p>0</p>",
]


def test_a_whole_page_leaves_out_its_date_lines_stray_labels_and_consent_lines():
    html = page(f"<article>{''.join(FURNITURE[:3])}{STORY}{''.join(FURNITURE[3:])}</article>")
    text = read_html(html, "p").text
    assert "paragraph 4 of the story" in text
    for line in ("Harbour Desk", "March 3, 2024", "6:02 AM", "cookies", "newsletter"):
        assert line not in text


def test_prose_that_mentions_furniture_words_and_result_lines_stay():
    question = "<p>Did anyone who never accepted the ferry line's terms of service agree to be tracked on board?</p>"
    html = page(f"<article>{STORY}{question}<p>Harbour Rovers d. Quay United 3-1</p></article>")
    text = read_html(html, "p").text
    assert "terms of service" in text
    assert "Quay United 3-1" in text


def test_an_editors_fragment_keeps_every_line():
    fragment = "".join(FURNITURE) + STORY
    text = read_html(fragment, "p").text
    assert "Harbour Desk" in text and "March 3, 2024" in text
