"""Cut a block of lines of a reference list into references: by its labels, its bullets, its hanging
indent, or, in a plain list wrapped anywhere, where one reference closes and the next opens.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from ...doi import DOI_START
from ...locale_terms import EDITION_WORDS, NO_DATE_WORDS, alternation
from ..names import JOINING, PARTICLES
from .fields import VOLUME_LABEL, YEAR, is_place
from .lexicon import ACCESSED, MONTHS, PLACE
from .names import ORGANISATION_WORDS

#: The capitals of Latin Extended-A and -B ("Č", "Ł", "Ś", "Ž"), whose capitals and small letters alternate.
_EXTENDED_CAPITALS = "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())


def _with_names(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled with its capitals ``[A-ZÀ-Þ]`` taking those of Central European names ("Čech, P.")."""
    return re.compile(pattern.replace("À-Þ", "À-Þ" + _EXTENDED_CAPITALS))


#: A list label at a line start: "[1]", "(1)", "1.".
NUMBERED = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,3}\.)\s")
#: A list bullet (a web page's, a word processor's; Wikipedia's back-links "^ a b"); "———." (same authors)
#: is no bullet.
BULLET = re.compile(r"^(?:[-–•·▪◦‣*+]|\^(?:\s[a-z](?=\s))*)\s+")

#: How a reference opens: a list label (not a year in brackets: Nature's "(2020)." wrapped to a line of
#: its own), "Family, G." / "Family, Given", "Family GH," (Vancouver), "Family G.,",
#: "G. Family" (IEEE), "———." (same authors), an organisation and its year ("World Bank. 2017.",
#: "Office for National Statistics (2021)", "NASA. (n.d.)"), one in capitals ("BRASIL."), or a quoted title ("…", «…», „…“).
_YEAR = r"(?:\d{4}|n\.\s?d\.)"
#: A month's name: "Foreign Affairs, March 11." (a periodical's date, wrapped to a line start) is no "Family, Given".
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
#: Particles before a family name (the project's table, ``names.PARTICLES``, but for the "y" joining two names),
#: capitalised or not: "van Dijk", "De La Cruz"; and an elided one, "d’Errico", "l'Estrange".
_PARTICLE = ("(?:(?:" + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in sorted(PARTICLES - JOINING, key=len, reverse=True))
             + r")\s|[dl][’'])")
OPENS = _with_names(
    rf"^(?:(?!\({YEAR}\)|\[{YEAR}\])(?:\[\d{{1,4}}\]|\(\d{{1,4}}\))|\d{{1,4}}\.\s|[-–—_]{{2,}}"
    rf"|{_PARTICLE}{{0,2}}[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)?,\s+(?![A-Z]{{2}}\s?[:;])"
    rf"(?!(?i:{_MONTH})\.?\s\d)"
    r"(?:[A-ZÀ-Þ]|\(?\d{4}|[«“„](?=[A-ZÀ-Þ]))"
    rf"|{_PARTICLE}?[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)?\s[A-Z]{{1,3}}(?:\s(?:de|da|do|dos|das|van|von|der|den|du|le|la))?"
    r"(?:\.?,\s|\.\s|\s(?:and|&)\s(?:[A-ZÀ-Þ][\w'’-]+\s[A-Z]{1,3}|others)\s\(|\set\sal\.?\s\("
    rf"|\s\((?:{YEAR}|n\.d\.)[a-z]?\)\s)"
    r"|(?:[A-ZÀ-Þ]\.\s?(?:-[A-ZÀ-Þ]\.\s?)?){1,3}[A-ZÀ-Þ][\w'’-]+(?:[,.]|\s(?:and|&)\s)"
    rf"|[A-ZÀ-Þ][\w'’-]+(?:\s(?:[A-ZÀ-Þ][\w'’-]+|of|for|and|the|on|de|du|des|für|der|at))*(?:\.\s\(?|\s\(){_YEAR}"
    rf"|[A-ZÀ-Þ][\w'’-]*(?:\s[\w'’&-]+){{0,10}}\.\s\({_YEAR}[a-z]?\)\."
    r"|[A-ZÀ-Þ]{2,}(?:\s[A-ZÀ-Þ]{2,})*\.\s"
    r"|[“\"«„])")
