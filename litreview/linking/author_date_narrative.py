"""Author-date citations that print only a year: "Wendt (1999)", "as Carothers notes ... (2015b, 15)",
"(n.d.-c)". The names are found before the parenthesis, in the sentence or the one before, or the
entry is told by its year label alone or by the words of its title. Called by ``author_date``.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..lazyre import lazy
from ..model import Claim, Mention
from . import cited_titles
from .author_date_hit import _emit, _reportable, _second_year, _year_text, year_label
from .author_names import (
    GIVEN_WORDS,
    first_initial_differs,
    fit,
    lookup_tail,
    note_in_full,
    parted_list,
    plausible_surname,
    wrote_et_al,
)
from .hits import Found, Hit
from .index import SourceIndex, clearly_best
from .inflected import uninflected
from .labels import CONTAINER_TYPES, nameless
from .printed_years import COMMON_YEAR, YEAR_WORDS, bearing, candidates, label_year, labels_of
from .prose_author import named_in_prose
from .text import Token, capitalised, content_stems, strip_possessive, tokens, tokens_before

_CLOSING = "".join(sorted(set(cited_titles.QUOTES.values())))


def narrative_window(lead: str, index: SourceIndex, toks: list[Token] | None = None) -> list[Token]:
    """The tokens right before a parenthesis that may be a narrative citation's names ("... as Garrido et al."),
    [] when the text before it (``lead``, its ``tokens`` if already read) does not end with a word (or a word in
    quotation marks: a short title standing for missing names, "«Ball» ([sin fecha])")."""
    toks = tokens(lead) if toks is None else toks
    if not toks or lead[toks[-1].end:].strip().lstrip(_CLOSING) not in ("", "."):
        return []
    return toks[-(index.max_signature_words + GIVEN_WORDS):]


def names_before(lead: str, index: SourceIndex, window: list[Token] | None = None) -> str:
    """The names of a narrative citation before a parenthesis (in ``narrative_window``), '' when the text before
    it does not end with a word."""
    window = narrative_window(lead, index) if window is None else window
    if not window:
        return ""
    names, possessive = strip_possessive(lead[window[0].start:window[-1].end])
    if possessive and not lookup_tail(names, index)[0] and lookup_tail(names + "s", index)[0]:
        names += "s"  # "Phillip’s (1998)": the possessive of Phillips with its apostrophe before the name's last "s"
    elif (not possessive and names.endswith("s") and not lookup_tail(names, index)[0]
          and lookup_tail(names[:-1], index)[0]):
        names = names[:-1]  # "im Sinne Busses (2012)": a genitive with no apostrophe (German, Dutch), of Busse
    elif not possessive and not lookup_tail(names, index)[0] and (nominal := uninflected(names, index.by_family)):
        names = nominal  # "podle Novákové (2010)", "według Kowalskiego (2015)": a case form of Nováková, Kowalski
    if ";" in names:  # ABNT parts names as it parts items: "... and Köhler; Cortina (2019)"
        *firsts, last = names.split(";")
        listed: list[str] = []
        for part in reversed(firsts):  # the names before each ";", back to the first that other words precede
            words = part.split()
            name: list[str] = []
            while words and capitalised(words[-1]):
                name.insert(0, words.pop())
            if name:
                listed.insert(0, " ".join(name))
            if words or not name:
                break
        joined = parted_list(listed, last.strip(), index)[0]
        if joined:
            return joined
    if not lookup_tail(names, index)[0]:
        # A word glued to the names ("arulesHahsler et al. (2015)": a link's text typed with no space before the
        # citation): the names start at the capital, when an entry has them.
        unglued = _GLUED.sub(r"\1 ", names)
        if unglued != names and lookup_tail(unglued, index)[0]:
            return unglued
    return names


_GLUED = lazy(r"(?<![^\W\d_])([a-z]{3,})(?=[A-Z][a-z])")
"""A word of three lower-case letters or more with a capitalised word glued to it ("arulesHahsler")."""


_CITATIONS = lazy(rf"\([^()]*\b{COMMON_YEAR}[a-z]?\b[^()]*\)")
"""A parenthesis holding a year in the sentence before a citation: a citation of its own ("(Yue and Lee 2017)"),
whose names name no author for a year printed alone after it."""


def _year_only(claim: Claim, paren: re.Match[str], seg: str, at: int, years: list[tuple[str, str]],
               rest: str, before: str, index: SourceIndex, found: Found,
               shared: Collection[tuple[object, str]] = ()) -> None:
    """ "Wendt (1999)" or "as Carothers points out ... (2015b, 15)". ``shared``: the names and years the sentence
    cites with several letters (``author_date._shared_letters``)."""
    text = claim.text
    lead = text[:paren.start()]
    toks = tokens_before(text, paren.start())
    locator = rest.strip().lstrip(",").strip()
    year, suffix = years[0]
    # Narrative: a name signature right before the parenthesis ("Garrido et al. (2014)").
    window = narrative_window(lead, index, toks)
    if window:
        sig_keys, size = lookup_tail(names_before(lead, index, window), index)
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
                # A year the names do not fit as a style prints them ("Orben (2019, 2020)", the 2019 work being
                # Orben, Dienlin and Przybylski's) is read as it would be alone, "Orben (2019)": the writer
                # named the author and suppressed the citation's names.
                alone = [] if more else [k for k in named_in_prose(span, y, s, index)
                                         if not first_initial_differs(near, k, index)]  # "A. Smith" is not John
                if more:
                    if len(more) == 1:
                        note_in_full(span, more[0], index)
                    _emit(claim, more, f"{span} ({_year_text(y, s)})", written, first.start, locator, 1.0, index, found,
                          shared_context=bool(s) and (frozenset(sig_keys), y) in shared,
                          label=year_label(y, s, len(sig_keys)))
                elif alone:
                    _emit(claim, alone, f"{span} ({_year_text(y, s)})", written, first.start, locator, 0.9, index,
                          found, guessed=True, label=year_label(y, s, len(alone)))
                elif n > 0 and _second_year(year, y, s) and _reportable(y, seg):  # "Wendt (1999, 2003)", no 2003 entry
                    found.mention(first.start, Mention(claim.id, "marker", f"{span} ({_year_text(y, s)})", (),
                                                       f"no entry for {span} {_year_text(y, s)}"))
            return
    # The sentence was split inside the citation, after an abbreviation: "Brown u. a. | (2011)".
    if not lead.strip() and _narrative_before(claim, paren, seg, years, locator, before, index, found):
        return
    # Suppressed author: the entry's names appear earlier in the sentence (not inside a citation read already:
    # "bayesm (Rossi 2023), or STAN (2023)" names Rossi for his citation only), else in the one before (not inside
    # a citation there either: "(Yue and Lee 2017). ... (2017)" is Springer's web page with no author).
    prose = _outside_citations(text, len(lead), claim.id, found)
    keys = named_in_prose(prose, year, suffix, index)
    # Else an entry with neither names nor title: the style prints only its year label, "(n.d.-k)". Not when the
    # sentence names an author of that year ("Manmaker also notes (1986)").
    if not keys and _nameless_keys(paren, seg, years, at, locator, claim, index, found):
        return
    keys = keys or named_in_prose(_CITATIONS.sub(lambda m: " " * len(m.group()), before) + " " + prose, year, suffix,
                                  index)
    if not keys and _nameless_keys(paren, seg, years, at, locator, claim, index, found, titled=True):
        return
    if keys:
        found.cover(claim.id, paren.start(), paren.end())
        _emit(claim, keys, f"({seg.strip()})", paren.group(), at, locator, 0.9, index, found, guessed=True,
              label=year_label(year, suffix, len(keys)))
        return
    # No author anywhere near: the words of a title may still point at one entry of that year. Not after a number,
    # whose year it is: a court reporter's or a statute's ("Learning Resources, Inc. v. Trump, 607 U.S. 229 (2026)").
    # Nor after a surname no entry has ("Guay (2016) offers a definition"): the text names the author, whose work
    # it is, and another's title sharing the sentence's words is not it; unless the entry's own words hold the name
    # (a work named by a word of its title, "the Paris Agreement (2015)").
    # Nor when a year follows the first ("(2006 and 2010)", "(2006 to 2010)"): the years of a period, whose words
    # ("and 2010") are no locator.
    keys = ([] if lead.rstrip()[-1:].isdigit() or _A_YEAR.search(rest)
            else _by_title_words(claim.text, year, suffix, index))
    start = _unmatched_names(lead, toks)
    if keys and _names_an_author(lead, toks) and not _words_of(lead[start:], keys[0], index):
        keys = []
    if keys:
        found.cover(claim.id, paren.start(), paren.end())
        found.mention(at, Mention(claim.id, "marker", f"({seg.strip()})", tuple(keys), UNNAMED))
        found.hits.append(Hit(claim.id, keys[0], "marker", 0.6, paren.group(), at, at + len(seg),
                              ambiguous=True, locator=locator, confirmed=False, unnamed=True))
        return
    if start is not None and year not in YEAR_WORDS and "–" not in year and _reportable(year, seg):
        span = lead[start:].rstrip()
        name = strip_possessive(span)[0]
        found.cover(claim.id, start, paren.end())
        found.mention(start, Mention(claim.id, "marker", f"{span} ({seg.strip()})", (),
                                     f"no entry for {name} {_year_text(year, suffix)}"))


UNNAMED = "author not named; chosen by the words of the title"
"""The detail of the mention of a year alone whose entry the words of its title chose (``Hit.unnamed``)."""
_A_YEAR = lazy(rf"\b{COMMON_YEAR}\b")


def _unmatched_names(lead: str, toks: list[Token] | None = None) -> int | None:
    """Where the names of a citation no entry has start, right at the end of ``lead``, read as a style prints
    them: "Cabido", "Diaz & Cabido", "Diaz and Cabido", "Fry, Roe, and Poe", "Fry et al." (None when the text does
    not end with a surname so written). The whole list, not its last name: the finding names what the text cites."""
    toks = tokens(lead) if toks is None else toks
    if not toks or lead[toks[-1].end:].strip() not in ("", "."):
        return None
    last = len(toks) - 1
    if last >= 2 and toks[last].text == "al" and toks[last - 1].text == "et":  # "Fry et al."
        alone = not _gap(lead, toks, last) and not _gap(lead, toks, last - 1)
        if not alone or not plausible_surname(toks[last - 2].text):
            return None
        # A family name of two words, "Gonçalves Júnior et al.", after a word in lower case ("according to")
        double = (last >= 3 and not _gap(lead, toks, last - 2) and capitalised(toks[last - 3].text)
                  and plausible_surname(toks[last - 3].text) and (last == 3 or not capitalised(toks[last - 4].text)))
        return toks[last - 3 if double else last - 2].start
    if lead[toks[-1].end:].strip() or not plausible_surname(toks[last].text):
        return None
    first, joined = last, False
    while first >= 1:
        gap = _gap(lead, toks, first)
        if gap in ("&", ",&") and plausible_surname(toks[first - 1].text):
            first, joined = first - 1, True
        elif (not gap and toks[first - 1].text == "and" and first >= 2 and _gap(lead, toks, first - 1) in ("", ",")
              and plausible_surname(toks[first - 2].text)):
            first, joined = first - 2, True
        elif gap == "," and joined and plausible_surname(toks[first - 1].text):
            first -= 1  # "Fry, Roe, and Poe"
        else:
            break
    return toks[first].start


def _names_an_author(lead: str, toks: list[Token]) -> bool:
    """Whether ``lead`` ends with a citation's names (``_unmatched_names``) standing alone: first in the sentence or
    after a word in lower case ("as Guay"), not the last capitalised word of a longer name ("the Peace Index")."""
    start = _unmatched_names(lead, toks)
    if start is None:
        return False
    if wrote_et_al(lead[start:]):  # "Gonçalves Júnior et al.": a list of authors, whatever stands before it
        return True
    before = [t for t in toks if t.end <= start]
    return not before or not capitalised(before[-1].text)


def _words_of(names: str, key: str, index: SourceIndex) -> bool:
    """Whether the words of ``names`` (the capitalised words before a parenthesis) are among the entry's own words
    (its title, container, keywords): they then name the work, not its author."""
    stems = set(content_stems(names))
    return bool(stems) and stems <= set(index.stems.get(key, ()))


def _gap(lead: str, toks: list[Token], n: int) -> str:
    """What stands between token ``n`` and the one before it, spaces aside ("&", ",")."""
    return "".join(lead[toks[n - 1].end:toks[n].start].split())


def _outside_citations(text: str, end: int, claim_id: str, found: Found) -> str:
    """``text[:end]`` (the start of the claim's text) with the parenthetical citations read in it blanked out. The
    claim's text is blanked once, each citation as it is read, not again before each of its citations."""
    spans = found.spans.get(claim_id, [])
    held, read, blanked = found.blanked.get(claim_id, (text, 0, text))
    if held is not text and held != text:
        read, blanked = 0, text
    for a, b in spans[read:]:
        if a < len(text) and text[a] == "(":
            b = min(b, len(text))
            blanked = blanked[:a] + " " * (b - a) + blanked[b:]
    found.blanked[claim_id] = text, len(spans), blanked
    return blanked[:end]


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
                  found, label=year_label(y, s, len(sig_keys)))
    return True


