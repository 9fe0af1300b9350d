"""Entries litreview keeps against the entries pybtex keeps, on the BibTeX parsers' own test files.

Material: every ``.bib`` under ../shared/corpus/bibtex-suites/ (pybtex, bibtexparser, JabRef and
biber test suites, 419 files). pybtex is run in non-strict mode (as its ``pybtex`` command runs:
errors reported, parsing goes on). A file is *refused* when pybtex keeps entries and litreview keeps
none; an entry is *lost* when litreview keeps fewer entries of a file than pybtex. "pybtex errors"
counts what pybtex reports (syntax errors, repeated keys, undefined macros...); "errors" and
"warnings" count litreview's located findings from loading. "disagreements" compares each file entry by
entry (tests/fuzz/differential.py: same keys, types, field values and names as pybtex, every finding
on a line of the file); ``python bench/fuzz.py -k bib-pybtex`` does the same on generated files.

    python bench/eval_bibtex_suites.py             # the table per suite
    python bench/eval_bibtex_suites.py --show-lost # and the files that lose entries or disagree

``--dir FOLDER`` measures bibliographies gathered from real projects instead (bench/wild_bibliographies.py):
FOLDER holds one folder per repository (``owner__name``), with that repository's files in it. BibTeX
files are compared with pybtex as above, CSL-JSON/YAML files with pandoc's reading (the ids pandoc keeps, one per id as its citeproc uses them,
their titles and years), and each file is checked alone (``litreview check --essay ""``) to count the
findings per 100 entries, by code: the noise a user sees on a bibliography that nobody curated for us.
``--split dev|held`` keeps the repositories whose sha1(owner/name) starts with 0-7 (dev) or 8-f (held).

    python bench/eval_bibtex_suites.py --dir FOLDER --split dev --show-findings LR143,LR130
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.bibliography.load import parse_bibliography  # noqa: E402
from tests.fuzz.differential import disagreements, pybtex_reading  # noqa: E402

DEFAULT_SUITES = ROOT.parent / "shared" / "corpus" / "bibtex-suites"


def pybtex_count(text: str) -> tuple[int | None, int]:
    """(entries pybtex keeps in non-strict mode or None when it refuses the file, errors it reported)."""
    data, reported = pybtex_reading(text)
    return (None if data is None else len(data.entries)), len(reported)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suites", type=Path, default=DEFAULT_SUITES)
    parser.add_argument("--show-lost", action="store_true")
    parser.add_argument("--show-errors", action="store_true", help="print litreview's errors and warnings")
    parser.add_argument("--dir", type=Path, help="bibliographies from real projects, one folder per repository")
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--show-findings", default="", help="with --dir: print the findings of these codes (a,b)")
    args = parser.parse_args()
    if args.dir is not None:
        from wild_bibliographies import run

        return run(args.dir, args.split, args.show_lost, {c for c in args.show_findings.split(",") if c})
    if not args.suites.is_dir():
        print(f"no test suites at {args.suites}", file=sys.stderr)
        return 2
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    lost_files: list[str] = []
    crashes: list[str] = []
    started = time.perf_counter()
    for path in sorted(args.suites.rglob("*.bib")):
        suite = path.relative_to(args.suites).parts[0]
        text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
        want, pybtex_errors = pybtex_count(text)
        try:
            bib = parse_bibliography(text, str(path))
        except Exception as exc:  # a traceback is exactly what the bench looks for
            crashes.append(f"{path.relative_to(args.suites)}: {type(exc).__name__}: {exc}")
            rows[suite]["crashed"] += 1
            continue
        got = len(bib.sources)
        if args.show_errors:
            for p in bib.problems:
                print(f"{path.relative_to(args.suites)}:{p.line}: {p.code} {p.severity}: {p.message}")
        row = rows[suite]
        row["files"] += 1
        row["pybtex parses"] += want is not None
        row["pybtex entries"] += want or 0
        row["our entries"] += got
        if want:
            row["refused"] += got == 0
            missing = max(0, want - got)
            row["entries lost"] += missing
            if missing:
                lost_files.append(f"{path.relative_to(args.suites)}: pybtex {want}, litreview {got}")
        differ = disagreements(path.read_bytes().decode("utf-8", "surrogateescape"))
        row["disagreements"] += len(differ)
        lost_files += [f"{path.relative_to(args.suites)}: disagreement {d}" for d in differ]
        row["pybtex errors"] += pybtex_errors
        row["errors"] += sum(p.severity == "error" for p in bib.problems)
        row["warnings"] += sum(p.severity == "warning" for p in bib.problems)
    columns = ["files", "pybtex parses", "pybtex entries", "our entries", "refused", "entries lost",
               "disagreements", "crashed", "pybtex errors", "errors", "warnings"]
    total = {c: sum(r[c] for r in rows.values()) for c in columns}
    width = max(len(s) for s in [*rows, "total"])
    print(f"{'suite'.ljust(width)}  " + "  ".join(columns))
    for suite, row in [*sorted(rows.items()), ("total", total)]:
        print(f"{suite.ljust(width)}  " + "  ".join(str(row[c]).rjust(len(c)) for c in columns))
    print(f"({time.perf_counter() - started:.1f} s)")
    if args.show_lost or crashes:
        for line in lost_files if args.show_lost else []:
            print("lost:", line)
        for line in crashes:
            print("crash:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
