"""For one chunk of pages: which revisions need an audit, which are unchanged, and the work items to send.

An audit is skipped when the stored result for the page's revision has the same engine version and the same
source hash (sha256 of the revision's stored JSON and the effective config): no Document is built, so an
unchanged archive is checked at database speed. When the source hash is unknown (an audit made on save), the
worker rebuilds the Document and compares the content hash before auditing anything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail.models import Revision, Site

from .. import __version__
from ..auditing import config_fingerprint
from ..engine import Config
from ..models import AuditResult
from ..settings import base_config, config_for_site
from .selection import PageRow
from .worker import WorkItem

SUMMARY_FIELDS = ("status", "error_count", "warning_count", "findings_count", "rules")


class SiteConfigs:
    """The effective Config per site, found by the page's tree path (no query per page)."""

    def __init__(self) -> None:
        self.configs: dict[int, Config] = {0: base_config()}
        self.roots: list[tuple[str, int]] = []
        for site in Site.objects.select_related("root_page").order_by("pk"):
            self.configs[site.pk] = config_for_site(site)
            self.roots.append((site.root_page.path, site.pk))
        self.roots.sort(key=lambda root: -len(root[0]))
        self.fingerprints = {key: config_fingerprint(config) for key, config in self.configs.items()}

    def key_for(self, path: str) -> int:
        return next((site_id for root, site_id in self.roots if path.startswith(root)), 0)


@dataclass(slots=True)
class Stored:
    """What the chunk needs to know about an existing audit of the revision it targets."""

    pk: int
    source_hash: str
    content_hash: str
    engine_version: str
    summary: dict[str, Any]
    report: dict[str, Any] | None = None


@dataclass(slots=True)
class ChunkPlan:
    rows: list[PageRow]
    stored: dict[int, Stored]  # revision id -> its existing audit
    newest: dict[int, int]  # page id -> newest revision id with an audit
    source_hashes: dict[int, str] = field(default_factory=dict)
    items: list[WorkItem] = field(default_factory=list)
    unchanged: list[PageRow] = field(default_factory=list)
    no_revision: list[PageRow] = field(default_factory=list)


def plan_chunk(rows: list[PageRow], sites: SiteConfigs, *, force: bool, with_reports: bool) -> ChunkPlan:
    revision_ids = [row.revision_id for row in rows if row.revision_id]
    plan = ChunkPlan(rows, _stored(revision_ids, with_reports), _newest([row.id for row in rows]))
    contents = dict(
        Revision.objects.filter(pk__in=revision_ids).annotate(raw=Cast("content", TextField())).values_list("pk", "raw")
    )
    for row in rows:
        raw = contents.get(row.revision_id) if row.revision_id else None
        if raw is None:
            plan.no_revision.append(row)
            continue
        key = sites.key_for(row.path)
        source = source_hash(raw, sites.fingerprints[key])
        plan.source_hashes[row.revision_id] = source
        stored = plan.stored.get(row.revision_id)
        current = stored is not None and stored.engine_version == __version__
        if not force and current and stored.source_hash == source:
            plan.unchanged.append(row)
            continue
        plan.items.append(
            WorkItem(
                page_id=row.id,
                revision_id=row.revision_id,
                model=_model_label(row.content_type_id),
                content=raw,
                first_published_at=row.first_published_at.isoformat() if row.first_published_at else None,
                config_key=key,
                known_digest=stored.content_hash if (current and not force and stored.content_hash) else None,
            )
        )
    return plan


def source_hash(raw_content: str, config_fingerprint: str) -> str:
    digest = hashlib.sha256(raw_content.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + config_fingerprint.encode("utf-8"))
    return digest.hexdigest()


def _stored(revision_ids: list[int], with_reports: bool) -> dict[int, Stored]:
    fields = ["pk", "revision_id", "source_hash", "content_hash", "engine_version", *SUMMARY_FIELDS]
    if with_reports:
        fields.append("report")
    stored = {}
    for values in AuditResult.objects.filter(revision_id__in=revision_ids).values(*fields):
        stored[values["revision_id"]] = Stored(
            pk=values["pk"],
            source_hash=values["source_hash"],
            content_hash=values["content_hash"],
            engine_version=values["engine_version"],
            summary={name: values[name] for name in SUMMARY_FIELDS},
            report=values.get("report"),
        )
    return stored


def _newest(page_ids: list[int]) -> dict[int, int]:
    newest: dict[int, int] = {}
    for page_id, revision_id in AuditResult.objects.filter(page_id__in=page_ids).values_list("page_id", "revision_id"):
        if revision_id is not None and revision_id > newest.get(page_id, 0):
            newest[page_id] = revision_id
    return newest


def _model_label(content_type_id: int) -> str:
    return ContentType.objects.get_for_id(content_type_id).model_class()._meta.label_lower
