"""Markdown as pandoc reads it: block structure from markdown-it-py (CommonMark, pipe tables,
footnotes, math), claims in paragraphs, headings, list items, quotes, table cells and footnotes.

Nothing in code, math, HTML comments or raw HTML is read as a citation (``cites.mask_inline``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..errors import EssayError
from ..lazyre import lazy
from ..model import Claim, Essay, Paragraph
from .cites import MASK, blank_keys, crossref_kinds, is_crossref, keys_in, mask_inline
from .front import file_front
from .segment import make_claim, sentences, split_lines

_NEWLINE = lazy(r"\n")
_DIV = lazy(r"^ {0,3}:{3,}.*$", re.M)
# A closing sequence starts where its run of blanks starts: the same leftmost match, in linear time
# (tried at every blank of a long run, the search was quadratic).
_ATX_CLOSE = lazy(r"(?<![ \t])[ \t]+#+[ \t]*$|^#+[ \t]*$")
_HEADING_ATTRS = lazy(r"[ \t]+\{[#.\-][^{}]*\}[ \t]*$")
"""pandoc's and Quarto's heading attributes (``{#sec-intro}``, ``{.unnumbered}``, ``{-}``): not prose."""
_KNITR = lazy(r"^([ \t]*)```+[ \t]*\{[^}\n]*\}", re.M)  # one line's blanks: "\s*" was quadratic on blank lines
# Pandoc's list markers that CommonMark lacks ("#.", "a)", "(iv)", "A.  ", example lists "(@)", "(@good)"):
# rewritten as ordered-list numbers of the same length, so what follows them keeps its place.
_FANCY_MARKER = lazy(r"^([ \t]*)(\(@[\w-]*\)|\(?(?:#|[a-z]|[ivxlcdm]+|[A-Z](?=[.)]  )|[IVXLCDM]+(?=[.)]  ))"
                           r"[.)])(?=[ \t])", re.M)
_EXAMPLE_LABEL = lazy(r"\(@([\w-]+)\)")
# A raw LaTeX environment (pandoc's raw_tex) that starts a block holds no Markdown, blank lines or not.
_RAW_TEX_BLOCK = lazy(r"(?:\A|\n[ \t]*\n) {0,3}(\\begin\{([^{}\s]+)\})")
# A line holding only an HTML tag: pandoc reads the Markdown around it (not in <pre>, <script>, <style>, <textarea>).
# A table's rule line as pandoc's simple, multiline and grid tables draw it: a caption (": ...") in the paragraph
# after such a table is the table's, not a definition of its last row (CommonMark reads neither table).
_TABLE_RULE = lazy(r"^[ \t]*(?:-+(?:[ \t]+-+)*|\+[-=:+]+\+)[ \t]*$")
_CAPTION = lazy(r"^ {0,3}:(?=[ \t])")
# The rules that frame a simple or multiline table: the column rule (two or more groups of dashes) and the
# rule of dashes alone that opens and closes a multiline table; pandoc reads either from no more than 3 spaces in.
_COLUMN_RULE = lazy(r"^ {0,3}-+(?:[ \t]+-+)+[ \t]*$")
_DASH_RULE = lazy(r"^ {0,3}-{3,}[ \t]*$")
_INDENT = lazy(r"^(?: {4,}|[ ]{0,3}\t)[ \t]*")
_HTML_TAG_LINE = lazy(r"^ {0,3}</?(?!(?:pre|script|style|textarea)\b)[A-Za-z][A-Za-z0-9-]*"
                            r"(?:\s[^<>\n]*)?/?>[ \t]*$", re.M | re.I)
_RAW_HTML = lazy(r"\s*<(?:!|\?|(?:pre|script|style|textarea)\b)", re.I)
# No citation right after a letter, digit or full stop, even where a sentence was cut between them.
_GLUED_AFTER = lazy(r"[^\W_]|[.@]")
_BLOCKS_WITHOUT_TEXT = ("fence", "code_block", "html_block", "math_block", "math_block_label", "front_matter")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = (MarkdownIt("commonmark", {"html": True}).enable("table")
          .use(footnote_plugin).use(deflist_plugin)
          .use(dollarmath_plugin, allow_space=True, double_inline=True))
    # Only the block structure is read (citations come from cites.mask_inline); footnote references
    # are still parsed, since footnotes that nothing references are dropped.
    md.inline.ruler.before("footnote_ref", "superscript", _superscript)
    md.inline.ruler.enableOnly(["text", "escape", "backticks", "superscript", "footnote_ref", "footnote_inline"])
    return md


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


def parse_markdown(text: str, path: str = "<string>", *, file: str | None = None) -> Essay:
    """Split Markdown text into front matter, paragraphs and sentence claims."""
    if not text.strip():
        raise EssayError("essay is empty", path=path, line=1,
                         hint="write the essay as Markdown paragraphs separated by blank lines")
    meta, body, body_line = front_matter(text, path)
    paragraphs = read_body(body, body_line, file=file)
    if not paragraphs:
        raise EssayError("essay has no paragraphs", path=path, line=body_line,
                         hint="separate paragraphs of prose with blank lines; headings and code are skipped")
    front = file_front(text, meta, body_line, file=file)
    return markdown_essay(path, body, meta, front + paragraphs, body_line=body_line)


def markdown_essay(path: str, body: str, meta: dict[str, Any], paragraphs: list[Paragraph], *,
                   body_line: int = 1) -> Essay:
    """The essay of Markdown paragraphs read by one of the Markdown readers (a file, a book, a notebook).
    Citation items whose key is a label of a cross-reference kind the front matter declares (Quarto's
    ``crossref: custom``) are left out, as Quarto reads them."""
    essay = Essay(path=path, body=body, meta=meta, paragraphs=tuple(paragraphs), body_line=body_line,
                  format="markdown", nocite=nocite_keys(meta))
    return without_crossrefs(essay, crossref_kinds(meta))


def without_crossrefs(essay: Essay, kinds: tuple[str, ...]) -> Essay:
    """``essay`` without the citation items that are labels of the cross-reference ``kinds``
    (``cites.crossref_kinds``), and whether it marks its citations at all (``Essay.marked``) read again."""
    paragraphs = essay.paragraphs
    if kinds:
        paragraphs = tuple(_without_crossrefs(p, kinds) for p in paragraphs)
    return replace(essay, paragraphs=paragraphs, marked=any(c.citations for p in paragraphs for c in p.claims))


def _without_crossrefs(paragraph: Paragraph, kinds: tuple[str, ...]) -> Paragraph:
    claims = tuple(replace(c, citations=tuple(x for x in c.citations if not is_crossref(x.key, kinds)))
                   if c.citations and any(is_crossref(x.key, kinds) for x in c.citations) else c
                   for c in paragraph.claims)
    return replace(paragraph, claims=claims)


def read_body(body: str, body_line: int, *, first: int = 1, file: str | None = None) -> list[Paragraph]:
    """The paragraphs of a Markdown body, numbered from ``first``."""
    # Pandoc's fenced divs (":::") and knitr chunk headers ("```{r}") as CommonMark can read them.
    source = _DIV.sub(lambda m: " " * len(m.group()), body)
    source = _KNITR.sub(lambda m: m.group(1) + "```" + " " * (len(m.group()) - len(m.group(1)) - 3), source)
    source = _pandoc_blocks(source)
    paragraphs: list[Paragraph] = []
    number = first
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(body)]
    plain = blank_keys(body)  # no sentence ends inside a key
    for start, end, spans, note in sorted(_units(source), key=lambda u: u[0]):
        if spans == [(start, end)]:  # a figure: its caption is the paragraph
            start, end = _figure_caption(source, start, end)
            spans = [(start, end)]
        unit = mask_inline(source[start:end])
        claims: list[Claim] = []
        for span_start, span_end in spans:
            for a, b in sentences(plain, span_start, span_end):
                line = body_line + bisect_right(line_starts, a) - 1
                masked = unit[a - start:b - start]
                if masked.startswith("@") and a > start and _GLUED_AFTER.match(unit[a - start - 1]):
                    masked = MASK + masked[1:]
                claims.append(make_claim(body, body_line, number, len(claims) + 1, a, b,
                                         masked=masked, file=file, line=line))
        if not claims:
            continue
        paragraphs.append(Paragraph(number=number, text=body[start:end].strip(),
                                    line=body_line + bisect_right(line_starts, start) - 1, claims=tuple(claims),
                                    note=note))
        number += 1
    return paragraphs


_IMAGE_TAIL = re.compile(r"\((?:[^()\n]|\([^()\n]*\))*\)(?:\{[^{}]*\})?\s*")


def _figure_caption(source: str, start: int, end: int) -> tuple[int, int]:
    """The span of an image's caption when ``source[start:end]`` is an image alone (``![A *map*.](a.png){#fig:a}``),
    which pandoc makes a figure whose caption is the image's text; else the span itself. The claims are the
    caption's sentences, not its markup (the page showed "*](images/a.png){#fig:a width=90%}")."""
    if not source.startswith("![", start):
        return start, end
    depth = 0
    at = start + 1
    while at < end:
        ch = source[at]
        if ch == "\\":
            at += 2
            continue
        depth += (ch == "[") - (ch == "]")
        if depth == 0:
            break
        at += 1
    if depth != 0 or at <= start + 2:
        return start, end
    tail = _IMAGE_TAIL.match(source, at + 1)
    return (start + 2, at) if tail is not None and tail.end() >= end else (start, end)


def _pandoc_blocks(source: str) -> str:
    """``source`` with pandoc's own block syntax made CommonMark of the same length: fancy and example
    list markers as numbers, references to example labels masked, raw LaTeX environments and lines
    holding only an HTML tag blanked."""
    labels: set[str] = set()

    def number(m: re.Match[str]) -> str:
        marker = m.group(2)
        if marker.startswith("(@"):
            labels.add(marker[2:-1])
        # "2", not "1": in CommonMark only a list starting at 1 may interrupt a paragraph, in pandoc none.
        return m.group(1) + (marker if len(marker) > 10 else "0" * (len(marker) - 2) + "2" + marker[-1])

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


def _code_lines(source: str) -> set[int]:
    """The lines (from 0) of the indented code blocks of ``source``."""
    return {n for tok in _parser().parse(source) if tok.type == "code_block" and tok.map for n in range(*tok.map)}


def _blank_raw_tex(source: str) -> str:
    """Each raw LaTeX environment made an HTML comment of its size: a block holding no text, which (unlike
    blank lines) ends a list or definition before it."""
    pieces: list[str] = []
    pos = 0
    while (m := _RAW_TEX_BLOCK.search(source, pos)) is not None:
        close = _environment_end(source, m.group(2), m.end())
        if close < 0:
            break
        start, end = m.start(1), close
        pieces += [source[pos:start], "<!--", re.sub(r"\S", " ", source[start + 4:end - 3]), "-->"]
        pos = end
    return "".join(pieces) + source[pos:]


def _environment_end(source: str, name: str, at: int) -> int:
    """Offset past the ``\\end{name}`` that closes the environment whose body starts at ``at`` (nested
    ones of the same name counted), or -1."""
    depth = 1
    for m in re.compile(rf"\\(begin|end)\{{{re.escape(name)}\}}").finditer(source, at):
        depth += 1 if m.group(1) == "begin" else -1
        if depth == 0:
            return m.end()
    return -1


def _units(source: str) -> Iterator[tuple[int, int, list[tuple[int, int]], str]]:
    """(start, end, spans to split into sentences, the label of the note it is in or "") for each block of text,
    in token order."""
    starts = [0]
    for line in split_lines(source, keepends=True):
        starts.append(starts[-1] + len(line))
    lines = split_lines(source)
    tokens = _parser().parse(source)
    row: list[tuple[int, int]] = []
    row_line = -1
    cursor = 0
    heading = False
    note = ""
    for n, tok in enumerate(tokens):
        if tok.type == "footnote_open":
            note = str(tok.meta.get("label") or "")
        elif tok.type == "footnote_close":
            note = ""
        elif tok.type == "heading_open":
            heading = True
        elif tok.type == "heading_close":
            heading = False
        elif tok.type == "tr_open" and tok.map:
            row, row_line = [], tok.map[0]
            cursor = starts[row_line]
        elif tok.type == "tr_close":
            if row:
                yield row[0][0], row[-1][1], row, note
            row = []
        elif (tok.type == "html_block" and tok.map and not _RAW_HTML.match(tok.content)
              and any(ch.isalnum() for ch in mask_inline(tok.content).replace(MASK, ""))):
            # Pandoc reads the Markdown in an HTML block (tags masked), but not in <pre>, <script>, comments.
            first, last = tok.map[0], min(tok.map[1], len(lines)) - 1
            start = starts[first] + len(lines[first]) - len(lines[first].lstrip())
            end = starts[last] + len(lines[last].rstrip())
            if end > start:
                yield start, end, [(start, end)], note
        elif tok.type == "inline" and tok.map:
            if row_line >= 0 and tokens[n - 1].type in ("th_open", "td_open"):
                content = tok.content.strip()
                if not content:
                    continue
                at = source.find(content, cursor, starts[row_line + 1] if row_line + 1 < len(starts) else None)
                if at < 0:
                    continue
                row.append((at, at + len(content)))
                cursor = at + len(content)
                continue
            row_line = -1
            span = _inline_span(tok.content, tok.map, lines, starts, heading)
            if span is not None:
                yield span[0], span[1], [span], note


def _inline_span(content: str, where: list[int], lines: list[str], starts: list[int],
                 heading: bool) -> tuple[int, int] | None:
    parts = content.split("\n")
    first_line, count = where[0], len(parts)
    if first_line >= len(lines):
        return None
    head = parts[0].strip()
    text = lines[first_line]
    at = text.find(head[:40]) if head else -1
    start = starts[first_line] + (at if at >= 0 else len(text) - len(text.lstrip()))
    last = min(first_line + count - 1, len(lines) - 1)
    tail = lines[last].rstrip()
    if heading:
        tail = _ATX_CLOSE.sub("", _HEADING_ATTRS.sub("", tail))
    end = starts[last] + len(tail)
    return (start, end) if end > start else None


def nocite_keys(meta: Any) -> tuple[str, ...]:
    """The keys of a YAML ``nocite`` field (a string or a list of strings)."""
    value = meta.get("nocite") if isinstance(meta, dict) else None
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    keys: list[str] = []
    for item in items:
        if isinstance(item, str):
            keys.extend(keys_in(item))
    return tuple(dict.fromkeys(keys))


def front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """Split off a leading ``---`` YAML block; returns (meta, body, body's first line)."""
    block = front_matter_lines(text)
    if block is None:
        return {}, text, 1
    lines, end = block
    if end is None:
        raise EssayError("front matter is not closed", path=path, line=1,
                         hint="end the YAML block with a line of three dashes (---)")
    return _parse_meta("".join(lines[1:end]), path), "".join(lines[end + 1:]), end + 2


def front_matter_lines(text: str) -> tuple[list[str], int | None] | None:
    """Where a leading ``---`` YAML block of ``text`` ends, the one rule of every reader of a front matter: the
    text's lines (ends kept, cut as the essay's lines are counted) and the index of the line of ``---`` or ``...``
    closing the block (None when no line closes it); None when ``text`` opens with no such block."""
    lines = split_lines(text, keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    return lines, next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)


def _parse_meta(yaml_text: str, path: str) -> dict[str, Any]:
    twice: list[tuple[str, int]] = []
    data = parse_yaml(yaml_text, path, first_line=2, what="front matter", hint="fix the YAML between the --- lines",
                      duplicates=twice)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EssayError("front matter must be a mapping of fields", path=path, line=2,
                         hint="write it as `key: value` lines")
    if twice:
        from . import NOTICES

        data[NOTICES] = [("duplicate-metadata-key", path, line,
                          f"the front matter gives {key} a second time: litreview read the last value, as pandoc "
                          "does; R Markdown and Quarto refuse the file", "keep one of the two; a YAML list holds "
                          f"several values ({key}: [first, second])")
                         for key, line in twice]
    return data


def parse_yaml(yaml_text: str, path: str, *, first_line: int, what: str, hint: str,
               duplicates: list[tuple[str, int]] | None = None) -> Any:
    """YAML read as untrusted text (size, depth and aliases checked as it parses), errors as EssayError
    at the line of ``path`` where the problem is (``first_line``: the file line of the text's first).
    ``duplicates`` (when given): a key a mapping gives twice is read as pandoc reads it, the last value
    kept, and listed here with its file line, where it is otherwise an error.

    Tabs are expanded to stops of 4 first, as pandoc expands them in its input before it reads the YAML:
    "name: 1.<tab>Some Centre" or a value ending in a tab, which pandoc reads, made the YAML loader refuse
    the whole file."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from ..safeload import LoadLimitError, load_yaml

    if "\t" in yaml_text:
        yaml_text = yaml_text.expandtabs(4)
    yaml = YAML(typ="safe", pure=True)
    if duplicates is not None:
        yaml.Constructor = _last_key_wins(yaml.Constructor, duplicates, first_line)
    try:
        return load_yaml(yaml_text, yaml)
    except LoadLimitError as exc:
        raise EssayError(f"{what}: {exc.message}", path=path, line=(exc.line or 0) + first_line - 1,
                         hint=exc.hint) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else first_line - 1 or 1
        raise EssayError(f"{what} is not valid YAML: {exc.problem}", path=path, line=line, hint=hint) from None
    except YAMLError as exc:
        raise EssayError(f"{what} is not valid YAML: {exc}", path=path, line=first_line - 1 or 1) from None


def _last_key_wins(base: type, seen: list[tuple[str, int]], first_line: int) -> type:
    """``base`` (a ruamel constructor class) keeping a repeated key's last value, as pandoc does (with a
    warning), each repeat listed in ``seen`` as (key, file line)."""

    class LastKeyWins(base):
        def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> bool:
            if key in mapping:
                seen.append((str(key), key_node.start_mark.line + first_line))
            return True

    return LastKeyWins
