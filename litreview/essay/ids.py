"""Manubot's cite-by-ID keys (``doi:``, ``pmid:``, ``pmcid:``, ``arxiv:``, ``isbn:``, ``url:``, ``wikidata:``,
``raw:``, compact identifiers such as ``clinicaltrials:``): their standard form, the identifiers an entry carries,
a source made from one.

The prefixes and their aliases follow Manubot (``pubmed:`` is ``pmid:``, ``pmc:`` is ``pmcid:``,
``@https://...`` is ``url:https://...``); DOIs are compared in the one DOI grammar's normal form, ISBNs as ISBN-13.
``standard_id`` finds the entry carrying an identifier (an arXiv id with or without its version); ``reference_id``
tells, as Manubot does, when two keys a manuscript cites are one reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..doi import DOI_START, normalize_doi
from ..lazyre import lazy
from ..model import Source
from ..registry.ids import isbn13

PREFIXES = {"doi": "doi", "pmid": "pmid", "pubmed": "pmid", "pmcid": "pmcid", "pmc": "pmcid",
            "arxiv": "arxiv", "isbn": "isbn", "url": "url", "http": "url", "https": "url",
            "wikidata": "wikidata", "raw": "raw"}
"""Manubot's prefixes (and their aliases) -> the standard prefix."""
CURIES = {"clinicaltrials": (lazy(r"NCT\d{8}"), "https://clinicaltrials.gov/study/{}"),
          "pdb": (lazy(r"[0-9][A-Z0-9]{3}"), "https://www.rcsb.org/structure/{}"),
          "uniprot": (lazy(r"[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2}"),
                      "https://www.uniprot.org/uniprotkb/{}"),
          "geo": (lazy(r"G(?:PL|SM|SE|DS)\d+"), "https://www.ncbi.nlm.nih.gov/geo/query/acc.cgi?acc={}")}
"""Compact identifiers (Bioregistry's prefixes) that Manubot resolves through their address: each one's accession
(in capitals: NCT01234567, 1ABC) and address, for the ones papers cite most. Such a key is the work at that address
(``url:...``); a key of that prefix whose accession is not of that form is a citation key like any other."""
_TRIAL_URL = re.compile(r"clinicaltrials\.gov/(?:ct2/show/|study/)?(NCT\d{8})\b", re.I)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?$", re.I)
_ARXIV_VERSION = lazy(r"v\d+$")
_PMC_URL = re.compile(r"/pmc/articles/(PMC\d+)", re.I)
_PUBMED_URL = re.compile(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d+)", re.I)


def standard_id(key: str) -> str | None:
    """``doi:10.1038/X`` -> ``doi:10.1038/x``; None when ``key`` is not a cite-by-ID key."""
    prefix, sep, rest = key.partition(":")
    if sep and prefix.lower() in CURIES:
        accession, address = CURIES[prefix.lower()]
        if accession.fullmatch(rest.strip().upper()):
            return "url:" + address.format(rest.strip().upper())
    kind = PREFIXES.get(prefix.lower()) if sep else None
    if kind is None or not rest:
        return None
    if prefix.lower() in ("http", "https"):
        rest = key
    return f"{kind}:{_normal(kind, rest)}"


_BARE_DOI = lazy(DOI_START + r"\S")


def prefixed_key(key: str) -> str | None:
    """The cite-by-ID key a key with no prefix stands for when it is a DOI or a valid ISBN written bare
    (``10.1387/theoria.490`` -> ``doi:10.1387/theoria.490``, ``978-2-213-01151-6`` -> ``isbn:978-2-213-01151-6``), as
    written; else None. Manubot infers no prefix: it reads such a key as ``raw:``, a manual reference's id."""
    if ":" in key:
        return None
    if _BARE_DOI.match(key):
        return "doi:" + key
    return "isbn:" + key if key[:1].isdigit() and isbn13(key) else None


_FORMS = {"pmid": (lazy(r"[1-9][0-9]{0,7}"), "a PubMed id is 1 to 8 digits with no leading zero"),
          "pmcid": (lazy(r"PMC[0-9]+"), "a PubMed Central id is PMC and digits"),
          "arxiv": (lazy(r"[0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?|[a-z-]+(?:\.[A-Z]{2})?/[0-9]{7}(?:v[0-9]+)?"),
                    "an arXiv id is 2101.01234 or hep-th/9901001, with an optional version (v2)"),
          "wikidata": (lazy(r"Q[0-9]+"), "a Wikidata item is Q and digits")}
"""The identifiers Manubot inspects before it looks them up, and what it says of one that is not of the form (it
cites none of them: no reference is made)."""


def id_problem(key: str) -> str:
    """Why Manubot refuses the cite-by-ID key ``key`` (``pmid:0123``) as written ('' when it takes it, or checks it
    elsewhere: a DOI's and an ISBN's grammar are their own rules)."""
    prefix, _, rest = key.partition(":")
    kind = PREFIXES.get(prefix.lower(), "")
    form = _FORMS.get(kind)
    if form is None or form[0].fullmatch(rest.strip()):
        return ""
    return form[1]


