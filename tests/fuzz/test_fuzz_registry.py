"""Fuzz: snapshot records and registry responses of unexpected shapes never crash a reader.

The snapshot promises that a corrupt file is treated as absent ("fetch will replace it");
a record whose fields have unexpected JSON types is such a file (``parse.shape_problem``),
and a parser given one refuses it with a RegistryError instead of crashing.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from litreview.errors import LitreviewError

from . import targets
from .conftest import FUZZ, run_target
from .mutate import mutate_record, seed_records

pytestmark = pytest.mark.fuzz

SEED_RECORDS = [json.loads(text) for text in seed_records()]
NOW = targets.NOW
#: (format, agency, record) with a few values replaced by JSON of another type (mutate.mutate_record).
mutated_record = st.randoms(use_true_random=False).map(mutate_record)


def _crossref(**changes: Any) -> tuple[str, str, dict[str, Any]]:
    seed = json.loads(json.dumps(next(s for s in SEED_RECORDS if s["kind"] == "crossref")))
    seed["record"].update(changes)
    return "crossref", "crossref", seed["record"]


def _datacite_types_list() -> tuple[str, str, dict[str, Any]]:
    seed = json.loads(json.dumps(next(s for s in SEED_RECORDS if s["kind"] == "datacite")))
    seed["record"]["data"]["attributes"]["types"] = []
    return "datacite", "datacite", seed["record"]


_entry = targets.entry


@FUZZ
@given(case=mutated_record)
@example(case=_crossref(**{"short-container-title": True}))
@example(case=_datacite_types_list())
def test_registry_parsers(case: tuple[str, str, dict[str, Any]]) -> None:
    fmt, agency, record = case
    text = json.dumps({"format": fmt, "agency": agency, "record": record})
    run_target("registry-parse", text, lambda: targets.registry_parse(text), (LitreviewError,))


@FUZZ
@given(text=st.one_of(mutated_record.map(lambda c: json.dumps(_entry(*c))),
                      st.integers(1_000, 100_000).map(lambda n: "[" * n + "]" * n)))
@example(text=json.dumps(_entry(*_crossref(**{"short-container-title": True}))))
@example(text='{"schema": 1, "kind": "doi", "record": ' + "[" * 100_000 + "]" * 100_000 + "}")
def test_snapshot_reader(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Whatever a snapshot file holds, reading the snapshot never raises."""
    folder = tmp_path_factory.mktemp("snap")
    run_target("snapshot", text, lambda: targets.snapshot(text, folder), ())


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
