"""Module-level regular expressions compiled on first use, so that importing a module costs nothing for
the patterns a run never uses (``re`` takes 0.1-1.5 ms to compile each, in pure Python, at every start).
"""

from __future__ import annotations

import re
from typing import Any, cast

_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class _Deferred:
    """Stands for ``re.compile(pattern, flags)``: compiles on the first attribute asked, then keeps the
    compiled pattern's methods as its own attributes, so later calls cost what the pattern's own do."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only reached for an attribute not yet copied
        if name.startswith("__") or name == "_args":
            raise AttributeError(name)
        compiled = re.compile(*self._args)
        vars(self).update((a, getattr(compiled, a)) for a in _ATTRIBUTES)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r}, {self._args[1]!r})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used. For patterns kept in a module and
    called by their methods (``search``, ``sub``, ...) or read (``pattern``, ``flags``); not for a
    pattern handed to ``re`` functions or tested with ``isinstance``, which need the compiled one."""
    return cast("re.Pattern[str]", _Deferred(pattern, int(flags)))
