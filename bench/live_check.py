"""The editor's live check of unsaved changes: server time for a 2,000-word article, median of 20 (target < 300 ms).

Runs `manage.py bench_check` on a temporary SQLite database.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .wagtail_save import _manage

WORDS = 2000
TARGET_MS = 300


def run(checks: int = 20) -> dict:
    print(f"\n== live-check: the panel's check of a {WORDS:,}-word unsaved article, median of {checks}")
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("NEWSAUDIT_TASK_BACKEND", "NEWSAUDIT_AUDIT_ON_SAVE")}
        env.update(
            DATABASE_URL=f"sqlite:///{Path(tmp) / 'check.sqlite3'}", DJANGO_SETTINGS_MODULE="example_site.settings"
        )
        _manage(env, "migrate", "--noinput", "-v0")
        out = _manage(env, "bench_check", "--words", str(WORDS), "--repeat", str(checks), "--json")
    figures = json.loads(out.strip().splitlines()[-1])
    print(
        f"   server time {figures['median_ms']:.1f} ms (CPU {figures['cpu_median_ms']:.1f} ms, "
        f"max {figures['max_ms']:.1f} ms), "
        f"panel {figures['panel_bytes']:,} bytes; target < {TARGET_MS} ms"
    )
    return figures
