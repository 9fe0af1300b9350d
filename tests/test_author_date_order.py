"""Year letters of volumes of a multi-volume work, which styles sort differently: Chicago by the volume's own
title, APA by the printed title (the work's title first), ASA, APSA and Harvard by the CSL title (the work's:
the volumes tie, and citeproc letters them in the order the document first cites them). The document's own
forms choose ("&" and a comma: APA); when nothing does, the letter is left open between the entries the orders
allow, unless its context names one.
"""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.checks.text import check_mention
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.cited_letters import LEFT_OPEN, UNDECIDED, UNDECIDED_LETTER, UNDECIDED_STYLE
from litreview.linking.labels import letter_orders
from litreview.linking.styles import KNOWN, order_of_csl
from litreview.model import Bibliography
from litreview.text import spelled

VOLUMES = r"""@book{v1, author = {Roe, Ann}, title = {Zebras}, maintitle = {Collected Works}, volume = {1}, year = {2001}}
@book{v2, author = {Roe, Ann}, title = {Apples}, maintitle = {Collected Works}, volume = {2}, year = {2001}}
@book{p1, author = {Roe, Ann and Poe, Bo}, title = {Pears}, year = {1999}}
@book{s1, author = {Sims, Cy}, title = {Zinc}, year = {2003}}
@book{s2, author = {Sims, Cy}, title = {Argon}, year = {2003}}
"""


def _markers(text: str, bib: Bibliography) -> tuple[list[str], list[tuple[str, ...]]]:
    """The keys linked, and the candidates of the citations left open."""
    linkage = link(parse_essay(text), bib)
    linked = sorted(lk.source_key for lk in linkage.links if lk.kind == "marker")
    return linked, [m.keys for m in linkage.mentions if m.detail in LEFT_OPEN]


def test_orders_differ_only_for_volumes_of_a_work() -> None:
    bib = parse_bibliography(VOLUMES)
    sources = {s.key: s for s in bib.sources}
    assert letter_orders(("v2", "v1"), sources) == (("v2", "v1"), ("v1", "v2"), ("v1", "v2"))
    assert letter_orders(("s2", "s1"), sources) == (("s2", "s1"),)


def test_an_entry_with_no_title_sorts_last_on_the_csl_title() -> None:
    # CSL sorts an empty key last: SAGE Harvard letters the titled entry "2007a", the untitled one "2007b" (pandoc's
    # citeproc, biber's labelalpha test entries); Chicago's title key is a macro, which printed the untitled one first.
    bib = parse_bibliography(r"""@article{bare, author = {Schnee, D. and Xu, Y. and Yi, Z.}, year = {2007}}
@misc{titled, author = {Schnee, D. and Xu, Y. and Yi, Z.}, title = {Title in Braces}, year = {2007}}
""")
    sources = {s.key: s for s in bib.sources}
    assert letter_orders(("bare", "titled"), sources, "csl-title") == (("titled", "bare"),)
    assert letter_orders(("bare", "titled"), sources, "title") == (("bare", "titled"),)
    assert letter_orders(("bare", "titled"), sources) == (("bare", "titled"), ("bare", "titled"), ("titled", "bare"))


def test_apa_forms_pick_the_printed_title_order() -> None:
    text = "Pears hold (Roe & Poe, 1999). It holds (Roe, 2001a)."
    assert _markers(text, parse_bibliography(VOLUMES)) == (["p1", "v1"], [])


VOLUMES_ASA = VOLUMES.replace("title = {Zebras}", "title = {Yaks}").replace(
    "volume = {1}, year", "volume = {3}, year")


def test_asa_colon_picks_the_csl_title_order() -> None:
    # Printed title: "Collected Works 2 Apples" before "Collected Works 3 Yaks"; CSL title: both "Collected Works",
    # a tie citeproc letters in the order the document first cites them, so ASA's letter names neither.
    bib = parse_bibliography(VOLUMES_ASA)
    assert _markers("It holds (Roe 2001a:12).", bib) == ([], [("v1", "v2")])
    assert _markers("It holds (Roe & Poe, 1999). It also holds (Roe, 2001a).", bib) == (["p1", "v2"], [])


