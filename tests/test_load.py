"""The BibTeX loader: our own types out, every problem located, LaTeX decoded."""

from __future__ import annotations

import json

import pytest

from litreview.bibliography.load import decode_latex, load_bibliography, parse_bibliography
from litreview.model import Person


def test_malformed_bib_reports_each_problem_with_its_line(cases):
    bib = load_bibliography(cases / "bib_malformed" / "refs.bib")
    expected = json.loads((cases / "bib_malformed" / "expected.json").read_text())
    assert [{"code": p.code, "line": p.line} for p in bib.problems] == expected
    assert all(p.file.endswith("refs.bib") and p.hint for p in bib.problems)


def test_parsing_goes_on_after_a_bad_entry(cases):
    bib = load_bibliography(cases / "bib_malformed" / "refs.bib")
    assert "lee2003twice" in bib.keys
    assert bib.get("lee2003twice").title == "Once"


def test_latex_is_decoded_for_display_and_kept_raw(cases):
    bib = load_bibliography(cases / "bib_latex" / "refs.bib")
    (src,) = bib.sources
    assert src.title == "Über NATO – a Study"
    assert src.field("title") == '{\\"U}ber {NATO} -- a Study'
    assert src.pages == "3–14"
    assert src.publisher == "Søren & Sons"
    assert src.authors == (
        Person("Müller", "Jörg"),
        Person("van der Berg", "Anna"),
        Person("World Health Organization"),
    )


def test_entry_lines_and_fields():
    text = "% comment\n\n@Article{k1,\n  author = {Doe, J. and Roe, R.},\n  year = {2001},\n  journal = {J},\n  doi = {10.1/x},\n  url = {http://e.org}, urldate = {2020-01-02}, number = {3}, volume = {4}}\n"
    (src,) = parse_bibliography(text, "t.bib").sources
    assert (src.key, src.type, src.line, src.file) == ("k1", "article", 3, "t.bib")
    assert (src.year, src.container, src.doi, src.url, src.urldate) == (2001, "J", "10.1/x", "http://e.org", "2020-01-02")
    assert (src.volume, src.number) == ("4", "3")
    assert [p.family for p in src.authors] == ["Doe", "Roe"]


def test_non_numeric_year_is_none_and_date_field_is_used():
    bib = parse_bibliography("@book{a, title={T}, year={forthcoming}}\n@online{b, title={U}, date={2019-05-01}}")
    assert [s.year for s in bib.sources] == [None, 2019]


def test_not_utf8_is_located(tmp_path):
    path = tmp_path / "latin1.bib"
    path.write_bytes("@book{a,\n  title = {Caf\xe9},\n  year = {2000},\n}\n".encode("latin-1"))
    bib = load_bibliography(path)
    assert [(p.code, p.line) for p in bib.problems] == [("LR105", 2)]
    assert bib.keys == ("a",)
    assert "iconv -f" in bib.problems[0].hint  # a file as a whole in another encoding: converting mends it


def test_a_bibliography_certainly_in_latin_1_is_read_in_it_its_keys_and_names_whole(tmp_path):
    # Its bytes were read as U+FFFD: the key "m\u00fcller2020" became "m\ufffdller2020", so the essay's
    # [@m\u00fcller2020] matched no entry and the entry was never cited (pandoc reads such a file given as input
    # in Latin-1; biber in the encoding biblatex's bibencoding names); the file is still an LR105 error.
    path = tmp_path / "latin1.bib"
    path.write_bytes("@book{m\u00fcller2020,\n  author = {M\u00fcller, J\u00fcrgen},\n  title = {\u00dcber Alles},\n"
                     "  year = {2020}\n}\n".encode("latin-1"))
    bib = load_bibliography(path)
    assert [(s.key, s.title, s.authors[0].family) for s in bib.sources] == [("m\u00fcller2020", "\u00dcber Alles",
                                                                             "M\u00fcller")]
    (bad,) = bib.problems
    assert (bad.code, bad.severity, bad.line) == ("LR105", "error", 1)
    assert bad.message == "not valid UTF-8 (byte 0xfc): read as Windows-1252 (detected)"


