"""CSL-JSON and CSL-YAML bibliographies read into ``Source`` values, as pandoc reads them.

Each item becomes a source whose ``fields`` use the BibTeX names (author, title, journal,
year, pages with ``--``...), so every check and writer treats it like a BibTeX entry. A bad item
costs only itself: it becomes a located finding and the rest load.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..lazyre import lazy
from ..model import Bibliography, Finding, Source
from .csl_item import (
    NAME_VARIABLES,
    canonical_names,
    item_source,
    misnamed_variables,
    refused_value,
    unknown_type,
    unread_dates,
    unread_json_dates,
)

CSL_SUFFIXES = (".json", ".yaml", ".yml")
"""A bibliography file with one of these suffixes is CSL-JSON or CSL-YAML (as pandoc tells them), any other BibTeX."""


def is_csl(path: object) -> bool:
    """Whether the bibliography file ``path`` is CSL (its text holds no BibTeX entries to cut or append to)."""
    return str(path).lower().endswith(CSL_SUFFIXES)


FRONT_MATTER_SUFFIXES = (".md", ".markdown", ".qmd", ".rmd", ".rmarkdown", ".ipynb")
"""Manuscripts whose entries are their front matter's ``references:`` (CSL-YAML)."""


@lru_cache(maxsize=256)
def csl_form_of(file: str) -> str:
    """``json`` or ``yaml`` for an entry read from the file ``file`` (its ``Source.file``) when that is CSL, a
    manuscript's front matter included; '' for BibTeX. (Asked of every entry by several checks and the references'
    title case: one answer per file.)"""
    name = file.lower()
    if name and is_csl(name):
        return "json" if name.endswith(".json") else "yaml"
    return "yaml" if name.endswith(FRONT_MATTER_SUFFIXES) else ""


