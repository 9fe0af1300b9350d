"""Pandoc's citation syntax: ``[see @a, p. 3; -@b]``, ``@a [p. 4]``, ``@{key}``, as pandoc parses it.

``mask_inline`` blanks what can hold no citation (code spans, math, HTML comments and tags,
escapes, raw LaTeX, link targets); ``find_citations`` reads the citation items of a masked sentence.
Checked against pandoc 3 (``pandoc -f markdown -t json``) on the cases in tests/test_essay_cites.py.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import pairwise
from typing import Any

from ..bibliography.bibtex import brace_partners
from ..lazyre import lazy
from ..model import Citation, CitationMode, Claim, Paragraph

MASK = "\x00"
"""Stands for each masked character (whitespace is kept, so collapsing spaces keeps offsets aligned)."""
COMMAND_OPEN = "\x01"
"""Stands for the "[" that opens a LaTeX citation command's pandoc form right after another's (``\\cite{a}\\cite{b}``,
``[@{a}][@{b}]``): read as a bracket that opens a citation, never as a link's label, so both stay normal citations,
as pandoc's LaTeX reader reads them."""

# Pandoc's key: a letter, digit or _, then those or internal punctuation followed by one of them
# (or "//" as in URLs); "@{...}" holds anything but white space, in balanced braces.
KEY = r"(?:\{(?P<bkey>(?:[^{}\s]|\{[^{}\s]*\})+)\}|(?P<key>\w(?:\w|[:.#$%&\-+?<>~/](?=\w)|[:/](?=/))*))"
# No citation right after a letter, digit or full stop (e-mail addresses, "a.@b").
_AT = r"(?<![^\W_])(?<![.@])"
_ITEM = lazy(_AT + r"(?P<suppress>-?)@" + KEY)
# Brackets inside a citation's (two levels deep, no key in them): pandoc reads "[@a, see [the site](https://x.org)]",
# "[@a, p. 3 [sic]]" as citations with those suffixes, as its inline parser reads balanced brackets in them.
_NESTED = rf"\[(?:[^\[\]@{COMMAND_OPEN}]++|\[[^\[\]@{COMMAND_OPEN}]*+\])*+\]"
_BRACKET = lazy(rf"[\[{COMMAND_OPEN}](?P<body>(?:[^\[\]@{COMMAND_OPEN}]++|{_NESTED})*+@"
                rf"(?:[^\[\]{COMMAND_OPEN}]++|{_NESTED})*+)\]")
# An in-text citation's locator follows it after a space or none ("@a [p. 3]", "@a[p. 3]"; pandoc's ``spnl``).
_INTEXT = lazy(_AT + r"(?P<suppress>-?)@" + KEY + r"(?:[ \t]?\[(?P<loc>[^\[\]@]*)\])?")
QUARTO_KINDS = {"fig": "Figure", "tbl": "Table", "lst": "Listing", "sec": "Section", "eq": "Equation",
                "thm": "Theorem", "lem": "Lemma", "cor": "Corollary", "prp": "Proposition", "cnj": "Conjecture",
                "def": "Definition", "exm": "Example", "exr": "Exercise", "sol": "Solution", "rem": "Remark",
                "alg": "Algorithm", "prf": "Proof", "tip": "Tip", "nte": "Note", "wrn": "Warning", "imp": "Important",
                "cau": "Caution"}
"""Quarto's reserved label prefixes (floats, callouts, theorems, equations, sections) and the word it prints before
the number (``@Fig-map`` capitalises it)."""
PANDOC_CROSSREF_KINDS = {"fig": "fig.", "tbl": "tbl.", "eq": "eq.", "lst": "lst.", "sec": "sec."}
"""pandoc-crossref's label prefixes (``@fig:map``) and its default words (figPrefix, tblPrefix, ...)."""
_CROSSREF = lazy(r"^(?:" + "|".join([*QUARTO_KINDS, "tab"]) + r")[:\-]", re.IGNORECASE)
_LOCATOR_LEAD = lazy(r"^\s*,?\s*")
_KIND = lazy(r"[A-Za-z][A-Za-z0-9_]*")

