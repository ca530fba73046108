"""HTML reader: an article page or a rich-text fragment -> Document.

Boilerplate (scripts, navigation, share bars) is dropped; headings, paragraphs, block quotes, list items and
captions become blocks; links are kept with their offsets as evidence of sourcing. The tree is walked with an
explicit stack, so deeply nested markup costs linear time and never hits the recursion limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import BlockInput, Document, build_document
from .page_furniture import is_furniture

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag

DROPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "svg",
        "iframe",
        "canvas",
        "video",
        "audio",
        "object",
        "embed",
        "map",
        "head",
        "input",
        "label",
        "dialog",
        "menu",
    ]
)
BLOCK_KINDS = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "p": "paragraph",
    "blockquote": "quote",
    "li": "list_item",
    "figcaption": "caption",
    "caption": "caption",
    "pre": "paragraph",
    "dd": "paragraph",
    "dt": "paragraph",
    "td": "paragraph",
    "th": "paragraph",
    "address": "byline",
    "div": "paragraph",
    "section": "paragraph",
    "article": "paragraph",
    "main": "paragraph",
    "header": "paragraph",
    "footer": "paragraph",
    "figure": "paragraph",
    "ul": "paragraph",
    "ol": "paragraph",
    "table": "paragraph",
    "tr": "paragraph",
    "dl": "paragraph",
    "hr": "paragraph",
    "center": "paragraph",
}
BOILERPLATE = re.compile(
    r"\b(?:share|social|related|newsletter|comments?|advert\w*|ads?|promo\w*|cookie\w*|breadcrumbs?|sidebar|"
    r"subscribe|signup|sign-up|popup|modal|outbrain|taboola|recirc\w*|most-popular|trending|skip-link)\b",
    re.I,
)
BYLINE_HINT = re.compile(r"\b(?:byline|author|contributor)\b", re.I)
SUPPRESS_COMMENT = re.compile(r"^\s*newsaudit\s*:\s*ignore\b(.*)$", re.I | re.S)
_SPACE = re.compile(r"[ \t\r\f\v\n\u00a0\u200b]+")
RULE_CODE = re.compile(r"NA\d{3}", re.I)
LINK_LINE_LENGTH = 200  # characters: longer blocks with links are prose that cites
LINK_SHARE = 0.5


@dataclass
class _PendingBlock:
    kind: str
    parts: list[str] = field(default_factory=list)
    length: int = 0
    links: list[tuple[int, int, str]] = field(default_factory=list)
    block_id: str | None = None
    suppressed: frozenset[str] = frozenset()

    def add(self, text: str) -> None:
        if not text:
            return
        if self.length == 0 or self.parts[-1].endswith((" ", "\n")):
            text = text.lstrip(" ")
        if text:
            self.parts.append(text)
            self.length += len(text)


def parse_suppression(value: str) -> frozenset[str]:
    """`NA201 NA402` -> those codes; nothing named -> every rule ("all")."""
    codes = {c.upper() for c in RULE_CODE.findall(value)}
    return frozenset(codes) if codes else frozenset({"all"})


def read_html(html: str | bytes, doc_id: str, *, title: str | None = None, meta: dict | None = None) -> Document:
    """Read an article page or a fragment. The page's h1 (or title) opens the text as a headline block."""
    soup = _parse(html)
    page_meta = _page_meta(soup)
    page_meta.update(meta or {})
    lengths = paragraph_lengths(soup)
    weights = paragraph_weights(soup, lengths)
    root = _content_root(soup, weights, lengths)
    blocks = list(_blocks(root, weights=weights))
    if _is_page(html):
        blocks = [block for block in blocks if not _link_line(block) and not is_furniture(block)]
    headline = title or page_meta.pop("title", "") or ""
    if not any(b.kind == "headline" for b in blocks):
        h1 = soup.find("h1")
        if isinstance(h1, Tag) and not title:
            headline = _clean(h1.get_text(" ")) or headline
        if headline:
            blocks.insert(0, BlockInput("headline", headline))
    else:
        headline = headline or next(b.text for b in blocks if b.kind == "headline")
    return build_document(doc_id, blocks, title=headline.strip(), meta=page_meta)


