"""NA407 opinion-as-fact: sentences that state a judgement in the outlet's own voice.

Three kinds of cue, from `lexicons/subjective.tsv`: certainty phrases that put a judgement beyond dispute
("there is no doubt", "the truth is"), verdict words used as the predicate of "be/seem/remain" ("the plan is
unfair"), and the first-person plural ("we", "our") with which an outlet speaks for its readers. A question
asked in the outlet's own voice is a fourth cue: a rhetorical question implies its answer.

As for every NA4xx rule, words inside quotations or reported speech are the speaker's and never flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from ..context import Context
from ..lexicons import load_lexicon
from ..phrases import PhraseMatch
from ..wordmatch import WordMatcher
from .bias import guarded, in_proper_name, is_title_case_block
from .registry import Hit, rule

SUBJECTIVE = WordMatcher(load_lexicon("subjective"))
# A form of "be", "seem" or "remain", then at most three determiners or adverbs, right before a verdict word.
_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|seems?|seemed|remains?|remained|'s|'re)\s+"
    r"(?:(?:a|an|so|very|truly|deeply|simply|just|utterly|completely|totally|plainly|fundamentally|both|also|"
    r"not|only|nothing|but|short|of|more|most|rather|quite|clearly|obviously|little|than|another|such)\s+){0,3}$",
    re.I,
)
# "was found to be unfair", "is considered dangerous": somebody else's verdict, reported.
_REPORTED_VERDICT = re.compile(
    r"\b(?:found|ruled|deemed|considered|judged|declared|called|described|seen|viewed|regarded|branded|labell?ed)"
    r"\s+(?:to\s+be\s+|as\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_MIN_QUESTION_WORDS = 6  # "What happens next?" is a signpost, not a rhetorical question
SKIP_BLOCKS = ("byline", "credit", "quote", "heading", "caption")


def _cues(ctx: Context) -> Iterator[tuple[PhraseMatch, str]]:
    text = ctx.text
    for index, block in enumerate(ctx.document.blocks):
        if block.kind in SKIP_BLOCKS:
            continue
        for match in SUBJECTIVE.finditer(text, block.start, block.end, ctx.block_words(index)):
            if ctx.in_quote(match.start, match.end) or ctx.in_attributed_content(match.start, match.end):
                continue
            if guarded(text, match, block.start):
                continue
            word = text[match.start : match.end]
            kind = match.entry.category
            if kind == "voice" and word.isupper() and len(word) > 1:
                continue  # "US" is a country
            if in_speech(ctx, index, match.start, attributed=kind == "voice"):
                continue
            if in_proper_name(text, match, block.start) and not is_title_case_block(ctx, index) and word[:2] != "I ":
                continue  # "Here We Go Again", "Our Lady of Lourdes"
            if kind == "evaluative":
                before = text[max(block.start, match.start - 60) : match.start]
                if not _PREDICATE.search(before) or _REPORTED_VERDICT.search(before):
                    continue
            yield match, kind


_QUOTE_MARKS = re.compile("[\"\u201c\u201d]|''")  # two apostrophes stand for a quotation mark in some copy


def in_speech(ctx: Context, index: int, offset: int, *, attributed: bool = True) -> bool:
    """Speech, not the outlet's voice: the paragraph opens with a quotation mark (a quotation continued from the
    paragraph before, the usual style for long quotes), a quotation is still open at the offset, or the sentence
    names a speaker.
    'We' and questions there are the speaker's, even when the quotation marks do not pair up."""
    text = ctx.text
    block = ctx.document.blocks[index]
    head = text[block.start : min(block.end, block.start + 3)].lstrip(" -\u2013")
    if head[:1] in ('"', "\u201c", "'", "\u2018"):
        return True
    if attributed and index in ctx.attributed_blocks:
        key = f"subjectivity.starts.{index}"
        starts = ctx.memo.get(key)
        if starts is None:
            starts = ctx.memo[key] = [x.start for x in block.sentences]
        at = bisect_right(starts, offset) - 1
        if at >= 0 and starts[at] in ctx.attributed_sentences:
            return True
    marks = ctx.memo.get("subjectivity.quote_marks")
    if marks is None:
        marks = ctx.memo["subjectivity.quote_marks"] = [m.start() for m in _QUOTE_MARKS.finditer(text)]
    return (bisect_left(marks, offset) - bisect_left(marks, block.start)) % 2 == 1


_MESSAGES = {
    "certainty": "Opinion stated as fact: '{word}' puts a judgement beyond dispute in the outlet's voice.",
    "evaluative": "Opinion stated as fact: '{word}' is a verdict delivered in the outlet's voice.",
    "voice": "Opinion stated as fact: '{word}' speaks for the reader in the outlet's voice.",
}


@rule(
    code="NA407",
    name="opinion-as-fact",
    category="bias",
    severity="info",
    summary="Flags sentences that state an opinion as fact in the outlet's voice: certainty phrases ('there is no "
    "doubt', 'the truth is'), verdicts ('the plan is unfair'), 'we' and 'our', and rhetorical questions.",
    why="A news report tells readers what happened and who thinks what. When the outlet itself settles a "
    "disputed question, speaks for 'us' or asks a question that implies its answer, the story becomes a column.",
    example="There is no doubt the new tax is unfair, and we all know who will pay for it.",
    instead="The tax would cost households earning under 20,000 pounds about 3% of their income, according to the "
    "Institute for Fiscal Studies; the Treasury says the figure ignores new credits.",
)
def opinion_as_fact(ctx: Context) -> Iterator[Hit]:
    for match, kind in _cues(ctx):
        word = ctx.text[match.start : match.end]
        hint = match.entry.alternative.strip("()")
        message = _MESSAGES[kind].format(word=word)
        yield Hit(match.start, match.end, message, hint[:1].upper() + hint[1:] + ".")
    yield from _rhetorical_questions(ctx)


def _rhetorical_questions(ctx: Context) -> Iterator[Hit]:
    text = ctx.text
    blocks = ctx.document.blocks
    for sentence in ctx.document.sentences():
        if blocks[sentence.block].kind in SKIP_BLOCKS:
            continue
        body = text[sentence.start : sentence.end].rstrip()
        if not body.endswith("?"):
            continue
        mark = sentence.start + len(body) - 1
        if ctx.in_quote(mark, mark + 1) or ctx.in_attributed_content(mark, mark + 1):
            continue
        if len(body.split()) < _MIN_QUESTION_WORDS or sentence.start in ctx.attributed_sentences:
            continue
        if in_speech(ctx, sentence.block, sentence.start) or body.lstrip()[:1] in "-\u2013\u2022":
            continue
        yield Hit(
            sentence.start,
            sentence.start + len(body),
            "Opinion stated as fact: a question in the outlet's voice implies its own answer.",
            "Put the question to a named source, or state what is known and what is not.",
        )
