"""Real web pages: does the HTML reader keep the article and leave the page around it (menus, teasers, comments,
footers)? What `newsaudit check page.html` audits is what this measures.

Two sets in `html-pages/`: the article extraction benchmark (181 pages, gold article body text) and Readability.js's
test pages (40 news pages, the expected article HTML, read here as text). Each page goes through
`newsaudit.engine.read_html` as `newsaudit check` reads it; the words of the document text are compared with the
gold body's as bags of lower-case words (the benchmark's own measure): precision is the share of the words kept
that belong to the article, recall the share of the article's words kept. The rows are micro-averaged over words;
the notes give the benchmark's macro average over pages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from newsaudit.engine import read_html

from .metrics import PRF
from .tasks import Skipped, TaskResult, parallel_map

FOLDER = "html-pages"
WORDS = re.compile(r"\w+")

Page = tuple[str, str, str]  # name, page HTML, gold article text


def benchmark_pages(folder: Path) -> list[Page]:
    truth = folder / "ground-truth.json"
    if not truth.is_file():
        return []
    gold = json.loads(truth.read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(gold.items()):
        path = folder / "html" / f"{key}.html.gz"
        if path.is_file():
            pages.append(
                (
                    item.get("url") or key,
                    gzip.decompress(path.read_bytes()).decode("utf-8", "replace"),
                    item["articleBody"],
                )
            )
    return pages


def readability_pages(folder: Path) -> list[Page]:
    pages = []
    for page in sorted(p for p in (folder / "test").glob("*/*") if p.is_dir()):
        source, expected = page / "source.html", page / "expected.html"
        if source.is_file() and expected.is_file():
            gold = BeautifulSoup(expected.read_text(encoding="utf-8", errors="replace"), "lxml").get_text(" ")
            pages.append((page.name, source.read_text(encoding="utf-8", errors="replace"), gold))
    return pages


def page_words(page: Page) -> tuple[int, int, int]:
    """(words kept that are the article's, words kept, the article's words) for one page."""
    name, html, gold = page
    kept = Counter(w.lower() for w in WORDS.findall(read_html(html, "page").text))
    article = Counter(w.lower() for w in WORDS.findall(gold))
    return sum((kept & article).values()), sum(kept.values()), sum(article.values())


def run_html(data: Path, split: str, jobs: int) -> TaskResult | Skipped:
    folder = data / FOLDER
    if split != "dev":
        return Skipped("html", f"no {split} split in this data set")
    sets = {
        "benchmark body words": benchmark_pages(folder / "extraction-benchmark"),
        "readability body words": readability_pages(folder / "readability-testpages"),
    }
    if not any(sets.values()):
        return Skipped("html", f"no pages under {folder}")
    scores, notes, worst = {}, [], []
    for measure, pages in sets.items():
        counts = parallel_map(page_words, pages, jobs)
        total = PRF()
        for (name, _, _), (tp, kept, gold) in zip(pages, counts, strict=True):
            total.add(PRF(tp, kept, gold))
            worst.append((tp / kept if kept else 0.0, tp / gold if gold else 0.0, name))
        scores[measure] = total
        macro_p = sum(tp / kept if kept else 0.0 for tp, kept, _ in counts) / max(1, len(counts))
        macro_r = sum(tp / gold if gold else 0.0 for tp, _, gold in counts) / max(1, len(counts))
        notes.append(f"{measure}: {len(pages)} pages, macro average over pages P {macro_p:.3f} R {macro_r:.3f}")
    return TaskResult(
        task="html",
        title="Real web pages: the article's words kept, the page's other words left out",
        source=str(folder),
        items=sum(len(p) for p in sets.values()),
        scores=scores,
        false_positives=[f"precision {p:.2f} (recall {r:.2f}): {name}" for p, r, name in sorted(worst)[:50]],
        false_negatives=[
            f"recall {r:.2f} (precision {p:.2f}): {name}" for p, r, name in sorted(worst, key=lambda w: w[1])[:50]
        ],
        notes=notes,
    )
