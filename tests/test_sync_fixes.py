"""`sync --write` offers every correction `check` can make mechanically, from the check's own rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.checks import check_review
from litreview.checks.fixes import mechanical_fixes
from litreview.cli import main
from litreview.config import Config
from litreview.model import Review, SourceMetadata, UrlCheck
from litreview.registry.corrections import apply_corrections

BIB = """@article{vincent1988hedley,
  author  = {Vincent, R.j. and Bull, Hedley},
  title   = {Hedley Bull and Order in International Politics},
  journal = {Millennium},
  pages   = {195--13},
  year    = {1988},
  doi     = {https://doi.org/10.1177/03058298880170020701},
}

@article{farrell2005world,
  author  = {Theo Farrell},
  title   = {World Culture and Military Power},
  journal = {Security Studies},
  pages   = {448--88},
  year    = {2005},
  doi     = {doi:10.1080/09636410500323187},
}

@online{moved2019,
  title   = {A Page That Moved},
  url     = {http://example.org/old},
  urldate = {2024-01-01},
}

@book{fine2001,
  author    = {Doe, J. K.},
  title     = {Nothing to Fix},
  publisher = {Press},
  year      = {2001},
}
"""
MOVED = {"moved2019": SourceMetadata("moved2019", "no-doi", url_check=UrlCheck(
    "http://example.org/old", True, 200, final_url="https://example.org/new-home/"))}
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def test_each_mechanical_fix_and_its_check() -> None:
    bib = parse_bibliography(BIB, "refs.bib")
    fixes = {(c.key, c.field): c.new for c in mechanical_fixes(bib, MOVED)}
    assert fixes == {
        ("vincent1988hedley", "author"): "Vincent, R. J. and Bull, Hedley",
        ("vincent1988hedley", "doi"): "10.1177/03058298880170020701",
        ("farrell2005world", "pages"): "448--488",
        ("farrell2005world", "doi"): "10.1080/09636410500323187",
        ("moved2019", "url"): "https://example.org/new-home/",
    }  # '195--13' ends before it starts (LR139): not mechanical, so not offered
    found = {(f.key, f.code) for f in check_review(Review(bibliography=bib, metadata=MOVED), Config(), now=NOW).findings}
    assert {("vincent1988hedley", "LR133"), ("vincent1988hedley", "LR121"), ("farrell2005world", "LR138"),
            ("farrell2005world", "LR121"), ("moved2019", "LR211")} <= found
    fixed = parse_bibliography(apply_corrections(bib, mechanical_fixes(bib, MOVED)), "refs.bib")
    after = {(f.key, f.code) for f in check_review(Review(bibliography=fixed, metadata={}), Config(), now=NOW).findings}
    assert not after & {("vincent1988hedley", "LR133"), ("vincent1988hedley", "LR121"), ("farrell2005world", "LR138"),
                        ("farrell2005world", "LR121")}


def test_a_hyphen_run_page_range_is_fixed_as_check_asks() -> None:
    # Mendeley writes an en dash as pages = {L45----L48}: LR143's hint says "write pages = {L45--L48}", and sync
    # --write makes the change. The close cases: a single hyphen (BibTeX's styles double it, pandoc prints an en dash),
    # a range biblatex reads as it is and an arXiv id in pages (whose fix is no range) are not offered.
    text = ("@article{a, title={T}, journal={ApJ}, year={2000}, pages={L45----L48}}\n"
            "@article{b, title={T}, journal={ApJ}, year={2000}, pages={arXiv:2205.06627}, eprint={2205.06627}}\n"
            "@article{c, title={T}, journal={ApJ}, year={2000}, pages={L45-L48}}\n")
    bib = parse_bibliography(text, "refs.bib")
    assert {(c.key, c.field, c.new) for c in mechanical_fixes(bib)} == {("a", "pages", "L45--L48")}
    fixed = parse_bibliography(apply_corrections(bib, mechanical_fixes(bib)), "refs.bib")
    assert [f.key for f in check_review(Review(bibliography=fixed), Config(), now=NOW).findings
            if f.code == "LR143"] == ["b"]
    biblatex = parse_bibliography("@article{a, title={T}, journaltitle={ApJ}, date={2000}, pages={45-48}}\n", "x.bib")
    assert mechanical_fixes(biblatex) == []


def test_sync_write_applies_them_without_a_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["sync", "--bib", "refs.bib", "--metadata-dir", "none", "--write", "--yes"]) == 0
    expected = (BIB.replace("{Vincent, R.j. and", "{Vincent, R. J. and").replace("{448--88}", "{448--488}")
                .replace("{https://doi.org/10.1177/", "{10.1177/").replace("{doi:10.1080/", "{10.1080/"))
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == expected  # every other byte kept
    assert "applied 4 of 4" in capsys.readouterr().err


def test_a_date_in_another_layout_is_rewritten_in_iso_form() -> None:
    bib = parse_bibliography("@misc{dotted,\n  title = {Dotted},\n  date = {21.04.2018},\n}\n"
                             "@misc{iso,\n  title = {Iso},\n  date = {2018-04},\n}\n", "refs.bib")
    fixes = mechanical_fixes(bib)
    assert [(c.key, c.field, c.new) for c in fixes] == [("dotted", "date", "2018-04-21")]
    assert "LR146" in {f.code for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings}
    fixed = parse_bibliography(apply_corrections(bib, fixes), "refs.bib")
    assert not {f.code for f in check_review(Review(bibliography=fixed), Config(), now=NOW).findings} & {"LR146", "LR124"}


SENTENCE_DOIS = """@article{dotdoi,
  author  = {Fernhill, A.},
  title   = {World Culture and Imagined Military Power},
  journal = {Journal of Synthetic Security Studies},
  year    = {2005},
  volume  = {14},
  pages   = {448--488},
  doi     = {10.5555/lr.culture.2005.},
}

@book{dotlink,
  author    = {Holmwood, B.},
  title     = {Taming the Imaginary Sovereigns},
  publisher = {Synthetic University Press},
  year      = {2004},
  url       = {https://doi.org/10.5555/lr.sovereigns.},
}
"""


def test_a_doi_ending_with_the_sentences_full_stop_is_fetched_and_synced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """"10.5555/x." in the doi field, or a doi.org link ending so in the url field, is the DOI 10.5555/x:
    the registries are asked for it and sync proposes both their corrections and the DOI without the stop."""
    from litreview.testing.fake_registry import FakeRegistry
    from litreview.testing.helpers import FAKE_LIMITS

    (tmp_path / "refs.bib").write_text(SENTENCE_DOIS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["--bib", "refs.bib", "--metadata-dir", "metadata", "--essay", ""]
    with FakeRegistry(limits=FAKE_LIMITS) as server:
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("LITREVIEW_MAILTO", "tests@example.org")
        assert main(["fetch", *args]) == 0
        assert "2 verified" in capsys.readouterr().out
        assert main(["sync", *args]) == 0
    diff = capsys.readouterr().out
    assert "-  doi     = {10.5555/lr.culture.2005.},\n+  doi     = {10.5555/lr.culture.2005}," in diff
    assert "+  number  = 3" in diff  # the registry's issue, from the record the DOI without its stop found
    assert "+  doi       = {10.5555/lr.sovereigns}" in diff


def test_the_doi_fix_names_the_final_mark() -> None:
    bib = parse_bibliography(SENTENCE_DOIS, "refs.bib")
    assert [(c.key, c.old, c.new, c.reason) for c in mechanical_fixes(bib) if c.field == "doi"] == [
        ("dotdoi", "10.5555/lr.culture.2005.", "10.5555/lr.culture.2005", "LR121 DOI ending with the sentence's '.'"),
        ("dotlink", "", "10.5555/lr.sovereigns", "LR137 the URL is a DOI link")]
    found = {f.key: f for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code == "LR137"}
    assert "final '.' is the sentence's" in found["dotlink"].message
    assert found["dotlink"].hint.startswith("Write doi = {10.5555/lr.sovereigns}")


def test_a_companys_legal_form_is_no_initials_to_capitalise() -> None:
    # "Kowal, sp. z o.o." is a Polish company (LR133 says so); sync proposed "Kowal, Sp. Z O.O.".
    bib = parse_bibliography("@misc{a, author = {Nowak, j. and Kowal, sp. z o.o.}, title = {T}, year = 2002}", "x.bib")
    assert [(c.field, c.new) for c in mechanical_fixes(bib)] == [("author", "Nowak, J. and Kowal, sp. z o.o.")]


CHAPTER_IN_A_BOOKS_DOI = """@incollection{chapter,
  author    = {Lünenborg, Margreth},
  title     = {Unterhaltung als Journalismus},
  booktitle = {Journalismus und Unterhaltung},
  publisher = {VS Verlag für Sozialwissenschaften},
  isbn      = {978-3-531-90724-6},
  pages     = {67--85},
  year      = {2007},
  url       = {http://dx.doi.org/10.1007/978-3-531-90724-6},
}

@incollection{own,
  author    = {Roe, Rick},
  title     = {A Chapter},
  booktitle = {A Book},
  publisher = {Springer},
  year      = {2007},
  url       = {https://doi.org/10.1007/978-3-531-90724-6_5},
}

@book{book,
  author    = {Roe, Rick},
  title     = {The Book},
  publisher = {Springer},
  year      = {2007},
  url       = {https://doi.org/10.1007/978-3-531-90724-6},
}
"""


def test_a_chapter_is_not_offered_its_books_doi_as_its_own() -> None:
    # a chapter whose URL is its book's DOI link (its suffix the book's ISBN): the chapter's own DOI is another
    # (Springer's: the book's with "_5"); sync --write wrote the book's into the chapter's doi field
    bib = parse_bibliography(CHAPTER_IN_A_BOOKS_DOI, "refs.bib")
    assert [(c.key, c.new) for c in mechanical_fixes(bib) if c.field == "doi"] == [
        ("own", "10.1007/978-3-531-90724-6_5"), ("book", "10.1007/978-3-531-90724-6")]
    found = {f.key: f for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code == "LR137"}
    assert "10.1007/978-3-531-90724-6" in found["chapter"].message and "book" in found["chapter"].message
    assert "doi = {" not in found["chapter"].hint and "sync --write" not in found["chapter"].hint
    assert found["own"].hint.startswith("Write doi = {10.1007/978-3-531-90724-6_5}")


def test_a_chapter_whose_url_is_its_books_doi_has_no_doi() -> None:
    # the loader gave the chapter the book's DOI from its URL: fetch looked up the book's record for the chapter
    from litreview.bibliography.csl import parse_csl

    bib = parse_bibliography(CHAPTER_IN_A_BOOKS_DOI, "refs.bib")
    assert {s.key: s.doi for s in bib.sources} == {
        "chapter": "", "own": "10.1007/978-3-531-90724-6_5", "book": "10.1007/978-3-531-90724-6"}
    csl = parse_csl('[{"id": "c", "type": "chapter", "title": "T", "container-title": "B", "issued": {"date-parts":'
                    ' [[2007]]}, "URL": "http://dx.doi.org/10.1007/978-3-531-90724-6"}]', "refs.json")
    assert [s.doi for s in csl.sources] == [""]
    (found,) = [f for f in check_review(Review(bibliography=csl), Config(), now=NOW).findings if f.code == "LR137"]
    assert "10.1007/978-3-531-90724-6" in found.message and "book" in found.message, found.message


@pytest.mark.parametrize(("text", "filename", "said"), [
    ('[{"id": "a", "type": "article-journal", "title": "T", "container-title": "J", "issued": {"date-parts": [[2011]]},'
     ' "URL": "https://doi.org/10.5555/lr.csl"}]', "refs.json", 'Write "DOI": "10.5555/lr.csl"'),
    ("- id: a\n  type: article-journal\n  title: T\n  container-title: J\n  issued: 2011\n"
     "  URL: https://doi.org/10.5555/lr.csl\n", "refs.yaml", "Write DOI: 10.5555/lr.csl")])
def test_the_doi_hint_of_a_csl_item_promises_no_sync_write(text: str, filename: str, said: str) -> None:
    # sync --write refuses a CSL file (it writes BibTeX): the hint said "(sync --write adds it)" all the same
    from litreview.bibliography.csl import parse_csl

    bib = parse_csl(text, filename, yaml=filename.endswith(".yaml"))
    (found,) = [f for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code == "LR137"]
    assert found.hint.startswith(said) and "sync" not in found.hint, found.hint
    assert found.message.endswith("put the DOI in the DOI field")


def test_a_dry_run_shows_the_loaded_entries_proposals_after_naming_the_files_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # One duplicate field (LR103, an error) blocked every proposal of the file: a dry run writes nothing, so it
    # names the problem first and shows the rest; --write still refuses, writing nothing.
    broken = BIB.replace("  year      = {2001},\n", "  year      = {2001},\n  year      = {2002},\n")
    (tmp_path / "refs.bib").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["sync", "--bib", "refs.bib", "--metadata-dir", "none"]) == 0
    out, err = capsys.readouterr()
    assert "LR103" in err and "field 'year' appears" in err
    assert "+  pages   = {448--488}," in out and "+  author  = {Vincent, R. J. and Bull, Hedley}," in out
    assert "`litreview sync --write` edits nothing until" in err
    assert err.index("LR103") < err.index("proposed corrections")
    assert main(["sync", "--bib", "refs.bib", "--metadata-dir", "none", "--format", "json"]) == 0
    assert {c["key"] for c in json.loads(capsys.readouterr().out)} == {"vincent1988hedley", "farrell2005world"}
    assert main(["sync", "--bib", "refs.bib", "--metadata-dir", "none", "--write", "--yes"]) == 2
    assert "fix them and run again" in capsys.readouterr().err
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == broken
