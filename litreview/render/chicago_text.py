"""The text pieces of a Chicago reference (``citation``): HTML and plain text built together, quotation marks in the
language's form, capitals and full stops, and numbers with their labels as citeproc takes them ("vol. 3", "Nos. 1-2")."""

from __future__ import annotations

import re

from ..bibliography.csl import csl_form_of
from ..model import Source
from .sanitize import esc

_CLOSING_MARKS = "”’\"'“»\u00a0"  # what closes a title's quotation in any language (``quoted``)


class Pieces:
    """Text pieces with their markup, joined into HTML and plain text together."""

    def __init__(self) -> None:
        self.html: list[str] = []
        self.text: list[str] = []

    def add(self, text: str, *, italic: bool = False, href: str | None = None) -> None:
        if not text:
            return
        if not href:  # a straight mark, wherever it stands, as pandoc prints a BibTeX field's ("don’t", "’07", "’Rage")
            text = text.replace("'", "\u2019")
        self.text.append(text)
        body = esc(text)
        if italic:
            body = f"<i>{body}</i>"
        if href:
            body = f'<a href="{esc(href)}" rel="noopener noreferrer">{body}</a>'
        self.html.append(body)

    def ends_with(self, chars: str) -> bool:
        last = "".join(self.text).rstrip(_CLOSING_MARKS)
        return bool(last) and last[-1] in chars


_QUOTATION = re.compile(r"“([^“”]*)”|(?<!\w)‘([^‘“”]*?)’(?!\w)")
"""A quotation in curly marks inside a title (“Theory of Mind”, ‘graphics’; not an apostrophe: "ESA’s"), which
pandoc reads from BibTeX as a quotation and citeproc prints in the language's marks."""


def quotations(s: Source, title: str, terms: dict[str, str], *, inner: bool) -> str:
    """``title`` with the quotations in it in the language's marks: its outer ones (de „…“), or, ``inner``, those of a
    quotation inside a quotation (en ‘…’, de ‚…‘) for a title itself printed in quotation marks; as written where
    pandoc reads its marks as characters: LaTeX's named ones (``\\textquotedblleft``), a CSL-YAML title's curly
    ones (its Markdown's straight ones are quotations)."""
    raw = s.field("title")
    if "\\textquote" in raw or (csl_form_of(s.file or "") == "yaml" and any(mark in raw for mark in "“”‘")):
        return title
    opening, closing = (terms["‘"], terms["’"]) if inner else (terms["“"], terms["”"])
    return _QUOTATION.sub(lambda m: opening + (m.group(1) if m.group(1) is not None else m.group(2)) + closing, title)


TITLE_STOPS = ".?!:;"
"""The marks a title may end with that citeproc prints no full stop after ("Title?", "Title:" "Title;"; not ",")."""


def quoted(out: Pieces, title: str, terms: dict[str, str]) -> None:
    """A title in the language's quotation marks, its full stop inside them in English (“Title.”) and after them
    elsewhere („Titel“.), none after a title ending in "?", "!", ":" or ";" (``TITLE_STOPS``), as citeproc's locales
    print it (a quotation in it in the marks of one inside another: ``quotations``)."""
    stop = "" if title[-1] in TITLE_STOPS else "."
    if terms["punctuation-in-quote"]:
        out.add(terms["“"] + title + stop + terms["”"])
    else:
        out.add(terms["“"] + title + terms["”"] + stop)


def capitalised(term: str) -> str:
    """A term opening a sentence ("Edited by", "Herausgegeben von")."""
    return term[:1].upper() + term[1:]


def capital_first(text: str) -> str:
    """CSL's ``text-case="capitalize-first"``, which the Chicago styles put on the publisher (and the place printed
    in its stead): the first character capitalised where the letters it opens with are in lower case ("il Saggiatore"
    as "Il Saggiatore", "https://x.org/A" as "Https://x.org/A"), a word such as "eBay" as written."""
    first = _FIRST_WORD.search(text)  # after a mark: "[online]" as "[Online]"
    if not first or first.group() != first.group().lower() or not _OPENING_MARKS.fullmatch(text[:first.start()]):
        return text
    return text[:first.start()] + capitalised(text[first.start():])


_FIRST_WORD = re.compile(r"[^\W\d_]+")
"""The letters a text opens with, the word ``capital_first`` looks at ("https" of "https://x.org/A_b")."""
_OPENING_MARKS = re.compile(r"[\[(“‘\"'«¿¡]*")
"""What may stand before the first word ``capital_first`` capitalises: brackets and quotation marks ("[online]")."""


def end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


# An issue number citeproc takes for more than one: two words or more, or a hyphen, an en dash, a comma or a semicolon
# in it ("1-2", "3–4", "1,2", "1 & 2", "suppl 2": "nos."); "7/8", "1&2", "1.2" and "S1" it takes for one
PLURAL_NUMBER = re.compile(r"[\s,;\-\u2013]")


# A number as citeproc's ``is-numeric`` takes it: figures, a letter before or after them allowed ("12a", "S1"), several
# joined by a comma, a hyphen, a dash or "&" ("3, 4", "1-2"); "2.1", "IV" and "No. 5" are not ("Series, 2.1")
NUMERIC = re.compile(r"[^\W\d_]*\d+[^\W\d_]*(?:\s*[,&\-\u2013]\s*[^\W\d_]*\d+[^\W\d_]*)*")


def labelled(number: str, terms: dict[str, str]) -> str:
    """A case's or treaty's number, with "No." or "Nos." where citeproc takes it for a number ("No. 32", "Nos. 24-62";
    "C-617/10" as written)."""
    if not NUMERIC.fullmatch(number):
        return number
    return f"{terms['Nos.' if PLURAL_NUMBER.search(number) else 'No.']} {number}"


def edition(edition: str, terms: dict[str, str]) -> str:
    """The edition as citeproc prints it in Chicago: a number as an ordinal ("2": "2nd ed.", de "2. Aufl.", fr "2ᵉ
    éd.": ``terms``' "edition"), a number with letters after it with the word after it ("2nd": "2nd ed.", "2e": fr
    "2e éd."), any other as written ("Second", "5e éd", "Revised edition")."""
    if edition.isdigit():
        n = int(edition)
        if n == 1 and "edition-1" in terms:
            return terms["edition-1"]
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return terms["edition"].format(n=n, ordinal=suffix)
    if _NUMBERED.fullmatch(edition):  # citeproc's is-numeric: printed as written, with the word for an edition
        return f"{edition} {terms['edition'].split(' ', 1)[-1]}"
    return edition


_NUMBERED = re.compile(r"\d+[^\W\d_]+")
"""A number with letters after it ("2nd", "2e", "3a"), which citeproc takes for a number."""


def volume(volume: str, terms: dict[str, str], *, capital: bool = False) -> str:
    """A book's volume with its label ("vol. 3", "Vol. 2a" opening a sentence, "vols. 1-2"), one not a number for citeproc
    (``NUMERIC``) as written ("IV", "Volume 27", "Session 6")."""
    if NUMERIC.fullmatch(volume):
        label = terms["vols." if PLURAL_NUMBER.search(volume) else "vol."]  # several: "Vols. 1-2"
        return f"{capitalised(label) if capital else label} {volume}"
    return capital_first(volume) if capital else volume
