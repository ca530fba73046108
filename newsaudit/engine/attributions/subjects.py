"""The source before a cue: the subject of a verb of saying, in each shape a news sentence gives it."""

from __future__ import annotations

from ..lexicons import LexiconEntry
from ..tokens import Token
from .clause_subjects import clause_subject, described_subject, plural_subject
from .line_openings import dateline_end
from .phrases import labelled_name_ending_at, np_after, np_ending_at, role_of_phrase_ending_at, trim
from .respondents import (
    clause_starts_at,
    likely_subject,
    modifies_a_noun,
    number_word,
    opening_quantifier,
    quantity_before,
    share_saying,
    share_subject,
)
from .vocabulary import (
    CALL_VERBS,
    CAUSAL_VERBS,
    CHAIN_ENDINGS,
    CLAUSE_BREAKERS,
    CLAUSE_JOINERS,
    CONNECTORS,
    DASHES,
    DETERMINERS,
    FUNCTION_CAPITALS,
    LIKELY,
    LOCATIVES,
    MAX_NP_TOKENS,
    OPENERS,
    OPENING_ADVERBIALS,
    PARTICIPLE_LEADS,
    PARTICIPLES,
    PASSIVE_AUX,
    PERSONAL_PRONOUNS,
    PLACE_PREPOSITIONS,
    QUANTIFIER_SUBJECTS,
    QUOTE_CLOSERS,
    SAY_CUES,
    SKIPPABLE,
    SOURCE_NOUNS,
    SPEAKER_KINDS,
    SPEECH_VERBS,
    SUBORDINATORS,
    VAGUE_QUANTIFIERS,
)
from .words import is_adverb, is_time_word, plain_head, possessive, word_class


