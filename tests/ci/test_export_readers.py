"""Wagtail API v2 and dumpdata exports -> Documents (fixtures shaped like Wagtail 7/8 output, prose our own)."""

import json
from pathlib import Path

import pytest

from newsaudit.engine.readers import DocumentError, read_path
from newsaudit.engine.readers.exports import read_export
from newsaudit.engine.readers.streamfield import expand_db_links, field_blocks, is_text_field

from .helpers import FIXTURES


def blocks_of(doc) -> list[tuple[str, str | None, str]]:
    return [(b.kind, b.block_id, doc.text[b.start : b.end]) for b in doc.blocks]


def test_api_detail_reads_streamfield_blocks_in_order():
    (doc,) = read_path(FIXTURES / "api_detail.json")
    assert doc.id == "page:4"
    assert doc.title == "Council approves harbour wall repairs"
    kinds = [(kind, text) for kind, _, text in blocks_of(doc)]
    assert kinds[:4] == [
        ("headline", "Council approves harbour wall repairs"),
        ("paragraph", "Councillors in Westmere voted on Tuesday to rebuild the harbour wall."),
        ("byline", "By Nell Okafor"),
        ("heading", "What was decided"),
    ]
    assert ("quote", "We have waited eleven winters for this. \u2014 Ayo Brennan, harbour master") in kinds  # rich text
    assert ("caption", "The harbour wall after the January storm.") in kinds
    assert ("credit", "Photo: Westmere Council") in kinds
    assert ("list_item", "Work starts in May.") in kinds
    text = doc.text
    assert "video.example.org" not in text and "2026-03-02" not in text and "harbour-wall-vote" not in text
    assert "search_description" not in text and "Councillors vote on the harbour wall repairs" not in text
    assert doc.meta["url"] == "http://localhost/news/harbour-wall-vote/"


def test_block_ids_and_db_links_are_kept():
    (doc,) = read_path(FIXTURES / "api_detail.json")
    paragraph = next(b for b in doc.blocks if "budget paper" in doc.text[b.start : b.end])
    assert paragraph.block_id == "0d4e6b2f-5a3c-4f1e-8b7d-9c2a1e3f4b02"
    (link,) = paragraph.links
    assert doc.text[link.start : link.end] == "council budget paper" and link.href == "document:7"


def test_suppression_comment_in_a_raw_html_block_survives():
    (doc,) = read_path(FIXTURES / "api_detail.json")
    block = next(b for b in doc.blocks if "Observers note" in doc.text[b.start : b.end])
    assert block.suppressed == frozenset({"NA201"})
    assert block.block_id == "3d4e5f6a-7b8c-4d9e-0f1a-2b3c4d5e6f06"


def test_api_listing_skips_pages_without_text_and_reads_list_items():
    docs = list(read_path(FIXTURES / "api_listing_html.json"))
    assert [d.id for d in docs] == ["page:5", "page:6"]
    items = [(b.kind, b.block_id) for b in docs[0].blocks if b.kind == "list_item"]
    assert items == [
        ("list_item", "6a7b8c9d-0e1f-4a2b-3c4d-5e6f7a8b9c09"),
        ("list_item", "7b8c9d0e-1f2a-4b3c-4d5e-6f7a8b9c0d10"),
    ]
    (link,) = docs[0].blocks[2].links
    assert link.href == "/news/library-board/"


def test_listing_without_any_text_is_one_error():
    listing = {"meta": {"total_count": 1}, "items": [{"id": 2, "meta": {"type": "news.StoryPage"}, "title": "A"}]}
    (item,) = read_export(listing, "pages.json")
    assert isinstance(item, DocumentError) and "?fields=*" in item.message and "api_fields" in item.message


INTRO = "<p>Our reporters cover the valley's towns, its courts and its council.</p>"
STORY = "<p>The council closed the east bridge on Monday after engineers found cracks, its leader said.</p>"