# A citation key is read first ("@a$b" is one key, no math), the rest as pandoc's inline parser meets it.
_INTERESTING = lazy(_AT + r"-?@" + KEY + r"|\\[!-/:-@\[-`{-~]|\\[A-Za-z]+\*?|`+|<!--|<[A-Za-z/!?][^<>\n]*>|\$|\]\(|\]\{")
# pandoc's attributes after a span, link, image or code span (``{#id .class key="value"}``): an identifier, classes
# and values, which no output prints as text (``fig-alt="photo by @ann"`` is no citation).
_ATTRIBUTES = lazy(r"\{[ \t]*(?:(?:[#.][^\s{}\"'=]+|[A-Za-z_][\w.:-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s{}\"']+))[ \t]*)+\}")
# Raw LaTeX (pandoc's raw_tex): a command with the [...] and {...} groups that follow it (the first
# may come after spaces), or a whole \begin{env}...\end{env}.
_TEX_GROUPS = lazy(r"[ \t]*(?=[\[{])")
_TEX_BEGIN = lazy(r"\\begin\{([^{}\s]+)\}")
_MATH_STOP = lazy(r"\\text\{|\\[\s\S]|\$")
_CLOSE_DISPLAY = lazy(r"\$\$")


def is_crossref(key: str, kinds: Sequence[str] = ()) -> bool:
    """A pandoc-crossref or Quarto label (``@fig:map``, ``@tbl-scores``), not a citation; ``kinds``: the
    document's own cross-reference kinds (``crossref_kinds``), whose labels are ``kind-name``."""
    if _CROSSREF.match(key):
        return True
    folded = key.casefold()
    return any(folded.startswith(f"{kind}-") for kind in kinds)


def crossref_kind(label: str) -> str | None:
    """The kind a cross-reference label is written with (``fig`` of ``fig-map`` and of ``fig:map``), as written;
    None when no kind and separator open it."""
    m = _KIND.match(label)
    return m.group() if m and label[m.end():m.end() + 1] in (":", "-") else None


def crossref_kinds(*metas: Any) -> tuple[str, ...]:
    """The cross-reference kinds a Quarto document or project declares (front matter or ``_quarto.yml``:
    ``crossref: custom: [{kind: float, key: suppfig}]``), casefolded: Quarto reads ``@suppfig-x`` as a
    reference to such a float, not as a citation."""
    return tuple(custom_crossrefs(*metas))


def custom_crossrefs(*metas: Any) -> dict[str, str]:
    """The kinds of ``crossref_kinds``, each with the word Quarto prints before its number (its
    ``reference-prefix``, else its key)."""
    kinds: dict[str, str] = {}
    for meta in metas:
        crossref = meta.get("crossref") if isinstance(meta, Mapping) else None
        custom = crossref.get("custom") if isinstance(crossref, Mapping) else None
        for kind in custom if isinstance(custom, list) else ():
            key = kind.get("key") if isinstance(kind, Mapping) else None
            if isinstance(key, str) and _KIND.fullmatch(key):
                prefix = kind.get("reference-prefix")
                kinds.setdefault(key.casefold(), prefix if isinstance(prefix, str) and prefix else key)
    return kinds


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if not chars[i].isspace():
            chars[i] = MASK


_RAW_CITE = lazy(r"(?<!\\)\\([A-Za-z]+)\*?(?:[ \t]*\[[^\]\n]*\]){0,2}[ \t]*\{[^{}\n]*\}")


def raw_latex_citations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each LaTeX citation command (``\\citep[p. 3]{key}``) in Markdown text, outside code,
    math and comments: pandoc's raw_tex, which only a LaTeX build with natbib or biblatex cites."""
    from .latex_cites import COMMANDS

    found = [m for m in _RAW_CITE.finditer(text) if m.group(1) in COMMANDS and m.group(1) != "nocite"]
    if not found:
        return []
    # A letter for each command's backslash: what mask_inline still blanks there is code, math or a comment.
    probe = list(text)
    for m in found:
        probe[m.start()] = "X"
    masked = mask_inline("".join(probe))
    return [(m.start(), m.end()) for m in found if masked[m.start()] == "X"]


def raw_block_citations(block: str) -> list[tuple[int, int]]:
    """(start, end) of each LaTeX citation command in the inside of a raw LaTeX block of Markdown
    (``md_blocks.raw_tex_blocks``), read as LaTeX as pandoc keeps it: in the environments and arguments nested in it
    too (``\\begin{flushright}\\textit{... \\cite{k}}``), not in a LaTeX comment."""
    from .latex_cites import COMMANDS
    from .latex_declarations import uncomment

    found: list[tuple[int, int]] = []
    at = 0
    for line in block.split("\n"):
        kept = uncomment(line)
        cut = len(kept) if line.startswith(kept) else len(line)  # (a "%" in verbatim text: escaped, kept whole)
        found += [(at + m.start(), at + m.end()) for m in _RAW_CITE.finditer(line, 0, cut)
                  if m.group(1) in COMMANDS and m.group(1) != "nocite"]
        at += len(line) + 1
    return found


