"""Lexicons shipped inside a package we depend on, read from the installed files: never copied, never downloaded.

TextBlob ships the part-of-speech lexicon of Brill's tagger (`textblob/en/en-lexicon.txt`: a word and its most
frequent tag a line) and the subjectivity lexicon of the pattern library (`textblob/en/en-sentiment.xml`, De Smedt and
Daelemans, PDDL): about 2,900 word senses, mostly adjectives, each with a polarity (-1 to 1) and a subjectivity
(0 to 1). The file is read without importing textblob (whose import pulls in nltk), once per process.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

PATTERN_LEXICON = ("textblob", "en/en-sentiment.xml")
PATTERN_TAGS = ("textblob", "en/en-lexicon.txt")


@dataclass(frozen=True, slots=True)
class Sentiment:
    """A word's scores over all its senses: the mean polarity, and the subjectivity of its least subjective sense
    (a word with one factual sense, 'cold' weather, is not reliably an opinion)."""

    polarity: float
    min_subjectivity: float


def pattern_lexicon_path(resource: tuple[str, str] | None = None) -> Path | None:
    package, name = resource or PATTERN_LEXICON
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / name
    return path if path.is_file() else None


@cache
def pattern_sentiment() -> dict[str, Sentiment]:
    """Lower-case word -> Sentiment; empty when the package is not installed (the rules that use it go quiet)."""
    path = pattern_lexicon_path()
    if path is None:
        return {}
    senses: dict[str, list[tuple[float, float]]] = {}
    for element in etree.parse(str(path)).getroot().iter("word"):
        form = (element.get("form") or "").strip().lower()
        try:
            scores = (float(element.get("polarity", "")), float(element.get("subjectivity", "")))
        except ValueError:
            continue
        if form:
            senses.setdefault(form, []).append(scores)
    return {
        word: Sentiment(sum(p for p, _ in scores) / len(scores), min(s for _, s in scores))
        for word, scores in senses.items()
    }


@cache
def pattern_tags() -> dict[str, str]:
    """Lower-case word -> its most frequent Penn Treebank tag, from the part-of-speech lexicon TextBlob ships
    (`textblob/en/en-lexicon.txt`, Brill's tagger lexicon: one "word TAG" a line); empty when not installed."""
    path = pattern_lexicon_path(PATTERN_TAGS)
    if path is None:
        return {}
    tags: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, tag = line.partition(" ")
        if tag and not line.startswith(";;;"):
            tags.setdefault(word.lower(), tag.strip())
    return tags
