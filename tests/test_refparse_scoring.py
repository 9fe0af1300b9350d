"""The reference-parsing evaluation's scorer: how anystyle's gold spans are read (bench/eval_refparse.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from eval_refparse import _anystyle_gold, compare, norm_pages, norm_volume

from litreview.bibliography.refparse import parse_reference


@pytest.mark.parametrize(("gold", "volume"), [
    ("70 (3),", "70"), ("v, 184,", "184"), ("Vol. 81, No. 5,", "81"),
    ("2012;30(15):", "30"), ("1994;2(4):", "2"),  # Vancouver: the date glued to the volume
    ("(Vol. 1,", "1"),
    ("Bd. 16, Nr. 2,", "16"), ("Jg. 7,", "7"), ("t. 12,", "12"), ("tomo 3,", "3"),  # German, French, Spanish labels
    ("[online] 10(4),", "10"), ("[online] 5,", "5"),  # Harvard's note before the volume
    ("Т. 42. № 1.", "42"), ("том 3,", "3"),  # GOST's Russian label
])
def test_the_volume_number_of_a_gold_span(gold: str, volume: str) -> None:
    assert norm_volume(gold) == volume


@pytest.mark.parametrize(("gold", "pages"), [
    ("pp. 333–55.", "333-355"), ("pages 393-397,", "393-397"),
    ("S. 83–109).", "83-109"),  # German "Seite"
    ("707-718 [hep-th/0011193].", "707-718"),  # a bracketed note after the range
])
def test_the_page_range_of_a_gold_span(gold: str, pages: str) -> None:
    assert norm_pages(gold) == pages


def test_a_vancouver_date_and_a_doi_link_are_read_as_the_parsers_report_them() -> None:
    gold = _anystyle_gold({"volume": "2012;30(15):", "url": "http://dx.doi.org/10.3789/isqv25no2.2013.01."})
    assert gold["year"] == "2012" and gold["doi"].endswith("10.3789/isqv25no2.2013.01.")
    plain = _anystyle_gold({"date": "1999", "volume": "12(3):", "url": "https://example.org/paper"})
    assert plain["year"] == "1999" and plain["doi"] == ""


@pytest.mark.parametrize(("volume", "pages"), [
    ("137(3):311–321.", "311–321"), ("5(10):101046", "101046"), ("2019;364:l1234.", "l1234"), ("12(111):e0213456.", "e0213456"),
    ("2012;30(15):", ""), ("vol. 12", ""), ("12(3)", ""),
])
def test_the_pages_after_the_colon_of_a_gold_volume_run_are_the_pages(volume: str, pages: str) -> None:
    # one token has one label: the synthetic references label Vancouver's "5(10):101046" (an article's number) all as
    # the volume, as anystyle labels "137(3):311–321."
    assert _anystyle_gold({"volume": volume})["pages"] == pages


@pytest.mark.parametrize("head", ["In: ", "in ", "En ", "Dans ", "Em ", "Im "])
def test_the_word_before_a_gold_container_is_no_part_of_its_name(head: str) -> None:
    # the synthetic labelling joins the style's "In:" ("En" in Spanish, "Dans" in French) to the container after it;
    # the parser reads the name without it
    assert _anystyle_gold({"journal": f"{head}Social Policy & Administration"})["container"] == "Social Policy & Administration"
    assert parse_reference("Hipp, L. Market forces. En Social Policy, 2008, vol. 42, pp. 77-101.").container == "Social Policy"


def test_fewer_than_two_folds_is_a_usage_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    import eval_refparse

    with pytest.raises(SystemExit) as exc:
        eval_refparse.main(["--folds", "0"])
    assert exc.value.code == 2
    assert "--folds must be at least 2" in capsys.readouterr().err


def test_the_joining_evaluation_numbers_a_list_in_turn_and_compares_without_labels() -> None:
    from eval_joining import _unlabelled, numbered_in_turn, score, wrapped

    assert numbered_in_turn(["8 Baez JC. A.", "[12] A. Smith, B.", "3. Doe J. C."]) == [
        "1 Baez JC. A.", "[2] A. Smith, B.", "3. Doe J. C."]
    # numbered throughout or not at all: a list of some numbered strings loses its numbers; a year is no number
    assert numbered_in_turn(["Baez, J. A.", "8 Smith J. B."]) == ["Baez, J. A.", "Smith J. B."]
    assert numbered_in_turn(["Baez, J. A.", "1998 Smith J. B."]) == ["Baez, J. A.", "1998 Smith J. B."]
    assert _unlabelled("8.  Baez JC.  A.") == _unlabelled("8 Baez JC. A.") == "Baez JC. A."
    assert all(len(line) <= 30 for line in wrapped(["Holsti, K. J. Taming the Sovereigns. Cambridge, 2004."], 30))
    two = ["Holsti, K. J. 2004. Taming the Sovereigns. Cambridge: Cambridge University Press.",
           "Wendt, Alexander. 1999. Social Theory of International Politics. Cambridge: Cambridge University Press."]
    assert score(two) == (2, 2, 2, 2)


def test_the_joining_evaluation_sets_a_list_as_a_pdf_does() -> None:
    from eval_joining import pdf_text, score, typeset

    lines = typeset("Smith, J. 2012. Representations of internationalisation. https://doi.org/10.1016/j.worlddev.2014.10.025.", 45)
    assert all(len(line) <= 45 for line in lines)
    assert lines[0].endswith("-") and not lines[0].endswith(" -")  # a word of small letters hyphenated
    assert any(line.endswith(("/", ".")) and "doi" in line for line in lines[1:-1])  # the DOI broken where the line ends
    assert "".join(line.removesuffix("-") if k == 0 else line for k, line in enumerate(lines)).replace(" ", "") \
        == "Smith,J.2012.Representationsofinternationalisation.https://doi.org/10.1016/j.worlddev.2014.10.025."
    refs = [f"Holsti, K. J. {year}. Taming the Sovereigns and their institutions. Cambridge: Cambridge University Press."
            for year in range(1990, 2010)]
    text = pdf_text(refs, 50, 1).splitlines()
    assert text[:2] == ["References", ""] and any(line.startswith("    ") for line in text)  # a hanging indent
    assert any(line.strip().isdigit() for line in text)  # a page number
    assert score(refs[:2], pdf=True) == (2, 2, 2, 2)


def test_a_place_written_inside_the_gold_publisher_is_the_place_and_the_publisher_read() -> None:
    from eval_refparse import compare

    from litreview.bibliography.refparse.reference import ParsedReference

    ref = ParsedReference(raw="Keohane RO. After hegemony. Princeton: Princeton University Press, 1984.",
                          place="Princeton", publisher="Princeton University Press")
    assert compare("publisher", ref.publisher, "Princeton: Princeton University Press,", ref, False) == (True, True, True)
    berlin = ParsedReference(raw="x", place="Berlin Heidelberg", publisher="Springer")
    assert compare("publisher", "Springer", "Springer Berlin Heidelberg,", berlin, False) == (True, True, True)
    wrong = ParsedReference(raw="x", place="Oxford", publisher="Clarendon")
    assert compare("publisher", "Clarendon", "Princeton: Princeton University Press,", wrong, False)[2] is False
    assert compare("publisher", "Clarendon", "", wrong, False) == (True, False, False)


@pytest.mark.parametrize(("raw", "field", "gold"), [
    ("Fox J. 2016. Applied regression analysis. [place unknown]: Sage.", "publisher", "[place unknown]: Sage."),
    ("Boumans JW. Taking stock. Digital Journalism [en ligne]. Taylor & Francis, 2016, Vol. 4.", "publisher",
     "[en ligne]. Taylor & Francis,"),
    ("Doe J. 2010. Set member c. [place unknown].", "title", "Set member c. [place unknown]."),
])
def test_a_medium_or_an_imprint_printed_as_unknown_is_no_part_of_the_gold(raw: str, field: str, gold: str) -> None:
    # the synthetic labelling joins "[place unknown]:" and "[en ligne]." to the field after them
    ref = parse_reference(raw)
    assert compare(field, getattr(ref, field), gold, ref, chicago=False) == (True, True, True)


def test_dev_only_cross_validation_prints_no_held_styles_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import eval_refparse

    from litreview.bibliography.refparse import train

    row = ("Doe, J. 2001. A study of things. Journal of Studies 3: 1-9.",
           _anystyle_gold({"author": "Doe, J.", "date": "2001.", "title": "A study of things.",
                           "journal": "Journal of Studies", "volume": "3:", "pages": "1-9."}))
    (tmp_path / "corpus").mkdir()
    monkeypatch.setattr(eval_refparse, "anystyle_rows", lambda shared: iter([row]))
    monkeypatch.setattr(eval_refparse, "chicago_full_rows", lambda shared: iter([row]))
    monkeypatch.setattr(eval_refparse, "chicago_rows", lambda shared: iter([row]))
    monkeypatch.setattr(train, "synthetic", lambda *args, **kwargs: [])
    monkeypatch.setattr(eval_refparse, "cross_validate", lambda *args, **kwargs: {"": eval_refparse.read_all([row])})
    monkeypatch.setattr(eval_refparse, "speed", lambda *args, **kwargs: 1.0)

    def no_held(shared: Path) -> None:
        raise AssertionError("the held styles were rendered")

    monkeypatch.setattr(eval_refparse, "held_synthetic", no_held)
    assert eval_refparse.main(["--dev-only", "--shared", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "3-fold CV" in out and "dev 250" in out and "held" not in out


def test_a_link_the_synthetic_labelling_took_for_the_publisher_is_no_publishers_gold() -> None:
    from eval_refparse import synthetic_rows

    from litreview.bibliography.refparse.corpus import Labelled

    # pandoc reads BibTeX's howpublished (a \url{...}) as CSL's publisher, joined to the institution by "; ": a style
    # prints the link where the publisher goes, and the labelling from the fields calls it the publisher
    joined = Labelled((("author", "CONWAY, Lucinda."), ("title", "Regulation of advertising."), ("date", "2025."),
                       ("publisher", "House of Commons Library; https://commonslibrary.parliament.uk/sn06130/.")))
    alone = Labelled((("author", "UK PARLIAMENT."), ("title", "Online safety act."), ("date", "2023."),
                      ("publisher", "https://www.legislation.gov.uk/ukpga/2023/50")))
    (raw, gold), (_, bare) = synthetic_rows([joined, alone])
    assert raw == joined.text
    assert gold["publisher"] == "House of Commons Library;" and bare["publisher"] == ""
    kept = Labelled((("title", "Title."), ("publisher", "Springer."), ("url", "https://example.org/x")))
    assert synthetic_rows([kept])[0][1]["publisher"] == "Springer."


def test_styles_of_your_choosing_are_read_and_the_held_ones_refused():
    import argparse

    from eval_refparse import styles_arg

    from litreview.bibliography.refparse.synth import HELD_STYLES

    assert styles_arg("elife, iso690-author-date-en , revue-francaise-de-sociologie:fr-FR") == (
        ("elife", ""), ("iso690-author-date-en", ""), ("revue-francaise-de-sociologie", "fr-FR"))
    with pytest.raises(argparse.ArgumentTypeError, match="held"):
        styles_arg(f"elife,{HELD_STYLES[0][0]}")
    with pytest.raises(argparse.ArgumentTypeError):
        styles_arg(" , ")
