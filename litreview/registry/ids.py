"""Identifiers other than DOIs: syntax, normalisation and where an entry keeps them.

``parse_identifier("isbn:0-262-03384-4")`` gives ``("isbn", "9780262033848")``; schemes
are doi, isbn, arxiv, pmid, pmcid, dblp and openalex. Pure: no network.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from operator import mul

from ..errors import InputError
from ..lazyre import lazy

SCHEMES = ("doi", "isbn", "arxiv", "pmid", "pmcid", "dblp", "openalex")
_ARXIV_NEW = lazy(r"^\d{4}\.\d{4,5}(v\d+)?$")
_ARXIV_OLD = lazy(r"^[a-z][a-z-]*(\.[A-Z]{2})?/\d{7}(v\d+)?$")
_DBLP = lazy(r"^(conf|journals|books|phd|series|reference|tr|persons|homepages)/[\w.-]+/[\w.-]+$")
_PREFIXES = {"isbn": "isbn", "arxiv": "arxiv", "arxiv.org/abs/": "arxiv", "pmid": "pmid", "pubmed": "pmid",
             "pmcid": "pmcid", "pmc": "pmcid", "dblp": "dblp", "openalex": "openalex", "doi": "doi"}


_ISBN_SEPARATORS = lazy(r"[\s-]")
_ISBN10 = lazy(r"\d{9}[\dX]")
_ISBN13 = lazy(r"97[89]\d{10}")


_WEIGHTS10 = range(10, 1, -1)  # the first nine digits' weights of an ISBN-10 (the check digit's is 1)
_WEIGHTS13 = (1, 3) * 6 + (1,)


def isbn13(text: str) -> str:
    """The ISBN-13 of an ISBN-10 or -13 (hyphens and spaces ignored); '' when invalid."""
    digits = _ISBN_SEPARATORS.sub("", text).upper()
    if _ISBN10.fullmatch(digits):
        check = 10 if digits[9] == "X" else int(digits[9])
        if (sum(map(mul, _WEIGHTS10, map(int, digits[:9]))) + check) % 11:
            return ""
        digits = "978" + digits[:9]
        return digits + str((10 - sum(map(mul, _WEIGHTS13, map(int, digits))) % 10) % 10)
    if _ISBN13.fullmatch(digits):
        if sum(map(mul, _WEIGHTS13, map(int, digits))) % 10:
            return ""
        return digits
    return ""


def arxiv_id(text: str) -> str:
    """A bare arXiv id (``1605.08386``, ``astro-ph/0601001``, versions kept); '' when not one."""
    value = text.strip().removeprefix("https://").removeprefix("http://").removeprefix("arxiv.org/abs/")
    value = re.sub(r"^arxiv:", "", value, flags=re.I)
    return value if _ARXIV_NEW.match(value) or _ARXIV_OLD.match(value) else ""


def arxiv_page_id(url: str) -> str:
    """The arXiv id of a preprint's own page ("https://arxiv.org/abs/1605.08386v2", "…/pdf/1605.08386.pdf", on
    arxiv.org or export.arxiv.org); '' for any other address."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if (parts.hostname or "").lower().removeprefix("www.") not in ("arxiv.org", "export.arxiv.org"):
        return ""
    _, kind, rest = [*parts.path.split("/", 2), "", ""][:3]
    return arxiv_id(rest.removesuffix(".pdf")) if kind in ("abs", "pdf") else ""


_DBLP_URL = lazy(r"dblp\.(?:org|uni-trier\.de)/rec/(?:(?:bib|xml|html)\d?/)?"
                       r"((?:conf|journals|books|phd|series|reference|tr)/[\w.-]+/[\w.-]+)", re.I)
_OPENALEX = lazy(r"(?:openalex\.org/(?:works/)?|^openalex:\s*|^)(W\d{4,12})\b", re.I)


def dblp_key(text: str) -> str:
    """A DBLP record key in a field (``conf/nips/X17``, ``dblp:…``, a dblp.org/rec/ URL); '' when none."""
    value = text.strip()
    found = _DBLP_URL.search(value)
    if found:
        return found.group(1).removesuffix(".bib").removesuffix(".xml").removesuffix(".html")
    value = re.sub(r"^dblp:\s*", "", value, flags=re.I)
    return value if _DBLP.match(value) and not value.startswith(("persons/", "homepages/")) else ""


def openalex_id(text: str, *, bare: bool = True) -> str:
    """An OpenAlex work id (``W2741809807``) in a field or an openalex.org URL; '' when none.

    ``bare=False`` accepts only the URL or ``openalex:`` forms (for free text such as a note).
    """
    value = text.strip()
    if not bare and not re.search(r"openalex\.org/|openalex:", value, re.I):
        return ""
    found = _OPENALEX.search(value) if not bare or "/" in value or ":" in value else \
        re.fullmatch(r"(W\d{4,12})", value, re.I)
    return found.group(1).upper() if found else ""


