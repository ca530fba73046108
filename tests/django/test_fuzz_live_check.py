"""Fuzzing the live check's form parser through the real view: whatever is posted (any content type, any body,
any field names and values), the answer is the panel (200) or a 4xx with a one-line plain-text reason; never a
500, and within a linear time budget."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ..fuzzing import Timer, html_fragments, json_values, linear_budget, prose
from .test_panel_views import edit_form

CONTENT_TYPES = [
    "multipart/form-data; boundary=BoUnDaRy",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
    "application/json",
    "text/plain",
    "",
]
FIELD_NAMES = [
    "title",
    "slug",
    "body-count",
    "body-0-type",
    "body-0-value",
    "body-0-deleted",
    "body-0-order",
    "body-0-id",
    "comments-TOTAL_FORMS",
    "byline",
    "csrfmiddlewaretoken",
    "x-count",
    "body-9-value",
]


@pytest.fixture
def checked(article, admin_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    url = reverse("newsaudit:check", args=[article.pk])
    form = edit_form(article, "<p>Officials said so.</p>")
    assert client.post(url, form).status_code == 200  # warm: the first request loads the engine's lexicons
    return client, url, form


def assert_answered(response, size: int, elapsed: float) -> None:
    assert response.status_code < 500, response.content[:300]
    assert elapsed < linear_budget(size)
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("text/plain")
        body = response.content.decode()
        assert body.strip() and "\n" not in body.strip() and "Traceback" not in body


@override_settings(NEWSAUDIT_LIVE_CHECKS_PER_MINUTE=0)
@given(body=st.binary(max_size=3000), content_type=st.sampled_from(CONTENT_TYPES))
def test_any_body_any_content_type(checked, body, content_type):
    client, url, _form = checked
    with Timer() as timer:
        response = client.post(url, data=body, content_type=content_type)
    assert_answered(response, len(body), timer.elapsed)


field_values = st.one_of(prose, html_fragments(), st.integers().map(str), json_values.map(repr), st.just(""))


@override_settings(NEWSAUDIT_LIVE_CHECKS_PER_MINUTE=0)
@given(
    changes=st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=12), field_values, max_size=6),
    drop=st.sets(st.sampled_from(FIELD_NAMES), max_size=3),
)
def test_edit_form_with_hostile_fields(checked, changes, drop):
    client, url, form = checked
    cache.clear()
    data = {k: v for k, v in {**form, **changes}.items() if k not in drop}
    data = {k.replace("\x00", ""): v.replace("\x00", "") for k, v in data.items()}  # the test client refuses NUL
    with Timer() as timer:
        response = client.post(url, data)
    assert_answered(response, sum(len(k) + len(v) for k, v in data.items()), timer.elapsed)
