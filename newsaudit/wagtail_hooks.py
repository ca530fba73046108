"""Hook registrations only: admin URLs, the Reports menu item, the dashboard panel and (Wagtail 8) the viewset."""

from __future__ import annotations

from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .panels.panel import automatic_side_panel, side_panel_supported
from .permissions import editable_pages
from .reports.site_report import AuditReportMenuItem, AuditReportView, AuditSummaryPanel
from .reports.sources_report import SourcesReportView
from .reports.trends_views import ArchiveTrendsView


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [
        path("newsaudit/", include(urls, namespace="newsaudit")),
        path("reports/newsaudit/", AuditReportView.as_view(), name="newsaudit_report"),
        path("reports/newsaudit/results/", AuditReportView.as_view(results_only=True), name="newsaudit_report_results"),
        path("reports/newsaudit/trends/", ArchiveTrendsView.as_view(), name="newsaudit_trends"),
        path("reports/newsaudit/sources/", SourcesReportView.as_view(), name="newsaudit_sources"),
        path(
            "reports/newsaudit/sources/results/",
            SourcesReportView.as_view(results_only=True),
            name="newsaudit_sources_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item() -> MenuItem:
    return AuditReportMenuItem(_("News audit"), reverse("newsaudit_report"), icon_name="clipboard-list", order=900)


@hooks.register("register_reports_menu_item")
def register_trends_menu_item() -> MenuItem:
    return AuditReportMenuItem(
        _("News audit trends"), reverse("newsaudit_trends"), icon_name="clipboard-list", order=901
    )


@hooks.register("register_reports_menu_item")
def register_sources_menu_item() -> MenuItem:
    return AuditReportMenuItem(_("Sources"), reverse("newsaudit_sources"), icon_name="user", order=902)


@hooks.register("construct_homepage_panels")
def add_summary_panel(request: Any, panels: list) -> None:
    if editable_pages(request.user).exists():
        panels.append(AuditSummaryPanel(request))


if side_panel_supported() and automatic_side_panel():

    @hooks.register("register_admin_viewset")
    def register_audit_page_viewset() -> Any:
        from .panels.viewsets import AuditPageViewSet

        return AuditPageViewSet()
