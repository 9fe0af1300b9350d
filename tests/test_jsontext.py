"""json_text writes the bytes json.dumps(indent=2, ensure_ascii=False) writes, for any JSON value."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litreview.jsontext import escaped_controls, json_text

# Strings full of what the record splitting must not be fooled by: braces, commas, quotes, line breaks.
TRICKY = st.text(alphabet=st.sampled_from(list('{}[],:" \n\\\t\u2028éa1')) | st.characters(), max_size=20)
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | TRICKY | st.sampled_from(["},\n      {", "}, {", "\n    },\n    {\n      "]))
RECORD = st.dictionaries(TRICKY, SCALARS, min_size=1, max_size=6)
# Almost records: a value that is a list, a dict or a tuple (empty or not), or an empty dict in the list.
NEAR = st.lists(st.dictionaries(TRICKY, SCALARS | st.lists(SCALARS, max_size=2) | st.tuples(SCALARS)
                                | st.dictionaries(TRICKY, SCALARS, max_size=2), max_size=4), max_size=4)
VALUES = st.recursive(
    SCALARS | st.lists(RECORD, max_size=5) | NEAR,  # lists of records: the path the C encoder takes
    lambda children: (st.lists(children, max_size=4) | st.dictionaries(TRICKY, children, max_size=4)
                      | st.tuples(children, children) | st.dictionaries(st.integers(), children, max_size=3)),
    max_leaves=30,
)


def expected(value: Any) -> str:
    return escaped_controls(json.dumps(value, indent=2, ensure_ascii=False)) + "\n"


@settings(max_examples=400)
@given(VALUES)
def test_the_same_bytes_as_json_dumps(value: Any) -> None:
    assert json_text(value) == expected(value)


@given(st.lists(RECORD, min_size=1, max_size=8), TRICKY)
def test_records_nested_in_a_report_are_written_as_json_dumps_writes_them(records: list, key: str) -> None:
    report = {"findings": records, key: {"by_code": {"LR100": 2}, "list": [1, [2, {}], []]}, "empty": []}
    assert json_text(report) == expected(report)
    assert json_text([report, records]) == expected([report, records])


def test_a_finding_report() -> None:
    report = {"findings": [{"code": "LR100", "severity": "error", "message": 'a "}, {" in text\nover lines',
                            "hint": None, "key": "k", "claim_id": None, "file": "refs/a.bib", "line": 3},
                           {"code": "LR209", "severity": "info", "message": "é", "hint": "h", "key": None,
                            "claim_id": "c1", "file": None, "line": None}],
              "summary": {"errors": 1, "warnings": 0, "by_code": {"LR100": 1, "LR209": 1}}}
    text = json_text(report)
    assert text == expected(report)
    assert text.startswith('{\n  "findings": [\n    {\n      "code": "LR100",\n')


@pytest.mark.parametrize("records", [
    [{"a": [1]}], [{"a": (1,)}], [{"a": []}], [{"a": {}}], [{"a": {"b": 1}}], [{}], [{"a": 1}, {}],
    [{1: "x"}], [{"a": 1}, [1]], [{"a": 1.5, "b": float("nan"), "c": True, "d": None}],
])
def test_lists_that_are_almost_records(records: list) -> None:
    assert json_text(records) == expected(records)
    assert json_text({"findings": records}) == expected({"findings": records})


def test_delete_in_ascii_json_is_escaped_too() -> None:
    # DEL (U+007F) is ASCII, one of text.CONTROLS, and json.dumps writes it as it is: an all-ASCII text was returned
    # untouched.
    from litreview.jsontext import escaped_controls

    assert escaped_controls('{"a": "x\x7fy"}') == '{"a": "x\\u007fy"}'
    assert escaped_controls('{"a": "xy"}') == '{"a": "xy"}'
