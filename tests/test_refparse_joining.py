"""Cutting a reference list pasted from a PDF, wrapped anywhere, back into its references (``joining.join_lines``)."""

from __future__ import annotations

import textwrap

import pytest

from litreview.bibliography.refparse.joining import join_lines


def _cut(refs: list[str], width: int) -> list[str]:
    lines = [line for ref in refs for line in textwrap.wrap(ref, width, break_on_hyphens=False)]
    return [text for _, text in join_lines(lines)]


_GICK = "Mayer, C., Gick, B. and E. Ferch. Talking while chewing: Speaker response to natural perturbation " \
        "of speech. Canadian Acoustics 37(3), 144-145, 2009."
_WENDT = "Wendt, Alexander. Social Theory of International Politics. New York: Cambridge University Press, 2014."


@pytest.mark.parametrize("unclosed", [
    "Gattellari M, Voigt KJ, Butow PN: When the treatment goal is not cure. J Clin Oncol 20: 503-13, 2002",
    "Beekman, John, and John Callow. 1974. Translating the Word of God. Grand Rapids, MI: Zondervan",
    "Protass, Jason. “Toward a Spatial History of Chan.” Review of Religion and Chinese Society. Vol. 3, no. 2 "
    "(2016), 164–188",
])
def test_a_line_cut_short_with_no_stop_closes_its_reference_when_the_next_opens_with_names(unclosed):
    # no full stop at the end ("… 2002", "… Zondervan"): the room left on the line says the reference ended there
    refs = [_GICK, unclosed, "Borazjani, I., Sotiropoulos, F., Tytell, E. D. & Lauder, G. V. Hydrodynamics of the "
            "bluegill sunfish C-start escape response. J. Exp. Biol. 215, 671-684, 2012.", _WENDT]
    assert _cut(refs, 60) == refs


def test_a_line_cut_short_before_an_and_or_a_comma_goes_on():
    refs = ["Lynch, M., and B. Walsh. 1998. Genetics and analysis of quantitative traits. Sinauer Associates, and",
            "Smith, J. Some title. Oxford, 2004.", _WENDT]
    assert _cut(refs, 60) == [f"{refs[0]} {refs[1]}", _WENDT]


@pytest.mark.parametrize("opening", [
    "Hacker J., “Privatizing Risk without Privatizing the Welfare State”, American Political Science Review, 2004.",
    "DULONG R., « Les opérateurs de factualité », Politix, 10, 39 (1997), pp. 65-85.",
])
def test_family_name_and_initial_with_a_stop_and_a_comma_open_a_reference(opening):
    # the line above is full: only how the line opens tells a new reference
    first = ["Follet, D. (2008). Point/Counterpoint, Part Deux: Two Teacher",
             "Scholars Continue Their Debate. CMS National Conference, 49."]
    lines = [*first, *textwrap.wrap(opening, 60), *textwrap.wrap(_WENDT, 60)]
    assert [text for _, text in join_lines(lines)] == [" ".join(first), opening, _WENDT]


def test_a_body_and_its_colon_before_pages_is_the_publisher_of_the_reference_above():
    # "Society of Exploration Geophysicists: G55–G66." names the publisher and the pages, it opens no reference
    ref = ("Uieda L and Barbosa VCF (2012) Robust 3D gravity gradient inversion by planting anomalous densities. "
           "GEOPHYSICS 77(4). Society of Exploration Geophysicists: G55–G66.")
    refs = [ref, "Martinez C and Li Y (2016) Denoising of gravity gradient data. GEOPHYSICS 81(4): G67–G79.", ref]
    lines = textwrap.wrap(ref, 60)
    assert lines[2].startswith("Society of Exploration Geophysicists:")
    assert _cut(refs, 60) == refs


