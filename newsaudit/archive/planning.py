"""For one chunk of pages: which revisions need an audit, which are unchanged, and the work items to send.

An audit is skipped when the stored result for the page's revision has the same engine version and the same
source hash (sha256 of the revision's stored JSON and the effective config): no Document is built, so an
unchanged archive is checked at database speed. When the source hash is unknown (an audit made on save), the
worker rebuilds the Document and compares the content hash before auditing anything.

A page without any revision (an imported row) is audited from its database row: its field values are serialised
the way a revision stores them, so the worker, the source hash and the skip work exactly as for revisions.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Revision, Site

from .. import __version__
from ..engine import Config
from ..models import AuditResult
from ..pages.auditing import config_fingerprint
from ..settings import base_config, config_for_site
from .selection import AuditKey, PageRow
from .worker import WorkItem

SUMMARY_FIELDS = ("status", "error_count", "warning_count", "findings_count", "rules", "error")


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
    stored: dict[AuditKey, Stored]  # (page id, revision id or None) -> its existing audit
    newest: dict[int, int]  # page id -> newest revision id with an audit
    source_hashes: dict[AuditKey, str] = field(default_factory=dict)
    items: list[WorkItem] = field(default_factory=list)
    unchanged: list[PageRow] = field(default_factory=list)
    page_rows: list[PageRow] = field(default_factory=list)  # pages without a revision: their row is audited
    vanished: list[PageRow] = field(default_factory=list)  # deleted between the page query and the content query


def plan_chunk(rows: list[PageRow], sites: SiteConfigs, *, force: bool, with_reports: bool) -> ChunkPlan:
    revision_ids = [row.revision_id for row in rows if row.revision_id]
    row_pages = [row for row in rows if row.from_page_row]
    stored = _stored(revision_ids, [row.id for row in row_pages], with_reports)
    plan = ChunkPlan(rows, stored, _newest([row.id for row in rows]))
    contents = _revision_contents(rows, revision_ids) | page_row_contents(row_pages)
    for row in rows:
        raw = contents.get(row.key)
        if raw is None:
            plan.vanished.append(row)
            continue
        if row.from_page_row:
            plan.page_rows.append(row)
        _plan_row(plan, row, raw, sites, force)
    return plan


def _plan_row(plan: ChunkPlan, row: PageRow, raw: str, sites: SiteConfigs, force: bool) -> None:
    key = sites.key_for(row.path)
    source = source_hash(raw, sites.fingerprints[key])
    plan.source_hashes[row.key] = source
    stored = plan.stored.get(row.key)
    current = stored is not None and stored.engine_version == __version__
    if not force and current and stored.source_hash == source:
        plan.unchanged.append(row)
        return
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


def _revision_contents(rows: list[PageRow], revision_ids: list[int]) -> dict[AuditKey, str]:
    """Each revision's stored JSON as text (not decoded here: the workers decode it)."""
    raw_by_revision = dict(
        Revision.objects.filter(pk__in=revision_ids).annotate(raw=Cast("content", TextField())).values_list("pk", "raw")
    )
    return {row.key: raw_by_revision[row.revision_id] for row in rows if row.revision_id in raw_by_revision}


def page_row_contents(rows: list[PageRow]) -> dict[AuditKey, str]:
    """Pages without a revision: their field values as JSON, the shape a revision stores (one query per page type).

    Only the model's own fields are serialised, not child relations (comments, inline objects), which the audit
    never reads; so no query per page.
    """
    ids_by_type: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        ids_by_type[row.content_type_id].append(row.id)
    contents: dict[AuditKey, str] = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for page in model._base_manager.filter(pk__in=ids):
            data = get_serializable_data_for_fields(page)
            contents[(page.pk, None)] = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return contents


def source_hash(raw_content: str, config_fingerprint: str) -> str:
    digest = hashlib.sha256(raw_content.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + config_fingerprint.encode("utf-8"))
    return digest.hexdigest()


def _stored(revision_ids: list[int], row_page_ids: list[int], with_reports: bool) -> dict[AuditKey, Stored]:
    """Existing audits of the chunk's revisions, and the page-row audits of its pages without a revision."""
    fields = ["pk", "page_id", "revision_id", "source_hash", "content_hash", "engine_version", *SUMMARY_FIELDS]
    if with_reports:
        fields.append("report")
    wanted = Q(revision_id__in=revision_ids) | Q(page_id__in=row_page_ids, from_page_row=True)
    stored = {}
    for values in AuditResult.objects.filter(wanted).values(*fields):
        stored[(values["page_id"], values["revision_id"])] = Stored(
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
