"""`newsaudit` console script: check, sources, rules, explain.

Exit codes: 0 no document fails; 1 some document fails `--fail-on` (or could not be read: status "error");
2 usage, configuration, path or baseline error, always as one line on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .engine import baseline
from .engine import config as config_module
from .engine.audit import audit_item, error_report
from .engine.config import Config, ConfigError
from .engine.lexicons.packaged import preload_name_lexicons
from .engine.metrics import preload_dictionaries
from .engine.output import FORMATS, document_fails, json_format
from .engine.readers import (
    MAX_FILE_BYTES,
    DocumentError,
    iter_files,
    read_data,
    read_path,
    read_text,
    sniff_suffix,
)
from .engine.readers.wagtail_api import listing_documents
from .engine.report import DocumentReport, Report, summary_of
from .engine.rules import registry
from .engine.severity import Severity
from .engine.sources.archive import merge_documents, sources_table

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments, configuration or paths: reported as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, not argparse's usage block
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsaudit", description="Audit news articles for attribution, sourcing, readability and bias."
    )
    parser.add_argument("--version", action="version", version=f"newsaudit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="audit files or folders")
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help=".html .htm .txt .jsonl .json files or folders; - reads stdin"
    )
    check.add_argument(
        "--api",
        metavar="URL",
        help="a live site's Wagtail API (https://site/api/v2/): every page type's listing is paged through",
    )
    check.add_argument(
        "--type",
        dest="types",
        action="append",
        default=[],
        metavar="APP.MODEL",
        help="with --api: only this page type (repeatable); default: every type the API lists",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name standard input (-) is reported under; its suffix picks the reader (default: guessed)",
    )
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument("--fail-on", choices=["info", "warning", "error"], default="error")
    check.add_argument("--config", type=Path, help="newsaudit.toml or pyproject.toml with [tool.newsaudit]")
    check.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="worker processes; 0 (the default) picks one per core for large batches and none for a few files",
    )
    check.add_argument("--output", type=Path, help="write the report to this file instead of stdout")
    check.add_argument(
        "--baseline", type=Path, help="a JSON report from an earlier run: only findings new since then fail"
    )

    sources = commands.add_parser("sources", help="who is quoted: sources merged across files or folders")
    sources.add_argument(
        "paths", nargs="+", metavar="PATH", help=".html .htm .txt .jsonl .json files or folders; - reads stdin"
    )
    sources.add_argument("--format", choices=["text", "json"], default="text")
    sources.add_argument("--config", type=Path, help="newsaudit.toml or pyproject.toml with [tool.newsaudit]")
    sources.add_argument("--jobs", type=int, default=0, help="worker processes, as for check")
    sources.add_argument("--stdin-filename", metavar="NAME", help="the name standard input (-) is reported under")
    sources.add_argument("--output", type=Path, help="write the list to this file instead of stdout")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "markdown"], default="text", help="markdown: docs/rules.md")
    explain = commands.add_parser("explain", help="print a rule's rationale, example and fix")
    explain.add_argument("code", help="rule code (NA201) or name (weasel-attribution)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Engine failures are reported per document (status "error", one line on stderr), not as tracebacks.
    logging.getLogger("newsaudit").addHandler(logging.NullHandler())
    logging.getLogger("newsaudit").propagate = False
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rules":
            return _rules(args.format)
        if args.command == "explain":
            return _explain(args.code)
        if args.command == "sources":
            return _sources(args)
        return _check(args)
    except UsageError as error:
        print(f"newsaudit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsaudit: interrupted", file=sys.stderr)
        return 130


def _rules(output_format: str) -> int:
    if output_format == "markdown":
        sys.stdout.write(rules_markdown())
        return EXIT_OK
    for rule in registry.all():
        print(f"{rule.code}  {rule.name:<24} {rule.category:<12} {rule.severity.label:<8} {rule.summary}")
    return EXIT_OK


def rules_markdown() -> str:
    """docs/rules.md, generated from the rule definitions (never written twice)."""
    lines = [
        "# Rule catalogue",
        "",
        "Generated by `newsaudit rules --format markdown` from the rule definitions; do not edit by hand.",
        "A code never changes meaning once released. `newsaudit explain CODE` prints one rule.",
        "",
        "| code | name | category | default severity | what it does |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.category} | {r.severity.label} | {r.summary} |"
        for r in registry.all()
    ]
    for rule in registry.all():
        lines += [
            "",
            f"## {rule.code}",
            "",
            f"**{rule.name}** ({rule.category}, default severity {rule.severity.label})",
            "",
            f"*What it does.* {rule.summary}",
            "",
            f"*Why it matters.* {rule.why}",
            "",
            _example_markdown(rule.example_label, rule.example),
            "",
            _example_markdown("Use instead", rule.instead),
        ]
    return "\n".join(lines) + "\n"


def _example_markdown(label: str, text: str) -> str:
    """A one-line example inline; a whole-article example (headline, paragraphs) as a text block."""
    return f"*{label}.*\n\n```text\n{text}\n```" if "\n" in text else f"*{label}.* {text}"


def _explain(code: str) -> int:
    rule = registry.get(code) or registry.by_name(code.lower())
    if rule is None:
        raise UsageError(f"no rule {code!r}; `newsaudit rules` lists them")
    print(rule.explain(), end="")
    return EXIT_OK


def load_config(path: Path | None) -> Config:
    try:
        if path is not None and not path.is_file():
            raise UsageError(f"config file not found: {path}")
        return config_module.from_file(path or config_module.discover(Path.cwd()))
    except ConfigError as error:
        raise UsageError(str(error)) from None


def load_baseline(path: Path) -> baseline.Baseline:
    try:
        return baseline.load(path)
    except baseline.BaselineError as error:
        raise UsageError(str(error)) from None


def _check(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if not args.paths and not args.api:
        raise UsageError("give a PATH to check (a file, a folder or - for standard input) or --api URL")
    if args.types and not args.api:
        raise UsageError("--type goes with --api")
    accepted = load_baseline(args.baseline) if args.baseline else None
    fail_on = Severity.parse(args.fail_on)
    # JSON with no baseline to apply: each document is rendered by the process that audits it (see RenderedDocument)
    render_each = args.format == "json" and accepted is None
    documents: list = audit_paths(args, config, render_each)
    if args.api:
        fetched = audit_api(args.api, args.types, config)
        documents += [RenderedDocument.of(d) for d in fetched] if render_each else fetched
    if render_each:
        output = json_format.render_documents([d.json for d in documents], summary_of([d.status for d in documents]))
    else:
        report = Report(documents)
        if accepted is not None:
            baseline.apply(report, accepted, config)
        output = FORMATS[args.format](report, fail_on)
    _write(printable(output), args.output)
    for document in documents:
        if document.status == "error":
            print(printable(f"newsaudit: {document.qualified_id}: {document.error}"), file=sys.stderr)
    failing = any(document_fails(d.status, d.worst_severity(), fail_on) for d in documents)
    return EXIT_FAIL if failing else EXIT_OK


@dataclass(slots=True)
class RenderedDocument:
    """A document's part of the JSON report, rendered by the process that audited it, with what the exit code
    and the error lines need. A worker sends this back instead of the report's objects: a string pickles and
    unpickles for a fraction of their cost, and the parent process has only to join the parts at the end."""

    json: str
    status: str
    worst: Severity | None
    qualified_id: str
    error: str | None

    @classmethod
    def of(cls, report: DocumentReport) -> RenderedDocument:
        return cls(
            json_format.document_json(report), report.status, report.worst_severity(), report.qualified_id, report.error
        )

    def worst_severity(self) -> Severity | None:
        return self.worst


def audit_paths(args: argparse.Namespace, config: Config, render_each: bool = False) -> list:
    """Reports for the PATH arguments (files, folders, - for standard input), after checking they exist; with
    `render_each`, each as a RenderedDocument."""
    paths = [p for p in args.paths if p != STDIN]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    if len(paths) < len(args.paths) - 1:
        raise UsageError("standard input (-) can be named once")
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per core) or more")
    documents: list = audit_stdin(args.stdin_filename, config) if len(paths) < len(args.paths) else []
    if render_each:
        documents = [RenderedDocument.of(d) for d in documents]
    worker = audit_file_rendered if render_each else audit_file
    documents += _audit_files(list(iter_files(paths)), config, args.jobs, worker)
    return documents


def _sources(args: argparse.Namespace) -> int:
    """`newsaudit sources`: who is quoted across the documents. Exit 1 when a document could not be read."""
    documents = audit_paths(args, load_config(args.config))
    merged = merge_documents(documents)
    if args.format == "json":
        rendered = json.dumps(merged, indent=2, ensure_ascii=False) + "\n"
    else:
        rendered = sources_table(merged)
    _write(printable(rendered), args.output)
    for document in documents:
        if document.status == "error":
            print(printable(f"newsaudit: {document.qualified_id}: {document.error}"), file=sys.stderr)
    return EXIT_FAIL if any(d.status == "error" for d in documents) else EXIT_OK


def _write(rendered: str, output: Path | None) -> None:
    if output:
        try:
            output.write_text(rendered, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
    else:
        sys.stdout.write(rendered)


def printable(text: str) -> str:
    """Lone surrogates (JSON input may carry `\\ud800`) cannot be written as UTF-8: each becomes `?`, one
    character for one, so offsets in the output stay true."""
    return text.encode("utf-8", "replace").decode("utf-8")


STDIN = "-"


def audit_stdin(name: str | None, config: Config) -> list[DocumentReport]:
    """Standard input as one file, read whole (up to the file size limit) before any worker starts."""
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    suffix = Path(name).suffix if name else sniff_suffix(data)
    doc_id = name or "stdin"
    try:
        items = list(read_data(data, doc_id, suffix, config.export_fields))
    except Exception as error:  # as for files: a reader bug becomes one error report
        items = [DocumentError(doc_id, f"internal error reading standard input: {type(error).__name__}: {error}")]
    reports = [audit_item(item, config) for item in items]
    for report in reports:
        report.file = doc_id
    return reports


def audit_file(path: Path, config: Config) -> list[DocumentReport]:
    """Reports for every document of one file, each carrying the file's path (`file` in the JSON report)."""
    try:
        items = list(read_path(path, config.export_fields))
    except Exception as error:  # a reader bug must not stop the batch: the file becomes one error report
        reports = [error_report(str(path), f"internal error reading the file: {type(error).__name__}: {error}")]
    else:
        reports = [audit_item(item, config) for item in items]
    for report in reports:
        report.file = str(path)
    return reports