def test_nothing_decides_leaves_the_letter_open() -> None:
    linked, opened = _markers("It holds (Roe 2001a).", parse_bibliography(VOLUMES))
    assert linked == []
    assert [sorted(c) for c in opened] == [["v1", "v2"]]


def test_a_title_word_in_context_picks_the_volume() -> None:
    linked, opened = _markers("The zebras show it (Roe 2001a).", parse_bibliography(VOLUMES))
    assert (linked, opened) == (["v1"], [])


def test_groups_without_a_work_keep_the_title_order() -> None:
    assert _markers("It holds (Sims 2003a).", parse_bibliography(VOLUMES)) == (["s2"], [])


VERSIONS = r"""@article{pub, author = {Lee, Chris and Alt, Vera and Wahl, Sid}, title = {Leveraging uncertainty},
  journal = {Scientific Reports}, year = {2017}}
@article{pre, author = {Lee, Chris and Alt, Vera and Wahl, Sid}, title = {Leveraging uncertainty},
  journal = {bioRxiv}, year = {2017}}
"""


def test_a_tie_past_the_sort_leaves_the_letter_open() -> None:
    # A preprint and its published version: past the title, APA's, ASA's and Harvard's sorts letter entries of one
    # title in the order the document first cites them, Chicago's by the journal ("bioRxiv" before "Scientific
    # Reports") and then that order; the letter is left open between them, whatever the file's order.
    bib = parse_bibliography(VERSIONS)
    for order in ("title", "printed-title", "csl-title", ""):
        essay = parse_essay("It holds (Lee et al., 2017a).")
        linkage = link(essay, bib, letter_order=order)
        assert [lk for lk in linkage.links if lk.kind == "marker"] == []
        assert [sorted(m.keys) for m in linkage.mentions if m.detail == UNDECIDED_LETTER] == [["pre", "pub"]]
        # The check says why another letter would not help: only a key or the rendered reference list decides.
        [hint] = [f.hint for m in linkage.mentions for f in check_mention(m, essay.claims[0], "essay.md", bib, set())
                  if f.code == "LR301"]
        assert "in the order the text first cites" in hint and "year suffix" not in hint


def test_a_letter_two_orders_allow_asks_for_the_style() -> None:
    # Volumes in a document whose style is not known: Chicago and the CSL-title styles letter them differently,
    # which is not a tie of the sort; naming the style decides, and the check says so.
    bib = parse_bibliography(VOLUMES)
    essay = parse_essay("It holds (Roe 2001a).")
    linkage = link(essay, bib)
    assert [sorted(m.keys) for m in linkage.mentions if m.kind == "marker"] == [["v1", "v2"]]
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == [UNDECIDED_STYLE]
    [hint] = [f.hint for m in linkage.mentions for f in check_mention(m, essay.claims[0], "essay.md", bib, set())
              if f.code == "LR301"]
    assert "csl" in hint and "year suffix" not in hint
    # Named, the style's order decides: Chicago's by the volume's own title ("Apples" before "Zebras").
    assert [lk.source_key for lk in link(essay, bib, letter_order="title").links if lk.kind == "marker"] == ["v2"]
    # Without a letter, nothing a style could tell: the plain detail.
    plain = link(parse_essay("It holds (Roe 2001)."), bib)
    assert [m.detail for m in plain.mentions if m.kind == "marker"] == [UNDECIDED]


GUPTAS = r"""@article{aman, author = {Gupta, Aman and Wang, Haohan and Ganapathiraju, Madhavi}, title = {Gene expression},
  year = {2015}}
@article{suyog, author = {Gupta, Suyog and Agrawal, Ankur and Gopalakrishnan, Kailash}, title = {Limited precision},
  year = {2015}}
"""


def test_an_initial_belongs_to_the_name_it_precedes() -> None:
    # citeproc adds the first author's initial to tell the two lists apart; "A." is Aman Gupta's, not Ankur
    # Agrawal's, and the prefix "see" is no given name.
    linked, opened = _markers("It holds (see A. Gupta et al. 2015, chap. 2). So (S. Gupta et al. 2015).",
                              parse_bibliography(GUPTAS))
    assert (linked, opened) == (["aman", "suyog"], [])


