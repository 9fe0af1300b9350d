"""pandoc's inline Markdown that CommonMark lacks and the page prints nothing of, as markdown-it inline rules.

pandoc reads ``6^e^`` and ``H~2~O`` as a superscript and a subscript, ``[Semi-bold]{.semibold}`` as a span of its text, ``[a link](https://x.org){.button}`` and
```` `x`{.white} ```` as a link and code with attributes, ``![ORCID icon](orcid.svg){height="13px"}`` as an
image, ``<i class="fa"></i>``, ``<br>`` as raw HTML, which its HTML passes on, and ``\\ `` as a no-break space.
The page rendered them as written ("[Semi-bold]{.semibold}", "&lt;br&gt;", "«\\ non\\ »"); it prints the span's
text, the link, the image's description, the space, and no tag (a manuscript's HTML is untrusted: none reaches the
page, only the text between its tags).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..text import ESCAPED_SPACE, pandoc_spaces

_ATTRIBUTES = re.compile(r"\{[ \t]*(?:[#.][^\s{}]+|-|[A-Za-z_][\w.:-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s{}\"']+))"
                         r"(?:[ \t]+(?:[#.][^\s{}]+|-|[A-Za-z_][\w.:-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s{}\"']+)))*"
                         r"[ \t]*\}")
"""pandoc's attributes: identifiers, classes, key=value pairs (``{#id .class key="v"}``), or ``{-}``."""


def use(md: Any) -> None:
    """Add the rules to ``md`` (raw HTML and images otherwise disabled)."""
    md.inline.ruler.before("link", "pandoc_span", _span)
    md.inline.ruler.before("link", "pandoc_image", _image)
    md.inline.ruler.before("link", "pandoc_attributes", _attributes)
    md.inline.ruler.after("link", "pandoc_spaced_link", _spaced_link)
    md.inline.ruler.before("html_inline", "raw_tag", _raw_tag)
    md.inline.ruler.before("emphasis", "pandoc_script", _script)
    md.inline.ruler.before("escape", "pandoc_escaped_space", _escaped_space)
    md.core.ruler.after("inline", "raw_tags_balanced", balanced)


def _escaped_space(state: Any, silent: bool) -> bool:
    """``\\ ``, pandoc's non-breaking space («\\ non\\ », "p.\\ 3"): a no-break space, not a backslash and a space."""
    if not state.src.startswith(ESCAPED_SPACE, state.pos):
        return False
    if not silent:
        state.push("text", "", 0).content = pandoc_spaces(ESCAPED_SPACE)
    state.pos += len(ESCAPED_SPACE)
    return True


def _span(state: Any, silent: bool) -> bool:
    """``[text]{attributes}``: the text, its markup rendered; the attributes gone."""
    if state.src[state.pos] != "[":
        return False
    end = state.md.helpers.parseLinkLabel(state, state.pos, False)
    if end < 0 or (m := _ATTRIBUTES.match(state.src, end + 1)) is None:
        return False
    if not silent:
        old_max = state.posMax
        state.pos, state.posMax = state.pos + 1, end
        state.md.inline.tokenize(state)
        state.posMax = old_max
    state.pos = m.end()
    return True


_DESTINATION = re.compile(r"\([ \t\n]*(?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
                          r"(?:[ \t\n]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t\n]*\)")
"""An image's address and title, ``(images/a.svg "A title")``."""


def _image(state: Any, silent: bool) -> bool:
    """``![alt](address){attributes}``: its description in brackets, as pandoc's plain text prints an image (the
    page loads no image of the manuscript's)."""
    if not state.src.startswith("![", state.pos):
        return False
    end = state.md.helpers.parseLinkLabel(state, state.pos + 1, False)
    if end < 0 or (m := _DESTINATION.match(state.src, end + 1)) is None:
        return False
    if not silent:
        old_max = state.posMax
        state.pos, state.posMax = state.pos + 2, end
        state.push("text", "", 0).content = "["
        state.md.inline.tokenize(state)
        state.push("text", "", 0).content = "]"
        state.posMax = old_max
    attributes = _ATTRIBUTES.match(state.src, m.end())
    state.pos = attributes.end() if attributes else m.end()
    return True


_LONGEST_ADDRESS = 300
"""How far a spaced link's ``(`` is looked for its ``)``: each ``[`` of a line would otherwise scan the rest of it."""