def parse_csl(text: str, filename: str = "<string>", *, yaml: bool = False, front_matter: bool = False,
              item_id: Callable[[Mapping[str, Any]], str] | None = None, _whole: bool = True,
              _numbers: Sequence[int] | None = None) -> Bibliography:
    """Parse CSL-JSON (a list of items) or CSL-YAML (``references:`` or a list); problems as findings.

    ``item_id``: the id of an item as the program reading the file tells it (a Manubot manual reference's
    ``standard_citation``), in place of its ``id``; an empty answer leaves the item's own.

    A byte order mark is read past; in CSL-JSON it is an LR100, as pandoc refuses the file. An item of a
    CSL-YAML file whose id YAML reads as no string (``id: 12345``) is an LR100 and left out: pandoc finds
    no citation of it (it does in CSL-JSON and in a front matter's ``references:``).

    A file that does not parse as a whole is read item by item (``csl_recover``): each item that does not parse
    alone is an LR100 at its line, the others load (pandoc refuses the whole file all the same). ``_numbers``: the
    number each item of ``text`` has in the file (those that parsed alone), as messages count them.
    """

    import yaml as pyyaml

    from ..safeload import check_yaml, json_item_lines, load_json

    bom = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")
    try:  # size, depth and aliases checked first (a LoadLimitError is a ValueError)
        if yaml:
            check_yaml(text)
        data, key_lines, repeated, below = _first_document(text) if yaml else (load_json(text, strict=True), None, {},
                                                                                None)
        if key_lines is None:  # (on a text json accepted)
            key_lines = json_item_lines(text, _UNDER)
    except (ValueError, pyyaml.YAMLError) as exc:
        if not _whole:
            raise
        from .prescan import conflicts

        conflicted = conflicts(text, filename, effect="pandoc refuses the whole file for them",
                               hint="Keep the items of both sides that belong and delete the marker lines")
        if conflicted:  # the syntax error is the markers'
            return Bibliography((), (conflicted[0][0],), filename, text)
        whole = _syntax_error(exc, text, filename, yaml=yaml, bom=bom)
        if isinstance(exc, (json.JSONDecodeError, pyyaml.YAMLError)) and (
                recovered := _by_item(text, filename, whole, yaml=yaml, bom=bom, front_matter=front_matter,
                                      item_id=item_id)) is not None:
            return recovered
        return Bibliography((), (whole,), filename, text)
    if isinstance(data, Mapping):
        if "references" not in data and "items" not in data:
            return Bibliography((), (_keyed_by_id(data, text, filename, yaml=yaml),), filename, text)
        data = data.get(_UNDER[0], data.get(_UNDER[1], []))
    if not isinstance(data, list):
        return Bibliography((), (Finding(code="LR100", severity="error", message="a CSL bibliography is a list of items",
                                         hint="Write [ {...}, {...} ] (or references: in YAML)", file=filename,
                                         line=1),), filename, text)
    if (formatted := _formatted_references(data, filename, key_lines)) is not None:
        return Bibliography((), (formatted,), filename, text)
    sources: dict[str, Source] = {}
    problems: list[Finding] = []
    if bom and not yaml:  # (the YAML and BibTeX readers skip it)
        problems.append(Finding(code="LR100", severity="error", message="the file starts with a byte order mark, "
                                "which pandoc refuses (\"Error reading bibliography file ... expecting JSON value\")",
                                hint="Save it as UTF-8 without a byte order mark", file=filename, line=1))
    if below:  # items appended after the "---" that ends the file's YAML: read by no tool, told by none
        problems.append(Finding(code="LR100", severity="error", message=f"the items from line {below[0]} on are not "
                                f"read: they follow the \"---\" on line {below[1]} that ends the YAML before them, "
                                "and pandoc reads the first YAML document alone (it cites none of them)",
                                hint=f'Move them above the "---" on line {below[1]}', file=filename, line=below[0]))
    copies: dict[str, list[int]] = {}  # the lines of each id given more than once
    unnamed = 0
    for at, item in enumerate(data):
        n = _numbers[at] if _numbers is not None and at < len(_numbers) else at + 1  # as the file counts it
        here = key_lines.get(at, {})
        if yaml and item_id is None and isinstance(item, Mapping) and (not _any_id(item) if front_matter else
                                                                      item.get("id") is None):
            problems.append(_left_out(item, n, filename, here.get("id") or min(here.values(), default=1)))
            continue
        if isinstance(item, Mapping) and (renamed := canonical_names(item)):  # "Title", "url": read as pandoc reads them
            item = {renamed.get(k, k): v for k, v in item.items() if k not in renamed.values()}
            here = {renamed.get(k, k): v for k, v in here.items() if k not in renamed.values()}
        if item_id is not None and isinstance(item, Mapping) and (ident := item_id(item)):
            item = {**item, "id": ident}
        key = str(item.get("id") or "") if isinstance(item, Mapping) else ""
        line = here.get("id") or min(here.values(), default=1)  # the item's id, else its first variable
        if item_id is None and isinstance(item, Mapping) and not key.strip():
            # pandoc reads it, with the id "": no citation finds it. Kept and checked, as a BibTeX entry without a key.
            unnamed += 1
            key = f"unnamed-{unnamed}"
            item = {**item, "id": key}
            problems.append(_no_id(item, n, key, filename, line))
        try:
            if not isinstance(item, Mapping):
                raise ValueError(f"item {n} is not an object")
            if yaml and not front_matter and key and not isinstance(item.get("id"), str):
                problems.append(Finding(
                    code="LR100", severity="error", message=f"item {n}: id {key} is not a string in YAML: "
                    f"pandoc finds no citation [@{key}] of this item", hint=f'Quote the id: id: "{key}"',
                    file=filename, line=line))
                continue
            if not yaml and (refused := refused_value(item)) is not None:
                variable, wrong, fix = refused
                if variable in NAME_VARIABLES and isinstance(item[variable], Mapping):  # one name, not in a list
                    fix = f'Put the name in a list: "{variable}": [{json.dumps(item[variable], ensure_ascii=False)}]'
                problems.append(Finding(
                    code="LR100", severity="error", key=key or None,
                    message=f'item {n} ({key or "no id"}): "{variable}" {wrong}; pandoc refuses the whole file for it '
                    "(a Quarto or R Markdown document citing it stops at rendering)",
                    hint=fix, file=filename, line=here.get(variable) or line))
            for variable, what, fix in unread_dates(item) if yaml else unread_json_dates(item):
                problems.append(Finding(
                    code="LR124", severity="warning", key=key or None, file=filename, line=here.get(variable) or line,
                    message=f"item {n} ({key or 'no id'}): {variable} {what}", hint=fix))
            for variable, lines in repeated.get(at, {}).items():
                said = "twice" if len(lines) == 2 else f"{len(lines)} times"
                problems.append(Finding(
                    code="LR103", severity="error", key=key or None, file=filename, line=lines[0],
                    message=f"item {n} ({key or 'no id'}): {variable} is given {said} (lines "
                    f"{', '.join(map(str, lines))}): YAML keeps the last, which alone pandoc reads",
                    hint=f"Write {variable} once" + (", every name in its list" if variable in NAME_VARIABLES else "")))
            for variable, meant in misnamed_variables(item):
                problems.append(Finding(
                    code="LR159", severity="warning", key=key or None, file=filename, line=here.get(variable) or line,
                    message=f"item {n} ({key or 'no id'}): {variable!r} is no CSL variable, so no style prints its value"
                    f"; CSL calls it {meant!r}",
                    hint=f"Rename {variable} to {meant}" + (" (a date as YYYY-MM-DD, or date-parts)" if meant == "issued"
                                                            else "")))
            source = item_source(item, filename, line, here, markdown=yaml)
            if (unknown := unknown_type(item, filename, here.get("type") or line)) is not None:
                problems.append(unknown)
        except ValueError as exc:
            problems.append(Finding(code="LR100", severity="error", message=f"item {n}: {exc}",
                                    hint="Give every item an id and a type", file=filename, line=line))
            continue
        earlier = sources.pop(source.key, None)  # the later item is used, as pandoc uses it
        if earlier is not None:
            copies.setdefault(source.key, [earlier.line or 1]).append(line)
        sources[source.key] = source
    if copies:
        from .several import duplicate_key

        problems += [duplicate_key(key, (filename, n), (filename, lines[-1]), word="id", copies=len(lines))
                     for key, lines in copies.items() for n in lines[:-1]]
        problems.sort(key=lambda p: p.line or 0)
    return Bibliography(tuple(sources.values()), tuple(problems), filename, text)


