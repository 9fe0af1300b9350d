"""A Jupyter notebook (``.ipynb``, nbformat 4) read as Quarto renders it: Markdown cells are the prose.

The first raw cell that opens with ``---`` (or a first Markdown cell that does) holds the YAML front
matter (title, bibliography, csl, nocite). Raw cells without a format (HTML, LaTeX, ...), Markdown
outputs of code cells (``text/markdown``), what a cell with ``#| output: asis`` prints, and captions in
cell options (``#| fig-cap:``, read as the YAML Quarto reads) are prose too: Quarto writes them into the Markdown it hands pandoc, so their citations are cited (``pandoc -f
ipynb`` reads none of them). Code and other outputs are not prose. Each claim's line is the line of
the ``.ipynb`` file holding its source line, so an annotation lands on the notebook's diff.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import EssayError
from ..model import Essay, Paragraph
from .front import front_paragraphs
from .markdown import markdown_essay
from .segment import split_lines
from .yaml_meta import front_matter, merge_meta

Segment = tuple[str, int, str]
"""(file, line of the ``.ipynb`` holding the text, text): the notebook's prose in reading order."""

_HINT = "open and save it in Jupyter (nbformat 4), or check it is the notebook you meant"
_SHOWN_INSTEAD = ("text/html", "application/javascript", "application/vnd.jupyter.widget-state+json",
                  "application/vnd.jupyter.widget-view+json")
_RAW_FORMATS = frozenset({"text/html", "text/latex", "text/restructuredtext", "application/rtf",
                          "application/javascript"})
_HIDING_TAGS = frozenset({"remove-output", "remove_output", "remove-cell", "remove_cell"})
_OPTION = re.compile(r"#\| ?(.*?)[\r\n]*$")  # a cell option line (Quarto strips "#| ")
_CAPTIONS = ("fig-cap", "tbl-cap", "lst-cap", "fig-subcap", "tbl-subcap")
# A JSON string, or one of the marks that give a value its place (numbers and literals need none).
_TOKEN = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[\[\]{}:,]')  # strings unrolled: fast on long ones


def load_notebook(path: Path, text: str) -> Essay:
    """The notebook at ``path`` (its JSON ``text``) read into an essay."""
    from .quarto import read_segments

    meta, _, segments, rows = _read(path, text)
    body, paragraphs = read_segments(segments)
    if not paragraphs:
        raise EssayError("the notebook has no prose in its Markdown cells", path=str(path), line=1,
                         hint="write the text in Markdown cells; code cells are not read")
    return markdown_essay(str(path), body, meta, front_paragraphs(meta, rows, file=str(path)) + paragraphs)


def notebook_markdown(path: Path, text: str) -> str:
    """The notebook as the Markdown Quarto reads: its front matter, then its prose (for ``init``)."""
    _, head, segments, _ = _read(path, text)
    return head + "".join(part for _, _, part in segments)


def notebook_segments(path: Path, text: str) -> tuple[dict[str, Any], list[Segment]]:
    """The front matter and the prose segments of the notebook ``text`` (read from ``path``)."""
    meta, _, segments, _ = _read(path, text)
    return meta, segments


def notebook_front(path: Path, text: str) -> tuple[dict[str, Any], list[Paragraph]]:
    """The front matter of the notebook ``text`` and the paragraphs of its prose (``front``)."""
    meta, _, _, rows = _read(path, text)
    return meta, front_paragraphs(meta, rows, file=str(path))


def _read(path: Path, text: str) -> tuple[dict[str, Any], str, list[Segment], list[tuple[int, str]]]:
    """The front matter, its text (for ``init``), the prose segments and the front matter's YAML lines
    ((notebook line, text) each, block after block)."""
    name = str(path)
    cells = _cells(_load(name, text), name)
    lines = _source_lines(text)
    meta: dict[str, Any] | None = None
    head = ""
    segments: list[Segment] = []
    rows: list[tuple[int, str]] = []
    for n, cell in enumerate(cells):
        kind = cell.get("cell_type")
        pieces = _pieces(cell.get("source"), lines.get((n, "source"), ()), name, n)
        prose = kind == "markdown" or (kind == "raw" and not _raw_format(cell))
        if prose and pieces and pieces[0][1].rstrip() == "---" and (kind == "raw" or (not segments and meta is None)):
            more, body_line = _front_matter(pieces, name)
            if meta is None:
                head = "".join(p for _, p in pieces[:body_line - 1]).rstrip("\n") + "\n\n"
            meta = merge_meta([meta or {}, more])
            rows += [(line, part.rstrip("\r\n")) for line, part in pieces[1:body_line - 2]]
            pieces = pieces[body_line - 1:]  # the text after it is Markdown, as Quarto passes it on
        if prose:
            _add(segments, name, _titled(pieces))
        elif kind == "code":
            _code_cell(segments, name, n, cell, pieces, lines, meta or {}, cell_options(pieces, name))
    return meta or {}, head, segments, rows


