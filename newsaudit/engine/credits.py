"""Credit lines: who the copy comes from ("Reporting by", "(Reuters) -", "Source:", "based on open media from X").

A credit names outlets (matched even when glued to the previous word, as in "fromReuters") and is classed as
staff (our reporters), wire (an agency's copy, credited), derived (a rewrite "based on" someone else's reporting)
or unknown. A credit is linked when a link overlaps it or sits in the same block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from .document import Document
from .lexicons import load_lexicon
from .phrases import CaselessPattern, caseless_text

# A plain-text or Markdown credit links its original by writing the address out.
WRITTEN_URL = re.compile(r"\bhttps?://[^\s<>\"]{3,}")
STAFF_CREDIT = re.compile(
    r"(?:^|[\n(\[])\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|written|produced|research)\s+by\b"
    r"[^\n]{0,300}",
    re.I,
)
WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'\-]{1,40}\((?P<outlet>[A-Za-z][A-Za-z .&\-]{1,40})\)\s*[-\u2013\u2014]")
SOURCE_LABEL = re.compile(r"(?:^|\n)\s*(?:sources?|credit|via|courtesy(?: of)?)\s*:\s*[^\n]{1,300}", re.I)
DERIVED = re.compile(
    r"\b(?:based\s+on|adapted\s+from|drawn\s+from|compiled\s+from|sourced\s+from|taken\s+from|rewritten\s+from)"
    r"\s+(?:open\s+|public\s+|publicly\s+available\s+|other\s+|various\s+)?"
    r"(?:media|reports?|materials?|sources?|news(?:\s+reports?)?|publications?|coverage|wire\s+copy|agencies)"
    r"(?:\s*(?:from|by|of|in)\s*[^\n.]{0,120})?",
    re.I,
)
COPYRIGHT = re.compile(r"(?:\u00a9|\(c\)|copyright)\s*(?:\d{4}\s*)?[^\n]{1,120}", re.I)
AGENCIES_PHRASE = re.compile(r"\b(?:with|from)\s+(?:wire\s+services|news\s+agencies|agencies)\b", re.I)
# Each run on the lower-cased text where that finds the same (phrases.caseless_text), and the kind it credits.
_CREDIT_MARKERS = tuple(
    (CaselessPattern(pattern), kind)
    for pattern, kind in (
        (STAFF_CREDIT, "staff"),
        (SOURCE_LABEL, "unknown"),
        (DERIVED, "derived"),
        (COPYRIGHT, "unknown"),
        (AGENCIES_PHRASE, "wire"),
    )
)


@dataclass(slots=True)
class Credit:
    start: int
    end: int
    kind: str  # staff | wire | derived | unknown
    outlets: list[str] = field(default_factory=list)
    linked: bool = False


@lru_cache(maxsize=8)
def outlet_names(extra: tuple[str, ...] = ()) -> Mapping[str, str]:
    """Outlet name -> kind, with a config's extra wire services; built once per set of extras and shared, so
    read-only (the credit finder and NA504 ask for it for every document)."""
    names = {e.phrase: e.category for e in load_lexicon("outlets")}
    names.update({name.lower(): "wire" for name in extra})
    return MappingProxyType(names)


def _outlet_pattern(names: Mapping[str, str]) -> re.Pattern[str]:
    # No word boundary on the left: "fromReuters" still credits Reuters. Short all-caps names ("AP") must be
    # upper case and stand alone, or every "apple" would credit the Associated Press.
    long_names = sorted((n for n in names if len(n) > 3), key=len, reverse=True)
    short = sorted(n for n in names if len(n) <= 3)
    parts = [r"(?i:" + re.escape(n).replace(r"\ ", r"\s+") + r")(?![a-z])" for n in long_names]
    parts += [r"\b" + re.escape(n.upper()) + r"\b" for n in short]
    return re.compile("|".join(parts))


@lru_cache(maxsize=8)
def _outlet_lookup(extra: tuple[str, ...]) -> tuple[Mapping[str, str], re.Pattern[str]]:
    """The outlet names and their pattern for a config's extra wire services, built once, not per document."""
    names = outlet_names(extra)
    return names, _outlet_pattern(names)


def find_credits(document: Document, extra_outlets: tuple[str, ...] = ()) -> list[Credit]:
    names, outlet_re = _outlet_lookup(tuple(extra_outlets))
    credits: list[Credit] = []
    text = document.text
    caseless = caseless_text(text)
    for block in document.blocks:
        if block.kind == "headline":
            continue
        body = text[block.start : block.end]
        lowered = caseless[block.start : block.end] if caseless is not None else None
        spans: list[tuple[int, int, str]] = []
        for marker, kind in _CREDIT_MARKERS:
            pattern, searched = marker.on(body, lowered)
            for match in pattern.finditer(searched):
                start = match.start() + len(match.group()) - len(match.group().lstrip("\n([ \t"))
                spans.append((start, match.end(), kind))
        dateline = WIRE_DATELINE.match(body)
        if dateline and dateline.group("outlet").strip().lower() in names:
            spans.append((dateline.start("outlet") - 1, dateline.end("outlet") + 1, "wire"))
        for start, end, kind in _non_overlapping(spans):
            found = [m.group() for m in outlet_re.finditer(body, start, end)]
            outlets = list(dict.fromkeys(_canonical_outlet(n, names) for n in found))
            if kind in ("staff", "unknown") and any(names.get(o.lower()) == "wire" for o in outlets):
                kind = "wire"
            if kind == "unknown" and not outlets:
                continue
            linked = any(link.start < block.start + end and link.end > block.start + start for link in block.links)
            linked = linked or (kind == "derived" and (bool(block.links) or bool(WRITTEN_URL.search(body))))
            credits.append(Credit(block.start + start, block.start + end, kind, outlets, linked))
    return credits


def _canonical_outlet(found: str, names: dict[str, str]) -> str:
    collapsed = " ".join(found.split())
    low = collapsed.lower()
    return collapsed if collapsed[:1].isupper() or low not in names else collapsed.title()


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and span[0] < kept[-1][1]:
            if span[2] == "derived":  # "derived" says more than the label it sits inside
                kept[-1] = (kept[-1][0], max(kept[-1][1], span[1]), "derived")
            continue
        kept.append(span)
    return kept
