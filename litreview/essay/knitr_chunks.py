"""Code chunks as knitr finds them in R Markdown and Quarto files, and the child documents a chunk puts in its
place (``child = "a.Rmd"``, ``child = c(...)``, ``here::here(...)``, ``file.path(...)``, ``#| child:``).

knitr evaluates the ``child`` option and knits each file where the chunk stands, unless ``eval = FALSE``; a file
not there stops it (the readers go on: ``quarto._included``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..spans import delimited
from .segment import split_lines

CHUNK = re.compile(r"^[ \t]*(?P<fence>`{3,})[ \t]*\{(?P<header>[^}\n]*)\}[ \t]*\r?\n", re.M)
"""A code chunk's opening fence (```{r}, ```{python label}): its header's options, its "#|" lines after it."""
# An R chunk whose header gives the child option (```{r, child = "a.Rmd"}```).
_CHILD = re.compile(r"^[ \t]*(?P<fence>`{3,})[ \t]*\{r\b(?P<options>[^}\n]*\bchild\s*=[^}\n]*)\}[ \t]*\r?\n", re.M)
_CHILD_VALUE = re.compile(r"\bchild\s*=\s*(?:c\s*\((?P<many>[^)]*)\)|(?P<one>(['\"])[^'\"]*\3)"
                          r"|(?P<call>(?:here::)?here|file\.path)\s*\((?P<parts>[^)]*)\))")
_QUOTED = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)')\s*""")
_R_CHUNK = re.compile(r"[ \t]*r\b")
_NOT_EVALUATED = re.compile(r"\beval\s*=\s*(?:FALSE|F)\b")
# Its "#|" lines (knitr's YAML options, which Quarto writes too) hold child: (the first ones, at most 64)
_CHILD_OPTION = re.compile(r"(?:[ \t]*#\|[^\n]*\n){0,64}?[ \t]*#\|[ \t]*child[ \t]*:")
_PROJECT_MARKS = (".here", ".git")
"""What marks the folder here::here() names files from, besides an RStudio project's .Rproj file (the here
package's rules, the common ones)."""


def fenced(opening: re.Pattern[str], text: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each code chunk ``opening`` matches and its closing fence (the first line of the same backticks):
    (opening, where the body ends, where the chunk ends); an opening never closed is no chunk."""
    return delimited(text, opening, lambda m: re.compile(rf"^[ \t]*{m.group('fence')}[ \t]*\r?$", re.M))


def child_chunks(text: str) -> list[tuple[int, int, list[str], str]]:
    """(start, end, files, kind) of each R chunk that knits child documents, in the order found: kind "knitr" for
    files named from the folder of the file knitr renders, "here" for files here::here() names from the project's
    root (``project_root``). A chunk with ``eval = FALSE`` knits none; a name knitr computes otherwise (a variable)
    is not read."""
    found: list[tuple[int, int, list[str], str]] = []
    for m, _, end in fenced(_CHILD, text) if "child" in text else ():
        options = m.group("options")
        value = _CHILD_VALUE.search(options)
        if value is None or _NOT_EVALUATED.search(options):
            continue  # (eval = FALSE: knitr returns nothing for it, and looks for no file)
        if value.group("call"):  # here::here("a", "b.Rmd"), file.path("a", "b.Rmd")
            parts = [_QUOTED.fullmatch(part) for part in value.group("parts").split(",")]
            if all(parts):
                name = "/".join(p.group(1) if p.group(1) is not None else p.group(2) for p in parts if p)
                found.append((m.start(), end, [name], "here" if "here" in value.group("call") else "knitr"))
            continue
        quoted = value.group("many") if value.group("many") is not None else value.group("one")
        found.append((m.start(), end, re.findall(r"['\"]([^'\"]+)['\"]", quoted), "knitr"))
    for m, body_end, end in fenced(CHUNK, text) if "child" in text and "#|" in text else ():
        if _R_CHUNK.match(m.group("header")) and not _CHILD_VALUE.search(m.group("header")):
            names = _child_option(text[m.end():body_end])
            if names:
                found.append((m.start(), end, names, "knitr"))
    return found


def project_root(folder: Path) -> Path:
    """The folder here::here() names files from: the nearest at or above ``folder`` holding an RStudio project
    (.Rproj), a .here file or a .git folder; ``folder`` itself when none does."""
    for above in (folder.absolute(), *folder.absolute().parents):
        if any((above / mark).exists() for mark in _PROJECT_MARKS) or any(above.glob("*.Rproj")):
            return above
    return folder


def _child_option(body: str) -> list[str]:
    """The files of an R chunk's ``#| child:`` option (a name or a list of them), as knitr reads its ``#|`` lines;
    none when its ``#| eval:`` is false."""
    from .notebook import cell_options

    if not _CHILD_OPTION.match(body):
        return []
    options = cell_options(list(enumerate(split_lines(body, keepends=True), 1)), "")[0]
    if options.get("eval") is False:
        return []
    child = options.get("child")
    names = child if isinstance(child, list) else [child]
    return [name for name in names if isinstance(name, str) and name]
