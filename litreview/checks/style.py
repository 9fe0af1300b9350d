"""Checks for defects a careful copy-editor would mark: capitals, stray punctuation, names, years.

Pure functions over ``Source``; a finding about one field is located at that field's line, any
other at the entry's first line.
Rules are deliberately narrow so that a well-formed entry never draws a finding.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date, datetime
from functools import partial

from ..bibliography import names
from ..bibliography.bibtex import full_last_page
from ..bibliography.dates import parse_iso
from ..bibliography.load import CONTAINER_FIELDS
from ..lazyre import lazy
from ..locale_terms import TITLE_SMALL_WORDS
from ..model import Bibliography, Finding, Source
from ..text import plural
from .bib import damaged_entries, entry_finding, folded, plain
from .body_names import check_body_names
from .braced_people import check_people_in_braces
from .cjk_names import check_cjk_names
from .doi_expected import check_doi_expected
from .hints import csl_form, own_name
from .style_names import capitals_house, check_name_forms, check_names, check_repeated_names

_ACRONYM_BRACES = re.compile(r"\{[^{}\s]*\}")
_WORD3 = re.compile(r"[^\W\d_]{3,}")
_DOUBLED = re.compile(r"[,;:]\s*[,;:.]|(?<!\.)(?<!\.\s)\.\s?\.(?!\.)(?!\s\.)")
"""Two marks in a row (", .", ". ."), not an ellipsis, close (...) or spaced as Chicago writes it (". . .")."""
# Starts only at a word start: scanning from inside a long word again and again was quadratic.
_PERIOD_THEN_MARK = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\.\s*[,;:]")
# Abbreviations that end with their own period ("Acme Corp., 1990" is not doubled punctuation).
_ABBREVIATIONS = frozenset({"corp", "dept", "assn", "univ", "vols", "repr", "trans", "comp", "intl", "govt",
                            "natl", "publ", "etc"})
# US states as Chicago and the GPO abbreviate them after a place ("Natchez, Miss.", "Cambridge, Mass."),
# those of four letters or more (shorter words are not taken for a word's period anyway).
_STATES = frozenset({"ariz", "calif", "colo", "conn", "kans", "mass", "mich", "minn", "miss", "mont", "nebr",
                     "okla", "oreg", "penn", "penna", "tenn", "wash", "wisc"})
_PLACE_BEFORE = lazy(r"[A-Z][^\W\d_]*\.?,\s*$")
_CUT_WORDS = frozenset({"the", "a", "an", "and", "or", "nor"})
_YEAR_IN_TITLE = re.compile(r"[(\[]\s*((?:1[4-9]|20)\d\d)\s*[)\]]")
_ORIGINAL_NOTE = lazy(
    r"\b(?:originally|first)\s+(?:published|printed|issued|appeared)\b\D{0,40}?\b((?:1[4-9]|20)\d\d)\b"
    r"|\borig\.\s*(?:publ?\.?\s*)?((?:1[4-9]|20)\d\d)\b",
    re.I,
)
_PAGES = re.compile(r"(\d+)\s*(?:--?|–|—)\s*(\d+)")
_WEB_TYPES = frozenset({"online", "www", "electronic", "misc"})


def check_style(bib: Bibliography, *, now: datetime, access_max_age_days: int,
                damaged: Collection[str] | None = None, skip: bool = True) -> list[Finding]:
    """Every formatting check on every entry, in file order (``damaged``: the ``damaged_entries`` of ``bib``,
    computed when not given; ``skip``: as ``bib.check_bibliography``'s)."""
    found: list[Finding] = []
    today = now.date()
    if damaged is None:  # a syntax error may have swallowed the doi field: no "no DOI" then
        damaged = damaged_entries(bib)
    read: list[tuple[bool, dict[int, int]]] = []

    def given_first(source: Source) -> bool:
        """Whether the bibliography writes its people given name first and no one family first but in ``source``:
        one that writes some "Family, Given" may write "Nguyen Thi, Minh Anh" so too. Read once, at the first name
        that needs it (few do)."""
        if not read:
            lists = {id(s): [s.fields.get(role, "") for role in ("author", "editor")] for s in bib.sources}
            comma = {at: sum(names.name_forms(v).count("comma") for v in values if v) for at, values in lists.items()}
            read.append((names.given_first(v for values in lists.values() for v in values), comma))
        first, comma = read[0]
        return first and sum(comma.values()) == comma.get(id(source), 0)

    house: list[bool] = []

    def house_capitals() -> bool:
        """Whether the bibliography writes family names in capitals on purpose; read once, at the first name so."""
        if not house:
            house.append(capitals_house(bib.sources))
        return house[0]

    for s in bib.sources:
        fields = s.fields
        found.extend(check_capitals(s))
        found.extend(check_title_punctuation(s))
        found.extend(check_names(s, house_capitals))
        found.extend(check_name_forms(s, partial(given_first, s)))
        found.extend(check_repeated_names(s))
        found.extend(check_people_in_braces(s))
        found.extend(check_body_names(s))
        found.extend(check_cjk_names(s))
        found.extend(check_container(s))
        found.extend(check_inverted_container(s))
        found.extend(check_original_year(s))
        # Without its field each check below finds nothing (most entries): skipped then.
        if not skip or fields.get("urldate"):
            found.extend(check_access_date(s, today, access_max_age_days))
        if s.key not in damaged:
            found.extend(check_doi_expected(s))
        if not skip or fields.get("pages"):
            found.extend(check_pages(s))
    return found


def is_all_capitals(raw: str) -> bool:
    """True for text in capitals (acronyms protected by braces do not count)."""
    if raw != raw.upper():  # a lower-case letter somewhere: the common case, decided at once
        return False
    text = plain(_ACRONYM_BRACES.sub(" ", raw))
    letters = [c for c in text if c.isalpha()]
    # Letters of scripts without case (Chinese, Japanese, Arabic...) are neither: a title mostly in
    # them is not "in capitals", and the Latin capitals inside it are acronyms.
    capitals = sum(c.isupper() for c in letters)
    return (capitals >= 8 and 2 * capitals > len(letters) and not any(c.islower() for c in letters)
            and len(_WORD3.findall(text)) >= 2)


def title_case(text: str) -> str:
    """A title-case rendering of an all-capitals title (a suggestion, not a rule)."""
    words = text.split(" ")
    out: list[str] = []
    for i, written in enumerate(words):
        word = written.lower()
        keep_small = 0 < i < len(words) - 1 and word in TITLE_SMALL_WORDS and not out[-1].endswith(":")
        out.append(written if _acronym(written) else word if keep_small else _capitalised(word))
    return " ".join(out)


def _capitalised(word: str) -> str:
    """A word in lower case capitalised, each part of a hyphenated one too but a small word within it
    ("Weser-Kurier", "State-of-the-Art")."""
    parts = word.split("-")
    return "-".join(p if 0 < n < len(parts) - 1 and p in TITLE_SMALL_WORDS else p[:1].upper() + p[1:]
                    for n, p in enumerate(parts))


def _acronym(word: str) -> bool:
    """Whether a word in capitals reads as an acronym, kept so in a title-case suggestion ("IEEE", "HTTP", "SIAM"): a
    body's acronym, no vowel in two letters or more, or a run of three vowels (``_vowel_run``); not a word ("THE",
    "PROCEEDINGS", "LOYALTY")."""
    letters = "".join(_LETTERS.findall(word))
    return letters.isupper() and (letters in _BODY_ACRONYMS or (len(letters) >= 2 and not _VOWEL.search(letters))
                                  or any(_vowel_run(p) for p in _LETTERS.findall(word)))


def _vowel_run(letters: str) -> bool:
    """Whether ``letters`` (one run of them) are an acronym by a run of three vowels: four letters at most ("IEEE",
    "IAEA"), Y no vowel there; words hold such runs too ("VARIOUS", "QUEUE", "LOYALTY")."""
    return len(letters) <= 4 and _VOWEL_RUN.search(letters.upper()) is not None


def _container_field(source: Source) -> str:
    fields = source.fields
    for name in CONTAINER_FIELDS:
        value = fields.get(name)
        if value and plain(value):
            return name
    return ""


def check_capitals(source: Source) -> Iterable[Finding]:
    """LR130 for a title, or a container that is not just the title again, in capitals."""
    if is_all_capitals(source.fields.get("title", "")):
        yield entry_finding("LR130", source, f"title is in capitals: {source.title!r}",
                            f"write it in title case, e.g. {title_case(source.title)!r}; "
                            "protect real acronyms with braces", field="title")
    name = _container_field(source)
    if (name and is_all_capitals(source.fields.get(name, "")) and folded(source.container) != folded(source.title)
            and not _acronyms(plain(source.fields[name]))):  # "IEEE GRSL", "ACM TOG": abbreviations, as written
        yield entry_finding("LR130", source, f"{name} is in capitals: {source.container!r}",
                            f"write it in title case, e.g. {title_case(source.container)!r}", field=name)


_LETTERS = lazy(r"[^\W\d_]+")
_VOWEL = lazy(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý]")
_VOWEL_RUN = lazy(r"[AEIOU]{3}")
#: bodies whose acronym reads like a word and opens a journal's name ("NIST NSRDS", "SIAM J. Comput."); an acronym
#: with no vowel ("GRSL"), a run of three ("IEEE") or three letters at most ("ACM", "TOG") tells itself
_BODY_ACRONYMS = frozenset({"NIST", "SIAM", "ASME", "ASCE", "IFAC", "IFIP", "SPIE", "IJCAI",
                            "NASA", "NATO", "OECD", "UNESCO", "NBER", "IUCR", "IUPAC", "ICML", "CVPR", "ICCV", "ECCV",
                            "NIPS", "ICASSP", "ICRA", "IROS", "SIGCHI", "SIGMOD", "SIGIR", "SIGKDD", "VLDB", "LNCS"})


def _acronyms(text: str) -> bool:
    """Whether a name in capitals is written in acronyms alone ("IEEE GRSL", "NIST NSRDS", "ACM TOG"), as a thesis
    abbreviates a journal, not in words ("CELL STEM CELL", "BRAIN RES", "JOURNAL OF SUPERCOMPUTING"): no word of
    four letters or more reads as one (a vowel in it, no run of three, not a body's acronym)."""
    return not any(len(w) >= 4 and _VOWEL.search(w) and not _vowel_run(w) and w not in _BODY_ACRONYMS
                   for w in _LETTERS.findall(text.upper()))


def _closes_dash_pair(title: str) -> bool:
    """Whether the dash that ends a title closes one that opened a part of it, as IEEE writes a subtitle
    ("Post processor for robots — Circular arc interpolation —")."""
    last = title[-1]
    return last in "–—" and title[:-1].count(last) % 2 == 1


def check_title_punctuation(source: Source) -> Iterable[Finding]:
    """LR131 for a dangling or doubled mark, LR132 for a title that stops mid-phrase."""
    title = source.title.strip()
    if not title:
        return
    last = title[-1]
    if last == ":":
        yield entry_finding("LR131", source, f"title ends with a colon: {title!r}",
                            "the subtitle after the colon seems to be missing: copy the full title "
                            "(or drop the colon)", field="title")
    elif last in ",;-–—" and not _closes_dash_pair(title):
        yield entry_finding("LR131", source, f"title ends with {last!r}: {title!r}", "remove the stray mark",
                            field="title")
    elif mark := _doubled(title):
        yield entry_finding("LR131", source, f"title has doubled punctuation {mark!r}: {title!r}",
                            "keep one mark", field="title")
    elif last == "." and title[-2:-1].isspace() and title[-3:-2] not in ".…":
        # "A title ." : the word split off its period, and the period left standing alone
        yield entry_finding("LR131", source, f"title ends with a period after a space: {title!r}",
                            "remove the period (styles add their own)", field="title")
    elif last == "." and _ends_with_word_period(title):
        yield entry_finding("LR131", source, f"title ends with a period: {title!r}",
                            "styles add their own period; remove it", field="title")
    words = title.rstrip("\"'”’").split()
    if title.endswith(("...", "…")) and not _ELLIPSIS.search(title.rstrip(".… ")):
        # an ellipsis inside the title too is the work's own style ("MiKTeX… typesetting beautiful documents…")
        yield entry_finding("LR132", source, f"title ends with an ellipsis: {title!r}", field="title")
    elif title.count("(") > title.count(")") or title.count("[") > title.count("]"):
        yield entry_finding("LR132", source, f"title has an unclosed bracket: {title!r}", field="title")
    elif (words and words[-1].casefold() in _CUT_WORDS and len(words) > 1
          and (words[-1] != "A" or title.isupper())):  # "Bisphenol A", "Vitamin A": a label, no article
        yield entry_finding("LR132", source, f"title ends with {words[-1]!r}: {title!r}", field="title")


_ELLIPSIS = lazy(r"\.\.\.|…")
"""An ellipsis, as three periods or as one character."""


def _is_word(word: str) -> bool:
    # "Inc.", "U.S.", "e.g." and "Corp." end with a period of their own; a plain word does not.
    return len(word) >= 4 and word.isalpha() and not word.isupper() and word.casefold() not in _ABBREVIATIONS


def _is_state_after_place(title: str, start: int, word: str) -> bool:
    # "Natchez, Miss.": the state's period, not the sentence's; "Critical Mass." stays a word.
    # (Only the 40 characters before it: a place's name is short, and a search from the title's start
    # would rescan a long run of letters at each position.)
    return word.casefold() in _STATES and bool(_PLACE_BEFORE.search(title, max(0, start - 40), start))


def _ends_with_word_period(title: str) -> bool:
    word = title.split()[-1][:-1]
    return _is_word(word) and not _is_state_after_place(title, len(title) - len(word) - 1, word)


def _doubled(title: str) -> str:
    """The first doubled mark (',,', '..', 'word.,'), or ''."""
    if "." not in title and title.count(",") + title.count(";") + title.count(":") < 2:
        return ""
    match = _DOUBLED.search(title)
    if match:
        return match.group(0)
    for match in _PERIOD_THEN_MARK.finditer(title):
        word = match.group(1)
        if _is_word(word) and not _is_state_after_place(title, match.start(), word):
            return match.group(0)[len(word):]
    return ""


# Types of a whole book, no part of one: a booktitle beside their title is printed by no style (Mendeley writes the
# title again there)
_WHOLE_BOOKS = frozenset({"book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "reference",
                          "mvreference", "booklet", "manual"})
# A part of a book -> the type of the whole book, for an entry that is the book (its title its booktitle)
_WHOLE_OF = {"inproceedings": "proceedings", "conference": "proceedings", "incollection": "collection"}


def check_container(source: Source) -> Iterable[Finding]:
    """LR134 when the container field only repeats the title; the hint by the entry's type (a book's booktitle
    deleted, a proceedings volume written as a paper in it made @proceedings)."""
    name = _container_field(source)
    if name and source.title and folded(source.container) == folded(source.title):
        kind = source.type.lower()
        hint = ("name the site that publishes the page (or drop the field)" if kind in _WEB_TYPES
                else "name the journal or book that contains the work")
        if name == "booktitle" and not csl_form(source) and kind in _WHOLE_BOOKS:
            hint = f"delete booktitle: a @{kind} is a whole work, in no book, and no style prints its booktitle"
        elif name == "booktitle" and not csl_form(source) and (whole := _WHOLE_OF.get(kind)):
            hint = (f"if the entry is the whole {whole} (it names their editors), make it @{whole} and delete "
                    f"booktitle; else name the {whole} that contain the paper" if whole == "proceedings" else
                    f"if the entry is the whole {whole} (it names its editors), make it @{whole} and delete "
                    f"booktitle; else name the {whole} that contains the chapter")
        yield entry_finding("LR134", source, f"{name} repeats the title: {source.container!r}", hint, field=name)


_INVERTED_HEADS = frozenset({"conference", "symposium", "workshop", "congress", "colloquium", "convention", "meeting",
                             "forum", "summit", "seminar", "transactions", "journal"})
"""The words that end a journal's or a proceedings' name IEEE Xplore writes inverted, before "on": "..., 2010 IEEE
Conference on", "..., IEEE Transactions on", "..., IEEE Journal on"."""
_INVERTIBLE = ("journal", "journaltitle", "booktitle", "maintitle", "eventtitle")


def check_inverted_container(source: Source) -> Iterable[Finding]:
    """LR132 for a journal or proceedings name that ends with "Conference on" or "Transactions on": IEEE Xplore's
    inverted form ("Computer Vision and Pattern Recognition (CVPR), 2010 IEEE Conference on"), which styles print
    as written, or a name cut there; the hint writes it in reading order when a comma parts its head from the rest."""
    for name in _INVERTIBLE:
        value = plain(source.fields.get(name, "")).strip().rstrip(". ")
        words = value.split()
        if len(words) < 3 or words[-1].casefold() != "on" or words[-2].casefold() not in _INVERTED_HEADS:
            continue
        rest, _, head = value.rpartition(", ")
        # "..., 2009. ICASSP 2009. IEEE International Conference on": the year and acronym between are left out
        head = head.rpartition(". ")[2]
        if rest and len(head.split()) >= 2:
            hint = (f"write {name} = {{{head} {rest.rstrip(',. ')}}}: the name in reading order (IEEE Xplore "
                    "writes it inverted, its head last)")
        else:
            hint = "copy the full name from the work or its registry record"
        yield entry_finding("LR132", source, f"{name} ends with {' '.join(words[-2:])!r}: {value!r}", hint,
                            field=name)


def title_year_conflict(source: Source) -> str:
    """The year a title carries in brackets when it differs from the entry's year, else ''.

    Not in a journal article's title: there the year is part of what the article is about
    ("Missing terms in Terminologia Anatomica (1998)"); reprints with an original year are books and chapters.
    """
    title = source.title
    if source.type == "article":
        return ""
    match = _YEAR_IN_TITLE.search(title) if "(" in title or "[" in title else None  # (the year is in brackets)
    if match and source.year is not None and int(match.group(1)) != source.year:
        return match.group(1)
    return ""


def check_original_year(source: Source) -> Iterable[Finding]:
    """LR135 when the title or note gives a year that contradicts the entry's year."""
    year = source.year
    if year is None:
        return
    other = title_year_conflict(source) if "(" in source.title or "[" in source.title else ""
    if other:
        yield entry_finding(
            "LR135", source, f"title carries the year ({other}) but the entry's year is {year}",
            f"if {other} is when the work first appeared, move it to origdate = {{{other}}} and drop "
            "it from the title; otherwise correct the year", field="title")
    fields = source.fields
    originals = [(name, int(m.group(1) or m.group(2))) for name in ("note", "addendum") if fields.get(name)
                 for m in _ORIGINAL_NOTE.finditer(plain(fields[name]))]
    origdate = plain(fields.get("origdate", ""))
    orig = parse_iso(origdate.split("/")[0]) if origdate else None
    if orig is not None:
        originals.append(("origdate", orig.year))
    for name, when in originals:
        if when > year:
            yield entry_finding("LR135", source, f"{name} gives {when} as the original year, after the "
                                f"entry's year {year}", "the original cannot be later than the edition cited",
                                field=name)
    if len({when for _, when in originals}) > 1:
        listed = ", ".join(f"{name} {when}" for name, when in originals)
        yield entry_finding("LR135", source, f"original years disagree: {listed}")


_SNAPSHOT = re.compile(r"(?:web\.)?archive\.org/web/\d{4,14}(?:[a-z]{2}_)?/", re.I)
"""A Wayback Machine snapshot's address (host and path): its time stamp, not "*" (a search of snapshots)."""
_ARCHIVES = frozenset({"perma.cc", "archive.ph", "archive.today", "archive.is", "archive.li", "archive.vn",
                       "archive.md", "webcitation.org", "www.webcitation.org"})
"""Hosts whose every page is an archived copy that does not change."""


def fixed_copy(url: str) -> bool:
    """Whether the address names a copy of a page that never changes, so that when it was read does not age: a
    Wayback Machine snapshot, an archive's page (perma.cc, archive.today), a Wikipedia revision (``oldid=``)."""
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if host in _ARCHIVES or _SNAPSHOT.match(f"{host}{parts.path}"):
        return True
    return (host.endswith((".wikipedia.org", ".wikimedia.org", ".wiktionary.org"))
            and bool(parse_qs(parts.query).get("oldid")))


def found_again_without_page(source: Source) -> bool:
    """Whether the work is found again by something other than its page: a DOI, an arXiv, PubMed or PMC id (in its
    fields, or an arXiv address as its url), or a journal article's volume and pages in its journal."""
    if source.doi:
        return True
    from ..registry.ids import arxiv_page_id, entry_identifiers

    if not entry_identifiers(source.fields).keys().isdisjoint({"arxiv", "pmid", "pmcid"}):
        return True
    if arxiv_page_id(source.url):
        return True  # (the preprint's own page: arXiv keeps every version at its id)
    return source.type == "article" and bool(source.container and source.volume and source.pages)


def check_access_date(source: Source, today: date, max_age_days: int) -> Iterable[Finding]:
    """LR136 for a web source accessed longer ago than ``max_age_days``.

    An entry found again by an identifier or by its journal's volume and pages (``found_again_without_page``) is
    not a web source: the page is only where it was read, and the access date a reference manager records on import
    (Zotero does, on every item) goes unprinted.
    """
    raw = plain(source.fields.get("urldate", ""))
    when = parse_iso(raw) if raw else None
    if (when is None or not (source.url or source.type in _WEB_TYPES) or fixed_copy(source.url)
            or found_again_without_page(source)):
        return
    age = (today - when).days
    if age > max_age_days:
        ago, limit = _years(age), _years(max_age_days)
        if ago == limit:  # "5 years ago (limit 5 years)" reads as within it: the months over it
            ago = _years(age, months=True)
        yield entry_finding("LR136", source, f"web source last accessed {raw}, {ago} ago (limit {limit})",
                            # (the catalogue's hint names urldate, BibTeX's field; a CSL item calls it accessed)
                            f"visit the page again and update {own_name('urldate', source)}, or cite an archived copy."
                            if csl_form(source) else "",
                            field="urldate")


def _years(days: int, *, months: bool = False) -> str:
    """An age in whole years (two or more), else in days; ``months``: with what is over the years too, in whole
    months ("5 years and 1 month"), in days under a month ("5 years and 10 days"), twelve months a year."""
    if days < 730:
        return plural(days, "day")
    years, rest = divmod(days, 365)
    if not months or not rest:
        return plural(years, "year")
    if rest < 30:
        return f"{plural(years, 'year')} and {plural(rest, 'day')}"
    over = rest // 30
    if over >= 12:  # 360 to 364 days: all but a year
        return plural(years + 1, "year")
    return f"{plural(years, 'year')} and {plural(over, 'month')}"


def expanded_pages(raw: str) -> str:
    """'448--88' -> '448--488' for an abbreviated page range ('' when it is not one)."""
    match = _PAGES.fullmatch(plain(raw))
    if not match:
        return ""
    first, last = match.groups()
    full = full_last_page(first, last)
    return f"{first}--{full}" if full else ""


def check_pages(source: Source) -> Iterable[Finding]:
    """LR138 for an abbreviated page range, LR139 for one that ends before it starts."""
    raw = plain(source.fields.get("pages", ""))
    match = _PAGES.fullmatch(raw)
    if not match:
        return
    first, last = match.groups()
    if max(len(first), len(last)) > 18:  # not a page number (and int() refuses > 4,300 digits)
        return
    expanded = expanded_pages(raw)
    if expanded:
        yield entry_finding("LR138", source, f"page range {raw!r} is abbreviated", f"write pages = {{{expanded}}}",
                            field="pages")
        return
    if len(last) < len(first) and int(last) < int(first):
        last = first[: len(first) - len(last)] + last
    if int(last) < int(first):
        yield entry_finding("LR139", source, f"page range {raw!r} ends before it starts", field="pages")
