"""Page field values from Wagtail exports -> BlockInputs, shared by the API v2 and dumpdata readers.

A value is a StreamField (a list of `{"type", "value", "id"}`), a StructBlock (a dict of child values), a ListBlock
(a list of values, or in Wagtail >= 2.16 storage a list of `{"type": "item", "value", "id"}`), rich text (Wagtail's
stored "DB HTML" or display HTML) or a plain string. The walk uses an explicit stack, so nesting depth costs
nothing but linear time, and block order and identity are kept: every BlockInput carries the id of the innermost
StreamField/ListBlock item around it, so a finding can point at its block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..document import BlockInput, Document, build_document
from .html import html_to_blocks
from .markdown import looks_like_markdown, markdown_to_blocks

# Block type or struct child names -> block kinds, first match wins (matched as words in the name). The one
# vocabulary for exports and for pages audited on save (the Wagtail side reads page fields through this module).
KIND_PATTERNS = (
    ("heading", re.compile(r"(?:^|_)(?:h[1-6]|heading|headline|subhead\w*|title|section_title|crosshead)(?:$|_)")),
    ("quote", re.compile(r"(?:^|_)(?:quote|blockquote|pullquote|pull_quote|quotation)(?:$|_)")),
    ("caption", re.compile(r"(?:^|_)caption(?:$|_)")),
    ("credit", re.compile(r"(?:^|_)(?:credit|credits|source_line|copyright)(?:$|_)")),
    (
        "byline",
        re.compile(r"(?:^|_)(?:byline|bylines|author|authors|writer|writers|reporter|reporters|contributors?)(?:$|_)"),
    ),
)
# Names whose values are never article text: ids, dates, links, media, tables (data, not prose), layout settings.
SKIP_NAME = re.compile(
    r"(?:^|_)(?:id|pk|uuid|slug|url|urls|href|link_url|page|document|image|images|photo|video|media|embed|icon|"
    r"alt|alt_text|date|time|datetime|published|updated|created|at|locale|lang|language|style|theme|align|"
    r"alignment|size|width|height|colour|color|css|class|anchor|target|live|draft|owner|content_type|"
    r"path|depth|numchild|meta|type|decorative|table|typed_table|table_block|data_table)(?:$|_)"
)
# Controls whose labels are never article text, whatever else their name says (`button_title`, `cta_text`): a
# block of such a type is skipped whole, a struct child so named is skipped.
CONTROL_NAME = re.compile(r"(?:^|_)(?:button|buttons|btn|cta|call_to_action|menu|nav|navigation|breadcrumbs?)(?:$|_)")
# Values that are no prose however much they read like it: code (its comments), mathematics (LaTeX). A struct child
# so named is skipped, and so is a block of such a type that holds a bare string; a struct block of such a type
# is read without them (a listing's or an equation's caption is text).
NOT_PROSE_NAME = re.compile(r"(?:^|_)(?:code|codeblock|equation|equations|math|latex|formula)(?:$|_)")
# Page fields that are metadata whatever else their name says (a struct's `title` child is text: a card's title),
# the page's furniture beside the article (a sidebar of links, contents and notes about the site) and the teaser
# that listings show in its place (a blog entry's `excerpt`).
SKIP_FIELDS = frozenset(
    ["title", "seo_title", "search_description", "show_in_menus", "detail_url", "html_url", "draft_title", "url_path"]
    + ["sidebar", "side_bar", "sidebar_content", "footer", "excerpt", "teaser", "listing_summary"]
)
# Page fields that present the page elsewhere (its listing card, a social share, search results) or other pages
# beside it (a "featured" or "related" section's title and choices): no article text. A name that also says it is a
# caption, credit or byline (`featured_image_caption`) is kept.
ELSEWHERE_FIELD = re.compile(r"^(?:listing|social|og|twitter|facebook|share|sharing|seo|promo|featured|related)_")
KEPT_ELSEWHERE_KINDS = ("caption", "credit", "byline")
# Home, index and listing page types (`blog.BlogIndexPage`; dumpdata's lowercased `blog.blogindexpage`): their
# text introduces other pages, so they are no article, in an export as in the Wagtail side's default. Lowercased, a
# name ending in "searchpage" may be a research page: only a type named just "searchpage" is a search page there.
LISTING_TYPE = re.compile(r"(?:Home|Index|List|Listing|Landing|Search)Page$")
LISTING_LABEL = re.compile(r"(?:home|index|list|listing|landing)page$|^searchpage$")
LISTINGS_NOTE = " (home, index and listing pages are not audited)"
# A quotation struct ({"quote": ..., "attribution": ...}) is read as one quote: "text \u2014 attribution"; a struct
# with a speaker and a source ({"author", "source"}) as "text \u2014 speaker, source".
QUOTE_TEXT_NAMES = ("quote", "text", "body", "quotation")
ATTRIBUTION_NAMES = ("attribution", "attribute_name", "author", "speaker", "name", "cite", "citation", "source")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*[\s/>]")
URLISH = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|www\.|/)\S*\s*$", re.I)
DATEISH = re.compile(r"^\s*\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?\s*$")
# Wagtail's stored rich text: <a linktype="page" id="3"> has no href; give it one so the link counts as evidence.
PRE_OPEN = re.compile(r"<pre(?=[\s/>])", re.I)
PRE_CLOSE = re.compile(r"</pre\s*>", re.I)
DB_LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>", re.I)
LINKTYPE = re.compile(r"""\blinktype\s*=\s*["']?(?P<type>[\w-]+)""", re.I)
LINK_ID = re.compile(r"""\bid\s*=\s*["']?(?P<id>[\w-]+)""", re.I)
HAS_HREF = re.compile(r"\bhref\s*=", re.I)
MIN_PLAIN_WORDS = 2  # a bare one-word string in a struct is a setting ("left", "h2"), not prose


