"""Fixes that `check` knows how to make mechanically, as corrections `sync --write` can offer.

Each fix comes from the rule of the check that reports it (one rule, one place): abbreviated
page ranges (LR138), ranges in another form than BibTeX's (LR143), miscased initials (LR133), a DOI
written as a link (LR121), a date in another layout than ISO (LR146), a DOI given only as a doi.org link (LR137), and a URL that
only answers by redirecting (LR211, from the snapshot's URL check). Pure: bibliography and
snapshot in, corrections out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..bibliography.dates import iso_form
from ..doi import bare_doi, doi_problem, entry_doi, has_prefix
from ..model import Bibliography, Person, Source, SourceMetadata
from ..registry.corrections import Correction
from .bib import plain
from .doi_expected import books_doi
from .integrity import is_biblatex, page_form_fix
from .registry import moved_url
from .style import expanded_pages
from .style_names import fixed_given, legal_form, name_problem


def mechanical_fixes(bibliography: Bibliography, metadata: Mapping[str, SourceMetadata] | None = None) -> list[Correction]:
    """Every mechanical correction for the bibliography, in file order."""
    out: list[Correction] = []
    biblatex = is_biblatex(bibliography)
    for source in bibliography.sources:
        out.extend(_fixes(source, (metadata or {}).get(source.key), biblatex=biblatex))
    return out


def fixable(bibliography: Bibliography, metadata: Mapping[str, SourceMetadata] | None = None) -> set[tuple[str, str]]:
    """The (entry key, finding code) pairs whose finding `sync --write` fixes (each correction's reason opens
    with its code)."""
    return {(c.key, c.reason.split(" ", 1)[0]) for c in mechanical_fixes(bibliography, metadata)}


def _fixes(source: Source, meta: SourceMetadata | None, *, biblatex: bool) -> Iterable[Correction]:
    pages = source.field("pages")
    expanded = expanded_pages(pages) if pages else ""
    joined = page_form_fix(pages, biblatex=biblatex) if pages and not expanded else ""
    if expanded:
        yield Correction(source.key, "pages", pages, expanded, f"LR138 page range {plain(pages)!r} is abbreviated",
                         source.line)
    elif joined:
        yield Correction(source.key, "pages", pages, joined, f"LR143 page range {plain(pages)!r} is not in "
                         "BibTeX's form", source.line)
    for role, people in (("author", source.authors), ("editor", source.editors)):
        fixed = _fixed_names(source.field(role), people)
        if fixed:
            yield Correction(source.key, role, source.field(role), fixed, f"LR133 miscased initials in the {role}s",
                             source.line)
    raw_doi = plain(source.field("doi"))
    doi = bare_doi(entry_doi(raw_doi, plain(source.field("url"))))  # a final '.' of a sentence dropped
    if doi and not raw_doi:
        if not books_doi(source, doi):  # (a chapter's URL that is its book's DOI: LR137 says so)
            yield Correction(source.key, "doi", "", doi, "LR137 the URL is a DOI link", source.line)
    elif doi and doi != raw_doi and not doi_problem(doi):
        said = ["written as a link"] if has_prefix(raw_doi) else []
        said += [f"ending with the sentence's {raw_doi[-1]!r}"] if bare_doi(raw_doi) != doi else []
        yield Correction(source.key, "doi", source.field("doi"), doi, f"LR121 DOI {' and '.join(said)}", source.line)
    for name in ("date", "origdate", "urldate"):
        raw = source.field(name)
        iso = iso_form(plain(raw)) if raw else ""
        if iso:
            yield Correction(source.key, name, raw, iso, f"LR146 {name} {plain(raw)!r} is not in ISO form", source.line)
    check = meta.url_check if meta is not None else None
    if check is not None and check.ok and check.final_url and source.field("url").strip() == check.url \
            and moved_url(check.url, check.final_url):
        yield Correction(source.key, "url", source.field("url"), check.final_url,
                         f"LR211 URL redirects to {check.final_url} (check it is the same document)", source.line)


def _fixed_names(raw: str, people: Iterable[Person]) -> str:
    """The name field with each miscased given name's initials fixed ('' when nothing changes)."""
    text = raw
    for person in people:
        if name_problem(person) != "miscased initials" or legal_form(person.given):  # ("s.r.o": a company's)
            continue
        family, given = re.escape(person.family), re.escape(person.given)
        better = fixed_given(person.given).replace("\\", r"\\")  # a replacement template: backslashes kept
        # "Family, Given" or "Given Family", as the entry writes it.
        text, n = re.subn(rf"({family}\s*,\s*){given}(?=\s+and\s|\s*$)", rf"\g<1>{better}", text, count=1)
        if not n:
            text = re.sub(rf"(?<![\w.]){given}(\s+{family})", rf"{better}\g<1>", text, count=1)
    return text if text != raw else ""
