"""Cue finding: which token reports speech or thought, and which clause a cue's report covers."""

from __future__ import annotations

from ..lexicons import LexiconEntry
from ..tokens import Token
from .phrases import np_ending_at
from .respondents import quantity_before
from .subjects import final_subject, np_before, relative_subject
from .vocabulary import (
    ADD_OBJECTS,
    ADD_VERBS,
    AIM_NOUNS,
    AIM_VERBS,
    CLAUSE_JOINERS,
    COMMUNICATION_NOUNS,
    CONTRAST_SUBJECTS,
    COPULAS,
    DASHES,
    DEGREE_WORDS,
    DETERMINERS,
    HEARSAY,
    LIGHT_VERBS,
    NOT_THAT_CUES,
    NOUN_SENSE,
    PASSIVE_AUX,
    PERSONAL_PRONOUNS,
    PRONOUN_CLAUSE_OPENERS,
    QUOTE_CLOSERS,
    REPORT_ONLY,
    REPORT_OPENERS,
    SAY_CUES,
    SIGN_OFF_CUES,
    SIGN_OFF_JOINERS,
    SKIPPABLE,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    SUBORDINATORS,
)
from .words import bare_verb, is_adverb, is_amount, possessive, word_class

THAT_CUE = LexiconEntry("(verb) that", "neutral", "")
PUT_IT_CUE = LexiconEntry("put it", "neutral", "")
ACT_CUE = LexiconEntry("(verb) (noun)", "act", "")


def cue_entry(tokens: list[Token], i: int) -> LexiconEntry | None:
    """The lexicon entry that makes token `i` a cue: 'as Ruiz put it', a speech verb, a verb before a that-clause,
    or a light verb with a noun of speech ('issued a statement')."""
    low = tokens[i].lower
    if low in ("put", "puts") and tokens[i + 1 : i + 2] and tokens[i + 1].lower == "it":
        return PUT_IT_CUE
    return SPEECH_VERBS.get(low) or that_clause_cue(tokens, i) or light_verb_cue(tokens, i)


def other_sense(tokens: list[Token], i: int) -> bool:
    """The cue word at `i` is used in another sense here: a noun ('the report'), a quantity ('added 337,000 jobs'),
    an intention ('thought to ask'), a report-only verb with no report ('maintained her lead'), an attributive
    stance adjective ('a hopeful candidate') or hearsay about someone ('said to be discussing')."""
    low = tokens[i].lower
    following = tokens[i + 1].lower if i + 1 < len(tokens) else None
    if i > 0 and low in NOUN_SENSE and (tokens[i - 1].lower in DETERMINERS or possessive(tokens[i - 1])):
        return True
    if i > 1 and low in NOUN_SENSE and _named_modifier(tokens, i):
        return True
    if (
        low in ADD_VERBS
        and following is not None
        and (is_amount(tokens[i + 1]) or following == "to" or following in ADD_OBJECTS)
        and not closes_quotation(tokens, i)
    ):
        return True
    if low == "thought" and following == "to":
        return True
    if _sign_off(tokens, i):
        return True
    if low in REPORT_ONLY and following not in REPORT_OPENERS and not closes_quotation(tokens, i):
        return True
    if low in STANCE_ADJECTIVES and not after_copula(tokens, i) and not _verb_before_that(tokens, i):
        return True
    return hearsay(tokens, i)


def _named_modifier(tokens: list[Token], i: int) -> bool:
    """'In a Facebook post', 'under the McKinley plan': a determiner and a name before the cue word make it a noun
    (a singular name and the bare form: 'the Council plans to' stays a verb)."""
    name, before = tokens[i - 1], tokens[i - 2].lower
    if not name.is_capitalised or before not in DETERMINERS:
        return False
    return before in ("a", "an") or not (tokens[i].lower.endswith("s") or name.lower.endswith("s"))


