"""Forms met in manuscripts from the wild, read as the manuscript's own tool reads them (pandoc, TeX).

Each snippet is written here for the test; the comment says what the tool does with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.essay import load_essay


def keys(path: Path) -> list[str]:
    return [cite.key for claim in load_essay(path).claims for cite in claim.citations or ()]


@pytest.mark.parametrize("line", [
    "See \\url{https://example.org/a%20b} and \\cite{k1}.",
    "See \\href{https://example.org/%7Euser}{the page} and \\cite{k1}.",
    "See\\footnote{At \\url{https://example.org/x%3Fy}.} and \\cite{k1}.",
    "See \\nolinkurl{example.org/50%} and \\cite{k1}.",
    "See \\verb|a%b| and \\cite{k1}.",
])
def test_latex_a_percent_in_an_address_or_verbatim_text_is_no_comment(tmp_path: Path, line: str) -> None:
    # TeX reads \url's, \href's address, \nolinkurl's and \verb's text verbatim, and pandoc 3.9 cites k1 in
    # each line; "%" was taken for a comment and the rest of the line, the citation with it, was lost.
    (tmp_path / "p.tex").write_text(f"\\begin{{document}}\n{line}\n\\end{{document}}\n", encoding="utf-8")
    assert keys(tmp_path / "p.tex") == ["k1"]


def test_latex_a_percent_after_a_line_break_is_a_comment_and_an_escaped_one_is_not(tmp_path: Path) -> None:
    # "\\%" is a line break, then a comment (pandoc 3.9 cites nothing after it); "\\\%" a break and a percent.
    (tmp_path / "p.tex").write_text("\\begin{document}\nA \\\\% \\cite{gone}\nB \\\\\\% \\cite{kept}.\n\n"
                                    "D \\cite{last}.\n\\end{document}\n", encoding="utf-8")
    assert keys(tmp_path / "p.tex") == ["kept", "last"]
