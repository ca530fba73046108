"""Who may see or trigger a page's audit: exactly the users who may edit the page.

The panel's views refuse with a 4xx whose body is one plain-text line the panel shows as it is."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.permissions import page_permission_policy


def can_audit(user: Any, page: Page) -> bool:
    return bool(user and user.is_authenticated and page.permissions_for_user(user).can_edit())


def editable_pages(user: Any) -> QuerySet[Page]:
    """Pages the user may edit (the report lists only these)."""
    return page_permission_policy.instances_user_has_any_permission_for(user, ["change"])


def refusal(status: int, reason: str, **headers: str) -> HttpResponse:
    """A 4xx the panel's fetch sees as it is (not PermissionDenied, which the admin turns into a redirect)."""
    response = HttpResponse(reason, status=status, content_type="text/plain; charset=utf-8")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def page_editor_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For a view of one page's audit: the view gets the page as the editor sees it (its latest revision) for the
    URL's `page_id`; a user who may not edit the page gets a 403 line instead."""

    @functools.wraps(view)
    def checked(request: HttpRequest, page_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        page = get_object_or_404(Page.objects.select_related("latest_revision"), id=page_id)
        page = page.get_latest_revision_as_object()
        if not can_audit(request.user, page):
            return refusal(403, _("You do not have permission to edit this page."))
        return view(request, page, *args, **kwargs)

    return checked
