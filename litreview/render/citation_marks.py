"""A citation in the text as pandoc's citeproc prints it in author-date: its pieces (brackets, prefixes, marks,
locators), each item's suffix, around the labels of ``citation.Reference``."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Citation

Piece = tuple[str, str]
"""A piece of a printed citation: its kind ("open", "close", "sep", "prefix", "mark", "suffix") and its text (for a
"mark", what the caller gave for the item: its label, or the HTML of its mark)."""


def printed(items: Sequence[Citation], marks: Sequence[str], *, bracketed: bool) -> list[Piece]:
    """One citation as pandoc's citeproc prints it in author-date, in pieces: a citation written in brackets
    (``[see @a, p. 3; -@b]``) in parentheses, its items joined by "; ", each with its prefix before its mark and its
    locator after ("(see Doe 2001, p. 3; 2003)"); one written in the text (``@a``) bare, its year in parentheses in
    its label (``Reference.cited``), or, continued by the bracketed citation after it (``Citation.grouped``: ``@a
    [@b]``, ``\\citet{a,b}``), that citation's items inside them ("Doe (2001; Roe 2003)")."""
    out: list[Piece] = [("open", "(")] if bracketed else []
    for n, (item, mark) in enumerate(zip(items, marks, strict=True)):
        if n:
            out.append(("sep", "; "))
        if item.prefix:
            out.append(("prefix", item.prefix))
        out.append(("mark", mark))
        if after := suffix_after(item):
            out.append(("suffix", after))
    if bracketed or (items and items[0].grouped):
        out.append(("close", ")"))
    return out


def suffix_text(item: Citation) -> str:
    """A citation item's suffix as printed after its label ("p. 3" of ``[@key, p. 3]``); '' for none."""
    return item.suffix.lstrip(", ") if item.suffix.strip(", ") else ""


def suffix_after(item: Citation) -> str:
    """The suffix printed after an item's label: none for an item cited in the text, whose label holds its locator
    (``Reference.cited``)."""
    return "" if item.mode == "author-in-text" else suffix_text(item)
