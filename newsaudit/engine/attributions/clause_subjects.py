"""Long subjects set off before a say-verb by a comma or a dash, read from the start of their clause.

'"...," Ana Ruiz, 67, a nurse in Leeds, Yorks., said', 'Holm, the author of "Harbour Days," about the town, said',
'Voters in the two counties \u2014 Kent and Essex \u2014 said': the clause opens after the quotation (or at the
sentence's start) with a noun phrase, and everything from there to the comma or dash before the verb is the source.
A short quotation after a word inside the subject is a title, not the end of a quotation.
"""

from __future__ import annotations

from ..lexicons.packaged import pattern_tags
from ..tokens import Token
from .line_openings import dateline_end
from .phrases import described_after, np_after
from .vocabulary import (
    AUXILIARIES,
    CALL_VERBS,
    CLAUSE_BREAKERS,
    CLAUSE_OPENERS,
    COPULAS,
    DASHES,
    DAYS_MONTHS,
    DESCRIPTION_OPENERS,
    DETERMINERS,
    FINITE_TAGS,
    NO_CONTENT,
    OPENERS,
    OPENING_ADVERBIALS,
    PASSIVE_AUX,
    PERSONAL_PRONOUNS,
    QUANTIFIER_SUBJECTS,
    QUANTITY_WORDS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    RELATIVES,
    SAY_CUES,
    SKIPPABLE,
    SPEECH_VERBS,
    SUBORDINATORS,
    VAGUE_QUANTIFIERS,
)
from .words import is_adverb, is_time_word, possessive, word_class

_LONGEST_SUBJECT = 40  # tokens back from the verb: past this, where the clause starts is a guess
_LONGEST_TITLE = 8  # words inside a quoted title ('the author of "Harbour Days,"')
CLAUSE_BREAKERS_OR_AUX = CLAUSE_BREAKERS | COPULAS | AUXILIARIES
# Speech acts and thoughts ('the measure promised', 'the band called') follow a thing as often as a speaker.
DESCRIBED_CATEGORIES = frozenset({"neutral", "loaded", "deed", "evidence"})
_LONGEST_PLAIN_SUBJECT = 12
VERB_TAGS = FINITE_TAGS | {"VB", "TO"}  # a finite verb, a bare verb or 'to'
PLURAL_CATEGORIES = DESCRIBED_CATEGORIES | {"cognition"}  # 'Weary riders believe'
_CLAUSE_ENDS = frozenset({";", ":", "(", ")", "[", "]"})


def clause_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """The clause's opening noun phrase and its asides, up to the comma or dash just before a say-verb."""
    if tokens[cue].lower not in SAY_CUES:
        return None
    end = cue - 1
    while end > 0 and (is_adverb(tokens[end]) or is_time_word(tokens, end) or tokens[end].lower in SKIPPABLE):
        end -= 1  # 'Two skippers, both from Leeds, have said'
    if end < 1 or not (tokens[end].text == "," or tokens[end].text in DASHES) or _speaker_follows(tokens, cue):
        return None
    start = _clause_start(tokens, end)
    if start is None:
        return None
    while start < end and tokens[start].lower in OPENERS:
        start += 1
    last = end - 1
    if start > last or not _opens_noun_phrase(tokens[start]):
        return None
    if any(t.lower in SPEECH_VERBS and not t.is_capitalised for t in tokens[start : last + 1]):
        return None  # "Ruiz, who said so before, said": the aside has a cue of its own
    if _has_own_verb(tokens, start, last):
        return None  # "They were told ..., said Ruiz": a clause, not a subject
    return start, last


def _has_own_verb(tokens: list[Token], start: int, last: int) -> bool:
    """An auxiliary or copula in the phrase outside a relative clause ('who have heard him' is a subject's)."""
    for token in tokens[start : last + 1]:
        if token.lower in RELATIVES:
            return False
        if token.lower in COPULAS or token.lower in AUXILIARIES:
            return True
        if not token.is_capitalised and pattern_tags().get(token.lower, "") in FINITE_TAGS:
            return True  # 'Ruiz spoke at length, quoted ...': a verb of the subject's own
    return False


