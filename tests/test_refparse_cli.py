"""`litreview import`: output on stdout, exit status 2 with the path on bad input."""

from __future__ import annotations

import json
import re

import pytest

from litreview.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_bibtex_for_the_fixture(capsys, cases):
    code, out, err = run(capsys, "import", str(cases / "refparse_styles" / "references.txt"))
    assert code == 0
    assert len(re.findall(r"^@", out, re.M)) == 8
    assert "@article{nguyen2019tidal,\n" in out
    assert "8 references" in err


def test_import_json_has_key_and_uncertain(capsys, cases):
    code, out, _ = run(capsys, "import", str(cases / "refparse_styles" / "references.txt"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [d["key"] for d in data][:2] == ["nguyen2019tidal", "larsen2015reading"]
    assert all("uncertain" in d and "raw" in d for d in data)


def test_import_the_essay(capsys, shared):
    code, out, _ = run(capsys, "import", str(shared / "seed" / "essay.txt"), "--format", "bibtex")
    assert code == 0
    assert len(re.findall(r"^@", out, re.M)) == 24
    assert "% uncertain: title\n@article{williams2001discipline," in out


def test_missing_file_exits_2_naming_it(capsys, tmp_path):
    code, out, err = run(capsys, "import", str(tmp_path / "nope.txt"))
    assert (code, out) == (2, "")
    assert "nope.txt" in err and "not found" in err


def test_not_utf8_exits_2(capsys, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Citations\n\nM\xfcller, Hans. Titel. Berlin: Verlag, 2001.\n".encode("latin-1"))
    code, _, err = run(capsys, "import", str(path))
    assert code == 2
    assert "latin1.txt:3" in err and "UTF-8" in err


def test_no_references_exits_2(capsys, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2 and "empty" in err
    path.write_text("Body.\n\nReferences\n\nLeave a Reply\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(path), "--section", "References")
    assert code == 2 and "empty" in err


def test_help_has_an_example(capsys):
    code, out, _ = run(capsys, "import", "--help")
    assert code == 0
    assert "Examples:" in out and "litreview import" in out and "--section" in out


def test_a_document_without_a_reference_heading_says_so(capsys, tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("Smith, John. 2001. A Title. London: Verso.\n\nDoe, Jane. 2002. Another. Oxford: OUP.\n")
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and len(re.findall(r"^@", out, re.M)) == 2
    assert "no reference section heading" in err


def test_a_document_without_a_reference_heading_says_how_to_give_the_list_one(capsys, tmp_path):
    # `pandoc --citeproc -t plain` prints the reference list after the text with no heading: every paragraph of
    # the text was imported as a reference, and the note did not say how to import the list alone.
    path = tmp_path / "paper.txt"
    path.write_text("Introduction\n\nSleep matters (Smith 2001).\n\n"
                    "Smith, John. 2001. A Title. London: Verso.\n")
    code, _, err = run(capsys, "import", str(path))
    assert code == 0
    err = " ".join(err.split())
    assert "no reference section heading" in err
    assert "write a line References above the list's first reference" in err and "--section" in err


def test_a_file_that_is_all_list_is_not_told_it_has_no_list(capsys, tmp_path):
    # The documented `litreview import references.txt` (one reference per paragraph): the note read "no list at
    # the end of the text" of a file that is nothing but its list, as if the import had gone wrong.
    path = tmp_path / "references.txt"
    path.write_text("Smith, John. 2001. A Title. London: Verso.\n\nDoe, Jane. 2002. Another. Oxford: OUP.\n")
    code, _, err = run(capsys, "import", str(path))
    err = " ".join(err.split())
    assert code == 0 and "no list at the end" not in err
    assert "each of its 2 paragraphs or lines was taken as a reference, as for a file that holds only its list" in err


def test_a_found_heading_is_named(capsys, tmp_path):
    path = tmp_path / "paper.md"
    path.write_text("Body text.\n\n## Works Cited\n\nSmith, John. 2001. A Title. London: Verso.\n")
    code, _, err = run(capsys, "import", str(path))
    assert code == 0
    assert "'Works Cited' section" in err and "no reference section heading" not in err


@pytest.mark.parametrize(("name", "start", "says"), [
    ("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "is a PDF, not plain text"),
    ("paper.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "is a word processor file"),
    ("paper.rtf", b"{\\rtf1\\ansi References\\par Bandura}", "is a word processor file"),
])
def test_a_pdf_or_word_file_is_refused_with_how_to_get_its_text(capsys, tmp_path, name, start, says):
    (tmp_path / name).write_bytes(start)
    code, out, err = run(capsys, "import", str(tmp_path / name))
    assert code == 2 and out == ""
    # The command that takes its text, piped into the import (the messages of `init` and `import` are one place's).
    assert says in err and "hint:" in err and "| litreview import -" in err


def test_import_leaves_a_front_matter_out(capsys, tmp_path):
    # A Markdown document's YAML front matter is no reference: it came out as a @misc "--- title: ...".
    doc = tmp_path / "paper.md"
    doc.write_text("---\ntitle: My paper\nauthor: Me\n---\n\nBae, Nancy S, and Peter Baumann. 2007. "
                   "“A RAP1/TRF2 Complex Inhibits Nonhomologous End-Joining at Human Telomeric DNA Ends.” "
                   "Molecular Cell 26 (3): 323–34.\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(doc), "--format", "json")
    assert code == 0 and [r["title"][:9] for r in json.loads(out)] == ["A RAP1/TR"]
    assert "1 reference from" in err and "(line 6 on)" in err


def test_dash_reads_the_document_from_standard_input(capsys, monkeypatch, cases):
    import io

    text = (cases / "refparse_styles" / "references.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    code, out, err = run(capsys, "import", "-")
    assert code == 0 and "@article{nguyen2019tidal,\n" in out
    assert "8 references" in err and "<stdin>" in err
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"%PDF-1.4\n"), encoding="utf-8"))
    code, out, err = run(capsys, "import", "-")
    assert (code, out) == (2, "") and "<stdin>" in err and "is a PDF" in err
    # The hint pipes the text in, not "pdftotext '<stdin>' out.txt" (no file of that name).
    assert "pdftotext paper.pdf - | litreview import -" in err and "'<stdin>'" not in err
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("References\n\nM\u00fcller, K. 2004. Taming the "
                                                                 "sovereigns. Cambridge.\n".encode("cp1252")),
                                                      encoding="utf-8"))
    code, out, err = run(capsys, "import", "-")
    assert code == 2 and "-t UTF-8 FILE | litreview import -" in err and "'<stdin>'" not in err


def test_help_says_dash_is_standard_input(capsys):
    _, out, _ = run(capsys, "import", "--help")
    assert "litreview import -" in out and "standard input" in out


PROSE = ("Sleep loss impairs attention in ways that accumulate over days, and the effect is larger in shift "
         "workers than in students (Smith 2001). We ask whether the same holds for adolescents, whose sleep "
         "need is larger and whose schedules are set by school start times rather than by choice.")
LIST = ("Smith, John. 2001. A Title. London: Verso.\n\nDoe, Jane. 2002. Another. Oxford: OUP.\n\n"
        "Roe, Richard. 2003. A Third. Paris: Seuil.\n")


def test_an_unheaded_list_after_the_text_is_imported_alone_and_its_lines_told(capsys, tmp_path):
    # `pandoc --citeproc -t plain` prints the list after the text with no heading: every paragraph was imported.
    path = tmp_path / "paper.txt"
    path.write_text(f"Introduction\n\n{PROSE}\n\n{PROSE}\n\n{LIST}")
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and len(re.findall(r"^@", out, re.M)) == 3
    err = " ".join(err.split())
    assert "the list with no heading at the end (lines 7-11)" in err
    assert "(line 7 on)" not in err  # its lines were told once: "(lines 338-398) of it.txt (line 338 on)"
    assert "--whole" in err and "--section" in err
    code, out, err = run(capsys, "import", str(path), "--whole")
    assert code == 0 and len(re.findall(r"^@", out, re.M)) == 6
    assert "no heading at the end" not in err


def test_whole_and_section_exclude_each_other(capsys, tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(f"{PROSE}\n\nReferences\n\n{LIST}")
    code, _, err = run(capsys, "import", str(path), "--whole", "--section", "References")
    assert code == 2 and "--whole" in err and "--section" in err


def test_a_heading_of_a_name_not_known_right_above_the_list_is_named_and_no_heading_asked_for(capsys, tmp_path):
    # A Finnish thesis's "# Lähteet" above the list pandoc rendered: the note asked for a heading the file has.
    path = tmp_path / "thesis.md"
    prose = " ".join(["Sana"] * 45) + "."
    refs = "\n\n".join(f"Virtanen, Matti. 200{i}. Otsikko {i}. Helsinki: Gaudeamus." for i in range(4))
    path.write_text(f"# Johdanto\n\n{prose}\n\n# Kaynakca Listesi\n\n{refs}\n")
    code, _, err = run(capsys, "import", str(path))
    err = " ".join(err.split())
    assert code == 0 and "'Kaynakca Listesi' section" in err and "no reference section heading" not in err
