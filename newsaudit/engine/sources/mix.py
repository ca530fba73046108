"""`source_mix`: the article's distinct sources with what the text says about each, and the tallies.

The JSON shape is a contract shared with the Wagtail side (docs/json-report.md, "source_mix").
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..attributions import Attribution, CaseEvidence, case_evidence, is_named, names_no_speaker
from .gender import NOT_STATED, stated_gender
from .merge import Entry, merge


def source_mix(text: str, attributions: list[Attribution]) -> dict[str, Any]:
    """Who the article quotes: one entry per source after merging, most attributions first. An entry whose name
    names no one who speaks (a place, a headline fragment: the summary's test) is left out; its attributions
    still count in the tallies. So is an entry found only doing something ('Ruiz backed the plan', a deed), not
    saying or thinking it: it is not quoted; its attributions count too."""
    evidence = case_evidence(text)
    merged = [entry for entry in merge(text, attributions) if not _no_speaker(entry, evidence)]
    # the finder's anonymous sources, and the ones placed with them ("a government": named nobody)
    anonymous = sum(len(e.mentions) for e in merged if e.kind == "anonymous")
    entries = [entry for entry in merged if any(m.attribution.speaks for m in entry.mentions)]
    order = {id(entry): k for k, entry in enumerate(entries)}
    entries.sort(key=lambda e: (-len(e.mentions), order[id(e)]))
    sources = [entry_dict(text, entry) for entry in entries]
    people = [s for s in sources if s["kind"] in ("person", "anonymous")]
    total = len(attributions)
    return {
        "sources": sources,
        "by_kind": dict(Counter(s["kind"] for s in sources)),
        "by_role": dict(Counter(s["role"] or NOT_STATED for s in people)),
        "by_gender": dict(Counter(s["gender"] for s in sources if s["kind"] == "person")),
        "attributions": total,
        "anonymous_attributions": anonymous,
        "anonymous_share": round(anonymous / total, 2) if total else 0.0,
        "first_source": _first_source(entries),
    }


def entry_dict(text: str, entry: Entry) -> dict[str, Any]:
    roles = [role for m in entry.mentions for role in m.described.roles]
    person = entry.kind == "person"
    tied = [g for m in entry.mentions for g in m.described.genders]
    # a pronoun counts only for a proper name: the finder also resolves "he" to descriptions ("the world")
    pronouns = [m.pronoun for m in entry.mentions if m.pronoun] if is_named(entry.name) else []
    return {
        "key": entry.key,
        "name": entry.name,
        "kind": entry.kind,
        "role": _most_common(roles) if entry.kind in ("person", "anonymous") else None,
        "affiliation": next((m.described.affiliation for m in entry.mentions if m.described.affiliation), None),
        "gender": stated_gender(tied, pronouns) if person else NOT_STATED,
        "quotes": sum(1 for m in entry.mentions if m.attribution.direct),
        "attributions": len(entry.mentions),
        "mentions": [
            {"start": a.source.start, "end": a.source.end, "text": text[a.source.start : a.source.end]}
            for a in (m.attribution for m in entry.mentions)
        ],
        "forms": list(dict.fromkeys(m.form for m in entry.mentions)),
    }


def _no_speaker(entry: Entry, evidence: CaseEvidence) -> bool:
    """A proper name that is a place or common words capitalised by a heading ('Oklahoma', 'Veto Power Impedes
    Peace Efforts'); descriptions ('the spokesman') and anonymous sources name nobody and stay."""
    return entry.kind != "anonymous" and is_named(entry.name) and names_no_speaker(entry.name, evidence)


def _most_common(values: list[str]) -> str | None:
    """The most frequent value; on a tie the one the text gives first."""
    if not values:
        return None
    counts = Counter(values)
    return max(dict.fromkeys(values), key=lambda v: counts[v])


def _first_source(entries: list[Entry]) -> str | None:
    firsts = [(m.attribution.source.start, entry.name) for entry in entries for m in entry.mentions[:1]]
    return min(firsts)[1] if firsts else None
