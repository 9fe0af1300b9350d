"""What pybtex's syntax errors mean where its own words mislead: a field written without ``=`` ("'=' expected"), an
``@`` that opens no entry ("'(' or '{' expected") and a quoted value never closed ("unbalanced braces"), each told with
its line and what to write."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from ..lazyre import lazy
from ..text import clipped
from . import bibtex

_NAME_BEFORE = lazy(rf"({bibtex.FIELD_NAME})\s*$")
_OPEN_QUOTE = lazy(rf'({bibtex.FIELD_NAME})\s*=\s*"')
_EQUALS_QUOTE = lazy(r'=\s*"')
_SPACE = lazy(r"\s")
_NAME_CHAR = lazy(bibtex.FIELD_NAME_CHAR)
_TYPE_THEN_KEY = lazy(r"@\s*([A-Za-z]\w*)[ \t]+([^\s,{}()\"=#%]+)[ \t]*,")
_NEXT_PART = lazy(rf"\n[ \t]*(?:{bibtex.FIELD_NAME}[ \t]*=|@|\}}[ \t]*$)", re.M)  # the next field, entry or entry end


class Told(NamedTuple):
    """A syntax error said plainly: the message (after "BibTeX syntax error: "), the hint and the line."""

    message: str
    hint: str
    line: int


def syntax_told(text: str, detail: str, begun: int, at: int, line_of: Callable[[int], int]) -> Told | None:
    """pybtex's ``detail`` for the entry that starts at ``begun``, stopped at ``at``, said plainly; None when it is
    none of the three."""
    if detail == "'=' expected":
        return _no_equals(text, begun, at, line_of)
    if detail == "'(' or '{' expected":
        return _no_entry(text, begun, line_of)
    if detail in ("unbalanced braces", "premature end of file"):
        return _open_quote(text, begun, at, line_of)
    if detail in ("'}' expected", "')' expected"):
        return _quote_inside(text, begun, at, line_of)
    return None


def _last_opened(text: str, begun: int, at: int) -> re.Match[str] | None:
    """The last ``name = "`` of ``text[begun:at]`` (a value opened in double quotes), as ``_OPEN_QUOTE.finditer``
    finds it, found from each ``= "`` back to its name: the regular expression tried at every letter of a long
    value (50,000 of them) takes time that grows with the square of its length."""
    for equals in reversed(list(_EQUALS_QUOTE.finditer(text, begun, at))):
        pos = equals.start()
        while pos > begun and _SPACE.match(text, pos - 1):
            pos -= 1
        end = pos
        while pos > begun and _NAME_CHAR.match(text, pos - 1):
            pos -= 1
        while pos < end and not ("A" <= text[pos] <= "Z" or "a" <= text[pos] <= "z"):
            pos += 1
        opened = _OPEN_QUOTE.match(text, pos, at) if pos < end else None
        if opened is not None and opened.end() == equals.end():
            return opened
    return None


def _no_equals(text: str, begun: int, at: int, line_of: Callable[[int], int]) -> Told | None:
    """``author {Poe, P.}``: a field name and a value with no ``=`` between; ``junk`` alone: a word that is no field."""
    name = _NAME_BEFORE.search(text, begun, at)
    if name is None:
        return None
    field, line = name.group(1), line_of(name.start())
    end = text.find("\n", at)
    rest = text[at:len(text) if end < 0 else end]
    if "\n" not in text[name.end(1):at] and (rest[:1] in ('{', '"') or rest[:1].isalnum()):
        try:
            value = text[at:bibtex.group_end(text, at, min(len(text), at + 2000))] if rest[:1] in '{"' else (
                rest.rstrip().rstrip(",").strip())
        except bibtex.ScanError:
            value = rest.rstrip().rstrip(",")
        return Told(f"no = between the field name {field} and its value: BibTeX and pybtex skip the "
                    "rest of the entry from there",
                    f"Write {field} = {clipped(value, 60)}", line)
    return Told(f"{field!r} is no field: no = and no value follow it, and BibTeX and pybtex skip the "
                "rest of the entry from there",
                f"Delete {field!r}, or write it as {field} = {{...}}", line)


def _no_entry(text: str, begun: int, line_of: Callable[[int], int]) -> Told:
    """``@ nothing`` or an address ``a@b.org`` between entries, or ``@book key,``: an ``@`` no brace follows."""
    line = line_of(begun)
    end = text.find("\n", begun)
    written = text[begun:len(text) if end < 0 else end].strip()
    if missing := _TYPE_THEN_KEY.match(text, begun):
        return Told(f"the entry has no {{ after its type ({clipped(written, 60)!r})",
                    f"Open it with a brace: @{missing.group(1)}{{{missing.group(2)}, ...}}", line)
    return Told(f"an @ that starts no entry ({clipped(written, 60)!r}): BibTeX reads every @ outside an entry "
                "as the start of one, and no { or ( follows it",
                "Delete the @ (or the line): text between entries is read as a comment only when it has no @", line)


def _open_quote(text: str, begun: int, at: int, line_of: Callable[[int], int]) -> Told | None:
    """``title = "T and more,`` with no closing ``"`` before the next field: pybtex reads on into the next fields and
    stops at the ``}`` that closes the entry."""
    opened = _last_opened(text, begun, at)
    if opened is None:
        return None
    after = _NEXT_PART.search(text, opened.end())
    if '"' in text[opened.end():after.start() if after else len(text)]:
        return None  # closed before the next field: a brace inside it is what is wrong
    field, line = opened.group(1), line_of(opened.end() - 1)
    return Told(f'the " that opens the value of {field} is never closed: BibTeX and pybtex read the '
                "next fields as part of it",
                f'Close the value with " on line {line} ({field} = "...",), or write it in braces: {field} = {{...}}',
                line)


def _quote_inside(text: str, begun: int, at: int, line_of: Callable[[int], int]) -> Told | None:
    """``note = "He said "hi" to me",``: a ``"`` inside a value in double quotes closes it, and the word after it
    is where pybtex wanted a comma or the entry's end."""
    opened = _last_opened(text, begun, at)
    if opened is None or not text[at:at + 1].isalnum():
        return None
    depth, closed = 0, -1
    for i in range(opened.end(), at):  # the " that closed it: one outside braces ({"} is a quote in the value)
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if text[i] == '"' and depth == 0:
            closed = i
            break
    end = text.find("\n", at)
    rest = text[at:len(text) if end < 0 else end]
    if closed < 0 or text[closed + 1:at].strip(" \t") or '"' not in rest:
        return None  # not closed just before the word, or no quote later on the line: not a quote inside the value
    field, line = opened.group(1), line_of(closed)
    value = text[opened.end():at] + rest[:rest.rfind('"')]
    word = re.match(r'[^\s"]+', rest)
    return Told(f'the value of {field} ends at the " before {clipped(word.group() if word else rest, 30)!r}: a " inside a value '
                'written in double quotes closes it, and BibTeX and pybtex skip the rest of the entry from there',
                f"Write the value in braces, {field} = {{{clipped(value, 60)}}}, or each inner quote as {{\"}}",
                line)
