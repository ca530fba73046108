"""ThreadBackend: the ImmediateBackend, but run on one background thread, so a save never waits for its audit.

`TASKS = {"default": {"BACKEND": "newsaudit.task_backends.ThreadBackend"}}` needs no worker process; tasks run one
at a time, in order, in the web process (so they are lost if the process stops first). For durable queues use a
worker backend such as django-tasks-db.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from django.db import connections

try:  # Django >= 6.0
    from django.tasks.backends.immediate import ImmediateBackend
except ImportError:  # Django 5.2: the django_tasks backport
    from django_tasks.backends.immediate import ImmediateBackend


class ThreadBackend(ImmediateBackend):
    def __init__(self, alias: str, params: dict) -> None:
        super().__init__(alias, params)
        # One worker: audits of one page run in save order and never write the same row at once.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"tasks-{alias}")

    def _execute_task(self, task_result: Any) -> None:
        self._executor.submit(self._run, task_result)

    def _run(self, task_result: Any) -> None:
        try:
            super()._execute_task(task_result)
        finally:
            connections.close_all()  # this thread's own connections

    def drain(self) -> None:
        """Block until every task enqueued so far has run (tests, benchmarks, shutdown)."""
        done: Future = self._executor.submit(lambda: None)
        done.result()
