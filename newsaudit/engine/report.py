"""Finding, DocumentReport, Report: the audit's result, and its JSON form (the contract in docs/json-report.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from .kinds import SCORED_CATEGORIES, STATUSES, Status
from .severity import Severity

EXCERPT_MAX = 300
SEVERITY_WEIGHT = {Severity.INFO: 1.0, Severity.WARNING: 4.0, Severity.ERROR: 10.0}


@dataclass(slots=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    hint: str
    start: int
    end: int
    excerpt: str
    block_id: str | None = None
    suppressed: bool = False
    baselined: bool = False  # matched a finding of the --baseline report: known, not new
    scope: str = "span"  # "article": about the whole article, not the span it points at
    dismissed: bool = False  # an editor dismissed it for this page (Wagtail side): shown apart, not counted

    @property
    def counts(self) -> bool:
        """Does this finding count toward scores, status and exit code? Suppressed, baselined and dismissed ones do not."""
        return not (self.suppressed or self.baselined or self.dismissed)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "hint": self.hint,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
        }
        if self.block_id is not None:
            data["block_id"] = self.block_id
        if self.suppressed:
            data["suppressed"] = True
        if self.baselined:
            data["baselined"] = True
        if self.scope != "span":
            data["scope"] = self.scope
        if self.dismissed:
            data["dismissed"] = True
        return data


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A span of the document's plain text with the text it covers."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> TextSpan:
        return cls(text[start:end], start, end)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(str(data.get("text", "")), int(data.get("start", 0)), int(data.get("end", 0)))

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class CreditRecord:
    """A credit line: 'Additional reporting by Reuters' (outlets, staff | wire | derived | unknown, linked or not)."""

    text: str
    outlets: list[str]
    kind: str
    linked: bool
    start: int
    end: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CreditRecord:
        return cls(
            str(data.get("text", "")),
            list(data.get("outlets") or []),
            str(data.get("kind", "unknown")),
            bool(data.get("linked")),
            int(data.get("start", 0)),
            int(data.get("end", 0)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "outlets": self.outlets,
            "kind": self.kind,
            "linked": self.linked,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A distinct source of the story and how often it is cited."""

    name: str
    kind: str  # person | organisation | outlet | document | anonymous
    mentions: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceRecord:
        return cls(str(data.get("name", "")), str(data.get("kind", "")), int(data.get("mentions", 0)))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "mentions": self.mentions}


