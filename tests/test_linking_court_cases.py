"""Court cases named in the prose ("Roe v. Wade", "R v Smith"): the parties are no authors, and the case is the
entry of that case when the bibliography has one."""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link

BIB = """
@article{roe1990, author={Roe, Jane}, title={Abortion law in the states}, year={1990}}
@article{board2019, author={Smith, Vera and Board, Anne V.}, title={School policy}, year={2019}}
@jurisdiction{roevwade, title={Roe v. Wade}, year={1973}, institution={Supreme Court of the United States}}
"""


def links(text: str) -> list[tuple[str, str, str]]:
    return [(lk.kind, lk.source_key, lk.evidence) for lk in link(parse_essay(text), parse_bibliography(BIB)).links]


def test_the_parties_of_a_case_are_not_authors() -> None:
    assert links("Brown v. Board of Education ended segregation in schools.") == []
    assert links("The court followed Smith v Board, a case from 1990.") == []
    # the name outside a case is an author still
    assert links("Board argues that schools need funds.") == [("attribution", "board2019", "Board")]


def test_a_case_named_is_the_entry_of_that_case() -> None:
    assert links("The court ruled in Roe v. Wade that the law was void.") == [("title", "roevwade", "Roe v. Wade")]
    assert links("In Roe v Wade, the court held that the law was void.") == [("title", "roevwade", "Roe v Wade")]


def test_an_initial_or_vs_is_no_case() -> None:
    # "Vera V. Board": a capital V. is an initial; "vs." sets two people against each other in ordinary prose
    assert links("As Anne V. Board argues, schools need funds.") == [("attribution", "board2019", "Anne V. Board")]
    assert [k for k, *_ in links("The old debate of Roe vs. Board shaped the field.")] != []
