"""The acknowledgements thank people: a name there is no claim relying on the person's work."""

from __future__ import annotations

from pathlib import Path

from litreview.bibliography.load import parse_bibliography
from litreview.essay.markdown import parse_markdown
from litreview.linking import link

BIB = """
@article{yu2022, title={Agent-based modelling of energy demand}, author={Yu, Songmin}, year={2022}, journal={J}}
@article{hunter2007, title={Matplotlib: A 2D graphics environment}, author={Hunter, John D.}, year={2007},
         journal={Computing in Science \\& Engineering}}
@article{doe2001, title={Models}, author={Doe, Jane}, year={2001}, journal={J}}
"""


def _links(text: str) -> dict[tuple[str, str], str]:
    essay = parse_markdown(text)
    linkage = link(essay, parse_bibliography(BIB), None, metadata={})
    return {(lk.source_key, lk.kind): lk.status for lk in linkage.links if lk.kind != "topical"}


def test_a_name_in_the_acknowledgements_is_a_thanks_not_a_claim_relying_on_the_person() -> None:
    for heading in ("# Acknowledgements", "## Acknowledgments {.unnumbered}", "# Agradecimientos",
                    "# Remerciements", "# Danksagung"):
        links = _links(f"# Introduction\n\nModels matter [@doe2001].\n\n{heading}\n\n"
                       "Dr. Songmin Yu would like to thank the institute for its support.\n")
        assert ("yu2022", "attribution") not in links, heading
        assert links[("doe2001", "marker")] == "confirmed"
    # The same sentence in the body is still read as naming her, and so is one after the section ends.
    body = _links("# Introduction\n\nModels matter [@doe2001].\n\nSongmin Yu showed that demand grows.\n")
    assert ("yu2022", "attribution") in body
    after = _links("# Acknowledgements\n\nWe thank the institute.\n\n# Results\n\n"
                   "Songmin Yu showed that demand grows [@doe2001].\n")
    assert ("yu2022", "attribution") in after


def test_a_heading_below_the_acknowledgements_stays_in_them_and_code_is_no_heading() -> None:
    links = _links("# Acknowledgements {.unnumbered}\n\n## Funding\n\nSongmin Yu would like to thank the fund.\n")
    assert ("yu2022", "attribution") not in links
    fenced = _links("```\n# Acknowledgements\n```\n\nSongmin Yu showed that demand grows [@doe2001].\n")
    assert ("yu2022", "attribution") in fenced


def test_a_citation_marker_in_the_acknowledgements_stays_confirmed() -> None:
    links = _links("# Acknowledgements\n\nWe thank the authors of the models we used [@doe2001].\n")
    assert links[("doe2001", "marker")] == "confirmed"


def test_a_latex_acknowledgements_section_is_read_as_markdowns_is() -> None:
    # The LaTeX reader kept no heading level, so a name thanked under \section*{Acknowledgements} was read as
    # naming the person's work (a confirmed link). A section of the same level or above ends it; one below it does not.
    from litreview.essay.latex import parse_latex

    def links(text: str) -> dict[tuple[str, str], str]:
        essay = parse_latex("\\begin{document}\n" + text + "\\end{document}\n")
        linkage = link(essay, parse_bibliography(BIB), None, metadata={})
        return {(lk.source_key, lk.kind): lk.status for lk in linkage.links if lk.kind != "topical"}

    for heading in ("\\section*{Acknowledgements}", "\\section{Acknowledgments}", "\\chapter*{Danksagung}"):
        got = links(f"\\section{{Introduction}}\nModels matter \\cite{{doe2001}}.\n\n{heading}\n"
                    "\\subsection*{Funding}\nDr. Songmin Yu would like to thank the institute for its support.\n")
        assert ("yu2022", "attribution") not in got, heading
        assert got[("doe2001", "marker")] == "confirmed"
    after = links("\\section*{Acknowledgements}\nWe thank the institute.\n\n\\section{Results}\n"
                  "Songmin Yu showed that demand grows \\cite{doe2001}.\n")
    assert ("yu2022", "attribution") in after


