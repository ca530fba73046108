"""The pipeline: Document -> Context (quotes, attributions, credits) -> rules -> DocumentReport."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from .attributions import case_evidence, names_someone, summarise_sources
from .config import DEFAULT, Config
from .context import Context
from .document import Document, truncated
from .readers.errors import DocumentError
from .report import (
    AttributionRecord,
    CreditRecord,
    DocumentReport,
    Finding,
    SourceRecord,
    TextSpan,
    category_scores,
    excerpt,
    status_for,
)
from .rules import Rule, registry
from .rules.limits import BOUND_RULES
from .sources import source_mix

log = logging.getLogger("newsaudit")


StopCheck = Callable[[], bool]
STOPPED_BUDGET = "it reached its time budget"
STOPPED_CANCELLED = "a newer check replaced it"


def audit(document: Document, config: Config = DEFAULT, *, cancelled: StopCheck | None = None) -> DocumentReport:
    """Run every enabled rule on one document. Never raises: a failure becomes a report with status "error".

    Bounded: only the first `config.max_text_chars` characters are audited, and the rules stop once
    `config.time_budget_seconds` have passed or `cancelled()` returns true; either is reported (NA506, NA507)."""
    try:
        return _audit(document, config, cancelled)
    except Exception as error:  # an engine bug must not stop a batch or an editor's save
        log.exception("newsaudit: audit of %s failed", document.id)
        return error_report(document.id, f"internal error: {type(error).__name__}: {error}", document.title)


def error_report(doc_id: str, message: str, title: str = "") -> DocumentReport:
    return DocumentReport(doc_id, title=title, status="error", error=message)


def audit_item(item: Document | DocumentError, config: Config = DEFAULT) -> DocumentReport:
    if isinstance(item, DocumentError):
        return error_report(item.id, item.message, item.title)
    return audit(item, config)


def _audit(document: Document, config: Config, cancelled: StopCheck | None) -> DocumentReport:
    started = time.monotonic()
    full_length = len(document.text)
    if config.max_text_chars:
        document = truncated(document, config.max_text_chars)
    deadline = started + config.time_budget_seconds if config.time_budget_seconds else None
    stop = _stop_check(deadline, cancelled)
    stopped = stop()  # spent already (reading a huge page, say): skip the analyses, report only the bounds
    ctx = Context(document, config, full_length=full_length, stopped=stopped, analyse=not stopped)
    findings = _run_rules(ctx, stop)
    figures = ctx.readability
    scores = category_scores(
        findings, int(figures["sentences"]), float(figures["flesch_reading_ease"]) if figures["words"] else None
    )
    text = document.text
    sources = summarise_sources(document, ctx.attributions)
    return DocumentReport(
        id=document.id,
        title=document.title,
        status=status_for(findings, scores, config.warn_below, config.fail_below),
        scores=scores,
        readability=figures,
        credits=[CreditRecord(text[c.start : c.end], c.outlets, c.kind, c.linked, c.start, c.end) for c in ctx.credits],
        sources=[SourceRecord(s.name, s.kind, s.mentions) for s in sources],
        source_summary=source_summary(ctx, sources),
        source_mix=_source_mix(document, ctx),
        attributions=[
            AttributionRecord(
                TextSpan.of(text, a.source.start, a.source.end),
                TextSpan.of(text, a.cue.start, a.cue.end),
                TextSpan.of(text, a.content.start, a.content.end) if a.content else None,
                a.direct,
                a.anonymous,
                a.name,
            )
            for a in ctx.attributions
        ],
        findings=findings,
        partial=_partial(ctx),
    )


def _source_mix(document: Document, ctx: Context) -> dict | None:
    """Who is quoted; a failure here is logged and leaves the mix out rather than failing the whole audit."""
    try:
        return source_mix(document.text, ctx.attributions)
    except Exception:
        log.exception("newsaudit: source mix of %s failed", document.id)
        return None


def _stop_check(deadline: float | None, cancelled: StopCheck | None) -> Callable[[], str]:
    """A function the rule loop calls between rules: why to stop now, or ""."""

    def reason() -> str:
        if deadline is not None and time.monotonic() > deadline:
            return STOPPED_BUDGET
        if cancelled is not None and cancelled():
            return STOPPED_CANCELLED
        return ""

    return reason


def _partial(ctx: Context) -> dict | None:
    if not ctx.stopped and ctx.full_length <= len(ctx.text):
        return None
    return {"audited_chars": len(ctx.text), "total_chars": ctx.full_length, "stopped": ctx.stopped or None}


def source_summary(ctx: Context, sources: list) -> dict:
    """Who the story rests on: distinct named sources, the anonymous share, single sourcing, outlets credited."""
    evidence = case_evidence(ctx.text)
    named = sorted(
        {s.name for s in sources if s.kind != "anonymous" and names_someone(s.name, evidence)}, key=str.lower
    )
    anonymous = sum(1 for a in ctx.attributions if a.anonymous)
    total = len(ctx.attributions)
    outlets = {outlet for credit in ctx.credits for outlet in credit.outlets}
    outlets.update(s.name for s in sources if s.kind == "outlet")
    return {
        "named_sources": len(named),
        "names": named,
        "attributions": total,
        "anonymous_attributions": anonymous,
        "anonymous_share": round(anonymous / total, 2) if total else 0.0,
        "single_source": len(named) == 1,
        "outlets_credited": sorted(outlets, key=str.lower),
        "credit_linked": any(c.linked for c in ctx.credits) if ctx.credits else None,
    }


def _run_rules(ctx: Context, stop: Callable[[], str]) -> list[Finding]:
    rules = [r for r in registry.all() if ctx.config.enabled(r.code, r.category)]
    findings: list[Finding] = []
    for rule in rules:
        if rule.code in BOUND_RULES:
            continue
        ctx.stopped = ctx.stopped or stop()
        if ctx.stopped:
            break
        findings.extend(_findings(ctx, rule))
    for rule in rules:
        if rule.code in BOUND_RULES:
            findings.extend(_findings(ctx, rule))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def _findings(ctx: Context, rule: Rule) -> list[Finding]:
    config = ctx.config
    document = ctx.document
    findings: list[Finding] = []
    severity = config.severity.get(rule.code, rule.severity)
    for hit in rule.check(ctx):
        block = document.block_at(hit.start) if hit.excerpt is None else None
        suppressed = bool(block and (rule.code in block.suppressed or "all" in block.suppressed))
        findings.append(
            Finding(
                rule=rule.code,
                name=rule.name,
                category=rule.category,
                severity=severity,
                message=hit.message,
                hint=hit.hint,
                start=hit.start,
                end=hit.end,
                excerpt=hit.excerpt if hit.excerpt is not None else excerpt(document.text, hit.start, hit.end),
                block_id=block.block_id if block else None,
                suppressed=suppressed,
                scope=rule.scope,
            )
        )
    return findings
