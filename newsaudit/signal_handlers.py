"""Audit every saved page revision (a task, after commit and, inline, after the response) and keep each audit's live flag current."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Revision, get_default_page_content_type
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import AuditResult
from .pages import sources
from .tasks import audit_on_save, schedule_audit


def on_revision_saved(
    sender: type, instance: Revision, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    if raw or instance.base_content_type_id != get_default_page_content_type().pk:
        return
    if not audit_on_save():
        return
    transaction.on_commit(partial(schedule_audit, instance.pk))


def on_page_published(sender: type, instance: Any, revision: Revision | None = None, **kwargs: Any) -> None:
    results = AuditResult.objects.filter(page_id=instance.pk)
    results.filter(live=True).exclude(revision=revision).update(live=False)
    if revision is not None:
        results.filter(revision=revision).update(live=True)
    sources.page_published(instance)


def on_page_unpublished(sender: type, instance: Any, **kwargs: Any) -> None:
    AuditResult.objects.filter(page_id=instance.pk, live=True).update(live=False)


def on_page_moved(sender: type, instance: Any, parent_page_after: Any = None, **kwargs: Any) -> None:
    if parent_page_after is not None:
        sources.page_moved(instance, parent_page_after)


def register() -> None:
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="newsaudit_revision_saved")
    page_published.connect(on_page_published, dispatch_uid="newsaudit_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="newsaudit_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="newsaudit_page_moved")
