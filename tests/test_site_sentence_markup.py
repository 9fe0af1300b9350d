"""What one sentence shares with the rest of its paragraph, as the site shows it: emphasis that opens in one sentence
and closes in another (the page renders each sentence alone, and showed the two halves of the pair as written:
"**1.1.", "Statistical analysis**"), and a citation held in another's suffix. Expected values by hand."""

from __future__ import annotations

import html
import re
from pathlib import Path

from test_site_essay_markup import before_references, essay_html, text_of, write_roe

from litreview.render.emphasis_across import emphasis_across, with_delimiters


def claim_spans(page: str, paragraph: str) -> dict[str, str]:
    """The claims of one paragraph of the essay page: id -> their HTML, cards left out."""
    body = page.split(f'id="{paragraph}"', 1)[1].split("</p>", 1)[0]
    body = re.sub(r'<span class="lr-card".*?</span></span></span>', "", body)
    return dict(re.findall(r'<span class="lr-claim[^"]*" id="([\w-]+)">(.*?)</span>(?= <span class="lr-claim|$)',
                           body))


def test_a_bold_heading_cut_after_its_number_is_bold_in_both_sentences(tmp_path: Path) -> None:
    # A Word export's numbered heading, "**1.1.  Statistical analysis**": the sentence splitter ends a sentence
    # after "1.1.", and each half printed its "**".
    (tmp_path / "e.md").write_text("**1.1.  Statistical analysis**\n\nAll data are online [@roe2001].\n",
                                   encoding="utf-8")
    page = essay_html(tmp_path, "e.md", write_roe(tmp_path)).split('id="references"')[0]
    assert "*" not in text_of(page)
    claims = claim_spans(page, "p1")
    assert claims == {"p1-s1": "<strong>1.1.</strong>", "p1-s2": "<strong>Statistical analysis</strong>"}


def test_a_bold_comment_of_several_sentences_keeps_its_citation_mark(tmp_path: Path) -> None:
    # A co-author's comment left in bold over three sentences, a citation in the second: the citation's place in
    # its sentence moves with the markup written before it, and its mark stands where the author cited.
    (tmp_path / "e.md").write_text("Data were shared. **CRIS - Should we say more? That is, best practice "
                                   "[@roe2001]. And a readme.** Then more.\n", encoding="utf-8")
    page = essay_html(tmp_path, "e.md", write_roe(tmp_path)).split('id="references"')[0]
    assert "*" not in text_of(page) and "@roe2001" not in text_of(page)
    claims = claim_spans(page, "p1")
    assert claims["p1-s1"] == "Data were shared."
    assert claims["p1-s2"] == "<strong>CRIS - Should we say more?</strong>"
    assert claims["p1-s3"].startswith("<strong>That is, best practice <span class=\"lr-cites lr-cites--inline\">")
    assert 'href="../sources/roe2001/"' in claims["p1-s3"] and claims["p1-s3"].endswith("</span>.</strong>")
    assert claims["p1-s4"] == "<strong>And a readme.</strong>" and claims["p1-s5"] == "Then more."


def test_an_italic_note_that_opens_with_an_escaped_star_is_italic_throughout(tmp_path: Path) -> None:
    # "*\*Note that ... . This decision ... tests.*": the escaped star is printed, the emphasis is rendered.
    (tmp_path / "e.md").write_text("*\\*Note that this deviates. This was not needed.*\n", encoding="utf-8")
    page = essay_html(tmp_path, "e.md").split('id="references"')[0]
    claims = claim_spans(page, "p1")
    assert claims == {"p1-s1": "<em>*Note that this deviates.</em>", "p1-s2": "<em>This was not needed.</em>"}


def places_of(text: str, *sentences: str) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for sentence in sentences:
        at = text.index(sentence, cursor)
        out.append((at, at + len(sentence)))
        cursor = at + len(sentence)
    return out


def test_emphasis_within_a_sentence_math_and_lone_stars_carry_nothing() -> None:
    sentences = ("It is *so*.", "A $a_1$ and $b_2$ too.", "Then 2 * 3 holds.", "And 4 * 5.", "**Bold.**", "End.")
    text = " ".join(sentences)
    assert emphasis_across(text, places_of(text, *sentences)) == [("", "")] * 6
    # the close case: one pair across the third and fourth sentences
    text = "One. Two. *Three. Four.* Five."
    assert emphasis_across(text, places_of(text, "One.", "Two.", "*Three.", "Four.*", "Five.")) == [
        ("", ""), ("", ""), ("", "*"), ("*", ""), ("", "")]
    # nested: bold inside italic, both open across the one place between the sentences
    assert emphasis_across("*A **b. C** d.*", [(0, 7), (8, 15)]) == [("", "***"), ("***", "")]


def test_a_sentence_takes_the_delimiters_that_touch_it_in_the_text_between() -> None:
    text = "*First. Then last.* After"
    assert with_delimiters(text, places_of(text, "First.", "Then last.")) == [(0, 7), (8, 19)]
    # a delimiter with a blank between it and the sentence is the other sentence's, or nobody's
    text = "One * two. * Three."
    assert with_delimiters(text, places_of(text, "One * two.", "Three.")) == places_of(text, "One * two.", "Three.")


def test_a_citation_in_anothers_suffix_is_quoted_with_its_label_not_its_key(tmp_path: Path) -> None:
    # "[@roe2001' @doe2000; @poe2009]" (an apostrophe for a ";"): pandoc reads @doe2000 in @roe2001's suffix, and
    # the essay page marks it there; a source page's excerpt and a card's evidence quoted its key as written.
    from litreview.config import Config
    from litreview.render.layout import Layout
    from litreview.render.site import render_site
    from litreview.review import build_review

    bib = write_roe(tmp_path, "@book{doe2000, title={Tides}, author={Doe, Jane}, year={2000}, publisher={P}}",
                    "@book{poe2009, title={Waves}, author={Poe, Al}, year={2009}, publisher={P}}")
    (tmp_path / "e.md").write_text("Errors hinder science [@roe2001' @doe2000; @poe2009].\n", encoding="utf-8")
    review = build_review(Config(root=tmp_path, essay="e.md", bibliography=bib, claims=""), with_checks=False)
    pages = render_site(review, Layout())
    source = html.unescape(text_of(pages["sources/poe2009.md"]))
    # @doe2000 is an author-in-text citation, printed as pandoc prints one: "Doe (2000)"
    assert "(Roe 2001, ' Doe (2000); Poe 2009)" in source and "@doe2000" not in source
    assert "@doe2000" not in text_of(pages["essay.md"])


def test_a_locator_of_a_citation_in_the_text_prints_its_dashes_as_pandoc_does(tmp_path: Path) -> None:
    # "@roe2001 [26--27]" prints "Roe (2001, 26–27)", as the same locator in brackets does ("(Roe 2001, 26–27)");
    # the mark in the text showed the two hyphens as written.
    (tmp_path / "e.md").write_text("As @roe2001 [26--27] says. Also seen [@roe2001, 26--27].\n", encoding="utf-8")
    page = before_references(essay_html(tmp_path, "e.md", write_roe(tmp_path)))
    text = " ".join(text_of(page.split('id="p1"', 1)[1].split("</p>", 1)[0]).split())
    assert "Roe (2001, 26\u201327) says" in text and "(Roe 2001, 26\u201327)" in text
    assert "--" not in text
