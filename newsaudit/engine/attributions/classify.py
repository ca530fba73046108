"""What kind of source a phrase is (person, organisation, outlet, document, anonymous), and whether it names one."""

from __future__ import annotations

from ..lexicons.packaged import pattern_tags, place_names
from ..tokens import Token
from .vocabulary import (
    BACK_REFERENCES,
    CORE_ENDS,
    DAYS_MONTHS,
    DETERMINERS,
    INDEFINITE,
    LOCATIVES,
    MASS_EVIDENCE,
    MODIFIERS,
    NATIONALITIES,
    NOT_NAMES,
    ORG_SUFFIXES,
    OUTLETS,
    PLACE_PREPOSITIONS,
    PLACES,
    PRONOUNS,
    QUANTIFIER_SUBJECTS,
    SOURCE_NOUNS,
    VAGUE_QUANTIFIERS,
)
from .words import CaseEvidence, tagged_common, word_class

MAX_PLACE_WORDS = 4  # 'District of Columbia'; the look-up stays linear


def classify(tokens: list[Token], s: int, e: int, opener_is_word: bool = False) -> tuple[str, bool]:
    """`opener_is_word`: the phrase's first word is capitalised only because it opens the sentence."""
    words = tokens[s : e + 1]
    if any(w.text == "," for w in words):  # "Mark Li, a spokesman for the party": the name decides
        comma = next(i for i, w in enumerate(words) if w.text == ",")
        named_after = comma + 1 < len(words) and word_class(words[-1]) == "name"
        described = not any(word_class(w) == "name" for w in words[:comma])
        # "a spokeswoman, Ana Holm": the name after the role decides
        words = words[comma + 1 :] if described and named_after else words[:comma]
    at = next((k for k in range(1, len(words)) if words[k].lower in LOCATIVES), None)
    if at is not None:  # "shop owners on Harbour Road": the owners, not the road
        words = words[:at]
    head = words[-1]
    head_class = word_class(head)
    phrase = " ".join(t.lower for t in words)
    if head.lower == "who":
        return "person", False
    if len(words) == 1 and head.lower in QUANTIFIER_SUBJECTS and head.lower not in BACK_REFERENCES:
        return "anonymous", True  # "All agreed", "Most believe": a share of a crowd, not 'Both', the two just named
    if head.lower == "which":
        return "organisation", False
    if head_class == "pronoun":
        return PRONOUNS.get(head.lower, "person"), False
    bare = phrase.removeprefix("the ").strip()
    if bare in OUTLETS:
        return "outlet", False
    if head_class == "name":
        # The name's own last word decides, before any "of"/"for"/"at" phrase: "Bank of England" is a body,
        # "Station Manager Ana Ruiz of the Fire Service" a person.
        core = next((k for k in range(1, len(words)) if words[k].lower in CORE_ENDS), len(words))
        last = words[core - 1].lower.rstrip(".")
        last = last[:-2] if last.endswith(("'s", "\u2019s")) else last
        if last in ORG_SUFFIXES:
            return "organisation", False
        return "person", False
    category = SOURCE_NOUNS.get(head.lower) or ("organisation" if head.lower in ORG_SUFFIXES else "person")
    if category == "document":  # 'Recent surveys', 'polls': evidence that names nobody is no named source
        return "document", is_vague_evidence(" ".join(t.text for t in words))
    if category == "organisation":
        return "organisation", False
    places = place_word_indexes([w.text for w in words])
    has_name = any(
        word_class(w) == "name"
        and w.lower not in MODIFIERS
        and w.lower not in NATIONALITIES
        and w.lower not in BACK_REFERENCES
        and k not in places
        and not (k == 0 and opener_is_word)
        for k, w in enumerate(words[:-1])
    )
    if has_name and not any(w.lower in INDEFINITE for w in words[:1]):
        if _unnamed_people(words, category):
            return "anonymous", True  # "Clinton aides", "Central Asian leaders": people described, not named
        return "person", False
    definite = words[0].lower in ("the", "his", "her", "their", "its")
    return ("person" if definite else "anonymous"), not definite


def _unnamed_people(words: list[Token], category: str) -> bool:
    """A plural role noun after capitalised modifiers, with no second phrase joined by 'and'."""
    head = words[-1].lower
    plural = category == "group" or (category == "person" and head in SOURCE_NOUNS and head.endswith("s"))
    return plural and not any(w.lower in ("and", "&") for w in words)


