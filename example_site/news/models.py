"""The example site: a home page, section index pages and articles."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from newsaudit.panels import audit_panels

from .blocks import ArticleBody


class HomePage(Page):
    newsaudit_audit = False  # index pages carry no article text worth auditing
    max_count = 1
    subpage_types = ["news.SectionPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().specific()
        return context


class SectionPage(Page):
    intro = models.TextField(blank=True)

    newsaudit_audit = False
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = ArticlePage.objects.child_of(self).live().order_by("-first_published_at")
        return context


class ArticlePage(Page):
    byline = models.CharField(max_length=255, blank=True)
    dateline = models.CharField(max_length=255, blank=True)
    credit = models.CharField(max_length=255, blank=True, help_text="Wire or agency credit, if any")
    standfirst = RichTextField(
        blank=True, features=["bold", "italic", "link"], help_text="The summary under the headline"
    )
    body = StreamField(ArticleBody(), blank=True)

    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    api_fields = [
        APIField("byline"),
        APIField("dateline"),
        APIField("credit"),
        APIField("standfirst"),
        APIField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("byline"), FieldPanel("dateline"), FieldPanel("credit")], heading="Credits"),
        FieldPanel("standfirst"),
        FieldPanel("body"),
        *audit_panels(),
    ]
