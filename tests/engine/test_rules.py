from newsaudit.engine import Config
from newsaudit.engine.rules import CATEGORIES, registry

from .helpers import audit_html, rules_of, spans_of


def test_every_rule_is_documented_with_a_code_in_its_category_range():
    prefixes = {"attribution": "NA1", "sourcing": "NA2", "readability": "NA3", "bias": "NA4", "structure": "NA5"}
    rules = registry.all()
    assert len(rules) >= 15
    for rule in rules:
        assert rule.category in CATEGORIES
        assert rule.code.startswith(prefixes[rule.category])
        assert rule.summary and rule.why and rule.example and rule.instead
        assert rule.name == rule.name.lower() and " " not in rule.name


def test_wire_rewrite_fixture_finds_each_problem(fixtures):
    from newsaudit.engine import audit, read_path

    (doc,) = read_path(fixtures / "wire_rewrite.html")
    report = audit(doc)
    by_rule = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f)
    assert by_rule["NA101"][0].excerpt == "based on open media fromReuters"
    assert {f.excerpt for f in by_rule["NA201"]} == {"Observers note", "Analysts suggest"}
    assert by_rule["NA202"][0].excerpt == "Polls indicate"
    assert {f.excerpt for f in by_rule["NA203"]} == {"Officials", "A source familiar with"}
    assert {f.excerpt for f in by_rule["NA501"]} == {"\U0001f631", " (3)"}
    assert by_rule["NA505"][0].excerpt == "Indep. Analysis"
    assert by_rule["NA302"][0].category == "readability"
    assert report.status == "fail"
    assert report.credits[0].outlets == ["Reuters"] and report.credits[0].kind == "derived"
    for f in report.findings:
        assert f.hint and f.message
        if f.end > f.start:
            assert doc.text[f.start : f.end] == f.excerpt or f.excerpt.endswith("\u2026")


def test_clean_story_passes(fixtures):
    from newsaudit.engine import audit, read_path

    (doc,) = read_path(fixtures / "clean_story.html")
    report = audit(doc)
    assert report.status == "pass"
    assert [f.rule for f in report.findings if f.severity.label != "info"] == []
    named = {s.name for s in report.sources if s.kind == "person"}
    assert {"Councillor Ruth Adeyemi", "Councillor Tom Hale", "Priya Nair"} <= named


def test_loaded_words_inside_quotes_are_the_speakers():
    report = audit_html('<p>"This is a disgraceful scheme," said Rosa Lind.</p><p>The council slammed the plan.</p>')
    assert spans_of(report, "NA401") == ["slammed"]


def test_guard_words_and_proper_names_are_not_bias():
    report = audit_html("<p>Officers measured the blast radius. Members of the Revolutionary Guard marched.</p>")
    assert "NA401" not in rules_of(report) and "NA403" not in rules_of(report)


def test_loaded_speech_verb_suggests_said():
    report = audit_html("<p>The mayor claimed the budget was balanced.</p>")
    (finding,) = [f for f in report.findings if f.rule == "NA103"]
    assert "said" in finding.hint


def test_unsourced_figure_and_sourced_figure():
    unsourced = audit_html("<p>Unemployment rose to 9.4% last year.</p>")
    sourced = audit_html("<p>Unemployment rose to 9.4% last year, the statistics office said.</p>")
    linked = audit_html('<p>Unemployment rose to <a href="https://example.org">9.4%</a> last year.</p>')
    assert "NA205" in rules_of(unsourced)
    assert "NA205" not in rules_of(sourced)
    assert "NA205" not in rules_of(linked)


def test_config_ignores_and_overrides_severity():
    html = "<p>Observers note that the plan failed.</p>"
    assert "NA201" not in rules_of(audit_html(html, Config().merge({"ignore": ["NA201"]})))
    assert "NA201" not in rules_of(audit_html(html, Config().merge({"ignore": ["sourcing"]})))
    report = audit_html(html, Config().merge({"severity": {"NA201": "error"}}))
    assert [f.severity.label for f in report.findings if f.rule == "NA201"] == ["error"]
    assert report.status == "fail"


def test_suppression_comment_and_attribute_are_reported_not_hidden():
    html = (
        "<!-- newsaudit: ignore NA201 --><p>Observers note that it failed.</p>"
        '<p data-newsaudit-ignore="NA201">Critics say it was late.</p><p>Analysts say it was costly.</p>'
    )
    report = audit_html(html)
    flags = [(f.excerpt, f.suppressed) for f in report.findings if f.rule == "NA201"]
    assert flags == [("Observers note", True), ("Critics say", True), ("Analysts say", False)]


