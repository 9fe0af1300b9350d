"""The essay under review: Markdown with optional YAML front matter, split into claims.

Paragraphs are blank-line separated blocks (headings, code, tables and math are skipped);
sentences come from pysbd, corrected where it splits after initials or before a citation.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from .errors import EssayError
from .fileio import read_text
from .model import Claim, Essay, Paragraph, TextQuoteSelector

CONTEXT = 32
"""Characters of prefix and suffix kept in a claim's selector."""

_WS = re.compile(r"\s+")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,}\s*$")
_TABLE = re.compile(r"^ {0,3}(\||\+[-=+]+\+)")
_LINK_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s")
_IMAGE = re.compile(r"^ {0,3}!\[.*\]\(.*\)(\{[^}]*\})?\s*$", re.S)
_HTML = re.compile(r"^ {0,3}</?[A-Za-z!][^>]*>\s*$")
_DIV = re.compile(r"^ {0,3}:{3,}")
_LIST_ITEM = re.compile(r"^ {0,3}([-*+]|\d{1,9}[.)])\s+")
_INCLUDE = re.compile(r"^!INCLUDE\b")
# Abbreviations after which pysbd may wrongly end a sentence when the next part
# is a continuation (lower case, digit, bracket) or a name ("Cf. Wendt").
_NON_TERMINAL = re.compile(r"\b(?:cf|Cf|vs|Dr|Mr|Mrs|Ms|Prof|St|e\.g|i\.e)\.\s*$")
_CONTINUATION = re.compile(r"^(?:[a-z0-9,;:)\]]|\[-?@|\(\d)")
# A bare @key after a break continues the sentence only after "et al." or when it stands alone
# ("... as shown. @smith2001."); "@smith2001 shows it." begins a sentence of its own.
_BARE_KEY = re.compile(r"^@[\w:.#$%&\-+?<>~/]+")
_LONE_KEY = re.compile(r"^@[\w:.#$%&\-+?<>~/]*\w(?:\s*\[[^\]]*\])?\s*[.,;]?$")
_ET_AL = re.compile(r"\bet al\.\s*$")
# Initialisms that pysbd keeps glued to a following capitalised sentence start.
_GLUED = re.compile(
    r"\b(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|et al\.|etc\.)\s+"
    r"(?=(?:The|This|That|These|Those|It|Its|In|We|They|He|She|A|An|However|But|Yet|Thus|"
    r"Moreover|Furthermore|Therefore|Such|Our|Their|There|Here)\s)"
)


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def load_essay(path: str | os.PathLike[str]) -> Essay:
    """Read and segment the essay at ``path``; EssayError on unreadable input."""
    text = read_text(path, what="essay", error=EssayError,
                     hint="check the path, or set it with --essay or [tool.litreview] essay")
    return parse_essay(text, str(path))


def parse_essay(text: str, path: str = "<string>") -> Essay:
    """Split Markdown text into front matter, paragraphs and sentence claims."""
    if not text.strip():
        raise EssayError("essay is empty", path=path, line=1,
                         hint="write the essay as Markdown paragraphs separated by blank lines")
    meta, body, body_line = _front_matter(text, path)
    paragraphs: list[Paragraph] = []
    for start, end in _blocks(body):
        number = len(paragraphs) + 1
        spans = [s for item in _items(body, start, end) for s in _sentences(body, *item)]
        if not spans:
            continue
        claims = tuple(
            _claim(body, body_line, number, i, s, e) for i, (s, e) in enumerate(spans, start=1)
        )
        paragraphs.append(Paragraph(number=number, text=body[start:end].strip(),
                                    line=body_line + body.count("\n", 0, start), claims=claims))
    if not paragraphs:
        raise EssayError("essay has no paragraphs", path=path, line=body_line,
                         hint="separate paragraphs of prose with blank lines; headings and code are skipped")
    return Essay(path=path, body=body, meta=meta, paragraphs=tuple(paragraphs), body_line=body_line)


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """Split off a leading ``---`` YAML block; returns (meta, body, body's first line)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return {}, text, 1
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            yaml_text = "".join(lines[1:i])
            body = "".join(lines[i + 1:])
            return _parse_meta(yaml_text, path), body, i + 2
    raise EssayError("front matter is not closed", path=path, line=1,
                     hint="end the YAML block with a line of three dashes (---)")


def _parse_meta(yaml_text: str, path: str) -> dict[str, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from .safeload import LoadLimitError, check_yaml

    try:
        check_yaml(yaml_text)  # size, depth and aliases, before anything is built
        data = YAML(typ="safe", pure=True).load(yaml_text)
    except LoadLimitError as exc:
        raise EssayError(f"front matter: {exc.message}", path=path, line=(exc.line or 0) + 1,
                         hint=exc.hint) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        raise EssayError(f"front matter is not valid YAML: {exc.problem}", path=path, line=line,
                         hint="fix the YAML between the --- lines") from None
    except YAMLError as exc:
        raise EssayError(f"front matter is not valid YAML: {exc}", path=path, line=1) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EssayError("front matter must be a mapping of fields", path=path, line=2,
                         hint="write it as `key: value` lines")
    return data


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(body: str) -> list[_Line]:
    out, pos = [], 0
    for raw in body.splitlines(keepends=True):
        out.append(_Line(pos, pos + len(raw), raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def _blocks(body: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of prose blocks: blank-line separated, non-prose skipped."""
    fence: str | None = None
    in_comment = in_math = False
    block: list[_Line] = []

    def flush() -> Iterator[tuple[int, int]]:
        if block and _is_prose(block):
            yield block[0].start, block[-1].start + len(block[-1].text)
        block.clear()

    for line in _lines(body):
        stripped = line.text.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if in_math:
            in_math = not stripped.startswith("$$") and not stripped.endswith("$$")
            continue
        m = _FENCE.match(line.text)
        if m:
            yield from flush()
            fence = m.group(1)[:3]
            continue
        if stripped.startswith("<!--"):
            yield from flush()
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("$$"):
            yield from flush()
            in_math = not (len(stripped) > 2 and "$$" in stripped[2:])
            continue
        if not stripped or _DIV.match(line.text):
            yield from flush()
            continue
        if _ATX.match(line.text) or (_RULE.match(line.text) and not block):
            yield from flush()
            continue
        if _SETEXT.match(line.text) and block:
            block.clear()  # the block was a setext heading
            continue
        block.append(line)
    yield from flush()


