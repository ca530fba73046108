"""The per-page work of an archive audit, run in worker processes: revision JSON -> Document -> report dict.

Workers are forked from the command's process (Django is already set up there) and receive plain data: the
page id, the revision's stored JSON (or, for a page without a revision, its row serialised the same way), the page
model's label and a config key. They never touch the database
connection of the parent: the parent closes its connections before the pool forks.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import signal
import time
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connections

from ..engine import Config, audit, error_report, read_text
from ..pages.auditing import content_hash, report_dict
from ..pages.extract import page_document

_CONFIGS: dict[int, Config] = {}


@dataclass(slots=True)
class WorkItem:
    page_id: int
    revision_id: int | None  # None: the page has no revision; `content` is its row
    model: str  # "app_label.modelname"
    content: str  # the revision's stored JSON, or the page row's field values in the same shape
    first_published_at: str | None  # the page row's, when the revision has none (as Wagtail's as_object does)
    config_key: int
    known_digest: str | None  # an existing audit's content hash: equal means "unchanged, do not audit"


@dataclass(slots=True)
class WorkResult:
    page_id: int
    revision_id: int | None
    digest: str
    report: dict[str, Any] | None  # None: no audit needed (unchanged) or nothing to audit (see `empty`)
    duration_ms: int
    empty: bool = False

    @property
    def key(self) -> tuple[int, int | None]:
        return (self.page_id, self.revision_id)


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def init_worker(configs: dict[int, Config]) -> None:
    _CONFIGS.clear()
    _CONFIGS.update(configs)


def init_pool_worker(configs: dict[int, Config]) -> None:
    """A forked worker ignores SIGINT: Ctrl-C reaches the whole process group, and the command alone decides
    what happens (it stops the workers itself), so the workers never print a KeyboardInterrupt traceback. SIGTERM
    gets its default back (the command's own handler is inherited by the fork): a worker told to stop, stops."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # blocked by make_executor around the fork
    init_worker(configs)


def run_items(items: list[WorkItem]) -> list[WorkResult]:
    return [run_item(item) for item in items]


def run_item(item: WorkItem) -> WorkResult:
    """Never raises: a revision that cannot be read is stored as an audit with status "error"."""
    started = time.perf_counter()
    try:
        config = _CONFIGS[item.config_key]
        document = page_document(_page(item), config.max_text_chars or None)
        digest = content_hash(document, config)
        if item.known_digest == digest:
            return WorkResult(item.page_id, item.revision_id, digest, None, _ms(started))
        if not document.body_blocks():
            return WorkResult(item.page_id, item.revision_id, digest, None, _ms(started), empty=True)
        data = report_dict(document, audit(document, config))
    except Exception as error:
        digest = ""
        data = error_report(f"page:{item.page_id}", f"{type(error).__name__}: {error}").to_dict()
    return WorkResult(item.page_id, item.revision_id, digest, data, _ms(started))


def _page(item: WorkItem) -> Any:
    model = apps.get_model(item.model)
    content = json.loads(item.content)
    if isinstance(content, str):  # a JSON string stored inside the JSON column by an old import
        content = json.loads(content)
    page = model.from_serializable_data(content, check_fks=False, strict_fks=False)
    page.pk = page.id = item.page_id
    if page.first_published_at is None and item.first_published_at:
        page.first_published_at = page._meta.get_field("first_published_at").to_python(item.first_published_at)
    return page


def _ms(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


class InlineExecutor(Executor):
    """`--jobs 1`: the same work in this process, through the same interface as the pool."""

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[override]
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def make_executor(jobs: int, configs: dict[int, Config]) -> Executor:
    init_worker(configs)
    if jobs <= 1:
        return InlineExecutor()
    # Load the engine's dictionaries and lexicons once, here, and freeze them out of the garbage collector's
    # generations, so the forked workers share those pages with this process instead of each loading a copy.
    audit(read_text("The council said on Monday that 40 people came.", "warm-up"))
    gc.freeze()
    # Forked children must not share the parent's open database connections; each opens its own if it needs one.
    connections.close_all()
    # A signal that reached a worker between the fork and its initializer would run the command's own handler
    # there (a traceback from the worker's start-up): block them around the fork; each worker unblocks them once
    # its own handlers are set, and this process once every worker is forked.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=init_pool_worker,
            initargs=(configs,),
        )
        pool.submit(int).result()  # fork every worker now, while this process holds no connection
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    return pool


def stop_workers(pool: Executor, grace_seconds: float = 2.0) -> None:
    """Cancel what is queued and terminate the worker processes now, instead of waiting for their batches.

    Workers only compute (they never write to the database), so nothing is lost but their unfinished batches,
    which the next run audits again.
    """
    if not isinstance(pool, ProcessPoolExecutor):
        pool.shutdown(wait=False, cancel_futures=True)
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # public only as of Python 3.14
    queues = getattr(pool, "_call_queue", None), getattr(pool, "_result_queue", None)  # private; shutdown() drops them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(grace_seconds)
        if process.is_alive():
            process.kill()
            process.join()
    _unblock_pool_threads(*queues)


def _unblock_pool_threads(call_queue: object, result_queue: object) -> None:
    """Let the pool's helper threads end once its workers are dead; the interpreter joins them at exit, so a
    blocked one is a hang. Its feeder thread may be blocked writing work to a pipe nobody reads any more, and its
    manager thread reading the rest of a result whose worker was killed mid-message. With every worker gone, this
    process holds the only other ends of those pipes: closing them turns both waits into errors the pool handles
    (a broken pipe it ignores, end-of-file it treats as a broken pool), as CPython does for a broken pool."""
    for end in (getattr(call_queue, "_reader", None), getattr(result_queue, "_writer", None)):
        if end is not None:
            end.close()


def batches(items: list[WorkItem], parts: int) -> Iterator[list[WorkItem]]:
    """Split one chunk's items into about `parts` batches so that every worker gets a share."""
    size = max(1, -(-len(items) // max(1, parts)))
    for start in range(0, len(items), size):
        yield items[start : start + size]
