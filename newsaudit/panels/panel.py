"""The editor's audit panel: a side panel on every page type (Wagtail 8) or an `AuditPanel` for
`content_panels` (Wagtail 7.4). Both render `newsaudit/panel.html` from `panel_context()`."""

from __future__ import annotations

from typing import Any

import wagtail
from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.admin.ui.side_panels import BaseSidePanel
from wagtail.models import Page

from ..engine.attributions import is_named
from ..engine.report import CreditRecord
from ..engine.rules.limits import BOUND_RULES
from ..live.limits import panel_max_findings
from ..models import AuditResult
from ..pages.page_types import is_audited
from ..pages.sources import GENDER_LABELS, ROLE_LABELS, source_mix
from ..permissions import can_audit
from ..settings import config_for_site
from .dismissals import dismissed_rows
from .findings import (
    LIGHT_FOR_STATUS,
    PROBLEM_SEVERITIES,
    SEVERITY_ORDER,
    STATUS_LABELS,
    finding_groups,
    lights,
    passed_checks,
    verdict,
)

TEMPLATE = "newsaudit/panel.html"
READABILITY_LABELS = (
    ("flesch_reading_ease", _("Reading ease")),
    ("flesch_kincaid_grade", _("Grade level")),
    ("gunning_fog", _("Gunning fog")),
    ("words", _("Words")),
    ("sentences", _("Sentences")),
    ("reading_time_seconds", _("Reading time (s)")),
)


def side_panel_supported() -> bool:
    """Wagtail 8 routes every page admin view through a PageViewSet registry, so one viewset reaches every page type.

    Decided by version, not by importing the viewsets module: page models call this while models are loading.
    """
    return wagtail.VERSION >= (8, 0)


def automatic_side_panel() -> bool:
    """`NEWSAUDIT_SIDE_PANEL` (default True): every page type's edit view gets the side panel with no model edit."""
    return bool(getattr(settings, "NEWSAUDIT_SIDE_PANEL", True))


def audit_panels() -> list[Panel]:
    """What a page model adds to `content_panels`: nothing while the side panel is automatic (the default on
    Wagtail 7.4 and 8); the panel as a `content_panels` entry when `NEWSAUDIT_SIDE_PANEL = False`."""
    return [] if automatic_side_panel() else [AuditPanel()]


def panel_context(
    page: Page,
    report: dict[str, Any] | None,
    *,
    result: AuditResult | None = None,
    unsaved: bool = False,
    pending: bool = False,
    notice: str = "",
    all_findings: bool = False,
) -> dict[str, Any]:
    report = report or {}
    findings = [f for f in report.get("findings", []) if not f.get("suppressed") and not f.get("dismissed")]
    dismissed = [f for f in report.get("findings", []) if f.get("dismissed")]
    shown = findings if all_findings else _first_findings(findings, panel_max_findings())
    sources = quoted_sources(report)
    named, unresolved = _split_named(sources)
    readability = report.get("readability", {})
    from ..pages.auditing import site_for

    config = config_for_site(site_for(page) if page.pk else None)
    groups = finding_groups(shown)
    problems = sum(1 for f in findings if f.get("severity") in PROBLEM_SEVERITIES)
    improvements = len(findings) - problems
    status = report.get("status")
    return {
        "page": page,
        "result": result,
        "has_report": bool(report),
        "status": status,
        "status_label": STATUS_LABELS.get(status, status),
        "light": LIGHT_FOR_STATUS.get(status, ""),
        "verdict": verdict(status, problems, improvements) if report else "",
        "error": report.get("error", ""),
        "overall": (report.get("scores") or {}).get("overall"),
        "lights": lights(report, findings, config) if report and not report.get("error") else [],
        "credits": [CreditRecord.from_dict(c) for c in report.get("credits", [])],
        # "(N named)" counts the entries that name someone; descriptions the finder left unresolved ("The
        # spokesman") are listed after them, uncounted
        "named_sources": named,
        "listed_sources": named + unresolved,
        "anonymous_sources": [s for s in sources if s["kind"] == "anonymous"],
        "source_mix": _mix_summary(report),
        "problems": groups["problems"],
        "improvements": groups["improvements"],
        "article_findings": groups["article"],
        "passed": passed_checks(findings, config) if report and not report.get("error") else [],
        "finding_count": len(findings),
        "problem_count": problems,
        "more_findings": len(findings) - len(shown),
        "readability": [(label, readability[key]) for key, label in READABILITY_LABELS if key in readability],
        "dismissed": dismissed_rows(page.pk, dismissed) if dismissed else [],
        "check_url": reverse("newsaudit:check", args=[page.pk]) if page.pk else "",
        "dismiss_url": reverse("newsaudit:dismiss", args=[page.pk]) if page.pk else "",
        "panel_url": reverse("newsaudit:panel", args=[page.pk]) if page.pk else "",
        "login_url": reverse("wagtailadmin_login"),
        "unsaved": unsaved,
        "pending": pending,
        "notice": " ".join(filter(None, [notice, _partial_notice(report.get("partial"))])),
    }


