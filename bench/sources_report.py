"""Reports > Sources at archive scale: 100,000 generated articles (BENCH_SOURCES_PAGES), four quoted sources each,
on a temporary SQLite database and on PostgreSQL (127.0.0.1:5432, skipped with a message when it does not answer).

The pages, audits and QuotedSource rows are bulk-created (generation time is not the measure); the measure is the
report's server time as a superuser sees it: the first page (grouped sources, their roles and genders) with the
shares and the monthly trend, without a filter and with a section or an author filter. Median of `runs`.
Run as `python -m bench.sources_report --child` in a process whose DATABASE_URL names the database.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "newsaudit_bench_sources"
SECTIONS = 20
AUTHORS = 150
PEOPLE = 20_000  # distinct named sources; the n-th most quoted is picked with weight 1/n (Zipf), so the most quoted
# person appears in about a tenth of the articles
TARGET_SECONDS = 1.0


def run(pages: int, runs: int) -> dict:
    print(f"\n== sources-report: Reports > Sources over {pages:,} generated articles, median of {runs} requests")
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        figures["sqlite"] = _child(f"sqlite:///{Path(tmp) / 'sources.sqlite3'}", pages, runs)
    reason = _postgres_unreachable()
    if reason:
        print(f"   postgresql: SKIPPED ({reason})")
    else:
        figures["postgresql"] = _child(f"{PG_SERVER}/{PG_NAME}", pages, runs, fresh_pg=True)
        _drop_pg()
    for database, result in figures.items():
        for name, seconds in result["seconds"].items():
            verdict = "ok" if seconds < TARGET_SECONDS else "OVER TARGET"
            print(f"   {database:<10} {name:<32} {seconds * 1000:>8.0f} ms  {verdict}")
        print(f"   {database:<10} generated {result['rows']:,} source rows in {result['generate_seconds']:.0f} s")
    print(f"   target: each under {TARGET_SECONDS:.0f} s (docs/wagtail.md)")
    return figures


def _postgres_unreachable() -> str | None:
    try:
        import psycopg

        psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3).close()
    except Exception as error:  # psycopg missing or the server absent
        return str(error).strip().splitlines()[0][:120] if str(error) else type(error).__name__
    return None


def _drop_pg() -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")


def _child(url: str, pages: int, runs: int, fresh_pg: bool = False) -> dict:
    if fresh_pg:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            connection.execute(f"CREATE DATABASE {PG_NAME}")
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "example_site.settings", "DJANGO_DEBUG": "0"}
    args = [sys.executable, "-m", "bench.sources_report", "--child", str(pages), str(runs)]
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"sources-report bench failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child(pages: int, runs: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    sections, rows = _generate(pages)
    generated = time.perf_counter() - started
    _analyze()
    return {"pages": pages, "rows": rows, "generate_seconds": round(generated, 1), "seconds": _measure(sections, runs)}


def _generate(pages: int) -> tuple[list, int]:
    import datetime
    import random

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page

    from example_site.news.models import ArticlePage, HomePage, SectionPage
    from newsaudit.models import AuditResult, QuotedSource

    rng = random.Random(16)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Bench Courier", slug="bench-courier"))
    sections = [home.add_child(instance=SectionPage(title=f"Desk {i}", slug=f"desk-{i}")) for i in range(SECTIONS)]
    article_type = ContentType.objects.get_for_model(ArticlePage)
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    rows = 0
    for first in range(0, pages, 5000):
        with transaction.atomic():
            batch = range(first, min(first + 5000, pages))
            made = Page.objects.bulk_create([_page(i, sections, article_type, start) for i in batch], batch_size=1000)
            audits = AuditResult.objects.bulk_create(
                [AuditResult(page=p, status="warn", engine_version="bench", content_hash="") for p in made],
                batch_size=1000,
            )
            sources = [s for audit in audits for s in _sources(rng, audit, article_type)]
            _insert(QuotedSource, sources)
            rows += len(sources)
    for section in sections:
        Page.objects.filter(pk=section.pk).update(
            numchild=Page.objects.filter(path__startswith=section.path).count() - 1
        )
    return sections, rows


def _analyze() -> None:
    """Gather the planner's statistics (and on PostgreSQL the visibility map), as autovacuum does on a live site."""
    from django.db import connection

    table = connection.ops.quote_name("newsaudit_quotedsource")
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {table}" if connection.vendor == "postgresql" else "ANALYZE")


def _insert(model, rows: list[dict]) -> None:
    """Plain executemany: Django's bulk_create spends most of its time preparing each value."""
    from django.db import connection

    columns = list(rows[0])
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


def _page(i: int, sections: list, article_type, start) -> object:
    import datetime

    from wagtail.models import Page

    section = sections[i % SECTIONS]
    position = i // SECTIONS + 1
    path = Page._get_path(section.path, section.depth + 1, position)
    published = start + datetime.timedelta(minutes=7 * i)
    page = Page(
        title=f"Story {i}",
        slug=f"story-{i}",
        path=path,
        depth=section.depth + 1,
        content_type=article_type,
        live=True,
        first_published_at=published,
        url_path=f"{section.url_path}story-{i}/",
        locale_id=section.locale_id,
    )
    page.bench_section_id = section.pk
    return page


def _sources(rng, audit, article_type) -> list[dict]:
    from newsaudit.models import GENDERS, ROLES

    page = audit.page
    published = page.first_published_at.date()
    shared = {
        "audit_id": audit.pk,
        "page_id": page.pk,
        "content_type_id": article_type.pk,
        "section_id": page.bench_section_id,
        "published": published,
        "month": published.replace(day=1),
        "audited": published,
        "author": f"Reporter {page.pk % AUTHORS}",
        "affiliation": "",
        "forms": "[]",
        "quotes": 1,
        "attributions": 2,
        "mentions": 2,
    }
    picked = set(rng.choices(range(1, PEOPLE + 1), cum_weights=_zipf_weights(), k=4))
    result = []
    for n in picked:
        role, gender = ROLES[n % len(ROLES)], GENDERS[n % len(GENDERS)]
        values = {"key": f"person {n}", "name": f"Person {n}", "kind": "person", "role": role, "gender": gender}
        result.append({**shared, **values, "lead": not result})
    if rng.random() < 0.3:
        anonymous = {"key": "", "name": "officials", "kind": "anonymous", "role": "", "gender": "not stated"}
        result.append({**shared, **anonymous, "lead": not result, "quotes": 0, "attributions": 1, "mentions": 1})
    return result


@functools.cache
def _zipf_weights() -> list[float]:
    return list(itertools.accumulate(1 / n for n in range(1, PEOPLE + 1)))


def _measure(sections: list, runs: int) -> dict[str, float]:
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    from newsaudit.reports.sources_report import SourcesReportView

    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    view = SourcesReportView.as_view()
    cases = {
        "first page + shares + months": {},
        "filtered by section": {"section": sections[3].pk},
        "filtered by author": {"author": "Reporter 7"},
        "filtered by published dates": {"published_from": "2024-03-01", "published_to": "2024-04-30"},
    }
    seconds = {}
    for name, params in cases.items():
        timings = []
        for _ in range(runs + 1):
            request = RequestFactory().get("/admin/reports/newsaudit/sources/", params)
            request.user = user
            started = time.perf_counter()
            response = view(request)
            response.render()
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        seconds[name] = round(statistics.median(timings[1:]), 3)  # the first request warms the caches
    return seconds


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        run(int(os.environ.get("BENCH_SOURCES_PAGES", "100000")), 3)
