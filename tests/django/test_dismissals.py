"""Dismissing a finding: stored with who/when/reason/excerpt, survives new revisions while the words stay, not
counted in scores, listed under "Dismissed" with undo; only editors of the page may; CSRF; 400 on bad input."""

from django.test import Client
from django.urls import reverse

from newsaudit.models import AuditResult, Dismissal
from newsaudit.pages.auditing import latest_result

from .conftest import CLEAN_PARAGRAPH
from .test_panel_views import edit_form


def _dismiss(client, page, **data):
    data = {"rule": "NA201", "excerpt": "Observers note", "reason": "The observers are named in the next line.", **data}
    return client.post(reverse("newsaudit:dismiss", args=[page.pk]), data)


def _weasel(result: AuditResult) -> dict:
    return next(f for f in result.report["findings"] if f["rule"] == "NA201")


def test_dismissal_is_stored_listed_and_not_counted(admin_client, admin_user, saved_article):
    before = latest_result(saved_article)
    assert not _weasel(before).get("dismissed")
    panel = admin_client.get(reverse("newsaudit:panel", args=[saved_article.pk])).content.decode()
    assert "data-newsaudit-dismiss-spot" in panel  # keyboard users dismiss from the panel, not only from a card
    response = _dismiss(admin_client, saved_article)
    html = response.content.decode()
    assert response.status_code == 200
    dismissal = Dismissal.objects.get()
    assert (dismissal.user, dismissal.excerpt, dismissal.rule) == (admin_user, "Observers note", "NA201")
    assert 'data-newsaudit-dismissed="NA201"' in html and "The observers are named in the next line." in html
    assert 'data-newsaudit-finding="NA201"' not in html
    after = latest_result(saved_article)
    assert _weasel(after)["dismissed"] is True
    assert after.report["scores"]["sourcing"] > before.report["scores"]["sourcing"]
    assert "NA201" not in after.rule_codes.split()


def test_dismissal_survives_a_new_revision_while_the_words_stay(
    admin_client, saved_article, django_capture_on_commit_callbacks
):
    _dismiss(admin_client, saved_article)
    saved_article.title = "Reservoir falls to a ten-year low, again"
    with django_capture_on_commit_callbacks(execute=True):
        saved_article.save_revision()
    assert _weasel(latest_result(saved_article))["dismissed"] is True
    # The unsaved check applies it too.
    html = admin_client.post(
        reverse("newsaudit:check", args=[saved_article.pk]),
        edit_form(saved_article, "<p>Observers note that it fell.</p>"),
    ).content.decode()
    assert 'data-newsaudit-dismissed="NA201"' in html


def test_undo_keeps_the_trail_and_counts_the_finding_again(admin_client, admin_user, saved_article):
    _dismiss(admin_client, saved_article)
    dismissal = Dismissal.objects.get()
    html = admin_client.post(
        reverse("newsaudit:undo_dismissal", args=[saved_article.pk, dismissal.pk])
    ).content.decode()
    assert 'data-newsaudit-finding="NA201"' in html and "data-newsaudit-dismissed" not in html
    dismissal.refresh_from_db()
    assert dismissal.undone_by == admin_user and dismissal.undone_at is not None
    assert not _weasel(latest_result(saved_article)).get("dismissed")


def test_bad_input_is_a_plain_400(admin_client, saved_article):
    for data in (
        {"rule": "NA999"},
        {"rule": "<script>"},
        {"excerpt": ""},
        {"excerpt": "x" * 301},
        {"reason": "y" * 501},
    ):
        response = _dismiss(admin_client, saved_article, **data)
        assert response.status_code == 400, data
        assert response["Content-Type"].startswith("text/plain") and "\n" not in response.content.decode().strip()
    assert not Dismissal.objects.exists()
    assert admin_client.get(reverse("newsaudit:dismiss", args=[saved_article.pk])).status_code == 405
    assert admin_client.post(reverse("newsaudit:undo_dismissal", args=[saved_article.pk, 999])).status_code == 404


def test_only_editors_of_the_page_and_only_with_csrf(admin_user, saved_article, django_user_model):
    reader = django_user_model.objects.create_user("reader2", "r@example.org", "pw")
    client = Client()
    client.force_login(reader)
    assert _dismiss(client, saved_article).status_code in (302, 403)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    assert _dismiss(strict, saved_article).status_code == 403
    assert not Dismissal.objects.exists()


def test_only_editors_of_the_page_undo(admin_client, saved_article, no_edit_client):
    _dismiss(admin_client, saved_article)
    dismissal = Dismissal.objects.get()
    refused = no_edit_client.post(reverse("newsaudit:undo_dismissal", args=[saved_article.pk, dismissal.pk]))
    assert refused.status_code == 403 and refused["Content-Type"].startswith("text/plain")
    dismissal.refresh_from_db()
    assert dismissal.undone_at is None


def test_a_fixed_sentence_is_not_dismissed_by_an_old_dismissal(admin_client, saved_article):
    _dismiss(admin_client, saved_article)
    html = admin_client.post(
        reverse("newsaudit:check", args=[saved_article.pk]), edit_form(saved_article, CLEAN_PARAGRAPH)
    ).content.decode()
    assert "data-newsaudit-dismissed" not in html
