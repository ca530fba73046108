"""Shapes that Wagtail apps from PyPI give their pages (our own definitions and sentences, shaped like what we met
installing newsaudit into sites built on them): a code block beside the article's blocks, a body kept twice (a
Markdown field and the HTML rendered from it on save), a blog index whose routes are named after authors."""

import pytest
from django.apps import apps
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField
from wagtail.models import Page

from newsaudit.engine.readers.dumpdata import read_dumpdata
from newsaudit.engine.readers.streamfield import field_blocks
from newsaudit.pages.extract import own_text_fields, page_document, stream_raw_blocks
from newsaudit.pages.inputs import PageInputs, document_of
from newsaudit.pages.metadata import metadata_paths
from newsaudit.pages.page_types import decision

from .conftest import make_article

pytestmark = pytest.mark.django_db

OPENING = "The ferry between the two river towns stops in January, the county said on Tuesday."
CLOSING = "A bus will replace the crossing from February, according to a council statement."
CODE = "fares = load('fares.csv')  # officials say these totals are wrong\nprint(sum(fares))"


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=[("python", "Python"), ("text", "Plain text")])
    code = blocks.TextBlock()


BODY = blocks.StreamBlock(
    [("paragraph", blocks.RichTextBlock()), ("code", CodeBlock()), ("source_code", blocks.TextBlock())]
)


def test_a_code_listing_is_not_read_as_article_text_in_a_struct_or_a_bare_text_block():
    """A code block's comments read like prose ('officials say ...'): auditing them gave an unnamed-source
    finding on code. The blocks around it are read."""
    raw = [
        {"type": "paragraph", "value": f"<p>{OPENING}</p>"},
        {"type": "code", "value": {"language": "python", "code": CODE}},
        {"type": "source_code", "value": CODE},
        {"type": "paragraph", "value": f"<p>{CLOSING}</p>"},
    ]
    stored = stream_raw_blocks("body", StreamValue(BODY, raw, is_lazy=True), [])
    assert [b.text for b in field_blocks("body", stored)] == [OPENING, CLOSING]


MARKDOWN = f"{OPENING}\n\nParents called the delay a **scandalous** failure.\n"
RENDERED = f"<p>{OPENING}</p>\n<p>Parents called the delay a <strong>scandalous</strong> failure.</p>"


def test_a_body_rendered_from_a_markdown_field_and_kept_beside_it_is_read_once():
    """A blog entry that renders its Markdown field into its HTML body on save holds every sentence twice: each
    finding was reported twice. A field that adds text still adds it (a draft whose Markdown gained a paragraph
    the stale HTML copy lacks)."""
    document = document_of(PageInputs("page:1", "Roof repairs delayed", {"body": RENDERED, "markdown_body": MARKDOWN}))
    assert document.text.count(OPENING) == 1 and document.text.count("scandalous") == 1
    draft = MARKDOWN + f"\n{CLOSING}\n"
    document = document_of(PageInputs("page:1", "Roof repairs delayed", {"body": RENDERED, "markdown_body": draft}))
    assert [document.text.count(s) for s in (OPENING, "scandalous", CLOSING)] == [1, 1, 1]


def test_the_same_copy_in_a_dumpdata_export_is_read_once():
    rows = [
        {
            "model": "wagtailcore.page",
            "pk": 7,
            "fields": {"title": "Roof repairs delayed", "content_type": ["blog", "entrypage"]},
        },
        {"model": "blog.entrypage", "pk": 7, "fields": {"body": RENDERED, "markdown_body": MARKDOWN}},
    ]
    (document,) = read_dumpdata(rows, "site.json")
    assert document.text.count(OPENING) == 1


def test_a_standfirst_repeated_as_the_first_paragraph_is_read_once(section):
    article = make_article(
        section,
        standfirst=f"<p>{OPENING}</p>",
        body=[{"type": "paragraph", "value": f"<p>{OPENING}</p><p>{CLOSING}</p>", "id": "b1"}],
    )
    text = page_document(article).text
    assert text.count(OPENING) == 1 and text.count(CLOSING) == 1


class ShapeMeta:
    """Page shapes for the decisions only: abstract, so never among the site's page types."""

    abstract = True
    app_label = "news"


class JournalPage(Page):
    """A blog's index page (not named ...IndexPage) whose routes take the request and an author or a tag: no
    byline getter, so the index is not an article."""

    description = models.TextField(blank=True)

    def entries_by_author(self, request, author, *args, **kwargs):
        return None

    def entries_by_tag(self, request, tag):
        return None

    class Meta(ShapeMeta):
        pass


class JournalEntryPage(Page):
    """The blog's entry: its author is a property, its date a field."""

    date = models.DateTimeField(null=True)
    body = RichTextField(blank=True)

    @property
    def authors(self):
        return []

    def author_names(self, separator=", "):
        return ""

    class Meta(ShapeMeta):
        pass


