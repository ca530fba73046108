"""`manage.py check` reports a bad settings.NEWSAUDIT (newsaudit.E001, E002) before any audit runs."""

from io import StringIO

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError


@pytest.fixture(autouse=True)
def shared_cache(settings):
    """A shared cache, as production should have, so that newsaudit.W002 (test_limits.py) stays out of these."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "na_cache"}}


def _ids(messages):
    return sorted(m.id for m in messages if m.id and m.id.startswith("newsaudit."))


def test_valid_setting_passes_check(settings):
    settings.NEWSAUDIT = {"warn_below": 60, "ignore": ["NA301"], "severity": {"NA201": "error"}}
    assert _ids(run_checks()) == []
    out = StringIO()
    call_command("check", stdout=out)
    assert "no issues" in out.getvalue()


def test_unknown_key_is_E001(settings):
    settings.NEWSAUDIT = {"warn_belw": 60}
    messages = [m for m in run_checks() if m.id == "newsaudit.E001"]
    assert len(messages) == 1
    assert "'warn_belw'" in messages[0].msg and "warn_below" in messages[0].msg
    with pytest.raises(SystemCheckError, match="newsaudit.E001"):
        call_command("check")


def test_bad_value_is_E002_and_every_problem_is_reported(settings):
    settings.NEWSAUDIT = {"target_grade": 99, "severity": {"NA201": "fatal"}, "nonsense": 1}
    assert _ids(run_checks()) == ["newsaudit.E001", "newsaudit.E002", "newsaudit.E002"]
    messages = {m.msg for m in run_checks() if m.id == "newsaudit.E002"}
    assert any("target_grade must be a number from 0 to 30" in m for m in messages)
    assert any("unknown severity 'fatal'" in m for m in messages)


def test_setting_that_is_not_a_dict_is_E002(settings):
    settings.NEWSAUDIT = ["NA201"]
    assert _ids(run_checks()) == ["newsaudit.E002"]


def test_per_site_settings_off_without_the_settings_app_is_W001(monkeypatch):
    from django.apps import apps

    assert "newsaudit.W001" not in _ids(run_checks())
    # Reloading the app registry without the settings app breaks other apps' URL registries in this process;
    # the check asks the registry one question, so answer that one as a site without the app would.
    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "wagtail.contrib.settings" and installed(name))
    warnings = [m for m in run_checks() if m.id == "newsaudit.W001"]
    assert len(warnings) == 1 and "wagtail.contrib.settings" in warnings[0].msg


def test_unknown_page_type_is_E003_and_bad_metadata_mapping_is_E004(settings):
    settings.NEWSAUDIT_PAGE_TYPES = {"include": ["news.ArticlePage", "news.Nonesuch"]}
    settings.NEWSAUDIT_METADATA = {"news.ArticlePage": {"byline": "owner"}, "*": {"author": "owner"}}
    messages = [m for m in run_checks() if m.id in ("newsaudit.E003", "newsaudit.E004")]
    assert [m.id for m in messages] == ["newsaudit.E003", "newsaudit.E004"]
    assert "'news.Nonesuch'" in messages[0].msg and "'*'" in messages[1].msg
