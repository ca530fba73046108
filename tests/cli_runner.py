"""Run the `newsaudit` CLI as a real subprocess, as CI would: shared by the engine, CI and Django tests."""

import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 60, stdin: str | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsaudit.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
    )
