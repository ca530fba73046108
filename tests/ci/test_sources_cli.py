"""`newsaudit sources`: who is quoted across files, merged by archive key (run as a real subprocess)."""

import json
from pathlib import Path

from ..cli_runner import run_cli

STORY_A = (
    'Prime Minister Sanae Ruiz said on Monday that the budget would pass. "We have the votes," Ms Ruiz said.\n\n'
    "A senior official said the talks were stuck.\n"
)
STORY_B = (
    '"The deal is done," Sanae Ruiz told reporters. Ruiz added that the vote would come on Friday.\n\n'
    "Tom Okafor, a spokesman for the Harbour Trust, said the pier would open.\n\n"
    "Okafor said the work was paid for.\n"
)
STORY_C = "Okafor said the ferry was late.\n\nA senior official said the timetable would change.\n"
STORY_D = "Ines Okafor, who runs the ferry company, said the boats were full.\n"


def write_stories(folder: Path, *extra: tuple[str, str]) -> None:
    for name, text in (("a.txt", STORY_A), ("b.txt", STORY_B), ("c.txt", STORY_C), *extra):
        (folder / name).write_text(text, encoding="utf-8")


def test_json_merges_across_documents_by_key(tmp_path: Path):
    write_stories(tmp_path)
    result = run_cli("sources", "--format", "json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    first = listing["sources"][0]
    assert (first["name"], first["kind"], first["role"], first["gender"]) == (
        "Sanae Ruiz",
        "person",
        "official",
        "female",
    )
    assert first["documents"] == 2 and first["quotes"] == 2 and len(first["mentions"]) == 4
    mention = first["mentions"][0]
    assert set(mention) == {"file", "document", "start", "end", "text"}
    text = Path(mention["file"]).read_text(encoding="utf-8")
    assert text[mention["start"] : mention["end"]] == mention["text"]
    counts = [len(s["mentions"]) for s in listing["sources"]]
    assert counts == sorted(counts, reverse=True)


def test_a_bare_surname_joins_the_only_person_of_that_name(tmp_path: Path):
    write_stories(tmp_path)
    listing = json.loads(run_cli("sources", "--format", "json", str(tmp_path)).stdout)
    okafor = [s for s in listing["sources"] if "Okafor" in s["name"]]
    # c.txt names no Okafor in full; Tom Okafor is the only Okafor the input names in full
    assert [(s["name"], s["documents"]) for s in okafor] == [("Tom Okafor", 2)]


def test_bare_surnames_of_two_namesakes_and_anonymous_sources_never_merge_across_documents(tmp_path: Path):
    write_stories(tmp_path, ("d.txt", STORY_D))
    listing = json.loads(run_cli("sources", "--format", "json", str(tmp_path)).stdout)
    okafor = [s for s in listing["sources"] if "Okafor" in s["name"]]
    # two people named Okafor in full: c.txt's bare "Okafor" could be either, so it stays apart
    assert sorted((s["name"], s["documents"]) for s in okafor) == [("Ines Okafor", 1), ("Okafor", 1), ("Tom Okafor", 1)]
    officials = [s for s in listing["sources"] if s["name"] == "A senior official"]
    assert [s["documents"] for s in officials] == [1, 1]
    summary = listing["summary"]
    assert summary["documents"] == 4 and summary["anonymous_attributions"] == 2
    assert summary["by_gender"]["female"] == 1


def test_text_output_is_a_table(tmp_path: Path):
    write_stories(tmp_path)
    result = run_cli("sources", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["mentions", "docs", "quotes", "kind", "role", "gender", "name"]
    assert lines[1].split() == ["4", "2", "2", "person", "official", "female", "Sanae", "Ruiz"]
    assert any(line.startswith("by stated gender") for line in lines)


def test_usage_errors_are_one_line_exit_two(tmp_path: Path):
    for args in (("sources",), ("sources", str(tmp_path / "missing.txt")), ("sources", "--format", "xml", ".")):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_unreadable_document_is_reported_and_the_rest_go_on(tmp_path: Path):
    write_stories(tmp_path)
    (tmp_path / "broken.jsonl").write_text('{"id": "x", "text": "Ana Lind said so."}\nnot json\n', encoding="utf-8")
    result = run_cli("sources", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    assert "broken.jsonl" in result.stderr
    listing = json.loads(result.stdout)
    assert listing["summary"]["errors"] == 1
    assert any(s["name"] == "Ana Lind" for s in listing["sources"])


def test_standard_input(tmp_path: Path):
    result = run_cli("sources", "--format", "json", "--stdin-filename", "story.txt", "-", stdin=STORY_A)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sources"][0]["mentions"][0]["file"] == "story.txt"
