"""Bibliography checks on values as reference managers and hands write them: what pandoc, biber or BibTeX print
well is not reported, and a finding's hint says what to write for the value at hand."""

from __future__ import annotations

from datetime import UTC, datetime

from litreview.bibliography.csl import parse_csl
from litreview.bibliography.load import parse_bibliography
from litreview.checks import check_review
from litreview.checks.catalogue import CATALOGUE
from litreview.config import Config
from litreview.model import Bibliography, Finding, Review

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def found(bib: Bibliography, code: str) -> list[Finding]:
    return [f for f in check_review(Review(bibliography=bib), Config(), now=NOW).findings if f.code == code]


def test_a_work_in_press_needs_no_year() -> None:
    # An article accepted but not out: CSL's status (pandoc's citeproc prints "in press" where the year goes) is
    # not a missing date. The close case: no status, no date.
    yaml = ("---\nreferences:\n- id: pressed\n  type: article-journal\n  author: [{family: Roe, given: Ann}]\n"
            "  title: Half-lines\n  container-title: Medium Aevum\n  status: In press\n"
            "- id: undated\n  type: article-journal\n  author: [{family: Roe, given: Ann}]\n  title: Other lines\n"
            "  container-title: Medium Aevum\n...\n")
    missing = found(parse_csl(yaml, "refs.yaml", yaml=True), "LR110")
    assert [f.key for f in missing] == ["undated"]
    assert "issued" in missing[0].message


def test_a_work_in_preparation_needs_no_journal() -> None:
    # An article still being written (status: in preparation) has no journal to name yet: no LR110 for its
    # container. The close case: a work in press names its journal, and one without status still needs it.
    item = ('{{"id": "{key}", "type": "article-journal", "author": [{{"family": "Jin", "given": "Haiyang"}}],'
            ' "title": "Holistic processing {key}", "issued": {{"date-parts": [[2020]]}}{extra}}}')
    items = [item.format(key="prep", extra=', "status": "in preparation"'),
             item.format(key="press", extra=', "status": "in press"'), item.format(key="plain", extra="")]
    missing = found(parse_csl("[" + ",".join(items) + "]", "refs.json"), "LR110")
    assert sorted((f.key, f.message) for f in missing) == [("plain", "article-journal item lacks container-title"),
                                                           ("press", "article-journal item lacks container-title")]


def test_people_joined_by_a_word_for_and_are_named_with_the_list_to_write() -> None:
    # "en" (Dutch) between two people written given name first: one person to BibTeX and pandoc. The hint writes the
    # list; a CSL name holding "et" gets the CSL hint and no LR133 for its capitals, whose example kept the "et".
    bib = parse_bibliography("@book{m, author = {Ann B. Roe en Carl D. Poe}, title = {T}, publisher = {P},"
                             " year = {2005}}\n", "refs.bib")
    (joined,) = found(bib, "LR158")
    assert joined.message == "author 'Ann B. Roe en Carl D. Poe' joins people with 'en': styles read and print it as one person"
    assert joined.hint == "Write author = {Ann B. Roe and Carl D. Poe}"
    csl = parse_csl('[{"id": "d", "type": "report", "title": "T", "publisher": "P", "issued": {"date-parts": [[2019]]},'
                    ' "author": [{"family": "ROE", "given": "ANN et CARL POE"}]}]', "refs.json")
    (joined,) = found(csl, "LR158")
    assert joined.hint == "Give each person an item of its own in the author list (family and given)"
    assert found(csl, "LR133") == []


def test_people_joined_by_commas_in_the_vancouver_style_are_named() -> None:
    # "Nikravesh A, Yao H, Xu S": family names and initials, as PubMed writes them; BibTeX reads one person (family
    # "Nikravesh A", "Yao H" as a suffix). The close case: one person family name first with a middle initial.
    bib = parse_bibliography("@article{v, author = {Kahn A, Lowe BK, Ode S}, title = {T}, journal = {J},"
                             " year = {2015}}\n@article{w, author = {Kahn, Anna B}, title = {U}, journal = {J},"
                             " year = {2015}}\n", "refs.bib")
    (joined,) = found(bib, "LR153")
    assert joined.key == "v" and joined.hint == "Write author = {Kahn, A and Lowe, BK and Ode, S}"