#: A periodical's name, its date and its volume ("Management Decision. 2004. Bd. 42", "JAMA. 15 Januar 1992.
#: Bd. 267", as DIN 1505 and ISO 690 print an article): the title above goes on with it (a body's name and
#: its year open a reference with a title, never with a volume).
_PERIODICAL_DATED = re.compile(rf"^[^.]{{1,80}}\.\s(?:\d{{1,2}}\.?\s[^\W\d]+\.?\s)?{YEAR}[a-z]?\.\s(?i:{VOLUME_LABEL})\s*\d")
#: A periodical's name, then its volume and pages or its issue, before any full stop ("Agriculture, Ecosystems &
#: Environment, 249, 215–225.", "Geological Society, London, Special Publications 252(1)."): the reference above
#: goes on with its container, which "Family, Given" does not open.
_CONTAINER_FIRST = re.compile(r"^[^.()]{1,80}?(?:,\s\d{1,4}(?:\(\d{1,4}\))?,\s[A-Z]?\d+[-–][A-Z]?\d+|\s\d{1,4}\(\d{1,4}\))")
#: A date a finished reference has (or says it lacks): a line cannot open a new reference before it. A year
#: with its letter ("2016a."), a no-date term in brackets of any locale ("[kein Datum]").
DATED = re.compile(rf"\b{YEAR}[a-z]?\b|\b[ns]\.\s?d\.|\bo\.\s?J\.|\[(?:{NO_DATE_WORDS})\]"
                   r"|\b(?:forthcoming|in press)\b", re.IGNORECASE)
#: A line that ends a reference: closing punctuation, or an identifier. The identifier is sought from the start
#: of the last run of non-blanks only (``_FROM_LAST_RUN``): tried at each of its characters, a long run
#: ("d’d’d’…", "a.a.a.…") cost time in the square of its length.
_FROM_LAST_RUN = r"(?<!\S)(?=\S*$)"
_CLOSES = re.compile(rf"[.!?)\]”\"]$|{_FROM_LAST_RUN}(?:\S[^\s.]*\.\S+/|\S*?(?:https?://|\b{DOI_START})\S)\S*$")


#: A name of capitalised words (and the small words inside a body's name) closed by a period, a colon
#: (Copernicus: "Congressional Budget Office: Flood insurance …"; not before pages: "Society of Exploration
#: Geophysicists: G55–G66." is a publisher), or a comma and a year, with its acronym in brackets or not, and text going on after it.
_NAMED_BODY = re.compile(r"^((?:[A-ZÀ-Þ][\w'’-]+|(?:[A-Z]\.){2,})(?:\s(?:[A-ZÀ-Þ][\w'’-]+|of|for|and|the|on|&|de|du|des|für)){1,8})"
                         r"(?:\s\([A-ZÀ-Þ][\w-]{1,11}\))?(?:\.|:(?!\s+[A-Z]?\d)|,?\s(?:\d{4}|n\.\s?d\.)[a-z]?[.,])\s+[A-ZÀ-Þ“\"\d]")
#: A place and its colon after a body's name: the body issued or published the reference above,
#: whose own author is followed by a year or a title, never by "Place:".
_PLACE_FIRST = re.compile(r"([A-ZÀ-Þ][^:;]{1,39}?)\s*:")
#: A line opening with a body's acronym and a capitalised word ("IEEE Standard for …", "ISO Guide …",
#: "NIST Special Publication …"): a reference of a body, or titled so, when the line above ended one.
_ACRONYM_FIRST = re.compile(r"^[A-Z]{2,6}\s[A-ZÀ-Þ][a-zà-ÿ]")
#: A line opening with a name and its colon, as Copernicus and LNCS print an author with no initials or a title
#: with no author ("Anon: Escape from …", "OECD: Perspectives …", "canmod/iidda: International …", "Large Scale
#: Distributed Deep Networks:" + its address), or a software repository ("numpy/numpy: https://…",
#: "maxpumperla/elephas. GitHub."): a reference when the line above ended one. Not an access or an identifier's
#: label ("Available: http…", "DOI: 10.…", "In: Smith").
_NAME_COLON = re.compile(r"^(?!(?i:in|url|doi|isbn|issn|pmid|arxiv|online|available|accessed|retrieved|verfügbar"
                         r"|disponible|disponível|acesso|zugriff)\b)"
                         r"(?:[^\W\d][\w'’./-]*(?:\s[\w'’&-]+){0,5}:(?:\s(?!\d)|$)|[a-z][\w.-]*/[\w.-]+[.:,]\s)")
