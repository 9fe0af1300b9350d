"""`litreview init` on each manuscript form: the bibliography it names is the one reviewed, or init says why not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.cli import main
from litreview.config import load_config
from litreview.review import bibliography_files

ENTRY = "@book{{{key},\n  author = {{Doe, Jane}},\n  title = {{A Book}},\n  publisher = {{Pub}},\n  year = {{2001}},\n}}\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def bib(path: Path, key: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ENTRY.format(key=key), encoding="utf-8")

def check_codes(capsys: pytest.CaptureFixture[str]) -> set[str]:
    """The codes of ``litreview check`` on the project init wrote."""
    capsys.readouterr()
    main(["check", "--format", "json"])
    return {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}



def settings(folder: Path) -> tuple[str, str | tuple[str, ...]]:
    """The essay setting and the bibliography the review reads: the setting's files, or the ones the essay names
    when the settings leave it out to follow the essay."""
    config = load_config(folder, env={})
    files = tuple(path.relative_to(folder).as_posix() for path in bibliography_files(config))
    return config.essay, files[0] if len(files) == 1 else files


@pytest.mark.parametrize("preamble", [r"\usepackage{biblatex}\addbibresource{refs.bib}",
                                      "\\usepackage{natbib}\n% \\bibliography{old}\n\\bibliography{refs}"])
def test_a_latex_paper_uses_the_bibliography_it_names(here: Path, preamble: str) -> None:
    # Two other .bib files beside it: only the command in the preamble can tell which one is used.
    for name in ("aaa", "refs", "old"):
        bib(here / f"{name}.bib", name)
    (here / "paper.tex").write_text(f"\\documentclass{{article}}\n{preamble}\n\\begin{{document}}\n"
                                    "Text \\cite{refs}.\n\\end{document}\n", encoding="utf-8")
    assert main(["init", "paper.tex"]) == 0
    assert settings(here) == ("paper.tex", "refs.bib")


def test_a_latex_paper_that_names_no_bibliography_is_told_so(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A standalone paper (\documentclass) with \cite and no \bibliography: LaTeX prints no reference list, and init
    # took the .bib beside it without a word.
    bib(here / "chapters" / "refs.bib", "refs")
    (here / "chapters" / "paper.tex").write_text("\\documentclass{article}\n\\usepackage{natbib}\n"
                                                 "% \\bibliography{refs}\n\\begin{document}\nText \\citep{refs}.\n"
                                                 "\\end{document}\n", encoding="utf-8")
    assert main(["init", "chapters/paper.tex"]) == 0
    assert settings(here) == ("chapters/paper.tex", "chapters/refs.bib")
    out = capsys.readouterr().out
    assert ("note: paper.tex names no bibliography (no \\bibliography or \\addbibresource), so LaTeX prints no reference "
            "list and its citations as ?: the review reads chapters/refs.bib, the one .bib beside it (to read "
            "another: litreview init --bib FILE)") in " ".join(out.split())


def test_a_latex_chapter_names_no_bibliography_without_a_note(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A chapter \input into its thesis has no \documentclass: its main file names the bibliography.
    bib(here / "refs.bib", "refs")
    (here / "ch1.tex").write_text("\\chapter{One}\nText \\cite{refs}.\n", encoding="utf-8")
    assert main(["init", "ch1.tex"]) == 0
    assert settings(here) == ("ch1.tex", "refs.bib")
    assert "names no bibliography" not in capsys.readouterr().out


def test_a_latex_papers_bibliography_named_in_an_input_file_is_used(here: Path) -> None:
    for name in ("aaa", "refs"):
        bib(here / f"{name}.bib", name)
    (here / "back.tex").write_text("\\bibliographystyle{plain}\n\\bibliography{refs}\n", encoding="utf-8")
    (here / "paper.tex").write_text("\\begin{document}\nText \\cite{refs}.\n\\input{back}\n\\end{document}\n",
                                    encoding="utf-8")
    assert main(["init", "paper.tex"]) == 0
    assert settings(here) == ("paper.tex", "refs.bib")


def test_several_bibliographies_in_the_front_matter_are_all_kept(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib(here / "a.bib", "a")
    (here / "b.json").write_text('[{"id": "b", "type": "book", "title": "B"}]', encoding="utf-8")
    (here / "paper.Rmd").write_text("---\ntitle: T\nbibliography: [a.bib, b.json, gone.bib]\n---\n\n"
                                    "Text [@a; @b].\n", encoding="utf-8")
    assert main(["init", "paper.Rmd"]) == 0
    out = capsys.readouterr().out
    assert settings(here) == ("paper.Rmd", ("a.bib", "b.json"))
    assert 'bibliography = ["a.bib", "b.json"]' in (here / "litreview.toml").read_text(encoding="utf-8")
    assert "names the bibliography gone.bib, which does not exist" in out
    main(["check", "--format", "json"])
    assert "LR300" not in {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_a_quarto_chapter_uses_the_projects_bibliography(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n"
                                      "    - chapters/one.qmd\nbibliography: references.bib\n", encoding="utf-8")
    bib(here / "references.bib", "a")
    (here / "index.qmd").write_text("# Preface\n\nText [@a].\n", encoding="utf-8")
    (here / "chapters").mkdir()
    (here / "chapters" / "one.qmd").write_text("# One\n\nMore text [@a].\n", encoding="utf-8")
    assert main(["init", "chapters/one.qmd"]) == 0
    assert settings(here) == ("chapters/one.qmd", "references.bib")
    assert "one chapter of a book" in (out := capsys.readouterr().out) and "init _quarto.yml" in out


@pytest.mark.parametrize("project", ["project:\n  type: manuscript\nmanuscript:\n  article: index.qmd\n",
                                     "project:\n  type: website\n", "project:\n  type: default\n"])
def test_a_manuscripts_article_or_a_website_page_is_no_chapter(here: Path, project: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # A manuscript project's article is the whole manuscript; a website's page stands alone.
    (here / "_quarto.yml").write_text(project + "bibliography: references.bib\n", encoding="utf-8")
    bib(here / "references.bib", "a")
    (here / "index.qmd").write_text("# Title\n\nText [@a].\n", encoding="utf-8")
    assert main(["init", "index.qmd"]) == 0
    assert "chapter" not in capsys.readouterr().out
    main(["check", "--format", "json"])
    assert "LR300" not in {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_a_quarto_book_is_reviewed_whole_and_other_yaml_is_no_manuscript(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "_quarto.yml").write_text('book:\n  title: "A title in quotes"\n', encoding="utf-8")
    assert main(["init", "_quarto.yml"]) == 2  # no chapters: nothing to review, nothing written
    assert "lists no chapters" in capsys.readouterr().err
    assert not (here / "litreview.toml").exists()
    (here / "_quarto.yml").write_text('book:\n  title: "Coastal carbon"\n  chapters: [index.qmd]\n'
                                      "bibliography: references.bib\n", encoding="utf-8")
    (here / "index.qmd").write_text("# Preface\n\nText [@a].\n", encoding="utf-8")
    bib(here / "references.bib", "a")
    assert main(["init", "_quarto.yml"]) == 0
    assert settings(here) == ("_quarto.yml", "references.bib")
    assert "Review: Coastal carbon" in (here / "mkdocs.yml").read_text(encoding="utf-8")
    (here / "other.yml").write_text("key: value\n", encoding="utf-8")
    assert main(["check", "--essay", "other.yml"]) == 2  # never its keys reviewed as sentences
    assert "other.yml: a .yml file is not a manuscript" in capsys.readouterr().err
    (here / "paper.docx").write_bytes(b"PK\x03\x04")
    assert main(["check", "--essay", "paper.docx"]) == 2
    assert "paper.docx: a .docx file is not a manuscript" in capsys.readouterr().err


def test_a_manubot_content_folder_is_set_up_and_its_sources_listed(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "content").mkdir()
    (here / "content" / "01.main.md").write_text("## Main\n\nPreprints are cited [@doi:10.1000/xyz1].\n",
                                                 encoding="utf-8")
    assert main(["init", "content"]) == 0
    assert "the works the manuscript cites, by identifier" in capsys.readouterr().out
    assert settings(here)[0] == "content"
    assert main(["sources", "--format", "csv"]) == 0  # the manuscript's identifiers, as check sees them
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and rows[1].startswith("doi:10.1000/xyz1,")


def test_an_empty_folder_is_no_manuscript(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "drafts").mkdir()
    assert main(["init", "drafts"]) == 2
    assert "the folder has no .md files" in capsys.readouterr().err


def test_a_latex_paper_copied_from_elsewhere_warns_of_its_input_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    drafts, repo = tmp_path / "drafts", tmp_path / "repo"
    (drafts / "sections").mkdir(parents=True)
    repo.mkdir()
    bib(drafts / "refs.bib", "a")
    (drafts / "paper.tex").write_text("\\addbibresource{refs.bib}\n\\begin{document}\n\\input{sections/intro}\n"
                                      "\\end{document}\n", encoding="utf-8")
    (drafts / "sections" / "intro.tex").write_text("Cited \\cite{a}.\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["init", str(drafts / "paper.tex")]) == 0
    assert "reads other files (intro.tex), which are not copied" in capsys.readouterr().out
    assert settings(repo) == ("refs/paper.tex", "refs/refs.bib")
    # The same for an R Markdown thesis's child documents (the note was for LaTeX only).
    (drafts / "thesis.Rmd").write_text("Intro.\n\n```{r child = 'ch1.Rmd'}\n```\n", encoding="utf-8")
    (drafts / "ch1.Rmd").write_text("Chapter [@a].\n", encoding="utf-8")
    other = tmp_path / "repo2"
    other.mkdir()
    monkeypatch.chdir(other)
    assert main(["init", str(drafts / "thesis.Rmd"), "--bib", str(drafts / "refs.bib")]) == 0
    assert "reads other files (ch1.Rmd), which are not copied" in capsys.readouterr().out


def test_accented_names_are_written_as_they_are_and_a_refs_file_is_named(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "my paper").mkdir()
    bib(here / "my paper" / "Référence s.bib", "a")
    (here / "my paper" / "Ébauche 1.Rmd").write_text('---\ntitle: "Écrire"\nbibliography: "Référence s.bib"\n---\n\n'
                                                    "Text [@a].\n", encoding="utf-8")
    (here / "refs").write_text("", encoding="utf-8")
    assert main(["init", "my paper/Ébauche 1.Rmd"]) == 2  # refs/ is where init writes: a file there stops it
    assert "refs exists and is not a folder" in capsys.readouterr().err
    (here / "refs").unlink()
    assert main(["init", "my paper/Ébauche 1.Rmd"]) == 0
    assert 'essay = "my paper/Ébauche 1.Rmd"' in (here / "litreview.toml").read_text(encoding="utf-8")
    assert settings(here) == ("my paper/Ébauche 1.Rmd", "my paper/Référence s.bib")
    assert 'site_name: "Review: Écrire"' in (here / "mkdocs.yml").read_text(encoding="utf-8")
    assert main(["check", "--no-cache"]) == 0  # the paths read back: a is found and cited


def test_a_first_run_without_settings_points_to_init(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "refs/essay.md: essay not found" in err and "litreview init paper.md" in err  # the first input missing
    assert main(["check", "--bib", "mine.bib"]) == 2  # a file named on the command line: no such advice
    assert "litreview init" not in capsys.readouterr().err


def test_a_broken_front_matter_stops_init_at_its_line(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # init went on (an empty refs/bibliography.bib, the settings written): a second run after the fix changed nothing.
    (here / "p.md").write_text("---\ntitle: ok\nbibliography: [a.bib\n---\n\nText [@a].\n", encoding="utf-8")
    assert main(["init", "p.md"]) == 2
    assert "p.md:3: front matter is not valid YAML" in capsys.readouterr().err  # (the line of the "[" never closed)
    assert not (here / "litreview.toml").exists() and not (here / "refs").exists()


def test_a_quarto_include_not_found_stops_init_before_writing(here: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # init wrote the settings and said "Next: litreview check", which then stopped on the include at once (as
    # quarto render does): init stops there, as it does on a book's missing chapter.
    bib(here / "refs.bib", "roe2001")
    (here / "paper").mkdir()
    (here / "paper" / "p.qmd").write_text("---\ntitle: T\nbibliography: ../refs.bib\n---\n\nText [@roe2001].\n\n"
                                          "{{< include _absent.qmd >}}\n", encoding="utf-8")
    assert main(["init", "paper/p.qmd"]) == 2
    assert "paper/p.qmd:8: included file _absent.qmd not found" in capsys.readouterr().err
    assert not (here / "litreview.toml").exists() and not (here / "refs").exists()


def test_a_latex_thesis_with_input_files_missing_is_told_so(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A thesis of which some chapters are not in the folder: init counted the entries they cite as uncited and
    # said nothing of the chapters (check reports each, LR314). It names them, and how many there are.
    (here / "refs.bib").write_text(ENTRY.format(key="a") + "\n" + ENTRY.format(key="b"), encoding="utf-8")
    (here / "ch").mkdir()
    (here / "ch" / "one.tex").write_text("Cited \\cite{a}.\n", encoding="utf-8")
    (here / "thesis.tex").write_text("\\addbibresource{refs.bib}\n\\begin{document}\n\\input{ch/one}\n"
                                     "\\input{ch/two}\n\\input{ch/three.tex}\n\\end{document}\n", encoding="utf-8")
    assert main(["init", "thesis.tex"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert ("thesis.tex reads 2 files that are not here (ch/two at thesis.tex:4, ch/three.tex at thesis.tex:5): "
            "their text and citations are not reviewed") in out, out
    assert "1 of the 2 entries in refs.bib is cited nowhere in thesis.tex (counted without the 2 files not here;" in out


def test_the_site_name_init_writes_holds_no_markup(here: Path) -> None:
    """MkDocs prints site_name into every page unescaped: a title's markup must not reach it."""
    (here / "essay.md").write_text('---\ntitle: "War <script>alert(1)</script> & Peace <b>now</b>"\n---\n\nText.\n',
                                   encoding="utf-8")
    assert main(["init", "essay.md"]) == 0
    text = (here / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Review: War alert(1) & Peace now"' in text


def test_the_site_is_named_by_a_markdown_title_as_pandoc_prints_it(here: Path) -> None:
    """A memoir's title "... récit _L'Analphabète_" named every page with its underscores; pandoc prints the emphasis
    (the name, plain text, its words) and its smart quotes. The close case: a title with no markup, as written."""
    (here / "essay.md").write_text("---\ntitle: \"Le récit _L'Analphabète_ d'Agota Kristof\"\n---\n\nText.\n",
                                   encoding="utf-8")
    assert main(["init", "essay.md"]) == 0
    text = (here / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Review: Le récit L’Analphabète d’Agota Kristof"' in text


def test_the_site_is_named_by_a_heading_not_by_a_code_chunks_comment(here: Path) -> None:
    """An R Markdown chunk's "# Load packages" is an R comment: the site is named by the text's own heading."""
    (here / "essay.Rmd").write_text("```{r setup}\n# Load packages\nlibrary(x)\n```\n\n# Ferns in the field\n\n"
                                    "Text [@doe].\n", encoding="utf-8")
    bib(here / "refs.bib", "doe")
    assert main(["init", "essay.Rmd", "--bib", "refs.bib"]) == 0
    assert 'site_name: "Review: Ferns in the field"' in (here / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_latex_chapters_site_is_named_by_its_chapter(here: Path) -> None:
    (here / "ch.tex").write_text("\\chapter{État de l'art}\n\nText \\cite{doe}.\n\n\\section{Avant}\n\nMore.\n",
                                 encoding="utf-8")
    bib(here / "refs.bib", "doe")
    assert main(["init", "ch.tex"]) == 0
    assert 'site_name: "Review: État de l\'art"' in (here / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_latex_chapter_opening_with_its_one_section_is_named_by_it(here: Path) -> None:
    # A thesis chapter's file, \section{Theoretical framework} and its \subsections: the site was named by the
    # file's name ("Review: theoretical framework"); a paper of several sections is not named by its first.
    (here / "theoretical_framework.tex").write_text(
        "\\section{Theoretical Framework}\n\nText \\cite{doe}.\n\n\\subsection{Core}\n\nMore.\n", encoding="utf-8")
    (here / "paper_two.tex").write_text("\\section{Introduction}\n\nText \\cite{doe}.\n\n\\section{Methods}\n\nMore.\n",
                                        encoding="utf-8")
    bib(here / "refs.bib", "doe")
    assert main(["init", "theoretical_framework.tex"]) == 0
    assert 'site_name: "Review: Theoretical Framework"' in (here / "mkdocs.yml").read_text(encoding="utf-8")
    (here / "mkdocs.yml").unlink()
    assert main(["init", "paper_two.tex"]) == 0
    assert 'site_name: "Review: paper two"' in (here / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_latex_report_of_several_chapters_is_not_named_by_its_first(here: Path) -> None:
    # A Czech seminar paper (report class, its title in a \def of its own, chapters \include'd): the site was
    # named "Review: Úvod" (Introduction), its first chapter. Several chapters name none of them; the file's name does.
    (here / "chapters").mkdir()
    (here / "chapters" / "uvod.tex").write_text("\\chapter{Úvod}\n\nText \\cite{doe}.\n", encoding="utf-8")
    (here / "chapters" / "two.tex").write_text("\\chapter{Marketing}\n\nMore.\n", encoding="utf-8")
    (here / "prace.tex").write_text("\\documentclass{report}\n\\def\\NazevPrace{Generace X}\n\\begin{document}\n"
                                    "\\include{chapters/uvod}\n\\include{chapters/two}\n\\bibliography{refs}\n"
                                    "\\end{document}\n", encoding="utf-8")
    bib(here / "refs.bib", "doe")
    assert main(["init", "prace.tex"]) == 0
    assert 'site_name: "Review: prace"' in (here / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_latex_papers_site_is_named_by_its_title(here: Path) -> None:
    # A LaTeX article's \\title is no front matter: the site was named after the file, "Review: ms".
    (here / "ms.tex").write_text("\\documentclass{article}\n\\newcommand{\\Name}{\\emph{dynoNet}}\n"
                                 "\\title{\\Name: A <b>network</b>}\n\\begin{document}\n\\maketitle\n"
                                 "\\section{Introduction}\n\nText \\cite{doe}.\n\\end{document}\n", encoding="utf-8")
    bib(here / "refs.bib", "doe")
    assert main(["init", "ms.tex"]) == 0
    assert 'site_name: "Review: dynoNet: A network"' in (here / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_csl_json_bibliography_of_the_essays_name_beside_it_is_used(here: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # pandoc's own pairing (paper.md and paper.json, built with --bibliography paper.json): init looked only for a
    # .bib, then read the empty "# References" pandoc fills in as a reference list to import, and stopped there.
    (here / "paper.md").write_text("# Intro\n\nText [@a].\n\n# References\n", encoding="utf-8")
    (here / "paper.json").write_text(json.dumps([{"id": "a", "type": "book", "title": "A Book",
                                                  "issued": {"date-parts": [[2001]]}}]), encoding="utf-8")
    (here / "package.json").write_text("{}", encoding="utf-8")
    assert main(["init", "paper.md"]) == 0
    assert settings(here) == ("paper.md", "paper.json")


def test_the_one_csl_bibliography_beside_the_essay_is_used(here: Path) -> None:
    # A brief whose CSL-YAML list of cases is passed to pandoc by a build script (bibliography.yaml, not named in
    # the front matter): init made an empty refs/bibliography.bib, and every citation was an error.
    (here / "brief.md").write_text("# Facts\n\nThe appeal was dismissed.\n\n[@smith-ca, para. 4]\n", encoding="utf-8")
    (here / "bibliography.yaml").write_text("references:\n- id: smith-ca\n  type: legal_case\n  title: R v Smith\n"
                                            "  authority: 2011 ONCA 12\n", encoding="utf-8")
    (here / "config.yaml").write_text("numbersections: true\n", encoding="utf-8")  # settings, no bibliography
    (here / "package.json").write_text("{}", encoding="utf-8")
    assert main(["init", "brief.md"]) == 0
    assert settings(here) == ("brief.md", "bibliography.yaml")


def test_a_csl_bibliography_over_the_size_read_is_not_offered(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The size limit is the one every CSL file is read under (safeload's): a larger file is not even read.
    from litreview import safeload

    (here / "paper.md").write_text("# Intro\n\nText [@a].\n", encoding="utf-8")
    (here / "cases.json").write_text(json.dumps([{"id": "a", "type": "book", "title": "A Book"}]), encoding="utf-8")
    size = (here / "cases.json").stat().st_size
    monkeypatch.setattr(safeload, "MAX_BYTES", size)
    assert main(["init", "paper.md"]) == 0
    assert settings(here) == ("paper.md", "cases.json")
    (here / "mkdocs.yml").unlink()
    (here / "litreview.toml").unlink()
    monkeypatch.setattr(safeload, "MAX_BYTES", size - 1)
    assert main(["init", "paper.md"]) == 0
    assert settings(here) == ("paper.md", "refs/bibliography.bib")


def test_two_csl_bibliographies_beside_the_essay_are_no_choice_to_make(here: Path) -> None:
    (here / "brief.md").write_text("# Facts\n\nThe appeal was dismissed [@a].\n", encoding="utf-8")
    for name in ("cases.yaml", "old.json"):
        (here / name).write_text(json.dumps([{"id": "a", "type": "book", "title": "A Book"}]), encoding="utf-8")
    assert main(["init", "brief.md"]) == 0
    assert settings(here) == ("brief.md", "refs/bibliography.bib")


def test_an_empty_references_heading_is_no_list_to_import(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The heading under which pandoc prints the reference list, left empty in the source: init stopped with an error.
    (here / "paper.md").write_text("# Intro\n\nText [@a].\n\n# References\n", encoding="utf-8")
    assert main(["init", "paper.md"]) == 0
    assert settings(here) == ("paper.md", "refs/bibliography.bib")
    err = " ".join(capsys.readouterr().out.split())
    assert "'# References' section is empty" in err and "--bib" in err


def test_a_chapter_in_a_subfolder_uses_the_one_bib_of_the_folder_init_runs_in(here: Path) -> None:
    # A thesis's chapters/intro.tex, its main file (which names the .bib) not at hand, the .bib at the root.
    bib(here / "library.bib", "a")
    (here / "chapters").mkdir()
    (here / "chapters" / "intro.tex").write_text("\\section{Intro}\nText \\parencite{a}.\n", encoding="utf-8")
    assert main(["init", "chapters/intro.tex"]) == 0
    assert settings(here) == ("chapters/intro.tex", "library.bib")


def test_a_manubot_manuscripts_site_is_named_by_its_title(here: Path) -> None:
    # Its title is in content/metadata.yaml; the site was named after the folder, "Review: content".
    (here / "paper" / "content").mkdir(parents=True)
    (here / "paper" / "content" / "01.main.md").write_text("## Main\n\nText [@doi:10.1000/xyz1].\n", encoding="utf-8")
    (here / "paper" / "content" / "metadata.yaml").write_text('title: "Priors in biology"\n', encoding="utf-8")
    assert main(["-C", str(here / "paper"), "init", "content"]) == 0
    assert 'site_name: "Review: Priors in biology"' in (here / "paper" / "mkdocs.yml").read_text(encoding="utf-8")
    (here / "paper" / "content" / "metadata.yaml").unlink()
    (here / "paper" / "mkdocs.yml").unlink()
    assert main(["-C", str(here / "paper"), "init", "content"]) == 0  # no title: the manuscript's folder, not "content"
    assert 'site_name: "Review: paper"' in (here / "paper" / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_manubot_folder_with_manual_references_is_said_to_use_them(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The note named only the identifiers cited, for a section that cites every source by a manual reference's id.
    (here / "content").mkdir()
    (here / "content" / "02.intro.md").write_text("## Intro\n\nAs shown [@roe2001Title].\n", encoding="utf-8")
    (here / "content" / "manual-references.json").write_text('[{"id": "roe2001Title", "title": "T"}]\n',
                                                             encoding="utf-8")
    assert main(["init", "content"]) == 0
    # (It read "and the items of content/manual-references.json its keys with no prefix name".)
    assert ("note: the sources are the works the manuscript cites, by identifier (@doi:..., @arxiv:...) as Manubot "
            "reads them; a plain key (@smith2020) names the item of that id in content/manual-references.json"
            ) in " ".join(capsys.readouterr().out.split())


def test_a_manubot_folder_with_other_manual_reference_files_is_said_to_use_them(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The reader reads every manual-references*.* file (CSL-YAML, BibTeX too); the note named only a .json one.
    (here / "content").mkdir()
    (here / "content" / "02.intro.md").write_text("## Intro\n\nAs shown [@roe2001Title].\n", encoding="utf-8")
    (here / "content" / "manual-references.yaml").write_text("- id: roe2001Title\n  title: T\n", encoding="utf-8")
    (here / "content" / "manual-references-extra.bib").write_text("@misc{poe2002,\n  title = {U},\n}\n",
                                                                  encoding="utf-8")
    assert main(["init", "content"]) == 0
    assert ("a plain key (@smith2020) names the item of that id in content/manual-references-extra.bib, "
            "content/manual-references.yaml") in " ".join(capsys.readouterr().out.split())


def test_a_japanese_essay_gets_a_search_that_segments_its_words(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Lunr cuts words at spaces, so a Japanese essay's words could not be searched ("mimium" in "mimiumの設計" found
    # nothing); Material's search segments Japanese when told the language. An English essay that quotes a Japanese
    # name keeps the plain search.
    bib(here / "refs.bib", "a")
    (here / "ja.md").write_text("---\nbibliography: refs.bib\n---\n\nこれはmimiumの設計についての論文である [@a]。\n",
                                encoding="utf-8")
    assert main(["init", "ja.md"]) == 0
    written = (here / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - search:\n      lang: [en, ja]\n      separator: '[\\s\\-]+|(?<=" in written
    assert "  - litreview:\n      essay_language: ja " in written
    english = here / "en"
    english.mkdir()
    bib(english / "refs.bib", "a")
    (english / "en.md").write_text("---\nbibliography: refs.bib\n---\n\nA long sentence in English about the design"
                                   " of a language, which quotes サッチマン once [@a].\n", encoding="utf-8")
    monkeypatch.chdir(english)
    assert main(["init", "en.md"]) == 0
    assert "  - search\n  - litreview\n" in (english / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("beside", ["metadata.yaml", "manual-references.json", ""])
def test_a_manubot_section_file_sets_up_its_manuscript(
        here: Path, capsys: pytest.CaptureFixture[str], beside: str) -> None:
    # Read alone as Markdown, the section's @doi: citations were keys of no bibliography (LR310 errors); Manubot
    # reads the content/ folder whole, and so does litreview, saying so.
    (here / "content").mkdir()
    (here / "content" / "02.introduction.md").write_text("## Intro\n\nShown [@doi:10.1000/xyz1].\n", encoding="utf-8")
    if beside:
        (here / "content" / beside).write_text("[]\n" if beside.endswith(".json") else "title: T\n", encoding="utf-8")
    assert main(["init", "content/02.introduction.md"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "02.introduction.md is one section of a Manubot manuscript" in out and "`litreview init content`" in out
    assert settings(here)[0] == "content"
    assert main(["check"]) == 0
    assert "LR310" not in capsys.readouterr().out


def test_a_markdown_file_in_another_content_folder_is_read_as_itself(here: Path) -> None:
    # A static site's content/ folder: no Manubot metadata, no numbered section citing by identifier
    bib(here / "refs.bib", "a")
    (here / "content").mkdir()
    (here / "content" / "post.md").write_text("---\nbibliography: ../refs.bib\n---\n\nCited [@a].\n", encoding="utf-8")
    assert main(["init", "content/post.md"]) == 0
    assert settings(here)[0] == "content/post.md"


@pytest.mark.parametrize("essay", ["_quarto.yml", "chapters/one.qmd"])
def test_a_bibliography_under_a_quarto_format_is_the_books(here: Path, essay: str) -> None:
    # Quarto merges a format's options into the metadata: `format: html: bibliography:` names the book's
    # bibliography as the top-level key does; the first format that names one is the default render's.
    (here / "_quarto.yml").write_text("book:\n  chapters: [chapters/one.qmd]\nformat:\n  html:\n    theme: cosmo\n"
                                      "    bibliography: [refs/a.bib, refs/b.bib]\n  pdf:\n"
                                      "    bibliography: refs/a.bib\n", encoding="utf-8")
    (here / "chapters").mkdir()
    (here / "chapters/one.qmd").write_text("# One\n\nText [@a; @b].\n", encoding="utf-8")
    bib(here / "refs/a.bib", "a")
    bib(here / "refs/b.bib", "b")
    assert main(["init", essay]) == 0
    assert settings(here) == (essay, ("refs/a.bib", "refs/b.bib"))
    assert not (here / "refs/bibliography.bib").exists()


def test_a_bibliography_under_a_quarto_files_own_format_is_read(here: Path) -> None:
    (here / "paper.qmd").write_text("---\ntitle: T\nformat:\n  pdf:\n    bibliography: refs.bib\n---\n\n"
                                    "Text [@a].\n", encoding="utf-8")
    bib(here / "refs.bib", "a")
    bib(here / "other.bib", "z")
    assert main(["init", "paper.qmd"]) == 0
    assert settings(here) == ("paper.qmd", "refs.bib")


def test_a_markdown_paper_gets_the_bibliography_its_makefile_hands_pandoc(here: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    # Nothing in the paper names its bibliography: pandoc is given it on the command line. A stale .bib beside
    # the paper and a second one below must not win over the one the build uses.
    (here / "text").mkdir()
    (here / "text/paper.md").write_text("# Paper\n\nText [@a].\n", encoding="utf-8")
    bib(here / "text/old.bib", "a")
    bib(here / "bib/refs.bib", "a")
    (here / "Makefile").write_text("BIB := bib/refs.bib\nREPORT = other.md\n\npaper.pdf: text/paper.md\n"
                                   "\tpandoc --citeproc \\\n\t  --bibliography $(BIB) -o $@ $^\n"
                                   "other.pdf: other.md\n\tpandoc -C --bibliography=bib/other.bib -o $@ $(REPORT)\n",
                                   encoding="utf-8")
    assert main(["init", "text/paper.md"]) == 0
    assert settings(here) == ("text/paper.md", "bib/refs.bib")
    # No --bib was given: the note says how to choose another file, not that an option named one.
    assert ("the bibliography is bib/refs.bib, which Makefile hands pandoc (paper.md names none) "
            "(to read another: litreview init --bib FILE)") in capsys.readouterr().out


@pytest.mark.parametrize("command", ['pandoc -s "paper.md" -M bibliography=refs/a.bib --bibliography refs/b.bib',
                                     "pandoc paper.md -d pdf", "pandoc paper.md --defaults=pdf.yml",
                                     "pandoc paper.md --metadata-file meta.yaml", "pandoc -o out.yaml block.yaml paper.md"])
def test_a_build_script_names_the_bibliography_in_any_of_pandocs_ways(here: Path, command: str) -> None:
    (here / "paper.md").write_text("Text [@a; @b].\n", encoding="utf-8")
    bib(here / "refs/a.bib", "a")
    bib(here / "refs/b.bib", "b")
    (here / "pdf.yaml").write_text("metadata:\n  bibliography: [refs/a.bib, refs/b.bib]\n", encoding="utf-8")
    (here / "pdf.yml").write_text("bibliography:\n  - refs/a.bib\n  - refs/b.bib\n", encoding="utf-8")
    (here / "meta.yaml").write_text("bibliography: [refs/a.bib, refs/b.bib]\n", encoding="utf-8")
    (here / "block.yaml").write_text("---\ntitle: T\nbibliography: [refs/a.bib, refs/b.bib]\n...\n", encoding="utf-8")
    (here / "out.yaml").write_text("bibliography: refs/wrong.bib\n", encoding="utf-8")
    (here / "build.sh").write_text(f"#!/bin/sh\n# pandoc --bibliography=old.bib\n{command} -o paper.pdf\n",
                                   encoding="utf-8")
    assert main(["init", "paper.md"]) == 0
    assert settings(here) == ("paper.md", ("refs/a.bib", "refs/b.bib"))


def test_a_bibliography_the_build_names_that_does_not_exist_is_said(here: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (here / "paper.md").write_text("Text [@a].\n", encoding="utf-8")
    bib(here / "paper.bib", "a")
    (here / "Makefile").write_text("all:\n\tpandoc --bibliography=build/refs.bib paper.md\n", encoding="utf-8")
    assert main(["init", "paper.md"]) == 0
    assert settings(here) == ("paper.md", "paper.bib")
    assert "Makefile hands pandoc the bibliography build/refs.bib, but build/refs.bib does not exist" in \
        capsys.readouterr().out


def test_a_biblatex_resource_globbed_is_every_file_it_matches(here: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    # biber reads every file a resource's pattern matches when biblatex's glob option is on; a file added later
    # is read by the next check (no warm answer from the files matched before).
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("LITREVIEW_NO_CACHE", raising=False)
    bib(here / "bib/a.bib", "a")
    bib(here / "bib/b.bib", "b")
    (here / "main.tex").write_text("\\documentclass{article}\n\\usepackage{biblatex}\n"
                                   "\\addbibresource[glob=true]{bib/*.bib}\n\\begin{document}\n"
                                   "Text \\cite{a,b,c}.\n\\printbibliography\n\\end{document}\n", encoding="utf-8")
    assert main(["init", "main.tex"]) == 0
    assert settings(here) == ("main.tex", ("bib/a.bib", "bib/b.bib"))
    assert "does not exist" not in capsys.readouterr().out

    def unresolved() -> set[str]:
        main(["check", "--format", "json"])
        return {f["message"].split("'")[1] for f in json.loads(capsys.readouterr().out)["findings"]
                if f["code"] == "LR300"}

    assert unresolved() == {"c"}
    assert unresolved() == {"c"}  # (warm)
    bib(here / "bib/c.bib", "c")
    assert unresolved() == set()


def test_a_biblatex_resource_not_globbed_is_the_name_as_written(here: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    bib(here / "bib/a.bib", "a")
    (here / "main.tex").write_text("\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{bib/*.bib}\n"
                                   "\\begin{document}\nText \\cite{a}.\n\\end{document}\n", encoding="utf-8")
    assert main(["init", "main.tex"]) == 0
    assert "names the bibliography bib/*.bib, which does not exist" in capsys.readouterr().out


@pytest.mark.parametrize("essay", ["_quarto.yml", "chapters/one.qmd"])
def test_a_quarto_books_bibliography_in_its_metadata_files_is_read(here: Path, essay: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # Quarto merges a project's metadata-files into every document's metadata; the project's own keys win.
    (here / "_quarto.yml").write_text("book:\n  chapters: [chapters/one.qmd]\nmetadata-files:\n  - _bib.yml\n"
                                      "  - _gone.yml\n  - _csl.yml\n", encoding="utf-8")
    (here / "_bib.yml").write_text("bibliography: [refs/a.bib, refs/b.bib]\n", encoding="utf-8")
    (here / "_csl.yml").write_text("csl: apa.csl\n", encoding="utf-8")
    (here / "chapters").mkdir()
    (here / "chapters/one.qmd").write_text("# One\n\nText [@a; @b].\n", encoding="utf-8")
    bib(here / "refs/a.bib", "a")
    bib(here / "refs/b.bib", "b")
    assert main(["init", essay]) == 0
    assert settings(here) == (essay, ("refs/a.bib", "refs/b.bib"))
    assert "LR300" not in check_codes(capsys)


def test_a_quarto_chapters_own_bibliography_joins_the_books(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A chapter's front matter adds its bibliography to the project's for that chapter, relative to the chapter.
    (here / "_quarto.yml").write_text("book:\n  chapters: [index.qmd, part/two.qmd]\nbibliography: refs/a.bib\n",
                                      encoding="utf-8")
    (here / "index.qmd").write_text("# One\n\nText [@a].\n", encoding="utf-8")
    (here / "part").mkdir()
    (here / "part/two.qmd").write_text("---\nbibliography: [../refs/a.bib, two.bib]\n---\n\n# Two\n\nMore [@b].\n",
                                       encoding="utf-8")
    bib(here / "refs/a.bib", "a")
    bib(here / "part/two.bib", "b")
    assert main(["init", "_quarto.yml"]) == 0
    assert settings(here) == ("_quarto.yml", ("refs/a.bib", "part/two.bib"))
    assert "LR300" not in check_codes(capsys)


@pytest.mark.parametrize("args", ['["--bibliography=data/refs.yaml", "--csl", "apa.csl"]',
                                  "\n      - --bibliography\n      - data/refs.yaml",
                                  '["-M", "bibliography=data/refs.yaml"]'])
def test_an_r_markdown_paper_gets_the_bibliography_its_pandoc_args_name(here: Path, args: str) -> None:
    # R Markdown hands an output format's pandoc_args to pandoc as written: the command line, in the YAML.
    (here / "data").mkdir()
    (here / "data/refs.yaml").write_text("references:\n- id: a\n  type: book\n  title: A\n", encoding="utf-8")
    bib(here / "other.bib", "a")
    (here / "paper.Rmd").write_text("---\ntitle: T\noutput:\n  bookdown::pdf_document2:\n    toc: false\n"
                                    f"    pandoc_args: {args}\n---\n\nText [@a].\n", encoding="utf-8")
    assert main(["init", "paper.Rmd"]) == 0
    assert settings(here) == ("paper.Rmd", "data/refs.yaml")


@pytest.mark.parametrize("declared", ["% !TEX root = ../thesis.tex\n", "%!TeX root=../thesis\n",
                                      "\\documentclass[../thesis.tex]{subfiles}\n\\begin{document}\n"])
def test_a_latex_chapter_gets_the_bibliography_of_the_main_file_it_declares(here: Path, declared: str,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # Two .bib files hold the chapter's key: only the main file's preamble (here in an \input file) tells
    # which ones biber reads.
    bib(here / "bib/a.bib", "a")
    bib(here / "bib/b.bib", "b")
    bib(here / "bib/old.bib", "a")
    (here / "thesis.tex").write_text("\\documentclass{book}\n\\input{preamble}\n\\begin{document}\n"
                                     "\\include{chapters/one}\n\\printbibliography\n\\end{document}\n", encoding="utf-8")
    (here / "preamble.tex").write_text("\\usepackage{biblatex}\n\\addbibresource{bib/a.bib}\n"
                                       "\\addbibresource{bib/b.bib}\n", encoding="utf-8")
    (here / "chapters").mkdir()
    end = "\\end{document}\n" if "subfiles" in declared else ""
    (here / "chapters/one.tex").write_text(f"{declared}\\chapter{{One}}\nText \\cite{{a}} and \\cite{{b}}.\n{end}",
                                           encoding="utf-8")
    assert main(["init", "chapters/one.tex"]) == 0
    assert settings(here) == ("chapters/one.tex", ("bib/a.bib", "bib/b.bib"))
    assert "LR300" not in check_codes(capsys)


@pytest.mark.parametrize("essay", ["_quarto.yml", "chapters/one.qmd"])
def test_a_quarto_folders_metadata_file_adds_its_bibliography(here: Path, essay: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # Quarto merges a folder's _metadata.yml into the documents below it, its paths relative to that folder.
    (here / "_quarto.yml").write_text("book:\n  chapters: [chapters/one.qmd]\nbibliography: refs/a.bib\n",
                                      encoding="utf-8")
    (here / "chapters").mkdir()
    (here / "chapters/_metadata.yml").write_text("bibliography: [local.bib]\n", encoding="utf-8")
    (here / "chapters/one.qmd").write_text("# One\n\nText [@a; @b].\n", encoding="utf-8")
    bib(here / "refs/a.bib", "a")
    bib(here / "chapters/local.bib", "b")
    assert main(["init", essay]) == 0
    assert settings(here) == (essay, ("refs/a.bib", "chapters/local.bib"))
    assert "LR300" not in check_codes(capsys)


def test_named_bibliographies_found_by_name_below_the_folder(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # \bibliography{a,b} with the files in bib/ (a latexmkrc's BIBINPUTS): both hold cited keys, so only their
    # names tell them from the other .bib files there.
    bib(here / "bib/a.bib", "a")
    bib(here / "bib/b.bib", "b")
    bib(here / "old/c.bib", "a")
    (here / "main.tex").write_text("\\documentclass{article}\n\\begin{document}\nText \\cite{a,b}.\n"
                                   "\\bibliographystyle{plain}\n\\bibliography{a,b}\n\\end{document}\n", encoding="utf-8")
    assert main(["init", "main.tex"]) == 0
    assert settings(here) == ("main.tex", ("bib/a.bib", "bib/b.bib"))
    out = capsys.readouterr().out
    assert "(bib/a.bib, bib/b.bib) are read" in out and "several .bib" not in out and "does not exist" not in out
    bib(here / "old/a.bib", "a")  # two files of one name: no guess
    for name in ("litreview.toml", "mkdocs.yml", "refs/claims.yaml"):
        (here / name).unlink()
    assert main(["init", "main.tex"]) == 0
    assert settings(here) == ("main.tex", "refs/bibliography.bib")


def test_a_csl_bibliography_below_a_paper_that_names_none_is_found(here: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # A Zotero export in data/, handed to pandoc on the command line: no .bib anywhere, settings files beside it.
    (here / "thesis").mkdir()
    (here / "thesis/part1.md").write_text("# Part\n\nText [@kristof2004, p. 3].\n", encoding="utf-8")
    (here / "thesis/data").mkdir()
    (here / "thesis/data/Thesis.json").write_text('[{"id": "kristof2004", "type": "book", "title": "L"}]',
                                                  encoding="utf-8")
    (here / "thesis/data/settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    (here / "thesis/data/other.yaml").write_text("references:\n- id: zzz\n  type: book\n", encoding="utf-8")
    assert main(["init", "thesis/part1.md"]) == 0
    assert settings(here) == ("thesis/part1.md", "thesis/data/Thesis.json")
    assert "the one CSL bibliography in a folder below part1.md" in capsys.readouterr().out


def test_the_note_on_uncited_entries_names_a_books_chapters(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "_quarto.yml").write_text("book:\n  chapters: [index.qmd]\nbibliography: refs.bib\n", encoding="utf-8")
    (here / "index.qmd").write_text("# One\n\nText [@a].\n", encoding="utf-8")
    (here / "refs.bib").write_text(ENTRY.format(key="a") + ENTRY.format(key="b") + ENTRY.format(key="c"),
                                   encoding="utf-8")
    assert main(["init", "_quarto.yml"]) == 0
    assert "2 of the 3 entries in refs.bib are cited nowhere in the chapters _quarto.yml lists" in \
        capsys.readouterr().out


def test_the_site_is_named_by_a_headings_text_without_its_note_or_markup(here: Path) -> None:
    """A Czech thesis chapter's heading "# Deliberativní demokracie – hodnotová východiska[^zbc]" named every page
    with its note's reference, as a heading's emphasis and tags reached the name too; pandoc prints the heading's
    words alone."""
    (here / "ch.md").write_text("# Deliberativní demokracie – *hodnotová* <b>východiska</b>[^zbc]^[A note.]\n\n"
                                "[^zbc]: Vychází z bakalářské práce.\n\nText [@doe].\n", encoding="utf-8")
    bib(here / "refs.bib", "doe")
    assert main(["init", "ch.md", "--bib", "refs.bib"]) == 0
    text = (here / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Review: Deliberativní demokracie – hodnotová východiska"' in text


@pytest.mark.parametrize(("code", "chosen"), [
    ('Sys.getenv("BIB")', "refs.bib"),  # R names no file in it: the one .bib beside the essay, and a note
    ('here::here("refs.bib")', "refs.bib"),
])
def test_a_bibliography_given_by_r_code_is_guessed_with_a_note_saying_so(
        here: Path, capsys: pytest.CaptureFixture[str], code: str, chosen: str) -> None:
    # init took the .bib beside the essay without a word, where check (with no settings) stops on the R code:
    # the user was not told the file was a guess at what R makes.
    bib(here / "refs.bib", "a")
    (here / "paper.Rmd").write_text(f"---\ntitle: T\nbibliography: !expr {code}\n---\n\nText [@a].\n",
                                    encoding="utf-8")
    assert main(["init", "paper.Rmd"]) == 0
    out = capsys.readouterr().out
    assert settings(here) == ("paper.Rmd", chosen)
    assert (f"note: paper.Rmd gives its bibliography by R code on line 3, {code}, which litreview does not run: "
            f"the review reads {chosen}, the one .bib beside it; if R makes another file, name it in "
            "litreview.toml (bibliography = [...])") in " ".join(out.split())


def test_the_site_is_named_by_a_title_written_as_a_line_block_with_raw_tex(here: Path) -> None:
    """An R Markdown paper's ``title: |`` holds `` | \\vspace{5cm} Movilidad...``: pandoc reads the value as Markdown,
    a line block whose raw TeX no HTML page prints. Its site was named "Review: | \\vspace{5cm} Movilidad..."."""
    (here / "essay.Rmd").write_text("---\ntitle: |\n | \\vspace{5cm} Movilidad social subjetiva. Percepciones\n"
                                    "---\n\nText.\n", encoding="utf-8")
    assert main(["init", "essay.Rmd"]) == 0
    text = (here / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Review: Movilidad social subjetiva. Percepciones"' in text


BIBTEX_ENTRY = "@article{a, author = {Smith, J.}, title = {T}, journal = {J}, year = {2000}}\n"


def test_a_file_pandoc_cannot_type_by_its_name_is_refused_as_pandoc_refuses_it(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # pandoc types a bibliography by its extension and refuses any other ("Could not determine bibliography format
    # for refs.txt"): read as BibTeX, refs.txt was "No problems found" and a Makefile "no entries" and an LR300 at
    # every citation.
    (here / "refs.txt").write_text(BIBTEX_ENTRY, encoding="utf-8")
    assert main(["check", "--bib", "refs.txt", "--essay", ""]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "refs.txt: pandoc cannot tell the format of this bibliography by its name" in err, err
    assert "Could not determine bibliography format" in err and "rename it refs.bib" in err, err
    (here / "makefile").write_text("paper.pdf: paper.md references.json\n\tpandoc paper.md --citeproc "
                                   "--bibliography references.json -o paper.pdf\n", encoding="utf-8")
    (here / "paper.md").write_text("As shown [@a].\n", encoding="utf-8")
    assert main(["check", "--bib", "makefile", "--essay", "paper.md"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "makefile: " in err and "LR100" not in err and "LR300" not in err, err
    assert "give the bibliography its pandoc command names: --bib references.json" in err, err
    assert main(["init", "--bib", "refs.txt"]) == 2
    assert "Could not determine bibliography format" in capsys.readouterr().err
    assert not (here / "litreview.toml").exists()


@pytest.mark.parametrize("name", ["refs.bibtex", "refs.biblatex", "REFS.BIB"])
def test_the_names_pandoc_reads_as_bibtex_are_read(here: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    (here / name).write_text(BIBTEX_ENTRY, encoding="utf-8")
    assert main(["check", "--bib", name, "--essay", ""]) == 0, capsys.readouterr().err


def test_an_ris_file_is_told_to_be_converted(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # pandoc reads RIS; litreview reads BibTeX and CSL: say so and how to convert it, not "no entries".
    (here / "refs.ris").write_text("TY  - JOUR\nAU  - Smith, J.\nTI  - T\nPY  - 2000\nER  - \n", encoding="utf-8")
    assert main(["check", "--bib", "refs.ris", "--essay", ""]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "refs.ris: an RIS bibliography" in err and "pandoc refs.ris -t biblatex -o refs.bib" in err, err


def test_a_latex_file_given_as_the_bibliography_is_told_the_bib_it_names(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A .tex has no front matter: the bibliography is the .bib its \addbibresource or \bibliography names.
    (here / "intro.tex").write_text("\\addbibresource{gradubib.bib}\nAs shown \\cite{a}.\n", encoding="utf-8")
    assert main(["check", "--bib", "intro.tex", "--essay", ""]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "front matter" not in err and "--bib gradubib.bib" in err, err
    (here / "chapter.tex").write_text("As shown \\cite{a}.\n", encoding="utf-8")
    assert main(["check", "--bib", "chapter.tex", "--essay", ""]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "front matter" not in err and "\\addbibresource or \\bibliography names" in err, err


@pytest.mark.parametrize("name", ["assignment3.md", "paper.Rmd", "thesis.tex"])
def test_a_manuscript_given_as_the_bibliography_is_one_error_saying_to_give_it_as_the_manuscript(
        here: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    # `check --bib assignment3.md` (a Markdown manuscript with its references: in its front matter) was 15 LR100
    # "BibTeX syntax error" at its citations' @; pandoc: "Could not determine bibliography format".
    (here / name).write_text("---\ntitle: T\nreferences:\n- id: Fis09\n  type: book\n  title: B\n---\n\n"
                             "As shown [@Fis09]. Again [@Fis09, p. 3] and @Fis09 says.\n", encoding="utf-8")
    assert main(["check", "--bib", name, "--essay", ""]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"{name}: a manuscript, not a bibliography" in err and "LR100" not in err, err
    assert f"check --essay {name}" in err and "Could not determine bibliography format" in err, err
    assert main(["init", "--bib", name]) == 2
    assert "not a bibliography" in capsys.readouterr().err
    assert not (here / "litreview.toml").exists()


@pytest.mark.parametrize(("head", "kind"), [(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF"),
                                            (b"PK\x03\x04\x14\x00\x06\x00", "a zip archive"),
                                            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word (.doc) file")])
def test_a_pdf_or_word_file_named_as_the_bibliography_stops_init_and_check(
        here: Path, capsys: pytest.CaptureFixture[str], head: bytes, kind: str) -> None:
    # A PDF or a Word file saved under a .bib name: init wrote the settings, and check said only "LR100 the
    # bibliography has no entries". Both now say what the file is and to export the bibliography.
    (here / "paper.md").write_text("Text [@a].\n", encoding="utf-8")
    (here / "fake.bib").write_bytes(head + b"\x00" * 64)
    for args in (["init", "paper.md", "--bib", "fake.bib"], ["init", "--bib", "fake.bib"]):
        capsys.readouterr()
        assert main(args) == 2
        err = capsys.readouterr().err
        assert f"fake.bib: {kind}" in err and "not a bibliography" in err and "BibTeX" in err, err
        assert not (here / "litreview.toml").exists() and not (here / "refs").exists()
    assert main(["check", "--essay", "paper.md", "--bib", "fake.bib"]) == 2
    err = capsys.readouterr().err
    assert f"fake.bib: {kind}" in err and "not a bibliography" in err and "LR100" not in err, err


@pytest.mark.parametrize(("style", "told"), [("numeric.csl", True), ("styles/apa", True), ("here.csl", False),
                                             ("https://example.org/apa.csl", False)])
def test_init_names_the_citation_style_the_essay_names_that_is_not_here(
        here: Path, capsys: pytest.CaptureFixture[str], style: str, told: bool) -> None:
    # A Catalan R Markdown report names `csl: numeric.csl`, which its repository lacks: pandoc stops rendering
    # ("File numeric.csl not found in resource path") and init said nothing of it. A style found beside the essay
    # (pandoc adds .csl to a name without it) or given by URL is not named.
    (here / "refs.bib").write_text(ENTRY.format(key="a"), encoding="utf-8")
    (here / "here.csl").write_text("<style/>", encoding="utf-8")
    (here / "Informe.Rmd").write_text(f"---\nbibliography: refs.bib\ncsl: {style}\n---\n\nText [@a].\n",
                                      encoding="utf-8")
    assert main(["init", "Informe.Rmd"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (f"Informe.Rmd names the citation style {style}, which is not in its folder: pandoc stops rendering "
            "without it") in out if told else "citation style" not in out, out


def test_init_finds_the_style_a_quarto_project_names_in_its_folder(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # _quarto.yml names csl: relative to the project's folder: a chapter reviewed alone gets no note for it.
    (here / "refs.bib").write_text(ENTRY.format(key="a"), encoding="utf-8")
    (here / "apa.csl").write_text("<style/>", encoding="utf-8")
    (here / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n    - ch/one.qmd\n"
                                      "bibliography: refs.bib\ncsl: apa.csl\n", encoding="utf-8")
    (here / "index.qmd").write_text("# Preface\n\nText.\n", encoding="utf-8")
    (here / "ch").mkdir()
    (here / "ch" / "one.qmd").write_text("# One\n\nText [@a].\n", encoding="utf-8")
    assert main(["init", "ch/one.qmd"]) == 0
    assert "citation style" not in capsys.readouterr().out
