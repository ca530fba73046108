"""NA2xx sourcing: claims that stand on nothing, on nobody in particular, or on somebody we may not name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..attributions import SOURCE_NOUNS, is_crowd, is_named
from ..attributions.vocabulary import VAGUE_QUANTIFIERS
from ..context import Context
from ..document import Sentence
from ..lexicons import load_lexicon
from ..phrases import CaselessPattern, PhraseMatcher
from ..weasel_shapes import RANKING, Shape, find_shapes
from .registry import Hit, rule

WEASEL = PhraseMatcher(load_lexicon("weasel"))
HEDGES = PhraseMatcher(load_lexicon("hedges"))
# Heads of the unnamed insiders newsroom standards ask reporters to justify ("a senior official", "sources").
INSIDE_SOURCES = frozenset(
    "official officials source sources aide aides adviser advisers advisor advisors diplomat diplomats spokesman "
    "spokeswoman spokesperson person people insider insiders officer officers executive executives member members "
    "lawmaker lawmakers staffer staffers employee employees investigator investigators".split()
)
ANONYMITY_REASON = re.compile(
    r"\b(?:condition of anonymity|not authori[sz]ed to|asked not to be (?:named|identified)|"
    r"declined to be (?:named|identified)|because (?:he|she|they) (?:was|were|is|are) not|fear of)\b",
    re.I,
)
FAMILIAR = re.compile(
    r"\b(?:(?:a|one|two|three|several)\s+)?(?:people|persons?|sources?|officials?)\s+"
    r"(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|close\s+to|briefed\s+on)\b",
    re.I,
)
_FAMILIAR = CaselessPattern(FAMILIAR)
VAGUE_EVIDENCE = re.compile(
    r"(?<![\w-])(?P<subject>(?:(?:a|one|some|many|several|recent|new|latest|numerous|other)\s+)?"
    r"(?:(?:opinion|public|recent|new|scientific|independent)\s+)?"
    r"(?:polls?|surveys?|studies|study|research|reports|data|figures|statistics|evidence|estimates))\s+"
    r"(?:have\s+|has\s+)?(?:consistently\s+|repeatedly\s+|now\s+|also\s+)?"
    r"(?P<verb>show(?:s|ed|n)?|indicate[sd]?|suggest(?:s|ed)?|found|finds?|reveal(?:s|ed)?|prove[sd]?|"
    r"point(?:s|ed)?\s+to|confirm(?:s|ed)?)\b",
    re.I,
)
_VAGUE_EVIDENCE = CaselessPattern(VAGUE_EVIDENCE)

# Markers of a claim that needs a source: figures, polls and studies, records, causes, forecasts.
CLAIM_MARKERS = (
    ("a percentage", re.compile(r"(?<![\d.,])\d++(?:[.,]\d++)*+\s?(?:%|per\s?cent\b|percent\b)", re.I)),
    (
        "a figure",
        re.compile(
            r"(?:[$\u00a3\u20ac\u00a5]\s?\d++(?:[.,]\d++)*+\s?(?:bn|m|k|billion|million|trillion)?\b"
            r"|(?<![\d.,])\d++(?:[.,]\d++)*+\s?(?:billion|million|trillion|bn)\b)",
            re.I,
        ),
    ),
    (
        "a poll or study",
        re.compile(
            r"\b(?:polls?|surveys?|stud(?:y|ies)|research|statistics)\b(?=[^.]{0,60}\b(?:show|found|sugg|indic|reveal))",
            re.I,
        ),
    ),
    (
        "a record or superlative",
        re.compile(
            r"\b(?:record[- ](?:high|low|level|number)|all[- ]time\s+(?:high|low)|unprecedented|"
            r"(?:the\s+)?(?:largest|biggest|highest|lowest|worst|best|deadliest|fastest)\b[^.;]{0,60}\b(?:ever|on record|in history|since \d{4}))",
            re.I,
        ),
    ),
    ("a ranking", RANKING),
    (
        "a causal claim",
        re.compile(
            r"\b(?:blamed\s+on|triggered\s+by|(?:is|are|was|were)\s+(?:\w+ly\s+)?caused\s+by)\b",
            re.I,
        ),
    ),
)
_CLAIM_MARKERS = tuple((label, CaselessPattern(pattern)) for label, pattern in CLAIM_MARKERS)


def _described_insider(text: str, source_start: int) -> bool:
    """'people familiar with the talks': an unnamed insider (NA203), not a crowd."""
    return bool(FAMILIAR.match(text, source_start, min(len(text), source_start + 120)))


@rule(
    code="NA201",
    name="weasel-attribution",
    category="sourcing",
    severity="warning",
    summary="Flags claims credited to nobody in particular: 'observers note', 'it is argued that', 'widely regarded "
    "as', 'has been criticised' (no 'by ...').",
    why="Every claim that is not established fact needs a source the reader can weigh. A crowd with no names "
    "lets the writer's own view pass as someone else's.",
    example="Observers note that the reform is likely to fail.",
    instead="Name who says it and why they know: 'Ana Ruiz, a pensions economist at the University of Leeds, said "
    "the reform ...'; or cut the claim.",
)
def weasel_attribution(ctx: Context) -> Iterator[Hit]:
    flagged: set[int] = set()
    for item in ctx.attributions:
        vague = is_crowd(ctx.text[item.source.start : item.source.end], item.anonymous)
        if item.anonymous and vague and not _described_insider(ctx.text, item.source.start):
            start, end = min(item.source.start, item.cue.start), max(item.source.end, item.cue.end)
            flagged.add(start)
            phrase = ctx.text[start:end]
            yield Hit(
                start,
                end,
                f"Claim attributed to an unnamed crowd: '{phrase}'.",
                "Name the people and say why they know, or cut the claim.",
            )
    for sentence in ctx.body_sentences:
        spans: list[tuple[int, int]] = []
        for match in WEASEL.finditer(ctx.text, sentence.start, sentence.end, ctx.caseless_text):
            if match.start in flagged or ctx.in_quote(match.start, match.end) or _guarded(ctx.text, match):
                continue
            spans.append((match.start, match.end))
            yield Hit(
                match.start,
                match.end,
                f"Weasel attribution: '{ctx.text[match.start : match.end]}' credits nobody in particular.",
                match.entry.alternative.capitalize() + ".",
            )
        for shape in _outlet_shapes(ctx, sentence, ("impersonal", "crowd", "perfect")):
            if not any(s < shape.end and shape.start < e for s, e in spans):
                phrase = ctx.text[shape.start : shape.end]
                yield Hit(
                    shape.start,
                    shape.end,
                    f"Weasel attribution: '{phrase}' does not say who holds this view.",
                    "Name who holds this view and why they know, or state the fact with its source.",
                )


def _outlet_shapes(ctx: Context, sentence: Sentence, kinds: tuple[str, ...]) -> Iterator[Shape]:
    """Weasel shapes (engine/weasel_shapes.py) in the outlet's own words: not quoted, not a named source's report."""
    cache = ctx.memo.setdefault("weasel_shapes", {})
    shapes = cache.get(sentence.start)
    if shapes is None:
        shapes = cache[sentence.start] = find_shapes(ctx.tokens(sentence))
    for shape in shapes:
        inside = ctx.in_quote(shape.start, shape.end) or ctx.in_attributed_content(shape.start, shape.end)
        if shape.kind in kinds and not inside:
            yield shape


@rule(
    code="NA202",
    name="vague-evidence",
    category="sourcing",
    severity="warning",
    summary="Flags polls, studies, reports or data that 'show' something without saying whose they are.",
    why="'Polls indicate' and 'studies show' borrow the authority of evidence the reader cannot check. Which poll, "
    "by whom, when and of how many people decides whether the claim holds.",
    example="Polls indicate that most voters oppose the plan.",
    instead="Name it and link it: 'A poll of 1,200 adults by the Civic Research Unit, taken 3-5 May, found 58% "
    "opposed the plan.'",
)
def vague_evidence(ctx: Context) -> Iterator[Hit]:
    text = ctx.text
    pattern, subject_text = _VAGUE_EVIDENCE.on(text, ctx.caseless_text)
    for sentence in ctx.body_sentences:
        if sentence.block in ctx.linked_blocks:
            continue
        for match in pattern.finditer(subject_text, sentence.start, sentence.end):
            if ctx.in_quote(match.start(), match.end()) or _named_before(text, sentence.start, match.start()):
                continue
            subject = text[match.start("subject") : match.end("subject")]
            if subject.lower().startswith(("the ", "this ", "that ", "its ", "their ")):
                continue
            yield Hit(
                match.start(),
                match.end(),
                f"Unnamed evidence: '{text[match.start() : match.end()]}' does not say whose {subject.split()[-1]} "
                "this is.",
                "Name the poll, study or report, who ran it and when, and link to it.",
            )


_NEXT_WORD = re.compile(r"\s{1,5}([A-Za-z][A-Za-z\-]{0,30})")


def _guarded(text: str, match) -> bool:
    """The next word gives the phrase another sense: 'is considered by the committee', 'likely voters'."""
    if not match.entry.guards:
        return False
    following = _NEXT_WORD.match(text, match.end, min(len(text), match.end + 40))
    return bool(following) and following.group(1).lower() in match.entry.guards


def _named_before(text: str, sentence_start: int, position: int) -> bool:
    """A capitalised name just before the evidence ('a Gallup poll', 'the Treasury figures')."""
    window = text[max(sentence_start, position - 40) : position].split()
    return is_named(" ".join(window[-3:]))  # not 'National opinion polls', 'Spanish government figures'


@rule(
    code="NA203",
    name="anonymous-source",
    category="sourcing",
    severity="warning",
    summary="Flags unnamed official sources ('officials indicated', 'a source familiar with the talks').",
    why="Anonymous sources cannot be held to what they say. Newsroom standards allow them only when the "
    "information is vital, cannot be had on the record, and the story says why the source is not named.",
    example="A senior official said the deal was close.",
    instead="Name the source, or say why they were granted anonymity and how they know: 'a senior official, who "
    "was not authorised to speak publicly and attended the talks, said ...'.",
)
def anonymous_source(ctx: Context) -> Iterator[Hit]:
    seen: set[int] = set()
    for item in ctx.attributions:
        words = ctx.text[item.source.start : item.source.end].lower().split()
        head = words[-1] if words else ""
        if not item.anonymous or head not in INSIDE_SOURCES or item.cue_category not in ("neutral", "loaded"):
            continue
        if SOURCE_NOUNS.get(head) == "vague" or words[0] in VAGUE_QUANTIFIERS:
            continue  # an unnamed crowd ("party insiders", "some officials"): NA201 reports it once
        sentence_text = ctx.text[item.sentence.start : item.sentence.end]
        if ANONYMITY_REASON.search(sentence_text):
            continue
        seen.add(item.source.start)
        source = ctx.text[item.source.start : item.source.end]
        yield Hit(
            item.source.start,
            item.source.end,
            f"Unnamed source: '{source}'.",
            "Name the source, or say why anonymity was granted and how the source knows.",
        )
    pattern, subject = _FAMILIAR.on(ctx.text, ctx.caseless_text)
    for sentence in ctx.body_sentences:
        for match in pattern.finditer(subject, sentence.start, sentence.end):
            if match.start() in seen:
                continue
            if ctx.in_quote(match.start(), match.end()):
                continue
            if ANONYMITY_REASON.search(ctx.text, sentence.start, sentence.end):
                continue
            yield Hit(
                match.start(),
                match.end(),
                f"Unnamed source: '{ctx.text[match.start() : match.end()]}'.",
                "Name the source, or say why anonymity was granted and how the source knows.",
            )


@rule(
    code="NA204",
    name="unverified-hedge",
    category="sourcing",
    severity="info",
    summary="Flags hedges that present a claim as unverified: 'reportedly', 'is said to', 'may be considered', "
    "'possibly', '..., suggesting'; not a hedge in a named source's own words.",
    why="A hedge tells the reader the claim is not confirmed but not who stands behind it. Either the newsroom "
    "has verified it, or someone named has said it.",
    example="The minister reportedly plans to resign.",
    instead="The minister plans to resign, two cabinet colleagues told the Herald.",
)
def unverified_hedge(ctx: Context) -> Iterator[Hit]:
    for sentence in ctx.body_sentences:
        spans: list[tuple[int, int]] = []
        for match in HEDGES.finditer(ctx.text, sentence.start, sentence.end, ctx.caseless_text):
            if ctx.in_quote(match.start, match.end) or _guarded(ctx.text, match):
                continue
            if ctx.in_attributed_content(match.start, match.end):
                continue  # the source's hedge, not the outlet's: 'Ruiz said the plan may fail'
            spans.append((match.start, match.end))
            phrase = ctx.text[match.start : match.end]
            yield Hit(
                match.start,
                match.end,
                f"Hedge: '{phrase}' presents the claim as unverified.",
                match.entry.alternative.capitalize() + ".",
            )
        for shape in _outlet_shapes(ctx, sentence, ("raising", "modal", "inference")):
            if not any(s < shape.end and shape.start < e for s, e in spans):
                yield Hit(
                    shape.start,
                    shape.end,
                    f"Hedge: '{ctx.text[shape.start : shape.end]}' presents the claim as unverified.",
                    "Name who says so, or confirm it yourself.",
                )


@rule(
    code="NA205",
    name="unsourced-claim",
    category="sourcing",
    severity="warning",
    summary="Flags factual claims (figures, percentages, polls, studies, records, rankings, causes) with no source "
    "in the sentence, its paragraph or a link.",
    why="Numbers and causal claims are what readers quote and what critics check. Unless the reporter "
    "established the fact first-hand, the story should say where it comes from.",
    example="Unemployment in the region rose to 9.4% last year because of the factory closures.",
    instead="Source it in the sentence or paragraph: 'Unemployment rose to 9.4% last year, the statistics office "
    "said.' Or link the data.",
)
def unsourced_claim(ctx: Context) -> Iterator[Hit]:
    if ctx.wire_credited:
        return
    for sentence in ctx.body_sentences:
        if sentence.start in ctx.attributed_sentences or sentence.block in ctx.attributed_blocks:
            continue
        if sentence.block in ctx.linked_blocks or ctx.document.blocks[sentence.block].kind == "heading":
            continue
        for label, marker in _CLAIM_MARKERS:
            pattern, subject = marker.on(ctx.text, ctx.caseless_text)
            match = pattern.search(subject, sentence.start, sentence.end)
            if match and not ctx.in_quote(match.start(), match.end()) and not ctx.in_credit(match.start(), match.end()):
                claim = ctx.text[match.start() : match.end()].strip()
                yield Hit(
                    sentence.start,
                    sentence.end,
                    f"Unsourced claim: the sentence states {label} ('{claim}') without a source.",
                    "Say where it comes from in this sentence or paragraph (who said it, which data), or link it.",
                )
                break


# "many manufacturers", "some critics", "several studies": a vague quantity where a figure or names belong.
VAGUE_QUANTITY = re.compile(
    r"(?<![\w\-])(?P<quantifier>many|some|several|numerous|countless|various|a\s+number\s+of)\s+"
    r"(?:of\s+(?:the|these|those|them|its|their|his|her)\b|(?P<word>[a-z][a-z\-']*+))",
    re.I,
)
_VAGUE_QUANTITY = CaselessPattern(VAGUE_QUANTITY)
# Next words that make the quantifier idiomatic or an approximation, not a vague claim about a group.
NOT_VAGUE_AFTER = frozenset(
    "time times extent degree way ways point sort kind form reason while respects respect day years months weeks hours minutes "
    "more others such".split()
)


@rule(
    code="NA206",
    name="vague-quantity",
    category="sourcing",
    severity="info",
    summary="Notes vague quantities standing in for a figure or for names: 'many manufacturers', 'some "
    "critics', 'several studies'.",
    why="'Many' and 'some' let a claim sound general without saying how general it is or who found it. "
    "Readers cannot check a quantity that has no number and no source.",
    example="Many manufacturers have moved production abroad.",
    instead="Four of the region's nine car-parts makers have moved production abroad since 2020, the trade "
    "association said.",
)
def vague_quantity(ctx: Context) -> Iterator[Hit]:
    sources = [(a.source.start, a.source.end) for a in ctx.attributions if a.anonymous]
    pattern, subject = _VAGUE_QUANTITY.on(ctx.text, ctx.caseless_text)
    for sentence in ctx.body_sentences:
        for match in pattern.finditer(subject, sentence.start, sentence.end):
            word = (match.group("word") or "").lower()
            if word in NOT_VAGUE_AFTER or ctx.in_quote(match.start(), match.end()):
                continue
            if ctx.text[max(sentence.start, match.start() - 4) : match.start()].lower().endswith("the "):
                continue  # "the many", "the various": a known set, not a vague one
            if match.group("word") is None and ctx.document.blocks[sentence.block].kind != "heading":
                continue  # "some of the cans": part of a set the story itself describes
            if any(s <= match.start() < e for s, e in sources):
                continue  # an unnamed source: NA201 and NA203 speak to it
            phrase = ctx.text[match.start() : match.end()]
            yield Hit(
                match.start(),
                match.end(),
                f"Vague quantity: '{phrase}' does not say how many or who they are.",
                "Give the number and its source, or name them; or drop the quantifier if the claim holds without it.",
            )
