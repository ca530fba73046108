"""kill -9 in the middle of `audit_archive`, run it again: every page ends with exactly one audit of its latest
revision, none lost (a real subprocess on a file-based SQLite database)."""

import os
import signal
import sqlite3
import subprocess
import time

from .helpers import ROOT, manage, manage_command, site_env

ARTICLES = 400


def audits(db_path) -> int:
    with sqlite3.connect(db_path, timeout=30) as conn:
        return conn.execute("SELECT COUNT(*) FROM newsaudit_auditresult").fetchone()[0]


def test_kill_9_then_resume(tmp_path):
    db_path = tmp_path / "archive.sqlite3"
    env = site_env(f"sqlite:///{db_path}")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "generate_articles", "--count", str(ARTICLES))
    command = manage_command("audit_archive", "--jobs", "2", "--chunk-size", "20", "--no-progress")
    process = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while audits(db_path) < 60 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)  # the command and its worker processes, mid-run
    process.wait()
    stored = audits(db_path)
    assert 60 <= stored < ARTICLES, f"expected a kill mid-run, found {stored} audits"
    rerun = manage(env, "audit_archive", "--jobs", "2", "--chunk-size", "20", "--no-progress")
    assert f"audited {ARTICLES} pages" in rerun.stdout
    assert f"{stored} unchanged" in rerun.stdout
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            """SELECT p.id, p.latest_revision_id, COUNT(r.id), MIN(r.revision_id), SUM(r.is_latest)
               FROM wagtailcore_page p JOIN django_content_type ct ON ct.id = p.content_type_id
               LEFT JOIN newsaudit_auditresult r ON r.page_id = p.id
               WHERE ct.model = 'articlepage' GROUP BY p.id"""
        ).fetchall()
    assert len(rows) == ARTICLES
    assert all(count == 1 and revision == latest and is_latest == 1 for _, latest, count, revision, is_latest in rows)
