"""JSON text as litreview writes its reports: ``json.dumps(value, indent=2, ensure_ascii=False)`` and a line break,
with the :data:`text.CONTROLS` json leaves as they are written as ``\\uXXXX`` escapes (:func:`escaped_controls`).

The same bytes, written faster where a report is long: with ``indent`` the json module uses its Python
encoder, about 10 µs per finding; a list of flat records goes through the C encoder in one call instead.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .text import CONTROLS

_SCALARS = frozenset({str, int, float, bool, type(None)})
_STR = frozenset({str})
_INDENT = "  "


def json_text(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False) + "\\n"``, byte for byte, through :func:`escaped_controls`."""
    return escaped_controls(_dumps(value, "\n") + "\n")


def escaped_controls(text: str) -> str:
    """JSON ``text`` with each of the :data:`text.CONTROLS` written as its ``\\uXXXX`` escape: with
    ``ensure_ascii=False`` json writes C1 controls (CSI, OSC) and direction overrides as they are, which a
    terminal acts on and an editor shows reordered. Read back, the values are the same (json escapes the C0
    controls itself, and outside strings JSON text is ASCII)."""
    return text if text.isascii() and "\x7f" not in text else CONTROLS.sub(_unicode_escape, text)


def _unicode_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def _dumps(value: Any, newline: str) -> str:
    """``value`` as json.dumps writes it at the depth whose lines start with ``newline`` (a line break and the
    depth's indentation).

    json escapes the line breaks inside strings, so every line break of its output is one it put between
    items: a value written on its own can be moved to a deeper level by indenting after each line break.
    """
    inner = newline + _INDENT
    if type(value) is dict and value and _STR.issuperset(map(type, value)):
        items = (f"{json.dumps(k, ensure_ascii=False)}: {_dumps(v, inner)}" for k, v in value.items())
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if type(value) is list and value and all(_is_record(v) for v in value):
        # Records: the C encoder writes them all with the separator their items need; between two
        # records that separator is the only one that follows a "}" (values are scalars) and the only
        # place it can be followed by "{" (keys are strings), so that is where they are told apart.
        deeper = inner + _INDENT
        encoded = json.JSONEncoder(ensure_ascii=False, separators=("," + deeper, ": ")).encode(value)
        bodies = encoded[2:-2].split("}," + deeper + "{")
        return ("[" + inner + "{" + deeper + (inner + "}," + inner + "{" + deeper).join(bodies) + inner + "}"
                + newline + "]")
    return json.dumps(value, indent=len(_INDENT), ensure_ascii=False).replace("\n", newline)


def _is_record(value: Any) -> bool:
    """A non-empty dict with string keys and scalar values (what a finding's JSON is)."""
    return (type(value) is dict and bool(value) and _STR.issuperset(map(type, value))
            and _SCALARS.issuperset(map(type, value.values())))
