"""Find lexicon phrases by looking words up, not by trying every phrase at every position.

`phrases.PhraseMatcher` compiles one regular-expression alternation; its cost grows with the number of entries,
which is fine for a few dozen weasel phrases but not for a bias lexicon of several hundred. This matcher splits
the text into words once and looks each word up in a table keyed by the first word of every phrase: the cost is
linear in the text and independent of the size of the lexicon. Matching is whole-word and case-insensitive;
a hyphenated compound ("far-right", "slam-dunk") is one word, so "slam" never matches inside "slam-dunk".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import compress
from operator import itemgetter

from .lexicons import LexiconEntry
from .phrases import PhraseMatch

# A word: letters or digits, joined by inner hyphens. Apostrophes end a word ("regime's" -> "regime", "s").
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*+")
_SPACE_ONLY = re.compile(r"\s+")
Word = tuple[int, int, str]  # start, end, lower-case text
_LOWER = itemgetter(2)


def split_words(text: str, start: int, end: int) -> list[Word]:
    """The words of text[start:end] with their offsets, lower-cased once for every matcher that looks them up."""
    lowered = text[start:end].lower()
    if len(lowered) != end - start:  # a character whose lower case is longer ("\u0130"): keep offsets exact
        return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, end)]
    return [(m.start() + start, m.end() + start, m.group()) for m in WORD.finditer(lowered)]


class WordMatcher:
    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        # first word -> [(words, separators, entry)], longest phrase first
        self._table: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], LexiconEntry]]] = {}
        seen: set[tuple[str, ...]] = set()
        for entry in entries:
            phrase = entry.phrase.lower().replace("\u2019", "'")
            found = list(WORD.finditer(phrase))
            if not found:
                continue
            words = tuple(m.group() for m in found)
            separators = tuple(
                "'" if "'" in phrase[a.end() : b.start()] else " " for a, b in zip(found, found[1:], strict=False)
            )
            if (words, separators) in seen:
                continue  # the first entry for a phrase wins
            seen.add((words, separators))
            self._table.setdefault(words[0], []).append((words, separators, entry))
        for candidates in self._table.values():
            candidates.sort(key=lambda c: len(c[0]), reverse=True)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None, words: list[Word] | None = None
    ) -> Iterator[PhraseMatch]:
        """Matches in text[start:end]; pass `words` (from `split_words` on the same range) to share the split."""
        if words is None:
            words = split_words(text, start, len(text) if end is None else end)
        table = self._table
        # The words some phrase begins with, found by C-level iteration (most words begin none), left to right;
        # a match's own words are not tried again.
        starts = compress(range(len(words)), map(table.get, map(_LOWER, words)))
        after = 0
        for i in starts:
            if i < after:
                continue
            for phrase, separators, entry in table[words[i][2]]:
                if self._matches(text, words, i, phrase, separators):
                    yield PhraseMatch(words[i][0], words[i + len(phrase) - 1][1], entry)
                    after = i + len(phrase)
                    break

    @staticmethod
    def _matches(text: str, words: list, i: int, phrase: tuple[str, ...], separators: tuple[str, ...]) -> bool:
        if i + len(phrase) > len(words):
            return False
        for k in range(1, len(phrase)):
            if words[i + k][2] != phrase[k]:
                return False
            gap = text[words[i + k - 1][1] : words[i + k][0]]
            if separators[k - 1] == "'":
                if gap not in ("'", "\u2019"):
                    return False
            elif not _SPACE_ONLY.fullmatch(gap):
                return False
        return True
