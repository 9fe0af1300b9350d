"""Bibliographies as their tools write them (biblatex aliases, CSL sources' hints, remote resources), checked
end to end through ``litreview check``; what the file means is what biber or pandoc make of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.cli import main

ALIASED = "@book{newkey,\n  ids = {oldkey, older},\n  author = {Doe, Jane},\n  title = {A Title},\n" \
          "  publisher = {P},\n  year = {2001},\n}\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("LITREVIEW_BIB", "LITREVIEW_ESSAY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    main(["check", "--no-cache", "--format", "json", "--claims", "", *args])
    return json.loads(capsys.readouterr().out)["findings"]


def codes(found: list[dict[str, object]]) -> list[str]:
    return sorted(str(f["code"]) for f in found)


def test_latex_citing_an_ids_alias_cites_the_entry_as_biber_does(here: Path, capsys) -> None:
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.tex").write_text("\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n"
                                "\\begin{document}\nAs shown before \\cite{oldkey} and \\parencite{older}.\n"
                                "\\end{document}\n", encoding="utf-8")
    assert codes(findings(capsys, "--essay", "p.tex")) == []


def test_latex_key_of_its_own_wins_over_an_alias(here: Path, capsys) -> None:
    other = "@book{oldkey,\n  author = {Roe, Ann},\n  title = {Other},\n  publisher = {P},\n  year = {1999},\n}\n"
    (here / "refs.bib").write_text(ALIASED + "\n" + other, encoding="utf-8")
    (here / "p.tex").write_text("\\begin{document}\nAs shown \\cite{oldkey}.\n\\end{document}\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.tex", "--bib", "refs.bib")
    assert [(f["code"], f["key"]) for f in found] == [("LR307", "newkey")]


def test_markdown_citing_an_alias_names_the_entry_pandoc_does_not_resolve_it(here: Path, capsys) -> None:
    # pandoc --citeproc: "citation oldkey not found"; the entry is not unused, the citation is wrong.
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.md").write_text("As shown [@oldkey].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md", "--bib", "refs.bib")
    assert codes(found) == ["LR300"]
    assert "alias" in str(found[0]["message"]) and "@newkey" in str(found[0]["hint"])


CSL_ITEMS = [
    {"id": "a", "type": "article-journal", "title": "Alpha", "author": [{"family": "Doe", "given": "Jane"}],
     "container-title": "J", "issued": {"date-parts": [[2001]]}, "DOI": "https://doi.org/10.1000/xyz",
     "page": "448-88"},
    {"id": "c", "type": "report", "title": "Report", "issued": {"date-parts": [[2010]]}},
]


def _hints(found: list[dict[str, object]]) -> dict[str, str]:
    return {str(f["code"]): str(f["hint"]) for f in found if f["code"] in ("LR110", "LR121", "LR138")}


def test_hints_for_csl_json_speak_csl_json(here: Path, capsys) -> None:
    # They said: write doi = {10.1000/xyz}, pages = {448--488}: BibTeX, which a CSL-JSON file cannot hold.
    (here / "refs.json").write_text(json.dumps(CSL_ITEMS), encoding="utf-8")
    (here / "p.md").write_text("Cite [@a; @c].\n", encoding="utf-8")
    hints = _hints(findings(capsys, "--essay", "p.md", "--bib", "refs.json"))
    assert hints["LR121"] == 'Write "DOI": "10.1000/xyz"'
    assert hints["LR138"] == 'Write "page": "448-488"'
    assert hints["LR110"] == 'Add "publisher": "...", the body that issued it'
    assert " = {" not in "".join(hints.values())


def test_hints_for_csl_yaml_speak_yaml(here: Path, capsys) -> None:
    (here / "refs.yaml").write_text("---\nreferences:\n- id: b\n  type: book\n  author:\n  - family: Roe\n"
                                    "    given: Ann\n  publisher: P\n  DOI: doi:10.1000/xyz\n...\n", encoding="utf-8")
    (here / "p.md").write_text("Cite [@b].\n", encoding="utf-8")
    hints = _hints(findings(capsys, "--essay", "p.md", "--bib", "refs.yaml"))
    assert hints["LR121"] == "Write DOI: 10.1000/xyz"
    assert hints["LR110"] == "Add title: ...; add issued: YYYY (or issued: YYYY-MM-DD)"


def test_hints_for_bibtex_stay_bibtex(here: Path, capsys) -> None:
    (here / "refs.bib").write_text("@article{a,\n  author = {Doe, Jane},\n  title = {Alpha},\n  journal = {J},\n"
                                   "  year = {2001},\n  doi = {https://doi.org/10.1000/xyz},\n}\n", encoding="utf-8")
    (here / "p.md").write_text("Cite [@a].\n", encoding="utf-8")
    assert _hints(findings(capsys, "--essay", "p.md", "--bib", "refs.bib"))["LR121"] == "Write doi = {10.1000/xyz}"


def test_manubot_malformed_doi_hint_is_a_citation(here: Path, capsys) -> None:
    (here / "content").mkdir()
    (here / "content" / "01.md").write_text("## M\n\nBad [@doi:10.1038/].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "content", "--metadata-dir", "meta")
    hint = next(str(f["hint"]) for f in found if f["code"] == "LR120")
    assert "[@doi:10." in hint and " = {" not in hint


def test_hints_for_front_matter_references_speak_yaml(here: Path, capsys) -> None:
    (here / "p.md").write_text("---\nreferences:\n- id: b\n  type: book\n  title: T\n  issued: 2001\n"
                               "  publisher: P\n  DOI: https://doi.org/10.1000/xyz\n---\n\nCite [@b].\n",
                               encoding="utf-8")
    assert _hints(findings(capsys, "--essay", "p.md"))["LR121"] == "Write DOI: 10.1000/xyz"


REMOTE_PAPER = ("\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n"
                "\\addbibresource[location=remote]{https://example.org/shared.bib}\n"
                "\\begin{document}\nAs shown \\cite{newkey}.\n\\end{document}\n")


def test_remote_addbibresource_is_said_not_fetched(here: Path, capsys) -> None:
    # It was "https:/example.org/shared.bib: bibliography not found", a file name nobody wrote.
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "paper.tex").write_text(REMOTE_PAPER, encoding="utf-8")
    assert main(["check", "--no-cache", "--essay", "paper.tex", "--claims", ""]) == 2
    err = capsys.readouterr().err
    assert "remote bibliography, https://example.org/shared.bib, which litreview does not fetch" in err
    assert "curl -o shared.bib 'https://example.org/shared.bib'" in err and "not found" not in err
    assert main(["check", "--no-cache", "--essay", "paper.tex", "--claims", "", "--bib", "refs.bib"]) == 0


def test_remote_front_matter_bibliography_is_said_not_fetched(here: Path, capsys) -> None:
    (here / "p.md").write_text("---\nbibliography: http://127.0.0.1:23119/better-bibtex/export/library.bib\n---\n\n"
                               "Text [@a].\n", encoding="utf-8")
    assert main(["check", "--no-cache", "--essay", "p.md", "--claims", ""]) == 2
    assert "which litreview does not fetch" in capsys.readouterr().err


def test_init_notes_a_remote_bibliography_and_keeps_the_local_one(here: Path, capsys) -> None:
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "paper.tex").write_text(REMOTE_PAPER, encoding="utf-8")
    assert main(["init", "paper.tex"]) == 0
    out = capsys.readouterr()
    assert "names the remote bibliography https://example.org/shared.bib, which litreview does not fetch" in (
        out.out + out.err)
    assert 'bibliography = "refs.bib"' in (here / "litreview.toml").read_text(encoding="utf-8")


LINKED = """@xdata{pubdata,
  publisher = {Oxford University Press},
  location = {Oxford},
}