def nameless_keys(index: SourceIndex) -> list[str]:
    """The entries a style can name by nothing (``labels.nameless``), computed once per index."""
    pool = index.__dict__.get("_nameless")
    if pool is None:
        pool = index.__dict__["_nameless"] = [k for k, s in index.sources.items() if nameless(s)]
    return pool


def _nameless_keys(paren: re.Match[str], seg: str, years: list[tuple[str, str]], at: int, locator: str,
                   claim: Claim, index: SourceIndex, found: Found, titled: bool = False) -> bool:
    """ "(n.d.-c, n.d.-d)": each year label that belongs to an entry with no names or title (left open between
    several when nothing tells them apart: ``labels.tied``). A letter tells apart entries printed alike, so a
    lettered year that fewer than two such entries share is not theirs alone: with ``titled``, it is read among
    every entry of that year with no names, as styles that print no title in their place letter them (Springer:
    "(2022a)", "(2022b)" for a web page with no title and two titled ones; ``_printing_nothing``), and left open
    between them: such a style sorts them by nothing it prints, so it letters them in citation order."""
    pools = [_printing_nothing(y, s, index, titled) for y, s in years]
    if not all(pools):
        return False
    # Among entries of no names the style's sort reads no title either, so nothing here tells their letters apart.
    picked = [pool if titled and len(pool) > 1 else candidates(pool, y, s, index)
              for pool, (y, s) in zip(pools, years, strict=True)]
    if not all(picked):
        return False
    found.cover(claim.id, paren.start(), paren.end())
    for (y, s), keys, pool in zip(years, picked, pools, strict=True):
        _emit(claim, keys, f"({_year_text(y, s)})", paren.group(), at, locator, 0.9, index, found,
              label=year_label(y, s, len(pool)))
    return True


