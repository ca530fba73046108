"""Every word list the attribution finder reads, loaded once from the lexicon files (no word list lives in code).

Speech verbs carry their properties as flags in `speech_verbs.tsv`; the small closed classes (determiners,
subordinators, light verbs ...) are the named sets of `attribution_words.txt`. Punctuation classes stay here.
"""

from __future__ import annotations

from ..lexicons import LexiconEntry, load_lexicon, load_word_sets, load_words

VERB_FLAGS = frozenset({"invertible", "say", "stance", "report-only", "noun"})

SPEECH_VERBS: dict[str, LexiconEntry] = {e.phrase: e for e in load_lexicon("speech_verbs", flags=VERB_FLAGS)}
SOURCE_NOUNS: dict[str, str] = {e.phrase: e.category for e in load_lexicon("source_nouns")}
# The one-word role nouns of the source audit's role words (source_roles.tsv: not its honorifics, party words or
# particles) head a person's phrase too: 'Harbour councillor Nell Brandt said' is one source.
for _role in load_lexicon("source_roles", flags=frozenset({"female", "male"})):
    if _role.category not in ("honorific", "party", "particle") and _role.phrase.replace("-", "").isalpha():
        SOURCE_NOUNS.setdefault(_role.phrase, "person")
PRONOUNS: dict[str, str] = {e.phrase: e.category for e in load_lexicon("pronouns")}
OUTLETS: dict[str, str] = {e.phrase: e.category for e in load_lexicon("outlets")}
MODIFIERS = load_words("source_modifiers")
ORG_SUFFIXES = load_words("org_suffixes")
DAYS_MONTHS = load_words("days_months")
NATIONALITIES = load_words("nationalities")  # proper adjectives: capitalised, never a name
# Their plurals are peoples, crowds that name nobody: 'Europeans say', 'Iranians said' (as 'Americans' in
# source_nouns.tsv).
for _people in NATIONALITIES:
    if _people.endswith("an"):
        SOURCE_NOUNS.setdefault(_people + "s", "group")
PLACES = load_words("places")  # regions and capitals; countries and US states come from pycountry


def _flagged(flag: str) -> frozenset[str]:
    return frozenset(phrase for phrase, entry in SPEECH_VERBS.items() if flag in entry.flags)


INVERTIBLE = _flagged("invertible")  # the source may follow the cue: '..., said Ruiz'
SAY_CUES = _flagged("say")
STANCE_ADJECTIVES = _flagged("stance")
REPORT_ONLY = _flagged("report-only")  # other senses are far more common: a cue only before 'that', ':' or a quote

_SETS = load_word_sets("attribution_words")


def _set(name: str) -> frozenset[str]:
    return frozenset(_SETS[name])


SKIPPABLE = _set("skippable")
CORE_ENDS = _set("core_ends")
CONNECTORS = _set("connectors")
DETERMINERS = _set("determiners")
INDEFINITE = _set("indefinite")
NOUN_SENSE = _flagged("noun") | _set("that_clause_nouns")
NOT_ADVERBS = _set("not_adverbs")
NEGATED_AUXILIARIES = _set("negated_auxiliaries")
PUBLISHED = _set("published")
OPENING_ADVERBIALS = _set("opening_adverbials")
SUBORDINATORS = _set("subordinators")
OPENING_SUBORDINATORS = _set("opening_subordinators")
PRONOUN_CLAUSE_OPENERS = _set("pronoun_clause_openers")
COPULAS = _set("copulas")
DEGREE_WORDS = _set("degree_words")
LIKELY = _set("likely")
CLAUSE_BREAKERS = _set("clause_breakers")
OPENERS = _set("openers")
TIME_WORDS = _set("time_words")
QUANTITY_HEADS = _set("quantity_heads")
QUANTITY_WORDS = QUANTITY_HEADS | _set("quantity_words")
NUMBER_WORDS = _set("number_words")
# Sentence openers that are no determiner: capitalised, they are never a name ("However", "Meanwhile").
FUNCTION_CAPITALS = load_words("sentence_openers") - DETERMINERS - {"one"}
NOT_NAMES = FUNCTION_CAPITALS | OPENING_ADVERBIALS | _set("not_names")
REPORT_OPENERS = _set("report_openers")
SIGN_OFF_CUES = _set("sign_off_cues")
SIGN_OFF_JOINERS = _set("sign_off_joiners")
ADD_VERBS = _set("add_verbs")
CONTRAST_SUBJECTS = _set("contrast_subjects")
PERSONAL_PRONOUNS = _set("personal_pronouns")
PERSONS_SPEAKING = _set("persons_speaking")
QUANTIFIER_SUBJECTS = _set("quantifier_subjects")
QUESTION_WORDS = _set("question_words")
POLL_HEADS = _set("poll_heads")
POLL_STOPS = _set("poll_stops")
NOT_THAT_CUES = _set("not_that_cues")
CLAUSE_JOINERS = _set("clause_joiners")
COLON_LABELS = _set("colon_labels")
COLON_LEADS = _set("colon_leads")
CHAIN_ENDINGS = tuple(_SETS["chain_endings"])
PASSIVE_AUX = _set("passive_aux")
TELL_VERBS = _set("tell_verbs")
CALL_VERBS = _set("call_verbs")
PARTICIPLES = _set("participles")
PARTICIPLE_LEADS = _set("participle_leads")
CAUSAL_VERBS = _set("causal_verbs")
HEARSAY = _set("hearsay")
LOCATIVES = _set("locatives")
LIGHT_VERBS = _set("light_verbs")
COMMUNICATION_NOUNS = _set("communication_nouns")
AIM_VERBS = _set("aim_verbs")  # only with a target: "took aim at", "fired a shot at"
AIM_NOUNS = _set("aim_nouns")
VAGUE_QUANTIFIERS = _set("vague_quantifiers")
MASS_EVIDENCE = _set("mass_evidence")
PLACE_PREPOSITIONS = _set("place_prepositions")
BACK_REFERENCES = _set("back_references")
ADD_OBJECTS = _set("add_objects")
ANONYMOUS_FRAMES = tuple(tuple(frame.split()) for frame in _SETS["anonymous_frames"])

# Categories of source nouns that can speak (not documents).
SPEAKER_KINDS = frozenset({"person", "group", "organisation", "vague"})
DASHES = frozenset({"\u2014", "\u2013", "\u2015", "--"})  # em, en, the quotation dash
QUOTE_CLOSERS = frozenset({"\u201d", '"', "\u2019", "\u00bb", "'"})
OPENING_QUOTES = frozenset({"\u201c", "\u2018", "\u00ab"})
QUOTE_OPENERS = OPENING_QUOTES | {'"'}  # and the straight double quote, which opens as often as it closes
# Double quotation marks only (a line quoted in full; an apostrophe closes no such line).
DOUBLE_OPENERS = frozenset({"\u201c", '"', "\u00ab"})
DOUBLE_CLOSERS = frozenset({"\u201d", '"', "\u00bb"})
MAX_NP_TOKENS = 12
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})  # pattern's Penn tags of a finite verb

# The word classes the long-subject shapes read (clause_subjects.py), in their own file.
_SUBJECT_SETS = load_word_sets("subject_words")
RELATIVES = frozenset(_SUBJECT_SETS["relatives"])
AUXILIARIES = frozenset(_SUBJECT_SETS["auxiliaries"])
DESCRIPTION_OPENERS = DETERMINERS | frozenset(_SUBJECT_SETS["description_openers"])
CLAUSE_OPENERS = frozenset(_SUBJECT_SETS["clause_openers"])
NO_CONTENT = frozenset(_SUBJECT_SETS["no_content"])
