"""Author-date citations as a citation style renders them: "(Keohane and Nye 2012, 23)", "Holsti (2004)".

Each becomes a ``Mention`` (keys empty when it resolves to no entry) and each resolved one a
``marker`` hit with its locator. Year suffixes (2015a, n.d.-b) are matched the way citeproc assigns
them; see ``litreview.linking.labels``. This module reads the parentheses with names and years;
a citation that prints only its year is read in ``author_date_narrative``, and every one is
recorded by ``author_date_hit``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from functools import partial

from ..lazyre import lazy
from ..model import Claim, Mention
from . import cited_letters, cited_titles, shorthand, terms
from .author_date_hit import (
    _emit,
    _reportable,
    _second_year,
    _year_text,
    closing,
    every_letter_of_a_group,
    one_entry_per_item,
    one_entry_per_label,
    year_label,
)
from .author_date_narrative import _year_only, nameless_keys, names_before, narrative_window
from .author_names import (
    after_another,
    fit,
    given_names_fit,
    looks_like_names,
    lookup,
    loose,
    names_an_entry,
    note_in_full,
    parted_list,
    plausible_surname,
    wrote_et_al,
)
from .hits import Found
from .index import SourceIndex, persons_of
from .printed_years import (
    COMMON_YEAR,
    YEAR_WORDS,
    YearForms,
    candidates,
    labels_of,
    suffixes,
    year_forms,
    year_number,
    year_word,
)
from .text import fold, tokens_before

_PAREN = lazy(r"\((?P<body>[^()]*)\)")
_NESTED = lazy(r"\((?P<body>[^()]*(?:\([^()]*\)[^()]*)+)\)")
"""A parenthesis holding some of its own, read when nothing was found in it: an item named by a title with a
parenthesis, as styles cite a web page with no author ("(Coronavirus (COVID-19) Response, 2024)"), or a statute
with its subsections ("(Criminal Code, ss. 686(1)(a)(ii), 686(1)(b)(iii))")."""
_MORE_LETTER = lazy(r"^\s*,\s*(?P<s>[a-z]{1,2})(?![\w.’'])(?!\s+[^\W\d_]{2,}(?![\w.])(?!\s*\d))")
"""A further letter of the same year, as styles that collapse year suffixes print it: "(Doe 2010a, b, c)", "(Doe
2010a, b chap. 3)"; not a short word of the author's note that prose follows ("(Doe 2010b, en particulier le
chapitre 3)")."""


def find_in_claim(claim: Claim, before: str, index: SourceIndex, found: Found, after: str = "",
                  passage: str = "") -> None:
    """Author-date citations in one claim (``before``, ``after``: the previous and next sentence of its paragraph;
    ``passage``: its sentences before this one, ``before`` by default)."""
    text = claim.text
    short = shorthand.shorthands(index).pattern
    forms = year_forms(index)
    shared, in_paren = _shared_letters(text, forms, index)
    claim_from = len(found.mentions)
    for paren in _parentheses(claim, found):
        body = paren.group("body")
        if "@" in body:
            continue
        if not (forms.year.search(body) or (short and short.search(body))):
            _undated(claim, paren, index, found)
            continue
        last_names = ""
        offset = paren.start("body")
        read_from = len(found.mentions), len(found.hits)
        taken = partial(_taken, claim, paren, index, found, bool(short))
        for seg_text, seg_start, item in _items(body, forms, index, taken):
            if item is None:
                last_names = ""
                continue
            names, years, rest = item
            if (names and all(fold(w).strip(".,") in terms.PREFIXES for w in names.split())
                    and not any(candidates(lookup(names, index), y, s, index) for y, s in years)):
                names = ""  # "see 2016", "cf. n.d.-l": a prefix, not a name (unless an entry's, of that year: "Example")
            at = offset + seg_start
            carried = not names.strip()
            if carried:
                if last_names and not _nameless_label(last_names, years, index):
                    names = last_names
                else:
                    _year_only(claim, paren, seg_text, at, years, rest, before, index, found, shared)
                    last_names = ""
                    continue
            last_names = names
            _names_years(claim, paren, seg_text, at, names, years, rest, index, found, shared,
                         in_paren.get(paren.start(), ()), closing(passage or before, text, paren), carried)
        if paged := [(seg, at) for seg, at in _segments(body) if _PAGE_NO_YEAR.search(seg) and not forms.year.search(seg)]:
            _undated(claim, paren, index, found, paged)  # "(Rancour & Bile, p. 7, Rancour 1922)"
        one_entry_per_label(found, *read_from, index)
        one_entry_per_item(found, *read_from)
    _bare_et_al(claim, index, found)
    bare_undated(claim, index, found, after)
    if short:
        for start, end, written, keys, locator in shorthand.in_text(text, index):
            if not found.covered(claim.id, start, end):
                found.cover(claim.id, start, end)
                _emit(claim, keys, written, text[start:end], start, locator, 1.0, index, found)
    every_letter_of_a_group(claim, found, claim_from)