def test_home_index_and_listing_pages_are_not_audited_in_api_exports():
    """Their text introduces other pages: auditing it as an article flagged 'Our' in an index page's title."""
    items = [
        {"id": n, "meta": {"type": kind}, "title": title, "intro": INTRO}
        for n, kind, title in [
            (2, "home.HomePage", "Home"),
            (3, "news.AuthorIndexPage", "Our writers"),
            (4, "news.SectionListingPage", "Towns"),
            (5, "news.ResearchPage", "Our research"),
        ]
    ]
    story = {"id": 6, "meta": {"type": "news.StoryPage"}, "title": "East bridge closed", "body": STORY}
    docs = list(read_export({"meta": {"total_count": 5}, "items": [*items, story]}, "pages.json"))
    assert [d.id for d in docs] == ["page:5", "page:6"]
    (only_index,) = read_export({"meta": {"total_count": 3}, "items": items[:3]}, "pages.json")
    assert isinstance(only_index, DocumentError) and "index and listing pages are not audited" in only_index.message


def test_home_index_and_listing_pages_are_not_audited_in_dumpdata_exports():
    types = {2: "home.homepage", 3: "news.authorindexpage", 5: "news.researchpage", 6: "news.storypage"}
    rows = [
        row
        for pk, label in types.items()
        for row in (
            {
                "model": "wagtailcore.page",
                "pk": pk,
                "fields": {"title": f"Page {pk}", "content_type": label.split(".")},
            },
            {"model": label, "pk": pk, "fields": {"intro": INTRO if pk != 6 else STORY}},
        )
    ]
    assert [d.id for d in read_export(rows, "site.json")] == ["page:5", "page:6"]
    (only_index,) = read_export(rows[:4], "site.json")
    assert isinstance(only_index, DocumentError) and "index and listing pages are not audited" in only_index.message


@pytest.mark.parametrize("base", ["lab.basepage", "wagtail_river.riverpage"])
@pytest.mark.parametrize("base_rows_first", [True, False])
def test_a_page_type_built_on_a_concrete_base_page_is_known_by_its_own_row(base, base_rows_first):
    """Multi-table inheritance (a blog app's BasePage, wagtail-feathers' FeatherBasePage under its index and item
    pages): the base's rows hold the text, the types' own rows say the type, in either order (dumpdata lists apps
    as named). The list page is skipped, the post read with its type; an app named wagtail_... is no Wagtail's."""
    types = {7: "lab.postlistpage", 8: "lab.postpage"}
    pages = [
        {"model": "wagtailcore.page", "pk": pk, "fields": {"title": f"P{pk}", "content_type": t.split(".")}}
        for pk, t in types.items()
    ]
    base_rows = [{"model": base, "pk": pk, "fields": {"intro": INTRO if pk == 7 else STORY}} for pk in types]
    own_rows = [{"model": label, "pk": pk, "fields": {"pinned": False}} for pk, label in types.items()]
    rows = [*pages, *(base_rows + own_rows if base_rows_first else own_rows + base_rows)]
    (post,) = read_export(rows, "site.json")
    assert post.id == "page:8" and post.meta["type"] == "lab.postpage" and "east bridge" in post.text


def test_dumpdata_joins_page_rows_and_reports_the_broken_one():
    items = list(read_path(FIXTURES / "dumpdata.json"))
    assert [i.id for i in items] == ["page:4", "page:5", "page:6"]
    good, draft, broken = items
    assert good.title == "Bridge closure extended by a month" and good.meta["live"] == "true"
    assert draft.meta["live"] == "false"
    assert isinstance(broken, DocumentError) and "StreamField JSON" in broken.message
    assert "admin" not in good.text and "Harbour wall" not in good.text  # other models are skipped
    quote = next(b for b in good.blocks if b.kind == "quote")
    assert quote.block_id == "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d14"
    assert [lk.href for b in good.blocks for lk in b.links] == ["page:9"]


def test_dumpdata_of_one_app_reads_rows_with_text():
    rows = [
        {
            "model": "news.articlepage",
            "pk": 8,
            "fields": {
                "body": json.dumps(
                    [{"type": "paragraph", "value": "<p>The ferry runs again from Monday.</p>", "id": "x1"}]
                )
            },
        }
    ]
    (doc,) = read_export(rows, "news.json")
    assert doc.id == "page:8" and "ferry" in doc.text


def test_export_fields_setting_names_the_text_fields():
    page = {
        "id": 9,
        "meta": {"type": "news.ArticlePage"},
        "title": "T",
        "summary": "<p>Short summary here.</p>",
        "body": [{"type": "paragraph", "value": "<p>Body text here.</p>", "id": "b"}],
    }
    (doc,) = read_export(page, "p.json", fields=("body",))
    assert "Body text" in doc.text and "summary" not in doc.text.lower()


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("body", [{"type": "paragraph", "value": "<p>x</p>", "id": "a"}], True),
        ("intro", "<p>Rich text.</p>", True),
        ("standfirst", "A plain sentence of prose.", True),
        ("first_published_at", "2026-03-02T09:15:00Z", False),
        ("hero_image", {"id": 3}, False),
        ("canonical_url", "https://example.org/a b", False),
        ("seo_title", "Search engine title text", False),
        ("title", "The title", False),
        ("count", 3, False),
    ],
)
def test_text_fields_are_found_generically(name, value, expected):
    assert is_text_field(name, value) is expected


def test_a_section_exported_from_postgresql_reads_its_heading_first():
    """jsonb keeps keys shortest first: a titled section's {"heading", "content"} comes out as {"content",
    "heading"}; a struct whose keys are not in that order keeps the order it has."""
    paragraphs = [{"type": "paragraph", "id": "p1", "value": "<p>The ferry stops in May, the county said.</p>"}]
    from_postgresql = [{"type": "section", "id": "s1", "value": {"content": paragraphs, "heading": "Ferry ends"}}]
    declared = [
        {"type": "section", "id": "s1", "value": {"summary": "<p>Buses run instead.</p>", "title": "Buses from June"}}
    ]
    assert [b.kind for b in field_blocks("body", from_postgresql)] == ["heading", "paragraph"]
    assert [b.text for b in field_blocks("body", declared)] == ["Buses run instead.", "Buses from June"]


def test_stored_and_display_rich_text_read_the_same():
    stored = '<p data-block-key="a">See the <a linktype="page" id="3">plan</a>.</p><embed embedtype="image" id="5" format="left" alt="x"/>'
    display = '<p>See the <a href="/plan/">plan</a>.</p><img alt="x" src="/media/x.jpg">'
    assert [b.text for b in field_blocks("body", stored)] == [b.text for b in field_blocks("body", display)]
    assert 'href="page:3"' in expand_db_links(stored)


def test_layout_blocks_read_card_titles_once_and_skip_buttons_and_menus():
    """A page builder's layout: a row of columns of content, cards with a title and a stream of buttons, a button
    block, a menu; the card's title is text (a struct's `title` is not the page's), a control's label is not."""
    card = {
        "title": "Where the wall will rise",
        "description": "<p>The new wall will stand two metres high, said Ana Ruiz of the river trust.</p>",
        "links": [{"type": "link", "value": {"button_title": "Read the whole plan", "page": 4}, "id": "l1"}],
    }
    column = {
        "column_size": "6",
        "content": [
            {"type": "card", "value": card, "id": "c1"},
            {"type": "button", "value": {"text": "Give to the flood appeal", "url": "/appeal/"}, "id": "b1"},
            {"type": "text", "value": "<p>Work starts in May and ends in October.</p>", "id": "t1"},
        ],
    }
    body = [
        {"type": "row", "value": {"fluid": False, "content": [{"type": "column", "value": column}]}, "id": "r1"},
        {"type": "nav_menu", "value": [{"type": "item", "value": "Home page of the trust"}], "id": "m1"},
    ]
    rows = [(b.kind, b.block_id, b.text) for b in field_blocks("body", body)]
    assert rows == [
        ("heading", "c1", "Where the wall will rise"),
        ("paragraph", "c1", "The new wall will stand two metres high, said Ana Ruiz of the river trust."),
        ("paragraph", "t1", "Work starts in May and ends in October."),
    ]


