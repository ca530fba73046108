"""Reports > Sources: who the archive quotes, from the stored QuotedSource rows (one per source per article).

Named sources are grouped by their archive-wide key; anonymous sources are not listed but count in the anonymous
share. Shares by role class and stated gender count appearances (a source quoted in three articles counts three
times), as newsroom source audits do. Every figure covers only pages the user may edit.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Max, Min, Q, QuerySet, Sum
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page, get_page_models

from ..models import QuotedSource
from ..pages.page_types import audited_content_type_ids, is_audited
from ..pages.sources import GENDER_LABELS, ROLE_LABELS
from ..permissions import editable_pages
from .base import NewsauditReportView
from .trends import Bar, articles, month_column

MONTHS = 24
ANONYMOUS = Q(kind="anonymous")
NAMED = ~ANONYMOUS & ~Q(key="")  # the sources the report lists
KEY_CHUNK = 500  # keys per look-up, below every database's bound on query parameters
MAX_CHOICES = 2000


def skipped_content_type_ids() -> list[int]:
    models = [model for model in get_page_models() if not is_audited(model)]
    found = ContentType.objects.get_for_models(*models, for_concrete_models=False) if models else {}
    return [content_type.pk for content_type in found.values()]


def visible_sources(user: Any) -> QuerySet[QuotedSource]:
    """The rows of audited page types on pages the user may edit (the site report's rule)."""
    if user is None or not user.is_authenticated:
        return QuotedSource.objects.none()
    # Excluding the other types (rows are written for audited types only, this hides a type excluded later)
    # leaves each filter's own index to the planner.
    rows = QuotedSource.objects.exclude(content_type_id__in=skipped_content_type_ids())
    if user.is_active and user.is_superuser:
        return rows  # a superuser may edit every page: no sub-query over the whole page tree
    return rows.filter(page_id__in=editable_pages(user).values("pk"))


def distinct_values(rows: QuerySet, field: str, after: Any = None) -> list[Any]:
    """The distinct values of an indexed column, one index look-up each (a loose index scan): a DISTINCT over the
    whole table would read every row. At most MAX_CHOICES values."""
    values: list[Any] = []
    current = after
    while len(values) < MAX_CHOICES:
        found = rows.filter(**{f"{field}__gt": current}) if current is not None else rows
        current = found.aggregate(value=Min(field))["value"]
        if current is None:
            break
        values.append(current)
    return values


def _sections(request: Any) -> QuerySet[Page]:
    ids = distinct_values(visible_sources(getattr(request, "user", None)), "section_id")
    return Page.objects.filter(pk__in=ids).order_by("title")


def _page_types(request: Any) -> QuerySet[ContentType]:
    user = getattr(request, "user", None)
    if user is not None and user.is_active and user.is_superuser:
        return ContentType.objects.filter(pk__in=audited_content_type_ids()).order_by("model")
    ids = distinct_values(visible_sources(user), "content_type_id")
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class SourcesFilterSet(WagtailFilterSet):
    section = django_filters.ModelChoiceFilter(label=_("Section"), queryset=_sections)
    page_type = django_filters.ModelChoiceFilter(label=_("Page type"), field_name="content_type", queryset=_page_types)
    published = django_filters.DateFromToRangeFilter(label=_("Published"), widget=DateRangePickerWidget)
    audited = django_filters.DateFromToRangeFilter(label=_("Audited"), widget=DateRangePickerWidget)
    author = django_filters.ChoiceFilter(label=_("Author"), choices=[])

    class Meta:
        model = QuotedSource
        fields = ["section", "page_type", "published", "audited", "author"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        authors = distinct_values(visible_sources(user), "author", after="")
        self.filters["author"].extra["choices"] = [(a, a) for a in authors]


def grouped(rows: QuerySet[QuotedSource]) -> QuerySet:
    """One row per named source, in one pass over the covering index: articles, mentions, quotes and attributions
    summed over its articles, a stated role and gender if any article states one, and its newest row."""
    return (
        rows.filter(NAMED)
        .values("key")
        .annotate(
            articles=Count("id"),
            mentions=Sum("mentions"),
            quotes=Sum("quotes"),
            attributions=Sum("attributions"),
            newest=Max("id"),
            main_kind=Max("kind"),
            any_role=Max("role"),  # "" (not stated) sorts first
            any_gender=Min("gender"),  # "not stated" sorts last
        )
    )


def describe(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each entry's name and role class as its newest article states them (the role, else one another article
    states), its stated gender, and the link to its pages."""
    newest = [entry["newest"] for entry in entries]
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(newest), KEY_CHUNK):
        chunk = QuotedSource.objects.filter(pk__in=newest[start : start + KEY_CHUNK])
        found.update((pk, (name, role)) for pk, name, role in chunk.values_list("pk", "name", "role"))
    report_url = reverse("newsaudit_report")
    for entry in entries:
        name, role = found.get(entry["newest"], (entry["key"], ""))
        person = entry["main_kind"] == "person"
        entry["name"] = name
        entry["kind"] = entry["main_kind"]
        entry["role"] = role or entry["any_role"]
        entry["role_label"] = ROLE_LABELS.get(entry["role"], entry["role"])
        entry["gender"] = entry["any_gender"] if person else ""
        entry["gender_label"] = GENDER_LABELS.get(entry["gender"], entry["gender"]) if person else ""
        entry["pages_url"] = f"{report_url}?{urlencode({'source': entry['key']})}"
    return entries


def figures(rows: QuotedSource | QuerySet) -> dict[str, Any]:
    """The shares and the monthly trend, from one query grouped by month, kind, role, gender and lead row (an
    article lies in one month, so its figures add up across months), and the count of named sources. A month's bar
    counts the sources quoted that month, each once per article."""
    groups = (
        rows.values("month", "kind", "role", "gender", "lead")
        .annotate(n=Count("id"), attributed=Sum("attributions"))
        .order_by()
    )
    totals: Counter = Counter()
    months: dict[Any, Counter] = {}
    roles: Counter = Counter()
    genders: Counter = Counter()
    for group in groups:
        anonymous = group["kind"] == "anonymous"
        attributed = group["attributed"] or 0
        counts = {
            "articles": group["n"] if group["lead"] else 0,
            "appearances": 0 if anonymous else group["n"],
            "all_attributions": attributed,
            "anonymous": attributed if anonymous else 0,
        }
        totals.update(counts)
        months.setdefault(group["month"], Counter()).update(counts)
        if not anonymous:
            roles[group["role"]] += group["n"]
        if group["kind"] == "person":
            genders[group["gender"]] += group["n"]
    return {
        **{name: totals[name] for name in ("articles", "appearances", "all_attributions", "anonymous")},
        "sources": rows.filter(NAMED).values("key").distinct().count(),
        "anonymous_share": _percent(totals["anonymous"], totals["all_attributions"]),
        "roles": _bars(roles, ROLE_LABELS),
        "genders": _bars(genders, GENDER_LABELS),
        "months": _months(sorted((m, c) for m, c in months.items() if m is not None)[-MONTHS:]),
    }


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _bars(counts: dict[str, int], labels: dict[str, Any]) -> list[Bar]:
    total = sum(counts.values())
    ordered = [(key, counts.get(key, 0)) for key in labels if counts.get(key)]
    return [Bar(str(labels[key]), _percent(n, total), _percent(n, total), f"% ({n:,})") for key, n in ordered]


def _months(found: list[tuple[Any, Counter]]) -> list[dict[str, Any]]:
    peak = max((counts["appearances"] for _month, counts in found), default=0)
    return [_month(month, counts, peak) for month, counts in found]


def _month(month: Any, counts: Counter, peak: int) -> dict[str, Any]:
    anonymous = _percent(counts["anonymous"], counts["all_attributions"])
    details = _("%(n)s named sources quoted in %(articles)s, %(share)s%% anonymous attributions") % {
        "n": counts["appearances"],
        "articles": articles(counts["articles"]),
        "share": anonymous,
    }
    figures = {"month": month, "articles": counts["articles"], "sources": counts["appearances"]}
    return month_column(month, counts["appearances"], peak, anonymous, details, anonymous_share=anonymous, **figures)


class SourcesReportView(NewsauditReportView):
    page_title = _("Sources")
    header_icon = "user"
    template_name = "newsaudit/sources_report.html"
    results_template_name = "newsaudit/sources_report_results.html"
    model = QuotedSource
    filterset_class = SourcesFilterSet
    index_url_name = "newsaudit_sources"
    index_results_url_name = "newsaudit_sources_results"
    default_ordering = "-articles"
    export_name = "sources"
    list_export = ["name", "kind", "role", "gender", "articles", "mentions", "quotes", "attributions", "key"]
    export_headings = {
        "name": _("Source"),
        "kind": _("Kind"),
        "role": _("Role class"),
        "gender": _("Stated gender"),
        "articles": _("Articles"),
        "mentions": _("Mentions"),
        "quotes": _("Quotes"),
        "attributions": _("Attributions"),
        "key": _("Merge key"),
    }

    @cached_property
    def rows(self) -> QuerySet[QuotedSource]:
        """The filtered rows every figure on the page is computed from."""
        return self.filter_queryset(visible_sources(self.request.user))

    @cached_property
    def shares(self) -> dict[str, Any]:
        return figures(self.rows)

    def get_paginator(self, queryset: QuerySet, per_page: int, **kwargs: Any) -> Paginator:
        """The number of entries is the number of named sources, already counted with the shares."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = self.shares["sources"]  # a cached_property: set, the grouped query is not counted
        return paginator

    def get_queryset(self) -> QuerySet:
        return self.order_queryset(grouped(self.rows))

    def get_filtered_queryset(self) -> QuerySet:
        return self.get_queryset()  # filtered before grouping, in `rows`

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.order_by(self.ordering or self.default_ordering, "key")

    def paginate_queryset(self, queryset: QuerySet, page_size: int) -> tuple:
        paginator, page, object_list, paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = describe(list(object_list))
        return paginator, page, page.object_list, paginated

    def decorate_paginated_queryset(self, object_list: Any) -> list[dict[str, Any]]:
        return object_list if isinstance(object_list, list) else describe(list(object_list))

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["shares"] = self.shares
            context["months"] = self.shares["months"]
        return context

    @cached_property
    def columns(self) -> list[Column]:
        return [
            TitleColumn("name", label=_("Source"), accessor="name", get_url=lambda entry: entry["pages_url"]),
            Column("kind", label=_("Kind")),
            Column("role", label=_("Role class"), accessor="role_label"),
            Column("gender", label=_("Stated gender"), accessor="gender_label"),
            Column("articles", label=_("Articles"), sort_key="articles"),
            Column("mentions", label=_("Mentions"), sort_key="mentions"),
            Column("quotes", label=_("Quotes"), sort_key="quotes"),
        ]