def mask_inline(text: str) -> str:
    """``text`` with code spans, inline math, HTML comments and tags, escapes and link targets masked."""
    if not _INTERESTING.search(text):
        return text
    chars = list(text)
    for _, start, end in _inline_spans(text):
        _blank(chars, start, end)
    return "".join(chars)


def raw_tex_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds raw LaTeX outside code and math (``\\vspace{20pt}``), or a raw inline of any format (a
    code span with ``{=latex}`` after it), which pandoc keeps for that output only: an HTML page prints nothing of it."""
    if "\\" not in text and "{=" not in text:
        return []
    return [(start, end) for kind, start, end in _inline_spans(text) if kind == "tex"]


def raw_tex_alone(text: str) -> bool:
    """Whether ``text`` (a sentence) is raw LaTeX alone, which pandoc keeps for a LaTeX build and an HTML page prints
    none of (``\\newpage``, ``\\vspace{2cm} \\clearpage``): not when a command holds words a LaTeX build prints
    (``\\chapter{Demokratická teorie}``: two words or more in its braces) nor a LaTeX citation, which it cites."""
    raw = raw_tex_spans(text)
    if not raw or raw_latex_citations(text):
        return False
    rest, at = [], 0
    for start, end in raw:
        rest.append(text[at:start])
        at = end
    rest.append(text[at:])
    if any(ch.isalnum() for ch in mask_inline("".join(rest))):
        return False
    return not any(_braced_words(text[start:end]) >= 2 for start, end in raw)


def _braced_words(tex: str) -> int:
    """How many words (letters among what spaces part) the brace groups of a raw LaTeX command hold."""
    depth, inside = 0, []
    for ch in tex:
        if ch == "{":
            depth += 1
            inside.append(" ")
        elif ch == "}":
            depth = max(depth - 1, 0)
            inside.append(" ")
        elif depth:
            inside.append(ch)
    return sum(1 for word in "".join(inside).split() if any(c.isalpha() for c in word) and not word.startswith("\\"))


def math_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds pandoc's TeX math (``$x$``, ``$$...$$``, by its rules: no space inside the dollars, none
    followed by a digit; not in code, nor an escaped ``\\$``), delimiters included."""
    if "$" not in text:
        return []
    return [(start, end) for kind, start, end in _inline_spans(text) if kind == "math"]


_TEX_COMMAND = lazy(r"\\[A-Za-z]+")


def math_as_read(text: str) -> str:
    """``text`` with each inline math (``$...$``, ``math_spans``) as its words are read, the same length: its reading
    as text (``bibliography.latex.math_text``: ``$\\sigma_i$`` as "σi") after blanks, else its TeX with its commands
    blanked. Where sentences are found in a LaTeX manuscript and what the linkers read: no command's name is a word."""
    if "$" not in text:
        return text
    from ..bibliography.latex import math_text

    pieces: list[str] = []
    at = 0
    for start, end in math_spans(text):
        if text.startswith("$$", start):
            continue
        tex = text[start + 1:end - 1]
        read = math_text(tex)
        if read is None or len(read) > end - start:
            read = " " + _TEX_COMMAND.sub(lambda m: " " * len(m.group()), tex) + " "
        pieces += [text[at:start], read.rjust(end - start)]
        at = end
    return "".join(pieces) + text[at:]


