"""Rules, one module per category. Importing this package registers them all."""

from . import attribution, balance, bias, limits, readability, sourcing, structure, subjectivity  # noqa: F401  (registration side effect)
from .registry import CATEGORIES, Hit, Rule, registry, rule

__all__ = ["CATEGORIES", "Hit", "Rule", "registry", "rule"]
