"""Archive trends for the admin: findings per month and per section, most-cited sources, unsourced-claim share.

Every figure is computed in the database from each page's latest audit: the summary columns, and for the sources
the QuotedSource rows stored with it (see pages/sources.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Max, Q, QuerySet, Sum
from django.db.models.functions import Substr, TruncMonth
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from ..models import AuditResult, QuotedSource
from ..pages.page_types import audited_content_type_ids
from ..permissions import editable_pages

UNSOURCED_RULE = "NA205"
MONTHS = 24
TOP = 12


@dataclass(slots=True)
class Bar:
    label: str
    value: float
    share: float  # 0-100, the bar's length relative to the largest value
    note: str = ""


def month_column(month: Any, value: float, peak: float, share: int, details: str, /, **figures: Any) -> dict[str, Any]:
    """One month of a chart by month (templates/newsaudit/month_columns.html): `value` above a column as high as
    `value` is against the `peak` month's, `share` (a percentage) below it, the month and `details` on hover;
    `figures` ride along for the exports."""
    label = f"{month:%b %Y}"
    return {
        "label": label,
        "short": f"{month:%b}",
        "value": value,
        "height": round(100 * value / peak) if peak else 0,
        "share": share,
        "title": f"{label}: {details}",
        **figures,
    }


def latest_results(user: Any) -> QuerySet[AuditResult]:
    return AuditResult.objects.latest_per_page().filter(
        page__in=editable_pages(user), page__content_type_id__in=audited_content_type_ids()
    )


def articles(n: int) -> str:
    """'1 article', '2,345 articles'."""
    return ngettext("%(n)s article", "%(n)s articles", n) % {"n": f"{n:,}"}


def archive_trends(user: Any, results: QuerySet[AuditResult] | None = None) -> dict[str, Any]:
    """The trends of the pages the user may edit, or of `results` (the report's filters applied to them)."""
    results = latest_results(user) if results is None else results
    totals = results.aggregate(
        pages=Count("pk"), findings=Sum("findings_count"), unsourced=Count("pk", filter=_unsourced())
    )
    pages = totals["pages"] or 0
    return {
        "pages": pages,
        "pages_label": articles(pages),
        "findings": totals["findings"] or 0,
        "unsourced_share": round(100 * (totals["unsourced"] or 0) / pages) if pages else 0,
        "months": per_month(results),
        "sections": per_section(results),
        "sources": top_sources(results),
        "unsourced_rule": UNSOURCED_RULE,
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
    peak = max((_per_article(r) for r in rows), default=0)
    return [_month(r, peak) for r in rows]


def _per_article(row: dict[str, Any]) -> float:
    return round(row["findings"] / row["pages"], 1)


def _month(row: dict[str, Any], peak: float) -> dict[str, Any]:
    pages, per_article = row["pages"], _per_article(row)
    unsourced = round(100 * row["unsourced"] / pages)
    details = _("%(articles)s, %(n)s findings per article, %(share)s%% with unsourced claims") % {
        "articles": articles(pages),
        "n": per_article,
        "share": unsourced,
    }
    figures = {"pages": pages, "per_article": per_article, "unsourced_share": unsourced}
    return month_column(row["month"], per_article, peak, unsourced, details, **figures)


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
            f"{articles(r['pages'])}, {round(100 * r['unsourced'] / r['pages'])}% with unsourced claims",
        )
        for r in rows[:TOP]
    ]


def top_sources(results: QuerySet[AuditResult]) -> list[Bar]:
    """Named sources quoted in the most articles, from the stored rows (merged across articles by their key), each
    under the name its newest article uses (as in Reports > Sources)."""
    top = list(
        QuotedSource.objects.filter(audit__in=results.values("pk"))
        .exclude(kind="anonymous")
        .exclude(key="")
        .values("key")
        .annotate(n=Count("pk"), newest=Max("pk"))
        .order_by("-n", "key")[:TOP]
    )
    names = dict(QuotedSource.objects.filter(pk__in=[row["newest"] for row in top]).values_list("pk", "name"))
    peak = top[0]["n"] if top else 1
    return [Bar(names.get(r["newest"], r["key"]), r["n"], round(100 * r["n"] / peak), articles(r["n"])) for r in top]


def _unsourced() -> Q:
    return Q(rules__contains=f" {UNSOURCED_RULE} ")
