"""Citations in a front matter (title, subtitle, thanks, abstract, any other field), which pandoc cites: read
as claims with ids of their own (``abstract-s1``), so that the body's ids do not move, each at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz.pandoc_diff import cite_ids, pandoc_ast

from litreview.cli import main
from litreview.essay import load_essay, parse_essay

ENTRY = "@book{{{key},\n  author = {{Doe, Jane}},\n  title = {{Book {key}}},\n  publisher = {{Pub}},\n  year = {{2001}},\n}}\n"

FRONT = """---
title: "Coastal carbon [@t1]"
subtitle: Beyond @s1
author:
  - name: Jane Doe
    affiliations:
      - name: Uni of Somewhere [@aff1]
    email: jane@example.org
thanks: |
  Funded by the Trust; see @th1.
keywords: [carbon, "burial @kw1"]
abstract: |
  Salt marshes bury carbon [@a1; @a2]. It matters.

  A second paragraph cites @a3.
folded: >
  Folded over
  two lines [@f1]. Its second
  sentence [@f2].
quoted: "Quoted \\"text\\" with
  a break [@q1]."
bibliography: refs.bib
nocite: "@nc1"
---

# Introduction

Body text [@b1]. More body.

Last paragraph [@b2].
"""
# (file line, claim id, keys), found by hand in FRONT: each claim on the line holding its first word.
EXPECTED = [
    (2, "title-s1", ["t1"]),
    (3, "subtitle-s1", ["s1"]),
    (7, "author-s1", ["aff1"]),  # a field that is not prose: only its sentences that cite
    (10, "thanks-s1", ["th1"]),
    (11, "keywords-s1", ["kw1"]),
    (13, "abstract-s1", ["a1", "a2"]),
    (13, "abstract-s2", []),
    (15, "abstract-p2-s1", ["a3"]),
    (17, "folded-s1", ["f1"]),
    (18, "folded-s2", ["f2"]),
    (20, "quoted-s1", ["q1"]),
]


def front_cites(essay) -> list[tuple[int, str, list[str]]]:
    return [(c.line, c.id, [x.key for x in c.citations or ()]) for c in essay.claims if c.paragraph <= 0]


def test_each_field_read_as_pandoc_reads_it_each_claim_at_its_line() -> None:
    essay = parse_essay(FRONT, "paper.md")
    assert front_cites(essay) == EXPECTED
    lines = FRONT.splitlines()
    for claim in essay.claims:  # the first word of every claim is on its line
        assert claim.text.split()[0].strip('"') in lines[claim.line - 1], claim
    assert essay.claim("quoted-s1").text == 'Quoted "text" with a break [@q1].'
    assert essay.nocite == ("nc1",)
    front = [p for p in essay.paragraphs if p.number <= 0]
    assert [p.anchor for p in front] == ["title", "subtitle", "author", "thanks", "keywords", "abstract",
                                         "abstract-p2", "folded", "quoted"]
    assert [p.number for p in front] == list(range(-8, 1))  # below the body's, in the order of the file


def test_the_bodys_claim_ids_do_not_move() -> None:
    body = FRONT[FRONT.index("# Introduction"):]
    with_front, alone = parse_essay(FRONT), parse_essay(body)
    shift = FRONT.count("\n", 0, FRONT.index("# Introduction"))
    assert [(c.id, c.text, c.line - shift) for c in with_front.claims if c.paragraph > 0] == \
           [(c.id, c.text, c.line) for c in alone.claims]
    assert [c.id for c in alone.claims] == ["p1-s1", "p2-s1", "p2-s2", "p3-s1"]


def test_pandoc_cites_the_same_keys_in_the_front_matter(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    path = tmp_path / "paper.md"
    path.write_text(FRONT, encoding="utf-8")
    meta = pandoc_ast(pypandoc.get_pandoc_path(), path, "markdown")["meta"]
    theirs = sorted(key for field, value in meta.items() if field != "nocite" for key in cite_ids(value))
    assert sorted(key for _, _, keys in front_cites(load_essay(path)) for key in keys) == theirs


def _project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "paper.md").write_text(text, encoding="utf-8")
    keys = ["t1", "s1", "aff1", "th1", "kw1", "a1", "a2", "a3", "f1", "f2", "q1", "nc1", "b1", "b2"]
    (tmp_path / "refs.bib").write_text("".join(ENTRY.format(key=k) for k in keys), encoding="utf-8")
    return tmp_path


def test_check_finds_a_typo_in_the_abstract_at_its_line_and_uses_what_it_cites(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(_project(tmp_path, FRONT.replace("@a3", "@a3typo")))
    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    assert main(["check", "--essay", "paper.md", "--bib", "refs.bib", "--claims", "", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    # Before: no finding for the typo, and LR307 "no claim relies on" each entry cited in the front matter only.
    assert [(f["code"], f["file"], f["line"], f.get("claim_id"), f.get("key")) for f in found] == [
        ("LR300", "paper.md", 15, "abstract-p2-s1", None), ("LR307", "refs.bib", 43, None, "a3")]


def test_a_link_on_an_abstract_sentence_is_kept_and_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from litreview.config import load_config
    from litreview.render.layout import Layout
    from litreview.render.site import default_catalogue, render_site
    from litreview.review import build_review

    monkeypatch.chdir(_project(tmp_path, FRONT))
    (tmp_path / "litreview.toml").write_text('essay = "paper.md"\nbibliography = "refs.bib"\n'
                                             'claims = "claims.yaml"\n', encoding="utf-8")
    assert main(["links", "--accept", "abstract-s2", "b2", "--note", "why it matters"]) == 0
    capsys.readouterr()
    assert main(["check", "--format", "json"]) == 0  # the link anchors (no LR400), nothing unused
    config = load_config(tmp_path, env={})
    review = build_review(config)
    assert ("abstract-s2", "b2", "confirmed") in {(lk.claim_id, lk.source_key, lk.status) for lk in review.linkage.links}
    page = render_site(review, Layout(), catalogue=default_catalogue())["essay.md"]
    assert 'id="abstract"' in page and 'id="abstract-s2"' in page and 'id="abstract-p2"' in page
    assert page.index('id="title-s1"') < page.index('id="abstract-s1"') < page.index('id="p1-s1"')
    # Editing the body above nothing: the link stays on its sentence.
    (tmp_path / "paper.md").write_text(FRONT.replace("# Introduction\n", "# Introduction\n\nA new first paragraph.\n"),
                                       encoding="utf-8")
    assert main(["check", "--format", "json"]) == 0


def test_a_notebooks_front_matter_cell(tmp_path: Path) -> None:
    cell = {"cell_type": "raw", "metadata": {},
            "source": ["---\n", "title: Marsh carbon\n", "abstract: |\n", "  Cited here [@nb1].\n", "---"]}
    prose = {"cell_type": "markdown", "metadata": {}, "source": ["Body [@nb2]."]}
    text = json.dumps({"cells": [cell, prose], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    path = tmp_path / "nb.ipynb"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines, 1) if "Cited here" in line)
    essay = load_essay(path)
    assert [(c.id, c.line, c.file) for c in essay.claims] == [
        ("title-s1", at - 2, str(path)), ("abstract-s1", at, str(path)),
        ("p1-s1", next(n for n, line in enumerate(lines, 1) if "Body [@nb2]" in line), str(path))]


def test_a_quarto_manuscripts_abstract_and_a_bookdown_books(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text("project:\n  type: manuscript\n", encoding="utf-8")
    (tmp_path / "index.qmd").write_text("---\ntitle: T\nabstract: |\n  We show it [@qa].\n---\n\nBody [@qb].\n",
                                        encoding="utf-8")
    essay = load_essay(tmp_path / "_quarto.yml")
    assert [(c.id, Path(c.file or "").name, c.line, [x.key for x in c.citations or ()]) for c in essay.claims] == [
        ("title-s1", "index.qmd", 2, []), ("abstract-s1", "index.qmd", 4, ["qa"]), ("p1-s1", "index.qmd", 7, ["qb"])]
    book = tmp_path / "book"
    book.mkdir()
    (book / "_bookdown.yml").write_text("book_filename: b\n", encoding="utf-8")
    (book / "index.Rmd").write_text("---\ntitle: B\nabstract: 'As @ba shows.'\n---\n\n# One\n\nText.\n",
                                    encoding="utf-8")
    essay = load_essay(book / "_bookdown.yml")
    assert [(c.id, c.line, [x.key for x in c.citations or ()]) for c in essay.claims][:2] == [
        ("title-s1", 2, []), ("abstract-s1", 3, ["ba"])]


LATEX = r"""\documentclass{article}
\usepackage{natbib}
\title{Marsh carbon \citep{t1}\thanks{Funded by the Trust, see \citet{th1}.}}
\author{Jane Doe\thanks{Uni of Somewhere \cite{au1}} \and John Roe}
\date{2020 \cite{d1}}
\begin{document}
\maketitle
Body \citep{b1}.
\end{document}
"""


def test_a_latex_title_its_thanks_author_and_date(tmp_path: Path) -> None:
    path = tmp_path / "paper.tex"
    path.write_text(LATEX, encoding="utf-8")
    essay = load_essay(path)
    # Before: none of them read (the preamble is skipped, and \title in the body was dropped with its text).
    assert [(c.id, c.line, c.text, [x.key for x in c.citations or ()]) for c in essay.claims] == [
        ("title-s1", 3, "Marsh carbon [@{t1}]", ["t1"]),
        ("thanks-s1", 3, "Funded by the Trust, see @{th1}.", ["th1"]),
        ("thanks-p2-s1", 4, "Uni of Somewhere [@{au1}]", ["au1"]),  # the author's names cite nothing: not read
        ("date-s1", 5, "2020 [@{d1}]", ["d1"]),
        ("p1-s1", 8, "Body [@{b1}].", ["b1"])]
    inside = LATEX.replace("\\begin{document}\n", "").replace("\\documentclass{article}\n",
                                                             "\\documentclass{article}\n\\begin{document}\n")
    path.write_text(inside, encoding="utf-8")  # \title after \begin{document}: the same
    assert [c.id for c in load_essay(path).claims] == ["title-s1", "thanks-s1", "thanks-p2-s1", "date-s1", "p1-s1"]
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    for text in (LATEX, inside):
        path.write_text(text, encoding="utf-8")
        ast = pandoc_ast(pypandoc.get_pandoc_path(), path, "latex")
        assert sorted(cite_ids(ast)) == sorted(x.key for c in load_essay(path).claims for x in c.citations or ())


def test_an_oversized_abstract_is_named_so(tmp_path: Path) -> None:
    from litreview.checks.size import MAX_SENTENCE, check_sizes

    long = "word " * (MAX_SENTENCE // 5 + 10)
    essay = parse_essay(f"---\nabstract: |\n  Short one [@a1].\n\n  {long}[@a2].\n---\n\nBody.\n", "p.md")
    (found,) = check_sizes(essay)
    # Before the front matter was read there was no such paragraph; "paragraph -1" would say nothing.
    assert (found.code, found.line, found.claim_id) == ("LR312", 5, "abstract-p2-s1")
    assert found.message.startswith("a sentence of the front matter's abstract, paragraph 2 is ")


def test_links_json_and_the_site_name_a_front_claims_paragraph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from litreview.config import load_config
    from litreview.render.layout import Layout
    from litreview.render.site import default_catalogue, render_site
    from litreview.review import build_review

    monkeypatch.chdir(_project(tmp_path, FRONT))
    (tmp_path / "litreview.toml").write_text('essay = "paper.md"\nbibliography = "refs.bib"\n'
                                             'claims = "claims.yaml"\n', encoding="utf-8")
    assert main(["links", "--accept", "abstract-s2", "b2"]) == 0
    capsys.readouterr()
    assert main(["links", "--format", "json"]) == 0
    rows = {(r["claim_id"], r["source_key"]): r for r in json.loads(capsys.readouterr().out)}
    # Before: "paragraph" was 0 or below (-3 for the abstract): no paragraph of the essay has that number.
    assert (rows["abstract-s2", "b2"]["paragraph"], rows["abstract-s2", "b2"]["sentence"]) == (None, 2)
    assert rows["title-s1", "t1"]["paragraph"] is None
    assert (rows["p2-s1", "b1"]["paragraph"], rows["p2-s1", "b1"]["sentence"]) == (2, 1)
    assert all(r["paragraph"] is None or r["paragraph"] >= 1 for r in rows.values())
    site = render_site(build_review(load_config(tmp_path, env={})), Layout(), catalogue=default_catalogue())
    page = next(text for name, text in site.items() if name.endswith("b2.md"))
    assert "Claim abstract-s2 in the essay (the front matter&#x27;s abstract, sentence 2)" in page
    assert "paragraph -" not in page and "paragraph 0," not in page


TABBED = ("---\ntitle: Tabs\taround [@t1]\t\naffiliations:\n  - name: 1.\tSome Centre [@aff1]\n    index: 1\n"
          "author:\n\t- Jane Doe\nabstract:\tSalt marshes bury carbon [@a1].\n---\n\nBody [@b1].\n")


def test_tabs_in_the_front_matter_are_read_as_pandoc_reads_them(tmp_path: Path) -> None:
    """A tab inside a plain value, after a colon, at a line's end or as indentation: the YAML loader refused the
    whole document for each; pandoc expands tabs before it reads the YAML, and so does litreview now."""
    path = tmp_path / "paper.md"
    path.write_text(TABBED, encoding="utf-8")
    essay = load_essay(path)
    assert [(c.id, c.text, c.line) for c in essay.claims] == [
        ("title-s1", "Tabs around [@t1]", 2), ("affiliations-s1", "Some Centre [@aff1]", 4),
        ("abstract-s1", "Salt marshes bury carbon [@a1].", 8), ("p1-s1", "Body [@b1].", 11)]
    assert essay.meta["author"] == ["Jane Doe"]
    keys = sorted(key for _, _, keys in front_cites(essay) for key in keys)
    assert keys == ["a1", "aff1", "t1"]
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    meta = pandoc_ast(pypandoc.get_pandoc_path(), path, "markdown")["meta"]
    assert sorted(key for value in meta.values() for key in cite_ids(value)) == keys


def test_a_title_written_as_a_line_block_with_raw_tex_is_read_as_pandoc_reads_it() -> None:
    # `title: |` then ` | \vspace{5cm} Movilidad...`: a YAML literal block holding a pandoc line block, whose raw
    # TeX pandoc keeps for a LaTeX build alone (an HTML page, the review's, prints none of it).
    essay = parse_essay("---\ntitle: |\n | \\vspace{5cm} Movilidad social subjetiva. Percepciones sobre ascenso\n"
                        " | en Chile\nsubtitle: Curso | Metodología\n---\n\nText.\n", "Paper.Rmd")
    assert [(c.id, c.text, c.line) for c in essay.claims if c.paragraph <= 0] == [
        ("title-s1", "Movilidad social subjetiva.", 3), ("title-s2", "Percepciones sobre ascenso en Chile", 3),
        ("subtitle-s1", "Curso | Metodología", 5)]  # (a bar inside a line is text)


def test_an_abstract_holding_a_pipe_table_is_no_line_block() -> None:
    # Its rows open with "| " too, but the dashes under the header make it a table, as pandoc reads it.
    essay = parse_essay("---\nabstract: |\n  | Site | Carbon stored |\n  |---|---|\n  | Marsh | 12 |\n---\n\nText.\n",
                        "paper.md")
    assert [c.text for c in essay.claims if c.paragraph <= 0] == [c.text for c in parse_essay(
        "| Site | Carbon stored |\n|---|---|\n| Marsh | 12 |\n").claims]

