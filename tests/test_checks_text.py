"""Text-vs-bibliography (LR3xx) and curated-link (LR4xx) checks on hand-built essays and linkages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.checks import check_review
from litreview.config import Config
from litreview.essay.cites import find_citations, mask_inline
from litreview.linking.attribution import AUTHORITY
from litreview.model import (
    Claim,
    Conflict,
    Essay,
    Link,
    Linkage,
    Mention,
    Orphan,
    Paragraph,
    Review,
    TextQuoteSelector,
    UnreadBibliographies,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
BIB = parse_bibliography("""@book{holsti2004taming,
  author    = {Holsti, K. J.},
  title     = {Taming the Sovereigns},
  publisher = {Small Press},
  year      = {2004},
}

@book{keohane2012power,
  author    = {Keohane, Robert O. and Nye, Joseph S.},
  title     = {Power and Interdependence},
  publisher = {Longman},
  year      = {2012},
}
""", "refs/bibliography.bib")


def claim(cid: str, text: str, line: int) -> Claim:
    p, s = (int(x[1:]) for x in cid.split("-"))
    return Claim(cid, p, s, text, TextQuoteSelector(text[:40]), line)


CLAIMS = [
    claim("p1-s1", "Since first entering the IR discourse in the 1940s under the tutelage of Hans Morgenthau, "
                   "John Mearsheimer, and Kenneth Waltz.", 11),
    claim("p1-s2", "Realist theory is such that cooperation is likely to evaporate “given the inevitability of "
                   "changes in the national interest.”", 11),
    claim("p2-s1", "In Nye and Keohane’s Power and Independence, the two concede that states cooperate.", 13),
    claim("p2-s2", "K.J. Holsti qualified international relations as “organized relations between established "
                   "entities.”", 13),
    claim("p3-s1", "The US Constitution charges the secretary of defense, as [@missing] and (Smith 2010) show.", 15),
]
ESSAY = Essay(path="refs/essay.md", body="", paragraphs=(
    Paragraph(1, "", 11, tuple(CLAIMS[:2])), Paragraph(2, "", 13, tuple(CLAIMS[2:4])),
    Paragraph(3, "", 15, (CLAIMS[4],)),
))
RELIED = (
    Link("p2-s2", "holsti2004taming", "attribution", 0.9, "confirmed", "K.J. Holsti"),
    Link("p2-s1", "keohane2012power", "attribution", 0.9, "confirmed", "Nye and Keohane"),
)

def _with_sentence(text: str) -> Essay:
    """ESSAY with one more paragraph holding the sentence ``text``."""
    return replace(ESSAY, paragraphs=(*ESSAY.paragraphs, Paragraph(4, text, 17, (claim("p4-s1", text, 17),))))


def _with_citations(text: str) -> Essay:
    """``_with_sentence`` with the sentence's citations read as the Markdown reader reads them."""
    essay = _with_sentence(text)
    last = essay.paragraphs[-1]
    cited = replace(last.claims[0], citations=find_citations(mask_inline(text), text))
    return replace(essay, paragraphs=(*essay.paragraphs[:-1], replace(last, claims=(cited,))))


NOTHING_UNREAD = UnreadBibliographies()
CITED = tuple(replace(lk, kind="marker") for lk in RELIED)


def run(mentions=(), links=RELIED, orphans=(), marked=None, hidden=(), essay=ESSAY, unread=NOTHING_UNREAD,
        unanchored=(), conflicts=()):
    linkage = Linkage(links=tuple(links), mentions=tuple(mentions), orphans=tuple(orphans), hidden=tuple(hidden),
                      unanchored=tuple(unanchored), conflicts=tuple(conflicts))
    essay = essay if marked is None else replace(essay, marked=marked)
    review = Review(bibliography=BIB, essay=essay, linkage=linkage, unread=unread)
    return check_review(review, Config(), now=NOW).findings


def codes(**kw) -> list[str]:
    return [f.code for f in run(**kw)]


M = Mention


def _long_sentence(chars: int) -> Essay:
    """ESSAY with its last sentence ``chars`` characters long (LR312 starts above 5,000)."""
    text = ("word " * chars)[:chars]
    return replace(ESSAY, paragraphs=(*ESSAY.paragraphs[:2], Paragraph(3, text, 15, (replace(CLAIMS[4], text=text),))))


