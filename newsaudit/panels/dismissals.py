"""Dismissed findings: an editor decides a finding on a page is not a problem, with a reason.

A dismissal matches a finding of the same rule whose excerpt is the same words (whitespace and case aside, as
baselines match), in any later audit of the page, so it survives new revisions while those words stay. A dismissed
finding stays in the stored report marked `dismissed`, does not count toward the scores, the status or the report's
counts, and is listed in the panel under "Dismissed" with Undo. Only users who may edit the page may dismiss or undo
(CSRF-protected POSTs); bad input is a 400 with a one-line plain-text reason.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from ..engine.baseline import normalise
from ..engine.rules import registry
from ..models import Dismissal
from ..pages.auditing import dismissals_in_force
from ..permissions import page_editor_view, refusal

RULE_CODE = re.compile(r"NA\d{3}")
EXCERPT_MAX = 300
REASON_MAX = 500


def dismissed_rows(page_id: int | None, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The panel's "Dismissed" list: each dismissed finding with who dismissed it, when, why, and its Dismissal id."""
    records = dismissals_in_force(page_id)
    rows = []
    for finding in findings:
        record = records.get((finding.get("rule", ""), normalise(finding.get("excerpt", ""))))
        if record is not None:
            rows.append({"finding": finding, "dismissal": record})
    return rows


@require_POST
@page_editor_view
def dismiss(request: HttpRequest, page: Page) -> HttpResponse:
    """Dismiss the finding (rule, excerpt) on this page with the editor's reason; returns the re-audited panel."""
    rule = request.POST.get("rule", "").strip().upper()
    excerpt = request.POST.get("excerpt", "")
    reason = " ".join(request.POST.get("reason", "").split())
    if not RULE_CODE.fullmatch(rule) or registry.get(rule) is None:
        return refusal(400, _("Unknown rule code: give a rule such as NA201."))
    if not excerpt.strip() or len(excerpt) > EXCERPT_MAX:
        return refusal(400, _("The excerpt must be the flagged words, at most %(n)d characters.") % {"n": EXCERPT_MAX})
    if len(reason) > REASON_MAX:
        return refusal(400, _("The reason is too long: at most %(n)d characters.") % {"n": REASON_MAX})
    key = normalise(excerpt)
    if not Dismissal.objects.filter(page_id=page.pk, rule=rule, excerpt_key=key, undone_at__isnull=True).exists():
        Dismissal.objects.create(
            page_id=page.pk, rule=rule, excerpt=excerpt, excerpt_key=key, reason=reason, user=request.user
        )
    return _reaudited_panel(request, page)


@require_POST
@page_editor_view
def undo(request: HttpRequest, page: Page, dismissal_id: int) -> HttpResponse:
    """Undo a dismissal (the record stays, with who undid it and when); returns the re-audited panel."""
    dismissal = get_object_or_404(Dismissal, pk=dismissal_id, page_id=page.pk)
    if dismissal.undone_at is None:
        dismissal.undone_at = timezone.now()
        dismissal.undone_by = request.user
        dismissal.save(update_fields=["undone_at", "undone_by"])
    return _reaudited_panel(request, page)


def _reaudited_panel(request: HttpRequest, page: Page) -> HttpResponse:
    from ..pages.auditing import record_revision
    from .panel import panel_response, stored_panel_context

    if page.latest_revision_id:
        record_revision(page.latest_revision_id, force=True)
    return panel_response(request, stored_panel_context(page))
