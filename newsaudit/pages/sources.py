"""Who each article quotes, stored per page for Reports > Sources: one QuotedSource row per distinct source of a
page's latest audit, rebuilt whenever that audit is stored (on save, on publish, by `audit_archive`).

The rows come from the report's `source_mix` (see docs/json-report.md); an audit stored before the engine wrote
`source_mix` has only `sources` (`[{"name", "kind", "mentions"}]`), from which a minimal mix is derived here, so old
audits count until they are audited again.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..engine.lexicons import load_word_sets, load_words
from ..models import GENDERS, NOT_STATED, ROLES, SOURCE_KINDS, AuditResult, QuotedSource

BYLINE_KEY = "byline"  # the page's byline, kept in the stored report by auditing.report_dict
MAX_NAME = 200
MAX_FORMS = 12

ROLE_LABELS = {
    "official": _("Official or elected"),
    "spokesperson": _("Spokesperson"),
    "expert": _("Expert or academic"),
    "business": _("Business"),
    "citizen": _("Citizen or witness"),
    "campaigner": _("Campaigner"),
    "candidate": _("Candidate"),
    "journalist": _("Journalist"),
    "": _("Not stated"),
}
GENDER_LABELS = {"female": _("Female"), "male": _("Male"), NOT_STATED: _("Not stated")}


def source_mix(report: dict[str, Any]) -> dict[str, Any]:
    """The report's `source_mix`, or one derived from its `sources` list (audits stored before it existed)."""
    mix = report.get("source_mix")
    if isinstance(mix, dict) and isinstance(mix.get("sources"), list):
        return mix
    sources = []
    for item in report.get("sources") or []:
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            continue
        name, kind = str(item["name"]).strip(), str(item.get("kind") or "")
        count = _count(item.get("mentions"))
        sources.append(
            {
                "key": "" if kind == "anonymous" else fallback_key(name, kind),
                "name": name,
                "kind": kind,
                "role": None,
                "affiliation": None,
                "gender": NOT_STATED,
                "quotes": 0,
                "attributions": count,
                "mentions": count,
                "forms": [name],
            }
        )
    return {"sources": sources}


def fallback_key(name: str, kind: str) -> str:
    """The archive-wide key of a name from an old report: a person by first name and surname, without the role
    words and titles before them ('Council leader Amara Quist' -> 'amara quist', 'Ms Quist' -> 'quist'); another
    name lower-cased. A description that names nobody ('the company') gets no key: it is not merged across articles."""
    words = [w.strip(".,") for w in name.split() if w.strip(".,")]
    determiners = load_word_sets("attribution_words")["determiners"]
    while words and words[0].lower() in determiners:
        words = words[1:]
    if not any(w[:1].isupper() for w in words):
        return ""
    if kind == "person":
        honorifics = load_words("abbreviations")
        start = len(words)
        while start > 0 and words[start - 1][:1].isupper() and words[start - 1].lower() not in honorifics:
            start -= 1
        words = words[max(start, len(words) - 2) :] or words
    return " ".join(words).lower()[:MAX_NAME]