CASES = {
    "LR300": (dict(mentions=[M("p3-s1", "marker", "[@missing]", (), "missing")]),
              dict(mentions=[M("p3-s1", "marker", "[@holsti2004taming]", ("holsti2004taming",))])),
    "LR301": (dict(mentions=[M("p3-s1", "marker", "Smith 2010", ("holsti2004taming", "keohane2012power"))]),
              dict(mentions=[M("p3-s1", "marker", "Smith 2010", ("holsti2004taming",))])),
    "LR302": (dict(mentions=[M("p1-s1", "author", "Hans Morgenthau")]),
              dict(mentions=[M("p2-s2", "author", "K.J. Holsti", ("holsti2004taming",))])),
    "LR303": (dict(mentions=[M("p2-s1", "work", "Man, the State, and War", (), "no entry with this title")]),
              dict(mentions=[M("p2-s1", "work", "Taming the Sovereigns", ("holsti2004taming",))])),
    "LR304": (dict(mentions=[M("p3-s1", "document", "US Constitution", (), "no entry for this document")]),
              dict(mentions=[M("p3-s1", "document", "Title 10", ("holsti2004taming",))])),
    "LR305": (dict(mentions=[M("p1-s2", "quotation", "“given the inevitability of changes in the national interest.”")]),
              dict(mentions=[M("p1-s2", "quotation", "“process, not structure.”")])),
    "LR306": (dict(mentions=[M("p2-s1", "title-variant", "Power and Independence", ("keohane2012power",),
                               "Power and Interdependence")]),
              dict(mentions=[M("p2-s1", "work", "Power and Interdependence", ("keohane2012power",))])),
    "LR307": (dict(links=RELIED[:1]), dict(links=RELIED)),
    "LR308": (dict(links=(*RELIED[:1], Link("p1-s2", "keohane2012power", "topical", 0.4, "suggested", "topic"))),
              dict(links=(*RELIED[:1], Link("p1-s2", "keohane2012power", "title", 0.6, "suggested", "Power")))),
    # A key that differs from an entry's only in case; the near miss is a plain unknown key (LR300).
    "LR309": (dict(mentions=[M("p3-s1", "marker", "[@Holsti2004Taming]", (), "case:holsti2004taming")]),
              dict(mentions=[M("p3-s1", "marker", "[@holsti2004taming]", ("holsti2004taming",))])),
    "LR310": (dict(mentions=[M("p3-s1", "marker", "[@doi:10.1/x]", (), "doi:10.1/x")]),
              dict(mentions=[M("p3-s1", "marker", "[@doi:10.1/x]", ("holsti2004taming",), "doi:10.1/x")])),
    # In a document that marks its citations: an author appealed to with no marker in or beside the sentence.
    "LR311": (dict(marked=True, links=CITED, mentions=[M("p3-s1", "author", "Holsti", ("holsti2004taming",),
                                                          AUTHORITY)]),
              dict(marked=True, links=CITED, mentions=[M("p3-s1", "author", "Holsti", ("holsti2004taming",), AUTHORITY),
                                          M("p3-s1", "marker", "[@holsti2004taming]", ("holsti2004taming",))])),
    "LR312": (dict(essay=_long_sentence(5_001)), dict(essay=_long_sentence(5_000))),
    "LR313": (dict(essay=replace(ESSAY, body="x" * 5_000_001)), dict(essay=replace(ESSAY, body="x" * 5_000_000))),
    # An input file the LaTeX reader did not find (the reader lists them; see test_essay_readers_latex).
    "LR314": (dict(essay=replace(ESSAY, meta={"missing-inputs": [("refs/essay.tex", 3, "intro")]})), dict()),
    # What a reader noticed (listed by the readers; see test_essay_notices).
    "LR315": (dict(essay=replace(ESSAY, meta={"litreview-notices": [("essay-not-utf8", "refs/essay.tex", 1, "not UTF-8", "")]})),
              dict()),
    "LR316": (dict(essay=replace(ESSAY, meta={"litreview-notices": [("empty-citation-key", "refs/essay.tex", 4, "empty key", "")]})),
              dict()),
    # A LaTeX citation command in a Markdown essay's prose; in a code span it is code.
    # (both entries cited: a text citing with raw LaTeX alone cites what its commands cite, LR307 for the others)
    "LR317": (dict(essay=_with_sentence("Realists disagree \\citep{holsti2004taming, keohane2012power}.")),
              dict(essay=_with_sentence("Realists write `\\citep{holsti2004taming}`."))),
    # A citation in another's suffix, which pandoc's citeproc prints alone; with ";" between them, two citations.
    "LR318": (dict(essay=_with_citations("Realists disagree [@holsti2004taming, @keohane2012power].")),
              dict(essay=_with_citations("Realists disagree [@holsti2004taming; @keohane2012power]."))),
    "LR319": (dict(essay=replace(ESSAY, meta={"litreview-notices": [("duplicate-metadata-key", "refs/essay.md", 4,
                                                                    "bibliography twice", "")]})),
              dict()),
    # A bibliography the essay names that the settings leave out, as the loading stage finds them (the loading
    # stage's cases: test_unread_bibliographies_are_found_when_loading).
    "LR321": (dict(unread=UnreadBibliographies(files=(("more.bib", 3),), setting=("refs.bib", "more.bib"))), dict()),
    # A merge conflict git left in a manuscript file, as the reader notes it (the reader's cases:
    # test_essay_notices.py); none noted.
    "LR322": (dict(essay=replace(ESSAY, meta={"litreview-notices": [("merge-conflict", "refs/essay.md", 7,
                                                                    "a merge conflict left unresolved", "")]})),
              dict()),
    # A key in braces in a LaTeX citation, as the reader notes it (the reader's cases: test_essay_notices.py).
    "LR323": (dict(essay=replace(ESSAY, meta={"litreview-notices": [("braced-citation-key", "refs/essay.tex", 5,
                                                                    "a key in braces", "")]})),
              dict()),
    # A bibliography after the front matter of an R Markdown file, as the reader notes it (the reader's cases:
    # test_essay_notices.py); the same note of a Markdown file, which pandoc renders with it.
    "LR324": (dict(essay=replace(ESSAY, path="refs/essay.Rmd", meta={"litreview-notices": [
        ("bibliography-after-front-matter", "refs/essay.Rmd", 9, "bibliography: after the front matter", "")]})),
              dict(essay=replace(ESSAY, meta={"litreview-notices": [
                  ("bibliography-after-front-matter", "refs/essay.md", 9, "bibliography: after the front matter", "")]}))),
    # A settings file the manuscript is rendered with that is no valid YAML, as the reader notes it (the reader's
    # cases: test_essay_notices.py); none noted.
    "LR325": (dict(essay=replace(ESSAY, path="refs/essay.Rmd", meta={"litreview-notices": [
        ("settings-unreadable", "refs/_output.yml", 3, "_output.yml is not valid YAML", "")]})),
              dict()),
    # A note nothing references and a note label defined twice, as the Markdown reader notes them (the reader's
    # cases: test_essay_note_labels.py); none noted.
    "LR326": (dict(essay=replace(ESSAY, meta={"litreview-notices": [("unreferenced-note", "refs/essay.md", 9,
                                                                    "note [^2] is never referenced", "")]})),
              dict()),
    "LR327": (dict(essay=replace(ESSAY, meta={"litreview-notices": [("duplicate-note-label", "refs/essay.md", 9,
                                                                    "note [^3] is defined again", "")]})),
              dict()),
    # A Manubot citation of a URL that pandoc's key ends before ("="); the URL in braces, read whole.
    "LR328": (dict(essay=replace(_with_citations("Realists disagree [@holsti2004taming; @https://a.org/i?id=7]."),
                                 format="manubot")),
              dict(essay=replace(_with_citations("Realists disagree [@holsti2004taming; @{https://a.org/i?id=7}]."),
                                 format="manubot"))),
    # A placeholder where a citation belongs; a word in brackets that is none.
    "LR320": (dict(essay=_with_sentence("Realists disagree [CITE].")),
              dict(essay=_with_sentence("Realists disagree [see the reference manual]."))),
    # A citation style the front matter names that is not beside the essay; one given by its address.
    "LR329": (dict(essay=replace(ESSAY, meta={"csl": "absent-style.csl"})),
              dict(essay=replace(ESSAY, meta={"csl": "https://www.zotero.org/styles/apa"}))),
    "LR400": (dict(orphans=[Orphan("p4-s2", "holsti2004taming", "Holsti called it organized relations", 7)]),
              dict(orphans=[])),
    "LR401": (dict(links=(*RELIED, Link("p2-s2", "gone2001", "attribution", 1.0, "confirmed", "x", curated=True))),
              dict(links=(*RELIED, Link("p2-s2", "holsti2004taming", "quotation", 1.0, "confirmed", "x",
                                        curated=True)))),
    "LR402": (dict(links=(*RELIED, Link("p9-s9", "holsti2004taming", "attribution", 1.0, "confirmed", "x",
                                        curated=True))),
              dict(links=(*RELIED, Link("p1-s1", "holsti2004taming", "attribution", 1.0, "confirmed", "x",
                                        curated=True)))),
    # A link written by hand without an anchor (placed by its id alone); one with an anchor is not reported.
    "LR403": (dict(unanchored=[Orphan("p2-s1", "holsti2004taming", "", 9)]), dict(unanchored=[])),
    # A confirming and a rejecting decision on one claim and entry (found by the linking stage).
    "LR404": (dict(conflicts=[Conflict("p2-s1", "holsti2004taming", (9, 16))]), dict(conflicts=[])),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_triggers_and_near_miss_does_not(code: str) -> None:
    trigger, near = CASES[code]
    assert codes(**trigger) == [code]
    assert codes(**near) == []


def test_every_text_and_curated_code_is_covered() -> None:
    from litreview.checks.catalogue import CATALOGUE

    assert {c for c in CATALOGUE if c[:3] in ("LR3", "LR4")} == set(CASES)


def test_findings_about_prose_point_at_the_claim() -> None:
    found = run(mentions=[M("p1-s1", "author", name) for name in
                          ("Hans Morgenthau", "John Mearsheimer", "Kenneth Waltz")])
    assert [(f.code, f.file, f.line, f.claim_id, f.key) for f in found] == [
        ("LR302", "refs/essay.md", 11, "p1-s1", None)] * 3
    assert [f.message for f in found] == [
        "Hans Morgenthau is invoked as an authority but has no entry",
        "John Mearsheimer is invoked as an authority but has no entry",
        "Kenneth Waltz is invoked as an authority but has no entry",
    ]


def test_title_variant_names_both_titles() -> None:
    (f,) = run(mentions=CASES["LR306"][0]["mentions"])
    assert f.message == "the text calls 'keohane2012power' 'Power and Independence'; its title is 'Power and Interdependence'"
    assert (f.key, f.claim_id, f.line) == ("keohane2012power", "p2-s1", 13)


def test_unused_entry_points_at_the_bib() -> None:
    (f,) = run(links=RELIED[:1])
    assert (f.code, f.severity, f.file, f.line, f.key) == ("LR307", "error", "refs/bibliography.bib", 8,
                                                          "keohane2012power")


def test_rejected_links_do_not_count() -> None:
    rejected = Link("p2-s1", "keohane2012power", "attribution", 0.9, "rejected", "Nye and Keohane")
    assert codes(links=(RELIED[0], rejected)) == ["LR307"]


def test_topical_finding_lists_the_claims() -> None:
    links = (RELIED[0], *(Link(c, "keohane2012power", "topical", 0.3, "suggested", "t")
                          for c in ("p1-s1", "p1-s2", "p2-s1", "p3-s1")))
    (f,) = run(links=links)
    assert f.message == "'keohane2012power' is linked to claims only by topic (suggested for p1-s1, p1-s2, p2-s1 and 1 more)"


def test_quotation_attributed_to_a_person_without_entry_is_reported_once() -> None:
    mentions = [M("p1-s2", "author", "Hans Morgenthau"),
                M("p1-s2", "quotation", "“given the inevitability of changes in the national interest.”")]
    assert codes(mentions=mentions) == ["LR302"]


def test_orphan_points_at_the_claims_file() -> None:
    (f,) = run(orphans=CASES["LR400"][0]["orphans"])
    # Not on today's p4-s2, which after edits is another sentence (the site marked it with the finding).
    assert (f.file, f.line, f.claim_id, f.key) == ("refs/claims.yaml", 7, None, "holsti2004taming")
    assert f.message == ("curated link p4-s2 -> holsti2004taming no longer anchors: "
                         "'Holsti called it organized relations' is not in the essay")
    # The command that moves it with its note, not "accept it again and delete this entry" (which loses the note).
    assert "`litreview links --reanchor p4-s2 holsti2004taming`" in f.hint


def test_an_orphaned_rejection_is_a_warning_named_as_a_rejection() -> None:
    # An editor deletes a sentence whose suggestion was rejected: the rejection rejects nothing any more, which
    # must not fail the check (nor CI); a confirmed link that lost its sentence stays an error.
    rejected = Orphan("p56-s2", "holsti2004taming", "SHA-1 was broken in practice", 40, rejected=True)
    confirmed = Orphan("p4-s2", "holsti2004taming", "Holsti called it organized relations", 7)
    (r,) = run(orphans=[rejected])
    assert (r.code, r.severity, r.line) == ("LR400", "warning", 40)
    assert r.message.startswith("the rejected link p56-s2 -> holsti2004taming no longer anchors: ")
    assert "rejects nothing" in r.message
    (c,) = run(orphans=[confirmed])
    assert (c.code, c.severity) == ("LR400", "error")
    assert c.message.startswith("curated link p4-s2 -> holsti2004taming no longer anchors")


def test_no_essay_means_no_text_checks() -> None:
    review = Review(bibliography=BIB)
    assert check_review(review, Config(), now=NOW).findings == ()


def test_orphan_naming_a_missing_entry_is_lr401_not_lr400():
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.text import check_curated
    from litreview.essay import parse_essay
    from litreview.model import Linkage, Orphan

    bib = parse_bibliography("@book{real2000k, title={T}, author={A, B}, publisher={P}, year={2000}}")
    essay = parse_essay("One sentence here.\n")
    orphans = (Orphan("p1-s1", "typo1999x", "One sentence here.", line=7, no_entry=True),
               Orphan("p9-s9", "real2000k", "Gone sentence.", line=12))
    found = check_curated(bib, essay, Linkage(orphans=orphans), claims_file="claims.yaml")
    assert [(f.code, f.key, f.line) for f in found] == [("LR401", "typo1999x", 7), ("LR400", "real2000k", 12)]


WEAK = tuple(Link(c, "keohane2012power", "topical", p, "suggested", "shared words: power")
             for c, p in (("p1-s2", 0.42), ("p3-s1", 0.17)))


def test_an_entry_with_only_hidden_suggestions_is_only_topical_not_unused() -> None:
    # Too weak to be shown, but the essay seems to draw on it: "no claim relies on it" would be a guess.
    (f,) = run(links=RELIED[:1], hidden=WEAK)
    assert (f.code, f.severity, f.key) == ("LR308", "warning", "keohane2012power")
    assert f.message == ("'keohane2012power' is linked to claims only by topical suggestions too weak to show by "
                         "default (suggested for p1-s2, p3-s1; litreview links --all-suggestions lists them)")


def test_hidden_suggestions_do_not_count_once_rejected_or_in_a_marked_document() -> None:
    rejected = Link("p1-s2", "keohane2012power", "topical", 0.42, "rejected", "t", curated=True)
    assert codes(links=(RELIED[0], rejected), hidden=WEAK[:1]) == ["LR307"]
    assert codes(links=(RELIED[0], rejected), hidden=WEAK) == ["LR308"]
    assert codes(marked=True, links=CITED[:1], hidden=WEAK) == ["LR307"]


def test_an_orphan_naming_a_renamed_key_names_the_entry_that_keeps_it() -> None:
    # The key was renamed with the old one kept in ids: the finding is about that entry (the site
    # said "entry old2000k (not in the bibliography)").
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.text import check_curated
    from litreview.essay import parse_essay
    from litreview.model import Linkage, Orphan

    bib = parse_bibliography("@book{new2000, ids={old2000k}, title={T}, author={A, B}, publisher={P}, year={2000}}")
    orphans = (Orphan("p9-s9", "old2000k", "Gone sentence.", line=12),)
    (f,) = check_curated(bib, parse_essay("One sentence here.\n"), Linkage(orphans=orphans), claims_file="c.yaml")
    assert (f.code, f.key, f.line) == ("LR400", "new2000", 12)


def test_unused_entry_of_a_marked_manuscript_hints_to_cite_it() -> None:
    from litreview.checks.catalogue import CATALOGUE

    # "Link it to the claims it supports (litreview links)" is not how a LaTeX or pandoc author cites.
    (f,) = [f for f in run(marked=True, links=CITED[:1]) if f.code == "LR307"]
    assert f.hint.startswith("Cite it where a claim relies on it, or remove it")
    (g,) = [f for f in run(links=RELIED[:1]) if f.code == "LR307"]
    assert g.hint == CATALOGUE["LR307"].hint


@pytest.mark.parametrize(("written", "named"), [
    ("[1.1.383, @RStudioTeam2016]", "@RStudioTeam2016"),  # a version number as prefix, as pandoc reads it
    ("[see @RStudioTeam2016, p. 3]", "@RStudioTeam2016"),
    ("[-@RStudioTeam2016]", "@RStudioTeam2016"),
])
def test_a_missing_key_is_named_without_its_prefix_or_locator(written: str, named: str) -> None:
    from litreview.linking import link

    essay = replace(_with_citations(f"We used the program {written} for the analysis."), marked=True)
    linkage = link(essay, BIB, None, metadata={})
    found = [f.message for f in run(mentions=linkage.mentions, links=linkage.links, essay=essay) if f.code == "LR300"]
    assert f"citation {named!r} matches no entry" in found


@pytest.mark.parametrize(("cited", "near"), [
    ("holsti2004tamign", "holsti2004taming"),  # two letters swapped
    ("holsti2004tamin", "holsti2004taming"),  # a letter dropped
    ("Holsti_2004_taming", "holsti2004taming"),  # the same once case and punctuation are folded
    ("holsti2005taming", None),  # another year is another work
    ("missing", None),  # nothing near
    ("holsti2OO4taming", "holsti2004taming"),  # letters for the digits that look alike: O for 0
    ("hoIsti2004taming", "holsti2004taming"),  # I for l
    ("h0lst1200Ataming", None),  # A is like no digit
])
def test_misspelt_key_hint_names_the_one_near_key(cited: str, near: str | None) -> None:
    found = [f for f in run(mentions=[M("p3-s1", "marker", f"[@{cited}]", (), cited)]) if f.code == "LR300"]
    assert len(found) == 1
    assert ("Did you mean" in found[0].hint) == bool(near)
    if near:
        assert f"{near!r}" in found[0].hint


def test_misspelt_key_hint_says_nothing_when_several_keys_are_as_near() -> None:
    from litreview.bibliography.keys import near_key

    assert near_key("Smith2019", ["Smith2019a", "Smith2019b"]) is None
    assert near_key("Smith2019c", ["Smith2019a", "Smith2019b"]) is None
    assert near_key("Li2021", ["Lu2021"]) is None  # a short name: one letter is a different author
    # Characters that look alike: a short key too, and the one entry alike only.
    assert near_key("kabir2O1O", ["kabir2010", "kabir2011"]) == "kabir2010"
    assert near_key("Li2O21", ["Li2021"]) == "Li2021" and near_key("L12021", ["Li2021"]) == "Li2021"
    assert near_key("Ma5on2021", ["Mason2021"]) == "Mason2021"
    assert near_key("Li2O21", ["Li2021", "L12021"]) is None  # two entries look alike
    assert near_key("Lu2O21", ["Li2021"]) is None  # u is no i
    # A letter for a letter is another name, however alike they look: only a digit's place counts.
    assert near_key("bai2010", ["bal2010"]) is None and near_key("bal2010", ["bai2010"]) is None
    assert near_key("wei2020", ["wel2020"]) is None and near_key("lai2015", ["lal2015"]) is None
    many = [f"Author{i}Title" for i in range(50_000)]  # only the keys with the cited digits are compared
    assert near_key("Author17Titel", many) == "Author17Title"


@pytest.mark.parametrize(("cited", "other"), [
    ("holsti2005taming", "holsti2004taming"),  # the year mistyped, or the entry is of another edition
    ("Holsti_2001_Taming", "holsti2004taming"),
    ("holsti2005", None),  # the letters of no key alone
])
def test_a_key_of_another_year_is_named_but_not_as_a_slip(cited: str, other: str | None) -> None:
    found = [f for f in run(mentions=[M("p3-s1", "marker", f"[@{cited}]", (), cited)]) if f.code == "LR300"]
    assert len(found) == 1 and "Did you mean" not in found[0].hint
    assert (f"has {other!r}, of another year" in found[0].hint) if other else "another year" not in found[0].hint


def test_a_key_of_another_year_is_named_only_when_one_entry_has_those_words() -> None:
    from litreview.bibliography.keys import other_year

    assert other_year("McLean2020Weaving", ["McLean2018Weaving", "McLean2023Weaving"]) is None
    assert other_year("McLean2020Weaving", ["McLean2018Weaving", "McLean2020Algorithmic"]) == "McLean2018Weaving"
    assert other_year("Weaving", ["McLean2018Weaving"]) is None  # no year written: no year to be wrong


def test_an_unanchored_rejection_is_told_to_record_its_anchor_as_a_rejection() -> None:
    # Recording a rejection's anchor with --accept would turn it into a confirmation.
    (rejected,) = run(unanchored=[Orphan("p2-s1", "holsti2004taming", "", 9, rejected=True)])
    (confirmed,) = run(unanchored=[Orphan("p2-s1", "holsti2004taming", "", 9)])
    assert "`litreview links --reject p2-s1 holsti2004taming`" in rejected.hint
    assert "`litreview links --accept p2-s1 holsti2004taming`" in confirmed.hint


def test_conflicting_decisions_name_only_their_known_lines() -> None:
    (found,) = run(conflicts=[Conflict("p2-s1", "holsti2004taming", (3, None))])
    assert "(entries at lines 3);" in found.message and "None" not in found.message and found.line == 3
    (found,) = run(conflicts=[Conflict("p2-s1", "holsti2004taming", (None, None))])
    assert "None" not in found.message and "lines" not in found.message and found.line is None


def test_a_quotation_whose_sentence_names_its_author_is_said_to_cite_no_work() -> None:
    # "Enfim, para Rangel, ... está “o modo como ...”": the sentence names the quotation's author, who wrote several
    # entries, and cites none of them; the message said the quotation "has no attribution", which the sentence gives.
    text = "For Holsti, cooperation is likely to evaporate “given the inevitability of changes in the national interest.”"
    quote = M("p4-s1", "quotation", "“given the inevitability of changes in the national interest.”")
    named = M("p4-s1", "author", "Holsti", ("holsti2004taming", "keohane2012power"), "one of these entries")
    found = [f for f in run(mentions=[named, quote], essay=_with_sentence(text)) if f.code == "LR305"]
    assert [(f.claim_id, f.line) for f in found] == [("p4-s1", 17)]
    assert "no attribution" not in found[0].message
    assert found[0].message.endswith("names its author, Holsti, but cites no work of theirs")
    assert found[0].hint == "Cite the work by Holsti it quotes (holsti2004taming or keohane2012power)"
    # an author of many entries: the first three of how many
    many = replace(named, keys=("roe2001", "roe2002", "roe2003", "roe2004"))
    [hint] = [f.hint for f in run(mentions=[many, quote], essay=_with_sentence(text)) if f.code == "LR305"]
    assert hint == "Cite the work by Holsti it quotes (one of 4 entries: roe2001, roe2002, roe2003, …)"
    # a name inside the quotation is not its author: the quotation still has no attribution
    inside = M("p4-s1", "author", "Holsti", ("holsti2004taming",), "one of these entries")
    text = "Realists hold that cooperation evaporates “as Holsti knew, given changes in the national interest.”"
    quote = M("p4-s1", "quotation", "“as Holsti knew, given changes in the national interest.”")
    found = [f for f in run(mentions=[inside, quote], essay=_with_sentence(text)) if f.code == "LR305"]
    assert [f.message.endswith("has no attribution") for f in found] == [True]


@pytest.mark.parametrize("through", ["citado en", "cited in", "as cited in", "zit. n.", "cité dans", "citado por",
                                     "apud", "quoted in"])
def test_a_secondary_source_cited_through_an_entry_is_a_note_not_an_error(through: str) -> None:
    # An author-date text as pandoc renders it: "(Madero 2011, citado en Castillo, Miranda, and Madero-Cabib 2013,
    # 160)" cites Castillo's work; Madero's is read through it and the reference list leaves it out on purpose.
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography("@article{castillo2013, author={Castillo, Juan Carlos and Miranda, Daniel and "
                             "Madero-Cabib, Ignacio}, title={Todos somos clase media}, journal={Revista}, "
                             "year={2013}}\n", "refs.bib")
    essay = parse_essay(f"Los elementos pueden ser objetivos o subjetivos (Madero 2011, {through} Castillo, Miranda, "
                        "and Madero-Cabib 2013, 160). Otros lo niegan (Roe 2001).\n", "rendered.md")
    review = Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None, metadata={}))
    found = {(f.severity, f.message) for f in check_review(review, Config(), now=NOW).findings if f.code == "LR300"}
    assert found == {
        ("info", f"'Madero 2011' is cited through 'Castillo, Miranda, and Madero-Cabib 2013' ({through}): a secondary "
                 "source, which the reference list may leave out"),
        ("error", "citation 'Roe 2001' matches no entry")}


