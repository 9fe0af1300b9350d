"""``eval_bibtex_suites.py --dir``: bibliographies gathered from real projects, against pybtex and pandoc.

FOLDER/<owner__name>/<file>: BibTeX files are read by litreview and by pybtex (tests/fuzz/differential.py
compares them entry by entry), CSL-JSON/YAML files by litreview and by pandoc (pypandoc-binary's pandoc,
``-t csljson``: the ids it keeps, their titles and issued years). Every file is then checked alone, as a
user would (``litreview check --essay "" --bib FILE``, no snapshot, no cache), and its findings are
counted per code. A traceback, or a file that takes more than SLOW seconds, is a defect whatever the split; a
file litreview refuses with a located error counts as refused where the reference reads entries from it, and is
only listed where it reads none.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from litreview.bibliography.csl import CSL_SUFFIXES
from litreview.bibliography.csl_item import without_rich_text
from litreview.bibliography.load import load_bibliography
from litreview.bibliography.refparse.synth_records import pandoc_reading
from litreview.errors import InputError
from tests.fuzz.differential import disagreements, pybtex_reading

BIBTEX_SUFFIXES = (".bib", ".bibtex")
SLOW = 5.0
"""Seconds: a file that takes longer to load or to check is reported as a hang."""


def split_of(folder: str) -> str:
    """'dev' when sha1 of the repository name ('owner/name', from the folder 'owner__name') starts with 0-7."""
    repo = folder.replace("__", "/", 1)
    return "dev" if hashlib.sha1(repo.encode()).hexdigest()[0] in "01234567" else "held"


def files_of(root: Path, split: str) -> list[Path]:
    """The bibliography files under ``root`` of the repositories in ``split``, in a stable order."""
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or not path.name.lower().endswith(BIBTEX_SUFFIXES + CSL_SUFFIXES):
            continue
        if split == "all" or split_of(path.relative_to(root).parts[0]) == split:
            found.append(path)
    return found


def pandoc_items(path: Path) -> list[dict[str, Any]] | None:
    """The CSL items pandoc reads from a CSL-JSON or CSL-YAML file, or None when it refuses the file."""
    import pypandoc

    return pandoc_reading(pypandoc.get_pandoc_path(), path, timeout=60)


def bibliography_files(folder: Path) -> list[Path]:
    """The bibliography files of ``folder``, in the order of their paths: those its ``SOURCES.tsv`` lists (the
    bib column of each manuscript: BibTeX, CSL-JSON or CSL-YAML; an empty cell names none), or, without that
    list, every such file under it. What ``eval_refparse.py --bibs`` and ``eval_joining.py --bibs`` read."""
    from bench.manuscript_dir import listed_sources

    if (folder / "SOURCES.tsv").is_file():
        return sorted({bib for _, _, bib in listed_sources(folder) if bib.is_file()})
    return files_of(folder, "all")


def _plain(text: str) -> str:
    """White space runs as one space; CSL's rich text (pandoc writes a CSL-YAML title's ``*R*`` or ``CO~2~`` as
    ``<i>R</i>``, ``CO<sub>2</sub>``) without its tags, as litreview shows a title (``Source.title``: the text, its
    formatting left out). Quotes are compared as they are: pandoc's smart quotes are litreview's too."""
    return " ".join(without_rich_text(text).split())


def reference_count(path: Path, kind: str) -> int | None:
    """The entries the reference reads from ``path`` (pybtex for BibTeX, pandoc for CSL), None where it refuses."""
    if kind == "csl":
        items = pandoc_items(path)
        return None if items is None else len(items)
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    data, _ = pybtex_reading(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    return None if data is None else len(data.entries)


def csl_disagreements(path: Path, ours: Any) -> tuple[int | None, list[str]]:
    """(items pandoc keeps or None, 'class: detail' for each way litreview reads them otherwise).

    pandoc's reading (``-t csljson``) holds every item of the file; its citeproc uses one item per id, the later
    (``[@a]`` and ``nocite: "@*"`` print the second of two items ``a``; litreview keeps it, LR101 at the first):
    an id given twice is counted once, compared with its later item. An item without an id, which pandoc reads
    with the id "", is compared with litreview's ``unnamed-N`` of it (N counting those items in order)."""
    theirs = pandoc_items(path)
    if theirs is None:
        return None, []
    unnamed = 0
    named: dict[str, Any] = {}
    for item in theirs:
        key = str(item.get("id", ""))
        if not key.strip():
            unnamed += 1
            key = f"unnamed-{unnamed}"
        named.pop(key, None)  # the later item of an id, at its place
        named[key] = item
    out = []
    by_key = {s.key: s for s in ours.sources}
    if named and not ours.sources:
        out.append(f"refused: pandoc keeps {len(named)} items, litreview none")
    for key, item in named.items():
        source = by_key.get(key)
        if source is None:
            out.append(f"lost: {key!r}")
            continue
        title = _plain(str(item.get("title", "")))
        if title and _plain(source.title) != title:
            out.append(f"title: {key!r} {title!r} read as {source.title!r}")
        parts = (item.get("issued") or {}).get("date-parts") or [[None]]
        year = parts[0][0] if parts and parts[0] else None
        if str(year) == "0":  # pandoc's reading of a date it takes no date from: printed n.d.
            if source.year is not None:
                out.append(f"year: {key!r} n.d. (0) read as {source.year!r}")
        elif year is not None and str(source.year) != str(year):
            out.append(f"year: {key!r} {year!r} read as {source.year!r}")
    out += [f"extra: {s.key!r} (line {s.line})" for s in ours.sources if s.key not in named]
    return len(named), out


