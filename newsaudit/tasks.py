"""The audit as a Django Task: `django.tasks` on Django 6, the `django_tasks` backport on Django 5.2.

With the default ImmediateBackend the audit runs in the web process once the editor's response has been sent
(see after_response), or right after the commit outside a request; with a worker backend (`django-tasks-db`, RQ,
Celery) it runs in a worker and the editor's request does no audit work at all.
"""

from __future__ import annotations

import logging

from django.conf import settings

from . import after_response
from .task_backends import ImmediateBackend

try:  # Django >= 6.0
    from django.tasks import task
except ImportError:  # Django 5.2: the backport Wagtail already depends on
    from django_tasks import task

IMMEDIATE_BACKEND = f"{ImmediateBackend.__module__}.{ImmediateBackend.__qualname__}"

log = logging.getLogger("newsaudit")


@task()
def audit_revision_task(revision_id: int) -> str:
    from .pages.auditing import record_revision

    result = record_revision(revision_id)
    return result.status if result is not None else "missing"


def audit_on_save() -> bool:
    """`NEWSAUDIT_AUDIT_ON_SAVE` (default True); False for bulk imports, audited afterwards by `audit_archive`."""
    return getattr(settings, "NEWSAUDIT_AUDIT_ON_SAVE", True)


def task_backend_alias() -> str:
    """The TASKS alias audits go to: `NEWSAUDIT_TASK_BACKEND`, else "default" (shared with Wagtail's own tasks)."""
    return getattr(settings, "NEWSAUDIT_TASK_BACKEND", "default")


def enqueue_audit(revision_id: int) -> None:
    """Enqueue an audit; called on commit, so it must never raise into the editor's request."""
    try:
        audit_revision_task.using(backend=task_backend_alias()).enqueue(revision_id)
    except Exception:
        log.exception("newsaudit: could not enqueue the audit of revision %s", revision_id)


def schedule_audit(revision_id: int) -> None:
    """Called on commit. A backend that runs tasks inline waits until the response is sent; others enqueue now."""
    if runs_inline(task_backend_alias()) and after_response.defer(lambda: enqueue_audit(revision_id)):
        return
    enqueue_audit(revision_id)


def runs_inline(alias: str) -> bool:
    """True for the ImmediateBackend itself, which would run the audit inside the editor's request."""
    try:
        return type(audit_revision_task.using(backend=alias).get_backend()) is ImmediateBackend
    except Exception:  # a misconfigured alias: enqueue_audit logs it
        return False
