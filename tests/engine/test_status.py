"""The status rule: the worst of the worst finding and the lowest category score (docs/json-report.md)."""

from newsaudit.engine.report import Finding, status_for
from newsaudit.engine.rules import registry
from newsaudit.engine.severity import Severity

GOOD = {"attribution": 95, "sourcing": 90, "readability": 88, "bias": 92, "overall": 91}


def finding(severity: Severity, category: str = "bias") -> Finding:
    return Finding("NA401", "loaded-language", category, severity, "m", "h", 0, 1, "x")


def test_one_low_category_is_not_averaged_away():
    # The case from issue #14: overall 71 with bias 35 used to pass.
    scores = {"attribution": 100, "sourcing": 100, "readability": 50, "bias": 35, "overall": 71}
    assert status_for([finding(Severity.INFO)] * 11, scores, 70, 40) == "warn"
    assert status_for([], {**scores, "bias": 60}, 70, 40) == "warn"
    assert status_for([], {**scores, "overall": 39}, 70, 40) == "fail"


def test_findings_decide_when_scores_are_good():
    assert status_for([], GOOD, 70, 40) == "pass"
    assert status_for([finding(Severity.INFO)], GOOD, 70, 40) == "pass"
    assert status_for([finding(Severity.WARNING)], GOOD, 70, 40) == "warn"
    assert status_for([finding(Severity.ERROR)], GOOD, 70, 40) == "fail"


def test_suppressed_findings_do_not_count():
    quiet = finding(Severity.ERROR)
    quiet.suppressed = True
    assert status_for([quiet], GOOD, 70, 40) == "pass"


def test_whole_article_rules_say_so_in_the_json():
    assert registry.get("NA301").scope == "article" and registry.get("NA502").scope == "article"
    assert registry.get("NA201").scope == "span"
    data = Finding("NA502", "missing-byline", "structure", Severity.WARNING, "m", "h", 0, 0, "", scope="article")
    assert data.to_dict()["scope"] == "article"
    assert "scope" not in finding(Severity.INFO).to_dict()
