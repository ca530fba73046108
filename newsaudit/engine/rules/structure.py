"""NA5xx structure: headline noise, missing byline / dateline / credit, ambiguous genre labels."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..credits import outlet_names
from ..lexicons import load_words
from . import examples
from .registry import Hit, rule

EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f900-\U0001f9ff\u2b50\u2b55\u203c\u2049\ufe0f\u200d]+"
)
TRAILING_COUNTER = re.compile(
    r"(?:(?<=[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f])\s*\d{1,5}|\s*[|#\u2022\u00b7]\s*\d{1,5}|\s*[(\[]\s*\d{1,5}\s*[)\]]|\s*\d{1,5}\s*/\s*\d{1,5})\s*$"
)
SHOUTING = re.compile(r"[!?]{2,}")
CLICKBAIT = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(load_words("clickbait"), key=len, reverse=True))
    + r")(?![\w-])",
    re.I,
)
BYLINE_TEXT = re.compile(r"\s*(?:by|written by|words by)\s+[A-Z]", re.I)
DATELINE = re.compile(
    r"\s*[A-Z][A-Za-z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,3}\s*(?:\([^)]{1,40}\)\s*)?[,]?\s*(?:[\u2014\u2013]|--?|:)\s"
)
GENRE_LABEL = re.compile(
    r"\s*(?P<label>(?:(?P<qualifier>indep\.|independent|exclusive|special)\s+)?(?:news\s+)?"
    r"(?:analysis|opinion|comment|commentary|editorial|explainer|review|feature|sponsored|advertorial))\b",
    re.I,
)
MIN_SENTENCES_FOR_STRUCTURE = 8


def _headline_span(ctx: Context) -> tuple[int, int, str | None]:
    """Offsets of the headline in the text, or (0, 0, title) when the title is not part of the text."""
    for block in ctx.document.blocks:
        if block.kind == "headline":
            return block.start, block.end, None
    return 0, 0, ctx.document.title


@rule(
    code="NA501",
    name="headline-noise",
    category="structure",
    severity="warning",
    summary="Flags headline noise: emoji, trailing counters ('(3)', '| 12'), all capitals, '!!', clickbait phrases.",
    why="A headline states the news. Emoji, counters and teasers read as a feed, not a newsroom, and are the "
    "marks readers and platforms associate with low-quality copy.",
    example="SHOCKING: you won't believe what the council did \U0001f631 (3)\n\nThe council voted to close two "
    "libraries.",
    instead="Council votes to close two libraries\n\nThe council voted to close two libraries.",
)
def headline_noise(ctx: Context) -> Iterator[Hit]:
    start, end, outside = _headline_span(ctx)
    headline = outside if outside is not None else ctx.text[start:end]
    if not headline.strip():
        return

    def span(match_start: int, match_end: int) -> tuple[int, int, str | None]:
        if outside is not None:
            return 0, 0, headline[match_start:match_end]
        return start + match_start, start + match_end, None

    for match in EMOJI.finditer(headline):
        s, e, excerpt = span(match.start(), match.end())
        yield Hit(s, e, "Emoji in the headline.", "Remove it; state the news in words.", excerpt)
    counter = TRAILING_COUNTER.search(headline)
    if counter:
        s, e, excerpt = span(counter.start(), counter.end())
        yield Hit(
            s,
            e,
            f"Trailing counter '{counter.group().strip()}' in the headline.",
            "Remove it; counters belong to the page template, not the headline.",
            excerpt,
        )
    for match in SHOUTING.finditer(headline):
        s, e, excerpt = span(match.start(), match.end())
        yield Hit(s, e, "Repeated punctuation in the headline.", "Use at most one mark; prefer none.", excerpt)
    letters = [c for c in headline if c.isalpha()]
    if len(headline.split()) >= 4 and len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        s, e, excerpt = span(0, len(headline))
        yield Hit(s, e, "Headline in capital letters.", "Use sentence case.", excerpt)
    for match in CLICKBAIT.finditer(headline):
        s, e, excerpt = span(match.start(), match.end())
        yield Hit(
            s,
            e,
            f"Clickbait phrase '{match.group()}' in the headline.",
            "Say what happened instead of promising a reaction.",
            excerpt,
        )


def _long_enough(ctx: Context) -> bool:
    return len(ctx.body_sentences) >= MIN_SENTENCES_FOR_STRUCTURE


KICKER_MAX_WORDS = 12


def _first_body_block(ctx: Context):
    """The story's first paragraph: not a byline, a site name or kicker line, nor a standfirst before a dateline."""
    text = ctx.text
    candidates = [b for b in ctx.document.blocks if b.kind in ("paragraph", "list_item", "quote")][:4]
    story = [b for b in candidates if not _byline_or_kicker(text[b.start : b.end])]
    standfirst = len(story) > 1 and len(story[0].sentences) <= 1
    if standfirst and DATELINE.match(text, story[1].start, story[1].end):
        return story[1]  # a one-sentence standfirst above the dateline
    return story[0] if story else (candidates[0] if candidates else None)