def _spaced_link(state: Any, silent: bool) -> bool:
    """``[text](an address with spaces "title")``, which CommonMark leaves as text and pandoc reads as a link to the
    address, its spaces percent-encoded (``a%20b``): run after markdown-it's own link rule, which takes the rest."""
    if state.src[state.pos] != "[" or state.linkLevel > 0:
        return False
    end = state.md.helpers.parseLinkLabel(state, state.pos, True)
    if end < 0 or not state.src.startswith("(", end + 1):
        return False
    inside, close = _parenthesised(state.src, end + 2, min(state.posMax, end + 2 + _LONGEST_ADDRESS))
    if close < 0:
        return False
    address, title = inside.strip(), ""
    if address.endswith(('"', "'")) and (opening := address.rfind(" " + address[-1], 0, len(address) - 1)) > 0:
        address, title = address[:opening].strip(), address[opening + 2:-1]
    if not address or not any(c.isspace() for c in address) or "<" in address or ">" in address:
        return False
    if not silent:
        old_max = state.posMax
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": state.md.normalizeLink(" ".join(address.split()))}
        if title:
            token.attrSet("title", title)
        state.pos, state.posMax = state.pos + 1, end
        state.linkLevel += 1
        state.md.inline.tokenize(state)
        state.linkLevel -= 1
        state.push("link_close", "a", -1)
        state.posMax = old_max
    state.pos = close + 1
    return True


def _parenthesised(src: str, start: int, stop: int) -> tuple[str, int]:
    """What stands from ``start`` to the ``)`` that closes the ``(`` before it (parentheses inside paired, no line
    break), and where that ``)`` is; ("", -1) when none does before ``stop``."""
    depth = 0
    for at in range(start, stop):
        c = src[at]
        if c == "\n":
            break
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return src[start:at], at
            depth -= 1
    return "", -1


def _attributes(state: Any, silent: bool) -> bool:
    """The attributes right after a link or a code span (``[a](url){.button}``, ```` `x`{.r} ````), which the page
    prints nothing of."""
    if (state.src[state.pos] != "{" or state.pending or not state.tokens
            or state.tokens[-1].type not in ("link_close", "code_inline")):
        return False
    if (m := _ATTRIBUTES.match(state.src, state.pos)) is None:
        return False
    state.pos = m.end()
    return True


# pandoc's superscript (``6^e^``) and subscript (``H~2~O``): text with no unescaped space between two marks, and no
# subscript's "~" doubled (``~~``, a strike-through).
_SCRIPT = {"^": (re.compile(r"\^((?:\\.|[^\s^\\])+)\^"), "sup"),
           "~": (re.compile(r"~(?!~)((?:\\.|[^\s~\\])+)~(?!~)"), "sub")}


def _script(state: Any, silent: bool) -> bool:
    """``^text^`` as a superscript, ``~text~`` as a subscript, their text's markup rendered."""
    found = _SCRIPT.get(state.src[state.pos])
    if found is None or (state.pos and state.src[state.pos - 1] == state.src[state.pos] == "~"):
        return False
    pattern, tag = found
    if (m := pattern.match(state.src, state.pos, state.posMax)) is None:
        return False
    if not silent:
        old_max = state.posMax
        state.push(f"{tag}_open", tag, 1)
        state.pos, state.posMax = m.start(1), m.end(1)
        state.md.inline.tokenize(state)
        state.push(f"{tag}_close", tag, -1)
        state.posMax = old_max
    state.pos = m.end()
    return True


_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")


def _raw_tag(state: Any, silent: bool) -> bool:
    """An HTML tag or comment in the text: a formatting one (``sanitize.INLINE_TAGS``: ``<sup>``, ``<b>``) as pandoc's
    HTML passes it on, with no attribute; any other left out (the text between tags stays). ``balanced`` then drops
    the unclosed, stray and empty ones."""
    from markdown_it.common.html_re import HTML_TAG_RE

    from .sanitize import INLINE_TAGS

    if state.src[state.pos] != "<":
        return False
    if (skipped := _skipped_end(state.src, state.pos)) is not None:
        if skipped < 0 or skipped > state.posMax:
            return False
        state.pos = skipped
        return True
    if (m := HTML_TAG_RE.match(state.src, state.pos)) is None:
        return False  # matched in place: a copy of the rest of the text at every "<" costs its square
    name = _TAG_NAME.match(m.group(0))
    if not silent and name and name.group(2).lower() in INLINE_TAGS and not m.group(0).endswith("/>"):
        closing = bool(name.group(1))
        # pushed as no nesting (markdown-it pairs the nesting it pushes, and a stray "</b>" has no pair), then marked
        token = state.push(_RAW_CLOSE if closing else _RAW_OPEN, name.group(2).lower(), 0)
        token.nesting = -1 if closing else 1
    state.pos = m.end()
    return True


_SKIPPED = (("<!--", "-->", 2), ("<![CDATA[", "]]>", 9), ("<?", "?>", 2))
"""What HTML leaves out, each closed by the first of its marks from where it may stand: a comment ("<!-->" and "<!--->"
too), a CDATA section, a processing instruction; and a declaration ("<!DOCTYPE html>"), closed by the first ">"."""


