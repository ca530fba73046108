"""Document, Block, Sentence: the article as plain text with exact character offsets.

Readers build a Document once; every later stage (analysis, rules, output) refers to its offsets and never
re-parses markup. Blocks are joined with a blank line, so a block never shares a line with its neighbour.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

BLOCK_SEPARATOR = "\n\n"

# Block kinds a reader may produce. "headline" is the article's title when it is part of the text.
BLOCK_KINDS = ("headline", "heading", "paragraph", "quote", "list_item", "caption", "credit", "byline", "other")


@dataclass(frozen=True, slots=True)
class Link:
    start: int
    end: int
    href: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


@dataclass(slots=True)
class Block:
    kind: str
    start: int
    end: int
    block_id: str | None = None
    links: list[Link] = field(default_factory=list)
    suppressed: frozenset[str] = frozenset()  # rule codes (or "all") an editor asked us to ignore here
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    id: str
    text: str
    blocks: list[Block]
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # byline, dateline, url, published, ...

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from block.sentences

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind not in ("headline", "byline", "credit")]

    def block_at(self, offset: int) -> Block | None:
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            block = self.blocks[mid]
            if offset < block.start:
                hi = mid - 1
            elif offset > block.end:
                lo = mid + 1
            else:
                return block
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding `offset`: the block by binary search, then the block's sentences by bisection."""
        block = self.block_at(offset)
        if block is None:
            return None
        index = bisect_right(block.sentences, offset, key=_sentence_start) - 1
        if index >= 0 and offset < block.sentences[index].end:
            return block.sentences[index]
        return None


def truncated(document: Document, limit: int) -> Document:
    """The document's first `limit` characters or fewer, cut at the last sentence end inside them when there is one
    in the second half (so no sentence is audited half-read); blocks, sentences and links beyond are dropped."""
    if len(document.text) <= limit:
        return document
    ends = [s.end for s in document.sentences() if s.end <= limit]
    cut = ends[-1] if ends and ends[-1] >= limit // 2 else limit
    blocks: list[Block] = []
    for block in document.blocks:
        if block.start >= cut:
            break
        end = min(block.end, cut)
        sentences = [Sentence(s.start, min(s.end, end), s.block) for s in block.sentences if s.start < end]
        links = [Link(k.start, min(k.end, end), k.href) for k in block.links if k.start < end]
        blocks.append(Block(block.kind, block.start, end, block.block_id, links, block.suppressed, sentences))
    return Document(document.id, document.text[:cut], blocks, title=document.title, meta=dict(document.meta))


@dataclass(slots=True)
class BlockInput:
    """What a reader hands to the builder: one block's text, its kind and the links inside it."""

    kind: str
    text: str
    block_id: str | None = None
    links: list[tuple[int, int, str]] = field(default_factory=list)  # offsets relative to `text`
    suppressed: frozenset[str] = frozenset()


def build_document(
    doc_id: str,
    blocks: Iterable[BlockInput],
    *,
    title: str = "",
    meta: dict[str, str] | None = None,
    segment_limit: int | None = None,
) -> Document:
    """Join block texts into one plain text, keeping each block's offsets, then split sentences.

    With `segment_limit`, text beyond it (and beyond the sentence running across it) gets no sentences: for a
    document the audit will truncate there anyway (`truncated`), so a huge paste costs no segmentation."""
    from .segment import MAX_SENTENCE_CHARS, split_sentences  # local: document.py holds no segmentation rules

    parts: list[str] = []
    built: list[Block] = []
    cursor = 0
    for item in blocks:
        text = item.text.strip()
        if not text:
            continue
        lead = len(item.text) - len(item.text.lstrip())
        if built:
            parts.append(BLOCK_SEPARATOR)
            cursor += len(BLOCK_SEPARATOR)
        links = [
            Link(cursor + max(0, s - lead), cursor + min(len(text), e - lead), href)
            for s, e, href in item.links
            if e - lead > 0 and s - lead < len(text)
        ]
        block = Block(item.kind, cursor, cursor + len(text), item.block_id, links, item.suppressed)
        built.append(block)
        parts.append(text)
        cursor += len(text)
    text = "".join(parts)
    reach = len(text) if segment_limit is None else segment_limit + MAX_SENTENCE_CHARS
    for index, block in enumerate(built):
        end = min(block.end, reach)
        if end <= block.start:
            break
        spans = split_sentences(text[block.start : end])
        if end < block.end and spans:
            spans = spans[:-1]  # cut short by the limit: not a real sentence end
        block.sentences = [Sentence(block.start + s, block.start + e, index) for s, e in spans]
    return Document(doc_id, text, built, title=title, meta=dict(meta or {}))


def document_from_text(doc_id: str, text: str, *, title: str = "", first_line_is_title: bool = False) -> Document:
    """A plain-text document whose offsets are exact indices into `text` (paragraphs split on blank lines)."""
    from .segment import split_paragraphs, split_sentences

    blocks: list[Block] = []
    for index, (start, end) in enumerate(split_paragraphs(text)):
        kind = "headline" if first_line_is_title and index == 0 else "paragraph"
        block = Block(kind, start, end)
        block.sentences = [Sentence(start + s, start + e, index) for s, e in split_sentences(text[start:end])]
        blocks.append(block)
    if first_line_is_title and blocks and not title:
        title = text[blocks[0].start : blocks[0].end]
    return Document(doc_id, text, blocks, title=title)
