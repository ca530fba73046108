"""What the audit reads of a page, and the Document made of it: the same for an audit on save, in `audit_archive`
and in the live check's child process. The child imports this module without Django: it imports the engine only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..engine import Document, build_document
from ..engine.readers.streamfield import page_document, page_field_blocks


@dataclass
class PageInputs:
    """What the audit reads of a page: its id, its title, each text field's stored value (StreamField raw blocks,
    rich text's stored HTML, plain strings) and its metadata (byline, dateline, ...)."""

    doc_id: str
    title: str
    values: dict[str, Any]
    meta: dict[str, str] = field(default_factory=dict)


def document_of(inputs: PageInputs, max_chars: int | None = None) -> Document:
    """The page's Document; `max_chars`: the audit looks at no more text, so sentences beyond it are not split."""
    blocks = page_field_blocks(inputs.values, field_ids=True)
    title = inputs.title
    document = page_document(inputs.doc_id, blocks, title, inputs.meta, title_id="field:title", segment_limit=max_chars)
    return document or build_document(inputs.doc_id, [], title=title.strip(), meta=inputs.meta)
