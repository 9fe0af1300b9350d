"""Find the reference list of a whole document and cut it into one string per reference.

Knows the usual headings (Citations, References, Bibliography, Works Cited), where such a
section ends (the next heading, a web page's comment form, footnotes), plain lists, and a list printed
after the text with no heading (``pandoc --citeproc -t plain``, many Word and PDF exports).
"""

from __future__ import annotations

import re

from ...doi import DOI_START
from ...errors import InputError
from ...text import fold
from ..csl_markdown import span_text
from ..headings import IMPORT_HEADINGS
from .fields import YEAR
from .joining import BULLET, DATED, NUMBERED, OPENS, ends_in_identifier, glue_all, join_lines, one_per_line

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
                           path: str | None = None, whole: bool = False) -> tuple[list[str], int]:
    """(one string per reference, 1-based line of the first one).

    With ``section``, only a heading with that name is accepted. Without a known heading the list is the
    document's last paragraphs that read as references after its prose (``unheaded_list``), or else, and with
    ``whole``, the whole text, one reference per paragraph (or per line).
    """
    lines = text.splitlines()
    if not text.strip():
        raise InputError("the file is empty: no references to import", path=path)
    found = None if whole else reference_heading(text, section)
    heading = found[0] if found else None
    if heading is None:
        if section:
            raise InputError(f"no section headed {section!r} found", path=path, hint=_without_section(text))
        unheaded = None if whole else unheaded_list(text)
        start = unheaded[0] if unheaded else 0
    else:
        start = heading + 1
    blocks = [(n, b) for n, b in _blocks(lines, start, stop_at_headings=heading is not None) if not _IBID.match(b)]
    if not blocks:
        where = f"the {lines[heading].strip()!r} section is empty" if heading is not None else "no references found"
        raise InputError(where, path=path, line=(heading + 1) if heading is not None else None,
                         hint="a reference list has one reference per paragraph or per line")
    return [_plain(b) for _, b in blocks], blocks[0][0]


def _without_section(text: str) -> str:
    """What leaving out --section takes from ``text``, as the hint of a heading not found: the section under a
    standard heading, else the list at the end of the file, else the whole file (``find_reference_section``)."""
    standard = reference_heading(text)
    unheaded = None if standard else unheaded_list(text)
    takes = (f"the {standard[1]!r} section (line {standard[0] + 1})" if standard else
             f"the paragraphs at the end of the file that read as references (line {unheaded[0] + 1} on)" if unheaded
             else "the whole file")
    return f"check the heading's spelling, or leave out --section to take {takes}, or pass --whole to take every paragraph"


UNHEADED = 3
"""The fewest paragraphs that must open like a dated reference for the end of a document to be read as its list."""
UNHEADED_GAP = 2
"""The most paragraphs in a row within such a list that may open otherwise ("The Chicago Manual of Style. 2017.")."""
PROSE_WORDS = 40
"""The fewest words of a paragraph of prose: a list is taken from the end only after one such paragraph."""


def _paragraphs(lines: list[str]) -> list[tuple[int, int, str]]:
    """(0-based first line, last line, text with blanks normalised) of each paragraph."""
    out: list[tuple[int, int, str]] = []
    first = None
    for i, line in enumerate([*lines, ""]):
        if line.strip() and first is None:
            first = i
        elif not line.strip() and first is not None:
            out.append((first, i - 1, " ".join(" ".join(lines[first:i]).split())))
            first = None
    return out


#: A number before a reference, as the Lancet's and Vancouver styles print it in plain text ("1 Grossberg S.").
_BARE_NUMBER = re.compile(r"^\d{1,3}\s+(?=[A-ZÀ-Þ])")


def _reads_as_reference(paragraph: str) -> bool:
    """Whether a paragraph opens as a reference does (names, a list label, "———.") and holds a year."""
    return (len(paragraph) <= MAX_UNHEADED and bool(OPENS.match(_BARE_NUMBER.sub("", paragraph, count=1)))
            and DATED.search(paragraph) is not None)


def _may_be_reference(paragraph: str) -> bool:
    """Whether a paragraph just above a list with no heading may be its first reference, though it opens
    otherwise ("Boston university … lab software repository. 2009 [Online].", "Brito da Silva, Leonardo …"):
    dated, and short, or with fewer words in small letters than prose has."""
    words = paragraph.split()
    small = sum(1 for w in words if w[0].islower())
    return (DATED.search(paragraph) is not None and len(words) <= 150
            and (len(words) <= SHORT_REFERENCE or small < PROSE_SMALL * len(words)))


