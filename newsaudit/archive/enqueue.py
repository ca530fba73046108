"""`audit_archive --enqueue`: split the selection into page-id ranges and enqueue one Django Task per range.

Each task audits its range serially in a task worker (`manage.py db_worker` with django-tasks-db, or an RQ or
Celery backend); because results are keyed by revision and unchanged pages are skipped, a task that runs twice
(a retry, a worker that died) does no harm.
"""

from __future__ import annotations

from dataclasses import asdict

from .selection import ArchiveFilter, id_ranges
from .tasks import audit_archive_chunk


def enqueue_archive(selection: ArchiveFilter, *, chunk_size: int, force: bool = False) -> tuple[int, int]:
    """Enqueue one task per chunk of `chunk_size` selected pages; returns (chunks, pages)."""
    filters = {k: v for k, v in asdict(selection).items() if k not in ("first_id", "last_id")}
    filters["since"] = selection.since.isoformat() if selection.since else None
    chunks = pages = 0
    for first_id, last_id, count in id_ranges(selection, chunk_size):
        audit_archive_chunk.enqueue(first_id, last_id, filters, force)
        chunks += 1
        pages += count
    return chunks, pages