def _byline_or_kicker(body: str) -> bool:
    """'By Mia Kerr', 'The Harbour Herald', 'Live updates': a short line that is no sentence."""
    stripped = body.strip()
    short = len(stripped.split()) <= KICKER_MAX_WORDS
    return short and (bool(BYLINE_TEXT.match(stripped)) or not stripped.endswith((".", "!", "?", '"', "\u201d")))


@rule(
    code="NA502",
    name="missing-byline",
    scope="article",
    category="structure",
    severity="info",
    summary="Flags a news story of eight or more sentences with no byline and no staff credit.",
    why="A byline says who is accountable for the story. Readers trust copy they can trace to a person.",
    example=examples.story(byline=False),
    instead=examples.story(),
)
def missing_byline(ctx: Context) -> Iterator[Hit]:
    if not _long_enough(ctx) or ctx.document.meta.get("byline"):
        return
    blocks = ctx.document.blocks
    if any(b.kind == "byline" for b in blocks) or any(c.kind in ("staff", "wire") for c in ctx.credits):
        return
    if any(
        BYLINE_TEXT.match(ctx.text, b.start, b.end) and len(ctx.text[b.start : b.end].split()) <= 12 for b in blocks[:6]
    ):
        return
    start, end, excerpt = _headline_span(ctx)
    yield Hit(start, end, "No byline or staff credit.", "Add the reporter's name or a staff credit.", excerpt)


@rule(
    code="NA503",
    name="missing-dateline",
    scope="article",
    category="structure",
    severity="info",
    summary="Flags a news story of eight or more sentences whose first paragraph has no dateline ('TOKYO -').",
    why="A dateline says where the reporting was done, which tells readers whether the reporter was there.",
    example=examples.story(dateline=False),
    instead=examples.story(),
)
def missing_dateline(ctx: Context) -> Iterator[Hit]:
    if not _long_enough(ctx) or ctx.document.meta.get("dateline"):
        return
    first = _first_body_block(ctx)
    if first is None or DATELINE.match(ctx.text, first.start, first.end):
        return
    sentence = first.sentences[0] if first.sentences else None
    if sentence:
        yield Hit(
            sentence.start,
            sentence.end,
            "No dateline at the start of the story.",
            "Open with the place the story was reported from ('LISBON -').",
        )