def _skipped_end(src: str, pos: int) -> int | None:
    """Where the comment, CDATA section, processing instruction or declaration opening at ``pos`` ends, -1 when it is
    never closed (its text prints), None when none opens there. Found among the closing marks' places, read once per
    text: markdown-it's pattern reads to the end of the text from each unclosed "<!--", which costs the square."""
    found = next(((closer, first) for opener, closer, first in _SKIPPED if src.startswith(opener, pos)), None)
    if found is None and src.startswith("<!", pos) and src[pos + 2:pos + 3].isascii() and src[pos + 2:pos + 3].isalpha():
        found = (">", 3)
    if found is None:
        return None
    closer, first = found
    places = _places(src, closer)
    at = bisect_left(places, pos + first)
    return places[at] + len(closer) if at < len(places) else -1


@lru_cache(maxsize=8)
def _places(src: str, mark: str) -> tuple[int, ...]:
    """Where ``mark`` stands in ``src``, in order."""
    out, at = [], src.find(mark)
    while at >= 0:
        out.append(at)
        at = src.find(mark, at + 1)
    return tuple(out)


_RAW_OPEN, _RAW_CLOSE = "raw_tag_open", "raw_tag_close"


def balanced(state: Any) -> None:
    """Each inline's raw formatting tags (``_raw_tag``) kept where one opens and closes around text within the same
    markup (``<sup>[1](#n)</sup>``), the others dropped: an unclosed ``<sup>`` would set the rest of the page
    small, and an empty ``<i class="fa"></i>`` is an icon the page has not."""
    for block in state.tokens:
        if block.children:
            block.children = _balanced_tags(block.children)
    for note in state.env.get("footnotes", {}).get("list", {}).values():
        if note.get("tokens"):
            note["tokens"] = _balanced_tags(note["tokens"])


def _balanced_tags(tokens: list[Any]) -> list[Any]:
    if not any(tok.type == _RAW_OPEN for tok in tokens):
        return [tok for tok in tokens if tok.type != _RAW_CLOSE]
    drop: set[int] = set()
    opened: list[list[int]] = []  # every open token (raw or markdown-it's) not closed yet: [where, whether it holds any]
    for n, tok in enumerate(tokens):
        if tok.nesting == 1:
            opened.append([n, 0])
        elif tok.type == _RAW_CLOSE:
            if opened and tokens[opened[-1][0]].type == _RAW_OPEN and tokens[opened[-1][0]].tag == tok.tag:
                start, holds = opened.pop()
                if holds:
                    _holds(opened)
                else:
                    drop.update((start, n))  # nothing inside: no tag at all
            else:
                drop.add(n)
        elif tok.nesting == -1:
            while opened and tokens[opened[-1][0]].type == _RAW_OPEN:  # closed by the markup around it: unclosed
                drop.add(opened.pop()[0])
            if opened:
                opened.pop()
            _holds(opened)
        elif tok.type not in ("text", "softbreak") or tok.content.strip():
            _holds(opened)
    drop.update(k for k, _ in opened if tokens[k].type == _RAW_OPEN)
    return [tok for n, tok in enumerate(tokens) if n not in drop]


def _holds(opened: list[list[int]]) -> None:
    """The innermost open element holds something (and so each around it, marked as it closes)."""
    if opened:
        opened[-1][1] = 1


_BLANK = "\x1a"
"""What stands for a delimiter of a span across sentences: a control character, which the page's text drops
(``sanitize.clean_text``), so that the text and each sentence keep their length and their citations' places."""


def spans_across(text: str, places: Sequence[tuple[int, int]]) -> str:
    """``text`` with the brackets and attributes of each span (``[...]{.blue}``, as a revision marks its passages)
    that opens in one sentence and closes in another blanked (``_BLANK``): each sentence is rendered alone, and
    neither half reads as a span. ``places``: the sentences' (start, end) in ``text``, in order."""
    if "]{" not in text:
        return text

    starts = [start for start, _ in places]

    def part(at: int) -> tuple[int, bool]:  # how many sentences start by ``at``, and whether it is inside one
        n = bisect_right(starts, at)
        return n, n > 0 and at < places[n - 1][1]

    chars = list(text)
    openings = _openings(text)
    for close in re.finditer(r"(?<!\\)\](?=\{)", text):
        attributes = _ATTRIBUTES.match(text, close.end())
        opening = openings.get(close.start()) if attributes else None
        if attributes is None or opening is None or part(opening) == part(close.start()):
            continue
        chars[opening] = _BLANK
        chars[close.start():attributes.end()] = _BLANK * (attributes.end() - close.start())
    return "".join(chars)


def _openings(text: str) -> dict[int, int]:
    """Where each ``]`` of ``text`` that closes a bracket is -> where that bracket opens (brackets nested within
    counted, escaped ones skipped), in one pass (``brace_pairs``): sought back from each ``]``, a paragraph of
    thousands took time growing with its square."""
    from ..bibliography.bibtex import brace_pairs

    return {closed - 1: opened for opened, closed, _ in brace_pairs(text, r"(?<!\\)[\[\]]") if opened >= 0 <= closed}
