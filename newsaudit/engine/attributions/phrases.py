"""Noun-phrase chunking: the bounded phrase that starts or ends at a token, and the phrases after a cue."""

from __future__ import annotations

from ..lexicons.packaged import pattern_tags
from ..tokens import Token
from .vocabulary import (
    ANONYMOUS_FRAMES,
    CLAUSE_BREAKERS,
    DETERMINERS,
    MAX_NP_TOKENS,
    OPENERS,
    OPENING_ADVERBIALS,
    OPENING_SUBORDINATORS,
    POLL_HEADS,
    POLL_STOPS,
    SKIPPABLE,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    SUBORDINATORS,
)
from .words import plain_word, word_class

_PRONOUN_LEADS = SUBORDINATORS | OPENING_SUBORDINATORS | OPENERS | OPENING_ADVERBIALS
ROLE_KINDS = frozenset({"person", "group", "organisation"})  # the speaker nouns an of-phrase can follow


def poll_after(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    """'in a new Herald/Ipsos poll', 'in the latest surveys': a noun phrase of at most eight words headed by a poll."""
    for k in range(begin, min(len(tokens), begin + 8)):
        token = tokens[k]
        if token.lower in POLL_HEADS:
            return begin, k
        if not (token.is_word or token.text[:1].isdigit() or token.text in "-/&") or token.lower in POLL_STOPS:
            return None
    return None


def anonymous_frame(tokens: list[Token], s: int, e: int) -> tuple[int, int] | None:
    """'a source familiar with the process', 'people close to the matter': the source is the whole description.

    Returns the widened span when `s..e` is the object of such a frame (found before it) or its head (found
    after it); None otherwise. The head must be a source noun ('source', 'people', 'official'), not a name."""
    if not _frame_near(tokens, s, e):
        return None
    for frame in ANONYMOUS_FRAMES:
        n = len(frame)
        if s - n - 1 >= 0 and tuple(t.lower for t in tokens[s - n : s]) == frame:
            head = np_ending_at(tokens, s - n - 1)
            if head and word_class(tokens[head[1]]) == "noun":
                return head[0], e
        after = tuple(t.lower for t in tokens[e + 1 : e + 1 + n])
        if e + n + 1 < len(tokens) and after == frame and word_class(tokens[e]) == "noun":
            obj = np_after(tokens, e + 1 + n) or _description_after(tokens, e + 1 + n)
            if obj and obj[0] == e + 1 + n:
                return s, obj[1]
    return None


_FRAMES = frozenset(ANONYMOUS_FRAMES)
_FRAME_LENGTHS = sorted({len(frame) for frame in ANONYMOUS_FRAMES})


def _frame_near(tokens: list[Token], s: int, e: int) -> bool:
    """Whether the words right before `s` or right after `e` are some frame: one look-up per frame length, where
    `anonymous_frame` tries each frame in turn (nearly every source has none)."""
    for n in _FRAME_LENGTHS:
        if s - n >= 0 and tuple(t.lower for t in tokens[s - n : s]) in _FRAMES:
            return True
        if tuple(t.lower for t in tokens[e + 1 : e + 1 + n]) in _FRAMES:
            return True
    return False


def _description_after(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """'the repairs', 'its plans for the site': a determiner and at most four plain lower-case words."""
    if k >= len(tokens) or tokens[k].lower not in DETERMINERS:
        return None
    end = k
    while end + 1 < len(tokens) and end - k < 4:
        token = tokens[end + 1]
        if not token.is_word or token.is_capitalised or not plain_word(token.lower) or token.lower in SKIPPABLE:
            break
        end += 1
    return (k, end) if end > k else None


def _valid_head(tokens: list[Token], start: int, end: int) -> bool:
    head = tokens[end]
    klass = word_class(head)
    if klass == "pronoun":
        return start == end
    return klass in ("name", "noun")


def trim(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    while start <= end and word_class(tokens[start]) in ("connector", "other"):
        start += 1
    while end >= start and word_class(tokens[end]) in ("connector", "modifier"):
        end -= 1
    if start > end or not _valid_head(tokens, start, end):
        return None
    return start, end


def np_ending_at(tokens: list[Token], end: int) -> tuple[int, int] | None:
    if word_class(tokens[end]) == "pronoun":
        before = tokens[end - 1] if end else None
        if before is None or word_class(before) in ("other", "connector") or before.lower in _PRONOUN_LEADS:
            return end, end  # 'Because I knew': a capitalised conjunction is no name before the pronoun
        return None
    start = end
    while start - 1 >= 0 and end - start < MAX_NP_TOKENS:
        klass = word_class(tokens[start - 1])
        if klass in ("name", "noun", "modifier") or (klass == "connector" and start - 2 >= 0):
            start -= 1
        else:
            break
    start = _extend_to_determiner(tokens, start)
    return trim(tokens, start, end)


def _extend_to_determiner(tokens: list[Token], start: int) -> int:
    """'the environment agency': up to two unknown lower-case words between a determiner and the phrase."""
    for back in (1, 2):
        det = start - back - 1
        if det < 0:
            break
        between = tokens[det + 1 : start]
        if not all(t.is_word and not t.is_capitalised and t.lower not in SPEECH_VERBS for t in between):
            break
        if tokens[det].lower in DETERMINERS:
            return det
    return start


def labelled_name_ending_at(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """A name, or a name with its party label: 'Rep. Ana Ruiz (D-Ore.)'."""
    if tokens[end].text == ")":
        opening = next((k for k in range(end - 1, max(-1, end - 8), -1) if tokens[k].text == "("), None)
        if opening is not None and opening > 0:
            named = np_ending_at(tokens, opening - 1)
            if named and word_class(tokens[named[1]]) == "name":
                return named[0], end
        return None
    return np_ending_at(tokens, end)


def np_after(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    end = begin
    limit = min(len(tokens), begin + MAX_NP_TOKENS)
    while end < limit:
        klass = word_class(tokens[end])
        if klass == "other" and end > begin and word_class(tokens[end - 1]) == "modifier":
            skip = _unknown_words_before_noun(tokens, end, limit)  # "the transport ministry"
            if not skip:
                break
            end += skip
            continue
        if klass not in ("name", "noun", "modifier", "connector", "pronoun"):
            break
        if klass == "pronoun" and end > begin:
            break
        end += 1
        if tokens[end - 1].lower.endswith(("'s", "\u2019s")):  # "the council's published budget"
            for ahead in range(end, min(limit, end + 3)):
                if word_class(tokens[ahead]) == "noun":
                    end = ahead + 1
                    break
    if end == begin:
        return None
    return trim(tokens, begin, end - 1)


def described_after(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    """'..." said retired judge Ana Ruiz', 'said one unaligned party strategist': at most two unknown lower-case
    words, then a name or a source noun."""
    for skip in (1, 2, 3):
        head = begin + skip
        if head >= len(tokens):
            return None
        words = tokens[begin:head]
        if not all(_modifier_before_head(t) for t in words) or skip == 3 and words[1].text != "/":
            break  # three only for a date: '..." said 9/11 widow Ana Ruiz'
        found = np_after(tokens, head)
        if found and found[0] == head and not tokens[found[1]].lower.endswith(("'s", "\u2019s")):
            return begin, found[1]
    return _closing_description(tokens, begin)


def _modifier_before_head(token: Token) -> bool:
    """A lower-case plain word or a number ('retired', '2012', the parts of '9/11') before a described speaker."""
    if token.text[:1].isdigit() or token.text == "/":
        return True
    return token.is_word and not token.is_capitalised and plain_word(token.lower)


def _closing_description(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    """'..." said a 2012 harbour veteran.', '..." asked the boy, who ...', '..." wrote another.': a determiner and at
    most three words ending in a noun (or 'another', 'one' alone) that close the clause after an inverted verb."""
    if begin >= len(tokens) or tokens[begin].lower not in _CLOSING_OPENERS:
        return None
    end = begin
    while end + 1 < len(tokens) and end - begin < 3 and _description_word(tokens[end + 1]):
        end += 1
    if end + 1 < len(tokens) and tokens[end + 1].text not in (",", ".", ";", "?", "!"):
        return None
    last = tokens[end]
    if end == begin:
        return (begin, end) if last.lower in _LONE_SPEAKERS else None
    named = word_class(last) in ("name", "noun") or pattern_tags().get(last.lower, "").startswith("NN")
    return (begin, end) if named and not last.lower.endswith(("'s", "\u2019s")) else None


_LONE_SPEAKERS = frozenset({"another", "one"})
_CLOSING_OPENERS = DETERMINERS | _LONE_SPEAKERS


def _description_word(token: Token) -> bool:
    return (token.is_word and plain_word(token.lower) and token.lower not in SKIPPABLE) or token.text[:1].isdigit()


def phrase_after(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    """After 'according to' anything up to the next punctuation is the source: 'recent polls', 'the results'."""
    end = begin
    limit = min(len(tokens), begin + 2 * MAX_NP_TOKENS)
    while end < limit and (tokens[end].is_word or tokens[end].text[:1].isdigit() or tokens[end].text in "&-/"):
        end += 1
    if end == begin or (end < len(tokens) and tokens[end].is_word):
        return None  # ran past the bound: no clear phrase
    if any(t.lower in CLAUSE_BREAKERS for t in tokens[begin:end]):
        return None  # "according to a method that combines ...": in accordance with, not a source
    return begin, end - 1


def _unknown_words_before_noun(tokens: list[Token], at: int, limit: int) -> int:
    """How many unknown lower-case words at `at` lead up to a source noun (at most two), else 0."""
    for ahead in range(at, min(limit, at + 2)):
        token = tokens[ahead]
        if not token.is_word or token.is_capitalised or token.lower in SPEECH_VERBS:
            return 0
        if ahead + 1 < limit and word_class(tokens[ahead + 1]) == "noun":
            return ahead + 1 - at
    return 0


def role_of_phrase_ending_at(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """'the minister of finance', 'the head of the port authority': a speaker noun's phrase and an of-phrase of
    at most four plain words ending in a noun at `end`; the phrase the chunker alone loses when that noun is no
    source noun. Crowd words ('many of the contests') are no heads here."""
    for of in range(end - 1, max(0, end - 5), -1):
        if tokens[of].lower == "of":
            break
        if not tokens[of].is_word or not plain_word(tokens[of].lower) or tokens[of].lower in SKIPPABLE:
            return None
    else:
        return None
    last = tokens[end]
    if of < 1 or not last.is_word or not plain_word(last.lower) or not _common_noun(last):
        return None
    head = np_ending_at(tokens, of - 1)
    if head is None or SOURCE_NOUNS.get(tokens[head[1]].lower) not in ROLE_KINDS:
        return None
    return head[0], end


def _common_noun(token: Token) -> bool:
    """A word the POS lexicon files first as a noun ('finance', 'elections'), or a name."""
    return word_class(token) == "name" or pattern_tags().get(token.lower, "").startswith("NN")
