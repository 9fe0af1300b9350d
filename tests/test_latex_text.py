"""LaTeX to display text: macros go, their text stays (expected strings written by hand)."""

from __future__ import annotations

import pytest

from litreview.bibliography.latex import decode_latex
from litreview.bibliography.load import parse_bibliography


@pytest.mark.parametrize(("raw", "shown"), [
    # A Czech thesis's "Modern{\'\i} anal{\`y}za politiky" printed "anal\‘yza": latexcodec's table lacks the
    # letters these accents make; pandoc's biblatex reader composes them (checked with pypandoc-binary).
    (r"Modern{\'\i} anal{\`y}za", "Moderní analỳza"),
    (r"\`{n} \~{y} \~e \=y \v{j} \b{k} \d{y} \.{y} \`Y", "ǹ ỹ ẽ ȳ ǰ ḵ ỵ ẏ Ỳ"),
    (r"\v j and \vj", "ǰ and"),
])
def test_accents_latexcodec_lacks_are_composed(raw: str, shown: str) -> None:
    assert decode_latex(raw) == shown


@pytest.mark.parametrize(("raw", "shown"), [
    (r"\emph{Taming} the {Sovereigns}", "Taming the Sovereigns"),
    (r"\mbox{U.S.} Policy", "U.S. Policy"),
    (r"\textit{Nature} and \textbf{Science}", "Nature and Science"),
    (r"{\it Italics} and {\bf bold}", "Italics and bold"),
    (r"\LaTeX{} and \TeX", "LaTeX and TeX"),
    (r"\url{http://example.org/a_b~c%20d}", "http://example.org/a_b~c%20d"),
    # an address's escaped marks are its characters, as the url package and pandoc print them (real bibliography diplom:
    # "\url{https://nextjs.org/docs/basic-features/pages\#server-side-rendering}" was shown with its backslash)
    (r"\url{https://x.org/a\_b\%20c\&d\#e\~f}", "https://x.org/a_b%20c&d#e~f"),
    (r"\href{http://example.org}{the site}", "the site"),
    (r"M\"{u}ller, \'{E}mile and {\v{C}}ech", "Müller, Émile and Čech"),
    (r"Peace \& War --- 50\% off, p.~12", "Peace & War — 50% off, p. 12"),
    (r"first\\second", "first second"),
    (r"\unknownmacro{kept} text", "kept text"),
    # BibTeX's sort-key trick prints nothing: the year reads 1981, the title "Zebras".
    (r"{\noopsort{1973c}}1981", "1981"),
    (r"\noopsort{a}Zebras", "Zebras"),
    ("plain {Protected} words", "plain Protected words"),
    # Text symbols latexcodec's table lacks (they printed nothing: "Olansen", "Its a test"); pandoc prints them.
    (r"{O{\textquoteright}lansen}", "O’lansen"),
    (r"It\textquoteright s a {\textquotedblleft}test{\textquotedblright}", "It’s a “test”"),
    (r"\textquoteleft one\textquoteright{} and \texteuro 5\textellipsis", "‘one’ and €5…"),
    (r"Costs \$5", "Costs $5"),
    # TeX's control space keeps its space after a control word, which drops its own ("ApJand", "LaTeXand").
    (r"\LaTeX\ and \TeX\ too", "LaTeX and TeX too"),
    (r"Mr.\ Smith", "Mr. Smith"),
    # ADS exports' journal macros (AASTeX, the MNRAS class) print the journal's abbreviation; they printed nothing.
    (r"\mnras", "MNRAS"),
    (r"{\aap}", "A&A"),
    (r"Rates in \apj\ and \apjl", "Rates in ApJ and ApJL"),
    # the Planetary Science Journal and the Research Notes of the AAS (aas_macros since 2020; NASA ADS exports them)
    (r"{\psj} and \rnaas", "PSJ and RNAAS"),
    # TeX's single quotes pair up, as pandoc prints them ("‘Glass Floors'" left its closing mark straight).
    (r"`Glass Floors' and ``Ceilings''", "‘Glass Floors’ and “Ceilings”"),
    # Accents latexcodec's table lacks (it left "\\‘y") are the letter with the combining mark, as pandoc prints them.
    (r"Hu\`y and {\`y} and \`{Y}, \d{x} and \u a", "Huỳ and ỳ and Ỳ, x\u0323 and ă"),
    # ``\ensuremath{...}`` is math, read as ``$...$`` is ("α Centauri" lost its letter), as pandoc reads it.
    (r"\ensuremath{\alpha} Centauri and {\ensuremath{\gamma}}-Ray", "α Centauri and γ-Ray"),
    (r"it\textquotesingle s", "it's"),
    # other content of the command is kept as written ("CO_2"): not made math the codec cannot read
    (r"CO\ensuremath{_2} and \ensuremath{<b>}", "CO_2 and <b>"),
    # inside math already (a macro of the document's, written out): the command alone dropped, as TeX reads it; it
    # was made math of its own there, "$$$$"
    (r"Decay of $\ensuremath{\alpha}$ particles", "Decay of α particles"),
    (r"\$5 and \ensuremath{\alpha} and $\ensuremath{\beta}$", "$5 and α and β"),
    (r"Tools for `Rcpp' and O'Brien's `x'", "Tools for ‘Rcpp’ and O'Brien's ‘x’"),
    # An accent over a braced dotless i or j, as Crossref and Google Scholar export it ("Dion\\'ısio" before).
    (r"Dion{\'{\i}}sio and na\"{\i}ve, \^{\i}le", "Dionísio and naïve, île"),
    # Text symbols as Zotero and JabRef export them: they printed nothing ("Functions Microsoft Docs"), and
    # \textbackslash became a backslash read as a macro ("a{b"); LaTeX prints each as one character.
    (r"Functions - F\# {\textbar} Microsoft Docs", "Functions - F# | Microsoft Docs"),
    (r"{\textless}p{\textgreater} An abstract", "<p> An abstract"),
    (r"a\textbackslash{}b and \textbackslash x", "a\\b and \\x"),
    (r"\textquotedbl q\textquotedbl{} a\textunderscore b x\slash y 10\,000", '"q" a_b x/y 10 000'),
    (r"first\\textbar", "first textbar"),
    # TeX's \ifmmode <math>\else <text>\fi, as APS exports and some converters write an accent: a field is set in
    # text mode, so the text branch prints ("UÜberblick uüber" before: both branches were read).
    (r"{\ifmmode\ddot{U}\else\"{U}\fi}berblick {\ifmmode\ddot{u}\else\"{u}\fi}ber", "Überblick über"),
    (r"Bon\ifmmode \check{c}\else \v{c}\fi{}a", "Bonča"),
    (r"a\ifmmode x\fi{} b \iffalse", "a b"),
    ("", ""),
])
def test_display_text(raw: str, shown: str) -> None:
    assert decode_latex(raw) == shown


