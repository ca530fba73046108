"""Hostile input never crashes the CLI and never costs more than linear time.

Timing is not asserted here (that is `make bench`); instead each case runs under a generous subprocess timeout,
which a quadratic blow-up on these sizes would exceed by far.
"""

import json
from pathlib import Path

import pytest

from ..cli_runner import run_cli

CASES = {
    "empty.txt": b"",
    "empty.html": b"",
    "binary.html": bytes(range(256)) * 64,
    "invalid_utf8.txt": b"The council \xff\xfe met \xc3\x28 today. " * 100,
    "nested.html": b"<div>" * 20000 + b"<p>Deep.</p>" + b"</div>" * 20000,
    "nested_paragraphs.html": b"<html><body>" + b"<p>Deep <span>" * 20000 + b"x" + b"</span></p>" * 20000,
    "nested_quotes.html": b"<html><body>" + b"<blockquote><div>" * 20000 + b"x" + b"</div></blockquote>" * 20000,
    "one_line.txt": b"Observers note that prices rose 4% because of the storm, " * 18000,
    "unbalanced_quotes.txt": b'He said "it will \xe2\x80\x9cwork and then ' * 5000,
    "dots.txt": b"." * 500000 + b" A",
    "spaces.txt": b"a" + b" " * 500000 + b"\n",
    "tags_only.html": b"<p><b><i>" * 30000,
    "regex_trap.txt": (b"according to " * 20000) + (b"the the the " * 20000),
    "numbers.txt": b"1," * 200000 + b"x",
    "quotes_only.txt": b'"' * 200000,
    "json_garbage.json": b"{" * 50000,
    "jsonl_garbage.jsonl": b'{"id": 1, "text": 5}\n[1,2]\n\x00\n',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(CASES[name])
    result = run_cli("check", "--format", "json", str(path), timeout=60)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1, 2)
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1
    else:
        report = json.loads(result.stdout)
        assert report["summary"]["documents"] >= 0
