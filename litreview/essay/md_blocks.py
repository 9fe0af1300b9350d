"""Markdown as markdown-it-py is to read it: pandoc's own block syntax (fenced divs, knitr chunk headers, fancy and
example list markers, table captions and indents, raw LaTeX environments, lines of one HTML tag) made CommonMark of
the same length, and the parser (CommonMark, pipe tables, footnotes, definition lists, math, pandoc's superscript)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..lazyre import lazy
from .cites import MASK
from .md_notes import linear_footnotes, note_definitions, notes_only
from .md_refdefs import blank_reference_definitions
from .md_stops import quick_stops

_DIV = lazy(r"^ {0,3}:{3,}.*$", re.M)
_DISPLAY_MATH = lazy(r"\$\$(?:[^$\n]|\n(?![ \t]*\n)|\$(?!\$))*\$\$")
"""Display math, no blank line in it (which ends pandoc's paragraph)."""
_BLOCK_START = lazy(r"(?<=\n)([ \t]{0,3})(?:[-+*>#=]|\d(?=\d{0,8}[.)]))")
"""Where a line inside display math starts with what CommonMark reads as a list, quote, heading or underline."""
_KNITR = lazy(r"^([ \t]*)```+[ \t]*\{[^}\n]*\}", re.M)  # one line's blanks: "\s*" was quadratic on blank lines
# Pandoc's list markers that CommonMark lacks ("#.", "a)", "(iv)", "A.  ", example lists "(@)", "(@good)"):
# rewritten as ordered-list numbers of the same length, so what follows them keeps its place.
_FANCY_MARKER = lazy(r"^([ \t]*)(\(@[\w-]*\)|\(?(?:#|[a-z]|[ivxlcdm]+|[A-Z](?=[.)]  )|[IVXLCDM]+(?=[.)]  ))"
                           r"[.)])(?=[ \t])", re.M)
_EXAMPLE_LABEL = lazy(r"\(@([\w-]+)\)")
# A labelled example marker and the spaces after it: pandoc reads an example item's text as starting in the
# fifth column, however long the label, so four spaces carry a paragraph on in the item (CommonMark asks as
# many as the marker and its spaces take).
_LABELLED_EXAMPLE = lazy(r"^([ \t]*)\(@[\w-]+\) +(?=\S)", re.M)
# A raw LaTeX environment (pandoc's raw_tex) that starts a block holds no Markdown, blank lines or not.
_RAW_TEX_BLOCK = lazy(r"(?:\A|\n[ \t]*\n) {0,3}(\\begin\{([^{}\s]+)\})")
# A YAML block after the front matter (pandoc's yaml_metadata_block: anywhere, after a blank line): "---", a line
# that is not blank, up to a line of "---" or "...".
_YAML_BLOCK = lazy(r"(?:\A|(?<=\n))[ \t]*\n---[ \t]*\n(?![ \t]*\n)((?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?=\n|\Z)")
# A table's rule line as pandoc's simple, multiline and grid tables draw it: a caption (": ...") in the paragraph
# after such a table is the table's, not a definition of its last row (CommonMark reads neither table).
_TABLE_RULE = lazy(r"^[ \t]*(?:-+(?:[ \t]+-+)*|\+[-=:+]+\+)[ \t]*$")
_CAPTION = lazy(r"^ {0,3}:(?=[ \t])")
# The rules that frame a simple or multiline table: the column rule (two or more groups of dashes) and the
# rule of dashes alone that opens and closes a multiline table; pandoc reads either from no more than 3 spaces in.
_COLUMN_RULE = lazy(r"^ {0,3}-+(?:[ \t]+-+)+[ \t]*$")
_DASH_RULE = lazy(r"^ {0,3}-{3,}[ \t]*$")
_INDENT = lazy(r"^(?: {4,}|[ ]{0,3}\t)[ \t]*")
# A line holding only an HTML tag: pandoc reads the Markdown around it (not in <pre>, <script>, <style>, <textarea>).
_HTML_TAG_LINE = lazy(r"^ {0,3}</?(?!(?:pre|script|style|textarea)\b)[A-Za-z][A-Za-z0-9-]*"
                            r"(?:\s[^<>\n]*)?/?>[ \t]*$", re.M | re.I)


@lru_cache(maxsize=1)
def parser() -> Any:
    """The markdown-it-py parser of the block structure, made once."""
    return quick_stops(notes_only(note_definitions(plain_parser())))


def plain_parser() -> Any:
    """``parser`` without the shortcuts that leave its reading as it is (``md_stops``, ``md_notes.notes_only``)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = (MarkdownIt("commonmark", {"html": True}).enable("table")
          .use(footnote_plugin).use(deflist_plugin)
          .use(dollarmath_plugin, allow_space=True, double_inline=True, allow_labels=False,
               allow_blank_lines=False))
    # Only the block structure is read (citations come from cites.mask_inline); footnote references
    # are still parsed, since footnotes that nothing references are dropped.
    md.inline.ruler.before("footnote_ref", "superscript", _superscript)
    md.inline.ruler.enableOnly(["text", "escape", "backticks", "superscript", "footnote_ref", "footnote_inline"])
    return linear_footnotes(md)


_SUPERSCRIPT = lazy(r"\^(?!\[)(?:\\.|[^\s^\\])+\^")
"""pandoc's superscript (``2^10^``): no space inside, unless escaped; ``^[`` opens an inline note instead."""


def _superscript(state: Any, silent: bool) -> bool:
    """A superscript read as text, so that a footnote reference it holds (``^?[^n1]``: pandoc's superscript
    "?[") is no reference, and the note nothing references is dropped, as pandoc drops it."""
    if state.src[state.pos] != "^" or (m := _SUPERSCRIPT.match(state.src, state.pos)) is None:
        return False
    if not silent:
        state.push("text", "", 0).content = m.group()
    state.pos = m.end()
    return True


def commonmark(body: str) -> str:
    """``body`` with pandoc's block syntax made CommonMark of the same length (offsets and lines kept): fenced divs
    (":::") and knitr chunk headers ("```{r}") as CommonMark can read them, then ``_pandoc_blocks``."""
    source = _DIV.sub(lambda m: " " * len(m.group()), body)
    source = _KNITR.sub(lambda m: m.group(1) + "```" + " " * (len(m.group()) - len(m.group(1)) - 3), source)
    if "$$" in source:
        source = _DISPLAY_MATH.sub(_math_lines, source)
    return _pandoc_blocks(source)


def without_stops_in_math(text: str) -> str:
    """``text`` with each full stop, "!" and "?" inside display math made a letter (the same length): pandoc reads
    ``$$ ... = 0. $$`` as one formula, in one sentence (cut there, the page printed the halves' TeX as text)."""
    if "$$" not in text:
        return text
    return _DISPLAY_MATH.sub(lambda m: re.sub(r"[.!?…]", "x", m.group()), text)


def _math_lines(m: re.Match[str]) -> str:
    """Display math whose lines start with no block: pandoc reads ``$$`` to ``$$`` as one formula, and a line of
    it starting ``+ \\mathcal{N}`` is a term of it, no list item (which cut the paragraph of a labelled equation,
    ``$$ ... $$ {#eq:x}``, in two and printed its TeX)."""
    return _BLOCK_START.sub(lambda b: b.group(1) + MASK, m.group()) if "\n" in m.group() else m.group()


def _pandoc_blocks(source: str) -> str:
    """``source`` with pandoc's own block syntax made CommonMark of the same length: fancy and example
    list markers as numbers, references to example labels masked, raw LaTeX environments, lines
    holding only an HTML tag and reference definitions (``md_refdefs``) blanked."""
    source = blank_reference_definitions(source)  # before the list markers: "(b)" in a title is none
    if "---" in source:
        source = _blank_yaml_blocks(source)
    labels: set[str] = set()

    def number(m: re.Match[str]) -> str:
        marker = m.group(2)
        if marker.startswith("(@"):
            labels.add(marker[2:-1])
        # "2", not "1": in CommonMark only a list starting at 1 may interrupt a paragraph, in pandoc none.
        return m.group(1) + (marker if len(marker) > 10 else "0" * (len(marker) - 2) + "2" + marker[-1])

    if "(@" in source:
        source = _LABELLED_EXAMPLE.sub(lambda m: _example_marker(m, labels), source)
    if "(" in source or "." in source or ")" in source:
        source = _FANCY_MARKER.sub(number, source)
    if labels:
        source = _EXAMPLE_LABEL.sub(lambda m: MASK * len(m.group()) if m.group(1) in labels else m.group(), source)
    if "\n:" in source or "\n :" in source:
        source = _table_captions(source)
    if "--" in source:
        source = _table_indents(source)
    if "\\begin{" in source:
        source = _blank_raw_tex(source)
    if "<" in source:
        source = _HTML_TAG_LINE.sub(lambda m: " " * len(m.group()), source)
    return source


def _blank_yaml_blocks(source: str) -> str:
    """Each YAML block after the front matter made an HTML comment of its size: pandoc reads a block of fields there
    as the document's metadata, no text (a block whose YAML is no mapping of fields stays as it is: pandoc reads it
    as Markdown)."""
    def blank(m: re.Match[str]) -> str:
        if not _block_fields(m.group(1)):
            return m.group()
        start = m.start(1) - 4  # the opening "---"
        block = m.group()[start - m.start():]
        return m.group()[:start - m.start()] + "<!--" + re.sub(r"\S", " ", block[4:-3]) + "-->"

    return _YAML_BLOCK.sub(blank, source)


def later_yaml_blocks(body: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(the offset in ``body`` of its YAML text, its fields) for each YAML block of fields after the front matter,
    in order: pandoc reads them as the document's metadata (``yaml_meta.merge_meta``), the blocks
    ``_blank_yaml_blocks`` takes out of the text."""
    if "---" in body:
        for m in _YAML_BLOCK.finditer(body):
            data = _block_fields(m.group(1))
            if data:
                yield m.start(1), data


def _block_fields(yaml_text: str) -> dict[str, Any]:
    """The fields of a YAML block's text; {} when it is not YAML or no mapping of fields (pandoc reads it as
    Markdown)."""
    from ..errors import EssayError
    from .yaml_meta import parse_yaml

    try:
        data = parse_yaml(yaml_text, "", first_line=1, what="metadata", hint="")
    except EssayError:
        return {}
    return data if isinstance(data, dict) else {}


def _example_marker(m: re.Match[str], labels: set[str]) -> str:
    """A labelled example marker with its spaces as a number and three spaces, the rest no-break spaces (text to
    CommonMark, which ``str.strip`` still takes for blanks): the item's text starts in the fifth column, as in
    pandoc. The label is noted, for the references to it."""
    labels.add(m.group()[len(m.group(1)) + 2:].split(")")[0])
    return m.group(1) + "2.  " + "\u00a0" * (len(m.group()) - len(m.group(1)) - 4)


def _table_captions(source: str) -> str:
    """``source`` with the ":" of each caption after a simple, multiline or grid table blanked: pandoc reads
    it as the table's caption, CommonMark as a definition whose term is the table's last row, which would
    take an indented code block after it for the definition's text."""
    lines = source.split("\n")
    after_table = block_has_rule = False
    blank = True
    for n, line in enumerate(lines):
        if not line.strip():
            if not blank:
                after_table, block_has_rule = block_has_rule, False
            blank = True
            continue
        if blank and after_table and (m := _CAPTION.match(line)) is not None:
            lines[n] = line[:m.end() - 1] + " " + line[m.end():]
        if blank:
            after_table = False
        block_has_rule = block_has_rule or _TABLE_RULE.match(line) is not None
        blank = False
    return "\n".join(lines)


def _table_indents(source: str) -> str:
    """``source`` with the indent of each line of a simple or multiline table made no-break spaces: pandoc
    reads any indent in a table's header and rows (its tables come before indented code), CommonMark an
    indent of four or more as code."""
    lines = source.split("\n")
    code: set[int] | None = None
    n = 0
    while n < len(lines):
        if _COLUMN_RULE.match(lines[n]) is None:
            n += 1
            continue
        top = n if n == 0 or not lines[n - 1].strip() else n - 1
        while top > 0 and lines[top - 1].strip() and _DASH_RULE.match(lines[top - 1]) is None:
            top -= 1  # the header lines of a multiline table
        multiline = top > 0 and _DASH_RULE.match(lines[top - 1]) is not None
        if top != n - 1 and not multiline and top != n:
            n += 1  # a paragraph's lines above the rule: no table (pandoc needs one header line)
            continue
        above = next((k for k in range(top - 1, -1, -1) if lines[k].strip()), -1)
        if (_INDENT.match(lines[top]) and _INDENT.match(lines[above] if above >= 0 else "")
                and above in (code := code if code is not None else _code_lines(source))):
            n += 1  # an indented header line after indented code goes on with the code, blank lines or not
            continue
        end = n + 1
        if multiline:  # rows, blank lines between them, up to the closing rule
            end = next((k for k in range(n + 1, len(lines)) if _DASH_RULE.match(lines[k])), n + 1)
        while end < len(lines) and lines[end].strip():
            end += 1
        for k in range(top, end):
            if (m := _INDENT.match(lines[k])) is not None and lines[k].strip():
                lines[k] = "\u00a0" * m.end() + lines[k][m.end():]
        n = end + 1
    return "\n".join(lines)


def code_lines(body: str) -> set[int]:
    """The lines (from 0) of the code blocks of a Markdown ``body``, fenced (a knitr chunk too) or indented, as the
    Markdown reader reads them (a fence closes only on its own character repeated as often)."""
    return {n for tok in parser().parse(commonmark(body)) if tok.type in ("fence", "code_block") and tok.map
            for n in range(*tok.map)}


def _code_lines(source: str) -> set[int]:
    """The lines (from 0) of the indented code blocks of ``source``."""
    return {n for tok in parser().parse(source) if tok.type == "code_block" and tok.map for n in range(*tok.map)}


def _blank_raw_tex(source: str) -> str:
    """Each raw LaTeX environment made an HTML comment of its size: a block holding no text, which (unlike
    blank lines) ends a list or definition before it."""
    pieces: list[str] = []
    pos = 0
    for start, end in raw_tex_blocks(source):
        pieces += [source[pos:start], "<!--", re.sub(r"\S", " ", source[start + 4:end - 3]), "-->"]
        pos = end
    return "".join(pieces) + source[pos:]


def raw_tex_blocks(source: str) -> list[tuple[int, int]]:
    """(start, end) of each raw LaTeX environment that starts a block of Markdown ``source`` (``\\begin{citacao}``
    to its ``\\end{citacao}``): pandoc's raw_tex, which it keeps whole for a LaTeX build (an HTML page prints none of
    it) and reads no Markdown in."""
    if "\\begin{" not in source:
        return []
    found: list[tuple[int, int]] = []
    pos = 0
    while (m := _RAW_TEX_BLOCK.search(source, pos)) is not None:
        close = _environment_end(source, m.group(2), m.end())
        if close < 0:
            break
        found.append((m.start(1), close))
        pos = close
    return found


def _environment_end(source: str, name: str, at: int) -> int:
    """Offset past the ``\\end{name}`` that closes the environment whose body starts at ``at`` (nested
    ones of the same name counted), or -1."""
    depth = 1
    for m in re.compile(rf"\\(begin|end)\{{{re.escape(name)}\}}").finditer(source, at):
        depth += 1 if m.group(1) == "begin" else -1
        if depth == 0:
            return m.end()
    return -1
