"""Audit a page or a stored revision and keep the result: the one place Django pages meet the engine."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, replace
from typing import Any

from django.db import transaction
from django.db.models import F
from wagtail.models import Page, Revision, Site

from .. import __version__
from ..engine import Config, Document, DocumentReport, audit, error_report
from ..engine.baseline import normalise
from ..engine.report import rescore
from ..models import AuditResult, Dismissal
from ..settings import config_for_site
from .extract import SKIPPED_KEY, page_document
from .page_types import is_audited
from .sources import BYLINE_KEY, rebuild_sources

log = logging.getLogger("newsaudit")
CONTEXT_CHARS = 160
OCCURRENCE_WINDOW = 20_000


def config_fingerprint(config: Config) -> str:
    data = asdict(config)
    return json.dumps(data, sort_keys=True, default=lambda v: sorted(v) if isinstance(v, frozenset) else str(v))


def content_hash(document: Document, config: Config) -> str:
    """Changes when the audited text, its block structure, its metadata or the effective config changes."""
    parts = [document.text, json.dumps(document.meta, sort_keys=True), config_fingerprint(config)]
    parts += [f"{b.kind}:{b.block_id}:{b.start}:{b.end}" for b in document.blocks]
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def site_for(page: Page) -> Site | None:
    try:
        return page.get_site()
    except Exception:  # an unsaved or orphaned page has no site; fall back to the base config
        return None


def report_dict(document: Document, report: DocumentReport) -> dict[str, Any]:
    """report.to_dict() plus, per finding, the surrounding sentence text the panel shows it in and where the span
    lies in its block, so the editor's text can be marked: `block_start`/`block_end` (offsets into the block's
    text) and `occurrence` (how many times the excerpt occurs in the block before the span)."""
    data = report.to_dict()
    skipped = document.meta.get(SKIPPED_KEY)
    if skipped:
        data[SKIPPED_KEY] = skipped.split("; ")
    if document.meta.get("byline"):
        data[BYLINE_KEY] = document.meta["byline"]  # for Reports > Sources' author filter
    spans = _block_spans(document)
    for finding in data["findings"]:
        finding["context"] = _sentence_context(document, finding["start"], finding["end"])
        span = spans.get(finding.get("block_id"))
        if span is not None and span[0] <= finding["start"] <= span[1]:
            finding |= _block_position(document.text, span[0], finding)
    return data


def _block_spans(document: Document) -> dict[str, tuple[int, int]]:
    """block_id -> (start, end) in the document text; a rich-text block read as several paragraphs spans them all."""
    spans: dict[str, tuple[int, int]] = {}
    for block in document.blocks:
        if block.block_id is None:
            continue
        start, _end = spans.get(block.block_id, (block.start, block.end))
        spans[block.block_id] = (start, block.end)
    return spans


def _block_position(text: str, block_start: int, finding: dict[str, Any]) -> dict[str, int]:
    needle = text[finding["start"] : finding["end"]]
    # Counted within a bounded window so a huge block with many findings stays linear; a repeat further back
    # than the window is rare enough that marking an earlier copy of the same words is acceptable.
    window_start = max(block_start, finding["start"] - OCCURRENCE_WINDOW)
    return {
        "block_start": finding["start"] - block_start,
        "block_end": finding["end"] - block_start,
        "occurrence": text.count(needle, window_start, finding["start"]) if needle else 0,
    }


def _sentence_context(document: Document, start: int, end: int) -> dict[str, str]:
    text = document.text
    sentence = document.sentence_at(start)
    if sentence is None:
        return {"before": "", "after": ""}
    before = text[sentence.start : start][-CONTEXT_CHARS:]
    after = text[end : sentence.end][:CONTEXT_CHARS] if end < sentence.end else ""
    return {"before": before, "after": after}


def audit_page(
    page: Page,
    config: Config | None = None,
    *,
    cancelled: Callable[[], bool] | None = None,
    time_budget: float | None = None,
    max_chars: int | None = None,
) -> tuple[Document | None, dict[str, Any]]:
    """Audit a page instance (saved, a revision's object, or an unsaved form instance). Never raises.

    `time_budget` (seconds) and `max_chars` tighten the config's `time_budget_seconds` and `max_text_chars` (the
    live check's bounds); `cancelled` stops the audit early."""
    doc_id = f"page:{page.pk or 'new'}"
    try:
        config = bounded_config(
            config if config is not None else config_for_site(site_for(page)), time_budget, max_chars
        )
        document = page_document(page, config.max_text_chars or None)
    except Exception as error:
        log.exception("newsaudit: could not read %s", doc_id)
        return None, error_report(doc_id, f"could not read the page: {type(error).__name__}: {error}").to_dict()
    report = audit(document, config, cancelled=cancelled)
    apply_dismissals(page.pk, report, config)
    return document, report_dict(document, report)


def bounded_config(config: Config, time_budget: float | None, max_chars: int | None) -> Config:
    """`config` with its time budget and text bound tightened (None or 0: keep the config's)."""
    return replace(
        config,
        time_budget_seconds=_tighter(config.time_budget_seconds, time_budget),
        max_text_chars=int(_tighter(config.max_text_chars, max_chars)),
    )


def _tighter(bound: float, override: float | None) -> float:
    """The smaller of two bounds, where 0 or None means no bound."""
    if not override:
        return bound
    return override if not bound or override < bound else bound


def record_revision(revision_id: int, *, force: bool = False) -> AuditResult | None:
    """Audit one page revision and store the result; skip when this revision's content was already audited."""
    revision = Revision.objects.filter(pk=revision_id).select_related("user").first()
    if revision is None:
        return None
    page_id = int(revision.object_id)
    existing = AuditResult.objects.filter(revision=revision).first()
    started = time.perf_counter()
    try:
        page = revision.as_object()
        if not is_audited(type(page)):
            return None
        config = config_for_site(site_for(page))
        document = page_document(page, config.max_text_chars or None)
        if not document.body_blocks() and existing is None:
            return None  # nothing to audit beyond a title (home and index pages)
        digest = content_hash(document, config)
        if not force and existing and existing.content_hash == digest and existing.engine_version == __version__:
            return existing
        report = audit(document, config)
        apply_dismissals(page_id, report, config)
        data = report_dict(document, report)
    except Exception as error:  # a broken revision must still leave a visible result, never an exception
        log.exception("newsaudit: audit of revision %s failed", revision_id)
        digest = ""
        data = error_report(f"page:{page_id}", f"{type(error).__name__}: {error}").to_dict()
    result = existing or AuditResult(page_id=page_id, revision=revision)
    result.apply_report(data)
    result.content_hash = digest
    result.engine_version = __version__
    result.user = revision.user
    result.duration_ms = int((time.perf_counter() - started) * 1000)
    return _store(result, page_id, revision)


def _store(result: AuditResult, page_id: int, revision: Revision) -> AuditResult:
    with transaction.atomic():
        live_revision_id = Page.objects.filter(pk=page_id).values_list("live_revision_id", flat=True).first()
        result.live = live_revision_id == revision.pk
        newer = AuditResult.objects.filter(page_id=page_id, revision_id__gt=revision.pk).exists()
        result.is_latest = not newer
        result.save()
        if result.is_latest:
            AuditResult.objects.filter(page_id=page_id, is_latest=True).exclude(pk=result.pk).update(is_latest=False)
            rebuild_sources([result])
    return result


def latest_result(page: Page) -> AuditResult | None:
    """The page's latest audit: of its newest audited revision, or of its row when it has no revision."""
    latest = AuditResult.objects.filter(page_id=page.pk, is_latest=True)
    return latest.order_by(F("revision_id").desc(nulls_last=True), "-pk").first()


def dismissals_in_force(page_id: int | None) -> dict[tuple[str, str], Dismissal]:
    """The page's dismissals in force, by (rule, normalised excerpt)."""
    if not page_id:
        return {}
    rows = Dismissal.objects.filter(page_id=page_id, undone_at__isnull=True).select_related("user")
    return {(d.rule, d.excerpt_key): d for d in rows.order_by("created")}


def apply_dismissals(page_id: int | None, report: DocumentReport, config: Config) -> None:
    """Mark the report's findings that an editor dismissed (panels/dismissals.py), then rescore without them."""
    dismissed = dismissals_in_force(page_id)
    if not dismissed or report.error:
        return
    marked = False
    for finding in report.findings:
        if (finding.rule, normalise(finding.excerpt)) in dismissed:
            finding.dismissed = marked = True
    if marked:
        rescore(report, config.warn_below, config.fail_below)
