"""Year letters as a document prints them: citeproc letters only among the entries the document cites.

A manuscript usually cites part of its .bib. citeproc assigns "2011a", "2011b" among the cited entries
printed alike only, so when a document cites one of two entries by "Doe 2011", it prints no letter at all,
and when it cites two of three, they are "2011a" and "2011b" whichever two they are. The letters a
document writes for a group of entries tell how many of the group it cites: none means one; "a" to "c"
mean three, lettered in the style's order among the cited ones. So the entry a letter stands for is known
only up to a range of the group, and the entry "Doe 2011" stands for only by other evidence.

The document is read twice (``read_document``): the first reading records the letters written for each
group (``record``), the second narrows each citation to the entries consistent with them (``lettered``) and
leaves one that nothing else decides unresolved (``author_date_hit._emit``) rather than guess. A document that carries its
own reference list (pandoc's output, a PDF's text) says exactly which entries it cites (``listed``): the
letters are then counted among those.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from string import ascii_lowercase

from ..model import Claim
from .index import SourceIndex
from .labels import CITATION_ORDERS, first_name, letter_orders, sort_date, sorted_names, tied
from .rendered_list import Listed, listed
from .styles import dated, for_entries, given_read, name_keys, names_read
from .styles import et_al_min as style_et_al_min

UNDECIDED = "one of these entries; nothing here tells which"
"""The detail of a citation left unresolved between several entries (its keys are the candidates): the document
cites only some of a group printed alike, or names the author only in its prose."""
UNDECIDED_LETTER = ("one of these entries; the style letters them in the order the text first cites them, so the letter "
                    "does not tell which")
"""The detail of a lettered citation ("Doe 2001a") left open because the document's style letters these entries in
the order the document first cites them (``open_detail``): the letter alone names none of them."""
UNDECIDED_STYLE = "one of these entries; styles give this letter to different ones, and the text's style is not known"
"""The detail of a lettered citation left open because the styles' sort orders give its letter to different entries
and nothing tells which style the document is rendered with (no ``csl`` setting, no form of one style's)."""
LEFT_OPEN = (UNDECIDED, UNDECIDED_LETTER, UNDECIDED_STYLE)
"""The details of a citation left unresolved between its candidate entries."""
_WRITTEN = "_letters_written"
"""Pool (a group of entries in letter order) -> the letters the document writes for it ('' for none)."""
_LISTED = "_letters_listed"
"""The entries the document's own reference list lists (absent without one)."""
_POOLED = "_letters_pooled"
"""The pools of author lists "et al." prints alike (``record``'s ``pooled``)."""
_FEW = "_letters_few"
"""Key -> its pool and how many of the pool the document cites, for the pools it cites only in part (set once
the document is read)."""
_PICKS = "_letters_picks"
"""During the first reading, the entries a citation's context picked among its candidates; after it, pool -> the
one entry its citations' contexts picked, for the pools the document cites one member of."""
_WEAK = "_letters_weak"
"""During the first reading, the lettered picks a context made by one word alone (``SourceIndex.rests_on_one_word``):
(candidates, entry, label). Such a pick decides a label only beside picks of every other letter the document writes
for those candidates, all of different entries (``_corroborated``)."""
_CONTESTED = "_letters_contested"
"""(Candidates, entry) pairs the contexts of the first reading picked for two different year labels: two labels never
name one entry, so one of those picks is wrong, and none of them is taken."""
_LABELLED = "_letters_labelled"
"""(Candidates, lettered year label) -> the one entry the contexts of that label's citations agree on (``_agreed``)."""
_DISPUTED = "_letters_disputed"
"""(Candidates, lettered year label) pairs whose citations' contexts picked different entries, none of them agreed on
(``_agreed``): one context at least is wrong, and nothing tells which, so none of them is taken."""
_ADDS_NAMES = "_letters_adds_names"
"""Whether the document prints names added before "et al." ("Doe, Smith, et al."), set by the first reading."""
_IN_FULL = "_letters_in_full"
"""The most names (three or more) the document prints in full for one entry ("Doe, Roe, and Poe 2001")."""
_AMPERSAND = "_letters_ampersand"
"""Whether the document prints "(Doe & Roe, 2011)": APA's form, whose letters follow the printed title."""
_COLON = "_letters_colon"
"""Whether the document prints "(Doe 2011:12)", a colon before the page: ASA's form, whose letters follow the
CSL title."""
_TIED = "_letters_tied"
"""The sets of entries a letter may stand for because the style's sort cannot tell them apart (``labels.tied``)."""
_LARGE_GROUP = 5
"""The fewest entries printed alike (names and year) of a group whose letters, one short of the group, say the
document cites it in part when it leaves other entries of its .bib uncited (``read_document``): a to d of five
are four of the five, not surely the first four; a to c of four more likely mean the fourth's citation was not
read."""
_ORDER_OPEN = "_letters_order_open"
"""The sets of entries a letter may stand for because the styles' sort orders differ and nothing in the
document tells which style it uses."""


def read_document(index: SourceIndex, claims: Sequence[Claim], first_reading: Callable[[], object]) -> None:
    """Run ``first_reading`` (the author-date reading of every claim, its results dropped) to record the
    letters the document writes; the readings after it use them, and the document's reference list if any."""
    index.__dict__[_WRITTEN] = {}
    index.__dict__[_POOLED] = set()
    index.__dict__.pop(_FEW, None)
    index.__dict__.pop(_LISTED, None)
    index.__dict__.pop(_LABELLED, None)
    index.__dict__.pop(_DISPUTED, None)
    index.__dict__.pop(_CONTESTED, None)
    index.__dict__[_ADDS_NAMES] = False
    index.__dict__[_AMPERSAND] = False
    index.__dict__[_IN_FULL] = 0
    index.__dict__[_COLON] = False
    index.__dict__[_ORDER_OPEN] = set()
    index.__dict__[_TIED] = set()
    index.__dict__[_PICKS] = []
    index.__dict__[_WEAK] = []
    shown = listed(claims, index)
    if shown is not None:
        index.__dict__[_LISTED] = shown
    reading = first_reading()
    written: dict[tuple[str, ...], set[str]] = index.__dict__.pop(_WRITTEN)
    counts = {pool: _cited_count(letters) for pool, letters in written.items()}
    # A group printed with no letter is sure sign of a document citing part of its .bib. Without one, letters
    # a to c for a group of four more likely mean that the fourth's citation was not read (or the text is an
    # excerpt) than that it is not cited: the letters then keep their places in the whole group.
    # "Binz et al. 2013" with no letter for two lists is no such sign: Chicago may print it so in a list of
    # several citations, having told the lists apart elsewhere. Letters a and b for a group of four are a sign
    # (two citations unread is less likely than a document citing two of the four), not for lists "et al." pools,
    # and a sign for the whole document: its groups one short are then cited in part too.
    pooled = index.__dict__.pop(_POOLED)
    partly = any(letters == {""} or len(pool) - (counts[pool] or len(pool)) > 1
                 for pool, letters in written.items() if pool not in pooled)
    # Of a large group, one citation left unread is less likely the last entry's than the entry not cited, when the
    # document leaves entries of its .bib uncited besides.
    large = _LARGE_GROUP if _leaves_entries_out(index, reading, written) else len(index.sources) + 1
    few: dict[str, tuple[tuple[str, ...], int]] = {}
    for pool, cited in counts.items():
        if cited is not None and cited < len(pool) and (partly or (pool not in pooled and (
                len(pool) - cited > 1 or cited == 1 or len(pool) >= large))):
            few.update(dict.fromkeys(pool, (pool, cited)))
    index.__dict__[_FEW] = few
    if any(cited > 1 for _, cited in few.values()):
        # The letters of a group cited in part stand for other candidates than the first reading gave them: read
        # once more to learn what the contexts pick among those (what this reading records besides is known).
        index.__dict__[_WRITTEN] = {}
        index.__dict__[_POOLED] = set()
        index.__dict__[_PICKS] = []
        index.__dict__[_WEAK] = []
        first_reading()
        index.__dict__.pop(_WRITTEN)
        index.__dict__.pop(_POOLED)
    # A pool the document cites one member of is cited by that member wherever it is cited: when the contexts
    # that picked agree, the citations whose context picks nothing follow them.
    picks: list[tuple[frozenset[str], str, str]] = index.__dict__.pop(_PICKS)
    decided = {}
    for key, (pool, cited) in few.items():
        agreed = {picked for candidates, picked, _ in picks if key in candidates and candidates <= set(pool)}
        if cited == 1 and len(agreed) == 1:
            decided[pool] = agreed.pop()
    index.__dict__[_PICKS] = decided
    # A year label names one entry throughout a document: what the contexts of "Doe 2001a" agree on decides every
    # citation of "Doe 2001a", the one whose context picks nothing and the one whose context picks another.
    # A pick of one entry for two labels tells nothing (``contested``): the other picks of each label decide it.
    labels_of: dict[tuple[frozenset[str], str], set[str]] = {}
    for candidates, picked_key, label in picks:
        if label:
            labels_of.setdefault((candidates, picked_key), set()).add(label)
    contested_picks = {at for at, labels in labels_of.items() if len(labels) > 1}
    index.__dict__[_CONTESTED] = contested_picks
    labelled: dict[tuple[frozenset[str], str], Counter[str]] = {}
    for candidates, picked_key, label in picks:
        if label and (candidates, picked_key) not in contested_picks:
            labelled.setdefault((candidates, label), Counter())[picked_key] += 1
    agreed_on = {at: key for at, keys in labelled.items() if (key := _agreed(keys))}
    index.__dict__[_DISPUTED] = set(labelled) - set(agreed_on)
    # Two letters cannot name one entry: contexts that picked it for both tell nothing.
    clash = {(c, k) for (c, label), k in agreed_on.items() for (c2, label2), k2 in agreed_on.items()
             if c == c2 and k == k2 and label != label2}
    decided_labels = {(c, label): k for (c, label), k in agreed_on.items() if (c, k) not in clash}
    decided_labels.update(_corroborated(index.__dict__.pop(_WEAK), decided_labels, written))
    index.__dict__[_LABELLED] = {**_the_other_letter(decided_labels, written), **decided_labels}


def _agreed(picks: Counter[str]) -> str:
    """The entry the contexts of one label's citations agree on, from how many picked each (``picks``): the only one
    picked, or one that two contexts or more picked, more than twice as many as picked all others together (five
    sentences on the long cycle pick "A Questão Agrária e o ciclo longo" for "Rangel 2012b", one on land picks "A
    Questão da Terra"); '' when they split."""
    (top, most), *rest = picks.most_common()
    others = sum(n for _, n in rest)
    return top if not others or (most >= 2 and most > 2 * others) else ""


def _leaves_entries_out(index: SourceIndex, reading: object, written: Mapping[tuple[str, ...], set[str]]) -> bool:
    """Whether the first ``reading`` (its ``Found``) leaves two entries or more of the .bib, outside the groups the
    document letters, that no citation of the document may stand for: a document citing part of its .bib, whose
    large groups one short are then cited in part too (a book's chapter citing eleven of its author's twelve essays
    of one year prints letters a to k, which are not the first eleven of the twelve)."""
    mentions = getattr(reading, "mentions", None)
    if not isinstance(mentions, list):
        return False
    cited = {key for _, mention in mentions for key in mention.keys}
    cited.update(key for pool in written for key in pool)
    return sum(1 for key in index.sources if key not in cited) >= 2


def _corroborated(weak: list[tuple[frozenset[str], str, str]], labelled: Mapping[tuple[frozenset[str], str], str],
                  written: Mapping[tuple[str, ...], set[str]]) -> dict[tuple[frozenset[str], str], str]:
    """The labels the one-word picks ``weak`` decide: for candidates whose every letter the document writes is
    picked, by such a pick or by a context of its own (``labelled``), each for another entry ("Bayesian chronology
    (Bronk Ramsey 2009a)" and "outlier rates (Bronk Ramsey 2009b)"). One such pick alone ("an extraction tool (Lokoč
    et al. 2019a)", its "2019b" unpicked) is too little: its one word may name the other work as well."""
    picks: dict[tuple[frozenset[str], str], set[str]] = {}
    for candidates, key, label in weak:
        picks.setdefault((candidates, label), set()).add(key)
    out: dict[tuple[frozenset[str], str], str] = {}
    for candidates in {c for c, _ in picks}:
        letters = next((lt for pool, lt in written.items() if frozenset(pool) == candidates), set())
        if len(letters) < 2 or "" in letters:
            continue
        year = next(label for c, label in picks if c == candidates).rstrip(ascii_lowercase)
        chosen = {}
        for letter in letters:
            strong = labelled.get((candidates, year + letter))
            found = picks.get((candidates, year + letter), set())
            keys = {strong} if strong else found
            if len(keys) != 1 or (strong and found and found != keys):
                break
            chosen[year + letter] = keys.pop()
        else:
            if len(set(chosen.values())) == len(chosen):
                out.update({(candidates, label): key for label, key in chosen.items()
                            if (candidates, label) not in labelled})
    return out


def _the_other_letter(labelled: Mapping[tuple[frozenset[str], str], str],
                      written: Mapping[tuple[str, ...], set[str]]) -> dict[tuple[frozenset[str], str], str]:
    """Of two entries lettered a and b, the one the letter a context picked nothing for stands for (its label),
    when contexts picked the other for the other letter: two letters name two entries, whatever the order
    ("Between a Rock (Heiss; Kelley, 2016a)" is told by "Trenches matter (Heiss; Kelley, 2016b)" in a style that
    letters in citation order)."""
    out: dict[tuple[frozenset[str], str], str] = {}
    for (candidates, label), key in labelled.items():
        letters = next((lt for pool, lt in written.items() if frozenset(pool) == candidates), set())
        if len(candidates) != 2 or letters != {"a", "b"} or label[-1:] not in letters:
            continue
        other = label[:-1] + ({"a", "b"} - {label[-1]}).pop()
        if (candidates, other) not in labelled:
            out[candidates, other] = next(iter(candidates - {key}))
    return out


def _cited_count(letters: set[str]) -> int | None:
    """How many entries of a group the document cites, from the letters it writes for them (None: letters
    and none mixed, which citeproc never prints for one group)."""
    if letters == {""}:
        return 1
    if "" in letters:
        return None
    return max(2, *(position(s) + 1 for s in letters))  # a letter at all: two or more are cited


def position(suffix: str) -> int:
    """ "a" -> 0, "z" -> 25, "aa" -> 26 (citeproc's letters after z)."""
    return ord(suffix[-1]) - ord("a") + 26 * (len(suffix) - 1)


def record(index: SourceIndex, pool: Sequence[str], suffix: str, pooled: bool = False) -> None:
    """Note, during the first reading, that the document writes ``suffix`` for an entry of ``pool`` (``pooled``:
    a pool of author lists that "et al." prints alike, which Chicago still tells apart by adding names)."""
    written = index.__dict__.get(_WRITTEN)
    if written is not None and len(pool) > 1:
        written.setdefault(tuple(pool), set()).add(suffix)
        if pooled:
            index.__dict__[_POOLED].add(tuple(pool))


def record_added_names(index: SourceIndex) -> None:
    """Note that the document prints a name list with names added before "et al." ("Doe, Smith, et al. 1995"):
    its style tells author lists apart by names (Chicago), and letters only lists that are the same."""
    index.__dict__[_ADDS_NAMES] = True


def adds_names(index: SourceIndex) -> bool:
    """Whether the document's style tells author lists printed "Doe et al." apart by adding names (as far as
    the first reading saw) rather than by lettering them all together (Copernicus, Annual Reviews)."""
    return bool(index.__dict__.get(_ADDS_NAMES))


def record_in_full(index: SourceIndex, names: int) -> None:
    """Note that the document prints an entry's ``names`` names in full, with no "et al."."""
    index.__dict__[_IN_FULL] = max(names, index.__dict__.get(_IN_FULL) or 0)


def et_al_min(index: SourceIndex, least: int) -> int:
    """The fewest authors "et al." stands for in the document: the style's et-al-min when its file was read
    (``styles.et_al_min``), else ``least`` (the usual one), or more when the document prints as many names in full
    for an entry, and never adds names before "et al." (which Chicago and APA do to tell lists apart, printing a
    list in full when its last name is needed)."""
    if style_et_al_min(index.letter_order):  # the style's own, when its file was read
        return style_et_al_min(index.letter_order)
    return max(least, (index.__dict__.get(_IN_FULL) or 0) + 1) if not adds_names(index) else least


def record_ampersand(index: SourceIndex) -> None:
    """Note that the document prints "(Doe & Roe, 2011)", "&" and a comma before the year: APA's form."""
    index.__dict__[_AMPERSAND] = True


def record_colon(index: SourceIndex) -> None:
    """Note that the document prints "(Doe 2011:12)", a colon between the year and the page: ASA's form."""
    index.__dict__[_COLON] = True


def lettered(index: SourceIndex, pool: Sequence[str], suffix: str, probe: bool = False) -> list[str]:
    """The entries of ``pool`` (in ``labels.title_order``) that ``suffix`` may stand for: the one at its place
    when the document cites the whole pool (or is not read yet), else those its place among the cited ones
    allows. Where styles letter the pool in different orders (``labels.letter_orders``), APA's when the document
    prints APA's "&", ASA's when it prints ASA's colon, else every entry some order allows, left open unless
    the context picks one. When the document's style is known (``index.letter_order``), its order; a style that
    letters in citation order lets a letter stand for any entry of the pool. ``probe``: asked of a label no citation
    prints for this pool's names, so not recorded as a letter the document writes for it."""
    if not probe:
        record(index, pool, suffix)
    shown: Listed | None = index.__dict__.get(_LISTED)
    printed = [k for k in pool if shown is not None and shown.letters.get(k) == suffix]
    if len(printed) == 1:
        return printed  # the document's reference list prints the letter beside the entry
    if index.letter_order == "cited" and not dated(index.letter_order):
        # The style letters in the order the document first cites the entries: a letter may stand for any.
        found = list(pool) if position(suffix) < len(pool) else []
        _note_open(index, found)
        return found
    if index.letter_order in CITATION_ORDERS:
        found = _by_names(index, pool, suffix)
        _note_open(index, found)
        return found
    style = for_entries(index.letter_order, (index.sources[k].type for k in pool))
    orders = letter_orders(tuple(pool), index.sources, style)
    if len(orders) > 1 and index.__dict__.get(_AMPERSAND):
        orders, style = orders[1:2], "printed-title"
    elif len(orders) > 1 and index.__dict__.get(_COLON):
        orders, style = orders[2:], "csl-title"
    orders = tuple(dict.fromkeys(orders))
    found = list(dict.fromkeys(k for order in orders for k in _lettered_in(index, pool, order, suffix)))
    ties = list(dict.fromkeys(t for k in found for t in tied(k, tuple(pool), index.sources, style)))
    if len(orders) > 1 or len(ties) > len(found):
        _note_open(index, ties)
    tied_sets = index.__dict__.get(_TIED)
    if len(ties) > len(found) and isinstance(tied_sets, set):
        tied_sets.add(frozenset(ties))
    return ties


def open_detail(index: SourceIndex, keys: Sequence[str], letter: bool) -> str:
    """The detail of a citation left open between ``keys`` (``letter``: it prints a year letter): why the letter
    does not tell which (``UNDECIDED_LETTER``, ``UNDECIDED_STYLE``), else ``UNDECIDED``."""
    if letter and _in_citation_order(index, keys):
        return UNDECIDED_LETTER
    unique = frozenset(dict.fromkeys(keys))
    if letter and not index.letter_order and unique in (index.__dict__.get(_ORDER_OPEN) or ()):
        return UNDECIDED_STYLE
    return UNDECIDED


def _in_citation_order(index: SourceIndex, keys: Sequence[str]) -> bool:
    """Whether the style letters the entries ``keys`` in the order the document first cites them: it letters
    every year so (``labels.CITATION_ORDERS``), or its sort cannot tell these entries apart (``lettered``)."""
    return (index.letter_order in CITATION_ORDERS
            or frozenset(dict.fromkeys(keys)) in (index.__dict__.get(_TIED) or ()))


def _by_names(index: SourceIndex, pool: Sequence[str], suffix: str) -> list[str]:
    """``lettered`` for a style that letters by the names in full ("names"; "cited": the first name alone, which
    the pool shares), perhaps the full date (``styles.dated``), then in citation order: the entries that sort at
    the letter's place, with those that sort alike (in citation order, so any of them)."""
    order = sorted(pool, key=lambda k: _sort_key(index, k))
    at = {_sort_key(index, k) for k in _lettered_in(index, pool, order, suffix)}
    return [k for k in order if _sort_key(index, k) in at]


def _sort_key(index: SourceIndex, key: str) -> tuple[object, ...]:
    """What the sort of a citation-order style reads of ``key`` before the citation order: its names as the sort
    reads them (Annual Reviews: five of seven or more; a "cited" sort, ABNT's, the first name alone, with its given
    names when the style tells how it prints them), and its full date when the sort reads it next."""
    source = index.sources[key]
    order = index.letter_order
    given = given_read(order)
    if order == "names":  # each key that reads names as it reads them, when the style's file tells
        names: tuple[object, ...] = tuple(sorted_names(source, (least, first), read)
                                          for least, first, read in name_keys(order)) or sorted_names(
                                              source, names_read(order))
    elif given and names_read(order) != (0, 0):
        # "cited", its file read: the first name of a list of et-al-min or more, else every name, punctuation aside
        names = (sorted_names(source, names_read(order), given)[0],)
    else:
        names = (first_name(source, given),) if given else ()  # "cited": the first name ("SMITH, Jane")
    return names, sort_date(source, order) if dated(order) else ()


def _note_open(index: SourceIndex, found: Sequence[str]) -> None:
    """Note that a letter may stand for any of ``found`` as far as the style's order tells (left open unless the
    context picks one)."""
    opened = index.__dict__.get(_ORDER_OPEN)
    if len(found) > 1 and isinstance(opened, set):
        opened.add(frozenset(found))


def _lettered_in(index: SourceIndex, pool: Sequence[str], order: Sequence[str], suffix: str) -> list[str]:
    """``lettered`` for one letter order ``order`` of ``pool``."""
    pos = position(suffix)
    shown: Listed | None = index.__dict__.get(_LISTED)
    if shown is not None:
        # The entries of the pool the list may list; when as many of its items fit only them, it lists them all.
        among = [k for k in order if shown.fitting(k)]
        if len(among) == sum(1 for item in shown.items if item <= set(pool)) and 1 < len(among) > pos:
            return [among[pos]]
    if pos >= len(pool):
        return []
    few: Mapping[str, tuple[tuple[str, ...], int]] = index.__dict__.get(_FEW) or {}
    pool = tuple(pool)
    if pool[0] not in few or few[pool[0]][0] != pool:
        return [order[pos]]
    cited = few[pool[0]][1]
    if cited == 1:
        return []  # the document prints this group with no letter: none of it bears one
    return list(order[pos:pos + len(pool) - cited + 1])


def cited_in_part(index: SourceIndex, key: str) -> bool:
    """Whether the document may cite ``key``'s group of lettered entries in part, so that a citation with no
    letter may stand for it (true until the first reading has told)."""
    few: Mapping[str, tuple[tuple[str, ...], int]] | None = index.__dict__.get(_FEW)
    return few is None or key in few


def record_pick(index: SourceIndex, keys: Sequence[str], key: str, label: str = "") -> None:
    """Note, during the first reading, that a citation's context picked ``key`` among its candidates ``keys``
    (``label``: the lettered year label it prints, "2001a", '' for none)."""
    picks = index.__dict__.get(_PICKS)
    if isinstance(picks, list) and index.__dict__.get(_WRITTEN) is not None:
        picks.append((frozenset(keys), key, label))


def record_weak_pick(index: SourceIndex, keys: Sequence[str], key: str, label: str) -> None:
    """Note, during the first reading, that a lettered citation's context picked ``key`` among ``keys`` by one word
    alone (``_corroborated`` reads these)."""
    weak = index.__dict__.get(_WEAK)
    if isinstance(weak, list) and index.__dict__.get(_WRITTEN) is not None and label:
        weak.append((frozenset(keys), key, label))


def contested(index: SourceIndex, keys: Sequence[str], key: str) -> bool:
    """Whether the contexts of the first reading picked ``key`` among ``keys`` for two different year labels
    ("Shipton and Clarkson 2015a" and "2015b" both in sentences on reduction intensity): a label names one entry,
    so the context that picks it now is no evidence of which entry this label is."""
    return (frozenset(keys), key) in (index.__dict__.get(_CONTESTED) or ())


def agreed(index: SourceIndex, keys: Sequence[str], label: str) -> str:
    """The entry the contexts of the citations of ``label`` among ``keys`` agreed on in the first reading (``_agreed``),
    or that the other letters of its entries tell (``_corroborated``, ``_the_other_letter``); '' for none."""
    by_label: Mapping[tuple[frozenset[str], str], str] = index.__dict__.get(_LABELLED) or {}
    return by_label.get((frozenset(keys), label), "") if label else ""


def disputed(index: SourceIndex, keys: Sequence[str], label: str) -> bool:
    """Whether the contexts of the citations of ``label`` among ``keys`` picked different entries in the first
    reading, none agreed on (``_agreed``): one of them at least is wrong, so the context of this one is no evidence."""
    return bool(label) and (frozenset(keys), label) in (index.__dict__.get(_DISPUTED) or ())


def picked(index: SourceIndex, keys: Sequence[str], label: str = "") -> str | None:
    """The entry the contexts of other citations picked for the pool ``keys`` lie in, when the document cites
    one member of it, or for the same lettered ``label`` among the same ``keys`` (None when they did not, or
    disagree)."""
    few: Mapping[str, tuple[tuple[str, ...], int]] = index.__dict__.get(_FEW) or {}
    decided = index.__dict__.get(_PICKS)
    by_label: Mapping[tuple[frozenset[str], str], str] = index.__dict__.get(_LABELLED) or {}
    if label and (frozenset(keys), label) in by_label:
        return by_label[frozenset(keys), label]
    if label and keys and keys[0] in few:
        # Two letters name two entries: of a letter's candidates, those the contexts picked for another letter of
        # the same group are not it ("2012a" picked r2 of r1 and r2; "2012b", r2 or r3, is r3).
        pool = set(few[keys[0]][0])
        year = label.rstrip(ascii_lowercase)
        taken = {k for (candidates, other), k in by_label.items()
                 if other != label and other.rstrip(ascii_lowercase) == year and candidates <= pool}
        left = [k for k in dict.fromkeys(keys) if k not in taken]
        if len(left) == 1 and set(keys) <= pool:
            return left[0]
    if not isinstance(decided, dict) or not keys or keys[0] not in few:
        return None
    key = decided.get(few[keys[0]][0])
    return key if key in keys else None


def in_reference_list(index: SourceIndex, claim: Claim) -> bool:
    """Whether ``claim`` is part of an item of the document's reference list ("Doe, J. (1995). Title.")."""
    shown: Listed | None = index.__dict__.get(_LISTED)
    return shown is not None and claim.paragraph in shown.paragraphs


def only_listed(index: SourceIndex, keys: list[str]) -> list[str]:
    """``keys`` without those the document's reference list leaves out (all of them when it lists none)."""
    shown: Listed | None = index.__dict__.get(_LISTED)
    return [k for k in keys if shown.fitting(k)] or keys if shown is not None else keys
