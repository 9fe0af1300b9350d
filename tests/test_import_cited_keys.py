"""Imported entries take the keys the manuscript cites them by (`litreview import`, `litreview init`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from litreview.bibliography.keys import adopt_cited_keys, named_work
from litreview.bibliography.refparse.reference import ParsedReference
from litreview.cli import main
from litreview.model import Person

CASE = Path(__file__).parent / "cases" / "import_cited_keys"


def work(families: str, year: str, title: str) -> tuple[tuple[Person, ...], str, str]:
    return tuple(Person(family=f) for f in families.split()), year, title


WORKS = [work("Brae", "1998", "Logs of the Northern Lights"), work("Marsh", "2004", "Bells on the Water"),
         work("Marsh", "2004", "Horns in the Fog"), work("Quill Quill", "2011", "Keepers' Families"),
         work("Vale", "2016", "Tides"), work("Vale Rook", "2016", "Tides Again")]


@pytest.mark.parametrize(("key", "index"), [
    ("brae1998", 0), ("Brae:1998a", 0), ("brae_1998_logs", 0), ("Brae1998LogsNorthern", 0), ("quill2011", 3),
    ("QuillQuill2011", 3), ("quilletal2011", 3),
    ("marsh2004bells", 1), ("Marsh:2004Horns", 2),  # the title word chooses between the two of 2004
    ("ValeRook2016", 5), ("vale2016", None),  # Vale and Rook's; Vale's own work or theirs
    ("marsh2004", None), ("marsh2004a", None), ("marsh2004b", None),  # a letter alone does not choose
    ("brae1999", None), ("brae1998lamps", None), ("rook2016", None), ("braes1998", None), ("1998brae", None),
])
def test_a_cited_key_names_the_one_work_it_reads_as(key: str, index: int | None) -> None:
    assert named_work(key, WORKS) == index


def test_a_work_takes_a_key_only_when_it_alone_claims_it_and_no_other_entry_holds_it() -> None:
    keys = ["brae1998logs", "marsh2004bells", "marsh2004horns", "quill2011keepers", "brae1998", "vale2016tidesagain"]
    # Brae1998 names Brae's work, but another entry has that key (case aside): never given twice, even when that
    # entry takes a cited key of its own (Vale:2016).
    cited = ["Brae1998",
             "quill2011", "Quill2011",  # two keys name one work: neither is given
             "marsh2004bells", "marsh2004b",  # Marsh's bells cited under their own key; a letter does not choose
             "ValeRook2016", "Vale:2016"]  # Vale and Rook's work, then Vale's, the other of 2016
    assert adopt_cited_keys(cited, WORKS, keys) == [
        "brae1998logs", "marsh2004bells", "marsh2004horns", "quill2011keepers", "Vale:2016", "ValeRook2016"]
    # A bare key of two works names the one no other cited key names.
    assert adopt_cited_keys(["marsh2004bells", "Marsh2004"], WORKS, keys)[1:3] == ["marsh2004bells", "Marsh2004"]
    # A key BibTeX cannot hold is never written as one.
    assert adopt_cited_keys(["brae1998#x", "brae 1998"], WORKS[:1], ["brae1998logs"]) == ["brae1998logs"]


def test_a_keys_letter_names_the_work_the_list_prints_with_it() -> None:
    # "Marsh, Ida. 2004b." in the reference list: the manuscript's marsh2004b is that work, whatever the order of
    # the list; a letter the list prints for no work of the two, or a list with no letters, names neither.
    keys = ["brae1998logs", "marsh2004bells", "marsh2004horns"]
    assert adopt_cited_keys(["marsh2004a", "Marsh:2004b"], WORKS[:3], keys, ["", "b", "a"]) == [
        "brae1998logs", "Marsh:2004b", "marsh2004a"]
    assert adopt_cited_keys(["marsh2004c"], WORKS[:3], keys, ["", "b", "a"]) == keys
    assert adopt_cited_keys(["marsh2004a"], WORKS[:3], keys, ["", "", ""]) == keys


@pytest.mark.parametrize(("raw", "letter"), [
    ("Marsh, Ida. 2004b. Bells on the Water.", "b"), ("Marsh, I. (2004a). Horns in the fog.", "a"),
    ("Marsh, Ida. 2004. Horns. https://example.org/2004a", ""),  # an address's, not the year's
    ("Marsh, Ida. 2004. The 2004s and after.", ""), ("Marsh, Ida. 2004. Horns.", ""),
])
def test_the_letter_printed_after_the_year(raw: str, letter: str) -> None:
    assert ParsedReference(raw=raw, year="2004").year_letter() == letter


def entry_keys(bib: str) -> list[str]:
    return [line.split("{", 1)[1].rstrip(",") for line in bib.splitlines() if line.startswith("@")]


def test_import_gives_the_manuscripts_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(CASE / "paper.md", tmp_path / "paper.md")
    assert main(["import", str(tmp_path / "paper.md")]) == 0
    out, err = capsys.readouterr()
    # Brae and Quill's single works take the cited keys; Marsh's horns are chosen by their title word, the
    # bare letter chooses neither of Marsh's; Tern is cited by two spellings, the atlas under its own key too.
    assert entry_keys(out) == ["Brae:1998a", "marsh2004bells", "Marsh:2004Horns", "ostrander2007atlas", "quill2011",
                               "tern2019beacons"]
    assert "3 imported entries took the keys the manuscript cites (Brae:1998a, Marsh:2004Horns, quill2011); " \
           "4 cited keys still without an entry" in err


def test_import_reads_the_year_letters_the_list_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(CASE / "lettered.md", tmp_path / "paper.md")
    assert main(["import", str(tmp_path / "paper.md")]) == 0
    out, err = capsys.readouterr()
    # The horns are printed 2004a, the bells 2004b: each takes the key with its letter.
    assert entry_keys(out) == ["brae1998", "marsh2004a", "Marsh2004b"]
    assert "cited key" not in err.split("took the keys the manuscript cites", 1)[1]


def test_init_imports_under_the_cited_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(CASE / "paper.md", tmp_path / "paper.md")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "paper.md"]) == 0
    assert "3 imported entries took the keys the manuscript cites" in capsys.readouterr().out
    bib = (tmp_path / "refs" / "bibliography.bib").read_text(encoding="utf-8")
    assert {"Brae:1998a", "Marsh:2004Horns", "quill2011"} <= set(entry_keys(bib))


def test_a_work_of_thousands_of_authors_is_named_by_its_first_few() -> None:
    many = work("Solo Roe Pike " + "Zed " * 3000, "2001", "Alone")
    assert named_work("SoloRoePike_2001", [many, work("Solo", "2001", "Together")]) == 0
    assert named_work("soloetal2001", [many]) == 0


UNDATED = [work("Brae Pike", "", "Logs of the Northern Lights"), work("Marsh", "2004", "Bells on the Water"),
           work("Marsh", "", "Horns in the Fog"), work("Vale", "", "Tides"), work("Vale", "", "Tides Again"),
           work("Rook", "", "Reeds")]


@pytest.mark.parametrize(("key", "index"), [
    ("brae", 0), ("BraePike", 0), ("brae_etal", 0), ("marsh", 2),  # the one undated work of the name
    ("vale", None),  # two undated works of Vale's: the name alone does not choose
    ("pike", None), ("braes", None), ("bra", None),
    ("rook", None),  # printed with no "n.d." (a year the parser missed): the name alone names nothing
])
def test_a_key_of_a_name_alone_names_the_one_work_the_list_prints_undated(key: str, index: int | None) -> None:
    # "Loewenstein, George, and Drazen Prelec. n.d." cited as @loewenstein: a key made from an entry with no year
    # is its author's name alone; never a dated work's (Marsh's of 2004), whose key would hold its year
    assert named_work(key, UNDATED, [True, False, True, True, True, False]) == index


def test_an_undated_work_takes_a_key_of_its_authors_name() -> None:
    keys = ["braelogs", "marsh2004bells", "marshhorns", "valetides", "valetidesagain", "rookreeds"]
    undated = [True, False, True, True, True, False]
    assert adopt_cited_keys(["brae", "marsh", "vale", "rook"], UNDATED, keys, undated=undated) == [
        "brae", "marsh2004bells", "marsh", "valetides", "valetidesagain", "rookreeds"]
    assert adopt_cited_keys(["brae", "marsh"], UNDATED, keys) == keys  # no list read as undated: nothing named


@pytest.mark.parametrize(("raw", "undated"), [
    ("Marsh, Ida. n.d. Horns in the Fog.", True), ("Marsh, I. (n.d.). Horns in the fog.", True),
    ("Marsh, Ida. [s.d.]. Horns.", True), ("Marsh, Ida. Horns in the Fog.", False),
    ("Marsh, Ida. Horns in the Fog, Second Edition.", False),
])
def test_a_reference_printed_with_no_date(raw: str, undated: bool) -> None:
    assert ParsedReference(raw=raw).undated() is undated
    assert ParsedReference(raw=raw, year="2004").undated() is False


def test_import_gives_an_undated_work_the_key_of_its_authors_name(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "paper.md").write_text(
        "Horns sound in fog [@marsh], bells on water [@marsh2004], reeds bend [@rook].\n\n# References\n\n"
        "Marsh, Ida. 2004. *Bells on the Water*. Lakeside: Tarn Press.\n\n"
        "Marsh, Ida. n.d. *Horns in the Fog*. Lakeside: Tarn Press.\n\n"
        "Rook, Ana. 2019. *Reeds*. Lakeside: Tarn Press.\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "paper.md")]) == 0
    out, _ = capsys.readouterr()
    assert entry_keys(out) == ["marsh2004", "marsh", "rook2019reeds"]  # Rook's dated work keeps its own key
