"""Wagtail 8: a PageViewSet for `Page` whose edit view adds the audit side panel, so every page type has it.

A site that registers its own PageViewSet for a page type keeps the panel by mixing `AuditEditViewMixin`
into that viewset's `edit_view_class`.
"""

from __future__ import annotations

from typing import Any

from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from .panels import AuditSidePanel
from .permissions import can_audit


class AuditEditViewMixin:
    def get_side_panels(self) -> Any:
        side_panels = super().get_side_panels()
        if not getattr(self, "expects_json_response", False) and can_audit(self.request.user, self.page):
            side_panels.append(AuditSidePanel(self.page, self.request))
        return side_panels


class AuditEditView(AuditEditViewMixin, EditView):
    pass


class AuditPageViewSet(PageViewSet):
    model = Page
    name = "newsaudit_pages"
    edit_view_class = AuditEditView
