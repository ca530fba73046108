"""NA3xx readability: a text harder than the newsroom's target, sentences and paragraphs that are too long."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..lexicons import load_lexicon
from ..passive import find_passives
from ..wordmatch import WordMatcher
from . import examples
from .registry import Hit, rule
from .subjectivity import in_speech

MIN_WORDS_FOR_GRADE = 100  # textstat grades are noise on a few sentences
NOMINALISATIONS = WordMatcher(load_lexicon("nominalisations"))
# Openings that say nothing about the sentence: repeating them is normal and not flagged.
NEUTRAL_OPENERS = frozenset("the a an".split())


# Passives of saying and believing hide a source, not just an actor: the sourcing rules speak to them.
SOURCING_PASSIVES = frozenset(
    "said believed thought understood expected reported rumoured rumored alleged considered regarded seen known "
    "claimed estimated suggested feared".split()
)


@rule(
    code="NA301",
    name="reading-grade",
    scope="article",
    category="readability",
    severity="info",
    summary="Flags an article whose Flesch-Kincaid grade is above the site's target grade (config `target_grade`, "
    "default 10), with the textstat figures and the reading time.",
    why="News is read fast and by everyone. Most newsrooms aim for grade 8 to 10; every grade above loses readers.",
    example=examples.HARD_TO_READ,
    instead=examples.EASY_TO_READ,
)
def reading_grade(ctx: Context) -> Iterator[Hit]:
    figures = ctx.readability
    grade = float(figures["flesch_kincaid_grade"])
    if int(figures["words"]) < MIN_WORDS_FOR_GRADE or grade <= ctx.config.target_grade:
        return
    body = ctx.body_sentences
    minutes, seconds = divmod(int(figures["reading_time_seconds"]), 60)
    yield Hit(
        body[0].start,
        body[-1].end,
        f"Reading grade {grade:.1f} is above the site's target of {ctx.config.target_grade:g} "
        f"(Flesch reading ease {figures['flesch_reading_ease']}, Gunning fog {figures['gunning_fog']}, "
        f"SMOG {figures['smog_index']}; {figures['words']} words, {figures['sentences']} sentences, "
        f"about {minutes} min {seconds:02d} s to read).",
        "Shorten the longest sentences first (see NA302) and prefer common words.",
    )


@rule(
    code="NA302",
    name="long-sentence",
    category="readability",
    severity="warning",
    summary="Flags sentences longer than the configured limit (default 40 words), one by one.",
    why="Comprehension drops sharply past 30-40 words: readers lose the subject before they reach the verb.",
    example=examples.LONG_SENTENCE,
    instead=examples.SPLIT_SENTENCES,
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
    example=examples.LONG_PARAGRAPH,
    instead=examples.SHORT_PARAGRAPHS,
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


@rule(
    code="NA304",
    name="passive-voice",
    category="readability",
    severity="info",
    summary="Flags passive verbs that hide the actor ('the budget was approved', 'residents were not told').",
    why="The passive hides who acted ('mistakes were made') and makes sentences longer. News is clearest when the "
    "subject does the verb. Participles used as adjectives ('is interested', 'was tired') are not flagged.",
    example="The budget was approved on Tuesday.",
    instead="The council approved the budget on Tuesday.",
)
def passive_voice(ctx: Context) -> Iterator[Hit]:
    blocks = ctx.document.blocks
    for sentence in ctx.body_sentences:
        if blocks[sentence.block].kind in ("heading", "caption", "quote"):
            continue
        for passive in find_passives(ctx.tokens(sentence)):
            if passive.has_agent or ctx.in_quote(passive.start, passive.end):
                continue  # "approved by the council" names the actor; flag only passives that hide it
            verb = ctx.text[passive.start : passive.end]
            if verb.split()[-1].lower() in SOURCING_PASSIVES:
                continue  # "is said", "is believed": a sourcing question, which NA201 and NA204 put to the editor
            yield Hit(
                passive.start,
                passive.end,
                f"Passive voice: '{verb}' does not say who acted.",
                "Name the actor and make it the subject: 'the council approved the budget', "
                "not 'the budget was approved'.",
            )
            break  # one per sentence is enough to prompt a rewrite


@rule(
    code="NA305",
    name="nominalisation",
    category="readability",
    severity="info",
    summary="Flags a light verb with an action noun where one verb would do ('made a decision', 'conduct an "
    "investigation').",
    why="Turning verbs into nouns adds words and drains sentences of action; readers process verbs faster.",
    example="The committee made a decision to conduct an investigation.",
    instead="The committee decided to investigate.",
)
def nominalisation(ctx: Context) -> Iterator[Hit]:
    blocks = ctx.document.blocks
    text = ctx.text
    for index, block in enumerate(blocks):
        if block.kind in ("byline", "credit", "quote", "headline"):
            continue
        for match in NOMINALISATIONS.finditer(text, block.start, block.end, ctx.block_words(index)):
            if ctx.in_quote(match.start, match.end):
                continue
            phrase = text[match.start : match.end]
            yield Hit(
                match.start,
                match.end,
                f"Nominalisation: '{phrase}' buries the action in a noun.",
                f"Use the verb: '{match.entry.alternative}'.",
            )


@rule(
    code="NA306",
    name="repeated-opening",
    category="readability",
    severity="info",
    summary="Flags consecutive sentences that open alike: the same first two words twice in a row, or the same "
    "first word three times in a row.",
    why="Sentences that all start the same way read as a list and bury what is new in each; editors vary openings "
    "to keep the reader moving.",
    example="He said the plan was late. He said the cost had doubled. He said it would be cancelled.",
    instead="He said the plan was late. The cost had doubled, and the project would be cancelled, he added.",
)
def repeated_opening(ctx: Context) -> Iterator[Hit]:
    blocks = ctx.document.blocks
    run: list[tuple[int, int, tuple[str, ...]]] = []  # (start, end of opening, first two words) per sentence
    for sentence in ctx.body_sentences:
        if blocks[sentence.block].kind in ("heading", "caption", "list_item"):
            run = []
            continue
        words = [t for t in ctx.tokens(sentence) if t.is_word][:2]
        if not words:
            run = []
            continue
        if ctx.in_quote(words[0].start, words[0].end) or in_speech(
            ctx, sentence.block, words[0].start, attributed=False
        ):
            run = []
            continue  # a speaker's sentences: their rhythm is theirs
        opening = tuple(t.lower for t in words)
        current = (words[0].start, words[-1].end, opening)
        previous = run[-1] if run else None
        if previous and len(opening) == 2 and previous[2] == opening:
            yield Hit(
                current[0],
                current[1],
                f"Repeated opening: two sentences in a row start with '{ctx.text[current[0] : current[1]]}'.",
                "Vary the opening: lead with what is new, or merge the two sentences.",
            )
            run = [current]
            continue
        if previous and previous[2][0] == opening[0] and opening[0] not in NEUTRAL_OPENERS:
            run.append(current)
            if len(run) == 3:
                yield Hit(
                    current[0],
                    words[0].end,
                    f"Repeated opening: three sentences in a row start with '{words[0].text}'.",
                    "Vary the opening: lead with what is new, or merge two of the sentences.",
                )
                run = [current]
        else:
            run = [current]
