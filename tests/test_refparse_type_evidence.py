"""The entry type against the evidence: a DOI's shape does not outweigh a journal's, and a type the fields
contradict is said to be unsure."""

from __future__ import annotations

from litreview.bibliography.refparse import rules
from litreview.bibliography.refparse.combine import combine
from litreview.bibliography.refparse.reference import ParsedReference
from litreview.model import Person

# made up: a journal whose DOIs end in "_" and the first page, as a Springer chapter's end in "_" and its number
JOURNAL = ('Okafor, Ngozi, and Tomas Lind. 2019. "Rainfall and Wages in the Volta Basin." Weather Studies 12 (3): '
           '45–60. https://doi.org/10.5555/ws.12.3.wst1903_0045.')
CHAPTER = ('Okafor, Ngozi. 2019. "Rainfall and Wages." In Climate and Work, edited by Tomas Lind, 45–60. Berlin: '
           'Springer. https://doi.org/10.1007/978-3-030-12345-6_4.')
NO_IN = ('Okafor, Ngozi. 2019. "Rainfall and Wages." Climate and Work, 45–60. Berlin: Springer. '
         'https://doi.org/10.1007/3-540-12345-6_4.')


def test_a_container_with_volume_issue_and_pages_is_a_journal_whatever_its_doi_ends_with():
    ref = rules.parse_reference(JOURNAL)
    assert (ref.type, ref.container, ref.volume, ref.issue) == ("article", "Weather Studies", "12", "3")


def test_a_chapters_doi_still_makes_a_chapter_of_a_container_with_no_journal_numbers():
    assert rules.parse_reference(CHAPTER).type == "incollection"
    assert rules.parse_reference(NO_IN).type == "incollection"


def _reading(kind: str, **fields: object) -> ParsedReference:
    return ParsedReference(raw=JOURNAL, type=kind, authors=(Person(family="Okafor", given="Ngozi"),),
                           title="Rainfall and Wages in the Volta Basin", container="Weather Studies", volume="12",
                           issue="3", pages="45–60", year="2019", **fields)  # type: ignore[arg-type]


def test_a_chapter_read_where_the_fields_print_a_journals_numbers_is_unsure_of_its_type():
    crf = _reading("incollection")
    rules_reading = _reading("article", uncertain=("type",))
    assert "type" in combine(crf, rules_reading).uncertain


def test_an_article_read_with_a_journals_numbers_is_sure_of_its_type():
    assert "type" not in combine(_reading("article"), _reading("article")).uncertain


def test_a_chapter_printed_after_in_is_sure_of_its_type_whatever_numbers_follow():
    raw = 'Okafor, Ngozi. 2019. "Rainfall and Wages." In Weather Studies 12 (3): 45–60.'
    crf = _reading("incollection").replace(raw=raw)
    assert "type" not in combine(crf, _reading("article", uncertain=("type",)).replace(raw=raw)).uncertain
