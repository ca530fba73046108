"""NA107 one-sided-sources: every quoted source in a contested story comes from the same side.

A source's side is what the text itself says about them, next to their name in the sentence that quotes them:
a party ("Ana Ruiz, a Republican", "Labour MP Tom Hale", "(D-Ore.)"), or an organisation ("a spokesperson for
Harbour Energy", "Priya Nair of the Transport Union"); an organisation quoted as itself is its own side. The rule
fires only when there are at least two distinct named sources, every one of them has a known side, the sides
are all the same, and the story has a dispute in it (opponents, critics, a vote, a lawsuit...). It is info,
never an error: a story may have good reasons, and the editor decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..attributions import Attribution, is_named
from ..context import Context
from ..phrases import CaselessPattern
from . import examples
from .registry import Hit, rule

MIN_SOURCES = 2
_PARTY_NAMES = (
    ("Republican", r"Republicans?|GOP"),
    ("Democratic", r"Democrats?|Democratic(?!\s+Republic)"),
    ("Labour", r"Labour"),
    ("Conservative", r"Conservatives?|Tory|Tories"),
    ("Liberal Democrat", r"Liberal Democrats?|Lib Dems?"),
    ("SNP", r"SNP|Scottish National Party"),
    ("Green", r"Green Party|Greens"),
    ("Reform UK", r"Reform UK"),
)
PARTY = re.compile("|".join(f"(?P<p{i}>\\b(?:{body})\\b)" for i, (_, body) in enumerate(_PARTY_NAMES)))
# Right after the name: ", a Labour councillor", " (R-Texas)", ", a Republican from Ohio", " of the Labour party".
_PARTY_AFTER = re.compile(
    r"^,?\s*(?:\(([RD])(?:[-\u2013][A-Z][\w. ]{0,12})?\)|(?:(?:a|an|the|of|from|for)\s+){0,2}(?:[a-z][\w\-]*\s+){0,2}(?=[A-Z]))"
)
# Right before the name: "Labour MP ", "Tory co-chairman ", "Republican Sen. ".
_PARTY_BEFORE = re.compile(r"(?:" + PARTY.pattern + r")\s+(?:[a-z][\w\-]*\s+|[A-Z][a-z]{1,4}\.\s+){0,3}$")
# Right after the name, an organisation: " of the Transport Union", ", a spokesperson for Harbour Energy".
_ORG_AFTER = re.compile(
    r"^,?\s*(?:(?:a|an|the)\s+)?(?:[a-z][\w\-]*\s+){0,3}?(?:of|for|at|from)\s+(?:the\s+)?"
    r"([A-Z][\w&'\-]*(?:\s+(?:of|and|for|&)\s+[A-Z][\w&'\-]*|\s+[A-Z][\w&'\-]*){0,4})"
)
_NAME_OF_ORG = re.compile(r"^[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3},?\s+(?:of|for|at|from)\s+(?:the\s+)?([A-Z].*)$")
_TITLES = frozenset("mr mrs ms miss dr prof lord lady sir dame sen rep gov president minister".split())
CONTEST = re.compile(
    r"\b(?:oppos\w*|opponents?|critics?|criticis\w*|criticiz\w*|dispute[sd]?|disputing|row|controvers\w*|reject\w*|"
    r"den(?:y|ied|ies)|accus\w*|protest\w*|against|clash\w*|debate[sd]?|vote[sd]?|voting|bill|lawsuit|sued|"
    r"appeal\w*|strike|election|campaign\w*|objections?|object(?:ed|s)|backlash|condemn\w*|challeng\w*)\b",
    re.I,
)
_CONTEST = CaselessPattern(CONTEST)


def _party(text: str) -> str | None:
    found = PARTY.search(text)
    if not found:
        return None
    return next(_PARTY_NAMES[int(k[1:])][0] for k, v in found.groupdict().items() if v)


def _side(ctx: Context, item: Attribution) -> str | None:
    """The side the text gives this source, from its own name or the words right next to it; None if unknown."""
    text = ctx.text
    name = item.name
    inner = _NAME_OF_ORG.match(name)
    if inner:
        return _party(inner.group(1)) or _normal(inner.group(1))  # "Priya Nair of the Transport Union"
    party = _party(name)  # "Labour election chief Alan Milburn", "the Tories"
    if party:
        return party
    if item.kind == "organisation":
        return _normal(name)
    if item.kind != "person":
        return None
    span = text[item.source.start : item.source.end]
    at = span.find(name) if name else -1
    name_start = item.source.start + max(at, 0)
    name_end = name_start + len(name) if at >= 0 else item.source.end
    limit = item.sentence.end
    if item.content and item.content.start >= name_end:
        limit = min(limit, item.content.start)
    after = text[name_end : min(limit, name_end + 80)]
    before = text[max(item.sentence.start, name_start - 40) : name_start]
    if item.content and item.content.end <= name_start:
        before = text[max(item.content.end, name_start - 40) : name_start]
    marker = _PARTY_AFTER.match(after)
    if marker and marker.group(1):
        return "Republican" if marker.group(1) == "R" else "Democratic"
    if marker:
        party = _party(after[marker.end() : marker.end() + 30].split(",")[0])
        if party and PARTY.match(after, marker.end()):
            return party
    if _PARTY_BEFORE.search(before):
        return _party(_PARTY_BEFORE.search(before).group(0))
    org = _ORG_AFTER.match(after)
    if org:
        return _party(org.group(1)) or _normal(org.group(1))
    return None


def _person_key(name: str) -> str:
    words = [w.strip(".,").lower() for w in name.split() if w[:1].isupper()]
    words = [w for w in words if w not in _TITLES]
    return words[-1] if words else name.lower()


def _normal(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    return " ".join(name.split()).rstrip(".,'\u2019s").lower()


@rule(
    code="NA107",
    name="one-sided-sources",
    scope="article",
    category="attribution",
    severity="info",
    summary="Flags a contested story whose quoted sources all come from one side: the same party or organisation, "
    "as described in the text.",
    why="When every voice in a dispute belongs to one camp, readers hear one side of it. Balance is not false "
    "equivalence, but the other side's answer, or its refusal to give one, belongs in the story.",
    example=examples.ONE_SIDE,
    instead=examples.BOTH_SIDES,
)
def one_sided_sources(ctx: Context) -> Iterator[Hit]:
    pattern, subject = _CONTEST.on(ctx.text, ctx.caseless_text)
    if not pattern.search(subject):
        return
    sides: dict[str, set[str | None]] = {}  # source -> the sides its mentions give it
    first: dict[str, Attribution] = {}
    for item in ctx.attributions:
        if item.anonymous or not item.name or item.kind not in ("person", "organisation") or not is_named(item.name):
            continue
        key = _person_key(item.name) if item.kind == "person" else item.name.lower()
        sides.setdefault(key, set()).add(_side(ctx, item))
        first.setdefault(key, item)
    if len(sides) < MIN_SOURCES:
        return
    resolved = {key: found - {None} for key, found in sides.items()}
    if any(len(found) != 1 for found in resolved.values()):
        return  # a source with no side, or with two
    known = set().union(*resolved.values())
    if len(known) != 1:
        return
    (side,) = known
    names = [first[k].name for k in sides]
    anchor = first[next(iter(sides))]
    shown = ", ".join(names[:4]) + (" and others" if len(names) > 4 else "")
    yield Hit(
        anchor.source.start,
        anchor.source.end,
        f"One-sided sources: {'both' if len(names) == 2 else f'all {len(names)}'} quoted sources ({shown}) are "
        f"from the same side: {_display(side)}.",
        "Seek a response from the other side of the dispute, and say if it was asked and declined to comment.",
    )


def _display(side: str) -> str:
    return side if side[:1].isupper() else side.title()