def _printing_nothing(year: str, suffix: str, index: SourceIndex, titled: bool) -> list[str]:
    """The entries a style may print as ``year`` + ``suffix`` alone: those with no names or title, unless the
    year is lettered and fewer than two of them have it (a letter in the year field aside); then, with ``titled``,
    every entry of that year with no names, titled or not ([] without ``titled``)."""
    pool = nameless_keys(index)
    if not suffix:
        return [] if titled else pool
    labels = labels_of(index)
    wanted = label_year(year)
    same = [k for k in pool if labels[k].year == wanted]
    alike = len(same) > 1 or any(labels[k].suffix for k in same) or wanted == -1
    if not titled:
        return pool if alike else []
    return [] if alike else [k for k, s in index.sources.items() if labels[k].year == wanted
                             and not (s.authors or s.editors) and s.type not in CONTAINER_TYPES]


TITLE_EVIDENCE = 4.0
"""Context score (idf-weighted title words) a bare "(2016, 2)" needs to be read as a citation."""


def _by_title_words(text: str, year: str, suffix: str, index: SourceIndex) -> list[str]:
    """The entries of ``year`` whose title words ``text`` shares most; with a letter ("(2022a)") only entries that
    label may stand for."""
    if not year.isdigit():
        return []
    wanted = int(year)
    pool = index.by_year.get(wanted, [])
    if suffix:
        pool = bearing(pool, year, suffix, index)
    if not pool:
        return []
    scores = index.context_scores(content_stems(text), pool)
    ranked = sorted(pool, key=lambda k: -scores[k])
    best = scores[ranked[0]]
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    if best >= TITLE_EVIDENCE and clearly_best(best, second):
        return ranked[:3] if second else ranked[:1]
    return []
