"""Hand-written bibliographies as their authors leave them: a key without its comma, initials glued to names, a
list of people typed as one CSL name, a JSON comment, a book's ISBN in the ISSN field, a package's symbol."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.csl import parse_csl
from litreview.bibliography.load import load_bibliography, parse_bibliography
from litreview.checks import check_review
from litreview.config import Config
from litreview.model import Review

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def found(path: Path) -> list:
    return list(check_review(Review(bibliography=load_bibliography(path)), Config(root=path.parent), now=NOW).findings)


def found_in(folder: Path, bib: str) -> list:
    """The findings of a refs.bib written in `folder` with `bib`."""
    path = folder / "refs.bib"
    path.write_text(bib, encoding="utf-8")
    return found(path)


def test_a_key_no_comma_follows_is_an_lr100_at_the_key() -> None:
    # pybtex (and litreview) read on, so nothing was said; pandoc refuses the whole file ("unexpected 'a'") and
    # BibTeX skips the entry. A key with a space in it is the same slip, told as such, not as a missing comma
    # "after the previous field".
    bib = parse_bibliography("@misc{Banco_Central\n  author = {{Banco Central}},\n  title = {Acta},\n}\n\n"
                             "@Book{AFirst Network Theory,\n  title = {X},\n}\n"
                             "@misc{fine }\n@misc{ok,\n title = {Y}}\n@misc{last\n}\n")
    assert [(p.code, p.line, p.key) for p in bib.problems] == [("LR100", 1, "Banco_Central"), ("LR100", 6, "AFirst")]
    missing, spaced = bib.problems
    assert missing.message == ("no comma after the key 'Banco_Central': pandoc refuses the whole file for it "
                               "(\"unexpected 'a'\"), BibTeX skips the entry")
    assert missing.hint == "Write @misc{Banco_Central, with a comma after the key"
    assert spaced.message.startswith("the key 'AFirst Network Theory' holds a space")
    assert spaced.hint == "Write the key without spaces, @Book{AFirstNetworkTheory, and cite it so"
    assert bib.keys == ("Banco_Central", "AFirst", "fine", "ok", "last")  # read on, as before


def test_an_error_in_the_first_copy_of_a_key_leaves_the_entry_above_it_checked(tmp_path: Path) -> None:
    # The LR100 of the first Banco_Central (the later copy is the entry kept) fell inside the entry above it by line,
    # whose LR137 was then taken for the noise of a damaged entry and dropped.
    bib = ("@article{Aziz,\n  author = {Aziz, S.},\n  journal = {SSRN Electronic Journal},\n  title = {AI},\n"
           "  year = {2018},\n}\n\n@misc{Banco\n  author = {{Banco}},\n  title = {Acta},\n  year = {1998},\n}\n"
           "\n@misc{Basilea,\n  author = {{Basilea}},\n  title = {P},\n  year = {1998},\n}\n\n"
           "@misc{Banco,\n  author = {{Banco}},\n  title = {Acta},\n  year = {1998},\n}\n")
    codes = {(f.code, f.key) for f in found_in(tmp_path, bib)}
    assert ("LR137", "Aziz") in codes and ("LR100", "Banco") in codes


@pytest.mark.parametrize(("author", "code", "hint"), [
    ("D. Mayer, J.Polák", "LR153", "Write author = {Mayer, D. and Polák, J.}"),
    ("M.Křížek, K.Segeth", "LR153", "Write author = {Křížek, M. and Segeth, K.}"),
    ("R.P.Feynman,R.B.Leighton,M.Sands", "LR153", "Write author = {Feynman, R.P. and Leighton, R.B. and Sands, M.}"),
    ("J.Macháč,K.Novotný,Z.Škvor,J.Vokurka", "LR104",
     "Write author = {J. Macháč and K. Novotný and Z. Škvor and J. Vokurka}"),
])
def test_people_with_initials_glued_to_their_names_joined_by_commas_are_told(tmp_path: Path, author: str, code: str,
                                                                              hint: str) -> None:
    # "M.Křížek, K.Segeth" read as a family name first, one person; four of them as pybtex's "Too many commas".
    bib = f"@book{{a,\n  author = {{{author}}},\n  title = {{T}},\n  publisher = {{P}},\n  year = {{2001}},\n}}\n"
    [told] = [f for f in found_in(tmp_path, bib) if f.code in ("LR104", "LR153")]
    assert (told.code, told.hint) == (code, hint)
    if code == "LR104":
        assert "joins 4 people by commas" in told.message


@pytest.mark.parametrize("author", ["Knuth, D.E.", "Smith, J.R.R.", "F.Mach", "Rosen, K.H. and Doe, J."])
def test_one_person_with_glued_initials_is_no_list(tmp_path: Path, author: str) -> None:
    bib = f"@book{{a,\n  author = {{{author}}},\n  title = {{T}},\n  publisher = {{P}},\n  year = {{2001}},\n}}\n"
    assert not [f for f in found_in(tmp_path, bib) if f.code in ("LR104", "LR153", "LR147")]


def test_a_csl_name_typed_as_one_string_of_several_people_is_lr161(tmp_path: Path) -> None:
    # pandoc reads a string name as one literal: "Kane, Stephen R. & Gelino, Dawn M." printed whole, no et al.
    path = tmp_path / "refs.yaml"
    path.write_text("references:\n"
                    "- id: k\n  type: article-journal\n  author: 'Kane, Stephen R. & Gelino, Dawn M.'\n  title: T\n"
                    "  container-title: J\n  issued: 2012\n  DOI: 10.1/x\n"
                    "- id: s\n  type: article-journal\n  author: 'Shields, Aomawa L., Ballard, Sarah, & Johnson, John'\n"
                    "  title: U\n  container-title: J\n  issued: 2016\n  DOI: 10.1/y\n"
                    "- id: one\n  type: article-journal\n  author: 'Brachman, R. Z.'\n  title: V\n  container-title: J\n"
                    "  issued: 2016\n  DOI: 10.1/z\n"
                    "- id: body\n  type: article-journal\n  author: 'NASA, Equipo de redacción de Ciencia'\n  title: W\n"
                    "  container-title: J\n  issued: 2016\n  DOI: 10.1/w\n", encoding="utf-8")
    told = [f for f in found(path) if f.code == "LR161"]
    assert [(f.key, f.line) for f in told] == [("k", 4), ("s", 11)]
    assert told[0].message.startswith("the author 'Kane, Stephen R. & Gelino, Dawn M.' is one name holding 2 people")
    assert told[0].hint == "Write author: [{family: Kane, given: Stephen R.}, {family: Gelino, given: Dawn M.}]"


def test_a_csl_name_with_a_blank_given_name_is_its_family_name_alone() -> None:
    # {"family": "AICSImageIO Contributors", "given": " "} read as "AICSImageIO Contributors, ": LR147 said a comma
    # stood before 'and' and that BibTeX reads the name so, in a CSL-JSON file.
    item = {"id": "a", "type": "webpage", "title": "T", "URL": "https://example.org",
            "author": [{"family": "Brown", "given": "Eva"}, {"family": "AICSImageIO Contributors", "given": " "}]}
    [source] = parse_csl(json.dumps([item]), "refs.json").sources
    assert source.fields["author"] == "Brown, Eva and {AICSImageIO Contributors}"


def test_a_comment_in_csl_json_is_named_with_its_lines() -> None:
    text = ('[\n  {"id": "a", "type": "webpage", "title": "A",\n    // "author": [\n    //   {"family": "X"}\n'
            '    // ],\n    "URL": "https://example.org"},\n  {"id": "b", "type": "book", "title": "B"}\n]\n')
    bib = parse_csl(text, "refs.json")
    [problem] = bib.problems
    assert (problem.line, problem.key) == (3, "a") and "a comment, which JSON does not allow" in problem.message
    assert problem.hint == "Delete the comment (lines 3-5): JSON has no comments"
    assert bib.keys == ("b",)


@pytest.mark.parametrize(("isbn", "hint"), [
    ("", "Move it to the isbn field: isbn = {978-3-662-54733-5}"),
    ("978-3-662-54734-2", "Move it to the isbn field, beside the one there (a print and an electronic ISBN), or "
                          "delete it"),
    ("9783662547335", "Delete it: the entry's isbn gives it"),
])
def test_an_isbn_in_the_issn_field_is_named_as_one(tmp_path: Path, isbn: str, hint: str) -> None:
    given = f"  isbn = {{{isbn}}},\n" if isbn else ""
    bib = (f"@incollection{{a,\n  author = {{Doe, J.}},\n  title = {{T}},\n  booktitle = {{B}},\n"
           f"  publisher = {{P}},\n  year = {{2019}},\n  issn = {{978-3-662-54733-5}},\n{given}}}\n")
    [told] = [f for f in found_in(tmp_path, bib) if f.code == "LR125"]
    assert told.message == "ISSN '978-3-662-54733-5' is invalid: it is an ISBN, a book's number, not a journal's"
    assert told.hint == hint


def test_a_packages_symbol_is_named_with_the_character_to_write(tmp_path: Path) -> None:
    # \circledR is amssymb's (pandoc drops it), \euro eurosym's; an unknown command with no argument was told to be
    # defined with one ([1]{#1}), which would swallow the "}" after it. A price field no style prints is not read.
    bib = ("@book{a,\n  author = {Doe, J.},\n  title = {SAFe{\\circledR} und Co {\\foo}},\n  publisher = {P},\n"
           "  year = {2020},\n  price = {{\\text\\euro} 49.99},\n}\n"
           "@book{b,\n  author = {Doe, J.},\n  title = {Co {\\foo}},\n  publisher = {P},\n  year = {2020},\n}\n"
           "@book{c,\n  author = {Doe, J.},\n  title = {Co \\bar{x}},\n  publisher = {P},\n  year = {2020},\n}\n")
    told = {f.key: f for f in found_in(tmp_path, bib) if f.code == "LR142"}
    assert told["a"].message.startswith("title: \\circledR is the amssymb package's, not LaTeX's or biblatex's: a LaTeX "
                                        "document that does not load amssymb stops at it, and pandoc leaves it out")
    assert told["a"].hint == "Write the character ® itself, which BibTeX, biber and pandoc all print"
    assert '@preamble{"\\providecommand{\\foo}{...}"}' in told["b"].hint
    assert "c" not in told  # (a known command with its argument)


def test_csquotes_textquote_in_a_title_is_named_with_the_command_pandoc_reads(tmp_path: Path) -> None:
    # A Zotero title "\textquote{Operationalizing}: or, ..." for a biblatex-chicago paper: "unknown command", with the
    # hint to define it in the @preamble; it is csquotes', which pandoc 3.9 drops with its words (": Or, the
    # function"), where it prints \enquote{...} as a quotation (checked with pypandoc-binary).
    bib = ("@article{m,\n  author = {Moretti, F.},\n  title = {\\textquote{Operationalizing}: or, the Function},\n"
           "  journal = {J},\n  year = {2013},\n}\n"
           "@article{n,\n  author = {Moretti, F.},\n  title = {\\enquote{Operationalizing}: or, the Function},\n"
           "  journal = {J},\n  year = {2013},\n}\n")
    told = {f.key: f for f in found_in(tmp_path, bib) if f.code == "LR142"}
    assert told["m"].message.startswith("title: \\textquote is the csquotes package's, not LaTeX's or biblatex's: a "
                                        "LaTeX document that does not load csquotes stops at it, and pandoc leaves "
                                        "it out with the words it quotes")
    assert told["m"].hint == ("Write \\enquote{...}, which csquotes prints as \\textquote does and pandoc prints as a "
                              "quotation")
    assert "n" not in told


def test_a_house_that_registers_dois_is_named_without_its_place_or_imprint(tmp_path: Path) -> None:
    bib = ("@book{a,\n  author = {Mas, A.},\n  title = {T},\n  publisher = {Oxford university press New York},\n"
           "  year = {1995},\n}\n"
           "@incollection{b,\n  author = {Dautovic, G.},\n  title = {T},\n  booktitle = {B},\n"
           "  publisher = {{Springer Fachmedien Wiesbaden} and {Imprint Springer Gabler}},\n  year = {2021},\n}\n")
    told = {f.key: f.message for f in found_in(tmp_path, bib) if f.code == "LR137"}
    assert told == {"a": "no DOI, but Oxford university press registers DOIs for its books",
                    "b": "no DOI, but Springer registers DOIs for its chapters"}


@pytest.mark.parametrize(("key", "hint"), [
    ("Toth2014VRP", "Write year = {2014}, the year of the key 'Toth2014VRP'"),
    ("toth_vrp", "Write year = {2014} or year = {2004} or year = {2001}, whichever it is"),
])
def test_a_year_with_a_digit_typed_twice_gets_the_year_it_can_be(tmp_path: Path, key: str, hint: str) -> None:
    # "Write year = {2004}, date = {2004-05-17} ..." (the catalogue's example) read as the answer for "20014".
    path = tmp_path / "refs.bib"
    path.write_text(f"@book{{{key},\n  author = {{Toth, P.}},\n  title = {{T}},\n  publisher = {{SIAM}},\n"
                    "  year = {20014},\n}\n", encoding="utf-8")
    [told] = [f for f in found(path) if f.code == "LR124"]
    assert told.hint == hint
    path.write_text(path.read_text(encoding="utf-8").replace("20014", "20222"), encoding="utf-8")
    [told] = [f for f in found(path) if f.code == "LR124"]
    assert told.hint == "Write year = {2022}"  # (one year a digit less makes)


@pytest.mark.parametrize(("title", "hint"), [
    ("The Internet of things: a survey. Comput Netw54 (15): 2787--2805",
     "The title ends with its journal's citation ('Comput Netw54 (15): 2787--2805'): write title = {The Internet of "
     "things: a survey}, journal = {Comput Netw}, volume = {54}, number = {15}, pages = {2787--2805}"),
    ("Lessons from 1984 (2): what changed", "Add journal = {...}"),
])
def test_an_article_whose_title_holds_its_journals_citation_is_told_to_split_it(tmp_path: Path, title: str,
                                                                                hint: str) -> None:
    bib = f"@article{{a,\n  title = {{{title}}},\n  author = {{Atzori, L}},\n  year = {{2010}}\n}}\n"
    [told] = [f for f in found_in(tmp_path, bib) if f.code == "LR110"]
    assert told.hint == hint


@pytest.mark.parametrize(("author", "hint"), [
    # One brace group per person, joined by commas: BibTeX reads one person (last "{Kolokotrones, Tom}", jr
    # "{Deeds, Eric J.}", first "{Fontana, Walter}"), pandoc one garbled name; nothing was said.
    ("{Kolokotrones, Tom}, {Deeds, Eric J.}, {Fontana, Walter}",
     "Write author = {Kolokotrones, Tom and Deeds, Eric J. and Fontana, Walter}"),
    ("{Jane Roe}, {John Doe}", "Write author = {Jane Roe and John Doe}"),
    ("{Kolokotrones, Tom} and {Deeds, Eric J.}", None),  # joined by 'and': groups of their own (LR161's other cases)
    ("{Ministry of Health}, {Labour}", None), ("{Roe}, {Jane}", None),  # a body; a family name and a given name
])
def test_people_in_brace_groups_joined_by_commas_are_told_to_be_joined_by_and(tmp_path: Path, author: str,
                                                                              hint: str | None) -> None:
    bib = f"@article{{a,\n  author = {{{author}}},\n  title = {{T}},\n  journal = {{J}},\n  year = {{2010}},\n}}\n"
    told = [f for f in found_in(tmp_path, bib) if f.code == "LR161" and "joined by commas" in f.message]
    assert [f.hint for f in told] == ([hint] if hint else [])
    if hint:
        assert f"{hint.count(' and ') + 1} people" in told[0].message


@pytest.mark.parametrize(("author", "hint"), [
    ("{{David Michael Chan}}", "Write author = {Chan, David Michael} (braces keep a body's name whole)"),
    ("{Joshua Bemenderfer} and Doe, Jane", "Write Bemenderfer, Joshua in place of {Joshua Bemenderfer} (braces keep a "
                                           "body's name whole)"),
    ("{{Victoria University}}", None), ("{{Barnes and Noble}}", None), ("{{Free Software Foundation}}", None),
])
def test_a_persons_name_in_braces_is_told_with_the_name_to_write(tmp_path: Path, author: str, hint: str | None) -> None:
    # Read as a body's name: "David Michael Chan (2014)" in citations, sorted under D.
    bib = f"@book{{a,\n  author = {{{author}}},\n  title = {{T}},\n  publisher = {{P}},\n  year = {{2014}},\n}}\n"
    told = [f.hint for f in found_in(tmp_path, bib) if f.code == "LR161"]
    assert told == ([hint] if hint else [])


@pytest.mark.parametrize(("author", "hint"), [
    ("World Health Organization", "Write author = {{World Health Organization}} (double braces keep a body's name whole)"),
    ("Inc {Free Software Foundation}", "Write author = {{Free Software Foundation, Inc}} (double braces keep a body's "
                                       "name whole)"),
    ("Doe, Jane and Brain Development Cooperative Group", "Write {{Brain Development Cooperative Group}} in place of "
     "Brain Development Cooperative Group, or delete it if it is an affiliation, not an author (double braces keep a "
     "body's name whole)"),
    ("Organisation for Economic Cooperation and Development (OECD)", "Write author = {{Organisation for Economic "
     "Cooperation and Development (OECD)}}, the 'and' a word of the body's name (double braces keep a body's name "
     "whole)"),
    ("Beijing Genomics Institute and Zhang Wei", "Write {{Beijing Genomics Institute}} in place of Beijing Genomics "
     "Institute, or delete it if it is an affiliation, not an author (double braces keep a body's name whole)"),
    ("Doe, Jane and Institute of Electrical and Electronics Engineers", "Write {{Institute of Electrical "
     "and Electronics Engineers}} in place of Institute of Electrical and Electronics Engineers, the 'and' a word of "
     "the body's name (double braces keep a body's name whole)"),
    ("Press, William H.", None), ("William H. Press", None), ("Wei Bank", None), ("{{R Core Team}}", None),
    ("Team, Stan Development", None), ("Block Explorer Definition from Binance Academy", None),
    # Romania's company words, with or without periods (they were LR133 "family name in capitals" with the hint
    # 'S.r.l., Altex Romania'); initials with a company word are no company.
    ("Altex Romania S.R.L.", "Write author = {{Altex Romania S.R.L.}} (double braces keep a body's name whole)"),
    ("S.C. CLAX TELECOM SRL", "Write author = {{S.C. CLAX TELECOM SRL}} (double braces keep a body's name whole)"),
    ("S.C. Smith", None), ("J. R. L. Smith", None),
])
def test_a_bodys_name_without_braces_is_told_with_the_braces_to_write(tmp_path: Path, author: str,
                                                                      hint: str | None) -> None:
    # Read as a person: "Organization, W. H." in the list, "Organization (2014)" in citations.
    bib = f"@book{{a,\n  author = {{{author}}},\n  title = {{T}},\n  publisher = {{P}},\n  year = {{2014}},\n}}\n"
    told = [f.hint for f in found_in(tmp_path, bib) if f.code == "LR165"]
    assert told == ([hint] if hint else [])


@pytest.mark.parametrize(("author", "braced"), [
    # LR133 wrote {{World bank group,}}, the comma kept inside the braces (printed "World bank group,"), where LR165
    # writes a body's name without it; in a list it wrote the whole field as the one name.
    ("World bank group,", "author = {{World bank group}}"),
    ("Doe, Jane and World bank group,", "{{World bank group}} in place of World bank group,"),
])
def test_a_lower_case_bodys_name_is_braced_as_lr165_braces_one(tmp_path: Path, author: str, braced: str) -> None:
    bib = f"@book{{a,\n  author = {{{author}}},\n  title = {{T}},\n  publisher = {{P}},\n  year = {{2014}},\n}}\n"
    told = [f.hint for f in found_in(tmp_path, bib) if f.code == "LR133"]
    assert told == [f"A body's name goes in double braces, {braced}; a person's family name takes its capital (a "
                    "particle such as 'van' before it: 'van Dijk, Jan')"]


def test_two_bodies_in_one_list_are_told_each() -> None:
    text = ("@misc{a,\n  author = {World Health Organization and Valve Corporation},\n  title = {T},\n"
            "  url = {https://example.org},\n  year = {2019},\n}\n")
    hints = sorted(f.hint for f in check_review(Review(bibliography=parse_bibliography(text, "refs.bib")), Config(),
                                                now=NOW).findings if f.code == "LR165")
    assert hints == [f"Write {{{{{name}}}}} in place of {name}, or delete it if it is an affiliation, not an author "
                     "(double braces keep a body's name whole)" for name in ("Valve Corporation", "World Health Organization")]


def test_a_body_read_as_a_person_is_told_once() -> None:
    # "at MIT" read as the family name: LR165 says what is wrong, not LR133's "family name in capitals".
    text = "@misc{a,\n  author = {Software Design Group at MIT},\n  title = {T},\n  url = {https://example.org},\n  year = {2019},\n}\n"
    codes = [f.code for f in check_review(Review(bibliography=parse_bibliography(text, "refs.bib")), Config(),
                                          now=NOW).findings]
    assert codes == ["LR165"]


@pytest.mark.parametrize("author", [
    "Organisation for Economic Cooperation and Development (OECD)",
    "Doe, Jane and Institute of Electrical and Electronics Engineers (IEEE)",
])
def test_the_words_after_a_bodys_and_are_no_name_in_capitals(author: str) -> None:
    # The list's 'and' cuts the body in two, "Development (OECD)" read as a person of family name '(OECD)': LR165
    # writes the whole body in double braces, and LR133 added "family name in capitals", hint '(oecd), Development'.
    text = f"@misc{{a,\n  author = {{{author}}},\n  title = {{T}},\n  url = {{https://example.org}},\n  year = {{2019}},\n}}\n"
    codes = [f.code for f in check_review(Review(bibliography=parse_bibliography(text, "refs.bib")), Config(),
                                          now=NOW).findings if f.code in ("LR133", "LR165")]
    assert codes == ["LR165"]


def test_family_names_in_capitals_are_a_choice_where_the_whole_bibliography_writes_them_so(tmp_path: Path) -> None:
    # ISO 690 prints family names in capitals, and Czech styles (czechiso.bst) ask the .bib to hold them so: three
    # LR133 "family name in capitals" in a thesis whose every name is written "Dejan BOSANAC".
    iso = ("@book{a,\n  author = {Dejan BOSANAC},\n  editor = {TAUB, M},\n  title = {T},\n  publisher = {P},\n"
           "  year = {2008},\n}\n@mastersthesis{b,\n  author = {Peter BIELIK},\n  title = {T},\n  school = {S},\n"
           "  year = {2012},\n}\n")
    assert [f for f in found_in(tmp_path, iso) if f.code == "LR133"] == []
    # One name so among others written as printed (or a name all in capitals) is still told.
    mixed = iso + "@book{c,\n  author = {Duckett, Jon and Sarrion, Eric},\n  title = {T},\n  publisher = {P},\n  year = {2014},\n}\n"
    assert len([f for f in found_in(tmp_path, mixed) if f.code == "LR133"]) == 3
    shouting = "@book{c,\n  author = {TAYLOR OTWELL and Ann SMITH},\n  title = {T},\n  publisher = {P},\n  year = {2014},\n}\n"
    assert [f.message for f in found_in(tmp_path, shouting) if f.code == "LR133"] == [
        "authors 'OTWELL, TAYLOR', 'SMITH, Ann': family names in capitals (both authors)"]  # one finding for the list


def test_two_editors_fused_into_one_name_are_told_with_the_list_to_write(tmp_path: Path) -> None:
    bib = ("@book{a,\n  editor = {Kerstin Hoffmann {Ulrich Sandten}},\n  title = {T},\n  publisher = {P},\n"
           "  year = {2014},\n}\n")
    [told] = [f for f in found_in(tmp_path, bib) if f.code == "LR161"]
    assert told.hint == ("Write Hoffmann, Kerstin and Sandten, Ulrich, joined by 'and', in place of Kerstin Hoffmann "
                         "{Ulrich Sandten}")


def test_the_kind_of_work_read_as_its_author_is_told(tmp_path: Path) -> None:
    # Mendeley read "Master Thesis" off a title page as the author: cited as "Thesis (2016)", with no finding but
    # the article's missing journal.
    bib = "@article{a,\n  author = {Thesis, Master},\n  title = {Reasoning about Cluedo},\n  year = {2016},\n}\n"
    [told] = [f for f in found_in(tmp_path, bib) if f.code == "LR154"]
    assert told.message == "author 'Thesis, Master' names no one: styles print it as a person ('Thesis' in " \
                           "citations, sorted under it)"
    assert told.hint == ("It names the kind of work, not its author: write the author's name in the author field, "
                         "and make the entry @mastersthesis with school = {...}")
    # A person named Master (a family name in England) is a person.
    assert [f for f in found_in(tmp_path, bib.replace("Thesis, Master", "Master, John")) if f.code == "LR154"] == []


@pytest.mark.parametrize(("author", "read"), [
    # pandoc's particle is the run of lower-case words alone, its family name every word after: the message said
    # "BibTeX, biber and pandoc" read family 'Canada', where pandoc reads 'Privacy Commissioner of Canada' (and prints
    # "Privacy Commissioner of Canada, Office of the").
    ("Office of the Privacy Commissioner of Canada",
     "BibTeX and biber read it as a person, family name 'Canada' after the particle 'of the Privacy Commissioner of', "
     "given name 'Office'; pandoc, family name 'Privacy Commissioner of Canada' after the particle 'of the': biber "
     "sorts it under 'Canada', citeproc under 'Privacy Commissioner of Canada'"),
    # the three read it alike
    ("Supreme Court of Wisconsin",
     "BibTeX, biber and pandoc read it as a person, family name 'Wisconsin' after the particle 'of', given name "
     "'Supreme Court': biber and citeproc sort it under 'Wisconsin'"),
])
def test_a_bodys_name_pandoc_splits_otherwise_than_bibtex_says_how_each_reads_it(
        tmp_path: Path, author: str, read: str) -> None:
    bib = f"@misc{{a,\n  author = {{{author}}},\n  title = {{T}},\n  year = {{2015}},\n}}\n"
    (found,) = [f for f in found_in(tmp_path, bib) if f.code == "LR165"]
    assert found.message == f"the author {author!r} is a body's name without braces: {read}"


def test_pandoc_splits_a_von_part_with_capitalised_words_at_its_lower_case_run() -> None:
    from litreview.bibliography.names import pandoc_von_last

    assert pandoc_von_last("Jean de la Fontaine du Bois") == ("de la", "Fontaine du Bois")
    assert pandoc_von_last("de la Fontaine du Bois, Jean") == ("de la", "Fontaine du Bois")
    assert pandoc_von_last("van der Berg de Vries Smith") == ("van der", "Berg de Vries Smith")
    assert pandoc_von_last("Ludwig van Beethoven") is None  # (read alike)
    assert pandoc_von_last("Supreme Court of Wisconsin") is None
    assert pandoc_von_last("{Office of the} Privacy of Canada") is None  # (braces: pybtex's reading, not told)


def test_an_unknown_command_says_pandoc_leaves_it_out_with_the_words_in_its_braces(tmp_path: Path) -> None:
    # A Greek thesis's "\textgreek{... της \en{Finos Films}}": pandoc prints "... Της ." (3.x drops an unknown command
    # and its argument), and the @preamble the hint proposed is one pandoc does not read.
    bib = ("@mastersthesis{m,\n  author = {Doe, J.},\n  title = {Ταινίες της \\en{Finos Films}},\n  school = {S},\n"
           "  year = {2012},\n}\n"
           "@book{b,\n  author = {Doe, J.},\n  title = {Co {\\foo}},\n  publisher = {P},\n  year = {2020},\n}\n")
    told = {f.key: f for f in found_in(tmp_path, bib) if f.code == "LR142"}
    assert told["m"].message.startswith("title: unknown command \\en (not LaTeX's or biblatex's, nor defined in the "
                                        "@preamble): LaTeX stops at it, and pandoc leaves it out with the words in its "
                                        "braces: '")
    assert told["m"].hint.endswith("which BibTeX and biber pass on to LaTeX; pandoc reads no @preamble: for it, write "
                                   "the words without the command")
    assert told["b"].message.startswith("title: unknown command \\foo (not LaTeX's or biblatex's, nor defined in the "
                                        "@preamble): LaTeX stops at it, and pandoc leaves it out: '")
    assert told["b"].hint.endswith("which BibTeX and biber pass on to LaTeX")


@pytest.mark.parametrize(("key", "year", "hint"), [
    ("minecraft20", "20", "Write all four digits: year = {2020} or year = {1920}, whichever it is"),
    ("smith2020deep", "20", "Write year = {2020}, the year of the key 'smith2020deep'"),
    ("smith98", "98", "Write all four digits: year = {1998}"),
])
def test_a_two_digit_year_gets_the_years_it_can_be(tmp_path: Path, key: str, year: str, hint: str) -> None:
    # real bibliography ncardozo/bib: a global search-and-replace left year = {20} in 7 entries; the hint was the
    # catalogue's example "Write year = {2004}, date = {2004-05-17} or urldate = {2024-01-31}", read as the answer.
    path = tmp_path / "refs.bib"
    path.write_text(f"@book{{{key},\n  author = {{Toth, P.}},\n  title = {{T}},\n  publisher = {{SIAM}},\n"
                    f"  year = {{{year}}},\n}}\n", encoding="utf-8")
    [told] = [f for f in found(path) if f.code == "LR124"]
    assert told.hint == hint


@pytest.mark.parametrize(("key", "field", "hint"), [
    ("btb2016", "year = {2061}", "Write year = {2016}, the year of the key 'btb2016'"),
    ("emdat", "year = {2061}", "Write year = {2016} (two digits swapped?)"),
    ("emdat", "date = {2106-03-02}", "Write date = {2016-03-02} (two digits swapped?)"),
    ("smith2099", "year = {2099}", "Write the year the work appeared in the year field (a work not out yet: year = "
                                   "{forthcoming}, or pubstate = {forthcoming} with biblatex)"),
    ("page", "urldate = {2099-01-01}", "Write the day you read the page, today or before, in the urldate field"),
])
def test_a_year_in_the_future_gets_the_year_it_can_be(tmp_path: Path, key: str, field: str, hint: str) -> None:
    # A pull request's typo (2061 for 2016) was told "Write year = {2004}, date = {2004-05-17} or urldate =
    # {2024-01-31}", the catalogue's example of a date's form, which is not what is wrong with it.
    bib = (f"@online{{{key},\n  author = {{Doe, J.}},\n  title = {{T}},\n  url = {{https://example.org}},\n"
           f"  {field},\n}}\n")
    [told] = [f for f in found_in(tmp_path, bib) if f.code == "LR124"]
    assert told.message.endswith("lies in the future")
    assert told.hint == hint


def test_a_csl_items_date_in_the_future_is_told_in_csl_terms(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([{"id": "doe2016", "type": "article-journal", "title": "T", "container-title": "J",
                                 "issued": {"date-parts": [[2061, 3]]}}]), encoding="utf-8")
    hints = {f.hint for f in found(path) if f.code == "LR124"}
    assert 'Write "issued": {"date-parts": [[2016, 3]]}, the year of the key \'doe2016\'' in hints, hints


@pytest.mark.parametrize(("doi", "told"), [
    ("10.1016/j.physletb.2009.02.014,\n                        10.1016/j.physletb.2009.06.021", True),
    ("10.1103/PhysRevC.55.1420; 10.1103/PhysRevC.56.2336", True),
    ("10.1103/PhysRevC.55.1420 x", False),
])
def test_a_doi_field_holding_two_dois_is_told_to_keep_one(tmp_path: Path, doi: str, told: bool) -> None:
    # INSPIRE-HEP exports a paper and its erratum as doi = "10.x/a, 10.x/b" (real bibliography PhD_thesis, 8 entries): the
    # hint was the catalogue's example "Write the bare DOI, e.g. doi = {10.1017/CBO9780511491306}".
    bib = ('@article{Andronic:2008gu,\n  author = "Andronic, A.",\n  title = "T",\n  journal = "Phys. Lett. B",\n'
           f'  year = "2009",\n  doi = "{doi}",\n  note = "[Erratum: Phys. Lett.B678,516(2009)]",\n}}\n')
    [finding] = [f for f in found_in(tmp_path, bib) if f.code == "LR120"]
    assert ("holds 2 DOIs" in finding.message) == told, finding.message
    if told:
        first = doi.split(",")[0].split(";")[0]
        assert finding.hint.startswith(f"Keep one DOI: write doi = {{{first}}}"), finding.hint


def test_a_chapter_whose_author_is_in_collaborator_is_told_to_rename_it(tmp_path: Path) -> None:
    # Zotero (Better BibTeX) writes a "Contributor" as collaborator = {...}, which BibTeX, biber and pandoc 3.9 read
    # in no entry (real bibliography property_rights: 7 @inbook chapters of one author's book): the hint said "add author".
    bib = ("@inbook{cressmanAsymmetricGames2003,\n  title = {Asymmetric {{Games}}},\n  booktitle = {Evolutionary "
           "Dynamics},\n  year = {2003},\n  publisher = {{The MIT Press}},\n  collaborator = {Cressman, Ross},\n}\n")
    [finding] = [f for f in found_in(tmp_path, bib) if f.code == "LR110"]
    assert finding.hint == ("The collaborator field holds it, under a name BibTeX, biber and pandoc do not read: "
                            "rename collaborator to author")