#: How a reference ends and nothing goes on after it: a year after a comma (", 2015."; not
#: "Smith, J. (2015)." or "Smith, J. 2015.", where the title comes next), a page range, a DOI or an address.
_ENDED = re.compile(rf"(?:,\s\(?{YEAR}[a-z]?\)?|\b\d+[-–]\d+)\.$|(?:https?://|\b{DOI_START})\S+$")
#: An author-date reference's names and year, and nothing after them yet: "Abbott, Kenneth W., and Duncan
#: Snidal. 2000." wrapped before its title (capitalised words, initials, "and" and particles only ("André de Mello e
#: Souza"): no title in lower case;
#: the year after a full stop or in brackets: "Smith, John. Rivers. London, 2001." is whole).
_HEAD_ONLY = _with_names(r"^(?:(?:(?:[dl][’'])?[A-ZÀ-Þ][\w'’-]*\.?(?:-[A-ZÀ-Þ]\.)?|and|und|&|et al\.|eds?\.|van|von|de|da|del|der|den|di|du"
                        r"|le|la|e|y)[,;]?\s)+"
                        rf"(?:(?<=\.\s){YEAR}[a-z]?|\({YEAR}[a-z]?\)|(?<=,\s)(?P<late>{YEAR}[a-z]?))\.$")
#: A family name in capitals and a given name or initial: "BRETT, Matthew, …", "GEER, Ingrid de, 1985.";
#: a body's name in capitals and its year, or its lack of one: "UNITED STATES CONGRESS, 1968.", "AUTHOR, [kein Datum]."
_CAPITALS_FIRST = _with_names(rf"^[A-ZÀ-Þ]{{2,}}(?:[-\s][A-ZÀ-Þ]{{2,}})*,\s(?:[A-ZÀ-Þ]|{YEAR}[a-z]?\.|\[(?:{NO_DATE_WORDS})\])")
#: Words in capitals ending a line, as a title in capitals does ("… RESETTLED PERSONS IN THE COUNTY OF").
_CAPITALS_END = _with_names(r"(?:\b[A-ZÀ-Þ]{2,}\s){2}[A-ZÀ-Þ]{2,}$")
#: The end of a text that goes on on the next line: a colon, comma, semicolon or ampersand, or a word joining names.
_GOES_ON = re.compile(r"(?:[:,;&]|\b(?:and|und|et|e|y|u\.|In))$")
#: The end of a text that goes on however short its line: a comma, colon or ampersand, a word joining names,
#: "In". A line cut short after a year or a page ("… 2002", "… 164–188") and no stop closed its dated reference.
_OPEN_END = re.compile(r"(?:[:,&]|\b(?:and|und|et|e|y|u\.|In|in))$")
#: A reference closed by its year after a comma and no stop ("…, Paris, Flammarion, 1987").
_YEAR_END = re.compile(rf",\s{YEAR}[a-z]?$")
#: A line ending with an initial ("… eds. Shuvra S." + "Bhattacharyya, Ed F. Deprettere, …"): the names go on.
_INITIAL_END = _with_names(r"(?:^|\s)[A-ZÀ-Þ]\.$")
#: Words of a publisher's name: "Oxford University Press." on its own line goes on a reference.
_PUBLISHER_WORDS = frozenset({"press", "university", "library", "group", "company", "inc", "ltd", "publishing",
                              "publishers", "books", "verlag"})


def _opens_as_organisation(line: str) -> bool:
    """A line opening with a body's name ("World Health Organization. Global report …",
    "National Research Council (NRC). Climate …"): a corporate author, which no person-name pattern
    of ``OPENS`` knows. Told from a publisher's name continuing a reference by its words."""
    m = _NAMED_BODY.match(line)
    if m is None or line[m.end() - 1:].split(maxsplit=1)[0].lower().strip(":") in ACCESSED:
        return False  # "World Bank. Retrieved from …": the publisher of a web page, then its access
    if _place_at(line, m.end() - 1):
        return False  # "… Hearings. / Senate Committee on Foreign Relations. Washington: GPO.": the issuing body
    words = [w.lower() for w in m.group(1).split()]
    return not _PUBLISHER_WORDS.intersection(words) and any(w in ORGANISATION_WORDS for w in words)


