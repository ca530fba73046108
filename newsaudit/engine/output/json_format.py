"""The JSON report (the contract in docs/json-report.md)."""

from __future__ import annotations

import json

from ..report import TOOL, DocumentReport, Report
from ..severity import Severity

# Compact: the C encoder only runs without indentation, and machines read this (`jq .` pretty-prints it).
_COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


def render(report: Report, fail_on: Severity) -> str:
    return json.dumps(report.to_dict(), **_COMPACT) + "\n"


def document_json(document: DocumentReport) -> str:
    """One document's part of the report, as `render` writes it."""
    return json.dumps(document.to_dict(), **_COMPACT)


def render_documents(parts: list[str], summary: dict[str, int]) -> str:
    """The same text as `render`, from each document's `document_json` and the report's summary: the CLI's
    workers render the documents they audit, and the parent process only joins them."""
    tool, totals = json.dumps(TOOL, **_COMPACT), json.dumps(summary, **_COMPACT)
    return '{"tool":' + tool + ',"documents":[' + ",".join(parts) + '],"summary":' + totals + "}\n"
