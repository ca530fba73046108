"""The panel (Wagtail 8 side panel / 7.4 AuditPanel), escaping, permissions, CSRF and the unsaved-changes check."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from .conftest import CLEAN_PARAGRAPH, WEASEL_PARAGRAPH, make_article


def test_edit_view_shows_panel(admin_client, saved_article):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[saved_article.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-newsaudit-panel" in html
    assert "NA201" in html and "<mark>Observers note</mark>" in html
    assert "Check unsaved changes" in html
    assert "newsaudit/panel.js" in html
    assert 'data-side-panel="newsaudit"' in html  # a side panel on Wagtail 7.4 and 8, with no model edit
    assert html.count("data-newsaudit-panel") == 1


def test_panel_escapes_excerpts(admin_client, section, django_capture_on_commit_callbacks):
    hostile = "<p>Observers note that &lt;script&gt;alert(1)&lt;/script&gt; appeared in the comments.</p>"
    page = make_article(section, slug="hostile", body=[{"type": "paragraph", "value": hostile, "id": "x"}])
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    html = admin_client.get(reverse("newsaudit:panel", args=[page.pk])).content.decode()
    assert "data-newsaudit-panel" in html and "NA201" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_users_without_edit_rights_get_403(no_edit_client, saved_article):
    assert no_edit_client.get(reverse("newsaudit:panel", args=[saved_article.pk])).status_code == 403
    assert no_edit_client.post(reverse("newsaudit:check", args=[saved_article.pk]), {}).status_code == 403
    assert no_edit_client.get(reverse("newsaudit_report")).status_code in (302, 403)


def test_anonymous_users_are_sent_to_login(client, saved_article):
    response = client.get(reverse("newsaudit:panel", args=[saved_article.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_check_requires_csrf(admin_user, saved_article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post(
        reverse("newsaudit:check", args=[saved_article.pk]), edit_form(saved_article, WEASEL_PARAGRAPH)
    )
    assert response.status_code == 403


def edit_form(page, paragraph_html: str) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "byline": page.byline,
            "dateline": page.dateline,
            "credit": page.credit,
            "body": streamfield([("paragraph", rich_text(paragraph_html))]),
            "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
        }
    )


def test_check_unsaved_changes_audits_the_form_without_saving(admin_client, saved_article):
    url = reverse("newsaudit:check", args=[saved_article.pk])
    revisions = saved_article.revisions.count()
    before = admin_client.post(url, edit_form(saved_article, WEASEL_PARAGRAPH)).content.decode()
    assert "data-newsaudit-panel" in before and "data-unsaved" in before
    assert 'data-newsaudit-finding="NA201"' in before
    after = admin_client.post(url, edit_form(saved_article, CLEAN_PARAGRAPH)).content.decode()
    assert "data-unsaved" in after
    assert 'data-newsaudit-finding="NA201"' not in after
    assert saved_article.revisions.count() == revisions  # nothing was saved
    saved_article.refresh_from_db()
    assert "Observers note" in json.dumps(list(saved_article.body.raw_data))


def test_check_with_invalid_form_shows_notice(admin_client, saved_article):
    data = edit_form(saved_article, CLEAN_PARAGRAPH)
    data["slug"] = "not a valid slug!"
    html = admin_client.post(reverse("newsaudit:check", args=[saved_article.pk]), data).content.decode()
    assert "The form has errors" in html and "data-newsaudit-panel" in html


def test_dashboard_panel(admin_client, saved_article):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-newsaudit-summary" in html and "1 page audited" in html


def test_saving_through_the_edit_view_audits_the_new_revision(
    admin_client, saved_article, django_capture_on_commit_callbacks
):
    from newsaudit.models import AuditResult

    url = reverse("wagtailadmin_pages:edit", args=[saved_article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, edit_form(saved_article, CLEAN_PARAGRAPH))
    assert response.status_code == 302
    latest = AuditResult.objects.get(page=saved_article, is_latest=True)
    assert latest.revision_id == saved_article.revisions.order_by("-pk").first().pk
    assert "NA201" not in latest.rule_codes.split()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/",
        "/admin/pages/{section}/",
        "/admin/pages/add/news/articlepage/{section}/",
        "/admin/pages/{article}/history/",
        "/admin/pages/search/?q=reservoir",
        "/admin/pages/{article}/delete/",
        "/admin/pages/{article}/copy/",
        "/admin/pages/{article}/move/",
        "/admin/pages/{article}/usage/",
        "/admin/pages/{article}/unpublish/",
    ],
)
def test_other_page_views_still_work_with_our_viewset(admin_client, saved_article, path):
    url = path.format(section=saved_article.get_parent().pk, article=saved_article.pk)
    assert admin_client.get(url).status_code == 200


def test_panel_shows_the_audit_of_a_save_as_pending_until_it_is_stored(
    admin_client, saved_article, django_capture_on_commit_callbacks
):
    url = reverse("newsaudit:panel", args=[saved_article.pk])
    settled = admin_client.get(url).content.decode()
    assert "data-newsaudit-pending" not in settled and "Audit of the latest revision" in settled
    with django_capture_on_commit_callbacks(execute=False) as audits:
        saved_article.body = [{"type": "paragraph", "value": CLEAN_PARAGRAPH, "id": "b1"}]
        saved_article.save_revision()
    waiting = admin_client.get(url).content.decode()
    assert "data-newsaudit-pending" in waiting and "Audit of an earlier revision" in waiting
    assert 'data-newsaudit-finding="NA201"' in waiting  # the last audit stays on show meanwhile
    assert f'data-panel-url="{url}"' in waiting
    for audit in audits:
        audit()
    done = admin_client.get(url).content.decode()
    assert "data-newsaudit-pending" not in done and "Audit of the latest revision" in done
    assert 'data-newsaudit-finding="NA201"' not in done


def test_panel_is_not_pending_when_audit_on_save_is_off(admin_client, saved_article, settings):
    settings.NEWSAUDIT_AUDIT_ON_SAVE = False
    saved_article.save_revision()
    html = admin_client.get(reverse("newsaudit:panel", args=[saved_article.pk])).content.decode()
    assert "data-newsaudit-pending" not in html


def _quoted_entries(client, section, capture_on_commit, slug: str, paragraphs: str) -> tuple[str, list[str]]:
    """The panel of an article saved with one paragraph block of `paragraphs` (HTML), and the markup of each entry
    of its "Who is quoted" list."""
    page = make_article(section, slug=slug, body=[{"type": "paragraph", "value": paragraphs, "id": slug}])
    with capture_on_commit(execute=True):
        page.save_revision()
    html = client.get(reverse("newsaudit:panel", args=[page.pk])).content.decode()
    return html, html.split("data-newsaudit-source>")[1:]


def _entry_name(entry: str) -> str:
    """The name an entry of the "Who is quoted" list shows, before its details."""
    return entry.split("<small")[0].strip()


def test_who_is_quoted_lists_merged_sources_with_what_the_text_states(
    admin_client, section, django_capture_on_commit_callbacks
):
    paragraphs = (
        "<p>Councillor Nell Brandt said on Monday that the ferry pier would reopen in May.</p>"
        '<p>"We have the money," Ms Brandt said. She added that the work would start at once.</p>'
        "<p>A council official said the tender had been delayed twice.</p>"
    )
    html, entries = _quoted_entries(admin_client, section, django_capture_on_commit_callbacks, "ferry-pier", paragraphs)
    brandt = [e for e in entries if "Brandt" in _entry_name(e)]
    assert len(brandt) == 1, entries  # "Nell Brandt" and "Ms Brandt" are one entry
    entry = brandt[0].split("</li>")[0]
    assert "Female" in entry and "Official or elected" in entry and "1 quotation" in entry
    assert "merged:" in entry and "Ms Brandt" in entry
    assert "data-newsaudit-source-mix" in html and "First source quoted: Nell Brandt." in html
    assert "% of attributions are anonymous." in html


def test_who_is_quoted_leaves_out_a_place_that_speaks(admin_client, section, django_capture_on_commit_callbacks):
    paragraphs = (
        "<p>Norway said on Tuesday that the fishing quota would hold.</p>"
        "<p>Fisheries Minister Ingrid Dahl said the talks had been useful.</p>"
    )
    html, entries = _quoted_entries(
        admin_client, section, django_capture_on_commit_callbacks, "fishing-quota", paragraphs
    )
    names = [_entry_name(e) for e in entries]
    assert names == ["Ingrid Dahl"]
    assert "Who is quoted (1 named)" in html and "First source quoted: Ingrid Dahl." in html


def test_who_is_quoted_counts_only_entries_that_name_someone(admin_client, section, django_capture_on_commit_callbacks):
    paragraphs = (
        "<p>The spokesman said the harbour ferry would run again on Friday.</p>"
        "<p>Harbour master Olav Holm said the new pier was safe.</p>"
    )
    html, entries = _quoted_entries(admin_client, section, django_capture_on_commit_callbacks, "ferry-runs", paragraphs)
    names = [_entry_name(e) for e in entries]
    assert names == ["Olav Holm", "The spokesman"]  # the description is listed, after the names
    assert "Who is quoted (1 named)" in html
