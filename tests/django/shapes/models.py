"""Page shapes of real Wagtail apps, our own definitions: a story whose notes are InlinePanel rows (as
wagtail-footnotes keeps a page's footnotes: ParentalKey rows with rich text), beside the page's own byline and body;
a news starter kit's page types (below)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.snippets.models import register_snippet


class NotedStoryPage(Page):
    byline = models.CharField(max_length=255, blank=True)
    body = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("byline"), FieldPanel("body"), InlinePanel("notes")]


class StoryNote(Orderable):
    page = ParentalKey(NotedStoryPage, on_delete=models.CASCADE, related_name="notes")
    text = RichTextField()
    source_url = models.URLField(blank=True)

    panels = [FieldPanel("text"), FieldPanel("source_url")]


# A news starter kit's shapes (Wagtail's own news template): a base page with sharing and listing fields and a
# "featured" list of other pages (orderable rows on every page), an article whose author is a snippet chosen by
# ForeignKey and whose publication date may be left empty (the first publication then counts), a lead image kept
# as a one-block StreamField with a caption, and a body of titled sections (rich-text paragraphs), call-to-action
# blocks (a heading, one link, a line of text) and statistics sections (chosen snippets).


@register_snippet
class KitAuthor(models.Model):
    title = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.title


@register_snippet
class KitTopic(models.Model):
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255)

    def __str__(self) -> str:
        return self.title


@register_snippet
class KitStatistic(models.Model):
    statistic = models.CharField(max_length=12)
    description = models.CharField(max_length=225)

    def __str__(self) -> str:
        return self.statistic


class KitLinkBlocks(blocks.StreamBlock):
    internal = blocks.StructBlock([("page", blocks.PageChooserBlock()), ("title", blocks.CharBlock(required=False))])
    external = blocks.StructBlock([("link", blocks.URLBlock()), ("title", blocks.CharBlock())])


class KitSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    content = blocks.StreamBlock([("paragraph", blocks.RichTextBlock())])


class KitCallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    link = KitLinkBlocks()
    description = blocks.TextBlock(required=False)


class KitStatisticsBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    sr_only_label = blocks.BooleanBlock(required=False)
    statistics = blocks.ListBlock(SnippetChooserBlock(KitStatistic))


class KitStoryBlock(blocks.StreamBlock):
    section = KitSectionBlock()
    cta = KitCallToActionBlock()
    statistics = KitStatisticsBlock()


class KitCaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    image_alt_text = blocks.CharBlock(required=False)
    caption = blocks.CharBlock(required=False)


class KitBasePage(Page):
    social_text = models.CharField(max_length=255, blank=True)
    listing_title = models.CharField(max_length=255, blank=True)
    listing_summary = models.CharField(max_length=255, blank=True)
    featured_section_title = models.TextField(blank=True)

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("social_text"),
        MultiFieldPanel([FieldPanel("listing_title"), FieldPanel("listing_summary")], "Listing"),
    ]

    class Meta:
        abstract = True


class KitRelatedPage(Orderable):
    parent = ParentalKey(Page, on_delete=models.CASCADE, related_name="kit_related_pages")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]


class KitArticlePage(KitBasePage):
    author = models.ForeignKey(KitAuthor, on_delete=models.PROTECT, related_name="+")
    topic = models.ForeignKey(KitTopic, on_delete=models.PROTECT, related_name="article_pages")
    publication_date = models.DateTimeField(null=True, blank=True)
    introduction = models.TextField(blank=True)
    image = StreamField([("image", KitCaptionedImageBlock())], blank=True, max_num=1)
    body = StreamField(KitStoryBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("author"),
        FieldPanel("publication_date"),
        FieldPanel("topic"),
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("featured_section_title"), InlinePanel("kit_related_pages")], "Featured"),
    ]


class KitNewsListingPage(KitBasePage):
    introduction = RichTextField(blank=True)
    subpage_types = ["shapes.KitArticlePage"]


class KitStandardPage(KitBasePage):
    introduction = models.TextField(blank=True)
    display_table_of_contents = models.BooleanField(default=True)
    body = StreamField(KitStoryBlock())


class KitIndexPage(KitBasePage):
    introduction = RichTextField(blank=True)
    body = StreamField(KitStoryBlock(), blank=True)


class KitHomePage(KitBasePage):
    introduction = models.TextField(blank=True)
    hero_cta = StreamField([("link", KitLinkBlocks())], blank=True)
    body = StreamField(KitStoryBlock())
