"""Documents that mark their citations: the markers say what is cited (regressions from real papers)."""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.checks.text import check_text
from litreview.essay import parse_essay
from litreview.linking import link

BIB = """
@book{waltz1979theory, author={Waltz, Kenneth N.}, title={Theory of International Politics}, year={1979}, publisher={P}}
@book{cmake2020, author={Martin, Ken and Hoffman, Bill}, title={Mastering CMake}, year={2020}, publisher={Kitware}}
@book{jervis1976perception, author={Jervis, Robert}, title={Perception and Misperception}, year={1976}, publisher={P}}
@book{named1999, author={Named, Nora}, title={Named Only}, year={1999}, publisher={P}}
"""
TEXT = """---
nocite: "@cmake2020"
---

We build with CMake and Spack on every platform [@waltz1979theory].
This work was funded under Grant Agreement No. 865624 of the European Research Council.
Waltz's Theory of International Politics is the classic statement [@waltz1979theory].
The Python package is available on PyPI.

Elsewhere in the paper, Robert Jervis argues that perception misleads states.
The rest of this paragraph is about something else entirely.
"""


def findings(text: str = TEXT):
    essay = parse_essay(text, "paper.md")
    bib = parse_bibliography(BIB, "paper.bib")
    linkage = link(essay, bib)
    return essay, check_text(bib, essay, linkage, essay_file="paper.md")


def test_software_grants_and_titles_are_no_authorities_in_a_marked_document() -> None:
    essay, found = findings()
    assert essay.marked
    assert [f for f in found if f.code in ("LR302", "LR303", "LR304", "LR305")] == []


def test_an_entrys_author_appealed_to_far_from_any_marker_is_reported() -> None:
    _, found = findings()
    named = [f for f in found if f.code == "LR311"]
    assert [(f.key, f.claim_id) for f in named] == [("jervis1976perception", "p2-s1")]


def test_in_a_marked_document_unused_means_no_marker_cites_it() -> None:
    _, found = findings()
    # jervis1976perception is named but not cited, named1999 nowhere; cmake2020 is in nocite.
    assert sorted(f.key for f in found if f.code == "LR307") == ["jervis1976perception", "named1999"]


STIMULI = """
We build with CMake on every platform [@waltz1979theory].

In the second block, participants in the treatment group read the statement “Most people in your town recycle
their plastic bottles every single week” before they answered.

Each participant then rated the item "I would recycle more if my neighbours did so too, even at some cost to me"
on a seven-point scale.

The report concluded that “nearly every household in the region had stopped sorting its waste by the end of the
decade” and said no more.
"""


def test_a_quoted_stimulus_the_sentence_names_as_a_statement_or_item_needs_no_attribution() -> None:
    # The words shown to participants are the study's own material, not a source's: LR305 only for the last,
    # a finding quoted from a report nobody cites.
    _, found = findings(STIMULI)
    quoted = [f for f in found if f.code == "LR305"]
    assert [f.message.startswith("quotation “nearly every household") for f in quoted] == [True]


BRIEF = """
We build with CMake on every platform [@waltz1979theory].

The premise of the defence is that the party now tells the principal: "if you go ahead then you go ahead alone
and without my help."

[@waltz1979theory, para. 40]
[@jervis1976perception, p. 101]

The report concluded that "nearly every household in the region had stopped sorting its waste by the end of the
decade" and said no more.

A later paragraph with no citation at all.
"""


EXAMPLES = """
We build with CMake on every platform [@waltz1979theory].

The database answers questions such as "What percentage of all entries are journal articles in this year?" at once.

Let document one be "The quick brown fox jumped over the lazy dog" and document two be "The brown dog jumped
over the brown fox".

The report concluded that "nearly every household in the region had stopped sorting its waste by the end of the
decade" and said no more.

Let us recall that the minister's aim was to be "the first country in the region to recycle every plastic bottle".
"""