@dataclass(frozen=True, slots=True)
class AttributionRecord:
    """Who said what: the source, the cue and the content spans; `speaker` is the named source it resolves to."""

    source: TextSpan
    cue: TextSpan
    content: TextSpan | None
    direct: bool
    anonymous: bool
    speaker: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AttributionRecord:
        content = data.get("content")
        return cls(
            TextSpan.from_dict(data.get("source") or {}),
            TextSpan.from_dict(data.get("cue") or {}),
            TextSpan.from_dict(content) if content else None,
            bool(data.get("direct")),
            bool(data.get("anonymous")),
            str(data.get("speaker", "")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict() if self.content else None,
            "direct": self.direct,
            "anonymous": self.anonymous,
            "speaker": self.speaker,
        }


@dataclass(slots=True)
class DocumentReport:
    id: str
    title: str = ""
    status: str = "pass"
    scores: dict[str, int] = field(default_factory=dict)
    readability: dict[str, float | int] = field(default_factory=dict)
    credits: list[CreditRecord] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    attributions: list[AttributionRecord] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    source_summary: dict[str, Any] | None = None
    source_mix: dict[str, Any] | None = None  # who is quoted, merged and described (engine/sources, issue #16)
    file: str | None = None  # the file the document was read from (set by the CLI; None for Wagtail pages)
    # Set when the audit did not cover everything: {"audited_chars", "total_chars", "stopped": reason or None}.
    partial: dict[str, Any] | None = None

    @property
    def qualified_id(self) -> str:
        """The id, prefixed with the file it came from when the id alone does not name that file: `pages.json#page:4`
        (two exports may hold the same page id; `story.html` and `feed.jsonl:3` already name their file)."""
        if not self.file or self.id.startswith(self.file):
            return self.id
        return f"{self.file}#{self.id}"

    @property
    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.counts]

    def worst_severity(self) -> Severity | None:
        return max((f.severity for f in self.active_findings), default=None)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id}
        if self.file is not None:
            data["file"] = self.file
        data |= {
            "title": self.title,
            "status": self.status,
            "scores": self.scores,
            "readability": self.readability,
            "credits": [c.to_dict() for c in self.credits],
            "sources": [s.to_dict() for s in self.sources],
            "attributions": [a.to_dict() for a in self.attributions],
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.source_summary is not None:
            data["source_summary"] = self.source_summary
        if self.source_mix is not None:
            data["source_mix"] = self.source_mix
        if self.error is not None:
            data["error"] = self.error
        if self.partial is not None:
            data["partial"] = self.partial
        return data


@dataclass(slots=True)
class Report:
    documents: list[DocumentReport] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return summary_of([document.status for document in self.documents])

    def to_dict(self) -> dict[str, Any]:
        return {"tool": TOOL, "documents": [d.to_dict() for d in self.documents], "summary": self.summary()}


TOOL = {"name": "newsaudit", "version": __version__}


def summary_of(statuses: list[str]) -> dict[str, int]:
    """The report's summary: how many documents, and how many of each status."""
    counts = {"documents": len(statuses), **dict.fromkeys(STATUSES, 0)}
    for status in statuses:
        counts[status] += 1
    return counts


def excerpt(text: str, start: int, end: int) -> str:
    piece = text[start:end]
    if len(piece) > EXCERPT_MAX:
        piece = piece[: EXCERPT_MAX - 1] + "\u2026"
    return piece


def category_scores(findings: list[Finding], sentences: int, reading_ease: float | None) -> dict[str, int]:
    """0-100 per category: 100 minus a penalty that grows with weighted findings per sentence, saturating."""
    scale = 3.0 + sentences / 6.0  # a long story can carry a few more findings for the same score
    penalties = dict.fromkeys(SCORED_CATEGORIES, 0.0)
    for finding in findings:
        if finding.category in penalties and finding.counts:
            penalties[finding.category] += SEVERITY_WEIGHT[finding.severity]
    scores = {c: round(100 * math.exp(-p / scale)) for c, p in penalties.items()}
    if reading_ease is not None and sentences:
        ease_score = max(0.0, min(100.0, reading_ease + 30))  # Flesch 70+ (plain English) scores 100
        scores["readability"] = round(min(scores["readability"], (scores["readability"] + ease_score) / 2))
    scores["overall"] = round(sum(scores[c] for c in SCORED_CATEGORIES) / len(SCORED_CATEGORIES))
    return scores


def rescore(report: DocumentReport, warn_below: int, fail_below: int) -> None:
    """Recompute a report's scores and status after some findings stopped counting (dismissed by an editor)."""
    figures = report.readability
    ease = float(figures["flesch_reading_ease"]) if figures.get("words") else None
    report.scores = category_scores(report.findings, int(figures.get("sentences", 0)), ease)
    report.status = status_for(report.findings, report.scores, warn_below, fail_below)


def status_for(findings: list[Finding], scores: dict[str, int], warn_below: int, fail_below: int) -> str:
    """Fail on an error-level finding or an overall score below `fail_below`; warn on a warning-level finding or
    any category score below `warn_below`; pass otherwise. The lowest category, not the average, decides the warning,
    so a page whose loaded-language score is 35 does not pass on the strength of its other categories."""
    worst = max((f.severity for f in findings if f.counts), default=None)
    lowest = min((scores[c] for c in SCORED_CATEGORIES if c in scores), default=100)
    if worst == Severity.ERROR or scores.get("overall", 100) < fail_below:
        return Status.FAIL.value
    if worst == Severity.WARNING or lowest < warn_below:
        return Status.WARN.value
    return Status.PASS.value
