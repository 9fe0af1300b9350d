"""The reader's shortcuts that keep reading linear in the manuscript read what the libraries' own steps read: the
footnote rules given up early (``md_notes``), the blocks that may end a paragraph asked by their first character
(``md_stops``), inline text read only where it may hold a footnote, and pysbd's sentence places found without a
pattern per sentence."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

import pytest

from litreview.essay import parse_essay
from litreview.essay.md_blocks import parser, plain_parser
from litreview.essay.md_stops import _dispatch
from litreview.essay.sbd import _places

PIECES = ["^[", "[^", "]", "[", "^", " ", "\n", "a", "n1", "long", "`", "\\]", "^[a]", "[^n1]", "[^long]", ".", "x^2^"]
NOTES = "\n\n[^n1]: One note.\n\n[^long]: Another.\n"


def _plugin_parser():
    """The same parser with the plugin's own footnote rules."""
    from mdit_py_plugins.footnote.index import footnote_inline, footnote_ref

    md = parser()
    own = type(md)("commonmark", {"html": True})
    own.block.ruler = md.block.ruler
    own.core.ruler = md.core.ruler
    own.inline = type(md.inline)()
    own.inline.ruler = md.inline.ruler.__class__()
    for rule in md.inline.ruler.__rules__:
        fn = {"footnote_inline": footnote_inline, "footnote_ref": footnote_ref}.get(rule.name, rule.fn)
        own.inline.ruler.push(rule.name, fn)
        if not rule.enabled:
            own.inline.ruler.disable(rule.name)
    own.inline.ruler2 = md.inline.ruler2
    return own


def _tokens(md, text: str) -> list[tuple[str, str, object]]:
    out = []
    for tok in md.parse(text):
        out.append((tok.type, tok.content, tok.meta))
        out.extend((child.type, child.content, child.meta) for child in tok.children or ())
    return out


EDGES = ["a ^[] b", "a ^[", "a ^[b", "^[a]", "a [^n1] b", "a [^n1", "a [^long]", "a [^longer]", "a [^n1 ]", "[^]",
         "a ^[`]` b", "a ^[\\] b", "a ^[[^n1]] b", "^[a ^[a ^[a ]", "^[a [b ^[c ]] d]", "^[a [b] ^[c ] d",
         "^[a " * 25 + "]", "^[a " * 25 + "]" * 3, "[" * 30 + "^[a ]" + "]" * 5, "^[[" * 12 + "]" * 30,
         "^[a `^[` b ]", "^[a \\[ ^[b ] c]", "^[a [^n1] ^[b ]]"]


@pytest.mark.parametrize("seed", range(40 + len(EDGES)))
def test_footnote_rules_match_the_plugins(seed: int) -> None:
    rnd = random.Random(seed)
    text = "Para one.\n\n" + (EDGES[seed - 40] if seed >= 40 else
                              "".join(rnd.choice(PIECES) for _ in range(rnd.randint(5, 120))))
    for body in (text, text + NOTES):
        assert _tokens(parser(), body) == _tokens(_plugin_parser(), body), body


NESTED = ["^[", "^[a ", "[", "]", "]]", "a", " ", "`", "\\", "[^n1]", "^x^", "\n"]


@pytest.mark.parametrize("seed", range(40))
def test_nested_inline_notes_match_the_plugins(seed: int) -> None:
    """Openers nested past markdown-it's limit (20), closed late or never: where each bracket closes is the
    plugin's, however many labels reuse it."""
    rnd = random.Random(1000 + seed)
    text = "Para one.\n\n" + "".join(rnd.choice(NESTED) for _ in range(rnd.randint(20, 300)))
    for body in (text, text + NOTES):
        assert _tokens(parser(), body) == _tokens(_plugin_parser(), body), body


def test_unclosed_openers_read_as_text() -> None:
    essay = parse_essay("Intro [@a].\n\n" + "See ^[ this " * 50 + "end [@b].\n\n[^n]: A note.\n\nA[^n] b " + "[^x" * 40)
    assert "See ^[ this See" in essay.claims[1].text
    assert [c.key for c in essay.claims[1].citations] == ["b"]
    assert "[^x[^x" in essay.claims[-1].text


@pytest.mark.parametrize("sent,text", [("ab", "ab  ab\tab"), ("aa", "aaaa a"), ("x.", "x. x.\n y x."), ("", " a  b"),
                                       ("é ", "é  é é"), ("b", "a\u00a0b\u2003b")])
def test_sentence_places_are_pysbds(sent: str, text: str) -> None:
    assert list(_places(sent, text)) == [m.span() for m in re.finditer(rf"{re.escape(sent)}\s*", text)]


#: line openers of every block that may end a paragraph, and lines that open none
LINES = ["text", "@book{", "more text", "> quoted", "- item", "* item", "+ item", "1. one", "2) two", "```", "~~~",
         "***", "---", "___", "# heading", "<div>", "<!-- c -->", "[^n1]: note", ": detail", "~ detail", "| a | b |",
         "|---|---|", ":--|--:", "--|--", "-- x", "    code", "   > indented", "===", "$$", "x^2^ and [^n1]", "a ^[note] b", ""]
PREFIXES = ["", "", "", "> ", "- ", "  ", "1. ", "> - ", "   "]


def _blocks(md, text: str) -> list[tuple[object, ...]]:
    """The tokens the reader takes from markdown-it: the block tokens (footnotes at the end included)."""
    return [(t.type, t.tag, t.map, t.content, t.markup, t.info, repr(t.meta), t.level) for t in md.parse(text)]


#: each opener right after a paragraph's line, at the top and nested; tables and definition lists whole
STOPS = [f"{p}para\n{p}{line}\n{p}after" for p in ("", "> ", "- ") for line in LINES] + [
    "para\n| a | b |\n--|--\n", "para\n| a | b |\n:-|-:\n", "> para\n> a | b\n> -|-\n",
    "Term\n: detail\n~ other\nmore", "Term\n\n: detail\nlazy\n: next\n~ last", "- Term\n  : detail\n  ~ other"]


@pytest.mark.parametrize("seed", range(120 + len(STOPS)))
def test_paragraph_stops_match_markdown_its(seed: int) -> None:
    rnd = random.Random(seed)
    text = STOPS[seed - 120] if seed >= 120 else "\n".join(rnd.choice(PREFIXES) + rnd.choice(LINES)
                                                            for _ in range(rnd.randint(2, 40)))
    for body in (text, text + NOTES):
        assert _blocks(parser(), body) == _blocks(plain_parser(), body), body


def test_lines_without_an_opener_ask_no_rule() -> None:
    asked: list[str] = []

    def rule(name: str):
        return name, lambda state, line, end, silent: asked.append(name) or False

    state = SimpleNamespace(src="@book{\n# heading\n|--|\n", bMarks=[0, 7, 17, 22], tShift=[0, 0, 0, 0])

    stops = _dispatch([rule("table"), rule("fence"), rule("heading"), rule("list"), rule("unknown")])
    assert stops(state, 0, 3, True) is False
    assert asked == ["unknown"]  # "@" opens nothing, the next line no table
    asked.clear()
    stops(state, 1, 3, True)
    assert asked == ["table", "heading", "unknown"]  # the next line a table's delimiter row, this one "#"
