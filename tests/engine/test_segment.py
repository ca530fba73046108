import pytest

from newsaudit.engine.segment import split_paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_sentences():
    text = "Gov. Ana Ruiz met Sen. Lee at 10 a.m. on Monday. They spoke for an hour."
    assert sentences(text) == ["Gov. Ana Ruiz met Sen. Lee at 10 a.m. on Monday.", "They spoke for an hour."]


def test_dotted_acronym_ends_sentence_only_before_an_opener():
    assert sentences("Troops left the U.S. The base closed.") == ["Troops left the U.S.", "The base closed."]
    assert sentences("The U.S. Senate voted.") == ["The U.S. Senate voted."]


def test_indep_and_initials():
    assert len(sentences("Indep. Analysis based on open media. J. K. Lowe wrote it.")) == 2


def test_quote_closing_after_full_stop_stays_with_its_sentence():
    text = 'She said: "We will build it." Work starts soon.'
    assert sentences(text) == ['She said: "We will build it."', "Work starts soon."]


def test_dateline_is_not_split():
    assert sentences("TOKYO \u2014 Markets fell. Bonds rose.") == ["TOKYO \u2014 Markets fell.", "Bonds rose."]


def test_offsets_are_exact():
    text = "  One here.   Two there!  "
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]


def test_paragraphs_split_on_blank_lines():
    text = "First para\nstill first.\n\n  \nSecond."
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["First para\nstill first.", "Second."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mill was listed.[1][2][3] Its wheel still turns. Visitors come in May.",
            ["The mill was listed.[1][2][3]", "Its wheel still turns.", "Visitors come in May."],
        ),
        ("The dam was finished early.[citation needed] Nobody checked.", None),
        ("The ferry was retired in spring.14 A new one arrived later.", None),
        ("Stir in 1 lb. flour and 2 tbsp. sugar. Bake for an hour.", None),
        ("The bridge cost 2.5 million. It opened in 1998.", None),
    ],
)
def test_footnote_markers_and_recipe_units_do_not_merge_or_split_sentences(text, expected):
    sentences = [text[start:end] for start, end in split_sentences(text)]
    if expected is None:
        assert len(sentences) == 2, sentences
    else:
        assert sentences == expected


def test_an_overlong_paragraph_is_cut_at_a_line_break_not_inside_a_line():
    """Text whose paragraphs are single lines with no blank line between: a cut that keeps each piece bounded
    falls between two lines, so "said Ruiz." stays with its sentence."""
    first = "The harbour board met again on Tuesday to weigh the dredging plan. " * 20
    second = "It is a long way off," + " and costs keep rising" * 30 + ", said Ruiz. The vote is next week."
    text = first.strip() + "\n" + second
    pieces = [text[s:e] for s, e in split_paragraphs(text)]
    assert len(pieces) == 2
    assert pieces[1] == second
