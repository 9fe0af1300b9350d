"""Manuscripts from the wild: the essay page shows what their own tool prints, not their markup, and the checks
read their citations as that tool does (expected values written by hand)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litreview.config import Config
from litreview.linking import link
from litreview.render.layout import Layout
from litreview.render.site import render_site
from litreview.review import build_review


def essay_html(root: Path, essay: str, bib: str = "") -> str:
    if not bib and not (root / "content").is_dir():
        bib = "empty.bib"
        (root / bib).write_text("", encoding="utf-8")
    review = build_review(Config(root=root, essay=essay, bibliography=bib or "refs/none.bib", claims=""),
                          with_checks=False)
    return render_site(review, Layout())["essay.md"]


def text_of(html: str) -> str:
    html = re.sub(r'<span class="lr-card".*?</span></span></span>', "", html)  # the marks' cards
    return re.sub(r"<[^>]+>", "", html)


def first_paragraph(page: str) -> str:
    """The essay page's first paragraph as a reader sees it: its text, white space collapsed."""
    return " ".join(text_of(page.split('id="p1"', 1)[1].split("</p>", 1)[0]).split())


def before_references(page: str) -> str:
    """The essay page up to its list of references: the essay's own text."""
    return page.split('id="references"')[0]


def write_roe(root: Path, *more: str) -> str:
    """A bibliography of Ann Roe's book (and the entries ``more``), written as refs.bib: its name."""
    entries = ["@book{roe2001, title={Tools}, author={Roe, Ann}, year={2001}, publisher={P}}", *more]
    (root / "refs.bib").write_text("\n".join(entries) + "\n", encoding="utf-8")
    return "refs.bib"


def test_a_manubot_doi_cited_in_two_cases_is_one_mark_wherever_it_is_cited(tmp_path: Path) -> None:
    # Manubot (and doi.org) read a DOI in any case: both citations are of one entry, and both get its mark. The
    # second one was shown as written ("[@doi:10.1029/2006GL026499]"), the mark matched by the key's spelling.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.md").write_text(
        "First [@doi:10.1029/2006gl026499].\n\nAgain [@doi:10.1029/2006GL026499; @doi:10.1175/x1].\n",
        encoding="utf-8")
    page = essay_html(tmp_path, "content")
    assert "@doi:" not in text_of(page)
    body = before_references(page)
    assert body.count('class="lr-cite"') == 3


def test_a_footnote_reference_is_a_superscript_note_mark_not_its_markup(tmp_path: Path) -> None:
    # Pandoc prints a note reference as a note's number (a superscript in HTML), also right after a citation
    # ("[@mesa][^4]", as JOSS papers link software); the essay page printed "[^1]" and "[^4]". The note's own text
    # is a paragraph of its own, as before; a "[^x]" in code stays code.
    (tmp_path / "paper.md").write_text(
        "Mesa [@mesa][^4] and the site[^1] (`a[^2]`).\n\n[^1]: The site.\n[^4]: Link to Mesa.\n", encoding="utf-8")
    (tmp_path / "paper.bib").write_text("@book{mesa, author={Kazil, Jackie}, title={Mesa}, year={2020},"
                                        " publisher={P}}\n", encoding="utf-8")
    page = essay_html(tmp_path, "paper.md", "paper.bib")
    body = before_references(page)
    assert "[^" not in text_of(body).replace("a[^2]", "")
    assert '<sup class="lr-fnref"><a href="#fn1" aria-label="Note 1">1</a></sup> and the site' in body
    assert 'the site<sup class="lr-fnref"><a href="#fn2" aria-label="Note 2">2</a></sup>' in body
    assert "<code>a[^2]</code>" in body


def test_named_notes_are_numbered_as_pandoc_numbers_them_and_their_text_carries_the_number(tmp_path: Path) -> None:
    # Pandoc numbers notes 1, 2, 3 in the order of their first reference, whatever their labels, an inline note
    # too; the page printed the label ("ver_lerdahl") in superscript, and the note's own paragraph bore no mark.
    # Now each reference links to its note, the note's paragraph (the first of a note of two) is marked with its
    # number and links back; ids are the numbers, never the labels (the manuscript's text), which the page never
    # prints. A reference to a note nobody defines is printed as written, as pandoc prints it.
    (tmp_path / "t.md").write_text(
        'One.^[Inline.] Two[^ver_lerdahl] and three[^x"><b>].\n\nAgain[^ver_lerdahl] and [^nowhere].\n\n'
        '[^x"><b>]: The odd one.\n\n[^ver_lerdahl]: See *Lerdahl*.\n\n    A second paragraph.\n', encoding="utf-8")
    page = essay_html(tmp_path, "t.md")
    body = before_references(page)
    refs = re.findall(r'<sup class="lr-fnref"><a href="#fn(\d+)" aria-label="Note \1">\1</a></sup>', body)
    assert refs == ["2", "3", "2"]
    assert "ver_lerdahl" not in body and "<b>" not in body and "x&quot;" not in body
    assert "and [^nowhere]." in text_of(body)
    note = re.search(r'id="p3".*?</div>', body).group()
    assert '<span class="lr-fnlabel" id="fn3">Note 3</span> <a class="lr-fnback" href="#p1-s2"' in note
    assert "The odd one." in text_of(note)
    first = re.search(r'id="p4".*?</div>', body).group()
    assert 'id="fn2">Note 2</span> <a class="lr-fnback" href="#p1-s2"' in first and "Lerdahl" in first
    second = re.search(r'id="p5".*?</div>', body).group()
    assert '<span class="lr-fnlabel">Note 2</span> <span class="lr-claim"' in second
    assert body.count('id="fn2"') == 1


def test_cross_references_read_as_quarto_and_pandoc_crossref_print_them(tmp_path: Path) -> None:
    # Quarto prints @fig-a as "Figure 1", [-@fig-b] as "2" and a custom kind by its reference-prefix, each kind
    # numbered in the order its labels are defined; pandoc-crossref prints @fig:c as "fig. 1". The page printed
    # the labels ("@fig-a"). An e-mail address is no reference; an undefined label reads "Figure ?".
    (tmp_path / "m.qmd").write_text(
        "---\ncrossref:\n  custom:\n    - kind: float\n      key: suppfig\n      reference-prefix: Supplementary Figure\n"
        "---\n\nSee @fig-a and Figures [-@fig-b] and @suppfig-s (@tbl-t; @fig-none; a@b.org; `@fig-a`).\n\n"
        "```{r}\n#| label: fig-a\nplot(1)\n```\n\n![B](b.png){#fig-b}\n\n![S](s.png){#suppfig-s}\n\n"
        "| x |\n|---|\n| 1 |\n\n: T {#tbl-t}\n", encoding="utf-8")
    body = text_of(before_references(essay_html(tmp_path, "m.qmd")))
    assert ("See Figure 1 and Figures 2 and Supplementary Figure 1 (Table 1; Figure ?; a@b.org; @fig-a)."
            in body)
    (tmp_path / "c.md").write_text("As @fig:c shows.\n\n![C](c.png){#fig:c}\n", encoding="utf-8")
    assert "As fig. 1 shows." in text_of(essay_html(tmp_path, "c.md"))


def test_a_cross_reference_with_a_prefix_in_brackets_reads_as_quarto_prints_it(tmp_path: Path) -> None:
    # Quarto prints "[Section -@sec-data]" as "Section 3", the brackets being the citation's; the page printed
    # "[Section ?]" (a label defined in another chapter is "?"). A key that is no cross-reference and no entry's is
    # printed as pandoc prints it ("(not **nobody?**)"), and the prefix is text, escaped.
    (tmp_path / "m.qmd").write_text(
        "# Data {#sec-data}\n\nFilters, described in [Section -@sec-data], and [see <b> -@fig-x], "
        "[not @nobody] help.\n", encoding="utf-8")
    html = essay_html(tmp_path, "m.qmd")
    assert ("described in Section 1, and see &lt;b&gt; ?, (not nobody? (not in the bibliography)) help."
            in text_of(before_references(html)))
    assert "<b>" not in html.split("Filters", 1)[1]


