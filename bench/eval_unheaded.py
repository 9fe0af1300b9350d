"""A reference list printed after the text with no heading: does ``litreview import`` take it, and only it?

Run from the repository root: ``python bench/eval_unheaded.py [--shared PATH] [--heading] [MANUSCRIPT BIB ...]``.

Each manuscript (pandoc Markdown, Quarto, R Markdown or LaTeX) is rendered by ``pandoc --citeproc -t plain`` with
its bibliography in the default style and in five dev styles (``synth.DEV_STYLES`` and APA 6th), its own reference
heading and ``{#refs}`` div taken out, so the list follows the text with no heading, as ``pandoc --citeproc -t
plain`` and many Word and PDF exports print it (``--heading``: with a "References" line above it). A marker
paragraph, blanked before the import reads the text, tells where the list starts. Counted: the entries pandoc lists
(its HTML's ``csl-entry``), the references ``section.find_reference_section`` takes from the list (a taken string
found in the list's text; "over": those past the entries listed, such as the notes pandoc prints after the list),
and those it takes from the text above (prose taken as references). Material: the
corpus manuscripts with one source file (dev), and the MANUSCRIPT BIB pairs given.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.bibliography.refparse.section import find_reference_section  # noqa: E402
from litreview.bibliography.refparse.synth import Unavailable, tools  # noqa: E402

STYLES = (None, "the-lancet", "american-sociological-association", "apa-6th-edition", "elsevier-vancouver",
          "iso690-author-date-de")
MARK = "ZZLISTSTARTZZ"
_HEADING = re.compile(r"(?m)^\s*#+\s*(?:References|Bibliography|Literatura|Literature cited)\s*(?:\{[^}]*\})?\s*$")
_LABEL = re.compile(r"^\[?\d{1,4}[\].]?\s")


def corpus_pairs(shared: Path) -> list[tuple[Path, Path]]:
    out = []
    folder = shared / "corpus" / "manuscripts"
    for d in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "tools") if folder.is_dir() else []:
        sources = [p for p in d.rglob("*") if p.suffix in (".md", ".qmd", ".tex") and "gold" not in p.parts
                   and p.name not in ("README.md", "LICENSE.md", "LICENSE-CC0.md", "preamble.tex")]
        bibs = sorted(d.rglob("*.bib"))
        if len(sources) == 1 and bibs:
            out.append((sources[0], bibs[0]))
    return out


def measure(source: Path, bib: Path, pandoc: str, styles: Path, heading: bool) -> list[tuple[str, int, int, int]]:
    """(style, entries listed, taken from the list, taken from the text) for each style."""
    text = source.read_text(encoding="utf-8", errors="replace")
    tex = source.suffix == ".tex"
    if tex:
        text = (text.replace("\\end{document}", f"\n\n{MARK}\n\n\\end{{document}}") if "\\end{document}" in text
                else text + f"\n\n{MARK}\n")
    else:
        text = _HEADING.sub("", text).replace("::: {#refs}", "").replace(":::{#refs}", "") + f"\n\n{MARK}\n"
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / ("in.tex" if tex else "in.md")
        doc.write_text(text, encoding="utf-8")
        for style in STYLES:
            args = [pandoc, str(doc), "-f", "latex" if tex else "markdown", "--citeproc", "--bibliography", str(bib)]
            if style:
                args += ["--csl", str(styles / f"{style}.csl")]
            plain = subprocess.run([*args, "-t", "plain", "--wrap=none"], capture_output=True, text=True, timeout=300)
            html = subprocess.run([*args, "-t", "html"], capture_output=True, text=True, timeout=300)
            listed = html.stdout.count('class="csl-entry"')
            lines = plain.stdout.splitlines()
            mark = next((i for i, line in enumerate(lines) if MARK in line), None)
            if mark is None or not listed:
                continue
            lines[mark] = "References" if heading else ""
            strings, _ = find_reference_section("\n".join(lines) + "\n")
            region = " ".join(" ".join(lines[mark:]).split())
            from_list = sum(1 for s in strings if _LABEL.sub("", " ".join(s.split()))[:60] in region)
            out.append((style or "chicago-author-date", listed, from_list, len(strings) - from_list))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--heading", action="store_true", help="with a References line above the list")
    parser.add_argument("pairs", nargs="*", type=Path, metavar="MANUSCRIPT BIB")
    args = parser.parse_args(argv)
    try:
        pandoc, styles = tools()
    except Unavailable as exc:
        print(f"skipped: {exc}")
        return 0
    pairs = corpus_pairs(args.shared) + list(zip(args.pairs[::2], args.pairs[1::2], strict=True))
    total = [0, 0, 0, 0, 0]
    print(f"{'manuscript':<40}{'style':<36}{'listed':>7}{'taken':>7}{'over':>7}{'prose':>7}")
    over = [0, 0]
    for source, bib in pairs:
        for style, listed, from_list, prose in measure(source, bib, pandoc, styles, args.heading):
            extra = max(from_list - listed, 0)
            print(f"{source.name[:38]:<40}{style[:34]:<36}{listed:>7}{min(from_list, listed):>7}{extra:>7}{prose:>7}")
            total = [total[0] + 1, total[1] + listed, total[2] + min(from_list, listed), total[3] + prose,
                     total[4] + (prose > 0)]
            over = [over[0] + extra, over[1] + (extra > 0)]
    print(f"\n{total[0]} renderings: {total[2]} of {total[1]} listed references taken; {total[3]} paragraphs of "
          f"text taken as references, in {total[4]} renderings; {over[0]} strings past the entries listed, in "
          f"{over[1]} renderings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
