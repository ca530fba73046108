"""Run an archive audit: stream chunks of pages, audit them in worker processes, write each chunk as it finishes.

The main process plans a chunk (one query for the pages, one for their revisions, two for stored audits) and
hands the work to the pool; it keeps at most a few chunks in flight, so memory does not grow with the archive.
Each chunk is written in its own transaction, in order, as soon as its workers finish.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from django.db import transaction

from ..engine import Severity
from .output import ReportWriter
from .planning import ChunkPlan, SiteConfigs, plan_chunk
from .progress import Progress
from .selection import ArchiveFilter, page_chunks, selected_pages
from .store import Outcome, store_chunk
from .summary import ArchiveSummary
from .worker import WorkResult, batches, make_executor, run_items, stop_workers

CHUNK_SIZE = 200


@dataclass(slots=True)
class ArchiveOptions:
    selection: ArchiveFilter = ArchiveFilter()
    jobs: int = 0  # 0: one worker per core
    force: bool = False
    chunk_size: int = CHUNK_SIZE
    output: Path | None = None
    fail_on: str | None = None
    progress: bool = True

    @property
    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


Pending = tuple[ChunkPlan, list[Future]]


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, `systemctl stop`, a container stopping), handled like Ctrl-C."""


def run_archive(options: ArchiveOptions, stream: TextIO | None = None) -> ArchiveSummary:
    """Audit the selected pages. Ctrl-C (KeyboardInterrupt) or SIGTERM stops at once: the worker processes are
    terminated, the chunks already written stay written, and the summary says so (`summary.interrupted`)."""
    summary = ArchiveSummary(fail_on=Severity.parse(options.fail_on) if options.fail_on else None)
    writer: ReportWriter | None = None
    progress: Progress | None = None
    pool: LazyPool | None = None
    try:
        writer = ReportWriter(options.output) if options.output else None
        progress = Progress(selected_pages(options.selection).count(), stream or sys.stderr, options.progress)
        sites = SiteConfigs()
        pool = LazyPool(options.workers, sites)
        with sigterm_as_interrupt():
            _pipeline(options, sites, pool, partial(_finish, summary=summary, writer=writer, progress=progress))
    except KeyboardInterrupt as interrupt:
        summary.interrupted = True
        summary.terminated = isinstance(interrupt, Terminated)
    finally:
        with interrupts_ignored():  # a second Ctrl-C must not break the cleanup into a traceback
            if pool is not None:
                pool.close(terminate=summary.interrupted)
            if progress is not None:
                progress.finish()
            summary.finish()
            if writer is not None:
                writer.close(summary.as_dict())
    return summary


def _finish(pending: Pending, *, summary: ArchiveSummary, writer: ReportWriter | None, progress: Progress) -> None:
    plan, futures = pending
    results = [result for future in futures for result in future.result()]
    _record(plan, results, summary, writer)
    progress.advance(len(plan.rows))


@contextmanager
def interrupts_ignored() -> Iterator[None]:
    """Ignore SIGINT and SIGTERM for the duration (main thread only: other threads cannot set signal handlers)."""
    with signal_handlers({signal.SIGINT: signal.SIG_IGN, signal.SIGTERM: signal.SIG_IGN}):
        yield


class InterruptGate:
    """Ctrl-C and SIGTERM interrupt at once until `hold()`; after it they wait until the gate's block ends."""

    def __init__(self) -> None:
        self.held = False
        self.received: list[int] = []

    def hold(self) -> None:
        self.held = True

    def handle(self, signum: int, frame: object) -> None:
        if not self.held:
            raise interruption(signum)
        self.received.append(signum)


def interruption(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@contextmanager
def interrupt_gate() -> Iterator[InterruptGate]:
    gate = InterruptGate()
    with signal_handlers({signal.SIGINT: gate.handle, signal.SIGTERM: gate.handle}):
        yield gate
    if gate.received:
        raise interruption(gate.received[0])


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises `Terminated`, so it takes Ctrl-C's path: workers stopped, finished chunks kept."""

    def terminate(signum: int, frame: object) -> None:
        raise interruption(signum)

    with signal_handlers({signal.SIGTERM: terminate}):
        yield


@contextmanager
def signal_handlers(handlers: dict[signal.Signals, Callable | int]) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, handler) for signum, handler in handlers.items()}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class LazyPool:
    """The worker pool, started on the first chunk that has work: a run over an unchanged archive never forks."""

    def __init__(self, workers: int, sites: SiteConfigs) -> None:
        self.workers, self.sites = workers, sites
        self.pool: Executor | None = None

    def submit(self, fn: Callable, *args: object) -> Future:
        if self.pool is None:
            self.pool = make_executor(self.workers, self.sites.configs)
        return self.pool.submit(fn, *args)

    def close(self, *, terminate: bool = False) -> None:
        """Wait for the workers to finish, or (interrupted) stop them now: their work in flight is not kept."""
        if self.pool is None:
            return
        if terminate:
            stop_workers(self.pool)
        else:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _pipeline(
    options: ArchiveOptions, sites: SiteConfigs, executor: LazyPool, finish: Callable[[Pending], None]
) -> None:
    in_flight: deque[Pending] = deque()
    for rows in page_chunks(options.selection, options.chunk_size):
        plan = plan_chunk(rows, sites, force=options.force, with_reports=bool(options.output and _is_json(options)))
        futures = [executor.submit(run_items, batch) for batch in batches(plan.items, options.workers)]
        in_flight.append((plan, futures))
        while len(in_flight) > options.workers:
            finish(in_flight.popleft())
    while in_flight:
        finish(in_flight.popleft())


def _record(plan: ChunkPlan, results: list[WorkResult], summary: ArchiveSummary, writer: ReportWriter | None) -> None:
    # A signal while the chunk is written rolls it back (the next run audits it again); once it is written, the
    # signal waits for the count and the commit, so the summary and --output always match the database.
    with interrupt_gate() as gate, transaction.atomic():
        outcomes = store_chunk(plan, results)
        gate.hold()
        _count(plan, results, outcomes, summary, writer)


def _count(
    plan: ChunkPlan,
    results: list[WorkResult],
    outcomes: list[Outcome],
    summary: ArchiveSummary,
    writer: ReportWriter | None,
) -> None:
    summary.no_revision += len(plan.page_rows)
    summary.vanished += len(plan.vanished)
    summary.empty += sum(1 for result in results if result.empty)
    for outcome in outcomes:
        summary.add(outcome)
        if writer:
            writer.write(outcome)


def _is_json(options: ArchiveOptions) -> bool:
    return options.output is not None and options.output.suffix.lower() == ".json"
