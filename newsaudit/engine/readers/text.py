"""Plain-text reader: offsets are exact indices into the decoded file text."""

from __future__ import annotations

from ..document import Document, document_from_text
from ..segment import split_paragraphs

_HEADLINE_MAX_WORDS = 20


class NotText(ValueError):
    """The bytes are not a text document (binary data)."""


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to Windows-1252 and then Latin-1 for legacy files."""
    if b"\x00" in data[:65536]:
        raise NotText("binary data (NUL bytes), not a text document")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def looks_like_headline(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and "\n" not in stripped
        and len(stripped.split()) <= _HEADLINE_MAX_WORDS
        and not stripped.endswith((".", ",", ";", ":"))
    )


def read_text(text: str, doc_id: str, *, title: str = "") -> Document:
    """Paragraphs are separated by blank lines; a short first line without a full stop is the headline."""
    paragraphs = split_paragraphs(text)
    first = text[paragraphs[0][0] : paragraphs[0][1]] if paragraphs else ""
    headline_first = not title and len(paragraphs) > 1 and looks_like_headline(first)
    return document_from_text(doc_id, text, title=title, first_line_is_title=headline_first)
