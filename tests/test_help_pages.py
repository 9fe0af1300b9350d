"""The console script answers --help, --version and COMMAND --help from pages click rendered, without click.

click stays the one source of the pages: the stored copy (litreview/_helptext.py) must equal what
click renders now, and the console script must print exactly what click prints, byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from litreview import _helptext
from litreview.cli import COMMANDS, stored_page
from litreview.commands._help_pages import page_argv, render, render_pages

PROBE = """
import json, sys
sys.argv = ["litreview", *{argv!r}]
from litreview.cli import run
try:
    run()
except SystemExit as exc:
    code = exc.code
sys.stderr.write(json.dumps({{"code": code, "click": "click" in sys.modules,
                              "modules": sorted(m for m in sys.modules if m.startswith("litreview"))}}))
"""


def _console(argv: list[str], columns: str | None = None) -> tuple[str, dict]:
    """What the console script prints for ``argv`` (standard output a pipe), and what it imported."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    out = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True,
                         env=env, check=True)
    return out.stdout, json.loads(out.stderr)


def test_stored_pages_are_what_click_renders_now() -> None:
    assert render_pages() == _helptext.PAGES, (
        "a command, option or help text changed: run `python -m litreview.commands._help_pages`")


def test_every_command_has_a_stored_page() -> None:
    assert set(_helptext.PAGES) == {"--version", "", *COMMANDS}


@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["--version"], ["check", "--help"], ["links", "-h"]])
def test_console_script_prints_clicks_page_without_importing_click(argv: list[str]) -> None:
    out, info = _console(argv)
    assert info["code"] == 0
    assert not info["click"], info
    assert set(info["modules"]) <= {"litreview", "litreview.cli", "litreview._helptext"}, info
    assert out == render(argv) + "\n"


def test_every_command_help_is_answered_from_the_stored_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for name in COMMANDS:
        assert stored_page([name, "--help"]) == _helptext.PAGES[name]


def test_a_narrow_terminal_goes_to_click() -> None:
    """Below 80 columns click wraps to the terminal's width: the stored page would be wrong."""
    out, info = _console(["--help"], columns="60")
    assert info["click"]
    assert out == render(["--help"], columns=60) + "\n"
    assert out != _helptext.PAGES[""] + "\n"


def test_a_wide_terminal_uses_the_stored_page() -> None:
    out, info = _console(["check", "--help"], columns="200")
    assert not info["click"]
    assert out == render(["check", "--help"], columns=200) + "\n"


@pytest.mark.parametrize("argv", [[], ["--help", "check"], ["check", "--help", "--strict"], ["nosuch", "--help"],
                                  ["--version", "--help"], ["check"]])
def test_anything_else_goes_to_click(argv: list[str]) -> None:
    assert stored_page(argv) is None


def test_page_keys_match_their_command_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert [stored_page(argv) for argv in page_argv().values()] == list(_helptext.PAGES.values())