def _is_prose(block: list[_Line]) -> bool:
    first = block[0].text
    text = "\n".join(x.text for x in block)
    if all(x.text.startswith(("    ", "\t")) for x in block):
        return False  # indented code
    if _TABLE.match(first) or _LINK_DEF.match(first) or _HTML.match(first) or _INCLUDE.match(first):
        return False
    if _IMAGE.match(text):
        return False
    return any(ch.isalpha() for ch in text)


def _items(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A block's list items as separate spans (a plain paragraph is one span)."""
    cuts = [start]
    pos = start
    for raw in body[start:end].splitlines(keepends=True):
        if pos != start and _LIST_ITEM.match(raw):
            cuts.append(pos)
        pos += len(raw)
    cuts.append(end)
    yield from pairwise(cuts)


def _sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) within body[start:end]."""
    chunk = body[start:end]
    flat = chunk.replace("\r", " ").replace("\n", " ")  # same length: offsets hold
    spans: list[list[int]] = []
    cursor = 0
    for sent in (s for part in _pieces(flat) for s in _segmenter().segment(part)):
        piece = sent.strip()
        if not piece:
            continue
        at = flat.find(piece, cursor)
        if at < 0:  # pysbd altered the text: keep the rest as one sentence
            spans.append([cursor, len(flat)])
            break
        spans.append([at, at + len(piece)])
        cursor = at + len(piece)
    spans = _split_glued(flat, _merge_false_breaks(flat, spans))
    out = []
    for a, b in spans:
        while a < b and flat[a].isspace():
            a += 1
        while b > a and flat[b - 1].isspace():
            b -= 1
        if a < b and any(ch.isalnum() for ch in flat[a:b]):
            out.append((start + a, start + b))
    return out


#: pysbd's time grows faster than the text: a paragraph is fed to it in pieces of at most this many
#: characters, cut after a sentence end (or a space) when there is one.
MAX_PIECE = 5_000


def _pieces(flat: str) -> Iterator[str]:
    lo = 0
    while len(flat) - lo > MAX_PIECE:
        cut = flat.rfind(". ", lo, lo + MAX_PIECE) + 1
        cut = cut if cut > lo else flat.rfind(" ", lo, lo + MAX_PIECE)
        cut = cut if cut > lo else lo + MAX_PIECE
        yield flat[lo:cut]
        lo = cut
    yield flat[lo:]


def _merge_false_breaks(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Join a break pysbd made after an abbreviation or before a citation."""
    merged: list[list[int]] = []
    for span in spans:
        if merged:
            prev = text[merged[-1][0]:merged[-1][1]]
            nxt = text[span[0]:span[1]]
            if _CONTINUATION.match(nxt) or (
                _NON_TERMINAL.search(prev) and not _starts_sentence(nxt)
            ) or (_BARE_KEY.match(nxt) and (_ET_AL.search(prev) or _LONE_KEY.match(nxt))):
                merged[-1][1] = span[1]
                continue
        merged.append(list(span))
    return merged


def _starts_sentence(text: str) -> bool:
    first = text.split(" ", 1)[0]
    return first in {"The", "This", "That", "These", "Those", "It", "In", "We", "They", "He",
                     "She", "A", "An", "However", "But", "Yet", "Thus", "Such", "Our", "There"}


def _split_glued(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Split after "U.S." or "et al." when a plain sentence start follows."""
    out: list[list[int]] = []
    for a, b in spans:
        cut = a
        for m in _GLUED.finditer(text, a, b):
            out.append([cut, m.end()])
            cut = m.end()
        out.append([cut, b])
    return out


def _claim(body: str, body_line: int, paragraph: int, sentence: int, start: int, end: int) -> Claim:
    text = _WS.sub(" ", body[start:end]).strip()
    prefix = _WS.sub(" ", body[max(0, start - CONTEXT * 2):start])[-CONTEXT:]
    suffix = _WS.sub(" ", body[end:end + CONTEXT * 2])[:CONTEXT]
    return Claim(
        id=f"p{paragraph}-s{sentence}", paragraph=paragraph, sentence=sentence, text=text,
        selector=TextQuoteSelector(exact=text, prefix=prefix, suffix=suffix),
        line=body_line + body.count("\n", 0, start), start=start, end=end,
    )


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace, as claim texts and selectors do."""
    return _WS.sub(" ", text).strip()
