"""newsaudit on a CodeRed CMS site (`coderedcms start`), installed with one line and no edit of the site's models.

CodeRed's pages keep their text in deeply nested layout blocks: an article body holds cards (a struct with rich
text and a stream of buttons), modals (a struct whose content is a stream of rich text, quotes, HTML...), quotes,
raw HTML, image and video blocks; a web page body holds hero units, rows of columns of content and card grids. The
article below is written by us with its attributions and a loaded word deep in those blocks; it is saved and
published through the admin's edit form, as an editor does.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Revision, Site, get_page_models

from newsaudit.engine.readers import read_path
from newsaudit.models import AuditResult
from newsaudit.pages.extract import page_document
from newsaudit.pages.page_types import decision, is_audited

from .admin_forms import form_data
from .conftest import panel_shown

SITE = Path(os.environ.get("NEWSAUDIT_CODERED", "."))
EDIT_FORM = "page-edit-form"

# Our own sentences, each placed in one block of the article, each to be read exactly once.
OPENING = "The harbour board will close the east quay for eight weeks from March to replace its rotten piles."
CARD_TITLE = "What the closure costs"
CARD_TEXT = "Fishing crews will lose a season's landings, said Tomas Ferreira, who speaks for the crews' cooperative."
BUTTON = "Read the board's minutes"
MODAL_HEADER = "The west quay deal"
MODAL_TEXT = "The lease is a shameful giveaway to the developers who own the west quay."
MODAL_QUOTE = "We cannot keep open a quay that may fall into the sea."
QUOTE_AUTHOR = "Ilse Brandt"
HTML_TEXT = "The last repair of the east quay, in 1998, took eleven weeks and ran over its budget by a third."
QUOTE = "The repairs are long overdue and everyone on the water knows it."
CLOSING = "A second public meeting on the closure is planned for April in the harbour hall."
SENTENCES = [OPENING, CARD_TITLE, CARD_TEXT, MODAL_HEADER, MODAL_TEXT, MODAL_QUOTE, HTML_TEXT, QUOTE, CLOSING]


def article_body() -> list[dict]:
    """CodeRed's article StreamField (CONTENT_STREAMBLOCKS) as stored, with empty and media blocks between."""
    return [
        {"type": "text", "value": f"<p>{OPENING}</p>"},
        {
            "type": "card",
            "value": {
                "image": None,
                "title": CARD_TITLE,
                "subtitle": "",
                "description": f"<p>{CARD_TEXT}</p>",
                "links": [{"type": "Links", "value": {"button_title": BUTTON, "other_link": "https://example.org/m"}}],
            },
        },
        {"type": "image", "value": {"image": None}},
        {
            "type": "modal",
            "value": {
                "button_title": "The west quay",
                "header": MODAL_HEADER,
                "content": [
                    {"type": "text", "value": f"<p>{MODAL_TEXT}</p>"},
                    {"type": "quote", "value": {"text": MODAL_QUOTE, "author": QUOTE_AUTHOR}},
                    {"type": "embed_video", "value": {"url": ""}},
                ],
                "footer": [],
            },
        },
        {"type": "html", "value": f'<div class="aside"><p>{HTML_TEXT}</p></div>'},
        {"type": "text", "value": ""},
        {"type": "quote", "value": {"text": QUOTE, "author": "a harbour pilot"}},
        {"type": "embed_video", "value": {"url": ""}},
        {"type": "text", "value": f"<p>{CLOSING}</p>"},
    ]


def page_model(name: str) -> type[Page]:
    return next(m for m in get_page_models() if m._meta.label == f"website.{name}")


def home() -> Page:
    return Site.objects.get(is_default_site=True).root_page.specific


def added_through_the_admin(
    client: Client, model: type[Page], parent: Page, title: str, slug: str, **inputs: str
) -> Page:
    """A draft page created with the add view's own form, as an editor creates one (the site's defaults kept).

    A draft: publishing a new ArticleIndexPage from its add view fails in CodeRed 6.0 itself, newsaudit installed
    or not (its default `index_order_by`, "-date_display", is refused by choices that page types share)."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    response = client.get(url)
    assert response.status_code == 200, model
    data = form_data(model(), response.content.decode(), EDIT_FORM, title=title, slug=slug, **inputs)
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    return model.objects.child_of(parent).get(slug=slug)


def form_errors(response) -> str:
    form = response.context["form"] if response.context else None
    if form is None:
        return response.content.decode()[:2000]
    formsets = {name: (f.errors, f.non_form_errors()) for name, f in getattr(form, "formsets", {}).items()}
    return f"{form.errors.as_data()} {formsets}"


@pytest.fixture
def article(editor_client, editor) -> Page:
    """A draft article built through the site's own models, under the site's own article index."""
    index = added_through_the_admin(
        editor_client, page_model("ArticleIndexPage"), home(), "Harbour news", "harbour-news"
    )
    model = page_model("ArticlePage")
    model.objects.child_of(index).filter(slug="east-quay").delete()
    article = index.add_child(
        instance=model(
            title="East quay to close for repairs",
            slug="east-quay",
            live=False,
            author_display="Maren Lund",
            body=json.dumps(article_body()),
        )
    )
    article.save_revision(user=editor)
    return article


def test_the_article_type_is_audited_without_config_and_other_types_are_skipped(editor_client):
    audited = {decision(m).label for m in get_page_models() if decision(m).audited}
    assert audited == {"website.ArticlePage"}
    reasons = {decision(m).label: decision(m).reason for m in get_page_models()}
    assert reasons["website.FormPage"] == "a form page"
    assert reasons["website.ArticleIndexPage"] == "a home, index or listing page"
    assert "not an article" in reasons["website.WebPage"]


def test_every_nested_block_is_read_once_in_order(article):
    text = page_document(article.specific).text
    assert [text.count(sentence) for sentence in SENTENCES] == [1] * len(SENTENCES)
    positions = [text.index(sentence) for sentence in SENTENCES]
    assert positions == sorted(positions)
    assert "None" not in text and "example.org" not in text and BUTTON not in text


def delete_empty_media_blocks(data: dict) -> dict:
    """The editor deletes the image block with no image and the video blocks with no URL (the admin refuses to
    save them: both are required), as the StreamField editor does: the block's `deleted` input set."""
    for key, value in list(data.items()):
        if key.endswith("-type") and value in ("image", "embed_video"):
            data[key.removesuffix("-type") + "-deleted"] = "1"
    return data