def test_deeply_nested_stream_is_linear_and_safe():
    value: object = "<p>Deep text in a block.</p>"
    for _ in range(5000):
        value = [{"type": "section", "value": value, "id": "n"}]
    (block,) = field_blocks("body", value)
    assert block.text == "Deep text in a block."


@pytest.mark.parametrize(
    "data",
    [
        {"items": [1, "x", None]},
        {"id": 3, "meta": {}, "body": {"unexpected": [1, 2]}},
        [{"model": "news.articlepage", "pk": 1, "fields": "oops"}],
        [{"model": "news.articlepage", "pk": 1, "fields": {"body": '[{"type": 1}]'}}],
        42,
    ],
)
def test_bad_records_become_document_errors(data):
    items = list(read_export(data, "bad.json"))
    assert items and all(isinstance(i, DocumentError) for i in items)


def test_json_file_of_records_still_reads(tmp_path: Path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"id": "a", "text": "The mill reopened."}]), encoding="utf-8")
    (doc,) = read_path(path)
    assert doc.id == "a"


def test_markdown_rich_text_format_reads_like_html():
    page = {
        "id": 7,
        "meta": {"type": "news.ArticlePage"},
        "title": "Harbour",
        "body": [
            {"type": "heading", "value": "Timeline", "id": "h"},
            {
                "type": "paragraph",
                "value": "The plan costs **4.2 million**, says the [council paper](wagtail://document/7).\n\n"
                "- Work starts in *May*.\n- The path stays open.\n\n![A wall](wagtail://image/12)",
                "id": "p",
            },
        ],
    }
    (doc,) = read_export(page, "p.json")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks[1:]] == [
        ("heading", "Timeline"),
        ("paragraph", "The plan costs 4.2 million, says the council paper."),
        ("list_item", "Work starts in May."),
        ("list_item", "The path stays open."),
    ]
    (link,) = doc.blocks[2].links
    assert doc.text[link.start : link.end] == "council paper" and link.href == "wagtail://document/7"


def _page_row(pk: int, content_type, depth: int = 3, title: str = "") -> dict:
    return {
        "model": "wagtailcore.page",
        "pk": pk,
        "fields": {"title": title or f"Page {pk}", "depth": depth, "content_type": content_type},
    }


def _body(text: str) -> str:
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>", "id": f"b{len(text)}"}])


def _site_dump(content_type) -> list[dict]:
    """A root page, two articles and one index page, plus a snippet, a settings row and form fields whose pks
    equal page pks (dumpdata writes each table's rows with their own ids)."""
    return [
        _page_row(1, content_type("wagtailcore", "page"), depth=1, title="Root"),
        _page_row(3, content_type("news", "sectionpage")),
        _page_row(4, content_type("news", "articlepage")),
        _page_row(5, content_type("news", "articlepage")),
        {"model": "news.sectionpage", "pk": 3, "fields": {"intro": "Every story about the harbour works."}},
        {"model": "news.articlepage", "pk": 4, "fields": {"body": _body("The ferry runs again from Monday.")}},
        {"model": "news.articlepage", "pk": 5, "fields": {"body": _body("The bridge reopens next week.")}},
        {"model": "site.footertext", "pk": 1, "fields": {"body": "Copyright the harbour gazette, all rights kept."}},
        {"model": "site.socialsettings", "pk": 3, "fields": {"tagline": "Read the harbour news every single day."}},
        {"model": "forms.formfield", "pk": 4, "fields": {"label": "Your name and your email address", "page": 6}},
        {"model": "forms.formfield", "pk": 5, "fields": {"label": "What would you like to tell us today", "page": 6}},
    ]