_ET_AL_NAMES = rf"(?<![\w(])(?P<names>[^\W\d_][\w'’\-]*\s+(?:{terms.ET_AL_WRITTEN}))"
"""A family name, hyphenated or not ("Foreman-Mackey"), and a locale's "et al.", not glued to a word or just after
"(": the names of ``_BARE_ET_AL`` and ``_BARE_UNDATED``."""


_BARE_ET_AL = lazy(_ET_AL_NAMES + rf",?\s+(?P<year>{COMMON_YEAR})(?P<s>[a-z]?)(?![\w–-])")
"""Names with a locale's "et al." and a year written with no parenthesis ("as Asplund et al. 2022 argued", "wie
Asplund u. a. 2022 zeigen")."""


def _bare_et_al(claim: Claim, index: SourceIndex, found: Found) -> None:
    """ "Asplund et al. 2022" outside any parenthesis that no entry fits: reported as a citation with no entry ("et
    al." before a year is a citation, not prose). One an entry fits is left to the names' attribution."""
    text = claim.text
    parens: list[tuple[int, int]] | None = None  # found once a sentence has such names (most have none)
    for m in _BARE_ET_AL.finditer(text):
        start, end = m.start(), m.end()
        if parens is None:
            parens = [(p.start(), p.end()) for p in _PAREN.finditer(text)]
        names, year, suffix = m.group("names"), m.group("year"), m.group("s")
        if (any(a <= start < b for a, b in parens) or found.covered(claim.id, start, end)
                or not all(map(plausible_surname, names.split()[0].split("-"))) or not _reportable(year, m.group())):
            continue
        keys = lookup(names, index) or loose(names, index, in_part=False)
        if keys and candidates(keys, year, suffix, index):  # "Roe et al. 2001" for Roe's work, as "(Roe et al. 2001)" is
            continue
        found.cover(claim.id, start, end)
        written = f"{names} {_year_text(year, suffix)}"
        found.mention(start, Mention(claim.id, "marker", written, (), f"no entry for {written}"))


_BARE_UNDATED = lazy(_ET_AL_NAMES + r"(?=\s*(?:[.;:]\s*)?(?:[A-Z]|$))")
"""Names with "et al." (or the locale's: DIN 1505-2's "u. a.") closing a sentence with no year after them ("... neural
dialog generation Nakamura et al. As a multilingual ...")."""


def bare_undated(claim: Claim, index: SourceIndex, found: Found, after: str = "") -> None:
    """ "Nakamura et al." at a sentence's end, outside any parenthesis: styles that print no "n.d." (Springer's, DIN
    1505-2's) render a narrative citation of an entry with no date as its names alone. Read only when the names fit
    one entry, which has no date (names that fit a dated entry are the author's, not a citation), and not at the
    claim's end when the next sentence (``after``) opens with a parenthesis: the sentence was split after the "et al."
    of a narrative citation whose year follows ("Gauck m.fl. | (u.å.) argues"), which is read there."""
    text = claim.text
    parens = [(m.start(), m.end()) for m in _PAREN.finditer(text)]
    labels = labels_of(index)
    for m in _BARE_UNDATED.finditer(text):
        start, end = m.start(), m.start() + len(m.group("names"))
        if (any(a <= start < b for a, b in parens) or found.covered(claim.id, start, end)
                or (not text[end:].strip() and after.lstrip().startswith("("))):
            continue
        names = m.group("names")
        named = fit(names, lookup(names, index), index)
        if len(named) != 1 or labels[named[0]].year is not None or year_word(index, named[0]):
            continue
        found.cover(claim.id, start, end)
        _emit(claim, named, names, names, start, "", 0.9, index, found, guessed=True)


def _nameless_label(names: str, years: list[tuple[str, str]], index: SourceIndex) -> bool:
    """ "(compare Allright, n.d.; also n.d.-k)": a lettered year after ";" is an entry named by nothing, not the
    names before it, when those names have one entry of that year at most (a letter tells apart two printed alike)
    and the bibliography has such an entry (a bare year after ";" is otherwise the names before it: "(Doe 2001;
    2003)", "(GitHub 2017c; 2017d)")."""
    if not all(suffix for _, suffix in years) or not nameless_keys(index):
        return False
    labels = labels_of(index)
    named = lookup(names, index)
    for year, _ in years:
        wanted = None if year == "n.d." else int(year) if year.isdigit() else "?"
        same = [k for k in named if labels[k].year == wanted]
        if len(same) > 1 or any(labels[k].suffix for k in same):
            return False
    return True


