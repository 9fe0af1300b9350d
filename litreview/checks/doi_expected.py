"""LR137 doi-probably-exists: an entry without a DOI whose URL, publisher or kind says it has one; not an article
of the press, of a magazine's issue, of a journal named in another script than Latin (a generic guess there), or
one that says it is not published yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..bibliography.csl_item import PRESS
from ..bibliography.refparse.lexicon import JOURNAL
from ..doi import bare_doi, doi_problem, entry_doi
from ..doi import books_doi as is_books_doi
from ..lazyre import lazy
from ..model import Finding, Source
from ..registry.ids import arxiv_id
from ..text import fold_words, latin_script
from .bib import UNPUBLISHED, entry_finding, folded, plain
from .duplicates import is_preprint
from .hints import csl_form, own_name

# Publishers that register DOIs for (nearly) all their books and chapters.
_DOI_PUBLISHERS = (
    "cambridge university press", "oxford university press", "routledge", "taylor & francis",
    "taylor and francis", "palgrave", "springer", "wiley", "blackwell", "sage", "elsevier", "brill",
    "de gruyter", "edward elgar", "bloomsbury", "mit press", "university of california press",
    "rand", "ieee", "acm",
)
_DOI_PUBLISHER_WORDS = tuple(f" {fold_words(name)} " for name in _DOI_PUBLISHERS)
_DOI_HOSTS = (
    "doi.org", "tandfonline.com", "link.springer.com", "onlinelibrary.wiley.com", "journals.sagepub.com",
    "sciencedirect.com", "cambridge.org", "academic.oup.com", "jstor.org", "ieeexplore.ieee.org",
    "dl.acm.org", "nature.com", "science.org", "pnas.org", "plos.org", "mdpi.com", "frontiersin.org",
    "degruyter.com", "brill.com", "emerald.com", "journals.uchicago.edu", "annualreviews.org",
)
_DOI_TYPES = frozenset({"article", "book", "mvbook", "incollection", "inbook", "inproceedings",
                        "techreport", "report"})


_PRESS = frozenset(PRESS.values())
"""biblatex's entrysubtype of an article in the press (CSL's article-newspaper, article-magazine), which has no DOI."""


# A scholarly periodical's words (journal, review, Zeitschrift, acta, ...), not the press's.
_SCHOLARLY_WORDS = JOURNAL - {"magazine", "newsletter", "gazette", "digest", "forum"}


def _magazine_issue(source: Source) -> bool:
    """Whether an article is in an issue numbered without a volume, in a periodical whose name holds no journal
    word ("Media Perspektiven" 1/2012, "message" 1/2009, "Der Spiegel" 12/2011): the numbering of a magazine, whose
    articles have no DOI. A journal numbers its volumes; one that numbers issues only is named as a journal
    ("Revista de la CEPAL" 78), and is still expected to have one."""
    fields = source.fields
    if fields.get("volume") or not (fields.get("number") or fields.get("issue")) or not source.container.strip():
        return False  # (no periodical named: nothing says it is a magazine)
    if not latin_script(source.container):
        return False  # the journal words are those of Latin-script languages: a name in another script is unread
    return not _SCHOLARLY_WORDS.intersection(fold_words(source.container).split())


_NO_DOI_JOURNAL = lazy(r"(?i)\bj(?:ournal)?\.?\s*(?:of\s+)?mach(?:ine)?\.?\s*learn(?:ing)?\.?\s*res(?:earch)?\b|"
                       r"\btransactions\s+on\s+machine\s+learning\s+research\b")
"""Journals that register no DOIs for their articles: JMLR ("J. Mach. Learn. Res.") and TMLR."""
_WITH_NUMBER = lazy(r"[,;]\s*(?:ISBN|ISSN)\b")
"""Where a publisher field goes on with the book's number, which is no part of the house's name."""


def doi_expected(source: Source) -> str:
    """Why the entry probably has a DOI it does not give ('' when nothing suggests one)."""
    if plain(source.fields.get("doi", "")) or source.type not in _DOI_TYPES:
        return ""
    try:
        host = (urlsplit(source.url).hostname or "").lower() if source.url else ""
    except ValueError:  # a malformed URL ('[' ...) is LR123's finding, not a crash here
        host = ""
    if host.removeprefix("dx.").removeprefix("www.") == "doi.org":
        linked = entry_doi("", source.url)  # (the loader gives a chapter no DOI from its book's link)
        if books_doi(source, linked):
            return (f"its URL is the DOI link of the book it is in ({bare_doi(linked)}: its suffix is the book's ISBN), "
                    f"not the {_part(source)}'s own")
        mark = f" (its final {source.url[-1]!r} is the sentence's)" if source.doi and source.url[-1] in ".,;:" else ""
        return f"its URL is a DOI link{mark}; put the DOI in the {own_name('doi', source)} field"
    if host and any(host == h or host.endswith("." + h) for h in _DOI_HOSTS):
        return f"its URL is on {host}, whose works have DOIs"
    publisher = f" {folded(source.publisher)} " if source.publisher and (source.year or 0) >= 1995 else ""
    for name, words in zip(_DOI_PUBLISHERS, _DOI_PUBLISHER_WORDS, strict=True) if publisher else ():
        if words in publisher:
            noun = ("reports" if "report" in source.type else "articles" if source.type == "article"
                    else "chapters" if source.type.startswith("in") else "books")
            if name == "wiley" and noun == "books" and _wiley_without_doi(source):
                return ""
            # The house as the field writes it, without the place, imprint or ISBN beside it ("Oxford university press
            # New York", "Springer Fachmedien Wiesbaden and Imprint Springer Gabler", "..., ISBN: 0521540518").
            written = re.search(r"\b" + r"\W+".join(map(re.escape, name.split())) + r"\b", plain(source.publisher),
                                re.IGNORECASE)
            house = written.group() if written else _WITH_NUMBER.split(source.publisher)[0]
            if name == "wiley" and noun in ("books", "chapters"):  # its trade books and textbooks have none
                return f"{house} registers DOIs for most of its {noun} (those on Wiley Online Library)"
            return f"{house} registers DOIs for its {noun}"
    # The generic reason is Crossref's world: a journal named in another script (China's, Russia's) is often
    # registered nowhere, or with an agency of its own, and "almost all have one" is not so there. An article in no
    # journal and nothing of one (a handout, a data sheet typed @article: LR110's) is told nothing of journals; one with
    # its journal's volume and pages, the journal's name left out, is.
    if source.type == "article" and (source.year or 0) >= 2000 and not source.url and not _not_yet_published(source) \
            and not _magazine_issue(source) and latin_script(source.container or source.title) \
            and (source.container.strip() or is_preprint(source) or _numbered(source)) \
            and not _NO_DOI_JOURNAL.search(plain(source.container)) \
            and not _PRESS.intersection(plain(source.fields.get("entrysubtype", "")).lower().split()):
        return _preprint_reason(source) if is_preprint(source) else \
            "journal articles published since 2000 almost all have one"
    return ""


def _numbered(source: Source) -> bool:
    """Whether the entry gives a volume, issue or pages: an article of a journal, whose name may be left out."""
    return any(plain(source.fields.get(name, "")) for name in ("volume", "number", "issue", "pages"))


_ORDINALS = ("fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth")
_LATE_EDITION = lazy(rf"(?i)\b(?:[4-9]|[1-9][0-9])(?:st|nd|rd|th)?\.?(?:\s*(?:ed\b\.?|edition))?|"
                     rf"\b(?:{'|'.join(_ORDINALS)})\b(?:\s*(?:ed\b\.?|edition))?")
"""A fourth edition or later ("9", "4th ed.", "Fourth edition"): a textbook's, as Wiley's are numbered."""
_WILEY_TRADE = lazy(r"(?i)\bwiley publishing\b|\bsybex\b|\bwrox\b|\bfor dummies\b")
"""Wiley's trade imprint (Wiley Publishing: For Dummies, Sybex's study guides, Wrox), whose books have no DOI."""


def _wiley_without_doi(source: Source) -> bool:
    """Whether a Wiley book is of the kinds Wiley Online Library does not hold (no DOI): a trade book (For Dummies,
    Sybex, Wrox) or a textbook in its fourth edition or later (Operating System Concepts 9e, Pozar's Microwave
    Engineering 4e); its professional and reference books, in the library, have DOIs."""
    fields = source.fields
    if _WILEY_TRADE.search(f"{plain(source.publisher)} {plain(source.title)} {plain(fields.get('series', ''))}"):
        return True
    edition = plain(fields.get("edition", ""))
    if edition and _LATE_EDITION.fullmatch(edition.strip()):
        return True
    return any(m.group().lower().endswith("edition") for m in _LATE_EDITION.finditer(plain(source.publisher)))


def _preprint_reason(source: Source) -> str:
    """Why a preprint (an article in arXiv e-prints, bioRxiv...) probably has a DOI: it is no journal article."""
    fields = source.fields
    ident = ""
    if "arxiv" in fold_words(f"{source.container} {fields.get('archiveprefix', '')} {fields.get('eprinttype', '')}"):
        # the eprint field's id, else the one Google Scholar writes in the journal ("arXiv preprint arXiv:1909.01940")
        ident = arxiv_id(plain(fields.get("eprint", ""))) or arxiv_id((plain(source.container).split() or [""])[-1])
    if ident:  # arXiv registers a DOI with DataCite for each of its preprints, without the version
        return f"arXiv registers one for each preprint (10.48550/arXiv.{re.sub(r'v[0-9]+$', '', ident)})"
    return "preprint servers register DOIs for most preprints"


def _not_yet_published(source: Source) -> bool:
    """Whether the entry says the article is not published yet ("To be submitted to MNRAS", pubstate =
    {submitted}, note = {in preparation}): it has no DOI to give."""
    fields = source.fields
    return any(UNPUBLISHED.search(plain(fields.get(name, ""))) for name in ("journal", "journaltitle", "note",
                                                                             "pubstate", "year"))


def books_doi(source: Source, doi: str) -> bool:
    """Whether ``doi`` is the DOI of the book a chapter (or a paper in proceedings) is in, not its own
    (:func:`litreview.doi.books_doi`). A URL that links it is no DOI to offer the chapter."""
    return is_books_doi(source.type, doi)


def _part(source: Source) -> str:
    return "paper" if source.type == "inproceedings" else "chapter"


def check_doi_expected(source: Source) -> Iterable[Finding]:
    """LR137 for an entry without a DOI whose publisher, journal or URL suggests one exists."""
    why = doi_expected(source)
    if why:  # a DOI link in the url field is the entry's DOI (litreview.doi.entry_doi): the fix is known
        # (sync --write edits BibTeX alone: a CSL file's item, or a front matter's, is corrected by hand)
        fix = f"write doi = {{{bare_doi(source.doi)}}}{'' if csl_form(source) else ' (sync --write adds it)'}" \
            if source.doi else ""
        linked = entry_doi("", source.url)
        if not source.doi and books_doi(source, linked):
            fix = f"find the {_part(source)}'s own DOI on the book's page (https://doi.org/{bare_doi(linked)})"
        elif not fix and source.key.startswith("10.") and not doi_problem(source.key):
            fix = (f"its key is its DOI, as JSTOR exports it: write {own_name('doi', source)} = {{{source.key}}}"
                   if not csl_form(source) else f"its id is its DOI: write \"{own_name('doi', source)}\": "
                   f"\"{source.key}\"")
        yield entry_finding("LR137", source, f"no DOI, but {why}", fix)
