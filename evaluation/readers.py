"""Readers for the evaluation data: brat standoff annotations (PolNeAR) and labelled sentence CSVs."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .metrics import Span

_TEXT_BOUND = re.compile(r"^T\d+\t([\w-]+) ([\d ;]+)\t")
_ANNOTATOR = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


def parse_brat(ann: str) -> dict[str, list[Span]]:
    """Text-bound annotations by type ("Source", "Cue", ...), each as a Span.

    A discontinuous annotation ("12 20;25 30") becomes the span from its first start to its last end. Relation
    lines (E, R, A...) and the continuation lines of annotation text that contains a newline are ignored: only the
    offsets are used, never the copied text.
    """
    spans: dict[str, list[Span]] = defaultdict(list)
    for line in ann.splitlines():
        match = _TEXT_BOUND.match(line)
        if not match:
            continue
        fragments = [tuple(map(int, part.split())) for part in match.group(2).split(";")]
        spans[match.group(1)].append(Span(min(s for s, _ in fragments), max(e for _, e in fragments)))
    return {kind: sorted(set(found)) for kind, found in spans.items()}


def pick_annotations(folder: Path) -> dict[str, Path]:
    """One annotation file per article: `<article>_<annotator>.ann`; where several annotators did the same article,
    the one with the smallest annotator id (the first one metadata.tsv lists). The choice ignores the content of
    the files and the engine's output, so it cannot favour the engine."""
    chosen: dict[str, tuple[str, Path]] = {}
    for path in sorted(folder.glob("*.ann")):
        match = _ANNOTATOR.match(path.name)
        if not match:
            continue
        article, annotator = match.group("article"), match.group("annotator")
        if article not in chosen or annotator < chosen[article][0]:
            chosen[article] = (annotator, path)
    return {article: path for article, (_, path) in sorted(chosen.items())}


@dataclass(frozen=True, slots=True)
class Labelled:
    text: str
    positive: bool


def read_labelled_csv(
    path: Path, text_column: str, label_column: str, positive: str, negative: str
) -> tuple[list[Labelled], int]:
    """Sentences with a binary label from a CSV whose delimiter (comma, semicolon or tab) is read off its header.

    Returns the rows and how many rows were skipped because their label is neither `positive` nor `negative`
    (BABE has a "No agreement" label). Whitespace runs inside a sentence become one space, so every sentence is
    one paragraph for the engine.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = handle.readline()
        delimiter = max(",;\t", key=header.count)
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter=delimiter)
        missing = {text_column, label_column} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: no column {', '.join(sorted(missing))} (columns: {reader.fieldnames})")
        rows, skipped = [], 0
        for row in reader:
            label = (row.get(label_column) or "").strip()
            if label not in (positive, negative):
                skipped += 1
                continue
            rows.append(Labelled(" ".join((row[text_column] or "").split()), label == positive))
    return rows, skipped


def read_span_labels(path: Path, techniques: frozenset[str]) -> dict[str, list[Span]]:
    """Gold spans of the given techniques per article from a `article<TAB>technique<TAB>start<TAB>end` file (PTC).

    The header line and lines of other techniques are skipped; a span labelled with two of the techniques counts
    once. Every article named in the file is a key, even one with no span of these techniques."""
    spans: dict[str, set[Span]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) != 4 or not fields[2].isdigit() or not fields[3].isdigit():
            continue  # the header, or a malformed line
        article, technique, start, end = fields
        found = spans[article]
        if technique in techniques:
            found.add(Span(int(start), int(end)))
    return {article: sorted(found) for article, found in sorted(spans.items())}
