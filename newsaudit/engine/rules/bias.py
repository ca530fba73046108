"""NA4xx bias: loaded words, contentious labels, puffery, editorialising and scare quotes in the outlet's voice.

Words inside direct quotations or reported speech belong to the speaker, not the outlet, and are never flagged;
nor are words inside proper names ("Revolutionary Guards") or where the next word gives them a neutral sense.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..context import Context
from ..lexicons import LexiconEntry, load_lexicon, load_words
from ..lexicons.packaged import pattern_sentiment, pattern_tags
from ..phrases import PhraseMatch
from ..wordmatch import WordMatcher
from .registry import Hit, rule

# The next word is joined by spaces or one hyphen ("blast-radius"); a spaced dash (" - ") ends the clause.
_NEXT_WORD = re.compile(r"(?:\s+|-)?([A-Za-z]+)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)(?:\s+|-)?$")
SCARE_QUOTE_MAX_WORDS = 3
NAMING_WORDS = re.compile(
    r"\b(?:called|dubbed|named|titled|entitled|known as|the word|the term|the phrase|so-called|labelled|labeled|"
    r"nicknamed|branded|coined|slogan|motto|the words?|the terms?|"
    r"(?:terms?|words?|phrases?|slogans?|chants?|signs?|placards?|banners?|posters?|messages?|hashtags?)"
    r"\s+(?:such as|like|reading|saying|that read|which read))\W*$",
    re.I,
)
# Someone else's words introduced just before the quotation: "calling the bill 'a disgrace'", "derided as 'lawless'".
SPEAKER_CUES = re.compile(
    r"\b(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|derid(?:es|ed|ing)|referr(?:ed|ing) to|refers to|"
    r"characteri[sz](?:es|ed|ing)|declar(?:es|ed|ing)|insist(?:s|ed|ing)|vow(?:s|ed|ing)|promis(?:es|ed|ing)|"
    r"warn(?:s|ed|ing)|claim(?:s|ed|ing)|said|says|saying|wrote|writes|tweeted|posted|shouted|chanted|gasped|"
    r"report(?:s|ed|ing)?|estimat(?:es|ed|ing)|accus(?:es|ed|ing)|urg(?:es|ed|ing)|demand(?:s|ed|ing)|"
    r"self-identif(?:ies|ied|ying)|as)\b[^.!?;\u201c\u201d\"]{0,40}$",
    re.I,
)
# A quoted name of a programme, policy or slogan: "its 'America first' policy", "the 'risk adjustment' programme".
NAMED_THING_AFTER = re.compile(
    r"\W{0,3}(?:program(?:me)?s?|polic(?:y|ies)|maxim|slogans?|narratives?|campaigns?|plans?|schemes?|laws?|bills?|"
    r"rules?|movement|doctrine|strategy|initiative|agenda|label|tag|nickname|motto|mantra|principle|provision)\b",
    re.I,
)
# A definition follows the quoted term: a dash, a bracket, or "meaning".
DEFINITION_AFTER = re.compile(r"[\u201d\"']?\s*(?:[-\u2013\u2014(]|,?\s+(?:meaning|which means|or)\b)")
_matchers: dict[tuple, WordMatcher] = {}
LEXICON_CATEGORIES = ("loaded", "label", "puffery", "editorial", "intensifier")


def _matcher(ctx: Context) -> WordMatcher:
    extra = tuple(
        (lexicon, phrase, alternative)
        for lexicon, entries in sorted(ctx.config.lexicon.items())
        if lexicon in LEXICON_CATEGORIES
        for phrase, alternative in sorted(entries.items())
    )
    matcher = _matchers.get(extra)
    if matcher is None:
        entries = [*load_lexicon("bias"), *(LexiconEntry(p, c, a) for c, p, a in extra)]
        derived = [*derived_adverbs(entries, "loaded"), *derived_verb_forms(entries, "loaded")]
        matcher = _matchers[extra] = WordMatcher([*entries, *derived])
    return matcher


ADVERB_ADVICE = "(drop it; describe what was done)"


def adverb_of(adjective: str) -> str:
    """The -ly adverb of an adjective: 'brutal' -> 'brutally', 'clumsy' -> 'clumsily', 'horrible' -> 'horribly',
    'tragic' -> 'tragically'."""
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("y"):
        return adjective[:-1] + "ily"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def derived_adverbs(entries: list[LexiconEntry], category: str) -> list[LexiconEntry]:
    """An adverb made from a loaded adjective is loaded too ('brutal' -> 'brutally'). A form listed in the lexicon
    keeps its own entry (the matcher keeps the first entry for a phrase); a form never used matches nothing."""
    return [
        LexiconEntry(adverb_of(entry.phrase), category, ADVERB_ADVICE)
        for entry in entries
        if entry.category == category
        and len(entry.phrase) >= 5
        and entry.phrase.isalpha()
        and not entry.phrase.endswith("ly")
    ]


INFLECTED_TAGS = ("VBD", "VBN", "VBG", "VBZ")  # never the base form: "blast" and "plague" are nouns too
NOUN_TAGS = ("NN", "NNS")
VERB_SOURCE_TAGS = (
    "VB",
    "VBD",
    "VBN",
    "VBZ",
)  # not a listed -ing form: "chilling" is an adjective, "chilled" no verdict


def verb_stems(word: str) -> set[str]:
    """Possible stems of a verb form: 'slammed' -> slam, 'hates' -> hate, 'plaguing' -> plagu(e), 'bullied' ->
    bully. Over-generating is harmless: a stem only matters through forms the tagger lexicon knows."""
    stems = {word}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            stems |= {stem, stem + "e"}
            if stem[-1] == stem[-2]:
                stems.add(stem[:-1])
            if stem.endswith("i"):
                stems.add(stem[:-1] + "y")
    return stems


def inflections(stem: str) -> set[str]:
    forms = {stem + "s", stem + "es", stem + "ed", stem + "d", stem + "ing", stem + stem[-1] + "ed"}
    forms |= {stem + stem[-1] + "ing", stem[:-1] + "ing" if stem.endswith("e") else stem + "ing"}
    if stem.endswith("y"):
        forms |= {stem[:-1] + "ied", stem[:-1] + "ies"}
    return forms


def derived_verb_forms(entries: list[LexiconEntry], category: str) -> list[LexiconEntry]:
    """The other inflected forms of a loaded verb are loaded too ('slammed' -> 'slamming', 'destroyed' ->
    'destroying'), with the guards of every listed form it comes from and the advice of one: only forms the tagger lexicon TextBlob ships tags as an
    inflected verb, and never a form the lexicon lists itself."""
    tags = pattern_tags()
    listed = {entry.phrase for entry in entries}
    derived: dict[str, LexiconEntry] = {}
    for entry in entries:
        word = entry.phrase
        if entry.category != category or not word.isalpha() or tags.get(word) not in VERB_SOURCE_TAGS:
            continue
        stems = verb_stems(word)
        if any(tags.get(stem) in NOUN_TAGS for stem in stems):
            continue  # "blast", "sneer": a noun first, so "blasting" is a quarry's word before it is a verdict
        for stem in stems:
            for form in inflections(stem):
                if form in listed or tags.get(form) not in INFLECTED_TAGS:
                    continue
                known = derived.get(form)  # derived from two listed forms: both sets of guards hold
                guards = entry.guards | known.guards if known else entry.guards
                derived[form] = LexiconEntry(form, category, entry.alternative, guards)
    return sorted(derived.values(), key=lambda entry: entry.phrase)


def outlet_voice_matches(ctx: Context) -> list[PhraseMatch]:
    """Lexicon words in the outlet's own voice, found once per document and shared by the NA4xx rules."""
    cached = ctx.memo.get("bias.matches")
    if cached is None:
        cached = ctx.memo["bias.matches"] = list(_find_outlet_voice_matches(ctx))
    return cached


