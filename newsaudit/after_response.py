"""Work that waits until the response has gone to the client: an inline audit must not hold up the editor's Save.

Django sends `request_finished` when the server closes the response, after the last byte is written (WSGI servers
call `close()` once the body is sent; the ASGI handler once it is sent). Work deferred during a request runs
there, in the same worker, before it takes the next request. Outside a request (a shell, a management command,
a task worker) nothing is deferred: `defer()` returns False and the caller runs the work itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.core.signals import request_finished, request_started
from django.db import connections

log = logging.getLogger("newsaudit")

# One list per request (a ContextVar, so threads and ASGI requests each see their own); None outside a request.
_pending: ContextVar[list[Callable[[], None]] | None] = ContextVar("newsaudit_after_response", default=None)


def defer(work: Callable[[], None]) -> bool:
    """Run `work` after the current response is sent. False when there is no request to wait for."""
    pending = _pending.get()
    if pending is None:
        return False
    pending.append(work)
    return True


def _on_request_started(**kwargs: Any) -> None:
    left_over = _pending.get()
    _pending.set([])
    if left_over:  # the last response was never closed (a server bug): run its work late rather than never
        _run(left_over)


def _on_request_finished(**kwargs: Any) -> None:
    pending = _pending.get()
    _pending.set(None)
    if pending:
        _run(pending)
        _close_connections_opened_for_the_work()


def _run(pending: list[Callable[[], None]]) -> None:
    for work in pending:
        try:
            work()
        except Exception:  # one failure must not cost the others, nor reach the server
            log.exception("newsaudit: work deferred until after the response failed")


def _close_connections_opened_for_the_work() -> None:
    # Django closed the request's connections just before this receiver ran; close what the work reopened, as
    # Django would (CONN_MAX_AGE), but never a connection inside a transaction (the test client's, say).
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def register() -> None:
    request_started.connect(_on_request_started, dispatch_uid="newsaudit_after_response_started")
    request_finished.connect(_on_request_finished, dispatch_uid="newsaudit_after_response_finished")
