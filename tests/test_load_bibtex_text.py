"""The one BibTeX text module: scanner, escape, entry formatting, page ranges, key suffixes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litreview.bibliography import bibtex, bibtex_comments
from litreview.bibliography.load import parse_bibliography

PACKAGE = Path(__file__).resolve().parents[1] / "litreview"
TEXT = """% a comment
@article{doe2001,
  author = {Doe, Jane},
  title  = "A {Quoted} Title",
  month  = jan # " 5",
  year   = 2001,
}
@book(paren2002, title = {Parenthesised}, year = {2002})
"""


def test_scanner_finds_each_field_span() -> None:
    entry = bibtex.find_entry(TEXT, 2)
    assert entry.key == "doe2001"
    assert [f.name for f in entry.fields] == ["author", "title", "month", "year"]
    month = entry.field("MONTH")
    assert month is not None and TEXT[month.value_start:month.value_end] == 'jan # " 5"'
    paren = bibtex.find_entry(TEXT, 8)
    assert (paren.key, TEXT[paren.body_end]) == ("paren2002", ")")


def test_entry_extent_cuts_an_entry_and_stops_an_unbalanced_one_at_the_next() -> None:
    assert TEXT[TEXT.index("@book"):bibtex.entry_extent(TEXT, TEXT.index("@book"))].endswith("{2002})")
    broken = "@book{a, title = {Open}\n\n@book{b, title = {B}}\n"
    assert broken[:bibtex.entry_extent(broken, 0)] == "@book{a, title = {Open}"


@pytest.mark.parametrize(("text", "escaped"), [
    ("R&D 50% $5 #1 a_b {x}", r"R\&D 50\% \$5 \#1 a\_b \{x\}"),
    ("Closing } brace {", "Closing  brace "),
    ("back\\slash", r"back\textbackslash{}slash"),
])
def test_escape_always_gives_a_value_bibtex_reads_back(text: str, escaped: str) -> None:
    assert bibtex.escape(text) == escaped
    bib = parse_bibliography(bibtex.format_entry("misc", "k", [("title", escaped)]))
    assert bib.problems == () and bib.keys == ("k",)


@pytest.mark.parametrize(("pages", "written"), [
    ("448-488", "448--488"), ("448–488", "448--488"), ("S10 — S12", "S10--S12"), ("e1234", "e1234"),
    ("1, 3-5", "1, 3-5"), ("", ""),
])
def test_page_range(pages: str, written: str) -> None:
    assert bibtex.page_range(pages) == written


def test_key_suffixes_count_like_spreadsheet_columns() -> None:
    assert [bibtex.key_suffix(n) for n in (1, 2, 26, 27, 28, 52, 53, 702, 703)] == [
        "a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]
    with pytest.raises(ValueError):
        bibtex.key_suffix(0)


def test_format_entry_aligns_and_writes_months_bare() -> None:
    assert bibtex.format_entry("book", "k", [("title", "T"), ("month", "jan"), ("publisher", "P")]) == (
        "@book{k,\n  title     = {T},\n  month     = jan,\n  publisher = {P},\n}")
    assert bibtex.format_entry("book", "k", [("title", "T")], align=False) == "@book{k,\n  title = {T},\n}"


def test_each_rule_is_defined_once() -> None:
    """One scanner, one escape, one suffix rule, one page-range rule in the package."""
    sources = {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}
    for pattern in (r"^def (?:_balanced|group_end|_value_end|value_end)\(", r"^def (?:escape|bibtex_escape)\(",
                    r"^def (?:_suffix|key_suffix)\(", r"^def page_range\(", r"^def format_entry\("):
        defining = [p.name for p, text in sources.items() if re.search(pattern, text, re.M)]
        if pattern.startswith(r"^def (?:escape"):
            # bibedit.bibtex_escape is a named alias that calls bibtex.escape
            assert sorted(defining) == ["bibedit.py", "bibtex.py"]
            assert "return escape(value)" in (PACKAGE / "bibliography" / "bibedit.py").read_text(encoding="utf-8")
        else:
            assert defining == ["bibtex.py"], pattern


COMMENTED = """% Types used here: @article, @report only
@report{gtd2021,
  title = {Codebook},
  % url = {https://example.org/codebook.pdf}
  institution = {START},
  year = 2021
}
"""


def test_a_percent_comment_line_is_skipped_as_pandoc_and_biber_skip_it() -> None:
    # A whole line starting with % is a comment to pandoc and biber, between entries ("@article" in it starts none)
    # and between an entry's fields (the fields after it are read).
    bib = parse_bibliography(COMMENTED, "refs.bib")
    assert [p.message for p in bib.problems] == []
    source = bib.get("gtd2021")
    assert source is not None and source.fields.get("institution") == "START" and "url" not in source.fields
    assert source.field_lines.get("institution") == 5 and bib.text == COMMENTED


def test_a_percent_line_inside_a_braced_value_is_the_values_text() -> None:
    bib = parse_bibliography("@book{a, title = {Half\n% of it}, year = 2001}\n", "refs.bib")
    assert [p.message for p in bib.problems] == [] and bib.sources[0].fields["title"] == "Half % of it"


COMMENTED_OUT = """@book{kept, title = {Kept}, year = 2001}

% An older version, left for reference
%@book{old,
%  author = {Roe, Jane}
%}
% Types used here: @book only
@book{next, title = {Next}, year = 2002}
"""


def test_an_entry_commented_out_line_by_line_is_read_as_bibtex_reads_it_and_reported() -> None:
    # To BibTeX and pybtex % is no comment: they read "old" (biber and pandoc skip it). It is kept, as they keep it,
    # with one warning at its @ instead of pybtex's syntax error at the % that stops it.
    from fuzz.differential import disagreements, pybtex_reading

    bib = parse_bibliography(COMMENTED_OUT, "refs.bib")
    assert bib.keys == ("kept", "old", "next") == tuple(pybtex_reading(COMMENTED_OUT)[0].entries)
    [found] = bib.problems
    assert (found.code, found.severity, found.key, found.line) == ("LR155", "warning", "old", 4)
    assert found.message == ("entry old is commented out with %: BibTeX reads it (to BibTeX % is no comment), "
                             "biber and pandoc skip it")
    assert found.hint == "Delete the lines to drop it for every tool, or remove the % to keep it"
    assert disagreements(COMMENTED_OUT) == []


def test_an_entry_after_a_comment_on_the_same_line_is_read_as_bibtex_reads_it() -> None:
    text = "% Encoding: UTF-8@PREAMBLE{intro}@article{one}"  # one line, no newline: BibTeX reads entry "one"
    bib = parse_bibliography(text, "refs.bib")
    assert bib.keys == ("one",) and [(p.code, p.key, p.line) for p in bib.problems] == [("LR155", "one", 1)]


def test_a_commented_out_string_is_read_as_bibtex_reads_it() -> None:
    bib = parse_bibliography("%@string{jo = {Journal}}\n@article{a, journal = jo}\n", "refs.bib")
    assert bib.sources[0].fields["journal"] == "Journal"
    assert [(p.code, p.message.split(" is ")[0]) for p in bib.problems] == [("LR155", "@string jo")]


@pytest.mark.parametrize(("text", "codes"), [
    # Defined again, live, before any field uses it: BibTeX ends with the value biber and pandoc read.
    ("%@string{jo = {Journal}}\n@string{jo = {J.}}\n@article{a, journal = jo}\n", []),
    # Used by no field: nothing reads it.
    ("%@string{jo = {Journal}}\n@article{a, journal = {X}}\n", []),
    # Used, in part, before any live definition: BibTeX prints it, biber and pandoc do not.
    ("%@string{jo = {Journal}}\n@article{a, journal = \"The \" # jo}\n@string{jo = {J.}}\n", ["LR155"]),
])
def test_a_commented_out_string_is_reported_only_where_bibtex_reads_it_differently(text: str,
                                                                                   codes: list[str]) -> None:
    # A thesis's block of 21 %@string lines, each defined again below: 21 warnings about nothing any tool prints.
    assert [p.code for p in parse_bibliography(text, "refs.bib").problems] == codes


def test_a_percent_line_between_fields_is_skipped_where_pybtex_stops_the_entry() -> None:
    # A documented difference from pybtex, which stops the entry at the % line: compared without that line.
    from fuzz.differential import disagreements

    text = "@article{a,\n  author = {Doe, Jane},\n% some text\n  title = {Kept}}\n"
    assert parse_bibliography(text, "refs.bib").sources[0].fields["title"] == "Kept"
    assert disagreements(text) == []


def test_an_entry_commented_out_never_replaces_a_live_one_with_its_key() -> None:
    # biber and pandoc read the live one alone; BibTeX and pybtex read both and keep the first ("repeated entry"):
    # the copy is told (LR101, a warning) at the second, with which one BibTeX keeps.
    live = "@book{old, author={A}, title={New}, publisher={P}}\n"
    dead = "%@book{old,\n%  title = {Old},\n%}\n"
    for text, kept, line in ((live + dead, "keep that one", 2), (dead + live, "keep it, not this one", 4)):
        bib = parse_bibliography(text, "refs.bib")
        assert bib.keys == ("old",) and bib.sources[0].fields["title"] == "New"
        assert sorted(p.code for p in bib.problems) == ["LR101", "LR155"]
        [copy] = [p for p in bib.problems if p.code == "LR101"]
        assert (copy.severity, copy.key, copy.line) == ("warning", "old", line) and kept in copy.message


def test_two_copies_of_an_entry_commented_out_are_a_duplicate_to_bibtex() -> None:
    # "%@book{old," twice: biber and pandoc read neither; BibTeX and pybtex read both, keep the first and report the
    # second ("repeated bibliography entry: old"). The two LR155 name their own lines; LR101 is at the second copy.
    from fuzz.differential import pybtex_reading

    first = "%@book{old,\n%  title = {First},\n%}\n"
    text = "@book{live, author={A}, title={Live}, publisher={P}, year={2001}}\n" + first + first.replace("First", "Second")
    bib = parse_bibliography(text, "refs.bib")
    assert bib.keys == ("live", "old") == tuple(pybtex_reading(text)[0].entries)
    assert sorted((p.line, p.code) for p in bib.problems) == [(2, "LR155"), (5, "LR101"), (5, "LR155")]
    assert next(p for p in bib.problems if p.code == "LR101").message.startswith("entry old is commented out with % twice, on line 2 and here")
    # One copy alone, or two keys: no duplicate.
    for alone in (first, first + first.replace("{old", "{other")):
        assert "LR101" not in [p.code for p in parse_bibliography(alone, "refs.bib").problems]


def test_an_at_sign_inside_an_entry_commented_out_is_no_second_error() -> None:
    # "%  title = {[Co@Sn6]}" in an entry commented out: pybtex, lost at the first % line, took "@ Sn6" for an entry
    # and reported "'(' or '{' expected" as an error, with the hint that a comma was missing; the entry is told once.
    dead = "%@article{w,\n%  title = {{[Co @ Sn6 Sb6]3-: Structure}},\n%  year = {2018}\n%}\n"
    bib = parse_bibliography("@book{a, title={A}}\n" + dead + "@misc{w, title = {Submitted}, year = {2018}}\n",
                             "refs.bib")
    assert bib.keys == ("a", "w") and bib.sources[1].title == "Submitted"
    # (the live copy is a second entry w to BibTeX, which keeps the one in % lines: LR101 says so)
    assert [(p.code, p.key, p.line) for p in bib.problems] == [("LR155", "w", 2), ("LR101", "w", 6)]


def test_an_entry_commented_out_that_does_not_close_in_its_percent_lines_swallows_no_entry() -> None:
    for dead in ("%@misc{x,\n%  title = {T},\n", "%@misc{x, note = {see\n"):
        bib = parse_bibliography("@book{a, title={A}}\n" + dead + "\n@book{b, title={B}}\n", "refs.bib")
        assert bib.keys == ("a", "b") and [(p.code, p.key, p.line) for p in bib.problems] == [("LR155", "x", 2)]
        assert bib.problems[0].message.endswith("so BibTeX may read the lines after it as part of it")


def test_a_brace_in_a_comment_line_between_fields_opens_no_value() -> None:
    bib = parse_bibliography("@article{a,\n% TODO fix {\ntitle={T},\n% author = {X},\njournal={J}}\n", "refs.bib")
    assert bib.problems == () and bib.sources[0].fields == {"title": "T", "journal": "J"}


def test_a_percent_line_inside_a_value_of_an_indented_entry_is_the_values_text() -> None:
    bib = parse_bibliography("  @book{a, title = {Half\n% of it}, year = 2001}\n", "refs.bib")
    assert bib.problems == () and bib.sources[0].fields["title"] == "Half % of it"


def test_an_address_in_a_comment_line_opens_no_entry() -> None:
    bib = parse_bibliography("% Maintained by jane@example.org (please report errors)\n@book{a, title={A}}\n", "r.bib")
    assert bib.keys == ("a",) and bib.problems == ()


def test_comment_lines_reads_the_values_once_however_many_percent_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading the entry again for each % line is quadratic (4,000 lines in one value took half a minute): each
    # entry's body is read once, whatever the number of % lines in it.
    calls: list[str] = []
    for name in ("value_spans", "body_parts"):
        real = getattr(bibtex_comments, name)
        monkeypatch.setattr(bibtex_comments, name, lambda *a, _name=name, _real=real: calls.append(_name) or _real(*a))
    text = "@book{a, title = {A\n" + "% line\n" * 1000 + "}}\n@book{b,\n" + "% note {\n" * 1000 + "title={B}}\n"
    blanked, kept = bibtex_comments.comment_lines(text)
    assert calls == ["value_spans", "body_parts", "body_parts"] and kept == ()
    assert blanked.count("% line") == 1000 and "% note" not in blanked


UNMARKED = """@misc{kept,
\ttitle = {Kept},
\tyear = {2022},
}
misc{lost,
\ttitle = {Petunjuk Teknis},
\tyear = {2022},
}
@comment{misc{shelved,
  title = {In a comment},
}}
Source list, written by hand: book{a, b} and
article{note, to read later
@book{old, title = {Old}}
book{old,
  title = {An older copy},
}
"""


def test_an_entry_written_without_its_at_is_reported_where_every_tool_skips_it() -> None:
    # "misc{lost," (no @): BibTeX, pybtex and pandoc read it as a comment and lose the entry without a word. Not
    # reported: an entry in a @comment, prose ("book{a, b}" has no field, "article{note," none either), and a copy
    # of a live entry's key (an old version put aside).
    from fuzz.differential import pybtex_reading

    bib = parse_bibliography(UNMARKED, "refs.bib")
    assert bib.keys == ("kept", "old") == tuple(pybtex_reading(UNMARKED)[0].entries)
    [found] = bib.problems
    assert (found.code, found.severity, found.key, found.line) == ("LR163", "warning", "lost", 5)
    assert found.message == ("misc{lost, opens an entry without its @: BibTeX, biber and pandoc read the lines as a "
                             "comment and skip the entry lost")
    assert found.hint == "Write @misc{lost, to keep the entry, or delete its lines to drop it"


@pytest.mark.parametrize("text", ["misc{juknis2022,\n  title = {X},\n  year = {2001}\n}\n",
                                  "misc{juknis2022,\n  file/pdf = {x.pdf},\n  year = {2001}\n}\n"])
def test_a_file_whose_only_entry_lacks_its_at_is_reported_not_a_crash(tmp_path: Path, text: str) -> None:
    # A file with no @ at all crashed the loader (a traceback) when a line opened an entry but for its @; its
    # first field may have any name pybtex reads (bibtex.FIELD_NAME), "file/pdf" too.
    from litreview.bibliography.load import load_bibliography

    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    bib = load_bibliography(tmp_path / "refs.bib")
    assert [(p.code, p.key, p.line) for p in bib.problems] == [("LR163", "juknis2022", 1)]


@pytest.mark.parametrize(("text", "line", "told"), [
    ("@article{a,\n  year = 2019\n  pmc.id = {X},\n  title = {T}\n}\n", 3, "A comma is probably missing after"),
    ("@article{a,\n  year = 2019\n  file/pdf = {X},\n  title = {T}\n}\n", 3, "A comma is probably missing after"),
    ("@article{a\n  title/sub = {X},\n  year = {2001}\n}\n", 1, "Write @article{a, with a comma after the key"),
])
def test_a_field_named_with_a_dot_or_slash_is_a_field_to_the_syntax_hints(text: str, line: int, told: str) -> None:
    # Three patterns of the loader took a field name for a letter and letters, digits, "_:-" (not "." or "/", which
    # pybtex's names hold): "year = 2019 pmc.id = {X}" was told to brace "2019 pmc.id = {X}" as one value, and a key
    # with no comma before "title/sub =" was not reported. One grammar now: bibtex.FIELD_NAME.
    bib = parse_bibliography(text, "refs.bib")
    assert [(p.code, p.line) for p in bib.problems] == [("LR100", line)]
    assert bib.problems[0].hint.startswith(told)