def test_a_heading_names_a_section_and_is_linked_only_by_the_authors_own_citation() -> None:
    # A heading was a claim like any sentence: a title naming Songmin Yu's work was linked to it. Its citation stays.
    heading = _links("# Songmin Yu's agent-based modelling of energy demand\n\n"
                     "## Models [@doe2001]\n\nDemand grows.\n")
    assert ("yu2022", "attribution") not in heading and ("yu2022", "title") not in heading
    assert heading[("doe2001", "marker")] == "confirmed"
    # the close case: the same words as a sentence of prose
    prose = _links("# Models\n\nSongmin Yu's agent-based modelling of energy demand shows it grows.\n")
    assert {("yu2022", "attribution"), ("yu2022", "title")} & prose.keys()


MORTON = """
@article{morton1966, title={A computer oriented geodetic data base}, author={Morton, Guy M.}, year={1966}, journal={J}}
@book{knapp2016, title={Design Sprint}, author={Knapp, Jake}, year={2016}, publisher={P}}
"""


def test_in_a_document_citing_by_markers_prose_alone_links_an_uncited_entry_as_a_suggestion() -> None:
    # A manuscript that cites Morton once [@morton1966] then writes of "Morton indices" in forty sentences, and a
    # thesis that writes of "a Design Sprint" throughout: each was a confirmed link to the work, on the site too.
    def links(text: str) -> dict[tuple[str, str, str], str]:
        linkage = link(parse_markdown(text), parse_bibliography(MORTON), None, metadata={})
        return {(lk.claim_id, lk.source_key, lk.kind): lk.status for lk in linkage.links if lk.kind != "topical"}

    marked = links("Space filling curves order cells [@morton1966].\n\n"
                   "The cells are ordered by their Morton indices in memory.\n\n"
                   "After a Design Sprint the team builds a product.\n\n"
                   "As Guy Morton showed, the order keeps cells close.\n\n"
                   "The *Design Sprint* book says so.\n")
    assert marked[("p2-s1", "morton1966", "attribution")] == "suggested"
    assert marked[("p3-s1", "knapp2016", "title")] == "suggested"
    assert marked[("p4-s1", "morton1966", "attribution")] == "confirmed"  # a full name: an appeal to his work
    assert marked[("p5-s1", "knapp2016", "title")] == "confirmed"  # set in italics: named as a work
    # A document with no markers names its sources in prose: the same sentences are its citations.
    prose = links("The cells are ordered by their Morton indices in memory.\n\n"
                  "After a Design Sprint the team builds a product.\n")
    assert prose[("p1-s1", "morton1966", "attribution")] == "confirmed"
    assert prose[("p2-s1", "knapp2016", "title")] == "confirmed"


