"""A Quarto book (``_quarto.yml``) read as one manuscript: its chapters in order, each claim in its own file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz.pandoc_diff import cite_ids, pandoc_ast

from litreview.cache import input_key
from litreview.config import make_config
from litreview.errors import EssayError
from litreview.essay import load_essay
from litreview.essay.cites import is_crossref

PROJECT = """\
project:
  type: book
book:
  title: "Coastal carbon"
  chapters:
    - index.qmd
    - part: "Evidence"
      chapters:
        - chapters/methods.qmd
  appendices:
    - chapters/extra.md
bibliography: references.bib
"""
CHAPTERS = {
    "index.qmd": "# Preface {.unnumbered}\n\nWetlands store carbon [@mcleod2011].\nSee @sec-methods.\n",
    "chapters/methods.qmd": "---\ntitle: Methods\n---\n\n# Methods {#sec-methods}\n\n"
                            "We followed @howard2014 [p. 3] and [@howard2014, p. 3; @duarte2013].\n"
                            "Sites are in @fig-map and @Tbl-sites [-@duarte2013].\n",
    "chapters/extra.md": "# Extra\n\nBy @thm-main the loss is large [@pendleton2012, pp. 5-7].\n",
    "chapters/draft.qmd": "# Not in the book\n\nIgnored [@draft2020].\n",
}


@pytest.fixture
def book(tmp_path: Path) -> Path:
    (tmp_path / "_quarto.yml").write_text(PROJECT, encoding="utf-8")
    for name, text in CHAPTERS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def cited(essay) -> list[tuple[str, str, int]]:
    return [(Path(c.file or "").name, cite.key, c.line) for c in essay.claims for cite in c.citations or ()
            if not is_crossref(cite.key)]


def test_the_chapters_are_read_in_the_books_order_each_claim_in_its_file(book: Path) -> None:
    essay = load_essay(book / "_quarto.yml")
    assert cited(essay) == [("index.qmd", "mcleod2011", 3), ("methods.qmd", "howard2014", 7),
                            ("methods.qmd", "howard2014", 7), ("methods.qmd", "duarte2013", 7),
                            ("methods.qmd", "duarte2013", 8), ("extra.md", "pendleton2012", 3)]
    assert essay.meta["bibliography"] == "references.bib" and essay.meta["title"] == "Coastal carbon"


def test_pandoc_cites_the_same_keys_chapter_by_chapter(book: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    essay = load_essay(book / "_quarto.yml")
    for name in ("index.qmd", "chapters/methods.qmd", "chapters/extra.md"):
        ids = list(cite_ids(pandoc_ast(pypandoc.get_pandoc_path(), book / name, "markdown")["blocks"]))
        ours = [key for file, key, _ in cited(essay) if file == Path(name).name]
        assert ours == [i for i in ids if not is_crossref(i)]  # Quarto drops its cross-references


def test_a_chapter_edit_changes_the_cache_key(book: Path) -> None:
    (book / "references.bib").write_text("@book{x,\n  title = {X},\n}\n", encoding="utf-8")
    config = make_config(root=book, essay="_quarto.yml", bibliography="references.bib")
    before = input_key(config)
    assert before is not None
    (book / "chapters" / "methods.qmd").write_text("# Methods\n\nChanged [@x].\n", encoding="utf-8")
    assert input_key(config) != before


def test_includes_are_followed_and_shortcodes_print_no_prose(book: Path) -> None:
    methods = book / "chapters" / "methods.qmd"
    methods.write_text(methods.read_text(encoding="utf-8") + "\n{{< include _part.qmd >}}\n\n"
                       "After it {{< var version >}} we stop [@after2020].\n", encoding="utf-8")
    (book / "chapters" / "_part.qmd").write_text("Included text [@inc2019].", encoding="utf-8")  # no final newline
    essay = load_essay(book / "_quarto.yml")
    assert cited(essay)[-3:] == [("_part.qmd", "inc2019", 1), ("methods.qmd", "after2020", 12),
                                 ("extra.md", "pendleton2012", 3)]
    assert "After it we stop [@after2020]." in [" ".join(c.text.split()) for c in essay.claims]
    methods.write_text("# Methods\n\n{{< include gone.qmd >}}\n", encoding="utf-8")
    with pytest.raises(EssayError) as err:
        load_essay(book / "_quarto.yml")
    assert "included file gone.qmd not found" in str(err.value) and str(err.value).startswith(f"{methods}:3:")


@pytest.mark.parametrize(("project", "message"), [
    ("project:\n  type: website\n", "lists no chapters"),
    ("book:\n  chapters: [index.qmd, missing.qmd]\n", "chapter missing.qmd not found"),
    ("book:\n  chapters: [index.qmd, paper.docx]\n", "is not a Markdown file"),
    ("book: [unclosed\n", "not valid YAML"),
])
def test_a_bad_project_names_the_file_and_what_to_do(book: Path, project: str, message: str) -> None:
    (book / "_quarto.yml").write_text(project, encoding="utf-8")
    with pytest.raises(EssayError) as err:
        load_essay(book / "_quarto.yml")
    assert message in str(err.value) and err.value.hint


def test_a_missing_chapter_is_reported_at_the_line_that_lists_it(book: Path) -> None:
    (book / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n"
                                      "    - 03-methods.qmd\n", encoding="utf-8")
    with pytest.raises(EssayError) as err:
        load_essay(book / "_quarto.yml")
    assert (err.value.path, err.value.line) == (str(book / "_quarto.yml"), 6)
    assert err.value.message == "chapter 03-methods.qmd not found"
    assert err.value.hint == "create 03-methods.qmd, or take it out of book: chapters: in _quarto.yml"


def test_one_quarto_file_reads_its_includes_and_blanks_shortcodes(tmp_path: Path) -> None:
    chapter = tmp_path / "paper.qmd"
    chapter.write_text("---\ntitle: P\nbibliography: refs.bib\n---\n\nFirst [@a].\n\n{{< include _b.qmd >}}\n\n"
                       "Then {{< pagebreak >}} more [@c].\n", encoding="utf-8")
    (tmp_path / "_b.qmd").write_text("Included [@b].\n", encoding="utf-8")
    essay = load_essay(chapter)
    assert cited(essay) == [("paper.qmd", "a", 6), ("_b.qmd", "b", 1), ("paper.qmd", "c", 10)]
    assert essay.meta["bibliography"] == "refs.bib"
    assert [" ".join(c.text.split()) for c in essay.claims][-1] == "Then more [@c]."
    (tmp_path / "refs.bib").write_text("@book{a,\n  title = {A},\n}\n", encoding="utf-8")
    config = make_config(root=tmp_path, essay="paper.qmd", bibliography="refs.bib")
    before = input_key(config)
    (tmp_path / "_b.qmd").write_text("Included, changed [@b].\n", encoding="utf-8")
    assert before is not None and input_key(config) != before


def test_shortcode_openings_never_closed_print_as_written(tmp_path: Path) -> None:
    # Thousands of openings with no closing after them (a shortcode's syntax quoted in prose, or a cut file):
    # each one is text, the shortcodes closed before them are still blanked.
    unclosed = "Written as {{< or {{% alone, " * 2000
    chapter = tmp_path / "paper.qmd"
    chapter.write_text(f"Then {{{{< pagebreak >}}}} more [@c] {{{{% x %}}}} too.\n\n{unclosed}it holds [@d].\n",
                       encoding="utf-8")
    essay = load_essay(chapter)
    assert [" ".join(c.text.split()) for c in essay.claims] == ["Then more [@c] too.", f"{unclosed}it holds [@d]."]
    assert [[x.key for x in c.citations] for c in essay.claims] == [["c"], ["d"]]


def test_one_chapter_checked_alone_uses_the_projects_bibliography(book: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # As `quarto render chapters/methods.qmd` gives the chapter the project's bibliography (init already did).
    from litreview.cli import main

    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    (book / "references.bib").write_text("".join(
        f"@book{{{key},\n  author = {{Doe, J.}},\n  title = {{T {key}}},\n  publisher = {{P}},\n  year = {{2011}},\n}}\n"
        for key in ("howard2014", "duarte2013")), encoding="utf-8")
    monkeypatch.chdir(book / "chapters")
    assert main(["check", "--essay", "methods.qmd", "--claims", "", "--format", "json"]) == 0, capsys.readouterr().err
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_a_manuscript_project_is_its_article(tmp_path: Path) -> None:
    # project: type: manuscript reads manuscript: article: (index.qmd by default); it was "lists no chapters".
    (tmp_path / "_quarto.yml").write_text("project:\n  type: manuscript\nmanuscript:\n  article: paper.qmd\n"
                                          "bibliography: references.bib\n", encoding="utf-8")
    (tmp_path / "paper.qmd").write_text("---\ntitle: My Manuscript\n---\n\n## Intro\n\nWe cite [@a].\n",
                                        encoding="utf-8")
    essay = load_essay(tmp_path / "_quarto.yml")
    assert cited(essay) == [("paper.qmd", "a", 7)]
    assert essay.meta == {"bibliography": "references.bib", "title": "My Manuscript"}
    (tmp_path / "_quarto.yml").write_text("project:\n  type: manuscript\n", encoding="utf-8")
    (tmp_path / "paper.qmd").rename(tmp_path / "index.qmd")
    assert cited(load_essay(tmp_path / "_quarto.yml")) == [("index.qmd", "a", 7)]


def test_r_markdown_child_documents_are_read_where_their_chunk_stands(tmp_path: Path) -> None:
    # knitr puts a child chunk's files in its place: their citations were lost (the chunk read as code).
    (tmp_path / "thesis.Rmd").write_text(
        "---\nbibliography: refs.bib\n---\n\nIntro [@k0].\n\n```{r, child = \"ch1.Rmd\"}\n```\n\n"
        "```{r child=c(\"ch2.Rmd\", 'ch3.Rmd')}\n```\n\n```{r}\nx <- '[@notacitation]'\n```\n\nEnd [@k9].\n",
        encoding="utf-8")
    for n in (1, 2, 3):
        (tmp_path / f"ch{n}.Rmd").write_text(f"Chapter {n} [@k{n}].\n", encoding="utf-8")
    essay = load_essay(tmp_path / "thesis.Rmd")
    assert cited(essay) == [("thesis.Rmd", "k0", 5), ("ch1.Rmd", "k1", 1), ("ch2.Rmd", "k2", 1), ("ch3.Rmd", "k3", 1),
                            ("thesis.Rmd", "k9", 17)]
    assert len({c.paragraph for c in essay.claims}) == 5  # two children never run into one paragraph
    config = make_config(root=tmp_path, essay="thesis.Rmd", bibliography="refs.bib")
    (tmp_path / "refs.bib").write_text("", encoding="utf-8")
    before = input_key(config)
    (tmp_path / "ch2.Rmd").write_text("Chapter two changed [@k2].\n", encoding="utf-8")
    assert before is not None and input_key(config) not in (None, before)
    (tmp_path / "ch3.Rmd").unlink()  # (a missing child: the rest read, test_a_missing_r_markdown_child_…)
    assert [k for _, k, _ in cited(load_essay(tmp_path / "thesis.Rmd"))] == ["k0", "k1", "k2", "k9"]


def test_a_missing_r_markdown_child_costs_only_itself_and_is_reported_once_where_its_chunk_stands(
        tmp_path: Path) -> None:
    # The whole document was refused for one child chunk naming a file not in the repository; LaTeX's \input of a
    # missing file is read as this: the rest read, the missing file one located finding (LR314).
    from litreview.review import build_review

    (tmp_path / "main.Rmd").write_text(
        "---\nbibliography: refs.bib\n---\n\nIntro [@k0].\n\n```{r child=\"ch1.Rmd\"}\n```\n\n"
        "```{r, child = c('gone.Rmd', \"ch2.Rmd\")}\n```\n\nEnd [@k9].\n", encoding="utf-8")
    (tmp_path / "ch1.Rmd").write_text("Chapter one [@k1].\n\n```{r child='sub/lost.Rmd'}\n```\n", encoding="utf-8")
    (tmp_path / "ch2.Rmd").write_text("Chapter two [@k2].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("".join(f"@book{{k{n}, title={{T{n}}}, year=2020}}\n" for n in (0, 1, 2, 9)),
                                       encoding="utf-8")
    essay = load_essay(tmp_path / "main.Rmd")
    assert cited(essay) == [("main.Rmd", "k0", 5), ("ch1.Rmd", "k1", 1), ("ch2.Rmd", "k2", 1), ("main.Rmd", "k9", 13)]
    config = make_config(root=tmp_path, essay="main.Rmd", bibliography="refs.bib", claims="")
    found = [f for f in build_review(config).findings if f.code == "LR314"]
    assert sorted((Path(f.file or "").name, f.line) for f in found) == [("ch1.Rmd", 3), ("main.Rmd", 10)]
    gone = next(f for f in found if f.line == 10)
    assert "the child document gone.Rmd is not there" in gone.message
    assert (gone.hint or "").startswith("Restore it or remove the chunk")
    # knitr reads a child's name from the folder of the file it renders, in a child in a subfolder too
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "p.Rmd").write_text("Part [@p1].\n\n```{r child = 'parts/q.Rmd'}\n```\n", encoding="utf-8")
    (tmp_path / "parts" / "q.Rmd").write_text("Sub-part [@q1].\n", encoding="utf-8")
    (tmp_path / "ch2.Rmd").write_text("```{r child='parts/p.Rmd'}\n```\n", encoding="utf-8")
    assert cited(load_essay(tmp_path / "main.Rmd"))[2:4] == [("p.Rmd", "p1", 1), ("q.Rmd", "q1", 1)]


CHUNKS = """---
title: Q
---

