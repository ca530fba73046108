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
from django.utils.translation import ngettext
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
            "pages_label": articles(r["pages"]),
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
            f"{articles(r['pages'])}, {round(100 * r['unsourced'] / r['pages'])}% with unsourced claims",
        )
        for r in rows[:TOP]
    ]


def top_sources(results: QuerySet[AuditResult]) -> list[Bar]:
    """Named people and organisations cited most often in the most recent SOURCE_SAMPLE audited articles."""
    counts: Counter[str] = Counter()
    people: list[set[str]] = []  # per article, the people it cites (merged across articles below)
    newest_first = (F("revision_id").desc(nulls_last=True), F("page_id").desc())  # pages without revisions last
    recent = results.order_by(*newest_first).values_list("report__sources", flat=True)[:SOURCE_SAMPLE]
    for sources in recent.iterator(chunk_size=1000):
        cited = [s for s in sources or [] if s.get("name")]
        counts.update({s["name"] for s in cited if s.get("kind") in ("organisation", "outlet", "document")})
        people.append({s["name"] for s in cited if s.get("kind") == "person"})
    counts.update(merge_people(people))
    top = counts.most_common(TOP)
    peak = top[0][1] if top else 1
    return [Bar(name, n, round(100 * n / peak), articles(n)) for name, n in top]


def person_key(name: str) -> tuple[str, str]:
    """(surname, 'first surname') of a person's name as cited, titles and roles dropped: 'Councillor Dara Venn' and
    'Transport chair Dara Venn' are ('venn', 'dara venn'); 'Venn' alone is ('venn', '')."""
    words = [w.strip(".,") for w in name.split() if w.strip(".,")]
    if not words:
        return "", ""
    surname = words[-1].lower()
    if len(words) >= 2 and words[-2][:1].isupper():
        return surname, f"{words[-2].lower()} {surname}"
    return surname, ""


def merge_people(per_article: list[set[str]]) -> Counter[str]:
    """Articles citing each person, one person however the articles title them: names with the same first name
    and surname merge, and a bare surname joins the one full name with that surname (if there is exactly one).
    Each person is shown by first name and surname ('Dara Venn')."""
    full_names: dict[str, set[str]] = {}  # surname -> 'first surname' keys
    forms: dict[str, Counter[str]] = {}
    for names in per_article:
        for name in names:
            surname, full = person_key(name)
            if full:
                full_names.setdefault(surname, set()).add(full)
                forms.setdefault(full, Counter())[name] += 1
    counts: Counter[str] = Counter()
    for names in per_article:
        keys = set()
        for name in names:
            surname, full = person_key(name)
            if not full and len(full_names.get(surname, ())) == 1:
                full = next(iter(full_names[surname]))
            keys.add(full or name)
        for key in keys:
            counts[_display(key, forms)] += 1
    return counts


def _display(key: str, forms: dict[str, Counter[str]]) -> str:
    if key not in forms:
        return key
    form = forms[key].most_common(1)[0][0]
    return " ".join(w.strip(".,") for w in form.split()[-2:])  # the name without its title: 'Dara Venn'


def _unsourced() -> Q:
    return Q(rules__contains=f" {UNSOURCED_RULE} ")
