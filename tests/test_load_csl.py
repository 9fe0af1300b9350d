"""CSL-JSON and CSL-YAML bibliographies: the mapping pandoc makes, and problems located as in BibTeX."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.csl import parse_csl
from litreview.bibliography.load import load_bibliography
from litreview.checks.bib import check_bibliography
from litreview.errors import InputError


def test_report_and_thesis_publisher_is_the_issuer() -> None:
    bib = parse_csl('[{"id":"f","type":"report","title":"T","author":[{"literal":"FAO"}],"publisher":"FAO",'
                    '"issued":{"date-parts":[[2017]]}},'
                    '{"id":"t","type":"thesis","title":"T","author":[{"family":"Doe","given":"J"}],'
                    '"publisher":"MIT","issued":{"date-parts":[[2019]]}}]', "b.json")
    assert bib.problems == ()
    assert [s.fields.get("institution") or s.fields.get("school") for s in bib.sources] == ["FAO", "MIT"]
    # pandoc maps a report's publisher to biblatex's institution: no "lacks institution".
    assert [f.code for f in check_bibliography(bib, now=datetime(2026, 1, 1, tzinfo=UTC))
            if f.code == "LR110"] == []


def test_yaml_mapping_without_references_is_reported() -> None:
    bib = parse_csl("title: not a list\n", "r.yaml", yaml=True)
    assert bib.sources == ()
    [problem] = bib.problems
    assert (problem.code, problem.file, problem.line) == ("LR100", "r.yaml", 1)
    assert "references:" in problem.message and "title" in problem.message and "references:" in problem.hint


def test_an_empty_references_list_is_no_mapping_problem() -> None:
    assert parse_csl("references: []\n", "r.yaml", yaml=True).problems == ()


def test_a_duplicate_id_takes_the_later_item_as_pandoc_does() -> None:
    # pandoc 3.9 --citeproc cites the later item of a CSL file that gives an id twice.
    text = "- id: a\n  title: A\n  type: book\n- id: b\n  title: B\n  type: book\n- id: a\n  title: C\n  type: book\n"
    bib = parse_csl(text, "r.yaml", yaml=True)
    [dup] = bib.problems
    assert (dup.code, dup.line, dup.key) == ("LR101", 1, "a")  # at the item not used
    assert "defined again on line 7 (pandoc uses the last item with this id)" in dup.message
    assert [s.title for s in bib.sources] == ["B", "C"]


def test_a_bibliography_that_is_a_folder_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").mkdir()
    with pytest.raises(InputError) as err:
        load_bibliography(tmp_path / "refs.bib")
    assert "directory" in str(err.value) and "bibliography file" in err.value.hint


def test_a_plain_date_is_read_as_pandoc_reads_it() -> None:
    # pandoc 3.9 cites (Doe 2020) and (Roe 2018) for these; YAML makes them a number and a date: false LR110.
    text = ("- id: a\n  type: book\n  title: A\n  issued: 2020\n- id: b\n  type: book\n  title: B\n  issued: 2018-03-01\n"
            "- id: c\n  type: book\n  title: C\n  issued: '2017'\n  accessed: 2021-05-06\n")
    bib = parse_csl(text, "r.yaml", yaml=True)
    assert [(s.key, s.year, s.fields.get("date", "")) for s in bib.sources] == [
        ("a", 2020, ""), ("b", 2018, "2018-03-01"), ("c", 2017, "")]
    assert bib.get("c").urldate == "2021-05-06"
