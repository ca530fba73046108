"""Reports > News audit trends: the archive's trends as charts (server-rendered, no JavaScript)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import page_permission_policy

from .trends import archive_trends


class ArchiveTrendsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("News audit trends")
    header_icon = "clipboard-list"
    template_name = "newsaudit/trends.html"
    # The same editors who may open the site report; figures only count pages they may edit.
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsaudit_report"), "label": _("News audit")},
            {"url": "", "label": _("Trends")},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(archive_trends(self.request.user))
        context["report_url"] = reverse("newsaudit_report")
        return context
