"""Who may see or trigger a page's audit: exactly the users who may edit the page."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail.models import Page
from wagtail.permissions import page_permission_policy


def can_audit(user: Any, page: Page) -> bool:
    return bool(user and user.is_authenticated and page.permissions_for_user(user).can_edit())


def editable_pages(user: Any) -> QuerySet[Page]:
    """Pages the user may edit (the report lists only these)."""
    return page_permission_policy.instances_user_has_any_permission_for(user, ["change"])
