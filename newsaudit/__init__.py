"""newsaudit: source-attribution, sourcing, readability and bias audits for news articles."""

import importlib
import importlib.abc
import importlib.util
import sys
from importlib.machinery import ModuleSpec
from types import ModuleType

__version__ = "0.1.0"

# Documented import paths of modules that moved into subpackages: the old path imports the moved module itself
# (the same module object), so sites' code keeps working. A finder rather than a stub file at the old path: a stub
# would also hide the move from git, which then could not carry changes to the old file over to the new one.
MOVED_MODULES = {
    "newsaudit.extract": "newsaudit.pages.extract",
    "newsaudit.page_types": "newsaudit.pages.page_types",
    "newsaudit.edit_views": "newsaudit.panels.edit_views",
    "newsaudit.viewsets": "newsaudit.panels.viewsets",
}


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        return importlib.util.spec_from_loader(fullname, self) if fullname in MOVED_MODULES else None

    def exec_module(self, module: ModuleType) -> None:
        # The import system returns whatever sys.modules holds for the name once the loader is done.
        sys.modules[module.__name__] = importlib.import_module(MOVED_MODULES[module.__name__])


if not any(isinstance(finder, _MovedModules) for finder in sys.meta_path):
    sys.meta_path.append(_MovedModules())
