"""`python manage.py audit_archive`: audit every page of the archive (see docs/archive.md)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsaudit.archive import ArchiveFilter, ArchiveOptions, SelectionError, run_archive
from newsaudit.archive.runner import CHUNK_SIZE

EXIT_FAIL, EXIT_INTERRUPTED, EXIT_TERMINATED = 1, 130, 143  # 128 + SIGINT / SIGTERM, as shells report


class Command(BaseCommand):
    help = "Audit every page's latest revision (or only some), in parallel; skips pages unchanged since their audit."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--site", help="only pages of this site (id or hostname)")
        parser.add_argument("--page-type", metavar="APP.MODEL", help="only this page type, e.g. news.ArticlePage")
        parser.add_argument("--section", type=int, metavar="PAGE_ID", help="only descendants of this page")
        parser.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only pages changed since this date")
        state = parser.add_mutually_exclusive_group()
        state.add_argument("--live", action="store_const", dest="state", const="live", help="live pages, live revision")
        state.add_argument(
            "--drafts", action="store_const", dest="state", const="drafts", help="pages with unpublished changes"
        )
        parser.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: one per core)")
        parser.add_argument("--force", action="store_true", help="audit again even when nothing changed")
        parser.add_argument("--output", type=Path, metavar="FILE", help="also write report.csv or report.json")
        parser.add_argument("--fail-on", choices=["info", "warning", "error"], help="exit 1 when a page fails")
        parser.add_argument(
            "--chunk-size", type=int, default=CHUNK_SIZE, help=f"pages per chunk (default {CHUNK_SIZE})"
        )
        parser.add_argument("--enqueue", action="store_true", help="enqueue chunks as Django Tasks for workers")
        parser.add_argument("--no-progress", action="store_true", help="no progress output on stderr")
        parser.add_argument(
            "--sources-only",
            action="store_true",
            help="no audit: rebuild Reports > Sources' rows from every page's stored latest audit, then stop",
        )
        parser.add_argument(
            "--list-page-types", action="store_true", help="list which page types are audited and why, then stop"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list_page_types"]:
            return self._list_page_types()
        if options["sources_only"]:
            return self._sources_only()
        selection = ArchiveFilter(
            site=options["site"],
            page_type=options["page_type"],
            section=options["section"],
            since=options["since"],
            state=options["state"] or "all",
        )
        if options["chunk_size"] < 1 or options["jobs"] < 0:
            raise CommandError("--chunk-size must be >= 1 and --jobs >= 0")
        output: Path | None = options["output"]
        if output is not None and output.suffix.lower() not in (".csv", ".json"):
            raise CommandError("--output must be a .csv or .json file")
        try:
            if options["enqueue"]:
                return self._enqueue(selection, options)
            summary = run_archive(
                ArchiveOptions(
                    selection=selection,
                    jobs=options["jobs"],
                    force=options["force"],
                    chunk_size=options["chunk_size"],
                    output=output,
                    fail_on=options["fail_on"],
                    progress=not options["no_progress"],
                ),
                stream=self.stderr._out,
            )
        except SelectionError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(summary.render())
        if summary.interrupted:
            raise SystemExit(EXIT_TERMINATED if summary.terminated else EXIT_INTERRUPTED)
        if summary.failing:
            raise SystemExit(EXIT_FAIL)

    def _list_page_types(self) -> None:
        from wagtail.models import get_page_models

        from newsaudit.pages.page_types import decision

        for model in get_page_models():
            verdict = decision(model)
            self.stdout.write(f"{'audited' if verdict.audited else 'skipped'}  {verdict.label:<40} {verdict.reason}")

    def _enqueue(self, selection: ArchiveFilter, options: dict[str, Any]) -> None:
        from newsaudit.archive.enqueue import enqueue_archive

        chunks, pages = enqueue_archive(selection, chunk_size=options["chunk_size"], force=options["force"])
        self.stdout.write(f"enqueued {chunks:,} chunks ({pages:,} pages); task workers audit them")

    def _sources_only(self) -> None:
        from newsaudit.pages.sources import backfill_sources

        pages, rows = backfill_sources()
        self.stdout.write(f"stored {rows:,} quoted sources of {pages:,} pages from their stored audits")


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since expects a date like 2025-01-31, not {value!r}") from None
