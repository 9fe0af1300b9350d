"""LaTeX manuscripts: natbib and biblatex citation commands, ``\\nocite``, ``\\input`` followed.

Citation commands become pandoc citations in the claim text (``\\citep[p.~3]{a,b}`` reads as
``[@{a}; @{b}, p. 3]``, as pandoc's LaTeX reader maps them); the rest of the markup is removed with
pylatexenc (inline math kept as ``$...$``, display math dropped), in ``latex_cites``. Claims keep the file and line of the paragraph they
come from; this module follows ``\\input`` and finds the paragraphs (``latex_declarations`` reads the encoding and
the bibliography files the manuscript declares).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from ..errors import EssayError
from ..fileio import NotUtf8, is_file, read_text
from ..model import Claim, Essay, Paragraph
from ..text import HARD_BREAK
from . import BIBLATEX, BIBTEX, GLOBBED, MISSING_INPUTS, NOTICES, Notice, encoding_notices
from .cites import blank_keys, math_as_read, math_spans
from .front import latex_front
from .latex_cites import COMMANDS as COMMANDS  # re-exported: the macro reader imports it from here
from .latex_cites import _commands, _convert, _keyed_notes, convert_cited, group_ends
from .latex_csquotes import quotations_apart
from .latex_declarations import (
    bibliography_files,
    built_with_bibtex,
    declared_in,
    globs_bibliography,
    uncomment,
    uses_biblatex,
)

# Re-exported: read from here before they had a module of their own.
from .latex_declarations import bibliography_lines as bibliography_lines
from .latex_declarations import declared_encoding as declared_encoding
from .latex_labels import SECTION_LEVELS, label_numbers, sectioning
from .latex_masked import commands_only
from .segment import follow_paragraph, make_claim, normalise_space, sentences, split_lines

MAX_DEPTH = 16
"""How deep ``\\input`` may nest (a file that inputs itself stops here)."""
# \input{a}, \input a, \include, \subfile; the import package's \import{dir/}{a} and \subimport (its folder
# relative to the importing file's), \inputfrom, \includefrom and their sub- forms.
_INPUT = re.compile(r"\\(?:(?P<command>input|include|subfile)\s*(?:\{(?P<name>[^{}]+)\}|\s(?P<bare>[^\s{}%]+))"
                    r"|(?P<imp>(?P<sub>sub)?(?:import|inputfrom|includefrom)\*?)\s*\{(?P<dir>[^{}]*)\}\s*\{(?P<file>[^{}]+)\})")
# Text TeX never typesets as prose: verbatim environments, and \iffalse ... \fi (text commented out).
_VERBATIM = re.compile(r"\\begin\{(verbatim|lstlisting|minted|comment|Verbatim)\*?\}|\\iffalse(?![A-Za-z])")
_FI = re.compile(r"\\fi(?![A-Za-z])")
_ENDINPUT = re.compile(r"\\endinput(?![A-Za-z])")
_BOMB_HINT = ("a macro using another many times, itself used many times, multiplies: define the macros "
              "without such chains")
_ODD_KEYS: dict[str, Callable[[str], tuple[str, str]]] = {
    "empty-citation-key": lambda written: (f"an empty key in {written}: pandoc refuses the file, and LaTeX warns of an "
                                           "undefined citation", "Remove the extra comma between the keys"),
    "braced-citation-key": lambda written: (f"a key in braces in {written}: LaTeX cites the key without them (as read "
                                            "here), but pandoc refuses the file", "Remove the braces around the key"),
}
"""The message and hint of each odd citation key a command holds (``latex_cites._convert``)."""


class _Chunk(NamedTuple):
    """One paragraph as read (``_convert``), or the display math standing alone in its place (no text)."""

    lines: list[tuple[str, int, str]]
    """Its (file, line, text) lines."""
    text: str
    """Its text, citation commands as pandoc citations; "" for display math alone."""
    anchors: list[tuple[int, int]]
    """Where its lines start in ``text``: (offset, index in ``lines``)."""
    cited: list[tuple[int, str, str]]
    """Each citation command: (offset in ``text``, pandoc form, as written)."""
    displays: tuple[str, ...] = ()
    """Its display math, as pandoc's Markdown writes it: no claim; alone, pandoc's paragraph of it."""


def parse_latex(text: str, path: str = "<string>", *, not_utf8: list[NotUtf8] | None = None) -> Essay:
    """Read a LaTeX manuscript (``\\input`` files followed relative to ``path``'s folder); ``not_utf8``:
    the files read so far in another encoding (``fileio.read_text``), inputs in one are added."""
    from .latex_macros import Expander, ExpansionError, document_macros

    missing: list[tuple[str, int, str, bool, str]] = []
    not_utf8 = [] if not_utf8 is None else not_utf8
    main = _Main(declared_in(text), not_utf8)
    lines = _expand(text, Path(path), 0, missing, main=main)
    expand = Expander(document_macros("\n".join(t for _, _, t in lines)))  # the document's own commands
    heads: dict[tuple[str, int, str], int] = {}
    document = quotations_apart(_without_own_list(_document(lines)))
    labels = label_numbers("\n".join(t for _, _, t in document))
    nocite: list[str] = []
    notices: list[Notice] = encoding_notices(not_utf8)
    chunks = [_read_paragraph(para, expand, labels, nocite, notices)
              for para in _paragraphs(_blocks_apart(_headings_apart(document, heads)))]
    body, starts, commands, command_lines = _joined(chunks)
    out = _claimed(chunks, starts, body, commands, command_lines, heads)
    if not out:
        raise EssayError("the LaTeX document has no paragraphs", path=path, line=1,
                         hint="write the text between \\begin{document} and \\end{document}")
    try:
        out = latex_front(lines, lambda source: convert_cited(expand(source))) + out
    except ExpansionError as exc:
        raise EssayError(f"the title or author: {exc}", path=path, hint=_BOMB_HINT) from None
    meta = _meta(lines, missing, notices, Path(path))
    if meta.get(BIBLATEX):
        nocite = [*_preamble_nocite(lines), *nocite]
    return Essay(path=path, body=body, meta=meta, paragraphs=tuple(out),
                 body_line=1, format="latex",
                 nocite=tuple(dict.fromkeys(nocite)), marked=any(c.citations for p in out for c in p.claims),
                 inputs=tuple(dict.fromkeys(str(file) for file in main.looked)))


def _read_paragraph(para: list[tuple[str, int, str]], expand: Callable[[str], str],
                    labels: Mapping[str, tuple[str, str]], nocite: list[str], notices: list[Notice]) -> _Chunk:
    """One paragraph's lines read: its macros expanded, its text converted (``_convert``), what is odd in its
    citation keys added to ``notices`` and its ``\\nocite`` keys to ``nocite``."""
    from .latex_macros import ExpansionError, without_definitions

    try:
        expanded = expand(without_definitions("\n".join(x[2] for x in para)))
    except ExpansionError as exc:
        raise EssayError(str(exc), path=para[0][0], line=para[0][1], hint=_BOMB_HINT) from None
    odd: list[tuple[int, str, str]] = []
    cited: list[tuple[int, str, str]] = []
    displays: list[str] = []
    converted, anchors = _convert(expanded, nocite, odd, labels, cited, displays)
    for index, written, kind in odd:
        file, line, _ = para[min(index, len(para) - 1)]
        notices.append((kind, file, line, *_ODD_KEYS[kind](written)))
    shown = tuple(f"$${tex}$$" for tex in displays if tex)
    if not converted.strip():
        return _Chunk(para, "", [], [], shown)
    return _Chunk(para, converted, anchors, cited, shown)


def _joined(chunks: list[_Chunk]) -> tuple[str, list[int], list[tuple[int, str, str]], dict[int, tuple[str, int]]]:
    """The body (the paragraphs' texts, a blank line between them); where each chunk's text starts in it (-1 for
    display math alone); each citation command as (offset in the body, pandoc form, as written); and each
    command's offset -> the (file, line) it starts on."""
    pieces: list[str] = []
    starts: list[int] = []
    commands: list[tuple[int, str, str]] = []
    command_lines: dict[int, tuple[str, int]] = {}
    offset = 0
    for chunk in chunks:
        if not chunk.text:
            starts.append(-1)
            continue
        starts.append(offset)
        pieces.append(chunk.text)
        commands += [(offset + at, marker, command) for at, marker, command in chunk.cited]
        marks = [at for at, _ in chunk.anchors]
        for at, _, _ in chunk.cited:  # the last line start at or before the command: the line it starts on
            n = bisect_right(marks, at) - 1
            command_lines[offset + at] = chunk.lines[chunk.anchors[n][1] if n >= 0 else 0][:2]
        offset += len(chunk.text) + 2
    return "\n\n".join(pieces), starts, commands, command_lines


def _claimed(chunks: list[_Chunk], starts: list[int], body: str, commands: list[tuple[int, str, str]],
             command_lines: Mapping[int, tuple[str, int]], heads: Mapping[tuple[str, int, str], int]) -> list[Paragraph]:
    """The paragraphs that make claims, numbered in order, each sentence a claim at the line it starts on; display
    math after the paragraph that holds it, or, alone, after the one before it (``segment.follow_paragraph``)."""
    plain = _names_begin(math_as_read(blank_keys(body)), commands)  # keys ("2015ApJ...812..128C") end no sentence
    masked = commands_only(body, commands)
    out: list[Paragraph] = []
    leading: list[str] = []  # display math before the first paragraph
    for chunk, start in zip(chunks, starts, strict=True):
        if chunk.text:
            leading = _claimed_paragraph(chunk, start, body, plain, masked, commands, command_lines, heads, out,
                                         leading)
        for shown in chunk.displays:  # after the paragraph that holds it (its text has none), as pandoc shows it
            follow_paragraph(out, leading, shown)
    return out


_NAMED_BY = ("\\cite{", "\\cite[", "\\Cite{", "\\Cite[", "\\cite*", "\\Cite*")
"""The commands pandoc reads as a normal citation that natbib (author-year) and biblatex print as the authors' names:
one after a full stop and before a word in lower case is the subject of a new sentence ("\\cite{a} then argue")."""
_STOP_BEFORE = re.compile(r"(?:[a-z]{3}|[A-Z]{2}|\d|[)\]$])[.!?][\"'”’)]*\s+$")
"""A sentence's end before a citation: after a word (not "et al.", "cf.", "e.g."), a number, a parenthesis or math."""
_LOWER_AFTER = re.compile(r"\s+[a-z]")


def _names_begin(plain: str, commands: list[tuple[int, str, str]]) -> str:
    """``plain`` (the text sentences are found in) with the brackets of each ``_NAMED_BY`` citation that begins a
    sentence blanked ("earnings. [@{a}] then argue" read "earnings.  @{a}  then argue"), so that it begins one; the
    claims' text and citations are read from the body, as pandoc reads them."""
    cuts = [(at, len(marker)) for at, marker, written in commands
            if written.startswith(_NAMED_BY) and marker[:2] == "[@" and marker[-1:] == "]"
            and _STOP_BEFORE.search(plain, max(0, at - 12), at) and _LOWER_AFTER.match(plain, at + len(marker))]
    if not cuts:
        return plain
    chars = list(plain)
    for at, size in cuts:
        chars[at] = chars[at + size - 1] = " "
    return "".join(chars)


_TABULAR = re.compile(r"\\begin\{(?:tabular[x*]?|tabulary|longtable|supertabular|xtabular)\}")
"""A table's rows: in a paragraph holding one, each row (its ``\\\\``) ends a claim."""


def _row_ends(body: str, start: int, end: int) -> list[int]:
    """Where each forced line break of ``body[start:end]`` ends (a table's rows: ``_TABULAR``)."""
    out, at = [], body.find(HARD_BREAK, start, end)
    while at >= 0:
        out.append(at + 1)
        at = body.find(HARD_BREAK, at + 1, end)
    return out


def _claimed_paragraph(chunk: _Chunk, start: int, body: str, plain: str, masked: str,
                       commands: list[tuple[int, str, str]], command_lines: Mapping[int, tuple[str, int]],
                       heads: Mapping[tuple[str, int, str], int], out: list[Paragraph], leading: list[str]) -> list[str]:
    """``out`` with the chunk's paragraph added when it makes claims (the display math in ``leading`` before it);
    what stays leading."""
    number = len(out) + 1
    claims: list[Claim] = []
    marks = [at for at, _ in chunk.anchors]
    maths = math_spans(body[start:start + len(chunk.text)]) if "$" in chunk.text else []
    end = start + len(chunk.text)
    rows = _row_ends(body, start, end) if any(_TABULAR.search(text) for _, _, text in chunk.lines) else []
    for a, b in [s for lo, hi in pairwise([start, *rows, end]) for s in _sentences_around_displays(plain, lo, hi)]:
        a, b = _outside_math(a, b, start, maths)
        if a > start and body.startswith("[@", a - 1) and plain[a - 1] == " ":
            a -= 1  # a citation that begins the sentence (``_names_begin``): its bracket is the claim's
        # The source line where the sentence starts: the last line start seen at or before it.
        n = bisect_right(marks, a - start) - 1
        file, line, _ = chunk.lines[chunk.anchors[n][1] if n >= 0 else 0]
        claims.append(_as_written(make_claim(body, 1, number, len(claims) + 1, a, b, masked=masked[a:b],
                                             file=file, line=line), commands, a, b, command_lines))
    if not claims:
        return leading
    first = chunk.lines[0]
    out.append(Paragraph(number=number, text=body[start:start + len(chunk.text)].strip(), line=first[1],
                         claims=tuple(claims), heading=heads[first] if len(chunk.lines) == 1 and first in heads else 0,
                         before=tuple(leading)))
    return []


_AFTER_DISPLAY = re.compile(r"\n[ \t]*\n\s*")
"""Where display math was taken out of a paragraph (the only blank line its text holds): its whole run of blanks,
matched once (a lookahead for the letter after it scanned the run again from each of its line breaks)."""


def _sentences_around_displays(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    """``segment.sentences`` of ``plain[start:end]``, a sentence beginning wherever a capital follows display math
    ("we see that \\begin{align}...\\end{align} Next, we ...": an equation with no full stop of its own ends the
    sentence before a capital); a lower-case word after it ("where $g$ is ...") goes on."""
    cuts = [m.end() for m in _AFTER_DISPLAY.finditer(plain, start, end) if m.end() < end and plain[m.end()].isupper()]
    out: list[tuple[int, int]] = []
    for a, b in pairwise([start, *cuts, end]):
        out += sentences(plain, a, b)
    return out


def _outside_math(a: int, b: int, start: int, maths: list[tuple[int, int]]) -> tuple[int, int]:
    """A sentence's span (``a``, ``b``) with its ends moved out of any inline math (``maths``, offsets after
    ``start``): a sentence starting with math starts at its ``$`` (``cites.math_as_read`` blanks its TeX). Found in
    the math's reading, as they were before the math kept its TeX ("points $N$. While" ends no sentence, as "points
    N. While" did not), the claims keep their ids."""
    for m_start, m_end in maths:
        if m_start + start < a < m_end + start:
            a = m_start + start
        if m_start + start < b < m_end + start:
            b = m_end + start
    return a, b


def _meta(lines: list[tuple[str, int, str]], missing: list[tuple[str, int, str, bool, str]],
          notices: list[Notice], path: Path) -> dict[str, object]:
    """The essay's metadata: the inputs not found, the notices, the bibliography files the manuscript names (in any
    ``\\input`` file too, as biber finds them: what latexmk hands to biber or BibTeX), and whether it is built with
    BibTeX or biblatex: a chapter that names no bibliography, as the main file it declares is (``% !TEX root``),
    whose bibliography it gets (``essay_bibliographies``)."""
    folder = path.parent
    meta: dict[str, object] = {}
    not_found = _missing_inputs(missing, lines)
    if not_found:
        meta[MISSING_INPUTS] = not_found
    if notices:
        meta[NOTICES] = notices
    source = "\n".join(t for _, _, t in lines)
    named = bibliography_files(source, folder, path.stem)
    if named:
        meta["bibliography"] = named
    if globs_bibliography(source):
        meta[GLOBBED] = True
    declared = source
    if not named and not uses_biblatex(source) and not built_with_bibtex(source) and path.is_file():
        from ..essay_bibliographies import main_file

        found = main_file(path)
        declared = source if found is None else "\n".join(found[1:])
    if built_with_bibtex(declared):
        meta[BIBTEX] = True
    if uses_biblatex(declared):
        meta[BIBLATEX] = True
    return meta


# A citation command written once and met at many places (a macro's) is spaced once, not at each (a fuzzed
# 30 KB \\cite met 1,580 times took four seconds).
_spaced = lru_cache(maxsize=64)(normalise_space)


def _as_written(claim: Claim, commands: list[tuple[int, str, str]], start: int, end: int,
                lines: Mapping[int, tuple[str, int]]) -> Claim:
    """``claim`` (``body[start:end]``) with each citation carrying the command it was read from, as written
    (``Citation.command``): what a reviewer's evidence quotes, where the text holds pandoc's form; and the line the
    command starts on (``Citation.line``; ``lines``: each command's offset -> its file and line), when in the
    claim's file."""
    if not claim.citations:
        return claim
    cites = list(claim.citations)
    order = sorted(range(len(cites)), key=lambda n: cites[n].start)  # the citations met as the text goes on
    at = bisect_left(commands, (start, "", ""))
    cursor = passed = 0
    while at < len(commands) and commands[at][0] < end:
        offset, marker, command = commands[at]
        at += 1
        file, line = lines.get(offset, ("", 0))
        line = line if file == claim.file else 0
        shown = _spaced(marker)
        found = claim.text.find(shown, cursor)
        if found < 0:
            continue
        cursor = found + len(shown)
        while passed < len(order) and cites[order[passed]].start < found:
            passed += 1
        inside = passed
        while inside < len(order) and cites[order[inside]].start < cursor:  # those the command's text holds
            n = order[inside]
            if cites[n].end <= cursor:
                cites[n] = replace(cites[n], command=_spaced(command), line=line)
            inside += 1
    return replace(claim, citations=tuple(cites))


class _Main:
    """What the main file says for its inputs: the encoding it declares (TeX reads every input in it
    unless the input declares its own), the list of files read in another encoding than UTF-8, and the input files
    tried (``looked``)."""

    def __init__(self, declared: tuple[str, str] | None, not_utf8: list[NotUtf8]) -> None:
        self.declared = declared
        self.not_utf8 = not_utf8
        self.looked: list[Path] = []  # every input file tried, found or not (``Essay.inputs``)

    def encoding(self, raw: bytes) -> tuple[str, str] | None:
        return declared_encoding(raw) or self.declared


def _expand(text: str, path: Path, depth: int, missing: list[tuple[str, int, str, bool, str]],
            body: list[bool] | None = None, root: Path | None = None, *,
            main: _Main | None = None) -> list[tuple[str, int, str]]:
    """(file, line, text) of every line, ``\\input`` files spliced in, comments removed; the inputs
    not found are added to ``missing`` as (file, line, name, after ``\\begin{document}``, the command as written).

    An input's name is read from the main file's folder, as TeX reads it when run there, even
    inside an input in a subfolder; then from the including file's own folder."""
    out: list[tuple[str, int, str]] = []
    body = [False] if body is None else body
    root = path.parent if root is None else root
    for n, raw in enumerate(split_lines(text), start=1):
        line = uncomment(raw)
        if raw.strip() and not line.strip():
            continue  # a comment-only line does not end a paragraph
        if "\\begin{document}" in line:
            body[0] = True
        at = 0
        for m in _INPUT.finditer(line) if depth < MAX_DEPTH else ():
            out.append((str(path), n, line[at:m.start()]))
            at = m.end()
            name = (m.group("name") or m.group("bare") or (m.group("dir").strip() + m.group("file"))).strip()
            folders = (path.parent, root) if m.group("sub") else (root, path.parent)
            tried = [folder / name for folder in dict.fromkeys(folders)]
            tried = [c if c.suffix else c.with_suffix(".tex") for c in tried]
            if main is not None:
                main.looked += tried
            child = next((c for c in tried if is_file(c)), None)
            if child is None:
                missing.append((str(path), n, name, body[0], "\\" + (m.group("command") or m.group("imp"))))
                continue
            sub = read_text(child, what="LaTeX input", error=EssayError, hint="save the file as UTF-8",
                            not_utf8=None if main is None else main.not_utf8,
                            declared=None if main is None else main.encoding)
            lines = _expand(sub, child, depth + 1, missing, body, root, main=main)
            if m.group("command") == "subfile" and any("\\begin{document}" in x[2] for x in lines):
                lines = _document(lines)  # as the subfiles package reads it: its preamble and \end{document} left out
            out.extend(lines)
        end = _ENDINPUT.search(line, at) if depth else None
        out.append((str(path), n, line[at:end.start()] + line[end.end():] if end else line[at:]))
        if end is not None:
            break  # TeX reads an \input file no further than the line of its \endinput
    return out


def _missing_inputs(missing: list[tuple[str, int, str, bool, str]],
                    lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str, str]]:
    """(file, line, name, command: ``\\include``) of the inputs not found. In the preamble a name may be one of TeX's own files
    (``\\input{glyphtounicode}``): those count only in a text without ``\\begin{document}`` (a chapter)."""
    has_body = any("\\begin{document}" in x[2] for x in lines)
    return [(file, line, name, command) for file, line, name, in_body, command in missing if in_body or not has_body]


def _preamble_nocite(lines: list[tuple[str, int, str]]) -> list[str]:
    """The keys of the ``\\nocite`` commands before ``\\begin{document}``, which biblatex reads there too (its entries
    go to the bibliography, as from the body; standard LaTeX writes them to no .aux file, so BibTeX never sees
    them, and pandoc's reader reads no preamble command as a citation); none in a macro's definition (``#1``)."""
    preamble: list[str] = []
    for _, _, text in lines:
        before, begins, _ = uncomment(text).partition("\\begin{document}")
        preamble.append(before)
        if begins:
            break
    else:
        return []
    text = "\n".join(preamble)
    if "\\nocite" not in text:
        return []
    return [key for m, groups, _ in _commands(text, group_ends(text)) if m.group(1) == "nocite"
            for _, _, key in _keyed_notes(groups) if key and "#" not in key]


def _without_own_list(lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """The lines with those of a ``thebibliography`` environment emptied: the manuscript's own reference list
    (``latex_bibitems``), no prose of it (read as a paragraph, "9 Smith, J. (2001). ..." was a claim)."""
    from .latex_bibitems import list_lines

    if not any("thebibliography" in text for _, _, text in lines):
        return lines
    out = list(lines)
    for first, last in list_lines([text for _, _, text in lines]):
        for n in range(first, last + 1):
            out[n] = (out[n][0], out[n][1], "")
    return out


def _document(lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """The lines between ``\\begin{document}`` and ``\\end{document}`` (all of them if there is none)."""
    begin = next((i for i, x in enumerate(lines) if "\\begin{document}" in x[2]), None)
    if begin is None:
        return lines
    end = next((i for i, x in enumerate(lines) if "\\end{document}" in x[2]), len(lines))
    first = lines[begin]
    return [(first[0], first[1], first[2].split("\\begin{document}", 1)[1]), *lines[begin + 1:end]]


# \paragraph and \subparagraph too: LaTeX runs their title into the text, but pandoc reads each as a header, and as
# words of the sentence after it they made a claim of two ("Parameters The tunable parameters of G are...").
_HEADING = re.compile(r"\\(" + sectioning("part", "subparagraph") + r")\*?\s*(?:\[[^\]]*\])?\s*(?=\{)")


def _headings_apart(lines: list[tuple[str, int, str]],
                    heads: dict[tuple[str, int, str], int]) -> list[tuple[str, int, str]]:
    """The lines with each sectioning command (``\\section{...}``) made a paragraph of its own title: pandoc
    reads it as a header (as the Markdown reader has it), not as the first words of the paragraph after it.
    ``heads`` gets each title's line and its level."""
    out: list[tuple[str, int, str]] = []
    for file, n, text in lines:
        at = 0
        ends: Callable[[int], int] | None = None
        for m in _HEADING.finditer(text):
            ends = ends or group_ends(text)  # braces matched once: thousands of unclosed titles scanned once each
            end = ends(m.end())
            if m.start() < at or end < 0:
                continue
            title = (file, n, text[m.end() + 1:end - 1])
            heads[title] = SECTION_LEVELS[m.group(1)] + 1  # as a Markdown heading's #s count (only the order matters)
            out += [(file, n, text[at:m.start()]), (file, n, ""), title, (file, n, "")]
            at = end
        out.append((file, n, text[at:] if at else text))
    return out


# What pandoc reads as blocks of their own, blank lines around them or not: a list and each of its items, a float, a
# quotation, a centred text (display math stays in its paragraph, as pandoc keeps it).
_BLOCK = re.compile(r"\\(?:begin|end)\s*\{(?:itemize|enumerate|description|figure|table|quote|quotation|verse|"
                    r"center|flushleft|flushright)\*?\}(?:\[[^\]]*\])?|\\item(?![A-Za-z@])(?!\s*\[)|(?=\\item\s*\[)|[{}]|\\.")


def _blocks_apart(lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """The lines with a blank one where a list, a list's item, a float or a quotation begins or ends outside any
    group (a list in a footnote stays there); an item's ``\\item`` is dropped, so that its text reads as pandoc
    prints an item, with no bullet (``\\item[term]`` stays: its term is the text's first words)."""
    out: list[tuple[str, int, str]] = []
    depth = 0
    for file, n, text in lines:
        at = 0
        for m in _BLOCK.finditer(text):
            token = m.group()
            if token in ("{", "}"):
                depth += 1 if token == "{" else -1
                continue
            if (token.startswith("\\") and len(token) == 2) or depth > 0:
                continue  # an escape ("\\{"), or inside a group
            out += [(file, n, text[at:m.start()]), (file, n, "")]
            at = m.end()
        out.append((file, n, text[at:] if at else text))
    return out


def _paragraphs(lines: list[tuple[str, int, str]]) -> list[list[tuple[str, int, str]]]:
    """Blank-line separated paragraphs as their (file, line, text) lines; verbatim environments and
    ``\\iffalse ... \\fi`` left out, from the opening to the closing, on one line or several (the text
    before the opening and after the closing is read, as TeX and pandoc read it)."""
    out: list[list[tuple[str, int, str]]] = []
    current: list[tuple[str, int, str]] = []
    verbatim: str | None = None
    for file, n, text in lines:
        inside = verbatim is not None
        kept, verbatim = _outside_verbatim(text, verbatim)
        if not kept.strip():
            if inside:
                continue  # a line of verbatim text (or one that closes it) is no paragraph break
            if current:
                out.append(current)
            current = []
            continue
        current.append((file, n, kept))
    if current:
        out.append(current)
    return out


def _outside_verbatim(text: str, verbatim: str | None) -> tuple[str, str | None]:
    """The parts of a line outside verbatim text, and what closes the verbatim text still open at its
    end (an environment's name, or ``\\fi``; None when none is)."""
    kept: list[str] = []
    rest = text
    while True:
        if verbatim is not None:
            if verbatim == "\\fi":
                close = _FI.search(rest)
                end = close.end() if close is not None else -1
            else:
                at = rest.find(f"\\end{{{verbatim}")
                end = rest.find("}", at) + 1 if at >= 0 else -1
            if end <= 0:
                return "".join(kept), verbatim
            rest, verbatim = rest[end:], None
        m = _VERBATIM.search(rest)
        if m is None:
            kept.append(rest)
            return "".join(kept), None
        kept.append(rest[:m.start()])
        rest, verbatim = rest[m.end():], m.group(1) or "\\fi"


