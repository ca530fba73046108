"""The lines of a whole web page that are the site's, not the article's: a date or time line ('Nov. 20, 2019 6:02
AM EST', 'by Ana Ruiz \u2014 May 3, 2021'), a stray word or name ('Reuters', 'Newsletter', 'JANE DOE'), a consent or
sign-up line. Left out of whole pages only: an editor's own fragment keeps every line it has."""

from __future__ import annotations

import re

from ..document import BlockInput
from ..lexicons import load_words

FURNITURE_PHRASES = load_words("page_furniture")
DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = "|".join(sorted(load_words("days_months") - DAYS, key=len, reverse=True))  # "sept" before "sep"
# A month and a day ('Nov. 20', 'March 3rd'), a clock time ('6:02') or an ISO date: the marks of a date line.
DATE = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}:\d{{2}}\b|\b\d{{4}}-\d{{2}}-\d{{2}})", re.I
)
WORD = re.compile(r"[^\W\d_]+")
FINAL_MARKS = (".", "!", "?", "\u201d", '"', ":", "\u2026", "\u3002", "\uff01", "\uff1f", "\u300d")
STRAY_WORDS = 4  # at most this many words and no closing mark: a label, a name, a count, not a sentence
STRAY_CHARACTERS = 40
CJK_START = "\u2e80"
DATE_LINE_WORDS = 12
FURNITURE_LINE_WORDS = 40
FURNITURE_LINE_CHARACTERS = 500
SIGN_UP_LINE_WORDS = 25  # a consent or sign-up line is short; a sentence that mentions the terms of service is not
PROSE_KINDS = frozenset({"paragraph", "list_item"})


def is_furniture(block: BlockInput) -> bool:
    """A date line, a stray word or name, or a consent or sign-up line (see the module docstring)."""
    if block.kind not in PROSE_KINDS:
        return False
    text = block.text.strip()
    if len(text) > FURNITURE_LINE_CHARACTERS:
        return False  # a long block is prose: no need to count its words
    words = WORD.findall(text)
    if len(words) > FURNITURE_LINE_WORDS:
        return False
    if block.kind == "paragraph" and _stray(text, words):
        return True
    if len(words) <= DATE_LINE_WORDS and DATE.search(text) and not text.endswith((".", "!", "?")):
        return True
    if len(words) > SIGN_UP_LINE_WORDS or text.endswith("?"):
        return False  # "Are those of us who never agreed to the terms of service fair game?" is prose
    low = " ".join(w.lower() for w in words)
    return any(phrase in low for phrase in FURNITURE_PHRASES)


def _stray(text: str, words: list[str]) -> bool:
    """'Reuters', 'JANE DOE', 'Explore further': a few words with no closing mark and no figure (a score line,
    'Palm Bay d. Rockledge 70-44', is a result); or a line with no word at all ('0', '4%69%')."""
    if not words:
        return True
    if len(words) > STRAY_WORDS or len(text) > STRAY_CHARACTERS or text.endswith(FINAL_MARKS):
        return False
    return not any(c.isdigit() or c >= CJK_START for c in text)  # a CJK run is a sentence, not a word
