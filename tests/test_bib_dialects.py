"""Bibliographies as their tools write them (biblatex aliases, CSL sources' hints, remote resources), checked
end to end through ``litreview check``; what the file means is what biber or pandoc make of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.cli import main

ALIASED = "@book{newkey,\n  ids = {oldkey, older},\n  author = {Doe, Jane},\n  title = {A Title},\n" \
          "  publisher = {P},\n  year = {2001},\n}\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("LITREVIEW_BIB", "LITREVIEW_ESSAY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    main(["check", "--no-cache", "--format", "json", "--claims", "", *args])
    return json.loads(capsys.readouterr().out)["findings"]


def codes(found: list[dict[str, object]]) -> list[str]:
    return sorted(str(f["code"]) for f in found)


def test_latex_citing_an_ids_alias_cites_the_entry_as_biber_does(here: Path, capsys) -> None:
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.tex").write_text("\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n"
                                "\\begin{document}\nAs shown before \\cite{oldkey} and \\parencite{older}.\n"
                                "\\end{document}\n", encoding="utf-8")
    assert codes(findings(capsys, "--essay", "p.tex")) == []


def test_latex_key_of_its_own_wins_over_an_alias(here: Path, capsys) -> None:
    other = "@book{oldkey,\n  author = {Roe, Ann},\n  title = {Other},\n  publisher = {P},\n  year = {1999},\n}\n"
    (here / "refs.bib").write_text(ALIASED + "\n" + other, encoding="utf-8")
    (here / "p.tex").write_text("\\begin{document}\nAs shown \\cite{oldkey}.\n\\end{document}\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.tex", "--bib", "refs.bib")
    assert [(f["code"], f["key"]) for f in found] == [("LR307", "newkey")]


def test_markdown_citing_an_alias_names_the_entry_pandoc_does_not_resolve_it(here: Path, capsys) -> None:
    # pandoc --citeproc: "citation oldkey not found"; the entry is not unused, the citation is wrong.
    (here / "refs.bib").write_text(ALIASED, encoding="utf-8")
    (here / "p.md").write_text("As shown [@oldkey].\n", encoding="utf-8")
    found = findings(capsys, "--essay", "p.md", "--bib", "refs.bib")
    assert codes(found) == ["LR300"]
    assert "alias" in str(found[0]["message"]) and "@newkey" in str(found[0]["hint"])
