"""`python -m bench --data ../shared/data [--only cli|engine|scaling|wagtail-save|live-check|archive|archive-memory|hostile|sources-report] [--runs N] [--json FILE]`."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from datetime import date
from pathlib import Path

from evaluation.cli import DEFAULT_DATA  # one definition of where ../shared/data is
from newsaudit import __version__

from . import engine, process


def wagtail_save(data: Path, runs: int) -> dict:
    """What the audit adds to saving a page in Wagtail (ImmediateBackend): over HTTP and in a script."""
    from . import wagtail_save as save_bench

    return save_bench.run(max(runs * 5, 15))


def live_check(data: Path, runs: int) -> dict:
    """The editor's live check of unsaved changes (2,000 words, server time, median of 20)."""
    from . import live_check as check_bench

    return check_bench.run(20)


def archive(data: Path, runs: int) -> dict:
    """`manage.py audit_archive` speed over 3,000 generated articles: first run, then the unchanged archive."""
    from . import archive as archive_bench

    return archive_bench.run_speed(int(os.environ.get("BENCH_ARCHIVE_PAGES", "3000")))


def archive_memory(data: Path, runs: int) -> dict:
    """Peak memory of `manage.py audit_archive` over 100,000 generated articles (BENCH_MEMORY_PAGES to change)."""
    from . import archive as archive_bench

    return archive_bench.run_memory(int(os.environ.get("BENCH_MEMORY_PAGES", "100000")))


def sources_report(data: Path, runs: int) -> dict:
    """Reports > Sources over 100,000 generated articles on SQLite and PostgreSQL (BENCH_SOURCES_PAGES to change)."""
    from . import sources_report as sources_bench

    return sources_bench.run(int(os.environ.get("BENCH_SOURCES_PAGES", "100000")), runs)


def hostile(data: Path, runs: int) -> dict:
    """The live check of a 2 MB paragraph against runserver on 127.0.0.1 (bench/hostile.py, its own process)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        figures = Path(tmp) / "hostile.json"
        subprocess.run([sys.executable, "-m", "bench.hostile", "--runs", str(runs), "--json", str(figures)], check=True)
        return json.loads(figures.read_text())


BENCHES = {
    "cli": lambda data, runs: process.run(data, runs),
    "engine": lambda data, runs: engine.run_throughput(data),
    "scaling": lambda data, runs: engine.run_scaling(runs),
    "wagtail-save": wagtail_save,
    "live-check": live_check,
    "archive": archive,
    "archive-memory": archive_memory,
    "hostile": hostile,
    "sources-report": sources_report,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)"
    )
    parser.add_argument("--only", choices=list(BENCHES), action="append", help="run only this bench (repeatable)")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing; the median is reported (default 3)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    print(f"newsaudit {__version__} bench, {date.today()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    results = {}
    for name in args.only or BENCHES:
        if name in ("cli", "engine") and not (args.data / "bbc-news").is_dir():
            print(f"\n{name}: skipped (no folder {args.data / 'bbc-news'})")
            continue
        results[name] = BENCHES[name](args.data, args.runs)
    if args.json:
        payload = {"newsaudit": __version__, "date": str(date.today()), "cores": os.cpu_count(), "results": results}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
