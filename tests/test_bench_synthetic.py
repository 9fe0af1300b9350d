"""The benchmarks' synthetic inputs: every size asked for is made, in a bounded number of random draws."""

from __future__ import annotations

import hashlib
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from litreview.registry.ids import isbn13

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_check
import bench_links


def bounded(budget: int) -> type[random.Random]:
    """A Random that fails the test, rather than drawing on for ever, past ``budget`` calls of randrange (which
    randint calls too)."""

    class Bounded(random.Random):
        calls = 0

        def randrange(self, *args: Any, **kwargs: Any) -> int:
            self.calls += 1
            assert self.calls <= budget, f"more than {budget:,} draws"
            return super().randrange(*args, **kwargs)

    return Bounded


def books(bib: str) -> list[dict[str, str]]:
    """The fields of each @book entry of ``synthetic_bib``'s text."""
    out = []
    for entry in bib.split("\n@"):
        if entry.lstrip("@").startswith("book{"):
            out.append(dict(re.findall(r"^ +(\w+) *= \{(.*)\},$", entry, re.MULTILINE)))
    return out


def test_a_large_bibliography_is_made_with_distinct_valid_isbns(monkeypatch: pytest.MonkeyPatch) -> None:
    # 50,000 entries (bench_scaling's largest) hold some 1,800 books of each small press, more than one
    # registrant's 1,000 title numbers: each stream of draws stays within 20 a entry.
    entries = 50_000
    monkeypatch.setattr(bench_check, "random", SimpleNamespace(Random=bounded(20 * entries)))
    made = books(bench_check.synthetic_bib(entries))
    assert len(made) == entries // 4
    given: dict[str, set[str]] = defaultdict(set)
    for book in made:
        assert isbn13(book["isbn"]), book["isbn"]
        given[isbn13(book["isbn"])].add(book["isbn"])
    # An ISBN given twice is one book's copied as written (one book in 400), never two books drawn alike.
    assert all(len(written) == 1 for written in given.values())
    assert len(given) > len(made) * (1 - 1 / 100)
    hackett = {i for i in given for p in bench_check.ISBN_PREFIXES["Hackett"] if i[3:].startswith(p.replace("-", ""))}
    assert len(hackett) > 1_000


def test_the_sizes_that_fit_one_prefix_draw_what_they_drew() -> None:
    # A prefix with room is drawn from as before: the same file, so that earlier figures stay comparable (the
    # digest is that of the 10,000 entries bench_check and bench_scaling have measured on).
    made = bench_check.synthetic_bib(10_000)
    assert [book["isbn"] for book in books(made)][:3] == ["0415752116", "978-0-8133-4286-3", "0-333-76871-X"]
    assert hashlib.sha256(made.encode()).hexdigest() == \
        "561077eff8f7e08bc2ce88877dcb2f2f694b8d7b92d8948c083d368edf9fdaaa"


def test_a_full_prefix_passes_to_the_publishers_next() -> None:
    used = {"0-87220": set(range(1_000))}
    isbn = bench_check.synthetic_isbn(random.Random(1), "Hackett", 2010, used)
    assert isbn13(isbn).startswith("978160384")
    assert len(used["1-60384"]) == 1


def test_the_last_free_number_is_found_in_bounded_draws() -> None:
    used = {"0-87220": set(range(1_000)) - {417}}
    rnd = bounded(bench_check.ISBN_DRAWS)(3)
    isbn = bench_check.synthetic_isbn(rnd, "Hackett", 1990, used)
    assert isbn.replace("-", "")[:9] == "087220417"
    assert isbn13(isbn)


def test_every_prefix_full_is_an_error_not_a_hang() -> None:
    used = {prefix: set(range(1_000)) for prefix in bench_check.ISBN_PREFIXES["Lynne Rienner"]}
    with pytest.raises(ValueError, match=r"Lynne Rienner's prefixes .* hold 3,000 books"):
        bench_check.synthetic_isbn(bounded(0)(1), "Lynne Rienner", 2000, used)


def test_a_vocabulary_larger_than_its_syllables_make_is_an_error_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_links, "_SYLLABLES", ["ka", "lo"])  # 4 + 8 + 16 words at most
    assert len(bench_links._vocabulary(random.Random(7), 20)) == 20
    with pytest.raises(ValueError, match="distinct words of the 40 asked for"):
        bench_links._vocabulary(bounded(100_000)(7), 40)
