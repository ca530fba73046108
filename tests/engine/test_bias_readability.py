"""Bias, subjectivity, one-sidedness and readability findings on example paragraphs we wrote.

Each test asserts the exact set of findings, so a false positive fails as surely as a miss. The texts are ours;
none comes from an evaluation data set.
"""

import pytest

from newsaudit.engine import Config
from newsaudit.engine.passive import find_passives
from newsaudit.engine.tokens import tokenize

from .helpers import audit_html, audit_plain

BIAS = ("NA401", "NA402", "NA403", "NA404", "NA405", "NA406", "NA407", "NA408")


def bias_findings(report) -> set[tuple[str, str]]:
    return {(f.rule, f.excerpt) for f in report.findings if f.rule in BIAS}


def rule_findings(report, rule: str) -> list[str]:
    return [f.excerpt for f in report.findings if f.rule == rule]


COUNCIL_STORY = """
<p>The council's bizarre decision to close the library drew a furious response on Tuesday.</p>
<p>\u201cThis is a disgraceful, reckless plan and everyone knows it,\u201d said Maria Olsen, who chairs the
residents' association. She said the council was \u201cobsessed with cutting costs\u201d.</p>
<p>Councillor Dev Patel called the protesters \u201ca mob\u201d. There is no doubt the plan is unfair, and our
town deserves better.</p>
<p>The library, which opened in 1962, lends about 40,000 books a year.</p>
"""


def test_council_story_flags_the_outlets_words_and_not_the_speakers():
    report = audit_html(COUNCIL_STORY)
    assert bias_findings(report) == {
        ("NA401", "bizarre"),
        ("NA407", "There is no doubt"),
        ("NA407", "unfair"),
        ("NA407", "our"),
    }
    for finding in report.findings:
        if finding.rule in BIAS:
            assert finding.hint and finding.excerpt in finding.message


NEUTRAL_STORY = """
<p>Firefighters measured the blast radius after the gas explosion. Members of the Revolutionary Guard marched
past the stadium, which holds 60,000 people.</p>
<p>The toxic waste was removed from the site. The town lies on the river, and the old mill lies empty.</p>
<p>We contacted the company for comment. Our reporter asked the mayor whether the rubbish collection would
resume; the council said it would.</p>
<p>Residents woke up to flooding. The report, which was read-only for staff, listed the disabled parking bays.</p>
<p>\u201cWe are devastated and we will fight this absurd ruling,\u201d said Ana Ruiz, the owner.</p>
"""


def test_neutral_senses_newsroom_we_and_quoted_speech_are_not_bias():
    assert bias_findings(audit_html(NEUTRAL_STORY)) == set()


def test_each_category_with_its_neutral_alternative():
    report = audit_html(
        "<p>The regime's minister lashed out at critics. The iconic bridge reopened. Sadly, the extremely costly "
        "ploy failed.</p>"
    )
    found = {f.excerpt: f for f in report.findings if f.rule in BIAS}
    assert {(f.rule, excerpt) for excerpt, f in found.items()} == {
        ("NA401", "lashed out"),
        ("NA401", "ploy"),
        ("NA402", "regime"),
        ("NA403", "iconic"),
        ("NA404", "Sadly"),
        ("NA406", "extremely"),
    }
    assert "criticised" in found["lashed out"].hint
    assert "government" in found["regime"].hint


def test_previous_word_guard_and_hyphenated_compounds():
    report = audit_html("<p>He woke early. The woke agenda was mocked up in a draft. A slam-dunk win.</p>")
    assert bias_findings(report) == {("NA402", "woke")}


def test_opinion_as_fact_cues_and_their_exceptions():
    report = audit_html(
        "<p>The truth is that the policy is a mistake. The forecast was found to be wrong. "
        "How could anyone believe the new tax would pay for itself?</p>"
        "<p>What happens next?</p><p>The US economy grew 2% last year. The song Here We Go Again won.</p>"
    )
    assert {(f.rule, f.excerpt) for f in report.findings if f.rule == "NA407"} == {
        ("NA407", "The truth is"),
        ("NA407", "mistake"),
        ("NA407", "How could anyone believe the new tax would pay for itself?"),
    }


def test_continued_quotation_paragraph_is_the_speakers():
    report = audit_html(
        "<p>\u201cWe had a plan,\u201d the coach said.</p><p>\u201cWe lost our shape in the second half and we "
        "know it. Can we win the league?</p><p>The club is fourth in the table.</p>"
    )
    assert rule_findings(report, "NA407") == []


