"""`manage.py dumpdata` JSON -> Documents, one per page that has article text.

dumpdata writes a list of `{"model": "app.model", "pk": n, "fields": {...}}`. A Wagtail page is split over two
rows with the same pk (multi-table inheritance): `wagtailcore.page` holds `title` and `live`, the page type's row
(`news.articlepage`) holds the body fields, a StreamField stored as a JSON *string* of its raw blocks. The two
are joined by pk. Rows of other models (users, images, snippets) are skipped. When the dump has no
`wagtailcore.page` rows at all (`dumpdata news`), every row outside Django's and Wagtail's own apps that has
article text is read as a page.

`wagtailcore.revision` rows (drafts) are not read: a dump's pages are its published state, and drafts are the
Wagtail plugin's job, which audits every revision as it is saved.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from ..document import BlockInput, Document
from .errors import DocumentError
from .streamfield import field_blocks, is_stream, is_text_field, page_document

PAGE_MODEL = "wagtailcore.page"
FRAMEWORK_APPS = ("wagtail", "auth", "contenttypes", "sessions", "admin", "taggit", "sites")
PAGE_META = {"slug": "slug", "url_path": "url", "first_published_at": "published", "live": "live"}


def is_dumpdata(data: Any) -> bool:
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(row, dict) and "model" in row and "fields" in row for row in data)
    )


def read_dumpdata(rows: list[dict], source: str, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    pages = base_page_rows(rows)
    read_any = False
    for index, row in enumerate(rows):
        if not is_page_row(row, pages):
            continue
        result = read_row(row, pages.get(str(row.get("pk"))), f"{source}#{index}", fields)
        if result is None:
            continue  # a page type without article text
        read_any = True
        yield result
    if not read_any:
        yield DocumentError(source, "no page with article text in this dumpdata file")


def base_page_rows(rows: list[dict]) -> dict[str, dict]:
    """The `wagtailcore.page` rows by pk (as a string)."""
    return {str(row.get("pk")): row for row in rows if row.get("model") == PAGE_MODEL}


def is_page_row(row: dict, pages: dict[str, dict]) -> bool:
    """A page type's row (`news.articlepage`), read as a page: joined with its `wagtailcore.page` row when the
    dump has those, else any row outside Django's and Wagtail's own apps."""
    model = str(row.get("model") or "")
    if model == PAGE_MODEL or model.split(".")[0].startswith(FRAMEWORK_APPS):
        return False
    return str(row.get("pk")) in pages if pages else True


def row_doc_id(row: dict, fallback_id: str) -> str:
    """`page:<pk>`, or `fallback_id` when the row has no usable pk."""
    pk = row.get("pk")
    return f"page:{pk}" if isinstance(pk, int | str) and not isinstance(pk, bool) else fallback_id


def read_row(
    row: dict, page: dict | None, fallback_id: str, fields: Sequence[str] = ()
) -> Document | DocumentError | None:
    """One page-type row joined with its `wagtailcore.page` row; None when it holds no article text."""
    doc_id = row_doc_id(row, fallback_id)
    values = row.get("fields")
    page_fields = page.get("fields") if page and isinstance(page.get("fields"), dict) else {}
    title = page_fields.get("title") or (values.get("title") if isinstance(values, dict) else "")
    title = title if isinstance(title, str) else ""
    if not isinstance(values, dict):
        return DocumentError(doc_id, "'fields' is not an object", title)
    try:
        blocks = _row_blocks(values, fields)
    except ValueError as error:
        return DocumentError(doc_id, str(error), title)
    except (RecursionError, MemoryError):
        return DocumentError(doc_id, "page fields nested too deeply", title)
    meta = {
        ours: str(page_fields[theirs]).lower() if theirs == "live" else str(page_fields[theirs])
        for theirs, ours in PAGE_META.items()
        if page_fields.get(theirs) is not None
    }
    meta["type"] = str(row.get("model"))
    return page_document(doc_id, blocks, title, meta)


def _row_blocks(values: dict, fields: Sequence[str]) -> list[BlockInput]:
    blocks: list[BlockInput] = []
    for name, raw in values.items():
        if name == "title":
            continue
        value = _decode_stream(name, raw)
        if (name in fields) if fields else is_text_field(name, value):
            blocks.extend(field_blocks(name, value))
    return blocks


def _decode_stream(name: str, raw: Any) -> Any:
    """A StreamField arrives as a JSON string of its raw blocks; anything else is returned as it is."""
    if not isinstance(raw, str) or not raw.lstrip().startswith("[{"):
        return raw
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValueError(f"field {name!r}: StreamField JSON is not valid ({error.msg})") from None
    if not is_stream(value):
        raise ValueError(f"field {name!r}: StreamField JSON is not a list of {{type, value}} blocks")
    return value
