"""A LaTeX paragraph's text (``latex_cites._convert``'s) as its citations are read: pandoc's LaTeX reader reads them
from the citation commands alone, so every other "@", and a bracket right after a command's pandoc form, is masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .cites import COMMAND_OPEN, MASK

# A key a citation command's pandoc form names (``latex_cites._marker``): "@{...}", as cites.KEY reads it.
_WRITTEN_KEY = re.compile(r"@\{(?:[^{}\s]|\{[^{}\s]*\})+\}")


def commands_only(text: str, commands: Sequence[tuple[int, str, str]]) -> str:
    """``text`` (``latex_cites._convert``'s) as its citations are read: each "@" that no citation command wrote made
    ``cites.MASK`` (the same length). pandoc's LaTeX reader reads citations from the commands alone; an address's
    "\\{a, b\\}@host.ch", a "see @a" in prose or in a command's note, read as Markdown, cited "host.ch" and "a".
    ``commands``: (offset in ``text``, its pandoc form there, as written), as ``latex_cites._convert`` lists them."""
    if "@" not in text:
        return text
    pieces: list[str] = []
    at = 0
    for start, marker, _ in commands:
        for m in _WRITTEN_KEY.finditer(marker):
            if start + m.start() >= at:
                pieces += [text[at:start + m.start()].replace("@", MASK), text[start + m.start():start + m.end()]]
                at = start + m.end()
    pieces.append(text[at:].replace("@", MASK))
    return _closed_markers("".join(pieces), commands)


def _closed_markers(masked: str, commands: Sequence[tuple[int, str, str]]) -> str:
    """``masked`` with what follows each command's bracketed form read as LaTeX reads it, not as a link's label or
    target: pandoc's LaTeX reader reads ``\\cite{a}\\cite{b}`` and ``\\cite{a}[p. 3]`` as normal citations, which
    read as Markdown (``[@{a}][@{b}]``, ``[@{a}][p. 3]``) were "@a" in text. A following command's "[" becomes
    ``cites.COMMAND_OPEN``, any other "[" or "{" ``cites.MASK``."""
    starts = {start for start, _, _ in commands}
    chars: list[str] | None = None
    for start, marker, _ in commands:
        end = start + len(marker)
        if marker.endswith("]") and masked[end:end + 1] in ("[", "{"):
            chars = chars if chars is not None else list(masked)
            chars[end] = COMMAND_OPEN if end in starts and masked[end] == "[" else MASK
        if marker.startswith("[") and ";" in marker:
            for at in _note_semicolons(marker):
                chars = chars if chars is not None else list(masked)
                chars[start + at] = MASK
    return masked if chars is None else "".join(chars)


def _note_semicolons(marker: str) -> Iterator[int]:
    """The offset of each ";" of a bracketed pandoc form that a note holds (natbib's ``\\citep[ARD;][]{a}``,
    ``[ARD; @{a}]``), not one that separates its items: every item holds a key, so a ";" not followed by one before
    the next is a note's. Read as Markdown, a part without a key made the bracket no citation, "@a" in text."""
    parts = marker.split(";")
    at = 0
    keyed = False  # whether a part so far holds a key (each part searched once: a list of 60,000 keys took 7 s)
    for n, part in enumerate(parts[:-1]):
        at += len(part)
        keyed = keyed or _WRITTEN_KEY.search(part) is not None
        if not keyed or not _WRITTEN_KEY.search(parts[n + 1]):
            yield at
        at += 1