def _find_outlet_voice_matches(ctx: Context) -> Iterator[PhraseMatch]:
    return voice_matches(ctx, _matcher(ctx))


def voice_matches(ctx: Context, matcher: WordMatcher) -> Iterator[PhraseMatch]:
    """The matcher's phrases in the outlet's own voice: outside bylines, quotations, a source's reported words,
    proper names, and the senses its guard words rule out."""
    text = ctx.text
    for index, block in enumerate(ctx.document.blocks):
        if block.kind in ("byline", "credit", "quote"):
            continue
        for match in matcher.finditer(text, block.start, block.end, ctx.block_words(index)):
            if ctx.in_quote(match.start, match.end) or ctx.in_attributed_content(match.start, match.end):
                continue
            if guarded(text, match, block.start):
                continue
            if (
                in_proper_name(text, match, block.start)
                and not is_set_label(match)
                and not is_title_case_block(ctx, index)  # checked last: most matches are not capitalised
            ):
                continue
            yield match


def _outlet_voice_matches(ctx: Context, categories: tuple[str, ...]) -> Iterator[PhraseMatch]:
    return (m for m in outlet_voice_matches(ctx) if m.entry.category in categories)


TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_SHARE = 0.7


def is_title_case_block(ctx: Context, index: int) -> bool:
    """A paragraph in title case ('Top Six Awful Ideas the Senate Blocked'): most of its words are capitalised,
    so a capital letter says nothing about a name there. Memoised per block."""
    key = f"bias.title_case.{index}"
    cached = ctx.memo.get(key)
    if cached is None:
        text = ctx.text
        words = ctx.block_words(index)
        capitalised = sum(1 for start, _, _ in words if text[start].isupper())
        cached = ctx.memo[key] = len(words) >= TITLE_CASE_MIN_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)
    return bool(cached)


