"""How an author-date citation read in the text is recorded: the year as a style prints it, whether a
citation that fits no entry is reported, and the mention and ``marker`` hit for the entry chosen.

Shared by the parenthetical reader (``author_date``) and the narrative one (``author_date_narrative``).
"""

from __future__ import annotations

import re
from functools import cache
from string import ascii_lowercase

from ..lazyre import lazy
from ..model import Claim, Mention
from ..text import fold_words
from . import cited_letters, document_topic
from .author_names import acronym_or_person, as_spelled, told_apart_by_given_names
from .hits import Found, Hit
from .index import SourceIndex, clearly_best, persons_of
from .name_forms import acronym_of
from .printed_years import COMMON_YEAR, common, one_letter, original_dated
from .reporting import REPORTING
from .text import FORM_WORDS, STOPWORDS, canonical, content_stems, wordset


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


def year_label(year: str, suffix: str, entries: int) -> str:
    """The lettered year label a citation of ``year`` and ``suffix`` stands for, as its letter reads among the
    ``entries`` entries of its names ("2012c" for DIN 1505-2's "2012cc": ``printed_years.one_letter``); '' for none.
    Passed to ``_emit`` by each reader, whose citation as written may end in a page that repeats the letter
    ("2012i, S. 156–157i")."""
    return _year_text(year, one_letter(suffix, entries)) if suffix else ""


@cache
def _reported() -> frozenset[str]:
    """The stems of the reporting verbs ("notes", "argues"): the sentence's act of citing, no evidence of which work
    it cites ("Li et al. also notes (2015)" for a work whose record happens to hold "note"). Computed on first use:
    the stemmer is not loaded by a run that links nothing."""
    return frozenset(content_stems(" ".join(sorted(REPORTING))))


@cache
def _form_stems() -> frozenset[str]:
    """The stems of the words that say what kind of publication a work is ("paper", "journal", "series"): the
    sentence's "other papers that used it" is no evidence that the work is one of a "Working Paper Series"."""
    return frozenset(content_stems(" ".join(sorted(FORM_WORDS))))


_LETTERED = lazy(r"([^\s(]*[\d.\-][a-z]{1,2})\)?$")
"""The lettered year label at the end of a citation as written: "Doe 2001a", "Doe (n.d.-b)"."""


_ORIGINAL_LENGTH = len(" [1998]")
"""How much longer than a citation as read its item is when it prints an original date too."""


