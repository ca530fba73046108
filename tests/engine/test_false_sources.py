"""Things that are not sources, and unnamed sources that are not named: our own sentences, one per shape."""

import time

import pytest

from newsaudit.engine.attributions import CaseEvidence, is_named, names_someone

from .helpers import attributions_of, audit_plain, rules_of


def _sources(text: str) -> list[str]:
    return [a.source.text for a in audit_plain(text).attributions]


def _named(text: str) -> list[str]:
    return audit_plain(text).source_summary["names"]


def _unnamed_only(sentence: str):
    """The report of `sentence`, after checking that it names no source and lists one anonymous entry."""
    report = audit_plain(sentence)
    assert report.source_summary["names"] == []
    assert [s["kind"] for s in report.source_mix["sources"]] == ["anonymous"]
    return report


def test_a_section_heading_with_a_colon_is_no_speaker():
    text = "Harbour talks resume\n\nBackground: Years of Rivalry\n\nThe two ports have competed since 1990."
    assert _sources(text) == []


def test_a_colon_speaker_still_speaks():
    assert _sources('Ruiz: "We will appeal."') == ["Ruiz"]


def test_a_place_after_in_is_no_named_source():
    text = "Early tools found in Jutland suggest that farming began sooner than thought."
    assert _named(text) == []


def test_a_discourse_word_is_not_part_of_the_name():
    assert _sources("Though Mayor Ana Ruiz declined to comment, the council went ahead.") == ["Mayor Ana Ruiz"]


@pytest.mark.parametrize(
    "sentence",
    ["Spanish government officials indicated that the talks had failed.", "The talks failed, French diplomats said."],
)
def test_a_proper_adjective_is_no_name(sentence):
    report = audit_plain(sentence)
    assert report.source_summary["names"] == []
    assert "NA203" in rules_of(report)


@pytest.mark.parametrize(
    "sentence",
    [
        "West Virginia officials said the ferry would sail on Monday.",
        "The ferry will sail on Monday, Ohio election officials said.",
        "New York harbour officials said the ferry would sail on Monday.",
    ],
)
def test_a_place_before_a_role_noun_is_no_name(sentence):
    assert "NA203" in rules_of(_unnamed_only(sentence))


def test_police_named_by_a_place_are_no_named_body_but_a_department_is():
    assert _named("Ohio police said the ferry had sunk near the harbour.") == []
    assert _named("The Ohio Police Department said the ferry had sunk.") == ["Ohio Police Department"]
    assert _named("The New York Times reported that the ferry had sunk.") == ["New York Times"]


def test_a_place_inside_a_longer_name_still_names():
    assert _named("The Virginia Harbour Trust said the ferry had sunk.") == ["Virginia Harbour Trust"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a plural role noun after capitalised modifiers: the body or the region is named, the people are not
        "Virginia Harbour Trust officials said the ferry had sunk.",
        "Ruiz campaign aides said the ferry had sunk.",
        "Central Asian leaders said the pipeline would open in May.",
        "Many Baltic shipping executives said the levy was too high.",
        # a people, a faith or the residents of a place: a crowd
        "Europeans say the levy is fair.",
        "Many Catholics said the new rules went too far.",
        "Iranians said the talks had stalled.",
        "Floridians said the storm was the worst in years.",
    ],
)
def test_people_described_not_named_are_unnamed(sentence):
    _unnamed_only(sentence)


def test_a_name_joined_to_a_crowd_is_not_made_anonymous():
    [attribution] = audit_plain("Mayor Ana Ruiz and council members said the road would close.").attributions
    assert not attribution.anonymous


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        ("In a Facebook post, Ruiz wrote that the ferry was late.", ["Ruiz"]),
        ("Under the Holm plan, harbour fees would rise.", []),
        ("The Council plans to close the road in May.", ["The Council"]),
    ],
)
def test_a_noun_of_speech_after_a_determiner_and_a_name_is_no_cue(sentence, sources):
    assert _sources(sentence) == sources


