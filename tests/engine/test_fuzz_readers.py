"""Fuzzing the readers (HTML, text, JSONL, Wagtail API v2, dumpdata) and the CLI: any input ends in a report
(a document, or a document with status "error"), or the CLI's one-line error with exit 2; never a traceback, and
within a linear time budget."""

import contextlib
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsaudit.cli import main
from newsaudit.engine import DocumentError, audit_item
from newsaudit.engine.readers import read_data

from ..fuzzing import Timer, html_fragments, json_values, linear_budget, prose


@pytest.fixture(autouse=True, scope="module")
def warm_engine():
    """Lexicons and the syllable dictionary load on first use: not part of any input's cost."""
    audit_item(next(read_data(b"<p>Officials said the council met on Monday.</p>", "warm", ".html")))


def audit_all(data: bytes, suffix: str) -> list:
    with Timer() as timer:
        reports = [audit_item(item) for item in read_data(data, f"fuzz{suffix}", suffix)]
    assert timer.elapsed < linear_budget(len(data)), f"{len(data)} bytes took {timer.elapsed:.1f} s"
    for report in reports:
        assert report.status in ("pass", "warn", "fail", "error")
        if report.status == "error":
            assert report.error and "internal error" not in report.error, report.error
        json.dumps(report.to_dict())
        for finding in report.findings:
            assert 0 <= finding.start <= finding.end
    return reports


@given(st.one_of(html_fragments(), prose))
def test_html_reader(markup):
    audit_all(markup.encode("utf-8", "surrogatepass"), ".html")


@given(st.binary(max_size=2000))
def test_html_reader_on_bytes(data):
    audit_all(data, ".html")


@given(st.one_of(prose, st.binary(max_size=2000).map(lambda b: b.decode("latin-1"))))
def test_text_reader(text):
    audit_all(text.encode("utf-8", "surrogatepass"), ".txt")


@given(st.lists(st.one_of(json_values.map(json.dumps), prose), max_size=6))
def test_jsonl_reader(lines):
    text = "\n".join(lines)
    reports = audit_all(text.encode("utf-8", "surrogatepass"), ".jsonl")
    assert len(reports) <= len(text.splitlines()) + 1  # at most one document (or error) per line


@st.composite
def api_exports(draw):
    page = st.fixed_dictionaries(
        {"id": st.one_of(st.integers(), st.text(max_size=5)), "title": st.one_of(prose, json_scalars_or_none())},
        optional={
            "meta": st.dictionaries(st.sampled_from(["type", "html_url", "first_published_at"]), json_values),
            "body": json_values,
            "intro": st.one_of(prose, html_fragments()),
        },
    )
    items = draw(st.lists(page, max_size=4))
    if draw(st.booleans()):
        return {"meta": {"total_count": draw(st.integers())}, "items": items}
    return items[0] if items else {"id": 1, "meta": {"type": "news.ArticlePage"}, "title": draw(prose)}


def json_scalars_or_none():
    return st.one_of(st.none(), st.integers(), st.text(max_size=10))


@given(api_exports())
def test_wagtail_api_reader(export):
    audit_all(json.dumps(export).encode(), ".json")


@st.composite
def dumpdata_exports(draw):
    rows = []
    for pk in range(draw(st.integers(0, 4))):
        fields = draw(
            st.dictionaries(
                st.sampled_from(["title", "body", "intro", "content_type", "live"]), json_values, max_size=4
            )
        )
        model = draw(st.sampled_from(["wagtailcore.page", "news.articlepage", "auth.user", ""]))
        rows.append({"model": model, "pk": draw(st.one_of(st.just(pk), json_values)), "fields": fields})
    return rows


@given(dumpdata_exports())
def test_dumpdata_reader(rows):
    audit_all(json.dumps(rows).encode(), ".json")


@given(st.binary(max_size=1500), st.sampled_from([".html", ".txt", ".jsonl", ".json"]))
def test_cli_never_shows_a_traceback(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--format", "json", str(path)])
    assert "Traceback" not in err.getvalue()
    assert code in (0, 1, 2)
    if code == 2:
        assert len(err.getvalue().strip().splitlines()) == 1
    else:
        report = json.loads(out.getvalue())
        assert report["summary"]["documents"] == len(report["documents"])


def test_document_errors_are_reports_not_exceptions():
    (item,) = read_data(b"\xff\xfe\x00garbage{", "bad.json", ".json")
    assert isinstance(item, DocumentError) or item.text is not None
