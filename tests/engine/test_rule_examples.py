"""Every rule's documented example is executable: run alone as an article it fires that rule, and the text under
"Use instead" does not. Parametrised over the registry, so a rule added later is checked too."""

import pytest

from newsaudit.engine import DEFAULT, audit, read_text
from newsaudit.engine.rules import registry

RULES = registry.all()


def _fired(text: str, settings: dict | None = None) -> list[str]:
    report = audit(read_text(text, "example"), DEFAULT.merge(settings or {}, origin="the rule's example"))
    assert report.status != "error", report.error
    return [f.rule for f in report.findings if not f.suppressed]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_documented_example_fires_its_rule(rule):
    assert rule.code in _fired(rule.example, rule.example_config), (
        f"{rule.code}'s example does not fire it: {rule.example!r}"
    )


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_use_instead_text_is_clean_of_its_rule(rule):
    assert rule.code not in _fired(rule.instead), f"{rule.code}'s 'use instead' fires it: {rule.instead!r}"
