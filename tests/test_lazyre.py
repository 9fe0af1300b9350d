"""lazyre.lazy: a pattern compiled on first use answers as re.compile's does."""

from __future__ import annotations

import re

import pytest

from litreview.lazyre import lazy


def test_compiles_on_first_use_only() -> None:
    pattern = lazy(r"(?P<year>\d{4})([a-z]?)", re.I)
    assert "search" not in vars(pattern)  # nothing compiled at import
    compiled = re.compile(r"(?P<year>\d{4})([a-z]?)", re.I)
    text = "Holsti 1970B, Waltz 1979 and 2010"
    assert pattern.search(text).group("year") == compiled.search(text).group("year")  # type: ignore[union-attr]
    assert "search" in vars(pattern)  # the compiled pattern's methods are now its own
    assert pattern.findall(text) == compiled.findall(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.sub(r"<\1>", text) == compiled.sub(r"<\1>", text)
    assert pattern.split(text) == compiled.split(text)
    assert pattern.fullmatch("1970b") is not None and pattern.match("x1970") is None
    assert (pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)) == (
        compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex))


def test_a_bad_pattern_fails_where_it_is_used() -> None:
    pattern = lazy(r"(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")