def test_a_few_characters_not_utf8_in_a_utf8_file_are_retyped_not_the_file_converted(tmp_path):
    # A UTF-8 thesis bibliography with two names pasted from a GBK text: "iconv -f MAC_ROMAN" garbled every
    # Chinese character of the file; the two lines are what to mend.
    chinese = "".join(f"@book{{k{n},\n  author = {{王小明}},\n  title = {{压缩空气储能系统研究}},\n  year = {{2019}},\n}}\n"
                      for n in range(4))
    raw = chinese.encode() + b"@article{b,\n  author = {Ra" + "\u00fa".encode("gbk") + b"l},\n  title = {C"
    raw += "\u2013".encode("gbk") + b"D},\n  year = {2014},\n}\n"
    path = tmp_path / "refs.bib"
    path.write_bytes(raw)
    bib = load_bibliography(path)
    (problem,) = [p for p in bib.problems if p.code == "LR105"]
    assert problem.line == 22 and "iconv" not in problem.hint
    assert problem.hint.startswith("The rest of the file is UTF-8: retype the characters that are not on lines 22, 23")
    assert len(bib.sources) == 5


def test_many_lines_not_utf8_in_a_utf8_file_are_a_part_to_convert_not_characters_to_retype(tmp_path):
    # Hundreds of lines pasted from a Latin-1 file: retyping them is no advice, converting that part is.
    utf8 = "".join(f"@book{{u{n},\n  author = {{Žižek, Slavoj}},\n  title = {{Ἀρχή}},\n  year = {{2019}},\n}}\n"
                   for n in range(200)).encode()
    latin1 = "".join(f"@book{{l{n},\n  author = {{Müller, José}},\n  year = {{2019}},\n}}\n"
                     for n in range(30)).encode("latin-1")
    path = tmp_path / "refs.bib"
    path.write_bytes(utf8 + latin1)
    bib = load_bibliography(path)
    (problem,) = [p for p in bib.problems if p.code == "LR105"]
    assert problem.line == 1002
    assert "retype" not in problem.hint
    assert problem.hint.startswith("The rest of the file is UTF-8: 30 lines between lines 1002 and 1118 hold "
                                   "characters in another encoding")
    assert "copy that part into a file of its own, convert it to UTF-8" in problem.hint
    assert len(bib.sources) == 230


def test_empty_file_says_so(tmp_path):
    path = tmp_path / "empty.bib"
    path.write_text("\n")
    (problem,) = load_bibliography(path).problems
    assert problem.code == "LR100" and "empty" in problem.message


@pytest.mark.parametrize("text", ["% only a comment\n", "some notes, but no entries\n",
                                  "@comment{nothing here}\n"])
def test_file_without_entries_says_so(tmp_path, text):
    path = tmp_path / "notes.bib"
    path.write_text(text)
    (problem,) = load_bibliography(path).problems
    assert problem.code == "LR100" and "no entries" in problem.message and problem.line == 1


@pytest.mark.parametrize("text", ['@string{IEEE_J_TIT = "IEEE Transactions on Information Theory"}\n',
                                  "% abbreviations\n@STRING ( jpr = {Journal of Peace Research} )\n",
                                  "@preamble{ \"\\newcommand{\\noopsort}[1]{}\" }\n"])
def test_a_file_of_macros_only_is_not_an_empty_bibliography(tmp_path, text):
    # IEEEabrv.bib and journal-abbreviation files hold @string (or @preamble) commands only, read
    # before the file whose entries use them: BibTeX, biber and pybtex take them without complaint.
    path = tmp_path / "abbrev.bib"
    path.write_text(text)
    bib = load_bibliography(path)
    assert bib.problems == () and bib.sources == ()


def test_macros_of_an_abbreviations_file_reach_the_entries_of_the_next(tmp_path):
    from litreview.review import load_all

    (tmp_path / "abbrev.bib").write_text('@string{IEEE_J_TIT = "IEEE Transactions on Information Theory"}\n')
    (tmp_path / "refs.bib").write_text("@article{shannon1948,\n  author = {Claude E. Shannon},\n"
                                       "  title = {A Mathematical Theory of Communication},\n"
                                       "  journal = IEEE_J_TIT,\n  year = {1948},\n}\n")
    bib = load_all((tmp_path / "abbrev.bib", tmp_path / "refs.bib"), load_bibliography)
    assert [p.severity for p in bib.problems] == ["warning"]  # pandoc reads each file alone: said, not an error
    assert [s.key for s in bib.sources] == ["shannon1948"]


def test_decode_latex_plain_text_unchanged():
    assert decode_latex("Power and Interdependence") == "Power and Interdependence"
    assert decode_latex("") == ""


def test_essay_bibliography_loads_cleanly(root):
    bib = load_bibliography(root / "refs" / "bibliography.bib")
    assert bib.problems == ()
    assert len(bib.sources) == 24
    assert len(set(bib.keys)) == 24