def is_named(name: str) -> bool:
    """A proper name ('Ana Ruiz', 'Port Union', 'Council leader Ana Ruiz'), not a description or a role ('the
    council', 'Its general manager', 'The inspectorate'): some capitalised word that is no role, body,
    determiner, pronoun or sentence opener. The phrase's core (before 'of', 'for', 'in', 'at') must end in a
    capitalised word: 'the wake of the Times' and 'E.U. leaders' describe, 'Bank of England' names."""
    core = [w for w in name.split(",")[0].split() if not w.startswith("(")]  # 'Ana Ruiz (D-Ore.)'
    cut = next((k for k in range(1, len(core)) if core[k].lower() in CORE_ENDS), len(core))
    if not core or not (core[cut - 1][:1].isupper() or _body_of_a_name(core[:cut])):
        return False
    if len(core) == 1 and _opener_form(core[0]):
        return False
    for word in name.replace(",", " ").split():
        word = word.strip(".:;()\"'\u2018\u2019\u201c\u201d")
        low = word.lower()
        low = low[:-2] if low.endswith(("'s", "\u2019s")) else low
        if not word[:1].isupper() or low in SOURCE_NOUNS or low in PRONOUNS or low in DETERMINERS:
            continue
        if low in MODIFIERS or low in NOT_NAMES or low in DAYS_MONTHS or low in NATIONALITIES or low in BACK_REFERENCES:
            continue
        return True
    return False


def names_someone(name: str, evidence: CaseEvidence) -> bool:
    """A named source the summary lists: a proper name (`is_named`) that is no place ('Oklahoma', 'the West': an
    editor cannot call a place), and no common words capitalised by a sentence start, a list item or a heading:
    one word the lexicon knows as common ('Keeps saying ...', 'Talk compared to ...'), or words that the text
    otherwise writes in lower case ('Veto Power Impedes Peace Efforts: ...', 'SAVE A QUARTER Let's say ...')."""
    return is_named(name) and not names_no_speaker(name, evidence)


def names_no_speaker(name: str, evidence: CaseEvidence) -> bool:
    """A proper name that names no one who speaks: a place, or common words capitalised by a sentence start, a
    list item or a heading (see `names_someone`). `source_mix` leaves such entries out with this same test."""
    core = canonical_core(name)
    if is_place(core):
        return True
    words = core.split()
    at = next((k for k in range(1, len(words)) if words[k].lower() in PLACE_PREPOSITIONS), None)
    if at is not None and is_place(" ".join(words[at + 1 :])):
        words = words[:at]  # "Finds in Jutland": the owner of the place decides
    if len(words) == 1:
        return _common_word(words[0], evidence) or _opener_only(words[0], evidence)
    return _heading_words(words, evidence)


def is_place(name: str) -> bool:
    """'Ohio', 'the West', 'New York', "Ohio's": a region, capital, country or US state (places.txt, pycountry)."""
    low = canonical_core(name).lower()
    return low in PLACES or low in place_names()


def place_word_indexes(words: list[str]) -> set[int]:
    """The indexes of the words that spell a place, longest place first ('west virginia', not 'west'), when the
    place is the whole capitalised run: 'West Virginia officials' and 'Ohio election officials' are unnamed
    officials, like 'French diplomats'; in 'Virginia Tech officials' and 'New York Times' the place is part of a
    name."""
    found: set[int] = set()
    k = 0
    while k < len(words):
        lowers = [w.lower() for w in words[k : k + MAX_PLACE_WORDS]]
        size = next((n for n in range(len(lowers), 0, -1) if _spells_place(lowers[:n])), 0)
        if size and not _capitalised_at(words, k - 1) and not _capitalised_at(words, k + size):
            found.update(range(k, k + size))
        k += size or 1
    return found


def _capitalised_at(words: list[str], k: int) -> bool:
    return 0 <= k < len(words) and words[k][:1].isupper() and words[k].lower() not in DETERMINERS


def _spells_place(words: list[str]) -> bool:
    last = words[-1]
    words = [*words[:-1], last[:-2] if last.endswith(("'s", "\u2019s")) else last]
    return is_place(" ".join(words))


def canonical_core(name: str) -> str:
    """'the United States' -> 'United States', "Ruiz's" -> 'Ruiz', 'Ruiz, the mayor' -> 'Ruiz'."""
    core = name.split(",")[0].strip()
    core = core[4:] if core[:4].lower() == "the " else core
    return core[:-2] if core.endswith(("'s", "\u2019s")) else core


