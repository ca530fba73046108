"""Page-builder layouts (our own block definitions, shaped like CodeRed CMS's): rows of columns of content, cards
in a list, a modal whose content is a stream, buttons, empty media; stored the way Wagtail stores them."""

import pytest
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from newsaudit.engine.readers.streamfield import field_blocks
from newsaudit.pages.extract import stream_raw_blocks

# Choosers read their empty values through the database on Django 6 (in_bulk asks the connection for its limits).
pytestmark = pytest.mark.django_db


class ButtonBlock(blocks.StructBlock):
    button_title = blocks.CharBlock()
    page_link = blocks.PageChooserBlock(required=False)
    button_style = blocks.ChoiceBlock(choices=[("primary", "Primary")], required=False)


class CardBlock(blocks.StructBlock):
    image = ImageChooserBlock(required=False)
    title = blocks.CharBlock(required=False)
    description = blocks.RichTextBlock(required=False)
    links = blocks.StreamBlock([("link", ButtonBlock())], required=False)


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    author = blocks.CharBlock(required=False)


CONTENT = [
    ("text", blocks.RichTextBlock(required=False)),
    ("quote", QuoteBlock()),
    ("card", CardBlock()),
    ("button", ButtonBlock()),
    ("html", blocks.RawHTMLBlock()),
    ("image", ImageChooserBlock(required=False)),
    ("video", EmbedBlock(required=False)),
]


class ModalBlock(blocks.StructBlock):
    button_title = blocks.CharBlock()
    header = blocks.CharBlock(required=False)
    content = blocks.StreamBlock(CONTENT)


class ColumnBlock(blocks.StructBlock):
    column_size = blocks.ChoiceBlock(choices=[("6", "Half")], required=False)
    content = blocks.StreamBlock([*CONTENT, ("modal", ModalBlock())])


class RowBlock(blocks.StructBlock):
    fluid = blocks.BooleanBlock(required=False)
    content = blocks.StreamBlock([("column", ColumnBlock())])


LAYOUT = blocks.StreamBlock([("row", RowBlock()), ("cards", blocks.ListBlock(CardBlock())), *CONTENT])

INTRO = "The council will rebuild the river wall at Dunmere this summer."
CARD_TITLE = "Two metres higher"
CARD_TEXT = "The new wall will stand two metres higher, said Ana Ruiz of the river trust."
MODAL_TEXT = "The old wall was a disgraceful relic of neglect."
MODAL_QUOTE = "We will not flood again. \u2014 Tom Okafor"
HTML_TEXT = "Work starts in May and ends in October."
LIST_CARD_TITLE = "Closed paths"
LIST_CARD_TEXT = "The towpath will close for the whole summer, the trust said."


def stored(raw: list[dict]) -> list[dict]:
    """The body as Wagtail stores it once an editor saves it: cleaned block values written back (every block
    with an id, struct defaults filled in, list items as `{"type": "item", "value", "id"}`)."""
    value = LAYOUT.clean(LAYOUT.to_python(raw))
    return stream_raw_blocks("body", StreamValue(LAYOUT, LAYOUT.get_prep_value(value), is_lazy=True), [])


def test_nested_layout_blocks_are_read_once_in_order_without_controls_or_media():
    column = {
        "column_size": "6",
        "content": [
            {"type": "text", "value": f"<p>{INTRO}</p>"},
            {"type": "card", "value": {"title": CARD_TITLE, "description": f"<p>{CARD_TEXT}</p>", "links": []}},
            {"type": "button", "value": {"button_title": "Read the council's report"}},
            {"type": "image", "value": None},
            {"type": "video", "value": ""},
            {"type": "text", "value": ""},
            {
                "type": "modal",
                "value": {
                    "button_title": "Open the history",
                    "header": "A history of floods",
                    "content": [
                        {"type": "text", "value": f"<p>{MODAL_TEXT}</p>"},
                        {"type": "quote", "value": {"text": "We will not flood again.", "author": "Tom Okafor"}},
                    ],
                },
            },
            {"type": "html", "value": f"<div><p>{HTML_TEXT}</p></div>"},
        ],
    }
    raw = [
        {"type": "row", "value": {"fluid": True, "content": [{"type": "column", "value": column}]}, "id": "row-1"},
        {"type": "cards", "value": [{"title": LIST_CARD_TITLE, "description": f"<p>{LIST_CARD_TEXT}</p>"}]},
    ]
    rows = [(b.kind, b.text) for b in field_blocks("body", stored(raw))]
    assert rows == [
        ("paragraph", INTRO),
        ("heading", CARD_TITLE),
        ("paragraph", CARD_TEXT),
        ("paragraph", "A history of floods"),
        ("paragraph", MODAL_TEXT),
        ("quote", MODAL_QUOTE),
        ("paragraph", HTML_TEXT),
        ("heading", LIST_CARD_TITLE),
        ("list_item", LIST_CARD_TEXT),
    ]


def test_nested_blocks_keep_the_id_of_their_nearest_stream_block():
    raw = [
        {
            "type": "row",
            "value": {
                "content": [{"type": "column", "value": {"content": [{"type": "text", "value": "<p>A b.</p>"}]}}]
            },
            "id": "row-1",
        }
    ]
    body = stored(raw)
    text_block = body[0]["value"]["content"][0]["value"]["content"][0]
    (block,) = field_blocks("body", body)
    assert block.block_id == text_block["id"] != "row-1"
