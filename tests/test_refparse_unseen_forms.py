"""Reference forms of styles the model was not trained on, read by the rules after the tagger: a web address in
square brackets after the title (Italian humanities styles)."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.fields import is_url


@pytest.mark.parametrize(("word", "expected"), [
    ("[https://github.com/a/b],", True),
    ("(https://example.org/x).", True),
    ("<https://example.org/x>", True),
    ("[manuscrit]", False),
    ("(2019)", False),
])
def test_a_web_address_in_brackets_is_one_address(word, expected):
    assert is_url(word) is expected


def test_a_bracketed_web_address_after_the_title_is_the_url_not_the_titles():
    # made by hand in the form civilta-italiana prints a web page: "Author, Title [URL], consultato il D/M/YYYY."
    ref = parse_reference("pandas, pandas-dev/pandas [https://github.com/pandas-dev/pandas], consultato il 3/4/2021.")
    assert ref.title == "pandas-dev/pandas"
    assert ref.url == "https://github.com/pandas-dev/pandas"