def test_an_issn_in_the_isbn_field_is_moved_or_deleted() -> None:
    # Mendeley writes a journal's ISSN in isbn too: "Copy the ISBN again from the book" fitted no article.
    bib = parse_bibliography("@article{a, title = {T}, journal = {J}, year = {2004}, isbn = {0737-0024},"
                             " issn = {0737-0024}}\n@article{b, title = {U}, journal = {J}, year = {2004},"
                             " isbn = {2049-3630}}\n", "refs.bib")
    hints = {f.key: f.hint for f in found(bib, "LR122")}
    assert hints == {"a": "Delete the isbn field: the issn field holds this ISSN",
                     "b": "Write issn = {2049-3630} and delete the isbn field"}


def test_a_doi_field_holding_no_doi_says_what_it_holds() -> None:
    # CiteSeerX's document id (10.1.1.N.N) and a Handle address are no DOIs: "Write the bare DOI" told nothing. A
    # resolver's host without its scheme holds a DOI: a link (LR121), not a malformed DOI.
    bib = parse_bibliography(
        "@article{c, title = {T}, journal = {J}, year = {1993}, doi = {10.1.1.112.9778}}\n"
        "@article{d, title = {W}, journal = {J}, year = {1993}, doi = {10.1.1.112.9779.}}\n"
        "@article{h, title = {U}, journal = {J}, year = {1993}, doi = {http://handle.example.int/11.1002/pub/8-en}}\n"
        "@article{i, title = {V}, journal = {J}, year = {2012}, doi = {doi.ieeecomputersociety.org/10.1109/MC.2012.76}}\n",
        "refs.bib")
    malformed = {f.key: f for f in found(bib, "LR120")}
    assert malformed["c"].message == ("DOI '10.1.1.112.9778' is a CiteSeerX document id, which no registry "
                                      "knows as a DOI")
    assert malformed["c"].hint.startswith("Delete the doi field")
    assert malformed["d"].hint.startswith("Delete the doi field")  # copied with the sentence's full stop
    assert malformed["h"].hint == "The doi field holds a web address that is no DOI link: move it to the url field"
    assert "i" not in malformed
    assert [f.hint for f in found(bib, "LR121")] == ["Write doi = {10.1109/MC.2012.76}"]


def test_a_doi_link_with_a_space_is_not_called_no_doi_link() -> None:
    # A doi.org link whose DOI holds a space is a DOI link with a slip in it: moving it to url would lose the DOI.
    bib = parse_bibliography("@article{s, title = {T}, journal = {J}, year = {2021},"
                             " doi = {https://doi.org/10.1000/xyz abc}}\n", "refs.bib")
    (malformed,) = found(bib, "LR120")
    assert "white space" in malformed.message
    assert malformed.hint == CATALOGUE["LR120"].hint


def test_a_url_with_spaces_is_mended_as_its_spaces_tell() -> None:
    # A space where a line was broken (after "wp-") is dropped; spaces in a file's name are written %20, where the
    # hint dropped them all (another address). Mendeley's two addresses joined by a written-out line break: keep the web one.
    bib = parse_bibliography(
        "@misc{a, title = {A}, url = {https://example.org/wp-\n\tcontent/cat.pdf}}\n"
        "@misc{b, title = {B}, url = {http://example.org/files/Roe - 2004 - User Design.pdf}}\n"
        "@misc{c, title = {C}, url = {example.org\\nhttp://example.org/a b.pdf}}\n", "refs.bib")
    hints = {f.key: f.hint for f in found(bib, "LR123")}
    assert hints == {"a": "Write url = {https://example.org/wp-content/cat.pdf}",
                     "b": "Write url = {http://example.org/files/Roe%20-%202004%20-%20User%20Design.pdf}",
                     "c": "Keep the web address, url = {http://example.org/a%20b.pdf}"}


def test_text_after_an_address_is_told_apart_from_it() -> None:
    # EndNote's export wrote the abstract after its %X tag into the url field: the hint was the address with the whole
    # abstract joined to it by %20, and the message quoted the abstract whole.
    abstract = "Many of the properties of superconductors related to quantum coherence are revealed " * 3
    bib = parse_bibliography(
        "@article{a, title = {A}, url = {https://example.org/doi/abs/10.1098/x %X " + abstract + "}}\n"
        "@misc{b, title = {B}, url = {https://example.org/a see the page for more details}}\n"
        "@misc{c, title = {C}, url = {http://example.org/files/Roe - 2004 - User Design.pdf}}\n", "refs.bib")
    told = {f.key: (f.message, f.hint) for f in found(bib, "LR123")}
    assert told["a"] == (
        "URL 'https://example.org/doi/abs/10.1098/x %X Many of the properties of superconductors related to quantum "
        "coherence are rev…' is invalid: the address is followed by text (EndNote's %X field, its "
        "abstract, written into the url field)", "Write url = {https://example.org/doi/abs/10.1098/x}")
    assert told["b"][1] == "Write url = {https://example.org/a}" and "followed by text (words" in told["b"][0]
    assert told["c"][1] == "Write url = {http://example.org/files/Roe%20-%202004%20-%20User%20Design.pdf}"


