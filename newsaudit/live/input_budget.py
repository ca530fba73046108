"""Cut an oversized edit form before the expensive parts of the live check (Draftail conversion, building the page,
parsing its HTML): field by field, to a budget derived from the text the audit will look at anyway.

The live check audits at most `max_chars` characters of text. Anything far beyond that is work the audit throws
away, so each posted value is cut before the form sees it:

- a rich-text value (Draftail's contentstate JSON) is decoded by the C JSON decoder (linear, about 7 ms for 2 MB),
  its blocks' text is cut to what is left of the text budget (style and link ranges clipped, unused links dropped)
  and it is encoded again: valid JSON whatever the cut, and no markup counts against the budget;
- any other long value (plain text, HTML, other JSON) is cut to `MARKUP_MARGIN` characters per character of text
  budget left. A cut in the middle of an HTML tag is read by the lenient HTML reader; a cut in the middle of other
  JSON makes the form answer 400, never a 500.

Short values (titles, slugs, block types, counts) are never cut. The cut keeps more text than the audit looks at
(`SLACK_CHARS`), so the engine's own bound still decides where the audit stops (at a sentence end) and reports it
(NA506); `FormCut.cut` tells the view that the form was cut even when what is left is short.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

FLOOR_CHARS = 2_000  # a value this short is never cut
SLACK_CHARS = 5_000  # text kept beyond the audit's bound, so the engine cuts at a sentence end itself
MARKUP_MARGIN = 4  # characters of a raw value kept per character of text budget left: room for tags and attributes
BLOCK_CHARS = 20  # what an empty Draftail block costs: a paste of 100,000 empty paragraphs is cut too


@dataclass
class FormCut:
    """The posted data after the cut, the names of the fields cut, and the characters dropped."""

    data: Any  # a QueryDict
    fields: list[str] = field(default_factory=list)
    dropped_chars: int = 0

    @property
    def cut(self) -> bool:
        return bool(self.fields)


def cut_form(data: QueryDict, max_chars: int) -> FormCut:
    """`data` with each long value cut so that the form holds about `max_chars + SLACK_CHARS` characters of text in
    all (0: no bound, `data` is returned as it is). Values are visited in the order they were posted, which is the
    order of the edit form: the text the audit would reach first is the text that is kept."""
    if max_chars <= 0 or not any(len(v) > FLOOR_CHARS for _k, values in data.lists() for v in values):
        return FormCut(data)
    budget = max_chars + SLACK_CHARS
    result = FormCut(data.copy())
    for key, values in data.lists():
        kept: list[str] = []
        for value in values:
            new, used = _cut_value(value, budget)
            budget = max(0, budget - used)
            if new is not value:
                result.fields.append(key)
                result.dropped_chars += max(0, len(value) - len(new))
            kept.append(new)
        if key in result.fields:
            result.data.setlist(key, kept)
    return result


def _cut_value(value: str, budget: int) -> tuple[str, int]:
    """(the value, cut if it is long, and the text budget it used)."""
    if len(value) <= FLOOR_CHARS:
        return value, min(len(value), budget)
    state = _contentstate(value)
    if state is not None:
        outcome = _cut_contentstate(state, budget)
        if outcome is None:
            return value, min(len(value), budget)
        used, changed = outcome
        return (json.dumps(state, ensure_ascii=False, separators=(",", ":")) if changed else value), used
    keep = max(FLOOR_CHARS, budget * MARKUP_MARGIN)
    return (value if len(value) <= keep else value[:keep]), min(len(value), budget)


def _contentstate(value: str) -> dict[str, Any] | None:
    if not value.lstrip().startswith("{"):
        return None
    try:
        state = json.loads(value)
    except (ValueError, RecursionError):
        return None
    if isinstance(state, dict) and isinstance(state.get("blocks"), list):
        return state
    return None


def _cut_contentstate(state: dict[str, Any], budget: int) -> tuple[int, bool] | None:
    """Cut the blocks' text in place to `budget` characters: (the text used, whether anything was cut), or None
    when the blocks are not of Draftail's shape (left to the form, which answers 400 before any conversion)."""
    blocks = state["blocks"]
    if not all(isinstance(b, dict) and isinstance(b.get("text", ""), str) for b in blocks):
        return None
    kept, used, changed = [], 0, False
    for block in blocks:
        room = budget - used
        if room <= 0:
            break
        text = block.get("text", "")
        if len(text) > room:
            changed = True
            block["text"] = text = text[:room]
            for name in ("inlineStyleRanges", "entityRanges"):
                block[name] = _clip_ranges(block.get(name), room)
        used += max(len(text), BLOCK_CHARS)
        kept.append(block)
    if len(kept) < len(blocks) or changed:
        state["blocks"] = kept
        state["entityMap"] = _used_entities(kept, state.get("entityMap"))
        changed = True
    return min(used, budget), changed


def _clip_ranges(ranges: Any, length: int) -> Any:
    """Style and entity ranges that start inside the kept text, shortened to end with it."""
    if not isinstance(ranges, list):
        return ranges
    clipped = []
    for item in ranges:
        offset = item.get("offset") if isinstance(item, dict) else None
        size = item.get("length") if isinstance(item, dict) else None
        if not isinstance(offset, int) or not isinstance(size, int):
            clipped.append(item)  # not Draftail's shape: the converter's own validation answers it
        elif offset < length:
            clipped.append({**item, "length": min(size, length - offset)})
    return clipped


def _used_entities(blocks: list[dict[str, Any]], entities: Any) -> Any:
    """The entity map reduced to the entities the kept blocks still refer to (a link's URL, an image)."""
    if not isinstance(entities, dict):
        return entities
    keys = {
        str(item.get("key"))
        for block in blocks
        if isinstance(block.get("entityRanges"), list)
        for item in block["entityRanges"]
        if isinstance(item, dict)
    }
    return {key: value for key, value in entities.items() if key in keys}


def mark_cut(document: Any, report: dict[str, Any], dropped_chars: int) -> None:
    """A report of a cut form is partial even when what was kept fit the audit's bound (a value cut for its markup):
    say so with the characters the cut dropped, which the audit never saw."""
    if report.get("partial") or document is None:
        return
    audited = len(document.text)
    report["partial"] = {"audited_chars": audited, "total_chars": audited + dropped_chars, "stopped": None}
