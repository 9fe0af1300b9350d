"""The one DOI grammar: find, normalise and validate DOIs, and encode them for URLs and file names.

Every stage asks this module (the checks, ``add``, the registries, the importer, the site), so a
DOI gets one answer everywhere. Pure string functions; no network. Patterns follow Crossref's
recommended regular expressions (the main one plus the four that catch legacy DOIs) and one more
for pre-2008 SICI DOIs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, unquote

from .lazyre import lazy

try:  # the built-in sha256 loads in a tenth of the time of hashlib's OpenSSL binding
    from _sha256 import sha256
except ImportError:  # renamed in later Pythons
    from hashlib import sha256

# Crossref's recommended pattern catches ~99.3% of DOIs; the others catch legacy ones
# (early Wiley DOIs may contain any non-space character, including '<', '>' and '#').
# The last one admits the other characters of pre-2008 SICI DOIs, such as ESA's
# 10.1890/0012-9615(1999)069[0569:EDILSA]2.0.CO;2, which Crossref's five leave out.
_PREFIX = r"10\.(?:\d{4,9}(?:\.\d{1,9}){0,3}|\d{3}(?:\.\d{1,9}){1,3})"
"""A DOI's prefix: the directory indicator and a registrant code of 4 to 9 digits (Crossref's pattern), which the DOI
Handbook (2.2.2) lets a registrant divide at full stops: ``10.1000.10``, and the ISBN-A prefixes ``10.978.8898392``.
Bounded (up to three divisions of up to nine digits), so that a run of "10.10000.10000…" costs time linear in it."""
_PATTERNS = (
    lazy(rf"{_PREFIX}/[-._;()/:A-Z0-9]+", re.I),
    lazy(r"10\.1002/\S+", re.I),
    lazy(r"10\.\d{4}/\d+-\d+X?(\d+)\d+<[\d\w]+:[\d\w]*>\d+\.\d+\.\w+;\d", re.I),
    lazy(r"10\.1021/\w\w\d+", re.I),
    lazy(r"10\.1207/[\w\d]+&\d+_\d+", re.I),
    lazy(rf"{_PREFIX}/[-._;()/:A-Z0-9\[\]<>#+]+", re.I),
)
# A resolver link or a label before the DOI: doi.org and its forms, the Handle proxy, and the resolvers ACM
# and the IEEE Computer Society ran (old exports still hold http://doi.acm.org/10.1145/...), a resolver's host
# also written without its scheme ("doi.ieeecomputersociety.org/10.1109/MC.2012.76").
_PREFIXES = lazy(
    r"^(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|https?://hdl\.handle\.net/|"
    r"(?:https?://)?doi\.(?:acm\.org|ieeecomputersociety\.org)/|doi:\s*|doi\s+|info:doi/)",
    re.I,
)
_DOI_LINK = lazy(r"https?://(?:dx\.|www\.)?doi\.org/10\.", re.I)
DOI_START = rf"{_PREFIX}/"
"""The start of every DOI (directory indicator, registrant code, slash), for patterns that look for one."""
_SHORT = r"10/[a-z0-9]{3,12}"
"""The shortDOI grammar (``10/bqhp9z``)."""
SHORT_DOI = lazy(rf"<?(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*)({_SHORT})\b", re.IGNORECASE)
"""A shortDOI (``doi:10/bqhp9z``): counted only behind "doi:" or a resolver, where nothing else can be meant."""
_SHORT_FORM = lazy(_SHORT, re.IGNORECASE)
"""A shortDOI written alone, as a doi field holds it."""


def is_short_doi(doi: str) -> bool:
    """Whether a normalised DOI is a shortDOI (``10/bqhp9z``), which https://doi.org/ resolves to the DOI."""
    return _SHORT_FORM.fullmatch(doi) is not None


_CITESEER_ID = lazy(r"10\.1\.1\.\d+\.\d+")


def is_citeseer_id(doi: str) -> bool:
    """Whether a normalised DOI is CiteSeerX's document id ("10.1.1.87.5230"), which Mendeley and BibDesk export as a
    DOI: it looks like one but has no slash, and no registry knows it."""
    return _CITESEER_ID.fullmatch(doi) is not None


