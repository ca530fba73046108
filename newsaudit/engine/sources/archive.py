"""Sources across documents: the per-article `source_mix` entries merged by their archive key (`newsaudit
sources`). Anonymous sources and unresolved descriptions never merge across documents. A bare surname that its own
article never tied to a full name ("Mr. Obama") joins the one person of that surname whom the whole input quotes
under the full name, unless their stated gender or role class disagree; with two such people ("Ana Ruiz", "Tomas
Ruiz") it stays with its article."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..report import DocumentReport
from .gender import NOT_STATED
from .names import parse_name
from .vocabulary import NAME_SUFFIXES


def merge_documents(reports: list[DocumentReport]) -> dict[str, Any]:
    """`{"sources": [...], "summary": {...}}`, the JSON of `newsaudit sources` (docs/json-report.md)."""
    groups: dict[str, dict[str, Any]] = {}
    attributions = anonymous = 0
    for report in reports:
        mix = report.source_mix
        if not mix:
            continue
        attributions += mix["attributions"]
        anonymous += mix["anonymous_attributions"]
        for k, source in enumerate(mix["sources"]):
            key = source["key"] or f"\0{report.qualified_id}\0{k}"
            _add(groups.setdefault(key, _group(source["key"])), report, source)
    _tie_bare_surnames(groups)
    sources = sorted((_entry(g) for g in groups.values()), key=lambda s: (-len(s["mentions"]), s["name"].lower()))
    people = [s for s in sources if s["kind"] in ("person", "anonymous")]
    return {
        "sources": sources,
        "summary": {
            "documents": len(reports),
            "errors": sum(1 for r in reports if r.status == "error"),
            "sources": len(sources),
            "attributions": attributions,
            "anonymous_attributions": anonymous,
            "anonymous_share": round(anonymous / attributions, 2) if attributions else 0.0,
            "by_kind": dict(Counter(s["kind"] for s in sources)),
            "by_role": dict(Counter(s["role"] or NOT_STATED for s in people)),
            "by_gender": dict(Counter(s["gender"] for s in sources if s["kind"] == "person")),
        },
    }


def _tie_bare_surnames(groups: dict[str, dict[str, Any]]) -> None:
    by_surname: dict[str, list[dict[str, Any]]] = {}
    for group in groups.values():
        if group["key"] and _kind(group) == "person" and group["named_in_full"]:
            by_surname.setdefault(_key_surname(group["key"]), []).append(group)
    for key in [k for k, g in groups.items() if not g["key"] and _kind(g) == "person"]:
        bare = groups[key]
        name = parse_name(max(bare["names"], key=bare["names"].get))
        if name is None or name.full:
            continue
        candidates = by_surname.get(name.surname, [])
        if len(candidates) == 1 and _agree(bare, candidates[0]):
            _absorb(candidates[0], groups.pop(key))


def _full(form: str) -> bool:
    name = parse_name(form) if isinstance(form, str) else None
    return name is not None and name.full


def _kind(group: dict[str, Any]) -> str:
    return group["kinds"].most_common(1)[0][0]


def _key_surname(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words[-1]


def _agree(bare: dict[str, Any], full: dict[str, Any]) -> bool:
    """No stated gender or role class of one contradicts the other's."""
    genders = (bare["genders"] | full["genders"]) - {NOT_STATED}
    roles_agree = not bare["roles"] or not full["roles"] or bool(set(bare["roles"]) & set(full["roles"]))
    return len(genders) <= 1 and roles_agree


def _absorb(into: dict[str, Any], group: dict[str, Any]) -> None:
    for field in ("names", "kinds", "roles", "affiliations"):
        into[field].update(group[field])
    into["genders"] |= group["genders"]
    into["documents"] |= group["documents"]
    into["quotes"] += group["quotes"]
    into["named_in_full"] = into["named_in_full"] or group["named_in_full"]
    into["mentions"] += group["mentions"]


def _group(key: str) -> dict[str, Any]:
    return {
        "key": key,
        "names": Counter(),
        "kinds": Counter(),
        "roles": Counter(),
        "genders": set(),
        "affiliations": Counter(),
        "mentions": [],
        "documents": set(),
        "quotes": 0,
        "named_in_full": False,  # quoted under the full name somewhere, not only tied to one by its article
    }


def _add(group: dict[str, Any], report: DocumentReport, source: dict[str, Any]) -> None:
    group["names"][source["name"]] += len(source["mentions"])
    group["kinds"][source["kind"]] += 1
    if source["role"]:
        group["roles"][source["role"]] += 1
    if source["affiliation"]:
        group["affiliations"][source["affiliation"]] += 1
    group["genders"].add(source["gender"])
    group["documents"].add(report.qualified_id)
    group["quotes"] += source["quotes"]
    if not group["named_in_full"]:
        group["named_in_full"] = any(_full(form) for form in source.get("forms") or [])
    group["mentions"] += [
        {"file": report.file or "", "document": report.id, "start": m["start"], "end": m["end"], "text": m["text"]}
        for m in source["mentions"]
    ]


def _entry(group: dict[str, Any]) -> dict[str, Any]:
    stated = group["genders"] - {NOT_STATED}
    names = group["names"]
    return {
        "key": group["key"],
        # the fullest form among the most used ones: "Sanae Ruiz" over "Ruiz"
        "name": max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n))),
        "kind": group["kinds"].most_common(1)[0][0],
        "role": group["roles"].most_common(1)[0][0] if group["roles"] else None,
        "affiliation": group["affiliations"].most_common(1)[0][0] if group["affiliations"] else None,
        "gender": next(iter(stated)) if len(stated) == 1 else NOT_STATED,
        "mentions": group["mentions"],
        "documents": len(group["documents"]),
        "quotes": group["quotes"],
    }


def sources_table(merged: dict[str, Any], limit: int = 0) -> str:
    """The text output of `newsaudit sources`: one row per source, most mentioned first, then the shares."""
    rows = merged["sources"][:limit] if limit else merged["sources"]
    lines = [f"{'mentions':>8} {'docs':>5} {'quotes':>6}  {'kind':<12} {'role':<12} {'gender':<10} name"]
    for s in rows:
        name = " ".join((s["name"] + (f" ({s['affiliation']})" if s["affiliation"] else "")).split())
        lines.append(
            f"{len(s['mentions']):>8} {s['documents']:>5} {s['quotes']:>6}  {s['kind']:<12} "
            f"{s['role'] or '-':<12} {s['gender']:<10} {name}"
        )
    summary = merged["summary"]
    lines += [
        "",
        f"{summary['sources']} sources in {summary['documents']} documents; {summary['attributions']} attributions, "
        f"{summary['anonymous_attributions']} anonymous ({summary['anonymous_share']:.0%})",
        "by kind: " + _shares(summary["by_kind"]),
        "by role (people): " + _shares(summary["by_role"]),
        "by stated gender (named people): " + _shares(summary["by_gender"]),
    ]
    return "\n".join(lines) + "\n"


def _shares(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    if not total:
        return "-"
    return ", ".join(f"{k} {v} ({v / total:.0%})" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