def test_an_ads_exports_journal_macro_is_the_sources_container() -> None:
    bib = parse_bibliography("@article{gaia, author={{Gaia Collaboration}}, title={The Gaia mission}, journal={\\aap},"
                             " volume=595, year=2016}")
    assert bib.sources[0].container == "A&A"


def test_titles_reach_the_source_without_macro_names() -> None:
    bib = parse_bibliography(r"@book{h, author={Holsti, K. J.}, title={\emph{Taming} the \mbox{Sovereigns}},"
                             r" publisher={CUP}, year={2004}}")
    assert bib.sources[0].title == "Taming the Sovereigns"


_LONG = [
    "Trade" + "\\\\" * 40 + "1" * 6000 + "\\\\ ok",
    "M\\\"{u}ller " + "and the word " * 600 + "\\' e at the end",
    "\\ss" + " " * 300 + "x" * 5000 + " D\\v Z " + "q " * 3000 + "% comment " + "a" * 200 + "\nnext $x$ #1" + "2" * 500,
    "\\'" + " " * 40 + "e" * 5000 + "d\\vz",
    "a" * 5000 + ",," + "b" * 5000 + "\\",
]


@pytest.mark.parametrize("raw", _LONG)
def test_long_values_read_as_in_one_piece(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Long plain runs skip the codec; the display text is the one decoding in one piece gives."""
    from litreview.bibliography import latex

    decode_latex.cache_clear()
    pieces = decode_latex(raw)
    monkeypatch.setattr(latex, "_PIECEWISE_FROM", len(raw) + 1)
    decode_latex.cache_clear()
    assert decode_latex(raw) == pieces
    decode_latex.cache_clear()


def test_long_plain_runs_do_not_reach_the_codec(monkeypatch: pytest.MonkeyPatch) -> None:
    from litreview.bibliography import latex

    decoded: list[str] = []
    codec = latex._ulatex
    monkeypatch.setattr(latex, "_ulatex", lambda text: decoded.append(text) or codec(text))
    raw = "\\'e " + "1" * 100_000 + " \\'e"
    decode_latex.cache_clear()
    assert decode_latex(raw) == "é " + "1" * 100_000 + " é"
    decode_latex.cache_clear()
    assert sum(map(len, decoded)) < 200


@pytest.mark.parametrize("tail", ["\\ifmmode x" * 5000, "\\ifmmode\\else " * 3500])
def test_an_unclosed_ifmmode_run_is_read_in_linear_time(tail: str) -> None:
    """Each \\ifmmode with no \\fi after it scanned to the end of the value (50 KB: ten seconds)."""
    import time

    raw = r"Bon\ifmmode \check{c}\else \v{c}\fi{}a " + tail
    decode_latex.cache_clear()
    start = time.process_time()
    shown = decode_latex(raw)
    assert time.process_time() - start < 1.0
    assert shown.startswith("Bonča")
    decode_latex.cache_clear()


@pytest.mark.parametrize(("raw", "shown"), [
    # TeX math in a value reads as pandoc's HTML shows it without its tags: a subscript and a superscript as text after
    # their base ("CO$_2$" printed as written), a relation between its operands spaced, a minus sign as one.
    ("Atmospheric CO$_2$ Records", "Atmospheric CO2 Records"),
    ("A Novel Slow ({$<$}1 {{Hz}}) Oscillation", "A Novel Slow (<1 Hz) Oscillation"),
    (r"$\mathrm{H}_2$O and M$_{\odot}$", "H2O and M⊙"),
    (r"$x^2 + y^{10}$ at $10^{-3}$", "x2 + y10 at 10−3"),
    (r"at $z\sim 2$ and $a<b$, $\le$ 3", "at z ∼ 2 and a < b, ≤ 3"),
    # an operator's name is kept ("$n n$": the codec dropped \log)
    (r"An $n \log n$ algorithm", "An n log n algorithm"),
    (r"\(x_1\) and $\Lambda$CDM", "x1 and ΛCDM"),
    # what has no text reading (a fraction, a root, an unknown command) is printed as written, as pandoc prints it
    (r"$\frac{1}{2}$ and $\sqrt{s}=13$ TeV", r"$\frac{1}{2}$ and $\sqrt{s}=13$ TeV"),
    # an escaped dollar is a dollar, never math, and an unclosed one is a character
    (r"\$390.05 and \$5 billion", "$390.05 and $5 billion"),
    # the spaces typed in math are not printed (pandoc 3.9: "π+p → π+π−Δ++", "xy"; real bibliography PhD_thesis printed
    # "π+ p → π+ π− Δ++"), those it asks for are, and a comma is spaced after; those of a \text argument are kept
    (r"$\pi^+ p \to \pi^+ \pi^- \Delta^{++}$ and $x y$", "π+p → π+π−Δ++ and xy"),
    (r"$a,b$ and $f(x) g(y)$ and $x\,y$ and $x \quad y$", "a, b and f(x)g(y) and x y and x y"),
    (r"$x \text{for all} y$", "xfor ally"),
    # a calligraphic, double-struck or fraktur letter is its mathematical character, as pandoc prints it
    (r"$\mathcal{O}(\mu_B^6)$, $\mathbb{R}$, $\mathcal L$, $\mathcal{AB}$, $\mathfrak{g}$", "𝒪(μB6), ℝ, ℒ, 𝒜ℬ, 𝔤"),
    ("US$ 5", "US$ 5"),
])
def test_math_reads_as_pandoc_shows_it(raw: str, shown: str) -> None:
    assert decode_latex(raw) == shown


def test_math_is_read_in_linear_time() -> None:
    import time

    for text in ("\\(" * 20000 + "x", "$" + "a" * 40000, "\\(x" + "$a$ " * 5000, "$" + "+" * 40000 + "$",
                 "$" + "a < " * 20000 + "$"):
        start = time.perf_counter()
        decode_latex(text)
        assert time.perf_counter() - start < 2.0
