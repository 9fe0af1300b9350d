"""What exports leave in a field, said as what it is, with the value to write.

A Python list around an ISBN, "null" or a manuscript number where the pages go, a DOI escaped twice, HTML in a
field no style prints, one article under two keys a year apart, et al. written into a name, and people joined by
commas in a list whose others are too: each beside the close case that is read as before.
"""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.checks.bib import check_doi, check_isbn, check_url
from litreview.checks.duplicates import check_duplicates
from litreview.checks.integrity import check_html, check_page_form
from litreview.checks.style_names import check_name_forms, check_names


def _one(fields: str, kind: str = "article"):
    return parse_bibliography(f"@{kind}{{a, title = {{T}}, year = {{2001}}, {fields}}}", "refs.bib").sources[0]


def test_an_isbn_in_a_python_list_is_named_so_with_the_value_to_write() -> None:
    found = list(check_isbn(_one("publisher = {P}, isbn = {['9780999241165']}", "book")))
    assert [(f.message, f.hint) for f in found] == [
        ("ISBN field \"['9780999241165']\" is a Python list around an ISBN, written as text: styles print its "
         "brackets and quotes", "Write isbn = {9780999241165}")]
    two = list(check_isbn(_one("publisher = {P}, isbn = {['9783540156482', '9783540395270']}", "book")))
    assert [f.hint for f in two] == ["Write isbn = {9783540156482, 9783540395270}"]
    # An ISBN of the list with a wrong check digit is still named.
    wrong = list(check_isbn(_one("publisher = {P}, isbn = {['9780999241166']}", "book")))
    assert [f.message for f in wrong][1:] == ["ISBN '9780999241166' is invalid: wrong check digit"]


def test_marks_around_an_isbns_digits_are_named_not_its_length() -> None:
    found = list(check_isbn(_one("publisher = {P}, isbn = {[9780999241165]}", "book")))
    assert [(f.message, f.hint) for f in found] == [
        ("ISBN '[9780999241165]' is invalid: it holds '[' and ']' beside its 13 digits", "Write isbn = {9780999241165}")]
    short = list(check_isbn(_one("publisher = {P}, isbn = {978-0-306-4061}", "book")))
    assert [f.message for f in short] == ["ISBN '978-0-306-4061' is invalid: an ISBN has 10 or 13 digits, this has 11"]


def test_null_pages_are_an_exports_placeholder_to_delete() -> None:
    found = list(check_page_form(_one("journal = {J}, pages = {null--null}"), biblatex=False))
    assert [(f.message, f.hint) for f in found] == [
        ("pages 'null--null': 'null' is what an export writes for no value: styles print it as written",
         "Delete the pages field")]


def test_a_manuscript_number_in_the_pages_is_named_so() -> None:
    found = list(check_page_form(_one("journal = {Clinical Cancer Research}, pages = {clincanres--1458}"),
                                 biblatex=False))
    assert [(f.message, f.hint) for f in found] == [
        ("pages 'clincanres--1458': the journal's code 'clincanres' and a manuscript number, no pages (Google Scholar "
         "writes them for an article published online first, before it has pages)",
         "Write the pages the article was printed on (its DOI record or the journal's page gives them), or delete "
         "the pages field while it has none")]
    # Close cases: roman numerals are pages; "null" at one end only is no placeholder range.
    assert list(check_page_form(_one("journal = {J}, pages = {xii--14}"), biblatex=False)) == []
    mixed = list(check_page_form(_one("journal = {J}, pages = {null--12}"), biblatex=False))
    assert [f.message for f in mixed] == ["pages 'null--12': write a page, a range like 12--15, or a list like 3, 7--9"]


def test_a_doi_escaped_twice_gives_the_doi_to_write() -> None:
    entry = _one(r"journal = {J}, doi = {10.1007/978-3-030-01090-4\textbackslash{}\_34},"
                 r" url = {https://doi.org/10.1007/978-3-030-01090-4\textbackslash{}\_34}")
    assert [(f.code, f.hint) for f in check_doi(entry)] == [("LR121", "Write doi = {10.1007/978-3-030-01090-4_34}")]
    assert [(f.code, f.hint) for f in check_url(entry)] == [
        ("LR123", "Write url = {https://doi.org/10.1007/978-3-030-01090-4_34}")]
    # A backslash that escapes nothing is still no DOI.
    stray = _one(r"journal = {J}, doi = {10.1007/978-3-030-01090-4\textbackslash{}34}")
    assert [f.code for f in check_doi(stray)] == ["LR120"]


