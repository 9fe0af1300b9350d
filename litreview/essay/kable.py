"""The captions of knitr's tables (``kable(x, caption = "…")``, kableExtra's ``kbl``) in an R chunk's code.

knitr writes a ``kable`` in R Markdown and Quarto as a Markdown table under a ``Table: caption`` line, and pandoc
reads the caption's citations there. kableExtra's tables (``kbl``, or a ``kable`` piped into one of its functions,
which turns the Markdown table into its format) are HTML in an HTML document, whose ``<caption>`` pandoc reads as
Markdown too, but raw LaTeX in a PDF, as is any ``kable(x, "latex")``: pandoc passes its ``\\caption{…}`` on unread,
so it cites nothing. A caption knitr computes (``paste(…)``, a variable) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_CALL = re.compile(r"(?<![\w.])(?P<name>(?:knitr::|kableExtra::)?(?:kable|kbl))[ \t]*\(")
_STRING = re.compile(r""""(?P<double>(?:[^"\\]|\\.)*)"|'(?P<single>(?:[^'\\]|\\.)*)'""", re.S)
_NAMED = re.compile(r"\s*(?P<name>[A-Za-z.][\w.]*)\s*=(?!=)\s*")
# What a kable piped on to kableExtra meets next (its styling functions turn the Markdown table into its format).
_TO_KABLE_EXTRA = re.compile(r"\s*(?:%>%|\|>)\s*(?:kableExtra::|kable_\w|column_spec|row_spec|add_header_above|"
                             r"collapse_rows|pack_rows|group_rows|footnote|landscape|scroll_box|add_indent)")
_LATEX_FORMAT = re.compile(r"pdf|beamer|latex|rticles::|tufte_handout|tufte_book", re.I)
_OPENS, _CLOSES = "([{", ")]}"


def latex_output(meta: Mapping[str, Any]) -> bool:
    """Whether the document's first output format (R Markdown's ``output``, else Quarto's ``format``), the one
    ``rmarkdown::render`` and ``quarto render`` make unless told another, is LaTeX (a PDF, beamer, rticles)."""
    for key in ("output", "format"):
        value = meta.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, Mapping):
            value = next(iter(value), None)
        if isinstance(value, str) and value.strip():
            return bool(_LATEX_FORMAT.search(value))
    return False


def _code(text: str) -> str:
    """``text`` (R code) with each string's content and each comment written as spaces, lines kept: what is left
    is the code's own brackets, commas and names (in one pass)."""
    out: list[str] = []
    at, n = 0, len(text)
    while at < n:
        c = text[at]
        if c in "\"'":
            m = _STRING.match(text, at)  # (one never closed runs to the end)
            end = m.end() - 1 if m else n
            out.append(c + re.sub(r"[^\n]", " ", text[at + 1:end]) + c * bool(m))
            at = end + bool(m)
        elif c == "#":
            end = text.find("\n", at)
            end = n if end < 0 else end
            out.append(" " * (end - at))
            at = end
        else:
            out.append(c)
            at += 1
    return "".join(out)


def _brackets(code: str) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Of ``code`` (``_code``'s), in one pass: where each opening bracket closes, and the commas directly inside
    each (a call's arguments' ends), so that calls nested in calls cost no second scan."""
    closes: dict[int, int] = {}
    commas: dict[int, list[int]] = {}
    stack: list[int] = []
    for i, c in enumerate(code):
        if c in _OPENS:
            stack.append(i)
        elif c in _CLOSES and stack:
            closes[stack.pop()] = i
        elif c == "," and stack:
            commas.setdefault(stack[-1], []).append(i)
    return closes, commas


def kable_captions(text: str, first_line: int, *, latex: bool) -> list[tuple[int, str]]:
    """(line, caption) of each table ``text`` (an R chunk's code, from ``first_line``) makes with a caption pandoc
    reads (``latex``: the document is a PDF): the caption as an R string gives it, its escapes read."""
    if "caption" not in text:
        return []
    code = _code(text)
    closes, commas = _brackets(code)
    found: list[tuple[int, str]] = []
    for call in _CALL.finditer(code):
        opening = call.end() - 1
        if opening not in closes:
            continue  # (broken R: knitr stops on it)
        end = closes[opening] + 1
        ends = [*commas.get(opening, ()), end - 1]
        spans = list(zip([opening + 1, *(e + 1 for e in ends[:-1])], ends, strict=True))
        caption: tuple[int, str] | None = None
        table_format = ""
        for lo, hi in spans:
            named = _NAMED.match(code, lo, hi)
            value_at = named.end() if named else lo
            value = text[value_at:hi].strip()
            literal = _STRING.fullmatch(value)
            if literal is None:
                continue
            string = literal.group("double") if literal.group("double") is not None else literal.group("single")
            name = named.group("name") if named else ""
            if name == "caption":
                caption = (text.index(value, value_at), re.sub(r"\\(.)", r"\1", string, flags=re.S))
            elif name == "format" or (not name and string in ("latex", "html", "pipe", "markdown", "simple")):
                table_format = string
        extra = call.group("name").endswith("kbl") or call.group("name").startswith("kableExtra")
        if extra is False and _TO_KABLE_EXTRA.match(code, end):
            extra = True
        if caption is None or table_format == "latex" or (latex and extra and table_format != "html"):
            continue
        found.append((first_line + text.count("\n", 0, caption[0]), caption[1]))
    return found
