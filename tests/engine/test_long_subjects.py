"""Long subjects before a cue (issue #13): each shape with a look-alike that must not fire. Sentences are ours."""

from .helpers import attributions_of


def sources(text: str) -> list[tuple[str, str]]:
    """(source, cue) for every attribution in a plain-text article."""
    return [(source, cue) for source, cue, _ in attributions_of(text, "kind")]


def test_a_name_with_a_long_apposition_after_a_quotation():
    assert ("Ana Ruiz, 67, a nurse in Leeds, Yorks.", "said") in sources(
        "''I do not know,'' Ana Ruiz, 67, a nurse in Leeds, Yorks., said by telephone."
    )
    assert ("Bill Hale, wearing \u201cVote Hale\u201d pins and a red hat", "said") in sources(
        "\u201cWe won,\u201d Bill Hale, wearing \u201cVote Hale\u201d pins and a red hat, said."
    )


def test_a_quoted_title_inside_an_apposition():
    assert sources('Holm, the author of "Harbour Days," about the town, said the ferry failed.')[0] == (
        'Holm, the author of "Harbour Days," about the town',
        "said",
    )


def test_a_subject_with_an_aside_between_dashes():
    assert sources("Voters in the two counties \u2014 Kent and Essex \u2014 said the ferry failed.")[0] == (
        "Voters in the two counties \u2014 Kent and Essex",
        "said",
    )


def test_a_subject_with_a_relative_clause_and_an_aside():
    found = sources("Yet some riders who have used the ferry for years, in summer or in winter, said it was late.")
    assert found[0] == ("some riders who have used the ferry for years, in summer or in winter", "said")


def test_a_clause_before_an_inverted_say_verb_is_what_was_said():
    assert sources("The quay, to be fair, is old, said Ruiz.") == [("Ruiz", "said")]
    assert sources("The ferry, they were told, would be late, says one harbour official.")[-1][1] == "says"
    assert all(source != "The ferry" for source, _ in sources("The ferry, they were told, would be late, said Holm."))


def test_a_participle_in_an_aside_is_no_cue_for_the_phrase_before_it():
    assert sources("The tentative ferry deal, announced Friday, will last four years.") == []


def test_a_described_subject_opening_its_clause():
    assert sources("The petition accuses the council of hiding the ferry costs.") == [("The petition", "accuses")]
    assert ("one rider", "wrote") in sources("The quay was shut, while one rider wrote that the ferry was late.")
    assert sources("The new accord called for a second ferry.") == [("The new accord", "called")]


def test_a_description_before_a_participle_a_noun_or_an_act_is_no_subject():
    assert sources("The ballot measure planned for May would add a second ferry.") == []
    assert sources("A brass band called Quayside played on the pier.") == []
    assert sources("The strong jobs report has cleared the way for the ferry.") == []
    assert sources("The storm threatened to close the quay for a week.") == []


def test_an_inverted_verb_with_a_description_closing_the_clause():
    assert sources('"She did not like that," said a 2012 harbour veteran.') == [("a 2012 harbour veteran", "said")]
    assert sources('"Is it far?" asked the boy, who was holding a kite.')[0] == ("the boy", "asked")
    # the description must close the clause: 'the boy in the boat' is not read
    assert sources('"Is it far?" asked the boy in the boat.') == []


def test_a_clause_opening_with_a_plural_noun_and_its_modifiers():
    assert sources("Indeed, weary commuters from the north have complained that the ferry is late.") == [
        ("weary commuters from the north", "complained")
    ]
    assert sources("Weary commuters have complained that the ferry is late.") == [("Weary commuters", "complained")]


def test_a_plural_noun_with_a_verb_of_its_own_or_before_a_participle_is_no_subject():
    assert sources("Many carried placards supporting the ferry.") == []
    assert sources("Four skippers seeking new moorings sailed to Leeds.") == []
    assert sources("Nearby, toxic chemicals found in the harbour killed fish.") == []


def test_a_pronoun_after_a_capitalised_conjunction():
    assert sources("Because we know the ferry is late, we walk.")[0] == ("we", "know")
    assert sources("Though she never mentioned the mayor by name, the ferry was late.")[0] == ("she", "mentioned")


def test_a_progressive_verb_after_a_described_or_plural_subject():
    assert sources("The harbour trust is seeking damages from the builder.") == [("The harbour trust", "seeking")]
    assert sources("Weary commuters are calling for a second ferry.") == [("Weary commuters", "calling")]
    # without 'be' the participle describes the noun
    assert sources("Nearby, the harbour trust seeking damages met the builder.") == []


def test_a_participle_after_a_dash_has_the_sentence_subject():
    assert sources("Ana Ruiz changed her mind on the quay \u2013 saying the ferry was late.") == [
        ("Ana Ruiz", "saying")
    ]


def test_a_quantifier_after_an_opening_conjunction():
    assert sources("Yet another said the ferry was late.") == [("another", "said")]


def test_a_subject_before_a_relative_whose():
    assert sources("The harbour officials whose budgets were cut say the ferry is late.") == [
        ("The harbour officials", "say")
    ]


def test_a_share_of_respondents_with_its_modifiers():
    assert sources("Only about 4 in 10 harbour voters in each ward want a new ferry.") == [
        ("Only about 4 in 10 harbour voters in each ward", "want")
    ]
    assert sources("Two-thirds of riders want a new ferry.") == [("Two-thirds of riders", "want")]


def test_a_share_that_is_no_respondents_is_no_source():
    assert sources("The top 1 percent would see a tax cut.") == []
    # the finite verb before 'to back' is the clause's own: no second, longer subject for 'back'
    assert sources("Three-quarters of the board voted to back the ferry.") == [("Three-quarters of the board", "voted")]
    assert sources("About 40 percent of reported fares went to the quay.") == []


def test_a_plural_subject_before_a_verb_of_thinking():
    assert sources("But weary commuters on the north shore believe the ferry is late.") == [
        ("weary commuters on the north shore", "believe")
    ]


def test_an_auxiliary_between_a_long_subject_and_its_say_verb():
    assert sources("Two skippers, both from Leeds, have said the ferry is late.") == [
        ("Two skippers, both from Leeds", "said")
    ]
    # a clause with a verb of its own before the comma is what was said
    assert sources("The ferry ran late again, said many riders who waited.")[0][0] != "The ferry ran late again"


def test_continue_and_seem_chain_to_the_cue():
    assert sources("Ruiz and Holm continue to warn that the ferry timetable is wrong.") == [("Ruiz and Holm", "warn")]
    assert sources("Ruiz and Holm seem to deny that the ferry was late.") == [("Ruiz and Holm", "deny")]


def test_a_description_holding_a_possessive_name():
    assert sources("As the Harbour Trust's investigative unit reported last week, the ferry was late.")[0] == (
        "the Harbour Trust's investigative unit",
        "reported",
    )


def test_an_inverted_verb_with_a_number_or_a_date_before_the_speaker():
    assert sources('"The quay is old," said 9/11 widow Ana Ruiz.') == [("9/11 widow Ana Ruiz", "said")]
    assert sources('"It is," said 2012 harbour veteran Ana Ruiz.') == [("2012 harbour veteran Ana Ruiz", "said")]
