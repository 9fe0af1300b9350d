"""Titles, pages and links as projects write them is not a finding: scripts without case, a US state after
a place, a link's address inside \\url, "and following" pages, a year a journal article speaks of.

Each case sits next to the close case that still is a finding.
"""

from __future__ import annotations

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.checks import integrity as I
from litreview.checks import style as S


def _one(text: str):
    return parse_bibliography(text, "refs.bib").sources[0]


@pytest.mark.parametrize(("title", "capitals"), [
    ("基于深度学习的图像识别：方法与应用研究", False),          # Chinese: no letter has a case
    ("ディープラーニング入門 理論と実装", False),               # Japanese
    ("基于 BERT 和 LSTM 的中文文本情感分类研究", False),      # Latin capitals inside: acronyms
    ("THE JOINT STRIKE FIGHTER PROJECT", True),
    ("ΕΙΣΑΓΩΓΗ ΣΤΗΝ ΑΡΧΑΙΑ ΙΣΤΟΡΙΑ", True),                # Greek has case
])
def test_a_title_without_cased_letters_is_not_in_capitals(title: str, capitals: bool) -> None:
    entry = _one(f"@book{{b, title = {{{title}}}, publisher = {{P}}, year = {{2019}}}}")
    assert [f.code for f in S.check_capitals(entry)] == (["LR130"] if capitals else [])


@pytest.mark.parametrize(("title", "codes"), [
    ("Slavery in Natchez, Miss.", []),
    ("Papers read at Cambridge, Mass., in 1950", []),
    ("A Report Printed at Norman, Okla.", []),
    ("Critical Mass.", ["LR131"]),                  # a word, not a state after a place
    ("Notes on Sampling., Part Two", ["LR131"]),
])
def test_a_state_abbreviation_after_a_place_is_not_a_stray_period(title: str, codes: list[str]) -> None:
    entry = _one(f"@book{{b, title = {{{title}}}, publisher = {{P}}, year = {{1950}}}}")
    assert [f.code for f in S.check_title_punctuation(entry)] == codes


@pytest.mark.parametrize(("title", "codes"), [
    # A history bibliography abridges an 1830 Bible's long title with a spaced ellipsis, as Chicago writes one:
    # it was "doubled punctuation '. .'", with the hint "keep one mark".
    ("The Holy Bible . . . with Explanatory Notes, Practical Observations", []),
    ("The Holy Bible. . . . With Notes", []),
    ("Notes on Sampling. . Part Two", ["LR131"]),
    ("Notes on Sampling.. Part Two", ["LR131"]),
])
def test_a_spaced_ellipsis_is_no_doubled_punctuation(title: str, codes: list[str]) -> None:
    entry = _one(f"@book{{b, title = {{{title}}}, publisher = {{P}}, year = {{1830}}}}")
    assert [f.code for f in S.check_title_punctuation(entry)] == codes


@pytest.mark.parametrize(("value", "codes"), [
    (r"\url{https://example.org/my_data_set}", []),
    (r"Available at \url{https://example.org/a_b?x=1^2}", []),
    (r"\href{https://example.org/a_b}{the data set}", []),
    (r"\href{https://example.org/a_b}{data_set}", ["LR142"]),   # the link's text is LaTeX again
    (r"see https://example.org/a_b", ["LR142"]),                # no \url: the _ is LaTeX's
])
def test_an_underscore_inside_url_is_literal(value: str, codes: list[str]) -> None:
    entry = _one(f"@misc{{m, title = {{T}}, howpublished = {{{value}}}, year = {{2020}}}}")
    assert [f.code for f in I.check_latex(entry)] == codes


@pytest.mark.parametrize(("pages", "biblatex", "bad"), [
    ("102ff", False, False), ("102ff.", False, False), ("102f.", False, False), ("102 ff.", False, False),
    ("102ff", True, False),
    ("102fff", False, True), ("102 and following", False, True),
])
def test_and_following_pages_are_a_page(pages: str, biblatex: bool, bad: bool) -> None:
    assert bool(I.page_form_problem(pages, biblatex=biblatex)) == bad


def test_a_year_a_journal_article_speaks_of_is_not_its_original_year() -> None:
    article = _one("@article{a, title = {Missing Terms in Terminologia Anatomica (1998)}, journal = {J},"
                   " year = {2003}}")
    assert list(S.check_original_year(article)) == []
    chapter = _one("@incollection{c, title = {Anarchy Is What States Make of It (1992)}, booktitle = {B},"
                   " year = {1995}}")
    assert [f.code for f in S.check_original_year(chapter)] == ["LR135"]


def test_a_long_title_before_a_state_is_read_once() -> None:
    import time

    entry = _one("@book{b, title = {" + "A" * 20000 + ". Miss.}, year = {1950}}")
    start = time.process_time()
    list(S.check_title_punctuation(entry))
    assert time.process_time() - start < 1.0  # a search from the title's start took seconds here