def problem(scheme: str, value: str) -> str:
    """Why ``value`` is not an identifier of ``scheme`` ('' when it is)."""
    if scheme == "isbn" and not isbn13(value):
        return "not a valid ISBN-10 or ISBN-13 (check the digits and the check digit)"
    if scheme == "arxiv" and not arxiv_id(value):
        return "not an arXiv id (like 1605.08386 or astro-ph/0601001)"
    if scheme == "pmid" and not value.isdigit():
        return "a PubMed id is digits only (like 17375194)"
    if scheme == "pmcid" and not re.fullmatch(r"PMC\d+", value, re.I):
        return "a PMC id looks like PMC1817752"
    if scheme == "dblp" and not _DBLP.match(value):
        return "a DBLP key looks like conf/nips/VaswaniSPUJGKP17 or journals/cacm/Knuth74"
    if scheme == "openalex" and not re.fullmatch(r"W\d+", value, re.I):
        return "an OpenAlex work id looks like W1982728624"
    return ""


def normalize(scheme: str, value: str) -> str:
    value = value.strip()
    if scheme == "isbn":
        return isbn13(value)
    if scheme == "arxiv":
        return arxiv_id(value)
    if scheme in ("pmcid", "openalex"):
        return value.upper()
    return value


def parse_identifier(text: str) -> tuple[str, str]:
    """(scheme, normalised value) of ``scheme:value``; InputError naming what is wrong."""
    raw = text.strip()
    lower = raw.lower()
    found = next(((p, s) for p, s in _PREFIXES.items() if lower.startswith(p if p.endswith("/") else p + ":")),
                 None)
    if found is not None:
        prefix, scheme = found
        value = raw[len(prefix) + (0 if prefix.endswith("/") else 1):].strip()
    else:
        raise InputError(f"{text!r} has no identifier scheme", hint="write it as isbn:…, arxiv:…, pmid:…, "
                         "pmcid:…, dblp:… or openalex:…, or give a DOI")
    if scheme == "pmcid" and value.isdigit():
        value = "PMC" + value
    why = problem(scheme, value) if scheme != "doi" else ""
    if why:
        raise InputError(f"{text!r}: {why}")
    return scheme, normalize(scheme, value)


_ID_FIELDS = frozenset({"isbn", "archiveprefix", "eprinttype", "eprint", "arxiv", "pmid", "pmcid", "dblp", "openalex"})
_FREE_FIELDS = ("url", "biburl", "note", "howpublished")
"""Free fields that may hold a DBLP or OpenAlex link."""


def entry_identifiers(fields: Mapping[str, str]) -> dict[str, str]:
    """The identifiers an entry's fields carry (isbn, arxiv via eprint, pmid, pmcid, dblp, openalex), normalised."""
    out: dict[str, str] = {}
    # Field names in lower case already (the loader's) are used as they are.
    low = fields if all(map(str.isascii, fields)) and all(map(str.islower, fields)) else \
        {k.lower(): v for k, v in fields.items()}
    if low.keys().isdisjoint(_ID_FIELDS):
        for name in _FREE_FIELDS:
            value = low.get(name)
            if value and ("dblp" in (folded := value.lower()) or "openalex" in folded):
                break
        else:
            return out  # no identifier field, no DBLP or OpenAlex link: most entries (no pattern run)
    # Empty fields are skipped before any pattern runs: most entries have none of these.
    for raw in re.split(r"[,;\s]+(?=\d{9}|97)", low["isbn"]) if low.get("isbn") else ():
        value = isbn13(raw)
        if value:
            out["isbn"] = value
            break
    prefix = low.get("archiveprefix", low.get("eprinttype", "")).lower()
    eprint = low.get("eprint", "")
    candidate = low.get("arxiv", "") or (eprint if prefix in ("arxiv", "") else "")
    if candidate and arxiv_id(candidate):
        out["arxiv"] = arxiv_id(candidate)
    if low.get("pmid", "").strip().isdigit():
        out["pmid"] = low["pmid"].strip()
    pmcid = low.get("pmcid", "").strip().upper()
    if pmcid and re.fullmatch(r"PMC\d+", pmcid):
        out["pmcid"] = pmcid
    # DBLP keys and OpenAlex ids: their own field, eprint with eprinttype, or a URL in url,
    # biburl (DBLP's own BibTeX export) or note.
    free = [v for v in (low.get(name, "") for name in _FREE_FIELDS) if v]
    key = next((k for k in [dblp_key(low["dblp"]) if low.get("dblp") else "",
                            dblp_key(eprint) if prefix == "dblp" else "",
                            *(dblp_key(v) for v in free if "dblp" in v.lower())] if k), "")
    if key:
        out["dblp"] = key
    work = next((w for w in [openalex_id(low["openalex"]) if low.get("openalex") else "",
                             openalex_id(eprint) if prefix == "openalex" else "",
                             *(openalex_id(v, bare=False) for v in free if "openalex" in v.lower())] if w), "")
    if work:
        out["openalex"] = work
    return out