_YAML_START = lazy(r"\ufeff?\s*(?:---[ \t]*\r?\n|-[ \t]+id[ \t]*:|references[ \t]*:)")
"""How a CSL-YAML file starts: its ``---``, a first item's id, the ``references:`` key."""


def _syntax_error(exc: Exception, text: str, filename: str, *, yaml: bool, bom: bool, item: bool = False) -> Finding:
    """The LR100 of a CSL ``text`` (its byte order mark, if ``bom``, read past) that does not parse: where and what,
    and what to fix; ``item``: the error is one item's, the file's other items read."""
    import yaml as pyyaml

    from ..safeload import json_problem, yaml_error_line, yaml_problem

    line = (getattr(exc, "lineno", None) or getattr(exc, "line", None)
            or getattr(getattr(exc, "problem_mark", None), "line", 0) + 1)
    why = str(exc)
    if isinstance(exc, pyyaml.MarkedYAMLError):  # its str() is several lines naming "<unicode string>"
        why, line = yaml_problem(exc), yaml_error_line(exc) or line
    hint = "Fix the syntax at that line"
    if isinstance(exc, json.JSONDecodeError):  # located in the file as written (its byte order mark too)
        why, hint, line = json_problem(json.JSONDecodeError(exc.msg, "\ufeff" + exc.doc, exc.pos + 1) if bom
                                       else exc)
    if yaml and "mapping values are not allowed" in why and (quoted := _quoted_value(text, line)):
        hint = f"Quote the value, whose \": \" YAML reads as a new key: {quoted} (pandoc refuses the whole file)"
    if yaml and "expected <document start>" in why:  # items appended after the "..." that ends the file's YAML
        hint = 'Move it above the "..." that ends the YAML before it (pandoc refuses the whole file)'
    if not yaml and line == 1 and _YAML_START.match(text):
        stem = filename.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        hint = f"The file holds CSL-YAML, not JSON: name it {stem}.yaml (pandoc reads a bibliography by its extension)"
    told = ("; pandoc refuses the whole file for it, so the document does not render until it is mended (the "
            "file's other items are read)") if item else ""
    return Finding(code="LR100", severity="error", message=f"not valid CSL-{'YAML' if yaml else 'JSON'}: {why}{told}",
                   hint=hint, file=filename, line=line)


