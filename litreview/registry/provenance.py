"""Where a snapshot record came from, and whether it may be used.

Every record stores the base URL of the registry that answered and when. A record
counts only when that base URL is one of the configured registries'; a mirror's or a
test server's answers are never read as the real registries' (and ``fetch`` refuses
to write them into a snapshot folder that was not chosen for them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .handler import origin, same_origin


@dataclass(frozen=True, slots=True)
class Origins:
    """The registry base URLs whose records count."""

    bases: frozenset[str]

    @classmethod
    def real(cls) -> Origins:
        """The real registries' base URLs (the default when nothing is configured)."""
        from .handlers import HANDLERS

        return cls(frozenset(h.default_url for h in HANDLERS))

    @classmethod
    def from_config(cls, config: Any) -> Origins:
        """The base URLs the configuration points each handler at."""
        from .handlers import HANDLERS

        return cls(frozenset(h.base_url(config) for h in HANDLERS))

    def accepts(self, registry: str, source_url: str = "", synthetic: bool = False) -> bool:
        """True when a record from ``registry`` (its base URL) may be used.

        Files written before provenance was kept have no ``registry``: they count unless
        they are synthetic and their URL is not a configured registry's.
        """
        if registry:
            return any(same_origin(registry, base) for base in self.bases)
        if not synthetic or not source_url:
            return True
        return origin(source_url) in {origin(base) for base in self.bases}


def foreign_note(kind: str, where: str) -> str:
    """The reason shown for a record that was ignored because of where it came from."""
    return (f"ignored the snapshot's {kind} from {origin(where) or where or 'an unknown server'}, which is not "
            "a configured registry (a mirror or a test server); `litreview fetch` asks the configured ones")


def non_real(config: Any) -> list[str]:
    """'LITREVIEW_X_URL=...' for every handler whose configured base URL is not the real registry's."""
    from .handlers import HANDLERS

    return [f"{h.setting} = {h.base_url(config)} (env {h.env})" for h in HANDLERS if not h.is_real(config)]


def describe(items: Iterable[str]) -> str:
    return "; ".join(items)
