"""The live check's audit in a child process (newsaudit.live.live_audit): the same panel as the in-process audit, the
time budget enforced by killing the process, a killed or dead process replaced, a newer check cancelling."""

import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from newsaudit.engine import Config
from newsaudit.engine.audit import STOPPED_CANCELLED
from newsaudit.live import live_audit
from newsaudit.live.live_audit import POOL, AuditStopped
from newsaudit.pages.inputs import PageInputs

from .conftest import WEASEL_PARAGRAPH
from .test_panel_views import edit_form

START_SECONDS = 240  # importing the engine and loading its lexicons on a shared, busy test machine


def wait_for_idle_process() -> None:
    POOL.prestart()
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        with POOL.lock:
            if any(worker.alive() for worker in POOL.idle):
                return
        time.sleep(0.2)
    pytest.fail("no audit process became ready")


@pytest.fixture
def processes(settings):
    settings.NEWSAUDIT_LIVE_CHECK_PROCESSES = 1
    settings.NEWSAUDIT_LIVE_CHECK_TIME_BUDGET = 60  # the test machine is shared; the kill test shortens it
    settings.NEWSAUDIT_LIVE_CHECKS_PER_MINUTE = 0
    cache.clear()
    wait_for_idle_process()
    return POOL


@pytest.fixture
def editor(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


def check(editor, page, html=WEASEL_PARAGRAPH) -> str:
    response = editor.post(reverse("newsaudit:check", args=[page.pk]), edit_form(page, html))
    assert response.status_code == 200, response.content[:300]
    return response.content.decode()


def rules_of(html: str) -> set[str]:
    return {part.split('"', 1)[0] for part in html.split('data-newsaudit-finding="')[1:]}


def test_the_process_audits_as_the_web_process_does(processes, editor, saved_article, settings):
    in_child = check(editor, saved_article)
    assert "data-unsaved" in in_child and "NA201" in rules_of(in_child)
    settings.NEWSAUDIT_LIVE_CHECK_PROCESSES = 0
    assert rules_of(check(editor, saved_article)) == rules_of(in_child)


def test_a_check_past_its_deadline_is_killed_and_the_process_replaced(processes, editor, saved_article, monkeypatch):
    with POOL.lock:
        before = {worker.process.pid for worker in POOL.idle}
    monkeypatch.setattr(live_audit, "KILL_GRACE_SECONDS", 0.0)
    monkeypatch.setattr(live_audit, "MIN_AUDIT_SECONDS", 0.0)
    monkeypatch.setattr("newsaudit.panels.views.live_check_time_budget", lambda: 0.0)
    stopped = check(editor, saved_article)
    assert "was stopped" in stopped and "data-unsaved" not in stopped  # the last saved audit, with a notice
    monkeypatch.undo()
    wait_for_idle_process()
    with POOL.lock:
        assert {worker.process.pid for worker in POOL.idle}.isdisjoint(before)
    assert "NA201" in rules_of(check(editor, saved_article))


def test_a_process_that_died_is_replaced(processes, editor, saved_article):
    with POOL.lock:
        worker = POOL.idle[0]
    worker.process.kill()
    worker.process.wait()
    assert "NA201" in rules_of(check(editor, saved_article))


def test_a_newer_check_cancels_the_audit_in_the_process(processes):
    worker = POOL.acquire(time.monotonic() + START_SECONDS)
    text = "Observers note that the ferry was late again, critics say. " * 800
    inputs = PageInputs("page:1", "Ferry", {"body": f"<p>{text}</p>"})
    try:
        _document, report = worker.audit(inputs, Config(), time.monotonic() + 60, cancelled=lambda: True)
        assert report.partial and report.partial["stopped"] == STOPPED_CANCELLED
    except AuditStopped:  # still in the analyses a rule boundary would stop: killed after the grace, also bounded
        assert not worker.alive()
    finally:
        POOL.release(worker)


def test_the_audit_python_is_never_a_server_binary(settings, monkeypatch):
    settings.NEWSAUDIT_LIVE_CHECK_PYTHON = ""
    monkeypatch.setattr(live_audit.sys, "executable", "/usr/local/bin/uwsgi")  # as under uWSGI
    with pytest.raises(OSError, match="NEWSAUDIT_LIVE_CHECK_PYTHON"):
        live_audit.audit_python()
    monkeypatch.setattr(live_audit.sys, "executable", "/srv/site/.venv/bin/python3.12")
    assert live_audit.audit_python() == "/srv/site/.venv/bin/python3.12"
    settings.NEWSAUDIT_LIVE_CHECK_PYTHON = "/opt/python/bin/python3"
    monkeypatch.setattr(live_audit.sys, "executable", "/usr/sbin/httpd")  # as under mod_wsgi
    assert live_audit.audit_python() == "/opt/python/bin/python3"


def test_a_server_without_a_python_executable_audits_in_process(settings, monkeypatch, editor, saved_article):
    settings.NEWSAUDIT_LIVE_CHECK_PROCESSES = 1
    settings.NEWSAUDIT_LIVE_CHECK_PYTHON = ""
    settings.NEWSAUDIT_LIVE_CHECKS_PER_MINUTE = 0
    cache.clear()
    monkeypatch.setattr(live_audit.sys, "executable", "/usr/local/bin/uwsgi")
    monkeypatch.setattr(live_audit, "POOL", live_audit.Pool())
    started = time.monotonic()
    assert "NA201" in rules_of(check(editor, saved_article))
    assert time.monotonic() - started < 30  # no wait for a process that cannot start


def test_the_audit_process_imports_neither_django_nor_wagtail():
    code = "import sys, newsaudit.live.audit_worker; print(sorted({m.split('.')[0] for m in sys.modules}))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    loaded = run.stdout
    assert "'newsaudit'" in loaded and "'django'" not in loaded and "'wagtail'" not in loaded
