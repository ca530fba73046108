"""The live check cuts an oversized form before the expensive parts: field by field, to a budget derived from the
text the audit looks at; the result stays a valid form, the report says it is partial, and no cut (inside a JSON
string, an HTML tag, a link's range) ends in a 500."""

import json

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.live.input_budget import FLOOR_CHARS, MARKUP_MARGIN, SLACK_CHARS, cut_form

from ..fuzzing import html_fragments, prose
from .test_panel_views import edit_form

SENTENCE = "The ferry to the island runs twice a day, the harbour office said on Tuesday. "


def contentstate(*texts: str, link_at: int | None = None) -> str:
    blocks = [
        {"key": f"k{i}", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
        for i, text in enumerate(texts)
    ]
    entity_map = {}
    if link_at is not None:
        blocks[0]["entityRanges"] = [{"offset": link_at, "length": 10, "key": 0}]
        blocks[0]["inlineStyleRanges"] = [{"offset": link_at, "length": 10, "style": "BOLD"}]
        entity_map = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "https://example.org"}}}
    return json.dumps({"blocks": blocks, "entityMap": entity_map})


def form(**values: str) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in values.items():
        data[key] = value
    return data


def test_short_forms_are_left_as_they_are():
    data = form(title="Ferry", body=contentstate(SENTENCE * 5))
    assert cut_form(data, 1000).data is data
    assert not cut_form(data, 1000).cut


def test_a_long_rich_text_value_is_cut_to_the_text_budget_and_stays_valid_json():
    data = form(title="Ferry", **{"body-0-value": contentstate(SENTENCE * 5000, SENTENCE, link_at=5)})
    cut = cut_form(data, 1000)
    assert cut.cut and cut.fields == ["body-0-value"] and cut.dropped_chars > 300_000
    state = json.loads(cut.data["body-0-value"])
    assert sum(len(b["text"]) for b in state["blocks"]) == 1000 + SLACK_CHARS - len("Ferry")  # short values count too
    assert len(state["blocks"]) == 1  # the second block is beyond the budget
    assert state["entityMap"] and state["blocks"][0]["entityRanges"][0]["offset"] == 5
    assert cut.data["title"] == "Ferry"


def test_ranges_crossing_the_cut_are_clipped_and_unused_links_dropped():
    text = SENTENCE * 200
    budget = 1000 + SLACK_CHARS
    data = form(body=contentstate(text, link_at=budget - 4))
    state = json.loads(cut_form(data, 1000).data["body"])
    assert state["blocks"][0]["entityRanges"] == [{"offset": budget - 4, "length": 4, "key": 0}]
    beyond = json.loads(cut_form(form(body=contentstate(text, link_at=budget + 50)), 1000).data["body"])
    assert beyond["blocks"][0]["entityRanges"] == [] and beyond["entityMap"] == {}


def test_raw_values_keep_room_for_markup_and_the_budget_is_shared_in_form_order():
    html = "<p>" + SENTENCE * 3000 + "</p>"
    data = form(first=html, second=html, slug="ferry")
    cut = cut_form(data, 1000)
    assert len(cut.data["first"]) == (1000 + SLACK_CHARS) * MARKUP_MARGIN
    assert len(cut.data["second"]) == FLOOR_CHARS  # the budget went to the first field
    assert cut.data["slug"] == "ferry"


def test_many_empty_blocks_are_cut_too():
    data = form(body=contentstate(*[""] * 50_000))
    state = json.loads(cut_form(data, 1000).data["body"])
    assert len(state["blocks"]) < 1000


def test_no_bound_means_no_cut():
    data = form(body="x" * 100_000)
    assert cut_form(data, 0).data is data


def test_not_json_or_not_draftail_is_cut_as_text():
    for value in ("{" * 10_000, json.dumps({"blocks": "nope", "pad": "x" * 100_000}), "[" * 100_000):
        cut = cut_form(form(body=value), 100)
        assert len(cut.data["body"]) <= (100 + SLACK_CHARS) * MARKUP_MARGIN


cut_points = st.integers(min_value=1, max_value=400)
pieces = st.one_of(prose, html_fragments(), st.sampled_from(['{"blocks": [', '"text": "', "\\u00e9", "\\", '"']))


@given(texts=st.lists(pieces, min_size=1, max_size=6), max_chars=cut_points, raw=st.booleans())
def test_any_value_any_budget_cuts_without_error(texts, max_chars, raw):
    value = "".join(texts) * 40 if raw else contentstate(*[t * 40 for t in texts], link_at=3)
    cut = cut_form(form(body=value, title="Ferry"), max_chars)
    kept = cut.data["body"]
    assert len(kept) <= max(len(value), FLOOR_CHARS)
    if not raw and len(value) > FLOOR_CHARS:
        json.loads(kept)  # still valid JSON, whatever the cut


@pytest.fixture
def editor(admin_user):
    cache.clear()
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


@override_settings(NEWSAUDIT_LIVE_CHECKS_PER_MINUTE=0, NEWSAUDIT_LIVE_CHECK_MAX_CHARS=300)
@settings(max_examples=min(10, settings().max_examples))
@given(paragraph=st.lists(pieces, min_size=1, max_size=8).map("".join), repeat=st.integers(10, 60))
def test_a_cut_anywhere_in_a_paragraph_still_answers_the_panel(editor, saved_article, paragraph, repeat):
    """The paragraph (prose, tags, JSON-looking fragments, as an editor may type them) is long enough to be cut
    at a place the example picks."""
    text = (paragraph + " " + SENTENCE) * repeat
    data = {**edit_form(saved_article, "<p>x</p>"), "body-0-value": contentstate(text, link_at=7)}
    response = editor.post(reverse("newsaudit:check", args=[saved_article.pk]), data)
    assert response.status_code < 500, response.content[:300]
    body = response.content.decode()
    if response.status_code == 200 and "data-unsaved" in body and len(text) > 300:  # audited, not a form error
        assert "This audit is partial" in body


@override_settings(NEWSAUDIT_LIVE_CHECK_MAX_CHARS=2000)
def test_the_engine_never_sees_the_whole_paste(editor, saved_article):
    paragraph = "<p>" + SENTENCE * (2_000_000 // len(SENTENCE)) + "</p>"
    html = editor.post(
        reverse("newsaudit:check", args=[saved_article.pk]), edit_form(saved_article, paragraph)
    ).content.decode()
    assert 'data-newsaudit-finding="NA506"' in html and "This audit is partial" in html
    # The audit's "of N characters" is what reached the engine: the cut form, not the 2 MB paste.
    total = int(html.split("characters.", 1)[0].rsplit(" of ", 1)[1].replace(",", ""))
    assert 2000 < total < 2000 + SLACK_CHARS + 1000
