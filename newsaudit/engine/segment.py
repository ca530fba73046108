"""Paragraph and sentence segmentation tuned for news copy.

One left-to-right pass over candidate boundaries, so the cost is linear in the text length. A boundary is a
terminal mark (. ! ? or an ellipsis), any closing quotes or brackets after it, white space, and then something that
can open a sentence. A full stop after a known abbreviation ("Gov.", "Indep."), an initial ("J.") or a dotted
acronym ("U.S.") does not end a sentence unless a word that usually opens sentences follows it.
"""

from __future__ import annotations

import re

from .lexicons import load_words

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A terminal mark, closing quotes or brackets, then footnote markers glued to the sentence's end ("found.[1][2]",
# "[citation needed]", a superscript "found.12" after a word), then space and something that opens a sentence.
_CANDIDATE = re.compile(
    r"""(?<![.!?\u2026])(?P<mark>[.!?\u2026]++)["'\u201d\u2019)\]]*+(?:\[[^\[\]\n]{1,24}\])*+"""
    r"""(?:(?<=[a-z][.!?])\d{1,3}(?:,\d{1,3})*+)?(?=\s+["'\u201c\u2018(\[]{0,2}[A-Z0-9\u00C0-\u024F])"""
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-']*)$")
_WORD_AFTER = re.compile(r"\s+[\"'\u201c\u2018(\[]{0,2}([A-Za-z]+)")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_LOOKBEHIND = 40  # characters inspected before a candidate; bounded so each boundary costs O(1)
# No real sentence is this long; capping it keeps every per-sentence scan bounded on hostile input.
MAX_SENTENCE_CHARS = 2000

ABBREVIATIONS = load_words("abbreviations")
SENTENCE_OPENERS = load_words("sentence_openers")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text separated by blank lines, stripped of outer space."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_stripped(text, position, match.start(), spans)
        position = match.end()
    _append_stripped(text, position, len(text), spans)
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`; together they cover every non-space character."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        single_full_stop = match.group("mark") == "."
        if single_full_stop and not _full_stop_ends_sentence(text, match.start(), end):
            continue
        _append_stripped(text, start, end, spans)
        start = end
    _append_stripped(text, start, len(text), spans)
    return spans


def _full_stop_ends_sentence(text: str, dot: int, after: int) -> bool:
    before = _WORD_BEFORE.search(text[max(0, dot - _LOOKBEHIND) : dot])
    if not before:
        return True
    word = before.group(1)
    token = word.rsplit("-", 1)[-1]
    is_initial = len(token) == 1 and token.isupper()
    is_acronym = bool(_DOTTED_ACRONYM.match(token + "."))
    is_abbreviation = token.lower().rstrip(".") in ABBREVIATIONS
    if not (is_initial or is_acronym or is_abbreviation):
        return True
    if is_abbreviation and not is_acronym:
        return False
    following = _WORD_AFTER.match(text, after)
    return bool(following) and following.group(1).lower() in SENTENCE_OPENERS and not is_initial


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        window = (start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = text.rfind("\n", *window)  # a line break first: text whose paragraphs are single lines
        cut = cut if cut > start else text.rfind(" ", *window)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append_stripped(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append((start, end))
