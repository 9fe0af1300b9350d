"""Notes pandoc does not print as written (``NoteDefinition``, from the Markdown reader's parse): a note nothing
references, which pandoc drops with its citations ("Note with key '2' defined ... but not used"), and a label defined
again further on (in the same file or, for files pandoc or Manubot joins, a later one), whose earlier note pandoc
replaces by the last at every reference ("Duplicate note reference '3'"). The readers have already resolved the notes
so: the notices say why a note's citations are missing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..text import and_list
from .cites import find_citations, mask_inline
from .md_notes import NoteDefinition

UNREFERENCED = "unreferenced-note"
DUPLICATE = "duplicate-note-label"

Where = Callable[[int], tuple[str, int]]
"""The file and line of a line of the parsed body (0-based)."""


def note_notices(body: str, notes: list[NoteDefinition], where: Where) -> list[tuple[str, str, int, str, str]]:
    """A notice (``essay.Notice``) for each footnote definition pandoc does not print: each one a later definition of
    its label replaces (``DUPLICATE``), and the last of a label nothing references (``UNREFERENCED``), in order."""
    if not notes:
        return []
    lines = body.split("\n")
    places = [where(note.lines[0]) for note in notes]  # (asked in order: the joined files' lines counted once)
    last = {note.label: k for k, note in enumerate(notes)}
    twice = [(label, places[k][0]) for label, k in last.items() if notes[k].references > 1]
    out = []
    for k, note in enumerate(notes):
        file, line = places[k]
        lost = _citations(lines, note)
        if last[note.label] != k:
            later_file, later_line = places[last[note.label]]
            at = f"line {later_line}" if later_file == file else f"{Path(later_file).name} line {later_line}"
            out.append((DUPLICATE, file, line,
                        f"note [^{note.label}] is defined again at {at}: pandoc prints that note at every "
                        f"[^{note.label}] and drops this one{_with(lost)} (its warning: \"Duplicate note reference\")",
                        f"give one of the two notes another label ([^{note.label}b]) and reference it where it "
                        "belongs"))
        elif not note.references:
            near = [f"[^{label}]" for label, defined in twice if defined == file]  # (in its file: the likely slip)
            meant = (f" (a note referenced twice, {and_list(near)}, may be where [^{note.label}] was meant)"
                     if near else "")
            out.append((UNREFERENCED, file, line,
                        f"note [^{note.label}] is never referenced: pandoc drops it{_with(lost)} (its warning: "
                        "\"defined but not used\")",
                        f"reference it where it belongs, [^{note.label}] in the text{meant}, or delete it"))
    return out


def _citations(lines: list[str], note: NoteDefinition) -> list[str]:
    """The keys a note cites, each once, in order."""
    text = "\n".join(lines[note.lines[0]:note.lines[1]])
    if "@" not in text:
        return []
    return list(dict.fromkeys("@" + c.key for c in find_citations(mask_inline(text), text)))


def _with(keys: list[str]) -> str:
    return f", and its citations with it ({and_list(keys)})" if len(keys) > 1 else \
        f", and its citation with it ({keys[0]})" if keys else ""