_ALWAYS_BAD = lazy(r"[\s\x00-\x1f\x7f]")
# A DOI in running text: optionally behind a resolver link or a "doi:" label; "<...>" around it is dropped.
_IN_TEXT = lazy(
    r"<?(?:https?://(?:dx\.|www\.)?doi\.org/|https?://hdl\.handle\.net/|\bdoi:\s*|\bDOI:?\s*)?"
    rf"({DOI_START}[^\s\"“”]+)",
    re.IGNORECASE,
)
# Characters a DOI may end with that are almost always the sentence's punctuation.
_TRAILING = ".,;:"
# BibTeX exports escape _ (and rarely % # &) in DOIs for styles that print the field as text: DBLP and Zotero
# write \_, Mendeley {\_} and a SICI DOI's < > as {\textless} {\textgreater}, JabRef $<$ $>$. The DOI is the
# unescaped one, and biber, which reads doi verbatim, would put the backslash in the link. An export that escapes an
# escaped DOI again writes the backslash as \textbackslash{} (or $\backslash$) before it: "4\textbackslash{}\_34" is 4_34.
_LATEX_ESCAPE = lazy(r"(?:\{\\textbackslash\}|\\textbackslash(?:\{\})?|\$\\backslash\$)?"
                     r"(?:\{\\([_%#&])\}|\\([_%#&])|\{\\text(less|greater|underscore)\}|\\text(less|greater|underscore)"
                     r"(?:\{\}|\b)|\$([<>])\$)")
_LATEX_WORDS = {"less": "<", "greater": ">", "underscore": "_"}
# Keep snapshot file names well under common 255-byte limits.
_MAX_NAME = 150
_MEMO = 1 << 16
"""DOIs whose reading ``bare_doi`` and ``doi_problem`` keep: loading, resolving and checking an entry read its
DOI about four times, and a bibliography of tens of thousands of entries has as many DOIs."""


@lru_cache(maxsize=_MEMO)
def bare_doi(value: str) -> str:
    """The DOI as written, without a resolver link or label: case kept, for display.

    ``doi:10.1080/X``, ``https://doi.org/10.1080/X`` and ``https://hdl.handle.net/10.1080/X`` all
    give ``10.1080/X``. URL forms are percent-decoded (``%23`` is ``#`` again), LaTeX escapes dropped
    (``\\_`` is ``_``).
    """
    # Escapes first: a Mendeley DOI may end with one ("...2-{\\#}"), whose brace is not the field's.
    text = _LATEX_ESCAPE.sub(_unescaped, value or "").strip().strip("{}").strip()
    match = _PREFIXES.match(text)
    if match:
        rest = text[match.end():]
        if "/" in match.group(0) and not match.group(0).lower().startswith("info:"):  # a link, with a scheme or not
            # And after decoding: a link made from an escaped DOI holds its escape percent-encoded ("%24%3C%24").
            rest = _LATEX_ESCAPE.sub(_unescaped, unquote(rest))
        text = rest
    return text.strip()


def _unescaped(m: re.Match[str]) -> str:
    char = m.group(1) or m.group(2) or m.group(5)
    return char or _LATEX_WORDS[m.group(3) or m.group(4)]


def latex_escaped(value: str) -> bool:
    """True when the DOI is written with LaTeX escapes (``10.1007/978-3-642-1\\_6``, as DBLP exports it)."""
    return bool(_LATEX_ESCAPE.search(value or ""))


_ENCODED = lazy(r"%[0-9A-Fa-f]{2}")


def percent_decoded(value: str) -> str:
    """The DOI a bare DOI written percent-encoded stands for (``10.1007%2Fs1`` is ``10.1007/s1``, ``%3C`` is
    ``<``), or '' when it is not so written. The registries are asked for a DOI as written, and no DOI holds
    ``%3C``: the code is a link's, copied with the DOI."""
    doi = bare_doi(value)
    if not _ENCODED.search(doi):
        return ""
    decoded = unquote(doi)
    return decoded if decoded != doi and not doi_problem(decoded) else ""


def normalize_doi(value: str) -> str:
    """The DOI in canonical form: :func:`bare_doi` in lower case (DOIs ignore case; the cache key)."""
    return bare_doi(value).lower()


