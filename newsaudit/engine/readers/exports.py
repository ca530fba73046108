"""JSON exports: Wagtail API v2 (listing or detail) and `dumpdata` output -> Documents.

Minimal version: recognises the shapes and reads title plus text/HTML fields. Full StreamField support lives in
`wagtail_api.py` and `dumpdata.py` once they exist.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from .errors import DocumentError
from .jsonl import read_record


def read_export(data: object, source: str) -> Iterator[Document | DocumentError]:
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        records = data["items"]
    elif isinstance(data, list):
        records = data
    elif isinstance(data, dict):
        records = [data]
    else:
        yield DocumentError(source, "unrecognised JSON: expected a Wagtail API listing, page detail or dumpdata")
        return
    for index, record in enumerate(records):
        if isinstance(record, dict):
            yield read_record(record, f"{source}#{index}")
        else:
            yield DocumentError(f"{source}#{index}", "expected a JSON object")