def _emit(claim: Claim, keys: list[str], written: str, evidence: str, at: int, locator: str,
          confidence: float, index: SourceIndex, found: Found, guessed: bool = False,
          shared_context: bool = False, word_before: bool = True, label: str | None = None,
          closed: tuple[str, int] | None = None) -> None:
    """``guessed``: the citation prints no names (or no year) of its own, so between entries its context does
    not tell apart, picking one would be a guess: it is left open. ``shared_context``: the sentence cites the same
    names and year with another letter too, so its words are no evidence of which entry this letter is.
    ``word_before``: the word before the citation may name its work (False when its parenthesis prints another
    letter of the same names and year, which the word would name as well). Between entries whose contexts score
    alike or nearly so (``index.clearly_best``), the citation is left open too, unless other citations' contexts
    picked one (``cited_letters.picked``): the order of the file is no evidence of which work it is. ``label``: the
    lettered year label the citation prints (by default the one ``written`` ends with), as its letter reads
    ("1975b" for DIN 1505-2's "1975bb"). ``closed``: the sentence the citation closes and how far its claim's text
    is shifted in it (``closing``), whose words tell its work instead of the claim's."""
    label = label_of(written) if label is None else label
    if not label and len(set(keys)) > 1:  # "(Edward L Glaeser, Gyourko, and Saks 2005)": the spelling printed tells
        keys = as_spelled(written, keys, index, claim.text)
    words_of, words_at = (closed[0], at + closed[1]) if closed else (claim.text, at)
    # One entry: no words to weigh (nor the document's topic to read).
    context = _context_words(words_of, words_at, written, keys, index) if len(set(keys)) > 1 else []
    key, ambiguous, scores = index.choose(keys, context)
    page = _page_of(locator, label)
    if not ambiguous:
        _record_page(index, key, page)
    ranked = sorted(scores.values(), reverse=True)
    # "Hicks ([1998] 2002)": the one entry first published in 1998 (the raw item is longer than ``written`` by the
    # original date, up to its next item)
    original = original_dated(claim.text[at:at + len(written) + _ORIGINAL_LENGTH].partition(";")[0], keys,
                              index) if ambiguous else ""
    titled = _titled_before(claim.text[:at], keys, index) if ambiguous and word_before and not original else ""
    paged = (paged_entry(page, keys, index) if ambiguous and not (titled or original) and pages_followed(index)
             else "")
    contested = bool(label) and ambiguous and (cited_letters.contested(index, keys, key)
                                               or cited_letters.disputed(index, keys, label))
    # A label names one entry throughout the document: what the contexts of its citations agreed on.
    agreed = cited_letters.agreed(index, keys, label) if ambiguous and label else ""
    # A lead that one shared word makes is no evidence alone: the citation is then decided as one its context does
    # not, unless picks of the other letters of its entries corroborate it (``cited_letters.record_weak_pick``).
    clear = ambiguous and clearly_best(*ranked[:2]) and not _topic_names_another(words_of, words_at, written, keys,
                                                                               index, key)
    if clear and index.rests_on_one_word(keys, context, key):
        clear = False
        if label and not shared_context and not contested:
            cited_letters.record_weak_pick(index, keys, key, label)
    # "WHO" for the World Health Organization and for Ann WHO: no context tells an acronym from a name spelled so.
    clash = ambiguous and acronym_or_person(written.rsplit(None, 1)[0], keys, index)
    if clash:
        clear, agreed = False, ""
    # Two people of one family name the citation prints alike: the words of one's title alone tell its work.
    if clear and told_apart_by_given_names(written, keys, index) and not index.one_sided(key, keys, context):
        clear = False
    if original or titled or paged:  # "forcats (Wickham 2023a), stringr (Wickham 2023b)": the word before names it
        key, ambiguous = original or titled or paged, False
        cited_letters.record_pick(index, keys, key, label)
    elif agreed in keys and not contested:
        key = agreed
    elif clear and not shared_context and not contested:
        cited_letters.record_pick(index, keys, key, label)
    elif ambiguous and (contested or shared_context or not clear or guessed
                        or told_apart_by_given_names(written, keys, index)):
        key = "" if contested or clash else cited_letters.picked(index, keys, label) or ""
        if not key:
            why = cited_letters.open_detail(index, keys, bool(label))
            found.mention(at, Mention(claim.id, "marker", written, tuple(dict.fromkeys(keys)), why))
            return
    found.mention(at, Mention(claim.id, "marker", written, tuple(dict.fromkeys([key, *keys])), key))
    found.hits.append(Hit(claim.id, key, "marker", confidence * (0.8 if ambiguous else 1.0),
                          evidence, at, at + len(written), ambiguous=ambiguous, locator=locator,
                          confirmed=not ambiguous))


def closing(before: str, text: str, paren: re.Match[str]) -> tuple[str, int] | None:
    """The passage a parenthesis that opens its claim closes, when its paragraph has sentences before it
    (``before``): "Under medeltiden lyckades människan ... kraftutövningen. (Haikola, 2015a)", a LaTeX source's
    "text. \\citep{k}", is read as a claim of its own or as the start of the next sentence, yet cites the sentences
    before it, back to the paragraph's citation before it (``_own_clause``). The text its words come from
    (``before``, the parenthesis and the claim's text up to it) and how far the claim's text is shifted in it;
    None when the claim writes words before the parenthesis, or when its paragraph has no sentence before it."""
    if not before.strip() or text[:paren.start()].strip():
        return None
    shift = len(before) + 1
    return f"{before} {text[:paren.end()]}", shift