_RAW_FORMAT = lazy(r"\{=[A-Za-z0-9_+-]+\}")
"""The attribute that makes a code span raw content of one output format (pandoc's ``raw_attribute``)."""


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each inline code span, raw ones (``{=latex}``) too, as pandoc pairs backticks (``_inline_spans``:
    an escaped backtick, or one in math or a comment, opens none)."""
    return [(start, end) for kind, start, end in _inline_spans(text)
            if kind == "code" or (kind == "tex" and text.startswith("`", start))]


def _inline_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of what ``mask_inline`` masks, in order: "tex" (raw LaTeX, or pandoc's raw inline of any
    format: a code span with ``{=latex}`` after it), "escape", "code", "comment", "tag", "math", "target" (a link's)."""
    pos = 0
    braces: _TexBraces | None = None
    parens: dict[int, int] | None = None  # both found once, when first needed: a scan per mark was quadratic
    group_end: Callable[[int], int] | None = None  # (math's \text{...} groups, likewise)
    ends: dict[str, int] = {}  # environment name -> where its \end was last found (-1: nowhere)
    while True:
        m = _INTERESTING.search(text, pos)
        if m is None:
            break
        token = m.group()
        start = m.start()
        end = m.end()
        if token[0] in "-@":
            pass  # a key: nothing in it opens math, a tag or code
        elif token.startswith("\\") and len(token) > 2 and token[1:].rstrip("*").isalpha():
            if braces is None:
                braces = _TexBraces(text)
            end = _raw_tex_end(text, start, end, braces, ends)
            yield "tex", start, end
        elif token.startswith("\\"):
            yield "escape", start, end
        elif token.startswith("`"):
            close = re.compile(rf"(?<!`){token}(?!`)").search(text, end)
            if close is not None:
                end = close.end()
                # pandoc's raw inline (a code span with {=latex} after it): kept for that format's output only
                raw = _RAW_FORMAT.match(text, end)
                if raw is not None:
                    end = raw.end()
                yield ("tex" if raw else "code"), start, end
                if raw is None and (attributes := _ATTRIBUTES.match(text, end)) is not None:
                    yield "attributes", end + 1, attributes.end() - 1
                    end = attributes.end()
        elif token == "<!--":
            close_at = text.find("-->", end)
            if close_at >= 0:  # unclosed, it is text (pandoc)
                end = close_at + 3
                yield "comment", start, end
        elif token.startswith("<"):
            yield "tag", start, end
        elif token == "$":
            if group_end is None:
                from .latex_cites import group_ends  # (which imports this module)

                group_end = group_ends(text)
            end = _math_end(text, start, group_end)
            if end > start:
                yield "math", start, end
            else:
                end = start + 1
        elif token == "]{":  # a span's attributes, or a bracket's text
            if (attributes := _ATTRIBUTES.match(text, start + 1)) is not None:
                end = attributes.end()
                yield "attributes", start + 2, end - 1  # (the braces kept: they make the bracket a span's text)
            else:
                end = start + 1
        else:  # "](": the target of a link or an image
            if parens is None:
                parens = brace_partners(text, "[()]")
            end = max(parens.get(end - 1, -1), end)  # (-1: never closed)
            yield "target", start + 1, end
            if (attributes := _ATTRIBUTES.match(text, end)) is not None:
                yield "attributes", end + 1, attributes.end() - 1
                end = attributes.end()
        pos = max(end, start + 1)


def _math_end(text: str, start: int, group_end: Callable[[int], int]) -> int:
    """End of the $...$ or $$...$$ math that starts at ``start`` (pandoc's rules), or ``start``; ``group_end``, where
    the group a ``{`` of ``text`` opens ends (``latex_cites.group_ends``, -1: never closed)."""
    if text.startswith("$$", start):
        close = _CLOSE_DISPLAY.search(text, start + 2)
        return close.end() if close else start
    if start + 1 >= len(text) or text[start + 1].isspace():
        return start
    # The first "$" closes it, and must follow no space and precede no digit: "costs $5 and $10; so $$x$$" holds no
    # inline math, as pandoc's ``mathInlineWith`` fails there rather than look further. A backslash escapes the
    # next character, and ``\\text{...}`` may hold a "$" of its own.
    pos = start + 1
    while (stop := _MATH_STOP.search(text, pos)) is not None:
        if stop.group() == "$":
            at = stop.start()
            if text[at - 1].isspace() or text[at + 1:at + 2].isdigit():
                return start
            return at + 1
        # (an escaped brace, ``\{``, is a character of the math: it opens no group)
        if stop.group() != "\\text{":
            pos = stop.end()
        elif (pos := group_end(stop.end() - 1)) < 0:  # never closed: no "$" after it closes the math
            return start
    return start


