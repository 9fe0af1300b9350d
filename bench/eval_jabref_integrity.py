"""litreview's bibliography checks against JabRef's integrity examples: flagged or not, per checker.

Material: ../shared/corpus/bibtex-suites/jabref-integrity-examples.jsonl (280 field values JabRef's
tests call valid or invalid). Each value goes into a one-entry .bib (``year`` for JabRef's BibTeX
mode, ``date`` for its biblatex mode, so the file reads as that dialect); the value is *flagged* when
the entry draws a finding of the codes that do that checker's job which the same entry without the
value does not draw. Checkers with no litreview counterpart are listed apart.

Split: an example is *dev* when the first byte of sha1(checker|mode|field|value) is even, else
*held aside*; rules were tuned on dev only. Both are printed.

    python bench/eval_jabref_integrity.py
    python bench/eval_jabref_integrity.py --show-errors   # the dev examples judged wrongly
    python bench/eval_jabref_integrity.py --dev-only      # the dev columns alone, to tune without the held ones
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.bibliography.load import parse_bibliography  # noqa: E402
from litreview.checks import check_review  # noqa: E402
from litreview.config import Config  # noqa: E402
from litreview.model import Review  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "bibtex-suites" / "jabref-integrity-examples.jsonl"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
CODES = {
    "AmpersandChecker": {"LR140"},
    "BibTeXEntryTypeChecker": {"LR102"},
    "BooktitleChecker": {"LR132"},
    "BracketChecker": {"LR100"},
    "CitationKeyDuplicationChecker": {"LR101"},
    "DateChecker": {"LR124"},
    "DoiDuplicationChecker": {"LR106"},
    "DoiValidityChecker": {"LR120", "LR121"},
    "EntryLinkChecker": {"LR112"},
    "HTMLCharacterChecker": {"LR141"},
    "ISBNChecker": {"LR122"},
    "ISSNChecker": {"LR125"},
    "LatexIntegrityChecker": {"LR142"},
    "PagesChecker": {"LR138", "LR139", "LR143"},
    "PersonNamesChecker": {"LR104", "LR133", "LR147"},
    "UnicodeNormalFormCanonicalCompositionCheck": {"LR167"},
    "UrlChecker": {"LR123"},
    "YearChecker": {"LR124", "LR148"},
}
"""JabRef checker -> the litreview codes that do its job."""


def is_dev(row: dict) -> bool:
    text = "|".join([row["checker"], row["mode"], row["field"], row["value"]])
    return hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0


def entry_text(row: dict, with_value: bool) -> str:
    """The one-entry file (plus the entries a link or duplicate example needs)."""
    field = row["field"].lower()
    value = row["value"]
    kind = row.get("etype") or "misc"
    extra = ""
    if field.endswith("_ok"):  # JabRef's "the linked entries exist" cases
        field = field[:-3]
        extra = "".join(f"\n@misc{{{k.strip()},\n  title = {{Other}},\n  year = {{2020}},\n}}\n"
                        for k in value.split(","))
    if field in ("dupkey", "dupdoi", "distinctdoi"):
        other_doi = "10.1000/other" if field == "distinctdoi" else value
        key = value if field == "dupkey" else "first"
        extra = f"\n@misc{{{key},\n  title = {{Other}},\n  year = {{2020}},\n  doi = {{{other_doi}}},\n}}\n"
        field, value = ("title", "Example") if field == "dupkey" else ("doi", value)
        if not with_value:
            extra = ""
    dated = "date" if row["mode"] == "biblatex" else "year"
    fields = {"title": "Example", dated: "2020"}
    if with_value:
        fields[field] = value
    key = row["value"] if row["field"] == "DUPKEY" and with_value else "example"
    body = "".join(f"  {name} = {{{text}}},\n" for name, text in fields.items())
    return f"@{kind}{{{key},\n{body}}}\n{extra}"


def codes_for(text: str) -> set[str]:
    review = Review(bibliography=parse_bibliography(text, "example.bib"))
    return {f.code for f in check_review(review, Config(root=ROOT), now=NOW).findings}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=Path, default=DEFAULT)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--dev-only", action="store_true", help="judge and print the dev examples alone")
    args = parser.parse_args()
    splits = ("dev",) if args.dev_only else ("dev", "held")
    if not args.examples.is_file():
        print(f"no examples at {args.examples}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.examples.read_text(encoding="utf-8").splitlines() if line.strip()]
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    unmatched: dict[str, int] = defaultdict(int)
    for row in rows:
        checker = row["checker"]
        split = "dev" if is_dev(row) else "held"
        if split not in splits:
            continue
        if checker not in CODES:
            unmatched[checker] += 1
            continue
        new = codes_for(entry_text(row, True)) - codes_for(entry_text(row, False))
        flagged = bool(new & CODES[checker])
        kind = "invalid" if row["invalid"] else "valid"
        table[(checker, split)][f"{kind}"] += 1
        table[(checker, split)][f"{kind} flagged"] += flagged
        if args.show_errors and split == "dev" and flagged != row["invalid"]:
            print(f"{'missed' if row['invalid'] else 'false alarm'}: {checker} {row['mode']} "
                  f"{row['field']}={row['value']!r} -> {sorted(new)}")
    held_head = "" if args.dev_only else f" {'held: invalid flagged':>22} {'valid flagged':>14}"
    print(f"{'checker':<42} {'codes':<19} {'dev: invalid flagged':>21} {'valid flagged':>14}{held_head}")
    totals: dict[str, dict[str, int]] = {split: defaultdict(int) for split in splits}
    widths = (21, 14, 22, 14)
    for checker in sorted(CODES):
        cells = []
        for split in splits:
            r = table[(checker, split)]
            for k, v in r.items():
                totals[split][k] += v
            cells.append(f"{r['invalid flagged']}/{r['invalid']}")
            cells.append(f"{r['valid flagged']}/{r['valid']}")
        shown = " ".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=False))
        print(f"{checker:<42} {','.join(sorted(CODES[checker])):<19} {shown}")
    cells = []
    for split in splits:
        t = totals[split]
        cells += [f"{t['invalid flagged']}/{t['invalid']}", f"{t['valid flagged']}/{t['valid']}"]
    shown = " ".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=False))
    print(f"{'total (checkers with a counterpart)':<62} {shown}")
    listed = ", ".join(f"{name} ({n})" for name, n in sorted(unmatched.items()))
    print(f"no counterpart ({sum(unmatched.values())} examples): {listed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