def _topic_names_another(text: str, at: int, written: str, keys: list[str], index: SourceIndex, key: str) -> bool:
    """Whether the words of the citation's clause, the document's topic words counted too, name another of ``keys``
    better than ``key``, the one the clause's other words pick: the topic words are no evidence for an entry, nor
    is a lead that stands only while the words the sentence is about, the other entry's title words, go uncounted
    ("the Chilean case (Doe et al. 2013) shows that subjective status ..." in a paper on subjective status, citing
    "Evidence from the Chilean case" and "Subjective status in Chile")."""
    if not document_topic.topic(index):
        return False
    best, _, scores = index.choose(keys, _context_words(text, at, written, keys, index, keep_topic=True))
    return best != key and scores[best] > scores[key]


def _context_words(text: str, at: int, written: str, keys: list[str], index: SourceIndex,
                   keep_topic: bool = False) -> list[str]:
    """The stems of the sentence that may tell which of ``keys`` the citation ``written`` at ``at`` names
    (``keep_topic``: the document's topic words too)."""
    # The names the citation prints, or the prose prints for it (its first author's), are no evidence of which
    # work it is ("O'Toole also notes (2007)" for a work titled "O'Toole"); a co-author named nearby may be.
    firsts = [people[0].family for k in keys if (people := persons_of(index.sources[k]))]
    # (Nor are the function words of other languages: content_stems leaves them out.)
    named = set(content_stems(" ".join([written, *firsts]))) | _reported()
    # Nor are the words the document writes all through ("textbooks" in a chapter on textbooks): its topic, not
    # this passage's.
    weak = named | _form_stems() | (frozenset() if keep_topic else document_topic.topic(index))
    return [s for s in content_stems(_own_clause(text, at)) if s not in weak]


_CITATION = lazy(rf"\([^()]*\b(?:{COMMON_YEAR}|n\.\s?d\.)[^()]*\)")
"""A parenthesis holding a year: a citation, or a narrative citation's year."""


def _own_clause(text: str, at: int) -> str:
    """The words of a sentence that may describe the work cited at ``at``: from the citation before its own to the
    one after it. A sentence that cites several works describes each one beside its citation ("independent of goals
    (Doe 2011b), persists over time (Roe 2019), after learning (Poe 2013)"): the words beside another citation are
    that one's, no evidence of which entry this one is."""
    parens = [(m.start(), m.end()) for m in _CITATION.finditer(text)]
    own = next(((start, end) for start, end in parens if end > at), None)
    if own is None or len(parens) < 2:
        return text
    before = max((end for start, end in parens if end <= own[0]), default=0)
    after = min((start for start, end in parens if start >= own[1]), default=len(text))
    return text[before:after]


_PAGE_LOCATOR = lazy(r"^:?\s*(?:(?P<label>pp?|pg|pag|S|s|str|blz|Pp?)\.?\s*)?(?P<page>\d{1,5})(?:\s*[-–]+\s*\d{1,5})?"
                     r"(?:\s*f{1,2}\.?)?$")
"""A locator that names a page: "32", "p. 32", "S. 32 f.", "pp. 32–34" (its first page), ASA's ":32"."""
_PAGE_RANGE = lazy(r"^\s*(\d{1,5})\s*(?:-+|–|—)\s*(\d{1,5})\s*$")
"""An entry's page range: "27--42", "27–42"."""


_PINPOINTS = "_pinpoints_in_pages"
"""[inside, outside]: how many of the document's page locators, in citations that fit one entry with a page range,
lie inside that range and how many outside it."""
PAGES_FOLLOWED = 3
"""How many times the locators outside their entry's pages those inside must be for the document's pinpoints to
follow its entries' pagination (a few cite another edition's pages)."""


def read_pages(index: SourceIndex) -> None:
    """Start counting a document's page locators against its entries' page ranges (``pages_followed``)."""
    index.__dict__[_PINPOINTS] = [0, 0]


def _page_of(locator: str, label: str) -> str:
    """The locator as it names a page: without the letter of the year ``label`` DIN 1505-2 prints again after it
    ("S. 134b" of "(RANGEL, 2012b, S. 134b)" is page 134)."""
    letter = label.lstrip("0123456789.-nd")
    if letter and locator.endswith(letter) and locator[:-len(letter)][-1:].isdigit():
        return locator[:-len(letter)]
    return locator


