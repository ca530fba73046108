"""Which page types are articles: audited on save, by `audit_archive`, counted in the report and trends.

Decided per page type, in this order:
1. The setting `NEWSAUDIT_PAGE_TYPES = {"include": ["news.ArticlePage"], "exclude": ["blog.BlogIndexPage"]}`:
   a type in `exclude` is skipped; when `include` is given, only its types are audited.
2. A class attribute on the page model, `newsaudit_audit = True` or `False`.
3. The default: Wagtail's bare `Page` (the root), form pages, home/index/listing pages, and types with no
   running-text field (StreamField, rich text or TextField) are skipped; of the rest, the types that keep a byline
   or a publication date (found as `metadata.page_metadata` finds them) are articles. A byline or date that every
   text page type has (a mixin's, like wagtail-seo's `seo_author` on every CodeRed page), or that a type has from
   the same base class as an index or listing page type (the site's base page's), tells no type apart and does
   not count. A site none of whose types keep one of their own has the types its index or listing page
   types list audited (their declared `subpage_types`, or types whose `parent_page_types` name one), or every
   remaining text type when none is declared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from wagtail.coreutils import resolve_model_string
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from ..engine.readers.streamfield import is_listing_type
from .extract import own_text_fields
from .metadata import metadata_paths

LISTER_NAME = re.compile(r"(?:Index|List|Listing)Page$")  # a page type that lists articles (not a home page)


@dataclass(frozen=True, slots=True)
class PageTypeDecision:
    label: str  # "app_label.ModelName"
    audited: bool
    reason: str


def is_audited(model: type[Page]) -> bool:
    return decision(model).audited


def audited_page_models() -> list[type[Page]]:
    return [model for model in get_page_models() if is_audited(model)]


def skipped_page_types() -> list[PageTypeDecision]:
    """Every page type that is not audited, with the reason, for the report and the docs."""
    return [d for d in (decision(model) for model in get_page_models()) if not d.audited]


def label_of(model: type[Page]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


@cache
def decision(model: type[Page]) -> PageTypeDecision:
    label = label_of(model)
    configured = _configured(label)
    if configured is not None:
        return PageTypeDecision(label, *configured)
    declared = getattr(model, "newsaudit_audit", None)
    if isinstance(declared, bool):
        return PageTypeDecision(label, declared, "set by the page model's newsaudit_audit attribute")
    reason = _not_an_article(model)
    return PageTypeDecision(label, reason is None, reason or "an article: running text with a byline or a date")


def _configured(label: str) -> tuple[bool, str] | None:
    setting = getattr(settings, "NEWSAUDIT_PAGE_TYPES", None) or {}
    include = {str(name).lower() for name in setting.get("include") or ()}
    exclude = {str(name).lower() for name in setting.get("exclude") or ()}
    if label.lower() in exclude:
        return False, "excluded by NEWSAUDIT_PAGE_TYPES"
    if include:
        if label.lower() in include:
            return True, "included by NEWSAUDIT_PAGE_TYPES"
        return False, "not in NEWSAUDIT_PAGE_TYPES['include']"
    return None


def _not_an_article(model: type[Page]) -> str | None:
    """Why the page type is not an article by default, or None when it is one."""
    reason = _not_text(model)
    if reason:
        return reason
    if _keeps_article_metadata(model):
        return None
    if any(_keeps_article_metadata(m) for m in _text_page_models()):
        shared = sorted(_article_metadata_names(model) & _shared_metadata_names())
        if shared:
            return f"no byline or publication date but what every page type has ({', '.join(shared)}): not an article"
        on_index_pages = sorted(_names_index_pages_share(model))
        if on_index_pages:
            names = ", ".join(on_index_pages)
            return f"no byline or publication date but what index pages have too ({names}): not an article"
        return "no byline or publication date: not an article"
    listed = _listed_page_models()
    if listed and model not in listed:
        return "no type has a byline or date of its own, and no index or listing page type lists this one"
    return None


def _not_text(model: type[Page]) -> str | None:
    if model is Page:
        return "Wagtail's root page type"
    if hasattr(model, "process_form_submission"):
        return "a form page"
    if is_listing_type(model.__name__):
        return "a home, index or listing page"
    if not _running_text_fields(model):
        return "no running-text field (StreamField, rich text or TextField)"
    return None


def _running_text_fields(model: type[Page]) -> list[models.Field]:
    """The page type's own text fields that hold running text, not one-line CharFields."""
    return [f for f in own_text_fields(model) if isinstance(f, StreamField | models.TextField)]