def _by_item(text: str, filename: str, whole: Finding, *, yaml: bool, bom: bool, front_matter: bool,
             item_id: Callable[[Mapping[str, Any]], str] | None) -> Bibliography | None:
    """A CSL ``text`` that does not parse as a whole (``whole`` its LR100) read item by item: the items that parse
    alone, an LR100 at each that does not (``whole`` too when no broken item holds its line: an error between
    items); None when the text cannot be cut at its items, or no item or every item parses alone and the rest
    still does not parse."""
    import yaml as pyyaml

    from ..safeload import load_json
    from .csl_recover import json_gaps, json_items, masked, yaml_items

    broken: list[tuple[Finding, int, int]] = []  # each with its first and last line
    if yaml:
        items = yaml_items(text)
        if not items:
            return None
        lines = text.split("\n")
        for first, end in items:
            try:
                _first_document("\n".join(lines[first:end]))
            except pyyaml.YAMLError as exc:
                if len(broken) == _MOST_BROKEN:
                    return None
                _shift(exc, first)
                broken.append((_of_item(_syntax_error(exc, text, filename, yaml=True, bom=bom, item=True),
                                        "\n".join(lines[first:end]), item_id), first + 1, end + 1))
        failing = {first - 1 for _, first, _ in broken}
        gone = {n for first, end in items for n in range(first, end) if first in failing}
        kept = "\n".join("" if n in gone else line for n, line in enumerate(lines))
        count, failed = len(items), len(broken)
        numbers = [n for n, (first, _) in enumerate(items, start=1) if first not in failing]
    else:
        found = json_items(text)
        if found is None or not found[0]:
            return None
        spans, close = found
        bad: set[int] = set()
        for n, (start, end) in enumerate(spans):
            try:
                load_json(text[start:end], strict=True)
            except json.JSONDecodeError as exc:
                if len(broken) == _MOST_BROKEN:
                    return None
                bad.add(n)
                moved = json.JSONDecodeError(exc.msg, text, exc.pos + start)
                broken.append((_of_item(_syntax_error(moved, text, filename, yaml=False, bom=bom, item=True),
                                        text[start:end], item_id),
                               text.count("\n", 0, start) + 1, text.count("\n", 0, end) + 1))
            except ValueError:  # a limit: the file's own check came first
                return None
        gaps = json_gaps(text, spans, close)  # a comma missing, doubled or closing the list
        if len(broken) + len(gaps) > _MOST_BROKEN:
            return None
        for at, said in gaps:
            at_line = text.count("\n", 0, at) + 1
            gap = _syntax_error(json.JSONDecodeError(said, text, at), text, filename, yaml=False, bom=bom, item=True)
            if said == "Expecting ','":  # (json's "between two values": here two items, the first named)
                ended = text.count("\n", 0, max((e for _, e in spans if e <= at), default=at)) + 1
                gap = replace(gap, message=gap.message.replace("between two values", "between two items"),
                              hint=f"Add a comma after the item that ends on line {ended}")
            broken.append((gap, at_line, at_line))
        kept = masked(text, spans, lambda n: n not in bad, close)
        count, failed = len(spans), len(bad)
        numbers = [n + 1 for n in range(len(spans)) if n not in bad]
    if not broken or failed == count:  # nothing to recover, or nothing that parses
        return None
    try:
        rest = parse_csl(("\ufeff" if bom else "") + kept, filename, yaml=yaml, front_matter=front_matter,
                         item_id=item_id, _whole=False, _numbers=numbers)
    except (ValueError, pyyaml.YAMLError):
        return None
    if not any(first <= (whole.line or 0) <= last for _, first, last in broken):
        broken.append((whole, 0, 0))
    problems = sorted([*rest.problems, *(finding for finding, _, _ in broken)], key=lambda p: p.line or 0)
    return Bibliography(rest.sources, tuple(problems), filename, text)


