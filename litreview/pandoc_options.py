"""What pandoc's command line names: the bibliographies (``--bibliography FILE``, ``-M bibliography=FILE``, a
metadata file's or a defaults file's ``bibliography:``) and the input files (``pandoc ch1.md ch2.md``, a defaults
file's ``input-files:``), in a build script's pandoc commands (``pandoc_commands``), or in R Markdown's
``pandoc_args``."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

from .lazyre import lazy

YAML_SUFFIXES = (".yaml", ".yml")
"""A pandoc defaults or metadata file's suffixes."""
BIBTEX_SUFFIXES = (".bib", ".bibtex", ".biblatex")
"""The names pandoc reads as BibTeX/biblatex (by extension, as ``--bibliography`` does)."""
_SEPARATORS = frozenset({"&&", "||", ";", "|", ">", ">>"})
"""Words that end the pandoc command of a line."""
_METADATA_BIB = lazy(r"bibliography[ \t]*[=:][ \t]*(\S.*)")
_TAKING = frozenset({"--bibliography", "--metadata", "--metadata-file", "--defaults", "--output", "--csl", "--from",
                     "--to", "--read", "--write", "--template", "--resource-path", "--data-dir", "--lua-filter",
                     "--filter", "--citation-abbreviations", "--reference-doc", "--include-in-header",
                     "--include-before-body", "--include-after-body", "--variable", "--pdf-engine", "--log",
                     "--css", "--epub-cover-image", "--epub-metadata", "--epub-embed-font", "--extract-media",
                     "--syntax-definition", "--highlight-style", "--abbreviations", "--reference-location",
                     "--id-prefix", "--title-prefix", "--shift-heading-level-by", "--toc-depth", "--columns", "--wrap",
                     "--dpi", "--eol", "--top-level-division", "--number-offset", "--slide-level", "--tab-stop",
                     "--default-image-extension", "--indented-code-classes", "--email-obfuscation",
                     "--ipynb-output", "--markdown-headings", "--track-changes", "--request-header",
                     "--print-default-template", "--print-default-data-file", "--pdf-engine-opt"})
"""pandoc's long options whose value may be the next word (``--bibliography refs.bib``)."""
_SHORT_TAKING = frozenset({"-M", "-d", "-o", "-f", "-r", "-t", "-w", "-V", "-c", "-H", "-B", "-A", "-L", "-F",
                           "-D", "-T"})
"""pandoc's short options that take a value, joined (``-thtml``) or as the next word (``-t html``)."""
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".text", ".txt")
"""The extensions pandoc reads as Markdown by name (pandoc 3.9's format heuristics; a name it does not know, such as
``.pdc`` or ``.Rmd``, it reads as Markdown too, with a warning)."""
INPUT_SUFFIXES = frozenset({*MARKDOWN_SUFFIXES, ".qmd", ".rmd"})
"""The names pandoc reads as Markdown by their extension (a listing's folder's files the warm run keys on; which files
are read as Markdown is ``reads_as_markdown``'s)."""
OTHER_FORMATS = {
    ".adoc": "AsciiDoc", ".asciidoc": "AsciiDoc", ".context": "ConTeXt", ".ctx": "ConTeXt", ".db": "DocBook",
    ".doc": "Word 97", ".docx": "Word", ".dokuwiki": "DokuWiki", ".epub": "EPUB", ".fb2": "FictionBook",
    ".htm": "HTML", ".html": "HTML", ".xhtml": "HTML", ".icml": "InDesign ICML", ".json": "pandoc's JSON",
    ".lhs": "literate Haskell", ".ms": "roff ms", ".roff": "roff ms", ".muse": "Muse", ".native": "pandoc's native",
    ".odt": "OpenDocument", ".opml": "OPML", ".org": "Org", ".pdf": "PDF", ".pptx": "PowerPoint", ".xlsx": "Excel",
    ".rst": "reStructuredText", ".rtf": "RTF", ".s5": "S5", ".t2t": "txt2tags", ".tei": "TEI", ".texi": "Texinfo",
    ".texinfo": "Texinfo", ".textile": "Textile", ".wiki": "MediaWiki", ".csv": "CSV", ".tsv": "TSV",
    ".bib": "BibLaTeX", ".ris": "RIS", ".typ": "Typst", ".dj": "Djot", ".xml": "XML", ".pod": "Perl POD",
    **{f".{n}": "man" for n in range(1, 10)}}
"""The extensions pandoc reads as a format other than Markdown and LaTeX (and a Jupyter notebook's ``.ipynb``),
by name, with that format (pandoc 3.9's format heuristics)."""


