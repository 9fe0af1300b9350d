"""Load a BibTeX file into ``Source`` values: the only module that imports pybtex.

Every problem met while parsing becomes a located ``Finding`` (LR100-LR105), so one
run reports all of them; parsing goes on past a bad entry to the next ``@``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from pathlib import Path

from ..errors import InputError
from ..model import Bibliography, Finding, Person, Source
from .latex import decode_latex

# Entry types of BibTeX and biblatex; anything else is reported (LR102).
KNOWN_TYPES = frozenset(
    ["article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings", "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished", "online", "report", "thesis", "collection", "mvbook", "bookinbook", "suppbook", "periodical", "suppperiodical", "suppcollection", "mvcollection", "reference", "mvreference", "inreference", "mvproceedings", "patent", "dataset", "software", "set", "xdata", "electronic", "www", "standard"]
)

CONTAINER_FIELDS = ("journal", "journaltitle", "booktitle", "howpublished", "maintitle")
PUBLISHER_FIELDS = ("publisher", "institution", "organization", "school")
_BRACES = re.compile(r"(?<!\\)[{}]")
_SPACES = re.compile(r"\s+")


def _person(pybtex_person) -> Person:
    given = " ".join(pybtex_person.first_names + pybtex_person.middle_names)
    return Person(
        family=decode_latex(" ".join(pybtex_person.last_names)),
        given=decode_latex(given),
        prefix=decode_latex(" ".join(pybtex_person.prelast_names)),
        suffix=decode_latex(" ".join(pybtex_person.lineage_names)),
    )


def _year(fields: dict[str, str]) -> int | None:
    raw = fields.get("year") or fields.get("date", "")[:4]
    raw = decode_latex(raw)
    return int(raw) if raw.isdigit() else None


def _first(fields: dict[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        if fields.get(name):
            return decode_latex(fields[name])
    return ""


class _Lines:
    """Offset-to-line lookup over one text, built once (counting per entry is quadratic)."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _entry_start_line(text: str, line: int | None) -> int:
    """The line of the ``@`` that opens the entry containing ``line``."""
    lines = text.splitlines()
    for number in range((line or 1), 0, -1):
        if number <= len(lines) and lines[number - 1].lstrip().startswith("@"):
            return number
    return 1


_ENTRY_START = re.compile(r"^[ \t]*@", re.M)


def _unbalanced_braces(text: str, filename: str) -> list[Finding]:
    """Find entries whose braces do not balance, pointing at the brace never closed.

    pybtex notices such an entry only where the damage shows (often the next entry),
    so this pre-scan gives the line a person has to fix.
    """
    problems = []
    starts = [m.start() for m in _ENTRY_START.finditer(text)] + [len(text)]
    for begin, end in itertools.pairwise(starts):
        chunk = text[begin:end]
        if chunk.lstrip()[1:].lower().startswith("comment"):
            continue
        opens = chunk.count("{") - chunk.count("\\{")
        closes = chunk.count("}") - chunk.count("\\}")
        if opens == closes and chunk.find("}") > chunk.find("{") >= 0:
            continue  # balanced by count; an order problem is left to pybtex's parser
        stack: list[int] = []
        extra_close = None
        for i, ch in enumerate(chunk):
            if ch == "{" and (i == 0 or chunk[i - 1] != "\\"):
                stack.append(i)
            elif ch == "}" and (i == 0 or chunk[i - 1] != "\\"):
                if stack:
                    stack.pop()
                elif extra_close is None:
                    extra_close = i
        if stack:
            entry_line = _line_of(text, begin)
            problems.append(Finding(
                code="LR100", severity="error",
                message=f"unbalanced braces: a {{ is never closed in the entry that starts on line {entry_line}",
                hint="Add the missing } (or remove the extra {) on this line",
                file=filename, line=entry_line + _first_unbalanced_line(chunk),
            ))
        elif extra_close is not None:
            problems.append(Finding(
                code="LR100", severity="error", message="unbalanced braces: a } closes nothing",
                hint="Remove the extra } or add the missing {", file=filename,
                line=_line_of(text, begin + extra_close),
            ))
    return problems


def _first_unbalanced_line(chunk: str) -> int:
    """Offset (in lines) of the first field line whose braces do not balance."""
    lines = chunk.splitlines()
    for offset, line in enumerate(lines[1:-1], start=1):
        if line.count("{") - line.count("\\{") != line.count("}") - line.count("\\}"):
            return offset
    return 0


