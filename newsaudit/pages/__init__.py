"""Where pages meet the engine: a page (or revision, or unsaved form) -> Document (`extract`, `metadata`), which page
types are articles (`page_types`), the audit stored per revision (`auditing`) and who each page quotes (`sources`)."""
