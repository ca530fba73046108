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
from .streamfield import LISTINGS_NOTE, is_listing_type, page_document, page_field_blocks

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
        note = LISTINGS_NOTE if is_listing_page(data) else ""
        yield (
            page
            if page is not None
            else DocumentError(page_doc_id(data, source), _no_text(fields) + note, _title(data))
        )
        return
    read_any = False
    for index, item in enumerate(data["items"]):
        if not is_page(item):
            yield DocumentError(f"{source}#{index}", "listing item is not a page object with 'id' and 'meta'")
            read_any = True
            continue
        result = read_page(item, source, fields)
        if result is not None:  # None: a home, index or listing page, or a page type without article text
            read_any = True
            yield result
    if not read_any and data["items"]:
        yield DocumentError(source, _nothing_read(data["items"], fields))


def listing_documents(listing: dict, source: str, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    """The pages of one listing that have article text (a type's listing fetched by `--api`)."""
    for item in listing.get("items") or ():
        result = read_page(item, source, fields) if is_page(item) else None
        if result is not None:
            yield result


def _nothing_read(items: list, fields: Sequence[str]) -> str:
    if all(is_page(item) and is_listing_page(item) for item in items):
        return _no_text(fields) + LISTINGS_NOTE
    return f"{_no_text(fields)}: {_what_to_request(items)}"


def _what_to_request(items: list) -> str:
    """`/api/v2/pages/` carries only Page's own fields even with ?fields=*: say which listings hold the text."""
    types = sorted({t for item in items if isinstance(t := (item.get("meta") or {}).get("type"), str)})
    example = types[0] if types else "app.Model"
    listed = f" ({', '.join(types[:8])}{', ...' if len(types) > 8 else ''})" if types else ""
    return (
        "the base listing /api/v2/pages/ carries only Page's own fields, even with ?fields=*. Export each page "
        f"type{listed} from its own listing, /api/v2/pages/?type={example}&fields=*&limit=20&offset=0, paging "
        "with offset up to meta.total_count; or let newsaudit page through the site itself: "
        "newsaudit check --api https://your-site/api/v2/ (or name the text fields in the export_fields setting). "
        "A page type that declares no api_fields has only its title in the API, whatever the listing: export "
        "those pages with manage.py dumpdata"
    )


def is_listing_page(page: dict) -> bool:
    """A home, index or listing page (`meta.type`): its text introduces other pages."""
    return is_listing_type(str((page.get("meta") or {}).get("type") or ""))


def read_page(page: dict, source: str, fields: Sequence[str] = ()) -> Document | DocumentError | None:
    """One page as a Document; None when it is a home, index or listing page or has no article text."""
    if is_listing_page(page):
        return None
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
    return page_field_blocks({name: value for name, value in page.items() if name not in ("id", "meta")}, fields)


def page_meta(page: dict) -> dict[str, str]:
    meta = page.get("meta") if isinstance(page.get("meta"), dict) else {}
    return {ours: str(meta[theirs]) for theirs, ours in META_KEYS.items() if isinstance(meta.get(theirs), str)}
