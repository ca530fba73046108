"""Which pages an archive audit covers, streamed as plain rows in page-id order (keyset pagination).

Keyset pagination (`id > last`) rather than OFFSET or a server-side cursor: every chunk is one short query, the
main process never holds more than a chunk, and writes between chunks cannot disturb the iteration (SQLite shares
one connection between reading and writing).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Page, Site

from ..pages.page_types import audited_content_type_ids

ROW_FIELDS = (
    "id",
    "path",
    "content_type_id",
    "latest_revision_id",
    "live_revision_id",
    "first_published_at",
    "title",
    "live",
)
AuditKey = tuple[int, int | None]  # (page id, revision id); no revision: the page's row is audited


class SelectionError(ValueError):
    """A filter names something that does not exist (a site, a page type, a section)."""


@dataclass(frozen=True, slots=True)
class ArchiveFilter:
    site: str | None = None  # Site id or hostname
    page_type: str | None = None  # "app_label.ModelName"
    section: int | None = None  # a page id: its descendants
    since: datetime.date | None = None
    state: str = "all"  # "all" (latest revision), "live" (live revision of live pages), "drafts"
    first_id: int | None = None  # an id range, for one enqueued chunk
    last_id: int | None = None


@dataclass(slots=True)
class PageRow:
    id: int
    path: str
    content_type_id: int
    revision_id: int | None  # the revision to audit; None: the page has none, its row is audited
    live_revision_id: int | None
    first_published_at: datetime.datetime | None
    title: str
    live: bool = False
    latest_revision_id: int | None = None

    @property
    def key(self) -> AuditKey:
        """Identifies the audited content: a revision, or the page row when there is no revision."""
        return (self.id, self.revision_id)

    @property
    def from_page_row(self) -> bool:
        return self.revision_id is None


def selected_pages(selection: ArchiveFilter) -> QuerySet[Page]:
    pages = Page.objects.filter(depth__gt=1, content_type__in=auditable_content_types())
    if selection.site:
        pages = pages.filter(path__startswith=_site(selection.site).root_page.path)
    if selection.page_type:
        pages = pages.filter(content_type=_content_type(selection.page_type))
    if selection.section is not None:
        section = Page.objects.filter(pk=selection.section).first()
        if section is None:
            raise SelectionError(f"no page with id {selection.section}")
        pages = pages.filter(path__startswith=section.path, depth__gt=section.depth)
    if selection.since:
        since = datetime.datetime.combine(selection.since, datetime.time.min, tzinfo=datetime.UTC)
        pages = pages.filter(Q(latest_revision_created_at__gte=since) | Q(last_published_at__gte=since))
    if selection.state == "live":
        pages = pages.filter(live=True)
    elif selection.state == "drafts":
        pages = pages.filter(Q(live=False) | Q(has_unpublished_changes=True))
    if selection.first_id is not None:
        pages = pages.filter(pk__gte=selection.first_id)
    if selection.last_id is not None:
        pages = pages.filter(pk__lte=selection.last_id)
    return pages


def auditable_content_types() -> list[int]:
    """Content types of the audited page types (`page_types`: articles, not home, index or form pages)."""
    return audited_content_type_ids()


def page_chunks(selection: ArchiveFilter, size: int) -> Iterator[list[PageRow]]:
    pages = selected_pages(selection).order_by("pk")
    last = 0
    while True:
        rows = list(pages.filter(pk__gt=last).values_list(*ROW_FIELDS)[:size])
        if not rows:
            return
        last = rows[-1][0]
        yield [_row(values, selection.state) for values in rows]


def id_ranges(selection: ArchiveFilter, size: int) -> Iterator[tuple[int, int, int]]:
    """(first id, last id, pages) for consecutive chunks of `size` selected pages: the units `--enqueue` sends."""
    ids = selected_pages(selection).order_by("pk").values_list("pk", flat=True)
    last = 0
    while True:
        chunk = list(ids.filter(pk__gt=last)[:size])
        if not chunk:
            return
        last = chunk[-1]
        yield chunk[0], chunk[-1], len(chunk)


def _row(values: tuple, state: str) -> PageRow:
    page_id, path, content_type_id, latest_id, live_id, published, title, live = values
    revision_id = live_id if state == "live" else latest_id
    return PageRow(page_id, path, content_type_id, revision_id, live_id, published, title, live, latest_id)


def _site(value: str) -> Site:
    sites = Site.objects.select_related("root_page")
    site = sites.filter(pk=int(value)).first() if value.isdigit() else sites.filter(hostname=value).first()
    if site is None:
        raise SelectionError(f"no site {value!r} (give a site id or hostname)")
    return site


def _content_type(label: str) -> ContentType:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise SelectionError(f"no page type {label!r} (use app_label.ModelName, e.g. news.ArticlePage)") from None
    if not issubclass(model, Page):
        raise SelectionError(f"{label} is not a page type")
    return ContentType.objects.get_for_model(model, for_concrete_model=False)
