"""The doubt calibration's report (bench/calibrate_refparse.py): which rows it makes, and from what material."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import calibrate_refparse as calibrate

from litreview.bibliography.refparse import doubt, synth


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Stand-ins for rendering and reading: each call recorded as (what, styles)."""
    calls: list[tuple[str, Any]] = []

    def dev_styles(shared: Path, styles: Any = synth.DEV_STYLES) -> list[tuple[str, dict[str, Any]]]:
        calls.append(("dev", styles))
        return []

    def bibs(folder: Path, held: bool, dev: Any = synth.DEV_STYLES) -> list[tuple[str, dict[str, Any]]]:
        calls.append((folder.name, synth.HELD_STYLES if held else dev))
        return []

    monkeypatch.setattr(calibrate, "dev_styles_synthetic", dev_styles)
    monkeypatch.setattr(calibrate, "bibs_synthetic", bibs)
    monkeypatch.setattr(calibrate, "read_all", lambda rows: rows)
    return calls


def test_the_second_group_of_dev_styles_adds_its_rows_beside_the_first(made: list[tuple[str, Any]]) -> None:
    args = calibrate.arguments(["--dev-styles", "--dev-styles-2", "--bibs", "mine"])
    material = calibrate.further_material(args)
    assert material is not None
    assert [name for name, _ in material] == ["dev styles", "dev styles 2", "mine, dev styles", "mine, dev styles 2"]
    assert made == [("dev", synth.DEV_STYLES), ("dev", synth.DEV_STYLES_2),
                    ("mine", synth.DEV_STYLES), ("mine", synth.DEV_STYLES_2)]


def test_without_the_second_group_only_the_first_is_rendered(made: list[tuple[str, Any]]) -> None:
    material = calibrate.further_material(calibrate.arguments(["--bibs", "mine"]))
    assert material is not None and [name for name, _ in material] == ["mine, dev styles"]
    assert made == [("mine", synth.DEV_STYLES)]


def test_dev_only_leaves_out_every_row_of_held_material(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "corpus").mkdir()

    def never(*_: Any) -> None:
        raise AssertionError("held material made with --dev-only")

    folds = [f"ref{i}" for i in range(10)]
    monkeypatch.setattr(calibrate, "synthetic", lambda corpus: [])
    monkeypatch.setattr(calibrate, "cross_validate", lambda *a, **k: {"mode": folds})
    monkeypatch.setattr(calibrate, "readings", lambda records: list(records))
    monkeypatch.setattr(calibrate, "read_all", lambda rows: rows)
    monkeypatch.setattr(calibrate, "anystyle_rows", lambda shared: iter(["dev"]))
    monkeypatch.setattr(calibrate, "chicago_full_rows", lambda shared: iter(["chicago"]))
    monkeypatch.setattr(calibrate, "held_synthetic", never)
    monkeypatch.setattr(calibrate, "fitted", lambda rows, recall=None, right_share=0.1, also=None: ({"": -1.0}, 0.5))
    monkeypatch.setattr(calibrate, "labelled", lambda items, chicago: [])
    monkeypatch.setattr(calibrate, "flagged", lambda items, chicago, model: calibrate.Score())
    assert calibrate.main(["--shared", str(tmp_path), "--dev-only"]) == 0
    shown = [line.split("|")[0].strip() for line in capsys.readouterr().out.splitlines()[2:-1]]
    assert shown == ["fit (CV part)", "dev 250", "Chicago 115"]
    assert calibrate.main(["--shared", str(tmp_path)]) == 0
    shown = [line.split("|")[0].strip() for line in capsys.readouterr().out.splitlines()[2:-1]]
    assert shown == ["fit (CV part)", "held-aside (CV rest)", "dev 250", "Chicago 115"]


