"""What the documentation names exists: the benchmark scripts' options and the finding codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from litreview.checks.catalogue import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
BENCH_COMMAND = re.compile(r"bench/(\w+\.py)((?: --[a-z][a-z-]*(?: [A-Z0-9]+)*)*)")


def documented_bench_options() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for doc in DOCS:
        for script, options in BENCH_COMMAND.findall(doc.read_text(encoding="utf-8")):
            found.setdefault(script, set()).update(re.findall(r"--[a-z][a-z-]*", options))
    return found


@pytest.mark.parametrize(("script", "options"), sorted(documented_bench_options().items()))
def test_each_documented_bench_command_has_its_options_in_its_help(script: str, options: set[str]) -> None:
    page = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--help"], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert page.returncode == 0, page.stderr
    assert sorted(o for o in options if o not in page.stdout) == []


def test_each_code_the_documentation_names_is_in_the_catalogue() -> None:
    known = set(CATALOGUE)
    named = {(doc.name, code) for doc in DOCS for code in re.findall(r"\bLR\d{3}\b", doc.read_text(encoding="utf-8"))}
    assert named and sorted(n for n in named if n[1] not in known) == []


SCRIPTS = sorted(p.name for p in (ROOT / "bench").glob("*.py")
                 if not p.name.startswith("_") and '__name__ == "__main__"' in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("script", SCRIPTS)
def test_each_bench_script_answers_help_with_its_usage(script: str) -> None:
    # A script that ignored --help ran its whole evaluation (minutes) instead of saying how to call it.
    page = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--help"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith("usage: ")


def test_the_commands_the_readme_says_take_the_path_options_are_those_that_do() -> None:
    # The README said "every command that reads inputs" takes --essay, --bib, --claims and --metadata-dir:
    # `litreview add --essay ""` (a bibliography kept alone, as with every other command) stopped with
    # "No such option". It names the commands, each checked against its options.
    import click

    from litreview.commands._group import cli

    context = click.Context(cli)
    options = {name: {o for p in command.params for o in p.opts}
               for name in cli.list_commands(context) if (command := cli.get_command(context, name)) is not None}
    paths = {"--essay", "--bib", "--claims", "--metadata-dir"}
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"Every command that reads the review \(([^)]*)\) also takes `--essay`, `--bib`, `--claims` and "
                     r"`--metadata-dir`", text)
    assert said, "the README's sentence on the path options"
    named = set(re.findall(r"`(\w+)`", said.group(1)))
    assert named == {name for name, opts in options.items() if paths <= opts}
    add = re.search(r"`add` takes ((?:`--[a-z-]+`(?:, | and )?)+)", text)
    assert add and set(re.findall(r"`(--[a-z-]+)`", add.group(1))) == options["add"] & paths
