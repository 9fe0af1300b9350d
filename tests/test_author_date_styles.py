"""Author-date citations as other CSL styles and authors' prose render them (APA, ASA, Harvard, Copernicus,
...): year letters collapsed after one year ("Doe 2010a, b"), the author named in the prose and suppressed
in the citation, and the dev documents bench/author_date_styles.py writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.styles import LetterOrder
from litreview.model import Bibliography, Person

BENCH = Path(__file__).resolve().parents[1] / "bench"

LETTERS = r"""@article{h1, author = {Harrer, Simon and Lenhard, J{\"o}rg and Wirtz, Guido}, title = {Alpha}, year = {2014}}
@article{h2, author = {Harrer, Simon and Lenhard, J{\"o}rg and Wirtz, Guido}, title = {Beta}, year = {2014}}
@article{h3, author = {Harrer, Simon and Lenhard, J{\"o}rg and Wirtz, Guido}, title = {Gamma}, year = {2014}}
@article{h4, author = {Harrer, Simon}, title = {Delta}, year = {2015}}
@book{d1, author = {Dohmen, Melanie and Menzel, Miriam and Axer, Markus}, title = {Fibres}, year = {2015}}
@book{m1, author = {Menzel, Miriam and Axer, Markus and Amunts, Katrin}, title = {Light}, year = {2015}}
"""


def _keys(text: str, bib: Bibliography) -> list[str]:
    linkage = link(parse_essay(text), bib)
    return [lk.source_key for lk in linkage.links if lk.kind == "marker"]


@pytest.mark.parametrize(("text", "keys"), [
    # Copernicus, Harvard, APA: the year is not printed again before a further letter.
    ("Tests agree (Harrer et al., 2014a, b; 2015).", ["h1", "h2", "h4"]),
    ("Tests agree (Harrer et al. 2014a, b, c).", ["h1", "h2", "h3"]),
    ("Tests agree (Harrer et al. 2014b, a).", ["h2", "h1"]),
    ("Harrer et al. (2014a, c) test it.", ["h1", "h3"]),
    # A page after a lettered year stays a locator.
    ("Tests agree (Harrer et al. 2014c, p. 4).", ["h3"]),
    # Annual Reviews collapses three letters or more into a range ("year-suffix-ranged").
    ("Tests agree (Harrer et al. 2014a–c, Harrer 2015).", ["h1", "h2", "h3", "h4"]),
    ("Harrer et al. (2014a–c) test it.", ["h1", "h2", "h3"]),
])
def test_collapsed_year_letters(text: str, keys: list[str]) -> None:
    assert sorted(_keys(text, parse_bibliography(LETTERS))) == sorted(keys)


@pytest.mark.parametrize(("text", "keys"), [
    # Annual Reviews lists items with commas: a comma after a year, then names and a year, starts an item.
    ("Tests agree (Harrer 2015, Menzel et al. 2015, p. 3).", ["h4", "m1"]),
    ("Tests agree (Harrer et al. 2014a,b, Harrer 2015).", ["h1", "h2", "h4"]),
    # Commas inside one name list, or before a page, start no item.
    ("Tests agree (Dohmen, Menzel, and Axer 2015, 12).", ["d1"]),
    # The year of a narrative citation too, when a bracketed item follows it: "@h4 [see also @m1]".
    ("Harrer (2015, see also Menzel et al. 2015) tests it.", ["h4", "m1"]),
    ("Harrer et al. (2014a, see also Harrer 2015) test it.", ["h1", "h4"]),
    ("Harrer (2015, p. 12) tests it.", ["h4"]),
    # An item's suffix in words before the comma that parts it from the next ("[@h4 on tests; @m1 on light]").
    ("Tests agree (Harrer 2015 on the tests though, Menzel et al. 2015 on light).", ["h4", "m1"]),
])
def test_items_listed_with_commas(text: str, keys: list[str]) -> None:
    assert sorted(_keys(text, parse_bibliography(LETTERS))) == sorted(keys)


PAGED = """@article{sageman, author = {Sageman, Marc}, title = {Confronting al-Qaeda}, date = 2009}
@incollection{crenshaw, author = {Crenshaw, Martha and {LaFree}, Gary}, title = {The Tip of the Iceberg}, date = 2017}
@book{waltz, author = {Waltz, Kenneth N.}, title = {Theory of International Politics}, year = 1979}
"""


@pytest.mark.parametrize(("text", "links"), [
    # pandoc's renderings of [@sageman: 5; @crenshaw: 69], [@sageman, 5; @crenshaw, 69] and [@waltz: 88; @sageman]
    # in Ecology, and of [@crenshaw, 69; @sageman, 5] in Annual Reviews: a page ends its item too (a colon page
    # is kept as written, as for a last item).
    ("A (Sageman 2009: 5, Crenshaw and LaFree 2017: 69).", [("sageman", ": 5"), ("crenshaw", ": 69")]),
    ("B (Sageman 2009 p. 5, Crenshaw and LaFree 2017 p. 69).", [("sageman", "p. 5"), ("crenshaw", "p. 69")]),
    ("C (Waltz 1979: 88, Sageman 2009).", [("waltz", ": 88"), ("sageman", "")]),
    ("B (Crenshaw & LaFree 2017, p. 69, Sageman 2009, p. 5).", [("crenshaw", "p. 69"), ("sageman", "p. 5")]),
])
def test_a_page_before_a_comma_ends_its_item(text: str, links: list[tuple[str, str]]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(PAGED))
    assert [(lk.source_key, lk.locator) for lk in linkage.links if lk.kind == "marker"] == links


def test_a_suppressed_author_is_the_one_named_in_its_own_sentence() -> None:
    # The sentence before cites an entry with Menzel as second author; the prose names Menzel first.
    text = "It holds (e.g., Dohmen et al. 2015, 33). Menzel et al. also note (2015) that it holds."
    assert _keys(text, parse_bibliography(LETTERS)) == ["d1", "m1"]


def test_a_suppressed_author_falls_back_on_the_sentence_before() -> None:
    text = "Dohmen and her colleagues studied fibres. They found it holds (2015)."
    assert _keys(text, parse_bibliography(LETTERS)) == ["d1"]


@pytest.fixture
def styles_module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import author_date_styles

        yield author_date_styles
    finally:
        sys.path.remove(str(BENCH))


@pytest.fixture
def eval_author_date():  # type: ignore[no-untyped-def]
    """bench/eval_author_date.py, imported as the bench runs it."""
    sys.path.insert(0, str(BENCH))
    try:
        import eval_author_date

        yield eval_author_date
    finally:
        sys.path.remove(str(BENCH))


def test_the_generated_documents_write_names_as_authors_do(styles_module) -> None:  # type: ignore[no-untyped-def]
    names = styles_module.written_names
    assert names((Person("Doe", "Jane"),)) == "Doe"
    assert names((Person("Doe", "Jane"), Person("Roe", "Rita"))) == "Doe and Roe"
    assert names((Person("Doe", "Jane"), Person("others"))) == "Doe et al."
    assert names((Person("Gennep", "Arnold", "van"), Person("Roe"), Person("Poe"))) == "van Gennep et al."


def test_the_generated_documents_use_author_date_styles_and_dev_material_only(styles_module) -> None:  # type: ignore[no-untyped-def]
    plan = styles_module.plan()
    assert len({name for name, *_ in plan}) == len(plan)
    held = ("testjabref.bib", "chaudhry-heiss", "quarto-silent-skywalk", "latex-araa-gps", "joss-iharm3d",
            "joss-amrex", "joss-adaptiveresonance", "joss-multivae", "manubot-rootstock")
    assert not [bib for _, bib, *_ in plan if any(h in bib for h in held)]
    for _, _, style, _ in plan:
        path = styles_module.style_path(style) if style else None
        if path is not None:
            assert 'citation-format="author-date"' in path.read_text(encoding="utf-8")


def test_a_folder_of_manuscripts_is_rendered_in_every_folder_style(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\twhere\n"
                                          "essay\tessay/paper.md\tessay/paper.bib\towner/repo\n"
                                          "book\tbook/ms.tex\tbook/refs.bib\n", encoding="utf-8")
    jobs = styles_module.folder_jobs(tmp_path)
    essays = [j for j in jobs if j.name.startswith("wild-essay-")]
    assert len(essays) == len(styles_module.FOLDER_STYLES)
    assert {(j.style, j.lang) for j in essays} == set(styles_module.FOLDER_STYLES)
    assert all(j.source == tmp_path.resolve() / "essay/paper.md" for j in essays)
    # A LaTeX source has no front matter to set the language in: no second Chicago rendering.
    books = [j for j in jobs if j.name.startswith("wild-book-")]
    assert len(books) == len(styles_module.FOLDER_STYLES) - 1 and all(j.style or not j.lang for j in books)
    for style, _ in styles_module.FOLDER_STYLES:
        path = styles_module.style_path(style) if style else None
        if path is not None:
            assert 'citation-format="author-date"' in path.read_text(encoding="utf-8")


def test_a_manuscript_in_several_files_is_one_document_per_file(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Each document is rendered into the folder of its name: one name for two files would evaluate the last twice.
    (tmp_path / "SOURCES.tsv").write_text("thesis\tthesis/ch1.tex\tthesis/refs.bib\n"
                                          "thesis\tthesis/Chapter_2.tex\tthesis/refs.bib\n"
                                          "essay\tessay/paper.md\tessay/refs.bib\n", encoding="utf-8")
    names = {j.name for j in styles_module.folder_jobs(tmp_path) if j.style == "apa"}
    assert names == {"wild-thesis-ch1-apa", "wild-thesis-chapter-2-apa", "wild-essay-apa"}


def test_a_manuscripts_folder_row_without_its_bibliography_is_refused_with_its_line(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "SOURCES.tsv").write_text("essay\tessay/paper.md\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"SOURCES.tsv:1: expected name, source and .bib"):
        styles_module.folder_jobs(tmp_path)


def test_a_citation_keeps_its_known_keys_when_another_is_missing(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "summary.json").write_text('{"pandoc_missing_warnings": ["gone"]}', encoding="utf-8")
    rows = ['{"rendered": "(Doe 2001; gone?)", "keys": ["doe", "gone"]}', '{"rendered": "(gone?)", "keys": ["gone"]}',
            '{"rendered": "(Roe 2002)", "keys": ["roe"]}']
    (tmp_path / "gold_intext_citations.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    styles_module._drop_unknown(tmp_path)
    kept = (tmp_path / "gold_intext_citations.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(r)["keys"] for r in kept] == [["doe"], ["roe"]]


def test_a_citation_in_anothers_suffix_is_gold_for_what_pandoc_prints(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # [@edens2022, @comte2022] prints "Comte et al. (2022)" alone; the gold tool gave it Edens's key.
    cites = [{"cite_group": 0, "key": "edens2022", "suffix": ", @comte2022"},
             {"cite_group": 1, "key": "roe", "suffix": ", p. 4"}]
    (tmp_path / "citations.jsonl").write_text("".join(json.dumps(c) + "\n" for c in cites), encoding="utf-8")
    rows = [{"cite_group": 0, "rendered": "Comte et al. (2022)", "keys": ["edens2022"]},
            {"cite_group": 1, "rendered": "(Roe 2002, 4)", "keys": ["roe"]}]
    (tmp_path / "gold_intext_citations.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows),
                                                          encoding="utf-8")
    styles_module._inner_as_printed(tmp_path)
    kept = (tmp_path / "gold_intext_citations.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(r)["keys"] for r in kept] == [["comte2022"], ["roe"]]
    assert json.loads(kept[0])["unprinted"] == ["edens2022"]


def test_a_bracket_of_keys_parted_by_commas_is_gold_for_its_last_inner_citation(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # [@a, @b, @c; @d, @e] prints "E (2005)" alone: the other keys are printed nowhere.
    cites = [{"cite_group": 0, "key": "a", "suffix": ", @b, @c"}, {"cite_group": 0, "key": "d", "suffix": ", @e"}]
    (tmp_path / "citations.jsonl").write_text("".join(json.dumps(c) + "\n" for c in cites), encoding="utf-8")
    (tmp_path / "gold_intext_citations.jsonl").write_text(
        json.dumps({"cite_group": 0, "rendered": "E (2005)", "keys": ["a", "d"]}) + "\n", encoding="utf-8")
    styles_module._inner_as_printed(tmp_path)
    [row] = [json.loads(r) for r in (tmp_path / "gold_intext_citations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (row["keys"], row["unprinted"]) == (["e"], ["a", "d", "b", "c"])


def test_a_folder_manuscripts_reference_list_gets_a_title(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Untitled, pandoc prints the list right after the prose, and the evaluation read its entries as citations. A
    # LaTeX source has no front matter to carry the title: it is given on pandoc's command line, for every format.
    pytest.importorskip("pypandoc")
    corpus = BENCH.parents[1] / "shared" / "corpus"
    if not (corpus / "manuscripts" / "tools" / "gold.py").is_file():
        pytest.skip("the corpus's gold tool is not at hand")
    (tmp_path / "ms.tex").write_text("\\documentclass{article}\n\\begin{document}\nIt holds \\cite{doe}.\n"
                                     "\\end{document}\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{doe, author = {Doe, Ann}, title = {Tides}, year = {2001}}\n",
                                       encoding="utf-8")
    job = styles_module.Job("wild-book-chicago", tmp_path / "ms.tex", tmp_path / "refs.bib", "", "")
    out = tmp_path / "out"
    out.mkdir()
    [(_, text, _, _)] = styles_module.render(corpus, out, planned=[job])
    rendered = text.read_text(encoding="utf-8")
    assert "\nReferences\n" in rendered
    assert rendered.index("It holds") < rendered.index("\nReferences\n") < rendered.index("Doe, Ann. 2001")


def test_a_reference_list_placed_mid_document_is_left_out_of_the_prose(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A document's own "::: {#refs}" before its appendices (an R Markdown report's "# Referències") put the list in the
    # prose the evaluation reads, and an entry ("Doe, A. (2001).") read as a citation where pandoc rendered none. The
    # source's div is empty: litreview reads no entry there. Rendered here, the list goes to the end under its title.
    pytest.importorskip("pypandoc")
    corpus = BENCH.parents[1] / "shared" / "corpus"
    if not (corpus / "manuscripts" / "tools" / "gold.py").is_file():
        pytest.skip("the corpus's gold tool is not at hand")
    (tmp_path / "ms.md").write_text("---\nbibliography: refs.bib\n---\n\nIt holds [@doe].\n\n# Referències\n\n"
                                    "::: {#refs}\n:::\n\n# Annex\n\nIt still holds [@doe].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{doe, author = {Doe, Ann}, title = {Tides}, year = {2001}}\n",
                                       encoding="utf-8")
    job = styles_module.Job("wild-report-chicago", tmp_path / "ms.md", tmp_path / "refs.bib", "", "")
    out = tmp_path / "out"
    out.mkdir()
    [(_, text, _, gold)] = styles_module.render(corpus, out, planned=[job])
    rendered = text.read_text(encoding="utf-8")
    assert "Doe, Ann. 2001" not in styles_module.body_with_notes(rendered)
    assert rendered.index("It still holds") < rendered.index("\nReferences\n") < rendered.index("Doe, Ann. 2001")
    assert len(gold.read_text(encoding="utf-8").splitlines()) == 2


def test_a_citation_printed_in_small_capitals_is_found_in_the_plain_text(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # DIN 1505-2 and ISO 690 print names in small capitals; pandoc's plain text prints them as capitals, while
    # the gold keeps the names as written. Not found, the item was lost and its marker counted as a wrong one.
    (tmp_path / "refs.bib").write_text("@book{doe, author = {Doe, Ann and Roe, Bo and Poe, Cy}, title = {T}, "
                                       "year = {2020}}\n", encoding="utf-8")
    (tmp_path / "rendered.txt").write_text("It holds (DOE u. a., 2020).\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"rendered": "(Doe u. a., 2020)", "keys": ["doe"]}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["resolved"], counts["wrong"], counts["not in text"]) == (1, 0, 0)


def test_a_citation_printed_as_nothing_is_no_item(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Springer prints a citation of entries with neither names nor date as nothing: the gold's empty rendering was
    # placed at the text's first free position and counted as a miss no reader could avoid.
    (tmp_path / "refs.bib").write_text("@misc{web, title = {Web Page}}\n@book{doe, author = {Doe, Ann}, title = {T}, "
                                       "year = {2020}}\n", encoding="utf-8")
    (tmp_path / "rendered.txt").write_text("It holds (Doe 2020). It runs .\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"rendered": "(Doe 2020)", "keys": ["doe"]}\n'
                                         '{"rendered": "", "keys": ["web"]}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["items"], counts["resolved"], counts["printed nothing"]) == (1, 1, 1)


def test_the_keys_a_bracket_prints_nowhere_are_no_items(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # "[@roe, @doe]" prints "Doe (2020)" alone: Roe's key, printed nowhere, was counted a miss no reader could avoid.
    (tmp_path / "refs.bib").write_text("@book{doe, author = {Doe, Ann}, title = {T}, year = {2020}}\n"
                                       "@book{roe, author = {Roe, Bo}, title = {U}, year = {2011}}\n", encoding="utf-8")
    (tmp_path / "rendered.txt").write_text("It holds Doe (2020).\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"rendered": "Doe (2020)", "keys": ["doe"], "unprinted": ["roe"]}\n',
                                         encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["items"], counts["resolved"], counts["printed nothing"]) == (1, 1, 1)


def test_a_citation_in_a_figure_caption_the_plain_text_drops_is_no_item(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A LaTeX figure prints in plain text as its image, "[]", with no caption: the caption's "(Doe 2020)" took the
    # place of the body's, and the body's was counted not found. A Markdown figure prints its caption as "[...]".
    (tmp_path / "refs.bib").write_text("@book{doe, author = {Doe, Ann}, title = {T}, year = {2020}}\n"
                                       "@book{roe, author = {Roe, Bo}, title = {U}, year = {2021}}\n", encoding="utf-8")
    (tmp_path / "rendered.txt").write_text("[]\n\n[A map (Roe 2021).]\n\nIt holds (Doe 2020).\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(
        '{"rendered": "(Doe 2020)", "keys": ["doe"], "location": "figure_caption"}\n'
        '{"rendered": "(Roe 2021)", "keys": ["roe"], "location": "figure_caption"}\n'
        '{"rendered": "(Doe 2020)", "keys": ["doe"], "location": "body"}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["items"], counts["resolved"], counts["not in text"], counts["caption dropped"]) == (2, 2, 0, 1)


def test_a_citation_in_a_footnote_is_looked_for_in_the_footnotes_first(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # "(2020)" of "Levinson's (2020)" in a footnote is also in the body's "Levinson (2020)": placed there, the item
    # was counted missed in the body and its footnote's marker a wrong one.
    (tmp_path / "refs.bib").write_text("@book{doe, author = {Doe, Ann}, title = {T}, year = {2020}}\n",
                                       encoding="utf-8")
    (tmp_path / "rendered.txt").write_text(
        "As Doe (2020) shows, it holds.[1]\n\nReferences\n\nDoe, Ann. 2020. T.\n\n"
        "[1] We use Doe’s (2020) notation.\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(
        '{"rendered": "Doe (2020)", "keys": ["doe"], "location": "body"}\n'
        '{"rendered": "(2020)", "keys": ["doe"], "location": "footnote"}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["resolved"], counts["wrong"], counts["not in text"]) == (2, 0, 0)


def test_notes_whose_first_opens_on_a_line_of_its_own_are_read(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # pandoc prints "[1]" alone on its line when the note's first word is longer than the line (a Japanese note
    # has no spaces): the notes were left out, and their citations counted as not found.
    (tmp_path / "refs.bib").write_text("@book{yt, author = {山田, 花子}, title = {本}, year = {2018}}\n",
                                       encoding="utf-8")
    (tmp_path / "rendered.txt").write_text(
        "本文である。[1]\n\nReferences\n\n山田花子. 2018. 本.\n\n"
        "[1]\n" + "長い注" * 30 + "(山田 2018)。\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"rendered": "(山田 2018)", "keys": ["yt"], "location": "footnote"}\n',
                                         encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["resolved"], counts["wrong"], counts["not in text"]) == (1, 0, 0)


def test_a_generated_document_cites_every_entry_in_several_forms(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bib = tmp_path / "refs.bib"
    bib.write_text(LETTERS, encoding="utf-8")
    doc = styles_module.document(bib, "de-DE")
    assert "lang: de-DE" in doc
    for key in ("h1", "h2", "h3", "h4", "d1", "m1"):
        assert f"@{key}" in doc
    for form in ("[@h2, 12–14]", "@h3 argues that", "[see @", "[p. 5] adds", "[e.g., @"):
        assert form in doc
    assert "Work by Harrer agrees [@h1; @h2; @h3; @h4]." in doc


POOLED = r"""@article{g1, author = {Gustafsson, Oscar and Ohlsson, Henrik and Wanhammar, Lars}, title = {Alpha}, year = {2001}}
@article{g2, author = {Gustafsson, Oscar and Johansson, Kenny and Wanhammar, Lars}, title = {Beta}, year = {2001}}
@article{g3, author = {Gustafsson, Oscar and Johansson, Kenny and Wanhammar, Lars}, title = {Gamma}, year = {2001}}
@article{g4, author = {Gustafsson, Oscar and Wanhammar, Lars}, title = {Delta}, year = {2001}}
"""


@pytest.mark.parametrize(("text", "order", "keys"), [
    # Copernicus: "et al." for every list of three or more, lettered together by the first name and then the title;
    # ASA, DIN 1505-2: by every name in full first. The style not known, a letter either order gives another entry
    # is left open.
    ("Gustafsson et al. (2001a) show it.", "csl-title", ["g1"]),
    ("It holds (see Gustafsson et al., 2001b, p. 2).", "csl-title", ["g2"]),
    ("It holds (Gustafsson et al. 2001c).", "csl-title", ["g3"]),
    ("Gustafsson et al. (2001a) show it.", "names-title", ["g2"]),
    ("It holds (see Gustafsson et al., 2001b, p. 2).", "names-title", ["g3"]),
    ("It holds (Gustafsson et al. 2001c).", "names-title", ["g1"]),
    ("Gustafsson et al. (2001a) show it.", "", []),
    ("It holds (see Gustafsson et al., 2001b, p. 2).", "", []),
    ("It holds (Gustafsson et al. 2001c).", "", []),
])
def test_year_letters_over_author_lists_et_al_prints_alike(text: str, order: str, keys: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(POOLED), letter_order=order)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys


SPELLED_APART = r"""@article{jle, author = {Glaeser, Edward L. and Gyourko, Joseph and Saks, Raven}, title = {Why Is Manhattan So
  Expensive?}, year = {2005}, month = oct}
@article{aer, author = {Glaeser, Edward L and Gyourko, Joseph and Saks, Raven E}, title = {Why Have Housing Prices Gone
  Up?}, year = {2005}, month = apr}
"""


@pytest.mark.parametrize(("text", "order", "keys"), [
    # Two exports of one author list, spelled a little apart ("Raven" and "Raven E"): citeproc prints them alike,
    # "Edward L. Glaeser et al.", and sorts them by the names in full, punctuation aside, before the title (Chicago)
    # or the date (ABNT, whose sort reads every name of a list shorter than its et-al-min): "Raven" first. They were
    # lettered by title, or by the first name and date, the other way round.
    ("Prices rose (Edward L. Glaeser et al. 2005b). Edward L. Glaeser et al. (2005a) argue it.", "title",
     ["aer", "jle"]),
    ("Prices rose (Glaeser; Gyourko; Saks, 2005b). Glaeser; Gyourko; Saks (2005a) argue it.",
     LetterOrder("cited", (4, 1), dated=True, given="full"), ["aer", "jle"]),
])
def test_author_lists_spelled_apart_are_lettered_by_their_names_in_full(text: str, order: str, keys: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(SPELLED_APART), letter_order=order)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys


@pytest.mark.parametrize(("text", "keys"), [
    # A style that prints the given names as spelled (AAA, ISO 690) tells the two apart by them and letters no year:
    # the spelling printed is the entry's, whatever the sentence's words ("expensive" is a word of the other's title).
    ("New York got more expensive (Edward L Glaeser, Gyourko, and Saks 2005).", ["aer"]),
    ("New York got more expensive (Glaeser, Edward L, Gyourko y Saks 2005).", ["aer"]),
    ("Prices rose (Edward L. Glaeser, Gyourko, and Saks 2005).", ["jle"]),
    # No given names printed: nothing tells which.
    ("Prices rose (Glaeser, Gyourko, and Saks 2005).", []),
])
def test_author_lists_spelled_apart_are_told_apart_by_the_spelling_printed(text: str, keys: list[str]) -> None:
    assert _keys(text, parse_bibliography(SPELLED_APART)) == keys


@pytest.mark.parametrize(("text", "keys"), [
    # "Wilcox K" and "Allen K." as written in a .bib: two family names "K" and "K.", which citeproc prints apart.
    ("Dit is een stoornis (K, 2023).", ["wilcox"]),
    ("Ze moeten het neerschrijven (K., 2023) kan het.", ["allen"]),
    ("K. (2023) zegt het.", ["allen"]),
])
def test_family_names_spelled_apart_are_told_apart_by_the_spelling_printed(text: str, keys: list[str]) -> None:
    bib = parse_bibliography("@article{wilcox, title = {What Is Inattentive ADHD?}, author = {Wilcox K}, year = {2023}}\n"
                             "@article{allen, title = {From Chaos to Clarity}, author = {Allen K.}, year = {2023}}\n")
    assert _keys(text, bib) == keys


@pytest.mark.parametrize(("text", "keys"), [
    ("It holds (Gustafsson and Wanhammar 2001).", ["g4"]),
    # Chicago adds names until the lists differ, and letters only the same list.
    ("It holds (Gustafsson, Johansson, and Wanhammar 2001a).", ["g2"]),
    ("It holds (Gustafsson, Johansson, and Wanhammar 2001b).", ["g3"]),
    ("It holds (Gustafsson, Ohlsson, and Wanhammar 2001).", ["g1"]),
])
def test_year_letters_over_several_author_lists_printed_alike(text: str, keys: list[str]) -> None:
    assert _keys(text, parse_bibliography(POOLED)) == keys


INITIALLED = r"""@article{suyog, author = {Gupta, Suyog and Agrawal, Ankur and Gopalakrishnan, Kailash},
  title = {Deep Learning with Limited Numerical Precision}, year = {2015}}
@article{aman, author = {Gupta, Aman and Wang, Haohan and Ganapathiraju, Madhavi},
  title = {Learning Structure in Gene Expression Data}, year = {2015}}
@article{yifeng, author = {Li, Yifeng and Chen, Chih-Yu and Wasserman, Wyeth W.}, title = {Deep Feature Selection},
  year = {2016}}
@article{yi, author = {Li, Yi and Shi, Wenqiang and Wasserman, Wyeth W.}, title = {Zeta Regions}, year = {2016}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # Copernicus prints both lists "Gupta et al." and sorts its bibliography by the first name as it prints it,
    # "Gupta, A." before "Gupta, S.", and only then by title (as pandoc's citeproc letters them).
    ("It holds (Gupta et al., 2015a).", ["aman"]),
    ("Gupta et al. (2015b) show it.", ["suyog"]),
    # The same initials: the title decides, not the given names in full ("Yi" before "Yifeng").
    ("It holds (Li et al., 2016a).", ["yifeng"]),
    ("It holds (Li et al., 2016b).", ["yi"]),
])
def test_lists_printed_alike_are_lettered_by_the_first_name_as_the_style_sorts_it(text: str, keys: list[str]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(INITIALLED), letter_order="csl-title")
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == keys


def test_a_suppressed_author_named_last_wins_a_tie() -> None:
    bib = parse_bibliography("@book{eel, author = {Egbert von Eel}}\n@book{frome, author = {Francis van der valt Frome}}\n")
    text = "It holds (e.g., Eel, n.d., 33). van der valt Frome also notes (n.d.) that it holds."
    assert _keys(text, bib) == ["eel", "frome"]


SPELLED = r"""@book{plain1, author = {Someone Smith}, title = {Alpha}, year = {2001}}
@book{caron1, author = {Someone {\v S}mith}, title = {Beta}, year = {2001}}
@book{caron2, author = {Someone Šmith}, title = {Gamma}, year = {2001}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # citeproc compares names as spelled: Šmith's two works are lettered, Smith's one is not.
    ("It holds (Šmith 2001a).", ["caron1"]),
    ("It holds (Šmith 2001b).", ["caron2"]),
    ("Šmith (2001b) says so.", ["caron2"]),
    ("It holds (Smith 2001).", ["plain1"]),
])
def test_names_that_differ_only_by_an_accent_are_different_names(text: str, keys: list[str]) -> None:
    assert _keys(text, parse_bibliography(SPELLED)) == keys


UNREAD_DATES = r"""@book{iso, author = {Doe, John}, title = {Alpha}, date = {1995-10-04}}
@book{onedigit, author = {Doe, John}, title = {Beta}, date = {1995-1-04}}
@book{dotted, author = {Doe, John}, title = {Gamma}, date = {04.10.1995}}
@book{openstart, author = {Roe, Jane}, title = {Delta}, date = {/2004-01-01}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # A date not in ISO form gives no year (biber and pandoc ignore it): the style prints n.d., lettered.
    ("It holds (Doe 1995).", ["iso"]),
    ("It holds (Doe, n.d.-a).", ["onedigit"]),
    ("It holds (Doe, n.d.-b).", ["dotted"]),
    ("It holds (Roe 2004).", ["openstart"]),
])
def test_a_date_field_styles_cannot_read_prints_no_date(text: str, keys: list[str]) -> None:
    assert _keys(text, parse_bibliography(UNREAD_DATES)) == keys


UNDATED = r"""@article{ire, author = {Ireys, A. and Chernoff, A. and DeVet, A. and Kim, A.}, title = {Care}}
@misc{who, author = {{WHO}}, title = {Guidance}}
@book{dated, author = {Doe, John and Roe, Jane}, title = {Dated}, year = {2001}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # Springer's basic author-date prints no "n.d.": an undated entry is cited by its names alone.
    ("It holds (Ireys et al.).", ["ire"]),
    ("It holds (see Ireys et al., chap. 2).", ["ire"]),
    ("It holds (Ireys et al., pp. 12–14).", ["ire"]),
    # An organisation's acronym alone, which the words before it do not spell: "written in Alloy (MIT)".
    ("Its guidance is written in plain words (WHO).", ["who"]),
    # Not a citation: a gloss (the words before spell the acronym, or hold its letters: "Weltgesundheitsorganisation"),
    # names of an entry with a date, a bare number after the names.
    ("The World Health Organization (WHO) says so.", []),
    ("Die Weltgesundheitsorganisation (WHO) sagt es.", []),
    ("It holds (Doe and Roe).", []),
    ("It holds (Ireys et al., 1234).", []),
])
def test_styles_that_print_no_date_cite_by_names_alone(text: str, keys: list[str]) -> None:
    assert _keys(text, parse_bibliography(UNDATED)) == keys


@pytest.mark.parametrize(("text", "links"), [
    # Annual Reviews and Ecology part items with commas and print no "n.d.": an undated entry's names and its labelled
    # page, then the next item ("[@L12, 7; @L11]" printed "(Rancour & Bile, p. 7, Rancour 1922)").
    ("It holds (Ireys et al., p. 7, Doe and Roe 2001).", [("ire", "p. 7"), ("dated", "")]),
    ("It holds (compare Ireys et al., sec. 3, also Doe and Roe 2001).", [("ire", "sec. 3"), ("dated", "")]),
    # A bare number after the names is no labelled page: names of a list, not an item.
    ("It holds (Ireys et al., 7, Doe and Roe 2001).", [("dated", "")]),
])
def test_an_undated_item_with_a_page_ends_at_the_comma_after_it(text: str, links: list[tuple[str, str]]) -> None:
    linkage = link(parse_essay(text), parse_bibliography(UNDATED))
    assert [(lk.source_key, lk.locator) for lk in linkage.links if lk.kind == "marker"] == links


def test_given_names_before_an_earlier_citation_do_not_count_for_the_next() -> None:
    bib = parse_bibliography("@misc{mer, author = {Meredith Williams}, title = {T}, date = {2011}}\n"
                             "@misc{mic, author = {Michael Williams}, title = {T}, date = {2011}}\n"
                             # A long name makes the look-back window reach the first citation.
                             "@misc{un, author = {{United Nations Department of Economic and Social Affairs}}, "
                             "title = {W}, year = {2019}}\n")
    assert _keys("So do Meredith Williams (2011) and Michael Williams (2011).", bib) == ["mer", "mic"]


GIVEN = r"""@misc{jane, author = {John Blether and Jane Doe}, title = {Alpha}, date = {2011}}
@misc{john1, author = {John Blether and John Doe}, title = {Beta}, date = {2011}}
@misc{john2, author = {John Blether and John Doe}, title = {Gamma}, date = {2011}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # Chicago tells Jane Doe from John Doe by the given name in full; only John Doe's two works are lettered.
    ("It holds (Blether and John Doe 2011a).", ["john1"]),
    ("It holds (Blether and John Doe 2011b).", ["john2"]),
    ("It holds (Blether and Jane Doe 2011).", ["jane"]),
])
def test_lists_that_differ_by_a_given_name_are_not_lettered_together(text: str, keys: list[str]) -> None:
    assert _keys(text, parse_bibliography(GIVEN)) == keys


PRINTED_ALIKE = r"""@misc{john, author = {John Blether and John Doe}, date = {2011}}
@misc{jane, author = {John Blether and Jane Doe}, date = {2011}}
@misc{edward, author = {John Blether and Edward Doe}, date = {2011}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # APSA adds no given names: the three lists print alike and are lettered along the bibliography's sort
    # (Doe, Edward; Doe, Jane; Doe, John), not along the file.
    ("It holds (Blether and Doe 2011a).", ["edward"]),
    ("It holds (Blether and Doe 2011b).", ["jane"]),
    ("It holds (Blether and Doe 2011c).", ["john"]),
])
def test_letters_over_lists_printed_alike_follow_the_bibliography_sort(text: str, keys: list[str]) -> None:
    assert _keys(text, parse_bibliography(PRINTED_ALIKE)) == keys


def test_a_year_behind_a_sort_key_is_the_year_printed() -> None:
    # "{\noopsort{1973c}}1981" sorts as 1973c and prints 1981 (BibTeX's trick); citeproc prints "1981".
    bib = parse_bibliography(r"""@book{n1, author = {Nast, Ivo}, title = {Gears}, year = {{\noopsort{1973c}}1981}}
@book{n2, author = {Nast, Ivo}, title = {Wheels}, year = {1973}}
""")
    assert _keys("It holds (Nast 1981). It holds too (Nast 1973).", bib) == ["n1", "n2"]


def test_no_date_printed_with_a_space() -> None:
    # The German APA of the DGPs prints "n. d.", lettered "n. d.-a".
    bib = parse_bibliography(r"""@book{u1, author = {Ulm, Eva}, title = {Alpha}}
@book{u2, author = {Ulm, Eva}, title = {Beta}}
""")
    assert _keys("Es gilt (Ulm, n. d.-b). Ulm (n. d.-a) zeigt es.", bib) == ["u2", "u1"]


def test_abnts_no_date_in_brackets() -> None:
    # ABNT prints Portuguese "s.d." capitalised in brackets: "(Tilly, [S.d.])", "(“Web Page”, [S.d.])".
    bib = parse_bibliography(r"""@book{t1, author = {Tilly, Cy}, title = {Essays}}
@misc{w1, title = {AMR Resources Web Page}, url = {https://example.org/amr}}
""")
    assert _keys("It holds (Tilly, [S.d.]). It exists (“AMR Resources Web Page”, [S.d.]).", bib) == ["t1", "w1"]
    assert _keys("It holds (Tilly, [1999]).", bib) == []  # a bracketed year is no "no date"


def test_harvards_no_date_and_its_letter() -> None:
    # Harvard (Cite Them Right) prints "no date", lettered "no date b".
    bib = parse_bibliography(r"""@online{s1, author = {scipy}, title = {Alpha}}
@online{s2, author = {scipy}, title = {Beta}}
@book{t1, author = {Tilly, Cy}, title = {Essays}}
""")
    assert _keys("It holds (scipy, no date b).", bib) == ["s2"]
    assert sorted(_keys("It holds (scipy, no date b, no date a).", bib)) == ["s1", "s2"]
    assert _keys("Tilly (no date) agrees.", bib) == ["t1"]


def test_harvard_names_an_unsigned_article_by_its_journal() -> None:
    bib = parse_bibliography(r"""@article{e1, title = {Climate Change}, journal = {The Economist}, year = {2011}}
@article{d1, author = {Doe, Jo}, title = {Ice}, journal = {The Economist}, year = {2011}}
""")
    assert _keys("Climates change (The Economist, 2011).", bib) == ["e1"]


def test_a_list_the_document_prints_in_full_is_not_one_et_al_stands_for() -> None:
    # Harvard (Cite Them Right) prints three authors in full and "et al." from four: "Foreman-Mackey et al." is
    # one of the two four-author lists, lettered by title (Celerite first), never the three-author one, which the
    # title order would have put between them (it was linked to "2017b").
    bib = parse_bibliography(r"""@article{f1, author = {Foreman-Mackey, D. and Agol, E. and Ambikasaran, S. and Angus, R.}, title = {Fast and Scalable Modeling}, year = {2017}}
@article{f2, author = {Foreman-Mackey, D. and Agol, E. and Ambikasaran, S. and Angus, R.}, title = {Celerite}, year = {2017}}
@article{f3, author = {Foreman-Mackey, D. and Hogg, D. W. and Morton, T. D.}, title = {Exoplanet Population Inference}, year = {2017}}
""")
    text = ("Processes scale (see Foreman-Mackey et al., 2017b, chap. 3; 2017a). Populations are inferred "
            "(Foreman-Mackey, Hogg and Morton, 2017).")
    assert _keys(text, bib) == ["f1", "f2", "f3"]
    narrative = "Processes scale (see Foreman-Mackey et al., 2017b). Foreman-Mackey, Hogg and Morton (2017) agree."
    assert _keys(narrative, bib) == ["f1", "f3"]


def test_a_name_after_a_year_is_not_a_page_label() -> None:
    # Ecology: "(Cothren et al. 2008, Kaplan 2012, Gruenewald et al. 2019a)"; "Kaplan 2012" is an item, not a page.
    assert _keys("Tests agree (Harrer 2015, Menzel 2015, Dohmen et al. 2015).", parse_bibliography(LETTERS)) \
        == ["h4", "m1", "d1"]


def test_an_undated_title_in_quotation_marks_is_cited_by_it() -> None:
    # pandoc with din-1505-2.csl prints a web page with no author and no date by its title in quotation marks; a title
    # this short is read as a citation only so (unquoted, it may be a gloss).
    bib = parse_bibliography(r"""@misc{stat, title = "Statistik om d{\"o}dsorsaker", booktitle = "Socialstyrelsen"}
@article{doe, author = {Doe, Jane}, title = {Trauma care}, journal = {J}, year = {2020}}
""")
    linkage = link(parse_essay("In 2023, 5221 people died due to trauma („Statistik om dödsorsaker“). So said "
                               "Doe (Doe 2020)."), bib)
    assert sorted(lk.source_key for lk in linkage.links if lk.kind == "marker") == ["doe", "stat"]
    linkage = link(parse_essay("They used the usual register (Statistik om dödsorsaker). So said Doe (Doe 2020)."), bib)
    assert sorted(lk.source_key for lk in linkage.links if lk.kind == "marker") == ["doe"]


def test_an_undated_corporate_author_with_a_word_in_lower_case_is_cited_by_it() -> None:
    # pandoc with springer-basic-author-date.csl prints an entry with no date by its names alone.
    bib = parse_bibliography(r"""@misc{openfisca, author = {{OpenFisca contributors}}, title = {{OpenFisca}: open-source
  engine to write rules as code}}
@article{doe, author = {Doe, Jane}, title = {Catala}, journal = {J}, year = {2021}}
""")
    linkage = link(parse_essay("OpenFisca’s deployed tax-benefit engines (OpenFisca contributors), Catala’s language "
                               "(Doe 2021)."), bib)
    assert sorted(lk.source_key for lk in linkage.links if lk.kind == "marker") == ["doe", "openfisca"]
    linkage = link(parse_essay("It was built by its users (the contributors), in Catala (Doe 2021)."), bib)
    assert sorted(lk.source_key for lk in linkage.links if lk.kind == "marker") == ["doe"]


LATER = r"""@article{h16, author = {Heiss, Andrew}, title = {Amicable contempt}, journal = {J}, year = {2016}}
@article{hf, author = {Heiss, Andrew}, title = {Forthcoming work}, journal = {J}, year = {forthcoming}}
@article{hk, author = {Heiss, Andrew and Kelley, Judith}, title = {Between a rock}, journal = {J}, year = {2017}}
@article{tilly, author = {Tilly, Charles}, title = {From mobilization to revolution}, year = {1978}}
@article{tillynd, author = {Tilly, Charles}, title = {Undated notes}}
@article{fa, author = {Foreman-Mackey, Daniel and Agol, Eric and Angus, Ruth}, title = {Alpha}, year = {2017}}
@article{fb, author = {Foreman-Mackey, Daniel and Agol, Eric and Angus, Ruth}, title = {Beta}, year = {2017}}
@misc{amr, title = {AMR resources web page}}
@misc{xsdk, title = {xSDK version 0.4.0 web page}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # pandoc's renderings of [@h16; @hf; @hk] in APA, Harvard, ASA and Annual Reviews: a year word after the year.
    ("Work waits (Heiss, 2016, forthcoming; Heiss & Kelley, 2017).", ["h16", "hf", "hk"]),
    ("Work waits (Heiss 2016, forthcoming, p. 5).", ["h16", "hf"]),
    # Chicago prints it first: read as before.
    ("Work waits (Heiss forthcoming, 2016; Heiss and Kelley 2017).", ["hf", "h16", "hk"]),
])
def test_a_year_word_after_a_year_of_the_same_names(text: str, keys: list[str]) -> None:
    assert sorted(_keys(text, parse_bibliography(LATER))) == sorted(keys)


@pytest.mark.parametrize(("text", "keys"), [
    # pandoc's renderings of [@tillynd; @tilly, 3] and [see @fa, chap. 3; @fb] in Ecology, and of [@hf, 5; @h16] in
    # Springer: styles that part items with commas print a further year of the same names after the page.
    ("Tilly wrote much (Tilly 1978 p. 3, n.d.).", ["tilly", "tillynd"]),
    ("Processes scale (see Foreman-Mackey et al. 2017a chap. 3, 2017b).", ["fa", "fb"]),
    ("Work waits (Heiss forthcoming, p. 5, 2016).", ["hf", "h16"]),
    # Springer and Annual Reviews print the further letter alone: [see @fa, chap. 3; @fb].
    ("Processes scale (see Foreman-Mackey et al. 2017a, chap. 3, b).", ["fa", "fb"]),
    ("Processes scale (see Foreman-Mackey et al. 2017a, chap. 3,b).", ["fa", "fb"]),
    # A bare number after a page is a page still, and so is a letter after an unlettered year.
    ("Tilly wrote much (Tilly 1978, 3, 1975).", ["tilly"]),
    ("Tilly wrote much (Tilly 1978, fig. 3, b).", ["tilly"]),
])
def test_a_further_year_after_a_page(text: str, keys: list[str]) -> None:
    assert sorted(_keys(text, parse_bibliography(LATER))) == sorted(keys)


@pytest.mark.parametrize(("text", "keys"), [
    # pandoc with ecology.csl: [@amr; @xsdk], two web pages with no author and no date, by their titles.
    ("Resources exist (“AMR resources web page” n.d., “xSDK version 0.4.0 web page” n.d.).", ["amr", "xsdk"]),
    # An item with no date, or a year word, ends at a comma before the next names as a dated one does.
    ("Tilly wrote much (Heiss 2016, Tilly n.d.).", ["h16", "tillynd"]),
    ("Tilly wrote much (Tilly n.d., p. 7, Heiss 2016).", ["h16", "tillynd"]),
    ("Work waits (Heiss forthcoming, Tilly 1978).", ["hf", "tilly"]),
])
def test_items_with_no_year_listed_with_commas(text: str, keys: list[str]) -> None:
    assert sorted(_keys(text, parse_bibliography(LATER))) == keys


def test_a_citation_the_source_writes_as_text_is_unscored_not_wrong(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # "Doe [(2020)](https://paperpile.com/...)" in the source is a link to pandoc, no citation: the gold has none
    # there, while litreview reads Doe (2020), an entry the document cites elsewhere. Not a wrong link; nor is one
    # whose words name its entry alone.
    (tmp_path / "refs.bib").write_text("@book{doe, author = {Doe, Ann}, title = {T}, year = {2020}}\n"
                                       "@book{roe, author = {Roe, Bo}, title = {U}, year = {2021}}\n"
                                       "@book{kim, author = {Kim, Cy and Lee, Di}, title = {V}, year = {2019}}\n"
                                       "@book{kim2, author = {Kim, Cy}, title = {W}, year = {2019}}\n", encoding="utf-8")
    (tmp_path / "rendered.txt").write_text("It holds (Doe 2020).\n\nWe proceed as Doe (2020) did.\n\n"
                                           "So does Roe (2021). Kim and Lee (2019) differ.\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"rendered": "(Doe 2020)", "keys": ["doe"]}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    # Roe (2021), which the gold never cites, names the one entry by Roe of 2021: typed as text too. Kim and Lee
    # (2019), which the gold never cites either, shares its first name and year with another entry: a wrong link.
    assert (counts["resolved"], counts["wrong"], counts["unscored"]) == (1, 1, 2)


@pytest.mark.parametrize(("titles", "proven"), [
    # One title: Chicago letters the two in the order the text first cites them, so exchanging the keys prints
    # the same text: no reader can tell which "Doe 2001a" is.
    (("Alpha", "Alpha"), {"doe1"}),
    # Two titles: the letters follow the titles, and exchanging the keys moves them: the text tells.
    (("Alpha", "Beta"), set()),
])
def test_an_item_is_undecidable_when_the_text_reads_the_same_with_its_key_exchanged(
        styles_module, eval_author_date, tmp_path: Path, titles: tuple[str, str], proven: set[str]) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    corpus = eval_author_date.DEFAULT_CORPUS
    if not (corpus / "manuscripts" / "tools" / "gold.py").is_file():
        pytest.skip("the corpus's gold tool is not at hand")
    bib = tmp_path / "refs.bib"
    bib.write_text("".join(f"@book{{doe{n}, author = {{Doe, Ann}}, title = {{{t}}}, year = {{2001}}}}\n"
                           for n, t in enumerate(titles, 1)), encoding="utf-8")
    doc = tmp_path / "essay.md"
    doc.write_text("It holds [@doe1]. It fails [@doe2].\n", encoding="utf-8")
    job = styles_module.Job("ms-probe-swap", doc, bib, "", "")
    [(_, text, _, _)] = styles_module.render(corpus, tmp_path / "out", planned=[job])
    groups = {"doe1": {frozenset({"doe1", "doe2"})}}
    assert eval_author_date.interchangeable(text.parent, groups, tmp_path / "swap") == proven


TEXTCITE_IN_A_LIST = r"""@book{keller, author = {Keller, Harald}, title = {Geschichte}, year = {2009}}
@book{plake, author = {Plake, Klaus}, title = {Talkshows}, year = {1999}}
@book{mahlo, author = {Mahlo, Hans}, title = {Alt}, year = {1956}}
@article{s1, author = {Schultz, Tanjev}, title = {Moderation}, year = {2004}}
@article{s2, author = {Schultz, Tanjev}, title = {Journalisten}, year = {2002}}
@article{d1, author = {D{\"o}rner, Andreas}, title = {Politainment}, year = {2001}}
"""


@pytest.mark.parametrize(("text", "keys"), [
    # pandoc's citeproc prints a narrative citation of several works (\textcite{a,b}, "@a; @b") in a parenthetical
    # style as the first names, ";" and their year: "Keller; 2009" is Keller's 2009 work, not Plake's.
    ("Studies grew (Mahlo 1956; Plake 1999; Keller; 2009).", ["mahlo", "plake", "keller"]),
    ("Studies grew (Mahlo, 1956; Keller; 2009; Plake, 1999).", ["mahlo", "keller", "plake"]),
    ("Studies grew (Dörner, 2001; Schultz; 2004, 2002).", ["d1", "s1", "s2"]),
    # A bare year after ";" with no names just before it is still the names before it.
    ("Studies grew (Schultz 2004; 2002).", ["s1", "s2"]),
    # Styles that part the items of a list with commas (Ecology, Annual Reviews) print it "Keller, 2009".
    ("Studies grew (Mahlo 1956, Keller, 2009, Plake 1999).", ["mahlo", "keller", "plake"]),
    ("Studies grew (Dörner 2001, Schultz, 2004, 2002).", ["d1", "s1", "s2"]),
    # Names with no entry of that year after the comma are no item of their own: the item before keeps them.
    ("Studies grew (Mahlo 1956, Keller, 2004).", ["mahlo"]),
])
def test_names_then_their_year_inside_a_list(text: str, keys: list[str]) -> None:
    assert _keys(text, parse_bibliography(TEXTCITE_IN_A_LIST)) == keys


def test_the_language_is_set_at_the_front_matters_indentation(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A front matter whose keys are indented: "lang:" written at the margin made it invalid YAML, pandoc failed and
    # the document was left out of the evaluation in every style that sets a language.
    import yaml

    source = tmp_path / "thesis.md"
    source.write_text("---\n  title: 'Tesis'\n  bibliography: refs.bib\n---\n\nIt holds [@doe].\n", encoding="utf-8")
    written = styles_module._with_language(source, "fr-FR", tmp_path / "copy.md").read_text(encoding="utf-8")
    assert yaml.safe_load(written.split("---\n")[1]) == {"lang": "fr-FR", "title": "Tesis", "bibliography": "refs.bib"}


def test_a_year_written_after_another_of_the_same_names_is_the_texts_own_citation(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # "(see Ann Doe 2012, 2014)" typed as text, no citation syntax: the marker "Ann Doe 2014" was not found in the
    # text, whose words put "2012," between the names and the year, and was counted a wrong one; it is unscored,
    # as "Ann Doe 2012" is.
    (tmp_path / "refs.bib").write_text("@book{d12, author = {Doe, Ann}, title = {T}, year = {2012}}\n"
                                       "@book{d14, author = {Doe, Ann}, title = {U}, year = {2014}}\n"
                                       "@book{roe, author = {Roe, Bo}, title = {V}, year = {2020}}\n", encoding="utf-8")
    (tmp_path / "rendered.txt").write_text("It holds (Roe 2020). It runs (see Ann Doe 2012, 2014).\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"rendered": "(Roe 2020)", "keys": ["roe"]}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["resolved"], counts["wrong"], counts["unscored"]) == (1, 0, 2)


def test_names_alone_cite_no_entry_whose_state_styles_print_in_place_of_its_date() -> None:
    # biblatex and the Chicago styles print a ``pubstate`` where an undated entry's year goes ("Trilcke forthcoming"),
    # so "(Trilcke)" names the person, not that entry; an entry with no date and no state is cited by names alone.
    bib = parse_bibliography(r"""@inproceedings{small, author = {Trilcke, Peer}, title = {Small Worlds},
  booktitle = {Digitale Literaturwissenschaft}, pubstate = {forthcoming}}
@incollection{social, author = {Trilcke, Peer}, title = {Social Network Analysis}, booktitle = {Empirie}, year = {2013}}
@misc{notes, author = {Moretti, Franco}, title = {Notes}}
""")
    linkage = link(parse_essay("Die Netzwerkanalyse (Trilcke) liefert mehr Einsicht."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == []
    linkage = link(parse_essay("Die Netzwerkanalyse (Moretti) liefert mehr Einsicht."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "marker"] == ["notes"]


def test_a_citation_in_the_front_matter_is_no_item(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A LaTeX abstract is read into the metadata, which pandoc's plain text leaves out: its "(Doe 2020)" took the
    # place of the body's, and the body's last one was counted not found.
    (tmp_path / "refs.bib").write_text("@book{doe, author = {Doe, Ann}, title = {T}, year = {2020}}\n", encoding="utf-8")
    (tmp_path / "rendered.txt").write_text("It holds (Doe 2020).\n\nIt holds again (Doe 2020).\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(
        '{"rendered": "(Doe 2020)", "keys": ["doe"], "location": "metadata"}\n'
        '{"rendered": "(Doe 2020)", "keys": ["doe"], "location": "body"}\n'
        '{"rendered": "(Doe 2020)", "keys": ["doe"], "location": "body"}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["items"], counts["resolved"], counts["not in text"], counts["caption dropped"]) == (2, 2, 0, 1)


def test_a_code_block_is_not_wrapped_out_of_its_indentation(styles_module) -> None:  # type: ignore[no-untyped-def]
    # pandoc prints an indented code block verbatim, its citation syntax unread ("[@kao2021]"); wrapped at 72
    # columns without its indent, its second line became prose, and the literal key a citation pandoc never made.
    code = "    - Insomnia SSD has lower sleep duration and lower NREM delta power than HC [@kao2021]"
    prose = "Sleep is regulated by both a homeostatic and a circadian system, wherein the homeostatic one grows."
    text = styles_module.wrapped(f"{prose}\n\n{code}\n\nThe end.")
    assert code in text.split("\n")
    assert all(len(line) <= styles_module.WIDTH for line in text.split("\n\n")[0].split("\n"))
    claims = [c.text for c in parse_essay(text, "rendered.txt").claims]
    assert not any("kao2021" in c for c in claims)


def test_apa_names_an_unsigned_web_page_by_the_body_that_publishes_it() -> None:
    # pandoc reads a biblatex @online's organization as the CSL publisher, and APA names an unsigned web page by it:
    # "(TEI Consortium, 2023)" (it was no marker at all). Another type's publisher is never its author.
    bib = parse_bibliography(r"""@online{tei, title = {P5: Guidelines for Electronic Text Encoding},
  organization = {{TEI Consortium}}, date = {2023-04-04}, url = {https://tei-c.org}}
@book{b1, title = {Rules}, publisher = {Open Press}, year = {2023}}
@book{d1, author = {Doe, Jo}, title = {Ice}, publisher = {Open Press}, year = {2023}}
""")
    assert _keys("Encode it by the standard (TEI Consortium, 2023).", bib) == ["tei"]
    assert _keys("Rules are set (Open Press, 2023).", bib) == []


def test_a_markdown_source_of_a_name_pandoc_does_not_know_gets_its_language_set(styles_module, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A chapter named lit_review.pdc is Markdown to pandoc (a name it does not know) and to litreview: it is rendered
    # in the language variants too, its front matter given the language, as a .md source's is.
    (tmp_path / "SOURCES.tsv").write_text("name\tsource\tbib\nch\tch/lit_review.pdc\tch/refs.json\n",
                                          encoding="utf-8")
    jobs = styles_module.folder_jobs(tmp_path)
    assert {(j.style, j.lang) for j in jobs} == set(styles_module.FOLDER_STYLES)
    source = tmp_path / "lit_review.pdc"
    source.write_text("---\ntitle: T\n---\n\nIt holds [@doe].\n", encoding="utf-8")
    written = styles_module._with_language(source, "de-DE", tmp_path / "copy.pdc")
    assert written != source and written.read_text(encoding="utf-8").startswith("---\nlang: de-DE\ntitle: T\n")


def test_a_rendering_with_raw_latex_is_found_as_the_plain_text_prints_it(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A title holding "\textbar{}" prints in the gold as written, and as nothing in pandoc's plain text: the item was
    # counted not found and its right marker a wrong one.
    (tmp_path / "refs.bib").write_text("@misc{nc, title = {Routes of {{Appeal}} \\textbar{} {{North Carolina Courts}}}}\n",
                                       encoding="utf-8")
    (tmp_path / "rendered.txt").write_text("Appeals bypass it (Routes of Appeal North Carolina Courts, n.d.).\n",
                                           encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"rendered": "(Routes of Appeal \\\\textbar{} North Carolina Courts, n.d.)",'
                                         ' "keys": ["nc"]}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["resolved"], counts["wrong"], counts["not in text"]) == (1, 0, 0)


def test_each_citation_typed_by_hand_beside_a_rendered_one_is_unscored(eval_author_date, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # "[@doe] (Roe, 2019; Doe & Poe, 2020)": the source types the second "(Doe & Poe, 2020)" by hand; the first place
    # the text writes it is the rendered one, so every hand-typed copy was counted a wrong marker.
    (tmp_path / "refs.bib").write_text("@article{doe, author = {Doe, Ann and Poe, Cy}, title = {T}, year = {2020}}\n",
                                       encoding="utf-8")
    (tmp_path / "rendered.txt").write_text(
        "It holds (Doe & Poe, 2020) (Roe, 2019; Doe & Poe, 2020), and again (Doe & Poe, 2020).\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"rendered": "(Doe & Poe, 2020)", "keys": ["doe"]}\n', encoding="utf-8")
    counts = eval_author_date.evaluate(tmp_path / "rendered.txt", tmp_path / "refs.bib", tmp_path / "gold.jsonl")
    assert (counts["resolved"], counts["wrong"], counts["unscored"]) == (1, 0, 2)