def closes_quotation(tokens: list[Token], i: int) -> bool:
    """'..." Holm maintains.', '...," Ruiz added to the Herald.': a name or pronoun right after a quotation, then
    the cue and at most a short phrase before the full stop: the cue reports the quotation."""
    subject = np_ending_at(tokens, i - 1) if i > 1 else None
    if subject is None or subject[0] < 1 or word_class(tokens[subject[1]]) not in ("name", "pronoun"):
        return False
    before = tokens[subject[0] - 1].text
    opened = before in QUOTE_CLOSERS or (before == "," and tokens[subject[0] - 2].text in QUOTE_CLOSERS)
    if not opened:
        return False
    rest = [t.lower for t in tokens[i + 1 : i + 10] if t.is_word]  # bounded: a cue-dense sentence stays linear
    return len(rest) <= 3 and len(tokens) - i <= 10 and "that" not in rest


def _sign_off(tokens: list[Token], i: int) -> bool:
    """'Holm reported from Bergen.': a reporter's sign-off, the cue and 'from' followed by nothing but places."""
    if tokens[i].lower not in SIGN_OFF_CUES or i + 2 >= len(tokens) or tokens[i + 1].lower != "from":
        return False
    rest = [t for t in tokens[i + 2 :] if t.is_word]
    return bool(rest) and all(t.is_capitalised or t.lower in SIGN_OFF_JOINERS or t.lower in SIGN_OFF_CUES for t in rest)


def _verb_before_that(tokens: list[Token], i: int) -> bool:
    """'Ryan worried that', 'They determined that': a stance word in -ed right after its subject and before 'that'
    is a verb."""
    if not tokens[i].lower.endswith("ed") or i < 1 or i + 1 >= len(tokens) or tokens[i + 1].lower != "that":
        return False
    return word_class(tokens[i - 1]) in ("name", "pronoun", "noun") and not possessive(tokens[i - 1])


def by_agent(tokens: list[Token], i: int) -> bool:
    """'the plan was rejected by the council', 'a report written by ...': a participle and its 'by' agent."""
    return (
        i + 2 < len(tokens)
        and tokens[i + 1].lower == "by"
        and tokens[i].lower.endswith(("ed", "en", "wn"))
        and not tokens[i + 2].lower.endswith("ing")  # "continued by saying" is no agent
    )


def light_verb_cue(tokens: list[Token], i: int) -> LexiconEntry | None:
    """'Ruiz made the point that', 'Ruiz issued a statement', 'Ruiz took aim at': a light verb and a noun of speech."""
    if tokens[i].lower not in LIGHT_VERBS or tokens[i].is_capitalised:
        return None
    aims_only = tokens[i].lower in AIM_VERBS
    for k in range(i + 1, min(len(tokens), i + 5)):
        token = tokens[k]
        if token.lower in (AIM_NOUNS if aims_only else COMMUNICATION_NOUNS):
            return ACT_CUE
        if not token.is_word or token.lower in SPEECH_VERBS:
            return None
    return None


def opens_new_clause(tokens: list[Token], i: int, used_until: int) -> bool:
    """Inside a reported clause, 'when he told', 'because she worries', 'as he urges' start a clause of their own."""
    if (
        tokens[i].lower == "according"
        and i > 0
        and (tokens[i - 1].text in (",", "\u2014", "\u2013", "-", "(") or tokens[i - 1].text in QUOTE_CLOSERS)
    ):
        return True  # '"We will appeal," Ruiz said, according to the Herald': the outlet reports the report
    if i == used_until or i < 2 or SPEECH_VERBS.get(tokens[i].lower) is None:
        return False
    if final_subject(tokens, i) or relative_subject(tokens, i):
        return True  # "... whether the staff knew it, current and former officials said.": the whole sentence's source
    if _after_aside(tokens, i):
        return True
    j = i - 1
    while j > 0 and (tokens[j].lower in SKIPPABLE or is_adverb(tokens[j])):
        j -= 1
    if word_class(tokens[j]) == "pronoun" and (
        tokens[j - 1].lower in PRONOUN_CLAUSE_OPENERS or tokens[j - 1].text in QUOTE_CLOSERS
    ):
        return True  # "In a video posted online, she criticized ...", "... and he denied it"
    if word_class(tokens[j]) == "pronoun":
        return tokens[j - 1].lower in SUBORDINATORS
    if tokens[j].lower in CONTRAST_SUBJECTS and tokens[i].lower in SAY_CUES:
        return tokens[j - 1].lower in ("and", "but", "yet", ";", ",")  # "..., and others have said ..."
    if tokens[j].lower == "who" and tokens[i].lower in SAY_CUES and j > 0 and quantity_before(tokens, j - 1, i):
        return True  # "... compared with 23 percent who said ...": the relative clause's own speakers
    quantity = quantity_before(tokens, j, i)
    if quantity and quantity[0] > 0 and tokens[quantity[0] - 1].lower in ("and", "but", "while", ";", ","):
        return True  # "... 21 percent said yes and 14 percent said no": poll answers, each its own report
    return _noun_subject_opens(tokens, i, j)


