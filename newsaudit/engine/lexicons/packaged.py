"""Lexicons shipped inside a package we depend on, read from the installed files: never copied, never downloaded.

TextBlob ships the subjectivity lexicon of the pattern library (`textblob/en/en-sentiment.xml`, De Smedt and
Daelemans, PDDL): about 2,900 word senses, mostly adjectives, each with a polarity (-1 to 1) and a subjectivity
(0 to 1). It also ships pattern's part-of-speech lexicon (`textblob/en/en-lexicon.txt`, from Brill's tagger,
trained on the Brown corpus and the Penn Treebank): about 94,000 word forms, case kept, each with its most
frequent tag ("Keeps VBZ", "Talk NN", "Oklahoma NNP"). Both files are read without importing textblob (whose
import pulls in nltk), once per process, on first use.

pycountry ships the ISO 3166 names of countries and their subdivisions: the place names a source summary leaves
out ("Washington said" names no one an editor can call).
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


def pattern_lexicon_path(file: tuple[str, str] | None = None) -> Path | None:
    package, name = file or PATTERN_LEXICON
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
    """Word form as written -> its most frequent Penn Treebank tag; empty when the package is not installed."""
    path = pattern_lexicon_path(PATTERN_TAGS)
    if path is None:
        return {}
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith(";"):
                tags.setdefault(parts[0], parts[1])
    return tags


@cache
def place_names() -> frozenset[str]:
    """Lower-case names of countries (official, common and short forms) and of US states and territories;
    empty when pycountry is not installed. Only the US subdivisions: the world's 5,000 include 'Paul' and
    'Bolton', which are surnames far more often in the news."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    names: set[str] = set()
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(country, field, None)
            if value:
                names.add(value.lower())
    names.update(s.name.lower() for s in pycountry.subdivisions.get(country_code="US") or [])
    return frozenset(names)


def preload_name_lexicons() -> None:
    """Load what the source summary's name test reads, before worker processes fork (`newsaudit check --jobs`)."""
    pattern_tags()
    place_names()