@pytest.mark.parametrize(
    "sentence",
    [
        "National opinion polls suggest the plan is unpopular.",
        "Recent surveys show the plan is unpopular.",
        "Independent studies indicate the plan is unpopular.",
        "The plan is unpopular, recent surveys show.",
    ],
)
def test_vague_evidence_with_adjectives_is_vague_evidence(sentence):
    report = audit_plain(sentence)
    assert report.source_summary["names"] == []
    assert "NA202" in rules_of(report) or sentence.endswith("show.")


def test_headline_words_in_title_case_are_no_names_unless_the_story_uses_them():
    text = "Union Keeps Talking as Strike Looms\n\nThe union met the port's managers on Monday. No deal was reached."
    assert _named(text) == []
    named = "Ruiz Says Strike Looms Over Port\n\nAna Ruiz, who leads the union, said talks had failed."
    assert _named(named) == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("Ana Ruiz", True),
        ("Bank of England", True),
        ("the Harbour campaign", True),
        ("Rep. Ana Ruiz (D-Ore.)", True),
        ("the wake of the Harbour Times", False),
        ("Spanish diplomats", False),
        ("Following", False),
        ("Conversely", False),
        ("E.U. rules", False),
    ],
)
def test_is_named(phrase, named):
    assert is_named(phrase) is named


def test_both_ministers_after_the_ministers_were_named_is_no_anonymous_source():
    text = (
        "Ana Ruiz, the finance minister, met Tom Berg, the trade minister, on Monday. Ruiz said the talks went well. "
        "Berg said it was early. Both ministers stressed that a deal was close."
    )
    report = audit_plain(text)
    both = next(a for a in report.attributions if a.source.text == "Both ministers")
    assert not both.anonymous
    assert report.source_summary["names"] == ["Berg", "Ruiz"]
    alone = next(a for a in audit_plain("Both ministers stressed that a deal was close.").attributions)
    assert alone.anonymous


def test_an_abstract_subject_adding_a_thing_is_no_source():
    assert _sources("The dispute added new pressure on the talks.") == []
    assert _sources("Ruiz added that more talks were planned.") == ["Ruiz"]


def test_is_calling_for_is_a_cue():
    assert _sources("The union is calling for an inquiry into the port.") == ["The union"]


def test_a_headline_that_quotes_its_speaker_after_a_colon_names_the_speaker():
    text = "Harbour vote\n\nRuiz: \u2018We Will Not Sell the Harbour\u2019\n\nRuiz spoke to the council on Monday."
    assert _sources(text) == ["Ruiz"]


@pytest.mark.parametrize("label", ["Question", "Answer", "Name", "Remember"])
def test_a_form_label_before_a_colon_is_no_speaker(label):
    assert _sources(f"{label}: Who will run the harbour after the vote?") == []


@pytest.mark.parametrize("dateline", ["BERGEN (Reuters) \u2013", "Bergen (AP) \u2014", "BERGEN \u2014"])
def test_a_dateline_is_no_source_and_the_story_subject_speaks(dateline):
    text = f"Port row\n\n{dateline} Mayor Ana Ruiz on Monday toured the docks, accusing the port board of neglect."
    assert _sources(text) == ["Mayor Ana Ruiz"]


def test_a_place_speaks_but_is_no_named_source():
    text = (
        "Beijing vowed to respond. The United States pledged to cut its tariffs, and the West stayed silent. "
        "Ana Ruiz, the trade minister, said talks would go on."
    )
    report = audit_plain(text)
    assert [a.source.text for a in report.attributions][:2] == ["Beijing", "The United States"]
    assert report.source_summary["names"] == ["Ana Ruiz"]


def test_a_surname_that_is_also_a_common_noun_stays_a_name():
    text = '"Every time you say that," Tester said. Politico reported that the vote was close.'
    assert _named(text) == ["Politico", "Tester"]


