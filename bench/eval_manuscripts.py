"""How litreview reads real manuscripts, against pandoc's own reading of them (the gold).

Run from the repository root: ``python bench/eval_manuscripts.py`` (needs ../shared/corpus/ and,
for the held-out part, pandoc from pypandoc-binary: ``pip install -e '.[test]'``); ``--dev-only`` runs the dev
part alone (for tuning: the held-out part is not even run).

``python bench/eval_manuscripts.py --dir FOLDER [--dir FOLDER2 ...] [--no-keys]`` compares, instead, the keys
litreview and pandoc find in every manuscript under FOLDER (no bibliography needed; bench/manuscript_dir.py
says what a document is): precision and recall per document and per form, the keys they disagree on
(``--no-keys`` leaves them out), the documents pandoc refuses and any crash.

Two parts, reported separately:

* dev: the 12 manuscripts of ../shared/corpus/manuscripts/ with their gold (the reading was
  developed against these);
* held-out: documents that were not looked at while the readers were written — the two
  chaudhry-heiss manuscripts, the joss-gmr and joss-hypothesize papers — and the syntax cases in
  tests/cases/essay_*; their gold is made now, with the corpus's own tool (tools/gold.py, pandoc).

Per document: cited keys (precision, recall against the keys pandoc cites, cross-references and
missing keys left out); unused entries flagged (LR307/LR308) against pandoc's never-cited entries;
missing keys flagged (LR300/LR309/LR310) against pandoc's missing and case-only keys; false
findings (a flagged unused entry that is cited, a flagged missing key that is not missing); and
the name/document/quotation findings (LR302-LR305, LR311) the document gets; and the citation items both
cite that litreview reads with another mode (normal, author-in-text, suppress-author) or suffix than pandoc, listed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
DEV = SHARED / "manuscripts"
GOLD_TOOL = DEV / "tools" / "gold.py"
HELD_OUT = [  # (name, document, bibliography) relative to SHARED or to the repository
    ("chaudhry-heiss-main", SHARED / "chaudhry-heiss" / "are_funders_really_responding.md",
     SHARED / "chaudhry-heiss" / "bibliography.bib"),
    ("chaudhry-heiss-supplement", SHARED / "chaudhry-heiss" / "supplement.md",
     SHARED / "chaudhry-heiss" / "bibliography.bib"),
    ("joss-gmr", SHARED / "joss-gmr" / "paper.md", SHARED / "joss-gmr" / "paper.bib"),
    ("joss-hypothesize", SHARED / "joss-hypothesize" / "paper.md", SHARED / "joss-hypothesize" / "paper.bib"),
    ("case-markdown-syntax", ROOT / "tests" / "cases" / "essay_markdown" / "essay.md",
     ROOT / "tests" / "cases" / "essay_markdown" / "refs.bib"),
    ("case-latex", ROOT / "tests" / "cases" / "essay_latex" / "main.tex",
     ROOT / "tests" / "cases" / "essay_latex" / "refs.bib"),
]
NAME_CODES = ("LR302", "LR303", "LR304", "LR305", "LR311")


@dataclass
class Row:
    name: str
    tp: int = 0
    fn: int = 0
    fp: int = 0
    unused: tuple[int, int, int] = (0, 0, 0)  # flagged and right, never-cited in gold, flagged in all
    missing: tuple[int, int, int] = (0, 0, 0)
    false: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    modes: list[int] = field(default_factory=lambda: [0, 0])  # items both cite, of them read in another mode
    suffixes: list[int] = field(default_factory=lambda: [0, 0])  # items both cite, of them with another suffix
    misread: list[str] = field(default_factory=list)  # "mode: key: pandoc 'normal', litreview ..." of each
    seconds: float = 0.0
    error: str = ""


def gold_keys(gold: Path) -> tuple[set[str], set[str], set[str]]:
    """(cited keys, never-cited entries, missing or case-only keys) as pandoc reads the document."""
    summary = json.loads((gold / "summary.json").read_text(encoding="utf-8"))
    items = [json.loads(x) for x in (gold / "citations.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    case_only = {x["cited"] if isinstance(x, dict) else x for x in summary.get("case_insensitive_only") or []}
    missing = set(summary.get("missing_keys") or []) | case_only
    crossref = set(summary.get("crossref_keys") or []) | {i["key"] for i in items if i.get("is_crossref")}
    cited = {i["key"] for i in items} - crossref - missing
    return cited, set(summary.get("never_cited") or []), missing


def evaluate(name: str, essay_path: Path, bib_path: Path | None, gold: Path) -> Row:
    from litreview.bibliography.load import load_bibliography
    from litreview.checks.text import check_text
    from litreview.essay import load_essay
    from litreview.essay.cites import find_citations
    from litreview.linking import link
    from litreview.model import Bibliography

    row = Row(name)
    started = time.perf_counter()
    try:
        essay = load_essay(essay_path)
        if bib_path is None and essay.format == "manubot":
            from litreview.essay.manubot import manuscript_sources

            bib = manuscript_sources(essay)
        else:
            bib = load_bibliography(bib_path) if bib_path else Bibliography(sources=())
        linkage = link(essay, bib, None, metadata={})
        findings = check_text(bib, essay, linkage, essay_file=str(essay_path))
    except Exception as exc:  # a failure is one row of the report, not the end of it
        row.error = f"{type(exc).__name__}: {exc}"[:160]
        return row
    row.seconds = time.perf_counter() - started
    cited, never, missing = gold_keys(gold)
    got = {lk.source_key for lk in linkage.links if lk.kind == "marker" and lk.status == "confirmed"}
    row.tp, row.fn, row.fp = len(got & cited), len(cited - got), len(got - cited)
    row.false.extend(f"extra {k}" for k in sorted(got - cited))
    flagged_unused = {f.key for f in findings if f.code in ("LR307", "LR308")}
    row.unused = (len(flagged_unused & never), len(never), len(flagged_unused))
    row.false.extend(f"unused? {k} (cited)" for k in sorted(flagged_unused - never))
    flagged_missing: set[str] = set()
    for m in linkage.mentions:
        if m.kind == "marker" and not m.keys:
            keys = [c.key for c in find_citations(m.text)]
            flagged_missing.update(keys or [m.text])
    row.missing = (len(flagged_missing & missing), len(missing), len(flagged_missing))
    row.false.extend(f"missing? {k}" for k in sorted(flagged_missing - missing))
    row.names = [f"{f.code} {f.message}" for f in findings if f.code in NAME_CODES]
    _item_misreads(row, gold, essay, cited)
    return row


def _item_misreads(row: Row, gold: Path, essay: object, cited: set[str]) -> None:
    """``manuscript_dir.misreads`` of the gold's cited items and the essay's: their modes and their suffixes."""
    sys.path.insert(0, str(ROOT))
    from bench.manuscript_dir import MODE, PANDOC_MODES, SUFFIX, misreads, shown_suffix, suffix_text

    items = [json.loads(x) for x in (gold / "citations.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    want = Counter((i["key"], PANDOC_MODES.get(i["mode"], i["mode"]), suffix_text(i.get("suffix") or ""))
                   for i in items if i["key"] in cited)
    claims = getattr(essay, "claims", ())
    got = Counter((c.key, c.mode, shown_suffix(c.suffix)) for claim in claims for c in claim.citations or ()
                  if c.key in cited)
    both, row.modes[1], wrong = misreads(want, got, MODE)
    row.modes[0] = row.suffixes[0] = both
    row.misread = [f"mode: {what}" for what in wrong]
    _, row.suffixes[1], wrong = misreads(want, got, SUFFIX)
    row.misread += [f"suffix: {what}" for what in wrong]


def dev_rows() -> list[Row]:
    rows = []
    for folder in sorted(p for p in DEV.iterdir() if (p / "SOURCE.json").exists()):
        source = json.loads((folder / "SOURCE.json").read_text(encoding="utf-8"))
        summary = json.loads((folder / "gold" / "summary.json").read_text(encoding="utf-8"))
        docs = source.get("docs") or []
        cwd = folder / (source.get("cwd") or "")
        bibs = [b["file"] for b in summary.get("bibliography_files") or []]
        if source.get("manubot"):
            essay, bib = folder / Path(docs[0]).parent, None
        else:
            essay, bib = folder / docs[0], (cwd / bibs[0]) if bibs else None
        rows.append(evaluate(folder.name, essay, bib, folder / "gold"))
    return rows


def held_out_rows(work: Path) -> list[Row]:
    rows = []
    for name, doc, bib in HELD_OUT:
        if not doc.exists():
            continue
        gold = work / name
        done = subprocess.run([sys.executable, str(GOLD_TOOL), doc.name, "--out", str(gold), "--name", name,
                               "--bib", str(bib), "--cwd", str(doc.parent)],
                              cwd=doc.parent, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not (gold / "summary.json").exists():
            rows.append(Row(name, error=f"gold failed: {(done.stderr or done.stdout).strip()[-160:]}"))
            continue
        rows.append(evaluate(name, doc, bib, gold))
    return rows


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    print(f"  {'document':<30} {'cited P':>7} {'cited R':>7} {'keys':>5} {'unused':>9} {'missing':>9} "
          f"{'false':>5} {'names':>5} {'modes':>7} {'suffix':>7} {'seconds':>7}")
    tp = fn = fp = 0
    for r in rows:
        if r.error:
            print(f"  {r.name:<30} ERROR {r.error}")
            continue
        tp, fn, fp = tp + r.tp, fn + r.fn, fp + r.fp
        print(f"  {r.name:<30} {_ratio(r.tp, r.tp + r.fp):>7} {_ratio(r.tp, r.tp + r.fn):>7} {r.tp + r.fn:>5} "
              f"{r.unused[0]:>3}/{r.unused[1]:<3}+{r.unused[2] - r.unused[0]:<1} "
              f"{r.missing[0]:>3}/{r.missing[1]:<3}+{r.missing[2] - r.missing[0]:<1} "
              f"{len(r.false):>5} {len(r.names):>5} {r.modes[1]:>3}/{r.modes[0]:<3} "
              f"{r.suffixes[1]:>3}/{r.suffixes[0]:<3} {r.seconds:7.2f}")
    both, wrong, other = (sum(r.modes[0] for r in rows), sum(r.modes[1] for r in rows),
                          sum(r.suffixes[1] for r in rows))
    print(f"  {'all':<30} {_ratio(tp, tp + fp):>7} {_ratio(tp, tp + fn):>7} {tp + fn:>5}   of {both} items both "
          f"cite, {wrong} read in another mode, {other} with another suffix")
    print("  (unused and missing: flagged right / in gold + flagged wrongly; false: wrong key, unused or missing "
          "findings; names: LR302-LR305 and LR311 findings; modes, suffix: items read "
          "with another mode, suffix than pandoc's / items both cite)")
    for r in rows:
        for what in r.false:
            print(f"    {r.name}: false: {what}")
        for what in r.names:
            print(f"    {r.name}: name finding: {what[:110]}")
        for what in r.misread:
            print(f"    {r.name}: misread {what}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", action="append", type=Path, default=[],
                    help="a folder of manuscripts to compare with pandoc's reading (repeatable)")
    ap.add_argument("--no-keys", action="store_true", help="with --dir: figures only, not the keys that differ")
    ap.add_argument("--dev-only", action="store_true", help="the dev part alone: the held-out part is not even run")
    args = ap.parse_args(argv)
    if args.dir:
        return _folders(args.dir, show_keys=not args.no_keys)
    if not DEV.is_dir():
        print(f"skipped: {DEV} is absent (the shared corpus sits beside the repository)")
        return 0
    report("dev (../shared/corpus/manuscripts; tuned on)", dev_rows())
    if args.dev_only:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        report("held-out (gold made now by tools/gold.py with pandoc; not tuned on)", held_out_rows(Path(tmp)))
    return 0


def _folders(folders: list[Path], show_keys: bool) -> int:
    sys.path.insert(0, str(ROOT))
    from bench.manuscript_dir import read_folder
    from bench.manuscript_dir import report as report_folder
    from tests.fuzz.pandoc_diff import pandoc_path

    pandoc = pandoc_path()
    if pandoc is None:
        print("pandoc not found: install the test extra (pypandoc-binary)", file=sys.stderr)
        return 2
    for folder in folders:
        if not folder.is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            return 2
        report_folder(f"{folder} (against pandoc)", read_folder(folder, pandoc), show_keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
