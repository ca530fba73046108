"""Spreadsheet cells from untrusted text: every CSV newsaudit writes passes each cell through `safe_cell`.

A page title such as `=HYPERLINK("http://x","y")` would otherwise open in Excel or LibreOffice as a live formula
(CSV injection). A cell that starts with a character a spreadsheet reads as the start of a formula (`=`, `+`, `-`,
`@`, tab, carriage return, or their full-width forms) gets a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

from typing import Any

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> Any:
    """`value` unchanged unless it is text a spreadsheet would evaluate; then the same text as a literal."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def safe_row(values: list[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]