def test_a_long_head_of_names_and_a_year_waits_for_its_title():
    # many authors: the head runs over two lines and more than 160 characters before its title in quotes
    ref = ("Burriss, Robert P., Jolyon Troscianko, P. George Lovell, Anthony J. C. Fulford, Martin Stevens, "
           "Rachael Quigley, Jenny Payne, Tamsin K. Saxton, and Hannah M. Rowland. 2015. “Changes in Women’s "
           "Facial Skin Color over the Ovulatory Cycle Are Not Detectable by the Human Visual System.” PLOS "
           "ONE 10(7):e0130093.")
    lines = textwrap.wrap(ref, 60)
    assert lines[3].startswith("“Changes")
    refs = [_WENDT, ref, "Senn, Stephen. 1993. “Inherent Difficulties with Active Control Equivalence Studies.” "
            "Statistics in Medicine 12 (24): 2367–75."]
    assert _cut(refs, 60) == refs


@pytest.mark.parametrize("container", [
    "Agriculture, Ecosystems & Environment, 249, 215–225.",
    "Geological Society, London, Special Publications 252(1): 1–14.",
])
def test_a_periodical_with_its_volume_opening_a_line_goes_on_the_reference(container):
    # "Agriculture, Ecosystems" is no "Family, Given": a volume and pages follow before any full stop
    first = ["Le Bagousse-Pinguet, Y., Gross, N., Maestre, F. T., Soliveres,",
             "S. (2017). Testing the environmental filtering concept in",
             "global drylands. Ecosystem multifunctionality and its traits."]
    ref = " ".join([*first, container])
    refs = [ref, "Vandvik, V., Skarpaas, O., Klanderud, K. (2020). Biotic rescaling. Ecology 101, e03036.", _WENDT]
    lines = [*first, container, *textwrap.wrap(refs[1], 60), *textwrap.wrap(_WENDT, 60)]
    assert [text for _, text in join_lines(lines)] == refs


def test_a_year_wrapped_alone_under_a_comma_is_the_references_date_not_a_page_number():
    from litreview.bibliography.refparse import find_reference_section

    text = ("Bibliographie\n"
            "DURAND, Gilbert, Les structures anthropologiques de l'imaginaire, Paris, Dunod,\n"
            "1992\n"
            "LATOUR B., WOOLGAR S., La vie de laboratoire. La production des faits scienti-\n"
            "fiques, Paris, La Découverte, 1988\n"
            "Weber, Max (1922): Wirtschaft und Gesellschaft. Tübingen: Mohr\n")
    assert find_reference_section(text)[0] == [
        "DURAND, Gilbert, Les structures anthropologiques de l'imaginaire, Paris, Dunod, 1992",
        "LATOUR B., WOOLGAR S., La vie de laboratoire. La production des faits scientifiques, Paris, La Découverte, 1988",
        "Weber, Max (1922): Wirtschaft und Gesellschaft. Tübingen: Mohr"]


def test_a_full_line_closed_by_a_comma_and_a_year_ends_its_reference_when_names_open_the_next():
    # no stop after "1987" and no room left on the line: the year after a comma and the names below say it
    first = ["MILLET, Catherine, L’art contemporain en France, Paris, Flam-",
             "marion, Collection Art et Histoire de l’art en France, 1987"]
    second = ["Akhtar-Zaidi, B., R. Cowper-Sallari, O. Corradin, and P. C.",
              "Scacheri, Epigenomic enhancer profiling defines a signature",
              "of colon cancer. Science, 2012. 336(6082): p. 736-9."]
    got = [text for _, text in join_lines([*first, *second, *textwrap.wrap(_WENDT, 60)])]
    assert got == ["MILLET, Catherine, L’art contemporain en France, Paris, Flammarion, Collection Art et Histoire "
                   "de l’art en France, 1987", " ".join(second), _WENDT]