def _raw_tex_end(text: str, start: int, end: int, braces: _TexBraces, ends: dict[str, int]) -> int:
    """End of the raw LaTeX command (or environment) whose name ends at ``end``, as pandoc reads it."""
    begin = _TEX_BEGIN.match(text, start)
    if begin is not None:
        name = begin.group(1)
        close = ends.get(name, 0)
        if 0 <= close < begin.end():  # not looked for yet, or found before this \begin: look (again)
            close = ends[name] = text.find(f"\\end{{{name}}}", begin.end())
        if close >= 0:  # (an \end never found is never looked for again: one scan per name)
            return close + len(name) + 6
    lead = _TEX_GROUPS.match(text, end)
    pos = lead.end() if lead else end
    while pos < len(text):
        if text[pos] == "{":
            close = braces.close(pos)
        elif text[pos] == "[":
            close = text.find("]", pos, pos + _MAX_OPTION)
            close = close + 1 if close >= 0 else -1
        else:
            break
        if close < 0:
            break
        end = pos = close
    return end


_MAX_OPTION = 300
"""How far an optional [...] argument of raw LaTeX is looked for (bounded: the scan is repeated per command)."""


# As in TeX, a "%" comments out the rest of its line, braces and all: "\mbox{@a%b}" never closes (pandoc reads it as
# text), "\mbox{a % }" closes at a "}" on a later line. Outside raw LaTeX a "%" is text ("50% of \mbox{a}").
_COMMENT = lazy(r"(?<!\\)%")


class _Depths:
    """The brace depth along a text, its marks read by one pattern (a brace, or what is read past: an escape, a
    comment), with the first ``}`` after a point that brings it down to a level found by bisect."""

    def __init__(self, text: str, marks: str) -> None:
        self.at: list[int] = []  # each brace's offset
        self.after: list[int] = []  # the depth after it
        self.reach: dict[int, list[int]] = {}  # depth -> offsets past the "}"s that bring the depth to it
        depth = 0
        for m in re.finditer(marks, text):
            mark = m.group()
            if mark not in "{}":
                continue
            depth += 1 if mark == "{" else -1
            if mark == "}":
                self.reach.setdefault(depth, []).append(m.end())
            self.at.append(m.start())
            self.after.append(depth)

    def before(self, pos: int) -> int:
        n = bisect_left(self.at, pos)
        return self.after[n - 1] if n else 0

    def down_to(self, pos: int, level: int) -> int:
        """Offset past the first ``}`` at or after ``pos`` that brings the depth to ``level`` (-1: none)."""
        ends = self.reach.get(level, [])
        n = bisect_right(ends, pos)
        return ends[n] if n < len(ends) else -1


