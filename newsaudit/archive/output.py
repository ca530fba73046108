"""`--output report.csv|report.json`, written as results arrive (the whole report is never held in memory).

The JSON file follows the CLI's JSON contract: {"tool", "documents": [...], "summary"}.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from .. import __version__
from ..engine.output.cells import safe_row
from .store import Outcome

CSV_COLUMNS = [
    "page_id",
    "revision_id",
    "title",
    "status",
    "score_overall",
    "findings",
    "errors",
    "warnings",
    "rules",
    "audited",
]


class ReportWriter:
    def __init__(self, path: Path) -> None:
        if path.suffix.lower() not in (".csv", ".json"):
            raise ValueError(f"--output must end in .csv or .json, not {path.name!r}")
        self.path = path
        self.json = path.suffix.lower() == ".json"
        self.file: IO[str] = path.open("w", encoding="utf-8", newline="")
        self.count = 0
        if self.json:
            self.file.write(f'{{"tool": {json.dumps({"name": "newsaudit", "version": __version__})},\n"documents": [\n')
        else:
            self.csv = csv.writer(self.file)
            self.csv.writerow(CSV_COLUMNS)

    def write(self, outcome: Outcome) -> None:
        if self.json:
            document = dict(outcome.report or {"id": f"page:{outcome.row.id}", "status": outcome.summary["status"]})
            document.setdefault("title", outcome.row.title)
            self.file.write(("" if not self.count else ",\n") + json.dumps(document, ensure_ascii=False))
        else:
            summary, report = outcome.summary, outcome.report or {}
            self.csv.writerow(
                safe_row(
                    [
                        outcome.row.id,
                        outcome.row.revision_id,
                        outcome.row.title,
                        summary["status"],
                        (report.get("scores") or {}).get("overall", ""),
                        summary["findings_count"],
                        summary["error_count"],
                        summary["warning_count"],
                        (summary["rules"] or "").strip(),
                        "yes" if outcome.audited else "unchanged",
                    ]
                )
            )
        self.count += 1

    def close(self, summary: dict[str, Any]) -> None:
        if self.json:
            self.file.write(f'\n],\n"summary": {json.dumps(summary)}}}\n')
        self.file.close()
