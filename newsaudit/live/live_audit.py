"""The live check's audit in a child process: a small pool of `audit_worker` processes per web process.

Why a process: the audit of a long unsaved text is pure Python. Run in a thread of the web process, it holds the
interpreter lock in 5 ms slices, and every other request (another editor opening a panel) waits for the lock after
each database query it makes; parts of the audit (the analyses before the rules) cannot be interrupted by the time
budget either. In a child process the other requests keep the web process to themselves, and the time budget is
enforced by killing the child at the deadline (plus `KILL_GRACE_SECONDS`; the engine stops itself at the budget
between two rules, so a kill is rare). A killed or crashed child is replaced at the next check.

`NEWSAUDIT_LIVE_CHECK_PROCESSES` (default 1) audit processes per web process; 0 audits in the web process, as
before. When no process can be started (no Python executable to start, say), the check is audited in-process and a
warning is logged once. The child runs on `NEWSAUDIT_LIVE_CHECK_PYTHON` if set, else on this process's interpreter:
under uWSGI or mod_wsgi `sys.executable` is the server's own binary, which is never started (the check is audited
in-process there unless the setting names a Python).
"""

from __future__ import annotations

import atexit
import itertools
import logging
import os
import re
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from wagtail.models import Page

from ..engine import Document, error_report
from ..pages.auditing import apply_dismissals, bounded_config, report_dict, site_for
from ..pages.extract import page_inputs
from ..settings import config_for_site
from .audit_worker import CANCEL, READY, receive, send

log = logging.getLogger("newsaudit")
KILL_GRACE_SECONDS = 0.5
MIN_AUDIT_SECONDS = 0.05
START_SECONDS = 30.0  # importing the engine and loading its lexicons, on a busy machine
POLL_SECONDS = 0.05
RETRY_START_SECONDS = 60.0
PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)
PYTHON_NAME = re.compile(r"(?:python|pypy)[\d.]*(?:\.exe)?", re.IGNORECASE)


class AuditStopped(Exception):
    """The audit process was stopped (its deadline passed, or it died) before it answered."""


def live_check_processes() -> int:
    return int(getattr(settings, "NEWSAUDIT_LIVE_CHECK_PROCESSES", 1))


def audit_python() -> str:
    """The interpreter to start audit processes with; OSError when this server's executable is no Python."""
    configured = str(getattr(settings, "NEWSAUDIT_LIVE_CHECK_PYTHON", "") or "")
    if configured:
        return configured
    if sys.executable and PYTHON_NAME.fullmatch(os.path.basename(sys.executable)):
        return sys.executable
    raise OSError(f"{sys.executable or 'this server'} is not a Python interpreter; set NEWSAUDIT_LIVE_CHECK_PYTHON")