class _TexBraces:
    """Where each ``{`` that opens a raw LaTeX group closes, as pandoc reads it: braces paired in one pass, and
    for a group with a "%" in it, read as TeX reads it from that ``{`` on. The text before the ``{`` on its line
    is Markdown (a "%" there is text); the lines after it are read alike from every ``{``, so one pass over the
    whole text answers them all (a scan per command was quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.plain = brace_partners(text, r"(?<!\\)[{}]")
        self.comments = [m.start() for m in _COMMENT.finditer(text)]
        self.uncommented: _Depths | None = None
        self.commented: _Depths | None = None

    def close(self, pos: int) -> int:
        """Offset past the ``}`` that closes the group opened at ``pos`` (-1 when none does)."""
        close = self.plain.get(pos, -1)
        n = bisect_left(self.comments, pos)
        if n == len(self.comments) or 0 < close <= self.comments[n]:
            return close  # no "%" in the group (nor after an unclosed one)
        if self.uncommented is None or self.commented is None:
            self.uncommented = _Depths(self.text, r"\\[\s\S]|[{}]")
            self.commented = _Depths(self.text, r"\\[\s\S]|%[^\n]*|[{}]")
        line_end = self.text.find("\n", pos)
        line_end = len(self.text) if line_end < 0 else line_end
        cut = min(self.comments[n], line_end)  # the rest of the line, up to a comment
        level = self.uncommented.before(pos)
        close = self.uncommented.down_to(pos, level)
        if 0 < close <= cut:
            return close
        still_open = self.uncommented.before(cut) - level
        if line_end == len(self.text):
            return -1
        return self.commented.down_to(line_end, self.commented.before(line_end + 1) - still_open)


def _key(m: re.Match[str]) -> str:
    return m.group("bkey") if m.group("bkey") is not None else m.group("key")


def written_key(item: str) -> str:
    """The key as a citation item writes it, without its prefix, locator or suffix ("@Roe2016" in
    "1.1.383, @Roe2016, p. 3"; "-@Roe2016" is "@Roe2016"); the item itself when it holds no key."""
    match = _ITEM.search(item)
    return match.group(0).lstrip("-") if match else item


def find_citations(masked: str, text: str | None = None) -> tuple[Citation, ...]:
    """The citation items of one sentence, in order; ``masked`` is the sentence after ``mask_inline``.

    ``text`` (the same sentence unmasked, of the same length) supplies what is quoted back.
    """
    if "@" not in masked:
        return ()
    shown = text if text is not None and len(text) == len(masked) else masked
    out: list[tuple[int, Citation]] = []
    rest = list(masked)
    locators: dict[int, str] = {}  # a bracket's start -> the suffix it gives the in-text citation before it
    cited: list[tuple[int, int]] = []  # the brackets read, in text order (the ones inside a bracket come before it)
    for bracket, items, located in _citation_brackets(masked, shown):
        if located:
            locators[bracket.start()] = shown[bracket.start("body"):bracket.start("body") + items[0][0] - 1].strip()
        base = bracket.start("body")
        rest[bracket.start():bracket.end()] = " " * (bracket.end() - bracket.start())
        within = _outermost_within(cited, bracket.start(), bracket.end())
        insort(cited, bracket.span())
        within_starts = [a for a, _ in within]
        for at, item, key_match, suffix in items:
            key = _key(key_match)
            cut = _cited_from(item, key_match)  # (the prefix ends before "-@" or, after a dash, before "@")
            prefix = item[:cut].strip()
            written = shown[base + at:base + at + len(item)].strip()
            mode: CitationMode = "suppress-author" if cut < key_match.end("suppress") else "normal"
            tail_at = base + at + key_match.end()
            out.append((base + at + key_match.start(), Citation(
                key=key, start=bracket.start(), end=bracket.end(), written=written, mode=mode,
                prefix=shown[base + at:base + at + cut].strip() if prefix else "",
                suffix=_LOCATOR_LEAD.sub("", shown[tail_at:tail_at + len(suffix)]).strip())))
            # Pandoc reads a key in the suffix ("[@a and @b]") as an in-text citation of its own, and one in a
            # link's text in the prefix ("[see [@b](url) @a]"), unless a citation inside this one cites it.
            for more in _INTEXT.finditer(masked, base + at, tail_at + len(suffix)):
                if more.start() == base + at + key_match.start() or (
                        (n := bisect_right(within_starts, more.start()) - 1) >= 0 and more.start() < within[n][1]):
                    continue
                out.append((more.start(), Citation(key=_key(more), start=more.start(), end=more.end(),
                                                   written=shown[more.start():more.end()],
                                                   mode="author-in-text")))
    masked_rest = "".join(rest)
    for m in _INTEXT.finditer(masked_rest):
        loc, end = m.group("loc"), m.end()
        if loc is not None and (loc.lstrip().startswith("^") or _link_text(masked, shown, end)
                                or masked[end:end + 1] == "["):
            # a note's reference ("@a [^1]"), a link's or a span's text ("@a [p. 3](url)", "@a [p. 3][^1]" too): no
            # locator, as pandoc reads it
            opening = m.start("loc") - 1  # (the key ends before it, or before the one space or tab before it)
            loc, end = None, opening - (masked_rest[opening - 1] in " \t")
        start = _cited_from(masked_rest, m)
        mode = "suppress-author" if start < m.end("suppress") else "author-in-text"
        suffix = shown[m.start("loc"):m.end("loc")].strip() if loc else locators.get(end, locators.get(end + 1, ""))
        out.append((m.start(), Citation(key=_key(m), start=start, end=end,
                                        written=shown[start:end], mode=mode, suffix=suffix)))
    out.sort(key=lambda pair: pair[0])
    return tuple(c for _, c in out)


def _cited_from(text: str, m: re.Match[str]) -> int:
    """Where the citation of the key ``m`` matched in ``text`` starts: at its "-" when it is written "-@key"
    (suppress-author), else at its "@". pandoc, with its smart punctuation, first reads a run of hyphens before the
    "@" as dashes, "---" an em dash and "--" an en dash: only a hyphen left over (a run of 1, 4, 7 ...) marks the
    citation ("1990--@b" is an en dash and "@b", "a---@b" an em dash and "@b")."""
    at = m.start("suppress")
    if at == m.end("suppress"):
        return at
    run = at
    while run > 0 and text[run - 1] == "-":
        run -= 1
    return at if (at - run) % 3 == 0 else m.end("suppress")


_Item = tuple[int, str, re.Match[str], str]


def _outermost_within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``spans`` (sorted; any two nested or apart, as brackets are) inside ``start``..``end`` and in no
    other of them, in order: found by bisection, not by a scan of every span for each (quadratic on a sentence of
    thousands of "[@a, see [@b]]")."""
    out: list[tuple[int, int]] = []
    for at in range(bisect_right(spans, (start, sys.maxsize)), len(spans)):
        a, b = spans[at]
        if a >= end:
            break
        if b <= end and (not out or a >= out[-1][1]):
            out.append((a, b))
    return out


