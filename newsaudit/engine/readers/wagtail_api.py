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

from ..document import BlockInput, Document
from .errors import DocumentError
from .streamfield import field_blocks, is_text_field, page_document

META_KEYS = {"html_url": "url", "first_published_at": "published", "type": "type", "slug": "slug", "locale": "locale"}


def is_page(data: Any) -> bool:
    """A page detail object, or a listing item: an `id` and a `meta` object."""
    return isinstance(data, dict) and "id" in data and isinstance(data.get("meta"), dict)


def is_listing(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("items"), list) and isinstance(data.get("meta", {}), dict)


def read_api(data: Any, source: str, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    """A listing (`{"meta", "items"}`) or one page detail object."""
    if not is_listing(data):
        page = read_page(data, source, fields)
        yield page if page is not None else DocumentError(page_doc_id(data, source), _no_text(fields), _title(data))
        return
    read_any = False
    for index, item in enumerate(data["items"]):
        if not is_page(item):
            yield DocumentError(f"{source}#{index}", "listing item is not a page object with 'id' and 'meta'")
            read_any = True
            continue
        result = read_page(item, source, fields)
        if result is not None:  # None: a page type without article text (home or index page)
            read_any = True
            yield result
    if not read_any and data["items"]:
        yield DocumentError(
            source,
            f"{_no_text(fields)}: request the listing with ?fields=* or name the text "
            "fields in the export_fields setting",
        )


def read_page(page: dict, source: str, fields: Sequence[str] = ()) -> Document | DocumentError | None:
    """One page as a Document; None when it has no article text."""
    doc_id = page_doc_id(page, source)
    title = _title(page)
    try:
        blocks = page_blocks(page, fields)
    except (RecursionError, MemoryError):
        return DocumentError(doc_id, "page fields nested too deeply", title)
    return page_document(doc_id, blocks, title, page_meta(page))


def page_doc_id(page: dict, source: str) -> str:
    """`page:<id>`, or `source` when the page has no usable id."""
    page_id = page.get("id")
    return f"page:{page_id}" if isinstance(page_id, int | str) and not isinstance(page_id, bool) else source


def _title(page: dict) -> str:
    return page["title"] if isinstance(page.get("title"), str) else ""


def _no_text(fields: Sequence[str]) -> str:
    return f"no page has text in the fields {', '.join(fields)}" if fields else "no page has article text fields"


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