def test_a_key_defined_twice_in_one_file_takes_the_later_entry_as_pandoc_does() -> None:
    # pandoc 3.9 --citeproc cites the later entry; the finding is at each entry not used and names the last.
    text = "".join(f"@book{{dup,\n  title = {{T{n}}},\n  year = {{200{n}}},\n}}\n\n" for n in (1, 2, 3))
    text += "@book{other,\n  title = {O},\n  year = {2004},\n}\n"
    bib = parse_bibliography(text, "r.bib")
    assert [(s.key, s.title, s.line) for s in bib.sources] == [("dup", "T3", 11), ("other", "O", 16)]
    dups = [(p.code, p.line, p.key) for p in bib.problems]
    assert dups == [("LR101", 1, "dup"), ("LR101", 6, "dup")]
    assert "3 entries have it, the last on line 11 (pandoc uses the last entry with this key, BibTeX and biber the " \
        "first)" in bib.problems[0].message


def test_each_field_is_located_at_the_line_of_its_name():
    bib = parse_bibliography(
        "@book{parent,\n  title = {Volume},\n  publisher = {P},\n}\n"  # lines 1-4
        "@incollection{child,\n  author = {Doe, Jane},\n\n  title =\n    {A Title\n     over Lines},\n"  # 5-10
        "  crossref = {parent}, year = {1999},\n"  # 11
        "  year = {2000},\n}\n"  # 12-13
        "@misc{,\n  note = {no key},\n}\n",  # 14-16
        "x.bib")
    parent, child, keyless = bib.sources
    assert dict(parent.field_lines) == {"title": 2, "publisher": 3}
    # a value over several lines is at its name's line; a second field on a line is on that line
    assert dict(child.field_lines) == {"author": 6, "title": 8, "crossref": 11, "year": 11}
    # inherited fields (booktitle, publisher) are not written in the entry: its first line stands for them
    assert (child.line_of("title"), child.line_of("booktitle"), child.line_of("publisher")) == (8, 5, 5)
    assert [(p.code, p.line) for p in bib.problems if p.code == "LR103"] == [("LR103", 12)]  # the second year
    assert (keyless.key, dict(keyless.field_lines)) == ("unnamed-1", {"note": 15})


def test_a_name_list_that_cannot_be_read_is_reported_at_its_field():
    bib = parse_bibliography("@book{doe,\n  title = {T},\n  editor = {Doe, Jane, Jr, Extra},\n}\n", "x.bib")
    assert [(p.code, p.line) for p in bib.problems] == [("LR104", 3)]


def test_csl_items_give_each_field_the_line_of_its_variable():
    from litreview.bibliography.csl import parse_csl

    bib = parse_csl('[\n{"id": "a",\n "type": "book",\n "title": "T",\n "DOI": "x"}\n]', "r.json")
    assert (bib.sources[0].line, bib.sources[0].line_of("doi"), dict(bib.sources[0].field_lines)) == (
        2, 5, {"title": 4, "doi": 5})


@pytest.mark.parametrize(("newline", "lines"), [("\r\n", (6, 7, 9)), ("\r", (1, 1, 1))])
def test_field_lines_count_line_breaks_as_the_entry_lines_do(newline: str, lines: tuple[int, int, int]):
    # Windows line ends count once; a lone \r (old Mac files) is no line break for the entry's line
    # either, so there every field takes its entry's line.
    text = "@book{a,\n  title = {T},\n}\n\n\n@book{b,\n  note = {x\n y},\n  doi = {d}}\n".replace("\n", newline)
    source = parse_bibliography(text, "x.bib").sources[1]
    assert (source.line, source.line_of("note"), source.line_of("doi")) == lines


def test_an_entry_ended_early_is_reported_where_it_went_wrong():
    # "title = {A} : {B}}," closes the entry at "}}" (a real .bib: pandoc refuses it at line 2, unexpected ':';
    # pybtex stops there, "'}' expected"). The "}" of line 4 then closes nothing, but removing it, as that finding
    # would say, fixes nothing: the finding is pybtex's, at line 2, and the next entry is read.
    bib = parse_bibliography("@book{t,\n  title = {Radio} : {An Arch}},\n  year = 2016,\n}\n\n@book{u, title={Ok}}\n")
    assert [(p.code, p.line) for p in bib.problems] == [("LR100", 2)]
    assert "'}' expected" in bib.problems[0].message and bib.keys == ("t", "u")
    # A "}" that closes nothing after an entry read whole is still that finding.
    bib = parse_bibliography("@book{t, title = {Radio}}\n}\n@book{u, title={Ok}}\n")
    assert [(p.code, p.line, p.message) for p in bib.problems] == [
        ("LR100", 2, "unbalanced braces: a } closes nothing")]


