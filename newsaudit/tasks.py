"""The audit as a Django Task: `django.tasks` on Django 6, the `django_tasks` backport on Django 5.2.

With the default ImmediateBackend the audit runs right after the save commits; with a worker backend
(`django-tasks-db`, RQ, Celery) it runs in a worker and the editor's request does no audit work at all.
"""

from __future__ import annotations

import logging

from django.conf import settings

try:  # Django >= 6.0
    from django.tasks import task

    IMMEDIATE_BACKEND = "django.tasks.backends.immediate.ImmediateBackend"
except ImportError:  # Django 5.2: the backport Wagtail already depends on
    from django_tasks import task

    IMMEDIATE_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"

log = logging.getLogger("newsaudit")


@task()
def audit_revision_task(revision_id: int) -> str:
    from .auditing import record_revision

    result = record_revision(revision_id)
    return result.status if result is not None else "missing"


def task_backend_alias() -> str:
    """The TASKS alias audits go to: `NEWSAUDIT_TASK_BACKEND`, else "default" (shared with Wagtail's own tasks)."""
    return getattr(settings, "NEWSAUDIT_TASK_BACKEND", "default")


def enqueue_audit(revision_id: int) -> None:
    """Enqueue an audit; called on commit, so it must never raise into the editor's request."""
    try:
        audit_revision_task.using(backend=task_backend_alias()).enqueue(revision_id)
    except Exception:
        log.exception("newsaudit: could not enqueue the audit of revision %s", revision_id)
