"""Precision and recall of litreview's linking against gold labels, per link kind.

Documents: the chaudhry-heiss paper (pandoc markers kept; and its Chicago author-date
rendering with the markers gone), the two JOSS papers, and the essay under review
(bench/essay_gold.yaml, labelled by reading). The corpus lives beside the repository
in ../shared/corpus (override with --corpus).

    python bench/eval_links.py            # prints the figures
    python bench/eval_links.py --json     # the same as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from author_date_styles import NOTES_START, body_with_notes  # noqa: E402

from litreview.bibliography.load import load_bibliography  # noqa: E402
from litreview.essay import parse_essay  # noqa: E402
from litreview.linking import link  # noqa: E402
from litreview.model import Essay, Linkage  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
# Footnotes of the chaudhry-heiss paper that name an entry of its bibliography in full (read by
# hand; pandoc printed them as notes, not as citations, so the citation gold does not list them).
FOOTNOTE_REFERENCES = [
    ("[13] Anna Lelik", "Lelik:2016"),
    ("[14] Irũngũ Houghton and Stephanie Muchai", "HoughtonMuchai:2014"),
    ("[15] Samuel Oakford", "Oakford:2018"),
]


def _share(value: float | None) -> str:
    return f"{value:>7.3f}" if value is not None else f"{'-':>7}"


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    # Nothing shown has no precision, nothing wanted no recall: None, printed "-".
    p = round(tp / (tp + fp), 4) if tp + fp else None
    r = round(tp / (tp + fn), 4) if tp + fn else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r}


def _paragraph_texts(essay: Essay) -> list[str]:
    return [" ".join(c.text for c in p.claims) for p in essay.paragraphs]


def _predicted_markers(essay: Essay, linkage: Linkage) -> tuple[dict[int, Counter], int, int]:
    # By the paragraph's place in the essay, as _paragraph_texts lists them (a front matter's title and abstract
    # are paragraphs numbered 0 and below, so a claim's paragraph number is not its place).
    para = {c.id: i + 1 for i, p in enumerate(essay.paragraphs) for c in p.claims}
    out: dict[int, Counter] = defaultdict(Counter)
    unresolved = ambiguous = 0
    for m in linkage.mentions:
        if m.kind != "marker":
            continue
        out[para[m.claim_id]][m.keys[0] if m.keys else None] += 1
        unresolved += not m.keys
        ambiguous += len(m.keys) > 1
    return out, unresolved, ambiguous


def _compare(gold: dict[int, Counter], pred: dict[int, Counter]) -> dict[str, float | int]:
    tp = fp = fn = 0
    for p in set(gold) | set(pred):
        g, q = gold.get(p, Counter()), pred.get(p, Counter())
        both = sum((g & q).values())
        tp += both
        fp += sum(q.values()) - both
        fn += sum(g.values()) - both
    return prf(tp, fp, fn)


def _scored_markers(essay: Essay, linkage: Linkage, want: dict[int, Counter], lost: int, lost_name: str) -> dict:
    """The markers the linker resolved against the gold ones (``want``, by paragraph), the gold citations not found
    in the text counted as missed and reported under ``lost_name``."""
    pred, unresolved, ambiguous = _predicted_markers(essay, linkage)
    result = _compare(want, pred)
    result["fn"] += lost
    result.update(prf(result["tp"], result["fp"], result["fn"]))
    result.update({"unresolved": unresolved, "ambiguous": ambiguous, lost_name: lost})
    return result


def eval_pandoc(doc: Path, bib: Path, gold: Path) -> dict:
    """Markers kept: each gold citation must come out as a marker resolved to its key."""
    essay = parse_essay(doc.read_text(encoding="utf-8"), str(doc))
    linkage = link(essay, load_bibliography(bib))
    texts = _paragraph_texts(essay)
    want: dict[int, Counter] = defaultdict(Counter)
    lost = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["doc"] != doc.name:
            continue
        probe = " ".join(row["text"].split())
        number = next((i + 1 for i, t in enumerate(texts) if probe[:80] in t or probe[-80:] in t), None)
        if number is None:
            lost += len(row["citations"])
            continue
        for cite in row["citations"]:
            want[number][cite["key"]] += 1
    return _scored_markers(essay, linkage, want, lost, "gold_rows_not_found")


def eval_chicago(text_path: Path, bib: Path, gold: Path) -> dict:
    """Markers stripped: each rendered author-date citation must resolve to its keys."""
    text = text_path.read_text(encoding="utf-8")
    # The prose, then the footnotes pandoc puts after the reference list.
    essay = parse_essay(body_with_notes(text), str(text_path))
    linkage = link(essay, load_bibliography(bib))
    texts = _paragraph_texts(essay)
    want: dict[int, Counter] = defaultdict(Counter)
    cursor = (0, 0)
    used: set[tuple[int, int]] = set()
    lost = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rendered = " ".join(row["rendered"].split())
        places = []
        for i, t in enumerate(texts):
            at = t.find(rendered)
            while at >= 0:
                places.append((i, at))
                at = t.find(rendered, at + 1)
        free = [p for p in places if p not in used]
        # Citations come in reading order, except those in footnotes (printed at the end).
        ahead = [p for p in free if p >= cursor]
        place = (ahead or free or [None])[0]
        if place is None:
            lost += len(row["keys"])
            continue
        used.add(place)
        if not texts[place[0]].startswith("["):
            cursor = place
        for key in row["keys"]:
            want[place[0] + 1][key] += 1
    return _scored_markers(essay, linkage, want, lost, "gold_not_found")


def eval_attribution_stripped(text_path: Path, bib: Path, gold: Path) -> dict:
    """Held-out attribution: the Chicago text with every citation removed ("Chaudhry (2016) finds"
    becomes "Chaudhry finds"); an entry is expected wherever its author's family name is still
    written in a paragraph that cited it (rule-derived silver labels, not hand labels)."""
    from litreview.linking.text import fold, tokens

    text = text_path.read_text(encoding="utf-8")
    raw = body_with_notes(text)
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    # Where each citation is printed: in reading order, except footnotes (printed at the end).
    notes = NOTES_START.search(raw)
    notes_at = notes.start() if notes else -1
    placed: list[tuple[int, dict]] = []
    cursor, used = 0, set()
    for row in rows:
        spots = []
        at = raw.find(row["rendered"])
        while at >= 0:
            spots.append(at)
            at = raw.find(row["rendered"], at + 1)
        free = [a for a in spots if a not in used]
        ahead = [a for a in free if a >= cursor]
        if not (ahead or free):
            continue
        at = (ahead or free)[0]
        used.add(at)
        if notes_at < 0 or at < notes_at:
            cursor = at
        placed.append((at, row))
    placed.sort(key=lambda p: p[0])
    # Remove each citation; "Chaudhry (2016) finds" keeps its name: "Chaudhry finds".
    cited: list[tuple[int, list[str]]] = []
    out, pos = [], 0
    for at, row in placed:
        narrative = row["modes"][0] == "AuthorInText"
        out.append(raw[pos:at] if narrative else raw[pos:at].rstrip(" "))
        if narrative:
            out.append(row["rendered"].split(" (")[0])
        cited.append((len("".join(out)), row["keys"]))
        pos = at + len(row["rendered"])
    out.append(raw[pos:])
    stripped = "".join(out)
    essay = parse_essay(stripped, str(text_path) + " (citations removed)")
    bibliography = load_bibliography(bib)
    linkage = link(essay, bibliography)
    para_of = {c.id: c.paragraph for c in essay.claims}
    spans = [(p.number, p.claims[0].start, p) for p in essay.paragraphs]
    expected: set[tuple[int, str]] = set()
    for offset, keys in cited:
        number = max((n for n, start, _ in spans if 0 <= start <= offset), default=None)
        if number is None:
            continue
        para = essay.paragraphs[number - 1]
        words = {fold(t.text.removesuffix("’s").removesuffix("'s")) for c in para.claims
                 for t in tokens(c.text) if t.is_capitalised}
        for key in keys:
            source = bibliography.get(key)
            families = {fold(p.family) for p in (*source.authors, *source.editors)} if source else set()
            if families & words:
                expected.add((number, key))
    for claim_start, key in FOOTNOTE_REFERENCES:
        claim = next((c for c in essay.claims if c.text.startswith(claim_start)), None)
        if claim is not None:
            expected.add((claim.paragraph, key))
    predicted = {(para_of[lk.claim_id], lk.source_key) for lk in linkage.links if lk.kind == "attribution"}
    result = prf(len(expected & predicted), len(predicted - expected), len(expected - predicted))
    result["missed"] = sorted(map(str, expected - predicted))
    result["extra"] = sorted(map(str, predicted - expected))
    return result


def eval_essay(essay_path: Path, bib: Path, gold_path: Path) -> dict:
    """The essay's own labels: links per kind, and the mentions the checks need."""
    from ruamel.yaml import YAML

    gold = YAML(typ="safe").load(gold_path.read_text(encoding="utf-8"))
    essay = parse_essay(essay_path.read_text(encoding="utf-8"), str(essay_path))
    linkage = link(essay, load_bibliography(bib))
    out: dict[str, dict] = {}
    for kind, rows in gold["links"].items():
        predicted: dict[str, set[str]] = defaultdict(set)
        for lk in linkage.links:
            if lk.kind == kind and lk.status != "rejected":
                predicted[lk.claim_id].add(lk.source_key)
        tp = fp = fn = 0
        labelled: set[str] = set()
        for row in rows:
            claim = row["claim"]
            labelled.add(claim)
            got = predicted.get(claim, set())
            if "any_of" in row:
                allowed = set(row["any_of"])
                hit = got & allowed
                tp += 1 if hit else 0
                fn += 0 if hit else 1
                fp += len(got - allowed) + max(0, len(hit) - 1)
            else:
                keys = set(row["keys"])
                tp += len(got & keys)
                fn += len(keys - got)
                fp += len(got - keys)
        for claim, got in predicted.items():
            if claim not in labelled:
                fp += len(got)
        out[kind] = prf(tp, fp, fn)
    wanted = {(m["claim"], m["kind"], m["text"], tuple(m["keys"])) for m in gold["mentions"]}
    have = {(m.claim_id, m.kind, m.text, m.keys if m.kind == "title-variant" else ()) for m in linkage.mentions
            if not m.keys or m.kind == "title-variant"}
    gold_unresolved = {w for w in wanted if not w[3]}
    have_unresolved = {h for h in have if not h[3]}
    out["unresolved mentions"] = prf(len(gold_unresolved & have_unresolved), len(have_unresolved - gold_unresolved),
                                     len(gold_unresolved - have_unresolved))
    out["unresolved mentions"]["missed"] = sorted(map(str, gold_unresolved - have_unresolved))
    out["unresolved mentions"]["extra"] = sorted(map(str, have_unresolved - gold_unresolved))
    variants = {w for w in wanted if w[1] == "title-variant"}
    got_variants = {h for h in have if h[1] == "title-variant"}
    out["title variants"] = prf(len(variants & got_variants), len(got_variants - variants),
                                len(variants - got_variants))
    out["topical"] = eval_topical(linkage, gold.get("topical") or [])
    return out