def _parentheses(claim: Claim, found: Found) -> Iterator[re.Match[str]]:
    """The claim's plain parentheses, then, once those are read into ``found``, the ones holding a parenthesis of
    their own that no citation found so far overlaps."""
    yield from _PAREN.finditer(claim.text)
    spans = [*found.spans.get(claim.id, ()),
             *((at, at + len(m.text)) for at, m in found.mentions if m.claim_id == claim.id)]
    for paren in _NESTED.finditer(claim.text):
        if not any(a < paren.end() and b > paren.start() for a, b in spans):
            yield paren


_Parsed = tuple[str, list[tuple[str, str]], str]
"""A citation item read: its names, its (year, letter) pairs, what follows them (a locator)."""


def _items(body: str, forms: YearForms, index: SourceIndex,
           taken: Callable[[str, int, _Parsed | None], bool] | None = None) -> Iterator[tuple[str, int, _Parsed | None]]:
    """The dated items of a citation's ``body`` with where they start, names parted by ";" joined to the item they
    belong to (``_listed_with``: "Luo; Cao; Barzilay, 2019" is one item by "Luo Cao and Barzilay"). ``taken``:
    whether the caller read a segment as something else (a shorthand); it is then yielded with None."""
    undated: list[tuple[str, int]] = []  # names with no year yet
    last: list[tuple[str, str]] = []  # the years of the item before
    for segment in _segments(body):
        seg_text, seg_start = segment
        parsed = _parse_segment(seg_text, forms, index)
        if parsed is None and last and last[-1][1] and (lone := _LONE_LETTER.fullmatch(seg_text)):
            parsed = "", [(last[-1][0], lone.group("s"))], ""  # "2017a, chap. 3, b": the year's next letter
        if taken is not None and taken(seg_text, seg_start, parsed):
            undated, last = [], []
            yield seg_text, seg_start, None
            continue
        if parsed is None:
            undated.append(segment)
            last = []
            continue
        names, years, rest = parsed
        last = years
        if undated and names and (listed := _listed_with(undated, names, index))[0]:
            opens = undated[listed[1]][1]
            names, seg_text, seg_start = listed[0], body[opens:seg_start + len(seg_text)], opens
        elif undated and not names and (alone := _names_then_year(undated[-1][0], years, index)):
            opens = undated[-1][1]
            names, seg_text, seg_start = alone, body[opens:seg_start + len(seg_text)], opens
        undated = []
        named = _names_comma_year(rest, forms, index)
        if named is None and seg_text[:len(seg_text) - len(rest)].endswith("."):  # "(… Seuils, 1987. Il y …)"
            named = _names_after_sentence(rest, forms, index)
        if named is None:  # "(Madero 2011, citado en Castillo, Miranda, and Madero-Cabib 2013)"
            named = _names_after_prefix(rest, forms, index)
        if named is None:
            yield seg_text, seg_start, (names, years, rest)
            continue
        at, item = named
        cut = len(seg_text) - len(rest)
        yield seg_text[:cut], seg_start, (names, years, "")
        last = item[1]
        yield seg_text[cut + at:], seg_start + cut + at, item


_NAMES_COMMA = lazy(r"\s*,\s*(?P<names>[^\W\d_][^\d,;()]*?),\s*(?=\d)")
"""A comma after an item's year, then names alone and a comma before a year: pandoc's rendering of a narrative
citation inside a list of a style that parts items with commas ("(Mahlo 1956, Keller, 2009, Plake 1999)")."""


def _names_comma_year(rest: str, forms: YearForms, index: SourceIndex) -> tuple[int, _Parsed] | None:
    """Where in ``rest`` (what follows an item's years) a further item "Keller, 2009" starts, and it read, when
    its names have an entry of each of its years (``_names_then_year``); None otherwise ("(Doe 2001, Table 2)", a
    locator "p. 5, 2016")."""
    match = _NAMES_COMMA.match(rest)
    if match is None:
        return None
    parsed = _parse_segment(rest[match.end():], forms, index)
    if parsed is None or parsed[0]:
        return None
    names = match.group("names").strip()
    if not _names_then_year(names, parsed[1], index):
        return None
    return match.start("names"), (names, parsed[1], parsed[2])


_SENTENCE_END = lazy(r"[.!?…]\s+(?=[^\W\d_])")
"""The end of a sentence of prose, before the next one's first word."""


def _names_after_sentence(rest: str, forms: YearForms, index: SourceIndex) -> tuple[int, _Parsed] | None:
    """Where in ``rest`` (what follows an item's years) a further item starts when the sentence of that year ends
    there, and it read: the item after the last sentence whose names have an entry of each of its years
    (``_names_then_year``). pandoc prints a citation's prefix, prose of any length, before its names: "(Gasparini
    takes up here Genette's classification in his Seuils, 1987. The paratext is thus the peritext and the epitext.
    Gasparini, 2004, p. 61)", read where the year's sentence ends. None when no later sentence is such an item."""
    for end in reversed(list(_SENTENCE_END.finditer(rest))):
        parsed = _parse_segment(rest[end.end():], forms, index)
        if parsed is not None and _names_then_year(parsed[0], parsed[1], index):
            return end.end(), parsed
    return None


