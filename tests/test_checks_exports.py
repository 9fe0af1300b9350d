"""What reference managers and databases write as a matter of course is not a finding.

Each case is a small entry in the form an export tool writes it (Zotero, DBLP, ACM, Elsevier), next to
the close case that still is a finding.
"""

from __future__ import annotations

from datetime import date

from litreview.bibliography.load import parse_bibliography
from litreview.checks import style as S

TODAY = date(2026, 6, 1)
FIVE_YEARS = 5 * 365


def _one(text: str):
    return parse_bibliography(text, "refs.bib").sources[0]


def test_an_old_access_date_on_an_entry_with_a_doi_is_not_stale() -> None:
    article = _one("@article{a, title = {T}, journal = {J}, year = {2009}, doi = {10.1000/xyz1},"
                   " url = {https://example.org/a}, urldate = {2012-01-02}}")
    assert list(S.check_access_date(article, TODAY, FIVE_YEARS)) == []


def test_an_old_access_date_on_a_page_without_a_doi_is_stale() -> None:
    page = _one("@online{p, title = {T}, url = {https://example.org/p}, urldate = {2012-01-02}}")
    assert [f.code for f in S.check_access_date(page, TODAY, FIVE_YEARS)] == ["LR136"]
