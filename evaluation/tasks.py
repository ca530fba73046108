"""The evaluation tasks: run the engine on each labelled item and compare with the gold labels.

Every task returns a TaskResult, or a Skipped naming the missing file or folder. The engine runs exactly as
shipped (default configuration); only findings an editor would see (not suppressed) count.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from newsaudit.engine import audit, read_text, registry

from . import sources
from .metrics import PRF, Confusion, Span, exact_matching, overlap_matching
from .readers import parse_brat, pick_annotations, read_labelled_csv

SPLITS = ("dev", "train")
CONTEXT = 60  # characters shown either side of a span in error listings


@dataclass(slots=True)
class RuleRow:
    """How often one rule fired: on positive / negative items (sentence tasks) or in total (PolNeAR)."""

    code: str
    name: str
    category: str
    on_positive: int
    on_negative: int = 0
    counted: bool = False  # whether the task's prediction uses this rule

    @property
    def precision(self) -> float | None:
        fired = self.on_positive + self.on_negative
        return self.on_positive / fired if fired else None

    def to_dict(self) -> dict:
        precision = self.precision
        return {
            "rule": self.code,
            "name": self.name,
            "category": self.category,
            "on_positive": self.on_positive,
            "on_negative": self.on_negative,
            "precision": None if precision is None else round(precision, 4),
            "counted": self.counted,
        }


@dataclass(slots=True)
class TaskResult:
    task: str
    title: str
    source: str
    items: int
    scores: dict[str, PRF]
    confusion: Confusion | None = None
    rules: list[RuleRow] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "task": self.task,
            "title": self.title,
            "source": self.source,
            "items": self.items,
            "scores": {name: prf.to_dict() for name, prf in self.scores.items()},
            "confusion": self.confusion.to_dict() if self.confusion else None,
            "rules": [row.to_dict() for row in self.rules],
            "notes": self.notes,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    task: str
    reason: str


def parallel_map(function: Callable, items: Sequence, jobs: int) -> list:
    """`map` over worker processes when it pays (the engine is pure Python and CPU-bound)."""
    if jobs <= 1 or len(items) < 64:
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(function, items, chunksize=max(1, len(items) // (jobs * 8))))


def sample(items: list[str], n: int) -> list[str]:
    """A fixed-seed sample, so error listings are reproducible but not all from the first article."""
    return random.Random(0).sample(items, min(n, len(items)))


def in_context(text: str, span: Span) -> str:
    before = text[max(0, span.start - CONTEXT) : span.start]
    after = text[span.end : span.end + CONTEXT]
    return " ".join(f"{before}[[{text[span.start : span.end]}]]{after}".split())


# ---------------------------------------------------------------- PolNeAR: attribution source and cue spans


@dataclass(slots=True)
class ArticleOutput:
    sources: list[Span]
    cues: list[Span]
    rules: Counter
    named: dict[str, list[Span]] = field(default_factory=dict)  # each name the source summary lists: its mentions


def named_mentions(report) -> dict[str, list[Span]]:
    """The sources the per-article summary calls named, each with the source spans of its attributions."""
    names = {name.lower(): name for name in report.source_summary.get("names", [])}
    found: dict[str, list[Span]] = {name: [] for name in names.values()}
    for record in report.attributions:
        summary = _summary_entry(record.speaker, [s.name for s in report.sources])
        if summary and summary.lower() in names:
            found[names[summary.lower()]].append(Span(record.source.start, record.source.end))
    return found


def _summary_entry(speaker: str, entries: list[str]) -> str | None:
    """The summary entry a speaker's attribution belongs to: the entry of that very name if there is one, else the
    first that contains it (the summary merges 'Ana Ruiz' with a later 'Ruiz'). Without the first step a 'Ruiz'
    entry lost its mentions to an earlier entry that merely contains the word ('Ruiz Hammers Port Chief')."""
    if not speaker:
        return None
    low = speaker.lower()
    return next((e for e in entries if e.lower() == low), None) or next((e for e in entries if low in e.lower()), None)


def named_precision(named: dict[str, list[Span]], gold: list[Span]) -> PRF:
    """Named-source precision: a name counts right when one of its mentions overlaps a gold source. There is no
    recall: gold is left at 0."""
    right = sum(1 for spans in named.values() if any(s.overlaps(g) for s in spans for g in gold))
    return PRF(right, len(named), 0)


def audit_article(path: Path) -> ArticleOutput:
    text = path.read_bytes().decode("utf-8")
    report = audit(read_text(text, path.stem))
    sources = sorted({Span(a.source.start, a.source.end) for a in report.attributions})
    cues = sorted({Span(a.cue.start, a.cue.end) for a in report.attributions})
    return ArticleOutput(sources, cues, Counter(f.rule for f in report.active_findings), named_mentions(report))


def run_polnear(data: Path, split: str, jobs: int) -> TaskResult | Skipped:
    folder = data / "polnear" / split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        return Skipped("polnear", f"no folder {folder}/text and {folder}/attributions")
    annotations = pick_annotations(folder / "attributions")
    articles = [a for a in annotations if (folder / "text" / f"{a}.txt").is_file()]
    outputs = parallel_map(audit_article, [folder / "text" / f"{a}.txt" for a in articles], jobs)

    scores = {name: PRF() for name in ("source overlap", "source exact", "cue overlap", "cue exact", "named source")}
    false_positives, false_negatives = [], []
    rule_counts: Counter = Counter()
    for article, output in zip(articles, outputs, strict=True):
        gold = parse_brat(annotations[article].read_text(encoding="utf-8"))
        text = (folder / "text" / f"{article}.txt").read_bytes().decode("utf-8")
        rule_counts.update(output.rules)
        scores["named source"].add(named_precision(output.named, gold.get("Source", [])))
        false_positives += [
            f"{article}: named source {name!r} overlaps no gold source"
            for name, spans in output.named.items()
            if not any(s.overlaps(g) for s in spans for g in gold.get("Source", []))
        ]
        for kind, predicted, gold_spans in (
            ("source", output.sources, gold.get("Source", [])),
            ("cue", output.cues, gold.get("Cue", [])),
        ):
            for method, match in (("overlap", overlap_matching), ("exact", exact_matching)):
                pairs = match(predicted, gold_spans)
                scores[f"{kind} {method}"].add(PRF(len(pairs), len(predicted), len(gold_spans)))
                if kind == "source" and method == "overlap":
                    matched_p = {p for p, _ in pairs}
                    matched_g = {g for _, g in pairs}
                    false_positives += [
                        f"{article}: {in_context(text, s)}" for i, s in enumerate(predicted) if i not in matched_p
                    ]
                    false_negatives += [
                        f"{article}: {in_context(text, s)}" for i, s in enumerate(gold_spans) if i not in matched_g
                    ]
    multi = sum(1 for _ in (folder / "attributions").glob("*.ann")) - len(annotations)
    return TaskResult(
        task="polnear",
        title="PolNeAR attribution spans",
        source=str(folder),
        items=len(articles),
        scores=scores,
        rules=[
            RuleRow(rule.code, rule.name, rule.category, rule_counts[rule.code])
            for rule in registry.all()
            if rule_counts[rule.code]
        ],
        false_positives=false_positives,
        false_negatives=false_negatives,
        notes=[
            f"{len(articles)} articles, one annotator each ({multi} extra annotator files of multiply annotated "
            "articles ignored: the smallest annotator id is used)"
        ],
    )


# ---------------------------------------------------------------- sentence tasks: CoNLL-2010, BABE, NewsSD


@dataclass(frozen=True, slots=True)
class SentenceTask:
    task: str
    title: str
    files: dict[str, str]  # split -> path under the data folder
    text_column: str
    label_column: str
    positive: str
    negative: str
    counts: Callable[[str, str, str], bool]  # (code, name, category) -> does this rule make a positive prediction


def _is_sourcing(code: str, name: str, category: str) -> bool:
    return category == "sourcing"


def _is_bias(code: str, name: str, category: str) -> bool:
    return category == "bias"


def _is_bias_or_subjectivity(code: str, name: str, category: str) -> bool:
    return category == "bias" or "subjective" in name or "opinion" in name


SENTENCE_TASKS = {
    "conll": SentenceTask(
        "conll",
        "CoNLL-2010 weasel/hedge sentences (sourcing findings)",
        {"dev": "conll2010-weasel/dev.csv"},
        "text",
        "label",
        "-1",
        "1",
        _is_sourcing,
    ),
    "babe": SentenceTask(
        "babe",
        "BABE biased sentences (bias findings)",
        {"dev": "babe/dev.csv"},
        "text",
        "label_bias",
        "Biased",
        "Non-biased",
        _is_bias,
    ),
    "newssd": SentenceTask(
        "newssd",
        "NewsSD-ENG subjective sentences (bias or subjectivity findings)",
        {"dev": "newssd-subjectivity/data/english/val.csv", "train": "newssd-subjectivity/data/english/train.csv"},
        "Sentence",
        "Label",
        "SUBJ",
        "OBJ",
        _is_bias_or_subjectivity,
    ),
}


def sentence_findings(text: str) -> list[tuple[str, str]]:
    """(rule code, excerpt) of every active finding on one sentence, audited alone as a one-paragraph document."""
    return [(f.rule, f.excerpt) for f in audit(read_text(text, "sentence")).active_findings]


def run_sentences(spec: SentenceTask, data: Path, split: str, jobs: int) -> TaskResult | Skipped:
    if split not in spec.files:
        return Skipped(spec.task, f"no {split} split in this data set")
    path = data / spec.files[split]
    if not path.is_file():
        return Skipped(spec.task, f"no file {path}")
    rows, skipped = read_labelled_csv(path, spec.text_column, spec.label_column, spec.positive, spec.negative)
    findings = parallel_map(sentence_findings, [row.text for row in rows], jobs)
    rules = {rule.code: rule for rule in registry.all()}
    counted = {code for code, rule in rules.items() if spec.counts(code, rule.name, rule.category)}

    confusion = Confusion()
    on_positive: Counter = Counter()
    on_negative: Counter = Counter()
    false_positives, false_negatives = [], []
    for row, found in zip(rows, findings, strict=True):
        fired = {code for code, _ in found}
        (on_positive if row.positive else on_negative).update(fired)
        predicted = bool(fired & counted)
        confusion.add(row.positive, predicted)
        if predicted and not row.positive:
            why = "; ".join(f"{code} {excerpt!r}" for code, excerpt in found if code in counted)
            false_positives.append(f"{row.text}  <= {why}")
        elif row.positive and not predicted:
            false_negatives.append(row.text)
    notes = [
        f"{len(rows)} sentences: {confusion.tp + confusion.fn} {spec.positive}, {confusion.fp + confusion.tn} "
        f"{spec.negative}"
    ]
    if skipped:
        notes.append(f"{skipped} rows with another label skipped")
    return TaskResult(
        task=spec.task,
        title=spec.title,
        source=str(path),
        items=len(rows),
        scores={f"{spec.positive} sentences": confusion.prf},
        confusion=confusion,
        rules=[
            RuleRow(code, rule.name, rule.category, on_positive[code], on_negative[code], code in counted)
            for code, rule in rules.items()
            if on_positive[code] or on_negative[code]
        ],
        false_positives=false_positives,
        false_negatives=false_negatives,
        notes=notes,
    )


# ---------------------------------------------------------------- PolNeAR: who gets quoted (issue #16)


def run_sources(data: Path, split: str, jobs: int) -> TaskResult | Skipped:
    folder = data / "polnear" / split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        return Skipped("sources", f"no folder {folder}/text and {folder}/attributions")
    annotations = pick_annotations(folder / "attributions")
    articles = [a for a in annotations if (folder / "text" / f"{a}.txt").is_file()]
    reports = parallel_map(sources.audit_file, [folder / "text" / f"{a}.txt" for a in articles], jobs)
    scored = sources.score(folder, reports, annotations)
    top, twice = sources.top_entries(reports)
    labelled = len(sources.read_chains()) if "merge pairs" in scored["scores"] else 0
    notes = [
        f"{len(articles)} articles; merge pairs on {labelled} articles labelled by reading ({sources.CHAINS.name})",
        f"people listed twice among the top {sources.TOP}: {', '.join(twice) or 'none'}",
        f"the {sources.TOP} most-mentioned entries (mentions, documents, kind, name):",
        *top,
    ]
    return TaskResult(
        task="sources",
        title="PolNeAR: who gets quoted (source_mix entries and merging)",
        source=str(folder),
        items=len(articles),
        scores=scored["scores"],
        false_positives=scored["false_positives"],
        false_negatives=scored["false_negatives"],
        notes=notes,
    )


TASKS = ("polnear", "sources", *SENTENCE_TASKS, "ptc", "html")


def run(task: str, data: Path, split: str, jobs: int) -> TaskResult | Skipped:
    if task == "polnear":
        return run_polnear(data, split, jobs)
    if task == "sources":
        return run_sources(data, split, jobs)
    if task == "ptc":
        from .ptc import run_ptc  # ptc.py builds on this module's types

        return run_ptc(data, split, jobs)
    if task == "html":
        from .html import run_html  # html.py builds on this module's types

        return run_html(data, split, jobs)
    return run_sentences(SENTENCE_TASKS[task], data, split, jobs)
