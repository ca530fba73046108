"""The audit as a Django Task: `django.tasks` on Django 6, the `django_tasks` backport on Django 5.2.

With the default ImmediateBackend the audit runs right after the save commits; with a worker backend
(`django-tasks-db`, RQ, Celery) it runs in a worker and the editor's request does no audit work at all.
"""

from __future__ import annotations

import logging

try:  # Django >= 6.0
    from django.tasks import task
except ImportError:  # Django 5.2: the backport Wagtail already depends on
    from django_tasks import task

log = logging.getLogger("newsaudit")


@task()
def audit_revision_task(revision_id: int) -> str:
    from .auditing import record_revision

    result = record_revision(revision_id)
    return result.status if result is not None else "missing"


def enqueue_audit(revision_id: int) -> None:
    """Enqueue an audit; called on commit, so it must never raise into the editor's request."""
    try:
        audit_revision_task.enqueue(revision_id)
    except Exception:
        log.exception("newsaudit: could not enqueue the audit of revision %s", revision_id)
