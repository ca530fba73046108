"""A say-verb after an aside that holds a cue of its own, and one source span per speaker in a sentence (issue #13).
Sentences are ours."""

from .helpers import attributions_of


def sources(text: str) -> list[tuple[str, str]]:
    """(source, cue) for every attribution in a plain-text article."""
    return [(source, cue) for source, cue, _ in attributions_of(text, "kind")]


def test_a_say_verb_after_an_aside_with_a_cue_of_its_own():
    found = sources("Holm, later claiming - wrongly - that the mayor wanted a second quay, said the ferry was late.")
    assert ("Holm, later claiming - wrongly - that the mayor wanted a second quay", "said") in found
    found = sources("Ana Ruiz, in the wake of a new survey showing her lead had shrunk, told reporters she would win.")
    assert [cue for _, cue in found] == ["told"]


def test_a_cue_inside_another_source_describes_it():
    # 'the host' pressing Ruiz is part of Ruiz's description, not a source of its own
    found = sources("Ruiz, pressed by the host to explain the fares, said the ferry was late.")
    assert found == [("Ruiz, pressed by the host to explain the fares", "said")]
    assert ("the union", "want") not in sources("Holm, whose union wants a second quay, said the ferry was late.")


def test_a_relative_who_inside_a_source_keeps_its_own_cue():
    found = sources("Holm, who said last year that she would run, said the ferry was late.")
    assert ("who", "said") in found


def test_sources_opening_at_the_same_word_share_the_longest_span():
    found = sources('"The ferry is late," said Ana Ruiz, a nurse in Leeds, adding that the quay was shut.')
    assert {source for source, _ in found} == {"Ana Ruiz, a nurse in Leeds"}
    assert [cue for _, cue in found] == ["said", "adding"]


def test_two_speakers_in_one_sentence_keep_their_own_spans():
    found = sources("Ruiz said the ferry was late, and Holm said the quay was shut.")
    assert found == [("Ruiz", "said"), ("Holm", "said")]


def test_a_subject_after_an_opening_phrase_with_a_cue_opens_its_own_clause():
    found = sources("In her statement condemning the fares, Ruiz defended her record at the port.")
    assert ("Ruiz", "defended") in found
    found = sources("The ferry will stay docked while the fares are reviewed, a harbour judge ruled Monday.")
    assert ("a harbour judge", "ruled") in found
    # the last names of a list inside a reported clause are what was reported
    assert sources("Holm said that Ruiz, Bash and Vance had mentioned it.") == [("Holm", "said")]


def test_a_participle_after_with_and_its_subject():
    found = sources("Ruiz said the quay was shut, with Holm telling reporters that the ferry was late.")
    assert found == [("Ruiz", "said"), ("Holm", "telling")]


def test_a_described_subject_after_but():
    found = sources("Ruiz said the fares would fall - but the harbour officials said they would rise.")
    assert found == [("Ruiz", "said"), ("the harbour officials", "said")]


def test_a_named_subject_after_an_aside_between_dashes_opens_its_own_clause():
    text = (
        "Critics say the fares rose \u2014 as was true in the years the figures were made public \u2014 Ruiz boasted."
    )
    assert sources(text) == [("Critics", "say"), ("Ruiz", "boasted")]