Intro [@i1].

```{python}
#| label: fig-map
#| fig-cap: "A map after @cap1."
plot()
```

```{r}
#| label: tbl-x
#| tbl-cap: |
#|   Counts, as
#|   in [@cap2].
#| fig-subcap:
#|   - "Left [@cap3]"
print(1)
```

```{r fig2, fig.cap="Knitr's \\"caption\\" [@cap4]", echo=FALSE}
plot(1)
```

```{r, include=FALSE, fig.cap="Hidden [@hid1]"}
plot(2)
```

```{r}
#| eval: false
#| fig-cap: "Not run [@hid2]"
x <- 1
```

Last paragraph [@last1].
"""


@pytest.mark.parametrize("name", ["a.qmd", "a.Rmd"])
def test_the_captions_of_code_chunks_are_prose_at_their_lines(tmp_path: Path, name: str) -> None:
    # Quarto and knitr print a chunk's caption under the figure or table it makes, and pandoc cites it there.
    # Before: the chunk was code, the captions' citations lost (a false LR307, a missed LR300).
    path = tmp_path / name
    path.write_text(CHUNKS, encoding="utf-8")
    lines = CHUNKS.splitlines()
    essay = load_essay(path)
    cited = [(c.line, c.text, [x.key for x in c.citations or ()]) for c in essay.claims if c.citations]
    assert cited == [(5, "Intro [@i1].", ["i1"]), (9, "A map after @cap1.", ["cap1"]),
                     (16, "Counts, as in [@cap2].", ["cap2"]), (19, "Left [@cap3]", ["cap3"]),
                     (23, 'Knitr\'s "caption" [@cap4]', ["cap4"]), (37, "Last paragraph [@last1].", ["last1"])]
    assert all(text[:6] in lines[line - 1] for line, text, _ in cited if line != 23)  # (23: the R string's escapes)
    assert [c.id for c in essay.claims][:3] == ["title-s1", "p1-s1", "p2-s1"]


def test_a_manuscript_embeds_a_notebook_cells_outputs_and_caption(tmp_path: Path) -> None:
    # Quarto manuscripts show a notebook's figure with {{< embed notebooks/a.ipynb#fig-map >}}: the cell's caption
    # and Markdown outputs are the article's text there. Before: the shortcode was blanked, their citations lost.
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": 1, "id": "c1",
              "source": ["#| label: fig-map\n", "#| fig-cap: \"Sea level, after @church2013.\"\n", "plot()"],
              "outputs": [{"output_type": "display_data", "metadata": {},
                           "data": {"text/markdown": ["Shown [@shown2020]."]}}]},
             {"cell_type": "code", "metadata": {}, "execution_count": 2, "id": "other",
              "source": ["#| fig-cap: \"Not embedded [@other2020].\"\n", "plot()"], "outputs": []}]
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "a.ipynb").write_text(text, encoding="utf-8")
    (tmp_path / "_quarto.yml").write_text("project:\n  type: manuscript\n", encoding="utf-8")
    (tmp_path / "index.qmd").write_text("---\ntitle: M\n---\n\nBefore [@a].\n\n{{< embed notebooks/a.ipynb#fig-map >}}\n\n"
                                        "After [@b].\n", encoding="utf-8")
    at = {n: i for i, line in enumerate(text.splitlines(), 1) for n in ("church2013", "shown2020") if n in line}
    assert cited(load_essay(tmp_path / "_quarto.yml")) == [
        ("index.qmd", "a", 5), ("a.ipynb", "shown2020", at["shown2020"]), ("a.ipynb", "church2013", at["church2013"]),
        ("index.qmd", "b", 9)]
    config = make_config(root=tmp_path, essay="index.qmd", bibliography="references.bib")
    (tmp_path / "references.bib").write_text("@book{x,\n  title = {X},\n}\n", encoding="utf-8")
    before = input_key(config)
    (tmp_path / "notebooks" / "a.ipynb").write_text(text.replace("church2013", "church2014"), encoding="utf-8")
    assert input_key(config) != before  # the notebook is a part of the essay: the warm cache sees its edit
    (tmp_path / "index.qmd").write_text("Text.\n\n{{< embed notebooks/a.ipynb#fig-none >}}\n", encoding="utf-8")
    with pytest.raises(EssayError, match=r"a\.ipynb has no code cell labelled fig-none") as err:
        load_essay(tmp_path / "index.qmd")
    assert err.value.line == 3
    (tmp_path / "index.qmd").write_text("Text.\n\n{{< embed notebooks/b.ipynb#fig-map >}}\n", encoding="utf-8")
    with pytest.raises(EssayError, match=r"included file notebooks/b\.ipynb not found"):
        load_essay(tmp_path / "index.qmd")


def test_a_notebook_embedded_many_times_is_read_once_per_load(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # Each embed read and parsed the notebook again (3,000 embeds took 3 s); Quarto reads it once.
    from litreview.essay import notebook

    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["Prose of the notebook [@prose2020]."]},
             {"cell_type": "code", "metadata": {}, "execution_count": 1, "id": "c1",
              "source": ["#| label: fig-map\n", "#| fig-cap: \"Sea level, after @church2013.\"\n", "plot()"],
              "outputs": []},
             {"cell_type": "code", "metadata": {}, "execution_count": 2, "id": "other",
              "source": ["#| fig-cap: \"Counts [@other2020].\"\n", "plot()"], "outputs": []}]
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    (tmp_path / "a.ipynb").write_text(text, encoding="utf-8")
    (tmp_path / "index.qmd").write_text("Before [@a].\n\n" + "{{< embed a.ipynb#other >}}\n\n{{< embed a.ipynb#fig-map >}}"
                                        "\n\n{{< embed a.ipynb#c1 >}}\n\n" * 100, encoding="utf-8")
    loads: list[str] = []
    real = notebook._load
    monkeypatch.setattr(notebook, "_load", lambda name, data: loads.append(name) or real(name, data))
    keys = [key for _, key, _ in cited(load_essay(tmp_path / "index.qmd"))]
    assert keys == ["a"] + ["other2020", "church2013", "church2013"] * 100
    assert len(loads) == 1
    # Nothing outlives the load: the notebook edited, the next load reads the edit.
    (tmp_path / "a.ipynb").write_text(text.replace("church2013", "church2014"), encoding="utf-8")
    assert [key for _, key, _ in cited(load_essay(tmp_path / "index.qmd"))][1:4] == ["other2020", "church2014",
                                                                                      "church2014"]
    assert len(loads) == 2


CALLOUTS = """---
title: Doc
---