@pytest.mark.parametrize("keys", ["ids", "natural", "contenttype rows"])
def test_dumpdata_gives_one_document_per_page_never_a_snippet_or_setting(keys):
    ids = {("wagtailcore", "page"): 1, ("news", "sectionpage"): 40, ("news", "articlepage"): 41}
    if keys == "natural":
        rows = _site_dump(lambda app, model: [app, model])
    else:
        rows = _site_dump(lambda app, model: ids[(app, model)])
    if keys == "contenttype rows":
        rows += [
            {"model": "contenttypes.contenttype", "pk": pk, "fields": {"app_label": app, "model": model}}
            for (app, model), pk in ids.items()
        ]
    docs = list(read_export(rows, "dump.json"))
    assert [d.id for d in docs] == ["page:3", "page:4", "page:5"]
    assert [d.title for d in docs] == ["Page 3", "Page 4", "Page 5"]
    assert "Every story" in docs[0].text and "tagline" not in docs[0].text and "Read the harbour" not in docs[0].text
    assert all("email" not in d.text and "Copyright" not in d.text for d in docs)


def test_base_listing_without_body_fields_says_which_listings_to_request():
    listing = {
        "meta": {"total_count": 2},
        "items": [
            {"id": 2, "meta": {"type": "news.ArticlePage"}, "title": "A story"},
            {"id": 3, "meta": {"type": "news.SectionPage"}, "title": "News"},
        ],
    }
    (item,) = read_export(listing, "pages.json")
    assert isinstance(item, DocumentError)
    assert "?type=news.ArticlePage&fields=*" in item.message and "offset" in item.message
    assert "news.SectionPage" in item.message and "--api" in item.message


def test_a_byline_kept_as_a_reference_to_an_author_row_is_the_documents_byline():
    """dumpdata writes an article's author snippet (a ForeignKey) or its authors (many-to-many) as ids: the
    documents had no byline, and a long story got a missing-byline finding though its author was chosen."""
    body = json.dumps([{"type": "paragraph", "value": "<p>The ferry runs again from Monday.</p>", "id": "x1"}])
    rows = [
        {
            "model": "wagtailcore.page",
            "pk": 8,
            "fields": {"title": "Ferry back", "content_type": ["news", "storypage"]},
        },
        {
            "model": "wagtailcore.page",
            "pk": 9,
            "fields": {"title": "Ferry late", "content_type": ["news", "storypage"]},
        },
        {"model": "news.storypage", "pk": 8, "fields": {"author": 3, "body": body}},
        {"model": "news.storypage", "pk": 9, "fields": {"authors": [3, 4, 5], "body": body}},
        {"model": "people.authorsnippet", "pk": 3, "fields": {"title": "Nell  Okafor"}},
        {"model": "people.authorsnippet", "pk": 4, "fields": {"first_name": "Ivo", "last_name": "Brand"}},
        {"model": "news.storytopic", "pk": 5, "fields": {"title": "Transport"}},
    ]
    one, several = read_export(rows, "site.json")
    assert one.meta["byline"] == "Nell Okafor"
    assert several.meta["byline"] == "Nell Okafor, Ivo Brand, authors #5"  # a row the dump lacks stays a reference


def test_a_form_page_is_not_read_from_a_dumpdata_export():
    """A contact form's introduction was audited as an article in CI; the Wagtail side skips form pages."""
    intro = "<p>Tell us what you saw at the flood; critics say the council never asks.</p>"
    rows = [
        {
            "model": "wagtailcore.page",
            "pk": 30,
            "fields": {"title": "Contact us", "content_type": ["forms", "formpage"]},
        },
        {"model": "wagtailcore.page", "pk": 31, "fields": {"title": "Flood", "content_type": ["news", "storypage"]}},
        {"model": "forms.formpage", "pk": 30, "fields": {"introduction": intro}},
        {"model": "news.storypage", "pk": 31, "fields": {"introduction": "<p>The river rose by a metre.</p>"}},
        {
            "model": "forms.formfield",
            "pk": 1,
            "fields": {"sort_order": 0, "clean_name": "name", "label": "Name", "field_type": "singleline", "page": 30},
        },
    ]
    (doc,) = read_export(rows, "site.json")
    assert doc.id == "page:31"
