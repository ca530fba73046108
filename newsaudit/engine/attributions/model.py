"""The attribution records: spans, the cue a scan matched, an attribution (source, cue, content), a source summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..document import Sentence
from ..quotes import Quote


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


class TokenRange(NamedTuple):
    """Token indices `first..last` (inclusive) of a phrase inside one sentence's token list."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found in a sentence: its character span and category, the tokens it covers, and which way it reads.

    `inverted`: the source follows the cue or the cue is a preposition ('..., said Ruiz', 'according to Ruiz'),
    so the reported clause is looked for before it."""

    span: Span
    category: str  # neutral | loaded | cognition | act | deed | evidence
    first: int
    last: int
    inverted: bool = False


@dataclass(slots=True)
class Attribution:
    source: Span
    cue: Span
    content: Span | None
    direct: bool
    anonymous: bool
    kind: str  # person | organisation | outlet | document | anonymous
    cue_category: str  # neutral | loaded | cognition | act | deed | evidence
    sentence: Sentence
    name: str = ""  # the named source this refers to, after resolving pronouns and descriptions
    quote: Quote | None = None

    @property
    def speaks(self) -> bool:
        """The source says or thinks something here; a deed ('Ruiz backed the plan') quotes and cites no one."""
        return self.cue_category != "deed"


@dataclass(slots=True)
class SourceSummary:
    name: str
    kind: str
    mentions: int = 0
    forms: set[str] = field(default_factory=set)
