"""How BibTeX values read once LaTeX is turned into display text: litreview against pylatexenc.

Every field value with a backslash in the pybtex and biber test files (../shared/corpus/bibtex-suites/)
is decoded three ways: the previous rule (latexcodec and brace removal only), litreview's
``decode_latex``, and pylatexenc's ``LatexNodes2Text`` (if installed). For each it counts the
values whose display text still shows a macro name (``\\emph``), loses a word that the source
wrote inside braces (``\\mbox{U.S.}`` shown as nothing), or shows a brace; lower is better.

Usage: python bench/eval_latex_text.py [--quick]
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys
import time
from pathlib import Path

SUITES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bibtex-suites"
_FIELD = re.compile(r"^\s*(\w+)\s*=\s*[{\"](.*)[}\"]\s*,?\s*$", re.M)
_LEAK = re.compile(r"\\[A-Za-z]+")
_BRACED_WORD = re.compile(r"\{([A-Za-z][A-Za-z.]+)\}")


def values(quick: bool) -> list[str]:
    out: list[str] = []
    for folder in ("pybtex", "biber"):
        for path in sorted((SUITES / folder).rglob("*.bib")):
            text = path.read_text(encoding="utf-8", errors="replace")
            out += [m.group(2) for m in _FIELD.finditer(text)
                    if "\\" in m.group(2) and m.group(1).lower() not in ("url", "file", "doi", "eprint")]
    return out[:300] if quick else out


def old_rule(value: str) -> str:
    import latexcodec  # noqa: F401

    try:
        text = codecs.decode(value, "ulatex")
    except (ValueError, UnicodeError):
        text = value
    text = re.sub(r"(?<!\\)[{}]", "", text).replace("\\{", "{").replace("\\}", "}")
    return re.sub(r"\s+", " ", text).strip()


def score(decode, vals: list[str]) -> tuple[int, int, int, float]:
    leaks = lost = braces = 0
    started = time.perf_counter()
    for v in vals:
        try:
            out = decode(v)
        except Exception:  # a decoder that fails on a value counts as losing it
            lost += 1
            continue
        leaks += bool(_LEAK.search(out))
        braces += "{" in out or "}" in out
        lost += any(w not in out for w in _BRACED_WORD.findall(v) if not w.startswith(("\\",)))
    return leaks, lost, braces, (time.perf_counter() - started) / max(1, len(vals)) * 1e6


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a sample of the values")
    quick = parser.parse_args(argv).quick
    if not SUITES.is_dir():
        print(f"skipped: {SUITES} is not there (the evaluation corpus sits beside the repository)")
        return 0
    from litreview.bibliography.latex import decode_latex

    vals = values(quick)
    rows = [("previous rule (latexcodec only)", old_rule), ("litreview decode_latex", decode_latex.__wrapped__)]
    try:
        from pylatexenc.latex2text import LatexNodes2Text

        conv = LatexNodes2Text(math_mode="verbatim")
        rows.append(("pylatexenc LatexNodes2Text", conv.latex_to_text))
    except ImportError:
        print("(pylatexenc not installed: pip install pylatexenc to compare)")
    print(f"{len(vals)} field values with LaTeX macros, pybtex and biber test files")
    print(f"{'decoder':34} {'macro shown':>12} {'word lost':>10} {'brace shown':>12} {'µs/value':>9}")
    for name, fn in rows:
        leaks, lost, braces, us = score(fn, vals)
        print(f"{name:34} {leaks:12d} {lost:10d} {braces:12d} {us:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