def kind_for(name: str, inherited: str) -> str:
    """The block kind a StreamField block type or struct child name suggests, else the enclosing kind."""
    lowered = name.lower()
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(lowered):
            return kind
    return inherited


def is_listing_type(name: str) -> bool:
    """A home, index or listing page type, by its class name or its `app.Model` label (any case)."""
    model = name.rpartition(".")[2]
    return bool((LISTING_TYPE if model != model.lower() else LISTING_LABEL).search(model))


def is_skipped_name(name: str) -> bool:
    """Ids, dates, links, media, settings, controls, code and mathematics (block types and struct children); a name
    that also says what text it is (`image_caption`) is kept, unless it names a control or code (`button_title`)."""
    lowered = name.lower()
    if CONTROL_NAME.search(lowered) or NOT_PROSE_NAME.search(lowered):
        return True
    return bool(SKIP_NAME.search(lowered)) and kind_for(lowered, "") == ""


def looks_like_html(value: str) -> bool:
    return bool(HTML_TAG.search(value))


def is_stream(value: Any) -> bool:
    """A StreamField value: a non-empty list whose items are all `{"type", "value"}` dicts."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and "type" in item and "value" in item for item in value)
    )


def is_prose_or_name(value: str) -> bool:
    """Words (a speaker's name, a source), not an address or a date."""
    return bool(value.strip()) and not URLISH.match(value) and not DATEISH.match(value)


def is_prose(value: str) -> bool:
    return (
        len(value.split()) >= MIN_PLAIN_WORDS
        and not URLISH.match(value)
        and not DATEISH.match(value)
        and not value.lstrip().startswith(("[{", "{"))
    )


def expand_db_links(html: str) -> str:
    """`<a linktype="page" id="3">` -> `<a href="page:3" linktype="page" id="3">` (display HTML is unchanged)."""

    def add_href(match: re.Match[str]) -> str:
        attrs = match.group("attrs")
        linktype = LINKTYPE.search(attrs)
        if HAS_HREF.search(attrs) or not linktype:
            return match.group(0)
        target = LINK_ID.search(attrs)
        href = f"{linktype.group('type')}:{target.group('id') if target else ''}"
        return f'<a href="{href}"{attrs}>'

    return DB_LINK.sub(add_href, html)


def without_preformatted(html: str) -> str:
    """The fragment without its `<pre>` elements: in a page's rich text they hold code listings (a body rendered
    from Markdown, raw HTML), no prose. Open and close tags are paired in one pass: linear time."""
    if "<pre" not in html.lower():
        return html
    parts: list[str] = []
    cursor = 0
    closes = PRE_CLOSE.finditer(html)
    for opening in PRE_OPEN.finditer(html):
        if opening.start() < cursor:
            continue  # inside an element already dropped
        closing = next((c for c in closes if c.start() >= opening.end()), None)
        if closing is None:
            break  # an unclosed <pre> runs to the end, as a browser shows it
        parts.append(html[cursor : opening.start()])
        cursor = closing.end()
    else:
        return "".join(parts) + html[cursor:]
    return "".join(parts) + html[cursor : opening.start()]


def text_blocks(value: str, kind: str, block_id: str | None) -> list[BlockInput]:
    """One string: rich text (stored or display HTML) through the HTML reader, Markdown rich text through the
    Markdown reader, plain text as one block."""
    if looks_like_html(value):
        blocks = html_to_blocks(expand_db_links(without_preformatted(value)), kind=kind, block_id=block_id)
        if kind != "paragraph":  # a <p> inside a quote/caption/credit block is that kind, not a paragraph
            for block in blocks:
                if block.kind == "paragraph":
                    block.kind = kind
        return blocks
    if looks_like_markdown(value):
        return markdown_to_blocks(value, kind=kind, block_id=block_id)
    return [BlockInput(kind, value, block_id)]


def field_blocks(name: str, value: Any, block_id: str | None = None) -> list[BlockInput]:
    """Blocks of one page field (`body`, `intro`, ...), in order; an empty list when it holds no article text.
    `block_id` is the id of blocks outside any StreamField block (the Wagtail side passes `field:<name>`)."""
    return list(_walk(value, kind_for(name, "paragraph"), block_id))


def page_field_blocks(
    values: dict[str, Any], fields: Sequence[str] = (), *, field_ids: bool = False
) -> list[BlockInput]:
    """Blocks of a page's fields in order: the fields named in `fields`, else every article-text field
    (`is_text_field`). With `field_ids`, blocks outside StreamField blocks carry the id `field:<name>`.

    Text a page holds in two fields (a body rendered from a Markdown field and kept beside it, a summary repeated
    as the body's first paragraph) is read once, where it first appears: a block whose text an earlier field
    already gave is left out."""
    blocks: list[BlockInput] = []
    earlier: set[str] = set()
    for name, value in values.items():
        if (name in fields) if fields else is_text_field(name, value):
            own = field_blocks(name, value, f"field:{name}" if field_ids else None)
            blocks.extend(block for block in own if _same_text_key(block) not in earlier)
            earlier.update(_same_text_key(block) for block in own)
    return blocks


def _same_text_key(block: BlockInput) -> str:
    return " ".join(block.text.split())


def is_text_field(name: str, value: Any) -> bool:
    """Is this page field article text when no field list is configured? Rich text, a StreamField, or prose."""
    if name.lower() in SKIP_FIELDS or is_skipped_name(name) or is_elsewhere_field(name):
        return False
    if isinstance(value, str):
        return looks_like_html(value) or is_prose(value)
    return is_stream(value)


def is_elsewhere_field(name: str) -> bool:
    """A page field shown in listings, shares or search results, or about other pages (`ELSEWHERE_FIELD`)."""
    lowered = name.lower()
    return bool(ELSEWHERE_FIELD.match(lowered)) and kind_for(lowered, "") not in KEPT_ELSEWHERE_KINDS


def _walk(value: Any, kind: str, block_id: str | None) -> Iterator[BlockInput]:
    # Stack of (value, kind, block_id, plain_ok); pushed in reverse so blocks come out in document order.
    stack: list[tuple[Any, str, str | None, bool]] = [(value, kind, block_id, True)]
    while stack:
        item, item_kind, item_id, plain_ok = stack.pop()
        if isinstance(item, str):
            if item.strip() and (plain_ok or looks_like_html(item) or is_prose(item)):
                yield from text_blocks(item, item_kind, item_id)
        elif isinstance(item, list):
            children = (_child_of_list(child, item_kind, item_id) for child in item)
            stack.extend(reversed([child for child in children if child is not None]))
        elif isinstance(item, dict):
            quotation = _quotation(item) if item_kind == "quote" else None
            if quotation:
                yield BlockInput("quote", quotation, item_id)
            else:
                stack.extend(reversed(_children_of_dict(item, item_kind, item_id)))


def _quotation(item: dict) -> str | None:
    """A quote struct's text and attribution as one quote ("text \u2014 name"), so the quote keeps its speaker."""
    text = next((item[n] for n in QUOTE_TEXT_NAMES if isinstance(item.get(n), str) and item[n].strip()), None)
    names = [item[n].strip() for n in ATTRIBUTION_NAMES if isinstance(item.get(n), str) and is_prose_or_name(item[n])]
    if text is not None and looks_like_html(text):  # a rich-text quote: its words, paragraphs joined
        text = " ".join(block.text.strip() for block in html_to_blocks(text)) or None
    if text is None or not names:
        return None
    return f"{text.strip()} \u2014 {', '.join(dict.fromkeys(names[:2]))}"


def _child_of_list(child: Any, kind: str, block_id: str | None) -> tuple[Any, str, str | None, bool] | None:
    """A StreamField block `{type, value, id}`, a ListBlock item `{type: "item", value, id}` or a bare value; None
    for a control block (a button, a menu), whose text is no part of the article."""
    if isinstance(child, dict) and "type" in child and "value" in child:
        block_type = str(child.get("type") or "")
        if CONTROL_NAME.search(block_type.lower()):
            return None
        if NOT_PROSE_NAME.search(block_type.lower()) and not isinstance(child["value"], dict):
            return None
        child_id = child.get("id")
        new_id = str(child_id) if isinstance(child_id, str | int) and child_id != "" else block_id
        if block_type == "item":
            child_kind = "list_item" if kind == "paragraph" else kind
        else:
            child_kind = kind_for(block_type, "paragraph")
        # A typed block whose value is a bare string is text by declaration (a heading CharBlock), unless its
        # type names a link or media block (`embed`, `url`), whose string is an address.
        return (child["value"], child_kind, new_id, not is_skipped_name(block_type))
    return (child, "list_item" if kind == "paragraph" and isinstance(child, str) else kind, block_id, False)


def _children_of_dict(item: dict, kind: str, block_id: str | None) -> list[tuple[Any, str, str | None, bool]]:
    """A StructBlock value: every child except ids, dates, links and media, in declaration order. PostgreSQL's
    jsonb keeps an object's keys shortest first, so a dumpdata export from it has lost that order: where the keys
    come so, a heading child is read first ({"content": [...], "heading": ...} is a titled section)."""
    children = [
        (child, kind_for(str(key), kind), block_id, False)
        for key, child in item.items()
        if not is_skipped_name(str(key))
    ]
    if len(children) > 1 and _in_jsonb_key_order(item):
        children.sort(key=lambda child: child[1] != "heading")  # stable: the rest keep their order
    return children


def _in_jsonb_key_order(item: dict) -> bool:
    keys = [str(key).encode() for key in item]
    return all((len(a), a) <= (len(b), b) for a, b in zip(keys, keys[1:], strict=False))


def page_document(
    doc_id: str,
    blocks: list[BlockInput],
    title: str,
    meta: dict[str, str],
    *,
    title_id: str | None = None,
    segment_limit: int | None = None,
) -> Document | None:
    """A page's Document, its title opening the text as the headline; None when it has no article text.
    `segment_limit`: see `build_document`."""
    if not blocks:
        return None
    if title:
        blocks.insert(0, BlockInput("headline", title, title_id))
    return build_document(doc_id, blocks, title=title.strip(), meta=meta, segment_limit=segment_limit)