ABADIS = r"""@article{privacy, author = {Abadi, Martin and Chu, Andy and Goodfellow, Ian}, title = {Differential privacy},
  year = {2016}}
@article{tensorflow, author = {Abadi, Martín and Agarwal, Ashish and Barham, Paul}, title = {TensorFlow}, year = {2016}}
"""


def test_a_given_name_written_out_is_read_as_spelled() -> None:
    # The initials are alike: citeproc writes the given names out, accents and all.
    linked, opened = _markers("It holds (compare Choi 2016; also Martin Abadi et al. 2016). So (Martín Abadi et al. "
                              "2016).", parse_bibliography(ABADIS))
    assert (linked, opened) == (["privacy", "tensorflow"], [])


MISES = r"""@misc{percy, author = {von Mises, Jr., Percy L.}, title = {Title1}, date = {2010}}
@misc{paul, author = {von Mises, Jr., Paul L.}, title = {Title1}, date = {2010}}
"""


def test_a_given_name_before_a_particle_is_that_persons() -> None:
    linked, opened = _markers("Paul L. von Mises Jr. (2010, 5) adds that it holds.", parse_bibliography(MISES))
    assert (linked, opened) == (["paul"], [])


SMITHS = r"""@article{john, author = {Smith, John}, title = {Markets}, year = {2001}}
@article{jane, author = {Smith, Jane}, title = {Morals}, year = {2001}}
"""


def test_a_given_name_after_the_family_name_is_that_persons() -> None:
    # ISO 690 prints the given name after the family name it tells apart: "(SMITH, Jane 2001)".
    linked, opened = _markers("Markets and morals differ (Smith, John 2001; Smith, Jane 2001).",
                              parse_bibliography(SMITHS))
    assert (linked, opened) == (["jane", "john"], [])


PACKAGES = r"""@manual{wickham2023b, author = {Wickham, Hadley}, title = {forcats: Tools for Working with Categorical
  Variables}, year = {2023}}
@manual{wickham2023c, author = {Wickham, Hadley}, title = {stringr: Simple, Consistent Wrappers for Common String
  Operations}, year = {2023}}
"""


def test_the_word_before_a_citation_order_letter_naming_a_title_decides() -> None:
    # A style that letters in citation order (Annual Reviews, Elsevier): "2023a" is whichever the text cites first.
    # The sentence cites both, so its words tell neither; the package named right before each citation does.
    bib = parse_bibliography(PACKAGES)
    for text, want in (("It uses forcats (Wickham 2023a) and stringr (Wickham 2023b).", ["wickham2023b", "wickham2023c"]),
                       ("It uses stringr (Wickham 2023a) and forcats (Wickham 2023b).", ["wickham2023c", "wickham2023b"])):
        linkage = link(parse_essay(text), bib, letter_order="cited")
        assert [m.detail for m in linkage.mentions if m.kind == "marker"] == want
    # A common word before it names nothing: left open, as before, in two sentences. In one, the sentence prints
    # both letters of the two, so it cites each (``test_a_citation_printing_every_letter_of_a_group_cites_each_entry``).
    linkage = link(parse_essay("It is used (Wickham 2023a). It has more (Wickham 2023b)."), bib,
                   letter_order="cited")
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == [UNDECIDED_LETTER] * 2
    linkage = link(parse_essay("It uses the tools (Wickham 2023a) and more (Wickham 2023b)."), bib, letter_order="cited")
    assert sorted(m.detail for m in linkage.mentions if m.kind == "marker") == ["wickham2023b", "wickham2023c"]


