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
    monkeypatch.setattr(calibrate, "flagged", lambda items, chicago, model, alone=False: calibrate.Score())
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


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[list[Any], list[Any]]]:
    """main() over stand-in material: each reading is a name, its row ({name: 1.0}, False); the calls of
    ``fitted`` (rows, also) and the rows of each fit of ``doubt.fit`` recorded in the list returned."""
    (tmp_path / "corpus").mkdir()
    calls: list[tuple[list[Any], list[Any]]] = []
    monkeypatch.setattr(calibrate, "synthetic", lambda corpus: [])
    monkeypatch.setattr(calibrate, "cross_validate", lambda *a, **k: {"mode": [f"ref{i}" for i in range(10)]})
    monkeypatch.setattr(calibrate, "readings", lambda records: list(records))
    monkeypatch.setattr(calibrate, "read_all", lambda rows: rows)
    monkeypatch.setattr(calibrate, "anystyle_rows", lambda shared: iter([]))
    monkeypatch.setattr(calibrate, "chicago_full_rows", lambda shared: iter([]))
    monkeypatch.setattr(calibrate, "bibs_synthetic", lambda folder, held, dev=synth.DEV_STYLES:
                        None if held else [f"{folder.name}:{style}" for style, _ in dev[:1]])
    monkeypatch.setattr(calibrate, "labelled", lambda items, chicago, alone=False: [({str(i): 1.0}, False) for i in items])
    monkeypatch.setattr(calibrate, "flagged", lambda items, chicago, model, alone=False: calibrate.Score())

    def fitted(rows: list[Any], recall: float | None = None, right_share: float = 0.1,
               also: list[Any] | None = None) -> tuple[dict[str, float], float]:
        calls.append((rows, also or []))
        return {"": -1.0}, 0.5

    def fit(rows: list[Any]) -> dict[str, float]:
        calls.append((rows, ["doubt.fit"]))
        return {"": -1.0}

    monkeypatch.setattr(calibrate, "fitted", fitted)
    monkeypatch.setattr(calibrate.doubt, "fit", fit)
    monkeypatch.chdir(tmp_path)
    return calls


def _names(rows: list[Any]) -> list[str]:
    return [next(iter(features)) for features, _ in rows]


def test_real_bibliographies_fit_the_weights_beside_the_synthetic_readings(
        small: list[tuple[list[Any], list[Any]]]) -> None:
    assert calibrate.main(["--shared", ".", "--dev-only", "--fit-bibs", "mine", "--fit-bibs", "theirs"]) == 0
    first = synth.DEV_STYLES[0][0]
    (part, also), (whole, how) = small  # the part's fit (threshold on its rows) and the whole's
    assert _names(also) == [f"mine:{first}", f"theirs:{first}"] and _names(part) == [f"ref{i}" for i in range(6)]
    assert how == ["doubt.fit"] and _names(whole) == [f"ref{i}" for i in range(10)] + [f"mine:{first}", f"theirs:{first}"]
    small.clear()
    assert calibrate.main(["--shared", ".", "--dev-only"]) == 0
    assert small[0][1] == [] and _names(small[1][0]) == [f"ref{i}" for i in range(10)]


def test_each_folder_left_out_is_judged_by_weights_fitted_without_it(
        small: list[tuple[list[Any], list[Any]]], capsys: pytest.CaptureFixture[str]) -> None:
    folders = ["a", "b", "c"]
    args = ["--shared", ".", "--dev-only", "--leave-one-out", "--cut-on-bibs", "0.8"]
    assert calibrate.main(args + [x for f in folders for x in ("--fit-bibs", f)]) == 0
    out = capsys.readouterr().out
    assert [line.split("|")[0].strip() for line in out.splitlines() if "(left out)" in line] == [
        "a (left out)", "b (left out)", "c (left out)"]
    assert "mean of the folders left out" in out
    fitted_on = [{n.split(":")[0] for n in _names(rows)} - {f"ref{i}" for i in range(10)}
                 for rows, how in small if how == ["doubt.fit"]]
    # each fit made once: the whole, each folder out, and each pair out (for the cut read out of folder)
    assert sorted(map(sorted, fitted_on)) == sorted(
        [folders, ["b", "c"], ["a", "c"], ["a", "b"], ["c"], ["b"], ["a"]])


