"""Work that waits until the response has gone to the client: an inline audit must not hold up the editor's Save.

Django sends `request_finished` when the server closes the response, after the last byte is written (WSGI servers
call `close()` once the body is sent; Django's ASGI handler once it is sent). Work deferred during a request runs
there, in the same worker, before it takes the next request. Outside a request (a shell, a management command,
a task worker) nothing is deferred: `defer()` returns False and the caller runs the work itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from django.core.signals import request_finished, request_started
from django.db import connections

log = logging.getLogger("newsaudit")

# One list per request, None outside a request. Per thread, not a ContextVar: under ASGI, Django sends
# request_started from tasks that run in copies of the request's context, so a ContextVar set there is lost; but
# the receivers, the view and response.close() all run on the request's one sync thread (asgiref's
# ThreadSensitiveContext), as everything does on a WSGI server's request thread.
_local = threading.local()


def _pending() -> list[Callable[[], None]] | None:
    return getattr(_local, "pending", None)


def defer(work: Callable[[], None]) -> bool:
    """Run `work` after the current response is sent. False when there is no request to wait for."""
    pending = _pending()
    if pending is None:
        return False
    pending.append(work)
    return True


def _on_request_started(**kwargs: Any) -> None:
    left_over = _pending()
    _local.pending = []
    if left_over:  # the last response was never closed (a server bug): run its work late rather than never
        _run(left_over)


def _on_request_finished(**kwargs: Any) -> None:
    pending = _pending()
    _local.pending = None
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