def test_scare_quotes_skip_reported_terms_and_named_programmes():
    report = audit_html(
        "<p>The mayor called the budget \u201ca betrayal\u201d. The agency's \u201crisk pool\u201d programme "
        "ends in May. The company's \u201cefficiencies\u201d cost 200 jobs.</p>"
    )
    assert rule_findings(report, "NA405") == ["\u201cefficiencies\u201d"]


# Passive voice: a precision check on sentences we wrote, passives and look-alikes.
PASSIVES = [
    ("The budget was approved on Tuesday.", "was approved"),
    ("Residents were not told about the closure.", "were not told"),
    ("The report was written in 2019.", "was written"),
    ("Two men have been arrested.", "been arrested"),
    ("The road is being repaired.", "being repaired"),
    ("Mistakes were made.", "were made"),
    ("The bridge was quickly rebuilt.", "was quickly rebuilt"),
]
LOOK_ALIKES = [
    "The mayor is interested in the plan.",
    "She was tired after the vote.",
    "Residents are concerned about traffic.",
    "The shop is located on the high street.",
    "He was born in Leeds.",
    "The firm is based in Leeds.",
    "The talks are expected to end on Friday.",
    "The museum is closed on Mondays.",
    "The bridge was built by the army.",
    "The plan was red-lined.",
    "The decision is Ted's.",
    "They were armed.",
    "The vote is set to take place in May.",
    "Readers are fed up with delays.",
]


@pytest.mark.parametrize(("sentence", "verb"), PASSIVES)
def test_passive_voice_is_found(sentence, verb):
    report = audit_html(f"<p>{sentence}</p>")
    assert rule_findings(report, "NA304") == [verb]


@pytest.mark.parametrize("sentence", LOOK_ALIKES)
def test_passive_look_alikes_are_not_flagged(sentence):
    assert rule_findings(audit_html(f"<p>{sentence}</p>"), "NA304") == []


def test_passive_in_quotation_is_the_speakers():
    report = audit_html("<p>\u201cMistakes were made,\u201d she said.</p>")
    assert rule_findings(report, "NA304") == []


def test_find_passives_notes_the_agent():
    text = "The bridge was built by the army."
    (passive,) = find_passives(tokenize(text))
    assert passive.has_agent and passive.participle == "built"


def test_nominalisations_suggest_the_verb_in_the_same_tense():
    report = audit_html(
        "<p>The committee made a decision to conduct an investigation. The sides reached an agreement.</p>"
    )
    found = {f.excerpt: f.hint for f in report.findings if f.rule == "NA305"}
    assert set(found) == {"made a decision", "conduct an investigation", "reached an agreement"}
    assert "'decided'" in found["made a decision"] and "'investigate'" in found["conduct an investigation"]
    assert "'agreed'" in found["reached an agreement"]


def test_repeated_openings():
    report = audit_html(
        "<p>He said the plan was late. He said the cost had doubled.</p>"
        "<p>Police arrested two men. Police said they were armed. Police are looking for a third.</p>"
        "<p>The bus was late. The train was cancelled. The tram ran.</p>"
        "<p>\u201cI am proud. I am tired. I am leaving,\u201d she said.</p>"
    )
    assert rule_findings(report, "NA306") == ["He said", "Police"]


def test_reading_grade_shows_the_textstat_figures_and_the_site_target():
    sentence = (
        "The municipal administration's comprehensive infrastructure modernisation programme necessitates "
        "considerable intergovernmental coordination, notwithstanding substantial budgetary uncertainty. "
    )
    report = audit_html(f"<p>{sentence * 12}</p>", Config().merge({"target_grade": 9}))
    (finding,) = [f for f in report.findings if f.rule == "NA301"]
    for figure in ("target of 9", "Flesch reading ease", "Gunning fog", "SMOG", "words", "to read"):
        assert figure in finding.message


ONE_SIDED = """
<p>The council will vote on the housing bill on Monday. Critics say it favours developers.</p>
<p>\u201cThis bill builds homes,\u201d said Ana Ruiz, a Labour councillor.</p>
<p>Labour councillor Tom Hale said the plan would pass.</p>
"""


def test_one_sided_sources_is_info_and_names_the_side():
    report = audit_html(ONE_SIDED)
    (finding,) = [f for f in report.findings if f.rule == "NA107"]
    assert finding.severity.label == "info" and finding.category == "attribution"
    assert "Labour" in finding.message and "Ana Ruiz" in finding.message and "Tom Hale" in finding.message
    assert finding.excerpt == "Ana Ruiz"


