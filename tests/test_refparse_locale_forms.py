"""Reference lists in Catalan, Italian and Spanish as pandoc's citeproc renders them: the list's heading, a locale's
no-date term where the year goes, and what import writes for a book passing ``litreview check``."""

from __future__ import annotations

import pytest

from litreview.bibliography.bibtex_out import to_bibtex
from litreview.bibliography.load import parse_bibliography
from litreview.bibliography.refparse import find_reference_section, parse_references
from litreview.bibliography.refparse.fields import take_url
from litreview.checks.bib import check_required

A = "Holsti, K. J. Taming the Sovereigns. Cambridge: Cambridge University Press, 2004."
B = "Wendt, Alexander. Social Theory of International Politics. New York: Cambridge University Press, 2014."
PROSE = ("Aquest informe analitza els resultats electorals per secció censal, amb models que permeten identificar "
         "patrons de comportament electoral amb un alt grau de detall i fiabilitat.")


@pytest.mark.parametrize("heading", ["Referències", "Referències bibliogràfiques", "Obres citades", "Riferimenti",
                                     "Ouvrages cités"])
def test_a_list_under_a_heading_of_another_language_followed_by_appendices(heading):
    text = f"Introducció\n\n{PROSE}\n\n{PROSE}\n\n{heading}\n\n{A}\n\n{B}\n\nAnnexos\n\n{PROSE}\n\nlibrary(dplyr)\n"
    assert find_reference_section(text) == ([A, B], 9)


@pytest.mark.parametrize(("term", "name"), [("s.d.", "Ministerio del Interior"), ("s.f.", "Ministerio del Interior"),
                                            ("b.d.", "Ministerio del Interior")])
def test_a_no_date_term_where_the_year_goes_is_the_date(term, name):
    ref, = parse_references([f"{name}. {term} Área de Descargas Electorales. https://infoelectoral.interior.gob.es/."])
    assert not ref.year
    assert [p.family for p in ref.authors] == [name]
    assert ref.title == "Área de Descargas Electorales"


def test_a_body_with_its_acronym_in_parentheses_before_a_no_date_term():
    ref, = parse_references(["Instituto Nacional de Estadística (INE). s.d. Condiciones de Vida. "
                             "https://www.ine.es/dyngs/INEbase/es/operacion.htm."])
    assert ref.title == "Condiciones de Vida"
    assert ref.authors and ref.authors[0].family.startswith("Instituto Nacional de Estadística")
    assert "(INE)" not in ref.title


@pytest.mark.parametrize(("written", "url"), [("Https://infoelectoral.interior.gob.es/", "https://infoelectoral.interior.gob.es/"),
                                              ("HTTP://Example.org/A", "http://Example.org/A")])
def test_a_capitalised_scheme_at_a_sentence_start_is_written_in_lower_case(written, url):
    assert take_url(f"Área de Descargas. {written}.")[0] == url


def _lr111(bibtex: str) -> list[str]:
    return [f.code for s in parse_bibliography(bibtex).sources for f in check_required(s, s.fields) if f.code == "LR111"]


@pytest.mark.parametrize(("text", "title", "publisher"), [
    ("Battiato, Sebastiano, Giuseppe Messina, and Rosetta Rizzo. 2014. Image Forensics. Contraffazione Digitale e "
     "Identificazione Della Camera Di Acquisizione: Status e Prospettive. https://www.researchgate.net/publication/242495487.",
     "Image Forensics", ""),
    ("Ferrazzano, Michele. 2014. Indagini Forensi in Tema Di Scambio Di File Pedopornografici Mediante Software Di File "
     "Sharing a Mezzo Peer-to-Peer. Alma Mater Studiorum – Università di Bologna. http://amsdottorato.unibo.it/6697/.",
     "Indagini Forensi in Tema Di Scambio Di File Pedopornografici Mediante Software Di File Sharing a Mezzo "
     "Peer-to-Peer", "Alma Mater Studiorum – Università di Bologna"),
])
def test_an_imported_book_names_no_container_and_passes_the_publisher_check(text, title, publisher):
    ref, = parse_references([text])
    assert not (ref.type == "book" and ref.container)
    assert (ref.title, ref.publisher) == (title, publisher)
    bibtex = to_bibtex([ref])
    assert _lr111(bibtex) == []


@pytest.mark.parametrize("numbers", ["vol. 12, nº 5, pp. 125-150", "vol. 12, n.º 5, pp. 125-150"])
def test_an_issue_labelled_with_the_ordinal_indicator_is_the_issue(numbers):
    # Spanish and Portuguese print "nº" (n and the masculine ordinal indicator), ISO 690 in Spanish among them
    from litreview.bibliography.refparse.fields import parse_numbers

    read = parse_numbers(numbers)
    assert (read.volume, read.issue, read.pages) == ("12", "5", "125–150")
