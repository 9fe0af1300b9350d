"""UTF-16 saved with no byte order mark (valid UTF-8: a NUL after each ASCII letter) is named, not misread."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.bibliography.load import load_bibliography
from litreview.errors import ClaimsFileError, ConfigError
from litreview.essay import NOTICES, load_essay
from litreview.fileio import utf16_without_bom

BIB = "@book{holsti2004, author = {Holsti, K. J.}, title = {Taming the Sovereigns}, year = {2004}}\n"


@pytest.mark.parametrize(("codec", "told"), [("utf-16-le", "utf_16_le"), ("utf-16-be", "utf_16_be")])
def test_told_by_the_nul_in_every_other_byte(codec: str, told: str) -> None:
    assert utf16_without_bom("Caf\u00e9 and more text.\n".encode(codec)) == told


@pytest.mark.parametrize("raw", [b"", b"a\x00", b"Plain text.\n", b"A NUL\x00 in UTF-8 text, once.\n",
                                 "With its mark.\n".encode("utf-16"), "Odd length.\n".encode("utf-16-le") + b"x"])
def test_other_bytes_are_not(raw: bytes) -> None:
    assert utf16_without_bom(raw) is None


def test_a_bibtex_file_is_read_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the hint's command names the file as typed here
    path = tmp_path / "refs.bib"
    path.write_bytes(BIB.encode("utf-16-le"))  # was a syntax error at line 2: "a valid name expected"
    bib = load_bibliography(path)
    assert bib.keys == ("holsti2004",)
    assert [(p.code, p.line) for p in bib.problems] == [("LR105", 1)]
    assert "iconv -f UTF-16LE -t UTF-8 refs.bib" in bib.problems[0].hint


def test_a_csl_yaml_file_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "refs.yaml"
    path.write_bytes("references:\n- id: aca1\n  type: book\n  title: T\n".encode("utf-16-be"))
    bib = load_bibliography(path)  # was read as no entries, with no word of why
    assert bib.keys == ("aca1",) and [p.code for p in bib.problems] == ["LR105"]


def test_an_essay_is_read_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_bytes("---\nbibliography: refs.bib\n---\n\nA claim [@holsti2004].\n".encode("utf-16-le"))
    essay = load_essay(path)  # its front matter was not found, so neither was the bibliography it names
    assert essay.meta["bibliography"] == "refs.bib"
    assert [(n[0], n[2]) for n in essay.meta[NOTICES]] == [("essay-not-utf8", 1)]


def test_settings_and_claims_files_stop_with_the_encoding(tmp_path: Path) -> None:
    from litreview.config import load_config
    from litreview.linking.curated import load_curated

    (tmp_path / "litreview.toml").write_bytes('essay = "essay.md"\n'.encode("utf-16-le"))
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert err.value.line == 1 and "UTF-16LE" in err.value.message and "iconv -f UTF-16LE" in err.value.hint
    (tmp_path / "claims.yaml").write_bytes("links: []\n".encode("utf-16-le"))
    with pytest.raises(ClaimsFileError) as err:  # was "a character YAML does not allow (U+0000)"
        load_curated(tmp_path / "claims.yaml")
    assert "UTF-16LE" in err.value.message


def test_with_its_byte_order_mark_utf16_is_told_too() -> None:
    from litreview.fileio import utf16_codec

    assert utf16_codec("Caf\u00e9.\n".encode("utf-16")) == "utf_16"
    assert utf16_codec("Caf\u00e9.\n".encode("utf-16-le")) == "utf_16_le"
    assert utf16_codec("Caf\u00e9.\n".encode("utf-32")) is None  # its mark starts as UTF-16LE's
    assert utf16_codec(b"\xff\xfe\x00\xd8") is None  # a lone surrogate: no UTF-16
    assert utf16_codec(b"\xef\xbb\xbfCaf\xc3\xa9.\n") is None


def test_a_bibtex_file_with_its_byte_order_mark_is_read_and_reported_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the hint's command names the file as typed here
    # Windows Notepad's "Unicode": every entry was a syntax error ("a valid name expected"), every citation unresolved.
    path = tmp_path / "refs.bib"
    path.write_bytes((BIB + BIB.replace("holsti2004", "other2004")).encode("utf-16"))
    bib = load_bibliography(path)
    assert bib.keys == ("holsti2004", "other2004")
    assert [(p.code, p.line) for p in bib.problems] == [("LR105", 1)]
    assert "UTF-16 (with a byte order mark)" in bib.problems[0].message
    assert "iconv -f UTF-16 -t UTF-8 refs.bib" in bib.problems[0].hint


def test_an_essay_with_its_byte_order_mark_is_read_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_bytes("---\nbibliography: refs.bib\n---\n\nA claim [@holsti2004].\n".encode("utf-16"))
    essay = load_essay(path)  # was a stop, "essay is not valid UTF-8 (byte 0xff at offset 0)"
    assert essay.meta["bibliography"] == "refs.bib"
    assert [(n[0], n[2]) for n in essay.meta[NOTICES]] == [("essay-not-utf8", 1)]
    assert [c.text for c in essay.claims] == ["A claim [@holsti2004]."]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_a_utf16_essays_front_matter_references_are_its_sources(tmp_path: Path, codec: str) -> None:
    from litreview.config import Config
    from litreview.review import build_review

    (tmp_path / "e.md").write_bytes(("---\nreferences:\n- id: doe2001\n  type: book\n  title: A Book\n"
                                     "---\n\nA claim [@doe2001].\n").encode(codec))
    review = build_review(Config(root=str(tmp_path), essay="e.md", claims=""), with_checks=False)
    assert review.bibliography.keys == ("doe2001",)  # was "bibliography not found": the references went unread
