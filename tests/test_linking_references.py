"""Documents named by identifier or institution."""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.model import Linkage

BIB = """
@online{uscode10, title={U.S. Code: Title 10 – ARMED FORCES}, howpublished={LII / Legal Information Institute}}
@online{uscode22, title={U.S. Code: Title 22 – FOREIGN RELATIONS AND INTERCOURSE}, howpublished={LII}}
@techreport{moroney2009framework, author={Moroney, Jennifer D. P.}, title={A Framework to Assess Programs for Building Partnerships}, institution={Rand}, year={2009}}
@techreport{crs2016, author={Redacted}, title={Foreign Aid}, institution={Congressional Research Service}, year={2016}}
"""


def run(text: str) -> Linkage:
    return link(parse_essay(text), parse_bibliography(BIB))


def references(linkage: Linkage) -> list[tuple[str, str, str]]:
    return [(lk.claim_id, lk.source_key, lk.evidence) for lk in linkage.links if lk.kind == "reference"]


def documents(linkage: Linkage) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.text, m.keys) for m in linkage.mentions if m.kind == "document"]


def test_titles_of_the_us_code() -> None:
    linkage = run("Authority stems from Title 10 of the US code. Per the Title 10 it is delegated. "
                  "Per Title 22 of the U.S. Code, aid is foreign relations.")
    assert references(linkage) == [("p1-s1", "uscode10", "Title 10 of the US code"),
                                   ("p1-s2", "uscode10", "Title 10"),
                                   ("p1-s3", "uscode22", "Title 22 of the U.S. Code")]


def test_report_named_by_its_institution() -> None:
    linkage = run("A related RAND think tank report found no holistic analysis. "
                  "A CRS report agrees. So does a Congressional Research Service study.")
    assert references(linkage) == [("p1-s1", "moroney2009framework", "RAND think tank report"),
                                   ("p1-s2", "crs2016", "CRS report"),
                                   ("p1-s3", "crs2016", "Congressional Research Service study")]


def test_documents_without_an_entry_are_reported() -> None:
    linkage = run("The US Constitution charges the secretary. Research into the DOD National Defense "
                  "Strategy revealed gaps. Title 50 of the US Code covers war.")
    assert documents(linkage) == [("US Constitution", ()), ("DOD National Defense Strategy", ()),
                                  ("Title 50 of the US Code", ())]
    assert references(linkage) == []


def test_plain_reports_are_not_documents() -> None:
    linkage = run("An intelligence report may estimate the likelihood of unrest.")
    assert documents(linkage) == []


def test_a_word_of_a_journals_name_is_no_institution() -> None:
    # "Data analysis" (a heading, or a sentence's first words) was read as a report by the institution "Data", found
    # in the journal name "Scientific Data" of an entry: a confirmed link from every such sentence to that entry. A
    # journal is named by its whole name ("a Scientific Data paper"), a publisher or institution by part of it too.
    bib = BIB + "@article{vik2022, author={Vik, Ann}, title={Grassland roles}, journal={Scientific Data}, year={2022}}\n"
    linkage = link(parse_essay("# Data analysis\n\nData analysis used mixed models. A Scientific Data paper has them.\n"),
                   parse_bibliography(bib))
    assert references(linkage) == [("p2-s2", "vik2022", "Scientific Data paper")]
