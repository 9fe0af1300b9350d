"""Several bibliographies, as pandoc reads them: from the settings, LITREVIEW_BIB, --bib repeated or the front matter."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from litreview import cache
from litreview.cli import main
from litreview.config import load_config
from litreview.errors import ConfigError

BOOK = "@book{{{key},\n  author = {{Doe, Jane}},\n  title = {{{title}}},\n  publisher = {{Pub}},\n  year = {{2001}},\n}}\n"


def item(key: str, title: str) -> dict[str, object]:
    return {"id": key, "type": "book", "title": title, "author": [{"family": "Roe", "given": "Ann"}],
            "publisher": "Pub", "issued": {"date-parts": [[2002]]}}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """a.bib (a, d), b.json (b, d: the later file's d is the one pandoc uses) and an essay citing a, b, d."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    (tmp_path / "a.bib").write_text(BOOK.format(key="a", title="Alpha") + "\n" + BOOK.format(key="d", title="From A"),
                                    encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([item("b", "Beta"), item("d", "From B")], indent=1), encoding="utf-8")
    (tmp_path / "e.md").write_text("Text [@a; @b; @d].\n", encoding="utf-8")
    return tmp_path


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    main(["check", "--format", "json", "--claims", "", *args])
    return json.loads(capsys.readouterr().out)["findings"]


def codes(found: list[dict[str, object]]) -> list[str]:
    return sorted(str(f["code"]) for f in found)


def test_one_bibliography_leaves_the_others_citations_unresolved(here: Path, capsys) -> None:
    # The baseline the rest improves on: b is in b.json only.
    assert "LR300" in codes(findings(capsys, "--essay", "e.md", "--bib", "a.bib"))


def test_bib_repeated_reads_both_and_names_the_duplicate_in_both_files(here: Path, capsys) -> None:
    found = findings(capsys, "--essay", "e.md", "--bib", "a.bib", "--bib", "b.json")
    assert codes(found) == ["LR101"]
    dup = found[0]
    assert (dup["key"], Path(str(dup["file"])).name, dup["line"]) == ("d", "a.bib", 8)
    assert "b.json line" in str(dup["message"])


def test_the_later_files_entry_is_used_as_pandoc_does(here: Path) -> None:
    from litreview.review import assemble

    config = load_config(here, env={"LITREVIEW_BIB": os.pathsep.join(["a.bib", "b.json"]), "LITREVIEW_ESSAY": "e.md"})
    bib = assemble(config, through="load").bibliography
    assert bib.keys == ("a", "b", "d")
    d = bib.get("d")
    assert d is not None and d.title == "From B" and Path(d.file or "").name == "b.json"
    assert Path(bib.file or "").name == "a.bib"  # the file writers write to


def test_settings_list_and_front_matter_list(here: Path, capsys) -> None:
    (here / "litreview.toml").write_text('essay = "e.md"\nclaims = ""\nbibliography = ["a.bib", "b.json"]\n',
                                         encoding="utf-8")
    assert load_config(here, env={}).paths("bibliography") == (here / "a.bib", here / "b.json")
    assert codes(findings(capsys)) == ["LR101"]
    (here / "litreview.toml").unlink()
    (here / "p.Rmd").write_text("---\nbibliography: [a.bib, b.json]\n---\n\nText [@a; @b].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.Rmd")
    assert "LR300" not in codes(found) and "LR101" in codes(found)


