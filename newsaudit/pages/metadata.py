"""A page's byline, dateline, credit and publication date, wherever the site keeps them.

Sites keep a byline in a plain field, a ForeignKey to an author snippet or a user, a many-to-many field, an
InlinePanel of people (an orderable whose ForeignKey points at a person), or a method (`def authors(self)`). Out of
the box each key is found by name on the page type: a field, a related manager or a method whose name the export
readers also read as a byline (`byline`, `author`, `authors`, `writer`, `reporter`, `contributors`, ...; one
vocabulary, `engine.readers.streamfield.KIND_PATTERNS`), `dateline`, `credit`, and a publication date
(`date_published`, `publish_date`, `pub_date`, `published_at`, ...; else Wagtail's `first_published_at`). A method
that needs arguments (a route: `entries_by_author(self, request, author)`) is no lookup. A type whose edit panels
let editors choose the page's `owner` (as blog apps do for the post's author) has the owner as its byline, after
any byline of its own.

The setting `NEWSAUDIT_METADATA` maps them explicitly, per page type (`"app.Model"`) or for all (`"*"`):
`{"blog.BlogPage": {"byline": "blog_person_relationship.person"}, "*": {"published": "go_live_at"}}`. A value is an
attribute path on the page (each step an attribute, a related manager's items, or a method called with no
arguments) or `"module.path:function"`, a callable that takes the page. Nothing here may fail a page: a lookup that
raises counts as no value.
"""

from __future__ import annotations

import datetime
import inspect
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from wagtail.models import Page

from ..engine.readers.streamfield import kind_for

KEYS = ("byline", "dateline", "credit", "published")
PUBLISHED_NAME = re.compile(r"^(?:date_)?(?:published|publish|pub|publication)(?:_date|_at|_on)?$|^date$")
MAX_ITEMS = 12  # people in one byline; a relation longer than this is not a byline
MAX_CHARS = 300
PANEL_ATTRIBUTES = ("content_panels", "promote_panels", "settings_panels", "edit_handler")
MAX_PANELS = 2000  # panels walked on one page type (nested groups included)


def page_metadata(page: Page) -> dict[str, str]:
    """The page's metadata for the engine (`byline`, `dateline`, `credit`, `published`), only the keys found."""
    meta: dict[str, str] = {}
    paths = metadata_paths(type(page))
    for key in KEYS:
        text = _first_text(page, paths.get(key, ()), dates=key == "published")
        if text:
            meta[key] = text
    if "published" not in meta and getattr(page, "first_published_at", None):
        meta["published"] = page.first_published_at.isoformat()
    return meta


@cache
def metadata_paths(model: type[Page]) -> dict[str, tuple[str, ...]]:
    """Where each key is looked up on a page type, in order: the explicit setting first, then names found."""
    explicit = _explicit_paths(model)
    found = _found_paths(model)
    return {key: tuple(dict.fromkeys([*explicit.get(key, ()), *found.get(key, ())])) for key in KEYS}


def _explicit_paths(model: type[Page]) -> dict[str, list[str]]:
    """`NEWSAUDIT_METADATA`'s paths for this page type, its own entry before the `"*"` entry."""
    mapping = {
        str(scope).lower(): entries for scope, entries in (getattr(settings, "NEWSAUDIT_METADATA", None) or {}).items()
    }
    label = f"{model._meta.app_label}.{model.__name__}".lower()
    paths: dict[str, list[str]] = {}
    for entries in (mapping.get(label), mapping.get("*")):
        for key, path in (entries or {}).items() if isinstance(entries, dict) else ():
            if key in KEYS and isinstance(path, str) and path:
                paths.setdefault(key, []).append(path)
    return paths


def _found_paths(model: type[Page]) -> dict[str, list[str]]:
    """Fields, relations and methods the page type adds to Page whose names say what they hold."""
    base = set(dir(Page))
    names = [f.name for f in model._meta.get_fields() if f.name not in base]
    names += [f.get_accessor_name() for f in model._meta.related_objects if f.get_accessor_name() not in names]
    names += [n for n in dir(model) if n not in base and not n.startswith("_") and n not in names]
    found: dict[str, list[str]] = {}
    for name in names:
        if _needs_arguments(model, name):
            continue  # a view or route (`entries_by_author(self, request, author)`) is no byline getter
        key = _key_for_name(name, model)
        if key:
            found.setdefault(key, []).append(name)
    if "owner" in panel_field_names(model):
        found.setdefault("byline", []).append("owner")  # after any byline of the type's own
    return found


