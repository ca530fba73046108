"""Markdown rich text (Wagtail 8 API `?rich_text_format=markdown` or `db_markdown`) and Markdown fields (blog
apps' bodies) -> BlockInputs.

What Wagtail's rich text produces: paragraphs, `#` headings, `-`/`1.` list items, `>` quotes, `**bold**`,
`*italic*`, `` `code` ``, links `[text](url)` (kept as links, `wagtail://page/3` included) and images (dropped).
What people write in Markdown fields besides is left out, as no prose: fenced code (``` or ~~~; a comment line
`# ...` in it is no heading), display mathematics between `$$` lines and table rows (`| a | b |`).
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
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,}|\$\$)")
TABLE_ROW = re.compile(r"^\s{0,3}\|.*\|\s*$")
MARKDOWN_HINT = re.compile(r"\]\([^)\s]*\)|^\s{0,3}#{1,6}\s|^\s*[-*+]\s|^\s{0,3}>\s|\*\*\S|^\s{0,3}(?:`{3}|~{3})", re.M)


def looks_like_markdown(text: str) -> bool:
    return bool(MARKDOWN_HINT.search(text))


def markdown_to_blocks(text: str, *, kind: str = "paragraph", block_id: str | None = None) -> list[BlockInput]:
    blocks: list[BlockInput] = []
    lines: list[str] = []  # the open paragraph's lines

    def close_paragraph() -> None:
        if lines:
            blocks.append(_inline(" ".join(lines), kind, block_id))
            lines.clear()

    fence = ""  # the open fence's marker: its lines are no prose
    for line in text.splitlines():
        opening = FENCE.match(line)
        if fence or opening:
            close_paragraph()
            fence = _fence_after(line, fence, opening)
            continue
        if not line.strip() or TABLE_ROW.match(line):
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


def _fence_after(line: str, fence: str, opening: re.Match[str] | None) -> str:
    """The fence still open after this line: a line of the open fence's marker (or longer) closes it; `$$ x $$` on
    one line opens nothing."""
    if fence:
        closing = FENCE.match(line)
        done = closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence)
        return "" if done and not line.strip().strip(fence[0]) else fence
    marker = opening.group(1) if opening else ""
    if marker == "$$" and len(line.strip()) > 2 and line.strip().endswith("$$"):
        return ""
    return marker


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
