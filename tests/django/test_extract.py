"""StreamField extraction: block order, kinds and ids, nested Stream/List/Struct blocks, metadata fields."""

from newsaudit.pages.extract import page_document

from .conftest import make_article

BODY = [
    {"type": "heading", "value": "What happened", "id": "h1"},
    {
        "type": "paragraph",
        "value": '<p>First <a href="https://example.org/r">report</a> text.</p><p>Second.</p>',
        "id": "p1",
    },
    {"type": "quote", "value": {"text": "It is fine.", "attribution": "Ana Ruiz"}, "id": "q1"},
    {"type": "blockquote", "value": "A block quote.", "id": "bq1"},
    {
        "type": "key_points",
        "value": [
            {"type": "item", "value": "Point one", "id": "k1"},
            {"type": "item", "value": "Point two", "id": "k2"},
        ],
        "id": "kp",
    },
    {"type": "figure", "value": {"image": None, "caption": "The dam at dusk", "credit": "Photo: Staff"}, "id": "f1"},
    {"type": "raw_html", "value": "<p>Raw <b>html</b> paragraph.</p>", "id": "r1"},
]


def test_streamfield_order_kinds_and_ids(section):
    article = make_article(section, body=BODY, credit="Example News Agency")
    document = page_document(article.specific)
    rows = [(b.kind, b.block_id, document.text[b.start : b.end]) for b in document.blocks]
    assert rows == [
        ("headline", "field:title", "Reservoir falls to a ten-year low"),
        ("byline", "field:byline", "By Test Writer"),
        ("credit", "field:credit", "Example News Agency"),  # fields in model order, as an export lists them
        ("heading", "h1", "What happened"),
        ("paragraph", "p1", "First report text."),
        ("paragraph", "p1", "Second."),
        ("quote", "q1", "It is fine. \u2014 Ana Ruiz"),
        ("quote", "bq1", "A block quote."),
        ("list_item", "k1", "Point one"),
        ("list_item", "k2", "Point two"),
        ("caption", "f1", "The dam at dusk"),
        ("credit", "f1", "Photo: Staff"),
        ("paragraph", "r1", "Raw html paragraph."),
    ]
    assert document.meta["byline"] == "By Test Writer" and document.meta["dateline"] == "GREYFELL"
    link = document.blocks[4].links[0]
    assert document.text[link.start : link.end] == "report" and link.href == "https://example.org/r"


def test_rich_text_field_is_read_with_links(section):
    standfirst = '<p>Levels fell <a href="https://example.org/data">to 41 per cent</a>.</p>'
    article = make_article(section, body=[], standfirst=standfirst)
    document = page_document(article.specific)
    block = next(b for b in document.blocks if b.block_id == "field:standfirst")
    assert block.kind == "paragraph" and document.text[block.start : block.end] == "Levels fell to 41 per cent."
    assert [document.text[link.start : link.end] for link in block.links] == ["to 41 per cent"]


def test_revision_object_not_page_row_is_audited(article, django_capture_on_commit_callbacks):
    """A draft of a live page changes the revision, not the page row; the audit must read the draft."""
    from example_site.news.models import ArticlePage
    from newsaudit.models import AuditResult

    article.save_revision().publish()
    article.refresh_from_db()
    article.body = [{"type": "paragraph", "value": "<p>The council said on Monday that levels fell.</p>", "id": "d1"}]
    with django_capture_on_commit_callbacks(execute=True):
        draft = article.save_revision()
    assert "Observers note" in str(ArticlePage.objects.get(pk=article.pk).body)  # the row still has the live text
    result = AuditResult.objects.get(revision=draft)
    assert "NA201" not in result.rule_codes.split()
    assert result.report["readability"]["words"] < 25