def test_a_date_field_holding_a_time_or_a_worded_day_gets_the_date_to_write() -> None:
    # RStudio's visual editor writes Zotero's accessed as a time alone ("19:24:38"): the hint was the catalogue's
    # "Write issued: 2004, ...". BibDesk's urldate "17-January-2014" is a readable date: LR146 with its ISO form.
    yaml = ("---\nreferences:\n- id: t\n  type: webpage\n  title: T\n  URL: https://example.org/t\n"
            "  issued: 2020\n  accessed: \"19:24:38\"\n...\n")
    (timed,) = found(parse_csl(yaml, "refs.yaml", yaml=True), "LR124")
    assert timed.hint == ("The accessed field holds a time of day without its day: write the day the page was read "
                          "(YYYY-MM-DD), or delete the field")
    bib = parse_bibliography("@online{u, title = {U}, url = {https://example.org/u}, year = {2014},"
                             " urldate = {17-January-2014}}\n", "refs.bib")
    assert found(bib, "LR124") == []
    assert [f.hint for f in found(bib, "LR146")] == ["Write urldate = {2014-01-17}"]


def test_a_csl_page_hint_writes_its_list_as_csl_does() -> None:
    # "79 ER –" (RIS residue in a Zotero CSL-JSON page): the hint gave a BibTeX list, {3, 7--9}, in a CSL file.
    csl = parse_csl('[{"id": "p", "type": "article-journal", "title": "T", "container-title": "J", "page": "79 ER –",'
                    ' "issued": {"date-parts": [[2022]]}}]', "refs.json")
    (pages,) = found(csl, "LR143")
    assert pages.hint == 'Write "page": "12-15", or a list such as 3, 7-9.'


def test_text_after_a_values_closing_brace_is_named_not_a_missing_comma() -> None:
    # 'note = {\url{...}}(23.9.2022)},': one } too many, then an access date; the hint asked for a comma. The close
    # case, a value with no comma after it, keeps that hint.
    stray = parse_bibliography("@online{a,\n  author = {Tim Roe},\n  year = {2005},\n"
                               "  note = {https://example.org/x}(23.9.2022)},\n}\n", "refs.bib")
    (error,) = stray.problems
    assert (error.code, error.line) == ("LR100", 4)
    assert error.hint == ("Text follows the closing brace of a value ('(23.9.2022)},'): move it inside the braces or "
                          "delete it (a } too many may close the value early)")
    (error,) = parse_bibliography("@misc{b,\n  year = {2022}\n  title = {T},\n}\n", "refs.bib").problems
    # (where: the line pybtex stops on is the next field's, the comma goes at the end of the line before it)
    assert error.hint == "A comma is probably missing after the previous field, at the end of line 2: year = {2022},"


def test_a_misspelt_entry_type_gets_the_type_meant() -> None:
    # "@booktlet" (a hand-edited JabRef file): the hint listed five types; the one misspelt is known. A type of
    # another tool's (jurabib's @commented) is no misspelling and keeps the list.
    bib = parse_bibliography("@booktlet{a, author = {Roe, Ann}, title = {T}, year = {2011}}\n"
                             "@commented{b, author = {Roe, Ann}, title = {U}, year = {2019}}\n", "refs.bib")
    hints = {p.key: p.hint for p in bib.problems if p.code == "LR102"}
    assert hints == {"a": "Write @booklet, the type this one misspells",
                     "b": "Use a BibTeX or biblatex type such as @article, @book, @incollection, @online, @misc"}


def test_a_templates_type_for_a_web_page_is_no_misspelling() -> None:
    # A Czech thesis template's @OnlineWeb: "Write @online, the type this one misspells", which BibTeX's styles do
    # not know either.
    bib = parse_bibliography("@OnlineWeb{a, title = {Rhino}, cited = {2013-12-10}, url = {https://e.org}}\n", "r.bib")
    [told] = [p for p in bib.problems if p.code == "LR102"]
    assert told.hint.startswith("Write @online, biblatex's type for a web page (pandoc reads it too), or @misc with "
                                "its url for BibTeX's styles: @onlineweb is known only to a style that defines it")


