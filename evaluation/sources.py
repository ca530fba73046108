"""Issue #16 on PolNeAR: are the listed sources real sources, and are the mentions of one source merged?

- named entries: per article, the `source_mix` entries that are not anonymous, right when one of their mentions
  overlaps a gold Source (precision only: PolNeAR marks sources, not who they are);
- proper-name entries: the same for the entries whose name is a proper name (not "the billionaire");
- keyed entries: the same for the entries that carry an archive key (the ones `newsaudit sources` merges);
- merge pairs: on a sample of dev articles labelled by reading (labels/polnear_dev_source_chains.tsv), pairs of
  mentions that overlap gold Sources: a pair is predicted when both sit in one entry, gold when both gold spans
  are in one chain. Recall is of the merging among the gold sources the engine found, not of finding them;
- the 20 most-mentioned entries across the split, with a check that no person is listed twice.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from newsaudit.engine import audit, read_text
from newsaudit.engine.attributions import is_named
from newsaudit.engine.report import DocumentReport
from newsaudit.engine.sources.archive import merge_documents

from .metrics import PRF, Span
from .readers import parse_brat

CHAINS = Path(__file__).parent / "labels" / "polnear_dev_source_chains.tsv"
TOP = 20


def audit_file(path: Path) -> DocumentReport:
    report = audit(read_text(path.read_bytes().decode("utf-8"), path.stem))
    report.file = path.name
    return report


def read_chains(path: Path = CHAINS) -> dict[str, dict[int, str]]:
    """article -> gold Source start offset -> chain id, for the labelled articles."""
    chains: dict[str, dict[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        article, chain, starts = line.split("\t")
        for start in starts.split(","):
            chains.setdefault(article, {})[int(start)] = chain
    return chains


ENTRY_MEASURES = {
    "named entries": lambda s: s["kind"] != "anonymous",  # the measure: every entry that is not anonymous
    "proper-name entries": lambda s: s["kind"] != "anonymous" and is_named(s["name"]),
    "keyed entries": lambda s: bool(s["key"]),  # the entries `newsaudit sources` merges across documents
}


def entry_precision(report: DocumentReport, gold: list[Span], measure: str) -> tuple[PRF, list[str]]:
    right, wrong = 0, []
    entries = [s for s in report.source_mix["sources"] if ENTRY_MEASURES[measure](s)]
    for entry in entries:
        if any(Span(m["start"], m["end"]).overlaps(g) for m in entry["mentions"] for g in gold):
            right += 1
        else:
            wrong.append(f"{report.id}: entry {entry['name']!r} ({entry['kind']}) overlaps no gold source")
    return PRF(right, len(entries), 0), wrong


def merge_pairs(report: DocumentReport, gold: list[Span], chains: dict[int, str]) -> tuple[PRF, list[str]]:
    """Pairwise merge precision and recall over the engine's mentions that overlap a gold Source."""
    items: list[tuple[int, str, str]] = []  # (entry index, gold chain, mention text)
    for k, entry in enumerate(report.source_mix["sources"]):
        for mention in entry["mentions"]:
            span = Span(mention["start"], mention["end"])
            hit = next((g for g in gold if span.overlaps(g)), None)
            if hit is not None:
                items.append((k, chains.get(hit.start, f"_{hit.start}"), mention["text"]))
    tp = predicted = expected = 0
    errors = []
    for (e1, c1, t1), (e2, c2, t2) in combinations(items, 2):
        predicted += e1 == e2
        expected += c1 == c2
        tp += e1 == e2 and c1 == c2
        if (e1 == e2) != (c1 == c2):
            verdict = "merged but different" if e1 == e2 else "apart but the same"
            errors.append(f"{report.id}: {verdict}: {' '.join(t1.split())!r} / {' '.join(t2.split())!r}")
    return PRF(tp, predicted, expected), errors


def top_entries(reports: list[DocumentReport]) -> tuple[list[str], list[str]]:
    """The most-mentioned entries across the split, and the people among them listed more than once: the same
    name twice, or a bare surname beside a full name that ends in it ("Trump" beside "Donald Trump")."""
    top = merge_documents(reports)["sources"][:TOP]
    lines = [f"{len(s['mentions']):>4} {s['documents']:>3} docs  {s['kind']:<12} {s['name']}" for s in top]
    people = [s["name"] for s in top if s["kind"] == "person"]
    surnames = {name.split()[-1] for name in people if " " in name}
    twice = sorted({name for name in people if people.count(name) > 1 or name in surnames})
    return lines, twice


def score(folder: Path, reports: list[DocumentReport], annotations: dict[str, Path]) -> dict:
    chains = read_chains() if folder.name == "dev" else {}
    scores = {name: PRF() for name in ENTRY_MEASURES}
    if chains:
        scores["merge pairs"] = PRF()
    false_positives, false_negatives = [], []
    for report in reports:
        if report.source_mix is None:  # the audit failed: counted as no entries, and said on stderr by the engine
            continue
        gold = parse_brat(annotations[report.id].read_text(encoding="utf-8")).get("Source", [])
        for name in ENTRY_MEASURES:
            prf, wrong = entry_precision(report, gold, name)
            scores[name].add(prf)
            false_positives += wrong if name == "named entries" else []
        if report.id in chains:
            prf, errors = merge_pairs(report, gold, chains[report.id])
            scores["merge pairs"].add(prf)
            false_negatives += errors
    return {"scores": scores, "false_positives": false_positives, "false_negatives": false_negatives}
