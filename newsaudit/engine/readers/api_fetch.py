"""Page through a live site's Wagtail API v2 (`newsaudit check --api URL`), so CI can audit a staging site
without writing export files.

`/api/v2/pages/` lists every page but carries only Page's own fields, even with `?fields=*`: a page type's own
fields (the body) come only in that type's listing, `/api/v2/pages/?type=app.Model&fields=*`. So the base listing
is paged through first to learn which types exist (unless `--type` names them), then each type's listing is paged
through with `offset` in steps of `limit` (Wagtail's default `WAGTAILAPI_LIMIT_MAX` is 20). Each response is handed
to the export reader as it arrives. Work is bounded: at most MAX_REQUESTS requests, each with a timeout.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence

PAGE_SIZE = 20
MAX_REQUESTS = 10_000
TIMEOUT_SECONDS = 120  # a type listing with image renditions is slow the first time it is asked for
MAX_RESPONSE_BYTES = 64 * 1024 * 1024


class FetchError(Exception):
    """The API could not be read: one line for the user."""


def pages_url(base_url: str) -> str:
    """`https://site/api/v2/` or `.../api/v2/pages/` -> the pages endpoint, ending in a slash."""
    parsed = urllib.parse.urlsplit(base_url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise FetchError(
            f"--api needs an http(s) URL of the site's API, e.g. https://example.org/api/v2/, not {base_url!r}"
        )
    path = parsed.path.rstrip("/")
    if not path.endswith("/pages"):
        path += "/pages"
    return urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path + "/", "", ""))


def fetch_listings(base_url: str, types: Sequence[str] = (), page_size: int = PAGE_SIZE) -> Iterator[tuple[str, bytes]]:
    """(URL, JSON body) of every listing page with article fields: each type's listing, paged through."""
    endpoint = pages_url(base_url)
    budget = _Budget()
    for page_type in types or list(_page_types(endpoint, page_size, budget)):
        for url, body, _listing in _paged(endpoint, {"type": page_type, "fields": "*"}, page_size, budget):
            yield url, body


def _page_types(endpoint: str, page_size: int, budget: _Budget) -> Iterator[str]:
    """Every page type the base listing holds, in the order first seen."""
    seen: set[str] = set()
    for _url, _body, listing in _paged(endpoint, {}, page_size, budget):
        for item in listing.get("items") or ():
            page_type = (item.get("meta") or {}).get("type") if isinstance(item, dict) else None
            if isinstance(page_type, str) and page_type not in seen:
                seen.add(page_type)
                yield page_type


def _paged(endpoint: str, query: dict[str, str], page_size: int, budget: _Budget) -> Iterator[tuple[str, bytes, dict]]:
    offset = 0
    while True:
        url = f"{endpoint}?{urllib.parse.urlencode({**query, 'limit': page_size, 'offset': offset})}"
        body = budget.get(url)
        listing = _listing(url, body)
        yield url, body, listing
        items = listing.get("items") or []
        total = (listing.get("meta") or {}).get("total_count")
        offset += len(items)
        if not items or not isinstance(total, int) or offset >= total:
            return


def _listing(url: str, body: bytes) -> dict:
    try:
        listing = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise FetchError(f"{url}: the answer is not JSON; is this the site's API (…/api/v2/)?") from None
    if not isinstance(listing, dict) or not isinstance(listing.get("items"), list):
        raise FetchError(f"{url}: the answer is not a Wagtail API v2 page listing")
    return listing


class _Budget:
    """Counts requests against MAX_REQUESTS and makes each one with a timeout and a size limit."""

    def __init__(self) -> None:
        self.requests = 0

    def get(self, url: str) -> bytes:
        self.requests += 1
        if self.requests > MAX_REQUESTS:
            raise FetchError(f"stopped after {MAX_REQUESTS:,} requests to the API; name page types with --type")
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "newsaudit"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (http(s) only)
                body = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as error:
            raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise FetchError(f"{url}: {getattr(error, 'reason', None) or error}") from None
        if len(body) > MAX_RESPONSE_BYTES:
            raise FetchError(f"{url}: the answer is larger than {MAX_RESPONSE_BYTES // (1024 * 1024)} MB")
        return body
