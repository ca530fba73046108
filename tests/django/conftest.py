"""Django/Wagtail tests: real pages in a real database (SQLite, or PostgreSQL via DATABASE_URL).

Django is configured here, not in a root conftest, so `pytest tests/engine` never needs Django.
"""

import atexit
import os
import tempfile
from pathlib import Path

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")


def _private_test_database() -> None:
    """On a shared server, name the test database per run, so two runs at once never drop each other's. SQLite
    tests get a file of their own too, not Django's in-memory default: that one shares a cache between the live
    server's threads, where a read beside a write fails at once ("database table is locked") instead of waiting
    as the site's own SQLite does (WAL, a 20 s timeout: example_site/settings.py)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "sqlite" not in db["ENGINE"]:
        db.setdefault("TEST", {}).setdefault("NAME", f"test_{db['NAME']}_{os.getpid()}")
    else:
        private = Path(tempfile.gettempdir()) / f"newsaudit-test-{os.getpid()}.sqlite3"
        db.setdefault("TEST", {}).setdefault("NAME", str(private))
        atexit.register(_remove_sqlite_files, private)


def _remove_sqlite_files(database: Path) -> None:
    """Django drops the test database file; WAL mode leaves its -wal and -shm files beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def _install_shapes_app() -> None:
    """tests/django/shapes: page shapes of real Wagtail apps, in this test process only (not in the example site,
    nor in the processes tests start). Where Django is already set up (a DJANGO_SETTINGS_MODULE in the environment
    before pytest started), its tests are skipped."""
    from django.apps import apps
    from django.conf import settings

    if not apps.ready:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "tests.django.shapes"]


_private_test_database()
_install_shapes_app()
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import GroupPagePermission, Page, Site  # noqa: E402

from example_site.news.models import ArticlePage, HomePage, SectionPage  # noqa: E402

SAMPLES = Path(__file__).parent / "sample_articles"
WEASEL_PARAGRAPH = (
    "<p>Observers note that the reservoir has fallen to its lowest level in years, and the council "
    "has not said why.</p>"
)
CLEAN_PARAGRAPH = "<p>The reservoir has fallen to 41 per cent of capacity, the water company said on Monday.</p>"


@pytest.fixture(autouse=True)
def _live_check_in_process(settings):
    """Live checks audit in the test process; test_live_audit_process.py covers the audit processes."""
    settings.NEWSAUDIT_LIVE_CHECK_PROCESSES = 0


@pytest.fixture
def home(db) -> HomePage:
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Courier", slug="courier-test"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


@pytest.fixture
def section(home) -> SectionPage:
    return home.add_child(instance=SectionPage(title="Environment", slug="environment"))


def make_article(section: SectionPage, slug: str = "reservoir", body: list | None = None, **fields) -> ArticlePage:
    body = (
        body
        if body is not None
        else [
            {"type": "paragraph", "value": WEASEL_PARAGRAPH, "id": "b1"},
            {
                "type": "quote",
                "value": {"text": "We are watching it closely.", "attribution": "Ana Ruiz, engineer"},
                "id": "b2",
            },
        ]
    )
    defaults = {"title": "Reservoir falls to a ten-year low", "byline": "By Test Writer", "dateline": "GREYFELL"}
    defaults.update(fields)
    return section.add_child(instance=ArticlePage(slug=slug, body=body, **defaults))


@pytest.fixture
def article(section) -> ArticlePage:
    return make_article(section)


@pytest.fixture
def saved_article(article, django_capture_on_commit_callbacks) -> ArticlePage:
    """The article saved and published through a revision, its audit stored."""
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    return article


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "newsaudit")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def editor_client(username: str, pages: tuple[Page, ...] = (), codenames: tuple[str, ...] = ("change_page",)) -> Client:
    """A logged-in user of the admin whose group may do `codenames` on `pages` (and below them) and nothing else."""
    group = Group.objects.create(name=f"{username} desk")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.create(
                group=group, page=page, permission=Permission.objects.get(codename=codename)
            )
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def no_edit_client(db) -> Client:
    """A user who can log in to the admin but has no permission on any page."""
    return editor_client("reader")


def _database_unreachable() -> str | None:
    """None when the configured database server answers (or is SQLite), else the skip reason."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        return None
    import psycopg

    try:
        psycopg.connect(
            host=db.get("HOST") or "localhost",
            port=db.get("PORT") or 5432,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as error:
        return f"SKIPPED: PostgreSQL not reachable ({str(error).strip().splitlines()[0][:120]})"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _database_unreachable()
    if reason:
        print(f"\n{reason}")
        for item in items:
            if "tests/django" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason=reason))