Intro text [@b1].

::: {.callout-note title="Carbon budgets [@c1]"}
Inside the callout [@c2].
:::

::: {.callout-tip title='Single @c3 quoted'}
Tip body.
:::

::: {#nt-x .callout-warning collapse="true" title="Escaped \\"q\\" [see @c4, p. 2]"}
Warn body.
:::

::: {.column-margin title="not a callout [@nope]"}
Margin.
:::

Last [@b2].
"""
# What Quarto's callout parser does with the attribute (callout.lua: markdownToInlines, pandoc.read of the
# title), for callouts only; citeproc then cites what the title holds.
CALLOUT_FILTER = """function Div(div)
  for _, class in ipairs(div.classes) do
    if class:match("^callout") and div.attributes.title then
      div.content:insert(1, pandoc.Header(2, pandoc.read(div.attributes.title).blocks[1].content))
      return div
    end
  end
end
"""


def test_a_callouts_title_attribute_cites_at_the_fences_line(tmp_path: Path) -> None:
    path = tmp_path / "c.qmd"
    path.write_text(CALLOUTS, encoding="utf-8")
    essay = load_essay(path)
    # Before: the fence was blanked, c1, c3 and c4 were lost (a false LR307 each, no LR300 for a typo).
    assert [(c.line, [x.key for x in c.citations or ()]) for c in essay.claims if c.citations] == [
        (5, ["b1"]), (7, ["c1"]), (8, ["c2"]), (11, ["c3"]), (15, ["c4"]), (23, ["b2"])]
    assert essay.claim("p6-s1").text == 'Escaped "q" [see @c4, p. 2]'
    assert [c.id for c in essay.claims if c.line > 20] == ["p9-s1"]  # later ids move: the title is a paragraph
    assert [c.id for c in load_essay(_written(tmp_path, CALLOUTS.replace("[@c1]", ""))).claims][:3] == [
        "title-s1", "p1-s1", "p2-s1"]  # a title that cites nothing stays the fence it was


def _written(folder: Path, text: str) -> Path:
    path = folder / "d.qmd"
    path.write_text(text, encoding="utf-8")
    return path


def test_callout_titles_cite_what_quarto_reads_in_them(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    import subprocess

    path = tmp_path / "c.qmd"
    path.write_text(CALLOUTS, encoding="utf-8")
    (tmp_path / "callout.lua").write_text(CALLOUT_FILTER, encoding="utf-8")
    done = subprocess.run([pypandoc.get_pandoc_path(), "-f", "markdown", "-t", "json", "--lua-filter", "callout.lua",
                           "c.qmd"], cwd=tmp_path, capture_output=True, text=True, check=True)
    theirs = list(cite_ids(json.loads(done.stdout)["blocks"]))
    assert [x.key for c in load_essay(path).claims for x in c.citations or ()] == theirs


def test_a_callouts_title_in_markdown_cites_where_quarto_renders_it(tmp_path: Path) -> None:
    """A .md file: pandoc alone keeps the title an attribute (nothing cited, as its AST has it); Quarto renders a
    .md of its project as a .qmd, the title read. A notebook's Markdown cell is read as Quarto renders it."""
    plain = tmp_path / "alone" / "c.md"
    plain.parent.mkdir()
    plain.write_text(CALLOUTS, encoding="utf-8")
    keys = [x.key for c in load_essay(plain).claims for x in c.citations or ()]
    assert keys == ["b1", "c2", "b2"]
    project = tmp_path / "book"
    (project / "part").mkdir(parents=True)
    (project / "_quarto.yml").write_text("project:\n  type: default\n", encoding="utf-8")
    (project / "part" / "c.md").write_text(CALLOUTS, encoding="utf-8")
    (tmp_path / "c.qmd").write_text(CALLOUTS, encoding="utf-8")
    read = [(c.id, c.line, c.text) for c in load_essay(project / "part" / "c.md").claims]
    assert read == [(c.id, c.line, c.text) for c in load_essay(tmp_path / "c.qmd").claims]
    body = CALLOUTS.split("---\n")[2]
    cells = [{"cell_type": "raw", "metadata": {}, "source": ["---\n", "title: Doc\n", "---"]},
             {"cell_type": "markdown", "metadata": {}, "source": body.splitlines(keepends=True)}]
    nb = tmp_path / "c.ipynb"
    nb.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1),
                  encoding="utf-8")
    essay = load_essay(nb)
    assert [x.key for c in essay.claims for x in c.citations or ()] == ["b1", "c1", "c2", "c3", "c4", "b2"]
    fence = next(n for n, row in enumerate(nb.read_text(encoding="utf-8").splitlines(), 1) if "Carbon budgets" in row)
    assert [c.line for c in essay.claims if c.text == "Carbon budgets [@c1]"] == [fence]


