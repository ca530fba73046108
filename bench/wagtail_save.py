"""What the audit adds to saving a page in Wagtail: save_revision().publish() of a 2,000-word article with the
plugin's audit-on-save running inline (ImmediateBackend, the default) against the same save with the plugin's
revision handler disconnected. Runs in a subprocess on a temporary SQLite database."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = 2000
SAVES = 10


def run(runs: int = SAVES) -> dict:
    print(f"\n== wagtail-save: save_revision().publish() of a {WORDS:,}-word article, median of {runs} saves")
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "NEWSAUDIT_TASK_BACKEND"}
        env.update(
            DATABASE_URL=f"sqlite:///{Path(tmp) / 'save.sqlite3'}", DJANGO_SETTINGS_MODULE="example_site.settings"
        )
        done = subprocess.run(
            [sys.executable, "-m", "bench.wagtail_save", str(runs)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    ratio = result["with_plugin"] / result["without_plugin"]
    print(f"   without the audit {result['without_plugin'] * 1000:8.1f} ms")
    print(f"   with the audit    {result['with_plugin'] * 1000:8.1f} ms   ({ratio:.2f}x; target <= 1.3x)")
    return {**result, "ratio": round(ratio, 2), "words": WORDS}


def _article_body(words: int) -> list[dict]:
    from example_site.news.synthetic import make_article

    body, count, index = [], 0, 0
    while count < words:
        for block in make_article(7, index).body:
            if block["type"] == "paragraph":
                block = {**block, "id": f"{block['id']}-{index}"}
                body.append(block)
                count += len(block["value"].split())
        index += 1
    return body


def _time_saves(page, runs: int) -> float:
    seconds = []
    for i in range(runs):
        page.title = f"Save overhead test {i}"
        started = time.perf_counter()
        page.save_revision().publish()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def _measure(runs: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models.signals import post_save
    from wagtail.models import Revision

    from example_site.news.models import ArticlePage
    from example_site.news.sample_site import ensure_home, ensure_section
    from newsaudit.models import AuditResult
    from newsaudit.signal_handlers import on_revision_saved

    call_command("migrate", "--noinput", verbosity=0)
    section = ensure_section(ensure_home(), "City")
    page = section.add_child(
        instance=ArticlePage(title="Save overhead", slug="save-overhead", body=_article_body(WORDS))
    )
    page.save_revision().publish()  # warm-up: lexicons and dictionaries load on first use
    with_plugin = _time_saves(page, runs)
    audits = AuditResult.objects.filter(page=page).count()
    post_save.disconnect(on_revision_saved, sender=Revision, dispatch_uid="newsaudit_revision_saved")
    without_plugin = _time_saves(page, runs)
    return {"with_plugin": with_plugin, "without_plugin": without_plugin, "audits_stored": audits, "saves": runs}


if __name__ == "__main__":
    print(json.dumps(_measure(int(sys.argv[1]) if len(sys.argv) > 1 else SAVES)))
