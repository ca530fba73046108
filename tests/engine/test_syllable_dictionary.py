"""The compact CMU dictionary gives textstat the same syllable counts as the full one."""

from newsaudit.engine.metrics import _offline_cmudict


def test_syllable_counts_match_the_first_pronunciation():
    words = _offline_cmudict()
    assert len(words) > 100_000
    assert len(words["abbreviated"][0]) == 5  # AH0 B R IY1 V IY0 EY2 T IH0 D
    assert len(words["a"][0]) == 1  # the first of two pronunciations
    assert all(phone[-1].isdigit() for phone in words["council"][0])
    assert "notawordatall" not in words


def test_textstat_internals_the_offline_patch_relies_on_are_patched():
    """metrics.py replaces textstat's dictionary lookup (which would download NLTK data) in two private modules;
    a textstat release that moves them must fail here, not fetch at run time (pyproject pins the tested range)."""
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    from newsaudit.engine.metrics import _textstat

    textstat = _textstat()
    assert _get_cmudict.get_cmudict("en_US") is _offline_cmudict()
    assert _count_syllables.get_cmudict("en_US") is _offline_cmudict()
    assert textstat.syllable_count("abbreviated") == 5
