"""`audit_archive --enqueue` with two real `db_worker` processes (django-tasks-db) on PostgreSQL: every page is
audited exactly once. Uses its own database, newsaudit_archive; skipped with a message when PostgreSQL is down."""

import subprocess

import pytest

from .helpers import ROOT, fresh_postgres_database, manage, manage_command, postgres_unreachable, site_env

ARTICLES = 200
CHUNK = 10


@pytest.fixture(scope="module")
def pg_env():
    reason = postgres_unreachable()
    if reason:
        print(f"\n{reason}")
        pytest.skip(reason)
    return site_env(fresh_postgres_database(), NEWSAUDIT_TASK_BACKEND="db")


def test_two_db_workers_audit_every_page_exactly_once(pg_env):
    import psycopg

    manage(pg_env, "migrate", "--noinput", "-v", "0")
    manage(pg_env, "generate_articles", "--count", str(ARTICLES))
    enqueued = manage(pg_env, "audit_archive", "--enqueue", "--chunk-size", str(CHUNK))
    assert f"enqueued {ARTICLES // CHUNK} chunks ({ARTICLES} pages)" in enqueued.stdout
    command = manage_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0.2")
    workers = [
        subprocess.Popen(command, env=pg_env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(2)
    ]
    for worker in workers:
        output, _ = worker.communicate(timeout=600)
        assert worker.returncode == 0, output.decode(errors="replace")[-2000:]
    with psycopg.connect(pg_env["DATABASE_URL"]) as conn:
        rows = conn.execute(
            """SELECT p.id, p.latest_revision_id, COUNT(r.id), MIN(r.revision_id)
               FROM wagtailcore_page p JOIN django_content_type ct ON ct.id = p.content_type_id
               LEFT JOIN newsaudit_auditresult r ON r.page_id = p.id
               WHERE ct.model = 'articlepage' GROUP BY p.id"""
        ).fetchall()
        tasks = conn.execute(
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s",
            ("%audit_archive_chunk",),
        ).fetchall()
    assert len(rows) == ARTICLES
    assert all(count == 1 and revision == latest for _, latest, count, revision in rows)
    assert len(tasks) == ARTICLES // CHUNK and {status for status, _ in tasks} == {"SUCCESSFUL"}
    assert len({ids[0] for _, ids in tasks}) == 2, "both workers should have taken chunks"
