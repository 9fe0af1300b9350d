"""CSL-JSON and CSL-YAML bibliographies: the mapping pandoc makes, and problems located as in BibTeX."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.csl import parse_csl
from litreview.bibliography.load import load_bibliography
from litreview.checks import check_review
from litreview.checks.bib import check_bibliography
from litreview.config import Config
from litreview.errors import InputError
from litreview.model import Essay, Review


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


# What pandoc 3 prints for each raw date (pandoc --citeproc, author-date style): the year, or the text as written.
@pytest.mark.parametrize(("raw", "year", "date"), [
    ("May 2020", 2020, "2020-05"),
    ("2020-05-03", 2020, "2020-05-03"),
    ("Spring 2019", 2019, "2019-21"),
    ("Winter 2019", 2019, "2019-24"),
    ("2005/2007", 2005, "2005/2007"),
    ("2020-05-03/2020-06-01", 2020, "2020-05-03/2020-06-01"),
    ("05/03/2020", 2020, "2020-05-03"),  # month first
    ("1999?", 1999, "1999"),
    ("199u", 1990, "1990/1999"),
    ("2005/open", 2005, "2005/"),
])
def test_a_raw_date_pandoc_reads_is_read_so(raw: str, year: int, date: str) -> None:
    bib = parse_csl(f'[{{"id":"k","type":"book","title":"T","publisher":"P","author":[{{"family":"A"}}],'
                    f'"issued":{{"raw":"{raw}"}}}}]', "b.json")
    [source] = bib.sources
    assert (source.year, source.fields.get("date", str(source.year))) == (year, date)
    assert [f.code for f in check_bibliography(bib, now=datetime(2026, 1, 1, tzinfo=UTC))
            if f.code in ("LR124", "LR146")] == []


@pytest.mark.parametrize(("raw", "code", "written"), [
    ("nonsense", "LR124", True), ("3 May 2020", "LR146", True), ("May-June 2020", "LR124", True),
    ("May 3, 2020", "LR146", True),
    ("2020-5-3", "LR146", False),  # pandoc reads "2020 to year 5": a slip, ISO form given
    ("2020-13-45", "LR124", False),  # pandoc prints "Spring 45"
])
def test_a_raw_date_pandoc_prints_as_written_stays_a_finding(raw: str, code: str, written: bool) -> None:
    bib = parse_csl(f'[{{"id":"k","type":"book","title":"T","publisher":"P","author":[{{"family":"A"}}],'
                    f'"issued":{{"raw":"{raw}"}}}}]', "b.json")
    [found] = [f for f in check_bibliography(bib, now=datetime(2026, 1, 1, tzinfo=UTC))
               if f.code in ("LR124", "LR146")]
    assert found.code == code and raw in found.message
    assert ("pandoc prints it as written" in found.message) is written


def test_a_yaml_id_that_is_no_string_is_not_found_by_pandoc() -> None:
    text = 'references:\n- id: 12345\n  type: book\n  title: N\n- id: "678"\n  type: book\n  title: Q\n'
    bib = parse_csl(text, "r.yaml", yaml=True)
    assert [s.key for s in bib.sources] == ["678"]
    [problem] = bib.problems
    assert (problem.code, problem.line) == ("LR100", 2)
    assert "[@12345]" in problem.message and 'id: "12345"' in problem.hint
    # pandoc reads the same item in a front matter, and a number as a CSL-JSON id
    assert [s.key for s in parse_csl(text, "e.md", yaml=True, front_matter=True).sources] == ["12345", "678"]
    assert [s.key for s in parse_csl('[{"id": 12345, "type": "book"}]', "r.json").sources] == ["12345"]


def test_raw_beside_date_parts_wins_as_in_pandoc() -> None:
    # pandoc prints (X 1999) and (Y sometime) for these: the raw date is read, the date-parts beside it not
    bib = parse_csl('[{"id":"x","type":"book","title":"X","issued":{"raw":"1999","date-parts":[[2005]]}},'
                    '{"id":"y","type":"book","title":"Y","issued":{"raw":"sometime","date-parts":[[2005]]}}]', "b.json")
    assert [(s.year, s.fields.get("date")) for s in bib.sources] == [(1999, None), (None, "sometime")]


@pytest.mark.parametrize("issued", [
    '{"raw":"99999999999999999999"}', '{"raw":"May 99999999999999999999"}', '{"raw":"y99999999999999999999"}',
    '{"raw":"' + "1" * 5000 + '"}', '{"date-parts":[["' + "1" * 5000 + '"]]}', '{"date-parts":[["\u00b2"]]}',
])
def test_a_date_of_absurd_numbers_is_no_date_not_a_crash(issued: str) -> None:
    # A year of 20 digits overflowed datetime.date (a traceback); 5,000 digits or a superscript made int()
    # raise, and the item was dropped with Python's message (then every citation of it was LR300).
    bib = parse_csl(f'[{{"id":"k","type":"book","title":"T","publisher":"P","issued":{issued}}}]', "b.json")
    assert [s.key for s in bib.sources] == ["k"] and bib.problems == ()
    assert bib.sources[0].year is None


def test_a_finding_about_a_field_points_at_the_variable_it_was_read_from() -> None:
    # As in a .bib file: a maintainer's CI annotation lands on the DOI's line, not on the item's.
    now = datetime(2026, 1, 1, tzinfo=UTC)
    json_text = ('[\n {"id": "a", "type": "article-journal",\n  "DOI": "doi 10.1234",\n'
                 '  "container-title": "J",\n  "issued": {"date-parts": [[2020]]},\n  "ISSN": "1234-5678"\n }\n]\n')
    yaml_text = ("references:\n- type: article-journal\n  id: a\n  DOI: doi 10.1234\n"
                 "  container-title: J\n  issued:\n    date-parts: [[2020]]\n  ISSN: 1234-5678\n")
    for text, yaml, item, lines in ((json_text, False, 2, {"doi": 3, "journal": 4, "year": 5, "issn": 6}),
                                    (yaml_text, True, 3, {"doi": 4, "journal": 5, "year": 6, "issn": 8})):
        bib = parse_csl(text, "b.yaml" if yaml else "b.json", yaml=yaml)
        [source] = bib.sources
        assert (source.line, dict(source.field_lines)) == (item, lines)
        found = {f.code: f.line for f in check_bibliography(bib, now=now)}
        assert (found["LR110"], found["LR120"], found["LR125"]) == (item, lines["doi"], lines["issn"])


def test_variable_lines_follow_the_items_pandoc_reads() -> None:
    # the later of a repeated id is used, a non-object item keeps its place, a wrapper mapping is read
    text = ('{"items": [{"id": "x"}],\n "references": [\n  "junk",\n  {"id": "a", "title": "First",\n'
            '   "title": "Second"},\n  {"type": "book", "number": "7",\n   "id": "b", "page": "3-4", "issue": "2"}]}\n')
    bib = parse_csl(text, "b.json")
    a, b = bib.sources
    assert (a.key, a.line, a.title, dict(a.field_lines)) == ("a", 4, "Second", {"title": 5})
    # "issue" comes before "number" in the mapping: the field's line is the variable read
    assert (b.key, b.line, b.fields["number"], dict(b.field_lines)) == ("b", 7, "2", {"pages": 7, "number": 7})
    [problem] = bib.problems
    assert (problem.code, "item 1 is not an object" in problem.message) == ("LR100", True)


def test_front_matter_references_are_located_at_their_lines_of_the_essay() -> None:
    from litreview.bibliography.csl import inline_references

    essay = "---\ntitle: T\nreferences:\n- id: a\n  type: book\n  title: B\n  ISBN: 12\n---\n\nText [@a].\n"
    bib = inline_references(essay, "e.md")
    assert bib is not None
    [source] = bib.sources
    assert (source.line, source.line_of("isbn"), source.line_of("title")) == (4, 7, 6)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_every_reader_of_the_front_matter_ends_it_at_the_same_line(tmp_path: Path, end: str) -> None:
    # The essay's reader, the front matter's references and the line naming an unread bibliography each split the
    # block off by their own rule (a "\r" alone ending a line, a byte order mark): one rule now, and they agree.
    from litreview.bibliography.csl import inline_references
    from litreview.essay.yaml_meta import front_matter
    from litreview.essay_bibliographies import _naming_lines

    text = end.join(["---", "title: T", "bibliography: more.bib", "references:", "- id: a", "  type: book",
                     "  title: B", "...", "", "Text [@a].", ""])
    meta, body, body_line = front_matter(text, "e.md")
    assert (meta["bibliography"], body_line, body.split()) == ("more.bib", 9, ["Text", "[@a]."])
    bib = inline_references("\ufeff" + text, "e.md")
    assert bib is not None and [(s.key, s.line, s.line_of("title")) for s in bib.sources] == [("a", 5, 7)]
    (tmp_path / "e.md").write_bytes(("\ufeff" + text).encode("utf-8"))
    essay = Essay(path=str(tmp_path / "e.md"), body=body, meta=meta, paragraphs=(), body_line=body_line)
    assert _naming_lines(essay, ["more.bib", "e.md"]) == {"more.bib": 3}


def test_a_name_part_of_the_wrong_kind_is_no_name_text() -> None:
    # Its list or object was printed as Python writes it, and checked as a name: LR133 "['doe'], {'a': 1}".
    bib = parse_csl('[{"id": "a", "type": "book", "title": "T", "author": [{"family": ["doe"], "given": {"a": 1}},'
                    ' {"family": "Roe", "given": ["R"]}]}]', "refs.json")
    assert [(p.family, p.given) for p in bib.sources[0].authors] == [("", ""), ("Roe", "")]


@pytest.mark.parametrize(("names", "wrong"), [
    ('{"family": "Doe", "given": "Jane"}', '"author" is an object, not a list of names'),
    ('"Jane Doe"', '"author" is a string, not a list of names'),
    ("null", '"author" is null, not a list of names'),
    ('[{"family": "Doe"}, 5]', '"author" holds a number where a name belongs'),
    ('[{"family": ["Doe"], "given": "Jane"}]', '"author" has a name whose family is a list, not a string'),
    ('[{"family": "Doe", "given": {"first": "Jane"}}]', '"author" has a name whose given is an object, not a string'),
    ('[{"family": "Doe"}], "issued": [2014]', '"issued" is a list, not a date'),
    ('[], "issued": {"date-parts": [["2014a"]]}', '"issued" has date-parts that are not lists of whole numbers'),
    ('[], "DOI": null', '"DOI" is null, not a string or a whole number'),
    ('[], "volume": 2.5', '"volume" is a fraction, not a string or a whole number'),
    ('[], "note": 5', '"note" is a number, not a string'),
])
def test_csl_json_values_pandoc_refuses_the_file_for_are_an_error_at_their_line(names: str, wrong: str) -> None:
    # pandoc 3.9: "Error in $[0]: parsing [] failed, expected Array, but encountered Object" for the whole file
    # (and "expected String or Number", "parsing Date failed", "not a number"); litreview said nothing.
    text = f'[{{"id": "ok", "type": "book", "title": "B"}},\n {{"id": "a", "type": "book", "title": "T",\n  "author": {names}}}]'
    bib = parse_csl(text, "refs.json")
    (problem,) = bib.problems
    assert problem.code == "LR100" and problem.line == 3 and wrong in problem.message, problem.message
    assert "pandoc refuses the whole file" in problem.message and [s.key for s in bib.sources] == ["ok", "a"]


def test_csl_names_written_as_strings_or_one_object_are_read_as_pandoc_reads_them() -> None:
    # A string in a name list is a literal name (pandoc 3.9: "(X Y and Doe, n.d.)"); they were dropped. In
    # CSL-YAML one mapping is one name, as pandoc reads it.
    (a,) = parse_csl('[{"id": "a", "type": "book", "title": "T", "author": ["X Y", {"family": "Doe", "given": "J"}]}]',
                     "refs.json").sources
    assert [p.family for p in a.authors] == ["X Y", "Doe"] and a.fields["author"] == "{X Y} and Doe, J"
    yaml = parse_csl("- id: b\n  type: book\n  title: T\n  author:\n    family: Roe\n    given: R\n", "refs.yaml", yaml=True)
    assert not yaml.problems and [p.family for p in yaml.sources[0].authors] == ["Roe"]


def test_a_csl_yaml_syntax_error_is_one_line_naming_the_construct_left_open() -> None:
    # The parser's str() spans lines and names "<unicode string>"; the message is one line.
    bib = parse_csl("- id: a\n  title: A\n  type: book\n- id: b\n  title: [unclosed\n", "refs.yaml", yaml=True)
    [problem] = bib.problems
    assert (problem.code, problem.line) == ("LR100", 6)
    assert problem.message.startswith("not valid CSL-YAML: did not find expected ',' or ']' "
                                      "(while parsing a flow sequence from line 5); pandoc refuses the whole file")
    assert [s.key for s in bib.sources] == ["a"]  # the item before it is read


@pytest.mark.parametrize(("kind", "meant"), [("journal-article", "article-journal"), ("legal-case", "legal_case"),
                                             ("inproceedings", "paper-conference"), ("artcle-journal", "article-journal"),
                                             ("website", "webpage"),  # Zotero's item type for a web page
                                             ("zzz", None)])
def test_an_item_type_csl_does_not_define_is_an_lr102_at_its_type(kind: str, meant: str | None) -> None:
    # A Crossref type, a BibTeX type or a misspelling loaded in silence as @misc.
    text = f'[\n{{"id": "a", "type": "book", "title": "A"}},\n{{"id": "b",\n "type": "{kind}", "title": "B"}}\n]'
    bib = parse_csl(text, "refs.json")
    [problem] = bib.problems
    assert (problem.code, problem.key, problem.line, problem.severity) == ("LR102", "b", 4, "warning")
    assert [s.key for s in bib.sources] == ["a", "b"]
    assert problem.hint == (f"Write {meant!r}, the CSL type" if meant else
                            "Use a CSL type such as article-journal, book, chapter, paper-conference, report, thesis, "
                            "webpage or document")
    assert not parse_csl("- id: c\n  type: legal_case\n  title: C\n", "r.yaml", yaml=True).problems


def test_items_appended_after_the_end_of_the_yaml_are_refused_as_pandoc_refuses_the_file() -> None:
    # A pull request appended items below the "..." that ends a CSL-YAML file; pandoc 3.9 refuses the file ("did
    # not find expected <document start>", every citation unresolved), while only the first document was read.
    text = "---\nreferences:\n- id: a\n  type: book\n  title: A\n...\n\n- id: b\n  type: book\n  title: B\n"
    bib = parse_csl(text, "refs.yaml", yaml=True)
    [problem] = bib.problems
    assert (problem.code, problem.line, bib.sources) == ("LR100", 8, ())
    assert problem.message == "not valid CSL-YAML: did not find expected <document start>"
    assert problem.hint.startswith('Move it above the "..."')
    framed = parse_csl("---\nreferences:\n- id: a\n  title: A\n...\n# a comment\n---\nother: x\n", "r.yaml", yaml=True)
    assert not framed.problems and [s.key for s in framed.sources] == ["a"]  # pandoc reads these


def test_a_yaml_date_no_calendar_has_is_one_items_problem_not_the_files() -> None:
    # YAML reads 2021-14-40 as a timestamp and pyyaml raised "month must be in 1..12": the whole file was an
    # LR100 on line 1 and none of its items was read, where pandoc reads every item (the date as text).
    text = "- id: a\n  type: book\n  title: A\n  issued: 2021-14-40\n- id: b\n  type: book\n  title: B\n" \
           "  issued: 2021-03-04\n"
    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert bib.problems == () and [s.key for s in bib.sources] == ["a", "b"]
    assert [(s.fields["date"], s.fields["year"]) for s in bib.sources] == [("2021-14-40", "2021"), ("2021-03-04", "2021")]
    found = [(f.code, f.key, f.line) for f in check_bibliography(bib, now=datetime(2026, 1, 1, tzinfo=UTC))
             if f.code == "LR124"]
    assert found == [("LR124", "a", 4)]


def test_items_appended_after_a_closing_dashes_line_are_told_unread() -> None:
    # A file framed "---" ... "---" like a front matter, an item appended at its end: pandoc reads the first
    # document alone and cites nothing below it, without a word; the pull request's item vanished unseen.
    text = "---\nreferences:\n- id: a\n  type: book\n  title: A\n---\n\n- id: b\n  type: book\n  title: B\n"
    bib = parse_csl(text, "refs.yaml", yaml=True)
    [problem] = bib.problems
    assert (problem.code, problem.severity, problem.line) == ("LR100", "error", 8)
    assert [s.key for s in bib.sources] == ["a"]
    assert 'follow the "---" on line 6' in problem.message and problem.hint == 'Move them above the "---" on line 6'
    under = parse_csl(text.replace("\n- id: b", "references:\n- id: b"), "refs.yaml", yaml=True)
    assert [p.line for p in under.problems] == [8]  # a second references: list, its first item
    # The close cases: a later document of no items, and a file with nothing after its closing line.
    assert not parse_csl(text.replace("- id: b\n  type: book\n  title: B\n", "note: kept for later\n"), "r.yaml",
                         yaml=True).problems
    assert not parse_csl(text[:text.index("\n- id: b")], "r.yaml", yaml=True).problems


@pytest.mark.parametrize(("text", "name", "line"), [
    ('[{"id": "a", "type": "book",\n  "title": "NaN, \\" NaN", "volume": NaN}]', "NaN", 2),
    ('[{"id": "a", "type": "book", "page": -Infinity}]', "-Infinity", 1),
])
def test_nan_and_infinity_are_no_json_as_pandoc_reads_it(text: str, name: str, line: int) -> None:
    # Python's json reads them (the title became "nan"); pandoc refuses the file.
    bib = parse_csl(text, "refs.json")
    assert not bib.sources
    (problem,) = bib.problems
    assert problem.code == "LR100" and f"{name} is no JSON value" in problem.message and problem.line == line


def test_nan_in_a_string_is_text() -> None:
    (source,) = parse_csl('[{"id": "a", "type": "book", "title": "NaN and Infinity"}]', "refs.json").sources
    assert source.title == "NaN and Infinity"


@pytest.mark.parametrize(("text", "message", "line", "hint"), [
    # A comma after an item's last field, as a one-line export writes it: located at the comma, with the text
    # around it (column 69234 of one line says little), not Python's "(char 69234)".
    ("[" + ",".join(f'{{"id": "k{i}", "type": "book", "title": "T{i}"}}' for i in range(1500)) + ',{"id": "x",}]',
     "a comma before the '}' that closes an item at line 1, column ", 1, "Remove the comma"),
    ('[\n {"id": "a", "title": "b",\n }\n]', "a comma before the '}' that closes an item at line 2, column 26", 2,
     "Remove the comma"),
    ('\ufeff[{"id": "a",}]', "at line 1, column 13", 1, "Remove the comma"),  # counted in the file as written
    ('[{"id": "a", title: "b"}]', "a field name not in double quotes at line 1, column 14", 1, "double quotes"),
    ('[\n{"id": "a" "title": "b"}]', "a comma missing between two values at line 2, column 12", 2, "Add the comma"),
    ('[{"id": "a", "title": "b', "a string that is never closed at line 1, column 23", 1, "closing double quote"),
    # A month written 07 (Python's json asks for a comma after the 0; pandoc says "leading zero").
    ('[{"id": "a",\n "issued": {"date-parts": [["2025", 07, 25]]}}]',
     "a number with a leading zero (07), which JSON does not allow at line 2, column 37", 2, "Write 7 "),
    ('[{"id": "a", "n": -012}]', "a number with a leading zero (-012)", 1, "Write -12 "),
    ('[{"id": "a", "n": [0 1]}]', "a comma missing between two values at line 1, column 22", 1, "Add the comma"),
    ('[{"id": "a"}] [', "more text after the JSON has ended", 1, "inside the one [ ... ]"),
])
def test_a_csl_json_syntax_error_says_what_and_where_in_plain_words(text: str, message: str, line: int,
                                                                     hint: str) -> None:
    [problem] = parse_csl(text, "refs.json").problems
    assert (problem.code, problem.line) == ("LR100", line)
    assert problem.message.startswith("not valid CSL-JSON: ") and message in problem.message, problem.message
    assert hint in problem.hint and "Expecting" not in problem.message and "char " not in problem.message
    if len(text) > 1000:
        assert """column 72792, near '…, "title": "T1499"},{"id": "x",}]'; """ in problem.message, problem.message


def test_csl_rich_text_is_formatting_not_text_in_the_title_shown() -> None:
    # citeproc renders CSL's <i>, <b>, <sup>, <sub> and nocase or small-caps spans as formatting; the site printed
    # "&lt;i&gt;Rattus&lt;/i&gt;" in the reference and the titles linker read "<i>rattus</i>" as words.
    bib = parse_csl('[{"id": "a", "type": "article-journal", "title": "On <i>Rattus</i> in <span class=\\"nocase\\">'
                    'UK</span> rats<sup>2</sup>", "container-title": "<b>Bulletin</b> of <span style=\\"font-variant:'
                    'small-caps;\\">Zoology</span>"}]', "x.json")
    (source,) = bib.sources
    assert (source.title, source.container) == ("On Rattus in UK rats2", "Bulletin of Zoology")
    assert source.fields["title"].startswith("On <i>Rattus</i>")  # the field as written, for the checks


@pytest.mark.parametrize(("written", "shown"), [
    # pandoc reads a CSL-YAML value as Markdown (pandoc 3.9, -t csljson): the title shown is its text
    ("Integrating CO ~2~ and CH ~4~ Fluxes", "Integrating CO 2 and CH 4 Fluxes"),
    ("CO~**2**~ exchange in a bog", "CO2 exchange in a bog"),
    ("the alliterative *Joseph of Arimathea*", "the alliterative Joseph of Arimathea"),
    ("Northeast-Germany 1997--2008 --- a study", "Northeast-Germany 1997\u20132008 \u2014 a study"),
    ("in two volumes. Vol. 1: ...", "in two volumes. Vol. 1: \u2026"),
    (r"the net \<scp\>CO\</scp\>~2~", "the net <scp>CO</scp>2"),  # escaped: text, not a tag
    ("in <i>R</i> with [DNA]{.nocase} and [Small]{.smallcaps} x^2^", "in R with DNA and Small x2"),
    ("snake_case_name, 2 * 3, `a--b` & [site](https://example.org)", "snake_case_name, 2 * 3, a--b & site"),
    # code and an address keep their tildes; an escape keeps what it escapes (pandoc 3.9)
    ("`H~2~O` at <http://x.org/~a~b>", "H~2~O at http://x.org/~a~b"),
    (r"a\--b \... c", "a--b ... c"),
    # pandoc's smart quotes: its reference list prints The “Big” One’s
    ("The \"Big\" one's", "The \u201cBig\u201d one\u2019s"),
])
def test_csl_yaml_values_are_markdown_shown_as_pandoc_reads_them(written: str, shown: str) -> None:
    import json

    text = f"references:\n- id: a\n  type: article-journal\n  title: {json.dumps(written)}\n  container-title: {json.dumps(written)}\n"
    (source,) = parse_csl(text, "refs.yaml", yaml=True).sources
    assert (source.title, source.container) == (shown, shown)
    assert source.fields["title"] == written  # the field as written
    # CSL-JSON is not Markdown: its "*" and "--" are characters
    (item,) = parse_csl(json.dumps([{"id": "a", "type": "book", "title": "A *b* 1--2"}]), "refs.json").sources
    assert item.title == "A *b* 1--2"
    # but its quotes are made curly, as pandoc makes them: The “Big” one’s -- end...
    (item,) = parse_csl(json.dumps([{"id": "a", "type": "book", "title": "The \"Big\" one's -- end..."}]),
                        "refs.json").sources
    assert item.title == "The \u201cBig\u201d one\u2019s -- end..."


@pytest.mark.parametrize(("issued", "year", "says", "hint"), [
    # pandoc 3.9 reads a CSL-YAML date as EDTF alone: "April 2019" is n.d. there (in CSL-JSON it reads 2019-04)
    ('"April 2019"', None, "prints n.d.", "issued: 2019-04"),
    ('{raw: "April 3, 2019"}', None, "prints n.d.", "issued: 2019-04-03"),
    ('"2019-4"', None, "prints n.d.", "issued: 2019-04"),
    # a season: EDTF's 21-24, which pandoc reads and prints ("J, Spring 2019" in chicago-notes-bibliography)
    ('"Spring 2019"', None, "prints n.d.", "issued: 2019-21"),
    ('"2019-21"', 2019, "", ""),
    ('"2019-04"', 2019, "", ""),
    ('"199u"', 1990, "", ""),
    ("{literal: April 2019}", 2019, "", ""),  # printed as written: what a literal is for
])
def test_csl_yaml_dates_are_read_as_pandoc_reads_them_there(issued: str, year: int | None, says: str,
                                                            hint: str) -> None:
    text = f"references:\n- id: a\n  type: book\n  title: T\n  publisher: P\n  author: [{{family: Roe}}]\n  issued: {issued}\n"
    bib = parse_csl(text, "refs.yaml", yaml=True)
    (source,) = bib.sources
    assert source.year == year
    found = [f for f in check_bibliography(bib, now=datetime(2026, 1, 1, tzinfo=UTC)) if f.code in ("LR124", "LR146")]
    if not says:
        assert found == []
        return
    (problem,) = found
    assert (problem.code, problem.severity, problem.line) == ("LR124", "error", 7)
    assert problem.message.endswith(says) and "CSL-YAML" in problem.message and hint in problem.hint, problem
    # the same date in CSL-JSON is read (pandoc's citeproc reads "April 2019" there)
    raw = issued.removeprefix("{raw: ").rstrip("}").strip('"')
    (item,) = parse_csl(f'[{{"id": "a", "type": "book", "title": "T", "issued": {{"raw": "{raw}"}}}}]', "r.json").sources
    assert item.year == 2019


def test_csl_yaml_accessed_time_is_left_out_by_pandoc_not_printed() -> None:
    # Zotero's CSL-YAML "accessed: 15:22:59": pandoc prints nothing for it there (CSL-JSON prints it as written)
    text = 'references:\n- id: a\n  type: webpage\n  title: T\n  URL: https://example.org\n  issued: 2019\n  accessed: "15:22:59"\n'
    bib = parse_csl(text, "refs.yaml", yaml=True)
    (problem,) = [f for f in check_bibliography(bib, now=datetime(2026, 1, 1, tzinfo=UTC)) if f.code == "LR124"]
    assert problem.message.startswith("accessed '15:22:59'") and problem.message.endswith("leaves it out"), problem


def test_csl_yaml_month_name_in_date_parts_is_left_out_by_pandoc() -> None:
    text = "references:\n- id: a\n  type: book\n  title: T\n  issued:\n    date-parts: [[2019, April]]\n"
    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert bib.sources[0].year == 2019
    (problem,) = bib.problems
    assert (problem.code, problem.severity, problem.line, problem.key) == ("LR124", "warning", 5, "a")
    assert "'April'" in problem.message and "reads the date as 2019, without it" in problem.message
    assert parse_csl("references:\n- id: a\n  type: book\n  issued:\n    date-parts: [[2019, 4]]\n", "r.yaml",
                     yaml=True).problems == ()


@pytest.mark.parametrize(("written", "shown"), [
    # pandoc 3.9 (-f csljson -t csljson) reads a pair of quotes of either kind as a quotation and prints it “...”,
    # one inside it ‘...’: a Zotero title "the community grid as a ‘safety valve’" was shown with single marks
    ("a \u2018safety valve\u2019 institution", "a \u201csafety valve\u201d institution"),
    ("a 'safety valve' institution", "a \u201csafety valve\u201d institution"),
    ("\u201couter \u2018inner\u2019 x\u201d and 'outer \"inner\" y'",
     "\u201couter \u2018inner\u2019 x\u201d and \u201couter \u2018inner\u2019 y\u201d"),
    # an apostrophe in a word is no quotation; a mark nothing closes stays, a single one as an apostrophe
    ("\u2018tis the 80\u2019s \u2018x\u2019", "\u2018tis the 80\u2019s \u201cx\u201d"),
    ("Bob's 'x and \"y", "Bob\u2019s \u2019x and \"y"),
    ("A \u00abguillemets\u00bb B", "A \u00abguillemets\u00bb B"),
])
def test_csl_json_quotations_are_printed_as_pandoc_prints_them(written: str, shown: str) -> None:
    import json

    (item,) = parse_csl(json.dumps([{"id": "a", "type": "book", "title": written}]), "refs.json").sources
    assert item.title == shown
    assert item.fields["title"] == written  # the field as written


@pytest.mark.parametrize(("written", "shown"), [
    # pandoc's Markdown (a CSL-YAML value): a quotation in single marks is printed “...” too, one inside ‘...’;
    # curly marks typed are text (pandoc 3.9, -f markdown -t csljson)
    ("the 'safety valve' grid", "the \u201csafety valve\u201d grid"),
    ("the 'a \"b\" c' grid", "the \u201ca \u2018b\u2019 c\u201d grid"),
    ("a \u2018curly\u2019 one", "a \u2018curly\u2019 one"),
    # a straight quote nothing closes: pandoc curls it all the same
    ('"open and close" then "alone', "\u201copen and close\u201d then \u201calone"),
    ("the 5\" disk", "the 5\u201d disk"),
])
def test_csl_yaml_quotations_are_printed_as_pandoc_prints_them(written: str, shown: str) -> None:
    import json

    (source,) = parse_csl(f"- id: a\n  type: book\n  title: {json.dumps(written)}\n", "refs.yaml", yaml=True).sources
    assert source.title == shown


def test_csl_items_without_an_id_are_kept_and_reported_as_pandoc_reads_them() -> None:
    # pandoc 3.9 reads an item with no id (with the id ""): a Manubot file of 2017, its items told by
    # "standard_citation", was refused whole ("the item has no id" for each, no source left to check)
    text = ('[\n{"type": "webpage", "standard_citation": "url:https://example.org/a", "title": "Page A",\n'
            ' "URL": "https://example.org/a"},\n{"id": "b", "type": "book", "title": "Book B"},\n'
            '{"type": "book",\n "title": "No id at all"}\n]\n')
    bib = parse_csl(text, "refs.json")
    assert [(s.key, s.title, s.line) for s in bib.sources] == [
        ("unnamed-1", "Page A", 2), ("b", "Book B", 4), ("unnamed-2", "No id at all", 5)]
    assert [(p.code, p.line, p.key) for p in bib.problems] == [("LR100", 2, "unnamed-1"), ("LR100", 5, "unnamed-2")]
    assert '"id": "url:https://example.org/a"' in bib.problems[0].hint  # the id Manubot read it by
    assert "no citation can find it" in bib.problems[1].message
    # in CSL-YAML, an item with the id "" too
    (source,) = parse_csl('- id: ""\n  type: book\n  title: Y\n', "refs.yaml", yaml=True).sources
    assert source.key == "unnamed-1"


def test_csl_yaml_items_without_an_id_are_left_out_as_pandoc_leaves_them() -> None:
    # A hand-written CSL-YAML list with no id fields: pandoc 3.9 prints none of its items (not even with
    # nocite: "@*"), its citeproc reading a YAML item by its "id" alone (not "ID", which a CSL-JSON item may use);
    # litreview kept nine "unnamed-N" items and told they were read.
    text = ("- title: Global temperature change\n  author:\n   - James Hansen\n  date: 2006-09-26\n"
            "- ID: p\n  title: Upper case\n  issued: 2007\n- id: q\n  title: Kept\n  issued: 2008\n"
            "- id:\n  title: Null id\n")
    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert [s.key for s in bib.sources] == ["q"]
    assert [(p.code, p.line, p.key) for p in bib.problems] == [("LR100", 1, None), ("LR100", 5, None),
                                                               ("LR100", 11, None)]
    assert all("pandoc leaves it out" in p.message for p in bib.problems)
    assert bib.problems[0].hint == "Give it an id, cited as [@id]: id: smith2020"
    assert bib.problems[1].hint == "Write the key in lower case: id: p (pandoc reads the id of a CSL-YAML file's item by that name alone)"
    # a front matter's references: read "ID" as pandoc's markdown reader does; an item without one is left out
    front = parse_csl("references:\n- ID: p\n  title: T\n- title: V\n", "essay.md", yaml=True, front_matter=True)
    assert [s.key for s in front.sources] == ["p"]
    assert [(p.code, p.line) for p in front.problems] == [("LR100", 4)]


def test_csl_yaml_value_with_a_colon_is_told_how_to_quote() -> None:
    # pandoc and YAML refuse the whole file ("mapping values are not allowed in this context"); the hint only said
    # "Fix the syntax at that line"
    text = "- id: a\n  type: book\n  title: Expand: Towards a System\n  publisher: P\n"
    (problem,) = parse_csl(text, "refs.yaml", yaml=True).problems
    assert (problem.code, problem.line) == ("LR100", 3)
    assert 'title: "Expand: Towards a System"' in problem.hint
    # a value already quoted, with text after its quotes, keeps the general hint
    (other,) = parse_csl('- id: a\n  title: "A": B\n', "refs.yaml", yaml=True).problems
    assert (other.line, other.hint) == (2, "Fix the syntax at that line")


def test_csl_family_name_alone_of_several_words_is_one_family_name() -> None:
    # A Manubot item listing "Moore, S" and {"family": "on behalf of the Work Group"} drew LR147 ("writes 'Moore,
    # S' family name first but 'on behalf of the Work Group' given name first"): CSL names have no written form.
    bib = parse_csl('[{"id": "a", "type": "article-journal", "title": "T", "container-title": "J", '
                    '"issued": {"date-parts": [[2020]]}, "author": [{"family": "Moore", "given": "S"}, '
                    '{"family": "on behalf of the Work Group"}, {"family": "Plato"}]}]', "refs.json")
    (source,) = bib.sources
    assert source.fields["author"] == "Moore, S and {on behalf of the Work Group} and Plato"
    assert [p.family for p in source.authors] == ["Moore", "on behalf of the Work Group", "Plato"]
    from litreview.checks.style_names import check_name_forms, check_names

    assert [f.code for f in (*check_name_forms(source), *check_names(source))] == []


def test_csl_yaml_variable_given_twice_in_an_item_is_reported() -> None:
    # A hand-written item listed each author under its own "author:" key: YAML (and pandoc) keep the last, so
    # three of four authors were dropped without a word.
    text = ("references:\n- id: w\n  title: T\n  author:\n  - family: Gertler\n  author:\n  - family: Shelef\n"
            "  author:\n  - family: Fuchs\n  type: report\n- id: ok\n  title: U\n  type: book\n")
    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert [p.family for p in bib.sources[0].authors] == ["Fuchs"]  # as pandoc reads it
    (problem,) = [p for p in bib.problems if p.code == "LR103"]
    assert (problem.key, problem.line) == ("w", 4)
    assert "author is given 3 times (lines 4, 6, 8)" in problem.message
    assert problem.hint == "Write author once, every name in its list"


def test_csl_variable_names_are_read_in_any_case_as_pandoc_reads_them() -> None:
    # pandoc 3.9 reads "url", "Title", "ISSUED", "Author", "ID" as URL, title, issued, author, id; litreview left a
    # hand-written item's lower-case url out (so no web address to check, and a false "lacks url" on a webpage).
    text = ('[{"ID": "a", "Type": "webpage", "Title": "Page", "url": "https://example.org/x",\n'
            ' "ISSUED": {"date-parts": [[2001]]}, "Author": [{"family": "Doe"}]},\n'
            '{"id": "b", "type": "book", "URL": "https://example.org/first", "url": "https://example.org/second"}]\n')
    a, b = parse_csl(text, "refs.json").sources
    assert (a.key, a.type, a.title, a.url, a.year, [p.family for p in a.authors]) == (
        "a", "online", "Page", "https://example.org/x", 2001, ["Doe"])
    assert a.field_lines["url"] == 1
    assert b.url == "https://example.org/first"  # the variable as CSL names it wins, as in pandoc
    (y,) = parse_csl("- id: c\n  type: webpage\n  title: T\n  url: https://example.org/y\n", "refs.yaml", yaml=True).sources
    assert (y.url, y.field_lines["url"]) == ("https://example.org/y", 4)


def test_one_name_written_as_an_object_gets_its_item_key_and_the_list_to_write() -> None:
    # A hand-written CSL-JSON file: "author": {"family": ..., "given": ...} in six of fifteen items. pandoc, and
    # so Quarto and R Markdown, refuse the file; the hint named a placeholder name and the finding no key.
    text = '[{"id": "wood2006", "type": "book", "title": "T",\n  "author": {"family": "Wood", "given": "Simon N."}}]'
    (problem,) = parse_csl(text, "refs.json").problems
    assert (problem.code, problem.key, problem.line) == ("LR100", "wood2006", 2)
    assert "Quarto or R Markdown" in problem.message
    assert problem.hint == 'Put the name in a list: "author": [{"family": "Wood", "given": "Simon N."}]'
    listed = '[{"id": "a", "type": "book", "title": "T", "author": [{"family": "Wood", "given": "S"}]}]'
    assert not parse_csl(listed, "refs.json").problems


def test_a_csl_key_that_names_a_variable_as_another_format_does_is_misspelt() -> None:
    # "container" and "published" (a hand-written CSL-YAML file, a CSL-JSON one): pandoc keeps no such variable,
    # so the journal and the date were printed by no style, and LR110 asked to add what the item holds.
    text = ("- id: a\n  type: article-journal\n  title: T\n  container: Biometrics\n  published:\n    year: 2020\n"
            "- id: b\n  type: article-journal\n  title: U\n  container-title: Biometrics\n  container: Biom.\n")
    found = [(p.code, p.key, p.line, p.hint) for p in parse_csl(text, "refs.yaml", yaml=True).problems]
    assert found == [("LR159", "a", 4, "Rename container to container-title"),
                     ("LR159", "a", 5, "Rename published to issued (a date as YYYY-MM-DD, or date-parts)")]


def test_a_csl_json_date_with_the_year_as_its_day_says_so() -> None:
    # [2021, 4, 2021]: the message said "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", and the hint the forms.
    text = ('[{"id": "p", "type": "article-journal", "title": "T", "issued": {"date-parts": [[2021, 4, 2021]]}},\n'
            ' {"id": "q", "type": "article-journal", "title": "T", "issued": {"date-parts": [[2021, 4, 21]]}}]')
    found = [f for f in check_bibliography(parse_csl(text, "refs.json"), now=datetime(2026, 1, 1, tzinfo=UTC))
             if f.code == "LR124"]
    assert [(f.key, f.message, f.hint) for f in found] == [
        ("p", "issued '2021-04-2021' has 2021 as its day, which no month has (the year typed again?)",
         'Write "issued": {"date-parts": [[2021, 4]]} (with the day after the month, if you know it)')]


def test_a_stale_access_date_of_a_csl_item_is_named_as_csl_names_it() -> None:
    # The hint said "update urldate" in a CSL-JSON file, whose items call it "accessed".
    text = ('[{"id": "w", "type": "webpage", "title": "T", "URL": "https://example.org/w",'
            ' "accessed": {"date-parts": [[2019, 5, 13]]}}]')
    (found,) = [f for f in check_review(Review(bibliography=parse_csl(text, "refs.json")), Config(),
                                        now=datetime(2026, 1, 1, tzinfo=UTC)).findings if f.code == "LR136"]
    assert found.hint == "Visit the page again and update accessed, or cite an archived copy."


def test_csl_yaml_date_list_of_a_literal_is_read_as_no_date_and_told() -> None:
    # "issued:\n  - literal: 2011/12": pandoc (3.9) reads a list's maps by year, month and day alone, so it reads an
    # empty date (n.d.); the check said "lacks issued" of an item that writes one. Better BibTeX's list of
    # year/month/day maps is no such list.
    text = "references:\n- id: ggobi\n  type: article-journal\n  title: T\n  issued:\n  - literal: 2011/12\n"
    (problem,) = parse_csl(text, "refs.yaml", yaml=True).problems
    assert (problem.code, problem.severity, problem.line, problem.key) == ("LR124", "warning", 5, "ggobi")
    assert problem.message == ("item 1 (ggobi): issued is a list holding literal: 2011/12, and pandoc reads a list's "
                               "items by their year, month and day alone: it reads no date in it (n.d.)")
    assert problem.hint == 'Drop the list\'s dash: write issued: {literal: "2011/12"}, or the date as issued: YYYY-MM-DD'
    assert parse_csl(text.replace("literal: 2011/12", "year: 2011\n    month: 12"), "r.yaml", yaml=True).problems == ()


@pytest.mark.parametrize(("written", "shown", "template"), [("2024", "2024", "[[2024]]"),
                                                            ("[2024, 3]", "[2024, 3]", "[[2024, 3]]")])
def test_csl_yaml_date_parts_not_a_list_of_lists_is_read_as_no_date_and_told(written: str, shown: str,
                                                                               template: str) -> None:
    # "issued:\n  date-parts: 2024" (or a flat [2024, 3]): pandoc (3.9) reads date-parts as a list of lists (or of
    # year/month/day maps) alone, so it reads no date (n.d.); the check said "lacks issued" at the item's id line of an
    # item that writes one, and nothing at the issued line a contributor had just typed.
    text = f"references:\n- id: gandal2024\n  type: article-journal\n  title: T\n  issued:\n    date-parts: {written}\n"
    (problem,) = parse_csl(text, "refs.yaml", yaml=True).problems
    assert (problem.code, problem.severity, problem.line, problem.key) == ("LR124", "warning", 5, "gandal2024")
    assert problem.message == (f"item 1 (gandal2024): issued has date-parts {shown}, which is no list of dates: pandoc "
                               "reads no date in it (n.d.)")
    assert problem.hint == f"Write the date as issued: YYYY-MM-DD, or date-parts: {template}"
    good = text.replace(f"date-parts: {written}", f"date-parts: {template}")
    assert parse_csl(good, "refs.yaml", yaml=True).problems == ()
    assert parse_csl(good.replace(template, "\n      - year: 2024"), "r.yaml", yaml=True).problems == ()


@pytest.mark.parametrize("written", ["\n    date-parts: 2024", "\n  - literal: 2011/12"])
def test_an_unreadable_csl_yaml_date_is_one_finding_not_also_a_lacking_one(written: str) -> None:
    # The loader's LR124 at the issued line says pandoc reads no date in it; the check also said "lacks issued"
    # (LR110) of the same variable: one problem, two findings. An item with no issued at all still lacks one.
    text = f"references:\n- id: g\n  type: article-journal\n  title: T\n  container-title: J\n  issued:{written}\n"
    now = datetime(2026, 1, 1, tzinfo=UTC)
    found = check_review(Review(bibliography=parse_csl(text, "refs.yaml", yaml=True)), Config(), now=now).findings
    assert [(f.code, f.line) for f in found if f.code in ("LR110", "LR124")] == [("LR124", 6)]
    bare = text[:text.index("  issued:")]
    found = check_review(Review(bibliography=parse_csl(bare, "refs.yaml", yaml=True)), Config(), now=now).findings
    assert [f.code for f in found if f.code in ("LR110", "LR124")] == ["LR110"]


_ITEMS = [("a2001", "Alpha"), ("b2002", "Beta"), ("c2003", "Gamma"), ("d2004", "Delta")]


@pytest.mark.parametrize(("broken", "line", "said"), [
    ("- id: b2002\n  type: book\n  title: Beta: a study\n", 10, "mapping values are not allowed"),  # an unquoted ": "
    ("- id: b2002\n  type: book\n\ttitle: Beta\n", 10, "tab"),
    ("- id: b2002\n  type: book\n   title: Beta\n", 10, "mapping values are not allowed"),  # bad indentation
])
def test_one_broken_csl_yaml_item_costs_only_itself(broken: str, line: int, said: str) -> None:
    # A pasted item with a syntax error made the whole file unreadable: one LR100, then an LR300 for every citation
    # of every other item (53 findings on a pull request). pandoc refuses the file all the same: the LR100 says so.
    good = {key: f"- id: {key}\n  type: book\n  title: {title}\n  publisher: P\n  issued: 2001\n" for key, title in _ITEMS}
    text = "references:\n" + good["a2001"] + "  # pasted\n" + broken + good["c2003"] + good["d2004"]
    for folder, body in (("list", text.replace("references:\n", "")), ("under", text),
                         ("indented", text.replace("\n-", "\n  -").replace("\n  ", "\n    ").replace("\n    -", "\n  -"))):
        shift = 0 if folder != "list" else -1
        bib = parse_csl(body, "refs.yaml", yaml=True)
        assert [s.key for s in bib.sources] == ["a2001", "c2003", "d2004"], folder
        [problem] = [p for p in bib.problems if p.code == "LR100"]
        assert problem.line == line + shift and said in problem.message, (folder, problem)
        assert "pandoc refuses the whole file" in problem.message and "does not render until it is mended" in \
            problem.message and problem.file == "refs.yaml"
    from litreview.essay import parse_essay
    from litreview.linking import link
    from litreview.model import Review

    bib = parse_csl(text, "refs.yaml", yaml=True)
    essay = parse_essay("# T\n\nA [@a2001]. C [@c2003]. D [@d2004].\n", "essay.md")
    found = check_review(Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None)), Config()).findings
    assert "LR300" not in {f.code for f in found} and [f.line for f in found if f.code == "LR100"] == [line]


def test_a_citation_of_an_item_skipped_for_its_syntax_error_points_at_the_error() -> None:
    # An item with a number JSON does not allow ("page": 06) is left out with an LR100 at its line; its citation's
    # LR300 said "matches no entry", as if the key were absent from the file.
    from litreview.essay import parse_essay
    from litreview.linking import link
    from litreview.model import Review

    text = ('[\n{"id": "a", "type": "book", "title": "A", "publisher": "P", "issued": {"date-parts": [[2001]]}},\n'
            '{"id": "idor", "type": "webpage", "title": "I",\n "issued": {"date-parts": [[2016, 06]]}}\n]\n')
    bib = parse_csl(text, "refs.json")
    assert [(p.code, p.key, p.line) for p in bib.problems if p.code == "LR100"] == [("LR100", "idor", 4)]
    essay = parse_essay("# T\n\nA [@a]. IDOR [@idor].\n", "essay.md")
    found = check_review(Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None)), Config()).findings
    [cited] = [f for f in found if f.code == "LR300"]
    assert "matches no entry" not in cited.message, cited
    assert "'idor'" in cited.message and "syntax error at refs.json:4" in cited.message, cited


@pytest.mark.parametrize(("text", "lines", "keys"), [
    # a comma missing between two items, a comma inside an item, a comma after the last item
    ('[\n{"id": "a", "type": "book"},\n{"id": "b", "type": "book"}\n{"id": "c", "type": "book"}\n]', [4], "abc"),
    ('[\n{"id": "a", "type": "book"},\n{"id": "b", "type": "book",},\n{"id": "c", "type": "book"}\n]', [3], "ac"),
    ('[\n{"id": "a", "type": "book"},\n{"id": "b",\n "type": "book" "x"},\n{"id": "c", "title": "[{\\"}"},\n]',
     [4, 5], "ac"),
])
def test_one_broken_csl_json_item_costs_only_itself(text: str, lines: list[int], keys: str) -> None:
    bib = parse_csl(text, "refs.json")
    assert [s.key for s in bib.sources] == list(keys)
    assert [(p.code, p.line) for p in bib.problems] == [("LR100", n) for n in lines]
    assert all("pandoc refuses the whole file" in p.message for p in bib.problems)


@pytest.mark.parametrize(("text", "yaml"), [
    ('[\n{"id": "a", "type": "book"},\n{"id": "b",\n "type": "book" "x"},\n{"id": "c", "type": "book",\n'
     ' "journal": "J"}\n]', False),
    ("- id: a\n  type: book\n- id: b\n  type: book\n  title: B: a study\n- id: c\n  type: book\n  journal: J\n", True),
])
def test_a_recovered_csl_files_items_are_counted_and_named_as_the_file_holds_them(text: str, yaml: bool) -> None:
    # "item N" counted the items read: c, the file's third, was "item 2" once b broke (and a check --since took its
    # finding for a new one). The broken item's LR100 names it: what was found on it before cannot be compared.
    bib = parse_csl(text, "refs.yaml" if yaml else "refs.json", yaml=yaml)
    [misnamed] = [p for p in bib.problems if p.code == "LR159"]
    assert misnamed.message.startswith("item 3 (c): 'journal' is no CSL variable"), misnamed
    [broken] = [p for p in bib.problems if p.code == "LR100"]
    assert broken.key == "b" and "b" not in bib.keys


def test_a_comma_missing_between_two_items_names_the_item_it_goes_after() -> None:
    [problem] = parse_csl('[\n{"id": "a",\n "type": "book"}\n{"id": "b", "type": "book"}\n]', "refs.json").problems
    assert problem.line == 4 and "a comma missing between two items at line 4" in problem.message
    assert problem.hint == "Add a comma after the item that ends on line 3"


def test_a_broken_manual_reference_is_named_by_the_id_manubot_cites_it_by() -> None:
    from litreview.essay.manubot import manual_item_id

    text = '[\n{"standard_citation": "doi:10.1/x", "type": "book" "x"},\n{"id": "c", "type": "book"}\n]'
    [broken] = parse_csl(text, "manual-references.json", item_id=manual_item_id).problems
    assert broken.key == "doi:10.1/x"


def test_a_manual_reference_s_note_is_read_in_time_linear_in_its_length() -> None:
    import time

    from litreview.essay.manubot import manual_item_id

    assert manual_item_id({"note": "see\nstandard_id: doi:10.1/x  \n"}) == "doi:10.1/x"
    assert manual_item_id({"note": "a {:standard_id: doi:10.1/y } b {:x: }"}) == "doi:10.1/y"
    start = time.process_time()
    for note in ("standard_id: a" + " " * 20_000 + "b", "{:a: " * 4_000, "{:a: x" + " " * 20_000 + "y}"):
        manual_item_id({"note": note})
    assert time.process_time() - start < 1.0  # a lazy value before trailing blanks took seconds here


def test_a_csl_file_no_item_of_which_parses_is_one_lr100() -> None:
    # Nothing to recover: the file's error, as before.
    [problem] = parse_csl('[\n{"id": "a",},\n{"id": "b" "c"}\n]', "refs.json").problems
    assert (problem.code, problem.line) == ("LR100", 2) and "the file's other items" not in problem.message
    [problem] = parse_csl("- id: a\n  title: A: B\n", "refs.yaml", yaml=True).problems
    assert (problem.code, problem.line) == ("LR100", 2) and "the file's other items" not in problem.message


def test_a_csl_file_of_many_broken_items_is_one_lr100() -> None:
    # Each broken item is located in the whole text: past a bound the file is told once, as before.
    text = "[" + ",".join(f'{{"id": "k{n}",}}' for n in range(30)) + ',{"id": "ok"}]'
    assert [p.line for p in parse_csl(text, "refs.json").problems] == [1]
    assert parse_csl(text, "refs.json").sources == ()
    assert [s.key for s in parse_csl(text.replace('",}', '"}', 11), "refs.json").sources][:2] == ["k0", "k1"]


def test_a_broken_item_of_a_front_matters_references_costs_only_itself() -> None:
    # The keys after references: are no part of its last item.
    block = "\ntitle: T\nreferences:\n- id: a\n  title: A: b\n- id: c\n  type: book\n  title: C\nnocite: |\n  @c\n"
    bib = parse_csl(block, "essay.md", yaml=True, front_matter=True)
    assert [s.key for s in bib.sources] == ["c"] and [(p.code, p.line) for p in bib.problems] == [("LR100", 5)]


def test_a_csl_yaml_keyed_by_id_says_pandoc_reads_none_of_its_items(tmp_path: Path) -> None:
    # A mapping of ids to items: pandoc reads no item from it and stops at nothing; the message named "its keys" as
    # if they were stray settings.
    item = "  id: {key}\n  type: book\n  title: T {key}\n  author:\n  - family: Heidegger\n    given: Martin\n"
    text = "".join(f"{key}:\n{item.format(key=key)}" for key in ("EWI", "SZ", "VA", "SZ"))
    path = tmp_path / "references.yml"
    path.write_text(text, encoding="utf-8")
    bib = load_bibliography(path)
    [told] = bib.problems
    assert (bib.sources, told.code, told.line) == ((), "LR100", 1)
    assert told.message == ("not a CSL bibliography: its 3 items are keyed by id (EWI, SZ, VA), not listed: pandoc "
                            "reads no item from it, without an error, and no citation of them is found; 'SZ' is given "
                            "twice (lines 8, 22: YAML keeps the last)")
    assert told.hint == ("Write references: on the first line and each item below it as a list entry, '- id: KEY' "
                         "and its fields indented under it")
    path = tmp_path / "refs.json"
    path.write_text('{"a": {"type": "book", "title": "T"}, "b": {"type": "book", "title": "U"}}', encoding="utf-8")
    [told] = load_bibliography(path).problems
    assert told.hint == 'Write the items as a list, [{"id": "KEY", ...}, ...], each with the key it was given as its id'
    path.write_text('{"style": "apa", "lang": "en"}', encoding="utf-8")  # no items at all: as it was
    [told] = load_bibliography(path).problems
    assert told.message == "not a CSL bibliography: a mapping without references: (its keys: style, lang)"


def test_a_csl_file_keyed_by_id_counts_and_names_the_same_items(tmp_path: Path) -> None:
    # It said "its 2 items are keyed by id (a, b, version)", naming a key its count left out, and a key given three
    # times "twice".
    path = tmp_path / "refs.json"
    path.write_text('{"a": {"type": "book", "title": "T"}, "b": {"type": "book", "title": "U"}, "version": 2}',
                    encoding="utf-8")
    [told] = load_bibliography(path).problems
    assert told.message.startswith("not a CSL bibliography: its 2 items are keyed by id (a, b), not listed")
    item = "  type: book\n  title: T\n"
    path = tmp_path / "references.yml"
    path.write_text("".join(f"{key}:\n{item}" for key in ("SZ", "VA", "SZ", "SZ")), encoding="utf-8")
    [told] = load_bibliography(path).problems
    assert told.message.endswith("'SZ' is given 3 times (lines 1, 7, 10: YAML keeps the last)")
    path.write_text("".join(f"{key}:\n{item}" for key in ("SZ", "VA", "SZ")), encoding="utf-8")  # (as it was)
    [told] = load_bibliography(path).problems
    assert told.message.endswith("'SZ' is given twice (lines 1, 7: YAML keeps the last)")


def test_a_bodys_report_in_csl_needs_no_publisher_beside_its_author() -> None:
    from datetime import UTC, datetime

    from litreview.checks.bib import check_bibliography

    # "report item lacks publisher" (an error) for a report whose author is the body that issued it: APA and
    # Chicago print that body once, as the author.
    item = ("- id: daisy-2024\n  type: report\n  author:\n    - literal: DAISY Consortium\n  title: Ace by DAISY\n"
            "  issued:\n    date-parts:\n      - [2024]\n")
    now = datetime(2026, 12, 1, tzinfo=UTC)
    assert [f for f in check_bibliography(parse_csl(item, "r.yaml", yaml=True), now=now) if f.code == "LR110"] == []
    person = item.replace("    - literal: DAISY Consortium\n", "    - family: Roe\n      given: Ann\n")
    assert [f.message for f in check_bibliography(parse_csl(person, "r.yaml", yaml=True), now=now)
            if f.code == "LR110"] == ["report item lacks publisher"]


def test_a_csl_items_series_and_type_are_kept() -> None:
    # collection-title and collection-number are biblatex's series and number (as pandoc writes them), but an
    # article's or a report's number is its own; the CSL type is kept where two CSL types are one BibTeX type
    bib = parse_csl('[{"id": "b", "type": "book", "title": "T", "collection-title": "Poétique",'
                    ' "collection-number": 41},'
                    ' {"id": "r", "type": "report", "title": "T", "number": "12", "collection-title": "Papers",'
                    ' "collection-number": "3"},'
                    ' {"id": "a", "type": "article-journal", "title": "T", "collection-number": "9"},'
                    ' {"id": "p", "type": "article", "title": "T"}]', "b.json")
    assert [(s.type, s.csl_type, s.field("series"), s.number) for s in bib.sources] == [
        ("book", "book", "Poétique", "41"), ("techreport", "report", "Papers", "12"),
        ("article", "article-journal", "", ""), ("misc", "article", "", "")]


@pytest.mark.parametrize("text", ["---\nreferences:\n- id: a\n  type: book\n  title: A\n...\n",
                                  "- id: a\n  type: book\n  title: A\n", "references:\n- id: a\n  title: A\n"])
def test_csl_yaml_saved_as_json_is_told_to_be_named_yaml(text: str) -> None:
    # pandoc reads a bibliography by its extension and refuses such a file; the hint was to write a JSON value at
    # line 1 ("Write the value (text in double quotes, ...)"), which says nothing of what is wrong.
    (bad,) = parse_csl(text, "refs/references.json", yaml=False).problems
    assert (bad.code, bad.line) == ("LR100", 1)
    assert bad.hint == ("The file holds CSL-YAML, not JSON: name it references.yaml (pandoc reads a bibliography "
                        "by its extension)")


def test_a_family_name_opening_with_words_in_lower_case_holds_its_particle_as_pandoc_reads_it() -> None:
    # pandoc 3 (chicago-notes-bibliography): "Bruijn, Berry de, Jan van der Berg, and Ludwig van Beethoven." and
    # "Fontaine, Jean de la, and Abu al-Farabi."; the site printed "de Bruijn, Berry". A particle given apart is read
    # as given ("de Bruijn, Berry x."), a family name of one word as written ("ten, Berry.").
    items = ('[{"id": "a", "type": "book", "title": "T", "author": [{"family": "de Bruijn", "given": "Berry"},'
             ' {"family": "van der Berg", "given": "Jan"}, {"family": "de la Fontaine", "given": "Jean"},'
             ' {"family": "al-Farabi", "given": "Abu"}, {"family": "de Bruijn", "given": "B", "non-dropping-particle":'
             ' "x"}, {"family": "ten", "given": "Berry"}, {"family": "Mac Donald", "given": "Al"}]}]')
    (a,) = parse_csl(items, "refs.json").sources
    assert [(p.prefix, p.family) for p in a.authors] == [
        ("de", "Bruijn"), ("van der", "Berg"), ("de la", "Fontaine"), ("", "al-Farabi"), ("x", "de Bruijn"),
        ("", "ten"), ("", "Mac Donald")]
    assert a.fields["author"].startswith("de Bruijn, Berry and van der Berg, Jan and")


def test_variables_in_the_note_are_read_as_pandoc_s_citeproc_reads_them() -> None:
    # Zotero writes the variables of its item types that lack a field into the note ("DOI: 10.1093/...",
    # "collection-title: ..."); pandoc 3.9 reads the lines "variable: value" that open the note as those variables
    # (an item's own variable kept) and prints the DOI. The site printed none, and LR137 said "no DOI, but Oxford
    # University Press registers DOIs for its books".
    bib = parse_csl((
        '[{"id":"a","type":"book","title":"T","publisher":"Oxford University Press","issued":{"date-parts":[[2022]]},'
        '"note":"DOI: 10.1093/oso/9780192846938.001.0001","URL":"https://x.org/a"},'
        '{"id":"b","type":"report","title":"R","number":"39","issued":{"date-parts":[[2022]]},'
        '"note":"collection-title: Series A\\nvolume: 39\\nDOI: 10.1787/2b0f063e-en"},'
        '{"id":"c","type":"book","title":"C","note":"Some words first\\nDOI: 10.1/c"},'
        '{"id":"d","type":"book","title":"D","note":"DOI: 10.1/d\\nSome words after"},'
        '{"id":"e","type":"book","title":"E","note":"volume: 3","volume":"5"},'
        '{"id":"f","type":"book","title":"F","note":"tex.ids: x\\nDOI: 10.1/f"}]'), "refs.json")
    got = {s.key: (s.doi, s.fields.get("series", ""), s.fields.get("volume", ""), s.fields.get("note", ""))
           for s in bib.sources}
    assert got == {"a": ("10.1093/oso/9780192846938.001.0001", "", "", ""),
                   "b": ("10.1787/2b0f063e-en", "Series A", "39", ""),
                   "c": ("", "", "", "Some words first\nDOI: 10.1/c"),
                   "d": ("10.1/d", "", "", "Some words after"),
                   "e": ("", "", "5", ""),
                   "f": ("", "", "", "tex.ids: x\nDOI: 10.1/f")}


def test_braced_variables_opening_the_note_are_read_as_pandoc_s_citeproc_reads_them() -> None:
    # citeproc-js's older form, "{:DOI:10.1/x}", which pandoc 3.9's citeproc reads too where the note opens with it,
    # one after another with nothing between or a line of its own after one ("volume: 6\n{:DOI:10.1/z}"); a blank or
    # a line break after a braced one ends them. It was left in the note: no DOI.
    bib = parse_csl((
        '[{"id":"a","type":"book","title":"A","note":"{:DOI:10.1/a}"},'
        '{"id":"b","type":"book","title":"B","note":"{:volume:5}{:DOI:10.1/b}"},'
        '{"id":"c","type":"book","title":"C","note":"volume: 6\\n{:DOI:10.1/c}\\nrest"},'
        '{"id":"d","type":"book","title":"D","note":"{:DOI:10.1/d} {:volume:4}"},'
        '{"id":"e","type":"book","title":"E","note":"{:volume:4}\\n{:DOI:10.1/e}"},'
        '{"id":"f","type":"book","title":"F","note":"Text {:DOI:10.1/f} more"}]'), "refs.json")
    got = {s.key: (s.doi, s.fields.get("volume", ""), s.fields.get("note", "")) for s in bib.sources}
    assert got == {"a": ("10.1/a", "", ""),
                   "b": ("10.1/b", "5", ""),
                   "c": ("10.1/c", "6", "rest"),
                   "d": ("10.1/d", "", "{:volume:4}"),
                   "e": ("", "4", "{:DOI:10.1/e}"),
                   "f": ("", "", "Text {:DOI:10.1/f} more")}
    import time

    for note in ("{:a: " + " " * 100_000, "{:a:" * 20_000, "{:a:x}" * 20_000, "a: x\n" * 20_000):
        start = time.perf_counter()
        parse_csl(json.dumps([{"id": "x", "type": "book", "title": "X", "note": note}]), "refs.json")
        assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(("written", "read"), [
    ("015010", "15010"), ("0x1F", "31"), ("1_000", "1_000"), ("1:20", "1:20"), ("12", "12"), ("-3", "-3")])
def test_csl_yaml_numbers_are_read_as_yaml_1_2_reads_them_as_pandoc_does(written: str, read: str) -> None:
    # A Zotero-derived CSL-YAML item's article number "page: 015010": YAML 1.1 (PyYAML) reads it as the octal 6664,
    # which the site printed as the page; pandoc 3.9 reads YAML 1.2 (a decimal number, printed 15010 by its citeproc).
    # 1_000 and 1:20 are text in YAML 1.2 (1000 and 80 in 1.1), 0x1F the number 31 in both.
    (source,) = parse_csl(f"- id: a\n  type: article-journal\n  title: T\n  page: {written}\n", "refs.yaml",
                          yaml=True).sources
    assert source.pages == read


def test_a_csl_json_date_as_a_year_map_is_no_date_as_pandoc_reads_it() -> None:
    # Hand-written CSL-JSON (real bibliography lexlab-scaffold): "issued": {"year": 1993}. pandoc 3.9 reads it as
    # date-parts [[0]] and prints "n.d."; litreview read 1993, so its site and author-date matching disagreed with
    # the rendered document, and no finding said so. (CSL-YAML's map is read as a date by pandoc: kept so.)
    text = json.dumps([{"id": "r93", "type": "book", "title": "T", "issued": {"year": 1993}},
                       {"id": "r94", "type": "book", "title": "U", "issued": {"date-parts": [[1994]], "year": 1990}}],
                      indent=1)
    bib = parse_csl(text, "refs.json")
    assert [(s.key, s.year) for s in bib.sources] == [("r93", None), ("r94", 1994)]
    [told] = [p for p in bib.problems if p.code == "LR124"]
    assert (told.key, told.line, told.severity) == ("r93", 6, "warning")
    assert "n.d." in told.message and told.hint == 'Write "issued": {"date-parts": [[1993]]}'


@pytest.mark.parametrize(("parts", "told"), [
    ("[[1985, null, null]]", True), ("[[1985, '', '']]", True), ("[[1985, 3, null]]", True),
    ("[[1985, null]]", False), ("[[1985, 3, 2]]", False), ("[[1985]]", False)])
def test_csl_yaml_empty_day_in_date_parts_is_told(parts: str, told: bool) -> None:
    # A JOSS paper's front matter (real bibliography MRNA_pipe) writes "date-parts: [[2008, null, null]]" (a template's
    # empty month and day). pandoc 3.9 reads the empty parts as 0 and prints the day: "Nature, 0.", "J, March 0."
    # (an empty month alone prints nothing). litreview read 2008 and said nothing.
    text = f"references:\n- id: a\n  type: article-journal\n  title: T\n  issued:\n    date-parts: {parts}\n"
    bib = parse_csl(text, "refs.yaml", yaml=True)
    assert bib.sources[0].year == 1985
    found = [p for p in bib.problems if p.code == "LR124"]
    assert len(found) == told
    if told:
        (problem,) = found
        assert (problem.severity, problem.line, problem.key) == ("warning", 5, "a")
        assert "reads as 0" in problem.message and "date-parts: [[1985" in problem.hint


@pytest.mark.parametrize(("issued", "yaml", "year", "literal"), [
    # pandoc 3.9 reads two dates joined by "_" (an older layout of a range) as the range, and prints "1628–1821":
    # a literal (JSON or YAML, with no date-parts beside it) or a CSL-JSON raw date; "_1821" is 1821, "1999_" open
    ({"literal": "1628_1821"}, False, 1628, ""),
    ({"literal": "1628_1821"}, True, 1628, ""),
    ({"raw": "2020-05_2021-06"}, False, 2020, ""),
    ({"literal": "_1821"}, False, 1821, ""),
    ({"literal": "1999_"}, False, 1999, ""),
    # printed as written: a year of three digits, a month of one, three dates, date-parts beside the literal
    ({"literal": "628_1821"}, False, None, "628_1821"),
    ({"literal": "2020-5_2021"}, False, 2020, "2020-5_2021"),  # the year a literal is cited by, as before
    ({"literal": "1628_1821_1900"}, False, None, "1628_1821_1900"),
    ({"literal": "1628_1821", "date-parts": [[1700]]}, False, 1700, "1628_1821"),
    ({"raw": "1628_1821"}, True, None, ""),  # a CSL-YAML raw date is EDTF alone: n.d.
])
def test_two_dates_joined_by_an_underscore_are_the_range_pandoc_reads(issued: dict, yaml: bool, year: int | None,
                                                                       literal: str) -> None:
    # A musicology thesis's CSL-JSON: a manuscript's {"literal": "1628_1821"}, cited as "(“Durham Cathedral Donations
    # Book” 1628–1821, f. 87)", had no year, and the citation found no entry.
    item = {"id": "a", "type": "manuscript", "title": "Donations Book", "issued": issued}
    text = json.dumps([item]) if not yaml else "- " + json.dumps(item)
    (source,) = parse_csl(text, "refs.yaml" if yaml else "refs.json", yaml=yaml).sources
    assert (source.year, source.date_literal) == (year, literal)


def test_a_yaml_file_of_formatted_references_is_one_finding_pointing_at_import() -> None:
    # real bibliography chrisdaaz/recasting-antiquity references.yaml: 110 items, each a `full:` formatted reference and an
    # empty id, no CSL variable at all. Not 110 "give it an id" errors: one finding naming what the file holds.
    text = ("- full: 'Ackerman, Gerald M. 2000. *Jean-Léon Gérôme*. Courbevoie: ACR Édition.'\n  id: ''\n"
            "- full: Allen, Ruth. 2016. \"A cultural history of engraved Roman gemstones.\" Ph.D. diss.,\n"
            "    University of Cambridge.\n  id: ''\n"
            "- full: 'Barrow, Rosemary J. 2001. *Lawrence Alma-Tadema*. London: Phaidon.'\n  id: ''\n")
    bib = parse_csl(text, "references.yaml", yaml=True)
    (problem,) = bib.problems
    assert (problem.code, problem.severity, problem.line) == ("LR100", "error", 1)
    assert problem.message.startswith("the file holds 3 formatted references (a `full:` string each), not CSL items")
    assert "litreview import" in problem.hint
    assert bib.sources == ()
    # One item with a CSL variable beside its string is an item: the per-item findings stay.
    mixed = parse_csl(text + "- id: b2001\n  title: T\n  full: 'Barrow 2001.'\n", "references.yaml", yaml=True)
    assert [p.message.startswith("item ") for p in mixed.problems] == [True, True, True]