@rule(
    code="NA504",
    name="missing-credit",
    scope="article",
    category="structure",
    severity="warning",
    summary="Flags stories that rely on an agency's reporting ('told Reuters', 'AP reported') with no credit line.",
    why="If the reporting was an agency's, readers and the agency are owed a credit; copy that hides it passes "
    "someone else's work, and their verification, off as the newsroom's.",
    example="'... the minister told Reuters on Tuesday.' in a story with no agency credit.",
    instead="Credit it: '(Reporting by Reuters; additional reporting by our staff.)' or link to the original.",
)
def missing_credit(ctx: Context) -> Iterator[Hit]:
    if ctx.credits:
        return
    wires = {name for name, kind in outlet_names(tuple(ctx.config.wire_services)).items() if kind == "wire"}
    if not _may_name_a_wire(ctx, wires):
        return
    pattern = _wire_use_pattern(tuple(sorted(wires, key=len, reverse=True)))
    match = pattern.search(ctx.text)
    if match and not ctx.in_quote(match.start(), match.end()):
        yield Hit(
            match.start(),
            match.end(),
            f"The story relies on agency reporting ('{match.group()}') but has no credit line.",
            "Add a credit line naming the agency, and link the original if you have it.",
        )


def _may_name_a_wire(ctx: Context, wires: set[str]) -> bool:
    """Whether the text has every word of an agency's name as `_wire_use_pattern` spells it (a long name in any
    case, a short one in capitals): without them the pattern cannot match, and a few substring tests cost far
    less than running it over the whole text (on BBC articles four in five have no agency's words)."""
    caseless = ctx.caseless_text
    if caseless is None:
        return True
    return any(all(word in caseless for word in w.split(" ")) if len(w) > 3 else w.upper() in ctx.text for w in wires)


_wire_patterns: dict[tuple[str, ...], re.Pattern[str]] = {}


def _wire_use_pattern(wires: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _wire_patterns.get(wires)
    if pattern is None:
        # Lexicon entries are lower case: long names match in any case, short ones ("AP") only in capitals.
        names = "|".join(
            "(?i:" + re.escape(w).replace(r"\ ", r"\s+") + ")" if len(w) > 3 else re.escape(w.upper()) for w in wires
        )
        pattern = re.compile(
            r"\b(?:told|according\s+to|cited\s+by|quoted\s+by|said\s+to|reported\s+by)\s+(?:the\s+)?(?:"
            + names
            + r")\b"
            r"|\b(?:" + names + r")\s+(?:reported|said|reports|has\s+reported|news\s+agency\s+reported)\b"
        )
        _wire_patterns[wires] = pattern
    return pattern


@rule(
    code="NA505",
    name="ambiguous-genre-label",
    category="structure",
    severity="warning",
    summary="Flags genre labels that do not tell the reader what the piece is ('Indep. Analysis', an 'Analysis' "
    "label on a rewrite of someone else's reporting).",
    why="Readers judge a piece by its genre: news reports, analysis interprets, opinion argues. An abbreviated or "
    "mixed label ('Indep. Analysis based on open media') blurs news, analysis and aggregation.",
    example="Indep. Analysis based on open media from Reuters",
    instead="Use one plain label the site defines ('Analysis', 'Opinion', 'News') and a separate, linked credit.",
)
def ambiguous_genre_label(ctx: Context) -> Iterator[Hit]:
    blocks = ctx.document.blocks
    derived_starts = {b.start for c in ctx.credits if c.kind == "derived" and (b := ctx.document.block_at(c.start))}
    candidates = blocks[:4] + [b for b in blocks[4:] if b.kind == "credit" or b.start in derived_starts]
    for block in candidates:
        match = GENRE_LABEL.match(ctx.text, block.start, block.end)
        if not match:
            continue
        qualifier = (match.group("qualifier") or "").lower()
        reason = ""
        if qualifier in ("indep.", "independent"):
            reason = f"'{match.group('label')}' does not say independent of whom or what kind of piece this is"
        elif block.start in derived_starts:
            reason = f"'{match.group('label')}' labels a rewrite of someone else's reporting"
        if reason:
            yield Hit(
                match.start("label"),
                match.end("label"),
                f"Ambiguous genre label: {reason}.",
                "Use one plain genre label the site defines, and a separate, linked credit line.",
            )
            return
