"""Word lists as data files written by the newsaudit authors.

Two shapes:
- word lists (`*.txt`): one entry per line, `#` starts a comment;
- categorised lexicons (`*.tsv`): `entry<TAB>category<TAB>neutral alternative or advice[<TAB>guard words]`;
  guard words are next words that give the entry another, neutral sense ("blast radius").
Entries are lower case; a space inside an entry means a multi-word phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    phrase: str
    category: str
    alternative: str
    guards: frozenset[str] = frozenset()  # next words that give the entry another, neutral sense


def _lines(filename: str) -> list[str]:
    raw = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    lines = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            lines.append(line)
    return lines


@cache
def load_words(name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _lines(f"{name}.txt"))


@cache
def load_lexicon(name: str) -> tuple[LexiconEntry, ...]:
    entries = []
    for line in _lines(f"{name}.tsv"):
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2:
            raise ValueError(f"lexicon {name}: expected 'entry<TAB>category[<TAB>alternative]', got {line!r}")
        alternative = fields[2] if len(fields) > 2 else ""
        guards = (
            frozenset(g.strip().lower() for g in fields[3].split(",") if g.strip()) if len(fields) > 3 else frozenset()
        )
        entries.append(LexiconEntry(fields[0].lower(), fields[1], alternative, guards))
    return tuple(entries)