def quoted_sources(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The article's sources as the panel lists them, merged (`source_mix`): name, kind, role class and stated
    gender where the text gives them, mentions and quotations, and the other forms merged into the entry."""
    rows = []
    for source in source_mix(report).get("sources") or []:
        if not isinstance(source, dict) or not source.get("name"):
            continue
        mentions = source.get("mentions")
        forms = [f for f in source.get("forms") or [] if isinstance(f, str) and f != source["name"]]
        gender = source.get("gender")
        rows.append(
            {
                "name": str(source["name"]),
                "kind": str(source.get("kind") or ""),
                "role": ROLE_LABELS.get(source.get("role") or "") if source.get("role") else "",
                "gender": GENDER_LABELS.get(gender, "") if gender in ("female", "male") else "",
                "mentions": len(mentions) if isinstance(mentions, list) else int(mentions or 0),
                "quotes": int(source.get("quotes") or 0),
                "also": forms[:8],
            }
        )
    return rows


def _split_named(sources: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The listed (not anonymous) sources: those that name someone, then descriptions left unresolved."""
    named: list[dict[str, Any]] = []
    unresolved: list[dict[str, Any]] = []
    for source in sources:
        if source["kind"] != "anonymous":
            (named if is_named(source["name"]) else unresolved).append(source)
    return named, unresolved


def _mix_summary(report: dict[str, Any]) -> dict[str, Any]:
    """The anonymous share and the first source quoted, when the engine reported them."""
    mix = report.get("source_mix")
    if not isinstance(mix, dict) or not mix.get("attributions"):
        return {}
    share = mix.get("anonymous_share") or 0
    return {"anonymous_percent": round(float(share) * 100), "first_source": mix.get("first_source") or ""}


def _first_findings(findings: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The `limit` findings the panel renders: those saying the audit is partial, then the most severe, then in text
    order (the rest are counted)."""
    if len(findings) <= limit:
        return findings
    ranked = sorted(
        findings,
        key=lambda f: (f.get("rule") not in BOUND_RULES, SEVERITY_ORDER.get(f.get("severity"), 3), f.get("start", 0)),
    )
    return ranked[: max(0, limit)]


def _partial_notice(partial: dict[str, Any] | None) -> str:
    if not partial:
        return ""
    if partial.get("stopped"):
        return str(_("This audit is partial: %(why)s before every rule had run.") % {"why": partial["stopped"]})
    return str(
        _("This audit is partial: it covers the first %(audited)s of %(total)s characters.")
        % {"audited": f"{partial['audited_chars']:,}", "total": f"{partial['total_chars']:,}"}
    )


def stored_panel_context(page: Page, *, all_findings: bool = False, notice: str = "") -> dict[str, Any]:
    from ..pages.auditing import latest_result

    result = latest_result(page)
    report = result.report if result else None
    pending = audit_pending(page, result)
    return panel_context(page, report, result=result, pending=pending, notice=notice, all_findings=all_findings)


def audit_pending(page: Page, result: AuditResult | None) -> bool:
    """The page has a revision newer than its stored audit: the audit of that save is still to come (it runs after
    the editor's response, or in a task worker). The panel then shows the last audit and fetches the new one."""
    from ..tasks import audit_on_save

    if not audit_on_save() or not is_audited(page.specific_class):
        return False
    latest_revision_id = page.latest_revision_id
    if latest_revision_id is None:
        return False
    return result is None or result.revision_id is None or result.revision_id < latest_revision_id


def form_error_notice(form: forms.BaseForm) -> str:
    """Why the unsaved changes could not be audited, naming each field with an error by its label."""
    names = []
    for name in form.errors:
        field = form.fields.get(name)
        names.append(str(field.label or name) if field else _("the page as a whole"))
    fields = ", ".join(names) or _("the form")
    return _(
        "The form has errors in %(fields)s, so the audit shows the last saved version. Fix them and check again."
    ) % {"fields": fields}


def panel_response(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    return HttpResponse(render_to_string(TEMPLATE, context, request=request))


class PanelMedia:
    js = ["newsaudit/marks.js", "newsaudit/panel.js"]
    css = {"all": ["newsaudit/panel.css"]}


class AuditSidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = _("Toggle news audit")
        icon_name = "clipboard-list"
        counter_classname = "w-bg-critical-200"

        def get_context_data(self, parent_context: Any) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            # Only problems (errors and warnings) count on the toggle: a passing page shows no red number.
            context["count"] = self.panel.audit_context["problem_count"]
            return context

    name = "newsaudit"
    title = _("News audit")
    template_name = "newsaudit/side_panel.html"
    order = 360

    @property
    def audit_context(self) -> dict[str, Any]:
        if not hasattr(self, "_audit_context"):
            self._audit_context = stored_panel_context(self.object)
        return self._audit_context

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        context.update(self.audit_context)
        return context

    @property
    def media(self) -> forms.Media:
        return forms.Media(js=PanelMedia.js, css=PanelMedia.css)


class AuditPanel(Panel):
    """The audit panel as an edit-handler panel, for `content_panels` on Wagtail 7.4."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("heading", _("News audit"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsaudit/edit_handler_panel.html"

        def is_shown(self) -> bool:
            page = self.instance
            return bool(page is not None and page.pk and self.request and can_audit(self.request.user, page))

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context.update(stored_panel_context(self.instance))
            return context

        @property
        def media(self) -> forms.Media:
            return forms.Media(js=PanelMedia.js, css=PanelMedia.css)
