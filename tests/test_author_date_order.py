"""Year letters of volumes of a multi-volume work, which styles sort differently: Chicago by the volume's own
title, APA by the printed title (the work's title first), ASA, APSA and Harvard by the CSL title (the work's:
the volumes keep the file's order). The document's own forms choose ("&" and a comma: APA); when nothing
does, the letter is left open between the entries the orders allow, unless its context names one.
"""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.cited_letters import UNDECIDED
from litreview.linking.labels import letter_orders
from litreview.model import Bibliography

VOLUMES = r"""@book{v1, author = {Roe, Ann}, title = {Zebras}, maintitle = {Collected Works}, volume = {1}, year = {2001}}
@book{v2, author = {Roe, Ann}, title = {Apples}, maintitle = {Collected Works}, volume = {2}, year = {2001}}
@book{p1, author = {Roe, Ann and Poe, Bo}, title = {Pears}, year = {1999}}
@book{s1, author = {Sims, Cy}, title = {Zinc}, year = {2003}}
@book{s2, author = {Sims, Cy}, title = {Argon}, year = {2003}}
"""


def _markers(text: str, bib: Bibliography) -> tuple[list[str], list[tuple[str, ...]]]:
    """The keys linked, and the candidates of the citations left open."""
    linkage = link(parse_essay(text), bib)
    linked = sorted(lk.source_key for lk in linkage.links if lk.kind == "marker")
    return linked, [m.keys for m in linkage.mentions if m.detail == UNDECIDED]


def test_orders_differ_only_for_volumes_of_a_work() -> None:
    bib = parse_bibliography(VOLUMES)
    sources = {s.key: s for s in bib.sources}
    assert letter_orders(("v2", "v1"), sources) == (("v2", "v1"), ("v1", "v2"), ("v1", "v2"))
    assert letter_orders(("s2", "s1"), sources) == (("s2", "s1"),)


def test_apa_forms_pick_the_printed_title_order() -> None:
    text = "Pears hold (Roe & Poe, 1999). It holds (Roe, 2001a)."
    assert _markers(text, parse_bibliography(VOLUMES)) == (["p1", "v1"], [])


VOLUMES_ASA = VOLUMES.replace("title = {Zebras}", "title = {Yaks}").replace(
    "volume = {1}, year", "volume = {3}, year")


def test_asa_colon_picks_the_csl_title_order() -> None:
    # Printed title: "Collected Works 2 Apples" before "Collected Works 3 Yaks"; CSL title: the file's order.
    bib = parse_bibliography(VOLUMES_ASA)
    assert _markers("It holds (Roe 2001a:12).", bib) == (["v1"], [])
    assert _markers("It holds (Roe & Poe, 1999). It also holds (Roe, 2001a).", bib) == (["p1", "v2"], [])


def test_nothing_decides_leaves_the_letter_open() -> None:
    linked, opened = _markers("It holds (Roe 2001a).", parse_bibliography(VOLUMES))
    assert linked == []
    assert [sorted(c) for c in opened] == [["v1", "v2"]]


def test_a_title_word_in_context_picks_the_volume() -> None:
    linked, opened = _markers("The zebras show it (Roe 2001a).", parse_bibliography(VOLUMES))
    assert (linked, opened) == (["v1"], [])


def test_groups_without_a_work_keep_the_title_order() -> None:
    assert _markers("It holds (Sims 2003a).", parse_bibliography(VOLUMES)) == (["s2"], [])
