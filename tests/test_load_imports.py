"""What loading a .bib imports: not pybtex's package start-up (its metadata lookup), not the reference parser."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import sys
from litreview.bibliography.load import parse_bibliography
bib = parse_bibliography("@book{h, author={Holsti, K. J. and {World Bank}}, title={Taming}, year={2004}}", "x.bib")
print(bib.sources[0].authors[1].family, "importlib.metadata" in sys.modules,
      "litreview.bibliography.refparse" in sys.modules)
import pybtex
import pybtex.bibtex
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
print(bool(pybtex.__version__), pybtex.bibtex.BibTeXEngine.__name__, find_plugin("pybtex.style.formatting", "plain").__name__,
      len(parse_string("@book{a, title={x}}", "bibtex").entries), "importlib.metadata" in sys.modules)
"""


def test_pybtex_start_up_deferred_and_the_package_complete() -> None:
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["World Bank False False", "True BibTeXEngine Style 1 True"]
