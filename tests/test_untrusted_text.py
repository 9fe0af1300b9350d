"""Untrusted text (a pasted reference list, a registry's record, a contributor's entry) reaches the terminal,
a .bib and a spreadsheet as text: control characters are left out or shown as escapes, never acted on."""

from __future__ import annotations

import json
import re
from pathlib import Path

from litreview.cli import main

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = ("References\n\n"
           "Smith, J. (2020). A title \x1b]0;pwned\x07with \x1b[2Jescape \u202eevil\u202c. "
           "Journal of \x9b31mThings, 3(2), 1-10.\n\n"
           "Doe, A. (2019). Bell\x07 and \x00nul and \x08backspace. Press.\n")


def test_controls_are_one_set_and_white_space_stays_white_space() -> None:
    from litreview.text import visible, without_controls

    assert visible("a\x1b[2Jb\u202ec\td\ne") == "a\\x1b[2Jb\\u202ec\td\ne"
    assert without_controls("a\x1b[2Jb\u202ec\u2066d\x9be") == "abcde"
    # A terminal sequence goes whole (colours, a window title, a link); C1's one-character CSI takes only itself,
    # and an OSC with no terminator leaves its text.
    assert without_controls("A title\x1b[31m red\x1b[0m.") == "A title red."
    assert without_controls("x\x1b]8;;https://a.example\x1b\\link\x1b]8;;\x1b\\y\x1b]0;t\x07z") == "xlinkyz"
    assert without_controls("csi \x9b31mThings, osc \x1b]0;no end") == "csi 31mThings, osc ]0;no end"
    # Words stay apart at a carriage return or a form feed; a pasted text keeps its line breaks.
    assert without_controls("one\rtwo\x0cthree\x1ffour") == "one two three four"
    assert without_controls("one\x0c\x07two\r\n", breaks=True) == "one\x0ctwo\r\n"
    # Right-to-left text keeps its direction marks.
    assert without_controls("\u05e9\u05dc\u05d5\u05dd\u200f (2020)") == "\u05e9\u05dc\u05d5\u05dd\u200f (2020)"