def final_subject(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """', people familiar with the talks said.' closing a sentence: the words between the comma and the say-verb."""
    entry = SPEECH_VERBS.get(tokens[i].lower)
    closing = tokens[i].lower in SAY_CUES or (entry is not None and entry.category == "evidence")
    if not closing or not _ends_sentence(tokens, i + 1):
        return None
    last = tokens[i - 1] if i else None
    if last is None or not last.is_word or last.lower in SKIPPABLE or last.lower in CONNECTORS or is_adverb(last):
        return None  # "... and wrote", "Ruiz did not say"
    if last.lower in CLAUSE_JOINERS or last.lower in SPEECH_VERBS:
        return None
    for k in range(i - 1, max(-1, i - 10), -1):
        token = tokens[k]
        if token.text == ",":
            start = k + 1
            while start < i and (tokens[start].lower in OPENERS or tokens[start].lower in SUBORDINATORS):
                start += 1  # ", though he said."
            if not any(word_class(t) in ("name", "noun", "pronoun") for t in tokens[start:i]):
                return None
            return (start, i - 1) if start < i else None
        if not (token.is_word or token.text[:1].isdigit() or token.text in "-&%") or token.lower in SPEECH_VERBS:
            return None
        if token.lower in CLAUSE_BREAKERS or token.lower in SUBORDINATORS:
            return None  # "... in a finish that he said": a relative clause, not the sentence's source
    return None


def _ends_sentence(tokens: list[Token], k: int) -> bool:
    """Only closing punctuation, or a short phrase like 'on Monday' / 'in a statement', is left after position k."""
    rest = [t for t in tokens[k:] if t.is_word or t.text[:1].isdigit()]
    return len(rest) <= 4 and not any(t.lower in ("that", "he", "she", "they", "it") for t in rest)


def subject_fits(tokens: list[Token], source: tuple[int, int], category: str, cue: str, i: int) -> bool:
    """Evidence verbs ("found", "showed") need a document subject; "called" needs a person or "called for"."""
    end = source[1]
    comma = next((k for k in range(source[0], end) if tokens[k].text == ","), None)
    if comma is not None and comma > source[0]:
        end = comma - 1  # "Ana Ruiz, director of the Port Union, called ...": the name before the apposition
    head = tokens[end]
    head_kind = SOURCE_NOUNS.get(head.lower)
    if category == "evidence":  # "the poll found"; anyone "found that ..."
        return head_kind == "document" or (i + 1 < len(tokens) and tokens[i + 1].lower == "that")
    if cue in CALL_VERBS:
        follows = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        # "critics called it anti-gay" is a stance; "a bill called the Clean Air Act" names a thing
        if follows in ("for", "on") or word_class(head) in ("name", "pronoun") or head.lower == "who":
            return True  # "Pence, who called their son a hero": 'who' stands for a person
        return head_kind in SPEAKER_KINDS and tokens[source[0]].lower not in ("a", "an")  # not "a group called X"
    return True


def document_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Exit polls taken in Ohio found', 'FEC records from 2008 show': a document noun followed by its modifiers."""
    for k in range(cue - 1, max(-1, cue - MAX_NP_TOKENS), -1):
        token = tokens[k]
        if token.text in (".", ";", ":", "\u201d", '"') or token.lower in SPEECH_VERBS or token.lower == "that":
            return None
        if SOURCE_NOUNS.get(token.lower) == "document":
            found = np_ending_at(tokens, k)
            return (found[0], cue - 1) if found else None
    return None


def modified_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Majorities of voters in five states say': a subject with its modifiers, back to the clause's start."""
    if cue > 0 and tokens[cue - 1].lower in ("and", "but", "or", "to"):
        return None  # "seized the floor and said", "stood up to say": a second verb, not a subject
    start = cue
    has_head = False
    while start - 1 >= 0 and cue - start < 15:
        token = tokens[start - 1]
        if not (token.is_word or token.text[:1].isdigit() or token.text in ("-", "&", "/")):
            break
        if token.lower in SPEECH_VERBS or token.lower in CLAUSE_BREAKERS:
            break
        klass = word_class(token)
        has_head = has_head or klass == "name" or SOURCE_NOUNS.get(token.lower) in ("person", "group", "vague")
        has_head = has_head or token.lower == "those"  # 'Those close to the talks say'
        start -= 1
    if not has_head or start == cue or (start > 0 and tokens[start - 1].is_word):
        return None  # the window ran into a verb or went too far: no clear subject
    while start < cue and (word_class(tokens[start]) in ("other", "connector") and tokens[start].lower in OPENERS):
        start += 1
    return (start, cue - 1) if start < cue else None


def participle_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Democrats in Congress, fearing ...': the phrase before the comma; else the sentence's subject."""
    before = np_ending_at(tokens, cue - 2) if cue >= 2 else None
    if (
        before
        and word_class(tokens[before[1]]) in ("name", "pronoun", "noun")
        and (before[0] == 0 or tokens[before[0] - 1].text == ",")
    ):
        return before
    subject = _sentence_subject(tokens, cue)
    if subject is None:
        return None
    first = tokens[subject[0]].lower
    if first in PERSONAL_PRONOUNS:
        return subject  # "She went on to attack the plan, saying ..."
    if first in FUNCTION_CAPITALS or first in OPENING_ADVERBIALS:
        return None
    return subject


def _sentence_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Smith attacked the bill on Monday, saying ...': the sentence's opening noun phrase, after an opening
    conjunction or adverbial ('Then she ...', 'Later in the day, she ...')."""
    begin = dateline_end(tokens)
    while begin < cue and tokens[begin].lower in OPENERS:
        begin += 1
    for _ in range(_MOST_OPENING_PHRASES):  # "On Thursday, after weeks of silence, Ruiz ..."
        if begin >= cue or not _opening_phrase(tokens, begin):
            break
        comma = next((k for k in range(begin + 1, min(cue, begin + 16)) if tokens[k].text == ","), None)
        if comma is None:
            break
        begin = comma + 1
    end = begin
    while end < cue and word_class(tokens[end]) in ("name", "noun", "modifier", "connector", "pronoun"):
        if word_class(tokens[end]) == "pronoun":
            end += 1
            break
        end += 1
    if end == begin:
        return None
    return trim(tokens, begin, end - 1)


_MOST_OPENING_PHRASES = 3


def _opening_phrase(tokens: list[Token], k: int) -> bool:
    """An adverbial, a time phrase ('A month later,', 'Last week,') or a participle ('Asked about it,') opening the
    sentence before its subject."""
    token = tokens[k]
    if token.lower in OPENING_ADVERBIALS or _adverbial_opener(tokens, k):
        return True
    if (
        token.is_capitalised
        and token.lower.endswith(("ed", "ing"))
        and len(token.lower) > 5
        and word_class(token) == "other"
    ):
        return True
    for j in range(k, min(len(tokens), k + 5)):
        if tokens[j].text == ",":
            return j > k and (tokens[j - 1].lower in ("later", "ago", "earlier") or is_time_word(tokens, j - 1))
    return False


def _adverbial_opener(tokens: list[Token], k: int) -> bool:
    """'Likewise, Trump ...', 'Shortly after the vote, ...', 'Walking to the car, Holm ...': an adverb, or an
    adverb or participle before a preposition or determiner, opening the sentence (not 'Golding walked')."""
    token = tokens[k]
    low = token.lower
    if not token.is_capitalised or len(low) < 5 or k + 1 >= len(tokens):
        return False
    if low.endswith(("wise", "stead")):
        return True
    following = tokens[k + 1].lower
    leads = following in DETERMINERS or following in CONNECTORS or following in PLACE_PREPOSITIONS
    leads = leads or following in OPENING_ADVERBIALS or following == "to"  # 'Shortly after', 'Walking to'
    return low.endswith(("ly", "ing")) and leads


def np_before(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """The subject that ends just before the cue (auxiliaries, adverbs and time phrases skipped): a noun phrase, an
    apposition ('Smith, the treasurer, said'), a relative 'who', a name with its party label, a chained verb's
    subject ('went on to say'), a quantifier or quantity ('Most believe', '47 percent said') or a description."""
    end = cue - 1
    quantifier = end
    while quantifier > max(0, end - 4) and (tokens[quantifier].lower in SKIPPABLE or is_adverb(tokens[quantifier])):
        quantifier -= 1  # "Both have promised", "Each has since agreed"
    if quantifier >= 0 and opening_quantifier(tokens, quantifier):
        # "All agreed that", not "all registered voters"
        return None if quantifier == end and modifies_a_noun(tokens, cue) else (quantifier, quantifier)
    while end >= 0 and (tokens[end].lower in SKIPPABLE or is_adverb(tokens[end]) or is_time_word(tokens, end)):
        end -= 1
    if end < 0:
        return None
    if tokens[end].text in QUOTE_CLOSERS and end > 1 and tokens[end - 1].text == "," and _short_quote_ends(tokens, end):
        end -= 1  # 'Hale, who calls it a "farce," said': the comma sits inside a short closing quotation
    if tokens[end].text == ",":
        return _apposition_before(tokens, end) or _long_subject(tokens, end)
    if _dash_start(tokens, end) is not None:
        return _dashed_subject(tokens, end)
    relative = _relative_at(tokens, end, cue)
    if relative is not None:
        return relative
    if tokens[end].text == ")":  # "Rep. Ana Ruiz (D-Ore.) said": the party label belongs to the name
        opening = next((k for k in range(end - 1, max(-1, end - 8), -1) if tokens[k].text == "("), None)
        if opening is not None and opening > 0:
            named = np_ending_at(tokens, opening - 1)
            return (named[0], end) if named else None
    if tokens[end].lower in ("to", "by") and end >= 2:
        return _chain_subject(tokens, end) or _caused_speaker(tokens, end)
    if tokens[end].lower in ("and", "but"):  # "She thanked the crowd and told them ...": the first verb's subject
        subject = _sentence_subject(tokens, cue)
        return subject if subject and _first_verb_subject(tokens, subject, cue) else None
    if tokens[end].lower in QUANTIFIER_SUBJECTS and clause_starts_at(tokens, end):
        return end, end  # "Most believe ...", "; most said they were worried": poll respondents or members of a group
    return (
        quantity_before(tokens, end, cue)
        or role_of_phrase_ending_at(tokens, end)
        or np_ending_at(tokens, end)
        or _description_before(tokens, end, cue)
    )


def _first_verb_subject(tokens: list[Token], subject: tuple[int, int], cue: int) -> bool:
    """'The judge rubbed his chin and said': a name or pronoun, or before a say-verb a speaker noun."""
    head = tokens[subject[1]]
    if word_class(head) in ("name", "pronoun"):
        return True
    return tokens[cue].lower in SAY_CUES and SOURCE_NOUNS.get(head.lower) in SPEAKER_KINDS


def _dash_start(tokens: list[Token], k: int) -> int | None:
    """The first token of a dash that ends at `k`: a dash character, or a typed double hyphen ('-', '-')."""
    if tokens[k].text in DASHES:
        return k
    if tokens[k].text == "-" and k > 0 and tokens[k - 1].text == "-":
        return k - 1
    return None


def _dashed_subject(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """'Jason Sims \u2014 a teacher from Leeds \u2014 says', 'the judge -- who ... -- said': the name before the
    opening dash and the aside."""
    closing = _dash_start(tokens, end)
    opening = next(
        (d for k in range(closing - 1, max(-1, closing - 20), -1) if (d := _dash_start(tokens, k)) is not None), None
    )
    if opening is not None and opening > 0:
        named = np_ending_at(tokens, opening - 1)
        if named and word_class(tokens[named[1]]) in ("name", "noun", "pronoun"):
            return named[0], closing - 1
    return None


def _relative_at(tokens: list[Token], end: int, cue: int) -> tuple[int, int] | None:
    """A relative subject ending at `end`: 'who' or 'which' (`_relative_who`), or a share of those just named,
    '..., many of whom say', 'most of whom had backed'."""
    if _relative_who(tokens, end, cue):
        return end, end
    if tokens[end].lower == "whom" and end >= 2 and tokens[end - 1].lower == "of":
        share = tokens[end - 2].lower
        if share in QUANTIFIER_SUBJECTS or share in VAGUE_QUANTIFIERS or number_word(share):
            return end - 2, end
    return None


def _relative_who(tokens: list[Token], end: int, cue: int) -> bool:
    """A relative 'who' as the subject, resolved later to the phrase it follows: 'Obama, who endorsed Clinton',
    'voters who said', and before a say-verb 'four in 10 who said', 'those who say'."""
    if tokens[end].lower == "which":
        return _relative_which(tokens, end, cue)
    if tokens[end].lower != "who" or end < 1:
        return False
    if end >= 2 and tokens[end - 1].text == ",":
        return True
    if word_class(tokens[end - 1]) in ("name", "noun"):
        return True
    if tokens[end - 1].lower.endswith("s") and plain_head(tokens[end - 1]) and not tokens[end - 1].is_capitalised:
        return True  # "individuals who claim", "whites who feel": a plural of people before 'who'
    return tokens[cue].lower in SAY_CUES and plain_head(tokens[end - 1])


def _relative_which(tokens: list[Token], which: int, cue: int) -> bool:
    """'the union, which endorsed Ruiz in May': a body named just before ', which' backs, says or reports; not a
    document's evidence ('the poll, which shows') nor a thing ('the bill, which says')."""
    entry = SPEECH_VERBS.get(tokens[cue].lower)
    if which < 2 or tokens[which - 1].text != "," or entry is None or entry.category == "evidence":
        return False
    head = tokens[which - 2]
    kind = SOURCE_NOUNS.get(head.lower)
    return kind in ("organisation", "group") or (word_class(head) == "name" and not possessive(head))


def _short_quote_ends(tokens: list[Token], close: int) -> bool:
    """A quotation of at most four words closes at `close` and opens after a word: a scare quote, not a quote."""
    for k in range(close - 2, max(0, close - 7), -1):
        if tokens[k].text in ("\u201c", '"', "\u2018", "'"):
            return k > 0 and tokens[k - 1].is_word
    return False


def _chain_subject(tokens: list[Token], to: int) -> tuple[int, int] | None:
    """'Ruiz went on to say', 'she began by thanking', 'Ruiz refused to endorse': the subject of the first verb."""
    k = to - 1
    if tokens[k].lower in LIKELY:
        entry = SPEECH_VERBS.get(tokens[to + 1].lower) if to + 1 < len(tokens) else None
        return likely_subject(tokens, k) if entry and entry.category == "neutral" else None
    if tokens[k].lower in ("on", "up", "out"):
        k -= 1
    if k < 1 or not tokens[k].is_word or tokens[k].is_capitalised or not tokens[k].lower.endswith(CHAIN_ENDINGS):
        return None
    k -= 1
    while k >= 0 and tokens[k].lower in SKIPPABLE:
        k -= 1
    if k < 0 or tokens[k].lower in PASSIVE_AUX:
        return None
    found = np_ending_at(tokens, k)
    if found and word_class(tokens[found[1]]) in ("name", "pronoun"):
        return found
    return None


def _caused_speaker(tokens: list[Token], to: int) -> tuple[int, int] | None:
    """'The win led the party chairman to declare ...', 'which prompted critics to say': the object of the causing
    verb speaks."""
    if tokens[to].lower != "to":
        return None
    found = np_ending_at(tokens, to - 1)
    if not found or word_class(tokens[found[1]]) not in ("name", "noun", "pronoun"):
        return None
    # the chunker may run over the verb ('The row prompted critics'): the object starts after it
    verb = next((k for k in range(to - 2, max(-1, found[0] - 2), -1) if tokens[k].lower in CAUSAL_VERBS), None)
    return (verb + 1, found[1]) if verb is not None else None


def _description_before(tokens: list[Token], end: int, cue: int) -> tuple[int, int] | None:
    """'the network said', 'the 46-year-old said': a determiner and at most three words before a say-verb."""
    entry = SPEECH_VERBS.get(tokens[cue].lower)
    if entry is None or tokens[cue].lower not in SAY_CUES:
        return None
    if not tokens[end].is_word or tokens[end].is_capitalised or tokens[end].lower in SPEECH_VERBS:
        return None
    for det in range(end - 1, max(-1, end - 4), -1):
        token = tokens[det]
        if token.lower in ("the", "this", "that", "a", "an"):
            return det, end
        if not (token.is_word or token.text[:1].isdigit()) or token.lower in SPEECH_VERBS or token.lower in SKIPPABLE:
            return None
    return None


def _apposition_before(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """'Smith, the party's treasurer, said' and 'Hale, one of two members who voted no, said' -> name + appositive."""
    lower_bound = max(0, comma - 2 * MAX_NP_TOKENS)
    commas = 0
    held = None  # a phrase before ", which ...": the relative clause may describe the last part of an apposition
    for k in range(comma - 1, lower_bound - 1, -1):
        if tokens[k].text in (".", ";", ":", "\u201d", '"'):
            return held
        if tokens[k].text == ",":
            opener = tokens[k + 1] if k + 1 < comma else None
            if opener is None or opener.lower == "that":
                return held  # "in an interview with ABC News, that he really, really wants": a clause, no aside
            name = labelled_name_ending_at(tokens, k - 1) or _opening_role(tokens, k - 1) if k > 0 else None
            if name and word_class(tokens[name[1]]) in ("name", "other"):
                if held is None and opener.lower == "which" and name[0] > 1 and tokens[name[0] - 1].is_word:
                    # "Sanne Voss, operations manager at Greyrock, which runs the quarry, said": Voss speaks
                    held = name[0], comma - 1
                    commas += 1
                    continue
                return name[0], comma - 1  # "Ruiz, 35, a nurse from Leeds, said"; "Ruiz, speaking in Leeds, said"
            if name and opener.lower in ("who", "whose") and word_class(tokens[name[1]]) == "noun":
                return name[0], comma - 1  # "A council official, who asked not to be named, said"
            inner = labelled_name_ending_at(tokens, comma - 1)
            if (
                name
                and inner == (k + 1, comma - 1)
                and word_class(tokens[inner[1] if tokens[comma - 1].text != ")" else k + 1]) == "name"
                and (name[0] == 0 or tokens[name[0] - 1].text != "," or _description(tokens, name))
            ):
                return name[0], comma - 1  # "the council's spokesman, Ali Khan, said"
            commas += 1
            if commas > 2:
                return held
    return held


def _description(tokens: list[Token], phrase: tuple[int, int]) -> bool:
    """'a spokeswoman', 'the F.B.I. director': a determiner and a source noun, no name: after a comma it is the
    role before an apposed name, where a name would be an item in a list ('Ruiz, Holm, Vance said')."""
    start, end = phrase
    if start >= 2 and word_class(tokens[start - 2]) == "name":
        return False  # "Vian, the editor of the paper, L'Osservatore Romano, said": Vian is the one apposed
    return tokens[start].lower in DETERMINERS and word_class(tokens[end]) == "noun"


def _opening_role(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """'The minister of finance, Mr. Lund, told': a role with its of-phrase opening the clause (not 'to a host of
    troubles, ...')."""
    found = role_of_phrase_ending_at(tokens, end)
    return found if found and clause_starts_at(tokens, found[0]) else None


def _long_subject(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """'Wilcox, whose tuition was paid by the Army, said', 'Cory Ames, 22, of Flint, Mich., said': the noun phrase
    that opens the clause, then everything up to the comma before the verb (at most 40 tokens back)."""
    start = comma - 1
    floor = max(0, comma - 40)
    # a "." inside a sentence ends an abbreviation ("Jackson, Miss., said"), not the clause
    while start > floor and tokens[start - 1].text not in (";", ":", "\u201d", '"', "\u201c", "(", ")"):
        start -= 1
    if start == floor and floor > 0:
        return None  # too long to be sure where the clause starts
    while start < comma and tokens[start].lower in OPENERS:
        start += 1
    if start < comma and tokens[start].lower in OPENING_ADVERBIALS:
        inner = next((k for k in range(start + 1, comma) if tokens[k].text == ","), None)
        if inner is None:
            return None
        start = inner + 1  # "On Friday, Ruiz, a ..., said"
    subject = np_after(tokens, start)
    if subject is None or subject[0] != start or subject[1] + 1 >= comma or tokens[subject[1] + 1].text != ",":
        return None
    head = tokens[subject[1]]
    if word_class(head) not in ("name", "noun", "pronoun") or head.lower.endswith(("'s", "\u2019s")):
        return None
    return subject[0], comma - 1


def relative_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Officials who spoke with the Post said', 'Trump - who had said so before - said', 'officials whose budgets
    were cut say': the noun phrase that opens the clause, before a relative 'who' or 'whose' with no comma between
    it and the say-verb."""
    if tokens[cue].lower not in SAY_CUES:
        return None
    who = next((k for k in range(cue - 1, max(0, cue - 16), -1) if tokens[k].lower in _RELATIVE_STOPS), None)
    if who is None or tokens[who].lower not in ("who", "whose") or who < 1:
        return None
    if all(t.lower in SKIPPABLE or is_adverb(t) for t in tokens[who + 1 : cue]):
        return None  # "Trump, who previously said": 'who' is the say-verb's own subject
    dashed = tokens[who - 1].text in DASHES or tokens[who - 1].text == "-"
    head = who - 2 if dashed else who - 1
    found = np_ending_at(tokens, head) if head >= 0 else None
    if found is None or word_class(tokens[found[1]]) not in ("name", "noun") or possessive(tokens[found[1]]):
        return None
    before = tokens[found[0] - 1] if found[0] > 0 else None
    if before is not None and not (
        before.text in (",", ";", ":") or before.lower in OPENERS or before.lower in CLAUSE_JOINERS
    ):
        return None
    end = cue - 1
    while dashed and end > who and (tokens[end].text in DASHES or tokens[end].text == "-"):
        end -= 1  # the aside between dashes stays with the name, as in _dashed_subject
    return (found[0], end) if dashed else found


_RELATIVE_STOPS = frozenset({"who", "whose", "that", "which", ",", ";", ":", '"', "\u201c", "\u201d"})


def subject_of(tokens: list[Token], i: int, entry: LexiconEntry) -> tuple[int, int] | None:
    """The source before the cue at `i`: the noun phrase that is its subject, or a fallback shape for this cue."""
    led = _led_participle_subject(tokens, i) or relative_subject(tokens, i)
    if led is not None:
        return led
    source = _subject_before(tokens, i, entry)
    low = tokens[i].lower
    if entry.category == "evidence" and (source is None or SOURCE_NOUNS.get(tokens[source[1]].lower) != "document"):
        source = document_subject(tokens, i) or source  # "Exit polls taken in Ohio found"
    if low in SAY_CUES and (source is None or tokens[source[0] - 1].lower not in (",", "\u2014")):
        source = final_subject(tokens, i) or source
    return source if source is not None else _subject_of_shape(tokens, i)


def _subject_before(tokens: list[Token], i: int, entry: LexiconEntry) -> tuple[int, int] | None:
    """'Ruiz said', 'the council's spokesman told', 'shop owners on Harbour Road said': the noun phrase before the
    cue, if it can be the subject of this cue (not a possessor: 'the council's proposed levy')."""
    source = np_before(tokens, i)
    if source and not subject_fits(tokens, source, entry.category, tokens[i].lower, i):
        return None
    if source and possessive(tokens[source[1]]) and word_class(tokens[source[1]]) != "pronoun":
        return None
    if source and source[0] >= 2 and tokens[source[0] - 1].lower in LOCATIVES:
        owner = np_ending_at(tokens, source[0] - 2)
        if owner and word_class(tokens[owner[1]]) == "noun":
            return owner[0], source[1]
    return source


def _led_participle_subject(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """'Ruiz left the talks by saying ...', 'Ruiz, after first saying ...', 'After saying ..., the mayor left': a
    participle after 'by', 'after', 'while' ... has the clause's subject for its source."""
    if not tokens[i].lower.endswith("ing"):
        return None
    p = i - 1
    while p > 0 and is_adverb(tokens[p]):
        p -= 1
    if p < 0 or tokens[p].lower not in PARTICIPLE_LEADS:
        return None
    if p == 0:  # "After saying he was tired, the mayor left": the subject after the comma
        comma = next((k for k in range(i + 1, min(len(tokens) - 1, i + 25)) if tokens[k].text == ","), None)
        found = np_after(tokens, comma + 1) if comma is not None else None
        return found if found and found[0] == comma + 1 else None
    if tokens[p - 1].text == ",":
        before = np_ending_at(tokens, p - 2) if p >= 2 else None
        if before and word_class(tokens[before[1]]) in ("name", "noun", "pronoun"):
            return before
        return None
    subject = _sentence_subject(tokens, i)
    if subject and word_class(tokens[subject[1]]) in ("name", "noun", "pronoun"):
        return subject
    return None


def _subject_of_shape(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """No noun phrase right before the cue: 'Majorities of voters in five states say', 'Democrats, fearing ...',
    'Ruiz was quoted as saying'."""
    low = tokens[i].lower
    if low in SAY_CUES:
        source = modified_subject(tokens, i) or clause_subject(tokens, i)
        if source is not None:
            return source
    if (
        (low in PARTICIPLES or low.endswith("ing"))
        and i > 1
        and (tokens[i - 1].text == "," or tokens[i - 1].text in DASHES)
    ):
        source = participle_subject(tokens, i)
        if source is not None:
            return source
    if low == "saying" and i > 2 and tokens[i - 1].lower == "as" and tokens[i - 2].lower == "quoted":
        return np_before(tokens, i - 2)
    if low == "saying" and i > 1 and (source := share_saying(tokens, i)):
        return source
    return share_subject(tokens, i) or described_subject(tokens, i) or plural_subject(tokens, i)
