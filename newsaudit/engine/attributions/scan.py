"""The sentence scan: each sentence's tokens are walked once, left to right, and every cue becomes an attribution.

The scan tries the shapes of attribution in a fixed order, one function per shape: a speaker before a colon,
'according to X', 'in a new poll', a passive with its agent, a subject before the cue, a source after the cue.
Once a cue is found, the clause it reports is skipped (`used_until`), so a cue inside reported speech ("polls show
most residents supported ...") is content, not a new attribution, unless a new clause opens there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..document import Document, Sentence
from ..lexicons.packaged import pattern_tags
from ..quotes import Quote, inside, overlapping
from ..tokens import Token, tokenize
from .classify import classify
from .content import adjacent_quote, reported_clause
from .cues import by_agent, clause_end, cue_entry, follows_quote_or_comma, is_passive, opens_new_clause, other_sense
from .learned_cues import LEARNED_CUE, learned_cue
from .line_openings import colon_speaker, dateline_end
from .model import Attribution, CueMatch, Span, TokenRange
from .phrases import anonymous_frame, described_after, np_after, np_ending_at, phrase_after, poll_after
from .quote_blocks import quote_block_speakers
from .resolve import canonical, resolve
from .subjects import subject_of
from .vocabulary import (
    INVERTIBLE,
    OPENING_ADVERBIALS,
    OUTLETS,
    PERSONAL_PRONOUNS,
    PLACE_PREPOSITIONS,
    QUOTE_CLOSERS,
    RELATIVES,
    SPEECH_VERBS,
    SUBORDINATORS,
    TELL_VERBS,
)
from .words import capitalised_words, common_words, word_class

DISCOURSE_OPENERS = SUBORDINATORS | OPENING_ADVERBIALS
NESTED_CONTENT = frozenset({"cognition", "deed"})  # cue categories that inside a reported clause are its content


@dataclass(slots=True)
class SentenceScan:
    """One sentence under scan: its text and tokens, the quotations, and how far the last report reaches."""

    text: str
    tokens: list[Token]
    sentence: Sentence
    quotes: list[Quote]
    title_case: bool = False  # a headline in title case: capitalised cues count
    used_until: int = -1  # tokens up to here belong to a report already found
    # The quotations that overlap this sentence: whether a token is quoted is asked of these few, not of all.
    near_quotes: list[Quote] = field(default_factory=list)

    def attribution(self, source: TokenRange, cue: CueMatch) -> Attribution:
        """The attribution for a source phrase and a cue: widened to an anonymous frame, with its content."""
        tokens = self.tokens
        first = source.first
        while first < source.last and tokens[first].lower in DISCOURSE_OPENERS:
            first += 1  # "Though Mayor Ruiz declined": the name, not the conjunction
        source = TokenRange(first, source.last)
        framed = anonymous_frame(tokens, *source)
        s, e = framed or source
        span = Span(tokens[s].start, tokens[e].end)
        quote = adjacent_quote(self.text, self.quotes, span, cue.span, self.sentence)
        if quote:
            content: Span | None = Span(*quote.inner)
            direct = True
        else:
            content = reported_clause(tokens, TokenRange(s, e), cue)
            direct = False
        kind, anonymous = ("anonymous", True) if framed else classify(tokens, s, e)
        found = Attribution(span, cue.span, content, direct, anonymous, kind, cue.category, self.sentence, quote=quote)
        if tokens[s].lower in ("who", "which"):
            antecedent = np_ending_at(tokens, s - 2 if tokens[s - 1].text == "," else s - 1)
            if antecedent:
                found.name = canonical(self.text[tokens[antecedent[0]].start : tokens[antecedent[1]].end])
                found.kind, found.anonymous = classify(tokens, *antecedent)
        return found


def find_attributions(
    document: Document, quotes: list[Quote], tokens_of: Callable[[Sentence], list[Token]] | None = None
) -> list[Attribution]:
    """`tokens_of` lets a caller that already tokenised the sentences (the rule Context) share its tokens."""
    found: list[Attribution] = []
    text = document.text
    common: set[str] | None = None
    names: Counter[str] | None = None
    for sentence in document.sentences():
        tokens = tokens_of(sentence) if tokens_of else tokenize(text, sentence.start, sentence.end)
        title_case = is_title_case(tokens)
        found_here = sentence_attributions(text, tokens, sentence, quotes, title_case)
        if found_here and (document.blocks[sentence.block].kind == "headline" or title_case):
            names = capitalised_words(text) if names is None else names
            found_here = [a for a in found_here if _named_in_body(text, tokens, a, names) and not _outlet_name(text, a)]
        dateline = dateline_end(tokens)
        first_here = len(found)
        for item in found_here:
            if dateline and item.source.end <= tokens[dateline - 1].start:
                continue  # "OSLO (AP) \u2014 The mayor said ...": the place opening a wire story speaks for no one
            _widen_to_owner(tokens, item)
            _join_cut_name(tokens, item, title_case)
            if _opening_word_no_name(tokens, item):
                continue  # "Instead of calling ...", "(Having said that, ...": a capitalised adverb, not a name
            first = tokens[0]
            if item.source == Span(first.start, first.end) and word_class(first) == "name":
                if common is None:
                    common = common_words(text)
                if first.lower in common:
                    continue  # "Quarry must warn ..." opening a headline, where the text says "the quarry"
            if item.kind == "person" and item.source.start == first.start and item.source.end > first.end:
                if common is None:
                    common = common_words(text)
                if first.lower in common or first.lower + "s" in common:  # "Shop owners said" where "shops" is common
                    last = next(k for k, t in enumerate(tokens) if t.end >= item.source.end)
                    item.kind, item.anonymous = classify(tokens, 0, last, opener_is_word=True)
                    item.name = item.name if item.kind != "anonymous" else ""
            found.append(item)
        if len(found) - first_here > 1:
            found[first_here:] = _one_source_per_speaker(text, found[first_here:])
    found = _with_quote_block_speakers(document, found, tokens_of)
    resolve(document, found)
    return found


NO_NAME_TAGS = frozenset({"RB", "IN", "VBG"})  # adverbs, prepositions and -ing forms


def _opening_word_no_name(tokens: list[Token], item: Attribution) -> bool:
    """A capitalised word opening the sentence that the POS lexicon knows, lower-cased, as an adverb, a preposition
    or an -ing form ('Hastily', 'Besides', 'Following'), and not as a proper noun ('Keeps claiming ...' opening a
    list item stays a source the story quotes: test_sources)."""
    token = next((t for t in tokens if t.is_word), None)  # after an opening bracket or quotation mark
    if token is None or item.source != Span(token.start, token.end) or not token.is_capitalised:
        return False
    tags = pattern_tags()
    return tags.get(token.lower) in NO_NAME_TAGS and not tags.get(token.text, "").startswith("NNP")


def _one_source_per_speaker(text: str, found: list[Attribution]) -> list[Attribution]:
    """One sentence's attributions, where one speaker has one source span: a cue inside another attribution's
    source belongs to that source's description ('Ruiz, pressed by the host to explain, said': 'the host' is no
    source; a relative 'who' or a pronoun keeps its own), and sources that open at the same word take the longest
    span ('said Ruiz, a nurse in Leeds, adding that ...'). Sorted spans and a running maximum: n log n."""
    spans = sorted((item.source.start, item.source.end, k) for k, item in enumerate(found))
    starts = [start for start, _, _ in spans]
    reach: list[tuple[int, int, int]] = []  # per prefix of `spans`: the two furthest ends, as (end, -, index)
    best = second = (-1, -1)
    for _, end, k in spans:
        if end > best[0]:
            best, second = (end, k), best
        elif end > second[0]:
            second = (end, k)
        reach.append((best[0], best[1], second[0]))
    kept = [item for k, item in enumerate(found) if not _describes_another(text, item, k, starts, reach)]
    longest: dict[int, Span] = {}
    for item in kept:
        held = longest.get(item.source.start)
        if held is None or item.source.end > held.end:
            longest[item.source.start] = item.source
    for item in kept:
        item.source = longest[item.source.start]
    return kept


def _describes_another(
    text: str, item: Attribution, k: int, starts: list[int], reach: list[tuple[int, int, int]]
) -> bool:
    """Some other attribution's source, opening at or before the cue, reaches past the cue's end."""
    word = text[item.source.start : item.source.end].lower()
    if word in RELATIVES or word in PERSONAL_PRONOUNS:
        return False
    last = bisect_right(starts, item.cue.start) - 1
    if last < 0:
        return False
    best_end, best, second_end = reach[last]
    return (best_end if best != k else second_end) >= item.cue.end


def _with_quote_block_speakers(
    document: Document, found: list[Attribution], tokens_of: Callable[[Sentence], list[Token]] | None
) -> list[Attribution]:
    """Add the speakers quote blocks name after a dash, in document order, where no cue found them already."""
    taken = {(a.source.start, a.source.end) for a in found}
    speakers = [a for a in quote_block_speakers(document, tokens_of) if (a.source.start, a.source.end) not in taken]
    return sorted([*found, *speakers], key=lambda a: a.sentence.start) if speakers else found


def is_title_case(tokens: list[Token]) -> bool:
    """A headline in title case ('Union Says Talks Stall'): most words capitalised."""
    words = capitals = 0
    for token in tokens:
        if token.is_word:
            words += 1
            capitals += token.is_capitalised
    return words >= 4 and capitals >= 0.7 * words


def _named_in_body(text: str, tokens: list[Token], item: Attribution, names: Counter[str]) -> bool:
    """A source found in a headline or a title-case line is a name only if the text capitalises its last word
    elsewhere too:
    'Union Keeps Talking' has no source 'Keeps', and 'Union Says' none where the story writes 'the union'."""
    last = next((t for t in reversed(tokens) if t.end <= item.source.end and t.is_word), None)
    if last is None or word_class(last) != "name":
        return True  # a pronoun or a description: not a headline word taken for a name
    word = last.text.removesuffix("'s").removesuffix("\u2019s")
    return names[word] > sum(1 for t in tokens if t.text.removesuffix("'s").removesuffix("\u2019s") == word)


def _outlet_name(text: str, item: Attribution) -> bool:
    """'Washington Post Hit Piece ...' in a title-case headline: the cue ends an outlet's name, it reports nothing."""
    name = text[item.source.start : item.cue.end].lower()
    return item.source.end < item.cue.start and (name in OUTLETS or "the " + name in OUTLETS)


