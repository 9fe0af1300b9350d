"""A Markdown manuscript kept in several files that pandoc joins (`pandoc ch1.md ch2.md --citeproc`): the files
a build file, a pandoc defaults file or the settings' essay list names, read as one essay, each claim at its own
file and line; a file pandoc reads alone stays an essay of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.cli import main
from litreview.config import load_config
from litreview.errors import ConfigError, EssayError
from litreview.essay import load_essay
from litreview.pandoc_options import pandoc_inputs
from litreview.review import bibliography_files

ENTRY = "@article{{{key},\n  author = {{Doe, Jane}},\n  title = {{T {key}}},\n  journal = {{J}},\n  year = {{1990}},\n}}\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    monkeypatch.delenv("LITREVIEW_ESSAY", raising=False)
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters/01-intro.md").write_text("---\ntitle: Paper\n---\n\n# Intro\n\nFirst [@a].\n",
                                                   encoding="utf-8")
    (tmp_path / "chapters/02-method.md").write_text("# Method\n\nWe\nfollow [@b].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("".join(ENTRY.format(key=k) for k in "abc"), encoding="utf-8")
    return tmp_path


def cited(path: Path) -> list[tuple[str, int, list[str]]]:
    essay = load_essay(path)
    return [(Path(c.file or "").name, c.line, [x.key for x in c.citations]) for c in essay.claims if c.citations]


@pytest.mark.parametrize("command", ["pandoc chapters/01-intro.md chapters/02-method.md --citeproc "
                                     "--bibliography refs.bib -o paper.pdf",
                                     "pandoc -s -t html --citeproc --bibliography=refs.bib -o paper.html chapters/*.md",
                                     "pandoc -C $(SRC) -M bibliography=refs.bib"])
def test_the_files_a_makefile_joins_are_one_essay_each_claim_at_its_file_and_line(here: Path, command: str) -> None:
    (here / "Makefile").write_text(f"SRC = chapters/01-intro.md chapters/02-method.md\n\nall:\n\t{command}\n",
                                   encoding="utf-8")
    assert cited(here / "Makefile") == [("01-intro.md", 7, ["a"]), ("02-method.md", 3, ["b"])]
    assert load_essay(here / "Makefile").meta["bibliography"] == "refs.bib"


def test_a_defaults_files_input_files_are_one_essay(here: Path) -> None:
    (here / "paper.yaml").write_text("input-files:\n  - chapters/01-intro.md\n  - chapters/02-method.md\n"
                                     "bibliography: refs.bib\ncite-method: citeproc\n", encoding="utf-8")
    assert cited(here / "paper.yaml") == [("01-intro.md", 7, ["a"]), ("02-method.md", 3, ["b"])]


def test_options_values_are_no_input_files() -> None:
    assert pandoc_inputs(["pandoc", "-t", "html", "--css", "x.md", "-o", "out.md", "a.md", "-V", "b.md",
                          "meta.yaml", "c.markdown"], None) == ["a.md", "c.markdown"]


def test_init_on_one_chapter_reviews_all_the_files_pandoc_joins(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "build.sh").write_text("#!/bin/sh\npandoc chapters/01-intro.md chapters/02-method.md --citeproc "
                                   "--bibliography refs.bib -o paper.pdf\n", encoding="utf-8")
    assert main(["init", "chapters/02-method.md"]) == 0
    out = capsys.readouterr().out
    assert "02-method.md is one of the files build.sh has pandoc join" in out
    config = load_config(here, env={})
    assert config.essay == "build.sh"
    assert [p.name for p in bibliography_files(config)] == ["refs.bib"]
    assert main(["check", "--format", "json"]) in (0, 1)
    report = capsys.readouterr().out
    assert '"LR307"' in report and "[c]" not in report.split('"LR307"')[0][-200:]
    unused = [line for line in report.splitlines() if "no claim relies on" in line]
    assert unused and all("'c'" in line for line in unused)  # a and b are cited, each in its own chapter


def test_a_chapter_pandoc_reads_alone_stays_an_essay_of_its_own(here: Path) -> None:
    (here / "Makefile").write_text("all:\n\tpandoc chapters/01-intro.md --citeproc -o intro.pdf\n", encoding="utf-8")
    assert main(["init", "chapters/01-intro.md"]) == 0
    assert load_config(here, env={}).essay == "chapters/01-intro.md"


def test_the_settings_list_the_files_by_hand(here: Path) -> None:
    (here / "litreview.toml").write_text('essay = ["chapters/01-intro.md", "chapters/02-method.md"]\n'
                                         'bibliography = "refs.bib"\n', encoding="utf-8")
    config = load_config(here, env={})
    assert config.essay == "litreview.toml"
    assert cited(config.path("essay")) == [("01-intro.md", 7, ["a"]), ("02-method.md", 3, ["b"])]


@pytest.mark.parametrize(("listed", "message"), [('["chapters/01-intro.md", "refs.bib"]', "reads as BibLaTeX, not Markdown"),
                                                 ("[]", "must name one file or a list"),
                                                 ('["a.md", 3]', "must name one file or a list")])
def test_a_bad_essay_list_is_an_error_at_its_line(here: Path, listed: str, message: str) -> None:
    (here / "litreview.toml").write_text(f'bibliography = "refs.bib"\nessay = {listed}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(here, env={})
    assert caught.value.line == 2 and caught.value.path and caught.value.path.endswith("litreview.toml")


def test_a_listed_file_missing_is_an_error_naming_it(here: Path) -> None:
    (here / "litreview.toml").write_text('essay = ["chapters/01-intro.md", "chapters/03.md"]\n', encoding="utf-8")
    with pytest.raises(EssayError, match="not found") as caught:
        load_essay(load_config(here, env={}).path("essay"))
    assert "03.md" in str(caught.value.path) and "litreview.toml" in caught.value.hint


def test_one_file_listed_is_that_file(here: Path) -> None:
    (here / "litreview.toml").write_text('essay = ["chapters/01-intro.md"]\n', encoding="utf-8")
    assert load_config(here, env={}).essay == "chapters/01-intro.md"


def test_a_file_a_build_joins_reviewed_alone_says_the_others_are_unread(here: Path) -> None:
    from litreview.essay import IN_BOOK

    (here / "Makefile").write_text("all:\n\tpandoc chapters/01-intro.md chapters/02-method.md -o out.pdf\n",
                                   encoding="utf-8")
    assert load_essay(here / "chapters/02-method.md").meta[IN_BOOK] == str(here / "Makefile")
    (here / "Makefile").write_text("all:\n\tpandoc chapters/02-method.md -o out.pdf\n", encoding="utf-8")
    assert IN_BOOK not in load_essay(here / "chapters/02-method.md").meta


def test_a_pattern_matches_in_a_folder_whose_name_holds_a_pattern_character(tmp_path: Path) -> None:
    # The shell matches "chapters/*.md" in the folder make runs in, whatever that folder's own name holds.
    folder = tmp_path / "[draft] paper"
    (folder / "chapters").mkdir(parents=True)
    (folder / "chapters/1.md").write_text("One [@a].\n", encoding="utf-8")
    (folder / "chapters/2.md").write_text("Two [@b].\n", encoding="utf-8")
    (folder / "Makefile").write_text("all:\n\tpandoc -C chapters/*.md -o out.html\n", encoding="utf-8")
    assert cited(folder / "Makefile") == [("1.md", 1, ["a"]), ("2.md", 1, ["b"])]


def test_a_build_files_variable_of_a_long_run_of_blanks_is_read_in_linear_time(tmp_path: Path) -> None:
    # A value with a run of blanks inside ("SRC = a.md <100 KB of spaces> b.md") took time quadratic in the run
    # (40 KB: 8 s), on every check of a Markdown file beside it.
    import time

    from litreview.pandoc_options import pandoc_commands

    (tmp_path / "Makefile").write_text("SRC = a.md" + " " * 150_000 + "b.md  \nall:\n\tpandoc $(SRC)\n",
                                       encoding="utf-8")
    start = time.process_time()
    assert pandoc_commands(tmp_path / "Makefile") == [(["pandoc", "a.md", "b.md"], ["all"])]
    assert time.process_time() - start < 2.0


def test_a_defaults_file_not_in_utf8_lists_no_inputs_while_a_build_file_is_read_with_its_bytes_replaced(
        tmp_path: Path) -> None:
    from litreview.pandoc_options import defaults_input_files, read_small

    (tmp_path / "book.yaml").write_bytes("input-files: [caf\u00e9.md, b.md]\n".encode("latin-1"))
    (tmp_path / "build.sh").write_bytes("pandoc caf\u00e9.md\n".encode("latin-1"))
    assert defaults_input_files(tmp_path / "book.yaml") == []
    assert read_small(tmp_path / "build.sh") == "pandoc caf\ufffd.md\n"
    assert read_small(tmp_path / "build.sh", strict=True) == ""


THESIS_MAKEFILE = """PY=python
PANDOC=pandoc

