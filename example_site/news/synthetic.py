"""Synthetic news articles for load tests, built from sentence templates we wrote for this project.

Each article gets a sourcing quality (good, mixed or poor) that decides which kinds of sentences it draws:
named sources with speech verbs, anonymous sources, weasel phrases, figures with and without a source, hedges,
loaded words and scare quotes. Everything is derived from a seeded `random.Random`, so a seed and an index
always give the same article.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from typing import Any

SECTIONS = ("City", "Business", "Environment", "Politics", "Sport", "Transport", "Health", "Culture")
FIRST = ("Ana", "Tomas", "Priya", "Kwame", "Ingrid", "Mateo", "Leila", "Owen", "Sunniva", "Rafael", "Hana", "Declan")
LAST = ("Ruiz", "Okafor", "Lindqvist", "Mend", "Venn", "Holt", "Castell", "Adeyemi", "Brannock", "Ferris", "Tamsin")
ROLES = (
    "a council spokeswoman",
    "the harbour master",
    "chief executive of the port authority",
    "a local shop owner",
    "the head of the teachers' union",
    "a hydrologist at Greyfell University",
    "the club's head coach",
    "leader of the opposition group",
)
ORGS = (
    "Port Ellis City Council",
    "the Greyfell Water Company",
    "the Carrow Island Ferry Company",
    "the regional health board",
    "Marrow Valley Rail",
    "the Chamber of Commerce",
)
TOPICS = {
    "City": ("the evening ferry timetable", "the new library opening hours", "parking charges in the old town"),
    "Business": ("the brewery expansion", "the sale of the ferry operator", "rents at the covered market"),
    "Environment": ("the river wall repairs", "reservoir levels", "the quarry blasting rules"),
    "Politics": ("the council budget", "the mayoral shortlist", "the tidal levy"),
    "Sport": ("the regatta", "the striker's transfer", "the new stadium roof"),
    "Transport": ("the cycle lane on Harbour Road", "the rail timetable", "bus fares"),
    "Health": ("waiting times at the clinic", "the new ambulance station", "the vaccination drive"),
    "Culture": ("the festival programme", "the theatre's reopening", "the museum's funding"),
}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

NAMED = (
    '"We looked at every option before deciding on {topic}," said {name}, {role}.',
    "{name}, {role}, said the decision on {topic} would be reviewed in {n} months.",
    '"The figures are clear and we will publish them," {name} told reporters on {day}.',
    "{org} said in a statement on {day} that {topic} would cost {n} thousand pounds.",
    "According to {org}, {n} people responded to the consultation on {topic}.",
    "{name} said the plan had the support of {n} residents who wrote to the council.",
)
FIGURE_SOURCED = (
    "Spending on {topic} rose by {p}% last year, according to figures published by {org}.",
    "The scheme will cost {n} million pounds, {org} said in its annual report.",
)
FIGURE_UNSOURCED = (
    "Spending on {topic} has risen by {p}% in three years.",
    "Around {n} households will be affected by the change to {topic}.",
    "The project is now {p}% over budget and {n} weeks behind schedule.",
)
ANONYMOUS = (
    "A senior official, who asked not to be named, said {topic} would be delayed.",
    "One person familiar with the talks said the deal on {topic} was close.",
)
WEASEL = (
    "Observers note that {topic} has divided opinion in the town.",
    "Critics say the handling of {topic} has been poor from the start.",
    "It is widely believed that {topic} will be scrapped before the election.",
    "Many people say {topic} is the wrong priority for the town.",
)
HEDGED = (
    "The change could reportedly affect as many as {n} jobs.",
    "Analysts suggest the delay may be linked to {topic}.",
)
LOADED = (
    "{name} slammed the disgraceful decision on {topic} as a reckless waste of money.",
    "The so-called \u201creform\u201d of {topic} has been a shambles, campaigners claimed.",
    "The council's stunning U-turn on {topic} left residents furious.",
)
PLAIN = (
    "The committee will meet again on {day} to discuss {topic}.",
    "The consultation on {topic} closes at the end of the month.",
    "Work on {topic} is due to start in the spring.",
    "Residents can read the full plan at the town hall and online.",
)
QUALITY_MIX = {
    # kind of sentence -> weight, per sourcing quality
    "good": {"named": 6, "figure_sourced": 3, "plain": 3, "figure_unsourced": 1, "anonymous": 1},
    "mixed": {"named": 4, "figure_sourced": 2, "plain": 2, "figure_unsourced": 2, "anonymous": 1, "weasel": 1},
    "poor": {"named": 1, "plain": 2, "figure_unsourced": 3, "anonymous": 2, "weasel": 3, "hedged": 2, "loaded": 2},
}
KINDS = {
    "named": NAMED,
    "figure_sourced": FIGURE_SOURCED,
    "figure_unsourced": FIGURE_UNSOURCED,
    "anonymous": ANONYMOUS,
    "weasel": WEASEL,
    "hedged": HEDGED,
    "loaded": LOADED,
    "plain": PLAIN,
}


@dataclass(slots=True)
class SyntheticArticle:
    section: str
    title: str
    slug: str
    byline: str
    dateline: str
    credit: str
    body: list[dict[str, Any]]
    quality: str
    day_offset: int  # days before "now" the article was published


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random, kind: str, topic: str) -> str:
    template = rng.choice(KINDS[kind])
    return template.format(
        name=_name(rng),
        role=rng.choice(ROLES),
        org=rng.choice(ORGS),
        topic=topic,
        day=rng.choice(DAYS),
        n=rng.randint(2, 950),
        p=rng.randint(3, 60),
    )


def _paragraph(rng: random.Random, quality: str, topic: str) -> str:
    mix = QUALITY_MIX[quality]
    kinds = rng.choices(list(mix), weights=list(mix.values()), k=rng.randint(1, 4))
    text = " ".join(_sentence(rng, kind, topic) for kind in kinds)
    return text[0].upper() + text[1:]


def make_article(seed: int, index: int, days: int = 730) -> SyntheticArticle:
    """The `index`-th synthetic article for `seed`: 3 to 16 paragraphs, sometimes a heading, quote or list."""
    rng = random.Random(f"{seed}:{index}")
    section = rng.choice(SECTIONS)
    topic = rng.choice(TOPICS[section])
    quality = rng.choices(("good", "mixed", "poor"), weights=(3, 4, 3))[0]
    slug = f"synthetic-{seed}-{index}"
    body: list[dict[str, Any]] = []
    for position in range(rng.randint(3, 16)):
        if position == 3 and rng.random() < 0.4:
            body.append(_block(slug, len(body), "heading", f"What happens to {topic} next"))
        if position == 2 and rng.random() < 0.3:
            quote = {"text": f"We will not give up on {topic}.", "attribution": f"{_name(rng)}, {rng.choice(ROLES)}"}
            body.append(_block(slug, len(body), "quote", quote))
        body.append(_block(slug, len(body), "paragraph", f"<p>{_paragraph(rng, quality, topic)}</p>"))
    if rng.random() < 0.2:
        points = [_sentence(rng, "plain", topic).rstrip(".") for _ in range(3)]
        body.append(_block(slug, len(body), "key_points", points))
    wire = rng.random() < 0.15
    return SyntheticArticle(
        section=section,
        title=f"{topic[0].upper()}{topic[1:]}: {rng.choice(('council', 'residents', 'campaigners', 'traders'))} "
        f"{rng.choice(('react', 'divided', 'wait for answers', 'back the plan'))} ({index})",
        slug=slug,
        byline="" if wire else f"By {_name(rng)}",
        dateline=rng.choice(("PORT ELLIS", "GREYFELL", "CARROW ISLAND", "")),
        credit="Example News Agency" if wire else "",
        body=body,
        quality=quality,
        day_offset=rng.randint(0, days),
    )


def _block(slug: str, index: int, kind: str, value: Any) -> dict[str, Any]:
    if kind == "key_points":
        value = [
            {"type": "item", "value": item, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{slug}:{index}:{i}"))}
            for i, item in enumerate(value)
        ]
    return {"type": kind, "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{slug}:{index}:{kind}"))}
