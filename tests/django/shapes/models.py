"""A story whose notes are InlinePanel rows (as wagtail-footnotes keeps a page's footnotes: ParentalKey rows with
rich text), beside the page's own byline and body."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


class NotedStoryPage(Page):
    byline = models.CharField(max_length=255, blank=True)
    body = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("byline"), FieldPanel("body"), InlinePanel("notes")]


class StoryNote(Orderable):
    page = ParentalKey(NotedStoryPage, on_delete=models.CASCADE, related_name="notes")
    text = RichTextField()
    source_url = models.URLField(blank=True)

    panels = [FieldPanel("text"), FieldPanel("source_url")]