_Options = tuple[dict[str, Any], list[tuple[int, str]]]  # a cell's options and its source without them


class Embeds:
    """A notebook's code cells found by label for ``{{< embed notebook.ipynb#label >}}``, the notebook parsed
    once for all its embeds in a load, as Quarto reads it (parsed at each embed, 3,000 embeds took 3 s)."""

    def __init__(self, path: Path, text: str) -> None:
        self._name = str(path)
        self._cells = _cells(_load(self._name, text), self._name)
        self._lines = _source_lines(text)
        self._scanned = 0  # the cells before it are in _labelled
        self._labelled: dict[str, tuple[int, list[tuple[int, str]], _Options]] = {}

    def segments(self, label: str) -> list[Segment] | None:
        """What the embed of ``label`` puts in a Quarto manuscript: the outputs and captions of the first code
        cell with that label (``#| label:``) or id, as the notebook shows them; None when none has it."""
        while label not in self._labelled and self._scanned < len(self._cells):
            n, cell = self._scanned, self._cells[self._scanned]
            self._scanned += 1
            if cell.get("cell_type") != "code":
                continue
            pieces = _pieces(cell.get("source"), self._lines.get((n, "source"), ()), self._name, n)
            options = cell_options(pieces, self._name)
            for key in (options[0].get("label"), cell.get("id")):
                if isinstance(key, str):
                    self._labelled.setdefault(key, (n, pieces, options))
        if label not in self._labelled:
            return None
        n, pieces, options = self._labelled[label]
        segments: list[Segment] = []
        _code_cell(segments, self._name, n, self._cells[n], pieces, self._lines, {}, options)
        return segments


def _code_cell(segments: list[Segment], name: str, n: int, cell: dict[str, Any], pieces: list[tuple[int, str]],
               lines: dict[tuple[int, str | int], tuple[int, ...]], meta: dict[str, Any],
               options: _Options) -> None:
    """Adds what Quarto writes for the code cell ``n``: its Markdown outputs and its captions."""
    if _outputs_hidden(cell, options[0]):
        return
    outputs = cell.get("outputs") or []
    if not isinstance(outputs, list):
        raise EssayError(f"cell {n + 1}'s outputs are not a list", path=name,
                         line=lines.get((n, "source"), (None,))[0], hint=_HINT)
    # output: asis (the cell's, or the document's execute: when the cell sets none): its printed
    # text is Markdown, written as it is, and the cell has no caption (Quarto's jupyter.ts).
    execute = meta.get("execute")
    asis = options[0].get("output", execute.get("output") if isinstance(execute, dict) else None) == "asis"
    for m, output in enumerate(outputs):
        if _markdown_output(output):
            _add(segments, name, _pieces(output["data"]["text/markdown"], lines.get((n, m), ()), name, n))
        elif asis and isinstance(output, dict) and output.get("output_type") == "stream" \
                and output.get("name") == "stdout":
            _add(segments, name, _pieces(output.get("text", ""), lines.get((n, f"text{m}"), ()), name, n))
    if not asis:
        for caption in cell_captions(*options):
            _add(segments, name, caption)


def _load(name: str, text: str) -> Any:
    from json import JSONDecodeError

    from ..safeload import LoadLimitError, json_problem, load_json

    try:
        return load_json(text)
    except LoadLimitError as exc:
        raise EssayError(f"notebook: {exc.message}", path=name,
                         hint="clear its outputs (images make a notebook large), or check it is the notebook "
                              "you meant") from None
    except JSONDecodeError as exc:
        why, fix, line = json_problem(exc)
        raise EssayError(f"the notebook is not valid JSON: {why}", path=name, line=line,
                         hint=f"{fix}; or {_HINT}") from None
    except ValueError as exc:  # load_json's other refusals (a number of thousands of digits)
        raise EssayError(f"the notebook is not valid JSON: {exc}", path=name, hint=_HINT) from None