def _citation_brackets(masked: str, shown: str) -> Iterator[tuple[re.Match[str], list[_Item], bool]]:
    """Each bracket of ``masked`` (``mask_inline``'s) that pandoc reads as a citation, with its items (``_bracket_items``)
    and whether its first part is the locator of the in-text citation before it (``_after_in_text``).

    A citation's prefix or suffix may hold citations of its own (``[@a, see [@b]]``, ``[see [@b](url) @a]``): the
    innermost brackets are read first, then blanked (``MASK``) in the text the brackets around them are read from, once
    per level; the brackets inside a citation are yielded before it."""
    work = masked
    inner: list[tuple[int, int]] = []  # the brackets read so far that hold a key: citations, links, spans, notes
    for _ in range(_MAX_NESTING):
        read = []
        for bracket in _BRACKET.finditer(work):
            if inner and not _holds_any(inner, bracket.start(), bracket.end()):
                continue  # read in an earlier round, with nothing new inside
            read.append(bracket.span())
            if _link_text(masked, shown, bracket.end()) or masked[bracket.start() - 1:bracket.start()] == "^":
                continue  # its keys are in-text citations in the text of a link, a span or an inline note (^[...])
            items = _bracket_items(bracket.group("body"))
            if items is not None:
                yield bracket, items, False
            elif (items := _after_in_text(work, bracket)) is not None:
                yield bracket, items, True
        if not read:
            return
        chars = list(work)
        for start, end in read:
            _blank(chars, start, end)
        inner = sorted(inner + read)
        work = "".join(chars)


def _holds_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``spans`` (sorted) lies strictly inside ``start``..``end``, found by bisection."""
    for at in range(bisect_right(spans, (start, sys.maxsize)), len(spans)):
        a, b = spans[at]
        if a >= end:
            return False
        if b < end:
            return True
    return False


_MAX_NESTING = 8
"""How deep citations inside citations' suffixes are read (``[@a, see [@b, cf. [@c]]]`` is three deep): a bound, so that
a text of a thousand nested brackets is not read a thousand times over."""


def citation_brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each bracket of ``text`` that pandoc reads as a citation (``[see @a, p. 3]``), outside code,
    math and links' targets: no sentence ends inside one, however many full stops its prefix or suffix has."""
    if "@" not in text or "[" not in text:
        return []
    masked = mask_inline(text)
    found = [(bracket.start(), bracket.end()) for bracket, _, _ in _citation_brackets(masked, text)]
    # an in-text citation's locator ("@a [p. 3. Then]"), which the bracket search leaves (it holds no key)
    found += [(m.start(), m.end()) for m in _INTEXT.finditer(masked) if m.group("loc")]
    return sorted(found)


def _link_text(masked: str, shown: str, end: int) -> bool:
    """Whether the bracket ending at ``end`` is a link's or a span's text, not a citation: pandoc reads
    ``[see @a](url)``, ``[see @a]{.mark}`` and ``[see @a][ref]`` so (a ``(`` only when the link closes:
    ``mask_inline`` masked its target); not ``[see @a][^1]``, a citation and a note."""
    after = masked[end:end + 2]
    return (after[:1] == "{" or (after[:1] == "[" and shown[end + 1:end + 2] != "^")
            or (shown[end:end + 1] == "(" and after == MASK * 2))


def _bracket_items(body: str) -> list[_Item] | None:
    """(offset, item, key match, suffix) per ``;``-separated item, or None when one has no key."""
    items = []
    pos = 0
    for part in _parts(body):
        m = _ITEM.search(part)
        if m is None:
            return None
        items.append((pos, part, m, part[m.end():]))
        pos += len(part) + 1
    return items


def _parts(body: str) -> list[str]:
    """A citation bracket's body cut at each ``;`` outside the brackets it holds (``[see [x; y] @a; @b]`` has two
    items, as pandoc reads it)."""
    if "[" not in body:
        return body.split(";")
    parts, depth, at = [], 0, 0
    for n, ch in enumerate(body):
        depth += (ch == "[") - (ch == "]")
        if ch == ";" and depth == 0:
            parts.append(body[at:n])
            at = n + 1
    return [*parts, body[at:]]


