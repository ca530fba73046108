"""Write one chunk's results in one transaction: bulk inserts, bulk updates, and each page's "latest" flag.

Results are keyed by revision (AuditResult.revision is unique), or for a page without a revision by the page
(one `from_page_row` audit per page, a unique constraint), so a chunk that is written twice (a rerun after a
crash, two workers racing) updates rows instead of adding duplicates; a chunk interrupted before its commit leaves
nothing behind and is simply audited again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import __version__
from ..engine.kinds import CATEGORIES, SCORED_CATEGORIES
from ..models import AuditResult
from ..pages.sources import rebuild_sources
from .planning import SUMMARY_FIELDS, ChunkPlan
from .selection import PageRow
from .worker import WorkResult

UPDATE_FIELDS = [
    "report",
    "status",
    "error",
    "score_overall",
    *(f"score_{category}" for category in SCORED_CATEGORIES),
    "findings_count",
    "error_count",
    "warning_count",
    *(f"{category}_count" for category in CATEGORIES),
    "rules",
    "word_count",
    "content_hash",
    "source_hash",
    "engine_version",
    "from_page_row",
    "live",
    "is_latest",
    "duration_ms",
    "updated",
]


@dataclass(slots=True)
class Outcome:
    """One page's result for the summary and the output file."""

    row: PageRow
    audited: bool  # False: unchanged since the stored audit
    summary: dict[str, Any]
    report: dict[str, Any] | None


def store_chunk(plan: ChunkPlan, results: list[WorkResult]) -> list[Outcome]:
    rows = {row.key: row for row in plan.rows}
    fresh: list[AuditResult] = []
    hash_only: list[AuditResult] = []
    outcomes = [Outcome(row, False, plan.stored[row.key].summary, _report(plan, row)) for row in plan.unchanged]
    for result in results:
        row, stored = rows[result.key], plan.stored.get(result.key)
        if result.empty:
            continue
        if result.report is None and stored is not None:
            hash_only.append(AuditResult(pk=stored.pk, source_hash=plan.source_hashes[row.key]))
            outcomes.append(Outcome(row, False, stored.summary, _report(plan, row)))
            continue
        audit = _result(plan, row, result, stored.pk if stored else None)
        fresh.append(audit)
        outcomes.append(Outcome(row, True, {name: getattr(audit, name) for name in SUMMARY_FIELDS}, audit.report))
    try:
        _write(fresh, hash_only)
    except IntegrityError:  # an audit-on-save stored the same revision meanwhile: write row by row
        _write_one_by_one(fresh, hash_only)
    return outcomes


def _report(plan: ChunkPlan, row: PageRow) -> dict[str, Any] | None:
    stored = plan.stored.get(row.key)
    return stored.report if stored else None


def _result(plan: ChunkPlan, row: PageRow, result: WorkResult, pk: int | None) -> AuditResult:
    audit = AuditResult(pk=pk, page_id=row.id, revision_id=row.revision_id, from_page_row=row.from_page_row)
    audit.apply_report(result.report or {})
    audit.content_hash = result.digest
    audit.source_hash = plan.source_hashes[row.key] if result.digest else ""
    audit.engine_version = __version__
    audit.live = _is_live(row)
    audit.is_latest = _is_latest(plan, row)
    audit.duration_ms = result.duration_ms
    audit.updated = timezone.now()
    return audit


def _is_live(row: PageRow) -> bool:
    """A revision is live when it is the page's live revision; a page row is what visitors see when it is live."""
    return row.live if row.from_page_row else row.live_revision_id == row.revision_id


def _is_latest(plan: ChunkPlan, row: PageRow) -> bool:
    """The newest audited revision is the latest audit; a page row only while the page has no latest revision."""
    if row.from_page_row:
        return row.latest_revision_id is None
    return row.revision_id >= plan.newest.get(row.id, 0)


def _write(fresh: list[AuditResult], hash_only: list[AuditResult]) -> None:
    with transaction.atomic():
        AuditResult.objects.bulk_create([a for a in fresh if a.pk is None])
        AuditResult.objects.bulk_update([a for a in fresh if a.pk is not None], UPDATE_FIELDS)
        AuditResult.objects.bulk_update(hash_only, ["source_hash"])
        _demote_older(fresh)


def _write_one_by_one(fresh: list[AuditResult], hash_only: list[AuditResult]) -> None:
    with transaction.atomic():
        for audit in fresh:
            values = {name: getattr(audit, name) for name in UPDATE_FIELDS}
            if audit.from_page_row:
                lookup = {"page_id": audit.page_id, "from_page_row": True}
            else:
                lookup = {"page_id": audit.page_id, "revision_id": audit.revision_id}
            audit.pk = AuditResult.objects.update_or_create(**lookup, defaults=values)[0].pk
        AuditResult.objects.bulk_update(hash_only, ["source_hash"])
        _demote_older(fresh)


def _demote_older(fresh: list[AuditResult]) -> None:
    """Each page keeps one latest audit: the ones just written as latest demote the page's others."""
    latest = [a for a in fresh if a.is_latest]
    if latest:
        AuditResult.objects.filter(page_id__in=[a.page_id for a in latest], is_latest=True).exclude(
            pk__in=[a.pk for a in latest]
        ).update(is_latest=False)
        rebuild_sources(latest)
