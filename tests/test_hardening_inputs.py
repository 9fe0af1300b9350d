"""Regression tests for inputs that crashed, exhausted memory or took quadratic time.

The formerly quadratic spots are tested here for their answers on inputs of the sizes that
used to take minutes; their CPU time against an input four times larger (linear: about 4,
quadratic: about 16) is measured by `python bench/guarantees.py --only linear`, which exits 1
above 8. Timing is for bench/, not for tests.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from litreview.errors import ClaimsFileError, EssayError

ALIAS_BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))


# --- crashes ---------------------------------------------------------------------------

def test_url_with_a_bracket_is_a_finding_not_a_crash() -> None:
    from litreview.checks.bib import url_problem

    assert "cannot be parsed" in url_problem("https://[example.org/x")
    assert url_problem("https://example.org/a[1]") == ""


def test_url_with_a_bracket_in_the_checks() -> None:
    from datetime import UTC, datetime

    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import check_bibliography
    from litreview.checks.style import check_style

    bib = parse_bibliography("@article{k, author={Holsti, K.}, title={T}, journal={J}, year=2004,"
                             " url={https://[x/y}}\n", "b.bib")
    now = datetime(2026, 12, 1, tzinfo=UTC)
    codes = [f.code for f in check_bibliography(bib, now=now)]
    assert "LR123" in codes
    check_style(bib, now=now, access_max_age_days=365)  # doi_expected reads the URL's host too


def test_pages_of_thousands_of_digits() -> None:
    from datetime import UTC, datetime

    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.style import check_style

    digits = "1" * 4400
    bib = parse_bibliography(f"@article{{k, title={{T}}, pages={{{digits}--2}}, year=2000}}\n", "b.bib")
    check_style(bib, now=datetime(2026, 12, 1, tzinfo=UTC), access_max_age_days=365)


def test_a_reference_with_pages_of_thousands_of_digits_is_printed_as_written() -> None:
    # The site's reference list stopped on it (Python reads no integer of 4,300 digits or more); a long word before a
    # hyphen was looked for its last word from each of its letters.
    from litreview.model import Source
    from litreview.render.citation import format_reference

    for pages, printed in ((f"{'1' * 4400}--{'2' * 4400}", f"{'1' * 4400}\u2013{'2' * 4400}"),
                           (f"{'a' * 20000}!-1", f"{'a' * 20000}!-1"), ("321--328", "321\u201328")):
        text = format_reference(Source(key="k", type="article", title="T", container="J", volume="1",
                                       pages=pages, year=2000)).text
        assert text.endswith(f": {printed}.")


def test_page_ranges_are_still_checked() -> None:
    from litreview.checks.style import check_pages
    from litreview.model import Source

    assert [f.code for f in check_pages(Source(key="k", type="article", fields={"pages": "123--45"}))] == ["LR138"]
    assert [f.code for f in check_pages(Source(key="k", type="article", fields={"pages": "45--12"}))] == ["LR139"]


def test_import_never_writes_a_stray_brace() -> None:
    """`\\{` counts as a brace in BibTeX: an unmatched one made the import unreadable."""
    from litreview.bibliography.bibtex_out import make_keys, to_bibtex
    from litreview.bibliography.load import parse_bibliography
    from litreview.bibliography.refparse import parse_reference

    for text in ("Holsti, K. J. Taming the {Sovereigns. Cambridge UP, 2004.",
                 "Holsti, K. J. Taming the Sovereigns}. Cambridge UP, 2004.",
                 "Holsti, K. J. Taming {the} Sovereigns. Cambridge UP, 2004.",
                 "Nguyen, T. H. (2019). Tidal wetlands. Estuarine Studies, 42(3), 215–230. "
                 "https://doi.org/10.5555/es.\\{2019.042",
                 "Hale, Simon. 2020. “Ports in Winter.” Harbour Notes. https://example.org/ports{{{{-in-winter"):
        ref = parse_reference(text)
        bibtex = to_bibtex([ref], make_keys([ref]))
        assert "\\{" not in bibtex.replace("\\{the\\}", "") and "\\}" not in bibtex.replace("\\{the\\}", "")
        loaded = parse_bibliography(bibtex, "imported.bib")
        assert [p for p in loaded.problems if p.code == "LR100"] == [], bibtex
    ref = parse_reference("Holsti, K. J. Taming {the} Sovereigns. Cambridge UP, 2004.")
    assert "{the}" in parse_bibliography(to_bibtex([ref], make_keys([ref])), "b.bib").sources[0].title



@pytest.mark.parametrize("text", [
    "Müller, G. (2010). Die Außenpolitik: Theo" + "{" * 400 + "}" * 400 + "rie und Praxis. Springer.",
    "Grant, Elena. 2018. The Long Tide. Chicago: Lakeside " + "{" * 150 + "Press" + "}" * 150 + ".",
])
def test_import_of_braces_nested_hundreds_deep_reads_back(text: str) -> None:
    """pybtex refuses braces nested over 100 deep, and counts ``\\{`` as a brace: found by the fuzz campaign."""
    from litreview.bibliography.bibtex import MAX_ESCAPED_DEPTH
    from litreview.bibliography.bibtex_out import make_keys, to_bibtex
    from litreview.bibliography.load import parse_bibliography
    from litreview.bibliography.refparse import parse_reference

    ref = parse_reference(text)
    bibtex = to_bibtex([ref], make_keys([ref]))
    loaded = parse_bibliography(bibtex, "imported.bib")
    assert [p.message for p in loaded.problems if p.code == "LR100"] == []
    assert 0 < bibtex.count("\\{") <= MAX_ESCAPED_DEPTH and bibtex.count("\\{") == bibtex.count("\\}")

# --- YAML bombs and depth ---------------------------------------------------------------

def test_alias_bomb_in_claims_file_is_refused() -> None:
    from litreview.linking.curated import parse_curated

    with pytest.raises(ClaimsFileError, match="aliases") as info:
        parse_curated(ALIAS_BOMB, "refs/claims.yaml")
    assert info.value.line == 2 and info.value.path == "refs/claims.yaml"


def test_alias_bomb_in_front_matter_is_refused() -> None:
    from litreview.essay import parse_essay

    with pytest.raises(EssayError, match="aliases") as info:
        parse_essay(f"---\n{ALIAS_BOMB}---\n\nA sentence.\n", "essay.md")
    assert info.value.line == 3  # the front matter's second line is the file's third


@pytest.mark.parametrize("text", ["links: " + "[" * 1000 + "]" * 1000 + "\n",
                                  "".join("  " * i + f"k{i}:\n" for i in range(1000)) + "  " * 1000 + "x: 1\n"])
def test_deep_claims_file_is_refused(text: str) -> None:
    from litreview.linking.curated import parse_curated

    with pytest.raises(ClaimsFileError, match="nests deeper"):
        parse_curated(text, "refs/claims.yaml")


def test_deep_front_matter_is_refused() -> None:
    from litreview.essay import parse_essay

    with pytest.raises(EssayError, match="nests deeper"):
        parse_essay("---\nx: " + "[" * 1000 + "]" * 1000 + "\n---\n\nA sentence.\n", "essay.md")


def test_anchors_without_aliases_and_real_files_still_load() -> None:
    from litreview.linking.curated import parse_curated

    assert parse_curated("version: &v 1\nlinks: []\n", "c.yaml").links == ()


def test_bounded_json() -> None:
    from litreview.safeload import LoadLimitError, json_depth, load_json

    assert load_json('{"a": [1, {"b": "[[[["}]}') == {"a": [1, {"b": "[[[["}]}
    assert json_depth('{"a": "\\"[[[", "b": [[]]}') == 3
    # A bracket that closes nothing counts as none (the opener after it is one deep), an unclosed string's quote
    # is no string, and the depth stops counting one past the limit.
    assert json_depth(']]] [ ] } {[') == 2
    assert json_depth('"[" [ "a\\"[" [ "') == 2
    assert json_depth("[" * 100, limit=5) == 6
    assert json_depth('"no brackets"') == 0
    with pytest.raises(LoadLimitError):
        load_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValueError):
        load_json("{")


# --- quadratic scans --------------------------------------------------------------------

def test_period_then_mark_is_linear() -> None:
    from litreview.checks.style import _doubled

    assert _doubled("Taming the Sovereigns., A Study") == ".,"
    assert _doubled("a" * 32_000 + ". b") == ""  # 41 s for 64 KB when it was quadratic


@pytest.mark.timeout(20)  # a fraction of a second now; minutes before
@pytest.mark.parametrize("mark", ["“", "«", "„"])
def test_quotation_marks_left_open_are_read_in_linear_time(mark: str) -> None:
    """Each opening mark with no closing one after it scanned the rest of the text: 60 KB of "“a " took 3.7 s, and
    grew with the square of its length."""
    from litreview.linking.quotations import quoted

    closing = {"“": "”", "«": "»", "„": "“"}[mark]
    assert [m.group(g) for m, g in quoted(f"{mark}a{closing} and {mark}b{closing}")] == ["a", "b"]
    assert list(quoted(f"{mark}a " * 200_000)) == []
    # a German mark's search ends at the line's end: after it, one may close again
    assert [m.group(g) for m, g in quoted("„a " * 200_000 + "\n„b“")] == ["b"]


@pytest.mark.timeout(20)  # a fraction of a second now; minutes before
def test_math_with_unclosed_text_groups_is_read_in_linear_time() -> None:
    """Each "$" scanned a ``\\text{`` group that never closes to the end of the text: 90 KB of "$x\\text{ " took
    20 s, and grew with the square of its length."""
    from litreview.essay.cites import math_spans

    assert math_spans("a $x\\text{b $c}$ d $U = \\{a\\}$ e") == [(2, 16), (19, 30)]
    assert math_spans("$x\\text{ " * 32_000 + "$y$") == [(32_000 * 9, 32_000 * 9 + 3)]


@pytest.mark.timeout(20)  # about a second now; more than a minute before
@pytest.mark.parametrize("shape", ["[@a, see [@b]] ", "[@a, @b] ", "[see [@b](u) @a] "])
def test_citations_inside_citations_are_read_in_linear_time(shape: str) -> None:
    """Each in-text citation in a bracket's suffix or prefix was checked against every bracket read before it: a
    sentence of 32,000 "[@a, see [@b]]" (480 KB) took more than a minute, and grew with the square of its length."""
    from litreview.essay.cites import find_citations, in_suffix

    one = find_citations(shape)
    many = find_citations(shape * 32_000)
    assert [(c.key, c.mode) for c in many] == [(c.key, c.mode) for c in one] * 32_000
    assert len(in_suffix(many)) == 32_000 * len(in_suffix(one))


@pytest.mark.timeout(60)  # instant now; hours before
def test_vancouver_name_of_two_long_words_is_linear() -> None:
    """A family name's letters could be split two ways between the pattern's first letters and the rest: an author
    field of two 20,000-letter words and a comma took 7 s, and grew with the square of their length."""
    from litreview.bibliography.names import comma_joined

    assert comma_joined("Nikravesh A, Yao H, Xu S", frozenset())
    assert not comma_joined("a" * 200_000 + " " + "b" * 200_000 + ", Cd E", frozenset())


@pytest.mark.timeout(60)  # instant now; minutes before
def test_initials_glued_to_a_long_word_are_sought_in_one_pass() -> None:
    """Two runs of letters around the one that is not A-Z tried each split of a long word: a 50,000-letter word in
    an author list took minutes, and grew with the square of its length."""
    from litreview.bibliography.names import family_first

    assert not family_first("M.Křížek, K.Segeth")  # initials glued on: given names first
    assert family_first("J." + "a" * 50_000 + "1, K. Segeth")  # a digit in it: no name glued to initials


@pytest.mark.timeout(60)  # instant now; minutes before
def test_the_id_of_a_broken_csl_yaml_item_is_read_in_one_pass() -> None:
    """The id of an item that does not parse (the key its LR100 names) was matched by trying each length of the
    line's value: a line of 50,000 spaces took minutes."""
    from litreview.bibliography.csl import parse_csl

    def broken(id_line: str) -> list[tuple[str, int | None, str | None]]:
        bib = parse_csl("references:\n- id: first\n  type: book\n  title: T\n"
                        f"- {id_line}\n  type: book\n  title: \"unclosed\n  note:\tx\n"
                        "- id: last\n  type: book\n  title: U\n", "refs.yaml", yaml=True)
        assert bib.keys == ("first", "last")
        return [(p.code, p.line, p.key) for p in bib.problems]

    assert broken("id: 'mid'  ") == [("LR100", 7, "mid")]
    assert broken("id: a" + " " * 50_000 + "b#") == [("LR100", 7, None)]  # a "#" in it: no id read


@pytest.mark.timeout(60)  # instant now; minutes before
def test_a_long_title_is_read_for_its_journals_citation_from_its_end() -> None:
    """Every title start was tried with every journal length: a 50,000-character title of an @article with no
    journal took minutes, and grew with the square of its length."""
    from litreview.checks.required_hints import _cited_in_title

    assert _cited_in_title("A survey. Comput Netw54 (15): 2787--2805") == (
        "A survey", "Comput Netw", "54", "15", "2787--2805", "Comput Netw54 (15): 2787--2805")
    assert _cited_in_title("A. B" * 12_500) is None
    long = _cited_in_title("Abcdefgh. " + "Jx 1 " * 10_000 + "5 (3): 1-2")
    assert long is not None and long[0] == "Abcdefgh" and long[2:5] == ("5", "3", "1-2")


@pytest.mark.timeout(60)  # instant now; minutes before
def test_a_csl_name_of_several_people_is_split_in_one_pass() -> None:
    """The joins between people ("&", "and", ";") were sought at each space of a run: a name holding 50,000 spaces
    took minutes (LR161's reading of a CSL name written as one string)."""
    from litreview.checks.braced_people import people_in_literal

    assert people_in_literal("{Kane, Stephen R.  &  Gelino, Dawn M.}") == [("Kane", "Stephen R."), ("Gelino", "Dawn M.")]
    assert people_in_literal("{Kane, Stephen" + " " * 50_000 + "x, Gelino, Dawn M.}") == []


@pytest.mark.timeout(60)  # instant now; hours before
def test_spans_across_sentences_are_matched_in_one_pass() -> None:
    """Each "]{" sought its "[" back through the paragraph, and each span's sentence among all the sentences: a
    paragraph of 10,000 took 20 s. A span across two sentences still loses its brackets, one within a sentence not."""
    from litreview.render.pandoc_inline import spans_across

    assert spans_across("[One. Two.]{.blue} [Three.]{.red}", [(0, 5), (6, 18), (19, 33)]) == (
        "\x1aOne. Two." + "\x1a" * 8 + " [Three.]{.red}")
    text = "A. " + "]{.a} " * 200_000 + "[B. C.]{.a}" + " [d. e.]{.a}" * 100_000
    assert spans_across(text, [(0, 2), (3, len(text))]) == text


def test_raw_latex_groups_with_comments_are_read_in_one_pass() -> None:
    from litreview.essay.cites import find_citations, mask_inline

    # Each group has a "%" in it, after a "%" that is Markdown text: read from each "{" on, 20,000 lines took 70 s.
    text = "x 50% \\mbox{a % }\n" * 20_000 + "[@k]} and [@w]"
    assert [c.key for c in find_citations(mask_inline(text), text)] == ["w"]


def test_sentence_end_is_linear() -> None:
    from litreview.bibliography.refparse.tail import sentence_end

    assert sentence_end("Cambridge: Cambridge UP. 2004.") == len("Cambridge: Cambridge UP.")
    initials = "J. " * 16_000 + "end"  # 13 s for 48 KB when it was quadratic
    assert sentence_end(initials) == len(initials)  # initials never end the sentence


def test_edition_and_trailing_pages_searches_are_linear() -> None:
    """Found by the fuzz campaign: a reference of 100-130 KB took the importer 30 s. Tried at every letter
    (or digit) of a long run, the edition and trailing-pages searches were quadratic; 1 MB would take
    far longer than the suite's time-out."""
    from litreview.bibliography.refparse.span_fields import span_edition
    from litreview.bibliography.refparse.tail import _PAGES_AT_END

    assert span_edition("2nd edn") == "2nd" and span_edition("Revised edition") == "Revised"
    assert span_edition("x" * 1_000_000 + " 3rd ed.") == "3rd"
    assert _PAGES_AT_END.search("Book title, pp. 12-34")["pages"] == "12-34"
    assert _PAGES_AT_END.search("Place" + "1" * 1_000_000 + " x") is None
    assert _PAGES_AT_END.search("Place " + "1" * 1_000_000 + "-5")["pages"].startswith("1111")


def test_joining_lines_of_one_long_word_is_linear() -> None:
    """A pasted list's line of one long word ("d’d’…", "a.a.…", "éé…"): whether the reference above closed
    was sought from each of its characters, 0.5 s for a line of 16,000 and hours for "a.a.…" of 200,000.
    The lines are cut the same whatever the length of their words."""
    from litreview.bibliography.refparse import find_reference_section
    from litreview.bibliography.refparse.joining import join_lines

    def lines(n: int) -> list[str]:
        return ["Smith, J. 2001. A title.", "d’" * n + ".", "Jones, K. 2002. Other title", "a." * n + "a", "é" * n,
                "Brown, L. 2003. Third."]

    for n in (10, 100_000):
        ls = lines(n)
        # a closed reference, one going on over two long words, and one opening where the line above stopped short
        assert join_lines(ls) == [(0, " ".join(ls[:2])), (2, " ".join(ls[2:5])), (5, ls[5])]
        assert find_reference_section("References\n\n" + "\n".join(ls) + "\n")[0] == [
            " ".join(ls[:2]), " ".join(ls[2:5]), ls[5]]


def test_a_sentence_end_is_sought_from_a_words_start() -> None:
    """The stop ending a sentence was sought from each letter of a word: 0.4 s for a word of 8,000 characters."""
    from litreview.bibliography.refparse.relabel_spans import SENTENCE_END

    assert SENTENCE_END.search("Rivers.") is not None and SENTENCE_END.search("J.") is None
    assert SENTENCE_END.search("d’" * 500_000) is None
    assert SENTENCE_END.search("x " + "é" * 1_000_000 + ".”").span() == (2, 1_000_004)


def test_heading_closing_sequence_search_is_linear() -> None:
    """Found by the fuzz campaign: a 30 KB heading holding a run of 20,000 blanks took 4 s in the essay
    reader, the closing-``#`` search tried at every blank; a run of 1,000,000 would take hours."""
    from litreview.essay.markdown import _ATX_CLOSE

    assert _ATX_CLOSE.sub("", "Realism ##  ") == "Realism"
    assert _ATX_CLOSE.sub("", "C# and F#") == "C# and F#"
    long = "Realism" + " " * 1_000_000 + "and its critics"
    assert _ATX_CLOSE.sub("", long) == long
    assert _ATX_CLOSE.sub("", "Realism" + " " * 1_000_000 + "##") == "Realism"


def test_csl_items_are_located_in_one_pass() -> None:
    """Each CSL-JSON item's line was searched for in the whole file: 10,000 items took 37 s."""
    import json

    from litreview.bibliography.csl import parse_csl

    text = json.dumps([{"id": f"k{i}", "type": "book", "title": "T", "page": "1-2"} for i in range(20_000)], indent=1)
    bib = parse_csl(text, "b.json")
    last = bib.sources[-1]
    assert (len(bib.sources), last.key, last.line, last.line_of("pages")) == (20_000, "k19999", 120_000 - 3, 120_000)


def test_context_cue_is_linear() -> None:
    from litreview.bibliography.load import parse_bibliography
    from litreview.linking.attribution import find_attributions
    from litreview.linking.hits import Found
    from litreview.linking.index import build_index
    from litreview.model import Claim, TextQuoteSelector

    bib = parse_bibliography("@book{h, author={Holsti, K. J.}, title={Taming the Sovereigns}, year=2004}\n"
                             "@book{b, author={Bull, Hedley}, title={The Anarchical Society}, year=1977}\n", "b.bib")
    index = build_index(bib)

    def run(n: int) -> set[str]:
        text = "Holsti and Bull and Mann, " * (n // 26) + "argue that."
        claim = Claim(id="p1-s1", paragraph=1, sentence=1, text=text, selector=TextQuoteSelector(exact=text),
                      line=1)
        return {hit.key for hit in find_attributions([claim], index, Found()).hits}

    assert run(12_000) == run(260) == {"b", "h"}  # 3.8 s for 24 KB when it was quadratic


def test_a_sentences_content_stems_are_computed_once_not_per_name() -> None:
    """content_stems was recomputed for every marker and name of a long sentence (quadratic)."""
    from litreview.bibliography.load import parse_bibliography
    from litreview.linking.attribution import find_attributions
    from litreview.linking.hits import Found
    from litreview.linking.index import build_index
    from litreview.linking.text import content_stems
    from litreview.model import Claim, TextQuoteSelector

    bib = parse_bibliography("@book{h, author={Holsti, K. J.}, title={Taming the Sovereigns}, year=2004}\n", "b.bib")
    text = "Holsti and Mann, " * 400 + "argue that."
    claim = Claim(id="p1-s1", paragraph=1, sentence=1, text=text, selector=TextQuoteSelector(exact=text), line=1)
    content_stems.cache_clear()
    find_attributions([claim], build_index(bib), Found())
    info = content_stems.cache_info()
    assert info.misses <= 3 and info.hits + info.misses >= 2, info  # once per text, however many names


def test_long_paragraph_is_segmented_in_linear_time() -> None:
    from litreview.essay import parse_essay

    essay = parse_essay("The state acts alone. " * 400, "e.md")
    assert len(essay.paragraphs) == 1 and len(essay.paragraphs[0].claims) == 400
    long = parse_essay("The state is sovereign and acts alone in it. " * 700, "e.md")  # 32 KB on one line
    assert len(long.paragraphs) == 1 and len(long.paragraphs[0].claims) == 700



@pytest.mark.timeout(20)  # a few seconds now; 44 s before, and growing with the square of the paragraph
def test_a_paragraph_of_joined_breaks_is_segmented_in_linear_time() -> None:
    # Each break pysbd makes after "s." in an open parenthesis is joined to the sentence before it; the tests of that
    # sentence's end read it whole, so each join read all the text joined so far.
    from litreview.essay.segment import sentences

    text = "(" + "s. Culture. " * 4000  # 48 KB on one line
    assert sentences(text, 0, len(text)) == [(0, len(text.rstrip()))]

# --- names --------------------------------------------------------------------------------

WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


@pytest.mark.parametrize("key", ["con", "aux", "nul", "com1", "prn", "lpt9", "com0", "CON", "con.", "con ", "Nul.txt",
                                 "aux.", "x.", "x ", "COM1 "])
def test_source_pages_avoid_windows_device_names(key: str) -> None:
    from pathlib import PurePosixPath

    from litreview.render.layout import Layout

    path = PurePosixPath(Layout().source(key))
    folder = path.stem  # with directory URLs the page is sources/<stem>/index.html
    assert folder.split(".")[0].lower() not in WINDOWS_RESERVED, path
    assert not folder.endswith((".", " ")) and "." not in folder and " " not in folder, path


def test_windows_device_names_stay_distinct_from_other_keys() -> None:
    from litreview.render.layout import key_slug

    keys = ["con", "co~6e", "con~", "co", "cona", "Con", "com1", "com~31", "aux", "nul", "nul1"]
    slugs = [key_slug(k) for k in keys]
    assert len(set(slugs)) == len(keys), slugs
    assert key_slug("conan") == "conan" and key_slug("nullification") == "nullification"


def test_alias_bomb_and_deep_csl_bibliographies_are_findings() -> None:
    from litreview.bibliography.csl import parse_csl

    bomb = parse_csl("references: " + "\n" + ALIAS_BOMB.replace("a: ", "- a: ", 1), "refs.yaml", yaml=True)
    assert [p.code for p in bomb.problems] == ["LR100"] and "aliases" in bomb.problems[0].message
    deep = parse_csl("[" * 100_000 + "]" * 100_000, "refs.json")
    assert [p.code for p in deep.problems] == ["LR100"] and "nests deeper" in deep.problems[0].message


# --- size warnings -------------------------------------------------------------------------

def _check_json(tmp_path: Path, essay: str) -> list[dict]:
    import contextlib
    import io
    import json

    from litreview.cli import main

    (tmp_path / "essay.md").write_text(essay, encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the "
                                       "Sovereigns}, publisher={CUP}, year=2004}\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--essay", str(tmp_path / "essay.md"), "--bib", str(tmp_path / "refs.bib"),
                     "--claims", "", "--metadata-dir", str(tmp_path / "meta"), "--format", "json"])
    assert code in (0, 1)
    return [f for f in json.loads(out.getvalue())["findings"] if f["code"] in ("LR312", "LR313")]


def test_an_oversized_paragraph_is_a_finding_on_its_line(tmp_path: Path) -> None:
    essay = "# Title\n\nA short first paragraph [@holsti2004taming].\n\n" + "The state acts alone. " * 1_200 + "\n"
    found = _check_json(tmp_path, essay)
    assert [(f["code"], f["line"]) for f in found] == [("LR312", 5)], found
    assert "paragraph 3 is 26,399 characters long" in found[0]["message"]


def test_an_oversized_paragraph_of_one_sentence_says_so_in_words(tmp_path: Path) -> None:
    essay = "# Title\n\nHolsti argues [@holsti2004taming].\n\n" + "and the state " * 1_500 + "acts alone.\n"
    found = _check_json(tmp_path, essay)
    assert [f["code"] for f in found] == ["LR312"], found
    assert " in 1 sentence;" in found[0]["message"] and "its 1 longer sentence" in found[0]["message"], found


def test_an_oversized_sentence_is_a_finding(tmp_path: Path) -> None:
    essay = "Holsti argues [@holsti2004taming].\n\n" + "and the state " * 400 + "acts alone.\n"
    found = _check_json(tmp_path, essay)
    assert [f["code"] for f in found] == ["LR312"] and "a sentence of paragraph 2" in found[0]["message"], found


def test_many_ordinary_paragraphs_are_no_size_finding(tmp_path: Path) -> None:
    essay = "".join(f"Paragraph {i}: the state acts alone, as Holsti argues [@holsti2004taming].\n\n"
                    for i in range(600))  # 45 KB in all, each paragraph short
    assert _check_json(tmp_path, essay) == []


def test_an_oversized_essay_is_a_warning() -> None:
    from litreview.checks.size import MAX_ESSAY, check_sizes
    from litreview.model import Essay

    assert [f.code for f in check_sizes(Essay(path="e.md", body="x" * (MAX_ESSAY + 1)))] == ["LR313"]
    assert check_sizes(Essay(path="e.md", body="x" * MAX_ESSAY)) == []


@pytest.mark.parametrize("year", ["²", "2004²", "9" * 5_000])
def test_a_year_of_digits_int_refuses_is_no_crash(year: str) -> None:
    """Found by the fuzz campaign: ``"²".isdigit()`` is true, and int() refuses it (and 4,300+ digits)."""
    from litreview.bibliography.load import parse_bibliography

    bib = parse_bibliography(f"@book{{k, author={{Holsti, K. J.}}, title={{T}}, publisher={{P}}, year={{{year}}}}}\n",
                             "refs.bib")
    assert [s.year for s in bib.sources] == [None]


# --- the BibTeX loader: macro bomb, quadratic prescan ---------------------------------------

def test_a_macro_doubling_itself_is_capped_with_a_finding_on_its_line() -> None:
    """``@string{a = a # a}`` doubles ``a``: 24 lines made 33 MB (and 30 would make gigabytes)."""
    from litreview.bibliography.load import MACRO_BUDGET, parse_bibliography

    text = '@string{a = "xy"}\n' + "@string{a = a # a}\n" * 24 + "@book{k, title = a # a, year = 2000}\n"
    bib = parse_bibliography(text, "refs.bib")
    bombs = [p for p in bib.problems if "macro" in p.message]
    assert [(p.code, p.severity, p.file) for p in bombs] == [("LR100", "error", "refs.bib")]
    assert bombs[0].line == 19  # the @string where the expansion went over the cap (18 doublings)
    assert "@string" in bombs[0].hint
    assert [s.key for s in bib.sources] == ["k"]
    assert len(bib.sources[0].title) <= MACRO_BUDGET + 10 * len(text)


def test_ordinary_macros_still_expand() -> None:
    from litreview.bibliography.load import parse_bibliography

    bib = parse_bibliography('@string{jpr = "Journal of Peace Research"}\n@string{ed = jpr # ", special issue"}\n'
                             "@article{k, journal = ed, month = jan, year = 2000}\n", "refs.bib")
    assert bib.problems == ()
    assert bib.sources[0].container == "Journal of Peace Research, special issue"
    assert bib.sources[0].fields["month"] == "January"


def test_brace_partners_agree_with_group_end() -> None:
    from litreview.bibliography.bibtex import ScanError, brace_partners, group_end

    for text in ("{a{b}c}", "}{a}{", "{{{", "{a}}{b{c}d", "@book{k, title={A {B} \\{C}}\n@x{", "{" * 50 + "}" * 49):
        partners = brace_partners(text)
        for i, c in enumerate(text):
            if c != "{":
                continue
            try:
                expected = group_end(text, i)
            except ScanError:
                expected = -1
            assert partners[i] == expected, (text, i)


@pytest.mark.parametrize("piece", ["@book{k, title={a}\n", "@a{\n"])
def test_thousands_of_unclosed_entries_are_each_reported_on_their_line(piece: str) -> None:
    """Each unclosed entry used to cost a scan to the end of the file: 8,000 took 84 s."""
    from litreview.bibliography.load import parse_bibliography

    bib = parse_bibliography(piece * 4_000, "refs.bib")
    unclosed = [p.line for p in bib.problems if p.code == "LR100" and "never closed" in p.message]
    assert unclosed == list(range(1, 4_001))


def test_thousands_of_keyless_entries_are_each_reported_once() -> None:
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.bib import damaged_entries

    bib = parse_bibliography("@book{, title={a}}\n" * 4_000, "refs.bib")
    assert [p.line for p in bib.problems if p.code == "LR100"] == list(range(1, 4_001))  # one each
    assert bib.sources[-1].key == "unnamed-4000" and bib.sources[-1].title == "a"
    # Which entries a syntax error damaged: a scan of every error per entry was quadratic too.
    assert damaged_entries(bib) == {s.key for s in bib.sources}
    fine = parse_bibliography("@book{, title={a}}\n" + "@book{k, title={b}}\n" * 3, "refs.bib")
    assert damaged_entries(fine) == {"unnamed-1"}


# --- oversized sentences and the linkers --------------------------------------------------

def test_the_linkers_read_an_oversized_sentence_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every linker (and the topical suggestions) used to get a sentence of any length whole."""
    import litreview.linking as linking
    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay
    from litreview.linking.hits import Found

    seen: list[int] = []

    def spy(ctx: linking.LinkContext) -> Found:
        seen.extend(len(c.text) for c in ctx.claims)
        return Found()

    real_suggest = linking.suggest

    def suggest_spy(units, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.extend(len(u.text) for u in units)
        return real_suggest(units, *args, **kwargs)

    monkeypatch.setattr(linking, "LINKERS", (*linking.LINKERS, linking.Linker("spy", spy)))
    monkeypatch.setattr(linking, "suggest", suggest_spy)
    bib = parse_bibliography("@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the Sovereigns}, "
                             "publisher={CUP}, year=2004}\n", "refs.bib")
    essay = parse_essay("Holsti argues [@holsti2004taming] that " + "and the state " * 600 + "acts alone "
                        "[@holsti2004taming].\n\nA short one [@holsti2004taming].\n", "essay.md")
    assert max(len(c.text) for c in essay.claims) > 8_000  # the essay keeps the sentence whole
    linkage = linking.link(essay, bib)
    assert seen and max(seen) == 5_000  # linking.MAX_LINKED
    long = essay.claims[0]
    markers = [lk for lk in linkage.links if lk.claim_id == long.id and lk.kind == "marker"]
    assert markers  # the citation inside the first 5,000 characters still links


def test_an_oversized_sentence_finding_says_what_the_linkers_read(tmp_path: Path) -> None:
    from litreview.checks.size import MAX_SENTENCE
    from litreview.linking import MAX_LINKED

    assert MAX_SENTENCE == MAX_LINKED
    found = _check_json(tmp_path, "Holsti argues [@holsti2004taming].\n\n" + "and the state " * 400 + "acts alone.\n")
    assert "links are looked for only in its first 5,000 characters" in found[0]["message"], found


def test_explicit_keys_nested_on_one_line_are_refused_not_a_recursion_error() -> None:
    """Found by the fuzz campaign: ``? ? ? ...`` nests mappings on one line, past the quick depth count."""
    from litreview.essay import parse_essay
    from litreview.linking.curated import parse_curated

    with pytest.raises(ClaimsFileError, match="nests deeper than 64") as info:
        parse_curated("groups:\n  - claim: p2-s2-3\n    anchor:\n      " + "? " * 1_000 + "x\n", "refs/claims.yaml")
    assert info.value.line == 4
    with pytest.raises(EssayError, match="nests deeper than 64"):
        parse_essay("---\ntitle:\n  " + "? " * 1_000 + "x\n---\n\nA sentence.\n", "essay.md")


def test_a_mapping_or_list_as_a_key_is_refused_with_its_line() -> None:
    """Found by the fuzz campaign: a 4.6 KB claims file of ``? ? ? ... \\url{ ? ? ...`` took minutes,
    ruamel hashing nested mapping keys again and again. No file litreview reads uses such keys."""
    from litreview.essay import parse_essay
    from litreview.linking.curated import parse_curated

    head = "groups:\n  - claim: p2-s2-3\n"
    with pytest.raises(ClaimsFileError, match="used as a key") as info:
        parse_curated(head + "? [a, b]\n: c\n", "refs/claims.yaml")
    assert info.value.line == 3
    nested = "? " * 18 + "\\url{ " + "? " * 60 + "x\n"
    with pytest.raises(ClaimsFileError, match="used as a key"):
        parse_curated(head + nested, "refs/claims.yaml")
    with pytest.raises(EssayError, match="used as a key"):
        parse_essay("---\n" + nested + "---\n\nA sentence.\n", "essay.md")
    # an explicit key that is plain text is still a key
    parse_essay("---\n? title\n: An essay\n---\n\nA sentence.\n", "essay.md")


# --- a bibliography far larger than an essay's -------------------------------------------------

def _padded(chars: int) -> str:
    line = "% padding line\n"  # 15 characters
    return line * (chars // len(line)) + "x" * (chars % len(line))


def test_an_oversized_bibliography_is_a_warning_on_the_line_that_passes_the_limit(tmp_path: Path) -> None:
    from litreview.checks import check_review
    from litreview.checks.size import MAX_BIBLIOGRAPHY, check_bibliography_size
    from litreview.config import Config
    from litreview.model import Bibliography, Review

    big = Bibliography(sources=(), file=str(tmp_path / "refs.bib"), text=_padded(MAX_BIBLIOGRAPHY + 1))
    found = check_review(Review(bibliography=big), Config(root=tmp_path)).findings
    assert [(f.code, f.severity, f.file, f.line) for f in found] == [
        ("LR145", "warning", "refs.bib", MAX_BIBLIOGRAPHY // 15 + 1)]
    assert f"the bibliography is {MAX_BIBLIOGRAPHY + 1:,} characters long (0 entries)" in found[0].message
    assert "a .bib of the works it cites" in found[0].hint
    at_limit = Bibliography(sources=(), file="refs.bib", text=_padded(MAX_BIBLIOGRAPHY))
    assert check_bibliography_size(at_limit) == []


def test_an_ordinary_bibliography_is_no_size_finding() -> None:
    from litreview.bibliography.load import load_bibliography
    from litreview.checks.size import check_bibliography_size

    bib = load_bibliography(Path(__file__).resolve().parents[1] / "refs" / "bibliography.bib")
    assert bib.sources and check_bibliography_size(bib) == []


def test_a_claim_id_of_thousands_of_digits_is_no_group_and_no_crash() -> None:
    """int() refuses over 4,300 digits: a claims file naming such an id crashed (found by the fuzz campaign)."""
    from litreview.linking.anchors import parse_group_id

    assert parse_group_id("p3-s5-7") == (3, 5, 7)
    assert parse_group_id("p1-s1-" + "9" * 5001) is None


@pytest.mark.timeout(60)  # a few seconds now; minutes (or hours) before
def test_quarto_code_chunks_never_closed_are_linear(tmp_path: Path) -> None:
    """Each unclosed chunk fence made the chunk regex scan the rest of the file: 40,000 of them
    (1.4 MB) took minutes; a closed chunk's caption is still read after it."""
    from litreview.essay.quarto import load_quarto_file

    path = tmp_path / "r.qmd"
    closed = "```{r}\n#| fig-cap: Wars end [@a].\nplot(x)\n```\n\n"
    text = "Para [@a].\n\n" + closed + "```{r fig.cap='x'}\n#| fig-cap: x\n" * 40_000
    claims = [c.text for p in load_quarto_file(path, text).paragraphs for c in p.claims]
    assert claims[:2] == ["Para [@a].", "Wars end [@a]."]


@pytest.mark.timeout(60)  # a few seconds now; minutes (or hours) before
def test_quarto_embed_of_a_line_of_blanks_is_linear(tmp_path: Path) -> None:
    """``{{< embed a`` then 4,000 blanks took 33 s (cubic); an embed with options is still read."""
    from litreview.essay.quarto import _inclusions

    assert _inclusions("{{< embed a" + " " * 100_000 + "x\n") == []
    assert [names for _, _, names, _ in _inclusions("{{< embed nb.ipynb#fig-a  echo=true >}}\n")] == [["nb.ipynb#fig-a"]]
    assert [names for _, _, names, _ in _inclusions("{{< embed nb.ipynb#fig-a>}}\n")] == [["nb.ipynb#fig-a"]]


@pytest.mark.timeout(60)  # a few seconds now; minutes (or hours) before
def test_knitr_header_after_many_blank_lines_is_linear() -> None:
    """Fenced divs are blanked to spaces: 40,000 ``:::`` lines took minutes (the knitr header's ``\\s*``
    tried every line start against the rest of the file)."""
    from litreview.essay import parse_essay

    essay = parse_essay("Para [@a].\n\n" + '::: {.callout-note title="x"}\n' * 40_000 + "\nEnd.\n", "e.md")
    assert [c.text for p in essay.paragraphs for c in p.claims] == ["Para [@a].", "End."]
    chunk = parse_essay("Para [@a].\n\n  ```{r}\n  # not prose [@b].\n  ```\n", "e.md")
    assert [c.text for p in chunk.paragraphs for c in p.claims] == ["Para [@a]."]


def _tex_bomb(levels: int, where: str) -> str:
    """Macros each using the one before ten times: the last expands to 2 x 10^(levels - 1) citations."""
    names = [f"m{chr(97 + n)}" for n in range(levels)]
    lines = ["\\documentclass{article}", "\\newcommand{\\ma}{\\cite{k}\\cite{k}}"]
    lines += ["\\newcommand{\\" + b + "}{" + ("\\" + a + " ") * 10 + "}" for a, b in pairwise(names)]
    use = f"Wars end \\{names[-1]}." if where == "body" else "Wars end."
    body = ["\\begin{document}", "Wars end \\cite{k}.", "", use, "\\end{document}"]
    return "\n".join([*lines, *([f"\\title{{\\{names[-1]}}}"] if where == "title" else []), *body]) + "\n"


@pytest.mark.parametrize("where", ["body", "title"])
def test_latex_macros_that_multiply_are_refused(tmp_path: Path, where: str) -> None:
    """Eight such macros (518 bytes) made 10^8 citations: minutes and gigabytes. Six (2 x 10^5 citations,
    1.6 MB of text) already pass the limit."""
    from litreview.essay import load_essay

    path = tmp_path / "bomb.tex"
    path.write_text(_tex_bomb(6, where), encoding="utf-8")
    with pytest.raises(EssayError, match="expand to more than 1,000,000 characters") as caught:
        load_essay(path)
    assert caught.value.path == str(path) and "chains" in caught.value.hint
    assert caught.value.line == (11 if where == "body" else None)  # the paragraph using it
    path.write_text(_tex_bomb(3, where), encoding="utf-8")  # 200 citations: read
    claim = next(c for c in load_essay(path).claims if c.id == ("p2-s1" if where == "body" else "title-s1"))
    assert len(claim.citations or ()) == 200


@pytest.mark.timeout(60)  # well under a second now; 40,000 lines took over ten minutes
@pytest.mark.parametrize("line", ["\\title{x\n", "\\newcommand{\\x}{\\cite{a}\n"])
def test_latex_unclosed_titles_and_definitions_are_linear(line: str) -> None:
    """Each unclosed ``\\title{`` or ``\\newcommand{\\x}{`` scanned the rest of the document for its brace:
    5,000 of them (45 KB) took 13 s and 36 s, 20,000 took 208 s."""
    from litreview.essay.latex import parse_latex

    text = "\\documentclass{article}\n" + line * 40_000 + "\\begin{document}\nWars end \\cite{a}.\n\\end{document}\n"
    assert [c.text for c in parse_latex(text, "e.tex").claims] == ["Wars end [@{a}]."]


@pytest.mark.timeout(60)  # well under a second now; 8,000 took about 2 minutes
def test_latex_unclosed_cite_groups_in_a_paragraph_are_linear() -> None:
    """Each unclosed ``\\citet{`` of a paragraph scanned the rest of it for its brace (2,000 in 59 KB: 7 s)."""
    from litreview.essay.latex import parse_latex

    text = "\\documentclass{article}\n\\begin{document}\nWars end \\cite{a}.\n\n" + "follow \\citet{linke" * 8_000
    assert next(c.text for c in parse_latex(text + "\n\\end{document}\n", "e.tex").claims) == "Wars end [@{a}]."


@pytest.mark.timeout(60)  # about a second now; over two minutes before
def test_latex_long_words_are_linear() -> None:
    """A run of prose was tried at each character of a long word that is none (``\\subsecaaaa...``, a line of
    digits), each try scanning the rest of the word: 32 lines of a 3,000-letter command took 25 s."""
    from litreview.essay.latex import parse_latex

    line = "\\subsec" + "a" * 30_000 + "tion{Results} and 1" + "1" * 30_000 + "\n"
    text = "\\documentclass{article}\n\\begin{document}\nWars end \\cite{a}.\n\n" + line * 3
    claims = parse_latex(text + "\\end{document}\n", "e.tex").claims
    # (The command, unknown, is left out with its argument, as pandoc leaves it out: "and 111...".)
    assert [c.text for c in claims] == ["Wars end [@{a}].", " ".join(["and 1" + "1" * 30_000] * 3)]


def test_braces_matched_in_one_pass_agree_with_the_scan() -> None:
    import random

    from litreview.essay.latex_cites import group_ends, tex_group_end

    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("{}\\ax") for _ in range(rng.randint(0, 40)))
        ends = group_ends(text)
        assert [ends(i) for i, c in enumerate(text) if c == "{"] == [
            tex_group_end(text, i, "{", "}") for i, c in enumerate(text) if c == "{"], text


@pytest.mark.timeout(60)  # well under a second now; about two minutes before
def test_markdown_unclosed_link_targets_are_linear(tmp_path: Path) -> None:
    """Each ``](`` of a paragraph looked for its ``)`` to the end of the text: a fuzzed Quarto file with 2,570
    unclosed link targets in 100 KB took 13 s, 20,000 in 120 KB minutes."""
    from litreview.essay import load_essay

    path = tmp_path / "e.md"
    path.write_text("Wars end [@a].\n\n" + "see [x](y " * 20_000 + "\n\nPeace holds [@b].\n",
                    encoding="utf-8")
    cited = [[c.key for c in claim.citations or ()] for claim in load_essay(path).claims]
    assert cited[0] == ["a"] and cited[-1] == ["b"]


def test_a_run_of_divided_doi_prefixes_is_read_in_linear_time() -> None:
    """"10.10000.10000.…" with no slash: a DOI prefix divided at full stops (``10.1000.10/x``) was sought to the end
    of the run from each "10.", 14 s for 72,000 characters; the divisions are bounded, so it is no DOI at once."""
    from litreview.bibliography.refparse.joining import join_lines
    from litreview.doi import find_doi

    run = "10.10000." * 30_000
    assert find_doi(run) is None and find_doi(f"{run} doi:10.978.8898392/315")[0] == "10.978.8898392/315"
    assert len(join_lines(["Smith, J. 2001. Title " + run, "Jones, K. (2002). Other."])) == 2


def test_latex_groups_left_open_by_the_thousand_are_matched_once(tmp_path: Path) -> None:
    """Thousands of unclosed section titles, macro uses with an optional argument and citation options: each was
    matched by reading the rest of the text (minutes for these 200,000 characters); every group is matched in one
    pass, and the text after them is still read."""
    from litreview.essay import load_essay

    head = "\\documentclass{article}\n\\newcommand{\\seeme}[2][see]{#1 \\textcite{#2}}\n\\begin{document}\n"
    body = "\\section{A " * 4000 + "\\seeme[x " * 4000 + "\\citep[p. " * 4000 + "(a " * 4000
    path = tmp_path / "open.tex"
    path.write_text(head + body + "\n\nClosing words \\citep{holsti2004}.\n\\end{document}\n", encoding="utf-8")
    assert any("Closing words" in c.text for c in load_essay(path).claims)


def test_optional_arguments_left_open_by_the_dozen_are_read_as_text() -> None:
    """``\\citep[see][pp. 3`` with no closing bracket, many times in a paragraph: pylatexenc tried each as an
    optional argument again after each other, in time that doubled with each one (30 took hours). They are read as
    text, in linear time, and a paragraph with one is read as before."""
    from litreview.essay.latex_cites import convert_text

    many = convert_text("Power \\citep[see][pp.~3 notes; X cites two.\n" * 30)
    assert many.count("[pp. 3 notes; X cites two.") == 30
    assert convert_text("See [1 and \\emph{x} [a] b") == "See [1 and x [a] b"


def test_brackets_left_open_where_no_command_takes_them_stay_as_written() -> None:
    """Thousands of unclosed ``[`` in running text are characters (pylatexenc reads them as such); only one after a
    command, which could be its optional argument, is set aside, and each prints as written."""
    from litreview.essay.latex_cites import convert_text

    text = "A " + "[" * 3000 + " title \\emph[x and \\textbf{y} [z [w [v end"
    assert convert_text(text) == "A " + "[" * 3000 + " title [x and y [z [w [v end"


@pytest.mark.timeout(60)  # instant now; a 40 KB line took 6 s, 150 KB minutes
def test_manubot_jinja_openings_never_closed_are_linear(tmp_path: Path) -> None:
    """Found by fuzzing the CLI: a line of "{{" in a Manubot content/ file was blanked by a non-greedy regex that
    scanned the rest of the file from each one."""
    from litreview.essay.manubot import load_manubot

    (tmp_path / "01.intro.md").write_text("Deep nets learn {## a comment ##} well [@doi:10.1/x].\n\n"
                                          + "Open " + "{{" * 100_000 + " ends.\n", encoding="utf-8")
    essay = load_manubot(tmp_path)
    assert essay.claims[0].text == "Deep nets learn well [@doi:10.1/x]."
    assert "{{{{" in essay.claims[-1].text


@pytest.mark.timeout(60)  # instant now; 80 KB took 7 s
def test_html_comment_openings_never_closed_are_linear(tmp_path: Path) -> None:
    from litreview.essay import conflict_notices

    path = tmp_path / "e.md"
    path.write_text("<!-- a\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> b\n-->\n" + "<!--" * 100_000
                    + "\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> b\n", encoding="utf-8")
    assert [n[2] for n in conflict_notices(path)] == [9]  # the conflict in a comment is no notice


@pytest.mark.timeout(60)  # instant now; 96 KB of titles never closed took 3.6 s, tags without '>' as long
def test_jats_titles_and_tags_never_closed_are_linear() -> None:
    from litreview.render.sanitize import clean_abstract

    assert clean_abstract("<jats:title>Abstract</jats:title><jats:title>Aims</jats:title><jats:p>Moraines.</jats:p>"
                          ) == "<p><strong>Aims</strong></p><p>Moraines.</p>"
    assert "Moraines" in clean_abstract("<jats:p>Moraines.</jats:p>" + "<jats:title>" * 100_000)
    assert "Moraines" in clean_abstract("<jats:p>Moraines.</jats:p>" + "<jats:p" * 100_000)


@pytest.mark.timeout(60)  # instant now; 10,000 took 17 s, and grew with their square
def test_citations_in_a_suffix_are_found_in_one_pass() -> None:
    """Found by fuzzing the CLI: a paragraph of "[@a][@a]..." (each bracket a link's text, so its key an in-text
    citation) sought the bracket around each in-text citation among all the sentence's citations."""
    from litreview.essay.cites import find_citations, in_suffix, mask_inline

    text = "[@c; @a and @b] and [see @d], " + "[@x]" * 100_000 + " [@e, see @f]."
    found = [([o.key for o in items], inner.key) for items, inner in in_suffix(find_citations(mask_inline(text), text))]
    assert found == [(["c", "a"], "b"), (["e"], "f")]


def test_a_manubot_citation_tag_over_the_csv_field_limit_is_located(tmp_path: Path) -> None:
    """Found by fuzzing the CLI: a 150 KB field in citation-tags.tsv raised csv's own error, a bug report."""
    from litreview.essay.manubot import load_manubot

    (tmp_path / "01.intro.md").write_text("Deep nets [@tag:x].\n", encoding="utf-8")
    (tmp_path / "citation-tags.tsv").write_text("tag\tcitation\nx\tdoi:10.1/x\ny\t" + "a" * 150_000 + "\n",
                                                encoding="utf-8")
    with pytest.raises(EssayError) as caught:
        load_manubot(tmp_path)
    assert caught.value.line == 3 and "citation tags cannot be read" in caught.value.message


@pytest.mark.parametrize("option", ["--bib", "--essay", "--claims"])
def test_a_path_too_long_to_open_is_an_input_error(tmp_path: Path, option: str, monkeypatch, capsys) -> None:
    """Found by fuzzing the CLI: a 300-letter name reached the system's "File name too long" as a bug report."""
    from litreview.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "litreview.toml").write_text('essay = "e.md"\n', encoding="utf-8")
    (tmp_path / "e.md").write_text("A claim [@a].\n", encoding="utf-8")
    assert main(["check", option, "a" * 300 + ".x"]) == 2
    err = capsys.readouterr().err
    assert "too long" in err and "302 bytes" in err and "bug" not in err


def test_a_setting_naming_a_path_too_long_is_located(tmp_path: Path) -> None:
    from litreview.config import load_config
    from litreview.errors import ConfigError

    (tmp_path / "litreview.toml").write_text(f'essay = "e.md"\nbibliography = ["a.bib", "{"b" * 300}.bib"]\n',
                                             encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path, env={})
    assert caught.value.line == 2 and "a name of 304 bytes, more than 255" in caught.value.message


def test_a_bracketed_passage_before_a_capital_is_found_as_the_regex_found_it() -> None:
    import random
    import re

    from litreview.essay.segment import _also_ends

    regex = re.compile(r"""\((?:[^)]){2,}\)(?=\s[A-Z])|['"”](?=\s[A-Z])""")  # the pattern it replaces
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice('()ab A"') for _ in range(rng.randrange(14)))
        assert _also_ends(text) == bool(regex.search(text)), text


