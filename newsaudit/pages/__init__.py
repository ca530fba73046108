"""Where pages meet the engine: a page (or revision, or unsaved form) -> its stored field values (`extract`,
`metadata`) -> Document (`inputs`), which page types are articles (`page_types`), the audit stored per revision
(`auditing`) and who each page quotes (`sources`). The live check's child process imports `inputs` without Django:
keep this file import-free."""
