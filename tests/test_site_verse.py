"""A LaTeX verse's lines, and any line break the author forces (``\\\\``), shown as lines on the essay page, as
pandoc prints them; the claims and their ids as before (a space where the line ends)."""

from __future__ import annotations

import re
from pathlib import Path

from test_site_essay_markup import before_references, essay_html

from litreview.essay import load_essay

TEX = ("\\begin{document}\nWe cite \\cite{a} here.\n\n\\begin{verse}\ndonna: Gli uomini sono tutti uguali\\\\\n"
       "\\textsc{eliza}: In che senso \\& altro?\\\\\ndonna: Stanno sempre \\cite{a}.\n\\end{verse}\n\nLast.\n\\end{document}\n")


def test_verse_lines_are_lines_and_claims_unchanged(tmp_path: Path) -> None:
    (tmp_path / "e.tex").write_text(TEX, encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{a, title={T}, author={Doe, Jane}, year={2000}}\n", encoding="utf-8")
    claims = [c.text for p in load_essay(tmp_path / "e.tex").paragraphs for c in p.claims]
    # one space where a line ends
    assert claims[1] == "donna: Gli uomini sono tutti uguali eliza: In che senso & altro? donna: Stanno sempre [@{a}]."
    page = before_references(essay_html(tmp_path, "e.tex", "refs.bib"))
    assert re.search(r"tutti uguali<br>\s*eliza: In che senso &amp; altro\?<br>\s*donna: Stanno sempre", page), page
    assert "tutti uguali eliza" not in page
    assert "\u2028" not in page
    assert page.count("<br>") == 2  # no break where the source's lines merely end


def test_a_newline_command_breaks_its_line_as_a_double_backslash_does(tmp_path: Path) -> None:
    # pandoc prints \newline as a line break; it glued the words on each side ("Anotherthird line").
    tex = "\\begin{document}\nAnother\\newline third line \\cite{a}. Then\\\\ more.\n\\end{document}\n"
    (tmp_path / "e.tex").write_text(tex, encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{a, title={T}, author={Doe, Jane}, year={2000}}\n", encoding="utf-8")
    claims = [c.text for p in load_essay(tmp_path / "e.tex").paragraphs for c in p.claims]
    assert claims == ["Another third line [@{a}].", "Then more."]
    page = before_references(essay_html(tmp_path, "e.tex", "refs.bib"))
    assert re.search(r"Another<br>\s*third line", page), page
