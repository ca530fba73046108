"""Build the example site's page tree from the sample article files (one JSON file per article)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from .models import ArticlePage, HomePage, SectionPage

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_articles"


@dataclass
class LoadSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def read_samples(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


def body_blocks(slug: str, body: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sample body items -> StreamField raw data with stable block ids (so reloading changes nothing)."""
    blocks = []
    for index, item in enumerate(body):
        kind = item["type"]
        value = item["value"]
        if kind == "quote":
            value = {"text": value.get("text", ""), "attribution": value.get("attribution", "")}
        blocks.append(
            {
                "type": kind,
                "value": value,
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"newsaudit-sample:{slug}:{index}:{kind}")),
            }
        )
    return blocks


def ensure_home() -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="The Example Courier", slug="courier"))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.site_name = "The Example Courier"
        site.save()
    else:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="The Example Courier")
    # The "Welcome to Wagtail" page a fresh install creates is replaced by our home page.
    Page.objects.filter(depth=2).exclude(pk=home.pk).filter(content_type__model="page").delete()
    return home


def ensure_section(home: HomePage, title: str) -> SectionPage:
    slug = slugify(title)
    section = SectionPage.objects.child_of(home).filter(slug=slug).first()
    if section:
        return section
    section = home.add_child(instance=SectionPage(title=title, slug=slug, intro=f"News from the {title} desk."))
    section.save_revision().publish()
    return section


def load_article(section: SectionPage, data: dict[str, Any], summary: LoadSummary) -> ArticlePage:
    fields = {
        "title": data["title"],
        "byline": data.get("byline", ""),
        "dateline": data.get("dateline", ""),
        "credit": data.get("credit", ""),
    }
    body = body_blocks(data["slug"], data.get("body", []))
    article = ArticlePage.objects.filter(slug=data["slug"]).first()
    if article is None:
        article = section.add_child(instance=ArticlePage(slug=data["slug"], body=body, **fields))
        summary.created += 1
    elif {k: getattr(article, k) for k in fields} == fields and list(article.body.raw_data) == body:
        summary.unchanged += 1
        return article
    else:
        for name, value in fields.items():
            setattr(article, name, value)
        article.body = body
        summary.updated += 1
    article.save_revision().publish()
    return article


@transaction.atomic
def load_sample_site(folder: Path = SAMPLE_DIR) -> LoadSummary:
    summary = LoadSummary()
    home = ensure_home()
    for data in read_samples(folder):
        section = ensure_section(home, data.get("section") or "News")
        load_article(section, data, summary)
    return summary
