"""Locating export pages in their files (no CLI): fallbacks when the excerpt is not in the source as it is, and a
cost that stays linear whatever the export holds."""

import json
import time
from pathlib import Path

from newsaudit.engine.output.locations import Locator, export_spans, plain_run
from newsaudit.engine.report import DocumentReport, Finding
from newsaudit.engine.severity import Severity


def finding(excerpt: str, block_id: str | None = None) -> Finding:
    return Finding("NA201", "weasel-attribution", "sourcing", Severity.WARNING, "m", "h", 0, 1, excerpt, block_id)


def page_report(path: Path, page_id: int, *findings: Finding) -> DocumentReport:
    return DocumentReport(f"page:{page_id}", file=str(path), findings=list(findings))


def line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def test_plain_runs_skip_what_json_or_html_would_write_differently():
    assert plain_run("Critics say") == ("Critics say", True)
    assert plain_run("\u201cwreckers\u201d, said a source") == ("wreckers", False)
    assert plain_run('"Hi" & bye') == ("", False)


def test_a_finding_falls_back_to_its_block_then_to_its_page(tmp_path: Path):
    listing = {
        "meta": {"total_count": 2},
        "items": [
            {"id": 7, "meta": {"type": "news.ArticlePage"}, "title": "First", "body": "<p>Nothing here.</p>"},
            {
                "id": 8,
                "meta": {"type": "news.ArticlePage"},
                "title": "Second",
                "body": [{"type": "paragraph", "value": "<p>Observers <b>note</b> it.</p>", "id": "block-8a"}],
            },
        ],
    }
    path = tmp_path / "pages.json"
    path.write_text(json.dumps(listing, indent=2), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    locator = Locator(base=tmp_path)
    first = locator.locate(page_report(path, 7))
    second = locator.locate(page_report(path, 8))
    assert first.uri == "pages.json" and first.is_export
    # The excerpt is split by markup in the source: the block's id is the next best place.
    (line, _column), end = second.export_region(finding("Observers note", "block-8a"))
    assert (line, end) == (line_of(text, '"block-8a"'), None)
    # No block either: the page object itself.
    (line, column), _ = second.export_region(finding("Observers note"))
    assert line == line_of(text, '"id": 8') - 1 and column == 5
    assert first.anchor() == (line_of(text, '"id": 7') - 1, 5)


def test_unreadable_exports_give_no_spans():
    for text in ("", "{not json", "[" * 100_000, '{"items": [1, 2', "[1] trailing"):
        assert isinstance(export_spans(text, "x.json"), dict)
    assert export_spans("{not json", "x.json") == {}


def test_locating_stays_linear_on_a_huge_page_with_unfindable_findings(tmp_path: Path):
    """5 MB of page and 50,000 findings found nowhere in it: unbounded searches would scan 250 billion
    characters; the budget keeps it to a few multiples of the page's size."""
    body = [{"type": "paragraph", "value": "<p>" + "word " * 100 + "</p>", "id": f"b{n}"} for n in range(10_000)]
    path = tmp_path / "huge.json"
    path.write_text(json.dumps({"id": 1, "meta": {"type": "x"}, "title": "Huge", "body": body}), encoding="utf-8")
    findings = [finding(f"absent phrase {n}", f"no-such-block-{n}") for n in range(50_000)]
    started = time.perf_counter()
    location = Locator(base=tmp_path).locate(page_report(path, 1, *findings))
    regions = [location.export_region(f) for f in findings]
    seconds = time.perf_counter() - started
    assert all(region == ((1, 1), None) for region in regions)
    assert seconds < 5, f"{seconds:.1f} s"