def test_two_sides_or_an_organisation_quoted_alone():
    both = audit_html(
        "<p>The council will vote on the housing bill on Monday.</p>"
        "<p>\u201cThis bill builds homes,\u201d said Ana Ruiz, a Labour councillor.</p>"
        "<p>Tom Hale, a Conservative councillor, said the plan would fail.</p>"
    )
    union = audit_html(
        "<p>Workers voted to strike at the port.</p>"
        "<p>\u201cWe will not back down,\u201d said Priya Nair of the Transport Union.</p>"
        "<p>Sam Cole, a spokesperson for the Transport Union, said talks had failed.</p>"
    )
    assert rule_findings(both, "NA107") == []
    assert [f.message for f in union.findings if f.rule == "NA107"][0].endswith("same side: Transport Union.")


def test_no_dispute_no_one_sided_finding():
    report = audit_html(
        "<p>\u201cThe garden opens in May,\u201d said Ana Ruiz, a Labour councillor.</p>"
        "<p>Labour councillor Tom Hale said the roses were planted in March.</p>"
    )
    assert rule_findings(report, "NA107") == []


def test_word_matcher_phrases_apostrophes_and_exact_offsets():
    from newsaudit.engine.lexicons import LexiconEntry
    from newsaudit.engine.wordmatch import WordMatcher

    matcher = WordMatcher(
        [
            LexiconEntry("let's be clear", "editorial", ""),
            LexiconEntry("slam", "loaded", ""),
            LexiconEntry("be", "x", ""),
        ]
    )
    text = "\u0130stanbul: Let\u2019s  be clear, a slam-dunk is not a slam."
    found = [(text[m.start : m.end], m.entry.category) for m in matcher.finditer(text)]
    assert found == [("Let\u2019s  be clear", "editorial"), ("slam", "loaded")]


def test_scare_quotes_skip_defined_terms_slogans_and_the_previous_paragraphs_speaker():
    report = audit_html(
        "<p>Engineers are teaching robots \u201cmachine manners\u201d - rules for sharing a pavement.</p>"
        "<p>The party unveiled the slogan \u201cHomes for all\u201d on Monday.</p>"
        "<p>Ana Ruiz, the owner, said the landlord had been unfair.</p>"
        "<p>The rent rise was \u201cshameless\u201d, in her view.</p>"
        "<p>The firm's \u201cefficiencies\u201d cost 200 jobs.</p>"
    )
    assert rule_findings(report, "NA405") == ["\u201cefficiencies\u201d"]


def test_really_sets_the_outlets_view_but_not_inside_an_open_quotation():
    report = audit_html(
        "<p>What the bill really does is move planning powers to ministers.</p>"
        "<p>The striker said: \u201cI have really improved here. \u201cI want to stay.</p>"
    )
    assert rule_findings(report, "NA407") == ["really"]


SUBJECTIVE_STORY = """
<p>The council put up an ugly and needless fence around the park on Monday.</p>
<p>\u201cIt is a menacing, ugly thing,\u201d said Ana Ruiz, who lives opposite.</p>
<p>Ana Ruiz said the fence was needless. A violent storm and a deadly fire hit the town last year.</p>
<p>The Menacing Shadows, a local band, played on Saturday.</p>
"""


def test_na408_flags_subjective_words_of_the_packaged_lexicon_in_the_outlets_voice_only():
    report = audit_html(SUBJECTIVE_STORY)
    # The outlet's 'ugly' and 'needless'; not the quotation, not the named source's indirect speech, not the
    # descriptive adjectives (lexicons/descriptive.txt), not a band's name.
    assert rule_findings(report, "NA408") == ["ugly", "needless"]


def test_na408_leaves_words_to_the_rules_of_our_own_lexicons():
    from newsaudit.engine.lexicons import load_lexicon, load_words
    from newsaudit.engine.lexicons.packaged import pattern_sentiment
    from newsaudit.engine.rules.bias import subjective_matcher

    scores = pattern_sentiment()
    assert scores["ugly"].polarity < 0 < scores["ugly"].min_subjectivity  # the package's file was read
    matcher = subjective_matcher()
    ours = {e.phrase for name in ("bias", "subjective") for e in load_lexicon(name)} | load_words("descriptive")
    assert not ours & set(matcher._table)
    text = "The plan is unfair and the ridiculous fence is ugly."
    assert [m.entry.phrase for m in matcher.finditer(text)] == ["ugly"]