def test_an_entry_closed_early_with_fields_after_it_names_the_brace_that_closed_it():
    # "title = {X}}," ends the entry at "}}" and pybtex reads on silently: the year and note are lost. The finding
    # said to remove the last "}", which fixes nothing: the "}" to remove is the one that ended the entry.
    bib = parse_bibliography("@article{a,\n  title = {X}},\n  year = {2000},\n  note = {n},\n}\n\n@misc{b, title={Y}}\n")
    assert [(p.code, p.severity, p.line, p.message, p.hint) for p in bib.problems] == [
        ("LR100", "error", 5, "unbalanced braces: a } closes nothing: the entry that starts on line 1 ends at the } on "
         "line 2, and 'year' and 'note' after it are read by no tool (BibTeX, biber and pandoc skip the text between "
         "entries)", "Remove the } on line 2 that ends the entry early")]
    assert bib.get("a").fields == {"title": "X"}


def test_an_entry_never_closed_is_told_to_close_after_its_last_field():
    # Its fields balance and the "}" under the last one is missing (pybtex and pandoc refuse the file at the next
    # "@"): the finding said "add the missing } on this line" at the line of the @, where no } belongs. A brace
    # never closed inside a field is still reported at that field's line.
    text = "@online{razor,\n author = {Guthrie, Scott},\n url = {http://x.org/r}\n \n@online{doe, title = {D}}\n"
    [found] = parse_bibliography(text, "x.bib").problems
    assert (found.code, found.line, found.message, found.hint) == (
        "LR100", 1, "unbalanced braces: the entry that starts on line 1 is never closed: no } ends it before the "
        "next entry (line 5)", "Add a } on a line of its own after the entry's last field (line 3)")
    [found] = parse_bibliography(text.replace("url = {http", "url = {{http"), "x.bib").problems
    assert (found.line, found.hint) == (3, "Add the missing } (or remove the extra {) on this line")


def test_a_readable_date_wins_over_year_as_biber_and_pandoc_read_it():
    # biber ignores `year` beside `date` (with a warning), and pandoc prints the date's year; a date neither reads
    # ("21.04.2018") leaves the year field's.
    bib = parse_bibliography("@book{a, title={T}, date={1996-01-01}, year={1998}}\n"
                             "@book{b, title={U}, date={21.04.2018}, year={1998}}")
    assert [s.year for s in bib.sources] == [1996, 1998]


def test_an_undefined_string_and_an_empty_value_name_their_entry_field_and_what_to_write():
    # A hand-written .bib's bare "language = en-GB" and "doi = ," were reported with no entry and a hint that did
    # not fit: "Quote the value in braces, or define it", and "A comma is probably missing after the previous field".
    text = ("@misc{roe,\n  title = {T},\n  language = en-GB,\n}\n\n"
            "@misc{doe ,\n  title = {U},\n  doi = ,\n  note = {N},\n}\n")
    bib = parse_bibliography(text, "x.bib")
    assert [s.key for s in bib.sources] == ["roe", "doe"]
    assert [(p.key, p.line, p.message, p.hint) for p in bib.problems] == [
        ("roe", 3, "BibTeX syntax error: undefined @string 'en-GB': BibTeX and biber leave the field empty (in the entry "
                   "that starts on line 1)",
         "Write language = {en-GB} if it is text, or define it with @string in this file"),
        ("doe", 8, "BibTeX syntax error: doi has no value: BibTeX and pybtex skip the rest of the entry from there, "
                   "pandoc reads it as empty and goes on (in the entry that starts on line 6)",
         "Delete the line, or write doi = {...} with its value")]


def test_a_month_written_bare_by_its_name_gets_bibtex_s_month_macro() -> None:
    # "month = December": no @string of that name; BibTeX's and biber's months are jan ... dec.
    bib = parse_bibliography("@phdthesis{t,\n  title = {T},\n  month = December,\n  year = 2017,\n}\n", "x.bib")
    assert [p.hint for p in bib.problems] == [
        "Write month = dec (BibTeX's and biber's name for the month, whose styles print it in the document's "
        "language), or month = {December}"]
    bib = parse_bibliography("@misc{t,\n  title = {T},\n  month = Decembre,\n}\n", "x.bib")
    assert [p.hint for p in bib.problems] == [
        "Write month = {Decembre} if it is text, or define it with @string in this file"]


@pytest.mark.parametrize(("field", "hint"), [
    # ADS and hand-written entries: a DOI or a two-word name typed bare; BibTeX reads 10, or Springer, and stops.
    ("doi=10.1007/978-1-4757-3849-0", "Put the whole value in braces: doi = {10.1007/978-1-4757-3849-0}"),
    ("publisher = Springer Verlag", "Put the whole value in braces: publisher = {Springer Verlag}"),
    # The value is whole; the comma after it is what is missing.
    ("year = 1977 note = {N}", "A comma is probably missing after the previous field"),
])
def test_a_value_typed_without_braces_is_told_to_be_braced(field: str, hint: str) -> None:
    bib = parse_bibliography("@book{h,\n  title = {T},\n  " + field + "\n}\n@book{g, title = {G}, year = 1990}\n", "x.bib")
    assert [s.key for s in bib.sources] == ["h", "g"]
    syntax = [p for p in bib.problems if "expected" in p.message]
    assert [p.line for p in syntax] == [3]
    assert syntax[0].hint.startswith(hint)