def _noun_subject_opens(tokens: list[Token], i: int, j: int) -> bool:
    """A noun phrase ending at `j`, the subject of the cue at `i`, opens a clause of its own: after a quotation, a
    semicolon or colon, a subordinator, 'and' or 'but' before a name, or a comma closing an opening phrase."""
    if word_class(tokens[j]) not in ("name", "noun"):
        return False
    subject = np_ending_at(tokens, j)
    if subject is None or subject[0] == 0:
        return False
    opener = tokens[subject[0] - 1].lower
    if opener in QUOTE_CLOSERS and tokens[i].lower in SAY_CUES:
        return True  # '... a really cynical view," Ruiz said': the speaker of the quotation
    # "... is a problem: a recent poll showed that ...", "... \u2015 as was true then \u2015 Ruiz boasted"
    if opener in (";", ":") or (opener in DASHES and word_class(tokens[j]) == "name"):
        return True
    if opener == "," and subject[0] > 1:
        # "In her statement condemning the test, Ruiz defended ...", "..., a federal judge ruled": a named or
        # described subject after an opening phrase, not the last item of a list ('Holm, Bash and Vance had said')
        described = tokens[subject[0]].lower in ("the", "a", "an")
        return (word_class(tokens[j]) == "name" or described) and word_class(tokens[subject[0] - 2]) != "name"
    if opener == "with" and tokens[i].lower.endswith("ing"):
        return True  # "..., with Ruiz telling reporters ...": a participle with its own subject
    # "which the inquiry said", "... and Ruiz said", "but harbour officials said": a subordinator or a conjunction
    return opener in SUBORDINATORS or opener in ("and", "but")


def _after_aside(tokens: list[Token], i: int) -> bool:
    """'Ruiz, later alleging that ..., said', 'Holm, whose firm helps shops find suppliers, said': a say-verb after
    the comma or dash that closes an aside, whose subject opens before the aside (the cue inside was the aside's)."""
    if tokens[i].lower not in SAY_CUES:
        return False
    j = i - 1
    while j > 0 and (tokens[j].lower in SKIPPABLE or is_adverb(tokens[j])):
        j -= 1
    if tokens[j].text != "," and tokens[j].text not in ("\u2014", "\u2013", "-"):
        return False
    return np_before(tokens, i) is not None


def that_clause_cue(tokens: list[Token], i: int) -> LexiconEntry | None:
    """Any past or present verb that opens a that-clause after a named subject: 'Ruiz conceded that ...'."""
    token = tokens[i]
    if i + 1 >= len(tokens) or tokens[i + 1].lower != "that" or not token.is_word or token.is_capitalised:
        return None
    if not token.lower.endswith(("ed", "es", "ts", "ns", "ds")) or token.lower in NOT_THAT_CUES:
        return None
    j = i - 1
    while j >= 0 and (tokens[j].lower in SKIPPABLE or is_adverb(tokens[j])):
        j -= 1
    if j < 0 or (tokens[j].lower != "who" and word_class(tokens[j]) not in ("name", "noun", "pronoun")):
        return None  # "other local outlets that stock ...": a noun and its relative clause, not a verb
    return THAT_CUE