def test_import_leaves_controls_out_of_the_bibtex_and_the_json_and_says_so(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "refs.txt"
    doc.write_text(HOSTILE, encoding="utf-8")
    assert main(["import", str(doc)]) == 0
    out, err = capsys.readouterr()
    assert "title = {A title with escape evil}," in out
    assert "title = {Bell and nul and backspace}," in out
    assert not _CONTROLS.search(out)
    assert ("left out 9 control characters (U+001B, U+0007, U+202E, U+202C, U+009B, U+0000, U+0008), with the "
            "terminal sequences they begin (\\x1b[31m) on lines 3 and 5") in err
    assert main(["import", str(doc), "--format", "json"]) == 0
    out, _ = capsys.readouterr()
    refs = json.loads(out)
    assert [r["title"] for r in refs] == ["A title with escape evil", "Bell and nul and backspace"]
    assert not _CONTROLS.search(out) and "\\u001b" not in out


def test_bibtex_values_from_a_registry_carry_no_controls() -> None:
    from litreview.bibliography.bibtex import escape
    from litreview.bibliography.write import clean, clean_verbatim

    assert escape("Taming\x1b]2;x\x07 the \u202eSovereigns") == "Taming the Sovereigns"
    assert clean("A <i>title</i>\r\nwith\x0cbreaks") == "A title with breaks"
    assert clean_verbatim("https://example.org/\x9b2J\u202ex") == "https://example.org/2Jx"


def test_a_registry_title_is_shown_as_text_by_add(capsys) -> None:
    from litreview.commands.add import Outcome, _report

    _report([Outcome("10.1/x", "added", key="k2020t", title="T\x1b]0;pwned\x07", doi="10.1/x")], "text",
            Path("refs.bib"), dry_run=False)
    out, err = capsys.readouterr()
    assert "added k2020t: T\\x1b]0;pwned\\x07 (10.1/x)" in out
    assert "\x1b" not in out + err


def test_a_registry_doi_is_shown_as_text_by_add(capsys) -> None:
    from litreview.commands.add import Outcome, _report

    _report([Outcome("smith 2020", "added", key="k2020t", title="T", doi="10.1/x\x1b]0;pwned\x07")], "text",
            Path("refs.bib"), dry_run=False)
    out, err = capsys.readouterr()
    assert "added k2020t: T (10.1/x\\x1b]0;pwned\\x07)" in out
    assert "\x1b" not in out + err


def test_json_carries_controls_as_escapes_and_reads_back_the_same(capsys) -> None:
    from litreview.commands._options import emit_json
    from litreview.jsontext import json_text

    value = {"title": "T\x1b]0;x\x07 \x9b2J\x85 \u202eevil\u202c \u2066i\u2069 é\u200f", "key\u202e": ["\x00\r"]}
    emit_json(value)
    for text in (capsys.readouterr().out, json_text(value), json_text([value, value])):
        assert not _CONTROLS.search(text)
        assert json.loads(text) in (value, [value, value])
    assert "\\u202e" in json_text(value) and "é\u200f" in json_text(value)


def test_an_error_quoting_the_input_is_shown_as_text(tmp_path: Path, monkeypatch, capsys) -> None:
    from litreview.commands import sources
    from litreview.errors import InputError

    for exc in (InputError("no entry k\x1b]0;x\x07", path="refs.bib", line=3, hint="fix \u202ethe key"),
                RuntimeError("bad value \x1b[2J")):
        def fail(*args: object, exc: BaseException = exc, **kwargs: object) -> None:
            raise exc

        monkeypatch.setattr(sources, "load_or_fail", fail)
        assert main(["sources", "--bib", str(tmp_path / "refs.bib"), "--essay", ""]) == 2
        err = capsys.readouterr().err
        assert "\x1b" not in err and "\u202e" not in err and "\\x1b" in err, err


HOSTILE_BIB = """@article{smith2020,
  author = {Smith, John},
  title = {=HYPERLINK("https://example.org/x","click")},
  journal = {+Journal},
  publisher = {@Press},
  volume = {-3},
  pages = {1--10},
  year = {2020},
}
"""


def test_csv_cells_that_begin_as_a_formula_are_text_and_json_is_untouched(tmp_path: Path, capsys) -> None:
    import csv

    bib = tmp_path / "refs.bib"
    bib.write_text(HOSTILE_BIB, encoding="utf-8")
    assert main(["sources", "--bib", str(bib), "--essay", "", "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    row = rows[0]
    assert (row["title"], row["container"], row["publisher"], row["volume"]) == (
        "'=HYPERLINK(\"https://example.org/x\",\"click\")", "'+Journal", "'@Press", "'-3")
    assert (row["key"], row["year"]) == ("smith2020", "2020") and not row["pages"].startswith("'")
    assert main(["sources", "--bib", str(bib), "--essay", "", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["title"] == '=HYPERLINK("https://example.org/x","click")' and data[0]["volume"] == "-3"


def test_spreadsheet_cell_follows_owasp() -> None:
    from litreview.commands._options import spreadsheet_cell

    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\uff1d1+1"):
        assert spreadsheet_cell(text) == "'" + text
    assert spreadsheet_cell("\r=1") == "' =1"
    assert spreadsheet_cell("Taming the sovereigns") == "Taming the sovereigns"
    assert spreadsheet_cell(-3) == -3 and spreadsheet_cell(2020) == 2020 and spreadsheet_cell("") == ""
    # A title's terminal controls are left out of the cell, also where they hid a formula.
    assert spreadsheet_cell("A \x1b]0;x\x07title\u202e") == "A title"
    assert spreadsheet_cell("\x9b=1+1") == "'=1+1"


def test_csv_printed_carries_no_terminal_control(tmp_path: Path, capsys) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{k, title = {A \x1b]0;x\x07title \u202eevil}, year = {2020}}\n", encoding="utf-8")
    assert main(["sources", "--bib", str(bib), "--essay", "", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "A title evil" in out and not _CONTROLS.search(out.replace("\r\n", "\n"))


def test_links_csv_cells_are_text(tmp_path: Path, capsys) -> None:
    import csv

    essay = tmp_path / "essay.md"
    essay.write_text("-2+3 is what Smith says [@smith2020].\n", encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(HOSTILE_BIB, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("", encoding="utf-8")
    assert main(["links", "--essay", str(essay), "--bib", str(bib), "--claims", str(tmp_path / "claims.yaml"),
                 "--metadata-dir", str(tmp_path / "none"), "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows and all(r["text"].startswith("'-2+3") for r in rows)


def test_sync_shows_the_bib_and_the_registry_as_text() -> None:
    from litreview.commands.sync import _diff

    shown = _diff("@article{k,\r\n  title = {Old\x1b]0;x\x07},\r\n}\r\n", "@article{k,\r\n  title = {New},\r\n}\r\n",
                  "refs.bib")
    assert "-  title = {Old\\x1b]0;x\\x07}," in shown.splitlines()
    assert "+  title = {New}," in shown.splitlines() and "\r" not in shown and "\x1b" not in shown


def test_links_warnings_show_the_claims_file_as_text(tmp_path: Path, capsys) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text("Smith says so [@smith2020].\n", encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(HOSTILE_BIB, encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text('groups:\n  - claim: p1-s1-2\n    anchor:\n      exact: "Gone\\e]0;pwned\\a sentence."\n'
                      "links: []\n", encoding="utf-8")
    assert main(["links", "--essay", str(essay), "--bib", str(bib), "--claims", str(claims),
                 "--metadata-dir", str(tmp_path / "none")]) == 0
    err = capsys.readouterr().err
    assert "Gone\\x1b]0;pwned\\x07 sentence." in err and "\x1b" not in err


def test_import_refuses_a_reference_longer_than_any_with_its_place(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "refs.txt"
    doc.write_text("Intro.\n\nReferences\n\nDoe, A. (2019). Title. Press.\n\nSmith, J. (2020). "
                   + "word " * 10_000 + ". Press.\n", encoding="utf-8")
    assert main(["import", str(doc)]) == 2
    err = capsys.readouterr().err
    assert re.search(r"refs\.txt:5: reference 2 of the list from this line is 50,0\d\d characters long "
                     r"\(more than 50,000\)", err)
    assert '"Smith, J. (2020). word word word' in err and "hint: a list is cut into references" in err
    assert "Traceback" not in err


def test_site_text_carries_no_direction_override_nor_c1_control() -> None:
    from litreview.render.sanitize import clean_text, esc, one_line

    # An override in a title would show the rest of its line on the page reversed ("4:bib.yhpargoilbib").
    assert esc("Con title \u202eevil</a>") == "Con title evil&lt;/a&gt;"
    assert clean_text("a\x9b2Jb\x1b\u2066c\x00d") == "a2Jbcd"
    # Words stay apart at a form feed or a next line, as in every text without controls; line ends stay.
    assert clean_text("one\r\ntwo\x0cthree\x85four\rfive") == "one\r\ntwo three four\rfive"
    assert one_line("Title\u202e\r\nsecond line") == "Title second line"


def test_retraction_notices_show_registry_titles_and_keys_as_written() -> None:
    from litreview.registry.report import _shown

    assert _shown("Taming the Sovereigns: Institutional Change & War") == "Taming the Sovereigns: Institutional Change & War"
    assert _shown("holsti2004taming", bold=True) == "**holsti2004taming**"
    # An image, a link, a mention that notifies a team, an issue reference: all shown as text.
    assert _shown('<img src="https://example.org/t.gif"> [x](https://e.org) @acme/everyone #12') == (
        '`<img src="https://example.org/t.gif"> [x](https://e.org) @acme/everyone #12`')
    assert _shown("a `b` c\n\x1b[2Jd") == "``a `b` c d``"
    assert _shown("`edge`") == "`` `edge` ``"
    # A bare URL and a "GH-12" reference are links on GitHub too.
    assert _shown("See https://example.org/x") == "`See https://example.org/x`"
    assert _shown("Fixes GH-12", bold=True) == "`Fixes GH-12`"