def published_through_the_admin(client: Client, page: Page) -> AuditResult:
    """POST the page's edit form with Publish, as the editor's browser does; the audit stored for the new revision."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    data = delete_empty_media_blocks(form_data(page, html, EDIT_FORM, **{"action-publish": "action-publish"}))
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.live
    result = AuditResult.objects.get(page=page, is_latest=True)
    assert result.revision_id == page.live_revision_id and result.live
    assert result.status != "error", result.error
    return result


def audited_text(result: AuditResult) -> str:
    """The text the stored audit read: the document of the audited revision."""
    return page_document(Revision.objects.get(pk=result.revision_id).as_object()).text


def test_publishing_through_the_edit_form_stores_an_audit_of_the_nested_blocks(editor_client, article):
    result = published_through_the_admin(editor_client, article.specific)
    sources = {a["source"]["text"] for a in result.report["attributions"]}
    assert {"Tomas Ferreira", QUOTE_AUTHOR} <= sources  # a card's rich text; a quote block inside a modal
    assert "NA104" not in result.rule_codes.split()  # two named sources: not a single-source story
    loaded = [f for f in result.report["findings"] if f["rule"] == "NA401"]
    assert [f["excerpt"] for f in loaded] == ["shameful"]
    text = audited_text(result)
    assert [text.count(sentence) for sentence in SENTENCES] == [1] * len(SENTENCES)
    panel = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert 'data-newsaudit-finding="NA401"' in panel


# A web page's layout (LAYOUT_STREAMBLOCKS): a hero unit holding a row of columns, a row of two columns (rich
# text; a card and a quote), a card grid, raw HTML.
WEB_SENTENCES = [
    "The harbour trust looks after the quays, the slipway and the lifeboat station.",
    "Volunteers repaint the lighthouse every spring, said Ola Dahl, the trust's warden.",
    "Friends of the harbour",
    "Members get the newsletter and a vote at the annual meeting.",
    "Nobody can moor here for free. \u2014 the harbour master",
    "The new harbour toll is a scandalous waste of public money.",
    "Visiting hours are posted at the harbour office.",
]


def column(*blocks: dict) -> dict:
    return {"type": "content", "value": {"column_size": "", "content": list(blocks)}}


def row(*columns: dict) -> dict:
    return {"type": "row", "value": {"fluid": False, "content": list(columns)}}


def web_page_body() -> list[dict]:
    hero, card_title, card_text, quote, toll, hours = WEB_SENTENCES[0], *WEB_SENTENCES[2:]
    quote_text, quote_author = quote.split(" \u2014 ")
    card = {"title": card_title, "subtitle": "", "description": f"<p>{card_text}</p>", "links": []}
    return [
        {
            "type": "hero",
            "value": {"fluid": True, "content": [row(column({"type": "text", "value": f"<p>{hero}</p>"}))]},
        },
        row(
            column({"type": "text", "value": f"<p>{WEB_SENTENCES[1]}</p>"}),
            column(
                {"type": "card", "value": card},
                {"type": "quote", "value": {"text": quote_text, "author": quote_author}},
                {"type": "text", "value": ""},
            ),
        ),
        {
            "type": "cardgrid",
            "value": {
                "fluid": False,
                "content": [{"type": "card", "value": {"title": "", "description": f"<p>{toll}</p>"}}],
            },
        },
        {"type": "html", "value": f"<section><p>{hours}</p></section>"},
    ]


def test_a_web_page_of_rows_columns_and_cards_is_read_once_in_order_and_audited_on_publish(
    editor_client, editor, settings
):
    """Web pages are not articles by default; a site that includes them gets the layout read the same way."""
    settings.NEWSAUDIT_PAGE_TYPES = {"include": ["website.ArticlePage", "website.WebPage"]}
    model = page_model("WebPage")
    model.objects.child_of(home()).filter(slug="the-trust").delete()
    page = home().add_child(instance=model(title="The harbour trust", slug="the-trust", live=False))
    page.body = json.dumps(web_page_body())
    page.save_revision(user=editor)
    text = page_document(page).text
    assert [text.count(sentence) for sentence in WEB_SENTENCES] == [1] * len(WEB_SENTENCES)
    positions = [text.index(sentence) for sentence in WEB_SENTENCES]
    assert positions == sorted(positions)
    result = published_through_the_admin(editor_client, page)
    assert "Ola Dahl" in {a["source"]["text"] for a in result.report["attributions"]}
    assert [f["excerpt"] for f in result.report["findings"] if f["rule"] == "NA401"] == ["scandalous"]
    assert audited_text(result) == page_document(page).text


def test_the_live_check_audits_the_unsaved_form(editor_client, article):
    page = article.specific
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = delete_empty_media_blocks(form_data(page, html, EDIT_FORM))
    response = editor_client.post(reverse("newsaudit:check", args=[page.pk]), data)
    assert response.status_code == 200
    panel = response.content.decode()
    assert "data-unsaved" in panel and "The form has errors" not in panel
    assert 'data-newsaudit-finding="NA401"' in panel


def test_the_sites_dumpdata_export_reads_the_article_as_the_editor_does(article, tmp_path):
    """`newsaudit check` on `manage.py dumpdata`: the same blocks, each once, whatever the export's field order."""
    dump = tmp_path / "site.json"
    call_command("dumpdata", "wagtailcore.page", "website", output=str(dump))
    documents = {d.id: d for d in read_path(dump) if hasattr(d, "blocks")}
    text = documents[f"page:{article.pk}"].text
    assert [text.count(sentence) for sentence in SENTENCES] == [1] * len(SENTENCES)
    assert "example.org" not in text and BUTTON not in text