_PREFIX_WORDS = lazy(r"\s*,\s*(?P<words>(?:[^\W\d_][\w.]{0,15}\s+){1,4})(?=[^\W\d_])")
"""A comma after an item's years, then a few words before a name: a prefix, "citado en", "as cited in", "zit. n."."""


def _names_after_prefix(rest: str, forms: YearForms, index: SourceIndex) -> tuple[int, _Parsed] | None:
    """Where in ``rest`` (what follows an item's years) the work a secondary citation was read in starts, and it read:
    "(Madero 2011, citado en Castillo, Miranda, and Madero-Cabib 2013, 160)", "(Madero, 2011, as cited in Castillo,
    Madero-Cabib, & Miranda, 2013)", names with commas in them after a prefix in lower case, when they are an entry's
    and it has an entry of each of their years. None otherwise: "(Doe 2001, on the raven, Roe 2019)" with no entry
    of Roe's of 2019 keeps its note as its locator."""
    match = _PREFIX_WORDS.match(rest)
    if match is None or not match.group("words").islower() or not rest[match.end()].isupper():
        return None
    parsed = _parse_segment(rest[match.end():], forms, index)
    keys = lookup(parsed[0], index) if parsed is not None and parsed[0] else []
    if parsed is None or not keys or not all(candidates(keys, year, suffix, index) for year, suffix in parsed[1]):
        return None
    return match.end(), parsed


def _names_then_year(seg: str, years: list[tuple[str, str]], index: SourceIndex) -> str:
    """The names of a segment with no year, when the years after the next ";" are theirs: pandoc's citeproc prints
    a narrative citation of several works inside a parenthetical style's list as the names, ";" and the year
    ("(Mahlo 1956; Keller; 2009; Plake 1999)", "(Dörner, 2001; Schultz; 2004, 2002)"). Only names with an entry
    of each year ('' otherwise): a bare year after ";" is else the names before it ("(Doe 2001; 2003)")."""
    names, locator = _unprefixed(seg)
    if locator or not names or not looks_like_names(names):
        return ""
    keys = lookup(names, index)
    return names if keys and all(candidates(keys, year, suffix, index) for year, suffix in years) else ""


def _listed_with(undated: list[tuple[str, int]], names: str, index: SourceIndex) -> tuple[str, int]:
    """The names of ``undated`` segments and ``names`` as one entry's name list, with the first segment it takes
    (``parted_list``); ('', 0) otherwise (the segments are then left as they were)."""
    # "(e.g., Wright; Howard, 2009)", "(RHM, Kroll; Stewart, 1994)": ``parted_list`` reads the names past a prefix
    return parted_list([seg.strip() for seg, _ in undated], names, index)


_PINPOINT = r"\d[\d–\-]*(?:\([\da-z]{1,4}\))*"
_TRAILING_LOCATOR = lazy(rf",\s*(?:[^\W\d_]{{1,7}}\.?|[¶§]{{1,2}})\s*{_PINPOINT}(?:,\s*{_PINPOINT})*"
                         rf"(?:\s*\([^()]*\)|,\s*[^\W\d_][^\d,()]{{0,30}}(?:,\s*{_PINPOINT})?)*\s*$")
"""A labelled locator after the names: ", pp. 12–14", ", chap. 2", ", fn. 4", a list of pinpoints (", paras. 32,
42–43", ", ¶¶ 18, 14", as legal styles cite a case), a statute's subsection (", sec. 21(1)", ", ss. 686(1)(a)"),
with the author's words after it, as a locator's suffix holds them (", para. 55 (emphasis added)", ", p. 351,
Gibbs J, 361, Jacobs J"); a bare ", 1234" may be a year."""


_PAGE_NO_YEAR = lazy(r"(?<=[^\W\d_.]|\.(?<=\bal\.)),\s?[^\W\d_]{1,7}\.\s?\d[\d–\-]*\s*$")
"""Names, then a labelled page, and no year: an undated entry's item in a list of dated ones ("Rancour & Bile, p. 7")."""


