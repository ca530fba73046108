"""Archive trends for the admin: findings per month and per section, most-cited sources, unsourced-claim share.

Every figure is computed in the database from each page's latest audit (the summary columns), except the
source counts, which read the `sources` list of the most recent reports (capped, so the page stays fast).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Substr, TruncMonth
from wagtail.models import Page

from .models import AuditResult
from .page_types import audited_content_type_ids
from .permissions import editable_pages

UNSOURCED_RULE = "NA205"
SOURCE_SAMPLE = 5000
MONTHS = 24
TOP = 12


@dataclass(slots=True)
class Bar:
    label: str
    value: float
    share: float  # 0-100, the bar's length relative to the largest value
    note: str = ""


def latest_results(user: Any) -> QuerySet[AuditResult]:
    return AuditResult.objects.latest_per_page().filter(
        page__in=editable_pages(user), page__content_type_id__in=audited_content_type_ids()
    )


def archive_trends(user: Any) -> dict[str, Any]:
    results = latest_results(user)
    totals = results.aggregate(
        pages=Count("pk"), findings=Sum("findings_count"), unsourced=Count("pk", filter=_unsourced())
    )
    pages = totals["pages"] or 0
    return {
        "pages": pages,
        "findings": totals["findings"] or 0,
        "unsourced_share": round(100 * (totals["unsourced"] or 0) / pages) if pages else 0,
        "months": per_month(results),
        "sections": per_section(results),
        "sources": top_sources(results),
        "unsourced_rule": UNSOURCED_RULE,
        "source_sample": SOURCE_SAMPLE,
    }


def per_month(results: QuerySet[AuditResult]) -> list[dict[str, Any]]:
    """The last MONTHS months by publication date: articles, findings per article, share with unsourced claims."""
    rows = list(
        results.exclude(page__first_published_at=None)
        .annotate(month=TruncMonth("page__first_published_at"))
        .values("month")
        .annotate(pages=Count("pk"), findings=Sum("findings_count"), unsourced=Count("pk", filter=_unsourced()))
        .order_by("-month")[:MONTHS]
    )[::-1]
    peak = max((r["findings"] / r["pages"] for r in rows), default=0) or 1
    return [
        {
            "label": f"{r['month']:%b %Y}",
            "short": f"{r['month']:%b}",
            "pages": r["pages"],
            "per_article": round(r["findings"] / r["pages"], 1),
            "height": round(100 * (r["findings"] / r["pages"]) / peak),
            "unsourced_share": round(100 * r["unsourced"] / r["pages"]),
        }
        for r in rows
    ]


def per_section(results: QuerySet[AuditResult]) -> list[Bar]:
    """Findings per article in each section (a page's section is its parent page)."""
    rows = list(
        results.filter(page__depth__gt=2)
        .annotate(parent=Substr("page__path", 1, (F("page__depth") - 1) * Page.steplen))
        .values("parent")
        .annotate(pages=Count("pk"), findings=Sum("findings_count"), unsourced=Count("pk", filter=_unsourced()))
    )
    titles = dict(Page.objects.filter(path__in=[r["parent"] for r in rows]).values_list("path", "title"))
    rows.sort(key=lambda r: -r["findings"] / r["pages"])
    peak = max((r["findings"] / r["pages"] for r in rows), default=0) or 1
    return [
        Bar(
            titles.get(r["parent"], "?"),
            round(r["findings"] / r["pages"], 1),
            round(100 * (r["findings"] / r["pages"]) / peak),
            f"{r['pages']:,} articles, {round(100 * r['unsourced'] / r['pages'])}% with unsourced claims",
        )
        for r in rows[:TOP]
    ]


def top_sources(results: QuerySet[AuditResult]) -> list[Bar]:
    """Named people and organisations cited most often in the most recent SOURCE_SAMPLE audited articles."""
    counts: Counter[str] = Counter()
    newest_first = (F("revision_id").desc(nulls_last=True), F("page_id").desc())  # pages without revisions last
    recent = results.order_by(*newest_first).values_list("report__sources", flat=True)[:SOURCE_SAMPLE]
    for sources in recent.iterator(chunk_size=1000):
        for source in sources or []:
            if source.get("kind") in ("person", "organisation", "outlet", "document") and source.get("name"):
                counts[source["name"]] += 1
    top = counts.most_common(TOP)
    peak = top[0][1] if top else 1
    return [Bar(name, n, round(100 * n / peak), f"{n:,} articles") for name, n in top]


def _unsourced() -> Q:
    return Q(rules__contains=f" {UNSOURCED_RULE} ")
