"""Checks on the bibliography alone: required fields and identifiers (LR110's hints: ``checks.required_hints``;
dates: ``checks.bib_dates``; duplicates: ``checks.duplicates``).

Pure functions over ``Bibliography``; formatting defects live in ``checks.style``.
A finding about one field points at that field's line, any other at the entry's ``@type{key,`` line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlsplit

from ..bibliography.latex import full_title
from ..doi import (
    bare_doi,
    doi_problem,
    doi_url,
    has_prefix,
    is_citeseer_id,
    is_short_doi,
    latex_escaped,
    normalize_doi,
    percent_decoded,
    several_dois,
    trailing_punctuation,
)
from ..essay.ids import id_problem
from ..lazyre import lazy
from ..locale_terms import PUBLISHER_WORDS, alternation
from ..model import Bibliography, Finding, Source
from ..text import clipped, fold_words
from .catalogue import CATALOGUE, finding
from .field_values import endnote_fix, has_field, plain
from .hints import csl_form, in_own_terms, in_own_words, own_name
from .renderers import BIBER, CITEPROC, Renderer, fields_read, group_read
from .required_hints import CHAPTER_AS_TITLE, FIELD_HINTS, HELD_IN, missing_hint

# Alternatives: any one of the names satisfies the requirement (biblatex aliases included).
_YEAR = ("year", "date")
_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal", "journaltitle"), _YEAR),
    "book": (("author", "editor"), ("title",), _YEAR),
    "mvbook": (("author", "editor"), ("title",), _YEAR),
    "inbook": (("author", "editor"), ("title",), _YEAR),
    "bookinbook": (("author", "editor"), ("title",), _YEAR),
    "incollection": (("author",), ("title",), ("booktitle",), _YEAR),
    "inproceedings": (("author",), ("title",), ("booktitle",), _YEAR),
    "conference": (("author",), ("title",), ("booktitle",), _YEAR),
    "collection": (("editor",), ("title",), _YEAR),
    "proceedings": (("title",), _YEAR),
    "techreport": (("author",), ("title",), ("institution",), _YEAR),
    "report": (("author",), ("title",), ("institution",), _YEAR),
    "phdthesis": (("author",), ("title",), ("school", "institution"), _YEAR),
    "mastersthesis": (("author",), ("title",), ("school", "institution"), _YEAR),
    "thesis": (("author",), ("title",), ("institution", "school"), _YEAR),
    "unpublished": (("author",), ("title",)),
    "patent": (("author",), ("title",), ("number",), _YEAR),
    # Web pages and statutes often have no personal author or date of their own.
    "online": (("title",), ("url", "doi", "eprint"), ("year", "date", "urldate")),
    "www": (("title",), ("url", "doi", "eprint"), ("year", "date", "urldate")),
    "electronic": (("title",), ("url", "doi", "eprint"), ("year", "date", "urldate")),
    "manual": (("title",),),
    "booklet": (("title",),),
    "misc": (("title", "howpublished"),),
    "dataset": (("title",),),
    "software": (("title",),),
}
# CSL requires no variable: with no author a style names the editor, else the title (pandoc cites a treaty or a
# statute by its title), so for an item read from CSL the groups of names drop out and the title is what counts.
_NAMES = frozenset({"author", "editor"})
_NEEDS_PUBLISHER = frozenset({"book", "mvbook", "inbook", "bookinbook", "incollection"})

_ISBN_SPLIT = lazy(r"(?<!\s)\s*(?:[,;/]|\band\b)\s*")
_ISBN_CHARS = lazy(r"[\s\-‐–]")
_NOT_ISBN = lazy(r"[^\d\s\-‐–Xx]+")
_PERL_REFERENCE = lazy(r"(?:ARRAY|HASH|SCALAR)\(0x[0-9a-fA-F]{1,16}\)")
"""What a Perl program writes for a list or a table it was to print the values of ("ARRAY(0x500bad18)")."""
_QUOTED_LIST = lazy(r"\[\s*(['\"])[^'\"\[\]]*\1(?:\s*,\s*(['\"])[^'\"\[\]]*\2)*\s*,?\s*\]")
"""A Python list of strings written as text ("['9780999241165']"), as a script's export writes a list field."""
_WORDS = lazy(r"[^\W\d_]+(?:[ .,'&-]+[^\W\d_]+)+\.?")
"""Words and nothing else, two or more ("University of Virginia")."""
_URL_COMMAND = lazy(r"\\url(?![A-Za-z@])")
"""LaTeX's ``\\url`` (not ``\\urldate`` or ``\\urlprefix``: a control word ends at its first non-letter)."""
_URL_ESCAPE = lazy(r"(?<!\\)\\+([&%_#$~])|\$\\sim\$|\\textasciitilde\b")
"""A LaTeX escape in a url field: ``\\_``, ``{\\&}`` (Mendeley), ``\\\\%7E`` (DBLP escapes the %, then its backslash),
``$\\sim$``. A run of backslashes is matched from its first one only (the look-behind): no run is tried from each."""


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """``fold_words`` remembered: several checks compare the same titles, containers and names."""
    return fold_words(text)


def work_signature(source: Source) -> tuple[str, int, str] | None:
    """(full title, year, first author's family name), folded; None when title or year is missing."""
    if source.year is None:
        return None
    title = folded(full_title(source))
    if not title:
        return None
    people = source.authors or source.editors
    return title, source.year, folded(people[0].family) if people else ""


