"""Start-up imports only what it prints: `litreview --help` loads no pipeline module (timings live in bench/)."""

from __future__ import annotations

import json
import subprocess
import sys

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
