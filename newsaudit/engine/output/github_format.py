"""GitHub Actions workflow commands: one annotation per counted finding, shown on the pull request.

`::warning file=story.txt,line=3,col=5,endLine=3,endColumn=19,title=NA201 weasel-attribution::message`
Severity maps to `error`, `warning` or `notice`. Line and column are given when the document is a `.txt` file
(its offsets index the file); for an HTML file, the line where the excerpt occurs in the source; a page from an
export is named by its id in the title.
Suppressed and baselined findings are not annotated; a closing plain line counts them.
"""

from __future__ import annotations

from ..report import DocumentReport, Finding, Report
from ..severity import Severity
from .locations import Location, locate
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
    for document in report.documents:
        location = locate(document.id)
        if document.status == "error":
            lines.append(command("error", document.error or "cannot read", **_file(location), title=_title(document)))
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
    if start and end:
        properties.update(line=start[0], col=start[1], endLine=end[0])
        if end[0] == start[0]:
            properties["endColumn"] = end[1] + 1
    elif location.is_file:
        line = location.excerpt_line(finding.excerpt)
        if line:
            properties["line"] = line
    prefix = "" if location.is_file else f"{document.id}: "
    properties["title"] = f"{prefix}{finding.rule} {finding.name}"
    excerpt = " ".join(finding.excerpt.split())
    message = f"{finding.message} \u201c{excerpt}\u201d\n{finding.hint}"
    return command(COMMANDS[finding.severity], message, **properties)


def _file(location: Location) -> dict[str, str | int]:
    return {"file": location.uri} if location.is_file else {}


def _title(document: DocumentReport) -> str:
    return f"newsaudit: cannot read {document.id}"