@book{main,
  author = {Doe, Jane},
  title = {Main Work},
  date = {2001},
  xdata = {pubdata},
  related = {transl},
  relatedtype = {translatedas},
}

@book{transl,
  author = {Doe, Jane},
  title = {Hauptwerk},
  date = {2003},
  xdata = {pubdata},
}

@set{both,
  entryset = {setA, setB},
}

@article{setA,
  author = {Roe, Ann},
  title = {First Part},
  journaltitle = {Journal},
  date = {2010},
}

@article{setB,
  author = {Roe, Ann},
  title = {Second Part},
  journaltitle = {Journal},
  date = {2010},
}

@mvbook{whole,
  author = {Poe, Ed},
  title = {Collected},
  date = {1990},
  publisher = {P},
}

@book{vol1,
  crossref = {whole},
  volume = {1},
  title = {Early},
}

@book{hidden,
  author = {Hoe, Hi},
  title = {Data Only},
  date = {1998},
  publisher = {P},
  options = {dataonly=true},
}

@book{alone,
  author = {Loe, Al},
  title = {Nobody Cites It},
  date = {1999},
  publisher = {P},
}
"""


def test_entries_cited_entries_lean_on_are_not_unused(here: Path, capsys) -> None:
    # An @xdata or dataonly entry, a related entry, a cited set's members and a crossref parent were LR307
    # "no claim relies on", with the hint to remove them: biber brings them in; removing one breaks the cited entry.
    (here / "refs.bib").write_text(LINKED, encoding="utf-8")
    (here / "p.tex").write_text("\\begin{document}\nAs shown \\cite{main}. Also \\cite{both}. And \\cite{vol1}.\n"
                                "\\end{document}\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.tex", "--bib", "refs.bib")
    assert [f["key"] for f in found if f["code"] == "LR307"] == ["alone"]


def test_mendeley_escaped_url_hint_gives_the_address(here: Path, capsys) -> None:
    # Mendeley writes {\&} and {\_} into url fields; biblatex reads url verbatim. The hint said only
    # "write the full address, starting with https://", which it already was.
    (here / "m.bib").write_text("@misc{s,\ntitle = {{A Page}},\nurl = {http://www.example.org/a%20b?x=1{\\&}y=2"
                                "{\\_}z$\\sim$u},\nyear = {2019}\n}\n", encoding="utf-8")
    (here / "p.md").write_text("Cite [@s].\n", encoding="utf-8")
    hint = next(str(f["hint"]) for f in findings(capsys, "--essay", "p.md", "--bib", "m.bib") if f["code"] == "LR123")
    assert hint == "Write url = {http://www.example.org/a%20b?x=1&y=2_z~u}"


DATES = [
    {"id": "lit", "type": "book", "title": "Literal", "issued": {"literal": "circa 1850"}, "publisher": "P",
     "author": [{"literal": "Royal Society"}]},
    {"id": "season", "type": "book", "title": "Season", "issued": {"date-parts": [[2008, 13]]}, "publisher": "P",
     "author": [{"family": "M", "given": "N"}]},
    {"id": "float", "type": "book", "title": "Float", "issued": {"date-parts": [[2010.0, "3"]]}, "publisher": "P",
     "author": [{"family": "Q", "given": "R"}]},
    {"id": "bc", "type": "book", "title": "Politics", "issued": {"date-parts": [[-350]]}, "publisher": "P",
     "author": [{"family": "Aristotle"}]},
    {"id": "range", "type": "book", "title": "Range", "issued": {"date-parts": [[2005], [2007, 2]]}, "publisher": "P",
     "author": [{"family": "K", "given": "L"}]},
]


def test_csl_dates_pandoc_prints_are_no_errors(here: Path, capsys) -> None:
    # pandoc 3.9 prints "circa 1850", "2008" (month 13 is spring), "2010", "350 BC"; they were LR124/LR110 errors.
    # A range (pandoc: 2005–2007) kept only its start.
    from litreview.bibliography.csl import parse_csl

    (here / "c.json").write_text(json.dumps(DATES), encoding="utf-8")
    (here / "p.md").write_text("Cite [@lit; @season; @float; @bc; @range].\n", encoding="utf-8")
    assert [f for f in findings(capsys, "--essay", "p.md", "--bib", "c.json") if f["severity"] == "error"] == []
    bib = parse_csl(json.dumps(DATES), "c.json")
    assert [(s.year, s.fields.get("date", "")) for s in bib.sources] == [
        (1850, ""), (2008, "2008-21"), (2010, "2010-03"), (-350, "-0350"), (2005, "2005/2007-02")]


@pytest.mark.parametrize("text", [
    "---\nreferences:\n- id: a1\n  type: book\n  title: T\n  issued: 2001\n  publisher: P\n---\n",
    "---\nreferences:\n- id: a1\n  type: book\n  title: T\n  issued: 2001\n  publisher: P\n...\n---\nother: x\n",
])
def test_csl_yaml_framed_like_a_front_matter_is_read(text: str) -> None:
    # pandoc reads both; they were LR100 "expected a single document in the stream".
    from litreview.bibliography.csl import parse_csl

    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert (bib.keys, bib.problems) == (("a1",), ())


def test_sync_on_csl_lists_the_changes_in_the_files_words(here: Path, capsys) -> None:
    # It stopped with "cannot edit the bibliography: no entry starts on line 2" (BibTeX editing on JSON).
    (here / "refs.json").write_text(json.dumps(CSL_ITEMS, indent=1), encoding="utf-8")
    assert main(["sync", "--bib", "refs.json", "--essay", "", "--metadata-dir", "meta"]) == 0
    out = capsys.readouterr()
    assert 'refs.json:3: a: "DOI": "10.1000/xyz"' in out.out and 'a: "page": "448-488"' in out.out
    assert "edits BibTeX only" in out.err and json.loads((here / "refs.json").read_text(encoding="utf-8")) == CSL_ITEMS


def test_hyphen_run_range_hint_names_the_entrys_pages(here: Path, capsys) -> None:
    (here / "j.bib").write_text('@Article{Doe2001,\n  AUTHOR = "Doe, J.",\n  TITLE = "T",\n  JOURNAL = "J",\n'
                                '  YEAR = 2001,\n  PAGES = "1----10",\n}\n', encoding="utf-8")
    (here / "p.md").write_text("Cite [@Doe2001].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md", "--bib", "j.bib")
    assert next(f["hint"] for f in found if f["code"] == "LR143") == "Write pages = {1--10}"


def test_better_bibtex_csl_yaml_dates_are_read() -> None:
    # Better BibTeX writes CSL-YAML dates as a list of {year, month, day}; pandoc prints them ("2020",
    # "2005–2007"), litreview read no date at all: false LR110 "lacks year or date".
    from litreview.bibliography.csl import parse_csl

    text = ("---\nreferences:\n- id: doe2020\n  type: book\n  title: T\n  issued:\n  - year: 2020\n    month: 5\n"
            "    day: 12\n  accessed:\n  - year: 2023\n    month: 1\n    day: 15\n- id: range2\n  type: book\n"
            "  title: R\n  issued:\n  - year: 2005\n  - year: 2007\n...\n")
    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert [(s.year, s.fields.get("date"), s.urldate) for s in bib.sources] == [
        (2020, "2020-05-12", "2023-01-15"), (2005, "2005/2007", "")]


def test_csl_yaml_date_as_one_year_month_day_map_is_read() -> None:
    # pandoc reads "issued: {year: 2014, month: 1, day: 13}" (a map, not a list of them) as 2014-01-13;
    # litreview read no date: a false LR110 "webpage item lacks issued or accessed".
    from litreview.bibliography.csl import parse_csl

    text = ("---\nreferences:\n- id: page14\n  type: webpage\n  title: T\n  issued:\n    year: 2014\n"
            "    day: 13\n    month: 1\n...\n")
    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert [(s.year, s.fields.get("date")) for s in bib.sources] == [(2014, "2014-01-13")]


def test_csl_json_with_a_byte_order_mark_is_reported(here: Path, capsys) -> None:
    # pandoc 3.9: "Error reading bibliography file refs.json: Unexpected "\239\187\191[..."; litreview said nothing.
    (here / "refs.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(CSL_ITEMS[1:]).encode())
    (here / "refs.yaml").write_bytes(b"\xef\xbb\xbf---\nreferences:\n- id: c\n  type: book\n  title: T\n...\n")
    (here / "p.md").write_text("Cite [@c].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md", "--bib", "refs.json")
    assert [(f["code"], f["line"]) for f in found if f["code"] == "LR100"] == [("LR100", 1)]
    assert "LR300" not in codes(found)  # the items are still read
    assert "LR100" not in codes(findings(capsys, "--essay", "p.md", "--bib", "refs.yaml"))  # pandoc reads YAML's


def test_csl_json_export_keeps_a_biblatex_dates_month_and_range() -> None:
    # pandoc -f biblatex -t csljson: date = {2020-05} is [[2020, 5]]; litreview wrote [[2020]] (the month field only).
    from litreview.bibliography.load import parse_bibliography
    from litreview.render.csljson import to_csl_json

    bib = parse_bibliography("@article{a, title = {T}, date = {2020-05}}\n@book{b, title = {R}, date = {2005/2007}}\n"
                             "@book{c, title = {S}, year = {1999}, month = jan}\n", "z.bib")
    assert [i["issued"]["date-parts"] for i in to_csl_json(bib.sources)] == [[[2020, 5]], [[2005], [2007]], [[1999, 1]]]


def test_zotero_escaped_html_tag_is_lr141_and_csl_rich_text_is_not(here: Path, capsys) -> None:
    # Zotero's BibTeX export writes <i> as {\textless}i{\textgreater}: pandoc prints "The <i>E. coli</i> genome"
    # and litreview said nothing. In CSL, <i> is rich text pandoc renders in italics: it was a false LR141.
    (here / "z.bib").write_text("@article{z,\n  title = {The {\\textless}i{\\textgreater}{E}. coli{\\textless}/i"
                                "{\\textgreater} genome},\n  author = {Doe, Jane},\n  journal = {J},\n  year = {2020},\n"
                                "}\n", encoding="utf-8")
    (here / "h.json").write_text(json.dumps([{"id": "z", "type": "book", "title": "The <i>E. coli</i> genome",
                                              "author": [{"family": "D"}], "issued": {"date-parts": [[2001]]},
                                              "publisher": "P"}]), encoding="utf-8")
    (here / "p.md").write_text("Cite [@z].\n", encoding="utf-8")
    tagged = [f for f in findings(capsys, "--essay", "p.md", "--bib", "z.bib") if f["code"] == "LR141"]
    assert [f["message"] for f in tagged] == ["title holds the HTML tag <i>: 'The <i>E. coli</i> genome'"]
    assert "LR141" not in codes(findings(capsys, "--essay", "p.md", "--bib", "h.json"))


def test_csl_values_are_not_latex(here: Path, capsys) -> None:
    # "Cats & Dogs" in CSL-JSON was LR140 "unescaped &: write \&" (pandoc would then print the backslash), and
    # "A_b" LR142 "_ outside math": CSL values are text, not LaTeX.
    (here / "s.json").write_text(json.dumps([{"id": "h", "type": "book", "title": "Cats & Dogs: 50% of A_b homes",
                                              "author": [{"family": "D"}], "issued": {"date-parts": [[2001]]},
                                              "publisher": "Pets & Society"}]), encoding="utf-8")
    (here / "p.md").write_text("Cite [@h].\n", encoding="utf-8")
    assert not {"LR140", "LR142"} & set(codes(findings(capsys, "--essay", "p.md", "--bib", "s.json")))


def test_csl_title_case_hint_protects_with_a_nocase_span(here: Path, capsys) -> None:
    (here / "t.json").write_text(json.dumps([{"id": "t1", "type": "book", "title": "THE STATE OF NATO ALLIANCES",
                                              "author": [{"family": "Doe"}], "issued": {"date-parts": [[2001]]},
                                              "publisher": "P"}]), encoding="utf-8")
    (here / "p.md").write_text("Cite [@t1].\n", encoding="utf-8")
    hint = next(str(f["hint"]) for f in findings(capsys, "--essay", "p.md", "--bib", "t.json") if f["code"] == "LR130")
    assert hint.endswith('protect real acronyms in <span class="nocase">...</span>') and "braces" not in hint


def test_remote_bibliography_of_a_quarto_book_is_said_not_fetched(here: Path, capsys) -> None:
    (here / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n    - ch1.qmd\n"
                                      "bibliography: https://example.org/lib.bib\n", encoding="utf-8")
    (here / "index.qmd").write_text("# Intro\n\nText [@a].\n", encoding="utf-8")
    (here / "ch1.qmd").write_text("# Ch1\n\nMore [@b].\n", encoding="utf-8")
    for essay in ("ch1.qmd", "_quarto.yml"):
        assert main(["check", "--no-cache", "--essay", essay, "--claims", ""]) == 2
        assert "https://example.org/lib.bib, which litreview does not fetch" in capsys.readouterr().err


def test_csl_missing_fields_are_named_as_csl_names_them(here: Path, capsys) -> None:
    # It said "@techreport entry lacks author, institution": CSL has no such type or field.
    (here / "refs.json").write_text(json.dumps(CSL_ITEMS), encoding="utf-8")
    (here / "p.md").write_text("Cite [@a; @c].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md", "--bib", "refs.json")
    assert [f["message"] for f in found if f["code"] == "LR110"] == ["report item lacks publisher"]


def test_csl_book_with_no_publisher_is_named_as_csl_names_it(here: Path, capsys) -> None:
    # It said "@book entry names no publisher for the book" of a CSL-JSON item of type book.
    (here / "refs.json").write_text(json.dumps([{"id": "b", "type": "book", "title": "T", "author": [{"literal": "X"}],
                                                 "issued": {"date-parts": [[1936]]}}]), encoding="utf-8")
    (here / "p.md").write_text("Cite [@b].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md", "--bib", "refs.json")
    assert [f["message"] for f in found if f["code"] == "LR111"] == ["book item names no publisher for the book"]


def test_csl_item_with_no_author_is_cited_by_its_title(here: Path, capsys) -> None:
    # pandoc 3.9 prints ("Treaty of Westphalia" 1648): CSL requires no author. It was LR110 "manuscript item lacks
    # author", the requirement of the @unpublished it is read into.
    items = [{"id": "t", "type": "manuscript", "title": "Treaty of Westphalia", "issued": {"date-parts": [[1648]]}},
             {"id": "e", "type": "article-journal", "title": "Editorial", "container-title": "J",
              "issued": {"date-parts": [[2001]]}, "DOI": "10.1000/e"},
             {"id": "n", "type": "manuscript", "issued": {"date-parts": [[1648]]}}]
    (here / "refs.json").write_text(json.dumps(items), encoding="utf-8")
    (here / "p.md").write_text("Cite [@t; @e; @n].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md", "--bib", "refs.json")
    assert [(f["key"], f["message"]) for f in found if f["code"] == "LR110"] == [("n", "manuscript item lacks title")]
    # BibTeX keeps its own requirements
    (here / "refs.bib").write_text("@unpublished{t,\n  title = {Treaty of Westphalia},\n  year = {1648},\n}\n",
                                   encoding="utf-8")
    (here / "q.md").write_text("Cite [@t].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "q.md", "--bib", "refs.bib")
    assert [f["message"] for f in found if f["code"] == "LR110"] == ["@unpublished entry lacks author"]


def test_csl_item_with_only_an_original_date_is_told_pandoc_prints_no_date(here: Path, capsys) -> None:
    # pandoc 3.9 prints (Darwin, n.d.) for it: "lacks issued" alone left the user wondering about original-date.
    (here / "refs.yaml").write_text("references:\n- id: o\n  type: book\n  title: Origin of Species\n"
                                    "  author:\n  - family: Darwin\n  publisher: Murray\n"
                                    "  original-date: 1859\n", encoding="utf-8")
    (here / "p.md").write_text("Cite [@o].\n", encoding="utf-8")
    [lacks] = [f for f in findings(capsys, "--essay", "p.md", "--bib", "refs.yaml") if f["code"] == "LR110"]
    assert lacks["message"] == "book item lacks issued: pandoc prints n.d., not its original-date 1859"
    assert lacks["hint"] == ("Add issued: YYYY, the date of the edition cited, and keep original-date for the "
                             "first publication")


def test_links_source_given_an_alias_names_the_entry(here: Path, capsys) -> None:
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.tex").write_text("\\begin{document}\nAs shown \\cite{oldkey}.\n\\end{document}\n", encoding="utf-8")
    assert main(["links", "--essay", "p.tex", "--bib", "refs.bib", "--claims", "", "--source", "oldkey"]) == 2
    assert "alias (ids) of 'newkey': --source newkey" in capsys.readouterr().err


def test_csl_article_is_a_preprint_with_no_journal(here: Path, capsys) -> None:
    # CSL "article" is a preprint or working paper (pandoc -t biblatex: @misc); it was LR110 "lacks journal".
    (here / "pp.json").write_text(json.dumps([{"id": "pp", "type": "article", "title": "A Preprint",
                                               "author": [{"family": "D"}], "issued": {"date-parts": [[2021]]},
                                               "URL": "https://arxiv.org/abs/2101.00001", "publisher": "arXiv"}]),
                                  encoding="utf-8")
    (here / "p.md").write_text("Cite [@pp].\n", encoding="utf-8")
    assert "LR110" not in codes(findings(capsys, "--essay", "p.md", "--bib", "pp.json"))


def test_csl_paper_presented_at_an_event_needs_no_proceedings(here: Path, capsys) -> None:
    # pandoc prints "Paper presented at Annual Meeting, Boston"; it was LR110 "lacks container-title".
    (here / "talk.json").write_text(json.dumps([{"id": "talk", "type": "paper-conference", "title": "A Talk",
                                                 "author": [{"family": "D"}], "issued": {"date-parts": [[2019]]},
                                                 "event-title": "Annual Meeting", "event-place": "Boston"},
                                                {"id": "p2", "type": "paper-conference", "title": "In Print",
                                                 "author": [{"family": "E"}], "issued": {"date-parts": [[2019]]}}]),
                                     encoding="utf-8")
    (here / "p.md").write_text("Cite [@talk; @p2].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md", "--bib", "talk.json")
    assert [f["key"] for f in found if f["code"] == "LR110"] == ["p2"]


def test_latex_nocite_of_an_alias_keeps_the_entry(here: Path, capsys) -> None:
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.tex").write_text("\\begin{document}\nText without citations.\n\\nocite{oldkey}\n\\end{document}\n",
                                encoding="utf-8")
    assert "LR307" not in codes(findings(capsys, "--essay", "p.tex", "--bib", "refs.bib"))


BIBTEX_PAPER = ("\\documentclass{article}\n{use}\\begin{document}\nAs shown \\cite{oldkey}.\n{nocite}"
                "\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n")


def test_a_latex_paper_built_with_bibtex_does_not_resolve_an_alias(here: Path, capsys) -> None:
    # BibTeX reads no ids: "I didn't find a database entry for oldkey". It was resolved as biber would.
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.tex").write_text(BIBTEX_PAPER.replace("{use}", "").replace("{nocite}", ""), encoding="utf-8")
    found = findings(capsys, "--essay", "p.tex")
    assert [(f["code"], f["key"], f["line"]) for f in found] == [("LR300", "newkey", 3)]
    assert "alias in the ids of 'newkey'" in str(found[0]["message"]) and "BibTeX" in str(found[0]["message"])
    assert found[0]["hint"] == "Write \\cite{newkey}"
    # \nocite{oldkey} brings nothing in either: the entry is unused.
    (here / "p.tex").write_text(BIBTEX_PAPER.replace("{use}", "").replace("As shown \\cite{oldkey}.", "Text.")
                                .replace("{nocite}", "\\nocite{oldkey}\n"), encoding="utf-8")
    assert codes(findings(capsys, "--essay", "p.tex")) == ["LR307"]


@pytest.mark.parametrize("use", ["\\usepackage{biblatex}\n", "\\usepackage[backend=biber,style=apa]{biblatex}\n"])
def test_biblatex_with_a_bibliographystyle_left_over_still_resolves_aliases(here: Path, capsys, use: str) -> None:
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.tex").write_text(BIBTEX_PAPER.replace("{use}", use).replace("{nocite}", ""), encoding="utf-8")
    assert codes(findings(capsys, "--essay", "p.tex")) == []


def test_biblatex_with_the_bibtex_backend_does_not_resolve_aliases(here: Path, capsys) -> None:
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.tex").write_text(BIBTEX_PAPER.replace("{use}", "\\usepackage[backend=bibtex]{biblatex}\n")
                                .replace("{nocite}", "").replace("\\bibliographystyle{plain}\n", ""),
                                encoding="utf-8")
    assert codes(findings(capsys, "--essay", "p.tex")) == ["LR300"]


@pytest.mark.parametrize("option", ["--accept", "--reject"])
def test_links_accept_or_reject_given_an_alias_names_the_entry(here: Path, capsys, option: str) -> None:
    # It said "no entry 'oldkey' in the bibliography", hint "check the key with `litreview sources`".
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.tex").write_text("\\begin{document}\nAs shown \\cite{oldkey}.\n\\end{document}\n", encoding="utf-8")
    args = ["links", "--essay", "p.tex", "--bib", "refs.bib", "--claims", "claims.yaml"]
    assert main([*args, option, "p1-s1", "oldkey"]) == 2
    assert f"alias (ids) of 'newkey': {option} p1-s1 newkey" in capsys.readouterr().err
    assert not (here / "claims.yaml").exists()
    assert main([*args, option, "p1-s1", "newkey"]) == 0


PARENTHESISED = ("@string(jn = {Journal})\n\n@Article(paren1,\n  author = {Doe, Jane},\n  title = {A Title},\n"
                 "  journal = jn,\n  year = {2001},\n  doi = {10.1000/x1},\n)\n\n" + ALIASED.replace("oldkey, older", "x"))


def test_a_parenthesised_entry_pandoc_refuses_is_reported_for_a_manuscript_pandoc_builds(here: Path, capsys) -> None:
    # BibTeX, biber and pybtex read @Article(key, …); pandoc 3 stops at the '(' and reads no entry of the file.
    (here / "refs.bib").write_text(PARENTHESISED, encoding="utf-8")
    (here / "p.md").write_text("---\nbibliography: refs.bib\n---\nCite [@paren1] and [@newkey].\n", encoding="utf-8")
    found = [f for f in findings(capsys, "--essay", "p.md") if f["code"] == "LR100"]
    assert [(f["file"], f["line"], f["key"], f["hint"]) for f in found] == [
        ("refs.bib", 1, None, "Write braces: @string{…}"), ("refs.bib", 3, "paren1", "Write braces: @Article{paren1, …}")]
    assert "pandoc refuses the whole file" in str(found[1]["message"])
    # The same file for a LaTeX paper (BibTeX or biber build it): nothing to say.
    (here / "p.tex").write_text("\\begin{document}\nCite \\cite{paren1,newkey}.\n\\end{document}\n", encoding="utf-8")
    assert "LR100" not in codes(findings(capsys, "--essay", "p.tex", "--bib", "refs.bib"))


def test_pandoc_refuses_parentheses_and_reads_the_braces_the_hint_gives(here: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    import subprocess

    def pandoc_reads(text: str) -> bool:
        (here / "t.bib").write_text(text, encoding="utf-8")
        return subprocess.run([pypandoc.get_pandoc_path(), "-f", "bibtex", "-t", "csljson", "t.bib"],
                              capture_output=True, check=False).returncode == 0

    assert not pandoc_reads(PARENTHESISED)
    braced = PARENTHESISED.replace("@string(jn = {Journal})", "@string{jn = {Journal}}") \
        .replace("@Article(paren1,", "@Article{paren1,").replace("\n)\n", "\n}\n")
    assert pandoc_reads(braced)


WEB_PAGE = ("@article{a1,\n  author = {Doe, Jane},\n  title = {A},\n  journal = {J},\n  year = {2001},\n}\n\n"
            "@web_page{DOA,\n  title = {Direction of arrival},\n  url = {https://example.org/doa},\n}\n")


def test_an_entry_type_pandoc_refuses_is_reported_for_a_manuscript_pandoc_builds(here: Path, capsys) -> None:
    # Mendeley's @web_page: BibTeX, biber and pybtex read it (LR102 says it is no type of theirs); pandoc stops at the
    # '_' and reads no entry of the file. It was told as an unknown type alone.
    (here / "refs.bib").write_text(WEB_PAGE, encoding="utf-8")
    (here / "p.md").write_text("---\nbibliography: refs.bib\n---\nCite [@a1] and [@DOA].\n", encoding="utf-8")
    found = [f for f in findings(capsys, "--essay", "p.md") if f["code"] in ("LR100", "LR102")]
    assert [(f["code"], f["line"], f["key"]) for f in found] == [("LR100", 8, "DOA"), ("LR102", 8, "DOA")]
    assert found[0]["message"] == ("the entry type @web_page holds '_': pandoc reads an entry type in letters alone "
                                   "and refuses the whole file (\"unexpected '_'\"), so the document does not render")
    assert found[1]["hint"].startswith("Write @online, biblatex's type for a web page")
    (here / "p.tex").write_text("\\begin{document}\nCite \\cite{a1,DOA}.\n\\end{document}\n", encoding="utf-8")
    assert "LR100" not in codes(findings(capsys, "--essay", "p.tex", "--bib", "refs.bib"))


def test_pandoc_refuses_an_entry_type_of_other_characters_than_letters(here: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    import subprocess

    def pandoc_reads(text: str) -> bool:
        (here / "t.bib").write_text(text, encoding="utf-8")
        return subprocess.run([pypandoc.get_pandoc_path(), "-f", "bibtex", "-t", "csljson", "t.bib"],
                              capture_output=True, check=False).returncode == 0

    assert not pandoc_reads(WEB_PAGE) and not pandoc_reads(WEB_PAGE.replace("web_page", "web2"))
    assert pandoc_reads(WEB_PAGE.replace("web_page", "online"))


BARE = ("@article{guetter2015,\n  author = {G{\\\"u}tter, S.},\n  journal = {Rundbrief},\n  volume = 7,\n"
        "  pages = 1-19,\n  title = {Wie machen wir das},\n  year = 2015,\n}\n")


def test_a_bare_value_past_a_number_is_read_as_pandoc_reads_it_and_reported(here: Path, capsys) -> None:
    # "pages = 1-19" (no braces): pybtex keeps "1" and drops the title and year after it; pandoc reads the entry whole,
    # so a rendered "(Gütter 2015)" cites it. The entry keeps every field; LR100 names the braces to write.
    (here / "refs.bib").write_text(BARE, encoding="utf-8")
    (here / "p.md").write_text("---\nbibliography: refs.bib\n---\nSurveys agree (Gütter 2015).\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md")
    bare = [f for f in found if f["code"] == "LR100"]
    assert [(f["line"], f["hint"]) for f in bare] == [(5, "Write pages = {1-19}")]
    assert "pandoc reads '1-19'" in str(bare[0]["message"])
    assert not [f for f in found if "Gütter" in str(f["message"]) and "no entry" in str(f["message"])]


def test_pandoc_reads_a_bare_word_after_a_number_whole(here: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc (pypandoc-binary, in the test extra) is not installed")
    from litreview.bibliography.load import parse_bibliography

    for value in ("1-19", "12a", "1:19", "1_2", "1+2", "2015b"):
        text = BARE.replace("1-19", value)
        item = json.loads(pypandoc.convert_text(text, "csljson", format="bibtex"))[0]
        source = parse_bibliography(text).sources[0]
        assert (source.field("pages"), source.title, source.year) == (item["page"], item["title"], 2015), value


COMMENTED_FIELDS = """@article{lost2001,
  author = {Roe, Jane},
  % title = {Old title},
  title = {New title},
  journal = {J},
  year = {2001},
  doi = {10.1000/x1}
}

