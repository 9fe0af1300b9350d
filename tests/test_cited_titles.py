"""Works cited by their whole title, as Copernicus cites web pages: the title and the year it was accessed, or the
title alone (checked by rendering these entries with pandoc's citeproc and the CSL project's
``copernicus-publications.csl``). The entries are real ones from Manubot's deep review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.bibliography.load import load_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.model import Bibliography

ITEMS = [
    {"id": "weak", "type": "webpage", "title": "Data Programming: Machine Learning with Weak Supervision",
     "URL": "http://hazyresearch.github.io/snorkel/blog/weak_supervision.html", "issued": {"date-parts": [[2016, 9, 19]]},
     "author": [{"given": "Alex", "family": "Ratner"}, {"given": "Stephen", "family": "Bach"},
                {"given": "Chris", "family": "Ré"}]},
    {"id": "dragonn", "type": "webpage", "title": "DragoNN", "URL": "http://kundajelab.github.io/dragonn/",
     "accessed": {"date-parts": [["2020", 2, 29]]}},
    {"id": "features", "type": "webpage", "container-title": "Google Research",
     "title": "Building high-level features using large scale unsupervised learning",
     "URL": "https://research.google/pubs/pub38115/", "issued": {"date-parts": [["2012"]]},
     "accessed": {"date-parts": [["2020", 1, 2]]},
     "author": [{"family": "Le", "given": "Quoc"}, {"family": "Ranzato", "given": "Marc'Aurelio"}]},
    {"id": "snorkel", "type": "article-journal", "title": "Snorkel: rapid training data creation with weak supervision",
     "container-title": "Proceedings of the VLDB Endowment", "issued": {"date-parts": [[2017, 11]]},
     "author": [{"given": "Alexander", "family": "Ratner"}, {"given": "Stephen H.", "family": "Bach"},
                {"given": "Henry", "family": "Ehrenberg"}]},
    {"id": "keras", "type": "webpage", "title": "fchollet/keras", "container-title": "GitHub",
     "URL": "https://github.com/fchollet/keras", "issued": {"date-parts": [[2017]]}},
    {"id": "review", "type": "webpage", "title": "greenelab/deep-review", "container-title": "GitHub",
     "URL": "https://github.com/greenelab/deep-review", "issued": {"date-parts": [[2017]]}},
    {"id": "textbook", "type": "book", "title": "Machine Learning", "publisher": "McGraw-Hill",
     "issued": {"date-parts": [[1997]]}, "author": [{"given": "Tom", "family": "Mitchell"}]},
]


@pytest.fixture()
def bib(tmp_path: Path) -> Bibliography:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(ITEMS), encoding="utf-8")
    return load_bibliography(path)


def _markers(text: str, bib: Bibliography) -> list[tuple[str, str, float]]:
    return [(lk.source_key, lk.locator, lk.confidence) for lk in link(parse_essay(text), bib).links
            if lk.kind == "marker"]


@pytest.mark.parametrize(("text", "want"), [
    # No author, no date: the title and the year the page was accessed, with a locator.
    ("Sequence models read DNA (DragoNN, 2020, p.7).", [("dragonn", "p.7", 1.0)]),
    # An author and a date: Copernicus still prints the title and the accessed year; the issued year reads too.
    ("Features come unsupervised (Building high-level features using large scale unsupervised learning, 2020, p.5).",
     [("features", "p.5", 1.0)]),
    ("Features come unsupervised (Building high-level features using large scale unsupervised learning, 2012).",
     [("features", "", 1.0)]),
    # No access recorded: the title alone, beside a dated item and alone.
    ("Weak labels help (Data Programming: Machine Learning with Weak Supervision; Ratner et al., 2017).",
     [("weak", "", 0.9), ("snorkel", "", 1.0)]),
    ("Ratner also notes (cf. Data Programming: Machine Learning with Weak Supervision) that labels help.",
     [("weak", "", 0.9)]),
    # A repository's path as the title (Copernicus and Annual Reviews print no year for the page): however short,
    # no gloss is written so.
    ("Models were built in Keras (cf. fchollet/keras).", [("keras", "", 0.9)]),
    ("Code is shared (greenelab/deep-review; fchollet/keras, p.7).", [("review", "", 0.9), ("keras", "p.7", 0.9)]),
])
def test_a_whole_title_cites_its_entry(text: str, want: list[tuple[str, str, float]], bib: Bibliography) -> None:
    assert _markers(text, bib) == want


def test_a_title_with_another_year_is_no_citation_of_it(bib: Bibliography) -> None:
    text = "Features come unsupervised (Building high-level features using large scale unsupervised learning, 2019)."
    assert _markers(text, bib) == []


@pytest.mark.parametrize("text", [
    "We used statistical methods (Machine Learning) on the data.",  # a short title alone is a gloss
    "Labels come cheap (Data Programming) in practice.",  # the title before its subtitle
    "Features come (Building high-level features) from data.",  # part of a title
    "Models were built (fchollet) in Python.",  # part of a repository's path
    "Models were built (keras/fchollet) in Python.",  # a path no entry's title is
])
def test_short_or_partial_titles_alone_are_not_read(text: str, bib: Bibliography) -> None:
    assert _markers(text, bib) == []


def test_an_accessed_year_no_longer_reads_as_a_missing_entry(bib: Bibliography) -> None:
    linkage = link(parse_essay("Sequence models read DNA (DragoNN, 2020, p.7)."), bib)
    assert [m.detail for m in linkage.mentions if m.kind == "marker" and not m.keys] == []


PAGES = [
    {"id": "mesh", "type": "webpage", "title": "Adaptive Mesh Refinement Resources Page", "URL": "https://example.org/a"},
    {"id": "kit", "type": "webpage", "title": "Scientific Software Kit Version 1.2 Page", "URL": "https://example.org/k"},
    {"id": "textbook", "type": "book", "title": "Machine Learning", "publisher": "McGraw-Hill",
     "issued": {"date-parts": [[1997]]}, "author": [{"given": "Tom", "family": "Mitchell"}]},
]


@pytest.fixture()
def pages(tmp_path: Path) -> Bibliography:
    path = tmp_path / "pages.json"
    path.write_text(json.dumps(PAGES), encoding="utf-8")
    return load_bibliography(path)


def test_whole_titles_listed_with_commas_cite_each_entry(pages: Bibliography) -> None:
    # Annual Reviews lists items with commas and prints no "n.d.": two undated pages, their titles in sentence case.
    text = "Resources exist (Adaptive mesh refinement resources page, Scientific software kit version 1.2 page)."
    assert _markers(text, pages) == [("mesh", "", 0.9), ("kit", "", 0.9)]


@pytest.mark.parametrize("text", [
    "Resources exist (Adaptive mesh refinement resources page, and some other words besides).",  # a part no title
    "Resources exist (Adaptive mesh refinement resources page, Machine Learning).",  # a short title: a gloss
])
def test_a_list_is_read_only_when_every_part_is_a_whole_title(text: str, pages: Bibliography) -> None:
    assert _markers(text, pages) == []