_BROKEN_ID = lazy(r'"(id|standard_citation)"[ \t\r\n]*:[ \t\r\n]*"((?:[^"\\\n]|\\.)+)"'
                        r"|^[ \t]*(?:-[ \t]+)?(id|standard_citation)[ \t]*:([^\n]*)$", re.M)
"""An id as CSL-JSON writes it, or a YAML line that sets one (its value read by ``_yaml_id``)."""


def _yaml_id(after: str) -> str | None:
    """The id a YAML line gives after its colon: a plain or quoted scalar holding no quotation mark or "#"; None for
    any other (read here, not by a pattern: one that tried each length of the value took the square of its time)."""
    value = after.strip(" \t")
    if value[:1] in ("'", '"'):
        if len(value) < 3 or value[-1] != value[0]:
            return None
        value = value[1:-1]
    elif not after:
        return None
    return None if any(mark in value for mark in "'\"#") else value


def _of_item(finding: Finding, part: str, item_id: Callable[[Mapping[str, Any]], str] | None) -> Finding:
    """The LR100 of an item that does not parse (``part`` its text) with the id it would be cited by, read from its
    text, as its key: the entry is not read, and what a check of an older version found on it cannot be compared."""
    told: dict[str, str] = {}
    for match in _BROKEN_ID.finditer(part):
        name, value = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), _yaml_id(match.group(4)))
        if value is None:
            continue
        if match.group(1):
            with contextlib.suppress(ValueError):  # (a bad escape: the id as written)
                value = json.loads(f'"{value}"')
        told.setdefault(name, value.strip())
    key = (item_id(told) if item_id is not None else "") or told.get("id", "")
    return replace(finding, key=key) if key else finding


_MOST_BROKEN = 20
"""More broken items than this (each located in the whole text) and the file is one LR100, as a file cut wrong."""


def _shift(exc: Any, lines: int) -> None:
    """Move the marks of a YAML error in a text's part that starts at the 0-based line ``lines`` to the text's."""
    import yaml as pyyaml

    for name in ("problem_mark", "context_mark"):
        if (mark := getattr(exc, name, None)) is not None:
            setattr(exc, name, pyyaml.Mark(mark.name, mark.index, mark.line + lines, mark.column, None, 0))


def _quoted_value(text: str, line: int) -> str:
    """The variable on ``line`` of a CSL-YAML text with its value in double quotes (``title: "A: B"``), or '' when
    that line holds no plain ``key: value`` with ": " in its value."""

    lines = text.split("\n")
    match = re.match(r"^(\s*(?:-\s+)?[\w-]+):\s+(.*?:\s.*?)\s*$", lines[line - 1]) if 0 < line <= len(lines) else None
    if match is None or match.group(2).startswith(("'", '"', "[", "{", "|", ">")):
        return ""
    return f"{match.group(1).strip()}: {json.dumps(match.group(2), ensure_ascii=False)}"


_FORMATTED = frozenset({"full", "id"})
"""What an item of formatted references holds (``full: 'Doe, J. 2000. Title. Place: Publisher.'``, ``id: ''``)."""


def _formatted_references(data: Sequence[Any], filename: str, key_lines: Mapping[int, Mapping[str, int]]
                          ) -> Finding | None:
    """One LR100 for a file whose items each hold a formatted reference string and no CSL variable (a ``full:``
    string, an empty id), which pandoc reads as items without author, title, date or id: nothing to cite, nothing
    to print; None when any item is a CSL item."""
    if not data or not all(isinstance(i, Mapping) and set(i) <= _FORMATTED and isinstance(i.get("full"), str)
                           and i["full"].strip() and not str(i.get("id") or "").strip() for i in data):
        return None
    first = key_lines.get(0, {})
    return Finding(code="LR100", severity="error", file=filename, line=min(first.values(), default=1),
                   message=f"the file holds {len(data)} formatted reference{'s' if len(data) != 1 else ''} (a `full:` "
                   "string each), not CSL items: pandoc reads items with no id, author, title or date, which no "
                   "citation finds and no style prints",
                   hint="`litreview import` parses formatted references into entries: put the strings in a text "
                   "file, one a paragraph, and run `litreview import --whole refs.txt > references.bib`, then check "
                   "the entries it marks uncertain")


