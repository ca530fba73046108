"""Phrase shapes that credit a claim to nobody, found on the word tokens of one sentence (linear in its length).

The fixed phrases ("some say", "reportedly") are in weasel.tsv and hedges.tsv; these are open classes built from
the word sets of weasel_shapes.txt:
- impersonal passives: "it is argued that", "it has been suggested that" (a view, its holder left out);
- crowd passives: "widely regarded", "generally accepted", "well-known" (a view held by an unnamed many);
- agentless perfects: "has been criticised", "have been suggested" (no "by ..." after them), and passives whose
  agent is a crowd: "is regarded by many";
- raising hedges: "is said to control", "was reported to have" (who says so?);
- ranking claims: "one of the most important", "among the finest", "the most famous" (a claim that needs a source).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .attributions.vocabulary import VAGUE_QUANTIFIERS
from .lexicons import load_word_sets
from .passive import ADVERBS, BE
from .tokens import Token

_SETS = {name: frozenset(words) for name, words in load_word_sets("weasel_shapes").items()}
OPINION = _SETS["opinion_participles"]
EVENT = _SETS["event_participles"]
OCCURRENCE = _SETS["occurrence_participles"]
CROWD_ADVERBS = _SETS["crowd_adverbs"]
FAME_DEGREES = _SETS["fame_degrees"]
RAISING = _SETS["raising_participles"]
RAISING_BE = _SETS["raising_participles_be"]
INNER_ADVERBS = ADVERBS | _SETS["inner_adverbs"]
SPECULATIVE = _SETS["speculative_modals"]
MODALS = SPECULATIVE | _SETS["other_modals"]
INFERENCE = _SETS["inference_verbs"]
PERFECT = frozenset({"has", "have", "had"})
PRONOUN_OBJECTS = frozenset("me you him her us them it this that the a an his its their our my your".split())
# After an event participle these make it an event, not a view: "traditionally held in May", "commonly known as".
PLACE_TIME = frozenset("in on at during every each from for across throughout around among with".split())
_AGENT_WINDOW = 4  # "has been criticised by the council": "by" within a few words names who
# Every word a shape can begin with (each shape function's first test), so that the other words of a sentence are
# passed over at once; a hyphenated word may be a crowd participle ("well-known") and is always tried.
SHAPE_STARTS = frozenset({"it", "by"}) | PERFECT | SPECULATIVE | BE | INFERENCE | CROWD_ADVERBS | FAME_DEGREES


class Shape(NamedTuple):
    start: int
    end: int
    kind: str  # impersonal, crowd, perfect (NA201); raising, modal, inference (NA204)
    participle: str


def _skip_adverbs(tokens: list[Token], j: int, limit: int = 2) -> int:
    """Index of the first token after at most `limit` adverbs ("also", "widely", "generally", "often")."""
    n, stop = len(tokens), j + limit
    while j < n and j < stop and (tokens[j].lower in INNER_ADVERBS or tokens[j].lower.endswith("ly")):
        j += 1
    return j


def _has_agent(tokens: list[Token], j: int) -> bool:
    return any(t.lower == "by" for t in tokens[j + 1 : j + 1 + _AGENT_WINDOW])


def _after_be(tokens: list[Token], i: int) -> int:
    """Index after a chain of "be" forms at i ("is", "is being", "has long been", "may be", "could have been"), or i."""
    j = i
    if tokens[j].lower in MODALS and _next_lower(tokens, j + 1) in ("be", "have"):
        j += 1
    if tokens[j].lower in PERFECT:
        k = _skip_adverbs(tokens, j + 1, 1)  # "has long been"
        return k + 1 if _next_lower(tokens, k) == "been" else i
    if tokens[j].lower in BE:
        return j + 2 if _next_lower(tokens, j + 1) == "being" else j + 1
    return i


def _next_lower(tokens: list[Token], j: int) -> str:
    return tokens[j].lower if j < len(tokens) else ""


def _impersonal(tokens: list[Token], i: int) -> Shape | None:
    """'It is argued that', 'it has long been suspected that', 'it is believed the ...'."""
    if tokens[i].lower != "it":
        return None
    j = _after_be(tokens, i + 1) if i + 1 < len(tokens) else i + 1
    if j == i + 1:
        return None
    j = _skip_adverbs(tokens, j)
    if j >= len(tokens) or tokens[j].lower not in OPINION or not tokens[j].text.islower():
        return None
    follows = _next_lower(tokens, j + 1)
    if follows in ("that", "whether", "if"):
        ok = True
    elif follows == "to":
        ok = j + 2 < len(tokens) and _hedged_verb(tokens[j].lower, tokens[j + 2])
    else:  # "it is believed the man fled"; not "it was reported in May", "it is seen as"
        ok = tokens[j].lower not in EVENT and follows not in ("by", "as", "in", "on", "")
    return Shape(tokens[i].start, tokens[j].end, "impersonal", tokens[j].lower) if ok else None


def _hedged_verb(participle: str, verb: Token) -> bool:
    """After 'said to', 'thought to': a verb, not an object ('reported to police', 'said to him')."""
    if participle in RAISING:
        return verb.is_word and verb.text.islower() and verb.lower not in PRONOUN_OBJECTS
    return participle in RAISING_BE and verb.lower in ("be", "have")


def _crowd(tokens: list[Token], i: int) -> Shape | None:
    """'widely regarded', 'generally accepted', 'well-known', 'best known'."""
    word = tokens[i].lower
    if "-" in word:  # "well-known", "widely-held": one token
        degree, _, participle = word.partition("-")
        end = tokens[i].end
    elif i + 1 < len(tokens):
        degree, participle, end = word, tokens[i + 1].lower, tokens[i + 1].end
    else:
        return None
    k = i if "-" in word else i + 1  # index of the participle's token
    follows = _next_lower(tokens, k + 1)
    if participle == "known" and follows in ("as", "for"):
        return None  # "commonly known as": a name; "best known for": what made someone known
    if degree in FAME_DEGREES and participle == "known":
        return Shape(tokens[i].start, end, "crowd", participle)
    if degree not in CROWD_ADVERBS or participle not in OPINION or _has_agent(tokens, k):
        return None  # "widely praised by critics" names who
    if participle in EVENT and follows in PLACE_TIME:
        return None  # "traditionally held in May"
    if participle in OCCURRENCE and degree != "widely" and follows != "as":
        return None  # "commonly held" (owned), "commonly seen in children"; but "generally seen as"
    return Shape(tokens[i].start, end, "crowd", participle)


def _perfect(tokens: list[Token], i: int) -> Shape | None:
    """'has been criticised', 'have long been suggested': a view with no holder; not 'has been reported' (events)."""
    if tokens[i].lower not in PERFECT:
        return None
    j = _after_be(tokens, i)
    if j == i:
        return None
    j = _skip_adverbs(tokens, j)
    if j >= len(tokens) or tokens[j].lower not in OPINION or tokens[j].lower in EVENT:
        return None
    if _has_agent(tokens, j) or _next_lower(tokens, j + 1) in ("to", "that"):
        return None  # "has been suggested to me", "had been feared that ..." read as impersonal elsewhere
    return Shape(tokens[i].start, tokens[j].end, "perfect", tokens[j].lower)


def _modal(tokens: list[Token], i: int) -> Shape | None:
    """'may be considered', 'could be seen as': a guess at how a view is held, with no one holding it."""
    if tokens[i].lower not in SPECULATIVE or _next_lower(tokens, i + 1) != "be":
        return None
    if i > 0 and tokens[i - 1].lower in ("as", "than"):
        return None  # "as might be expected": an idiom of comparison
    j = _skip_adverbs(tokens, i + 2)
    if j >= len(tokens) or tokens[j].lower not in OPINION or tokens[j].lower == "known" or _has_agent(tokens, j):
        return None  # "could be known": knowable, not a view
    participle, follows = tokens[j].lower, _next_lower(tokens, j + 1)
    if participle in OCCURRENCE or participle in ("viewed", "perceived", "described"):
        ok = follows == "as"  # "could be seen as a snub"; not "could be seen from the road"
    else:
        ok = participle not in EVENT or follows not in PLACE_TIME  # not "may be considered for the post"
    return Shape(tokens[i].start, tokens[j].end, "modal", participle) if ok else None


def _inference(tokens: list[Token], i: int) -> Shape | None:
    """', which suggests', 'This implies', ', suggesting': the outlet draws a conclusion nobody vouches for.

    'which' must follow a comma (a relative on the whole clause before it): 'a report which suggests closing the
    library' credits the report, not the outlet."""
    word = tokens[i].lower
    if word not in INFERENCE or i == 0:
        return None
    before = tokens[i - 1].lower
    if word.endswith("ing"):
        ok = before == ","
    else:
        ok = before == "this" or (before == "which" and i > 1 and tokens[i - 2].text == ",")
    return Shape(tokens[i - 1].start, tokens[i].end, "inference", word) if ok else None


