"""The closed vocabularies every face shares, defined once: finding categories and document statuses.

The values are the JSON contract's strings (docs/json-report.md) and what the Django side stores; the Django
choices, the registry's categories and the report's status counts are all built from these enums.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    ATTRIBUTION = "attribution"
    SOURCING = "sourcing"
    READABILITY = "readability"
    BIAS = "bias"
    STRUCTURE = "structure"

    @property
    def code_prefix(self) -> str:
        """Rule codes of this category start with it: NA1xx attribution ... NA5xx structure."""
        return f"NA{list(Category).index(self) + 1}"

    @property
    def scored(self) -> bool:
        """Has a 0-100 score of its own (structure findings count only toward the status)."""
        return self is not Category.STRUCTURE


class Status(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"

    @property
    def label(self) -> str:
        return self.value.capitalize()


CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)
SCORED_CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category if c.scored)
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
