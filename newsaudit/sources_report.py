"""Reports > Sources: who the archive quotes, from the stored QuotedSource rows (one per source per article).

Named sources are grouped by their archive-wide key; anonymous sources are not listed but count in the anonymous
share. Shares by role class and stated gender count appearances (a source quoted in three articles counts three
times), as newsroom source audits do. Every figure covers only pages the user may edit.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any
from urllib.parse import urlencode

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from .engine.output.cells import safe_cell
from .models import NOT_STATED, QuotedSource
from .page_types import audited_content_type_ids
from .permissions import editable_pages
from .trends import Bar

MONTHS = 24
ANONYMOUS = Q(kind="anonymous")
NAMED = ~ANONYMOUS & ~Q(key="")  # the sources the report lists
ROLE_LABELS = {
    "official": _("Official or elected"),
    "spokesperson": _("Spokesperson"),
    "expert": _("Expert or academic"),
    "business": _("Business"),
    "citizen": _("Citizen or witness"),
    "campaigner": _("Campaigner"),
    "": _("Not stated"),
}
GENDER_LABELS = {"female": _("Female"), "male": _("Male"), NOT_STATED: _("Not stated")}
KEY_CHUNK = 500  # keys per look-up, below every database's bound on query parameters


def visible_sources(user: Any) -> QuerySet[QuotedSource]:
    """The rows of audited page types on pages the user may edit (the site report's rule)."""
    if user is None or not user.is_authenticated:
        return QuotedSource.objects.none()
    rows = QuotedSource.objects.filter(content_type_id__in=audited_content_type_ids())
    if user.is_active and user.is_superuser:
        return rows  # a superuser may edit every page: no sub-query over the whole page tree
    return rows.filter(page_id__in=editable_pages(user).values("pk"))


def _sections(request: Any) -> QuerySet[Page]:
    ids = visible_sources(getattr(request, "user", None)).values_list("section_id", flat=True).distinct()
    return Page.objects.filter(pk__in=[i for i in ids if i is not None]).order_by("title")


def _page_types(request: Any) -> QuerySet[ContentType]:
    ids = visible_sources(getattr(request, "user", None)).values_list("content_type_id", flat=True).distinct()
    return ContentType.objects.filter(pk__in=list(ids)).order_by("model")


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
        authors = visible_sources(user).exclude(author="").values_list("author", flat=True).distinct()
        self.filters["author"].extra["choices"] = [(a, a) for a in sorted(authors)]


def grouped(rows: QuerySet[QuotedSource]) -> QuerySet:
    """One row per named source: articles, mentions, quotes and attributions, summed over its articles."""
    return (
        rows.filter(NAMED)
        .values("key")
        .annotate(
            display=Max("name"),
            articles=Count("id"),
            mentions=Sum("mentions"),
            quotes=Sum("quotes"),
            attributions=Sum("attributions"),
        )
    )


def describe(rows: QuotedSource | QuerySet, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each entry's most used name, its kind, role class and stated gender, and the link to its pages."""
    keys = [entry["key"] for entry in entries]
    seen: dict[str, dict[str, Counter]] = {}
    for start in range(0, len(keys), KEY_CHUNK):
        found = rows.filter(key__in=keys[start : start + KEY_CHUNK]).values("key", "name", "kind", "role", "gender")
        for item in found.annotate(n=Count("id")).order_by():
            counts = seen.setdefault(item["key"], {f: Counter() for f in ("name", "kind", "role", "gender")})
            for field in counts:
                counts[field][item[field]] += item["n"]
    report_url = reverse("newsaudit_report")
    for entry in entries:
        counts = seen.get(entry["key"]) or {f: Counter() for f in ("name", "kind", "role", "gender")}
        entry["name"] = _most_common(counts["name"], entry.get("display") or entry["key"])
        entry["kind"] = _most_common(counts["kind"], "")
        entry["role"] = _most_common(counts["role"] - Counter({"": 10**12}), "")
        entry["role_label"] = ROLE_LABELS.get(entry["role"], entry["role"])
        gender = _most_common(counts["gender"] - Counter({NOT_STATED: 10**12}), NOT_STATED)
        entry["gender"] = gender if entry["kind"] == "person" else ""
        entry["gender_label"] = GENDER_LABELS.get(gender, gender) if entry["kind"] == "person" else ""
        entry["pages_url"] = f"{report_url}?{urlencode({'source': entry['key']})}"
    return entries


def _most_common(counts: Counter, default: str) -> str:
    positive = +counts
    return positive.most_common(1)[0][0] if positive else default


def shares(rows: QuerySet[QuotedSource]) -> dict[str, Any]:
    """Totals, the anonymous share of attributions, and appearances by role class and stated gender (one query)."""
    people = ~ANONYMOUS & Q(kind="person")
    totals = rows.aggregate(
        articles=Count("page", distinct=True),
        sources=Count("key", distinct=True, filter=NAMED),
        appearances=Count("id", filter=~ANONYMOUS),
        all_attributions=Sum("attributions"),
        anonymous=Sum("attributions", filter=ANONYMOUS),
        **{f"role_{i}": Count("id", filter=~ANONYMOUS & Q(role=role)) for i, role in enumerate(ROLE_LABELS)},
        **{f"gender_{i}": Count("id", filter=people & Q(gender=gender)) for i, gender in enumerate(GENDER_LABELS)},
    )
    totals = {name: value or 0 for name, value in totals.items()}
    roles = {role: totals.pop(f"role_{i}") for i, role in enumerate(ROLE_LABELS)}
    genders = {gender: totals.pop(f"gender_{i}") for i, gender in enumerate(GENDER_LABELS)}
    return {
        **totals,
        "anonymous_share": _percent(totals["anonymous"], totals["all_attributions"]),
        "roles": _bars(roles, ROLE_LABELS),
        "genders": _bars(genders, GENDER_LABELS),
    }


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _bars(counts: dict[str, int], labels: dict[str, Any]) -> list[Bar]:
    total = sum(counts.values())
    ordered = [(key, counts.get(key, 0)) for key in labels if counts.get(key)]
    return [Bar(str(labels[key]), _percent(n, total), _percent(n, total), f"% ({n:,})") for key, n in ordered]


def per_month(rows: QuotedSource | QuerySet) -> list[dict[str, Any]]:
    """The last MONTHS months by publication: articles, named sources and the anonymous share of attributions."""
    found = list(
        rows.exclude(month=None)
        .values("month")
        .annotate(
            articles=Count("page", distinct=True),
            sources=Count("key", distinct=True, filter=NAMED),
            all_attributions=Sum("attributions"),
            anonymous=Sum("attributions", filter=ANONYMOUS),
        )
        .order_by("-month")[:MONTHS]
    )[::-1]
    peak = max((m["sources"] for m in found), default=0) or 1
    return [
        {
            "month": m["month"],
            "label": f"{m['month']:%b %Y}",
            "short": f"{m['month']:%b}",
            "articles": m["articles"],
            "sources": m["sources"],
            "height": round(100 * m["sources"] / peak),
            "anonymous_share": _percent(m["anonymous"] or 0, m["all_attributions"] or 0),
        }
        for m in found
    ]


class SourcesReportView(ReportView):
    page_title = _("Sources")
    header_icon = "user"
    template_name = "newsaudit/sources_report.html"
    results_template_name = "newsaudit/sources_report_results.html"
    model = QuotedSource
    filterset_class = SourcesFilterSet
    index_url_name = "newsaudit_sources"
    index_results_url_name = "newsaudit_sources_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    default_ordering = "-articles"
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

    def get_filename(self) -> str:
        return f"newsaudit-sources-{datetime.date.today():%Y-%m-%d}"

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    @cached_property
    def rows(self) -> QuerySet[QuotedSource]:
        """The filtered rows every figure on the page is computed from."""
        return self.filter_queryset(visible_sources(self.request.user))

    @cached_property
    def shares(self) -> dict[str, Any]:
        return shares(self.rows)

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
        page.object_list = describe(self.rows, list(object_list))
        return paginator, page, page.object_list, paginated

    def decorate_paginated_queryset(self, object_list: Any) -> list[dict[str, Any]]:
        return object_list if isinstance(object_list, list) else describe(self.rows, list(object_list))

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["shares"] = self.shares
            context["months"] = per_month(self.rows)
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