def _count(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return max(value, 0)
    if isinstance(value, list):
        return len(value)
    return 0


def _choice(value: Any, allowed: Iterable[str], default: str) -> str:
    return value if isinstance(value, str) and value in allowed else default


def _text(value: Any, limit: int = MAX_NAME) -> str:
    return " ".join(str(value).split())[:limit] if value else ""


def author_of(byline: Any) -> str:
    """A byline as the filter lists it: 'By Maren Holt' -> 'Maren Holt'."""
    text = _text(byline, 255)
    return text[3:].strip() if text[:3].lower() == "by " else text


def source_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row's values per distinct source (by key; anonymous entries each their own row)."""
    merged: dict[str, dict[str, Any]] = {}
    rows: list[dict[str, Any]] = []
    for item in source_mix(report).get("sources") or []:
        if not isinstance(item, dict) or not _text(item.get("name")):
            continue
        kind = _choice(item.get("kind"), SOURCE_KINDS, "person")
        key = "" if kind == "anonymous" else _text(item.get("key")).lower() or fallback_key(_text(item["name"]), kind)
        row = {
            "key": key,
            "name": _text(item["name"]),
            "kind": kind,
            "role": _choice(item.get("role"), ROLES, ""),
            "affiliation": _text(item.get("affiliation")),
            "gender": _choice(item.get("gender"), GENDERS, NOT_STATED) if kind == "person" else NOT_STATED,
            "quotes": _count(item.get("quotes")),
            "attributions": _count(item.get("attributions")),
            "mentions": _count(item.get("mentions")),
            "forms": [_text(f) for f in (item.get("forms") or [])[:MAX_FORMS] if _text(f)],
        }
        if key and key in merged:
            _merge(merged[key], row)
            continue
        if key:
            merged[key] = row
        rows.append(row)
    return rows


def _merge(into: dict[str, Any], row: dict[str, Any]) -> None:
    for name in ("quotes", "attributions", "mentions"):
        into[name] += row[name]
    into["forms"] = list(dict.fromkeys([*into["forms"], *row["forms"]]))[:MAX_FORMS]
    for name in ("role", "affiliation"):
        into[name] = into[name] or row[name]
    if into["gender"] == NOT_STATED:
        into["gender"] = row["gender"]


def rebuild_sources(audits: Iterable[AuditResult], bylines: dict[int, str] | None = None) -> int:
    """Replace the rows of these audits' pages with rows from the ones that are their page's latest audit.

    `bylines` (page id -> byline) is used where a stored report does not carry the byline itself."""
    latest = [a for a in audits if a.pk and a.is_latest]
    if not latest:
        return 0
    pages = _page_facts({a.page_id for a in latest})
    rows = []
    for audit in latest:
        facts = pages.get(audit.page_id)
        if facts is None:
            continue
        report = audit.report if isinstance(audit.report, dict) else {}
        author = author_of(report.get(BYLINE_KEY) or (bylines or {}).get(audit.page_id))
        audited = timezone.localdate(audit.created) if audit.created else timezone.localdate()
        for index, values in enumerate(source_rows(report)):
            values["lead"] = index == 0
            rows.append(
                QuotedSource(
                    audit_id=audit.pk, page_id=audit.page_id, author=author, audited=audited, **facts, **values
                )
            )
    with transaction.atomic():
        QuotedSource.objects.filter(page_id__in=[a.page_id for a in latest]).delete()
        QuotedSource.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def _page_facts(page_ids: set[int]) -> dict[int, dict[str, Any]]:
    """Per page: its section (parent page), type and publication date, as the rows copy them."""
    pages = list(
        Page.objects.filter(pk__in=page_ids).values_list("pk", "path", "content_type_id", "first_published_at")
    )
    parents = {path[: -Page.steplen] for _pk, path, _ct, _first in pages if len(path) > Page.steplen}
    parent_ids = dict(Page.objects.filter(path__in=parents).values_list("path", "pk"))
    return {
        pk: {"section_id": parent_ids.get(path[: -Page.steplen]), "content_type_id": content_type, **dates(first)}
        for pk, path, content_type, first in pages
    }


def dates(first_published: datetime.datetime | None) -> dict[str, datetime.date | None]:
    if first_published is None:
        return {"published": None, "month": None}
    day = timezone.localdate(first_published) if timezone.is_aware(first_published) else first_published.date()
    return {"published": day, "month": day.replace(day=1)}


def page_published(page: Page) -> None:
    """Keep the rows' publication date current when a page is published (its first publication sets the date)."""
    first = Page.objects.filter(pk=page.pk).values_list("first_published_at", flat=True).first()
    QuotedSource.objects.filter(page_id=page.pk).update(**dates(first))


def page_moved(page: Page, parent: Page) -> None:
    QuotedSource.objects.filter(page_id=page.pk).update(section_id=parent.pk)


def backfill_sources(chunk_size: int = 1000) -> tuple[int, int]:
    """Rebuild every page's rows from its stored latest audit (no re-audit): (pages, rows). For audits stored before
    this release, whose reports carry no byline, the byline is read from the page."""
    from .metadata import page_metadata

    pages = rows = 0
    last = 0
    latest = AuditResult.objects.latest_per_page().order_by("pk")
    while True:
        audits = list(latest.filter(pk__gt=last).only("pk", "page_id", "report", "is_latest", "created")[:chunk_size])
        if not audits:
            return pages, rows
        last = audits[-1].pk
        missing = [a.page_id for a in audits if not (a.report or {}).get(BYLINE_KEY)]
        bylines = {p.pk: page_metadata(p).get("byline", "") for p in Page.objects.filter(pk__in=missing).specific()}
        rows += rebuild_sources(audits, bylines)
        pages += len(audits)