@article{last2002,
  author = {Poe, Jim},
  title = {Second},
  journal = {J},
  year = {2002},
  doi = {10.1000/x2}
  % note = {drop this}
}

@article{value2003,
  author = {Doe, Jon},
  title = {Third},
  journal = {J},
  year = {2003},
  doi = {10.1000/x3},
}
"""


def test_a_comment_line_inside_an_entry_is_reported_for_a_bibtex_build(here: Path, capsys) -> None:
    # pybtex (and BibTeX) read no comment: "%" where a field name or a "," is due stops the entry, the fields
    # after the line lost ("You're missing a field name", "I was expecting a `,' or a `}'"); biber and pandoc skip
    # the line. A LaTeX paper built with BibTeX is told, at the line, with what BibTeX loses.
    (here / "refs.bib").write_text(COMMENTED_FIELDS, encoding="utf-8")
    cite = "Cite \\cite{lost2001,last2002,value2003}.\n"
    (here / "p.tex").write_text(f"\\begin{{document}}\n{cite}\\bibliographystyle{{plain}}\n\\bibliography{{refs}}\n"
                                "\\end{document}\n", encoding="utf-8")
    found = [f for f in findings(capsys, "--essay", "p.tex", "--bib", "refs.bib") if f["code"] == "LR100"]
    assert [(f["line"], f["key"], f["severity"]) for f in found] == [(3, "lost2001", "warning"),
                                                                      (16, "last2002", "warning")]
    assert "(it loses title, journal, year, doi)" in str(found[0]["message"])
    assert "every field is before the line" in str(found[1]["message"])
    # Built with biber (biblatex), or by pandoc, the line is a comment: nothing to say; nor of a % line in a value.
    (here / "p.tex").write_text(f"\\usepackage{{biblatex}}\n\\addbibresource{{refs.bib}}\n\\begin{{document}}\n{cite}"
                                "\\printbibliography\n\\end{document}\n", encoding="utf-8")
    assert "LR100" not in codes(findings(capsys, "--essay", "p.tex", "--bib", "refs.bib"))
    (here / "p.md").write_text("Cite [@lost2001; @last2002; @value2003].\n", encoding="utf-8")
    assert "LR100" not in codes(findings(capsys, "--essay", "p.md", "--bib", "refs.bib"))
    in_value = COMMENTED_FIELDS.replace("  % title = {Old title},\n", "").replace("  % note = {drop this}\n", "")
    (here / "refs.bib").write_text(in_value.replace("title = {Third},", "title = {Third,\n  % not a comment\n  end},"),
                                   encoding="utf-8")
    (here / "p.tex").write_text(f"\\begin{{document}}\n{cite}\\bibliographystyle{{plain}}\n\\bibliography{{refs}}\n"
                                "\\end{document}\n", encoding="utf-8")
    assert "LR100" not in codes(findings(capsys, "--essay", "p.tex", "--bib", "refs.bib"))


def test_pybtex_reads_a_comment_line_inside_an_entry_as_no_comment() -> None:
    # The reading the finding stands on, from pybtex itself: the fields after the % line are lost.
    from pybtex.database.input.bibtex import Parser

    errors: list[Exception] = []

    class Lenient(Parser):
        def handle_error(self, error: Exception) -> None:
            errors.append(error)

    entries = Lenient().parse_string(COMMENTED_FIELDS).entries
    assert [str(e) for e in errors] == ["syntax error in line 3: '}' expected", "syntax error in line 16: '}' expected"]
    assert dict(entries["lost2001"].fields) == {}
    assert set(entries["last2002"].fields) == {"title", "journal", "year", "doi"}



DIALECT_BIB = ("@misc{site,\n  author = {Roe, Ann},\n  title = {A Page},\n  url = {https://example.org/a},\n"
               "  urldate = {2020-01-02},\n}\n\n@inproceedings{talk,\n  author = {Poe, Bo},\n  title = {A Talk},\n"
               "  booktitle = {Proceedings of a Meeting},\n  pages = {12-1--12-9},\n  year = {1999},\n}\n")
READ_OVER = ["\n@book{site,\n  author = {Doe, Jane},\n  title = {A Book},\n  publisher = {P},\n  year = {2001},\n}\n",
             "\n@book{site,\n  author = {Doe, Jane},\n  title = {A Book,\n  publisher = {P},\n  year = {2001},\n}\n"]


@pytest.mark.parametrize("added", READ_OVER)
def test_an_entry_read_over_still_makes_the_file_biblatex(here: Path, capsys, added: str) -> None:
    # A duplicate key (pandoc keeps the later entry) or a broken entry left the file's only urldate unread: the file
    # stopped counting as biblatex, and the pages of an untouched entry were read as BibTeX reads them (biber
    # misreads a range of chapter-numbered pages, 12-1--12-9; BibTeX prints it as written).
    (here / "refs.bib").write_text(DIALECT_BIB + added, encoding="utf-8")
    found = findings(capsys, "--essay", "", "--bib", "refs.bib")
    assert [f["key"] for f in found if f["code"] == "LR143"] == ["talk"]
    assert {"LR100", "LR101"} & set(codes(found))


@pytest.mark.parametrize("added", READ_OVER)
def test_a_bibtex_file_with_an_entry_read_over_stays_bibtex(here: Path, capsys, added: str) -> None:
    # The close case: no entry of the file uses a biblatex field, so BibTeX's reading of the pages stands.
    (here / "refs.bib").write_text(DIALECT_BIB.replace("  urldate = {2020-01-02},\n", "") + added, encoding="utf-8")
    assert "LR143" not in codes(findings(capsys, "--essay", "", "--bib", "refs.bib"))


ADS_MACRO = ("@article{Connerney1998,\n  author = {{Connerney}, J.~E.~P. and {Satoh}, T.},\n  title = \"{New models of "
             "Jupiter's magnetic field}\",\n  journal = {\\jgr},\n  year = 1998,\n  volume = {103},\n"
             "  pages = {11929-11940},\n  doi = {10.1029/97JA03726},\n}\n\n"
             "@article{ok,\n  author = {Doe, Jane},\n  title = {B},\n  journal = {J. Geophys. Res.},\n  year = 1999,\n"
             "  doi = {10.1029/x},\n}\n")


def test_an_ads_journal_macro_is_reported_for_a_manuscript_pandoc_builds(here: Path, capsys) -> None:
    # A JOSS paper.bib of NASA ADS exports: journal = {\jgr}, AASTeX's macro for J. Geophys. Res. pandoc defines no such
    # macro and prints the entry with no journal at all; nothing was reported.
    (here / "paper.bib").write_text(ADS_MACRO, encoding="utf-8")
    (here / "paper.md").write_text("---\nbibliography: paper.bib\n---\nCite [@Connerney1998] and [@ok].\n",
                                   encoding="utf-8")
    found = [f for f in findings(capsys, "--essay", "paper.md") if f["code"] == "LR142"]
    assert [(f["line"], f["key"], f["hint"]) for f in found] == [
        (4, "Connerney1998", "Write journal = {J. Geophys. Res.} (or the journal's full name), which pandoc, BibTeX "
                             "and biber all print")]
    assert "pandoc prints no journal" in str(found[0]["message"])
    # For a LaTeX paper (AASTeX and the MNRAS class define it): nothing to say.
    (here / "p.tex").write_text("\\begin{document}\nCite \\cite{Connerney1998,ok}.\n\\end{document}\n", encoding="utf-8")
    assert "LR142" not in codes(findings(capsys, "--essay", "p.tex", "--bib", "paper.bib"))


def test_an_entry_type_pandoc_refuses_is_a_warning_for_a_bibliography_checked_alone(here: Path, capsys) -> None:
    # real bibliography praca-in-ynierska: `litreview check --bib export.bib` (no manuscript) told the 8 @web_page entries as
    # unknown types alone (LR102), while pandoc refuses the whole file at the first. Without a manuscript the tool
    # that prints the bibliography is not known: a warning, which says where LaTeX reads it.
    (here / "refs.bib").write_text(WEB_PAGE.replace("@article{a1,", "@article(a1,").replace("{2001},\n}", "{2001},\n)"),
                                   encoding="utf-8")
    found = [f for f in findings(capsys, "--essay", "", "--bib", "refs.bib") if f["code"] == "LR100"]
    assert [(f["severity"], f["line"], f["key"]) for f in found] == [("warning", 1, "a1"), ("warning", 8, "DOA")]
    assert found[1]["message"].startswith("the entry type @web_page holds '_': pandoc reads an entry type in letters")
    assert found[1]["hint"].endswith("(for a document pandoc renders: BibTeX and biber read the file as it is)")


def test_a_month_written_as_a_word_pandoc_does_not_read_is_told_for_a_pandoc_manuscript(here: Path, capsys) -> None:
    # real bibliography ncardozo/bib: month = {February}. pandoc 3.9 reads a month in figures or as the three letters of a
    # month macro alone ("feb", "{Feb}", "May"): it prints "AAAI'18, 2018." where the page printed "February 2018".
    (here / "refs.bib").write_text(
        "@inproceedings{fulton18,\n  author = {Fulton, N.},\n  title = {T},\n  booktitle = {B},\n"
        "  month = {February},\n  year = {2018}}\n"
        "@inproceedings{b,\n  author = {Roe, R.},\n  title = {T},\n  booktitle = {B},\n  month = feb,\n  year = {2018}}\n"
        "@inproceedings{c,\n  author = {Poe, P.},\n  title = {T},\n  booktitle = {B},\n  month = {May},\n  year = {2018}}\n"
        "@inproceedings{d,\n  author = {Moe, M.},\n  title = {T},\n  booktitle = {B},\n  month = \"7\",\n  year = {2018}}\n",
        encoding="utf-8")
    (here / "p.md").write_text("---\nbibliography: refs.bib\n---\nCite [@fulton18; @b; @c; @d].\n", encoding="utf-8")
    found = [f for f in findings(capsys, "--essay", "p.md") if f["code"] == "LR146"]
    assert [(f["key"], f["line"], f["severity"]) for f in found] == [("fulton18", 5, "warning")]
    assert found[0]["message"] == ("month {February} is a word pandoc reads no month in (a month in figures or its "
                                   "three letters alone): it prints the year alone")
    assert found[0]["hint"] == "Write month = feb, the macro BibTeX, biber and pandoc all read"
    (here / "p.tex").write_text("\\begin{document}\nCite \\cite{fulton18}.\n\\end{document}\n", encoding="utf-8")
    assert "LR146" not in codes(findings(capsys, "--essay", "p.tex", "--bib", "refs.bib"))


def test_a_month_in_another_language_is_told_with_the_macro_and_the_date_the_day_folds_into(here: Path, capsys) -> None:
    # real bibliography AlphaActual/zavrsni-rad: every entry has a Croatian month (month = {Srpanj}) and a day field.
    # pandoc's citeproc reads no month in it ("issued": [[2024]]), biber warns and drops it, BibTeX prints it as
    # written: told at the month's line with or without a manuscript (checked alone: as a warning).
    (here / "refs.bib").write_text(
        "@misc{hr1,\n  author = {Horvat, I.},\n  title = {T},\n  year = {2024},\n  month = {Srpanj},\n  day = {23}}\n"
        "@misc{hr2,\n  author = {Kovač, A.},\n  title = {T},\n  year = {2023},\n  month = {Sječanj}}\n"
        "@misc{hr3,\n  author = {Babić, B.},\n  title = {T},\n  year = {2023},\n  month = {Listopad}}\n"
        "@misc{en,\n  author = {Roe, R.},\n  title = {T},\n  year = {2018},\n  month = {February}}\n",
        encoding="utf-8")
    alone = [f for f in findings(capsys, "--essay", "", "--bib", "refs.bib") if f["code"] == "LR146"]
    # Checked alone, an English month word is left (biber and BibTeX read "February"); another language's is not.
    assert [(f["key"], f["line"], f["severity"]) for f in alone] == [("hr1", 5, "warning"), ("hr2", 11, "warning"),
                                                                   ("hr3", 16, "warning")]
    assert "biber" in alone[0]["message"] and "pandoc" in alone[0]["message"]
    assert alone[0]["hint"] == "Write month = jul (July), or date = {2024-07-23} with the day field folded in"
    assert alone[1]["hint"] == "Write month = jan (January), or date = {2023-01}"
    # "listopad" is October in Croatian, November in Polish and Czech: no one month is guessed.
    assert alone[2]["hint"].startswith("Write the month as its macro (month = jan ... dec) or in figures")
    (here / "p.md").write_text("---\nbibliography: refs.bib\n---\nCite [@hr1; @hr2; @hr3; @en].\n", encoding="utf-8")
    built = [f for f in findings(capsys, "--essay", "p.md") if f["code"] == "LR146"]
    assert [(f["key"], f["line"]) for f in built] == [("hr1", 5), ("hr2", 11), ("hr3", 16), ("en", 21)]
    assert built[0]["hint"] == alone[0]["hint"]
    # A LaTeX paper built with biber (biblatex) loses it too; one built with BibTeX prints it as written.
    (here / "b.tex").write_text("\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\n"
                                "Cite \\cite{hr1}.\n\\printbibliography\n\\end{document}\n", encoding="utf-8")
    biber = [f for f in findings(capsys, "--essay", "b.tex", "--bib", "refs.bib") if f["code"] == "LR146"]
    assert [(f["key"], f["line"]) for f in biber] == [("hr1", 5), ("hr2", 11), ("hr3", 16)]
    (here / "t.tex").write_text("\\begin{document}\nCite \\cite{hr1}.\n\\bibliographystyle{plain}\n"
                                "\\bibliography{refs}\n\\end{document}\n", encoding="utf-8")
    assert "LR146" not in codes(findings(capsys, "--essay", "t.tex", "--bib", "refs.bib"))
