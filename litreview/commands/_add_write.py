"""`litreview add`'s write: append under the lock, re-checked against the bibliographies as they are now.

The registry look-ups happen before the write and may take a while; an entry typed
into the .bib, or into another of the bibliographies (or added by a second `litreview add`)
meanwhile must survive, and must still be seen as a duplicate. So the fetched records are
applied again to the files' current content whenever one differs from what was read at the start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..config import Config
    from ._adder import Adder
    from .add import Outcome


def write_added(path: Path, raw: bytes, others: Mapping[Path, bytes | None], adder: Adder,
                outcomes: list[Outcome], config: Config) -> list[Outcome]:
    """Append the added entries to ``path``; ``others`` are the other bibliographies' bytes as read
    at the start. Returns the outcomes as finally written."""
    from ..bibliography.write import append_entries
    from ..safewrite import update_file
    from ._adder import Adder, Unverified
    from .add import _add_record, _add_unverified, _load_bytes, _others, with_others

    added = [o for o in outcomes if o.status == "added"]
    result = outcomes

    def change(now: bytes | None) -> bytes | None:
        nonlocal result
        now = now or b""
        others_now = _others(config, path)
        if now == raw and others_now == others:
            result, entries = outcomes, adder.entries
        else:
            fresh = Adder(with_others(_load_bytes(now, path), others_now), config, force=adder.force,
                          foreign_ok=adder.foreign_ok)
            redo = {id(o): _add_unverified(fresh, o.request, item) if isinstance(item, Unverified)
                    else _add_record(fresh, o.request, item) for o, item in zip(added, adder.added, strict=True)}
            result, entries = [redo.get(id(o), o) for o in outcomes], fresh.entries
        return append_entries(now, entries) if entries else None

    update_file(path, change)
    return result
