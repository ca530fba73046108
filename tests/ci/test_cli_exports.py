"""Exports through the CLI: ids, statuses and exit codes, including one broken page among good ones."""

import json
from pathlib import Path

from .helpers import FIXTURES, run


def test_dumpdata_batch_with_one_broken_page(tmp_path: Path):
    result = run("check", "--format", "json", str(FIXTURES / "dumpdata.json"))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    statuses = {d["id"]: d["status"] for d in report["documents"]}
    assert statuses["page:6"] == "error" and statuses["page:4"] != "error" and statuses["page:5"] != "error"
    broken = next(d for d in report["documents"] if d["id"] == "page:6")
    assert "StreamField JSON" in broken["error"] and broken["title"] == "Broken export row"
    assert "page:6" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_api_detail_findings_carry_block_ids_and_suppressions():
    result = run("check", "--format", "json", str(FIXTURES / "api_detail.json"))
    (document,) = json.loads(result.stdout)["documents"]
    assert document["id"] == "page:4" and document["title"] == "Council approves harbour wall repairs"
    weasel = {f["excerpt"]: f for f in document["findings"] if f["rule"] == "NA201"}
    assert weasel["Observers note"]["suppressed"] is True
    assert weasel["Observers note"]["block_id"] == "3d4e5f6a-7b8c-4d9e-0f1a-2b3c4d5e6f06"
    assert weasel["Critics say"]["block_id"] == "0d4e6b2f-5a3c-4f1e-8b7d-9c2a1e3f4b02"
    assert "suppressed" not in weasel["Critics say"]


def test_good_exports_pass(tmp_path: Path):
    result = run("check", "--format", "json", str(FIXTURES / "api_listing_html.json"))
    report = json.loads(result.stdout)
    assert [d["id"] for d in report["documents"]] == ["page:5", "page:6"]
    assert result.returncode == 0


def test_export_fields_from_config(tmp_path: Path):
    def rules(cwd: Path) -> list[str]:
        result = run("check", "--format", "json", str(FIXTURES / "api_detail.json"), cwd=cwd)
        return [f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]]

    assert "NA502" not in rules(tmp_path)  # the byline field is read
    (tmp_path / "newsaudit.toml").write_text('export_fields = ["body"]\n', encoding="utf-8")
    assert "NA502" in rules(tmp_path)  # only the body is read: no byline
