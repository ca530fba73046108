"""The archive audit's Django Task: one chunk (a page-id range) audited by whichever task worker claims it."""

from __future__ import annotations

import datetime
from typing import Any

try:  # Django >= 6.0
    from django.tasks import task
except ImportError:  # Django 5.2: the django_tasks backport
    from django_tasks import task


@task()
def audit_archive_chunk(first_id: int, last_id: int, selection: dict[str, Any], force: bool = False) -> dict[str, Any]:
    """Audit the selected pages with ids in [first_id, last_id], serially, and return the chunk's summary."""
    from .runner import ArchiveOptions, run_archive
    from .selection import ArchiveFilter

    since = selection.get("since")
    chunk = ArchiveFilter(
        **{**selection, "since": datetime.date.fromisoformat(since) if since else None},
        first_id=first_id,
        last_id=last_id,
    )
    summary = run_archive(ArchiveOptions(selection=chunk, jobs=1, force=force, progress=False))
    return summary.as_dict()
