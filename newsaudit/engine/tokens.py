"""Word tokens with offsets, for the rules that look at word order around a cue."""

from __future__ import annotations

import re
from typing import NamedTuple

from .segment import ABBREVIATIONS

# A word (with inner apostrophes, hyphens or dots, as in "U.S." or "o'clock"), a number, or one punctuation mark.
_TOKEN = re.compile(
    r"[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F0-9]|['\u2019.\-](?=[A-Za-z\u00C0-\u024F0-9]))*+\.?"
    r"|\d++(?:[,.:]\d++)*+%?|\S"
)


class Token(NamedTuple):
    """A token and its offsets; a tuple, because an article has tens of thousands and they are never changed.
    Whether it is a word and whether it is capitalised are stored, not computed on each use: the attribution
    finder and the rules ask about five times per token, and a field costs a fraction of a property's call."""

    text: str
    start: int
    end: int
    lower: str
    is_word: bool  # begins with a letter
    is_capitalised: bool  # begins with a capital


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] with offsets into `text`. A trailing full stop stays off words like "said."."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        first, last = match.span()
        initial = word[0]
        alpha, upper = initial.isalpha(), initial.isupper()
        if word[-1] == "." and len(word) > 1:
            low = word.lower()
            if word.count(".") == 1 and not _is_abbreviation(word, low):
                append(_new_token(Token, (word[:-1], first, last - 1, low[:-1], alpha, upper)))
                append(_new_token(Token, (".", last - 1, last, ".", False, False)))
                continue
            append(_new_token(Token, (word, first, last, low, alpha, upper)))
        else:
            append(_new_token(Token, (word, first, last, word.lower(), alpha, upper)))
    return tokens


_new_token = tuple.__new__  # Token(...) without NamedTuple's keyword-handling constructor: tokenize's inner loop


def _is_abbreviation(word: str, low: str) -> bool:
    return low[:-1] in ABBREVIATIONS or (len(word) == 2 and word[0].isupper())
