"""LR321 bibliography-not-read: the loading stage finds the files the essay names that the settings leave out (and
the line naming each); the check only words the findings."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from litreview.config import Config
from litreview.fileio import relative_name
from litreview.review import build_review

ENTRY = "@book{{{key}, author={{Holsti, K. J.}}, title={{Taming the Sovereigns}}, publisher={{Small Press}}, year={{2004}}}}\n"


def _unread(tmp_path: Path, essay: str, text: str, *, bib: str = "refs.bib") -> list[tuple[str, int | None, str]]:
    (tmp_path / essay).write_text(text, encoding="utf-8")
    (tmp_path / bib).write_text(ENTRY.format(key="holsti2004"), encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay=essay, bibliography=bib, claims=""))
    return [(f.message.split()[0], f.line, f.hint) for f in review.findings if f.code == "LR321"]


def _more(tmp_path: Path, name: str = "more.bib") -> None:
    (tmp_path / name).write_text(ENTRY.format(key="new2002"), encoding="utf-8")


def test_a_latex_bibliography_command_names_the_file_without_its_suffix(tmp_path: Path) -> None:
    # \bibliography{refs,more} names more.bib as "more": the finding was on no line.
    _more(tmp_path)
    text = "\\documentclass{article}\n\\begin{document}\nText.\n\\bibliography{refs,\n  more}\n\\end{document}\n"
    assert [(n, line) for n, line, _ in _unread(tmp_path, "essay.tex", text)] == [("more.bib", 5)]


def test_a_biblatex_resource_is_found_on_its_line(tmp_path: Path) -> None:
    _more(tmp_path)
    text = ("\\documentclass{article}\n% more.bib is the new one\n\\addbibresource{refs.bib}\n"
            "\\addbibresource{more.bib}\n\\begin{document}\nText.\n\\end{document}\n")
    assert [(n, line) for n, line, _ in _unread(tmp_path, "essay.tex", text)] == [("more.bib", 4)]


def test_the_front_matter_line_names_the_whole_file_name(tmp_path: Path) -> None:
    # "refs.bib" is inside "allrefs.bib": the finding went to the line of the other file.
    (tmp_path / "refs.bib").write_text(ENTRY.format(key="new2002"), encoding="utf-8")
    text = "---\ntitle: Notes\nbibliography:\n  - allrefs.bib\n  - refs.bib\n---\n\nText [@holsti2004].\n"
    assert [(n, line) for n, line, _ in _unread(tmp_path, "essay.md", text, bib="allrefs.bib")] == [("refs.bib", 5)]


def test_a_mention_in_the_prose_is_no_naming_line(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbibliography: more.bib\n", encoding="utf-8")
    _more(tmp_path)
    text = "# Notes\n\nThe file more.bib holds the new entries [@holsti2004].\n"
    assert [(n, line) for n, line, _ in _unread(tmp_path, "essay.md", text)] == [("more.bib", None)]


def test_the_hint_writes_a_name_with_a_quote_as_valid_toml(tmp_path: Path) -> None:
    name = 'we"ird\\name.bib'
    _more(tmp_path, name)
    text = f"---\nbibliography:\n  - refs.bib\n  - '{name}'\n---\n\nText [@holsti2004].\n"
    [(_, line, hint)] = _unread(tmp_path, "essay.md", text)
    setting = hint.removeprefix("Read them all: ").split(" in the settings")[0]
    assert line == 4
    assert tomllib.loads(setting) == {"bibliography": ["refs.bib", name]}


def test_the_stale_setting_hint_writes_a_name_with_a_quote_as_valid_toml(tmp_path: Path) -> None:
    from litreview.errors import InputError

    name = 'li"b.bib'
    _more(tmp_path, name)
    (tmp_path / "essay.md").write_text(f"---\nbibliography: '{name}'\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_review(Config(root=tmp_path, essay="essay.md", bibliography="gone.bib", claims=""))
    setting = (caught.value.hint or "").split("write ")[1].split(" in ")[0]
    assert tomllib.loads(setting) == {"bibliography": name}


def test_relative_names_across_windows_drives_are_kept_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    def other_drive(path: object, start: object = None) -> str:
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    assert relative_name("/project/refs.bib", "/project") == "refs.bib"
    assert relative_name("/elsewhere/refs.bib", "/project") == "/elsewhere/refs.bib"
    assert relative_name("/elsewhere/refs.bib", "/project", up=True) == "../elsewhere/refs.bib"
    monkeypatch.setattr(os.path, "relpath", other_drive)
    assert relative_name("/elsewhere/refs.bib", "/project", up=True) == "/elsewhere/refs.bib"


def test_the_check_reads_no_file() -> None:
    # The loading stage found them: the check words the findings from the value alone.
    from litreview.checks.size import check_unread_bibliographies
    from litreview.model import Essay, UnreadBibliographies

    essay = Essay(path="nowhere/essay.md", body="", paragraphs=())
    unread = UnreadBibliographies(files=(("more.bib", 3),), setting=("refs.bib", "more.bib"))
    [found] = check_unread_bibliographies(essay, unread)
    assert (found.code, found.file, found.line) == ("LR321", "nowhere/essay.md", 3)
    assert found.hint.startswith('Read them all: bibliography = ["refs.bib", "more.bib"] in the settings')
    assert check_unread_bibliographies(essay, UnreadBibliographies()) == []


def test_unread_bibliographies_are_found_when_loading() -> None:
    # more.bib holds an entry the review's bibliography lacks; copy.bib only entries it has (a combined copy, read
    # in effect); absent.bib does not exist (the readers say so). The essay's file is not there: no line.
    from litreview.bibliography.load import load_bibliography, parse_bibliography
    from litreview.model import Essay
    from litreview.review import unread_bibliographies

    case = Path(__file__).parent / "cases" / "checks_unread_bibliography"
    read = load_bibliography(case / "copy.bib")
    essay = Essay(path=str(case / "essay.md"), body="", paragraphs=(), meta={"bibliography": ["more.bib"]})
    found = unread_bibliographies(essay, read, case)
    assert (found.files, found.setting) == ((("more.bib", None),), ("copy.bib", "more.bib"))
    essay = Essay(path=str(case / "essay.md"), body="", paragraphs=(), meta={"bibliography": ["copy.bib", "absent.bib"]})
    whole = parse_bibliography(ENTRY.format(key="holsti2004taming") + ENTRY.format(key="keohane2012power"), "refs.bib")
    assert unread_bibliographies(essay, whole, case).files == ()


def test_a_named_bibliography_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    # A book names three bibliographies and one is missing; the settings name the others, so the check went on and
    # said nothing of it, while quarto stops on it and its entries' citations are each "matches no entry".
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbibliography:\n  - refs.bib\n  - kwai.bib\n",
                                          encoding="utf-8")
    found = _unread(tmp_path, "essay.md", "# Notes\n\nText [@holsti2004].\n")
    assert found == [("kwai.bib", None, "Add the file (from where the document is built), or take it out of "
                                        "_quarto.yml")]
    # the whole book reviewed: at the line of its settings that names the file
    (tmp_path / "index.md").write_text("# Notes\n\nText [@holsti2004].\n", encoding="utf-8")
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters: [index.md]\nbibliography:\n"
                                          "  - refs.bib\n  - kwai.bib\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="_quarto.yml", bibliography="refs.bib", claims=""))
    assert [(f.file, f.line) for f in review.findings if f.code == "LR321"] == [("_quarto.yml", 7)]
    front = "---\nbibliography:\n  - refs.bib\n  - absent.bib\n---\n\nText [@holsti2004].\n"
    (tmp_path / "_quarto.yml").unlink()
    assert [(n, line) for n, line, _ in _unread(tmp_path, "essay.md", front)] == [("absent.bib", 4)]


def test_a_named_bibliography_read_from_the_folder_pandoc_runs_in_is_not_missing(tmp_path: Path) -> None:
    # A chapter names refs.bib, which lies in the review's folder, where pandoc is run: the settings read it there.
    (tmp_path / "ch").mkdir()
    text = "---\nbibliography: refs.bib\n---\n\nText [@holsti2004].\n"
    assert _unread(tmp_path, "ch/essay.md", text) == []


def test_a_missing_bibliography_of_a_bibtex_build_without_a_style_command_is_said_as_bibtex_does(
        tmp_path: Path) -> None:
    # \bibliography{refs} and no \bibliographystyle (the class sets the style): BibTeX builds it, not biber, and the
    # message said "biber stops on it"; a citation of an alias (ids) finds no entry there either.
    (tmp_path / "refs.bib").write_text("@book{holsti2004,\n  ids = {h04},\n  author = {Holsti, K.},\n  title = {T},\n"
                                       "  publisher = {P},\n  year = {2004},\n}\n", encoding="utf-8")
    paper = ("\\documentclass{revtex4-2}\n\\begin{document}\nText \\cite{holsti2004}, \\cite{h04}.\n"
             "\\bibliography{refs,gone}\n\\end{document}\n")
    (tmp_path / "paper.tex").write_text(paper, encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="paper.tex", bibliography="refs.bib", claims=""))
    assert [(f.line, f.message.split(": ", 1)[1]) for f in review.findings if f.code == "LR321"] == [
        (4, "BibTeX warns \"I couldn't open database file gone.bib\" and prints none of its entries, and a citation "
            "of an entry it should hold matches no entry")]
    [alias] = [f.message for f in review.findings if f.code == "LR300"]
    assert alias.endswith("it is an alias in the ids of 'holsti2004', which biber resolves and BibTeX, which builds "
                          "this paper, does not")


def test_a_bibliography_the_tex_distribution_ships_is_not_missing(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # IEEEtran's template names IEEEabrv (the journal abbreviations TeX Live installs), which BibTeX finds by name.
    import subprocess

    paper = ("\\documentclass{IEEEtran}\n\\begin{document}\nText \\cite{holsti2004}.\n"
             "\\bibliographystyle{IEEEtran}\n\\bibliography{IEEEabrv,refs%s}\n\\end{document}\n")
    assert _unread(tmp_path, "paper.tex", paper % "") == []
    from litreview.essay import tex_shipped

    monkeypatch.setattr(tex_shipped.shutil, "which", lambda name: None)  # no kpsewhich: the table alone
    tex_shipped._kpsewhich.cache_clear()
    # a file the document lacks: BibTeX warns and goes on (not "pandoc stops"); biber stops
    [(name, line, _)] = _unread(tmp_path, "paper.tex", paper % ",jabbrv")
    assert (name, line) == ("jabbrv.bib", 5)
    review = build_review(Config(root=tmp_path, essay="paper.tex", bibliography="refs.bib", claims=""))
    [message] = [f.message for f in review.findings if f.code == "LR321"]
    assert message == ("jabbrv.bib is named as a bibliography by paper.tex but does not exist: BibTeX warns \"I "
                       "couldn't open database file jabbrv.bib\" and prints none of its entries, and a citation of an "
                       "entry it should hold matches no entry")
    biblatex = ("\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n"
                "\\addbibresource{jabbrv.bib}\n\\begin{document}\nText \\cite{holsti2004}.\n\\end{document}\n")
    (tmp_path / "paper.tex").write_text(biblatex, encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="paper.tex", bibliography="refs.bib", claims=""))
    assert [f.message.split(": ")[1] for f in review.findings if f.code == "LR321"] == [
        "biber stops on it with an error, and a citation of an entry it should hold matches no entry"]

    # kpsewhich, when installed, finds the others the distribution has (and a failing one is no crash)
    def kpsewhich(args: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        if args[1] == "jabbrv.bib":
            return subprocess.CompletedProcess(args, 0, "/texmf/bibtex/bib/jabbrv.bib\n", "")
        raise subprocess.TimeoutExpired(args, 3)

    monkeypatch.setattr(tex_shipped.shutil, "which", lambda name: "/bin/kpsewhich")
    monkeypatch.setattr(tex_shipped.subprocess, "run", kpsewhich)
    tex_shipped._kpsewhich.cache_clear()
    assert _unread(tmp_path, "paper.tex", paper % ",jabbrv") == []
    assert [n for n, _, _ in _unread(tmp_path, "paper.tex", paper % ",absent")] == ["absent.bib"]
    tex_shipped._kpsewhich.cache_clear()


def test_a_bibliography_the_document_writes_when_built_is_not_missing(tmp_path: Path) -> None:
    # bookdown's template: packages.bib is written by a chunk of the document (knitr::write_bib) when it is built.
    text = ("---\nbibliography: [refs.bib, packages.bib%s]\n---\n\n```{r include=FALSE}\n"
            "knitr::write_bib(c(.packages(), 'bookdown',\n  'knitr'), 'packages.bib')\n```\n\nText [@holsti2004].\n")
    assert _unread(tmp_path, "essay.Rmd", text % "") == []
    # R inline code, which knitr replaces by a file's name, is no file name
    assert _unread(tmp_path, "essay.Rmd", text % ", \"`r here::here('x.bib')`\"") == []
    # nor is an R expression (!expr), which rmarkdown evaluates: its text is no file name either
    assert _unread(tmp_path, "essay.Rmd", text % ", !expr here::here('x.bib')") == []
    # a file no call writes is still missing
    assert [n for n, _, _ in _unread(tmp_path, "essay.Rmd", text.replace("'packages.bib')", "'other.bib')") % "")] \
        == ["packages.bib"]


@pytest.mark.parametrize(("style", "told"), [("numeric.csl", True), ("styles/apa", True), ("here.csl", False),
                                             ("here", False), ("https://example.org/apa.csl", False)])
def test_a_citation_style_the_front_matter_names_that_is_not_there_is_a_warning(
        tmp_path: Path, style: str, told: bool) -> None:
    # `csl: numeric.csl` named in the front matter and absent: pandoc stops rendering ("File numeric.csl not found in
    # resource path"); init named it, check said nothing. A style beside the essay (pandoc adds .csl to a name
    # without it) or given by URL is no finding.
    (tmp_path / "here.csl").write_text("<style/>", encoding="utf-8")
    text = f"---\ntitle: Informe\nbibliography: refs.bib\ncsl: {style}\n---\n\nText [@holsti2004].\n"
    (tmp_path / "Informe.Rmd").write_text(text, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(ENTRY.format(key="holsti2004"), encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="Informe.Rmd", bibliography="refs.bib", claims=""))
    found = [f for f in review.findings if f.code == "LR329"]
    assert [(f.severity, f.file and Path(f.file).name, f.line) for f in found] == (
        [("warning", "Informe.Rmd", 4)] if told else []), found
    if told:
        assert style in found[0].message and "pandoc stops" in found[0].message, found[0]
        assert style in found[0].hint, found[0]


def test_a_style_a_quarto_project_names_is_looked_for_in_the_project_folder(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n    - ch/one.qmd\n"
                                          "bibliography: refs.bib\ncsl: apa.csl\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(ENTRY.format(key="holsti2004"), encoding="utf-8")
    (tmp_path / "index.qmd").write_text("# Preface\n\nText.\n", encoding="utf-8")
    (tmp_path / "ch").mkdir()
    (tmp_path / "ch" / "one.qmd").write_text("# One\n\nText [@holsti2004].\n", encoding="utf-8")
    config = Config(root=tmp_path, essay="ch/one.qmd", bibliography="refs.bib", claims="")
    missing = [f for f in build_review(config).findings if f.code == "LR329"]
    assert len(missing) == 1 and "apa.csl" in missing[0].message, missing
    (tmp_path / "apa.csl").write_text("<style/>", encoding="utf-8")
    assert not [f for f in build_review(config).findings if f.code == "LR329"]
