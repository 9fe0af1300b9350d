"""How the rule parser misreads a title in ways the CRF's reading shows (part of ``combine``): a quoted title's
first words or an "and" read as names, given-first names read as the title, a title cut at the comma of a list or run
on into the parenthesis that holds its publisher, a title's end read as the publisher. Where one holds, ``combine``
keeps the CRF's title (and names).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from ...locale_terms import EDITION_WORDS, QUOTATION_OPENERS, quote_pairs
from ..keys import STOPWORDS
from . import fields as F
from .lexicon import AND, JOURNAL, PUBLISHER, THESIS
from .reference import ParsedReference

_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)
def norm(text: str) -> str:
    """Case-folded letters and digits only (the readings' values are compared so)."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def quote_in_names(rules: ParsedReference) -> bool:
    """A name of the rules' holds an opening quote: they read a quoted title's first words as one more name (MHRA's
    "Alesina, Alberto, and Edoardo Teso, ‘Intergenerational Mobility and …’" read with the author "‘Intergenerational
    Mobility"); neither their names nor their title is taken."""
    return any(q in f"{p.given} {p.family}" for p in rules.authors or rules.editors for q in F.QUOTE_CLOSER)


def and_as_name(crf: ParsedReference, rules: ParsedReference) -> bool:
    """The rules' title opens with a lower-case "and" of the CRF's title and goes on with the CRF's words from there (to its
    end, or on past it): the rules read the title's first words as one more author ("A. Strittmatter, Employment and
    Earnings Effects …" read as the author "Employment" and the title "and Earnings Effects …"; Polish "Doe J., Herons
    and the Sea, „Journal” 2001" with the title "and the Sea, „Journal” 2001"); neither their names nor their title is
    taken."""
    first = rules.title.split()[:1]
    mine, theirs = norm(crf.title), norm(rules.title)
    if not first or first[0] not in AND or mine == theirs:
        return False
    words = crf.title.split()
    return any(w == first[0] and theirs.startswith(norm(" ".join(words[at:]))) for at, w in enumerate(words) if at)


#: the rest of a title's list after its first item: ", Algorithms, and Applications", ", Methodology and Practice"
_LIST_REST = re.compile(r",\s+[^,.;:()]+(?:,\s+[^,.;:()]+)*,?\s+(?:and|&)\s+[^,.;:()]+")


def list_cut(mine: str, theirs: str) -> bool:
    """The rules' title is the CRF's cut at the comma after the first item of a list that ends with "and": "Monte
    Carlo: Concepts, Algorithms, and Applications (Springer, 1996)" read by the rules as the title "Monte Carlo:
    Concepts" and the publisher "Algorithms, and Applications (…)". A container or a publisher is no such list (nor
    holds a journal's or a publisher's word: ", Journal of Law and Economics")."""
    rest = mine[len(theirs):] if theirs and mine.startswith(theirs) else ""
    return bool(_LIST_REST.fullmatch(rest)) and not any(w.strip(",&").casefold() in JOURNAL | PUBLISHER
                                                        for w in rest.split())


def names_open_title(crf: ParsedReference, rules: ParsedReference) -> bool:
    """The CRF's title opens with the names, given name first and each closed by a comma, that the rules read after
    the CRF's names, and goes on with the rules' title: Bologna's "Kitchin, Rob, Nick Tate, Title, Routledge, 2013"
    (the names after the first printed given name first, with no "and"), the CRF reading "Nick Tate, Title"."""
    n = len(crf.authors)
    extra = rules.authors[n:]
    if not n or not extra or [p.family for p in rules.authors[:n]] != [p.family for p in crf.authors] or not all(
            p.given[:1].isupper() and p.family[:1].isupper() and p.given.split()[0].casefold() not in STOPWORDS
            for p in extra):
        return False  # "Card, S. K., Mackinlay, J. D., The Information Visualizer, …": no name opens with "The"
    head = ", ".join(f"{p.given} {p.family}" for p in extra) + ", "
    return bool(rules.title) and crf.title.startswith(head) and norm(crf.title) == norm(head + rules.title)


#: a parenthesis left open at the end of a text
_UNCLOSED = re.compile(r"\([^()]*$")


def into_parenthesis(title: str, crf: ParsedReference) -> bool:
    """``title`` (the rules') runs into a parenthesis it leaves open, or into the one that holds the CRF's publisher:
    Science's and PNAS's "Title (Publisher, Place, 2014)" read as "… FAQ (Congressional Research Service, Washington,
    DC,", "… Good Society (Yale University Press, 1970; …", "… Experience (Harper & Row New York, 1990)vol"."""
    return bool(_UNCLOSED.search(title)) or (bool(crf.publisher) and f"({crf.publisher}" in title)


#: a year opening a text, as the American Anthropological Association prints it before the title ("1976 Title")
_YEAR_FIRST = re.compile(rf"({F.YEAR})[a-z]?\.?\s+")


def year_opens(mine: str, theirs: str, year: str, raw: str) -> bool:
    """The rules' title is the reference's year, printed nowhere else, and then the CRF's title, whole, cut short or run
    on past it: AAA's "Anderson, Robert C. 1976 Directions of a Town. …" read with the title "1976 Directions of a Town",
    IOP's "Doe J 1998 Herons of the Coast Bird Studies 12 3–9" with the title run on over the journal (a title that
    opens with a year, "2016 Human Rights Report", is printed beside the date)."""
    m = _YEAR_FIRST.match(theirs)
    if m is None or not mine or m.group(1) != year or raw.count(year) != 1:
        return False
    rest, head = norm(theirs[m.end():]), norm(mine)
    return bool(rest) and (rest.startswith(head) or head.startswith(rest))


def volume_opens(mine: str, theirs: str, volume: str) -> bool:
    """The rules' title is the CRF's volume and then the CRF's title: APSA's "…, eds. 2015. 8606 Central European …",
    whose number the CRF read as the book's volume (``relabel_opening_editors.volume_opening_title``)."""
    return bool(mine and volume) and norm(theirs) == norm(f"{volume} {mine}")


#: a word a list of names holds beside the names: a connective, "others", a label's "u. a." ("und andere")
_LIST_WORDS = AND | {"others", "al", "u", "a"}
#: a dash or slash printed alone between names, or between the names and the title
_DASHES = frozenset("-–—/")


def names_before(crf: ParsedReference, rules: ParsedReference) -> bool:
    """The rules' title opens with words of the CRF's names (initials, connectives and the year among them) closed by a
    comma, or by a spaced dash after names the rules read too ("Tidewater - the remake" is a title), and goes on with the
    CRF's title (whole, cut short or run on): NP 405's "DOE, Jane; ROE, Rita - Title." read with the title "Rita -
    Title", a label printed before the names ("Doe u. a. 2012 J. Doe – R. Roe, Title, Journal 9") and Italian "J. Doe e
    R. Roe, Title, in «Journal»" read whole as the title; neither their names nor their title is taken."""
    head, words = norm(crf.title), rules.title.split()
    known = {norm(w) for p in (*crf.authors, *crf.editors) for w in f"{p.prefix} {p.family} {p.given}".split()} - {""}
    year = crf.year or rules.year
    if not head or not known:
        return False
    named = False
    tails: list[int] = []  # where each word's normalised letters start in ``whole``, once a tail is asked for
    whole = ""
    for at, word in enumerate(words[:-1]):
        w = norm(word)
        if w in known:
            named = True
        elif w and w != year and len(w) > 2 and word.casefold().strip(".,;") not in _LIST_WORDS:
            return False  # a word of no name: the names end here, if they were any
        if named and (word.endswith(",") or (word in _DASHES and (rules.authors or rules.editors))):
            if not tails:
                # norm(" ".join(words[k:])) is a tail of all the words normalised (norm keeps no space, and one word's
                # letters never merge with the next's): a slice of one string, not each tail joined and normalised
                # again (quadratic in a list of thousands of names)
                normed = [norm(x) for x in words]
                whole = "".join(normed)
                tails = list(itertools.accumulate(map(len, normed), initial=0))
            rest = tails[at + 1]
            if rest < len(whole) and (whole.startswith(head, rest)
                                      or (len(whole) - rest <= len(head) and head.startswith(whole[rest:]))):
                return True
    return False


def container_run_on(mine: str, theirs: str, crf: ParsedReference) -> bool:
    """The rules' title is the CRF's, then the CRF's container (quoted or not) and then its year, volume or first page:
    the rules ran the title on over the journal and the numbers after it (Polish "Title, „Journal” 2013, t. 4, s. 1-9",
    IOP's "Title Journal 43 6–13"). A container the title runs into with nothing after it may be the title's end (see
    ``combine``): that stays the rules'."""
    head, whole, container = norm(mine), norm(theirs), norm(crf.container)
    if not head or not container or not whole.startswith(head + container):
        return False
    after = whole[len(head) + len(container):]
    first_page = re.match(r"\w*", crf.pages)
    numbers = (crf.year, crf.volume, crf.issue, first_page.group() if first_page else "")
    return bool(after) and any(x and after.startswith(norm(x)) for x in numbers)


#: a span of years closing a title after a comma ("…, 1900–1931")
_YEAR_SPAN_END = re.compile(rf",\s*({F.YEAR})\s*[–-]\s*({F.YEAR})\W*$")


def year_span_cut(mine: str, theirs: str, year: str) -> bool:
    """The CRF's title is the rules' and then a comma and a span of years without the reference's year: the period a
    title names ("Harbours of the North, 1850–1914, 2001."), which the rules cut off as a date."""
    m = _YEAR_SPAN_END.search(mine)
    return m is not None and bool(theirs) and year not in m.groups() and norm(mine[:m.start()]) == norm(theirs)


def quoted_itself(title: str) -> bool:
    """``title`` (the CRF's) opens with a quote and ends with its closer (a stop or a comma aside): IEEE's "A. Author,
    ``Title,'' Conf. Rec. …" read with the quotes, which say where the title ends."""
    title = title.rstrip(".,;:")
    return any(title.startswith(o) and title.endswith(c) and len(title) > len(o) + len(c)
               for o, c in F.QUOTE_CLOSER.items())


def title_as_publisher(crf: ParsedReference, rules: ParsedReference, title: str) -> bool:
    """The rules read the CRF's title, or its words after where their ``title`` stops, as their publisher, where the CRF
    read a container or a publisher of its own, or their title inside the CRF's names: their reading is shifted by one
    field ("Doe, J. Title. A Subtitle. Journal 3" read with the title "Title" and the publisher "A Subtitle"; a body's
    name read as the title and the title as the publisher). A title run on over the publisher, the CRF reading neither a
    container nor a publisher ("Physical Geodesy. Springer, 2005"), is the rules' to cut."""
    mine, theirs, publisher = norm(crf.title), norm(title), norm(rules.publisher)
    cut = bool(theirs) and mine.startswith(theirs)
    rest = mine[len(theirs):] if cut else mine
    if not rest or not publisher or rest not in publisher:
        return False
    if cut:
        return bool(crf.container) or (bool(crf.publisher) and norm(crf.publisher) not in publisher)
    return bool(theirs) and theirs in norm(" ".join(f"{p.family} {p.given}" for p in crf.authors or crf.editors))


def edition_run_on(crf: ParsedReference, title: str) -> bool:
    """The rules' title is the CRF's and then the edition the CRF read after it: "Title., Second edition. Publisher",
    "Title, 1., Publisher" (a .bib's bare edition number printed after the title), or the edition's first words up to
    its word's stop ("Title, 5., neu bearb. Aufl., Müller": the rules' title ends at "bearb."); the CRF's title is
    kept."""
    mine, theirs, edition = norm(crf.title), norm(title), norm(crf.edition)
    if not (mine and edition and theirs.startswith(mine)):
        return False
    rest = theirs[len(mine):]
    return rest == edition or any(rest == edition + norm(w) for w in EDITION_WORDS) or (
        bool(rest) and rest[:1].isdigit() and edition.startswith(rest))


#: what follows a title's first sentence before its subtitle: the full stop (none after a question or exclamation
#: mark, which is its own), a space, and a word or an opening quote
_SUBTITLE_STOP = re.compile(rf"\.?\s+(?=[^\W\d_]|[{re.escape(QUOTATION_OPENERS)}])")
#: the marks that close those quotes (a title's first sentence may end with one)
_SUBTITLE_CLOSERS = "".join(quote_pairs(QUOTATION_OPENERS).values())


def subtitle_cut(crf: ParsedReference, title: str) -> bool:
    """The rules' ``title`` is the CRF's first sentence, and the CRF read on over a subtitle of two words or more
    printed after a full stop and read a container or a publisher after it: books whose title and subtitle a style (or
    the .bib's title itself) joins with a stop ("Praxisbuch Transkription. Regelsysteme, Software und …. Böhlau"),
    cut by the rules where the first sentence ends. A stop after a digit or a single letter (a date's day, an
    initial) ends no sentence of the CRF's; a CRF title that runs on into a word of the container with no stop or comma
    before it ("Title. Monthly Notices of the Royal | Astronomical Society 537") is no title's end."""
    mine, head = crf.title, title.rstrip(" .")
    if len(head) < 2 or not mine.startswith(head) or not (crf.container or crf.publisher) \
            or not (head[-1] in "?!" or head[-2:].isalpha() or head[-1] in _SUBTITLE_CLOSERS + ")"):
        return False
    stop = _SUBTITLE_STOP.match(mine, len(head))
    if stop is None or (head[-1] not in "?!" and "." not in stop.group()):
        return False
    rest = mine[stop.end():].split()
    if len(rest) < 2 or norm(" ".join(rest)) == norm(head) or rest[0].casefold().rstrip(":") == "in" \
            or any(w.strip(",.:;").casefold() in JOURNAL | THESIS for w in rest):
        return False  # a journal's or a book's name the CRF ran the title on over ("Title. Annals of the …", "Title.
        # In: Book", "Title. Technical Report TU Wien"), or the book's title printed again after a chapter's
    at = crf.raw.find(mine)
    return at >= 0 and bool(_TITLE_CLOSED.match(crf.raw, at + len(mine)))


#: what closes a title in the string: its punctuation (after a closing quote), not the next word of a name run on,
#: nor a colon (a subtitle of the container's follows it)
_TITLE_CLOSED = re.compile(r"[”“»\"’']?(?:[.,;?!]|\s*$|\s+\()")


#: a description in square brackets closing a title, a few capitalised words with no digit ("[SSRN Scholarly Paper]")
_DESCRIPTION_CLOSING = re.compile(r"\s+\[[A-Z][^\[\]\d]*\]\W*$")


def description_after(mine: str, theirs: str) -> bool:
    """The rules' title is the CRF's and then a description in brackets: APA's "Title [Text]. Retrieved from …", whose
    kind of work the CRF read apart (a genre's or a note's words); it is no part of the title."""
    m = _DESCRIPTION_CLOSING.search(theirs)
    return m is not None and bool(mine) and len(m.group().split()) <= 6 and norm(theirs[:m.start()]) == norm(mine)
