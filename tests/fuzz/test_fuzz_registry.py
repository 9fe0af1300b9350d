"""Fuzz: snapshot records and registry responses of unexpected shapes never crash a reader.

The snapshot promises that a corrupt file is treated as absent ("fetch will replace it");
a record whose fields have unexpected JSON types is such a file (``parse.shape_problem``),
and a parser given one refuses it with a RegistryError instead of crashing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from litreview.errors import LitreviewError

from .conftest import FUZZ, ROOT, run_target

pytestmark = pytest.mark.fuzz

RECORDS = sorted((ROOT / "litreview" / "testing" / "records").glob("*.json"))
SEED_RECORDS = [json.loads(p.read_text(encoding="utf-8")) for p in RECORDS]
NOW = datetime(2026, 12, 1, tzinfo=UTC)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated_record(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    """(format, agency, record) with a few values replaced by JSON of another type."""
    seed = json.loads(json.dumps(draw(st.sampled_from(SEED_RECORDS))))
    record = seed["record"]
    paths = [p for p in _paths(record) if p]
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        parent = record
        try:
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = draw(JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            continue
    return seed["kind"], seed["agency"], record


def _crossref(**changes: Any) -> tuple[str, str, dict[str, Any]]:
    seed = json.loads(json.dumps(next(s for s in SEED_RECORDS if s["kind"] == "crossref")))
    seed["record"].update(changes)
    return "crossref", "crossref", seed["record"]


def _datacite_types_list() -> tuple[str, str, dict[str, Any]]:
    seed = json.loads(json.dumps(next(s for s in SEED_RECORDS if s["kind"] == "datacite")))
    seed["record"]["data"]["attributes"]["types"] = []
    return "datacite", "datacite", seed["record"]


def _entry(fmt: str, agency: str, record: dict[str, Any]) -> dict[str, Any]:
    from litreview.registry.snapshot import SCHEMA

    return {"schema": SCHEMA, "kind": "doi", "doi": "10.5555/x", "agency": agency, "format": fmt,
            "http_status": 200, "fetched_at": "2026-11-30T00:00:00+00:00", "source_url": "", "synthetic": True,
            "record": record}


@FUZZ
@given(case=mutated_record())
@example(case=_crossref(**{"short-container-title": True}))
@example(case=_datacite_types_list())
def test_registry_parsers(case: tuple[str, str, dict[str, Any]]) -> None:
    from litreview.model import Person, Source
    from litreview.registry.parse import parse_record
    from litreview.registry.reconcile import reconcile

    fmt, agency, record = case
    source = Source(key="k", type="article", authors=(Person(family="Holsti", given="K. J."),), year=2004,
                    title="Taming the sovereigns", container="Journal", pages="1--10", doi="10.5555/x")

    def go() -> None:
        reconcile(source, parse_record(fmt, record, agency))

    run_target("registry-parse", json.dumps(record), go, (LitreviewError,))


@FUZZ
@given(text=st.one_of(mutated_record().map(lambda c: json.dumps(_entry(*c))),
                      st.integers(1_000, 100_000).map(lambda n: "[" * n + "]" * n)))
@example(text=json.dumps(_entry(*_crossref(**{"short-container-title": True}))))
@example(text='{"schema": 1, "kind": "doi", "record": ' + "[" * 100_000 + "]" * 100_000 + "}")
def test_snapshot_reader(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Whatever a snapshot file holds, reading the snapshot never raises."""
    from litreview.model import Bibliography, Source
    from litreview.registry.snapshot import Snapshot, load_metadata

    folder = tmp_path_factory.mktemp("snap")
    path = Snapshot(folder).doi_file("10.5555/x")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    bib = Bibliography(sources=(Source(key="k", type="article", title="T", doi="10.5555/x"),), file="b.bib")
    run_target("snapshot", text, lambda: load_metadata(bib, folder, now=NOW, stale_days=365), ())


def test_a_snapshot_file_nested_100000_deep_is_corrupt_not_a_crash(tmp_path) -> None:
    from litreview.model import Bibliography, Source
    from litreview.registry.snapshot import Snapshot, load_metadata

    path = Snapshot(tmp_path).doi_file("10.5555/x")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"schema": 1, "kind": "doi", "record": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    bib = Bibliography(sources=(Source(key="k", type="article", title="T", doi="10.5555/x"),), file="b.bib")
    meta = load_metadata(bib, tmp_path, now=NOW, stale_days=365)["k"]
    assert meta.record is None and "corrupt" in meta.reason


@pytest.mark.parametrize(("change", "said"), [
    ({"short-container-title": True}, "'short-container-title' is true/false, not a string or a list"),
    ({"author": [{"family": "Kim"}, "Lee"]}, "'author' holds a string where an object belongs"),
    ({"issued": [2004]}, "'issued' is a list, not an object"),
])
def test_a_snapshot_record_of_wrong_types_is_corrupt_with_file_and_remedy(tmp_path, change, said) -> None:
    from litreview.model import Bibliography, Source
    from litreview.registry.snapshot import Snapshot, load_metadata

    path = Snapshot(tmp_path).doi_file("10.5555/x")
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt, agency, record = _crossref(**change)
    path.write_text(json.dumps({**_entry(fmt, agency, record), "synthetic": False}), encoding="utf-8")
    bib = Bibliography(sources=(Source(key="k", type="article", title="T", doi="10.5555/x"),), file="b.bib")
    meta = load_metadata(bib, tmp_path, now=NOW, stale_days=365)["k"]
    assert meta.record is None
    assert f"snapshot file {path.name} is corrupt" in meta.reason and said in meta.reason, meta.reason
    assert "fetch will replace it" in meta.reason


def test_a_snapshot_record_of_the_right_types_is_read() -> None:
    from litreview.registry.parse import parse_record, shape_problem

    for seed in SEED_RECORDS:
        assert shape_problem(seed["kind"], seed["record"]) == "", seed["kind"]
        parse_record(seed["kind"], seed["record"], seed["agency"])


def test_a_parser_given_a_record_of_wrong_types_refuses_it_as_a_registry_error() -> None:
    from litreview.errors import RegistryError
    from litreview.registry.parse import parse_record

    fmt, agency, record = _datacite_types_list()
    with pytest.raises(RegistryError, match=r"'attributes\.types' is a list, not an object"):
        parse_record(fmt, record, agency)
