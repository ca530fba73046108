"""PTC loaded-language spans: the NA4xx findings of each whole article against the gold spans of two propaganda
techniques, Loaded_Language and Name_Calling,Labeling (SemEval-2020 task 11).

Two measures: the one-to-one overlap matching the PolNeAR task uses (a finding and a gold span match when they
overlap; each is used once), and the share of findings that fall in any gold span. The annotators marked the
clearest propaganda spans, not every loaded word, so both precisions are lower bounds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsaudit.engine import audit, read_text, registry

from .metrics import PRF, Span, overlap_matching
from .readers import read_span_labels
from .tasks import RuleRow, Skipped, TaskResult, in_context, parallel_map

TECHNIQUES = frozenset({"Loaded_Language", "Name_Calling,Labeling"})
FOLDER = "ptc-loaded-language"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    span: Span


def bias_findings(path: Path) -> list[Finding]:
    """The active NA4xx findings of one article, read as plain text (offsets are indices into the file)."""
    text = path.read_bytes().decode("utf-8")
    report = audit(read_text(text, path.stem))
    return sorted(
        (Finding(f.rule, Span(f.start, f.end)) for f in report.active_findings if f.category == "bias"),
        key=lambda f: (f.span, f.rule),
    )


def run_ptc(data: Path, split: str, jobs: int) -> TaskResult | Skipped:
    folder = data / FOLDER
    if split != "dev":
        return Skipped("ptc", f"no {split} split in this data set")
    if not (folder / "labels.tsv").is_file() or not (folder / "articles").is_dir():
        return Skipped("ptc", f"no file {folder}/labels.tsv and folder {folder}/articles")
    labels = read_span_labels(folder / "labels.tsv", TECHNIQUES)
    articles = [a for a in labels if (folder / "articles" / f"article{a}.txt").is_file()]
    outputs = parallel_map(bias_findings, [folder / "articles" / f"article{a}.txt" for a in articles], jobs)

    matched, inside = PRF(), PRF()
    in_gold, outside = Counter(), Counter()
    false_positives, false_negatives = [], []
    for article, findings in zip(articles, outputs, strict=True):
        gold = labels[article]
        predicted = [f.span for f in findings]
        pairs = overlap_matching(predicted, gold)
        matched.add(PRF(len(pairs), len(predicted), len(gold)))
        text = (folder / "articles" / f"article{article}.txt").read_bytes().decode("utf-8")
        for finding in findings:
            hit = any(finding.span.overlaps(g) for g in gold)
            (in_gold if hit else outside)[finding.rule] += 1
            if not hit:
                false_positives.append(f"{article}: {finding.rule} {in_context(text, finding.span)}")
        inside.add(PRF(sum(1 for f in findings if any(f.span.overlaps(g) for g in gold)), len(findings), 0))
        found = {g for _, g in pairs}
        false_negatives += [f"{article}: {in_context(text, g)}" for i, g in enumerate(gold) if i not in found]
    return TaskResult(
        task="ptc",
        title="PTC loaded-language and labelling spans (bias findings)",
        source=str(folder),
        items=len(articles),
        scores={"loaded span overlap": matched, "findings in a span": inside},
        rules=[
            RuleRow(rule.code, rule.name, rule.category, in_gold[rule.code], outside[rule.code], True)
            for rule in registry.all()
            if in_gold[rule.code] or outside[rule.code]
        ],
        false_positives=false_positives,
        false_negatives=false_negatives,
        notes=[
            f"{len(articles)} articles, {matched.gold} gold spans ({', '.join(sorted(TECHNIQUES))}); "
            "per rule: findings inside a gold span (on +) and outside every one (on -)"
        ],
    )