def _common_word(word: str, evidence: CaseEvidence) -> bool:
    """A capitalised word the text never writes capitalised inside a sentence, that pattern's lexicon knows as a
    common word: its capitalised form is tagged, but not as a proper noun ('Keeps' VBZ, 'Talk' NN); or only its
    lower-case form is, as no noun ('instead'); or only the singular of that form ('preys' -> 'prey'). A lower-case
    noun alone proves nothing: 'Politico', 'Tester' are names written like 'politico', 'tester'. All capitals
    ('CNN', 'TRUMP') stay names."""
    if word.isupper() or not word[:1].isupper():
        return False
    known = tagged_common(word)
    if known is None:
        tags = pattern_tags()
        low = word.lower()
        low_tag = tags.get(low)
        known = not low_tag.startswith("NN") if low_tag else low.endswith("s") and low[:-1] in tags
    return known and evidence.inside()[word] == 0


def _opener_only(word: str, evidence: CaseEvidence) -> bool:
    """A capitalised word the text writes in lower case and capitalises only where a sentence opens ('Following
    the vote, ...', 'Keeps ...'): no name, whatever the lexicon says. A name ('Price' of 'Ann Price') is
    capitalised inside some sentence; a word in capitals ('CNN') stays a name."""
    return (
        word[:1].isupper() and not word.isupper() and word.lower() in evidence.lower() and not evidence.inside()[word]
    )


def _heading_words(words: list[str], evidence: CaseEvidence) -> bool:
    """Every capitalised word is one the text writes in lower case and never capitalises inside a sentence
    (but for this phrase itself: 'for Refugees'): a heading or a kicker in title case or capitals, not a name.
    'the Supreme Court' is capitalised inside sentences; 'Ana Ruiz' is never written in lower case."""
    capitalised = 0
    for k, raw in enumerate(words):
        word = raw.strip(".:;()\"'\u2018\u2019\u201c\u201d")
        word = word[:-2] if word.endswith(("'s", "\u2019s")) else word
        if not word[:1].isupper():
            continue
        capitalised += 1
        low = word.lower()
        if low in DETERMINERS:
            continue
        inside_here = 1 if k and words[k - 1][:1].islower() else 0
        if not _written_common(word, evidence) or evidence.inside()[word.title()] > inside_here:
            return False
    return capitalised >= 2


def _written_common(word: str, evidence: CaseEvidence) -> bool:
    """The text writes the word in lower case, or the lexicon tags it, as written, as no proper noun ('Let' VB),
    or it is in capitals and its lower-case form is tagged so ('SAVE' -> 'save' VB)."""
    low = word.lower()
    if low in DETERMINERS or low in evidence.lower() or tagged_common(word):
        return True
    return word.isupper() and bool(tagged_common(low))


def is_crowd(phrase: str, anonymous: bool) -> bool:
    """An unnamed crowd ('critics', 'many experts', 'Others, especially two economists'): the phrase before an
    apposition decides."""
    words = phrase.split(",")[0].lower().split()
    if not words:
        return False
    return SOURCE_NOUNS.get(words[-1]) == "vague" or (anonymous and words[0] in VAGUE_QUANTIFIERS)


def is_vague_evidence(phrase: str) -> bool:
    """Evidence that names nobody ('polls', 'Recent surveys', 'National opinion polls'): a document noun whose
    phrase has no name and no determiner pointing at a known one."""
    words = phrase.split(",")[0].split()
    head = words[-1].lower() if words else ""
    if SOURCE_NOUNS.get(head) != "document" or not (head.endswith("s") or head in MASS_EVIDENCE):
        return False
    if words[0].lower() in ("the", "this", "these", "those", "its", "their", "his", "her", "our"):
        return False
    return not is_named(" ".join(words[:-1]))


def launders(phrase: str, anonymous: bool) -> bool:
    """A source whose reported words are still the outlet's own: a crowd or evidence that names nobody.
    Only a source the reader can weigh owns its words (see docs/bias-and-readability.md)."""
    return is_crowd(phrase, anonymous) or is_vague_evidence(phrase)


def _opener_form(word: str) -> bool:
    """'Having', 'Following', 'Conversely': a participle or adverb capitalised only because it opens a sentence."""
    low = word.lower()
    return len(low) > 5 and low.endswith(("ing", "ly"))


def _body_of_a_name(core: list[str]) -> bool:
    """'the Clinton campaign', "Ruiz's aides": a body or group noun after a proper name that is no place ('Ohio
    police', 'West Virginia officials' name no one)."""
    head = core[-1].lower()
    owner = " ".join(core[:-1])
    return SOURCE_NOUNS.get(head) in ("organisation", "group") and is_named(owner) and not is_place(owner)