def test_a_manubot_shortdoi_citation_is_unverified_not_a_malformed_doi(tmp_path: Path) -> None:
    # Manubot cites @doi:10/c3ztfm as the DOI the shortDOI stands for: the manuscript is right, so no LR120 error
    # (it was one, "malformed"); the registries do not know the short form, so the work is not verified (LR209),
    # at the claim that cites it, with what to write instead.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.md").write_text("Eddies matter [@doi:10/c3ztfm].\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="content", bibliography="refs/none.bib", claims=""))
    found = [(f.code, f.severity, f.line, f.hint) for f in review.findings if f.key == "doi:10/c3ztfm"]
    assert [f[:3] for f in found] == [("LR209", "info", 1)]
    assert "https://doi.org/10/c3ztfm" in found[0][3]
    # fetch and the source page say the same: unverified, not "malformed DOI", with the reason.
    meta = review.metadata["doi:10/c3ztfm"]
    assert meta.status == "unverified" and "is a shortDOI" in meta.reason


def test_a_card_calls_only_a_locator_a_place_in_the_work(tmp_path: Path) -> None:
    # Pandoc reads "p. 3" or "33" after a key as a locator, and "among others" (natbib's \citep[][entre otros]{a})
    # as words the author adds: the card said "at among others".
    (tmp_path / "p.md").write_text("One [@mesa, among others].\n\nTwo [@mesa, p. 3].\n\nThree [@mesa, 33].\n",
                                   encoding="utf-8")
    (tmp_path / "p.bib").write_text("@book{mesa, author={Kazil, Jackie}, title={Mesa}, year={2020}, publisher={P}}\n",
                                    encoding="utf-8")
    kinds = re.findall(r'<span class="lr-card__kind">(.*?)</span>', essay_html(tmp_path, "p.md", "p.bib"))
    assert kinds == ["Link: citation marker in the text; confirmed; with “among others”",
                     "Link: citation marker in the text; confirmed; at p. 3",
                     "Link: citation marker in the text; confirmed; at 33"]
    source = render_site(build_review(Config(root=tmp_path, essay="p.md", bibliography="p.bib", claims=""),
                                      with_checks=False), Layout())["sources/mesa.md"]
    assert "with “among others”" in source and "at p. 3" in source and "at among" not in source


def test_raw_latex_in_markdown_prints_nothing_on_the_page(tmp_path: Path) -> None:
    # Pandoc reads "\vspace{20pt}" in Markdown as raw LaTeX, which it keeps for LaTeX output and drops in HTML;
    # the page printed it. Math and code keep their backslashes, and a Markdown escape ("\_") is a character.
    (tmp_path / "m.md").write_text("Contrasts in Study 1 \\vspace{20pt} with $\\hat{R}$, `\\x{y}` and a\\_b.\n",
                                   encoding="utf-8")
    page = essay_html(tmp_path, "m.md")
    assert "Contrasts in Study 1  with , \\x{y} and a_b." in text_of(re.sub(r"<math .*?</math>", "", page))
    assert re.search(r'with <math [^>]*alttext="\\hat\{R\}">.*</math>, <code>', page)


def test_a_raw_inline_prints_nothing_on_the_page(tmp_path: Path) -> None:
    # pandoc's raw attribute makes a code span raw LaTeX (or HTML) that only that output keeps; the page printed
    # "\\noindent{=latex} Keywords" and a paragraph "\\bigskip{=latex}". A code span with a class stays code.
    (tmp_path / "m.md").write_text("`\\bigskip`{=latex}\n\n`\\noindent`{=latex} *Keywords:* houses, `x`{.r} and "
                                   "`<br>`{=html} [@a].\n", encoding="utf-8")
    text = text_of(essay_html(tmp_path, "m.md"))
    assert "Keywords: houses, x and" in text
    assert "{=" not in text and "noindent" not in text and "bigskip" not in text


def test_a_latex_footnote_is_a_note_on_the_page_not_bracketed_text(tmp_path: Path) -> None:
    # Pandoc reads \footnote{...} as a note, as it reads Markdown's ^[...]; the page printed its text in brackets
    # in the sentence ("Carpentry[ https://software-carpentry.org ] in Canada"). Now it is the page's note, in small
    # type where it stands, its address a link.
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\nCourses by Software Carpentry\\footnote{%\n  \\url{https://software-carpentry.org}\n}"
        " in Canada \\citep{k1}.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "p.bib").write_text("@book{k1, author={Doe, Jane}, title={T}, year={2001}, publisher={P}}\n",
                                    encoding="utf-8")
    page = essay_html(tmp_path, "p.tex", "p.bib")
    assert ('Software Carpentry<span class="lr-note" data-note="1"><a href="https://software-carpentry.org" '
            'rel="noopener noreferrer">https://software-carpentry.org</a></span> in Canada') in page


def test_a_cards_excerpt_quotes_the_sentence_as_the_page_shows_it(tmp_path: Path) -> None:
    # The card quoted the source's markup: "…[Kazil 2020][^4] and *AgentPy*…"; now as the sentence reads, the note
    # as pandoc's plain text prints it (the first note: "[1]").
    (tmp_path / "paper.md").write_text("Mesa [@mesa][^4] and *AgentPy* are frameworks.\n\n[^4]: Link.\n",
                                       encoding="utf-8")
    (tmp_path / "paper.bib").write_text("@book{mesa, author={Kazil, Jackie}, title={Mesa}, year={2020},"
                                        " publisher={P}}\n", encoding="utf-8")
    rows = re.findall(r'<span class="lr-card__row">(.*?)</span>', essay_html(tmp_path, "paper.md", "paper.bib"))
    assert rows == ["Evidence: Mesa <mark>(Kazil 2020)</mark>[1] and AgentPy are frameworks."]  # a citation, then a note


def test_a_figure_shows_its_caption_not_the_image_markup(tmp_path: Path) -> None:
    # The text around a figure's caption (its "![" and "](images/a.png){#fig:a width=90%}") was printed raw.
    (tmp_path / "p.md").write_text("![*A map.* Drawn after all.](images/a.png){#fig:a width=90%}\n", encoding="utf-8")
    body = text_of(before_references(essay_html(tmp_path, "p.md")))
    assert "1 A map. Drawn after all.\n" in body


def test_a_latex_href_keeps_its_address_on_the_page(tmp_path: Path) -> None:
    # Pandoc reads \href{url}{text} as a link; the page printed its text alone, the address lost. A TeX escape in the
    # address is its character, a "~" is one (not a space), and a link whose text is its address reads as \url does.
    (tmp_path / "p.tex").write_text(
        "\\begin{document}\nSee \\href{https://x.org/a\\_b~c/(d)}{the \\emph{site}} and \\href{https://y.org}{https://y.org}"
        " now.\n\\end{document}\n", encoding="utf-8")
    page = essay_html(tmp_path, "p.tex")
    assert ('See <a href="https://x.org/a_b~c/(d)" rel="noopener noreferrer">the site</a> and '
            '<a href="https://y.org" rel="noopener noreferrer">https://y.org</a> now.') in page


def test_a_latex_address_without_a_scheme_prints_as_text_not_in_angle_brackets(tmp_path: Path) -> None:
    # pandoc prints \url{shorturl.at/x} as the address (plain: "at shorturl.at/x,"); the page showed
    # "<shorturl.at/x>" (no scheme, no Markdown autolink). One with a scheme stays a link; \href the same.
    import pypandoc

    body = "Notes at \\url{short\\_url.at/h*s}, \\url{https://x.org/a\\_b} and \\href{www.y.org}{www.y.org}."
    (tmp_path / "p.tex").write_text(f"\\begin{{document}}\n{body}\n\\end{{document}}\n", encoding="utf-8")
    page = essay_html(tmp_path, "p.tex")
    assert "&lt;" not in text_of(page)
    assert 'Notes at short_url.at/h*s, <a href="https://x.org/a_b" rel="noopener noreferrer">https://x.org/a_b</a>' \
           " and www.y.org." in page
    assert " ".join(pypandoc.convert_text(body, "plain", format="latex").split()) in " ".join(text_of(page).split())


def test_a_fields_text_between_its_claims_is_rendered_as_its_claims_are(tmp_path: Path) -> None:
    # A front matter field other than the title and abstract is read only for its sentences that cite; the rest of it
    # was printed as written between them, its raw LaTeX ("\newline", which pandoc drops from HTML) and Markdown raw.
    (tmp_path / "p.md").write_text("---\nauthor_note: >\n  We thank @k1 a lot. \\newline\n  Then *more* here.\n---\n\n"
                                   "Body [@k1].\n", encoding="utf-8")
    (tmp_path / "p.bib").write_text("@book{k1, author={Doe, Jane}, title={T}, year={2001}, publisher={P}}\n",
                                    encoding="utf-8")
    page = essay_html(tmp_path, "p.md", "p.bib")
    field = text_of(page.split('id="author_note"')[1].split("</p>")[0])
    assert "newline" not in field and "*" not in field and field.endswith(" a lot. Then more here.")
    assert "Then <em>more</em> here." in page


def test_a_citation_that_suppresses_the_author_prints_the_year(tmp_path: Path) -> None:
    # pandoc's citeproc prints "Kahane et al. [-@k]" as "Kahane et al. (2015)" in author-date: the year, with its
    # letter and the locator, not the label again ("Kahane et al. [Kahane et al. 2015]").
    (tmp_path / "essay.md").write_text(
        "Kahane et al. [-@k15] found a dilemma. Roe [-@r1, p. 3] agreed. Roe [-@r2] did not [@r2].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        "@article{k15, author={Kahane, Guy and Everett, Jim and Earp, Brian}, title={A dilemma}, year={2015}}\n"
        "@article{r1, author={Roe, Jane}, title={Alpha}, year={2001}}\n"
        "@article{r2, author={Roe, Jane}, title={Beta}, year={2001}}\n", encoding="utf-8")
    body = text_of(before_references(essay_html(tmp_path, "essay.md", "refs.bib")))
    assert "Kahane et al. (2015) found" in body
    assert "Roe (2001a, p. 3) agreed" in body
    assert "Roe (2001b) did not (Roe 2001b)" in body


def test_a_citation_in_the_text_prints_the_year_in_parentheses_as_pandoc_does(tmp_path: Path) -> None:
    # pandoc's citeproc (author-date) prints @barba2018 as "Barba (2018)", @barba2018 [p. 33] as "Barba (2018, 33)",
    # and [@barba2018] as "(Barba 2018)": the page printed "Barba 2018" and "Barba 2018, p. 33" in the text. A
    # citation in brackets followed by a note ([@barba2018][^1]) is one in brackets, not a link's text.
    (tmp_path / "essay.md").write_text(
        "A @barba2018 says. B @barba2018 [p. 33] says. C [@barba2018]. D [-@barba2018]. E @roe2001 and @doe2001;"
        " @doe2001b. F [see @barba2018, p. 4; @roe2001]. H [@barba2018][^1].\n\n[^1]: A note.\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        "@article{barba2018, author = {Barba, Lorena A.}, title = {Terminologies}, journal = {J}, year = {2018}}\n"
        "@article{roe2001, author = {Roe, Ann and Poe, Bo}, title = {Alone}, journal = {J}, year = {2001}}\n"
        "@article{doe2001, author = {Doe, Ann}, title = {Alone}, journal = {J}, year = {2001}}\n"
        "@article{doe2001b, author = {Doe, Ann}, title = {Balone}, journal = {J}, year = {2001}}\n", encoding="utf-8")
    assert first_paragraph(essay_html(tmp_path, "essay.md", "refs.bib")).endswith(
        "A Barba (2018) says. B Barba (2018, p. 33) says. C (Barba 2018). D (2018). E Roe and Poe (2001) and Doe (2001a);"
        " Doe (2001b). F (see Barba 2018, p. 4; Roe and Poe 2001). H (Barba 2018)1.")


def test_a_latex_claims_evidence_quoted_as_its_command_is_shown_with_labels_on_the_page(tmp_path: Path) -> None:
    # A LaTeX link's evidence is the command as the file writes it (\citet{k1,k2}); the page's card and the
    # source page still mark it as the sentence shows it, with the labels, one command's citations together.
    (tmp_path / "p.tex").write_text("\\begin{document}\nAs \\citet{k1,k2} found, \\parencite[116]{k1} too.\n"
                                    "\\end{document}\n", encoding="utf-8")
    (tmp_path / "p.bib").write_text("@book{k1, author={Doe, Jane}, title={T}, year={2001}, publisher={P}}\n"
                                    "@book{k2, author={Roe, Jim}, title={U}, year={2003}, publisher={P}}\n",
                                    encoding="utf-8")
    rows = re.findall(r'<span class="lr-card__row">(.*?)</span>', essay_html(tmp_path, "p.tex", "p.bib"))
    assert set(rows) == {"Evidence: As <mark>Doe (2001; Roe 2003)</mark> found, (Doe 2001, 116) too."}


def test_a_source_pages_cache_key_follows_the_numbers_of_the_notes_its_excerpts_print(tmp_path: Path) -> None:
    # A note referenced earlier in the essay renumbers the note a source page's excerpt prints ("[1]" -> "[2]"),
    # though none of that page's claims changed: its cached page must not be reused.
    from litreview.render.site import source_page_digests

    bib = tmp_path / "p.bib"
    bib.write_text("@book{mesa, author={Kazil, Jackie}, title={Mesa}, year={2020}, publisher={P}}\n", encoding="utf-8")
    keys = []
    for lead in ("Before.", "Before.[^a]"):
        (tmp_path / "p.md").write_text(f"{lead}\n\nMesa [@mesa][^b].\n\n[^a]: A.\n\n[^b]: B.\n", encoding="utf-8")
        review = build_review(Config(root=tmp_path, essay="p.md", bibliography="p.bib", claims=""), with_checks=False)
        keys.append(source_page_digests(review, Layout())["sources/mesa.md"])
    assert keys[0] != keys[1]


def test_an_address_in_a_latex_url_command_in_markdown_is_a_link_on_the_page(tmp_path: Path) -> None:
    # A Markdown note built to PDF writes "See \url{https://example.org/a_b}": the page dropped the address as raw
    # LaTeX, leaving "See " and nothing, where the PDF prints it.
    (tmp_path / "m.md").write_text("Read the guide\\footnote{x} at \\url{https://example.org/a_b} and "
                                   "\\href{https://example.org/c}{the notes}.\n", encoding="utf-8")
    page = essay_html(tmp_path, "m.md")
    assert re.search(r'<a href="https://example.org/a_b"[^>]*>https://example.org/a_b</a>', page)
    assert re.search(r'<a href="https://example.org/c"[^>]*>the notes</a>', page)
    assert "\\url" not in text_of(page) and "\\href" not in text_of(page)


def test_a_latex_url_command_links_no_script() -> None:
    from litreview.render.claim_text import claim_html

    html, _ = claim_html("A \\url{javascript:alert(1)} and \\href{javascript:x}{t<b>}.", (), lambda item: None)
    assert "href" not in html and "<b>" not in html
    # A data: address is no link either, and a refused address keeps its label as plain text (not the raw
    # Markdown "[here](<data:...>)", nor nothing: "See  now.").
    for tex, shown in [("\\url{data:image/png;base64,AAAA}", "See data:image/png;base64,AAAA now."),
                       ("\\href{data:image/svg+xml,x}{here}", "See here now."),
                       ("\\href{javascript:alert(1)}{here}", "See here now."),
                       ("[here](data:image/png;base64,AAAA)", "See here now.")]:  # pandoc prints a link's text
        html, _ = claim_html(f"See {tex} now.", (), lambda item: None)
        assert "href" not in html and html == shown
    html, _ = claim_html("See \\href{https://a.org/x_(y)}{here}.", (), lambda item: None)
    assert html == 'See <a href="https://a.org/x_(y)" rel="noopener noreferrer">here</a>.'



def test_a_link_to_a_place_on_the_page_stays_a_link() -> None:
    from litreview.render.claim_text import claim_html

    html, _ = claim_html("As [the method](#sec:method) shows.", (), lambda item: None)
    assert html == 'As <a href="#sec:method" rel="noopener noreferrer">the method</a> shows.'
    html, _ = claim_html("As [the method](#x\"onclick=y) shows.", (), lambda item: None)
    assert "href" not in html

def test_a_label_after_other_attributes_is_numbered(tmp_path: Path) -> None:
    # "{width=100% #fig:b}" defines fig:b as "{#fig:b width=100%}" does (pandoc reads attributes in any order); the
    # page printed "See fig. ?".
    (tmp_path / "f.md").write_text("![A.](a.png){#fig:a width=100%}\n\n![B.](b.png){width=100% #fig:b}\n\n"
                                   "See [@fig:b] after [@fig:a].\n", encoding="utf-8")
    assert "See fig. 2 after fig. 1." in text_of(essay_html(tmp_path, "f.md"))


def test_a_citation_whose_link_a_reviewer_rejected_prints_its_label_not_its_markup(tmp_path: Path) -> None:
    # A reviewer's "does not rely on it" leaves the citation in the manuscript: the page printed the reader's
    # internal form of a LaTeX citation ("@{weis2012} holds"), not what LaTeX prints; now the label, with no link.
    # The decision is shown after the sentence, struck through, with where the claims file records it (the site
    # showed nothing of it), and on the entry's page apart from the claims relying on it, counted with none of them.
    (tmp_path / "paper.tex").write_text("\\textcite{weis2012} holds it. Others agree \\parencite{roe2003}.\n",
                                        encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@online{weis2012, author={Weis, Manuel}, title={Talk}, year={2012}}\n"
                                       "@book{roe2003, author={Roe, Jane}, title={Agree}, year={2003},"
                                       " publisher={P}}\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("essay: paper.tex\nlinks:\n  - claim: p1-s1\n    source: weis2012\n"
                                          "    status: rejected\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="paper.tex", bibliography="refs.bib", claims="claims.yaml"),
                          with_checks=False)
    page = render_site(review, Layout())["essay.md"]
    rejected = page.split('id="p1-s1"')[1].split('id="p1-s2"')[0]
    assert "@{" not in text_of(rejected) and "\\textcite" not in text_of(rejected)
    assert text_of(rejected).startswith(">Weis (2012) holds it.")
    claim, after = rejected.split('<span class="lr-cites lr-cites--rejected">')
    assert "href=" not in claim  # no mark stands for the rejected link in the sentence
    assert 'href="../sources/weis2012/"' in after and "Decision recorded in <code>claims.yaml:3</code>" in after
    assert 'href="../sources/roe2003/"' in page.split('id="p1-s2"')[1]
    source = render_site(review, Layout(), root=str(tmp_path))["sources/weis2012.md"]
    assert "Claims relying on this source (0)" in source
    assert ('<details class="lr-rejected" data-search-exclude="claims"><summary>1 link a reviewer rejected: claims '
            "that do not rely on this source</summary>") in source
    assert "status: rejected; decision recorded in <code>claims.yaml:3</code>." in source


def test_a_link_to_a_place_the_page_has_not_is_its_text(tmp_path: Path) -> None:
    # A book chapter's "[1](#cap:af)" names a chapter in another file: the page linked to a place it has not, a
    # broken link; one to a place it has (a claim's id) stays a link.
    (tmp_path / "c.md").write_text("# Motivación {#cap:ifa}\n\nDescripto en el Capítulo [1](#cap:af) y en "
                                   "[este](#p1-s1) [otro *sitio*](#nowhere).\n", encoding="utf-8")
    page = essay_html(tmp_path, "c.md")
    assert "Capítulo 1 y en" in text_of(page)
    assert 'href="#cap:af"' not in page and 'href="#nowhere"' not in page and "otro <em>sitio</em>." in page
    assert '<a href="#p1-s1" rel="noopener noreferrer">este</a>' in page


def test_the_maps_claim_names_read_the_claim_as_the_essay_page_shows_it(tmp_path: Path) -> None:
    # An R Markdown thesis opens its paragraphs with "\par": the essay page prints the text without it, the map's
    # name for the claim ("Claim p1-s1: \par Uno de ...") read the claim's markup as written.
    (tmp_path / "ch.Rmd").write_text("\\par Uno de los *principales* problemas [@khatri2012].\n", encoding="utf-8")
    (tmp_path / "t.bib").write_text("@article{khatri2012, author={Khatri, Purvesh}, title={Ten years}, year={2012},"
                                    " journal={J}}\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="ch.Rmd", bibliography="t.bib", claims=""), with_checks=False)
    page = render_site(review, Layout())["map.md"]
    (name,) = re.findall(r'aria-label="(Claim p1-s1: [^"]*)"', page)
    assert name == "Claim p1-s1: Uno de los principales problemas (Khatri 2012)."


@pytest.mark.parametrize(("written", "shown"), [
    # pandoc 3.9's plain text of each; the page showed "Wait..." with its three periods
    ("Wait... a -- b --- c", "Wait\u2026 a \u2013 b \u2014 c"),
    ("`a...b` and `a--b`", "a...b and a--b"),
    (r"a\--b \... c", "a--b ... c"),  # escaped: the characters as written
    ("a note^[Here -- and there...] ends", "a note [note: Here \u2013 and there\u2026] ends"),
])
def test_a_claims_dashes_and_ellipses_are_pandocs_as_a_csl_titles_are(written: str, shown: str) -> None:
    from litreview.bibliography.csl_markdown import markdown_plain
    from litreview.render.claim_text import plain_text

    assert plain_text(written) == shown
    if "^[" not in written:  # a CSL-YAML value has no notes
        assert markdown_plain(written) == shown


def test_a_heading_prints_as_a_heading_of_the_page_not_as_a_numbered_paragraph(tmp_path: Path) -> None:
    # A heading was a numbered paragraph whose title was a claim; it is a heading of the page (the essay's top
    # level the page's second), unnumbered, its citations marked, and counted neither as a paragraph nor a claim.
    (tmp_path / "refs.bib").write_text("@book{waltz1979, title={Theory of International Politics}, "
                                       "author={Waltz, Kenneth N.}, year={1979}, publisher={P}}\n", encoding="utf-8")
    (tmp_path / "e.md").write_text("## Realism [@waltz1979]\n\nStates balance [@waltz1979]. They must.\n\n"
                                   "### Its critics\n\nSome disagree.\n", encoding="utf-8")
    page = essay_html(tmp_path, "e.md", "refs.bib")
    assert '<div class="lr-para lr-heading" id="p1" data-search-exclude="paragraph"><h2><span class="lr-claim" id="p1-s1">Realism <span' in page
    assert 'aria-label="Paragraph 1"' not in page and '<h3><span class="lr-claim" id="p3-s1">Its critics</span></h3>' \
        in page
    assert "Waltz 1979" in text_of(page.split("<h2>")[1].split("</h2>")[0])  # the author's citation in the title
    # the close case: prose stays a numbered paragraph, its ids as they were
    assert '<p><a class="lr-pnum" href="#p2" aria-label="Paragraph 2">2</a> <span class="lr-claim" id="p2-s1">' in page
    assert "<p>2 paragraphs, 3 claims:" in page


def test_a_table_is_printed_as_a_table_and_gets_no_topical_suggestion(tmp_path: Path) -> None:
    # A pipe table's rows were printed as numbered paragraphs of claims and read as prose: a cell got a topical
    # suggestion. The table is a table, each row with its id, each cell's citation marked; the paragraph after it
    # keeps its number and, as prose, its suggestion (the close case).
    (tmp_path / "t.md").write_text(
        "| Tool | Use |\n|---|---|\n| Mesa [@gennep] | Agent-based modeling framework in Python for complex adaptive "
        "systems |\n\nMesa is an agent-based modeling framework in Python for complex adaptive systems.\n\n"
        "Other words about rivers and fish.\n", encoding="utf-8")
    (tmp_path / "t.bib").write_text(
        "@book{mesa, author={Kazil, Jackie}, title={Mesa: An agent-based modeling framework in Python for complex "
        "adaptive systems}, year={2020}, publisher={P}}\n@book{gennep, author={van Gennep, Arnold}, title={Les rites "
        "de passage}, year={1909}, publisher={Nourry}}\n@book{fish, author={Fisher, Ann}, title={Rivers and fish}, "
        "year={1999}, publisher={Nourry}}\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="t.md", bibliography="t.bib", claims=""), with_checks=False)
    assert review.essay is not None
    every = link(review.essay, review.bibliography, all_suggestions=True).links  # shown by default or not
    assert sorted((lk.claim_id, lk.source_key, lk.kind) for lk in every if lk.claim_id < "p3") == [
        ("p2-s1", "gennep", "marker")]
    assert ("p3-s1", "mesa", "topical") in {(lk.claim_id, lk.source_key, lk.kind) for lk in every}
    html = render_site(review, Layout())["essay.md"]
    assert '<table><thead><tr id="p1"><th scope="col"><span class="lr-claim" id="p1-s1">Tool</span></th>' in html
    assert '<tr id="p2"><td><span class="lr-claim" id="p2-s1">Mesa <span class="lr-cites' in html
    assert 'aria-label="Paragraph 2"' not in html and 'aria-label="Paragraph 3"' in html
    assert "<p>2 paragraphs, 2 claims:" in html


def test_a_simple_or_grid_table_is_printed_as_a_table_of_its_cells(tmp_path: Path) -> None:
    # Their rows were printed as numbered paragraphs ("Foo  Described in"); now as a pipe table's, one cell a claim.
    (tmp_path / "e.md").write_text("Prose.\n\n  Tool    Paper\n------  ---------\n   Foo  Described\n\n"
                                   "+-----+-----+\n| A   | B   |\n+=====+=====+\n| x   | y   |\n|     | z   |\n"
                                   "+-----+-----+\n", encoding="utf-8")
    page = before_references(essay_html(tmp_path, "e.md"))
    rows = re.findall(r'<tr id="(p\d+)">(.*?)</tr>', page)
    assert [(anchor, [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]) for anchor, row in rows] == [
        ("p2", ["Tool", "Paper"]), ("p3", ["Foo", "Described"]), ("p4", ["A", "B"]), ("p5", ["x", "y z"])]


def test_an_essay_tables_box_is_no_static_landmark(tmp_path: Path) -> None:
    # Each table's box was a region named "A table of the essay" with a Tab stop, scrolling or not: two tables made
    # two landmarks of one name. The theme's box scrolls it, which litreview.js names and gives a Tab stop.
    (tmp_path / "e.md").write_text("Prose.\n\n| A | B |\n|---|---|\n| x | y |\n\nMore prose.\n\n| C | D |\n|---|---|\n"
                                   "| z | w |\n", encoding="utf-8")
    page = before_references(essay_html(tmp_path, "e.md"))
    tables = re.findall(r'<div class="lr-para lr-table"[^>]*>(<[^>]*>)', page)
    assert tables == ["<table>"] * 2 and "tabindex" not in page and 'role="region"' not in page


def test_a_table_row_is_printed_in_the_cells_the_reader_found(tmp_path: Path) -> None:
    # The page parted a row's text again at each unescaped "|": a code span's "a|b" made two cells. The close case:
    # a blank cell keeps its column.
    (tmp_path / "e.md").write_text("| A | B |\n|---|---|\n| esc \\| pipe | `a|b` code |\n|  | plain |\n",
                                   encoding="utf-8")
    page = before_references(essay_html(tmp_path, "e.md"))
    rows = re.findall(r'<tr id="(p\d+)">(.*?)</tr>', page)
    assert [(anchor, [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]) for anchor, row in rows] == [
        ("p1", ["A", "B"]), ("p2", ["esc | pipe", "a|b code"]), ("p3", ["", "plain"])]


def test_two_tables_a_blank_line_apart_are_two_tables_with_column_headers(tmp_path: Path) -> None:
    # They were printed as one table (rows grouped while their numbers followed one another), headers as <td>.
    (tmp_path / "e.md").write_text("| A | B |\n|---|---|\n| x | y |\n\n| C | D |\n|---|---|\n| z | w |\n",
                                   encoding="utf-8")
    page = before_references(essay_html(tmp_path, "e.md"))
    tables = re.findall(r"<table>(.*?)</table>", page)
    assert [re.sub(r'<span class="lr-claim" id="[^"]*">(.*?)</span>', r"\1", t) for t in tables] == [
        '<thead><tr id="p1"><th scope="col">A</th><th scope="col">B</th></tr></thead>'
        '<tbody><tr id="p2"><td>x</td><td>y</td></tr></tbody>',
        '<thead><tr id="p3"><th scope="col">C</th><th scope="col">D</th></tr></thead>'
        '<tbody><tr id="p4"><td>z</td><td>w</td></tr></tbody>']


def test_pandoc_spans_link_attributes_and_raw_html_tags_print_only_their_text() -> None:
    # pandoc reads "[Bold]{.semibold}" as a span of its text, "{.button}" after a link as the link's attributes and
    # "<i ...></i>", "<br>" as raw HTML: the page printed them as written. No tag nor attribute reaches the page.
    import pypandoc

    from litreview.render.claim_text import claim_html

    text = ('A <i class="fa"></i> [WARNING]{.semibold} and [a [b]{.x} *c*]{#id} so<br> [see](https://a.org){.button}'
            ' [q](https://b.org) {.z}, [this] {.x}, [that]{x}, 1<2 and <img src=x onerror=alert(1)>'
            '[y]{onclick="alert(1)"} `white`{.white} ![ORCID *icon*](images/o.svg "T"){height="13px"}.')
    html, _ = claim_html(text, (), lambda item: None)
    assert "<i" not in html and "<br" not in html and "<img" not in html and "onclick" not in html
    assert "&lt;" in html  # "1<2" stays text, escaped
    assert " ".join(text_of(html).replace("&lt;", "<").split()) == " ".join(
        pypandoc.convert_text(text, "plain", format="markdown", extra_args=["--wrap=none"]).split())
    assert "<em>c</em>" in html and "<code>white</code> [ORCID <em>icon</em>]." in html and '<a href="https://a.org" rel="noopener noreferrer">see</a>' in html


def test_a_tables_empty_corner_cell_is_no_empty_column_header(tmp_path: Path) -> None:
    # A table whose header row starts with an empty cell (the corner over the rows' labels): the page made it an empty
    # <th>, which axe-core reports (empty-table-header); a data cell of no text is what a screen reader skips.
    (tmp_path / "t.md").write_text("Intro.\n\n|   | Research | Climate |\n|:--|---|---|\n| **Domain** | Regional | Global |\n",
                                   encoding="utf-8")
    page = essay_html(tmp_path, "t.md")
    head = page[page.index("<thead>"):page.index("</thead>")]
    assert re.search(r'<tr id="p\d+"><td></td><th scope="col"><span[^>]*>Research</span></th>', head)
    assert "<th scope=\"col\"></th>" not in page and head.count("<th ") == 2


def test_a_link_of_no_text_is_named_by_its_address() -> None:
    # A Manubot template's "[{{author.orcid}}](https://orcid.org/{{author.orcid}})", its values left out, was an empty
    # link: nothing to see or click, and no name for a screen reader (axe-core: link-name).
    from litreview.render.claim_text import claim_html, plain_text

    text = "See [ ](https://orcid.org/) and [](https://x.org/a) and [b](https://b.org)."
    html, _ = claim_html(text, (), lambda item: None)
    assert html == ('See <a href="https://orcid.org/" rel="noopener noreferrer">https://orcid.org/</a> and '
            '<a href="https://x.org/a" rel="noopener noreferrer">https://x.org/a</a> and '
            '<a href="https://b.org" rel="noopener noreferrer">b</a>.')
    assert plain_text(text) == "See https://orcid.org/ and https://x.org/a and b."


def test_no_heading_is_more_than_one_level_below_the_one_before_it(tmp_path: Path) -> None:
    # A manuscript whose sections start one level down ("##" under a lone "#" at its end) printed an h3 after the
    # page's h1, and "###" after "#" an h4 after an h2: a screen reader's outline reads a skipped level as missing.
    (tmp_path / "e.md").write_text("## Opening\n\nStates balance.\n\n#### Detail\n\nThey must.\n\n"
                                   "# Closing\n\nIt ends.\n\n### Coda\n\nTruly.\n\n## Last\n\nDone.\n", encoding="utf-8")
    page = essay_html(tmp_path, "e.md")
    levels = [int(n) for n in re.findall(r'<div class="lr-para lr-heading" id="p\d+"[^>]*><h(\d)', page)]
    assert levels == [2, 3, 2, 3, 3]


def test_a_citation_written_as_a_links_text_is_printed_without_the_link_around_its_mark(tmp_path: Path) -> None:
    # A Jekyll page links each citation to an anchor ("[@roe2001, 12](#roe2001)"): the mark, a link of its own, was
    # printed inside the manuscript's link, and a browser ends a link at the next one, leaving the first empty.
    write_roe(tmp_path)
    (tmp_path / "e.md").write_text("Tools matter [@roe2001, 12](#roe2001) here. See [the list](https://example.org/list) too.\n",
                                   encoding="utf-8")
    page = essay_html(tmp_path, "e.md", "refs.bib")
    body = page.split('id="p1"', 1)[1]
    assert re.search(r"<a [^>]*>(?:(?!</a>).)*<a ", body, re.DOTALL) is None  # no link inside a link
    assert "Roe 2001" in text_of(body) and ", 12 here." in text_of(body)
    # the close case: a link without a citation keeps its link
    assert '<a href="https://example.org/list" rel="noopener noreferrer">the list</a>' in body


def test_a_manubot_citation_by_an_alias_gets_its_mark_where_it_is_cited(tmp_path: Path) -> None:
    # "[@roe2001]: doi:..." names the work by an alias: its entry is keyed by the alias, the citation by the
    # identifier, and the citation was printed as written with the marks after the sentence.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01.md").write_text(
        "Tools matter [@roe2001; @doe2002] in practice.\n\n[@roe2001]: doi:10.1234/abc.5\n", encoding="utf-8")
    (tmp_path / "content" / "manual-references.json").write_text(
        '[{"id": "doe2002", "type": "book", "title": "Means", "author": [{"family": "Doe", "given": "J"}], '
        '"issued": {"date-parts": [[2002]]}}]\n', encoding="utf-8")
    page = essay_html(tmp_path, "content")
    body = before_references(page)
    assert "@roe2001" not in text_of(body) and "@doe2002" not in text_of(body)
    assert body.count('class="lr-cite"') == 2
    assert re.search(r"Tools matter <span class=\"lr-cites", body)


def test_a_span_across_sentences_prints_its_text_without_brackets_or_attributes(tmp_path: Path) -> None:
    # A revision marks its passages "[...]{.blue}": a span over several sentences, each rendered alone, printed its
    # opening bracket in the first and "]{.blue}" in the last.
    write_roe(tmp_path)
    (tmp_path / "e.md").write_text("[Tools matter a great deal [@roe2001]. They *last* for years.]{.blue} Then "
                                   "[one short]{.red} span and [a bracket] stay.\n", encoding="utf-8")
    page = essay_html(tmp_path, "e.md", "refs.bib")
    assert "Tools matter a great deal (Roe 2001). They last for years. Then one short span and [a bracket] stay." \
        in first_paragraph(page)
    assert "<em>last</em>" in page and "\x1a" not in page


@pytest.mark.parametrize(("written", "html"), [
    ("the 2^nd^ edition of CO~2~ data", "the 2<sup>nd</sup> edition of CO<sub>2</sub> data"),
    ("hypothesis H~*a*~ held", "hypothesis H<sub><em>a</em></sub> held"),
    # close cases: a strike-through, marks around a space, a lone caret
    ("~~old~~ text", "<s>old</s> text"),
    ("from 2 ~ 3 ~ 4 and 2^10 here", "from 2 ~ 3 ~ 4 and 2^10 here"),
])
def test_pandoc_superscripts_and_subscripts_are_printed_as_such(written: str, html: str) -> None:
    # "6^e^" and "H2~1~" were printed with their marks: pandoc's Markdown reads them as a superscript and a subscript.
    from litreview.render.claim_text import claim_html

    assert claim_html(written, (), lambda item: None)[0] == html


def test_a_citations_prefix_and_locator_print_as_markdown(tmp_path: Path) -> None:
    # A prefix holding pandoc's escaped semicolon ("[version 2\; @roe2001]") printed its backslash, and emphasis its
    # stars: the prefix and the locator are Markdown, as pandoc reads them.
    write_roe(tmp_path)
    (tmp_path / "e.md").write_text("We used R [version 2\\; @roe2001, *passim*]. It ran [see @roe2001, p. 3].\n",
                                   encoding="utf-8")
    page = essay_html(tmp_path, "e.md", "refs.bib")
    shown = first_paragraph(page)
    assert "We used R (version 2; Roe 2001, passim). It ran (see Roe 2001, p. 3)." in shown
    assert "<em>passim</em>" in page


def test_a_bookdown_figure_reference_prints_the_figures_number(tmp_path: Path) -> None:
    # "Figure \@ref(fig:map)" printed "Figure @ref(fig:map)": bookdown prints the number of the chunk with a caption
    # that the label names, figures numbered in the order of such chunks.
    (tmp_path / "e.Rmd").write_text(
        "See Figure \\@ref(fig:map) and Figure \\@ref(fig:trend), Table \\@ref(tab:counts), \\@ref(fig:gone).\n\n"
        "```{r setup, include=FALSE}\nlibrary(x)\n```\n\n```{r trend, fig.cap = \"A trend\"}\nplot(1)\n```\n\n"
        "```{r map, echo=FALSE, fig.cap=\"A map\"}\nplot(2)\n```\n", encoding="utf-8")
    page = essay_html(tmp_path, "e.Rmd")
    shown = first_paragraph(page)
    assert "See Figure 2 and Figure 1, Table \\@ref(tab:counts), \\@ref(fig:gone)." in shown


def test_a_citation_in_another_citations_locator_gets_its_mark_there(tmp_path: Path) -> None:
    # "[@roe2001, @doe2002]" (a comma for a semicolon): pandoc reads @doe2002 in @roe2001's locator. It was printed as
    # written there ("[Roe 2001, @doe2002]"), its mark after the sentence; it is the mark, where the text cites it.
    write_roe(tmp_path, "@book{doe2002, title={Means}, author={Doe, Jan}, year={2002}, publisher={P}}")
    (tmp_path / "e.md").write_text("Tools matter [@roe2001, @doe2002] here.\n", encoding="utf-8")
    page = essay_html(tmp_path, "e.md", "refs.bib")
    shown = first_paragraph(page)
    assert "Tools matter (Roe 2001, Doe (2002)) here." in shown
    assert "@doe2002" not in shown and shown.count("Doe (2002)") == 1


_DOE_ROE = ("@article{doe, author={Doe, Jane}, title={T}, journal={J}, year={2001}}\n"
            "@article{roe, author={Roe, Rick}, title={U}, journal={J}, year={2003}}\n")


def test_a_citation_in_brackets_prints_in_parentheses_and_one_in_the_text_goes_on_as_pandoc_does(tmp_path: Path) -> None:
    # pandoc's citeproc (author-date) prints [@doe; @roe] as "(Doe 2001; Roe 2003)", [-@doe; -@roe] as "(2001; 2003)"
    # and @doe [@roe] (a citation in the text with a bracket after it: one citation) as "Doe (2001; Roe 2003)"; the
    # page printed square brackets and "Doe (2001) [Roe 2003]". (Its locators are printed as written: "p. 3".)
    (tmp_path / "e.md").write_text(
        "A [@doe; @roe]. B [-@doe; -@roe]. C @doe [@roe]. D @doe [p. 3; @roe]. E @doe [see @roe, p. 4]. F @doe [-@roe]."
        " G @doe, [@roe]. H [see a<b & c @doe].\n", encoding="utf-8")
    (tmp_path / "r.bib").write_text(_DOE_ROE, encoding="utf-8")
    page = essay_html(tmp_path, "e.md", "r.bib")
    assert first_paragraph(page).endswith(
        "A (Doe 2001; Roe 2003). B (2001; 2003). C Doe (2001; Roe 2003). D Doe (2001, p. 3; Roe 2003). E Doe (2001;"
        " see Roe 2003, p. 4). F Doe (2001; 2003). G Doe (2001), (Roe 2003). H (see a&lt;b &amp; c Doe 2001).")
    assert "a<b" not in page


def test_latex_citations_of_several_keys_print_as_pandoc_prints_them(tmp_path: Path) -> None:
    # pandoc -f latex --citeproc: \citet{doe,roe} "Doe (2001; Roe 2003)", \citep{doe,roe} "(Doe 2001; Roe 2003)",
    # \citet[p.~3]{doe,roe} "Doe (2001; Roe 2003, 3)", \citeyearpar{doe} "(2001)".
    (tmp_path / "p.tex").write_text("\\begin{document}\nA \\citet{doe,roe}. B \\citep{doe,roe}. C \\citet[p.~3]{doe,roe}."
                                    " D \\citeyearpar{doe}.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "p.bib").write_text(_DOE_ROE, encoding="utf-8")
    assert first_paragraph(essay_html(tmp_path, "p.tex", "p.bib")).endswith(
        "A Doe (2001; Roe 2003). B (Doe 2001; Roe 2003). C Doe (2001; Roe 2003, p. 3). D (2001).")


def test_a_citation_held_in_another_citations_affix_prints_its_label_in_the_plain_text_too() -> None:
    # The plain text (a card's excerpt, the search index, the map's titles) labels a citation in another's prefix
    # or suffix as the page's HTML does, not with its key.
    from litreview.model import Citation
    from litreview.render.claim_text import claim_html, readable

    text = "It is old [compare @b with @a, cf. @c]."
    outer = Citation(key="a", start=10, end=38, written="compare @b with @a, cf. @c", prefix="compare @b with",
                     suffix=", cf. @c")
    inner = [Citation(key=k, start=text.index(f"@{k}"), end=text.index(f"@{k}") + 2, written=f"@{k}") for k in "bc"]
    label = {"a": "Ash 2001", "b": "Bo 2002", "c": "Cy 2003"}
    shown, _ = readable(text, [outer, *inner], lambda item: label[item.key])
    assert shown == "It is old (compare Bo 2002 with Ash 2001, cf. Cy 2003)."
    html, _ = claim_html(text, [outer, *inner], lambda item: label[item.key])
    assert "Bo 2002" in html and "Cy 2003" in html and "@b" not in html


def test_a_latex_year_only_citation_after_a_name_written_by_hand_prints_the_year(tmp_path: Path) -> None:
    # pandoc 3.9 prints "(Wing i Gould, \cite*{w})" as "(Wing i Gould, (1979))" (\cite* omits the author); the page
    # printed the names twice, "(Wing i Gould, (Wing and Gould 1979))". A multicite command's notes for the whole list
    # stand before its first item and after its last.
    (tmp_path / "p.tex").write_text("\\begin{document}\nIt spread (Wing i Gould, \\cite*{w}) and "
                                    "\\parencites(see)(ff.)[p.~3]{w}[p.~4]{r} and \\cite{r}.\n\\end{document}\n",
                                    encoding="utf-8")
    (tmp_path / "p.bib").write_text("@article{w, author={Wing, Lorna and Gould, Judith}, title={T}, year={1979}}\n"
                                    "@book{r, author={Roe, Jim}, title={U}, year={2003}, publisher={P}}\n",
                                    encoding="utf-8")
    assert first_paragraph(essay_html(tmp_path, "p.tex", "p.bib")).endswith(
        " It spread (Wing i Gould, (1979)) and (see Wing and Gould 1979, p. 3; Roe 2003, p. 4, ff.) and (Roe 2003).")


def test_an_escaped_space_prints_as_the_no_break_space_pandoc_reads(tmp_path: Path) -> None:
    # pandoc reads "«\ mot\ »" as "«", a no-break space, "mot"...; CommonMark escapes no space: the page printed
    # "«\ personnels »", in the sentence and in a citation's suffix. A backslash escaped itself stays one.
    (tmp_path / "essay.md").write_text("Les romans «\\ personnels »[@roe2001, p. 3 «\\ mot\\ »] et C:\\\\ x.\n",
                                       encoding="utf-8")
    body = text_of(before_references(essay_html(tmp_path, "essay.md", write_roe(tmp_path))))
    assert "Les romans «\u00a0personnels »(Roe 2001, p. 3 «\u00a0mot\u00a0») et C:\\ x." in body


def test_a_citations_suffix_with_a_link_or_a_bracket_prints_as_pandoc_prints_it(tmp_path: Path) -> None:
    # pandoc prints "[@roe2001, see [the site](https://x.org), p. 3 [sic]]" as "(Roe 2001, see the site, p. 3 [sic])", the
    # site a link; the page printed "@roe2001" as an in-text citation and the rest of the bracket as text.
    (tmp_path / "essay.md").write_text("A claim [@roe2001, see [the site](https://x.org), p. 3 [sic]].\n",
                                       encoding="utf-8")
    page = before_references(essay_html(tmp_path, "essay.md", write_roe(tmp_path)))
    assert first_paragraph(page).endswith(" A claim (Roe 2001, see the site, p. 3 [sic]).")
    assert 'href="https://x.org"' in page


def test_a_superscript_or_a_span_in_a_plain_excerpt_is_its_text() -> None:
    # The page renders "XIX^e^" and "[x]{.smallcaps}" as pandoc does ("XIXe", "x"); a card's excerpt and a plain suffix
    # kept them as written, taken for text with no markup. A bracket that links nothing stays one.
    from litreview.render.claim_text import plain_text

    assert plain_text("Au XIX^e^ siècle, [Hugo]{.smallcaps} [sic] écrit.") == "Au XIXe siècle, Hugo [sic] écrit."


def test_a_citation_of_a_key_the_bibliography_lacks_prints_as_pandoc_prints_it(tmp_path: Path) -> None:
    # pandoc: "cassé (**kristof2004?**, p. 12)" and "**kristof2004?** says"; the page printed the citation's markup
    # ("cassé[@kristof2004, p. 12]"), and the card of a quotation holding it quoted the markup too. The close case:
    # a cited entry of the bibliography keeps its mark.
    bib = write_roe(tmp_path)
    (tmp_path / "m.md").write_text(
        "Elle écrit «\\ quand le fil d'argent de l'enfance sera cassé[@kristof2004, p. 12]\\ ». "
        "@kristof2004 says so [@roe2001].\n", encoding="utf-8")
    html = essay_html(tmp_path, "m.md", bib)
    text = text_of(before_references(html))
    assert "cassé(kristof2004? (not in the bibliography), p. 12)" in text
    # pandoc's escaped space ("«\\ quand") is the no-break space pandoc prints, not a backslash
    assert "Elle écrit «\u00a0quand" in text and "\\ " not in html
    assert "kristof2004? (not in the bibliography) says so (Roe 2001)" in text
    assert "@kristof2004" not in html.split("lr-para", 1)[1]
    assert '<span class="lr-mark lr-mark--missing"><strong>kristof2004?</strong>' in html


@pytest.mark.parametrize("written", [
    "[Anwendungsbereich dieser Handreichung](Anwendungsbereich-dieser-Handreichung) (Benötigen wir das?)",
    "See [the guide](docs/guide.html#setup) and [ä page](<a page.md>).",
])
def test_a_relative_link_prints_its_text_and_stays_a_link(written: str) -> None:
    # A wiki's "[Anwendungsbereich dieser Handreichung](Anwendungsbereich-dieser-Handreichung)" (a link to another
    # page, no "#" nor scheme) was shown as written, brackets and address; pandoc prints the text, linked.
    import pypandoc

    from litreview.render.claim_text import claim_html

    html, _ = claim_html(written, (), lambda item: None)
    assert "](" not in html
    assert " ".join(text_of(html).split()) == " ".join(
        pypandoc.convert_text(written, "plain", format="markdown", extra_args=["--wrap=none"]).split())
    hrefs = re.findall(r'<a href="([^"]*)" rel="noopener noreferrer">', html)
    pandoc = pypandoc.convert_text(written, "html", format="markdown", extra_args=["--wrap=none"])
    assert hrefs == re.findall(r'<a href="([^"]*)"', pandoc)
    assert hrefs and all(" " not in h and "ä" not in h for h in hrefs)  # encoded


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java%73cript:alert(1)", "x:y", "/etc/passwd", "//evil.example/x",
    "../x", "a/../../x", "%2e%2e/x", "a/%2E%2e/b", "a\\b", "data:text/html,x", "vbscript:x",
    # an encoded "?" or "#" is a path's letter to the browser, which climbs the ".." after it
    "x%3f/../../etc", "x%23/../..", "x%3F/%2e%2e/%2e%2e/y",
])
def test_a_relative_link_that_could_run_or_leave_the_site_prints_only_its_text(address: str) -> None:
    from litreview.render.claim_text import claim_html

    html, _ = claim_html(f"Go [there]({address}) now.", (), lambda item: None)
    assert "href" not in html and text_of(html) == "Go there now.", html


def test_inline_html_formatting_prints_as_pandoc_prints_it_without_attributes(tmp_path: Path) -> None:
    # "## Zielsetzung des Beitrags<sup>[1](#myfootnote1)</sup>": pandoc passes the raw <sup> on, the page showed
    # "Beitrags1". The formatting tags print (their attributes never); any other tag, an unclosed or stray one, and an
    # empty one (an icon's "<i class=fa></i>") print nothing.
    from litreview.render.claim_text import claim_html

    html, _ = claim_html('Zielsetzung<sup>[1](#fn1)</sup>, H<sub onclick="x()">2</sub>O, <b>fett</b> <I>k</I> '
                         '<sup>open, stray</em> <i class="fa"></i><span style="x">s</span>.', (), lambda item: None)
    assert html == ('Zielsetzung<sup><a href="#fn1" rel="noopener noreferrer">1</a></sup>, H<sub>2</sub>O, '
                    '<b>fett</b> <i>k</i> open, stray s.')
    (tmp_path / "d.md").write_text("## Zielsetzung des Beitrags<sup>[1](#myfootnote1)</sup>\n\nText.\n",
                                   encoding="utf-8")
    page = essay_html(tmp_path, "d.md")
    assert re.search(r"<h2[^>]*><span[^>]*>Zielsetzung des Beitrags<sup>1</sup></span></h2>", page), page


def test_a_stray_or_crossed_inline_tag_breaks_nothing() -> None:
    # A stray "</sup>" with no tag open stopped the build ("pop from empty list"); tags crossing emphasis or a link
    # would leave the page's HTML ill-nested: the crossing ones print nothing.
    from litreview.render.claim_text import claim_html, plain_text

    for text, html in [("a</sup> b", "a b"), ("*a <b>b* c</b>", "<em>a b</em> c"),
                       ("[a <i>b](#x) c</i>", '<a href="#x" rel="noopener noreferrer">a b</a> c'),
                       ("<b>*a*</b>", "<b><em>a</em></b>")]:
        assert claim_html(text, (), lambda item: None)[0] == html, text
    assert plain_text("Text</sup>[^1] more") == "Text[^1] more"


@pytest.mark.parametrize("written", [
    "See [the report](files/Annual Report 2020.pdf) now.",
    'See [it](https://example.org/a b "A title") and [this](x (1).md) now.',
    "from [ @ ](https://github.com/ /tree/ ) on.",
])
def test_a_link_whose_address_holds_spaces_prints_as_pandoc_prints_it(written: str) -> None:
    # pandoc reads "[text](an address with spaces)" as a link (its spaces encoded); CommonMark, and the page, left it
    # as written, brackets and address.
    import pypandoc

    from litreview.render.claim_text import claim_html

    html, _ = claim_html(written, (), lambda item: None)
    pandoc = pypandoc.convert_text(written, "html", format="markdown", extra_args=["--wrap=none"])
    assert re.findall(r'<a href="([^"]*)"', html) == re.findall(r'<a href="([^"]*)"', pandoc)
    assert " ".join(text_of(html).split()) == " ".join(text_of(pandoc).split())


def test_a_spaced_link_to_a_script_is_its_text_and_an_unclosed_one_stays_text() -> None:
    from litreview.render.claim_text import claim_html

    assert claim_html("Go [there](javascript: alert(1)) now.", (), lambda item: None)[0] == "Go there now."
    assert claim_html("A [b](c d and more", (), lambda item: None)[0] == "A [b](c d and more"


def test_many_nested_empty_tags_render_in_linear_time() -> None:
    # Each closing tag looked back over everything inside it for text: 5,000 nested empty "<b>" took 3.6 s.
    import time

    from litreview.render.claim_text import claim_html

    started = time.process_time()
    assert claim_html("A " + "<b>" * 10_000 + "</b>" * 10_000 + " <sup> </sup>.", (), lambda item: None)[0] == "A   ."
    assert time.process_time() - started < 3



@pytest.mark.timeout(30)  # instant now; 10 s before for 8,000 openings, growing with their square
@pytest.mark.parametrize("opener", ["<!-- ", "<? ", "<![CDATA[ ", "<!X "])
def test_html_comments_never_closed_cost_no_square(opener: str) -> None:
    # Each "<!--" with no "-->" after it was matched to the end of the text (markdown-it's HTML_TAG_RE), so a sentence
    # of them cost the square of its length. Unclosed, each prints as its text (as pandoc prints it), escaped.
    from litreview.render.claim_text import claim_html

    html, _ = claim_html(opener * 8000, (), lambda item: None)
    assert html.startswith("&lt;") and "<!" not in html and "<?" not in html


def test_closed_html_comments_and_declarations_print_nothing() -> None:
    # pandoc's reading: a comment closes at the first "-->" (that of "--->" too), a processing instruction at "?>"
    import pypandoc

    from litreview.render.claim_text import claim_html

    written = "A<!-- x -- y -->B<!---->C<!-->D<?php x ?>E<![CDATA[ z ]]>F<!DOCTYPE html>G<!-- a --->H"
    html, _ = claim_html(written, (), lambda item: None)
    assert text_of(html) == "ABCDEFGH", html
    passed = "A<!-- x -- y -->B<!---->C<?php x ?>D<!-- a --->E"  # what pandoc passes on as raw HTML
    assert text_of(claim_html(passed, (), lambda item: None)[0]) == "ABCDE"
    assert re.sub(r"<!--.*?-->|<\?.*?\?>", "", pypandoc.convert_text(passed, "html", format="markdown")).strip() \
        == "<p>ABCDE</p>"


def test_a_books_chapters_each_number_their_own_note_and_link_back_to_their_own_reference(tmp_path: Path) -> None:
    # Quarto renders each chapter of a book on its own: "[^1]" in two chapters are two notes. Each chapter's note was
    # read, but the page keyed a note on its label alone: the second chapter's reference linked to the first chapter's
    # note, and the second note's mark linked back to the first chapter's reference. A note is (chapter, label).
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n"
                                          "    - two.qmd\n", encoding="utf-8")
    (tmp_path / "index.qmd").write_text("# One\n\nIt holds here.[^1]\n\n[^1]: A first note.\n", encoding="utf-8")
    (tmp_path / "two.qmd").write_text("# Two\n\nIt holds there.[^1]\n\n[^1]: A second note.\n", encoding="utf-8")
    body = before_references(essay_html(tmp_path, "_quarto.yml"))
    refs = re.findall(r'<sup class="lr-fnref"><a href="#fn(\d+)"', body)
    assert refs == ["1", "2"]
    first, second = (re.search(rf'id="{p}".*?</div>', body).group() for p in ("p3", "p6"))
    assert 'id="fn1">Note 1</span> <a class="lr-fnback" href="#p2-s1"' in first
    assert 'id="fn2">Note 2</span> <a class="lr-fnback" href="#p5-s1"' in second