def _link_line(block: BlockInput) -> bool:
    """A short block that is mostly link text: a teaser, a menu entry, a 'Read more' line, not the story's prose.
    Only on whole pages: an editor's own fragment keeps every line it has."""
    text = block.text.strip()
    if not text or len(text) > LINK_LINE_LENGTH or block.kind == "headline":
        return False
    linked = sum(end - start for start, end, _ in block.links)
    return linked > LINK_SHARE * len(text)


def html_to_blocks(html: str, *, kind: str = "paragraph", block_id: str | None = None) -> list[BlockInput]:
    """Blocks of one rich-text fragment (used by the Wagtail side for each StreamField block)."""
    soup = _parse(html)
    root = soup.body or soup
    blocks = list(_blocks(root, default_kind=kind))
    for block in blocks:
        block.block_id = block_id
    return blocks


_DOCUMENT_TAG = re.compile(rb"<\s*(?:html|body|head|!doctype)\b", re.I)


def _load_bs4() -> None:
    """Import BeautifulSoup (with lxml and soupsieve) on the first HTML parsed, not with the engine: it was a
    fifth of the CLI's start-up, which a run over text files paid for nothing. Every way into this module's
    tree walking parses first (read_html, html_to_blocks), so the names are bound before any use."""
    global BeautifulSoup, CData, Comment, NavigableString, Tag
    from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag


def _parse(html: str | bytes) -> BeautifulSoup:
    """Parse with lxml; a fragment is wrapped in <body> so a leading comment (a suppression) stays in it."""
    if "Tag" not in globals():
        _load_bs4()
    if isinstance(html, str):  # lone surrogates (from JSON "\ud800") break lxml: one "?" each keeps offsets
        html = html.encode("utf-8", "replace").decode("utf-8")
    if not _is_page(html):
        html = ("<body>" + html + "</body>") if isinstance(html, str) else (b"<body>" + html + b"</body>")
    return BeautifulSoup(html, "lxml")