def test_a_quoted_example_the_sentence_names_as_a_question_or_a_value_needs_no_attribution() -> None:
    # "questions such as “…”" and "let document one be “…”" show the writer's own examples, not a source's words:
    # LR305 only for the finding quoted from a report nobody cites, and for the minister's words ("let us recall
    # ... be" defines nothing).
    _, found = findings(EXAMPLES)
    quoted = [f.message.split()[1] for f in found if f.code == "LR305"]
    assert quoted == ['"nearly', '"the']


GERMAN_EXAMPLES = """
Wir bauen mit CMake auf jeder Plattform [@waltz1979theory].

Die Datenbank beantwortet Fragen wie „Welcher Anteil aller Einträge sind in diesem Jahr Zeitschriftenartikel“ sofort.

Die Befragten bewerteten Aussagen wie etwa „Die Regierung handelt im Interesse der gesamten Bevölkerung des Landes“.

Der Bericht kam zu dem Schluss, dass „nahezu jeder Haushalt der Region am Ende des Jahrzehnts aufgehört hatte, seinen
Müll zu trennen“, und sagte nichts weiter.
"""


NAMED_EXAMPLES = """
We build with CMake on every platform [@waltz1979theory].

If the research question is "How do presidents incorporate intelligence estimates into their decision-making?" you
will need an extraordinary sample.

The top listed snow shovel on the site was the "Snow Joe Shovelution Strain-Reducing Snow Shovel with Spring Assisted
Handle" at forty dollars.

The report concluded that "nearly every household in the region had stopped sorting its waste by the end of the
decade" and said no more.
"""


def test_a_quotation_the_sentence_names_as_what_a_question_is_or_after_an_article_needs_no_attribution() -> None:
    # A working paper's "the research question is “…”" (its own example) and "the “Snow Joe Shovelution …”" (a
    # product's name, after its article) were unattributed quotations (LR305); the report's words still are.
    _, found = findings(NAMED_EXAMPLES)
    assert [f.message.split()[1] for f in found if f.code == "LR305"] == ['"nearly']


def test_a_german_quoted_example_the_sentence_names_as_a_question_or_statement_needs_no_attribution() -> None:
    # "Fragen wie „…“" is the German "questions such as “…”": the writer's own example, which was reported as an
    # unattributed quotation (LR305). The finding quoted from a report nobody cites still is.
    _, found = findings(GERMAN_EXAMPLES)
    assert [f.message.split()[1] for f in found if f.code == "LR305"] == ["„nahezu"]


def test_a_paragraph_of_citations_alone_cites_for_the_paragraph_before_it() -> None:
    # A brief or factum sets each paragraph's authorities in a paragraph of their own after it: its quotations
    # were reported as unattributed (LR305). The quotation followed by a paragraph of prose still is.
    _, found = findings(BRIEF)
    quoted = [f for f in found if f.code == "LR305"]
    assert [f.message.startswith("quotation \"nearly every household") for f in quoted] == [True]


def test_the_check_and_the_site_take_the_same_paragraphs_as_a_briefs_authorities() -> None:
    # "A paragraph of citations alone cites for the paragraph before it" was written in the text checks and again in
    # the site's index: one rule now, read by both. A second paragraph of citations alone cites for the first.
    from litreview.checks.text import _near_markers
    from litreview.model import Linkage, Review
    from litreview.render.index import index_review

    essay = parse_essay("The appeal was dismissed. The accused had withdrawn in time.\n\n[@waltz1979theory, p. 9]\n\n"
                        "[@jervis1976perception]\n\nA paragraph of prose.\n\n[@named1999] [@waltz1979theory]\n\n"
                        "Prose again [@named1999].\n", "brief.md")
    bib = parse_bibliography(BIB, "paper.bib")
    index = index_review(Review(bibliography=bib, essay=essay, linkage=link(essay, bib)))
    assert sorted((cid, p.number) for cid, p in index.cited_for.items()) == [("p2-s1", 1), ("p3-s1", 2), ("p5-s1", 4)]
    assert sorted(_near_markers(essay, Linkage())) == ["p1-s1", "p1-s2", "p2-s1", "p4-s1"]