def _widen_to_owner(tokens: list[Token], item: Attribution) -> None:
    """'Archaeological finds in Denmark indicate': a place after 'in', 'at' ... is no speaker; the source is the
    noun phrase that owns it, classified by its own head."""
    if item.source.end > item.cue.start or item.kind == "anonymous":
        return
    before = next((k for k, t in enumerate(tokens) if t.start >= item.source.start), 0) - 1
    if before < 1 or tokens[before].lower not in PLACE_PREPOSITIONS:
        return
    head = tokens[before - 1]
    if not head.is_word or head.is_capitalised and before > 1:
        return
    owner = np_ending_at(tokens, before - 1) or (_word_run_start(tokens, before - 1), before - 1)
    last = next(k for k, t in enumerate(tokens) if t.end >= item.source.end)
    item.source = Span(tokens[owner[0]].start, item.source.end)
    item.kind, item.anonymous = classify(tokens, owner[0], last)


def _join_cut_name(tokens: list[Token], item: Attribution, title_case: bool) -> None:
    """'reported by The Washington Post': a capitalised noun of speech inside a sentence ends the name it follows
    ('Post', 'Report'); it is a cue only in a title-case headline ('Ruiz Reports Loss'), where no source gets here
    without a cue of its own."""
    last = next((k for k, t in enumerate(tokens) if t.end >= item.source.end), None)
    if last is None or last + 1 >= len(tokens) or title_case or word_class(tokens[last]) != "name":
        return
    after = tokens[last + 1]
    entry = SPEECH_VERBS.get(after.lower)
    if not after.is_capitalised or after.start == item.cue.start or entry is None or "noun" not in entry.flags:
        return
    first = next(k for k, t in enumerate(tokens) if t.start >= item.source.start)
    item.source = Span(item.source.start, after.end)
    item.kind, item.anonymous = classify(tokens, first, last + 1)


