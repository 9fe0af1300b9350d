"""A Jupyter notebook (.ipynb) read as Quarto renders it: Markdown cells are prose, the first raw cell's
YAML is the front matter, and every finding's line is the line of the .ipynb file holding the text."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from conftest import git, git_repo
from fuzz.pandoc_diff import cite_ids, pandoc_ast

from litreview.cache import essay_parts
from litreview.cli import main
from litreview.config import load_config
from litreview.errors import EssayError
from litreview.essay import load_essay
from litreview.review import bibliography_files

ENTRY = "@book{{{key},\n  author = {{Doe, Jane}},\n  title = {{Book {key}}},\n  publisher = {{Pub}},\n  year = {{2001}},\n}}\n"


def cell(kind: str, source: str | list[str], **more: Any) -> dict[str, Any]:
    return {"cell_type": kind, "metadata": {}, "source": source, **more}


def lines_of(text: str) -> list[str]:
    """A source as Jupyter writes it: a list of lines, each but the last ending in a newline."""
    return text.splitlines(keepends=True)


def notebook(*cells: dict[str, Any], version: int = 4) -> str:
    """The notebook as Jupyter saves it (one-space indent, each source line its own JSON line)."""
    return json.dumps({"cells": list(cells), "metadata": {"kernelspec": {"name": "python3"}},
                       "nbformat": version, "nbformat_minor": 5}, indent=1) + "\n"


def line_holding(text: str, needle: str, start: int = 1) -> int:
    """The 1-based line of the file ``text`` holding ``needle``, found by hand (not by the reader)."""
    for n, line in enumerate(text.splitlines(), 1):
        if n >= start and needle in line:
            return n
    raise AssertionError(needle)


FRONT = cell("raw", lines_of("---\ntitle: Coastal carbon\nbibliography: refs.bib\nnocite: |\n  @extra\n---"))
PROSE = cell("markdown", lines_of("# Intro\n\nWetlands store carbon [@mcleod2011].\n\n"
                                  "As @howard2014 [p. 3] showed, losses are large."))
CODE = cell("code", lines_of("x = '[@codekey]'  # not a citation\nprint(x)"), execution_count=1, outputs=[
    {"output_type": "stream", "name": "stdout", "text": ["[@streamkey]\n"]},
    {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": ["Shown by code [@outkey]."],
                                                               "text/plain": ["<Markdown>"]}},
    {"output_type": "execute_result", "metadata": {}, "execution_count": 1,
     "data": {"text/markdown": ["Beside a plot [@plotkey]."], "image/png": "iVBORw0KGgo="}},
    {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": ["A widget [@widgetkey]."],
                                                               "text/html": ["<b>[@widgetkey]</b>"]}},
])
ONE_STRING = cell("markdown", "Seagrass too [@duarte2013].\n\nAnd saltmarsh [@gone2020].")


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "paper.ipynb"
    path.write_text(notebook(FRONT, PROSE, CODE, ONE_STRING), encoding="utf-8")
    return path


def cites(path: Path) -> list[tuple[str, int]]:
    return [(c.key, claim.line) for claim in load_essay(path).claims for c in claim.citations or ()]


def test_the_markdown_cells_are_the_prose_each_claim_on_its_ipynb_line(paper: Path) -> None:
    text = paper.read_text(encoding="utf-8")
    essay = load_essay(paper)
    assert essay.meta["title"] == "Coastal carbon" and essay.meta["bibliography"] == "refs.bib"
    assert essay.nocite == ("extra",)
    one = line_holding(text, "Seagrass too")
    assert cites(paper) == [("mcleod2011", line_holding(text, "Wetlands store")),
                            ("howard2014", line_holding(text, "As @howard2014")),
                            ("outkey", line_holding(text, "Shown by code")),
                            ("plotkey", line_holding(text, "Beside a plot")),  # Quarto prefers Markdown to images
                            ("duarte2013", one), ("gone2020", one)]  # one string: one JSON line
    assert not any(k in c.text for c in essay.claims for k in ("codekey", "streamkey", "widgetkey"))


def test_a_missing_key_is_annotated_on_the_notebooks_line(paper: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(paper.parent)
    (paper.parent / "refs.bib").write_text("".join(ENTRY.format(key=k) for k in
                                                   ("mcleod2011", "howard2014", "outkey", "plotkey", "duarte2013", "extra")),
                                           encoding="utf-8")
    assert main(["check", "--no-cache", "--essay", "paper.ipynb", "--bib", "refs.bib", "--claims", "",
                 "--format", "github"]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if "LR300" in line]
    line = line_holding(paper.read_text(encoding="utf-8"), "saltmarsh [@gone2020]")
    assert len(errors) == 1 and errors[0].startswith(f"::error file=paper.ipynb,line={line},")
    assert "@gone2020" in errors[0] and "codekey" not in errors[0]


@pytest.mark.parametrize(("text", "message"), [
    ('{"cells": [', "not valid JSON"),
    ('[1, 2]', "not a JSON object"),
    ('{"cells": []}', "no nbformat"),
    (notebook(PROSE, version=3), "nbformat 3"),
    ('{"nbformat": 3, "worksheets": [{"cells": []}]}', "nbformat 3"),
    ('{"nbformat": 4, "cells": {"a": 1}}', "cells are not a list"),
    ('{"nbformat": 4, "cells": [{"cell_type": "markdown", "source": [1, 2]}]}', "cell 1's text"),
    ('{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x"}]}', "no prose"),
    ('{"nbformat": 4, "cells": ' + "[" * 200 + "]" * 200 + "}", "nests deeper"),
    (notebook(cell("raw", "---\ntitle: [unclosed\n---"), PROSE), "not valid YAML"),
])
def test_a_malformed_notebook_is_a_clear_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EssayError) as err:
        load_essay(path)
    assert message in str(err.value) and str(err.value).startswith(str(path)) and err.value.hint


def test_a_malformed_notebook_stops_check_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nb.ipynb").write_text('{"cells": []}', encoding="utf-8")
    assert main(["check", "--essay", "nb.ipynb"]) == 2
    err = capsys.readouterr().err
    assert "nb.ipynb: the file has no nbformat" in err and "Traceback" not in err


def test_init_takes_the_bibliography_from_the_front_matter_cell(paper: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(paper.parent)
    for name in ("refs", "other"):  # two .bib files beside it: only the front matter tells which
        (paper.parent / f"{name}.bib").write_text(ENTRY.format(key=name), encoding="utf-8")
    assert main(["init", "paper.ipynb"]) == 0
    config = load_config(paper.parent, env={})
    # The settings leave the bibliography out: the file the front matter cell names is read, and followed.
    assert config.essay == "paper.ipynb" and bibliography_files(config) == (paper.parent / "refs.bib",)
    assert "Review: Coastal carbon" in (paper.parent / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_quarto_book_reads_a_notebook_chapter(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text("book:\n  chapters: [index.qmd, paper.ipynb]\nbibliography: refs.bib\n",
                                          encoding="utf-8")
    (tmp_path / "index.qmd").write_text("# Preface\n\nFirst [@first2000].\n", encoding="utf-8")
    text = notebook(FRONT, PROSE, ONE_STRING)
    (tmp_path / "paper.ipynb").write_text(text, encoding="utf-8")
    essay = load_essay(tmp_path / "_quarto.yml")
    found = [(Path(c.file or "").name, k.key, c.line) for c in essay.claims for k in c.citations or ()]
    assert found == [("index.qmd", "first2000", 3), ("paper.ipynb", "mcleod2011", line_holding(text, "Wetlands")),
                     ("paper.ipynb", "howard2014", line_holding(text, "As @howard2014")),
                     ("paper.ipynb", "duarte2013", line_holding(text, "Seagrass")),
                     ("paper.ipynb", "gone2020", line_holding(text, "Seagrass"))]
    assert tmp_path / "paper.ipynb" in (essay_parts(tmp_path / "_quarto.yml") or [])  # the cache keys on it


def test_check_since_reports_only_what_the_notebook_change_brought(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(ENTRY.format(key="mcleod2011"), encoding="utf-8")
    (tmp_path / "litreview.toml").write_text('essay = "paper.ipynb"\nbibliography = "refs.bib"\nclaims = ""\n',
                                             encoding="utf-8")
    base = cell("markdown", lines_of("Old claim [@mcleod2011]. Lost [@old1999]."))
    (tmp_path / "paper.ipynb").write_text(notebook(base), encoding="utf-8")
    git_repo(tmp_path)
    text = notebook(base, cell("markdown", lines_of("A new paragraph.\n\nNew claim [@new2020].")))
    (tmp_path / "paper.ipynb").write_text(text, encoding="utf-8")
    git(tmp_path, "commit", "-qam", "more")
    assert main(["check", "--format", "json", "--since", "base"]) == 1
    findings = [(f["code"], f["line"], "@new2020" in f["message"])
                for f in json.loads(capsys.readouterr().out)["findings"]]
    assert findings == [("LR300", line_holding(text, "New claim"), True)]


# -- pandoc, the oracle: `pandoc -f ipynb+citations` cites the same keys in Markdown cells ---------------

WORDS = ["Carbon", "is stored", "in wetlands", "as shown", "by many", "and more"]
FORMS = ["[@{k}]", "@{k}", "[see @{k}, p. 2]", "[@{k}; @{j}]", "[-@{k}]", "`@{k}`", "{k}@example.org", "\\@{k}"]


def generated(seed: int) -> str:
    rng = random.Random(seed)
    cells = []
    for n in range(rng.randint(2, 5)):
        paragraphs = []
        for m in range(rng.randint(1, 3)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(2, 5))]
            form = rng.choice(FORMS).format(k=f"k{seed}x{n}x{m}", j=f"j{seed}x{n}x{m}")
            paragraphs.append(" ".join(words) + " " + form + ".")
        source = "\n\n".join(paragraphs)
        cells.append(cell("markdown", lines_of(source) if rng.random() < 0.7 else source))
        if rng.random() < 0.5:
            cells.append(cell("code", lines_of(f"y = '[@code{seed}x{n}]'"), execution_count=n, outputs=[]))
    return notebook(*cells)


def test_pandoc_cites_the_same_keys_as_the_notebook_reader(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    for seed in range(12):
        path = tmp_path / f"nb{seed}.ipynb"
        path.write_text(generated(seed), encoding="utf-8")
        ids = list(cite_ids(pandoc_ast(pypandoc.get_pandoc_path(), path, "ipynb+citations")["blocks"]))
        assert [key for key, _ in cites(path)] == ids, path.read_text(encoding="utf-8")


def test_raw_cells_and_hidden_outputs_as_quarto_renders_them(tmp_path: Path) -> None:
    shown = {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": ["Out [@{key}]."]}}

    def code(key: str, source: str, **metadata: Any) -> dict[str, Any]:
        return {**cell("code", lines_of(source), execution_count=1, outputs=[json.loads(json.dumps(shown)
                                                                                         .replace("{key}", key))]),
                "metadata": metadata}

    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(
        PROSE,
        cell("raw", lines_of("Raw Markdown [@rawmd].")),  # no format: Markdown to Quarto
        {**cell("raw", lines_of("\\cite{rawtex} [@rawtex]")), "metadata": {"raw_mimetype": "text/latex"}},
        {**cell("raw", lines_of("<b>[@rawhtml]</b>")), "metadata": {"format": "text/html"}},
        code("shown", "#| echo: false\nx = 1"),
        code("optfalse", "#| output: false\nx = 1"),
        code("incfalse", "#| label: tbl-a\n#| include: false\nx = 1"),
        code("tagged", "x = 1", tags=["remove-output"]),
        code("late", "x = 1\n#| output: false"),  # options stand first: this one is a comment
    ), encoding="utf-8")
    assert [k for k, _ in cites(path)] == ["mcleod2011", "howard2014", "rawmd", "shown", "late"]


def test_front_matter_in_a_first_markdown_cell_and_text_after_it(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    text = notebook(cell("markdown", lines_of("---\nbibliography: md.bib\n---\n\nRight after [@after2001].")),
                    cell("raw", lines_of("---\ntitle: Joined\nbibliography: not.bib\n---")), ONE_STRING)
    path.write_text(text, encoding="utf-8")
    essay = load_essay(path)
    # as pandoc joins YAML blocks (and Quarto, reading them as one YAML text): a later block's field wins
    assert essay.meta == {"bibliography": "not.bib", "title": "Joined"}
    assert cites(path)[0] == ("after2001", line_holding(text, "Right after"))
    assert not any("bibliography" in c.text or "Joined" in c.text for c in essay.claims if c.paragraph > 0)
    # the title is the front matter's prose, on the raw cell's line that holds it
    assert [(c.id, c.text, c.line) for c in essay.claims if c.paragraph <= 0] == [
        ("title-s1", "Joined", line_holding(text, "title: Joined"))]
    later = tmp_path / "later.ipynb"  # front matter comes first: a Markdown cell after prose is not it
    later.write_text(notebook(PROSE, cell("markdown", lines_of("---\ntitle: T\n---\n\nMore [@more2002]."))),
                     encoding="utf-8")
    assert load_essay(later).meta == {}


def test_captions_in_cell_options_are_prose_on_their_line(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    text = notebook(PROSE, cell("code", lines_of('#| label: fig-sea\n#| fig-cap: "Sea level [@church2013]."\n'
                                                 "#| tbl-cap: Rates after @hay2015\nplot()  # [@codekey]"),
                                 execution_count=1, outputs=[]),
                    cell("code", lines_of('#| fig-cap: "Hidden [@hidden2000]."\n#| include: false\nplot()'),
                         execution_count=2, outputs=[]))
    path.write_text(text, encoding="utf-8")
    assert cites(path)[2:] == [("church2013", line_holding(text, "Sea level")),
                               ("hay2015", line_holding(text, "Rates after"))]


def test_captions_written_as_yaml_blocks_and_lists(tmp_path: Path) -> None:
    # Quarto reads a cell's "#|" lines as one YAML text: a caption may be a block below its option, or a list.
    path = tmp_path / "nb.ipynb"
    text = notebook(PROSE, cell("code", lines_of("#| label: fig-sea\n#| fig-cap: |\n#|   Sea level rise,\n"
                                                 "#|   after @church2013.\n#| fig-subcap:\n#|   - \"Tide gauges [@hay2015]\"\n"
                                                 "#|   - Altimetry [@cazenave2014]\n#| tbl-cap: >-\n#|   Folded\n"
                                                 "#|   [@folded2001]\nplot()"), execution_count=1, outputs=[]))
    path.write_text(text, encoding="utf-8")
    # Before: none of them read (only a caption whose value is on its option's line was). Each claim is on the line
    # where its sentence starts.
    assert cites(path)[2:] == [("church2013", line_holding(text, "Sea level rise")),
                               ("hay2015", line_holding(text, "Tide gauges")),
                               ("cazenave2014", line_holding(text, "Altimetry")),
                               ("folded2001", line_holding(text, "#|   Folded"))]
    claims = [c.text for c in load_essay(path).claims]
    assert "Sea level rise, after @church2013." in claims and "Folded [@folded2001]" in claims


def test_output_asis_prints_markdown_as_quarto_writes_it(tmp_path: Path) -> None:
    printed = [{"output_type": "stream", "name": "stdout", "text": ["Printed as Markdown [@printed2020].\n"]},
               {"output_type": "stream", "name": "stderr", "text": ["a warning [@stderr2020]\n"]}]

    def code(options: str) -> dict[str, Any]:
        return cell("code", lines_of(options + "print('...')"), execution_count=1, outputs=printed)

    path = tmp_path / "nb.ipynb"
    text = notebook(PROSE, code("#| output: asis\n#| fig-cap: Not shown [@caption2020]\n"))
    path.write_text(text, encoding="utf-8")
    # Before: the printed Markdown was never read. Quarto writes stdout as it is, with no caption (jupyter.ts).
    assert cites(path)[2:] == [("printed2020", line_holding(text, "Printed as Markdown"))]
    path.write_text(notebook(PROSE, code("")), encoding="utf-8")
    assert cites(path)[2:] == []  # a stream is code output
    front = cell("raw", lines_of("---\nexecute:\n  output: asis\n---"))
    path.write_text(notebook(front, PROSE, code(""), code("#| output: true\n"), code("#| output: false\n")),
                    encoding="utf-8")
    assert [k for k, _ in cites(path)[2:]] == ["printed2020"]  # the document's setting, unless the cell's


def test_a_quarto_manuscript_project_reads_its_notebook_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    # The layout of Quarto's manuscript template: the article is index.ipynb.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_quarto.yml").write_text("project:\n  type: manuscript\nmanuscript:\n  article: index.ipynb\n",
                                          encoding="utf-8")
    text = notebook(FRONT, PROSE)
    (tmp_path / "index.ipynb").write_text(text, encoding="utf-8")
    essay = load_essay(tmp_path / "_quarto.yml")
    assert essay.meta["title"] == "Coastal carbon"  # the article's front matter, in its raw cell
    assert [(Path(c.file or "").name, c.line) for c in essay.claims if c.citations] == [
        ("index.ipynb", line_holding(text, "Wetlands")), ("index.ipynb", line_holding(text, "As @howard2014"))]
    (tmp_path / "refs.bib").write_text(ENTRY.format(key="mcleod2011") + ENTRY.format(key="howard2014"),
                                       encoding="utf-8")
    assert main(["init", "index.ipynb"]) == 0
    assert bibliography_files(load_config(tmp_path, env={})) == (tmp_path / "refs.bib",)  # followed: left out
    assert main(["check", "--no-cache", "--format", "json"]) == 0, capsys.readouterr().out
