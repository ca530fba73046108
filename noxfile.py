"""Wagtail version matrix for the Django side: `nox -s matrix` runs every row, `nox -s "matrix(wagtail74)"` one.

Rows: Wagtail 7.4 LTS + Django 5.2 (Python >= 3.11) and Wagtail 8 + Django 6 (Python >= 3.12). The main .venv
covers Wagtail 8 + Django 5.2. Interpreters are found, not configured: the one running nox if it is new enough,
then `python3.X` on PATH, then pyenv's installs (asked from `pyenv root`), or `NEWSAUDIT_PYTHON3_12=/path/python`.
A row whose Python is missing is skipped, not failed.
"""

from __future__ import annotations

import glob
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import nox
from nox.command import CommandFailed

nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False
nox.options.download_python = "never"  # a missing interpreter skips its row; nothing is fetched


def _works(candidate: str, minor: int) -> bool:
    """Runs and is at least 3.<minor> (a pyenv shim for a version that is not selected exits non-zero)."""
    check = f"import sys; sys.exit(sys.version_info < (3, {minor}))"
    return subprocess.run([candidate, "-c", check], capture_output=True).returncode == 0


def _pyenv_pythons() -> list[str]:
    if not shutil.which("pyenv"):
        return []
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    return sorted(glob.glob(os.path.join(root, "versions", "3.*", "bin", "python3")), reverse=True) if root else []


def find_python(minor: int) -> str:
    """A Python >= 3.<minor>; else the bare version, which nox reports as a missing interpreter and skips."""
    override = os.environ.get(f"NEWSAUDIT_PYTHON3_{minor}")
    candidates = [override] if override else []
    candidates.append(sys.executable)
    candidates += [path for v in range(13, minor - 1, -1) if (path := shutil.which(f"python3.{v}"))]
    candidates += _pyenv_pythons()
    return next((c for c in candidates if _works(c, minor)), f"3.{minor}")


PYTEST = ("python", "-m", "pytest", "-q", "-p", "no:cacheprovider")

MATRIX = [
    nox.param(find_python(11), "wagtail>=7.4,<7.5", "Django>=5.2,<5.3", id="wagtail74"),
    nox.param(find_python(12), "wagtail>=8,<9", "Django>=6,<7", id="wagtail8"),
]


@nox.session
@nox.parametrize("python,wagtail,django", MATRIX)
def matrix(session: nox.Session, wagtail: str, django: str) -> None:
    session.install("-e", ".[test]", wagtail, django)
    session.run(
        *PYTEST,
        "-m",
        "not browser",
        "tests/django",
        env={"DATABASE_URL": ""},
    )


SITES = Path(__file__).resolve().parent.parent / "shared" / "sites"
REALSITE_SETTINGS = """from .dev import *  # noqa: F403

INSTALLED_APPS += ["newsaudit"]  # noqa: F405  (the one line the README asks a site to add)

# The test run's own database file in the copy, whatever DATABASE_URL the calling shell has.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR + "/newsaudit-realsite.db"}}  # noqa: F405
"""