def test_html_in_a_field_no_style_prints_is_a_note() -> None:
    entry = _one(r"journal = {J}, abstract = {For all cells tested, \&gt;80\% of the telomeres},"
                 r" copyright = {John Wiley \&amp; Sons Ltd.}, note = {Wiley \&amp; Sons}")
    found = {f.message.split(" ")[0]: f for f in check_html(entry)}
    assert {name: f.severity for name, f in found.items()} == {"abstract": "info", "copyright": "info",
                                                                "note": "warning"}
    assert found["abstract"].message.endswith("(styles do not print the abstract field)")


_LIM = """@article{lim2015,
  title={Learning interactions via hierarchical group-lasso regularization},
  author={Lim, Michael and Hastie, Trevor},
  journal={Journal of Computational and Graphical Statistics},
  volume={24}, number={3}, pages={627--654}, year={2015}
}
@article{lim2014,
  title={Learning interactions via hierarchical group-lasso regularization},
  author={Lim, Michael and Hastie, Trevor},
  journal={Journal of Computational and Graphical Statistics},
  number={just-accepted}, pages={00--00}, year={2014}
}
"""


def _duplicates(text: str) -> list[tuple[str, str | None, str, str]]:
    return [(f.code, f.key, f.message, f.hint) for f in check_duplicates(parse_bibliography(text, "refs.bib").sources)]


def test_an_article_online_first_and_printed_a_year_later_is_one_work() -> None:
    assert _duplicates(_LIM) == [(
        "LR107", "lim2014", "same title, authors and journal as 'lim2015' (line 1), a year apart: 'lim2014' (2014) is "
        "the article as published online first, with no volume or pages yet, 'lim2015' (2015) as printed",
        "Cite the printed version, 'lim2015', and delete 'lim2014' (or suppress LR107 for it if you cite both on "
        "purpose)")]
    # Both printed, in another volume: two works (a column of one title, each year).
    assert _duplicates(_LIM.replace("number={just-accepted}, pages={00--00}", "volume={23}, pages={1--20}")) == []
    # Another author list, or another journal: two works.
    assert _duplicates(_LIM.replace("Lim, Michael and Hastie, Trevor},\n  journal={Journal of Computational and "
                                    "Graphical Statistics},\n  number", "Lim, Michael},\n  journal={Journal of "
                                    "Computational and Graphical Statistics},\n  number")) == []
    assert _duplicates(_LIM.replace("Statistics},\n  number", "Statistics Letters},\n  number")) == []
    # Two years apart: not an online-first date.
    assert _duplicates(_LIM.replace("year={2014}", "year={2013}")) == []


def test_an_article_dated_by_its_online_and_printed_issue_with_the_same_pages_is_one_work() -> None:
    text = ("@article{f2006, title={Using GOstats to test gene lists for GO term association},"
            " author={Falcon, Seth and Gentleman, Robert}, journal={Bioinformatics}, volume={23}, number={2},"
            " pages={257--258}, year={2006}}\n"
            "@article{f2007, title={Using GOstats to test gene lists for GO term association},"
            " author={Falcon, Seth and Gentleman, Robert}, journal={Bioinformatics}, volume={23}, number={2},"
            " pages={257--258}, year={2007}}\n")
    assert [(code, key, message) for code, key, message, _ in _duplicates(text)] == [(
        "LR107", "f2007", "same title, authors, journal and pages as 'f2006' (line 1), a year apart: one article, "
        "dated by its online (2006) and by its printed issue (2007)")]
    # A title too short to stand for the work ("Editorial", "Book Reviews") is printed each year.
    short = text.replace("Using GOstats to test gene lists for GO term association", "Book Reviews")
    assert _duplicates(short) == []


def _names(author: str) -> list[tuple[str, str, str]]:
    entry = _one(f"journal = {{J}}, author = {{{author}}}")
    return [(f.code, f.message, f.hint) for f in [*check_names(entry), *check_name_forms(entry)]]


