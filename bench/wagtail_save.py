"""What the audit adds to saving a 2,000-word article in Wagtail, with the default ImmediateBackend.

Runs `manage.py bench_save` on a temporary SQLite database: the editor's Save over HTTP to `runserver` (one
threaded process, as `make demo`) and to gunicorn (two worker processes, as in production), each server started
with the audit on save switched on and off; and `save_revision()` in a script, where the audit runs inline.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = 2000


def run(saves: int) -> dict:
    print(f"\n== wagtail-save: saving a {WORDS:,}-word article, with and without the audit, median of {saves} saves")
    servers = ["runserver"] + (["gunicorn"] if importlib.util.find_spec("gunicorn") else [])
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("NEWSAUDIT_TASK_BACKEND", "NEWSAUDIT_AUDIT_ON_SAVE")}
        env.update(
            DATABASE_URL=f"sqlite:///{Path(tmp) / 'save.sqlite3'}", DJANGO_SETTINGS_MODULE="example_site.settings"
        )
        _manage(env, "migrate", "--noinput", "-v0")
        figures = {server: _bench(env, saves, "--via", "http", "--server", server) for server in servers}
        figures["script"] = _bench(env, saves, "--via", "revision")
    for result in figures.values():
        print(
            f"   {result['via']}: the save {result['without_ms']:.1f} -> {result['with_ms']:.1f} ms ({result['ratio']:.2f}x)"
        )
        if "round_trip_ratio" in result:
            print(
                f"      save + reload of the edit page {result['round_trip_without_ms']:.1f} -> "
                f"{result['round_trip_with_ms']:.1f} ms ({result['round_trip_ratio']:.2f}x); "
                f"audit stored {result['audit_done_after_ms']:.1f} ms after the click"
            )
    print("   target: the save <= 1.3x (docs/wagtail.md)")
    return figures


def _bench(env: dict, saves: int, *args: str) -> dict:
    out = _manage(env, "bench_save", "--words", str(WORDS), "--repeat", str(saves), "--json", *args)
    return json.loads(out.strip().splitlines()[-1])


def _manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout
