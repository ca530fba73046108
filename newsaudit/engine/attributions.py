"""Who said what: attribution relations (source, cue, content) found by transparent word-order rules.

For every cue ("said", "told", "according to", "believes" ...) outside a direct quotation, the source is the noun
phrase that is the cue's subject ("Smith said", "Smith, the minister, said", "a senior official told reporters"),
or, after a quotation or a comma, the phrase that follows it ('...," said Smith'). The content is the adjacent
quotation if there is one, else the reported clause. Pronouns and definite descriptions ("she", "the spokesman")
are resolved to the last compatible named source. Every step is a bounded scan inside one sentence, so the whole
pass is linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .document import Document, Sentence
from .lexicons import LexiconEntry, load_lexicon, load_words
from .quotes import Quote, inside
from .tokens import Token, tokenize

SPEECH_VERBS = {e.phrase: e for e in load_lexicon("speech_verbs")}
SOURCE_NOUNS = {e.phrase: e.category for e in load_lexicon("source_nouns")}
PRONOUNS = {e.phrase: e.category for e in load_lexicon("pronouns")}
OUTLETS = {e.phrase: e.category for e in load_lexicon("outlets")}
MODIFIERS = load_words("source_modifiers")
ORG_SUFFIXES = load_words("org_suffixes")
FUNCTION_CAPITALS = load_words("sentence_openers") - {"the", "a", "an", "his", "her", "their", "its", "our", "one"}
DAYS_MONTHS = load_words("days_months")

# Between a subject and its verb: auxiliaries and adverbs ("has also said", "had previously told").
SKIPPABLE = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "also",
        "later",
        "previously",
        "recently",
        "earlier",
        "then",
        "would",
        "will",
        "did",
        "does",
        "do",
        "repeatedly",
        "again",
        "publicly",
        "privately",
        "separately",
        "simply",
        "once",
        "often",
        "frequently",
        "initially",
        "first",
        "last",
        "further",
        "never",
        "even",
        "just",
        "reportedly",
        "privately",
        "openly",
        "flatly",
        "bluntly",
        "quickly",
        "immediately",
        "not",
        "had",
        "long",
        "already",
        "still",
        "now",
        "today",
        "yesterday",
        "tonight",
        "ultimately",
        "subsequently",
        "told",
    ]
) - {"told"}
CORE_ENDS = frozenset({"of", "for", "at", "from", "in"})
CONNECTORS = frozenset({"of", "for", "at", "from", "&", "and", "-", "in"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
INDEFINITE = frozenset({"a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "other"})
NOUN_SENSE = frozenset(
    [
        "find",
        "finds",
        "show",
        "shows",
        "questions",
        "attacks",
        "supports",
        "demands",
        "doubt",
        "doubts",
        "see",
        "tweet",
        "tweets",
        "cites",
        "report",
        "reports",
        "note",
        "notes",
        "post",
        "call",
        "calls",
        "plan",
        "plans",
        "fear",
        "fears",
        "hope",
        "hopes",
        "claim",
        "claims",
        "state",
        "states",
        "estimate",
        "estimates",
        "answer",
        "reply",
        "want",
        "thought",
    ]
)
INVERTIBLE = frozenset(
    [
        "said",
        "says",
        "added",
        "adds",
        "told",
        "asked",
        "wrote",
        "writes",
        "explained",
        "stated",
        "replied",
        "noted",
        "continued",
        "recalled",
        "argued",
        "warned",
        "insisted",
        "claimed",
        "admitted",
        "conceded",
        "reports",
        "reported",
        "notes",
        "tweeted",
        "explains",
        "recalls",
        "warns",
        "argues",
        "insists",
        "remarked",
        "commented",
        "interjected",
        "cautioned",
        "observed",
        "recounted",
        "pleaded",
        "retorted",
        "quipped",
        "countered",
        "responded",
        "answered",
        "acknowledged",
        "conceded",
        "complained",
        "boasted",
        "confirmed",
        "announced",
        "declared",
        "predicted",
        "suggested",
        "emphasized",
        "stressed",
        "concluded",
        "joked",
        "shouted",
        "yelled",
        "urged",
        "promised",
        "vowed",
    ]
)
NOT_ADVERBS = frozenset({"only", "early", "family", "italy", "july", "rally", "ally", "supply", "reply", "daily"})
NEGATED_AUXILIARIES = frozenset(
    "didn't doesn't don't hasn't haven't hadn't wasn't weren't isn't aren't won't wouldn't can't cannot couldn't "
    "shouldn't may might must could should can".split()
)
PUBLISHED = frozenset({"released", "published", "conducted", "issued", "taken", "posted", "aired"})
OPENING_ADVERBIALS = frozenset(
    "in on at after before during throughout since until while when despite later earlier meanwhile however yet "
    "but and still also then by for from with without among amid under over".split()
)
SUBORDINATORS = frozenset(
    "when after because as while since before although though whereas until once which whom where".split()
)
OPENING_SUBORDINATORS = frozenset("when after because as while since before although though if once unless".split())
PRONOUN_CLAUSE_OPENERS = frozenset({",", "and", "but", "then", "so", ";", ":"})
STANCE_ADJECTIVES = frozenset(
    "critical supportive skeptical sceptical confident convinced eager hopeful proud worried concerned optimistic "
    "pessimistic adamant unhappy angry furious upset aware determined reluctant quick wary vocal outspoken disappointed dismayed pleased satisfied".split()
)
COPULAS = frozenset("is are was were be been being remains remained seems seemed appears appeared became".split())
CLAUSE_BREAKERS = frozenset("that which who whom when because while if as is are was were has have had".split())
OPENERS = frozenset("but and yet so then also still even though although".split())
TIME_WORDS = frozenset("week weekend month year night morning afternoon evening".split())
QUANTITY_HEADS = frozenset(
    "percent per cent half third thirds quarter quarters fifth fifths majority majorities minority plurality".split()
)
QUANTITY_WORDS = QUANTITY_HEADS | frozenset(
    "in of a an the about nearly almost roughly some only just over under more less than fewer at least most".split()
)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred".split()
)
# Capitalised words that are never a name: sentence openers, prepositions and adverbs that open a sentence
# ("During the debate, ...", "Despite ...", "To believe ..."), and the heads of credit lines ("Contributing: ...").
NOT_NAMES = FUNCTION_CAPITALS | OPENING_ADVERBIALS | frozenset("to perhaps speaking contributing".split())
# Cues whose other senses are far more common in news: they report only before 'that', a colon or a quotation.
REPORT_ONLY = frozenset("maintained maintains contested states answers".split())
REPORT_OPENERS = frozenset({"that", ":", ",", "\u201c", '"', "\u2018"})
ADD_VERBS = frozenset({"add", "adds", "added", "adding"})
CONTRAST_SUBJECTS = frozenset("others another many some most none few".split())
DASHES = frozenset({"\u2014", "\u2013", "--"})
SPEAKER_KINDS = frozenset({"person", "group", "organisation", "vague"})
PERSONAL_PRONOUNS = frozenset("he she they we i".split())
QUANTIFIER_SUBJECTS = frozenset("most none another few half both all".split())
QUESTION_WORDS = frozenset("whether what which why how if about whose".split())
POLL_HEADS = frozenset("poll survey".split())
POLL_STOPS = frozenset("that which who whom when if and or but".split())
SAY_CUES = frozenset(
    "said says say told tells added adds wrote writes stated noted argued found explained recalled insisted "
    "acknowledged warned replied responded tweeted declared announced claimed suggested predicted".split()
)
THAT_CUE = LexiconEntry("(verb) that", "neutral", "")
# Verbs that take a that-clause without reporting anyone's words or thoughts.
NOT_THAT_CUES = frozenset(
    "means ensured ensures implies implied requires required proves proved shows showed indicates indicated "
    "demonstrates demonstrated reflects reflected suggests suggested makes made given assumed so noted "
    "provided provides stipulates stipulated determines determined".split()
)
CLAUSE_JOINERS = frozenset({"and", "but", "while", "whereas", "although", "though"})
COLON_LABELS = frozenset(
    "note update updated photo photos source sources credit credits editor watch read related video caption "
    "correction clarification warning disclaimer q a image images graphic tags topics share listen "
    # genre and teaser labels in headlines ("SHOCKING: ...", "Analysis: ..."), not speakers
    "breaking shocking exclusive revealed live opinion analysis comment commentary explainer review factcheck "
    "fact-check quiz pictures revealed warning urgent alert confirmed official latest bombshell busted flashback "
    # page furniture and interjections before a colon ("Email: ...", "Byline: ...", "Plus: ...", "Wow: ...")
    "email e-mail byline plus notice hey wow look".split()
)
COLON_LEADS = frozenset({"-", "\u2013", "\u2014", "from"})
CHAIN_ENDINGS = ("ed", "es", "nt", "ts", "ds", "an", "gan", "ks", "rs", "ns", "ls", "ing")
PASSIVE_AUX = frozenset({"was", "were", "is", "are", "be", "been"})
TELL_VERBS = frozenset({"tell", "tells", "told", "telling"})
CALL_VERBS = frozenset({"call", "calls", "called"})
PARTICIPLES = frozenset(
    "saying adding telling noting arguing calling claiming warning explaining insisting writing urging "
    "accusing describing declaring stating asking acknowledging announcing recalling citing vowing pledging "
    "promising suggesting".split()
)
QUOTE_CLOSERS = frozenset({"\u201d", '"', "\u2019", "\u00bb", "'"})
# "a source familiar with the talks", "people close to the matter": the whole description is the (anonymous) source.
ANONYMOUS_FRAMES = tuple(
    tuple(frame.split())
    for frame in (
        "familiar with",
        "close to",
        "with knowledge of",
        "with direct knowledge of",
        "with firsthand knowledge of",
        "knowledgeable about",
        "briefed on",
        "involved in",
        "aware of",
        "privy to",
        "informed about",
        "with access to",
    )
)
# "the clubs said to be ...", "Athletic are rumoured to want ...": hearsay about X, not X speaking.
HEARSAY = frozenset("said reported rumoured rumored believed thought understood alleged known expected".split())
LOCATIVES = frozenset("on near along outside off".split())
_MAX_NP_TOKENS = 12
_GLUE = re.compile(r"[\s,:;\u2014\u2013-]*(?:that)?[\s,:\u2014\u2013-]*")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Attribution:
    source: Span
    cue: Span
    content: Span | None
    direct: bool
    anonymous: bool
    kind: str  # person | organisation | outlet | document | anonymous
    cue_category: str  # neutral | loaded | cognition
    sentence: Sentence
    name: str = ""  # the named source this refers to, after resolving pronouns and descriptions
    quote: Quote | None = None


@dataclass(slots=True)
class SourceSummary:
    name: str
    kind: str
    mentions: int = 0
    forms: set[str] = field(default_factory=set)


def find_attributions(
    document: Document, quotes: list[Quote], tokens_of: Callable[[Sentence], list[Token]] | None = None
) -> list[Attribution]:
    """`tokens_of` lets a caller that already tokenised the sentences (the rule Context) share its tokens."""
    found: list[Attribution] = []
    text = document.text
    common: set[str] | None = None
    for sentence in document.sentences():
        tokens = tokens_of(sentence) if tokens_of else tokenize(text, sentence.start, sentence.end)
        for item in _sentence_attributions(text, tokens, sentence, quotes):
            first = tokens[0]
            if item.source == Span(first.start, first.end) and _word_class(first) == "name":
                if common is None:
                    common = _common_words(text)
                if first.lower in common:
                    continue  # "Quarry must warn ..." opening a headline, where the text says "the quarry"
            if item.kind == "person" and item.source.start == first.start and item.source.end > first.end:
                if common is None:
                    common = _common_words(text)
                if first.lower in common or first.lower + "s" in common:  # "Shop owners said" where "shops" is common
                    last = next(k for k, t in enumerate(tokens) if t.end >= item.source.end)
                    item.kind, item.anonymous = _classify(tokens, 0, last, opener_is_word=True)
                    item.name = item.name if item.kind != "anonymous" else ""
            found.append(item)
    _resolve(document, found)
    return found


_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z]+(?![\w'\u2019-])")
_MID_CAPITAL = re.compile(r"(?<![\w'\u2019-])[a-z]+,? ([A-Z][a-z]+)(?![\w'\u2019-])")


def _common_words(text: str) -> set[str]:
    """Words the text writes in lower case and never capitalises inside a sentence: common nouns, not names."""
    lower = set(_LOWER_WORD.findall(text))
    return lower - {w.lower() for w in _MID_CAPITAL.findall(text)}


def _sentence_attributions(text: str, tokens: list[Token], sentence: Sentence, quotes: list[Quote]):
    used_until = -1
    words = [t for t in tokens if t.is_word]
    title_case = len(words) >= 4 and sum(t.is_capitalised for t in words) >= 0.7 * len(words)
    speaker = _colon_speaker(tokens)
    if speaker:
        colon = speaker[1] + 1
        source, cue = speaker, Span(tokens[colon].start, tokens[colon].end)
        yield _make(text, tokens, sentence, quotes, source, cue, "neutral", colon, colon, inverted=False)
        used_until = colon
    for i, token in enumerate(tokens):
        if not token.is_word or i <= used_until and not _opens_new_clause(tokens, i, used_until):
            continue
        low = token.lower
        if low == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            if inside(quotes, token.start, token.end):
                continue
            source = _np_after(tokens, i + 2) or _phrase_after(tokens, i + 2)
            if source and source[1] + 2 < len(tokens) and tokens[source[1] + 1].lower == "by":
                agent = _np_after(tokens, source[1] + 2)  # "according to a new poll by the Pew Research Center"
                source = (source[0], agent[1]) if agent else source
            if source:
                cue = Span(token.start, tokens[i + 1].end)
                yield _make(text, tokens, sentence, quotes, source, cue, "neutral", i, i + 1, inverted=True)
                used_until = source[1]
            continue
        if low == "in" and tokens[i + 1 : i + 2] and not inside(quotes, token.start, token.end):
            poll = _poll_after(tokens, i + 1)
            if poll:  # "Ruiz leads by six points in a new Herald poll": the poll is the source
                yield _make(text, tokens, sentence, quotes, poll, Span(token.start, token.end), "neutral", i, i, True)
            continue
        if low in ("put", "puts") and tokens[i + 1 : i + 2] and tokens[i + 1].lower == "it":
            entry = PUT_IT_CUE  # "as Ruiz put it", "how Ruiz puts it"
        else:
            entry = SPEECH_VERBS.get(low) or _that_clause_cue(tokens, i) or _light_verb_cue(tokens, i)
        if (
            entry is None
            or (token.is_capitalised and i > 0 and not title_case)
            or inside(quotes, token.start, token.end)
        ):
            continue  # "the United States" is not a cue: cues are lower case unless they open the sentence
        if (
            i > 0
            and low in NOUN_SENSE
            and (tokens[i - 1].lower in DETERMINERS or tokens[i - 1].lower.endswith(("'s", "\u2019s")))
        ):
            continue
        if low in ADD_VERBS and i + 1 < len(tokens) and (_is_amount(tokens[i + 1]) or tokens[i + 1].lower == "to"):
            continue  # "firms added 337,000 jobs", "adding to her lead": a quantity, not words
        if low == "thought" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            continue  # "few thought to ask": an intention to act, not a thought reported
        if low in REPORT_ONLY and not (i + 1 < len(tokens) and tokens[i + 1].lower in REPORT_OPENERS):
            continue  # "maintained her lead", "a contested convention": only "maintained that ..." reports
        if low in STANCE_ADJECTIVES and not _after_copula(tokens, i):
            continue  # "a hopeful candidate" is not a stance; "Ruiz is hopeful that ..." is
        if _hearsay(tokens, i):
            continue
        cue = Span(token.start, token.end)
        by_agent = (
            i + 2 < len(tokens)
            and tokens[i + 1].lower == "by"
            and low.endswith(("ed", "en", "wn"))
            and not tokens[i + 2].lower.endswith("ing")  # "continued by saying" is no agent
        )
        if by_agent or _is_passive(tokens, i, entry):
            agent = _np_after(tokens, i + 2) or _phrase_after(tokens, i + 2) if by_agent else None
            if agent:  # "the plan was rejected by the council": the agent is the source
                yield _make(text, tokens, sentence, quotes, agent, cue, entry.category, i, i + 1, inverted=True)
                used_until = agent[1]
            continue
        source = _np_before(tokens, i)
        if source and not _subject_fits(tokens, source, entry.category, low, i):
            source = None
        if source and _possessive(tokens[source[1]]) and _word_class(tokens[source[1]]) != "pronoun":
            source = None  # "the council's proposed levy": a possessor, not the subject of a verb
        if source and source[0] >= 2 and tokens[source[0] - 1].lower in LOCATIVES:
            owner = _np_ending_at(tokens, source[0] - 2)  # "shop owners on Harbour Road said"
            if owner and _word_class(tokens[owner[1]]) == "noun":
                source = owner[0], source[1]
        if entry.category == "evidence" and (source is None or SOURCE_NOUNS.get(tokens[source[1]].lower) != "document"):
            source = _document_subject(tokens, i) or source  # "Exit polls taken in Ohio found"
        if low in SAY_CUES and (source is None or tokens[source[0] - 1].lower not in (",", "\u2014")):
            source = _final_subject(tokens, i) or source
        if source is None and low in SAY_CUES:
            source = _modified_subject(tokens, i)
        if source is None and (low in PARTICIPLES or low.endswith("ing")) and i > 1 and tokens[i - 1].text == ",":
            source = _participle_subject(tokens, i)
        if (
            source is None
            and low == "saying"
            and i > 2
            and tokens[i - 1].lower == "as"
            and tokens[i - 2].lower == "quoted"
        ):
            source = _np_before(tokens, i - 2)  # "Ruiz was quoted as saying"
        if source is None and low in INVERTIBLE and (i == 0 or _follows_quote_or_comma(tokens, i)):
            source = _np_after(tokens, i + 1) or (i > 0 and _described_after(tokens, i + 1)) or None
            if source:
                yield _make(text, tokens, sentence, quotes, source, cue, entry.category, i, i, inverted=True)
                used_until = source[1]
            continue
        if source:
            yield _make(text, tokens, sentence, quotes, source, cue, entry.category, i, i, inverted=False)
            # What follows is the reported clause: a cue inside it ("polls show most residents supported")
            # belongs to the content, not to a new attribution.
            used_until = _clause_end(tokens, i, relative=tokens[source[0]].lower == "who")


LIGHT_VERBS = frozenset(
    "made makes make gave gives give issued issues released releases sent sends offered offers raised raises "
    "voiced voices took takes posted posts published publishes penned pens struck strikes fired fires "
    "launched launches unveiled unveils".split()
)
COMMUNICATION_NOUNS = frozenset(
    "statement statements comment comments remark remarks speech speeches address interview interviews letter "
    "letters email emails tweet tweets message messages case argument arguments pitch promise promises pledge "
    "plea appeal warning warnings threat threats complaint complaints criticism praise endorsement concern "
    "concerns question questions doubts point points claim claims prediction predictions apology defense "
    "defence jab jabs swipe swipes dig digs joke jokes quip op-ed column memo note tribute vow assurances "
    "assessment rebuke rebuttal response reply retort explanation warning words advice reminder shot shots "
    "aim broadside critique attack attacks".split()
)
AIM_VERBS = frozenset("took takes fired fires".split())  # only with a target: "took aim at", "fired a shot at"
AIM_NOUNS = frozenset("aim shot shots swipe swipes jab jabs salvo broadside".split())
PUT_IT_CUE = LexiconEntry("put it", "neutral", "")
ACT_CUE = LexiconEntry("(verb) (noun)", "act", "")


def _light_verb_cue(tokens: list[Token], i: int) -> LexiconEntry | None:
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


def _poll_after(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    """'in a new Herald/Ipsos poll', 'in the latest surveys': a noun phrase of at most eight words headed by a poll."""
    for k in range(begin, min(len(tokens), begin + 8)):
        token = tokens[k]
        if token.lower in POLL_HEADS:
            return begin, k
        if not (token.is_word or token.text[:1].isdigit() or token.text in "-/&") or token.lower in POLL_STOPS:
            return None
    return None


def _opens_new_clause(tokens: list[Token], i: int, used_until: int) -> bool:
    """Inside a reported clause, 'when he told', 'because she worries', 'as he urges' start a clause of their own."""
    if (
        tokens[i].lower == "according"
        and i > 0
        and (tokens[i - 1].text in (",", "\u2014", "\u2013", "-", "(") or tokens[i - 1].text in QUOTE_CLOSERS)
    ):
        return True  # '"We will appeal," Ruiz said, according to the Herald': the outlet reports the report
    if i == used_until or i < 2 or SPEECH_VERBS.get(tokens[i].lower) is None:
        return False
    if _final_subject(tokens, i):
        return True  # "... whether the staff knew it, current and former officials said.": the whole sentence's source
    j = i - 1
    while j > 0 and (tokens[j].lower in SKIPPABLE or _is_adverb(tokens[j])):
        j -= 1
    if _word_class(tokens[j]) == "pronoun" and (
        tokens[j - 1].lower in PRONOUN_CLAUSE_OPENERS or tokens[j - 1].text in QUOTE_CLOSERS
    ):
        return True  # "In a video posted online, she criticized ...", "... and he denied it"
    if _word_class(tokens[j]) == "pronoun":
        return tokens[j - 1].lower in SUBORDINATORS
    if tokens[j].lower in CONTRAST_SUBJECTS and tokens[i].lower in SAY_CUES:
        return tokens[j - 1].lower in ("and", "but", "yet", ";", ",")  # "..., and others have said ..."
    if _word_class(tokens[j]) not in ("name", "noun"):
        return False
    subject = _np_ending_at(tokens, j)
    if subject is None or subject[0] == 0:
        return False
    opener = tokens[subject[0] - 1].lower
    if opener in QUOTE_CLOSERS and tokens[i].lower in SAY_CUES:
        return True  # '... a really cynical view," Ruiz said': the speaker of the quotation
    # "which the inquiry said", "... and Ruiz said": a subordinator or a conjunction before a named subject
    if opener in (";", ":"):
        return True  # "... is a problem: a recent poll showed that ..."
    return opener in SUBORDINATORS or (opener in ("and", "but") and _word_class(tokens[j]) == "name")


def _final_subject(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """', people familiar with the talks said.' closing a sentence: the words between the comma and the say-verb."""
    if tokens[i].lower not in SAY_CUES or not _ends_sentence(tokens, i + 1):
        return None
    last = tokens[i - 1] if i else None
    if last is None or not last.is_word or last.lower in SKIPPABLE or last.lower in CONNECTORS or _is_adverb(last):
        return None  # "... and wrote", "Ruiz did not say"
    if last.lower in CLAUSE_JOINERS or last.lower in SPEECH_VERBS:
        return None
    for k in range(i - 1, max(-1, i - 10), -1):
        token = tokens[k]
        if token.text == ",":
            start = k + 1
            while start < i and (tokens[start].lower in OPENERS or tokens[start].lower in SUBORDINATORS):
                start += 1  # ", though he said."
            if not any(_word_class(t) in ("name", "noun", "pronoun") for t in tokens[start:i]):
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


def _that_clause_cue(tokens: list[Token], i: int) -> LexiconEntry | None:
    """Any past or present verb that opens a that-clause after a named subject: 'Ruiz conceded that ...'."""
    token = tokens[i]
    if i + 1 >= len(tokens) or tokens[i + 1].lower != "that" or not token.is_word or token.is_capitalised:
        return None
    if not token.lower.endswith(("ed", "es", "ts", "ns", "ds")) or token.lower in NOT_THAT_CUES:
        return None
    j = i - 1
    while j >= 0 and (tokens[j].lower in SKIPPABLE or _is_adverb(tokens[j])):
        j -= 1
    if j < 0 or (tokens[j].lower != "who" and _word_class(tokens[j]) not in ("name", "noun", "pronoun")):
        return None  # "other local outlets that stock ...": a noun and its relative clause, not a verb
    return THAT_CUE


def _subject_fits(tokens: list[Token], source: tuple[int, int], category: str, cue: str, i: int) -> bool:
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
        if follows in ("for", "on") or _word_class(head) in ("name", "pronoun"):
            return True
        return head_kind in SPEAKER_KINDS and tokens[source[0]].lower not in ("a", "an")  # not "a group called X"
    return True


def _possessive(token: Token) -> bool:
    return token.lower.endswith(("'s", "\u2019s"))


def _hearsay(tokens: list[Token], i: int) -> bool:
    """'the clubs said to be discussing', 'X is rumoured to want': what others say about X, not X speaking."""
    low = tokens[i].lower
    if low in HEARSAY and i + 2 < len(tokens) and tokens[i + 1].lower == "to" and _bare_verb(tokens[i + 2]):
        return True
    j = i - 1
    while j >= 0 and tokens[j].lower in ("be", "have", "been", "being"):
        j -= 1
    return j >= 1 and tokens[j].lower == "to" and tokens[j - 1].lower in HEARSAY


def _bare_verb(token: Token) -> bool:
    """A plausible bare infinitive after 'to' ('be', 'want', 'favour'), not a recipient ('reporters', 'him')."""
    low = token.lower
    if not token.is_word or token.is_capitalised or low in DETERMINERS or low in PRONOUNS or low in SOURCE_NOUNS:
        return False
    if low in NUMBER_WORDS or low in ("me", "us", "you", "them", "him", "her", "it", "this", "that", "these"):
        return False
    return not low.endswith("s") or low.endswith("ss")


def _anonymous_frame(tokens: list[Token], s: int, e: int) -> tuple[int, int] | None:
    """'a source familiar with the process', 'people close to the matter': the source is the whole description.

    Returns the widened span when `s..e` is the object of such a frame (found before it) or its head (found
    after it); None otherwise. The head must be a source noun ('source', 'people', 'official'), not a name."""
    for frame in ANONYMOUS_FRAMES:
        n = len(frame)
        if s - n - 1 >= 0 and tuple(t.lower for t in tokens[s - n : s]) == frame:
            head = _np_ending_at(tokens, s - n - 1)
            if head and _word_class(tokens[head[1]]) == "noun":
                return head[0], e
        after = tuple(t.lower for t in tokens[e + 1 : e + 1 + n])
        if e + n + 1 < len(tokens) and after == frame and _word_class(tokens[e]) == "noun":
            obj = _np_after(tokens, e + 1 + n) or _description_after(tokens, e + 1 + n)
            if obj and obj[0] == e + 1 + n:
                return s, obj[1]
    return None


def _description_after(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """'the repairs', 'its plans for the site': a determiner and at most four plain lower-case words."""
    if k >= len(tokens) or tokens[k].lower not in DETERMINERS:
        return None
    end = k
    while end + 1 < len(tokens) and end - k < 4:
        token = tokens[end + 1]
        if not token.is_word or token.is_capitalised or not _plain_word(token.lower) or token.lower in SKIPPABLE:
            break
        end += 1
    return (k, end) if end > k else None


def _is_amount(token: Token) -> bool:
    low = token.lower
    return (
        low[:1].isdigit() or low[:1] in "$\u00a3\u20ac" or low in NUMBER_WORDS or low in ("a", "an", "another", "more")
    )


def _after_copula(tokens: list[Token], i: int) -> bool:
    j = i - 1
    while j >= 0 and (_is_adverb(tokens[j]) or tokens[j].lower in ("also", "not", "still", "now", "already")):
        j -= 1
    low = tokens[j].lower.replace("\u2019", "'") if j >= 0 else ""
    if low in ("be", "being"):
        return False  # "we must be wary", "voters would be pleased": advice or a guess, not anyone's stance
    return low in COPULAS or low.endswith(("'s", "'re", "'m"))


def _document_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Exit polls taken in Ohio found', 'FEC records from 2008 show': a document noun followed by its modifiers."""
    for k in range(cue - 1, max(-1, cue - _MAX_NP_TOKENS), -1):
        token = tokens[k]
        if token.text in (".", ";", ":", "\u201d", '"') or token.lower in SPEECH_VERBS or token.lower == "that":
            return None
        if SOURCE_NOUNS.get(token.lower) == "document":
            found = _np_ending_at(tokens, k)
            return (found[0], cue - 1) if found else None
    return None


