"""What loading a .bib imports: not the reference parser (LR146's month names are imported only for a worded date)."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import sys
from litreview.bibliography.load import parse_bibliography
bib = parse_bibliography("@book{h, author={Holsti, K. J. and {World Bank}}, title={Taming}, year={2004}}", "x.bib")
print(bib.sources[0].authors[1].family, "litreview.bibliography.refparse" in sys.modules)
"""


def test_loading_a_bib_does_not_import_the_reference_parser() -> None:
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["World Bank False"]