def _cells(data: Any, name: str) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        raise EssayError("the notebook is not a JSON object", path=name, line=1, hint=_HINT)
    version = data.get("nbformat")
    if version == 3 or "worksheets" in data:
        raise EssayError("the notebook is nbformat 3, which litreview does not read", path=name,
                         hint="convert it: jupyter nbconvert --to notebook --inplace NOTEBOOK (writes nbformat 4)")
    if version != 4:
        raise EssayError(f"the notebook's nbformat is {version!r}, not 4" if version is not None else
                         "the file has no nbformat: it is not a Jupyter notebook", path=name, hint=_HINT)
    cells = data.get("cells")
    if not isinstance(cells, list) or not all(isinstance(c, dict) for c in cells):
        raise EssayError("the notebook's cells are not a list of cells", path=name, hint=_HINT)
    return cells


def _pieces(source: Any, where: tuple[int, ...] | list[int], name: str, n: int) -> list[tuple[int, str]]:
    """(file line, text) of a source (a string or a list of strings), one per line of text."""
    items = [source] if isinstance(source, str) else source if isinstance(source, list) else None
    if items is None or not all(isinstance(s, str) for s in items):
        raise EssayError(f"cell {n + 1}'s text is not a string or a list of strings", path=name,
                         line=where[0] if where else None, hint=_HINT)
    pieces: list[tuple[int, str]] = []
    for i, item in enumerate(items):
        line = where[i] if i < len(where) else (where[-1] if where else 1)
        pieces += [(line, part) for part in split_lines(item, keepends=True)]  # a string stays on its JSON line
    return pieces


