"""Fixtures and the CLI runner for the CI-format tests."""

from pathlib import Path

from ..cli_runner import run_cli as run

FIXTURES = Path(__file__).parent / "fixtures"

__all__ = ["FIXTURES", "run"]
