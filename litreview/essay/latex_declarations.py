"""What a LaTeX manuscript declares, read line by line outside its comments: the input encoding (inputenc), the
bibliography files it names and whether BibTeX or biber reads them (``latex`` reads the paragraphs)."""

from __future__ import annotations

import glob
import re
from pathlib import Path

from .segment import split_lines

# What TeX reads before a comment's "%": an escaped character ("\\%", "\\\\"), and the text \\url, \\nolinkurl,
# \\path, \\verb, \\lstinline and \\mintinline read verbatim, and \\href's address, where a "%" is a character
# (as pandoc reads them too).
_VERBATIM_ARG = re.compile(r"\\(?:url|nolinkurl|path)\s*\{[^{}]*\}|\\href\s*(?:\[[^\]]*\]\s*)?\{[^{}]*\}"
                           r"|\\(?:verb\*?|lstinline(?:\[[^\]]*\])?|mintinline(?:\[[^\]]*\])?\{[^{}]*\})"
                           r"(?:\{[^{}]*\}|(?P<delimiter>[^A-Za-z\s*{\[]).*?(?P=delimiter))|\\.|%")

# inputenc's options for the 8-bit encodings it reads (the last one given counts), as Python codecs.
_INPUTENC = re.compile(r"\\usepackage\s*\[(?P<options>[^\]]*)\]\s*\{[^{}]*\binputenc\b[^{}]*\}"
                       r"|\\inputencoding\s*\{(?P<option>[^{}]*)\}")
_CODECS = {"utf8": "utf-8", "ascii": "ascii", "latin1": "latin_1", "latin2": "iso8859_2", "latin5": "iso8859_9",
           "latin9": "iso8859_15", "latin10": "iso8859_16", "ansinew": "cp1252", "cp1252": "cp1252",
           "cp1250": "cp1250", "cp1257": "cp1257", "cp850": "cp850", "cp852": "cp852", "cp437": "cp437",
           "cp865": "cp865", "applemac": "mac_roman"}


def uncomment(line: str) -> str:
    """``line`` without its comment; a "%" in verbatim text is kept, escaped for the LaTeX reader after."""
    if "%" not in line:
        return line
    out: list[str] = []
    at = 0
    for m in _VERBATIM_ARG.finditer(line):
        if m.group() == "%":
            return "".join(out) + line[at:m.start()]
        if "%" in m.group() and not m.group().startswith("\\%"):
            out.append(line[at:m.start()] + re.sub(r"(?<!\\)%", r"\\%", m.group()))
            at = m.end()
    return "".join(out) + line[at:]


def _uncommented(text: str) -> str:
    return "\n".join(uncomment(line) for line in split_lines(text))


def declared_in(text: str) -> tuple[str, str] | None:
    """(codec, declaration) of the encoding the LaTeX text declares with inputenc, outside comments, or None."""
    found = None
    if "inputenc" in text:
        for line in split_lines(text):
            for m in _INPUTENC.finditer(uncomment(line)):
                options = (m.group("options") or m.group("option") or "").split(",")
                known = [o.strip() for o in options if o.strip() in _CODECS]
                if known:
                    found = (_CODECS[known[-1]], m.group().replace(" ", ""))
    return found


def declared_encoding(raw: bytes) -> tuple[str, str] | None:
    """``declared_in`` for a file's bytes (read as ASCII: inputenc's options are)."""
    return declared_in(raw.decode("latin_1"))


# biblatex's resources (\addbibresource, \addglobalbib, \addsectionbib: one file, its extension written);
# BibTeX's databases (\bibliography, natbib's \nobibliography: a list, .bib implied).
_BIBLIOGRAPHY = re.compile(r"\\(?:(?P<biblatex>addbibresource|addglobalbib|addsectionbib)|bibliography|nobibliography)"
                           r"\s*(?:\[(?P<options>[^\]]*)\])?\s*\{(?P<names>[^}]*)\}")
_GLOB = re.compile(r"(?:^|,)\s*glob\s*(?:=\s*true\s*)?(?:,|$)")
"""biblatex's ``glob`` option of a resource (``\\addbibresource[glob=true]{bib/*.bib}``): biber reads every file
the pattern matches (without it, the name as written)."""


_BIBLATEX = re.compile(r"\\(?:usepackage\s*(?:\[(?P<options>[^\]]*)\])?\s*\{[^}]*\bbiblatex\b[^}]*\}"
                       r"|addbibresource|addglobalbib|addsectionbib)")
_BIBTEX_BACKEND = re.compile(r"\bbackend\s*=\s*bibtex")


def uses_biblatex(text: str) -> bool:
    """Whether the paper loads biblatex (``\\usepackage{biblatex}``, or names its resources with
    ``\\addbibresource``): its data model (date, journaltitle, institution) is read, with biber or BibTeX alike."""
    return _BIBLATEX.search(_uncommented(text)) is not None


def built_with_bibtex(text: str) -> bool:
    """Whether the paper is built with BibTeX: ``\\bibliographystyle`` or a ``\\bibliography{refs}`` (a class may set
    the style) and no biblatex, or biblatex with ``backend=bibtex``; neither reads ``ids``. Anything else (biblatex,
    or no bibliography command) is biber's."""
    uncommented = _uncommented(text)
    biblatex = list(_BIBLATEX.finditer(uncommented))
    if biblatex:
        return any(_BIBTEX_BACKEND.search(m.group("options") or "") for m in biblatex)
    return "\\bibliographystyle" in uncommented or any(
        not m.group("biblatex") and m.group("names").strip() for m in _BIBLIOGRAPHY.finditer(uncommented))


