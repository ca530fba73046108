"""The learned cue model, transcript lines quoted paragraph by paragraph, and quotations a line ends with '― Name'."""

import math

from newsaudit.engine import audit, read_text
from newsaudit.engine.attributions import find_attributions, summarise_sources
from newsaudit.engine.attributions.learned_cues import (
    THRESHOLD,
    candidate_subject,
    cue_features,
    cue_weights,
    is_candidate,
)
from newsaudit.engine.quotes import find_quotes
from newsaudit.engine.tokens import tokenize

from .helpers import attributions_of


def found(text: str) -> list[tuple[str, str, str]]:
    return attributions_of(text)


def test_the_packaged_model_loads_with_finite_weights():
    weights = cue_weights()
    assert len(weights) > 1000
    assert all(math.isfinite(w) for w in weights.values())
    assert 0 < THRESHOLD < 1


def test_a_stance_verb_no_word_list_names_is_a_deed_cue():
    assert found("The shop owners resent the new parking rules.") == [("The shop owners", "resent", "deed")]
    assert found("Tom Vance opposes the levy.") == [("Tom Vance", "opposes", "deed")]


def test_things_doing_things_are_not_cues():
    for sentence in ("The ferry carries 400 cars a day.", "The bridge needs new cables.", "The council repaired it."):
        assert found(sentence) == [], sentence


def test_auxiliaries_are_never_candidates_the_verb_after_them_is():
    tokens = tokenize("Harbour residents have expressed misgivings.", 0, 44)
    assert not is_candidate(tokens, 2)  # have
    assert [(s, c) for s, c, _ in found("Harbour residents have expressed misgivings about the plan.")] == [
        ("Harbour residents", "expressed")
    ]


def test_a_listed_cue_a_few_words_on_takes_the_report():
    assert [c for _, c, _ in found("Holm went on to say the data were thin.")] == ["say"]


def test_nouns_after_a_determiner_or_preposition_and_contractions_are_never_candidates():
    text = "The champions didn't agree in favour of it."
    tokens = tokenize(text, 0, len(text))
    assert [t.text for t in tokens if is_candidate(tokens, tokens.index(t))] == ["agree"]


def scored(text: str) -> list[tuple[str, str]]:
    """(candidate word, its subject) for every token the model would score."""
    tokens = tokenize(text, 0, len(text))
    pairs = [(i, candidate_subject(tokens, i)) for i in range(len(tokens))]
    return [(tokens[i].text, " ".join(t.text for t in tokens[s[0] : s[1] + 1])) for i, s in pairs if s]


def test_a_noun_like_word_is_scored_right_after_its_subject_before_what_it_reports():
    assert ("plans", "Ana Ruiz") in scored("Ana Ruiz plans to run again.")
    assert ("fears", "Ana Ruiz") in scored("Ana Ruiz fears that Holm will win.")
    assert ("plans", "Ana Ruiz") not in scored("Ana Ruiz plans a garden.")  # no 'to', 'that', quote or name after
    assert scored("The plans to widen the road failed.") == []  # after a determiner: a noun


def test_the_features_name_what_follows_the_cue():
    text = "Ana Ruiz fears that Holm will win."
    tokens = tokenize(text, 0, len(text))
    assert "object=that" in cue_features(tokens, 2, (0, 1))
    text = "Ana Ruiz fears Holm."
    tokens = tokenize(text, 0, len(text))
    assert "object=name" in cue_features(tokens, 2, (0, 1))


def test_a_source_seen_only_doing_things_is_not_listed_as_quoted():
    report = audit(read_text("Tom Vance opposes the levy. Ana Ruiz said the levy was fair.", "t"))
    assert report.source_summary["names"] == ["Ana Ruiz"]
    assert [s["name"] for s in report.source_mix["sources"]] == ["Ana Ruiz"]
    assert report.source_mix["attributions"] == 2


def test_a_deed_adds_to_a_source_that_also_speaks():
    doc = read_text("Tom Vance opposes the levy. Vance said it would close shops.", "t")
    sources = summarise_sources(doc, find_attributions(doc, find_quotes(doc)))
    assert [(s.name, s.mentions) for s in sources] == [("Tom Vance", 2)]


def test_a_transcript_quoted_paragraph_by_paragraph_names_each_speaker():
    text = 'The exchange went as follows.\n\n"PIKE: Let us begin with the budget.\n\n"LOWE: Well, the budget is fine.\n'
    assert [(s, c) for s, c, _ in found(text)] == [("PIKE", ":"), ("LOWE", ":")]


def test_a_line_that_ends_in_a_dash_and_a_name_quotes_that_person():
    text = (
        "Readers wrote in.\n\n"
        "\u201cThe new bridge doubled my commute.\u201d \u2015 Tina Marsh\n"
        "\u201cI like the bridge at night.\u201d\u2014 Omar Lund\n"
    )
    assert [(s, c) for s, c, _ in found(text)][1:] == [("Tina Marsh", "\u2015"), ("Omar Lund", "\u2014")]
    assert "NA102" not in {f.rule for f in audit(read_text(text, "t")).active_findings}


def test_quoted_lines_run_together_or_opened_with_a_closing_mark():
    text = (
        "Readers wrote in.\n\n"
        "\u201dThe new bridge doubled my commute.\u201d \u2015 Tina Marsh\n"
        "\u201cI like the bridge.\u201d \u2015 Omar Lund \u201cIt is too loud.\u201d \u2015 Ida Holm\n"
    )
    assert [(s, c) for s, c, _ in found(text)][1:] == [
        ("Tina Marsh", "\u2015"),
        ("Omar Lund", "\u2015"),
        ("Ida Holm", "\u2015"),
    ]


def test_a_dash_inside_a_sentence_names_no_speaker():
    assert found("The plan failed \u2014 Ruiz and Holm left the room.") == []
    assert found("\u201cIt failed,\u201d \u2014 and then the lights went out.") == []


def test_a_story_whose_only_named_person_acts_has_no_named_source():
    body = " ".join(f"The ferry ran late on day {n} and the harbour queue grew longer." for n in range(1, 9))
    acting = audit(read_text(f"Ferry delays\n\n{body} Tom Vance opposes the levy.", "t"))
    speaking = audit(read_text(f"Ferry delays\n\n{body} Tom Vance said the levy was unfair.", "t"))
    assert "NA105" in {f.rule for f in acting.active_findings}
    assert "NA105" not in {f.rule for f in speaking.active_findings}


def test_a_verb_inside_a_quotation_is_not_scored_as_a_cue():
    quoted = found('Ruiz said: "The shop owners resent the new parking rules."')
    assert ("The shop owners", "resent", "deed") not in quoted
    assert [c for _, c, _ in quoted] == ["said"]
    assert found("The shop owners resent the new parking rules.") == [("The shop owners", "resent", "deed")]