@pytest.mark.parametrize(("between", "line", "message", "hint"), [
    # Each was told "A comma is probably missing after the previous field" or "Check that every { has a matching }".
    ("  author {Poe, P.},\n", 3, "no = between the field name author and its value: BibTeX and pybtex skip the rest "
     "of the entry from there (in the entry that starts on line 1)", "Write author = {Poe, P.}"),
    ("  junk\n", 3, "'junk' is no field: no = and no value follow it, and BibTeX and pybtex skip the rest of the "
     "entry from there (in the entry that starts on line 1)", "Delete 'junk', or write it as junk = {...}"),
    ('  note = "Seen 2020,\n', 3, 'the " that opens the value of note is never closed: BibTeX and pybtex read the '
     "next fields as part of it (in the entry that starts on line 1)",
     'Close the value with " on line 3 (note = "...",), or write it in braces: note = {...}'),
    ("}\n@ nothing\n@book{c,\n", 4, "an @ that starts no entry ('@ nothing'): BibTeX reads every @ outside an entry "
     "as the start of one, and no { or ( follows it",
     "Delete the @ (or the line): text between entries is read as a comment only when it has no @"),
    ("}\n@book c,\n", 4, "the entry has no { after its type ('@book c,')", "Open it with a brace: @book{c, ...}"),
    # Told "'}' expected" and "A comma is probably missing after the previous field", which has one.
    ('  note = "He said "hi" to me",\n', 3, 'the value of note ends at the " before \'hi\': a " inside a value '
     "written in double quotes closes it, and BibTeX and pybtex skip the rest of the entry from there (in the entry "
     "that starts on line 1)", 'Write the value in braces, note = {He said "hi" to me}, or each inner quote as {"}'),
])
def test_a_syntax_error_says_what_is_wrong_where_and_what_to_write(between: str, line: int, message: str,
                                                                 hint: str) -> None:
    text = "@book{h,\n  title = {T},\n" + between + "  year = {2000},\n}\n@book{g, title = {G}, year = 1990}\n"
    bib = parse_bibliography(text, "x.bib")
    assert bib.keys[-1] == "g"
    (syntax,) = [p for p in bib.problems if p.code == "LR100"]
    assert (syntax.file, syntax.line, syntax.message, syntax.hint) == ("x.bib", line, f"BibTeX syntax error: {message}",
                                                                       hint)


def test_a_quote_in_braces_inside_a_quoted_value_is_no_error() -> None:
    # {"} is how a quote is written inside "...": the value goes on, and nothing is reported.
    bib = parse_bibliography('@book{h,\n  note = "He said {"}hi{"} to me",\n  year = {2000},\n}\n', "x.bib")
    assert not bib.problems
    assert bib.sources[0].fields["note"] == 'He said {"}hi{"} to me'


def test_a_quoted_value_closed_after_a_stray_brace_keeps_the_brace_hint() -> None:
    (syntax,) = parse_bibliography('@book{h,\n  title = "A} B",\n  year = {2000},\n}\n', "x.bib").problems
    assert syntax.hint == "Check that every { has a matching } in this entry"


def test_a_comment_after_a_field_is_told_to_be_moved_not_a_missing_comma() -> None:
    # "year = {1995}, %other attributes omitted": the hint said a comma was missing after the field, which has one.
    bib = parse_bibliography("@phdthesis{t,\n  title = {T},\n  year = {1995}, %other attributes omitted\n}\n"
                             "@book{g, title = {G}, year = 1990}\n", "x.bib")
    assert [s.key for s in bib.sources] == ["t", "g"]
    (syntax,) = [p for p in bib.problems if p.code == "LR100"]
    assert (syntax.line, syntax.key) == (3, "t")
    assert syntax.hint.startswith("BibTeX reads % inside an entry as text, not as a comment")


def test_a_field_repeated_many_times_is_one_finding() -> None:
    # ScienceDirect's export writes one keywords field a keyword.
    bib = parse_bibliography("@article{k,\n  title = {T},\n  keywords = \"a\",\n  keywords = \"b\",\n"
                             "  keywords = \"c\",\n  year = 2007}\n", "x.bib")
    repeats = [p for p in bib.problems if p.code == "LR103"]
    assert [(p.line, p.message, p.hint) for p in repeats] == [
        (4, "field 'keywords' appears 3 times in 'k': BibTeX reads the first ('a'), pandoc the last ('c')",
         "Keep one of the 3 values")]