def is_set_label(match: PhraseMatch) -> bool:
    """A label of several words keeps its verdict when capitalised: "the Deep State", "the Loony Left"."""
    return match.entry.category == "label" and " " in match.entry.phrase


def in_proper_name(text: str, match: PhraseMatch, block_start: int) -> bool:
    word = text[match.start : match.end]
    if not word[:1].isupper():
        return False
    before = text[max(block_start, match.start - 3) : match.start].rstrip()
    at_sentence_start = match.start == block_start or before.endswith((".", "!", "?", ":", "\u201c", '"'))
    return not at_sentence_start


def guarded(text: str, match: PhraseMatch, block_start: int) -> bool:
    """True when a guard word gives the entry another, neutral sense.

    A plain guard is a next word ("blast radius"); a guard written "<word" is a previous word ("he woke").
    """
    guards = match.entry.guards
    if not guards:
        return False
    following = _NEXT_WORD.match(text, match.end, min(len(text), match.end + 40))
    if following and following.group(1).lower() in guards:
        return True
    preceding = _PREVIOUS_WORD.search(text, max(block_start, match.start - 40), match.start)
    return bool(preceding) and "<" + preceding.group(1).lower() in guards


def _hit(ctx: Context, match: PhraseMatch, kind: str) -> Hit:
    word = ctx.text[match.start : match.end]
    alternative = match.entry.alternative
    if alternative.startswith("("):
        hint = alternative.strip("()").capitalize() + "."
    else:
        hint = f"Use a neutral word: {alternative.replace(';', ' or')}."
    return Hit(match.start, match.end, f"{kind}: '{word}' takes sides in the outlet's own voice.", hint)


@rule(
    code="NA401",
    name="loaded-language",
    category="bias",
    severity="warning",
    summary="Flags emotive and loaded words used in the outlet's own voice ('slammed', 'disgraceful', 'regime').",
    why="News copy reports; it does not pass judgement. A loaded word tells readers what to think about a person "
    "or event before they have the facts, and readers on the other side stop trusting the rest.",
    example="The minister slammed the disastrous plan.",
    instead="The minister criticised the plan, which has cost 40 million pounds so far, according to the audit office.",
)
def loaded_language(ctx: Context) -> Iterator[Hit]:
    for match in _outlet_voice_matches(ctx, ("loaded",)):
        yield _hit(ctx, match, "Loaded word")


