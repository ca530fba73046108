"""Whole-process throughput: `newsaudit check --format json` against `proselint check` on the BBC corpus."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

MEASURE = Path(__file__).with_name("measure.py")
BIN = Path(sys.executable).parent


@dataclass(slots=True)
class Timing:
    label: str
    batches: int
    runs: list[float]
    cpu: list[float]
    peak_rss_kb: int
    returncodes: list[int]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def corpus(data: Path) -> list[Path]:
    """The BBC articles: `<topic>/NNN.txt` (the corpus README is not an article)."""
    return sorted(p for p in (data / "bbc-news").glob("*/*.txt") if p.is_file())


def batches(prefix: list[str], files: list[Path], limit: int | None = None) -> list[list[str]]:
    """Split the file list so that no command line exceeds a quarter of the system's argument limit."""
    limit = limit or os.sysconf("SC_ARG_MAX") // 4
    commands, current, size = [], [], sum(len(a) + 1 for a in prefix)
    for path in map(str, files):
        if current and size + len(path) + 1 > limit:
            commands.append(prefix + current)
            current, size = [], sum(len(a) + 1 for a in prefix)
        current.append(path)
        size += len(path) + 1
    if current:
        commands.append(prefix + current)
    return commands


def measure(label: str, commands: list[list[str]], runs: int, output: Path) -> Timing:
    seconds, cpu, peak, codes = [], [], 0, []
    for _ in range(runs):
        job = json.dumps({"commands": commands, "stdout": str(output)})
        done = subprocess.run([sys.executable, str(MEASURE)], input=job, capture_output=True, text=True, check=True)
        result = json.loads(done.stdout)
        seconds.append(result["seconds"])
        cpu.append(result["cpu_seconds"])
        peak = max(peak, result["peak_rss_kb"])
        codes = result["returncodes"]
    return Timing(label, len(commands), seconds, cpu, peak, codes)


def run(data: Path, runs: int) -> dict | None:
    files = corpus(data)
    if not files:
        print(f"cli: skipped (no articles in {data / 'bbc-news'})")
        return None
    newsaudit, proselint = BIN / "newsaudit", BIN / "proselint"
    plans = [
        ("newsaudit check --format json", [str(newsaudit), "check", "--format", "json"]),
        ("newsaudit check --format json --jobs 2", [str(newsaudit), "check", "--format", "json", "--jobs", "2"]),
    ]
    if proselint.exists():
        plans.append(("proselint check", [str(proselint), "check"]))
    else:
        print("cli: proselint not installed in this environment (pip install -e '.[bench]'); timing newsaudit only")
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"\n== cli: whole process over {len(files)} BBC articles ({size_mb:.1f} MB), median of {runs} runs")
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, prefix in plans:
            commands = batches(prefix, files)
            output = Path(tmp) / "out"
            timing = measure(label, commands, runs, output)
            timings.append(timing)
            if label.startswith("newsaudit"):
                documents = sum(len(report["documents"]) for report in _reports(output.read_text("utf-8")))
                if documents != len(files):
                    print(f"   warning: {label} reported {documents} documents for {len(files)} files")
    base = timings[-1] if proselint.exists() else None
    print(
        f"   {'command':<40} {'median s':>9} {'articles/s':>11} {'CPU s':>7} {'peak RSS MB':>12} {'vs proselint':>13}"
        "  runs (s)"
    )
    for timing in timings:
        ratio = f"{base.median / timing.median:.2f}x" if base else ""
        print(
            f"   {timing.label:<40} {timing.median:>9.2f} {len(files) / timing.median:>11.1f} "
            f"{timing.median_cpu:>7.2f} {timing.peak_rss_kb / 1024:>12.0f} {ratio:>13}  "
            + ", ".join(f"{s:.2f}" for s in timing.runs)
        )
    if base:
        print("   (vs proselint: proselint's median wall time / this command's; above 1 means newsaudit is faster;")
        print(
            "    CPU s is user + system time of the command and its workers, steadier than wall time on a busy machine)"
        )
    return {
        "articles": len(files),
        "megabytes": round(size_mb, 2),
        "runs": runs,
        "commands": [
            {
                "command": t.label,
                "batches": t.batches,
                "seconds": [round(s, 3) for s in t.runs],
                "median_seconds": round(t.median, 3),
                "cpu_seconds": [round(s, 3) for s in t.cpu],
                "articles_per_second": round(len(files) / t.median, 1),
                "peak_rss_mb": round(t.peak_rss_kb / 1024, 1),
                "returncodes": t.returncodes,
            }
            for t in timings
        ],
    }


def _reports(text: str) -> list[dict]:
    """newsaudit writes one JSON report per batch, one after the other."""
    decoder, reports, index = json.JSONDecoder(), [], 0
    while index < len(text):
        if text[index].isspace():
            index += 1
            continue
        report, index = decoder.raw_decode(text, index)
        reports.append(report)
    return reports
