"""Page (or an unsaved page, or `revision.as_object()`) -> engine Document, block by block.

Every text field the page model adds to `Page` is read in model order: the title becomes the headline,
`byline`/`dateline`/`credit`-like fields become metadata and blocks, TextFields and RichTextFields become
paragraphs, and StreamFields are walked recursively (StreamBlock, ListBlock, StructBlock, rich text, block
quotes, raw HTML, captions) keeping block order and the StreamField block ids, so a finding can point at its block.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html

from .engine import BlockInput, Document, build_document, html_to_blocks

# Field names read as article metadata: name -> (meta key, block kind).
META_FIELDS = {
    "byline": ("byline", "byline"),
    "author": ("byline", "byline"),
    "authors": ("byline", "byline"),
    "dateline": ("dateline", None),
    "credit": ("credit", "credit"),
    "credits": ("credit", "credit"),
    "source_credit": ("credit", "credit"),
}
HEADING_NAMES = {"heading", "subheading", "subhead", "title", "headline", "h2", "h3", "h4", "crosshead"}
ATTRIBUTION_NAMES = {"attribution", "cite", "citation", "source", "author", "speaker"}
QUOTE_TEXT_NAMES = {"quote", "text", "body"}


def page_document(page: Page, max_chars: int | None = None) -> Document:
    """The engine Document for a page instance (saved or not); `page` should be the specific page.

    `max_chars`: the audit will look at no more text than this (the config's `max_text_chars`), so sentences
    beyond it are not split."""
    meta: dict[str, str] = {}
    head: list[BlockInput] = [BlockInput("headline", page.title or "", block_id="field:title")]
    body: list[BlockInput] = []
    tail: list[BlockInput] = []
    for field in own_text_fields(type(page)):
        value = getattr(page, field.name, None)
        if value in (None, ""):
            continue
        if field.name in META_FIELDS and isinstance(value, str):
            key, kind = META_FIELDS[field.name]
            meta.setdefault(key, value.strip())
            if kind == "byline":
                head.append(BlockInput("byline", value, block_id=f"field:{field.name}"))
            elif kind == "credit":
                tail.append(BlockInput("credit", value, block_id=f"field:{field.name}"))
        elif isinstance(field, StreamField):
            body.extend(walk_block(field.stream_block, value, None, field.name))
        elif isinstance(field, RichTextField):
            body.extend(html_to_blocks(expand_db_html(value), block_id=f"field:{field.name}"))
        elif isinstance(field, models.TextField):
            body.append(BlockInput(kind_for_name(field.name), value, block_id=f"field:{field.name}"))
    published = getattr(page, "first_published_at", None)
    if published:
        meta["published"] = published.isoformat()
    blocks = [*head, *body, *tail]
    return build_document(
        f"page:{page.pk or 'new'}", blocks, title=page.title or "", meta=meta, segment_limit=max_chars
    )


def own_text_fields(model: type[Page]) -> list[models.Field]:
    """Concrete fields the page type adds to Page (not Page's own title/slug/SEO fields), in model order."""
    base = {f.name for f in Page._meta.concrete_fields}
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in base and isinstance(f, models.CharField | models.TextField | StreamField)
    ]


def kind_for_name(name: str | None, default: str = "paragraph") -> str:
    name = (name or "").lower()
    if name in HEADING_NAMES:
        return "heading"
    for marker, kind in (("caption", "caption"), ("credit", "credit"), ("quote", "quote"), ("byline", "byline")):
        if marker in name:
            return kind
    return default


def walk_block(block: blocks.Block, value: Any, block_id: str | None, name: str | None) -> Iterator[BlockInput]:
    """BlockInputs for one block value, depth first, in order."""
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from walk_block(child.block, child.value, child.id or block_id, child.block_type)
    elif isinstance(block, blocks.ListBlock):
        for item in _list_items(value):
            item_id, item_value = item
            yield from walk_block(block.child_block, item_value, item_id or block_id, name)
    elif isinstance(block, blocks.StructBlock):
        yield from _walk_struct(block, value, block_id, name)
    elif isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        yield from html_to_blocks(expand_db_html(source), kind=kind_for_name(name), block_id=block_id)
    elif isinstance(block, blocks.RawHTMLBlock):
        yield from html_to_blocks(str(value), kind=kind_for_name(name), block_id=block_id)
    elif isinstance(block, blocks.BlockQuoteBlock):
        yield BlockInput("quote", str(value), block_id=block_id)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock) and isinstance(value, str):
        yield BlockInput(kind_for_name(name), value, block_id=block_id)


def _list_items(value: Any) -> Iterator[tuple[str | None, Any]]:
    bound = getattr(value, "bound_blocks", None)
    if bound is not None:
        for item in bound:
            yield getattr(item, "id", None), item.value
    else:
        for item in value:
            yield None, item


def _walk_struct(block: blocks.StructBlock, value: Any, block_id: str | None, name: str | None) -> Iterator[BlockInput]:
    children = block.child_blocks
    if "quote" in (name or "").lower():
        text_name = next((n for n in children if n in QUOTE_TEXT_NAMES), None)
        cite_name = next((n for n in children if n in ATTRIBUTION_NAMES), None)
        if text_name and cite_name:
            yield _quote_with_attribution(value.get(text_name), value.get(cite_name), block_id)
            return
    for child_name, child_block in children.items():
        yield from walk_block(child_block, value.get(child_name), block_id, child_name)


def _quote_with_attribution(text: Any, attribution: Any, block_id: str | None) -> BlockInput:
    text = str(text or "").strip()
    attribution = str(attribution or "").strip()
    if attribution:
        text = f"{text} \u2014 {attribution}"
    return BlockInput("quote", text, block_id=block_id)
