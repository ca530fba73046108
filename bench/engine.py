"""In-process benchmarks: engine-only throughput on the BBC corpus, and a linear-time check on synthetic text."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from newsaudit.engine import audit, read_text
from newsaudit.engine.readers import read_path

from .process import corpus

# Sentences we wrote for the scaling check: quotes with speakers, figures, weasel phrases, hedges, loaded words.
TEMPLATES = (
    "The council approved a budget of {n} million pounds on Tuesday, the mayor, Ana Ruiz, said.",
    '"We have listened to every resident," she told reporters after the vote.',
    "Observers note that spending on roads rose by {p}% last year, and critics say the plan is reckless.",
    "A senior official, who asked not to be named, said the scheme would reportedly cost {n} jobs.",
    "According to the transport authority, {n} buses will run every hour on the new route.",
    "The opposition leader slammed the decision as a disgraceful waste, while analysts suggest it may help.",
    '"It is the best plan this city has ever seen," claimed Tom Okafor, a local shop owner.',
    "Polls indicate that {p}% of voters support the change, although the figure is disputed.",
)
SIZES_KB = (100, 200, 400, 800)


def synthetic_text(size_kb: int) -> str:
    """About `size_kb` KB of news-like text in paragraphs of four sentences, with numbers that vary."""
    paragraphs, length, i = [], 0, 0
    while length < size_kb * 1024:
        sentences = [
            TEMPLATES[(i + k) % len(TEMPLATES)].format(n=(i * 7 + k) % 900 + 10, p=(i * 3 + k) % 90 + 5)
            for k in range(4)
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
        i += 4
    return "\n\n".join(paragraphs)


def run_throughput(data: Path) -> dict | None:
    files = corpus(data)
    if not files:
        print(f"engine: skipped (no articles in {data / 'bbc-news'})")
        return None
    audit(read_text(synthetic_text(4), "warm-up"))  # lexicons and dictionaries load on first use
    started, cpu_started = time.perf_counter(), time.process_time()
    documents = 0
    for path in files:
        for item in read_path(path):
            audit(item)
            documents += 1
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"\n== engine: read + audit in-process, one process, {documents} BBC articles")
    print(
        f"   {seconds:.2f} s ({cpu:.2f} s CPU), {documents / seconds:.1f} articles/s "
        f"({documents / cpu:.1f} per CPU second), {size_mb / seconds:.2f} MB/s"
    )
    return {
        "articles": documents,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "articles_per_second": round(documents / seconds, 1),
    }


def run_scaling(runs: int) -> dict:
    print(
        f"\n== scaling: audit one synthetic document of each size (median CPU time of {runs} runs); ~2x per doubling is linear"
    )
    print(f"   {'size KB':>8} {'CPU s':>8} {'KB/s':>8} {'ratio to previous':>18}")
    audit(read_text(synthetic_text(4), "warm-up"))  # lexicons and dictionaries load on first use
    rows, previous = [], None
    for size in SIZES_KB:
        text = synthetic_text(size)
        seconds = []
        for _ in range(runs):
            started = time.process_time()  # CPU time: a busy shared machine does not distort the ratios
            report = audit(read_text(text, f"synthetic-{size}kb"))
            seconds.append(time.process_time() - started)
        if report.status == "error":
            print(f"   {size:>8} error: {report.error}")
        median = statistics.median(seconds)
        ratio = median / previous if previous else None
        print(f"   {size:>8} {median:>8.2f} {size / median:>8.0f} {f'{ratio:.2f}x' if ratio else '':>18}")
        rows.append({"kilobytes": size, "seconds": round(median, 3), "ratio": round(ratio, 2) if ratio else None})
        previous = median
    return {"runs": runs, "sizes": rows}