TREATIES = """
Burden-sharing models [@waltz1979theory] shaped the talks: the Framework Convention (1992) and the Lisbon
Accord (1997) both cite them [@waltz1979theory].

Jervis (1977) is read in every seminar, and so is Waltz (1979) [@waltz1979theory].
"""


def test_a_named_agreement_and_its_year_is_no_citation_in_a_marked_document() -> None:
    # "Framework Convention (1992)" reads like "Name (Year)", but in a document that cites by markers a year after
    # words that name no author of the bibliography is no citation: pandoc cites nothing there.
    _, found = findings(TREATIES)
    missing = [f.message for f in found if f.code == "LR300"]
    assert not any("Convention" in m or "Accord" in m for m in missing), missing
    # A typed citation of an author the bibliography has, in a year it lacks, is still reported.
    assert any("Jervis (1977)" in m for m in missing), missing
    # So is one typed within parentheses, its names before the year.
    _, found = findings(TREATIES + "\nSee (Jervis 1977), (Jervis, 1977) and (see Jervis 1977, p. 3) [@waltz1979theory].\n")
    missing = [f.message for f in found if f.code == "LR300"]
    assert not any("Convention" in m or "Accord" in m for m in missing), missing
    for typed in ("'Jervis 1977'", "'Jervis, 1977'", "'see Jervis 1977, p. 3'"):
        assert any(typed in m for m in missing), missing


def test_a_marker_with_no_entry_is_still_reported_in_a_marked_document() -> None:
    _, found = findings("Both [@waltz1979theory] and [see @Convention1992, p. 3] and @Waltz1979theory agree.\n")
    assert {f.code for f in found if f.code in ("LR300", "LR309")} == {"LR300", "LR309"}


def test_links_warns_of_the_citations_check_reports_and_no_other() -> None:
    from litreview.checks.text import unresolved_markers

    essay = parse_essay(TREATIES, "paper.md")
    bib = parse_bibliography(BIB, "paper.bib")
    assert [m.text for m in unresolved_markers(essay, link(essay, bib), bib)] == ["Jervis (1977)"]


TYPED = """
Structural realism begins with a theory [@waltz1979theory].

This approach is proposed by Jervis (1976), who argues that perception misleads states.
"""


def test_an_entry_cited_only_as_typed_text_is_reported_in_a_marked_document() -> None:
    # "Jervis (1976)" typed as text: pandoc cites nothing there, so the entry no marker cites is left out of the
    # reference list, though the claim relies on it.
    _, found = findings(TYPED)
    typed = [f for f in found if f.code == "LR311"]
    assert [(f.key, f.claim_id) for f in typed] == [("jervis1976perception", "p2-s1")]
    # The text, not the name it types, is what cites nothing ("Jervis (1976) cites ..." read as Jervis citing).
    assert typed[0].message == ("'Jervis (1976)' is typed text, not a citation of 'jervis1976perception': no marker "
                                "cites the entry, so the reference list leaves it out")
    assert typed[0].hint == "Write @jervis1976perception in its place (or [@jervis1976perception])"


def test_an_entry_a_marker_cites_too_may_also_be_cited_as_typed_text() -> None:
    _, found = findings(TYPED + "\nJervis's book is the classic statement [@jervis1976perception].\n")
    assert [f for f in found if f.code == "LR311"] == []


TYPED_BY_HAND = """
Realism explains war [@waltz1979theory]. Great powers maximise power (Mearsheimer 2001). Balancing is common
(see Walt 1987, p. 12; Posen and Ross 1997). Others disagree (Schweller et al. 2004), and Diaz & Cabido (2009) too.

The Union began with a treaty (Treaty of Rome 1957). The pandemic changed work (COVID-19 2020). See the chart
(Figure 2020), the plan (Horizon 2020) and the body (WHO 2020). The Paris Agreement (2015) and the Framework
Convention (1992) set targets [@waltz1979theory].
"""