@nox.session(python=find_python(12))
@nox.parametrize("wagtail", [nox.param("", id="site-pins"), nox.param("wagtail>=8,<9", id="wagtail8")])
def realsite(session: nox.Session, wagtail: str) -> None:
    """Wagtail's bakerydemo (../shared/sites/bakerydemo, Wagtail 7.4 + Django 6, so Python >= 3.12): a temporary
    copy with its own requirements (or those with Wagtail 8 instead of its 7.4 pin), newsaudit added to
    INSTALLED_APPS and nothing else, then tests/realsite."""
    site = SITES / "bakerydemo"
    if not site.is_dir():
        session.skip(f"SKIPPED: real-site test: {site} not found")
    copy = Path(session.create_tmp()).resolve() / "bakerydemo"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    (copy / "bakerydemo" / "settings" / "newsaudit_realsite.py").write_text(REALSITE_SETTINGS)
    requirements = copy / "requirements" / "base.txt"
    if wagtail:
        pins = [line for line in requirements.read_text().splitlines() if not line.startswith("wagtail>")]
        requirements.write_text("\n".join([*pins, wagtail]) + "\n")
    session.install("-r", str(requirements))
    session.install("-e", ".[test]")
    project = Path(__file__).resolve().parent
    session.chdir(copy)
    session.run(
        *PYTEST,
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


# CodeRed CMS 6 pins Wagtail >=7,<8 and Django <6: Wagtail 7.4 LTS + Django 5.2, on Python >= 3.11.
CODERED = "coderedcms>=6,<7"
CODERED_SETTINGS = """from .dev import *  # noqa: F403

INSTALLED_APPS += ["newsaudit"]  # noqa: F405  (the one line the README asks a site to add)
"""


@nox.session(python=find_python(11))
def realsite_codered(session: nox.Session) -> None:
    """A CodeRed CMS site made by its own `coderedcms start` in a temporary folder (coderedcms from PyPI), newsaudit
    added to INSTALLED_APPS and nothing else, migrated, then tests/realsite/test_codered.py. Skipped with a message
    when PyPI cannot be reached."""
    _install_from_pypi(session, CODERED, "CodeRed CMS")
    _test_a_generated_site(session, ["coderedcms", "start"], CODERED_SETTINGS, "NEWSAUDIT_CODERED", "test_codered.py")


# wagtail-roost: a news app from PyPI (sections, articles with authors in an InlinePanel, tags, a code block), on
# the newest Wagtail its pins and ours allow (Wagtail 8; bakerydemo and CodeRed cover 7.4).
ROOST = "wagtail-roost>=0.3,<0.4"
ROOST_SETTINGS = """from .dev import *  # noqa: F403

# What roost's README asks for, then the one line newsaudit's README asks for.
INSTALLED_APPS = ["roost", "wagtail.contrib.routable_page", "wagtail.contrib.table_block", *INSTALLED_APPS]  # noqa: F405
INSTALLED_APPS += ["newsaudit"]
WAGTAIL_SITE_NAME = "Valley News"
WAGTAILADMIN_BASE_URL = "http://localhost"
SILENCED_SYSTEM_CHECKS = ["treebeard.E001"]
"""


@nox.session(python=find_python(11))
def realsite_roost(session: nox.Session) -> None:
    """A site made by `wagtail start` with wagtail-roost from PyPI added as its README says, newsaudit added to
    INSTALLED_APPS and nothing else, migrated, then tests/realsite/test_roost.py. Skipped with a message when PyPI
    cannot be reached."""
    _install_from_pypi(session, ROOST, "wagtail-roost")
    _test_a_generated_site(session, ["wagtail", "start"], ROOST_SETTINGS, "NEWSAUDIT_ROOST", "test_roost.py")


def _test_a_generated_site(session: nox.Session, start: list[str], settings: str, variable: str, tests: str) -> None:
    """`start mysite FOLDER` (the project template's own command) in a temporary folder, our settings module beside
    the site's (its dev settings plus INSTALLED_APPS), migrated, then tests/realsite/<tests> with `variable` naming
    the site's folder."""
    site = Path(session.create_tmp()).resolve() / variable.lower()
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    session.run(*start, "mysite", str(site), silent=True)
    (site / "mysite" / "settings" / "newsaudit_realsite.py").write_text(settings)
    env = {variable: str(site), "DJANGO_SETTINGS_MODULE": "mysite.settings.newsaudit_realsite", "PYTHONPATH": str(site)}
    project = Path(__file__).resolve().parent
    session.chdir(site)
    session.run("python", "manage.py", "migrate", "--noinput", "--verbosity", "0", env=env)
    session.run(*PYTEST, "--rootdir", str(project), str(project / "tests" / "realsite" / tests), env=env)


def _install_from_pypi(session: nox.Session, requirement: str, name: str) -> None:
    """This project and `requirement` into the session's virtualenv; skipped with a message when the package index
    cannot be reached at all, else a failed install fails the session."""
    try:
        session.install("-e", ".[test]", requirement)
    except CommandFailed:
        _skip_unless_pypi_answers(session, requirement, name)
        raise


def _skip_unless_pypi_answers(session: nox.Session, requirement: str, name: str) -> None:
    """The install failed: skip when the package index cannot be reached at all, else let the failure stand."""
    probe = Path(session.create_tmp()).resolve() / "probe"
    try:
        session.run("python", "-m", "pip", "download", "--no-deps", "--dest", str(probe), requirement, silent=True)
    except CommandFailed:
        session.skip(f"SKIPPED: real-site test ({name}): {requirement} could not be fetched from PyPI")