def _raising(tokens: list[Token], i: int) -> Shape | None:
    """'is said to control', 'were thought to number', 'was reported to have': the claim hangs on nobody."""
    if tokens[i].lower not in BE:
        return None
    j = _skip_adverbs(tokens, i + 1)
    n = len(tokens)
    if j + 2 >= n or tokens[j + 1].lower != "to":
        return None
    if not _hedged_verb(tokens[j].lower, tokens[j + 2]):
        return None
    return Shape(tokens[i].start, tokens[j + 1].end, "raising", tokens[j].lower)


def _crowd_agent(tokens: list[Token], i: int) -> Shape | None:
    """'is regarded by many', 'has been assumed by some', 'was criticised by others': the agent is a crowd."""
    if tokens[i].lower != "by" or i < 2 or i + 1 >= len(tokens):
        return None
    agent = tokens[i + 1].lower
    if tokens[i - 1].lower not in OPINION or (agent not in VAGUE_QUANTIFIERS and agent != "others"):
        return None
    k = i - 2
    while k > 0 and k > i - 4 and (tokens[k].lower in INNER_ADVERBS or tokens[k].lower.endswith("ly")):
        k -= 1
    if tokens[k].lower not in BE:
        return None  # a passive only: not "the plan he proposed by many means"
    return Shape(tokens[i - 1].start, tokens[i + 1].end, "crowd", tokens[i - 1].lower)