def has_prefix(value: str) -> bool:
    """True when the DOI is written as a link or with a ``doi:`` label rather than bare."""
    return bool(_PREFIXES.match((value or "").strip().strip("{}").strip()))


def is_valid_doi(value: str) -> bool:
    """True when the (normalised) DOI matches one of Crossref's recommended patterns."""
    return not doi_problem(value)


@lru_cache(maxsize=_MEMO)
def doi_problem(value: str) -> str:
    """Why a DOI is malformed, as a predicate ("contains white space"); '' when it is well formed.

    The caller names the DOI as the user wrote it ("DOI '10.1/x y' contains ..."): the reason does not repeat it.
    """
    doi = normalize_doi(value)
    if not doi:
        return "is empty"
    if _ALWAYS_BAD.search(doi):
        return "contains white space or control characters"
    if is_short_doi(doi):
        return "is a shortDOI (an alias doi.org redirects), which the registries do not know"
    if not doi.startswith("10."):
        return "does not start with the directory indicator '10.'"
    if is_citeseer_id(doi):
        return "is a CiteSeerX document id, which no registry knows as a DOI"
    if "/" not in doi:
        return "has no '/' between prefix and suffix"
    if doi[-1] in _TRAILING:
        return (f"ends with {doi[-1]!r}, which is almost always the sentence's punctuation "
                "(remove it)")
    prefix, suffix = doi.split("/", 1)
    if not suffix.strip():
        return "has no suffix: nothing follows the '/' after the prefix (copy the whole DOI)"
    if not any(p.fullmatch(doi) for p in _PATTERNS):
        bad = sorted({c for c in suffix if not (c.isascii() and (c.isalnum() or c in "-._;()/:"))})
        if not bad:
            return (f"does not match Crossref's DOI pattern: its prefix {prefix!r} is not '10.' and 4 to 9 digits "
                    "(or a registrant code divided at full stops, '10.1000.10')")
        shown = " ".join(repr(c) for c in bad[:5])
        return f"does not match Crossref's DOI pattern (unexpected characters: {shown})"
    return ""


def several_dois(value: str) -> list[str]:
    """The DOIs of a field that lists several, divided by commas, semicolons or white space ("10.1/a, 10.1/b", as
    INSPIRE-HEP exports a paper and its erratum), each well formed; [] when the field holds one DOI or anything else."""
    parts = [p for p in re.split(r"[,;\s]+", (value or "").strip().strip("{}")) if p]
    return [bare_doi(p) for p in parts] if len(parts) > 1 and not any(doi_problem(p) for p in parts) else []


def trailing_punctuation(value: str) -> str:
    """The punctuation a DOI ends with that probably belongs to the sentence, or ''."""
    doi = normalize_doi(value)
    return doi[-1] if doi and doi[-1] in _TRAILING else ""


def books_doi(kind: str, doi: str) -> bool:
    """Whether ``doi`` is the DOI of the book an entry of type ``kind`` (a chapter, a paper in proceedings) is in,
    not its own: its suffix is an ISBN ("10.1007/978-3-531-90724-6"; the chapter's is "10.1007/978-3-531-90724-6_5")."""
    if not kind.startswith("in"):
        return False
    from .registry.ids import isbn13  # the ISBN rule, read only for a chapter or a paper in proceedings

    return bool(isbn13(bare_doi(doi).rsplit("/", 1)[-1]))


def entry_doi(doi_field: str, url_field: str = "", kind: str = "") -> str:
    """The DOI an entry gives, as written: its doi field, else the DOI of a doi.org link in its url field.

    A final ``.``, ``,``, ``;`` or ``:`` copied from a sentence ("10.1000/xyz.") is dropped when what is
    left is a DOI: the registries are asked, and the site links, without it (check says so: LR121, LR137).
    Given the entry's type, a URL that links the DOI of the book a chapter is in is no DOI of the chapter's
    (:func:`books_doi`): fetch would look up the book's record for it; LR137 names it.
    """
    value = (doi_field or "").strip()
    if not value and _DOI_LINK.match((url_field or "").strip()):
        value = bare_doi(url_field)
        if books_doi(kind, value):
            return ""
    if trailing_punctuation(value) and not doi_problem(value[:-1]):
        return value[:-1]
    return value if doi_field.strip() or not doi_problem(value) else ""


