"""JSON files -> Documents: which export is this? Wagtail API v2, dumpdata, or plain `{"id", "text"|"html"}` records.

Each format has its own module (`wagtail_api.py`, `dumpdata.py`); this one only recognises the shape.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..document import Document
from .dumpdata import is_dumpdata, read_dumpdata
from .errors import DocumentError
from .jsonl import read_record
from .wagtail_api import is_listing, is_page, read_api

UNRECOGNISED = (
    "unrecognised JSON: expected a Wagtail API v2 listing or page, dumpdata output, or {id, text|html} records"
)


def read_export(data: object, source: str, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    """Documents of one parsed JSON file; `fields` names the article-text fields (empty: found automatically)."""
    if is_listing(data) or is_page(data):
        yield from read_api(data, source, fields)
    elif is_dumpdata(data):
        yield from read_dumpdata(data, source, fields)  # type: ignore[arg-type]
    elif isinstance(data, list) and data and all(isinstance(r, dict) and ("text" in r or "html" in r) for r in data):
        for index, record in enumerate(data):
            yield read_record(record, f"{source}#{index}")
    elif isinstance(data, dict) and ("text" in data or "html" in data):
        yield read_record(data, source)
    else:
        yield DocumentError(source, UNRECOGNISED)