def _undated(claim: Claim, paren: re.Match[str], index: SourceIndex, found: Found,
             segments: list[tuple[str, int]] | None = None) -> None:
    """ "(AAA et al.)", "(see Ireys et al., chap. 2)": styles that print no "n.d." (Springer's) cite an entry
    without a date by its names alone. Read only when the names resolve to such an entry. ``segments``: those of
    the parenthesis' items to read (by default all), as "(Rancour & Bile, p. 7, Rancour 1922)" holds a dated one."""
    offset = paren.start("body")
    for seg, seg_start in _segments(paren.group("body")) if segments is None else segments:
        if _title_alone(claim, paren, index, found, seg, seg_start) or _titles_listed(claim, paren, index, found, seg,
                                                                                      seg_start):
            continue
        names, locator = _unprefixed(seg)
        words = names.split()
        # "World Health Organization (WHO)": a gloss; but "written in Alloy (MIT)" cites MIT's undated web page.
        lone_acronym = len(words) == 1 and names.isupper() and _glosses(claim.text[:paren.start()], names)
        if (not names or not (looks_like_names(names) or _authored_by(names, index))
                or (lone_acronym and not locator and len(words) == len(seg.split()))):
            continue
        labels = labels_of(index)
        keys = [k for k in lookup(names, index) if labels[k].year is None and not year_word(index, k)]
        keys = fit(names, keys, index) if keys else []
        if keys:
            found.cover(claim.id, paren.start(), paren.end())
            _emit(claim, keys, names, paren.group(), offset + seg_start + max(seg.find(names), 0), locator, 0.9,
                  index, found, guessed=True)


_WORD = lazy(r"[^\W\d_]+")


def _glosses(before: str, acronym: str) -> bool:
    """Whether an acronym in parentheses may gloss the words just before it: their initials hold its letters in order
    ("United Nations Educational, Scientific and Cultural Organization (UNESCO)", "Organisation mondiale de la
    santé (OMS)"), or the letters of the last three words do ("Weltgesundheitsorganisation (WHO)"). When they do
    not ("written in Alloy (MIT)"), it is a citation of an entry with no date by a style that prints none."""
    words = [w.lower() for w in _WORD.findall(before)]
    letters = [ch for ch in acronym.lower() if ch.isalpha()]
    return _in_order(letters, [w[0] for w in words[-10:]]) or _in_order(letters, list("".join(words[-3:])))


def _in_order(wanted: list[str], among: list[str]) -> bool:
    rest = iter(among)
    return all(ch in rest for ch in wanted)


def _authored_by(names: str, index: SourceIndex) -> bool:
    """Whether ``names`` are all an entry's authors: a corporate author may hold a word in lower case ("OpenFisca
    contributors"). Not an entry's title standing for its missing names, which a short gloss may repeat."""
    return names_an_entry(names, index) and any(persons_of(index.sources[k]) for k in lookup(names, index))


def _unprefixed(seg: str) -> tuple[str, str]:
    """A segment's words past the prefix a citation may open with ("see", "cf."), and its labelled locator."""
    names = _TRAILING_LOCATOR.sub("", seg).strip()
    locator = seg.strip()[len(names):].lstrip(",").strip()
    words = names.split()
    while words and fold(words[0]).strip(".,") in terms.PREFIXES:
        words = words[1:]
    return " ".join(words).strip(" ,"), locator


def _title_alone(claim: Claim, paren: re.Match[str], index: SourceIndex, found: Found, seg: str,
                 seg_start: int) -> bool:
    """ "(Data is the New Oil)", "(see Data Programming: Machine Learning with Weak Supervision; Ratner et al.,
    2018)": a segment with no year that is an entry's whole title (``cited_titles``)."""
    title, locator = _unprefixed(seg)
    keys = cited_titles.titled(title, index)
    if not keys:
        return False
    found.cover(claim.id, paren.start(), paren.end())
    _emit(claim, keys, title, paren.group(), paren.start("body") + seg_start + max(seg.find(title), 0), locator, 0.9,
          index, found, guessed=True)
    return True


def _titles_listed(claim: Claim, paren: re.Match[str], index: SourceIndex, found: Found, seg: str,
                   seg_start: int) -> bool:
    """ "(AMR resources web page, xSDK version 0.4.0 web page)": entries with no names and no date, listed with commas
    as styles that print no "n.d." list items (Annual Reviews). Read only when every part between the commas is an
    entry's whole title (``_title_alone``)."""
    if "," not in seg or ";" in seg:
        return False
    parts, at = [], 0
    for part in seg.split(","):
        parts.append((part, at))
        at += len(part) + 1
    if len(parts) < 2 or not all(cited_titles.titled(_unprefixed(part)[0], index) for part, _ in parts):
        return False
    for part, at in parts:
        _title_alone(claim, paren, index, found, part, seg_start + at)
    return True


def _taken(claim: Claim, paren: re.Match[str], index: SourceIndex, found: Found, short: bool, seg: str,
           seg_start: int, parsed: _Parsed | None) -> bool:
    """Whether a segment of a dated citation is read as something else than names and a year: a shorthand, or,
    with no year, a whole title."""
    return ((short and _shorthand_in(claim, paren, index, found, seg, seg_start, parsed))
            or (parsed is None and _title_alone(claim, paren, index, found, seg, seg_start)))


