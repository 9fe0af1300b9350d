"""Load a BibTeX file into ``Source`` values: with ``names``, ``people`` and ``fieldparser`` the only modules that
import pybtex.

Every problem met while parsing becomes a located ``Finding`` (LR100-LR105, LR108, LR109, LR155, LR163), so
one run reports all of them; parsing goes on past a bad entry to the next ``@``. The brace
check that runs before pybtex (LR100, LR109) is in ``prescan``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..doi import entry_doi
from ..errors import InputError
from ..lazyre import lazy
from ..model import Bibliography, Finding, Person, Source
from . import bibtex, inherit, names
from .bibtex_comments import CommentedOut, comment_lines, string_matters
from .dates import date_year
from .fieldparser import parser_class
from .latex import decode_latex
from .people import read_people, without_empty_names
from .prescan import STRAY_CLOSE, _Lines, _prescan, conflicts
from .several import case_clash, duplicate_key
from .syntaxhints import syntax_told
from .unmarked import unmarked_entries

# Entry types the biblatex manual documents (regular, aliases, "unsupported" ones styles fall back on,
# custom[a-f]) and BibTeX's; anything else loads with a warning (LR102).
_TYPE_NAMES = """
    article book mvbook inbook bookinbook suppbook booklet collection mvcollection incollection
    suppcollection dataset manual misc online patent periodical suppperiodical proceedings mvproceedings
    inproceedings reference mvreference inreference report set software thesis unpublished xdata
    customa customb customc customd custome customf conference electronic mastersthesis masterthesis
    phdthesis techreport www artwork audio bibnote commentary image jurisdiction legislation legal letter
    movie music performance review standard video
"""
KNOWN_TYPES = frozenset(_TYPE_NAMES.split())
CONTROL_TYPES = frozenset({"ieeetranbstctl"})
"""Entries that set a style's options, not works: IEEEtran.bst's @IEEEtranBSTCTL, which a document names with
\\bstctlcite and no style prints (biber and pandoc skip it as an entry nothing cites)."""

@lru_cache(maxsize=256)  # (a file may hold thousands of entries of one custom type)
def _type_meant(kind: str) -> str:
    """The known entry type an unknown one misspells by a letter or two ("booktlet", "artcile"), or a spelling of
    its own language's that starts alike and is near no other type ("mannuel", French for manual), or ''."""
    import difflib

    if len(kind) < 5:
        return ""
    scored = sorted(((difflib.SequenceMatcher(None, kind, known).ratio(), known) for known in KNOWN_TYPES), reverse=True)
    (best, meant), (second, _) = scored[0], scored[1]
    if best >= 0.85 and best > second:
        return meant
    return meant if best >= 0.75 and best - second >= 0.2 and kind[:3] == meant[:3] else ""


def _unknown_type_hint(kind: str) -> str:
    """The hint for an unknown entry type that misspells none: a kind of thesis of a university's own style
    (@diplomathesis, @ptychionthesis) is biblatex's @thesis with its type, else the common types."""
    if kind.endswith("thesis") and len(kind) > len("thesis"):
        return (f"Write @thesis with type = {{...}} naming the kind (biblatex; pandoc reads it too), or @mastersthesis "
                f"for BibTeX's styles: @{kind} is known only to a style that defines it")
    if kind.replace("_", "").replace("-", "") in _WEB_TYPES:  # Mendeley's @web_page, a template's @webpage
        return (f"Write @online, biblatex's type for a web page (pandoc reads it too), or @misc with its url for "
                f"BibTeX's styles: @{kind} is known only to a style that defines it, and the others print it as "
                "@misc")
    return "Use a BibTeX or biblatex type such as @article, @book, @incollection, @online, @misc"


_WEB_TYPES = frozenset({"webpage", "website", "web", "url", "internet", "homepage", "webresource", "webdocument",
                        "onlineweb"})
"""Unknown entry types that name a web page: biblatex's @online is the one meant."""


CONTAINER_FIELDS = ("journal", "journaltitle", "booktitle", "howpublished", "maintitle")
PUBLISHER_FIELDS = ("publisher", "institution", "organization", "school")
PERSON_FIELDS = ("author", "editor")
_EMPTY_VALUE = lazy(r"\s*[,})]")
"""What follows a field's "=" that has no value (``doi = ,``): a comma or the entry's end."""
MACRO_BUDGET = 1_000_000
"""Characters @string macros may give out in one file, beyond ten times its length."""


def _year(fields: Mapping[str, str]) -> int | None:
    # A date biber and pandoc read wins over the year field beside it (biber ignores that one, with a warning).
    dated = date_year(fields.get("date", ""))
    if dated is not None:
        return dated
    raw = decode_latex(fields.get("year", ""))
    if raw.isdecimal() and len(raw) <= 18:  # isdigit() takes "²", which int() refuses; int() caps digits
        return int(raw)
    return None


