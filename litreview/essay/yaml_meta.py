"""A Markdown file's YAML front matter, the one rule of every reader of one: where the block ends, its YAML read as
untrusted text (a repeated key's last value kept, as pandoc keeps it) and the keys of its ``nocite``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import EssayError
from ..lazyre import lazy
from .cites import keys_in
from .segment import split_lines


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


def merge_meta(blocks: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The metadata of several YAML blocks (of one document, or of the files pandoc joins), in reading order, as
    pandoc joins them: a field a later block gives again takes that block's value (pandoc's manual: "the value
    from the second block will be taken"); the notices of every block kept."""
    from . import NOTICES

    meta: dict[str, Any] = {}
    notices: list[Any] = []
    for block in blocks:
        notices += block.get(NOTICES) or ()
        meta.update((k, v) for k, v in block.items() if k != NOTICES)
    if notices:
        meta[NOTICES] = notices
    return meta


def document_meta(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """``front_matter``'s (meta, body, body's first line), the fields of the YAML blocks further down the text
    merged into the meta as pandoc merges them (``merge_meta``)."""
    from .md_blocks import later_yaml_blocks

    meta, body, body_line = front_matter(text, path)
    later = [data for _, data in later_yaml_blocks(body)]
    if not later:
        return meta, body, body_line
    merged = merge_meta([meta, *later])
    if (notice := _bibliography_after_front_matter(text, path, meta, later)) is not None:
        from . import NOTICES

        merged[NOTICES] = [*(merged.get(NOTICES) or ()), notice]
    return merged, body, body_line


_CITEPROC_LINE = lazy(r"^(?:references|bibliography):\s*$", re.M)
"""A line rmarkdown::render looks for in the whole text (its ``citeproc_required``): a field whose value is on the
lines after it, which makes it run citeproc whatever the front matter says."""


def _bibliography_after_front_matter(text: str, path: str, front: dict[str, Any],
                                     later: list[dict[str, Any]]) -> tuple[str, str, int, str, str] | None:
    """The notice ("bibliography-after-front-matter") of a bibliography (or references) given in a YAML block after
    the front matter, which gives none: pandoc reads it, rmarkdown::render decides from the front matter alone
    whether to run citeproc, and does not (unless the field's value starts on the next line, or citeproc is set).
    The checks tell it of an R Markdown file only."""
    if any(name in front for name in ("bibliography", "references", "citeproc")) or _CITEPROC_LINE.search(text):
        return None
    name = next((n for block in later for n in ("bibliography", "references") if n in block), None)
    if name is None:
        return None
    found = front_matter_lines(text)
    rows = yaml_block_lines(text)[1 if found is not None and found[1] is not None else 0:]
    line = next((first + n for first, block in rows for n, row in enumerate(block) if row.startswith(f"{name}:")),
                rows[0][0] if rows else 1)
    return ("bibliography-after-front-matter", path, line,
            f"{name}: is given in a YAML block after the front matter: pandoc reads it, but rmarkdown::render looks "
            "for it in the front matter alone and runs no citeproc, so the rendered document prints its citations "
            "as written ([@key]) and no reference list", f"move {name}: into the front matter, the first YAML block")


def yaml_block_lines(text: str) -> list[tuple[int, list[str]]]:
    """(the file line of its first line of YAML, its lines of YAML) for the front matter of ``text`` and each YAML
    block of fields after it (``md_blocks.later_yaml_blocks``), in order: where pandoc reads the metadata that
    ``document_meta`` joins."""
    from .md_blocks import later_yaml_blocks

    blocks: list[tuple[int, list[str]]] = []
    body_line = 1
    found = front_matter_lines(text)
    if found is not None and found[1] is not None:
        end = found[1]
        blocks.append((2, split_lines(text)[1:end]))
        body_line = end + 2
    body = "".join(split_lines(text, keepends=True)[body_line - 1:])
    for at, _ in later_yaml_blocks(body):
        rows = split_lines(body[at:])
        stop = next((n for n, row in enumerate(rows) if row.rstrip() in ("---", "...")), len(rows))
        blocks.append((body_line + len(split_lines(body[:at])) - 1, rows[:stop]))  # (the block starts a line)
    return blocks


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


class YamlBoundError(EssayError):
    """YAML that ``parse_yaml`` refuses as a bound on untrusted text (an alias, a nesting too deep, a list as a key),
    which YAML allows, and so pandoc, Quarto and rmarkdown read."""


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
    yaml.Constructor = _tags_read_as_text(yaml.Constructor)
    if duplicates is not None:
        yaml.Constructor = _last_key_wins(yaml.Constructor, duplicates, first_line)
    try:
        return load_yaml(yaml_text, yaml)
    except LoadLimitError as exc:
        raise (YamlBoundError if exc.bound else EssayError)(
            f"{what}: {exc.message}", path=path, line=(exc.line or 0) + first_line - 1, hint=exc.hint) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "<stream end>" in (exc.problem or ""):
            mark = exc.context_mark  # "[natbib" never closed: the line that opens it, not the one after the text
        line = mark.line + first_line if mark is not None else first_line - 1 or 1
        raise EssayError(f"{what} is not valid YAML: {exc.problem}", path=path, line=line, hint=hint) from None
    except YAMLError as exc:
        raise EssayError(f"{what} is not valid YAML: {exc}", path=path, line=first_line - 1 or 1) from None


class TaggedText(str):
    """The text of a YAML scalar written with a tag YAML does not define: R Markdown's and Quarto's R expressions
    (``date: !expr Sys.Date()``, ``#| fig-cap: !expr paste(...)``, knitr's ``!r``) or any other (``!custom``).
    pandoc reads it as if it had no tag; its value is R's once R has run it, so it is read as no prose."""

    __slots__ = ()


@cache
def _tags_read_as_text(base: type) -> type:
    """``base`` (a ruamel safe constructor class) reading a node whose tag it does not know as pandoc reads it, as
    if it had no tag: a scalar as its text (``TaggedText``), a tagged mapping or list as a mapping or list; a tag
    it knows (``!!str``, ``!!int``) is read as before, and a YAML that does not parse is refused as before."""

    class TagsReadAsText(base):
        pass

    def untagged(constructor: Any, node: Any) -> Any:
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        if isinstance(node, MappingNode):
            return constructor.construct_yaml_map(node)
        if isinstance(node, SequenceNode):
            return constructor.construct_yaml_seq(node)
        return TaggedText(constructor.construct_scalar(node))

    TagsReadAsText.add_constructor(None, untagged)  # (on the subclass: ruamel's stays as it is)
    return TagsReadAsText


def _last_key_wins(base: type, seen: list[tuple[str, int]], first_line: int) -> type:
    """``base`` (a ruamel constructor class) keeping a repeated key's last value, as pandoc does (with a
    warning), each repeat listed in ``seen`` as (key, file line)."""

    class LastKeyWins(base):
        def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> bool:
            if key in mapping:
                seen.append((str(key), key_node.start_mark.line + first_line))
            return True

    return LastKeyWins


def naming_row(rows: Sequence[str], name: str) -> int | None:
    """The index of the first of ``rows`` that names the file ``name`` as a whole (not a longer name that ends
    with it); None when none does."""
    whole = re.compile(r"(?<![\w./\\-])" + re.escape(name) + r"(?![\w./-])")
    return next((n for n, row in enumerate(rows) if whole.search(row)), None)


def missing_chapter(project: Path, name: str, listing: str) -> EssayError:
    """The error for a chapter ``name`` that the book's settings file ``project`` lists (under ``listing``) and
    that does not exist, at the line that names it."""
    try:
        row = naming_row(split_lines(project.read_text(encoding="utf-8")), name)
    except (OSError, UnicodeDecodeError):
        row = None
    return EssayError(f"chapter {name} not found", path=str(project), line=None if row is None else row + 1,
                      hint=f"create {name}, or take it out of {listing} in {project.name}")

