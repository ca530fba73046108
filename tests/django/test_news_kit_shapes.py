"""The page shapes of Wagtail's own news starter kit (our own models in tests/django/shapes: Kit*), through real
Wagtail code paths: which types are audited, what of an article is read, its byline and date, the edit view, the
audit on publish and `newsaudit check` on the site's dumpdata export."""

import datetime
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from newsaudit.engine.readers.dumpdata import read_dumpdata
from newsaudit.models import AuditResult
from newsaudit.pages.extract import page_document
from newsaudit.pages.metadata import page_metadata
from newsaudit.pages.page_types import decision

from ..cli_runner import run_cli

pytestmark = pytest.mark.django_db

INTRO = "The county will close two of its five recycling centres in March, its waste officer said on Monday."
HEADING = "What changes for residents"
FIRST = "Residents of the northern villages will drive to the depot at Harlow Cross, a round trip of 30 km."
SECOND = "The council expects to save 410,000 a year, according to its budget papers published in January."
STATS_HEADING = "The centres in numbers"
LATER_HEADING = "What happens next"
THIRD = (
    "A public meeting on the closures is set for 12 February at the town hall, the council said. The depot at "
    "Harlow Cross will open on Saturdays from April. Its manager, Tomas Berg, said the site can take the extra cars. "
    "Bus route 14 will stop at the depot gate twice an hour. The two closed sites will be sold. The money will pay "
    "for a new sorting line at the depot, the budget papers show."
)
CAPTION = "Critics say the yard at the old depot is far too small."
CTA_HEADING = "Critics say you should write to your councillor today"
CTA_TEXT = "Experts agree that our newsletter is the best way to hear about the closures first."
FEATURED = "More on the closures"
SOCIAL = "Critics say the closures are a disgrace: read why"
LISTING_TITLE = "Two recycling centres to close"
LISTING_SUMMARY = "Critics say the council got its sums wrong."


@pytest.fixture
def kit():
    if not apps.is_installed("tests.django.shapes"):
        pytest.skip("the shapes app is installed only when the test process sets Django up")
    from tests.django.shapes import models

    return models


def kit_body(statistic_pk: int) -> list[dict]:
    return [
        {
            "type": "section",
            "id": "s1",
            "value": {
                "heading": HEADING,
                "content": [
                    {"type": "paragraph", "id": "p1", "value": f"<p>{FIRST}</p>"},
                    {"type": "paragraph", "id": "p2", "value": f"<p>{SECOND}</p>"},
                ],
            },
        },
        {
            "type": "cta",
            "id": "c1",
            "value": {
                "heading": CTA_HEADING,
                "link": [
                    {"type": "external", "id": "l1", "value": {"link": "https://example.org/", "title": "Sign up"}}
                ],
                "description": CTA_TEXT,
            },
        },
        {
            "type": "statistics",
            "id": "t1",
            "value": {
                "heading": STATS_HEADING,
                "sr_only_label": False,
                "statistics": [{"type": "item", "id": "i1", "value": statistic_pk}],
            },
        },
        {
            "type": "section",
            "id": "s2",
            "value": {
                "heading": LATER_HEADING,
                "content": [{"type": "paragraph", "id": "p3", "value": f"<p>{THIRD}</p>"}],
            },
        },
    ]


@pytest.fixture
def kit_article(kit, home):
    author = kit.KitAuthor.objects.create(title="Rosa Lindqvist")
    topic = kit.KitTopic.objects.create(title="Council", slug="council")
    statistic = kit.KitStatistic.objects.create(statistic="5", description="centres open today")
    listing = home.add_child(instance=kit.KitNewsListingPage(title="News", slug="kit-news"))
    article = kit.KitArticlePage(
        title="Two recycling centres to close in March",
        slug="recycling",
        author=author,
        topic=topic,
        introduction=INTRO,
        image=[{"type": "image", "value": {"image": None, "image_alt_text": "", "caption": CAPTION}}],
        body=kit_body(statistic.pk),
        featured_section_title=FEATURED,
        social_text=SOCIAL,
        listing_title=LISTING_TITLE,
        listing_summary=LISTING_SUMMARY,
    )
    return listing.add_child(instance=article)