def test_further_rows_fit_the_weights_but_not_the_threshold() -> None:
    rows = [({"a": 1.0}, False)] * 60 + [({"a": 1.0, "b": 1.0}, True)] * 6
    also = [({"c": 1.0}, True)] * 20 + [({"a": 1.0}, False)] * 20  # "c" is seen in the further rows only
    weights, threshold = calibrate.fitted(rows, right_share=0.1, also=also)
    assert weights["c"] > 1.0
    assert weights == doubt.fit(rows + also)
    assert threshold == doubt.threshold_for([(doubt.p_wrong(f, weights), wrong) for f, wrong in rows], 0.1)
    alone = calibrate.fitted(rows, right_share=0.1)
    assert "c" not in alone[0] and alone[0] != weights


def test_each_synthetic_reference_is_read_by_a_model_that_never_trained_on_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    trained: dict[str, list[Any]] = {}
    read: dict[str, list[Any]] = {}
    monkeypatch.setattr(calibrate, "read_anystyle_xml", lambda path: [f"any{i}" for i in range(7)])
    monkeypatch.setattr(calibrate, "train", lambda refs, model, params=None: trained.update({model.name: refs}))
    monkeypatch.setattr(calibrate, "synthetic_rows", lambda refs: refs)
    monkeypatch.setattr(calibrate, "read_all", lambda rows, model=None: read.update({model.name: rows}) or rows)
    monkeypatch.setattr(calibrate, "readings", lambda records: list(records))
    extra: list[Any] = [f"syn{j}" for j in range(8)]
    parts = calibrate.synthetic_out_of_fold(tmp_path, 3, None, extra)
    assert parts == [["syn0", "syn3", "syn6"], ["syn1", "syn4", "syn7"], ["syn2", "syn5"]]
    for k, part in enumerate(parts):
        name = f"synthetic{k}of3.crfsuite"
        assert read[name] == part and not set(part) & set(trained[name])
        assert set(trained[name]) == {f"any{i}" for i in range(7) if i % 3 != k} | set(extra) - set(part)
    assert calibrate.synthetic_out_of_fold(tmp_path, 3, None, []) == [[], [], []]


def test_real_bibliographies_fit_the_weights_beside_the_synthetic_readings(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    fits: list[tuple[list[Any], list[Any]]] = []
    monkeypatch.setattr(calibrate, "synthetic", lambda corpus: [])
    monkeypatch.setattr(calibrate, "cross_validate", lambda *a, **k: {"mode": [f"ref{i}" for i in range(10)]})
    monkeypatch.setattr(calibrate, "readings", lambda records: list(records))
    monkeypatch.setattr(calibrate, "read_all", lambda rows: rows)
    monkeypatch.setattr(calibrate, "anystyle_rows", lambda shared: iter([]))
    monkeypatch.setattr(calibrate, "chicago_full_rows", lambda shared: iter([]))
    monkeypatch.setattr(calibrate, "bibs_synthetic", lambda folder, held, dev=synth.DEV_STYLES:
                        None if held else [f"{folder.name}:{style}" for style, _ in dev[:1]])
    monkeypatch.setattr(calibrate, "labelled", lambda items, chicago: list(items))
    monkeypatch.setattr(calibrate, "flagged", lambda items, chicago, model: calibrate.Score())

    def fitted(rows: list[Any], recall: float | None = None, right_share: float = 0.1,
               also: list[Any] | None = None) -> tuple[dict[str, float], float]:
        fits.append((rows, also or []))
        return {"": -1.0}, 0.5

    monkeypatch.setattr(calibrate, "fitted", fitted)
    assert calibrate.main(["--shared", str(tmp_path), "--dev-only", "--fit-bibs", "mine", "--fit-bibs", "theirs"]) == 0
    first = synth.DEV_STYLES[0][0]
    for rows, also in fits:  # the part's fit and the whole's: the real entries weigh in, never as threshold rows
        assert also == [f"mine:{first}", f"theirs:{first}"]
        assert not any(str(r).startswith(("mine", "theirs")) for r in rows)
    fits.clear()
    assert calibrate.main(["--shared", str(tmp_path), "--dev-only"]) == 0
    assert all(also == [] for _, also in fits)
