"""siunitx's quantities in a LaTeX manuscript's claims, as the PDF prints them (and pandoc 3.9's LaTeX reader: "9.81 m
s⁻²", "1 %–5 %", "2.5 × 10⁻³ mol"); the claims read the number alone, and "\\SIrange{1}{5}{\\percent}" as "15"."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.essay import load_essay
from litreview.essay.latex_units import number_text, unit_text


@pytest.mark.parametrize(("written", "shown"), [
    ("\\SI{9.81}{\\metre\\per\\second\\squared}", "9.81 m s⁻²"), ("\\qty{2}{\\kilo\\gram}", "2 kg"),
    ("\\SI[per-mode=symbol]{3}{\\kilo\\metre\\per\\hour}", "3 km h⁻¹"), ("\\SI{3}{\\square\\metre}", "3 m²"),
    ("\\SIrange{1}{5}{\\percent}", "1 %–5 %"), ("\\numrange{1}{5}", "1–5"), ("\\SI{2.5e-3}{\\mole}", "2.5 × 10⁻³ mol"),
    ("\\SIlist{1;2;3}{\\metre}", "1 m, 2 m and 3 m"), ("\\ang{30}", "30°"), ("\\SI{10}{\\degreeCelsius}", "10 °C"),
    ("\\si{\\micro\\litre}", "μl"), ("\\SI{2}{mg/L}", "2 mg/L"), ("\\num{1e3}", "1 × 10³")])
def test_a_quantity_reads_as_printed(tmp_path: Path, written: str, shown: str) -> None:
    (tmp_path / "p.tex").write_text("\\documentclass{article}\n\\begin{document}\n"
                                    f"We measured {written} in all \\cite{{a}}.\n\\end{{document}}\n", encoding="utf-8")
    assert [c.text for c in load_essay(tmp_path / "p.tex").claims] == [f"We measured {shown} in all [@{{a}}]."]


def test_units_and_numbers_alone() -> None:
    assert unit_text("\\milli\\gram\\per\\deci\\litre") == "mg dl⁻¹"
    assert unit_text("\\metre\\tothe{4}") == "m⁴" and unit_text("") == ""
    assert number_text(" 12345 ") == "12345" and number_text("e5") == "10⁵"
