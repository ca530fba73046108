"""Cues no word list names: a verb of stance or deed ('the shop owners resent', 'Tom Vance opposes') scored by a
small linear model over the words around it and the subject before it.

The word lists hold the common cues; the long tail (thousands of verbs and phrases, each seldom seen) is where a
list runs out. A token no lexicon entry covers, that could be a verb and that has a subject the scan accepts (or
a noun-like word in a cue's shape: 'Ana Ruiz plans to', `candidate_subject`), is scored: the sum of the weights of its features (the word, its neighbours, the kind of subject, ...), squashed to
a probability. At or above `THRESHOLD` it is a cue of category "deed": an attribution whose object is still the
outlet's own wording unless quoted, and a source seen only in deeds is not listed among the quoted. The weights
are in `lexicons/learned_cues.tsv`, trained by `python -m evaluation.train_cues` (`make train-cues`) on the
PolNeAR train split (see docs/evaluation.md); `cue_features` below is the whole model's input.
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources

from ..lexicons import LexiconEntry
from ..lexicons.packaged import pattern_tags
from ..tokens import Token
from .classify import classify
from .subjects import subject_of
from .vocabulary import COPULAS, DETERMINERS, SKIPPABLE, SOURCE_NOUNS, SPEECH_VERBS
from .words import word_class

LEARNED_CUE = LexiconEntry("(learned)", "deed", "")
THRESHOLD = 0.5  # the 2-fold check on train (docs/evaluation.md): F1 up in both folds from 0.6, precision -0.005
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
LISTED_CUE_REACH = 3
NOUN_LEADS = frozenset({"in", "of", "at", "for", "with", "from", "on"})  # prepositions: a noun follows, not a verb
STEM_SUFFIXES = ("ing", "ed", "es", "s", "d")
NOUN_LIKE_TAGS = ("NN", "JJ")  # scored only in the shape of a cue: right after the subject, before its object
REPORT_OPENERS = frozenset({"that", "to"})
OBJECT_WORDS = frozenset({"that", "to", "the", "a", "an", "his", "her", "their", "its"})


def learned_cue(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The subject (token range) of token `i` if it scores as a cue (`LEARNED_CUE`), else None."""
    weights = cue_weights()
    if not weights:
        return None
    subject = candidate_subject(tokens, i)
    if subject is None or cue_probability(weights, cue_features(tokens, i, subject)) < THRESHOLD:
        return None
    if any(SPEECH_VERBS.get(t.lower) for t in tokens[i + 1 : i + 1 + LISTED_CUE_REACH]):
        return None  # "Holm went on to say": the listed cue a few words on takes the report
    return subject