def _head_only(text: str) -> bool:
    """Whether ``text`` is an author-date reference's names and year only (``_HEAD_ONLY``). A year after a comma
    closes a head after an initial or a name in capitals ("Chen, L.-C., 2018.", "MWANGI, 2020."; Harvard, DIN
    1505), not after a publisher ("Paris, Flammarion, 1987." is whole)."""
    m = _HEAD_ONLY.match(text)
    if m is None or m.group("late") is None:
        return m is not None
    before = text[:m.start("late")].rstrip(", ").rsplit(maxsplit=1)[-1]
    return re.fullmatch(r"(?:[A-ZÀ-Þ]\.-?)+", before) is not None or (len(before) > 1 and before.isupper())


#: A line opening with a quoted title.
_QUOTE_FIRST = re.compile(r"^[\"“«„‘']")
_INITIALS = re.compile(r"(?:[A-ZÀ-Þ]\.-?)+")


def _head_before_quote(text: str) -> bool:
    """Whether ``text``, closed by a stop or not, is a head of names and a year that a quoted title on the next line
    goes on ("… and Paul Huth, 2014" + "\"Reputation and Status …\"", pandoc's Markdown list wrapped after the year): a
    year after a comma closes a head after names with no stop but an initial's ("Smith, J. Rivers. Paris, Flammarion,
    1987" is a whole reference, its title closed by a stop: a quoted title after it opens the next)."""
    m = _HEAD_ONLY.match(text if text.endswith(".") else text + ".")
    if m is None or m.group("late") is None:
        return m is not None
    return not any(w.endswith(".") and _INITIALS.fullmatch(w) is None for w in text[:m.start("late")].split())


def _opens_named(line: str) -> bool:
    """A line opening with a name and its colon, or a repository's (``_NAME_COLON``), not with an access word."""
    return _NAME_COLON.match(line) is not None and line.split(maxsplit=1)[0].lower().strip(":,.") not in ACCESSED


def _place_at(line: str, at: int = 0) -> bool:
    """A place and its colon at ``at`` ("Berlin, Deutschland: Deutsche Verlags-Anstalt."): where a
    publisher follows. At a line start, the publisher of the reference above, not "Family, Given"."""
    place = _PLACE_FIRST.match(line, at)
    return place is not None and ". " not in place.group(1) \
        and place.group(1).split()[0].lower().strip(",") in PLACE and is_place(place.group(1))