@pytest.mark.parametrize(("text", "found"), [
    # The second work resolved on its own ("et al."), the first a citation of its own: the sentence says it.
    ("Es así (Madero 2011, citado en Castillo et al. 2013, 160).",
     {("info", "'Madero 2011' is cited through 'Castillo et al. 2013' (citado en): a secondary source, which the "
               "reference list may leave out")}),
    ("Es así (Madero 2011, cited in passing).", {("error", "citation 'Madero 2011, cited in passing' matches no entry")}),
])
def test_a_secondary_source_needs_a_work_after_the_words(text: str, found: set[tuple[str, str]]) -> None:
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography("@article{castillo2013, author={Castillo, Juan Carlos and Miranda, Daniel and "
                             "Madero-Cabib, Ignacio}, title={Todos somos clase media}, journal={Revista}, "
                             "year={2013}}\n", "refs.bib")
    essay = parse_essay(text + "\n", "rendered.md")
    review = Review(bibliography=bib, essay=essay, linkage=link(essay, bib, None, metadata={}))
    assert {(f.severity, f.message) for f in check_review(review, Config(), now=NOW).findings
            if f.code == "LR300"} == found


def test_ieeetran_control_entry_is_neither_an_unknown_type_nor_unused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # IEEEtran.bst's @IEEEtranBSTCTL entry sets the style's options and is named by \bstctlcite, as IEEEtran's manual
    # writes it: it was LR102 (unknown type, "use @article") and LR307 (an error: no claim relies on it).
    import json

    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text("\\bstctlcite{IEEEexample:BSTcontrol}\nAs shown~\\cite{a}.\n"
                                        "\\bibliographystyle{IEEEtran}\n\\bibliography{refs}\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        '@IEEEtranBSTCTL{IEEEexample:BSTcontrol,\n  CTLuse_alt_spacing = "yes",\n}\n'
        "@article{a, author = {Roe, Jane}, title = {A Study}, journal = {J. Things}, year = {1998}}\n"
        "@article{b, author = {Roe, Jane}, title = {Another Study}, journal = {J. Things}, year = {1998}}\n",
        encoding="utf-8")
    main(["check", "--essay", "paper.tex", "--bib", "refs.bib", "--claims", "", "--no-cache", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["key"]) for f in found if f["code"] in ("LR102", "LR307")] == [("LR307", "b")]