def test_the_word_before_a_citation_printing_two_letters_decides_neither() -> None:
    # pandoc 3 with elsevier-harvard.csl prints "[@pyo3; @maturin]" as "(The PyO3 Project and Contributors, 2024a,
    # 2024b)": the word before the parenthesis stands for both letters, so it tells neither (both went to the one
    # entry whose title it begins, a wrong link and a miss).
    bib = parse_bibliography(r"""@software{pyo3, author = {{The PyO3 Project and Contributors}},
  title = {{PyO3}: Rust Bindings for the {Python} Interpreter}, year = {2024}}
@software{maturin, author = {{The PyO3 Project and Contributors}},
  title = {maturin: Build and Publish Crates with {pyo3} Bindings as {Python} Packages}, year = {2024}}
""")
    # The citation prints as many letters as there are entries printed alike, so it cites each of them once
    # (``test_a_citation_printing_every_letter_of_a_group_cites_each_entry``), whichever letter is whose.
    for text in ("Built with PyO3 and maturin (The PyO3 Project and Contributors, 2024a, 2024b).",
                 "Built with PyO3 (The PyO3 Project and Contributors, 2024a, 2024b).",
                 "Built with maturin (The PyO3 Project and Contributors, 2024a; The PyO3 Project and Contributors, 2024b)."):
        linkage = link(parse_essay(text), bib, letter_order="cited")
        assert sorted(m.detail for m in linkage.mentions if m.kind == "marker") == ["maturin", "pyo3"], text
        assert sorted(lk.source_key for lk in linkage.links) == ["maturin", "pyo3"]
    # One letter in its own parenthesis is still named by the word before it.
    linkage = link(parse_essay("Built with maturin (The PyO3 Project and Contributors, 2024a), and PyO3 "
                               "(The PyO3 Project and Contributors, 2024b)."), bib, letter_order="cited")
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == ["maturin", "pyo3"]


def test_names_with_no_family_part_print_as_nothing_and_a_name_inside_a_citation_names_no_other() -> None:
    # pandoc 3 with chicago-author-date.csl: "{, Stan Development Team}" has a given part only, and citeproc prints
    # no name for it, nor the title: "STAN [@rstan]" is "STAN (2023)". Rossi, named inside his own citation
    # before it, is not its suppressed author (the bare year went to him: a wrong link and a miss).
    bib = parse_bibliography(r"""@article{bayesm, title = {bayesm: Bayesian Inference for Marketing/Micro-Econometrics},
  author = {Rossi, Peter}, year = {2023}}
@article{rstan, title = {RStan: the R interface to Stan}, author = {, Stan Development Team}, year = {2023}}
""")
    text = ("It can be used with bayesm (Rossi 2023), or STAN (2023), if used with similar settings.\n\n"
            "STAN (2023) is also fine.\n\nOnly STAN (2023) and then bayesm (Rossi 2023).")
    linkage = link(parse_essay(text), bib)
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == ["bayesm", "rstan", "rstan", "rstan", "bayesm"]
    # A name written in the prose still names the author of a bare year after it.
    linkage = link(parse_essay("Rossi shows it (2023)."), bib)
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == ["bayesm"]


PROCLAMATIONS = r"""@misc{eo88, author = {{Executive Office of the President}}, title = {Executive Order 14388: Continuing the
  Suspension of Duty-Free De Minimis Treatment}, year = {2026}}
@misc{eo89, author = {{Executive Office of the President}}, title = {Executive Order 14389: Ending Certain Tariff
  Actions}, year = {2026}}
@misc{p12, author = {{Executive Office of the President}}, title = {Proclamation 11012: Imposing a Temporary Import
  Surcharge To Address Fundamental International Payments Problems}, year = {2026}}
@misc{p20, author = {{Executive Office of the President}}, title = {Proclamation 11020: Adjusting Imports of
  Pharmaceuticals and Pharmaceutical Ingredients Into the United States}, year = {2026}}
"""


def test_the_words_before_a_citation_naming_a_title_decide() -> None:
    # pandoc with elsevier-harvard.csl letters in citation order: "2026a" is whichever the text cites first. The title's
    # head written right before the citation names the order; two words of one title name the proclamation.
    bib = parse_bibliography(PROCLAMATIONS)
    text = ("Executive Order 14389 (Executive Office of the President, 2026a) ended the duties; a Section 122 "
            "balance-of-payments surcharge (Executive Office of the President, 2026b) ran for 150 days.")
    linkage = link(parse_essay(text), bib, letter_order="cited")
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == ["eo89", "p12"]
    # One word of a title alone is too common to tell: left open.
    text = ("The order (Executive Office of the President, 2026a) ended the duties; a surcharge "
            "(Executive Office of the President, 2026b) ran for 150 days.")
    linkage = link(parse_essay(text), bib, letter_order="cited")
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == [UNDECIDED_LETTER] * 2


