"""Synthetic labelled references: fields wrapped in sentinels, rendered by a CSL style, labels recovered."""

from __future__ import annotations

from typing import Any

import pytest

from litreview.bibliography.refparse import synth, synth_records

ITEM: dict[str, Any] = {
    "id": "x", "type": "article-journal", "title": "A study of things", "container-title": "Journal of Tests",
    "author": [{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "Kim"}],
    "volume": "12", "issue": "3", "page": "101-119", "issued": {"date-parts": [[2010]]},
}


def _wrap(label: str, text: str) -> str:
    return f"{synth._START[label]}{text}{synth._END}"


def test_unpaired_sentinels_drop_the_entry() -> None:
    assert synth.label_entry(ITEM, f"{_wrap('author', 'Doe')}, J. {synth._START['title']}A study") is None
    assert synth.label_entry(ITEM, f"Doe{synth._END}, J. {_wrap('title', 'A study of things')}.") is None


def test_a_first_page_printed_twice_drops_the_entry() -> None:
    rendered = f"{_wrap('author', 'Doe')}, J. 101. {_wrap('title', 'A study of things')}. 101–119."
    assert synth.label_entry(ITEM, rendered) is None


def test_given_names_years_pages_and_connectives_join_their_fields() -> None:
    rendered = (f"{_wrap('author', 'Doe')}, J., & {_wrap('author', 'Roe')}, K. (2010). "
                f"{_wrap('title', 'A study of things?')}. In {_wrap('journal', 'Journal of Tests')}, "
                f"vol. {_wrap('volume', '12')}, pp. 101–19.")
    ref = synth.label_entry(ITEM, rendered)
    assert ref is not None
    assert ref.segments == (("author", "Doe, J., & Roe, K."), ("date", "(2010)."), ("title", "A study of things?"),
                            ("journal", "In Journal of Tests,"), ("volume", "vol. 12,"), ("pages", "pp. 101–19."))


def test_and_others_closing_the_names_is_the_names() -> None:
    # MHRA's and the Italian styles' "and others" for names left out: the authors', not the title's first word
    rendered = (f"{_wrap('author', 'Doe')}, Jane, and others, ‘{_wrap('title', 'A study of things')}’, "
                f"{_wrap('journal', 'Journal of Tests')}, {_wrap('volume', '12')} (2010), 101–19.")
    ref = synth.label_entry(ITEM, rendered)
    assert ref is not None and ref.segments[:2] == (("author", "Doe, Jane, and others,"), ("title", "‘A study of things’,"))


@pytest.mark.parametrize("term", ["[kein Datum]", "[no date]", "o. J.", "[s.d.]"])
def test_a_no_date_term_of_any_locale_or_style_is_labelled_date(term: str) -> None:
    undated = {k: v for k, v in ITEM.items() if k != "issued"}
    rendered = f"{_wrap('author', 'DOE')}, Jane, {term}. {_wrap('title', 'A study of things')}."
    ref = synth.label_entry(undated, rendered)
    assert ref is not None
    assert ref.segments[1] == ("date", f"{term}.")


@pytest.fixture(scope="module")
def tools() -> tuple[str, Any]:
    try:
        return synth.tools()
    except synth.Unavailable as exc:
        pytest.skip(f"pandoc or the CSL styles are missing: {exc}")


@pytest.mark.parametrize(("style", "segments"), [
    ("apa", (("author", "Doe, J., & Roe, K."), ("date", "(2010)."), ("title", "A study of things."),
             ("journal", "Journal of Tests,"), ("volume", "12(3),"), ("pages", "101–119."))),
    ("ieee", (("number", "[1]"), ("author", "J. Doe and K. Roe,"), ("title", "“A study of things,”"),
              ("journal", "Journal of Tests,"), ("volume", "vol. 12, no. 3,"), ("pages", "pp. 101–119,"),
              ("date", "2010."))),
])
def test_rendered_entries_are_labelled_by_field(tools: tuple[str, Any], style: str,
                                                segments: tuple[tuple[str, str], ...]) -> None:
    pandoc, folder = tools
    rendered = synth.render(pandoc, folder / f"{style}.csl", "", [ITEM])
    ref = synth.label_entry(ITEM, rendered["x"])
    assert ref is not None
    assert ref.segments == segments


def test_a_bibliography_of_ones_own_rendered_and_labelled(tools: tuple[str, Any], tmp_path: Any) -> None:
    bib = tmp_path / "mine.bib"
    bib.write_text("@article{a, author = {Doe, Jane and Roe, Karl}, title = {A study of things}, journal = {Journal of "
                   "Tests}, volume = {12}, number = {3}, pages = {101--119}, year = {2010}}\n"
                   "@article{b, author = {Doe, Jane and Roe, Karl}, title = {A study of things}, journal = {Journal of "
                   "Tests}, volume = {12}, number = {3}, pages = {101--119}, year = {2010}}\n", encoding="utf-8")
    refs = synth.make_from([bib], [("apa", ""), ("ieee", "")], per_entry=None)
    assert len(refs) == 2  # the repeated entry once, in each style
    assert [dict(r.segments)["title"] for r in refs] == ["A study of things.", "“A study of things,”"]