@pytest.mark.parametrize(
    "item",
    [
        "Keeps saying the harbour is safe, when inspectors found cracks.",
        "Preys on fears of job losses, claiming the port will close.",
        "Talk compared to a sales pitch by the port's critics.",
        "Employers now seek workers with degrees.",
    ],
)
def test_a_capitalised_common_word_opening_a_list_item_is_no_named_source(item):
    text = (
        f"Harbour row\n\nWhat the mayor gets wrong:\n\n{item}\n\nAna Ruiz, the port engineer, said the cracks were old."
    )
    report = audit_plain(text)
    assert len(report.attributions) == 2  # still a source the story quotes; only not a named one
    assert report.source_summary["names"] == ["Ana Ruiz"]


def test_a_kicker_in_capitals_is_no_named_source():
    text = (
        "Saving for college\n\nSome families start a fund early.\n\n"
        "START A FUND Let\u2019s say you want to pay for four years of college. "
        "Ana Ruiz, a planner in Leeds, said most parents start too late."
    )
    assert _named(text) == ["Ana Ruiz"]


def test_a_headline_after_its_colon_speaker_holds_the_speakers_words():
    text = (
        "Ruiz: Holm Asking Council To Sell Harbour \u2018Is a Betrayal\u2019\n\n"
        "Holm, the council leader, said on Monday that the harbour should be sold. Ruiz chairs the harbour trust."
    )
    assert _sources(text) == ["Ruiz", "Holm, the council leader"]


def test_a_run_in_heading_before_a_colon_is_no_speaker():
    text = (
        "What the port can do\n\nDredging.\n\nDeeper Channels Attract Larger Ships: Dredging the channel would let "
        "the port take the largest ships, which now sail past. Ana Ruiz, the harbour master, said the work would "
        "take two years."
    )
    assert _sources(text) == ["Ana Ruiz, the harbour master"]
    for speaker in ("Mayor Ana Ruiz", "Fen Port Trust"):  # a name before a colon and prose still speaks
        assert _sources(f"{speaker}: The work will take two years, and the port will stay open.") == [speaker]


def test_a_capitalised_noun_of_speech_ends_the_name_it_follows():
    text = "The leak was first reported by The Bergen Post. Ana Ruiz said the port would respond."
    assert _sources(text) == ["The Bergen Post", "Ana Ruiz"]
    assert _named(text) == ["Ana Ruiz", "Bergen Post"]
    headline = "Ruiz Reports Loss at Port\n\nAna Ruiz said the port lost money."
    assert _sources(headline) == ["Ruiz", "Ana Ruiz"]  # in a title-case headline 'Reports' stays the cue


def test_a_story_whose_only_other_speaker_is_a_place_rests_on_one_named_source():
    body = " ".join(f"The harbour handled {n} ships in week {n}." for n in range(2, 9))
    text = f"Ana Ruiz said the harbour would stay open. Oklahoma said it would send ships. {body}"
    report = audit_plain(text)
    assert report.source_summary["names"] == ["Ana Ruiz"]
    assert "NA104" in rules_of(report)
    two = text.replace("Oklahoma said", "Tom Berg said")
    assert "NA104" not in rules_of(audit_plain(two))


def test_a_clause_opened_by_that_after_a_comma_is_no_aside_of_the_name_before_it():
    text = (
        "The mayor keeps insisting, most recently in an interview with Radio Fen, that she really, really wants a vote."
    )
    assert "Radio Fen" not in " ".join(_sources(text))
    assert _named(text) == []
    assert _sources("Ana Ruiz, the port engineer, said the cracks were old.") == ["Ana Ruiz, the port engineer"]


@pytest.mark.parametrize(
    "name",
    ["Veto " * 40000 + "Ruiz", "SAVE A " * 20000 + "Let", "Ruiz, " * 20000, "the " * 30000 + "United States"],
)
def test_the_summary_name_test_on_hostile_names_is_linear(name):
    text = ("for Veto Power, the port said; " * 20000) + name
    started = time.perf_counter()
    names_someone(name, CaseEvidence(text))
    assert time.perf_counter() - started < 5


