"""The essay loader: front matter, paragraphs, sentence claims, selectors and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.errors import EssayError
from litreview.essay import load_essay, parse_essay


def sentences(text: str) -> list[str]:
    return [c.text for c in parse_essay(text).claims]


# --- sentence splitting: pysbd plus the fixes for what it gets wrong -----------------

@pytest.mark.parametrize(("text", "expected"), [
    ("K.J. Holsti qualified it. Then more.", ["K.J. Holsti qualified it.", "Then more."]),
    ("John Hall and T.V. Paul frame this. Next.", ["John Hall and T.V. Paul frame this.", "Next."]),
    ("As K. J. Holsti argued, it holds. Next.", ["As K. J. Holsti argued, it holds.", "Next."]),
    ("This, according to Hedley Bull et al., is so. Next.",
     ["This, according to Hedley Bull et al., is so.", "Next."]),
    ("The U.S. Department of State is large. It has diplomats.",
     ["The U.S. Department of State is large.", "It has diplomats."]),
    ("Schools, e.g. realism, agree. Others do not.", ["Schools, e.g. realism, agree.", "Others do not."]),
    ("Work by Dupuy et al. (2016) shows it. Next.", ["Work by Dupuy et al. (2016) shows it.", "Next."]),
    # pysbd ends a sentence after "Inc." before "&": no sentence begins with "&".
    ("It uses crossfilter (Square, Inc. & crossfilter contributors (2019)) and dc. Next.",
     ["It uses crossfilter (Square, Inc. & crossfilter contributors (2019)) and dc.", "Next."]),
])
def test_initials_and_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_citation_after_et_al_stays_in_its_sentence() -> None:
    # pysbd alone splits before the bracket.
    assert sentences("As noted by Smith et al. [-@smith2001], it works. Next.") == [
        "As noted by Smith et al. [-@smith2001], it works.", "Next."]


def test_a_year_word_after_et_al_in_a_parenthesis_stays_in_its_sentence() -> None:
    # citeproc prints a year field as written: "(Peute et al. In preparation)"; outside a parenthesis "et al. In"
    # still ends a sentence.
    assert sentences("Work has begun (e.g., Peute et al. In preparation). We hope so.") == [
        "Work has begun (e.g., Peute et al. In preparation).", "We hope so."]
    assert sentences("It was shown by Peute et al. In the lab it holds.") == [
        "It was shown by Peute et al.", "In the lab it holds."]


def test_cf_and_volume_numbers_do_not_end_sentences() -> None:
    # pysbd alone splits after "Cf." and after "vol.".
    assert sentences("Cf. Wendt on this. It is in vol. 3, no. 2. Done.") == [
        "Cf. Wendt on this.", "It is in vol. 3, no. 2.", "Done."]


def test_us_before_a_plain_sentence_start_ends_the_sentence() -> None:
    # pysbd alone keeps "We use the U.S. The next ..." as one sentence.
    assert sentences("We use the U.S. The next one begins.") == ["We use the U.S.", "The next one begins."]


def test_us_before_a_name_does_not_end_the_sentence() -> None:
    assert sentences("The U.S. Army trains. Next.") == ["The U.S. Army trains.", "Next."]


# --- paragraphs and ids --------------------------------------------------------------

DOC = """---
title: A test
---

# Heading

First paragraph. Its second sentence.

```
code. Not prose.
```

Setext heading
--------------

| a | b |
|---|---|

$$
x = 1.
$$

<!-- a comment. -->

* item one. Item one again.
* item two

