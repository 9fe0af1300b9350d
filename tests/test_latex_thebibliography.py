"""A LaTeX manuscript's own reference list (``thebibliography``, ``\\bibitem{key}``): its list, not its prose; its
citations resolved against its keys once imported; ``import`` and ``init`` take its items under their keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.cli import main
from litreview.essay import load_essay
from litreview.essay.latex_bibitems import bibitems, bibtex_keys

TB = ("\\documentclass{article}\n\\begin{document}\nText \\cite{a}. More \\cite{b}.\n\n"
      "\\begin{thebibliography}{9}\n"
      "\\bibitem{a} Smith, J. (2001). \\emph{A Book on Things}. Oxford University Press.\n"
      "% \\bibitem{gone} A commented item.\n"
      "\\bibitem[Roe(2005)]{b} Roe, R. (2005). An article title.\n\\newblock \\textit{Journal of Stuff}, 12(3),\n"
      "  45--67.\n"
      "\\end{thebibliography}\n\\end{document}\n")


def test_the_items_of_the_list_with_their_keys_and_lines() -> None:
    assert [(i.key, i.text, i.line) for i in bibitems(TB)] == [
        ("a", "Smith, J. (2001). A Book on Things. Oxford University Press.", 6),
        ("b", "Roe, R. (2005). An article title. Journal of Stuff, 12(3), 45–67.", 8)]
    assert bibitems("Text \\cite{a}.\n") == []


def test_the_list_is_no_prose_of_the_manuscript(tmp_path: Path) -> None:
    # It was read as a paragraph: "9 Smith, J. (2001). A Book on Things ..." a claim of the essay.
    (tmp_path / "tb.tex").write_text(TB, encoding="utf-8")
    essay = load_essay(tmp_path / "tb.tex")
    assert [c.text for c in essay.claims] == ["Text [@{a}].", "More [@{b}]."], essay.claims
    assert [cite.key for c in essay.claims for cite in c.citations or ()] == ["a", "b"]


def test_import_takes_the_items_under_their_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tb.tex").write_text(TB, encoding="utf-8")
    assert main(["import", "tb.tex", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    got = {e["id"] if "id" in e else e.get("key"): e for e in json.loads(out)}
    assert sorted(got) == ["a", "b"], out
    assert "thebibliography" in err and "2 references" in err, err


def test_init_imports_the_list_and_check_resolves_the_citations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # init said "tb.tex has no reference section" and started an empty bibliography: every \cite an LR300.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tb.tex").write_text(TB, encoding="utf-8")
    assert main(["init", "tb.tex"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "no reference section" not in said and "thebibliography" in said, said
    main(["check", "--format", "json", "--no-cache"])
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "LR300" not in codes and "LR307" not in codes, codes


def test_check_without_a_bibliography_names_the_list_and_how_to_import_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tb.tex").write_text(TB, encoding="utf-8")
    assert main(["check", "--essay", "tb.tex"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "tb.tex writes its own reference list (thebibliography): `litreview init tb.tex`" in err, err


def test_a_list_with_no_item_is_no_list_and_no_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # A template's empty list (its items still to write, or all commented out) raised ValueError from a strict zip:
    # check, import and init answered "unexpected ValueError ... a bug in litreview".
    empty = ("\\documentclass{article}\n\\begin{document}\nText \\cite{a}.\n\n\\begin{thebibliography}{9}\n"
             "% \\bibitem{a} A commented item.\n\\end{thebibliography}\n\\end{document}\n")
    assert bibitems(empty) == []
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tb.tex").write_text(empty, encoding="utf-8")
    assert main(["check", "--essay", "tb.tex"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "bibliography not found" in err and "unexpected" not in err, err


def test_a_label_with_braces_inside_braces_keeps_its_item() -> None:
    # natbib's .bbl pasted into a manuscript writes an accented name's braces inside the label's: "[{{\"O}zel}(2010)]".
    # A label of one level of braces alone was read: the item was lost, its text run on into the item before.
    text = ("\\begin{thebibliography}{}\n"
            "\\bibitem[{Abbott} {et~al.}(2016)]{abbott16} Abbott, B. P. (2016). Observation of waves. PRL, 116, 1.\n"
            "\\bibitem[{{\\\"O}zel}(2010)]{ozel10} \\\"Ozel, F. (2010). Neutron stars. ApJ, 1, 2.\n"
            "\\bibitem[{{\\c{C}}ay}(2011)]{cay11} Cay, A. (2011). Other. ApJ, 1, 2.\n"
            "\\end{thebibliography}\n")
    assert [(i.key, i.text, i.line) for i in bibitems(text)] == [
        ("abbott16", "Abbott, B. P. (2016). Observation of waves. PRL, 116, 1.", 2),
        ("ozel10", "Özel, F. (2010). Neutron stars. ApJ, 1, 2.", 3),
        ("cay11", "Cay, A. (2011). Other. ApJ, 1, 2.", 4)]


def test_the_item_reader_is_linear_on_unclosed_labels() -> None:
    import time

    for text in ("\\begin{thebibliography}{9}\n" + "\\bibitem[{{" * 20_000,
                 "\\begin{thebibliography}{9}\n" + "\\bibitem[{a}" * 20_000,
                 "\\begin{thebibliography}{9}\n" + "\\bibitem[{{x}" + "a" * 100_000):
        start = time.perf_counter()
        bibitems(text)
        assert time.perf_counter() - start < 2.0


def test_a_list_in_an_input_file_is_imported_by_init_and_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # check's hint said `litreview init paper.tex` imports the \bibitem entries, but init and import read the main
    # file alone: init wrote an empty bibliography ("no reference section"), import took the body as references.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text("\\documentclass{article}\n\\begin{document}\nIt holds \\cite{a}.\n"
                                        "\\input{biblio}\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "biblio.tex").write_text("\\begin{thebibliography}{9}\n\\bibitem{a} Smith, J. (2001). "
                                         "\\emph{A Book on Things}. Oxford University Press.\n"
                                         "\\end{thebibliography}\n", encoding="utf-8")
    assert main(["import", "paper.tex"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("@book{a,") and "A Book on Things" in out, out
    assert "thebibliography list, under its \\bibitem keys, of biblio.tex read by paper.tex (line 2 on)" in " ".join(err.split()), err
    assert main(["init", "paper.tex"]) == 0
    capsys.readouterr()
    assert "@book{a," in (tmp_path / "refs" / "bibliography.bib").read_text(encoding="utf-8")
    assert main(["check", "--format", "json"]) in (0, 1)
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "LR300" not in codes, codes


def test_a_bibitem_key_no_bibtex_key_can_be_is_imported_under_one_that_can(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # LaTeX takes \bibitem{Smith 2001} and \bibitem{Roe,2002}; import wrote "@article{Smith 2001," (pybtex: "'}'
    # expected"; pandoc refuses the file) and "@article{Roe,2002," (the key Roe, then a field "2002" with no value).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\nAs shown \\cite{Smith 2001} and \\cite{ok1}.\n"
        "\\begin{thebibliography}{9}\n"
        "\\bibitem{Smith 2001} J. Smith. A study of things. Journal of Stuff, 12(3):1--10, 2001.\n"
        "\\bibitem{Roe,2002} A. Roe. Another study. Journal of Stuff, 13(1):5--9, 2002.\n"
        "\\bibitem{Roe_2002} B. Roe. Third study. Journal of Stuff, 14(1):5--9, 2003.\n"
        "\\bibitem{ok1} B. Poe. Fourth study. Journal of Stuff, 14(1):5--9, 2003.\n"
        "\\end{thebibliography}\n\\end{document}\n", encoding="utf-8")
    assert main(["import", "paper.tex"]) == 0
    out, err = capsys.readouterr()
    from litreview.bibliography.load import parse_bibliography

    bib = parse_bibliography(out, "refs.bib")
    assert bib.keys == ("Smith_2001", "Roe_2002_2", "Roe_2002", "ok1"), out
    assert not [p for p in bib.problems if p.code == "LR100"], bib.problems
    said = " ".join(err.split())
    assert "'Smith 2001' (line 5) holds a space" in said and "\\cite{Smith_2001}" in said, said
    assert "'Roe,2002' (line 6) holds a comma" in said and "\\cite{Roe_2002_2}" in said, said
    assert "ok1" not in said.split("keys")[-1], said
    assert main(["init", "paper.tex"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "'Smith 2001' (line 5) holds a space" in said, said
    assert "@article{Smith_2001," in (tmp_path / "refs" / "bibliography.bib").read_text(encoding="utf-8")


def test_a_bibitem_key_holding_braces_is_read_as_latex_reads_it() -> None:
    # LaTeX takes \bibitem{a{b}c} (its key the text in the outer braces, which \cite{a{b}c} finds); the item was
    # dropped with no word, its text read as the end of the item before it.
    text = ("\\begin{thebibliography}{9}\n\\bibitem{a} A. Smith. First.\n\\bibitem{Roe{\\\"o}2002} B. Roe. Second.\n"
            "\\bibitem[Poe]{x{y{z}}w} C. Poe. Third.\n\\end{thebibliography}\n")
    items = bibitems(text)
    assert [(i.key, i.text, i.line) for i in items] == [
        ("a", "A. Smith. First.", 2), ("Roe{\\\"o}2002", "B. Roe. Second.", 3), ("x{y{z}}w", "C. Poe. Third.", 4)]
    keys, note = bibtex_keys(items)
    assert keys == ["a", "Roe_o_2002", "x_y_z_w"], keys
    assert "the \\bibitem key 'Roe{\\\\\"o}2002' (line 3) holds '{'" in note and "\\cite{x_y_z_w}" in note, note
