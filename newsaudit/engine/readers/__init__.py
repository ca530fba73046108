"""Readers: files and exports -> Documents (or DocumentErrors for what cannot be read).

`read_path` dispatches on the file name; a folder is searched recursively in a stable (sorted) order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..document import Document
from .errors import DocumentError
from .html import html_to_blocks, read_html
from .jsonl import read_jsonl
from .text import NotText, decode_text, read_text

SUFFIXES = (".html", ".htm", ".txt", ".jsonl", ".json")
MAX_FILE_BYTES = 64 * 1024 * 1024

__all__ = [
    "Document",
    "DocumentError",
    "html_to_blocks",
    "iter_files",
    "read_html",
    "read_data",
    "read_path",
    "read_text",
    "sniff_suffix",
]


def iter_files(paths: list[str]) -> Iterator[Path]:
    """Files named directly, plus every supported file below each named folder, sorted."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def read_path(path: Path, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    """Documents of one file; `fields` names the article-text fields of JSON exports (empty: found automatically)."""
    doc_id = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield DocumentError(doc_id, f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
            return
        data = path.read_bytes()
    except OSError as error:
        yield DocumentError(doc_id, f"cannot read file: {error.strerror or error}")
        return
    yield from read_data(data, doc_id, path.suffix, fields)


def read_data(data: bytes, doc_id: str, suffix: str, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    """Documents of file contents already read (standard input, say); `suffix` picks the reader as a name would."""
    if len(data) > MAX_FILE_BYTES:
        yield DocumentError(doc_id, f"input larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return
    suffix = suffix.lower()
    try:
        if suffix in (".html", ".htm"):
            yield read_html(data, doc_id)
            return
        text = decode_text(data)
    except NotText as error:
        yield DocumentError(doc_id, str(error))
        return
    if suffix == ".jsonl":
        yield from read_jsonl(text, doc_id)
    elif suffix == ".json":
        yield from _read_json(text, doc_id, fields)
    else:
        yield read_text(text, doc_id)


def sniff_suffix(data: bytes) -> str:
    """The reader for unnamed input, from its first characters: HTML, a JSON export, JSON lines, or plain text."""
    data = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    head = data[:1]
    if head == b"<":
        return ".html"
    if head == b"[":
        return ".json"
    if head == b"{":
        return ".jsonl" if _json_lines(data) else ".json"
    return ".txt"


def _json_lines(data: bytes) -> bool:
    """Several non-empty lines, the first a whole JSON value by itself (a pretty-printed export's first line isn't)."""
    lines = (line for line in data.splitlines() if line.strip())
    first, second = next(lines, None), next(lines, None)
    if first is None or second is None:
        return False
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def _read_json(text: str, doc_id: str, fields: Sequence[str] = ()) -> Iterator[Document | DocumentError]:
    from .exports import read_export  # Wagtail API v2 and dumpdata

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield DocumentError(doc_id, f"not valid JSON ({error.msg} at line {error.lineno})")
        return
    except RecursionError:
        yield DocumentError(doc_id, "JSON nested too deeply")
        return
    yield from read_export(data, doc_id, fields)
