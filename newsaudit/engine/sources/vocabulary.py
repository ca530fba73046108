"""The word lists the source audit reads, loaded once from the lexicon files (no word list lives in code).

Role classes, honorifics, party words and gendered role nouns come from `source_roles.tsv`; the pronouns and the
gender each states from `pronouns.tsv` (third column); role nouns from `source_nouns.tsv`, modifiers,
nationalities and abbreviations from their own lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicons import load_lexicon, load_word_sets, load_words

ROLE_CLASSES = ("official", "spokesperson", "expert", "business", "citizen", "campaigner", "candidate", "journalist")
GENDER_FLAGS = frozenset({"female", "male"})

_ROLES = load_lexicon("source_roles", flags=GENDER_FLAGS)


def _gender(flags: frozenset[str]) -> str | None:
    return next(iter(flags & GENDER_FLAGS), None)


RoleEntry = tuple[str, str, str | None]  # (category, affiliation, gender or None)
# phrase (lower case, one or more words) -> its entry
ROLE_WORDS: dict[str, RoleEntry] = {e.phrase: (e.category, e.alternative, _gender(e.flags)) for e in _ROLES}
MAX_ROLE_WORDS = max(len(phrase.split()) for phrase in ROLE_WORDS)


HONORIFICS = frozenset(p for p, (category, _, _) in ROLE_WORDS.items() if category == "honorific")
PARTICLES = frozenset(p for p, (category, _, _) in ROLE_WORDS.items() if category == "particle")
PRONOUN_GENDER: dict[str, str] = {
    e.phrase: e.alternative for e in load_lexicon("pronouns") if e.alternative in GENDER_FLAGS
}
# Role nouns of people ("minister", "host"); the document and body nouns ("bill", "union") stand before no name.
PERSON_NOUNS = frozenset(e.phrase for e in load_lexicon("source_nouns") if e.category in ("person", "group", "vague"))
MODIFIERS = load_words("source_modifiers")
NATIONALITIES = load_words("nationalities")
ABBREVIATIONS = load_words("abbreviations")
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_ATTRIBUTION_WORDS = load_word_sets("attribution_words")
# Capitalised words that are no name: sentence openers, determiners, days and months ("But", "The", "On Monday").
NOT_NAME_WORDS = (
    load_words("sentence_openers")
    | load_words("days_months")
    | frozenset(_ATTRIBUTION_WORDS["determiners"])
    | frozenset(_ATTRIBUTION_WORDS["opening_adverbials"])
    | frozenset(_ATTRIBUTION_WORDS["not_names"])
    | frozenset(_ATTRIBUTION_WORDS["subordinators"])
    | frozenset(_ATTRIBUTION_WORDS["opening_subordinators"])
    | frozenset(_ATTRIBUTION_WORDS["question_words"])
)
# Nouns naming a person's role: a definite description with one of them as head ("the nominee") can stand for the
# person last written with it ("Republican nominee Ana Ruiz").
ROLE_NOUNS = PERSON_NOUNS | frozenset(
    p for p, (category, _, _) in ROLE_WORDS.items() if " " not in p and category in (*ROLE_CLASSES, "none")
)
INDEFINITE = frozenset(_ATTRIBUTION_WORDS["indefinite"])
PLURAL_PRONOUNS = frozenset(e.phrase for e in load_lexicon("pronouns") if e.category == "any")
# Words that may stand before a name as a title or description: they are never part of the name itself.
TITLE_WORDS = (
    frozenset(w for phrase in ROLE_WORDS for w in phrase.split()) - PARTICLES
    | PERSON_NOUNS
    | MODIFIERS
    | NATIONALITIES
    | NOT_NAME_WORDS
)


def longest_role_phrase(lows: Sequence[str], start: int = 0, *, at_end: bool = False) -> tuple[int, RoleEntry] | None:
    """The longest phrase of ROLE_WORDS among the lower-case words `lows[start:]` that begins at `start` (with `at_end`:
    that ends with the last word), as its length in words and its entry; None where no role phrase stands there."""
    for size in range(min(MAX_ROLE_WORDS, len(lows) - start), 0, -1):
        first = len(lows) - size if at_end else start
        entry = ROLE_WORDS.get(" ".join(lows[first : first + size]))
        if entry is not None:
            return size, entry
    return None
