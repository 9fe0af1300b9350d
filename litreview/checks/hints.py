"""Hints in the words of the entry's own file: the checks write ``doi = {10.1000/x}``, and an entry read from
CSL-JSON or CSL-YAML is told ``"DOI": "10.1000/x"`` or ``DOI: 10.1000/x``, as pandoc reads those files.

``entry_finding`` passes every entry's hint through ``in_own_words``: the one place hints change form.
"""

from __future__ import annotations

import json

from ..bibliography.csl import csl_form_of
from ..bibliography.csl_item import FIELDS
from ..lazyre import lazy
from ..model import Source

# BibTeX/biblatex field -> the CSL variable the CSL reader fills it from (csl_item.FIELDS, read backwards), and the
# fields it fills otherwise: dates, containers, the issuing body, the place.
_CSL_NAMES = {bib: csl for csl, bib in reversed(FIELDS.items())} | {
    "pages": "page", "year": "issued", "date": "issued", "urldate": "accessed", "origdate": "original-date",
    "eventdate": "event-date", "journal": "container-title", "journaltitle": "container-title",
    "booktitle": "container-title", "howpublished": "container-title", "institution": "publisher",
    "school": "publisher", "organization": "publisher", "location": "publisher-place", "pagetotal": "number-of-pages",
}
_NAMES = frozenset({"author", "editor", "translator"})
_DATES = frozenset({"issued", "accessed", "original-date", "event-date"})
# name = {value}, the value's braces balanced one level deep (a body's name: author = {{World Bank}}).
_ASSIGNMENT = lazy(r"\b([a-z]+) = \{((?:[^{}]|\{[^{}]*\})*)\}")
_DATE = lazy(r"(\d{4}|YYYY)(?:-(\d{2}|MM))?(?:-(\d{2}|DD))?")
_PLAIN_YAML = lazy(r"[\w.][\w .,/()'’-]*")


def in_own_words(hint: str, source: Source, form: str = "") -> str:
    """``hint`` as the entry's file writes it: unchanged for BibTeX, CSL-JSON or CSL-YAML otherwise.

    ``form`` overrides the file's: ``json`` or ``yaml``, or ``manubot`` for a work a manuscript cites by
    identifier (``doi = {10.1000/x}`` becomes ``[@doi:10.1000/x]``).
    """
    form = form or csl_form(source)
    if not hint or not form or (" = {" not in hint and "with braces" not in hint):
        return hint
    if form == "manubot":
        return _ASSIGNMENT.sub(lambda m: f"[@{m.group(1)}:{m.group(2)}]" if m.group(1) == "doi" else m.group(),
                               hint.replace("Write the bare DOI, e.g.", "Cite the bare DOI, e.g."))
    hint = hint.replace("write it in double braces", "write it as a literal name")
    hint = hint.replace("author in double braces", "author as a literal name")
    # CSL protects words from a style's case changes with a nocase span, not braces.
    hint = hint.replace("with braces, e.g. {NATO}", 'as <span class="nocase">NATO</span>')
    hint = hint.replace("with braces", 'in <span class="nocase">...</span>')
    hint = hint.replace("a list such as {3, 7--9}", "a list such as 3, 7-9")  # LR143's, in CSL's range form
    return _ASSIGNMENT.sub(lambda m: _csl(m.group(1), m.group(2), source.type, form == "yaml"), hint)


def in_own_terms(message: str, source: Source) -> str:
    """"@techreport entry lacks author, institution" as a CSL file names them: "report item lacks author,
    publisher" (an entry type, then field names, each or-group once); "@book entry names ..." "book item names ..."."""
    if not csl_form(source):
        return message
    from ..bibliography.csl_item import TYPES

    kind = next((csl for csl, bib in TYPES.items() if bib == source.type), source.type)
    head, _, fields = message.partition(" entry lacks ")
    if not fields and message.startswith(f"@{source.type} entry "):  # "@book entry names no publisher ..."
        return f"{kind} item " + message.removeprefix(f"@{source.type} entry ")
    groups = [" or ".join(dict.fromkeys(_CSL_NAMES.get(f, f) for f in g.split(" or "))) for g in fields.split(", ")]
    return f"{kind} item lacks {', '.join(groups)}" if head == f"@{source.type}" and fields else message


def own_name(field: str, source: Source) -> str:
    """The field as the entry's file names it: ``urldate`` for BibTeX, ``accessed`` for CSL."""
    return _CSL_NAMES.get(field, field) if csl_form(source) else field


def csl_form(source: Source) -> str:
    """``json`` or ``yaml`` for an entry read from CSL (a front matter's ``references:`` are CSL-YAML), else ''."""
    return csl_form_of(source.file or "")


def _csl(field: str, value: str, kind: str, yaml: bool) -> str:
    name = ("issue" if kind == "article" else "number") if field == "number" else _CSL_NAMES.get(field, field)
    data: object
    if name in _NAMES:
        data = [_csl_name(n.strip()) for n in value.split(" and ")]
    elif name in _DATES:
        date = _DATE.fullmatch(value)
        if yaml:
            return f"{name}: {value if date else 'YYYY'}"  # pandoc reads a bare YAML date or year
        parts = [str(int(p)) if p.isdigit() else p for p in date.groups() if p] if date else ["YYYY"]
        return f'"{name}": {{"date-parts": [[{", ".join(parts)}]]}}'  # a template when it holds YYYY
    elif name == "page":
        data = value.replace("--", "-")
    else:
        data = value
    if not yaml:
        return f"{json.dumps(name)}: {json.dumps(data, ensure_ascii=False)}"
    if isinstance(data, str):
        return f"{name}: {data if _PLAIN_YAML.fullmatch(data) else json.dumps(data, ensure_ascii=False)}"
    return f"{name}: {_flow(data)}"


def _csl_name(name: str) -> dict[str, str]:
    if name.startswith("{") and name.endswith("}"):
        return {"literal": name[1:-1]}
    family, _, given = name.partition(",")
    return {"family": family.strip(), "given": given.strip() or "..."}


def _flow(data: object) -> str:
    """YAML flow style: [{family: Doe, given: Jane}]."""
    if isinstance(data, list):
        return "[" + ", ".join(_flow(d) for d in data) + "]"
    if isinstance(data, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in data.items()) + "}"
    text = str(data)
    return text if _PLAIN_YAML.fullmatch(text) else json.dumps(text, ensure_ascii=False)
