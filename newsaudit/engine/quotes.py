"""Direct quotations: spans between quotation marks, found in one linear pass per block.

Curly marks pair by direction; straight double quotes pair by alternation. A quotation left open at the end of a
paragraph runs on only when the next paragraph reopens it (the newsroom convention for long quotes); any other
unbalanced mark is ignored rather than guessed at.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .document import Document

OPENING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
CLOSING = frozenset(OPENING.values())
STRAIGHT = '"'
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"
_MARKS = re.compile("''|[\"\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019]")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark
    block: int

    mark: int = 1  # width of the quotation marks (2 for '')

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.mark, self.end - self.mark


def find_quotes(document: Document) -> list[Quote]:
    quotes: list[Quote] = []
    text = document.text
    for index, block in enumerate(document.blocks):
        next_opens = index + 1 < len(document.blocks) and _opens_with_quote(text, document.blocks[index + 1].start)
        quotes.extend(_block_quotes(text, block.start, block.end, index, next_opens))
    return quotes


def _opens_with_quote(text: str, position: int) -> bool:
    return position < len(text) and (text[position] in OPENING or text[position] == STRAIGHT)


def _block_quotes(text: str, start: int, end: int, block: int, runs_on: bool) -> list[Quote]:
    found: list[Quote] = []
    open_at, open_kind, open_width = -1, "", 1
    for mark in _MARKS.finditer(text, start, end):  # only quotation marks can change the state
        position = mark.start()
        char, width = mark.group(), 1
        if char == "''":
            char, width = STRAIGHT, 2  # '' is a double quotation mark in some house styles
        if open_at < 0:
            if (
                char in OPENING
                or _single_opens(text, position, start)
                or (char == STRAIGHT and not _straight_closes_only(text, position, width, start, end))
            ):
                open_at, open_kind, open_width = position, char, width
        elif open_kind == STRAIGHT and char == STRAIGHT and _straight_opens_only(text, position, width, start, end):
            open_at, open_width = position, width  # the earlier mark was stray: a new quotation opens here
        elif (
            (open_kind in OPENING and char in CLOSING)
            or (open_kind == STRAIGHT and char == STRAIGHT)
            or (open_kind == STRAIGHT and char == "\u201d")  # mixed typography: '"We will,\u201d she said'
            or (open_kind in OPENING and char == STRAIGHT and _straight_closes_only(text, position, width, start, end))
            or (open_kind == SINGLE_OPEN and _single_closes(text, position, end))
        ):
            if position - open_at > open_width:
                found.append(Quote(open_at, position + width, block, min(open_width, width)))
            open_at, open_kind = -1, ""
        elif char in OPENING and open_kind in OPENING:
            open_at = position  # a stray opening mark: the quotation starts at the newer one
    if open_at >= 0 and runs_on and open_kind != SINGLE_OPEN and end - open_at > open_width:
        found.append(Quote(open_at, end, block, open_width))
    return found


def _straight_closes_only(text: str, position: int, width: int, block_start: int, block_end: int) -> bool:
    """A straight mark after a word or comma and before a space closes a quotation: ',"_said'."""
    before = text[position - 1] if position > block_start else " "
    after = text[position + width] if position + width < block_end else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def _straight_opens_only(text: str, position: int, width: int, block_start: int, block_end: int) -> bool:
    """A straight mark after a space and before a word opens one: '_"We'."""
    before = text[position - 1] if position > block_start else " "
    after = text[position + width] if position + width < block_end else " "
    return (before.isspace() or before in "([\u2014") and (after.isalnum() or after in "'\u2018")


def _single_opens(text: str, position: int, block_start: int) -> bool:
    if text[position] != SINGLE_OPEN:
        return False
    if position + 1 < len(text) and text[position + 1].isdigit():
        return False  # an elided year ("in \u201808", "the \u201890s") is not a quotation
    return position == block_start or not text[position - 1].isalnum()


def _single_closes(text: str, position: int, block_end: int) -> bool:
    if text[position] != SINGLE_CLOSE:
        return False
    after = text[position + 1] if position + 1 < block_end else " "
    return not after.isalpha()


def inside(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quotation that contains [start, end), if any (quotes are sorted and do not overlap)."""
    lo, hi = 0, len(quotes) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        quote = quotes[mid]
        if end <= quote.start:
            hi = mid - 1
        elif start >= quote.end:
            lo = mid + 1
        else:
            return quote if quote.start <= start and end <= quote.end else None
    return None


def overlapping(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotations that overlap [start, end) (sorted and not overlapping, so their ends are sorted too)."""
    found = []
    for quote in quotes[bisect_right(quotes, start, key=lambda q: q.end) :]:
        if quote.start >= end:
            break
        found.append(quote)
    return found