Last paragraph
wrapped over lines.
"""


def test_headings_tables_and_list_items_are_read_code_math_and_comments_are_not() -> None:
    essay = parse_essay(DOC, "doc.md")
    assert [(c.id, c.text) for c in essay.claims] == [
        ("title-s1", "A test"),  # the front matter's title, read as pandoc reads it; the body's ids start at p1
        ("p1-s1", "Heading"),
        ("p2-s1", "First paragraph."), ("p2-s2", "Its second sentence."),
        ("p3-s1", "Setext heading"),
        ("p4-s1", "a"), ("p4-s2", "b"),  # a table row is a paragraph, each cell read on its own
        ("p5-s1", "item one."), ("p5-s2", "Item one again."),  # each list item is a paragraph
        ("p6-s1", "item two"),
        ("p7-s1", "Last paragraph wrapped over lines."),  # whitespace collapsed
    ]
    assert essay.meta == {"title": "A test"}
    assert essay.body_line == 4


def test_headings_are_marked_as_headings_and_keep_the_numbers_the_ids_after_them_count_from() -> None:
    # A heading names a section: the readers mark it (the site prints it as a heading, the linkers suggest nothing
    # for it) and it keeps its paragraph number, so the ids of the sentences after it (pinned above) do not move.
    essay = parse_essay(DOC, "doc.md")
    assert [(p.anchor, p.heading) for p in essay.paragraphs] == [
        ("title", 0), ("p1", 1), ("p2", 0), ("p3", 2), ("p4", 0), ("p5", 0), ("p6", 0), ("p7", 0)]
    closed = parse_essay("## Realism ## {#sec-realism}\n\n### Its critics [@wendt1995] ###\n\nProse.\n", "d.md")
    assert [(p.heading, p.text) for p in closed.paragraphs] == [(2, "Realism"), (3, "Its critics [@wendt1995]"),
                                                               (0, "Prose.")]
    assert [c.key for c in closed.paragraphs[1].claims[0].citations or ()] == ["wendt1995"]  # still cited


def test_a_multiline_tables_last_row_over_its_closing_dashes_is_no_heading() -> None:
    # CommonMark reads the indented row over the dashes as a setext heading; pandoc reads a table (the close case of
    # a setext heading, which is one)
    table = ("Opening.\n\n------------------------------\n      **A**    **B**\n--------  --------------------\n"
             "       x   @m1 and more\n          words\n\n       y   @m2\n------------------------------\n\n"
             "Heading\n-------\n")
    assert [(p.text, p.heading) for p in parse_essay(table, "t.md").paragraphs][-2:] == [("y | @m2", 0),
                                                                                        ("Heading", 2)]


def test_claim_lines_and_offsets_point_into_the_file() -> None:
    essay = parse_essay(DOC, "doc.md")
    lines = DOC.splitlines()
    for claim in essay.claims:
        if claim.paragraph > 0:
            assert essay.body[claim.start:claim.end].split()[0] in lines[claim.line - 1]
        else:  # the title: in the front matter, not in the body
            assert (claim.start, claim.end, lines[claim.line - 1]) == (0, 0, "title: A test")
    last = essay.claims[-1]
    assert last.line == 28  # "Last paragraph" is on line 28 of the file (counted by hand)
    assert essay.paragraphs[-1].line == 28
    assert essay.claim("p4-s2").line == 16  # the table's header row


def test_selector_has_32_characters_of_context() -> None:
    essay = parse_essay("Alpha beta gamma delta epsilon zeta eta. The claim itself. Theta iota kappa lambda mu nu.")
    claim = essay.claims[1]
    assert claim.selector.exact == "The claim itself."
    assert claim.selector.prefix == "beta gamma delta epsilon zeta eta. "[-32:]
    assert claim.selector.suffix == " Theta iota kappa lambda mu nu."[:32]


def test_essay_without_front_matter() -> None:
    essay = parse_essay("Just one sentence.")
    assert essay.meta == {} and essay.body_line == 1 and len(essay.claims) == 1


# --- bad input -----------------------------------------------------------------------

def test_empty_essay(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(EssayError) as err:
        load_essay(path)
    assert "empty" in str(err.value) and str(path) in str(err.value)


def test_not_utf8(tmp_path: Path) -> None:
    # "à" is "ŕ" in Windows-1250: no reading is certain (one that is is read: test_essay_notices).
    path = tmp_path / "essay.md"
    path.write_bytes("First line.\n\nLa pi\xe8ce \xe0 c\xf4t\xe9.".encode("latin-1"))
    with pytest.raises(EssayError) as err:
        load_essay(path)
    assert err.value.line == 3 and "UTF-8" in err.value.message and err.value.hint


def test_no_paragraphs() -> None:
    with pytest.raises(EssayError) as err:
        parse_essay("---\ntitle: x\n---\n\n<!-- a comment -->\n\n```\ncode\n```\n", "e.md")
    assert "no paragraphs" in err.value.message and err.value.line == 4


def test_unclosed_front_matter() -> None:
    with pytest.raises(EssayError) as err:
        parse_essay("---\ntitle: x\n\nText here.\n", "e.md")
    assert err.value.line == 1 and "not closed" in err.value.message


def test_bad_front_matter_yaml_gives_its_line() -> None:
    with pytest.raises(EssayError) as err:
        parse_essay("---\ntitle: x\nbad: [unclosed\n---\n\nText.\n", "e.md")
    assert err.value.line is not None and err.value.line >= 3


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EssayError) as err:
        load_essay(tmp_path / "nope.md")
    assert "not found" in err.value.message


# --- the essay under review -----------------------------------------------------------

def test_the_review_essay_segments_as_read(root: Path) -> None:
    essay = load_essay(root / "refs" / "essay.md")
    assert len(essay.paragraphs) == 17
    assert essay.claim("p1-s2").text.startswith("K.J. Holsti qualified")
    assert essay.claim("p3-s5").text.startswith("John Hall and T.V. Paul frame")
    assert essay.claim("p3-s11").text.startswith("This, according to Hedley Bull et al., is")
    assert essay.claim("p9-s1").text.startswith("To best explicate")  # leading space dropped


def test_a_sentence_may_begin_with_an_in_text_citation() -> None:
    assert sentences("Power is shared [@a; @b]. @wendt1992anarchy showed it early. Next.") == [
        "Power is shared [@a; @b].", "@wendt1992anarchy showed it early.", "Next."]


def test_a_bare_key_after_et_al_or_alone_stays_in_its_sentence() -> None:
    assert sentences("As noted by Smith et al. @smith2001 shows it works. Next.") == [
        "As noted by Smith et al. @smith2001 shows it works.", "Next."]
    assert sentences("It holds. @smith2001 [p. 3]. Next one.") == ["It holds. @smith2001 [p. 3].", "Next one."]


def test_heading_attributes_are_not_claim_text() -> None:
    # pandoc and Quarto: `# Introduction {#sec-intro}` is the heading "Introduction" (the site showed the braces).
    essay = parse_essay("# Intro {#sec-a .unnumbered}\n\nText here.\n\n## Two ## {-}\n\nMore.\n\n# Set {x}\n")
    assert [c.text for c in essay.claims] == ["Intro", "Text here.", "Two", "More.", "Set {x}"]


def test_heading_attributes_glued_to_the_text_are_not_claim_text() -> None:
    # pandoc reads "### Title{.center .page_center}" as the heading "Title" (the page showed the braces).
    import pypandoc

    text = "### A page title{.center .page_center}\n\nText here.\n\n# Set{x}\n"
    essay = parse_essay(text)
    assert [c.text for c in essay.claims] == ["A page title", "Text here.", "Set{x}"]
    assert pypandoc.convert_text(text, "plain", format="markdown").split("\n")[0] == "A page title"


@pytest.mark.parametrize("heading", ["## 2.2. Objectius específics", "# Chapter 1. The Beginning",
                                     "### II. Results. A first look [@wendt1995]"])
def test_a_heading_is_one_claim_its_section_number_no_sentence(heading: str) -> None:
    # A heading names a section: pandoc reads it as one Header. "## 2.2. Objectius específics" (a Catalan R Markdown
    # report numbering its headings by hand) was two claims, "2.2." and "Objectius específics".
    essay = parse_essay(f"{heading}\n\nProse. More prose.\n", "d.md")
    assert [[c.text for c in p.claims] for p in essay.paragraphs] == [[heading.lstrip("# ")], ["Prose.", "More prose."]]