def audit_file_rendered(path: Path, config: Config) -> list[RenderedDocument]:
    return [RenderedDocument.of(report) for report in audit_file(path, config)]


def audit_api(url: str, types: list[str], config: Config) -> list[DocumentReport]:
    """Every page with article text that the site's API lists (`--api`), each report naming the listing URL."""
    # imported here: urllib.request and ssl are a tenth of the CLI's start-up, and only --api needs them
    from .engine.readers.api_fetch import FetchError, fetch_listings

    reports: list[DocumentReport] = []
    try:
        for source, body in fetch_listings(url, types):
            listing = json.loads(body)
            for item in listing_documents(listing, source, config.export_fields):
                report = audit_item(item, config)
                report.file = source
                reports.append(report)
    except FetchError as error:
        raise UsageError(str(error)) from None
    if not reports:
        reports.append(error_report(url, "no page the API lists has article text"))
    return reports


FILES_PER_WORKER = 40  # below this a worker process costs more than it saves


def worker_count(jobs: int, files: int) -> int:
    if jobs:
        return jobs
    return max(1, min(os.cpu_count() or 1, files // FILES_PER_WORKER))


WARM_UP = "The council said on Monday that the disgraceful plan would cost 40 million pounds."


def load_before_fork(config: Config) -> None:
    """Load the dictionaries, lexicons and matchers once, here, with the run's settings (a warm-up audit), and
    freeze them out of the garbage collector's generations: the forked workers share those pages instead of each
    loading its own on its first article, and their collections do not walk (and so copy) the shared objects."""
    preload_dictionaries()
    preload_name_lexicons()
    audit_item(read_text(WARM_UP, "warm-up"), config)
    gc.freeze()


# A batch allocates millions of short-lived objects (tokens, spans) and keeps every report for the output: with
# the default first-generation threshold (700) the collector ran often enough to cost about a tenth of the CPU
# time over the BBC corpus (docs/evaluation.md, issue #13 session 4). The engine makes few reference cycles.
GC_THRESHOLDS = (50_000, 20, 20)
# Files per task sent to a worker: small enough that the last tasks end close together (64 left one worker idle
# for about half a second at the end of the BBC corpus), large enough that sending tasks costs next to nothing.
CHUNK_FILES = 16


def _audit_files(files: list[Path], config: Config, jobs: int, worker: Callable = audit_file) -> Iterator:
    """`worker(path, config)` for every file, in order: audit_file, or audit_file_rendered for the JSON output."""
    if len(files) > 1:
        gc.set_threshold(*GC_THRESHOLDS)
    workers = worker_count(jobs, len(files))
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield from worker(path, config)
        return
    load_before_fork(config)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, min(CHUNK_FILES, len(files) // (workers * 4)))
        for reports in pool.map(worker, files, [config] * len(files), chunksize=chunk):
            yield from reports


if __name__ == "__main__":
    sys.exit(main())
