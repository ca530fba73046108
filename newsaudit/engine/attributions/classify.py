"""What kind of source a phrase is (person, organisation, outlet, document, anonymous), and whether it names one."""

from __future__ import annotations

from ..tokens import Token
from .vocabulary import (
    BACK_REFERENCES,
    CORE_ENDS,
    DAYS_MONTHS,
    DETERMINERS,
    INDEFINITE,
    LOCATIVES,
    MASS_EVIDENCE,
    MODIFIERS,
    NATIONALITIES,
    NOT_NAMES,
    ORG_SUFFIXES,
    OUTLETS,
    PRONOUNS,
    SOURCE_NOUNS,
    VAGUE_QUANTIFIERS,
)
from .words import word_class


def classify(tokens: list[Token], s: int, e: int, opener_is_word: bool = False) -> tuple[str, bool]:
    """`opener_is_word`: the phrase's first word is capitalised only because it opens the sentence."""
    words = tokens[s : e + 1]
    if any(w.text == "," for w in words):  # "Mark Li, a spokesman for the party": the name decides
        words = words[: next(i for i, w in enumerate(words) if w.text == ",")]
    at = next((k for k in range(1, len(words)) if words[k].lower in LOCATIVES), None)
    if at is not None:  # "shop owners on Harbour Road": the owners, not the road
        words = words[:at]
    head = words[-1]
    head_class = word_class(head)
    phrase = " ".join(t.lower for t in words)
    if head.lower == "who":
        return "person", False
    if head.lower == "which":
        return "organisation", False
    if head_class == "pronoun":
        return PRONOUNS.get(head.lower, "person"), False
    bare = phrase.removeprefix("the ").strip()
    if bare in OUTLETS:
        return "outlet", False
    if head_class == "name":
        # The name's own last word decides, before any "of"/"for"/"at" phrase: "Bank of England" is a body,
        # "Station Manager Ana Ruiz of the Fire Service" a person.
        core = next((k for k in range(1, len(words)) if words[k].lower in CORE_ENDS), len(words))
        last = words[core - 1].lower.rstrip(".")
        last = last[:-2] if last.endswith(("'s", "\u2019s")) else last
        if last in ORG_SUFFIXES:
            return "organisation", False
        return "person", False
    category = SOURCE_NOUNS.get(head.lower) or ("organisation" if head.lower in ORG_SUFFIXES else "person")
    if category == "document":  # 'Recent surveys', 'polls': evidence that names nobody is no named source
        return "document", is_vague_evidence(" ".join(t.text for t in words))
    if category == "organisation":
        return "organisation", False
    has_name = any(
        word_class(w) == "name"
        and w.lower not in MODIFIERS
        and w.lower not in NATIONALITIES
        and w.lower not in BACK_REFERENCES
        and not (k == 0 and opener_is_word)
        for k, w in enumerate(words[:-1])
    )
    if has_name and not any(w.lower in INDEFINITE for w in words[:1]):
        return "person", False
    definite = words[0].lower in ("the", "his", "her", "their", "its")
    return ("person" if definite else "anonymous"), not definite


def is_named(name: str) -> bool:
    """A proper name ('Ana Ruiz', 'Port Union', 'Council leader Ana Ruiz'), not a description or a role ('the
    council', 'Its general manager', 'The inspectorate'): some capitalised word that is no role, body,
    determiner, pronoun or sentence opener. The phrase's core (before 'of', 'for', 'in', 'at') must end in a
    capitalised word: 'the wake of the Times' and 'E.U. leaders' describe, 'Bank of England' names."""
    core = [w for w in name.split(",")[0].split() if not w.startswith("(")]  # 'Ana Ruiz (D-Ore.)'
    cut = next((k for k in range(1, len(core)) if core[k].lower() in CORE_ENDS), len(core))
    if not core or not (core[cut - 1][:1].isupper() or _body_of_a_name(core[:cut])):
        return False
    if len(core) == 1 and _opener_form(core[0]):
        return False
    for word in name.replace(",", " ").split():
        word = word.strip(".:;()\"'\u2018\u2019\u201c\u201d")
        low = word.lower()
        low = low[:-2] if low.endswith(("'s", "\u2019s")) else low
        if not word[:1].isupper() or low in SOURCE_NOUNS or low in PRONOUNS or low in DETERMINERS:
            continue
        if low in MODIFIERS or low in NOT_NAMES or low in DAYS_MONTHS or low in NATIONALITIES or low in BACK_REFERENCES:
            continue
        return True
    return False


def is_crowd(phrase: str, anonymous: bool) -> bool:
    """An unnamed crowd ('critics', 'many experts', 'Others, especially two economists'): the phrase before an
    apposition decides."""
    words = phrase.split(",")[0].lower().split()
    if not words:
        return False
    return SOURCE_NOUNS.get(words[-1]) == "vague" or (anonymous and words[0] in VAGUE_QUANTIFIERS)


def is_vague_evidence(phrase: str) -> bool:
    """Evidence that names nobody ('polls', 'Recent surveys', 'National opinion polls'): a document noun whose
    phrase has no name and no determiner pointing at a known one."""
    words = phrase.split(",")[0].split()
    head = words[-1].lower() if words else ""
    if SOURCE_NOUNS.get(head) != "document" or not (head.endswith("s") or head in MASS_EVIDENCE):
        return False
    if words[0].lower() in ("the", "this", "these", "those", "its", "their", "his", "her", "our"):
        return False
    return not is_named(" ".join(words[:-1]))


def launders(phrase: str, anonymous: bool) -> bool:
    """A source whose reported words are still the outlet's own: a crowd or evidence that names nobody.
    Only a source the reader can weigh owns its words (see docs/bias-and-readability.md)."""
    return is_crowd(phrase, anonymous) or is_vague_evidence(phrase)


def _opener_form(word: str) -> bool:
    """'Having', 'Following', 'Conversely': a participle or adverb capitalised only because it opens a sentence."""
    low = word.lower()
    return len(low) > 5 and low.endswith(("ing", "ly"))


def _body_of_a_name(core: list[str]) -> bool:
    """'the Clinton campaign', "Ruiz's aides": a body or group noun after a proper name."""
    head = core[-1].lower()
    return SOURCE_NOUNS.get(head) in ("organisation", "group") and is_named(" ".join(core[:-1]))
