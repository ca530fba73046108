"""What the panel shows when a check cannot audit the editor's changes: form errors name the field."""

from django.urls import reverse

from .conftest import CLEAN_PARAGRAPH
from .test_panel_views import edit_form


def test_form_errors_name_the_fields(admin_client, saved_article):
    data = edit_form(saved_article, CLEAN_PARAGRAPH)
    data["slug"] = "not a valid slug!"
    data["title"] = ""
    html = admin_client.post(reverse("newsaudit:check", args=[saved_article.pk]), data).content.decode()
    assert "data-newsaudit-notice" in html
    notice = html.split("data-newsaudit-notice>", 1)[1].split("</p>", 1)[0]
    assert "Slug" in notice and "Title" in notice and "data-unsaved" not in html