def test_a_kind_of_thesis_of_a_universitys_own_style_is_told_to_be_a_thesis() -> None:
    # A Greek thesis template's @diplomathesis and @ptychionthesis: its own .bst knows them, biber and pandoc do not.
    # The hint listed @article, @book...; it names @thesis with its type. "@thesis" itself is known.
    bib = parse_bibliography("@diplomathesis{a, author = {Roe, Ann}, title = {T}, school = {NTUA}, year = {2004}}\n"
                             "@thesis{b, author = {Roe, Ann}, title = {U}, institution = {NTUA}, type = {Diploma thesis},"
                             " year = {2004}}\n", "refs.bib")
    hints = {p.key: p.hint for p in bib.problems if p.code == "LR102"}
    assert hints == {"a": "Write @thesis with type = {...} naming the kind (biblatex; pandoc reads it too), or "
                          "@mastersthesis for BibTeX's styles: @diplomathesis is known only to a style that defines it"}


def test_a_field_name_with_two_letters_swapped_is_named_with_the_field_meant() -> None:
    bib = parse_bibliography("@article{a, author = {Roe, Ann}, title = {T}, jounral = {Law Review}, year = {1996}}\n",
                             "refs.bib")
    (misspelt,) = found(bib, "LR159")
    assert (misspelt.message, misspelt.hint) == (
        "field 'jounral' misspells 'journal': BibTeX, biber and pandoc read no such field and leave its value out",
        "Rename it: journal = {...}")


def test_a_family_name_without_a_letter_is_named() -> None:
    # A scraped byline ("-, Redazione") and dblp's number for people of one name ("Ann Roe 0002"): styles print the
    # mark or the number as the family name. The close case: a body whose name starts with a number.
    bib = parse_bibliography("@misc{s, author = {-, Redazione and Ann Roe 0002}, title = {T}, year = {2017}}\n"
                             "@misc{b, author = {{1000 Genomes Consortium}}, title = {U}, year = {2015}}\n", "refs.bib")
    hints = [(f.key, f.hint) for f in found(bib, "LR160")]
    assert hints == [("s", "Write the person's family name, or delete the name from the author field"),
                     ("s", "'0002' is dblp's number for people of one name, not a name: write 'Ann Roe' in the author field")]


def test_a_windows_path_holding_backslash_n_is_no_pair_of_addresses() -> None:
    # "C:\new\paper.pdf" holds "\n" as a folder's first letter, with no address after it: the backslash is the
    # problem, not two addresses joined by a written-out line break (whose hint kept "file:///C:").
    bib = parse_bibliography("@misc{w, title = {W}, url = {file:///C:\\new\\paper.pdf}}\n", "refs.bib")
    (bad,) = found(bib, "LR123")
    assert "backslash" in bad.message and "addresses" not in bad.message


def test_a_year_written_as_a_family_name_is_not_called_dblps_number() -> None:
    # dblp numbers people of one name from 0001; a year left after a name ("Ann Roe 2004") is a scrape's residue.
    bib = parse_bibliography("@misc{y, author = {Ann Roe 2004}, title = {T}, year = {2004}}\n", "refs.bib")
    assert [f.hint for f in found(bib, "LR160")] == [
        "Write the person's family name, or delete the name from the author field"]


def test_a_body_named_without_braces_is_no_two_people_joined_by_a_word() -> None:
    # A French agency and a Dutch ministry written without double braces: the word after "et" or "en" is no person
    # (one word, no given name), so no LR158, whose hint would split the body in two. The close case: two people.
    bib = parse_bibliography("@misc{a, author = {Agence Sécurité et Santé}, title = {T}, year = {2004}}\n"
                             "@misc{m, author = {Ministerie van Volksgezondheid, Welzijn en Sport}, title = {U},"
                             " year = {2020}}\n"
                             "@misc{p, author = {Marie et Pierre Curie}, title = {V}, year = {1904}}\n", "refs.bib")
    assert [f.key for f in found(bib, "LR158")] == ["p"]


