"""Which page types are audited, and where a page's byline and date come from (real pages, real settings)."""

import pytest
from django.test import override_settings
from wagtail.models import Page

from example_site.news.models import ArticlePage, HomePage, SectionPage
from newsaudit.pages.extract import page_document
from newsaudit.pages.metadata import page_metadata
from newsaudit.pages.page_types import _not_an_article, decision, is_audited, skipped_page_types

from .conftest import make_article


def writer_name(page):
    return "Mira Okafor" if page.title else ""


def broken_lookup(page):
    raise RuntimeError("this site's lookup needs a request")


def test_default_audits_articles_and_skips_root_and_opted_out_types():
    assert is_audited(ArticlePage)
    assert not is_audited(Page) and "root" in decision(Page).reason
    assert not is_audited(HomePage) and not is_audited(SectionPage)
    assert {d.label for d in skipped_page_types()} >= {"wagtailcore.Page", "news.HomePage", "news.SectionPage"}


def test_the_setting_includes_and_excludes_page_types():
    with override_settings(NEWSAUDIT_PAGE_TYPES={"exclude": ["news.ArticlePage"]}):
        assert not is_audited(ArticlePage)
        assert decision(ArticlePage).reason == "excluded by NEWSAUDIT_PAGE_TYPES"
    with override_settings(NEWSAUDIT_PAGE_TYPES={"include": ["news.SectionPage"]}):
        assert is_audited(SectionPage) and not is_audited(ArticlePage)
    assert is_audited(ArticlePage)  # the setting's cache is dropped when the setting changes


def test_a_byline_every_text_page_type_has_tells_no_type_apart():
    """A byline or date every text type has (wagtail-seo's `seo_author` on every CodeRed page; here a "*" mapping)
    makes no type an article; a type with one of its own still is."""
    assert _not_an_article(SectionPage) == "no byline or publication date: not an article"
    with override_settings(NEWSAUDIT_METADATA={"*": {"byline": "owner"}}):
        assert _not_an_article(ArticlePage) is None
        assert _not_an_article(SectionPage) == (
            "no byline or publication date but what every page type has (owner): not an article"
        )
    with override_settings(NEWSAUDIT_METADATA={"news.SectionPage": {"byline": "owner"}}):
        assert _not_an_article(SectionPage) is None


def test_a_skipped_type_is_not_audited_on_save(section, django_capture_on_commit_callbacks):
    from newsaudit.models import AuditResult

    article = make_article(section)
    with override_settings(NEWSAUDIT_PAGE_TYPES={"exclude": ["news.ArticlePage"]}):
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision()
        assert not AuditResult.objects.filter(page=article).exists()


def test_byline_field_and_first_published_date_are_found_by_name(section):
    article = make_article(section)
    article.save_revision().publish()
    article.refresh_from_db()
    meta = page_metadata(article.specific)
    assert meta["byline"] == "By Test Writer" and meta["dateline"] == "GREYFELL"
    assert meta["published"] == article.first_published_at.isoformat()


def test_explicit_mapping_reads_a_related_user_or_a_callable(section, admin_user):
    admin_user.first_name, admin_user.last_name = "Ada", "Quill"
    admin_user.save()
    article = make_article(section, byline="", owner=admin_user)
    with override_settings(NEWSAUDIT_METADATA={"news.ArticlePage": {"byline": "owner"}}):
        assert page_metadata(article.specific)["byline"] == "Ada Quill"
        document = page_document(article.specific)
        assert document.meta["byline"] == "Ada Quill"
    callable_path = f"{__name__}:writer_name"
    with override_settings(NEWSAUDIT_METADATA={"*": {"byline": callable_path}}):
        assert page_metadata(article.specific)["byline"] == "Mira Okafor"


@pytest.mark.parametrize("path", [f"{__name__}:broken_lookup", "no_such_attribute.deeper", "nosuchmodule:nothing"])
def test_a_lookup_that_fails_is_no_value_never_a_failed_audit(section, path):
    article = make_article(section, byline="")
    with override_settings(NEWSAUDIT_METADATA={"news.ArticlePage": {"byline": path}}):
        assert "byline" not in page_metadata(article.specific)
        assert page_document(article.specific).text
