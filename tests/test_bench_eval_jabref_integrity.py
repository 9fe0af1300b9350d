"""``bench/eval_jabref_integrity.py --dev-only``: the dev examples judged and printed alone, no held column or count."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_jabref_integrity


def _example(value: str, *, dev: bool) -> dict[str, object]:
    """An ISSN example whose split is ``dev`` (the script's rule: sha1's first byte even), its value suffixed till so."""
    for n in range(100):
        row = {"checker": "ISSNChecker", "mode": "both", "field": "issn", "value": f"{value}{' ' * n}",
               "invalid": True}
        text = "|".join(str(row[k]) for k in ("checker", "mode", "field", "value"))
        if (hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0) is dev:
            return row
    raise AssertionError("no value of that split")


def test_dev_only_judges_and_prints_the_dev_examples_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    rows = [_example("1234-5678", dev=True), _example("1234-567X", dev=False),
            {"checker": "TitleChecker", "mode": "both", "field": "title", "value": "x", "invalid": True}]
    examples = tmp_path / "examples.jsonl"
    examples.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    judged: list[str] = []
    real = eval_jabref_integrity.entry_text
    monkeypatch.setattr(eval_jabref_integrity, "entry_text", lambda row, w: judged.append(row["value"]) or real(row, w))
    monkeypatch.setattr(sys, "argv", ["eval_jabref_integrity.py", "--examples", str(examples), "--dev-only"])
    assert eval_jabref_integrity.main() == 0
    out = capsys.readouterr().out
    assert "held" not in out
    assert set(judged) == {rows[0]["value"]}
    assert "1/1" in next(line for line in out.splitlines() if line.startswith("ISSNChecker"))
