"""Measure what the plugin adds to saving a page: an N-word article saved with and without newsaudit.

--via http is what an editor waits for: the Save POST to a real `runserver` process (started twice, with
NEWSAUDIT_AUDIT_ON_SAVE on and off), then the GET of the edit page it redirects to. --via edit-view is the same
POST through Django's test client (which closes the response inside the call, so work deferred until after the
response is timed too); --via revision is page.save_revision() in this process (a script or an import).
"""

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from example_site.news.models import ArticlePage, SectionPage
from example_site.news.sample_site import ensure_home, ensure_section
from newsaudit.models import AuditResult
from newsaudit.signal_handlers import on_revision_saved
from newsaudit.tasks import IMMEDIATE_BACKEND as IMMEDIATE
from newsaudit.tasks import audit_revision_task

BACKENDS = {
    "immediate": IMMEDIATE,
    "thread": "newsaudit.task_backends.ThreadBackend",
}

SENTENCES = [
    "The council said on Tuesday that the harbour wall would be repaired before the winter storms.",
    "Engineers found cracks in three sections, according to a report published by the port authority.",
    "Residents who live on the quay said the work would close the footpath for several weeks.",
    "The repairs are expected to cost about two million pounds, the authority's budget shows.",
]


def article_paragraphs(words: int, salt: int) -> list[dict]:
    paragraphs, count, index = [], 0, 0
    while count < words:
        text = " ".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(3))
        paragraphs.append({"type": "paragraph", "value": f"<p>{text} Update {salt}.</p>", "id": f"p{index}"})
        count += len(text.split()) + 2
        index += 1
    return paragraphs


ROOT = Path(__file__).resolve().parents[4]
WARM_UPS = 6  # per server: each gunicorn worker loads its templates, lexicons and dictionaries on first use
CSRF_SECRET = "newsauditbenchcsrfsecret00000000"  # 32 characters: Django accepts an unmasked secret as the token


def edit_form(page: ArticlePage, words: int, salt: int) -> dict:
    blocks = [("paragraph", rich_text(p["value"])) for p in article_paragraphs(words, salt)]
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "byline": "",
            "dateline": "",
            "credit": "",
            "standfirst": rich_text(""),
            "body": streamfield(blocks),
            "comments": inline_formset([]),
        }
    )


def bench_page() -> ArticlePage:
    section: SectionPage = ensure_section(ensure_home(), "Benchmarks")
    return section.add_child(instance=ArticlePage(title="Save benchmark", slug=f"bench-{time.time_ns()}"))


def bench_user():
    user_model = get_user_model()
    user = user_model.objects.filter(username="newsaudit-bench").first()
    return user or user_model.objects.create_superuser("newsaudit-bench", "bench@example.org", None)


