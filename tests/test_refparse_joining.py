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