def test_headline_noise():
    report = audit_html("<h1>YOU WON'T BELIEVE THIS COUNCIL VOTE!!</h1><p>The council voted.</p>")
    messages = " ".join(f.message for f in report.findings if f.rule == "NA501")
    assert "capital letters" in messages and "Repeated punctuation" in messages and "Clickbait" in messages


def test_scare_quotes_but_not_titles_or_named_terms():
    report = audit_html(
        "<p>The firm's \u201crestructuring\u201d cost 300 jobs. The film \u201cSilent Harbour\u201d opened. "
        "It is a practice known as \u201cquiet quitting\u201d.</p>"
    )
    assert spans_of(report, "NA405") == ["\u201crestructuring\u201d"]


def test_long_sentence_uses_the_configured_limit():
    sentence = "The committee " + "and the board " * 12 + "agreed."
    report = audit_html(f"<p>{sentence}</p>", Config().merge({"max_sentence_words": 20}))
    assert "NA302" in rules_of(report)
    assert "NA302" not in rules_of(audit_html(f"<p>{sentence}</p>", Config().merge({"max_sentence_words": 60})))


def test_missing_credit_matches_agency_names_in_any_case():
    report = audit_html("<p>The ferry operator will be sold, its chief executive told Reuters on Monday.</p>")
    assert spans_of(report, "NA504") == ["told Reuters"]
    credited = audit_html(
        "<p>The ferry operator will be sold, its chief executive told Reuters.</p><p>Reporting by Reuters.</p>"
    )
    assert "NA504" not in rules_of(credited)


def test_missing_credit_spots_long_names_in_any_case_and_short_ones_only_in_capitals():
    """A quick look for the agency's first word decides whether the wire-use pattern runs at all."""
    shouting = audit_html("<p>The ferry will be sold, its chief executive told REUTERS on Monday.</p>")
    assert spans_of(shouting, "NA504") == ["told REUTERS"]
    spread = audit_html("<p>The harbour is closing, the mayor told Associated\n Press.</p>")
    assert spans_of(spread, "NA504") == ["told Associated Press"]
    assert spans_of(audit_html("<p>The ferry is late, AP reported.</p>"), "NA504") == ["AP reported"]
    assert "NA504" not in rules_of(audit_html("<p>The ferry is late, Ap reported.</p>"))
    assert "NA504" not in rules_of(audit_html("<p>The ferry is late, the harbour master told the council.</p>"))


def test_vague_quantity_is_an_info_note_with_its_cue():
    report = audit_html("<p>Many shopkeepers oppose the new parking fees.</p>")
    (finding,) = [f for f in report.findings if f.rule == "NA206"]
    assert finding.severity.label == "info"
    assert "Many shopkeepers" in finding.message and "number" in finding.hint


def test_vague_quantity_skips_idioms_and_known_sets():
    report = audit_html("<p>For some time the ferry ran late. The many stalls of the market stayed shut.</p>")
    assert "NA206" not in rules_of(report)


def test_impersonal_passive_and_speculation_hedges():
    report = audit_html("<p>The bridge is considered unsafe. The repairs seem to have stalled.</p>")
    assert "NA201" in rules_of(report) and "NA204" in rules_of(report)


def test_everyday_causes_are_not_unsourced_claims_but_blame_is():
    assert "NA205" not in rules_of(audit_html("<p>The match was postponed because of heavy rain.</p>"))
    assert "NA205" in rules_of(audit_html("<p>The outage was blamed on a faulty cable.</p>"))


def test_hedge_and_weasel_guard_words():
    report = audit_html("<p>The motion is considered by the council today. Likely voters back the plan.</p>")
    assert "NA201" not in rules_of(report) and "NA204" not in rules_of(report)


def test_one_finding_per_unnamed_source():
    report = audit_html(
        "<p>The shortlist was drawn up last week, according to people briefed on the interviews. "
        "Party insiders said the mayor chose it himself.</p>"
    )
    flagged = sorted((f.rule, f.excerpt) for f in report.findings if f.rule in ("NA201", "NA203"))
    assert flagged == [("NA201", "Party insiders said"), ("NA203", "people briefed on")]


def test_part_of_a_described_set_is_not_a_vague_quantity():
    assert "NA206" not in rules_of(audit_html("<p>Some of the cans will go to local cafes.</p>"))
    assert "NA206" in rules_of(audit_html("<p>Many shops closed early on Friday.</p>"))


def test_the_object_of_a_deed_is_the_outlets_wording():
    # A source's words or thoughts are theirs; what a source does or backs is described in the outlet's voice.
    report = audit_html("<p>The mayor ordered the thugs to leave the pier.</p><p>Ruiz said thugs had come.</p>")
    assert spans_of(report, "NA401") == ["thugs"]


def test_weasel_head_is_read_before_an_apposition():
    report = audit_html("<p>Others, especially two younger economists, have argued that the levy fails.</p>")
    assert "NA201" in rules_of(report)
