"""The CLI's JSON output is joined from documents rendered one by one (in the worker that audited each): the
text must be exactly what rendering the whole report at once gives."""

import io
from contextlib import redirect_stdout
from pathlib import Path

from newsaudit.cli import audit_file, main
from newsaudit.engine import audit, read_text
from newsaudit.engine.audit import error_report
from newsaudit.engine.output import json_format
from newsaudit.engine.report import Report, summary_of
from newsaudit.engine.severity import Severity


def _documents():
    story = audit(
        read_text("Critics say the ferry plan is reportedly too costly. \u201cIt will fail,\u201d Holm said.", "a")
    )
    story.file = "stories/a.txt"
    plain = audit(read_text("The harbour board met on Monday and agreed a levy of 4% on each crossing.", "b"))
    return [story, plain, error_report("c.txt", "could not be read: \u00e9 is not text")]


def test_documents_rendered_one_by_one_join_into_the_whole_report():
    documents = _documents()
    whole = json_format.render(Report(documents), Severity.ERROR)
    parts = [json_format.document_json(d) for d in documents]
    assert json_format.render_documents(parts, summary_of([d.status for d in documents])) == whole
    assert json_format.render_documents([], summary_of([])) == json_format.render(Report([]), Severity.ERROR)


def test_the_cli_writes_the_report_a_whole_rendering_gives(tmp_path: Path):
    texts = {
        "one.txt": "Observers note that the ferry plan will fail, the harbour master said on Monday.",
        "two.txt": "The council approved a budget of 40 million pounds on Tuesday, the mayor, Ana Ruiz, said.",
        "three.txt": "Many residents oppose the levy. \u201cIt is too high,\u201d one shop owner said.",
    }
    paths = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    expected = json_format.render(Report([r for p in sorted(paths) for r in audit_file(p, _config())]), Severity.ERROR)
    for jobs in ("1", "2"):
        written = io.StringIO()
        with redirect_stdout(written):
            main(["check", "--format", "json", "--jobs", jobs, *map(str, sorted(paths))])
        assert written.getvalue() == expected


def _config():
    from newsaudit.cli import load_config

    return load_config(None)
