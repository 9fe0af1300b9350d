"""refparse.noise: rendered references made untidy, deterministically, each word keeping its label."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse.corpus import Labelled
from litreview.bibliography.refparse.noise import KINDS, messy, named, noisy

REFS = [
    Labelled((("author", "Pagallo, G., & Haussler, D."), ("date", "(1990)."),
              ("title", "“Boolean Feature Discovery in Empirical Learning.”"), ("journal", "Machine Learning,"),
              ("volume", "vol. 5, no. 1,"), ("pages", "pp. 71-99."))),
    Labelled((("author", "Harrington, Anne."), ("title", "Medicine, Mind, and the Double Brain."),
              ("location", "Princeton:"), ("publisher", "Princeton University Press,"), ("date", "1987."))),
    Labelled((("author", "Nilsson, N. J."), ("title", "Probabilistic Logic."), ("journal", "Artificial Intelligence"),
              ("volume", "28, no. 1"), ("date", "(1986):"), ("pages", "71–87."))),
] + [Labelled((("author", f"Author{n}, A."), ("title", f"Title Number {n}."), ("date", f"{1990 + n}.")))
         for n in range(40)]


def test_the_same_references_come_out_the_same() -> None:
    assert noisy(REFS, 0.5) == noisy(list(REFS), 0.5)
    assert [messy(r) for r in REFS] == [messy(r) for r in REFS]


def test_share_zero_changes_nothing_and_a_share_changes_about_that_many() -> None:
    assert noisy(REFS, 0.0) == REFS
    changed = sum(a != b for a, b in zip(REFS, noisy(REFS, 0.5), strict=True))
    assert 8 <= changed <= 35


def test_each_change_keeps_the_labels_in_order() -> None:
    for ref in REFS:
        for kind in KINDS:
            out = messy(ref, (kind,))
            labels = [label for label, _ in out.segments]
            assert labels == [label for label, _ in ref.segments]  # no field lost, none reordered
            assert all(text.strip() for _, text in out.segments)


def test_the_changes_are_the_untidy_ones_of_real_lists() -> None:
    first = REFS[0]
    assert "“" not in messy(first, ("unquote",)).text and "”" not in messy(first, ("unquote",)).text
    shortened = dict(messy(first, ("connectives",)).segments)
    assert shortened["pages"] in ("71-99.", "p. 71-99.", "pp 71-99.")
    place = dict(messy(REFS[1], ("commas",)).segments)["location"]
    assert place == "Princeton,"


def test_the_kinds_are_named_by_a_comma_list_in_one_order() -> None:
    assert named("ocr, connectives") == ("connectives", "ocr")
    assert named(",".join(KINDS)) == tuple(KINDS)
    for bad in ("ocr,typos", "", " , "):
        with pytest.raises(ValueError, match="kind of noise"):
            named(bad)


def test_the_train_command_refuses_an_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    from litreview.bibliography.refparse.train import main

    with pytest.raises(SystemExit) as exit_:
        main(["--noise-kinds", "typos"])
    assert exit_.value.code == 2 and "no such kind of noise: typos" in capsys.readouterr().err


def test_copies_join_their_originals_instead_of_replacing_them() -> None:
    replaced, added = noisy(REFS, 0.5), noisy(REFS, 0.5, copies=True)
    assert [r for r in added if r in REFS] == REFS  # every original kept, in order
    assert [r for r in added if r not in REFS] == [r for r in replaced if r not in REFS]
    assert len(added) == len(REFS) + sum(r not in REFS for r in replaced)
