"""The live check under hostile use, measured against the example site served on 127.0.0.1 by runserver (one
threaded process, as `make demo`), on a temporary SQLite database with the sample articles.

    python -m bench.hostile [--megabytes 2] [--runs 3] [--server runserver|gunicorn] [--no-engine] [--json FILE]
    python -m bench.hostile --profile [--megabytes 2]

`--profile` posts the hostile form once in-process (Django's test client) under cProfile and prints where the time
went, the functions with the most cumulative time first.

Measures: the live check of an edit form holding one N MB paragraph (time, status, response size), the server's
resident memory (peak, sampled every 50 ms), another editor's panel requests meanwhile (latency), the answers to
malformed requests, the rate limit, and the engine's cost for 100 KB and 1 MB of text with no length bound
(the linear-cost check: 1 MB must cost at most ~12x 100 KB). Figures go to docs/security.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOUNDARY = "newsauditbenchboundary"
SENTENCE = "Observers note that the reservoir fell 4% after the storm, officials said on Monday. "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=2.0, help="size of the hostile paragraph (default 2)")
    parser.add_argument("--runs", type=int, default=3, help="hostile checks to send, one after another (default 3)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--server",
        choices=list(SERVERS),
        default="runserver",
        help="runserver (one threaded process, as `make demo`; default) or gunicorn (2 worker processes)",
    )
    parser.add_argument("--no-engine", action="store_true", help="skip the engine's 100 KB / 1 MB linear-cost run")
    parser.add_argument("--profile", action="store_true", help="profile one hostile check in-process and stop")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'hostile.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings"
        if args.profile:
            profile(args.megabytes)
            return 0
        figures = run(args.megabytes, args.runs, args.server)
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    figures["engine"] = {} if args.no_engine else linear_cost()
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


def run(megabytes: float, runs: int, server: str = "runserver") -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_sample_site", verbosity=0)
    setup = prepare(megabytes)
    with serve(server) as (port, pid):
        warm(port, setup)
        idle = [timed_get(port, setup["panel"], setup["other_cookie"])[0] for _ in range(20)]
        rss_idle = rss_mb(pid)
        hostile, others, peak = under_attack(port, pid, setup, runs)
        malformed = malformed_answers(port, setup)
        limited = rate_limit(port, setup)
    return {
        "server": server,
        "paragraph_bytes": setup["paragraph_bytes"],
        "request_bytes": len(setup["hostile_body"]),
        "hostile": hostile,
        "other_editor_idle_ms": summary_ms(idle),
        "other_editor_during_ms": summary_ms(others),
        "server_rss_mb": {"idle": rss_idle, "peak": peak},
        "malformed": malformed,
        "rate_limit": limited,
    }


def profile(megabytes: float, top: int = 60) -> None:
    import cProfile
    import pstats

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_sample_site", verbosity=0)
    setup = prepare(megabytes)
    client = Client(HTTP_COOKIE=setup["hostile_cookie"], HTTP_X_CSRFTOKEN=CSRF_SECRET)
    content_type = f"multipart/form-data; boundary={BOUNDARY}"
    from newsaudit.live.live_audit import POOL, live_check_processes

    POOL.prestart()  # the live check's audit process, as the panel's first view starts it
    deadline = time.monotonic() + 120
    while live_check_processes() and not POOL.idle and time.monotonic() < deadline:
        time.sleep(0.2)
    client.post(setup["check"], setup["small_body"], content_type=content_type)  # warm: lexicons load once
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    response = client.post(setup["check"], setup["hostile_body"], content_type=content_type)
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(f"== one {megabytes} MB hostile check in-process: {elapsed:.2f} s, HTTP {response.status_code}")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def prepare(megabytes: float) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    from example_site.news.models import ArticlePage

    target, other = ArticlePage.objects.order_by("pk")[:2]
    paragraph = SENTENCE * int(megabytes * 1_000_000 / len(SENTENCE))

    def form(text: str) -> bytes:
        fields = {
            "title": target.title,
            "slug": target.slug,
            "byline": target.byline,
            "dateline": target.dateline,
            "credit": target.credit,
            "standfirst": rich_text(""),
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "comments": inline_formset([]),
        }
        return multipart(nested_form_data(fields))

    return {
        "check": reverse("newsaudit:check", args=[target.pk]),
        "panel": reverse("newsaudit:panel", args=[other.pk]),
        "hostile_body": form(paragraph),
        "small_body": form(SENTENCE * 20),
        "paragraph_bytes": len(paragraph.encode()),
        "hostile_cookie": session_cookie(Client(), superuser(get_user_model(), "hostile-editor")),
        "other_cookie": session_cookie(Client(), superuser(get_user_model(), "other-editor")),
    }


CSRF_SECRET = "newsauditbenchcsrfsecret00000000"  # 32 characters: Django accepts an unmasked secret as the token


def superuser(model, name: str):
    return model.objects.filter(username=name).first() or model.objects.create_superuser(name, f"{name}@e.org", None)


def session_cookie(client, user) -> str:
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF_SECRET}"


def multipart(fields: dict[str, str]) -> bytes:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n"
        for name, value in fields.items()
    ]
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


SERVERS = {
    "runserver": lambda port: [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
    "gunicorn": lambda port: [
        *(sys.executable, "-m", "gunicorn", "example_site.wsgi", "--workers", "2", "--timeout", "120"),
        *("--bind", f"127.0.0.1:{port}"),
    ],
}


@contextmanager
def serve(kind: str):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = SERVERS[kind](port)
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=dict(os.environ), stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise SystemExit(f"runserver did not start:\n{log.read()[-3000:]}") from None
                    time.sleep(0.1)
            yield port, server.pid
        finally:
            server.terminate()
            server.wait(timeout=10)


def request(port: int, method: str, path: str, cookie: str, body: bytes | None = None, content_type: str = ""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie, "X-CSRFToken": CSRF_SECRET, "X-Requested-With": "XMLHttpRequest"}
    if body is not None:
        headers["Content-Type"] = content_type or f"multipart/form-data; boundary={BOUNDARY}"
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        return time.perf_counter() - started, response.status, content, dict(response.getheaders())
    finally:
        connection.close()


def timed_get(port: int, path: str, cookie: str) -> tuple[float, int]:
    elapsed, status, _content, _headers = request(port, "GET", path, cookie)
    return elapsed, status


def warm(port: int, setup: dict, seconds: float = 120) -> None:
    # The panel's first view starts the live check's audit process; then real checks of a short article until one
    # is audited (not "stopped": the process is still loading the engine's lexicons).
    timed_get(port, setup["panel"], setup["other_cookie"])
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _elapsed, status, content, _headers = request(
            port, "POST", setup["check"], setup["other_cookie"], setup["small_body"]
        )
        if status == 200 and b"was stopped" not in content:
            break
        time.sleep(1)
    for _ in range(3):
        timed_get(port, setup["panel"], setup["other_cookie"])


def rss_mb(pid: int) -> float:
    import psutil

    process = psutil.Process(pid)
    return round(sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 2**20, 1)


def under_attack(port: int, pid: int, setup: dict, runs: int) -> tuple[list[dict], list[float], float]:
    done = threading.Event()
    others: list[float] = []
    peak = [0.0]
    slow: list[tuple[float, float]] = []  # (seconds since the first hostile request was sent, latency)
    began = time.perf_counter()

    def other_editor() -> None:
        while not done.is_set():
            sent = time.perf_counter() - began
            latency = timed_get(port, setup["panel"], setup["other_cookie"])[0]
            others.append(latency)
            if latency > 0.3:
                slow.append((round(sent, 2), round(latency, 2)))
            time.sleep(0.05)

    def sampler() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(pid))
            time.sleep(0.05)

    threads = [threading.Thread(target=other_editor), threading.Thread(target=sampler)]
    for thread in threads:
        thread.start()
    hostile = []
    try:
        for _ in range(runs):
            print(f"   hostile check sent at {time.perf_counter() - began:.2f} s")
            elapsed, status, content, _headers = request(
                port, "POST", setup["check"], setup["hostile_cookie"], setup["hostile_body"]
            )
            hostile.append(
                {
                    "seconds": round(elapsed, 2),
                    "status": status,
                    "response_bytes": len(content),
                    "partial": b"This audit is partial" in content,
                    "na506": b'"NA506"' in content,
                }
            )
    finally:
        done.set()
        for thread in threads:
            thread.join()
    if slow:
        print(f"   other editor's requests over 0.3 s (sent at s, took s): {slow}")
    return hostile, others, peak[0]


MALFORMED = {
    "empty body": (b"", "application/x-www-form-urlencoded"),
    "JSON": (b'{"title": "x"}', "application/json"),
    "text/plain": (b"title=x", "text/plain"),
    "broken multipart": (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nab'.encode(), ""),
    "bad body-count": (b"title=x&slug=x&body-count=abc", "application/x-www-form-urlencoded"),
    "invalid UTF-8": (b"title=%ff%fe&slug=x&body-count=0", "application/x-www-form-urlencoded"),
}


def malformed_answers(port: int, setup: dict) -> dict[str, str]:
    answers = {}
    for name, (body, content_type) in MALFORMED.items():
        _elapsed, status, content, _headers = request(
            port, "POST", setup["check"], setup["other_cookie"], body, content_type
        )
        answers[name] = f"{status} {content.decode('utf-8', 'replace')[:100]}"
    return answers


def rate_limit(port: int, setup: dict) -> dict:
    statuses, retry_after = [], None
    for _ in range(40):
        _elapsed, status, _content, headers = request(
            port, "POST", setup["check"], setup["other_cookie"], b"", "text/plain"
        )
        statuses.append(status)
        retry_after = headers.get("Retry-After", retry_after)
    return {"requests": len(statuses), "429": statuses.count(429), "retry_after": retry_after}


def linear_cost(runs: int = 3) -> dict:
    from newsaudit.engine import Config, audit, read_text

    unbounded = Config().merge({"max_text_chars": 0, "time_budget_seconds": 0})
    audit(read_text(SENTENCE * 20, "warm"))
    seconds = {}
    for size in (100_000, 1_000_000):
        text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            audit(read_text(text, "bench"), unbounded)
            times.append(time.perf_counter() - started)
        seconds[size] = statistics.median(times)
    return {
        "100KB_s": round(seconds[100_000], 2),
        "1MB_s": round(seconds[1_000_000], 2),
        "ratio": round(seconds[1_000_000] / seconds[100_000], 1),
    }


def summary_ms(values: list[float]) -> dict:
    if not values:
        return {}
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "median": round(1000 * statistics.median(ordered), 1),
        "p95": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1),
        "max": round(1000 * ordered[-1], 1),
    }


def report(figures: dict) -> None:
    print(
        f"== hostile live check: one {figures['paragraph_bytes'] / 1e6:.1f} MB paragraph "
        f"({figures['request_bytes'] / 1e6:.2f} MB request) to {figures['server']} on 127.0.0.1"
    )
    for run_ in figures["hostile"]:
        print(
            f"   {run_['seconds']:.2f} s, HTTP {run_['status']}, {run_['response_bytes'] / 1e3:.0f} KB response, "
            f"NA506 {run_['na506']}, marked partial {run_['partial']}"
        )
    print(f"   server RSS: idle {figures['server_rss_mb']['idle']} MB, peak {figures['server_rss_mb']['peak']} MB")
    print(
        f"   other editor's panel: idle {figures['other_editor_idle_ms']}, meanwhile {figures['other_editor_during_ms']} (ms)"
    )
    for name, answer in figures["malformed"].items():
        print(f"   {name}: {answer}")
    print(f"   rate limit: {figures['rate_limit']}")
    print(f"   load average at the end: {figures.get('load_average')}")
    engine = figures["engine"]
    if not engine:
        return
    print(f"   engine, no length bound: 100 KB {engine['100KB_s']} s, 1 MB {engine['1MB_s']} s ({engine['ratio']}x)")


if __name__ == "__main__":
    sys.exit(main())
