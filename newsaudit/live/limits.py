"""Limits on the live check (the audit of an editor's unsaved form): the per-user rate limit, one check in flight
per editor, and the Django settings that bound them. Counters live in Django's cache, so every web process sees
them when the cache is shared (Redis, Memcached, the database); the default LocMemCache is per process.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache

RATE_WINDOW_SECONDS = 60
SLOT_SECONDS = 300  # a crashed check's slot expires by itself


def live_checks_per_minute() -> int:
    """`NEWSAUDIT_LIVE_CHECKS_PER_MINUTE` (default 30; 0: no limit). The editor's panel checks after each pause in
    typing, so this must allow a fast typist while stopping a script."""
    return int(getattr(settings, "NEWSAUDIT_LIVE_CHECKS_PER_MINUTE", 30))


def panel_max_findings() -> int:
    """`NEWSAUDIT_PANEL_MAX_FINDINGS` (default 100): findings rendered in the panel; the rest are counted."""
    return int(getattr(settings, "NEWSAUDIT_PANEL_MAX_FINDINGS", 100))


def live_check_max_bytes() -> int:
    """`NEWSAUDIT_LIVE_CHECK_MAX_BYTES` (default: Django's DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB): a larger request
    body is refused with 413 before it is read."""
    default = getattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", None) or 2_621_440
    return int(getattr(settings, "NEWSAUDIT_LIVE_CHECK_MAX_BYTES", default))


def live_check_time_budget() -> float:
    """`NEWSAUDIT_LIVE_CHECK_TIME_BUDGET` (seconds, default 3), counted from the start of the request: the live
    check's audit stops then, or at the engine's `time_budget_seconds` if that is shorter; the editor is waiting."""
    return float(getattr(settings, "NEWSAUDIT_LIVE_CHECK_TIME_BUDGET", 3.0))


def live_check_max_chars() -> int:
    """`NEWSAUDIT_LIVE_CHECK_MAX_CHARS` (default 50,000, about 8,000 words): the live check audits at most this much
    of the text, or the engine's `max_text_chars` if that is smaller. The audit on save keeps `max_text_chars`."""
    return int(getattr(settings, "NEWSAUDIT_LIVE_CHECK_MAX_CHARS", 50_000))


def live_check_bound(page: Any) -> int:
    """The characters the live check of `page` audits: the smaller of `NEWSAUDIT_LIVE_CHECK_MAX_CHARS` and the
    site's `max_text_chars` (0 for either: no bound from it)."""
    from ..pages.auditing import site_for
    from ..settings import config_for_site

    bounds = [b for b in (live_check_max_chars(), config_for_site(site_for(page)).max_text_chars) if b > 0]
    return min(bounds, default=0)


def retry_after(user: Any) -> int | None:
    """Count one live check for `user` in the current minute; seconds to wait when over the limit, else None."""
    limit = live_checks_per_minute()
    if limit <= 0:
        return None
    now = time.time()
    window = int(now // RATE_WINDOW_SECONDS)
    key = f"newsaudit:live-rate:{user.pk}:{window}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS + 5)
        count = 1
    if count <= limit:
        return None
    return max(1, int((window + 1) * RATE_WINDOW_SECONDS - now + 0.999))


class LiveCheckSlot:
    """At most one live check per editor: a new check takes the slot, and the one it replaces sees `cancelled()`
    turn true and stops between two rules."""

    def __init__(self, user: Any) -> None:
        self.key = f"newsaudit:live-check:{user.pk}"
        self.token = uuid.uuid4().hex
        cache.set(self.key, self.token, timeout=SLOT_SECONDS)

    def cancelled(self) -> bool:
        return cache.get(self.key) != self.token

    def release(self) -> None:
        if not self.cancelled():
            cache.delete(self.key)
