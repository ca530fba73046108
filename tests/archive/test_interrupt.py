"""Ctrl-C in the middle of `audit_archive --jobs 2`: a real subprocess on a generated archive (pages with
revisions and imported pages without any), interrupted with SIGINT while its workers are busy. It must stop
promptly with a clear message and exit status 130 (143 for SIGTERM, as `systemctl stop` sends), print no traceback, leave no worker process behind, and a
rerun must resume where it stopped: every page ends with exactly one audit."""

import os
import re
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from .helpers import ROOT, manage, manage_command, site_env

WITH_REVISIONS, WITHOUT_REVISIONS = 900, 300
ARTICLES = WITH_REVISIONS + WITHOUT_REVISIONS
CHUNK = 400  # 200 pages per worker batch: seconds of work in flight when the signal arrives
PROMPT_SECONDS = 1.5  # from SIGINT to exit; waiting for the batches in flight takes seconds longer

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc")


def audits(db_path: Path) -> int:
    with sqlite3.connect(db_path, timeout=30) as conn:
        return conn.execute("SELECT COUNT(*) FROM newsaudit_auditresult").fetchone()[0]


def child_pids(pid: int) -> set[int]:
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        children.update(int(child) for child in (task / "children").read_text().split())
    return children


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1] != "Z"  # a zombie is not running


def as_from_a_terminal() -> None:
    """SIGINT as a command typed at a terminal has it: a suite started in the background (`make test &`, a CI
    job) hands its children SIGINT ignored, and a command started so rightly stays deaf to Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupt_mid_run(
    env: dict[str, str], db_path: Path, *, after: int, whole_group: bool, signum: int = signal.SIGINT
) -> tuple:
    """Start the command, wait until `after` audits are stored, send `signum` (to the process group, as Ctrl-C in
    a terminal or `systemctl stop` does, or to the main process only, as `kill` does); returns its outcome."""
    command = manage_command("audit_archive", "--jobs", "2", "--chunk-size", str(CHUNK), "--no-progress")
    process = subprocess.Popen(
        command,
        env=env,
        cwd=ROOT,
        start_new_session=True,
        preexec_fn=as_from_a_terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    while process.poll() is None and time.monotonic() < deadline:
        if audits(db_path) >= after and len(child_pids(process.pid)) == 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, f"finished before the interrupt:\n{process.communicate()}"
    workers = child_pids(process.pid)
    sent = time.monotonic()
    if whole_group:
        os.killpg(process.pid, signum)
    else:
        os.kill(process.pid, signum)
    try:
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    seconds = time.monotonic() - sent
    time.sleep(0.2)
    return process.returncode, stdout, stderr, seconds, workers, {pid for pid in workers if alive(pid)}


def check_interrupted(
    outcome: tuple, db_path: Path, *, exit_status: int = 130, said: str = "interrupted", counted_all: bool = True
) -> int:
    """`counted_all`: the signal came after the run had passed every page stored before it, so the pages it
    reports are exactly the pages stored."""
    returncode, stdout, stderr, seconds, workers, survivors = outcome
    stored = audits(db_path)
    assert returncode == exit_status, (returncode, stdout, stderr)
    assert len(workers) == 2, f"expected two busy workers at the interrupt, saw {workers}"
    assert not survivors, f"worker processes left running: {survivors}"
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    reported = re.search(rf"{said} after ([\d,]+) pages", stdout)
    assert reported, stdout
    if counted_all:
        assert int(reported.group(1).replace(",", "")) == stored, (stdout, stored)
    assert "run the same command again to audit the rest" in stdout
    print(f"stopped {seconds:.2f} s after the signal with {stored} audits stored")  # shown with pytest -s
    assert seconds < PROMPT_SECONDS, f"took {seconds:.2f} s to stop after the signal"
    assert 0 < stored < ARTICLES
    return stored


def test_sigint_stops_promptly_and_a_rerun_resumes(tmp_path):
    db_path = tmp_path / "archive.sqlite3"
    env = site_env(f"sqlite:///{db_path}")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "generate_articles", "--count", str(WITH_REVISIONS))
    manage(env, "generate_articles", "--count", str(WITHOUT_REVISIONS), "--without-revisions")

    main_only = interrupt_mid_run(env, db_path, after=CHUNK, whole_group=False)
    first = check_interrupted(main_only, db_path)
    ctrl_c = interrupt_mid_run(env, db_path, after=first + CHUNK, whole_group=True)
    second = check_interrupted(ctrl_c, db_path)
    assert f"{first:,} unchanged" in ctrl_c[1]  # the second run skipped what the first had saved
    # SIGTERM to the whole group, as `systemctl stop` sends it, as soon as both workers are busy
    stop = interrupt_mid_run(env, db_path, after=second, whole_group=True, signum=signal.SIGTERM)
    second = check_interrupted(stop, db_path, exit_status=143, said="stopped by SIGTERM", counted_all=False)

    rerun = manage(env, "audit_archive", "--jobs", "2", "--chunk-size", str(CHUNK), "--no-progress")
    assert f"audited {ARTICLES:,} pages" in rerun.stdout
    assert f"{ARTICLES - second:,} audited, {second:,} unchanged" in rerun.stdout
    assert f"audited from the page as stored: {WITHOUT_REVISIONS} pages" in rerun.stdout
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            """SELECT p.id, p.latest_revision_id, COUNT(r.id), MIN(r.revision_id), SUM(r.is_latest),
                      SUM(r.from_page_row)
               FROM wagtailcore_page p JOIN django_content_type ct ON ct.id = p.content_type_id
               LEFT JOIN newsaudit_auditresult r ON r.page_id = p.id
               WHERE ct.model = 'articlepage' GROUP BY p.id"""
        ).fetchall()
    assert len(rows) == ARTICLES
    assert all(count == 1 and is_latest == 1 for _, _, count, _, is_latest, _ in rows)
    assert all(revision == latest for _, latest, _, revision, _, _ in rows if latest is not None)
    assert sum(1 for *_, from_row in rows if from_row) == WITHOUT_REVISIONS
