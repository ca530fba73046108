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
        self._caseless = caseless_twin(self._pattern)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None, caseless: str | None = None
    ) -> Iterator[PhraseMatch]:
        """Matches in text[start:end]; `caseless` is `caseless_text(text)` where the caller has it (faster)."""
        end = len(text) if end is None else end
        if caseless is not None and self._caseless is not None:
            pattern, text = self._caseless, caseless
        else:
            pattern = self._pattern
        for match in pattern.finditer(text, start, end):
            entry = self._entries.get(_normalise(match.group()))
            if entry is not None:
                yield PhraseMatch(match.start(), match.end(), entry)


def _normalise(phrase: str) -> str:
    return " ".join(phrase.lower().replace("\u2019", "'").split())


# Besides simple case pairs, IGNORECASE equates two non-ASCII letters with ASCII ones: dotless i and long s.
_IGNORECASE_EXTRAS = ("\u0131", "\u017f")


def caseless_text(text: str) -> str | None:
    """`text` lower-cased, if a lower-case pattern without re.IGNORECASE finds in it just what the IGNORECASE
    pattern finds in `text`, at the same offsets: no character lowers to two ('\u0130'), and neither letter that
    IGNORECASE also equates with an ASCII one is present. Otherwise None. Case-insensitive matching costs about
    three times as much as matching lower-cased text (measured on the weasel and hedge lexicons)."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(extra in text for extra in _IGNORECASE_EXTRAS):
        return None
    return lowered


_SYNTAX = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")  # escapes and group names: not letters to match
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


def caseless_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` without re.IGNORECASE, to run on `caseless_text`; None unless the pattern is case-insensitive and
    its letters are lower-case ASCII, so that the twin finds exactly what `pattern` finds."""
    letters = _SYNTAX.sub("", pattern.pattern)
    if not pattern.flags & re.I or not letters.isascii() or letters != letters.lower() or _INLINE_FLAGS.search(letters):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


class CaselessPattern:
    """A case-insensitive pattern and its `caseless_twin`. Take what a match covers from the original text
    (`text[m.start() : m.end()]`): on the lower-cased text `m.group()` is lower case."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.twin = caseless_twin(pattern)

    def on(self, text: str, caseless: str | None) -> tuple[re.Pattern[str], str]:
        """The pattern to run and the string to run it on: the twin on the lower-cased text when both exist."""
        if caseless is not None and self.twin is not None:
            return self.twin, caseless
        return self.pattern, text
