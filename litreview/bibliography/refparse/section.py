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
from .fields import is_place
from .lexicon import ACCESSED, PLACE
from .names import ORGANISATION_WORDS

HEADINGS = IMPORT_HEADINGS
#: Lines that start a web page's or a document's tail: the list ends before them.
_BOILERPLATE = re.compile(
    r"^(?:leave a (?:reply|comment)|\d+\s+comments?|comments?|share this:?|like this:?|related(?: posts)?"
    r"|post navigation|your email address will not be published.*|about the author|footnotes|notes"
    r"|endnotes|appendix\b.*|acknowledg(?:e)?ments?|this site uses akismet.*|skip navigation)\s*:?$",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_NUMBERED = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,3}\.)\s")
#: A list bullet (a web page's, a word processor's; Wikipedia's back-links "^ a b"); "———." (same authors)
#: is no bullet.
_BULLET = re.compile(r"^(?:[-–•·▪◦‣*+]|\^(?:\s[a-z](?=\s))*)\s+")
#: A superscript number ("¹ Smith, J. …") or "1)" labelling a reference in a word processor's list:
#: written "1. " as the rest of the importer reads labels.
_OTHER_LABEL = re.compile(r"^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*|(\d{1,3})\)\s+)(?=\S)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
#: A list label alone on its line, as a word processor's or a web page's list may be copied.
_LABEL_ALONE = re.compile(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,3}[.)])$")
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


def reference_heading(text: str, section: str | None = None) -> tuple[int, str] | None:
    """(0-based line, heading as printed) of the reference section, or None when there is none."""
    names = (fold(section.strip()),) if section else HEADINGS
    found = None
    for i, line in enumerate(text.splitlines()):
        if _is_heading(line, names):
            found = (i, _heading_text_as_printed(line))  # the last wins: a table of contents may name it earlier
    return found


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
    reference = _AUTOLINK.sub(r"\1", _BULLET.sub("", reference, count=1))
    addresses: list[str] = []

    def text(m: re.Match[str]) -> str:
        if not re.search(r"https?:|www\.|doi|10\.\d{4,9}/", m.group(1), re.IGNORECASE):
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
    return bool(_OPENS.match(paragraph)) and _DATED.search(paragraph) is not None


def _furniture(lines: list[str], start: int) -> set[int]:
    """Lines of page furniture, with the blank lines around them (a page break is no paragraph break)."""
    skip: set[int] = set()
    for i in range(start, len(lines)):
        if lines[i].strip() and _FURNITURE.match(lines[i].strip()):
            skip.add(i)
            for step in (-1, 1):
                k = i + step
                while start <= k < len(lines) and not lines[k].strip():
                    skip.add(k)
                    k += step
    return skip


def _blocks(lines: list[str], start: int, *, stop_at_headings: bool) -> list[tuple[int, str]]:
    """Paragraphs from ``start`` until the section ends; lines when there are no blank lines."""
    paragraphs: list[tuple[int, list[str], list[int]]] = []
    current: list[str] = []
    indents: list[int] = []  # of each line of ``current``: a hanging indent marks continuation lines
    first = 0
    numbered_list = None
    furniture = _furniture(lines, start)
    label = ""  # a list label alone on its line ("1." then the reference), waiting for its text
    for i in range(start, len(lines)):
        if i in furniture:
            continue
        line = lines[i].strip()
        if _LABEL_ALONE.match(line):
            label = line
            continue
        if label and line:
            line, label = f"{label} {line}", ""
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
            numbered_list = bool(_NUMBERED.match(line))
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
        if len(para) > 1 and _one_per_line(para):
            out.extend((first_line + k, ln) for k, ln in enumerate(para))
        else:
            out.extend((first_line + k, text) for k, text in join_lines(para, indent))
    return out


