"""Admin views for the panel: the stored audit of a page, and an audit of the editor's unsaved form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from .auditing import audit_page
from .panels import form_error_notice, panel_context, render_panel, stored_panel_context
from .permissions import can_audit


def _editable_page(request: HttpRequest, page_id: int) -> Page | None:
    """The page as the editor sees it (latest revision), or None when the user may not edit it."""
    page = get_object_or_404(Page.objects.select_related("latest_revision"), id=page_id)
    page = page.get_latest_revision_as_object()
    return page if can_audit(request.user, page) else None


def _forbidden() -> HttpResponse:
    # A plain 403 (not PermissionDenied, which the admin turns into a redirect): the panel's fetch must see it.
    return HttpResponseForbidden(_("You do not have permission to edit this page."))


@require_GET
def panel(request: HttpRequest, page_id: int) -> HttpResponse:
    """The panel for the page's latest stored audit."""
    page = _editable_page(request, page_id)
    if page is None:
        return _forbidden()
    return HttpResponse(render_panel(stored_panel_context(page), request))


@require_POST
def check_unsaved(request: HttpRequest, page_id: int) -> HttpResponse:
    """Audit the posted edit form without saving anything, built the way Wagtail's preview builds it."""
    page = _editable_page(request, page_id)
    if page is None:
        return _forbidden()
    form = _edit_form(request, page)
    if not form.is_valid():
        context = stored_panel_context(page)
        context["notice"] = form_error_notice(form)
        return HttpResponse(render_panel(context, request))
    unsaved = form.save(commit=False)
    _document, report = audit_page(unsaved)
    return HttpResponse(render_panel(panel_context(page, report, unsaved=True), request))


def _edit_form(request: HttpRequest, page: Page):  # -> WagtailAdminPageForm
    form_class = page.get_edit_handler().get_form_class()
    parent = page.get_parent()
    return form_class(
        request.POST,
        request.FILES,
        instance=page,
        parent_page=parent.specific if parent else None,
        for_user=request.user,
    )
