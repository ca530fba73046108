"""Run the CLI as a real subprocess, as CI would."""

import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsaudit.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )
