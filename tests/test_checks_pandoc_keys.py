"""Citation keys with punctuation, as pandoc reads them: in a citation (where a key ends) and in a .bib file (what its
BibTeX reader refuses), and what ``litreview check`` says of a manuscript pandoc builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.cli import main

ENTRY = "@book{{{key},\n  author = {{Doe, A.}},\n  title = {{Work {n}}},\n  publisher = {{P}},\n  year = {{2001}},\n}}\n"


def _check(tmp_path: Path, capsys: pytest.CaptureFixture[str], essay: str, keys: list[str],
           name: str = "essay.md") -> list[dict[str, object]]:
    (tmp_path / name).write_text(essay, encoding="utf-8")
    (tmp_path / "refs.bib").write_text("".join(ENTRY.format(key=k, n=n) for n, k in enumerate(keys)), encoding="utf-8")
    main(["check", "--essay", str(tmp_path / name), "--bib", str(tmp_path / "refs.bib"), "--claims", "",
          "--format", "json"])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["findings"]
    return [f for f in found if f["code"] != "LR137"]


def test_keys_with_the_punctuation_pandoc_allows_are_cited_and_resolved(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # pandoc's BibTeX reader takes each of these keys, and its Markdown reader each citation of them (a trailing
    # full stop, comma, colon or question mark ends the key; a key with "(", "'", "=" or "[" is cited in braces).
    keys = ["doe:2001", "roe.2002", "ann/b", "what?2004", "x+y", "q(1)", "a'b", "e=mc2", "sq[1]x"]
    essay = ("Colon [@doe:2001]. Dotted @roe.2002 says. Slash [@ann/b]. Query [@what?2004]. Plus [@x+y].\n"
             "Trailing @doe:2001. And @roe.2002, then @ann/b: also @what?2004? Yes [@{q(1)}; @{a'b}; "
             "@{e=mc2}; @{sq[1]x}].\n")
    assert _check(tmp_path, capsys, essay, keys) == []


@pytest.mark.parametrize("bad", ["<", ">", "~", "#", "|", "^", "\u2013"])
def test_a_key_pandoc_refuses_in_a_bib_file_is_an_error_of_a_pandoc_manuscript(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    # pandoc 3.9 refuses the whole file ("unexpected '<'"): the document does not render. Before: "No problems found".
    key = f"lt{bad}gt2005"
    found = _check(tmp_path, capsys, f"Cite [@{{{key}}}] and [@ok].\n", ["ok", key])
    assert [(f["code"], f["severity"], f["line"], f["key"]) for f in found] == [("LR100", "error", 7, key)], found
    assert f"holds {bad!r}" in str(found[0]["message"]) and f"unexpected '{bad}'" in str(found[0]["message"])


def test_a_latex_paper_is_not_told_what_pandoc_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # BibTeX and biber read the key: a paper they build renders.
    essay = "\\documentclass{article}\n\\begin{document}\nCite \\cite{lt<gt}.\n\\bibliography{refs}\n\\end{document}\n"
    assert _check(tmp_path, capsys, essay, ["lt<gt"], name="paper.tex") == []


def test_a_key_pandoc_ends_early_is_named_whole_in_the_hint(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # "@c++2003": "+" followed by "+" ends the key, pandoc cites @c; the hint names the entry and how to write it.
    found = _check(tmp_path, capsys, "Plus [@c++2003]. Also (@c++2003). And @e=mc2 here.\n",
                   ["c++2003", "cc", "e=mc2"])
    unresolved = [(f["message"], f["hint"]) for f in found if f["code"] == "LR300"]
    assert [message for message, _ in unresolved] == [f"citation '@{k}' matches no entry" for k in "cce"], found
    for (_, hint), whole in zip(unresolved, ["c++2003", "c++2003", "e=mc2"], strict=True):
        assert f"The bibliography has {whole!r}" in str(hint) and f"write @{{{whole}}}" in str(hint), hint
