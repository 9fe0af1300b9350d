"""pybtex's packages ready for their submodules, their ``__init__`` deferred until something needs it.

pybtex's ``__init__`` looks up its own version in the installed distributions' metadata
(``importlib.metadata``: 20-30 ms, 5-7% of a cold ``litreview check``), and ``pybtex.bibtex``'s
imports it for its engine; the loader uses only submodules (the BibTeX scanner and names).
``prepare()`` puts both packages in ``sys.modules`` without running their ``__init__``; the
first attribute asked of one that is not a submodule (``pybtex.__version__``,
``pybtex.Engine``) runs it, so any other user of pybtex in the same process sees the
packages as usual.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from importlib.machinery import PathFinder
from typing import Any

_PACKAGES = ("pybtex", "pybtex.bibtex")


def prepare() -> None:
    """Make ``import pybtex.<submodule>`` skip the packages' ``__init__`` (idempotent)."""
    for name in _PACKAGES:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or spec.submodule_search_locations is None:
            return  # not the package we know: the ordinary import reports what is wrong
        module = _deferred(name, spec)
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)  # what the import system does for a submodule
    if "pybtex.plugin" not in sys.modules and "importlib.metadata" not in sys.modules:
        _import_plugin_registry()


def _import_plugin_registry() -> None:
    """Import ``pybtex.plugin``, whose ``entry_points`` then imports ``importlib.metadata`` when first called.

    ``pybtex.plugin`` (which every parser module imports) takes ``entry_points`` from
    ``importlib.metadata`` at import time, and uses it only to look up a plugin by name, which
    the loader never does. For the duration of that one import a stand-in module offers it.
    """
    def entry_points(**params: Any) -> Any:
        from importlib import metadata

        return metadata.entry_points(**params)

    stand_in = types.ModuleType("importlib.metadata")
    stand_in.entry_points = entry_points  # type: ignore[attr-defined]
    sys.modules["importlib.metadata"] = stand_in
    try:
        importlib.import_module("pybtex.plugin")
    finally:
        if sys.modules.get("importlib.metadata") is stand_in:
            del sys.modules["importlib.metadata"]


def _deferred(name: str, spec: Any) -> Any:
    """The package's module object, its ``__init__`` run on the first attribute that is not a submodule."""
    loader = spec.loader
    folders = list(spec.submodule_search_locations)
    module = importlib.util.module_from_spec(spec)

    def init_on_first_use(attribute: str) -> Any:
        if PathFinder.find_spec(f"{name}.{attribute}", folders) is not None:
            raise AttributeError(attribute)  # a submodule not imported yet: the import system imports it
        del module.__dict__["__getattr__"]
        loader.exec_module(module)
        return getattr(module, attribute)

    module.__getattr__ = init_on_first_use  # type: ignore[method-assign]
    return module