def other_format(name: str | Path) -> str:
    """The format pandoc reads the file ``name`` as when it is neither Markdown nor LaTeX nor a Jupyter notebook
    (``OTHER_FORMATS``: "reStructuredText" for ``paper.rst``); '' for those, and for a name pandoc does not know,
    which it reads as Markdown (``lit_review.pdc``), as litreview does."""
    return OTHER_FORMATS.get(Path(name).suffix.lower(), "")


SETTINGS_SUFFIXES = (*YAML_SUFFIXES, ".toml", ".csl")
"""Settings and style files' suffixes: pandoc knows no such name and would read one as Markdown; no manuscript is
one."""
_NOT_MARKDOWN = frozenset({*OTHER_FORMATS, ".ipynb", *SETTINGS_SUFFIXES})
"""Besides LaTeX's (``cache.LATEX_SUFFIXES``, one tuple for every reader)."""


def reads_as_markdown(name: str | Path) -> bool:
    """Whether pandoc reads the file ``name`` as Markdown, and litreview with it: by a Markdown name
    (``MARKDOWN_SUFFIXES``, ``.qmd``, ``.Rmd``) or by one pandoc does not know (``lit_review.pdc``, ``chapter``); not
    a file of another format (``OTHER_FORMATS``), LaTeX, a Jupyter notebook nor a settings file. The one rule for
    the files pandoc joins into a manuscript, wherever they are listed (the settings' essay list, the MkDocs
    plugin's, a build file's pandoc command)."""
    from .cache import LATEX_SUFFIXES  # (late: the cache imports this module)

    suffix = Path(name).suffix.lower()
    return suffix not in _NOT_MARKDOWN and suffix not in LATEX_SUFFIXES


_FILE_WORD = lazy(r"[\w./~+-]+\.[A-Za-z0-9]+")
"""A command's word that is a file's name with an extension (not a shell redirection, ``2>pandoc.log``)."""


def _input_file(word: str) -> bool:
    """Whether a pandoc command's word that is no option is an input file pandoc reads as Markdown: a Markdown name
    (``INPUT_SUFFIXES``), or a plain file name of another extension ``reads_as_markdown`` takes (``ch1.pdc``)."""
    return Path(word).suffix.lower() in INPUT_SUFFIXES or (_FILE_WORD.fullmatch(word) is not None
                                                           and reads_as_markdown(word))


def not_markdown(name: str) -> str:
    """Why the listed file ``name`` is no Markdown file pandoc joins (``reads_as_markdown``): 'which pandoc reads as
    reStructuredText, not Markdown', or 'which is not a Markdown file'."""
    form = other_format(name)
    return f"which pandoc reads as {form}, not Markdown" if form else "which is not a Markdown file"
