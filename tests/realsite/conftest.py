"""A real Wagtail site that we did not write (Wagtail's bakerydemo), with newsaudit installed the way the README
says: only `"newsaudit"` added to INSTALLED_APPS, then `migrate`. `nox -s realsite` (run by `make test`) copies
../shared/sites/bakerydemo to a temporary folder, installs its own requirements and newsaudit into a virtualenv,
adds the settings module below and runs these tests with NEWSAUDIT_REALSITE pointing at the copy. Anywhere else
(the main suite) this folder is not collected.

The site's database is a real SQLite file in the copy, migrated and loaded with the site's own
`load_initial_data`, as a site developer would; the tests read it through Django and through a real server.
"""

import os

import pytest

SITE = os.environ.get("NEWSAUDIT_REALSITE")
# Each site's tests only where its session points at it (`nox -s realsite`, `nox -s realsite_codered`).
collect_ignore_glob = [] if SITE else ["test_bakerydemo.py"]
if not os.environ.get("NEWSAUDIT_CODERED"):
    collect_ignore_glob.append("test_codered.py")
if not os.environ.get("NEWSAUDIT_ROOST"):
    collect_ignore_glob.append("test_roost.py")


@pytest.fixture(scope="session")
def site_data(django_db_blocker):
    """The site migrated and loaded once (its own data, its own command), and an admin to open the editor as."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_initial_data")
        user = get_user_model().objects.filter(is_superuser=True).first()
        if user is None:
            user = get_user_model().objects.create_superuser("newsaudit-test", "t@example.org", "newsaudit-test")
        yield user


@pytest.fixture
def db_access(site_data, django_db_blocker):
    with django_db_blocker.unblock():
        yield site_data


def panel_shown(html: str) -> bool:
    """An edit view's HTML carries newsaudit's side panel."""
    return 'data-side-panel="newsaudit"' in html and "data-newsaudit-panel" in html


@pytest.fixture(scope="module")
def editor(django_db_blocker):
    """A superuser to edit pages as (the generated sites have none)."""
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        users = get_user_model().objects
        user = users.filter(username="newsaudit-editor").first()
        yield user or users.create_superuser("newsaudit-editor", "e@example.org", "x-editor-x")


@pytest.fixture
def editor_client(editor, django_db_blocker):
    from django.test import Client

    client = Client()
    client.force_login(editor)
    with django_db_blocker.unblock():
        yield client
