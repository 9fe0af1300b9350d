"""YAML tags of R Markdown and Quarto (``!expr``, ``!r``: an R expression for rmarkdown, knitr or Quarto to
evaluate) and any other tag YAML does not define: pandoc reads the value as if it had no tag, and litreview reads
it as its text, not as prose (R code, whose value is known only once R has run it). Before: the YAML loader
refused the whole document ("could not determine a constructor for the tag '!expr'")."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz.pandoc_diff import cite_ids, pandoc_ast

from litreview.errors import EssayError
from litreview.essay import load_essay

TAGGED = """---
title: Tagged fields [@t1]
date: !expr Sys.Date()
abstract: !expr readLines("abstract.md")
params:
  sites: !r c("a", "b")
  since: !expr 2001
  empty: !expr
output:
  pdf_document:
    pandoc_args: !expr rmdfiltr::add_wordcount_filter()
  html_document: !custom
    toc: true
other: !ruby/object:Point [1, 2]
bibliography: refs.bib
---

Body text [@b1].
"""


def test_r_expression_tags_are_read_as_their_text(tmp_path: Path) -> None:
    path = tmp_path / "paper.Rmd"
    path.write_text(TAGGED, encoding="utf-8")
    essay = load_essay(path)
    meta = essay.meta
    assert meta["date"] == "Sys.Date()"
    assert meta["params"] == {"sites": 'c("a", "b")', "since": "2001", "empty": ""}
    assert meta["output"]["pdf_document"]["pandoc_args"] == "rmdfiltr::add_wordcount_filter()"
    assert meta["output"]["html_document"] == {"toc": True}  # a tagged mapping: a mapping, as pandoc reads it
    assert meta["other"] == [1, 2]
    assert meta["bibliography"] == "refs.bib"
    # R code is no prose: the abstract's expression is no claim; the title and the body are.
    assert [(c.id, c.line, [x.key for x in c.citations or ()]) for c in essay.claims] == [
        ("title-s1", 2, ["t1"]), ("p1-s1", 18, ["b1"])]
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    ast = pandoc_ast(pypandoc.get_pandoc_path(), path, "markdown")
    assert ast["meta"]["date"]["c"] == [{"t": "Str", "c": "Sys.Date()"}]  # pandoc reads the tagged value's text
    assert sorted(cite_ids(ast)) == ["b1", "t1"]


def test_a_quarto_captions_r_expression_is_no_caption_text(tmp_path: Path) -> None:
    path = tmp_path / "paper.qmd"
    path.write_text('---\ntitle: Q\n---\n\nIntro [@i1].\n\n```{r}\n#| label: fig-a\n#| fig-cap: !expr paste("Sites", n)\n'
                    'plot(1)\n```\n\n```{r}\n#| label: fig-b\n#| fig-cap: "Mapped after @c1."\nplot(2)\n```\n\nEnd.\n',
                    encoding="utf-8")
    essay = load_essay(path)
    assert [(c.line, c.text) for c in essay.claims if c.paragraph > 0] == [
        (5, "Intro [@i1]."), (15, "Mapped after @c1."), (19, "End.")]


def test_a_broken_yaml_with_a_tag_is_still_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "paper.Rmd"
    path.write_text("---\ntitle: T\ndate: !expr Sys.Date()\nkeywords: [a, b\nother: c\n---\n\nBody.\n", encoding="utf-8")
    with pytest.raises(EssayError) as caught:
        load_essay(path)
    assert caught.value.line == 5  # where the parser stops (the list left open), as without the tag
    assert "not valid YAML" in str(caught.value)
