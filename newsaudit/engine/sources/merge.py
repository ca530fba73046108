"""One source, one entry: an article's attributions grouped by who they stand for.

People merge on their name without titles ("Sanae Ruiz", "Prime Minister Sanae Ruiz"); a bare surname ("Ruiz",
"Ms Ruiz") joins the one full name with that surname among the article's sources, else the one full name with
that surname anywhere in the text. Where two people share the surname the bare one stays apart, with no
archive key (it could be either). Pronouns and descriptions ("she", "the prime minister") join whoever the
attribution finder resolved them to. Organisations merge on their name without "the"; an acronym ("the ECB")
joins the one named body whose initials it spells, and a description ("the bank") the last named body with that
head noun. Anonymous sources merge only with the same words in the same article. A gendered honorific never joins
a full name the text genders otherwise, and where the sources use both genders' honorifics with one surname, those
are two people. A one-word source that names no one by the summary's test (`names_someone`) is no entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..attributions import Attribution, CaseEvidence, case_evidence, is_named, names_someone
from .gender import pronoun_gender
from .names import (
    Name,
    Namesakes,
    TextNames,
    head_part,
    initials,
    lower_words,
    parse_name,
    person_name,
    text_names,
    title_gender,
)
from .roles import Described, describe
from .vocabulary import INDEFINITE, PLURAL_PRONOUNS

PERSON, BODY = "p:", "o:"
ORG_KINDS = frozenset({"organisation", "outlet", "document"})
DEFINITE = frozenset({"the", "his", "her", "their", "its"})
INITIAL_SKIP = frozenset({"of", "the", "and", "for", "&"})
MIN_PRONOUN_VOTES = 2  # agreeing pronouns resolved to a full name that state its gender against an honorific
MAX_NAMESAKES = 8  # people sharing one surname whose stated genders a gendered honorific is checked against


@dataclass(slots=True)
class Mention:
    attribution: Attribution
    form: str  # the source's words before any apposition ("Sanae Ruiz", "she", "the prime minister")
    described: Described
    pronoun: str | None  # the gender a pronoun source states


@dataclass(slots=True)
class Entry:
    local: str  # the grouping key inside the article
    key: str  # the archive-wide merge key, "" where it must not merge across articles
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class _Article:
    text: str
    entries: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, Namesakes] = field(default_factory=dict)  # surname -> the full names of the sources
    bodies: dict[str, str] = field(default_factory=dict)  # lower-case body name -> its display form
    last_body: dict[str, Entry] = field(default_factory=dict)  # head noun -> the last named body mentioned
    pronoun_genders: dict[str, list[str]] = field(default_factory=dict)  # full name's key -> its pronouns' genders
    honorific_genders: dict[str, set[str]] = field(default_factory=dict)  # surname -> its sources' honorifics' genders
    _spelled_bodies: dict[str, set[str]] | None = None
    _text_names: TextNames | None = None
    _lower: frozenset[str] | None = None

    @property
    def evidence(self) -> CaseEvidence:
        """How the text writes its words (the summary's name test reads it): counted once per text, when needed."""
        return case_evidence(self.text)

    @property
    def lower(self) -> frozenset[str]:
        """The words the text writes in lower case, collected once and only when needed."""
        if self._lower is None:
            self._lower = lower_words(self.text)
        return self._lower

    @property
    def spelled_bodies(self) -> dict[str, set[str]]:
        """The article's named bodies of two or more words by their initials, collected once."""
        if self._spelled_bodies is None:
            self._spelled_bodies = {}
            for name in self.bodies.values():
                if " " in name:
                    self._spelled_bodies.setdefault(_initials(name), set()).add(name)
        return self._spelled_bodies

    @property
    def in_text(self) -> TextNames:
        """The text's capitalised runs, scanned once and only when a bare surname or an acronym needs them."""
        if self._text_names is None:
            self._text_names = text_names(self.text, self.lower)
        return self._text_names


def merge(text: str, attributions: list[Attribution]) -> list[Entry]:
    """The article's distinct sources, each with its mentions, in order of first mention."""
    article = _Article(text)
    usable = [a for a in sorted(attributions, key=lambda a: a.source.start) if a.anonymous or a.name]
    for item in usable:  # first pass: the full names and named bodies the article's sources use
        if not item.anonymous:
            _register(article, item)
    for item in usable:
        placed = _place(article, item)
        if placed is None:
            continue
        local, key, name, kind = placed
        entry = article.entries.setdefault(local, Entry(local, key, name, kind))
        if len(name) > len(entry.name) and kind != "anonymous":
            entry.name = name
        entry.mentions.append(_mention(text, item))
        if local.startswith(BODY):
            article.last_body[entry.name.split()[-1].lower()] = entry
    return list(article.entries.values())


def _mention(text: str, item: Attribution) -> Mention:
    phrase = text[item.source.start : item.source.end]
    form = _form(phrase)
    has_name = parse_name(phrase) is not None
    after = text[item.source.end : item.sentence.end] if item.sentence.end > item.source.end else ""
    return Mention(item, form, describe(phrase, after, has_name), pronoun_gender(form))


def _form(phrase: str) -> str:
    """The words that name the source: the phrase before any apposition ("Ana Ruiz, a skipper" -> "Ana Ruiz"),
    or the apposition when only it names someone ("Her husband, former Mayor Tom Vance" -> "former Mayor Tom
    Vance"; the description stays in the mention's span)."""
    form = head_part(phrase).strip() or phrase.strip()
    before, comma, after = phrase.partition(",")
    if comma and not is_named(before):
        named = head_part(after).strip()
        if named and is_named(named):
            return named
    return form


def _register(article: _Article, item: Attribution) -> None:
    if _kind(None, item) == "person":
        name = person_name(item.name)
        if name is None:
            return
        said = title_gender(name.titles)
        if name.full:
            article.people.setdefault(name.surname, Namesakes()).add(item.source.start, name)
            pronoun = pronoun_gender(article.text[item.source.start : item.source.end])
            if pronoun is not None:  # "he said", resolved to "Former President Tom Vance": the text genders him
                article.pronoun_genders.setdefault(name.key, []).append(pronoun)
        elif said is not None:
            article.honorific_genders.setdefault(name.surname, set()).add(said)
    elif item.kind in ORG_KINDS and is_named(item.name):
        body = _body_name(item.name)
        article.bodies.setdefault(body.lower(), body)


def _place(article: _Article, item: Attribution) -> tuple[str, str, str, str] | None:
    """(local key, archive key, display name, kind) for one attribution's source; None for a source that names
    nobody after all: "we" or "they" resolved to one person, a one-word "name" that names no one by the summary's
    test (`_names_no_one`): no proper name ("Conversely"), a place, or a word the text also writes in lower case
    and capitalises only to open a sentence ("Following", "Keeps")."""
    form = article.text[item.source.start : item.source.end]
    if item.anonymous or _indefinite(form):
        words = " ".join(head_part(form).split()) or " ".join(form.split())
        return "anonymous:" + words.lower(), "", words, "anonymous"
    kind = _kind(article, item)
    if kind == "person" and form.strip().lower() in PLURAL_PRONOUNS:
        return None
    if kind == "person":
        return _place_person(article, item)
    if _names_no_one(article, item.name):
        return None
    return _place_body(article, item)


def _names_no_one(article: _Article, name: str) -> bool:
    """One word that names no one by the summary's own test (`names_someone`): "Conversely", "Following",
    "Keeps", "Ohio". A person's bare surname is tested only when it stands for no full name ("Israel" after
    "Rep. Steve Israel" is he)."""
    word = name.strip()
    return " " not in word and not names_someone(word, article.evidence)


def _indefinite(form: str) -> bool:
    """ "a government", "an ad", "several reports": a source the text does not identify is anonymous, whatever
    its kind."""
    words = form.split()
    return bool(words) and words[0].lower() in INDEFINITE and not is_named(form)


def _kind(article: _Article | None, item: Attribution) -> str:
    """The finder's kind, with two corrections: a titled person before an "of" phrase is a person ("Professor Lena
    Amsel of the Harbour Institute"), and a pronoun that may stand for anyone ("they") takes the kind of the name
    it resolved to (with no article yet, while the article's people are still being collected: organisation)."""
    if item.kind in ORG_KINDS and " of " in item.name:
        first = parse_name(item.name.partition(" of ")[0])
        if first is not None and first.full and first.titles:
            return "person"
    if item.kind == "person" or item.kind in ORG_KINDS:
        return item.kind
    name = parse_name(item.name)
    known = article is not None and name is not None and name.surname in article.people
    return "person" if known else "organisation"


def _place_person(article: _Article, item: Attribution) -> tuple[str, str, str, str] | None:
    name = person_name(item.name)
    if name is None:  # a description the finder did not resolve: "the nominee", "the spokesman"
        if _names_no_one(article, item.name):
            return None
        name = _described(article, item)
        if name is None:
            return "described:" + item.name.lower(), "", item.name, "person"
    body = _spelled(article, _body_name(item.name))
    if body is not None:  # "the ECB said": a body's acronym, whatever the finder took it for
        return BODY + body.lower(), body.lower(), body, "organisation"
    if name.full:
        return PERSON + name.key, name.key, name.display, "person"
    full = _full_name(article, name, item.source.start)
    if full is not None:
        return PERSON + full.key, full.key, full.display, "person"
    if _names_no_one(article, item.name):
        return None
    return "bare:" + name.key + _honorific_side(article, name), "", name.display, "person"


def _honorific_side(article: _Article, bare: Name) -> str:
    """Where the sources write a surname with honorifics of both genders ("Mr. Vance", "Mrs. Vance"), two people
    share it: each honorific's mentions stay apart."""
    said = title_gender(bare.titles)
    return ":" + said if said and len(article.honorific_genders.get(bare.surname, ())) > 1 else ""


def _described(article: _Article, item: Attribution) -> Name | None:
    """The person a definite description stands for: the one last written with its head noun before it ("nominee
    Ana Ruiz" ... "the Republican nominee")."""
    words = head_part(item.name).split()
    if len(words) < 2 or words[0].lower() not in DEFINITE:
        return None
    return article.in_text.last_with_role(words[-1].lower(), item.source.start)


def _full_name(article: _Article, bare: Name, at: int) -> Name | None:
    """The full name a bare surname stands for: the article's sources' full names with that surname, else the
    text's. Where two people share it, the one named last before the mention (else the first named after it).
    A gendered honorific ("Mrs. Lund") goes to a full name the text genders alike ("the first lady, Maren Lund"),
    else to the one person of that surname the text genders no other way: by no tied word and no pronouns resolved
    to them ("Tom Vance ... he said ... he added" keeps "Mrs. Vance" apart; see `_stated_gender`). When two or more are left ("Mrs. Clinton" beside
    "Hillary Clinton" and "President Bill Clinton"), or when the article's sources write the surname with
    honorifics of both genders and the text genders no full name of the other ("Mr. Vance" and "Mrs. Vance"
    beside "Tom Vance" alone: two people, and nothing says which one he is), the mention stays bare."""
    said = title_gender(bare.titles)
    pools = [article.people.get(bare.surname), article.in_text.by_surname.get(bare.surname)]
    if said is None or any(names and len(names.keys) > MAX_NAMESAKES for names in pools):
        names = pools[0] or pools[1]
        return names.nearest(at) if names else None
    if pools[1]:
        stated = {key for key in pools[1].keys if _stated_gender(article, key) == said}
        if stated:
            return pools[1].nearest(at, stated)
    if len(article.honorific_genders.get(bare.surname, ())) > 1 and not _other_gender_named(article, pools, said):
        return None
    for names in pools:
        fitting = {key for key in names.keys if _stated_gender(article, key) is None} if names else set()
        if fitting:
            return names.nearest(at, fitting) if len(fitting) == 1 else None
    return None


def _other_gender_named(article: _Article, pools: list[Namesakes | None], said: str) -> bool:
    """A full name of the surname the text genders the other way: the other honorific has its person."""
    keys = {key for names in pools if names for key in names.keys}
    return any(_stated_gender(article, key) not in (None, said) for key in keys)


def _stated_gender(article: _Article, key: str) -> str | None:
    """The one gender the text states for a full name: by words tied to it, else by the pronouns resolved to it,
    when two or more agree and none disagrees (the resolver takes the last person named whatever the pronoun, so
    one pronoun is no evidence). Both genders, or none: None."""
    tied = article.in_text.stated_gender(key)
    if tied is not None or article.in_text.genders.get(key):
        return tied
    pronouns = article.pronoun_genders.get(key, [])
    return pronouns[0] if len(pronouns) >= MIN_PRONOUN_VOTES and len(set(pronouns)) == 1 else None


def _place_body(article: _Article, item: Attribution) -> tuple[str, str, str, str]:
    if is_named(item.name):
        body = _body_name(item.name)
        body = _spelled(article, body) or body
        return BODY + body.lower(), body.lower(), body, _kind(article, item)
    head = item.name.split()[-1].lower() if item.name.split() else ""
    entry = article.last_body.get(head)
    if entry is not None:
        return entry.local, entry.key, entry.name, entry.kind
    return "described:" + item.name.lower(), "", item.name, _kind(article, item)


def _body_name(name: str) -> str:
    name = " ".join(name.split())
    return name[4:] if name.lower().startswith("the ") else name


def _spelled(article: _Article, acronym: str) -> str | None:
    """The one body an acronym spells: among the article's named sources, else among the text's capitalised runs."""
    if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 6):
        return None
    for names in (article.spelled_bodies.get(acronym, set()), article.in_text.by_initials.get(acronym, set())):
        if len(names) == 1:
            return next(iter(names))
        if names:
            return None
    return None


def _initials(name: str) -> str:
    return initials([w for w in name.split() if w.lower() not in INITIAL_SKIP])