def _first(fields: Mapping[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        if fields.get(name):
            return decode_latex(fields[name])
    return ""


def _entry_start_line(lines: list[str], line: int | None) -> int:
    """The line of the ``@`` that opens the entry containing ``line`` (``lines``: the text's)."""
    for number in range((line or 1), 0, -1):
        if number <= len(lines) and lines[number - 1].lstrip().startswith("@"):
            return number
    return 1


class _Raw:
    """One entry as read, before inheritance: type, key, own fields, where it starts and where each field is."""

    __slots__ = ("field_lines", "fields", "key", "kind", "line")

    def __init__(self, kind: str, key: str, fields: dict[str, str], line: int, field_lines: dict[str, int]) -> None:
        self.kind, self.key, self.fields, self.line, self.field_lines = kind, key, fields, line, field_lines


def parse_bibliography(text: str, filename: str = "<string>") -> Bibliography:
    """Parse BibTeX text; problems are returned as findings, never raised.

    As pybtex in its non-strict mode: a syntax error costs only the entry it is in (the fields
    read before it are kept), an entry without a key is kept as ``unnamed-N``. As biber: keys
    that differ only in case are two entries (with a warning), ``crossref`` and ``xdata`` are
    inherited (look-ups ignore case), extended names (``family=..., given=...``) are read. As pandoc:
    a key defined twice takes the later entry (LR101 at the earlier one). As pandoc and biber: a line whose first
    mark is % is a comment, even inside an entry; but one that opens an entry is read as BibTeX reads it (LR155).
    """
    from pybtex.database.input.bibtex import month_names
    from pybtex.scanner import PybtexSyntaxError
    from pybtex.utils import CaseInsensitiveDict

    original, (text, commented) = text, comment_lines(text)
    starts = {c.at for c in commented}
    line_of = _Lines(text)
    problems: list[Finding] = _prescan(text, filename, line_of) + [
        _commented_out(c, filename, line_of) for c in commented if c.kind != "preamble"
        and (c.kind != "string" or not c.read or string_matters(text, c, starts))]
    quiet = {c.at for c in commented if c.read}  # pybtex's errors in an entry written in % lines: told above
    # and those inside one, after pybtex lost its way in it ("%  title = {[Co @ Sn6]}" reads as an entry "@ Sn6").
    within = sorted((c.at, c.end) for c in commented if c.read and c.end)
    # Entries already reported as unbalanced: pybtex's later complaint is a consequence. But for a "}" that
    # closes nothing after an entry ended early ("title = {A} : {B}}," ends it at the "}}"), pybtex's complaint
    # where the entry went wrong, on an earlier line, is the cause: it is reported instead.
    lines = text.split("\n") if problems else []
    damaged = {_entry_start_line(lines, p.line): p for p in problems if p.code == "LR100"}

    def syntax_error(error: PybtexSyntaxError) -> None:
        begun = error.error_context_info[0]
        if begun in quiet:
            return
        if scanner.unjoined_keys:
            start, after, entry_key = scanner.unjoined_keys[-1]
            if start == begun and _unjoined_key(text, start, after, entry_key, filename, line_of) is not None:
                return  # what pybtex says of it ("'=' expected") is the key's doing: told below
        if begun is not None and (n := bisect.bisect_right(within, (begun, len(text) + 1))) and begun < within[n - 1][1]:
            return
        reported = damaged.get(line_of(error.error_context_info[0] or 0))
        if reported is not None:
            if not reported.message.startswith(STRAY_CLOSE) or (reported.line or 0) <= line_of(error.error_context_info[2]) or reported not in problems:
                return
            problems.remove(reported)
        head, _, detail = str(error).partition(": ")
        # The entry and field it is in (pybtex resets both at each @): named, so the hint can say what to write.
        key, field = scanner.current_entry_key, scanner.current_field_name if scanner.current_entry_key else None
        hint, at, told = "", error.error_context_info[2], None
        if head.startswith("undefined string"):  # a name no @string defines, maybe in another .bib of the build
            message = f"undefined @string {detail!r}: BibTeX and biber leave the field empty"
            if field:
                hint = f"Write {field} = {{{detail}}} if it is text, or define it with @string in this file"
                if field.lower() == "month" and detail.capitalize() in bibtex.MONTH_NAMES:
                    # "month = December": BibTeX's macros for the months are their first three letters
                    hint = (f"Write month = {detail[:3].lower()} (BibTeX's and biber's name for the month, whose "
                            f"styles print it in the document's language), or month = {{{detail}}}")
                if named := _named_bib(original, filename):  # "% include: strings.bib": the file meant to come first
                    hint += (f", or give {named} (which a comment of this file names) before this file: BibTeX and "
                             "biber share the @strings of the files of one build")
        elif detail == "field value expected" and field and _EMPTY_VALUE.match(scanner.text, scanner.pos):
            message = (f"{field} has no value: BibTeX and pybtex skip the rest of the entry from there, pandoc reads "
                       "it as empty and goes on")
            hint = f"Delete the line, or write {field} = {{...}} with its value"
        elif told := syntax_told(text, detail, error.error_context_info[0] or 0, at, line_of):
            message, hint = told.message, told.hint  # "'=' expected" for "author {Poe}", an @ that opens no entry
        else:
            message = detail or head
        start = line_of(error.error_context_info[0] or 0)
        if start != (told.line if told else error.lineno):
            message += f" (in the entry that starts on line {start})"
        if not hint and "expected" in message and text[at:at + 1] == "%" and key:
            # "year = {1995}, % a note": BibTeX and pybtex read no comment inside an entry (pandoc and biber do).
            hint = ("BibTeX reads % inside an entry as text, not as a comment, and skips the rest of the entry from "
                    "there: move the comment above the entry, or delete it")
        if (not hint and "expected" in message and text[at:at + 1] not in ("", "%", "@", "{", '"') and not text[at].isspace()
                and text[:at].rstrip(" \t").endswith("}") and not _NEXT_FIELD.match(text, at)):
            # 'note = {\url{https://x.org}(23.9.2022)},': a } too many closes the value, and text follows it
            after = re.match(r"[^\n]*", text[at:at + 60])
            hint = (f"Text follows the closing brace of a value ({after.group().strip() if after else ''!r}): move it "
                    "inside the braces or delete it (a } too many may close the value early)")
        if head.startswith("undefined string") and (defined := bibtex.string_offset(text, detail)) is not None:
            # Defined below its use: BibTeX, biber and pandoc read the file in order (pandoc prints the name).
            hint = (f"Move the @string on line {line_of(defined)} above the entries that use {detail!r}: BibTeX, "
                    f"biber and pandoc read the file in order, and pandoc prints {detail!r} here")
        hint = hint or ("expected" in message and _bare_value_hint(text, error.error_context_info[0] or 0, at)) or ""
        if (not hint and "expected" in message and _NEXT_FIELD.match(text, at)
                and not text[text.rfind("\n", 0, at) + 1:at].strip() and "\n" in text[:at].rstrip()):
            # "year = {2016}" then "month = ..." on the next line: the comma belongs at the end of the line before
            before = text[:at].rstrip()
            last = before[before.rfind("\n") + 1:].strip()
            if last and len(last) <= 80:
                hint = (f"A comma is probably missing after the previous field, at the end of line "
                        f"{line_of(len(before) - 1)}: {last},")
        problems.append(Finding(
            code="LR100", severity="error", message=f"BibTeX syntax error: {message}",
            hint=hint or _hint_for(message), key=key, file=filename, line=told.line if told else line_of(at),
        ))

    expanded = [0, MACRO_BUDGET + 10 * len(text)]  # characters given out by @string macros, and the cap

    class Macros(CaseInsensitiveDict):
        """@string macros with a cap on what they give out in all: each ``@string{a = a # a}``
        doubles ``a``, so 30 lines would make gigabytes. Past the cap a macro reads as empty."""

        def __getitem__(self, name: str) -> str:
            value = super().__getitem__(name)
            expanded[0] += len(value)
            if expanded[0] <= expanded[1]:
                return value
            if expanded[0] - len(value) <= expanded[1]:  # the first one over: report it, once
                problems.append(Finding(
                    code="LR100", severity="error",
                    message=f"the @string macros expand to over {expanded[1]:,} characters by line "
                            f"{scanner.lineno} (at {name!r}): a macro bomb? Macros past it read as empty",
                    hint="Give each @string its plain text instead of chains of other macros joined by #",
                    file=filename, line=scanner.lineno,
                ))
            return ""

    scanner = parser_class()(text, macros=Macros(month_names), handle_error=syntax_error, filename=filename,
                              line_of=line_of)
    lr100_lines: set[int | None] = set()
    looked = 0
    raws: dict[str, _Raw] = {}
    seen: dict[str, int] = {}
    copies: dict[str, list[int]] = {}  # the lines of each key defined more than once
    differ: set[str] = set()  # the keys whose copies differ (type or fields): a copy alike is deleted, never renamed
    replaced: dict[str, _Raw] = {}  # the copy of a key a later one replaced, until the later one is read
    firsts: dict[str, _Raw] = {}  # the first copy of a key defined again (what BibTeX and biber keep)
    from_comment: set[str] = set()  # keys read from an entry in % lines (LR155), which a live one replaces
    seen_folded: dict[str, str] = {}
    unnamed = 0
    for entry_type, body in scanner:
        line = line_of(scanner.command_start)
        kind = entry_type.lower()
        if kind in ("string", "preamble", "comment"):
            continue
        key, raw_fields = body
        field_lines, repeated = scanner.field_lines, scanner.repeated_lines
        if key is None:
            if not raw_fields:
                raw_fields, field_lines, repeated = _keyless_fields(text, scanner.command_start, line)
            unnamed += 1
            key = f"unnamed-{unnamed}"  # pybtex's name for it
            lr100_lines.update(p.line for p in problems[looked:] if p.code == "LR100")  # (a scan per entry
            looked = len(problems)  # is quadratic)
            if line not in lr100_lines:
                problems.append(Finding(code="LR100", severity="error", message=f"the entry has no key (kept as {key})",
                                        hint="Add a key after the {: @article{smith2020title, ...",
                                        key=key, file=filename, line=line))
        if key in seen:  # the later entry is used, as pandoc uses it; one in % lines neither replaces a live one
            if scanner.command_start in quiet or key in from_comment:  # nor counts as its copy for biber and pandoc,
                # who never see it; BibTeX and pybtex read both and keep the first
                problems.append(_commented_copy(key, seen[key], line, filename, first_commented=key in from_comment,
                                                commented=scanner.command_start in quiet))
            if scanner.command_start in quiet:
                continue
            if key not in from_comment:
                copies.setdefault(key, [seen[key]]).append(line)
                if key in raws:
                    replaced[key] = raws[key]
                    firsts.setdefault(key, raws[key])
            del raws[key]
            from_comment.discard(key)
        if scanner.command_start in quiet:
            from_comment.add(key)
        seen[key] = line
        other = seen_folded.setdefault(key.casefold(), key)
        if other != key:
            problems.append(case_clash(key, other, seen[other], filename, line))
        if kind not in KNOWN_TYPES and kind not in CONTROL_TYPES:
            meant = "" if kind.replace("_", "").replace("-", "") in _WEB_TYPES else _type_meant(kind)
            problems.append(Finding(
                code="LR102", severity="warning", message=f"unknown entry type @{entry_type}",
                hint=f"Write @{meant}, the type this one misspells" if meant else _unknown_type_hint(kind),
                key=key, file=filename, line=line,
            ))
        fields: dict[str, str] = {}
        told: set[str] = set()
        for name, value_parts in raw_fields:
            lname = name.lower()
            if lname in fields:
                if lname not in told:  # one finding a field, however many times it is repeated
                    told.add(lname)
                    times = sum(n.lower() == lname for n, _ in raw_fields)
                    said = "twice" if times == 2 else f"{times} times"
                    values = [_short(" ".join("".join(v).split())) for n, v in raw_fields if n.lower() == lname]
                    same = len({" ".join("".join(v).split()) for n, v in raw_fields if n.lower() == lname}) == 1
                    which = (", with the same value each time: BibTeX, biber and pandoc read it; pybtex's strict mode "
                             "refuses the file" if same else
                             "" if values[0] == values[-1] else
                             f": BibTeX reads the first ({values[0]!r}), pandoc the "
                             f"{'second' if times == 2 else 'last'} ({values[-1]!r})")
                    at = repeated[0] if repeated else line
                    hint = (f"Delete the {'second' if times == 2 else 'repeated'} {lname} field"
                            f"{f' (line {at})' if times == 2 and repeated else ''}" if same else
                            f"Keep one of the {'two' if times == 2 else times} values")
                    problems.append(Finding(
                        code="LR103", severity="error", message=f"field {name!r} appears {said} in {key!r}{which}",
                        hint=hint, key=key, file=filename, line=at,
                    ))
                repeated = repeated[1:]
                continue
            # White space runs as one space, ends stripped (str.split's white space is re's \s).
            fields[lname] = " ".join("".join(value_parts).split())
        raws[key] = _Raw(kind, key, fields, line, field_lines)
        if (earlier := replaced.pop(key, None)) is not None and (earlier.kind, earlier.fields) != (kind, fields):
            differ.add(key)
    problems += [unjoined for start, at, key in scanner.unjoined_keys if start not in quiet
                 and (unjoined := _unjoined_key(text, start, at, key, filename, line_of)) is not None]
    for end, name, word, key in scanner.bare_words:
        problems.append(Finding(
            code="LR100", severity="error",
            message=f"{name} = {word}: a value without braces or quotes may only be a number or a @string name, so "
                    f"BibTeX and pybtex stop at {word[:len(word) - len(word.lstrip('0123456789'))]!r} and drop "
                    f"the fields after it (pandoc reads {word!r})",
            hint=f"Write {name} = {{{word}}}", key=key, file=filename, line=line_of(end)))
    problems += [Finding(
        code="LR163", severity="warning",
        message=f"{u.kind}{{{u.key}, opens an entry without its @: BibTeX, biber and pandoc read the lines as a "
                f"comment and skip the entry {u.key}",
        hint=f"Write @{u.kind}{{{u.key}, to keep the entry, or delete its lines to drop it",
        key=u.key, file=filename, line=line_of(u.at),
    ) for u in unmarked_entries(text, KNOWN_TYPES) if u.key not in seen]  # (a live entry of the key: an old copy)
    if copies:
        problems += [duplicate_key(key, (filename, n), (filename, lines[-1]), copies=len(lines), alike=key not in differ)
                     for key, lines in copies.items() for n in lines[:-1]]
    merged = inherit.resolve({r.key: (r.kind, r.fields) for r in raws.values()})
    sources = [_source(r, merged[r.key], filename, problems) for r in raws.values()]
    first_copies: tuple[Source, ...] = ()
    if firsts:  # read as BibTeX and biber read them: inheriting from the first copies of keys defined again
        as_bibtex = inherit.resolve({**{r.key: (r.kind, r.fields) for r in raws.values()},
                                     **{k: (r.kind, r.fields) for k, r in firsts.items()}})
        first_copies = tuple(_source(r, as_bibtex[r.key], filename, []) for r in firsts.values())
        # an entry inheriting (crossref, xdata) from such a key: from its first copy
        first_copies += tuple(_source(r, as_bibtex[r.key], filename, []) for r in raws.values()
                              if r.key not in firsts and as_bibtex[r.key] != merged[r.key])
    if "=======" in text and (conflicted := conflicts(text, filename, line_of)):
        # Inside a conflict the syntax errors are the markers' doing: the conflict stands for them.
        spans = [span for _, span in conflicted]
        problems = [p for p in problems if not (p.code == "LR100" and any(p.line in s for s in spans))]
        # A key on both sides of a conflict is defined twice only until it is resolved.
        sided = {key for key, lines in copies.items() for s in spans
                 if all(n in s for n in lines)}
        problems = [p for p in problems if not (p.code == "LR101" and p.key in sided)]
        problems += [finding for finding, _ in conflicted]
    problems.sort(key=lambda p: p.line or 0)
    return Bibliography(sources=tuple(sources), problems=tuple(problems), file=filename, text=original, earlier=first_copies)


_FIELD_NEXT = lazy(rf"{bibtex.FIELD_NAME}[ \t\r\n]*=")
_KEY_WORDS = lazy(r"[^\s,{}()=\"#%']+(?:[ \t]+[^\s,{}()=\"#%']+)*[ \t]*,")
_ENTRY_TYPE = lazy(r"@[ \t]*(\w+)")


def _unjoined_key(text: str, start: int, at: int, key: str, filename: str, line_of: _Lines) -> Finding | None:
    """LR100 for an entry's key that no comma follows (``at``: the first mark after it), when what follows is a field
    (the comma left out) or more words and a comma (a key with spaces); None for anything else (pybtex's error)."""
    kind = m.group(1) if (m := _ENTRY_TYPE.match(text, start)) else "misc"
    if _FIELD_NEXT.match(text, at):
        return Finding(code="LR100", severity="error", key=key, file=filename,
                       line=line_of(text.find(key, start) + len(key)),
                       message=f"no comma after the key {key!r}: pandoc refuses the whole file for it "
                               f"(\"unexpected '{text[at]}'\"), BibTeX skips the entry",
                       hint=f"Write @{kind}{{{key}, with a comma after the key")
    if (words := _KEY_WORDS.match(text, at)) is not None:
        written = f"{key} {words.group()[:-1].strip()}"
        return Finding(code="LR100", severity="error", key=key, file=filename, line=line_of(at),
                       message=f"the key {written!r} holds a space: pandoc refuses the whole file for it, BibTeX "
                               "skips the entry",
                       hint=f"Write the key without spaces, @{kind}{{{written.replace(' ', '')}, and cite it so")
    return None


def _commented_out(command: CommentedOut, filename: str, line_of: _Lines) -> Finding:
    entry = command.kind != "string"
    what = f"entry {command.key}" if entry else f"@string {command.key}"
    return Finding(
        code="LR155", severity="warning",
        message=f"{what if command.key else 'an entry'} is commented out with %: BibTeX reads it (to BibTeX % is no "
                "comment), biber and pandoc skip it" + ("" if command.read else "; it does not close in its % lines, "
                                                        "so BibTeX may read the lines after it as part of it"),
        hint="Delete the lines to drop it for every tool, or remove the % to keep it",
        key=command.key if entry and command.key else None, file=filename, line=line_of(command.at),
    )


def _commented_copy(key: str, first: int, line: int, filename: str, *, first_commented: bool,
                    commented: bool) -> Finding:
    """LR101, as a warning, at the second entry with a key when one of the two is written in % lines (LR155): BibTeX
    and pybtex read both (to them % is no comment), keep the first and report the second as a repeated entry; biber
    and pandoc see only the live one, or neither."""
    if first_commented and commented:
        told = (f"entry {key} is commented out with % twice, on line {first} and here: BibTeX and pybtex read both, "
                "keep the first and report this one as a repeated entry (biber and pandoc read neither)")
    elif commented:
        told = (f"entry {key} commented out with % repeats the key of the entry on line {first}: BibTeX and pybtex "
                "read both, keep that one and report this one as a repeated entry (biber and pandoc read that one only)")
    else:
        told = (f"duplicate key {key!r}: the entry commented out with % on line {first} has it too, and BibTeX and "
                "pybtex read it and keep it, not this one (biber and pandoc read this one only)")
    return Finding(code="LR101", severity="warning", key=key, file=filename, line=line, message=told,
                   hint="Delete the lines commented out with %: BibTeX reads them as an entry")


def _short(value: str, most: int = 60) -> str:
    """A field's value as a finding quotes it: cut to ``most`` characters."""
    return value if len(value) <= most else value[:most - 1] + "…"


def _keyless_fields(text: str, start: int, line: int) -> tuple[list, dict[str, int], tuple[int, ...]]:
    """The fields of an entry written without a key (``@book{, title = ...}``, its ``@`` at offset
    ``start`` on ``line``), read as pybtex's keyless mode reads them, with their lines (as the
    parser's ``field_lines`` and ``repeated_lines``); pybtex's normal mode stops at the missing key
    and keeps nothing."""
    end = bibtex.entry_extent(text, start)
    try:
        parser = parser_class()(text[start:end], keyless_entries=True, handle_error=lambda e: None)
        for _, (_, fields) in parser:
            return (list(fields), {name: line - 1 + n for name, n in parser.field_lines.items()},
                    tuple(line - 1 + n for n in parser.repeated_lines))
    except (ValueError, TypeError):
        return [], {}, ()
    return [], {}, ()


def with_fields(source: Source, fields: Mapping[str, str]) -> Source:
    """``source`` read again with ``fields`` (its own and what it inherits from another file's entry): the same
    key, type, file and lines. A name it cannot read is reported where it is written, not here."""
    raw = _Raw(source.type, source.key, dict(fields), source.line or 0, dict(source.field_lines))
    return replace(_source(raw, fields, source.file or "", []), file=source.file, line=source.line)


def _source(raw: _Raw, fields: Mapping[str, str], filename: str, problems: list[Finding]) -> Source:
    people: dict[str, tuple[Person, ...]] = {}
    unreadable: list[tuple[str, str]] = []
    for role in PERSON_FIELDS:
        try:
            people[role] = read_people(fields.get(role, ""))
        except ValueError as exc:
            people[role] = without_empty_names(fields.get(role, ""))
            unreadable.append((role, str(exc)))
    source = Source(
        key=raw.key,
        type=raw.kind,
        authors=people["author"],
        editors=people["editor"],
        year=_year(fields),
        title=decode_latex(fields.get("title", "")),
        container=_first(fields, CONTAINER_FIELDS),
        publisher=_first(fields, PUBLISHER_FIELDS),
        volume=decode_latex(fields.get("volume", "")),
        number=_first(fields, ("number", "issue")),
        pages=decode_latex(fields.get("pages", "")),
        doi=entry_doi(fields.get("doi", ""), fields.get("url", ""), raw.kind),
        url=fields.get("url", "").strip(),
        urldate=decode_latex(fields.get("urldate", "")),
        fields=fields,
        file=filename,
        line=raw.line,
        field_lines=raw.field_lines,
    )
    problems += [Finding(code="LR104", severity="error", key=raw.key, file=filename, line=source.line_of(role),
                         **_unreadable(role, fields.get(role, ""), why)) for role, why in unreadable]
    return source


def _unreadable(role: str, value: str, why: str) -> dict[str, str]:
    """LR104's message and hint: people joined by commas said so, with the list to write; else the reader's words."""
    listed = names.split_names(value)
    if any(names.people_of_commas(name) for name in listed):
        # each name of the list that joins people rewritten ("..., Vikram Adve, and David Koes, Gennady Pekhimenko"):
        # the people counted are those of the list to write, the text quoted the whole field ("A. Smith, B. Jones, C.
        # Brown and D. White": four, not the three the first name joins)
        people = [person for n in listed for person in (names.people_of_commas(n, 2) or [n.strip()])]
        return {"message": f"the {role} field joins {len(people)} people by commas, not by 'and' "
                           f"({' '.join(value.split())!r}): BibTeX reports an error for it (too many commas in a name), "
                           + ("pandoc reads one person" if len(listed) == 1 else f"pandoc reads {len(listed)} people"),
                "hint": f"Write {role} = {{{' and '.join(people)}}}"}
    return {"message": f"cannot read the {role} names: {why}",
            "hint": 'Separate names with " and "; write each as "Family, Given"'}


_BARE_VALUE = lazy(rf"({bibtex.FIELD_NAME})\s*=\s*([^\s{{}}\"#,=()]+)\s*$")
_NEXT_FIELD = lazy(rf"\s*{bibtex.FIELD_NAME}\s*=")


def _bare_value_hint(text: str, start: int, at: int) -> str:
    """How to write a value typed without braces that BibTeX stops reading part way ("doi = 10.1007/x": the number
    10, then '.1007/x' where a comma or } should be), or '' when the error is not that."""
    bare = _BARE_VALUE.search(text, max(start, at - 300), at)
    if bare is None or _NEXT_FIELD.match(text, at):  # "year = 2019 title = {T}": the comma is what is missing
        return ""
    rest = re.match(r"[^,}\n]*", text[at:at + 300])
    value = (text[bare.start(2):at] + (rest.group() if rest else "")).strip()
    return f"Put the whole value in braces: {bare.group(1)} = {{{value}}} (BibTeX reads a bare value as one number or @string name)"


def _hint_for(message: str) -> str:
    if "brace" in message or "premature end" in message:
        return "Check that every { has a matching } in this entry"
    if "entry key expected" in message:  # "@Book{," as JabRef saves an entry whose key was never set
        return "Give the entry a citation key after its opening brace: @book{key, title = {...}}"
    if "',' or '}'" in message or "expected" in message:
        return "A comma is probably missing after the previous field"
    if "undefined @string" in message:
        return "Quote the value in braces, or define it with @string in this file"
    return "See the BibTeX syntax: @type{key, field = {value}, ...}"


_NAMED_BIB = lazy(r"^[ \t]*%.*?\b(?:include|input|require|need|use|load|import|after)[a-z]*:?[ \t]+"
                        r"(?:(?:the|this|file|files|@?strings?|macros|definitions|defined|of|from|in|with|before)"
                        r":?[ \t]+){0,4}"
                        r"([\w.-]+\.bib)(?=[ \t,;:)\"'}]|$)", re.M | re.I)
"""A .bib file's name in a comment line, after a word saying to give it too ("% include: strings.bib", "% uses the
strings of abbrev.bib"), a word of its own (not "<key-from-x.bib>", nor "% exported by JabRef from library.bib")."""


@lru_cache(maxsize=4)  # (asked once per undefined macro of the file)
def _named_bib(text: str, filename: str) -> str:
    """The first other .bib file a comment line of ``text`` names to give too ("% include: strings.bib"), or ''."""
    own = filename.replace("\\", "/").rsplit("/", 1)[-1].casefold()
    return next((m.group(1) for m in _NAMED_BIB.finditer(text) if m.group(1).casefold() != own), "")


def load_bibliography(path: str | Path, *, item_id: Callable[[Mapping[str, Any]], str] | None = None) -> Bibliography:
    """Read and parse a .bib file (or CSL-JSON ``.json``, CSL-YAML ``.yaml``, as pandoc reads them).

    ``item_id``: how a CSL item's id is told, when the program reading the file tells it otherwise (``parse_csl``).

    Unreadable files raise InputError; parse problems are data.
    """
    from ..fileio import read_bytes, utf16_codec

    p = Path(path)
    raw = read_bytes(p, what="bibliography", error=InputError,
                     hint="Check the path, or set it with --bib or in [tool.litreview]",
                     folder_hint="Name the bibliography file in the folder (e.g. refs/bibliography.bib), with --bib "
                                 "or in the settings")
    if (wrong := not_a_bibliography(raw, str(p))) is not None:
        raise wrong
    if (wide := utf16_codec(raw)) is not None:  # read as what it is, so every other problem shows too
        from ..fileio import encoding_hint, shell_path, utf16_name

        bib = _parsed(raw.decode(wide), p, "", item_id)
        bad = Finding(code="LR105", severity="error", message=f"{utf16_name(wide)}, not UTF-8",
                      hint=encoding_hint(raw, shell_path(p), sentence=True, codec=wide), file=str(p), line=1)
        return Bibliography(bib.sources, (bad, *bib.problems), bib.file, bib.text)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        # Report the bad line, then parse what can be read so every other problem shows too.
        from ..fileio import (
            codec_name,
            encoding_hint,
            shell_path,
            stray_bytes_hint,
            stray_bytes_lines,
            whole_file_codec,
        )

        line = raw.count(b"\n", 0, exc.start) + 1
        # A file as a whole in one other encoding, certainly: read in it, its keys and names whole (pandoc reads
        # an input file so, biber a .bib in the encoding biblatex names); else its stray bytes read as U+FFFD.
        codec = whole_file_codec(raw)
        text = raw.decode(codec or "utf-8", errors="replace")
        bib = parse_bibliography(text, str(p))
        hint = encoding_hint(raw, shell_path(p), sentence=True, codec=codec)
        if stray := stray_bytes_lines(raw):  # pasted characters: converting the file would garble the rest
            hint = stray_bytes_hint(raw, stray)
        read_as = f": read as {codec_name(codec)} (detected)" if codec else ""
        bad = Finding(
            code="LR105", severity="error",
            message=f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}){read_as}",
            hint=hint, file=str(p), line=line,
        )
        return Bibliography(bib.sources, (bad, *bib.problems), bib.file, bib.text)
    return _parsed(text, p, "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else "", item_id)


def not_a_bibliography(raw: bytes, path: str) -> InputError | None:
    """The error for a bibliography file whose first bytes (``raw``) are a PDF's or a word processor's (``not_text``):
    a paper or a Word document saved under a .bib name reads as no entries at all; or that is a manuscript by its
    name (.md, .qmd, .Rmd, .tex, ...): pandoc reads no bibliography from one ("Could not determine bibliography
    format"), and read as BibTeX each @ of its citations was a syntax error; or whose name pandoc types as no
    bibliography it reads, or as RIS (``typed.untyped``)."""
    from ..fileio import not_text
    from .typed import manuscript_hint, untyped

    if (suffix := Path(path).suffix.lower()) in _manuscript_suffixes():
        return InputError(
            "a manuscript, not a bibliography: pandoc reads none from a " + suffix + " file (\"Could not determine "
            "bibliography format\")", path=path, hint=manuscript_hint(raw, path))
    if (found := not_text(raw)) is None:
        return untyped(raw, path)
    return InputError(f"{found[1]}, not a bibliography", path=path,
                      hint="export the bibliography from the reference manager as BibTeX (.bib) or CSL-JSON (.json) "
                           "and give that file (--bib or bibliography: in the settings)")


def _manuscript_suffixes() -> frozenset[str]:
    """The suffixes of manuscripts (``essay.MANUSCRIPT_SUFFIXES``, imported late: the essay package imports this
    module) and of those whose front matter holds references."""
    from ..essay import MANUSCRIPT_SUFFIXES
    from .csl import FRONT_MATTER_SUFFIXES

    return frozenset((*MANUSCRIPT_SUFFIXES, *FRONT_MATTER_SUFFIXES))


EMPTY_BIBLIOGRAPHY = ("the bibliography is empty", "the bibliography has no entries")
"""LR100's messages for a bibliography file without entries: an empty file, and one of comments or stray text."""


def _parsed(text: str, p: Path, bom: str, item_id: Callable[[Mapping[str, Any]], str] | None) -> Bibliography:
    """A bibliography file's decoded ``text`` parsed as its name says (``bom``: the UTF-8 one it began with)."""
    from .csl import is_csl

    if is_csl(p) and text.strip():
        from .csl import parse_csl

        # pandoc's JSON reader refuses a byte order mark
        return parse_csl(bom + text, str(p), yaml=p.suffix.lower() != ".json", item_id=item_id)
    if not text.strip():
        return Bibliography(sources=(), problems=(Finding(
            code="LR100", severity="error", message=EMPTY_BIBLIOGRAPHY[0],
            hint="Add entries, e.g. with `litreview import` or `litreview add`", file=str(p), line=1,
        ),), file=str(p), text=text)
    bib = parse_bibliography(text, str(p))
    if not bib.sources and not bib.problems and not bibtex.defines_macros(text):
        # Comments or stray text only: as unusable as an empty file, and as easy to miss (a file of
        # @string or @preamble commands only is a macro file, read before the entries that use them).
        return Bibliography(sources=(), problems=(Finding(
            code="LR100", severity="error", message=EMPTY_BIBLIOGRAPHY[1],
            hint="Entries start with @type{key, ...}; add them with `litreview import` or `litreview add`",
            file=str(p), line=1,
        ),), file=str(p), text=text)
    return bib