def _word_run_start(tokens: list[Token], end: int, longest: int = 4) -> int:
    start = end
    while start > 0 and end - start < longest - 1 and tokens[start - 1].is_word:
        start -= 1
    return start


def sentence_attributions(
    text: str, tokens: list[Token], sentence: Sentence, quotes: list[Quote], title_case: bool | None = None
) -> list[Attribution]:
    """Every attribution in one sentence, in the order of their cues (`title_case`: is_title_case(tokens), if the
    caller knows it already)."""
    title_case = is_title_case(tokens) if title_case is None else title_case
    scan = SentenceScan(
        text, tokens, sentence, quotes, title_case, near_quotes=overlapping(quotes, sentence.start, sentence.end)
    )
    found = _colon_speaker(scan)
    if found and scan.title_case:
        return found  # "Ruiz: Holm Asking Council To Sell": a headline's words after the colon are the speaker's
    for i, token in enumerate(tokens):
        if not token.is_word or i <= scan.used_until and not opens_new_clause(tokens, i, scan.used_until):
            continue
        found.extend(_at_token(scan, i))
    return _without_nested(found) if len(found) > 1 else found


def _without_nested(found: list[Attribution]) -> list[Attribution]:
    """'Ruiz said voters want lower fees': a thought or a deed inside another source's reported clause is part of
    what that source reports, not a source of its own (on PolNeAR train two in three such were no gold source)."""
    return [item for item in found if not (item.cue_category in NESTED_CONTENT and _reported_by_another(item, found))]


