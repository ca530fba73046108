"""Configuration: one schema, layered defaults < file < Django setting < per-site settings; unknown keys fail."""

from pathlib import Path

import pytest

from newsaudit.engine.config import DEFAULT, Config, ConfigError, discover, from_file
from newsaudit.engine.severity import Severity

from .helpers import FIXTURES, run


def test_layers_apply_in_order(tmp_path: Path):
    path = tmp_path / "newsaudit.toml"
    path.write_text('warn_below = 60\nfail_below = 30\nseverity = {NA201 = "error"}\nignore = ["NA301"]\n')
    from_toml = from_file(path)
    django = from_toml.merge({"fail_below": 35, "severity": {"NA402": "info"}}, origin="NEWSAUDIT")
    site = django.merge({"warn_below": 80}, origin="site settings")
    assert (site.warn_below, site.fail_below) == (80, 35)
    assert site.severity == {"NA201": Severity.ERROR, "NA402": Severity.INFO}  # tables merge key by key
    assert site.ignore == frozenset({"NA301"})
    assert DEFAULT.warn_below == 70  # layers never change the defaults


def test_every_documented_key_is_accepted():
    config = Config().merge(
        {
            "ignore": ["readability"],
            "select": ["sourcing", "NA201"],
            "severity": {"na201": "warning"},
            "warn_below": 65,
            "fail_below": 30,
            "target_grade": 9,
            "max_sentence_words": 35,
            "max_paragraph_words": 100,
            "wire_services": ["Example News Agency"],
            "lexicon": {"loaded": {"Slammed": "criticised"}},
            "export_fields": ["body", "intro"],
        }
    )
    assert config.lexicon == {"loaded": {"slammed": "criticised"}}
    assert config.export_fields == ("body", "intro") and config.target_grade == 9.0
    assert not config.enabled("NA301", "readability") and config.severity["NA201"] == Severity.WARNING


@pytest.mark.parametrize(
    ("layer", "message"),
    [
        ({"colour": "red"}, "unknown key 'colour'"),
        ({"warn_below": "high"}, "whole number"),
        ({"severity": {"NA201": "fatal"}}, "unknown severity"),
        ({"target_grade": 99}, "0 to 30"),
        ({"ignore": [1]}, "list of rule codes"),
        ({"export_fields": "body"}, "list of names"),
    ],
)
def test_bad_values_name_the_key(layer, message):
    with pytest.raises(ConfigError, match=message):
        Config().merge(layer, origin="newsaudit.toml")


def test_newsaudit_toml_wins_over_pyproject_and_parents(tmp_path: Path):
    child = tmp_path / "site"
    child.mkdir()
    (tmp_path / "newsaudit.toml").write_text("warn_below = 10\n")
    assert discover(child) == tmp_path / "newsaudit.toml"
    (child / "pyproject.toml").write_text("[tool.newsaudit]\nwarn_below = 20\n")
    assert discover(child) == child / "pyproject.toml"  # nearest folder first
    (child / "newsaudit.toml").write_text("warn_below = 30\n")
    assert discover(child) == child / "newsaudit.toml"
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert discover(tmp_path / "plain") == tmp_path / "newsaudit.toml"  # a pyproject without the table is skipped


def test_config_flag_overrides_discovery(tmp_path: Path):
    (tmp_path / "newsaudit.toml").write_text("colour = 1\n")  # would fail if discovered
    good = tmp_path / "ci.toml"
    good.write_text('ignore = ["structure"]\n')
    assert run("check", "--config", str(good), str(FIXTURES / "api_detail.json"), cwd=tmp_path).returncode == 0
    broken = run("check", str(FIXTURES / "api_detail.json"), cwd=tmp_path)
    assert broken.returncode == 2 and "unknown key 'colour'" in broken.stderr
    assert len(broken.stderr.strip().splitlines()) == 1


def test_unknown_key_in_pyproject_table(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("[tool.newsaudit]\nfail-bellow = 3\n")
    result = run("check", str(FIXTURES / "api_detail.json"), cwd=tmp_path)
    assert result.returncode == 2 and "fail-bellow" in result.stderr and "Traceback" not in result.stderr


def test_invalid_toml_is_one_line(tmp_path: Path):
    (tmp_path / "newsaudit.toml").write_text("ignore = [\n")
    result = run("check", str(FIXTURES / "api_detail.json"), cwd=tmp_path)
    assert result.returncode == 2 and "not valid TOML" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
