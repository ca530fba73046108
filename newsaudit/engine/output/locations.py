"""Where a document lives, for CI formats: a file path relative to the working folder, and line/column numbers.

Offsets index a document's plain text. For a `.txt` file that text is the file itself, so an offset maps to a line
and column of the file; for HTML and exports it is the extracted text, so only the file (or page id) is exact.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from ..readers.text import NotText, decode_text

TEXT_SUFFIXES = (".txt",)


@dataclass(slots=True)
class Location:
    uri: str  # relative file path with forward slashes, or the document id (`page:4`)
    is_file: bool = False
    line_starts: list[int] = field(default_factory=list)  # offsets where each line begins (files read as text only)

    def line_column(self, offset: int) -> tuple[int, int] | None:
        """1-based line and column of an offset, when the document's offsets index the file."""
        if not self.line_starts:
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
    if path.suffix.lower() in TEXT_SUFFIXES:
        location.line_starts = _line_starts(path)
    return location


def relative_uri(path: Path, base: Path) -> str:
    try:
        relative = os.path.relpath(path.resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        relative = str(path.resolve())
    return Path(relative).as_posix()


def _line_starts(path: Path) -> list[int]:
    try:
        text = decode_text(path.read_bytes())
    except (OSError, NotText):
        return []
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts
