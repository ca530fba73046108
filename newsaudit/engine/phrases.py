"""Find lexicon phrases in text: one compiled alternation per lexicon, whole words only, case-insensitive."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .lexicons import LexiconEntry


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int
    end: int
    entry: LexiconEntry


class PhraseMatcher:
    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        self._entries: dict[str, LexiconEntry] = {}
        for entry in entries:
            self._entries.setdefault(_normalise(entry.phrase), entry)
        # Longest first so "it is widely believed" wins over "it is believed"; spaces match any run of space.
        alternatives = sorted(self._entries, key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alternatives) or r"(?!x)x"
        self._pattern = re.compile(r"(?<![\w\-])(?:" + body + r")(?![\w\-])", re.I)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        end = len(text) if end is None else end
        for match in self._pattern.finditer(text, start, end):
            entry = self._entries.get(_normalise(match.group()))
            if entry is not None:
                yield PhraseMatch(match.start(), match.end(), entry)


def _normalise(phrase: str) -> str:
    return " ".join(phrase.lower().replace("\u2019", "'").split())