def shown(value: str) -> str:
    """A field's value quoted for a message as the .bib writes it: repr's quotes and escapes of control
    characters, but one backslash for one ("\\&", not "\\\\&", which reads as an escaped backslash)."""
    return repr(value).replace("\\\\", "\\")


def part_of(value: str, start: int = 0, end: int = 0, width: int = 70) -> str:
    """A field's value for a message: whole when short, else the ``width`` characters around ``start:end``
    (the problem), with "…" where it is cut (an abstract is not quoted whole)."""
    if len(value) <= width:
        return value
    pad = max(0, width - (end - start)) // 2
    first = max(0, min(start - pad, len(value) - width))
    last = min(len(value), max(end + pad, first + width))
    return ("…" if first else "") + value[first:last] + ("…" if last < len(value) else "")


def entry_finding(code: str, source: Source, message: str, hint: str = "", *, field: str = "") -> Finding:
    """A finding about an entry, its hint in the words of the entry's file: located at the line of
    ``field`` when it is about that field (and the entry writes it itself), else at the entry's first line."""
    hint = in_own_words(hint or CATALOGUE[code].hint, source)
    return finding(code, message, hint=hint, key=source.key, file=source.file, line=source.line_of(field))


def check_bibliography(bib: Bibliography, *, now: datetime, damaged: Collection[str] | None = None,
                       renderer: Renderer | None = None, skip: bool = True) -> list[Finding]:
    """Structural checks on every entry, then the duplicate checks across entries (``damaged``: the
    ``damaged_entries`` of ``bib``, computed when not given; ``renderer``: the tool that prints the document's
    bibliography, ``renderers.renderer_of``, None when no document tells; ``skip``: whether to skip a check where
    the entry's fields show it finds nothing, False to run it on every entry, which must give the same findings)."""
    from .bib_dates import check_dates, plain_dates
    from .duplicates import check_duplicates
    from .integrity import check_integrity

    found: list[Finding] = []
    today = now.date()
    broken = damaged_entries(bib) if damaged is None else damaged
    # A date the loader reported unreadable (LR124 on its line) is given, not lacking: one problem, one finding.
    unread = {(p.key, p.line) for p in bib.problems if p.code == "LR124" and p.key}
    emptied = macro_emptied(bib)
    # An entry in % lines (LR155): BibTeX prints it only if cited, biber and pandoc skip it: no field is missing.
    commented = {(p.key, p.line) for p in bib.problems if p.code == "LR155" and p.key}
    keys: dict[str, str] | None = None  # folded key -> key, read at the first entry with a crossref or xdata
    parents: dict[str, int] | None = None  # folded key -> entries crossref-ing it, read at the first LR110
    for source in bib.sources:
        fields = source.fields
        if source.key not in broken and (source.key, source.line) not in commented:
            if source.key in emptied:  # its LR100 says the field is empty: one problem, one finding
                fields = {**fields, **{name: "?" for name, line in source.field_lines.items()
                                       if line in emptied[source.key] and not plain(fields.get(name, ""))}}
            # A syntax error loses the fields after it: "missing" fields would be noise. (The loader
            # has already added the fields an entry inherits through crossref and xdata.)
            dated = bool(unread) and (source.key, source.field_lines.get("date")) in unread
            required = check_required(source, fields, renderer, date_unread=dated)
            if "crossref" in source.field_lines or "xdata" in source.field_lines:
                if keys is None:
                    keys = {s.key.casefold(): s.key for s in bib.sources}
                required = [_through_link(f, source, keys) for f in required]
            if required:
                if parents is None:
                    parents = crossref_children(bib.sources)
                if children := parents.get(source.key.casefold()):
                    required = [_as_parent(f, children) for f in required]
            found.extend(required)
        # Each check below finds nothing without its field (most entries lack most of them). A value a syntax error
        # cut short ("doi=10.1007/x" read as 10) is that error's (LR100, with the value to write), not a second one.
        cut = {name for name in ("doi", "isbn", "url") if source.key in broken and fields.get(name)
               and (source.file, source.field_lines.get(name)) in _syntax_lines(bib)}
        if (not skip or fields.get("doi")) and "doi" not in cut:
            found.extend(check_doi(source))
        if (not skip or fields.get("isbn")) and "isbn" not in cut:
            found.extend(check_isbn(source))
        if (not skip or fields.get("url")) and "url" not in cut:
            found.extend(check_url(source))
        if fields.get("id") and (problem := id_problem(source.key)):  # a Manubot citation by identifier
            found.append(entry_finding("LR126", source, f"{source.key!r} is not a valid identifier: {problem}"))
        if not skip or not plain_dates(fields, today):
            found.extend(check_dates(source, today))
    found.extend(check_duplicates(bib.sources))
    found.extend(check_integrity(bib, skip=skip))
    return found


def _syntax_lines(bib: Bibliography) -> frozenset[tuple[str | None, int | None]]:
    """(file, line) of each syntax error (LR100) the loader reported."""
    return frozenset((p.file, p.line) for p in bib.problems if p.code == "LR100")


