"""SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers.

Rule metadata comes from the rule catalogue (`newsaudit.engine.rules.registry`), never written twice. A file is
located by its path relative to the working folder, under `uriBaseId` `%SRCROOT%`. A `.txt` file's region is exact
(`charOffset`/`charLength` and line/column: the offsets index the file); an HTML file's region is the line where
the excerpt occurs in the source; a page of a JSON export (or a JSONL record) is located in its export file, at
the line and column where the finding's text is in the page object (see `locations.py`). For HTML and exports the
document-text offsets go in the location's `properties`. Only a document that is not in a readable file keeps its
id as the artifact (`page:4`) and `charOffset`/`charLength` into its text. The logical location names the
document by id, and by file and id (`pages.json#page:4`) when the id alone does not name its file. Suppressed
findings carry `suppressions`; baselined ones `baselineState: "unchanged"` (and new ones `"new"` when a baseline
was applied).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any
from urllib.parse import quote

from ... import __version__
from ..report import DocumentReport, Finding, Report
from ..rules import registry
from ..severity import Severity
from .locations import Location, Locator

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.INFO: "note", Severity.WARNING: "warning", Severity.ERROR: "error"}
SRCROOT = "%SRCROOT%"
URI_SAFE = ":/@!$&'()*+,;=-._~"


def render(report: Report, fail_on: Severity) -> str:
    rules = registry.all()
    index = {rule.code: position for position, rule in enumerate(rules)}
    with_baseline = any(f.baselined for d in report.documents for f in d.findings)
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    locator = Locator()
    for document in report.documents:
        location = locator.locate(document)
        if document.status == "error":
            notifications.append(_notification(document, location))
            continue
        seen: Counter[str] = Counter()
        for finding in document.findings:
            fingerprint = _fingerprint(document.qualified_id, finding)
            seen[fingerprint] += 1
            result = _result(document, finding, location, index, with_baseline)
            result["partialFingerprints"] = {"newsauditFinding/v1": f"{fingerprint}:{seen[fingerprint]}"}
            results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": _driver(rules)},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    sarif = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def _driver(rules: list) -> dict[str, Any]:
    return {
        "name": "newsaudit",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.why},
                "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {"category": rule.category, "tags": ["newsaudit", rule.category]},
            }
            for rule in rules
        ],
    }


def _help_text(rule) -> str:
    return f"{rule.summary}\n\nExample: {rule.example}\n\nUse instead: {rule.instead}"


def _help_markdown(rule) -> str:
    return (
        f"**What it does.** {rule.summary}\n\n**Why it matters.** {rule.why}\n\n"
        f"**Example.** {rule.example}\n\n**Use instead.** {rule.instead}"
    )


def _result(
    document: DocumentReport, finding: Finding, location: Location, index: dict[str, int], with_baseline: bool
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} {finding.hint}".strip()},
        "locations": [_location(document, finding, location)],
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.suppressed:
        result["suppressions"] = [
            {"kind": "inSource", "justification": "newsaudit: ignore comment or data-newsaudit-ignore attribute"}
        ]
    if with_baseline:
        result["baselineState"] = "unchanged" if finding.baselined else "new"
    return result


def _location(document: DocumentReport, finding: Finding, location: Location) -> dict[str, Any]:
    offsets = {"charOffset": finding.start, "charLength": max(0, finding.end - finding.start)}
    region: dict[str, Any] = {}
    start = location.line_column(finding.start)
    end = location.line_column(finding.end)
    exported = location.export_region(finding) if location.is_export else None
    if start and end:  # a .txt file: offsets index the file
        region.update(offsets, startLine=start[0], startColumn=start[1], endLine=end[0], endColumn=end[1])
    elif exported:  # a page of an export: where its text is in the export file
        (line, column), found_end = exported
        region.update(startLine=line, startColumn=column)
        if found_end:
            region.update(endLine=found_end[0], endColumn=found_end[1])
    elif location.is_file and not location.exact:  # HTML: the line of the excerpt in the source
        region["startLine"] = location.excerpt_line(finding.excerpt) or 1
    else:  # a document outside any readable file: the artifact is the document's text itself
        region.update(offsets)
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    artifact: dict[str, Any] = {"uri": quote(location.uri, safe=URI_SAFE)}
    if location.is_file:
        artifact["uriBaseId"] = SRCROOT
    physical = {"artifactLocation": artifact, "region": region}
    logical = {"name": document.id, "kind": "module"}
    if document.title or document.qualified_id != document.id:
        title = f" ({document.title})" if document.title else ""
        logical["fullyQualifiedName"] = f"{document.qualified_id}{title}"
    location_data: dict[str, Any] = {"physicalLocation": physical, "logicalLocations": [logical]}
    if "charOffset" not in region:
        location_data["properties"] = {"documentOffset": finding.start, "documentLength": offsets["charLength"]}
    return location_data


def _notification(document: DocumentReport, location: Location) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": quote(location.uri, safe=URI_SAFE)}
    if location.is_file:
        artifact["uriBaseId"] = SRCROOT
    physical: dict[str, Any] = {"artifactLocation": artifact}
    anchor = location.anchor()
    if anchor:  # a page of an export: where its object begins
        physical["region"] = {"startLine": anchor[0], "startColumn": anchor[1]}
    return {
        "level": "error",
        "message": {"text": f"{document.qualified_id}: {document.error or 'cannot read'}"},
        "locations": [{"physicalLocation": physical}],
    }


def _fingerprint(doc_id: str, finding: Finding) -> str:
    """Stable across runs and edits elsewhere in the text: document (its qualified id), rule and the excerpt, not
    the offset."""
    key = "\x1f".join((doc_id, finding.rule, " ".join(finding.excerpt.split()).casefold()))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
