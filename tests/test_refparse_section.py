"""Finding a document's reference section and cutting it into one string per reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.bibliography.refparse import find_reference_section
from litreview.errors import InputError

A = "Holsti, K. J. Taming the Sovereigns. Cambridge: Cambridge University Press, 2004."
B = "Wendt, Alexander. Social Theory of International Politics. New York: Cambridge University Press, 2014."


def test_heading_is_found_case_insensitively_and_its_line_reported():
    text = f"Intro paragraph.\n\nCITATIONS\n\n{A}\n\n{B}\n"
    refs, line = find_reference_section(text)
    assert refs == [A, B]
    assert line == 5


@pytest.mark.parametrize("heading", ["## Bibliography", "# Works Cited", "References:", "**References**"])
def test_markdown_and_decorated_headings(heading):
    refs, _ = find_reference_section(f"Body.\n\n{heading}\n\n{A}\n")
    assert refs == [A]


def test_the_last_heading_wins_over_a_table_of_contents():
    text = f"References\nIntro\n\nBody text here.\n\nReferences\n\n{A}\n"
    assert find_reference_section(text)[0] == [A]


def test_a_web_pages_comment_form_ends_the_section():
    text = f"Citations\n\n{A}\n\nLeave a Reply\n\nYour email address will not be published.\n"
    assert find_reference_section(text)[0] == [A]


def test_the_next_heading_ends_the_section():
    text = f"References\n\n{A}\n\nAppendix\n\nA table of results follows.\n"
    assert find_reference_section(text)[0] == [A]


def test_footnotes_after_an_unnumbered_list_end_it():
    text = f"References\n\n{A}\n\n[1] A footnote about the method.\n"
    assert find_reference_section(text)[0] == [A]


def test_a_reference_wrapped_over_lines_is_joined():
    wrapped = A.replace(" Institutional", "\nInstitutional").replace("Taming the", "Taming\nthe")
    assert find_reference_section(f"References\n\n{wrapped}\n")[0] == [A]


def test_without_a_heading_each_paragraph_is_a_reference():
    assert find_reference_section(f"{A}\n\n{B}\n")[0] == [A, B]


def test_without_blank_lines_each_line_is_a_reference():
    assert find_reference_section(f"{A}\n{B}\n") == ([A, B], 1)


def test_named_section():
    text = f"Sources consulted\n\n{B}\n\nReferences\n\n{A}\n"
    assert find_reference_section(text, "Sources consulted")[0] == [B]


def test_empty_file_is_an_input_error_with_the_path():
    with pytest.raises(InputError, match="empty") as info:
        find_reference_section("  \n\n", path="essay.txt")
    assert info.value.path == "essay.txt"


def test_missing_named_section_is_an_input_error():
    with pytest.raises(InputError, match="Works Cited"):
        find_reference_section(f"References\n\n{A}\n", "Works Cited", path="essay.txt")


def test_empty_section_is_an_input_error_with_its_line():
    with pytest.raises(InputError, match="empty") as info:
        find_reference_section("Body.\n\nReferences\n\nLeave a Reply\n", path="essay.txt")
    assert info.value.line == 3


PDF_CASES = sorted((Path(__file__).parent / "cases" / "refparse_pdf").glob("*.txt"))


@pytest.mark.parametrize("path", PDF_CASES, ids=[p.stem for p in PDF_CASES])
def test_a_list_pasted_from_a_pdf_is_joined_into_references(path):
    # expected strings written by hand: one per reference, line breaks joined
    # ("refer-" + "ences" is mended: a hyphen at the line end that splits a word goes, see _glue)
    want = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert find_reference_section(path.read_text(encoding="utf-8"))[0] == want


def test_a_numbered_list_starts_a_reference_only_at_the_next_number():
    text = "References\n1. Smith J. A title that runs on to\n2019. Other words. J Things. 2019;1:1-2.\n2. Doe J. B. J X. 2020;2:3-4.\n"
    refs, _ = find_reference_section(text)
    assert refs == ["1. Smith J. A title that runs on to 2019. Other words. J Things. 2019;1:1-2.",
                    "2. Doe J. B. J X. 2020;2:3-4."]



# An unnumbered list wrapped where a line happens to open with a number and a full stop.
_STRAY_NUMBERS = [
    ("Abbott, Kenneth W. 2000. Hard and Soft Law. Zeitschrift für Politik,\n23. Jahrgang, Heft 4: 401-19.",
     "Barnett, Michael. 2004. Rules for the World. Ithaca: Cornell University Press.",
     "Keohane, Robert. 1984. After Hegemony. World Politics, vol.\n10. Princeton: Princeton University Press.",
     "Krasner, Stephen. 1983. International Regimes. Ithaca: Cornell."),
    ("Smith, J. (2019). Climate data. World Bank,\n2020. Retrieved from https://example.org/a",
     "Jones, K. (2018). Rivers. Nature 3: 1-9.",
     "Lee, H. (2017). Lakes. Science, vol.\n12. Wiley.",
     "Kim, A. (2016). Seas. Cell 2: 3-4."),
    # "vol." closes the line and the year is known: a volume opening the line is no reference either
    ("Lee, H. 2017. Lakes. Science, vol.\n12. Wiley.",
     "Kim, A. 2016. Seas. Cell 2: 3-4."),
]


@pytest.mark.parametrize("refs", _STRAY_NUMBERS)
def test_a_number_opening_a_wrapped_line_does_not_number_the_list(refs):
    text = "References\n" + "\n".join(refs) + "\n"
    assert find_reference_section(text)[0] == [r.replace("\n", " ") for r in refs]


def test_a_dash_opening_a_wrapped_line_does_not_bullet_the_list():
    refs = ["Barnett, M. 2004. Rules. Ithaca: Cornell.", "Abbott, K. 2000. Law. International Organization 54 (3): 421\n- 456.",
            "Müller, H. 2005. Inklusion\n– wo liegt das Ziel? Berlin: VS.", "Lee, H. 2017. Lakes. Science."]
    text = "References\n" + "\n".join(refs) + "\n"
    assert find_reference_section(text)[0] == [r.replace("\n", " ") for r in refs]


def test_a_bulleted_list_may_follow_a_line_of_introduction():
    text = "References\nWorks cited in this chapter:\n- Smith, J. 2001. Title. Nature.\n- Jones, K. 2002. Other. Science.\n"
    assert find_reference_section(text)[0] == ["Works cited in this chapter:", "Smith, J. 2001. Title. Nature.",
                                               "Jones, K. 2002. Other. Science."]


def test_a_numbered_list_is_cut_at_its_run_of_numbers_past_a_stray_number_and_a_gap():
    refs = ["1. Abbott, K. 2000. Law. Zeitschrift für Politik,\n23. Jahrgang: 401-19.", "2. Barnett, M. 2004. Rules.",
            "3. Lee, H. 2017. Lakes. Science, vol.\n5. Wiley.",  # a volume: "4." is still to come
            "4. Kim, A. 2016. Seas.", "5. Ng, A. 2011. Data.",
            "7. Ruggie, J. 1982. Regimes.",  # "6." lost in the paste: the run goes on after it
            "8. Weber, M. 1922. Wirtschaft.\n10. Auflage: Mohr."]  # a stray "10." at the end is no label
    text = "References\n" + "\n".join(refs) + "\n"
    assert find_reference_section(text)[0] == [r.replace("\n", " ") for r in refs]


@pytest.mark.parametrize("edition", ["2. Aufl. Wiesbaden: Springer VS, 2018.", "2. Auflage. Wiesbaden: VS, 2018.",
                                     "2. ed. London: Routledge, 2018.", "2. edn. London: Routledge, 2018."])
def test_a_line_carrying_the_next_number_but_going_on_with_an_edition_continues_the_reference(edition):
    text = f"Literatur\n1. Müller, Hans: Einführung in die Soziologie.\n{edition}\n2. Schmidt, Petra: Theorie. Berlin 2019.\n"
    refs, _ = find_reference_section(text)
    assert refs == [f"1. Müller, Hans: Einführung in die Soziologie. {edition}", "2. Schmidt, Petra: Theorie. Berlin 2019."]

# Lists as people paste them: other languages, bullets, superscripts, a PDF's page furniture and hyphens.

@pytest.mark.parametrize("heading", ["REFERÊNCIAS", "Literaturverzeichnis", "Bibliographie",
                                     "Referencias bibliográficas", "Références bibliographiques", "Bibliografía",
                                     "Works Consulted", "Selected Bibliography", "References Cited"])
def test_headings_in_other_languages_are_not_taken_as_a_reference(heading):
    assert find_reference_section(f"{heading}\n\n{A}\n\n{B}\n") == ([A, B], 3)


@pytest.mark.parametrize("bullet", ["- ", "• ", "* ", "– "])
def test_a_bulleted_list_is_one_reference_per_bullet_without_the_bullet(bullet):
    text = f"Sources\n{bullet}{A}\n{bullet}{B.replace(' New York', chr(10) + '  New York')}\n\nLeave a comment\n"
    assert find_reference_section(text)[0] == [A, B]


def test_superscript_labels_number_the_list():
    refs, _ = find_reference_section(f"References\n¹ {A}\n² {B}\n")
    assert refs == [f"1. {A}", f"2. {B}"]


def test_a_pdfs_page_numbers_and_running_heads_are_dropped_and_the_reference_rejoined():
    text = ("References\n"
            "Holsti, K. J. Taming the Sovereigns. Cambridge: Cambridge\n"
            "\n24                                  Journal of Global Studies\n\n"
            "University Press, 2004.\n"
            "Page 12 of 14\n"
            "Wendt, Alexander. Social Theory of International Politics. New York: Cambridge\n"
            "Global Governance and Its Discontents          25\n"
            "University Press, 2014.\n"
            "17\n")
    assert find_reference_section(text)[0] == [A, B]


def test_a_place_and_state_line_continues_the_reference():
    text = ("Bibliography\n"
            "World Bank. 2017. World Development Report 2017: Governance and the Law.\n"
            "Washington, DC: World Bank.\n"
            f"{A}\n")
    assert find_reference_section(text)[0] == [
        "World Bank. 2017. World Development Report 2017: Governance and the Law. Washington, DC: World Bank.", A]


@pytest.mark.parametrize(("broken", "joined"), [
    ('"Hard and Soft Law in Interna-\ntional Governance."', '"Hard and Soft Law in International Governance."'),
    ("Ithaca, NY: Cornell Univer-\nsity Press.", "Ithaca, NY: Cornell University Press."),
    ("Measures of self-\nesteem in children.", "Measures of self-esteem in children."),
    ("Pre-\ntraining of deep networks.", "Pre-training of deep networks."),
    ("Jean-\nPaul Sartre.", "Jean-Paul Sartre."),
    # a capitalised word and a compound's second part: "Chicago-based", not "Chicagobased"
    ("A Chicago-\nbased study.", "A Chicago-based study."),
    ("The US-\nled coalition.", "The US-led coalition."),
    # the same ends after a lower-case syllable are the word's own: "called", "stubborn"
    ("They cal-\nled it stub-\nborn.", "They called it stubborn."),
    ("ISBN 978-0-\n670-02110-9.", "ISBN 978-0-670-02110-9."),
    ("https://doi.org/10.1162/\n002081800551280.", "https://doi.org/10.1162/002081800551280."),
])
def test_a_word_hyphenated_at_the_line_end_is_mended_and_a_compound_kept(broken, joined):
    refs, _ = find_reference_section(f"References\n\nAbbott, Kenneth W. 2000. {broken}\n")
    assert refs == [f"Abbott, Kenneth W. 2000. {joined}"]


@pytest.mark.parametrize("body", [
    "World Health Organization. Global Tuberculosis Report 2020. Geneva: WHO, 2020.",
    "World Health Organization. 2020. Global Tuberculosis Report. Geneva: WHO.",
    "National Research Council (NRC). 2010. Climate Stabilization Targets. Washington, DC: NAP.",
    "World Health Organization, 2020. Global Tuberculosis Report. Geneva: WHO.",
    "World Health Organization. Depression: A Global Crisis. Geneva: WHO, 2012.",  # a title with a colon
])
def test_a_corporate_author_after_a_closed_line_opens_a_reference(body):
    # an unindented, unnumbered list wrapped at any word: the line after a closed, dated reference
    # opens a new one when it opens with a body's name
    first = "Abbott, Kenneth W. 2000. Hard and Soft Law in\nInternational Governance. International Organization 54."
    words = body.split(" ")
    text = f"References\n{first}\n{' '.join(words[:8])}\n{' '.join(words[8:])}\n"
    refs, _ = find_reference_section(text)
    assert refs == [first.replace("\n", " "), body]


@pytest.mark.parametrize("line", ["Oxford University Press.", "Cambridge University Press. https://doi.org/10.1/x",
                                  "Foreign Policy Association Press. Washington, DC.", "World Bank. https://example.org/wdr",
                                  "World Bank. Retrieved from https://example.org/wdr"])
def test_a_publisher_or_an_address_after_a_closed_line_goes_on_the_reference(line):
    text = f"References\nAbbott, Kenneth W. (2000). Hard and Soft Law in International Governance.\n{line}\n"
    refs, _ = find_reference_section(text)
    assert refs == [f"Abbott, Kenneth W. (2000). Hard and Soft Law in International Governance. {line}"]


@pytest.mark.parametrize(("reference", "body"), [
    # the line above is closed and dated; the body's name is followed by a place: it issued the reference above
    ("U.S. Congress. 1990. Foreign Aid Hearings.", "Senate Committee on Foreign Relations. Washington: GPO."),
    ("Baker, James. 1990. Testimony.", "Senate Committee on Foreign Relations. Washington, DC: GPO."),
    ("Smith, J. 2001. Annual Report on Trade.", "Department of Commerce. New York: Commerce Office."),
    # the line above is not closed, or has no year yet
    ("U.S. Congress. Senate. 1990. Hearing before the", "Senate Committee on Foreign Relations. Washington: GPO."),
    ("Baker, James. Testimony. In", "Senate Committee on Foreign Relations. 1990. Hearings. Washington: GPO."),
    ("Baker, James. Testimony to the Senate.", "Senate Committee on Foreign Relations. Hearings, 1990. Washington."),
])
def test_a_body_issuing_the_reference_above_goes_on_it(reference, body):
    after = "Abbott, Kenneth W. 2000. Hard and Soft Law. International Organization 54."
    refs, _ = find_reference_section(f"References\n{reference}\n{body}\n{after}\n")
    assert refs == [f"{reference} {body}", after]


@pytest.mark.parametrize("end", ['in Proc. ICLR, 2015.', "Int. Organ. 54 (3): 421–56.", "https://doi.org/10.1/x",
                                 "doi:10.1162/002081800551280"])
def test_a_body_s_acronym_after_a_finished_reference_opens_one(end):
    # the line above is dated and ends as a reference does: a year after a comma, pages, a DOI, an address
    first = f'D. P. Kingma and J. Ba, "Adam: A method for stochastic\noptimization," Learn. 2015 (1), {end}'
    body = "IEEE Standard for Floating-Point Arithmetic, IEEE Std 754-2019, 2019."
    refs, _ = find_reference_section(f"References\n{first}\n{body}\n")
    assert refs == [first.replace("\n", " "), body]


@pytest.mark.parametrize("reference", [
    "Smith, J. (2001).\nAIDS Research in Africa. London: Zed.",  # the year after the author: the title follows
    "Smith, J. 2001.\nNBER Working Paper 8123. Cambridge, MA: NBER.",
    "Smith, J. 2001. Trade. Cambridge, MA: MIT Press, 2001.\nJSTOR, www.jstor.org/stable/123.",
])
def test_an_acronym_going_on_with_the_reference_stays_on_it(reference):
    refs, _ = find_reference_section(f"References\n{reference}\n")
    assert refs == [reference.replace("\n", " ")]


def test_a_hyphenated_compound_written_so_elsewhere_in_the_list_keeps_its_hyphen():
    text = ("References\n\nSmith, J. 2001. Low-cost cross-\ncheck methods. Nature.\n"
            "Jones, K. 2002. Decision-\nmaking under risk. Science.\nLee, H. 2003. On decision-making. Cell.\n")
    refs, _ = find_reference_section(text)
    assert refs[:2] == ["Smith, J. 2001. Low-cost cross-check methods. Nature.",
                        "Jones, K. 2002. Decision-making under risk. Science."]


def test_markdown_emphasis_is_dropped_but_not_from_addresses_or_words():
    text = ("## Citations\n\n1. Wolf, Maryanne. *Proust and the Squid*. New York: Harper, 2007.\n"
            "2. Snake_case, A. __Bold Title__. https://example.org/a_b_c/_x_/. 2001.\n")
    assert find_reference_section(text)[0] == [
        "1. Wolf, Maryanne. Proust and the Squid. New York: Harper, 2007.",
        "2. Snake_case, A. Bold Title. https://example.org/a_b_c/_x_/. 2001."]


@pytest.mark.parametrize(("first", "second"), [
    # IEEE: "D. P. Kingma and J. Ba," opens a reference as "D. P. Kingma," does
    ('L. Breiman, "Random forests," Mach. Learn., vol. 45, no. 1, pp. 5–32, 2001.',
     'D. P. Kingma and J. Ba, "Adam: A method for stochastic optimization," in Proc. ICLR, 2015.'),
    # an organisation and its year, Harvard and APA
    ("Giddens, A. (1984) The constitution of society. Cambridge: Polity Press.",
     "Office for National Statistics (2021) Population estimates for the UK. London: ONS."),
    ("IPCC. (2021). Climate Change 2021. Retrieved from https://www.ipcc.ch/report/ar6/wg1/",
     "NASA. (n.d.). Evidence. Accessed June 1, 2023. https://climate.nasa.gov/evidence/"),
    # ABNT: an organisation in capitals
    ("SILVA, João. Educação. Revista Brasileira, v. 15, p. 123-145, 2010. DOI: 10.1590/S1413-24782010000200001.",
     "BRASIL. Ministério da Educação. Base Nacional Comum Curricular. Brasília: MEC, 2018."),
])
def test_wrapped_references_of_many_styles_are_cut_where_the_next_one_opens(first, second):
    def wrap(ref: str) -> str:
        words = ref.split(" ")
        return " ".join(words[:6]) + "\n" + " ".join(words[6:])
    text = f"References\n{wrap(first)}\n{wrap(second)}\n"
    assert find_reference_section(text)[0] == [first, second]


def test_a_line_before_the_references_year_continues_it():
    # "Continuum, 1983." reads like "Family, 1983." but the reference above has no date yet
    text = ("Works Cited\nMorrison, Toni, editor. Black Women Writers at Work.\nContinuum, 1983.\n"
            "Lee H, Park S. Machine learning in radiology.\nRadiology. 2018 Mar;286(3):800-9.\n")
    assert find_reference_section(text)[0] == [
        "Morrison, Toni, editor. Black Women Writers at Work. Continuum, 1983.",
        "Lee H, Park S. Machine learning in radiology. Radiology. 2018 Mar;286(3):800-9."]


def test_a_hanging_indent_marks_where_each_reference_opens():
    text = ("References\n"
            "Smith, Jane. \"Rural Memory in Postwar Italy.\" PhD diss., University of Chicago,\n"
            "    2015.\n"
            "National Research Council. Climate Intervention. Washington, DC: National\n"
            "\tAcademies Press, 2015.\n")
    assert find_reference_section(text)[0] == [
        "Smith, Jane. \"Rural Memory in Postwar Italy.\" PhD diss., University of Chicago, 2015.",
        "National Research Council. Climate Intervention. Washington, DC: National Academies Press, 2015."]


def test_one_indented_line_in_a_list_at_the_margin_is_no_hanging_indent():
    text = ("References\nHolsti, K. J. Taming the Sovereigns.\nCambridge: Cambridge University Press, 2004.\n"
            "Wendt, Alexander. Social Theory of International Politics.\n"
            "      New York: Cambridge University Press, 2014.\n")
    assert find_reference_section(text)[0] == [A, B]


def test_headings_within_the_list_do_not_end_it():
    text = (f"Bibliography\n\nPrimary Sources\n\n{A}\n\nSecondary Sources\n\n{B}\n\n"
            "Appendix\n\nA table of results follows.\n")
    assert find_reference_section(text)[0] == [A, B]


def test_letters_heading_groups_of_a_long_list_are_dropped():
    assert find_reference_section(f"References\nH\n{A}\nW\n{B}\n")[0] == [A, B]


def test_a_list_numbered_1_paren_is_cut_at_each_number():
    text = "References\n1) Smith J. Aspirin. N Engl J Med. 2019;380:1123-31.\n2) Lee H. Radiology. 2018;286:800-9.\n"
    assert find_reference_section(text)[0] == ["1. Smith J. Aspirin. N Engl J Med. 2019;380:1123-31.",
                                               "2. Lee H. Radiology. 2018;286:800-9."]


@pytest.mark.parametrize(("broken", "joined"), [
    ("https://doi.org/10.1111/jsr.\n13245", "https://doi.org/10.1111/jsr.13245"),
    ("doi:10.1056/NEJMoa18\n12345", "doi:10.1056/NEJMoa1812345"),
    ("Retrieved from https://www.cdc.gov/vaccines/hesitancy.\nhtml", "Retrieved from https://www.cdc.gov/vaccines/hesitancy.html"),
    ("https://example.org/rivers?id=\n12&lang=en", "https://example.org/rivers?id=12&lang=en"),
    ("https://example.org/rivers.\naccessed 3 May 2020.", "https://example.org/rivers. accessed 3 May 2020."),
    ("https://example.org/2019/03\n/12/lakes", "https://example.org/2019/03/12/lakes"),  # a path going on
    ("https://example.org/notes-on\n-lakes", "https://example.org/notes-on-lakes"),
])
def test_an_address_or_doi_broken_at_the_line_end_is_mended(broken, joined):
    text = f"References\nNguyen, T. (2021). Sleep. J Sleep Res, 30(4). {broken}\n{A}\n"
    assert find_reference_section(text)[0] == [f"Nguyen, T. (2021). Sleep. J Sleep Res, 30(4). {joined}", A]


def test_a_page_number_between_dashes_is_dropped():
    text = f"References\n{A}\n                      – 24 –\n{B}\n"
    assert find_reference_section(text)[0] == [A, B]


@pytest.mark.parametrize("note", ["Ibid., 14.", "Ibid.", "Ebd., S. 3.", "Op. cit., p. 12."])
def test_a_note_that_points_back_is_no_reference(note):
    assert find_reference_section(f"Endnotes\n¹ {A}\n² {note}\n³ {B}\n")[0] == [f"1. {A}", f"3. {B}"]


@pytest.mark.parametrize("text", [
    "References\n" + "words of a reference that never closes\n" * 3000,  # was 29 s: each line searched all before it
    "References\n\nSmith, J. 2001. " + "*a " * 20000 + "\n",  # emphasis markers without pairs
    "References\n\nSmith, J. 2001. " + "<http:" * 20000 + "\n",  # one long word, no address in it
    "References\n\nSmith, J. 2001. a" + " [PubMed]" * 5000 + "x\n",  # link labels that do not end the line
])
def test_a_long_unbroken_block_is_cut_in_linear_time(text):
    import time

    start = time.process_time()
    find_reference_section(text)
    assert time.process_time() - start < 2.0


def test_markdown_links_keep_their_text_and_the_address():
    text = ("## References\n\n"
            "- Wu, L. (2018). [Rivers and their people](https://example.org/rivers). London: Verso.\n"
            "- Brown, K. (2019). Flood plains. J Hydrol 12: 45–67. "
            "[doi:10.1016/j.jhydrol.2019.01.001](https://doi.org/10.1016/j.jhydrol.2019.01.001)\n"
            "- Smith, J. (2020). Water. Oxford University Press. <https://doi.org/10.1093/oso/1>\n")
    assert find_reference_section(text)[0] == [
        "Wu, L. (2018). Rivers and their people. London: Verso. https://example.org/rivers",
        "Brown, K. (2019). Flood plains. J Hydrol 12: 45–67. doi:10.1016/j.jhydrol.2019.01.001",
        "Smith, J. (2020). Water. Oxford University Press. https://doi.org/10.1093/oso/1"]


def test_a_paragraph_whose_lines_each_have_a_year_is_one_reference_when_a_line_does_not_close():
    text = ("References\n\nJones, K. (2015). The world in 1914: A history. Oxford: Oxford University Press,\n"
            f"Reprinted 2005.\n\n{A}\n")
    assert find_reference_section(text)[0] == [
        "Jones, K. (2015). The world in 1914: A history. Oxford: Oxford University Press, Reprinted 2005.", A]


def test_a_journal_pages_link_labels_are_no_references():
    text = (f"References\n\n{A}\n\nArticle  ADS  CAS  Google Scholar\n\n"
            f"{B}\nWiley Online Library | CAS | PubMed | Web of Science® | Google Scholar\n\n"
            "Breiman L (2001) Random forests. Mach Learn 45:5–32\nCrossRefView Record in ScopusGoogle Scholar\n\n"
            "Lee H. A note. Nature. 2001;410:1-2. [PubMed] [Google Scholar]\n")
    assert find_reference_section(text)[0] == [A, B, "Breiman L (2001) Random forests. Mach Learn 45:5–32",
                                               "Lee H. A note. Nature. 2001;410:1-2."]


def test_wikipedias_back_link_marks_are_bullets():
    text = f"References\n^ {A}\n^ a b {B}\n^ a b c \"River levels\". BBC News. 12 March 2019.\n"
    assert find_reference_section(text)[0] == [A, B, "\"River levels\". BBC News. 12 March 2019."]


def test_a_list_numbered_with_bare_numbers_is_cut_at_each_number_in_sequence():
    text = ("References\n1 Smith J, Jones K. Effect of aspirin. N Engl\nJ Med 2019;380:1123-31.\n"
            "2 Lee H. Machine learning. Radiology. Published\n12 March 2018;286:800-9.\n")
    assert find_reference_section(text)[0] == [
        "1. Smith J, Jones K. Effect of aspirin. N Engl J Med 2019;380:1123-31.",
        "2. Lee H. Machine learning. Radiology. Published 12 March 2018;286:800-9."]


def test_a_label_alone_on_its_line_numbers_the_reference_below_it():
    text = f"References\n1.\n{A}\n[2]\n\n{B}\n"
    assert find_reference_section(text)[0] == [f"1. {A}", f"[2] {B}"]


def test_a_markdown_essays_footnotes_and_markup_are_no_references():
    text = (f"Text.[^1]\n\n## References\n\n::: {{#refs}}\n\n<div class=\"csl-entry\">\n\n{A}\n\n</div>\n\n"
            f"<!-- keep sorted -->\n\n{B}\n\n:::\n\n[^1]: See also the discussion in chapter 2.\n")
    assert find_reference_section(text)[0] == [A, B]


def test_a_year_in_brackets_wrapped_to_its_own_line_opens_no_reference():
    # Nature closes a reference with "(2019)."; wrapped alone on a line it is no "(1)" label
    first = "Roe, A. et al. Lake levels of the north. Preprint at https://example.org/abs/2005.01234"
    second = "Poe, B. Rivers and their people. Nature 5, 1-2 (2018)."
    text = f"References\n{first}\n(2019).\n{second}\n"
    assert find_reference_section(text)[0] == [f"{first} (2019).", second]


def test_a_parenthesis_opened_at_the_line_end_goes_on_to_the_next_line():
    # "(A." + "Roe, Trans.)": the translator's initial ends the line, the next reads like a new reference
    text = f"References\nDoe, J. (2001). A history of rivers (A.\nRoe, Trans.). Lake Press.\n{A}\n"
    assert find_reference_section(text)[0] == ["Doe, J. (2001). A history of rivers (A. Roe, Trans.). Lake Press.", A]
    # closed on its own line: the next line opens a reference as before
    text = f"References\nDoe, J. (2001). A history of rivers (Vol. 2). Lake Press.\n{A}\n"
    assert find_reference_section(text)[0] == ["Doe, J. (2001). A history of rivers (Vol. 2). Lake Press.", A]


def test_names_and_a_year_wrapped_before_the_title_go_on_to_the_next_line():
    # an author-date head alone on its line: the quoted title on the next line is no new reference
    text = f'References\nRoe, Anna, and Ben Poe. 2011.\n"Lakes of the North." Journal of Lakes 4 (2): 1–20.\n{A}\n'
    assert find_reference_section(text)[0] == [
        'Roe, Anna, and Ben Poe. 2011. "Lakes of the North." Journal of Lakes 4 (2): 1–20.', A]
    # a whole reference ending with its place and year, and one with a title in lower case, still end there
    text = f"References\nSmith, John. Rivers. London, 2001.\n{A}\n"
    assert find_reference_section(text)[0] == ["Smith, John. Rivers. London, 2001.", A]
    text = 'References\nRoe, A. Lakes of the north. 2011.\n"Rivers." Lake Journal 4: 1–20. 2012.\n'
    assert len(find_reference_section(text)[0]) == 2


def test_a_din_list_with_no_closing_stops_is_cut_at_each_name_in_capitals():
    # ISO 690 in German as pandoc's citeproc prints it: no stop at the end of a reference
    text = ("Literatur\n\nBRETT, Matthew und Jean-Luc ANTON, 2002. Region of interest analysis using an SPM\n"
            "toolbox. Neuroimage. 2002. Bd. 16, Nr. 2, S. 1140–1141\nKUHN, Thomas S, 1997. The structure of\n"
            "scientific revolutions. University of Chicago press Chicago\nSILVA, Ana, 2010. Capítulo. In:\n"
            "COSTA, Maria (org.). Livro. São Paulo: Ática, 2010\n")
    assert find_reference_section(text)[0] == [
        "BRETT, Matthew und Jean-Luc ANTON, 2002. Region of interest analysis using an SPM toolbox. Neuroimage. "
        "2002. Bd. 16, Nr. 2, S. 1140–1141",
        "KUHN, Thomas S, 1997. The structure of scientific revolutions. University of Chicago press Chicago",
        "SILVA, Ana, 2010. Capítulo. In: COSTA, Maria (org.). Livro. São Paulo: Ática, 2010"]  # "In:" goes on


def test_sage_harvard_names_before_a_year_in_brackets_and_an_editors_head_are_read():
    text = ("References\n\nColeridge ST (1983) The Collected Works of Samuel Taylor Coleridge. Routledge and\n"
            "Kegan Paul.\nMaron M (2000) Animal Triste (trans. B Goldstein). University of Nebraska\nPress.\n"
            "Lipcoll, David J., and A. H. Sameh, eds. 1977.\nHigh Speed Computer and Algorithm Organization. New York:\n"
            "Academic Press.\n")
    assert find_reference_section(text)[0] == [
        "Coleridge ST (1983) The Collected Works of Samuel Taylor Coleridge. Routledge and Kegan Paul.",
        "Maron M (2000) Animal Triste (trans. B Goldstein). University of Nebraska Press.",
        "Lipcoll, David J., and A. H. Sameh, eds. 1977. High Speed Computer and Algorithm Organization. New York: "
        "Academic Press."]


# A list wrapped at one width (about 60 columns here); each reference's last line leaves room on it.
_SHORT_LAST_LINES = """References
Aristotle, and David W. Lucas. Poetics. Oxford: Clarendon
Press, 1968.
ARISTOTLE. Physics. Translated by Philip H. Wicksteed and
Francis M. Cornford. Putnam, 1929.
jupyter/notebook. GitHub repository. Last accessed 14
October 2022. https://github.com/jupyter/notebook.
Goossens, Michel, Frank Mittelbach, and Alexander Samarin.
The LaTeX Companion. Reading, MA: Addison-Wesley, 1994.
"""


def test_a_line_that_left_room_for_the_next_word_closed_its_reference():
    # "ARISTOTLE." and "jupyter/notebook." open like no name pattern: the short line above them says the
    # reference there was over
    refs, _ = find_reference_section(_SHORT_LAST_LINES)
    assert [r.split()[0] for r in refs] == ["Aristotle,", "ARISTOTLE.", "jupyter/notebook.", "Goossens,"]


def test_a_full_line_or_a_long_word_that_would_not_fit_says_nothing():
    # "Lucas. Poetics." fills its line; a long address wrapped to the next line leaves room that it
    # could not have taken: both references go on
    first = ("Aristotle, and David W. Lucas. Poetics. Oxford: Clarendon\n"
             "Press, 1968. Online at\n"
             "https://archive.org/details/aristotlepoetics0000aris_r4v8.\n")
    refs, _ = find_reference_section("References\n" + first + _SHORT_LAST_LINES.split("\n", 3)[3])
    assert refs[0].startswith("Aristotle, and") and refs[0].endswith("r4v8.")
    assert refs[1].startswith("ARISTOTLE.")


def test_a_line_ending_with_an_initial_goes_on_with_the_names():
    first = ("Gustafsson, Oscar, and Lars Wanhammar. 2013. “Arithmetic.” In\n"
             "Handbook of Signal Processing Systems, edited by Shuvra S.\n"
             "Bhattacharyya, Ed F. Deprettere, and Rainer Leupers. New\n"
             "York: Springer.")
    second = ("Johansson, Kenny, and Lars Wanhammar. 2008. “Implementation\n"
              "of Elementary Functions.” IET Computers 2 (4): 295–304.")
    refs, _ = find_reference_section(f"References\n{first}\n{second}\n")
    assert refs == [first.replace("\n", " "), second.replace("\n", " ")]


@pytest.mark.parametrize("reference", [
    # DIN 1505 / ISO 690: the periodical's name, its date, then its volume: no body and its year opening a reference
    "HALBESLEBEN, Jonathon RB und M. Ronald BUCKLEY, 2004. Pluralistic ignorance: Historical development and\n"
    "organizational applications. Management Decision. 2004. Bd. 42, Nr. 1, S. 126–138",
    "DICKERSIN, K., Y. I. MIN und C. L. MEINERT, 1992. Factors influencing publication of research results.\n"
    "JAMA. 15 Januar 1992. Bd. 267, Nr. 3, S. 374–378. DOI 10.1001/jama.1992.03480210049019",
    # a place and its country's code before a semicolon is no "Family, Given"
    "STANDING, Guy, 2014. The precariat: The new dangerous class. Second edition, revised and extended.\n"
    "London, UK ; New York, NY: Bloomsbury Academic, an imprint of Bloomsbury Publishing Plc, 2016.",
])
def test_a_periodical_or_a_place_opening_a_line_goes_on_the_reference(reference):
    other = "GREENWALD, Anthony G., 1975. Consequences of prejudice against the null hypothesis. Psychological\n" \
            "Bulletin. 1975. Bd. 82, Nr. 1, S. 1–20."
    refs, _ = find_reference_section(f"References\n{reference}\n{other}\n")
    assert refs == [reference.replace("\n", " "), other.replace("\n", " ")]


def test_a_reference_with_no_date_ends_on_a_line_cut_short():
    # the line leaves room for "Minton," and the next opens as a reference does: no date is needed to see it
    text = """References
