"""--baseline: only findings new since an earlier JSON report fail; matched by rule and text, with multiplicity."""

import json
from pathlib import Path

import pytest

from newsaudit.engine import Config, audit, read_text
from newsaudit.engine.baseline import BaselineError, apply, parse
from newsaudit.engine.report import Report

from .helpers import FIXTURES, run

OLD = "Observers note that the ferry is late.\n\nThe council met on Monday, the clerk said.\n"


def test_old_findings_pass_and_new_ones_fail(tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text(OLD, encoding="utf-8")
    first = run("check", "--format", "json", "--fail-on", "warning", "story.txt", cwd=tmp_path)
    assert first.returncode == 1
    (tmp_path / "baseline.json").write_text(first.stdout, encoding="utf-8")

    # The old finding moved (text inserted before it): still baselined, the build passes.
    story.write_text("A new opening paragraph was added.\n\n" + OLD, encoding="utf-8")
    second = run(
        "check", "--format", "json", "--fail-on", "warning", "--baseline", "baseline.json", "story.txt", cwd=tmp_path
    )
    assert second.returncode == 0, second.stdout
    (document,) = json.loads(second.stdout)["documents"]
    weasel = [f for f in document["findings"] if f["rule"] == "NA201"]
    assert [f.get("baselined") for f in weasel] == [True]
    assert document["status"] == "pass"

    # A second weasel phrase is new: it fails, the old one stays baselined.
    story.write_text(OLD + "\nCritics say the timetable is wrong.\n", encoding="utf-8")
    third = run(
        "check", "--format", "json", "--fail-on", "warning", "--baseline", "baseline.json", "story.txt", cwd=tmp_path
    )
    assert third.returncode == 1
    (document,) = json.loads(third.stdout)["documents"]
    states = sorted((f["excerpt"], bool(f.get("baselined"))) for f in document["findings"] if f["rule"] == "NA201")
    assert states == [("Critics say", False), ("Observers note", True)]


def _report(text: str) -> Report:
    return Report([audit(read_text(text, "doc"), Config())])


def test_matching_counts_multiplicity_and_ignores_case_and_spacing():
    old = _report("Observers note that it rained.").to_dict()
    report = _report("Observers   note that it rained.\n\nobservers note that it snowed.")
    marked = apply(report, parse(old), Config())
    weasel = [f for f in report.documents[0].findings if f.rule == "NA201"]
    assert marked == 1 and [f.baselined for f in weasel] == [True, False]


def test_suppressed_findings_in_the_baseline_are_not_accepted():
    old = {
        "documents": [{"id": "doc", "findings": [{"rule": "NA201", "excerpt": "Observers note", "suppressed": True}]}]
    }
    report = _report("Observers note that it rained.")
    assert apply(report, parse(old), Config()) == 0


def test_other_documents_are_not_matched():
    old = _report("Observers note that it rained.").to_dict()
    old["documents"][0]["id"] = "another"
    report = _report("Observers note that it rained.")
    assert apply(report, parse(old), Config()) == 0


@pytest.mark.parametrize(
    "data",
    [[], {"documents": {}}, {"documents": [{"findings": []}]}, {"documents": [{"id": "a", "findings": [{}]}]}],
)
def test_malformed_baselines_are_rejected(data):
    with pytest.raises(BaselineError):
        parse(data)


@pytest.mark.parametrize("content", [None, "not json", '{"documents": 3}', "\x00\xff"])
def test_invalid_baseline_file_is_exit_two_one_line(tmp_path: Path, content):
    if content is not None:
        (tmp_path / "baseline.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    result = run("check", "--baseline", "baseline.json", str(FIXTURES / "api_detail.json"), cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "baseline" in result.stderr
    assert "Traceback" not in result.stderr


def test_baseline_shows_in_sarif_and_text(tmp_path: Path):
    (tmp_path / "story.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "baseline.json").write_text(run("check", "--format", "json", "story.txt", cwd=tmp_path).stdout)
    sarif = json.loads(
        run("check", "--format", "sarif", "--baseline", "baseline.json", "story.txt", cwd=tmp_path).stdout
    )
    states = {r["baselineState"] for r in sarif["runs"][0]["results"]}
    assert states == {"unchanged"}
    text = run("check", "--baseline", "baseline.json", "story.txt", cwd=tmp_path).stdout
    assert "baselined" in text and "NA201" not in text


CRITICS = "Critics say the harbour wall is crumbling."
SOURCED = "The harbour wall is crumbling, the engineer said."


def write_export(path: Path, sentence: str) -> None:
    text = (FIXTURES / "api_detail.json").read_text(encoding="utf-8")
    assert CRITICS in text
    path.parent.mkdir(exist_ok=True)
    path.write_text(text.replace(CRITICS, sentence), encoding="utf-8")


def critics_states(report: dict) -> dict[str, list[bool]]:
    return {
        d["file"]: [
            bool(f.get("baselined")) for f in d["findings"] if (f["rule"], f["excerpt"]) == ("NA201", "Critics say")
        ]
        for d in report["documents"]
    }


def test_the_same_page_id_in_two_exports_has_its_own_baseline(tmp_path: Path):
    write_export(tmp_path / "staging" / "pages.json", CRITICS)
    write_export(tmp_path / "live" / "pages.json", SOURCED)
    first = run("check", "--format", "json", "staging", "live", cwd=tmp_path)
    (tmp_path / "baseline.json").write_text(first.stdout, encoding="utf-8")
    assert {d["file"] for d in json.loads(first.stdout)["documents"]} == {"staging/pages.json", "live/pages.json"}

    # The weasel phrase now also appears in the live export: new there, even though staging's page:4 had it.
    write_export(tmp_path / "live" / "pages.json", CRITICS)
    second = run("check", "--format", "json", "--baseline", "baseline.json", "staging", "live", cwd=tmp_path)
    assert critics_states(json.loads(second.stdout)) == {"staging/pages.json": [True], "live/pages.json": [False]}


def test_a_baseline_written_without_files_still_matches_by_id(tmp_path: Path):
    write_export(tmp_path / "staging" / "pages.json", CRITICS)
    write_export(tmp_path / "live" / "pages.json", CRITICS)
    old = json.loads(run("check", "--format", "json", "staging", "live", cwd=tmp_path).stdout)
    for document in old["documents"]:
        del document["file"]  # as reports were written before documents named their file
    (tmp_path / "baseline.json").write_text(json.dumps(old), encoding="utf-8")
    result = run("check", "--format", "json", "--baseline", "baseline.json", "staging", "live", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert critics_states(report) == {"staging/pages.json": [True], "live/pages.json": [True]}
    assert all(f.get("baselined") or f.get("suppressed") for d in report["documents"] for f in d["findings"])
    # Matched by id alone, the two documents share the old report's findings: one more copy is new.
    write_export(tmp_path / "live" / "pages.json", f"{CRITICS} Critics say it will fall.")
    again = json.loads(
        run("check", "--format", "json", "--baseline", "baseline.json", "staging", "live", cwd=tmp_path).stdout
    )
    assert sorted(sum(critics_states(again).values(), [])) == [False, True, True]