def join_lines(lines: list[str], indents: list[int] | None = None) -> list[tuple[int, str]]:
    """Lines of one block joined into references: (offset of the first line, text).

    A reference list pasted from a PDF breaks references anywhere; a line starts a new
    reference when the line before it closed one and the line opens like a reference does.
    With a hanging indent (``indents`` of the lines, the first at the margin), each line at the
    margin opens a reference. A word hyphenated at a line end is mended (see ``_glue``).
    """
    if any(unicodedata.combining(ch) for ln in lines for ch in ln if not ch.isascii()):
        # "Kovalčı́k", "E\u0301tudes": a PDF's accents as marks of their own, which no pattern's letters take;
        # the references are cut as the composed letters cut them
        composed = ["".join(ch for ch in unicodedata.normalize("NFC", ln) if not unicodedata.combining(ch))
                    for ln in lines]
        return _joined(lines, composed, join_lines(composed, indents))
    # a third of the lines indented at least: a stray indented line (a centred page head) is no hanging indent
    hanging = (indents is not None and len(indents) == len(lines) and indents[0] == min(indents)
               and 3 * sum(1 for n in indents if n > indents[0]) >= len(indents))
    labelled = _in_sequence([None if _EDITION_LINE.match(ln) else _label_number(ln) for ln in lines])
    numbered = len(labelled) >= 2 and (0 in labelled or len(labelled) >= 3)
    # "1 Smith J, …" (a bare number, as some PDFs print Vancouver): only from the first line on, in sequence
    if not numbered and _BARE.match(lines[0]) is not None:
        labelled = _in_sequence([int(m.group(1)) if (m := _BARE.match(ln)) else None for ln in lines])
    bare = not numbered and 0 in labelled and len(labelled) >= 2
    # a bulleted list has a bullet from its first reference on (after a line of introduction at most):
    # "- 102." or "– wo liegt …" further down is a dash wrapped to a line start
    bulleted = not numbered and any(BULLET.match(ln) for ln in lines[:2]) \
        and sum(1 for ln in lines if BULLET.match(ln)) >= 2
    room = _Room(lines)
    out: list[tuple[int, str]] = []
    dated = False  # whether the reference being joined has its date yet
    folded: list[str] = []  # the block in lower case, made when a hyphen first needs it
    for k, line in enumerate(lines):
        if bare and k in labelled:
            line = _BARE.sub(r"\1. ", line)
        if hanging and indents is not None:
            starts = indents[k] == indents[0]
        elif bulleted:
            starts = k == 0 or BULLET.match(line) is not None
        elif numbered or bare:  # "1." "2." ...: a line opens a reference when it carries the list's next number
            starts = k == 0 or k in labelled
        else:
            # the last word only: searching the whole of a long reference at each line is quadratic;
            # "23. Jahrgang", "2020. Retrieved from": in a list with no numbers, a number opens no reference
            # "… dreams (J." + "Strachey, Trans.)": a parenthesis opened on the line above goes on (that line
            # only: a stray "(" does not join the rest of the list)
            above = lines[k - 1] if k else ""
            starts = k == 0 or (dated and (_CLOSES.search(_last_word(out[-1][1])) is not None
                                           or (_YEAR_END.search(out[-1][1][-8:]) is not None
                                               and OPENS.match(line) is not None))
                                and _INITIAL_END.search(out[-1][1][-3:]) is None
                                and above.count("(") <= above.count(")")
                                and not _head_only(out[-1][1])
                                and not (_QUOTE_FIRST.match(line) and _head_before_quote(out[-1][1]))
                                and _NUMBER_FIRST.match(line) is None
                                and _PERIODICAL_DATED.match(line) is None and not _place_at(line)
                                and _CONTAINER_FIRST.match(line) is None
                                and not is_place(line)
                                and (OPENS.match(line) is not None or _opens_as_organisation(line)
                                     or ((_ACRONYM_FIRST.match(line) is not None or _opens_named(line))
                                         and _ENDED.search(out[-1][1][-40:]) is not None)))
            # DIN 1505 and ISO 690 end a reference with no stop ("… S. 1140–1141"), and open the next with
            # the family name in capitals: that opening alone starts one, after a dated reference that
            # does not go on ("In:", a comma or "and" at its end: "In: SILVA, João (org.)" goes on)
            # a line cut short closed its reference, however the next opens (its head alone is no reference,
            # and a number opening a line is a volume or a page)
            starts = starts or ((dated or OPENS.match(line) is not None) and room.left_short(k)
                                and (_CLOSES.search(_last_word(out[-1][1])) is not None
                                     or (dated and OPENS.match(line) is not None
                                         and _OPEN_END.search(out[-1][1][-12:]) is None))
                                and above.count("(") <= above.count(")")
                                and not _head_only(out[-1][1])
                                and _NUMBER_FIRST.match(line) is None
                                and _PERIODICAL_DATED.match(line) is None)
            # (not under a line in capitals: "… A CASE OF RONGAI" + "LOCATION NAKURU COUNTY, KENYA." is a title)
            starts = starts or (dated and _CAPITALS_FIRST.match(line) is not None
                                and _CAPITALS_END.search(above) is None
                                and _GOES_ON.search(out[-1][1][-12:]) is None
                                and not _head_only(out[-1][1]))
        if starts:
            out.append((k, line))
            dated = DATED.search(line) is not None
        else:
            first, text = out[-1]
            out[-1] = (first, _glue(text, line, lines, folded))
            dated = dated or DATED.search(line) is not None
    return out


def glue_all(pieces: list[str], lines: list[str]) -> str:
    """The ``pieces`` a block of ``lines`` was cut into, glued back into one reference as its lines are (``_glue``)."""
    folded: list[str] = []
    text = pieces[0]
    for piece in pieces[1:]:
        text = _glue(text, piece, lines, folded)
    return text