def _through_link(f: Finding, source: Source, keys: Mapping[str, str]) -> Finding:
    """A missing field (LR110) or publisher (LR111) of an entry that inherits through crossref or xdata, its hint
    saying where the field would come from: the entry its link names, which gives none of them, or no entry at all
    (LR112's)."""
    from ..bibliography.inherit import targets

    if f.code not in ("LR110", "LR111") or f.hint.endswith(CHAPTER_AS_TITLE):  # (the parent's title is the book's)
        return f
    for name in ("crossref", "xdata"):
        named = targets(source.fields.get(name, ""))
        if not named:
            continue
        if (parent := keys.get(named[0].casefold())) is None:
            said = (f"its {name} names no entry ({named[0]!r}, LR112): correct the key, and the entry takes the "
                    f"fields from there")
        else:
            said = f"its {name} entry {parent!r} gives none of them either: add them there, or here"
        return replace(f, hint=f"{f.hint}; {said}" if f.hint else said[:1].upper() + said[1:])
    return f


def crossref_children(sources: Collection[Source]) -> dict[str, int]:
    """Folded key -> how many of ``sources`` name it in their ``crossref`` (BibTeX and biber look keys up in any
    case)."""
    from ..bibliography.inherit import targets

    out: dict[str, int] = {}
    for source in sources:
        for parent in targets(source.fields.get("crossref", ""))[:1] if "crossref" in source.fields else ():
            out[parent.casefold()] = out.get(parent.casefold(), 0) + 1
    return out


def _as_parent(f: Finding, children: int) -> Finding:
    """A missing field (LR110) of an entry ``children`` entries crossref: the fields they share, written for them, is
    often all it holds; it is printed itself when two cited entries crossref it (BibTeX's and biblatex's
    min-crossrefs, 2 by default), or when cited. (The count is the hint's: ``--since`` compares messages, and an entry
    that crossrefs it added is no new problem of the parent's.)"""
    if f.code != "LR110":
        return f
    said = "it is a crossref parent, and BibTeX and biber list it on its own when it is cited, or when two cited " \
           "entries crossref it"
    keep_out = (f"; or keep it out of the reference list ({children} entries crossref it): bibtex -min-crossrefs=99 "
                "(biblatex: the mincrossrefs=99 option)")
    return replace(f, message=f"{f.message}{'; ' if ': ' in f.message else ': '}{said}",
                   hint=f.hint + (keep_out if children > 1 else ""))


def damaged_entries(bib: Bibliography) -> set[str]:
    """Keys of entries that contain a syntax error (LR100) reported by the loader: one on a line of the entry, in its
    file, that names no other entry (an error in the earlier copy of a key defined twice is no later entry's). An
    undefined @string is none: the entry is read whole, the field that names it empty (``macro_emptied``)."""
    from ..bibliography.several import macro_not_read

    errors: dict[str | None, list[tuple[int, str]]] = {}
    for p in bib.problems:
        if p.code == "LR100" and p.line and macro_not_read(p) is None:  # (an undefined @string cuts nothing short)
            errors.setdefault(p.file, []).append((p.line, p.key or ""))
    if not errors:
        return set()
    starts: dict[str | None, list[tuple[int, str]]] = {}
    for source in bib.sources:
        starts.setdefault(source.file, []).append((source.line or 0, source.key))
    out = set()
    for file, entries in starts.items():
        found = sorted(errors.get(file, ()))
        lines = [line for line, _ in found]
        entries.sort()
        for n, (start, key) in enumerate(entries):
            end = entries[n + 1][0] if n + 1 < len(entries) else float("inf")
            at = bisect.bisect_left(lines, start)  # (a scan of every line per entry is quadratic)
            while at < len(lines) and lines[at] < end:
                if found[at][1] in ("", key):
                    out.add(key)
                    break
                at += 1
    return out


def macro_emptied(bib: Bibliography) -> dict[str, set[int]]:
    """Key -> the lines of its fields that name a @string no file defines (its LR100 is on that line)."""
    from ..bibliography.several import macro_not_read

    out: dict[str, set[int]] = {}
    for p in bib.problems:
        if p.key and p.line and macro_not_read(p) is not None:
            out.setdefault(p.key, set()).add(p.line)
    return out


UNPUBLISHED = lazy(r"\b(?:(?:to be )?submitted|in ?prep(?:aration|\.)?|under (?:review|revision)|"
                   r"unpublished)\b", re.IGNORECASE)
"""Words that say a work is not published yet ("To be submitted to MNRAS", status: in preparation): it has no DOI,
and an article no journal, to give."""
_CONTAINERS = (("journal", "journaltitle"), ("booktitle",))


