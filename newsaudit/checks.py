"""Django system checks for newsaudit: `manage.py check` reports a bad `settings.NEWSAUDIT` before anything runs.

The values are validated by the engine's own configuration schema (`Config.merge`), key by key, so every problem
is reported at once and the rules live in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning

from .engine.config import DEFAULT, ConfigError, UnknownKeyError

HINT_DOCS = "See docs/configuration.md for every key and its values."


def check_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """newsaudit.E001: an unknown key in settings.NEWSAUDIT; newsaudit.E002: a value the engine does not accept."""
    layer = getattr(settings, "NEWSAUDIT", None)
    if layer is None:
        return []
    if not isinstance(layer, Mapping):
        return [
            Error(
                f"settings.NEWSAUDIT must be a dict of configuration keys, not {type(layer).__name__}.",
                hint=HINT_DOCS,
                id="newsaudit.E002",
            )
        ]
    messages: list[CheckMessage] = []
    for key, value in layer.items():
        try:
            DEFAULT.merge({key: value}, origin="settings.NEWSAUDIT")
        except UnknownKeyError as error:
            messages.append(Error(str(error), hint=HINT_DOCS, id="newsaudit.E001"))
        except ConfigError as error:
            messages.append(Error(str(error), hint=HINT_DOCS, id="newsaudit.E002"))
    return messages


def check_site_integration(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """newsaudit.W001: per-site settings are off (no `wagtail.contrib.settings`); newsaudit.E003: a page type in
    NEWSAUDIT_PAGE_TYPES that does not exist; newsaudit.E004: a NEWSAUDIT_METADATA entry of the wrong shape."""
    messages: list[CheckMessage] = []
    if not apps.is_installed("wagtail.contrib.settings"):
        messages.append(
            Warning(
                "Per-site settings (Settings > News audit) are off: 'wagtail.contrib.settings' is not in "
                "INSTALLED_APPS, so only the NEWSAUDIT Django setting applies.",
                hint="Add 'wagtail.contrib.settings' to INSTALLED_APPS (once) if editors should tune audits per site.",
                id="newsaudit.W001",
            )
        )
    messages += _page_type_labels()
    messages += _metadata_mapping()
    return messages


def _page_type_labels() -> list[CheckMessage]:
    from wagtail.models import get_page_models

    setting = getattr(settings, "NEWSAUDIT_PAGE_TYPES", None) or {}
    if not isinstance(setting, Mapping) or set(setting) - {"include", "exclude"}:
        return [
            Error("NEWSAUDIT_PAGE_TYPES must be a dict with 'include' and/or 'exclude' lists.", id="newsaudit.E003")
        ]
    known = {f"{m._meta.app_label}.{m.__name__}".lower() for m in get_page_models()}
    return [
        Error(
            f"NEWSAUDIT_PAGE_TYPES[{key!r}] names {label!r}, which is not a page type.",
            hint="Use 'app_label.ModelName'; `manage.py audit_archive --list-page-types` lists them.",
            id="newsaudit.E003",
        )
        for key in ("include", "exclude")
        for label in setting.get(key) or ()
        if str(label).lower() not in known
    ]


def _metadata_mapping() -> list[CheckMessage]:
    from .pages.metadata import KEYS

    mapping = getattr(settings, "NEWSAUDIT_METADATA", None) or {}
    shape = f"a dict of {{'app.Model' or '*': {{key: 'attribute.path' or 'module:function'}}}} with keys {KEYS}"
    if not isinstance(mapping, Mapping):
        return [Error(f"NEWSAUDIT_METADATA must be {shape}.", id="newsaudit.E004")]
    return [
        Error(f"NEWSAUDIT_METADATA[{scope!r}] must be {shape}.", id="newsaudit.E004")
        for scope, entries in mapping.items()
        if not isinstance(entries, Mapping)
        or any(key not in KEYS or not isinstance(path, str) or not path for key, path in entries.items())
    ]


PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


def check_live_check_cache(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """newsaudit.W002: in production (DEBUG off), the live check's rate limit and its one-check-per-editor slot
    live in a cache that each web process keeps to itself (LocMemCache), or in none (DummyCache)."""
    from .live.limits import live_checks_per_minute

    backend = (getattr(settings, "CACHES", {}) or {}).get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in PER_PROCESS_CACHES or live_checks_per_minute() <= 0:
        return []
    return [
        Warning(
            f"The default cache is {backend.rsplit('.', 1)[-1]}: each web process counts the live check's rate "
            "limit (NEWSAUDIT_LIVE_CHECKS_PER_MINUTE) and its one check per editor on its own.",
            hint="Use a shared cache for CACHES['default'] in production: Redis, Memcached or the database cache "
            "(see docs/security.md).",
            id="newsaudit.W002",
        )
    ]
