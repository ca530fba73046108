"""newsaudit on a news site built with wagtail-roost from PyPI (`wagtail start`, roost added as its README says),
installed with one line and no edit of the site's models.

roost's articles keep a lead (TextField), a body StreamField (rich text, quotes with an attribution, code, tables,
images, embeds), a publication date and their authors in an InlinePanel of author profiles; news index, section
and author index pages list them. The article below is written by us with its attributions, a loaded word and a
code block whose comment reads like prose; it is saved and published through the admin's edit form.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from roost.models import ArticleAuthor, ArticlePage, Author, AuthorIndexPage, NewsIndexPage, SectionPage
from wagtail.models import Page, Site, get_page_models

from newsaudit.engine.readers import read_path
from newsaudit.models import AuditResult
from newsaudit.pages.extract import page_document
from newsaudit.pages.page_types import decision, is_audited

from .admin_forms import form_data
from .conftest import panel_shown

SITE = Path(os.environ.get("NEWSAUDIT_ROOST", "."))
EDIT_FORM = "page-edit-form"

LEAD = "The county will close the Altby ferry in January to save money."
OPENING = "The river ferry between Altby and Kesswick will stop running in January, the county transport office said."
QUOTE = "We kept the ferry going for as long as the money lasted."
SPEAKER = "Mara Velten, the county's transport chief"
LOADED = "The closure is a disgraceful betrayal of the towns on the east bank."
CLOSING = "A bus link will replace the crossing from February, according to a council statement."
CODE = "fares = [2.5, 3.0]  # officials say these totals are wrong\nprint(sum(fares))"
SENTENCES = [LEAD, OPENING, QUOTE, LOADED, CLOSING]


def article_body() -> list[dict]:
    return [
        {"type": "paragraph", "value": f"<p>{OPENING}</p>"},
        {"type": "quote", "value": {"quote": QUOTE, "attribution": SPEAKER}},
        {"type": "code", "value": {"language": "python", "code": CODE}},
        {"type": "paragraph", "value": f"<p>{LOADED}</p>"},
        {"type": "table", "value": {"data": [["Year", "Crossings"], ["2025", "41,000"]]}},
        {"type": "paragraph", "value": f"<p>{CLOSING}</p>"},
    ]


def child(parent: Page, model: type[Page], **fields) -> Page:
    """The parent's page of this type, made (and published through a revision) the first time."""
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(**fields))
    page.save_revision().publish()
    return page


@pytest.fixture
def section(editor) -> SectionPage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    news = child(home, NewsIndexPage, title="News", slug="news", intro="<p>Everything from the valley, daily.</p>")
    child(home, AuthorIndexPage, title="Our writers", slug="writers", intro="<p>The people who report for us.</p>")
    return child(news, SectionPage, title="Towns", slug="towns", intro="<p>The towns along the river.</p>")


@pytest.fixture
def article(section, editor) -> ArticlePage:
    """A draft article built through roost's models, its author in roost's InlinePanel of author profiles."""
    users = get_user_model().objects
    writer = users.filter(username="pia").first() or users.create_user("pia", first_name="Pia", last_name="Okafor")
    author = Author.objects.filter(user=writer).first() or Author.objects.create(user=writer)
    ArticlePage.objects.child_of(section).filter(slug="ferry").delete()
    article = ArticlePage(title="River ferry to stop in January", slug="ferry", lead=LEAD, live=False)
    article.body = json.dumps(article_body())
    article.article_authors.add(ArticleAuthor(author=author))
    section.add_child(instance=article)
    article.save_revision(user=editor)
    return article


def test_the_article_type_is_audited_and_index_section_and_home_pages_are_not():
    audited = {decision(m).label for m in get_page_models() if decision(m).audited}
    assert audited == {"roost.ArticlePage"}
    reasons = {decision(m).label: decision(m).reason for m in get_page_models()}
    assert reasons["roost.NewsIndexPage"] == reasons["roost.AuthorIndexPage"] == "a home, index or listing page"
    assert reasons["roost.SectionPage"] == "no byline or publication date: not an article"


def test_the_lead_and_body_are_read_once_in_order_without_the_code_or_the_table(article):
    document = page_document(article)
    text = document.text
    assert [text.count(sentence) for sentence in SENTENCES] == [1] * len(SENTENCES)
    positions = [text.index(sentence) for sentence in SENTENCES]
    assert positions == sorted(positions)
    assert "officials" not in text and "fares" not in text and "41,000" not in text
    assert document.meta["byline"] == "Pia Okafor" and document.meta["published"] == article.date.isoformat()


def published_through_the_admin(client: Client, page: Page) -> AuditResult:
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    response = client.post(url, form_data(page, html, EDIT_FORM, **{"action-publish": "action-publish"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    result = AuditResult.objects.get(page=page, is_latest=True)
    assert page.live and result.revision_id == page.live_revision_id and result.status != "error", result.error
    return result


def test_publishing_through_the_edit_form_stores_the_audit_and_the_panel_shows_it(editor_client, article):
    result = published_through_the_admin(editor_client, article)
    sources = {a["source"]["text"] for a in result.report["attributions"]}
    assert {"the county transport office", SPEAKER, "a council statement"} <= sources
    assert [f["excerpt"] for f in result.report["findings"] if f["rule"] == "NA401"] == ["disgraceful"]
    assert "NA203" not in result.rule_codes.split()  # the code comment's 'officials' is no unnamed source
    assert result.report["byline"] == "Pia Okafor"
    panel = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert panel_shown(panel) and 'data-newsaudit-finding="NA401"' in panel


def test_every_page_types_edit_view_opens_and_only_articles_show_the_panel(editor_client, article):
    opened = set()
    for model in get_page_models():
        for page in model.objects.filter(depth__gt=1).exact_type(model)[:1]:
            response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200, model
            assert panel_shown(response.content.decode()) is is_audited(model), model
            opened.add(model._meta.label)
    assert opened >= {"roost.ArticlePage", "roost.SectionPage", "roost.NewsIndexPage", "roost.AuthorIndexPage"}


def test_audit_archive_audits_the_articles_with_no_error(article, tmp_path):
    output = tmp_path / "report.json"
    command = [sys.executable, "manage.py", "audit_archive", "--jobs", "1", "--no-progress", "--force"]
    result = subprocess.run([*command, "--output", str(output)], cwd=SITE, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(output.read_text("utf-8"))
    assert {d["id"] for d in report["documents"]} == {f"page:{p.pk}" for p in ArticlePage.objects.all()}
    assert report["summary"]["error"] == 0


def test_the_dumpdata_export_reads_the_article_as_the_editor_does_and_skips_the_index_pages(article, tmp_path):
    article.save_revision().publish()
    dump = tmp_path / "site.json"
    call_command("dumpdata", "wagtailcore.page", "roost", output=str(dump))
    documents = {d.id: d for d in read_path(dump) if hasattr(d, "blocks")}
    assert documents[f"page:{article.pk}"].text == page_document(ArticlePage.objects.get(pk=article.pk)).text
    indexes = [*NewsIndexPage.objects.all(), *AuthorIndexPage.objects.all()]
    assert indexes and not {f"page:{page.pk}" for page in indexes} & documents.keys()


@pytest.mark.parametrize("name", ["newsaudit_report", "newsaudit_sources", "newsaudit_trends", "wagtailadmin_home"])
def test_reports_open(editor_client, article, name):
    assert editor_client.get(reverse(name)).status_code == 200
