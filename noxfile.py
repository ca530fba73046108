"""Wagtail version matrix for the Django side: `nox -s wagtail74` (Wagtail 7.4 LTS + Django 5.2, SQLite) and
`nox -s wagtail8_py312` (Wagtail 8 + Django 6, needs Python >= 3.12). The main .venv covers Wagtail 8 + Django 5.2."""

import glob
import shutil
import stat
import subprocess
from pathlib import Path

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


SITES = Path(__file__).resolve().parent.parent / "shared" / "sites"
REALSITE_SETTINGS = """from .dev import *  # noqa: F403

INSTALLED_APPS += ["newsaudit"]  # noqa: F405  (the one line the README asks a site to add)
"""


@nox.session(name="realsite", python=PY312, venv_backend="venv" if PY312 else "none")
def realsite(session: nox.Session) -> None:
    """Wagtail's bakerydemo (../shared/sites/bakerydemo, Wagtail 7.4 + Django 6): a temporary copy with its own
    requirements, newsaudit added to INSTALLED_APPS and nothing else changed, then tests/realsite against it."""
    site = SITES / "bakerydemo"
    if not PY312:
        session.skip("SKIPPED: the real-site test (bakerydemo, Django 6) needs Python >= 3.12, none found")
    if not site.is_dir():
        session.skip(f"SKIPPED: real-site test: {site} not found")
    copy = Path(session.create_tmp()).resolve() / "bakerydemo"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    (copy / "bakerydemo" / "settings" / "newsaudit_realsite.py").write_text(REALSITE_SETTINGS)
    session.install("-r", str(copy / "requirements" / "base.txt"))
    session.install("-e", ".[test]")
    project = Path(__file__).resolve().parent
    session.chdir(copy)
    session.run(
        "python",
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "django_debug_mode=true",  # the site's manifest static storage needs collectstatic unless DEBUG
        "--rootdir",
        str(project),
        str(project / "tests" / "realsite"),
        env={
            "NEWSAUDIT_REALSITE": str(copy),
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.newsaudit_realsite",
            "PYTHONPATH": str(copy),
        },
    )
