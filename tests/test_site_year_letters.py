"""Labels that two entries would print alike carry citeproc's year letter ("Uieda and Barbosa 2012a")."""

from __future__ import annotations

import re

from litreview.bibliography.load import parse_bibliography
from litreview.essay.markdown import parse_markdown
from litreview.linking import link
from litreview.model import Review
from litreview.render.layout import Layout
from litreview.render.site import render_site, source_page_digests

# Chicago author-date letters a group (same names, same year) in its bibliography order: by title here,
# "Fatiando" before "Gravity"; the key order says the opposite, so a letter by key would be wrong.
BIB = """
@article{uieda2012b, title={Fatiando a Terra}, author={Uieda, Leonardo and Barbosa, Val{\\'e}ria}, year={2012},
         journal={J}}
@article{uieda2012, title={Gravity in spherical coordinates}, author={Uieda, Leonardo and Barbosa, Val{\\'e}ria},
         year={2012}, journal={J}}
@article{uieda2013, title={Other}, author={Uieda, Leonardo and Barbosa, Val{\\'e}ria}, year={2013}, journal={J}}
@article{roe2012, title={Alone}, author={Roe, Jane}, year={2012}, journal={J}}
"""
ESSAY = "Gravity is computed [@uieda2012]. The software exists [@uieda2012b]. More [@uieda2013; @roe2012].\n"


def _review(bib: str = BIB) -> Review:
    bibliography = parse_bibliography(bib)
    essay = parse_markdown(ESSAY)
    return Review(bibliography=bibliography, essay=essay, metadata={},
                  linkage=link(essay, bibliography, None, metadata={}), findings=())


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_entries_printed_alike_get_letters_in_the_styles_order_everywhere_the_site_labels_them() -> None:
    site = render_site(_review(), Layout())
    essay, bib = _text(str(site["essay.md"])), _text(str(site["bibliography.md"]))
    for page in (essay, bib):
        assert "Uieda and Barbosa 2012a" in page and "Uieda and Barbosa 2012b" in page
        assert "Uieda and Barbosa 2013 " in page and "Roe 2012 " in page  # no one else prints alike: no letter
    assert "cited as Uieda and Barbosa 2012a" in _text(str(site["sources/uieda2012b.md"]))
    assert "cited as Uieda and Barbosa 2012b" in _text(str(site["sources/uieda2012.md"]))
    assert "cited as Uieda and Barbosa 2013 " in _text(str(site["sources/uieda2013.md"]))


def test_a_source_pages_cache_key_changes_when_another_entry_changes_its_letter() -> None:
    # Adding a third "Uieda and Barbosa 2012" that sorts first turns 2012a into 2012b on uieda2012b's page,
    # though nothing of that entry or its claims changed.
    before = source_page_digests(_review())
    added = BIB + "@article{uieda2012c, title={Almost first}, author={Uieda, Leonardo and Barbosa, Val{\\'e}ria}, " \
                  "year={2012}, journal={J}}\n"
    after = source_page_digests(_review(added))
    assert after["sources/uieda2012b.md"] != before["sources/uieda2012b.md"]
    assert after["sources/uieda2013.md"] == before["sources/uieda2013.md"]
    assert "cited as Uieda and Barbosa 2012b" in _text(str(render_site(_review(added), Layout())["sources/uieda2012b.md"]))


# Different people of one family name, or author lists whose first names match, print their given names or more
# names before a letter, as Chicago author-date does through citeproc (pandoc's output for these entries).
PEOPLE = """
@article{john, title={Alpha}, author={Smith, John}, year={2012}, journal={J}}
@article{anna, title={Beta}, author={Smith, Anna}, year={2012}, journal={J}}
@article{jane, title={Gamma}, author={Smith, Jane}, year={2012}, journal={J}}
@article{john2, title={Again}, author={Smith, John}, year={2012}, journal={J}}
@article{bullroe, title={Delta}, author={Bull, Ann and Roe, Bob and Poe, Carl}, year={2012}, journal={J}}
@article{bulldoe, title={Eps}, author={Bull, Ann and Doe, Dan and Poe, Carl}, year={2012}, journal={J}}
@article{kaylee, title={Z1}, author={Kay, Ann and Lee, Bob}, year={2010}, journal={J}}
@article{kaylee2, title={Z2}, author={Kay, Ann and Lee, Carl}, year={2010}, journal={J}}
@article{vu1, title={V1}, author={Vu, Ann and Roe, Bob and Doe, Carl}, year={2016}, journal={J}}
@article{vu2, title={V2}, author={Vu, Ann and Roe, Bob and Doe, Cleo}, year={2016}, journal={J}}
@article{smith2013, title={Other}, author={Smith, Anna}, year={2013}, journal={J}}
"""


def test_people_of_one_family_name_and_lists_printed_alike_are_told_apart_by_names_before_letters() -> None:
    from litreview.render.short_labels import PLAIN, marks, short_label

    sources = {s.key: s for s in parse_bibliography(PEOPLE).sources}
    shown = marks(sources.values())
    labels = {key: short_label(source, shown.get(key, PLAIN)) for key, source in sources.items()}
    assert labels == {
        "john": "John Smith 2012b", "john2": "John Smith 2012a",  # the same person: a letter, by title
        "jane": "Jane Smith 2012",  # "J." would read like John's
        "anna": "A. Smith 2012",  # initials suffice
        "bullroe": "Bull, Roe, et al. 2012", "bulldoe": "Bull, Doe, et al. 2012",
        "kaylee": "Kay and B. Lee 2010", "kaylee2": "Kay and C. Lee 2010",
        "vu1": "Vu, Roe, and Carl Doe 2016", "vu2": "Vu, Roe, and Cleo Doe 2016",
        "smith2013": "Smith 2013",  # no other Smith in 2013
    }


def test_the_site_prints_given_names_where_family_names_read_alike_and_keys_pages_by_them() -> None:
    bib = """
@article{john, title={Alpha}, author={Smith, John}, year={2012}, journal={J}}
@article{roe2012, title={Alone}, author={Roe, Jane}, year={2012}, journal={J}}
"""
    essay = "One [@john]. Two [@roe2012].\n"

    def review(text: str) -> Review:
        bibliography, parsed = parse_bibliography(text), parse_markdown(essay)
        return Review(bibliography=bibliography, essay=parsed, metadata={},
                      linkage=link(parsed, bibliography, None, metadata={}), findings=())

    before = source_page_digests(review(bib))
    added = bib + "@article{anna, title={Beta}, author={Smith, Anna}, year={2012}, journal={J}}\n"
    site = render_site(review(added), Layout())
    assert "cited as J. Smith 2012" in _text(str(site["sources/john.md"]))
    assert "J. Smith 2012" in _text(str(site["essay.md"])) and "A. Smith 2012" in _text(str(site["bibliography.md"]))
    after = source_page_digests(review(added))
    assert after["sources/john.md"] != before["sources/john.md"]  # its label changed with another entry
    assert after["sources/roe2012.md"] == before["sources/roe2012.md"]
