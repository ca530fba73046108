"""The CLI contract: formats, exit codes, one-line errors (run as a real subprocess)."""

import json
from pathlib import Path

import pytest

from ..cli_runner import run_cli

FIXTURES = Path(__file__).parent / "fixtures"


run = run_cli


def test_json_report_follows_the_contract():
    result = run("check", "--format", "json", str(FIXTURES / "wire_rewrite.html"), str(FIXTURES / "clean_story.html"))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["tool"]["name"] == "newsaudit"
    assert report["summary"] == {"documents": 2, "pass": 1, "warn": 0, "fail": 1, "error": 0}
    doc = report["documents"][0]
    assert set(doc) >= {
        "id",
        "title",
        "status",
        "scores",
        "readability",
        "credits",
        "sources",
        "attributions",
        "findings",
    }
    assert set(doc["scores"]) == {"attribution", "sourcing", "readability", "bias", "overall"}
    assert set(doc["readability"]) == {
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "words",
        "sentences",
        "reading_time_seconds",
    }
    finding = doc["findings"][0]
    assert set(finding) >= {"rule", "name", "category", "severity", "message", "hint", "start", "end", "excerpt"}


def test_fail_on_sets_the_bar(tmp_path: Path):
    assert run("check", str(FIXTURES / "clean_story.html")).returncode == 0
    story = tmp_path / "story.txt"
    story.write_text("Observers note that the bridge is unsafe.", encoding="utf-8")
    report = json.loads(run("check", "--format", "json", str(story)).stdout)
    assert report["documents"][0]["status"] == "warn"
    assert run("check", str(story)).returncode == 0
    assert run("check", "--fail-on", "warning", str(story)).returncode == 1


def test_folder_is_searched_recursively(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text("The council met. It voted.", encoding="utf-8")
    (tmp_path / "two.html").write_text("<p>The board met.</p>", encoding="utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    report = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert sorted(Path(d["id"]).name for d in report["documents"]) == ["one.txt", "two.html"]


@pytest.mark.parametrize(
    "args",
    [
        ("check", "/no/such/path"),
        ("check", "--format", "yaml", "x"),
        ("explain", "NA999"),
        ("frobnicate",),
    ],
)
def test_usage_errors_are_one_line_exit_two(args):
    result = run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_bad_config_is_one_line(tmp_path: Path):
    config = tmp_path / "newsaudit.toml"
    config.write_text("colour = 'red'\n", encoding="utf-8")
    result = run("check", "--config", str(config), str(FIXTURES / "clean_story.html"))
    assert result.returncode == 2 and "unknown key 'colour'" in result.stderr


def test_config_is_discovered_from_pyproject(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.newsaudit]\nignore = ["sourcing"]\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text("Observers note that the plan failed.", encoding="utf-8")
    report = json.loads(run("check", "--format", "json", "story.txt", cwd=tmp_path).stdout)
    assert [f["rule"] for f in report["documents"][0]["findings"] if f["category"] == "sourcing"] == []


def test_broken_document_in_a_batch_is_reported_and_the_rest_go_on(tmp_path: Path):
    (tmp_path / "good.txt").write_text("The council met on Monday.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff\x00 binary")
    result = run("check", "--format", "json", str(tmp_path))
    report = json.loads(result.stdout)
    statuses = {Path(d["id"]).name: d["status"] for d in report["documents"]}
    assert statuses == {"bad.txt": "error", "good.txt": "pass"}
    assert result.returncode == 1
    assert "bad.txt" in result.stderr and "Traceback" not in result.stderr


def test_rules_and_explain():
    listing = run("rules").stdout
    assert "NA201" in listing and "weasel-attribution" in listing
    explained = run("explain", "NA201").stdout
    assert "Why it matters" in explained and "Use instead" in explained
    assert run("explain", "weasel-attribution").stdout == explained


def test_parallel_jobs_give_the_same_report():
    serial = json.loads(run("check", "--format", "json", str(FIXTURES)).stdout)
    parallel = json.loads(run("check", "--format", "json", "--jobs", "2", str(FIXTURES)).stdout)
    assert serial == parallel


def test_rules_catalogue_in_docs_is_generated_from_the_definitions():
    from newsaudit.cli import rules_markdown

    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == rules_markdown(), (
        "run: newsaudit rules --format markdown > docs/rules.md"
    )


WEASEL_HTML = "<p>Observers note that the harbour wall is failing.</p><p>The council said on Monday it would act.</p>"


def _stdin_report(stdin: str, *args: str) -> dict:
    result = run_cli("check", "--format", "json", *args, "-", stdin=stdin)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_stdin_format_is_guessed_from_the_content():
    html = _stdin_report(WEASEL_HTML)["documents"]
    assert [(d["id"], d["file"]) for d in html] == [("stdin", "stdin")]
    weasel = next(f for f in html[0]["findings"] if f["rule"] == "NA201")
    assert weasel["excerpt"] == "Observers note"
    assert html[0]["title"] is None or "<p>" not in html[0]["title"]
    lines = '{"id": "a", "text": "Observers note that prices rose."}\n{"id": "b", "text": "Prices rose."}\n'
    assert [d["id"] for d in _stdin_report(lines)["documents"]] == ["a", "b"]
    export = FIXTURES.parent.parent / "ci" / "fixtures" / "api_listing_html.json"
    from_file = json.loads(run_cli("check", "--format", "json", str(export)).stdout)["documents"]
    from_stdin = _stdin_report(export.read_text(encoding="utf-8"))["documents"]
    assert [d["id"] for d in from_stdin] == [d["id"] for d in from_file] and from_file[0]["id"].startswith("page:")
    assert [d["findings"] for d in from_stdin] == [d["findings"] for d in from_file]
    text = _stdin_report("Observers note that <p> is not a tag in plain text.")["documents"][0]
    assert text["findings"][0]["start"] == 0


def test_stdin_filename_names_it_and_picks_the_reader():
    as_text = _stdin_report(WEASEL_HTML, "--stdin-filename", "draft.txt")["documents"][0]
    assert as_text["id"] == "draft.txt"
    weasel = next(f for f in as_text["findings"] if f["rule"] == "NA201")
    assert weasel["start"] == len("<p>")  # read as plain text: the tag is text, and offsets count it


def test_stdin_with_files_and_only_once():
    both = run_cli("check", "--format", "json", "-", str(FIXTURES / "clean_story.html"), stdin=WEASEL_HTML)
    assert [d["file"] for d in json.loads(both.stdout)["documents"]] == ["stdin", str(FIXTURES / "clean_story.html")]
    twice = run_cli("check", "-", "-", stdin=WEASEL_HTML)
    assert twice.returncode == 2 and twice.stderr.count("\n") == 1 and "once" in twice.stderr


def test_lexicons_load_before_the_workers_fork():
    from newsaudit.cli import load_before_fork
    from newsaudit.engine import DEFAULT
    from newsaudit.engine.lexicons.packaged import pattern_sentiment
    from newsaudit.engine.rules.bias import subjective_matcher

    subjective_matcher.cache_clear()
    pattern_sentiment.cache_clear()
    load_before_fork(DEFAULT)
    assert subjective_matcher.cache_info().currsize == 1
    assert pattern_sentiment.cache_info().currsize == 1


def test_start_up_imports_no_html_parser_nor_http_client():
    """BeautifulSoup loads on the first HTML parsed and urllib.request with --api: together they were about a
    third of the CLI's start-up, paid by every run over text files."""
    import subprocess
    import sys

    probe = "import sys, newsaudit.cli\nprint([m for m in ('bs4', 'soupsieve', 'urllib.request', 'ssl') if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
