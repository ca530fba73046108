"""A source's name as the text writes it: the title words before it, the name itself, and its merge key.

"Prime Minister Sanae Ruiz" -> titles ["Prime", "Minister"], name ["Sanae", "Ruiz"], key "sanae ruiz". The name
is the last run of capitalised words of the phrase (before any comma or bracket), after the last title word that
still has a name after it, so "House Speaker Paul Ryan" is "Paul Ryan" and "Martin Luther King" stays whole.
Every step is a single pass over the words: linear in the phrase length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .vocabulary import (
    ABBREVIATIONS,
    HONORIFICS,
    NAME_SUFFIXES,
    NOT_NAME_WORDS,
    PARTICLES,
    ROLE_NOUNS,
    TITLE_WORDS,
    longest_role_phrase,
)

# A word: letters first, then letters, digits, apostrophes, hyphens and dots. No nesting: matching is linear.
WORD = re.compile(r"[^\W\d_][\w'\u2019.\-]*")
# A run of two or more capitalised words in running text, separated by single spaces, a particle ("de") may sit
# between two of them. Each step is decided by one character (a capital, or a particle's lower-case letter after
# a space), so matching is linear.
_CAPITALISED = r"[A-Z\u00c0-\u00d6\u00d8-\u00de][\w'\u2019.\-]*"
_WORD_BEFORE = re.compile(r"([a-z][a-z\-]*) $")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][a-z\-.]* ){0,2}[A-Za-z][a-z\-.]*),? $")  # "the first lady, " before a name
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*")
_RUN = re.compile(rf"{_CAPITALISED}(?: (?:(?:{'|'.join(sorted(PARTICLES))}) )?{_CAPITALISED})+")
POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True, slots=True)
class Name:
    titles: tuple[str, ...]  # the words of the run before the name ("Prime", "Minister"), as written
    words: tuple[str, ...]  # the name as written, possessive dropped ("Sanae", "Ruiz")

    @property
    def key(self) -> str:
        """Lower case, the first name and the surname (with its particles and suffix) only: "Donald J. Trump" and
        "Donald Trump" share "donald trump", "Hillary Rodham Clinton" and "Hillary Clinton" "hillary clinton"."""
        words = [w.lower() for w in self.words]
        end = len(words)
        while end > 1 and words[end - 1] in NAME_SUFFIXES:
            end -= 1
        start = end - 1  # the surname
        while start > 1 and words[start - 1] in PARTICLES:
            start -= 1
        if start <= 0:
            return " ".join(words)
        return " ".join([words[0], *words[start:]])

    @property
    def surname(self) -> str:
        words = [w.lower() for w in self.words]
        while len(words) > 1 and words[-1] in NAME_SUFFIXES:
            words.pop()
        return words[-1] if words else ""

    @property
    def full(self) -> bool:
        """A first name and a surname (initials do not count): "Ruiz" and "J. Ruiz" are bare surnames."""
        return len([w for w in self.words if not _initial(w) and w.lower() not in NAME_SUFFIXES]) >= 2

    @property
    def display(self) -> str:
        return " ".join(self.words)


def _initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def strip_possessive(word: str) -> tuple[str, bool]:
    for ending in POSSESSIVE:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)], True
    return word, False


def head_part(phrase: str) -> str:
    """The phrase before any apposition or bracket: "Ana Ruiz (D-Ohio), a senator" -> "Ana Ruiz"."""
    cut = len(phrase)
    for mark in (",", "(", "\u2014", "\u2013", ";", ":"):
        at = phrase.find(mark)
        if at != -1:
            cut = min(cut, at)
    return phrase[:cut]


@lru_cache(maxsize=4096)
def parse_name(phrase: str) -> Name | None:
    """The name a source phrase ends on, or None when it has no capitalised run ("the minister", "she")."""
    line = head_part(phrase).rsplit("\n", 1)[-1]  # a line break ends a name: "A Sign Of Leadership\nMarco Rubio"
    run = last_run([m.group() for m in WORD.finditer(line)])
    return name_of_run(run) if run else None


def person_name(phrase: str) -> Name | None:
    """A person's name, before any "of" phrase that follows it: "Professor Lena Amsel of the Harbour Institute"
    is Lena Amsel ("Secretary of State John Kerry" has no full name before its "of", and stays whole)."""
    before, of, _ = phrase.partition(" of ")
    if of:
        first = parse_name(before)
        if first is not None and first.full:
            return first
    return parse_name(phrase)


def last_run(words: list[str]) -> list[str]:
    """The last run of capitalised words; a possessive ends a run ("Trump's Kellyanne Conway": the run after it)."""
    run: list[str] = []
    best: list[str] = []
    for k, word in enumerate(words):
        bare, possessive = strip_possessive(word)
        if _capitalised(word) or (word in PARTICLES and run and k + 1 < len(words) and _capitalised(words[k + 1])):
            run.append(bare)
            best = run
            if possessive:
                run = []
        else:
            run = []
    while best and best[-1] in PARTICLES:
        best = best[:-1]
    return best


def name_of_run(run: list[str]) -> Name | None:
    """Split a capitalised run into titles and the name: the name starts after the last title word that has a
    capitalised word after it."""
    start = 0
    for k, word in enumerate(run[:-1]):
        low = word.lower()
        if low in TITLE_WORDS or (low.rstrip(".") in ABBREVIATIONS and low.endswith(".") and len(low) > 2):
            start = k + 1
    words = tuple(w.rstrip(".") if w.endswith(".") and not _keeps_dot(w) else w for w in run[start:])
    after_honorific = start > 0 and run[start - 1].lower() in HONORIFICS  # "Mr. King": a name, though "king" is a role
    if not words or (all(w.lower() in TITLE_WORDS for w in words) and not after_honorific):
        return None
    return Name(tuple(run[:start]), words)


def _keeps_dot(word: str) -> bool:
    """An initial or a suffix keeps its dot ("J.", "Jr."); a sentence end does not ("Ruiz.")."""
    return _initial(word) or word.lower() in NAME_SUFFIXES


@dataclass(slots=True)
class Namesakes:
    """The full names that share one surname, in text order: which one a bare surname at some offset stands for."""

    positions: list[int] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    _by_key: dict[str, list[int]] | None = None  # key -> indexes into names, collected on first need

    def __bool__(self) -> bool:
        return bool(self.names)

    def add(self, at: int, name: Name) -> None:
        k = len(self.positions) if not self.positions or at >= self.positions[-1] else bisect_right(self.positions, at)
        self.positions.insert(k, at)
        self.names.insert(k, name)
        self.keys.add(name.key)
        self._by_key = None

    def last_before(self, at: int) -> Name | None:
        k = bisect_left(self.positions, at)
        return self.names[k - 1] if k else None

    def nearest(self, at: int, keys: set[str] | None = None) -> Name:
        """The only one, else the one named last before `at`, else the first named after it; only among `keys`
        when given (one of them must be here). Each key's positions are collected once: a call costs a binary
        search per key."""
        if keys is None:
            if len(self.keys) == 1:
                return self.names[0]
            k = bisect_left(self.positions, at)
            return self.names[k - 1] if k else self.names[0]
        if self._by_key is None:
            self._by_key = {}
            for k, name in enumerate(self.names):
                self._by_key.setdefault(name.key, []).append(k)
        best_before, first_after = -1, len(self.names)
        for key in keys:
            indexes = self._by_key[key]
            j = bisect_left(indexes, at, key=self.positions.__getitem__)
            if j:
                best_before = max(best_before, indexes[j - 1])
            first_after = min(first_after, indexes[0])
        return self.names[best_before if best_before >= 0 else first_after]


@dataclass(slots=True)
class TextNames:
    """The capitalised runs of a text: full names by surname, and multi-word names by their initials."""

    by_surname: dict[str, Namesakes]
    by_initials: dict[str, set[str]]
    by_role: dict[str, Namesakes] = field(default_factory=dict)  # role noun -> the full names written with it
    genders: dict[str, set[str]] = field(
        default_factory=dict
    )  # key -> genders its tied words state ("Mrs", "first lady")

    def stated_gender(self, key: str) -> str | None:
        """The one gender the text's words tied to the full name of this key state, else None (none, or both)."""
        found = self.genders.get(key, set())
        return next(iter(found)) if len(found) == 1 else None

    def last_with_role(self, role: str, at: int) -> Name | None:
        """The person last written with this role noun before `at` ("nominee Ana Ruiz" ... "the nominee")."""
        names = self.by_role.get(role)
        return names.last_before(at) if names else None


