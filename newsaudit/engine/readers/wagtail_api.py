"""Wagtail API v2 JSON (`/api/v2/pages/` listing or `/api/v2/pages/<id>/` detail) -> Documents.

A page is `{"id", "meta": {"type", "html_url", "slug", "first_published_at", ...}, "title", ...api_fields}`.
Its document id is `page:<id>`, stable between exports, and its title opens the text as the headline. Article text
is every rich-text, StreamField or prose field (see `streamfield.is_text_field`), or exactly the fields named in
the `export_fields` setting. A listing item without any article text (the home page, or a listing fetched without
`?fields=*`) is skipped; a listing where no item has any is one error, so an empty audit never passes silently.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..document import BlockInput, Document, build_document
from .errors import DocumentError
from .streamfield import field_blocks, is_text_field

META_KEYS = {"html_url": "url", "first_published_at": "published", "type": "type", "slug": "slug", "locale": "locale"}


def is_page(data: Any) -> bool:
    """A page detail object, or a listing item: an `id` and a `meta` object."""
    return isinstance(data, dict) and "id" in data and isinstance(data.get("meta"), dict)


def is_listing(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("items"), list) and isinstance(data.get("meta", {}), dict)


def read_api(data: Any, source: str, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    """A listing (`{"meta", "items"}`) or one page detail object."""
    if not is_listing(data):
        yield read_page(data, source, fields)
        return
    read_any = False
    for index, item in enumerate(data["items"]):
        if not is_page(item):
            yield DocumentError(f"{source}#{index}", "listing item is not a page object with 'id' and 'meta'")
            read_any = True
            continue
        result = read_page(item, source, fields)
        if isinstance(result, DocumentError) and result.message == NO_TEXT and not fields:
            continue  # a page type without article text (home or index page)
        read_any = True
        yield result
    if not read_any and data["items"]:
        yield DocumentError(
            source,
            "no page in the listing has article text; request it with ?fields=* or name "
            "the fields in the export_fields setting",
        )


NO_TEXT = "page has no article text fields"


def read_page(page: dict, source: str, fields: Sequence[str] = ()) -> Document | DocumentError:
    doc_id = f"page:{page.get('id')}" if isinstance(page.get("id"), int | str) else source
    title = page.get("title") if isinstance(page.get("title"), str) else ""
    try:
        blocks = page_blocks(page, fields)
    except (RecursionError, MemoryError):
        return DocumentError(doc_id, "page fields nested too deeply", title)
    if not blocks:
        return DocumentError(
            doc_id, NO_TEXT if not fields else f"none of the fields {', '.join(fields)} has text", title
        )
    if title:
        blocks.insert(0, BlockInput("headline", title))
    return build_document(doc_id, blocks, title=title.strip(), meta=page_meta(page))


def page_blocks(page: dict, fields: Sequence[str] = ()) -> list[BlockInput]:
    blocks: list[BlockInput] = []
    for name, value in page.items():
        if name in ("id", "meta"):
            continue
        if (name in fields) if fields else is_text_field(name, value):
            blocks.extend(field_blocks(name, value))
    return blocks


def page_meta(page: dict) -> dict[str, str]:
    meta = page.get("meta") if isinstance(page.get("meta"), dict) else {}
    return {ours: str(meta[theirs]) for theirs, ours in META_KEYS.items() if isinstance(meta.get(theirs), str)}