def test_a_body_in_capitals_with_no_date_opens_a_reference_as_din_1505_prints_it():
    first = ["MÜLLER, Hans, [kein Datum]. Leitfaden zur Pflege städtischer",
             "Grünanlagen. Berlin: Verlag für Stadtgrün und Landschaftsbau"]
    second = ["STADTWERKE, [kein Datum]. Jahresbericht der Stadtwerke über",
              "das vergangene Geschäftsjahr. Online. Zugriff am 3. Mai 2021."]
    got = [text for _, text in join_lines([*first, *second, *textwrap.wrap(_WENDT, 60)])]
    assert got == [" ".join(first), " ".join(second), _WENDT]


def _rejoined(*refs: list[str]) -> list[str]:
    """The texts ``join_lines`` makes of the lines of ``refs`` (each a reference's lines, as a PDF wrapped it)."""
    return [text for _, text in join_lines([line for ref in refs for line in ref])]


# a reference whose last line is full: the room left on it tells nothing
_FULL = ["Ostrom, Elinor. 1990. Governing the Commons: The Evolution of the",
         "Institutions for Collective Action. Cambridge University Press."]
_LAST = ["Adams, Rita. 2019. Cities of Refuge. London: Verso Books."]


@pytest.mark.parametrize("opening", [
    ["d’Alessio, Marta, and Paul Brandt. 2015. “Rivers and Towns.”", "Journal of Water 12(3):44–59."],
    ["Van Der Meer, Sofie, and Lars Holm. 2011. “Tidal Flats.” Coastal", "Studies 8(1):1–20."],
    ["Čapek, Tomáš, and Łucja Nowak. 2019. “Memory and Place.” Slavic", "Review 78(2):300–21."],
])
def test_a_family_name_with_a_particle_or_a_central_european_capital_opens_a_reference(opening):
    refs = [_FULL, opening, _LAST]
    assert _rejoined(*refs) == [" ".join(ref) for ref in refs]


@pytest.mark.parametrize("opening", [
    ["Lindqvist M and others (2003) Interactive retrieval of images", "with self-organising maps. Helsinki."],
    ["García Pérez H (2017) Redes de música en vivo: una práctica", "colectiva. Universidad de Sevilla."],
    ["Silva R de, Ding X, Moss P, et al. (2005) Two experiences in", "designing for security. In: Proceedings."],
])
def test_vancouver_names_with_others_a_second_family_name_or_a_particle_open_a_reference(opening):
    refs = [["Brown T, Green A (2014) Rivers of the north and their towns and", "their ports. J Hydrol 12: 33-41, Oxford University Press."],
            opening, ["Okafor C, Bell D (2018) A study of towns. Urban Rev 4: 1-9."]]
    assert _rejoined(*refs) == [" ".join(ref) for ref in refs]


def test_a_body_in_lower_case_and_its_year_in_brackets_opens_an_apa_reference():
    refs = [["Xie, Y. (2023). A general-purpose package for dynamic reports in R.", "Retrieved from https://example.org/packages/knitr/dynamic/reports/"],
            ["World health organization. (2022). How programmes contribute to", "social cohesion in the region."],
            ["Adams, R. (2019). Cities of refuge. London: Verso."]]
    assert _rejoined(*refs) == [" ".join(ref) for ref in refs]


def test_a_body_and_a_quoted_title_open_a_reference():
    refs = [["ICRC, «Colombia report», aprile 18, 2012.", "https://www.example.org/en/doc/resources/colombia-report-2012.htm."],
            ["European Commission, «Sudan», aprile 10, 2024.", "https://www.example.org/where/africa/sudan_en."],
            _LAST]
    assert _rejoined(*refs) == [" ".join(ref) for ref in refs]


_ENDED_2013 = ["Lessler, J. and Cummings, D. A. T.: Mechanistic models of disease,",
               "Epidemiology, 178, 1505–1512, https://doi.org/10.1093/aje/kwt133, 2013."]
_ENDED_2014 = ["Pritchard, B.: Trends in nuclear physics authorship, letters and", "journals. CoRR. abs/1411.1899, (2014)."]


