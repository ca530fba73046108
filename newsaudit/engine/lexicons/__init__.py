"""Word lists as data files written by the newsaudit authors.

Three shapes:
- word lists (`*.txt`): one entry per line, `#` starts a comment;
- categorised lexicons (`*.tsv`): `entry<TAB>category<TAB>neutral alternative or advice[<TAB>guard words[<TAB>flags]]`;
  guard words are next words that give the entry another, neutral sense ("blast radius"); flags are space-separated
  properties of the entry, from a set the caller names (`load_lexicon("speech_verbs", flags=...)`);
- word sets (`*.txt` with `[name]` headers): several small named lists in one file, one entry per line, in order.
Entries are lower case; a space inside an entry means a multi-word phrase. Every loader rejects an entry listed
twice, so a word has one home and one set of properties.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


class LexiconError(ValueError):
    """A lexicon file breaks its shape: a duplicate entry, an unknown flag, a missing field."""


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    phrase: str
    category: str
    alternative: str
    guards: frozenset[str] = frozenset()  # next words that give the entry another, neutral sense
    flags: frozenset[str] = frozenset()  # properties of the entry (speech verbs: invertible, say, stance, ...)


def _lines(filename: str) -> list[str]:
    return _content_lines(resources.files(__package__).joinpath(filename).read_text(encoding="utf-8"))


def _content_lines(raw: str) -> list[str]:
    lines = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            lines.append(line)
    return lines


def _unique(name: str, entries: list[str]) -> list[str]:
    seen: set[str] = set()
    for entry in entries:
        if entry in seen:
            raise LexiconError(f"lexicon {name}: {entry!r} is listed twice")
        seen.add(entry)
    return entries


@cache
def load_words(name: str) -> frozenset[str]:
    return frozenset(_unique(name, [line.strip().lower() for line in _lines(f"{name}.txt")]))


@cache
def load_lexicon(name: str, flags: frozenset[str] = frozenset()) -> tuple[LexiconEntry, ...]:
    """Entries in file order; `flags` names the flags this lexicon may carry (any other is an error)."""
    return parse_lexicon(name, _lines(f"{name}.tsv"), flags)


def parse_lexicon(name: str, lines: list[str], flags: frozenset[str] = frozenset()) -> tuple[LexiconEntry, ...]:
    entries = [_entry(name, line, flags) for line in lines]
    _unique(name, [entry.phrase for entry in entries])
    return tuple(entries)


def _entry(name: str, line: str, allowed: frozenset[str]) -> LexiconEntry:
    fields = [f.strip() for f in line.split("\t")]
    if len(fields) < 2:
        raise LexiconError(f"lexicon {name}: expected 'entry<TAB>category[<TAB>alternative]', got {line!r}")
    alternative = fields[2] if len(fields) > 2 else ""
    guards = frozenset(g.strip().lower() for g in fields[3].split(",") if g.strip()) if len(fields) > 3 else frozenset()
    flags = frozenset(fields[4].split()) if len(fields) > 4 else frozenset()
    if flags - allowed:
        raise LexiconError(f"lexicon {name}: unknown flag {sorted(flags - allowed)[0]!r} in {line!r}")
    return LexiconEntry(fields[0].lower(), fields[1], alternative, guards, flags)


@cache
def load_word_sets(name: str) -> dict[str, tuple[str, ...]]:
    """`[set]` headers, each followed by its entries one per line; entries keep their order."""
    return parse_word_sets(name, _lines(f"{name}.txt"))


def parse_word_sets(name: str, lines: list[str]) -> dict[str, tuple[str, ...]]:
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            if line[1:-1] in sets:
                raise LexiconError(f"lexicon {name}: set [{line[1:-1]}] is defined twice")
            current = sets.setdefault(line[1:-1], [])
        elif current is None:
            raise LexiconError(f"lexicon {name}: {line!r} comes before any [set] header")
        else:
            current.append(line.lower())
    return {key: tuple(_unique(f"{name} [{key}]", words)) for key, words in sets.items()}
