"""A LaTeX document's own commands: ``\\newcommand{\\mycite}[1]{\\citep{#1}}``, ``\\newcommand{\\Name}{dynoNet}``,
``\\def``, ``\\let`` and the like, expanded where they are used, as pandoc's LaTeX reader expands the macros a
document defines (a name the document gives its method, a symbol of its math: the text had a hole at each use).

A ``\\renewcommand`` of a command LaTeX has is expanded only when its text holds a citation command: the reader
knows the command (a section, a footnote) better than a class's redefinition of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .latex import COMMANDS
from .latex_cites import group_ends

_NAME = r"(?:\{\s*\\(?P<braced>[A-Za-z]+)\s*\}|\\(?P<bare>[A-Za-z]+))"
_NEWCOMMAND = re.compile(r"\\(?P<how>(?:re)?newcommand|providecommand|DeclareRobustCommand)\*?\s*" + _NAME
                         + r"\s*(?:\[(?P<count>\d)\])?\s*(?:\[(?P<default>[^\]]*)\])?\s*\{")
_DEF = re.compile(r"\\[gex]?def\s*\\(?P<bare>[A-Za-z]+)(?P<params>(?:#\d)*)\s*\{")
_LET = re.compile(r"\\let\s*\\(?P<bare>[A-Za-z]+)\s*=?\s*(?P<body>\\[A-Za-z]+\*?)")
_USED = re.compile(r"\\([A-Za-z]+)")
_PARAM = re.compile(r"#(\d)")
_ROUNDS = 8
"""How many times expansions are expanded again (a wrapper of a wrapper); a macro that uses itself stops there."""
MAX_EXPANDED = 1_000_000
"""The most characters a paragraph's macros may expand to, and a document's may add in all (``Expander``): ten macros
each using the last ten times make a 518-byte document 10^8 citations (a "billion laughs" of TeX), which ``expand``
refuses instead."""


class ExpansionError(ValueError):
    """The macros expand past ``MAX_EXPANDED``; ``macro`` names the one whose use crossed it (``in_all``: the
    expansions of the document's paragraphs together passed it, ``Expander``)."""

    def __init__(self, macro: str, *, in_all: bool = False) -> None:
        where = " in all" if in_all else ""
        super().__init__(f"the macros expand to more than {MAX_EXPANDED:,} characters{where} (at \\{macro})")
        self.macro = macro


@dataclass(frozen=True, slots=True)
class Macro:
    """A command the document defines."""

    count: int
    """How many arguments it takes (the first optional when ``default`` is not None)."""
    default: str | None
    """The first argument's default when it is optional (``\\newcommand{\\x}[2][p.]{...}``)."""
    body: str
    """Its text, ``#1``... standing for the arguments."""


def document_macros(text: str) -> dict[str, Macro]:
    """The macros ``text`` defines that are expanded where used: those whose text holds a citation command, directly
    or through another, and every other one but a ``\\renewcommand`` (a command LaTeX has, redefined)."""
    found: dict[str, Macro] = {}
    renewed: set[str] = set()
    definitions = [*_NEWCOMMAND.finditer(text), *_DEF.finditer(text)]
    ends = group_ends(text) if definitions else (lambda pos: -1)  # (the pass over the text only when needed)
    for m in definitions:
        end = ends(m.end() - 1)
        if end < 0:
            continue
        params = m.groupdict()
        count = int(params["count"] or 0) if "count" in params else len(params["params"]) // 2
        name = params.get("braced") or params["bare"]
        found[name] = Macro(count, params.get("default"), text[m.end():end - 1])
        if params.get("how") == "renewcommand":
            renewed.add(name)
    for m in _LET.finditer(text):
        found[m.group("bare")] = Macro(0, None, m.group("body"))
    users: dict[str, list[str]] = {}  # each command a macro's text uses -> the macros using it
    for name, macro in found.items():
        if name not in COMMANDS:
            for used in set(_USED.findall(macro.body)):
                users.setdefault(used, []).append(name)
    cites: set[str] = set()  # those holding a citation command, directly or through another
    todo = [used for used in users if used in COMMANDS]
    while todo:  # each macro reached once: a chain of thousands is not scanned once a link
        for name in users.get(todo.pop(), ()):
            if name not in cites:
                cites.add(name)
                todo.append(name)
    return {name: macro for name, macro in found.items()
            if name in cites or (name not in COMMANDS and name not in renewed)}


def without_definitions(source: str) -> str:
    """``source`` with each macro definition (``\\newcommand{\\x}{...}``, ``\\def\\x#1{...}``) removed, its line breaks
    kept: pandoc prints nothing of one, and a chapter's ``\\def\\labelenumi{\\arabic{enumi}.}`` read "enumi." (its use
    inside it expanded, "enumi.enumi.")."""
    if "def" not in source and "command" not in source:
        return source
    found = [*_NEWCOMMAND.finditer(source), *_DEF.finditer(source)]
    if not found:
        return source
    ends = group_ends(source)
    pieces: list[str] = []
    at = 0
    for m in sorted(found, key=lambda m: m.start()):
        end = ends(m.end() - 1)
        if m.start() < at or end < 0:
            continue
        pieces += [source[at:m.start()], "\n" * source.count("\n", m.start(), end)]
        at = end
    return "".join(pieces) + source[at:]


def expand(source: str, macros: dict[str, Macro]) -> str:
    """``source`` with each use of ``macros`` replaced by its text, its arguments put in; a use spanning lines
    keeps its line breaks after it, so that the lines after it keep their places. ExpansionError past
    ``MAX_EXPANDED`` characters."""
    if not macros:
        return source
    pattern = re.compile(r"\\(" + "|".join(sorted(map(re.escape, macros), key=len, reverse=True)) + r")(?![A-Za-z])")
    for _ in range(_ROUNDS):
        pieces: list[str] = []
        at = size = 0
        # braces and brackets matched once a pass: thousands of unclosed uses scanned once each
        ends = {"{": group_ends(source), "[": group_ends(source, "[", "]")}
        for m in pattern.finditer(source):
            if m.start() < at:
                continue
            used = _use(source, m.end(), m.group(1), macros[m.group(1)], ends)
            if used is None:
                continue
            text, end = used
            before = source[at:m.start()] or (pieces[-1] if pieces else "")
            if text[:1].isalpha() and _ends_in_control_word(before):
                text = " " + text  # "\bfseries\Name" is "\bfseries Generace", not the command "\bfseriesGenerace"
            pieces += [source[at:m.start()], text.replace("\n", " ") + "\n" * source.count("\n", m.start(), end)]
            size += len(pieces[-2]) + len(pieces[-1])
            if size > MAX_EXPANDED:
                raise ExpansionError(m.group(1))
            at = end
        if not pieces:
            return source
        source = "".join(pieces) + source[at:]
    return source


class Expander:
    """``expand`` for each paragraph and the title of one document, the characters their expansions add held, all
    together, to ``MAX_EXPANDED`` too: a 400 KB macro used once in each of 200 paragraphs, each paragraph under the
    limit, made 80 MB of text (32 s to read); in 2,000 paragraphs, gigabytes."""

    def __init__(self, macros: dict[str, Macro]) -> None:
        self.macros = macros
        self.added = 0

    def __call__(self, source: str) -> str:
        out = expand(source, self.macros)
        self.added += max(0, len(out) - len(source))
        if self.added > MAX_EXPANDED:
            raise ExpansionError(next((n for n in _USED.findall(source) if n in self.macros), ""), in_all=True)
        return out


def _use(source: str, pos: int, name: str, macro: Macro,
         ends: dict[str, Callable[[int], int]]) -> tuple[str, int] | None:
    """The text of a use of ``macro`` (``name``) whose arguments start at ``pos``, and where the use ends (``ends``:
    where the group a brace or a bracket of ``source`` opens ends, ``group_ends``). ExpansionError when that text
    would pass ``MAX_EXPANDED``, before it is made: a text of many ``#1`` given a long argument."""
    args: list[str] = []
    if macro.default is not None:
        at = _skip(source, pos)
        if at < len(source) and source[at] == "[":
            close = ends["["](at)
            if close < 0:
                return None
            args.append(source[at + 1:close - 1])
            pos = close
        else:
            args.append(macro.default)
    while len(args) < macro.count:
        at = _skip(source, pos)
        if at >= len(source) or source[at] != "{":
            return None
        close = ends["{"](at)
        if close < 0:
            return None
        args.append(source[at + 1:close - 1])
        pos = close
    def arg(n: int) -> str:
        return args[n - 1] if 0 < n <= len(args) else ""

    places = [int(n) for n in _PARAM.findall(macro.body)]
    if len(macro.body) + sum(len(arg(n)) - 2 for n in places) > MAX_EXPANDED:  # each ``#n`` is two characters
        raise ExpansionError(name)
    return _PARAM.sub(lambda m: arg(int(m.group(1))), macro.body), pos


def _skip(source: str, pos: int) -> int:
    while pos < len(source) and source[pos] in " \t\n":
        pos += 1
    return pos


def _ends_in_control_word(text: str) -> bool:
    """Whether ``text`` ends with a command's name (``\\bfseries``), which letters after it would lengthen."""
    letters = len(text) - len(text.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    rest = text[:len(text) - letters]
    return letters > 0 and (len(rest) - len(rest.rstrip("\\"))) % 2 == 1
