"""Reference lists as pandoc renders them (Chicago author-date, plain text and Markdown): a second author's short
family name in "Given Family" order, a chapter in a numbered volume of an edited book, pandoc's spans and emphasis
in a Markdown list, a meeting's session named after the title."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse import find_reference_section, parse_reference
from litreview.bibliography.refparse.names import scan_names


@pytest.mark.parametrize(("text", "families"), [
    # Chicago prints the second author "Given Family": a two-letter family name is not an abbreviated given name
    ("Hale, Maria, and Ian Ng. 2004. Towns and Rivers. Working Paper 12. Lisbon: Centro.", ["Hale", "Ng"]),
    ("Hale, Maria, Lu Wen, and Tomas Ek. 2004. Towns and Rivers.", ["Hale", "Wen", "Ek"]),
    # a list in the family-first order keeps reading the abbreviated given name as such
    ("Stedman J., Roe Th. 2004. Towns and Rivers.", ["Stedman", "Roe"]),
])
def test_a_short_family_name_after_a_written_out_given_name(text, families):
    found = scan_names(text)
    assert found is not None
    assert [p.family for p in found.persons] == families


def test_a_given_first_name_keeps_its_given_name():
    found = scan_names("Hale, Maria, and Ian Ng. 2004. Towns and Rivers.")
    assert found is not None
    assert (found.persons[1].given, found.persons[1].family) == ("Ian", "Ng")


@pytest.mark.parametrize(("line", "expected"), [
    # pandoc's markdown writer: a title in emphasis holding a span (`{.nocase}` keeps a bib's braces)
    ("Doe, Jane. 2021. *A Survey of Towns - [https://example.org/survey/]{.nocase}*.",
     "Doe, Jane. 2021. A Survey of Towns - https://example.org/survey/."),
    ("Doe, Jane. 2021. *The [DNA]{.nocase} of Towns*. Lisbon: Centro.",
     "Doe, Jane. 2021. The DNA of Towns. Lisbon: Centro."),
    ("Doe, Jane. 2021. “Rivers.” *[Small Caps]{.smallcaps} Review* 3 (2): 1--9.",
     "Doe, Jane. 2021. “Rivers.” Small Caps Review 3 (2): 1--9."),
    # an address's own underscores and brackets stay
    ("Doe, Jane. 2021. Towns. https://example.org/a_b_/c_.", "Doe, Jane. 2021. Towns. https://example.org/a_b_/c_."),
])
def test_a_markdown_lists_spans_and_emphasis_are_read_as_their_text(line, expected):
    refs, _ = find_reference_section(f"# References\n\n::: {{#refs .references}}\n{line}\n:::\n")
    assert refs == [expected]


def test_a_markdown_title_with_a_span_keeps_title_and_address_apart():
    refs, _ = find_reference_section(
        "# References\n\nDoe, Jane. 2021. *A Survey of Towns - [https://example.org/survey/]{.nocase}*.\n")
    ref = parse_reference(refs[0])
    assert "*" not in ref.title and "nocase" not in ref.url
    assert ref.url.startswith("https://example.org/survey/")


def test_a_chapter_in_a_numbered_volume_of_an_edited_book():
    ref = parse_reference("Lima, Paulo. 2012. “A Terra e o Ciclo.” In Paulo Lima: Obras Reunidas, edited by "
                          "Ana Rocha, 3rd ed., Vol. 2. Editora Sul.")
    assert ref.type == "incollection"
    assert ref.container == "Paulo Lima: Obras Reunidas"
    assert (ref.edition, ref.volume, ref.publisher) == ("3rd", "2", "Editora Sul")
    assert ref.volume == "2" and ref.publisher == "Editora Sul"
    assert [(p.family, p.suffix) for p in ref.editors] == [("Rocha", "")]
    assert ref.edition == "3rd"


def test_a_chapter_in_a_numbered_volume_without_editors():
    ref = parse_reference("Lima, Paulo. 2012. “A Terra e o Ciclo.” In Paulo Lima: Obras Reunidas, 3rd ed., "
                          "vol. 2. Editora Sul.")
    assert ref.type == "incollection"
    assert ref.container == "Paulo Lima: Obras Reunidas"
    assert (ref.edition, ref.volume, ref.publisher) == ("3rd", "2", "Editora Sul")


def test_a_meetings_session_after_the_title_is_not_a_journal():
    ref = parse_reference("CEPAL. 2014. Pactos Para La Igualdad. Trigésimo Quinto Período de Sesiones de "
                          "La CEPAL. Período de Sesiones No.35.")
    assert ref.type == "misc" and "type" in ref.uncertain


def test_a_journal_with_session_in_its_name_and_numbers_stays_a_journal():
    ref = parse_reference("Doe, Jane. 2014. “Rivers.” Session Notes 12 (3): 45–67.")
    assert ref.type == "article"