def _is_page(html: str | bytes) -> bool:
    """A whole page (it opens with a doctype, <html>, <head> or <body>), not a fragment of one."""
    probe = html[:4096].encode("utf-8", "replace") if isinstance(html, str) else html[:4096]
    return bool(_DOCUMENT_TAG.search(probe))


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _page_meta(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, attrs in (
        ("title", {"property": "og:title"}),
        ("byline", {"name": "author"}),
        ("published", {"property": "article:published_time"}),
        ("url", {"property": "og:url"}),
        ("section", {"property": "article:section"}),
    ):
        tag = soup.find("meta", attrs=attrs)
        if isinstance(tag, Tag) and tag.get("content"):
            meta[key] = _clean(str(tag["content"]))
    if "title" not in meta and soup.title and soup.title.string:
        meta["title"] = _clean(soup.title.string)
    byline = soup.find(attrs={"rel": "author"}) or soup.find(attrs={"itemprop": "author"})
    if isinstance(byline, Tag) and "byline" not in meta:
        meta["byline"] = _clean(byline.get_text(" "))[:200]
    return meta


def paragraph_weights(root: Tag, lengths: dict[int, int]) -> dict[int, int]:
    """id(element) -> characters of paragraph (<p>) text inside it (`lengths`: paragraph_lengths(root))."""
    return _subtree_totals(root, lambda element: lengths.get(id(element), 0))


def paragraph_lengths(root: Tag) -> dict[int, int]:
    """id(<p>) -> characters of text inside it, for each paragraph not inside another one (lxml nests a <p> in
    the <span> of a <p>: its text counts once, with the outer one). One walk over the tree however deep it is:
    reading each paragraph's text by itself cost time quadratic in the depth of such nesting."""
    lengths: dict[int, int] = {}
    stack: list[tuple[object, int | None]] = [(root, None)]
    while stack:
        node, owner = stack.pop()
        if isinstance(node, Tag):
            if owner is None and node.name == "p":
                owner = id(node)
                lengths[owner] = 0
            stack.extend((child, owner) for child in node.contents)
        elif owner is not None and type(node) in (NavigableString, CData):
            lengths[owner] += len(node)
    return lengths


def _text_weights(root: Tag) -> dict[int, int]:
    """id(element) -> characters of text inside it."""
    return _subtree_totals(root, lambda element: sum(len(c) for c in element.contents if type(c) is NavigableString))


def _subtree_totals(root: Tag, own: Callable[[Tag], int]) -> dict[int, int]:
    """id(element) -> the sum of `own` over the element and everything inside it. Linear however deep the page:
    every element hands its total to its parent, children before parents (paragraphs do not nest, so the
    paragraphs' own text is read once)."""
    elements = [root, *(node for node in root.descendants if isinstance(node, Tag))]
    totals = {id(element): own(element) for element in elements}
    for element in reversed(elements[1:]):
        if totals[id(element)] and element.parent is not None and id(element.parent) in totals:
            totals[id(element.parent)] += totals[id(element)]
    return totals


def _content_root(soup: BeautifulSoup, weights: dict[int, int], lengths: dict[int, int]) -> Tag:
    """The element that holds the article: the innermost marked article body, <article> or <main> holding at
    least half of the page's paragraph text; else the smallest element around the densest run of paragraphs that
    holds that half. Pages mark teasers, comments and related stories as <article> too; the story is where the
    paragraphs are."""
    body = soup.body or soup
    candidates = soup.find_all(attrs={"itemprop": "articleBody"}) or soup.find_all(["article", "main"])
    half = weights.get(id(body), 0) / 2
    if half == 0:  # no paragraphs anywhere: the candidate with the most text
        lengths = _text_weights(soup) if candidates else {}
        return max(candidates, key=lambda tag: lengths.get(id(tag), 0)) if candidates else body
    holding = [tag for tag in candidates if weights.get(id(tag), 0) >= half]
    if holding:  # two elements that each hold more than half are nested: the later one is inside
        return holding[-1]
    element = _densest_paragraphs(soup, lengths)
    while element is not None and element is not body and weights.get(id(element), 0) < half:
        element = element.parent
    return element if isinstance(element, Tag) else body


def _densest_paragraphs(soup: BeautifulSoup, lengths: dict[int, int]) -> Tag | None:
    """The element whose own paragraphs (its <p> children) hold the most text."""
    direct: dict[int, int] = {}
    parents: dict[int, Tag] = {}
    for paragraph in soup.find_all("p"):
        parent = paragraph.parent
        if isinstance(parent, Tag) and id(paragraph) in lengths:
            direct[id(parent)] = direct.get(id(parent), 0) + lengths[id(paragraph)]
            parents[id(parent)] = parent
    return parents[max(direct, key=direct.__getitem__)] if direct else None


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in DROPPED_TAGS:
        return True
    if tag.get("hidden") is not None or tag.get("aria-hidden") == "true":
        return True
    marker = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "") + " " + str(tag.get("role") or "")
    return bool(marker.strip()) and bool(BOILERPLATE.search(marker)) and tag.name not in ("article", "main", "body")


def _blocks(
    root: Tag, *, default_kind: str = "paragraph", weights: dict[int, int] | None = None
) -> Iterator[BlockInput]:
    """Yield BlockInput in document order. Iterative: a stack of (node, leaving) pairs. With `weights`
    (paragraph_weights), an element marked like boilerplate that holds most of the root's paragraph text is kept."""
    walk = _BlockWalk(root, default_kind, weights or {})
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Comment):
            walk.comment(node)
        elif isinstance(node, NavigableString):
            if type(node) is NavigableString:  # skip CData, doctype, processing instructions
                walk.current.add(_SPACE.sub(" ", str(node)))
        elif isinstance(node, Tag):
            yield from walk.leave(node) if leaving else walk.enter(node, stack)
    done = walk.flush()
    if done:
        yield done


