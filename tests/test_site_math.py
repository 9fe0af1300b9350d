"""TeX math in a claim (pandoc's ``$...$`` and ``$$...$$``) shown as MathML with its TeX beside it, or as its TeX in
a ``<code class="math-tex">`` when it cannot be read; never as markup or a script (expected values by hand)."""

from __future__ import annotations

import re
from pathlib import Path

from test_site_essay_markup import before_references, essay_html, text_of

from litreview.render.claim_text import claim_html, plain_text
from litreview.render.math import math_html


def html(text: str) -> str:
    return claim_html(text, (), lambda item: None)[0]


def test_inline_math_becomes_mathml_with_its_tex_for_assistive_technology():
    shown = html(r"a growth rate ($\lambda$) and $P_{gas}$ of $P_b$.")
    assert shown.startswith('a growth rate (<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline" '
                            'alttext="\\lambda">')
    assert "<mi>λ</mi>" in shown and '<annotation encoding="application/x-tex">\\lambda</annotation>' in shown
    # markdown-it never sees the math: its underscores are no emphasis
    assert "<em>" not in shown and "<msub><mi>P</mi><mi>b</mi></msub>" in shown
    assert shown.endswith("</math>.")


def test_display_math_is_a_block():
    shown = html(r"$$\frac{1}{2}$$")
    assert shown.startswith('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block" alttext="\\frac{1}{2}">')
    assert "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>" in shown


def test_dollar_amounts_and_escaped_dollars_are_text():
    assert html("It costs $5 and $10 a day.") == "It costs $5 and $10 a day."
    assert html("It costs $ 5 and 6 $ each.") == "It costs $ 5 and 6 $ each."
    assert html(r"A \$5 fee and $x$.").startswith("A $5 fee and <math ")
    assert "<math" not in html(r"Both \$x\$ are written.")
    # pandoc's first "$" after "$5" closes nothing (a space before it): no math from "$5" to the display math
    shown = html(r"It costs $5 and $10; so $$x$$ holds.")
    assert shown.startswith('It costs $5 and $10; so <math xmlns="http://www.w3.org/1998/Math/MathML" display="block"')
    assert shown.count("<math") == 1 and html(r"A $\text{a $ b}$ c.").count("<math") == 1


def test_math_that_cannot_be_read_prints_its_tex_as_code():
    assert html(r"Here $\foo{x}$ is.") == r'Here <code class="math-tex">\foo{x}</code> is.'
    assert html(r"An $x^$ open one.") == r'An <code class="math-tex">x^</code> open one.'
    assert math_html(r"\begin{aligned}[t] a & b \end{aligned}", display=True) == (
        r'<code class="math-tex">\begin{aligned}[t] a &amp; b \end{aligned}</code>')