def test_czech_a_joining_two_people_and_a_kol_for_et_al_are_named_so_not_as_capitals() -> None:
    # ISO 690 names in a Czech thesis: "a" (Czech 'and') between two people, and "a kol." for et al. were LR133
    # "family name in capitals", whose example kept the "a". The close cases: "a" before a particle's family name
    # ("Thomas a Kempis") and in a body's name before a word in lower case are no join.
    bib = parse_bibliography("@book{b, author = {BERGH, Joeri van den a Mattias BEHRER}, title = {T}, publisher = {P},"
                             " year = {2012}}\n"
                             "@book{p, author = {Pokorná J. a col.}, title = {U}, publisher = {P}, year = {2014}}\n"
                             "@book{k, author = {Jana Nováková a kol.}, title = {W}, publisher = {P}, year = {2014}}\n"
                             "@book{t, author = {Thomas a Kempis}, title = {V}, publisher = {P}, year = {1418}}\n"
                             "@misc{u, author = {Ústav pro jazyk a literaturu}, title = {X}, year = {2020}}\n", "refs.bib")
    (joined,) = found(bib, "LR158")
    assert (joined.key, joined.message) == (
        "b", "author 'BERGH, Joeri van den a Mattias BEHRER' joins people with 'a': styles read and print it as one person")
    assert sorted((f.key, f.hint) for f in found(bib, "LR151")) == [
        ("k", "Write 'Jana Nováková and others' in the author field, which styles print as et al."),
        ("p", "Write 'Pokorná J. and others' in the author field, which styles print as et al.")]
    assert [f.key for f in found(bib, "LR133") if f.key in ("b", "p", "k")] == []
    assert [f.message for f in found(bib, "LR151") if f.key == "p"] == [
        "author 'Pokorná J. a col.' is the name 'Pokorná J.' with et al. written into it: styles print it as part of the name"]


def test_names_written_initials_then_family_name_are_named_with_the_list_to_write() -> None:
    # "M.O., Orap": the initials where the family name goes, BibTeX reads 'M.O.' as the family name and the
    # citation says "M.O. and Ya.Ye. (2019)". The close cases: "Orap, M.O.", a family name of two letters ("Ng, Andrew"),
    # and one initial where the family name goes ("W., Alec": a family name cut to its initial as likely).
    bib = parse_bibliography("@article{o, author = {M.O., Orap and Ya.Ye., Kolba}, title = {T}, journal = {J},"
                             " year = {2019}}\n"
                             "@article{r, author = {Orap, M.O. and Ng, Andrew and Li, Y.}, title = {U}, journal = {J},"
                             " year = {2019}}\n"
                             "@misc{w, author = {W., Alec}, title = {Picard}, year = {2009}}\n", "refs.bib")
    (swapped,) = found(bib, "LR147")
    assert (swapped.key, swapped.message) == (
        "o", "the author list writes 'M.O., Orap' with initials alone where the family name goes: BibTeX reads "
        "'M.O.' as the family name (printed, sorted and cited so)")
    assert swapped.hint == "Write author = {Orap, M.O. and Kolba, Ya.Ye.}"


def test_an_entry_type_spelt_as_in_another_language_gets_the_type_meant() -> None:
    # "@mannuel" (French manuel) twice in a hand-edited Mendeley file: the hint listed five types.
    bib = parse_bibliography("@mannuel{a, title = {T}, year = {2011}}\n@techrep{b, title = {U}, year = {2011}}\n",
                             "refs.bib")
    hints = {p.key: p.hint for p in bib.problems if p.code == "LR102"}
    assert hints == {"a": "Write @manual, the type this one misspells", "b": "Write @techreport, the type this one misspells"}


def test_a_field_name_with_one_letter_mistyped_is_named_with_the_field_meant() -> None:
    # a real bibliography: "publishes={IHÉS Pupl. Math.}" (formally_etale) and "serues" (ncardozo/bib): the value left out,
    # told only as "names no publisher". Close cases: a short name one letter from a field ("issn", "isbn" are both
    # fields) and a name that is a field itself are not told.
    bib = parse_bibliography("@book{a, author = {Roe, Ann}, title = {T}, publishes = {IHES}, year = {1960}}\n"
                             "@book{b, author = {Roe, Ann}, title = {T}, publisher = {P}, serues = {LNM}, year = {1960}}\n"
                             "@book{c, author = {Roe, Ann}, title = {T}, publisher = {P}, isbn = {0-306-40615-2},"
                             " issn = {0378-5955}, year = {1960}}\n", "refs.bib")
    assert [(f.key, f.hint) for f in found(bib, "LR159")] == [("a", "Rename it: publisher = {...}"),
                                                            ("b", "Rename it: series = {...}")]