def _shorthand_in(claim: Claim, paren: re.Match[str], index: SourceIndex, found: Found, seg: str, seg_start: int,
                  parsed: _Parsed | None) -> bool:
    """ "(KpV, 12)", "(see KU; Kant 1968b)": a biblatex shorthand standing for its entry (no year printed); the
    segment ``seg`` starts at ``seg_start`` in the parenthesis' body."""
    at = paren.start("body") + seg_start
    match = shorthand.in_segment(seg, index)
    if match is None or (parsed is not None and parsed[0] and lookup(parsed[0], index)):
        return False  # "(Kant 1968b)": names and a year that resolve are read as such
    written, keys, locator = match
    found.cover(claim.id, paren.start(), paren.end())
    _emit(claim, keys, written, paren.group(), at + max(seg.find(written), 0), locator, 1.0, index, found)
    return True


_FURTHER = (r"(?<=[\w.])(?::\s?|,?\s(?:[^\W\d_]{1,7}\.|[a-z]{1,7})\s?)\d[\d–\-]*(?P<further>,)"
            rf"(?=\s*(?:(?:{COMMON_YEAR}|{terms.NO_DATE}|(?i:{terms.YEAR_WORD}))(?:-?[a-z]{{1,2}})?|[a-z]{{1,2}})"
            r"\s*(?:[,;]|$))")
"""A comma after a labelled page, before a further year of the same names alone, as styles that list items with
commas print it (Ecology: "(Tilly 1978 p. 3, n.d.)", "(Foreman-Mackey et al. 2017a chap. 3, 2017b)"; Springer:
"(Heiss forthcoming, p. 5, 2016)"), or its letter alone, after a lettered year (Springer: "(Foreman-Mackey et al.
2017a, chap. 3, b)", ``_LONE_LETTER``). The year is then an item of its own, by the names before it; a bare number
before the comma ("1978, 3, 1975") is left alone: it may be pages."""
_LONE_LETTER = lazy(r"\s*(?P<s>[a-z]{1,2})\s*")
_YEAR_END = (r"(?:(?<=\s\d{4})|(?<=\s\d{4}[a-z])|(?<=^\d{4})|(?<=^\d{4}[a-z])"
             r"|(?<=\s\d{4}[a-z]–[a-z])|(?<=\s\d{4}[–-]\d{4})|(?<=\s\d{4}--\d{4})|(?<=\s\d{4}[–-]\d\d)|(?<=\s\d{4}--\d\d))")
"""Where a year ends: "2001", "2001a", letters collapsed ("2001a–c"), a span "1984–1986", or a year field written as one
("1994-95")."""
_UNDATED_END = rf"(?<![\w.\-])(?:{terms.NO_DATE}|(?i:{terms.YEAR_WORD}))(?:-?[a-z]{{1,2}})?(?!\w)"
"""The end of an item whose year is a no-date term or a year word ("n.d.", "n.d.-b", "forthcoming")."""
_ENDS = rf"(?:{_YEAR_END}|{_UNDATED_END})"
_NEXT_ITEM = (rf"(?=\s*[{re.escape(''.join(cited_titles.QUOTES))}]?[^\W\d_][^,;()]*?\s"
              rf"(?:{COMMON_YEAR}(?!\d)|{terms.NO_DATE}|(?i:{terms.YEAR_WORD})))")
"""Names, or a title in quotation marks, and a year: the next item of a list parted by commas."""
_ITEMS = lazy(r";|(?:" + _ENDS + r"(?::\s?|,?\s(?:[^\W\d_]{1,7}\.|[a-z]{1,7})\s?|,\s?)\d[\d–\-]*(?=,)"
              r"|(?<=[^\W\d_.]|\.(?<=\bal\.)),\s?[^\W\d_]{1,7}\.\s?\d[\d–\-]*(?=,)"
              r"|(?<=\d[a-z],[a-z])|(?<=\d[a-z], [a-z])|" + _ENDS + r"(?:\s(?=[a-z])[^\d,;()]{1,80})?)(?P<comma>,)"
              + _NEXT_ITEM + "|" + _FURTHER)
"""Where one item of a citation ends: at ";", or at a comma after a year (or its letters: "2014a, b", or "n.d.",
or a year word), or after a year's page ("2009: 5", "2009 p. 5", "2017, p. 69": a label abbreviated or in lower
case, not a name), when names (or a title in quotation marks) and a year follow, as styles that list items with
commas print them (Annual Reviews: "(Knuth 1986b, Schmidt 2007, p. 7)", Ecology: "(Sageman 2009: 5, Crenshaw and
LaFree 2017: 69)", "(“AMR resources web page” n.d., “xSDK version 0.4.0 web page” n.d.)", "(Roe 2010, Doe n.d.)"),
the year of a narrative citation's parenthesis too: "Weitzman (2007, see also Weitzman 2009)", or after an item's
suffix in words ("(Conrad 2004 on the preposition though, Gouverneur 2008)"), or after the labelled page of names with
no year, which styles that print no "n.d." write for an undated entry (Annual Reviews: "(Rancour & Bile, p. 7, Rancour
1922)"). The page stays with its item; a further year of the same names after a page ends one too (``_FURTHER``)."""


