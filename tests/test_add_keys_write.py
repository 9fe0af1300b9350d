"""Citation keys by pattern, BibTeX entries from registry records, and byte-preserving appends."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.bibliography.keys import check_pattern, make_key, significant_words
from litreview.bibliography.load import load_bibliography, parse_bibliography
from litreview.bibliography.write import append_entries, clean, entry_text, page_range, person, protect
from litreview.errors import ConfigError
from litreview.model import Person, RegistryRecord
from litreview.text import fold_ascii

ROOT = Path(__file__).parents[1]


def test_default_pattern_reproduces_the_essay_keys() -> None:
    # The essay's keys were made by hand in the Better BibTeX style; the two U.S. Code keys are not.
    bib = load_bibliography(ROOT / "refs" / "bibliography.bib")
    made = {s.key: make_key(s.authors or s.editors, s.year, s.title, []) for s in bib.sources}
    differ = {k: v for k, v in made.items() if k != v}
    assert differ == {"uscode10": "uscode", "uscode22": "uscode"}


@pytest.mark.parametrize(("people", "year", "title", "key"), [
    ([Person("Holsti", "K. J.")], 2004, "Taming the Sovereigns", "holsti2004taming"),
    ([Person("Bull", "Hedley")], 2012, "The Anarchical Society", "bull2012anarchical"),
    ([Person("Sarkesian", "Sam C.")], 2013, "US National Security", "sarkesian2013us"),
    ([Person("Müller-Lüdenscheidt", "Hans")], 1999, "Über die Freiheit", "mullerludenscheidt1999uber"),
    ([Person("Neumann", "John", prefix="von")], 1944, "Theory of Games", "neumann1944theory"),
    ([], 2007, "Protocol for the Modern Diplomat", "protocol2007modern"),
    ([], None, "U.S. Code: Title 10", "uscode"),
    ([Person("O'Brien", "Ann")], 2020, "A Study", "obrien2020study"),
])
def test_make_key(people, year, title, key) -> None:
    assert make_key(people, year, title, []) == key


def test_collisions_get_a_b_c() -> None:
    taken = ["holsti2004taming", "Holsti2004TamingA"]
    assert make_key([Person("Holsti")], 2004, "Taming", taken) == "holsti2004tamingb"
    many = ["x2000y"] + [f"x2000y{chr(c)}" for c in range(ord("a"), ord("z") + 1)]
    assert make_key([Person("X")], 2000, "Y", many) == "x2000yaa"


def test_other_patterns() -> None:
    people = [Person("Keohane", "Robert O."), Person("Nye", "Joseph S.")]
    assert make_key(people, 2012, "Power and Interdependence", [], "{authors2}{year}") == "keohanenye2012"
    assert make_key(people, 2012, "Power and Interdependence", [], "{family}_{words2}") == "keohane_powerinterdependence"
    with pytest.raises(ConfigError, match="unknown placeholders"):
        check_pattern("{family}{month}")
    with pytest.raises(ConfigError, match="no placeholder"):
        check_pattern("fixed")


@pytest.mark.parametrize("pattern", ["{family:>99999999999}", "{year!r}", "{family}{word:.3}"])
def test_a_pattern_formatting_a_placeholder_is_refused(pattern: str) -> None:
    # The width asked for ~100 GB of padding: a MemoryError, not a message.
    with pytest.raises(ConfigError, match="formats a placeholder"):
        make_key([Person("Doe")], 2021, "A Study", [], pattern)


def test_words_and_folding() -> None:
    assert significant_words("The Anarchical Society: A Study of Order") == ["anarchical", "society", "study", "order"]
    assert fold_ascii("Ørsted Æsop Straße") == "orstedaesopstrasse"


def test_clean_makes_registry_text_safe() -> None:
    # One escape rule for every writer (bibliography.bibtex.escape): braces and backslashes are text.
    assert clean("Cats & <i>dogs</i> {100%} $5 #1 a_b \\x") == r"Cats \& dogs \{100\%\} \$5 \#1 a\_b \textbackslash{}x"
    assert clean("  many\n  spaces &amp; entities ") == r"many spaces \& entities"
    assert protect("NATO and the iPhone in McNamara's War") == "{NATO} and the {iPhone} in {McNamara}'s War"
    assert protect("{NATO} already") == "{NATO} already"


def test_people_and_pages() -> None:
    assert person(Person("Holsti", "K. J.")) == "Holsti, K. J."
    assert person(Person("World Bank")) == "{World Bank}"
    assert person(Person("Neumann", "John", prefix="von")) == "von Neumann, John"
    assert person(Person("King", "Martin Luther", suffix="Jr")) == "King, Jr, Martin Luther"
    assert person(Person("Smith and Sons", "A.")) == "{Smith and Sons}, A."
    assert page_range("448-488") == "448--488"
    assert page_range("e1234") == "e1234"


def test_chapter_entry() -> None:
    record = RegistryRecord(doi="10.4324/9780203892992.ch4", agency="crossref", type="book-chapter",
                            title="Intelligence Theory and Theories of International Relations",
                            authors=(Person("Phythian", "Mark"),), year=2008, container="Intelligence Theory",
                            pages="54-72", publisher="Routledge", url="https://example.org/chapter")
    assert entry_text(record, "phythian2008intelligence") == (
        "@incollection{phythian2008intelligence,\n"
        "  author    = {Phythian, Mark},\n"
        "  title     = {Intelligence Theory and Theories of International Relations},\n"
        "  booktitle = {Intelligence Theory},\n"
        "  pages     = {54--72},\n"
        "  publisher = {Routledge},\n"
        "  year      = {2008},\n"
        "  doi       = {10.4324/9780203892992.ch4},\n"
        "  url       = {https://example.org/chapter},\n"
        "}\n")


def test_hostile_record_still_parses() -> None:
    record = RegistryRecord(doi="10.5555/x}", agency="crossref", type="journal-article",
                            title="Closing } brace @book{evil, and % comment",
                            authors=(Person("Doe}", "J{"),), year=2020, container="J } of Tests")
    text = entry_text(record, "doe2020closing")
    parsed = parse_bibliography(text)
    assert parsed.problems == ()
    assert [s.key for s in parsed.sources] == ["doe2020closing"]
    assert parsed.sources[0].title == "Closing brace @bookevil, and % comment"


@pytest.mark.parametrize(("original", "expected"), [
    (b"", b"@misc{k,\n}\n"),
    (b"@misc{a,\n}\n", b"@misc{a,\n}\n\n@misc{k,\n}\n"),
    (b"@misc{a,\n}\n\n", b"@misc{a,\n}\n\n@misc{k,\n}\n"),
    (b"@misc{a,\n}", b"@misc{a,\n}\n\n@misc{k,\n}\n"),
    (b"@misc{a,\r\n}\r\n", b"@misc{a,\r\n}\r\n\r\n@misc{k,\r\n}\r\n"),
])
def test_append_keeps_the_original_as_a_prefix(original: bytes, expected: bytes) -> None:
    assert append_entries(original, ["@misc{k,\n}\n"]) == expected


def test_append_nothing_is_identity() -> None:
    assert append_entries(b"anything", []) == b"anything"
