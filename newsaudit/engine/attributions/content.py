"""What was said: the quotation next to a source and cue, or else the reported clause."""

from __future__ import annotations

import re

from ..document import Sentence
from ..quotes import Quote, overlapping
from ..tokens import Token
from .model import CueMatch, Span, TokenRange
from .phrases import np_after
from .vocabulary import OPENING_SUBORDINATORS, TELL_VERBS

_GLUE = re.compile(r"[\s,:;\u2014\u2013-]*(?:that)?[\s,:\u2014\u2013-]*")


def adjacent_quote(text: str, quotes: list[Quote], source: Span, cue: Span, sentence: Sentence) -> Quote | None:
    """A quotation that ends just before the source and cue, or else one that opens just after them."""
    left = min(source.start, cue.start)
    right = max(source.end, cue.end)
    after = None
    # also a quotation closing up to two characters before the sentence, or opening right at its end
    for quote in overlapping(quotes, sentence.start - 3, sentence.end + 1):
        if quote.end <= left and _is_glue(text[quote.end : left]):
            return quote
        if after is None and quote.start >= right and _is_glue(text[right : quote.start]):
            after = quote
    return after


def _is_glue(between: str) -> bool:
    return len(between) <= 12 and bool(_GLUE.fullmatch(between))


def reported_clause(tokens: list[Token], source: TokenRange, cue: CueMatch) -> Span | None:
    """The clause a cue reports when no quotation is next to it: after the cue (and its recipient: 'told
    reporters that ...'), or, for an inverted cue or one at the end, the words before the source."""
    s, e = source
    cue_first, cue_last, inverted = cue.first, cue.last, cue.inverted
    after = max(e, cue_last) + 1
    if tokens[cue_last].lower in TELL_VERBS and not inverted:
        recipient = np_after(tokens, after)
        if recipient:
            after = recipient[1] + 1
    while after < len(tokens) and tokens[after].text in (",", ":", "that"):
        after += 1
    last = len(tokens) - 1
    if (
        not inverted
        and tokens[0].lower in OPENING_SUBORDINATORS
        and not any(t.text == "," for t in tokens[1 : min(s, cue_first)])
    ):
        # "Since she knows the port, she ...": the report ends with the clause the subordinator opened
        last = next((k - 1 for k in range(after, len(tokens)) if tokens[k].text == ","), last)
    while last >= 0 and not tokens[last].is_word and not tokens[last].text[:1].isdigit():
        last -= 1
    if not inverted and after <= last:
        return Span(tokens[after].start, tokens[last].end)
    before_end = min(s, cue_first) - 1
    while before_end >= 0 and not (tokens[before_end].is_word or tokens[before_end].text[:1].isdigit()):
        before_end -= 1
    if before_end >= 0:
        return Span(tokens[0].start, tokens[before_end].end)
    if after <= last:
        return Span(tokens[after].start, tokens[last].end)
    return None