def test_hostile_math_comes_out_inert():
    for tex in (r"<script>alert(1)</script>", r"\text{<script>alert(1)</script>}", r'\text{<img src=x onerror="a()">}',
                r"\href{javascript:alert(1)}{x}", r"x\" onmouseover=\"a()"):
        shown = html(f"See ${tex}$ here.")
        tags = re.findall(r"<(/?[\w:-]+)((?:\s+[\w:-]+=\"[^\"<]*\")*)\s*/?>", shown)
        names = {name.lstrip("/") for name, _ in tags}
        attributes = {a for _, attrs in tags for a in re.findall(r"\s([\w:-]+)=\"[^\"]*\"", attrs)}
        assert names <= {"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "mtext", "code"}, shown
        assert attributes <= {"xmlns", "display", "alttext", "encoding", "stretchy", "class"}, shown
        assert "<" not in re.sub(r"<(/?[\w:-]+)((?:\s+[\w:-]+=\"[^\"<]*\")*)\s*/?>", "", shown), shown


def test_plain_text_keeps_the_tex_as_written():
    assert plain_text(r"A rate ($\lambda$) of $P_b$ and $5.") == r"A rate ($\lambda$) of $P_b$ and $5."


def test_the_essay_page_shows_a_manuscripts_math_as_mathml(tmp_path: Path):
    (tmp_path / "essay.md").write_text("# T\n\nA growth rate ($\\lambda$) costs $5 and $10 [@a].\n\n"
                                       "So $$\\frac{a}{b}$$ holds.\n\nThen $\\text{<script>x</script>}$.\n",
                                       encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{a, title={T}, author={A, B}, year={2000}}\n", encoding="utf-8")
    page = essay_html(tmp_path, "essay.md", "refs.bib")
    assert page.count('<math xmlns="http://www.w3.org/1998/Math/MathML"') == 2
    assert 'alttext="\\lambda"' in page and "costs $5 and $10" in page and 'display="block"' in page
    assert "<script" not in page and r'<code class="math-tex">\text{&lt;script&gt;x&lt;/script&gt;}</code>' in page


def test_an_equation_label_prints_its_number_and_anchors_the_equation(tmp_path: Path):
    # Quarto and pandoc-crossref print "(1)" after a labelled equation, never its "{#eq-model}"
    (tmp_path / "e.md").write_text("We fit\n\n$$ y = a x $$ {#eq-model}\n\nas @eq-model shows.\n\n"
                                   "$$ z $$ {#eq:two}\n\nAnd $$w$$ {#sec-x} stays.\n", encoding="utf-8")
    page = essay_html(tmp_path, "e.md").split('id="references"')[0]
    assert "{#eq" not in page
    assert '</math><span class="lr-label" id="eq-model"> (1)</span>' in page
    assert '</math><span class="lr-label" id="eq:two"> (2)</span>' in page
    assert "Equation 1</span> shows." in page
    assert "{#sec-x} stays." in page  # no label of an equation: text, as pandoc prints it


def test_a_caption_label_prints_nothing_and_other_braces_stay():
    shown = html("Results by site {#tbl-res}")
    assert shown == 'Results by site<span class="lr-label" id="tbl-res"></span>'
    assert html("A set {#tbl-res} in the middle.") == "A set {#tbl-res} in the middle."
    assert html("Inline $x$ {#eq-a} is no display.") .endswith("</math> {#eq-a} is no display.")
    assert plain_text("$$x$$ {#eq-a}", lambda key, suppress: "3" if suppress else "Equation 3") == "$$x$$ (3)"
    assert html('Caption {#fig-a"><script>}') == 'Caption {#fig-a&quot;&gt;}'  # a raw tag prints nothing


def test_a_labelled_display_equation_whose_lines_start_with_a_plus_or_end_with_a_stop_is_one_formula(tmp_path) -> None:
    # pandoc reads "$$ ... $$ {#eq:a}" as one formula, however its lines start ("+ \mathcal{L} u": no list item) and
    # whatever they hold ("= 0."; no sentence end): the page cut it in two and printed "$$ _t u +  u = 0." as text.
    import pypandoc


    text = "The equations are\n\n$$\n\\partial_t u\n+ \\mathcal{L} u = 0.\n- 1. v\n$$ {#eq:a}\n\nSee (@eq:a).\n"
    (tmp_path / "p.md").write_text(text, encoding="utf-8")
    page = essay_html(tmp_path, "p.md")
    assert "$$" not in text_of(page) and "{#eq" not in text_of(page)
    assert 'alttext="\\partial_t u + \\mathcal{L} u = 0. - 1. v"' in page and 'id="eq:a"> (1)</span>' in page
    native = pypandoc.convert_text(text, "native", format="markdown")
    assert "DisplayMath" in native and "BulletList" not in native


def test_display_math_alone_is_shown_between_its_paragraphs_and_claims_nothing(tmp_path: Path):
    # pandoc reads "$$ ... $$" alone, "\[ ... \]" and an equation environment alone as a paragraph of math: the page
    # left it out (no claim in it), and a reader lost the equations. It is no claim: the claims and ids stay.
    (tmp_path / "e.md").write_text("# T\n\nWe fit [@a].\n\n$$ y = a x + b $$\n\nThen\n\n$$\n\\frac{1}{2}\n$$\n\n"
                                   "$$ x < y \\text{<script>z</script>} $$\n\nLast.\n", encoding="utf-8")
    (tmp_path / "e.tex").write_text("\\begin{document}\n\\[ q = 1 \\]\n\nWe fit \\cite{a}.\n\n\\[ y = a x + b \\]\n\n"
                                    "\\begin{equation}\n\\frac{1}{2} \\label{eq:h}\n\\end{equation}\n\n"
                                    "\\begin{align} z &= 1 \\end{align}\n\nLast.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{a, title={T}, author={A, B}, year={2000}}\n", encoding="utf-8")
    md = before_references(essay_html(tmp_path, "e.md", "refs.bib"))
    assert [m.group(1) for m in re.finditer(r'id="(p\d+-s\d+)"', md)] == ["p1-s1", "p2-s1", "p3-s1", "p4-s1"]
    shown = re.findall(r'<div class="lr-para lr-display"[^>]*><p>(.*?)</p></div>', md, re.S)
    assert [re.search(r'alttext="([^"]*)"', s).group(1) if "<math" in s else s for s in shown] == [
        "y = a x + b", "\\frac{1}{2}", '<code class="math-tex">x &lt; y \\text{&lt;script&gt;z&lt;/script&gt;}</code>']
    assert md.index("We fit") < md.index('alttext="y = a x + b"') < md.index("Then") < md.index("\\frac{1}{2}")
    assert md.index("&lt;/script&gt;") < md.index("Last.") and "<script" not in md
    tex = before_references(essay_html(tmp_path, "e.tex", "refs.bib"))
    assert [m.group(1) for m in re.finditer(r'id="(p\d+-s\d+)"', tex)] == ["p1-s1", "p2-s1"]
    alts = re.findall(r'<div class="lr-para lr-display"[^>]*><p><math [^>]*alttext="([^"]*)"', tex)
    assert alts == ["q = 1", "y = a x + b", "\\begin{equation}&#10;\\frac{1}{2} &#10;\\end{equation}",
                    "\\begin{align} z &amp;= 1 \\end{align}"]
    assert tex.index('alttext="q = 1"') < tex.index("We fit") < tex.index('alttext="y = a x + b"') < tex.index("Last.")
    assert "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>" in tex  # the equation's math, shown


def test_display_math_in_a_latex_paragraph_is_shown_after_it_and_claims_nothing(tmp_path: Path):
    # An equation inside a LaTeX paragraph ("is defined as \begin{equation}...\end{equation} where ...") was dropped
    # from the page with its paragraph's text; it is shown after that paragraph, its claims and ids as they were.
    (tmp_path / "e.tex").write_text("\\newcommand{\\tvec}[1]{\\mathbf{#1}}\n\\begin{document}\nThe flip is defined as\n"
                                    "\\begin{equation}\n\\tvec{u}_t = 1\n\\end{equation}\nwhere t counts \\cite{a}.\n\n"
                                    "Last.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{a, title={T}, author={A, B}, year={2000}}\n", encoding="utf-8")
    tex = before_references(essay_html(tmp_path, "e.tex", "refs.bib"))
    assert [m.group(1) for m in re.finditer(r'id="(p\d+-s\d+)"', tex)] == ["p1-s1", "p2-s1"]
    alts = re.findall(r'<div class="lr-para lr-display"[^>]*><p><math [^>]*alttext="([^"]*)"', tex)
    assert alts == ["\\begin{equation}&#10;\\mathbf{u}_t = 1&#10;\\end{equation}"]
    assert tex.index("where t counts") < tex.index("alttext=") < tex.index("Last.")


def test_ensuremath_in_math_is_its_argument_as_pandoc_reads_it():
    # An astronomy review's macros (\newcommand{\hyperparams}{\ensuremath{\boldsymbol{\phi}}}) leave \ensuremath in its
    # equations: the converter left it unread and 22 of its 28 equations printed as TeX source; pandoc reads its
    # argument. The TeX stays as written beside the MathML.
    tex = r"\begin{equation} K_{ij} = k(\boldsymbol{x}_i, \ensuremath{\boldsymbol{\phi}}). \end{equation}"
    shown = math_html(tex, display=True)
    assert shown.startswith("<math ") and "math-tex" not in shown
    assert "ensuremath" not in re.sub(r'alttext="[^"]*"', "", shown.split("<annotation")[0])
    assert shown.count(r"\ensuremath{\boldsymbol{\phi}}") == 2  # alttext and annotation: as written
    assert "<mi>α</mi>" in math_html(r"\ensuremath{\alpha}")
    assert "math-tex" in math_html(r"\ensuremathx{\alpha}")  # another command, still unread