_NUMBER = re.compile(r"^[\[(]?(\d{1,3})[\].)]?\s")


def _numbered_before(above: str, paragraph: str) -> bool:
    """Whether ``above`` carries the list number before ``paragraph``'s ("3 Brito da Silva LE" above "4 Boston")."""
    return ((m := _NUMBER.match(paragraph)) is not None and (n := _NUMBER.match(above)) is not None
            and int(n.group(1)) == int(m.group(1)) - 1)


SHORT_REFERENCE = 20
"""A dated paragraph of this many words or fewer just above a list may be a reference that opens otherwise."""
PROSE_SMALL = 0.6
"""The share of words in small letters from which a paragraph reads as prose, not as a reference."""


MAX_UNHEADED = 3000
"""The longest paragraph read as a reference at the end of a document (prose may open with a name and a year)."""


def _footnotes(paragraphs: list[tuple[int, int, str]]) -> int | None:
    """Index of the first of the footnotes a plain-text rendering prints last ("[1] Thanks to …", "[2] …"): the
    last paragraphs, numbered in turn from [1]; None when there are none."""
    k, number = len(paragraphs), None
    while k > 0 and (m := _FOOTNOTE_NUMBER.match(paragraphs[k - 1][2])) and number in (None, int(m.group(1)) + 1):
        k, number = k - 1, int(m.group(1))
    return k if number == 1 and k > 0 else None


_FOOTNOTE_NUMBER = re.compile(r"^\[(\d{1,3})\]\s")
#: the first of a plain-text rendering's notes ("[1] Thanks to …")
_NOTE_ONE = re.compile(r"^\[1\]\s")


def _list_start(paragraphs: list[tuple[int, int, str]]) -> int | None:
    """Index of the first paragraph of the last run reading as references, after a paragraph of prose."""
    start = None
    count = gap = 0
    for k in range(len(paragraphs) - 1, -1, -1):
        if _reads_as_reference(paragraphs[k][2]):
            start, count, gap = k, count + 1, 0
        elif gap < UNHEADED_GAP:
            gap += 1
        else:
            break
    if start is None or count < UNHEADED:
        return None
    while start > 0 and (_may_be_reference(paragraphs[start - 1][2])
                         or _numbered_before(paragraphs[start - 1][2], paragraphs[start][2])):
        start -= 1
    prose = any(len(p.split()) >= PROSE_WORDS and not _reads_as_reference(p) and not _may_be_reference(p)
                for _, _, p in paragraphs[:start])
    return start if prose else None


def unheaded_list(text: str) -> tuple[int, int] | None:
    """(0-based first line, last line) of a reference list printed after the text with no heading: the last
    paragraphs, at least ``UNHEADED`` of them opening like a dated reference (up to ``UNHEADED_GAP`` in a row
    among them may open otherwise), after a paragraph of prose (``PROSE_WORDS`` words or more that does not read
    as a reference). None when there is no such run, or nothing but it: a file that is all list is all taken."""
    paragraphs = _paragraphs(text.splitlines())
    notes = _footnotes(paragraphs)
    start = (_list_start(paragraphs[:notes]) if notes else None)
    if start is None:
        notes, start = None, _list_start(paragraphs)
    if start is None:
        return None
    return paragraphs[start][0], paragraphs[(notes or len(paragraphs)) - 1][1]


def heading_above(text: str, line: int) -> str | None:
    """The heading, as printed, on the last line with words above the 0-based ``line`` where it stands alone as a
    heading (a Markdown heading, or a short title-like line of its own: ``_looks_like_heading``): what a list found
    with no heading of a known name ("Kaynakça") is headed by; None where prose or nothing is above it."""
    lines = text.splitlines()[:line]
    i = len(lines) - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    if i < 0 or not _looks_like_heading(lines[i]):
        return None
    if not _MD_HEADING.match(lines[i]) and i > 0 and lines[i - 1].strip():
        return None  # the last line of a paragraph, not a heading of its own
    return _heading_text_as_printed(lines[i]) or None

#: A note that only points back at another ("Ibid., 14.", "Ebd., S. 3", "Op. cit."): no reference.
_IBID = re.compile(r"^(?:\d{1,3}\.\s+)?(?:ibid(?:em)?|ebd|ebenda|id|op\.\s?cit)\.?(?:,?\s*(?:p{1,2}\.|S\.)?\s*[\d–-]*\.?)?$",
                   re.IGNORECASE)

