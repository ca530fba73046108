"""Page (or an unsaved page, or `revision.as_object()`) -> engine Document, field by field.

A page is read the way its export is read: every field the page type adds to `Page` is turned into the value it is
stored as (a StreamField's raw blocks, rich text's stored HTML, a plain string) and handed to the export readers'
field walker (`engine.readers.streamfield`), so a page audits the same in the editor, in `audit_archive` and in CI
(`newsaudit check` on a dumpdata export). Whatever a block holds, text is read where there is text and everything
else (images, embeds, chosen pages and snippets, tables, numbers) is skipped. A block whose value cannot be turned
into stored form (a broken custom block) is left out and named in the document's `skipped_blocks` metadata: it
never fails the page. The running text of the page's InlinePanel rows (sections, notes, footnotes: ParentalKey rows
with rich text, a TextField or a StreamField) follows the page's own fields, row by row. Byline, dateline and
publication date come from `metadata.page_metadata`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page

from ..engine import Document
from ..engine.readers.streamfield import is_skipped_name
from .inputs import PageInputs, document_of
from .metadata import page_metadata, panel_field_names

SKIPPED_KEY = "skipped_blocks"
MAX_INLINE_ROWS = 200  # rows of one InlinePanel read into the text


def page_document(page: Page, max_chars: int | None = None) -> Document:
    """The engine Document for a page instance (saved or not); `page` should be the specific page.

    `max_chars`: the audit will look at no more text than this (the config's `max_text_chars`), so sentences
    beyond it are not split."""
    return document_of(page_inputs(page), max_chars)


def page_inputs(page: Page) -> PageInputs:
    """What the audit reads of the page, as plain values: what the live check hands to its audit process."""
    skipped: list[str] = []
    values = page_field_values(page, skipped)
    meta = page_metadata(page)
    if skipped:
        meta[SKIPPED_KEY] = "; ".join(skipped)
    return PageInputs(f"page:{page.pk or 'new'}", page.title or "", values, meta)


def own_text_fields(model: type[Page]) -> list[models.Field]:
    """Concrete fields the page type adds to Page (not Page's own title/slug/SEO fields), in the order its edit
    panels show them (an introduction before the body even where the body comes from a base page model), then
    the others in model order."""
    base = {f.name for f in Page._meta.concrete_fields}
    fields = [
        f
        for f in model._meta.concrete_fields
        if f.name not in base and isinstance(f, models.CharField | models.TextField | StreamField)
    ]
    shown = {name: index for index, name in enumerate(panel_field_names(model))}
    return sorted(fields, key=lambda f: shown.get(f.name, len(shown)))


def page_field_values(page: Page, skipped: list[str]) -> dict[str, Any]:
    """Each text field's value as stored: StreamField raw blocks, rich text's stored HTML, plain strings; then the
    running text of the page's inline rows (`inline_text_values`)."""
    values = own_field_values(page, skipped)
    for name, rows in inline_text_values(page, skipped).items():
        values.setdefault(name, rows)
    return values


def own_field_values(page: Page, skipped: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in own_text_fields(type(page)):
        try:
            value = getattr(page, field.name, None)
        except Exception as error:  # a broken field descriptor must not fail the page
            skipped.append(f"{field.name}: {type(error).__name__}")
            continue
        if isinstance(field, StreamField):
            values[field.name] = stream_raw_blocks(field.name, value, skipped)
        elif isinstance(value, str):
            values[field.name] = value
    return values


def stream_raw_blocks(name: str, value: Any, skipped: list[str]) -> list[dict[str, Any]]:
    """A StreamValue's blocks as stored (`{"type", "value", "id"}`), one block at a time: a block that cannot be
    turned into its stored form is left out and noted, and the others are still read."""
    if value is None:
        return []
    raw_data = getattr(value, "raw_data", None)
    if raw_data is None:
        return []
    blocks: list[dict[str, Any]] = []
    for index in range(len(raw_data)):
        try:
            block = raw_data[index]
        except Exception as error:
            skipped.append(f"{name} block {index + 1}: {type(error).__name__}: {error}"[:300])
            continue
        if isinstance(block, dict):
            blocks.append(block)
    return blocks


def inline_text_fields(model: type[models.Model]) -> list[models.Field]:
    """An inline row model's running-text fields (rich text, TextField, StreamField; not one-line CharFields)."""
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.TextField | StreamField) and not is_skipped_name(f.name)
    ]


@cache  # a page type's relations are fixed once its app is loaded; asked on every audit of every page
def inline_relations(model: type[Page]) -> tuple[tuple[str, list[models.Field]], ...]:
    """The page type's InlinePanel relations (ParentalKey rows: sections, notes, footnotes) whose rows hold running
    text, with those fields. Wagtail's own rows (editors' comments) are no part of the page's text, and rows that
    only link the page to a person, a page or a tag hold none."""
    relations = []
    for relation in get_all_child_relations(model):
        row_model = relation.related_model
        fields = inline_text_fields(row_model)
        if fields and not row_model.__module__.startswith("wagtail.") and not is_skipped_name(relation.name):
            relations.append((relation.get_accessor_name(), fields))
    return tuple(relations)


def inline_text_values(page: Page, skipped: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each inline relation's rows (at most MAX_INLINE_ROWS), in their order, as stream blocks of their text fields:
    `{"type": relation, "value": {field: stored value}, "id": "field:<relation>"}`. Read from the page instance, so a
    revision's rows (or the unsaved form's) are read, not the database's."""
    values: dict[str, list[dict[str, Any]]] = {}
    for name, fields in inline_relations(type(page)):
        try:
            rows = list(getattr(page, name).all()[:MAX_INLINE_ROWS])
        except Exception as error:  # a broken relation must not fail the page
            skipped.append(f"{name}: {type(error).__name__}")
            continue
        blocks = [{"type": name, "value": row_text(row, fields, skipped), "id": f"field:{name}"} for row in rows]
        if blocks:
            values[name] = blocks
    return values


def row_text(row: models.Model, fields: list[models.Field], skipped: list[str]) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for field in fields:
        text = getattr(row, field.name, None)
        if isinstance(field, StreamField):
            value[field.name] = stream_raw_blocks(field.name, text, skipped)
        elif isinstance(text, str):
            value[field.name] = text
    return value
