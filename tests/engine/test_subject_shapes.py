"""Subjects the attribution finder reads before a cue (issue #13): each shape with a look-alike that must not fire."""

from .helpers import attributions_of


def sources(text: str) -> list[tuple[str, str, str]]:
    """(source, cue, kind) for every attribution in a plain-text article."""
    return attributions_of(text, "kind")


def test_a_role_with_its_of_phrase_before_any_cue():
    assert sources("The minister of fisheries argues the harbour needs dredging.") == [
        ("The minister of fisheries", "argues", "person")
    ]
    assert sources("Members of the harbour board insist the ferry will run.")[0][:2] == (
        "Members of the harbour board",
        "insist",
    )


def test_an_of_phrase_that_names_no_speaker_is_no_subject():
    # 'many' is a crowd word and 'same' no noun: neither phrase speaks
    assert sources("Many of the upcoming ferry routes favor Vance on paper.") == []
    assert sources("Holm struck many of the same notes in Bergen.") == []


def test_a_role_and_its_name_in_apposition_before_told():
    assert sources("The minister of fisheries, Ida Holm, told reporters the quay would close.") == [
        ("The minister of fisheries, Ida Holm", "told", "person")
    ]


def test_told_after_a_bare_comma_is_followed_by_its_addressee():
    # the apposition is not read, but 'reporters' is the audience, never the speaker
    found = sources("The ferry will run, an aide to the mayor, Tad Ruiz, told reporters on Monday.")
    assert all(source != "reporters" for source, _, _ in found)
    # after a quotation the speaker does follow the verb
    assert ("Ruiz", "told", "person") in sources('"The ferry will run," told Ruiz on the quay.')


def test_an_of_phrase_inside_a_clause_is_no_apposition():
    found = sources(
        "Buyers proved resilient to a host of troubles, like the harbour fire, said Ana Vance, an economist."
    )
    assert found[0][0].startswith("Ana Vance")


def test_a_quantifier_opening_the_clause_is_an_anonymous_subject():
    assert sources("All agreed that the ferry was late.") == [("All", "agreed", "anonymous")]
    assert sources("Not everyone agrees that the quay is safe.") == [("everyone", "agrees", "anonymous")]
    # 'Both' points back at the two just named: no crowd
    assert sources("Ruiz met Holm in Bergen. Both insist the ferry will run.")[-1] == ("Both", "insist", "person")


def test_a_quantifier_before_auxiliaries_and_adverbs_is_the_subject():
    assert [found[:2] for found in sources("Both have promised to fix the quay.")] == [("Both", "promised")]
    assert [found[:2] for found in sources("Each recognized the risk of the plan.")] == [("Each", "recognized")]
    # a quantifier before a noun is no subject of its own
    assert sources("All registered voters got a letter.") == []


def test_twice_ever_and_soon_between_a_subject_and_its_verb():
    assert sources("The union has twice complained to the council about the fares.")[0][:2] == (
        "The union",
        "complained",
    )
    assert sources("We would soon learn that the quay was shut.")[0][:2] == ("We", "learn")


def test_a_quantifier_before_a_participle_is_no_subject():
    assert sources("But while all registered ferry users are split, the quay stays open.") == []


def test_texts_that_can_be_cited_head_a_document_source():
    assert sources("One slide says the ferry will close in May.") == [("One slide", "says", "document")]
    assert sources("The missive suggests the harbour board will not back down.") == [
        ("The missive", "suggests", "document")
    ]
    # a message is as often a stance as a text: no source
    assert sources("Her message starkly contrasts with the harbour board's.") == []


def test_evidence_closing_the_sentence_is_its_source():
    found = sources("He agreed to sell the quay to Ruiz in 2010, records show.")
    assert ("records", "show", "document") in found
    # a listed evidence verb inside the sentence stays part of the report
    assert all(cue != "show" for _, cue, _ in sources("He agreed to show the quay to Ruiz in 2010."))


def test_a_report_only_verb_or_added_to_after_a_quotation_reports_it():
    assert sources('"Not one of them was ready," Holm maintains.') == [("Holm", "maintains", "person")]
    assert sources('"It was twice the size," Ruiz added to the Herald.') == [("Ruiz", "added", "person")]
    # without the quotation these are other senses: a lead kept, a sum added
    assert sources("Ruiz maintains her lead in Bergen.") == []
    assert sources("The harbour fee added to the cost of the ferry.") == []


def test_a_role_and_its_apposed_name_after_a_comma():
    found = sources("The ferry will run all winter, a spokeswoman, Ana Holm, said on Saturday.")
    assert found == [("a spokeswoman, Ana Holm", "said", "person")]
    found = sources("Last week, the harbour director, Ida Vance, recommended that no fees be charged.")
    assert found[0][:2] == ("the harbour director, Ida Vance", "recommended")
    # a list of names stays a list: only the name before the verb
    assert sources("Ruiz, Holm, Vance said no.") == [("Vance", "said", "person")]
    # with a name before the role, that name is the one apposed
    found = sources("Bo Lund, the harbour editor, Quay Weekly, said the fees would rise.")
    assert found[0][0].startswith("Bo Lund")


def test_a_speaker_noun_is_the_subject_of_a_second_say_verb():
    found = sources("The official rubbed his chin and said the quay was safe.")
    assert found == [("The official", "said", "person")]
    # a noun that is no speaker, or a verb that is no say-verb, is left alone
    assert sources("A few minutes later the ferry left and said nothing.") == []
    assert sources("The official sat down and admired the quay.") == []


def test_a_group_more_likely_to_say_is_its_source():
    found = sources("Harbour voters are slightly more likely to say that Vance represents them.")
    assert found[0][:2] == ("Harbour voters", "say")
    # a forecast is no answer: 'likely to support', and a thing is no speaker
    assert all(cue != "support" for _, cue, _ in sources("Harbour voters are more likely to support Vance."))
    assert sources("The ferry is likely to say nothing.") == []


def test_a_second_verb_after_opening_time_phrases_has_the_sentence_subject():
    found = sources("A month later, he paid a visit to the harbour in Leeds and explained why the plan would work.")
    assert [f[:2] for f in found] == [("he", "explained")]
    found = sources("On Thursday, after weeks of silence, Ruiz met the mayor and officially endorsed Holm.")
    assert [f[:2] for f in found] == [("Ruiz", "endorsed")]
    # a time phrase is no subject of its own
    assert ("Hours", "telling") not in [f[:2] for f in sources("Hours later, Ruiz thanked Holm, telling him so.")]


def test_a_year_between_the_subject_and_its_verb():
    assert [f[:2] for f in sources("The union in 2009 agreed to sell the quay.")] == [("The union", "agreed")]


def test_a_share_of_those_just_named_before_of_whom():
    found = [f[:2] for f in sources("The fishermen, many of whom say the quay is old, met the mayor.")]
    assert found == [("many of whom", "say")]
    found = [f[:2] for f in sources("Ruiz, Holm and Vance, all of whom opposed the plan, met the mayor.")]
    assert found == [("all of whom", "opposed")]


def test_those_with_an_adjective_phrase_before_a_say_verb():
    assert [f[:2] for f in sources("Those close to him say that the quay is old.")] == [("Those close to him", "say")]
