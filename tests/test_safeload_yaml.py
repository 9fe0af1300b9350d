"""load_yaml: check_yaml's limits applied while ruamel parses, in one parse, with the same answers."""

from __future__ import annotations

import re

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.reader import Reader

from litreview.safeload import NON_PRINTABLE, LoadLimitError, check_yaml, load_yaml

DOCS = [
    "links: []\n",
    "version: &v 1\nlinks:\n  - claim: p1-s1\n    source: a\n    note: “curly” ’quotes’ — and é\n",
    "a: {b: [1, 2, {c: d}]}\n",
    "".join("  " * i + f"k{i}:\n" for i in range(63)) + "  " * 63 + "x: 1\n",  # 64 mappings deep: the limit
    "? a\n: b\n",
    "",
]


def test_the_short_class_of_refused_characters_is_ruamels_class() -> None:
    everything = "".join(map(chr, range(0x110000)))
    ruamels = re.compile(Reader.NON_PRINTABLE.pattern)
    assert NON_PRINTABLE.findall(everything) == ruamels.findall(everything)


@pytest.mark.parametrize("text", DOCS)
@pytest.mark.parametrize("typ", ["rt", "safe"])
def test_loads_what_ruamel_loads(text: str, typ: str) -> None:
    assert load_yaml(text, YAML(typ=typ, pure=True)) == YAML(typ=typ, pure=True).load(text)


@pytest.mark.parametrize("text", [
    "a: &x [1, 2]\nb: *x\n",
    "links: " + "[" * 100 + "]" * 100 + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "x: 1\n",
    "? " * 3000 + "a\n",
])
def test_refuses_what_check_yaml_refuses(text: str) -> None:
    with pytest.raises(LoadLimitError) as before:
        check_yaml(text)
    with pytest.raises(LoadLimitError) as now:
        load_yaml(text, YAML())
    assert (now.value.message, now.value.line) == (before.value.message, before.value.line)


@pytest.mark.parametrize(("text", "message", "line", "hint"), [
    ("a: 1\nlinks: " + "[" * 65 + "]" * 65 + "\n", "the YAML nests deeper than 64 levels", 2, "flatten the structure"),
    ("".join("  " * i + f"k{i}:\n" for i in range(65)) + "  " * 65 + "x: 1\n", "the YAML nests deeper than 64 levels",
     65, "flatten the structure"),
    ("a: 1\nb: &x [1]\nc: *x\n", "YAML aliases (*x) are not allowed here", 3, "write the value out instead of *alias"),
])
def test_both_loaders_refuse_at_the_line_the_limit_is_passed(text: str, message: str, line: int, hint: str) -> None:
    # The depth was counted by two loops (pyyaml's events, ruamel's) and the flow depth by two scans: one count each.
    for load in (check_yaml, lambda t: load_yaml(t, YAML(typ="safe", pure=True))):
        with pytest.raises(LoadLimitError) as refused:
            load(text)
        assert (refused.value.message, refused.value.line, refused.value.hint) == (message, line, hint)


def test_a_syntax_error_is_ruamels() -> None:
    check_yaml("a: [1\nb: 2\n")  # leaves syntax errors to the real load
    with pytest.raises(YAMLError):
        load_yaml("a: [1\nb: 2\n", YAML())


def test_one_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    from ruamel.yaml.parser import Parser

    starts = []
    original = Parser.parse_stream_start
    monkeypatch.setattr(Parser, "parse_stream_start", lambda self: starts.append(1) or original(self))
    load_yaml(DOCS[1] * 1 + "".join(f"# line {i}\n" for i in range(100)), YAML())
    assert len(starts) == 1


def test_a_yaml_object_is_reusable_after_a_refusal() -> None:
    yaml = YAML()
    with pytest.raises(LoadLimitError):
        load_yaml("".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "x: 1\n", yaml)
    assert load_yaml(DOCS[3], yaml) == YAML().load(DOCS[3])


@pytest.mark.parametrize("text", [
    "- id: a\n  title: &t A title\n- id: b\n  title: *t\n",
    "- id: a\n  note: " + "[" * 100 + "]" * 100 + "\n",
    "".join("  " * i + f"- k{i}:\n" for i in range(100)),
])
def test_check_yaml_refuses_alike_with_and_without_libyaml(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The check reads the text with pyyaml's parser, in C where the installed pyyaml has libyaml: the
    # pure-Python parser it falls back on must refuse the same things at the same lines.
    import yaml

    from litreview.safeload import pyyaml_loader

    with pytest.raises(LoadLimitError) as first:
        check_yaml(text)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert pyyaml_loader() is yaml.SafeLoader
    with pytest.raises(LoadLimitError) as pure:
        check_yaml(text)
    assert (pure.value.message, pure.value.line) == (first.value.message, first.value.line)


def test_a_refused_character_and_a_deep_flow_are_errors_at_their_line() -> None:
    yaml = YAML(typ="safe", pure=True)
    with pytest.raises(LoadLimitError) as info:
        load_yaml("links:\n  - claim: p1-s1\x00\n", yaml)
    assert (info.value.line, info.value.message) == (2, "a character YAML does not allow (U+0000) at column 17")
    assert "delete it" in info.value.hint
    with pytest.raises(LoadLimitError) as info:  # not a control character, yet refused alike
        load_yaml("title: a\ufffeb\n", YAML(typ="safe", pure=True))
    assert (info.value.line, info.value.message) == (1, "a character YAML does not allow (U+FFFE) at column 9")
    with pytest.raises(LoadLimitError) as info:
        load_yaml("links:\n  - claim: p1-s1\n    note: " + "[" * 1000 + "]" * 1000 + "\n", YAML(typ="safe", pure=True))
    assert info.value.line == 3 and "nests deeper than 64" in info.value.message
