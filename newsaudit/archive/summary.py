"""Running totals of an archive audit and the summary printed at its end."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType

from ..engine import Severity
from ..engine.kinds import STATUSES
from ..engine.output import document_fails
from .store import Outcome

MAX_LISTED_FAILURES = 20


@dataclass(slots=True)
class ArchiveSummary:
    fail_on: Severity | None = None
    pages: int = 0
    audited: int = 0
    unchanged: int = 0
    no_revision: int = 0  # pages without a revision, audited (or found unchanged) from their database row
    empty: int = 0
    vanished: int = 0
    failing: int = 0
    statuses: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0
    interrupted: bool = False
    terminated: bool = False  # by SIGTERM rather than Ctrl-C
    failures: list[dict[str, Any]] = field(default_factory=list)  # pages whose audit is an error, named

    def add(self, outcome: Outcome) -> None:
        summary = outcome.summary
        self.pages += 1
        self.audited += outcome.audited
        self.unchanged += not outcome.audited
        self.statuses[summary["status"]] += 1
        self.rules.update((summary["rules"] or "").split())
        if summary["status"] == "error":
            self.failures.append(_failure(outcome))
        if self.fail_on is not None and document_fails(summary["status"], _worst(summary), self.fail_on):
            self.failing += 1

    def finish(self) -> None:
        self.seconds = time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract's summary block (documents and statuses), plus the archive's own counts."""
        return {
            "documents": self.pages,
            **{status: self.statuses.get(status, 0) for status in STATUSES},
            "audited": self.audited,
            "unchanged": self.unchanged,
            "no_revision": self.no_revision,
            "seconds": round(self.seconds, 2),
            "errors": self.failures,
        }

    @property
    def _verb(self) -> str:
        if self.terminated:
            return "stopped by SIGTERM after"
        return "interrupted after" if self.interrupted else "audited"

    def render(self, top: int = 5) -> str:
        statuses = ", ".join(f"{s} {self.statuses.get(s, 0):,}" for s in STATUSES)
        rules = ", ".join(f"{code} {n:,}" for code, n in self.rules.most_common(top)) or "none"
        lines = [
            f"{self._verb} {self.pages:,} pages in {self.seconds:.1f} s "
            f"({self.rate:,.0f} pages/s): {self.audited:,} audited, {self.unchanged:,} unchanged",
            f"statuses: {statuses}",
            f"top rules (pages): {rules}",
        ]
        if self.no_revision:
            lines.append(f"without a revision, audited from the page as stored: {self.no_revision:,} pages")
        if self.empty or self.vanished:
            lines.append(f"not audited: {self.empty:,} without body text, {self.vanished:,} deleted during the run")
        for failure in self.failures[:MAX_LISTED_FAILURES]:
            lines.append(
                f"error: page {failure['page_id']} {failure['title']!r} ({failure['type']}): {failure['error']}"
            )
        if len(self.failures) > MAX_LISTED_FAILURES:
            lines.append(f"... and {len(self.failures) - MAX_LISTED_FAILURES:,} more errors (all in --output)")
        if self.fail_on is not None:
            lines.append(f"failing --fail-on {self.fail_on.label}: {self.failing:,} pages")
        if self.interrupted:
            lines.append("every finished chunk is saved; run the same command again to audit the rest")
        return "\n".join(lines)


def _failure(outcome: Outcome) -> dict[str, Any]:
    """The page, its type and the error, for the summary and `--output`."""
    model = ContentType.objects.get_for_id(outcome.row.content_type_id).model_class()
    page_type = f"{model._meta.app_label}.{model.__name__}" if model else str(outcome.row.content_type_id)
    error = outcome.summary.get("error") or (outcome.report or {}).get("error") or "unknown error"
    return {"page_id": outcome.row.id, "title": outcome.row.title, "type": page_type, "error": str(error)[:500]}


def _worst(summary: dict[str, Any]) -> Severity | None:
    if summary["error_count"]:
        return Severity.ERROR
    if summary["warning_count"]:
        return Severity.WARNING
    return Severity.INFO if summary["findings_count"] else None