def _page(locator: str) -> int | None:
    """The page a locator names ("32", "S. 32 f.", ":32"), None for none or a bare number that reads as a year."""
    match = _PAGE_LOCATOR.match(locator.strip())
    if not match or (not match.group("label") and re.fullmatch(COMMON_YEAR, match.group("page"))):
        return None
    return int(match.group("page"))


def _record_page(index: SourceIndex, key: str, locator: str) -> None:
    """Count a citation that fits one entry, ``key``, by whether its page locator lies inside the entry's pages."""
    counts = index.__dict__.get(_PINPOINTS)
    page = _page(locator) if counts is not None and locator else None
    inside = _in_pages(index.sources[key].pages, page) if page is not None else None
    if counts is not None and inside is not None:
        counts[0 if inside else 1] += 1


def _in_pages(pages: str, page: int) -> bool | None:
    """Whether ``page`` lies in an entry's page range ``pages`` ("27--42"); None when ``pages`` is no range."""
    match = _PAGE_RANGE.match(pages)
    return None if match is None else int(match.group(1)) <= page <= int(match.group(2))


def pages_followed(index: SourceIndex) -> bool:
    """Whether the document's page locators follow its entries' pagination: of those read so far in citations that
    fit one entry with a page range, some lie inside it and ``PAGES_FOLLOWED`` times as many as lie outside it. A
    document that cites another edition's pages, or pages at random, tells nothing by a page."""
    inside, outside = index.__dict__.get(_PINPOINTS) or (0, 0)
    return inside > 0 and inside >= PAGES_FOLLOWED * outside


def paged_entry(locator: str, keys: list[str], index: SourceIndex) -> str:
    """The one entry among ``keys`` that may hold the page the citation's locator names, every other having a page
    range that does not: "(Doe and Roe 1975a, 32)" for their chapter at pp. 27–42, not the one at pp. 17–26;
    "(Doe 2011a, 116)" for their book (no page range: it may hold any page), not its chapter at pp. 119–122. '' when
    several may or none; a bare locator that reads as a year ("(Doe 2010a, 2011)") names no page."""
    page = _page(locator)
    if page is None:
        return ""
    holding = [key for key in dict.fromkeys(keys) if _in_pages(index.sources[key].pages, page) is not False]
    return holding[0] if len(holding) == 1 else ""


def label_of(written: str) -> str:
    """The lettered year label a citation as written ends with ("2001a", "n.d.-b"), '' for none."""
    lettered = _LETTERED.search(written)
    return lettered.group(1) if lettered else ""


_WORD_BEFORE = lazy(r"([^\W\d_][\w\-]*)[\s(\[]*$")
"""The word right before a citation ("forcats (Wickham 2023a)"), past the bracket that opens it."""
_PHRASE_WORDS = 3
"""How many words right before a citation are read as the phrase that may name its work ("of payments surcharge")."""


def _titled_before(lead: str, keys: list[str], index: SourceIndex) -> str:
    """The one entry among ``keys`` the words right before the citation name: a package or a project named by its
    title's first word ("forcats (Wickham 2023a)" for "forcats: Tools for Working with Categorical Variables"), a
    dataset or a report by its title's acronym ("the QCEW (US Bureau of Labor Statistics 2020)" for "Quarterly Census
    of Employment and Wages"), a document by its title's head ("Executive Order 14389 (Executive Office of the
    President 2026a)" for "Executive Order 14389: Ending Certain Tariff Actions"), or a thing by two words or more of
    its title ("a balance-of-payments surcharge (Executive Office of the President 2026b)" for "Proclamation 11012:
    Imposing a Temporary Import Surcharge To Address Fundamental International Payments Problems"); '' when none or
    several do, or the word is a common one."""
    match = _WORD_BEFORE.search(lead[-80:])
    written = match.group(1) if match else ""
    word = canonical(written)
    if len(word) >= 3 and word not in STOPWORDS:
        acronym = written.isupper()
        hits = {k for k in keys if canonical(index.sources[k].title).split()[:1] == [word]
                or (acronym and canonical(acronym_of(index.sources[k].title)) == word)}
        if hits:
            return hits.pop() if len(hits) == 1 else ""
    return _thing_before(lead, keys, index) or _headed_before(lead, keys, index) or _phrased_before(lead, keys, index)


