"""Findings that name another entry or another file: a key defined twice or in another case, a macro another
file defines; and what an entry inherits from another file's entry, as biber reads a document's files as one.

Pure functions over ``Finding`` and ``Bibliography`` values; the loaders (``load``, ``csl``) and
``review.load_all`` (several bibliographies) call them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..lazyre import lazy
from ..model import Bibliography, Finding, Source
from . import bibtex, inherit


def parents_elsewhere(sources: Sequence[Source]) -> list[tuple[Source, str, str, str | None]]:
    """(entry, link field, key, the key's file) for each ``crossref`` or ``xdata`` of an entry that names an entry of
    another file given with it (none of its own file): biber resolves them across a document's files, pandoc reads
    each file alone."""
    if not any("crossref" in s.fields or "xdata" in s.fields for s in sources):
        return []
    where: dict[str, str | None] = {}
    own: set[tuple[str | None, str]] = set()
    for source in sources:
        where.setdefault(source.key.casefold(), source.file)
        own.add((source.file, source.key.casefold()))
    return [(source, name, target, where[target.casefold()]) for source in sources
            for name in ("crossref", "xdata") for target in inherit.targets(source.fields.get(name, ""))
            if target.casefold() in where and (source.file, target.casefold()) not in own]


def inherit_across(sources: Sequence[Source]) -> tuple[Source, ...]:
    """``sources`` (several files read as one) with what each inherits through a ``crossref`` or ``xdata`` naming
    another file's entry, as biber inherits it (a child's own fields win)."""
    if not parents_elsewhere(sources):
        return tuple(sources)
    from .load import with_fields  # (load imports this module)

    merged = inherit.resolve({s.key: (s.type, s.fields) for s in sources})
    return tuple(s if merged[s.key] == dict(s.fields) else with_fields(s, merged[s.key]) for s in sources)


def duplicate_key(key: str, unused: tuple[str | None, int | None], used: tuple[str | None, int | None], *,
                  word: str = "key", copies: int = 2, alike: bool = False, first: bool = False) -> Finding:
    """LR101 for a key defined twice (or ``copies`` times), at the entry not used (``unused``: file, line), naming
    the last definition (``used``): pandoc (citeproc) uses the last entry with a key, BibTeX and biber the first.
    ``alike``: the copies are one entry written again (type and fields alike), which is deleted, not renamed.
    ``first``: the document is built by BibTeX or biber, which use the first (``used``), and ``unused`` is a later
    copy."""
    file, line = used
    # Only the copy used is read by the entry checks: a fault of this one (a DOI, a page range) shows only after the
    # rename, so say so (the copies alike have no fault of their own).
    unread = "" if alike else f"; its fields are not checked until it has {'an id' if word == 'id' else 'a key'} of its own"
    if file == unused[0]:
        where = f"on line {line}" if line else ("earlier" if first else "later") + " in the file"
    else:
        where = f"in {file_name(file, unused[0])}" + (f" line {line}" if line else "")
    if first:
        said = ("the same entry is written first" if alike else "BibTeX and biber use the first") + f", {where}"
        return Finding(code="LR101", severity="error", key=key, file=unused[0], line=unused[1],
                       message=f"duplicate {word} {key!r}: " + (f"{copies} entries have it; " if copies > 2 else "")
                               + f"{said}; BibTeX reports this one as a repeated entry and biber skips it (pandoc uses the last)"
                               + unread,
                       hint=(("Delete this copy" if copies == 2 else "Delete the copies after the first") if alike else
                             "Rename one of the entries, or delete the ones you do not want"))
    used_one = "entry with this key, BibTeX and biber the first" if word == "key" else "item with this id"
    if copies > 2:  # "defined again on line 281" of each of 20 copies, and "one of the two": say how many
        noun = "entries" if word == "key" else "items"
        return Finding(code="LR101", severity="error", key=key, file=unused[0], line=unused[1],
                       message=f"duplicate {word} {key!r}: {copies} {noun} have it, the last {where} (pandoc uses "
                               f"the last {used_one}){unread}",
                       hint=f"Delete all the copies but one: the {copies} {noun} are one entry written again"
                       if alike else f"Give each of the {copies} {noun} a {word} of its own, or delete the ones you do "
                       "not want")
    if alike:  # an export that wrote one entry twice: nothing to choose between
        return Finding(code="LR101", severity="error", key=key, file=unused[0], line=unused[1],
                       message=f"duplicate {word} {key!r}: the same entry is written again {where} (BibTeX "
                               "reports the repeated entry as an error, biber warns of it)",
                       hint="Delete one of the two copies")
    return Finding(code="LR101", severity="error", key=key, file=unused[0], line=unused[1],
                   message=f"duplicate {word} {key!r}: defined again {where} (pandoc uses the last {used_one}){unread}",
                   hint="Rename one of the two entries, or delete the one you do not want")


def as_bibtex_reads(bib: Bibliography) -> Bibliography:
    """``bib`` (one file, read as pandoc reads it: of a key defined again, the last entry) as BibTeX and biber read
    it: the first entry of each such key (``Bibliography.earlier``), in its place, and LR101 at the copies after it;
    an entry inheriting from such a key, from that first entry."""
    if not bib.earlier:
        return bib
    firsts = {s.key: s for s in bib.earlier}  # (and the entries inheriting from one)
    lasts = {s.key: s for s in bib.sources if s.key in firsts}
    lines: dict[str, list[int]] = {}  # the lines of each key's copies but the last
    kept: list[Finding] = []
    for p in bib.problems:
        if p.code == "LR101" and p.key in firsts and p.file == bib.file and p.line is not None:
            lines.setdefault(p.key, []).append(p.line)
        else:
            kept.append(p)
    told: list[Finding] = []
    for key, first in ((key, firsts[key]) for key in lines):
        last = lasts.get(key)
        later = [n for n in lines[key] if n != first.line] + ([last.line] if last is not None and last.line else [])
        alike = last is not None and (first.type, dict(first.fields)) == (last.type, dict(last.fields))
        told += [duplicate_key(key, (bib.file, n), (bib.file, first.line), copies=len(later) + 1, alike=alike,
                               first=True) for n in later]
    order = sorted([*firsts.values(), *(s for s in bib.sources if s.key not in firsts)], key=lambda s: s.line or 0)
    return replace(bib, sources=tuple(order), problems=tuple(sorted([*kept, *told], key=lambda p: p.line or 0)),
                   earlier=())


def chapters_key(earlier: Source, later: Source) -> Finding | None:
    """LR101 for a key two chapters of a Quarto book give in their front matter ``references`` (``earlier``,
    ``later``), or None when the two items describe the same work (``Source.to_json``'s fields alike: a note or an
    abstract aside): Quarto renders each chapter with its own references, so only two items that differ are a
    clash (the book's citations read the later)."""
    if earlier.to_json() == later.to_json():
        return None
    other, this = file_name(later.file, earlier.file), file_name(earlier.file, later.file)
    first, second = ((repr(s.title) if s.title else f"a {s.csl_type or s.type}") + (f" ({s.year})" if s.year else "")
                     for s in (earlier, later))
    if first == second:  # the same title and year: name what differs (the authors, the journal, the DOI)
        one, two = earlier.to_json(), later.to_json()
        first, second = "one item", "another (its " + ", ".join(name for name in one if one[name] != two[name]) + ")"
    return Finding(code="LR101", severity="warning", key=earlier.key, file=earlier.file, line=earlier.line,
                   message=f"duplicate id {earlier.key!r}: {this} gives {first}, {other}"
                           + (f" line {later.line}" if later.line else "") + f" {second}; Quarto renders each "
                           f"chapter with its own item, so the book cites two different items by one key (litreview "
                           f"checks both chapters' citations against {other}'s)",
                   hint=f"Give one of the two items an id of its own and cite it by that id in its chapter, or "
                        f"make the item in {this} the same as in {other} if they are one work")


def duplicate_key_at_used(problem: Finding, file: str, line: int) -> Finding:
    """LR101 ``problem`` (at the definition pandoc drops) told at the one it uses (``file``, ``line``), as a pull
    request shows it where it added that definition: the message names the other one."""
    word = "id" if problem.message.startswith("duplicate id") else "key"
    other = f"line {problem.line}" if problem.file == file else f"{problem.file} line {problem.line}"
    used = "this one, the last entry with it; BibTeX and biber the first" if word == "key" else "this item, the last"
    unread = problem.message.partition("; its fields are not checked")[2]  # (``duplicate_key``'s words)
    return replace(problem, file=file, line=line,
                   message=f"duplicate {word} {problem.key!r}: also defined on {other} (pandoc uses {used})"
                           + (f"; the fields of the one on {other} are not checked{unread}" if unread else ""))


def case_clash(key: str, other: str, other_line: int | None, file: str | None, line: int | None) -> Finding:
    """LR108 for ``key`` (at ``file``, ``line``), which differs only in case from ``other`` (at ``other_line``)."""
    return Finding(code="LR108", severity="warning",
                   message=f"key {key!r} differs only in case from {other!r} (line {other_line})",
                   hint="Keep them apart by more than case: BibTeX reads them as one key (pandoc and biber keep two)",
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
        where = file_name(before[-1], problem.file)
        told = (f"@string {name!r} is defined in {where}, not in this file: BibTeX and biber, given {where} "
                f"first, share it; pandoc reads each file alone and prints {name!r}")
        return replace(problem, severity="warning",
                       message=problem.message.replace(said, told).removeprefix("BibTeX syntax error: "),
                       hint=f"If pandoc renders the essay, define {name!r} in this file too (or merge the files); "
                            "BibTeX and biber need nothing")
    if after:
        where = file_name(after[0], problem.file)
        told = (f"undefined @string {name!r}: only {where}, given after this file, defines it, and BibTeX and "
                "biber read the files in order")
        return replace(problem, message=problem.message.replace(said, told),
                       hint=f"Give {where} before this file (first in --bib, or in \\bibliography{{...}})")
    return problem


def macro_beside(problem: Finding, beside: Sequence[tuple[str, frozenset[str]]]) -> Finding:
    """An "undefined @string" finding no file given resolves, told which file ``beside`` it (name, the @string names
    it defines: a .bib of its folder not given) defines the macro: a strings file kept apart from the entries, the
    entries' file given alone, is given first, not each macro defined again."""
    name = macro_undefined(problem)
    found = next((other for other, names in beside if name is not None and name.casefold() in names), None)
    if found is None or name is None:
        return problem
    this = file_name(problem.file)
    stems = ",".join(n.rsplit(".", 1)[0] if n.lower().endswith(".bib") else n for n in (found, this))
    # (the hint alone: the message is the one a check of the file's past version, without the files beside, made)
    return replace(problem, hint=f"{found}, beside this file but not given, defines this @string: give it before "
                                 f"this file, --bib {found} --bib {this} (bibliography: [{found}, {this}] in a "
                                 f"front matter, \\bibliography{{{stems}}} in LaTeX)")


def macros_of_a_strings_file(problems: Sequence[Finding], files: Sequence[tuple[str | None, str]]) -> list[Finding]:
    """``problems`` with each "undefined @string" finding of a file that defines no @string and leaves three macros
    or more undefined (not a month's name, which "month = December" leaves) told to be given after the file that
    defines them: the file is one part of a build whose strings file comes first (an Emacs or DBLP-style
    ``defs.bib`` checked alone), not one with each macro to define again. The hint is one for all of them."""
    undefined: dict[str | None, set[str]] = {}
    for p in problems:
        if (name := macro_undefined(p)) is not None and name.capitalize() not in bibtex.MONTH_NAMES:
            undefined.setdefault(p.file, set()).add(name.casefold())
    parts = {file for file, names in undefined.items() if len(names) >= 3
             and not bibtex.string_names(next((text for f, text in files if f == file), "@string"))}
    if not parts:
        return list(problems)
    out = []
    for p in problems:
        if p.file in parts and macro_undefined(p) is not None:
            this = file_name(p.file)
            stem = this.rsplit(".", 1)[0] if this.lower().endswith(".bib") else this
            p = replace(p, hint=f"This file uses {len(undefined[p.file])} @string macros and defines none: give the "
                                f"file that defines them before it (--bib strings.bib --bib {this}; "
                                f"\\bibliography{{strings,{stem}}} in LaTeX), as BibTeX and biber share the macros of a "
                                "build's files; or put a value that is text in braces")
        out.append(p)
    return out


def macro_undefined(problem: Finding) -> str | None:
    """The @string name an LR100 finding says no file given defines (``load``'s message, which ``macro_in_other_file``
    left as it was), else None."""
    found = _MACRO_UNDEFINED.search(problem.message) if problem.code == "LR100" else None
    return found.group(1) if found else None


_MACRO_UNDEFINED = lazy(r"\bundefined @string '([^']*)': BibTeX and biber leave the field empty")


def macro_not_read(problem: Finding) -> str | None:
    """The @string name a loading finding says no file of the build defines (or pandoc does not read from another
    file), else None: the entry is read whole, that field alone left empty (or printed as the name)."""
    if problem.code != "LR100":
        return None
    found = _MACRO_NOT_READ.search(problem.message)
    return (found.group(1) or found.group(2)) if found else None


_MACRO_NOT_READ = lazy(r"\bundefined @string '([^']*)'|^@string '([^']*)' is defined in ")
"""The messages of ``load`` and ``macro_in_other_file`` on a macro the field names."""


def file_name(path: str | None, beside: str | None = None) -> str:
    """A path's last part, as messages name a file given with another; with more of its folders, from the last, when
    ``beside`` (the file the message names with it) ends in the same name: "intro/index.qmd" beside
    "methods/index.qmd", as two chapters of a book are told apart."""
    parts = (path or "").replace(chr(92), "/").split("/")
    if beside is None:
        return parts[-1]
    other = beside.replace(chr(92), "/").split("/")
    n = 1
    while n < len(parts) and parts[-n:] == other[-n:]:
        n += 1
    return "/".join(parts[-n:])