def candidate_subject(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The subject (token range) of token `i` if the model is to score it, else None: a verb-like word
    (`is_candidate`) with any subject `subject_of` accepts, or a word the POS lexicon files first as a noun or
    adjective ('Ruiz support that', 'The unions view it as') right after its subject and before an object that
    opens a report (`_opens_object`)."""
    verb_like = is_candidate(tokens, i)
    if not verb_like and not (_opens_object(tokens, i + 1) and _is_noun_like(tokens, i)):
        return None
    subject = subject_of(tokens, i, LEARNED_CUE)
    if subject is None or (not verb_like and subject[1] != i - 1):
        return None
    return subject


def _is_noun_like(tokens: list[Token], i: int) -> bool:
    return (_open_word_tag(tokens, i) or "").startswith(NOUN_LIKE_TAGS)


def is_candidate(tokens: list[Token], i: int) -> bool:
    """A lower-case word the POS lexicon does not know or knows first as a verb; not an auxiliary or adverb
    between a subject and its verb ('have', 'also'), not a noun after a determiner or preposition."""
    tag = _open_word_tag(tokens, i)
    return tag is not None and (tag == "" or tag.startswith("VB"))


def _open_word_tag(tokens: list[Token], i: int) -> str | None:
    """Token `i`'s POS lexicon tag ('' when unknown) if it is a lower-case word that no determiner or preposition
    opens ('the champions', 'in favour of') and no auxiliary, adverb or contraction ('have', 'also', 'didn't');
    None otherwise."""
    token = tokens[i]
    low = token.lower
    if not token.is_word or token.is_capitalised or low in SKIPPABLE or low in COPULAS or "'" in low or "\u2019" in low:
        return None
    if i > 0 and (tokens[i - 1].lower in DETERMINERS or tokens[i - 1].lower in NOUN_LEADS):
        return None
    return pattern_tags().get(low) or ""


def _opens_object(tokens: list[Token], k: int) -> bool:
    """Token `k` opens what a cue reports: 'that', 'to', a quotation or colon, a name."""
    if k >= len(tokens):
        return False
    token = tokens[k]
    return token.lower in REPORT_OPENERS or token.text in QUOTE_MARKS or token.text == ":" or token.is_capitalised


def cue_features(tokens: list[Token], i: int, subject: tuple[int, int]) -> list[str]:
    """The model's features for token `i` with the subject phrase `subject` (token range)."""
    low = tokens[i].lower
    kind, _ = classify(tokens, *subject)
    head = tokens[subject[1]]
    head_class = word_class(head)
    tag, after_tag = _tag(tokens, i), _tag(tokens, i + 1)
    after = [t.lower for t in tokens[i + 1 : i + 5]]
    obj = _object_shape(tokens, i + 1)
    return [
        "bias",
        "w=" + low,
        "stem=" + _stem(low),
        "suffix=" + low[-3:],
        "tag=" + tag,
        "tag+next=" + tag + "|" + after_tag,
        "next=" + _word(tokens, i + 1),
        "next2=" + _word(tokens, i + 2),
        "next3=" + _word(tokens, i + 3),
        "prev=" + _word(tokens, i - 1),
        "prev2=" + _word(tokens, i - 2),
        "prev_tag=" + _tag(tokens, i - 1),
        "next_tag=" + after_tag,
        "w+next=" + low + "|" + _word(tokens, i + 1),
        "kind=" + kind,
        "kind+tag=" + kind + "|" + tag,
        "stem+kind=" + _stem(low) + "|" + kind,
        "head_noun=" + str(SOURCE_NOUNS.get(head.lower)),
        "head_class=" + head_class,
        "head=" + (head.lower if head_class in ("noun", "pronoun") else head_class),
        "head_class+stem=" + head_class + "|" + _stem(low),
        "gap=" + str(min(i - subject[1], 4)),
        "subject_length=" + str(min(subject[1] - subject[0] + 1, 6)),
        "opens=" + str(subject[0] == 0),
        "that_follows=" + str("that" in after[:3]),
        "to_follows=" + str(after[:1] == ["to"]),
        "quote_follows=" + str(any(t.text in QUOTE_MARKS or t.text == ":" for t in tokens[i + 1 : i + 5])),
        "object=" + obj,
        "stem+object=" + _stem(low) + "|" + obj,
        "kind+object=" + kind + "|" + obj,
    ]


def _object_shape(tokens: list[Token], k: int) -> str:
    """What token `k`, the first after the cue, looks like: a quotation mark, a name, a word of `OBJECT_WORDS`,
    punctuation, or its POS tag's first two letters."""
    if k >= len(tokens):
        return "end"
    token = tokens[k]
    if token.text in QUOTE_MARKS:
        return "quote"
    if token.is_capitalised:
        return "name"
    if token.lower in OBJECT_WORDS:
        return token.lower
    return _tag(tokens, k)[:2] if token.is_word else "punct"


def cue_probability(weights: dict[str, float], features: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def cue_weights() -> dict[str, float]:
    """feature -> weight from the packaged model file; empty (no learned cues) if the file is missing."""
    try:
        text = resources.files("newsaudit.engine.lexicons").joinpath("learned_cues.tsv").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    weights: dict[str, float] = {}
    for line in text.splitlines():
        feature, _, weight = line.rpartition("\t")
        try:
            if feature and not line.startswith("#"):
                weights[feature] = float(weight)
        except ValueError:
            continue  # a damaged line costs its feature, not the audit
    return weights


def _word(tokens: list[Token], k: int) -> str:
    return tokens[k].lower if 0 <= k < len(tokens) else ("<start>" if k < 0 else "<end>")


def _tag(tokens: list[Token], k: int) -> str:
    if not 0 <= k < len(tokens):
        return "EDGE"
    token = tokens[k]
    if token.text in QUOTE_MARKS:
        return "QUOTE"
    if not token.is_word:
        return "PUNCT" + token.text[:1]
    tags = pattern_tags()
    return tags.get(token.lower) or tags.get(token.text) or "UNKNOWN"


def _stem(word: str) -> str:
    for suffix in STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