class Command(BaseCommand):
    help = "Time saving an N-word article with the newsaudit audit-on-save enabled and disabled."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=2000)
        parser.add_argument("--repeat", type=int, default=15)
        parser.add_argument("--backend", choices=["immediate", "thread"], default="immediate")
        parser.add_argument(
            "--via",
            choices=["http", "edit-view", "revision"],
            default="http",
            help="http: the editor's Save to a real runserver; edit-view: the same POST through the test "
            "client; revision: page.save_revision() in this process",
        )
        parser.add_argument(
            "--server",
            choices=list(SERVERS),
            default="runserver",
            help="--via http: runserver (one threaded process, as `make demo`) or gunicorn (2 sync worker "
            "processes, as in production; needs `pip install gunicorn`)",
        )
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the figures as JSON")

    def handle(self, *args, words: int, repeat: int, backend: str, via: str, server: str, as_json: bool, **options):
        self._json, self._server = as_json, server
        label = f"{backend} backend, {via}" + (f" ({server})" if via == "http" else "")
        if via == "http":
            return self._bench_http(words, repeat, backend, label)
        tasks = {"default": {"BACKEND": IMMEDIATE}, "newsaudit": {"BACKEND": BACKENDS[backend]}}
        with override_settings(TASKS=tasks, NEWSAUDIT_TASK_BACKEND="newsaudit", ALLOWED_HOSTS=["*"]):
            self._save = self._save_revision if via == "revision" else self._edit_view_saver()
            self._bench(words, repeat, label)

    def _report(self, label: str, words: int, repeat: int, with_plugin: list, without: list, **extra) -> None:
        a, b = statistics.median(with_plugin), statistics.median(without)
        figures = {"via": label, "words": words, "saves": repeat, "with_ms": round(a * 1000, 1)}
        figures.update(without_ms=round(b * 1000, 1), ratio=round(a / b, 2), **extra)
        if self._json:
            self.stdout.write(json.dumps(figures))
            return
        self.stdout.write(
            f"{label}, {words}-word article, median of {repeat} saves: without newsaudit {b * 1000:.1f} ms, "
            f"with newsaudit {a * 1000:.1f} ms, ratio {a / b:.2f}x"
        )
        for key, value in extra.items():
            self.stdout.write(f"  {key}: {value}")

    def _bench(self, words: int, repeat: int, label: str) -> None:
        page = bench_page()
        try:
            self._save(page, words, 0)  # warm up both paths: templates, lexicons, query plans
            with_plugin = [self._save(page, words, i) for i in range(1, repeat + 1)]
            post_save.disconnect(on_revision_saved, sender=Revision, dispatch_uid="newsaudit_revision_saved")
            without = [self._save(page, words, i) for i in range(repeat + 1, 2 * repeat + 1)]
        finally:
            post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="newsaudit_revision_saved")
            page.delete()
        self._report(label, words, repeat, with_plugin, without)

    # --via http ---------------------------------------------------------------------------------------------

    def _bench_http(self, words: int, repeat: int, backend: str, label: str) -> None:
        if backend != "immediate":
            raise CommandError("--via http runs the site's own TASKS setting; use --backend immediate")
        page = bench_page()
        client = Client()
        client.force_login(bench_user())
        cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF_SECRET}"
        try:
            with_plugin = self._http_saves(page, words, range(0, repeat + WARM_UPS), cookie, audit_on_save=True)
            without = self._http_saves(page, words, range(1000, 1000 + repeat + WARM_UPS), cookie, audit_on_save=False)
        finally:
            page.delete()
        self._report_http(label, words, repeat, with_plugin, without)

    def _report_http(self, label: str, words: int, repeat: int, with_plugin: tuple, without: tuple) -> None:
        (post_a, get_a, audit_a), (post_b, get_b, _) = with_plugin, without
        round_a = [p + g for p, g in zip(post_a, get_a, strict=True)]
        round_b = [p + g for p, g in zip(post_b, get_b, strict=True)]
        extra = {
            "round_trip_with_ms": round(statistics.median(round_a) * 1000, 1),
            "round_trip_without_ms": round(statistics.median(round_b) * 1000, 1),
            "round_trip_ratio": round(statistics.median(round_a) / statistics.median(round_b), 2),
            "audit_done_after_ms": round(statistics.median(audit_a) * 1000, 1),
        }
        self._report(label, words, repeat, post_a, post_b, **extra)

    def _http_saves(self, page: ArticlePage, words: int, salts: range, cookie: str, audit_on_save: bool) -> tuple:
        """Time each Save POST and the GET it redirects to; the first saves warm up every server process."""
        posts, gets, audits = [], [], []
        with serve(self._server, audit_on_save) as port:
            for salt in salts:
                audited = AuditResult.objects.filter(page_id=page.pk).count()
                body = urlencode({**edit_form(page, words, salt), "csrfmiddlewaretoken": CSRF_SECRET})
                started = time.perf_counter()
                status, location = http_request(port, "POST", f"/admin/pages/{page.pk}/edit/", cookie, body)
                posted = time.perf_counter()
                if status != 302:
                    raise CommandError(f"the edit view did not save (HTTP {status})")
                get_status, _ = http_request(port, "GET", location, cookie)
                got = time.perf_counter()
                if get_status != 200:
                    raise CommandError(f"the edit page did not load after the save (HTTP {get_status})")
                if audit_on_save:
                    audits.append(wait_for_audit(page, audited + 1) - started)
                posts.append(posted - started)
                gets.append(got - posted)
        return posts[WARM_UPS:], gets[WARM_UPS:], audits[WARM_UPS:]

    # --via edit-view and --via revision -------------------------------------------------------------------

    def _edit_view_saver(self):
        """The editor's Save through Django's test client (validation, revision, audit, redirect)."""
        client = Client()
        client.force_login(bench_user())

        def save(page: ArticlePage, words: int, salt: int) -> float:
            data = edit_form(page, words, salt)
            started = time.perf_counter()
            response = client.post(f"/admin/pages/{page.pk}/edit/", data)
            elapsed = time.perf_counter() - started
            if response.status_code != 302:
                raise CommandError(f"the edit view did not save (HTTP {response.status_code})")
            self._drain()
            return elapsed

        return save

    def _drain(self) -> None:
        drain = getattr(audit_revision_task.using(backend="newsaudit").get_backend(), "drain", None)
        if drain:
            drain()  # let a background audit finish before the next save, outside the timed part

    def _save_revision(self, page: ArticlePage, words: int, salt: int) -> float:
        page.body = article_paragraphs(words, salt)  # new content every time: a real audit, never the skip path
        started = time.perf_counter()
        with transaction.atomic():  # on_commit (the audit, with ImmediateBackend) runs when this block commits
            page.save_revision()
        elapsed = time.perf_counter() - started
        self._drain()
        return elapsed


SERVERS = {
    "runserver": lambda port: [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
    "gunicorn": lambda port: (
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        + ["example_site.wsgi:application"]
    ),
}


@contextmanager
def serve(kind: str, audit_on_save: bool):
    """The example site in its own server process on a free port, with this process's database."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NEWSAUDIT_AUDIT_ON_SAVE": "1" if audit_on_save else "0"}
    command = SERVERS[kind](port)
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            wait_for_port(port, server)
            yield port
        except CommandError as error:
            log.seek(0)
            raise CommandError(f"{error}\n{kind} said:\n{log.read()[-3000:]}") from error
        finally:
            server.terminate()
            server.wait(timeout=10)


def wait_for_port(port: int, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError(f"runserver exited with code {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise CommandError(f"runserver did not listen on port {port} within {timeout:.0f} s")


def http_request(port: int, method: str, path: str, cookie: str, body: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


def wait_for_audit(page: ArticlePage, count: int, timeout: float = 30) -> float:
    """When (perf_counter) the page's audit count reached `count`: the deferred audit of the last save is stored."""
    deadline = time.monotonic() + timeout
    while AuditResult.objects.filter(page_id=page.pk).count() < count:
        if time.monotonic() > deadline:
            raise CommandError("the audit of the last save was not stored within 30 s")
        time.sleep(0.002)
    return time.perf_counter()
