"""Whole-article examples for the rules that judge a story as a whole (length, sources, byline, dateline).

A rule's documented example is executable (tests/engine/test_rule_examples.py runs every one): rules that need
a headline, paragraphs or eight sentences show a whole article, built here from one short story we wrote, with
the one thing the rule is about changed. Plain text: the first line is the headline, paragraphs are separated
by blank lines.
"""

from __future__ import annotations

HEADLINE = "Harbour council to close two libraries"
BYLINE = "By Mia Kerr"
DATELINE = "LUND \u2014 "
LEAD = "The harbour council will close two of its five libraries in March."
FACTS = (
    "The books will move to the central library on Quay Street. The two branches opened in 1962 and lend about "
    "400 books a week between them. The branch on Mill Lane will become a youth centre. The council meets again "
    "on 4 March to agree its budget. A public meeting is planned for next week at the town hall."
)
RUIZ = "Council leader Ana Ruiz said the buildings cost too much to heat."
BERG = "Tom Berg, who chairs the library users' group, said the branches were full every Saturday."
TWO_SOURCES = (RUIZ, BERG)


def story(voices: tuple[str, ...] = TWO_SOURCES, *, byline: bool = True, dateline: bool = True) -> str:
    """The sample story: headline, optional byline, lead (with an optional dateline), sources, then the facts."""
    lead = (DATELINE if dateline else "") + LEAD + " " + " ".join(voices)
    parts = [HEADLINE, BYLINE] if byline else [HEADLINE]
    return "\n\n".join([*parts, lead, FACTS])


ONE_SOURCE = story((RUIZ, "Ruiz said no member of staff would lose their job."))
UNNAMED_SOURCES = story(
    ("Officials said the buildings cost too much to heat.", "Analysts say more closures will follow.")
)
ONE_SIDE = story(
    (
        "The plan has split the council, and the vote is on Monday.",
        "Ana Ruiz, a Labour councillor, said the buildings cost too much to heat.",
        "Labour councillor Tom Berg said the savings would protect other services.",
    )
)
BOTH_SIDES = story(
    (
        "The plan has split the council, and the vote is on Monday.",
        "Ana Ruiz, a Labour councillor, said the buildings cost too much to heat.",
        "Conservative councillor Lee Park said the closures would leave two estates without a library.",
    )
)
# One paragraph of 130 words; the same sentences as three paragraphs are the fix.
_PARAGRAPHS = (
    DATELINE + LEAD + " " + RUIZ + " " + BERG,
    FACTS,
    "Opening hours at the central library will be longer from April, and a mobile library will visit both "
    "estates on Tuesdays and Fridays. Readers can return books to any branch until the end of February.",
)
LONG_PARAGRAPH = "\n\n".join([HEADLINE, BYLINE, " ".join(_PARAGRAPHS)])
SHORT_PARAGRAPHS = "\n\n".join([HEADLINE, BYLINE, *_PARAGRAPHS])
HARD_TO_READ = (
    "The municipality's infrastructural rationalisation programme, comprehensively evaluated by independent "
    "organisational consultants, recommended consolidating underutilised educational and cultural facilities "
    "into multifunctional community institutions. Administrative representatives characterised the "
    "consolidation as financially unavoidable, emphasising considerable operational expenditure associated with "
    "maintaining architecturally deteriorating properties. Opposition representatives questioned whether the "
    "anticipated efficiencies would materialise, considering additional transportation requirements for "
    "elderly and economically disadvantaged residents. Implementation, originally scheduled immediately, "
    "has consequently been postponed pending supplementary environmental and accessibility investigations "
    "commissioned by the regional administration. Community organisations subsequently submitted "
    "comprehensive documentation demonstrating substantial educational participation, particularly "
    "concerning intergenerational literacy initiatives. Councillors consequently authorised an independent "
    "reassessment incorporating demographic projections, transportation accessibility and educational "
    "outcomes."
)
EASY_TO_READ = story()
LONG_SENTENCE = (
    "The council voted on Tuesday to close two of its five libraries in March, ending a row that began when the "
    "heating bills doubled two winters ago, and while the leader said the savings would protect other services, "
    "the users' group said the branches were full every Saturday and that the closures would save only 300,000 "
    "pounds a year."
)
SPLIT_SENTENCES = (
    "The council voted on Tuesday to close two of its five libraries in March. The row began when the heating "
    "bills doubled two winters ago. The leader said the savings would protect other services. The users' group "
    "said the branches were full every Saturday."
)
