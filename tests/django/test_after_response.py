"""With the ImmediateBackend an editor's Save returns before its audit runs: the audit waits for the response.

These tests drive Django's WSGI application the way a WSGI server does (call it, read the body, then close the
response), and its ASGI application the way an ASGI server does, so they can look at the database between "the
response is complete" and "the server closed it".
"""

import io
import logging
from urllib.parse import urlencode

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse

from newsaudit import after_response
from newsaudit.models import AuditResult

from .conftest import CLEAN_PARAGRAPH
from .test_panel_views import edit_form

CSRF_SECRET = "testcsrfsecrettestcsrfsecret0000"  # 32 characters: accepted as an unmasked CSRF token


def wsgi_post(app: WSGIHandler, path: str, data: dict, session: str) -> tuple[str, object]:
    """POST like a WSGI server: returns the status line and the response, whose body is read but not closed."""
    body = urlencode({**data, "csrfmiddlewaretoken": CSRF_SECRET}, doseq=True).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_HOST": "localhost",
        "HTTP_COOKIE": f"sessionid={session}; csrftoken={CSRF_SECRET}",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    statuses = []
    response = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(response)  # the server sends the whole body ...
    return statuses[0], response  # ... and only then calls close()


@pytest.fixture
def committing_db(transactional_db, django_db_serialized_rollback):
    """Real commits (so on_commit fires as in production), with the migrated pages restored afterwards."""


@pytest.fixture
def session(committing_db, admin_user) -> str:
    client = Client()
    client.force_login(admin_user)
    return client.cookies["sessionid"].value


def test_the_save_response_is_complete_before_the_audit_runs(session, article):
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    status, response = wsgi_post(WSGIHandler(), url, edit_form(article, CLEAN_PARAGRAPH), session)
    assert status.startswith("302")
    revision = article.revisions.order_by("-pk").first()
    assert revision is not None  # the save committed ...
    assert not AuditResult.objects.filter(revision=revision).exists()  # ... and its audit has not run yet
    response.close()  # the server is done with the response
    result = AuditResult.objects.get(revision=revision)
    assert result.is_latest and "NA201" not in result.rule_codes.split()


def test_a_save_outside_a_request_is_audited_on_commit(committing_db, article):
    revision = article.save_revision()  # autocommit: on_commit runs at once, and there is no response to wait for
    assert "NA201" in AuditResult.objects.get(revision=revision).rule_codes.split()


def test_worker_backends_are_not_deferred(settings):
    from newsaudit.tasks import IMMEDIATE_BACKEND, runs_inline

    settings.TASKS = {
        "default": {"BACKEND": IMMEDIATE_BACKEND},
        "threads": {"BACKEND": "newsaudit.task_backends.ThreadBackend"},
    }
    assert runs_inline("default")
    assert not runs_inline("threads")
    assert not runs_inline("no-such-alias")


def test_audit_on_save_can_be_switched_off(committing_db, article, settings):
    settings.NEWSAUDIT_AUDIT_ON_SAVE = False
    article.save_revision()
    assert not AuditResult.objects.exists()


@pytest.fixture
def request_signals_without_closing_connections(db):
    """Django closes connections on these signals; the test client disconnects that too, to keep its transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_deferred_work_runs_once_in_order_and_a_failure_spares_the_rest(
    request_signals_without_closing_connections, caplog
):
    done = []

    def broken() -> None:
        raise RuntimeError("deferred work exploded")

    assert not after_response.defer(lambda: done.append("outside"))  # no request: the caller runs it
    request_started.send(sender=None)
    assert after_response.defer(lambda: done.append("first"))
    assert after_response.defer(broken)
    assert after_response.defer(lambda: done.append("second"))
    assert done == []
    with caplog.at_level(logging.ERROR, logger="newsaudit"):
        request_finished.send(sender=None)
    assert done == ["first", "second"]
    assert "deferred work exploded" in caplog.text
    request_finished.send(sender=None)  # a second close runs nothing again
    assert done == ["first", "second"]
    assert not after_response.defer(lambda: None)


def test_under_asgi_too_the_response_is_sent_before_the_audit_runs(session, article):
    import asyncio

    from asgiref.sync import sync_to_async
    from django.core.handlers.asgi import ASGIHandler

    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    body = urlencode({**edit_form(article, CLEAN_PARAGRAPH), "csrfmiddlewaretoken": CSRF_SECRET}, doseq=True).encode()
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": url,
        "raw_path": url.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"localhost"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", str(len(body)).encode()),
            (b"cookie", f"sessionid={session}; csrftoken={CSRF_SECRET}".encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("localhost", 80),
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    seen: dict = {}
    response_sent = asyncio.Event()

    async def receive() -> dict:
        if messages:
            return messages.pop(0)
        await response_sent.wait()  # then the client goes away, as it does once it has the response
        return {"type": "http.disconnect"}

    def audits_of_latest_revision() -> tuple[int, int]:
        revision = article.revisions.order_by("-pk").first()
        return revision.pk, AuditResult.objects.filter(revision=revision).count()

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            seen["status"] = message["status"]
        elif not message.get("more_body"):
            seen["at_response"] = await sync_to_async(audits_of_latest_revision)()
            response_sent.set()

    asyncio.run(ASGIHandler()(scope, receive, send))
    assert seen["status"] == 302
    revision_id, audits_when_sent = seen["at_response"]
    assert audits_when_sent == 0  # the whole response had gone out before the audit ran ...
    assert AuditResult.objects.filter(revision_id=revision_id).count() == 1  # ... and then it ran