def test_an_entry_without_a_key_is_told_to_get_one() -> None:
    # JabRef saves "@Book{," for an entry whose key was never set; the entries after it still load.
    bib = parse_bibliography("@Book{,\n  Title = {T},\n  Owner = {x}\n}\n@book{j, title = {J}, year = 2000}\n", "x.bib")
    assert [s.key for s in bib.sources][-1] == "j"
    syntax = [p for p in bib.problems if p.code == "LR100"]
    assert [p.line for p in syntax] == [1]
    assert syntax[0].hint.startswith("Give the entry a citation key")


def test_a_field_given_twice_says_which_value_each_tool_reads() -> None:
    # Two booktitles (a title and its subtitle, say): BibTeX prints the first, pandoc the last, so the
    # document reads differently by the tool that builds it; the finding said only "keep one".
    bib = parse_bibliography("@incollection{k,\n  title = {T},\n  booktitle = {The Threat},\n"
                             "  booktitle = {From One Year to the Next},\n  year = 2014}\n", "x.bib")
    (repeat,) = [p for p in bib.problems if p.code == "LR103"]
    assert repeat.message == ("field 'booktitle' appears twice in 'k': BibTeX reads the first ('The Threat'), "
                              "pandoc the second ('From One Year to the Next')")


def test_a_field_given_twice_with_one_value_says_so() -> None:
    # JabRef and BibDesk leave a field written twice with the same value (editor, in a linguistics .bib): every tool
    # reads that value; the finding said only "keep one of the two values", as if they differed.
    bib = parse_bibliography("@book{phoible2019,\n  editor = {Moran, Steven and McCloy, Daniel},\n  title = {T},\n"
                             "  year = {2019},\n  editor = {Moran, Steven and McCloy, Daniel},\n}\n", "x.bib")
    (repeat,) = [p for p in bib.problems if p.code == "LR103"]
    assert (repeat.line, repeat.message, repeat.hint) == (
        5, "field 'editor' appears twice in 'phoible2019', with the same value each time: BibTeX, biber and pandoc read "
           "it; pybtex's strict mode refuses the file", "Delete the second editor field (line 5)")


def test_merge_conflict_markers_are_named_as_such():
    # A merge resolved in a hurry leaves git's markers in the .bib: litreview said "unbalanced braces ... add the
    # missing }" and "'}' expected" inside them, advice that does not fix it; git's markers are the problem.
    text = ("@book{a, title = {A}, year = 2000}\n<<<<<<< HEAD\n@book{b,\n  title = {B},\n  year = 2001\n=======\n"
            "@book{c,\n  title = {C},\n  year = 2002\n>>>>>>> main\n}\n@book{d, title = {D}, year = 2003}\n")
    bib = parse_bibliography(text, "refs.bib")
    assert [(p.code, p.line, p.message) for p in bib.problems] == [
        ("LR100", 2, "a merge conflict left unresolved: git's markers <<<<<<< (line 2), ======= (line 6) and "
                     ">>>>>>> (line 10) are in the file, and BibTeX reads them as part of the entries around them")]
    assert "both sides" in (bib.problems[0].hint or "")
    assert {"a", "d"} <= set(bib.keys)
    # A line of = signs outside a conflict (a separator in a comment) is none.
    assert parse_bibliography("% =======\n@book{a, title = {A}, year = 2000}\n").problems == ()


def test_merge_conflict_markers_crlf_diff3_and_keys_on_both_sides():
    # A CRLF file's "=======\r" was not seen as a marker; git's diff3 style (a ||||||| section, the common
    # ancestor's) was not recognised; a key on both sides was reported as a duplicate (LR101) besides the conflict.
    text = ("@book{a, title = {A}, year = 2000}\n<<<<<<< HEAD\n@book{b, title = {B1}, year = 2001}\n"
            "||||||| base\n@book{b, title = {B}, year = 2001}\n=======\n@book{b, title = {B2}, year = 2001}\n"
            ">>>>>>> main\n@book{d, title = {D}, year = 2003}\n")
    for eol in ("\n", "\r\n"):
        bib = parse_bibliography(text.replace("\n", eol), "refs.bib")
        assert [(p.code, p.line, p.message) for p in bib.problems] == [
            ("LR100", 2, "a merge conflict left unresolved: git's markers <<<<<<< (line 2), ||||||| (line 4), "
                         "======= (line 6) and >>>>>>> (line 8) are in the file, and BibTeX reads them as part of "
                         "the entries around them")]
        assert "three" not in (bib.problems[0].hint or "") and "|||||||" in (bib.problems[0].hint or "")
    # A key defined twice outside the conflict is still a duplicate.
    bib = parse_bibliography("@book{d, title = {D0}, year = 1999}\n" + text, "refs.bib")
    assert [p.code for p in bib.problems] == ["LR101", "LR100"]


