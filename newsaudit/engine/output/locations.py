"""Where a document lives, for CI formats: a file path relative to the working folder, and line/column numbers.

Offsets index a document's plain text. For a `.txt` file that text is the file itself, so an offset maps to an
exact line and column of the file. For an HTML file it is the extracted text: the line is found by searching the
file for the finding's excerpt, in document order (approximate: an excerpt split by markup falls back to the line
of the previous finding). Pages from exports have no line at all; they are located by their id.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from ..readers.text import NotText, decode_text

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SEARCH_CHARS = 60  # how much of an excerpt is looked for in the HTML source
SEARCH_WINDOW = 200_000  # how far past the previous finding it is looked for (keeps the search linear)


@dataclass(slots=True)
class Location:
    uri: str  # relative file path with forward slashes, or the document id (`page:4`)
    is_file: bool = False
    exact: bool = True  # do offsets index the file (False: HTML, whose offsets index the extracted text)
    line_starts: list[int] = field(default_factory=list)  # offsets where each line begins (files read as text only)
    source: str = ""  # an HTML file's decoded text, searched for excerpts
    _cursor: int = 0

    def excerpt_line(self, excerpt: str) -> int | None:
        """The line of an HTML file where `excerpt` next occurs (calls must come in document order)."""
        if not self.source or not self.line_starts:
            return None
        needle = excerpt.strip()[:SEARCH_CHARS]
        found = self.source.find(needle, self._cursor, self._cursor + SEARCH_WINDOW) if needle else -1
        if found != -1:
            self._cursor = found
        return bisect_right(self.line_starts, self._cursor)

    def line_column(self, offset: int) -> tuple[int, int] | None:
        """1-based line and column of an offset, when the document's offsets index the file."""
        if not self.line_starts or not self.exact:
            return None
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


def locate(doc_id: str, *, base: Path | None = None) -> Location:
    path = Path(doc_id)
    try:
        if not path.is_file():
            return Location(doc_id)
    except (OSError, ValueError):
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
