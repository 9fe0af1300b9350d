"""Duplicates across a bibliography's entries: LR106 for a DOI used twice, LR107 for the same work twice, LR164 for
an ISBN given to two books."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..bibliography.dates import parse_iso
from ..doi import doi_problem, normalize_doi, trailing_punctuation
from ..model import Finding, Source
from ..registry.ids import isbn13
from ..text import MIN_MAIN_TITLE_WORDS, fold_words, main_title, same_title
from .bib import entry_finding, folded, full_title, isbns, plain, work_signature


def doi_key(value: str) -> str:
    """A DOI as duplicates are compared: normalised, without white space or a final mark.

    White space inside a DOI is a copying slip (LR120 reports it), not another DOI.
    """
    doi = "".join(normalize_doi(plain(value)).split())
    return doi[:-1] if trailing_punctuation(doi) else doi


def duplicate_pairs(sources: Iterable[Source]) -> Iterable[tuple[str, Source, Source]]:
    """(code, entry, earlier entry): LR106 for a DOI already used, LR107 for the same work (``same_work``, or
    ``year_apart``)."""
    by_doi: dict[str, Source] = {}
    by_work: dict[tuple[str, int, str], Source] = {}
    by_main: dict[tuple[str, int, str], Source] = {}  # by the main title, for entries that give a subtitle
    by_maker: dict[tuple[int, tuple[str, ...], str], list[Source]] = {}  # by year, authors and publisher
    inheriting: list[tuple[str, Source]] = []  # (DOI, entry) of the entries that have their DOI by crossref or xdata
    writers: dict[str, list[Source]] = {}
    for source in sources:
        value = source.fields.get("doi")
        doi = doi_key(value) if value else ""
        inherited = bool(doi) and _doi_inherited(source)
        first = by_doi.get(doi) if doi and not inherited else None
        if inherited:
            # Told against the entry it inherits from, wherever it stands (BibTeX wants the volume after its
            # papers): not against a paper of the same volume before it.
            inheriting.append((doi, source))
        elif first is not None:
            yield "LR106", source, first
        elif doi:
            by_doi[doi] = source
        if doi and not inherited:
            writers.setdefault(doi, []).append(source)
        signature = work_signature(source)
        if signature is None:
            continue
        _, year, family = signature
        main = main_title(full_title(source))
        # An earlier entry with the same title, else one whose title is this one's main title (or whose
        # main title is this one's title): the same work with and without its subtitle.
        earlier = [e for e in (by_work.get(signature), by_work.get((main, year, family)) if main else None,
                               by_main.get(signature)) if e is not None]
        # Else one of the same title a year before or after: one article dated online and in print (``year_apart``).
        apart = (e for e in (by_work.get((signature[0], y, family)) for y in (year - 1, year + 1)) if e is not None)
        maker = _maker(source)
        made = by_maker.setdefault(maker, []) if maker else []
        if first is None and (match := next((e for e in earlier if same_work(e, source) and not _kin(e, source)), None)
                              or next((e for e in apart if year_apart(e, source) and not _kin(e, source)), None)
                              or next((e for e in made[:_MAX_MADE] if retyped_work(e, source)
                                       and not _kin(e, source)), None)):
            yield "LR107", source, match
        made.append(source)
        by_work.setdefault(signature, source)
        if main:
            by_main.setdefault((main, year, family), source)
    for doi, source in inheriting:
        if written := writers.get(doi):
            yield "LR106", source, next((w for w in written if _link_to(source, w)), written[0])


_MAX_MADE = 50
"""How many earlier entries of one year, authors and publisher an entry is compared with (``retyped_work``)."""


def _maker(source: Source) -> tuple[int, tuple[str, ...], str] | None:
    """(year, the authors' folded family names, the folded publisher, else container) of an entry that gives all
    three; None otherwise."""
    people = source.authors or source.editors
    families = tuple(folded(p.family) for p in people)
    maker = folded(source.fields.get("publisher", "")) or folded(source.container)
    if source.year is None or not families or not all(families) or not maker:
        return None
    return source.year, families, maker


def retyped_work(a: Source, b: Source) -> bool:
    """Two entries of one work whose title is too short, or retyped, for ``same_work``: the same year, authors
    and publisher (else container) (``_maker``), the same main title but for a letter or two in a long word
    (``retyped_title``: "Uncivil Agreeement", "Uncivil Agreement: How Politics Became Our Identity"), of one type,
    in one container where both give one, and nothing telling them apart (a DOI, volume, edition, number or
    pages)."""
    return (a.type == b.type and _maker(a) == _maker(b) is not None
            and len({folded(a.container), folded(b.container)} - {""}) <= 1
            and retyped_title(full_title(a), full_title(b)) and _not_told_apart(a, b))


def retyped_title(a: str, b: str) -> bool:
    """Whether two titles are one, retyped or with and without a subtitle: their main titles (before a colon, or
    the whole title) of as many words, the same but in two at most, each of five letters or more and one letter
    apart (two in one of eight or more; no digits), and their subtitles the same where both give one."""
    head_a, _, sub_a = (fold_words(part) for part in a.partition(":"))
    head_b, _, sub_b = (fold_words(part) for part in b.partition(":"))
    words_a, words_b = head_a.split(), head_b.split()
    if not words_a or len(words_a) != len(words_b) or (sub_a and sub_b and sub_a != sub_b):
        return False
    differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return len(differ) <= 2 and all(_retyped_word(x, y) for x, y in differ)


def _retyped_word(a: str, b: str) -> bool:
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 5:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) <= (2 if min(len(a), len(b)) >= 8 else 1)


PAIR_CODES = frozenset({"LR106", "LR107"})
"""The codes of a finding about two entries, reported at the later one (``duplicate_pairs``)."""


def duplicate_partners(sources: Iterable[Source]) -> dict[tuple[str, str], tuple[str, bool]]:
    """(code, key of the entry reported) -> the key of the earlier entry it duplicates, and whether the two are one
    work (not two works of two titles under one DOI, which is wrong in one of them: ``_other_works``)."""
    return {(code, source.key): (first.key, not (code == "LR106" and _other_works(first, source)))
            for code, source, first in duplicate_pairs(sources)}


def case_partners(sources: Iterable[Source]) -> dict[str, list[str]]:
    """Key -> the other keys that differ from it only in case (those LR108 tells apart), for keys that have any."""
    by_folded: dict[str, list[str]] = {}
    for source in sources:
        by_folded.setdefault(source.key.casefold(), []).append(source.key)
    return {key: [k for k in keys if k != key] for keys in by_folded.values() if len(set(keys)) > 1 for key in keys}


def check_duplicates(sources: Iterable[Source]) -> Iterable[Finding]:
    """LR106 for a DOI already used by an earlier entry, LR107 for the same work (``same_work``, ``year_apart``),
    LR164 for an ISBN an earlier book of another title gives (``shared_isbns``)."""
    sources = tuple(sources)
    yield from _pairs(sources)
    yield from shared_isbns(sources)


_BOOKS = frozenset({"book", "booklet", "manual"})
"""Types of a whole book, which has an ISBN of its own (a chapter gives its book's; a volume may give its set's)."""


def shared_isbns(sources: Iterable[Source]) -> Iterable[Finding]:
    """LR164 for a book whose ISBN an earlier book gives, of another title (``_other_works``): one of the two is
    wrong, usually copied from the other entry. Volumes (a set's ISBN) and chapters (their book's) are not told."""
    first_of: dict[str, Source] = {}
    for source in sources:
        raw = plain(source.fields.get("isbn", ""))
        if not raw or source.type not in _BOOKS or plain(source.fields.get("volume", "")):
            continue
        for written in isbns(raw):
            isbn = isbn13(written)  # (an invalid one is LR122's)
            first = first_of.setdefault(isbn, source) if isbn else source
            if first is not source and _other_works(first, source):
                yield entry_finding("LR164", source, f"ISBN {written.strip()} is also given by {first.key!r} "
                                    f"({_at(first, source)}), a book of another title ({full_title(first)!r}): one "
                                    "of the two ISBNs is wrong (copied from the other entry?)",
                                    "look up each book's ISBN (on its copyright page, or its library record) and "
                                    "correct the wrong one", field="isbn")
                break


def _pairs(sources: Iterable[Source]) -> Iterable[Finding]:
    for code, source, first in duplicate_pairs(sources):
        child, parent = (source, first) if _inherits_doi(source, first) else (first, source)
        if code == "LR106" and _inherits_doi(child, parent):
            # biber and BibTeX copy every field a crossref child lacks: the paper gets its proceedings' DOI
            link = _link_to(child, parent)
            told = entry_finding("LR106", child, f"no DOI of its own: it inherits the DOI "
                                 f"{doi_key(child.fields['doi'])} of {parent.key!r} through {link}, so styles print "
                                 f"the @{parent.type}'s DOI for this @{child.type}",
                                 f"write the entry's own DOI in {child.key!r} (a paper or chapter in a registered "
                                 "volume has one of its own, on its publisher's page)", field=link)
            yield replace(told, severity="warning")
        elif code == "LR106" and _other_works(first, source):
            yield entry_finding("LR106", source, f"same DOI {doi_key(source.fields['doi'])} as {first.key!r} "
                                f"({_at(first, source)}), a work of another title ({full_title(first)!r}): the DOI "
                                "is wrong in one of them, or in both (cut short, or copied from the other entry)",
                                "look up each work's DOI (on its publisher's page, or with litreview fetch) and "
                                "correct the wrong one; the entries are two works, keep both")
        elif code == "LR106":
            yield entry_finding("LR106", source, f"same DOI {doi_key(source.fields['doi'])} as {first.key!r} "
                                f"({_at(first, source)})", f"keep one of {first.key!r} and {source.key!r} (the one cited, if "
                                "only one is) and delete the other")
        elif apart := year_apart(first, source):
            early, late = (first, source) if (first.year or 0) < (source.year or 0) else (source, first)
            same = "title, authors and journal" if source.type == "article" else "title, authors and container"
            if apart == "online first":
                said = (f"{early.key!r} ({early.year}) is the article as published online first, with no volume or "
                        f"pages yet, {late.key!r} ({late.year}) as printed")
                hint = (f"cite the printed version, {late.key!r}, and delete {early.key!r} (or suppress LR107 for it "
                        "if you cite both on purpose)")
            else:
                same = same.replace(" and ", ", ") + " and pages"
                said = f"one article, dated by its online ({early.year}) and by its printed issue ({late.year})"
                hint = (f"keep one of {first.key!r} and {source.key!r}, with the year of the printed issue, and cite "
                        "it under one key")
            yield entry_finding("LR107", source, f"same {same} as {first.key!r} ({_at(first, source)}), a year apart: "
                                f"{said}", hint)
        elif not (how := same_title(full_title(first), full_title(source))):  # (``retyped_work``)
            yield entry_finding("LR107", source, f"same authors, year and {'publisher' if source.fields.get('publisher') else 'container'} as {first.key!r} "
                                f"({_at(first, source)}), and nearly the same title: {full_title(first)!r} and "
                                f"{full_title(source)!r}", "Merge them into one entry, with the title as printed")
        else:
            preprints = [e.key for e in (first, source) if is_preprint(e)]
            hint = ""
            if len(preprints) == 1:  # dblp lists a paper's CoRR or ECCC version beside the proceedings
                hint = (f"{preprints[0]!r} is the preprint of the other: cite the published version and delete it, "
                        "or suppress LR107 for it if you cite both on purpose")
            yield entry_finding("LR107", source, f"{how}, year and first author as {first.key!r} "
                                f"({_at(first, source)})", hint)


_SERVERS = ("corr", "arxiv", "eccc", "electron colloquium comput complex", "electronic colloquium on computational "
            "complexity", "biorxiv", "medrxiv", "ssrn", "psyarxiv", "socarxiv", "techrxiv", "chemrxiv", "research square")
"""Preprint servers as their names fold (``text.fold_words``), the first words of a preprint's container."""


def is_preprint(source: Source) -> bool:
    """Whether the entry is a preprint: in a server's series (CoRR, ECCC, bioRxiv...) or given by its arXiv id alone."""
    container = fold_words(source.container)
    if container and any(container == s or container.startswith(s + " ") for s in _SERVERS):
        return True
    return not container and "arxiv" in (source.fields.get("eprinttype", "") + source.fields.get("archiveprefix", "")).lower()


def _link_to(child: Source, parent: Source) -> str:
    """The field by which ``child`` inherits from ``parent`` (crossref or xdata), '' for none."""
    from ..bibliography.inherit import targets

    return next((name for name in ("crossref", "xdata") if parent.key.casefold() in
                 {t.casefold() for t in targets(child.fields.get(name, ""))}), "")


def _kin(a: Source, b: Source) -> bool:
    """Whether one of two entries inherits from the other (crossref or xdata): the fields they share are one
    entry's, not the same work written twice."""
    return bool(_link_to(a, b) or _link_to(b, a))


def _doi_inherited(source: Source) -> bool:
    """Whether ``source`` has its DOI by crossref or xdata: it writes none, and names an entry to inherit from."""
    return "doi" not in source.field_lines and bool(source.field_lines) and any(
        plain(source.fields.get(name, "")) for name in ("crossref", "xdata"))


def _inherits_doi(child: Source, parent: Source) -> bool:
    """Whether ``child`` has its DOI from ``parent`` alone: it writes none, and links to it by crossref or xdata."""
    return "doi" not in child.field_lines and bool(child.field_lines) and bool(_link_to(child, parent))


def _other_works(a: Source, b: Source) -> bool:
    """Whether two entries are two works by their titles: each has one of three words or more, and they share less
    than a third of their words (two entries of one work share most: the title retyped, or given with and without
    its subtitle)."""
    words_a, words_b = set(fold_words(full_title(a)).split()), set(fold_words(full_title(b)).split())
    if len(words_a) < 3 or len(words_b) < 3:
        return False  # ("A", "B": too little to tell)
    return len(words_a & words_b) < len(words_a | words_b) / 3


def _at(other: Source, here: Source) -> str:
    """Where ``other`` is, seen from ``here``'s finding: its line, and its file's name when another file."""
    line = f"line {other.line}" if other.line else "earlier"
    return line if other.file in (here.file, None) else f"{other.file.replace(chr(92), '/').rsplit('/', 1)[-1]} {line}"


def same_work(a: Source, b: Source) -> bool:
    """Two entries of the same work: same year, first author and title (``text.same_title``: one may give a
    subtitle the other leaves out, and then their containers agree where both give one, and neither is a
    part of the other, a chapter in the book), and no DOI, ECLI, volume, edition, number, pages or day telling
    them apart."""
    sig_a, sig_b = work_signature(a), work_signature(b)
    if sig_a is None or sig_b is None or sig_a[1:] != sig_b[1:]:
        return False
    how = same_title(full_title(a), full_title(b))
    if how == "same main title":
        containers = {folded(a.container), folded(b.container)} - {""}
        if len(containers) > 1 or containers & {folded(full_title(a)), folded(full_title(b))}:
            return False
    return bool(how) and _not_told_apart(a, b) and not _two_days(a, b)


def _not_told_apart(a: Source, b: Source) -> bool:
    # Different DOIs, volumes or editions mean two registered or printed works, not a copy; different events, the
    # same paper given at two workshops (an unpublished talk or a misc entry says where in its note).
    if not (a.authors or a.editors or b.authors or b.editors) and a.url and b.url and _page(a.url) != _page(b.url):
        return False  # two pages of one site, each titled with the site's name ("TDAN.com"), no one named
    for name in ("eventtitle", "venue", *(_VENUE_NOTES if a.type == b.type in _TALKS else ())):
        va, vb = folded(a.fields.get(name, "")), folded(b.fields.get(name, ""))
        if va and vb and va != vb:
            return False
    if (a.type in _EVENTS or b.type in _EVENTS) and "" != _city(a) != _city(b) != "":
        return False  # one talk given in two places (Cannes in April, Sherbrooke in May)
    for name in ("doi", "ecli", "volume", "edition", "number", "pages"):
        norm = doi_key if name == "doi" else folded
        va, vb = norm(a.fields.get(name, "")), norm(b.fields.get(name, ""))
        if name == "doi" and (doi_problem(doi_key(va)) or doi_problem(doi_key(vb))):
            continue  # a malformed DOI (LR120) tells nothing about which work it is
        if va and vb and va != vb and (name in ("doi", "ecli", "edition") or (_tells(va) and _tells(vb))):
            return False
    return True


def _two_days(a: Source, b: Source) -> bool:
    """Whether two entries of one title and year are dated by two days and are not in one container: a judgment and
    the Advocate General's opinion in one case. (A month or a year alone does not tell a work from its copy; nor do
    two days of one journal's article, dated online and in its issue.)"""
    day_a, day_b = _day(a), _day(b)
    if not (day_a and day_b and day_a != day_b):
        return False
    return not (folded(a.container) and folded(a.container) == folded(b.container))


def _day(source: Source) -> str:
    """The day a ``date`` field names ("2021-06-15"), '' when it names a month, a year, a range or nothing."""
    value = source.fields.get("date", "").strip()
    return value if len(value) == len("2021-06-15") and parse_iso(value) else ""


def _page(url: str) -> str:
    """An address as the page it names: without its scheme, "www.", case in the host, or a final slash."""
    rest = url.strip().split("://", 1)[-1]
    host, _, path = rest.partition("/")
    return f"{host.lower().removeprefix('www.')}/{path.rstrip('/')}"


def _city(source: Source) -> str:
    """The place an entry names (address or location) as its first part, folded ("Sherbrooke, QC, Canada" is
    "sherbrooke"): one place in two spellings is one."""
    place = source.fields.get("address") or source.fields.get("location") or ""
    return folded(plain(place).split(",", 1)[0])


_TALKS = frozenset({"unpublished", "misc"})
"""Entry types whose note or howpublished says where the work was given ("NeurIPS, Workshop on Systems for ML")."""
_VENUE_NOTES = ("note", "howpublished")
_EVENTS = _TALKS | {"inproceedings", "conference"}
"""Entry types whose place is where the work was given, so that two places are two talks or papers (a book's place,
where its publisher is, tells no copy apart: "Cambridge" and "New York" of one co-published book)."""


def _tells(value: str) -> bool:
    """Whether a volume, number or pages value says where the work was printed: not a placeholder an export writes
    before it is ("00--00", "just-accepted", "null")."""
    return any(c in value for c in "123456789")


def year_apart(a: Source, b: Source) -> str:
    """How two entries a year apart are one article: "online first" when the earlier gives no volume and no pages
    (or placeholders for them: "00--00", "just-accepted") and the later gives them, as an article published online
    first and then printed is cited; "same pages" when both give the same pages (registries and Google Scholar date
    one article by its online and by its printed issue); '' when they are not shown to be one, or when a title, an
    author, the journal, a DOI, a volume, a number or the pages tell them apart. The title must stand for the work
    (four words or more: a column or an editorial of one title is printed each year)."""
    if a.year is None or b.year is None or abs(a.year - b.year) != 1:
        return ""
    title = folded(full_title(a))
    if (title != folded(full_title(b)) or len(title.split()) < MIN_MAIN_TITLE_WORDS or not folded(a.container)
            or folded(a.container) != folded(b.container) or not a.authors
            or [folded(p.family) for p in a.authors] != [folded(p.family) for p in b.authors]
            or not _not_told_apart(a, b)):
        return ""
    early, late = (a, b) if a.year < b.year else (b, a)
    if any(_tells(late.fields.get(name, "")) for name in ("volume", "pages")) and not any(
            _tells(early.fields.get(name, "")) for name in ("volume", "pages")):
        return "online first"
    pages = folded(a.fields.get("pages", ""))
    return "same pages" if _tells(pages) and pages == folded(b.fields.get("pages", "")) else ""
