"""A Manubot manuscript's references: which citations are one reference, as Manubot tells them apart, and the
problems of its manual references (``content/manual-references*.*``), located in those files."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from litreview.essay import load_essay
from litreview.essay.ids import reference_id
from litreview.essay.manubot import manuscript_sources


def _check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int, str]]:
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json",
              "--no-cache"])
    return [(f["code"], Path(f["file"] or "").name, f["line"], f["message"])
            for f in json.loads(out.getvalue())["findings"]]


def _content(tmp_path: Path, text: str, **files: str) -> Path:
    """A content/ folder with ``01.md`` and the files named (``manual_references_json``: manual-references.json)."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "01.md").write_text("## M\n\n" + text, encoding="utf-8")
    for name, body in files.items():
        stem, _, suffix = name.rpartition("_")
        (content / f"{stem.replace('_', '-')}.{suffix}").write_text(body, encoding="utf-8")
    return content


def test_two_spellings_are_one_reference_exactly_when_manubot_makes_them_one(tmp_path: Path) -> None:
    content = _content(tmp_path, "A [@doi:10.1000/ABC] [@DOI:10.1000/abc] [@https://doi.org/10.1000/abc].\n"
                                 "B [@pmid:12345] [@pubmed:12345] [@arxiv:2101.01234v2] [@arxiv:2101.01234].\n"
                                 "C [@isbn:0-306-40615-2] [@isbn:9780306406157].\n")
    keys = [s.key for s in manuscript_sources(load_essay(content)).sources]
    # Manubot lower-cases a DOI's and its prefix, reads pubmed: as pmid: and an ISBN-10 as its ISBN-13; it keeps an
    # arXiv version, and a doi.org URL as a URL.
    assert keys == ["doi:10.1000/ABC", "https://doi.org/10.1000/abc", "pmid:12345", "arxiv:2101.01234v2",
                    "arxiv:2101.01234", "isbn:0-306-40615-2"]


def test_reference_ids() -> None:
    assert reference_id("pubmed:12345") == reference_id("pmid:12345") == "pmid:12345"
    assert reference_id("isbn:0-306-40615-2") == reference_id("isbn:978-0-306-40615-7") == "isbn:9780306406157"
    assert reference_id("arxiv:2101.01234v2") != reference_id("arxiv:2101.01234")
    assert reference_id("clinicaltrials:NCT01234567") != reference_id("https://clinicaltrials.gov/study/NCT01234567")
    assert reference_id("url:https://example.org/x/") != reference_id("https://example.org/x")  # as written
    assert reference_id("smith2020") is None


def test_manual_reference_problems_are_reported_in_their_files(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _content(tmp_path, "Cited [@raw:dup] and [@raw:dated] and [@raw:yaml] and [@raw:bib].\n",
             manual_references_json='[\n{"type": "book", "title": "No id"},\n'
                                    '{"id": "raw:dup", "type": "book", "title": "First"},\n'
                                    '{"id": "raw:dup", "type": "book", "title": "Second"},\n'
                                    '{"id": "raw:dated", "type": "book", "title": "D", '
                                    '"issued": {"date-parts": [["20x1"]]}}\n]\n',
             manual_references_more_yaml="- id: raw:yaml\n  type: book\n  title: Y\n- type: book\n  title: N\n",
             manual_references_z_bib="@book{raw:bib, title = {B}, title = {Again}}\n")
    found = {(code, file, line) for code, file, line, _ in _check(tmp_path, monkeypatch) if code.startswith("LR10")}
    assert found == {("LR100", "manual-references.json", 2),  # no id
                     ("LR101", "manual-references.json", 3),  # raw:dup again on line 4
                     ("LR100", "manual-references.json", 5),  # date-parts not numbers
                     ("LR100", "manual-references-more.yaml", 4),  # no id
                     ("LR103", "manual-references-z.bib", 1)}  # title twice
    # The YAML and BibTeX files describe their citations: no "no manual reference has the id".
    assert not [f for f in _check(tmp_path, monkeypatch) if f[0] == "LR310"]


def test_clean_manual_references_have_no_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _content(tmp_path, "Cited [@raw:one].\n",
             manual_references_json='[{"id": "raw:one", "type": "book", "title": "T", "publisher": "P", '
                                    '"author": [{"family": "D", "given": "E"}], "issued": {"date-parts": [[2001]]}}]')
    assert [f for f in _check(tmp_path, monkeypatch) if f[2] is not None and f[0] < "LR200"] == []


def test_a_manual_id_without_its_prefix_is_named_in_the_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _content(tmp_path, "Cited [@raw:smith2020].\n",
             manual_references_json='[{"id": "smith2020", "type": "book", "title": "T"}]')
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"])
    (missing,) = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == "LR310"]
    assert missing["line"] == 3 and "'raw:smith2020'" in missing["hint"] and "'smith2020'" in missing["hint"]


