"""Reports > News audit trends: the archive's trends as charts (server-rendered, no JavaScript)."""

from __future__ import annotations

import csv
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from ..engine.output.cells import safe_row
from .base import EditorsOnly, export_filename
from .site_report import AuditReportFilterSet
from .trends import archive_trends, latest_results


class ArchiveTrendsView(EditorsOnly, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("News audit trends")
    header_icon = "clipboard-list"
    template_name = "newsaudit/trends.html"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsaudit_report"), "label": _("News audit")},
            {"url": "", "label": _("Trends")},
        ]

    def filtered(self) -> tuple[AuditReportFilterSet, dict[str, Any]]:
        """The report's filters (status, category, rule, section, type, live, dates) applied to the trends."""
        filters = AuditReportFilterSet(self.request.GET or None, queryset=latest_results(self.request.user))
        results = filters.qs if filters.is_bound and filters.is_valid() else None
        return filters, archive_trends(self.request.user, results)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.GET.get("export") == "csv":
            return self.csv_response(self.filtered()[1])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        filters, trends = self.filtered()
        context.update(trends)
        context["filters"] = filters
        query = self.request.GET.copy()
        query["export"] = "csv"
        context["csv_url"] = f"?{query.urlencode()}"
        context["report_url"] = reverse("newsaudit_report")
        return context

    def csv_response(self, trends: dict[str, Any]) -> HttpResponse:
        """Every figure on the page, one row each: month, section and source rows."""
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{export_filename("trends")}.csv"'
        writer = csv.writer(response)
        writer.writerow(["kind", "label", "articles", "findings per article", "% with unsourced claims"])
        for month in trends["months"]:
            row = ["month", month["label"], month["pages"], month["per_article"], month["unsourced_share"]]
            writer.writerow(safe_row(row))
        for bar in trends["sections"]:
            writer.writerow(safe_row(["section", bar.label, "", bar.value, ""]))
        for bar in trends["sources"]:
            writer.writerow(safe_row(["source", bar.label, bar.value, "", ""]))
        return response
