"""Archive benchmarks on a temporary SQLite database (never the demo database).

archive: generate 3,000 synthetic articles, then `audit_archive` twice (first run, then the unchanged archive).
archive-memory: generate N articles (default 100,000) and audit them once; peak RSS of the command and its workers.
Each command runs in `bench/measure.py`, which reads the peak RSS of the process tree from RUSAGE_CHILDREN.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURE = Path(__file__).with_name("measure.py")
SUMMARY = re.compile(r"audited ([\d,]+) pages in ([\d.]+) s \(([\d,]+) pages/s\): ([\d,]+) audited, ([\d,]+) unchanged")


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSAUDIT_TASK_BACKEND"}
    env.update(DATABASE_URL=f"sqlite:///{db}", DJANGO_SETTINGS_MODULE="example_site.settings", DJANGO_DEBUG="0")
    return env


def _manage(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


def _measured(command: list[str], env: dict[str, str], out: Path) -> dict:
    """Run one command in the measuring process: wall seconds and peak RSS of the command and its workers."""
    job = json.dumps({"commands": [command], "stdout": str(out)})
    done = subprocess.run(
        [sys.executable, str(MEASURE)], input=job, capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    result = json.loads(done.stdout)
    result["output"] = out.read_text("utf-8")
    return result


def _setup(db: Path, pages: int) -> float:
    env = _env(db)
    subprocess.run(_manage("migrate", "--noinput", "-v", "0"), env=env, cwd=ROOT, check=True)
    started = time.perf_counter()
    subprocess.run(
        _manage("generate_articles", "--count", str(pages)), env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def _audit(db: Path, tmp: Path, label: str, jobs: int) -> dict:
    command = _manage("audit_archive", "--no-progress", "--jobs", str(jobs))
    result = _measured(command, _env(db), tmp / f"{label}.out")
    match = SUMMARY.search(result["output"])
    if not match or result["returncodes"] != [0]:
        raise RuntimeError(f"audit_archive failed: {result['output'][-500:]}")
    pages, seconds, _rate, audited, unchanged = match.groups()
    pages_n = int(pages.replace(",", ""))
    return {
        "run": label,
        "pages": pages_n,
        "audited": int(audited.replace(",", "")),
        "unchanged": int(unchanged.replace(",", "")),
        "audit_seconds": float(seconds),
        "pages_per_second": round(pages_n / float(seconds), 1),
        "process_seconds": round(result["seconds"], 2),
        "process_pages_per_second": round(pages_n / result["seconds"], 1),
        "cpu_seconds": round(result.get("cpu_seconds", 0), 1),
        "pages_per_cpu_second": round(pages_n / result["cpu_seconds"], 1) if result.get("cpu_seconds") else None,
        "peak_rss_mb": round(result["peak_rss_kb"] / 1024, 1),
        "peak_tree_rss_mb": round(result["peak_tree_rss_kb"] / 1024, 1) if "peak_tree_rss_kb" in result else None,
        "peak_tree_pss_mb": round(result["peak_tree_pss_kb"] / 1024, 1) if "peak_tree_pss_kb" in result else None,
    }


def _print(rows: list[dict]) -> None:
    print(
        f"   {'run':<14} {'pages':>7} {'audited':>8} {'audit s':>8} {'pages/s':>8} {'process s':>10} {'incl. start-up':>15} {'peak RSS MB':>12} {'tree RSS MB':>12} {'tree PSS MB':>12}"
    )
    for r in rows:
        print(
            f"   {r['run']:<14} {r['pages']:>7,} {r['audited']:>8,} {r['audit_seconds']:>8.1f} {r['pages_per_second']:>8,.0f} "
            f"{r['process_seconds']:>10.1f} {r['process_pages_per_second']:>13,.0f}/s {r['peak_rss_mb']:>12.0f} {r['peak_tree_rss_mb'] or 0:>12.0f} {r['peak_tree_pss_mb'] or 0:>12.0f}"
        )


def run_speed(pages: int = 3000, jobs: int = 0) -> dict:
    print(
        f"\n== archive: audit_archive over {pages:,} generated articles, temporary SQLite, --jobs {jobs or 'all cores'}"
    )
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "archive.sqlite3"
        generate = _setup(db, pages)
        print(f"   generate_articles --count {pages}: {generate:.1f} s ({pages / generate:,.0f} articles/s)")
        rows = [_audit(db, tmp, "first run", jobs), _audit(db, tmp, "unchanged run", jobs)]
    _print(rows)
    print("   (pages/s: the command's own audit time; 'incl. start-up' adds Django start-up and the final summary)")
    for r in rows:
        print(
            f"   {r['run']}: {r['cpu_seconds']} CPU s for the process tree, {r['pages_per_cpu_second']} pages per CPU second"
        )
    return {"pages": pages, "generate_seconds": round(generate, 1), "runs": rows}


def run_memory(pages: int = 100_000, jobs: int = 0) -> dict:
    print(f"\n== archive-memory: audit_archive over {pages:,} generated articles, peak RSS of the process tree")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "archive.sqlite3"
        generate = _setup(db, pages)
        print(f"   generate_articles --count {pages}: {generate:.1f} s ({pages / generate:,.0f} articles/s)")
        row = _audit(db, tmp, "first run", jobs)
    _print([row])
    print(
        "   (peak RSS: the largest single process, from RUSAGE_CHILDREN; tree RSS/PSS: command + workers summed, psutil;\n    PSS splits pages the forked workers share with the command, so it is the tree's real footprint)"
    )
    return {"pages": pages, "generate_seconds": round(generate, 1), "runs": [row]}