def test_every_manual_reference_file_is_an_input_of_the_cache(tmp_path: Path) -> None:
    from litreview.cache import essay_parts

    content = _content(tmp_path, "Cited [@raw:one].\n", manual_references_yaml="- id: raw:one\n  type: book\n",
                       manual_references_more_bib="@book{raw:two, title = {T}}\n")
    names = {p.name for p in essay_parts(content) or ()}
    assert {"manual-references.yaml", "manual-references-more.bib"} <= names


def test_a_manual_item_cited_by_its_address_keeps_its_own_url(tmp_path: Path) -> None:
    # A reference manager's item address cited as the key ([@http://refs.example.org/items/AB12]) and described in
    # the manual references with the page it is about: the source's url was the item's address, which Manubot
    # prints nowhere; the manual item's URL is the reference's.
    item = {"id": "http://refs.example.org/items/AB12", "type": "webpage", "title": "Land Trusts",
            "URL": "https://example.org/land-trusts"}
    bare = {"id": "http://refs.example.org/items/CD34", "type": "book", "title": "A Book"}
    content = _content(tmp_path, "A [@http://refs.example.org/items/AB12] and [@http://refs.example.org/items/CD34].\n",
                       manual_references_json=json.dumps([item, bare]))
    urls = [s.url for s in manuscript_sources(load_essay(content)).sources]
    assert urls == ["https://example.org/land-trusts", "http://refs.example.org/items/CD34"]


def test_a_missing_plain_key_is_told_against_the_manual_references_as_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A slip in a plain key (@zaytsev2012bnff) of a manuscript whose manual references are a .bib file: the hint
    # neither named the item it is a slip of (no longer cited, so not among the sources) nor the file that exists.
    _content(tmp_path, "Cited [@roe2001;@zaytsev2012bnff] and [@absent2002].\n",
             manual_references_bib="@book{roe2001, title = {R}}\n\n@book{zaytsev2012bnf, title = {Z}}\n")
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json",
              "--no-cache"])
    hints = {f["message"]: f["hint"] for f in json.loads(out.getvalue())["findings"] if f["code"] == "LR300"}
    assert hints == {
        "citation '@zaytsev2012bnff' matches no entry":
            "Did you mean 'zaytsev2012bnf'? Fix the key in the text, or add an entry with the key 'zaytsev2012bnff' "
            "to content/manual-references.bib, or cite the work by its identifier (@doi:..., @pmid:...)",
        "citation '@absent2002' matches no entry":
            "Add an entry with the key 'absent2002' to content/manual-references.bib, or cite the work by its "
            "identifier (@doi:..., @pmid:...)"}


