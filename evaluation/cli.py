"""`python -m evaluation --data ../shared/data [--task T] [--split dev|train] [--json FILE] [--errors N]`."""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import date
from pathlib import Path

from newsaudit import __version__

from .tasks import TASKS, Skipped, TaskResult, run, sample

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)"
    )
    parser.add_argument("--task", choices=TASKS, action="append", help="run only this task (repeatable)")
    parser.add_argument("--split", choices=("dev", "train"), default="dev", help="dev to report, train to study")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N false positives/negatives per task")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.data.is_dir():
        print(f"evaluation: skipped, no data folder {args.data}")
        return 0
    started = time.perf_counter()
    results = [run(task, args.data, args.split, args.jobs) for task in args.task or TASKS]
    elapsed = time.perf_counter() - started
    print(f"newsaudit {__version__} evaluation, split {args.split}, {date.today()}, {elapsed:.1f} s")
    for result in results:
        if isinstance(result, Skipped):
            print(f"\n{result.task}: skipped ({result.reason})")
    done = [r for r in results if isinstance(r, TaskResult)]
    if done:
        print_scores(done)
    for result in done:
        print_details(result)
        if args.errors:
            print_errors(result, args.errors)
    if args.json:
        payload = {
            "newsaudit": __version__,
            "date": str(date.today()),
            "split": args.split,
            "machine": {"python": platform.python_version(), "system": platform.platform()},
            "results": [r.to_dict() for r in done],
            "skipped": [{"task": r.task, "reason": r.reason} for r in results if isinstance(r, Skipped)],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


def print_scores(results: list[TaskResult]) -> None:
    print(f"\n{'task':<8} {'measure':<22} {'gold':>6} {'pred':>6} {'match':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for result in results:
        for name, prf in result.scores.items():
            recall, f1 = (f"{prf.recall:>6.3f}", f"{prf.f1:>6.3f}") if prf.gold else (f"{'-':>6}", f"{'-':>6}")
            gold = prf.gold if prf.gold else "-"
            print(
                f"{result.task:<8} {name:<22} {gold:>6} {prf.predicted:>6} {prf.tp:>6} {prf.precision:>6.3f} {recall} {f1}"
            )


def print_details(result: TaskResult) -> None:
    print(f"\n== {result.task}: {result.title}")
    for note in result.notes:
        print(f"   {note}")
    if result.confusion or any(row.counted for row in result.rules):
        if c := result.confusion:
            print(f"   confusion: TP {c.tp}  FP {c.fp}  FN {c.fn}  TN {c.tn}")
        print(f"   {'rule':<6} {'name':<22} {'category':<12} {'on +':>5} {'on -':>5} {'prec':>6}  counted")
        for row in result.rules:
            precision = "" if row.precision is None else f"{row.precision:.3f}"
            print(
                f"   {row.code:<6} {row.name:<22} {row.category:<12} {row.on_positive:>5} {row.on_negative:>5} "
                f"{precision:>6}  {'yes' if row.counted else ''}"
            )
    else:
        print("   findings per rule: " + ", ".join(f"{row.code} {row.on_positive}" for row in result.rules))


def print_errors(result: TaskResult, n: int) -> None:
    for label, items in (("false positives", result.false_positives), ("false negatives", result.false_negatives)):
        print(f"   -- {min(n, len(items))} of {len(items)} {label}")
        for item in sample(items, n):
            print(f"      {item}")


if __name__ == "__main__":
    sys.exit(main())
