"""Small helpers for engine tests: audit a snippet and look at its findings."""

from newsaudit.engine import Config, audit, read_html, read_text


def audit_html(html: str, config: Config | None = None):
    return audit(read_html(html, "test"), config or Config())


def audit_plain(text: str, config: Config | None = None):
    return audit(read_text(text, "test"), config or Config())


def rules_of(report) -> list[str]:
    return [f.rule for f in report.findings if not f.suppressed]


def spans_of(report, rule: str) -> list[str]:
    return [f.excerpt for f in report.findings if f.rule == rule]


def attributions_of(text: str, field: str = "cue_category") -> list[tuple[str, str, str]]:
    """(source, cue, the attribution's `field`) for every attribution of a plain-text article."""
    from newsaudit.engine.attributions import find_attributions
    from newsaudit.engine.quotes import find_quotes

    doc = read_text(text, "test")
    return [
        (doc.text[a.source.start : a.source.end], doc.text[a.cue.start : a.cue.end], getattr(a, field))
        for a in find_attributions(doc, find_quotes(doc))
    ]
