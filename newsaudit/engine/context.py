"""What every rule can look at: the document plus the analyses computed once for it."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import InitVar, dataclass, field
from functools import cached_property

from .attributions import Attribution, find_attributions, launders
from .config import Config
from .credits import Credit, find_credits
from .document import Document, Sentence
from .metrics import readability
from .phrases import caseless_text
from .quotes import Quote, find_quotes, inside
from .tokens import Token, tokenize
from .wordmatch import split_words

SAYING = ("neutral", "loaded")  # cue categories whose indirect speech stays the source's wording


@dataclass
class Context:
    document: Document
    config: Config
    quotes: list[Quote] = field(init=False)
    attributions: list[Attribution] = field(init=False)
    credits: list[Credit] = field(init=False)
    # The length of the text before truncation (max_text_chars), and why the rules stopped early, if they did.
    full_length: int = 0
    stopped: str = ""
    analyse: InitVar[bool] = True  # False: an audit stopped before it began; no analyses, no rules but NA506/7

    def __post_init__(self, analyse: bool) -> None:
        if not analyse:
            self.quotes, self.attributions, self.credits = [], [], []
            return
        self.quotes = find_quotes(self.document)
        self.attributions = find_attributions(self.document, self.quotes, self.tokens)
        self.credits = find_credits(self.document, self.config.wire_services)

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def caseless_text(self) -> str | None:
        """The text lower-cased for case-insensitive lexicon patterns (phrases.caseless_text), or None."""
        return caseless_text(self.text)

    def tokens(self, sentence: Sentence) -> list[Token]:
        key = sentence.start
        cached = self._tokens.get(key)
        if cached is None:
            cached = self._tokens[key] = tokenize(self.text, sentence.start, sentence.end)
        return cached

    @cached_property
    def memo(self) -> dict[str, object]:
        """Analyses a rule module computes once per document and shares between its rules, keyed by module."""
        return {}

    def block_words(self, index: int) -> list[tuple[int, int, str]]:
        """Lower-cased words of one block with offsets, split once and shared by the lexicon matchers."""
        cached = self._block_words.get(index)
        if cached is None:
            block = self.document.blocks[index]
            cached = self._block_words[index] = split_words(self.text, block.start, block.end)
        return cached

    @cached_property
    def _block_words(self) -> dict[int, list[tuple[int, int, str]]]:
        return {}

    @cached_property
    def _tokens(self) -> dict[int, list[Token]]:
        return {}

    def in_quote(self, start: int, end: int) -> bool:
        return inside(self.quotes, start, end) is not None

    @cached_property
    def owned_attributions(self) -> list[Attribution]:
        """Attributions whose reported words belong to their source. A crowd ('critics say') or evidence that
        names nobody ('polls show') launders nothing: what it reports is checked as the outlet's own words."""
        text = self.text
        return [
            a
            for a in self.attributions
            if not launders(text[a.source.start : a.source.end], a.anonymous)
            and not (a.anonymous and a.cue_category not in SAYING)
        ]

    @cached_property
    def attributed_content(self) -> list[tuple[int, int]]:
        """Spans that report what a source said or thinks: the outlet is not speaking in its own voice there.

        A direct quotation is the source's wording. Indirect speech after a verb of saying ('Ruiz said the plan
        was reckless') is too. A paraphrase of what a source thinks, plans, did or backs ('Ruiz believes the
        reckless plan ...', 'Ruiz ordered the thugs to leave') and whatever a crowd or unnamed evidence
        'says' are the outlet's own wording unless quoted (measured on BABE and NewsSD dev, docs/evaluation.md)."""
        spans = [
            (a.content.start, a.content.end)
            for a in self.owned_attributions
            if a.content and (a.direct or a.cue_category in SAYING)
        ]
        return sorted(spans)

    def in_attributed_content(self, start: int, end: int) -> bool:
        spans = self.attributed_content
        index = bisect_right(spans, (start, len(self.text) + 1))
        # Content spans rarely nest more than a couple deep: look back a bounded distance.
        return any(s <= start and end <= e for s, e in spans[max(0, index - 4) : index])

    @cached_property
    def attributed_sentences(self) -> set[int]:
        """Start offsets of sentences that contain an attribution (source and cue)."""
        return {a.sentence.start for a in self.owned_attributions}

    @cached_property
    def attributed_blocks(self) -> set[int]:
        return {a.sentence.block for a in self.owned_attributions}

    @cached_property
    def linked_blocks(self) -> set[int]:
        return {i for i, b in enumerate(self.document.blocks) if b.links}

    @cached_property
    def wire_credited(self) -> bool:
        return any(c.kind in ("wire", "staff") and c.outlets for c in self.credits)

    @cached_property
    def body_sentences(self) -> list[Sentence]:
        blocks = self.document.blocks
        return [s for s in self.document.sentences() if blocks[s.block].kind not in ("headline", "byline", "credit")]

    @cached_property
    def credit_spans(self) -> list[tuple[int, int]]:
        return [(c.start, c.end) for c in self.credits]

    def in_credit(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.credit_spans)

    @cached_property
    def sentence_words(self) -> dict[int, int]:
        """Words per body sentence, keyed by the sentence's start offset."""
        return {
            s.start: sum(1 for t in self.tokens(s) if t.is_word or t.text[:1].isdigit()) for s in self.body_sentences
        }

    @cached_property
    def readability(self) -> dict[str, float | int]:
        measured = [s for s in self.body_sentences if self.document.blocks[s.block].kind not in ("heading", "caption")]
        words = sum(self.sentence_words[s.start] for s in measured)
        return readability(self.document, words, len(measured))