@pytest.mark.parametrize(("name", "text"), [
    ("mine.json", '[{"id": "a", "type": "article-journal", "title": "A study of things", "author": [{"family": "Doe", '
                  '"given": "Jane"}], "container-title": "Journal of Tests", "volume": "12", "page": "101-119", '
                  '"issued": {"date-parts": [[2010]]}}]\n'),
    ("mine.yaml", "---\nreferences:\n- id: a\n  type: article-journal\n  title: A study of things\n  author:\n"
                  "  - family: Doe\n    given: Jane\n  container-title: Journal of Tests\n  volume: 12\n"
                  "  page: 101-119\n  issued:\n    date-parts: [[2010]]\n...\n"),
])
def test_a_csl_bibliography_of_ones_own_rendered_and_labelled(tools: tuple[str, Any], tmp_path: Any, name: str,
                                                              text: str) -> None:
    bib = tmp_path / name
    bib.write_text(text, encoding="utf-8")
    refs = synth.make_from([bib], [("apa", "")], per_entry=None)
    assert [dict(r.segments).get("title") for r in refs] == ["A study of things."]


@pytest.mark.parametrize("text", [
    "- ID: up\n  type: book\n  title: Upper\n- id: low\n  type: book\n  title: Lower\n",
    "---\nreferences:\n- Id: up\n  type: book\n  title: Upper\n- id: low\n  type: book\n  title: Lower\n...\n",
])
def test_a_yaml_bibliography_is_read_as_pandocs_bibliography_option_reads_it(tools: tuple[str, Any], tmp_path: Any,
                                                                             text: str) -> None:
    # pandoc 3.9's --bibliography reads an item by its "id" alone: "ID: up" is no item there (the markdown reader
    # takes it, read as front matter), so the refparse gold held an entry pandoc never prints.
    bib = tmp_path / "refs.yaml"
    bib.write_text(text, encoding="utf-8")
    pandoc, _ = tools
    items = synth_records.pandoc_reading(pandoc, bib, timeout=60)
    assert items == [{"id": "low", "title": "Lower", "type": "book"}], items