@pytest.mark.parametrize("yaml", [False, True])
def test_merge_conflict_markers_in_csl_are_named_as_such(yaml: bool):
    # pandoc refuses the file; litreview said "no value where one belongs" at the first marker.
    from litreview.bibliography.csl import parse_csl

    sides = ('{"id": "b", "type": "book", "title": "B"}', '{"id": "c", "type": "book", "title": "C"}')
    if yaml:
        text = "- id: a\n  title: A\n<<<<<<< HEAD\n- id: b\n  title: B\n=======\n- id: c\n  title: C\n>>>>>>> main\n"
    else:
        text = '[\n{"id": "a", "type": "book", "title": "A"},\n<<<<<<< HEAD\n' + "\n=======\n".join(sides)
        text += "\n>>>>>>> main\n]\n"
    first, middle, last = (3, 6, 9) if yaml else (3, 5, 7)
    for eol in ("\n", "\r\n"):  # a CRLF file's markers end in \r
        bib = parse_csl(text.replace("\n", eol), "refs.yaml" if yaml else "refs.json", yaml=yaml)
        assert [(p.code, p.line, p.message) for p in bib.problems] == [
            ("LR100", 3, f"a merge conflict left unresolved: git's markers <<<<<<< (line {first}), ======= (line "
                         f"{middle}) and >>>>>>> (line {last}) are in the file, and pandoc refuses the whole file for "
                         "them")]
        assert "three" not in (bib.problems[0].hint or "")


def test_an_at_string_defined_twice_applies_from_where_it_is_defined():
    # BibTeX, pybtex and pandoc (3.9) read the file in order: the entries before the second @string keep the first
    # value, those after it take the second; nothing is lost and no finding is due
    bib = parse_bibliography('@string{jn = "First Journal"}\n@article{a, title = {A}, journal = jn, year = 2001}\n'
                             '@string{JN = "Second Journal"}\n@article{b, title = {B}, journal = jn, year = 2002}\n')
    assert [(s.key, s.container) for s in bib.sources] == [("a", "First Journal"), ("b", "Second Journal")]
    assert bib.problems == ()


def test_an_entry_written_twice_alike_is_told_to_be_deleted_not_renamed():
    # A Mendeley export wrote one @techreport twice, word for word: "rename one of the two entries" asked for a choice
    # there is none to make. Copies that differ in a field, or in their type, keep their words.
    entry = "@techreport{{Bayer2016,\n  author = {{Bayer, Patrick}},\n  title = {{{title}}},\n  year = {{2016}}\n}}\n"
    [same] = parse_bibliography(entry.format(title="Paths") + "\n" + entry.format(title="Paths"), "x.bib").problems
    assert (same.code, same.line, same.message, same.hint) == (
        "LR101", 1, "duplicate key 'Bayer2016': the same entry is written again on line 7 (BibTeX reports the repeated "
        "entry as an error, biber warns of it)", "Delete one of the two copies")
    [other] = parse_bibliography(entry.format(title="Paths") + entry.format(title="Roads"), "x.bib").problems
    assert other.hint == "Rename one of the two entries, or delete the one you do not want"
    [kind] = parse_bibliography(entry.format(title="P") + entry.format(title="P").replace("@techreport", "@report"),
                                "x.bib").problems
    assert kind.hint == "Rename one of the two entries, or delete the one you do not want"
    # Three copies alike are one entry written again too: no key of its own for each.
    thrice = parse_bibliography(entry.format(title="Paths") * 3, "x.bib").problems
    assert [p.hint for p in thrice] == ["Delete all the copies but one: the 3 entries are one entry written again"] * 2


def test_a_key_of_many_entries_is_told_with_their_number():
    # 21 entries copied from one template, all "Typeclass": each finding said "defined again on line N" (the last)
    # and "rename one of the two". Two copies keep their words.
    text = "".join(f"@inproceedings{{Typeclass,\n  title = {{Talk {n}}},\n}}\n" for n in range(3))
    found = [(p.code, p.line, p.message, p.hint) for p in parse_bibliography(text, "x.bib").problems]
    told = ("duplicate key 'Typeclass': 3 entries have it, the last on line 7 (pandoc uses the last entry with this "
            "key, BibTeX and biber the first); its fields are not checked until it has a key of its own",
            "Give each of the 3 entries a key of its own, or delete the ones you "
            "do not want")
    assert found == [("LR101", 1, *told), ("LR101", 4, *told)]
    [two] = parse_bibliography(text[:text.index("@", 1) * 2], "x.bib").problems
    assert (two.message, two.hint) == ("duplicate key 'Typeclass': defined again on line 4 (pandoc uses the last "
                                       "entry with this key, BibTeX and biber the first); its fields are not "
                                       "checked until it has a key of its own",
                                       "Rename one of the two entries, or delete the one you do not want")


