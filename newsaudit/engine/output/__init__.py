"""Output formats for a Report. Each module has one `render(report, fail_on) -> str`."""

from __future__ import annotations

from collections.abc import Callable

from ..report import Report
from ..severity import Severity
from . import github_format, json_format, junit_format, sarif_format, text_format
from .status import document_fails

FORMATS: dict[str, Callable[[Report, Severity], str]] = {
    "text": text_format.render,
    "json": json_format.render,
    "junit": junit_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
}

__all__ = ["FORMATS", "document_fails"]
