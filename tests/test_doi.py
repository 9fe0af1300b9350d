"""DOI normalisation, validation, URL encoding and safe snapshot file names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from litreview.doi import (
    doi_path,
    doi_prefix,
    doi_problem,
    doi_url,
    entry_doi,
    hashed_name,
    is_valid_doi,
    normalize_doi,
    snapshot_name,
)

SICI = "10.1002/(SICI)1097-0118(199711)26:3<119::AID-JGT1>3.0.CO;2-U"
HASH = "10.1002/(SICI)1521-3951(199911)216:1<135::AID-PSSB135>3.0.CO;2-#"
ESA = "10.1890/0012-9615(1999)069[0569:EDILSA]2.0.CO;2"


@pytest.mark.parametrize(("raw", "expected"), [
    ("10.1080/09636410500323187", "10.1080/09636410500323187"),
    ("doi:10.1080/09636410500323187", "10.1080/09636410500323187"),
    ("DOI: 10.4324/9780203892992.ch4", "10.4324/9780203892992.ch4"),
    ("https://doi.org/10.7554/eLife.01567", "10.7554/elife.01567"),
    ("http://dx.doi.org/10.4018/978-1-4666-9588-7.les2", "10.4018/978-1-4666-9588-7.les2"),
    ("  {10.1177/1354066101007004006} ", "10.1177/1354066101007004006"),
    ("https://doi.org/10.1002/(SICI)1521-3951(199911)216:1%3C135::AID-PSSB135%3E3.0.CO;2-%23", HASH.lower()),
    ("info:doi/10.1000/182", "10.1000/182"),
])
def test_normalize_strips_prefixes_and_folds_case(raw: str, expected: str) -> None:
    assert normalize_doi(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # BibTeX exports escape a DOI's characters for styles that print it as text: DBLP and Zotero "\_",
    # Mendeley "{\_}" and "{\textless}"/"{\textgreater}", JabRef "$<$"/"$>$"
    ("10.1007/978-3-662-46370-3\\_13", "10.1007/978-3-662-46370-3_13"),
    ("10.1007/978-3-662-46370-3{\\_}13", "10.1007/978-3-662-46370-3_13"),
    ("https://doi.org/10.1007/978-3-662-46370-3{\\_}13", "10.1007/978-3-662-46370-3_13"),
    ("10.1007/978-3-662-46370-3\\textunderscore{}13", "10.1007/978-3-662-46370-3_13"),
    ("10.1002/(SICI)1097-0118(199711)26:3{\\textless}119::AID-JGT1{\\textgreater}3.0.CO;2-U", SICI.lower()),
    ("10.1002/(SICI)1097-0118(199711)26:3\\textless{}119::AID-JGT1\\textgreater{}3.0.CO;2-U", SICI.lower()),
    ("10.1002/(SICI)1097-0118(199711)26:3$<$119::AID-JGT1$>$3.0.CO;2-U", SICI.lower()),
    ("10.1002/(SICI)1521-3951(199911)216:1<135::AID-PSSB135>3.0.CO;2-{\\#}", HASH.lower()),
])
def test_latex_escapes_of_every_exporter_are_one_doi(raw: str, expected: str) -> None:
    from litreview.doi import latex_escaped

    assert normalize_doi(raw) == expected and not doi_problem(raw)
    assert latex_escaped(raw)  # and LR121 asks for the DOI unescaped


@pytest.mark.parametrize(("raw", "expected"), [
    # A link made from an escaped DOI: the escape, percent-encoded, is dropped once the link is decoded.
    ("https://doi.org/10.1002/(SICI)1097-0118(199711)26:3%24%3C%24119::AID-JGT1%24%3E%243.0.CO;2-U", SICI.lower()),
    ("https://doi.org/10.1007/978-3-662-46370-3%5C_13", "10.1007/978-3-662-46370-3_13"),
    ("https://doi.org/10.1007/978-3-662-46370-3%7B%5C_%7D13", "10.1007/978-3-662-46370-3_13"),
    ("https://doi.org/10.1000/x%24%3C%24", "10.1000/x<"),
])
def test_latex_escapes_inside_a_percent_encoded_link_are_dropped(raw: str, expected: str) -> None:
    assert normalize_doi(raw) == expected


@pytest.mark.parametrize("doi", [
    "10.1080/09636410500323187", "10.4324/9780203892992.ch4", "10.1007/978-1-349-23773-9_7",
    SICI, HASH, ESA, "10.1890/0012-9658(2006)87[2832:tiopma]2.0.co;2", "10.1021/ac00033a001",
    "10.1207/s15327752jpa8902_07", "10.12345678/x",
    "10.978.8898392/315", "10.1000.10/123",  # a registrant code divided at full stops: an ISBN-A, the Handbook's
])
def test_real_doi_shapes_are_valid(doi: str) -> None:
    assert is_valid_doi(doi), doi_problem(doi)


def test_a_divided_registrant_code_is_found_in_text_but_a_short_one_is_not() -> None:
    from litreview.doi import find_doi
    assert find_doi("ISBN-A doi:10.978.8898392/315.") == ("10.978.8898392/315", 7, 29)
    assert find_doi("see 10.97.1/2 and 10.12/x") is None


@pytest.mark.parametrize(("doi", "words"), [
    ("", "empty"),
    ("10.5555/lr bad", "white space"),
    ("11.1080/0963", "'10.'"),
    ("10.1080", "no '/'"),
    ("10.1.1.87.5230", "CiteSeerX document id"),  # every stage that asks gives the reason, not "no '/'"
    ("10.123/abc", "its prefix '10.123' is not '10.' and 4 to 9 digits"),
    ("10.97.1/2", "its prefix '10.97.1' is not"),
    ("10.1234/", "has no suffix"),  # copied without its suffix
    ("10.1080/0963‑6410", "unexpected characters"),  # U+2011 non-breaking hyphen
    ("10.1080/09636410500323187.", "punctuation"),
    ("10.1080/abc\"def", "pattern"),
])
def test_malformed_dois_say_why(doi: str, words: str) -> None:
    assert not is_valid_doi(doi)
    assert words in doi_problem(doi)


def test_prefix() -> None:
    assert doi_prefix("https://doi.org/10.1080/09636410500323187") == "10.1080"


@pytest.mark.parametrize(("doi", "path"), [
    ("10.1080/09636410500323187", "10.1080%2F09636410500323187"),
    (SICI, "10.1002%2F%28sici%291097-0118%28199711%2926%3A3%3C119%3A%3Aaid-jgt1%3E3.0.co%3B2-u"),
    (HASH, "10.1002%2F%28sici%291521-3951%28199911%29216%3A1%3C135%3A%3Aaid-pssb135%3E3.0.co%3B2-%23"),
    (ESA, "10.1890%2F0012-9615%281999%29069%5B0569%3Aedilsa%5D2.0.co%3B2"),
    ("10.1234/a/../b", "10.1234%2Fa%2F..%2Fb"),
])
def test_doi_path_encodes_every_reserved_character(doi: str, path: str) -> None:
    assert doi_path(doi) == path


def test_snapshot_names_are_readable_and_distinct() -> None:
    assert snapshot_name("10.1080/09636410500323187") == "10.1080%2F09636410500323187.json"
    assert snapshot_name("10.1080/X") == snapshot_name("doi:10.1080/x")
    assert snapshot_name("10.1000/a/b") != snapshot_name("10.1000/a%2Fb")


def test_long_dois_get_a_hashed_name_under_the_limit() -> None:
    long_a = "10.1000/" + "a" * 300
    long_b = "10.1000/" + "a" * 299 + "b"
    assert len(snapshot_name(long_a)) <= 160
    assert snapshot_name(long_a) != snapshot_name(long_b)
    assert hashed_name("http://example.org/x").endswith(".json")


@given(st.text(min_size=1, max_size=400))
def test_no_doi_can_name_a_file_outside_the_folder(text: str) -> None:
    name = snapshot_name(text)
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert name not in (".json", "..json") and not name.startswith(".")
    folder = Path("/snapshot/doi")
    assert (folder / name).parent == folder
    assert len(name.encode("utf-8")) <= 255


@pytest.mark.parametrize(("doi", "url", "expected"), [
    ("10.1000/xyz.", "", "10.1000/xyz"),  # the sentence's full stop
    ("https://doi.org/10.1000/xyz;", "", "https://doi.org/10.1000/xyz"),
    ("10.1000/xyz", "https://doi.org/10.1000/other", "10.1000/xyz"),  # the doi field wins
    ("", "https://doi.org/10.1000/xyz.", "10.1000/xyz"),
    ("", "https://dx.doi.org/10.1000/A%23B", "10.1000/A#B"),
    ("", "https://example.org/10.1000/xyz", ""),  # not a DOI link
    ("", "https://doi.org/10.1000/x y", ""),
    ("10.1000/x y.", "", "10.1000/x y."),  # malformed either way: left for LR120 to report as written
])
def test_entry_doi(doi: str, url: str, expected: str) -> None:
    assert entry_doi(doi, url) == expected


def test_a_malformed_doi_reason_does_not_repeat_the_doi() -> None:
    # The caller names the DOI as its user wrote it; the reason repeating it (lower-cased) stuttered.
    assert doi_problem("10.1234/ABC def") == "contains white space or control characters"


def test_a_short_doi_is_linked_to_doi_org_which_resolves_it() -> None:
    # The site printed doi = {10/bqhp9z} unlinked, as a malformed DOI; https://doi.org/10/bqhp9z redirects to the DOI.
    assert doi_url("10/BQHP9Z") == "https://doi.org/10/BQHP9Z"
    assert doi_url("doi:10/bqhp9z") == "https://doi.org/10/bqhp9z"
    # Close cases: no shortDOI, no link; the registries are still not asked for one (it is no DOI they know).
    assert doi_url("10/") is None and doi_url("10/ab") is None
    assert doi_problem("10/bqhp9z")
