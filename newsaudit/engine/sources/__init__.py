"""Who gets quoted: an article's attributions turned into distinct sources (issue #16).

One concern per module: `vocabulary` (word lists from the lexicon files), `names` (a name, its titles and its
merge key), `roles` (role class, affiliation and the gender role words state), `gender` (stated gender only),
`merge` (one source, one entry) and `mix` (the per-article `source_mix` of the JSON report). The pass is linear:
each attribution is read once, and the text is scanned once, only when a bare surname needs its full name.
"""

from .gender import NOT_STATED
from .mix import source_mix

__all__ = ["NOT_STATED", "source_mix"]
