"""NA506-NA507: the audit's own bounds. An audit that did not cover the whole text says so, as a finding."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from .registry import Hit, rule

# Run by the pipeline after the other rules, even when the time budget stopped them.
BOUND_RULES = ("NA506", "NA507")


def _tail_span(ctx: Context) -> tuple[int, int]:
    """The last sentence audited: where the reader should look for the point the audit stopped."""
    sentences = list(ctx.document.blocks[-1].sentences) if ctx.document.blocks else []
    if sentences:
        return sentences[-1].start, sentences[-1].end
    return len(ctx.text), len(ctx.text)


@rule(
    code="NA506",
    name="audit-truncated",
    category="structure",
    severity="warning",
    summary="Says that the text is longer than `max_text_chars` (default 200,000 characters) and that only its "
    "first part was audited.",
    why="Bounding each audit keeps the panel, the save and the archive fast whatever is pasted into a page; "
    "findings beyond the bound are not shown, so the editor must know the audit is partial.",
    example="The pool will close in May. The council voted on Monday. Swimmers will use the school pool.",
    instead="The pool will close in May. Swimmers will use the school pool.",
    example_config={"max_text_chars": 60},
)
def audit_truncated(ctx: Context) -> Iterator[Hit]:
    if ctx.full_length > len(ctx.text):
        start, end = _tail_span(ctx)
        yield Hit(
            start,
            end,
            f"Only the first {len(ctx.text):,} of {ctx.full_length:,} characters were audited "
            f"(max_text_chars {ctx.config.max_text_chars:,}); the audit stops after this sentence.",
            "Split the text into several pages, or raise max_text_chars in the newsaudit settings.",
        )


@rule(
    code="NA507",
    name="audit-incomplete",
    category="structure",
    severity="warning",
    summary="Says that the audit stopped before every rule had run: it reached `time_budget_seconds` (default 20), "
    "or a newer check of the same editor replaced it. The report holds the findings found until then.",
    why="A bounded audit cannot stall a worker or the editor's panel, but a partial report must be marked as "
    "partial, or missing findings read as a clean bill of health.",
    example="The pool will close in May, the council said on Monday.",
    instead="The pool will close in May, the council said on Monday.",
    example_config={"time_budget_seconds": 0.000001},
)
def audit_incomplete(ctx: Context) -> Iterator[Hit]:
    if ctx.stopped:
        yield Hit(
            0,
            0,
            f"The audit is partial: {ctx.stopped}; rules that had not run yet are missing from this report.",
            "Check again; if it keeps happening, raise time_budget_seconds or split the page.",
            ctx.document.title or "(document)",
        )