def bibliography_files(text: str, folder: Path | None = None, jobname: str = "") -> list[str]:
    """The files of \\addbibresource{refs.bib} (biblatex; \\addglobalbib, \\addsectionbib) and
    \\bibliography{a,b} (BibTeX, natbib's \\nobibliography: .bib implied); a resource with biblatex's ``glob``
    option, the files its pattern matches in ``folder`` (the main file's, where biber runs), in order. ``jobname``,
    the name of the file LaTeX runs on without its extension, stands for ``\\jobname`` (``\\bibliography{\\jobname}``
    names ``paper.bib`` for ``paper.tex``); without it the name is kept as written."""
    names: list[str] = []
    for name, _, globbed in _bibliography_commands(text, jobname):
        matched = _globbed(folder, name) if globbed and folder is not None and _GLOB_CHARS.search(name) else []
        names += matched or [name]
    return names


def _globbed(folder: Path, pattern: str) -> list[str]:
    """The files ``pattern`` matches from ``folder``, as biber's glob (``bsd_glob``) matches them: ``**`` one folder
    like ``*``, never a walk down the tree; a pattern naming no file of the project (absolute, ``~``) matches none."""
    if Path(pattern).is_absolute() or pattern.startswith("~"):
        return []
    found = glob.glob(pattern, root_dir=folder)  # the folder's own name may hold "[" or "*": not a pattern
    return sorted(Path(name).as_posix() for name in found if (folder / name).is_file())


_GLOB_CHARS = re.compile(r"[*?\[]")


_DOCUMENT = re.compile(r"\\documentclass\b")
_OWN_LIST = re.compile(r"\\begin\s*\{thebibliography\}")


def lists_no_references(text: str) -> bool:
    """Whether ``text`` is a whole document (``\\documentclass``) that names no bibliography file and writes no
    list of its own (``thebibliography``): LaTeX prints no reference list, and its citations as "?". (A chapter
    that its thesis inputs has no ``\\documentclass``: the main file names them.)"""
    uncommented = _uncommented(text)
    return (_DOCUMENT.search(uncommented) is not None and _OWN_LIST.search(uncommented) is None
            and not _BIBLIOGRAPHY.search(uncommented))


_MAGIC_ROOT = re.compile(r"^[ \t]*%[ \t]*!TEX[ \t]+root[ \t]*=[ \t]*(\S(?:.*\S)?)[ \t]*$", re.I | re.M)
_SUBFILES = re.compile(r"\\documentclass\s*\[\s*([^\],]+?\.tex)\s*\]\s*\{subfiles\}")
_PREAMBLE_INPUT = re.compile(r"\\(?:input|include)\s*\{([^}]+)\}")


def declared_root(text: str) -> str:
    """The main file a LaTeX chapter says it belongs to: its ``% !TEX root = ../thesis.tex`` line (the editors'
    magic comment, in its first 20 lines), else its ``\\documentclass[../thesis.tex]{subfiles}``; "" for none."""
    head = "\n".join(split_lines(text)[:20])
    magic = _MAGIC_ROOT.search(head)
    if magic:
        return magic.group(1)
    subfiles = _SUBFILES.search(_uncommented(text))
    return subfiles.group(1).strip() if subfiles else ""


def preamble_inputs(text: str) -> list[str]:
    """The files a main file's preamble (before ``\\begin{document}``) inputs, as written (a thesis's
    ``\\input{preamble}``, where its \\addbibresource often is)."""
    preamble = _uncommented(text).partition("\\begin{document}")[0]
    return [m.group(1).strip() for m in _PREAMBLE_INPUT.finditer(preamble)]


def globs_bibliography(text: str) -> bool:
    """Whether a resource of ``text`` is named by a pattern biblatex globs (``bibliography_files``)."""
    return any(globbed and _GLOB_CHARS.search(name) for name, _, globbed in _bibliography_commands(text))


def bibliography_lines(text: str, jobname: str = "") -> dict[str, int]:
    """The line of the first command naming each of ``bibliography_files`` (as that names it, .bib added)."""
    lines: dict[str, int] = {}
    for name, line, _ in _bibliography_commands(text, jobname):
        lines.setdefault(name, line)
    return lines


_JOBNAME = re.compile(r"\\jobname(?![A-Za-z@])\s*")
"""TeX's ``\\jobname`` (a control word: the spaces after it are not printed)."""


def _bibliography_commands(text: str, jobname: str = "") -> list[tuple[str, int, bool]]:
    """Each file named: (name, line, whether biblatex globs it); ``\\jobname`` read as ``jobname`` when given."""
    named: list[tuple[str, int, bool]] = []
    uncommented = _uncommented(text)
    for match in _BIBLIOGRAPHY.finditer(uncommented):
        biblatex = match.group("biblatex") is not None
        globbed = biblatex and _GLOB.search(match.group("options") or "") is not None
        at = match.start("names")
        for part in ([match.group("names")] if biblatex else match.group("names").split(",")):
            name = _JOBNAME.sub(lambda _: jobname, part).strip() if jobname else part.strip()
            if name:
                line = uncommented.count("\n", 0, at + len(part) - len(part.lstrip())) + 1
                named.append((name if biblatex or name.endswith(".bib") else name + ".bib", line, globbed))
            at += len(part) + 1
    return named
