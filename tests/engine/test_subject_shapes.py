"""Subjects the attribution finder reads before a cue (issue #13): each shape with a look-alike that must not fire."""

from newsaudit.engine import read_text
from newsaudit.engine.attributions import find_attributions
from newsaudit.engine.quotes import find_quotes


def sources(text: str) -> list[tuple[str, str, str]]:
    """(source, cue, kind) for every attribution in a plain-text article."""
    doc = read_text(text, "a")
    return [
        (doc.text[a.source.start : a.source.end], doc.text[a.cue.start : a.cue.end], a.kind)
        for a in find_attributions(doc, find_quotes(doc))
    ]


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
