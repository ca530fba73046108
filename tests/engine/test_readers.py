from pathlib import Path

from newsaudit.engine import read_html, read_path, read_text
from newsaudit.engine.readers import DocumentError


def test_html_drops_boilerplate_and_keeps_blocks():
    html = """<html><head><script>var x = "said Smith";</script><style>p{}</style></head><body>
    <nav>Home News</nav><article><h1>Flood wall approved</h1><p>The council <b>voted</b> on Monday.</p>
    <blockquote><p>It is done.</p></blockquote><ul><li>Cost: 14m</li></ul>
    <figure><img src=x><figcaption>The river in March.</figcaption></figure></article>
    <div class="share-bar">Share this</div></body></html>"""
    doc = read_html(html, "d")
    kinds = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert kinds == [
        ("headline", "Flood wall approved"),
        ("paragraph", "The council voted on Monday."),
        ("quote", "It is done."),
        ("list_item", "Cost: 14m"),
        ("caption", "The river in March."),
    ]
    assert doc.title == "Flood wall approved"
    assert "Smith" not in doc.text and "Share" not in doc.text


def test_links_keep_offsets():
    doc = read_html('<p>See the <a href="https://example.org/r">council report</a> here.</p>', "d")
    (link,) = doc.blocks[0].links
    assert doc.text[link.start : link.end] == "council report"
    assert link.href == "https://example.org/r"


def test_text_offsets_index_the_file_text():
    text = "Headline here\n\nFirst paragraph. Second sentence.\n\nLast one."
    doc = read_text(text, "t")
    assert doc.text == text
    assert doc.title == "Headline here"
    assert [doc.text[s.start : s.end] for s in doc.sentences()][1:] == [
        "First paragraph.",
        "Second sentence.",
        "Last one.",
    ]


def test_deep_nesting_is_read_without_recursion(tmp_path: Path):
    html = "<div>" * 20000 + "<p>Deep text.</p>" + "</div>" * 20000
    doc = read_html(html, "deep")
    assert "Deep text." in doc.text


def test_binary_file_is_a_document_error(tmp_path: Path):
    path = tmp_path / "junk.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    (item,) = read_path(path)
    assert isinstance(item, DocumentError)


def test_legacy_encoding_is_decoded(tmp_path: Path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\u00e9 owners said prices rose.".encode("cp1252"))
    (doc,) = read_path(path)
    assert "Caf\u00e9" in doc.text


def test_jsonl_reads_text_and_html_and_reports_bad_lines(tmp_path: Path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "a", "text": "Plain text story."}\n'
        "not json\n"
        '{"id": "b", "html": "<p>Fragment story.</p>", "title": "B"}\n',
        encoding="utf-8",
    )
    items = list(read_path(path))
    assert [getattr(i, "id", None) for i in items] == ["a", f"{path}:2", "b"]
    assert isinstance(items[1], DocumentError)
    assert items[2].title == "B"


def test_sentence_at_finds_the_sentence_holding_an_offset():
    doc = read_text("Headline here\n\nFirst one. Second one.\n\nLast one.", "t")
    second = doc.text.index("Second")
    assert doc.text[doc.sentence_at(second).start : doc.sentence_at(second).end] == "Second one."
    assert doc.sentence_at(doc.text.index("\n\nLast")) is None  # between blocks
    assert doc.text[doc.sentence_at(len(doc.text) - 1).start :] == "Last one."
