"""NA3xx readability: a text harder than the newsroom's target, sentences and paragraphs that are too long."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from .registry import Hit, rule

MIN_WORDS_FOR_GRADE = 100  # textstat grades are noise on a few sentences


@rule(
    code="NA301",
    name="reading-grade",
    category="readability",
    severity="info",
    summary="Flags an article whose Flesch-Kincaid grade is above the newsroom's target grade (default 10).",
    why="News is read fast and by everyone. Most newsrooms aim for grade 8 to 10; every grade above loses readers.",
    example="An article at grade 15.2 with a target of 10.",
    instead="Split long sentences, prefer short common words, and move detail into its own paragraph.",
)
def reading_grade(ctx: Context) -> Iterator[Hit]:
    figures = ctx.readability
    grade = float(figures["flesch_kincaid_grade"])
    if int(figures["words"]) < MIN_WORDS_FOR_GRADE or grade <= ctx.config.target_grade:
        return
    body = ctx.body_sentences
    yield Hit(
        body[0].start,
        body[-1].end,
        f"Reading grade {grade:.1f} is above the target of {ctx.config.target_grade:g} "
        f"(Flesch reading ease {figures['flesch_reading_ease']}).",
        "Shorten the longest sentences first (see NA302) and prefer common words.",
    )


@rule(
    code="NA302",
    name="long-sentence",
    category="readability",
    severity="warning",
    summary="Flags sentences longer than the configured limit (default 40 words), one by one.",
    why="Comprehension drops sharply past 30-40 words: readers lose the subject before they reach the verb.",
    example="A 55-word sentence that packs a decision, its history, two reactions and a figure.",
    instead="Split it: one idea per sentence, the most important first.",
)
def long_sentence(ctx: Context) -> Iterator[Hit]:
    limit = ctx.config.max_sentence_words
    for sentence in ctx.body_sentences:
        words = ctx.sentence_words[sentence.start]
        if words > limit:
            yield Hit(
                sentence.start,
                sentence.end,
                f"Sentence of {words} words (limit {limit}).",
                "Split it into two or three sentences, one idea each.",
            )


@rule(
    code="NA303",
    name="long-paragraph",
    category="readability",
    severity="info",
    summary="Flags paragraphs longer than the configured limit (default 120 words).",
    why="Long paragraphs are walls of text on a phone screen; readers skip them.",
    example="A 180-word paragraph mixing background and new facts.",
    instead="Break it where the topic shifts; news paragraphs are usually one to three sentences.",
)
def long_paragraph(ctx: Context) -> Iterator[Hit]:
    limit = ctx.config.max_paragraph_words
    by_block: dict[int, int] = {}
    for sentence in ctx.body_sentences:
        by_block[sentence.block] = by_block.get(sentence.block, 0) + ctx.sentence_words[sentence.start]
    for index, words in by_block.items():
        block = ctx.document.blocks[index]
        if words > limit and block.kind in ("paragraph", "quote", "list_item"):
            yield Hit(
                block.start,
                block.end,
                f"Paragraph of {words} words (limit {limit}).",
                "Break it where the topic shifts.",
            )