def _speaker_follows(tokens: list[Token], cue: int) -> bool:
    """'The plan will fail, said Ruiz.', '..., says one economist in Leeds': the phrase before the comma is what
    was said, and the speaker is the phrase after the verb that ends the clause."""
    following = cue + 1
    while following < len(tokens) and (is_time_word(tokens, following) or tokens[following].lower in DAYS_MONTHS):
        following += 1
    if following < len(tokens) and tokens[following].text == ",":
        return True  # "The deal, announced Friday, would last": a participle in an aside; ', say, ...'
    found = np_after(tokens, cue + 1) or described_after(tokens, cue + 1)
    if not found or found[0] != cue + 1:
        return False
    after = found[1] + 1
    return after >= len(tokens) or tokens[after].text in (",", ".", ";", ":", "?", "!") or tokens[after].text in DASHES


def _clause_start(tokens: list[Token], end: int) -> int | None:
    """Where the clause that holds token `end` starts: after a quotation, a semicolon or colon, or the dateline."""
    floor = dateline_end(tokens)
    k = end - 1
    while k >= floor:
        if end - k > _LONGEST_SUBJECT:
            return None
        text = tokens[k].text
        if text in _CLAUSE_ENDS:
            return k + 1
        if text in QUOTE_CLOSERS:
            opening = _title_opening(tokens, k)
            if opening is None:
                return k + 1  # '"We won," Ruiz, a nurse, said': the clause starts after the quotation
            k = opening - 1
            continue
        k -= 1
    return floor


def _title_opening(tokens: list[Token], close: int) -> int | None:
    """The opening mark of a short quotation that closes at `close` and follows a word: a title inside the subject
    ('the author of "Harbour Days,"', 'wearing \u201cVote Hale\u201d pins'), not quoted speech."""
    for k in range(close - 1, max(-1, close - _LONGEST_TITLE - 2), -1):
        if tokens[k].text in QUOTE_CLOSERS and tokens[k].text not in QUOTE_OPENERS:
            return None
        if tokens[k].text in QUOTE_OPENERS or tokens[k].text in ("\u2018", "'"):
            opening = k - 1 if k > 0 and tokens[k - 1].text == tokens[k].text else k  # a typed '' pair
            return opening if opening > 0 and tokens[opening - 1].is_word else None
    return None


def _opens_noun_phrase(token: Token) -> bool:
    """A name, a source noun, a determiner, a quantifier, a number or a personal pronoun; not 'When', 'Asked'."""
    low = token.lower
    if low in SUBORDINATORS or low in OPENING_ADVERBIALS:
        return False
    if low in DETERMINERS or low in QUANTIFIER_SUBJECTS or low in QUANTITY_WORDS or token.text[:1].isdigit():
        return True
    klass = word_class(token)
    return klass in ("name", "noun", "modifier") or low in PERSONAL_PRONOUNS