@cache
def panel_field_names(model: type[Page]) -> tuple[str, ...]:
    """The fields the page type's edit panels show, in the editor's order (content, promote and settings panels,
    or its edit_handler). A type that lets editors choose the page's `owner` there names its author so (a blog
    entry's "Author"); the page's text fields are read in this order (`extract.own_text_fields`)."""
    stack: list[Any] = [getattr(model, name, None) for name in reversed(PANEL_ATTRIBUTES)]
    names: dict[str, None] = {}
    for _ in range(MAX_PANELS):
        if not stack:
            break
        panel = stack.pop()
        if isinstance(panel, list | tuple):
            stack.extend(reversed(panel))
            continue
        if isinstance(getattr(panel, "field_name", None), str):
            names.setdefault(panel.field_name)
        stack.extend(reversed(getattr(panel, "children", None) or ()))
    return tuple(names)


def _needs_arguments(model: type[Page], name: str) -> bool:
    """A method of the page type that cannot be called with no arguments: a lookup would only raise."""
    attribute = inspect.getattr_static(model, name, None)
    bound = not isinstance(attribute, staticmethod)  # called on the page: its first parameter is self (or cls)
    if isinstance(attribute, staticmethod | classmethod):
        attribute = attribute.__func__
    if not inspect.isfunction(attribute):
        return False
    try:
        parameters = list(inspect.signature(attribute).parameters.values())[1 if bound else 0 :]
    except (TypeError, ValueError):
        return False
    return any(p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters)


def _key_for_name(name: str, model: type[Page]) -> str | None:
    lowered = name.lower()
    if lowered == "dateline":
        return "dateline"
    if lowered in ("credit", "credits", "source_credit"):
        return "credit"
    if PUBLISHED_NAME.match(lowered):
        return "published"
    related = _related_model(model, name)
    if kind_for(lowered, "") == "byline" or (
        related is not None and kind_for(related.__name__.lower(), "") == "byline"
    ):
        return "byline"
    return None


def _related_model(model: type[Page], name: str) -> type[models.Model] | None:
    for relation in model._meta.related_objects:
        if relation.get_accessor_name() == name:
            return relation.related_model
    return None


def _first_text(page: Page, paths: Iterable[str], *, dates: bool) -> str:
    for path in paths:
        try:
            value = _resolve(page, path)
            text = _as_date(value) if dates else _as_text(value)
        except Exception:  # a site's own method or relation that fails is no value, never a failed audit
            continue
        if text:
            return text[:MAX_CHARS]
    return ""


def _resolve(page: Page, path: str) -> Any:
    if ":" in path:
        module, _, name = path.partition(":")
        function: Callable[[Page], Any] = import_string(f"{module}.{name}")
        return function(page)
    values: list[Any] = [page]
    for step in path.split("."):
        values = [v for value in values for v in _items(_step(value, step))]
    return values


def _step(value: Any, name: str) -> Any:
    attribute = getattr(value, name, None)
    if callable(attribute) and not isinstance(attribute, models.Manager):
        attribute = attribute()
    return attribute


def _items(value: Any) -> list[Any]:
    """A related manager's or an iterable's items (at most MAX_ITEMS), or the value alone."""
    if value is None or value == "":
        return []
    if isinstance(value, models.Manager):
        value = value.all()
    if isinstance(value, str | models.Model | datetime.date) or not isinstance(value, Iterable):
        return [value]
    return list(_take(value))


def _take(values: Iterable[Any]) -> Iterable[Any]:
    for index, value in enumerate(values):
        if index >= MAX_ITEMS:
            return
        yield value


def _as_text(value: Any) -> str:
    names = [_name(item) for item in _items(value)]
    return ", ".join(dict.fromkeys(n for n in names if n))


def _name(item: Any) -> str:
    """A person's or snippet's display name; a relation row (an InlinePanel orderable) names what it points at."""
    if isinstance(item, str):
        return " ".join(item.split())
    if isinstance(item, models.Model):
        full_name = getattr(item, "get_full_name", None)
        if callable(full_name) and full_name():
            return " ".join(str(full_name()).split())
        if type(item).__str__ is not models.Model.__str__:
            return " ".join(str(item).split())
        target = _pointed_at(item)
        return _name(target) if target is not None else ""
    return ""


def _pointed_at(row: models.Model) -> models.Model | None:
    """The object an orderable row links a page to: its first ForeignKey that does not point at a page."""
    for field in row._meta.concrete_fields:
        related = field.related_model if isinstance(field, models.ForeignKey) else None
        if related is not None and not issubclass(related, Page):
            return getattr(row, field.name, None)
    return None


def _as_date(value: Any) -> str:
    items = _items(value)
    first = items[0] if items else None
    if isinstance(first, datetime.date):
        return first.isoformat()
    return first.strip() if isinstance(first, str) else ""