def _segments(body: str) -> list[tuple[str, int]]:
    if "," not in body and ";" not in body:  # every end ``_ITEMS`` finds is one of them: its long pattern not compiled
        return [(body, 0)]
    out, pos = [], 0
    for match in _ITEMS.finditer(body):
        comma = "comma" if match.group("comma") else "further" if match.group("further") else ""
        end = match.start(comma) if comma else match.start()
        out.append((body[pos:end], pos))
        pos = match.end()
    out.append((body[pos:], pos))
    return out


def _parse_segment(seg: str, forms: YearForms, index: SourceIndex | None = None) -> _Parsed | None:
    m = forms.year.search(seg)
    if m is not None and index is not None:
        m = _year_past_title(seg, m, forms, index)  # None: "(„Social Media and Children 2024 Legislation“)"
    if m is None:
        return None
    names = forms.original.sub("", seg[:m.start()]).strip().rstrip(",").strip()
    years = [(_year_read(m.group("y")), s) for s in suffixes(m)]
    rest = seg[m.end():]
    while True:
        more = forms.more.match(rest)
        if more:
            years += [(_year_read(more.group("y")), s) for s in suffixes(more)]
        elif years[-1][1] and (more := _MORE_LETTER.match(rest)):
            years.append((years[-1][0], more.group("s")))  # "2010a, b": the year is not printed again
        else:
            break
        rest = rest[more.end():]
    return names, years, rest


def _year_past_title(seg: str, m: re.Match[str], forms: YearForms, index: SourceIndex) -> re.Match[str] | None:
    """The year of a segment past a number of a title printed as its names ("(Social Media and Children 2024
    Legislation, n.d.)", an entry with no author): a later year whose words before it are all an entry's names;
    None when the whole segment is such a title with no year after it (DIN 1505-2 prints no "n.d.")."""
    if not seg[m.end():].strip()[:1].isalpha():
        return m
    for later in forms.year.finditer(seg, m.end()):
        if seg[m.end():later.start()].strip()[:1].isalpha() and names_an_entry(seg[:later.start()], index):
            return later
    return None if names_an_entry(_unprefixed(seg)[0], index) else m


def _year_read(year: str) -> str:
    """The year as the matcher compares it: "o. J." is "n.d.", "In Press" is "in press", "380 BC" is "-379", a year
    field printed as written "March 2024" is "2024"."""
    year = terms.no_date(year)
    if any(c.isdigit() for c in year):
        return year_number(year)
    return year if year == "n.d." else fold(" ".join(year.split()))


def _added_names(names: str) -> bool:
    """Whether a name list prints names added before "et al." ("Doe, Smith, et al.", not "e.g., Doe et al.")."""
    if not wrote_et_al(names):
        return False
    listed = " ".join(w for w in names.split()[:-2] if w[:1].isupper())
    return len(listed.split()) >= 2 and "," in listed


_AMPERSAND_COMMA = lazy(rf"[^\W\d_]\.? & [^\W\d_][^,;()&]*, (?:{COMMON_YEAR}|n\.d\.)")
"""APA's parenthetical form: "&" between the last two names and a comma before the year ("Knuth & Roe, 1986a")."""


def _shared_letters(text: str, forms: YearForms, index: SourceIndex
                    ) -> tuple[set[tuple[object, str]], dict[int, set[tuple[object, str]]]]:
    """The names and years a sentence cites with two letters or more ("(scipy, n.d.a, n.d.b)", "(Doe 2010b;
    Doe 2010a)", "(Doe 2010b), as Doe (2010a) says"): its words are context for every one of them at once, so they
    tell none of the letters apart. Names are grouped by the entries they stand for (``letter_group``). Second,
    those of each parenthesis (by where it starts): the word before it stands for all of its letters at once
    ("PyO3 and maturin (The PyO3 Project 2024a, 2024b)")."""
    letters: dict[tuple[object, str], set[str]] = {}
    by_paren: dict[int, set[tuple[object, str]]] = {}
    for paren in _PAREN.finditer(text):
        last: object = ""
        own: dict[tuple[object, str], set[str]] = {}
        for _, start, parsed in _items(paren.group("body"), forms, index):
            if parsed is None:
                continue
            lead = text[:paren.start()]
            names = parsed[0] or (names_before(lead, index, narrative_window(lead, index, tokens_before(text, len(lead))))
                                  if start == 0 else "")
            group = letter_group(names, index) if names else last
            last = group
            for year, suffix in parsed[1]:
                if suffix and group:
                    letters.setdefault((group, year), set()).add(suffix)
                    own.setdefault((group, year), set()).add(suffix)
        by_paren[paren.start()] = {group for group, printed in own.items() if len(printed) > 1}
    return {group for group, printed in letters.items() if len(printed) > 1}, by_paren


