"""The retraction watch: `fetch --refresh-older-than` by hand, `metadata --format notices` for the issue."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from litreview.cli import main
from litreview.testing.fake_registry import FakeRegistry
from litreview.testing.helpers import FAKE_LIMITS

BIB = """@article{quillfeather2019deterrence,
  author = {Quillfeather, Ada}, title = {Deterrence Games in Synthetic Alliances}, year = {2019},
  doi = {10.5555/lr.deterrence.2019},
}
@article{fernhill2005world,
  author = {Fernhill, Theodora}, title = {World Culture and Imagined Military Power}, year = {2005},
  doi = {10.5555/lr.culture.2005},
}
@article{quill2015synthetic,
  author = {Quill, A}, title = {A synthetic trial that was retracted}, year = {2015}, pmid = {99999901},
}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch):
    with FakeRegistry(limits=FAKE_LIMITS) as fake:
        (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("LITREVIEW_METADATA_DIR", str(tmp_path / "m"))
        yield fake, tmp_path


ARGS = ["--bib", "refs.bib", "--essay", ""]


def test_notices_list_each_work_with_its_sources(project, capsys) -> None:
    assert main(["fetch", *ARGS, "--no-urls", "--no-search"]) == 0
    capsys.readouterr()
    assert main(["metadata", *ARGS, "--format", "notices"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2  # fernhill2005world has no notice
    assert lines[0].startswith("- **quillfeather2019deterrence**: Deterrence Games in Synthetic Alliances: "
                               "retraction (publisher, 2021-02-01, notice 10.5555/lr.deterrence.2019.retraction; "
                               "retraction-watch, 2021-02-01")
    assert "expression of concern (publisher, 2020-06-01" in lines[0]
    assert lines[1] == "- **quill2015synthetic**: A synthetic trial that was retracted: retraction (PubMed)"


def test_no_notice_prints_nothing(project, capsys) -> None:
    assert main(["fetch", *ARGS, "--no-urls", "--no-search", "--key", "fernhill2005world"]) == 0
    capsys.readouterr()
    assert main(["metadata", *ARGS, "--format", "notices", "--key", "fernhill2005world"]) == 0
    assert capsys.readouterr().out == ""


def test_refresh_older_than_asks_again_only_about_old_records(project, capsys) -> None:
    fake, folder = project
    assert main(["fetch", *ARGS, "--no-urls", "--no-search"]) == 0
    # Age one record by 40 days, by its stored date (no clock is patched).
    path = next((folder / "m" / "doi").glob("*culture*"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["fetched_at"] = (datetime.now(UTC) - timedelta(days=40)).isoformat(timespec="seconds")
    path.write_text(json.dumps(data), encoding="utf-8")
    fake.reset()
    assert main(["fetch", *ARGS, "--no-urls", "--no-search", "--refresh-older-than", "30d"]) == 0
    assert fake.count("/works/10.5555/lr.culture.2005") == 1 and fake.count("/works/10.5555/lr.deterrence") == 0
    fake.reset()
    assert main(["fetch", *ARGS, "--no-urls", "--no-search", "--refresh-older-than", "30d"]) == 0
    assert fake.count() == 0
    capsys.readouterr()
    assert main(["fetch", *ARGS, "--refresh-older-than", "soon"]) == 2
    assert "is not an age; write it like 30d" in capsys.readouterr().err


def test_the_workflow_template_runs_the_watch() -> None:
    text = (Path(__file__).resolve().parents[1] / ".github" / "workflows" / "retraction-watch.yml").read_text()
    assert "cron:" in text and "litreview fetch --refresh-older-than 7d" in text
    assert "litreview metadata --format notices" in text and "gh issue create" in text and "gh issue edit" in text