WORLD_BANK = r"""@techreport{wb1, author = {{World Bank}}, title = {Poverty and Shared Prosperity}, year = {2020}}
@techreport{wb2, author = {{World Bank}}, title = {Global Economic Prospects}, year = {2020}}
@techreport{wb3, author = {{World Bank}}, title = {World Development Report}, year = {2020}}
@article{doe, author = {Doe, Jane}, title = {Growth}, journal = {J}, year = {2020}}
"""


def test_a_citation_printing_every_letter_of_a_group_cites_each_entry() -> None:
    # pandoc with ecology.csl and elsevier-harvard.csl (letters in the order the text first cites the entries):
    # [@wb1; @wb2] prints "(World Bank 2020a, 2020b)". Which letter is whose the text does not tell, but two letters
    # name two entries, and the group has two: the citation cites both; so does a sentence printing both letters.
    bib = parse_bibliography("\n".join(WORLD_BANK.splitlines()[:2] + WORLD_BANK.splitlines()[3:]))
    for text in ("Poverty persists (World Bank 2020a, 2020b).", "Poverty persists (World Bank, 2020a; 2020b, p. 7).",
                 "World Bank (2020a, 2020b) says so.", "Poverty persists (Doe 2020; World Bank 2020b, 2020a).",
                 "World Bank (2020a) says so, as do others (World Bank 2020b; Doe 2020) and World Bank (2020a, 5)."):
        linkage = link(parse_essay(text), bib, letter_order="cited")
        assert sorted(lk.source_key for lk in linkage.links if lk.source_key != "doe") == ["wb1", "wb2"], text
        # The page printed after one of the letters is that letter's, and which entry it is is not known.
        assert all(not lk.locator for lk in linkage.links), text
    # One letter alone, or two of a group of three (any two of them), is still left open.
    for text, entries in (("It says so (World Bank 2020a).", bib),
                          ("It says so (World Bank 2020a, 2020b).", parse_bibliography(WORLD_BANK))):
        linkage = link(parse_essay(text), entries, letter_order="cited")
        assert not linkage.links, text


BARBOSAS = r"""@article{robust, author = {Leonardo Uieda and Val{\'{e}}ria C. F. Barbosa}, title = {Robust inversion},
  year = {2012}, month = {jul}}
@article{supplement, author = {Uieda, Leonardo and Barbosa, Valeria C. F.}, title = {Supplementary material},
  year = {2012}}
"""


def test_a_co_authors_given_name_written_out_is_read_as_spelled() -> None:
    # Chicago, Harvard, ASA, AAA tell the two lists apart by the co-author's given names as spelled (pandoc, checked).
    bib = parse_bibliography(BARBOSAS)
    assert _markers("It holds (Uieda and Valéria C. F. Barbosa 2012).", bib) == (["robust"], [])
    assert _markers("It holds (Uieda and Valeria C. F. Barbosa 2012).", bib) == (["supplement"], [])
    assert _markers("It holds (Uieda y Barbosa, Valeria C. F. 2012).", bib) == (["supplement"], [])  # ISO 690


def test_a_co_authors_initial_is_read_as_spelled() -> None:
    # Harvard and DGPs add the co-author's initial, accent and all: "Doe and É. Roe" beside "Doe and E. Roe".
    bib = parse_bibliography(r"""@article{emile, author = {Doe, Jane and Roe, Émile}, title = {Beta}, year = {2010}}
@article{eric, author = {Doe, Jane and Roe, Eric}, title = {Gamma}, year = {2010}}
""")
    assert _markers("It holds (Doe and É. Roe, 2010).", bib) == (["emile"], [])
    assert _markers("It holds (Doe & E. Roe, 2010).", bib) == (["eric"], [])


def test_an_accented_dotless_i_is_the_accented_i() -> None:
    # LaTeX writes the accented i {\'\i}; pandoc prints it as a dotless i and a combining accent ("Garcı́a"). Chicago
    # tells "Doe, García, et al." from "Doe, Garcia, et al." by the names as spelled, and prints no letter.
    bib = parse_bibliography(r"""@article{acute, author = {Doe, Jane and Garc{\'\i}a, Ana and Roe, Bo}, title = {Beta},
  year = {2010}}
@article{plain, author = {Doe, Jane and Garcia, Ana and Roe, Bo}, title = {Gamma}, year = {2010}}
""")
    assert _markers("It holds (Doe, Garc\u0131\u0301a, et al. 2010).", bib) == (["acute"], [])
    assert _markers("It holds (Doe, Garcia, et al. 2010).", bib) == (["plain"], [])
    assert spelled("Garc\u0131\u0301a") == spelled("García") != spelled("Garcia")