def _reported_by_another(item: Attribution, found: list[Attribution]) -> bool:
    start = item.cue.start
    return any(o is not item and o.content is not None and o.content.start <= start < o.content.end for o in found)


def _at_token(scan: SentenceScan, i: int) -> list[Attribution]:
    """The attributions whose cue is token `i`: the first shape that applies decides."""
    tokens = scan.tokens
    token = tokens[i]
    if token.lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
        return _according_to(scan, i)
    if scan.near_quotes and inside(scan.near_quotes, token.start, token.end) is not None:
        return []  # a word inside a quotation is no cue
    if token.lower == "in" and tokens[i + 1 : i + 2]:
        return _poll_source(scan, i)
    if token.is_capitalised and i > 0 and not scan.title_case:
        return []  # "the United States" is not a cue: cues are lower case unless they open the sentence
    entry = cue_entry(tokens, i)
    learned_subject = None
    if entry is None:
        learned_subject = learned_cue(tokens, i)
        entry = LEARNED_CUE if learned_subject else None
    if entry is None or other_sense(tokens, i):
        return []
    cue = CueMatch(Span(token.start, token.end), entry.category, i, i)
    agent = by_agent(tokens, i)
    if agent or is_passive(tokens, i, entry):
        return _passive_agent(scan, cue, agent)
    source = learned_subject or subject_of(tokens, i, entry)
    if source is None and token.lower in INVERTIBLE and (i == 0 or follows_quote_or_comma(tokens, i)):
        return [] if _addressee_follows(tokens, i) else _source_after(scan, cue)
    if source is None and _inverted_after_quote(tokens, i, entry.category):
        return _source_after(scan, cue)
    if source is None:
        return []
    found = scan.attribution(TokenRange(*source), cue)
    # What follows is the reported clause: a cue inside it ("polls show most residents supported")
    # belongs to the content, not to a new attribution.
    scan.used_until = clause_end(tokens, i, relative=tokens[source[0]].lower in ("who", "which"))
    return [found]


