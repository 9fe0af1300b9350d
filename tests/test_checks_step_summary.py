"""`check --format github`'s job summary: the Markdown added to the file GITHUB_STEP_SUMMARY names."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from litreview import cache
from litreview.checks import summarize
from litreview.checks.step_summary import cell, render_step_summary
from litreview.cli import main
from litreview.model import Finding

HOSTILE = "bad | cell `code` <script>alert(1)</script>\n# heading"
WARNING_ONLY = """@book{kant1983perpetual,
  author    = {Kant, Immanuel},
  title     = {PERPETUAL PEACE AND OTHER ESSAYS},
  publisher = {Hackett},
  year      = {1983},
}
"""


def _rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ") and not line.startswith(("| Code", "| ---"))]


def test_a_hostile_message_stays_in_its_cell_as_text() -> None:
    # A '|' would end the cell, '<script>' is HTML, a line break ends the row; `code` is a code span as in a hint.
    assert cell(HOSTILE) == "bad \\| cell `code` \\<script\\>alert(1)\\</script\\> # heading"
    assert cell(HOSTILE, code=True) == "``bad \\| cell `code` <script>alert(1)</script> # heading``"
    assert cell("plain words") == "plain words"
    assert cell("a | b") == "a \\| b"
    assert cell("x" * 400) == "x" * 299 + "…"


def test_the_summary_counts_then_lists_each_finding_errors_first() -> None:
    findings = [Finding("LR130", "warning", HOSTILE, "write it <b>so</b>", key="k|ey", file="refs/a.bib", line=3),
                Finding("LR110", "error", "@book entry lacks author or editor", "add author", key="b",
                        file="refs/a.bib", line=9)]
    text = render_step_summary(findings, summarize(findings, 0))
    assert text.startswith("### litreview check\n\n1 error, 1 warning, 0 notes\n")
    rows = _rows(text)
    assert rows == [
        "| `LR110 missing-required-field` | error | `refs/a.bib:9` | `b`: `@book` entry lacks author or editor | "
        "add author |",
        "| `LR130 all-capitals` | warning | `refs/a.bib:3` | "
        "`k\\|ey`: bad \\| cell `code` \\<script\\>alert(1)\\</script\\> # heading | write it \\<b\\>so\\</b\\> |",
    ]
    # As a GFM renderer reads it: two rows of five cells, the hostile text in one cell as text, no HTML of its own.
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert html.count("<tr>") == 3 and html.count("<td>") == 10
    assert ("<td><code>k|ey</code>: bad | cell <code>code</code> &lt;script&gt;alert(1)&lt;/script&gt; # heading</td>"
            in html)
    assert "<script>" not in html and "<b>" not in html and "<h1>" not in html


def test_the_table_stops_at_its_cap_and_says_how_many_more_and_how_to_see_them() -> None:
    findings = [Finding("LR190", "warning", f"unknown code number {n}", "") for n in range(7)]
    text = render_step_summary(findings, summarize(findings, 0), rows=5)
    assert len(_rows(text)) == 5
    assert "… and 2 more not shown here: run `litreview check` locally to see them all" in text


def test_a_change_with_no_new_findings_says_so() -> None:
    summary = {**summarize([], 0), "since": "origin/main", "fixed": 2, "older": 0}
    text = render_step_summary([], summary)
    assert "No new problems since origin/main (2 fixed)." in text
    assert "| Code" not in text


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.litreview]\nbibliography = "refs/bibliography.bib"\n'
                                             'essay = ""\n')
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "bibliography.bib").write_text(WARNING_ONLY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(cache.ENV_DISABLE, "1")
    return tmp_path


def test_check_appends_the_summary_to_what_the_step_wrote_before(project: Path, monkeypatch, capsys) -> None:
    target = project / "step-summary.md"
    target.write_text("## An earlier command's summary\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert main(["check", "--format", "github"]) == 0
    assert main(["check", "--format", "github"]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("## An earlier command's summary\n### litreview check\n")
    assert text.count("### litreview check") == 2
    assert ("| `LR130 all-capitals` | warning | `refs/bibliography.bib:3` | `kant1983perpetual`: title is in capitals: "
            "'PERPETUAL PEACE AND OTHER ESSAYS' |" in text)
    assert capsys.readouterr().out.startswith("::warning file=refs/bibliography.bib,line=3")  # annotations unchanged


def test_no_summary_file_without_the_variable_nor_for_another_format(project: Path, monkeypatch) -> None:
    assert main(["check", "--format", "github"]) == 0
    assert sorted(p.name for p in project.iterdir()) == ["pyproject.toml", "refs"]
    target = project / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert main(["check"]) == 0
    assert not target.exists()


def test_a_summary_that_would_pass_githubs_limit_is_left_out_and_said(project: Path, monkeypatch, capsys) -> None:
    from litreview.commands import check

    target = project / "step-summary.md"
    target.write_text("x" * 100, encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    monkeypatch.setattr(check, "_STEP_SUMMARY_LIMIT", 150)
    assert main(["check", "--format", "github"]) == 0
    assert target.read_text(encoding="utf-8") == "x" * 100  # GitHub would drop the whole step's summary
    assert "the job summary was not written" in capsys.readouterr().err


def _gfm() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _cells(text: str) -> list[list[str]]:
    """Each body row's cells as the HTML a GFM renderer makes of them."""
    import re

    html = _gfm().render(text)
    body = html.split("<tbody>", 1)[1] if "<tbody>" in html else ""
    return [re.findall(r"<td>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_a_csl_syntax_error_is_named_in_the_summary_as_in_its_annotation() -> None:
    from litreview.checks.formats import finding_name

    bad = Finding("LR100", "error", "item 1 (bad): \"issued\" has date-parts that are not lists", "", key="bad",
                  file="refs.json", line=1)
    assert finding_name(bad) == "csl-json-syntax"
    assert _cells(render_step_summary([bad], summarize([bad], 0)))[0][0] == "<code>LR100 csl-json-syntax</code>"


def test_every_cell_follows_one_rule_identifiers_as_code_text_as_text() -> None:
    # Places, keys and codes are code spans whatever they hold; messages and hints are Markdown text, escaped, with
    # their `backticked` commands as code and only the words GitHub would make a link or mention of as code.
    findings = [
        Finding("LR110", "error", "@book entry lacks author or editor", "add author", key="plain", file="a.bib",
                line=9),
        Finding("LR130", "warning", "title *emphasis* _under_ [link](http://x.org) <b>x</b> & co ~~gone~~ a|b a\\|b",
                "run `litreview sync --write`, or ``a ` tick``", key="with_underscore", file="refs/my_file.bib",
                line=3),
        Finding("LR131", "warning", "see https://example.org/a_b, #12 and GH-7; mail me@host.org", "ok", key="k`ey",
                file="`odd` dir/x.bib", line=2),
    ]
    cells = _cells(render_step_summary(findings, summarize(findings, 0)))
    assert [len(row) for row in cells] == [5, 5, 5]
    assert cells[0] == ["<code>LR110 missing-required-field</code>", "error", "<code>a.bib:9</code>",
                        "<code>plain</code>: <code>@book</code> entry lacks author or editor", "add author"]
    assert cells[1][2] == "<code>refs/my_file.bib:3</code>"
    assert cells[1][3] == ("<code>with_underscore</code>: title *emphasis* _under_ [link](<code>http://x.org</code>) "
                           "&lt;b&gt;x&lt;/b&gt; &amp; co ~~gone~~ a|b a\\|b")
    assert cells[1][4] == "run <code>litreview sync --write</code>, or <code>a ` tick</code>"
    assert cells[2][2] == "<code>`odd` dir/x.bib:2</code>"
    assert cells[2][3] == ("<code>k`ey</code>: see <code>https://example.org/a_b</code>, <code>#12</code> and "
                           "<code>GH-7</code>; mail <code>me@host.org</code>")


def test_markdown_code_and_text_render_as_what_they_hold() -> None:
    from litreview.text import markdown_code, markdown_text

    md = _gfm()
    for text in ("`", "a`b", "``x``", " spaced ", "`lead", "trail`", "x"):
        assert md.renderInline(markdown_code(text)) == "<code>" + text.replace("&", "&amp;") + "</code>", text
    assert markdown_code("") == ""
    for text in ("a \\ b", "1. item", "# head", "- dash", "> quote", "+ plus", "*x*", "[a]: b", "&amp;", "<x>",
                 "a ` b", "!\\[x](y)", "x_y_z", "<!-- c -->"):
        import html

        assert md.render(markdown_text(text)) == f"<p>{html.escape(text, quote=False)}</p>\n", text


def test_a_www_address_after_a_parenthesis_or_emphasis_mark_is_code() -> None:
    # GFM's extended autolink takes "www." at a line's start, after a blank and after "(", "*", "_" or "~": a message's
    # "(www.example.org)" was escaped text, which GitHub shows as a link.
    from litreview.text import markdown_text

    assert markdown_text("see (www.example.org) now") == "see (`www.example.org`) now"
    assert markdown_text("x*www.example.org") == "`x*www.example.org`"
    assert markdown_text("see www.example.org.") == "see `www.example.org`."
