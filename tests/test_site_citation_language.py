"""The site's citations and reference list in the words of the document's language, as citeproc's locales give
them ("und", "u. a.", "o. J."; "e", "s.d.", "a cura di"), English for a language without terms."""

from __future__ import annotations

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.render.citation import Citations
from litreview.render.short_labels import PLAIN

BIB = r"""
@book{two, author = {M{\"u}ller, Anna and Klein, Bernd}, title = {Talk <b>Shows</b>}, publisher = {Verlag}, year = {2006}}
@book{three, author = {Doe, Jane and Roe, Rick and Poe, Paul}, title = {Three}, publisher = {P}, year = {2011}}
@misc{undated, author = {Berne, Eric}, title = {Games & <i>People</i>}}
@incollection{chapter, author = {Roe, Rick}, editor = {Hill, Harry and Vale, Vera}, title = {A Chapter},
  booktitle = {A Book}, publisher = {P}, year = {2001}}
@book{edited, editor = {Hill, Harry and Vale, Vera}, title = {Edited}, publisher = {P}, year = {2003}}
"""
SOURCES = {s.key: s for s in parse_bibliography(BIB, "x.bib").sources}


@pytest.mark.parametrize(("language", "key", "short"), [
    ("de-DE", "two", "Müller und Klein 2006"),
    ("de", "three", "Doe u. a. 2011"),
    ("de", "undated", "Berne o. J."),
    ("it-IT", "two", "Müller e Klein 2006"),
    ("it", "three", "Doe et al. 2011"),
    ("it", "undated", "Berne s.d."),
    ("", "two", "Müller and Klein 2006"),
    ("eo", "undated", "Berne n.d."),  # a language with no terms: English
])
def test_label_in_the_document_language(language, key, short):
    assert Citations().reference(SOURCES[key], PLAIN, language).short == short


def test_reference_list_in_german_escaped():
    ref = Citations().reference(SOURCES["two"], PLAIN, "de")
    assert ref.html == "Müller, Anna, und Bernd Klein. <i>Talk &lt;b&gt;Shows&lt;/b&gt;</i>. Verlag, 2006."
    assert Citations().reference(SOURCES["chapter"], PLAIN, "de").text == (
        "Roe, Rick. “A Chapter.” In A Book, herausgegeben von Harry Hill und Vera Vale. P, 2001.")
    assert Citations().reference(SOURCES["edited"], PLAIN, "de").text.startswith("Hill, Harry, und Vera Vale, Hrsg.")


def test_reference_list_in_italian_escaped():
    undated = Citations().reference(SOURCES["undated"], PLAIN, "it")
    assert undated.short == "Berne s.d." and "&lt;i&gt;People&lt;/i&gt;" in undated.html
    assert Citations().reference(SOURCES["chapter"], PLAIN, "it").text == (
        "Roe, Rick. “A Chapter.” In A Book, a cura di Harry Hill e Vera Vale. P, 2001.")
    assert Citations().reference(SOURCES["edited"], PLAIN, "it").text.startswith("Hill, Harry, e Vera Vale, a c. di.")


def test_one_object_keeps_each_language_apart():
    citations = Citations()
    assert citations.reference(SOURCES["two"], PLAIN, "de").short == "Müller und Klein 2006"
    assert citations.reference(SOURCES["two"], PLAIN).short == "Müller and Klein 2006"


def test_essay_page_prints_the_front_matter_language(tmp_path):
    from test_site_essay_markup import essay_html

    (tmp_path / "e.md").write_text("---\nlang: de-DE\n---\n\nWir zitieren [@two; @three; @undated].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    page = essay_html(tmp_path, "e.md", "refs.bib")
    assert ">Müller und Klein 2006<" in page and ">Doe u. a. 2011<" in page and ">Berne o. J.<" in page
    assert "Talk &lt;b&gt;Shows&lt;/b&gt;" in page and "<b>Shows" not in page
    assert " and Klein" not in page and "n.d." not in page
