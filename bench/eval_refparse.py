"""Field-level precision, recall and F1 of the reference-string parser against two gold sets.

Run from the repository root:  python bench/eval_refparse.py [--shared PATH] [--show-errors FIELD]

Sets (read from the shared corpus folder, beside the repository):
  chicago   chaudhry-heiss/chicago-plain/gold_bibliography_parsed.jsonl (Chicago author-date,
            65 strings rendered by pandoc from a .bib; gold = the .bib fields)
  anystyle  refparse/anystyle_gold_dev250.jsonl (250 hand-labelled strings, many styles)

Both sides are normalised before comparing: case folded, accents kept, every character that is
not a letter or digit dropped (so quotes, trailing punctuation, dashes and LaTeX `--`/``` `` ```
do not count), page ranges compared with Chicago's abbreviated second number expanded
("333–55" = "333--355"). Authors: the Chicago set compares the list of family names in order
(gold names parsed as BibTeX names; when the string prints "et al.", gold is cut to the names
printed); the anystyle set, whose gold is raw text, compares the multiset of name words longer
than one letter (family names, and given names where spelt out). A wrong value counts as a false
positive and a false negative. The baseline column is a naive parser measured in the same run:
split at sentence ends, first part = authors, second = title, third = container, first
four-digit number = year, first number range = pages.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.bibliography.refparse import ParsedReference, parse_reference  # noqa: E402

FIELDS = ("author", "title", "year", "container", "volume", "pages", "publisher", "doi")


def norm(text: str) -> str:
    """Case-folded letters and digits only."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(c for c in text if c.isalnum())


def norm_pages(text: str) -> str:
    """"pp. 333–55." -> "333-355"; single pages as digits."""
    text = re.sub(r"(?i)\b(?:pp?|pages?)\.?\s*", "", text or "")
    text = re.sub(r"\s*(?:-|–|—|--|---)+\s*", "-", text.strip().strip(".,;:() "))
    m = re.fullmatch(r"([A-Za-z]?)(\d+)-([A-Za-z]?)(\d+)", text)
    if m and len(m.group(4)) < len(m.group(2)):  # Chicago abbreviates the second number
        last = m.group(2)[: len(m.group(2)) - len(m.group(4))] + m.group(4)
        return f"{m.group(1)}{m.group(2)}-{m.group(3) or m.group(1)}{last}".lower()
    return norm(text) if not m else f"{m.group(1)}{m.group(2)}-{m.group(3)}{m.group(4)}".lower()


def norm_doi(text: str) -> str:
    text = re.sub(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", (text or "").strip())
    return text.rstrip(".,;").lower()


def norm_volume(text: str) -> str:
    """Gold "70 (3)," or "v, 184," -> the volume number."""
    text = re.sub(r"(?i)^(?:vol(?:ume)?\.?|v\.?,?)\s*", "", (text or "").strip())
    m = re.match(r"[\w.]+", text)
    return norm(m.group().split(".")[0]) if m else ""


def year_of(text: str) -> str:
    m = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text or "")
    return m.group(1) if m else ""


def name_words(text: str) -> Counter[str]:
    """Words of a raw author string longer than one letter, minus connectives."""
    words = re.split(r"[\s,;.&]+", unicodedata.normalize("NFKC", text or "").casefold())
    skip = {"and", "et", "al", "eds", "ed", "by", "edited", "others", "und", "hrsg", "dir"}
    return Counter(w for w in (norm(x) for x in words) if len(w) > 1 and w not in skip)


def predicted_name_words(ref: ParsedReference) -> Counter[str]:
    persons = ref.authors or ref.editors
    return name_words(" ".join(f"{p.given} {p.prefix} {p.family} {p.suffix}" for p in persons))


# --- the two gold sets ----------------------------------------------------------------------------

def chicago_rows(shared: Path) -> Iterator[tuple[str, dict[str, Any]]]:

    path = shared / "corpus/chaudhry-heiss/chicago-plain/gold_bibliography_parsed.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        g = row["bibtex_fields"]
        names = g.get("author") or g.get("editor") or ""
        gold = {
            "author": names,
            "title": g.get("title", ""),
            "year": g.get("year") or year_of(g.get("date", "")),
            "container": g.get("journal") or g.get("booktitle") or "",
            "volume": g.get("volume", ""),
            "pages": g.get("pages", ""),
            "publisher": g.get("publisher") or g.get("institution") or g.get("school") or "",
            "doi": g.get("doi", ""),
        }
        yield row["rendered"], gold


