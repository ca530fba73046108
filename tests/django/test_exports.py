"""Real exports of the example site (Wagtail API v2 with api_fields, and dumpdata) fed through `newsaudit check`."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from example_site.news.models import ArticlePage
from example_site.news.sample_site import SAMPLE_DIR, load_sample_site

from ..cli_runner import run_cli

pytestmark = pytest.mark.django_db


def check(path: Path) -> tuple[int, dict]:
    result = run_cli("check", "--format", "json", str(path), timeout=300)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.fixture
def sample_site() -> dict[str, ArticlePage]:
    load_sample_site(SAMPLE_DIR)
    return {page.slug: page for page in ArticlePage.objects.live()}


def by_id(report: dict) -> dict[str, dict]:
    return {doc["id"]: doc for doc in report["documents"]}


def test_api_v2_export_is_read_with_page_ids_titles_and_block_ids(sample_site, tmp_path: Path):
    response = Client().get("/api/v2/pages/", {"type": "news.ArticlePage", "fields": "*", "limit": 20})
    assert response.status_code == 200
    export = tmp_path / "pages.json"
    export.write_bytes(response.content)
    code, report = check(export)
    docs = by_id(report)
    assert set(docs) == {f"page:{page.pk}" for page in sample_site.values()}
    assert code == 1  # the problem articles fail the build
    wire = docs[f"page:{sample_site['port-fee-talks-stall'].pk}"]
    assert wire["title"] == sample_site["port-fee-talks-stall"].title
    rules = {f["rule"] for f in wire["findings"]}
    assert {"NA101", "NA201", "NA202", "NA203"} <= rules
    body_ids = {block.id for block in sample_site["port-fee-talks-stall"].body}
    assert {f["block_id"] for f in wire["findings"] if f["rule"] == "NA201"} <= body_ids


def test_dumpdata_export_gives_the_same_documents_and_findings(sample_site, tmp_path: Path):
    response = Client().get("/api/v2/pages/", {"type": "news.ArticlePage", "fields": "*", "limit": 20})
    api_file = tmp_path / "pages.json"
    api_file.write_bytes(response.content)
    dump = tmp_path / "dump.json"
    call_command("dumpdata", "wagtailcore.page", "news.articlepage", output=str(dump), verbosity=0)
    _, from_api = check(api_file)
    _, from_dump = check(dump)
    api_docs, dump_docs = by_id(from_api), by_id(from_dump)
    assert set(api_docs) == set(dump_docs)
    for doc_id, doc in api_docs.items():
        assert dump_docs[doc_id]["title"] == doc["title"]
        assert sorted(f["rule"] for f in dump_docs[doc_id]["findings"]) == sorted(f["rule"] for f in doc["findings"])


def region_text(lines: list[str], region: dict) -> str:
    line = lines[region["startLine"] - 1]
    return line[region["startColumn"] - 1 : region["endColumn"] - 1]


@pytest.mark.parametrize("export", ["api", "dumpdata"])
def test_sarif_points_at_each_finding_in_the_export_file(sample_site, tmp_path: Path, export: str):
    """GitHub code scanning needs a file and a line: findings of exported pages point into the export itself."""
    path = tmp_path / f"{export}.json"
    if export == "api":
        response = Client().get("/api/v2/pages/", {"type": "news.ArticlePage", "fields": "*", "limit": 20})
        path.write_bytes(response.content)  # one line of compact JSON: the column does the work
    else:
        call_command("dumpdata", "wagtailcore.page", "news.articlepage", indent=2, output=str(path), verbosity=0)
    result = run_cli("check", "--format", "sarif", path.name, cwd=tmp_path, timeout=300)
    results = json.loads(result.stdout)["runs"][0]["results"]
    lines = path.read_text(encoding="utf-8").split("\n")
    assert results and "Traceback" not in result.stderr
    exact = 0
    for item in results:
        physical = item["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": path.name, "uriBaseId": "%SRCROOT%"}
        region = physical["region"]
        assert 1 <= region["startLine"] <= len(lines) and region["startColumn"] >= 1
        if "endColumn" in region:
            assert region_text(lines, region) == region["snippet"]["text"]
            exact += 1
    assert exact >= len(results) * 0.6, f"only {exact} of {len(results)} findings located exactly"
    print(f"{export}: {exact} of {len(results)} findings located at their exact text")


def test_a_page_reads_the_same_on_save_and_from_its_dumpdata_export(sample_site, tmp_path: Path):
    """One field walker for both paths: the editor's audit and CI's audit of an export see the same document."""
    from newsaudit.engine.readers import read_path
    from newsaudit.pages.extract import page_document

    dump = tmp_path / "dump.json"
    call_command("dumpdata", "wagtailcore.page", "news.articlepage", output=str(dump), verbosity=0)
    exported = {doc.id: doc for doc in read_path(dump) if hasattr(doc, "blocks")}
    assert set(exported) == {f"page:{page.pk}" for page in sample_site.values()}
    for page in sample_site.values():
        saved, export = page_document(page.specific), exported[f"page:{page.pk}"]
        assert saved.text == export.text
        assert [(b.kind, b.start, b.end) for b in saved.blocks] == [(b.kind, b.start, b.end) for b in export.blocks]
        stream_ids = [b.block_id for b in saved.blocks if not (b.block_id or "").startswith("field:")]
        assert stream_ids == [b.block_id for b in export.blocks if b.block_id is not None]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the root page, whatever ran before
def test_check_api_pages_through_every_page_type_of_the_served_site(live_server):
    """`newsaudit check --api URL` against the example site served on 127.0.0.1: no export file written."""
    from newsaudit.engine.readers.api_fetch import fetch_listings

    load_sample_site(SAMPLE_DIR)
    articles = {f"page:{page.pk}" for page in ArticlePage.objects.all()}
    listings = list(fetch_listings(f"{live_server.url}/api/v2/", page_size=5))
    article_listings = [url for url, _body in listings if "type=news.ArticlePage" in url]
    assert len(article_listings) == -(-len(articles) // 5)  # paged through with offset, 5 at a time
    assert any("type=news.HomePage" in url for url, _body in listings)  # every type the base listing holds
    result = run_cli("check", "--format", "json", "--api", f"{live_server.url}/api/v2/", timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr  # the problem articles fail the build
    documents = json.loads(result.stdout)["documents"]
    assert {d["id"] for d in documents} == articles
    assert all("type=news.ArticlePage" in d["file"] for d in documents)
    only = run_cli(
        "check",
        "--format",
        "json",
        "--api",
        live_server.url + "/api/v2/pages/",
        "--type",
        "news.ArticlePage",
        timeout=300,
    )
    assert {d["id"] for d in json.loads(only.stdout)["documents"]} == articles


def test_check_api_errors_are_one_line(tmp_path: Path):
    bad = run_cli("check", "--api", "ftp://example.org/api/v2/")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "http(s) URL" in bad.stderr
    refused = run_cli("check", "--api", "http://127.0.0.1:9/api/v2/")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert run_cli("check", "--type", "news.ArticlePage", str(tmp_path)).returncode == 2
    assert "PATH" in run_cli("check").stderr
