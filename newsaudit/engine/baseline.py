"""Baselines: accept the findings of an earlier JSON report, fail only on new ones.

A finding matches the baseline when the baseline holds a finding for the same document id with the same rule and
the same excerpt text (whitespace collapsed, case folded), not the same offset, so edits elsewhere in a story do
not make old findings new. Matching counts multiplicity: two identical weasel phrases in the baseline accept two,
a third is new. Suppressed findings in the baseline are not accepted (removing a suppression shows the finding).
A matched finding is marked `baselined`; the document's status is recomputed from the findings that still count.

Documents are told apart by their id and the file they were read from (`file`): two exports may both hold
`page:4`. A baseline written before reports named their files (or by the Wagtail side, which has no files) is
matched by id alone; documents that share such an id share its accepted findings, multiplicity included.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .config import Config
from .report import DocumentReport, Report, category_scores, status_for

Key = tuple[str, str]  # (rule, normalised excerpt)
DocumentKey = tuple[str | None, str]  # (file or None, document id)
Baseline = dict[DocumentKey, Counter[Key]]


class BaselineError(ValueError):
    """The baseline file is missing, unreadable or not a newsaudit JSON report."""


def normalise(excerpt: str) -> str:
    return " ".join(excerpt.split()).casefold()


def load(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"baseline {path}: cannot read ({error.strerror or error})") from None
    except (UnicodeDecodeError, RecursionError):
        raise BaselineError(f"baseline {path}: not a newsaudit JSON report") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"baseline {path}: not valid JSON ({error.msg} at line {error.lineno})") from None
    return parse(data, str(path))


def parse(data: Any, origin: str = "baseline") -> Baseline:
    """The accepted findings of a `--format json` report, by document (file, id)."""
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise BaselineError(f"baseline {origin}: not a newsaudit JSON report (no 'documents' list)")
    baseline: Baseline = {}
    for number, document in enumerate(data["documents"]):
        if not isinstance(document, dict) or not isinstance(document.get("id"), str):
            raise BaselineError(f"baseline {origin}: document {number} has no string 'id'")
        findings = document.get("findings", [])
        if not isinstance(findings, list):
            raise BaselineError(f"baseline {origin}: document {document['id']!r}: 'findings' is not a list")
        file = document.get("file") if isinstance(document.get("file"), str) else None
        accepted = baseline.setdefault((file, document["id"]), Counter())
        for finding in findings:
            if not isinstance(finding, dict) or not isinstance(finding.get("rule"), str):
                raise BaselineError(f"baseline {origin}: document {document['id']!r}: a finding has no 'rule'")
            if not finding.get("suppressed"):
                accepted[(finding["rule"], normalise(str(finding.get("excerpt", ""))))] += 1
    return baseline


def apply(report: Report, baseline: Baseline, config: Config) -> int:
    """Mark findings found in `baseline` as baselined and recompute statuses; returns how many were marked."""
    remaining = {key: Counter(accepted) for key, accepted in baseline.items()}  # consumed as findings match
    marked = 0
    for document in report.documents:
        key = (document.file, document.id)
        if key not in remaining:
            key = (None, document.id)  # a baseline without files: match by id alone
        marked += _apply_document(document, remaining.get(key), config)
    return marked


def _apply_document(document: DocumentReport, remaining: Counter[Key] | None, config: Config) -> int:
    if not remaining or document.status == "error":
        return 0
    marked = 0
    for finding in document.findings:
        if finding.suppressed:
            continue
        key = (finding.rule, normalise(finding.excerpt))
        if remaining[key] > 0:
            remaining[key] -= 1
            finding.baselined = True
            marked += 1
    if marked:
        figures = document.readability
        sentences = int(figures.get("sentences", 0))
        ease = float(figures["flesch_reading_ease"]) if figures.get("words") else None
        scores = category_scores(document.findings, sentences, ease)
        document.status = status_for(document.findings, scores, config.warn_below, config.fail_below)
    return marked
