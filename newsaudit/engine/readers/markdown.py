"""Markdown rich text (Wagtail 8 API `?rich_text_format=markdown` or `db_markdown`) -> BlockInputs.

Only what Wagtail's rich text produces: paragraphs, `#` headings, `-`/`1.` list items, `>` quotes, `**bold**`,
`*italic*`, `` `code` ``, links `[text](url)` (kept as links, `wagtail://page/3` included) and images (dropped).
Line by line with regular expressions: linear time.
"""

from __future__ import annotations

import re

from ..document import BlockInput

LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)([^\n]+?)(?<=\S)\1")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
MARKDOWN_HINT = re.compile(r"\]\([^)\s]*\)|^\s{0,3}#{1,6}\s|^\s*[-*+]\s|^\s{0,3}>\s|\*\*\S", re.M)


def looks_like_markdown(text: str) -> bool:
    return bool(MARKDOWN_HINT.search(text))


def markdown_to_blocks(text: str, *, kind: str = "paragraph", block_id: str | None = None) -> list[BlockInput]:
    blocks: list[BlockInput] = []
    lines: list[str] = []  # the open paragraph's lines

    def close_paragraph() -> None:
        if lines:
            blocks.append(_inline(" ".join(lines), kind, block_id))
            lines.clear()

    for line in text.splitlines():
        if not line.strip():
            close_paragraph()
            continue
        for pattern, line_kind in ((HEADING, "heading"), (LIST_ITEM, "list_item"), (QUOTE, "quote")):
            match = pattern.match(line)
            if match:
                close_paragraph()
                blocks.append(_inline(match.group(1), line_kind if kind == "paragraph" else kind, block_id))
                break
        else:
            lines.append(line.strip())
    close_paragraph()
    return [b for b in blocks if b.text.strip()]


def _inline(text: str, kind: str, block_id: str | None) -> BlockInput:
    """Strip emphasis, drop images, keep link text with its target as a link."""
    text = EMPHASIS.sub(lambda m: m.group(2), text)
    parts: list[str] = []
    links: list[tuple[int, int, str]] = []
    length = 0
    cursor = 0
    for match in LINK.finditer(text):
        before = ESCAPE.sub(r"\1", text[cursor : match.start()])
        parts.append(before)
        length += len(before)
        if not match.group(1):  # a link, not an image
            label = ESCAPE.sub(r"\1", match.group(2))
            parts.append(label)
            links.append((length, length + len(label), match.group(3)))
            length += len(label)
        cursor = match.end()
    parts.append(ESCAPE.sub(r"\1", text[cursor:]))
    return BlockInput(kind, "".join(parts), block_id, links)
