"""Checks of the essay against the bibliography (LR3xx) and of the curated links (LR4xx).

Pure: they read what the linking stage found (``Linkage``: links, mentions, orphans).
Findings about the prose point at the claim's line in the essay; findings about an
entry point at the entry in the .bib; curated-link findings point at the claims file.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..bibliography.dates import COMMON_YEAR
from ..bibliography.inherit import LINK_FIELDS, aliases, targets
from ..bibliography.keys import near_key, other_year
from ..bibliography.load import CONTROL_TYPES
from ..cache import LATEX_SUFFIXES
from ..essay import BIBTEX, IN_BOOK
from ..essay.cites import cited_for, written_key
from ..essay.ids import CURIES, PREFIXES, prefixed_key, standard_id
from ..lazyre import lazy
from ..linking.attribution import AUTHORITY
from ..linking.author_names import person_like
from ..linking.cited_letters import UNDECIDED_LETTER, UNDECIDED_STYLE
from ..linking.index import persons_of
from ..locale_terms import QUOTATION_OPENERS, quote_marks, quote_pairs
from ..model import Bibliography, Claim, Essay, Finding, Link, Linkage, Mention, Orphan, Source
from ..text import and_list, clipped, fold
from .bib import entry_finding
from .catalogue import finding
from .secondary import cited_through, secondary_note

if TYPE_CHECKING:
    from ..essay.manubot import ManualReferences

#: A quotation shorter than this is a scare quote unless the linker says otherwise.
MIN_QUOTATION_WORDS = 4
#: In a document that marks its citations, a quotation this long with no marker near is a missing citation.
MIN_MARKED_QUOTATION_WORDS = 8
_MARKS = quote_pairs(QUOTATION_OPENERS)
_CLOSERS = frozenset(_MARKS.values())
_QUOTE_MARKS = quote_marks(QUOTATION_OPENERS)
_EXCERPT = 80
_TEXT_NOUNS = (r"(?:statements?|sentences?|phrases?|items?|questions?|prompts?|messages?|slogans?|headlines?|"
               r"instructions?|wording|vignettes?|stimul(?:us|i)|quer(?:y|ies)|strings?)")
# (German: "die Aussage „…“", "Fragen wie „…“")
_TEXT_NOUNS_DE = (r"(?:Fragen?|Aussagen?|Sätze|Satz|Formulierung(?:en)?|Phrasen?|Wendung(?:en)?|Items?|Slogans?|"
                  r"Parolen?|Schlagzeilen?|Anweisung(?:en)?|Meldung(?:en)?|(?:Such)?anfragen?|Zeichenketten?)")
_NAMED_TEXT = re.compile(
    rf"(?:\b(?:the|a|an|this|that|these|those|each|every|one|our|their)\s+(?:[\w-]+\s+){{0,2}}?{_TEXT_NOUNS}"
    rf"(?:\s+(?:is|was|reads|read|becomes|became))?|\b(?:the|a|an)"
    rf"|\b{_TEXT_NOUNS},?\s+(?:such\s+as|like)|^\W*let\s+(?:.*\band\s+)?(?:\S+\s+){{1,5}}?be"
    rf"|\b(?:die|der|das|den|dem|diese[rsnm]?|eine[rsnm]?|jede[rsnm]?|unsere[rsnm]?|ihre[rsnm]?)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_TEXT_NOUNS_DE}"
    rf"|\b{_TEXT_NOUNS_DE},?\s+(?:wie|etwa)(?:\s+(?:etwa|z\.\s?B\.|zum\s+Beispiel))?)\s*:?\s*$", re.I | re.S)
"""A quotation the sentence names as a piece of text ("participants read the statement “…”", "rated the item
“…”", "the phrase “…”", "the question is “…”", "questions such as “…”", "let document one be “…”"; German "die
Aussage „…“", "Fragen wie „…“"), or as a name after its article ("the “Snow Joe Shovelution …” at $37"): the words
shown, a stimulus, a survey item, an example or a product, not words borrowed from a source."""


def check_text(bib: Bibliography, essay: Essay, linkage: Linkage, *, essay_file: str,
               beside: Sequence[tuple[str, Sequence[str]]] = ()) -> list[Finding]:
    """LR300-LR306 from the mentions, LR307-LR308 from the links. ``beside``: the .bib files beside the essay that
    it does not name, with their keys (``UnreadBibliographies.beside``), which a citation of one of them names.

    In a document that marks its citations the markers say what is cited, as pandoc has it: an
    entry no marker cites is unused, and a name or title with no entry is no finding (software,
    grants, acronyms); a quotation is reported only when no marker stands in or beside its sentence.
    """
    claims = {c.id: c for c in essay.claims}
    found: list[Finding] = []
    unresolved_people = {m.claim_id for m in linkage.mentions if m.kind == "author" and not m.keys}
    named_people: dict[str, list[Mention]] = {}
    for m in linkage.mentions:
        if m.kind == "author" and m.keys:
            named_people.setdefault(m.claim_id, []).append(m)
    raw_keys, raw_near = _raw_latex_cited(essay)  # (LR317's: its one finding)
    marked = marks_its_citations(essay, linkage)
    manual = manual_references_of(essay, bib)
    near = _near_markers(essay, linkage) if marked else set()
    cited_before = _cited_in_paragraph(essay, linkage) if marked else {}
    uncited_names: dict[tuple[str, tuple[str, ...]], list[Mention]] = {}  # LR311: a finding a work and sentence
    for mention in linkage.mentions:
        claim = claims.get(mention.claim_id)
        if (marked and mention.kind == "author" and mention.keys and mention.claim_id not in near
                and AUTHORITY in mention.detail and not cited_before.get(mention.claim_id, set()) & set(mention.keys)):
            uncited_names.setdefault((mention.claim_id, mention.keys), []).append(mention)
            continue
        if marked and mention.kind == "marker" and not mention.keys and _quoted_writers(mention, claim):
            continue
        if mention.kind == "marker" and not mention.keys and (note := secondary_note(mention, claim)):
            # "(Madero 2011, citado en Castillo et al. 2013b)": read through the second work, left out on purpose
            found.append(replace(_at_claim("LR300", claim, mention.claim_id, note[0], essay_file, note[1]),
                                 severity="info"))
            continue
        if marked and mention.kind == "marker" and not mention.keys and _no_citation(mention, claim, bib):
            if person_like(typed_names(mention), one="(" not in mention.text):  # "(Roe 2001)", "Roe and Poe (2001)"
                found.append(_typed_unresolved(mention, claim, essay_file))
            continue
        if mention.kind == "marker" and not mention.keys:
            found.append(unresolved_citation(mention, claim, essay, essay_file, bib, marked=marked, manual=manual,
                                             beside=beside))
            continue
        if marked and not mention.keys and (
                mention.kind in ("author", "work", "document")
                or (mention.kind == "quotation" and (mention.claim_id in near
                                                     or not _is_quotation(mention.text, MIN_MARKED_QUOTATION_WORDS)))):
            continue
        if mention.kind == "quotation" and mention.claim_id in raw_near:
            continue  # a LaTeX citation command beside it cites it in a LaTeX build (LR317 tells the rest)
        found.extend(at_marker(f, mention, claim, essay) if mention.kind == "marker" else
                     at_quotation(f, mention, claim, essay) if mention.kind == "quotation" else f
                     for f in check_mention(mention, claim, essay_file, bib, unresolved_people, manual=manual,
                                            essay_format=essay.format, named=named_people))
    for (claim_id, keys), named in uncited_names.items():
        found.append(_named_uncited(claims.get(claim_id), claim_id, keys, named, essay_file, essay.format == "latex"))
    if marked and essay.format != "manubot":  # (its sources are keyed by identifiers as first written)
        found.extend(_typed_only(essay, linkage, claims, essay_file))
    book = essay.meta.get(IN_BOOK) if hasattr(essay.meta, "get") else None
    # A text citing with raw LaTeX alone (no pandoc or typed citation) cites what its commands cite, as its LaTeX
    # build does: an entry only named or topically close is unused there.
    raw_alone = bool(raw_keys) and not any(cites(lk) for lk in linkage.links)
    found.extend(check_unused(bib, linkage, cited_outside_claims(essay, raw_keys), markers_only=marked or raw_alone,
                              book=book or "", aliased=not essay.meta.get(BIBTEX)))
    return found


_DATED = lazy(r"\b\d{4}|\bn\.\s?d\.")
"""A year (or "n.d.") in a link's evidence: a citation typed as text prints one."""


def typed_citation(lk: Link) -> bool:
    """Whether a link is a citation typed as text in a document that cites by markers: an attribution whose
    evidence prints a year ("Roe (2001)", ``linking.Hit.typed``; a name alone prints none)."""
    return lk.kind == "attribution" and bool(_DATED.search(lk.evidence))


def cites(lk: Link) -> bool:
    """Whether a link is a citation: a marker, or a citation typed as text (``typed_citation``)."""
    return lk.kind == "marker" or typed_citation(lk)


def _typed_only(essay: Essay, linkage: Linkage, claims: dict[str, Claim], essay_file: str) -> Iterable[Finding]:
    """LR311 for an entry a document that cites by markers cites only as typed text ("Roe (2001)"): pandoc and LaTeX
    cite nothing there, so no marker cites the entry and the reference list leaves it out."""
    typed: dict[str, Link] = {}
    written: set[str] = set(essay.nocite)
    for lk in linkage.links:
        if not cites(lk) or lk.status != "confirmed":
            continue
        claim = claims.get(lk.claim_id)
        if ((claim is not None and any(lk.source_key in (c.key, c.alias) for c in claim.citations or ()))
                or not _DATED.search(lk.evidence)):
            written.add(lk.source_key)
        else:  # "Roe (2001)", "(Roe and Poe 2001, 12)": the text's own citation, its year printed
            typed.setdefault(lk.source_key, lk)
    if "*" in written:
        return
    for key, lk in typed.items():
        if key in written:
            continue
        claim = claims.get(lk.claim_id)
        latex = in_latex(claim, essay_file)
        cite = f"\\cite{{{key}}}" if latex else f"@{key}"
        also = "" if latex else f" (or [@{key}])"
        yield _at_claim("LR311", claim, lk.claim_id,
                        f"{_shown(lk.evidence, claim, latex)!r} is typed text, not a citation of {key!r}: no marker cites the "
                        "entry, so the reference list leaves it out", essay_file, f"write {cite} in its place{also}",
                        key=key)


def unresolved_markers(essay: Essay, linkage: Linkage, bib: Bibliography) -> list[Mention]:
    """The citations that match no entry, as ``check_text`` reports them (``links`` warns of the same)."""
    claims = {c.id: c for c in essay.claims}
    marked = marks_its_citations(essay, linkage)
    return [m for m in linkage.mentions if m.kind == "marker" and not m.keys
            and cited_through(m, claims.get(m.claim_id)) is None
            and (not marked or not (_no_citation(m, claims.get(m.claim_id), bib)
                                          or _quoted_writers(m, claims.get(m.claim_id))))]


def _quoted_writers(mention: Mention, claim: Claim | None) -> bool:
    """Whether a citation typed as text stands inside a quotation that its sentence cites by a marker outside the
    marks (“… geschweige denn einlösen (so auch Prado et al. 2016)” [@trilcke2017, 176]): the quoted writer's
    citation, copied with the words, not one the document typed by hand. A mention knows its text, not its place:
    written in the sentence also outside such a quotation, it is the writer's own."""
    if claim is None or not _typed(mention, claim) or not claim.citations:
        return False
    from ..linking.quotations import quoted

    text = claim.text
    places = [m.start() for m in re.finditer(re.escape(mention.text), text)] if mention.text else []
    cited = [(q.start(), q.end()) for q, _ in quoted(text) if places
             and any(c.start >= q.end() or c.end <= q.start() for c in claim.citations)]
    return bool(places) and all(any(start < at and at + len(mention.text) < end for start, end in cited)
                                for at in places)


def _no_citation(mention: Mention, claim: Claim | None, bib: Bibliography) -> bool:
    """Whether a marker that matches no entry, in a document that cites by markers, is no citation: typed as text,
    its words naming no author of the bibliography ("the Framework Convention (1992)")."""
    return _typed(mention, claim) and not _by_its_authors(mention, bib)


def _typed(mention: Mention, claim: Claim | None) -> bool:
    """Whether a marker mention is a citation typed as text ("Roe (2001)"), not a marker the document wrote
    ("@roe2001", "[see @nokey, p. 3]": a key its sentence cites)."""
    return "@" not in mention.text and (claim is None or not any(c.key in mention.text for c in claim.citations or ()))


_A_YEAR = lazy(rf"\(?\b{COMMON_YEAR}[a-z]?\b")


def typed_names(mention: Mention) -> str:
    """The names of a citation typed as text: the words before the year, typed in the text ("Roe (1999)") or within
    parentheses ("(see Roe, 1999, p. 3)": the mention is "see Roe, 1999, p. 3")."""
    year = _A_YEAR.search(mention.text)
    return mention.text[:year.start()] if year else mention.text.rpartition("(")[0]


def _by_its_authors(mention: Mention, bib: Bibliography) -> list[Source]:
    """The entries by the authors a typed citation names: "Roe (1999)" for Roe's work of 2001 is a citation gone
    wrong; "the Framework Convention (1992)" in a document that cites by markers names no author, and is no citation.
    A citation names its work's first author ("Roe et al.", "Roe and Poe"): an entry Roe is a later author of is none,
    nor is one that lacks another author of the bibliography the citation names ("Shemyakina and Plagnol" for
    Macchia and Plagnol's work)."""
    words = re.findall(r"\w+", typed_names(mention))
    named = {fold(w) for w in words}
    people = [persons_of(s) for s in bib.sources]
    families = {w for ps in people for p in ps for w in re.findall(r"\w+", fold(p.family))}
    known = {fold(w) for w in words if w[:1].isupper()} & families  # ("et al." is no "Al-Sayed")
    out = []
    for source, persons in zip(bib.sources, people, strict=True):
        first = re.findall(r"\w+", fold(persons[0].family)) if persons else []
        if first and first[-1] in named and known <= {w for p in persons for w in re.findall(r"\w+", fold(p.family))}:
            out.append(source)
    return out


def _typed_unresolved(mention: Mention, claim: Claim | None, essay_file: str) -> Finding:
    """LR300, as a note, for a citation typed as text in a document that cites by markers, whose names are people's
    and no author of the bibliography ("(Mearsheimer 2001)"): pandoc cites nothing there and the reference list has
    no entry for it, which a citation typed by hand did not mean; a plan or a law and its year is no note."""
    from dataclasses import replace

    latex = in_latex(claim, essay_file)
    span = _shown(mention.text, claim, latex)
    told = _at_claim("LR300", claim, mention.claim_id, f"{span!r} reads as a citation typed as text, and no entry is "
                     f"by its authors: {'LaTeX' if latex else 'pandoc'} cites nothing there and the reference list "
                     "leaves the work out", essay_file, "if it cites a work, add its entry (litreview add) and write "
                     f"{cite_as('key', latex)} in its place; if it is no citation, nothing needs doing")
    return replace(told, severity="info")


_LOCATOR = lazy(r"[ \t]*(?:[,:][ \t]*(?:pp?\.[ \t]*)?[0-9]+(?:[-\u2013][0-9]+)?)?")


def _typed_misses(mention: Mention, claim: Claim | None, essay_file: str, bib: Bibliography) -> Finding:
    """LR300 for a citation typed as text in a document that cites by markers, naming an author or editor of the
    bibliography ("(see Roe 1999: 12, for more)" for Roe's work of 2001): quoted up to its year and locator, with
    what to write, a key being what the document cites by, and the entries of the authors it names."""
    year = _A_YEAR.search(mention.text)
    locator = _LOCATOR.match(mention.text, year.end()) if year else None  # (it matches the empty string too)
    end = locator.end() if locator else len(mention.text)
    end += mention.text.startswith(")", end) and mention.text.count("(", 0, end) > mention.text.count(")", 0, end)
    latex = in_latex(claim, essay_file)
    theirs = _by_its_authors(mention, bib)
    shown = " or ".join(f"{s.key} ({s.year or 'n.d.'})" for s in theirs[:_NAMED_ENTRIES])
    more = f" (and {len(theirs) - _NAMED_ENTRIES} more)" if len(theirs) > _NAMED_ENTRIES else ""
    which = (f"if it cites {shown}, the bibliography's work by the author it names, write "
             f"{cite_as(theirs[0].key, latex)} in its place" if len(theirs) == 1 else
             f"if it cites one of the bibliography's works by the authors it names, {shown}{more}, write "
             f"{cite_as('key', latex)} with its key in its place")
    return _at_claim("LR300", claim, mention.claim_id,
                     f"{_shown(mention.text[:end], claim, latex)!r} reads as a citation typed as text and matches no entry: "
                     f"{'LaTeX' if latex else 'pandoc'} cites nothing there and the reference list leaves the work out",
                     essay_file, f"{which}; else add the work's entry (litreview add) and cite it with "
                     f"{cite_as('key', latex)}")


_NAMED_ENTRIES = 3
"""The most entries of a typed citation's author its hint names."""


def in_latex(claim: Claim | None, essay_file: str) -> bool:
    """Whether the claim is a LaTeX file's (cited with \\cite, built by LaTeX), not pandoc's."""
    return PurePath(claim.file if claim is not None and claim.file else essay_file).suffix.lower() in LATEX_SUFFIXES


def cite_as(key: str, latex: bool) -> str:
    """How the document cites ``key``: \\cite{key} in LaTeX, [@key] in pandoc's Markdown."""
    return f"\\cite{{{key}}}" if latex else f"[@{key}]"


def _rewritten(claim: Claim | None, key: str, right: str) -> str | None:
    """The LaTeX command that cites ``key`` in the claim, as the file writes it, with ``right`` in the key's place
    (``\\autocite{Right, b}`` for ``\\autocite{right, b}``): the fix in the author's own command; None when no
    command of the claim's cites it."""
    for citation in claim.citations or () if claim is not None else ():
        if citation.key == key and citation.command:
            fixed = re.sub(r"([{,]\s*)" + re.escape(key) + r"(?=\s*[,}])", lambda m: m.group(1) + right,
                           citation.command, count=1)
            if fixed != citation.command:
                return fixed
    return None


def manual_references_of(essay: Essay, bib: Bibliography) -> ManualReferences | None:
    """The manual references a missing plain key's hint names: a Manubot manuscript's, whose plain keys name their
    items, unless a bibliography file stands in for its sources."""
    if essay.format != "manubot" or bib.file is not None:
        return None
    from ..essay.manubot import manual_references

    return manual_references(essay)


def unresolved_citation(mention: Mention, claim: Claim | None, essay: Essay, essay_file: str, bib: Bibliography, *,
                        marked: bool, manual: ManualReferences | None = None,
                        beside: Sequence[tuple[str, Sequence[str]]] = ()) -> Finding:
    """Check's finding for a citation that matches no entry (LR300, LR309, LR310), at the citation's line; one typed
    as text ("Roe (1999)") in a document that cites by markers (``marked``) is named so. ``links`` warns in the
    same words."""
    if marked and _typed(mention, claim):
        return _typed_misses(mention, claim, essay_file, bib)
    return at_marker(unresolved(mention, claim, essay_file, bib, manual=manual, beside=beside), mention, claim, essay)


def at_marker(found: Finding, mention: Mention, claim: Claim | None, essay: Essay) -> Finding:
    """A finding about a citation marker at the marker's line, not the sentence's first (a pull request's
    annotation lands on the line it changed): the line of the key as written in the sentence's source."""
    if claim is None or found.line != claim.line:
        return found
    line = marker_line(claim, written_key(mention.text), essay)
    if line is None or line == found.line:
        return found
    from dataclasses import replace

    return replace(found, line=line)


def at_quotation(found: Finding, mention: Mention, claim: Claim | None, essay: Essay) -> Finding:
    """A finding about a quotation at the quotation's line, not the sentence's first (a note's quotation sits on
    the note's line): the line of its first words in the sentence's source, as written in a Markdown file."""
    if claim is None or found.line != claim.line or not claim.end or in_latex(claim, essay.path):
        return found
    words = [w for w in mention.text.strip(_QUOTE_MARKS + " .,;:").split()[:4] if w]
    source = essay.body[claim.start:claim.end]
    at = re.search(r"\s+".join(map(re.escape, words)), source) if words else None
    line = None if at is None else claim.line + source.count("\n", 0, at.start())
    return found if line is None or line == found.line else replace(found, line=line)


def marker_line(claim: Claim, written: str, essay: Essay) -> int | None:
    """The line of the citation ``written`` (``@key`` as the text writes it) in the claim's source, or None. A
    LaTeX sentence's text is pandoc's reading of it, not its source: there the line the reader gave the citation of
    that key (``Citation.line``, where its command starts)."""
    if not claim.end or not claim.line or not written.startswith("@"):
        return None
    if in_latex(claim, essay.path):
        key = written[1:].removeprefix("{").removesuffix("}")
        return next((c.line for c in claim.citations or () if c.key == key and c.line), None)
    source = essay.body[claim.start:claim.end]
    at = re.search(re.escape(written) + r"(?![\w:./-]*\w)", source)
    return None if at is None else claim.line + source.count("\n", 0, at.start())


def marks_its_citations(essay: Essay, linkage: Linkage) -> bool:
    """Whether the document cites by markers, as pandoc's and LaTeX's users do: it has markers, and
    they cite at least as many entries as names and titles alone do (an essay that names its
    authorities and has a stray [@key] is still read as prose)."""
    if not essay.marked:
        return False
    by_marker = {lk.source_key for lk in linkage.links if cites(lk)}
    by_prose = {lk.source_key for lk in linkage.links
                if lk.kind in ("attribution", "title", "quotation", "reference") and lk.status == "confirmed"
                and not typed_citation(lk)}
    return len(by_marker) >= len(by_prose - by_marker)


def cited_outside_claims(essay: Essay, raw_keys: Sequence[str] | None = None) -> tuple[str, ...]:
    """The keys the manuscript cites with no claim's citation, which are no unused entries (LR307): its ``nocite``,
    and the keys of its LaTeX citation commands in Markdown (``raw_keys``, when known), which LR317 tells of."""
    return (*essay.nocite, *(_raw_latex_cited(essay)[0] if raw_keys is None else raw_keys))


def _raw_latex_cited(essay: Essay) -> tuple[list[str], set[str]]:
    """The keys a Markdown manuscript cites with LaTeX commands (``notices.raw_latex_commands``, LR317), and the claims
    with such a command or beside one in their paragraph."""
    from .notices import raw_latex_commands

    commands = raw_latex_commands(essay)
    if not commands:
        return [], set()
    near = _beside(essay, {claim.id for claim, _, _, _ in commands})
    return list(dict.fromkeys(key for _, _, _, keys in commands for key in keys)), near


def _cited_in_paragraph(essay: Essay, linkage: Linkage) -> dict[str, set[str]]:
    """Per claim, the entries a marker cites in its paragraph: "@roe2001 argues ... Roe reports ... Roe describes"
    names the author the paragraph has cited, and "Roe's study investigates ... . ... [@roe2001]" the author whose
    work it cites at its end, as writers do."""
    cited: dict[str, set[str]] = {}
    for mention in linkage.mentions:
        if mention.kind == "marker" and mention.keys:
            cited.setdefault(mention.claim_id, set()).update(mention.keys)
    out: dict[str, set[str]] = {}
    for paragraph in essay.paragraphs:
        keys = set().union(*(cited.get(claim.id, set()) for claim in paragraph.claims))
        out.update((claim.id, keys) for claim in paragraph.claims)
        in_paragraph = set().union(*(cited.get(claim.id, set()) for claim in paragraph.claims))
        out.update((claim.id, in_paragraph) for claim in paragraph.claims)
    return out


def _named_uncited(claim: Claim | None, claim_id: str, keys: tuple[str, ...], named: Sequence[Mention],
                   essay_file: str, latex: bool) -> Finding:
    """LR311 for the authors of one work a sentence names with no citation near: one finding naming them all, in
    the sentence's order ("Roe, Poe and Doe's study" named three findings of one omission)."""
    text = claim.text if claim else ""
    names = list(dict.fromkeys(_shown(m.text, claim, latex) for m in
                               sorted(named, key=lambda m: (text.find(m.text) % (len(text) + 1), m.text))))
    who = (f"{names[0]} (author of {', '.join(keys)}) is" if len(names) == 1
           else f"{and_list(names)} (authors of {', '.join(keys)}) are")
    return _at_claim("LR311", claim, claim_id, f"{who} named with no citation marker nearby", essay_file,
                     f"cite the work: [@{keys[0]}]", key=keys[0])


def _beside(essay: Essay, claims: set[str]) -> set[str]:
    """The ``claims`` and the sentences either side of each in its paragraph."""
    near: set[str] = set()
    for paragraph in essay.paragraphs:
        ids = [c.id for c in paragraph.claims]
        for n, cid in enumerate(ids):
            if cid in claims:
                near.update(ids[max(0, n - 1):n + 2])
    return near


def _near_markers(essay: Essay, linkage: Linkage) -> set[str]:
    """Claims with a citation marker, and the sentences either side of one in the same paragraph; every sentence of
    a paragraph followed by a paragraph of citations alone, as a brief sets a paragraph's authorities; and every
    sentence of a paragraph a cited sentence introduces with a colon, as a block quotation is introduced ("As @a puts
    it:" then the quoted words; a LaTeX "\\textcite{a} writes:" then a quote environment)."""
    marked = {m.claim_id for m in linkage.mentions if m.kind == "marker"}
    near = _beside(essay, marked)
    for _, before in cited_for(essay.paragraphs):
        near.update(c.id for c in before.claims)
    for before, paragraph in pairwise(essay.paragraphs):
        if before.claims and before.claims[-1].id in marked and before.claims[-1].text.rstrip().endswith(":"):
            near.update(c.id for c in paragraph.claims)
    return near


_LETTER_OPEN = ("the style leaves the year letter undecided: it letters in the order the text first cites the works; "
                "a citation key, or keeping the rendered reference list (it prints each letter beside its entry), "
                "decides")
"""LR301's hint for a lettered citation ("Doe 2001a") a citation-order style leaves open: another letter would not
help."""
_STYLE_OPEN = ("styles give this year letter to different entries, and the style the text was rendered with is not "
               "known: name it (csl in litreview.toml, or csl: in the front matter), or cite with a key")
"""LR301's hint for a lettered citation left open because the text's style is not known."""
_OPEN_HINTS = {UNDECIDED_LETTER: _LETTER_OPEN, UNDECIDED_STYLE: _STYLE_OPEN}


def _add_manual(key: str, manual: ManualReferences) -> str:
    """How to describe a work cited by a plain key that no manual reference has, in the words of their file."""
    item = (f"an entry with the key {key!r}" if manual.file.lower().endswith(".bib")
            else f'an item with "id": "{key}"')
    return f"add {item} to {manual.file}, or cite the work by its identifier (@doi:..., @pmid:...)"


def _at_claim(code: str, claim: Claim | None, claim_id: str, message: str, essay_file: str,
              hint: str = "", key: str | None = None) -> Finding:
    file = claim.file if claim is not None and claim.file else essay_file  # a Manubot or \\input file
    return finding(code, message, hint=hint, key=key, claim_id=claim_id, file=file,
                   line=claim.line if claim is not None else None)


def _span(text: str) -> str:
    """A citation marker, a key or a curated excerpt, as written: as a reviewer finds it in the file."""
    return clipped(text, _EXCERPT)


def _shown(text: str, claim: Claim | None, latex: bool) -> str:
    """What the prose names, quotes or types (a citation typed as text) as the essay page shows it ("«\\ mot\\ »"
    with its no-break spaces; as written in a LaTeX file's claim); a citation marker stays as written (``_span``)."""
    from ..render.shown import shown_source

    return _span(shown_source(text, claim, "latex" if latex else "markdown"))


def check_mention(mention: Mention, claim: Claim | None, essay_file: str, bib: Bibliography,
                  unresolved_people: set[str], *, manual: ManualReferences | None = None,
                  essay_format: str = "", named: Mapping[str, Sequence[Mention]] | None = None) -> Iterable[Finding]:
    """The finding (if any) for one thing the prose names or quotes (``essay_format``: ``Essay.format``; ``named``:
    each claim's "author" mentions with entries, the people its sentence names)."""
    cid = mention.claim_id
    span = _span(mention.text) if mention.kind == "marker" else _shown(mention.text, claim, essay_format == "latex")
    if mention.kind == "marker":
        if not mention.keys:
            yield unresolved(mention, claim, essay_file, bib, manual=manual)
        elif len(mention.keys) > 1:
            keys = ", ".join(mention.keys)
            yield _at_claim("LR301", claim, cid, f"citation {span!r} fits several entries: {keys}", essay_file,
                            _OPEN_HINTS.get(mention.detail, ""), key=mention.keys[0])
    elif mention.keys:
        if mention.kind == "title-variant":
            key = mention.keys[0]
            source = bib.get(key)
            title = mention.detail or (source.title if source else "")
            yield _at_claim("LR306", claim, cid, f"the text calls {key!r} {span!r}; its title is {title!r}",
                            essay_file, f"write {title!r} (or correct the entry's title if the text is right)",
                            key=key)
    elif mention.kind == "author":
        yield _at_claim("LR302", claim, cid, f"{span} is invoked as an authority but has no entry", essay_file,
                        f"add the work by {span} that the text relies on (litreview add), or drop the appeal")
    elif mention.kind == "work":
        yield _at_claim("LR303", claim, cid, f"the work {span!r} is named but has no entry", essay_file)
    elif mention.kind == "document":
        yield _at_claim("LR304", claim, cid, f"the document {span!r} is named but has no entry", essay_file)
    elif (mention.kind == "quotation" and _is_quotation(mention.text) and cid not in unresolved_people
          and not names_its_text(claim, mention.text) and not quotes_a_provision(claim, mention.text)):
        authors = _authors_named(claim, mention.text, named.get(cid, ()) if named else ())
        if not authors:
            yield _at_claim("LR305", claim, cid, f"quotation {span} has no attribution", essay_file)
        else:
            who = and_list(dict.fromkeys(m.text for m in authors))
            yield _at_claim("LR305", claim, cid, f"quotation {span} names its author, {who}, but cites no work of "
                            f"theirs", essay_file, f"cite the work by {who} it quotes ({_works(authors)})")


def _works(authors: Sequence[Mention]) -> str:
    """The entries the named authors wrote, as a hint offers them: "a", "a or b", "a, b or c", else the first three
    of how many."""
    keys = list(dict.fromkeys(k for m in authors for k in m.keys))
    if len(keys) > 3:
        return f"one of {len(keys)} entries: {', '.join(keys[:3])}, …"
    return (", ".join(keys[:-1]) + " or " if len(keys) > 1 else "") + keys[-1]


def _authors_named(claim: Claim | None, quotation: str, people: Sequence[Mention]) -> list[Mention]:
    """The people with entries the quotation's sentence names outside the quotation (the attribution linker's
    "author" mentions, ``linking.attribution``): its authors, whose work it does not cite."""
    if claim is None or not people:
        return []
    outside = claim.text.replace(quotation, " ")
    return [m for m in people if m.keys and m.text in outside]


def unresolved(mention: Mention, claim: Claim | None, essay_file: str, bib: Bibliography, *,
               manual: ManualReferences | None = None, beside: Sequence[tuple[str, Sequence[str]]] = ()) -> Finding:
    """LR309 for a key that differs from an entry's only in case, LR310 for an identifier, else LR300
    (``links`` warns with the same words; an alias in an entry's ``ids`` is named). A pandoc item is named by its
    key alone, as pandoc names it ("citation RStudio2016 not found"), not with its prefix or locator."""
    span = _span(written_key(mention.text))
    cid = mention.claim_id
    key = mention.detail
    latex = in_latex(claim, essay_file)
    written = span.removeprefix("@").removeprefix("{").removesuffix("}")  # the key as the text writes it
    if key.startswith("case:"):
        right = key[5:]
        # A LaTeX command reads as pandoc's "@{Key}", which the author never wrote: name the key, and the fix in LaTeX.
        cited = (f"no entry has the key {span[2:-1]!r}" if span.startswith("@{") and span.endswith("}")
                 else f"citation {span!r} matches no entry")
        return _at_claim("LR309", claim, cid, f"{cited}: keys are case-sensitive and the entry's key is {right!r}",
                         essay_file, f"write {_rewritten(claim, written, right) or cite_as(right, latex)}"
                         if latex else f"write @{right}", key=right)
    if key.startswith("alias:"):
        entry = key[6:]
        if latex:
            # Built with BibTeX (a LaTeX paper built with biber resolves aliases): BibTeX reads no ids.
            return _at_claim("LR300", claim, cid, f"citation {span!r} matches no entry: it is an alias in the ids "
                             f"of {entry!r}, which biber resolves and BibTeX, which builds this paper, does not",
                             essay_file, f"write {_rewritten(claim, written, entry) or cite_as(entry, latex)}",
                             key=entry)
        return _at_claim("LR300", claim, cid, f"citation {span!r} matches no entry: it is an alias in the ids of "
                         f"{entry!r}, which biber resolves and pandoc does not", essay_file, f"write @{entry}",
                         key=entry)
    if (ident := standard_id(key)) is not None:
        # A compact identifier (clinicaltrials:NCT...) stands for its address, which `add` does not look up.
        fix = (f"add an entry whose url is {ident.partition(':')[2]}" if key.partition(":")[0].lower() in CURIES
               else f"add the work: litreview add {key}")
        return _at_claim("LR310", claim, cid, f"citation {span!r} is cited by identifier and no entry carries it",
                         essay_file, fix, key=key)
    if manual is not None and key.lower() in PREFIXES:
        # "[@doi:10.1/x,@doi:]": pandoc reads "@doi", the prefix with no identifier after it, no manual reference's id.
        return _at_claim("LR300", claim, cid, f"citation {span!r} matches no entry", essay_file,
                         f"'@{key}:' has no identifier after its prefix: write it (@{key}:...) or remove the citation")
    if manual is not None and (prefixed := prefixed_key(key)) is not None:
        # "@10.1387/x": Manubot infers no prefix, and reads raw:10.1387/x, which no manual reference has as its id.
        kind = prefixed.partition(":")[0].upper()
        return _at_claim("LR300", claim, cid, f"citation {span!r} matches no entry", essay_file,
                         f"Manubot reads a key with no prefix as a manual reference's id (raw:{key}), not as a "
                         f"{kind}: write @{prefixed}")
    # A Manubot manuscript without a bibliography file: a key without prefix is the id of a manual reference.
    near = near_key(key, [*bib.keys, *(manual.keys if manual else ())]) if key else None
    add = _add_manual(key, manual) if manual else "add the missing entry (litreview add)"
    hint = f"Did you mean {near!r}? Fix the key in the text, or {add}" if near else add if manual else ""
    if not near and key and (other := other_year(key, bib.keys)) is not None:
        hint = f"The bibliography has {other!r}, of another year: if it is the work cited, fix the key in the text; else {add}"
    if key and (whole := _cut_key(key, claim, bib.keys)) is not None:
        hint = (f"The bibliography has {whole!r}: pandoc ends a key at punctuation that no letter or digit follows, so "
                f"it reads '@{key}' and the rest as text; write @{{{whole}}}")
    if key and key not in bib.keys and (broken := next((p for p in bib.problems if p.code == "LR100" and p.key == key),
                                                       None)) is not None:
        # The key is in the file, its entry left out for a located error: the citation points at it, not at absence.
        where = f"{PurePath(broken.file).name}:{broken.line}" if broken.file else f"line {broken.line}"
        return _at_claim("LR300", claim, cid, f"citation {span!r}: the entry {key!r} is in the bibliography but "
                         f"left unread, for the syntax error at {where} (LR100)", essay_file,
                         f"Mend the error there (the LR100 at {where}): the citation is right", key=None)
    if key and (held := next((name for name, keys in beside if key in keys), None)) is not None:
        named = "in \\bibliography or \\addbibresource" if latex else "in bibliography: in the front matter"
        hint = (f"The file {held}, beside the manuscript, holds {key!r}, but the manuscript does not name that file, so "
                f"{'LaTeX' if latex else 'pandoc'} does not read it: name it there ({named}), or move the entry "
                "into a file it names")
    if "@{" in span:
        # A LaTeX command (or a braced key) reads as pandoc's "@{key}", which the author never wrote: name the key.
        return _at_claim("LR300", claim, cid, f"no entry has the key {key!r}", essay_file, hint)
    return _at_claim("LR300", claim, cid, f"citation {span!r} matches no entry", essay_file, hint)


def _cut_key(key: str, claim: Claim | None, keys: Collection[str]) -> str | None:
    """The key of ``keys`` that the citation of ``key`` in the claim's text goes on to write ("@c++2003": pandoc reads
    "@c", as "++" is followed by no letter or digit), else None."""
    if claim is None:
        return None
    for m in re.finditer(r"@\{?" + re.escape(key) + r"(?![\w}])(\S+)", claim.text):
        rest = m.group(1)
        for end in range(len(rest), 0, -1):
            if key + rest[:end] in keys:
                return key + rest[:end]
    return None


def names_its_text(claim: Claim | None, quote: str) -> bool:
    """Whether the sentence names the quotation as a piece of text, a statement or an item it shows
    (``_NAMED_TEXT``), rather than quoting a source's words: LR305 asks for no attribution then. A possessive or a
    name before the noun ("Roe's statement “…”") is an attribution, which the linker reads."""
    if claim is None:
        return False
    at = claim.text.find(quote)
    return at > 0 and _NAMED_TEXT.search(claim.text[:at]) is not None


_PROVISION_AFTER = lazy(r"[\s,;:.]{0,3}\(\s*(?:artt?\.|art(?:icol[oie]|ikel|icles?)?\b|§§?|ss?\.|secs?\.|sections?\b"
                        r"|paras?\.|rule\b|reg\.)\s*\d", re.I)
"""What cites a provision of a statute or code right after the words quoted from it: "(art. 244 co. 1 c.p.p.)",
"(artt. 253--254 c.p.p.)", "(§ 823 BGB)", "(s. 21(1) Data Protection Act)", "(Article 5 GDPR)"."""
_LAW_BEFORE = lazy(r"\b(?:n|no|nr|num)\.\s*\d+(?:/\d+)?\s*,\s*$", re.I)
"""A law named by its number just before its title in quotation marks: "Legge 18 marzo 2008, n. 48, “…”"."""


def quotes_a_provision(claim: Claim | None, quote: str) -> bool:
    """Whether the quotation's source is the statute it cites beside it (``_PROVISION_AFTER``) or the law whose number
    names it (``_LAW_BEFORE``): legal writing quotes a provision and cites it so, and no bibliography holds it; LR305
    asks for no attribution then."""
    if claim is None or (at := claim.text.find(quote)) < 0:
        return False
    return (_PROVISION_AFTER.match(claim.text, at + len(quote)) is not None
            or _LAW_BEFORE.search(claim.text, max(0, at - 40), at) is not None)


def _is_quotation(text: str, least: int = 0) -> bool:
    least = least or MIN_QUOTATION_WORDS
    inner = text.strip().strip(" .,;:")
    if len(inner) > 2 and _MARKS.get(inner[0]) and _MARKS[inner[0]] != inner[-1] and inner[-1] in _CLOSERS:
        return False  # “white" ... »: quotation marks that do not pair up are not one quotation
    if inner[:1] == "“" and inner[1:-1].count('"') % 2:
        return False  # “white" light curve ... ``Coloured'': an odd straight quote inside
    words = [w for w in inner.strip(_QUOTE_MARKS).split() if any(c.isalnum() for c in w)]
    return len(words) >= least


def check_unused(bib: Bibliography, linkage: Linkage, nocite: Iterable[str] = (), *,
                 markers_only: bool = False, book: str = "", aliased: bool = True) -> Iterable[Finding]:
    """LR307 for entries nothing relies on, LR308 for entries only topical suggestions touch.

    Entries the essay lists in ``nocite`` (``*`` for all) are in the bibliography on purpose. With
    ``markers_only`` (a document that marks its citations) only markers and curated links count.
    Otherwise a suggestion too weak to be shown (``Linkage.hidden``) still makes an entry LR308, not
    LR307: the essay seems to draw on it, and saying that no claim relies on it would be a guess.
    ``book``: the settings file of the book the essay is one chapter of (the message says the others are unread).
    ``aliased``: a ``nocite`` of an entry's ``ids`` alias keeps the entry (biber; BibTeX reads no ids).
    """
    relied: set[str] = set(nocite)
    if "*" in relied:
        return
    topical: dict[str, list[str]] = {}
    for lk in linkage.links:
        if markers_only and lk.kind != "marker" and not lk.curated:
            continue  # pandoc cites what the markers cite: an entry only topically close is unused
        if lk.status == "confirmed" or (lk.status == "suggested" and lk.kind != "topical"):
            relied.add(lk.source_key)
        elif lk.status == "suggested":
            topical.setdefault(lk.source_key, []).append(lk.claim_id)
    rejected = {(lk.claim_id, lk.source_key) for lk in linkage.links if lk.status == "rejected"}
    hidden: dict[str, list[Link]] = {}
    if not markers_only:
        for lk in linkage.hidden:
            if (lk.claim_id, lk.source_key) not in rejected:
                hidden.setdefault(lk.source_key, []).append(lk)
    for mention in linkage.mentions:
        if mention.kind != "quotation" and (mention.kind == "marker" or not markers_only):
            relied.update(mention.keys)
    listed = set(nocite)
    if listed and aliased:  # \nocite{oldkey}: biber brings in the entry whose ids name it (BibTeX does not)
        relied.update(s.key for s in bib.sources if "ids" in s.fields and not listed.isdisjoint(aliases(s.fields)))
    relied |= through_links(bib, relied)
    for source in bib.sources:
        # An @xdata or dataonly entry lends fields to others and is never printed; a control entry sets a style's
        # options (IEEEtran's, named by \bstctlcite).
        if source.key in relied or source.type == "xdata" or _data_only(source) or source.type in CONTROL_TYPES:
            continue
        if source.key in topical:
            claims = list(dict.fromkeys(topical[source.key]))
            shown = ", ".join(claims[:3]) + (f" and {len(claims) - 3} more" if len(claims) > 3 else "")
            yield entry_finding("LR308", source, f"{source.key!r} is linked to claims only by topic "
                                f"(suggested for {shown})")
        elif source.key in hidden:
            # No probabilities in the message: a finding keeps its identity while they move (check --since).
            weak = sorted(hidden[source.key], key=lambda lk: -lk.confidence)
            named = ", ".join(dict.fromkeys(lk.claim_id for lk in weak))
            yield entry_finding("LR308", source, f"{source.key!r} is linked to claims only by topical suggestions "
                                f"too weak to show by default (suggested for {named}; litreview links "
                                "--all-suggestions lists them)")
        else:
            if book:
                name = book.replace("\\", "/").rsplit("/", 1)[-1]
                # another chapter may cite it: what the chapter alone cannot tell is a warning
                yield replace(entry_finding("LR307", source, f"no claim of this chapter relies on {source.key!r} (the "
                                            f"book's other chapters are not read: --essay {name} reviews them together)",
                                            f"check it with the whole document, litreview check --essay {name}, "
                                            "before removing it: another chapter may cite it"), severity="warning")
            elif markers_only:  # a manuscript cites with markers: a curated link is not how its author cites
                yield entry_finding("LR307", source, f"no claim relies on {source.key!r}",
                                    "Cite it where a claim relies on it, or remove it (pandoc and LaTeX leave "
                                    "an entry nothing cites out of the reference list)")
            else:
                yield entry_finding("LR307", source, f"no claim relies on {source.key!r}")


def _data_only(source: Source) -> bool:
    """biblatex's ``options = {dataonly}`` (or ``dataonly=true``)."""
    options = source.fields.get("options", "")
    return "dataonly" in options and any(o.replace(" ", "") in ("dataonly", "dataonly=true")
                                         for o in options.strip("{}").split(","))


def through_links(bib: Bibliography, keys: Iterable[str]) -> set[str]:
    """The entries the ``keys`` lean on, however far: their crossref and xdata parents, the entries they
    name in ``related`` or ``xref``, a set's members (biber brings them all into the bibliography; removing
    one breaks the entries that name it)."""
    by_key = {s.key.casefold(): s for s in bib.sources}  # link fields name keys ignoring case, as biber does
    todo = [k.casefold() for k in keys]
    seen = set(todo)
    found: set[str] = set()
    while todo:
        source = by_key.get(todo.pop())
        if source is None or source.fields.keys().isdisjoint(LINK_FIELDS):
            continue
        for name in LINK_FIELDS:
            for target in targets(source.fields.get(name, "")):
                folded = target.casefold()
                if folded not in seen and folded in by_key:
                    seen.add(folded)
                    todo.append(folded)
                    found.add(by_key[folded].key)
    return found


def record_anchor(u: Orphan) -> str:
    """The command that records the anchor of a link written without one, keeping its decision."""
    return f"litreview links {'--reject' if u.rejected else '--accept'} {u.claim_id} {u.source_key}"


def known_lines(lines: Iterable[int | None]) -> str:
    """The lines of a claims file's entries that are known, as a list ("3, 7"); '' when none is."""
    return ", ".join(str(n) for n in lines if n)


def check_curated(bib: Bibliography, essay: Essay, linkage: Linkage, *, claims_file: str) -> list[Finding]:
    """LR400 for orphaned curated links and groups, LR401/LR402 for links to a missing entry or claim, LR403 for
    links written without an anchor, LR404 for decisions that contradict each other on one claim."""
    keys = set(bib.keys)
    found = []
    from ..linking.anchors import entry_key

    today = entry_key(bib)  # a key renamed with the old one kept in ids: the finding names the entry
    # An orphan's claim id is the one recorded, which today may name another sentence: its
    # findings sit at the claims file's line only (not on that sentence, in the site or in --since).
    for o in linkage.orphans:
        if o.no_entry:
            # The linker cannot place a link to a missing entry; the key, not the anchor, is wrong.
            found.append(finding("LR401", f"curated link {o.claim_id} -> {o.source_key}: no entry has the "
                                 f"key {o.source_key!r}", key=o.source_key, file=claims_file, line=o.line))
        elif not o.exact and o.source_key:
            # Written by hand without an anchor: its id is all it has, and no claim has it.
            found.append(finding("LR402", f"curated link {o.claim_id} -> {o.source_key}: the essay has no "
                                 f"claim {o.claim_id!r}", key=today(o.source_key) or o.source_key,
                                 file=claims_file, line=o.line))
        else:
            # A link's hint names the command to run; a group's is re-recorded by hand (the catalogue's hint).
            move = (f"Move it onto the sentence as worded now: `litreview links --reanchor {o.claim_id} "
                    f"{o.source_key}` lists where it may belong and moves it there with --to, its status and note "
                    "kept; or delete the entry.") if o.source_key else ""
            told = finding("LR400", f"curated {_what(o)} no longer anchors: {_span(o.exact)!r} is not "
                           "in the essay", hint=move, key=today(o.source_key) or o.source_key or None,
                           file=claims_file, line=o.line)
            if o.rejected and o.source_key:
                # The sentence is gone and the suggestion it rejected with it: a rejection that rejects nothing
                # is no lost source, and deleting a sentence must not fail the check.
                told = replace(told, severity="warning", message=(
                    f"the rejected {_what(o)} no longer anchors: {_span(o.exact)!r} is not in the essay, so it "
                    "rejects nothing now"), hint=move.replace("; or delete the entry.", "; or delete the entry "
                                                              "if the sentence was cut."))
            found.append(told)
    for c in linkage.conflicts:
        lines = known_lines(c.lines)
        found.append(finding("LR404", f"curated links on {c.claim_id} -> {c.source_key} confirm and reject it"
                             f"{f' (entries at lines {lines})' if lines else ''}; the later one is applied",
                             key=c.source_key, file=claims_file, line=next((n for n in c.lines[::-1] if n), None)))
    for u in linkage.unanchored:
        found.append(finding("LR403", f"curated link {u.claim_id} -> {u.source_key} has no anchor: it stays on "
                             f"whatever sentence is {u.claim_id} today", key=today(u.source_key) or u.source_key,
                             file=claims_file, line=u.line,
                             hint="check that the id names the sentence you meant (`litreview links`), then record "
                                  f"its anchor with `{record_anchor(u)}`: the entry keeps its note and gains the "
                                  "sentence's text"))
    claim_ids = {c.id for c in essay.claims}
    for lk in linkage.links:
        if not lk.curated:
            continue
        if lk.source_key not in keys:
            found.append(finding("LR401", f"curated link {lk.claim_id} -> {lk.source_key}: no entry has "
                                 f"the key {lk.source_key!r}", key=lk.source_key, claim_id=lk.claim_id,
                                 file=claims_file))
        if lk.claim_id not in claim_ids:
            found.append(finding("LR402", f"curated link {lk.claim_id} -> {lk.source_key}: the essay has no "
                                 f"claim {lk.claim_id!r}", key=lk.source_key, claim_id=lk.claim_id,
                                 file=claims_file))
    return found


def _what(orphan) -> str:
    """'link p3-s5 -> key', or 'group p3-s5-6' for a claim group (it names no entry)."""
    if not orphan.source_key:
        return f"group {orphan.claim_id}"
    return f"link {orphan.claim_id} -> {orphan.source_key}"