def test_apa_letters_lists_printed_alike_by_the_given_names_first() -> None:
    # APA prints both "Uieda & Barbosa" and sorts by the names in full, collated: "Valeria" before "Valéria", though
    # the titles say otherwise (pandoc's citeproc, checked: "Supplementary material" is 2012a).
    linkage = link(parse_essay("It holds (Uieda & Barbosa, 2012b). It also holds (Uieda & Barbosa, 2012a)."),
                   parse_bibliography(BARBOSAS), letter_order=KNOWN["apa"])
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["robust", "supplement"]


def test_apa_collates_given_names_accents_aside() -> None:
    # "Roe, Émile" sorts before "Roe, Eric" and "Roe, Fabien": letters by the letters first, accents only
    # between names otherwise alike (pandoc's citeproc, checked: Émile's is 2010a, Eric's 2010b, Fabien's 2010c).
    bib = parse_bibliography(r"""@article{fabien, author = {Doe, Jane and Roe, Fabien}, title = {Alpha}, year = {2010}}
@article{emile, author = {Doe, Jane and Roe, Émile}, title = {Beta}, year = {2010}}
@article{eric, author = {Doe, Jane and Roe, Eric}, title = {Gamma}, year = {2010}}
""")
    text = "It holds (Doe & Roe, 2010c). So (Doe & Roe, 2010a). And (Doe & Roe, 2010b)."
    linkage = link(parse_essay(text), bib, letter_order=KNOWN["apa"])
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["fabien", "emile", "eric"]


def _sorting(sort_macros: str, sort: str) -> bytes:
    """A style citing "(Doe & Roe 2010a)" whose bibliography sorts by ``sort`` (keys) over ``sort_macros``."""
    return ('<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" '
            'version="1.0"><info><id>test</id></info>' + sort_macros +
            '<macro name="cite"><names variable="author"><name form="short" and="symbol"/></names></macro>'
            '<citation disambiguate-add-year-suffix="true"><layout prefix="(" suffix=")" delimiter="; ">'
            '<group delimiter=" "><text macro="cite"/><date variable="issued"><date-part name="year"/></date></group>'
            '</layout></citation>'
            f'<bibliography><sort>{sort}</sort><layout><text variable="title"/></layout></bibliography></style>').encode()


CO_AUTHORS = r"""@article{robust, author = {Leonardo Uieda and Val{\'{e}}ria C. F. Barbosa}, title = {Robust inversion},
  year = {2012}}
@article{supplement, author = {Uieda, Leonardo and Barbosa, Valeria C. F.}, title = {Supplementary material},
  year = {2012}}
@article{walter, author = {Doe, Jane and Roe, Walter}, title = {Alpha}, year = {2010}}
@article{victor, author = {Doe, Jane and Roe, Victor}, title = {Beta}, year = {2010}}
@article{fabien, author = {Poe, Jane and Zoe, Fabien}, title = {Alpha}, year = {2011}}
@article{emile, author = {Poe, Jane and Zoe, Émile}, title = {Beta}, year = {2011}}
@article{eric, author = {Poe, Jane and Zoe, Eric}, title = {Gamma}, year = {2011}}
"""
CO_AUTHORS_CITED = ("It holds (Uieda & Barbosa 2012a). It holds (Uieda & Barbosa 2012b). It holds (Doe & Roe 2010a). "
                    "It holds (Doe & Roe 2010b). It holds (Poe & Zoe 2011a). It holds (Poe & Zoe 2011b). "
                    "It holds (Poe & Zoe 2011c).")


def _letters_in(style: bytes) -> list[str]:
    """What each citation of ``CO_AUTHORS_CITED`` resolves to in ``style`` ("open": left open)."""
    linkage = link(parse_essay(CO_AUTHORS_CITED), parse_bibliography(CO_AUTHORS), letter_order=order_of_csl(style))
    return [m.keys[0] if m.detail not in LEFT_OPEN else "open" for m in linkage.mentions if m.kind == "marker"]