@rule(
    code="NA402",
    name="contentious-label",
    category="bias",
    severity="warning",
    summary="Flags labels that one side uses for the other ('illegals', 'regime', 'death tax', 'far-right').",
    why="Labels carry a verdict. Describing positions and actions lets readers judge; a label chosen by one side "
    "makes the story that side's.",
    example="The regime's hardliners blocked the death tax repeal.",
    instead="The government's ministers who oppose the deal blocked the repeal of the estate tax.",
)
def contentious_label(ctx: Context) -> Iterator[Hit]:
    for match in _outlet_voice_matches(ctx, ("label",)):
        yield _hit(ctx, match, "Contentious label")


@rule(
    code="NA403",
    name="puffery",
    category="bias",
    severity="info",
    summary="Flags promotional words ('world-class', 'iconic', 'groundbreaking') that praise without evidence.",
    why="Praise in the outlet's voice reads as advertising. The evidence (a ranking, an award, a figure) "
    "persuades better and can be checked.",
    example="The iconic, world-class stadium reopened on Saturday.",
    instead="The 60,000-seat stadium, which hosted the 2012 final, reopened on Saturday.",
)
def puffery(ctx: Context) -> Iterator[Hit]:
    for match in _outlet_voice_matches(ctx, ("puffery",)):
        yield _hit(ctx, match, "Puffery")


@rule(
    code="NA404",
    name="editorialising",
    category="bias",
    severity="warning",
    summary="Flags adverbs that pass judgement or tell the reader what to feel ('clearly', 'sadly', 'of course').",
    why="'Clearly' asserts what the story should show; 'sadly' tells readers how to feel. Both are the writer's "
    "opinion in a news story.",
    example="The plan is clearly unaffordable and, sadly, the council knows it.",
    instead="The plan would cost twice the council's annual budget, according to its own finance report.",
)
def editorialising(ctx: Context) -> Iterator[Hit]:
    for match in _outlet_voice_matches(ctx, ("editorial",)):
        yield _hit(ctx, match, "Editorialising")


@rule(
    code="NA406",
    name="intensifier",
    category="bias",
    severity="info",
    summary="Flags intensifiers ('extremely', 'hugely', 'utterly') that inflate without informing.",
    why="An intensifier asks the reader to take the size of something on trust. A figure shows it.",
    example="Turnout was extremely low.",
    instead="Turnout was 31%, the lowest since 1998, according to the electoral commission.",
)
def intensifier(ctx: Context) -> Iterator[Hit]:
    for match in _outlet_voice_matches(ctx, ("intensifier",)):
        yield _hit(ctx, match, "Intensifier")


# A word from the packaged subjectivity lexicon is an opinion in the outlet's voice when it is negative on average
# over its senses and subjective in every sense (measured on BABE dev, docs/evaluation.md).
SUBJECTIVE_POLARITY_MAX = -0.3
SUBJECTIVE_MIN_SUBJECTIVITY = 0.6


@cache
def subjective_matcher() -> WordMatcher:
    """Strongly subjective negative words of the packaged lexicon that our own lexicons (bias.tsv, subjective.tsv)
    do not already file under a rule of their own, less the adjectives news copy uses to describe
    (lexicons/descriptive.txt)."""
    ours = {entry.phrase for name in ("bias", "subjective") for entry in load_lexicon(name)}
    descriptive = load_words("descriptive")
    entries = [
        LexiconEntry(word, "subjective", "(describe what happened and let the reader judge)")
        for word, scores in sorted(pattern_sentiment().items())
        if scores.polarity <= SUBJECTIVE_POLARITY_MAX
        and scores.min_subjectivity >= SUBJECTIVE_MIN_SUBJECTIVITY
        and word not in ours
        and word not in descriptive
        and " " not in word
    ]
    ours |= {adverb_of(entry.phrase) for entry in load_lexicon("bias") if entry.category == "loaded"}
    adverbs = [entry for entry in derived_adverbs(entries, "subjective") if entry.phrase not in ours]
    return WordMatcher([*entries, *adverbs])