BASEDIR=$(CURDIR)
INPUTDIR=$(BASEDIR)/source
OUTPUTDIR=$(BASEDIR)/output
STYLEDIR=$(BASEDIR)/style

BIBFILE=$(INPUTDIR)/references.bib

pdf:
\tpandoc "$(INPUTDIR)"/*.md \\
\t-o "$(OUTPUTDIR)/thesis.pdf" \\
\t-H "$(STYLEDIR)/preamble.tex" \\
\t--bibliography="$(BIBFILE)" 2>pandoc.log \\
\t--csl="$(STYLEDIR)/ref_format.csl" \\
\t-N \\
\t--pdf-engine=xelatex
"""


def test_a_thesis_template_makefile_of_variables_set_from_variables_and_curdir_is_followed(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The thesis template's Makefile: BIBFILE=$(INPUTDIR)/references.bib, INPUTDIR=$(BASEDIR)/source,
    # BASEDIR=$(CURDIR) (make's own variable: the folder it runs in). Expanded one level only, it named no input.
    (here / "chapters").rename(here / "source")
    (here / "refs.bib").rename(here / "source/references.bib")
    (here / "Makefile").write_text(THESIS_MAKEFILE, encoding="utf-8")
    assert cited(here / "Makefile") == [("01-intro.md", 7, ["a"]), ("02-method.md", 3, ["b"])]
    assert main(["init", "source/01-intro.md"]) == 0
    config = load_config(here)
    assert [Path(p).name for p in bibliography_files(config)] == ["references.bib"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A = a.md\nB := $(A) ${C}\nC ?= c.md\nC ?= d.md\nall:\n\tpandoc $(B)\n", ["pandoc", "a.md", "c.md"]),
    ("A = first.md\nA = last.md\nall:\n\tpandoc $(A)\n", ["pandoc", "last.md"]),
    ("A = $(B)x.md\nB = $(A)\nall:\n\tpandoc $(A)\n", ["pandoc", "$(A)x.md"]),  # a cycle: left as written
    ("D = $(CURDIR)/d\nall:\n\tpandoc $(D)/a.md\n", ["pandoc", "./d/a.md"]),
])
def test_make_variables_expand_through_one_another_and_a_cycle_stops(tmp_path: Path, text: str,
                                                                     expected: list[str]) -> None:
    from litreview.pandoc_options import pandoc_commands

    (tmp_path / "Makefile").write_text(text, encoding="utf-8")
    assert pandoc_commands(tmp_path / "Makefile")[0][0] == expected


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("build.sh", 'OPTS="--csl=apa.csl"\nOPTS="$OPTS --bibliography=refs.bib"\npandoc $OPTS a.md\n',
     ["pandoc", "--csl=apa.csl", "--bibliography=refs.bib", "a.md"]),
    ("Makefile", "F := --csl=apa.csl\nF := $(F) --citeproc\nF += -M x=1\nall:\n\tpandoc $(F) a.md\n",
     ["pandoc", "--csl=apa.csl", "--citeproc", "-M", "x=1", "a.md"]),
])
def test_a_variable_set_from_its_own_earlier_value_keeps_that_value(tmp_path: Path, name: str, text: str,
                                                                     expected: list[str]) -> None:
    # OPTS="$OPTS ..." (a shell script) and F := $(F) ... (Make) extend the value set before; read as a cycle, the
    # earlier options (the style) were lost and "$OPTS" left as a word
    from litreview.pandoc_options import pandoc_commands

    (tmp_path / name).write_text(text, encoding="utf-8")
    assert pandoc_commands(tmp_path / name)[0][0] == expected


def test_a_variable_doubling_itself_line_after_line_is_read_in_bounded_time(tmp_path: Path) -> None:
    import time

    from litreview.pandoc_options import pandoc_commands

    (tmp_path / "Makefile").write_text("A := x.md\n" + "A := $(A) $(A)\n" * 60 + "all:\n\tpandoc $(A)\n",
                                       encoding="utf-8")
    start = time.process_time()
    words = pandoc_commands(tmp_path / "Makefile")[0][0]
    assert time.process_time() - start < 2.0
    # 2**60 copies would pass the growth budget: the command is left as written, not expanded in part
    assert words == ["pandoc", "$(A)"]
    # three doublings are within it: eight copies of the one name
    (tmp_path / "Makefile").write_text("A := x.md\n" + "A := $(A) $(A)\n" * 3 + "all:\n\tpandoc $(A)\n",
                                       encoding="utf-8")
    assert pandoc_commands(tmp_path / "Makefile")[0][0] == ["pandoc"] + ["x.md"] * 8


def test_variables_doubling_at_every_level_are_read_in_bounded_time(tmp_path: Path) -> None:
    import time

    from litreview.pandoc_options import pandoc_commands

    lines = [f"V{i} = $(V{i + 1})$(V{i + 1})$(V{i + 1})$(V{i + 1})" for i in range(40)]
    (tmp_path / "Makefile").write_text("\n".join([*lines, "V40 = x.md", "all:", "\tpandoc $(V0) " * 2000]),
                                       encoding="utf-8")
    start = time.process_time()
    pandoc_commands(tmp_path / "Makefile")
    assert time.process_time() - start < 2.0