def test_a_callouts_title_in_plain_markdown_agrees_with_pandocs_ast(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    import subprocess

    path = tmp_path / "c.md"
    path.write_text(CALLOUTS, encoding="utf-8")
    done = subprocess.run([pypandoc.get_pandoc_path(), "-f", "markdown", "-t", "json", "c.md"], cwd=tmp_path,
                          capture_output=True, text=True, check=True)
    theirs = list(cite_ids(json.loads(done.stdout)["blocks"]))
    assert [x.key for c in load_essay(path).claims for x in c.citations or ()] == theirs


def test_a_later_chapters_front_matter_is_read_under_its_chapter(tmp_path: Path) -> None:
    """Quarto prints each chapter's title as its heading and cites what its front matter cites; those claims get
    ids after the chapter (ch2-title-s1), so that the body's ids are what they were without them."""
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  title: A Book\n  chapters:\n"
                                          "    - index.qmd\n    - two.qmd\n    - three.qmd\n", encoding="utf-8")
    (tmp_path / "index.qmd").write_text("---\ntitle: Preface\n---\n\nFirst chapter text [@a].\n", encoding="utf-8")
    (tmp_path / "two.qmd").write_text('---\ntitle: "Anarchy as a social fact [@b]"\n---\n\nSecond chapter text.\n\n'
                                      "More text [@a].\n", encoding="utf-8")
    (tmp_path / "three.qmd").write_text("---\ntitle: Order\nabstract: Order rests on rules [@c].\n---\n\n"
                                        "Third chapter [@b].\n", encoding="utf-8")
    essay = load_essay(tmp_path / "_quarto.yml")
    got = [(c.id, Path(c.file or "").name, c.line, [x.key for x in c.citations or ()]) for c in essay.claims]
    assert got == [
        ("title-s1", "index.qmd", 2, []),
        ("ch2-title-s1", "two.qmd", 2, ["b"]),
        ("ch3-title-s1", "three.qmd", 2, []),
        ("ch3-abstract-s1", "three.qmd", 3, ["c"]),
        ("p1-s1", "index.qmd", 5, ["a"]),
        ("p2-s1", "two.qmd", 5, []),
        ("p3-s1", "two.qmd", 7, ["a"]),
        ("p4-s1", "three.qmd", 6, ["b"]),
    ]
    assert [p.name for p in essay.paragraphs][1:4] == [
        "chapter 2's front matter's title", "chapter 3's front matter's title", "chapter 3's front matter's abstract"]