def letter_group(names: str, index: SourceIndex) -> object:
    """What a name list stands for when letters are compared: the entries it names, else its folded words."""
    keys = lookup(names, index)
    return frozenset(keys) if keys else fold(names)


def _names_years(claim: Claim, paren: re.Match[str], seg: str, at: int, names: str,
                 years: list[tuple[str, str]], rest: str, index: SourceIndex, found: Found,
                 shared: Collection[tuple[object, str]] = (), in_paren: Collection[tuple[object, str]] = (),
                 closed: tuple[str, int] | None = None, carried: bool = False) -> None:
    """``shared``: the names and years the sentence cites with several letters; ``in_paren``: those this
    parenthesis does (``_shared_letters``); ``closed``: the sentence it closes, when it stands after that one's full
    stop (``author_date_hit.closing``); ``carried``: the names are the item's before, which a style prints once for
    several items ("(Harrer et al. 2014a; 2015)"), not written for this one."""
    sig_keys, confidence = lookup(names, index), 1.0
    if sig_keys and after_another(names, index):
        sig_keys = []  # "(Moe and Roe 2015)" is Moe and Roe's work, not Roe's, whose names it ends with
    if not sig_keys:
        sig_keys, confidence = loose(names, index, in_part=not carried), 0.8
    resolved_any = False
    locator = rest.strip().lstrip(",").strip()
    loose_keys = None
    for n, (year, suffix) in enumerate(years):
        keys = fit(names, _printed_alike(names, sig_keys, year, suffix, index), index) if sig_keys else []
        if not keys and confidence == 1.0:  # "(Keohane 2012)" for Keohane and Nye
            loose_keys = loose(names, index, in_part=not carried) if loose_keys is None else loose_keys
            keys = candidates(loose_keys, year, suffix, index)
        weight = confidence
        if not keys and not suffix:  # "(DragoNN, 2020, p.7)": a web page's title and the year it was accessed
            keys = cited_titles.titled(_unprefixed(names)[0], index, year)
            weight = 1.0
        if not keys and n > 0 and not _second_year(years[0][0], year, suffix):  # "2014, 1601": a page
            locator = (f"{year}{suffix}" + rest).strip().lstrip(",").strip()
            break
        written = f"{names} {_year_text(year, suffix)}"
        if not keys:
            # Not "(forthcoming)", "(1914–1918)", nor "(Doe 380 BC)", read only because another entry has the year.
            if looks_like_names(names) and year not in YEAR_WORDS and "–" not in year and _reportable(year, seg):
                found.cover(claim.id, paren.start(), paren.end())
                found.mention(at, Mention(claim.id, "marker", seg.strip(), (),
                                          f"no entry for {written}"))
            continue
        resolved_any = True
        if _added_names(names):
            cited_letters.record_added_names(index)
        elif len(keys) == 1:
            note_in_full(names, keys[0], index)
        if _AMPERSAND_COMMA.search(" ".join(seg.split())):
            cited_letters.record_ampersand(index)
        if re.match(r":\s?\d", rest):  # ASA's "(Doe 2011:12)"
            cited_letters.record_colon(index)
        group = (letter_group(names, index), year) if suffix else None
        label = year_label(year, suffix, len(sig_keys))
        _emit(claim, keys, written, paren.group(), at, locator, weight, index, found,
              shared_context=group in shared, word_before=group not in in_paren, label=label, closed=closed)
    if resolved_any:
        found.cover(claim.id, paren.start(), paren.end())
        _cover_names(claim, paren.start(), names, found)


def _printed_alike(names: str, sig_keys: list[str], year: str, suffix: str, index: SourceIndex) -> list[str]:
    """The entries of ``sig_keys`` the citation's year label may stand for, counted among those its given names fit
    (``given_names_fit``: citeproc letters only the entries it prints alike), or among all when none of those has
    the year."""
    pool = given_names_fit(names, sig_keys, index)
    et_al = wrote_et_al(names)
    return candidates(pool, year, suffix, index, et_al) or (
        candidates(sig_keys, year, suffix, index, et_al) if len(pool) < len(sig_keys) else [])


def _cover_names(claim: Claim, paren_start: int, names: str, found: Found) -> None:
    """Names written inside the parentheses are explained by the marker."""
    if names:
        at = claim.text.rfind(names, 0, paren_start + len(names) + 2)
        if at >= 0:
            found.cover(claim.id, at, at + len(names))