def check_required(source: Source, fields: Mapping[str, str], renderer: Renderer | None = None, *,
                   date_unread: bool = False) -> Iterable[Finding]:
    """LR110 for fields the entry type requires, LR111 for a missing publisher, as ``renderer`` reads the entry
    (``renderers.fields_read``); with none known, by the fields' own names (BibTeX's and biber's), the message
    saying when pandoc's citeproc reads the entry otherwise. ``date_unread``: the entry gives a date that loading
    reported unreadable (LR124), so it lacks none."""
    groups = _REQUIRED.get(source.type, ())
    if date_unread:
        groups = tuple(g for g in groups if g[0] != "year")
    csl = csl_form(source)
    if csl:
        groups = tuple(g for g in groups if not _NAMES.issuperset(g))
        renderer = None  # a CSL file: pandoc reads it, by CSL's names
    if csl and source.type in ("report", "techreport") and source.authors \
            and all(not p.given and " " in p.family for p in source.authors):
        # CSL: a body's report names its issuer as its author ("DAISY Consortium"), which styles print once
        groups = tuple(g for g in groups if g != ("institution",))
    if "eventtitle" in fields and csl:  # CSL: a paper presented at an event needs no proceedings
        groups = tuple(g for g in groups if g != ("booktitle",))
    if has_field(fields, "pubstate") and (csl or (renderer and renderer.name == CITEPROC)):
        # "in press", "forthcoming" (CSL's status): pandoc's citeproc prints it where the year goes
        groups = tuple(g for g in groups if g[0] != "year")
        if UNPUBLISHED.search(plain(fields["pubstate"])):  # "in preparation": no journal or proceedings yet
            groups = tuple(g for g in groups if g not in _CONTAINERS)
    tool = renderer.name if renderer else ""
    missing = [g for g in groups if not _read(fields, source.type, g, tool)]
    if missing:
        hints = []
        held: list[str] = []
        for group in missing:
            there, hint = ("", "") if csl else _read_otherwise(fields, source.type, group, renderer)
            held += [there] if there else []
            hints.append(hint or missing_hint(group, fields, source))
        named = [tuple(n for n in g if fields_read(tool, source.type, n)) or g for g in missing]  # as it reads them
        message = in_own_terms(f"@{source.type} entry lacks {', '.join(' or '.join(g) for g in named)}", source)
        message += _read_note(held, source.type, renderer)
        original = plain(fields.get("origdate", "")) if csl else ""
        if original and any(g[0] == "year" for g in missing):
            # pandoc prints n.d. for an item with only an original-date (3.9, chicago-author-date tried)
            message += f": pandoc prints n.d., not its original-date {original}"
            hints = ["add year = {...}, the date of the edition cited, and keep original-date for the first publication"
                     if h == FIELD_HINTS["year or date"] else h for h in hints]
        yield entry_finding("LR110", source, message, "; ".join(dict.fromkeys(hints)))  # (a DOI alone: one hint)
    house_fields = ("publisher", "organization") if not tool else ("publisher",)
    if source.type in _NEEDS_PUBLISHER and not _read(fields, source.type, house_fields, tool):
        what = "book" if source.type in ("book", "mvbook") else "book containing the chapter"
        there, hint = ("", "") if csl else _read_otherwise(fields, source.type, house_fields, renderer)
        house = editor_as_publisher(source)
        if house:
            hint = (f"the editor field holds {house!r}, which reads as the publisher (the editorial, the éditeur): "
                    f"write publisher = {{{house}}} instead")
        message = in_own_terms(f"@{source.type} entry names no publisher for the {what}", source)
        yield entry_finding("LR111", source, message + _read_note([there] if there else [], source.type, renderer),
                            hint)


def _read(fields: Mapping[str, str], kind: str, group: tuple[str, ...], tool: str) -> bool:
    """Whether the renderer ``tool`` ('' for the fields' own names) finds one of ``group`` in the entry."""
    return any(has_field(fields, name) for name in group_read(tool, kind, group))  # (group_read: one tuple, kept)


def _read_note(held: list[str], kind: str, renderer: Renderer | None) -> str:
    """The words a missing-field message ends with when the entry holds ``held``, fields another renderer
    prints in their place: that ``renderer`` does not print them, and what tells it is the renderer."""
    if not held:
        return ""
    listed = " or ".join(held)
    if renderer is None:
        return (f": BibTeX and biber print no {listed} in its place, pandoc's citeproc does: for a document "
                "pandoc renders (Markdown, Quarto, R Markdown) nothing is missing")
    return f": {renderer.tool} no {listed} of a @{kind} entry ({renderer.because})"


def _read_otherwise(fields: Mapping[str, str], kind: str, group: tuple[str, ...],
                    renderer: Renderer | None) -> tuple[str, str]:
    """For a ``group`` the renderer finds missing, the entry's field another renderer would print in its place and
    the hint: ('', '') when no field of the entry would do."""
    if renderer is None:
        if " or ".join(group) in HELD_IN:
            return "", ""  # a container in the other type's field: _held_hint's fix (the type) suits every tool
        held = _first_held(fields, kind, group, CITEPROC)
        return (held, f"rename {held} to {group[0]}, which BibTeX, biber and pandoc all read") if held else ("", "")
    others = [CITEPROC, BIBER, ""] if renderer.name != CITEPROC else [""]
    held = next((h for other in others if (h := _first_held(fields, kind, group, other))), "")
    if not held:
        return "", ""
    target = next((n for n in group if fields_read(renderer.name, kind, n)), group[0])
    if renderer.name == CITEPROC:
        return held, "make the entry @inproceedings, whose booktitle pandoc reads" if kind == "conference" else ""
    if held == "date" and target == "year":
        year = plain(fields.get("date", ""))[:4]
        return held, f"add year = {{{year if year.isdigit() else 'YYYY'}}} beside the date: BibTeX's styles read no date"
    return held, f"rename {held} to {target}"


def _first_held(fields: Mapping[str, str], kind: str, group: tuple[str, ...], tool: str) -> str:
    """The first field of the entry ``tool`` reads for ``group``, or ''."""
    return next((f for name in group for f in fields_read(tool, kind, name) if has_field(fields, f)), "")


# A publishing house's words, and the singular "edition", "grupo" and "S. A." (sociedad anónima) of a house's name.
_HOUSE_WORDS = lazy(rf"(?i)\b(?:{alternation((*PUBLISHER_WORDS, 'edition', 'édition', 'grupo'))}|s\.\s?a\.)(?=\W|$)")


