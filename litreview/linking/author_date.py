"""Author-date citations as a citation style renders them: "(Keohane and Nye 2012, 23)", "Holsti (2004)".

Each becomes a ``Mention`` (keys empty when it resolves to no entry) and each resolved one a
``marker`` hit with its locator. Year suffixes (2015a, n.d.-b) are matched the way citeproc assigns
them; see ``litreview.linking.labels``.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Claim, Mention
from . import cited_letters, shorthand, terms
from .author_names import (
    GIVEN_WORDS,
    fit,
    looks_like_names,
    lookup,
    lookup_tail,
    loose,
    plausible_surname,
    told_apart_by_given_names,
    wrote_et_al,
)
from .hits import Found, Hit
from .index import SourceIndex, persons_of
from .labels import nameless
from .printed_years import (
    YEAR_WORDS,
    YearForms,
    candidates,
    common,
    labels_of,
    year_forms,
    year_number,
    year_word,
)
from .prose_author import named_in_prose
from .text import canonical, content_stems, fold, strip_possessive, tokens, wordset

_PAREN = lazy(r"\((?P<body>[^()]*)\)")
_MORE_LETTER = lazy(r"^\s*,\s*(?P<s>[a-z]{1,2})(?![\w.’'])")
"""A further letter of the same year, as styles that collapse year suffixes print it: "(Doe 2010a, b, c)"."""
_PREFIXES = wordset("see also cf e.g eg i.e ie compare esp especially for example")
"""Words a citation may open with that name nobody ("see n.d.-l")."""


def find_in_claim(claim: Claim, before: str, index: SourceIndex, found: Found) -> None:
    """Author-date citations in one claim (``before``: the previous sentence of its paragraph)."""
    text = claim.text
    short = shorthand.shorthands(index).pattern
    forms = year_forms(index)
    for paren in _PAREN.finditer(text):
        body = paren.group("body")
        if "@" in body:
            continue
        if not (forms.year.search(body) or (short and short.search(body))):
            _undated(claim, paren, index, found)
            continue
        last_names = ""
        offset = paren.start("body")
        for segment in _segments(body):
            seg_text, seg_start = segment
            parsed = _parse_segment(seg_text, forms)
            if short and _shorthand_in(claim, paren, seg_text, offset + seg_start, parsed, index, found):
                last_names = ""
                continue
            if parsed is None:
                continue
            names, years, rest = parsed
            if names and all(fold(w).strip(".,") in _PREFIXES for w in names.split()):
                names = ""  # "see 2016", "cf. n.d.-l": a prefix, not a name
            at = offset + seg_start
            if not names.strip():
                if last_names:
                    names = last_names
                else:
                    _year_only(claim, paren, seg_text, at, years, rest, before, index, found)
                    last_names = ""
                    continue
            last_names = names
            _names_years(claim, paren, seg_text, at, names, years, rest, index, found)
    if short:
        for start, end, written, keys, locator in shorthand.in_text(text, index):
            if not found.covered(claim.id, start, end):
                found.cover(claim.id, start, end)
                _emit(claim, keys, written, text[start:end], start, locator, 1.0, index, found)


_TRAILING_LOCATOR = lazy(r",\s*[^\W\d_]{1,7}\.?\s*\d[\d–\-]*\s*$")
"""A labelled locator after the names: ", pp. 12–14", ", chap. 2", ", fn. 4" (a bare ", 1234" may be a year)."""


def _undated(claim: Claim, paren: re.Match[str], index: SourceIndex, found: Found) -> None:
    """ "(AAA et al.)", "(see Ireys et al., chap. 2)": styles that print no "n.d." (Springer's) cite an entry
    without a date by its names alone. Read only when the names resolve to such an entry."""
    offset = paren.start("body")
    for seg, seg_start in _segments(paren.group("body")):
        names = _TRAILING_LOCATOR.sub("", seg).strip()
        locator = seg.strip()[len(names):].lstrip(",").strip()
        words = names.split()
        while words and fold(words[0]).strip(".,") in _PREFIXES:
            words = words[1:]
        names = " ".join(words).strip(" ,")
        lone_acronym = len(words) == 1 and names.isupper()  # "World Health Organization (WHO)": a gloss
        if not names or not looks_like_names(names) or (lone_acronym and not locator and len(words) == len(seg.split())):
            continue
        labels = labels_of(index)
        keys = [k for k in lookup(names, index) if labels[k].year is None and not year_word(index, k)]
        keys = fit(names, keys, index) if keys else []
        if keys:
            found.cover(claim.id, paren.start(), paren.end())
            _emit(claim, keys, names, paren.group(), offset + seg_start + max(seg.find(names), 0), locator, 0.9,
                  index, found, guessed=True)


def _shorthand_in(claim: Claim, paren: re.Match[str], seg: str, at: int,
                  parsed: tuple[str, list[tuple[str, str]], str] | None, index: SourceIndex, found: Found) -> bool:
    """ "(KpV, 12)", "(see KU; Kant 1968b)": a biblatex shorthand standing for its entry (no year printed)."""
    match = shorthand.in_segment(seg, index)
    if match is None or (parsed is not None and parsed[0] and lookup(parsed[0], index)):
        return False  # "(Kant 1968b)": names and a year that resolve are read as such
    written, keys, locator = match
    found.cover(claim.id, paren.start(), paren.end())
    _emit(claim, keys, written, paren.group(), at + max(seg.find(written), 0), locator, 1.0, index, found)
    return True


_ITEMS = lazy(r";|(?:(?<=\s\d{4})|(?<=\s\d{4}[a-z])|(?<=\d[a-z],[a-z])|(?<=\d[a-z], [a-z]))"
                    r",(?=\s*[^\W\d_][^,;()]*?\s(?:1[5-9]\d\d|20\d\d)(?!\d))")
"""Where one item of a citation ends: at ";", or at a comma after a year (or its letters: "2014a, b") when names
and a year follow, as styles that list items with commas print them (Annual Reviews: "(Knuth 1986b, Schmidt
2007, p. 7)")."""


def _segments(body: str) -> list[tuple[str, int]]:
    out, pos = [], 0
    for match in _ITEMS.finditer(body):
        out.append((body[pos:match.start()], pos))
        pos = match.end()
    out.append((body[pos:], pos))
    return out


def _parse_segment(seg: str, forms: YearForms) -> tuple[str, list[tuple[str, str]], str] | None:
    m = forms.year.search(seg)
    if m is None:
        return None
    names = forms.original.sub("", seg[:m.start()]).strip().rstrip(",").strip()
    years = [(_year_read(m.group("y")), m.group("s") or "")]
    rest = seg[m.end():]
    while True:
        more = forms.more.match(rest)
        if more:
            years.append((_year_read(more.group("y")), more.group("s") or ""))
        elif years[-1][1] and (more := _MORE_LETTER.match(rest)):
            years.append((years[-1][0], more.group("s")))  # "2010a, b": the year is not printed again
        else:
            break
        rest = rest[more.end():]
    return names, years, rest


def _year_read(year: str) -> str:
    """The year as the matcher compares it: "o. J." is "n.d.", "In Press" is "in press", "380 BC" is "-379"."""
    year = terms.no_date(year)
    if year[:1].isdigit():
        return year_number(year)
    return year if year == "n.d." else fold(" ".join(year.split()))


def _reportable(year: str, seg: str) -> bool:
    """Whether a citation of ``year`` (in ``seg``) that fits no entry may be reported as such: not for a year read
    only because an entry has it ("380 BC"), nor after a slash, which may be an original date ("1924/1979") or a
    range ("2020/2021")."""
    return common(year) and not re.search(r"\d/\s?\d", seg)


def _year_text(year: str, suffix: str) -> str:
    """ "2016a", "n.d.-b", "380 BC": the year as a style prints it."""
    if year.startswith("-") or year == "0":
        year = f"{1 - int(year)} BC"
    return f"{year}-{suffix}" if year == "n.d." and suffix else f"{year}{suffix}"


def _added_names(names: str) -> bool:
    """Whether a name list prints names added before "et al." ("Doe, Smith, et al.", not "e.g., Doe et al.")."""
    if not wrote_et_al(names):
        return False
    listed = " ".join(w for w in names.split()[:-2] if w[:1].isupper())
    return len(listed.split()) >= 2 and "," in listed


def _in_full(names: str, key: str, index: SourceIndex) -> int:
    """How many names the citation prints in full for ``key`` when they are three or more ("Doe, Roe, and Poe"
    for an entry by those three), else 0. Not when another entry of that year has the same names but the last: the
    style may then print the names in full to tell the two apart (Chicago adds names up to the one that differs)."""
    people = persons_of(index.sources[key])
    written = f" {canonical(names)} "
    if len(people) < 3 or wrote_et_al(names) or any(p.family == "others" for p in people):
        return 0
    year, first = index.years[key][0], [fold(p.family) for p in people[:-1]]
    if any(k != key and [fold(p.family) for p in persons_of(index.sources[k])[:len(first)]] == first
           for k in index.by_year.get(year, ())):
        return 0
    return len(people) if all(f" {canonical(p.family)} " in written for p in people) else 0


_AMPERSAND_COMMA = lazy(r"[^\W\d_]\.? & [^\W\d_][^,;()&]*, (?:1[5-9]\d\d|20\d\d|n\.d\.)")
"""APA's parenthetical form: "&" between the last two names and a comma before the year ("Knuth & Roe, 1986a")."""


def _names_years(claim: Claim, paren: re.Match[str], seg: str, at: int, names: str,
                 years: list[tuple[str, str]], rest: str, index: SourceIndex, found: Found) -> None:
    sig_keys, confidence = lookup(names, index), 1.0
    if not sig_keys:
        sig_keys, confidence = loose(names, index), 0.8
    resolved_any = False
    locator = rest.strip().lstrip(",").strip()
    loose_keys = None
    for n, (year, suffix) in enumerate(years):
        keys = fit(names, candidates(sig_keys, year, suffix, index, wrote_et_al(names)), index) if sig_keys else []
        if not keys and confidence == 1.0:  # "(Keohane 2012)" for Keohane and Nye
            loose_keys = loose(names, index) if loose_keys is None else loose_keys
            keys = candidates(loose_keys, year, suffix, index)
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
        elif len(keys) == 1 and (full := _in_full(names, keys[0], index)):
            cited_letters.record_in_full(index, full)
        if _AMPERSAND_COMMA.search(" ".join(seg.split())):
            cited_letters.record_ampersand(index)
        if re.match(r":\s?\d", rest):  # ASA's "(Doe 2011:12)"
            cited_letters.record_colon(index)
        _emit(claim, keys, written, paren.group(), at, locator, confidence, index, found)
    if resolved_any:
        found.cover(claim.id, paren.start(), paren.end())
        _cover_names(claim, paren.start(), names, found)


_LETTERED = re.compile(r"([^\s(]*[\d.\-][a-z]{1,2})\)?$")
"""The lettered year label at the end of a citation as written: "Doe 2001a", "Doe (n.d.-b)"."""


def _emit(claim: Claim, keys: list[str], written: str, evidence: str, at: int, locator: str,
          confidence: float, index: SourceIndex, found: Found, guessed: bool = False) -> None:
    """``guessed``: the citation prints no names (or no year) of its own, so between entries its context does
    not tell apart, picking one would be a guess: it is left open."""
    # The names the citation prints, or the prose prints for it (its first author's), are no evidence of which
    # work it is ("O'Toole also notes (2007)" for a work titled "O'Toole"); a co-author named nearby may be.
    firsts = [people[0].family for k in keys if (people := persons_of(index.sources[k]))]
    named = set(content_stems(" ".join([written, *firsts])))
    key, ambiguous, scores = index.choose(keys, [s for s in content_stems(claim.text) if s not in named])
    ranked = sorted(scores.values(), reverse=True)
    lettered = _LETTERED.search(written)
    label = lettered.group(1) if lettered else ""
    if ambiguous and ranked[0] > ranked[1]:
        cited_letters.record_pick(index, keys, key, label)
    elif ambiguous and (cited_letters.undecided(index, keys, scores) or guessed
                        or told_apart_by_given_names(written, keys, index)):
        key = cited_letters.picked(index, keys, label) or ""
        if not key:
            why = cited_letters.UNDECIDED_LETTER if label and index.letter_order == "cited" else cited_letters.UNDECIDED
            found.mention(at, Mention(claim.id, "marker", written, tuple(dict.fromkeys(keys)), why))
            return
    found.mention(at, Mention(claim.id, "marker", written, tuple(dict.fromkeys([key, *keys])), key))
    found.hits.append(Hit(claim.id, key, "marker", confidence * (0.8 if ambiguous else 1.0),
                          evidence, at, at + len(written), ambiguous=ambiguous, locator=locator,
                          confirmed=not ambiguous))


SECOND_YEAR_SPAN = 60
"""After "2014, " a number this close to the first year is a second year, not a page."""


def _second_year(first: str, year: str, suffix: str) -> bool:
    """Whether "first, year" lists two years ("1999, 2003", "2012a, 2012b") rather than a page."""
    if suffix or not first.isdigit() or not year.isdigit():  # n.d., forthcoming
        return True
    return abs(int(year) - int(first)) <= SECOND_YEAR_SPAN


def _cover_names(claim: Claim, paren_start: int, names: str, found: Found) -> None:
    """Names written inside the parentheses are explained by the marker."""
    if names:
        at = claim.text.rfind(names, 0, paren_start + len(names) + 2)
        if at >= 0:
            found.cover(claim.id, at, at + len(names))


def _year_only(claim: Claim, paren: re.Match[str], seg: str, at: int, years: list[tuple[str, str]],
               rest: str, before: str, index: SourceIndex, found: Found) -> None:
    """ "Wendt (1999)" or "as Carothers points out ... (2015b, 15)"."""
    text = claim.text
    lead = text[:paren.start()]
    toks = tokens(lead)
    locator = rest.strip().lstrip(",").strip()
    year, suffix = years[0]
    # Narrative: a name signature right before the parenthesis ("Garrido et al. (2014)").
    if toks and lead[toks[-1].end:].strip() in ("", "."):
        window = toks[-(index.max_signature_words + GIVEN_WORDS):]
        sig_keys, size = lookup_tail(strip_possessive(lead[window[0].start:window[-1].end])[0], index)
        et_al = wrote_et_al(lead[window[0].start:window[-1].end])
        if sig_keys and any(candidates(sig_keys, y, s, index, et_al) for y, s in years):
            first = window[-min(size, len(window))]
            span = lead[first.start:window[-1].end]
            written = f"{span} ({seg.strip()})"
            found.cover(claim.id, first.start, paren.end())
            for n, (y, s) in enumerate(years):
                # Given names citeproc added ("J. AAA (1999)") may sit before the matched signature, but not
                # before an earlier citation's year: "Meredith Williams (2011) and Michael Williams (2011)".
                near = lead[window[0].start:window[-1].end]
                more = fit(near[near.rfind(")") + 1:], candidates(sig_keys, y, s, index, et_al), index)
                if more:
                    _emit(claim, more, f"{span} ({_year_text(y, s)})", written, first.start, locator, 1.0, index, found)
                elif n > 0 and _second_year(year, y, s) and _reportable(y, seg):  # "Wendt (1999, 2003)", no 2003 entry
                    found.mention(first.start, Mention(claim.id, "marker", f"{span} ({_year_text(y, s)})", (),
                                                       f"no entry for {span} {_year_text(y, s)}"))
            return
    # The sentence was split inside the citation, after an abbreviation: "Brown u. a. | (2011)".
    if not lead.strip() and _narrative_before(claim, paren, seg, years, locator, before, index, found):
        return
    # Suppressed author: the entry's names appear earlier in the sentence, else in the one before.
    keys = named_in_prose(lead, year, suffix, index)
    # Else an entry with neither names nor title: the style prints only its year label, "(n.d.-k)". Not when the
    # sentence names an author of that year ("Manmaker also notes (1986)").
    if not keys and _nameless_keys(paren, seg, years, at, locator, claim, index, found):
        return
    keys = keys or named_in_prose(before + " " + lead, year, suffix, index)
    if keys:
        found.cover(claim.id, paren.start(), paren.end())
        _emit(claim, keys, f"({seg.strip()})", paren.group(), at, locator, 0.9, index, found, guessed=True)
        return
    # No author anywhere near: the words of a title may still point at one entry of that year.
    keys = _by_title_words(claim.text, year, index)
    if keys:
        found.cover(claim.id, paren.start(), paren.end())
        found.mention(at, Mention(claim.id, "marker", f"({seg.strip()})", tuple(keys),
                                  "author not named; chosen by the words of the title"))
        found.hits.append(Hit(claim.id, keys[0], "marker", 0.6, paren.group(), at, at + len(seg),
                              ambiguous=True, locator=locator, confirmed=False))
        return
    if (toks and lead[toks[-1].end:].strip() == "" and plausible_surname(toks[-1].text) and year not in YEAR_WORDS
            and "–" not in year and _reportable(year, seg)):
        name = strip_possessive(toks[-1].text)[0]
        found.cover(claim.id, toks[-1].start, paren.end())
        found.mention(toks[-1].start, Mention(claim.id, "marker", f"{toks[-1].text} ({seg.strip()})", (),
                                              f"no entry for {name} {_year_text(year, suffix)}"))


def _narrative_before(claim: Claim, paren: re.Match[str], seg: str, years: list[tuple[str, str]], locator: str,
                      before: str, index: SourceIndex, found: Found) -> bool:
    """ "Gauck m.fl. (u.å.)" read as two sentences: the names end the sentence before the parenthesis."""
    toks = tokens(before)
    if not toks or before[toks[-1].end:].strip() != ".":
        return False
    window = toks[-(index.max_signature_words + GIVEN_WORDS):]
    names = before[window[0].start:window[-1].end]
    sig_keys, size = lookup_tail(names, index)
    et_al = wrote_et_al(names)
    picked = [fit(names, candidates(sig_keys, y, s, index, et_al), index) for y, s in years] if sig_keys else []
    if not any(picked):
        return False
    span = before[window[-min(size, len(window))].start:].strip()
    found.cover(claim.id, paren.start(), paren.end())
    for (y, s), keys in zip(years, picked, strict=True):
        if keys:
            _emit(claim, keys, f"{span} ({_year_text(y, s)})", paren.group(), paren.start(), locator, 1.0, index,
                  found)
    return True


def _nameless_keys(paren: re.Match[str], seg: str, years: list[tuple[str, str]], at: int, locator: str,
                   claim: Claim, index: SourceIndex, found: Found) -> bool:
    """ "(n.d.-c, n.d.-d)": each year label that belongs to exactly one entry with no names or title."""
    pool = index.__dict__.get("_nameless")
    if pool is None:
        pool = index.__dict__["_nameless"] = [k for k, s in index.sources.items() if nameless(s)]
    if not pool:
        return False
    picked = [candidates(pool, y, s, index) for y, s in years]
    if not all(len(keys) == 1 for keys in picked):
        return False
    found.cover(claim.id, paren.start(), paren.end())
    for (y, s), keys in zip(years, picked, strict=True):
        _emit(claim, keys, f"({_year_text(y, s)})", paren.group(), at, locator, 0.9, index, found)
    return True


TITLE_EVIDENCE = 4.0
"""Context score (idf-weighted title words) a bare "(2016, 2)" needs to be read as a citation."""


def _by_title_words(text: str, year: str, index: SourceIndex) -> list[str]:
    if not year.isdigit():
        return []
    wanted = int(year)
    pool = index.by_year.get(wanted, [])
    if not pool:
        return []
    scores = index.context_scores(content_stems(text), pool)
    ranked = sorted(pool, key=lambda k: -scores[k])
    best = scores[ranked[0]]
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    if best >= TITLE_EVIDENCE and best >= 1.5 * second:
        return ranked[:3] if second else ranked[:1]
    return []