def test_a_method_that_needs_arguments_is_no_byline_and_does_not_make_an_index_an_article():
    assert metadata_paths(JournalPage)["byline"] == ()
    assert not decision(JournalPage).audited
    assert decision(JournalPage).reason == "no byline or publication date: not an article"
    assert set(metadata_paths(JournalEntryPage)["byline"]) == {"authors", "author_names"}  # optional arguments only
    assert decision(JournalEntryPage).audited


NOTE = "Rent figures come from the county housing office's survey of 2026, table 4."
LATER_NOTE = "An earlier version of this story gave the wrong year for the survey."


@pytest.fixture
def noted_story(home):
    shapes = pytest.importorskip("tests.django.shapes.models")
    if not apps.is_installed("tests.django.shapes"):
        pytest.skip("the shapes app is installed only when the test process sets Django up")
    story = shapes.NotedStoryPage(title="Rents up by a fifth", slug="rents", byline="By Jo Eberle")
    story.body = f"<p>{OPENING}</p>"
    story.notes = [shapes.StoryNote(text=f"<p>{NOTE}</p>", source_url="https://example.org/survey")]
    return home.add_child(instance=story)


def test_the_text_of_inline_panel_rows_is_read_after_the_pages_own_fields(noted_story):
    """Footnotes kept as InlinePanel rows (wagtail-footnotes) were no part of the audit."""
    blocks = page_document(noted_story).blocks
    text = page_document(noted_story).text
    assert text.index(OPENING) < text.index(NOTE) and "example.org" not in text
    assert blocks[-1].block_id == "field:notes"


def test_a_drafts_inline_rows_are_read_from_the_revision_not_the_database(noted_story, admin_user):
    from tests.django.shapes.models import StoryNote

    noted_story.save_revision(user=admin_user).publish()
    noted_story.notes.add(StoryNote(text=f"<p>{LATER_NOTE}</p>"))
    revision = noted_story.save_revision(user=admin_user)
    assert LATER_NOTE in page_document(revision.as_object()).text
    assert LATER_NOTE not in page_document(type(noted_story).objects.get(pk=noted_story.pk)).text


def test_editors_comments_on_a_page_are_not_read(noted_story, admin_user):
    from wagtail.models import Comment

    Comment.objects.create(page=noted_story, user=admin_user, text="Check the year of this survey before we publish.")
    assert "Check the year" not in page_document(type(noted_story).objects.get(pk=noted_story.pk)).text


class LabPage(Page):
    """A research blog app's base page: its text, and the page owner as author, whom the edit panels let editors
    choose (on every type of the site)."""

    body = models.TextField(blank=True)
    settings_panels = [FieldPanel("owner")]

    class Meta(ShapeMeta):
        pass


class LabPostPage(LabPage):
    """A post: no byline or date field of its own."""

    class Meta(ShapeMeta):
        pass


class LabPostListPage(LabPage):
    """The blog's list of posts (a 'ListPage', not an 'IndexPage')."""

    subpage_types = [LabPostPage]

    class Meta(ShapeMeta):
        pass


class LabSitePage(Page):
    """The site's other pages (the home page among them): text, the same owner panel, no byline of their own."""

    body = models.TextField(blank=True)
    settings_panels = [MultiFieldPanel([FieldPanel("owner")])]

    class Meta(ShapeMeta):
        pass


@pytest.fixture
def site_page_types(monkeypatch):
    """Make the site's page types these shapes alone (Wagtail's page type list and the decisions' caches)."""
    from newsaudit.pages import metadata, page_types

    def forget():
        for cached in (page_types.decision, page_types._text_page_models, page_types._shared_metadata_names):
            cached.cache_clear()
        page_types._listed_page_models.cache_clear()
        page_types._listing_page_models.cache_clear()
        metadata.metadata_paths.cache_clear()

    def use(*shapes: type[Page]) -> None:
        monkeypatch.setattr(page_types, "get_page_models", lambda: [Page, *shapes])
        forget()

    yield use
    monkeypatch.undo()
    forget()


@pytest.fixture
def blog_site_types(site_page_types):
    site_page_types(LabPostListPage, LabPostPage, LabSitePage)


def test_where_no_type_keeps_a_byline_of_its_own_the_types_a_listing_lists_are_the_articles(blog_site_types):
    """Every page type of a research blog app was audited, its home page and its list of posts among them."""
    assert decision(LabPostPage).audited
    assert decision(LabPostListPage).reason == "a home, index or listing page"
    assert decision(LabSitePage).reason == (
        "no type has a byline or date of its own, and no index or listing page type lists this one"
    )


def test_an_owner_editors_choose_in_the_panels_is_the_byline(home, admin_user):
    """Blog apps show the page owner as the post's author and let editors choose it in the settings panel."""
    assert metadata_paths(LabPostPage)["byline"] == ("owner",)
    assert metadata_paths(LabSitePage)["byline"] == ("owner",)  # inside a panel group too
    assert "owner" not in metadata_paths(Page)["byline"]  # Wagtail's own panels do not show it


EQUATION = r"\begin{align} q_s = k \, (\tau - \tau_c)^{3/2} \end{align}"