def _normal(kind: str, value: str) -> str:
    value = value.strip()
    if kind == "doi":
        return normalize_doi(value)
    if kind == "pmcid":
        return value.upper() if value.upper().startswith("PMC") else "PMC" + value
    if kind == "arxiv":
        return _ARXIV_VERSION.sub("", value.lower())
    if kind == "isbn":  # an ISBN-10 is its ISBN-13, as Manubot has it; one with a wrong check digit kept as written
        return isbn13(value) or re.sub(r"[^0-9Xx]", "", value).upper()
    if kind == "url":
        return value.rstrip("/")
    if kind == "wikidata":
        return value.upper()
    return value


def source_ids(source: Source) -> Iterator[str]:
    """The standard ids an entry carries (its DOI, PMID, PMCID, arXiv id, ISBN, URL, Wikidata id)."""
    fields = {k.lower(): v for k, v in source.fields.items()}
    if source.doi:
        yield f"doi:{normalize_doi(source.doi)}"
    for name, kind in (("pmid", "pmid"), ("pmcid", "pmcid"), ("isbn", "isbn"), ("wikidata", "wikidata"),
                       ("arxiv", "arxiv")):
        for value in re.split(r"[,;\s]+", fields.get(name, "")):
            if value:
                yield f"{kind}:{_normal(kind, value)}"
    if fields.get("eprint") and fields.get("archiveprefix", fields.get("eprinttype", "")).lower() == "arxiv":
        yield f"arxiv:{_normal('arxiv', fields['eprint'])}"
    for url in (source.url, fields.get("url", "")):
        if not url:
            continue
        yield f"url:{_normal('url', url)}"
        if m := _ARXIV_URL.search(url):
            yield f"arxiv:{_normal('arxiv', m.group(1))}"
        if m := _PMC_URL.search(url):
            yield f"pmcid:{m.group(1).upper()}"
        if m := _PUBMED_URL.search(url):
            yield f"pmid:{m.group(1)}"
        if m := _TRIAL_URL.search(url):  # the registry's older addresses too (ct2/show/NCT...)
            yield "url:" + CURIES["clinicaltrials"][1].format(m.group(1).upper())


def reference_id(key: str) -> str | None:
    """The reference a Manubot manuscript makes of the cite-by-ID key ``key``: two keys are one reference when
    their ids are equal (None when ``key`` is not a cite-by-ID key).

    Manubot lower-cases a DOI, turns an ISBN into its ISBN-13 and reads ``pubmed:`` as ``pmid:``, as ``standard_id``
    does; it keeps an arXiv id's version (``arxiv:2101.01234v2`` and ``arxiv:2101.01234`` are two references), a
    URL as written (a final slash too), a compact identifier as its prefix and accession (not its address), and a
    ``https://doi.org/...`` URL is a URL, not the DOI."""
    ident = standard_id(key)
    if ident is None:
        return None
    prefix, _, rest = key.partition(":")
    prefix, rest = prefix.lower(), rest.strip()
    if prefix in CURIES:
        return f"{prefix}:{rest}"
    kind = PREFIXES[prefix]
    if kind == "arxiv":
        return f"arxiv:{rest}"
    if kind == "url":
        return "url:" + (key.strip() if prefix in ("http", "https") else rest)
    return ident


def id_source(key: str, cited: str, described: Source | None = None) -> Source:
    """The source a Manubot manuscript cites as ``key`` (an alias or tag if it was cited so) that stands for the
    cite-by-ID key ``cited``, with what its manual references (``manual-references*.*``, read as any bibliography
    file is) say of it when one describes it; its ``id`` field is the reference's id (``reference_id``)."""
    from dataclasses import replace

    standard = standard_id(cited) or cited
    kind, _, value = standard.partition(":")
    fields: dict[str, str] = {"id": reference_id(cited) or standard}
    doi = url = ""
    if kind == "doi":
        doi = cited[4:] if cited.lower().startswith("doi:") else value
    elif kind == "url":
        url = value
    elif kind in ("pmid", "pmcid", "isbn", "wikidata", "arxiv"):
        fields[kind] = value
    if described is not None:  # its type, title, names, date, publisher...
        # The item's own URL is the one Manubot prints (a reference manager's item address cited as the key is
        # not): the cited address only when the item has none.
        doi, url = doi or described.doi, described.url or url
        if doi:
            fields["doi"] = doi  # as an entry's: the DOI's checks (LR120 malformed...) read the field
        # the author's item: its problems are its own, at its lines in the manual references
        return replace(described, key=key, doi=doi, url=url, fields={**described.fields, **fields})
    if doi:
        fields["doi"] = doi
    return Source(key=key, type="misc", doi=doi, url=url, fields=fields)
