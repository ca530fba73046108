"""Extraction never fails a page: any StreamField shape and value, known block types or not."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from example_site.news.blocks import ArticleBody
from example_site.news.models import ArticlePage
from newsaudit.pages.auditing import audit_page
from newsaudit.pages.extract import SKIPPED_KEY, page_document

pytestmark = pytest.mark.django_db  # the audit reads the site's settings

BLOCK_TYPES = ["paragraph", "heading", "quote", "blockquote", "figure", "key_points", "raw_html", "image", "table"]

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=80),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
blocks = st.fixed_dictionaries(
    {"type": st.sampled_from(BLOCK_TYPES) | st.text(max_size=10), "value": values, "id": st.text(max_size=8)}
)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(blocks, max_size=6), st.text(max_size=40))
def test_any_stored_stream_value_gives_a_document(raw_blocks, title):
    page = ArticlePage(title=title, slug="any", body=raw_blocks, byline="", dateline="")
    document = page_document(page)
    assert document.title == title.strip()
    _document, report = audit_page(page)
    assert report["status"] != "error"


def test_a_block_that_cannot_be_stored_is_skipped_and_named_the_rest_is_read():
    class Unstorable:
        """A value no chooser block can turn into an id (what a broken custom block hands over)."""

    body = StreamValue(
        ArticleBody(),
        [
            ("paragraph", RichText("<p>The ferry runs again from Monday, the council said.</p>")),
            ("figure", {"image": Unstorable(), "caption": "The quay at dawn", "credit": ""}),
            ("paragraph", RichText("<p>Tickets cost four pounds.</p>")),
        ],
    )
    page = ArticlePage(title="Ferry returns", slug="ferry", body=body, byline="By Ana Lee", dateline="")
    document = page_document(page)
    assert "The ferry runs again" in document.text and "Tickets cost four pounds." in document.text
    assert "body block 2" in document.meta[SKIPPED_KEY]
    _document, report = audit_page(page)
    assert report["status"] != "error" and report[SKIPPED_KEY][0].startswith("body block 2")