def _joined(lines: list[str], composed: list[str], cut: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The references of ``lines`` as their ``composed`` lines were ``cut`` (a bare label "12 " written "12. ")."""
    out: list[tuple[int, str]] = []
    folded: list[str] = []
    starts = {k: text for k, text in cut}
    for k, line in enumerate(lines):
        if k in starts:
            out.append((k, line if starts[k].startswith(composed[k]) else _BARE.sub(r"\1. ", line)))
        else:
            out[-1] = (out[-1][0], _glue(out[-1][1], line, lines, folded))
    return out


class _Room:
    """Where a line was cut short. A block wrapped at one width fills each line but a paragraph's last:
    a line that left room for the first word of the next closed its reference there, whatever the next
    line opens with ("ARISTOTLE, 1929.", "jupyter/notebook: https://…").

    The width is the block's longest lines but one in ten (a long address overflows its line), less a
    tenth (or three characters) of slack for type set in proportion (a line of capitals holds fewer).
    A block of fewer than four lines tells no width."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        sizes = sorted(len(ln) for ln in lines)
        self.width = sizes[len(sizes) * 9 // 10] if len(sizes) >= 4 else 0

    def left_short(self, k: int) -> bool:
        if k == 0 or not self.width or not self.lines[k].strip():
            return False
        word = self.lines[k].split(maxsplit=1)[0]
        return len(self.lines[k - 1]) + 1 + len(word) <= self.width - max(3, self.width // 10)


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
    if _IDENTIFIER_END.search(last) and last[-1] not in ",;" and (more := _IDENTIFIER_MORE.match(line)) is not None \
            and (text[-1] in _BREAKS or any(c.isdigit() or c in _BREAKS for c in more.group(0))):
        # "https://doi.org/10.1111/jsr." + "13245", "…?id=" + "12&lang=en"; not "…/820136," + "2002." (Copernicus)
        return text + line
    # "https://doi.org/" + "10.1/x" is one address, "https://www.R-project.org/" + "(accessed …)" is not
    return text + ("" if re.search(r"(?:\w-|\S/)$", last) and line[:1] not in "([" else " ") + line


#: An address or DOI at the end of a line, which a PDF breaks anywhere, and how it may go on
#: on the next line (not a word of five letters or more: "… /a." + "accessed 3 May" is text, unless a dot
#: or slash goes on with it: "http://www." + "aljazeera.com/news/…"; a path going on with its "/" or "-":
#: "…/2019/03" + "/12/future-of-reading").
_IDENTIFIER_END = re.compile(rf"{_FROM_LAST_RUN}\S*?(?:https?://|www\.|\b{DOI_START})\S*$")


def ends_in_identifier(text: str) -> bool:
    """Whether ``text`` ends with an address or a DOI, which a PDF may have broken at the line's end."""
    return _IDENTIFIER_END.search(text) is not None
_IDENTIFIER_MORE = re.compile(r"^(?!https?:|www\.|doi\b(?![./]\w))(?![a-z]{5,}\b(?![./]\w))(?:[a-z0-9]|[/-](?=\S))[^\s]*")
_BREAKS = "/.-_=?&#~%"


#: A bare number and a reference: "12 Smith J, …", "11 unrefugees. Sudan crisis …" (a body's name in lower case).
_BARE = _with_names(r"^(\d{1,3})\s+(?=[A-ZÀ-Þ“\"]|[a-z][\w-]+[.,:]\s)")


#: "2. Aufl. Wiesbaden", "3. ed. London": a line that goes on with an edition, not a reference numbered 2.
_EDITION_LINE = re.compile(r"^\s*\d{1,3}\.\s+(?:(?i:"
                           + alternation((*EDITION_WORDS, "ausg", "ausgabe", "éd", "uitg", "uitgave", "druk"))
                           + r")\b|[Ee]d\.|éd\.)")


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


def _labels_go_on(para: list[str]) -> bool:
    """Whether the numbered lines of ``para`` are labelled in one form ("[1]", "(1)" or "1.") and each with a higher
    number than the one before, as a list's labels are (a number left out of a list copied from its middle too)."""
    numbered = [(ln.lstrip()[:1], n) for ln in para if (n := _label_number(ln)) is not None]
    return len({form if not form.isdigit() else "." for form, _ in numbered}) <= 1 \
        and all(a[1] < b[1] for a, b in pairwise(numbered))


def one_per_line(para: list[str]) -> bool:
    """Lines that each look like a whole reference (a year in each, each closed, or each numbered)."""
    if all(NUMBERED.match(ln) or BULLET.match(ln) for ln in para):
        # "2. Aufl. Wiesbaden" goes on, and so does "vol." + "10. Cambridge" below "[35]" or "35.": join_lines
        return not any(_EDITION_LINE.match(ln) for ln in para) and _labels_go_on(para)
    with_year = sum(1 for ln in para if re.search(rf"\b{YEAR}\b", ln))
    starts_upper = sum(1 for ln in para if ln[:1].isupper() or ln[:1] in "“\"")
    closed = all(_CLOSES.search(_last_word(ln)) for ln in para[:-1])  # "… Press," + "Reprinted 2005." is one
    return with_year == len(para) and starts_upper == len(para) and closed