def _any_id(item: Mapping[str, Any]) -> bool:
    """Whether a CSL item gives its id under any name pandoc's markdown reader takes for it ("ID", "Id")."""
    return any(isinstance(k, str) and k.casefold() == "id" and v is not None for k, v in item.items())


def _left_out(item: Mapping[str, Any], n: int, filename: str, line: int) -> Finding:
    """LR100 for an item of a CSL-YAML file or front matter without an id (or with one pandoc does not read as
    its id: "ID" in a file), which pandoc leaves out: its citeproc takes a YAML item by its ``id`` alone."""
    named = next((k for k in item if isinstance(k, str) and k.casefold() == "id" and k != "id"), None)
    hint = (f"Write the key in lower case: id: {item[named]} (pandoc reads the id of a CSL-YAML file's item by that "
            "name alone)" if named is not None and item[named] is not None
            else "Give it an id, cited as [@id]: id: smith2020")
    return Finding(code="LR100", severity="error", file=filename, line=line,
                   message=f"item {n} has no id: pandoc leaves it out (no citation finds it, and nocite: \"@*\" "
                   "does not print it)", hint=hint)


def _no_id(item: Mapping[str, Any], n: int, key: str, filename: str, line: int) -> Finding:
    """LR100 for a CSL item without an id, which pandoc reads but no citation can find (``nocite: "@*"`` lists
    the last such item alone)."""
    told = str(item.get("standard_citation") or "").strip()
    hint = (f'Give it the id Manubot read it by: "id": "{told}" (pandoc reads no standard_citation)' if told else
            'Give it an id, cited as [@id]: "id": "smith2020"')
    return Finding(code="LR100", severity="error", key=key, file=filename, line=line,
                   message=f"item {n} has no id (kept as {key}): pandoc reads it, but no citation can find it",
                   hint=hint)