def text_names(text: str, lower: frozenset[str]) -> TextNames:
    """Every full name the text writes (two or more name words) by surname, and every run of two or more
    capitalised words by its initials ("European Central Bank" -> "ECB"): what a bare surname or an acronym may
    stand for. One regular-expression pass finds the runs; Python looks only at them."""
    found = TextNames({}, {})
    openers: set[int] = set()  # runs that open a sentence with a word the text also writes in lower case
    for match in _RUN.finditer(text):
        piece: list[str] = []
        start = at = match.start()
        for word in match.group().split(" "):
            if not piece:
                start = at
            piece.append(word)
            at += len(word) + 1
            if word.endswith(".") and not _keeps_dot(word) and word.lower().rstrip(".") not in ABBREVIATIONS:
                _tie_role(found, text, _add_run(found, piece, start), start)  # a sentence ends here
                piece = []
        _tie_role(found, text, _add_run(found, piece, start), start)
    for names in found.by_surname.values():
        for at, name in zip(names.positions, names.names, strict=True):
            if at not in openers and opens_sentence(text, at) and name.words[0].lower() in lower:
                openers.add(at)
    _drop_openers(found, openers)
    return found


def lower_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case: a capitalised word among them is a sentence opener, no name."""
    return frozenset(_LOWER_WORD.findall(text))


def opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(" \"'\u201c\u2018")
    return not before or before[-1] in ".!?:\n"


def _drop_openers(found: TextNames, starts: set[int]) -> None:
    """A sentence-opening word the text also writes in lower case ("Using Ted Cruz", "Never Trump") is no first
    name: those names lose it (and a name left with one word is no full name)."""
    if not starts:
        return
    for surname, names in list(found.by_surname.items()):
        kept = Namesakes()
        for at, name in zip(names.positions, names.names, strict=True):
            if at in starts:
                name = Name((), name.words[1:])
                if not name.full:
                    continue
            kept.add(at, name)
        if kept:
            found.by_surname[surname] = kept
        else:
            del found.by_surname[surname]


def _add_run(found: TextNames, run: list[str], start: int) -> Name | None:
    """Index one run; the full name it ends on, if any."""
    words = last_run(run)
    if len(words) < 2:
        return None
    body = [w.rstrip(".") for w in words if w.lower() not in NOT_NAME_WORDS]
    if len(body) >= 2:
        found.by_initials.setdefault(initials(body), set()).add(" ".join(body))
    name = name_of_run(words)
    if name is None or not name.full:
        return None
    opens_run = len(words) == len(run) and not name.titles
    # A name inside the run is placed one character on, so it is never taken for a sentence opener.
    found.by_surname.setdefault(name.surname, Namesakes()).add(start if opens_run else start + 1, name)
    return name


def _tie_role(found: TextNames, text: str, name: Name | None, start: int) -> None:
    """The role noun written right before a full name, inside its run ("Prime Minister Ana Ruiz") or just before
    it ("nominee Ana Ruiz"): a later "the prime minister" or "the nominee" may stand for that person."""
    if name is None:
        return
    _tie_gender(found, text, name, start)
    role = name.titles[-1].lower() if name.titles else ""
    if not role:
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        role = before.group(1) if before else ""
    if role in ROLE_NOUNS:
        found.by_role.setdefault(role, Namesakes()).add(start, name)


def title_gender(words: list[str] | tuple[str, ...]) -> str | None:
    """The gender the last one to three words before a name state ("Mrs", "the first lady"), else None."""
    found = longest_role_phrase([w.lower() for w in words], at_end=True)
    return found[1][2] if found else None


def _tie_gender(found: TextNames, text: str, name: Name, start: int) -> None:
    gender = title_gender(name.titles)
    if gender is None and not name.titles:
        before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
        gender = title_gender(before.group(1).split()) if before else None
    if gender is not None:
        found.genders.setdefault(name.key, set()).add(gender)


def initials(words: list[str]) -> str:
    """ "European Central Bank" -> "ECB"; "of", "the", "and" are skipped."""
    return "".join(w[0] for w in words if w[:1].isupper())