def test_a_citation_typed_by_hand_naming_people_without_an_entry_is_a_note() -> None:
    # pandoc cites nothing in "(Mearsheimer 2001)": the work is left out of the reference list. The names are people's,
    # so it is told, as a note (the writer may mean no citation); a treaty, a disease, a figure, a plan, a body and
    # its year are no note, nor is one word before a parenthesised year ("the Paris Agreement (2015)").
    _, found = findings(TYPED_BY_HAND)
    notes = sorted(f.message.split("'")[1] for f in found if f.code == "LR300")
    assert notes == ["Diaz & Cabido (2009)", "Posen and Ross 1997", "Schweller et al. 2004"], notes
    assert {f.severity for f in found if f.code == "LR300"} == {"info"}


def test_one_name_alone_typed_in_parentheses_is_a_note_only_with_initials_or_a_particle() -> None:
    # One capitalised word before a year names a place, an event or a product as often as a person: "(Fukushima
    # 2011)", "(London 2012)", "(Germany 2015)", "(Windows 2020)" are no citation, nor is "(Mearsheimer 2001)" told
    # (no word list can tell the two apart); "(J. Smith 2001)" names a person.
    places = ["Fukushima", "London", "Germany", "France", "Japan", "Korea", "Paris", "Tokyo", "Kyoto", "Rio", "Gaza",
              "Ukraine", "Katrina", "Christmas", "Easter", "Olympics", "Windows", "Python", "Landsat", "Sentinel",
              "Copernicus", "Nato", "Euro", "Mercosur", "Mearsheimer"]
    text = ("Realism explains war [@waltz1979theory]. Disasters reshape policy, as after the earthquake (Fukushima 2011)."
            " The games changed the city (London 2012). Growth slowed in the east (Germany 2015).\n\n"
            + " ".join(f"It changed ({name} 2015)." for name in places)
            + "\n\nSee (J. Smith 2001).\n")
    _, found = findings(text)
    notes = sorted(f.message.split("'")[1] for f in found if f.code == "LR300")
    assert notes == ["J. Smith 2001"], notes


def test_a_typed_citation_of_an_author_of_the_bibliography_is_quoted_up_to_its_locator() -> None:
    # "(see, e.g., Jervis & Poe 1977: 12 for how the terms differ)" was quoted whole as a "citation" that "matches no
    # entry", with a hint to fix its key: typed text has none. It is quoted to its year and locator, and the hint
    # says what to write.
    _, found = findings("Terms differ [@waltz1979theory] (see, e.g., Jervis & Poe 1977: 12 for how they differ).\n"
                        "Jervis (1977) says so too.\n")
    missing = sorted((f for f in found if f.code == "LR300"), key=lambda f: f.claim_id)
    assert [f.message.split(" reads as")[0] for f in missing] == ["'see, e.g., Jervis & Poe 1977: 12'", "'Jervis (1977)'"]
    # The hint names the bibliography's work by the author, whose key to write if it is the one cited.
    assert all(f.severity == "error" and f.hint.startswith(
        "If it cites jervis1976perception (1976), the bibliography's work by the author it names, write "
        "[@jervis1976perception] in its place; else add the work's entry") for f in missing)


def test_an_author_named_again_after_the_paragraph_cites_the_work_is_no_finding() -> None:
    # "@jervis1976perception argues ... Jervis reports ... Jervis describes": the paragraph cited the work, and its
    # later sentences name its author, as writers do; LR311 asked for a citation in each.
    text = ("@jervis1976perception argues that states misread each other. The argument is old. Its cases are many.\n"
            "Jervis reports on a crisis in detail. Jervis describes two further cases at length.\n\n"
            "A new paragraph on other matters [@waltz1979theory]. Its second sentence is here. So is a third one.\n"
            "Jervis argues the same point again.\n")
    _, found = findings(text)
    assert [(f.key, f.claim_id) for f in found if f.code == "LR311"] == [("jervis1976perception", "p2-s4")]


