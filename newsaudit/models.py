"""AuditResult: one stored audit per page revision (the panel's and the report's data).

A page that has no revision at all (created by an import script, a fixture or `Page.add_child` without
`save_revision`) is audited from its database row instead: that audit has no revision, `from_page_row` is set,
and a page has at most one such audit (updated in place when the row changes).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from .engine.kinds import CATEGORIES, SCORED_CATEGORIES, Status
from .settings import NewsauditSettings  # noqa: F401  (registers the per-site setting model)

STATUS_CHOICES = [(s.value, s.label) for s in Status]


class AuditResultQuerySet(models.QuerySet):
    def latest_per_page(self) -> AuditResultQuerySet:
        return self.filter(is_latest=True)


class AuditResult(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="newsaudit_results")
    revision = models.OneToOneField(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="newsaudit_result"
    )
    status = models.CharField(max_length=8, choices=STATUS_CHOICES, db_index=True)
    score_overall = models.PositiveSmallIntegerField(null=True, db_index=True)
    score_attribution = models.PositiveSmallIntegerField(null=True)
    score_sourcing = models.PositiveSmallIntegerField(null=True)
    score_readability = models.PositiveSmallIntegerField(null=True)
    score_bias = models.PositiveSmallIntegerField(null=True)
    findings_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    attribution_count = models.PositiveIntegerField(default=0)
    sourcing_count = models.PositiveIntegerField(default=0)
    readability_count = models.PositiveIntegerField(default=0)
    bias_count = models.PositiveIntegerField(default=0)
    structure_count = models.PositiveIntegerField(default=0)
    # Space-delimited rule codes with leading/trailing spaces (" NA201 NA301 ") so `contains=" NA201 "` filters.
    rules = models.CharField(max_length=1000, blank=True)
    word_count = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict)
    error = models.TextField(blank=True)
    engine_version = models.CharField(max_length=32)
    content_hash = models.CharField(max_length=64)
    # sha256 of the revision's stored JSON and the effective config: lets `audit_archive` skip an unchanged
    # revision without rebuilding its Document (blank for audits made on save; filled by the archive command).
    source_hash = models.CharField(max_length=64, blank=True, default="")
    from_page_row = models.BooleanField(
        default=False, help_text="Audited from the page's database row: the page had no revision to audit."
    )
    live = models.BooleanField(default=False, help_text="The audited content is the page's live content.")
    is_latest = models.BooleanField(default=True, db_index=True, help_text="The newest audit of this page.")
    duration_ms = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AuditResultQuerySet.as_manager()

    class Meta:
        verbose_name = "audit result"
        ordering = ["-created"]
        indexes = [models.Index(fields=["page", "is_latest"])]
        constraints = [
            models.UniqueConstraint(
                fields=["page"], condition=models.Q(from_page_row=True), name="newsaudit_one_page_row_audit_per_page"
            )
        ]

    def __str__(self) -> str:
        audited = "page row" if self.from_page_row else f"r{self.revision_id}"
        return f"{self.page_id} {audited}: {self.status}"

    @property
    def rule_codes(self) -> str:
        return self.rules.strip()

    def apply_report(self, data: dict[str, Any]) -> None:
        """Copy the filterable summary fields out of a report dict (DocumentReport.to_dict())."""
        scores = data.get("scores") or {}
        findings = [f for f in data.get("findings", []) if not f.get("suppressed")]
        self.report = data
        self.status = data.get("status", "error")
        self.error = data.get("error") or ""
        self.score_overall = scores.get("overall")
        for category in SCORED_CATEGORIES:
            setattr(self, f"score_{category}", scores.get(category))
        self.findings_count = len(findings)
        self.error_count = sum(1 for f in findings if f.get("severity") == "error")
        self.warning_count = sum(1 for f in findings if f.get("severity") == "warning")
        for category in CATEGORIES:
            setattr(self, f"{category}_count", sum(1 for f in findings if f.get("category") == category))
        codes = sorted({f["rule"] for f in findings})
        self.rules = f" {' '.join(codes)} "[:1000] if codes else ""
        self.word_count = int((data.get("readability") or {}).get("words") or 0)
