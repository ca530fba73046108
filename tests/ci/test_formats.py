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


def line_and_column(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """1-based line and column of `needle` (the first one after `after`) in a file's text."""
    offset = text.index(needle, text.index(after) if after else 0)
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def sarif_results(*args: str, cwd: Path = FIXTURES) -> list[dict]:
    sarif = json.loads(run("check", "--format", "sarif", *args, cwd=cwd).stdout)
    jsonschema.validate(sarif, SCHEMA)
    return sarif["runs"][0]["results"]


def test_sarif_locates_an_api_export_page_in_its_file():
    results = sarif_results("api_detail.json")
    uris = {json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"]) for r in results}
    assert uris == {json.dumps({"uri": "api_detail.json", "uriBaseId": "%SRCROOT%"})}
    (critics,) = [
        r for r in results if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "Critics say"
    ]
    location = critics["locations"][0]
    region = location["physicalLocation"]["region"]
    line, column = line_and_column((FIXTURES / "api_detail.json").read_text("utf-8"), "Critics say")
    assert (region["startLine"], region["startColumn"]) == (line, column)
    assert (region["endLine"], region["endColumn"]) == (line, column + len("Critics say"))
    assert "charOffset" not in region and location["properties"]["documentLength"] == len("Critics say")
    assert location["logicalLocations"][0]["name"] == "page:4"


def test_sarif_and_github_locate_dumpdata_pages_in_their_file():
    text = (FIXTURES / "dumpdata.json").read_text("utf-8")
    results = sarif_results("dumpdata.json")
    (weasel,) = [r for r in results if r["ruleId"] == "NA201"]
    region = weasel["locations"][0]["physicalLocation"]["region"]
    # The StreamField is a JSON string inside the JSON: found all the same, in page 5's row.
    line, column = line_and_column(text, "It is widely believed", after='"model": "news.articlepage", "pk": 5')
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (line, column, column + 21)
    github = run("check", "--format", "github", "dumpdata.json", cwd=FIXTURES).stdout.splitlines()
    (annotation,) = [a for a in github if "NA201" in a]
    assert annotation.startswith(f"::warning file=dumpdata.json,line={line},col={column},endLine={line},")
    assert "title=page%3A5%3A NA201 weasel-attribution::" in annotation
    # The broken page is reported at its own row.
    row_line, row_column = line_and_column(text, '{"model": "news.articlepage", "pk": 6')
    assert f"::error file=dumpdata.json,line={row_line},col={row_column}," in "\n".join(github)


def test_jsonl_records_are_located_at_their_line(tmp_path: Path):
    lines = [
        {"id": "a", "text": "The council met on Monday, the clerk said."},
        {"id": "b", "text": "The ferry was late again.\n\nObservers note that the service is poor."},
    ]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    (weasel,) = [r for r in sarif_results("feed.jsonl", cwd=tmp_path) if r["ruleId"] == "NA201"]
    region = weasel["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 2 and weasel["locations"][0]["logicalLocations"][0]["name"] == "b"


def test_the_same_page_id_in_two_exports_is_told_apart(tmp_path: Path):
    detail = json.loads((FIXTURES / "api_detail.json").read_text("utf-8"))
    for folder in ("staging", "live"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "pages.json").write_text(json.dumps(detail, indent=2), encoding="utf-8")
    report = json.loads(run("check", "--format", "json", "staging", "live", cwd=tmp_path).stdout)
    assert [(d["id"], d["file"]) for d in report["documents"]] == [
        ("page:4", "staging/pages.json"),
        ("page:4", "live/pages.json"),
    ]
    results = sarif_results("staging", "live", cwd=tmp_path)
    critics = [
        r for r in results if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "Critics say"
    ]
    assert sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in critics) == [
        "live/pages.json",
        "staging/pages.json",
    ]
    assert len({r["partialFingerprints"]["newsauditFinding/v1"] for r in critics}) == 2
    names = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in critics}
    assert names == {f"{f}/pages.json#page:4 (Council approves harbour wall repairs)" for f in ("staging", "live")}
    junit = ET.fromstring(run("check", "--format", "junit", "staging", "live", cwd=tmp_path).stdout)
    cases = [(case.get("name"), case.get("file")) for case in junit.iter("testcase")]
    assert cases == [
        ("staging/pages.json#page:4", "staging/pages.json"),
        ("live/pages.json#page:4", "live/pages.json"),
    ]
    text = run("check", "staging", "live", cwd=tmp_path).stdout
    assert "staging/pages.json#page:4: WARN" in text and "live/pages.json#page:4: WARN" in text


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
