"""``bench/eval_manuscripts.py --dir``: any folder of manuscripts against pandoc's reading of them."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from fuzz.pandoc_diff import pandoc_path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.manuscript_dir import MODE, SUFFIX, DocRow, documents, misreads, read_folder, report

PANDOC = pandoc_path()


def test_each_file_is_a_manuscript_and_a_manubot_folder_is_one(tmp_path: Path) -> None:
    (tmp_path / "a" / "content").mkdir(parents=True)
    (tmp_path / "a" / "content" / "01.intro.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "a" / "content" / "02.more.md").write_text("y\n", encoding="utf-8")
    (tmp_path / "b.Rmd").write_text("z\n", encoding="utf-8")
    (tmp_path / "c.tex").write_text("w\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("v\n", encoding="utf-8")
    assert [(p.relative_to(tmp_path).as_posix(), form) for p, form in documents(tmp_path)] == [
        ("a/content", "manubot"), ("b.Rmd", "rmarkdown"), ("c.tex", "latex")]


def test_a_folder_with_a_sources_list_gives_only_the_sources_it_lists(tmp_path: Path) -> None:
    (tmp_path / "p1").mkdir()
    (tmp_path / "p1" / "paper.qmd").write_text("x\n", encoding="utf-8")
    (tmp_path / "p2").mkdir()
    (tmp_path / "p2" / "main.tex").write_text("y\n", encoding="utf-8")
    (tmp_path / "p2" / "draft.md").write_text("an older draft\n", encoding="utf-8")
    (tmp_path / "PROVENANCE.md").write_text("notes on the papers\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\np1\tp1/paper.qmd\tp1/r.bib\n"
                                          "p2\tp2/main.tex\tp2/r.bib\n", encoding="utf-8")
    assert [(p.relative_to(tmp_path).as_posix(), form) for p, form in documents(tmp_path)] == [
        ("p1/paper.qmd", "quarto"), ("p2/main.tex", "latex")]


def test_a_listed_source_of_no_known_form_stops_the_run_instead_of_being_left_out(tmp_path: Path) -> None:
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "index.Rmd").write_text("x\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\nbook\tbook\tbook/r.bib\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"row book: .*book is neither a manuscript file"):
        list(documents(tmp_path))


@pytest.mark.skipif(PANDOC is None, reason="pandoc (the test extra, pypandoc-binary) is not installed")
def test_keys_items_refusals_and_what_pandoc_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert PANDOC is not None
    (tmp_path / "a.md").write_text("---\nbibliography: none.bib\n---\n\nOne [@k1; @k2], again @k1 and @fig-x.\n",
                                   encoding="utf-8")
    (tmp_path / "b.tex").write_text("\\begin{document}\nSee \\citep{,k3}.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "c.qmd").write_text("{{< include missing.qmd >}}\n\nText [@k4].\n", encoding="utf-8")
    rows = {r.name: r for r in read_folder(tmp_path, PANDOC)}
    assert dict(rows["a.md"].want) == {"k1": 2, "k2": 1} == dict(rows["a.md"].got)  # no bibliography needed
    assert rows["a.md"].counts(items=True) == (3, 0, 0) and rows["a.md"].counts(items=False) == (2, 0, 0)
    assert rows["b.tex"].skipped.startswith("pandoc refused it")  # (an empty key; LaTeX reads on)
    assert rows["c.qmd"].error.startswith("refused:") and not rows["c.qmd"].crashed and not rows["c.qmd"].got
    report("t", list(rows.values()), show_keys=True)
    out = capsys.readouterr().out
    assert "missed (pandoc only):   k4" in out and "1 skipped (pandoc refused), 1 refused by litreview" in out


def _manubot(folder: Path) -> Path:
    """A two-file Manubot content/ folder citing two DOIs, one described by its manual-references.json."""
    content = folder / "paper" / "content"
    content.mkdir(parents=True)
    (content / "01.intro.md").write_text("## Introduction\n\nCells divide in two halves [@doi:10.1000/abc].\n", encoding="utf-8")
    (content / "02.more.md").write_text("{## a comment ##}\nThey also grow [@doi:10.1000/abc; @doi:10.1000/def].\n",
                                        encoding="utf-8")
    (content / "manual-references.json").write_text(
        '[{"id": "doi:10.1000/abc", "type": "article-journal", "title": "Cells divide", '
        '"author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2020]]}}]\n', encoding="utf-8")
    return content


def test_a_manubot_folder_is_one_text_and_its_bibliography_is_what_litreview_reads(tmp_path: Path) -> None:
    from bench.manuscript_dir import bibliography_of, form_of, manubot_text

    content = _manubot(tmp_path)
    assert form_of(content) == "manubot" and form_of(tmp_path / "paper") == "" and form_of(tmp_path / "a.qmd") == "quarto"
    assert manubot_text(content) == ("## Introduction\n\nCells divide in two halves [@doi:10.1000/abc].\n\n\n"
                                     "They also grow [@doi:10.1000/abc; @doi:10.1000/def].\n")
    implied = bibliography_of(content, tmp_path)  # an empty bib cell: the folder itself, no file
    assert implied.keys == ("doi:10.1000/abc", "doi:10.1000/def")  # the identifiers cited, as written
    assert implied.sources[0].title == "Cells divide" and implied.sources[0].year == 2020
    named = bibliography_of(content, content / "manual-references.json")  # a file named: that file
    assert named.keys == ("doi:10.1000/abc",)


@pytest.mark.skipif(PANDOC is None, reason="pandoc (the test extra, pypandoc-binary) is not installed")
def test_the_topical_extra_set_takes_a_manubot_folder_with_no_bibliography(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from bench.topical_corpus import load_extra

    _manubot(tmp_path)
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\npaper\tpaper/content\t\n", encoding="utf-8")
    [doc] = load_extra(tmp_path)
    assert doc.bibliography.keys == ("doi:10.1000/abc", "doi:10.1000/def")
    assert sorted(map(sorted, doc.gold.values())) == [["doi:10.1000/abc"], ["doi:10.1000/abc", "doi:10.1000/def"]]


def test_the_author_date_set_renders_a_manubot_folder_only_with_a_references_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from bench.author_date_styles import FOLDER_STYLES, _with_language, folder_jobs

    content = _manubot(tmp_path)
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\nbare\tpaper/content\t\n"
                                          "cited\tpaper/content\tpaper/content/manual-references.json\n",
                                          encoding="utf-8")
    jobs = folder_jobs(tmp_path)
    assert "wild-bare: skipped" in capsys.readouterr().err
    assert {j.name.split("-")[1] for j in jobs} == {"cited"} and len(jobs) == len(FOLDER_STYLES)
    copy = _with_language(content, "fr-FR", tmp_path / "doc.md")
    assert copy.read_text(encoding="utf-8").startswith("---\nlang: fr-FR\n---\n\n## Introduction\n\nCells divide")


def test_a_knitr_chunk_whose_quoted_options_hold_braces_is_code_for_pandoc_too(tmp_path: Path) -> None:
    # fig.cap="$\Delta_{L}$" closed the option pattern early: the fence stayed, and pandoc read the rest of the
    # document as code, so the oracle lost every citation after the chunk
    (tmp_path / "a.Rmd").write_text(
        "Before [@k1].\n\n```{r fig.cap=\"Bounds $\\\\Delta_{L}$ and '}'.\", echo=FALSE}\n\n# a comment\nplot(1)\n```\n\n"
        "After [@k2].\n\n```{r}\nx <- 1\n```\n", encoding="utf-8")
    row = read_folder(tmp_path, PANDOC)[0]
    assert dict(row.want) == {"k1": 1, "k2": 1} == dict(row.got)


def test_modes_and_suffixes_are_compared_for_the_items_both_cite(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert PANDOC is not None
    # "@k1 [p. 3]" and "[-@k2, ch. `2`]": pandoc's AuthorInText with suffix "p. 3", SuppressAuthor with "ch. 2".
    (tmp_path / "a.md").write_text("One @k1 [p. 3] and [-@k2, ch. `2`] and [see @k3, p.\u00a05].\n", encoding="utf-8")
    (row,) = read_folder(tmp_path, PANDOC)
    assert set(row.want_items) == {("k1", "author-in-text", "p. 3"), ("k2", "suppress-author", "ch. 2"),
                                   ("k3", "normal", "p. 5")} == set(row.got_items)
    assert row.misreads(MODE) == (3, 0, []) and row.misreads(SUFFIX) == (3, 0, [])
    # A misread is counted once per item and listed with both readings; an item only one side cites is not a misread.
    wrong = DocRow("b.tex", "latex", got_items=Counter({("a", "author-in-text", ""): 2, ("b", "normal", "12psq"): 1}),
                   want_items=Counter({("a", "normal", ""): 2, ("b", "normal", "12"): 1, ("c", "normal", ""): 1}))
    assert misreads(wrong.want_items, wrong.got_items, MODE) == (
        3, 2, ["a: pandoc 'normal', litreview 'author-in-text'"] * 2)
    assert wrong.misreads(SUFFIX) == (3, 1, ["b: pandoc '12', litreview '12psq'"])
    report("t", [wrong], show_keys=True)
    out = capsys.readouterr().out
    assert "mode misreads: 2 of 3 items" in out and "suffix misread: b: pandoc '12', litreview '12psq'" in out


def test_a_suffix_written_with_underscores_escapes_or_dashes_is_compared_as_pandoc_reads_it(tmp_path: Path) -> None:
    assert PANDOC is not None
    # pandoc reads "_Titre_" as emphasis, "\ " as a no-break space and "--" as an en dash; litreview keeps
    # the suffix as written: 11 French suffixes with "_Titre_" were counted as misread. "snake_case" is no emphasis.
    (tmp_path / "a.md").write_text("Un mot [@k, p. 3 La citation de _Titre_, «\\ mot\\ », pp. 33--35] et "
                                   "[@j, see snake_case_name].\n", encoding="utf-8")
    (row,) = read_folder(tmp_path, PANDOC)
    assert set(row.want_items) == {("k", "normal", "p. 3 La citation de Titre, « mot », pp. 33–35"),
                                   ("j", "normal", "see snake_case_name")}
    assert row.misreads(SUFFIX) == (2, 0, [])


def test_an_image_in_a_suffix_is_compared_as_pandocs_plain_output_prints_it(tmp_path: Path) -> None:
    assert PANDOC is not None
    # pandoc --citeproc -t plain prints "(Doe 2001, 3 [img])": the image's description in brackets, as the site
    # prints it; compared as "img", the suffix was counted as misread. An image of no description prints "[]".
    (tmp_path / "a.md").write_text("Un mot [@k, p. 3 ![img](x.png)] et [@j, ![](y.png) z].\n", encoding="utf-8")
    (row,) = read_folder(tmp_path, PANDOC)
    assert set(row.want_items) == {("k", "normal", "p. 3 [img]"), ("j", "normal", "[] z")}
    assert row.misreads(SUFFIX) == (2, 0, [])


def test_items_of_commands_pandoc_does_not_read_are_listed_apart(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    # \citetitle and csquotes' \textcquote cite their key in LaTeX (biber lists it); pandoc 3.9 reads neither: the
    # report says so of each such item only litreview cites, and counts them (they still count against precision).
    assert PANDOC is not None
    (tmp_path / "a.tex").write_text("\\begin{document}\nIn \\citetitle{k1} \\cite{k2} and \\textcquote[3]{k3}{words} "
                                    "and \\cite{k4}, \\citet{k5}.\n\\end{document}\n", encoding="utf-8")
    rows = read_folder(tmp_path, PANDOC)
    assert dict(rows[0].documented) == {"k1": 1, "k3": 1} and rows[0].counts(items=True) == (3, 2, 0)
    report("t", rows, show_keys=True)
    out = capsys.readouterr().out
    assert "extra (litreview only): k1 (1 of a command pandoc does not read, documented)" in out
    assert "2 of the 2 items litreview alone cites are of LaTeX commands pandoc does not read" in out


def test_items_of_a_note_pandoc_prints_again_are_counted_apart(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert PANDOC is not None
    # pandoc prints a note at each of its references ("[^1]" twice), and a label defined again ("[^3]") with its
    # last definition at each: its citations are items again in its AST. litreview reads a note once, where it is
    # written: those copies are missed items, listed and counted as such, and no mode or suffix misread.
    (tmp_path / "a.md").write_text("A [^1] and B [^1] [@k].\n\n[^1]: x [@a; @b, p. 3].\n\nC [^3].\n\n"
                                   "[^3]: y [@c].\n\nD [^3].\n\n[^3]: z [@d].\n", encoding="utf-8")
    (row,) = read_folder(tmp_path, PANDOC)
    assert dict(row.want) == {"k": 1, "a": 2, "b": 2, "d": 2} and dict(row.got) == {"k": 1, "a": 1, "b": 1, "d": 1}
    assert dict(row.repeated) == {("a", "normal", ""): 1, ("b", "normal", "p. 3"): 1, ("d", "normal", ""): 1}
    assert row.misreads(MODE) == (4, 0, []) and row.misreads(SUFFIX) == (4, 0, [])
    report("t", [row], show_keys=True)
    out = capsys.readouterr().out
    assert "missed (pandoc only):   a (a note's copy pandoc prints again)" in out
    assert "3 of the 3 items pandoc alone cites are copies of a note it prints again" in out


def test_a_row_naming_several_bib_files_reads_them_as_one(tmp_path: Path) -> None:
    from bench.manuscript_dir import listed_sources

    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "paper.md").write_text("See [@a; @b].\n", encoding="utf-8")
    (tmp_path / "m" / "one.bib").write_text("@book{a, title={A}, author={Roe, Ann}, year={2001}}\n", encoding="utf-8")
    (tmp_path / "m" / "two.bib").write_text("@book{b, title={B}, author={Poe, Bo}, year={2002}}\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\nm\tm/paper.md\tm/one.bib;m/two.bib\n", encoding="utf-8")
    [(name, source, bib)] = listed_sources(tmp_path)
    assert (name, source) == ("m", tmp_path / "m" / "paper.md")
    assert tmp_path not in bib.parents  # never written beside the manuscripts
    from litreview.bibliography.load import load_bibliography

    assert sorted(load_bibliography(bib).keys) == ["a", "b"]
    assert listed_sources(tmp_path)[0][2] == bib  # the same file on a second reading


def test_several_bibliographies_are_joined_only_when_all_are_bibtex(tmp_path: Path) -> None:
    from bench.manuscript_dir import listed_sources

    (tmp_path / "SOURCES.tsv").write_text("m\tpaper.md\tone.bib;two.json\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"SOURCES\.tsv:1: several bibliographies"):
        listed_sources(tmp_path)
