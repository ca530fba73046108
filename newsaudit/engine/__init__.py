"""The newsaudit engine: pure Python, never imports Django.

from newsaudit.engine import audit, read_html
report = audit(read_html(html, "story-1"))
report.to_dict()   # the JSON contract in docs/json-report.md
"""

from .audit import audit, audit_item, error_report
from .config import DEFAULT, Config, ConfigError
from .document import BlockInput, Document, build_document
from .readers import DocumentError, html_to_blocks, read_html, read_path, read_text
from .report import DocumentReport, Finding, Report
from .rules import registry
from .severity import Severity

__all__ = [
    "DEFAULT",
    "BlockInput",
    "Config",
    "ConfigError",
    "Document",
    "DocumentError",
    "DocumentReport",
    "Finding",
    "Report",
    "Severity",
    "audit",
    "audit_item",
    "build_document",
    "error_report",
    "html_to_blocks",
    "read_html",
    "read_path",
    "read_text",
    "registry",
]
