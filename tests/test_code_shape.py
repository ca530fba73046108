"""The code stays readable: no module in newsaudit/ over 600 lines, no function over 60 lines.

(Complexity is ruff's C901 with max-complexity 15, configured in pyproject.toml and run by `make test`.)"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsaudit"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_the_package_is_found():
    assert len(MODULES) > 50


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_and_function_length(path):
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, f"{path.name} has {source.count(chr(10))} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines in {path.name}: {', '.join(long)}"


# The Django side's subpackages build on pages/ (a page -> Document -> stored audit), never the other way round.
NOT_IMPORTED_BY = {"pages": {"panels", "live", "reports", "archive"}}


def _imported_subpackages(path: Path) -> set[str]:
    """The newsaudit subpackages a module imports (relative or absolute), by their first name under newsaudit/."""
    module = path.relative_to(PACKAGE.parent).with_suffix("").parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(module[: len(module) - node.level])
            target = base + (node.module.split(".") if node.module else [])
            names = [target + [alias.name] for alias in node.names] if not node.module else [target]
        elif isinstance(node, ast.ImportFrom | ast.Import):
            targets = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            names = [t.split(".") for t in targets if t]
        else:
            continue
        found |= {name[1] for name in names if len(name) > 1 and name[0] == "newsaudit"}
    return found


@pytest.mark.parametrize("package", sorted(NOT_IMPORTED_BY))
def test_lower_subpackages_do_not_import_the_ones_built_on_them(package):
    offending = {
        f"{path.relative_to(PACKAGE)} imports {sorted(_imported_subpackages(path) & NOT_IMPORTED_BY[package])}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        if _imported_subpackages(path) & NOT_IMPORTED_BY[package]
    }
    assert not offending, offending


def test_the_import_check_sees_relative_imports():
    assert {"pages", "live", "engine"} <= _imported_subpackages(PACKAGE / "live" / "live_audit.py")
