"""Where a document lives, for CI formats: a file path relative to the working folder, and line/column numbers.

Offsets index a document's plain text. For a `.txt` file that text is the file itself, so an offset maps to an
exact line and column of the file. For an HTML file it is the extracted text: the line is found by searching the
file for the finding's excerpt, in document order (approximate: an excerpt split by markup falls back to the line
of the previous finding).

A page of a JSON export (Wagtail API v2, dumpdata) or a JSONL record is located in its export file. The file is
walked once more, element by element (`json.JSONDecoder.raw_decode`), to learn where each page object starts and
ends; inside that object a finding is placed where its excerpt occurs in the JSON source (the excerpt, or its first
run of characters that JSON and HTML write as they are), else at its StreamField block's id, else at the page
object itself. Every search is bounded by a window and by a budget proportional to the page object's size, so the
cost stays linear whatever the input.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..readers.dumpdata import base_page_rows, is_dumpdata, is_page_row, row_doc_id
from ..readers.jsonl import record_doc_id
from ..readers.text import NotText, decode_text
from ..readers.wagtail_api import is_page, page_doc_id
from ..report import DocumentReport, Finding

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
EXPORT_SUFFIXES = (".json", ".jsonl")
SEARCH_CHARS = 60  # how much of an excerpt is looked for in the HTML source
SEARCH_WINDOW = 200_000  # how far past the previous finding it is looked for (keeps the search linear)
EXPORT_WINDOW = 50_000  # the same for a page inside an export: page objects are small
MIN_RUN = 6  # shorter runs of an excerpt are too common to place a finding by
# Characters an export writes as they are: no JSON escape (quotes, backslashes, control characters, and non-ASCII
# for exports written with ensure_ascii), no HTML markup or entity; `/` may be written `\/`.
PLAIN_RUN = re.compile(r"[A-Za-z0-9 !#$%'()*+,\-.:;=?@\[\]^_`{|}~]+")
WHITESPACE = re.compile(r"[ \t\n\r]*")
DECODER = json.JSONDecoder()

LineColumn = tuple[int, int]
Span = tuple[int, int]


@dataclass(slots=True)
class Location:
    uri: str  # relative file path with forward slashes, or the document id (`page:4`)
    is_file: bool = False
    exact: bool = True  # do offsets index the file (False: HTML and exports, whose offsets index extracted text)
    line_starts: list[int] = field(default_factory=list)  # offsets where each line begins (files read as text only)
    source: str = ""  # an HTML or export file's decoded text, searched for excerpts
    span: Span | None = None  # an export page's object in `source`
    _cursor: int = 0
    _budget: int = 0

    @property
    def is_export(self) -> bool:
        return self.span is not None

    def excerpt_line(self, excerpt: str) -> int | None:
        """The line of an HTML file where `excerpt` next occurs (calls must come in document order)."""
        if not self.source or not self.line_starts:
            return None
        needle = excerpt.strip()[:SEARCH_CHARS]
        found = self.source.find(needle, self._cursor, self._cursor + SEARCH_WINDOW) if needle else -1
        if found != -1:
            self._cursor = found
        return bisect_right(self.line_starts, self._cursor)

    def line_column(self, offset: int) -> LineColumn | None:
        """1-based line and column of an offset, when the document's offsets index the file."""
        if not self.line_starts or not self.exact:
            return None
        return self._line_column(offset)

    def anchor(self) -> LineColumn | None:
        """Where an export page's object begins in the file."""
        return self._line_column(self.span[0]) if self.span is not None and self.line_starts else None

    def export_region(self, finding: Finding) -> tuple[LineColumn, LineColumn | None] | None:
        """Start of an export page's finding in the file, and its end when the whole excerpt was found as it is
        (calls must come in document order)."""
        if self.span is None or not self.line_starts:
            return None
        needle, whole = plain_run(finding.excerpt)
        found = self._search(needle, max(self._cursor, self.span[0]), EXPORT_WINDOW) if needle else -1
        if found != -1:
            self._cursor = found
            end = self._line_column(found + len(needle)) if whole else None
            return self._line_column(found), end
        block = self._search(finding.block_id or "", self.span[0], self.span[1] - self.span[0])
        return self._line_column(block if block != -1 else self.span[0]), None

    def _search(self, needle: str, start: int, window: int) -> int:
        """`needle` in the page object from `start`, within `window` characters, while the budget lasts."""
        if not needle or self.span is None:
            return -1
        end = min(self.span[1], start + window)
        if end - start > self._budget:
            return -1
        self._budget -= max(0, end - start)
        return self.source.find(needle, start, end)

    def _line_column(self, offset: int) -> LineColumn:
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


def plain_run(excerpt: str) -> tuple[str, bool]:
    """What to look for in an export's JSON source: the whole excerpt when every character of it is written as it
    is (then True), else its first long enough run of such characters (then False); "" when there is none."""
    head = excerpt[:SEARCH_CHARS]
    if head and len(excerpt) <= SEARCH_CHARS and PLAIN_RUN.fullmatch(head):
        return head, True
    for run in PLAIN_RUN.finditer(head):
        if len(run.group().strip()) >= MIN_RUN:
            return run.group(), False
    return "", False


