"""Poll respondents and crowds as subjects: quantities ('47 percent said', 'with three in 10 saying'), quantifiers
opening a clause ('All agreed', 'Not everyone agrees') and groups 'more likely to say'."""

from __future__ import annotations

from ..lexicons.packaged import pattern_tags
from ..tokens import Token
from .phrases import np_ending_at
from .vocabulary import (
    CLAUSE_BREAKERS,
    CLAUSE_JOINERS,
    COPULAS,
    DEGREE_WORDS,
    FINITE_TAGS,
    NUMBER_WORDS,
    OPENERS,
    QUANTIFIER_SUBJECTS,
    QUANTITY_HEADS,
    QUANTITY_WORDS,
    SAY_CUES,
    SKIPPABLE,
    SPEECH_VERBS,
)
from .words import is_adverb, word_class


def clause_starts_at(tokens: list[Token], k: int) -> bool:
    """Token `k` opens the sentence or a clause (after a comma, semicolon, colon or a joining conjunction)."""
    if k == 0 or tokens[k - 1].text in (",", ";", ":") or tokens[k - 1].lower in CLAUSE_JOINERS:
        return True
    return tokens[k - 1].lower in OPENERS and clause_starts_at(tokens, k - 1)  # 'Yet another said'; 'And still most'


def opening_quantifier(tokens: list[Token], k: int) -> bool:
    """'All agreed', 'Not everyone agrees': a quantifier standing alone as the subject, opening its clause."""
    return tokens[k].lower in QUANTIFIER_SUBJECTS and clause_starts_at(tokens, _negation_start(tokens, k))


def _negation_start(tokens: list[Token], k: int) -> int:
    """'Not everyone agrees': the clause starts at the 'not' before a quantifier."""
    return k - 1 if k > 0 and tokens[k - 1].lower == "not" else k


def modifies_a_noun(tokens: list[Token], cue: int) -> bool:
    """'all registered voters', 'all expressing concern': a participle after a quantifier, no verb of its own."""
    low = tokens[cue].lower
    following = tokens[cue + 1].lower if cue + 1 < len(tokens) else ""
    return low.endswith("ing") or (low.endswith("ed") and pattern_tags().get(following, "").startswith("NN"))


def likely_subject(tokens: list[Token], likely: int) -> tuple[int, int] | None:
    """'Harbour voters are slightly more likely to say': poll respondents, the subject of the copula before 'likely'
    (only before a neutral verb of saying: 'more likely to support her' is a forecast, not an answer)."""
    k = likely - 1
    while k >= 0 and (tokens[k].lower in DEGREE_WORDS or is_adverb(tokens[k])):
        k -= 1
    if k < 1 or tokens[k].lower not in COPULAS:
        return None
    found = np_ending_at(tokens, k - 1)
    if found and word_class(tokens[found[1]]) in ("name", "noun", "pronoun"):
        return found
    return None


def quantity_before(tokens: list[Token], end: int, cue: int) -> tuple[int, int] | None:
    """Poll respondents as a source: '47 percent said', 'nearly half said', 'four in 10 said'."""
    if tokens[cue].lower not in SAY_CUES or not _quantity_head(tokens[end].lower):
        return None
    return _quantity_start(tokens, end, ratios=True), end


def number_word(low: str) -> bool:
    return low.rstrip("%").replace(",", "").isdigit() or low in NUMBER_WORDS or low.split("-")[-1] in NUMBER_WORDS


def share_saying(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """'..., with 50 percent saying she is prepared', 'with three in 10 saying': poll respondents as a source."""
    if not _quantity_head(tokens[i - 1].lower):
        return None
    start = _quantity_start(tokens, i - 1, ratios=False)
    return (start, i - 1) if start > 0 and tokens[start - 1].lower == "with" else None


def _quantity_head(low: str) -> bool:
    """'percent', 'half', '47', '47%', 'forty-seven': a word that can end a quantity of respondents."""
    return low in QUANTITY_HEADS or low.rstrip("%").isdigit() or low.split("-")[-1] in NUMBER_WORDS


def _quantity_start(tokens: list[Token], end: int, ratios: bool) -> int:
    """Where the quantity ending at `end` starts, at most six words back ('nearly 47'; with `ratios`, 'one in
    four' too)."""
    start = end
    while start - 1 >= 0 and end - start < 6:
        before = tokens[start - 1].lower
        if (
            before in QUANTITY_WORDS
            or number_word(before)
            or (ratios and before in ("in", "out", "of") and start >= 2 and number_word(tokens[start - 2].lower))
        ):
            start -= 1
        else:
            break
    return start


def share_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Two-thirds of riders want', 'Only about 4 in 10 voters in each ward favor', 'Large majorities of riders in
    six towns said': a share of poll respondents opening its clause, with its of-phrase and modifiers."""
    entry = SPEECH_VERBS.get(tokens[cue].lower)
    if entry is None or entry.category == "evidence" or tokens[cue].lower.endswith("ing"):
        return None  # 'half of the data found', 'voters showing'
    following = pattern_tags().get(tokens[cue + 1].lower, "") if cue + 1 < len(tokens) else ""
    if tokens[cue].lower.endswith("ed") and following.startswith("NN"):
        return None  # '43 percent of reported contributions': a participle before a noun
    end = cue - 1
    while end > 0 and (tokens[end].lower in SKIPPABLE or is_adverb(tokens[end])):
        end -= 1
    start = end + 1
    while start > 0 and end - start < _LONGEST_SHARE:
        token = tokens[start - 1]
        if not (token.is_word or token.text[:1].isdigit() or token.text in ("-", "%")):
            break
        if token.lower in SPEECH_VERBS or token.lower in CLAUSE_BREAKERS:
            break
        start -= 1
    while start < end and tokens[start].lower in OPENERS:
        start += 1
    if start > end or not clause_starts_at(tokens, start) or tokens[start].lower == "the":
        return None  # 'The top 1 percent would see': a bracket of earners, not respondents
    if any(pattern_tags().get(t.lower, "") in FINITE_TAGS for t in tokens[start : end + 1] if not t.is_capitalised):
        return None  # 'Three-quarters of the board voted to endorse': the verb before is the clause's
    return (start, end) if _opens_with_share(tokens, start, end) else None


_LONGEST_SHARE = 16


def _opens_with_share(tokens: list[Token], start: int, end: int) -> bool:
    """The phrase opens with a share ('only about 4 in 10', 'large majorities', 'two-thirds') and is no bare number."""
    for k in range(start, min(end + 1, start + 6)):
        low = tokens[k].lower
        if low in QUANTITY_HEADS or low.split("-")[-1] in QUANTITY_HEADS or _in_ten(tokens, k):
            return k < end or low in QUANTITY_HEADS
        if not (low in QUANTITY_WORDS or number_word(low) or pattern_tags().get(low, "").startswith("JJ")):
            return False
    return False


def _in_ten(tokens: list[Token], k: int) -> bool:
    """'4 in 10', 'three in five': a share written as a ratio (at `k`, the second number)."""
    return (
        k >= 2
        and tokens[k - 1].lower in ("in", "out")
        and number_word(tokens[k].lower)
        and number_word(tokens[k - 2].lower)
    )
