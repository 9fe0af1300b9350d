"""Pandoc's citation syntax as pandoc 3 parses it (each case checked by hand against ``pandoc -t json``)."""

from __future__ import annotations

import pytest

from litreview.essay.cites import MASK, find_citations, is_crossref, keys_in, mask_inline


def keys(text: str) -> list[str]:
    return [c.key for c in find_citations(mask_inline(text), text)]


@pytest.mark.parametrize(("text", "expected"), [
    # In-text keys: not after a letter, digit or full stop; trailing punctuation is not part of the key.
    ("x@a2 and a.@a3 and 1@a4", []),
    ('"@a3" and *@a6* and @a7\'s and @a8. and @a9-', ["a3", "a6", "a7", "a8", "a9"]),
    ("a,@f4 x-@f5 a:@f6 (@f1)", ["f4", "f5", "f6", "f1"]),
    ("@c1:d. @c2.d..e @c3//x @h3_ @_h5 @7h @Über", ["c1:d", "c2.d", "c3//x", "h3_", "_h5", "7h", "Über"]),
    ("@{https://x.org/a/} and @url:https://x.org/b/", ["https://x.org/a/", "url:https://x.org/b"]),
    ("[@{no spaces 2000}] and @{x y} and @{a{b}c}", ["a{b}c"]),  # braced: no white space, balanced
    # Brackets: every ;-separated item needs a key, else the keys inside are read as in-text citations.
    ("[see @b1, p. 3; also @b2]", ["b1", "b2"]),
    ("[@b3; no key]", ["b3"]),
    ("[@g8 @g9] and [prefix @h1 suffix @h2]", ["g8", "g9", "h1", "h2"]),
    ("[@b4](http://x) and [@b5]{.c}", ["b4", "b5"]),
    ("@g3 [p. 4] and @g4 [-@g5]", ["g3", "g4", "g5"]),
])
def test_keys_as_pandoc_reads_them(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize("text", [
    "`@decorator` in code", "``code with ` and @a``", "$x@y$ and $$a@b$$", "<!-- [@commented] -->",
    r"\@escaped", '<span title="@attr">x</span>', "<me@example.org>", "[site](https://x.org/@handle)",
    # An escaped brace is a character of the math, no group: "\{" read as opening one left the math unclosed.
    r"Set $U = \{ @b, \text{c}\}$ and $\{x, @y\}$ end.",
])
def test_nothing_in_code_math_comments_tags_or_link_targets(text: str) -> None:
    assert keys(text) == []


def test_masking_keeps_length_and_whitespace() -> None:
    text = "a `b  c` d\n$x$"
    masked = mask_inline(text)
    assert len(masked) == len(text) and masked.count(MASK) == 7 and masked[4:6] == "  " and "\n" in masked


def test_a_dollar_amount_is_not_math() -> None:
    assert keys("It cost $5 and $6 [@a].") == ["a"]


def test_modes_prefix_and_locator() -> None:
    text = "[see @a, pp. 33-35; -@b] and @c [chap. 2]"
    cites = find_citations(mask_inline(text), text)
    assert [(c.key, c.mode, c.prefix, c.suffix) for c in cites] == [
        ("a", "normal", "see", "pp. 33-35"), ("b", "suppress-author", "", ""),
        ("c", "author-in-text", "", "chap. 2")]
    assert text[cites[0].start:cites[0].end] == "[see @a, pp. 33-35; -@b]"


def test_a_bracket_that_is_a_links_or_a_spans_text_holds_in_text_citations() -> None:
    # pandoc 3.9: [text](url), [text]{.class} and [text][ref] are not citations; the keys inside are in-text
    # ones (before: normal citations, with "link with" as their prefix).
    text = "[link with @a inside](http://x.org) [@b]{.mark} [see @c][ref] [@d](unclosed [@e]() [@f] (g)"
    cites = find_citations(mask_inline(text), text)
    assert [(c.key, c.mode, c.prefix) for c in cites] == [
        ("a", "author-in-text", ""), ("b", "author-in-text", ""), ("c", "author-in-text", ""),
        ("d", "normal", ""), ("e", "author-in-text", ""), ("f", "normal", "")]


def test_crossrefs_and_nocite_lists() -> None:
    assert is_crossref("fig:map") and is_crossref("tbl-scores") and not is_crossref("figueroa2001")
    # Quarto's theorem, callout and capitalised forms (@Fig-map prints "Figure 1")
    assert all(map(is_crossref, ["thm-main", "lem-bound", "def-rate", "exm-case", "nte-aside", "Fig-map",
                                 "Sec-results"]))
    assert not is_crossref("lemke2001") and not is_crossref("thm2004")
    assert keys_in("@a, @b") == ["a", "b"] and keys_in("@*") == ["*"]


# Classes of disagreement with pandoc found by differential testing (tests/fuzz/test_fuzz_pandoc.py),
# each checked by hand against pandoc 3.9.
@pytest.mark.parametrize(("text", "expected"), [
    # Raw LaTeX: a command with its [..] and {..} groups, or a whole environment, holds no citation;
    # "%" comments out the closing brace (the command is then text), a space ends the groups.
    (r"x \textbf {@a} \foo[opt]{@b} \foo[@c] \foo{a}{@d} \foo*{@f} y", []),
    (r"x \foo{a} {@e} and \foo @c and \\ @g", ["e", "c", "g"]),
    (r"x \begin{small}@i\end{small} y", []),
    (r"x \mbox{@a%b} y", ["a%b"]),
    # ... and its braces count for nothing: the group closes at a "}" on a later line, the key inside it raw LaTeX
    # (the "}" in the comment closed it before, and @z was read as a citation); a "%" before the command is text.
    ("x \\mbox{a % }\n [@z]} y [@w]", ["w"]),
    ("x \\mbox{a % {\n @z} y [@w]", ["w"]),
    ("x 50% of \\mbox{a} [@w] and \\mbox{b\\% } [@v] c}", ["w", "v"]),
    # A braced key holds no whitespace; a key is read before what follows could open math or a tag.
    ("@{a b} @{a,b} [@{q; x}]", ["a,b"]),
    ("see @a$b and $x$", ["a$b"]),
    # An HTML comment that never closes is text.
    ("Institutions <!-- [@a", ["a"]),
])
def test_pandoc_forms_found_by_differential_testing(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_no_key_is_cut_by_a_sentence_end() -> None:
    from litreview.essay.cites import blank_keys

    text = "As @a?b [p. 4] and @{2015ApJ...812..128C} show."
    assert blank_keys(text) == "As @axb [p. 4] and @{2015ApJxxx812xx128C} show." and len(blank_keys(text)) == len(text)
    assert blank_keys("mail me@x.org") == "mail me@x.org"


def test_an_in_text_citation_followed_by_a_locator_and_more_citations() -> None:
    # pandoc 3.9: @c [chap. 2; also @d, p. 4; @e] is one group: c in text with "chap. 2", d and e normal
    # (d was read as an in-text citation of its own).
    text = "@c [chap. 2; also @d, p. 4; @e] and @f [see @g]."
    cites = find_citations(mask_inline(text), text)
    assert [(c.key, c.mode, c.prefix, c.suffix) for c in cites] == [
        ("c", "author-in-text", "", "chap. 2"), ("d", "normal", "also", "p. 4"), ("e", "normal", "", ""),
        ("f", "author-in-text", "", ""), ("g", "normal", "see", "")]


def test_an_inline_notes_brackets_are_a_note_not_a_citation() -> None:
    # pandoc 3.9: "^[...]" is a note; a key in it is an in-text citation, a bracket in it a citation of its own
    # (the note "^[This: @a explains it.]" was read as one bracketed citation, with "This:" as its prefix, and
    # the page printed the whole note as that citation's text).
    text = "Done.^[This approach: @a explains it. More.] Also^[see [@b], and @c [p. 4].] here."
    cites = find_citations(mask_inline(text), text)
    assert [(c.key, c.mode, c.prefix, c.suffix) for c in cites] == [
        ("a", "author-in-text", "", ""), ("b", "normal", "", ""), ("c", "author-in-text", "", "p. 4")]
    assert text[cites[0].start:cites[0].end] == "@a"


def test_a_citations_bracket_may_hold_balanced_brackets_of_its_own() -> None:
    # pandoc 3.9's AST: "[@a, see [the site](https://x.org) too]", "[@b, p. 3 [sic]]" and "[see [x; y] @c; @d, p. 4
    # [a [b] c]]" are NormalCitations, the inner brackets (and the ";" in them) part of a suffix or a prefix; each key
    # was read as an in-text citation without its suffix. A key in an inner bracket is a citation of its own, its outer
    # bracket text ("[see [@e]]"); "@f [p. 5; see [x] @g]" gives @f its locator and @g its own prefix.
    text = ("A [@a, see [the site](https://x.org) too] and [@b, p. 3 [sic]] and [see [x; y] @c; @d, p. 4 [a [b] c]] "
            "and [see [@e]] and @f [p. 5; see [x] @g].")
    cites = find_citations(mask_inline(text), text)
    assert [(c.key, c.mode, c.prefix, c.suffix) for c in cites] == [
        ("a", "normal", "", "see [the site](https://x.org) too"), ("b", "normal", "", "p. 3 [sic]"),
        ("c", "normal", "see [x; y]", ""), ("d", "normal", "", "p. 4 [a [b] c]"), ("e", "normal", "", ""),
        ("f", "author-in-text", "", "p. 5"), ("g", "normal", "see [x]", "")]


def test_a_citation_may_hold_citations_in_its_suffix_or_prefix() -> None:
    # pandoc 3.9's AST: the outer bracket is a NormalCitation whose suffix (or prefix) holds a Cite of its own,
    # "[@b [@c]]" two deep; a key in a link's text inside it is an in-text citation; "[see [@e]]" holds no key of
    # its own and is text around a citation; "[@f][@g]" is a reference link's text and a citation.
    text = ("A [@a, see [@b [@c]] and @d] and [see [@e]] and [see [@h](https://x.org) @i, p. 3] and "
            "[see [-@j, p. 2; @k] @l] and [@m, cf. [@f][@g]].")
    cites = find_citations(mask_inline(text), text)
    assert [(c.key, c.mode, c.prefix, c.suffix) for c in cites] == [
        ("a", "normal", "", "see [@b [@c]] and @d"), ("b", "normal", "", "[@c]"), ("c", "normal", "", ""),
        ("d", "author-in-text", "", ""), ("e", "normal", "", ""), ("h", "author-in-text", "", ""),
        ("i", "normal", "see [@h](https://x.org)", "p. 3"), ("j", "suppress-author", "", "p. 2"),
        ("k", "normal", "", ""), ("l", "normal", "see [-@j, p. 2; @k]", ""), ("m", "normal", "", "cf. [@f][@g]"),
        ("f", "author-in-text", "", ""), ("g", "normal", "", "")]
    assert text[cites[0].start:cites[0].end] == "[@a, see [@b [@c]] and @d]"


def test_an_in_text_citations_locator_after_no_space_and_a_bracket_that_is_no_locator() -> None:
    # pandoc 3.9's AST: "@a[p. 3]" has its locator (pandoc allows no space before it); "@b [p. 4](https://x.org)",
    # "@c [p. 5]{.mark}", "@d [^1]" and "@e [p. 6][^1]" have none: the bracket is a link's or a span's text, or a note.
    text = "A @a[p. 3; @f] and @b [p. 4](https://x.org) and @c [p. 5]{.mark} and @d [^1] and @e [p. 6][^1] end."
    cites = find_citations(mask_inline(text), text)
    assert [(c.key, c.mode, c.suffix) for c in cites] == [
        ("a", "author-in-text", "p. 3"), ("f", "normal", ""), ("b", "author-in-text", ""), ("c", "author-in-text", ""),
        ("d", "author-in-text", ""), ("e", "author-in-text", "")]
    assert [text[c.start:c.end] for c in cites[2:]] == ["@b", "@c", "@d", "@e"]


@pytest.mark.parametrize(("text", "modes"), [
    # pandoc reads a run of hyphens before "@" as dashes first (its smart punctuation: "---" an em dash, "--" an en
    # dash): only a hyphen left over marks the citation suppress-author.
    ("Range @b2--@b3.", ["author-in-text", "author-in-text"]),
    ("Years 1990--@c5 and a---@e2.", ["author-in-text", "author-in-text"]),
    ("Then ----@c9 and -@j.", ["suppress-author", "suppress-author"]),
    ("A -----@d1 and ------@d2 and -------@d3.", ["author-in-text", "author-in-text", "suppress-author"]),
    ("[see --@d3] and [-@d4; @d5] and [---@d6].", ["normal", "suppress-author", "normal", "normal"]),
    ("Also x-@c4 and (-@c6).", ["author-in-text", "suppress-author"]),
])
def test_hyphens_before_a_key_are_read_as_dashes_first(text: str, modes: list[str]) -> None:
    # Before: any hyphen before "@" made the citation suppress-author ("1990--@c5" printed no author).
    assert [c.mode for c in find_citations(mask_inline(text), text)] == modes


def test_the_dash_before_a_key_is_the_prefixs_or_the_texts_not_the_citations() -> None:
    text = "Years 1990--@c5 and [see --@d3] and [---@d6; -@d7]."
    cites = find_citations(mask_inline(text), text)
    assert [(c.key, c.prefix, c.written) for c in cites] == [
        ("c5", "", "@c5"), ("d3", "see --", "see --@d3"), ("d6", "---", "---@d6"), ("d7", "", "-@d7")]