def find_shapes(tokens: list[Token]) -> list[Shape]:
    """Every weasel shape in one sentence's tokens, left to right, none overlapping."""
    found: list[Shape] = []
    last_end = -1
    for i, token in enumerate(tokens):
        if token.start < last_end or (token.lower not in SHAPE_STARTS and "-" not in token.lower):
            continue
        if not token.is_word:
            continue
        shape = (
            _impersonal(tokens, i)
            or _crowd(tokens, i)
            or _perfect(tokens, i)
            or _modal(tokens, i)
            or _raising(tokens, i)
            or _inference(tokens, i)
            or _crowd_agent(tokens, i)
        )
        if shape is not None:
            found.append(shape)
            last_end = shape.end
    return found


_FAME = "|".join(sorted(_SETS["fame_adjectives"]))
_NOT_SUPERLATIVE = "|".join(sorted(_SETS["not_superlatives"]))
# "one of the most important", "among the finest", "some of the best", "the most famous": a rank nobody vouches for.
RANKING = re.compile(
    r"\b(?:(?:one|some|many|few)\s+of\s+(?:(?:the\s+)?[a-z]+['\u2019]s|the|its|his|her|their|our)|among\s+the)\s+"
    r"(?:(?:most|least)\s+[a-z][a-z\-]*+|best\b|worst\b|(?!(?:" + _NOT_SUPERLATIVE + r")\b)[a-z]{2,}est\b)"
    r"|\bthe\s+most\s+(?:" + _FAME + r")\b",
    re.I,
)