@pytest.mark.parametrize("opening", [
    ["Anon: Escape from the ivory tower: a history of functional", "languages, 2017."],
    ["OECD: Perspectives on global development 2012: Social cohesion", "in a shifting world, OECD, 2012."],
    ["numpy/numpy: https://github.com/numpy/numpy, last access: 16", "December 2019."],
    ["Large Scale Distributed Deep Networks:", "http://research.example.com/archive/large_deep_networks.html, 2012."],
])
def test_a_name_before_a_colon_opens_a_reference_after_one_that_ended(opening):
    # Copernicus and LNCS: "…, 2013." and "…, (2014)." end a reference; an author with no initials, a body, a
    # repository or a title with no author opens the next with its colon
    refs = [_ENDED_2013, opening, _ENDED_2014, opening, ["Yaglom, I. M.: Felix Klein and Sophus Lie, Boston, 1988."]]
    assert _rejoined(*refs) == [" ".join(ref) for ref in refs]


def test_a_harvard_head_closed_by_a_year_after_a_comma_goes_on_with_a_title_and_its_colon():
    # "Chen, L.-C., 2018." wrapped before its title: "Mobilenetv2: Inverted …" is that title, not an author
    refs = [["Bergstra, J. and Bengio, Y., 2012. Random search for optimization.", "Journal of Machine Learning Research, 13, pp.281–305."],
            ["Sandler, M., Howard, A., Zhu, M., Zhmoginov, A. and Chen, L.-C., 2018.",
             "Mobilenetv2: Inverted residuals and linear bottlenecks. In: Proceedings",
             "of the Conference on Computer Vision, pp.4510–4520."], _LAST]
    assert _rejoined(*refs) == [" ".join(ref) for ref in refs]


def test_a_title_in_capitals_goes_on_with_a_line_opening_like_a_name_in_capitals():
    # DIN 1505: "FAMILY, Given, 2020." opens a reference; under a title in capitals, "KENYA, …" goes on it
    refs = [["OKELLO, Ruth und Samuel MWANGI, 2020. FACTORS OF INTEGRATION OF RESETTLED",
             "PERSONS IN THE COUNTY OF NAKURU, KENYA. Social Sciences Journal. 17 Oktober",
             "2020. Bd. 7, Nr. 10, S. 140–153"],
            ["MCLEAN, Alex, 2011. Artist-Programmers and Programming Languages for the", "Arts. PhD thesis. University of London"]]
    assert _rejoined(*refs) == [" ".join(ref) for ref in refs]


def test_accents_written_as_marks_of_their_own_cut_as_composed_letters_do():
    # a PDF's "Kovalčı́k" (a dotless i and a combining accent): the names and year alone go on with the title
    refs = [["Zhang, Wei. 2018. “Video Retrieval at Scale.” IEEE Transactions on", "Multimedia 20(12):3361–76."],
            ["Lokoč, Jakub, Gregor Kovalc\u030cı\u0301k, Tomáš Souček, and Přemysl C\u030cech. 2019.",
             "“VIRET: A Video Retrieval Tool for Known-Item Search.” Pp. 177–81 in",
             "Proceedings of the Conference on Multimedia Retrieval."], _LAST]
    assert _rejoined(*refs) == [" ".join(ref) for ref in refs]


def test_a_bare_number_labels_a_body_in_lower_case():
    lines = ["1 Aid NC, Sweden C of. Social cohesion in the region – an assessment. 2019.",
             "2 unrefugees. Crisis explained. 2024", "https://www.example.org/news/crisis-explained/",
             "3 Smith J, Brown A. A study of towns. Urban Rev 2018; 4: 1-9."]
    assert [text for _, text in join_lines(lines)] == [
        "1. Aid NC, Sweden C of. Social cohesion in the region – an assessment. 2019.",
        "2. unrefugees. Crisis explained. 2024 https://www.example.org/news/crisis-explained/",
        "3. Smith J, Brown A. A study of towns. Urban Rev 2018; 4: 1-9."]