def test_an_author_named_before_the_paragraph_cites_the_work_is_no_finding() -> None:
    # "Raychaudhuri, Mendelberg, and McDonough's study investigates ... . ... . ... @Raychaudhuri2022.": a student
    # paper names the authors first and cites their work at the paragraph's end, two sentences on; LR311 asked to
    # cite the work the paragraph cites. A paragraph citing another work only is still told.
    text = ("Jervis's study investigates how states misread each other. Its cases are many and old. The misreadings "
            "recur in every crisis it covers [@jervis1976perception].\n\n"
            "Jervis's study investigates how states misread each other. Its cases are many and old. The misreadings "
            "recur in every crisis it covers [@waltz1979theory].\n")
    _, found = findings(text)
    assert [(f.key, f.claim_id) for f in found if f.code == "LR311"] == [("jervis1976perception", "p2-s1")]


def test_a_citation_typed_inside_a_quotation_the_sentence_cites_is_the_quoted_writers() -> None:
    # A German term paper quoted a passage with its own "(so auch Jervis et al. 1975)" and cited the passage's source
    # after the marks: LR300 asked to replace the quoted writer's citation with \cite, changing the quotation.
    quoted = ("Doubt remains.^[“States misread each other, and the deterrence models fail to capture it (so auch "
              "Jervis et al. 1975)”; emphasis added. [@waltz1979theory, 176].]\n")
    _, found = findings(quoted)
    assert [f for f in found if f.code in ("LR300", "LR311")] == []
    # Typed by the writer outside the marks, or in a quotation nothing cites, it is still reported.
    _, found = findings("Doubt remains (so auch Jervis et al. 1975) [@waltz1979theory].\n")
    assert [f.code for f in found if f.code == "LR300"] == ["LR300"]
    _, found = findings("Doubt remains: “the deterrence models fail to capture it (so auch Jervis et al. 1975)”.\n"
                        "\nAnother paragraph cites [@waltz1979theory].\n")
    assert [f.code for f in found if f.code == "LR300"] == ["LR300"]


def test_a_citation_typed_outside_the_marks_is_the_writers_though_the_quotation_holds_the_same() -> None:
    # The check looked the citation up by its text, at its first place in the sentence: typed again after the
    # quotation, "(Jervis et al. 1975)" was taken for the quoted writer's, which stands first, and not reported.
    _, found = findings("They wrote “the deterrence models fail to capture it (so auch Jervis et al. 1975)” "
                        "[@waltz1979theory, 176], as (Jervis et al. 1975) confirm.\n")
    assert [f.message.split("'")[1] for f in found if f.code == "LR300"] == ["Jervis et al. 1975"]
# -- entries a Markdown manuscript cites with raw LaTeX (LR317) are not unused ---------------------------------

def test_an_entry_cited_by_raw_latex_in_markdown_is_not_reported_unused() -> None:
    # A Czech thesis chapter in pandoc Markdown cites only with \citep{...}: its LaTeX build cites every one. Each
    # command is LR317 at its line, with the [@key] to write; "no claim relies on 'waltz1979theory'" (LR307), or
    # "linked only by topical suggestions" (LR308), said of an entry the text cites at a line, was false.
    text = ("Structure constrains states \\citep[p. 3]{waltz1979theory}.\n\n"
            "Perception misleads \\citealp[see][12]{jervis1976perception, named1999}.\n")
    _, found = findings(text)
    assert sorted(f.key for f in found if f.code in ("LR307", "LR308")) == ["cmake2020"]
    # Beside pandoc markers as well: the raw command's entry is cited, an entry nothing names is still unused.
    _, found = findings("Structure constrains states [@waltz1979theory].\n\nSee \\cite{jervis1976perception}.\n")
    assert sorted(f.key for f in found if f.code in ("LR307", "LR308")) == ["cmake2020", "named1999"]


def test_a_raw_latex_citation_in_code_is_no_citation() -> None:
    _, found = findings("Structure constrains states [@waltz1979theory].\n\nWrite `\\cite{jervis1976perception}`.\n")
    assert sorted(f.key for f in found if f.code in ("LR307", "LR308")) == ["cmake2020", "jervis1976perception",
                                                                           "named1999"]


