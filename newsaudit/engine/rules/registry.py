"""The rule registry: every rule is a small function registered with its code, name, category and documentation.

Modelled on Django's system checks and ruff's rule catalogue: the registry, not the caller, knows which rules
exist; a rule's documentation (what it does, why it matters, an example, what to write instead) lives next to
its code and is what `newsaudit explain` and docs/rules.md print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from textwrap import indent
from typing import TYPE_CHECKING, Any

from ..kinds import CATEGORIES, Category
from ..severity import Severity

if TYPE_CHECKING:
    from ..context import Context

CODE_PREFIX = {c.value: c.code_prefix for c in Category}


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: a span of the document text, a message, and a concrete fix."""

    start: int
    end: int
    message: str
    hint: str
    excerpt: str | None = None  # only for spans outside the text (the title of a document without a headline)


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    why: str
    example: str
    instead: str
    check: Callable[[Context], Iterable[Hit]]
    scope: str = "span"  # "article": the finding is about the whole article (its span only shows where)
    # Settings the example runs with, for rules about the audit's own bounds (NA506 needs a text longer than
    # max_text_chars); "use instead" always runs with the defaults.
    example_config: dict[str, Any] = field(default_factory=dict)

    @property
    def example_label(self) -> str:
        settings = ", ".join(f"{key} = {value}" for key, value in self.example_config.items())
        return f"Example (with {settings})" if settings else "Example"

    def explain(self) -> str:
        return (
            f"{self.code} {self.name} ({self.category}, default severity {self.severity.label})\n\n"
            f"What it does\n  {self.summary}\n\n"
            f"Why it matters\n  {self.why}\n\n"
            f"{self.example_label}\n{indent(self.example, '  ')}\n\n"
            f"Use instead\n{indent(self.instead, '  ')}\n"
        )


SCOPES = ("span", "article")


class Registry:
    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, rule: Rule) -> None:
        if rule.code in self._rules:
            raise ValueError(f"rule code {rule.code} registered twice")
        if rule.category not in CATEGORIES or not rule.code.startswith(CODE_PREFIX[rule.category]):
            raise ValueError(f"rule {rule.code}: code does not match category {rule.category}")
        if rule.scope not in SCOPES:
            raise ValueError(f"rule {rule.code}: scope must be one of {SCOPES}")
        self._rules[rule.code] = rule

    def get(self, code: str) -> Rule | None:
        return self._rules.get(code.upper())

    def by_name(self, name: str) -> Rule | None:
        return next((r for r in self._rules.values() if r.name == name), None)

    def all(self) -> list[Rule]:
        return sorted(self._rules.values(), key=lambda r: r.code)


registry = Registry()


def rule(
    *,
    code: str,
    name: str,
    category: str,
    severity: str,
    summary: str,
    why: str,
    example: str,
    instead: str,
    scope: str = "span",
    example_config: dict[str, Any] | None = None,
) -> Callable[[Callable[[Context], Iterable[Hit]]], Callable[[Context], Iterable[Hit]]]:
    """Register the decorated check function as a rule."""

    def register(check: Callable[[Context], Iterable[Hit]]) -> Callable[[Context], Iterable[Hit]]:
        parsed = Severity.parse(severity)
        registry.register(
            Rule(code, name, category, parsed, summary, why, example, instead, check, scope, dict(example_config or {}))
        )
        return check

    return register
