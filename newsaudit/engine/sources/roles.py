"""What the text says a source is: role class, affiliation and the gender its role words state.

Read only where the text ties the words to the source: the title words before the name in the same phrase
("Prime Minister Ruiz", "Clinton spokesman Brian Fallon") and the head of an apposition ("Ruiz, a spokeswoman
for the bank, said"); never a word inside a prepositional phrase ("a spokeswoman for Mr. Ruiz" says nothing about
Ruiz) and never a first name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import WORD, head_part, last_run, name_of_run, parse_name, strip_possessive
from .vocabulary import ROLE_CLASSES, ROLE_WORDS, RoleEntry, longest_role_phrase

PREPOSITIONS = frozenset({"of", "for", "at", "with", "to", "in", "on", "from", "and", "or", "who", "whose", "which"})
RELATIVES = frozenset({"who", "whose", "which", "that", "when", "where", "said", "says", "told", "added"})
_PARTY_LETTER = re.compile(r"\(\s*([DRI])\s*[-\u2013]\s*[A-Z][^()]{0,40}\)")
_AFTER_ROLE = re.compile(r"\b(?:of|for|at|from|with)\s+(?:the\s+)?((?:[A-Z][\w'\u2019&.\-]*\s?){1,6})")
MAX_APPOSITION_WORDS = 12
AFTER_CHARS = 160


@dataclass(slots=True)
class Described:
    roles: list[str] = field(default_factory=list)  # role classes, in text order
    genders: list[str] = field(default_factory=list)  # genders the role words and honorifics state
    affiliation: str | None = None


def describe(phrase: str, after: str, has_name: bool) -> Described:
    """What one mention says: `phrase` is the source's text, `after` the text that follows it in the sentence."""
    found = Described()
    head = head_part(phrase)
    words = [m.group() for m in WORD.finditer(head)]
    _read_words(_title_words(words) if has_name else words, found)
    rest = phrase[len(head) :] if len(head) < len(phrase) else ""
    _read_apposition(_apposition(rest) or _apposition(after[:AFTER_CHARS]), found)
    if found.roles and found.affiliation is None:
        found.affiliation = _body_after_name(head)
    party = _PARTY_LETTER.search(phrase) or _PARTY_LETTER.match(after[:AFTER_CHARS].lstrip())
    if party and found.affiliation is None:
        found.affiliation = ROLE_WORDS[f"({party.group(1).lower()})"][1]
    return found


def _body_after_name(head: str) -> str | None:
    """ "Professor Lena Amsel of the Harbour Institute" -> "Harbour Institute": the body after a full name."""
    before, of, after = head.partition(" of ")
    first = parse_name(before) if of else None
    if first is None or not first.full:
        return None
    body = _AFTER_ROLE.match("of " + after.strip())
    return body.group(1).strip() if body else None


def _title_words(words: list[str]) -> list[str]:
    """The words before the name: after the last possessive ("Trump's spokeswoman Hope Hicks" -> "spokeswoman"),
    and none where the name follows a preposition ("the wife of Bill Clinton" says nothing about Clinton)."""
    run = last_run(words)
    before = words[: len(words) - len(run)] if run else words
    if before and before[-1].lower() in PREPOSITIONS:
        return []
    cut = max((k + 1 for k, w in enumerate(before) if strip_possessive(w)[1]), default=0)
    name = name_of_run(run) if run else None
    return before[cut:] + list(name.titles if name else ())


def _apposition(text: str) -> str:
    """ ", a spokeswoman for the bank, said" -> "a spokeswoman for the bank"; "" when it is no apposition."""
    text = text.lstrip()
    if not text.startswith(","):
        return ""
    segment = re.split(r"[,;:.()\u2014\u2013]", text[1:], maxsplit=1)[0]
    words = segment.split()
    if not words or len(words) > MAX_APPOSITION_WORDS or words[0].lower() in RELATIVES:
        return ""
    return segment


def _read_apposition(segment: str, found: Described) -> None:
    if not segment:
        return
    words = [m.group() for m in WORD.finditer(segment)]
    cut = next((k for k, w in enumerate(words) if w.lower() in PREPOSITIONS), len(words))
    before = len(found.roles)
    _read_words(words[:cut], found)
    if len(found.roles) > before and found.affiliation is None and found.roles[-1] != "citizen":
        body = _AFTER_ROLE.search(segment)
        if body:
            found.affiliation = body.group(1).strip()


def _read_words(words: list[str], found: Described) -> None:
    """Role words, longest first ("press secretary" before "secretary"), each word read once."""
    lows = [w.lower() for w in words]
    k = 0
    while k < len(words):
        phrase = longest_role_phrase(lows, k)
        if phrase is None:
            k += 1
            continue
        size, entry = phrase
        _note(entry, words[k], found)
        k += size


def _note(entry: RoleEntry, word: str, found: Described) -> None:
    category, affiliation, gender = entry
    if category in ROLE_CLASSES:
        found.roles.append(category)
    elif category == "party":
        if word[:1].isupper() and found.affiliation is None:
            found.affiliation = affiliation
        return
    if gender:
        found.genders.append(gender)