def test_a_sort_reading_initials_letters_by_them_then_by_title() -> None:
    # Metaaltijden's sort reads the names with initials: "Barbosa, V.C.F." twice (the titles decide), "Roe, V."
    # before "Roe, W.", "Zoe, E." before "Zoe, É." before "Zoe, F." (pandoc's citeproc, checked).
    style = _sorting('<macro name="author"><names variable="author"><name initialize-with="."/></names></macro>',
                     '<key macro="author"/><key variable="issued"/><key variable="title"/>')
    assert _letters_in(style) == ["robust", "supplement", "victor", "walter", "eric", "emile", "fabien"]


def test_a_sort_reading_only_family_names_past_the_first_leaves_co_authors_open() -> None:
    # Annual Reviews reads the first name with its initials, then the family names alone: lists that differ in a
    # co-author's given names tie, lettered in the order the document first cites them (pandoc's citeproc, checked).
    style = _sorting('<macro name="author"><names variable="author"><name initialize-with=""/></names></macro>'
                     '<macro name="last"><names variable="author"><name form="short"/></names></macro>',
                     '<key macro="author" names-min="2" names-use-first="1"/><key macro="last"/>'
                     '<key variable="issued"/>')
    assert _letters_in(style) == ["open"] * 7


def test_a_sort_reading_initials_then_names_in_full_letters_by_both() -> None:
    # Springer reads the names with initials, then the author variable, every name in full: "Barbosa, Valeria"
    # before "Barbosa, Valéria", whose initials tie (pandoc's citeproc, checked).
    style = _sorting('<macro name="author"><names variable="author"><name initialize-with=""/></names></macro>',
                     '<key macro="author"/><key variable="author"/>')
    assert _letters_in(style) == ["supplement", "robust", "victor", "walter", "eric", "emile", "fabien"]


OPENING_MARKS = r"""@book{g1, author = {Roe, Ann}, title = {Apple}, year = {2011}}
@book{g2, author = {Roe, Ann}, title = {« Zebra »}, year = {2011}}
@book{h1, author = {Poe, Bo}, title = {Apple}, year = {2011}}
@book{h2, author = {Poe, Bo}, title = {“Zebra”}, year = {2011}}
@book{k1, author = {Kim, Cy}, title = {Interview mit Dr. Lammert}, year = {2011}}
@book{k2, author = {Kim, Cy}, title = {„... und unseren täglichen Talk”}, year = {2011}}
"""


def test_a_space_after_opening_marks_sorts_first_as_citeproc_sorts() -> None:
    # pandoc's citeproc leaves quotation marks and punctuation out of its sort, but not the space after them: it
    # letters "« Zebra »" 2011a before "Apple", and "„... und …" before "Interview …"; "“Zebra”" sorts as "zebra".
    from litreview.linking.labels import csl_title_order, title_order

    bib = parse_bibliography(OPENING_MARKS)
    sources = {s.key: s for s in bib.sources}
    for order in (title_order, csl_title_order):
        for pair, lettered in ((("g1", "g2"), ["g2", "g1"]), (("h1", "h2"), ["h1", "h2"]), (("k1", "k2"), ["k2", "k1"])):
            assert sorted(pair, key=lambda k: order(sources[k])) == lettered
    assert _markers("It holds (Kim 2011a). It holds (Roe 2011a).", bib) == (["g2", "k2"], [])


MONOCLE = r"""@misc{untf1, author = {Simon Monocle and Walter Ripple}, title = {Title}, date = {2011}}
@misc{untf2, author = {Simon Monocle and Walter Ripple}, title = {Title}, date = {2011}}
@misc{untf3, author = {Simon Monocle and William Ripple}, title = {Title}, date = {2011}}
"""