def test_in_a_document_citing_by_markers_a_titles_head_in_italics_links_an_uncited_entry_as_a_suggestion() -> None:
    # A thesis citing by markers writes of the complex it studies, *shelterin*, in italics in forty sentences: each
    # was a confirmed title link to "Shelterin: the protein complex ...", as a species is to "Yersinia pestis, the
    # cause of plague ..." and an act to "Online Safety Act: Explainer".
    bib = parse_bibliography(
        "@article{delange2005, title={Shelterin: the protein complex that shapes and safeguards human telomeres},"
        " author={de Lange, Titia}, year={2005}, journal={Genes Dev}}\n"
        "@article{achtman1999, title={Yersinia pestis, the cause of plague, is a recently emerged clone},"
        " author={Achtman, Mark}, year={1999}, journal={PNAS}}\n"
        "@book{leviathan, title={Leviathan}, author={Hobbes, Thomas}, year={1651}, publisher={P}}\n"
        "@article{doe2001, title={Models}, author={Doe, Jane}, year={2001}, journal={J}}\n")

    def links(text: str) -> dict[tuple[str, str], str]:
        linkage = link(parse_markdown(text), bib, None, metadata={})
        return {(lk.claim_id, lk.source_key): lk.status for lk in linkage.links if lk.kind == "title"}

    got = links("Models matter [@doe2001].\n\n"
                "Les protéines du *shelterin* se lient aux télomères.\n\n"
                "The bacterium, *Yersinia pestis*, is old [@doe2001].\n\n"
                "The complex is called *shelterin* [@delange2005].\n\n"
                "The *Leviathan* is read still.\n")
    assert got[("p2-s1", "delange2005")] == "suggested"
    assert got[("p3-s1", "achtman1999")] == "suggested"
    assert got[("p4-s1", "delange2005")] == "confirmed"  # its sentence cites it
    assert got[("p5-s1", "leviathan")] == "confirmed"  # the whole title, in italics: named as a work
    # A document with no markers names its sources in prose: a title's head in italics stays a confirmed link.
    assert links("Les protéines du *shelterin* se lient aux télomères.\n")[("p1-s1", "delange2005")] == "confirmed"


def test_in_a_document_citing_by_markers_a_term_near_a_title_is_no_misquoted_title() -> None:
    # A thesis's heading "Minimum Viable Products", beside an entry titled "Minimum Viable Product: A Guide" that
    # the heading does not cite, was reported as misquoting the title (LR306).
    bib = parse_bibliography("@online{ries2009, title={Minimum Viable Product: A Guide}, author={Ries, Eric}, "
                             "year={2009}}\n@book{doe2001, title={Models}, author={Doe, Jane}, year={2001}}\n")

    def variants(text: str) -> list[str]:
        linkage = link(parse_markdown(text), bib, None, metadata={})
        return [m.claim_id for m in linkage.mentions if m.kind == "title-variant"]

    assert variants("# Minimum Viable Products\n\nModels matter [@doe2001].\n") == []
    assert variants("# Minimum Viable Products\n\nModels matter [@ries2009].\n\nAs in *Minimum Viable Products* "
                    "[@ries2009].\n") == ["p3-s1"]


def test_a_front_matter_thanks_or_affiliation_names_people_not_sources() -> None:
    # A trial found "I would like to express my thanks to Songmin Yu for his advice" (a Quarto ``thanks:``) linked
    # to her entry, confirmed: the field thanks her, no claim relies on her work. So with an author's affiliation
    # that cites, and a LaTeX \thanks: only its citation links it.
    thanks = _links("---\ntitle: Demand\nthanks: |\n  I would like to express my thanks to Songmin Yu for his "
                    "advice on this work.\n---\n\nModels matter [@doe2001].\n")
    assert ("yu2022", "attribution") not in thanks
    affiliation = _links("---\nauthor:\n  - name: Ann Roe\n    affiliations:\n      - name: Songmin Yu's lab, "
                         "built on John Hunter's Matplotlib [@doe2001]\n---\n\nModels matter.\n")
    assert affiliation == {("doe2001", "marker"): "confirmed"}
    # the close case: the same words in the abstract, a claim like the body's
    abstract = _links("---\nabstract: |\n  Songmin Yu showed that demand grows.\n---\n\nModels matter [@doe2001].\n")
    assert ("yu2022", "attribution") in abstract


def test_a_latex_thanks_naming_affiliations_links_no_one() -> None:
    from litreview.essay.latex import parse_latex

    bib = BIB + "@article{king2011, title={Lay health workers}, author={Patel, Vikram and King, Michael}, year={2011}}"
    essay = parse_latex("\\title{Labor\\thanks{Roe: University of Ghana, Lund: King's College London.}}\n"
                        "\\begin{document}\n\\maketitle\nModels matter \\cite{doe2001}.\n\\end{document}\n")
    linkage = link(essay, parse_bibliography(bib), None, metadata={})
    assert {(lk.source_key, lk.kind) for lk in linkage.links if lk.kind != "topical"} == {("doe2001", "marker")}