def hearsay(tokens: list[Token], i: int) -> bool:
    """'the clubs said to be discussing', 'X is rumoured to want': what others say about X, not X speaking."""
    low = tokens[i].lower
    speaker = i > 0 and tokens[i - 1].lower in PERSONAL_PRONOUNS  # "he said to applause": a pronoun speaks
    if low in HEARSAY and i + 2 < len(tokens) and tokens[i + 1].lower == "to" and bare_verb(tokens[i + 2]):
        return not speaker
    j = i - 1
    while j >= 0 and tokens[j].lower in ("be", "have", "been", "being"):
        j -= 1
    return j >= 1 and tokens[j].lower == "to" and tokens[j - 1].lower in HEARSAY


def after_copula(tokens: list[Token], i: int) -> bool:
    j = i - 1
    while j >= 0 and (is_adverb(tokens[j]) or tokens[j].lower in DEGREE_WORDS):
        j -= 1
    low = tokens[j].lower.replace("\u2019", "'") if j >= 0 else ""
    if low in ("be", "being"):
        return False  # "we must be wary", "voters would be pleased": advice or a guess, not anyone's stance
    return low in COPULAS or low.endswith(("'s", "'re", "'m"))


def is_passive(tokens: list[Token], i: int, entry: LexiconEntry) -> bool:
    """'was rejected', 'had been told', 'is supported': a participle after a form of 'be'."""
    low = tokens[i].lower
    if entry.category == "cognition" and not low.endswith("ed"):
        return False  # "is critical of": an adjective, not a passive
    if low in STANCE_ADJECTIVES and i > 0 and tokens[i - 1].lower not in ("be", "been", "being"):
        return False  # "was worried that", "is convinced": a state of mind ("cannot be determined" is a passive)
    if not (low.endswith(("ed", "en", "wn")) or low in ("told", "said", "thought", "held", "made", "sought")):
        return False
    j = i - 1
    while j >= 0 and (tokens[j].lower in SKIPPABLE or is_adverb(tokens[j])):
        if tokens[j].lower in PASSIVE_AUX:
            return True
        j -= 1
    return False


def clause_end(tokens: list[Token], cue: int, relative: bool = False) -> int:
    """Index of the token that closes the clause a cue reports (a semicolon, or ', but' / ', while').

    A relative clause ("Hale, who said he votes no, said ...") closes at its comma, so the main cue stays free.
    """
    for j in range(cue + 1, len(tokens) - 1):
        if tokens[j].text == ";" or (tokens[j].text == "," and (relative or tokens[j + 1].lower in CLAUSE_JOINERS)):
            return j
        if tokens[j].text == "," and _main_speaker_follows(tokens, j + 1):
            return j  # "Asked whether she believed it, Ruiz said ...": the main clause starts after the comma
    return len(tokens)


def _main_speaker_follows(tokens: list[Token], k: int) -> bool:
    """A name or pronoun of at most four words, then a speech verb: 'Ruiz said', 'Ana Ruiz told', 'she added'."""
    if k < len(tokens) and tokens[k].lower in ("the", "a", "an"):
        k += 1  # "..., the candidate said"
    for end in range(k, min(len(tokens) - 1, k + 4)):
        klass = word_class(tokens[end])
        if klass not in ("name", "pronoun", "noun"):
            return False
        following = tokens[end + 1]
        if following.lower in SPEECH_VERBS and not following.is_capitalised:
            return SPEECH_VERBS[following.lower].category in ("neutral", "loaded")
        if klass == "pronoun":
            return False
    return False


def follows_quote_or_comma(tokens: list[Token], i: int) -> bool:
    previous = tokens[i - 1].text
    return (
        previous in QUOTE_CLOSERS
        or previous == ","
        or (i > 1 and tokens[i - 2].text == "," and previous in QUOTE_CLOSERS)
    )
