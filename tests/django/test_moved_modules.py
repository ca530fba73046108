"""Modules moved into subpackages stay importable at the import paths the docs gave them."""

import importlib

import pytest

from newsaudit import MOVED_MODULES


@pytest.mark.parametrize(("old", "new"), sorted(MOVED_MODULES.items()))
def test_the_old_path_imports_the_moved_module_itself(old, new):
    moved = pytest.importorskip(new)  # viewsets needs Wagtail 8's PageViewSet
    assert importlib.import_module(old) is moved


def test_names_import_from_the_old_paths():
    from newsaudit.edit_views import AuditEditViewMixin
    from newsaudit.extract import page_document

    from newsaudit.pages.extract import page_document as moved_document
    from newsaudit.panels import audit_panels
    from newsaudit.panels.edit_views import AuditEditViewMixin as moved_mixin
    from newsaudit.panels.panel import audit_panels as moved_panels

    assert (AuditEditViewMixin, page_document, audit_panels) == (moved_mixin, moved_document, moved_panels)


def test_an_unknown_module_is_still_not_found():
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("newsaudit.no_such_module")