def editor_as_publisher(source: Source) -> str:
    """The publishing house written as the one editor of an entry by an author that names no publisher (Spanish
    and French call it the editorial, the éditeur): "Siglo XXI", "Alianza", "Temas Grupo Editorial"; else ''."""
    if not source.authors or len(source.editors) != 1 or source.fields.get("publisher"):
        return ""
    raw = " ".join(plain(source.fields.get("editor", "")).split())
    if not raw or "," in raw:
        return ""  # "Roe, Jane": a person
    person = source.editors[0]
    words = raw.split()
    if len(words) == 1 or _HOUSE_WORDS.search(raw) or (person.family.isupper() and len(person.family) > 1):
        return raw
    return ""


PLACEHOLDERS = frozenset({"fixme", "todo", "tbd", "tba", "xxx", "???", "tk"})
"""What an author writes in a field to fill in later ("DOI: FIXME")."""


def check_doi(source: Source) -> Iterable[Finding]:
    """LR120 for a DOI that is not one, LR121 for one written as a link, with a label, a final mark or as a shortDOI.

    The grammar is :mod:`litreview.doi`'s, so what the registries fetch and the site links passes here too.
    """
    raw = plain(source.fields.get("doi", ""))
    if not raw:
        return
    doi = normalize_doi(raw)
    end = trailing_punctuation(doi)
    stem = doi[:-1] if end else doi
    problem = doi_problem(stem)
    decoded = percent_decoded(raw)
    if decoded:
        yield entry_finding("LR121", source, f"DOI {raw!r} is percent-encoded, as in a link: the registries are "
                            "asked for it as written", f"write doi = {{{decoded}}}", field="doi")
    elif is_short_doi(doi):
        # A shortDOI is a DOI of its own form (doi.org resolves it, Manubot expands it), not a malformed one; but
        # no registry knows it by that name, and fetch does not expand it, so the entry cannot be verified.
        yield entry_finding("LR121", source, f"DOI {raw!r} is a shortDOI (an alias doi.org redirects): the "
                            "registries do not know it, so fetch cannot verify the entry",
                            f"write the DOI https://doi.org/{doi} redirects to (open it to see it): fetch does "
                            "not expand shortDOIs", field="doi")
    elif is_citeseer_id(stem):  # a document id of its own kind, not a malformed DOI: the field is deleted, not mended
        yield entry_finding("LR120", source, f"DOI {raw!r} {problem}",
                            f"delete the {own_name('doi', source)} field (the work's DOI, if it has one, is on its "
                            "publisher's page)", field="doi")
    elif problem and raw.strip(" .!?").casefold() in PLACEHOLDERS:  # "FIXME": a note to look the DOI up later
        yield entry_finding("LR120", source, f"DOI {raw!r} is a placeholder, not a DOI",
                            f"look the DOI up (litreview fetch searches the registries) and write it, or delete the "
                            f"{own_name('doi', source)} field", field="doi")
    elif problem and not any(ch.isdigit() for ch in raw) and _WORDS.fullmatch(raw.strip()):
        # "University of Virginia" in an @unpublished's doi: a field typed in the wrong box, no DOI gone wrong
        yield entry_finding("LR120", source, f"DOI {raw!r} is no DOI: the field holds words (a DOI starts with 10.)",
                            f"move {raw!r} to the field it belongs in (the institution, school or publisher), and "
                            f"delete the {own_name('doi', source)} field, or write the work's DOI there", field="doi")
    elif problem and (listed := several_dois(raw)):
        yield entry_finding("LR120", source, f"DOI {raw!r} holds {len(listed)} DOIs: biber and pandoc link the whole "
                            "field as one DOI, which leads nowhere, and the registries are asked for none of them",
                            f"keep one DOI: write {own_name('doi', source)} = {{{listed[0]}}} (the work's, when the "
                            "others are its errata), and name the others in a note or an entry of their own",
                            field="doi")
    elif problem:
        hint = (f"the {own_name('doi', source)} field holds a web address that is no DOI link: move it to the "
                f"{own_name('url', source)} field" if re.match(r"(?i)https?://", raw.strip()) and not has_prefix(raw) else
                endnote_fix(own_name("doi", source), source.fields.get("doi", ""), source.fields))
        yield entry_finding("LR120", source, f"DOI {raw!r} is malformed: it {problem}", hint, field="doi")
    elif latex_escaped(raw) and not (has_prefix(raw) or end):
        yield entry_finding("LR121", source, f"DOI '{raw}' is written with LaTeX escapes: biber and pandoc "
                            "read doi verbatim, so the link keeps the backslash", f"write doi = {{{bare_doi(raw)}}}",
                            field="doi")
    elif has_prefix(raw) or end:
        # Both at once ("https://doi.org/10.1/x."): one finding, whose hint drops the link and the mark.
        said = [f"DOI written as a link or with a prefix: {raw!r}"] if has_prefix(raw) else [f"DOI {raw!r}"]
        if end:
            said.append(f"ends with {end!r}, probably the sentence's: the registries are asked without it")
        bare = bare_doi(raw)[:-1] if end else bare_doi(raw)
        yield entry_finding("LR121", source, "; ".join(said) if has_prefix(raw) else " ".join(said),
                            f"write doi = {{{bare}}}", field="doi")


