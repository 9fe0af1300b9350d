"""Find the reference list of a whole document and cut it into one string per reference.

Knows the usual headings (Citations, References, Bibliography, Works Cited), where such a
section ends (the next heading, a web page's comment form, footnotes), and plain lists.
"""

from __future__ import annotations

import re

from ...doi import DOI_START
from ...errors import InputError
from ...text import fold
from ..headings import IMPORT_HEADINGS
from .fields import YEAR
from .joining import BULLET, DATED, NUMBERED, OPENS, ends_in_identifier, join_lines, one_per_line

HEADINGS = IMPORT_HEADINGS
#: Lines that start a web page's or a document's tail: the list ends before them.
_BOILERPLATE = re.compile(
    r"^(?:leave a (?:reply|comment)|\d+\s+comments?|comments?|share this:?|like this:?|related(?: posts)?"
    r"|post navigation|your email address will not be published.*|about the author|footnotes|notes"
    r"|endnotes|appendix\b.*|acknowledg(?:e)?ments?|this site uses akismet.*|skip navigation)\s*:?$",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
#: A superscript number ("¹ Smith, J. …") or "1)" labelling a reference in a word processor's list:
#: written "1. " as the rest of the importer reads labels.
_OTHER_LABEL = re.compile(r"^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*|(\d{1,3})\)\s+)(?=\S)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
#: A list label alone on its line, as a word processor's or a web page's list may be copied.
_LABEL_ALONE = re.compile(r"^(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,3})[.)])$")
#: A list's label at a line start, and its number.
_LABEL_FIRST = re.compile(r"^(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,3})[.)])(?:\s|$)")
#: Markup on a line of its own in a Markdown essay: an HTML comment or tag, a pandoc div fence (``::: {#refs}``).
_MARKUP = re.compile(r"^(?:<!--.*-->|:::.*|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>)$")
#: A Markdown footnote's definition ("[^1]: …").
_FOOTNOTE = re.compile(r"^\[\^[^\]\s]+\]:")
#: A letter heading a group of a long list ("A", "B", …).
_LETTER = re.compile(r"^[A-ZÀ-Þ]$")
#: The link labels a journal's web page prints under each reference ("Article  ADS  CAS  Google Scholar",
#: "Wiley Online Library | PubMed | Web of Science®", "CrossRefView Record in Scopus", PMC's "[PubMed]").
_LABEL_WORDS = (r"\[?(?:Article|ADS|CAS|PubMed(?: Central)?|PMC free article|Free article|Google Scholar|Cross[Rr]ef"
                r"|MathSciNet|MATH|Web of Science®?|Wiley Online Library|View PDF|View article|View Record in Scopus"
                r"|Scopus|Full Text|Publisher Site|Ref list|Search in Google Scholar|Medline|ISI)\]?")
_LINK_LABELS = re.compile(rf"^(?:{_LABEL_WORDS}[\s|,;]*)+$")
_TRAILING_LABELS = re.compile(r"(?:\s*\[(?:PubMed|Google Scholar|Cross[Rr]ef|Ref list|PMC free article|"
                              r"Free article|CAS|Web of Science)\])+$")
#: A PDF's page furniture inside the list: a page number alone, "Page 12 of 14", or a running
#: head laid out beside its page number ("24      Journal of Global Studies").
_FURNITURE = re.compile(
    r"^(?:\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.|seite|página|pagina)\s*\d{1,4}(?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?"
    r"|\d{1,4}\s{3,}[^.,;:\s][^.,;:]{0,80}|[^.,;:\s][^.,;:]{0,80}?\s{3,}\d{1,4})$", re.IGNORECASE)


def _heading_text(line: str) -> str:
    m = _MD_HEADING.match(line)
    text = m.group("text") if m else line
    return fold(text.strip().strip("*_").strip().rstrip(":").strip())


def _is_heading(line: str, names: tuple[str, ...]) -> bool:
    return _heading_text(line) in names


def _looks_like_heading(line: str) -> bool:
    """A Markdown heading, or a short title-like line with no closing period."""
    if _MD_HEADING.match(line):
        return True
    words = line.split()
    return (0 < len(words) <= 4 and not any(c in line for c in ".,;:")
            and not any(c.isdigit() for c in line) and all(w[0].isupper() for w in words if w[0].isalpha())
            and "http" not in line)


#: The div pandoc's citeproc writes the bibliography into (``::: {#refs .references .csl-bib-body}``), with or
#: without a heading before it.
_REFS_DIV = re.compile(r"^\s{0,3}:{3,}\s*\{#refs[\s}]")


def reference_heading(text: str, section: str | None = None) -> tuple[int, str] | None:
    """(0-based line, heading as printed) of the reference section, or None when there is none: a heading
    of one of ``HEADINGS`` (or ``section``), or else the div of pandoc's rendered bibliography."""
    names = (fold(section.strip()),) if section else HEADINGS
    found = div = None
    for i, line in enumerate(text.splitlines()):
        if _is_heading(line, names):
            found = (i, _heading_text_as_printed(line))  # the last wins: a table of contents may name it earlier
        elif div is None and _REFS_DIV.match(line):
            div = (i, "references")
    return found or (None if section else div)


def _heading_text_as_printed(line: str) -> str:
    m = _MD_HEADING.match(line)
    return (m.group("text") if m else line).strip().strip("*_").strip().rstrip(":").strip()


def find_reference_section(text: str, section: str | None = None, *,
                           path: str | None = None) -> tuple[list[str], int]:
    """(one string per reference, 1-based line of the first one).

    With ``section``, only a heading with that name is accepted. Without a known heading
    the whole text is taken as a list, one reference per paragraph (or per line).
    """
    lines = text.splitlines()
    if not text.strip():
        raise InputError("the file is empty: no references to import", path=path)
    found = reference_heading(text, section)
    heading = found[0] if found else None
    if heading is None:
        if section:
            raise InputError(f"no section headed {section!r} found", path=path,
                             hint="check the heading's spelling, or leave out --section to take the whole file")
        start = 0
    else:
        start = heading + 1
    blocks = [(n, b) for n, b in _blocks(lines, start, stop_at_headings=heading is not None) if not _IBID.match(b)]
    if not blocks:
        where = f"the {lines[heading].strip()!r} section is empty" if heading is not None else "no references found"
        raise InputError(where, path=path, line=(heading + 1) if heading is not None else None,
                         hint="a reference list has one reference per paragraph or per line")
    return [_plain(b) for _, b in blocks], blocks[0][0]


#: A note that only points back at another ("Ibid., 14.", "Ebd., S. 3", "Op. cit."): no reference.
_IBID = re.compile(r"^(?:\d{1,3}\.\s+)?(?:ibid(?:em)?|ebd|ebenda|id|op\.\s?cit)\.?(?:,?\s*(?:p{1,2}\.|S\.)?\s*[\d–-]*\.?)?$",
                   re.IGNORECASE)

#: Markdown emphasis around words (``*Title*``, ``__Title__``); not inside words or addresses.
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=[^\s*_])([^*_]{1,500}?)(?<=\S)\1(?![\w*])")
_ADDRESS = re.compile(r"((?<!\S)[^\s:]*://\S*|(?<!\S)www\.\S*)")  # from a word start: linear


#: A Markdown link ``[text](address)`` and autolink ``<address>``.
_LINK = re.compile(r"\[([^\[\]]{1,500})\]\((\w+:[^()\s]{1,1000}|www\.[^()\s]{1,1000})\)")
_AUTOLINK = re.compile(r"<((?:https?|doi):[^<>\s]{1,1000})>")


def _plain(reference: str) -> str:
    """A reference without its list bullet, Markdown emphasis and link syntax (addresses left as written).

    ``[doi:10.1/x](https://doi.org/10.1/x)`` keeps its text; ``[Title](https://…)`` keeps the title
    and gives the address at the end, where a web reference has it."""
    reference = _AUTOLINK.sub(r"\1", BULLET.sub("", reference, count=1))
    addresses: list[str] = []

    def text(m: re.Match[str]) -> str:
        if not re.search(rf"https?:|www\.|doi|{DOI_START}", m.group(1), re.IGNORECASE):
            addresses.append(m.group(2))
        return m.group(1)

    reference = _LINK.sub(text, reference)
    reference = " ".join([reference, *(a for a in addresses if a not in reference)])
    return "".join(part if k % 2 else _EMPHASIS.sub(r"\2", part)
                   for k, part in enumerate(_ADDRESS.split(reference)))


def _references_follow(lines: list[str], i: int) -> bool:
    """Whether the paragraph after line ``i`` opens like a dated reference."""
    after = [ln.strip() for ln in lines[i + 1:i + 12]]
    while after and not after[0]:
        after.pop(0)
    paragraph = " ".join(after[:after.index("")] if "" in after else after)
    return bool(OPENS.match(paragraph)) and DATED.search(paragraph) is not None


def _furniture(lines: list[str], start: int) -> set[int]:
    """Lines of page furniture, with the blank lines around them (a page break is no paragraph break)."""
    skip: set[int] = set()
    for i in range(start, len(lines)):
        if lines[i].strip() and _FURNITURE.match(lines[i].strip()) and not _year_wrapped(lines, i):
            skip.add(i)
            for step in (-1, 1):
                k = i + step
                while start <= k < len(lines) and not lines[k].strip():
                    skip.add(k)
                    k += step
    return skip


def _year_wrapped(lines: list[str], i: int) -> bool:
    """A year alone on its line right under a line left open by a comma ("… Paris, Dunod," + "1992"): a
    reference's date wrapped to a line of its own, not a page number."""
    return i > 0 and re.fullmatch(YEAR, lines[i].strip()) is not None and lines[i - 1].rstrip().endswith((",", ":"))


def _labels_next(label: re.Match[str], last: int | None, above: str) -> bool:
    """Whether a number alone on its line labels the list's next reference: the number after the last label, or 1;
    another number too (a list copied from its middle, "14.", or with a number left out), unless it is a year
    ("(2000)" wrapped from the reference above) or stands under an address or a DOI, which a PDF broke before its
    end ("…/s00034-009-9116-" + "5.", "…/j.neuroimage.2019.02." + "055.")."""
    number = int(next(g for g in label.groups() if g))
    return number == (last or 0) + 1 or (number < 1000 and not ends_in_identifier(above))


def _blocks(lines: list[str], start: int, *, stop_at_headings: bool) -> list[tuple[int, str]]:
    """Paragraphs from ``start`` until the section ends; lines when there are no blank lines."""
    paragraphs: list[tuple[int, list[str], list[int]]] = []
    current: list[str] = []
    indents: list[int] = []  # of each line of ``current``: a hanging indent marks continuation lines
    first = 0
    numbered_list = None
    furniture = _furniture(lines, start)
    label = ""  # a list label alone on its line ("1." then the reference), waiting for its text
    last_label: int | None = None  # the number of the list's last label
    previous = ""  # the line read before (furniture aside), as written
    for i in range(start, len(lines)):
        if i in furniture:
            continue
        line = lines[i].strip()
        above, previous = previous, line
        if (alone_label := _LABEL_ALONE.match(line)) and _labels_next(alone_label, last_label, above):
            label = line
            continue
        if label and line:
            line, label = f"{label} {line}", ""
        if (first_label := _LABEL_FIRST.match(line)) is not None:
            last_label = int(next(g for g in first_label.groups() if g))
        line = _OTHER_LABEL.sub(lambda m: (m.group(1) or m.group(2)).translate(_SUPERSCRIPT_DIGITS) + ". ", line)
        if _LETTER.match(line) or _LINK_LABELS.match(line) or _MARKUP.match(line):
            continue
        if _FOOTNOTE.match(line) and (paragraphs or current):
            break  # a Markdown essay's footnotes after its list
        line = line[:-300] + _TRAILING_LABELS.sub("", line[-300:])  # the tail only: a search of all is quadratic
        if not line:
            if label:
                continue
            if current:
                paragraphs.append((first, current, indents))
                current, indents = [], []
            continue
        alone = i + 1 >= len(lines) or not lines[i + 1].strip()
        if _BOILERPLATE.match(line) or (stop_at_headings and _looks_like_heading(line) and not current and alone):
            within = not _BOILERPLATE.match(line) and not _is_heading(line, HEADINGS) and _references_follow(lines, i)
            if (paragraphs or current) and not within:
                break
            continue  # "Secondary Sources": a heading within the list
        if numbered_list is None:
            numbered_list = bool(NUMBERED.match(line))
        elif not numbered_list and not current and re.match(r"^\s*\[1\]\s", line):
            break  # footnotes after an unnumbered list
        if not current:
            first = i + 1
        current.append(line)
        indents.append(len(lines[i].expandtabs(4)) - len(lines[i].expandtabs(4).lstrip()))
    if current:
        paragraphs.append((first, current, indents))
    out: list[tuple[int, str]] = []
    for first_line, para, indent in paragraphs:
        if len(para) > 1 and one_per_line(para):
            out.extend((first_line + k, ln) for k, ln in enumerate(para))
        else:
            out.extend((first_line + k, text) for k, text in join_lines(para, indent))
    return out
