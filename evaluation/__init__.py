"""Accuracy evaluation of the newsaudit engine on labelled third-party data (`make eval`).

The data stays in ../shared/data (never copied into the project); each task is skipped with a message when its
folder is absent. See docs/evaluation.md for the tasks, the matching rules and the figures.
"""
