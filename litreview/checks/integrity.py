"""Field integrity checks JabRef's integrity checkers have: ISSN, unescaped & and %, HTML in fields,
page-range form, links to missing entries, LaTeX that does not balance, letters and their accents written apart
(not Unicode NFC); and control characters in a field.

Pure functions over ``Source``; each finding points at the line of the field it is about.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from ..bibliography.inherit import LINK_FIELDS, aliases, targets
from ..bibliography.latex import BABEL_SHORTHAND, known_command
from ..bibliography.load import PERSON_FIELDS
from ..doi import bare_doi
from ..lazyre import lazy
from ..model import Bibliography, Finding, Source
from ..text import CONTROLS, and_list, escape_match, latin_script, without_controls
from .bib import entry_finding, isbn_problem, part_of, plain, shown
from .date_year import check_date_year
from .field_values import ENDNOTE_TAGS, endnote_fix, endnote_tag
from .hints import csl_form, own_name
from .issue_pages import check_issue_pages

VERBATIM = frozenset({"url", "doi", "eprint", "file", "localfile", "pdf", "urlraw", "verba", "verbb", "verbc", "howpublished_url",
                      "crossref", "xdata", "xref", "related", "ids", "keywords_url", "isbn", "issn"})
"""Fields biblatex reads verbatim (or that hold keys, identifiers or a file's path: JabRef's localfile): LaTeX
rules do not apply."""
UNPRINTED = frozenset({"abstract", "annote", "annotation", "keywords", "mendeley-tags", "copyright", "owner",
                       "timestamp", "groups", "comment", "review", "date-added", "date-modified", "rating", "readstatus"})
"""Fields no standard style prints: BibTeX's and biblatex's standard styles leave them out, pandoc keeps abstract,
annote and keywords but CSL styles print them only in annotated bibliographies, and the reference managers' own
(copyright, owner, timestamp) pandoc and the styles ignore. What is wrong in one is not seen in the document."""
UNREAD = frozenset({"slaccitation"})
"""Fields no tool reads at all: INSPIRE-HEP's (SPIRES's) ``SLACcitation = "%%CITATION = ...;%%"``, which BibTeX's styles,
biber (no such field in its data model) and pandoc leave out of every entry. A LaTeX mark in one harms nothing."""
_NOT_TEXT = VERBATIM | {"author", "editor", "translator", "bookauthor", "date", "urldate", "year", "month",
                        "pages", "options", "langid", "language", "type", "entrysubtype", "abstract_url",
                        "keywords", "mendeley-tags", "id", "price"}
# keywords: a separated list biber and BibTeX styles filter on and never typeset (Zotero's tags such as
# "_tablet" start with the _ that sorts them first).
# id: a key (a Manubot source's reference id, a CSL item's), never typeset.
# price: Citavi's, which no BibTeX or biblatex style prints (LaTeX never reads it).
# Links no style typesets as text: adsurl, biburl, DBLP's ee (electronic edition), BibDesk's bdsk-url-1.
_LINK_FIELD = lazy(r".*(?:url|doi)|ee|bdsk-url-\d+")
BIBLATEX_ONLY = frozenset({"date", "journaltitle", "location", "urldate", "eventdate", "origdate", "eventtitle",
                           "maintitle", "booksubtitle", "xdata", "ids", "langid", "eprinttype"})
"""Fields only biblatex reads: a file that uses them is a biblatex file (whose pages LR143 reads as biber does)."""

_ISSN = lazy(r"^(\d{4})-?(\d{3})([\dXx])$")
_ISSN_MEDIUM = lazy(r"\s*\((?:print|electronic|online|linking|e|p)\)$", re.IGNORECASE)
_UNESCAPED = lazy(r"(?<!\\)(?:\\\\)*([&%])")
_HTML_ENTITY = lazy(r"&(?:#\d{1,7}|#x[\da-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HTML_TAG = lazy(r"</?(?:a|b|i|u|em|strong|sub|sup|p|br|span|div|sc|scp|inf|mml:\w+|jats:\w+)(?:\s[^<>]*)?/?>",
                       re.I)
# One page: digits or roman numerals with an optional letter before or after ("S436", "436S", "e1234").
# A page: 12, e1234, 12a, xii, or an article number and its page (ACM's 120:3). White space around
# the dash is read as no space by BibTeX, biber and pandoc alike (Zotero writes "176 -- 180").
# Cell Press numbers its online-only pages after the last printed one: "1218--1239.e3" (Crossref's page field).
# A page: "12", "e1234", "102f", a chapter-page "3:12", roman numerals, and a special section's lettered pages
# ("WB9", "WCA27", as Geophysics prints them: two or three capitals).
# (AGU's citation number of an article in a special section, "E00L12", "G00A06", is one page too)
_PAGE = r"(?:\d+:\d+|(?:[A-Za-z]|[A-Z]{2,3})?\d+[A-Za-z]?(?:\.e\d{1,3})?|[A-Z]\d\d[A-Z]\d\d|[ivxlcdmIVXLCDM]+[A-Za-z]?)"
# "102f", "102ff." (and following): biber reads them as one page, BibTeX prints them as written.
_FOLLOWING = r"(?:\s?(?:f|ff|sq|sqq)\.?)?"
# A single hyphen makes a range too: BibTeX's styles double it (n.dashify), biber reads a range, pandoc prints an en dash.
_BIBTEX_PAGES = lazy(rf"^{_PAGE}{_FOLLOWING}\+?(?:\s*(?:--?|–)\s*{_PAGE}\+?)?(?:,\s*{_PAGE}\+?(?:\s*(?:--?|–)\s*{_PAGE})?)*$")
_BIBLATEX_PAGES = lazy(
    rf"^{_PAGE}{_FOLLOWING}\+?(?:\s*(?:--?|–)\s*{_PAGE}|/{_PAGE})?"
    rf"(?:,\s*{_PAGE}(?:\s*(?:--?|–)\s*{_PAGE})?)*$")
# A journal's article number in place of pages (Oxford's dyad134, Royal Society's rsos240445): not "pp12";
# the ASBMB journals' manuscript numbers too (Molecular & Cellular Proteomics' M110.001628, JBC's M109.038026).
_ARTICLE_NUMBER = lazy(r"^(?!pp?\.?\d)(?:[A-Za-z]{2,8}\d{2,}|[A-Z]\d{3}\.\d{6}|[a-z]{2,6}\d?\.\d{3,6}|[A-Za-z]0\d{3,}-\d{2})$")
"""An article's number where its pages go: e1234567, a journal's code and a number ("ece3.6510", Wiley's), A001.012345,
an eLocator and its year as ASM's journals write it ("e00340-10": no range, a page number has no leading zero)."""
_PAGE_COUNT = lazy(r"(?:[ivxlc]+\s*[+,]\s*)?(\d+)\s*(?:pp?\.?|pages|S\.|Seiten|f\.|str\.)"
                   r"(?:,\s*\[\d+\]\s*(?:p\.|leaves)\s*of\s+plates)?(?:\s*:\s*(?:il\.?)?)?")
"""How many pages the work has ("10 pp.", "vi + 48 pp."; a library catalogue's "96 f. : il.", leaves and
illustrations of a thesis, "xvii, 211 p., [8] p. of plates :", Trove's), not where it lies."""
_RANGE_WITH_WORDS = lazy(r"(pp?\.|S\.)?\s*(\d+)\s*(?:-+|–)\s*(\d+)(?:\s*,?\s*vol\.?\s*(\d+))?")
"""A range with a page abbreviation before it ("p. 1408--1418") or its volume after it ("61 - 64 vol.1")."""
_RANGE_WITH_COUNT = lazy(r"(\d+)\s*(?:-+|–)\s*(\d+)\s*\((\d+)\)")
"""A range with how many pages it spans after it in parentheses ("227-244(18)", IngentaConnect's export)."""
_CHAPTER_PAGES = lazy(r"(\{\d+-\d+\}|\d+-\d+)\s*(?:--|–)\s*(\{\d+-\d+\}|\d+-\d+)")
"""A range of pages numbered within a chapter ("12-1--12-55"), each end braced or not."""
_DOUBLE_LETTER_PAGE = lazy(r"\d(?!(?:ff|sqq?)\b)[A-Za-z]{2,}")
_ESCAPED_ANGLE = lazy(r"\{?\\text(less|greater)(?:\{\}|\s*)\}?")
_MATH_COMMANDS = lazy(r"\\(par|begin|end|section|item)\b")
_ENVIRONMENTS = frozenset({"itemize", "enumerate", "description", "quote", "quotation", "verse", "center",
                           "flushleft", "flushright", "equation", "equation*", "align", "align*", "gather",
                           "gather*", "multline", "multline*", "eqnarray", "array", "matrix", "pmatrix",
                           "bmatrix", "cases", "tabular", "minipage", "verbatim", "math", "displaymath"})
_NEEDS_ARGUMENT = frozenset({"textbf", "textit", "emph", "textsc", "texttt", "textrm", "textsf", "underline",
                             "mathrm", "mathbf", "mathit", "url", "href", "mbox", "section", "subsection",
                             "widetilde", "tilde", "hat", "bar", "vec", "sqrt", "frac", "ensuremath"})
_PACKAGE_SYMBOLS = {"circledR": ("amssymb", "®", False), "checkmark": ("amssymb", "✓", False),
                    "euro": ("eurosym", "€", True), "EUR": ("eurosym", "€", False)}
"""Commands of a package (not LaTeX's) that stand for a character: package, character, whether pandoc prints it."""
_PACKAGE_QUOTES = {"textquote": "csquotes"}
"""Quotation commands of a package that pandoc drops with the words they quote (pandoc 3.9 reads "A \\textquote{Op} B"
as "A  b"; its \\enquote, \\foreignquote and \\hyphenquote it prints as quotations)."""
_TOKEN = lazy(r"\\[A-Za-z]+\*?|\\.|\$\$|\$|[{}_^]", re.S)
_ENV = lazy(r"\{\s*([^{}]*?)\s*\}")
# A link's address in \url{...} or \href{...}{text}: LaTeX reads it verbatim (a _ is itself there).
_LINK_ARGUMENT = lazy(r"(\\(?:url|href)\s*)\{[^{}]*\}")
_DEFINITION = lazy(r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|def|let)\*?\s*\{?\s*\\([A-Za-z]+)")
# A field only biblatex reads, as a .bib writes it (after a comma or a line break, before "="; any case).
_BIBLATEX_FIELD = lazy(rf"[,\s](?:{'|'.join(sorted(BIBLATEX_ONLY))})\s*=", re.IGNORECASE)


def is_biblatex(bib: Bibliography) -> bool:
    """Whether the file is written for biblatex (it uses fields only biblatex reads), in any entry of its text:
    one left out in reading (a duplicate key pandoc drops, an entry a syntax error cuts short) still tells how
    the file is written, so adding a duplicate does not change how the pages of every other entry are read."""
    if any(name in BIBLATEX_ONLY for s in bib.sources for name in s.fields):
        return True
    if not any(p.code in ("LR100", "LR101") for p in bib.problems):  # every entry was read: none to look for
        return False
    return any(_BIBLATEX_FIELD.search(text) for _, text in bib.files if text)


def check_integrity(bib: Bibliography, *, skip: bool = True) -> list[Finding]:
    """LR112, LR125, LR140-LR143 (LR143 also for an issue number that is a page range), LR152, LR159, LR162, LR167 on every entry (``skip``: as ``bib.check_bibliography``'s)."""
    keys = {s.key.casefold() for s in bib.sources}
    # the other keys entries answer to (biblatex's ids), which biber reads a @set's members by
    aliased = keys | {alias.casefold() for s in bib.sources if "ids" in s.fields for alias in aliases(s.fields)}
    biblatex = is_biblatex(bib)
    found: list[Finding] = []
    defined: frozenset[str] | None = None  # read from the file at the first entry with LaTeX
    for source in bib.sources:
        fields = source.fields
        # Each check finds nothing without its fields or its characters (most entries): skipped then.
        if not skip or not fields.keys().isdisjoint(LINK_FIELDS):
            found.extend(check_links(source, keys, aliased))
        if not skip or ("issn" in fields or "eissn" in fields):
            found.extend(check_issn(source))
        values = "".join(fields.values())
        latex = not csl_form(source)  # CSL's values are text, not LaTeX: & and _ are themselves there
        if not skip or (latex and ("&" in values or "%" in values)):
            found.extend(check_specials(source))
        if not skip or ("&" in values or "<" in values or "\\textless" in values):
            found.extend(check_html(source))
        if not skip or (latex and '"' in values):
            found.extend(check_shorthands(source))
        if not skip or (latex and ("\\" in values or "$" in values or "_" in values or "^" in values)):
            if defined is None:
                defined = frozenset().union(*(defined_commands(text) for _, text in bib.files))
            found.extend(check_latex(source, defined))
        if not skip or "pages" in fields:
            found.extend(check_page_form(source, biblatex=biblatex))
        if not skip or "number" in fields or "issue" in fields:
            found.extend(check_issue_pages(source))
        if not skip or not values.isprintable():  # (a line break is not printable, and no control either)
            found.extend(check_controls(source))
        if not skip or not values.isascii():
            found.extend(check_decomposed(source))
        if not skip or not _MISSPELT.keys().isdisjoint(fields):
            found.extend(check_misspelt_fields(source))
        if not skip or ("date" in fields and "year" in fields):
            found.extend(check_date_year(source))
    return found


_COMMON_FIELDS = ("author", "editor", "title", "journal", "journaltitle", "booktitle", "publisher", "address",
                  "location", "year", "month", "volume", "number", "pages", "edition", "series", "school",
                  "institution", "organization", "howpublished", "note", "language", "abstract", "keywords",
                  "urldate", "chapter", "translator", "subtitle", "eprint", "archiveprefix", "isbn", "issn")
_MISSPELT = {f"{name[:i]}{name[i + 1]}{name[i]}{name[i + 2:]}": name for name in _COMMON_FIELDS
             for i in range(len(name) - 1) if name[i] != name[i + 1]} | {
    f"{name[:i]}{letter}{name[i + 1:]}": name for name in _COMMON_FIELDS if len(name) >= 6
    for i in range(len(name)) for letter in "abcdefghijklmnopqrstuvwxyz" if letter != name[i]}
for _name in _COMMON_FIELDS:
    _MISSPELT.pop(_name, None)
"""A common field's name with two letters side by side swapped ("langauge", "jounral"), or, in a name of six letters or
more, one letter mistyped ("publishes", "serues") -> the field: a name no tool reads, so its value is left out. (A
shorter name one letter from a field is often a field itself: issn and isbn.)"""


def check_misspelt_fields(source: Source) -> Iterable[Finding]:
    """LR159 for a field whose name swaps two letters of a common field's ("langauge" for language), in a BibTeX
    file (a CSL item's variables are read by CSL's names)."""
    if csl_form(source):
        return
    for name in source.fields:
        if (meant := _MISSPELT.get(name)) and len(name) >= 4:
            hint = (f"delete it: the entry has {meant} too" if meant in source.fields
                    else f"rename it: {meant} = {{...}}")
            yield entry_finding("LR159", source, f"field {name!r} misspells {meant!r}: BibTeX, biber and pandoc "
                                "read no such field and leave its value out", hint, field=name)


def check_controls(source: Source) -> Iterable[Finding]:
    """LR152 for a control character (``text.CONTROLS``: a NUL, an escape, a direction override) in a field, the
    value quoted without it (a terminal shows the message as text)."""
    for name, value in source.fields.items():
        if match := CONTROLS.search(value):
            code = f"U+{ord(match.group()):04X}"
            yield entry_finding("LR152", source, f"{name} holds the control character {escape_match(match)} ({code}): "
                                f"{shown(part_of(without_controls(value), match.start(), match.start()))}", field=name)


def decomposed_at(value: str) -> int:
    """Where a letter and its accent written as two characters start in ``value`` (a combining mark that Unicode's
    NFC composes with the character before it: "A" and U+0301 for "Á"), or -1."""
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return -1
    for at in range(1, len(value)):
        if unicodedata.combining(value[at]) and len(unicodedata.normalize("NFC", value[at - 1:at + 1])) == 1:
            return at - 1
    return -1  # (what NFC changes is no accent: a compatibility ideograph, the ohm sign, which print as they are)


def check_decomposed(source: Source) -> Iterable[Finding]:
    """LR167 for an entry whose fields write a letter and its accent as two characters, as text copied from a PDF or
    a macOS file name holds them: BibTeX and pandoc pass them on, and pdfLaTeX (a LaTeX document's usual engine, and
    pandoc's for a PDF) defines no combining accent and stops at it. One finding, at the first such field (a file saved so has many); fields no
    style prints are left alone."""
    found = [(name, value, at) for name, value in _text_fields(source)
             if name not in UNPRINTED and name not in UNREAD and (at := decomposed_at(value)) >= 0]
    if not found:
        return
    name, value, at = found[0]
    lo = max(value.rfind(" ", 0, at), value.rfind("{", 0, at), value.rfind("}", 0, at)) + 1
    hi = min((end for end in (value.find(" ", at), value.find("{", at), value.find("}", at)) if end >= 0),
             default=len(value))
    word, mark = value[lo:hi].rstrip(",;:"), value[at + 1]
    composed = unicodedata.normalize("NFC", word)
    more = f" ({and_list(n for n, _, _ in found[1:])} too)" if len(found) > 1 else ""
    yield entry_finding("LR167", source, f"{name} writes {composed!r} with a letter and its accent as two "
                        f"characters (U+{ord(mark):04X} {unicodedata.name(mark, 'combining mark')}){more}: BibTeX "
                        "and pandoc pass them on as written, and pdfLaTeX stops at the accent (\"Unicode character not "
                        "set up for use with LaTeX\")",
                        f"write {composed!r} with each accented letter as one character: retype it, or save the "
                        "file in Unicode NFC (composed) form", field=name)


def check_links(source: Source, keys: set[str], aliased: set[str] | None = None) -> Iterable[Finding]:
    """LR112 for a crossref, xdata, xref, related or entryset (a @set's members) that names no entry (case ignored,
    as BibTeX does); ``aliased``: the keys with the aliases entries answer to (``ids``), by which biber finds the
    members of a set."""
    for name in LINK_FIELDS:
        known = (aliased or keys) if name == "entryset" else keys
        missing = [t for t in targets(source.fields.get(name, "")) if t.casefold() not in known]
        if missing:
            listed = ", ".join(repr(m) for m in missing)
            yield entry_finding("LR112", source, f"{name} names no entry of the bibliography: {listed}",
                                f"add the entry {missing[0]!r}, or correct the key in {name}", field=name)


def issn_problem(issn: str) -> str:
    """Why an ISSN is invalid ('' when its form and check digit are right)."""
    text = issn.strip()
    if text[:4].upper() == "ISSN":  # a label, as ISBNs carry theirs (isbn_problem drops it alike)
        text = text[4:].lstrip(" :")
    # The medium after it, as PubMed and PsycINFO write it (Zotero copies it): "1939-1455(Electronic)", "(Print)".
    text = _ISSN_MEDIUM.sub("", text)
    match = _ISSN.match(text)
    if not match:
        return "an ISSN is eight characters, written NNNN-NNNC"
    digits = match.group(1) + match.group(2)
    total = sum((8 - i) * int(d) for i, d in enumerate(digits))
    check = (11 - total % 11) % 11
    want = "X" if check == 10 else str(check)
    return "" if match.group(3).upper() == want else "wrong check digit"


_ISSN_WITH_WORDS = lazy(r"(\d{4}-?\d{3}[\dXx])\s*(\([^()]*\))")
"""An ISSN and words in brackets after it that are no medium ("14454408 (ISSN)", Scopus's export)."""


_ISSN_SEPARATOR = lazy(r"\s*[,;]\s*|\s+and\s+|(?<=\))\s+(?=\d)|(?<=\d{4}-\d{3}[\dXx])\s+(?=\d{4}-\d{3}[\dXx]\b)")
"""Between two ISSNs of a field: a comma, a semicolon, "and", a space after one's medium ("1531-5320 (Electronic)
1069-9384 (Linking)", EndNote's export of a PubMed record), or a space between two written NNNN-NNNC (EndNote's
"1939-1404 2151-1535", a journal's print and online ISSNs)."""


_NO_VALUE = frozenset(("null", "none", "undefined", "nan", "n/a", "na", "-"))
"""What an export writes in a field that has no value."""


def check_issn(source: Source) -> Iterable[Finding]:
    """LR125 for each ISSN (issn, eissn) with a wrong form or check digit."""
    for name in ("issn", "eissn"):
        for part in filter(None, _ISSN_SEPARATOR.split(plain(source.fields.get(name, "")))):
            problem = issn_problem(part)
            labelled = _ISSN_WITH_WORDS.fullmatch(part) if problem else None
            if problem and part.strip("<>").casefold() in _NO_VALUE:  # "null" (JabRef's, HAL's), "<null>" (Mendeley's)
                yield entry_finding("LR125", source, f"ISSN {part!r} is invalid: it stands for no value, as an "
                                    "export writes it", f"delete the {name} field", field=name)
            elif problem and len(re.sub(r"[^0-9Xx]", "", part)) in (10, 13) and not isbn_problem(part):
                # a book's ISBN in the ISSN field (a chapter's entry given its book's number there)
                isbn, given = own_name("isbn", source), re.sub(r"[^0-9X]", "", source.fields.get("isbn", "").upper())
                hint = (f"delete it: the entry's {isbn} gives it" if re.sub(r"[^0-9X]", "", part.upper()) in given
                        else f"move it to the {isbn} field, beside the one there (a print and an electronic ISBN), "
                        "or delete it" if given else f"move it to the isbn field: isbn = {{{part}}}")
                yield entry_finding("LR125", source, f"ISSN {part!r} is invalid: it is an ISBN, a book's number, not "
                                    "a journal's", hint, field=name)
            elif labelled and not issn_problem(labelled.group(1)):
                # "14454408 (ISSN)", as Scopus exports it: the number is right, the words beside it are no part of it
                number = re.sub(r"^(\d{4})-?", r"\1-", labelled.group(1))
                yield entry_finding("LR125", source, f"ISSN {part!r} is invalid: it holds {labelled.group(2)!r} beside "
                                    "its number, which styles print as written", f"write {name} = {{{number}}}",
                                    field=name)
            elif problem:
                problem = issn_problem(labelled.group(1)) if labelled else problem  # its number's own problem
                yield entry_finding("LR125", source, f"ISSN {part!r} is invalid: {problem}", field=name)


def _text_fields(source: Source) -> Iterable[tuple[str, str]]:
    for name, value in source.fields.items():
        if name not in VERBATIM and not _LINK_FIELD.fullmatch(name):
            yield name, value


def _people_at_ampersands(value: str) -> list[str]:
    """The people of a name list joined by & outside braces ("Smith, J. & Jones, K.", "张宜鑫 & 叶源涛"), when each
    part reads as a person's name (a comma in it, two words, or a script without spaces); else [] ("Procter &
    Gamble", "{Johnson & Johnson}": one body's name)."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(value):
        depth += (char == "{") - (char == "}")
        if char == "&" and depth == 0 and value[at - 1:at] != "\\":
            parts.append(value[start:at].strip())
            start = at + 1
    parts.append(value[start:].strip())
    named = all("," in p or len(p.split()) > 1 or (p and not latin_script(p)) for p in parts)
    return parts if len(parts) > 1 and named else []


def check_specials(source: Source) -> Iterable[Finding]:
    """LR140 for an & or % not escaped with a backslash (LaTeX reads & as a table cell, % as a comment)."""
    for name, value in _text_fields(source):
        if ("&" not in value and "%" not in value) or name in UNREAD:  # nothing to escape (most values): no pattern run
            continue
        match = _UNESCAPED.search(_without_links(_without_math(value)))
        if match and not _HTML_ENTITY.search(value):
            mark = match.group(1)
            if mark == "&" and name in PERSON_FIELDS and len(people := _people_at_ampersands(value)) > 1:
                # "张宜鑫 & 叶源涛": people joined as a reference list prints them, one person to BibTeX
                yield entry_finding("LR140", source, f"{name} joins its people with an unescaped &: "
                                    f"{shown(plain(_at(value, match)))}: BibTeX reads them as one person, and LaTeX "
                                    "stops at the & (a table's column mark)",
                                    f"write {name} = {{{' and '.join(p.strip() for p in people)}}}", field=name)
                continue
            if mark == "%" and (fix := endnote_fix(name, value, source.fields)):
                # "Cipolla, R. %J IEEE Transactions on ...": EndNote's export writes the journal behind its tag
                _, letter, text = endnote_tag(value) or ("", "", "")
                yield entry_finding("LR140", source, f"{name} has EndNote's %{letter} tag, the "
                                    f"{ENDNOTE_TAGS[letter]}, written into it: {shown(text)}", fix, field=name)
                continue
            # pandoc's reader takes % for LaTeX's comment sign: "Up 50 % of it" is "Up 50" (pandoc 3.9)
            cut = ": pandoc reads it as LaTeX does, the start of a comment, and leaves out the rest of its line" \
                if mark == "%" else ""
            yield entry_finding("LR140", source, f"{name} has an unescaped {mark}: {shown(plain(_at(value, match)))}"
                                f"{cut}", f"write \\{mark} (or 'and' for &)", field=name)


def check_html(source: Source) -> Iterable[Finding]:
    """LR141 for HTML entities (&amp; &#227;) or tags (<i>) in a field: a web page's text pasted as is."""
    for name, value in _text_fields(source):
        if "\\textless" in value:  # Zotero's export writes a title's <i> as {\textless}i{\textgreater}
            value = _ESCAPED_ANGLE.sub(lambda m: "<" if m.group(1) == "less" else ">", value)
        if "&" not in value and "<" not in value:  # every entity starts with &, every tag with <
            continue
        entity = _HTML_ENTITY.search(value)
        # CSL's rich text is these tags (<i>, <b>, <sup>, <span class="nocase">), which pandoc renders.
        tag = None if csl_form(source) else _HTML_TAG.search(value)
        unseen = f" (styles do not print the {name} field)" if name in UNPRINTED else ""
        if entity:
            told = entry_finding("LR141", source, f"{name} holds the HTML entity {entity.group()}: "
                                 f"{shown(plain(_at(value, entity)))}{unseen}",
                                 "write the character itself (&, ã, –) instead", field=name)
        elif tag:
            told = entry_finding("LR141", source, f"{name} holds the HTML tag {tag.group()}: "
                                 f"{shown(plain(_at(value, tag)))}{unseen}",
                                 _tag_hint(tag.group()), field=name)
        else:
            continue
        yield replace(told, severity="info") if unseen else told  # a note: the document does not show it


_TAG_LATEX = {"i": "\\textit{...}", "italic": "\\textit{...}", "em": "\\emph{...}", "b": "\\textbf{...}",
              "bold": "\\textbf{...}", "strong": "\\textbf{...}", "u": "\\underline{...}",
              "sup": "\\textsuperscript{...}", "sub": "\\textsubscript{...}", "inf": "\\textsubscript{...}",
              "sc": "\\textsc{...}", "scp": "\\textsc{...}", "math": "math in $...$"}
"""The LaTeX of an HTML or JATS tag that marks up text; the others (<p>, <br>, <span>, <div>, <a>) are layout."""


def _tag_hint(tag: str) -> str:
    """What to write for an HTML ``tag`` found in a field: its LaTeX, or for a tag of layout, to delete it."""
    written = (tag.strip("</>").split() or [""])[0].lower()
    if latex := _TAG_LATEX.get(written.split(":")[-1]):
        return f"write {latex} instead of <{written}>...</{written}>"
    parted = ", and a blank line parts paragraphs" if written in ("p", "br", "div") else ""
    return f"delete the <{written}> tags (a web page's layout): BibTeX and biber print them as text{parted}"


def _at(value: str, match: re.Match[str]) -> str:
    """The part of a long value around a match, for the message."""
    return part_of(value, match.start(), match.end())


def _without_math(value: str) -> str:
    # The same length: a match's place is its place in the value (the message quotes around it).
    return re.sub(r"(?<!\\)\$[^$]*(?<!\\)\$", lambda m: " " * len(m.group()), value)


def _without_links(value: str) -> str:
    # \url and \href take their link verbatim (a query's & and an encoded %20 are the link's own), blanked as
    # _without_math blanks math: the same length.
    if "\\url" not in value and "\\href" not in value:
        return value
    return _LINK_ARGUMENT.sub(lambda m: m.group(1) + "{" + " " * (len(m.group()) - len(m.group(1)) - 2) + "}", value)


def defined_commands(text: str) -> frozenset[str]:
    """The commands a .bib defines itself (in its @preamble: \\newcommand{\\noopsort}..., \\def\\x...)."""
    return frozenset(_DEFINITION.findall(text)) if "\\" in text else frozenset()


_ADDRESS = lazy(r"(?:https?://|www\.)[^\s{}]+")
"""A web address written as text in a field (a note's "see https://a.org/b_c.pdf")."""


def latex_problem(value: str, defined: frozenset[str] = frozenset()) -> str:
    """Why a field's LaTeX is broken ('' when math, environments and arguments balance and every
    command outside math is known: LaTeX's, biblatex's, or one of ``defined``)."""
    return latex_problem_at(value, defined)[0]


def latex_problem_at(value: str, defined: frozenset[str] = frozenset()) -> tuple[str, int, str]:
    """``latex_problem``, where in ``value`` it is (the offset of the token at fault, or of the math or
    environment left open) and what to do about it ('' for the catalogue's hint)."""
    math: str | None = None  # the delimiter that opened math mode
    opened = 0  # where it opened
    envs: list[tuple[str, int]] = []
    if "\\url" in value or "\\href" in value:  # (blanked to the same length: the offsets stay the value's)
        value = _LINK_ARGUMENT.sub(lambda m: m.group(1) + "{" + " " * (len(m.group()) - len(m.group(1)) - 2) + "}",
                                   value)
    tokens = _TOKEN.finditer(value)
    for token in tokens:
        t, at = token.group(), token.start()
        if t in ("$", "$$"):
            if math is None:
                math, opened = t, at
            elif math == t:
                math = None
            else:
                return f"{t} closes math opened with {math}", at, ""
        elif t in ("\\(", "\\["):
            if math is not None:
                return f"{t} opens math inside math", at, ""
            math, opened = t, at
        elif t in ("\\)", "\\]"):
            if math != {"\\)": "\\(", "\\]": "\\["}[t]:
                return f"{t} closes math that was never opened", at, ""
            math = None
        elif t in ("_", "^") and math is None:
            address = next((m for m in _ADDRESS.finditer(value) if m.start() <= at < m.end()), None)
            hint = (f"write the address as \\url{{{address.group()}}}, which prints it as written (hyperref or url "
                    "loaded), or move it to the url field") if address else ""
            return (f"{t} outside math (write \\{t} for the character)" if t == "_" else "^ outside math"), at, hint
        elif t in ("\\begin", "\\end"):
            env = _ENV.match(value, token.end())
            if env is None:
                return f"{t} without an environment name", at, ""
            name = env.group(1)
            if math is not None and t == "\\begin" and name not in ("array", "matrix", "pmatrix", "bmatrix", "cases"):
                return f"environment {name!r} inside math", at, ""
            if name not in _ENVIRONMENTS or env.group(0) != "{" + name + "}":
                return f"unknown environment {env.group(0)!r}", at, ""
            if t == "\\begin":
                envs.append((name, at))
            elif not envs or envs.pop()[0] != name:
                return f"\\end{{{name}}} does not close the environment opened last", at, ""
        elif t == "\\par" and math is not None:
            return "\\par inside math", at, ""
        elif t[1:] in _NEEDS_ARGUMENT:
            after = value[token.end():].lstrip()
            if not after or (after[0] not in "{\\" and not after[0].isalnum()):
                return f"{t} has no argument", at, ""
        elif math is None and t[1:2].isalpha() and t[1:].rstrip("*") not in defined \
                and not known_command(t[1:].rstrip("*")):
            command = t.rstrip("*")
            if (symbol := _PACKAGE_SYMBOLS.get(command[1:])) is not None:
                package, char, pandoc = symbol
                return (f"{command} is the {package} package's, not LaTeX's or biblatex's: a LaTeX document that does "
                        f"not load {package} stops at it, and pandoc {f'prints {char}' if pandoc else 'leaves it out'}",
                        at, f"write the character {char} itself, which BibTeX, biber and pandoc all print")
            if (quoting := _PACKAGE_QUOTES.get(command[1:])) is not None:  # a title's \textquote{...} (csquotes)
                return (f"{command} is the {quoting} package's, not LaTeX's or biblatex's: a LaTeX document that does "
                        f"not load {quoting} stops at it, and pandoc leaves it out with the words it quotes", at,
                        f"write \\enquote{{...}}, which {quoting} prints as {command} does and pandoc prints as a "
                        "quotation")
            takes = value[token.end():].lstrip(" ")[:1] == "{"  # (a symbol's definition with [1] eats what follows)
            # (pandoc 3 drops a command it does not know with its braced argument: "Alpha \\foo{RDFS} beta" is "Alpha  beta")
            return (f"unknown command {command} (not LaTeX's or biblatex's, nor defined in the @preamble): LaTeX stops "
                    f"at it, and pandoc leaves it out{' with the words in its braces' if takes else ''}", at,
                    f"correct the command's name, or define it in the bibliography's @preamble, e.g. "
                    f"@preamble{{\"\\providecommand{{{command}}}{'[1]{#1}' if takes else '{...}'}\"}}, which BibTeX "
                    "and biber pass on to LaTeX" + ("; pandoc reads no @preamble: for it, write the words without the "
                                                    "command" if takes else ""))
    if math is not None:
        return f"math opened with {math} is never closed", opened, ""
    if envs:
        return f"\\begin{{{envs[-1][0]}}} is never ended", envs[-1][1], ""
    return "", 0, ""


def check_latex(source: Source, defined: frozenset[str] = frozenset()) -> Iterable[Finding]:
    """LR142 for LaTeX that does not balance (math never closed, \\begin without \\end, _ outside math)
    or uses a command nobody defines (``defined``: the file's own, see ``defined_commands``): the value quoted as
    written, its braces kept, around the problem when it is long."""
    for name, value in _text_fields(source):
        if name in _NOT_TEXT or not any(c in value for c in "\\$_^"):
            continue
        problem, at, hint = latex_problem_at(value, defined)
        if problem and name in UNPRINTED and problem.startswith(("_ outside math", "^ outside math")):
            continue  # a pasted abstract's "snake_case": LaTeX typesets no such field, biblatex stores it unread
        if problem:
            quoted = shown(part_of(value, at, at + 1))
            yield entry_finding("LR142", source, f"{name}: {problem}: {quoted}", hint, field=name)


_SHORTHAND = lazy(BABEL_SHORTHAND)
_SHORTHAND_MEANS = {'"-': "a hyphenation point", '"|': "a ligature's break", '""': "a break without a hyphen"}
_OPENING_QUOTE = lazy(r'(?:^|[\s(\[{])"')
"""A straight quotation mark opening a word ('Das "Fake"-Problem'): its closing mark before a hyphen is no shorthand."""


def check_shorthands(source: Source) -> Iterable[Finding]:
    """LR142 for babel's German shorthands in a field ("Fernseh\"-ge\"-spräch"): LaTeX with babel's German reads
    them, pandoc's citeproc prints them as written (and BibTeX's and biber's output, in a document in another
    language, too)."""
    for name, value in _text_fields(source):
        if name in _NOT_TEXT or '"' not in value or (first := _SHORTHAND.search(value)) is None \
                or _OPENING_QUOTE.search(value):
            continue
        count = len(_SHORTHAND.findall(value))
        lo = max(value.rfind(" ", 0, first.start()), value.rfind("{", 0, first.start())) + 1
        hi = min((at for at in (value.find(" ", first.end()), value.find("}", first.end())) if at >= 0),
                 default=len(value))
        mark = first.group()
        times = f" ({count} times)" if count > 1 else ""
        yield entry_finding("LR142", source, f"{name}: babel's shorthand {mark} ({_SHORTHAND_MEANS[mark]} for LaTeX "
                            f"with babel's German), which pandoc's citeproc prints as written{times}: "
                            f"{shown(value[lo:hi])}",
                            f"remove the shorthands: write {_SHORTHAND.sub('', value[lo:hi])} (LaTeX hyphenates "
                            "the word by itself)", field=name)


_ARXIV_PAGES = lazy(r"arxiv\s*(?::|--?|\s)\s*(\d{4}(?:\.\d{4,5}(?:v\d+)?)?)", re.IGNORECASE)


def _arxiv_pages_hint(number: str, eprint: str, *, biblatex: bool) -> str:
    """How to fix a pages field that holds a preprint's arXiv identifier, not pages."""
    if eprint:
        return (f"the pages field repeats the arXiv identifier eprint = {{{eprint}}} holds: remove pages (or "
                "suppress LR143 for the entry if your style prints no eprint)")
    number = number if "." in number else "the full arXiv identifier, e.g. 2507.01234"
    kind = "eprinttype = {arxiv}" if biblatex else "archiveprefix = {arXiv}"
    return f"the pages field holds an arXiv identifier, not pages: write eprint = {{{number}}} with {kind} instead"


_RANGE_DASH = lazy(r"\s*(?:--?|–)\s*")
_MANUSCRIPT_PAGES = lazy(r"(?![ivxlcdm]+\s*--)([a-z]{3,})\s*--\s*(\d+)")
"""A journal's code and a manuscript number where the pages go ("clincanres--1458"): Google Scholar's pages of an
article published online first (from its early-release address, clincanres.1458.2015)."""



_UNIT_PAGES = lazy(r"((?:\d+\.){1,3})(\d+)\s*(?:--?|–)\s*((?:\d+\.){1,3})(\d+)")
"""A range of pages numbered within units ("1.8.1-1.8.10", as Current Protocols and loose-leaf handbooks print them)."""


def _unit_pages(text: str) -> bool:
    """Whether ``text`` is a range of pages of one unit: the same unit at both ends, the last page after the first."""
    unit = _UNIT_PAGES.fullmatch(text)
    return unit is not None and unit.group(1) == unit.group(3) and int(unit.group(2)) < int(unit.group(4))


_ACM_ARTICLE = lazy(r"(\d+)\s*(?:-{1,2}|–)\s*es")
"""ACM Digital Library's pages of an article that has a number and no pages ("16--es")."""


def _no_pages(text: str) -> str:
    """The word for no value a pages field holds at each end ("null" of "null--null"), or ''."""
    ends = _RANGE_DASH.split(text)
    return ends[0] if all(end.casefold() in _NO_VALUE for end in ends) else ""


def _doi_suffix_pages(text: str, doi: str) -> str:
    """The entry's DOI when a pages value is its suffix, hyphens doubled or not ("JAMC--D--16--0224.1" of
    10.1175/JAMC-D-16-0224.1, as Paperpile writes an article's id there); else ''."""
    bare = bare_doi(doi)
    suffix = bare.split("/", 1)[1] if "/" in bare else ""
    return bare if "-" in suffix and text.replace("--", "-").casefold() == suffix.casefold() else ""


def _manuscript_pages(text: str) -> re.Match[str] | None:
    """``_MANUSCRIPT_PAGES`` matched on a pages value ("clincanres--1458"; not "arxiv--2507" nor "null--12")."""
    match = _MANUSCRIPT_PAGES.fullmatch(text)
    return match if match and match.group(1) not in _NO_VALUE and not _ARXIV_PAGES.fullmatch(text) else None


_EN_DASH_COMMAND = lazy(r"\{\\textendash\}|\\textendash(?:\{\}|\s*)")
"""LaTeX's en dash as reference managers export a range ("3111{\\textendash}3119"): an en dash, as pandoc reads it."""
_EM_DASH_COMMAND = r"\{\\textemdash\}|\\textemdash(?:\{\}|\s*)"
"""LaTeX's em dash, as some exports write a range ("1111{\\textemdash}1140")."""


def page_form_problem(pages: str, *, biblatex: bool) -> str:
    """Why a pages value is not in the form styles expect ('' when it is)."""
    text = _EN_DASH_COMMAND.sub("\u2013", pages).strip() if "textendash" in pages else pages.strip()
    if not text or _ARTICLE_NUMBER.match(text) or _unit_pages(text):
        return ""
    doubled = _DOUBLE_LETTER_PAGE.search(text)  # "102fff": one page's letter, then "ff", read as one
    chapter = _CHAPTER_PAGES.fullmatch(text)
    if chapter:  # "12-1--12-55": pages numbered within chapters (ACM's HOPL proceedings)
        if not biblatex or chapter.group(1).startswith("{"):
            return ""
        return (f"biber reads a range only when neither end holds a hyphen (it warns of a malformed range): "
                f"{{{{{chapter.group(1)}}}--{{{chapter.group(2)}}}}} keeps each end whole")
    if placeholder := _no_pages(text):  # "null--null", as an export writes a range of no pages
        return f"{placeholder!r} is what an export writes for no value: styles print it as written"
    if acm := _ACM_ARTICLE.fullmatch(text):
        return f"ACM's export of article {acm.group(1)}, which has no page numbers (the 'es' where its last page goes)"
    if manuscript := _manuscript_pages(text):
        return (f"the journal's code {manuscript.group(1)!r} and a manuscript number, no pages (Google Scholar "
                "writes them for an article published online first, before it has pages)")
    if biblatex:
        if _BIBLATEX_PAGES.match(text) and not doubled:
            return ""
        return "write a page, a range like 12-15 or 12--15, or a list like 3, 7-9"
    if re.fullmatch(rf"({_PAGE})\s*-\s*\1", text):  # "20110550-20110550": ADS's range of one page
        return "a range that starts and ends on one page"
    if _BIBTEX_PAGES.match(text) and not doubled:
        return ""
    return "write a page, a range like 12--15, or a list like 3, 7--9"


def page_form_fix(pages: str, *, biblatex: bool) -> str:
    """The pages value LR143 asks for when the change is mechanical ('' when it is not, or none is needed): a run
    of hyphens ("450----493", Mendeley's export of an en dash) made a double hyphen; a range of pages numbered
    within chapters made one biber reads ({12-1}--{12-55})."""
    text = plain(pages).strip()
    if not page_form_problem(pages, biblatex=biblatex) or _PAGE_COUNT.fullmatch(text) or _no_pages(text) \
            or _manuscript_pages(text) or _ARXIV_PAGES.fullmatch(text):
        return ""  # no pages, or not these: check_page_form's hint says what to write instead
    # An em dash between two pages ("48—54", "{\\textemdash}"), which styles print as written, is a range's dash too.
    single = re.fullmatch(rf"({_PAGE})\s*(?:-|-{{3,}}|—|{_EM_DASH_COMMAND})\s*({_PAGE})", pages.strip())
    if chapter := _CHAPTER_PAGES.fullmatch(pages.strip()):
        return f"{{{chapter.group(1).strip('{}')}}}--{{{chapter.group(2).strip('{}')}}}"
    if single and single.group(1) == single.group(2):
        return single.group(1)  # a range of one page ("20110550-20110550", as ADS writes it): that page
    return f"{single.group(1)}--{single.group(2)}" if single else ""


def check_page_form(source: Source, *, biblatex: bool) -> Iterable[Finding]:
    """LR143 for a pages value that is not a page, a range or a list of them."""
    raw = source.fields.get("pages", "")
    problem = page_form_problem(raw, biblatex=biblatex)
    if problem:
        fixed = page_form_fix(raw, biblatex=biblatex)
        hint = f"write pages = {{{fixed}}}" if fixed else ""
        if fixed and "-" not in fixed and "{" not in fixed:  # "20110550-20110550": ADS's range of one page
            hint = f"write pages = {{{fixed}}}, the one page the range starts and ends on"
        if not hint and (around := _RANGE_WITH_WORDS.fullmatch(plain(raw).replace("~", " ").strip())):
            # "p. 1408--1418" (the style adds p.), "61 - 64 vol.1" (IEEE Xplore: the volume after the pages)
            prefix, first, last, volume = around.groups()
            hint = f"write pages = {{{first}--{last}}}"
            if volume and plain(source.fields.get("volume", "")).strip() != volume:
                hint += f" and volume = {{{volume}}}"
            hint += " (styles add the p. themselves)" if prefix else ""
            problem = f"the range {first}--{last} with {'its volume' if volume else repr(prefix)} written into it"
        if not hint and (counted := _RANGE_WITH_COUNT.fullmatch(plain(raw).strip())):
            first, last, many = counted.groups()
            hint = f"write pages = {{{first}--{last}}}"
            problem = f"the range {first}--{last} with its page count ({many}) written after it"
        if count := _PAGE_COUNT.fullmatch(plain(raw).strip()):
            problem = "how many pages the work has, not the pages it lies on (styles print it as a range)"
            hint = (f"the {own_name('pages', source)} field holds how many pages the work has: write "
                    f"pagetotal = {{{count.group(1)}}} instead")
        if _no_pages(plain(raw).strip()):
            hint = f"delete the {own_name('pages', source)} field"
        if suffix := _doi_suffix_pages(plain(raw).strip(), plain(source.fields.get("doi", ""))):
            problem = f"the article's DOI suffix ({own_name('doi', source)} = {{{suffix}}}), no pages"
        if suffix or _manuscript_pages(plain(raw).strip()):
            hint = (f"write the pages the article was printed on (its DOI record or the journal's page gives them), "
                    f"or delete the {own_name('pages', source)} field while it has none")
        if acm := _ACM_ARTICLE.fullmatch(plain(raw).strip()):
            hint = (f"write eid = {{{acm.group(1)}}}, biblatex's field for an article's number, and delete pages"
                    if biblatex and not csl_form(source) else f"write pages = {{{acm.group(1)}}}, the article's number")
        arxiv = _ARXIV_PAGES.fullmatch(plain(raw).strip())
        if arxiv:  # ADS exports pages = {arXiv:1912.11554}, Google Scholar pages = {arXiv--2507}
            hint = _arxiv_pages_hint(arxiv.group(1), plain(source.fields.get("eprint", "")).strip(), biblatex=biblatex)
        yield entry_finding("LR143", source, f"pages {shown(raw)}: {problem}", hint, field="pages")

