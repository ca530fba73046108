"""Wagtail version matrix for the Django side: `nox -s wagtail74` (Wagtail 7.4 LTS + Django 5.2, SQLite) and
`nox -s wagtail8_py312` (Wagtail 8 + Django 6, needs Python >= 3.12). The main .venv covers Wagtail 8 + Django 5.2."""

import glob
import shutil
import subprocess

import nox

nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False


def _python312() -> str | None:
    """A real Python >= 3.12 (pyenv installs first: pyenv's shims exist even when no version is selected)."""
    candidates = sorted(glob.glob("/root/.pyenv/versions/3.1[2-9]*/bin/python3.1[2-9]"))
    candidates += [p for p in (shutil.which("python3.13"), shutil.which("python3.12")) if p]
    for candidate in candidates:
        if (
            subprocess.run(
                [candidate, "-c", "import sys; sys.exit(sys.version_info < (3, 12))"], capture_output=True
            ).returncode
            == 0
        ):
            return candidate
    return None


def _run_django_tests(session: nox.Session) -> None:
    session.run(
        "python",
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-m",
        "not browser",
        "tests/django",
        env={"DATABASE_URL": ""},
    )


@nox.session(name="wagtail74")
def wagtail74(session: nox.Session) -> None:
    session.install("-e", ".[test]", "wagtail>=7.4,<7.5", "Django>=5.2,<5.3")
    _run_django_tests(session)


PY312 = _python312()


@nox.session(name="wagtail8_py312", python=PY312, venv_backend="venv" if PY312 else "none")
def wagtail8_py312(session: nox.Session) -> None:
    if not PY312:
        session.skip("SKIPPED: Wagtail 8 + Django 6 needs Python >= 3.12, none found")
    session.install("-e", ".[test]", "wagtail>=8,<9", "Django>=6,<7")
    _run_django_tests(session)
