"""The acknowledgements thank people: a name there is no claim relying on the person's work."""

from __future__ import annotations

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
