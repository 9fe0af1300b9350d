"""The LaTeX reader hands pylatexenc long runs of plain prose as placeholders (it reads text a character at a
time): the text it gives back must be what it gives for the paragraph as written."""

from __future__ import annotations

import pytest

from litreview.essay import latex_cites
from litreview.essay.latex_cites import _convert, _prose_runs

SNIPPETS = [
    "Plain words of prose, running on (for a while) and on.",
    "A line of prose that runs\nonto the next line, as paragraphs do.",
    r"\emph words that the command takes the first letter of, and more",
    "\\emph\nwords on the next line: the command still takes the first letter",
    r"\'ecole normale superieure, with an accent command before it",
    "\\'\necole normale superieure, an accent command and a line break before it",
    r"\c cedilla words and \v caron words, accents on a letter after a space",
    r"\textcolor{red} words after a group that a command may take as its argument",
    r"\includegraphics[width=3cm] words after an option group and more words",
    r"$x + y$ and words after math, $a^b c$ and $a_b words in math$",
    r"\footnote{words in a note, inside braces} and words outside the braces",
    r"``Quoted words in quotes here'' and state-of-the-art words; authors' words",
    r"Pages 4--5 and words---a dash---and p.~3 of the words here",
    r"50\% of the words here \& more words here, \# and words",
    r"\begin{itemize} \item first item words here \item second item words \end{itemize}",
    r"Words before a citation \citep[see][p.~3]{a,b} and words after it here",
    "Text with \ue000 a private character, then more words here",
    r"\item Two \citep{a} and words after the item, and more words after them",
    r"\frac12 words after a command that takes two characters of them as its arguments",
    r"\verb/usr/local/bin/ and more words after a verbatim that a slash delimits",
    r"\verb/code [in a verbatim run of words/ and words after it",
    r"\verb and more words after a verbatim that a letter delimits, and more words a",
    r"Words \begin{verbatim}words in a verbatim block here\end{verbatim} and words after it",
    "Text \\cit\u01c9mand \\cite{k}\u01c9mand and words: a command's name has a letter beyond ASCII",
    "\\cit" + "1" * 40 + "*2G\u00c8" + "1" * 40 + " one long word after a command, and another",
]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_the_text_is_what_pylatexenc_gives_for_the_paragraph(snippet: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _convert(snippet, [])
    monkeypatch.setattr(latex_cites, "_prose_runs", lambda text: (text, []))
    assert shown == _convert(snippet, [])


def test_runs_are_plain_prose_outside_braces_and_past_what_a_command_may_take() -> None:
    text = "Plain words of prose here. \\emph words after a command\n\\textbf{words in braces here}."
    shown, runs = _prose_runs(text)
    assert runs == ["Plain words of prose here"]
    assert shown == "\ue0000\ue001. \\emph words after a command\n\\textbf{words in braces here}."
    # (TeX's commands take nine arguments at most: what follows the first nine characters is prose.)
    assert _prose_runs("\\emph\nwords on the next line here")[1] == ["e next line here"]
    assert _prose_runs("\\item Two XCITE0000X and XCITE0001X.")[1] == ["000X and XCITE0001X"]
    assert _prose_runs("\\cit" + "1" * 30) == ("\\cit" + "1" * 9 + "\ue0000\ue001", ["1" * 21])  # one word is a run
    assert _prose_runs("\\verb/usr/local/bin/ and more words after it") == ("\\verb/usr/local/bin/ and more words after it",
                                                                         [])


def test_generated_latex_manuscripts_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from fuzz.pandoc_docs import latex_doc

    from litreview.essay.latex import parse_latex

    def read(text: str) -> list[tuple[str, int, tuple[str, ...]]]:
        essay = parse_latex(text, "doc.tex")
        return [(c.text, c.line, tuple(x.key for x in c.citations or ())) for c in essay.claims]

    texts = [latex_doc(random.Random(seed)).text for seed in range(40)]
    shown = [read(text) for text in texts]
    monkeypatch.setattr(latex_cites, "_prose_runs", lambda text: (text, []))
    assert shown == [read(text) for text in texts]


def test_inline_math_is_kept_as_pandoc_keeps_it_and_display_math_is_left_out() -> None:
    # pandoc's reader keeps inline math as TeX (Math InlineMath), which its Markdown writes as ``$...$`` and the site
    # shows as MathML, as a Markdown essay's: read as text it was "𝐲 = {y_i}_i=1,…,N" ("la suma ($SRC$)" read
    # "la suma () a minimizar" once). A citation inside math stays dropped, as pandoc drops it; an emptied math goes.
    text, _ = _convert("La suma ($SRC$) a minimizar, con $p < 0.05$ y \\(\\alpha_{i}\\) [$x \\cite{k}$] [$\\cite{k}$]. "
                       "Luego \\[ y = x \\] y fin \\citep{j}.", [])
    assert " ".join(text.split()) == ("La suma ($SRC$) a minimizar, con $p < 0.05$ y $\\alpha_{i}$ [$x$] []. "
                                      "Luego y fin [@{j}].")
    text, _ = _convert("sample $\\mathbf{y} = \\{y_i\\}_{i=1,\\dots,N}$ from\nthe GP", [])
    assert text == "sample $\\mathbf{y} = \\{y_i\\}_{i=1,\\dots,N}$ from\nthe GP"
    # Followed by a digit it is no math to pandoc's Markdown: read as text. Beside math, the text's dollar is escaped,
    # else "\\$9.4 ... 9$\\%$" reads as one math from the first dollar to the second.
    text, _ = _convert("about $\\sim$200 features, \\$9.4 billion or 9$\\%$ and $\\$3$", [])
    assert text == "about ∼200 features, \\$9.4 billion or 9$\\%$ and $\\$3$"
    assert _convert("costs \\$9.4 billion", [])[0] == "costs $9.4 billion"  # no math: as before


def test_a_resized_box_reads_as_its_content() -> None:
    # A table's \resizebox{\textwidth}{!}{...} printed its "!" after the caption ("... en Censo y EPH !").
    text, _ = _convert("\\caption{Variables comparables} \\resizebox{\\textwidth}{!}{Tabla} y \\scalebox{0.8}{Otra}", [])
    assert " ".join(text.split()) == "Variables comparables Tabla y Otra"