_BEFORE_BRACKET = lazy(_AT + r"-?@" + KEY + r"[ \t]?$")


def _after_in_text(masked: str, bracket: re.Match[str]) -> list[_Item] | None:
    """``@a [p. 2; see @b]``: pandoc reads the first item as the in-text citation's locator and the rest
    as citations of the same group (normal ones). Their items, or None when the bracket is not so."""
    if _BEFORE_BRACKET.search(masked, max(0, bracket.start() - 200), bracket.start()) is None:
        return None
    first, *more = _parts(bracket.group("body"))
    if not more or _ITEM.search(first):
        return None
    others = ";".join(more)
    items = _bracket_items(others)
    return None if items is None else [(len(first) + 1 + at, item, m, tail) for at, item, m, tail in items]


def in_suffix(citations: Sequence[Citation]) -> list[tuple[list[Citation], Citation]]:
    """(the bracket's own items, the citation in a suffix) for each citation ``find_citations`` read inside a
    bracket's suffix or prefix ("[@a, @b]", "[@c; @a and @b]"; a bracket's first item for one of its own, "[@a, see
    [@b]]", "[see [@b] @a]"): pandoc's citeproc prints only the inner one there."""
    brackets: dict[tuple[int, int], list[Citation]] = {}
    for c in citations:
        if c.mode != "author-in-text":
            brackets.setdefault((c.start, c.end), []).append(c)
    # One sweep in text order with the brackets still open on a stack (a bracket may hold another: "[@a, see [@b] and
    # @c]"): the innermost open one holds the citation (a scan of every bracket for each was quadratic).
    events = sorted([(start, 0, (start, end)) for start, end in brackets]
                    + [(c.start, 1, (n, 0)) for n, c in enumerate(citations) if c.mode == "author-in-text"])
    open_: list[tuple[int, int]] = []
    out = []
    for at, kind, span in events:
        while open_ and open_[-1][1] <= at:
            open_.pop()
        if kind == 0:
            if open_:
                out.append((brackets[open_[-1]], brackets[span][0]))
            open_.append(span)
        elif open_:
            out.append((brackets[open_[-1]], citations[span[0]]))
    return out


_ANY_KEY = lazy(_AT + r"-?@" + KEY)
_NON_WORD = lazy(r"\W")


def blank_keys(text: str) -> str:
    """``text`` with the punctuation inside every citation key made a letter (the same length), so that
    no key (``@doi:10.1038/x.y``, ``@{2015ApJ...812..128C}``, ``@a?b``) ends a sentence."""
    def blank(m: re.Match[str]) -> str:
        group = "bkey" if m.group("bkey") is not None else "key"
        a, b = m.start(group) - m.start(), m.end(group) - m.start()
        whole = m.group()
        key = whole[a:b]
        if _NON_WORD.search(key) is None:
            return whole  # letters, digits and "_" only (most keys): nothing to blank
        return whole[:a] + _NON_WORD.sub("x", key) + whole[b:]

    return _ANY_KEY.sub(blank, text) if "@" in text else text


def keys_in(text: str) -> list[str]:
    """The keys named in a YAML ``nocite`` value ("@a, @b", "@*")."""
    if "@*" in text:
        return ["*"]
    return [_key(m) for m in _INTEXT.finditer(text)]


def cited_for(paragraphs: Sequence[Paragraph]) -> Iterator[tuple[Paragraph, Paragraph]]:
    """Each paragraph of citations alone (``citations_alone``) with the paragraph before it, whose authorities they
    are, as a brief sets them; a paragraph with no sentences before one has none."""
    for before, paragraph in pairwise(paragraphs):
        if before.claims and citations_alone(paragraph.claims):
            yield paragraph, before


def citations_alone(claims: Sequence[Claim]) -> bool:
    """Whether the sentences (a paragraph's) are nothing but citations ("[@a, para. 40] [@b, p. 101]"), as a brief
    sets the authorities of the paragraph before them."""
    for claim in claims:
        if not claim.citations:
            return False
        rest, at = [], 0
        for cite in sorted(claim.citations, key=lambda c: c.start):
            rest.append(claim.text[at:cite.start])
            at = max(at, cite.end)
        rest.append(claim.text[at:])
        if any(ch.isalnum() for ch in "".join(rest)):
            return False
    return bool(claims)
