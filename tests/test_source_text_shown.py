"""Where litreview quotes a Markdown manuscript's text (``links``' sentences, evidence and locators, ``check``'s
quotations and excerpts, the site's cards), it shows it as the essay page does: pandoc's escaped space ``\\ `` is
the no-break space pandoc reads, not a backslash ("«\\ mot\\ »" is "« mot »")."""

from __future__ import annotations

import json
import re
from pathlib import Path

from litreview.cli import main
from litreview.config import Config
from litreview.model import Claim, TextQuoteSelector
from litreview.render.layout import Layout
from litreview.render.site import render_site
from litreview.review import build_review

NBSP = "\u00a0"
ESSAY = ("# Intro\n\nLa souveraineté a changé, «\\ selon l'auteur du livre\\ » [@holsti2004, p.\\ 12].\n\n"
         "Un autre paragraphe, sans rien.\n\n"
         "Le mot signifie «\\ qui se fait en secret, qui agit en cachette et sans bruit aucun\\ » dans ce texte.\n")
BIB = "@book{holsti2004, author = {Holsti, Kalevi J.}, title = {Taming the Sovereigns}, publisher = {P}, year = {2004}}\n"


def _write(tmp_path: Path) -> list[str]:
    (tmp_path / "essay.md").write_text(ESSAY, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    return ["--essay", str(tmp_path / "essay.md"), "--bib", str(tmp_path / "refs.bib"),
            "--claims", str(tmp_path / "claims.yaml")]


def test_links_shows_the_sentence_its_evidence_and_locator_with_no_break_spaces(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = _write(tmp_path)
    assert main(["links", *args]) == 0
    out = capsys.readouterr().out
    assert "\\ " not in out
    assert f"«{NBSP}selon l'auteur du livre{NBSP}» [p.{NBSP}12]" in out  # the quotation link's evidence, its locator
    assert f"La souveraineté a changé, «{NBSP}selon" in out
    # The JSON's text is the sentence as the file writes it (what a script finds in the file), as documented.
    assert main(["links", *args, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["text"] for row in rows} == {"La souveraineté a changé, «\\ selon l'auteur du livre\\ » "
                                             "[@holsti2004, p.\\ 12]."}


def test_check_quotes_the_quotation_and_the_sentence_with_no_break_spaces(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = _write(tmp_path)
    main(["check", *args])
    out = capsys.readouterr().out
    # (a finding's message is one line, its white space one space)
    assert "LR305 [p4-s1] quotation « qui se fait en secret, qui agit en cachette et sans bruit aucun » has " \
           "no attribution" in out
    assert "> Le mot signifie « qui se fait" in out  # the excerpt, on one line (its white space one space)
    assert "\\ " not in out


def test_the_cards_quote_a_quotation_links_evidence_as_the_page_shows_it(tmp_path: Path) -> None:
    # The card's evidence was left out (written "«\ selon", it is not in the sentence as the page shows it), and
    # the locator read "at p.\ 12".
    _write(tmp_path)
    review = build_review(Config(root=tmp_path, essay="essay.md", bibliography="refs.bib", claims=""),
                          with_checks=False)
    files = render_site(review, Layout())
    essay, source = files["essay.md"], files["sources/holsti2004.md"]
    assert isinstance(essay, str) and isinstance(source, str)
    card = re.findall(r'<span class="lr-card__(?:row|kind)">(.*?)</span>', essay)
    assert any(row.startswith("Evidence: ") and "selon" in row for row in card), card
    assert f"at p.{NBSP}12" in card[0]
    assert f"at p.{NBSP}12." in source and "\\ " not in re.sub(r"<[^>]+>", "", source)


def test_shown_source_reads_markdown_only_where_the_page_does() -> None:
    from litreview.render.shown import shown_source

    read = Claim("p1-s1", 1, 1, "x", TextQuoteSelector("x"), 1, citations=())
    assert shown_source("«\\ mot\\ » *Titre*", read, "markdown") == f"«{NBSP}mot{NBSP}» Titre"
    assert shown_source("`a\\ b`", read, "markdown") == "a\\ b"  # code is as written
    # A LaTeX manuscript's text is shown as written (its commands are what a reviewer finds), and so is a claim no
    # reader of markers read.
    assert shown_source("Holsti\\ argues", read, "latex") == "Holsti\\ argues"
    unread = Claim("p1-s1", 1, 1, "x", TextQuoteSelector("x"), 1, citations=None)
    assert shown_source("«\\ mot\\ »", unread, "markdown") == "«\\ mot\\ »"
    assert shown_source("«\\ mot\\ »", None, "markdown") == "«\\ mot\\ »"


def test_text_markdown_renders_as_itself_is_shown_without_the_pages_renderer() -> None:
    # Brackets that link nothing ("[a]" an editor added to a quotation) render as themselves: the quotation is shown
    # as the page shows it without loading the page's renderer (markdown-it and the citation printer).
    probe = ("import sys\n"
             "from litreview.model import Claim, TextQuoteSelector\n"
             "from litreview.render.shown import shown_source\n"
             "read = Claim('p1-s1', 1, 1, 'x', TextQuoteSelector('x'), 1, citations=())\n"
             "print(repr(shown_source(sys.argv[1], read, 'markdown')), 'litreview.render.claim_text' in sys.modules)")
    import subprocess
    import sys

    def shown(text: str) -> list[str]:
        out = subprocess.run([sys.executable, "-c", probe, text], capture_output=True, text=True, check=True)
        return out.stdout.rsplit(" ", 1)

    assert shown("lacks [a] central authority [in the] domestic [capacity].") == [
        "'lacks [a] central authority [in the] domestic [capacity].'", "False\n"]
    assert shown("lacks [a] central *authority*") == ["'lacks [a] central authority'", "True\n"]


def test_a_findings_citation_marker_is_quoted_as_written() -> None:
    # One rule for what a finding quotes: a citation marker as the file writes it ("p.\\ 3": where a reviewer finds
    # it), not with a no-break space; prose as the page shows it (the tests above).
    from litreview.bibliography.load import parse_bibliography
    from litreview.checks.text import check_mention
    from litreview.model import Mention

    bib = parse_bibliography("@book{a, author = {Roe, R.}, title = {A}, year = {2001}}\n"
                             "@book{b, author = {Roe, R.}, title = {B}, year = {2001}}\n", "refs.bib")
    claim = Claim("p1-s1", 1, 1, "x", TextQuoteSelector("x"), 1, citations=())
    marker = Mention("p1-s1", "marker", "[@roe, p.\\ 3]", ("a", "b"))
    found = list(check_mention(marker, claim, "essay.md", bib, set(), essay_format="markdown"))
    assert [f.code for f in found] == ["LR301"] and "'[@roe, p.\\\\ 3]'" in found[0].message


def test_a_latex_claims_links_are_shown_as_their_text(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The PDF prints \href's text and \url's address; the LaTeX reader writes them as Markdown ("[site](<url>)",
    # "<url>"), which `links` and `check` showed as such. Its macros were printed already, its citations as written.
    (tmp_path / "p.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\nSee the \\href{https://x.org/a_b}{project \\emph{site}} and "
        "\\url{https://y.org/c} for 40\\% of it \\cite{zz}.\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    main(["check", "--essay", str(tmp_path / "p.tex"), "--bib", str(tmp_path / "refs.bib"), "--claims", ""])
    out = capsys.readouterr().out
    assert "> See the project site and https://y.org/c for 40% of it \\cite{zz}." in out


def test_links_shows_a_markers_locator_once_when_its_evidence_already_holds_it(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = _write(tmp_path)
    monkeypatch.setenv("COLUMNS", "250")  # a wide terminal: each evidence on one line of its cell
    assert main(["links", *args, "--source", "holsti2004"]) == 0
    out = capsys.readouterr().out
    # The marker's evidence writes its page; the table repeated it ("[@holsti2004, p. 12] [p. 12]").
    assert f"[@holsti2004, p.{NBSP}12]" in out and f"12] [p.{NBSP}12]" not in out
    assert f"» [p.{NBSP}12]" in out  # a quotation's evidence does not hold it: its locator is still shown