def test_a_manual_reference_keyed_with_underscores_has_no_latex_finding(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The source of a plain key carries the key as its id: LR142 read that id as LaTeX text ("id: _ outside math").
    _content(tmp_path, "Cited [@david_dont_2020].\n",
             manual_references_bib="@misc{david_dont_2020, title = {Don't Use EBNF}, author = {Wheeler, David},\n"
                                   "  year = {2020}, note = {a_b}}\n")
    found = [(code, message) for code, _, _, message in _check(tmp_path, monkeypatch) if code == "LR142"]
    assert found == [("LR142", "note: _ outside math (write \\_ for the character): 'a_b'")]


def test_a_cited_identifiers_findings_are_at_its_citations_line(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # A work cited by identifier has its findings at the first sentence citing it: at that sentence's first line,
    # where a wrapped sentence's citation lies lines below (a pull request's annotation missed the changed line).
    _content(tmp_path, "As the first study\nof its kind showed\nlong ago [@doi:10.1000/xyz].\n")
    found = {(code, line) for code, _, line, _ in _check(tmp_path, monkeypatch) if code == "LR209"}
    assert found == {("LR209", 5)}


def test_manual_references_of_2017_are_told_by_their_standard_citation(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Manubot's first manuscripts identified a manual reference by "standard_citation" (no "id"), or by a
    # "standard_id: ..." line of its note; Manubot reads both, before the id.
    content = _content(tmp_path, "Cited [@url:https://example.org/a] and [@doi:10.1000/b] and [@raw:c].\n",
                       manual_references_json='[\n{"type": "webpage", "title": "Page A", '
                                              '"standard_citation": "url:https://example.org/a",\n'
                                              ' "issued": {"date-parts": [[2017]]}},\n'
                                              '{"id": "other", "type": "book", "title": "Book B", '
                                              '"note": "Kept.\\nstandard_id: doi:10.1000/b", "publisher": "P", '
                                              '"issued": {"date-parts": [[2017]]}},\n'
                                              '{"type": "book", "title": "No id at all"}\n]\n')
    found = _check(tmp_path, monkeypatch)
    assert [(code, line) for code, _, line, _ in found if code == "LR100"] == [("LR100", 5)]  # no id of any kind
    titles = {s.key: s.title for s in manuscript_sources(load_essay(content)).sources}
    assert titles == {"url:https://example.org/a": "Page A", "doi:10.1000/b": "Book B", "raw:c": ""}


def test_links_warns_of_a_missing_plain_key_in_checks_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # `links` told a Manubot manuscript's missing key to `litreview add` it: that writes refs/bibliography.bib,
    # which then replaces the identifiers the manuscript cites as its sources. It says what `check` says.
    _content(tmp_path, "Cited [@doi:10.1000/xyz123] and [@absent2002].\n",
             manual_references_json='[{"id": "roe2001", "type": "book", "title": "R"}]')
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["links", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert "citation '@absent2002' matches no entry" in err
    assert ('hint: Add an item with "id": "absent2002" to content/manual-references.json, or cite the work by its '
            "identifier (@doi:..., @pmid:...)") in err
    assert "litreview add" not in err
    assert main(["links", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--source", "absent2002"]) == 2
    err = capsys.readouterr().err
    assert 'the key: add an item with "id": "absent2002" to content/manual-references.json' in err, err
    assert "litreview add" not in err


def test_sources_says_why_a_manubot_manuscripts_identifiers_have_no_title(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The table listed @doi: and @isbn: citations with no type, year, author or title, and said nothing of why.
    _content(tmp_path, "Cited [@doi:10.1000/xyz123; @isbn:978-0-19-850294-4] and [@roe2001].\n",
             manual_references_json='[{"id": "roe2001", "type": "book", "title": "R"}]')
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["sources", "--essay", "content", "--claims", "", "--metadata-dir", "meta"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert ("2 sources are known by the identifier the manuscript cites alone (Manubot looks them up as it builds): "
            "`litreview fetch` records what the registries say of them, `litreview metadata` shows it") in out, out
    assert main(["sources", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[2]["title"] == "R"


def _hints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> dict[str, str]:
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--essay", "content", "--claims", "", "--metadata-dir", "meta", "--format", "json",
              "--no-cache"])
    return {f["message"]: f["hint"] for f in json.loads(out.getvalue())["findings"] if f["code"] == code}


def test_a_bare_doi_or_isbn_is_told_to_take_its_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Manubot infers no prefix: @10.1387/theoria.490 is raw:10.1387/theoria.490, a manual reference's id that no
    # manual reference has. The hint writes the key with the prefix it lacks.
    _content(tmp_path, "Uno [@10.1387/theoria.490]. Dos [@978-2-213-01151-6]. Tres [@9780306406157]. "
                       "Cuatro [@roe2001x].\n", manual_references_json="[]")
    hints = _hints(tmp_path, monkeypatch, "LR300")
    assert "write @doi:10.1387/theoria.490" in hints["citation '@10.1387/theoria.490' matches no entry"]
    assert "write @isbn:978-2-213-01151-6" in hints["citation '@978-2-213-01151-6' matches no entry"]
    assert "write @isbn:9780306406157" in hints["citation '@9780306406157' matches no entry"]
    assert "@isbn:" not in hints["citation '@roe2001x' matches no entry"]


def test_a_url_key_pandoc_ends_before_the_url_does_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # pandoc ends a key at "=" (and at any character but letters, digits, "_" and :.#$%&-+?<>~/), so Manubot cites
    # https://dialnet.unirioja.es/servlet/articulo?codigo, another address; a key in braces is read whole.
    _content(tmp_path, "Uno [@https://dialnet.unirioja.es/servlet/articulo?codigo=2315981].\n"
                       "Dos @https://en.wikipedia.org/wiki/Umwelt_(biosemiotics) y tres [@https://a.org/x; @doi:10.1/b].\n"
                       "Cuatro (@https://a.org/y). Cinco [@{https://b.org/x?a=1}].\n")
    found = [(code, name, line, message) for code, name, line, message in _check(tmp_path, monkeypatch)
             if code == "LR328"]
    assert [(code, name, line) for code, name, line, _ in found] == [("LR328", "01.md", 3), ("LR328", "01.md", 4)]
    assert "https://dialnet.unirioja.es/servlet/articulo?codigo" in found[0][3] and "=2315981" in found[0][3]
    hints = _hints(tmp_path, monkeypatch, "LR328")
    hint = next(iter(hints.values()))
    assert "[@{https://dialnet.unirioja.es/servlet/articulo?codigo=2315981}]" in hint
    assert "]: https://dialnet.unirioja.es/servlet/articulo?codigo=2315981" in hint  # Manubot's alias