def eval_topical(linkage: Linkage, rows: list[dict]) -> dict:
    """Topical suggestions against the labelled sentences: precision of every suggestion (a sentence
    not listed should get none), precision of each claim's first suggestion (p@1), recall of `keys`."""
    wanted = {(r["claim"], k) for r in rows for k in r.get("keys") or []}
    allowed = wanted | {(r["claim"], k) for r in rows for k in r.get("ok") or []}
    suggested = [lk for lk in linkage.links if lk.kind == "topical" and lk.status == "suggested"]
    pairs = {(lk.claim_id, lk.source_key) for lk in suggested}
    first: dict[str, tuple[float, str]] = {}
    for lk in suggested:
        if lk.claim_id not in first or lk.confidence > first[lk.claim_id][0]:
            first[lk.claim_id] = (lk.confidence, lk.source_key)
    good = len(pairs & allowed)
    result = {"tp": good, "fp": len(pairs) - good, "fn": len(wanted - pairs),
              "precision": round(good / len(pairs), 4) if pairs else None,
              "recall": round(len(wanted & pairs) / len(wanted), 4) if wanted else None}
    top_good = sum(1 for claim, (_, key) in first.items() if (claim, key) in allowed)
    result["p@1"] = round(top_good / len(first), 3) if first else None
    result["suggestions"] = len(pairs)
    result["claims with a wanted entry found"] = (
        f"{len({c for c, _ in wanted & pairs})}/{len({c for c, _ in wanted})}")
    result["wrong"] = sorted(f"{c} {k}" for c, k in pairs - allowed)
    result["missed"] = sorted(f"{c} {k}" for c, k in wanted - pairs)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    results: dict[str, dict] = {}
    ch = corpus / "chaudhry-heiss"
    if ch.is_dir():
        results["chaudhry-heiss markers (pandoc)"] = eval_pandoc(
            ch / "are_funders_really_responding.md", ch / "bibliography.bib", ch / "gold" / "gold_citations.jsonl")
        results["chaudhry-heiss author-date (Chicago text)"] = eval_chicago(
            ch / "chicago-plain" / "essay_chicago_author_date.txt", ch / "bibliography.bib",
            ch / "chicago-plain" / "gold_intext_citations.jsonl")
        results["chaudhry-heiss attribution (citations removed)"] = eval_attribution_stripped(
            ch / "chicago-plain" / "essay_chicago_author_date.txt", ch / "bibliography.bib",
            ch / "chicago-plain" / "gold_intext_citations.jsonl")
    for name in ("joss-gmr", "joss-hypothesize"):
        folder = corpus / name
        if folder.is_dir():
            results[f"{name} markers (pandoc)"] = eval_pandoc(
                folder / "paper.md", folder / "paper.bib", folder / "gold" / "gold_citations.jsonl")
    essay_results = eval_essay(ROOT / "refs" / "essay.md", ROOT / "refs" / "bibliography.bib",
                               ROOT / "bench" / "essay_gold.yaml")
    for kind, figures in essay_results.items():
        results[f"essay {kind}"] = figures
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    print(f"{'set':<48} {'P':>7} {'R':>7} {'tp':>5} {'fp':>4} {'fn':>4}  notes")
    for name, r in results.items():
        notes = ", ".join(f"{k}={v if not isinstance(v, list) or len(v) <= 4 else f'{len(v)} (see --json)'}"
                          for k, v in r.items()
                          if k not in ("tp", "fp", "fn", "precision", "recall") and v not in (0, [], None))
        print(f"{name:<48} {_share(r['precision'])} {_share(r['recall'])} {r['tp']:>5} {r['fp']:>4} {r['fn']:>4}  {notes}")
    if not (corpus / "chaudhry-heiss").is_dir():
        print(f"(corpus not found at {corpus}: only the essay was evaluated)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