def test_a_key_defined_twice_says_the_copy_not_used_is_not_checked() -> None:
    # A copy the build does not use is read by no entry check: its malformed DOI and abbreviated page range showed
    # only after the rename. Two copies alike have no fault of their own, and are told as before.
    text = ("@article{k, author={Roe, Ann}, title={One}, journal={J}, year={2001}, pages={1234--56}, doi={10.1 /x}}\n"
            "@article{k, author={Roe, Ann}, title={Two}, journal={J}, year={2002}, pages={1--9}}\n")
    [told] = parse_bibliography(text, "x.bib").problems
    assert told.code == "LR101" and told.line == 1
    assert told.message.endswith("; its fields are not checked until it has a key of its own")
    alike = text.splitlines()[0] + "\n"
    [same] = parse_bibliography(alike * 2, "x.bib").problems
    assert same.code == "LR101" and "not checked" not in same.message


def test_a_long_value_before_a_quote_inside_is_told_in_time() -> None:
    # 50,000 letters before the value in quotes: the search for the last value opened tried its pattern at each
    # letter, back to the end of the run, and took about a minute.
    import time

    text = "@book{h,\n  title = {" + "a" * 50_000 + "},\n" + '  note = "He said "hi" to me",\n  year = {2000},\n}\n'
    start = time.perf_counter()
    (syntax,) = [p for p in parse_bibliography(text, "x.bib").problems if p.code == "LR100"]
    assert time.perf_counter() - start < 5
    assert syntax.message.startswith("BibTeX syntax error: the value of note ends at the \" before 'hi'")


@pytest.mark.parametrize("text", [
    'a = "b = "', 'x1abc = "', '1 = "', '_x = "', '9a_b:c.d+e/f-g = "', 'title  =\n "', 'ä = "', "no quote here",
    'a = "x" b=c 1=" 2 = "', '@book{k, note="N", title="T"'])
def test_the_last_value_opened_is_the_one_the_pattern_finds_last(text: str) -> None:
    from litreview.bibliography.syntaxhints import _OPEN_QUOTE, _last_opened

    expected = next(reversed(list(_OPEN_QUOTE.finditer(text, 0, len(text)))), None)
    found = _last_opened(text, 0, len(text))
    assert (found.span(), found.group(1)) == (expected.span(), expected.group(1)) if expected else found is None


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("end", [b"\n", b"\r\n"])
def test_an_entry_with_unbalanced_braces_costs_only_itself_with_or_without_a_byte_order_mark(tmp_path, bom, end):
    # As pybtex reads it: every entry kept (the unclosed one's value runs to its line's end), and the one error
    # located at that entry's line, whatever mark the file begins with and whatever its line ends.
    from fuzz.differential import pybtex_reading

    text = end.join([b"@book{a, title={A}, year=2001}", b"@book{b, title={B {x}, year=2002}",
                     b"@book{c, title={C}, year=2003}", b""])
    path = tmp_path / "refs.bib"
    path.write_bytes(bom + text)
    bib = load_bibliography(path)
    theirs, reported = pybtex_reading(text.decode())
    assert bib.keys == tuple(theirs.entries) == ("a", "b", "c") and len(reported) == 1
    assert [(p.code, p.severity, p.line) for p in bib.problems] == [("LR100", "error", 2)]


def test_a_field_brace_never_closed_on_the_line_of_the_at_is_that_fields_not_the_entrys() -> None:
    # "@book{b, title={B" and nothing closing it: the finding said the entry itself was never closed and to add a }
    # after its last field, which leaves the title's { open; it is that { to close, on that line. (pybtex reads the
    # rest of the file into the title, and pandoc refuses the file.)
    text = ("@book{a, title={A}, year=2001}\n@book{b, title={B\n\n@book{c, title={C}, year=2003}\n"
            "@book{d, title={D}, year=2004}\n")
    bib = parse_bibliography(text, "refs.bib")
    (bad,) = bib.problems
    assert (bad.code, bad.line, bad.message) == ("LR100", 2, "unbalanced braces: a { is never closed in the entry "
                                                             "that starts on line 2")
