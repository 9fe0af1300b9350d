"""The law styles' article (OSCOLA, McGill): a journal printed between its volume and its first page."""

from __future__ import annotations

import pytest

from litreview.bibliography.refparse import parse_reference


@pytest.mark.parametrize(("raw", "container", "volume", "pages"), [
    ("Doe J, ‘A Study of River Banks and Their Owners’ (1999) 41 Journal of Water Law 233",
     "Journal of Water Law", "41", "233"),
    ("Roe, Anna, « Les rivières et leurs riverains » (2004) 17:3 Revue de droit rural 201‑219.",
     "Revue de droit rural", "17", "201–219"),
    ("Moe, Karl, « Screening of new alloys by machine learning » (2016) 71:4 Physical Review B 084110.",
     "Physical Review B", "71", "084110"),
    ("Poe R and others, ‘Ownership of the Foreshore’ (2011) 88 Coastal Law Review 12 <https://example.org/a> "
     "accessed 2 May 2020", "Coastal Law Review", "88", "12"),
])
def test_journal_between_volume_and_page(raw: str, container: str, volume: str, pages: str) -> None:
    ref = parse_reference(raw)
    assert (ref.container, ref.volume, ref.pages) == (container, volume, pages)
    assert ref.title and ref.title[0].isupper() and not ref.title.endswith(container)


def test_an_unquoted_title_before_the_year_is_left_as_read() -> None:
    from litreview.bibliography.refparse.features import tokenize
    from litreview.bibliography.refparse.relabel_journal_names import journal_between_volume_and_page
    from litreview.bibliography.refparse.tagger import Tagged

    text = "Doe J, A Study of Banks (1999) 41 Water Law 233"
    labels = ["author", "author", "title", "title", "title", "title", "date", "title", "title", "title", "title"]
    tagged = [Tagged(tok, label, 1.0, 0.0, 0.0, "") for tok, label in zip(tokenize(text), labels, strict=True)]
    assert journal_between_volume_and_page(tagged) == tagged
    marks = {"A": "‘A", "Banks": "Banks’"}
    quoted = [t._replace(token=t.token._replace(text=marks.get(t.token.text, t.token.text))) for t in tagged]
    assert [t.label for t in journal_between_volume_and_page(quoted)][-4:] == ["volume", "journal", "journal", "pages"]


def test_a_quoted_title_keeps_its_first_word() -> None:
    ref = parse_reference("Roe B, ‘Twice-Told, Once Heard: Stories and Their Listeners’ (1995) 12 Journal of Folk Tales 40")
    assert ref.title == "Twice-Told, Once Heard: Stories and Their Listeners"
    assert [p.family for p in ref.authors] == ["Roe"]
    assert (ref.container, ref.volume, ref.pages) == ("Journal of Folk Tales", "12", "40")
