"""Start-up imports only what it prints: `litreview --help` loads no pipeline module (timings live in bench/)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from litreview.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("litreview", "pybtex", "httpx", "numpy", "scipy",
                                                                  "pandas", "mkdocs", "pysbd", "rich")))))
"""


def _modules_after(argv: list[str]) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("argv", [["--help"], ["--version"]])
def test_top_level_help_loads_no_pipeline_module(argv: list[str]) -> None:
    loaded = _modules_after(argv)
    assert loaded <= {"litreview", "litreview.cli", "litreview.errors", "litreview.commands",
                      "litreview.commands._group"}, loaded


def test_public_names_load_on_first_use() -> None:
    out = subprocess.run([sys.executable, "-c", "import sys, litreview; a = 'litreview.model' in sys.modules; "
                          "litreview.Source; print(a, 'litreview.model' in sys.modules)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_checking_a_markdown_essay_loads_no_other_reader(tmp_path: Path) -> None:
    # The readers of other formats and rapidfuzz (the title linker computes its one ratio itself)
    # cost a cold check ~15 ms of imports; a Markdown essay needs none of them.
    (tmp_path / "essay.md").write_text("Holsti's *Power and Independence* shaped the field [@holsti2004].\n",
                                       encoding="utf-8")
    # A YAML file beside it (a claims file) lists no files for pandoc to join: the Quarto reader stays out too.
    (tmp_path / "claims.yaml").write_text("links: []\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{holsti2004, author={Holsti, K. J.}, title={Power and Interdependence},"
                                       " publisher={Cambridge University Press}, year={2004}}\n", encoding="utf-8")
    argv = ["check", "--essay", str(tmp_path / "essay.md"), "--bib", str(tmp_path / "refs.bib"), "--claims", "",
            "--metadata-dir", str(tmp_path / "metadata"), "--format", "json", "--output", str(tmp_path / "out.json")]
    probe = PROBE.replace('"rich")', '"rich", "rapidfuzz")')
    out = subprocess.run([sys.executable, "-c", probe.format(argv=argv)], capture_output=True, text=True, check=True,
                         cwd=tmp_path)
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "litreview.essay.markdown" in loaded and "litreview.linking.titles" in loaded  # the check ran
    assert not loaded & {"litreview.essay.latex", "litreview.essay.manubot", "litreview.essay.quarto", "rapidfuzz"}


def test_checking_loads_the_reference_parsers_word_lists_not_the_parsers(tmp_path: Path) -> None:
    # The copy-editor's checks read the parser's word lists (journal words, given names); the rule parser and the
    # reference-section finder behind ``refparse`` cost a cold check ~20 ms of imports and regular expressions.
    (tmp_path / "essay.md").write_text("Power shaped the field [@holsti2004].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{holsti2004, author={Holsti, K. J.}, title={Power and Interdependence},"
                                       " publisher={Cambridge University Press}, year={2004}}\n", encoding="utf-8")
    argv = ["check", "--essay", str(tmp_path / "essay.md"), "--bib", str(tmp_path / "refs.bib"), "--claims", "",
            "--metadata-dir", str(tmp_path / "metadata"), "--format", "json", "--output", str(tmp_path / "out.json")]
    out = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True, check=True,
                         cwd=tmp_path)
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "litreview.checks.style" in loaded and "litreview.bibliography.refparse.lexicon" in loaded  # the check ran
    parsers = {"litreview.bibliography.refparse.rules", "litreview.bibliography.refparse.section",
               "litreview.bibliography.refparse.fields"}
    assert not loaded & parsers, loaded & parsers


#: patterns a check of the review's own essay never asks for (JATS markup, a broken CSL-JSON's ids, a citation key's
#: shape, a raw-format span, ...): compiled on first use, not at every start (about 2 ms of a cold check)
RARELY_USED = {"litreview.render.sanitize": ("_SPACES", "_SCHEME", "_JATS_TITLE_OPENS", "_JATS_TITLE_CLOSES", "_JATS_TAG"),
               "litreview.bibliography.csl": ("_BROKEN_ID", "_TOP_KEY"),
               "litreview.bibliography.keys": ("_WORDS", "_KEY_SHAPE"),
               "litreview.checks.style_names": ("_MC", "_ET_AL"),
               "litreview.essay_bibliographies": ("_QUOTED",),
               "litreview.checks.bib": ("_ISSN_FIRST", "_ANY_ADDRESS"),
               "litreview.render.shown": ("LATEX_LINK",),
               "litreview.essay.cites": ("_RAW_FORMAT",),
               "litreview.checks.body_names": ("_INITIAL",),
               "litreview.essay.yaml_meta": ("_CITEPROC_LINE",),
               "litreview.linking.own_authors": ("_NOT_LETTERS",),
               "litreview.bibliography.names": ("_PANDOC_AND",),
               "litreview.pandoc_text": ("_TAG",)}

COMPILED_PROBE = """
import contextlib, io, json, re, sys
from litreview.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["check", "--format", "json"])
    except SystemExit:
        pass
wanted = {wanted!r}
print(json.dumps([sorted(m for m in wanted if m not in sys.modules),
                  sorted(f"{{m}}.{{n}}" for m, names in wanted.items() if m in sys.modules for n in names
                         if isinstance(getattr(sys.modules[m], n), re.Pattern))]))
"""


def test_checking_the_essay_compiles_no_pattern_it_never_uses(tmp_path: Path) -> None:
    # The review's own project: its Markdown essay with YAML front matter, its .bib, claims file and empty snapshot.
    root = Path(__file__).resolve().parents[1]
    shutil.copy(root / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(root / "refs", tmp_path / "refs")
    out = subprocess.run([sys.executable, "-c", COMPILED_PROBE.format(wanted=RARELY_USED)], capture_output=True,
                         text=True, check=True, cwd=tmp_path, env={**os.environ, "CI": "true"})
    not_loaded, compiled = json.loads(out.stdout.strip().splitlines()[-1])
    assert not not_loaded, not_loaded  # the check read the essay, linked it and ran the checks
    assert not compiled, compiled


GC_PROBE = """
import gc, sys
from litreview import cli
sys.argv = ["litreview"] + {argv!r}
before = sum(s["collections"] for s in gc.get_stats())
try:
    cli.run()
except SystemExit:
    pass
print(sum(s["collections"] for s in gc.get_stats()) - before, file=sys.stderr)
"""


def test_a_check_of_a_large_bibliography_leaves_the_garbage_collector_nearly_idle(tmp_path: Path) -> None:
    # Entries, names and findings live until the command ends and hold no cycles: at Python's default thresholds
    # (700, 10, 10) the collector traverses them again and again (about 4% of a check of 10,000 entries, over 300
    # collections), finding no garbage.
    entries = "".join(f"@article{{key{n}, author = {{Smith, Jane and Doe, John}}, title = {{A Study of Things {n}}},"
                      f" journal = {{Journal of Studies}}, year = {{{1950 + n % 70}}}, volume = {{{n % 40}}},"
                      f" pages = {{{n}--{n + 9}}}, doi = {{10.1234/x{n}}}}}\n" for n in range(2000))
    (tmp_path / "refs.bib").write_text(entries, encoding="utf-8")
    argv = ["check", "--essay", "", "--bib", str(tmp_path / "refs.bib"), "--claims", "",
            "--metadata-dir", str(tmp_path / "metadata"), "--format", "json", "--output", str(tmp_path / "out.json")]
    out = subprocess.run([sys.executable, "-c", GC_PROBE.format(argv=argv)], capture_output=True, text=True,
                         check=True, cwd=tmp_path, env={**os.environ, "CI": "true", "LITREVIEW_NO_CACHE": "1"})
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]  # the check ran
    assert int(out.stderr.strip().splitlines()[-1]) <= 3