def _keeps_article_metadata(model: type[Page]) -> bool:
    return bool(_article_metadata_names(model) - _shared_metadata_names() - _names_index_pages_share(model))


def _names_index_pages_share(model: type[Page]) -> frozenset[str]:
    """Byline and date names the type has from the same class as a home, index or listing page type has them: the
    site's base page gives them to every page (wagtail-feathers' `authors` on every page type, index pages too),
    so they mark no article."""
    names = _article_metadata_names(model)
    return frozenset(
        name
        for listing in _listing_page_models()
        for name in names & _article_metadata_names(listing)
        if _origin(listing, name) is _origin(model, name)
    )


def _origin(model: type[Page], name: str) -> type:
    """The most basic class in the type's ancestry that declares `name` (a field, a relation's accessor, a
    method or property), or the type itself."""
    return next((cls for cls in reversed(model.__mro__) if name in vars(cls)), model)


@cache
def _listing_page_models() -> tuple[type[Page], ...]:
    return tuple(model for model in get_page_models() if is_listing_type(model.__name__))


def _article_metadata_names(model: type[Page]) -> frozenset[str]:
    paths = metadata_paths(model)
    return frozenset([*paths.get("byline", ()), *paths.get("published", ())])


@cache
def _shared_metadata_names() -> frozenset[str]:
    """Byline and date names that every text page type has, when there are several types: they tell none apart."""
    names = [_article_metadata_names(model) for model in _text_page_models()]
    return frozenset.intersection(*names) if len(names) > 1 else frozenset()


@cache
def _text_page_models() -> tuple[type[Page], ...]:
    return tuple(model for model in get_page_models() if _not_text(model) is None)


@cache
def _listed_page_models() -> frozenset[type[Page]]:
    """The text page types that an index or listing page type lists: its declared `subpage_types`, or a type
    whose declared `parent_page_types` names it. Where no type keeps a byline or date of its own, these are the
    articles (a blog's PostListPage lists PostPage; its other text pages are not articles)."""
    listers = [m for m in get_page_models() if LISTER_NAME.search(m.__name__)]
    listed = {child for lister in listers for child in _declared_models(lister, "subpage_types")}
    listed.update(m for m in get_page_models() if set(_declared_models(m, "parent_page_types")) & set(listers))
    return frozenset(m for m in listed if m in _text_page_models())


def _declared_models(model: type[Page], attribute: str) -> list[type[models.Model]]:
    """The page models a type names in `subpage_types` or `parent_page_types` itself (not Wagtail's default)."""
    names = getattr(model, attribute, None)
    if not isinstance(names, list | tuple):
        return []
    found = []
    for name in names:
        try:
            found.append(resolve_model_string(name, model._meta.app_label))
        except (LookupError, ValueError):
            continue  # a type the site no longer has
    return found


@receiver(setting_changed)
def _forget_decisions(*, setting: str, **kwargs: object) -> None:
    if setting in ("NEWSAUDIT_PAGE_TYPES", "NEWSAUDIT_METADATA"):
        decision.cache_clear()
        _text_page_models.cache_clear()
        _shared_metadata_names.cache_clear()
        _listed_page_models.cache_clear()
        _listing_page_models.cache_clear()
        metadata_paths.cache_clear()


def audited_content_type_ids() -> list[int]:
    """Content type ids of the audited page types (for filtering stored audits and pages)."""
    from django.contrib.contenttypes.models import ContentType

    models = audited_page_models()
    if not models:
        return []
    return [ct.pk for ct in ContentType.objects.get_for_models(*models, for_concrete_models=False).values()]
