"""Years outside 1500-2099 ("1234", "380 BC" for biblatex's -0379, "250 AD"), read only where an entry has that
year, so a page number is never taken for a year and never reported as a citation with no entry."""

from __future__ import annotations

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.cited_letters import LEFT_OPEN

ERAS = r"""@book{c, author = {Smith, Alan}, title = {Title}, date = {-0379-02}}
@book{b, author = {Smith, Alan}, title = {Other}, date = {-0196}}
@book{d, author = {Doe, John}, title = {Old}, year = {1234}}
@book{e, author = {Roe, Ann}, title = {Late}, date = {0250}}
@book{f, author = {Poe, Bo}, title = {New}, year = {2003}}
@book{r1, author = {Lee, Al}, title = {T}, date = {1034/}}
@book{r2, author = {Lee, Al}, title = {U}, date = {1034/}}
@book{r3, author = {Lee, Al}, title = {T}, date = {1034~}}
"""


def _markers(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    linkage = link(parse_essay(text), parse_bibliography(ERAS))
    return [(m.text, m.keys, m.detail) for m in linkage.mentions if m.kind == "marker"]


def test_years_before_the_common_era_and_before_1500() -> None:
    assert [m[1] for m in _markers("It holds (Smith 380 BC, 33). It holds (cf. Doe 1234).")] == [("c",), ("d",)]
    assert [m[1] for m in _markers("Es gilt (Smith, 197 v. Chr., S. 4). Roe (250 AD) sagt es.")] == [("b",), ("e",)]


def test_original_dates_in_brackets_before_them() -> None:
    text = "Smith also notes ([50 BC–45 BC] 380 BC) it. They agree (Smith [222 BC–220 BC] 380 BC, [50 BC] 197 BC)."
    assert [m[1] for m in _markers(text)] == [("c",), ("c",), ("b",)]


def test_a_rare_year_no_entry_has_is_no_citation() -> None:
    # 1234 is Doe's year: after Poe's 2003 it is a page; "(Poe 1234)", "(Lee 44 BC)" fit no entry and are not
    # reported as citations of a missing entry (only the common years are).
    assert _markers("It holds (Poe 2003, 1234). Also (Poe 1234) and (Lee 44 BC) and (Doe 1235).") == [
        ("Poe 2003", ("f",), "f")]


def test_an_open_range_is_a_label_of_its_own() -> None:
    # "1034/" prints "1034–a" (title T), "1034–b" (title U); the year alone is the approximate date's.
    assert [m[1] for m in _markers("It holds (Lee 1034–b). It holds (Lee 1034).")] == [("r2",), ("r3",)]


def test_the_original_date_with_a_slash() -> None:
    # APA and DGPs print the original date first: "(Moraux, 1924/1979–1980)", "(Smith, 222 v. Chr./380 v. Chr.)".
    text = "It holds (see Moraux, 1924/1979–1980, Chapter 2). Es gilt (Smith, 222 v. Chr.–220 v. Chr./380 v. Chr.)."
    bib = ERAS + "@book{m, author = {Moraux, Paul}, title = {T}, date = {1979/1980}, origdate = {1924}}\n"
    linkage = link(parse_essay(text), parse_bibliography(bib))
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("m",), ("c",)]


REPRINTS = r"""@incollection{h98, author = {Hicks, Darrin}, title = {Public Debate}, booktitle = {Transforming Debate},
  editor = {Rogers, Jack}, year = {2002}, origdate = {1998}}
@incollection{h02, author = {Hicks, Darrin}, title = {Public Debate}, booktitle = {Transforming Debate},
  editor = {Williams, David}, year = {2002}}
"""


def _opened(text: str, bib: str) -> list[tuple[str, ...] | str]:
    """Each citation's entry, or "open" for one left open between several."""
    linkage = link(parse_essay(text), parse_bibliography(bib))
    return ["open" if m.detail in LEFT_OPEN else m.keys[:1] for m in linkage.mentions if m.kind == "marker"]


@pytest.mark.parametrize("cited", ["Hicks ([1998] 2002) argues it.", "Hicks (1998/2002) argues it.",
                                   "It holds (Hicks [1998] 2002, 12).", "It holds (Hicks, 1998/2002; Roe, 2001).",
                                   "It holds (Hicks 2002 [1998])."])
def test_the_original_date_tells_the_reprint_from_another_edition(cited: str) -> None:
    # Two entries print "Hicks 2002"; only the one first published in 1998 prints the original date.
    assert _opened(cited, REPRINTS)[0] == ("h98",)


def test_without_the_original_date_the_editions_are_left_open() -> None:
    # A style that prints no original date prints both alike; another year before the slash is no original date.
    assert _opened("Hicks (2002) argues it.", REPRINTS) == ["open"]
    assert _opened("It holds (Hicks [1997] 2002).", REPRINTS) == ["open"]
    assert _opened("It holds (Roe [1998] 2001; Hicks 2002).", REPRINTS + "@book{r, author = {Roe, Al}, title = {R}, "
                   "year = {2001}, origdate = {1998}}\n") == [("r",), "open"]


def test_a_year_after_a_slash_is_never_reported_missing() -> None:
    # "2020/2021" may be a range as well as an original date: when 2021 fits no entry, nothing is reported.
    assert _markers("It holds (Poe 2002/2003). It also holds (Poe 2001/2002).") == [("Poe 2003", ("f",), "f")]


