"""The JSON report (the contract in docs/json-report.md)."""

from __future__ import annotations

import json

from ..report import Report
from ..severity import Severity


def render(report: Report, fail_on: Severity) -> str:
    # Compact: the C encoder only runs without indentation, and machines read this (`jq .` pretty-prints it).
    return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