def _first_document(text: str) -> tuple[Any, dict[int, dict[str, int]], dict[int, dict[str, list[int]]],
                                         tuple[int, int] | None]:
    """The first YAML document that is not empty, as pandoc reads a CSL-YAML file (framed ``---`` ... ``---``
    like a front matter, the rest of the file parsed but unread), the line of each variable of each of its items,
    the lines of each variable an item gives more than once (YAML keeps the last, as pandoc does), and, when a
    later document holds items, the line of its first one and of the ``---`` before it (else None)."""
    from ..safeload import pyyaml_text_dates_loader

    loader = pyyaml_text_dates_loader()(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            data = loader.construct_document(node)
            if data is not None:
                unread = None
                while loader.check_node():  # pandoc parses the rest: text after "..." that opens no document
                    later = loader.get_node()  # ("---") makes it refuse the whole file
                    if unread is None and later is not None and (items := _yaml_items(later)):
                        unread = (items[0].start_mark.line + 1, _marker_before(text, later.start_mark.line))
                return data, _yaml_item_lines(node), _yaml_repeated(node), unread
        return None, {}, {}, None
    finally:
        loader.dispose()


def _marker_before(text: str, line: int) -> int:
    """The line (from 1) of the last ``---`` before the 0-based ``line``: where the YAML before it ends."""
    rows = text.split("\n")[:line + 1]
    return next((n + 1 for n in range(len(rows) - 1, -1, -1) if rows[n].rstrip() == "---"), line + 1)


def _yaml_items(node: Any) -> list[Any]:
    """The item nodes of a composed CSL-YAML document: its list, or the list under its ``references:``."""
    if node.tag.endswith(":map"):
        values = {key.value: value for key, value in node.value if isinstance(key.value, str)}
        node = values.get(_UNDER[0], values.get(_UNDER[1]))
    return list(node.value) if node is not None and node.tag.endswith(":seq") else []


def _yaml_item_lines(node: Any) -> dict[int, dict[str, int]]:
    """``safeload.json_item_lines`` for a composed YAML document (a later repeated key wins, as in the data)."""
    return {n: {key.value: key.start_mark.line + 1 for key, _ in item.value if isinstance(key.value, str)}
            for n, item in enumerate(_yaml_items(node)) if item.tag.endswith(":map")}


def _yaml_repeated(node: Any) -> dict[int, dict[str, list[int]]]:
    """The lines of each variable given more than once in an item of a composed YAML document, by item."""
    from collections import defaultdict

    items = _yaml_items(node)
    out: dict[int, dict[str, list[int]]] = {}
    for n, item in enumerate(items):
        if not item.tag.endswith(":map"):
            continue
        lines: defaultdict[str, list[int]] = defaultdict(list)
        for key, _ in item.value:
            if isinstance(key.value, str):
                lines[key.value].append(key.start_mark.line + 1)
        if repeated := {k: v for k, v in lines.items() if len(v) > 1}:
            out[n] = repeated
    return out


def _keyed_by_id(data: Mapping[Any, Any], text: str, filename: str, *, yaml: bool) -> Finding:
    """LR100 for a CSL file that is a mapping with no ``references:``: pandoc reads no item from it. When its values
    are items (a mapping of ids to items, as a script writes a dict), says so, and a key given twice in YAML."""
    # The keys whose values are items: those counted and named ("its 3 items ... (a, b, c)", not a "version" key too).
    items = {k: v for k, v in data.items() if isinstance(v, Mapping) and {"type", "title", "id", "author"} & set(v)}
    if not items or len(items) < len(data) / 2:
        return Finding(code="LR100", severity="error",
                       message=f"not a CSL bibliography: a mapping without references: (its keys: {_names(data)})",
                       hint="Write the items as a list (- id: ...), or under references:", file=filename, line=1)
    twice = ""
    if yaml:
        lines: dict[str, list[int]] = {}
        for n, row in enumerate(text.splitlines(), 1):
            if (top := _TOP_KEY.match(row)) is not None:
                lines.setdefault(top.group(1).strip("'\""), []).append(n)
        if doubled := {k: v for k, v in lines.items() if len(v) > 1}:
            twice = "; " + ", ".join(f"{k!r} is given {'twice' if len(v) == 2 else f'{len(v)} times'} (lines "
                                     f"{', '.join(map(str, v))}: YAML keeps the last)" for k, v in doubled.items())
    how = ("Write references: on the first line and each item below it as a list entry, '- id: KEY' and its fields "
           "indented under it" if yaml else 'Write the items as a list, [{"id": "KEY", ...}, ...]')
    return Finding(code="LR100", severity="error",
                   message=f"not a CSL bibliography: its {len(items)} items are keyed by id ({_names(items)}), not "
                           f"listed: pandoc reads no item from it, without an error, and no citation of them is "
                           f"found{twice}",
                   hint=how + ("" if all(isinstance(v, Mapping) and v.get("id") for v in data.values()) else
                               ", each with the key it was given as its id"), file=filename, line=1)


_TOP_KEY = lazy(r"^([^\s#\-{\[][^:#]*?):\s*(?:#.*)?$")
"""A key of a YAML file's top mapping whose value is on the lines below it (``SZ:``)."""


def _names(data: Mapping[Any, Any]) -> str:
    names = [str(k) for k in list(data)[:5]]
    return ", ".join(names) + (", ..." if len(data) > 5 else "")


#: The keys a CSL file that is a mapping holds its items under, the first present read (as pandoc reads it).
_UNDER = ("references", "items")
_REFERENCES = re.compile(r"^references[ \t]*:", re.M)


def inline_references(text: str, path: str) -> Bibliography | None:
    """The ``references:`` of a Markdown essay's front matter as a CSL bibliography, each item at its line
    of the essay, as pandoc reads them (they take precedence over the bibliography files); None without. Those
    of a later YAML block replace the front matter's, as pandoc joins the blocks (``yaml_meta.merge_meta``)."""
    from ..essay.yaml_meta import yaml_block_lines

    given = [(first, rows) for first, rows in yaml_block_lines(text.removeprefix("\ufeff"))
             if _REFERENCES.search("\n".join(rows))]
    if not given:
        return None
    first, rows = given[-1]
    # The lines before the block's YAML blanked, each line ended by "\n": lines as in the essay.
    block = "\n" * (first - 1) + "".join(row + "\n" for row in rows)
    from dataclasses import replace

    return replace(parse_csl(block, path, yaml=True, front_matter=True), text="")  # (its text is the essay's, not a bibliography)
