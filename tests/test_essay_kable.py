"""knitr's ``kable(x, caption = "…")`` in an R chunk: the caption knitr writes under the table it makes, where
pandoc reads its citations (a Markdown table's ``Table:`` line, an HTML table's ``<caption>``), unless the table is
raw LaTeX (``format = "latex"``, or kableExtra's tables in a PDF), whose ``\\caption{…}`` pandoc passes on unread."""

from __future__ import annotations

from pathlib import Path

import pypandoc
import pytest
from fuzz.pandoc_diff import cite_ids, pandoc_ast

from litreview.essay import load_essay
from litreview.essay.kable import kable_captions, latex_output

BODY = """
Intro [@i1].

```{r donors, echo=FALSE}
tab %>%
  knitr::kable(col.names = c("a", "b"),  # a comment with "quotes" and caption = "no"
               caption = "Donors, after @doe2020 (\\\\%).")
```

```{r}
kable(x, caption = '[@roe2021; @poe2019] counts', digits = 1)
```

```{r}
kable(x, format = "latex", caption = "Raw [@lat1]")
x %>% kable("latex", caption = "Raw too [@lat2]")
knitr::kable(x, caption = paste("Computed", "[@computed1]"))
```

```{r}
kableExtra::kbl(x, caption = "Extra [@kbl1]") %>%
  kableExtra::column_spec(1, width = "1in")
kable(x, caption = "Styled [@styled1]") |> kable_styling()
```

```{r, include=FALSE}
kable(x, caption = "Hidden [@hid1]")
```

Last [@last1].
"""


def keys(path: Path) -> list[tuple[int, str]]:
    return [(c.line, cite.key) for c in load_essay(path).claims for cite in c.citations or ()]


@pytest.mark.parametrize("name", ["a.Rmd", "a.qmd"])
def test_a_kable_caption_is_read_where_it_is_written(tmp_path: Path, name: str) -> None:
    # Before: the chunk was code, the caption's citations lost (a false LR307, a missed LR300).
    path = tmp_path / name
    path.write_text("---\ntitle: T\noutput: html_document\n---\n" + BODY, encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    at = {key: n for n, line in enumerate(lines, 1) for key in ("doe2020", "roe2021", "kbl1", "styled1", "last1")
          if f"@{key}" in line}
    assert keys(path) == [(6, "i1"), (at["doe2020"], "doe2020"), (at["roe2021"], "roe2021"),
                          (at["roe2021"], "poe2019"), (at["kbl1"], "kbl1"), (at["styled1"], "styled1"),
                          (at["last1"], "last1")]
    captions = [c.text for c in load_essay(path).claims if "doe2020" in c.text]
    assert captions == ["Donors, after @doe2020 (\\%)."]  # R's escapes read: knitr writes \%, pandoc reads %


def test_kableextras_tables_in_a_pdf_are_raw_latex(tmp_path: Path) -> None:
    # In a PDF kableExtra writes LaTeX (kbl, or a kable piped into its functions): pandoc leaves the caption
    # unread; a plain kable stays a Markdown table, its caption cited.
    path = tmp_path / "a.Rmd"
    path.write_text("---\ntitle: T\noutput:\n  bookdown::pdf_document2:\n    toc: false\n---\n" + BODY, encoding="utf-8")
    assert [key for _, key in keys(path)] == ["i1", "doe2020", "roe2021", "poe2019", "last1"]


def test_what_knitr_writes_pandoc_cites_as_read() -> None:
    # The oracle: knitr writes a kable as a pipe table under "Table: caption"; pandoc's keys from it are ours.
    found = kable_captions('kable(x, caption = "As @doe2020 and [@roe2021, p. 3] show")', 4, latex=False)
    assert found == [(4, "As @doe2020 and [@roe2021, p. 3] show")]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        knitted = Path(folder) / "k.md"
        knitted.write_text(f"Table: {found[0][1]}\n\n| a |\n|---|\n| 1 |\n", encoding="utf-8")
        ast = pandoc_ast(pypandoc.get_pandoc_path(), knitted, "markdown")
    assert list(cite_ids(ast["blocks"])) == ["doe2020", "roe2021"]


@pytest.mark.parametrize(("meta", "latex"), [
    ({}, False), ({"output": "pdf_document"}, True), ({"output": ["html_document", "pdf_document"]}, False),
    ({"output": {"papaja::apa6_pdf": None}}, True), ({"output": {"rticles::elsevier_article": {}}}, True),
    ({"output": "word_document"}, False), ({"format": {"pdf": {"toc": True}}}, True), ({"format": "html"}, False),
    ({"output": {"beamer_presentation": None}}, True)])
def test_the_first_output_format_says_whether_the_document_is_latex(meta: dict, latex: bool) -> None:
    # rmarkdown::render and quarto render make the first format listed unless told another.
    assert latex_output(meta) is latex


def test_a_caption_never_closed_or_a_call_never_closed_is_no_caption() -> None:
    assert kable_captions('kable(x, caption = "open', 1, latex=False) == []
    assert kable_captions("kable(x, caption = 'a' ", 1, latex=False) == []
    assert kable_captions("kable(x, caption = \"a\\\"b\")", 1, latex=False) == [(1, 'a"b')]


def test_nested_and_unclosed_calls_cost_one_pass() -> None:
    # Each call scanned to its own end made kable(kable(kable(… quadratic; an unclosed one reads nothing.
    import time

    text = "kable(" * 20000 + 'x, caption = "deep [@d1]"' + ")" * 20000
    started = time.perf_counter()
    assert kable_captions(text, 1, latex=False) == [(1, "deep [@d1]")]
    assert kable_captions("kable(" * 20000 + 'caption = "x"', 1, latex=False) == []
    assert time.perf_counter() - started < 2.0
