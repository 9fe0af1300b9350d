"""The loader keeps what pybtex keeps and reads what biber reads; one bad entry costs only itself."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from litreview.bibliography.load import load_bibliography, parse_bibliography, read_people
from litreview.checks.bib import check_bibliography
from litreview.model import Person

CASE = Path(__file__).parent / "cases" / "bib_pybtex_biber"
EXPECTED = json.loads((CASE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bib():
    return load_bibliography(CASE / "refs.bib")


def test_every_entry_pybtex_keeps_is_kept_and_each_problem_located(bib) -> None:
    assert list(bib.keys) == EXPECTED["keys"]
    assert [[p.code, p.severity, p.line] for p in bib.problems] == EXPECTED["problems"]


def test_a_line_starting_with_at_inside_a_value_stays_in_the_value(bib) -> None:
    assert bib.get("atline2004").field("note") == "Sent to the list @everyone on the same day"
    assert bib.get("atline2004").container == "Journal of Notes"


def test_biblatex_types_load_and_unknown_types_only_warn(bib) -> None:
    assert [bib.get(k).type for k in ("letter1990", "act2010", "film1999", "tool2020")] == [
        "letter", "legislation", "movie", "software"]
    unknown = [p for p in bib.problems if p.code == "LR102"]
    assert [(p.key, p.severity) for p in unknown] == [("talk2011", "warning")]
    # IEEEtran.bst's control entry is no unknown type: it sets the style's options (named by \bstctlcite)
    assert bib.get("IEEEexample:BSTcontrol").type == "ieeetranbstctl"


def test_crossref_is_inherited_whatever_the_case_of_the_key(bib) -> None:
    chapter = bib.get("chapter2010")
    assert (chapter.year, chapter.container, chapter.publisher) == (2010, "Contentious Politics",
                                                                    "Cambridge University Press")
    assert chapter.editors == (Person("Tarrow", "Sidney"),)
    found = check_bibliography(bib, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert not [f for f in found if f.key == "chapter2010"], "no false LR110 for inherited fields"


def test_xdata_fields_are_inherited(bib) -> None:
    entry = bib.get("withxdata")
    assert (entry.publisher, entry.field("location"), entry.year) == ("Small Press", "Paris", 2012)


def test_keys_differing_only_in_case_are_two_entries(bib) -> None:
    assert bib.get("Case2001").title == "Upper" and bib.get("case2001").title == "Lower"


def test_a_repeated_key_takes_the_later_entry_as_pandoc_does(bib) -> None:
    # biber and BibTeX keep the first; pandoc (citeproc), the last: LR101 says both.
    assert bib.get("twice2003").title == "Copy"
    assert bib.get("after2006").title == "Still Loads"


def test_extended_name_format() -> None:
    assert read_people("Büthe, Tim and family=Mello e Souza, given=André, prefix=de, useprefix=true") == (
        Person("Büthe", "Tim"), Person("Mello e Souza", "André", prefix="de"))
    assert read_people('useprefix=false and given={Ura Ru}, family={Juan}, suffix={Sr}, prefix={von}') == (
        Person("Juan", "Ura Ru", prefix="von", suffix="Sr"),)


@pytest.mark.parametrize("value", ["and Kurt Cobain and A. Einstein", "Donald E. Knuth and Kurt Cobain and ,",
                                   "Donald E. Knuth and Kurt Cobain and"])
def test_a_stray_and_or_comma_is_an_unreadable_name_list(value: str) -> None:
    bib = parse_bibliography("@book{k, author = {" + value + "}, title = {T}, year = {2000}}")
    assert [p.code for p in bib.problems] == ["LR104"]
    assert bib.keys == ("k",)


def test_an_empty_name_is_reported_and_the_other_names_kept_as_pandoc_reads_them() -> None:
    # "… and Coresh, Josef and , ": pandoc drops the empty name and prints "(Knuth et al. 2024)"
    bib = parse_bibliography("@article{k, author = {Knuth, Donald and Cobain, Kurt and Einstein, A. and , },"
                             " title = {T}, year = {2024}}")
    assert [p.code for p in bib.problems] == ["LR104"]
    assert bib.get("k").authors == (Person("Knuth", "Donald"), Person("Cobain", "Kurt"), Person("Einstein", "A."))
    # other strays are read as pandoc and pybtex read them: "and Kurt Cobain", the particle "and" (pandoc prints
    # "(Kurt Cobain and Einstein 2000)"); "Kurt Cobain and", the family "and"
    assert parse_bibliography("@book{k, author = {and Kurt Cobain and A. Einstein}, title = {T},"
                              " year = {2000}}").get("k").authors == (
        Person("Kurt Cobain", prefix="and"), Person("Einstein", "A."))
    assert parse_bibliography("@book{k, author = {Donald E. Knuth and Kurt Cobain and}, title = {T},"
                              " year = {2000}}").get("k").authors == (
        Person("Knuth", "Donald E."), Person("and", "Kurt Cobain"))


def test_a_doubled_and_keeps_every_name_as_pandoc_reads_them() -> None:
    # "… Powell and and Clyde Wilcox" (a typo): pandoc prints "(Francia et al. 2003)", "(Powell and Clyde Wilcox
    # 2001)"; the list is reported, and no name of it lost
    bib = parse_bibliography("@book{k, author = {Peter L. Francia and John C. Green and Lynda W. Powell and and"
                             " Clyde Wilcox}, title = {T}, year = 2003}")
    assert [p.code for p in bib.problems] == ["LR104"]
    assert [p.family for p in bib.get("k").authors] == ["Francia", "Green", "Powell", "Clyde Wilcox"]


def test_keyless_entry_is_kept_under_pybtex_name(bib) -> None:
    assert bib.get("unnamed-1").title == "Keyless"


def test_csl_json_and_csl_yaml_load_like_bibtex(tmp_path: Path) -> None:
    item = {"id": "ching2018", "type": "article-journal", "title": "Opportunities and Obstacles",
            "author": [{"family": "Ching", "given": "Travers"}, {"literal": "Deep Review Consortium"}],
            "issued": {"date-parts": [[2018, 4]]}, "container-title": "Interface", "page": "20170387-20170400",
            "DOI": "10.1098/rsif.2017.0387"}
    (tmp_path / "refs.json").write_text(json.dumps([item, {"type": "book"}]), encoding="utf-8")
    bib = load_bibliography(tmp_path / "refs.json")
    src, unnamed = bib.sources  # an item with no id is kept, as pandoc keeps it, under a made-up key
    assert (unnamed.key, unnamed.type) == ("unnamed-1", "book")
    assert (src.key, src.type, src.year, src.container, src.doi) == (
        "ching2018", "article", 2018, "Interface", "10.1098/rsif.2017.0387")
    assert src.authors == (Person("Ching", "Travers"), Person("Deep Review Consortium"))
    assert src.field("pages") == "20170387--20170400" and src.field("journal") == "Interface"
    assert [(p.code, p.line) for p in bib.problems] == [("LR100", 1)]
    (tmp_path / "refs.yaml").write_text(
        "references:\n- id: holsti2004\n  type: book\n  title: Taming the Sovereigns\n"
        "  author:\n  - family: Holsti\n    given: K. J.\n  issued:\n    date-parts: [[2004]]\n", encoding="utf-8")
    (yaml_src,) = load_bibliography(tmp_path / "refs.yaml").sources
    assert (yaml_src.key, yaml_src.type, yaml_src.year, yaml_src.line) == ("holsti2004", "book", 2004, 2)


def test_a_crossref_cycle_ends() -> None:
    bib = parse_bibliography("@book{a, title={A}, crossref={b}}\n@book{b, year={2001}, crossref={a}}")
    assert [s.year for s in bib.sources] == [2001, 2001]


@pytest.mark.slow
def test_no_file_of_the_parsers_test_suites_is_refused(shared: Path) -> None:
    from fuzz.differential import pybtex_reading  # pybtex's errors captured, not printed to a stream

    suites = shared / "corpus" / "bibtex-suites"
    lost = []
    for path in sorted(suites.rglob("*.bib")):
        text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
        data, _ = pybtex_reading(text)
        want = len(data.entries) if data is not None else 0
        got = len(parse_bibliography(text, path.name).sources)
        if got < want:
            lost.append((path.name, want, got))
    assert lost == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r\r\n"])
def test_findings_point_at_lines_as_the_file_counts_them(newline: str) -> None:
    """A lone carriage return is no line end (pybtex counts it as one: its line number is not used)."""
    text = newline.join(["@book{a, title={A}}", "@book{b,", "  title = {B} year = 2001,", "}",
                         "@book{c, title = {C", "  }", "@book{d, title={D}}", ""])
    bib = parse_bibliography(text, "x.bib")
    assert [(p.code, p.line) for p in bib.problems] == [("LR100", 3), ("LR100", 5)]
    assert bib.keys == ("a", "b", "c", "d")


_VALUE_PIECES = ['{', '}', '"', '\\"', 'a', 'b c', ' ', '\n', '#', ',', '=', '12', 'jan', '{\\"o}', '%']


@given(st.lists(st.tuples(st.sampled_from(['{', '"', '']), st.lists(st.sampled_from(_VALUE_PIECES), max_size=8)),
                min_size=1, max_size=3))
@example([("{", ["}", "#", "12", "a"])])  # "{}#12a}": a number run on into a word
def test_a_value_reads_as_pybtex_reads_it(parts: list) -> None:
    """The loader's reading of quoted and braced values (a shortcut for those without braces inside) gives
    pybtex's value, or fails where pybtex fails."""
    from pybtex.database.input.bibtex import LowLevelParser

    closing = {"{": "}", '"': '"', "": ""}
    value = " # ".join(f"{mark}{''.join(inner)}{closing[mark]}" if mark else "jan" for mark, inner in parts)
    # A line that starts with % inside an entry is where readers part (pybtex: text; biber and pandoc: a
    # comment between fields, braces still counted inside a value): tested on its own, not against pybtex.
    assume(not re.search(r"(?m)^[ \t]*%", value))
    text = f"@misc{{k,\n  title = {value},\n  year = 2001\n}}\n"
    errors: list[Exception] = []
    theirs = [(key, dict(fields)) for _, (key, fields) in LowLevelParser(text, handle_error=errors.append)]
    bib = parse_bibliography(text)
    if errors and re.search(r"(?:^|#)\s*\d+[\w\-:+]", value):
        # A bare number run on into a word ("{}#12a}"): pybtex stops at the number and fails, the loader
        # reads the word whole as pandoc does; both say the entry is broken.
        assert "LR100" in {p.code for p in bib.problems}
    elif theirs and theirs[0][1].get("title"):
        assert bib.get("k").fields["title"] == " ".join("".join(theirs[0][1]["title"]).split())
    else:
        assert "title" not in (bib.sources[0].fields if bib.sources else {})
