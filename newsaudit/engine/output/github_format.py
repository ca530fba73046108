"""GitHub Actions workflow commands: one annotation per counted finding, shown on the pull request.

`::warning file=story.txt,line=3,col=5,endLine=3,endColumn=19,title=NA201 weasel-attribution::message`
Severity maps to `error`, `warning` or `notice`. Line and column are given when the document is a `.txt` file
(its offsets index the file); for an HTML file, the line where the excerpt occurs in the source; for a page of a
JSON export (or a JSONL record), the export file with the line and column where the finding's text is in the page
object, the page's id opening the title (`page:4: NA201 weasel-attribution`).
Suppressed and baselined findings are not annotated; a closing plain line counts them.
"""

from __future__ import annotations

from ..report import DocumentReport, Finding, Report
from ..severity import Severity
from .locations import Location, Locator
from .status import document_fails

COMMANDS = {Severity.INFO: "notice", Severity.WARNING: "warning", Severity.ERROR: "error"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(report: Report, fail_on: Severity) -> str:
    lines: list[str] = []
    hidden = failing = 0
    locator = Locator()
    for document in report.documents:
        location = locator.locate(document)
        if document.status == "error":
            properties = _file(location) | _anchor(location)
            lines.append(command("error", document.error or "cannot read", **properties, title=_title(document)))
            failing += 1
            continue
        failing += document_fails(document.status, document.worst_severity(), fail_on)
        for finding in document.findings:
            if not finding.counts:
                hidden += 1
                continue
            lines.append(_annotation(document, finding, location))
    summary = report.summary()
    lines.append(
        f"newsaudit: {summary['documents']} document(s), {failing} failing; {summary['pass']} pass, "
        f"{summary['warn']} warn, {summary['fail']} fail, {summary['error']} error; "
        f"{hidden} suppressed or baselined finding(s) not annotated"
    )
    return "\n".join(lines) + "\n"


def _annotation(document: DocumentReport, finding: Finding, location: Location) -> str:
    properties: dict[str, str | int] = _file(location)
    start = location.line_column(finding.start)
    end = location.line_column(max(finding.start, finding.end - 1))
    exported = location.export_region(finding) if location.is_export else None
    if start and end:
        properties.update(line=start[0], col=start[1], endLine=end[0])
        if end[0] == start[0]:
            properties["endColumn"] = end[1] + 1
    elif exported:
        (line, column), found_end = exported
        properties.update(line=line, col=column)
        if found_end and found_end[0] == line:
            properties.update(endLine=line, endColumn=found_end[1])
    elif location.is_file:
        line = location.excerpt_line(finding.excerpt)
        if line:
            properties["line"] = line
    prefix = f"{document.id}: " if location.is_export or not location.is_file else ""
    properties["title"] = f"{prefix}{finding.rule} {finding.name}"
    excerpt = " ".join(finding.excerpt.split())
    message = f"{finding.message} \u201c{excerpt}\u201d\n{finding.hint}"
    return command(COMMANDS[finding.severity], message, **properties)


def _file(location: Location) -> dict[str, str | int]:
    return {"file": location.uri} if location.is_file else {}


def _anchor(location: Location) -> dict[str, str | int]:
    anchor = location.anchor()
    return {"line": anchor[0], "col": anchor[1]} if anchor else {}


def _title(document: DocumentReport) -> str:
    return f"newsaudit: cannot read {document.qualified_id}"
