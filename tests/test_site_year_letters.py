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