def check_alone(path: Path) -> tuple[list[dict[str, Any]], str, float]:
    """(findings of ``litreview check`` on the file alone, its stderr if it crashed, seconds)."""
    with tempfile.TemporaryDirectory(prefix="litreview-wild-") as folder:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "litreview", "check", "--essay", "", "--bib", str(path),
                               "--metadata-dir", folder, "--no-cache", "--format", "json"],
                              cwd=folder, capture_output=True, text=True, check=False, timeout=120,
                              env={**os.environ, "LITREVIEW_NO_CACHE": "1"})
        took = time.perf_counter() - started
    crash = done.stderr if "Traceback" in done.stderr or not done.stdout.strip() else ""
    try:
        return json.loads(done.stdout)["findings"], crash, took
    except (ValueError, KeyError):
        return [], crash or done.stdout[-2000:], took


def run(root: Path, split: str, show_lost: bool, show: set[str]) -> int:
    if not root.is_dir():
        print(f"no folder {root}", file=sys.stderr)
        return 2
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    lines: list[str] = []
    codes: Counter[str] = Counter()
    severity: dict[str, Counter[str]] = defaultdict(Counter)  # a code's findings by severity (LR124: both)
    shown: list[str] = []
    entries = 0
    for path in files_of(root, split):
        name = str(path.relative_to(root))
        kind = "csl" if path.name.lower().endswith(CSL_SUFFIXES) else "bibtex"
        row = rows[kind]
        row["files"] += 1
        started = time.perf_counter()
        try:
            ours = load_bibliography(path)
        except InputError as exc:  # a clean refusal: a defect only where the reference reads entries
            want = reference_count(path, kind)
            row["reference parses"] += want is not None
            row["reference entries"] += want or 0
            row["refused"] += bool(want)
            lines.append(f"{'refused' if want else 'clean refusal, the reference reads no entry'}: {name}: {exc}")
            continue
        except Exception as exc:  # a traceback is exactly what the bench looks for
            row["crashed"] += 1
            lines.append(f"crash: {name}: {type(exc).__name__}: {exc}")
            continue
        if time.perf_counter() - started > SLOW:
            row["slow"] += 1
            lines.append(f"slow: {name}: loading took {time.perf_counter() - started:.1f} s")
        got = len(ours.sources)
        if kind == "bibtex":
            want = reference_count(path, kind)
            differ = disagreements(path.read_bytes().decode("utf-8", "surrogateescape"))
        else:
            want, differ = csl_disagreements(path, ours)
        row["reference parses"] += want is not None
        if want is None:  # (its entries are in "our entries" alone: the two sums differ by them)
            lines.append(f"reference refuses: {name}: litreview keeps {got} (the entries of the file besides the "
                         "bad one, reported as a located error)")
        row["reference entries"] += want or 0
        row["our entries"] += got
        if want:
            row["refused"] += got == 0
            row["entries lost"] += max(0, want - got)
        row["disagreements"] += len(differ)
        lines += [f"{'lost' if d.startswith(('lost', 'refused')) else 'differs'}: {name}: {d}" for d in differ]
        findings, crash, took = check_alone(path)
        if crash:
            row["crashed"] += 1
            lines.append(f"crash: {name}: check: {crash.strip().splitlines()[-1] if crash.strip() else 'no output'}")
        if took > SLOW:
            row["slow"] += 1
            lines.append(f"slow: {name}: check took {took:.1f} s")
        entries += got
        for f in findings:
            codes[f["code"]] += 1
            severity[f["code"]][f["severity"]] += 1
            if f["code"] in show:
                shown.append(f"{f['code']} {name}:{f['line']} [{f.get('key')}] {f['message']}"
                             + (f"\n    hint: {f['hint']}" if f.get("hint") else ""))
    columns = ["files", "reference parses", "reference entries", "our entries", "refused", "entries lost",
               "disagreements", "crashed", "slow"]
    print(f"split: {split}  (reference: pybtex for BibTeX, pandoc for CSL)")
    print("format  " + "  ".join(columns))
    for kind, row in sorted(rows.items()):
        print(f"{kind:<6}  " + "  ".join(str(row[c]).rjust(len(c)) for c in columns))
    print(f"\nfindings of `litreview check --essay \"\"` on each file alone: {sum(codes.values())} on {entries} entries")
    print("code    severity  count  per 100 entries")
    for code, count in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
        told = (next(iter(severity[code])) if len(severity[code]) == 1 else
                ", ".join(f"{n} {name}" for name, n in sorted(severity[code].items())))
        print(f"{code:<7} {told:<8}  {count:>5}  {100 * count / max(entries, 1):>15.1f}")
    for line in lines:
        if show_lost or line.startswith(("crash", "slow", "reference refuses", "refused", "clean refusal")):
            print(line)
    for line in shown:
        print(line)
    return 0
