"""The live check: an audit of the editor's unsaved form, bounded (`limits`, `edit_form`, `input_budget`) and run in
a warm child process (`live_audit`, `audit_worker`). `audit_worker` runs without Django: keep this file import-free."""
