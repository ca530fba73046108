"""Bounded audits: max_text_chars (NA506), the time budget and cancellation (NA507)."""

import pytest

from newsaudit.engine import Config, ConfigError, audit, read_html, read_text
from newsaudit.engine.document import BlockInput, build_document, truncated

PARAGRAPH = "Observers note that the council met on Monday and prices rose 4% after the storm, officials said. "


def test_documented_truncation_example_triggers_na506():
    # The rule's documented example: a 250,000-character paragraph under the default bound of 200,000.
    text = (PARAGRAPH * 2600)[:250_000]
    report = audit(read_text(text, "long"))
    (finding,) = [f for f in report.findings if f.rule == "NA506"]
    assert finding.category == "structure" and finding.severity.label == "warning"
    assert "of 250,000 characters" in finding.message
    assert report.partial["total_chars"] == 250_000
    assert report.partial["audited_chars"] <= 200_000 and report.partial["stopped"] is None
    assert max(f.end for f in report.findings) <= report.partial["audited_chars"]
    assert report.to_dict()["partial"] == report.partial


def test_text_under_the_bound_is_audited_whole_and_unmarked():
    report = audit(read_text(PARAGRAPH * 20, "short"))
    assert "NA506" not in {f.rule for f in report.findings}
    assert report.partial is None and "partial" not in report.to_dict()


def test_truncation_cuts_at_a_sentence_end_and_keeps_offsets():
    html = "".join(f'<p id="b{i}">{PARAGRAPH * 3}<a href="https://example.org/{i}">link</a></p>' for i in range(40))
    document = read_html(html, "doc")
    cut = truncated(document, 5_000)
    assert len(cut.text) <= 5_000 and document.text.startswith(cut.text)
    assert cut.text.endswith(".")
    assert all(b.end <= len(cut.text) for b in cut.blocks)
    assert all(s.end <= len(cut.text) for s in cut.sentences())
    assert all(k.end <= len(cut.text) for b in cut.blocks for k in b.links)
    assert truncated(document, 10**9) is document


def test_max_text_chars_zero_switches_the_bound_off():
    text = PARAGRAPH * 40
    report = audit(read_text(text, "x"), Config().merge({"max_text_chars": 0}))
    assert report.partial is None
    report = audit(read_text(text, "x"), Config().merge({"max-text-chars": 1000}))
    assert report.partial["audited_chars"] <= 1000


def test_time_budget_stops_with_a_marked_partial_report():
    # The documented NA507 example: a budget spent before the first rule.
    report = audit(read_text(PARAGRAPH * 30, "slow"), Config().merge({"time_budget_seconds": 0.000001}))
    assert [f.rule for f in report.findings] == ["NA507"]
    assert report.partial["stopped"] == "it reached its time budget"
    assert report.status in ("pass", "warn")


def test_cancelled_audit_stops_between_rules():
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    report = audit(read_text(PARAGRAPH * 30, "c"), cancelled=cancelled)
    assert report.partial["stopped"] == "a newer check replaced it"
    assert "NA507" in {f.rule for f in report.findings}
    full = audit(read_text(PARAGRAPH * 30, "c"))
    assert len(report.findings) < len(full.findings)


@pytest.mark.parametrize(
    "layer",
    [{"max_text_chars": -1}, {"max_text_chars": "big"}, {"time_budget_seconds": -2}, {"time_budget_seconds": True}],
)
def test_bad_bounds_are_config_errors(layer):
    with pytest.raises(ConfigError):
        Config().merge(layer)


def test_segment_limit_gives_the_same_truncated_document():
    blocks = [BlockInput("paragraph", PARAGRAPH * 40, block_id=f"b{i}") for i in range(10)]
    full = truncated(build_document("d", blocks), 9_000)
    limited = build_document("d", blocks, segment_limit=9_000)
    assert limited.text == build_document("d", blocks).text
    assert sum(1 for _ in limited.sentences()) < sum(1 for _ in build_document("d", blocks).sentences())
    cut = truncated(limited, 9_000)
    assert cut.text == full.text
    assert [(s.start, s.end) for s in cut.sentences()] == [(s.start, s.end) for s in full.sentences()]