@pytest.mark.parametrize(("broken", "mended"), [
    (["Agence France-Presse. 2012. “US Seeks Clarification.” Al-Jazeera, February 6. http://www.",
      "aljazeera.com/news/middleeast/2012/02/20122681640947860.html."],
     "http://www.aljazeera.com/news/middleeast/2012/02/20122681640947860.html."),
    (["Abbas, Muhammad. 2013. “Fixed-point filters.” IEEE Transactions on Circuits 60: 926–937. http://dx.",
      "doi.org/10.1109/TCSI.2013.2244272."], "http://dx.doi.org/10.1109/TCSI.2013.2244272."),
    (["Kruschke, John K. 2015. Doing Bayesian Data Analysis: A Tutorial with R. Academic Press /",
      "Elsevier."], "Academic Press / Elsevier."),
])
def test_an_address_broken_after_a_dot_is_mended_and_a_slash_between_words_keeps_its_spaces(broken, mended):
    refs = [_FULL, broken, _LAST]
    got = _rejoined(*refs)
    assert len(got) == 3 and got[1].endswith(mended)


@pytest.mark.parametrize("line", ["zu Guttenberg, K., 2011. Title.", "vom Stein, K. Title.", "ibn Khaldun, A. Title.",
                                  "della Porta, D. Title.", "des Forges, A. Title."])
def test_a_reference_opens_with_any_particle_of_the_projects_table(line):
    from litreview.bibliography.refparse.joining import OPENS

    assert OPENS.match(line) is not None


@pytest.mark.parametrize("labels", [("[35] ", "10. "), ("35. ", "10. ")])
def test_a_volume_wrapped_to_a_line_start_in_a_numbered_paragraph_is_no_label(labels):
    from litreview.bibliography.refparse.joining import one_per_line

    # Vancouver's "vol. 10." wrapped after "vol.": the "10." opens no reference of a list numbered otherwise or on
    para = [f"{labels[0]}Okafor N, Lind T. Applied rainfall statistics. vol.", f"{labels[1]}Cambridge: CUP; 2019."]
    assert not one_per_line(para)
    assert [t for _, t in join_lines(para)] == [" ".join(para)]


def test_lines_numbered_in_turn_are_one_reference_each():
    from litreview.bibliography.refparse.joining import one_per_line

    assert one_per_line(["[1] Okafor N. Rain. Weather 2019;1:2.", "[2] Lind T. Wages. Work 2020;3:4."])
    assert one_per_line(["14. Okafor N. Rain. Weather 2019;1:2.", "16. Lind T. Wages. Work 2020;3:4."])


@pytest.mark.parametrize("names", [
    "Dafoe, Allan, Jonathan Renshon, and Paul Huth, 2014",
    "Dafoe, Allan, Jonathan Renshon, and Paul Huth (2014)",
])
def test_a_quoted_title_after_a_line_ending_in_the_year_goes_on(names):
    # pandoc's Markdown list wrapped after the year: the title in quotes on the next line is the same reference's
    lines = ['Doe, Jane, and Bob Roe. 2014. "A Title." *Journal* 3: 1--9.', names,
             '"Reputation and Status as Motives for War." *Annual Review* 17: 371--93.']
    assert [k for k, _ in join_lines(lines)] == [0, 1]


def test_a_quoted_title_after_a_whole_reference_ending_in_the_year_opens_the_next():
    lines = ['Doe, Jane, and Bob Roe. 2014. "A Title." *Journal* 3: 1--9.', "Smith, J. Rivers. Paris, Flammarion, 1987",
             '"Anonymous Title." *Annual Review* 17 (2015): 371--93.']
    assert [k for k, _ in join_lines(lines)] == [0, 1, 2]