# -- LR311: a work's authors named in a paragraph that cites it --------------------------------------------------

BIB3 = BIB + """
@article{ray2022, author={Raychaudhuri, Tanika and Mendelberg, Tali and McDonough, Anne},
  title={The Political Effects of Opioid Addiction Frames}, journal={Journal of Politics}, year={2022}}
"""


def _named(text: str) -> list[tuple[str | None, str | None, str]]:
    essay = parse_essay(text, "paper.md")
    bib = parse_bibliography(BIB3, "paper.bib")
    found = check_text(bib, essay, link(essay, bib), essay_file="paper.md")
    return [(f.key, f.claim_id, f.message) for f in found if f.code == "LR311"]


def test_authors_named_in_a_paragraph_whose_later_sentence_cites_the_work_are_no_finding() -> None:
    # A Quarto student paper: a paragraph summing up one study names its authors first and cites it at its end.
    # Each of the three authors was an LR311 "named with no citation marker nearby", in the paragraph citing it.
    text = ("Raychaudhuri, Mendelberg, and McDonough's study investigates the impact of media coverage on support. "
            "Unlike previous drug epidemics, the opioid crisis is often framed sympathetically. "
            "This portrayal is thought to contribute to broad support for treatment [@ray2022].\n")
    assert _named(text) == []


def test_a_works_several_authors_named_far_from_any_citation_are_one_finding() -> None:
    # A later paragraph names the authors again with no marker: one finding for the work, naming them all.
    text = ("Framing shapes opinion [@ray2022].\n\n"
            "This replicates the forest plots used in Raychaudhuri, Mendelberg, and McDonough's study.\n")
    found = _named(text)
    assert [(k, c) for k, c, _ in found] == [("ray2022", "p2-s1")]
    assert found[0][2].startswith("Raychaudhuri, Mendelberg and McDonough (authors of ray2022) are named")


def test_a_markdown_text_citing_with_raw_latex_alone_cites_what_its_commands_cite() -> None:
    # Its LaTeX build lists what the \citep commands cite: an entry only named ("Robert Jervis argues") or only
    # topically close is out of its reference list, unused (LR307, a note under init's shared-bibliography setting),
    # not "relied on" or "linked only by topic" (LR308, a warning, worse than the LR307 the docs promise at most).
    text = ("Structure constrains states \\citep[p. 3]{waltz1979theory}.\n\n"
            "Elsewhere, Robert Jervis argues that perception misleads states.\n")
    _, found = findings(text)
    assert sorted((f.code, f.key) for f in found if f.code in ("LR307", "LR308")) == [
        ("LR307", "cmake2020"), ("LR307", "jervis1976perception"), ("LR307", "named1999")]


def test_a_citation_typed_as_text_is_an_attribution_not_a_marker_in_a_marked_document() -> None:
    # A trial found "based on Sageman (2022)" in an R Markdown file citing by markers given by `links` as a marker
    # (1.0) while `check` said (LR311) it is typed text that cites nothing: pandoc's AST has no citation there.
    # Both agree with pandoc now: the words name the work (an attribution, its evidence the typed text), LR311 stays.
    essay = parse_essay(TYPED, "paper.md")
    linkage = link(essay, parse_bibliography(BIB, "paper.bib"))
    got = [(lk.claim_id, lk.kind, lk.status, lk.evidence) for lk in linkage.links
           if lk.source_key == "jervis1976perception"]
    assert got == [("p2-s1", "attribution", "confirmed", "Jervis (1976)")]
    assert [lk.kind for lk in linkage.links if lk.source_key == "waltz1979theory"] == ["marker"]
    _, found = findings(TYPED)
    assert [(f.key, f.claim_id) for f in found if f.code == "LR311"] == [("jervis1976perception", "p2-s1")]
    # the close case: a text with no marker at all (a rendered one) cites by what it prints
    plain = parse_essay("This approach is proposed by Jervis (1976), who argues that perception misleads states.\n",
                        "paper.md")
    assert [lk.kind for lk in link(plain, parse_bibliography(BIB, "paper.bib")).links
            if lk.source_key == "jervis1976perception"] == ["marker"]