MAX_BYTES = 200_000
"""A defaults, metadata or build file larger than this is not read (a build file that large is no hand-written
script)."""
BUILD_NAMES = ("Makefile", "makefile", "GNUmakefile", "justfile", "Justfile")
"""The names of the build files whose pandoc commands are read (besides ``BUILD_SUFFIXES``)."""
BUILD_SUFFIXES = (".mk", ".sh", ".bash")
_ASSIGN = lazy(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(::=|[:?+]?=)(.*)$", re.M)
"""A variable set (Make's ``BIB := refs.bib``, ``BIB ?= refs.bib``, ``SRC += b.md``, the shell's ``BIB=refs.bib``),
expanded in a command's words; its value stripped after the match (a lazy value before trailing blanks took time
quadratic in a run of blanks)."""
_MAX_DEPTH = 8
"""How deep variables set from variables are expanded (``BIB = $(DIR)/refs.bib``, ``DIR = $(CURDIR)/source``)."""
_MAX_GROWTH = 2 * MAX_BYTES
"""How many characters the expansion of a build file's variables may add in all, its values' and its lines'; a value
or line that would add more is left as written (values doubling at every level would grow without end)."""
_VARIABLE = lazy(r"\$(?:\(([A-Za-z_][A-Za-z0-9_]*)\)|\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
_PANDOC = lazy(r"\bpandoc\b")
_RULE = lazy(r"^[^\t#=\s][^=#]*?:(?![:=])")
"""A Make rule's first line (``paper.pdf: paper.md``), not a recipe line (tab) nor an assignment (``X := y``)."""


def is_build_file(path: Path) -> bool:
    """Whether ``path`` is named as a build file whose pandoc commands are read (a Makefile, a shell script)."""
    return path.name in BUILD_NAMES or path.suffix.lower() in BUILD_SUFFIXES


def build_files(folder: Path, *, defaults: bool = False) -> list[Path]:
    """The build files in ``folder`` (``is_build_file``) and, with ``defaults``, the pandoc defaults files in it
    that name ``input-files``, by name; none when the folder cannot be listed."""
    try:
        return sorted(p for p in folder.iterdir() if (is_build_file(p) or (
            defaults and p.suffix.lower() in YAML_SUFFIXES and "input-file" in read_small(p))) and p.is_file())
    except OSError:
        return []


def pandoc_commands(build: Path) -> list[tuple[list[str], list[str]]]:
    """The pandoc commands of a build file, in order, as (their words, the words of the Make rule they belong to:
    its target and prerequisites), variables set in the file expanded; none when it cannot be read."""
    text = read_small(build).replace("\\\n", " ")  # a command continued over lines is one command
    make = build.suffix.lower() not in (".sh", ".bash")
    budget = [_MAX_GROWTH]
    values = _expanded_values(_assignments(text, make, budget), budget)
    commands: list[tuple[list[str], list[str]]] = []
    rule: list[str] = []
    for line in text.splitlines():
        is_rule, is_command = make and _RULE.match(line), _PANDOC.search(line) and not line.lstrip().startswith("#")
        if not (is_rule or is_command):
            continue
        expanded = _substitute(line, values.get, budget)
        if is_rule:
            rule = expanded.replace(":", " ").split()
        if is_command:
            commands.append((_words(expanded), rule))
    return commands


def _assignments(text: str, make: bool, budget: list[int]) -> dict[str, str]:
    """The variables a build file sets, each to the value it holds when the commands run: a later ``=`` or ``:=``
    over an earlier one, ``?=`` only where none is set, ``+=`` appended; a value naming its own variable
    (``OPTS="$OPTS --citeproc"``, ``F := $(F) x``) extends the value set before; Make's ``CURDIR`` the folder make
    runs in, the build file's (``.``, as the file's other names are read from there). Make is never run.
    ``budget``: as ``_substitute``'s."""
    values = {"CURDIR": "."} if make else {}
    for m in _ASSIGN.finditer(text):
        name, how, value = m.group(1), m.group(2), m.group(3).strip().strip("\"'")
        if name in values and "$" in value:  # its earlier value where it names itself
            value = _substitute(value, {name: values[name]}.get, budget)
        if how == "?=":
            values.setdefault(name, value)
        elif how == "+=" and name in values:
            values[name] = f"{values[name]} {value}"
        else:
            values[name] = value
    return values


def _expanded_values(values: dict[str, str], budget: list[int]) -> dict[str, str]:
    """``values`` with the variables their values name expanded in turn, up to ``_MAX_DEPTH`` levels; a variable
    that names itself, through others or not, is left as written there. ``budget``: as ``_substitute``'s."""
    done: dict[str, str] = {}
    active: list[str] = []

    def value(name: str) -> str | None:
        if name not in values or name in active or len(active) >= _MAX_DEPTH:
            return None
        if name not in done:
            active.append(name)
            done[name] = _substitute(values[name], value, budget)
            active.pop()
        return done[name]

    for name in values:
        value(name)
    return done


def _substitute(text: str, lookup: Callable[[str], str | None], budget: list[int]) -> str:
    """``text`` with each variable ``lookup`` knows (``$(X)``, ``${X}``, ``$X``) replaced by its value; ``text`` as
    written when that would add more characters than are left in ``budget`` (which is lowered by those added)."""
    parts: list[str] = []
    size, end = 0, 0
    for m in _VARIABLE.finditer(text):
        found = lookup(m.group(1) or m.group(2) or m.group(3))
        if found is None:
            continue
        parts += [text[end:m.start()], found]
        size += m.start() - end + len(found)
        end = m.end()
        if size - end > budget[0]:
            return text
    budget[0] -= max(0, size - end)
    return "".join(parts) + text[end:] if parts else text


def read_small(path: Path, *, strict: bool = False) -> str:
    """A build, defaults or metadata file's text, read as untrusted: "" when it is no regular file, is larger than
    ``MAX_BYTES`` or cannot be read; bytes not in UTF-8 replaced, or with ``strict`` "" for a file holding any."""
    try:
        if not path.is_file():
            return ""
        if path.stat().st_size > MAX_BYTES:
            return ""
        return path.read_text(encoding="utf-8", errors="strict" if strict else "replace")
    except (OSError, UnicodeDecodeError):
        return ""


def _words(line: str) -> list[str]:
    try:
        return shlex.split(line, comments=True)
    except ValueError:  # an unbalanced quote (a Make recipe's own quoting): words as the line splits
        return line.split()


def pandoc_bibliographies(words: list[str], folder: Path | None) -> list[str]:
    """The bibliographies named by pandoc's options among ``words`` (those after the word ``pandoc`` when there is
    one, up to the command's end): ``--bibliography FILE``, ``-M``/``--metadata bibliography=FILE``, and the
    ``bibliography:`` of a metadata file or a defaults file (``-d FILE``) in ``folder`` (none read without one)."""
    return _read_command(words, folder)[0]


def literal_files(names: list[str]) -> list[str]:
    """The names a build file gives that are files as written: none holding a variable left unexpanded (``$(BIB)``,
    ``$HOME``: set outside the file) or a shell pattern (``*.bib``, which pandoc's ``--bibliography`` is not given)."""
    return [n for n in names if n and "$" not in n and "*" not in n]


def pandoc_inputs(words: list[str], folder: Path | None) -> list[str]:
    """The input files of the pandoc command among ``words``, in pandoc's order: the words that are no option nor
    an option's value (a metadata file of YAML left out), else the ``input-files:`` (or ``input-file:``) of a
    defaults file (``-d FILE``) in ``folder``, as pandoc takes them."""
    return _read_command(words, folder)[1]


def _read_command(words: list[str], folder: Path | None) -> tuple[list[str], list[str]]:
    """(bibliographies, input files) of the pandoc command among ``words``."""
    inputs: list[str] = []
    defaults_inputs: list[str] = []
    start = next((i + 1 for i, w in enumerate(words) if Path(w).name in ("pandoc", "pandoc.exe")), 0)
    names: list[str] = []
    taken = False  # the word is the value of the option before it (``--bibliography refs.bib``, ``-o out.yaml``)
    for i in range(start, len(words)):
        word, following = words[i], words[i + 1] if i + 1 < len(words) else ""
        if word in _SEPARATORS:
            break
        if taken:
            taken = False
            continue
        option, eq, value = word.partition("=")
        if option.startswith("--"):
            value, taken = (value, False) if eq else (following, option in _TAKING)
        elif word[:2] in _SHORT_TAKING:
            option, value, taken = word[:2], word[2:] or following, not word[2:]
        elif not word.startswith("-") and folder is not None and Path(word).suffix.lower() in YAML_SUFFIXES:
            names += _from_yaml(folder / word, metadata=True)  # an input file of metadata alone: pandoc meta.yaml a.md
            continue
        else:
            if not word.startswith("-") and _input_file(word):
                inputs.append(word)
            continue
        if option == "--bibliography":
            names.append(value)
        elif option in ("-M", "--metadata"):
            m = _METADATA_BIB.match(value)
            names += [m.group(1).strip()] if m else []
        elif folder is None:
            continue
        elif option == "--metadata-file":
            names += _from_yaml(folder / value, metadata=True)
        elif option in ("-d", "--defaults"):
            path = folder / value
            path = path if path.suffix.lower() in YAML_SUFFIXES else path.with_suffix(".yaml")
            names += _from_yaml(path)
            defaults_inputs += defaults_input_files(path)
    return names, inputs or defaults_inputs  # (inputs on the command line replace the defaults file's)


def defaults_input_files(path: Path) -> list[str]:
    """The ``input-files:`` (or ``input-file:``) a pandoc defaults file lists; none when it cannot be read."""
    data = _yaml_data(path)
    named = data.get("input-files", data.get("input-file")) if isinstance(data, dict) else None
    return _names(named)


def _from_yaml(path: Path, *, metadata: bool = False) -> list[str]:
    """The bibliographies a pandoc defaults file names (``bibliography:``, or under ``metadata:``), or a metadata
    file's ``bibliography:``; none when it cannot be read."""
    data = _yaml_data(path, metadata=metadata)
    if not isinstance(data, dict):
        return []
    inner = data.get("metadata")
    named = data.get("bibliography") if metadata or "bibliography" in data else (
        inner.get("bibliography") if isinstance(inner, dict) else None)
    return _names(named)


def _names(named: object) -> list[str]:
    """The file names a YAML value gives: one, or each of a list, non-blank strings only."""
    return [n for n in (named if isinstance(named, list) else [named]) if isinstance(n, str) and n.strip()]


def _yaml_data(path: Path, *, metadata: bool = False) -> object:
    """A defaults or metadata file's YAML, read as untrusted; None when it cannot be read."""
    from .errors import InputError
    from .essay.yaml_meta import parse_yaml

    text = read_small(path, strict=True)  # (a name read with its bytes replaced would name no file)
    if not text:
        return None
    lines = text.strip().splitlines()
    if metadata and lines and lines[0].rstrip() == "---":  # a metadata block in a file of its own, delimited
        end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), len(lines))
        text = "\n".join(lines[1:end])
    try:
        return parse_yaml(text, str(path), first_line=1, what=path.name, hint="fix the YAML")
    except InputError:
        return None