def _modified_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
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
        klass = _word_class(token)
        has_head = has_head or klass == "name" or SOURCE_NOUNS.get(token.lower) in ("person", "group", "vague")
        start -= 1
    if not has_head or start == cue or (start > 0 and tokens[start - 1].is_word):
        return None  # the window ran into a verb or went too far: no clear subject
    while start < cue and (_word_class(tokens[start]) in ("other", "connector") and tokens[start].lower in OPENERS):
        start += 1
    return (start, cue - 1) if start < cue else None


def _is_passive(tokens: list[Token], i: int, entry: LexiconEntry) -> bool:
    """'was rejected', 'had been told', 'is supported': a participle after a form of 'be'."""
    low = tokens[i].lower
    if entry.category == "cognition" and not low.endswith("ed"):
        return False  # "is critical of": an adjective, not a passive
    if low in STANCE_ADJECTIVES and i > 0 and tokens[i - 1].lower not in ("be", "been", "being"):
        return False  # "was worried that", "is convinced": a state of mind ("cannot be determined" is a passive)
    if not (low.endswith(("ed", "en", "wn")) or low in ("told", "said", "thought", "held", "made", "sought")):
        return False
    j = i - 1
    while j >= 0 and (tokens[j].lower in SKIPPABLE or _is_adverb(tokens[j])):
        if tokens[j].lower in PASSIVE_AUX:
            return True
        j -= 1
    return False