def _titled(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A Markdown cell's lines, each Quarto callout's ``title="…"`` a paragraph after its fence, as in a .qmd."""
    if not any("title=" in part for _, part in pieces):
        return pieces
    from .quarto import callout_title

    out: list[tuple[int, str]] = []
    for line, part in pieces:
        out.append((line, part))
        title = callout_title(part)
        if title is not None:
            out += [(0, "\n\n"), (line, title), (0, "\n\n")]
    return out


def _add(segments: list[Segment], name: str, pieces: list[tuple[int, str]]) -> None:
    if not pieces:
        return
    if segments:  # cells never run into each other, as Quarto joins them
        segments.append((name, 0, "\n\n"))
    for line, part in pieces:
        segments.append((name, line, part))
    if not pieces[-1][1].endswith("\n"):
        segments.append((name, 0, "\n"))


def _raw_format(cell: dict[str, Any]) -> bool:
    """Whether a raw cell holds another format (HTML, LaTeX, ...), which Quarto passes through as is; a
    raw cell without one is Markdown to Quarto."""
    meta = cell.get("metadata")
    return isinstance(meta, dict) and any(isinstance(meta.get(k), str) and meta[k] in _RAW_FORMATS
                                          for k in ("raw_mimetype", "format"))


def _outputs_hidden(cell: dict[str, Any], options: dict[str, Any]) -> bool:
    """Whether Quarto leaves the code cell's outputs out: a ``remove-output`` or ``remove-cell`` tag, or a
    ``#| output: false`` or ``#| include: false`` option."""
    meta = cell.get("metadata")
    tags = meta.get("tags") if isinstance(meta, dict) else None
    if isinstance(tags, list) and any(isinstance(t, str) and t in _HIDING_TAGS for t in tags):
        return True
    return hidden_output(options)


def hidden_output(options: dict[str, Any]) -> bool:
    """Whether a code cell's (or chunk's) options hide its output: ``output: false``, ``include: false``."""
    return options.get("output") is False or options.get("include") is False


def cell_options(pieces: list[tuple[int, str]], name: str) -> tuple[dict[str, Any], list[tuple[int, str]]]:
    """A code cell's options, the YAML of its leading ``#|`` lines (as Quarto reads them: ``{}`` when it is not
    a mapping of valid YAML), and those lines ((notebook line, YAML text) each)."""
    from .yaml_meta import parse_yaml

    rows: list[tuple[int, str]] = []
    for line, text in pieces:
        m = _OPTION.match(text)
        if m is None:
            break
        rows.append((line, m.group(1)))
    if not rows:
        return {}, rows
    try:
        data = parse_yaml("\n".join(text for _, text in rows), name, first_line=rows[0][0], what="cell options",
                          hint="")
    except EssayError:
        return {}, rows
    return (data if isinstance(data, dict) else {}), rows


def cell_captions(options: dict[str, Any], rows: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The captions of a code cell's options (``fig-cap``, ``tbl-cap``, ``lst-cap``, ``fig-subcap``; a string or a
    list, on the option's line or in a YAML block below it), Markdown that Quarto sets under the figure or
    table: each as its lines, each line with its line in the notebook."""
    from .front import yaml_strings

    found: list[list[tuple[int, str]]] = []
    for _, text, at in yaml_strings(options, rows, _CAPTIONS):
        lines, offset = [], 0
        for part in split_lines(text, keepends=True):
            lines.append((at(offset + len(part) - len(part.lstrip())), part))
            offset += len(part)
        found.append(lines)
    return found


def _markdown_output(output: Any) -> bool:
    """A display or result output that Quarto renders as Markdown: it has ``text/markdown`` (preferred to
    images) and nothing that an HTML rendering prefers to it (HTML, a widget, a script)."""
    if not isinstance(output, dict) or output.get("output_type") not in ("display_data", "execute_result"):
        return False
    data = output.get("data")
    return isinstance(data, dict) and "text/markdown" in data and not any(k in data for k in _SHOWN_INSTEAD)


def _front_matter(pieces: list[tuple[int, str]], name: str) -> tuple[dict[str, Any], int]:
    """The YAML front matter opening the cell ``pieces`` and the cell's line where its text starts; errors
    at the notebook's line."""
    text = "".join(p for _, p in pieces)
    try:
        meta, _, body_line = front_matter(text if text.endswith("\n") else text + "\n", name)
    except EssayError as exc:  # its line counts the cell's lines: placed on the notebook's line
        at = min(max((exc.line or 1) - 1, 0), len(pieces) - 1)
        raise EssayError(exc.message, path=name, line=pieces[at][0], hint=exc.hint) from None
    return meta, body_line


def _source_lines(text: str) -> dict[tuple[int, str | int], tuple[int, ...]]:
    """The file line of each string in each cell's ``source`` (key (cell, "source")) and each Markdown
    output's ``text/markdown`` (key (cell, output)): one pass over the JSON marks, keeping the path."""
    found: dict[tuple[int, str | int], list[int]] = {}
    stack: list[list[Any]] = []  # per open container: [kind, key or index, expecting a key]
    line, at = 1, 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        line += text.count("\n", at, m.start())
        at = m.start()
        top = stack[-1] if stack else None
        if token in ("{", "["):
            if top is not None and top[0] == "[":
                top[1] += 1
            stack.append(["{", None, True] if token == "{" else ["[", -1, False])
        elif token in ("}", "]"):
            if stack:
                stack.pop()
        elif token == ":":
            if top is not None:
                top[2] = False
        elif token == ",":
            if top is not None and top[0] == "{":
                top[2] = True
        elif top is not None and top[0] == "{" and top[2]:
            top[1] = token[1:-1]  # keys of notebooks are plain: no escapes to decode
        else:
            if top is not None and top[0] == "[":
                top[1] += 1
            key = _where([s[1] for s in stack])
            if key is not None:
                found.setdefault(key, []).append(line)
    return {k: tuple(v) for k, v in found.items()}


def _where(path: list[Any]) -> tuple[int, str | int] | None:
    """The key of a string at ``path`` (keys and indexes from the root) when it is prose's source."""
    if len(path) < 3 or path[0] != "cells" or not isinstance(path[1], int):
        return None
    if path[2] == "source" and len(path) <= 4:
        return path[1], "source"
    if path[2] == "outputs" and len(path) in (6, 7) and path[4] == "data" and path[5] == "text/markdown":
        return path[1], path[3]
    if path[2] == "outputs" and len(path) in (5, 6) and path[4] == "text" and isinstance(path[3], int):
        return path[1], f"text{path[3]}"  # a stream's text (read when the cell's output is asis)
    return None