SPANS = r"""@article{m, author = {Mearsheimer, John J.}, title = {The False Promise}, year = {1994-1995}}
@article{n, author = {Nye, Joseph}, title = {Soft}, year = {1994--1995}}
@article{p, author = {Putnam, Robert}, title = {Bowling}, year = {1994-95}}
@article{r, author = {Rawls, John}, title = {Justice}, year = {1994}}
@article{r2, author = {Rawls, John}, title = {Fairness}, year = {1994-1995}}
@article{w, author = {Waltz, Kenneth}, title = {Theory}, year = {1979–1980}}
@article{g, author = {Gilpin, Robert}, title = {War}, year = {1981}}
"""


def test_a_year_field_written_as_a_span_prints_as_written() -> None:
    # pandoc prints a year field it does not read as a date as it is written ("1994-1995", "1994--95"), a label of
    # its own: "(Rawls 1994, 1994-1995)" cites two entries, which bear no letters.
    text = ("It holds (Gilpin 1981; Mearsheimer 1994-1995, 12). Nye (1994--1995) agrees (Putnam 1994-95). "
            "So (Rawls 1994, 1994-1995). Also (Mearsheimer 1994-1995, Gilpin 1981) and (Waltz 1979–1980).")
    linkage = link(parse_essay(text), parse_bibliography(SPANS))
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [
        ("g",), ("m",), ("n",), ("p",), ("r",), ("r2",), ("m",), ("g",), ("w",)]
    assert [lk.locator for lk in linkage.links if lk.kind == "marker" and lk.source_key == "m"] == ["12", ""]


def test_a_year_inside_a_latex_command_is_no_printed_label() -> None:
    # pandoc prints a year field it cannot read as written: "(Knuth {\noopsort{1973a}}{\switchargs{--90}{1968}})"
    # (xampl.bib's set); the "1973a" inside "\noopsort{...}" is the field's sort key, not a letter a style gave.
    bib = (r"@book{kb, author = {Knuth, Donald E.}, title = {Fundamental Algorithms}, year = {{\noopsort{1973b}}1973}}"
           "\n"
           r"@book{kc, author = {Knuth, Donald E.}, title = {Fundamental Algorithms}, year = {{\noopsort{1973b}}1973},"
           " edition = {Second}}\n")
    text = r"It holds (Knuth {\noopsort{1973a}}{\switchargs{--90}{1968}}; Knuth 1973b)."
    linkage = link(parse_essay(text), parse_bibliography(bib))
    assert [m.text for m in linkage.mentions if m.kind == "marker"] == ["Knuth 1973b"]


def test_a_date_beside_a_year_field_is_the_year_printed() -> None:
    # biblatex's test entry: `date` and `year` both given; biber and pandoc print the date's year, which is then
    # the entry's year label (lettered with the others of 1996), not the year field's.
    bib = ("@book{l11, author = {Doe, John}, title = {Title 2}, date = {1996-01-01}, year = {1998}}\n"
           "@book{l12, author = {Doe, John}, title = {Title 3}, date = {1996}}\n")
    linkage = link(parse_essay("It holds (Doe 1996a). It holds (Doe 1998)."), parse_bibliography(bib))
    assert [(m.text, m.keys[:1]) for m in linkage.mentions if m.kind == "marker"] == [("Doe 1996a", ("l11",)),
                                                                                     ("Doe 1998", ())]


def test_a_date_pandoc_does_not_read_prints_no_date() -> None:
    # pandoc's citeproc reads no date in other digits than ASCII's (biber does) nor in an open end written "..":
    # it prints "n.d.", and the entry is not among those of the year (checked with pandoc 3).
    bib = r"""@book{k1, author = {Krull, Kevin}, title = {A}, date = {१९८७-०१-१५/१९८८-०५-११}}
@book{k2, author = {Krull, Kevin}, title = {B}, date = {2016-01-19}}
@book{p1, author = {Poe, Jim}, title = {A}, date = {1996-01-01/..}}
@book{p2, author = {Poe, Jim}, title = {B}, date = {1996-01-01}}
"""
    text = "It holds (cf. Krull, n.d.). It holds (Krull 2016). Poe (n.d.) says so. Poe (1996) says so too."
    linkage = link(parse_essay(text), parse_bibliography(bib))
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("k1",), ("k2",), ("p1",), ("p2",)]


WORDED = r"""@techreport{beck, author = {Beck, Roland and Coppola, Antonio and Lewis, Angus}, title = {Capital},
  institution = {NBER}, year = {March 2024}}
@techreport{hosseini, author = {Hosseini, Roozbeh and Gervais, Martin}, title = {Risk Sharing}, year = {Spring 2026}}
@book{dee, author = {Dee, Ann}, title = {Old}, year = {c1999}}
@book{dee2, author = {Dee, Ann}, title = {New}, year = {2024}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    ("Beck et al. (March 2024) find home bias.", ["beck"]),
    ("Hosseini and Gervais (Spring 2026, 23) find it too.", ["hosseini"]),
    ("Home bias is large (Beck et al., March 2024).", ["beck"]),
    ("It is old (Dee c1999) and new (Dee 2024).", ["dee", "dee2"]),
    ("As Dee (c1999) shows, it is old.", ["dee"]),
])
def test_a_year_field_pandoc_prints_as_written(text: str, keys: list[str]) -> None:
    # pandoc reads no date in "March 2024", "Spring 2026" or "c1999" and every style prints the field as written:
    # "Beck et al. (March 2024)", where "March" was read as the names.
    linkage = link(parse_essay(text), parse_bibliography(WORDED))
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys
