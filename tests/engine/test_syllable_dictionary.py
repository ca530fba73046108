"""The compact CMU dictionary gives textstat the same syllable counts as the full one."""

from newsaudit.engine.metrics import _offline_cmudict


def test_syllable_counts_match_the_first_pronunciation():
    words = _offline_cmudict()
    assert len(words) > 100_000
    assert len(words["abbreviated"][0]) == 5  # AH0 B R IY1 V IY0 EY2 T IH0 D
    assert len(words["a"][0]) == 1  # the first of two pronunciations
    assert all(phone[-1].isdigit() for phone in words["council"][0])
    assert "notawordatall" not in words