R Core Team. R: A Language and Environment for Statistical Computing.
Vienna: R Foundation for Statistical Computing.
Minton, Jonathan. 2014. “Real Geographies and Virtual Landscapes:
Exploring the Influence on Place and Space on Mortality Lexis
Surfaces.” Spatial and Spatio-Temporal Epidemiology 9: 49–66.
"""
    refs, _ = find_reference_section(text)
    assert [r.split()[0] for r in refs] == ["R", "Minton,"]


def test_a_place_and_its_colon_opening_a_line_go_on_the_reference():
    reference = ("Binswanger, Otto. 1914. Die seelischen Wirkungen des Krieges. Zweite Auflage.\n"
                 "Berlin, Deutschland: Deutsche Verlags-Anstalt.")
    other = "Freud, Sigmund. 1915. Zeitgemäßes über Krieg und Tod. Imago 4 (1): 1–21."
    refs, _ = find_reference_section(f"References\n{reference}\n{other}\n")
    assert refs == [reference.replace("\n", " "), other]


@pytest.mark.parametrize(("first", "second"), [
    # a body named with "at" and its year
    ("U.S. International Trade Commission (2026) Harmonized tariff schedule of the United\n"
     "States, revision 15. Available at: https://hts.usitc.gov/ (accessed 12 December 2023).",
     "The Budget Lab at Yale (2026) Introducing the tariff rate tracker. New Haven: Yale University."),
    # DIN 1505: a body in capitals and its year, after a reference that ends with no stop
    ("OSTRIKER, Abigail und Anna RUSSO, 2022. The effects of floodplain regulation on housing\n"
     "markets. Working paper. 2022",
     "UNITED STATES CONGRESS, 1968. National flood insurance act of 1968. Pub. L. No. 90–448."),
    # Copernicus: a body before a colon
    ("Qin, S. and Voorheis, J. L.: Flood risk, insurance, and housing in the united states, National\n"
     "Bureau of Economic Research, 2026.",
     "Congressional Budget Office: Flood insurance in communities at risk of flooding, Washington, DC, 2024."),
    # a body whose name opens with a dotted acronym
    ("Mulder, P., 2024. Mismeasuring risk: The welfare effects of flood risk information. Available at\n"
     "SSRN 4966795.",
     "U.S. Government Accountability Office, 2023. Flood insurance: FEMA’s new rate-setting methodology."),
    # SAGE Harvard: two authors as "Family G and Family G (year)"
    ("Ortega J (2000) Pareto-improving immigration in an economy with equilibrium unemployment. The\n"
     "Economic Journal 110(460): 92–112.",
     "Chassamboulli A and Palivos T (2014) A search-equilibrium approach to the effects of immigration."),
    # a title in guillemets
    ("Marcheford, Peter, «The title of the work», Stanford, Vernier Art Center, marzo 1993.",
     "«Well seriously, lol.», Master’s thesis, Charles University in Prague, 1364."),
])
def test_a_line_opening_as_a_reference_does_after_a_finished_one_opens_one(first, second):
    refs, _ = find_reference_section(f"References\n{first}\n{second}\n")
    assert refs == [first.replace("\n", " "), second]


@pytest.mark.parametrize("reference", [
    # Copernicus prints the DOI before the year: "…/820136," + "2002." keeps its space
    "Clear, T.: Design and usability in security systems: Daily life as a context of use?, SIGCSE\n"
    "Bull., 34, 13–14, https://doi.org/10.1145/820127.820136,\n2002.",
    # an address ending with "/" keeps its space before a bracket
    "Grolemund, Garrett, and Hadley Wickham. 2011. “Dates and Times Made Easy with Lubridate.” Journal\n"
    "of Statistical Software 40 (3): 1–25. https://www.jstatsoft.org/v40/i03/\n(June 6, 2019).",
    # a line that is a place alone
    "U.S. Government Accountability Office, 2023. Flood insurance: FEMA’s new rate-setting methodology\n"
    "improves actuarial soundness but highlights need for broader program reform. Report GAO-23-105977.\n"
    "Washington, DC.",
])
def test_a_wrapped_reference_is_joined_whole_and_spaced_as_printed(reference):
    refs, _ = find_reference_section(f"References\n{reference}\n")
    assert refs == [reference.replace("\n", " ")]


def test_pandocs_rendered_bibliography_div_is_the_section_without_a_heading():
    # `pandoc --citeproc -t markdown` writes the list into ::: {#refs ...} with no heading: the body's paragraphs
    # were read as references too (four "references" for two), and init found no section.
    text = ("Intro text (Doe 2000).\n\nA longer second paragraph that cites (Roe 2010) and goes on a while.\n\n"
            "::::: {#refs .references .csl-bib-body .hanging-indent}\n::: {#ref-a .csl-entry}\n"
            "Doe, Jane. 2000. *Tides and Waves*. P.\n:::\n\n::: {#ref-b .csl-entry}\n"
            'Roe, Rob. 2010. "On the Sea." *J. Oceans* 3: 1--9.\n:::\n:::::\n')
    refs, line = find_reference_section(text)
    assert refs == ["Doe, Jane. 2000. Tides and Waves. P.", 'Roe, Rob. 2010. "On the Sea." J. Oceans 3: 1--9.']
    assert line == 7
    with pytest.raises(InputError, match="no section headed 'Works'"):
        find_reference_section(text, "Works")


@pytest.mark.parametrize("rest", ["5.", "055."])
def test_a_number_left_alone_by_an_address_broken_before_its_end_is_no_label(rest):
    # a DOI broken at a hyphen or a dot leaves a number on a line of its own, which the list's next label would be
    text = ("References\n\n1. Blad, A. Optimization for filter architectures. CSSP 29 (2010): 81–101. "
            "https://doi.org/10.1007/s00034-009-9116-\n" + rest + "\n2. Johansson, H. Linear-phase interpolation. "
            "IEEE Transactions 52 (2005): 2197–2207.\n")
    refs, _ = find_reference_section(text)
    assert refs == ["1. Blad, A. Optimization for filter architectures. CSSP 29 (2010): 81–101. "
                    f"https://doi.org/10.1007/s00034-009-9116-{rest}",
                    "2. Johansson, H. Linear-phase interpolation. IEEE Transactions 52 (2005): 2197–2207."]


def test_a_label_alone_on_its_line_still_labels_the_next_reference():
    text = "References\n\n1.\nBlad, A. Optimization. CSSP 29 (2010): 81–101.\n2.\nJohansson, H. Interpolation. 2005.\n"
    assert find_reference_section(text)[0] == ["1. Blad, A. Optimization. CSSP 29 (2010): 81–101.",
                                               "2. Johansson, H. Interpolation. 2005."]


def test_labels_alone_on_their_lines_that_do_not_start_at_one_or_skip_a_number_still_label():
    # a list copied from its middle, or with a reference left out: only under a broken address is a number no label
    text = ("References\n14.\nSmith, J. (2001). A first book. London: Penguin.\n15.\nDoe, A. (2002). A second book. "
            "Paris: Seuil.\n17.\nRoe, B. (2003). A third book. Berlin: Springer.\n")
    assert find_reference_section(text)[0] == ["14. Smith, J. (2001). A first book. London: Penguin.",
                                               "15. Doe, A. (2002). A second book. Paris: Seuil.",
                                               "17. Roe, B. (2003). A third book. Berlin: Springer."]


def test_a_year_in_brackets_alone_on_its_line_is_no_label():
    text = ("References\nIbbetson, J. P., and U. K. Mishra, Appl. Phys. Lett. 77, pp. 250–2\n(2000)\n"
            "Gattellari M, Voigt KJ: When the treatment goal is not cure. J Clin Oncol 20: 503-13, 2002\n")
    assert find_reference_section(text)[0] == [
        "Ibbetson, J. P., and U. K. Mishra, Appl. Phys. Lett. 77, pp. 250–2 (2000)",
        "Gattellari M, Voigt KJ: When the treatment goal is not cure. J Clin Oncol 20: 503-13, 2002"]


# `pandoc --citeproc -t plain` (and many Word or PDF exports) print the reference list after the text with no
# heading: every paragraph of the text was taken as a reference.
PROSE = ("Sleep loss impairs attention in ways that accumulate over days, and the effect is larger in shift "
         "workers than in students (Holsti 2004; Wendt 2014). We ask whether the same holds for adolescents, "
         "whose sleep need is larger and whose schedules are set by school start times rather than by choice.")
C = "Dhingra, S., Zack, M., Strine, T. 2011. Determining Prevalence. Psychiatric Services 62 (4): 396-403."


def test_an_unheaded_list_after_the_text_is_taken_alone():
    text = f"A Title\n\nIntroduction\n\n{PROSE}\n\n{PROSE}\n\n{A}\n\n{B}\n\n{C}\n"
    refs, line = find_reference_section(text)
    assert refs == [A, B, C]
    assert line == 9


def test_the_unheaded_list_and_its_lines_are_told():
    from litreview.bibliography.refparse.section import unheaded_list

    text = f"{PROSE}\n\n{PROSE}\n\n{A}\n\n{B}\n\n{C}\n"
    assert unheaded_list(text) == (4, 8)
    assert unheaded_list(f"{A}\n\n{B}\n\n{C}\n") is None  # a list alone: the whole file
    assert unheaded_list(f"{PROSE}\n\n{PROSE}\n") is None


def test_a_reference_within_the_unheaded_list_that_opens_otherwise_is_kept():
    odd = "The Chicago Manual of Style. 17th ed. Chicago: University of Chicago Press, 2017."
    text = f"{PROSE}\n\n{PROSE}\n\n{A}\n\n{odd}\n\n{B}\n\n{C}\n"
    assert find_reference_section(text)[0] == [A, odd, B, C]


def test_a_list_alone_whose_first_reference_opens_otherwise_loses_nothing():
    odd = "The Chicago Manual of Style. 17th ed. Chicago: University of Chicago Press, 2017."
    assert find_reference_section(f"{odd}\n\n{A}\n\n{B}\n\n{C}\n")[0] == [odd, A, B, C]


def test_prose_that_ends_in_short_dated_paragraphs_is_not_taken_for_a_list():
    text = f"{PROSE}\n\n{PROSE}\n\nWe thank the funders (grant 2019-44).\n\nData are archived since 2020.\n"
    assert len(find_reference_section(text)[0]) == 4


def test_prose_after_reference_like_paragraphs_is_no_unheaded_list():
    from litreview.bibliography.refparse.section import unheaded_list

    text = f"{PROSE}\n\n{A}\n\n{B}\n\n{C}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n"
    assert unheaded_list(text) is None


def test_footnotes_after_an_unheaded_list_are_passed_over():
    from litreview.bibliography.refparse.section import unheaded_list

    text = f"{PROSE}\n\n{PROSE}\n\n{A}\n\n{B}\n\n{C}\n\n[1] See Holsti, 14.\n\n[2] Ibid.\n"
    assert unheaded_list(text) == (4, 8)  # the list ends before the footnotes
    assert find_reference_section(text)[0] == [A, B, C]


def test_the_first_references_of_an_unheaded_list_that_open_otherwise_are_kept():
    first = "Boston university cognitive and neural systems technology lab software repository. 2009 [Online]."
    second = ("Brito da Silva, Leonardo Enzo, and Donald C. Wunsch. 2019. “A Survey of Adaptive Resonance Theory "
              "Neural Network Models for Engineering Applications.” Neural Networks 120: 167–203.")
    text = f"{PROSE}\n\n{PROSE}\n\n{first}\n\n{second}\n\n{A}\n\n{B}\n\n{C}\n"
    assert find_reference_section(text)[0] == [first, second, A, B, C]


def test_an_unheaded_list_numbered_without_points_is_found():
    from litreview.bibliography.refparse.section import unheaded_list

    text = f"{PROSE}\n\n{PROSE}\n\n1 {A}\n\n2 {B}\n\n3 {C}\n"
    assert unheaded_list(text) == (4, 8)


def test_the_numbered_first_references_of_an_unheaded_list_are_kept_though_they_open_otherwise():
    odd = ["Grossberg S. Adaptive resonance theory: how a brain learns to consciously attend, learn, and recognize "
           "a changing world, which is what it does all the time, in every waking moment of the day and night.",
           "Missouri university of science and technology applied computational intelligence laboratory github."]
    text = f"{PROSE}\n\n{PROSE}\n\n1 {odd[0]}\n\n2 {odd[1]}\n\n3 {A}\n\n4 {B}\n\n5 {C}\n"
    assert len(find_reference_section(text)[0]) == 5


def test_dated_footnotes_after_an_unheaded_list_do_not_hide_it():
    from litreview.bibliography.refparse.section import unheaded_list

    notes = "\n\n".join(["[1] Thanks to the funders.", "[2] (Holsti 2004) writes so at length.", "[3] https://x.org/a",
                         "[4] https://x.org/b", "[5] As of 2022 it still does."])
    text = f"{PROSE}\n\n{PROSE}\n\n{A}\n\n{B}\n\n{C}\n\n{notes}\n"
    assert unheaded_list(text) == (4, 8)  # the list ends before the footnotes
    assert find_reference_section(text)[0] == [A, B, C]


def test_a_long_reference_that_opens_otherwise_is_no_prose_above_a_list():
    long = ("The Chicago Manual of Style: The Essential Guide for Writers, Editors, and Publishers, Seventeenth "
            "Edition, Prepared by the Editorial Staff of the University of Chicago Press, With Chapters on "
            "Documentation, Style, Usage, Grammar, Punctuation, Names and Terms, Numbers, Abbreviations and Indexes. "
            "Chicago and London: University of Chicago Press, 2017.")
    odd = "Unsigned Report on Sleep in Schools. Oxford: OUP, 1999."
    assert find_reference_section(f"{odd}\n\n{long}\n\n{A}\n\n{B}\n\n{C}\n")[0] == [odd, long, A, B, C]


NOTES = "\n\n".join(["[1] The paper uses factbooks which were not accessible to us at the time of writing.",
                     "[2] See Appendix 6.3 for the data cleaning steps.", "[3] https://x.org/a",
                     "[4] In the second-stage regression each country is weighted by its residuals, see [1]."])


def test_notes_numbered_again_from_one_after_an_unheaded_numbered_list_are_no_references():
    # pandoc -t plain in a numeric style prints the list "[1] …" … "[3] …", then the document's notes "[1] …"
    refs = [f"[{n}] {r}" for n, r in enumerate((A, B, C), 1)]
    text = "\n\n".join([PROSE, PROSE, *refs, NOTES]) + "\n"
    assert find_reference_section(text)[0] == refs


def test_notes_numbered_again_from_one_after_a_headed_numbered_list_are_no_references():
    refs = [f"[{n}] {r}" for n, r in enumerate((A, B, C), 1)]
    text = "\n\n".join([PROSE, "References", *refs, NOTES]) + "\n"
    assert find_reference_section(text)[0] == refs


def test_a_numbered_list_whose_parts_each_start_at_one_under_their_headings_is_kept_whole():
    text = "\n\n".join(["References", f"[1] {A}", f"[2] {B}", "Secondary sources", f"[1] {C}", f"[2] {A}"]) + "\n"
    assert find_reference_section(text)[0][-2:] == [f"[1] {C}", f"[2] {A}"]


def test_the_hint_for_a_heading_not_found_says_what_leaving_out_section_takes():
    # leaving out --section takes the section under a standard heading, not the whole file: the hint names it
    text = ("Einleitung\n\nA paragraph of prose (Doe 2000).\n\nLiteraturverzeichnis\n\n"
            "Doe, Jane. 2000. Tides and Waves. P.\n\nRoe, Rob. 2010. „On the Sea“. J. Oceans 3: 1–9.\n")
    with pytest.raises(InputError) as caught:
        find_reference_section(text, "Works Cited")
    assert "whole file" not in caught.value.hint
    assert "'Literaturverzeichnis' section (line 5)" in caught.value.hint
    assert "--whole" in caught.value.hint
    # with no standard heading, leaving it out takes the list at the end of the file, else the whole file
    prose = "A paragraph of prose that cites a work (Doe 2000) and goes on " + "and on " * 20 + "to its end."
    listed = (f"Einleitung\n\n{prose}\n\nDoe, Jane. 2000. Tides. P.\n\nRoe, Rob. 2010. Sea. Q.\n\n"
              "Poe, Al. 2011. Wind. R.\n")
    with pytest.raises(InputError) as caught:
        find_reference_section(listed, "Works Cited")
    assert "at the end of the file that read as references (line 5 on)" in caught.value.hint
    with pytest.raises(InputError) as caught:
        find_reference_section("Einleitung\n\nJust prose here.\n", "Works Cited")
    assert "to take the whole file" in caught.value.hint


PIAGET = ("Piaget, Jean. 1972. «The Epistemology of Interdisciplinary\nRelationships». En Interdisciplinarity: "
          "Problems of Teaching and\nResearch in Universities, with Centre for Educational Research and\n"
          "Innovation (OECD). OECD Publications Center, Suite 1207, 1750\nPennsylvania Avenue, N. "
          "https://eric.ed.gov/?id=ED061895.")
SUAREZ = ("Suárez Pascal, C. David. 2015. «El valor de la vida :finalidad y\ncausalidad en las explicaciones de la "
          "biología evolutiva contemporánea».\nDoctorado, Universidad Nacional Autónoma de México.")
KULL = ("Kull, Kalevi. 1999. «Umwelt and evolution: from Uexküll to\npost-Darwinism». En Semiosis. Evolution. "
        "Energy: Towards a\nReconceptualization of the Sign, editado por E. Taborsky. Shaker.")


@pytest.mark.parametrize("paragraphs", [[PIAGET, SUAREZ], [KULL, PIAGET, SUAREZ], [SUAREZ, KULL]])
def test_a_list_of_one_reference_per_paragraph_is_never_cut_inside_a_paragraph(paragraphs):
    # as pandoc --citeproc prints a list (wrapped at 72 columns, a blank line between references): a line
    # "Pennsylvania Avenue, N. https://…" or "Doctorado, Universidad …" opens like a reference, yet goes on
    refs, _ = find_reference_section("\n\n".join(paragraphs) + "\n")
    assert refs == [" ".join(p.split()) for p in paragraphs]


def test_paragraphs_that_each_hold_many_references_are_still_cut():
    # a list pasted from a PDF with a blank line at each page break: its paragraphs are pages, not references
    page = "\n".join([A, B, "Keohane, Robert O. After Hegemony. Princeton: Princeton University Press, 1984."])
    refs, _ = find_reference_section(f"References\n\n{page}\n\n{page}\n")
    assert len(refs) == 6


def test_a_paragraph_whose_lines_each_read_whole_is_one_reference_in_a_list_of_one_per_paragraph():
    # APA and ISO 690 in French, as pandoc --citeproc prints them: the access line and the DOI line hold a year and
    # close, as a reference does, but open like none
    daussin = ("Daussin, C. (2019, avril 11). Présentation d’Omeka [Documentation].\n"
               "Consulté 30 juin 2023, à l’adresse https://omeka.fr/document/38")
    burnard = ("BURNARD, Lou, 2020. What is TEI Conformance, and Why Should You Care?\n"
               "Journal of the Text Encoding Initiative. 2020. N° 12, pp. 1‑22.\nDOI 10.4000/jtei.1777.")
    paragraphs = [daussin, burnard, KULL]
    refs, _ = find_reference_section("\n\n".join(paragraphs) + "\n")
    assert refs == [" ".join(p.split()) for p in paragraphs]


@pytest.mark.parametrize("heading", ["Lähteet", "# Lähdeluettelo", "Kirjallisuus", "## Literatura", "Źródła",
                                     "Piśmiennictwo", "Källor", "Referenser", "Literatuur", "Referenties",
                                     "Litteraturliste", "Kilder"])
def test_headings_in_nordic_dutch_and_polish_are_reference_headings(heading):
    assert find_reference_section(f"{A.replace('.', ',')} is prose.\n\n{heading}\n\n{A}\n\n{B}\n") == ([A, B], 5)


def test_a_heading_of_no_known_name_right_above_the_list_at_the_end_is_named_as_its_heading():
    from litreview.bibliography.refparse.section import heading_above

    prose = " ".join(["Word"] * 45) + "."
    refs = "\n\n".join([f"Doe, J. 200{i}. Title {i}. Press." for i in range(4)])
    text = f"{prose}\n\n# Kaynakca Listesi\n\n{refs}\n"
    assert heading_above(text, 4) == "Kaynakca Listesi"
    assert heading_above(f"{prose}\n\n{refs}\n", 2) is None  # prose above: no heading