def test_training_without_pandoc_refuses_with_a_way_out(monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from litreview.bibliography.refparse import train

    def missing() -> tuple[str, Any]:
        raise synth.Unavailable("pandoc is needed to render the synthetic references: pip install pypandoc-binary")

    data = tmp_path / "one.xml"
    data.write_text("<dataset><sequence><author>Doe, J.</author><title>A study.</title></sequence></dataset>",
                    encoding="utf-8")
    (tmp_path / "bibtex-suites").mkdir()
    monkeypatch.setattr(synth, "tools", missing)
    monkeypatch.setattr(train, "SYNTHETIC", 10)
    out = tmp_path / "m.crfsuite"
    assert train.main(["--data", str(data), "--corpus", str(tmp_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "pypandoc-binary" in err and "--no-synthetic" in err
    assert not out.exists()


WEB: dict[str, Any] = {
    "id": "w", "type": "webpage", "title": "Data is the new oil", "container-title": "Marketing Maestros",
    "author": [{"family": "Palmer", "given": "Michael"}], "URL": "http://example.org/oil.html",
    "issued": {"date-parts": [[2006, 11, 14]]},
}


def test_a_web_page_names_its_site_as_container_and_its_day_and_month_as_date() -> None:
    rendered = (f"{_wrap('author', 'Palmer')}, M. (2006, November 14). {_wrap('title', 'Data is the new oil')}. "
                f"{_wrap('container', 'Marketing Maestros')}. {_wrap('url', 'http://example.org/oil.html')}")
    ref = synth.label_entry(WEB, rendered)
    assert ref is not None
    assert ref.segments == (("author", "Palmer, M."), ("date", "(2006, November 14)."),
                            ("title", "Data is the new oil."), ("container", "Marketing Maestros."),
                            ("url", "http://example.org/oil.html"))


def test_a_closing_quote_alone_stays_with_the_title() -> None:
    rendered = (f"{_wrap('author', 'Palmer')}, Michael. 2006. « {_wrap('title', 'Data is the new oil')} ». "
                f"{_wrap('container', 'Marketing Maestros')}, novembre.")
    ref = synth.label_entry(WEB, rendered)
    assert ref is not None
    assert ref.segments[2:] == (("title", "« Data is the new oil »."), ("container", "Marketing Maestros,"),
                                ("date", "novembre."))


def test_web_pages_of_csl_records_need_a_site_a_url_and_sane_names(tmp_path: Any) -> None:
    import json

    records = [WEB | {"note": "loaded by a lookup tool"}, WEB | {"id": "n", "container-title": None},
               WEB | {"id": "u", "URL": None}, WEB | {"id": "a", "author": [{"family": "2012", "given": ""}]},
               WEB | {"id": "j", "type": "article-journal"}]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert synth_records.web_pages(path) == [WEB]
    path.write_text("{not json", encoding="utf-8")
    assert synth_records.web_pages(path) == []


def test_the_words_before_a_link_are_a_note_as_anystyle_labels_them() -> None:
    rendered = (f"{_wrap('author', 'Palmer')}, M. (2006, November 14). {_wrap('title', 'Data is the new oil')}. "
                f"Available at: {_wrap('url', 'http://example.org/oil.html')}")
    ref = synth.label_entry(WEB, rendered)
    assert ref is not None
    assert ref.segments[-2:] == (("note", "Available at:"), ("url", "http://example.org/oil.html"))


def test_in_before_a_field_that_is_no_container_drops_the_entry() -> None:
    paper = ITEM | {"type": "paper-conference", "container-title": None, "publisher": "IEEE"}
    rendered = f"{_wrap('author', 'Doe')}, J. {_wrap('title', 'A study of things')}. In: {_wrap('publisher', 'IEEE')}, 2010."
    assert synth.label_entry(paper, rendered) is None
    rendered = f"{_wrap('author', 'Doe')}, J. {_wrap('title', 'A study of things')}. In: {_wrap('container', 'Proc.')}, 2010."
    ref = synth.label_entry(paper | {"container-title": "Proc."}, rendered)
    assert ref is not None and ref.segments[-2] == ("container", "In: Proc.,")


def test_a_container_holding_the_conference_dates_drops_the_entry() -> None:
    paper = ITEM | {"type": "paper-conference", "container-title": "ISCAS 2015, Lisbon, Portugal, May 24-27, 2015"}
    rendered = (f"{_wrap('author', 'Doe')}, J. {_wrap('title', 'A study of things')}. "
                f"In {_wrap('container', paper['container-title'])}, 2010.")
    assert synth.label_entry(paper, rendered) is None
    assert synth.label_entry(paper | {"container-title": "ISCAS 2015"}, rendered.replace(
        ", Lisbon, Portugal, May 24-27, 2015", "")) is not None


def test_training_held_and_dev_styles_are_disjoint_groups():
    from litreview.bibliography.refparse import synth

    groups = {"train": synth.TRAIN_STYLES, "held": synth.HELD_STYLES, "dev": synth.DEV_STYLES,
              "dev 2": synth.DEV_STYLES_2, "dev 3": synth.DEV_STYLES_3}
    names = {group: {style for style, _ in styles} for group, styles in groups.items()}
    for group, styles in groups.items():
        assert len(set(styles)) == len(styles), f"{group}: a style listed twice in one language"
    seen: dict[str, str] = {}
    for group, styles in names.items():
        for style in styles:
            assert style not in seen, f"{style} is in both {seen.get(style)} and {group}"
            seen[style] = group


def test_every_listed_style_is_installed():
    from litreview.bibliography.refparse import synth

    try:
        _, folder = synth.tools()
    except synth.Unavailable as exc:
        pytest.skip(str(exc))
    listed = synth.TRAIN_STYLES + synth.HELD_STYLES + synth.DEV_STYLES + synth.DEV_STYLES_2 + synth.DEV_STYLES_3
    assert [style for style, _ in listed if not (folder / f"{style}.csl").is_file()] == []


def test_the_access_phrases_from_and_the_sites_website_are_the_note_not_the_site() -> None:
    seen = WEB | {"accessed": {"date-parts": [[2021, 5, 3]]}}
    rendered = (f"{_wrap('author', 'Palmer')}, M. (2006, November 14). {_wrap('title', 'Data is the new oil')}. "
                f"Retrieved May 3, 2021, from {_wrap('container', 'Marketing Maestros')} website: "
                f"{_wrap('url', 'http://example.org/oil.html')}")
    ref = synth.label_entry(seen, rendered)
    assert ref is not None
    assert ref.segments[-4:] == (("note", "Retrieved May 3, 2021, from"), ("container", "Marketing Maestros"),
                                 ("note", "website:"), ("url", "http://example.org/oil.html"))


def test_an_editors_role_of_several_words_is_the_names() -> None:
    chapter = {"id": "c", "type": "chapter", "title": "Talk menschlich", "container-title": "Talk Show",
               "author": [{"family": "Höfer", "given": "Werner"}],
               "editor": [{"family": "Barloewen", "given": "Constantin", "non-dropping-particle": "von"},
                          {"family": "Brandenberg", "given": "Hans"}], "issued": {"date-parts": [[1975]]}}
    rendered = (f"{_wrap('author', 'Höfer')}, Werner, «{_wrap('title', 'Talk menschlich')}», Constantin von "
                f"{_wrap('editor', 'Barloewen')}, Hans {_wrap('editor', 'Brandenberg')} (a cura di), "
                f"{_wrap('container', 'Talk Show')}, 1975.")
    ref = synth.label_entry(chapter, rendered)
    assert ref is not None
    assert ref.segments[2:4] == (("editor", "Constantin von Barloewen, Hans Brandenberg (a cura di),"),
                                 ("container", "Talk Show,"))