def isbn_problem(isbn: str) -> str:
    """Why an ISBN is invalid ('' when its length and check digit are right)."""
    digits = _ISBN_CHARS.sub("", isbn).upper()
    if digits.startswith("ISBN"):
        digits = digits[4:].lstrip(":")
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * int(d) for i, d in enumerate(digits[:9]))
        total += 10 if digits[9] == "X" else int(digits[9])
        return "" if total % 11 == 0 else "wrong check digit"
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
        return "" if total % 10 == 0 else "wrong check digit"
    count = sum(c.isdigit() for c in digits)
    stray = _NOT_ISBN.findall(isbn.removeprefix("ISBN").removeprefix("isbn").lstrip(": "))
    if count in (10, 13) and stray:  # "[9780999241165]": the digits are an ISBN's, the marks around them are not
        return f"it holds {' and '.join(map(repr, dict.fromkeys(stray)))} beside its {count} digits"
    return f"an ISBN has 10 or 13 digits, this has {count}"


def one_digit_isbn(isbn: str) -> bool:
    """An ISBN of one digit repeated (1111111111, 0000000000, 978-0000000000, 9999999999999), its 978 or 979 and
    its check digit aside: a placeholder, though its check digit may hold (1111111111's does)."""
    digits = _ISBN_CHARS.sub("", isbn).upper().removeprefix("ISBN").lstrip(":")
    if len(digits) not in (10, 13) or not digits[:-1].isdigit():
        return False
    body = digits[3:-1] if len(digits) == 13 and digits[:3] in ("978", "979") else digits[:-1]
    return len(set(body)) == 1


def isbns(raw: str) -> list[str]:
    """The ISBNs of an isbn field: split at , ; / or 'and', and at spaces between whole ISBNs (Zotero
    writes a book's ISBNs so: '978-1-4419-3266-2 978-1-4757-2514-8'), not inside one ('978 0 306 40615 7')."""
    out: list[str] = []
    for part in filter(None, _ISBN_SPLIT.split(raw)):
        words = part.split()
        whole = len(words) > 1 and all(len(_ISBN_CHARS.sub("", w)) in (10, 13) for w in words)
        out += words if whole else [part]
    return out


_LETTER_WORDS = lazy(r"[^\W\d_]{2,}")
"""A word of two letters or more ("Vol", "report"; not the X of an ISBN-10 nor "No" of an ISSN's digits)."""
_ISSN_FIRST = lazy(r"(\d{4}-\d{3}[\dXx])\s+(\S.*)")
"""An ISSN and then other text, as an export writes a journal's ISSN where the ISBN goes ("1077-2626 VO  - 19")."""


def check_isbn(source: Source) -> Iterable[Finding]:
    """LR122 for each ISBN with a wrong length or check digit."""
    from .integrity import issn_problem  # (integrity builds on this module)

    raw = plain(source.fields.get("isbn", ""))
    if _QUOTED_LIST.fullmatch(raw.strip()):
        # "['9780999241165']": a Python list written as text by a script's export (styles print it so).
        listed = [m.group(2) for m in re.finditer(r"(['\"])([^'\"]*)\1", raw)]
        what = "an ISBN" if len(listed) == 1 else f"{len(listed)} ISBNs"
        yield entry_finding("LR122", source, f"ISBN field {shown(raw)} is a Python list around {what}, written as "
                            "text: styles print its brackets and quotes", f"write isbn = {{{', '.join(listed)}}}",
                            field="isbn")
        raw = ", ".join(listed)  # each ISBN it holds, checked as below
    parts = isbns(raw)
    if len(_LETTER_WORDS.findall(raw)) >= 2 and all(sum(c.isdigit() for c in p) < 9 for p in parts) and not any(
            _PERL_REFERENCE.fullmatch(p.strip()) or p.strip(" .!?").casefold() in PLACEHOLDERS for p in parts):
        # "Thinking & Reasoning, Vol. 11, No. 3, August 2005, pp. 209–238" (Mendeley's), "ILLC report PP-2003-21":
        # no ISBN cut short, but another field's words, told once (not once for each piece between commas)
        yield entry_finding("LR122", source, f"ISBN field {shown(raw)} holds no ISBN, but words and numbers, which "
                            "styles print as an ISBN",
                            f"delete the {own_name('isbn', source)} field (or write the book's ISBN there)",
                            field="isbn")
        return
    for part in parts:
        problem = isbn_problem(part)
        issn = _ISSN_FIRST.match(part)
        if problem and _PERL_REFERENCE.fullmatch(part.strip()):
            yield entry_finding("LR122", source, f"ISBN {shown(part)} is no ISBN: it is how a Perl program writes a "
                                "list it was to print (the values in it are lost)",
                                f"write the book's ISBN, or delete the {own_name('isbn', source)} field", field="isbn")
            continue
        if (problem and part.strip(" .!?").casefold() in PLACEHOLDERS) or one_digit_isbn(part):  # "TODO", 1111111111
            yield entry_finding("LR122", source, f"ISBN {shown(part)} is a placeholder, not an ISBN",
                                f"delete the {own_name('isbn', source)} field: a journal article has no ISBN"
                                if source.type == "article" else
                                f"write the book's ISBN, or delete the {own_name('isbn', source)} field", field="isbn")
            continue
        if problem and not issn_problem(part):
            problem = "it is an ISSN, which belongs in the issn field"
        elif problem and issn and not issn_problem(issn.group(1)):  # "1077-2626 VO  - 19": an RIS export's residue
            problem = f"it is the ISSN {issn.group(1)}, which belongs in the issn field, then {issn.group(2)!r}"
        if problem:
            bare = "".join(c for c in part if c.isdigit() or c in "Xx-")  # "[978-0-306-40615-7]": marks around it
            hint = f"write isbn = {{{bare}}}" if bare != part and problem.startswith("it holds") and not isbn_problem(bare) else ""
            number = issn.group(1) if issn and problem.startswith("it is the ISSN") else \
                part.strip() if problem.startswith("it is an ISSN") else ""  # "0737-0024", as Mendeley exports it
            if number:
                held = "".join(c for c in plain(source.fields.get("issn", "")).upper() if c.isalnum())
                hint = ("delete the isbn field: the issn field holds this ISSN" if held == number.replace("-", "").upper()
                        else f"write issn = {{{number}}} and delete the isbn field")
            yield entry_finding("LR122", source, f"ISBN {shown(part)} is invalid: {problem}", hint, field="isbn")