class Locator:
    """Locations for the documents of one report, in report order. The last export file read is kept with its
    index of page objects (a file's documents come together), so each export is read and walked once."""

    def __init__(self, base: Path | None = None) -> None:
        self.base = base or Path.cwd()
        self._file: str | None = None
        self._text = ""
        self._line_starts: list[int] = []
        self._spans: dict[str, list[Span]] = {}
        self._used: Counter[str] = Counter()

    def locate(self, document: DocumentReport) -> Location:
        file = document.file
        if file and document.id != file and Path(file).suffix.lower() in EXPORT_SUFFIXES:
            return self._in_export(document, file)
        return locate(document.id, base=self.base)

    def _in_export(self, document: DocumentReport, file: str) -> Location:
        if file != self._file:
            self._load(file)
        if not self._text:
            return Location(document.id)
        spans = self._spans.get(document.id, [])
        taken = self._used[document.id]
        self._used[document.id] += 1
        span = spans[taken] if taken < len(spans) else (0, len(self._text))
        return Location(
            relative_uri(Path(file), self.base),
            is_file=True,
            exact=False,
            line_starts=self._line_starts,
            source=self._text,
            span=span,
            _cursor=span[0],
            _budget=4 * (span[1] - span[0]) + 1_000_000,
        )

    def _load(self, file: str) -> None:
        path = Path(file)
        self._file = file
        self._text = _read(path) if _is_file(path) else ""
        self._line_starts = _line_starts(self._text)
        self._spans = export_spans(self._text, file, jsonl=path.suffix.lower() == ".jsonl") if self._text else {}
        self._used = Counter()


def export_spans(text: str, file: str, *, jsonl: bool = False) -> dict[str, list[Span]]:
    """Where each document of an export lies in its text, by document id (the ids the readers give), in order.
    Empty when the text cannot be walked (the reader reported that file as an error anyway)."""
    spans: dict[str, list[Span]] = {}
    try:
        for doc_id, span in _jsonl_spans(text, file) if jsonl else _json_spans(text, file):
            spans.setdefault(doc_id, []).append(span)
    except (ValueError, RecursionError, IndexError):
        return {}
    return spans


def _jsonl_spans(text: str, file: str) -> Iterator[tuple[str, Span]]:
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        fallback = f"{file}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            record = None
        yield (record_doc_id(record, fallback) if isinstance(record, dict) else fallback), (start, offset)


def _json_spans(text: str, file: str) -> Iterator[tuple[str, Span]]:
    start = _skip(text, 0)
    if text[start] == "[":
        elements = [(span, identity(value)) for span, value in _array_elements(text, start)]
        yield from _list_ids([value for _, value in elements], [span for span, _ in elements], file)
        return
    items = _listing_items(text, start)
    if items is not None:
        for index, (span, item) in enumerate(items):
            yield (page_doc_id(item, file) if is_page(item) else f"{file}#{index}"), span
        return
    value, end = DECODER.raw_decode(text, start)
    if isinstance(value, dict):
        doc_id = page_doc_id(value, file) if is_page(value) else record_doc_id(value, file)
        yield doc_id, (start, end)


def identity(value: object) -> object:
    """What an element's document id depends on (`model`, `pk`, `id`, whether `fields` and `meta` are objects),
    without its content, so that walking a large export does not hold all of it decoded."""
    if not isinstance(value, dict):
        return None
    kept: dict[str, object] = {key: value[key] for key in ("model", "pk", "id") if key in value}
    for key in ("fields", "meta"):
        if key in value:
            kept[key] = {} if isinstance(value[key], dict) else None
    return kept


def _list_ids(values: list, spans: list[Span], file: str) -> Iterator[tuple[str, Span]]:
    """A top-level array: dumpdata rows (the page-type rows are the documents) or `{id, text|html}` records."""
    if is_dumpdata(values):
        pages = base_page_rows(values)
        for index, (row, span) in enumerate(zip(values, spans, strict=True)):
            if is_page_row(row, pages):
                yield row_doc_id(row, f"{file}#{index}"), span
        return
    for index, (record, span) in enumerate(zip(values, spans, strict=True)):
        if isinstance(record, dict):
            yield record_doc_id(record, f"{file}#{index}"), span


def _listing_items(text: str, start: int) -> list[tuple[Span, object]] | None:
    """The elements of a Wagtail API listing's `items` array, or None when the object has no such array."""
    if text[start] != "{":
        return None
    position = _skip(text, start + 1)
    while text[position] != "}":
        key, position = DECODER.raw_decode(text, position)
        position = _skip(text, position)
        if text[position] != ":":
            raise ValueError("expected ':'")
        position = _skip(text, position + 1)
        if key == "items" and text[position] == "[":
            return [(span, identity(value)) for span, value in _array_elements(text, position)]
        _, position = DECODER.raw_decode(text, position)
        position = _skip(text, position)
        if text[position] == ",":
            position = _skip(text, position + 1)
    return None


def _array_elements(text: str, start: int) -> Iterator[tuple[Span, object]]:
    """Each element of the JSON array opening at `start`, with where it lies in the text."""
    position = _skip(text, start + 1)
    if text[position] == "]":
        return
    while True:
        value, end = DECODER.raw_decode(text, position)
        yield (position, end), value
        position = _skip(text, end)
        if text[position] == "]":
            return
        if text[position] != ",":
            raise ValueError("expected ',' or ']'")
        position = _skip(text, position + 1)


def _skip(text: str, position: int) -> int:
    return WHITESPACE.match(text, position).end()


def locate(doc_id: str, *, base: Path | None = None) -> Location:
    path = Path(doc_id)
    if not _is_file(path):
        return Location(doc_id)
    location = Location(relative_uri(path, base or Path.cwd()), is_file=True)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        location.line_starts = _line_starts(_read(path))
    elif suffix in HTML_SUFFIXES:
        location.source = _read(path)
        location.line_starts = _line_starts(location.source)
        location.exact = False
    return location


def relative_uri(path: Path, base: Path) -> str:
    try:
        relative = os.path.relpath(path.resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        relative = str(path.resolve())
    return Path(relative).as_posix()


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _read(path: Path) -> str:
    try:
        return decode_text(path.read_bytes())
    except (OSError, NotText):
        return ""


def _line_starts(text: str) -> list[int]:
    if not text:
        return []
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts
