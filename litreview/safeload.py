"""Bounded YAML and JSON loading for every file a user or a server hands us.

Size, nesting depth and YAML aliases are checked on the token stream before any value
is built, in linear time, so an alias bomb or a 100,000-deep document is refused in
milliseconds instead of exhausting memory or the recursion limit. ``load_yaml`` checks
while it parses (one parse); ``check_yaml`` checks a text for a loader of its own.
"""

from __future__ import annotations

import contextlib
import json
import re
from functools import cache, lru_cache
from typing import Any

from .lazyre import lazy

#: Largest YAML or JSON text read from a user's file (claims.yaml, front matter, CSL-JSON).
MAX_BYTES = 20_000_000
#: Deepest nesting of mappings and lists accepted; real files stay under 10.
MAX_DEPTH = 64


class LoadLimitError(ValueError):
    """A document breaks a limit (size, depth, aliases); ``line`` is 1-based when known. ``bound``: a limit of
    litreview's on untrusted text, which the format itself allows (an alias, a deep nesting); not a character the
    format forbids."""

    def __init__(self, message: str, line: int | None = None, hint: str = "", *, bound: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint
        self.bound = bound


def check_yaml(text: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> None:
    """Raise LoadLimitError when ``text`` is too large, too deep, or uses an alias (``*name``), before
    a pyyaml loader of the caller's reads it (``pyyaml_loader``).

    Aliases are refused outright: a reviewed file has no use for them, and expanding
    them is how a 1 KB file becomes gigabytes. Syntax errors are left to the real load.
    The events come from pyyaml's own parser, in C where libyaml is present (a CSL-YAML file of
    3,000 items: about 0.2 s instead of 4 s), so the check reads the text as the load will.
    """
    if len(text) > max_bytes:
        raise LoadLimitError(f"the YAML is {len(text):,} characters, more than the {max_bytes:,} allowed",
                             hint="split the file, or check it is the file you meant")
    if "*" not in text and text.count("[") + text.count("{") + text.count("\n") + text.count("?") < max_depth:
        return  # no alias and too few lines/brackets/explicit keys to nest too deep
    if (deep := _too_deep(text, max_depth)) is not None:
        raise deep  # before parsing: the YAML scanner's work grows with the square of the flow depth
    from yaml import AliasEvent, CollectionEndEvent, CollectionStartEvent, YAMLError, parse

    kinds = (AliasEvent, CollectionStartEvent, CollectionEndEvent)
    depth = 0
    try:
        for event in parse(text, Loader=pyyaml_loader()):
            depth = _counted(event, depth, max_depth, kinds)
    except YAMLError:
        return  # the real load reports the syntax error with its line
    except RecursionError:  # nesting the counts above cannot see: "? ? ? ..." (explicit keys) on one line
        raise _nests_deeper(max_depth) from None


def load_yaml(text: str, yaml: Any, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """``yaml.load(text)`` (a pure-Python ruamel ``YAML``) with ``check_yaml``'s limits, in one parse.

    The limits are checked on the parser's events as the composer takes them, so an alias
    or a collection past ``max_depth`` raises LoadLimitError before any value is built,
    as ``check_yaml`` would, without parsing the text a second time. Syntax errors are
    ruamel's, raised where the parse meets them.
    """
    if len(text) > max_bytes:
        raise LoadLimitError(f"the YAML is {len(text):,} characters, more than the {max_bytes:,} allowed",
                             hint="split the file, or check it is the file you meant")
    if ("[" in text or "{" in text) and (deep := _too_deep(text, max_depth)) is not None:
        raise deep  # before parsing: the YAML scanner's work grows with the square of the flow depth
    from ruamel.yaml.reader import Reader, ReaderError

    yaml.Parser = _bounded_parser(getattr(yaml.Parser, "unbounded", yaml.Parser), max_depth)
    yaml.Composer = _plain_key_composer(getattr(yaml.Composer, "unbounded", yaml.Composer))
    if yaml.Reader in (None, Reader):
        yaml.Reader = _reader()
    try:
        return yaml.load(text)
    except RecursionError:  # nesting the events cannot see: "? ? ? ..." (explicit keys) on one line
        raise _nests_deeper(max_depth) from None
    except ReaderError as exc:  # a character YAML does not allow (NUL, ESC, ...): ruamel gives only its offset
        at = exc.position if isinstance(exc.position, int) else 0
        column = at - text.rfind("\n", 0, at)
        code = ord(text[at]) if at < len(text) else 0
        raise LoadLimitError(f"a character YAML does not allow (U+{code:04X}) at column {column}", line=text.count("\n", 0, at) + 1,
                             hint="delete it (in a double-quoted string, write it as an escape, e.g. \\x00)",
                             bound=False) from None


@cache
def _bounded_parser(base: type, max_depth: int) -> type:
    """``base`` (a ruamel parser class) refusing aliases and nesting deeper than ``max_depth`` in ``get_event``."""
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, StreamStartEvent

    kinds = (AliasEvent, CollectionStartEvent, CollectionEndEvent)

    class BoundedParser(base):
        unbounded = base
        _depth = 0

        def get_event(self) -> Any:
            event = super().get_event()
            self._depth = 0 if isinstance(event, StreamStartEvent) else _counted(event, self._depth, max_depth, kinds)
            return event

    return BoundedParser


def _counted(event: Any, depth: int, max_depth: int, kinds: tuple[type[Any], type[Any], type[Any]]) -> int:
    """The nesting depth after a parser's ``event`` (pyyaml's or ruamel's; ``kinds``: that parser's alias,
    collection start and collection end event classes), refusing an alias or a collection past ``max_depth``."""
    alias, start, end = kinds
    if isinstance(event, start):
        depth += 1
        if depth > max_depth:
            raise _nests_deeper(max_depth, _line(event))
    elif isinstance(event, end):
        depth -= 1
    elif isinstance(event, alias):
        raise LoadLimitError(f"YAML aliases (*{event.anchor}) are not allowed here",
                             line=_line(event), hint="write the value out instead of *alias")
    return depth


def _nests_deeper(limit: int, line: int | None = None) -> LoadLimitError:
    return LoadLimitError(f"the YAML nests deeper than {limit} levels", line=line, hint="flatten the structure")


@cache
def _plain_key_composer(base: type) -> type:
    """``base`` (a ruamel composer class) refusing a mapping or list used as a mapping key (``? [a]: b``,
    ``? ? ?``): no file litreview reads has one, and building nested keys takes time exponential in their depth."""
    from ruamel.yaml.nodes import CollectionNode

    class PlainKeyComposer(base):
        unbounded = base

        def compose_mapping_node(self, anchor: Any) -> Any:
            node = super().compose_mapping_node(anchor)
            for key, _ in node.value:
                if isinstance(key, CollectionNode):
                    raise LoadLimitError("a YAML mapping or list is used as a key, which is not allowed here",
                                         line=key.start_mark.line + 1, hint="write the key as plain text")
            return node

    return PlainKeyComposer


#: The characters ruamel's reader refuses, written as the short list they are rather than as
#: ruamel's negated class of everything allowed, which takes re 15-30 ms to compile.
NON_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


@cache
def _reader() -> type:
    """ruamel's Reader with ``NON_PRINTABLE`` (the same characters, cheaper to compile)."""
    from ruamel.yaml.reader import Reader

    return type("Reader", (Reader,), {"NON_PRINTABLE": NON_PRINTABLE})


_YAML_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|#[^\n]*')


def _too_deep(text: str, limit: int) -> LoadLimitError | None:
    """The refusal of a flow collection nested past ``limit`` (double-quoted strings and comments skipped), at the
    line where it passes it; None when none does (linear)."""
    deepest, at = _nesting(_YAML_TOKEN, text, limit)
    return _nests_deeper(limit, text.count("\n", 0, at) + 1) if deepest > limit else None


def _nesting(tokens: re.Pattern[str], text: str, limit: int) -> tuple[int, int]:
    """The deepest bracket nesting among ``tokens`` (strings and comments match as whole tokens), stopping past
    ``limit``, and where it stopped (the offset of the bracket that passed ``limit``; -1 when none did)."""
    depth = deepest = 0
    for m in tokens.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest, m.start()
        elif c in "]}":
            depth = max(depth - 1, 0)
    return deepest, -1


def pyyaml_loader() -> Any:
    """pyyaml's safe loader, its C parser (libyaml) when the installed pyyaml has it."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def pyyaml_text_dates_loader() -> Any:
    """``pyyaml_loader`` with a value YAML would read as a timestamp that no calendar has (``issued: 2021-14-40``)
    read as its text, as pandoc reads it, rather than an error that leaves the whole file unread: what the date
    means is the date checks' to say, at its line. Its numbers are read as YAML 1.2 reads them, as pandoc does
    (``page: 015010`` is 15010, not YAML 1.1's octal 6664)."""
    return _text_dates(pyyaml_loader())


_LONGEST_NUMBER = 4000
"""Digits: a longer number in YAML is read as its text."""


@lru_cache(maxsize=2)
def _text_dates(base: Any) -> Any:
    import yaml

    class Loader(base):
        pass

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    def integer(loader: Any, node: Any) -> Any:
        """A number as YAML 1.2 (pandoc's YAML) reads it: "015010" decimal, not YAML 1.1's octal 6664; "1_000" and
        "1:20" text, not 1000 and 80."""
        text = loader.construct_scalar(node)
        digits = text.lstrip("+-")
        if len(digits) > _LONGEST_NUMBER:  # (int() refuses 4,300 digits or more)
            return text
        if digits.isascii() and digits.isdigit():
            return int(text, 10)
        if digits[:2] in ("0x", "0X"):
            with contextlib.suppress(ValueError):
                return int(text, 16)
        return text

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)  # (on the subclass: pyyaml's stays as it is)
    Loader.add_constructor("tag:yaml.org,2002:int", integer)
    return Loader


def _line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


# Strings matched in the unrolled form ("[^"\\]*(?:\\.[^"\\]*)*"): the same strings, five times faster on
# long ones (a notebook's images).
_JSON_TOKEN = lazy(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)


_JSON_STRING = lazy(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKET = lazy(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str | bytes, limit: int = MAX_DEPTH) -> int:
    """The nesting depth of a JSON text, at most ``limit`` + 1 (linear time): what ``_nesting`` finds of its
    ``_JSON_TOKEN`` s, a bracket closing nothing counted as none, summed by ``itertools`` rather than token by
    token in Python (a CSL-JSON file of 50,000 items: 0.1 s instead of 0.7 s)."""
    from itertools import accumulate
    from operator import sub

    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if "[" not in text and "{" not in text:
        return 0
    # The brackets outside strings (no bracket starts a string, so a string matches as it does among the tokens).
    totals = list(accumulate(map(_STEP.__getitem__, _BRACKET.findall(_JSON_STRING.sub("", text)))))
    # Depth with a stray closer counted as none is the running total less the lowest total yet, when below zero.
    lowest = accumulate(totals, min, initial=0)
    next(lowest)
    return min(max(map(sub, totals, lowest), default=0), limit + 1)


#: a string, a key (a string and its colon: group 2), or a bracket or comma (group 3)
_JSON_MEMBER = lazy(r'("[^"\\]*(?:\\.[^"\\]*)*")(\s*:)?|([\[\]{},])')


def json_item_lines(text: str, under: tuple[str, ...] = ()) -> dict[int, dict[str, int]]:
    """The 1-based line of each key of each object in a JSON text's list of items, by the object's
    0-based position in that list (a repeated key at its last line, as ``json.loads`` keeps the last
    value). The list is the top-level array, or, in a top-level object, the array under the first of
    ``under``'s keys the object has (the last of a repeated key). Linear; meant for a text ``load_json``
    accepted (its strings hold no line break).
    """
    lists: dict[str, dict[int, dict[str, int]]] = {}
    depth = 0  # the brackets open (one that closes nothing closes none)
    root_key, line = "", 1
    items: dict[int, dict[str, int]] | None = None  # the list being read
    at = index = 0  # the list's depth, the position of the element being read
    members: dict[str, int] = {}
    counted = 0  # the lines are counted up to here (the text's strings hold no line break)
    for m in _JSON_MEMBER.finditer(text):
        key, colon, c = m.groups()  # (one call per token: a CSL-JSON file of 50,000 items has millions)
        if c is None:
            if colon is None:  # a string value
                continue
            key = json.loads(key) if "\\" in key else key[1:-1]
            if depth == 1:
                root_key = key
            elif items is not None and depth == at + 1:
                line += text.count("\n", counted, m.start())
                counted = m.start()
                members[key] = line
        elif c == ",":
            if items is not None and depth == at:
                index += 1
        elif c in "[{":
            if items is not None and depth == at and c == "{":
                members = items[index] = {}
            depth += 1
            if c == "[" and items is None and (depth == 1 or (depth == 2 and root_key in under)):
                items, at, index = {}, depth, 0
                lists["" if depth == 1 else root_key] = items
        else:
            if items is not None and depth == at:
                items = None
            if depth:
                depth -= 1
    if "" in lists:
        return lists[""]
    return next((lists[k] for k in under if k in lists), {})


def load_json(text: str | bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
              strict: bool = False) -> Any:
    """``json.loads`` with size and depth limits; every failure is a ValueError.

    json.JSONDecodeError and LoadLimitError are both ValueErrors, so a caller that
    already treats a ValueError as "corrupt" needs no change. ``strict`` refuses what
    Python's json reads beyond the standard (NaN, Infinity), as pandoc's reader does.
    """
    if len(text) > max_bytes:
        raise LoadLimitError(f"the JSON is {len(text):,} bytes, more than the {max_bytes:,} allowed")
    if json_depth(text, max_depth) > max_depth:
        raise LoadLimitError(f"the JSON nests deeper than {max_depth} levels")
    try:
        if strict:
            return json.loads(text, parse_constant=lambda name: _no_constant(name, text))
        return json.loads(text)
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise LoadLimitError("the JSON nests too deeply") from None
    except UnicodeDecodeError as exc:
        raise LoadLimitError(f"the JSON is not valid UTF-8 (offset {exc.start})") from None




_CONSTANT = lazy(r'"[^"\\]*(?:\\.[^"\\]*)*"|(-?Infinity|NaN)', re.S)


def _no_constant(name: str, text: str | bytes) -> Any:
    """Raise the JSONDecodeError of ``name`` (NaN, Infinity), at its place in ``text``."""
    doc = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    at = next((m.start(1) for m in _CONSTANT.finditer(doc) if m.group(1) == name), 0)
    raise json.JSONDecodeError(f"{name} is no JSON value (write a number, or the value as a string)", doc, at)


def _at_end(exc: Any) -> bool:
    return "stream end" in str(exc.problem) or "end of stream" in str(exc.problem)


def yaml_error_line(exc: Any) -> int | None:
    """Where the mistake is: where the parser stopped, unless it ran to the end of the file.

    Then the construct left open (an unclosed quote or bracket) says more. Otherwise the
    construct is often the whole `links:` list, many lines above a mis-indented key.
    """
    mark = exc.context_mark if exc.context_mark and _at_end(exc) else exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark else None


def yaml_problem(exc: Any) -> str:
    """The parser's complaint, with the construct it was in when that starts on another line."""
    if exc.context and exc.context_mark and not _at_end(exc) and exc.problem_mark \
            and exc.context_mark.line != exc.problem_mark.line:
        return f"{exc.problem} ({exc.context} from line {exc.context_mark.line + 1})"
    return str(exc.problem)


#: Python json's complaint (how its message starts) -> what is wrong, and what to fix.
_JSON_COMPLAINTS = (
    ("Expecting property name", "a field name not in double quotes", 'Write the name in double quotes: "title": ...'),
    ("Expecting value", "no value where one belongs", "Write the value (text in double quotes, a number, [...] or {...})"),
    ("Expecting ','", "a comma missing between two values", "Add the comma (or close the string or list before it)"),
    ("Expecting ':'", "a field name with no ':' after it", 'Write "name": value'),
    ("Unterminated string", "a string that is never closed", 'Add the closing double quote (or write a quote inside it as \\")'),
    ("Invalid control character", "a line break or tab inside a string", "Write it as \\n or \\t, or close the string before it"),
    ("Invalid \\uXXXX", "a \\u escape without 4 hexadecimal digits", "Write \\u and 4 hexadecimal digits, or \\\\"),
    ("Invalid \\escape", "a backslash that starts no JSON escape", "Write a backslash as \\\\"),
    ("Extra data", "more text after the JSON has ended", "Remove it, or put every item inside the one [ ... ]"),
)


def json_problem(exc: json.JSONDecodeError) -> tuple[str, str, int]:
    """Python json's complaint as what is wrong, where (line and column of the text read, and the text around it
    when the line is long: a file written on one line), and what to fix: (message, hint, line). A comma before a
    closing bracket is located at the comma."""
    doc, at, msg = exc.doc, exc.pos, exc.msg
    before = doc[:at].rstrip()
    here = doc[at:at + 1]
    if msg.startswith("Illegal trailing comma") or (before.endswith(",") and here in ("]", "}")):
        at = at if here == "," else len(before) - 1  # (Python 3.13 places its own message at the comma)
        closing = doc[at + 1:].lstrip()[:1]
        what, fix = f"a comma before the {closing!r} that closes {'an item' if closing == '}' else 'a list'}", \
            "Remove the comma after the last value"
    elif doc.startswith(("//", "/*", "#"), at) and msg.startswith(("Expecting", "Illegal")):
        # A comment ("// \"author\": [", a line commented out): JavaScript has them, JSON has none.
        last = doc.count("\n", 0, at) + 1
        for row in doc[doc.find("\n", at) + 1:].split("\n") if "\n" in doc[at:] else ():
            if not row.lstrip().startswith(("//", "#")):
                break
            last += 1
        first = doc.count("\n", 0, at) + 1
        lines = f"lines {first}-{last}" if last > first else f"line {first}"
        what, fix = "a comment, which JSON does not allow", f"Delete the comment ({lines}): JSON has no comments"
    elif msg.startswith("Expecting") and (zero := _LEADING_ZERO.match(doc, max(0, at - 2))) is not None \
            and zero.end(1) >= at:
        # 07: Python's json reads the number 0, then wants a comma before the 7.
        at, number = zero.start(1), zero.group(1)
        what = f"a number with a leading zero ({number}), which JSON does not allow"
        fix = f"Write {int(number)} (or the value as a string in double quotes)"
    elif at >= len(doc.rstrip()) and msg.startswith(("Expecting", "Unterminated")):
        what, fix = "the file ends before the JSON does", "Close what is open (a cut-off or half-saved file?)"
    else:  # what Python's json says (or load_json's own words: NaN, Infinity, and a message not listed)
        what, fix = next(((what, fix) for said, what, fix in _JSON_COMPLAINTS if msg.startswith(said)),
                         (msg, "Fix the JSON there"))
    start = doc.rfind("\n", 0, at) + 1
    line = doc.count("\n", 0, at) + 1
    where = f"line {line}, column {at - start + 1}"
    end = doc.find("\n", at)
    if (end if end >= 0 else len(doc)) - start > _LONG_LINE:
        where += f", near {_around(doc, at)!r}"
    return f"{what} at {where}", fix, line


_LEADING_ZERO = lazy(r"[^\w.-]?(-?0\d+)\b")  # from one or two characters before where json stopped
_LONG_LINE = 200  # a line longer than this is shown around the place, not counted along
_AROUND = 30


def _around(doc: str, at: int) -> str:
    """The text either side of ``at`` on one line, cut with an ellipsis."""
    left = doc[max(0, at - _AROUND):at].rsplit("\n", 1)[-1]
    right = doc[at:at + _AROUND].split("\n", 1)[0]
    return ("…" if at - len(left) > 0 else "") + left + right + ("…" if at + len(right) < len(doc) else "")


__all__ = ["MAX_BYTES", "MAX_DEPTH", "LoadLimitError", "check_yaml", "json_depth", "json_problem", "load_json",
           "load_yaml", "pyyaml_loader", "pyyaml_text_dates_loader", "yaml_error_line", "yaml_problem"]
