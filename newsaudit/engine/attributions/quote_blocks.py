"""A quote block that names its speaker after a dash: 'We will not flood again. — Tom Okafor'.

A line of a paragraph may do the same: '“We will not flood again.” ― Tom Okafor', a quotation that
opens the line, a dash and a name that ends it (readers' comments, vox pops).

Pull quotes and block quotes carry their speaker in a line of their own, not with a speech verb: CMS quote blocks
(a text and an author, read as one quote "text — author") and `<blockquote>` paragraphs that end in "— Name", or
whose last paragraph is only "— Name". The text before the dash is the quotation, the dash is the cue, the phrase
after it is the source. Only blocks of kind `quote`, and only a short phrase that opens with a capital or a
determiner ("— a harbour pilot").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..document import Block, Document, Sentence
from ..tokens import Token, tokenize
from .classify import classify
from .model import Attribution, Span
from .vocabulary import DASHES, DETERMINERS, DOUBLE_CLOSERS, DOUBLE_OPENERS

MAX_SPEAKER_TOKENS = 12
MAX_LINE_SPEAKER_TOKENS = 6


def quote_block_speakers(
    document: Document, tokens_of: Callable[[Sentence], list[Token]] | None = None
) -> Iterator[Attribution]:
    """One attribution for each quote block that ends in a dash and its speaker, and for each line that does."""
    previous: Block | None = None
    for block in document.blocks:
        if block.kind == "quote" and block.sentences:
            found = _speaker_line(document, block, previous, tokens_of)
            if found is not None:
                yield found
        elif block.kind == "paragraph":
            for sentence in block.sentences:
                if not _has_dash(document.text, sentence):
                    continue  # a quoted line names its speaker after a dash: without one, no token walk
                tokens = tokens_of(sentence) if tokens_of else tokenize(document.text, sentence.start, sentence.end)
                yield from _quoted_lines(document.text, block, sentence, tokens)
        previous = block


def _quoted_lines(text: str, block: Block, sentence: Sentence, tokens: list[Token]) -> Iterator[Attribution]:
    """Each '“...” ― Name' in a sentence: a closing quotation mark, a dash, a speaker that ends
    its line, and an opening quotation mark at the start of that line."""
    for dash in range(1, len(tokens) - 1):
        if tokens[dash].text not in DASHES or tokens[dash - 1].text not in DOUBLE_CLOSERS:
            continue
        end = next((k for k in range(dash + 1, len(tokens)) if _speaker_ends_after(text, tokens, k)), None)
        if end is None or end - dash > MAX_LINE_SPEAKER_TOKENS or not _speaker_phrase(tokens[dash + 1 : end + 1]):
            continue
        line_start = max(block.start, text.rfind("\n", block.start, tokens[dash].start) + 1)
        opening = text[line_start : line_start + 1]
        if opening not in DOUBLE_OPENERS and opening != "\u201d":
            continue  # a line may open with a closing mark typed for an opening one
        kind, anonymous = classify(tokens, dash + 1, end)
        opened = text.rfind(LEFT_QUOTE, line_start, tokens[dash - 1].start)  # the last of a line's run of quotes
        content = Span(max(line_start, opened) + 1, tokens[dash - 1].start)
        source = Span(tokens[dash + 1].start, tokens[end].end)
        cue = Span(tokens[dash].start, tokens[dash].end)
        yield Attribution(source, cue, content, True, anonymous, kind, "neutral", sentence)


def _has_dash(text: str, sentence: Sentence) -> bool:
    piece = text[sentence.start : sentence.end]
    return any(dash in piece for dash in DASHES)


LEFT_QUOTE = "\u201c"


def _speaker_ends_after(text: str, tokens: list[Token], k: int) -> bool:
    """Token `k` is the last of its line (a line break or the end of the sentence follows) or the next quotation
    of a run of them on one line opens after it ('"..." - Ana Ruiz "..." - Ida Holm', curly marks only)."""
    if k + 1 >= len(tokens):
        return True
    return "\n" in text[tokens[k].end : tokens[k + 1].start] or tokens[k + 1].text == LEFT_QUOTE


def _speaker_line(
    document: Document, block: Block, previous: Block | None, tokens_of: Callable[[Sentence], list[Token]] | None
) -> Attribution | None:
    sentence = block.sentences[-1]
    tokens = tokens_of(sentence) if tokens_of else tokenize(document.text, sentence.start, sentence.end)
    start = max(0, len(tokens) - MAX_SPEAKER_TOKENS - 1)
    dash = next((k for k in range(len(tokens) - 2, start - 1, -1) if tokens[k].text in DASHES), None)
    if dash is None:
        return None
    quoted = block
    if dash == 0 and sentence is block.sentences[0]:  # the block is only "— Name": it speaks the quote before it
        if previous is None or previous.kind != "quote":
            return None
        quoted = previous
    speaker = tokens[dash + 1 :]
    if not _speaker_phrase(speaker):
        return None
    last = len(tokens) - 1 if tokens[-1].is_word else len(tokens) - 2
    kind, anonymous = classify(tokens, dash + 1, last)
    content_end = tokens[dash].start if quoted is block else quoted.end
    content = Span(quoted.start, _trimmed_end(document.text, quoted.start, content_end))
    cue = Span(tokens[dash].start, tokens[dash].end)
    source = Span(speaker[0].start, tokens[last].end)
    return Attribution(source, cue, content, True, anonymous, kind, "neutral", sentence)


def _speaker_phrase(tokens: list[Token]) -> bool:
    """A name or a described person: words, opening with a capital or a determiner, no clause of its own."""
    words = [t for t in tokens if t.is_word]
    if not words or not (words[0].is_capitalised or words[0].lower in DETERMINERS):
        return False
    return all(t.is_word or t.text in (",", "'", "\u2019", "-", ".") for t in tokens) and tokens[-1].text != ","


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