def test_a_letter_past_a_group_counts_along_the_names_in_full() -> None:
    # A style that prints no given names letters the three together (APSA: "Monocle and Ripple 2011c", pandoc's
    # citeproc on biber's uniqueness test entries), in its bibliography's sort: Walter Ripple's two before William's.
    bib = parse_bibliography(MONOCLE)
    assert _markers("It holds (Monocle and Ripple 2011c).", bib) == (["untf3"], [])
    # "a" is one of Walter Ripple's two, which tie on every key: the text cites them in an order it cannot show.
    linked, opened = _markers("It holds (Monocle and Ripple 2011a).", bib)
    assert linked == []
    assert [sorted(c) for c in opened] == [["untf1", "untf2"]]


def test_a_sort_on_every_name_reads_them_as_one_text() -> None:
    # citeproc collates the names a sort prints as one text past its spaces and stops: "Kemp, Lu" begins "Kemp,
    # Lucia", so the next name tells them apart ("Kemp, Lu; Zorn" after "Kemp, Lucia; Zorn", but "Kemp, Lu; Abt"
    # before "Kemp, Lucia; Abt"), where comparing one name at a time puts "Lu" first either way.
    for second, first_lettered in (("Zorn, Ida", ["lc", "lu"]), ("Abt, Ida", ["lu", "lc"])):
        bib = parse_bibliography(f"@article{{lu, author = {{Kemp, Lu and {second}}}, title = {{Ash}}, year = {{2003}}}}\n"
                                 f"@article{{lc, author = {{Kemp, Lucia and {second}}}, title = {{Elm}}, year = {{2003}}}}\n")
        family = second.split(",")[0]
        text = f"It grows (Kemp and {family} 2003a). It dries (Kemp and {family} 2003b)."
        linkage = link(parse_essay(text), bib, letter_order="names-title")
        assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == first_lettered


def test_a_citation_after_the_full_stop_is_told_by_the_sentence_it_closes() -> None:
    # A LaTeX source's "Under medeltiden ... kraftutövningen. \citep{medeltiden}" renders "... kraftutövningen.
    # (Haikola, 2015a)": the citation stands after its sentence's full stop, alone or before the next sentence, and
    # its letter (citation order: the style sorts the two by names and year alone) is told by the words of the
    # passage it closes ("Medieval Mills"), not by the next sentence's, nor left open for want of words of its own.
    bib = parse_bibliography(r"""@misc{mills, author = {Roe, Ann}, title = {Medieval Mills}, year = {2015}}
@misc{steam, author = {Roe, Ann}, title = {Steam Engines}, year = {2015}}
""")
    text = ("Water mills ground the grain of the medieval town. They ran for centuries. (Roe, 2015a)\n\n"
            "Coal fed the engines of the new factories. (Roe, 2015b) Railways carried the grain.")
    linkage = link(parse_essay(text), bib, letter_order="cited")
    assert [(m.text, m.detail) for m in linkage.mentions if m.kind == "marker"] == [
        ("Roe 2015a", "mills"), ("Roe 2015b", "steam")]
    # The sentence after it is no evidence: its words name the other work, and it is left open.
    text = "Coal fed the new factories. (Roe, 2015a) Medieval mills ground grain in the medieval town."
    linkage = link(parse_essay(text), bib, letter_order="cited")
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] != ["mills"]


def test_a_method_named_by_the_first_word_of_a_title_right_before_a_citation_names_that_work() -> None:
    # Haynes wrote two 2013 entries of one encyclopedia, "Bonferroni Correction" and "Benjamini--Hochberg Method", and
    # the document cites one: "the Bonferroni method (Haynes 2013)" names it by its title's first word and a noun for
    # a method (it was left open, in every style). A common word before the noun names nothing.
    bib = parse_bibliography(r"""@incollection{bh, author = {Haynes, Winston}, title = {Benjamini--Hochberg Method},
  booktitle = {Encyclopedia of Systems Biology}, year = {2013}}
@incollection{bonferroni, author = {Haynes, Winston}, title = {Bonferroni Correction},
  booktitle = {Encyclopedia of Systems Biology}, year = {2013}}
""")
    linkage = link(parse_essay("P-values were adjusted with the Bonferroni method (Haynes 2013)."), bib)
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == ["bonferroni"]
    linkage = link(parse_essay("P-values were adjusted with a standard method (Haynes 2013)."), bib)
    assert [m.detail for m in linkage.mentions if m.kind == "marker"] == [UNDECIDED]
