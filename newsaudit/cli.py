"""`newsaudit` console script: check, rules, explain.

Exit codes: 0 no document fails; 1 some document fails `--fail-on` (or could not be read: status "error");
2 usage, configuration, path or baseline error, always as one line on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import __version__
from .engine import baseline
from .engine import config as config_module
from .engine.audit import audit_item, error_report
from .engine.config import Config, ConfigError
from .engine.output import FORMATS, document_fails
from .engine.readers import iter_files, read_path
from .engine.report import DocumentReport, Report
from .engine.rules import registry
from .engine.severity import Severity

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
    check.add_argument("paths", nargs="+", metavar="PATH", help=".html .htm .txt .jsonl .json files or folders")
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument("--fail-on", choices=["info", "warning", "error"], default="error")
    check.add_argument("--config", type=Path, help="newsaudit.toml or pyproject.toml with [tool.newsaudit]")
    check.add_argument("--jobs", type=int, default=1, help="worker processes (0: one per core)")
    check.add_argument("--output", type=Path, help="write the report to this file instead of stdout")
    check.add_argument(
        "--baseline", type=Path, help="a JSON report from an earlier run: only findings new since then fail"
    )

    commands.add_parser("rules", help="list every rule")
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
            return _rules()
        if args.command == "explain":
            return _explain(args.code)
        return _check(args)
    except UsageError as error:
        print(f"newsaudit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsaudit: interrupted", file=sys.stderr)
        return 130


def _rules() -> int:
    for rule in registry.all():
        print(f"{rule.code}  {rule.name:<24} {rule.category:<12} {rule.severity.label:<8} {rule.summary}")
    return EXIT_OK


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
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per core) or more")
    accepted = load_baseline(args.baseline) if args.baseline else None
    files = list(iter_files(args.paths))
    report = Report(list(_audit_files(files, config, args.jobs)))
    if accepted is not None:
        baseline.apply(report, accepted, config)
    fail_on = Severity.parse(args.fail_on)
    rendered = FORMATS[args.format](report, fail_on)
    rendered = printable(rendered)
    if args.output:
        try:
            args.output.write_text(rendered, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    else:
        sys.stdout.write(rendered)
    for document in report.documents:
        if document.status == "error":
            print(printable(f"newsaudit: {document.id}: {document.error}"), file=sys.stderr)
    failing = any(document_fails(d.status, d.worst_severity(), fail_on) for d in report.documents)
    return EXIT_FAIL if failing else EXIT_OK


def printable(text: str) -> str:
    """Lone surrogates (JSON input may carry `\\ud800`) cannot be written as UTF-8: each becomes `?`, one
    character for one, so offsets in the output stay true."""
    return text.encode("utf-8", "replace").decode("utf-8")


def audit_file(path: Path, config: Config) -> list[DocumentReport]:
    try:
        items = list(read_path(path, config.export_fields))
    except Exception as error:  # a reader bug must not stop the batch: the file becomes one error report
        return [error_report(str(path), f"internal error reading the file: {type(error).__name__}: {error}")]
    return [audit_item(item, config) for item in items]


def _audit_files(files: list[Path], config: Config, jobs: int) -> Iterator[DocumentReport]:
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield from audit_file(path, config)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, min(64, len(files) // (workers * 4)))
        for reports in pool.map(audit_file, files, [config] * len(files), chunksize=chunk):
            yield from reports


if __name__ == "__main__":
    sys.exit(main())
