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


@pytest.mark.parametrize(("year", "volume"), [("container", "container"), ("title", "date"), ("date", "date")])
def test_the_year_and_the_volume_as_the_model_may_read_them(year: str, volume: str) -> None:
    """The year in parentheses read as the run's first word, or the volume read as a date, still opens the run."""
    from litreview.bibliography.refparse.features import tokenize
    from litreview.bibliography.refparse.relabel_journal_names import journal_between_volume_and_page
    from litreview.bibliography.refparse.tagger import Tagged

    text = "Doe J, ‘A Study of Banks’ (1999) 41 Water Law 233"
    labels = ["author", "author", "title", "title", "title", "title", year, volume, "container", "container",
              "container"]
    tagged = [Tagged(tok, label, 1.0, 0.0, 0.0, "") for tok, label in zip(tokenize(text), labels, strict=True)]
    assert [t.label for t in journal_between_volume_and_page(tagged)][-6:] == [
        "title", "date", "volume", "journal", "journal", "pages"]
    # a year read as a name's is no year of this form: left as read
    names = [t._replace(label="author") if t.token.text == "(1999)" else t for t in tagged]
    assert journal_between_volume_and_page(names) == names


def test_a_quoted_title_keeps_its_first_word() -> None:
    ref = parse_reference("Roe B, ‘Twice-Told, Once Heard: Stories and Their Listeners’ (1995) 12 Journal of Folk Tales 40")
    assert ref.title == "Twice-Told, Once Heard: Stories and Their Listeners"
    assert [p.family for p in ref.authors] == ["Roe"]
    assert (ref.container, ref.volume, ref.pages) == ("Journal of Folk Tales", "12", "40")