def described_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'The petition accuses', 'his first videos show', 'while one user wrote': a determiner and at most three
    words ending in a common noun, opening a clause just before the cue."""
    if not _content_follows(tokens, cue):
        return None
    head = cue - 1
    participle = tokens[cue].lower.endswith("ing")
    while head > 0 and (is_adverb(tokens[head]) or participle and tokens[head].lower in PASSIVE_AUX):
        head -= 1
    if participle and not _progressive(tokens, head, cue):
        return None  # 'an item suggesting': a participle after a noun modifies it
    if head < 1 or not _common_noun(tokens[head]):
        return None
    for det in range(head - 1, max(-1, head - 5), -1):
        token = tokens[det]
        if token.lower in DESCRIPTION_OPENERS:
            return (det, head) if _opens_clause(tokens, det) else None
        if not token.is_word or token.lower in SPEECH_VERBS or token.lower in SKIPPABLE:
            return None
        if token.is_capitalised and det + 1 < head and not possessive(token) and not tokens[det + 1].is_capitalised:
            return None  # 'the Harbour Trust's new chair' holds a name; 'the Ruiz ferry plan' is no description
    return None


def _progressive(tokens: list[Token], subject_end: int, cue: int) -> bool:
    """'The city is seeking', 'voters are saying': a form of 'be' between the subject and the -ing cue."""
    return any(t.lower in PASSIVE_AUX for t in tokens[subject_end + 1 : cue])


def _content_follows(tokens: list[Token], cue: int, categories: frozenset[str] = DESCRIBED_CATEGORIES) -> bool:
    """A verb with its object or clause next ('accuses the campaign', 'found that'), not a noun ('the jobs report
    has'), nor a participle or intransitive verb before a preposition ('the measure planned for May', 'the hall
    echoed with')."""
    entry = SPEECH_VERBS.get(tokens[cue].lower)
    if entry is None or entry.category not in categories or "noun" in entry.flags or cue + 1 >= len(tokens):
        return False
    following = tokens[cue + 1]
    if tokens[cue].lower in CALL_VERBS and following.lower not in ("for", "on"):
        return False  # "a band called Sophistafunk" names a thing; "the accord calls for" asks
    return following.lower not in NO_CONTENT and (following.is_word or following.text in QUOTE_OPENERS)


def _common_noun(token: Token) -> bool:
    """A lower-case word the part-of-speech lexicon files as a noun ('petition', 'videos'), not a verb of speech."""
    low = token.lower
    if not token.is_word or token.is_capitalised or low in SPEECH_VERBS or low in SKIPPABLE:
        return False
    return pattern_tags().get(low, "").startswith("NN")


def _opens_clause(tokens: list[Token], k: int) -> bool:
    """Token `k` opens the sentence (after a dateline or a conjunction) or a clause."""
    start = dateline_end(tokens)
    while start < k and tokens[start].lower in OPENERS:
        start += 1
    if k == start:
        return True
    before = tokens[k - 1]
    return before.text in (",", ";", ":") or before.lower in CLAUSE_OPENERS


def plural_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Indeed, proponents of tighter rules here say', 'Full-blown capitalists are saying': a clause that opens with
    a plural noun (its modifiers and an of-phrase after it) right before a say-verb or its auxiliary."""
    entry = SPEECH_VERBS.get(tokens[cue].lower)
    if entry is None or entry.category == "evidence" or not _content_follows(tokens, cue, PLURAL_CATEGORIES):
        return None  # 'chemicals found in fridges'
    end = cue - 1
    while end > 0 and (tokens[end].lower in SKIPPABLE or is_adverb(tokens[end])):
        end -= 1
    if tokens[cue].lower.endswith("ing") and not _progressive(tokens, end, cue):
        return None  # 'four candidates seeking to ...': a participle after a plural noun modifies it
    start = end + 1
    while start > 0 and end - start < _LONGEST_PLAIN_SUBJECT:
        token = tokens[start - 1]
        if not (token.is_word or token.text[:1].isdigit()) or token.lower in SPEECH_VERBS:
            break
        if token.lower in CLAUSE_BREAKERS_OR_AUX:
            break
        start -= 1
    while start <= end and tokens[start].lower in OPENERS:
        start += 1
    if start > end or not _opens_clause(tokens, start) or not _opens_noun_phrase_or_adjective(tokens[start]):
        return None
    if tokens[start].lower in VAGUE_QUANTIFIERS:
        return None  # 'Many shopkeepers oppose': a vague quantity, which the sourcing rules note as such
    head = _first_head(tokens, start, end)
    if head is None or not _plural_noun(tokens[head]) or not _noun_phrase_words(tokens, start, end):
        return None
    return start, end


def _noun_phrase_words(tokens: list[Token], start: int, end: int) -> bool:
    """No finite verb or modal inside ('Many carried placards'), and a noun, a name or 'here' at the end."""
    tags = pattern_tags()
    if any(tags.get(t.lower, "") in VERB_TAGS for t in tokens[start : end + 1] if not t.is_capitalised):
        return False
    last = tokens[end]
    return last.is_capitalised or tags.get(last.lower, "").startswith(("NN", "RB", "CD"))


def _first_head(tokens: list[Token], start: int, end: int) -> int | None:
    """The last word before the first preposition (or the phrase's end): the head of its opening noun phrase."""
    for k in range(start, end + 1):
        if pattern_tags().get(tokens[k].lower, "") in ("IN", "TO", "WDT", "WP"):
            return k - 1 if k > start else None
    return end


def _opens_noun_phrase_or_adjective(token: Token) -> bool:
    return _opens_noun_phrase(token) or pattern_tags().get(token.lower, "")[:2] in ("JJ", "NN", "DT", "CD", "PR")


def _plural_noun(token: Token) -> bool:
    """'proponents', 'Critics': a plural common noun, which can speak for a group ('the laws' rarely say)."""
    return pattern_tags().get(token.lower, "") == "NNS" and token.lower not in SPEECH_VERBS
