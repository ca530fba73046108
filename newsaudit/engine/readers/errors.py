"""A document that could not be read: reported as status "error", the rest of the batch goes on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentError:
    id: str
    message: str
    title: str = ""
