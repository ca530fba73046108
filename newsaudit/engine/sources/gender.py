"""Gender only where the text states it, never guessed from a name.

Two kinds of evidence: words tied to the source (an honorific, a gendered role noun: "Mrs Ruiz", "the
spokeswoman") and pronouns the attribution finder resolved to it ("she said"). The resolver picks the last person
named whatever the pronoun, so a pronoun is weaker evidence: it decides only where no tied word does, and any
disagreement inside one kind of evidence leaves the gender "not stated".
"""

from __future__ import annotations

from .vocabulary import PRONOUN_GENDER

NOT_STATED = "not stated"


def pronoun_gender(form: str) -> str | None:
    """The gender a pronoun source states ("she" -> "female"); None for any other phrase."""
    return PRONOUN_GENDER.get(form.strip().lower())


def stated_gender(tied: list[str], pronouns: list[str]) -> str:
    """`tied`: genders the honorifics and role nouns of the source's mentions state; `pronouns`: those of the
    pronouns resolved to it."""
    for votes in (tied, pronouns):
        if votes:
            return votes[0] if len(set(votes)) == 1 else NOT_STATED
    return NOT_STATED