def parse_bibliography(text: str, filename: str = "<string>") -> Bibliography:
    """Parse BibTeX text; problems are returned as findings, never raised."""
    from pybtex.database import Entry
    from pybtex.database import Person as PybtexPerson
    from pybtex.database.input.bibtex import LowLevelParser, month_names
    from pybtex.scanner import PybtexError, PybtexSyntaxError
    from pybtex.utils import CaseInsensitiveDict

    problems: list[Finding] = _unbalanced_braces(text, filename)
    # Entries already reported as unbalanced: pybtex's later complaint is a consequence.
    damaged = {_entry_start_line(text, p.line) for p in problems}

    def syntax_error(error: PybtexSyntaxError) -> None:
        if _line_of(text, error.error_context_info[0] or 0) in damaged:
            return
        message = str(error).split(": ", 1)[-1] if ": " in str(error) else str(error)
        start = _line_of(text, error.error_context_info[0] or 0)
        if start != error.lineno:
            message += f" (in the entry that starts on line {start})"
        problems.append(Finding(
            code="LR100", severity="error", message=f"BibTeX syntax error: {message}",
            hint=_hint_for(message), file=filename, line=error.lineno,
        ))

    line_of = _Lines(text)
    scanner = LowLevelParser(text, macros=CaseInsensitiveDict(month_names),
                             handle_error=syntax_error, filename=filename)
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for entry_type, body in scanner:
        line = line_of(scanner.command_start)
        kind = entry_type.lower()
        if kind in ("string", "preamble", "comment"):
            continue
        key, raw_fields = body
        if key is None:
            continue
        if key.lower() in seen:
            problems.append(Finding(
                code="LR101", severity="error",
                message=f"duplicate key {key!r} (first defined on line {seen[key.lower()]})",
                hint="Rename one of the entries, or delete the copy", key=key, file=filename, line=line,
            ))
            continue
        seen[key.lower()] = line
        if kind not in KNOWN_TYPES:
            problems.append(Finding(
                code="LR102", severity="error", message=f"unknown entry type @{entry_type}",
                hint="Use a BibTeX or biblatex type such as @article, @book, @incollection, @online, @misc",
                key=key, file=filename, line=line,
            ))
        fields: dict[str, str] = {}
        entry = Entry(kind)
        for name, value_parts in raw_fields:
            lname = name.lower()
            value = _SPACES.sub(" ", "".join(value_parts)).strip()
            if lname in fields:
                problems.append(Finding(
                    code="LR103", severity="error", message=f"field {name!r} appears twice in {key!r}",
                    hint="Keep one of the two values", key=key, file=filename, line=line,
                ))
                continue
            fields[lname] = value
            if lname in ("author", "editor"):
                try:
                    for name_part in _split_names(value):
                        entry.add_person(PybtexPerson(name_part), lname)
                except PybtexError as exc:
                    problems.append(Finding(
                        code="LR104", severity="error", message=f"cannot read the {lname} names: {exc}",
                        hint='separate names with " and "; write each as "Family, Given"',
                        key=key, file=filename, line=line,
                    ))
        sources.append(Source(
            key=key,
            type=kind,
            authors=tuple(_person(p) for p in entry.persons.get("author", [])),
            editors=tuple(_person(p) for p in entry.persons.get("editor", [])),
            year=_year(fields),
            title=decode_latex(fields.get("title", "")),
            container=_first(fields, CONTAINER_FIELDS),
            publisher=_first(fields, PUBLISHER_FIELDS),
            volume=decode_latex(fields.get("volume", "")),
            number=_first(fields, ("number", "issue")),
            pages=decode_latex(fields.get("pages", "")),
            doi=fields.get("doi", "").strip(),
            url=fields.get("url", "").strip(),
            urldate=decode_latex(fields.get("urldate", "")),
            fields=fields,
            file=filename,
            line=line,
        ))
    problems.sort(key=lambda p: p.line or 0)
    return Bibliography(sources=tuple(sources), problems=tuple(problems), file=filename, text=text)


def _split_names(value: str) -> list[str]:
    from pybtex.bibtex.utils import split_name_list

    return [name for name in split_name_list(value) if name.strip()]


def _hint_for(message: str) -> str:
    if "brace" in message or "premature end" in message:
        return "Check that every { has a matching } in this entry"
    if "',' or '}'" in message or "expected" in message:
        return "A comma is probably missing after the previous field"
    if "undefined string" in message:
        return "Quote the value in braces, or define it with @string"
    return "See the BibTeX syntax: @type{key, field = {value}, ...}"


def load_bibliography(path: str | Path) -> Bibliography:
    """Read and parse a .bib file. Unreadable files raise InputError; parse problems are data."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError("bibliography not found", path=str(p),
                         hint="Check the path, or set it with --bib or in [tool.litreview]") from None
    except OSError as exc:
        raise InputError(f"cannot read bibliography: {exc.strerror}", path=str(p)) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        # Report the bad line, then parse what can be read so every other problem shows too.
        from ..fileio import encoding_hint

        line = raw.count(b"\n", 0, exc.start) + 1
        text = raw.decode("utf-8", errors="replace")
        bib = parse_bibliography(text, str(p))
        bad = Finding(
            code="LR105", severity="error",
            message=f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            hint=encoding_hint(raw, p.name, sentence=True), file=str(p), line=line,
        )
        return Bibliography(bib.sources, (bad, *bib.problems), bib.file, bib.text)
    if not text.strip():
        return Bibliography(sources=(), problems=(Finding(
            code="LR100", severity="error", message="the bibliography is empty",
            hint="Add entries, e.g. with `litreview import` or `litreview add`", file=str(p), line=1,
        ),), file=str(p), text=text)
    bib = parse_bibliography(text, str(p))
    if not bib.sources and not bib.problems:
        # Comments or stray text only: as unusable as an empty file, and as easy to miss.
        return Bibliography(sources=(), problems=(Finding(
            code="LR100", severity="error", message="the bibliography has no entries",
            hint="Entries start with @type{key, ...}; add them with `litreview import` or `litreview add`",
            file=str(p), line=1,
        ),), file=str(p), text=text)
    return bib
