"""NA1xx attribution: credit lines, quotations without a speaker, judgement-laden speech verbs, thin sourcing."""

from __future__ import annotations

from collections.abc import Iterator

from ..attributions import SPEECH_VERBS, Attribution, case_evidence, names_someone
from ..context import Context
from . import examples
from .registry import Hit, rule

MIN_QUOTE_WORDS = 5  # shorter quotations are terms or scare quotes (NA405)
MIN_SENTENCES_FOR_SOURCE_COUNT = 8


@rule(
    code="NA101",
    name="vague-derived-credit",
    category="attribution",
    severity="warning",
    summary="Flags credit lines that say the story is based on someone else's reporting without naming or "
    "linking it ('Indep. Analysis based on open media from Reuters').",
    why="A rewrite owes its reader the original: which report, by whom, and a link. 'Based on open media' hides "
    "which facts were checked by the newsroom and which were taken on trust.",
    example="Indep. Analysis based on open media fromReuters.",
    instead="This article is based on reporting by Reuters (https://www.reuters.com/world/harbour-talks), with "
    "additional reporting by our staff.",
)
def vague_derived_credit(ctx: Context) -> Iterator[Hit]:
    for credit in ctx.credits:
        if credit.kind != "derived" or credit.linked:
            continue
        named = ", ".join(credit.outlets) if credit.outlets else "no named outlet"
        yield Hit(
            credit.start,
            credit.end,
            f"Derivative credit without a link to the original ({named}).",
            "Name the original report and link to it; say what the newsroom added or checked.",
        )


@rule(
    code="NA102",
    name="unattributed-quote",
    category="attribution",
    severity="warning",
    summary="Flags direct quotations with no speaker in the sentence, the paragraph or the paragraph before.",
    why="A quotation with no speaker is an assertion in quotation marks. The reader needs to know who said it to "
    "weigh it.",
    example='"The project will be finished on time and on budget."',
    instead="'\"The project will be finished on time and on budget,\" said Lena Ortiz, the council's chief engineer.'",
)
def unattributed_quote(ctx: Context) -> Iterator[Hit]:
    attributed_quotes = {a.quote.start for a in ctx.attributions if a.quote}
    blocks = ctx.document.blocks
    for quote in ctx.quotes:
        if quote.start in attributed_quotes:
            continue
        inner = ctx.text[quote.inner[0] : quote.inner[1]]
        if len(inner.split()) < MIN_QUOTE_WORDS:
            continue
        nearby = {quote.block, quote.block - 1, quote.block + 1}
        if nearby & ctx.attributed_blocks or blocks[quote.block].kind in ("headline", "heading"):
            continue
        yield Hit(
            quote.start,
            quote.end,
            "Quotation without a speaker.",
            "Say who said it, in the same sentence or paragraph ('..., said NAME, ROLE').",
        )


@rule(
    code="NA103",
    name="loaded-speech-verb",
    category="attribution",
    severity="warning",
    summary="Flags speech verbs that judge the speaker or the claim ('claimed', 'admitted', 'insisted').",
    why="'Said' is neutral. 'Claimed' hints the statement is false, 'admitted' that it was a confession, 'insisted' "
    "that it was stubborn. Use them only when that judgement is itself reported fact.",
    example="The mayor claimed the budget was balanced.",
    instead="The mayor said the budget was balanced.",
)
def loaded_speech_verb(ctx: Context) -> Iterator[Hit]:
    for item in ctx.attributions:
        if item.cue_category != "loaded" or ctx.in_quote(item.cue.start, item.cue.end):
            continue
        verb = ctx.text[item.cue.start : item.cue.end]
        neutral = SPEECH_VERBS[verb.lower()].alternative or "said"
        yield Hit(
            item.cue.start,
            item.cue.end,
            f"Judgement-laden speech verb '{verb}'.",
            f"Use the neutral '{neutral}' unless the judgement is itself reported fact.",
        )


def named_speakers(ctx: Context) -> list[Attribution]:
    """The attributions of named sources that speak, as the source summary counts them: not a description ('the
    council', 'its general manager'), not a place, not a source seen only doing something."""
    cached = ctx.memo.get("attribution.named_speakers")
    if cached is None:
        evidence = case_evidence(ctx.text)
        cached = ctx.memo["attribution.named_speakers"] = [
            a for a in ctx.attributions if a.speaks and a.name and not a.anonymous and names_someone(a.name, evidence)
        ]
    return cached


@rule(
    code="NA104",
    name="single-source",
    scope="article",
    category="attribution",
    severity="info",
    summary="Flags stories of eight or more sentences that quote or cite only one named source.",
    why="A story with one source tells one side of it. Newsroom standards ask for a second, independent source "
    "for any claim that is not established fact, and for the other side of a dispute.",
    example=examples.ONE_SOURCE,
    instead=examples.story(),
)
def single_source(ctx: Context) -> Iterator[Hit]:
    if len(ctx.body_sentences) < MIN_SENTENCES_FOR_SOURCE_COUNT:
        return
    sources = named_speakers(ctx)
    surnames = {n.split()[-1] for n in {a.name.lower() for a in sources} if n.split()}
    if len(surnames) == 1:
        first = sources[0]
        yield Hit(
            first.source.start,
            first.source.end,
            f"Single-source story: '{first.name}' is the only named source.",
            "Add an independent source, and the other side of any dispute.",
        )


@rule(
    code="NA105",
    name="no-named-source",
    scope="article",
    category="attribution",
    severity="info",
    summary="Flags stories of eight or more sentences with claims but no named source at all.",
    why="Readers weigh a story by its sources. A news story with none asks to be taken on the writer's word.",
    example=examples.UNNAMED_SOURCES,
    instead=examples.story(),
)
def no_named_source(ctx: Context) -> Iterator[Hit]:
    if len(ctx.body_sentences) < MIN_SENTENCES_FOR_SOURCE_COUNT or ctx.wire_credited:
        return
    if named_speakers(ctx) or ctx.linked_blocks:
        return
    first = ctx.body_sentences[0]
    yield Hit(
        first.start,
        first.end,
        "No named source in the whole story.",
        "Name the people and documents the story relies on.",
    )
