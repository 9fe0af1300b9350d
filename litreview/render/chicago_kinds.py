"""What kind of work a Chicago reference prints an entry as (``citation``): the entry types and CSL types whose
title is in italics, that sit in a container, that are numbered, preprints, press articles, software, web pages."""

from __future__ import annotations

from ..bibliography.csl import csl_form_of
from ..bibliography.csl_item import CSL_ITEM_TYPES, PRESS
from ..model import Source
from .pandoc_fields import WEB_TYPES as _WEB_TYPES

# Types whose title is set in italics; the others get quotation marks (a data set among them; pandoc's biblatex reader
# prints the custom types, sets and the misspelt "masterthesis" as a generic work, in italics).
_ITALIC_TYPES = frozenset({"book", "mvbook", "booklet", "manual", "proceedings", "collection",
                           "techreport", "report", "periodical", "reference", "mvreference",
                           "software", "movie", "video", "audio", "music", "artwork", "image",
                           "commentary", "set", "masterthesis", "customa", "customb", "customc", "customd",
                           "custome", "customf"})
# What pandoc's biblatex reader calls a thesis without a ``type`` field (biblatex's @thesis: nothing)
THESIS = {"phdthesis": "PhD thesis", "mastersthesis": "Master’s thesis", "thesis": ""}


# A conference paper: in a volume with editors a chapter, else printed as an article in its proceedings
PAPER_TYPES = frozenset({"inproceedings", "conference"})
CHAPTER_TYPES = frozenset({"incollection", "inbook", "inproceedings", "conference", "inreference",
                            "bookinbook", "suppbook"})


def italic_title(s: Source, kind: str) -> bool:
    """Whether the title is set in italics, as pandoc prints it: a work of its own (``_ITALIC_TYPES``, not a report
    inside a larger work; an article, a misc entry or a chapter with no container), or a BibTeX entry of a type biblatex does not know ("@webpage",
    "@bachelorsthesis"), which pandoc reads as a generic work."""
    from ..bibliography.load import KNOWN_TYPES

    if contained(s):  # quoted in its container, but an image or a map
        return s.csl_type in _ITALIC_CONTAINED_CSL_TYPES
    if preprint(s) or s.csl_type in ("document", "speech", "interview"):  # CSL's document, as its data set, quoted
        return False
    if s.csl_type in ("post-weblog", "standard") and not s.container:  # a blog post or standard with no container
        return True
    if kind in ("techreport", "report") and in_container(s, kind):  # a report in a container ("“T.” In *arXiv*")
        return False
    if kind in _ITALIC_TYPES or (kind not in KNOWN_TYPES and not csl_form_of(s.file or "")):
        return True
    return not s.container and (kind in ("misc", "article") or (kind in CHAPTER_TYPES and kind not in PAPER_TYPES))


# CSL's types the Chicago styles print "In" their container-title, a sentence of its own after the title ("“Data.” In
# *Repository*. May 3, 2020."), as pandoc prints them; the others in it as an article in its journal or a chapter in its
# book, or beside it as a web page on its site
_CONTAINED_CSL_TYPES = frozenset({"document", "dataset", "manuscript", "personal_communication", "standard",
                                  "software", "article", "speech", "song", "graphic", "map"})
# CSL's types whose container is a sentence of its own with no "In" (a broadcast's programme, a film's series)
EPISODE_CSL_TYPES = frozenset({"broadcast", "motion_picture"})
# CSL's types whose title stays in italics in a container (an image, a map); the others are quoted there
_ITALIC_CONTAINED_CSL_TYPES = frozenset({"graphic", "map"})


def contained(s: Source) -> bool:
    """Whether the entry is a CSL item of a type printed in its container, a sentence of its own
    (``_CONTAINED_CSL_TYPES``, ``EPISODE_CSL_TYPES``; an item of no type, or of one CSL does not define, as pandoc's
    citeproc prints it)."""
    return (s.csl_type in _CONTAINED_CSL_TYPES | EPISODE_CSL_TYPES or s.csl_type not in CSL_ITEM_TYPES) \
        and bool(s.container) and bool(csl_form_of(s.file or ""))


def apart_issue(s: Source) -> str:
    """The issue of a CSL item whose type prints it apart from a number of its own (``_CONTAINED_CSL_TYPES``: a
    document, a data set, a preprint), as the Chicago styles' series part prints it: "no. 2" a sentence after its
    volume ("Vol. 3. no. 2."), after its series where it has one ("Coll, no. 2"); '' for another item, or none."""
    return s.csl_issue if s.csl_type in _CONTAINED_CSL_TYPES else ""


def preprint(s: Source) -> bool:
    """Whether the entry is a preprint or a working paper, CSL's "article" (read as ``misc``): the Chicago styles
    quote its title, print its genre and number ("SSRN Scholarly Paper No. 12"), and without a genre call it a
    preprint before its repository and date ("Preprint, arXiv, May 3, 2020")."""
    return s.csl_type == "article"


def software(s: Source, kind: str) -> bool:
    """Whether the entry is software (a BibTeX @software, a CSL item of type software)."""
    return kind == "software" or s.csl_type == "software"


def press(s: Source) -> bool:
    """Whether the entry is an article in a newspaper or magazine (its biblatex ``entrysubtype``, as pandoc writes a
    CSL article-newspaper or article-magazine: ``PRESS``)."""
    return s.field("entrysubtype").lower() in PRESS.values()


# Types whose ``number`` is their own, printed with their genre after the title ("Memo No. 12."), as pandoc reads
# BibTeX's: a report, and a @misc or @unpublished item (CSL's document and manuscript); a web page's too
_NUMBERED_TYPES = frozenset({"techreport", "report", "misc", "unpublished"})


def numbered(s: Source) -> bool:
    """Whether the entry's number is printed with its genre (``chicago_fields.report_number``): a report's, a document's,
    a CSL data set's ("No. 12", as pandoc prints it), not a preprint's (printed with its genre before: ``format_reference``)."""
    kind = s.type.lower()
    return (kind in _NUMBERED_TYPES or web_page(s, kind) or s.csl_type == "dataset") and bool(s.number) \
        and not preprint(s)


def web_page(s: Source, kind: str) -> bool:
    """Whether the entry is a web page (a BibTeX @online, a CSL webpage), not a blog's post."""
    return (kind in _WEB_TYPES and s.csl_type not in ("post", "post-weblog")) or s.csl_type == "webpage"


def in_container(s: Source, kind: str) -> bool:
    """Whether the entry is a work printed inside a larger one after its title, as pandoc prints it ("“T.” In
    *arXiv*, 1702.02540."): a BibTeX @misc, report or book with a journal (pandoc's container there), a CSL report or book
    with a container-title (Manubot's arXiv preprints, a book in its series)."""
    if csl_form_of(s.file or ""):
        return s.csl_type in ("report", "book") and bool(s.container)
    return kind in ("misc", "techreport", "report", "book") and bool(s.container) \
        and bool(s.field("journal") or s.field("journaltitle"))