def test_et_al_written_into_a_name_is_et_al_as_a_name() -> None:
    assert _names("M.J. Berger et.al.") == [(
        "LR151", "author 'M.J. Berger et.al.' is the name 'M.J. Berger' with et al. written into it: styles print "
        "it as part of the name", "Write 'M.J. Berger and others' in the author field, which styles print as et al.")]
    assert [hint for _, _, hint in _names("Berger, M.J., et al.")] == [
        "Write 'Berger, M.J. and others' in the author field, which styles print as et al."]
    # A family name "Al" is a name; so is "Etal".
    assert _names("Al, Mohammed") == []
    assert _names("Jane Etal") == []


def test_people_joined_by_commas_beside_others_so_joined_are_each_split() -> None:
    found = _names("Olatunji Ruwase, Chris Lattner, Vikram Adve, and David Koes, Gennady Pekhimenko")
    assert [(code, hint) for code, _, hint in found] == [(
        "LR153", "Write author = {Olatunji Ruwase and Chris Lattner and Vikram Adve and David Koes and Gennady "
        "Pekhimenko}")]
    # A family name first beside them is not read as two people.
    assert [hint for _, _, hint in _names("Di Renzo, Gian Carlo and Jouni Smed, Harri Hakonen, Ville Mönkkönen")] == [
        "Write author = {Di Renzo, Gian Carlo and Smed, Jouni and Hakonen, Harri and Mönkkönen, Ville}"]


def test_a_long_list_of_miscased_names_is_split_once_per_role(monkeypatch) -> None:
    # Each name with a finding split the whole field again to find how it was written: a list of thousands of names
    # in lower case cost time quadratic in its length.
    from litreview.bibliography import names

    calls: list[str] = []
    split = names.split_names

    def counted(value: str) -> list[str]:
        calls.append(value)
        return split(value)

    people = " and ".join(f"smith{i}, john" for i in range(50))
    (entry,) = parse_bibliography(f"@book{{k, author = {{{people}}}, editor = {{{people}}}, title = {{T}}}}",
                                  "x.bib").sources
    monkeypatch.setattr(names, "split_names", counted)
    found = [f for f in check_names(entry) if f.code == "LR133"]
    assert len(found) == 100 and "'smith0, john'" in found[0].message.lower()
    assert len(calls) == 2


def test_pages_in_the_number_field_are_told_to_move_to_pages() -> None:
    from litreview.bibliography.csl import parse_csl
    from litreview.checks.issue_pages import check_issue_pages

    # CNKI's export: the pages in number, the volume empty; styles printed "台湾研究 (48-53)" and no pages.
    found = list(check_issue_pages(_one("author = {王敏}, journal = {台湾研究}, volume = {}, number = {48-53}")))
    assert [(f.code, f.line, f.message, f.hint) for f in found] == [(
        "LR143", 1, "number '48-53' is a page range, not an issue: styles print it as the issue's number and print no "
        "pages (CNKI's export writes an article's pages there)",
        "Write pages = {48--53} and delete number (or write the issue's number in it)")]
    # Even two pages, with the volume written empty; a long range past a year's issues without it.
    assert len(list(check_issue_pages(_one("journal = {J}, volume = {}, number = {41-42}")))) == 1
    assert len(list(check_issue_pages(_one("journal = {J}, number = {22--29}")))) == 1
    # Close cases: double and triple issues (1-2, 9-11, 1-4), a range with pages beside it, a book's number.
    for fields in ("journal = {J}, volume = {5}, number = {1-2}", "journal = {J}, volume = {48}, number = {9-11}",
                   "journal = {J}, volume = {3}, number = {1-4}", "journal = {J}, volume = {}, number = {48-53}, "
                   "pages = {48--53}", "journal = {J}, volume = {7}, number = {25-26}"):
        assert list(check_issue_pages(_one(fields))) == [], fields
    assert list(check_issue_pages(_one("publisher = {P}, number = {30-36}", "book"))) == []
    # A CSL item: its own field names.
    item = parse_csl('[{"id": "c", "type": "article-journal", "title": "T", "container-title": "J", "issue": "30-36",'
                     ' "issued": {"date-parts": [[2003]]}}]', "refs.json").sources[0]
    [csl] = check_issue_pages(item)
    assert csl.message.startswith("issue '30-36' is a page range") and csl.hint.startswith('Write "page": "30-36"')