INTRODUCED = """
As @waltz1979theory puts it:

> "The structure of the international system shapes the behaviour of the states within it, whatever they intend."

The report concluded that "nearly every household in the region had stopped sorting its waste by the end of the
decade" and said no more.

The next section turns to something else:

> "Nothing here is anyone's words that a source holds, but the sentence quotes it as words of a long passage."
"""


def test_a_quotation_its_paragraph_before_introduces_and_cites_is_attributed() -> None:
    # "As @a puts it:" then the words in a block quote (a LaTeX "\textcite{a} writes:" and a quote environment): the
    # quotation's source is the sentence that introduces it, in the paragraph before; it was reported unattributed.
    # An introduction that cites nothing attributes nothing.
    _, found = findings(INTRODUCED)
    assert [f.claim_id for f in found if f.code == "LR305"] == ["p3-s1", "p5-s1"]


PROVISIONS = """Se ne parla [@waltz1979theory].

L'ispezione serve ad "accertare le tracce e gli altri effetti materiali del reato" (art. 244 co. 1 c.p.p.), e il
sequestro riguarda "le cose sulle quali o mediante le quali il reato è stato commesso" (artt. 253--254 c.p.p.).

The Act requires "reasonable steps to secure the personal data held by them" (s. 21(1) Data Protection Act).

La legge di ratifica^[Legge 18 marzo 2008, n. 48, "Ratifica ed esecuzione della Convenzione del Consiglio
d'Europa sulla criminalità informatica".] ha cercato di porre rimedio.

A report found that "nearly half of all the firms surveyed had no plan at all" in 2020.
"""


def test_a_quoted_provision_with_its_article_or_a_laws_title_after_its_number_needs_no_attribution() -> None:
    # An Italian law thesis quotes the code of criminal procedure, "…" (art. 244 co. 1 c.p.p.), and names a law by its
    # number and title, Legge 18 marzo 2008, n. 48, "…": the provision cited beside the words is their source, which
    # no bibliography holds; each was an unattributed quotation (LR305). The report's words still are.
    _, found = findings(PROVISIONS)
    assert [f.message.split()[1] for f in found if f.code == "LR305"] == ['"nearly']


STATUTES = """---
title: Tesi
---

Si usa l'ispezione (art. 244 co. 2 c.p.p.) o la perquisizione di un sistema informatico,
o gli accertamenti.^[L'ispezione serve ad "accertare le tracce e gli altri effetti materiali del reato" (art. 244 co. 1 c.p.p.), mentre la perquisizione serve a cercare il "corpo del reato o cose pertinenti al reato" (art. 247 co. 1 c.p.p.). Il legislatore chiede "misure tecniche dirette ad assicurare la conservazione dei dati originali".]

La legge di ratifica^[Legge 18 marzo 2008, n. 48, "Ratifica ed esecuzione della Convenzione del Consiglio d'Europa sulla criminalità informatica."] ha cercato di porre rimedio.
Lo dice la dottrina [@waltz1979theory].

Das Gesetz verlangt, dass "die Würde des Menschen unantastbar ist" (Art. 1 Abs. 1 GG), und "jeder das Recht auf Leben hat" (§ 2 Abs. 2 GG).
The statute requires that "every person be informed of the reasons for arrest" (s. 29 Police and Criminal Evidence Act 1984).
Yet "the suspect must be told at once of the reason" (s. 29), the officers said in the report.
"""


def test_an_unattributed_quotation_in_a_note_is_told_at_the_notes_line() -> None:
    # real manuscript it-md-tesi-forense: the LR305 of a quotation in a note was at the line its sentence starts on (144),
    # not the note's (145), where the words are. The quotations the articles after them attribute are left.
    _, found = findings(STATUTES)
    quoted = [(f.message.split()[1], f.line) for f in found if f.code == "LR305"]
    assert quoted == [('"misure', 6)]


