"""What reference managers and databases write as a matter of course is not a finding.

Each case is a small entry in the form an export tool writes it (Zotero, DBLP, ACM, Elsevier), next to
the close case that still is a finding.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.checks import doi_expected as E
from litreview.checks import style as S
from litreview.checks import style_names as SN

TODAY = date(2026, 6, 1)
FIVE_YEARS = 5 * 365


def _one(text: str):
    return parse_bibliography(text, "refs.bib").sources[0]


def test_an_old_access_date_on_an_entry_with_a_doi_is_not_stale() -> None:
    article = _one("@article{a, title = {T}, journal = {J}, year = {2009}, doi = {10.1000/xyz1},"
                   " url = {https://example.org/a}, urldate = {2012-01-02}}")
    assert list(S.check_access_date(article, TODAY, FIVE_YEARS)) == []


def test_an_old_access_date_on_a_page_without_a_doi_is_stale() -> None:
    page = _one("@online{p, title = {T}, url = {https://example.org/p}, urldate = {2012-01-02}}")
    assert [f.code for f in S.check_access_date(page, TODAY, FIVE_YEARS)] == ["LR136"]


@pytest.mark.parametrize(("entry", "stale"), [
    # Zotero records an access date on every item it imports: an arXiv preprint (its abstract page as url, the id
    # in journal as Zotero writes it), a 1973 article linked to its ADS record. Each was LR136 "visit the page
    # again": the id, or the journal's volume and pages, finds the work, not the page.
    ("@article{a, title = {T}, journal = {arXiv:1912.10192 [astro-ph]}, year = {2019},"
     " url = {http://arxiv.org/abs/1912.10192}, urldate = {2012-01-02}}", False),
    ("@misc{a, title = {T}, year = {2019}, eprint = {1912.10192}, archiveprefix = {arXiv},"
     " url = {https://example.org/a}, urldate = {2012-01-02}}", False),
    ("@article{a, title = {T}, journal = {Astronomy and Astrophysics}, volume = {24}, pages = {337--355},"
     " year = {1973}, url = {http://adsabs.harvard.edu/abs/1973A%26A....24..337S}, urldate = {2012-01-02}}", False),
    ("@article{a, title = {T}, journal = {Meduza}, year = {2015},"
     " url = {https://meduza.io/en/feature/2015/05/21/x}, urldate = {2012-01-02}}", True),  # a news site's page
    ("@online{a, title = {T}, url = {https://arxiv.org/list/astro-ph/new}, urldate = {2012-01-02}}", True),
])
def test_an_old_access_date_on_a_work_found_by_its_id_or_citation_is_not_stale(entry: str, stale: bool) -> None:
    assert [f.code for f in S.check_access_date(_one(entry), TODAY, FIVE_YEARS)] == (["LR136"] if stale else [])


def test_an_entry_keyed_by_its_doi_is_told_to_write_it() -> None:
    # JSTOR's BibTeX export keys each entry by its DOI (@article{10.2307/40337040, ..., url = {.../stable/40337040}});
    # LR137 said "look the work up" for a DOI the entry already writes as its key.
    from litreview.checks.doi_expected import check_doi_expected

    jstor = _one("@article{10.2307/40337040, author = {Vila-Chã, João J.}, title = {Maurice Blondel},"
                 " journal = {Revista Portuguesa de Filosofia}, year = {1993},"
                 " url = {http://www.jstor.org/stable/40337040}}")
    [finding] = check_doi_expected(jstor)
    assert finding.hint == "Its key is its DOI, as JSTOR exports it: write doi = {10.2307/40337040}", finding
    other = _one("@article{blondel1993, author = {Vila-Chã, João J.}, title = {Maurice Blondel},"
                 " journal = {Revista Portuguesa de Filosofia}, year = {1993},"
                 " url = {http://www.jstor.org/stable/40337040}}")
    assert [f.hint for f in check_doi_expected(other)] == [
        "Look the work up (litreview fetch searches the registry) and add its DOI."]


def test_an_article_in_no_journal_is_not_told_that_journal_articles_have_dois() -> None:
    # A German lab report's course handout and a Mendeley export's data sheets are @article entries naming no
    # journal (LR110 reports that): LR137 added "journal articles published since 2000 almost all have one".
    handout = _one("@article{h, author = {Simon, B.}, title = {Versuchstechnisches Praktikum}, year = {2025}}")
    assert E.doi_expected(handout) == ""
    article = _one("@article{a, author = {Simon, B.}, title = {T}, journal = {Journal of Fluids}, year = {2025}}")
    assert E.doi_expected(article) == "journal articles published since 2000 almost all have one"
    # A Mendeley export of D3's paper in IEEE TVCG, its journal left out and its volume and pages kept: told.
    unnamed = _one("@article{d3, author = {Bostock, Michael}, title = {D3: Data-Driven Documents}, volume = {17},"
                   " number = {12}, pages = {2301--2309}, year = {2011}}")
    assert E.doi_expected(unnamed) == "journal articles published since 2000 almost all have one"
    preprint = _one("@article{p, author = {Naik, L.}, title = {T}, eprint = {2107.08791}, archivePrefix = {arXiv},"
                    " year = {2021}}")
    assert E.doi_expected(preprint) != ""  # an arXiv preprint names no journal: its DOI from arXiv is told


@pytest.mark.parametrize(("url", "stale"), [
    # A Swiss report's Zotero export cites Wikipedia by its revision (…&oldid=1001147772), a page that never
    # changes: it was LR136 "visit the page again ... or cite an archived copy". A Wayback Machine snapshot or a
    # perma.cc link alike is the archived copy.
    ("https://en.wikipedia.org/w/index.php?title=Jacques_Bertin&oldid=1001147772", False),
    ("http://web.archive.org/web/20150911000000/http://example.org/p", False),
    ("https://web.archive.org/web/20150911/https://example.org/p", False),
    ("https://perma.cc/7ZKT-4M9Q", False),
    ("https://archive.ph/AbCdE", False),
    ("https://en.wikipedia.org/wiki/Jacques_Bertin", True),
    ("https://web.archive.org/web/*/example.org/p", True),  # a search of snapshots, not one
    ("https://example.org/p?oldid=12", True),               # another site's parameter
])
def test_an_old_access_date_on_a_fixed_copy_is_not_stale(url: str, stale: bool) -> None:
    page = _one(f"@online{{p, title = {{T}}, url = {{{url}}}, urldate = {{2012-01-02}}}}")
    assert [f.code for f in S.check_access_date(page, TODAY, FIVE_YEARS)] == (["LR136"] if stale else [])


@pytest.mark.parametrize(("pages", "biblatex", "bad"), [
    ("41 -- 47", False, False),      # Zotero's BibTeX export of a publisher's range
    ("41 -- 47", True, False), ("41 - 47", True, False),
    ("41 - 47", False, False),       # a single hyphen too: BibTeX's styles double it, pandoc prints an en dash
    ("7:1--7:22", False, False),     # ACM: article 7, its pages 1 to 22
    ("abcd123", False, False), ("abcd123", True, False),  # an article number where the pages go
    ("pp123", False, True), ("p. 12", False, True), ("41 -- ", False, True),
])
def test_export_page_forms(pages: str, biblatex: bool, bad: bool) -> None:
    from litreview.checks.integrity import page_form_problem

    assert bool(page_form_problem(pages, biblatex=biblatex)) is bad


@pytest.mark.parametrize(("pages", "hint"), [
    ("20110550-20110550", "Write pages = {20110550}, the one page the range starts and ends on"),  # ADS's export
    ("L45----L48", "Write pages = {L45--L48}"),  # a range written with a run of hyphens: its double hyphen
])
def test_a_single_hyphen_range_of_one_page_is_told_to_be_that_page(pages: str, hint: str) -> None:
    from litreview.checks.integrity import check_page_form

    [finding] = check_page_form(_one(f"@article{{a, title = {{T}}, journal = {{J}}, year = {{2012}}, "
                                     f"pages = {{{pages}}}}}"), biblatex=False)
    assert finding.hint == hint


def test_the_isbns_of_a_book_separated_by_spaces_are_each_read() -> None:
    from litreview.checks.bib import check_isbn

    book = _one("@book{b, title = {T}, publisher = {P}, year = {2001},"
                " isbn = {978-0-306-40615-7 0-306-40615-2}}")
    assert list(check_isbn(book)) == []
    wrong = _one("@book{b, title = {T}, publisher = {P}, year = {2001}, isbn = {978-0-306-40615-7 0-306-40615-3}}")
    assert [f.message for f in check_isbn(wrong)] == ["ISBN '0-306-40615-3' is invalid: wrong check digit"]
    spaced = _one("@book{b, title = {T}, publisher = {P}, year = {2001}, isbn = {978 0 306 40615 7}}")
    assert list(check_isbn(spaced)) == []


def test_an_issn_with_its_label_is_read() -> None:
    from litreview.checks.integrity import issn_problem

    assert issn_problem("ISSN 0317-8471") == ""
    assert issn_problem("ISSN: 0317-8471") == ""
    assert issn_problem("ISSN 0317-8472") == "wrong check digit"


def test_an_issn_of_null_is_told_to_be_deleted() -> None:
    # JabRef and HAL exports write issn = {null} for no ISSN: the hint said to copy the ISSN again.
    from litreview.checks.integrity import check_issn

    (found,) = check_issn(_one("@article{a, title = {T}, journal = {J}, year = {2016}, issn = {null}}"))
    assert found.message == "ISSN 'null' is invalid: it stands for no value, as an export writes it"
    assert found.hint == "Delete the issn field"


def test_an_issn_of_null_in_angle_brackets_and_two_issns_by_a_space() -> None:
    # Mendeley writes issn = {<null>}, EndNote a journal's print and online ISSNs with a space between: both were
    # "an ISSN is eight characters, written NNNN-NNNC", with "copy the ISSN again".
    from litreview.checks.integrity import check_issn

    (null,) = check_issn(_one("@article{a, title = {T}, journal = {J}, year = {2016}, issn = {<null>}}"))
    assert (null.message, null.hint) == ("ISSN '<null>' is invalid: it stands for no value, as an export writes it",
                                         "Delete the issn field")
    assert list(check_issn(_one("@article{a, title = {T}, journal = {J}, year = {2016}, issn = {1939-1404 2151-1535}}"))) == []
    assert [f.message for f in check_issn(_one("@article{a, title = {T}, journal = {J}, year = {2016}, "
                                                "issn = {1939-1404 2151-1536}}"))] == [
        "ISSN '2151-1536' is invalid: wrong check digit"]


def test_a_doi_with_latex_escapes_is_a_doi_written_otherwise() -> None:
    from litreview.checks.bib import check_doi
    from litreview.doi import bare_doi, doi_url

    entry = _one(r"@inproceedings{c, title = {T}, booktitle = {B}, year = {2019}, doi = {10.1007/978-3-030-1\_18}}")
    found = list(check_doi(entry))
    assert [f.code for f in found] == ["LR121"]
    assert "LaTeX escapes" in found[0].message and found[0].hint == "Write doi = {10.1007/978-3-030-1_18}"
    assert bare_doi(r"10.1007/978-3-030-1\_18") == "10.1007/978-3-030-1_18"  # what fetch asks for
    assert doi_url(r"10.1007/978-3-030-1\_18") == "https://doi.org/10.1007/978-3-030-1_18"
    plain = _one("@inproceedings{c, title = {T}, booktitle = {B}, year = {2019}, doi = {10.1007/978-3-030-1_18}}")
    assert list(check_doi(plain)) == []
    broken = _one(r"@article{c, title = {T}, journal = {J}, year = {2019}, doi = {10.1007/a\b}}")
    assert [f.code for f in check_doi(broken)] == ["LR120"]


def test_a_date_problem_in_csl_names_the_csl_variable() -> None:
    from litreview.bibliography.csl import parse_csl
    from litreview.checks.bib_dates import check_dates

    yaml = "references:\n- id: a\n  type: article-journal\n  title: T\n  issued: 2011\n  accessed: '10:11:12'\n"
    item = parse_csl(yaml, "refs.yaml", yaml=True).sources[0]
    # (pandoc 3.9 leaves it out of a CSL-YAML item, which it reads EDTF dates alone in; CSL-JSON prints it as written)
    assert [f.message for f in check_dates(item, TODAY)] == [
        "accessed '10:11:12' is not an ISO date (YYYY-MM-DD); pandoc reads no date in it in CSL-YAML (ISO and EDTF "
        "dates alone) and leaves it out"]
    json = parse_csl('[{"id": "a", "type": "article-journal", "title": "T", "accessed": "10:11:12"}]', "r.json").sources[0]
    assert [f.message for f in check_dates(json, TODAY)] == [
        "accessed '10:11:12' is not an ISO date (YYYY-MM-DD); pandoc prints it as written"]
    entry = _one("@online{a, title = {T}, url = {https://example.org}, urldate = {10:11:12}}")
    assert [f.message for f in check_dates(entry, TODAY)] == ["urldate '10:11:12' is not an ISO date (YYYY-MM-DD)"]


def test_a_publisher_that_registers_dois_is_told_of_the_entry_s_kind() -> None:
    article = _one("@article{a, title = {T}, journal = {J}, year = {2004}, publisher = {Elsevier}}")
    book = _one("@book{b, title = {T}, year = {2004}, publisher = {Elsevier}}")
    assert E.doi_expected(article) == "Elsevier registers DOIs for its articles"
    assert E.doi_expected(book) == "Elsevier registers DOIs for its books"


def test_a_wiley_book_is_expected_to_have_a_doi_only_where_wiley_online_library_holds_such_books() -> None:
    # "Wiley registers DOIs for its books" was said of Operating System Concepts (9th edition), Pozar's Microwave
    # Engineering (fourth edition, in the publisher field as a library catalogue writes it) and Bitcoin For Dummies:
    # textbooks and trade books, none with a DOI.
    for fields in ("publisher = {Wiley}, edition = 9", "publisher = {Fourth edition. Hoboken, NJ : Wiley, [2012]}",
                   "publisher = {John Wiley \\& Sons Inc}, series = {For Dummies}",
                   "publisher = {Wiley Publishing Inc.}", "publisher = {Wiley}, edition = {4th ed.}"):
        assert E.doi_expected(_one(f"@book{{b, title = {{T}}, year = {{2013}}, {fields}}}")) == "", fields
    # Its professional and reference books (a third edition too) have DOIs, most of them: said so.
    for fields in ("publisher = {John Wiley \\& Sons}", "publisher = {Wiley}, edition = {Third}"):
        assert E.doi_expected(_one(f"@book{{b, title = {{T}}, year = {{2008}}, {fields}}}")) == (
            "Wiley registers DOIs for most of its books (those on Wiley Online Library)"), fields
    # Its journals' articles have DOIs, all of them.
    article = _one("@article{a, title = {T}, journal = {J}, year = {2010}, publisher = {Wiley Online Library}}")
    assert E.doi_expected(article) == "Wiley registers DOIs for its articles"


def test_the_generic_guess_of_a_doi_is_for_journals_named_in_latin_script() -> None:
    # A CNKI export's Chinese journal articles were 48 notes "journal articles published since 2000 almost all have
    # one" in one thesis: most such journals register no DOI with Crossref. A publisher or host that registers them
    # still says so.
    chinese = _one("@article{c, author = {王敏}, title = {台湾与东盟经贸关系发展现状与特点研究}, journal = {台湾研究},"
                   " year = {2011}}")
    russian = _one("@article{r, author = {Иванов, И.}, title = {Т}, journal = {Вестник СибГАУ}, year = {2012}}")
    english = _one("@article{e, author = {Wang, Min}, title = {T}, journal = {Pacific Review}, year = {2011}}")
    vietnamese = _one("@article{v, author = {Nguyễn, A.}, title = {T}, journal = {Tạp chí Khoa học}, year = {2015}}")
    elsevier = _one("@article{x, title = {台湾研究}, journal = {台湾研究}, year = {2011}, publisher = {Elsevier}}")
    assert E.doi_expected(chinese) == E.doi_expected(russian) == ""
    assert E.doi_expected(english) == E.doi_expected(vietnamese) == (
        "journal articles published since 2000 almost all have one")
    assert E.doi_expected(elsevier) == "Elsevier registers DOIs for its articles"


def test_an_issn_in_the_isbn_field_is_named_so() -> None:
    from litreview.checks.bib import check_isbn

    entry = _one("@article{a, title = {T}, journal = {J}, year = {1990}, isbn = {0317-8471}}")
    assert [f.message for f in check_isbn(entry)] == [
        "ISBN '0317-8471' is invalid: it is an ISSN, which belongs in the issn field"]


def test_a_link_field_of_dblp_or_bibdesk_is_not_latex_text() -> None:
    from litreview.checks.integrity import check_latex

    entry = _one("@article{a, title = {T}, journal = {J}, year = {2013}, ee = {http://example.org/a_b.html},"
                 " bdsk-url-1 = {http://example.org/c_d}}")
    assert list(check_latex(entry)) == []
    note = _one("@article{a, title = {T}, journal = {J}, year = {2013}, note = {see a_b}}")
    assert [f.code for f in check_latex(note)] == ["LR142"]


def test_an_undefined_string_is_named_as_such() -> None:
    bib = parse_bibliography("@article{a, title = {T}, journal = jnl, year = {2001}}\n", "refs.bib")
    found = [p for p in bib.problems if p.code == "LR100"]
    assert [p.message for p in found] == [
        "BibTeX syntax error: undefined @string 'jnl': BibTeX and biber leave the field empty"]
    assert "define it with @string" in found[0].hint and found[0].line == 1
    assert [s.key for s in bib.sources] == ["a"]


def test_a_doi_behind_an_old_publisher_resolver_is_a_doi_written_as_a_link() -> None:
    from litreview.checks.bib import check_doi
    from litreview.doi import bare_doi

    entry = _one("@inproceedings{c, title = {T}, booktitle = {B}, year = {2004},"
                 " doi = {http://doi.ieeecomputersociety.org/10.1109/ABC.2004.47}}")
    assert [(f.code, f.hint) for f in check_doi(entry)] == [("LR121", "Write doi = {10.1109/ABC.2004.47}")]
    assert bare_doi("http://doi.acm.org/10.1145/1234.5678") == "10.1145/1234.5678"
    other = _one("@article{c, title = {T}, journal = {J}, year = {2004}, doi = {http://example.org/10.1109/x}}")
    assert [f.code for f in check_doi(other)] == ["LR120"]


@pytest.mark.parametrize(("author", "flagged"), [
    ("{{examplecorp}}", False),      # a body's name in braces: printed as written
    ("examplecorp", False),          # one word, no given name: a site or a handle
    ("jane doe", True),              # BibTeX reads "jane" as a von part: a person, miscased
    ("Jane doe", True),
    ("{Examplecorp Studio} and jane doe", True),
])
def test_a_name_without_a_given_name_is_not_miscased(author: str, flagged: bool) -> None:
    page = _one(f"@misc{{m, author = {{{author}}}, title = {{A Page}}, year = {{2020}}}}")
    assert bool(list(SN.check_names(page))) is flagged


def test_a_csl_literal_name_is_not_miscased() -> None:
    from litreview.bibliography.csl import parse_csl

    item = ('[{"id": "w", "type": "webpage", "title": "A Page", "author": [{"literal": "examplehandle"}],'
            ' "issued": {"date-parts": [[2020]]}}]')
    assert list(SN.check_names(parse_csl(item, "refs.json").sources[0])) == []


@pytest.mark.parametrize(("written", "meant"), [
    ("10.1007%2Fs00285-005-0340-x", "10.1007/s00285-005-0340-x"),
    ("10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0",
     "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"),
])
def test_a_percent_encoded_doi_is_told_in_its_decoded_form(written: str, meant: str) -> None:
    # Copied from a link: the first was LR120 "has no '/'", the second (Wiley's pattern admits any character)
    # nothing, and the registries were asked for the encoded DOI.
    from litreview.checks.bib import check_doi

    found = list(check_doi(_one(f"@article{{a, title = {{T}}, journal = {{J}}, year = {{1998}}, doi = {{{written}}}}}")))
    assert [(f.code, f.hint) for f in found] == [("LR121", f"Write doi = {{{meant}}}")]
    assert "percent-encoded" in found[0].message
    # a % that decodes to no DOI stays the malformed DOI it is
    odd = _one("@article{a, title = {T}, journal = {J}, year = {1998}, doi = {10.1234/abc%20def}}")
    assert [f.code for f in check_doi(odd)] == ["LR120"]


def test_an_issn_followed_by_its_medium_is_read() -> None:
    from litreview.checks.integrity import check_issn, issn_problem

    # PsycINFO and PubMed write the medium after each ISSN; Zotero keeps it in the issn field.
    both = _one("@article{a, title = {T}, journal = {J}, year = {1978},"
                " issn = {1939-1455(Electronic);0033-2909(Print)}}")
    assert list(check_issn(both)) == []
    assert issn_problem("0033-2909 (print)") == ""
    assert issn_problem("0033-2908(Print)") == "wrong check digit"
    assert issn_problem("0033-2909(Vol. 85)") != ""
    # EndNote's export of a PubMed record: the two ISSNs and their media joined by a space alone (LR125 said "an ISSN
    # is eight characters" of the whole field); a wrong check digit there is still found, in its own ISSN.
    spaced = _one("@article{a, title = {T}, journal = {J}, year = {2018},"
                  " issn = {1531-5320 (Electronic) 1069-9384 (Linking)}}")
    assert list(check_issn(spaced)) == []
    wrong = _one("@article{a, title = {T}, journal = {J}, year = {2018},"
                 " issn = {1531-5320 (Electronic) 1069-9385 (Linking)}}")
    assert [f.message for f in check_issn(wrong)] == ["ISSN '1069-9385 (Linking)' is invalid: wrong check digit"]


def test_an_issn_with_a_word_beside_it_is_told_to_be_written_alone() -> None:
    from litreview.checks.integrity import check_issn

    # Scopus exports issn = {14454408 (ISSN)}: the number was told to be "eight characters, written NNNN-NNNC".
    [found] = check_issn(_one("@article{a, title = {T}, journal = {J}, year = {2002}, issn = {14454408 (ISSN)}}"))
    assert (found.code, found.message, found.hint) == (
        "LR125", "ISSN '14454408 (ISSN)' is invalid: it holds '(ISSN)' beside its number, which styles print as "
        "written", "Write issn = {1445-4408}")
    # A wrong number with a label beside it is still told by its check digit.
    [wrong] = check_issn(_one("@article{a, title = {T}, journal = {J}, year = {2002}, issn = {14454409 (ISSN)}}"))
    assert wrong.message == "ISSN '14454409 (ISSN)' is invalid: wrong check digit"


def test_an_ampersand_in_a_link_is_the_link_s_own() -> None:
    from litreview.checks.integrity import check_specials

    for value in (r"\url{http://x.org/index.php?title=A&skin=b}",
                  r"\textit{See \url{http://x.org/index.php?title=A\_B&skin=b}}",
                  r"\href{http://x.org/?a=1&b=2}{here}", r"\url{http://x.org/a%20b}"):
        entry = _one(f"@misc{{m, title = {{T}}, year = {{2016}}, howpublished = {{{value}}}}}")
        assert list(check_specials(entry)) == [], value
    outside = _one(r"@misc{m, title = {T}, year = {2016}, howpublished = {\url{http://x.org/?a=1} & more}}")
    assert [f.code for f in check_specials(outside)] == ["LR140"]


def test_keywords_are_not_typeset_latex() -> None:
    from litreview.checks.integrity import check_latex

    # Zotero's tags: "_tablet" sorts first in its tag list; no style prints keywords.
    tagged = _one("@article{a, title = {T}, journal = {J}, year = {1998}, keywords = {_tablet,Labor Law}}")
    assert list(check_latex(tagged)) == []
    titled = _one("@article{a, title = {T_1}, journal = {J}, year = {1998}}")
    assert [f.code for f in check_latex(titled)] == ["LR142"]


def test_a_dash_that_closes_a_subtitle_s_pair_is_no_stray_mark() -> None:
    from litreview.checks.style import check_title_punctuation

    # IEEE Xplore writes a subtitle between two em dashes; Crossref and JabRef copy it so.
    paired = _one(r"@inproceedings{n, title = {Post processor for robots {\textemdash} Arc interpolation"
                  r" {\textemdash}}, booktitle = {B}, year = {2017}}")
    assert list(check_title_punctuation(paired)) == []
    dangling = _one("@inproceedings{n, title = {Post processor for robots —}, booktitle = {B}, year = {2017}}")
    assert [f.code for f in check_title_punctuation(dangling)] == ["LR131"]


def test_an_unknown_command_is_told_how_to_define_it() -> None:
    from litreview.checks.integrity import check_latex

    # A history paper's own macros (\publ, \datef), defined in the document, not in the .bib.
    entry = _one(r"@unpublished{p, title = {T}, date = {1936}, addendum = {\publ{Popper2006}{\D{13}}}}")
    found = list(check_latex(entry))
    assert [f.code for f in found] == ["LR142"]
    assert "@preamble{\"\\providecommand{\\publ}" in found[0].hint
    math = _one("@article{a, title = {T_1}, journal = {J}, year = {1998}}")
    assert "escape the character" in next(iter(check_latex(math))).hint


def test_an_unknown_command_s_hint_is_the_command_the_check_found() -> None:
    from litreview.checks.integrity import check_latex

    # The hint was read back out of the finding's own message; it is carried with the problem now. A starred
    # command is defined without its star.
    entry = _one(r"@misc{m, title = {T}, year = {2001}, note = {Seen \mynote*{x} and \emph{y}}}")
    (found,) = check_latex(entry)
    assert found.message.startswith("note: unknown command \\mynote (not LaTeX's or biblatex's")
    assert found.hint == ("Correct the command's name, or define it in the bibliography's @preamble, e.g. "
                          "@preamble{\"\\providecommand{\\mynote}[1]{#1}\"}, which BibTeX and biber pass on to LaTeX; "
                          "pandoc reads no @preamble: for it, write the words without the command")


@pytest.mark.parametrize("said", ["journal = {To be submitted to MNRAS}", "journal = {Nature}, note = {in preparation}",
                                  "journaltitle = {Nature}, pubstate = {submitted}", "journal = {J}, note = {Under review}"])
def test_an_article_not_yet_published_is_not_told_to_have_a_doi(said: str) -> None:
    from litreview.checks.doi_expected import check_doi_expected

    draft = _one(f"@article{{d, author = {{Qu, F. and others}}, title = {{T}}, {said}, year = {{2022}}}}")
    assert list(check_doi_expected(draft)) == []
    published = _one("@article{d, author = {Qu, F.}, title = {T}, journal = {MNRAS}, year = {2022}}")
    assert [f.code for f in check_doi_expected(published)] == ["LR137"]


@pytest.mark.parametrize("biblatex", [False, True])
def test_a_range_with_a_run_of_hyphens_is_told_its_double_hyphen_form(biblatex: bool) -> None:
    from litreview.checks.integrity import check_page_form

    # Mendeley's export of a Russian journal's en dash: pages = {450----493}.
    entry = _one("@article{k, title = {T}, journal = {J}, year = {1975}, pages = {450----493}}")
    found = list(check_page_form(entry, biblatex=biblatex))
    assert [f.hint for f in found] == ["Write pages = {450--493}"]


def test_a_url_field_holding_two_addresses_is_told_to_keep_one() -> None:
    from litreview.checks.bib import check_url

    # BibSonomy exports the work's page and its own entry's page into one url field.
    entry = _one("@article{g, title = {T}, journal = {J}, year = {2011},"
                 " url = {http://www.gnu.org/s/parallel; http://www.bibsonomy.org/bibtex/2ab8/tempest}}")
    found = list(check_url(entry))
    assert [f.message.rsplit(": ", 1)[-1] for f in found] == ["it holds 2 addresses"]
    assert found[0].hint == ("Keep one, url = {http://www.gnu.org/s/parallel}, and give the other in"
                             " note = {\\url{http://www.bibsonomy.org/bibtex/2ab8/tempest}}")
    spaced = _one("@misc{m, title = {T}, year = {2011}, url = {http://example.org/a b}}")
    assert [f.message.rsplit(": ", 1)[-1] for f in check_url(spaced)] == ["it contains white space"]


def test_an_underscore_in_an_address_written_in_a_note_is_told_to_go_in_url() -> None:
    # JabRef's note = {Online: http://.../125_BiekerF_MetaProg.pdf}: LaTeX stops at the _; "\\_" mends it, but the
    # address is then no link and breaks no line: \url is the fix a maintainer writes
    from litreview.checks.integrity import check_latex

    entry = _one(r"@misc{a, title = {T}, note = {Online: http://example.org/a/125_Bieker.pdf}, year = {2008}}")
    [(message, hint)] = [(f.message, f.hint) for f in check_latex(entry)]
    assert message == "note: _ outside math (write \\_ for the character): 'Online: http://example.org/a/125_Bieker.pdf'"
    assert hint.startswith("Write the address as \\url{http://example.org/a/125_Bieker.pdf}, which prints it")
    formula = _one(r"@misc{a, title = {The C_2 radical}, year = {2008}}")
    assert "\\url" not in next(iter(check_latex(formula))).hint


@pytest.mark.parametrize(("accessed", "ago"), [
    ("2020-12-01", "5 years and 6 months"),  # over a limit of five years by months: said so, not "5 years"
    ("2018-06-01", "8 years"),               # whole years past the limit read clearly as they are
])
def test_a_stale_access_date_says_how_far_over_the_limit(accessed: str, ago: str) -> None:
    page = _one(f"@online{{p, title = {{T}}, url = {{https://example.org/p}}, urldate = {{{accessed}}}}}")
    [finding] = S.check_access_date(page, TODAY, FIVE_YEARS)
    assert finding.message == f"web source last accessed {accessed}, {ago} ago (limit 5 years)"


@pytest.mark.parametrize(("over", "ago"), [
    (10, "5 years and 10 days"),    # under a month over: the days, not "5 years" as if within the limit
    (40, "5 years and 1 month"),
    (362, "6 years"),               # twelve months over are a year, not "5 years and 12 months"
    (3 * 365, "8 years"),
])
def test_a_stale_access_date_counts_whole_months_and_days_over_the_years(over: int, ago: str) -> None:
    accessed = (TODAY - timedelta(days=FIVE_YEARS + over)).isoformat()
    page = _one(f"@online{{p, title = {{T}}, url = {{https://example.org/p}}, urldate = {{{accessed}}}}}")
    [finding] = S.check_access_date(page, TODAY, FIVE_YEARS)
    assert finding.message == f"web source last accessed {accessed}, {ago} ago (limit 5 years)"


def test_an_aps_accent_is_latex_lr142_knows_and_a_name_it_splits_is_told_how_to_write() -> None:
    from litreview.checks.integrity import check_latex

    # \ifmmode, \else and \fi are TeX's own: they were "unknown command \ifmmode" (LR142) in every title with one.
    title = _one(r"@misc{m, title = {{\ifmmode\ddot{U}\else\"{U}\fi}berblick}, year = {2019}, url = {https://e.org}}")
    assert title.title == "Überblick" and list(check_latex(title)) == []
    # The spaces inside it split a family name into words: BibTeX reads the particle "Bonc" and the family name
    # "ča". It was "author 'Bonc ča, Janez': family name in lower case", with a hint to capitalise it.
    paper = _one(r"@article{p, author = {Bon\ifmmode \check{c}\else \v{c}\fi{}a, Janez and Mierzejewski, Marcin},"
                 r" title = {T}, journal = {Phys. Rev. B}, year = {2017}}")
    (found,) = SN.check_names(paper)
    assert found.code == "LR133" and "split the family name into words" in found.message
    assert "sort the name under 'ča'" in found.message
    assert found.hint == "Write 'Bon{\\v{c}}a, Janez' in the author field (the letter without \\ifmmode)"
    # The same letter braced, one word: nothing to say.
    assert list(SN.check_names(_one(r"@article{p, author = {Bon{\v{c}}a, Janez}, title = {T}, journal = {J},"
                                    r" year = {2017}}"))) == []


@pytest.mark.parametrize(("author", "hint"), [
    # People joined by & as a reference list prints them (a CNKI export): one person to BibTeX. The hint was
    # "Write \& (or 'and' for &)", which would keep them one person.
    ("张宜鑫 & 叶源涛", "Write author = {张宜鑫 and 叶源涛}"),
    ("Smith, J. & Jones, K.", "Write author = {Smith, J. and Jones, K.}"),
    # A company's name with its &: escape it.
    ("Procter & Gamble", "Write \\& (or 'and' for &)"),
    ("{Johnson & Johnson}", "Write \\& (or 'and' for &)"),
])
def test_people_joined_by_an_ampersand_are_told_the_list_to_write(author: str, hint: str) -> None:
    from litreview.checks.integrity import check_specials

    (found,) = check_specials(_one(f"@article{{a, author = {{{author}}}, title = {{T}}, journal = {{J}}, year = {{2017}}}}"))
    assert found.code == "LR140" and found.hint == hint
    assert ("BibTeX reads them as one person" in found.message) is (" and " in hint)


@pytest.mark.parametrize(("author", "message", "hint"), [
    # Hungarian and Russian order written without the comma: it was "family name first but 'Félegyházi M.' given
    # name first", with "write every name as 'Family, Given'" for a name already written family first.
    ("Bencsáth, B. and Buttyán, L. and Félegyházi M.", "the author list writes 'Félegyházi M.' family name first "
     "without its comma: BibTeX reads 'M.' as the family name (printed and sorted so)",
     "Write author = {Bencsáth, B. and Buttyán, L. and Félegyházi, M.}"),
    ("Семенкин, Е. С. and Тынченко В. В.", "the author list writes 'Тынченко В. В.' family name first without its "
     "comma: BibTeX reads 'В.' as the family name (printed and sorted so)",
     "Write author = {Семенкин, Е. С. and Тынченко, В. В.}"),
    ("Li, Xinrong and Sheikh Ferdoush", "the author list writes 'Li, Xinrong' family name first but 'Sheikh "
     "Ferdoush' given name first", "Write every name as 'Family, Given' (a body's name in double braces: "
     "{{Name of the Body}})"),
])
def test_a_name_written_family_first_without_its_comma_is_told_so(author: str, message: str, hint: str) -> None:
    (found,) = SN.check_name_forms(_one(f"@techreport{{d, author = {{{author}}}, title = {{T}}, institution = {{I}},"
                                        " year = {2011}}"))
    assert (found.code, found.message, found.hint) == ("LR147", message, hint)


def test_an_affiliation_after_each_author_is_told_as_one() -> None:
    # Mendeley read "Fondazione Bruno Kessler" off the paper after each of three authors: "delete the repeat,
    # unless they are two people of one name".
    paper = _one("@article{k, author = {Kessler, Fondazione Bruno and Cimatti, Alessandro and Kessler, Fondazione "
                 "Bruno and Gario, Marco and Kessler, Fondazione Bruno and Tonetta, Stefano}, title = {T}, "
                 "journal = {J}, year = {2016}}")
    (found,) = SN.check_repeated_names(paper)
    assert found.hint == ("'Fondazione Bruno Kessler' after each author is most likely their affiliation, read as a "
                          "person (as a reference manager reads a paper's first page): delete it from the author field")
    twice = _one("@article{k, author = {Geist, Valerius and Roe, Ann and Geist, Valerius}, title = {T}, journal = {J},"
                 " year = {2016}}")
    assert "affiliation" not in next(iter(SN.check_repeated_names(twice))).hint


def test_a_long_hyphenated_name_is_read_in_linear_time() -> None:
    # Each way of splitting the run into a family name's two words was tried (50 KB: thirty seconds).
    import time

    paper = _one("@techreport{d, author = {Semenkin, E. S. and Ab" + "-a" * 25_000 + " and Tynchenko V. V.}, "
                 "title = {T}, institution = {I}, year = {2011}}")
    start = time.process_time()
    found = list(SN.check_name_forms(paper))
    assert time.process_time() - start < 1.0
    assert [f.code for f in found] == ["LR147"]


def test_a_percent_in_a_field_no_tool_reads_is_no_finding() -> None:
    # INSPIRE-HEP's export gives every entry SLACcitation = "%%CITATION = ...;%%" (real bibliography PhD_thesis: 275 of its
    # 278 LR140): BibTeX's styles, biber (no such field in its data model) and pandoc read it in no entry.
    from litreview.checks.integrity import check_specials

    text = ('@article{a,\n  author = "Doe, J.",\n  title = "T",\n  journal = "J",\n  year = "2009",\n'
            '  SLACcitation = "%%CITATION = ARXIV:0812.1186;%%",\n  note = "50% more",\n}\n')
    (entry,) = parse_bibliography(text, "refs.bib").sources
    assert [f.message.split()[0] for f in check_specials(entry)] == ["note"]


def test_latex_integrity_is_not_told_in_a_field_no_style_typesets() -> None:
    # A pasted abstract's "github.com/x/ actionformer_release" (real bibliography research-methods-crossling): LR142 "_ outside
    # math". BibTeX's styles never read abstract; biblatex stores it unprinted (a _ or ^ in a stored field harms
    # nothing) and pandoc's CSL styles print it in no bibliography: no document shows or stops at it. A title still
    # is told.
    from litreview.checks.integrity import check_latex

    text = ("@techreport{a,\n  author = {Doe, J.},\n  title = {T},\n  institution = {I},\n  year = {2022},\n"
            "  abstract = {Code at https://github.com/happyharrycn/ actionformer_release.},\n"
            "  annote = {x^2 and y^3},\n}\n"
            "@techreport{b,\n  author = {Doe, J.},\n  title = {The actionformer_release},\n  institution = {I},\n"
            "  year = {2022},\n}\n")
    assert [f.key for entry in parse_bibliography(text, "refs.bib").sources for f in check_latex(entry)] == ["b"]
    # LaTeX written on purpose that does not balance is still told there, as JabRef's checker tells it
    odd = parse_bibliography(text.replace("x^2 and y^3", "\\begin{itemize} \\end{align}"), "refs.bib").sources
    assert [f.key for entry in odd for f in check_latex(entry)] == ["a", "b"]


@pytest.mark.parametrize(("journal", "expected"), [
    ("Journal of Machine Learning Research", False), ("J. Mach. Learn. Res.", False),
    ("Transactions on Machine Learning Research", False), ("Machine Learning", True)])
def test_no_doi_is_expected_of_a_journal_that_registers_none(journal: str, expected: bool) -> None:
    # JMLR (and TMLR) register no DOIs for their articles: "no DOI, but journal articles published since 2000 almost
    # all have one" on scikit-learn's paper (real bibliography diachronic-hebrew, master-thesis) sends the user to look for none.
    entry = _one(f"@article{{a, author = {{Pedregosa, F.}}, title = {{Scikit-learn}}, journal = {{{journal}}}, "
                 "volume = {12}, pages = {2825--2830}, year = {2011}}")
    assert bool(E.doi_expected(entry)) == expected