def test_the_article_type_is_audited_and_the_kits_other_types_are_not(kit):
    assert decision(kit.KitArticlePage).audited
    assert decision(kit.KitStandardPage).reason == "no byline or publication date: not an article"
    for lister in (kit.KitHomePage, kit.KitIndexPage, kit.KitNewsListingPage):
        assert decision(lister).reason == "a home, index or listing page", lister


def test_the_articles_text_is_read_once_in_order_and_its_furniture_is_not(kit_article):
    """Sharing text, listing title and teaser, the featured section's title, call-to-action blocks, the lead
    image's caption and the chosen statistics are no part of the article."""
    document = page_document(kit_article)
    texts = [document.text[b.start : b.end] for b in document.blocks]
    assert texts == [kit_article.title, INTRO, HEADING, FIRST, SECOND, STATS_HEADING, LATER_HEADING, THIRD]


def test_the_author_snippet_is_the_byline_and_an_empty_publication_date_falls_back_to_the_first(kit_article):
    assert page_metadata(kit_article)["byline"] == "Rosa Lindqvist"
    kit_article.save_revision().publish()
    kit_article.refresh_from_db()
    assert page_metadata(kit_article)["published"] == kit_article.first_published_at.isoformat()
    kit_article.publication_date = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 30))
    assert page_metadata(kit_article)["published"].startswith("2026-03-02T09:30")


def test_publishing_stores_an_audit_and_the_edit_view_shows_the_panel(
    kit_article, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        revision = kit_article.save_revision()
        revision.publish()
    result = AuditResult.objects.get(revision=revision)
    assert result.status in ("pass", "warn") and "NA502" not in result.rule_codes.split()
    assert result.report["findings"] == [] or all(f["block_id"] != "c1" for f in result.report["findings"])
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[kit_article.pk]))
    assert response.status_code == 200 and response.content.decode().count("data-newsaudit-panel") == 1


def test_the_sites_dumpdata_export_reads_the_article_and_its_author(kit_article, tmp_path):
    kit_article.save_revision().publish()
    dump = tmp_path / "site.json"
    call_command("dumpdata", "wagtailcore.page", "shapes", output=str(dump), verbosity=0)
    documents = list(read_dumpdata(json.loads(dump.read_text()), str(dump)))
    (document,) = [d for d in documents if getattr(d, "id", None) == f"page:{kit_article.pk}"]
    assert document.text == page_document(kit_article).text
    assert document.meta.get("byline") == "Rosa Lindqvist"
    result = run_cli("check", "--format", "json", str(dump), timeout=300)
    assert "Traceback" not in result.stderr
    (checked,) = [d for d in json.loads(result.stdout)["documents"] if d["id"] == f"page:{kit_article.pk}"]
    assert checked["title"] == kit_article.title
    assert "NA502" not in {f["rule"] for f in checked["findings"]}


def kit_edit_form(page, paragraph: str) -> dict:
    """The article's edit form as the admin posts it: one titled section of one paragraph."""
    section = {"heading": HEADING, "content": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))])}
    empty = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "author": page.author_id,
            "topic": page.topic_id,
            "publication_date": "",
            "introduction": INTRO,
            "image": streamfield([]),
            "body": streamfield([("section", section)]),
            "featured_section_title": FEATURED,
            "kit_related_pages": empty,
            "comments": empty,
        }
    )


def test_checking_unsaved_changes_reads_the_edit_form_of_nested_sections(kit_article, admin_client):
    url = reverse("newsaudit:check", args=[kit_article.pk])
    weasel = "Observers note that the depot has been too small for years, and the council has not said why."
    html = admin_client.post(url, kit_edit_form(kit_article, weasel)).content.decode()
    assert "data-unsaved" in html and "The form has errors" not in html
    assert 'data-newsaudit-finding="NA201"' in html
    html = admin_client.post(url, kit_edit_form(kit_article, FIRST)).content.decode()
    assert "data-unsaved" in html and 'data-newsaudit-finding="NA201"' not in html
