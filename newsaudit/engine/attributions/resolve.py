"""Naming sources: pronouns and descriptions resolved to the last compatible named source; the per-article summary."""

from __future__ import annotations

from ..document import Document
from .classify import is_named
from .model import Attribution, SourceSummary
from .vocabulary import BACK_REFERENCES, PRONOUNS, SOURCE_NOUNS


def resolve(document: Document, attributions: list[Attribution]) -> None:
    """Give each attribution the name of the source it stands for; pronouns take the last compatible one."""
    text = document.text
    last_person = last_org = last_any = ""
    named_people = 0
    role_names: dict[str, str] = {}
    for item in attributions:
        phrase = text[item.source.start : item.source.end]
        low = phrase.lower()
        if low in ("who", "which"):
            continue  # named from its antecedent when found
        stem = low.replace("\u2019", "'").split("'")[0]
        low = stem if stem in PRONOUNS else low  # "they're"
        if low.split()[0] in BACK_REFERENCES and named_people >= 2:
            item.anonymous, item.kind, item.name = False, "person", ""  # "Both ministers": named already
            continue
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
                item.name = canonical(phrase)
                parts = phrase.split(",")
                if item.kind == "person" and len(parts) > 1 and not is_named(parts[0]) and is_named(parts[1]):
                    item.name = canonical(parts[1])  # "Its general manager, Lena Amsel": the name, not the role
                head, of, _ = item.name.partition(" of ")
                if of and item.kind == "person" and is_named(head):
                    item.name = head  # "Station Officer Kai Moss of the Fen Fire Service" -> "Station Officer Kai Moss"
            for word in words:
                if word.lower() in SOURCE_NOUNS and item.kind == "person":
                    role_names[word.lower()] = item.name
            if item.kind == "person":
                named_people += last_person != item.name
                last_person = item.name
            elif item.kind == "organisation":
                last_org = item.name
            last_any = item.name
        elif item.kind == "person" and item.anonymous is False:
            item.name = canonical(phrase)


def canonical(phrase: str) -> str:
    phrase = phrase.strip().rstrip(",")
    if phrase.endswith(("'s", "\u2019s")):
        phrase = phrase[:-2]
    for prefix in ("the ", "The "):
        if phrase.startswith(prefix) and len(phrase.split()) > 1 and phrase.split()[1][:1].isupper():
            phrase = phrase[len(prefix) :]
    return phrase.split(",")[0].strip()


def summarise_sources(document: Document, attributions: list[Attribution]) -> list[SourceSummary]:
    """Distinct sources, merging a full name with later surname-only mentions ("Ana Ruiz" ... "Ruiz"). A source
    found only doing something (its cues all deeds: 'Ruiz backed the plan') is not listed."""
    summaries: dict[str, SourceSummary] = {}
    surname_of: dict[str, str] = {}
    speaking: set[str] = set()
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
        if item.speaks:
            speaking.add(key)
    return [summary for key, summary in summaries.items() if key in speaking]


def _surname(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    return words[-1].lower() if words else name.lower()
