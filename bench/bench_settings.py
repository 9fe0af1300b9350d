"""Start-up cost of validating the settings: our small schema against msgspec and pydantic.

Usage: python bench/bench_settings.py [--quick] [--python PATH]
Each approach runs in fresh interpreters (start-up is what a command pays): it imports what it
needs, parses the project's own [tool.litreview] table with tomllib and validates it. Figures are
the least CPU time (user + system) of the runs, which other load on the machine disturbs less than wall time, and the extra cost over a baseline that only parses the TOML,
measured in the same run. Every command imports litreview.config anyway, so what our schema costs
is its row minus the "litreview.config imported" row. msgspec and pydantic are not dependencies; an approach whose library is
not installed for the interpreter is reported as skipped (--python picks another interpreter).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARSE = f"""
import tomllib
section = tomllib.loads(open({str(ROOT / 'pyproject.toml')!r}, encoding='utf-8').read())['tool']['litreview']
section['severity'] = {{'LR307': 'warning'}}
section['suppress'] = ['LR137']
"""
FIELDS = """
    essay: str = "refs/essay.md"
    bibliography: str = "refs/bibliography.bib"
    claims: str = "refs/claims.yaml"
    metadata: str = "refs/metadata"
    site_dir: str = "site"
    timeout: float = 20.0
    stale_days: int = 365
    suppress: list[str] = []
    severity: dict[str, Literal["error", "warning", "info"]] = {}
"""
APPROACHES = {
    "baseline (parse only)": PARSE,
    "litreview.config imported": PARSE + f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
import litreview.config
""",
    "ours (+ validation)": PARSE + f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from litreview.config import _validate
_validate(section, path='pyproject.toml', text='')
""",
    "msgspec": PARSE + """
from typing import Literal
import msgspec
class Settings(msgspec.Struct, forbid_unknown_fields=True):""" + FIELDS.replace("[] ", "[]").replace(
        "= []", "= msgspec.field(default_factory=list)").replace("= {}", "= msgspec.field(default_factory=dict)") + """
msgspec.convert(section, Settings)
""",
    "pydantic": PARSE + """
from typing import Literal
import pydantic
class Settings(pydantic.BaseModel, extra='forbid', strict=True):""" + FIELDS + """
Settings.model_validate(section)
""",
}


def run(python: str, code: str, runs: int) -> float | None:
    """The least CPU time (user + system) of the child over the runs: steadier than wall time on a busy machine."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run([python, "-c", code], capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            if b"ModuleNotFoundError" in proc.stderr:
                return None
            raise SystemExit(proc.stderr.decode())
    return min(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="5 fresh interpreters per approach instead of 21")
    parser.add_argument("--python", default=sys.executable, help="the interpreter to measure [default: this one]")
    args = parser.parse_args(argv)
    runs = 5 if args.quick else 21
    python = args.python
    print(f"settings validation start-up, {runs} fresh interpreters each ({python})")
    base = None
    for name, code in APPROACHES.items():
        t = run(python, code, runs)
        if t is None:
            print(f"  {name:<26} skipped (not installed)")
            continue
        base = base if base is not None else t
        print(f"  {name:<26} {t * 1000:7.1f} ms   +{(t - base) * 1000:6.1f} ms over the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