def pages_of(model: type[Page]) -> list[Page]:
    return list(model.objects.filter(depth__gt=1).exact_type(model))


# What the editor types where a page type requires more than a title (an event needs its first occurrence).
REQUIRED_INPUTS = {
    "website.EventPage": {"occurrences-0-start": "2026-12-04 18:00", "occurrences-0-end": "2026-12-04 20:00"}
}


def one_page_of_every_creatable_type(client: Client) -> dict[type[Page], Page]:
    """A page of each page type an editor can create, each made through its add view under a parent that allows it
    (an event under an event index...), as drafts."""
    made: dict[type[Page], Page] = {}
    for _ in range(3):  # a type whose parent type is made in this round gets its page in the next
        parents = list(Page.objects.filter(depth__gt=1).specific())
        for model in get_page_models():
            parent = next((p for p in parents if model.can_create_at(p)), None)
            if model not in made and parent is not None:
                slug = f"newsaudit-{model._meta.model_name}"
                title = f"A {model._meta.verbose_name}"
                inputs = REQUIRED_INPUTS.get(model._meta.label, {})
                made[model] = added_through_the_admin(client, model, parent, title, slug, **inputs)
    return made


def test_every_page_type_opens_in_the_add_and_edit_views_and_audited_types_show_the_panel(editor_client, article):
    made = one_page_of_every_creatable_type(editor_client)
    assert {m._meta.label for m in made} >= {"website.ArticlePage", "website.WebPage", "website.FormPage"}
    assert {m._meta.label for m in made} >= {"website.EventPage", "website.LocationPage"}
    for model in get_page_models():
        for page in pages_of(model)[:1]:
            response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200, model
            assert panel_shown(response.content.decode()) is is_audited(model), model
    assert all(pages_of(model) for model in made)


def test_audit_archive_audits_every_article_with_no_error(article, editor_client, tmp_path):
    """Every page of an audited type is audited, or counted as having no body text (a new, empty article)."""
    one_page_of_every_creatable_type(editor_client)
    output = tmp_path / "report.json"
    command = [sys.executable, "manage.py", "audit_archive", "--jobs", "1", "--no-progress", "--force"]
    result = subprocess.run([*command, "--output", str(output)], cwd=SITE, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(output.read_text("utf-8"))
    expected = {f"page:{p.pk}" for m in get_page_models() if is_audited(m) for p in pages_of(m)}
    audited = {doc["id"] for doc in report["documents"]}
    assert f"page:{article.pk}" in audited and audited <= expected
    without_text = re.search(r"not audited: (\d+) without body text", result.stdout)
    assert without_text and len(audited) + int(without_text.group(1)) == len(expected), result.stdout
    assert [doc["id"] for doc in report["documents"] if doc["status"] == "error"] == []
    assert report["summary"]["error"] == 0 and report["summary"]["errors"] == []


@pytest.mark.parametrize("name", ["newsaudit_report", "newsaudit_sources", "newsaudit_trends", "wagtailadmin_home"])
def test_reports_open(editor_client, article, name):
    response = editor_client.get(reverse(name))
    assert response.status_code == 200
