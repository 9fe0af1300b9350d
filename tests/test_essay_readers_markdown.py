"""The Markdown reader on the scenario case and on short texts: citations where pandoc finds them, and where
it finds none.

Expected keys are written by hand from the text; where pandoc is installed (the test extra's pypandoc-binary) the
Markdown and LaTeX cases are also read by pandoc, the oracle, and must agree. The short texts are classes of
disagreement with pandoc found by differential testing (tests/fuzz/test_fuzz_pandoc.py), their keys written by hand
from pandoc 3.9's output on the same text. The LaTeX reader's tests are in test_essay_readers_latex.py, the Manubot
reader's in test_essay_readers_manubot.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz.essay_cases import CITED, LATEX, MARKDOWN, cited, review
from fuzz.pandoc_diff import cite_ids, pandoc_ast, pandoc_path

from litreview.essay import load_essay, parse_essay
from litreview.text import HARD_BREAK


def test_markdown_reads_every_place_a_citation_can_stand() -> None:
    essay = load_essay(MARKDOWN)
    assert cited(essay) == CITED | {"fig:map"}
    assert essay.nocite == ("listed2001",) and essay.marked
    where = {c.key: claim.text for claim in essay.claims for c in claim.citations or ()}
    assert where["heading2001"] == "Origins of the theory [@heading2001]"
    assert where["table2008"] == "Panel data [@table2008]"  # one table cell
    assert where["footnote2012"] == "The data come from @footnote2012."


def test_markdown_findings_are_the_ones_pandoc_would_agree_with() -> None:
    _, _, linkage, findings = review(MARKDOWN, MARKDOWN.with_name("refs.bib"))
    confirmed = {lk.source_key for lk in linkage.links if lk.kind == "marker" and lk.status == "confirmed"}
    assert confirmed == CITED - {"Alpha2001", "missing2099"}
    codes = sorted((f.code, f.key or f.message) for f in findings if f.code.startswith("LR3"))
    assert codes == [("LR300", "citation '@missing2099' matches no entry"),
                     ("LR307", "unused2020"),  # listed2001 is in nocite: not unused
                     ("LR309", "alpha2001")]
    case = next(f for f in findings if f.code == "LR309")
    assert "@Alpha2001" in case.message and case.hint == "Write @alpha2001" and case.line == 49


def test_locators_and_prefixes_reach_the_links() -> None:
    _, _, linkage, _ = review(MARKDOWN, MARKDOWN.with_name("refs.bib"))
    by_key = {lk.source_key: lk for lk in linkage.links if lk.kind == "marker" and lk.status == "confirmed"}
    assert by_key["alpha2001"].locator == "pp. 33-35"
    assert by_key["alpha2001"].evidence == "[see @alpha2001, pp. 33-35; also @beta2002, chap. 1]"
    assert by_key["gamma2003"].locator == "p. 4"


def _pandoc() -> str:
    found = pandoc_path()
    if found is None:
        pytest.skip("pandoc (pypandoc-binary, in the test extra) is not installed")
    return found


@pytest.mark.parametrize("path", [MARKDOWN, LATEX], ids=["markdown", "latex"])
def test_the_same_keys_as_pandoc(path: Path) -> None:
    fmt = "latex" if path.suffix == ".tex" else "markdown"
    ast = pandoc_ast(_pandoc(), path, fmt)
    assert set(cite_ids(ast["blocks"])) == cited(load_essay(path))


def test_the_front_matters_bibliography_is_used_when_none_is_configured(tmp_path: Path, monkeypatch) -> None:
    import contextlib
    import io

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)  # no refs/bibliography.bib here: the essay's `bibliography: refs.bib` is read
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", str(MARKDOWN), "--claims", "", "--metadata-dir", "meta",
              "--format", "json"])
    codes = {(f["code"], f.get("key")) for f in json.loads(out.getvalue())["findings"]}
    assert ("LR307", "unused2020") in codes and ("LR309", "alpha2001") in codes


@pytest.mark.parametrize(("text", "expected"), [
    # The comment idiom: a title in nested parentheses, which CommonMark refuses, is a definition's (pandoc).
    ("[comment]: # (a note (dx~1m) [@k1;@k2])\n\nText [@k3].\n", {"k3"}),
    ("[//]: # (a\n   (b) [@k1])\n[c]: # (a (b c [@k2])\nNext @k3.\n", {"k3"}),
    ("# Head\n[c]: <a b> 'x (y) [@k1]'\n\n[d]: # \"a \"b\" c [@k2]\" {.cls}\n\nText @k3.\n", {"k3"}),
    # Not definitions: inside a paragraph, text after the title, a blank line in the title, a title opening
    # with a space (CommonMark takes that one for a definition).
    ("Para\n[c]: # (a (b) [@k1])\n\n[c]: # (a) x [@k2]\n\n[c]: # (a\n\nb [@k3])\n\n[c]: # \" a [@k4]\"\n",
     {"k1", "k2", "k3", "k4"}),
])
def test_markdown_reference_definitions_as_pandoc_reads_them(text: str, expected: set[str]) -> None:
    # (pandoc 3.9 cites exactly the expected keys of each text.)
    from litreview.essay import parse_essay

    assert cited(parse_essay(text + "\nEnd.\n")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Pandoc reads the Markdown inside HTML blocks, but not inside <pre>, <script>, <style>, <textarea>.
    ('<div class="box">\nSentence @a here.\n</div>\n\n<div>inline @b</div>\n\n<p>@s</p>\n', {"a", "b", "s"}),
    ("<pre>\n@r\n</pre>\n\n<textarea>@t</textarea>\n\nText.\n", set()),
    # A raw LaTeX environment holds no citation, blank lines or not; it ends the definition before it.
    ("Text.\n\n\\begin{x}\n@m\n\nstill @n\n\\end{x}\n\nafter @o\n", {"o"}),
    ("Term\n:   Def.\n\n\\begin{figure}\n[@h]\n\\end{figure}\n\n    [@c] in code\n", set()),
    # Pandoc's list markers: what follows "#." or "a)" after a blank line and four spaces continues the item.
    ("#. item\n\n    cont @e\n\na) item\n\n    cont @b\n", {"e", "b"}),
    # Example lists: the label is no citation, nor a reference to it; an unknown label is one.
    ("(@ex8) An example @a.\n\nAs (@ex8) shows and (@other) too.\n", {"a", "other"}),
    # An example item's text starts in the fifth column however long its label: four spaces carry a paragraph on
    # in it, eight make code in it (another list's marker as wide asks five: "iv.  " then four spaces is code).
    ("(@good) An example @a.\n\n    Continued @b.\n\n        code @c\n\n(@x)  Short @d.\n\n    More @e.\n",
     {"a", "b", "d", "e"}),
    ("iv.  Item @a.\n\n    code @c\n", {"a"}),
    # Attributes after a span, link, image or code span are no text; braces elsewhere are.
    ('![A map](a.png){#fig-a fig-alt="photo by @x"} [@b]{key="y @c"} `x`{.py title="@d"} [t](u){title=\'@f\'} @e.\n',
     {"b", "e"}),
    ('[words]{.mark} @a and {key="@b"} alone and [x] {y="@c"} too.\n', {"a", "b", "c"}),
    # A YAML block of fields after the front matter is metadata, no text (its author's citation is the
    # metadata's, as pandoc cites it); one that is no mapping is Markdown.
    ('Text @a.\n\n---\nauthor: "Ann (@b)"\nemail: ann@c.org\n---\n\nMore @d.\n', {"a", "b", "d"}),
    ("Text @a.\n\n---\nSome text @b here.\n---\n\n---\n\nRule then @c.\n", {"a", "b", "c"}),
    # "a.@p" is an e-mail-like string even where the sentence splitter cut after "a.".
    ("a.@p and\nb.@q and c @r.\n", {"r"}),
    # A key with a "?" or "." inside is one key, not the end of a sentence.
    ("Waltz @aq4z?é [-@q5z] war and @b.c.d [p. 3] too.\n", {"aq4z?é", "q5z", "b.c.d"}),
    # Control characters that str.splitlines() breaks at do not shift the lines CommonMark reads.
    ("| War \x1e\x1c!\n| The theory [cf. @q17z; @q19z, 12] states.\n", {"q17z", "q19z"}),
    # Display math holds no blank line, and "$$ {#eq:a}" (pandoc-crossref's label) closes it: the paragraphs
    # between equations are prose, not math (pandoc 3.9 cites b, d, k1; "$$\nx\n\ny @k1" is no math).
    ("$$\nx\n$$ {#eq:a}\n\nText @b.\n\n$$\ny\n$$ {#eq:c}\n\nText @d.\n\n$$\nx\n\ny\n$$ @k1\n", {"b", "d", "k1"}),
    # "$$ (1)" is no label of pandoc's: the math closes at "$$", the rest is text.
    ("$$\nz\n$$ (1) @k2\n\n$$ w $$ (2)\n\nThen @k3.\n", {"k2", "k3"}),
])
def test_markdown_blocks_as_pandoc_reads_them(text: str, expected: set[str]) -> None:
    from litreview.essay import parse_essay

    assert cited(parse_essay(text)) == expected


@pytest.mark.parametrize("table", [
    "Left    Right\n------  -----\na b     c",
    "----------------\nA       B\n------  --------\nrow     text\n        more\n----------------",
    "+-----+-----+\n| A   | B   |\n+=====+=====+\n| x   | y   |\n+-----+-----+",
])
def test_markdown_caption_after_a_table_is_no_definition(tmp_path: Path, table: str) -> None:
    # pandoc reads ": Caption" after a simple, multiline or grid table as the table's caption; CommonMark's
    # definition lists took it for a definition of the table's last row, and the indented code block after
    # it for the definition's text, whose "@code" was read as a citation. (pandoc 3.9 cites cap and real.)
    (tmp_path / "t.md").write_text(f"Opening.\n\n{table}\n\n: Caption [@cap]\n\n    [@code1] in code\n    @code2\n\n"
                                   "After [@real].\n", encoding="utf-8")
    assert [cite.key for c in load_essay(tmp_path / "t.md").claims for cite in c.citations or ()] == ["cap", "real"]


def test_markdown_footnote_reference_inside_a_superscript_is_none(tmp_path: Path) -> None:
    # pandoc reads "^?[^n1]" as the superscript "?[" and the text "n1]": note n1 is referenced nowhere and dropped
    # with its citation. 2^10^ is a superscript too; ^[...] an inline note. (pandoc 3.9 cites k1 and k3.)
    (tmp_path / "s.md").write_text("A ^?[^n1] b and 2^10^ and H~2~O[^n2] and x^[inline @k1]^ y.\n\n[^n1]: Note @k2.\n\n"
                                   "[^n2]: Note two @k3.\n", encoding="utf-8")
    assert [cite.key for c in load_essay(tmp_path / "s.md").claims for cite in c.citations or ()] == ["k1", "k3"]


@pytest.mark.parametrize("table", [
    # a simple table whose header and first rows are right-aligned four or more spaces in
    "           **Domain**     **Entry**     **Reference**\n--------------------    -----------    -------------\n"
    "              RAP1-Myb       1FEX               @r1\n     RAP1-RCT/TRF2       3K6G               @r2\n"
    "  TRF2-TRFH/Apollo       3BUA               @r3",
    # a multiline table, rows between blank lines
    "------------------------------\n      **A**    **B**\n--------  --------------------\n       x   @m1 and more\n"
    "          words\n\n       y   @m2\n------------------------------",
])
def test_markdown_indented_rows_of_a_simple_or_multiline_table_are_no_code(tmp_path: Path, table: str) -> None:
    # pandoc reads a table before indented code: its header and rows may start any number of spaces in. They
    # were read as an indented code block, with the citations in them. (pandoc 3.9 cites every key.)
    (tmp_path / "t.md").write_text(f"Opening.\n\n{table}\n\nAfter [@real].\n", encoding="utf-8")
    keys = [cite.key for c in load_essay(tmp_path / "t.md").claims for cite in c.citations or ()]
    assert keys == (["r1", "r2", "r3", "real"] if "r1" in table else ["m1", "m2", "real"])


def test_markdown_indented_table_header_after_indented_code_goes_on_with_the_code(tmp_path: Path) -> None:
    # An indented code block runs on over blank lines to the next indented line: a table header indented
    # four or more spaces right after it is code (pandoc 3.9 reads the rule as a line and the row as code).
    (tmp_path / "t.md").write_text("Opening.\n\n    code @c1\n\n         Left  Right\n-------------  -----\n"
                                   "     @c2 text  x\n\nAfter [@real].\n", encoding="utf-8")
    assert [cite.key for c in load_essay(tmp_path / "t.md").claims for cite in c.citations or ()] == ["real"]


def test_markdown_table_rows_are_no_prose_and_a_code_block_is_no_claim() -> None:
    # Pandoc reads a pipe table as a Table, not paragraphs: each row was a numbered paragraph whose cells were split
    # into sentences, as prose. A row keeps its number and its cells' citations (pandoc reads them), one claim per
    # cell; the prose around it is read as before (the close case: same ids, same sentences), and a code block is
    # no claim at all.
    from litreview.essay.markdown import parse_markdown

    text = ("Prose one [@a]. Two.\n\n```python\nx = f(y)  # See [@c]. Note.\n```\n\n| Tool | Paper |\n|---|---|\n"
            "| Foo | Described in [@b]. Good. |\n\nClosing prose [@a]. Again.\n")
    essay = parse_markdown(text, "e.md")
    assert [(p.number, p.table, [(c.id, c.text, [x.key for x in c.citations or ()]) for c in p.claims])
            for p in essay.paragraphs] == [
        (1, 0, [("p1-s1", "Prose one [@a].", ["a"]), ("p1-s2", "Two.", [])]),
        (2, 2, [("p2-s1", "Tool", []), ("p2-s2", "Paper", [])]),
        (3, 2, [("p3-s1", "Foo", []), ("p3-s2", "Described in [@b]. Good.", ["b"])]),
        (4, 0, [("p4-s1", "Closing prose [@a].", ["a"]), ("p4-s2", "Again.", [])])]


def test_markdown_simple_multiline_and_grid_tables_are_tables() -> None:
    # pandoc reads a simple, a grid and a headerless multiline table as a Table, as a pipe table: their rows were
    # prose paragraphs split into sentences. A row is a paragraph of its cells, one claim per cell (per line of a
    # cell of several lines); the cells' citations are pandoc's (pandoc 3.9 cites a, d, b, c, e, f, g, h, a), the
    # caption is read as before, and "Header" over "- - -" (no row under it) is no table for pandoc either.
    from litreview.essay.markdown import parse_markdown

    text = ("Prose one [@a]. Two.\n\n  Tool    Paper\n------  ---------------------\n   Foo  Described in [@b]. Good.\n"
            "   Bar  @c\n\nTable: Tools [@d].\n\n+-----+------------+\n| A   | B [@e]     |\n+=====+============+\n"
            "| x   | y @f and   |\n|     | more [@g]  |\n+-----+------------+\n\n-------- ----------\n   1     [@h]\n"
            "   2     none\n-------- ----------\n\nHeader\n- - -\n\nClosing prose [@a]. Again.\n")
    essay = parse_markdown(text, "e.md")
    assert [(p.number, p.table, p.text, [(c.text, [x.key for x in c.citations or ()]) for c in p.claims])
            for p in essay.paragraphs] == [
        (1, 0, "Prose one [@a]. Two.", [("Prose one [@a].", ["a"]), ("Two.", [])]),
        (2, 2, "Tool | Paper", [("Tool", []), ("Paper", [])]),
        (3, 2, "Foo | Described in [@b]. Good.", [("Foo", []), ("Described in [@b]. Good.", ["b"])]),
        (4, 2, "Bar | @c", [("Bar", []), ("@c", ["c"])]),
        (5, 0, "Table: Tools [@d].", [("Table: Tools [@d].", ["d"])]),
        (6, 6, "A | B [@e]", [("A", []), ("B [@e]", ["e"])]),
        (7, 6, "x | y @f and more [@g]", [("x", []), ("y @f and", ["f"]), ("more [@g]", ["g"])]),
        (8, 8, "1 | [@h]", [("1", []), ("[@h]", ["h"])]),
        (9, 8, "2 | none", [("2", []), ("none", [])]),
        (10, 0, "Header", [("Header", [])]),
        (11, 0, "Closing prose [@a]. Again.", [("Closing prose [@a].", ["a"]), ("Again.", [])])]
    assert essay.paragraphs[6].claims[2].line == 14  # a cell's line of the file
    # the header rows: a simple table's over its column rule, a grid table's over its "=" rule; none in a table
    # its column rule opens
    assert [p.number for p in essay.paragraphs if p.header] == [2, 6]


def test_markdown_table_like_text_in_code_or_without_rows_stays_as_it_was() -> None:
    # The close cases: rules in a code block, dashes under a line with no row, a grid with no closing rule.
    from litreview.essay.markdown import parse_markdown

    text = ("```\n  a    b\n---  ---\n  x @c1\n```\n\nWord one\n--- ---\n\n+---+---+\n| p | q |\n\nEnd [@a].\n")
    essay = parse_markdown(text, "e.md")
    assert not any(p.table for p in essay.paragraphs)
    assert [c.key for c in essay.claims for c in c.citations or ()] == ["a"]


def test_a_pipe_tables_cells_are_parted_as_pandoc_parts_them() -> None:
    # A cell was found by searching the row for markdown-it's content, which has "\|" unescaped and a code span
    # parted at its "|": the cell with "\|" was lost with its citation (a false "no claim relies on smith2004a"),
    # and "`a|b`" was cut in two, the "$|x|$" cell lost. pandoc parts neither. The close case: a row of plain cells,
    # a blank cell kept in its column, a dollar that opens no math.
    from litreview.essay.markdown import parse_markdown

    text = ("| A | B |\n|---|---|\n| esc \\| pipe [@smith2004a] | \"quoted\" & amp |\n"
            "| `a|b` code [@jones2010] | $|x|$ math |\n|  | costs $5 and $10 [@roe] |\n| plain | cell |\n")
    essay = parse_markdown(text, "e.md")
    rows = [(p.text, [p.text[a:b] for a, b in p.cells], [(c.text, [x.key for x in c.citations or ()]) for c in p.claims])
            for p in essay.paragraphs]
    assert rows == [
        ("A | B", ["A", "B"], [("A", []), ("B", [])]),
        ("esc \\| pipe [@smith2004a] | \"quoted\" & amp", ["esc \\| pipe [@smith2004a]", "\"quoted\" & amp"],
         [("esc \\| pipe [@smith2004a]", ["smith2004a"]), ("\"quoted\" & amp", [])]),
        ("`a|b` code [@jones2010] | $|x|$ math", ["`a|b` code [@jones2010]", "$|x|$ math"],
         [("`a|b` code [@jones2010]", ["jones2010"]), ("$|x|$ math", [])]),
        (" | costs $5 and $10 [@roe]", ["", "costs $5 and $10 [@roe]"], [("costs $5 and $10 [@roe]", ["roe"])]),
        ("plain | cell", ["plain", "cell"], [("plain", []), ("cell", [])])]


def test_two_pipe_tables_a_blank_line_apart_are_two_tables_with_their_headers() -> None:
    # Rows were one table while their numbers followed one another: two tables a blank line apart were one, and no
    # row was a header. The close case: the rows of one table share its number.
    from litreview.essay.markdown import parse_markdown

    essay = parse_markdown("| A | B |\n|---|---|\n| x | y |\n| z | w |\n\n| C | D |\n|---|---|\n| u | v |\n", "e.md")
    assert [(p.number, p.table, p.header) for p in essay.paragraphs] == [
        (1, 1, True), (2, 1, False), (3, 1, False), (4, 4, True), (5, 4, False)]


@pytest.mark.parametrize("line", [
    "[a]: " + "(x " * 20000,  # each word of the destination may open a title that runs to the paragraph's end
    '[a]: # "' + 'x"' * 5000,  # quoted titles nested in quoted titles, five thousand deep
    "[a]: <x\n\n" * 5000,  # angle brackets never closed
    # a paragraph of definitions, each a title opened and never closed: each scanned to the paragraph's end
    "".join(f"[a{i}]: (x\n" for i in range(3000)),
    "".join(f'[a{i}]: x "y\n' for i in range(3000)),
])
def test_markdown_reference_definitions_are_read_in_linear_time_and_no_recursion(line: str) -> None:
    import time

    from litreview.essay import parse_essay

    start = time.process_time()
    assert cited(parse_essay(line + "\n\nText @k1.\n")) == {"k1"}
    assert time.process_time() - start < 2.0


def test_a_citations_suffix_keeps_its_code_and_math_as_written(tmp_path: Path) -> None:
    # pandoc 3.9's AST: the suffixes of [@a, p. `3`; see @b, $x$] hold Code "3" and Math "x"; they were read from
    # the masked sentence, NUL characters in place of the code and the math.
    (tmp_path / "e.md").write_text("A claim [@a, p. `3`; see @b, $x$].\n", encoding="utf-8")
    (claim,) = load_essay(tmp_path / "e.md").claims
    assert [(c.key, c.suffix) for c in claim.citations or ()] == [("a", "p. `3`"), ("b", "$x$")]


def test_a_paragraph_of_raw_tex_commands_alone_is_no_claim() -> None:
    # pandoc reads `\newpage` alone as a raw TeX block, which no output but LaTeX prints: no claim. A sentence of raw
    # TeX alone likewise; a LaTeX citation is cited by a LaTeX build, and a command around words prints them there.
    essay = parse_essay("\\newpage\n\n# Intro\n\nText \\newpage here. \\vspace{2cm}\n\n\\newpage \\clearpage\n\n"
                        "\\pagenumbering{arabic}\n\n\\citep[31]{goodin}\n\n\\chapter{Demokratická teorie}\n\nLast.\n",
                        "paper.md")
    assert [(c.id, c.text) for c in essay.claims] == [
        ("p1-s1", "Intro"), ("p2-s1", "Text \\newpage here."), ("p3-s1", "\\citep[31]{goodin}"),
        ("p4-s1", "\\chapter{Demokratická teorie}"), ("p5-s1", "Last.")]


def test_markers_of_a_quote_and_bars_of_a_line_block_are_no_claim_text() -> None:
    # pandoc reads "> " at the start of a quote's later lines as the quote's marker, and "| " as a LineBlock's (a
    # verse's lines): no character of the text. A claim, its paragraph's text (the site finds one in the other)
    # and the place its citations are read in are the text without them; a pipe table keeps its rows' bars.
    essay = parse_essay("Intro.\n\n> Quoted line one\n> continues [@b].\n> > Nested\n> > too.\n\n"
                        "| The first line of a verse\n| the second [@c].\n|    Indented third.\n\n"
                        "- A list item with\n  > a quote\n  > in it [@d].\n\n"
                        "| a | b |\n|---|---|\n| x [@e] | y |\n", "essay.md")
    assert [c.text for c in essay.claims] == [
        "Intro.", "Quoted line one continues [@b].", "Nested too.", "The first line of a verse the second [@c].",
        "Indented third.", "A list item with", "a quote in it [@d].", "a", "b", "x [@e]", "y"]
    assert {c.key for claim in essay.claims for c in claim.citations or ()} == {"b", "c", "d", "e"}
    for paragraph in essay.paragraphs:
        assert all(c.text in " ".join(paragraph.text.split()) for c in paragraph.claims), paragraph.text
    verse = essay.claim("p4-s1")
    assert [p.text for p in essay.paragraphs if p.number == 4] == [  # its lines kept apart on the page
        f"The first line of a verse{HARD_BREAK}  the second [@c].{HARD_BREAK}     Indented third."]
    assert verse.text == "The first line of a verse the second [@c]." and verse.line == 8
