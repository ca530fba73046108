"""Case-insensitive lexicon patterns run on the lower-cased text (faster) and find exactly what they find with
re.IGNORECASE on the text itself; where lower-casing would change that, the original pattern runs."""

import re

from newsaudit.engine import audit, read_text
from newsaudit.engine.phrases import CaselessPattern, caseless_text, caseless_twin
from newsaudit.engine.rules.sourcing import HEDGES, VAGUE_EVIDENCE, WEASEL

TEXT = (
    "Observers Note that the ferry plan will fail. CRITICS SAY the harbour is too small. "
    "The levy is Reportedly twice as high, and Polls Show most residents agree."
)


def _found(matcher, text, caseless):
    return [(m.start, m.end, m.entry.phrase) for m in matcher.finditer(text, 0, len(text), caseless)]


def test_the_lexicon_matchers_find_the_same_phrases_in_the_lower_cased_text():
    lowered = caseless_text(TEXT)
    assert lowered == TEXT.lower()
    for matcher in (WEASEL, HEDGES):
        assert _found(matcher, TEXT, lowered) == _found(matcher, TEXT, None)
    assert _found(WEASEL, TEXT, lowered)  # the test text has phrases to find


def test_a_pattern_s_matches_keep_their_offsets_and_the_original_words():
    pattern, subject = CaselessPattern(VAGUE_EVIDENCE).on(TEXT, caseless_text(TEXT))
    match = pattern.search(subject)
    assert pattern.flags & re.I == 0
    assert TEXT[match.start() : match.end()] == "Polls Show"


def test_text_that_lower_casing_would_change_is_matched_as_it_is():
    # "\u0130" lowers to two characters (offsets would shift); IGNORECASE equates "\u017f" with "s".
    assert caseless_text("\u0130zmir officials said") is None
    assert caseless_text("critic\u017f say") is None
    assert re.compile("critics say", re.I).search("critic\u017f say")
    assert caseless_twin(re.compile("[A-Z]\\w+ say", re.I)) is None  # capitals mean something
    assert caseless_twin(re.compile("critics say")) is None  # not case-insensitive to begin with
    assert caseless_twin(re.compile("critics (?-i:Say)", re.I)) is None  # an inline flag


def test_an_audit_finds_the_same_in_text_with_and_without_a_letter_that_stops_lower_casing():
    plain = audit(read_text("Critics say the ferry plan is reportedly too costly.", "a"))
    marked = audit(read_text("Critics say the ferry plan is reportedly too costly. \u0130zmir.", "b"))
    rules = [(f.rule, f.start, f.end) for f in plain.findings]
    assert rules == [("NA201", 0, 11), ("NA204", 30, 40)]  # "Critics say", "reportedly"
    assert rules == [(f.rule, f.start, f.end) for f in marked.findings if f.end <= 51]


def test_credit_lines_are_found_in_any_case_with_or_without_the_lower_cased_text():
    from newsaudit.engine.credits import find_credits

    story = "The ferry was sold on Monday.\n\nADDITIONAL REPORTING BY Reuters."
    for text in (story, "\u0130zmir. " + story):  # the second cannot be lower-cased offset for offset
        credits = find_credits(read_text(text, "story"))
        assert [(text[c.start : c.end], c.kind, c.outlets) for c in credits] == [
            ("ADDITIONAL REPORTING BY Reuters.", "wire", ["Reuters"])
        ]
