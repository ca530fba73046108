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
from .engine.sources.vocabulary import ROLE_CLASSES
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

    @property
    def status_label(self) -> str:
        from .panels.findings import STATUS_LABELS

        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def top_problems(self) -> str:
        from .panels.findings import top_problems_text

        return top_problems_text(self.report or {})

    @property
    def page_url(self) -> str:
        """The page's public URL ('' when it is not routable), for the report's exports."""
        try:
            return self.page.get_full_url() or ""
        except Exception:  # a page outside every site has no URL
            return ""

    @property
    def edit_url(self) -> str:
        """The page's edit view, absolute when WAGTAILADMIN_BASE_URL is set."""
        from django.urls import reverse

        base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
        return base.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[self.page_id])

    def apply_report(self, data: dict[str, Any]) -> None:
        """Copy the filterable summary fields out of a report dict (DocumentReport.to_dict())."""
        scores = data.get("scores") or {}
        findings = [f for f in data.get("findings", []) if not f.get("suppressed") and not f.get("dismissed")]
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


class Dismissal(models.Model):
    """An editor's decision that one finding on one page is not a problem: who, when, why, and the words it was
    about. It applies to every later audit of the page while a finding of the same rule has the same excerpt
    (whitespace and case aside); undoing it keeps the record, with who undid it and when."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="newsaudit_dismissals")
    rule = models.CharField(max_length=8)
    excerpt = models.CharField(max_length=300, help_text="The flagged words, as the audit quoted them.")
    excerpt_key = models.CharField(max_length=300, help_text="The excerpt with whitespace collapsed and case folded.")
    reason = models.CharField(max_length=500, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "dismissed finding"
        ordering = ["-created"]
        indexes = [models.Index(fields=["page", "undone_at"])]

    def __str__(self) -> str:
        return f"{self.page_id} {self.rule} {self.excerpt[:40]!r}"


SOURCE_KINDS = ("person", "organisation", "outlet", "document", "anonymous")
ROLES = ROLE_CLASSES  # the engine's role classes (lexicons/source_roles.tsv)
GENDERS = ("female", "male", "not stated")
NOT_STATED = "not stated"


class QuotedSource(models.Model):
    """One distinct source of one article, from the article's latest audit (`report["source_mix"]`, or for an audit
    stored before that existed, its `sources` list). Rebuilt whenever a page's latest audit is stored; the page's
    section, type, date and byline are copied in so Reports > Sources filters and groups without joins."""

    audit = models.ForeignKey(AuditResult, on_delete=models.CASCADE, related_name="quoted_sources")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200, help_text="Archive-wide merge key; blank for anonymous sources.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16)
    role = models.CharField(max_length=16, blank=True)
    affiliation = models.CharField(max_length=200, blank=True)
    gender = models.CharField(max_length=16, default=NOT_STATED)
    quotes = models.PositiveIntegerField(default=0)
    attributions = models.PositiveIntegerField(default=0)
    mentions = models.PositiveIntegerField(default=0)
    forms = models.JSONField(default=list, blank=True)
    lead = models.BooleanField(default=False, help_text="The article's first row: counts the article once.")
    # Copied from the page when the row is written (kept current on publish and move).
    section = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    published = models.DateField(null=True, blank=True)
    month = models.DateField(null=True, blank=True, help_text="The first day of the published month.")
    audited = models.DateField()
    author = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "quoted source"
        # Covering indexes: the listing groups by key and the shares by month reading the index alone; the
        # filters' own indexes lead with the filtered column.
        indexes = [
            models.Index(
                fields=["key", "kind", "content_type", "role", "gender", "mentions", "quotes", "attributions"],
                name="newsaudit_qs_key",
            ),
            models.Index(
                fields=["month", "kind", "role", "gender", "lead", "content_type", "attributions"],
                name="newsaudit_qs_month",
            ),
            models.Index(fields=["section", "content_type"], name="newsaudit_qs_section"),
            models.Index(fields=["author", "content_type"], name="newsaudit_qs_author"),
            models.Index(fields=["published"], name="newsaudit_qs_published"),
            models.Index(fields=["audited"], name="newsaudit_qs_audited"),
        ]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.name} ({self.kind})"