def test_an_include_whose_name_is_too_long_for_the_system_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "a.qmd").write_text("A sentence.\n\n{{< include " + "x" * 5000 + ".qmd >}}\n", encoding="utf-8")
    with pytest.raises(EssayError, match="not found"):
        load_essay(tmp_path / "a.qmd")


_CUSTOM_KINDS = """\
---
title: Outsourcing
bibliography: refs.bib
crossref:
  custom:
    - kind: float
      key: suppfig
      reference-prefix: Supplementary Figure
    - kind: float
      key: supptbl
---

Effort signals character [@smith2020], as the pilot showed (see @suppfig-chatgpt-study1).
The tasks are listed in @supptbl-tasks and in Supplementary Figures [-@suppfig-interactions] and
[-@SuppFig-pars]; @doe2021 disagrees.
"""


def _keys(essay: object) -> list[str]:
    return [c.key for claim in essay.claims for c in claim.citations or ()]  # type: ignore[attr-defined]


def test_labels_of_a_documents_own_crossref_kinds_are_no_citations(tmp_path: Path) -> None:
    """Quarto reads @suppfig-x as a reference to a float of the kind the front matter declares (crossref:
    custom), not as a citation; pandoc alone, without the declaration, cites it."""
    (tmp_path / "paper.qmd").write_text(_CUSTOM_KINDS, encoding="utf-8")
    assert _keys(load_essay(tmp_path / "paper.qmd")) == ["smith2020", "doe2021"]
    undeclared = _CUSTOM_KINDS.replace("crossref:", "x-crossref:")
    (tmp_path / "plain.qmd").write_text(undeclared, encoding="utf-8")
    assert "suppfig-chatgpt-study1" in _keys(load_essay(tmp_path / "plain.qmd"))
    pypandoc = pytest.importorskip("pypandoc")
    ast = pandoc_ast(pypandoc.get_pandoc_path(), tmp_path / "plain.qmd", "markdown")
    assert "suppfig-chatgpt-study1" in cite_ids(ast["blocks"])


def test_a_projects_crossref_kinds_apply_to_its_files_and_its_book(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text(
        "project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\ncrossref:\n  custom:\n"
        "    - kind: float\n      key: suppfig\n", encoding="utf-8")
    body = _CUSTOM_KINDS.split("---\n", 2)[2]
    (tmp_path / "index.qmd").write_text(body, encoding="utf-8")
    for path in (tmp_path / "index.qmd", tmp_path / "_quarto.yml"):
        assert _keys(load_essay(path)) == ["smith2020", "supptbl-tasks", "doe2021"], path


@pytest.mark.parametrize("meta", [{}, {"crossref": "suppfig"}, {"crossref": {"custom": "suppfig"}},
                                  {"crossref": {"custom": [{"key": 3}, "suppfig", {"key": "bad key!"}]}}])
def test_crossref_kinds_ignore_what_is_not_a_declaration(meta: dict[str, object]) -> None:
    from litreview.essay.cites import crossref_kinds

    assert crossref_kinds(meta) == ()
    assert not is_crossref("suppfig-x", crossref_kinds(meta))
    assert is_crossref("SuppFig-x", crossref_kinds({"crossref": {"custom": [{"key": "suppfig"}]}}))


def test_a_chapters_inline_references_are_sources_of_the_book(book: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    # Quarto renders each chapter with its front matter's references over the project's bibliography: the book
    # resolves @pendleton2012 (the appendix's own) and @mcleod2011 (the preface's), the project's file the rest.
    from litreview.cli import main

    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    monkeypatch.chdir(book)
    (book / "references.bib").write_text("".join(
        f"@book{{{key},\n  author = {{Doe, J.}},\n  title = {{T {key}}},\n  publisher = {{P}},\n  year = {{2011}},\n}}\n"
        for key in ("howard2014", "duarte2013")), encoding="utf-8")
    item = ("- id: {key}\n  type: book\n  title: T {key}\n  publisher: P\n  author: [{{family: Roe, given: A}}]\n"
            "  issued: {{date-parts: [[2012]]}}\n")
    for name, key in (("index.qmd", "mcleod2011"), ("chapters/extra.md", "pendleton2012")):
        (book / name).write_text(f"---\nreferences:\n{item.format(key=key)}---\n\n{CHAPTERS[name]}", encoding="utf-8")
    assert main(["check", "--essay", "_quarto.yml", "--claims", "", "--format", "json"]) == 0, capsys.readouterr().out
    assert json.loads(capsys.readouterr().out)["findings"] == []


@pytest.mark.parametrize("title", ["T pendleton2012", "Another work", "T pendleton2012\n  DOI: 10.1/x"])
def test_a_key_two_chapters_give_is_a_duplicate_only_for_two_works(book: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   title: str) -> None:
    # Quarto renders each chapter with its own front matter's references: the same item in two chapters is no
    # clash; two works under one id are, told at the earlier chapter's, naming both chapters and both works.
    from litreview.cli import main

    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    monkeypatch.chdir(book)
    (book / "references.bib").write_text("".join(
        f"@book{{{key},\n  author = {{Doe, J.}},\n  title = {{T {key}}},\n  publisher = {{P}},\n  year = {{2011}},\n}}\n"
        for key in ("howard2014", "duarte2013", "mcleod2011")), encoding="utf-8")
    item = ("- id: pendleton2012\n  type: book\n  title: {title}\n  publisher: P\n  author: [{{family: Roe, given: A}}]\n"
            "  issued: {{date-parts: [[2012]]}}\n")
    for name, given in (("chapters/methods.qmd", title), ("chapters/extra.md", "T pendleton2012")):
        (book / name).write_text(f"---\nreferences:\n{item.format(title=given)}---\n\n{CHAPTERS[name]}",
                                 encoding="utf-8")
    main(["check", "--essay", "_quarto.yml", "--claims", "", "--format", "json"])
    found = [(f["code"], f["severity"], f["file"], f["line"], f["message"])
             for f in json.loads(capsys.readouterr().out)["findings"]]
    if title == "T pendleton2012":
        assert found == []
    elif "DOI" in title:  # the same title and year: what differs is named
        assert [f[:4] for f in found] == [("LR101", "warning", "chapters/methods.qmd", 3)], found
        assert "methods.qmd gives one item, extra.md line 3 another (its doi)" in found[0][4], found
    else:
        assert [f[:4] for f in found] == [("LR101", "warning", "chapters/methods.qmd", 3)], found
        assert all(part in found[0][4] for part in ("methods.qmd gives 'Another work' (2012)",
                                                    "extra.md line 3 'T pendleton2012' (2012)")), found


def test_two_chapters_of_one_file_name_are_told_apart_by_their_folders(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # A book of intro/index.qmd and methods/index.qmd giving two works one id: the message names each chapter by its
    # folder too (it said "index.qmd gives ..., index.qmd line 3 ...": which was which?).
    from litreview.cli import main

    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  title: B\n  chapters:\n    - index.qmd\n"
                                          "    - intro/index.qmd\n    - methods/index.qmd\n", encoding="utf-8")
    (tmp_path / "index.qmd").write_text("# Preface\n\nHello.\n", encoding="utf-8")
    for folder, title in (("intro", "First work"), ("methods", "Second work")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.qmd").write_text(
            f"---\nreferences:\n- id: smith\n  type: book\n  title: {title}\n  publisher: P\n"
            f"  author: [{{family: Roe, given: A}}]\n  issued: {{date-parts: [[2001]]}}\n---\n\n# {folder}\n\n"
            "As shown [@smith].\n", encoding="utf-8")
    main(["check", "--essay", "_quarto.yml", "--claims", "", "--format", "json"])
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "LR101"]
    assert [(f["file"], f["line"]) for f in found] == [("intro/index.qmd", 3)], found
    assert "intro/index.qmd gives 'First work' (2001), methods/index.qmd line 3 'Second work' (2001)" in \
        found[0]["message"], found
    assert "make the item in intro/index.qmd the same as in methods/index.qmd" in found[0]["hint"], found


@pytest.mark.parametrize(("path", "beside", "named"), [
    ("refs.bib", None, "refs.bib"), ("a/refs.bib", "b/refs.bib", "a/refs.bib"), ("a/refs.bib", "a/more.bib", "refs.bib"),
    ("x/a/refs.bib", "y/a/refs.bib", "x/a/refs.bib"), ("C:\\book\\intro\\index.qmd", "C:\\book\\methods\\index.qmd",
                                                     "intro/index.qmd"), ("refs.bib", "refs.bib", "refs.bib")])
def test_a_file_is_named_by_as_much_of_its_path_as_tells_it_from_the_other(path: str, beside: str | None,
                                                                          named: str) -> None:
    from litreview.bibliography.several import file_name

    assert file_name(path, beside) == named


def test_knitr_child_chunks_are_read_in_a_quarto_file_and_from_the_chunks_yaml_options(tmp_path: Path) -> None:
    # Quarto runs knitr on a .qmd with R chunks, and knitr reads a chunk's "#|" lines as its options: a child
    # given so (or in a .qmd with no shortcode) was read as code, and its citations lost.
    (tmp_path / "a.Rmd").write_text("Child a [@a1].\n", encoding="utf-8")
    (tmp_path / "b.qmd").write_text("Child b [@b1].\n", encoding="utf-8")
    (tmp_path / "main.qmd").write_text("Intro [@k0].\n\n```{r, child = 'b.qmd'}\n```\n\nEnd [@k9].\n",
                                       encoding="utf-8")
    assert [k for _, k, _ in cited(load_essay(tmp_path / "main.qmd"))] == ["k0", "b1", "k9"]
    (tmp_path / "main.Rmd").write_text(
        "Intro [@k0].\n\n```{r}\n#| child: [\"a.Rmd\", b.qmd]\n```\n\n```{r}\n#| child: \"gone.Rmd\"\n```\n\n"
        "```{r}\n#| echo: false\nx <- 'child: a.Rmd'\n```\n\nEnd [@k9].\n", encoding="utf-8")
    essay = load_essay(tmp_path / "main.Rmd")
    assert [k for _, k, _ in cited(essay)] == ["k0", "a1", "b1", "k9"]
    from litreview.essay import MISSING_INPUTS
    assert [(line, name) for _, line, name, _ in essay.meta[MISSING_INPUTS]] == [(7, "gone.Rmd")]
    config = make_config(root=tmp_path, essay="main.Rmd", bibliography="refs.bib")
    (tmp_path / "refs.bib").write_text("", encoding="utf-8")
    before = input_key(config)
    (tmp_path / "b.qmd").write_text("Child b changed [@b1].\n", encoding="utf-8")
    assert before is not None and input_key(config) not in (None, before)  # (a part of the essay: the cache sees it)


def test_a_child_named_by_here_or_file_path_is_read_where_knitr_finds_it(tmp_path: Path) -> None:
    # knitr evaluates the child option: here::here("chapters", "a.Rmd") names a file from the project's root (its
    # .Rproj, .here or .git), file.path("chapters", "b.Rmd") one from the rendered file's folder. Both chunks were
    # read as code: the chapters' text and citations lost.
    (tmp_path / "thesis.Rproj").write_text("Version: 1.0\n", encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "report").mkdir()
    (tmp_path / "chapters" / "a.Rmd").write_text("Chapter a [@a1].\n", encoding="utf-8")
    (tmp_path / "report" / "chapters").mkdir()
    (tmp_path / "report" / "chapters" / "b.Rmd").write_text("Chapter b [@b1].\n", encoding="utf-8")
    (tmp_path / "report" / "main.Rmd").write_text(
        "Intro [@k0].\n\n```{r child = here::here(\"chapters\", \"a.Rmd\")}\n```\n\n"
        "```{r, child=file.path('chapters', 'b.Rmd')}\n```\n\n```{r child = here('chapters', 'gone.Rmd')}\n```\n\n"
        "```{r child = chapters}\n```\n\nEnd [@k9].\n", encoding="utf-8")
    essay = load_essay(tmp_path / "report" / "main.Rmd")
    assert [k for _, k, _ in cited(essay)] == ["k0", "a1", "b1", "k9"]
    from litreview.essay import MISSING_INPUTS
    assert [(line, name) for _, line, name, _ in essay.meta[MISSING_INPUTS]] == [(9, "chapters/gone.Rmd")]


def test_a_child_chunk_knitr_does_not_evaluate_is_not_read_nor_missing(tmp_path: Path) -> None:
    # knitr returns nothing for a child chunk with eval = FALSE (a chapter left out for now): its text was read as the
    # document's, and a missing one would be reported. include = FALSE does not leave the child out.
    (tmp_path / "a.Rmd").write_text("Chapter a [@a1].\n", encoding="utf-8")
    (tmp_path / "main.Rmd").write_text(
        "Intro [@k0].\n\n```{r child='a.Rmd', eval=FALSE}\n```\n\n```{r, child = 'gone.Rmd', eval = F}\n```\n\n"
        "```{r}\n#| child: a.Rmd\n#| eval: false\n```\n\n```{r child='a.Rmd', include=FALSE}\n```\n\nEnd [@k9].\n",
        encoding="utf-8")
    essay = load_essay(tmp_path / "main.Rmd")
    assert [k for _, k, _ in cited(essay)] == ["k0", "a1", "k9"]
    from litreview.essay import MISSING_INPUTS
    assert MISSING_INPUTS not in essay.meta


def test_a_knitr_child_reviewed_alone_says_the_document_that_knits_it_is_unread(tmp_path: Path) -> None:
    # A thesis's chapter knitted by text/thesis.Rmd (```{r, child = 'thesis/03/lit.Rmd'}```), checked alone: each
    # entry the other chapters cite was "no claim relies on it", an error with no word of the parent (65 of them on a
    # real thesis), where a chapter of a bookdown book says the book's other chapters are unread.
    from litreview.config import Config
    from litreview.essay import IN_BOOK
    from litreview.review import build_review

    (tmp_path / "text/thesis/03").mkdir(parents=True)
    (tmp_path / "text/thesis.Rmd").write_text(
        "---\nbibliography: references.bib\n---\n\n```{r, child = 'thesis/03/lit.Rmd'}\n```\n", encoding="utf-8")
    (tmp_path / "text/thesis/03/lit.Rmd").write_text("Roe says so [@roe].\n", encoding="utf-8")
    (tmp_path / "text/thesis/03/notes.Rmd").write_text("Not knitted by any.\n", encoding="utf-8")
    (tmp_path / "text/references.bib").write_text(
        "@book{roe, author={Roe, Ann}, title={T}, publisher={P}, year={2001}}\n"
        "@book{lee, author={Lee, Kim}, title={U}, publisher={P}, year={2002}}\n", encoding="utf-8")
    assert load_essay(tmp_path / "text/thesis/03/lit.Rmd").meta[IN_BOOK] == str(tmp_path / "text/thesis.Rmd")
    assert IN_BOOK not in load_essay(tmp_path / "text/thesis/03/notes.Rmd").meta  # the close case: knitted by none
    review = build_review(Config(root=tmp_path, essay="text/thesis/03/lit.Rmd", bibliography=("text/references.bib",),
                                 claims=""))
    (unused,) = [f for f in review.findings if f.code == "LR307"]
    assert unused.key == "lee"
    assert unused.message == ("no claim of this chapter relies on 'lee' (the book's other chapters are not read: "
                              "--essay thesis.Rmd reviews them together)")
    # what the chapter alone cannot tell is no error: a warning, whose hint says how to know
    assert unused.severity == "warning"
    assert unused.hint == ("Check it with the whole document, litreview check --essay thesis.Rmd, before removing "
                           "it: another chapter may cite it")


def test_a_knitr_child_three_folders_below_the_document_that_knits_it_is_found(tmp_path: Path) -> None:
    # knitted_by looks in the child's own folder and the _KNITTING_LEVELS (3) above it: a child three folders below
    # the knitting file (parts/03/lit/ch.Rmd) is one of its chapters; four below, too far to look.
    from litreview.essay import IN_BOOK

    (tmp_path / "parts/03/lit/deep").mkdir(parents=True)
    (tmp_path / "thesis.Rmd").write_text(
        "```{r, child = 'parts/03/lit/ch.Rmd'}\n```\n\n```{r, child = 'parts/03/lit/deep/far.Rmd'}\n```\n",
        encoding="utf-8")
    (tmp_path / "parts/03/lit/ch.Rmd").write_text("Roe says so [@roe].\n", encoding="utf-8")
    (tmp_path / "parts/03/lit/deep/far.Rmd").write_text("Lee says so [@lee].\n", encoding="utf-8")
    assert load_essay(tmp_path / "parts/03/lit/ch.Rmd").meta[IN_BOOK] == str(tmp_path / "thesis.Rmd")
    assert IN_BOOK not in load_essay(tmp_path / "parts/03/lit/deep/far.Rmd").meta


def test_each_chapters_notes_are_its_own(tmp_path: Path) -> None:
    # Quarto renders each chapter of a book on its own, so a note label is a chapter's: "[^1]" in two chapters are two
    # notes. Read joined, the first chapter's note was lost with its citation (its key reported never cited, LR307).
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n"
                                          "    - two.qmd\n", encoding="utf-8")
    (tmp_path / "index.qmd").write_text("# One\n\nIt holds here.[^1] More text.\n\n[^1]: A first note [@a].\n",
                                        encoding="utf-8")
    (tmp_path / "two.qmd").write_text("# Two\n\nIt holds there.[^1]\n\n[^1]: A second note [@b].\n\n"
                                      "Last words [@c].\n", encoding="utf-8")
    essay = load_essay(tmp_path / "_quarto.yml")
    claims = [(c.id, c.text, Path(c.file or "").name, c.line, [x.key for x in c.citations or ()]) for c in essay.claims]
    assert claims == [
        ("p1-s1", "One", "index.qmd", 1, []), ("p2-s1", "It holds here.[^1]", "index.qmd", 3, []),
        ("p2-s2", "More text.", "index.qmd", 3, []), ("p3-s1", "A first note [@a].", "index.qmd", 5, ["a"]),
        ("p4-s1", "Two", "two.qmd", 1, []), ("p5-s1", "It holds there.[^1]", "two.qmd", 3, []),
        ("p6-s1", "A second note [@b].", "two.qmd", 5, ["b"]), ("p7-s1", "Last words [@c].", "two.qmd", 7, ["c"])]
    assert [p.note for p in essay.paragraphs] == ["", "", "1", "", "", "1", ""]
    for claim in essay.claims:  # each claim's offsets are its text's in the joined body
        assert " ".join(essay.body[claim.start:claim.end].split()) == claim.text


