"""Time the editor's live check: the unsaved edit form of an N-word article posted to the panel's check view.

The server time of one check is the whole request through Django's handler (the test client, in this process,
with the form encoded beforehand): parsing the form, building the unsaved page from it, extracting its text, the
audit, and rendering the panel. The median of
--repeat checks is printed (as JSON with --json).
"""

import json
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.client import BOUNDARY, encode_multipart
from django.test.utils import override_settings
from django.urls import reverse

from .bench_save import bench_page, bench_user, edit_form


class Command(BaseCommand):
    help = "Time the panel's check of unsaved changes for an N-word article (server time, median)."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=2000)
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the figures as JSON")

    def handle(self, *args, words: int, repeat: int, as_json: bool, **options):
        with override_settings(ALLOWED_HOSTS=["*"]):
            page = bench_page()
            page.save_revision()
            client = Client()
            client.force_login(bench_user())
            url = reverse("newsaudit:check", args=[page.pk])
            timings, cpu = [], []
            for salt in range(repeat + 2):  # two warm-ups: templates, lexicons and dictionaries load on first use
                body = encode_multipart(BOUNDARY, edit_form(page, words, salt))  # the browser's work, not timed
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.post(url, body, content_type=f"multipart/form-data; boundary={BOUNDARY}")
                elapsed, cpu_elapsed = time.perf_counter() - started, time.process_time() - cpu_started
                if response.status_code != 200 or b"data-unsaved" not in response.content:
                    raise CommandError(f"the check failed: HTTP {response.status_code}")
                if salt >= 2:
                    timings.append(elapsed)
                    cpu.append(cpu_elapsed)
        figures = {
            "words": words,
            "checks": repeat,
            "median_ms": round(statistics.median(timings) * 1000, 1),
            "max_ms": round(max(timings) * 1000, 1),
            # CPU time of this process: what the check costs on an idle machine (wall time grows with load)
            "cpu_median_ms": round(statistics.median(cpu) * 1000, 1),
            "panel_bytes": len(response.content),
        }
        if as_json:
            self.stdout.write(json.dumps(figures))
        else:
            self.stdout.write(
                f"live check of a {words}-word article, median of {repeat}: {figures['median_ms']} ms "
                f"(CPU {figures['cpu_median_ms']} ms, max {figures['max_ms']} ms, panel {figures['panel_bytes']:,} bytes)"
            )
