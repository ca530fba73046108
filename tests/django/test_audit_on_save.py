"""Revision save -> task -> AuditResult; autosave skip; failures never block a save; the live flag."""

import logging

from newsaudit import __version__
from newsaudit.models import AuditResult
from newsaudit.pages.auditing import record_revision

from .conftest import make_article


def test_revision_save_creates_audit(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        revision = article.save_revision()
    result = AuditResult.objects.get(revision=revision)
    assert result.page_id == article.pk
    assert result.engine_version == __version__
    assert result.status in ("pass", "warn", "fail")
    assert "NA201" in result.rule_codes.split()
    assert result.sourcing_count >= 1 and result.is_latest and not result.live
    finding = next(f for f in result.report["findings"] if f["rule"] == "NA201")
    assert finding["block_id"] == "b1"
    assert finding["excerpt"] == "Observers note"


def test_audit_waits_for_commit(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save_revision()
    assert AuditResult.objects.count() == 0
    assert len(callbacks) == 1


def test_autosave_same_content_is_skipped_changed_content_reaudited(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        revision = article.save_revision()
    first = AuditResult.objects.get(revision=revision)
    # An autosave that rewrites the same revision with the same content: no new work.
    with django_capture_on_commit_callbacks(execute=True):
        revision.save()
    again = AuditResult.objects.get(revision=revision)
    assert (again.pk, again.updated, again.content_hash) == (first.pk, first.updated, first.content_hash)
    # An autosave with new content in the same revision: audited again, in place.
    content = dict(revision.content)
    content["body"] = (
        '[{"type": "paragraph", "value": "<p>The council said on Monday that levels fell.</p>", "id": "b1"}]'
    )
    revision.content = content
    with django_capture_on_commit_callbacks(execute=True):
        revision.save()
    changed = AuditResult.objects.get(revision=revision)
    assert changed.pk == first.pk and changed.content_hash != first.content_hash
    assert "NA201" not in changed.rule_codes.split()
    assert AuditResult.objects.filter(page=article).count() == 1


def test_newer_revision_becomes_latest(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = article.save_revision()
        second = article.save_revision()
    assert AuditResult.objects.get(revision=second).is_latest
    assert not AuditResult.objects.get(revision=first).is_latest
    # A late audit of the older revision (a slow worker) does not take "latest" back.
    record_revision(first.pk, force=True)
    assert list(AuditResult.objects.filter(page=article, is_latest=True).values_list("revision", flat=True)) == [
        second.pk
    ]


def test_failing_audit_still_saves(article, monkeypatch, caplog, django_capture_on_commit_callbacks):
    def broken(page, *args):
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr("newsaudit.pages.auditing.page_document", broken)
    with caplog.at_level(logging.ERROR, logger="newsaudit"), django_capture_on_commit_callbacks(execute=True):
        revision = article.save_revision()
    assert revision.pk  # the save went through
    result = AuditResult.objects.get(revision=revision)
    assert result.status == "error"
    assert "extractor exploded" in result.error
    assert "audit of revision" in caplog.text


def test_publish_and_unpublish_keep_live_flag(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = article.save_revision()
        first.publish()
    assert AuditResult.objects.get(revision=first).live
    with django_capture_on_commit_callbacks(execute=True):
        draft = article.save_revision()
    assert AuditResult.objects.get(revision=first).live
    assert not AuditResult.objects.get(revision=draft).live
    with django_capture_on_commit_callbacks(execute=True):
        draft.publish()
    assert not AuditResult.objects.get(revision=first).live
    assert AuditResult.objects.get(revision=draft).live
    article.refresh_from_db()
    article.unpublish()
    assert not AuditResult.objects.filter(page=article, live=True).exists()


def test_index_pages_opt_out(section, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision()
    assert not AuditResult.objects.filter(page=section).exists()


def test_thread_backend_runs_the_audit_after_the_save(
    transactional_db, django_db_serialized_rollback, section, settings
):
    from newsaudit.tasks import IMMEDIATE_BACKEND, audit_revision_task

    settings.TASKS = {
        "default": {"BACKEND": IMMEDIATE_BACKEND},
        "newsaudit": {"BACKEND": "newsaudit.task_backends.ThreadBackend"},
    }
    settings.NEWSAUDIT_TASK_BACKEND = "newsaudit"
    article = make_article(section)
    revision = article.save_revision()  # autocommit: on_commit fires at once, the audit goes to the thread
    audit_revision_task.using(backend="newsaudit").get_backend().drain()
    result = AuditResult.objects.get(revision=revision)
    assert "NA201" in result.rule_codes.split()
