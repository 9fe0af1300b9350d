"""LaTeX to display text: macros go, their text stays (expected strings written by hand)."""

from __future__ import annotations

import pytest

from litreview.bibliography.latex import decode_latex
from litreview.bibliography.load import parse_bibliography


@pytest.mark.parametrize(("raw", "shown"), [
    (r"\emph{Taming} the {Sovereigns}", "Taming the Sovereigns"),
    (r"\mbox{U.S.} Policy", "U.S. Policy"),
    (r"\textit{Nature} and \textbf{Science}", "Nature and Science"),
    (r"{\it Italics} and {\bf bold}", "Italics and bold"),
    (r"\LaTeX{} and \TeX", "LaTeX and TeX"),
    (r"\url{http://example.org/a_b~c%20d}", "http://example.org/a_b~c%20d"),
    (r"\href{http://example.org}{the site}", "the site"),
    (r"M\"{u}ller, \'{E}mile and {\v{C}}ech", "Müller, Émile and Čech"),
    (r"Peace \& War --- 50\% off, p.~12", "Peace & War — 50% off, p. 12"),
    (r"first\\second", "first second"),
    (r"\unknownmacro{kept} text", "kept text"),
    ("plain {Protected} words", "plain Protected words"),
    ("", ""),
])
def test_display_text(raw: str, shown: str) -> None:
    assert decode_latex(raw) == shown


def test_titles_reach_the_source_without_macro_names() -> None:
    bib = parse_bibliography(r"@book{h, author={Holsti, K. J.}, title={\emph{Taming} the \mbox{Sovereigns}},"
                             r" publisher={CUP}, year={2004}}")
    assert bib.sources[0].title == "Taming the Sovereigns"