def test_the_name_test_reads_its_lexicons_from_the_installed_packages_and_goes_quiet_without_them(monkeypatch):
    from newsaudit.engine.lexicons import packaged

    assert packaged.pattern_tags()["Keeps"] == "VBZ" and "oklahoma" in packaged.place_names()
    monkeypatch.setattr(packaged, "PATTERN_TAGS", ("no_such_package_newsaudit", "en/en-lexicon.txt"))
    monkeypatch.setitem(__import__("sys").modules, "pycountry", None)
    packaged.pattern_tags.cache_clear()
    packaged.place_names.cache_clear()
    try:
        assert packaged.pattern_tags() == {} and packaged.place_names() == frozenset()
        assert names_someone("Keeps", CaseEvidence("Keeps saying so.")) is True  # no lexicon, no verdict
        assert names_someone("Ana Ruiz", CaseEvidence("Ana Ruiz said so.")) is True
    finally:
        packaged.pattern_tags.cache_clear()
        packaged.place_names.cache_clear()


@pytest.mark.parametrize("label", ["Cruz: Just hang on.", "Holm: A closing surge.", "Berg: Finish second."])
def test_a_listicles_section_label_after_a_name_is_no_quotation(label):
    name = label.split(":")[0]
    text = f"Who needs what in the primary\n\n{label}\n\nTed {name} said he would stay in the race."
    assert _sources(text) == [f"Ted {name}"]


@pytest.mark.parametrize("line", ["Ruiz: We will appeal.", "RUIZ: Now or never.", 'Ruiz: "Now or never."'])
def test_a_short_line_after_a_colon_speaker_with_a_person_quote_or_capitals_is_still_speech(line):
    assert _sources(line) == [line.split(":")[0]]


@pytest.mark.parametrize(
    "sign_off",
    [
        "Ida Holm reported from Bergen.",
        "Ruiz reported from Lima; Vik, from Oslo.",
        "Ida Holm reported from Bergen and Olav Vik reporting from Oslo.",
    ],
)
def test_a_reporters_sign_off_is_no_source(sign_off):
    text = f"The pier will close in May, the council said. {sign_off}"
    assert _sources(text) == ["the council"] and _named(text) == []


def test_reported_from_a_place_with_a_report_is_still_a_source():
    assert _sources("Ruiz reported from Lima that the talks had failed.") == ["Ruiz"]


def _story(last_sentence: str) -> str:
    body = " ".join(f"The ferry ran late on day {n} and the harbour queue grew longer." for n in range(1, 9))
    return f"Ferry delays\n\n{body} {last_sentence}"


@pytest.mark.parametrize(
    "sentence", ["Denmark says the levy is unfair.", "Finds in Denmark indicate that the levy is very old."]
)
def test_a_story_whose_only_name_is_a_place_has_no_named_source(sentence):
    """NA104 and NA105 count named sources as the source summary does: a place names no one who speaks."""
    report = audit_plain(_story(sentence))
    assert report.source_summary["names"] == []
    assert "NA105" in rules_of(report) and "NA104" not in rules_of(report)


def test_a_story_with_one_named_speaker_is_single_source():
    report = audit_plain(_story("Ruiz said the levy was unfair."))
    assert "NA104" in rules_of(report) and "NA105" not in rules_of(report)


def test_a_capitalised_adverb_preposition_or_gerund_opening_the_sentence_is_no_source():
    for text, cue in (
        ("Instead of calling himself a sailor, Holm said he was a cook.", "calling"),
        ("Besides attacking the mayor, Holm praised the port.", "attacking"),
        ("Especially compared to the mayor, Holm is calm.", "compared"),
        ("(Having said that, the quay is old.)", "said"),
    ):
        assert all(found[1] != cue for found in attributions_of(text, "kind")), text
    # a name that is also an adjective still speaks
    assert attributions_of("Jealous said the ferry was late.", "kind")[0][:2] == ("Jealous", "said")


def test_a_headline_cue_that_ends_an_outlet_name_reports_nothing():
    text = "Washington Post Piece Mocks A Ferry Rider\n\nThe piece ran in Washington on Monday. Washington readers wrote in."
    assert [found[:2] for found in attributions_of(text, "kind")] == [("Washington readers", "wrote")]
