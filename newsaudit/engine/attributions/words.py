"""What one token is: its word class (name, noun, modifier, connector, pronoun, other) and small predicates."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..lexicons.packaged import pattern_tags
from ..tokens import Token
from .vocabulary import (
    CLAUSE_BREAKERS,
    CONNECTORS,
    DAYS_MONTHS,
    DETERMINERS,
    MODIFIERS,
    NEGATED_AUXILIARIES,
    NOT_ADVERBS,
    NOT_NAMES,
    NUMBER_WORDS,
    ORG_SUFFIXES,
    PRONOUNS,
    PUBLISHED,
    QUESTION_WORDS,
    SKIPPABLE,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    TIME_WORDS,
)

_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z]+(?:['\u2019][a-z]+)?(?![\w'\u2019-])")  # 'ferry', "don't"
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][\w\-]*+")
_MID_CAPITAL = re.compile(r"(?<![\w'\u2019-])[a-z]+,? ([A-Z][a-z]+)(?![\w'\u2019-])")
# after a lower-case letter, a comma or a semicolon, a closing quotation mark between: '," Tester said'
_INSIDE_CAPITAL = re.compile(r"[a-z,;][\"'\u201d\u2019]? ([A-Z][a-z]+)(?!\w)")


def common_words(text: str) -> set[str]:
    """Words the text writes in lower case and never capitalises inside a sentence: common nouns, not names."""
    return case_evidence(text).lower() - {w.lower() for w in _MID_CAPITAL.findall(text)}


def tagged_common(word: str) -> bool | None:
    """What pattern's lexicon says of a capitalised word as written: True for a common word ('Keeps' VBZ, 'Talk'
    NN, 'Efforts' NNS), False for a proper noun ('Peace' NNP, from title-case headlines), None when it has no entry."""
    tag = pattern_tags().get(word)
    return None if tag is None else tag not in ("NNP", "NNPS")


class CaseEvidence:
    """How one text writes its words, counted once on first use: the words it capitalises inside a sentence
    (after a word, a comma or a quotation closed after one: names, not words capitalised by a sentence start),
    and the words it writes in lower case."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._inside: Counter[str] | None = None
        self._lower: set[str] | None = None

    def inside(self) -> Counter[str]:
        if self._inside is None:
            self._inside = Counter(_INSIDE_CAPITAL.findall(self.text))
        return self._inside

    def lower(self) -> set[str]:
        if self._lower is None:
            self._lower = set(_LOWER_WORD.findall(self.text))
        return self._lower


@lru_cache(maxsize=4)
def case_evidence(text: str) -> CaseEvidence:
    """The text's CaseEvidence, one for the finder, the rules, the source summary and source_mix, which each
    counted the same words again."""
    return CaseEvidence(text)


def capitalised_words(text: str) -> Counter[str]:
    """How often the text writes each capitalised word (possessive 's dropped)."""
    return Counter(_CAPITALISED.findall(text))


def possessive(token: Token) -> bool:
    return token.lower.endswith(("'s", "\u2019s"))


def bare_verb(token: Token) -> bool:
    """A plausible bare infinitive after 'to' ('be', 'want', 'favour'), not a recipient ('reporters', 'him')."""
    low = token.lower
    if not token.is_word or token.is_capitalised or low in DETERMINERS or low in PRONOUNS or low in SOURCE_NOUNS:
        return False
    if low in NUMBER_WORDS or low in ("me", "us", "you", "them", "him", "her", "it", "this", "that", "these"):
        return False
    return not low.endswith("s") or low.endswith("ss")


def is_amount(token: Token) -> bool:
    low = token.lower
    return (
        low[:1].isdigit() or low[:1] in "$\u00a3\u20ac" or low in NUMBER_WORDS or low in ("a", "an", "another", "more")
    )


def word_class(token: Token) -> str:
    """name | noun | modifier | connector | pronoun | other."""
    if not token.is_word:
        if token.text in ("&", "-"):
            return "connector"
        return "other"
    low = token.lower
    base = low[:-2] if low.endswith(("'s", "\u2019s")) else low
    if base not in PRONOUNS and ("'" in base or "\u2019" in base):
        stem = base.replace("\u2019", "'").split("'")[0]  # "they're", "she'd", "we've"
        if stem in PRONOUNS:
            return "pronoun"
    if base in PRONOUNS:
        return "pronoun"
    if base in SOURCE_NOUNS:
        return "noun"
    if base in DETERMINERS:
        return "modifier"  # "The" opening a sentence is no name
    if base in NEGATED_AUXILIARIES:
        return "other"  # "WON'T" in a shouted headline
    if token.is_capitalised:
        if base in ORG_SUFFIXES:
            return "name"  # "The Washington Post reported": a body's last word, though 'post' is a verb too
        if base in NOT_NAMES or base in DAYS_MONTHS or base in SPEECH_VERBS or base in SKIPPABLE:
            return "other"
        return "name"
    if base in MODIFIERS or base in DETERMINERS:
        return "modifier"
    if base in CONNECTORS:
        return "connector"
    return "other"


def plain_head(token: Token) -> bool:
    """A word or number that can end the phrase a relative 'who' refers to (not a verb, an auxiliary or a comma)."""
    low = token.lower
    if token.text[:1].isdigit():
        return True
    return token.is_word and low not in SPEECH_VERBS and low not in SKIPPABLE and not low.endswith(("ed", "ing"))


def is_adverb(token: Token) -> bool:
    """'Ruiz has typically backed', 'Ruiz didn't say': adverbs and negated auxiliaries between subject and verb."""
    low = token.lower.replace("\u2019", "'")
    if not token.is_word or token.is_capitalised:
        return False
    return (len(low) > 4 and low.endswith("ly") and low not in NOT_ADVERBS) or low in NEGATED_AUXILIARIES


def is_time_word(tokens: list[Token], k: int) -> bool:
    """'Ruiz on Tuesday said', 'Ruiz last week told': a time phrase between the subject and its verb."""
    low = tokens[k].lower
    if low in TIME_WORDS or low in ("both", "each", "all"):
        return True
    if (
        low in PUBLISHED
        and k + 1 < len(tokens)
        and (tokens[k + 1].lower in DAYS_MONTHS or tokens[k + 1].lower in ("last", "this", "on", "in", "earlier"))
    ):
        return True  # "a poll released Saturday found"
    if low in DAYS_MONTHS and tokens[k].is_capitalised:
        return k > 0 and tokens[k - 1].lower in ("on", "in", "last", "this", "early", "late")
    if _year(low):
        return k > 0 and tokens[k - 1].lower == "in"  # "an arbitration panel in 2001 found"
    if low == "in" and k + 1 < len(tokens) and _year(tokens[k + 1].lower):
        return True
    if low in ("on", "last", "this", "early", "late") and k + 1 < len(tokens):
        following = tokens[k + 1].lower
        return following in DAYS_MONTHS or following in TIME_WORDS
    return False


def _year(low: str) -> bool:
    return len(low) == 4 and low.isdigit() and low[:2] in ("19", "20")


def plain_word(low: str) -> bool:
    """Not a function word that opens a clause or a question ('that', 'whether', 'about'), nor a speech verb."""
    return not (low in NOT_NAMES or low in CLAUSE_BREAKERS or low in SPEECH_VERBS or low in QUESTION_WORDS)
