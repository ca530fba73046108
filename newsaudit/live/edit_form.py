"""The editor's posted edit form, read for the live check. Whatever the request holds, the outcome is a bound,
validated Wagtail form or a `BadInput` with a one-line reason and a 4xx status; never an exception from deep
inside a form widget (a 500)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from wagtail.blocks.base import BlockWidget
from wagtail.models import Page

from .limits import live_check_max_bytes

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
COUNT = re.compile(r"\d{1,6}")
# Errors Wagtail's and Django's widgets raise on data they did not expect: a missing key (MultiValueDictKeyError),
# a count that is not a number, JSON that does not parse, a dict where a list was due.
MALFORMED = (KeyError, ValueError, TypeError, IndexError, AttributeError, RecursionError)


class BadInput(Exception):
    """A request the live check cannot read: `reason` is one line for the editor, `status` a 4xx."""

    def __init__(self, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


def bound_form(request: HttpRequest, page: Page, data: Any, files: Any) -> Any:  # -> WagtailAdminPageForm
    """The page's edit form bound to the data `posted_data` returned, `is_valid()` already called."""
    form_class = page.get_edit_handler().get_form_class()
    _require_edit_form(form_class, data)
    parent = page.get_parent()
    try:
        form = form_class(
            data, files, instance=page, parent_page=parent.specific if parent else None, for_user=request.user
        )
        form.is_valid()
    except MALFORMED as error:
        raise BadInput(_malformed_reason(error)) from None
    return form


def unsaved_page(form: Any) -> Page:
    """The page the valid form describes, not saved."""
    try:
        return form.save(commit=False)
    except MALFORMED as error:
        raise BadInput(_malformed_reason(error)) from None


def posted_data(request: HttpRequest) -> tuple[Any, Any]:
    """request.POST and request.FILES, after the checks that keep a 500 (or a huge read) from happening."""
    if request.content_type not in FORM_TYPES:
        shown = request.content_type or _("an empty body")
        raise BadInput(_("The check takes the page's edit form (multipart/form-data), not %(type)s.") % {"type": shown})
    if _content_length(request) > live_check_max_bytes():
        raise BadInput(
            _("The form is larger than the %(limit)s bytes the check accepts.")
            % {"limit": f"{live_check_max_bytes():,}"},
            413,
        )
    try:
        body = request.body
        data, files = request.POST, request.FILES
    except RequestDataTooBig:
        raise BadInput(_("The form is larger than the server accepts."), 413) from None
    except (MultiPartParserError, BadRequest, SuspiciousOperation, ValueError) as error:
        raise BadInput(_("The form could not be read: %(error)s.") % {"error": _one_line(error)}) from None
    if not files:
        _require_utf8(body, request.content_type)
    return data, files


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BadInput(_("The Content-Length header is not a number.")) from None


def _require_utf8(body: bytes, content_type: str) -> None:
    """Django replaces undecodable bytes silently; an editor's browser never sends them, so refuse them."""
    try:
        text = body.decode("utf-8")
        if content_type == "application/x-www-form-urlencoded":
            parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise BadInput(_("The form is not valid UTF-8.")) from None


def _require_edit_form(form_class: type, data: Any) -> None:
    """The posted data must look like this page's edit form: some of its fields, and every StreamField's and
    ListBlock's `-count` a small whole number (Wagtail reads blocks 0..count-1)."""
    fields = form_class.base_fields
    if not any(name in data for name in fields) and not any(f"{name}-count" in data for name in fields):
        raise BadInput(_("The request holds no edit form for this page."))
    for name, field in fields.items():
        if isinstance(field.widget, BlockWidget) and f"{name}-count" not in data:
            raise BadInput(_("The form has no '%(name)s' field: is it this page's edit form?") % {"name": name})
    for key, values in data.lists():
        if key.endswith("-count") and not all(COUNT.fullmatch(v) for v in values):
            raise BadInput(_("'%(key)s' must be a whole number.") % {"key": key[:80]})


def _malformed_reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return _("The form is missing the field %(key)s.") % {"key": _one_line(error)[:80]}
    return _("The form could not be read (%(error)s).") % {"error": _one_line(error)}


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]
