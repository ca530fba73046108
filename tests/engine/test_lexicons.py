"""The lexicon loaders: one home per word (duplicates rejected), flags from a named set only."""

import pytest

from newsaudit.engine.attributions import vocabulary
from newsaudit.engine.lexicons import LexiconError, load_lexicon, parse_lexicon, parse_word_sets

FLAGS = frozenset({"say", "invertible"})


def test_flags_are_read_from_the_fifth_column():
    entries = parse_lexicon("t", ["said\tneutral\t\t\tinvertible say", "claimed\tloaded\tsaid"], FLAGS)
    assert entries[0].flags == {"invertible", "say"}
    assert entries[1].flags == frozenset() and entries[1].alternative == "said"


def test_unknown_flag_is_rejected():
    with pytest.raises(LexiconError, match="unknown flag 'sya'"):
        parse_lexicon("t", ["said\tneutral\t\t\tsya"], FLAGS)


def test_duplicate_entry_is_rejected():
    with pytest.raises(LexiconError, match="'said' is listed twice"):
        parse_lexicon("t", ["said\tneutral", "Said\tloaded"])


def test_word_sets_keep_order_and_reject_duplicates():
    sets = parse_word_sets("t", ["[frames]", "close to", "familiar with", "[stops]", "that"])
    assert sets == {"frames": ("close to", "familiar with"), "stops": ("that",)}
    with pytest.raises(LexiconError, match="listed twice"):
        parse_word_sets("t", ["[skippable]", "had", "had"])
    with pytest.raises(LexiconError, match="defined twice"):
        parse_word_sets("t", ["[a]", "x", "[a]", "y"])
    with pytest.raises(LexiconError, match="before any"):
        parse_word_sets("t", ["orphan"])


def test_speech_verb_flags_are_properties_of_lexicon_entries():
    verbs = {e.phrase: e for e in load_lexicon("speech_verbs", flags=vocabulary.VERB_FLAGS)}
    assert {"invertible", "say"} <= verbs["said"].flags
    assert "stance" in verbs["hopeful"].flags and "stance" not in verbs["said"].flags
    assert set(verbs) >= vocabulary.INVERTIBLE and set(verbs) >= vocabulary.SAY_CUES
    # a flag on a verb is one home: no parallel Python list to drift from it
    assert "maintained" in vocabulary.REPORT_ONLY and "report" in vocabulary.NOUN_SENSE
