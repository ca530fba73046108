"""Output formats for a Report. Each module has one `render(report, fail_on) -> str`."""

from __future__ import annotations

from collections.abc import Callable

from ..report import Report
from ..severity import Severity
from . import json_format, text_format

FORMATS: dict[str, Callable[[Report, Severity], str]] = {
    "text": text_format.render,
    "json": json_format.render,
}


def document_fails(status: str, worst: Severity | None, fail_on: Severity) -> bool:
    """Does a document fail the build? `error` and `fail` statuses always do; with --fail-on warning, `warn`
    does too; and so does any finding at or above `fail_on`."""
    if status in ("error", "fail") or (status == "warn" and fail_on <= Severity.WARNING):
        return True
    return worst is not None and worst >= fail_on