class _BlockWalk:
    """The state of one walk: the enclosing block kinds and suppressions, open links, the block being filled."""

    def __init__(self, root: Tag, default_kind: str, weights: dict[int, int]) -> None:
        self.root = root
        self.weights = weights
        self.article_weight = weights.get(id(root), 0)
        self.default_kind = default_kind
        self.kinds: list[str] = []  # enclosing block kinds, innermost last
        self.quotes_open = 0  # how many of them are quotes: asked at every element, so counted, not searched
        self.suppressions: list[frozenset[str]] = []  # data-newsaudit-ignore of each enclosing block
        self.links: list[tuple[int, str]] = []  # (start in current block, href) of open <a> elements
        self.current = _PendingBlock(default_kind)
        self.pending_suppress: frozenset[str] = frozenset()

    def flush(self) -> BlockInput | None:
        current = self.current
        text = "".join(current.parts)
        result = None
        if text.strip():
            suppressed = current.suppressed | self.pending_suppress
            self.pending_suppress = frozenset()
            result = BlockInput(current.kind, text, current.block_id, current.links, suppressed)
        self.current = _PendingBlock(
            self.kinds[-1] if self.kinds else self.default_kind,
            suppressed=self.suppressions[-1] if self.suppressions else frozenset(),
        )
        self.links.clear()
        return result

    def comment(self, node: Comment) -> None:
        match = SUPPRESS_COMMENT.match(str(node))
        if match:
            self.pending_suppress = parse_suppression(match.group(1))

    def enter(self, node: Tag, stack: list[tuple[object, bool]]) -> Iterator[BlockInput]:
        if node is not self.root and _is_boilerplate(node) and not self._holds_article(node):
            return
        if node.name == "br":
            self.current.add("\n")
            return
        block_kind = _block_kind(node, self.quotes_open > 0)
        if block_kind:
            done = self.flush()
            if done:
                yield done
            self._open_block(node, block_kind)
        if node.name == "a" and node.get("href"):
            self.links.append((self.current.length, str(node["href"])))
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))

    def _holds_article(self, node: Tag) -> bool:
        """'<div class="box article modal-enabled">', a '<form>' around the whole page: a marker that matches,
        or a form, around most of the article's paragraphs is the article's wrapper, not boilerplate."""
        if node.name in DROPPED_TAGS and node.name != "form":
            return False
        return self.article_weight > 0 and 2 * self.weights.get(id(node), 0) > self.article_weight

    def _open_block(self, node: Tag, block_kind: str) -> None:
        self.kinds.append(block_kind)
        self.quotes_open += block_kind == "quote"
        ignore = node.get("data-newsaudit-ignore")
        inherited = self.suppressions[-1] if self.suppressions else frozenset()
        self.suppressions.append(inherited | parse_suppression(str(ignore)) if ignore is not None else inherited)
        self.current.kind = block_kind
        self.current.suppressed = self.suppressions[-1]
        block_id = node.get("data-block-id")
        if block_id:
            self.current.block_id = str(block_id)

    def leave(self, node: Tag) -> Iterator[BlockInput]:
        if node.name == "a" and self.links:
            start, href = self.links.pop()
            end = self.current.length
            if end > start:
                self.current.links.append((start, end, href))
        if _block_kind(node, self.quotes_open > 0):
            done = self.flush()
            if done:
                yield done
            self.quotes_open -= self.kinds.pop() == "quote"
            self.suppressions.pop()
            self.current.kind = self.kinds[-1] if self.kinds else self.default_kind
            self.current.suppressed = self.suppressions[-1] if self.suppressions else frozenset()


def _block_kind(tag: Tag, in_quote: bool) -> str | None:
    kind = BLOCK_KINDS.get(tag.name)
    if kind is None:
        return None
    if tag.name == "h1":
        return "headline"
    if in_quote and kind == "paragraph":
        return "quote"
    if tag.name in ("p", "div", "span", "address") and BYLINE_HINT.search(" ".join(tag.get("class") or [])):
        return "byline"
    return kind