_WEB_ADDRESS = lazy(r"(?:https?|ftp)://[^/\s]+\.")
"""An address's start with a host name: each of several such is an address of its own, not a split one."""
_SCHEME_TWICE = lazy(r"(?:https?|ftp):/{0,2}(?=(?:https?|ftp)://)", re.IGNORECASE)
"""A scheme written before an address that has its own ("http:https://doi.org/..."), as Mendeley exports a link."""
_WRITTEN_BREAK = lazy(r"\\n|\\?%5Cn", re.IGNORECASE)
"""A line break written out between two addresses: ``\n``, or percent-encoded as a link's text (``%5Cn``)."""
_ANY_ADDRESS = lazy(r"[A-Za-z][\w+.-]*://\S")
"""An address of any scheme (``papers://``, ``zotero://``), not a scheme typed apart from its host."""
_TEXT_AFTER = lazy(r"(\S+)\s+(%[A-Z0-9]\s.*|(?:\S+\s+){4,}\S+)", re.S)
"""An address, then an EndNote tag ("%X ...") or five words or more: text written into the url field after it."""


def url_problem(url: str) -> str:
    """Why a URL is unusable in a bibliography ('' when it is an absolute web address)."""
    if re.search(r"\s", url):
        return "it contains white space"
    if "\\" in url:
        return "it contains a backslash (LaTeX escapes do not belong in url fields)"
    if '"' in url:
        return "it contains a quotation mark (an address writes it %22)"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError as exc:  # "Invalid IPv6 URL" for a stray '[', and the like
        return f"it cannot be parsed ({exc})"
    if not parts.scheme:
        return "it has no scheme: write https://..."
    if parts.scheme.lower() == "file" and url[5:7] == "//" and (host or parts.path):
        return ""  # a local copy's address, as reference managers store it: file://c:/papers/x.pdf
    if parts.scheme.lower() not in ("http", "https", "ftp"):
        return f"scheme {parts.scheme!r} is not a web address"
    if not host or ("." not in host and host != "localhost"):
        return "it has no host name"
    return ""


_LINE_APART = 20
"""The fewest characters between two line breaks of an address broken over lines (a line holds more)."""


def _url_spaces_mended(url: str) -> str:
    """A URL with its white space mended: dropped after a hyphen ending a word or after a slash, where a line was
    broken ("wp- content", "https:// www"), else written %20, as a browser sends a space in a file's name
    ("Guidelines for mobile.pdf", "Preece - 2004"). An address broken there and again inside a word, each part
    between two spaces a line's length ("services/ parks/.../BurnsBogManagementP lan.pdf"), has each space dropped."""
    whole = url.strip()
    mended = re.sub(r"(?<=\S-)\s+|(?<=/)\s+", "", whole)
    parts = whole.split()
    if mended != whole and len(mended.split()) > 1 and all(len(part) >= _LINE_APART for part in parts[1:-1]):
        return "".join(parts)  # broken over lines: no space of it is the address's
    return re.sub(r"\s+", "%20", mended)


def _typed_into_url(raw: str, source: Source) -> tuple[str, str] | None:
    """(what, hint) for a url field holding another field's value: a date (the day the page was read, whose field
    is urldate), or the entry's title; None otherwise."""
    from ..bibliography.dates import parse_iso

    url, urldate = own_name("url", source), own_name("urldate", source)
    delete = f"write the page's address in {url}, or delete the {url} field"
    if parse_iso(raw):
        if plain(source.fields.get("urldate", "")):
            return "it is a date, not an address", f"{delete}: {urldate} holds the date"
        return ("it is a date, not an address", f"write the date in {urldate} = {{{raw.strip()}}} if it is the day "
                f"the page was read, and the page's address in {url} (or delete the {url} field)")
    words = fold_words(raw)
    if words and words == fold_words(full_title(source)):
        return "it is the entry's title, not an address", delete
    return None


