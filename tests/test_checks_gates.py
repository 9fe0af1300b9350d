"""The per-entry checks skip an entry only where they could find nothing: the drivers give the same
findings, in the same order, as with no skip (``skip=False``: every check run on every entry); the loader's and the
look-ups' shortcuts give what the general paths give."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.load import _Lines, parse_bibliography
from litreview.checks import bib as B
from litreview.checks import bib_dates as D
from litreview.checks import style as S
from litreview.model import Bibliography, Source
from litreview.registry.ids import entry_identifiers
from litreview.registry.lookups import identity
from litreview.registry.provenance import Origins
from litreview.registry.snapshot import Snapshot

NOW = datetime(2026, 6, 1, tzinfo=UTC)
CASES = Path(__file__).parent / "cases"

# Entries written to sit on the edge of each skip: empty and braced-empty fields, years just in and out
# of range, non-ASCII digits, the characters the LaTeX, HTML and & % checks look for, link fields.
EDGES = r"""
@article{a1, author = {Smith, J.}, title = {T}, journal = {J}, year = {2027}}
@article{a2, author = {Smith, J.}, title = {T}, journal = {J}, year = {0999}}
@article{a3, author = {Smith, J.}, title = {T}, journal = {J}, year = {١٩٩٩}}
@article{a4, author = {Smith, J.}, title = {T}, journal = {J}, year = {199}}
@article{a5, author = {Smith, J.}, title = {T}, journal = {J}, year = {}, date = {2030-01}}
@article{a6, author = {Smith, J.}, title = {T}, journal = {{}}, year = {1990}, doi = {{}}, url = {{}}}
@article{a7, author = {Smith, J.}, title = {A \& B}, journal = {J & K}, year = {1990}, note = {50% of <i>x</i>}, doi = {not a doi}}
@article{a8, author = {Smith, J.}, title = {x_1 and $y^2$}, journal = {J}, year = {1990}, pages = {12 to 15}}
@incollection{a9, author = {Smith, J.}, title = {T}, booktitle = {B}, crossref = {missing}, year = {1990}}
@book{a10, editor = {{ }}, title = { {T} }, year = {forthcoming}, isbn = {0-306-40615-1}, issn = {1234-5678}}
@online{a11, title = {Page}, url = {https://x.org/a_b}, urldate = {2001-01-01}, xdata = {a10}}
@misc{a12, title = {TITLE IN CAPITALS HERE (1850)}, year = {1990}, origdate = {1995}, pages = {}}
@article{a13, author = {van der Berg, a. b. and O'Neil, R.j.}, title = {T.,}, journal = {T.,}, year = {2001},
  eissn = {0000-0000}, urldate = {x}}
@article{a14, author = {Smith, J.}, title = {T}, journal = {J}, year = {1990}, doi = {10.1234/abc.}, isbn = {}}
"""


def _bibs() -> list[Bibliography]:
    bibs = [parse_bibliography(EDGES, "edges.bib")]
    for path in sorted(CASES.rglob("*.bib")):
        bibs.append(parse_bibliography(path.read_text(encoding="utf-8", errors="replace"), str(path)))
    suites = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bibtex-suites"
    for path in sorted(suites.rglob("*.bib")) if suites.is_dir() else ():
        bibs.append(parse_bibliography(path.read_text(encoding="utf-8", errors="replace"), str(path)))
    return bibs


@pytest.mark.parametrize("bib", _bibs(), ids=lambda b: Path(b.file or "?").name)
def test_drivers_find_what_every_check_finds(bib: Bibliography) -> None:
    assert B.check_bibliography(bib, now=NOW) == B.check_bibliography(bib, now=NOW, skip=False)
    assert (S.check_style(bib, now=NOW, access_max_age_days=365)
            == S.check_style(bib, now=NOW, access_max_age_days=365, skip=False))


def test_a_skip_that_passes_over_a_finding_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above fails when a skip leaves out an entry its check finds something in (here: every entry's
    dates taken as plain, so no date is checked)."""
    bib = parse_bibliography(EDGES, "edges.bib")
    monkeypatch.setattr(D, "plain_dates", lambda fields, today: True)
    assert B.check_bibliography(bib, now=NOW) != B.check_bibliography(bib, now=NOW, skip=False)


def test_the_edge_entries_draw_findings() -> None:
    """The edge entries do reach the checks that are skipped elsewhere (the comparison above means something)."""
    bib = parse_bibliography(EDGES, "edges.bib")
    codes = {f.code for f in B.check_bibliography(bib, now=NOW) + S.check_style(bib, now=NOW, access_max_age_days=365)}
    assert {"LR112", "LR120", "LR121", "LR122", "LR124", "LR125", "LR130", "LR133", "LR135", "LR136", "LR140",
            "LR141", "LR142", "LR143"} <= codes


@pytest.mark.parametrize("text", ["", "a", "\n", "\n\n", "ab\ncd\n", "x\r\ny\nz", EDGES])
def test_line_offsets_are_the_newlines(text: str) -> None:
    assert _Lines(text).newlines == [m.start() for m in re.finditer("\n", text)]


@pytest.mark.parametrize("fields", [
    {}, {"title": "T"}, {"isbn": "0-306-40615-2"}, {"eprint": "1605.08386"}, {"note": "see https://openalex.org/W2741809807"},
    {"url": "https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17"}, {"howpublished": "OpenAlex: W2741809807 x"},
    {"pmid": " 17375194 "}, {"pmcid": "pmc1817752"}, {"dblp": "journals/cacm/Knuth74"}, {"openalex": "W2741809807"},
    {"eprint": "W2741809807", "eprinttype": "openalex"}, {"url": "https://x.org", "note": "plain"},
])
def test_identifiers_read_whatever_the_case_of_the_field_names(fields: dict[str, str]) -> None:
    assert entry_identifiers(fields) == entry_identifiers({k.upper(): v for k, v in fields.items()})
    assert entry_identifiers(fields) == entry_identifiers({k.capitalize(): v for k, v in fields.items()})


def test_identity_without_stored_answers_is_what_reading_each_answer_gives(tmp_path: Path) -> None:
    """An empty ``id`` folder is answered at once; a folder with an unrelated file is read question by question."""
    bib = parse_bibliography(EDGES + "@book{b1, author = {Doe, J.}, title = {A Book}, year = {2001}, isbn = {0-306-40615-2}}\n"
                             "@inproceedings{b2, author = {Doe, J.}, title = {A Paper}, year = {2001}}\n", "x.bib")
    empty = Snapshot(tmp_path / "empty")
    (tmp_path / "full" / "id").mkdir(parents=True)
    (tmp_path / "full" / "id" / "unrelated.json").write_text("{}", encoding="utf-8")
    full = Snapshot(tmp_path / "full")
    origins = Origins.real()
    assert empty.is_empty("id") and not full.is_empty("id")
    answers = [identity(s, empty, origins) for s in bib.sources]
    assert answers == [identity(s, full, origins) for s in bib.sources]
    assert any(a.asked for a in answers)


def test_a_source_built_by_hand_is_checked_as_loaded() -> None:
    """Sources need not come from the loader (fields in any form): the skips look at the fields only."""
    s = Source(key="k", type="article", title="T", year=3000, fields={"year": " 3000 ", "doi": "doi:10.1/x"})
    bib = Bibliography(sources=(s,), problems=(), file="k.bib", text="")
    assert B.check_bibliography(bib, now=NOW) == B.check_bibliography(bib, now=NOW, skip=False)
