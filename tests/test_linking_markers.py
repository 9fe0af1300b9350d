"""Citation markers: pandoc keys and author-date citations, resolved or reported."""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.model import Linkage

BIB = """
@book{keohane2012power, author={Keohane, Robert O. and Nye, Joseph S.}, title={Power and Interdependence}, year={2012}}
@article{DPR2016, author={Dupuy, Kendra and Ron, James and Prakash, Aseem}, title={Hands Off My Regime!}, year={2016}}
@article{Chaudhry:2016, author={Chaudhry, Suparna}, title={The Assault on Democracy Assistance}, year={2016}}
@book{wendt1999social, author={Wendt, Alexander}, title={Social Theory of International Politics}, year={1999}}
@article{Carothers2015, author={Carothers, Thomas}, title={Democracy Aid at 25}, year={2015}, month={1}}
@book{Carothers:2015, author={Carothers, Thomas}, title={The Closing Space Challenge}, year={2015}, month={11}}
@book{Winters2010, author={Winters, Matthew}, title={Accountability and Aid}, year={2010}}
@book{Winters2014, author={Winters, Matthew}, title={Targeting and Aid}, year={2014}}
@book{usdos:2017, author={{Bureau of Democracy, Human Rights, and Labor}}, title={Country Reports}, year={2017}}
"""


def run(text: str) -> Linkage:
    return link(parse_essay(text), parse_bibliography(BIB))


def markers(linkage: Linkage) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.text, m.keys) for m in linkage.mentions if m.kind == "marker"]


def marker_links(linkage: Linkage) -> list[tuple[str, str, str]]:
    return [(lk.claim_id, lk.source_key, lk.locator) for lk in linkage.links if lk.kind == "marker"]


# --- pandoc --------------------------------------------------------------------------

def test_bracketed_keys_with_locators_and_suppressed_author() -> None:
    linkage = run("Aid shrinks [@DPR2016, p. 5; see @Chaudhry:2016]. As Wendt says [-@wendt1999social].")
    assert marker_links(linkage) == [("p1-s1", "DPR2016", "p. 5"), ("p1-s1", "Chaudhry:2016", ""),
                                     ("p1-s2", "wendt1999social", "")]
    assert all(lk.status == "confirmed" and lk.confidence == 1.0 for lk in linkage.links if lk.kind == "marker")


def test_in_text_key_and_its_bracketed_locator() -> None:
    linkage = run("As @keohane2012power [p. 23] argue, power matters.")
    assert marker_links(linkage) == [("p1-s1", "keohane2012power", "p. 23")]


def test_unknown_key_is_reported_never_dropped() -> None:
    linkage = run("It is so [@nobody2020; @DPR2016].")
    assert markers(linkage) == [("@nobody2020", ()), ("@DPR2016", ("DPR2016",))]


def test_emails_and_crossref_labels_are_not_citations() -> None:
    linkage = run("Write to someone@example.org about the map (see @fig:map).")
    assert markers(linkage) == []


# --- author-date ---------------------------------------------------------------------

def test_parenthetical_with_locator() -> None:
    linkage = run("Cooperation is common (Keohane and Nye 2012, 23).")
    assert marker_links(linkage) == [("p1-s1", "keohane2012power", "23")]
    assert markers(linkage) == [("Keohane and Nye 2012", ("keohane2012power",))]


def test_group_with_et_al() -> None:
    linkage = run("States crack down (Dupuy et al. 2016; Chaudhry 2016).")
    assert [k for _, k, _ in marker_links(linkage)] == ["DPR2016", "Chaudhry:2016"]


def test_narrative_citation() -> None:
    linkage = run("Wendt (1999) argues that anarchy is what states make of it.")
    assert marker_links(linkage) == [("p1-s1", "wendt1999social", "")]
    # the name inside the marker is not also an attribution
    assert [lk.kind for lk in linkage.links if lk.source_key == "wendt1999social"] == ["marker"]


def test_year_suffixes_follow_date_order() -> None:
    linkage = run("Aid runs on autopilot (Carothers 2015a, 64). Funders leave (Carothers 2015b, 15).")
    assert marker_links(linkage) == [("p1-s1", "Carothers2015", "64"), ("p1-s2", "Carothers:2015", "15")]


def test_several_years_and_a_page_range() -> None:
    linkage = run("Donors bypass governments (Winters 2010, 2014). Reports say so (Bureau of Democracy, "
                  "Human Rights, and Labor 2017, 39).")
    assert marker_links(linkage) == [("p1-s1", "Winters2010", ""), ("p1-s1", "Winters2014", ""),
                                     ("p1-s2", "usdos:2017", "39")]


def test_author_named_earlier_in_the_sentence() -> None:
    linkage = run("Further, as Carothers points out, scaling back shows late (2015b, 15).")
    assert marker_links(linkage) == [("p1-s1", "Carothers:2015", "15")]


def test_unresolved_author_date_is_reported() -> None:
    linkage = run("Realists disagree (Mearsheimer 2001). Waltz (1979) wrote the classic.")
    assert markers(linkage) == [("Mearsheimer 2001", ()), ("Waltz (1979)", ())]


def test_year_ranges_and_prose_in_parentheses_are_not_markers() -> None:
    linkage = run("Aid grew (1981–2012) in many places (in 2010 especially) and (e.g. because Albania "
                  "changed its law in 2001, it is coded 0).")
    assert markers(linkage) == []


def test_same_author_same_year_without_suffix_is_ambiguous() -> None:
    linkage = run("Closing space challenges funders (Carothers 2015).")
    (lk,) = [lk for lk in linkage.links if lk.kind == "marker"]
    assert lk.source_key == "Carothers:2015"  # "Closing Space Challenge" shares the sentence's words
    assert lk.ambiguous and lk.status == "suggested"


def test_a_second_year_with_no_entry_is_reported_not_read_as_a_page() -> None:
    # Wendt has a 1999 entry but none for 2003: that year is reported, in both styles.
    linkage = run("Identity matters (Wendt 1999, 2003). Wendt (1999, 2003) says so.")
    assert markers(linkage) == [("Wendt 1999", ("wendt1999social",)), ("Wendt 1999, 2003", ()),
                                ("Wendt (1999)", ("wendt1999social",)), ("Wendt (2003)", ())]


def test_a_four_digit_page_far_from_the_year_stays_a_page() -> None:
    linkage = run("Identity matters (Wendt 1999, 1601).")
    assert markers(linkage) == [("Wendt 1999", ("wendt1999social",))]
