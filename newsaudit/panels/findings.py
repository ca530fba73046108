"""What the editor's panel leads with: a verdict, one traffic light per category, and the findings grouped into
Problems (errors and warnings), Improvements (info), Whole article and Good (checks that found nothing).

The status rule, in one sentence (docs/wagtail.md): a category is red with an error-level finding, amber with a
warning-level finding or a score below `warn_below`, green otherwise; the article's status is its worst light
(red: fail, amber: needs work, green: pass), and it also fails when its overall score is below `fail_below`.
The engine's `status_for` decides the same way.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..engine.config import Config
from ..engine.rules import registry
from ..engine.rules.limits import BOUND_RULES
from ..models import CATEGORIES

CATEGORY_LABELS = {
    "attribution": _("Attribution"),
    "sourcing": _("Sourcing"),
    "readability": _("Readability"),
    "bias": _("Loaded language"),
    "structure": _("Structure"),
}
STATUS_LABELS = {"pass": _("Pass"), "warn": _("Needs work"), "fail": _("Fail"), "error": _("Error")}
LIGHT_FOR_STATUS = {"pass": "green", "warn": "amber", "fail": "red", "error": "red"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
PROBLEM_SEVERITIES = ("error", "warning")
EXCERPT_CHARS = 90
CONTEXT_CHARS = 70
ELLIPSIS = "\u2026"


def rule_label(name: str) -> str:
    """'passive-voice' -> 'Passive voice': the rule's name as the panel, report and exports print it."""
    return name.replace("-", " ").capitalize()


