"""csquotes' quotations with a source: block ones read as pandoc's LaTeX reader reads them (a quotation of their own,
its source cited after it), inline ones as csquotes prints them (the quotation, its key cited)."""

from __future__ import annotations

from litreview.essay.latex import parse_latex

DOC = r"""\documentclass{article}
\begin{document}
Pfister confirms this intuition:
\blockcquote[Vgl.][285]{pf:drama}{
    % hunspell: off
    Die Gesamtheit der Handlungen. Eine solche Sequenz ist ein System
chronologischer und kausaler Relationen.
}
We take the last sentence as a definition.

Two paragraphs \blockcquote[p.~3]{k1}{One.

Two.} after them. A foreign one \foreignblockcquote{german}[5]{e, f}{Ja.}
\hyphenblockquote{german}[{\cite[4]{g}}][.]{Nein.} And \blockquote{No source.} here.
\end{document}
"""


def _items(text: str) -> list[tuple[int, str, str, str, str, str]]:
    essay = parse_latex(text, "paper.tex")
    return [(c.paragraph, c.text, x.key, x.mode, x.prefix, x.suffix) for c in essay.claims for x in c.citations]


def test_a_block_quotation_with_a_source_is_a_quotation_of_its_own_and_cites_its_key() -> None:
    # (pandoc 3.9: a BlockQuote of the text, then the paragraph [Vgl. @pf:drama 285]; the text around it, paragraphs
    # of their own.) Before: no citation at all, and "[285]pf:drama" read as words of the sentence before.
    essay = parse_latex(DOC, "paper.tex")
    texts = [c.text for c in essay.claims]
    assert texts[:5] == ["Pfister confirms this intuition:", "Die Gesamtheit der Handlungen.",
                         "Eine solche Sequenz ist ein System chronologischer und kausaler Relationen.",
                         "[Vgl. @{pf:drama}, 285]", "We take the last sentence as a definition."]
    cited = [(c.text, x.key, x.mode, x.prefix, x.suffix, x.command) for c in essay.claims for x in c.citations]
    assert cited[0] == ("[Vgl. @{pf:drama}, 285]", "pf:drama", "normal", "Vgl.", "285",
                        r"\blockcquote[Vgl.][285]{pf:drama}")
    paragraphs = {c.text: c.paragraph for c in essay.claims}
    assert paragraphs["Die Gesamtheit der Handlungen."] != paragraphs["Pfister confirms this intuition:"]
    assert paragraphs["We take the last sentence as a definition."] != paragraphs["[Vgl. @{pf:drama}, 285]"]


def test_a_block_quotations_source_follows_its_last_paragraph_and_each_form_is_read() -> None:
    found = [(text, key, suffix) for _, text, key, _, _, suffix in _items(DOC)][1:]
    assert found == [("Two. [@{k1}, p. 3]", "k1", "p. 3"),
                     ("Ja. [@{e}; @{f}, 5]", "e", ""), ("Ja. [@{e}; @{f}, 5]", "f", "5"),
                     ("Nein. [@{g}, 4]", "g", "4")]
    texts = [c.text for c in parse_latex(DOC, "paper.tex").claims]
    assert "One." in texts and "after them." in texts and "No source." in texts and "here." in texts
    assert not any("german" in t or "[.]" in t for t in texts), texts


def test_an_inline_quotation_with_a_source_prints_its_text_and_cites_its_key() -> None:
    # pandoc 3.9 drops \textcquote, its text and its citation; csquotes prints “text” and cites the key (biber lists
    # the entry: a key cited only so is no unused entry). Before: the text and the citation were both lost.
    text = (r"Mit dem Ziel, \textcquote[178]{tr:2017}{Plot-Phänomene} zu quantifizieren. Sie sind "
            r"\textcquote*[vgl.][Kap.~4]{tr:2020}{rein netzwerkanalytisch}[.] Und \foreigntextcquote{english}{en}{yes}.")
    essay = parse_latex(text, "paper.tex")
    assert [c.text for c in essay.claims] == ["Mit dem Ziel, “Plot-Phänomene”[@{tr:2017}, 178] zu quantifizieren.",
                                              "Sie sind ‘rein netzwerkanalytisch’[vgl. @{tr:2020}, Kap. 4].",
                                              "Und “yes”[@{en}]."]
    assert [(x.key, x.command) for c in essay.claims for x in c.citations] == [
        ("tr:2017", r"\textcquote[178]{tr:2017}"), ("tr:2020", r"\textcquote[vgl.][Kap.~4]{tr:2020}"),
        ("en", r"\textcquote{en}")]


def test_a_quotation_whose_arguments_run_over_a_line_is_still_a_citation() -> None:
    # Its arguments are not all on the command's line: not made a quotation of its own, but its key still cited, its
    # text read in the sentence.
    text = "Before \\blockcquote[Vgl.]\n[285]{k}{Text.} after.\n\nNext \\textcquote{a}\n{b} c.\n"
    essay = parse_latex(text, "paper.tex")
    assert [(c.text, [(x.key, x.suffix) for x in c.citations]) for c in essay.claims] == [
        ("Before [Vgl. @{k}, 285]Text. after.", [("k", "285")]), ("Next [@{a}] b c.", [("a", "")])]


def test_a_line_of_quotation_commands_left_open_is_read_in_time() -> None:
    # Each command's bracket or brace that never closes was read on to the line's end, from every command of the
    # line: 5,000 of them took ten seconds, 20,000 three minutes.
    import time

    from litreview.essay.latex_csquotes import quotations_apart

    for shape in ("\\textcquote[", "\\blockcquote{", "\\textcquote{a}[", "\\foreignblockcquote{"):
        line = "Some words. " + shape * 10_000
        start = time.perf_counter()
        assert quotations_apart([("a.tex", 1, line)]) == [("a.tex", 1, line)]
        assert time.perf_counter() - start < 2, shape
    # A closed group after open ones is still read: the quotation and its citation.
    line = "\\textcquote[" * 3_000 + " \\textcquote[3]{k}{Text}."
    ((_, _, read),) = quotations_apart([("a.tex", 1, line)])
    assert read.endswith(" \\enquote{Text}\\textcquote[3]{k}.")
