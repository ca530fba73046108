"""The JSON report (the contract in docs/json-report.md)."""

from __future__ import annotations

import json

from ..report import Report
from ..severity import Severity


def render(report: Report, fail_on: Severity) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
