"""Wagtail 8: a PageViewSet for `Page` whose edit view adds the audit side panel, so every page type has it.

A site that registers its own PageViewSet for a page type keeps the panel by mixing `AuditEditViewMixin`
into that viewset's `edit_view_class`.
"""

from __future__ import annotations

from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from .edit_views import AuditEditViewMixin


class AuditEditView(AuditEditViewMixin, EditView):
    pass


class AuditPageViewSet(PageViewSet):
    model = Page
    name = "newsaudit_pages"
    edit_view_class = AuditEditView
