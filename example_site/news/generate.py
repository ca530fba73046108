"""Create many synthetic ArticlePages fast: the page tree is written in bulk, not with treebeard's add_child.

Per batch: the `wagtailcore_page` rows (path, depth, url_path computed here), the `news_articlepage` rows, one
published Revision per page, then `latest_revision`/`live_revision` and each section's `numchild`. No signals fire,
so nothing is audited or indexed for search while generating; `audit_archive` audits the result. With
`revisions=False` no Revision is written, as an import script that writes page rows only would do.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Revision

from .models import ArticlePage, SectionPage
from .sample_site import ensure_home, ensure_section
from .synthetic import SECTIONS, SyntheticArticle, make_article

BATCH = 1000


@dataclass(slots=True)
class SectionCursor:
    """Where the next child of a section goes in the tree."""

    section: SectionPage
    next_step: int
    added: int = 0


def generate_articles(
    count: int,
    seed: int = 1,
    batch: int = BATCH,
    progress: Callable[[int], None] | None = None,
    *,
    revisions: bool = True,
) -> int:
    """Create `count` synthetic articles (continuing the numbering of earlier runs with the same seed); with
    `revisions=False`, page rows only (no Revision, no latest or live revision), like a scripted import."""
    home = ensure_home()
    cursors = {title: _cursor(ensure_section(home, title)) for title in SECTIONS}
    start = ArticlePage.objects.filter(slug__startswith=f"synthetic-{seed}-").count()
    now = timezone.now().replace(microsecond=0)
    done = 0
    while done < count:
        size = min(batch, count - done)
        articles = [make_article(seed, start + done + i) for i in range(size)]
        with transaction.atomic():
            _create_batch(articles, cursors, now, revisions)
            for cursor in cursors.values():
                if cursor.added:
                    Page.objects.filter(pk=cursor.section.pk).update(numchild=cursor.section.numchild + cursor.added)
        done += size
        if progress:
            progress(done)
    return done


def _cursor(section: SectionPage) -> SectionCursor:
    section.refresh_from_db(fields=["numchild"])
    last = section.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    return SectionCursor(section, step)  # section.numchild stays the base each batch's update adds to


def _create_batch(
    articles: list[SyntheticArticle], cursors: dict[str, SectionCursor], now: datetime.datetime, revisions: bool
) -> None:
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    pages = [_page(article, cursors[article.section], content_type, locale, now) for article in articles]
    if not revisions:
        for page in pages:
            page.latest_revision_created_at = None
    bases = Page.objects.bulk_create([_base_row(page) for page in pages])
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.page_ptr_id = base.pk
    _insert_child_rows(pages)
    if revisions:
        _create_revisions(pages, content_type)


def _create_revisions(pages: list[ArticlePage], content_type: ContentType) -> None:
    """One published Revision per page, set as its latest and live revision."""
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=str(page.pk),
                created_at=page.last_published_at,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in pages
        ]
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=500)


def _page(article: SyntheticArticle, cursor: SectionCursor, content_type, locale, now) -> ArticlePage:
    section = cursor.section
    path = Page._get_path(section.path, section.depth + 1, cursor.next_step)
    cursor.next_step += 1
    cursor.added += 1
    published = now - datetime.timedelta(days=article.day_offset)
    return ArticlePage(
        title=article.title,
        draft_title=article.title,
        slug=article.slug,
        path=path,
        depth=section.depth + 1,
        numchild=0,
        url_path=f"{section.url_path}{article.slug}/",
        content_type=content_type,
        locale=locale,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        latest_revision_created_at=published,
        byline=article.byline,
        dateline=article.dateline,
        credit=article.credit,
        body=article.body,
    )


def _base_row(page: ArticlePage) -> Page:
    fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    return Page(**{f.attname: getattr(page, f.attname) for f in fields})


def _insert_child_rows(pages: list[ArticlePage]) -> None:
    """INSERT the news_articlepage rows (Django's bulk_create refuses multi-table inheritance)."""
    fields = ArticlePage._meta.local_concrete_fields
    for start in range(0, len(pages), 200):
        ArticlePage._base_manager._insert(pages[start : start + 200], fields=fields, using=connection.alias)
