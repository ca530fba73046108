"""CI output formats through the real CLI: JUnit parses with a JUnit reader, SARIF validates, GitHub escapes."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml

from newsaudit.engine.output.github_format import command, escape_data, escape_property
from newsaudit.engine.rules import registry

from .helpers import FIXTURES, run

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-trimmed.schema.json").read_text(encoding="utf-8"))
WEASEL = "The council approved the budget.\n\nObservers note that the ferry is late.\n"
CLEAN = "The council met on Monday. It approved the budget, the treasurer said.\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "weasel.txt").write_text(WEASEL, encoding="utf-8")
    (folder / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "suppressed.html").write_text(
        "<h1>Ferry late</h1><!-- newsaudit: ignore NA201 --><p>Observers note that the ferry is late.</p>",
        encoding="utf-8",
    )
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return tmp_path


def test_junit_has_one_case_per_document_and_parses(content: Path):
    result = run("check", "--format", "junit", "--fail-on", "warning", "content", cwd=content)
    assert result.returncode == 1
    xml = JUnitXml.fromstring(result.stdout.encode("utf-8"))
    (suite,) = list(xml)
    cases = {Path(case.name).name: case for case in suite}
    assert set(cases) == {"weasel.txt", "clean.txt", "suppressed.html", "broken.json"}
    assert suite.tests == 4 and suite.failures == 1 and suite.errors == 1
    weasel = cases["weasel.txt"].result
    assert len(weasel) == 1 and isinstance(weasel[0], Failure) and "NA201" in weasel[0].text
    assert isinstance(cases["broken.json"].result[0], Error)
    assert cases["clean.txt"].is_passed and cases["suppressed.html"].is_passed
    out = ET.fromstring(result.stdout).find(".//testcase[@name='content/suppressed.html']/system-out")
    assert out is not None and "NA201" in out.text and "(suppressed)" in out.text


def test_junit_passes_warnings_below_fail_on(content: Path):
    result = run("check", "--format", "junit", "content/weasel.txt", cwd=content)
    assert result.returncode == 0
    case = ET.fromstring(result.stdout).find(".//testcase")
    assert case.find("failure") is None and "NA201" in case.find("system-out").text


def test_sarif_validates_and_carries_the_rule_catalogue(content: Path):
    result = run("check", "--format", "sarif", "content", cwd=content)
    assert result.returncode == 1  # the broken JSON file
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, SCHEMA)
    (sarif_run,) = sarif["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in registry.all()]
    na201 = next(r for r in rules if r["id"] == "NA201")
    assert na201["name"] == "weasel-attribution" and na201["defaultConfiguration"]["level"] == "warning"
    assert na201["help"]["text"] and na201["fullDescription"]["text"]
    results = sarif_run["results"]
    for item in results:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        uri = item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and not re.search(r"\s", uri)
    weasel = next(
        r
        for r in results
        if r["ruleId"] == "NA201"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("weasel.txt")
    )
    location = weasel["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "content/weasel.txt", "uriBaseId": "%SRCROOT%"}
    region = location["region"]
    start = region["charOffset"]
    assert WEASEL[start : start + region["charLength"]] == "Observers note"
    assert (region["startLine"], region["startColumn"]) == (3, 1)
    suppressed = [r for r in results if r.get("suppressions")]
    assert [r["ruleId"] for r in suppressed] == ["NA201"]
    assert suppressed[0]["suppressions"][0]["kind"] == "inSource"
    notes = sarif_run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and "broken.json" in notes[0]["message"]["text"]


def test_sarif_for_an_export_locates_pages_by_id():
    result = run("check", "--format", "sarif", str(FIXTURES / "api_detail.json"))
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, SCHEMA)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"page:4"}


def test_github_annotations_with_line_and_column(content: Path):
    result = run("check", "--format", "github", "content", cwd=content)
    lines = result.stdout.splitlines()
    weasel = [line for line in lines if "weasel.txt" in line]
    assert weasel == [weasel[0]] and weasel[0].startswith("::warning file=content/weasel.txt,line=3,col=1,")
    assert "title=NA201 weasel-attribution::" in weasel[0]
    assert not any("suppressed.html" in line and "NA201" in line for line in lines)  # suppressed: not annotated
    assert any(line.startswith("::error file=content/broken.json") for line in lines)
    assert lines[-1].startswith("newsaudit: 4 document(s)") and "1 suppressed" in lines[-1]


def test_github_escaping():
    assert escape_data("50% off\r\nnow") == "50%25 off%0D%0Anow"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = command("warning", "two\nlines", file="dir/a,b.txt", title="NA201: x")
    assert line == "::warning file=dir/a%2Cb.txt,title=NA201%3A x::two%0Alines"
    assert "\n" not in line


def test_formats_never_crash_on_control_characters(tmp_path: Path):
    (tmp_path / "odd.txt").write_text("Observers note\x0b that \x01the \x7fferry is late.", encoding="utf-8")
    for fmt in ("junit", "sarif", "github", "text", "json"):
        result = run("check", "--format", fmt, "odd.txt", cwd=tmp_path)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, (fmt, result.stderr)
    ET.fromstring(run("check", "--format", "junit", "odd.txt", cwd=tmp_path).stdout)


def test_pre_commit_hook_matches_article_files():
    hooks = (Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: newsaudit" in hooks and "entry: newsaudit check" in hooks
    pattern = re.search(r"files: (.+)", hooks).group(1).strip()
    matches = [
        name for name in ("a.html", "b.htm", "c.txt", "d.json", "e.jsonl", "f.png", "g.py") if re.search(pattern, name)
    ]
    assert matches == ["a.html", "b.htm", "c.txt", "d.json", "e.jsonl"]


def test_html_findings_point_at_the_source_line(tmp_path: Path):
    (tmp_path / "story.html").write_text(
        "<html><head><title>Ferry</title></head>\n<body>\n<h1>Ferry late</h1>\n"
        "<p>The ferry was late.\nObservers note that the service\nis poor.</p></body></html>\n",
        encoding="utf-8",
    )
    github = run("check", "--format", "github", "story.html", cwd=tmp_path).stdout
    assert "::warning file=story.html,line=5,title=NA201 weasel-attribution::" in github
    sarif = json.loads(run("check", "--format", "sarif", "story.html", cwd=tmp_path).stdout)
    jsonschema.validate(sarif, SCHEMA)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "NA201"]
    (location,) = result["locations"]
    assert location["physicalLocation"]["region"]["startLine"] == 5
    assert location["properties"]["documentLength"] == len("Observers note")


def test_output_file_for_upload(content: Path):
    result = run("check", "--format", "sarif", "--output", "newsaudit.sarif", "content/weasel.txt", cwd=content)
    assert result.returncode == 0 and result.stdout == ""
    jsonschema.validate(json.loads((content / "newsaudit.sarif").read_text(encoding="utf-8")), SCHEMA)