_THING_BEFORE = lazy(r"([^\W\d_][\w\-]*)\s+([^\W\d_][\w\-]*)[\s(\[]*$")
"""The two words right before a citation ("the Bonferroni method (Haynes 2013)")."""
_THING_NOUNS = wordset("""method methods correction test procedure algorithm approach model package library software
tool toolkit index scale dataset database survey framework criterion estimator filter""")
"""Nouns for a method or a tool that follow the words naming it ("the Bonferroni method")."""


def _thing_before(lead: str, keys: list[str], index: SourceIndex) -> str:
    """The one entry among ``keys`` whose title opens with the words before a noun for a method or a tool right before
    the citation (``_THING_NOUNS``): "the Bonferroni method (Haynes 2013)" for "Bonferroni Correction", beside the
    same author's "Benjamini--Hochberg Method" of that year; '' when none or several do, or the words are common."""
    match = _THING_BEFORE.search(lead[-80:])
    if match is None or canonical(match.group(2)) not in _THING_NOUNS:
        return ""
    words = canonical(match.group(1)).split()
    if not words or any(len(w) < 3 or w in STOPWORDS for w in words):
        return ""
    hits = {k for k in keys if canonical(index.sources[k].title).split()[:len(words)] == words}
    return hits.pop() if len(hits) == 1 else ""


def _headed_before(lead: str, keys: list[str], index: SourceIndex) -> str:
    """The one entry among ``keys`` whose title's head (before its colon, two words or more) is the words right
    before the citation."""
    before = fold_words(lead[-200:]).split()
    hits = set()
    for k in keys:
        head = fold_words(index.sources[k].title.split(":", 1)[0]).split()
        if len(head) >= 2 and before[-len(head):] == head:
            hits.add(k)
    return hits.pop() if len(hits) == 1 else ""


def _phrased_before(lead: str, keys: list[str], index: SourceIndex) -> str:
    """The one entry among ``keys`` whose title holds every content word (two or more) of the last words before the
    citation, two or more of them words the other entries' titles lack; one word alone ("the tools") is too common to
    tell."""
    tail = lead.rstrip(" ([").replace("-", " ").split()[-_PHRASE_WORDS:]
    stems = set(content_stems(" ".join(tail)))
    if len(stems) < 2:
        return ""
    titles = {k: set(content_stems(index.sources[k].title.replace("-", " "))) for k in dict.fromkeys(keys)}
    hits = {k for k, title in titles.items() if stems <= title}
    if len(hits) != 1:
        return ""
    hit = hits.pop()
    # The words that tell it from the others must be two or more too: "of sparse coding networks" before one of two
    # works on sparse coding names it by "networks" alone.
    others = set().union(*(title for k, title in titles.items() if k != hit))
    return hit if len(stems - others) >= 2 else ""


SECOND_YEAR_SPAN = 60
"""After "2014, " a number this close to the first year is a second year, not a page."""


def _second_year(first: str, year: str, suffix: str) -> bool:
    """Whether "first, year" lists two years ("1999, 2003", "2012a, 2012b") rather than a page."""
    if suffix or not first.isdigit() or not year.isdigit():  # n.d., forthcoming
        return True
    return abs(int(year) - int(first)) <= SECOND_YEAR_SPAN


