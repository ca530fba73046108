"""Who said what: attribution relations (source, cue, content) found by transparent word-order rules, and for
verbs no word list names, a small linear model over the same words (`learned_cues`).

For every cue ("said", "told", "according to", "believes" ...) outside a direct quotation, the source is the noun
phrase that is the cue's subject ("Smith said", "Smith, the minister, said", "a senior official told reporters"),
or, after a quotation or a comma, the phrase that follows it ('...," said Smith'). The content is the adjacent
quotation if there is one, else the reported clause. Pronouns and definite descriptions ("she", "the spokesman")
are resolved to the last compatible named source. Every step is a bounded scan inside one sentence, so the whole
pass is linear in the text length.

One concern per module: `vocabulary` (word lists from the lexicon files), `model` (records), `words` (token
classes), `phrases` (noun-phrase chunking), `subjects` (the source before a cue), `cues` (cue finding),
`content` (quotation or reported clause), `classify` (kind of source), `resolve` (naming, summary),
`learned_cues` (the cue model), `line_openings` and `quote_blocks` (speakers a line names) and `scan` (the sentence
scan that ties them together).
"""

from .classify import is_crowd, is_named, is_vague_evidence, launders, names_no_speaker, names_someone
from .model import Attribution, CueMatch, SourceSummary, Span, TokenRange
from .resolve import summarise_sources
from .scan import find_attributions
from .vocabulary import SOURCE_NOUNS, SPEECH_VERBS
from .words import CaseEvidence, case_evidence

__all__ = [
    "CaseEvidence",
    "case_evidence",
    "SOURCE_NOUNS",
    "SPEECH_VERBS",
    "Attribution",
    "CueMatch",
    "SourceSummary",
    "Span",
    "TokenRange",
    "find_attributions",
    "is_crowd",
    "is_named",
    "is_vague_evidence",
    "launders",
    "names_no_speaker",
    "names_someone",
    "summarise_sources",
]
