"""Where the story starts: a byline, a site name or kicker line, or a standfirst is not its first paragraph."""

from newsaudit.engine.rules import examples

from .helpers import audit_plain, rules_of, spans_of

BODY = "OSLO \u2014 The talks stalled on Monday. " + "The delegations met for an hour. " * 8


def test_dateline_found_after_a_byline_paragraph():
    assert "NA503" not in rules_of(audit_plain(f"Peace talks stall\n\nBy Mia Kerr\n\n{BODY}"))


def test_dateline_found_after_a_site_name_before_the_headline():
    report = audit_plain(f"The Harbour Herald\n\nPeace talks stall\n\n{BODY}")
    assert "NA503" not in rules_of(report)


def test_dateline_found_after_a_one_sentence_standfirst():
    text = f"Peace talks stall\n\nBy Mia Kerr\n\nThe two sides blamed each other for the delay.\n\n{BODY}"
    assert "NA503" not in rules_of(audit_plain(text))


def test_missing_dateline_still_found_when_no_paragraph_has_one():
    assert "NA503" in rules_of(audit_plain(examples.story(dateline=False)))


def test_counter_straight_after_an_emoji_is_headline_noise():
    report = audit_plain("Peace talks stall\U0001f52512\n\nThe talks stalled on Monday.")
    assert spans_of(report, "NA501") == ["\U0001f525", "12"]


def test_a_number_ending_a_headline_without_an_emoji_is_no_counter():
    assert "NA501" not in rules_of(audit_plain("Turnout falls to 12\n\nThe talks stalled on Monday."))


def test_written_out_address_links_a_derived_credit():
    linked = audit_plain("Based on reporting by Reuters (https://www.reuters.com/world/talks).")
    assert "NA101" not in rules_of(linked)
    assert "NA101" in rules_of(audit_plain("Based on reporting by Reuters."))