def test_a_link_a_reviewer_accepted_says_where_the_decision_is_recorded(tmp_path: Path) -> None:
    # A reviewer's "relies on it" on a sentence that cites nothing: the card and the entry's page said "confirmed",
    # as they say of a citation litreview read, and not that a reviewer decided it, nor where (a rejection said both).
    (tmp_path / "e.md").write_text("Sovereignty was tamed long ago. Others agree [@roe2001].\n", encoding="utf-8")
    write_roe(tmp_path, "@book{holsti2004, author={Holsti, K. J.}, title={Taming}, year={2004}, publisher={P}}")
    (tmp_path / "claims.yaml").write_text("essay: e.md\nlinks:\n  - claim: p1-s1\n    source: holsti2004\n"
                                          "    status: confirmed\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="e.md", bibliography="refs.bib", claims="claims.yaml"),
                          with_checks=False)
    pages = render_site(review, Layout(), root=str(tmp_path))
    accepted = pages["essay.md"].split('id="p1-s1"')[1].split('id="p1-s2"')[0]
    assert "Decision recorded in <code>claims.yaml:3</code>" in accepted
    assert "decision recorded in <code>claims.yaml:3</code>" in pages["sources/holsti2004.md"]
    cited = pages["essay.md"].split('id="p1-s2"')[1]  # a citation litreview read: no decision to name
    assert "ecision recorded" not in cited.split("</p>")[0]
    # What litreview says of the link is no quotation of the essay: not in quotation marks as if it wrote it
    assert "Evidence: recorded by a reviewer" in accepted and "“recorded by a reviewer”" not in accepted