def check_url(source: Source) -> Iterable[Finding]:
    """LR123 for a url field that is not an absolute http(s), ftp or file address."""
    raw = plain(source.fields.get("url", ""))
    if raw.startswith("\\url") and _URL_COMMAND.match(source.fields.get("url", "")):  # (the braces read as written)
        # url = {\url{https://...}}: the field is the address, read verbatim; pandoc and biblatex print the command
        # as written (and pandoc links to it): the site's reference list shows "\url{https://...}"
        address = raw[4:].lstrip()  # (TeX reads past the spaces after a command's name: "\url {https://...}")
        bare = address.strip('"')  # a stray quotation mark typed at its end
        hint = f"write url = {{{bare}}}" if not url_problem(bare) else "write the address alone, without \\url"
        yield entry_finding("LR123", source, f"URL {shown(chr(92) + 'url{' + address + '}')} is invalid: it is "
                            "written in \\url{...}, which pandoc and biblatex print as written, the url field being "
                            "the address itself", hint, field="url")
        return
    if raw and raw.strip(" .!?").casefold() in PLACEHOLDERS and url_problem(raw):
        yield entry_finding("LR123", source, f"URL {raw!r} is a placeholder, not an address",
                            f"write the address, or delete the {own_name('url', source)} field", field="url")
    elif raw:
        problem = url_problem(raw)
        if problem and (typed := _typed_into_url(raw, source)):
            yield entry_finding("LR123", source, f"URL {shown(clipped(raw, 120))} is invalid: {typed[0]}", typed[1],
                                field="url")
        elif problem:
            # Mendeley writes {\&}, {\_}, $\sim$ into url fields; biblatex reads them verbatim, backslash and all.
            bare = _URL_ESCAPE.sub(lambda m: m.group(1) or "~", raw)
            hint = f"write url = {{{bare}}}" if bare != raw and not url_problem(bare) else ""
            if not hint and len(raw) > 2 and raw[0] == raw[-1] == '"' and not url_problem(raw[1:-1]):
                hint = f"write url = {{{raw[1:-1]}}}"  # url = {"https://..."}: the address in quotation marks
            if not hint and has_prefix(raw) and (link := doi_url(raw)):
                hint = f"write url = {{{link}}}"  # a DOI's link escaped as the DOI is (doi.bare_doi reads it)
            several = [u for u in re.split(r"[\s;,]+", raw) if u]
            joined = _url_spaces_mended(raw)
            after = None if hint else _TEXT_AFTER.fullmatch(raw)
            tag = re.match(r"%[A-Z0-9]\b", after.group(2)) if after else None
            if after and not url_problem(after.group(1)) and not _ANY_ADDRESS.search(after.group(2)) and (
                    tag or not re.search(r"[/?=&]|\.[A-Za-z0-9]{2,4}$", after.group(2))):
                # "https://x.org/a %X Many of the properties...": EndNote's abstract tag and the abstract after the
                # address, a browser's %20 for each space of it no address either (not a file's name with spaces in
                # it, "Guidelines for mobile devices.pdf", nor a path)
                what = f"EndNote's {tag.group()} field, its abstract," if tag else "words"
                problem = f"the address is followed by text ({what} written into the {own_name('url', source)} field)"
                yield entry_finding("LR123", source, f"URL {shown(clipped(raw, 120))} is invalid: {problem}",
                                    f"write url = {{{after.group(1)}}}", field="url")
                return
            if (not hint and joined != raw and not url_problem(joined)
                    and not all(map(_WEB_ADDRESS.match, several)) and not all(map(_ANY_ADDRESS.match, several))):
                hint = f"write url = {{{joined}}}"  # "https:// www.example.org/a": a space typed inside the address
            if not hint and (doubled := _SCHEME_TWICE.match(raw)) and not url_problem(raw[doubled.end():]):
                problem = f"it has two schemes, {doubled.group(0)!r} before an address"
                hint = f"write url = {{{raw[doubled.end():]}}}"  # Mendeley's "http:https://doi.org/..."
            elif not hint and "://" not in raw and not url_problem(f"https://{raw}"):
                hint = f"write url = {{https://{raw}}}"  # "www.swissvotes.ch"
            lines = [u.strip() for u in _WRITTEN_BREAK.split(raw) if u.strip()]
            if len(lines) > 1 and all(_ANY_ADDRESS.match(u) or u.lower().startswith("www.") for u in lines[1:]):
                # Mendeley joins a work's addresses with a line break written out: "a.org\nhttp://b" (not a Windows
                # path's "\new", which holds no address after it)
                web = [m for m in map(_url_spaces_mended, lines) if not url_problem(m)]
                sep = found.group(0) if (found := _WRITTEN_BREAK.search(raw)) else ""
                problem = f"it holds {len(lines)} addresses joined by '{sep}' (a line break written out)"
                hint = f"keep the web address, url = {{{web[0]}}}" if web else ""
                yield entry_finding("LR123", source, f"URL {shown(raw)} is invalid: {problem}", hint, field="url")
                return
            unescaped = (_URL_ESCAPE.sub(lambda m: m.group(1) or "~", u) for u in several)  # abs\_all: a web one
            web = [u for u in unescaped if not url_problem(u)]
            if len(several) > 1 and web and all(map(_ANY_ADDRESS.match, several)):
                # BibSonomy: "http://a; http://b"; Papers and Mendeley: "http://a papers://b" (a local library's link)
                problem = f"it holds {len(several)} addresses"
                if (local := len(several) - len(web)):
                    problem += f", {local} of them {'no web address' if local == 1 else 'no web addresses'}"
                others = ", ".join(f"\\url{{{u}}}" for u in web[1:])
                hint = (f"keep the web address, url = {{{web[0]}}}" if len(web) == 1 else
                        f"keep one, url = {{{web[0]}}}, and give the {'other' if len(web) == 2 else 'others'} "
                        f"in note = {{{others}}}")
            yield entry_finding("LR123", source, f"URL {shown(raw)} is invalid: {problem}", hint, field="url")
