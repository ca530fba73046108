"""Weasel phrases launder nothing: what a crowd, unnamed evidence or a hedge 'says' is checked as the outlet's
own words; a named source's direct quotation and indirect speech after a verb of saying are the source's."""

import pytest

from newsaudit.engine.attributions import is_crowd, is_vague_evidence

from .helpers import audit_plain, rules_of

CLAIM = 'the radical scheme is a disaster, and 70% of residents oppose the "reform".'


@pytest.mark.parametrize(
    "opening",
    [
        "Critics say",
        "Many experts believe",
        "Observers note that",
        "Recent surveys show",
        "National opinion polls suggest",
        "Independent studies indicate",
    ],
)
def test_crowds_vague_evidence_and_hedges_flag_the_loaded_word_the_figure_and_scare_quotes(opening):
    fired = rules_of(audit_plain(f"{opening} {CLAIM}"))
    assert {"NA401", "NA205", "NA405"} <= set(fired), fired


def test_a_hedged_claim_is_the_outlets_too():
    fired = rules_of(audit_plain(f"Reportedly, {CLAIM}"))
    assert {"NA204", "NA401", "NA405"} <= set(fired), fired


def test_a_named_sources_direct_quotation_flags_none_of_them():
    fired = rules_of(
        audit_plain(
            'Ana Ruiz, the council leader, said: "The radical scheme is a disaster, and 70% of '
            'residents oppose this so-called reform."'
        )
    )
    assert not {"NA401", "NA205", "NA405"} & set(fired), fired


def test_a_named_sources_indirect_speech_after_a_verb_of_saying_is_theirs():
    assert "NA401" not in rules_of(audit_plain("Ana Ruiz, the council leader, said the radical scheme was a disaster."))


def test_a_paraphrase_of_what_a_named_source_thinks_is_the_outlets_wording():
    assert "NA401" in rules_of(audit_plain("Ana Ruiz believes the radical scheme will fail."))


def test_crowd_and_vague_evidence_shapes():
    assert is_crowd("Critics", True) and is_crowd("many experts", True) and is_crowd("Others, two economists", True)
    assert not is_crowd("Ana Ruiz", False) and not is_crowd("a senior official", True)
    for phrase in ("polls", "Recent surveys", "National opinion polls", "Independent studies", "new data"):
        assert is_vague_evidence(phrase), phrase
    for phrase in ("Gallup polls", "the studies", "its reports", "a survey"):
        assert not is_vague_evidence(phrase), phrase


def test_vague_evidence_is_no_named_source():
    report = audit_plain("Polls suggest the plan is unpopular. Ana Ruiz said the plan would go ahead.")
    assert report.source_summary["names"] == ["Ana Ruiz"]
    assert {s.name: s.kind for s in report.sources}["Polls"] == "anonymous"