#: Markdown emphasis around words (``*Title*``, ``__Title__``); not inside words or addresses.
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=[^\s*_])([^*_]{1,500}?)(?<=\S)\1(?![\w*])")
#: A web address, from a word start (linear), up to the emphasis marks and the stop that may close it ("*Title
#: https://a.org/b*."); and the place an address is held at while the emphasis around it is read.
_ADDRESS = re.compile(r"(?<!\S)(?:[^\s:]*://|www\.)\S*?(?=[*_]{0,2}[.,;:)]?(?:\s|$))")
_HELD = re.compile("\ue000(\\d+)\ue001")


#: A Markdown link ``[text](address)`` and autolink ``<address>``.
_LINK = re.compile(r"\[([^\[\]]{1,500})\]\((\w+:[^()\s]{1,1000}|www\.[^()\s]{1,1000})\)")
_AUTOLINK = re.compile(r"<((?:https?|doi):[^<>\s]{1,1000})>")


def _plain(reference: str) -> str:
    """A reference without its list bullet, Markdown emphasis, pandoc's spans and link syntax (addresses left as
    written, an emphasis around one read too).

    ``[doi:10.1/x](https://doi.org/10.1/x)`` keeps its text; ``[Title](https://…)`` keeps the title
    and gives the address at the end, where a web reference has it."""
    reference = span_text(_AUTOLINK.sub(r"\1", BULLET.sub("", reference, count=1)))
    addresses: list[str] = []

    def text(m: re.Match[str]) -> str:
        if not re.search(rf"https?:|www\.|doi|{DOI_START}", m.group(1), re.IGNORECASE):
            addresses.append(m.group(2))
        return m.group(1)

    reference = _LINK.sub(text, reference)
    reference = " ".join([reference, *(a for a in addresses if a not in reference)])
    held: list[str] = []

    def hold(m: re.Match[str]) -> str:
        held.append(m.group())
        return f"\ue000{len(held) - 1}\ue001"

    plain = _EMPHASIS.sub(r"\2", _ADDRESS.sub(hold, reference))
    return _HELD.sub(lambda m: held[int(m.group(1))] if int(m.group(1)) < len(held) else m.group(), plain)


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
    sub_heading = False  # a heading within the list read since the last line taken: its numbers may start again
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
        if not current and last_label and last_label > 1 and not sub_heading and _NOTE_ONE.match(line) \
                and paragraphs and _LABEL_FIRST.match(paragraphs[-1][1][0]):
            break  # the document's notes, numbered again from [1] right after a numbered list, as pandoc prints them
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
            sub_heading = True
            continue  # "Secondary Sources": a heading within the list
        if numbered_list is None:
            numbered_list = bool(NUMBERED.match(line))
        elif not numbered_list and not current and re.match(r"^\s*\[1\]\s", line):
            break  # footnotes after an unnumbered list
        if not current:
            first = i + 1
        current.append(line)
        sub_heading = False
        indents.append(len(lines[i].expandtabs(4)) - len(lines[i].expandtabs(4).lstrip()))
    if current:
        paragraphs.append((first, current, indents))
    by_line = [len(para) > 1 and one_per_line(para) for _, para, _ in paragraphs]
    cuts = [[(first_line + k, ln) for k, ln in enumerate(para)] if lines_are_references
            else [(first_line + k, text) for k, text in join_lines(para, indent)]
            for (first_line, para, indent), lines_are_references in zip(paragraphs, by_line, strict=True)]
    if one_per_paragraph([len(cut) for cut in cuts]):
        # "… Suite 1207, 1750" + "Pennsylvania Avenue, N. https://…": a line opening like a reference goes on
        # its paragraph's reference; so does a line that reads whole ("Consulté 30 juin 2023, à l’adresse https://…")
        # but does not open like one: a paragraph keeps its lines apart only if each opens like a reference
        cuts = [cut if lines_are_references and all(OPENS.match(ln) for ln in para[1:])
                else [(cut[0][0], glue_all([text for _, text in cut], para))]
                for cut, (_, para, _), lines_are_references in zip(cuts, paragraphs, by_line, strict=True)]
    return [piece for cut in cuts for piece in cut]


def one_per_paragraph(counts: list[int]) -> bool:
    """Whether a list whose paragraphs were cut into ``counts`` references each has one reference per paragraph,
    a blank line between references, as pandoc --citeproc, a word processor or a web page prints one: two
    paragraphs or more, cut into two references each at most on average. Then no reference ends inside a
    paragraph. A list pasted from a PDF with a blank line at each page break has paragraphs of many references."""
    return len(counts) >= 2 and sum(counts) <= 2 * len(counts)
