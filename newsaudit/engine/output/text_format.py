"""Human-readable text: one block per document, one line per finding with its hint."""

from __future__ import annotations

from ..report import Report
from ..severity import Severity


def render(report: Report, fail_on: Severity) -> str:
    lines: list[str] = []
    for document in report.documents:
        scores = document.scores
        head = f"{document.qualified_id}: {document.status.upper()}"
        if document.error:
            lines.append(f"{head} - {document.error}")
            continue
        if scores:
            head += (
                f"  (overall {scores['overall']}; attribution {scores['attribution']}, sourcing {scores['sourcing']}, "
            )
            head += f"readability {scores['readability']}, bias {scores['bias']})"
        lines.append(head)
        for finding in document.findings:
            if not finding.counts:
                continue
            excerpt = finding.excerpt.replace("\n", " ")
            if len(excerpt) > 80:
                excerpt = excerpt[:79] + "\u2026"
            lines.append(
                f"  {finding.start}-{finding.end} {finding.severity.label:<7} {finding.rule} {finding.message}"
            )
            lines.append(f"      \u201c{excerpt}\u201d  \u2192 {finding.hint}")
        hidden = _hidden(document.findings)
        if hidden:
            lines.append(f"  ({hidden} not shown)")
    summary = report.summary()
    lines.append(
        f"{summary['documents']} document(s): {summary['pass']} pass, {summary['warn']} warn, "
        f"{summary['fail']} fail, {summary['error']} error"
    )
    return "\n".join(lines) + "\n"


def _hidden(findings: list) -> str:
    suppressed = sum(f.suppressed for f in findings)
    baselined = sum(f.baselined and not f.suppressed for f in findings)
    parts = [f"{suppressed} suppressed"] if suppressed else []
    parts += [f"{baselined} baselined"] if baselined else []
    return ", ".join(parts)