def test_acm_s_pages_of_an_article_without_page_numbers_are_named_so() -> None:
    # ACM's Digital Library exports pages = {16--es} for an article numbered 16 that has no pages: the hint was
    # "Write pages = {12--15}".
    [bibtex] = check_page_form(_one("journal = {J}, pages = {16--es}"), biblatex=False)
    assert (bibtex.message, bibtex.hint) == (
        "pages '16--es': ACM's export of article 16, which has no page numbers (the 'es' where its last page goes)",
        "Write pages = {16}, the article's number")
    [biblatex] = check_page_form(_one("journal = {J}, pages = {13-es}"), biblatex=True)
    assert biblatex.hint == "Write eid = {13}, biblatex's field for an article's number, and delete pages"
    assert list(check_page_form(_one("journal = {J}, pages = {16--25}"), biblatex=False)) == []
    # A CSL item has no eid: its page field takes the number.
    from litreview.bibliography.csl import parse_csl

    item = parse_csl('[{"id": "s", "type": "article-journal", "title": "T", "container-title": "J", "page": "16--es"}]',
                     "refs.json").sources[0]
    assert [f.hint for f in check_page_form(item, biblatex=True)] == ['Write "page": "16", the article\'s number']


def test_an_isbn_left_to_fill_in_is_named_a_placeholder() -> None:
    # isbn = {TODO}: "an ISBN has 10 or 13 digits, this has 0", and the hint to copy it again.
    [found] = check_isbn(_one("publisher = {P}, isbn = {TODO}", "book"))
    assert (found.code, found.message, found.hint) == (
        "LR122", "ISBN 'TODO' is a placeholder, not an ISBN", "Write the book's ISBN, or delete the isbn field")
    [wrong] = check_isbn(_one("publisher = {P}, isbn = {978-0-306-40615-8}", "book"))
    assert wrong.message == "ISBN '978-0-306-40615-8' is invalid: wrong check digit"


def test_an_isbn_of_one_digit_repeated_is_a_placeholder_though_its_check_digit_holds() -> None:
    # 1111111111 passes ISBN-10's check (55 = 5 x 11) and was then looked up in Open Library as a book.
    for isbn in ("1111111111", "0000000000", "978-0000000000", "9999999999999", "ISBN 0-000-00000-0"):
        [found] = check_isbn(_one(f"publisher = {{P}}, isbn = {{{isbn}}}", "book"))
        assert (found.code, found.message) == ("LR122", f"ISBN '{isbn}' is a placeholder, not an ISBN"), isbn
    assert list(check_isbn(_one("publisher = {P}, isbn = {978-0-306-40615-7}, isbn10 = {0-306-40615-2}", "book"))) == []
    [article] = check_isbn(_one("journal = {J}, isbn = {1111111111}"))
    assert article.hint == "Delete the isbn field: a journal article has no ISBN"


def _endnote(fields: str, kind: str = "article"):
    return parse_bibliography(f"@{kind}{{RN1, title = {{Reducing the dimensionality}}, {fields}}}",
                              "refs.bib").sources[0]


def test_endnote_s_journal_tag_in_another_field_is_named_with_the_fields_to_write() -> None:
    # EndNote's BibTeX export writes an article's journal after the field before it, behind its tag "%J": it was
    # LR140 "author has an unescaped %: write \%", LR110 "add journal = {...}" and LR120 "write the bare DOI".
    from litreview.checks.integrity import check_specials
    from litreview.checks.required_hints import missing_hint

    author = _endnote("author = {Hinton, G. E. and Salakhutdinov, R. %J IEEE Transactions on Pattern Analysis}, "
                      "year = {2006}, volume = {4}")

    [special] = check_specials(author)
    assert special.message == ("author has EndNote's %J tag, the journal, written into it: "
                               "'IEEE Transactions on Pattern Analysis'")
    assert special.hint == ("Write author = {Hinton, G. E. and Salakhutdinov, R.} and journal = "
                            "{IEEE Transactions on Pattern Analysis}")
    assert missing_hint(("journal", "journaltitle"), author.fields, author) == (
        "the author field holds the journal, after EndNote's %J tag: write author = {Hinton, G. E. and "
        "Salakhutdinov, R.} and journal = {IEEE Transactions on Pattern Analysis}")
    doi = _endnote("author = {Hinton, G. E.}, year = {2006}, doi = {10.1126/science.1127647 %J Science}")
    [bad] = check_doi(doi)
    assert (bad.code, bad.hint) == ("LR120", "Write doi = {10.1126/science.1127647} and journal = {Science}")
    # The journal given already: the tag and what follows it deleted.
    given = _endnote("author = {Roe, Ann}, journal = {Science}, year = {2006}, number = {2 %J Science}")
    assert [f.hint for f in check_specials(given)] == ["Write number = {2} (journal gives Science already)"]
    # A per cent sign in a note is still an unescaped %; a %J with no space after it is no tag.
    assert [f.hint for f in check_specials(_endnote("author = {Roe, Ann}, note = {up 5 % since 2001}"))] == [
        "Write \\% (or 'and' for &)"]
    assert [f.hint for f in check_specials(_endnote("author = {Roe, Ann}, note = {a %Jx b}"))] == [
        "Write \\% (or 'and' for &)"]


