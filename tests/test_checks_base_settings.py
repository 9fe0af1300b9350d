"""`check --since`: which of the base commit's settings apply. The base's settings file gives what the working
tree's file gives; what this run's command line or environment gives is this run's on both sides, told by where
each value was given (``Config.origins``), even when it equals what a settings file says."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.checks.gitbase import base_config, with_base_settings
from litreview.config import Config, load_config

BASE = 'essay = "essay.md"\ncrossref_url = "https://old.example.org"\nstale_days = 30\nsuppress = { LR124 = "old" }\n'


def sides(tmp_path: Path, today: str, base: str = BASE) -> tuple[Path, Path]:
    """The working tree (``top``, its settings ``today``) and the base's extraction folder (its settings ``base``)."""
    top, dest = tmp_path / "tree", tmp_path / "base"
    for folder, settings in ((top, today), (dest, base)):
        folder.mkdir(parents=True)
        (folder / "litreview.toml").write_text(settings, encoding="utf-8")
    return top, dest


def at_base(config: Config, top: Path, dest: Path) -> Config:
    return with_base_settings(config, base_config(config, top, dest), top, dest)


def test_the_base_files_settings_replace_the_working_trees(tmp_path: Path) -> None:
    top, dest = sides(tmp_path, 'essay = "paper.md"\ncrossref_url = "https://new.example.org"\nstale_days = 60\n')
    old = at_base(load_config(top, env={}), top, dest)
    assert (old.path("essay"), old.crossref_url, old.stale_days) == (dest / "essay.md", "https://old.example.org", 30)
    assert (old.suppress, old.suppress_reasons) == (("LR124",), {"LR124": "old"})
    assert old.origin("stale_days") == (str(dest / "litreview.toml"), 3, False)
    # A setting the working tree's file leaves at its default is the base file's too.
    top, dest = sides(tmp_path / "again", "")
    old = at_base(load_config(top, env={}), top, dest)
    assert (old.crossref_url, old.stale_days, old.suppress) == ("https://old.example.org", 30, ("LR124",))


@pytest.mark.parametrize("today", ["", 'essay = "paper.md"\ncrossref_url = "https://new.example.org"\n'])
def test_the_environment_is_this_runs_on_both_sides_even_when_the_file_says_the_same(tmp_path: Path,
                                                                                     today: str) -> None:
    # CI pins the registry and the essay by variables; the working tree's file says the same (or nothing). The
    # base's file says otherwise: the variables still win there, as they do in the working tree.
    top, dest = sides(tmp_path, today)
    env = {"LITREVIEW_CROSSREF_URL": "https://new.example.org", "LITREVIEW_ESSAY": "paper.md"}
    old = at_base(load_config(top, env=env), top, dest)
    assert (old.crossref_url, old.path("essay")) == ("https://new.example.org", dest / "paper.md")
    assert old.origin("crossref_url") == ("LITREVIEW_CROSSREF_URL", None, True)
    assert old.stale_days == 30  # what no variable gives is the base file's


@pytest.mark.parametrize("today", ['essay = ""\n', ""])
def test_the_command_line_is_this_runs_on_both_sides_even_when_the_file_says_the_same(tmp_path: Path,
                                                                                      today: str) -> None:
    # `check --essay "" --since REF` checks the bibliography alone on both sides, whether or not the working
    # tree's file says essay = "" too; the base's file named an essay.
    top, dest = sides(tmp_path, today)
    old = at_base(load_config(top, env={}).with_overrides(essay="", stale_days=90), top, dest)
    assert (old.essay, old.stale_days) == ("", 90)
    assert old.origin("essay") is None and old.suppress == ("LR124",)