#: How a reference opens: a list label, "Family, G." / "Family, Given", "Family GH," (Vancouver),
#: "G. Family" (IEEE), "———." (same authors), an organisation and its year ("World Bank. 2017.",
#: "Office for National Statistics (2021)", "NASA. (n.d.)"), one in capitals ("BRASIL."), or a quoted title.
_YEAR = r"(?:\d{4}|n\.\s?d\.)"
_OPENS = re.compile(
    r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.\s|[-–—_]{2,}"
    r"|(?:(?:van|von|de|da|del|di|le|la|al|el)\s)?[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)?,\s+(?![A-Z]{2}:)"
    r"(?:[A-ZÀ-Þ]|\(?\d{4})"
    r"|[A-ZÀ-Þ][\w'’-]+\s[A-Z]{1,3}[,.]\s"
    r"|(?:[A-ZÀ-Þ]\.\s?(?:-[A-ZÀ-Þ]\.\s?)?){1,3}[A-ZÀ-Þ][\w'’-]+(?:[,.]|\s(?:and|&)\s)"
    rf"|[A-ZÀ-Þ][\w'’-]+(?:\s(?:[A-ZÀ-Þ][\w'’-]+|of|for|and|the|on|de|du|des|für|der))*(?:\.\s\(?|\s\(){_YEAR}"
    r"|[A-ZÀ-Þ]{2,}(?:\s[A-ZÀ-Þ]{2,})*\.\s"
    r"|[“\"])")
#: A date a finished reference has (or says it lacks): a line cannot open a new reference before it.
_DATED = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|\b[ns]\.\s?d\.|\bo\.\s?J\.|\b(?:forthcoming|in press)\b",
                    re.IGNORECASE)
#: A line that ends a reference: closing punctuation, or an identifier.
_CLOSES = re.compile(rf"(?:[.!?)\]”\"]|\S+\.\S+/\S*|https?://\S+|\b{DOI_START}\S+)$")


#: A name of capitalised words (and the small words inside a body's name) closed by a period, or a
#: comma and a year, with its acronym in brackets or not, and text going on after it.
_NAMED_BODY = re.compile(r"^((?:[A-ZÀ-Þ][\w'’-]+)(?:\s(?:[A-ZÀ-Þ][\w'’-]+|of|for|and|the|on|&|de|du|des|für)){1,8})"
                         r"(?:\s\([A-ZÀ-Þ][\w-]{1,11}\))?(?:\.|,?\s(?:\d{4}|n\.\s?d\.)[a-z]?[.,])\s+[A-ZÀ-Þ“\"\d]")
#: A place and its colon after a body's name: the body issued or published the reference above,
#: whose own author is followed by a year or a title, never by "Place:".
_PLACE_FIRST = re.compile(r"([A-ZÀ-Þ][^:;]{1,39}?)\s*:")
#: A line opening with a body's acronym and a capitalised word ("IEEE Standard for …", "ISO Guide …",
#: "NIST Special Publication …"): a reference of a body, or titled so, when the line above ended one.
_ACRONYM_FIRST = re.compile(r"^[A-Z]{2,6}\s[A-ZÀ-Þ][a-zà-ÿ]")
#: How a reference ends and nothing goes on after it: a year after a comma (", 2015."; not
#: "Smith, J. (2015)." or "Smith, J. 2015.", where the title comes next), a page range, a DOI or an address.
_ENDED = re.compile(rf"(?:,\s(?:1[5-9]|20)\d\d[a-z]?|\b\d+[-–]\d+)\.$|(?:https?://|\b{DOI_START})\S+$")
#: Words of a publisher's name: "Oxford University Press." on its own line goes on a reference.
_PUBLISHER_WORDS = frozenset({"press", "university", "library", "group", "company", "inc", "ltd", "publishing",
                              "publishers", "books", "verlag"})


def _opens_as_organisation(line: str) -> bool:
    """A line opening with a body's name ("World Health Organization. Global report …",
    "National Research Council (NRC). Climate …"): a corporate author, which no person-name pattern
    of ``_OPENS`` knows. Told from a publisher's name continuing a reference by its words."""
    m = _NAMED_BODY.match(line)
    if m is None or line[m.end() - 1:].split(maxsplit=1)[0].lower().strip(":") in ACCESSED:
        return False  # "World Bank. Retrieved from …": the publisher of a web page, then its access
    if (place := _PLACE_FIRST.match(line, m.end() - 1)) is not None and ". " not in place.group(1) \
            and place.group(1).split()[0].lower().strip(",") in PLACE and is_place(place.group(1)):
        return False  # "… Hearings. / Senate Committee on Foreign Relations. Washington: GPO.": the issuing body
    words = [w.lower() for w in m.group(1).split()]
    return not _PUBLISHER_WORDS.intersection(words) and any(w in ORGANISATION_WORDS for w in words)


