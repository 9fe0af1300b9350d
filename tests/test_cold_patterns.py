"""Patterns a check needs only for some documents are compiled only where those documents ask for them."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_citation_body_with_no_comma_or_semicolon_is_one_item_without_the_items_pattern() -> None:
    out = _run("""
        from litreview.linking import author_date
        print(author_date._segments("herein DOD"), "finditer" in vars(author_date._ITEMS))
        print(author_date._segments("Roe 2010; Doe 2012"))
    """)
    assert out.splitlines() == ["[('herein DOD', 0)] False", "[('Roe 2010', 0), (' Doe 2012', 9)]"]


def test_the_pattern_of_a_further_year_is_compiled_when_first_asked() -> None:
    out = _run("""
        from litreview.bibliography.load import parse_bibliography
        from litreview.linking.index import build_index
        from litreview.linking.printed_years import year_forms
        forms = year_forms(build_index(parse_bibliography("@book{roe, author = {Roe, Ann}, year = {2010}}")))
        print("match" in vars(forms.more), forms.more.match(", 2012b").group("y", "s"), "match" in vars(forms.more))
    """)
    assert out == "False ('2012', 'b') True"