def doi_url(value: str | None, resolver: str = "https://doi.org") -> str | None:
    """The resolver link for a DOI (case kept), or None when it is malformed; doi.org resolves a shortDOI too."""
    doi = bare_doi(value or "")
    if not doi or (doi_problem(doi) and not is_short_doi(doi.lower())):
        return None
    return f"{resolver.rstrip('/')}/{quote(doi, safe='/:;()._-')}"


def trim_identifier(value: str) -> str:
    """An identifier found in text without the sentence's closing punctuation; balanced brackets stay."""
    while True:
        trimmed = value.rstrip(".,;:'’\"”]}")
        for close, open_ in ((")", "("), (">", "<")):
            if trimmed.endswith(close) and trimmed.count(open_) < trimmed.count(close):
                trimmed = trimmed[:-1]
        if trimmed == value:
            return value
        value = trimmed


def find_doi(text: str) -> tuple[str, int, int] | None:
    """The first DOI in running text as (DOI as written, start, end of what to cut), or None.

    The span covers the link or label in front of the DOI (a resolver printed twice too, "https://doi.org/https://
    doi.org/10.…", as a style prints a doi field that holds a link) and a closing ``>`` of ``<https://doi.org/...>``;
    the sentence's punctuation after it is not part of the DOI.
    """
    if "10." not in text:  # every DOI starts so: skip the slow search of a string without one
        return None
    m = _IN_TEXT.search(text)
    if not m:
        return None
    doi = trim_identifier(m.group(1))
    end = m.start(1) + len(doi)
    if text[m.start():m.start() + 1] == "<" and text[end:end + 1] == ">":
        end += 1
    start = m.start()
    if start and m.start(1) > start and not text[start - 1].isspace():
        word = text[:start].rsplit(None, 1)[-1]
        if (twice := _PREFIXES.match(word)) is not None and twice.end() == len(word):
            start -= len(word)
    return doi, start, end


def inside_address(text: str, start: int) -> bool:
    """Whether the DOI :func:`find_doi` found at ``start`` of ``text`` is part of a web address that is no DOI link: a
    publisher's page ("https://www.frontiersin.org/articles/10.3389/fpsyg.2015.00728", "http://onlinelibrary.wiley.com/
    doi/10.1002/…"), whose address is the work's URL as printed; a DOI may be read from it, but not cut out of it."""
    if start == 0 or text[start - 1].isspace():
        return False
    word = text[:start].rsplit(None, 1)[-1].lstrip("<([")
    return "/" in word and _PREFIXES.match(word) is None  # "doi.org/" with no scheme is a DOI link


def doi_prefix(doi: str) -> str:
    """The registrant prefix: ``10.1080`` for ``10.1080/09636410500323187``."""
    return normalize_doi(doi).split("/", 1)[0]


def doi_path(doi: str) -> str:
    """The DOI percent-encoded as one URL path segment.

    Every reserved character is encoded, including '/', '#', '?', '<', '>', ';' and
    '%' itself, so SICI DOIs and DOIs ending in '#' reach the registry intact and no
    DOI can form '..' path segments. Crossref and doi.org accept the encoded '/'.
    """
    return quote(normalize_doi(doi), safe="")


def snapshot_name(doi: str) -> str:
    """A safe file name (no folder part) for the DOI's snapshot record.

    The percent-encoded DOI keeps names readable and is injective (two DOIs never share a
    file); it contains only ``A-Za-z0-9_.-~%``, so it cannot name another folder. Very
    long DOIs are shortened and made unique with a hash of the whole DOI.
    """
    encoded = quote(normalize_doi(doi), safe="")
    # quote() never writes "%2E" or a lone "%", so these stay injective and never hidden.
    encoded = "%2E" + encoded[1:] if encoded.startswith(".") else (encoded or "%")
    if len(encoded) > _MAX_NAME:
        digest = sha256(normalize_doi(doi).encode("utf-8")).hexdigest()[:16]
        encoded = f"{encoded[:_MAX_NAME - 17]}~{digest}"
    return f"{encoded}.json"


def hashed_name(text: str) -> str:
    """A safe file name for a URL or a search query: the SHA-256 of the text."""
    return sha256(text.encode("utf-8")).hexdigest()[:32] + ".json"