def _participle_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """'Democrats in Congress, fearing ...': the phrase before the comma; else the sentence's subject."""
    before = _np_ending_at(tokens, cue - 2) if cue >= 2 else None
    if (
        before
        and _word_class(tokens[before[1]]) in ("name", "pronoun", "noun")
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
    begin = 0
    while begin < cue and tokens[begin].lower in OPENERS:
        begin += 1
    if begin < cue and tokens[begin].lower in OPENING_ADVERBIALS:
        comma = next((k for k in range(begin + 1, min(cue, begin + 10)) if tokens[k].text == ","), None)
        if comma is not None:
            begin = comma + 1
    end = begin
    while end < cue and _word_class(tokens[end]) in ("name", "noun", "modifier", "connector", "pronoun"):
        if _word_class(tokens[end]) == "pronoun":
            end += 1
            break
        end += 1
    if end == begin:
        return None
    return _trim(tokens, begin, end - 1)


def _clause_end(tokens: list[Token], cue: int, relative: bool = False) -> int:
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
        klass = _word_class(tokens[end])
        if klass not in ("name", "pronoun", "noun"):
            return False
        following = tokens[end + 1]
        if following.lower in SPEECH_VERBS and not following.is_capitalised:
            return SPEECH_VERBS[following.lower].category in ("neutral", "loaded")
        if klass == "pronoun":
            return False
    return False


def _colon_speaker(tokens: list[Token]) -> tuple[int, int] | None:
    """'Ruiz: "We will appeal."', a transcript's 'RUIZ: We will appeal.', or a digest's '- More from Ruiz: "..."'."""
    for colon in range(1, min(_MAX_NP_TOKENS, len(tokens) - 1)):
        if tokens[colon].text != ":":
            continue
        if tokens[0].lower in COLON_LABELS or tokens[colon - 1].lower in COLON_LABELS:
            return None
        if not (tokens[colon + 1].is_word or tokens[colon + 1].text in ("\u201c", '"', "\u2018", "'")):
            return None
        if colon < 5 and all(_word_class(t) == "name" for t in tokens[:colon]):
            return 0, colon - 1
        phrase = _np_ending_at(tokens, colon - 1)
        if phrase is None or _word_class(tokens[phrase[1]]) not in ("name", "noun"):
            return None
        lead = next((k for k in range(phrase[1] - 1, phrase[0] - 1, -1) if tokens[k].lower == "from"), None)
        if lead is not None:
            return lead + 1, phrase[1]  # "More from Ida Holm:"
        if phrase[0] == 0 or tokens[phrase[0] - 1].lower in COLON_LEADS:
            return phrase
        return None
    return None


def _follows_quote_or_comma(tokens: list[Token], i: int) -> bool:
    previous = tokens[i - 1].text
    return (
        previous in QUOTE_CLOSERS
        or previous == ","
        or (i > 1 and tokens[i - 2].text == "," and previous in QUOTE_CLOSERS)
    )


def _word_class(token: Token) -> str:
    """name | noun | modifier | connector | pronoun | other."""
    if not token.is_word:
        if token.text in ("&", "-"):
            return "connector"
        return "other"
    low = token.lower
    base = low[:-2] if low.endswith(("'s", "\u2019s")) else low
    if base not in PRONOUNS and ("'" in base or "\u2019" in base):
        stem = base.replace("\u2019", "'").split("'")[0]  # "they're", "she'd", "we've"
        if stem in PRONOUNS:
            return "pronoun"
    if base in PRONOUNS:
        return "pronoun"
    if base in SOURCE_NOUNS:
        return "noun"
    if base in DETERMINERS:
        return "modifier"  # "The" opening a sentence is no name
    if base in NEGATED_AUXILIARIES:
        return "other"  # "WON'T" in a shouted headline
    if token.is_capitalised:
        if base in NOT_NAMES or base in DAYS_MONTHS or base in SPEECH_VERBS or base in SKIPPABLE:
            return "other"
        return "name"
    if base in MODIFIERS or base in DETERMINERS:
        return "modifier"
    if base in CONNECTORS:
        return "connector"
    return "other"


def _valid_head(tokens: list[Token], start: int, end: int) -> bool:
    head = tokens[end]
    klass = _word_class(head)
    if klass == "pronoun":
        return start == end
    return klass in ("name", "noun")


def _trim(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    while start <= end and _word_class(tokens[start]) in ("connector", "other"):
        start += 1
    while end >= start and _word_class(tokens[end]) in ("connector", "modifier"):
        end -= 1
    if start > end or not _valid_head(tokens, start, end):
        return None
    return start, end


def _np_before(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    end = cue - 1
    while end >= 0 and (tokens[end].lower in SKIPPABLE or _is_adverb(tokens[end]) or _is_time_word(tokens, end)):
        end -= 1
    if end < 0:
        return None
    if tokens[end].text in QUOTE_CLOSERS and end > 1 and tokens[end - 1].text == "," and _short_quote_ends(tokens, end):
        end -= 1  # 'Hale, who calls it a "farce," said': the comma sits inside a short closing quotation
    if tokens[end].text == ",":
        return _apposition_before(tokens, end) or _long_subject(tokens, end)
    if tokens[end].text in DASHES:  # "Jason Sims \u2014 a teacher from Leeds \u2014 says"
        opening = next((k for k in range(end - 1, max(-1, end - 20), -1) if tokens[k].text in DASHES), None)
        if opening is not None and opening > 0:
            named = _np_ending_at(tokens, opening - 1)
            if named and _word_class(tokens[named[1]]) in ("name", "noun", "pronoun"):
                return named[0], end - 1
        return None
    if tokens[end].lower == "who" and end >= 2 and tokens[end - 1].text == ",":
        return end, end  # "Obama, who endorsed Clinton": resolved to the phrase before the comma
    if tokens[end].lower == "who" and end >= 1 and _word_class(tokens[end - 1]) in ("name", "noun"):
        return end, end  # "voters who said ...": the relative pronoun stands for the phrase before it
    if tokens[end].lower == "who" and end >= 1 and tokens[cue].lower in SAY_CUES and _plain_head(tokens[end - 1]):
        return end, end  # "four in 10 who said", "those who say", "teachers unions who said"
    if tokens[end].text == ")":  # "Rep. Ana Ruiz (D-Ore.) said": the party label belongs to the name
        opening = next((k for k in range(end - 1, max(-1, end - 8), -1) if tokens[k].text == "("), None)
        if opening is not None and opening > 0:
            named = _np_ending_at(tokens, opening - 1)
            return (named[0], end) if named else None
    if tokens[end].lower in ("to", "by") and end >= 2:
        return _chain_subject(tokens, end)
    if tokens[end].lower in ("and", "but"):  # "She thanked the crowd and told them ...": the first verb's subject
        subject = _sentence_subject(tokens, cue)
        return subject if subject and _word_class(tokens[subject[1]]) in ("name", "pronoun") else None
    if end == cue - 1 and tokens[end].lower in QUANTIFIER_SUBJECTS and _clause_starts_at(tokens, end):
        return end, end  # "Most believe ...", "; most said they were worried": poll respondents or members of a group
    return _np_ending_at(tokens, end) or _quantity_before(tokens, end, cue) or _description_before(tokens, end, cue)


def _clause_starts_at(tokens: list[Token], k: int) -> bool:
    return k == 0 or tokens[k - 1].text in (",", ";", ":") or tokens[k - 1].lower in CLAUSE_JOINERS


def _plain_head(token: Token) -> bool:
    """A word or number that can end the phrase a relative 'who' refers to (not a verb, an auxiliary or a comma)."""
    low = token.lower
    if token.text[:1].isdigit():
        return True
    return token.is_word and low not in SPEECH_VERBS and low not in SKIPPABLE and not low.endswith(("ed", "ing"))


def _short_quote_ends(tokens: list[Token], close: int) -> bool:
    """A quotation of at most four words closes at `close` and opens after a word: a scare quote, not a quote."""
    for k in range(close - 2, max(0, close - 7), -1):
        if tokens[k].text in ("\u201c", '"', "\u2018", "'"):
            return k > 0 and tokens[k - 1].is_word
    return False


def _chain_subject(tokens: list[Token], to: int) -> tuple[int, int] | None:
    """'Ruiz went on to say', 'she began by thanking', 'Ruiz refused to endorse': the subject of the first verb."""
    k = to - 1
    if tokens[k].lower in ("on", "up", "out"):
        k -= 1
    if k < 1 or not tokens[k].is_word or tokens[k].is_capitalised or not tokens[k].lower.endswith(CHAIN_ENDINGS):
        return None
    k -= 1
    while k >= 0 and tokens[k].lower in SKIPPABLE:
        k -= 1
    if k < 0 or tokens[k].lower in PASSIVE_AUX:
        return None
    found = _np_ending_at(tokens, k)
    if found and _word_class(tokens[found[1]]) in ("name", "pronoun"):
        return found
    return None


def _is_adverb(token: Token) -> bool:
    """'Ruiz has typically backed', 'Ruiz didn't say': adverbs and negated auxiliaries between subject and verb."""
    low = token.lower.replace("\u2019", "'")
    if not token.is_word or token.is_capitalised:
        return False
    return (len(low) > 4 and low.endswith("ly") and low not in NOT_ADVERBS) or low in NEGATED_AUXILIARIES


def _is_time_word(tokens: list[Token], k: int) -> bool:
    """'Ruiz on Tuesday said', 'Ruiz last week told': a time phrase between the subject and its verb."""
    low = tokens[k].lower
    if low in TIME_WORDS or low in ("both", "each", "all"):
        return True
    if (
        low in PUBLISHED
        and k + 1 < len(tokens)
        and (tokens[k + 1].lower in DAYS_MONTHS or tokens[k + 1].lower in ("last", "this", "on", "in", "earlier"))
    ):
        return True  # "a poll released Saturday found"
    if low in DAYS_MONTHS and tokens[k].is_capitalised:
        return k > 0 and tokens[k - 1].lower in ("on", "in", "last", "this", "early", "late")
    if low in ("on", "last", "this", "early", "late") and k + 1 < len(tokens):
        following = tokens[k + 1].lower
        return following in DAYS_MONTHS or following in TIME_WORDS
    return False


def _quantity_before(tokens: list[Token], end: int, cue: int) -> tuple[int, int] | None:
    """Poll respondents as a source: '47 percent said', 'nearly half said', 'four in 10 said'."""
    low = tokens[end].lower
    if tokens[cue].lower not in SAY_CUES:
        return None
    if not (low in QUANTITY_HEADS or low.rstrip("%").isdigit() or low.split("-")[-1] in NUMBER_WORDS):
        return None
    start = end
    while start - 1 >= 0 and end - start < 6:
        before = tokens[start - 1].lower
        if (
            before in QUANTITY_WORDS
            or before.rstrip("%").replace(",", "").isdigit()
            or before in NUMBER_WORDS
            or before.split("-")[-1] in NUMBER_WORDS
        ):
            start -= 1
        else:
            break
    return start, end


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


def _np_ending_at(tokens: list[Token], end: int) -> tuple[int, int] | None:
    if _word_class(tokens[end]) == "pronoun":
        return (end, end) if end == 0 or _word_class(tokens[end - 1]) in ("other", "connector") else None
    start = end
    while start - 1 >= 0 and end - start < _MAX_NP_TOKENS:
        klass = _word_class(tokens[start - 1])
        if klass in ("name", "noun", "modifier") or (klass == "connector" and start - 2 >= 0):
            start -= 1
        else:
            break
    start = _extend_to_determiner(tokens, start)
    return _trim(tokens, start, end)


def _extend_to_determiner(tokens: list[Token], start: int) -> int:
    """'the environment agency': up to two unknown lower-case words between a determiner and the phrase."""
    for back in (1, 2):
        det = start - back - 1
        if det < 0:
            break
        between = tokens[det + 1 : start]
        if not all(t.is_word and not t.is_capitalised and t.lower not in SPEECH_VERBS for t in between):
            break
        if tokens[det].lower in DETERMINERS:
            return det
    return start


def _labelled_name_ending_at(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """A name, or a name with its party label: 'Rep. Ana Ruiz (D-Ore.)'."""
    if tokens[end].text == ")":
        opening = next((k for k in range(end - 1, max(-1, end - 8), -1) if tokens[k].text == "("), None)
        if opening is not None and opening > 0:
            named = _np_ending_at(tokens, opening - 1)
            if named and _word_class(tokens[named[1]]) == "name":
                return named[0], end
        return None
    return _np_ending_at(tokens, end)


def _apposition_before(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """'Smith, the party's treasurer, said' and 'Hale, one of two members who voted no, said' -> name + appositive."""
    lower_bound = max(0, comma - 2 * _MAX_NP_TOKENS)
    commas = 0
    held = None  # a phrase before ", which ...": the relative clause may describe the last part of an apposition
    for k in range(comma - 1, lower_bound - 1, -1):
        if tokens[k].text in (".", ";", ":", "\u201d", '"'):
            return held
        if tokens[k].text == ",":
            opener = tokens[k + 1] if k + 1 < comma else None
            if opener is None:
                return held
            name = _labelled_name_ending_at(tokens, k - 1) if k > 0 else None
            if name and _word_class(tokens[name[1]]) in ("name", "other"):
                if held is None and opener.lower == "which" and name[0] > 1 and tokens[name[0] - 1].is_word:
                    # "Sanne Voss, operations manager at Greyrock, which runs the quarry, said": Voss speaks
                    held = name[0], comma - 1
                    commas += 1
                    continue
                return name[0], comma - 1  # "Ruiz, 35, a nurse from Leeds, said"; "Ruiz, speaking in Leeds, said"
            if name and opener.lower in ("who", "whose") and _word_class(tokens[name[1]]) == "noun":
                return name[0], comma - 1  # "A council official, who asked not to be named, said"
            inner = _labelled_name_ending_at(tokens, comma - 1)
            if (
                name
                and inner == (k + 1, comma - 1)
                and _word_class(tokens[inner[1] if tokens[comma - 1].text != ")" else k + 1]) == "name"
                and (name[0] == 0 or tokens[name[0] - 1].text != ",")
            ):
                return name[0], comma - 1  # "the council's spokesman, Ali Khan, said"
            commas += 1
            if commas > 2:
                return held
    return held


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
    subject = _np_after(tokens, start)
    if subject is None or subject[0] != start or subject[1] + 1 >= comma or tokens[subject[1] + 1].text != ",":
        return None
    head = tokens[subject[1]]
    if _word_class(head) not in ("name", "noun", "pronoun") or head.lower.endswith(("'s", "\u2019s")):
        return None
    return subject[0], comma - 1


def _np_after(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    end = begin
    limit = min(len(tokens), begin + _MAX_NP_TOKENS)
    while end < limit:
        klass = _word_class(tokens[end])
        if klass == "other" and end > begin and _word_class(tokens[end - 1]) == "modifier":
            skip = _unknown_words_before_noun(tokens, end, limit)  # "the transport ministry"
            if not skip:
                break
            end += skip
            continue
        if klass not in ("name", "noun", "modifier", "connector", "pronoun"):
            break
        if klass == "pronoun" and end > begin:
            break
        end += 1
        if tokens[end - 1].lower.endswith(("'s", "\u2019s")):  # "the council's published budget"
            for ahead in range(end, min(limit, end + 3)):
                if _word_class(tokens[ahead]) == "noun":
                    end = ahead + 1
                    break
    if end == begin:
        return None
    return _trim(tokens, begin, end - 1)


def _described_after(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    """'..." said retired judge Ana Ruiz', 'said one unaligned party strategist': at most two unknown lower-case
    words, then a name or a source noun."""
    for skip in (1, 2):
        head = begin + skip
        if head >= len(tokens):
            return None
        words = tokens[begin:head]
        if not all(t.is_word and not t.is_capitalised and _plain_word(t.lower) for t in words):
            return None
        found = _np_after(tokens, head)
        if found and found[0] == head and not tokens[found[1]].lower.endswith(("'s", "\u2019s")):
            return begin, found[1]
    return None


def _plain_word(low: str) -> bool:
    """Not a function word that opens a clause or a question ('that', 'whether', 'about'), nor a speech verb."""
    return not (low in NOT_NAMES or low in CLAUSE_BREAKERS or low in SPEECH_VERBS or low in QUESTION_WORDS)


def _phrase_after(tokens: list[Token], begin: int) -> tuple[int, int] | None:
    """After 'according to' anything up to the next punctuation is the source: 'recent polls', 'the results'."""
    end = begin
    limit = min(len(tokens), begin + 2 * _MAX_NP_TOKENS)
    while end < limit and (tokens[end].is_word or tokens[end].text[:1].isdigit() or tokens[end].text in "&-/"):
        end += 1
    if end == begin or (end < len(tokens) and tokens[end].is_word):
        return None  # ran past the bound: no clear phrase
    if any(t.lower in CLAUSE_BREAKERS for t in tokens[begin:end]):
        return None  # "according to a method that combines ...": in accordance with, not a source
    return begin, end - 1


def _unknown_words_before_noun(tokens: list[Token], at: int, limit: int) -> int:
    """How many unknown lower-case words at `at` lead up to a source noun (at most two), else 0."""
    for ahead in range(at, min(limit, at + 2)):
        token = tokens[ahead]
        if not token.is_word or token.is_capitalised or token.lower in SPEECH_VERBS:
            return 0
        if ahead + 1 < limit and _word_class(tokens[ahead + 1]) == "noun":
            return ahead + 1 - at
    return 0


def _make(text, tokens, sentence, quotes, source_idx, cue: Span, category, cue_first, cue_last, inverted):
    s, e = source_idx
    framed = _anonymous_frame(tokens, s, e)
    if framed:
        s, e = framed
    source = Span(tokens[s].start, tokens[e].end)
    quote = _adjacent_quote(text, quotes, source, cue, sentence)
    if quote:
        content = Span(*quote.inner)
        direct = True
    else:
        content = _reported_clause(tokens, s, e, cue_first, cue_last, inverted)
        direct = False
    kind, anonymous = ("anonymous", True) if framed else _classify(tokens, s, e)
    found = Attribution(source, cue, content, direct, anonymous, kind, category, sentence, quote=quote)
    if tokens[s].lower == "who":
        antecedent = _np_ending_at(tokens, s - 2 if tokens[s - 1].text == "," else s - 1)
        if antecedent:
            found.name = _canonical(text[tokens[antecedent[0]].start : tokens[antecedent[1]].end])
            found.kind, found.anonymous = _classify(tokens, *antecedent)
    return found


def _adjacent_quote(text: str, quotes: list[Quote], source: Span, cue: Span, sentence: Sentence) -> Quote | None:
    """A quotation that ends just before the source and cue, or else one that opens just after them."""
    left = min(source.start, cue.start)
    right = max(source.end, cue.end)
    after = None
    for quote in _quotes_near(quotes, sentence):
        if quote.end <= left and _is_glue(text[quote.end : left]):
            return quote
        if after is None and quote.start >= right and _is_glue(text[right : quote.start]):
            after = quote
    return after


def _is_glue(between: str) -> bool:
    return len(between) <= 12 and bool(_GLUE.fullmatch(between))


def _quotes_near(quotes: list[Quote], sentence: Sentence):
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if quotes[mid].end < sentence.start - 2:
            lo = mid + 1
        else:
            hi = mid
    for quote in quotes[lo:]:
        if quote.start > sentence.end:
            break
        yield quote


def _reported_clause(tokens, s, e, cue_first, cue_last, inverted) -> Span | None:
    after = max(e, cue_last) + 1
    if tokens[cue_last].lower in TELL_VERBS and not inverted:
        recipient = _np_after(tokens, after)
        if recipient:
            after = recipient[1] + 1
    while after < len(tokens) and tokens[after].text in (",", ":", "that"):
        after += 1
    last = len(tokens) - 1
    if (
        not inverted
        and tokens[0].lower in OPENING_SUBORDINATORS
        and not any(t.text == "," for t in tokens[1 : min(s, cue_first)])
    ):
        # "Since she knows the port, she ...": the report ends with the clause the subordinator opened
        last = next((k - 1 for k in range(after, len(tokens)) if tokens[k].text == ","), last)
    while last >= 0 and not tokens[last].is_word and not tokens[last].text[:1].isdigit():
        last -= 1
    if not inverted and after <= last:
        return Span(tokens[after].start, tokens[last].end)
    before_end = min(s, cue_first) - 1
    while before_end >= 0 and not (tokens[before_end].is_word or tokens[before_end].text[:1].isdigit()):
        before_end -= 1
    if before_end >= 0:
        return Span(tokens[0].start, tokens[before_end].end)
    if after <= last:
        return Span(tokens[after].start, tokens[last].end)
    return None


def _classify(tokens: list[Token], s: int, e: int, opener_is_word: bool = False) -> tuple[str, bool]:
    """`opener_is_word`: the phrase's first word is capitalised only because it opens the sentence."""
    words = tokens[s : e + 1]
    if any(w.text == "," for w in words):  # "Mark Li, a spokesman for the party": the name decides
        words = words[: next(i for i, w in enumerate(words) if w.text == ",")]
    at = next((k for k in range(1, len(words)) if words[k].lower in LOCATIVES), None)
    if at is not None:  # "shop owners on Harbour Road": the owners, not the road
        words = words[:at]
    head = words[-1]
    head_class = _word_class(head)
    phrase = " ".join(t.lower for t in words)
    if head.lower == "who":
        return "person", False
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
    if category == "document":
        return "document", False
    if category == "organisation":
        return "organisation", False
    has_name = any(
        _word_class(w) == "name" and w.lower not in MODIFIERS and not (k == 0 and opener_is_word)
        for k, w in enumerate(words[:-1])
    )
    if has_name and not any(w.lower in INDEFINITE for w in words[:1]):
        return "person", False
    definite = words[0].lower in ("the", "his", "her", "their", "its")
    return ("person" if definite else "anonymous"), not definite


def _resolve(document: Document, attributions: list[Attribution]) -> None:
    """Give each attribution the name of the source it stands for; pronouns take the last compatible one."""
    text = document.text
    last_person = last_org = last_any = ""
    role_names: dict[str, str] = {}
    for item in attributions:
        phrase = text[item.source.start : item.source.end]
        low = phrase.lower()
        if low == "who":
            continue  # named from its antecedent when found
        stem = low.replace("\u2019", "'").split("'")[0]
        low = stem if stem in PRONOUNS else low  # "they're"
        if low in PRONOUNS:
            wanted = PRONOUNS[low]
            item.name = last_person if wanted == "person" else last_org if wanted == "organisation" else last_any
            if not item.name:
                item.anonymous = False
            continue
        if item.kind in ("person", "organisation", "outlet", "document") and not item.anonymous:
            words = phrase.split()
            head = words[-1].lower().rstrip(",")
            if item.kind == "person" and words[0].lower() in ("the", "his", "her", "their") and head in role_names:
                item.name = role_names[head]
            else:
                item.name = _canonical(phrase)
                parts = phrase.split(",")
                if item.kind == "person" and len(parts) > 1 and not is_named(parts[0]) and is_named(parts[1]):
                    item.name = _canonical(parts[1])  # "Its general manager, Lena Amsel": the name, not the role
                head, of, _ = item.name.partition(" of ")
                if of and item.kind == "person" and is_named(head):
                    item.name = head  # "Station Officer Kai Moss of the Fen Fire Service" -> "Station Officer Kai Moss"
            for word in words:
                if word.lower() in SOURCE_NOUNS and item.kind == "person":
                    role_names[word.lower()] = item.name
            if item.kind == "person":
                last_person = item.name
            elif item.kind == "organisation":
                last_org = item.name
            last_any = item.name
        elif item.kind == "person" and item.anonymous is False:
            item.name = _canonical(phrase)


def _canonical(phrase: str) -> str:
    phrase = phrase.strip().rstrip(",")
    if phrase.endswith(("'s", "\u2019s")):
        phrase = phrase[:-2]
    for prefix in ("the ", "The "):
        if phrase.startswith(prefix) and len(phrase.split()) > 1 and phrase.split()[1][:1].isupper():
            phrase = phrase[len(prefix) :]
    return phrase.split(",")[0].strip()


def summarise_sources(document: Document, attributions: list[Attribution]) -> list[SourceSummary]:
    """Distinct sources, merging a full name with later surname-only mentions ("Ana Ruiz" ... "Ruiz")."""
    summaries: dict[str, SourceSummary] = {}
    surname_of: dict[str, str] = {}
    for item in attributions:
        if item.anonymous:
            key = "anonymous:" + document.text[item.source.start : item.source.end].lower()
            name = document.text[item.source.start : item.source.end]
            kind = "anonymous"
        elif item.name:
            name, kind = item.name, item.kind
            surname = _surname(name)
            key = surname_of.get(surname, name.lower()) if kind == "person" else name.lower()
            if kind == "person":
                surname_of.setdefault(surname, key)
        else:
            continue
        summary = summaries.setdefault(key, SourceSummary(name, kind))
        summary.mentions += 1
        summary.forms.add(name)
        if len(name) > len(summary.name):
            summary.name = name
    return list(summaries.values())


def _surname(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    return words[-1].lower() if words else name.lower()


def is_named(name: str) -> bool:
    """A proper name ('Ana Ruiz', 'Port Union', 'Council leader Ana Ruiz'), not a description or a role ('the
    council', 'Its general manager', 'The inspectorate'): some capitalised word that is no role, body,
    determiner, pronoun or sentence opener."""
    for word in name.replace(",", " ").split():
        word = word.strip(".:;()\"'\u2018\u2019\u201c\u201d")
        low = word.lower()
        low = low[:-2] if low.endswith(("'s", "\u2019s")) else low
        if not word[:1].isupper() or low in SOURCE_NOUNS or low in PRONOUNS or low in DETERMINERS:
            continue
        if low in MODIFIERS or low in NOT_NAMES or low in DAYS_MONTHS:
            continue
        return True
    return False
