"""The panel's grouping: Problems / Whole article / Improvements / Good, folded repeats, cut excerpts, lights."""

from newsaudit.engine.config import Config
from newsaudit.panels.findings import cut_end, cut_start, finding_groups, lights, passed_checks, verdict


def f(rule, severity, start, *, name="passive-voice", category="readability", hint="Say who did it.", **extra):
    return {
        "rule": rule,
        "name": name,
        "category": category,
        "severity": severity,
        "message": f"m{start}",
        "hint": hint,
        "start": start,
        "end": start + 5,
        "excerpt": "was taken",
        **extra,
    }


def test_repeats_of_a_rule_with_the_same_fix_fold_into_one_row():
    findings = [f("NA304", "info", s) for s in (40, 10, 90, 60, 20, 70)]
    groups = finding_groups(findings)
    (row,) = groups["improvements"]
    assert row["count"] == 6 and row["message"] == "Passive voice: 6 sentences"
    assert [s["start"] for s in row["spots"]] == [10, 20, 40, 60, 70, 90]
    assert groups["problems"] == [] and groups["article"] == []


def test_problems_lead_and_whole_article_findings_have_their_own_group():
    findings = [
        f("NA304", "info", 5),
        f("NA201", "warning", 50, name="weasel-attribution", category="sourcing"),
        f("NA402", "error", 80, name="contentious-label", category="bias"),
        f("NA502", "warning", 0, name="missing-byline", category="structure", scope="article"),
    ]
    groups = finding_groups(findings)
    assert [r["rule"] for r in groups["problems"]] == ["NA402", "NA201"]  # errors first
    assert [r["rule"] for r in groups["article"]] == ["NA502"]
    assert groups["problems"][1]["message"] == "m50" and groups["problems"][1]["label"] == "Weasel attribution"


def test_excerpts_are_cut_at_word_boundaries_with_an_ellipsis():
    text = "the current agreement between the two councils expires in March next year"
    assert cut_end(text, 20) == "the current\u2026"
    assert cut_start(text, 20) == "\u2026in March next year"
    assert cut_end("short", 20) == "short"


def test_lights_follow_scores_and_findings():
    report = {"scores": {"attribution": 100, "sourcing": 100, "readability": 65, "bias": 35, "overall": 75}}
    findings = [
        f("NA502", "warning", 0, name="missing-byline", category="structure"),
        f("NA205", "error", 9, name="unsourced-claim", category="sourcing"),
    ]
    by_category = {light["category"]: light["light"] for light in lights(report, findings, Config())}
    assert by_category == {
        "attribution": "green",
        "sourcing": "red",
        "readability": "amber",
        "bias": "amber",
        "structure": "amber",
    }


def test_passed_checks_and_verdict():
    passed = {p["rule"] for p in passed_checks([f("NA304", "info", 5)], Config())}
    assert "NA201" in passed and "NA304" not in passed
    assert verdict("fail", 2, 3) == "2 problems to fix."
    assert verdict("pass", 0, 1) == "Nothing to fix; 1 possible improvement."