def cut_end(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:") + ELLIPSIS


def cut_start(text: str, limit: int) -> str:
    """The last `limit` characters at most, starting at a word boundary, with a leading ellipsis when cut."""
    if len(text) <= limit:
        return text
    tail = text[-limit:]
    space = tail.find(" ")
    if 0 <= space < limit // 2:
        tail = tail[space + 1 :]
    return ELLIPSIS + tail


def lights(report: dict[str, Any], findings: list[dict[str, Any]], config: Config) -> list[dict[str, Any]]:
    """One traffic light per category: red with an error, amber with a warning or a score below warn_below."""
    scores = report.get("scores") or {}
    worst: dict[str, int] = {}
    counts: dict[str, int] = defaultdict(int)
    for finding in findings:
        category = finding.get("category")
        counts[category] += 1
        rank = SEVERITY_ORDER.get(finding.get("severity"), 3)
        worst[category] = min(worst.get(category, 3), rank)
    result = []
    for category in CATEGORIES:
        score = scores.get(category)
        light = "green"
        if worst.get(category, 3) == 0:
            light = "red"
        elif worst.get(category, 3) == 1 or (score is not None and score < config.warn_below):
            light = "amber"
        result.append(
            {
                "category": category,
                "label": CATEGORY_LABELS[category],
                "score": score,
                "light": light,
                "count": counts[category],
            }
        )
    return result


def verdict(status: str | None, problems: int, improvements: int) -> str:
    """The panel's first line, after the status badge: what to do next."""
    if status == "error":
        return str(_("The audit could not run."))
    if problems:
        return ngettext("%(n)d problem to fix.", "%(n)d problems to fix.", problems) % {"n": problems}
    if improvements:
        return ngettext(
            "Nothing to fix; %(n)d possible improvement.", "Nothing to fix; %(n)d possible improvements.", improvements
        ) % {"n": improvements}
    return str(_("Nothing to fix."))


def finding_groups(findings: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Problems, improvements and whole-article findings, each a list of rows (repeats of a rule folded)."""
    buckets: dict[str, list[dict[str, Any]]] = {"problems": [], "improvements": [], "article": []}
    for finding in findings:
        if finding.get("scope") == "article":
            buckets["article"].append(finding)
        elif finding.get("severity") in PROBLEM_SEVERITIES:
            buckets["problems"].append(finding)
        else:
            buckets["improvements"].append(finding)
    return {name: _rows(items) for name, items in buckets.items()}


def passed_checks(findings: list[dict[str, Any]], config: Config) -> list[dict[str, str]]:
    """The enabled rules that found nothing, one line each (not the notes that an audit was cut short)."""
    flagged = {f.get("rule") for f in findings}
    return [
        {"rule": r.code, "label": rule_label(r.name), "category": r.category, "summary": r.summary}
        for r in registry.all()
        if r.code not in flagged and r.code not in BOUND_RULES and config.enabled(r.code, r.category)
    ]


def _rows(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings of one rule with the same fix fold into one row; rows by severity, then by first position."""
    folded: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for finding in sorted(findings, key=lambda f: f.get("start", 0)):
        folded.setdefault((finding.get("rule", ""), finding.get("hint", "")), []).append(finding)
    rows = [_row(items) for items in folded.values()]
    rows.sort(key=lambda row: (SEVERITY_ORDER.get(row["severity"], 3), row["spots"][0]["start"]))
    return rows


def _row(items: list[dict[str, Any]]) -> dict[str, Any]:
    first = items[0]
    rule = registry.get(first.get("rule", ""))
    label = rule_label(first.get("name", "")) if first.get("name") else first.get("rule", "")
    count = len(items)
    return {
        "rule": first.get("rule", ""),
        "label": label,
        "category": first.get("category", ""),
        "category_label": CATEGORY_LABELS.get(first.get("category", ""), ""),
        "severity": first.get("severity", "info"),
        "message": first.get("message", "") if count == 1 else _folded_message(label, count),
        "hint": first.get("hint", ""),
        "why": rule.why if rule else "",
        "count": count,
        "whole": first.get("scope") == "article",  # about the whole text: no place in it to mark or list
        "spots": [_spot(f) for f in items],
    }


def _folded_message(label: str, count: int) -> str:
    return ngettext("%(label)s: %(n)d sentence", "%(label)s: %(n)d sentences", count) % {"label": label, "n": count}


def _spot(finding: dict[str, Any]) -> dict[str, Any]:
    """One flagged span: its excerpt cut for display, the text around it, and where to find it in the editor."""
    context = finding.get("context") or {}
    return {
        "start": finding.get("start", 0),
        "message": finding.get("message", ""),
        "excerpt": finding.get("excerpt", ""),
        "shown": cut_end(finding.get("excerpt", ""), EXCERPT_CHARS),
        "before": cut_start(context.get("before", ""), CONTEXT_CHARS),
        "after": cut_end(context.get("after", ""), CONTEXT_CHARS),
        "block_id": finding.get("block_id") or "",
        "occurrence": finding.get("occurrence", 0),
    }


def top_problems(report: dict[str, Any], limit: int = 3) -> list[dict[str, Any]]:
    """The rules a page most needs fixing for: counted findings by rule, most serious first, then most frequent."""
    by_rule: dict[str, dict[str, Any]] = {}
    for finding in report.get("findings") or []:
        if finding.get("suppressed") or finding.get("dismissed"):
            continue
        row = by_rule.setdefault(
            finding.get("rule", ""),
            {"rule": finding.get("rule", ""), "label": rule_label(finding.get("name", "")), "count": 0},
        )
        row["count"] += 1
        rank = SEVERITY_ORDER.get(finding.get("severity"), 3)
        row["rank"] = min(row.get("rank", 3), rank)
    rows = sorted(by_rule.values(), key=lambda r: (r["rank"], -r["count"], r["rule"]))[:limit]
    for row in rows:
        row["severity"] = (
            next(s for s, rank in SEVERITY_ORDER.items() if rank == row["rank"]) if row["rank"] < 3 else ""
        )
    return rows


def top_problems_text(report: dict[str, Any], limit: int = 3) -> str:
    """'Weasel attribution ×3; Loaded language ×2' (the report's column and its exports)."""
    return "; ".join(f"{r['label']} \u00d7{r['count']}" for r in top_problems(report, limit))
