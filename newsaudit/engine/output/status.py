"""When does a document fail the build? Shared by the CLI's exit code and every CI format."""

from __future__ import annotations

from ..severity import Severity


def document_fails(status: str, worst: Severity | None, fail_on: Severity) -> bool:
    """Does a document fail the build? `error` and `fail` statuses always do; with --fail-on warning, `warn`
    does too; and so does any counted finding at or above `fail_on` (suppressed and baselined ones never count)."""
    if status in ("error", "fail") or (status == "warn" and fail_on <= Severity.WARNING):
        return True
    return worst is not None and worst >= fail_on
