"""The audit side panel on every page type's edit view, with no edit of any page model.

Wagtail 8 routes page edit views through a PageViewSet registry: `viewsets.AuditPageViewSet` registers an edit view
with the panel for `Page`, which every page type inherits. Wagtail 7.4 has no such registry for edit views: its
`pages/<id>/edit/` URL is bound to `EditView` when the admin URLs load, hook URLs come after it (so they cannot shadow
it), and no hook reaches the side panels. There the panel is added by wrapping `EditView.get_side_panels` once, at
app start-up: the one method Wagtail itself uses to list the edit view's side panels (status, preview, checks,
comments), unchanged since Wagtail 4. A site can opt out with `NEWSAUDIT_SIDE_PANEL = False` and put
`*audit_panels()` in its models' `content_panels` instead.
"""

from __future__ import annotations

from typing import Any

from ..live.live_audit import prestart
from ..pages.page_types import is_audited
from ..permissions import can_audit
from .panel import AuditSidePanel, automatic_side_panel, side_panel_supported


def with_audit_panel(view: Any, side_panels: Any) -> Any:
    """Append the audit panel to an edit view's side panels when the editor may audit the page."""
    if (
        not getattr(view, "expects_json_response", False)
        and is_audited(type(view.page))
        and can_audit(view.request.user, view.page)
    ):
        side_panels.append(AuditSidePanel(view.page, view.request))
        prestart()  # the editor's first live check comes soon
    return side_panels


class AuditEditViewMixin:
    """Mix into a custom PageViewSet's `edit_view_class` (Wagtail 8) to keep the panel on that page type."""

    def get_side_panels(self) -> Any:
        return with_audit_panel(self, super().get_side_panels())


def install_side_panel() -> bool:
    """Wagtail 7.x: add the panel to the page edit view's side panels. True when installed (idempotent)."""
    if side_panel_supported() or not automatic_side_panel():
        return False
    from wagtail.admin.views.pages.edit import EditView

    original = EditView.get_side_panels
    if getattr(original, "newsaudit_wrapped", False):
        return True

    def get_side_panels(self: Any) -> Any:
        return with_audit_panel(self, original(self))

    get_side_panels.newsaudit_wrapped = True  # type: ignore[attr-defined]
    EditView.get_side_panels = get_side_panels
    return True
