"""Admin views for the panel: the stored audit of a page, and an audit of the editor's unsaved form.

A refusal is a 4xx whose body is one plain-text line the panel shows as it is (429 also carries Retry-After)."""

from __future__ import annotations

import logging
import time

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from .auditing import audit_page
from .edit_form import BadInput, bound_form, posted_data, unsaved_page
from .engine.audit import STOPPED_CANCELLED
from .limits import LiveCheckSlot, live_check_max_chars, live_check_time_budget, retry_after
from .panels import form_error_notice, panel_context, render_panel, stored_panel_context
from .permissions import can_audit

log = logging.getLogger("newsaudit")


def _editable_page(request: HttpRequest, page_id: int) -> Page | None:
    """The page as the editor sees it (latest revision), or None when the user may not edit it."""
    page = get_object_or_404(Page.objects.select_related("latest_revision"), id=page_id)
    page = page.get_latest_revision_as_object()
    return page if can_audit(request.user, page) else None


def refusal(status: int, reason: str, **headers: str) -> HttpResponse:
    """A 4xx the panel's fetch sees as it is (not PermissionDenied, which the admin turns into a redirect)."""
    response = HttpResponse(reason, status=status, content_type="text/plain; charset=utf-8")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _forbidden() -> HttpResponse:
    return refusal(403, _("You do not have permission to edit this page."))


@require_GET
def panel(request: HttpRequest, page_id: int) -> HttpResponse:
    """The panel for the page's latest stored audit; `?findings=all` lists every finding, not the first ones."""
    page = _editable_page(request, page_id)
    if page is None:
        return _forbidden()
    context = stored_panel_context(page, all_findings=request.GET.get("findings") == "all")
    return HttpResponse(render_panel(context, request))


@csrf_exempt  # checked below, once the body is known to be readable: a broken body must be a 400, not a 500
@require_POST
def check_unsaved(request: HttpRequest, page_id: int) -> HttpResponse:
    """Audit the posted edit form without saving anything, built the way Wagtail's preview builds it."""
    page = _editable_page(request, page_id)
    if page is None:
        return _forbidden()
    wait = retry_after(request.user)
    if wait is not None:
        reason = _("Too many checks: wait %(s)s seconds and check again.") % {"s": wait}
        return refusal(429, reason, Retry_After=str(wait))
    slot = LiveCheckSlot(request.user)  # taken first: a check still running for this editor stops now
    try:
        return _live_check(request, page, slot, time.monotonic() + live_check_time_budget())
    except BadInput as error:
        log.info("newsaudit: live check of page %s refused (%s): %s", page_id, error.status, error.reason)
        return refusal(error.status, error.reason)
    finally:
        slot.release()


def _live_check(request: HttpRequest, page: Page, slot: LiveCheckSlot, deadline: float) -> HttpResponse:
    data, files = posted_data(request)  # read and checked before the CSRF check parses the body
    if CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, None, (), {}) is not None:
        return refusal(403, _("The form's security token is missing or out of date: reload the page."))
    form = bound_form(request, page, data, files)
    if form.errors:
        context = stored_panel_context(page)
        context["notice"] = form_error_notice(form)
        return HttpResponse(render_panel(context, request))
    unsaved = unsaved_page(form)
    # The editor waits for the whole request: what reading the form took comes out of the audit's budget.
    remaining = max(0.05, deadline - time.monotonic())
    _document, report = audit_page(
        unsaved, cancelled=slot.cancelled, time_budget=remaining, max_chars=live_check_max_chars()
    )
    if (report.get("partial") or {}).get("stopped") == STOPPED_CANCELLED:
        return refusal(409, _("A newer check replaced this one."))
    return HttpResponse(render_panel(panel_context(page, report, unsaved=True), request))