def one_entry_per_label(found: Found, mentions_from: int, hits_from: int, index: SourceIndex) -> None:
    """Two year labels of one citation ("(Doe 2010a, 2010b)") never name one entry: when the citations read since
    ``mentions_from`` and ``hits_from`` (one parenthesis) resolve two letters to the same entry, those whose entry
    their context picked (an ambiguous hit) are left open between their candidates; one the letter itself decided
    (the style's order, the document's reference list) keeps its entry."""
    labels: dict[str, set[str]] = {}
    for _, mention in found.mentions[mentions_from:]:
        if mention.kind == "marker" and mention.keys and mention.detail == mention.keys[0]:
            lettered = _LETTERED.search(mention.text)
            if lettered:
                labels.setdefault(mention.detail, set()).add(lettered.group(1))
    contested = {key for key, written in labels.items() if len(written) > 1}
    if not contested:
        return
    picked = {(h.start, h.key) for h in found.hits[hits_from:] if h.key in contested and h.ambiguous}
    for n, (at, mention) in enumerate(found.mentions[mentions_from:], mentions_from):
        if mention.kind == "marker" and (at, mention.detail) in picked and _LETTERED.search(mention.text):
            why = cited_letters.open_detail(index, mention.keys, True)
            found.mentions[n] = (at, Mention(mention.claim_id, "marker", mention.text, mention.keys, why))
    found.hits[hits_from:] = [h for h in found.hits[hits_from:] if (h.start, h.key) not in picked]


def one_entry_per_item(found: Found, mentions_from: int, hits_from: int) -> None:
    """The items of one citation name different entries: an item left open between candidates all but one of which
    other items of the same parenthesis name for certain ("(Wagner et al. 2013; Wagner, Roller, et al. 2013)",
    "(AAA 1999; J. AAA 1999)") cites the one left. ``mentions_from`` and ``hits_from``: where the parenthesis's
    mentions and hits start in ``found``."""
    named = {h.key for h in found.hits[hits_from:] if h.kind == "marker" and not h.ambiguous}
    if not named:
        return
    for n, (at, mention) in enumerate(found.mentions[mentions_from:], mentions_from):
        if mention.kind != "marker" or mention.detail not in cited_letters.LEFT_OPEN:
            continue
        left = [k for k in mention.keys if k not in named]
        if len(left) != 1 or len(mention.keys) < 2:
            continue
        key = left[0]
        found.mentions[n] = (at, Mention(mention.claim_id, "marker", mention.text,
                                         (key, *(k for k in mention.keys if k != key)), key))
        found.hits.append(Hit(mention.claim_id, key, "marker", 0.9, mention.text, at, at + len(mention.text)))


def every_letter_of_a_group(claim: Claim, found: Found, mentions_from: int) -> None:
    """A claim that prints as many letters of one year as there are entries the letters are left open between
    ("(World Bank 2020a, 2020b)", in a style that letters them in the order the text first cites them) cites each of
    those entries: in one document a label names one entry, and two labels never name one entry, though which label
    is whose is not known. Each is then cited by the labels together, with no locator: a page printed after one
    label is that label's. ``mentions_from``: where the claim's mentions start in ``found``."""
    groups: dict[frozenset[str], list[int]] = {}
    for n, (_, mention) in enumerate(found.mentions[mentions_from:], mentions_from):
        if mention.kind == "marker" and mention.detail in cited_letters.LEFT_OPEN and _LETTERED.search(mention.text):
            groups.setdefault(frozenset(mention.keys), []).append(n)
    for keys, members in groups.items():
        labels = {n: lettered.group(1) for n in members if (lettered := _LETTERED.search(found.mentions[n][1].text))}
        distinct = sorted(set(labels.values()))
        if len(distinct) != len(keys) or len({label.rstrip(ascii_lowercase) for label in distinct}) != 1:
            continue
        ordered = list(found.mentions[members[0]][1].keys)
        whose = dict(zip(distinct, ordered, strict=True))
        written = ", ".join(dict.fromkeys(found.mentions[n][1].text for n in members))
        for n in members:
            at, mention = found.mentions[n]
            key = whose[labels[n]]
            found.mentions[n] = (at, Mention(claim.id, "marker", written, (key, *(k for k in ordered if k != key)), key))
            found.hits.append(Hit(claim.id, key, "marker", 0.9, written, at, at + len(mention.text)))