def test_an_equation_is_not_prose_and_a_quote_keeps_its_speaker_and_source():
    raw = [
        {"type": "text", "value": OPENING},
        {"type": "equation", "value": {"equation": EQUATION, "caption": "Sediment flux above the threshold."}},
        {"type": "math", "value": EQUATION},
        {
            "type": "blockquote",
            "value": {"quote": "We can measure four seasons.", "author": "Maja Holm", "source": "the group's leader"},
        },
        {
            "type": "quote",
            "value": {"quote": "It will flood again.", "author": "Ola Dahl", "cite": "https://example.org/q"},
        },
    ]
    assert [(b.kind, b.text) for b in field_blocks("body", raw)] == [
        ("paragraph", OPENING),
        ("caption", "Sediment flux above the threshold."),
        ("quote", "We can measure four seasons. \u2014 Maja Holm, the group's leader"),
        ("quote", "It will flood again. \u2014 Ola Dahl"),
    ]


def test_a_pages_sidebar_and_its_listing_teaser_are_not_article_text():
    sidebar = [
        {
            "type": "text",
            "value": {"header": "About this blog", "item": "Posts here are reviewed by the group's leader."},
        }
    ]
    teaser = "<p>A four-year grant for the river group.</p>"
    values = {"body": f"<p>{OPENING}</p>", "sidebar": sidebar, "excerpt": teaser}
    document = document_of(PageInputs("page:1", "Grant won", values))
    assert "reviewed" not in document.text and "four-year" not in document.text and OPENING in document.text


MARKDOWN_POST = f"""{OPENING}

```python
# officials say these totals are wrong
fares = [2.5, 3.0]
```

| Year | Crossings |
|------|-----------|
| 2025 | 41,000    |

$$
q_s = k (\\tau - \\tau_c)^{{3/2}}
$$

{CLOSING}
"""


def test_fenced_code_tables_and_display_math_in_a_markdown_body_are_not_prose():
    """A code blog's Markdown body: a comment line in fenced code was read as a heading ('officials say ...')."""
    document = document_of(PageInputs("page:1", "Ferry fares", {"body": MARKDOWN_POST}))
    assert [document.text[b.start : b.end] for b in document.blocks] == ["Ferry fares", OPENING, CLOSING]


def test_a_code_listing_in_rich_text_is_not_prose():
    """Rich text rendered from Markdown (or raw HTML) keeps code in <pre>: left out, the rest read."""
    html = f'<p>{OPENING}</p><pre class="code"><code># officials say so\nx = 1</code></pre><p>{CLOSING}</p>'
    document = document_of(PageInputs("page:1", "Ferry fares", {"body": html}))
    assert "officials" not in document.text and OPENING in document.text and CLOSING in document.text


class RiverPage(Page):
    """A theming app's base page (wagtail-feathers' shape): every page type, index pages too, has its authors, and
    its body comes from this base."""

    body = models.TextField(blank=True)

    @property
    def authors(self):
        return []

    class Meta(ShapeMeta):
        pass


class RiverNewsIndexPage(RiverPage):
    class Meta(ShapeMeta):
        pass


class RiverArticlePage(RiverPage):
    """The app's item page: a publication date of its own, an introduction shown before the body."""

    introduction = models.TextField(blank=True)
    publication_date = models.DateField(null=True)
    content_panels = [FieldPanel("introduction"), FieldPanel("body")]

    class Meta(ShapeMeta):
        pass


class RiverAboutPage(RiverPage):
    class Meta(ShapeMeta):
        pass


class RiverErrorPage(Page):
    """A page type of the app that is no RiverPage (no authors): every text type no longer shares the authors."""

    body = models.TextField(blank=True)

    class Meta(ShapeMeta):
        pass


def test_a_byline_every_page_has_from_the_sites_base_page_marks_no_article(site_page_types):
    """Every page type of a theming app got `authors` from its base page, index pages too; one type without it
    meant no name was shared by all, and the about page was audited as an article."""
    site_page_types(RiverNewsIndexPage, RiverArticlePage, RiverAboutPage, RiverErrorPage)
    assert decision(RiverArticlePage).audited
    assert decision(RiverAboutPage).reason == (
        "no byline or publication date but what index pages have too (authors): not an article"
    )
    assert not decision(RiverErrorPage).audited


def test_fields_are_read_in_the_editors_order_an_introduction_before_a_body_from_the_base_page():
    assert [f.name for f in own_text_fields(RiverArticlePage)] == ["introduction", "body"]


def test_a_rich_text_quote_keeps_its_attribution():
    """A quote struct whose quote is rich text gave the quote and the speaker's name as two blocks, no source."""
    raw = [
        {
            "type": "block_quote",
            "value": {"quote": "<p>We cannot wait for the next flood.</p>", "attribution": "Jo Brink"},
        }
    ]
    assert [(b.kind, b.text) for b in field_blocks("body", raw)] == [
        ("quote", "We cannot wait for the next flood. \u2014 Jo Brink")
    ]