class Worker:
    """One audit process, used by one request at a time."""

    _ids = itertools.count(1)

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [PACKAGE_ROOT, os.environ.get("PYTHONPATH")])))
        self.process = subprocess.Popen(
            [audit_python(), "-m", "newsaudit.live.audit_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        started = time.monotonic() + START_SECONDS
        while self.alive() and time.monotonic() < started and not self._readable(started):
            pass
        if not self._readable(started) or receive(self.process.stdout) != READY:
            self.kill()
            raise OSError("the audit process did not start")

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            stream.close()

    def _readable(self, until: float) -> bool:
        timeout = max(0.0, min(POLL_SECONDS, until - time.monotonic()))
        return bool(select.select([self.process.stdout], [], [], timeout)[0])

    def audit(self, inputs: Any, config: Any, deadline: float, cancelled: Callable[[], bool] | None) -> tuple:
        """(Document | None, DocumentReport | error message) from the child; AuditStopped when it was killed."""
        job_id = next(self._ids)
        try:
            send(self.process.stdin, (job_id, inputs, config))
        except OSError:
            self.kill()
            raise AuditStopped("the audit process had stopped") from None
        # Past the deadline already (reading the form took it all), the engine still gets a moment to report the
        # bounds, rather than a warm process being killed unasked.
        kill_at = max(deadline, time.monotonic() + MIN_AUDIT_SECONDS) + KILL_GRACE_SECONDS
        cancel_sent = False
        while time.monotonic() < kill_at:
            if self._readable(kill_at):
                answer = receive(self.process.stdout)
                if answer is None:
                    self.kill()
                    raise AuditStopped("the audit process stopped")
                if answer[0] == job_id:
                    return answer[1], answer[2]
            elif not cancel_sent and cancelled is not None and cancelled():
                cancel_sent, kill_at = True, min(kill_at, time.monotonic() + KILL_GRACE_SECONDS)
                try:
                    send(self.process.stdin, (CANCEL, job_id))  # stops between two rules; killed if it cannot
                except OSError:
                    break
        self.kill()
        raise AuditStopped("it took longer than its time budget")


class Pool:
    """At most `live_check_processes()` audit processes, started in the background (the panel's first view starts
    them, so they are warm when the editor's first check comes); a request waits for a free one until its deadline.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: list[Worker] = []
        self.started = 0  # idle, busy or starting
        self.failed_until = 0.0  # after a failed start, audit in-process for a while rather than retry each time

    def prestart(self) -> None:
        """Start audit processes up to the configured number, each in a thread of its own."""
        with self.lock:
            missing = max(0, live_check_processes() - self.started) if time.monotonic() >= self.failed_until else 0
            self.started += missing
        for _ in range(missing):
            threading.Thread(target=self._start, daemon=True).start()

    def _start(self) -> None:
        try:
            worker = Worker()
        except OSError as error:
            with self.lock:
                self.started -= 1
                self.failed_until = time.monotonic() + RETRY_START_SECONDS
            log.warning("newsaudit: no live-check audit process (%s); auditing in the web process", error)
            return
        with self.lock:
            self.idle.append(worker)

    def acquire(self, deadline: float) -> Worker | None:
        """A warm audit process; None when none can be started (audit in-process); AuditStopped when none was free
        before the deadline."""
        self.prestart()
        while True:
            with self.lock:
                worker = self.idle.pop() if self.idle else None
                if worker is None and not self.started:
                    return None
            if worker is not None and worker.alive():
                return worker
            if worker is not None:  # died while idle (killed from outside): replace it
                self.release(worker)
                continue
            if time.monotonic() > deadline:
                raise AuditStopped("no audit process was free in time")
            time.sleep(POLL_SECONDS)

    def release(self, worker: Worker) -> None:
        with self.lock:
            if worker.alive():
                self.idle.append(worker)
                return
            self.started -= 1
        self.prestart()  # a killed process is replaced now, not when the next check waits for it

    def close(self) -> None:
        with self.lock:
            workers, self.idle = self.idle, []
        for worker in workers:
            worker.kill()


POOL = Pool()
atexit.register(POOL.close)


def prestart() -> None:
    """Start the audit processes if they are not running: called when an editor opens a page, so the first check
    finds one warm (starting one takes about a second on an idle machine, several on a busy one)."""
    if live_check_processes() > 0:
        POOL.prestart()


def live_audit(
    page: Page, *, deadline: float, max_chars: int, cancelled: Callable[[], bool] | None = None
) -> tuple[Document | None, dict[str, Any]] | None:
    """Audit an unsaved page in an audit process, as `auditing.audit_page` does in-process (the same config, bounds,
    dismissals and report). None when there is no audit process to use (the caller audits in-process);
    AuditStopped when the process was killed at the deadline or died."""
    if live_check_processes() <= 0:
        return None
    try:
        budget = max(MIN_AUDIT_SECONDS, deadline - time.monotonic())
        config = bounded_config(config_for_site(site_for(page)), budget, max_chars)
        inputs = page_inputs(page)
    except Exception as error:  # as audit_page: a page that cannot be read gets an error report
        log.exception("newsaudit: could not read page %s", page.pk)
        return None, error_report(f"page:{page.pk or 'new'}", f"could not read the page: {error}").to_dict()
    worker = POOL.acquire(deadline)
    if worker is None:
        return None
    try:
        document, outcome = worker.audit(inputs, config, deadline, cancelled)
    finally:
        POOL.release(worker)
    if document is None:
        return None, error_report(inputs.doc_id, str(outcome)).to_dict()
    apply_dismissals(page.pk, outcome, config)
    return document, report_dict(document, outcome)