@rule(
    code="NA408",
    name="subjective-word",
    category="bias",
    severity="info",
    summary="Flags strongly subjective negative words ('ugly', 'needless', 'menacing') in the outlet's own "
    "voice, from the subjectivity lexicon TextBlob ships.",
    why="A word that is an opinion in every one of its senses is the writer's verdict. It belongs to a named "
    "source, in quotation marks, or it should give way to the fact that made the writer choose it.",
    example="The council put up an ugly and needless fence around the park on Monday.",
    instead="The council put up a two-metre fence around the park on Monday, at a cost of 40,000 pounds.",
)
def subjective_word(ctx: Context) -> Iterator[Hit]:
    for match in voice_matches(ctx, subjective_matcher()):
        word = ctx.text[match.start : match.end]
        yield Hit(
            match.start,
            match.end,
            f"Subjective word: '{word}' is an opinion in the outlet's own voice.",
            "Describe what happened and let the reader judge, or attribute the view to a named source.",
        )


LIST_GAP_MAX = 12  # ", and/or " at most: the gap is checked only when it is short
LIST_GAP = re.compile(r"\s*(?:,|;|/)?\s*(?:(?:and|or|and/or)\s+)?")
REFERS_BACK = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.I)


@rule(
    code="NA405",
    name="scare-quotes",
    category="bias",
    severity="info",
    summary="Flags a quoted word or short phrase with no speaker: quotation marks used to cast doubt.",
    why="Quotation marks around one word with no speaker signal sarcasm or doubt without saying why. If the word "
    "is someone's, say whose; if it is the outlet's, drop the marks.",
    example='The council\'s "consultation" lasted four days.',
    instead="The council's consultation lasted four days.",
)
def scare_quotes(ctx: Context) -> Iterator[Hit]:
    text = ctx.text
    lead = None  # the first quotation of a list ("A", "B" and "C"): what stands before it stands before all
    for previous, quote in zip([None, *ctx.quotes], ctx.quotes, strict=False):
        in_list = (
            previous is not None
            and previous.block == quote.block
            and quote.start - previous.end <= LIST_GAP_MAX
            and LIST_GAP.fullmatch(text, previous.end, quote.start)
        )
        lead = lead if in_list and lead is not None else quote
        inner_start, inner_end = quote.inner
        inner = text[inner_start:inner_end].strip()
        words = inner.split()
        if not words or len(words) > SCARE_QUOTE_MAX_WORDS or inner.endswith((".", "!", "?", ",")):
            continue
        block = ctx.document.blocks[quote.block]
        if all(w[:1].isupper() for w in words if w[:1].isalpha()):
            continue  # a title or a name: "Hamlet", "Operation Sunrise"
        before = text[max(block.start, lead.start - 40) : lead.start]
        if NAMING_WORDS.search(before) or SPEAKER_CUES.search(before):
            continue  # a term being named or someone's words being reported, not doubted
        if NAMED_THING_AFTER.match(text, quote.end, min(block.end, quote.end + 20)):
            continue  # the name of a programme or policy
        if ctx.in_attributed_content(quote.start, quote.end):
            continue
        held_by = ctx.document.sentence_at(quote.start)
        sentence = held_by.start if held_by else -1
        if sentence in ctx.attributed_sentences:
            continue  # a speaker's word: the sentence says who used it
        if quote.block - 1 in ctx.attributed_blocks and REFERS_BACK.search(
            text, max(sentence, quote.start - 300), quote.end + 60
        ):
            continue  # "..., in her view": the speaker of the paragraph before
        if DEFINITION_AFTER.match(text, quote.end, min(block.end, quote.end + 20)):
            continue  # a new term being defined: "robot etiquette" - how machines should behave
        yield Hit(
            quote.start,
            quote.end,
            f"Scare quotes: {text[quote.start : quote.end]} has no speaker.",
            "Say whose word it is, or drop the quotation marks.",
        )