YEARS_OF_DATA = """
@article{card2006, author={Card, David and De La Rica, Sara}, title={Firm-level contracting and the structure of wages
  in Spain}, journal={ILR Review}, year={2006}}
@book{waltz1979theory, author={Waltz, Kenneth N.}, title={Theory of International Politics}, year={1979}, publisher={P}}
"""
DATA_WAVES = """Structural realism begins with a theory [@waltz1979theory].

We explore whether firm-level contracting shapes the structure of wages over the two years of our data (2006 and 2010).
"""


def test_a_bare_parenthesised_year_naming_no_author_is_no_citation_and_gives_no_locator() -> None:
    # A trial: "... the two years covered in our data (2006 and 2010)." in a LaTeX paper citing by \cite was suggested
    # as an attribution to the one 2006 entry whose title shares the sentence's words, and accepting it recorded
    # "locator: and 2010". No author of the entry is named: pandoc cites nothing there and the words name no work.
    bib = parse_bibliography(YEARS_OF_DATA, "paper.bib")
    essay = parse_essay(DATA_WAVES, "paper.md")
    assert essay.marked
    linkage = link(essay, bib)
    assert [(lk.kind, lk.locator) for lk in linkage.links if lk.source_key == "card2006"] == []
    assert [m.text for m in linkage.mentions if m.claim_id == "p2-s1" and m.kind == "marker"] == []
    # The same sentence in a rendered text (no markers): the years of a period are no citation either, and what
    # follows the first year ("and 2010") is never a locator.
    plain = parse_essay(DATA_WAVES.replace(" [@waltz1979theory]", ""), "paper.md")
    assert [(lk.kind, lk.locator) for lk in link(plain, bib).links
            if lk.source_key == "card2006" and lk.kind != "topical"] == []
    # A year alone, in a document citing by markers, is no citation either; in a rendered text it may be one whose
    # style prints no names (a web page with no author), told by the words of its title, and left a suggestion.
    alone = DATA_WAVES.replace("(2006 and 2010)", "(2006)")
    assert [lk for lk in link(parse_essay(alone, "paper.md"), bib).links if lk.source_key == "card2006"] == []
    rendered = link(parse_essay(alone.replace(" [@waltz1979theory]", ""), "paper.md"), bib)
    assert [(lk.kind, lk.status, lk.locator) for lk in rendered.links if lk.source_key == "card2006"] == [
        ("marker", "suggested", "")]
    # The close case: the author named before the year is a citation typed as text, an attribution.
    named = parse_essay(DATA_WAVES.replace("(2006 and 2010)", "as Card (2006) finds"), "paper.md")
    assert [lk.kind for lk in link(named, bib).links if lk.source_key == "card2006"] == ["attribution"]


def test_a_typed_citation_whose_first_author_leads_no_entry_is_a_note() -> None:
    # "(Hoffman et al., 2013)", "(Shemyakina and Hoffman, 2013)": a typed citation names its work's first author(s);
    # Hoffman is the second author of Martin and Hoffman's book, which is no work by the authors it names, so no
    # error whose hint offers that book: the note that no entry is by its authors.
    _, found = findings("Builds differ [@waltz1979theory] (Hoffman et al., 2013).\n\n"
                        "Builds differ (Shemyakina and Hoffman, 2013).\n\nBuilds differ (Martin et al., 2013).\n")
    told = sorted((f for f in found if f.code == "LR300"), key=lambda f: f.claim_id)
    assert [(f.message.split("'")[1], f.severity) for f in told] == [
        ("Hoffman et al., 2013", "info"), ("Shemyakina and Hoffman, 2013", "info"), ("Martin et al., 2013", "error")]
    assert "no entry is by its authors" in told[0].message
    assert told[2].hint.startswith("If it cites cmake2020 (2020), the bibliography's work by the author it names")
