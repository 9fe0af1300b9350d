"""Direct quotations and the source that carries them: the attribution or marker in the same
sentence, else in the sentence before (same paragraph); scare quotes of a word or two are skipped.
A quotation is a confirmed link only with evidence that the words are the entry's: its own citation
or an attribution beside it, its length, or the entry's title or abstract holding them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from ..lazyre import lazy
from ..locale_terms import QUOTATION_OPENERS
from ..model import Claim, Mention
from .hits import Found, Hit
from .index import SourceIndex
from .reporting import REPORTING
from .text import canonical, fold, tokens

# The pairs of ``QUOTES`` that ``QUOTATION_OPENERS`` open (a text with none of those quotes nothing). German
# quotation marks open low („) and close with “ (or ”, mixed by keyboards): first, so that the closing “ is not read
# as an opening one. A straight quote right after a letter or digit closes a quotation (LaTeX's `simple" opened
# with a backtick): read as opening, it paired with the next one around the words between two quotations.
_OPENER = re.compile(r"„|“|(?<!\w)\"|«")
_QUOTE = {"„": lazy(r"„([^“”\n]+)[“”]"), "“": lazy(r"“([^”]+)”"), '"': lazy(r"\"([^\"\n]+)\""),
          "«": lazy(r"«([^»]+)»")}
_UNCLOSED = {"„": lazy(r"[“”\n]"), "“": lazy(r"”"), '"': lazy(r"[\"\n]"), "«": lazy(r"»")}
"""What ends the search for a mark's closing one: a mark of the same kind that opens before it is not closed either."""


def quoted(text: str) -> Iterator[tuple[re.Match[str], int]]:
    """Each quotation of ``text`` with the group of its words (``match.group(g)``), whichever marks enclose it. A mark
    left open ends the search for every mark of its kind before the line break (or the end) where its search ended:
    each one scanned the rest of the text again (quadratic)."""
    if not any(q in text for q in QUOTATION_OPENERS):
        return
    unclosed: dict[str, int] = {}  # a mark -> where the search for the last one left open ended
    pos = 0
    while (opener := _OPENER.search(text, pos)) is not None:
        mark, at = opener.group(), opener.start()
        pos = at + 1
        if unclosed.get(mark, -1) > at:
            continue
        if (m := _QUOTE[mark].match(text, at)) is not None:
            yield m, 1
            pos = m.end()
            continue
        end = _UNCLOSED[mark].search(text, at + 1)
        if end is None or end.start() > at + 1:  # (not an empty pair, "“”": the next mark may be closed)
            unclosed[mark] = end.start() if end is not None else len(text)


MIN_WORDS = 4
"""A quotation of this many words needs a source even when nothing attributes it."""
MIN_ATTRIBUTED_WORDS = 3
"""Shorter quotations count only when an attribution sits beside them ("process, not structure")."""
MIN_CARRIED_WORDS = 8
"""A quotation carried only by a citation away from it (elsewhere in its sentence, in the sentence before, in the
sentence calling its note) is a confirmed link from this many words, or when the entry's title or abstract holds
it: a shorter one is as likely an example or a term the writer quotes ("Samsung Galaxy S20 128GB" after a
citation of a work on document retrieval, "cáncer de mama") as the work's words."""
CARRIER_KINDS = ("marker", "attribution", "reference")
_NEW_CLAUSE = re.compile(r"[:;]\s*\w+\W+\w")
"""A colon or semicolon and then at least two words (before a quotation: the words of the clause that quotes it)."""


def find_quotations(claims: Sequence[Claim], carriers: Sequence[Hit], covered: Found, *,
                    headings: Sequence[str] = (), callers: Mapping[str, str] | None = None,
                    index: SourceIndex | None = None) -> Found:
    """Quotations in each claim, linked to the entries that the nearby attribution names. A quoted title of one of
    the document's own ``headings`` ("see “Scaling up” below") names a part of it: no quotation. ``callers``: a
    note's claim id -> the claim that refers to the note, whose attribution carries a quotation in the note that
    nothing beside it attributes (a translation of the quotation the sentence cites)."""
    parts = {_words(h) for h in headings}
    by_claim: dict[str, list[Hit]] = {}
    for hit in carriers:
        if hit.kind in CARRIER_KINDS:
            by_claim.setdefault(hit.claim_id, []).append(hit)
    found = Found()
    previous: Claim | None = None
    for n, claim in enumerate(claims):
        before = previous if previous is not None and previous.paragraph == claim.paragraph else None
        previous = claim
        following = claims[n + 1] if n + 1 < len(claims) and claims[n + 1].paragraph == claim.paragraph else None
        marks = [m for m, _ in quoted(claim.text)]
        for m, g in quoted(claim.text):
            inner = m.group(g)
            words = len(tokens(inner))
            if words < MIN_ATTRIBUTED_WORDS or covered.covered(claim.id, m.start(g), m.end(g)) or _words(inner) in parts:
                continue
            here = [h for h in by_claim.get(claim.id, []) if not any(_within(h, q, claim.text) for q in marks)]
            # A citation right after the closing mark is the quotation's own ("“...” [@roe, 97]"): the others
            # of the sentence cite it for something else.
            after = sorted((h for h in here if h.kind == "marker" and h.start >= m.end()), key=lambda h: h.start)
            own = []
            if after and not any(c.isalnum() for c in claim.text[m.end():after[0].start]):
                own = [h for h in after if "]" not in claim.text[after[0].start:h.start]]  # that one bracket's items
            speaker = _speaker_after(here, claim.text, m.end())
            if speaker is None and following is not None and not any(c.isalnum() for c in claim.text[m.end():]):
                # "“… power.” So writes Mearsheimer.": the sentence after names who wrote the words
                speaker = _speaker_after(by_claim.get(following.id, []), following.text, 0, name_first=False)
            if speaker is not None and not own:
                carrier = speaker
            else:
                carrier = own or _beside(here, m.start(), m.end(), claim.text) or (
                    by_claim.get(before.id, []) if before is not None else [])
            if not carrier and callers and claim.id in callers:
                carrier = by_claim.get(callers[claim.id], [])
            if words < MIN_WORDS and not carrier:
                continue
            # Placed as a quotation: its own citation, or an attribution beside it ("Holsti qualified ... as “...”").
            placed = bool(own or speaker) or any(h.kind == "attribution" for h in here) or words >= MIN_CARRIED_WORDS
            _emit(claim, m.group(), m.start(), carrier, found, placed, index)
    return found


