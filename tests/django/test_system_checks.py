"""`manage.py check` reports a bad settings.NEWSAUDIT (newsaudit.E001, E002) before any audit runs."""

from io import StringIO

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError


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