def test_an_isbn_field_that_holds_words_and_no_isbn_is_one_finding() -> None:
    # Mendeley wrote an article's citation into its isbn field: it was five LR122, one for each piece between
    # commas ("'August 2005' is invalid: an ISBN has 10 or 13 digits, this has 4", "'No. 3' ...").
    cited = _one("journal = {Thinking {\\&} Reasoning}, isbn = {Thinking {\\&} Reasoning, Vol. 11, No. 3, August 2005, "
                 "pp. 209–238}")
    assert [(f.message, f.hint) for f in check_isbn(cited)] == [
        ("ISBN field 'Thinking \\& Reasoning, Vol. 11, No. 3, August 2005, pp. 209–238' holds no ISBN, but words "
         "and numbers, which styles print as an ISBN", "Delete the isbn field (or write the book's ISBN there)")]
    assert [f.message for f in check_isbn(_one("isbn = {ILLC report PP-2003-21}", "techreport"))] == [
        "ISBN field 'ILLC report PP-2003-21' holds no ISBN, but words and numbers, which styles print as an ISBN"]
    # (an ISBN cut short is still told by its length)
    assert [f.message for f in check_isbn(_one("publisher = {P}, isbn = {ISBN 978-0-306-4061}", "book"))] == [
        "ISBN 'ISBN 978-0-306-4061' is invalid: an ISBN has 10 or 13 digits, this has 11"]


def test_endnotes_et_al_read_as_a_name_is_et_al_as_a_name() -> None:
    # EndNote exports the "et al." of its author list as the name "et, a. l.": LR133 said "miscased initials" and
    # asked for "et, A. L.", a person.
    assert _names("Naghavi, M. and Abajobir, A. A. and et, a. l.") == [(
        "LR151", "author list names 'et, a. l.' as a person: it is printed as one",
        "Write 'and others', which styles print as et al.")]
    assert [code for code, _, _ in _names("Naghavi, M. and et, al.")] == ["LR151"]
    # a person whose family name is Et is a name
    assert _names("Naghavi, M. and Et, Alain") == []


def test_the_dois_suffix_in_the_pages_is_named_so() -> None:
    # Paperpile (real bibliography AndersonEnergyLab): pages = "JAMC--D--16--0224.1" beside doi = "10.1175/JAMC-D-16-0224.1",
    # the article's id with each hyphen doubled; the hint was the generic "Write pages = {12--15}".
    found = list(check_page_form(_one("journal = {J}, pages = {JAMC--D--16--0224.1}, "
                                      "doi = {10.1175/JAMC-D-16-0224.1}"), biblatex=False))
    assert [(f.message, f.hint) for f in found] == [
        ("pages 'JAMC--D--16--0224.1': the article's DOI suffix (doi = {10.1175/JAMC-D-16-0224.1}), no pages",
         "Write the pages the article was printed on (its DOI record or the journal's page gives them), or delete "
         "the pages field while it has none")]
    # Close case: the same pages with another DOI is told as before.
    other = list(check_page_form(_one("journal = {J}, pages = {JAMC--D--16--0224.1}, doi = {10.1175/other}"),
                                 biblatex=False))
    assert [f.message for f in other] == [
        "pages 'JAMC--D--16--0224.1': write a page, a range like 12--15, or a list like 3, 7--9"]
