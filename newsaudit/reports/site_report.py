"""The site report (Reports > News audit) and the dashboard panel with the headline numbers."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.models import Page

from ..models import CATEGORIES, STATUS_CHOICES, AuditResult, QuotedSource
from ..pages.page_types import audited_content_type_ids
from ..panels.findings import CATEGORY_LABELS, top_problems
from ..permissions import editable_pages
from .base import NewsauditReportView

PATH_STEP = Page.steplen


def audited_results(user: Any) -> QuerySet[AuditResult]:
    """Each page's latest audit, for pages the user may edit, with the page's section (parent) title."""
    parent = Page.objects.filter(
        path=Substr(OuterRef("page__path"), 1, Length(OuterRef("page__path")) - PATH_STEP, output_field=IntegerField())
    )
    return (
        AuditResult.objects.latest_per_page()
        .filter(page__in=editable_pages(user), page__content_type_id__in=audited_content_type_ids())
        .select_related("page", "page__content_type")
        .annotate(section_title=Subquery(parent.values("title")[:1]))
    )


def _visible_results(request: Any) -> QuerySet[AuditResult]:
    user = getattr(request, "user", None)
    if user is None:
        return AuditResult.objects.none()
    return AuditResult.objects.latest_per_page().filter(page__in=editable_pages(user))


def _sections(request: Any) -> QuerySet[Page]:
    """Sections (parent pages) of the audited pages this user may edit: no other section's title is listed."""
    parent_paths = {
        path[:-PATH_STEP]
        for path in _visible_results(request).values_list("page__path", flat=True)
        if len(path) > PATH_STEP
    }
    return Page.objects.filter(path__in=parent_paths).order_by("title")


def _page_types(request: Any) -> QuerySet[ContentType]:
    """Page types of the audited pages this user may edit."""
    used = _visible_results(request).values_list("page__content_type", flat=True).distinct()
    return ContentType.objects.filter(pk__in=set(audited_content_type_ids()) & set(used)).order_by("model")


def _iso_seconds(value: Any) -> str:
    """An ISO 8601 timestamp to the second, in UTC: '2026-11-30T04:41:53+00:00'."""
    if not isinstance(value, datetime.datetime):
        return "" if value is None else str(value)
    if timezone.is_aware(value):
        value = value.astimezone(datetime.UTC)
    return value.replace(microsecond=0).isoformat()


class StatusColumn(Column):
    """The status as a coloured badge with the panel's words (Pass / Needs work / Fail / Error)."""

    cell_template_name = "newsaudit/report_status_cell.html"


class TopProblemsColumn(Column):
    cell_template_name = "newsaudit/report_problems_cell.html"

    def get_value(self, instance: AuditResult) -> list[dict[str, Any]]:
        return top_problems(instance.report or {})


class AuditReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES)
    category = django_filters.ChoiceFilter(
        label=_("Has findings in"), choices=[(c, CATEGORY_LABELS[c]) for c in CATEGORIES], method="filter_category"
    )
    rule = django_filters.CharFilter(label=_("Rule code"), method="filter_rule")
    source = django_filters.CharFilter(label=_("Quotes source"), method="filter_source")
    section = django_filters.ModelChoiceFilter(label=_("Section"), queryset=_sections, method="filter_section")
    page_type = django_filters.ModelChoiceFilter(
        label=_("Page type"), field_name="page__content_type", queryset=_page_types
    )
    live = django_filters.BooleanFilter(label=_("Live"), field_name="page__live")
    created = django_filters.DateFromToRangeFilter(label=_("Audited"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditResult
        fields = ["status", "category", "rule", "source", "section", "page_type", "live", "created"]

    def filter_category(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(**{f"{value}_count__gt": 0}) if value in CATEGORIES else queryset

    def filter_rule(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        code = value.strip().upper()
        return queryset.filter(rules__contains=f" {code} ") if code else queryset

    def filter_source(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Pages whose latest audit quotes the source with this merge key (Reports > Sources links here)."""
        key = " ".join(value.split()).lower()[:200]
        return queryset.filter(pk__in=QuotedSource.objects.filter(key=key).values("audit_id")) if key else queryset

    def filter_section(self, queryset: QuerySet, name: str, value: Page) -> QuerySet:
        return queryset.filter(page__path__startswith=value.path, page__depth__gt=value.depth) if value else queryset


class AuditReportView(NewsauditReportView):
    page_title = _("News audit")
    header_icon = "clipboard-list"
    template_name = "newsaudit/report.html"
    model = AuditResult
    filterset_class = AuditReportFilterSet
    index_url_name = "newsaudit_report"
    index_results_url_name = "newsaudit_report_results"
    default_ordering = "score_overall"
    list_export = [
        "page.id",
        "page.title",
        "section_title",
        "page.content_type.name",
        "status",
        "status_label",
        "top_problems",
        "score_overall",
        "score_attribution",
        "score_sourcing",
        "score_readability",
        "score_bias",
        "findings_count",
        "error_count",
        "warning_count",
        "rule_codes",
        "word_count",
        "page.live",
        "created",
        "page_url",
        "edit_url",
    ]
    export_headings = {
        "page.id": _("Page ID"),
        "page.title": _("Title"),
        "section_title": _("Section"),
        "page.content_type.name": _("Type"),
        "score_overall": _("Overall"),
        "page.live": _("Live"),
        "rule_codes": _("Rules"),
        "created": _("Audited"),
        "status_label": _("Verdict"),
        "top_problems": _("Top problems"),
        "score_bias": CATEGORY_LABELS["bias"],
        "page_url": _("Page URL"),
        "edit_url": _("Edit link"),
    }
    custom_field_preprocess = {"created": {"csv": _iso_seconds, "xlsx": _iso_seconds}}

    def get_queryset(self) -> QuerySet[AuditResult]:
        self.queryset = audited_results(self.request.user)
        return super().get_queryset()

    @cached_property
    def columns(self) -> list[Column]:
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor="page.title",
                get_url=lambda r: reverse("wagtailadmin_pages:edit", args=[r.page_id]),
            ),
            Column("section_title", label=_("Section")),
            Column("page_type", label=_("Type"), accessor="page.content_type.name"),
            StatusColumn("status", label=_("Status"), sort_key="status"),
            TopProblemsColumn("top_problems", label=_("Top problems")),
            Column("score_overall", label=_("Overall"), sort_key="score_overall"),
            Column("score_attribution", label=_("Attribution"), sort_key="score_attribution"),
            Column("score_sourcing", label=_("Sourcing"), sort_key="score_sourcing"),
            Column("score_readability", label=_("Readability"), sort_key="score_readability"),
            Column("score_bias", label=CATEGORY_LABELS["bias"], sort_key="score_bias"),
            Column("findings_count", label=_("Findings"), sort_key="findings_count"),
            BooleanColumn("live", label=_("Live"), accessor="page.live"),
            DateColumn("created", label=_("Audited"), sort_key="created"),
        ]


def headline_numbers(user: Any) -> dict[str, Any]:
    results = AuditResult.objects.latest_per_page().filter(page__in=editable_pages(user))
    by_status = dict(results.values_list("status").annotate(n=Count("pk")).order_by())
    totals = results.aggregate(pages=Count("pk"), average=Avg("score_overall"))
    return {
        "pages": totals["pages"] or 0,
        "average": round(totals["average"]) if totals["average"] is not None else None,
        "statuses": [(label, by_status.get(value, 0), value) for value, label in STATUS_CHOICES],
    }


class AuditReportMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return editable_pages(request.user).exists()


class AuditSummaryPanel(Component):
    name = "newsaudit_summary"
    order = 150
    template_name = "newsaudit/summary_panel.html"

    def __init__(self, request: Any) -> None:
        self.request = request

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {**headline_numbers(self.request.user), "report_url": reverse("newsaudit_report")}
