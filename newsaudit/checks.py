"""Django system checks for newsaudit: `manage.py check` reports a bad `settings.NEWSAUDIT` before anything runs.

The values are validated by the engine's own configuration schema (`Config.merge`), key by key, so every problem
is reported at once and the rules live in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error

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
