"""One configuration schema for every face of newsaudit.

Layers, later wins: built-in defaults < `pyproject.toml [tool.newsaudit]` or `newsaudit.toml` < Django setting
`NEWSAUDIT` < per-site settings in the Wagtail admin. Each layer is a plain mapping validated by `Config.merge`;
unknown keys are an error, never silently ignored.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .severity import Severity


class ConfigError(ValueError):
    """A configuration value or key that newsaudit does not understand."""


class UnknownKeyError(ConfigError):
    """A key that is no field of Config (a typo, or a key of another version)."""


@dataclass(frozen=True)
class Config:
    # Rules switched off by code ("NA301") or by category ("readability").
    ignore: frozenset[str] = frozenset()
    # If not empty, only these codes/categories run.
    select: frozenset[str] = frozenset()
    # Per-rule severity overrides: {"NA201": "error"}.
    severity: dict[str, Severity] = field(default_factory=dict)
    # Overall score below which a document warns / fails.
    warn_below: int = 70
    fail_below: int = 40
    # Readability: the Flesch-Kincaid grade the newsroom writes for, and sentence/paragraph lengths in words.
    target_grade: float = 10.0
    max_sentence_words: int = 40
    max_paragraph_words: int = 120
    # Extra wire services and outlets the house credits ("Example News Agency").
    wire_services: tuple[str, ...] = ()
    # Extra lexicon entries by lexicon name: {"loaded": {"word": "neutral alternative"}}.
    lexicon: dict[str, dict[str, str]] = field(default_factory=dict)
    # Fields of Wagtail API / dumpdata exports that hold article text; empty: rich text, StreamField and prose
    # fields are found automatically.
    export_fields: tuple[str, ...] = ()
    # Bounds on one audit. Text beyond max_text_chars is not audited (NA506 says so); an audit still running after
    # time_budget_seconds stops with the findings so far (NA507). 0 switches a bound off.
    max_text_chars: int = 200_000
    time_budget_seconds: float = 20.0

    def merge(self, layer: dict[str, Any], *, origin: str = "configuration") -> Config:
        """A new Config with `layer` applied on top; raises ConfigError naming the bad key."""
        known = {f.name for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in layer.items():
            name = key.replace("-", "_")
            if name not in known:
                raise UnknownKeyError(f"{origin}: unknown key {key!r} (known: {', '.join(sorted(known))})")
            changes[name] = _coerce(name, value, origin, self)
        return replace(self, **changes)

    def enabled(self, code: str, category: str) -> bool:
        if code in self.ignore or category in self.ignore:
            return False
        return not self.select or code in self.select or category in self.select


def _coerce(name: str, value: Any, origin: str, current: Config) -> Any:
    coerce = _COERCE.get(name)
    if coerce is None:  # pragma: no cover - every field has a coercer (tests/engine/test_config_checks.py)
        raise ConfigError(f"{origin}: {name}: unsupported")
    return coerce(f"{origin}: {name}", value, current)


def _codes(where: str, value: Any, current: Config) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple | set | frozenset) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of rule codes or categories")
    return frozenset(v.upper() if v.upper().startswith("NA") else v.lower() for v in value)


def _severities(where: str, value: Any, current: Config) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of rule code = severity")
    merged = dict(current.severity)
    for code, level in value.items():
        try:
            merged[str(code).upper()] = Severity.parse(str(level))
        except ValueError as error:
            raise ConfigError(f"{where}.{code}: {error}") from None
    return merged


def _whole_number(where: str, value: Any, current: Config) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where} must be a whole number >= 0")
    return value


def _grade(where: str, value: Any, current: Config) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 30:
        raise ConfigError(f"{where} must be a number from 0 to 30")
    return float(value)


def _seconds(where: str, value: Any, current: Config) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 3600:
        raise ConfigError(f"{where} must be a number of seconds from 0 to 3600")
    return float(value)


def _names(where: str, value: Any, current: Config) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where} must be a list of names")
    return tuple(v.strip() for v in value)


def _lexicons(where: str, value: Any, current: Config) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{where} must be a table of lexicon name -> {{entry = alternative}}")
    merged = {k: dict(v) for k, v in current.lexicon.items()}
    for lexicon_name, entries in value.items():
        merged.setdefault(lexicon_name, {}).update({str(k).lower(): str(v) for k, v in entries.items()})
    return merged


# How each key is validated and normalised: one coercer per field of Config (a new key adds one line here).
_COERCE: dict[str, Callable[[str, Any, Config], Any]] = {
    "ignore": _codes,
    "select": _codes,
    "severity": _severities,
    "warn_below": _whole_number,
    "fail_below": _whole_number,
    "target_grade": _grade,
    "max_sentence_words": _whole_number,
    "max_paragraph_words": _whole_number,
    "wire_services": _names,
    "lexicon": _lexicons,
    "export_fields": _names,
    "max_text_chars": _whole_number,
    "time_budget_seconds": _seconds,
}


DEFAULT = Config()


def load_file(path: Path) -> dict[str, Any]:
    """The newsaudit table of a TOML file: `[tool.newsaudit]` in pyproject.toml, the whole of newsaudit.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("newsaudit", {})
    return data


def discover(start: Path) -> Path | None:
    """newsaudit.toml, or a pyproject.toml with a [tool.newsaudit] table, in `start` or its parents."""
    for folder in (start, *start.parents):
        candidate = folder / "newsaudit.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.newsaudit" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def from_file(path: Path | None, base: Config = DEFAULT) -> Config:
    return base if path is None else base.merge(load_file(path), origin=str(path))