def anystyle_rows(shared: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    path = shared / "corpus/refparse/anystyle_gold_dev250.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        g = row["fields"]
        volume = g.get("volume", "")
        pages = g.get("pages", "")
        m = re.search(r":\s*([A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+)", volume)
        if m and not pages:  # anystyle labels "137(3):311–321." all as volume
            pages = m.group(1)
        container = g.get("journal") or g.get("container-title") or ""
        container = re.sub(r"^(?:In|in):?\s+", "", container)
        gold = {
            "author": g.get("author", "") or g.get("editor", ""),
            "title": g.get("title", ""),
            "year": year_of(g.get("date", "")),
            "container": container,
            "volume": volume,
            "pages": pages,
            "publisher": g.get("publisher", ""),
            "doi": g.get("doi", ""),
        }
        yield row["raw"], gold


# --- scoring --------------------------------------------------------------------------------------

def predicted(ref: ParsedReference) -> dict[str, Any]:
    return {
        "title": ref.title, "year": ref.year, "container": ref.container, "volume": ref.volume,
        "pages": ref.pages, "publisher": ref.publisher, "doi": ref.doi,
    }


def compare(name: str, pred: Any, gold: Any, ref: ParsedReference, chicago: bool) -> tuple[bool, bool, bool]:
    """(has prediction, has gold, equal)."""
    if name == "author":
        if chicago:
            return _compare_bibtex_names(ref, gold)
        pw, gw = predicted_name_words(ref), name_words(gold)
        return bool(pw), bool(gw), pw == gw
    normaliser: Callable[[str], str] = {
        "pages": norm_pages, "doi": norm_doi, "volume": norm_volume, "year": year_of,
    }.get(name, norm)
    p, g = normaliser(pred or ""), normaliser(gold or "")
    return bool(p), bool(g), p == g


def _compare_bibtex_names(ref: ParsedReference, names: str) -> tuple[bool, bool, bool]:
    """Family names in order; an organisation the gold .bib left unbraced counts whole."""
    from pybtex.database import Person as BibPerson

    pred = [norm(x.family) for x in (ref.authors or ref.editors)]
    if not names:
        return bool(pred), False, False
    if len(pred) == 1 and pred[0] == norm(names):
        return True, True, True
    gold = [n.strip() for n in re.split(r"\s+and\s+", names) if n.strip()]
    if ref.et_al:
        gold = gold[: len(pred)]
    equal = len(pred) == len(gold) and all(
        p in (norm(" ".join(BibPerson(g).last_names)), norm(g)) for p, g in zip(pred, gold, strict=True))
    return bool(pred), True, equal


def naive_parse(raw: str) -> ParsedReference:
    """The baseline: sentence parts in a fixed order."""
    from litreview.model import Person

    parts = [p.strip(" .,") for p in re.split(r"(?<=[.?!])\s+", raw) if p.strip(" .,")] + ["", "", ""]
    authors = tuple(Person(family=c.split(",")[0].strip()) for c in re.split(r";|\band\b|&", parts[0]) if c.strip())
    pages = re.search(r"\d+\s*[-–]\s*\d+", raw)
    doi = re.search(r"10\.\d{4,9}/\S+", raw)
    return ParsedReference(raw=raw, authors=authors, title=parts[1], container=parts[2], year=year_of(raw),
                           pages=pages.group() if pages else "", doi=doi.group().rstrip(".") if doi else "")


def evaluate(rows: list[tuple[str, dict[str, Any]]], chicago: bool, show: str | None = None,
             parse: Callable[[str], ParsedReference] = parse_reference) -> dict[str, tuple[int, int, int]]:
    counts = {f: [0, 0, 0] for f in FIELDS}  # tp, fp, fn
    for raw, gold in rows:
        ref = parse(raw)
        pred = predicted(ref)
        for name in FIELDS:
            has_p, has_g, equal = compare(name, pred.get(name), gold[name], ref, chicago)
            tp = has_p and has_g and equal
            counts[name][0] += tp
            counts[name][1] += has_p and not tp
            counts[name][2] += has_g and not tp
            if show == name and not tp and (has_p or has_g):
                shown = [p.family for p in ref.authors or ref.editors] if name == "author" else pred.get(name)
                print(f"  [{name}] pred={shown!r}\n          gold={gold[name]!r}\n          raw={raw}")
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(title: str, counts: dict[str, tuple[int, int, int]], baseline: dict[str, tuple[int, int, int]],
          n: int) -> str:
    lines = [f"{title} ({n} strings)",
             f"  {'field':<10} {'P':>6} {'R':>6} {'F1':>6}   {'tp':>4} {'fp':>4} {'fn':>4}   baseline F1   ratio"]
    for name, (tp, fp, fn) in counts.items():
        p, r, f1 = _prf(tp, fp, fn)
        base = _prf(*baseline[name])[2]
        ratio = f"{f1 / base:5.2f}x" if base else "    -"
        lines.append(f"  {name:<10} {p:6.3f} {r:6.3f} {f1:6.3f}   {tp:4d} {fp:4d} {fn:4d}   {base:11.3f}   {ratio}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding corpus/ [default: ../shared beside the repository]")
    parser.add_argument("--show-errors", metavar="FIELD", choices=FIELDS, help="print the misses for one field")
    parser.add_argument("--set", choices=("chicago", "anystyle", "both"), default="both")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"error: no corpus folder under {args.shared} (use --shared)", file=sys.stderr)
        return 2
    if args.set in ("chicago", "both"):
        rows = list(chicago_rows(args.shared))
        print(table("Chicago author-date (chaudhry-heiss)", evaluate(rows, True, args.show_errors),
                    evaluate(rows, True, parse=naive_parse), len(rows)))
    if args.set in ("anystyle", "both"):
        rows = list(anystyle_rows(args.shared))
        print(table("anystyle gold (mixed styles)", evaluate(rows, False, args.show_errors),
                    evaluate(rows, False, parse=naive_parse), len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
