"""Whole-archive audits (`manage.py audit_archive`): streamed, parallel, resumable, or fanned out to task workers."""

from .runner import ArchiveOptions, run_archive
from .selection import ArchiveFilter, SelectionError

__all__ = ["ArchiveFilter", "ArchiveOptions", "SelectionError", "run_archive"]