def join_lines(lines: list[str], indents: list[int] | None = None) -> list[tuple[int, str]]:
    """Lines of one block joined into references: (offset of the first line, text).

    A reference list pasted from a PDF breaks references anywhere; a line starts a new
    reference when the line before it closed one and the line opens like a reference does.
    With a hanging indent (``indents`` of the lines, the first at the margin), each line at the
    margin opens a reference. A word hyphenated at a line end is mended (see ``_glue``).
    """
    # a third of the lines indented at least: a stray indented line (a centred page head) is no hanging indent
    hanging = (indents is not None and len(indents) == len(lines) and indents[0] == min(indents)
               and 3 * sum(1 for n in indents if n > indents[0]) >= len(indents))
    labelled = _in_sequence([None if _EDITION_LINE.match(ln) else _label_number(ln) for ln in lines])
    numbered = len(labelled) >= 2 and (0 in labelled or len(labelled) >= 3)
    # "1 Smith J, …" (a bare number, as some PDFs print Vancouver): only from the first line on, in sequence
    if not numbered and _BARE.match(lines[0]) is not None:
        labelled = _in_sequence([int(m.group(1)) if (m := _BARE.match(ln)) else None for ln in lines])
    bare = not numbered and 0 in labelled and len(labelled) >= 2
    bulleted = not numbered and sum(1 for ln in lines if _BULLET.match(ln)) >= 2
    out: list[tuple[int, str]] = []
    dated = False  # whether the reference being joined has its date yet
    folded: list[str] = []  # the block in lower case, made when a hyphen first needs it
    for k, line in enumerate(lines):
        if bare and k in labelled:
            line = _BARE.sub(r"\1. ", line)
        if hanging and indents is not None:
            starts = indents[k] == indents[0]
        elif bulleted:
            starts = k == 0 or _BULLET.match(line) is not None
        elif numbered or bare:  # "1." "2." ...: a line opens a reference when it carries the list's next number
            starts = k == 0 or k in labelled
        else:
            # the last word only: searching the whole of a long reference at each line is quadratic;
            # "23. Jahrgang", "2020. Retrieved from": in a list with no numbers, a number opens no reference
            starts = k == 0 or (dated and _CLOSES.search(_last_word(out[-1][1])) is not None
                                and _NUMBER_FIRST.match(line) is None
                                and (_OPENS.match(line) is not None or _opens_as_organisation(line)
                                     or (_ACRONYM_FIRST.match(line) is not None
                                         and _ENDED.search(out[-1][1][-40:]) is not None)))
        if starts:
            out.append((k, line))
            dated = _DATED.search(line) is not None
        else:
            first, text = out[-1]
            out[-1] = (first, _glue(text, line, lines, folded))
            dated = dated or _DATED.search(line) is not None
    return out


def _last_word(text: str) -> str:
    return text[text.rfind(" ") + 1:]


#: Word starts that keep their hyphen at a line break ("self-" + "report" is "self-report").
_COMPOUND_PREFIXES = frozenset({"self", "non", "co", "cross", "well", "pre", "post", "anti", "semi", "multi",
                                "quasi", "neo", "ex", "mid", "all", "half", "long", "short", "high", "low"})
#: Word ends that keep the hyphen after a capitalised word ("Chicago-" + "based", "US-" + "led"); after a
#: lower-case one they may be a syllable ("cal-" + "led", "stub-" + "born").
_COMPOUND_ENDS = frozenset({"based", "led", "born", "bred", "like", "wide", "style", "era", "speaking", "owned",
                            "funded", "sponsored", "backed", "inspired", "influenced", "centred", "centered",
                            "oriented", "focused", "specific", "related", "made", "built", "trained"})


