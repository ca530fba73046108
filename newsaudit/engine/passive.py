"""Passive voice: a form of "be", at most two adverbs, then a past participle ("was approved", "were not told").

Participles that are adjectives in use ("is interested", "was tired", "are concerned", "is based in") are not
passive; they are listed in ADJECTIVAL. "was born" and "is called" (naming) are idioms, not hidden agents.
Works on the word tokens of one sentence; linear in its length.
"""

from __future__ import annotations

from dataclasses import dataclass

from .tokens import Token

BE = frozenset("am is are was were be been being 's 're".split())
ADVERBS = frozenset(
    "not never also still already often later then reportedly allegedly just now currently since widely "
    "previously recently subsequently quickly eventually finally initially originally formally officially "
    "largely partly partially fully jointly repeatedly routinely badly seriously severely".split()
)
IRREGULAR = frozenset(
    "written taken given seen known shown found made held told built caught brought bought paid sold sent spent "
    "left lost hit hurt cut put set shut struck stolen chosen driven broken spoken forgotten frozen hidden beaten "
    "bitten eaten thrown shot led fed kept heard said sworn torn worn won done drawn grown overseen withdrawn "
    "forgiven undertaken overtaken rebuilt slain stricken sunk spun hung dug fought sought taught thought "
    "understood upheld withheld bound laid lit quit split spread bred overthrown overrun overridden rewritten "
    "undone mislaid misled misread shaken stung swept woken forbidden ridden risen sped sent dealt meant".split()
)
# Participles that work as adjectives after "be": states and feelings, not actions done by someone.
ADJECTIVAL = frozenset(
    "interested tired concerned worried pleased excited married located based involved related qualified "
    "dedicated supposed used born scared bored satisfied disappointed surprised shocked determined prepared "
    "called named known entitled titled closed finished done gone retired divorced engaged mistaken upset "
    "advanced complicated sophisticated detailed limited talented experienced skilled crowded balanced mixed "
    "varied aged beloved crooked ragged learned wretched united naked sacred wicked rugged hundred red bed "
    "need seed speed feed shed bleed breed greed tweed weed embed indeed exceed proceed succeed agreed "
    "amazed annoyed ashamed confused convinced delighted depressed disgusted embarrassed encouraged "
    "exhausted frightened frustrated horrified impressed inspired relieved stressed terrified thrilled "
    "unemployed unmarried unrelated unprecedented unexpected unrivalled unemployed armed masked hooded "
    "gifted blessed cursed wounded injured dressed equipped accustomed acquainted aligned allowed "
    "fed committed obliged opposed exposed composed disposed inclined poised set bound bent".split()
)


@dataclass(frozen=True, slots=True)
class Passive:
    start: int  # the form of "be"
    end: int  # end of the participle
    participle: str
    has_agent: bool  # "by" follows within a few words


def _is_participle(word: str) -> bool:
    if word in ADJECTIVAL:
        return False
    if word in IRREGULAR:
        return True
    return len(word) > 4 and word.endswith("ed") and word.isalpha()


def find_passives(tokens: list[Token]) -> list[Passive]:
    found: list[Passive] = []
    n = len(tokens)
    i = 0
    while i < n:
        if tokens[i].lower not in BE:
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= 3 and (tokens[j].lower in ADVERBS or tokens[j].lower.endswith("ly")):
            j += 1
        if j < n and tokens[j].text.islower() and _is_participle(tokens[j].lower):
            # "is set to", "was used to", "is supposed to": idioms of plan or habit, not passives
            follows = tokens[j + 1].lower if j + 1 < n else ""
            if not (follows == "to" and tokens[j].lower in ("set", "expected", "due", "likely")):
                agent = any(t.lower == "by" for t in tokens[j + 1 : j + 6])
                found.append(Passive(tokens[i].start, tokens[j].end, tokens[j].text, agent))
                i = j + 1
                continue
        i += 1
    return found