def test_na408_is_quiet_when_the_lexicon_package_is_missing(monkeypatch):
    from newsaudit.engine.lexicons import packaged

    monkeypatch.setattr(packaged, "PATTERN_LEXICON", ("no_such_package_newsaudit", "en/en-sentiment.xml"))
    packaged.pattern_sentiment.cache_clear()
    try:
        assert packaged.pattern_sentiment() == {}
    finally:
        packaged.pattern_sentiment.cache_clear()


def test_na405_a_list_of_quoted_slogans_or_a_reported_figure_is_not_scare_quotes():
    text = (
        "Marchers carried placards such as \u201cFund our schools\u201d, \u201cnot one more cut\u201d and "
        "\u201cteachers matter\u201d.\n\nHundreds marched, with the Tribune reporting \u201cseveral thousand\u201d in "
        "the square.\n\nThe council\u2019s \u201cconsultation\u201d lasted four days, and its \u201creview\u201d two.\n"
    )
    report = audit_plain(text)
    assert rule_findings(report, "NA405") == ["\u201cconsultation\u201d", "\u201creview\u201d"]


def test_na402_a_label_of_several_words_is_flagged_when_capitalised():
    report = audit_plain("After the vote, the Loony Left will be in charge of policy. The Revolutionary Guard marched.")
    assert bias_findings(report) == {("NA402", "Loony Left")}


def test_an_adverb_made_from_a_loaded_adjective_is_loaded_too():
    from newsaudit.engine.rules.bias import adverb_of

    assert [adverb_of(w) for w in ("brutal", "clumsy", "horrible", "tragic")] == [
        "brutally",
        "clumsily",
        "horribly",
        "tragically",
    ]
    report = audit_plain("The council disgracefully closed the library and needlessly sold the land.")
    assert bias_findings(report) == {("NA401", "disgracefully"), ("NA408", "needlessly")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title-case line capitalises every word, so a capital says nothing about a name there.
        ("Council Backs Awful Harbour Plan After Short Debate", {("NA401", "Awful")}),
        ("Ferry Firm Blasted Over Late Sailings", {("NA401", "Blasted")}),
        # In running text a capitalised word mid-sentence is still a name.
        ("The ferry sailed past the Awful Rocks lighthouse at dawn on Monday.", set()),
        ("Harbour Plan Approved After Short Debate", set()),
    ],
)
def test_title_case_lines_do_not_hide_loaded_words(text, expected):
    assert bias_findings(audit_plain(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Other inflections of a listed loaded verb ("lambasted", "destroyed") are loaded too.
        ("Opposition leaders are lambasting the budget as a giveaway.", {("NA401", "lambasting")}),
        ("The new levy is destroying small bakeries, the figures show.", {("NA401", "destroying")}),
        # ... with the listed form's guards, and never the base form, which is often a noun of its own.
        ("The children were ducking under the fence to reach the pitch.", set()),
        ("The storm is destroying homes along the coast.", set()),
        ("The blast was heard two miles away.", set()),
        # A verb that is a noun first ("blast") lends its verdict to no other form: quarries do blasting.
        ("The quarry sends blasting warnings to nearby farms.", set()),
    ],
)
def test_inflections_of_loaded_verbs(text, expected):
    assert bias_findings(audit_plain(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A guard is the next word of the same phrase: a spaced dash ends the phrase.
        ("The charity has become a cult - members hand over their savings.", {("NA401", "cult")}),
        ("The director's cult film returns to cinemas next month.", set()),
        ("The director's cult-film season returns next month.", set()),
        # The infinitive is the loaded verb itself; the noun and the kitchen are not.
        ("The government moved to crush the strike within a week.", {("NA401", "crush")}),
        ("Workers crush grapes by hand in October.", set()),
        ("She admitted a crush on the singer in an interview.", set()),
    ],
)
def test_guards_keep_to_their_phrase(text, expected):
    assert bias_findings(audit_plain(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The writer's own view in the first person singular is a column's voice.
        ("As I have written before, the harbour levy cannot be fixed.", {("NA407", "I have written")}),
        ("The levy, in my view, should go.", {("NA407", "in my view")}),
        # A speaker's first person is the speaker's.
        ("\u201cI think the levy should go,\u201d the mayor said on Monday.", set()),
        ("The mayor said that in my view the levy should go was her campaign line.", set()),
    ],
)
def test_first_person_opinion_in_the_outlets_voice(text, expected):
    assert bias_findings(audit_plain(text)) == expected