def _glue(text: str, line: str, lines: list[str], folded: list[str]) -> str:
    """``text`` continued by the next ``line`` of the same reference.

    "Interna-" + "tional" is one word hyphenated at the line end: the hyphen goes, unless the
    word is a compound ("self-" + "esteem", "Chicago-" + "based", or written with its hyphen elsewhere
    in the list).
    "https://doi.org/10.1162/" + "0020818…" and "978-0-" + "670-…" join with no space.
    """
    last = _last_word(text)
    broken = re.search(r"(?:^|[\"“‘'(«])([^\W\d_]+)-$", last)
    following = re.match(r"[^\W\d_A-ZÀ-Þ][^\W\d_]*", line)
    if broken and following:
        word, rest = broken.group(1).lower(), following.group(0).lower()
        if not folded:
            folded.append(" ".join(lines).lower())
        everywhere = folded[0]
        named = broken.group(1)[0].isupper() and rest in _COMPOUND_ENDS
        compound = (word in _COMPOUND_PREFIXES or named or f"{word}-{rest}" in everywhere) \
            and f"{word}{rest}" not in everywhere
        return text + line if compound else text[:-1] + line
    if _IDENTIFIER_END.search(last) and (more := _IDENTIFIER_MORE.match(line)) is not None \
            and (text[-1] in _BREAKS or any(c.isdigit() or c in _BREAKS for c in more.group(0))):
        return text + line  # "https://doi.org/10.1111/jsr." + "13245", "…?id=" + "12&lang=en"
    return text + ("" if re.search(r"(?:\w-|/)$", last) else " ") + line


#: An address or DOI at the end of a line, which a PDF breaks anywhere, and how it may go on
#: on the next line (not a word of five letters or more: "… /a." + "accessed 3 May" is text).
_IDENTIFIER_END = re.compile(rf"(?:https?://|www\.|\b{DOI_START})\S*$")
_IDENTIFIER_MORE = re.compile(r"^(?!https?:|www\.|doi\b)(?![a-z]{5,}\b)[a-z0-9][^\s]*")
_BREAKS = "/.-_=?&#~%"


_BARE = re.compile(r"^(\d{1,3})\s+(?=[A-ZÀ-Þ“\"])")


#: "2. Aufl. Wiesbaden", "3. ed. London": a line that goes on with an edition, not a reference numbered 2.
_EDITION_LINE = re.compile(r"^\s*\d{1,3}\.\s+(?:(?i:aufl(?:age)?|ausg(?:abe)?|edn|edition|éd(?:ition)?|edición|edição|"
                           r"uitg(?:ave)?|druk)\b|[Ee]d\.|éd\.)")


#: A line opening with a number and a full stop: a list's label, or a page, volume or year wrapped there.
_NUMBER_FIRST = re.compile(r"^\s*\d{1,4}\.\s")


def _in_sequence(numbers: list[int | None]) -> set[int]:
    """Offsets of the lines whose numbers (None: no number) label a list: the run going up by one
    from line to line ("1." "2." "3." …), a number or two missing at most.

    A number the run skips ("23. Jahrgang", a volume "12." wrapped to a line start) goes on the
    reference above. A missing number costs the run one line, so a gap is taken only when the
    run goes on after it: a stray "8." after "6." is no label."""
    nodes: list[tuple[int, int, int, int]] = []  # (score, -missing, line, previous node or -1)
    best: dict[int, int] = {}  # label -> its best node
    for k, n in enumerate(numbers):
        if n is None:
            continue
        node = (1, 0, k, -1)
        for step in (1, 2, 3):
            if (before := best.get(n - step)) is not None:
                score, missing = nodes[before][0] + 2 - step, nodes[before][1] - (step - 1)
                if (score, missing) > node[:2]:
                    node = (score, missing, k, before)
        nodes.append(node)
        if n not in best or node[:2] > nodes[best[n]][:2]:
            best[n] = len(nodes) - 1
    at = max(range(len(nodes)), key=lambda i: nodes[i][:2], default=-1)  # the first of the best
    lines: set[int] = set()
    while at >= 0:
        lines.add(nodes[at][2])
        at = nodes[at][3]
    return lines


def _label_number(line: str) -> int | None:
    m = re.match(r"^\s*(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,3})\.)\s", line)
    return int(next(g for g in m.groups() if g)) if m else None


def _one_per_line(para: list[str]) -> bool:
    """Lines that each look like a whole reference (a year in each, each closed, or each numbered)."""
    if all(_NUMBERED.match(ln) or _BULLET.match(ln) for ln in para):
        return not any(_EDITION_LINE.match(ln) for ln in para)  # "2. Aufl. Wiesbaden" goes on: join_lines
    with_year = sum(1 for ln in para if re.search(r"\b(?:1[5-9]|20)\d\d\b", ln))
    starts_upper = sum(1 for ln in para if ln[:1].isupper() or ln[:1] in "“\"")
    closed = all(_CLOSES.search(_last_word(ln)) for ln in para[:-1])  # "… Press," + "Reprinted 2005." is one
    return with_year == len(para) and starts_upper == len(para) and closed
