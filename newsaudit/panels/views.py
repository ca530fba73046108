"""Admin views for the panel: the stored audit of a page, and an audit of the editor's unsaved form.

A refusal is a 4xx whose body is one plain-text line the panel shows as it is (429 also carries Retry-After)."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from ..engine.audit import STOPPED_CANCELLED
from ..live.edit_form import BadInput, bound_form, posted_data, unsaved_page
from ..live.input_budget import cut_form, mark_cut
from ..live.limits import LiveCheckSlot, live_check_bound, live_check_time_budget, retry_after
from ..live.live_audit import AuditStopped, live_audit, prestart
from ..pages.auditing import audit_page
from ..permissions import page_editor_view, refusal
from .panel import form_error_notice, panel_context, panel_response, stored_panel_context

log = logging.getLogger("newsaudit")


@require_GET
@page_editor_view
def panel(request: HttpRequest, page: Page) -> HttpResponse:
    """The panel for the page's latest stored audit; `?findings=all` lists every finding, not the first ones."""
    prestart()
    return panel_response(request, stored_panel_context(page, all_findings=request.GET.get("findings") == "all"))


@csrf_exempt  # checked below, once the body is known to be readable: a broken body must be a 400, not a 500
@require_POST
@page_editor_view
def check_unsaved(request: HttpRequest, page: Page) -> HttpResponse:
    """Audit the posted edit form without saving anything, built the way Wagtail's preview builds it."""
    wait = retry_after(request.user)
    if wait is not None:
        reason = _("Too many checks: wait %(s)s seconds and check again.") % {"s": wait}
        return refusal(429, reason, Retry_After=str(wait))
    slot = LiveCheckSlot(request.user)  # taken first: a check still running for this editor stops now
    try:
        return _live_check(request, page, slot, time.monotonic() + live_check_time_budget())
    except BadInput as error:
        log.info("newsaudit: live check of page %s refused (%s): %s", page.pk, error.status, error.reason)
        return refusal(error.status, error.reason)
    finally:
        slot.release()


def _live_check(request: HttpRequest, page: Page, slot: LiveCheckSlot, deadline: float) -> HttpResponse:
    data, files = posted_data(request)  # read and checked before the CSRF check parses the body
    if CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, None, (), {}) is not None:
        return refusal(403, _("The form's security token is missing or out of date: reload the page."))
    max_chars = live_check_bound(page)
    cut = cut_form(data, max_chars)  # before the form converts rich text and the engine parses HTML
    form = bound_form(request, page, cut.data, files)
    if form.errors:
        return panel_response(request, stored_panel_context(page, notice=form_error_notice(form)))
    unsaved = unsaved_page(form)
    try:
        document, report = _audit_unsaved(unsaved, slot, deadline, max_chars)
    except AuditStopped as stopped:
        log.warning("newsaudit: live check of page %s stopped: %s", page.pk, stopped)
        notice = _("The check of your changes was stopped: %(why)s. The last saved audit is shown.") % {"why": stopped}
        return panel_response(request, stored_panel_context(page, notice=notice))
    if cut.cut:
        mark_cut(document, report, cut.dropped_chars)
    if (report.get("partial") or {}).get("stopped") == STOPPED_CANCELLED:
        return refusal(409, _("A newer check replaced this one."))
    return panel_response(request, panel_context(page, report, unsaved=True))


def _audit_unsaved(page: Page, slot: LiveCheckSlot, deadline: float, max_chars: int) -> tuple[Any, dict[str, Any]]:
    """The audit of the unsaved page: in an audit process (see live_audit), else in this one. The editor waits for
    the whole request: what reading the form took comes out of the audit's time budget."""
    audited = live_audit(page, deadline=deadline, max_chars=max_chars, cancelled=slot.cancelled)
    if audited is not None:
        return audited
    remaining = max(0.05, deadline - time.monotonic())
    return audit_page(page, cancelled=slot.cancelled, time_budget=remaining, max_chars=max_chars)
