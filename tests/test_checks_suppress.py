"""Suppression: per code and per entry in the configuration, per entry with a field in the .bib."""

from __future__ import annotations

from datetime import UTC, datetime

from litreview.bibliography.load import parse_bibliography
from litreview.checks import check_review
from litreview.checks.suppress import parse_codes
from litreview.config import Config
from litreview.model import Review

NOW = datetime(2026, 6, 1, tzinfo=UTC)
TEXT = """@online{uscode10,
  title   = {U.S. Code: Title 10 -- Armed Forces},
  url     = {https://www.law.cornell.edu/uscode/text/10},
  urldate = {2018-12-03},
}

@online{uscode22,
  title   = {U.S. Code: Title 22 -- Foreign Relations},
  url     = {https://www.law.cornell.edu/uscode/text/22},
  urldate = {2018-12-04},%s
}

@book{holsti2004taming,
  author    = {Holsti, K. J.},
  title     = {Taming the Sovereigns},
  publisher = {Cambridge University Press},
  year      = {2004},
}
"""


def result(config: Config, extra: str = ""):
    review = Review(bibliography=parse_bibliography(TEXT % extra, "refs.bib"))
    return check_review(review, config, now=NOW)


def pairs(findings) -> list[tuple[str, str | None]]:
    return [(f.code, f.key) for f in findings]


def test_nothing_suppressed_by_default() -> None:
    r = result(Config())
    assert pairs(r.findings) == [("LR136", "uscode10"), ("LR136", "uscode22"), ("LR137", "holsti2004taming")]
    assert r.suppressed == ()


def test_suppress_a_code_everywhere() -> None:
    r = result(Config(suppress=("LR136",)))
    assert pairs(r.findings) == [("LR137", "holsti2004taming")]
    assert pairs(r.suppressed) == [("LR136", "uscode10"), ("LR136", "uscode22")]


def test_suppress_a_family_by_prefix() -> None:
    assert pairs(result(Config(suppress=("LR13",))).findings) == []


def test_suppress_codes_for_one_entry_in_the_configuration() -> None:
    r = result(Config(suppress_entries={"uscode10": ("lr136",)}))
    assert pairs(r.findings) == [("LR136", "uscode22"), ("LR137", "holsti2004taming")]


def test_suppress_codes_for_one_entry_in_the_bib() -> None:
    r = result(Config(), "\n  litreview-suppress = {LR136, LR305},")
    assert pairs(r.findings) == [("LR136", "uscode10"), ("LR137", "holsti2004taming")]
    assert pairs(r.suppressed) == [("LR136", "uscode22")]


def test_unknown_codes_are_reported_where_written() -> None:
    r = result(Config(suppress=("LR999",), source_file="pyproject.toml"), "\n  litreview-suppress = {LR136 LR77x}")
    unknown = [(f.message, f.file, f.line) for f in r.findings if f.code == "LR190"]
    # Sorted by file: pyproject.toml before refs.bib.
    assert unknown == [("suppress names unknown code 'LR999'", "pyproject.toml", None),
                       ("litreview-suppress names unknown code 'LR77X'", "refs.bib", 7)]


def test_parse_codes() -> None:
    assert parse_codes("{LR203, lr305}") == ("LR203", "LR305")
    assert parse_codes("LR203;LR305 LR1") == ("LR203", "LR305", "LR1")
    assert parse_codes("") == ()
