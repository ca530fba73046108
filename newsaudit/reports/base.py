"""What every newsaudit report shares: the editors who may open it, and export files named by report and date
whose CSV cells never start a formula."""

from __future__ import annotations

import datetime
from typing import Any

from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from ..engine.output.cells import safe_cell


class EditorsOnly:
    """Open to the editors who may add, change or publish pages; each report counts only the pages they may edit."""

    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]


def export_filename(report: str) -> str:
    """`newsaudit-<report>-<today's date>`, without the extension."""
    return f"newsaudit-{report}-{datetime.date.today():%Y-%m-%d}"


class NewsauditReportView(EditorsOnly, ReportView):
    export_name = "report"  # the report's word in its export file names

    def get_filename(self) -> str:
        return export_filename(self.export_name)

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        value = super().preprocess_field_value(field, value, export_format)
        # CSV: no formula-leading cell (XLSX cells are written as text by Wagtail already, see the tests).
        return safe_cell(value) if export_format == self.FORMAT_CSV else value