def _within(hit: Hit, quote: re.Match[str], text: str) -> bool:
    """Whether a carrier stands inside the quotation marks: a name or a citation there is the quoted writer's
    (“Dodd (1976), whose definitions Lijphart (2012) uses, ...”) or a term's (“Ornstein–Uhlenbeck”), not who said
    the words of this quotation or another; but a citation that ends the quotation (“... unbridled power (Holsti
    2004, 97).”) is its own, the closing mark set after it."""
    if not (quote.start() <= hit.start and hit.end <= quote.end()):
        return False
    return not (hit.kind == "marker" and not any(c.isalnum() for c in text[hit.end:quote.end()]))


_LEADS = frozenset({"so", "thus", "as"})
"""Words that may open the reporting clause after a quotation before its verb ("“…,” as Roe puts it", "So writes Roe")."""


def _speaker_after(here: list[Hit], text: str, end: int, *, name_first: bool = True) -> list[Hit] | None:
    """Who the reporting clause right after a quotation ending at ``end`` names, whose words the quotation then is:
    a reporting verb before the name ("“…,” writes Mearsheimer", "So writes Mearsheimer") or after it ("“…,”
    Mearsheimer argues"), with nothing but punctuation before the clause: the attributions of ``here`` for that
    name, [] when it names a person no attribution resolved (the author of several works: no one else's words
    then), None when no such clause follows (a person named before introduces the quotation: ``_beside``).
    ``name_first`` False (the sentence after the quotation's): the verb before the name only, as "Mearsheimer
    argues that ..." or "Mearsheimer disagrees." opening a sentence is a statement of its own."""
    words = tokens(text[end:end + 160])
    if not words or any(c.isalnum() for c in text[end:end + words[0].start]):
        return None
    folded = [fold(t.text) for t in words[:4]]
    lead = 1 if folded[0] in _LEADS else 0
    if len(words) > lead + 1 and folded[lead] in REPORTING and words[lead + 1].text[:1].isupper():
        name = words[lead + 1]  # "writes Mearsheimer", "So writes John Mearsheimer"
    elif name_first and len(words) > 1 and words[0].text[:1].isupper() and folded[1] in REPORTING:
        name = words[0]  # "Mearsheimer argues"
    else:
        return None
    at = end + name.start
    people = [h for h in here if h.kind == "attribution" and at <= h.end and h.start <= at + 80]
    first = min((h.start for h in people), default=-1)
    return [h for h in people if h.start == first]


def _beside(here: list[Hit], start: int, end: int, text: str) -> list[Hit]:
    """The sentence's carriers of a quotation from ``start`` to ``end`` of ``text``: with people named both before
    and after it, those named before, who introduce it ("Pour Lecarme: « ... » Le récit de Kristof ..."), not those
    after; not a person named before a colon or semicolon that more words follow before the quotation ("Roe's
    framework is well supported: [Doe] found that policy is “...”"): the clause after it says whose words they are."""
    here = [h for h in here if not (h.kind == "attribution" and h.end <= start and _NEW_CLAUSE.search(text, h.end, start))]
    people = [h for h in here if h.kind == "attribution"]
    if any(h.end <= start for h in people) and any(h.start >= end for h in people):
        return [h for h in here if h.kind != "attribution" or h.end <= start]
    return here


def _words(text: str) -> tuple[str, ...]:
    """The words of a text as compared with a heading's, case and marks aside (a leading section number too)."""
    words = [canonical(t.text) for t in tokens(text)]
    while words and words[0].replace(".", "").isdigit():
        words = words[1:]
    return tuple(w for w in words if w)


def _theirs(quote: str, key: str, index: SourceIndex | None) -> bool:
    """Whether the entry's title or abstract holds the quoted words."""
    source = index.sources.get(key) if index is not None else None
    if source is None:
        return False
    words = canonical(quote)
    return bool(words) and f" {words} " in f" {canonical(source.title)} {canonical(source.field('abstract'))} "


def _emit(claim: Claim, quote: str, at: int, carrier: list[Hit], found: Found, placed: bool,
          index: SourceIndex | None) -> None:
    keys: dict[str, Hit] = {}
    for hit in carrier:
        if hit.key not in keys or hit.confidence > keys[hit.key].confidence:
            keys[hit.key] = hit
    detail = "attributed by: " + "; ".join(dict.fromkeys(h.evidence for h in keys.values())) if keys else \
        "no attribution in this sentence or the one before"
    found.mention(at, Mention(claim.id, "quotation", quote, tuple(keys), detail))
    for key, hit in keys.items():
        found.hits.append(Hit(claim.id, key, "quotation", round(hit.confidence * 0.95, 3), quote,
                              at, at + len(quote), ambiguous=hit.ambiguous, locator=hit.locator,
                              confirmed=hit.confirmed and (placed or _theirs(quote, key, index))))
