"""Weasel and hedge shapes (engine/weasel_shapes.py): open word classes, not fixed phrases. Sentences written for
these tests; each shape has a sentence that must fire and one close to it that must not."""

import pytest

from newsaudit.engine.tokens import tokenize
from newsaudit.engine.weasel_shapes import RANKING, find_shapes

from .helpers import audit_html, spans_of


def shapes(sentence: str) -> list[tuple[str, str]]:
    return [(sentence[s.start : s.end], s.kind) for s in find_shapes(tokenize(sentence))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It is argued that the toll road never paid for itself.", [("It is argued", "impersonal")]),
        ("It has long been suspected that the dam leaks.", [("It has long been suspected", "impersonal")]),
        ("It is believed the ferry left without lights.", [("It is believed", "impersonal")]),
        ("The levy is widely regarded as a failure.", [("widely regarded", "crowd")]),
        ("The tram is generally seen as a luxury.", [("generally seen", "crowd")]),
        ("She is a well-known figure in the harbour town.", [("well-known", "crowd")]),
        ("The new stadium has been criticised.", [("has been criticised", "perfect")]),
        ("Several routes have been proposed for the bypass.", [("have been proposed", "perfect")]),
        ("The cellar is said to hold a thousand bottles.", [("is said to", "raising")]),
        ("The mill was reported to have closed twice.", [("was reported to", "raising")]),
        ("The herd is estimated to number four hundred.", [("is estimated to", "raising")]),
    ],
)
def test_shapes_that_hide_the_holder_of_a_view(sentence, expected):
    assert shapes(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "It was reported to police on Monday.",  # an object after 'to', not a hedged verb
        "The fair is traditionally held in June.",  # an event, not a view
        "The lane is commonly known as Tanners Row.",  # a name
        "The vote was held on Thursday evening.",
        "Two burglaries have been reported this week.",  # an event verb in a perfect passive
        "The plan has been criticised by the harbour board.",  # the holder is named
        "He has been questioned by detectives.",
        "The clerk is known to him from school.",
        "The drawings have been viewed two million times.",
    ],
)
def test_close_shapes_that_name_an_event_or_an_agent(sentence):
    assert shapes(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "ranked"),
    [
        ("The viaduct is one of the longest in the country.", True),
        ("The choir is among the most admired in the region.", True),
        ("Its most famous resident was a sea captain.", False),  # no 'the most': a possessive scope
        ("The most famous resident was a sea captain.", True),
        ("One of the interest groups wrote to the council.", False),  # ends like a superlative, is none
        ("He spent the best part of a year at sea.", False),
    ],
)
def test_ranking_claims(sentence, ranked):
    assert bool(RANKING.search(sentence)) is ranked


def test_a_weasel_shape_in_the_outlets_voice_is_flagged():
    report = audit_html("<p>The harbour levy is widely regarded as a failure.</p>")
    assert spans_of(report, "NA201") == ["widely regarded"]
    report = audit_html("<p>The old lighthouse is said to be haunted.</p>")
    assert spans_of(report, "NA204") == ["is said to"]


def test_a_named_sources_hedge_is_theirs():
    # Indirect speech of a named source: the hedge is in their words, not the outlet's.
    report = audit_html("<p>Inspector Dana Holt said the driver is thought to have fled north.</p>")
    assert spans_of(report, "NA204") == []
    report = audit_html("<p>Mayor Ines Ruiz said the levy is widely regarded as a failure.</p>")
    assert spans_of(report, "NA201") == []


def test_a_ranking_claim_needs_a_source_unless_one_is_given():
    assert "NA205" in [f.rule for f in audit_html("<p>The viaduct is one of the longest in Europe.</p>").findings]
    report = audit_html("<p>The viaduct is one of the longest in Europe, the rail authority said.</p>")
    assert "NA205" not in [f.rule for f in report.findings]


def test_many_other_is_a_vague_quantity():
    report = audit_html("<p>The closure hit the bakery and many other shops on the quay.</p>")
    assert spans_of(report, "NA206") == ["many other"]


def test_hostile_input_stays_linear():
    sentence = "it is " + "widely " * 5000 + "believed " + "to " * 5000
    assert isinstance(find_shapes(tokenize(sentence)), list)
    assert RANKING.search("one of the " + "a" * 20000 + "x") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The ceremony is traditionally held the night before the final.",
        "Copies of the key were commonly held by the wardens.",
        "The rash is commonly seen in toddlers.",
        "The painter, best known for her harbour scenes, has died.",
    ],
)
def test_habits_possessions_and_what_made_someone_known_are_no_crowd_view(sentence):
    assert shapes(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It could be argued that the ferry is too small.", [("It could be argued", "impersonal")]),
        ("It is not known whether the ferry sailed.", [("It is not known", "impersonal")]),
        ("The claim has long been disputed.", [("has long been disputed", "perfect")]),
        ("The new levy may be considered a tax on tourists.", [("may be considered", "modal")]),
        ("The walkout could be seen as a warning.", [("could be seen", "modal")]),
        ("The gate was rusted, which suggests it was never used.", [("which suggests", "inference")]),
        ("The path ends at the cliff, suggesting it once went further.", [(", suggesting", "inference")]),
    ],
)
def test_modal_and_inferential_hedges(sentence, expected):
    assert shapes(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The tower could be seen from the harbour.",
        "She may be considered for the post next year.",
        "The offer must be accepted within ten days.",
        "The bridge could be described by the engineer who built it.",
        "Ruiz is suggesting a new route for the buses.",
    ],
)
def test_modals_of_perception_deliberation_or_duty_are_no_hedge(sentence):
    assert shapes(sentence) == []


def test_ranking_after_a_possessive():
    assert RANKING.search("The harbour is one of the town's most valuable assets.")


def test_a_comparison_with_a_modal_is_no_hedge():
    assert shapes("Sales rose less than might be expected in a warm spring.") == []


def test_it_seems_is_the_outlets_hedge_unless_a_source_says_it():
    assert "NA204" in [f.rule for f in audit_html("<p>It seems the ferry will not sail this winter.</p>").findings]
    report = audit_html("<p>Captain Ola Berg said it seems the ferry will not sail this winter.</p>")
    assert "NA204" not in [f.rule for f in report.findings]


def test_a_passive_whose_agent_is_a_crowd():
    assert shapes("The old quay has long been regarded by many as unsafe.") == [("regarded by many", "crowd")]
    assert shapes("The levy was criticised by others on the council.") == [("criticised by others", "crowd")]
    assert shapes("The levy was criticised by the harbour board.") == []


def test_a_document_that_suggests_is_a_source_not_an_inference():
    assert shapes("The council read a report which suggests closing the library.") == []
