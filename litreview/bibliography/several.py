"""Findings that name another entry or another file: a key defined twice or in another case, a macro another
file defines.

Pure functions over ``Finding`` and ``Bibliography`` values; the loaders (``load``, ``csl``) and
``review.load_all`` (several bibliographies) call them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Bibliography, Finding
from . import bibtex


def duplicate_key(key: str, unused: tuple[str | None, int | None], used: tuple[str | None, int | None], *,
                  word: str = "key") -> Finding:
    """LR101 for a key defined twice, at the entry not used (``unused``: file, line), naming the later
    definition (``used``): pandoc (citeproc) uses the last entry with a key, BibTeX and biber the first."""
    file, line = used
    if file == unused[0]:
        where = f"on line {line}" if line else "later in the file"
    else:
        where = f"in {_file_name(file)}" + (f" line {line}" if line else "")
    used_one = "entry with this key, BibTeX and biber the first" if word == "key" else "item with this id"
    return Finding(code="LR101", severity="error", key=key, file=unused[0], line=unused[1],
                   message=f"duplicate {word} {key!r}: defined again {where} (pandoc uses the last {used_one})",
                   hint="Rename one of the two entries, or delete the one you do not want")


def duplicate_key_at_used(problem: Finding, file: str, line: int) -> Finding:
    """LR101 ``problem`` (at the definition pandoc drops) told at the one it uses (``file``, ``line``), as a pull
    request shows it where it added that definition: the message names the other one."""
    word = "id" if problem.message.startswith("duplicate id") else "key"
    other = f"line {problem.line}" if problem.file == file else f"{problem.file} line {problem.line}"
    used = "this one, the last entry with it; BibTeX and biber the first" if word == "key" else "this item, the last"
    return replace(problem, file=file, line=line,
                   message=f"duplicate {word} {problem.key!r}: also defined on {other} (pandoc uses {used})")


def case_clash(key: str, other: str, other_line: int | None, file: str | None, line: int | None) -> Finding:
    """LR108 for ``key`` (at ``file``, ``line``), which differs only in case from ``other`` (at ``other_line``)."""
    return Finding(code="LR108", severity="warning",
                   message=f"key {key!r} differs only in case from {other!r} (line {other_line})",
                   hint="Keep them apart by more than case: BibTeX and pandoc treat them as one key",
                   key=key, file=file, line=line)


def macro_in_other_file(problem: Finding, earlier: Sequence[Bibliography],
                        later: Sequence[Bibliography]) -> Finding:
    """An "undefined @string" finding told where the macro is defined when another file given defines it.

    BibTeX and biber read the files of one build in order and share their macros, so a macro
    defined in an earlier file is known (pandoc reads each file alone, and prints the macro's
    name): a warning. One defined only in a later file is empty for all of them: an error naming it.
    """
    marker = "undefined @string '"
    start = problem.message.find(marker)
    if problem.code != "LR100" or start < 0:
        return problem
    name = problem.message[start + len(marker):].split("'", 1)[0]
    said = f"undefined @string {name!r}: BibTeX and biber leave the field empty"
    before = [b.file for b in earlier if name.casefold() in bibtex.string_names(b.text)]
    after = [b.file for b in later if name.casefold() in bibtex.string_names(b.text)]
    if before:
        where = _file_name(before[-1])
        told = (f"@string {name!r} is defined in {where}, not in this file: BibTeX and biber, given {where} "
                f"first, share it; pandoc reads each file alone and prints {name!r}")
        return replace(problem, severity="warning",
                       message=problem.message.replace(said, told).removeprefix("BibTeX syntax error: "),
                       hint=f"If pandoc renders the essay, define {name!r} in this file too (or merge the files); "
                            "BibTeX and biber need nothing")
    if after:
        where = _file_name(after[0])
        told = (f"undefined @string {name!r}: only {where}, given after this file, defines it, and BibTeX and "
                "biber read the files in order")
        return replace(problem, message=problem.message.replace(said, told),
                       hint=f"Give {where} before this file (first in --bib, or in \\bibliography{{...}})")
    return problem


def _file_name(path: str | None) -> str:
    return (path or "").replace(chr(92), "/").rsplit("/", 1)[-1]
