"""The BibTeX loader against pybtex, on one file: every disagreement, each under its class.

pybtex is run as its ``pybtex`` command runs it, in non-strict mode (errors are reported and
reading goes on). For every file pybtex reads, ``load_bibliography`` must:

- not refuse the file (``refused``: pybtex keeps entries, litreview none);
- keep every entry pybtex keeps, under the same key (``lost``), with the same type (``type``) and
  the same field values (``field``; white space runs compared as one space, as both loaders
  normalise them); a field pybtex does not have may come only through ``crossref``/``xdata``
  (``extra-field``); the same names in ``author``/``editor`` (``person``), unless it reported them;
- keep no entry pybtex does not (``extra``), except a key that differs only in case from one
  pybtex keeps (biber keeps those apart; litreview warns, LR108);
- point every finding at the file and a line of it, and each field at a line from its entry's on
  (``unlocated``), and report something when pybtex reports an error in an entry (``silent``).

Documented differences (not disagreements): an entry without a key keeps its fields in litreview
(pybtex keeps it empty, as ``unnamed-N``); litreview decodes a file that is not UTF-8 with
replacement characters and reports LR105 (pybtex refuses it; litreview is compared with pybtex on
the decoded text), macro expansion is capped (``load.MACRO_BUDGET``, reported as LR100), and a whole-line %
comment that opens no entry is skipped as pandoc and biber skip it, where pybtex stops the entry it is in (and may
start a new one at an ``@`` in a value after it): litreview is compared with pybtex reading the text without those
lines (``bibtex_comments.comment_lines``; an entry commented out line by line stays in it, as pybtex reads it).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from litreview.bibliography import bibtex_comments, names
from litreview.bibliography.latex import decode_latex


def pybtex_reading(text: str) -> tuple[Any, list[Exception]]:
    """(pybtex's BibliographyData or None when it refuses the text, the errors it reported).

    Errors are captured, so pybtex reads on as in its non-strict mode; the strict mode itself is
    left as it is (the loader relies on pybtex raising on names it cannot read).
    """
    import pybtex.errors
    from pybtex.database import parse_string

    with pybtex.errors.capture() as reported:
        try:
            return parse_string(text, "bibtex"), reported
        except Exception as exc:  # any refusal counts as "pybtex does not read it"
            return None, [*reported, exc]


def _norm(value: str) -> str:
    return " ".join(value.split())


def _parts(people: Any) -> list[tuple[str, ...]]:
    """(family, given, prefix, suffix) of pybtex's persons, decoded as the loader decodes them."""
    return [tuple(decode_latex(" ".join(words)) for words in (p.last_names, p.first_names + p.middle_names,
                                                                p.prelast_names, p.lineage_names)) for p in people]


def disagreements(text: str) -> list[str]:
    """'class: detail' for each way ``load_bibliography`` reads ``text`` otherwise than pybtex."""
    from pybtex.database import InvalidNameString

    from litreview.bibliography.load import load_bibliography
    from litreview.fileio import whole_file_codec

    raw = text.encode("utf-8", "surrogateescape")
    # (bytes not UTF-8 read as the loader reads them: pybtex refuses them)
    decoded = raw.decode(whole_file_codec(raw) or "utf-8", errors="replace").removeprefix("\ufeff")
    with tempfile.TemporaryDirectory(prefix="litreview-diff-") as folder:
        path = Path(folder) / "fuzz.bib"
        path.write_bytes(raw)
        ours = load_bibliography(path)
    out = []
    lines = decoded.count("\n") + 1
    for p in ours.problems:
        if p.file != str(path) or p.line is None or not 1 <= p.line <= lines:
            out.append(f"unlocated: {p.code} {p.message!r} at {p.file}:{p.line}")
    for source in ours.sources:  # a field's line (where its findings point) lies in its entry's text
        outside = {name: n for name, n in source.field_lines.items() if not (source.line or 1) <= n <= lines}
        if outside:
            out.append(f"unlocated: fields of {source.key!r} (line {source.line}) at lines {outside}")
    if any(p.code == "LR100" and "macro bomb" in p.message for p in ours.problems):
        return out  # pybtex has no cap: it would build the whole doubled string (gigabytes), so it is not asked
    # A whole-line % comment that opens no entry is skipped, as pandoc and biber skip it; pybtex stops an entry there,
    # and may then start one at an "@" inside a value. So pybtex reads the text without those lines (an entry
    # commented out line by line stays in it: pybtex reads that one, and so must the loader).
    theirs, reported = pybtex_reading(bibtex_comments.comment_lines(decoded)[0])
    if theirs is None:
        return out
    by_key = {s.key: s for s in ours.sources}
    if theirs.entries and not ours.sources:
        out.append(f"refused: pybtex keeps {len(theirs.entries)} entries, litreview none")
    folded = {k.lower() for k in theirs.entries}  # pybtex's keys ignore case
    for source in ours.sources:
        if source.key.lower() not in folded:
            out.append(f"extra: {source.key!r} (line {source.line})")
    named = {p.key for p in ours.problems if p.code == "LR104"}
    twice = {p.key for p in ours.problems if p.code == "LR101"}  # pybtex keeps the first, litreview (as pandoc) the last
    # "pages = 1-19": pybtex stops at the number and drops the fields after it; litreview reads on, as pandoc does
    # (LR100 at the entry says so).
    twice |= {p.key for p in ours.problems if p.code == "LR100" and "pandoc reads" in p.message}
    for key, entry in theirs.entries.items():
        source = by_key.get(key)
        if source is None:
            out.append(f"lost: {key!r}")
            continue
        if key in twice:
            continue
        if source.type != entry.type.lower():
            out.append(f"type: {key!r} {entry.type!r} read as {source.type!r}")
        for name, value in entry.fields.items():
            got = source.fields.get(name.lower())
            if got != _norm(value):  # the loader collapses white space runs and strips the ends
                out.append(f"field: {key!r} {name} = {value!r} read as {got!r}")
        # Fields pybtex lacks: inherited, or an entry without a key (pybtex keeps it empty, litreview
        # reads its fields as pybtex's keyless mode does), or an empty name list (no persons in pybtex).
        adds = any(n in source.fields for n in ("crossref", "xdata")) or (key.startswith("unnamed-") and not entry.fields)
        mine = {n.lower() for n in entry.fields} | {r.lower() for r in entry.persons}
        for name in source.fields.keys() - mine:
            if not adds and not (name in ("author", "editor") and not names.split_names(source.fields[name])):
                out.append(f"extra-field: {key!r} {name} = {source.fields[name]!r}")
        for role, people in entry.persons.items():
            ours_people = source.authors if role.lower() == "author" else source.editors
            if key in named or any("=" in str(p) for p in people):
                continue  # reported as unreadable (LR104), or biblatex's extended form (read as biber does)
            got = [(p.family, p.given, p.prefix, p.suffix) for p in ours_people]
            if got != _parts(people):
                out.append(f"person: {key!r} {role} {_parts(people)} read as {got}")
    errors = [e for e in reported if not (isinstance(e, InvalidNameString) and "=" in str(e))]
    if errors and not ours.problems:  # (pybtex cannot read biblatex's extended names; litreview does)
        out.append(f"silent: pybtex reports {errors[0]}")
    return out


def bib_vs_pybtex(text: str) -> None:
    """The fuzz target: any disagreement is an AssertionError listing them all."""
    found = disagreements(text)
    assert not found, "\n".join(found)
