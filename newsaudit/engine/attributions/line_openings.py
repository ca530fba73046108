"""What opens a line before its story: a dateline ('OSLO \u2014') and a speaker or label before a colon ('Ruiz:
"We will appeal."', 'Background: Decades of Rivalry')."""

from __future__ import annotations

from ..tokens import Token
from .phrases import np_ending_at
from .vocabulary import (
    COLON_LABELS,
    COLON_LEADS,
    DASHES,
    MAX_NP_TOKENS,
    OPENING_QUOTES,
    PERSONS_SPEAKING,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
)
from .words import tagged_common, word_class


def dateline_end(tokens: list[Token]) -> int:
    """Where the story starts after a dateline that opens the sentence ('OSLO \u2014', 'Bergen (Reuters) \u2013'):
    capitalised words, an agency in brackets or not, then a dash. 0 when there is none."""
    k = 0
    while k < min(len(tokens), 6) and tokens[k].is_word and tokens[k].is_capitalised:
        k += 1
    if k == 0 or k >= len(tokens):
        return 0
    if tokens[k].text == "(":
        close = next((j for j in range(k + 1, min(len(tokens), k + 6)) if tokens[j].text == ")"), None)
        k = close + 1 if close is not None else len(tokens)
    return k + 1 if k < len(tokens) and tokens[k].text in DASHES else 0


def colon_speaker(tokens: list[Token]) -> tuple[int, int] | None:
    """'Ruiz: "We will appeal."', a transcript's 'RUIZ: We will appeal.', or a digest's '- More from Ruiz: "..."'.
    A transcript quoted paragraph by paragraph opens each line with a quotation mark: '"RUIZ: We will appeal.'"""
    opener = 1 if tokens and tokens[0].text in QUOTE_OPENERS else 0
    for colon in range(1 + opener, min(MAX_NP_TOKENS, len(tokens) - 1)):
        if tokens[colon].text != ":":
            continue
        if tokens[opener].lower in COLON_LABELS or tokens[colon - 1].lower in COLON_LABELS:
            return None
        if not (tokens[colon + 1].is_word or tokens[colon + 1].text in ("\u201c", '"', "\u2018", "'")):
            return None
        if _heading_after(tokens, colon) or _section_label(tokens, colon):
            return None  # "Background: Decades of Rivalry" is a section heading, not a speaker
        if colon < 5 + opener and all(word_class(t) == "name" for t in tokens[opener:colon]):
            return opener, colon - 1
        phrase = np_ending_at(tokens, colon - 1)
        if phrase is None or word_class(tokens[phrase[1]]) not in ("name", "noun"):
            return None
        if phrase[1] - phrase[0] >= 2 and tagged_common(tokens[phrase[1]].text):
            return None  # "Veto Power Impedes Peace Efforts: ...": a run-in heading ends in a common word
        lead = next((k for k in range(phrase[1] - 1, phrase[0] - 1, -1) if tokens[k].lower == "from"), None)
        if lead is not None:
            return lead + 1, phrase[1]  # "More from Ida Holm:"
        if phrase[0] == opener or tokens[phrase[0] - 1].lower in COLON_LEADS:
            return phrase
        return None
    return None


def _heading_after(tokens: list[Token], colon: int) -> bool:
    """Title-case words after the colon and no closing punctuation: a heading ('Background: Decades of Rivalry')."""
    rest = [t for t in tokens[colon + 1 :] if t.is_word]
    if len(rest) < 2 or tokens[-1].text in (".", "!", "?", '"', "\u201d"):
        return False
    if _quotes_words(tokens, colon + 1):
        return False  # "Ruiz: \u2018We Will Appeal the Ruling\u2019": a headline that quotes the speaker
    return sum(t.is_capitalised for t in rest) >= 0.6 * len(rest)


def _section_label(tokens: list[Token], colon: int) -> bool:
    """'Cruz: Just hang on.', 'Christie: A closing surge.': a title-case name, then a short line with no quotation and
    no first or second person: a listicle's section label, not the person's words. Transcripts ('RUIZ: We will
    appeal.') write their speakers in capitals or give them a pronoun to speak."""
    rest = [t for t in tokens[colon + 1 :] if t.is_word]
    if not rest or len(rest) > 5 or any(t.text.isupper() and len(t.text) > 1 for t in tokens[:colon]):
        return False
    if any(t.text in OPENING_QUOTES or t.text in QUOTE_CLOSERS for t in tokens[colon + 1 :]):
        return False
    return not any(t.lower in PERSONS_SPEAKING for t in rest)


def _quotes_words(tokens: list[Token], begin: int, least: int = 3) -> bool:
    """A quotation of at least `least` words opens at or after `begin`."""
    words = None
    for token in tokens[begin:]:
        if words is None and token.text in QUOTE_OPENERS:
            words = 0
        elif token.text in OPENING_QUOTES or token.text in QUOTE_CLOSERS:
            return words is not None and words >= least
        elif words is not None and token.is_word:
            words += 1
    return False
