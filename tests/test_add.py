"""`litreview add` against the fake registry: appends without touching other bytes, refuses duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.cli import main

CASE = Path(__file__).parent / "cases" / "checks_add"
ORIGINAL = (CASE / "crlf.bib").read_bytes()
ALLIANCES = (CASE / "alliances.bib").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fake():
    fake_registry = pytest.importorskip("litreview.testing.fake_registry")
    with fake_registry.FakeRegistry() as server:
        for work in json.loads((CASE / "records.json").read_text(encoding="utf-8"))["works"]:
            server.add_work(work)
        yield server


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.litreview]\nbibliography = "refs/bibliography.bib"\n'
                                             'metadata = "refs/metadata"\n')
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "bibliography.bib").write_bytes(ORIGINAL)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    # The fake's records go to a snapshot folder of their own, never the project's.
    monkeypatch.setenv("LITREVIEW_METADATA_DIR", str(tmp_path / "fake-metadata"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def bib(project: Path) -> bytes:
    return (project / "refs" / "bibliography.bib").read_bytes()


def test_appends_leaving_every_other_byte(project: Path, capsys) -> None:
    assert main(["add", "10.5555/test.alliances"]) == 0
    after = bib(project)
    assert after[: len(ORIGINAL)] == ORIGINAL
    # No final newline before: one line end closes the last entry, one blank line, then the entry in CRLF.
    assert after[len(ORIGINAL):] == b"\r\n\r\n" + ALLIANCES.replace("\n", "\r\n").encode("utf-8")
    captured = capsys.readouterr()
    assert "added muller2021alliances" in captured.out
    assert "1 entry appended" in captured.err


def test_appended_entry_parses_back(project: Path) -> None:
    from litreview.bibliography.load import load_bibliography

    assert main(["add", "10.5555/test.alliances"]) == 0
    loaded = load_bibliography(project / "refs" / "bibliography.bib")
    assert loaded.problems == ()
    entry = loaded.get("muller2021alliances")
    assert entry is not None and entry.title == "Alliances & NATO: a new study" and entry.pages == "10–29"


def test_refuses_a_duplicate_doi_without_fetching(project: Path, fake, capsys) -> None:
    before = fake.count("/works/")
    assert main(["add", "https://doi.org/10.1080/09636410500323187"]) == 1
    assert bib(project) == ORIGINAL
    assert fake.count("/works/") == before
    assert ("DOI 10.1080/09636410500323187 is already in the bibliography as 'farrell2005world'"
            in capsys.readouterr().err)


def test_refusal_says_once_that_nothing_was_added_and_what_to_cite(project: Path, capsys) -> None:
    assert main(["add", "10.1080/09636410500323187"]) == 1
    assert capsys.readouterr().err == ("not added: 10.1080/09636410500323187: DOI 10.1080/09636410500323187 "
                                       "is already in the bibliography as 'farrell2005world': cite that key\n")


def test_refuses_a_duplicate_work(project: Path, capsys) -> None:
    assert main(["add", "10.5555/test.holsti"]) == 1
    assert bib(project) == ORIGINAL
    assert "is already in the bibliography as 'holsti2004taming'" in capsys.readouterr().err


def test_key_collision_gets_a_suffix(project: Path, capsys) -> None:
    assert main(["add", "10.5555/test.taming"]) == 0
    assert b"@book{holsti2004taminga,\r\n" in bib(project)


def test_key_taken_as_an_ids_alias_gets_a_suffix(project: Path, capsys) -> None:
    # biber answers to an alias as to a key: a new entry named like one was a key clash in the PDF.
    path = project / "refs" / "bibliography.bib"
    path.write_bytes(ORIGINAL + b"\r\n@book{renamed,\r\n  ids = {muller2021alliances},\r\n  title = {Other},\r\n}\r\n")
    assert main(["add", "10.5555/test.alliances"]) == 0
    assert b"@article{muller2021alliancesa,\r\n" in bib(project)


def test_same_doi_twice_in_one_run_is_added_once(project: Path, capsys) -> None:
    assert main(["add", "10.5555/test.alliances", "doi:10.5555/TEST.ALLIANCES"]) == 1
    assert bib(project).count(b"@article{muller2021alliances,") == 1
    assert "already in the bibliography as 'muller2021alliances'" in capsys.readouterr().err


def test_from_file_and_json_report(project: Path, capsys) -> None:
    (project / "dois.txt").write_text("# to add\n10.5555/test.alliances  # Müller\n\n10.5555/test.holsti\n")
    assert main(["add", "--from-file", "dois.txt", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(r["request"], r["status"], r["key"], r["existing_key"]) for r in report["results"]] == [
        ("10.5555/test.alliances", "added", "muller2021alliances", None),
        ("10.5555/test.holsti", "duplicate", None, "holsti2004taming"),
    ]


def test_dry_run_changes_nothing(project: Path, capsys) -> None:
    assert main(["add", "--dry-run", "10.5555/test.alliances"]) == 0
    assert bib(project) == ORIGINAL
    assert capsys.readouterr().out == ALLIANCES


def test_unknown_doi(project: Path, capsys) -> None:
    assert main(["add", "10.5555/no.such.work"]) == 1
    assert bib(project) == ORIGINAL
    assert "does not exist" in capsys.readouterr().err


def test_by_reference(project: Path, capsys) -> None:
    ref = "Müller, Ann, and B. O’Neil. “Alliances & NATO: A New Study.” Journal of Tests 3, no. 2 (2021): 10–29."
    assert main(["add", "--reference", ref]) == 0
    assert bib(project)[len(ORIGINAL):] == b"\r\n\r\n" + ALLIANCES.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize("args", [["add"], ["add", "not-a-doi"], ["add", "10.12/x"]])
def test_bad_usage_exits_2(project: Path, args: list[str], capsys) -> None:
    assert main(args) == 2
    assert bib(project) == ORIGINAL


def test_offline_is_a_clear_error(project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    for name in ("LITREVIEW_CROSSREF_URL", "LITREVIEW_DOI_URL", "LITREVIEW_DATACITE_URL"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nothing listens on the discard port
    assert main(["add", "10.5555/test.alliances"]) == 2
    assert bib(project) == ORIGINAL
    assert "the network is unreachable" in capsys.readouterr().err


def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LITREVIEW_CROSSREF_URL", "LITREVIEW_DOI_URL", "LITREVIEW_DATACITE_URL"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nothing listens on the discard port


def test_offline_a_reference_is_added_as_parsed_and_said_to_be_unverified(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _offline(monkeypatch)
    ref = "Mearsheimer, John J. 2001. The Tragedy of Great Power Politics. New York: W. W. Norton."
    assert main(["add", "--reference", ref]) == 0
    assert bib(project)[len(ORIGINAL):] == (b"\r\n\r\n@book{mearsheimer2001tragedy,\r\n"
                                            b"  author    = {Mearsheimer, John J.},\r\n"
                                            b"  title     = {The Tragedy of Great Power Politics},\r\n"
                                            b"  publisher = {W. W. Norton},\r\n"
                                            b"  address   = {New York},\r\n"
                                            b"  year      = {2001},\r\n}\r\n")
    captured = capsys.readouterr()
    assert captured.out == "added mearsheimer2001tragedy: The Tragedy of Great Power Politics (not verified)\n"
    assert captured.err.startswith("warning: mearsheimer2001tragedy: not verified (cannot search the registry: "
                                   "the network is unreachable")
    assert "the entry is the reference as parsed" in captured.err and "litreview fetch" in captured.err
    # Once added, the same work is a duplicate, registry or none.
    assert main(["add", "--format", "json", "--reference", ref]) == 1
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert (result["status"], result["existing_key"]) == ("duplicate", "mearsheimer2001tragedy")


def test_offline_a_reference_with_a_doi_keeps_it(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _offline(monkeypatch)
    ref = "Quill, Ann. 2022. Worrying Results. Journal of Tests 4: 1-9. https://doi.org/10.5555/test.offline"
    assert main(["add", "--format", "json", "--reference", ref]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert (result["status"], result["verified"], result["doi"]) == ("added", False, "10.5555/test.offline")
    assert result["warning"].startswith("not verified (cannot fetch 10.5555/test.offline: the network is unreachable")
    added = bib(project)[len(ORIGINAL):].decode("utf-8")
    assert "doi     = {10.5555/test.offline}," in added and "@article{quill2022worrying," in added


def test_offline_a_doi_is_still_an_error(project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _offline(monkeypatch)
    ref = "Mearsheimer, John J. 2001. The Tragedy of Great Power Politics. New York: W. W. Norton."
    assert main(["add", "10.5555/test.alliances", "--reference", ref]) == 2  # nothing to add without the registry
    assert bib(project) == ORIGINAL


def test_new_bibliography_file(project: Path, capsys) -> None:
    (project / "refs" / "bibliography.bib").unlink()
    assert main(["add", "10.5555/test.alliances"]) == 0
    assert bib(project) == ALLIANCES.encode("utf-8")


# -- retractions and expressions of concern -------------------------------------------------------------

def test_a_retracted_work_is_refused_without_force(project: Path, capsys) -> None:
    # The fake's synthetic record 10.5555/lr.deterrence.2019 carries Crossref updated-by notices.
    assert main(["add", "10.5555/lr.deterrence.2019"]) == 1
    assert bib(project) == ORIGINAL
    err = capsys.readouterr().err
    assert "not added: 10.5555/lr.deterrence.2019: Crossref says the work is retracted: retraction (2021-02-01, " \
           "notice 10.5555/lr.deterrence.2019.retraction, source publisher)" in err
    assert "expression of concern (2020-06-01" in err and "--force" in err


def test_force_adds_it_with_a_warning(project: Path, capsys) -> None:
    assert main(["add", "--force", "--format", "json", "10.5555/lr.deterrence.2019"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert result["status"] == "added" and result["warning"].startswith("Crossref says the work is retracted")
    assert b"Deterrence Games in Synthetic Alliances" in bib(project)


def test_an_expression_of_concern_alone_is_refused_too(project: Path, fake, capsys) -> None:
    fake.add_work({"DOI": "10.5555/test.concern", "type": "journal-article", "title": ["Worrying Results"],
                   "author": [{"family": "Quill", "given": "Ann"}], "issued": {"date-parts": [[2022]]},
                   "updated-by": [{"DOI": "10.5555/test.concern.eoc", "type": "expression_of_concern",
                                   "label": "Expression of Concern", "source": "publisher",
                                   "updated": {"date-parts": [[2023, 5, 1]]}}]})
    assert main(["add", "10.5555/test.concern"]) == 1
    assert "is under an expression of concern: expression of concern (2023-05-01" in capsys.readouterr().err


def test_a_correction_is_no_reason_to_refuse(project: Path, fake, capsys) -> None:
    fake.add_work({"DOI": "10.5555/test.corrected", "type": "journal-article", "title": ["Corrected Results"],
                   "author": [{"family": "Quill", "given": "Bea"}], "issued": {"date-parts": [[2022]]},
                   "updated-by": [{"DOI": "10.5555/test.corrected.fix", "type": "correction",
                                   "label": "Correction", "updated": {"date-parts": [[2023, 5, 1]]}}]})
    assert main(["add", "10.5555/test.corrected"]) == 0
    assert "warning" not in capsys.readouterr().err


# -- where the fetched record goes -----------------------------------------------------------------------

def test_metadata_dir_sends_the_record_elsewhere(project: Path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("LITREVIEW_METADATA_DIR")
    assert main(["add", "--metadata-dir", "other-metadata", "10.5555/test.alliances"]) == 0
    (stored,) = (project / "other-metadata" / "doi").glob("*.json")
    data = json.loads(stored.read_text(encoding="utf-8"))
    assert data["doi"] == "10.5555/test.alliances" and data["synthetic"] is True
    assert data["registry"].startswith("http://127.0.0.1:")
    assert not (project / "refs" / "metadata").exists()


def test_a_test_server_record_never_reaches_the_projects_snapshot(project: Path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("LITREVIEW_METADATA_DIR")
    assert main(["add", "10.5555/test.alliances"]) == 2
    assert "refusing to write records from registries that are not the real ones" in capsys.readouterr().err
    assert bib(project) == ORIGINAL and not (project / "refs" / "metadata").exists()


def test_a_reference_given_where_a_doi_goes_points_to_reference(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    ref = "Smith, J. (2020). A study of heat. Urban Climate, 31, 100-110."
    assert main(["add", ref]) == 2  # read before any request: no registry needed
    assert f'litreview add --reference "{ref}"' in capsys.readouterr().err
    (tmp_path / "dois.txt").write_text("10.1000/abc\n# a comment\nnot a doi here\n", encoding="utf-8")
    assert main(["add", "--from-file", "dois.txt"]) == 2
    assert "dois.txt:3: 'not a doi here' is not a DOI: it contains white space" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "text"), [
    ("refs.yaml", "references:\n- id: a\n  type: book\n  title: A\n"),
    ("refs.json", '[{"id": "a", "type": "book", "title": "A"}]'),
])
def test_a_csl_bibliography_is_never_written_as_bibtex(tmp_path: Path, monkeypatch, capsys, name: str,
                                                       text: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["add", "--bib", name, "10.5555/lr.culture.2005"]) == 2  # refused before any request
    assert "writes BibTeX entries and this bibliography is CSL" in capsys.readouterr().err
    assert main(["sync", "--write", "--yes", "--bib", name, "--essay", ""]) == 2
    assert "nothing was changed" in capsys.readouterr().err
    assert (tmp_path / name).read_text(encoding="utf-8") == text


def test_a_manubot_manuscript_without_a_bib_is_not_given_one(tmp_path: Path, monkeypatch, capsys) -> None:
    # Its sources are the identifiers it cites: a refs/bibliography.bib that `add` wrote would be read instead of
    # them, and every @doi: citation would match no entry. Refused before any request; --dry-run still prints.
    monkeypatch.chdir(tmp_path)
    for name in ("CROSSREF", "DOI", "DATACITE", "OPENALEX", "DBLP", "ARXIV", "NCBI", "OPENLIBRARY", "GOOGLEBOOKS",
                 "SEMANTICSCHOLAR", "WAYBACK"):
        monkeypatch.setenv(f"LITREVIEW_{name}_URL", "http://127.0.0.1:9")  # nothing listens on the discard port
    monkeypatch.setenv("LITREVIEW_METADATA_DIR", str(tmp_path / "meta"))
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.intro.md").write_text("Cited [@doi:10.1000/xyz123].\n", encoding="utf-8")
    (tmp_path / "content" / "manual-references.json").write_text("[]", encoding="utf-8")
    (tmp_path / "litreview.toml").write_text('essay = "content"\n', encoding="utf-8")
    ref = "Smith, J. (2020). A study of heat. Urban Climate, 31, 100-110."
    assert main(["add", "--reference", ref]) == 2
    err = capsys.readouterr().err
    assert "Manubot manuscript" in err and "content/manual-references.json" in err and "nothing was changed" in err
    assert not (tmp_path / "refs").exists()
    assert main(["add", "--dry-run", "--reference", ref]) in (0, 1)
    assert "@article{" in capsys.readouterr().out and not (tmp_path / "refs").exists()


def test_several_bibliographies_add_to_the_first_bibtex_file_and_see_the_others_dois(project: Path, capsys) -> None:
    (project / "refs" / "more.json").write_text(
        '[{"id": "other", "type": "article-journal", "title": "T", "DOI": "10.5555/test.alliances"}]',
        encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.litreview]\nbibliography = ["refs/more.json", '
                                            '"refs/bibliography.bib"]\nmetadata = "refs/metadata"\n')
    assert main(["add", "10.5555/test.alliances"]) == 1
    assert bib(project) == ORIGINAL
    err = capsys.readouterr().err
    assert "writes to bibliography.bib, the first BibTeX file of the 2 bibliographies" in err
    assert "already in the bibliography as 'other'" in err


@pytest.mark.parametrize("command", [["add", "10.5555/test.alliances"], ["sync", "--write"],
                                     ["add", "--reference", "Doe, Jane. 2020. A Study of Things. Journal of Stuff 4: 5-6."]])
def test_a_bibliography_setting_naming_the_essay_is_never_written(project: Path, capsys, command) -> None:
    # Its citations read as BibTeX syntax errors the loader steps over, so nothing refused to write.
    essay = b"# Essay\n\nStates ally [@muller2021]. Peace is hard, as @jones2019 argues.\n"
    (project / "refs" / "essay.md").write_bytes(essay)
    (project / "pyproject.toml").write_text('[tool.litreview]\nessay = "refs/essay.md"\n'
                                            'bibliography = "refs/essay.md"\n', encoding="utf-8")
    assert main(command) == 2
    assert "the bibliography to write is the essay file" in capsys.readouterr().err
    assert (project / "refs" / "essay.md").read_bytes() == essay


def test_a_reference_longer_than_an_import_takes_is_refused_before_any_request(project: Path, fake, capsys) -> None:
    before = bib(project)
    assert main(["add", "--reference", "Holsti, K. J. 2004. " + "Taming " * 8_000]) == 2
    err = capsys.readouterr().err
    assert "--reference: reference 1 is 56,020 characters long (more than 50,000)" in err
    assert "unexpected" not in err
    assert bib(project) == before


def test_offline_a_reference_of_a_work_in_the_bib_with_a_subtitle_it_leaves_out_is_a_duplicate(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # `add --reference` offline compared the whole title only: the work of an entry that leaves out its subtitle was
    # added again, and `check` then reported the two as one work (LR107, "same main title").
    _offline(monkeypatch)
    ref = ("Farrell, Theo. 2005. “World Culture and Military Power: The Norms of Modern War.” Security Studies 14 "
           "(3): 448–488.")
    assert main(["add", "--format", "json", "--reference", ref]) == 1
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert (result["status"], result["existing_key"]) == ("duplicate", "farrell2005world")
    assert bib(project) == ORIGINAL