@pytest.mark.parametrize("value", ["[]", '["a.bib", 3]', '[""]'])
def test_a_bad_list_is_a_config_error_at_its_line(here: Path, value: str) -> None:
    (here / "litreview.toml").write_text(f'essay = "e.md"\nbibliography = {value}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(here, env={})
    assert exc.value.line == 2


def test_the_cache_key_covers_every_bibliography(here: Path) -> None:
    config = load_config(here, env={"LITREVIEW_BIB": os.pathsep.join(["a.bib", "b.json"]), "LITREVIEW_ESSAY": "e.md"})
    before = cache.input_key(config)
    (here / "b.json").write_text(json.dumps([item("b", "Beta, changed")]), encoding="utf-8")
    assert before is not None and cache.input_key(config) not in (None, before)


def test_since_reads_the_base_of_every_bibliography(here: Path) -> None:
    from litreview.checks.gitbase import base_config, base_paths

    config = load_config(here, env={"LITREVIEW_BIB": os.pathsep.join(["a.bib", "b.json"]), "LITREVIEW_ESSAY": "e.md"})
    assert {here / "a.bib", here / "b.json"} <= set(base_paths(config))
    moved = base_config(config, here, here / "base")
    assert moved.paths("bibliography") == (here / "base" / "a.bib", here / "base" / "b.json")


def test_writers_write_the_first_bibtex_file_and_say_so(here: Path, capsys) -> None:
    from litreview.commands._options import bibliography_to_write

    config = load_config(here, env={"LITREVIEW_BIB": os.pathsep.join(["b.json", "a.bib"])})
    assert bibliography_to_write(config, "litreview add") == here / "a.bib"
    assert "litreview add writes to a.bib, the first BibTeX file of the 2 bibliographies" in capsys.readouterr().err
    single = load_config(here, env={"LITREVIEW_BIB": "a.bib"})
    assert bibliography_to_write(single, "litreview add") == here / "a.bib"
    assert capsys.readouterr().err == ""


def test_the_site_shows_each_entry_from_its_own_file(here: Path) -> None:
    from litreview.render.bibtex import EntryTexts
    from litreview.render.downloads import download_files
    from litreview.review import build_review

    config = load_config(here, env={"LITREVIEW_BIB": os.pathsep.join(["a.bib", "b.json"]), "LITREVIEW_ESSAY": "e.md",
                                    "LITREVIEW_CLAIMS": ""})
    review = build_review(config, with_checks=False)
    texts = EntryTexts(review.bibliography)
    a, b = review.bibliography.get("a"), review.bibliography.get("b")
    assert a is not None and b is not None
    assert texts.entry(a).startswith("@book{a,") and "Alpha" in texts.entry(a)
    assert texts.entry(b).startswith("@book{b,") and "Beta" in texts.entry(b)
    download = download_files(review)["bibliography.bib"]
    assert all(f"{{{key}," in download for key in ("a", "b", "d")) and "From A" not in download


def test_since_with_the_front_matters_list_reports_nothing_new_when_nothing_changed(here: Path, capsys) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (here / "p.Rmd").write_text("---\nbibliography: [a.bib, b.json]\n---\n\nText [@a; @b; @d].\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "b"]):
        subprocess.run(["git", *args], cwd=here, check=True, capture_output=True)
    assert main(["check", "--essay", "p.Rmd", "--claims", "", "--format", "json"]) == 1  # the duplicate d
    capsys.readouterr()
    assert main(["check", "--essay", "p.Rmd", "--claims", "", "--since", "HEAD"]) == 0
    assert "No new problems since HEAD" in capsys.readouterr().out


def test_init_takes_bib_repeated(here: Path) -> None:
    assert main(["init", "e.md", "--bib", "a.bib", "--bib", "b.json"]) == 0
    assert load_config(here, env={}).bibliography == ("a.bib", "b.json")


def test_sync_proposes_for_the_file_it_writes(here: Path, capsys) -> None:
    (here / "refs").mkdir()
    (here / "a.bib").write_text(BOOK.format(key="a", title="Alpha").replace("year", "pages = {101--9},\n  year"),
                                encoding="utf-8")
    assert main(["sync", "--bib", "b.json", "--bib", "a.bib", "--metadata-dir", "refs"]) == 0
    out = capsys.readouterr()
    assert "a/a.bib" in out.out and "b.json" not in out.out and "1 proposed corrections" in out.err


def test_checks_that_read_the_files_text_read_every_file(here: Path, capsys, monkeypatch) -> None:
    # The second .bib's import mark, its @preamble's macro and its size are read as the first file's are.
    from litreview.checks import size

    (here / "c.bib").write_text(
        '@preamble{"\\newcommand{\\mymacro}{M}"}\n'
        "% uncertain: title\n" + BOOK.format(key="c", title="Gamma \\mymacro{} and \\nodefinition{}"),
        encoding="utf-8")
    (here / "e.md").write_text("Text [@a; @c].\n", encoding="utf-8")
    monkeypatch.setattr(size, "MAX_BIBLIOGRAPHY", 100)
    found = findings(capsys, "--essay", "e.md", "--bib", "a.bib", "--bib", "c.bib")
    by_code = {(f["code"], Path(str(f.get("file") or "")).name, f.get("key")) for f in found}
    assert ("LR144", "c.bib", "c") in by_code  # the import mark of the second file
    assert ("LR145", "a.bib", None) in by_code and ("LR145", "c.bib", None) in by_code
    latex = [f for f in found if f["code"] == "LR142" and f.get("key") == "c"]
    assert latex and all("nodefinition" in str(f["message"]) for f in latex)  # \mymacro is defined in c.bib


def test_build_reads_every_bibliography_of_the_settings(here: Path, capsys) -> None:
    # `build` hands the settings to the MkDocs plugin through LITREVIEW_BIB: the list joined by os.pathsep.
    assert main(["init", "e.md", "--bib", "a.bib", "--bib", "b.json"]) == 0
    assert main(["build"]) == 0
    site = (here / "site").rglob("*.html")
    text = " ".join(p.read_text(encoding="utf-8") for p in site)
    assert "Alpha" in text and "Beta" in text and "From B" in text


def test_a_key_missing_from_every_file_is_said_missing_from_every_file(here: Path, capsys) -> None:
    # Not from the first file alone: the user would look for the key in a.bib only.
    both = ["--bib", "a.bib", "--bib", "b.json"]
    assert main(["links", "--essay", "e.md", "--claims", "", *both, "--source", "nokey"]) == 2
    assert "a.bib, " in capsys.readouterr().err
    assert main(["metadata", "--essay", "", *both, "--key", "nokey", "--metadata-dir", "refs"]) == 2
    err = capsys.readouterr().err
    assert "a.bib, " in err and "b.json: no entry with key nokey" in err
    (here / "claims.yaml").write_text("", encoding="utf-8")
    assert main(["links", "--essay", "e.md", "--claims", "claims.yaml", *both, "--accept", "p1-s1", "nokey"]) == 2
    assert "b.json: no entry 'nokey'" in capsys.readouterr().err


def test_the_site_names_every_bibliography(here: Path) -> None:
    from litreview.render.site import render_site
    from litreview.review import build_review

    config = load_config(here, env={"LITREVIEW_BIB": os.pathsep.join(["a.bib", "b.json"]), "LITREVIEW_ESSAY": "e.md",
                                    "LITREVIEW_CLAIMS": ""})
    home = next(text for name, text in render_site(build_review(config)).items() if name.endswith("index.md"))
    assert "<code>a.bib, b.json</code>" in home


INLINE = ("---\ntitle: T\nreferences:\n- id: d\n  type: book\n  title: From the front matter\n  publisher: Pub\n"
          "  author:\n  - family: Doe\n    given: Jo\n  issued:\n    date-parts:\n    - [2003]\n- id: i\n  type: book\n"
          "  title: Inline only\n  publisher: Pub\n  author:\n  - family: Ii\n    given: Jo\n  issued: {date-parts: [[2004]]}\n"
          "---\n\nText [@a; @d; @i].\n")


def test_front_matter_references_are_sources_and_take_precedence_as_pandoc_has_them(here: Path, capsys) -> None:
    # pandoc 3.9 --citeproc: the inline d is cited, not a.bib's; the references alone are a bibliography too.
    from litreview.review import assemble

    (here / "e.md").write_text(INLINE, encoding="utf-8")
    found = findings(capsys, "--essay", "e.md", "--bib", "a.bib")
    assert [(f["code"], Path(str(f["file"])).name, f["line"]) for f in found] == [("LR101", "a.bib", 8)]
    assert "defined again in e.md line 4" in str(found[0]["message"])
    bib = assemble(load_config(here, env={"LITREVIEW_BIB": "a.bib", "LITREVIEW_ESSAY": "e.md"}), through="load").bibliography
    d = bib.get("d")
    assert d is not None and (d.title, Path(d.file or "").name, d.line) == ("From the front matter", "e.md", 4)
    (here / "e.md").write_text(INLINE.replace("[@a; ", "["), encoding="utf-8")
    assert findings(capsys, "--essay", "e.md") == []  # no .bib at all: the front matter's are the sources


def test_init_does_not_import_the_front_matter_as_a_reference_list(here: Path, capsys) -> None:
    (here / "a.bib").unlink()
    (here / "e.md").write_text(INLINE.replace("[@a; ", "["), encoding="utf-8")
    assert main(["init", "e.md"]) == 0
    assert "the sources are the references in e.md's front matter" in capsys.readouterr().out
    assert not (here / "refs" / "bibliography.bib").exists()
    assert main(["check", "--format", "json"]) == 0


def test_a_file_named_twice_is_read_once(here: Path, capsys) -> None:
    # pandoc reads [a.bib, a.bib] without complaint; every key was a duplicate "defined again on line 1" of itself.
    found = findings(capsys, "--essay", "e.md", "--bib", "a.bib", "--bib", "b.json", "--bib", "./a.bib")
    dups = [f for f in found if f["code"] == "LR101"]
    assert [f["key"] for f in dups] == ["d"]
    assert Path(str(dups[0]["file"])).name == "b.json"  # as pandoc: the last reading of a.bib wins over b.json


@pytest.mark.parametrize(("essay", "names"), [
    ("e.md", "---\nbibliography: refs.bib\n---\n\nText [@a] and [@extra2023; @none2024].\n"),
    ("e.tex", "\\documentclass{article}\n\\begin{document}\nText \\cite{a} and \\cite{extra2023,none2024}.\n"
              "\\bibliography{refs}\n\\end{document}\n")])
def test_a_citation_of_an_entry_in_a_bib_beside_that_the_manuscript_does_not_name_says_which(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, essay: str, names: str) -> None:
    # A contributor adds the entry to the other .bib beside the manuscript, which its front matter (or \bibliography)
    # does not name: the hint said to add the missing entry, which they had just done. A key no file holds keeps the
    # usual hint.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LITREVIEW_BIB", raising=False)
    (tmp_path / "refs.bib").write_text(BOOK.format(key="a", title="Alpha"), encoding="utf-8")
    (tmp_path / "extra.bib").write_text(BOOK.format(key="extra2023", title="Extra"), encoding="utf-8")
    (tmp_path / essay).write_text(names, encoding="utf-8")
    found = {f["message"]: f["hint"] for f in findings(capsys, "--essay", essay, "--no-cache") if f["code"] == "LR300"}
    latex = essay.endswith(".tex")
    shown = (lambda key: f"no entry has the key {key!r}") if latex else (lambda key: f"citation '@{key}' matches no entry")
    assert found[shown("extra2023")] == (
        "The file extra.bib, beside the manuscript, holds 'extra2023', but the manuscript does not name that file, so "
        + ("LaTeX does not read it: name it there (in \\bibliography or \\addbibresource)" if latex else
           "pandoc does not read it: name it there (in bibliography: in the front matter)")
        + ", or move the entry into a file it names")
    assert "extra.bib" not in str(found[shown("none2024")])


def test_sync_write_corrects_each_bibtex_file_in_place(here: Path, capsys) -> None:
    # sync --write wrote the first .bib alone: an entry of the second kept its abbreviated pages, though LR138's
    # hint and the report's count of fixable findings promised that sync --write fixes it
    (here / "refs").mkdir()
    (here / "a.bib").write_text(BOOK.format(key="a", title="Alpha").replace("year", "pages = {101--9},\n  year"),
                                encoding="utf-8")
    (here / "c.bib").write_text(BOOK.format(key="c", title="Gamma").replace("year", "pages = {211--9},\n  year"),
                                encoding="utf-8")
    untouched = (here / "b.json").read_bytes()
    args = ["--bib", "b.json", "--bib", "a.bib", "--bib", "c.bib", "--metadata-dir", "refs"]
    assert main(["sync", *args]) == 0
    out = capsys.readouterr()
    assert "a/a.bib" in out.out and "a/c.bib" in out.out and "2 proposed corrections" in out.err
    assert main(["sync", "--write", "--yes", *args]) == 0
    assert "pages = {101--109}" in (here / "a.bib").read_text(encoding="utf-8")
    assert "pages = {211--219}" in (here / "c.bib").read_text(encoding="utf-8")
    assert (here / "b.json").read_bytes() == untouched
    assert "applied 2 of 2 corrections to a.bib and c.bib" in capsys.readouterr().err


def test_the_multiple_bibliographies_filters_fields_name_the_essays_bibliographies(here: Path, capsys) -> None:
    # pandoc's multiple-bibliographies filter: bibliography_primary and bibliography_secondary, each listed in its
    # ::: {#refs_primary} div. Their files were not read without settings naming them: every citation unresolved.
    from litreview.essay import load_essay
    from litreview.essay_bibliographies import named_bibliographies, naming_line

    (here / "c.bib").write_text(BOOK.format(key="b", title="Beta"), encoding="utf-8")
    (here / "m.md").write_text("---\ntitle: T\nbibliography_primary: a.bib\nbibliography_secondary: [c.bib]\n---\n\n"
                               "Text [@a; @b].\n\n::: {#refs_primary}\n:::\n\n::: {#refs_secondary}\n:::\n",
                               encoding="utf-8")
    essay = load_essay(here / "m.md")
    assert named_bibliographies(essay) == (here / "a.bib", here / "c.bib")
    assert [naming_line(essay, p) for p in named_bibliographies(essay)] == [3, 4]
    assert "LR300" not in codes(findings(capsys, "--essay", "m.md"))
    [unread] = [f for f in findings(capsys, "--essay", "m.md", "--bib", "a.bib") if f["code"] == "LR321"]
    assert (unread["line"], str(unread["message"]).split(" is named")[0]) == (4, "c.bib")