def test_the_cut_on_real_bibliographies_is_read_out_of_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    base = [({"x": 1.0}, False)] * 4
    parts = [[({"a": 1.0}, True), ({"a": 0.0}, False)], [({"b": 1.0}, True)], [({"c": 1.0}, True)]]
    fits = calibrate.Fits(base, parts)
    seen: list[set[str]] = []

    def fit(rows: list[Any]) -> dict[str, float]:
        names = {k for f, _ in rows for k in f}
        seen.append(names)
        return {k: 1.0 for k in names}  # a folder's own feature weighs only where it was fitted on

    monkeypatch.setattr(calibrate.doubt, "fit", fit)
    scores = fits.out_of_folder()
    assert all(p == doubt.p_wrong({"x": 0.0}, {}) for p, wrong in scores if wrong)  # none by its own weights
    assert seen == [{"x", "b", "c"}, {"x", "a", "c"}, {"x", "a", "b"}]
    fits.out_of_folder()
    assert len(seen) == 3  # made once
    assert calibrate.recall_cut([(0.9, True), (0.5, True), (0.3, False), (0.1, True), (0.05, True)], 0.5) == 0.5 - 1e-9


@pytest.mark.parametrize("argv", [["--cut-on-bibs", "0.8"], ["--cut-on-bibs", "80", "--fit-bibs", "mine"]])
def test_a_cut_on_bibliographies_needs_a_share_and_a_folder(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        calibrate.arguments(argv)
    assert stop.value.code == 2 and "--cut-on-bibs" in capsys.readouterr().err


def test_a_cut_on_the_right_fields_of_real_bibliographies_is_read_out_of_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [[({"a": 1.0}, False), ({"a": 2.0}, False), ({"a": 3.0}, True)], [({"b": 1.0}, False), ({"b": 4.0}, True)]]
    fits = calibrate.Fits([({"x": 1.0}, False)], parts)
    monkeypatch.setattr(calibrate.doubt, "fit", lambda rows: {"a": 1.0, "b": 1.0})
    weights, cut = fits.right_model(0.34)
    scores = fits.out_of_folder()
    flagged_right = [p for p, wrong in scores if not wrong and p >= cut]
    assert weights == {"a": 1.0, "b": 1.0} and len(flagged_right) == 1  # one of the three right fields
    assert cut == doubt.threshold_for(scores, 0.34)


@pytest.mark.parametrize("argv", [["--right-on-bibs", "0.1"], ["--right-on-bibs", "10", "--fit-bibs", "mine"],
                                  ["--right-on-bibs", "0.1", "--cut-on-bibs", "0.8", "--fit-bibs", "mine"]])
def test_a_right_share_on_bibliographies_needs_a_share_a_folder_and_no_other_cut(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        calibrate.arguments(argv)
    assert stop.value.code == 2 and "--right-on-bibs" in capsys.readouterr().err


def test_rendered_strings_keep_the_list_they_were_printed_in_and_are_judged_as_one() -> None:
    from eval_refparse import LIST, listed_rows, lists_of

    from litreview.bibliography.refparse.corpus import Labelled
    from litreview.bibliography.refparse.reference import ParsedReference

    lists = [[Labelled((("title", f"T{i}"),)) for i in range(2)], [Labelled((("title", "U"),))]]
    assert [gold[LIST] for _, gold in listed_rows(lists)] == [0, 0, 1]
    assert lists_of([{LIST: 0}, {}, {LIST: 1}, {LIST: 0}, {}]) == [[0, 3], [1], [2], [4]]  # none of a list: alone
    # the calibration's rows carry each field's printing against its list's: one odd title among seven
    refs = []
    for i in range(7):
        raw = f"Smith, J. 200{i}. {'Bare title' if i == 3 else '“Quoted title.”'} Journal 1–9."
        refs.append(ParsedReference(raw=raw, title="Bare title" if i == 3 else "Quoted title", year=f"200{i}"))
    gold = {name: "" for name in calibrate.FIELDS}
    items = [(ref, ref, ref, {**gold, LIST: 0}) for ref in refs]
    rows = calibrate.labelled(items, False)
    odd = [f.get("list_odd", 0.0) for f, _ in rows if "bias:title" in f]
    assert odd == pytest.approx([1 / 6] * 3 + [1.0] + [1 / 6] * 3)  # the others: all but the odd one alike
    alone = calibrate.labelled([(ref, ref, ref, gold) for ref in refs], False)  # no list: no such evidence
    assert not any("list_odd" in f for f, _ in alone)
    flags = calibrate.flagged(items, False, ({"": -5.0, "list_odd": 10.0}, 0.5))
    assert sum(flagged for _, flagged, _ in flags.fates) == 1


def test_the_cut_of_a_lone_string_is_read_on_the_folders_judged_with_no_list_around_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [[({"a": 1.0, "list": 5.0}, True), ({"a": 1.0}, False)], [({"b": 1.0, "list": 5.0}, True), ({"b": 2.0}, False)]]
    alone = [[({"a": 1.0}, True), ({"a": 3.0}, False)], [({"b": 1.0}, True), ({"b": 4.0}, False)]]
    fits = calibrate.Fits([({"x": 1.0}, False)], parts, alone)
    made: list[int] = []
    monkeypatch.setattr(calibrate.doubt, "fit", lambda rows: made.append(1) or {"a": 1.0, "b": 1.0, "list": 1.0})
    weights, cut = fits.right_model(0.5)
    lone = fits.alone_cut(0.5)
    assert lone == doubt.threshold_for(fits.out_of_folder(alone=True), 0.5) != cut
    assert fits.out_of_folder(alone=True) == [(doubt.p_wrong(f, weights), w) for part in alone for f, w in part]
    assert len(made) == 3  # the same fits: the whole and each folder left out
    assert calibrate.Fits([], parts).out_of_folder(alone=True) == fits.out_of_folder()  # no lone rows: the parts


def test_the_alone_curve_judges_each_string_alone_by_the_shipped_weights_and_marks_the_training_sets_cut(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "corpus").mkdir()
    weights = {"": -6.0, "b": 3.0}  # P(wrong) .0025 without "b", .047 with it
    monkeypatch.setattr(calibrate.doubt, "_load", lambda path: (weights, 0.5, 0.3))
    monkeypatch.setattr(calibrate, "synthetic", lambda corpus: [])
    monkeypatch.setattr(calibrate, "cross_validate", lambda *a, **k: {"mode": ["train"]})
    monkeypatch.setattr(calibrate, "readings", lambda records: list(records))
    monkeypatch.setattr(calibrate, "read_all", lambda rows: rows)
    monkeypatch.setattr(calibrate, "anystyle_rows", lambda shared: iter(["dev"]))
    monkeypatch.setattr(calibrate, "chicago_full_rows", lambda shared: iter(["chicago"]))
    judged: list[tuple[Any, bool, bool]] = []
    rows = {"train": [({}, False)] * 9 + [({"b": 1.0}, False), ({"b": 1.0}, True)],
            "dev": [({}, False), ({"b": 1.0}, True)], "chicago": [({}, True)]}

    def labelled(items: list[str], chicago: bool, alone: bool = False) -> list[tuple[dict[str, float], bool]]:
        judged.append((items, chicago, alone))
        return rows[items[0]]

    monkeypatch.setattr(calibrate, "labelled", labelled)
    assert calibrate.main(["--shared", str(tmp_path), "--alone-curve", "--alone-share", "0.1"]) == 0
    assert judged == [(["train"], False, True), (["dev"], False, True), (["chicago"], True, True)]  # each alone
    out = capsys.readouterr().out.splitlines()
    cut = doubt.threshold_for([(doubt.p_wrong(f, weights), w) for f, w in rows["train"]], 0.1)
    marked = [line for line in out if "(training set, right <= 0.1)" in line]
    assert len(marked) == 1 and marked[0].startswith(f"{cut:.4f}")
    assert any(line.startswith("0.3000  (shipped threshold_alone)") for line in out)
    at_low = next(line for line in out if line.startswith("0.0200"))
    assert "1.00 / 0.100 (  1/1      1/10  )" in at_low  # "b" over the cut: its wrong field and one right of ten



def test_the_corpus_bibliographies_are_the_fit_folders_under_the_shared_folder(tmp_path: Path) -> None:
    args = calibrate.arguments(["--corpus-bibs", "--shared", str(tmp_path), "--right-on-bibs", "0.1"])
    assert args.fit_bibs == [tmp_path / "corpus" / folder for folder in calibrate.CORPUS_FIT_BIBS]


def test_the_corpus_bibliographies_take_no_folder_of_their_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        calibrate.arguments(["--corpus-bibs", "--fit-bibs", "mine"])
    assert stop.value.code == 2 and "--corpus-bibs names the --fit-bibs folders itself" in capsys.readouterr().err


def test_the_corpus_bibliographies_are_under_the_shared_folder_and_apart_from_what_is_measured() -> None:
    from wild_bibliographies import bibliography_files

    args = calibrate.arguments(["--corpus-bibs"])
    if not (args.shared / "corpus").is_dir():
        pytest.skip("no shared corpus beside the repository")
    shared = args.shared.resolve()
    measured = [shared / calibrate.TRAIN, *(path.parent for path in (shared / "corpus").glob("chaudhry-heiss/*/*.jsonl"))]
    for folder in args.fit_bibs:
        assert folder.resolve().is_relative_to(shared / "corpus") and bibliography_files(folder), folder
        assert not any(path.is_relative_to(folder.resolve()) for path in measured), folder  # nothing it is measured on
