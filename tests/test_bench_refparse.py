"""bench_refparse's stage breakdown times the parser's own pipeline: its readings are parse_references' readings."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_refparse

from litreview.bibliography.refparse import parse_references

STRINGS = [
    "Keohane, R. O., & Martin, L. L. (1995). The promise of institutionalist theory. International Security, 20(1), 39–51.",
    "Doe J, Roe R. Zur Semantik geschichtlicher Zeiten. Suhrkamp; 1979.",
    "Smith, Anna. 2020. “A Title.” Ecography, n/a–n/a. https://doi.org/10.1111/ecog.01234.",  # the unpaged stand-in
    "Waltz, Kenneth N. Theory of International Politics. Reading, MA: Addison-Wesley, 1979.",
    "Bull H. The Anarchical Society: A Study of Order in World Politics. 2nd ed. London: Macmillan; 1995. 329 p.",
    "Finnemore, M., and K. Sikkink. 1998. International norm dynamics and political change. "
    "International Organization 52 (4): 887-917.",
    "[10] E. Garnett, P. Yang, Nano Lett. 2010, 10, 1082.",  # the combination takes from the rules' reading here
    "",
]


def test_the_stages_give_the_readings_parse_references_gives() -> None:
    readings, seconds = bench_refparse.staged(STRINGS)
    assert readings == parse_references(STRINGS)
    assert list(seconds) == list(bench_refparse.STAGES)
    assert all(s >= 0.0 for s in seconds.values())
