"""The live check's rate limit and in-flight slot live in Django's configured cache, so a shared cache (the
database cache here; Redis, Memcached in production) makes them hold across web processes; newsaudit.W002 warns
when production runs with a per-process cache."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from newsaudit.live.limits import LiveCheckSlot, retry_after

TABLE = "newsaudit_test_cache"
DB_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": TABLE}}


@pytest.fixture
def database_cache(settings, db):
    settings.CACHES = DB_CACHE
    call_command("createcachetable", verbosity=0)
    caches["default"].clear()
    yield
    caches["default"].clear()


def other_process_cache() -> DatabaseCache:
    """A second cache instance on the same table: what another web process sees (no memory shared)."""
    return DatabaseCache(TABLE, {})


def test_rate_limit_counts_in_the_shared_cache(database_cache, settings, admin_user):
    settings.NEWSAUDIT_LIVE_CHECKS_PER_MINUTE = 3
    assert [retry_after(admin_user) for _ in range(3)] == [None, None, None]
    other = other_process_cache()
    counted = [key for key in _rate_keys(admin_user) if other.get(key) is not None]
    assert counted and other.get(counted[0]) == 3  # the other process sees the three checks
    other.incr(counted[0])  # a check counted by the other process ...
    wait = retry_after(admin_user)  # ... brings this one over the limit
    assert wait is not None and 1 <= wait <= 60


def _rate_keys(user) -> list[str]:
    import time

    window = int(time.time() // 60)
    return [f"newsaudit:live-rate:{user.pk}:{w}" for w in (window, window - 1)]


def test_rate_limit_answers_429_through_the_database_cache(database_cache, settings, admin_user, saved_article):
    settings.NEWSAUDIT_LIVE_CHECKS_PER_MINUTE = 1
    client = Client()
    client.force_login(admin_user)
    url = reverse("newsaudit:check", args=[saved_article.pk])
    assert client.post(url, b"", content_type="text/plain").status_code == 400
    limited = client.post(url, b"", content_type="text/plain")
    assert limited.status_code == 429 and limited["Retry-After"]


def test_a_check_in_another_process_is_cancelled_through_the_shared_cache(database_cache, admin_user):
    first = LiveCheckSlot(admin_user)
    other = other_process_cache()
    other.set(first.key, "a newer check's token")  # another web process took the editor's slot
    assert first.cancelled()


def test_W002_per_process_cache_in_production(settings):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    warnings = [m for m in run_checks() if m.id == "newsaudit.W002"]
    assert len(warnings) == 1 and "LocMemCache" in warnings[0].msg and "database cache" in warnings[0].hint
    settings.NEWSAUDIT_LIVE_CHECKS_PER_MINUTE = 0  # no rate limit: nothing to share
    assert not [m for m in run_checks() if m.id == "newsaudit.W002"]


def test_no_W002_with_a_shared_cache_or_in_development(settings):
    settings.DEBUG = False
    settings.CACHES = DB_CACHE
    assert not [m for m in run_checks() if m.id == "newsaudit.W002"]
    settings.DEBUG = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert not [m for m in run_checks() if m.id == "newsaudit.W002"]