@pytest.mark.timeout(60)  # instant now; 400 KB took 40 s, and grew with its square
def test_a_run_of_opening_brackets_in_a_sentence_is_linear() -> None:
    """Found by fuzzing the CLI: "[@fiberlaten((((...))))cy]." in a Markdown manuscript."""
    from litreview.essay.segment import _one

    assert not _one("See (the other one) Then more")
    assert _one("Fiber is fast [@fiberlaten" + "(" * 500_000 + ")" * 500_000 + "cy].")


@pytest.mark.timeout(60)  # a fraction of a second now; 5,000 took 20 s, 12,000 about two minutes
def test_latex_chain_of_citation_macros_is_linear() -> None:
    """Which macros hold a citation command, through others: a chain of 12,000 (each using the next, the last
    citing) was scanned whole once a link."""
    from litreview.essay.latex_macros import document_macros

    def name(n: int) -> str:
        return "m" + "".join(chr(97 + n // 26**k % 26) for k in range(3))

    links = 12_000
    text = "".join(f"\\newcommand{{\\{name(n)}}}{{\\{name(n + 1)} w}}\n" for n in range(links - 1))
    macros = document_macros(text + f"\\renewcommand{{\\{name(links - 1)}}}{{\\cite{{k}}}}\n")
    assert len(macros) == links  # the renewed last one too: it cites
    assert document_macros(text.replace("newcommand", "renewcommand")) == {}  # renewed, none citing


def test_latex_macro_given_a_long_argument_is_refused_before_it_is_made() -> None:
    """A macro whose text is ``#1`` 200,000 times, given a 300,000-character argument (a 700 KB document), was
    made whole (60 GB) before its size was checked."""
    import tracemalloc

    from litreview.essay.latex import parse_latex

    text = ("\\documentclass{article}\n\\newcommand\\x[1]{" + "#1" * 3_000 + "}\n\\begin{document}\n"
            "Wars end \\cite{a}.\n\nWe claim \\x{" + "a" * 3_000 + "} here.\n\\end{document}\n")
    tracemalloc.start()
    try:
        with pytest.raises(EssayError, match="expand to more than 1,000,000 characters") as caught:
            parse_latex(text, "e.tex")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.line == 6 and "\\x" in str(caught.value)
    assert peak < 4_000_000  # the 9,000,000 characters never made


@pytest.mark.timeout(30)  # well under a second now; 60,000 keys took 7 s, 200,000 over a minute
def test_latex_citation_of_many_keys_is_linear() -> None:
    """The ";" of a citation's pandoc form that a note holds: each was tested against every part before it."""
    from litreview.essay.latex_masked import _note_semicolons

    many = "[" + "; ".join(f"@{{k{n}}}" for n in range(200_000)) + "]"
    assert list(_note_semicolons(many)) == []  # each ";" parts two items
    note = "[see; also @{a}; @{b}; p. 3]"
    assert [note[at - 3:at + 1] for at in _note_semicolons(note)] == ["see;", "{b};"]


def test_latex_macro_expansions_are_limited_for_the_whole_document() -> None:
    """A long macro used once in each of many paragraphs, each under the limit: 400 KB used in 200 paragraphs made
    80 MB of text (32 s); in 2,000, gigabytes. What the expansions add in all is held to the limit too."""
    from litreview.essay.latex import parse_latex

    def document(paragraphs: int) -> str:
        uses = "".join(f"Claim {n} \\x \\cite{{a}}.\n\n" for n in range(paragraphs))
        return ("\\documentclass{article}\n\\newcommand\\x{" + "word " * 10_000 + "}\n\\begin{document}\n" + uses
                + "\\end{document}\n")

    with pytest.raises(EssayError, match="expand to more than 1,000,000 characters in all") as caught:
        parse_latex(document(25), "e.tex")
    assert caught.value.line == 4 + 2 * 20 and "\\x" in str(caught.value)  # the 21st use passed 1,000,000
    assert len(parse_latex(document(3), "e.tex").claims) == 3  # 150,000 characters added: read
