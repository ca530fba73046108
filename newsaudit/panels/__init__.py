"""The editor's audit panel: the side panel (`panel`, `edit_views`, `viewsets`), what it leads with (`findings`),
dismissed findings (`dismissals`) and its admin views (`views`: the stored audit, the check of unsaved changes).

Sites that turn the automatic side panel off list `*audit_panels()` from here in a model's `content_panels`."""

from .panel import AuditPanel, audit_panels

__all__ = ["AuditPanel", "audit_panels"]