def test_a_chapters_note_is_numbered_and_called_from_its_own_chapter(tmp_path: Path) -> None:
    # A note is (chapter, label): the second chapter's "[^1]" was numbered and linked back as the first chapter's.
    from litreview.essay.segment import chapter_notes, note_key, note_numbers
    from litreview.linking import _note_callers

    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n"
                                          "    - two.qmd\n", encoding="utf-8")
    (tmp_path / "index.qmd").write_text("# One\n\nHere.[^1] Inline.^[Mine.]\n\n[^1]: First.\n", encoding="utf-8")
    (tmp_path / "two.qmd").write_text("# Two\n\nThere.[^1]\n\n[^1]: Second.\n", encoding="utf-8")
    essay = load_essay(tmp_path / "_quarto.yml")
    numbers = note_numbers(essay)
    assert numbers == {note_key("1", 1): (1, "p2-s1"), "p2-s2^0": (2, "p2-s2"), note_key("1", 2): (3, "p5-s1")}
    assert chapter_notes(numbers, 2) == {"1": (3, "p5-s1"), "p2-s2^0": (2, "p2-s2")}
    assert _note_callers(essay) == {"p3-s1": "p2-s1", "p6-s1": "p5-s1"}
    one = load_essay(tmp_path / "index.qmd")  # one file read alone: its notes by label, as before
    assert note_numbers(one) == {"1": (1, "p2-s1"), "p2-s2^0": (2, "p2-s2")}


def test_a_chapter_quarto_renders_by_its_markdown_engine_is_read_and_another_name_refused(book: Path) -> None:
    # Quarto's markdown engine takes .qmd, .md and .markdown; a name no engine takes (.pdc) it does not render.
    (book / "more.markdown").write_text("# More\n\nAnd more [@doe2020].\n", encoding="utf-8")
    (book / "_quarto.yml").write_text("book:\n  chapters: [index.qmd, more.markdown]\n", encoding="utf-8")
    assert ("more.markdown", "doe2020", 3) in cited(load_essay(book / "_quarto.yml"))
    (book / "more.pdc").write_text("# More\n\nAnd more [@doe2020].\n", encoding="utf-8")
    (book / "_quarto.yml").write_text("book:\n  chapters: [index.qmd, more.pdc]\n", encoding="utf-8")
    with pytest.raises(EssayError, match=r"chapter more\.pdc"):
        load_essay(book / "_quarto.yml")
