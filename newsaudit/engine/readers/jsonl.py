"""JSONL reader: one document per line, `{"id", "text"}` or `{"id", "html"}`, optional `"title"`."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..document import Document
from .errors import DocumentError
from .html import read_html
from .text import read_text


def read_jsonl(data: str, source: str) -> Iterator[Document | DocumentError]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        fallback_id = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield DocumentError(fallback_id, f"line {number}: not valid JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield DocumentError(fallback_id, f"line {number}: expected a JSON object")
            continue
        yield read_record(record, fallback_id)


def record_doc_id(record: dict, fallback_id: str) -> str:
    return str(record.get("id", fallback_id))


def read_record(record: dict, fallback_id: str) -> Document | DocumentError:
    doc_id = record_doc_id(record, fallback_id)
    title = record.get("title") or ""
    if not isinstance(title, str):
        return DocumentError(doc_id, "'title' must be a string")
    if isinstance(record.get("html"), str):
        return read_html(record["html"], doc_id, title=title or None)
    if isinstance(record.get("text"), str):
        return read_text(record["text"], doc_id, title=title)
    return DocumentError(doc_id, "expected a string 'text' or 'html' field")
