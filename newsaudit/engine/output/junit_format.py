"""JUnit XML: one test suite, one test case per document, named by its id (and file, `pages.json#page:4`, when
the id alone does not name the file), with the file in a `file` attribute.

A document that fails `--fail-on` has a <failure> listing the findings that count; a document that could not be
read has an <error>. Suppressed and baselined findings never fail a test case: they are listed in <system-out>,
so nothing is silently hidden.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..report import DocumentReport, Finding, Report
from ..severity import Severity
from .status import document_fails

SUITE_NAME = "newsaudit"


def render(report: Report, fail_on: Severity) -> str:
    suites = ET.Element("testsuites", name=SUITE_NAME)
    suite = ET.SubElement(suites, "testsuite", name=SUITE_NAME)
    failures = errors = 0
    for document in report.documents:
        outcome = _testcase(suite, document, fail_on)
        failures += outcome == "failure"
        errors += outcome == "error"
    for element in (suites, suite):
        element.set("tests", str(len(report.documents)))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
        element.set("skipped", "0")
        element.set("time", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _testcase(suite: ET.Element, document: DocumentReport, fail_on: Severity) -> str | None:
    case = ET.SubElement(suite, "testcase", classname=SUITE_NAME, name=_clean(document.qualified_id), time="0")
    if document.file:
        case.set("file", _clean(document.file))
    if document.status == "error":
        ET.SubElement(case, "error", message=_clean(document.error or "cannot read"), type="read-error")
        return "error"
    outcome = None
    counted = document.active_findings
    if document_fails(document.status, document.worst_severity(), fail_on):
        worst = document.worst_severity()
        message = f"status {document.status}: {len(counted)} finding(s)" + (f", worst {worst.label}" if worst else "")
        if document.scores:
            message += f"; overall score {document.scores['overall']}"
        failure = ET.SubElement(case, "failure", message=message, type=_failure_type(counted))
        failure.text = _clean("\n".join(_line(f) for f in counted) or message)
        outcome = "failure"
    others = [f for f in document.findings if not f.counts] + ([] if outcome else counted)
    if others:
        out = ET.SubElement(case, "system-out")
        out.text = _clean("\n".join(_line(f) for f in others))
    return outcome


def _failure_type(findings: list[Finding]) -> str:
    return findings[0].rule if len({f.rule for f in findings}) == 1 else "newsaudit"


def _line(finding: Finding) -> str:
    state = " (suppressed)" if finding.suppressed else " (baselined)" if finding.baselined else ""
    excerpt = " ".join(finding.excerpt.split())
    return (
        f"{finding.start}-{finding.end} {finding.severity.label} {finding.rule} {finding.name}{state}: "
        f"{finding.message} \u201c{excerpt}\u201d \u2192 {finding.hint}"
    )


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped: drop them."""
    return "".join(
        c for c in text if c in "\t\n\r" or (c >= " " and not "\ud800" <= c <= "\udfff" and c not in "\ufffe\uffff")
    )
