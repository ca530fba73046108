"""Hostile exports never crash the CLI and cost linear time (generous timeouts catch a blow-up)."""

import json
from pathlib import Path

import pytest

from ..cli_runner import run_cli

DEEP_STREAM = '[{"type": "s", "value": ' * 5000 + '"deep"' + "}]" * 5000
PARAGRAPH = {"type": "paragraph", "value": "<p>The council met on Monday.</p>", "id": "p"}
CASES = {
    "deep_dumpdata_stream.json": [
        {"model": "news.articlepage", "pk": 1, "fields": {"body": DEEP_STREAM}},
    ],
    "deep_struct.json": {"id": 1, "meta": {"type": "x"}, "body": [{"type": "s", "value": {"a": {"b": [[[[{}]]]]}}}]},
    "many_pages.json": {
        "meta": {"total_count": 3000},
        "items": [
            {"id": n, "meta": {"type": "news.ArticlePage"}, "title": f"Story {n}", "body": [PARAGRAPH]}
            for n in range(3000)
        ],
    },
    "many_blocks.json": {
        "id": 1,
        "meta": {"type": "news.ArticlePage"},
        "title": "Long",
        "body": [dict(PARAGRAPH, id=str(n)) for n in range(20000)],
    },
    "odd_types.json": [{"model": "news.articlepage", "pk": None, "fields": {"body": 5, "intro": ["x", 3, None]}}],
    "listing_of_junk.json": {"meta": {}, "items": [None, 1, "x", [], {"id": {}}]},
    "surrogates.json": {
        "id": 3,
        "meta": {"type": "x"},
        "title": "T\ud800",
        "body": "<p>Observers note \ud800 that it rained \udfff.</p>",
        "standfirst": "Lone \udc00 here",
    },
    "pk_bool.json": [{"model": "news.articlepage", "pk": True, "fields": {"body": "<p>Fine text here.</p>"}}],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_export(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(json.dumps(CASES[name]), encoding="utf-8")
    result = run_cli("check", "--format", "sarif", str(path), timeout=120)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    json.loads(result.stdout)


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "github"])
def test_lone_surrogates_in_every_format(tmp_path: Path, fmt: str):
    path = tmp_path / "surrogates.json"
    path.write_text(json.dumps(CASES["surrogates.json"]), encoding="utf-8")
    result = run_cli("check", "--format", fmt, str(path), timeout=60)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