def _addressee_follows(tokens: list[Token], i: int) -> bool:
    """'The head of the port, Ana Ruiz, told reporters': after a bare comma 'told' is followed by its addressee;
    only a quotation before it ('"We will appeal," told Ruiz') puts the speaker after it."""
    if tokens[i].lower not in TELL_VERBS or i < 2 or tokens[i - 1].text != ",":
        return False
    return tokens[i - 2].text not in QUOTE_CLOSERS


def _inverted_after_quote(tokens: list[Token], i: int, category: str) -> bool:
    """'"...?" reacted Ruiz', '"...," mused co-host Ida Holm': any past-tense verb of speech right after a
    quotation, with a capitalised name or title after it."""
    if category not in ("neutral", "loaded", "act") or not tokens[i].lower.endswith("ed") or i + 1 >= len(tokens):
        return False
    closes = tokens[i - 1].text in QUOTE_CLOSERS or (
        i > 1 and tokens[i - 1].text == "," and tokens[i - 2].text in QUOTE_CLOSERS
    )
    return i > 0 and closes and tokens[i + 1].is_capitalised


def _colon_speaker(scan: SentenceScan) -> list[Attribution]:
    """'Ruiz: "We will appeal."', a transcript's 'RUIZ: We will appeal.': the colon is the cue."""
    speaker = colon_speaker(scan.tokens)
    if not speaker:
        return []
    colon = speaker[1] + 1
    cue = CueMatch(Span(scan.tokens[colon].start, scan.tokens[colon].end), "neutral", colon, colon)
    scan.used_until = colon
    return [scan.attribution(TokenRange(*speaker), cue)]


def _according_to(scan: SentenceScan, i: int) -> list[Attribution]:
    """'according to the Herald', 'according to a new poll by the Pew Research Center': the phrase after is the source."""
    tokens = scan.tokens
    if inside(scan.near_quotes, tokens[i].start, tokens[i].end):
        return []
    source = np_after(tokens, i + 2) or phrase_after(tokens, i + 2)
    if source and source[1] + 2 < len(tokens) and tokens[source[1] + 1].lower == "by":
        agent = np_after(tokens, source[1] + 2)
        source = (source[0], agent[1]) if agent else source
    if not source:
        return []
    cue = CueMatch(Span(tokens[i].start, tokens[i + 1].end), "neutral", i, i + 1, inverted=True)
    scan.used_until = source[1]
    return [scan.attribution(TokenRange(*source), cue)]


def _poll_source(scan: SentenceScan, i: int) -> list[Attribution]:
    """'Ruiz leads by six points in a new Herald poll': the poll is the source, 'in' the cue."""
    poll = poll_after(scan.tokens, i + 1)
    if not poll:
        return []
    token = scan.tokens[i]
    return [scan.attribution(TokenRange(*poll), CueMatch(Span(token.start, token.end), "neutral", i, i, inverted=True))]


def _passive_agent(scan: SentenceScan, cue: CueMatch, agent_follows: bool) -> list[Attribution]:
    """'the plan was rejected by the council': the agent is the source; a passive with no agent has none."""
    i = cue.first
    agent = np_after(scan.tokens, i + 2) or phrase_after(scan.tokens, i + 2) if agent_follows else None
    if not agent:
        return []
    scan.used_until = agent[1]
    return [scan.attribution(TokenRange(*agent), CueMatch(cue.span, cue.category, i, i + 1, inverted=True))]


def _source_after(scan: SentenceScan, cue: CueMatch) -> list[Attribution]:
    """'"We will appeal," said Ruiz', '..., said one unaligned party strategist': the source follows the cue."""
    i = cue.first
    source = np_after(scan.tokens, i + 1) or (i > 0 and described_after(scan.tokens, i + 1)) or None
    if not source:
        return []
    scan.used_until = source[1]
    return [scan.attribution(TokenRange(*source), CueMatch(cue.span, cue.category, i, i, inverted=True))]