def test_a_pair_the_sentences_marker_confirms_is_offered_as_no_suggestion() -> None:
    # A trial found `@roe2010 demonstrate that there are "affective tipping points" ...` listed under `links
    # --suggest` as a title link (0.8) to roe2010, which the same sentence cites: nothing left to review.
    bib = BIB + ("@article{roe2010, title={The Affective Tipping Point: Do Motivated Reasoners Ever \"Get It\"?}, "
                 "author={Roe, Rick}, year={2010}, journal={Political Psychology}}")
    essay = parse_markdown('@roe2010 demonstrate that there are "affective tipping points" where people change '
                           'their minds [see @doe2001].\n\nOthers describe "affective tipping points" too.\n')
    linkage = link(essay, parse_bibliography(bib), None, metadata={})
    got = {(lk.claim_id, lk.source_key, lk.kind, lk.status) for lk in linkage.links if lk.source_key == "roe2010"}
    assert ("p1-s1", "roe2010", "marker", "confirmed") in got
    assert not any(c == "p1-s1" and s == "suggested" for c, _, _, s in got)
    # the close case: the sentence that does not cite it keeps the suggestion for review
    assert any(c == "p2-s1" and k == "title" and s == "suggested" for c, _, k, s in got)


def test_a_person_named_in_a_heading_or_the_acknowledgements_is_no_authority_without_an_entry() -> None:
    # "Cautionary notes" read as a person's name before "notes", and the people thanked, were each LR302's "invoked
    # as an authority but has no entry"; the same names in the body still are.
    text = ("# Introduction\n\nModels matter (Doe 2001).\n\n# Cautionary notes\n\nIt is important to note that "
            "things vary.\n\n# Acknowledgments\n\nD. F. M. acknowledges useful conversations with Eric Agol.\n")
    unnamed = {m.text for m in link(parse_markdown(text), parse_bibliography(BIB), None, metadata={}).mentions if m.kind == "author"}
    assert unnamed == set()
    body = text.replace("# Acknowledgments\n\n", "")
    assert "Eric Agol" in {m.text for m in link(parse_markdown(body), parse_bibliography(BIB), None,
                                                     metadata={}).mentions
                           if m.kind == "author"}


def test_a_plain_text_rendering_reads_a_line_alone_without_a_stop_as_a_heading(tmp_path: Path) -> None:
    # A manuscript rendered to text marks no heading: "ACKNOWLEDGMENTS" on a line of its own began no section, and
    # "Cautionary notes" was a sentence naming a person. A line that types a citation is a claim, stop or none.
    from litreview.essay import load_essay
    from litreview.essay.sections import thanks_claims

    (tmp_path / "paper.txt").write_text(
        "INTRODUCTION\n\nModels matter (Doe 2001).\n\n3.2 Cautionary notes\n\nIt is important to note that things "
        "vary\nacross the line.\n\nRoe (2016) showed it too\n\nACKNOWLEDGMENTS\n\nWe thank Eric Agol.\n\nRELATED RESOURCES\n\n"
        "Eric Agol showed it (Doe 2001).\n", encoding="utf-8")
    essay = load_essay(tmp_path / "paper.txt")
    assert [p.text for p in essay.paragraphs if p.heading] == ["INTRODUCTION", "3.2 Cautionary notes",
                                                               "ACKNOWLEDGMENTS", "RELATED RESOURCES"]
    assert [c.text for c in essay.claims if c.id in thanks_claims(essay)] == ["We thank Eric Agol."]
    (tmp_path / "paper.md").write_text((tmp_path / "paper.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert not any(p.heading for p in load_essay(tmp_path / "paper.md").paragraphs)  # Markdown marks its own
