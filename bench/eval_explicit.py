"""Explicit links on de-marked real manuscripts, against the authors' own citations, by link kind.

Every sentence of the development documents is read with its citation markers removed (see
bench/topical_corpus.py), so what links it to an entry is what its prose names: an author, a title,
a document, a quotation. Each such link (any kind but topical) is right when its authors cited that
entry in that sentence, near when they cited it elsewhere in the paragraph, unjudged when the sentence cites a
key its bibliography lacks (what it relies on is not known: a key misspelled, an entry's key changed since), and
wrong otherwise. The precision of the judged links leaves the unjudged ones out; the other columns count them as
wrong. Of the wrong links, those to an entry the authors cite elsewhere in the document (column "elsew.": a sentence
that names a work its authors cite in another paragraph) are counted apart too, and still as wrong.

    python bench/eval_explicit.py                         # the corpus development documents
    python bench/eval_explicit.py --extra-dev FOLDER      # and further development papers (FOLDER/SOURCES.tsv)
    python bench/eval_explicit.py --list                  # also every link: kind, verdict, claim, entry, evidence
    python bench/eval_explicit.py --missed                # also the citations whose sentence names the entry's
                                                          # author or title, yet no explicit link to it
    python bench/eval_explicit.py --typed-gold            # a citation typed in plain text ("Roe (2016)") counts as
                                                          # the authors' own too
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from topical_corpus import DEFAULT_CORPUS, DEV, Document, load_extra, load_split  # noqa: E402

from litreview.linking import link  # noqa: E402
from litreview.model import Source  # noqa: E402
from litreview.text import fold  # noqa: E402


@dataclass(frozen=True)
class Verdict:
    """One explicit link and how the authors' own citations judge it."""

    document: str
    kind: str
    claim: str
    key: str
    evidence: str
    verdict: str
    """right (cited in the sentence), near (cited elsewhere in the paragraph), unjudged (the sentence cites a key the
    bibliography lacks) or wrong."""
    ambiguous: bool
    """The linker said the evidence fitted several entries."""
    confirmed: bool
    """Shown as confirmed (not a suggestion)."""
    elsewhere: bool = False
    """The authors cite the entry elsewhere in the document (outside the link's paragraph)."""


_YEAR_AFTER = 40
"""The most characters between a family name and the year of a citation typed in plain text ("Roe and colleagues
(2016)", "Roe, K (2014)")."""


def typed(claim: str, sources: list[Source]) -> set[str]:
    """The entries a sentence cites in plain text, by the first author's (editor's) family name and the year, as
    "Roe (2016)", "Roe et al. (2016)", "(Roe, 2016)" or "(Roe and Doe 2016a)": a citation its authors wrote without a
    key, which the gold (pandoc's citations) does not hold."""
    text = fold(claim)
    out = set()
    for source in sources:
        people = source.authors or source.editors
        if not people or not source.year:
            continue
        family, year = re.escape(fold(people[0].family)), source.year
        narrative = rf"(?<!\w){family}(?!\w)[^()]{{0,{_YEAR_AFTER}}}?\({year}[a-z]?(?!\d)"
        parenthetical = rf"\([^()]*?(?<!\w){family}(?!\w)[^()]{{0,{_YEAR_AFTER}}}?[\s,]{year}[a-z]?(?!\d)[^()]*\)"
        if re.search(narrative, text) or re.search(parenthetical, text):
            out.add(source.key)
    return out


def verdicts(doc: Document, *, typed_gold: bool = False) -> list[Verdict]:
    """Every explicit link on the document, judged. ``typed_gold``: the citations its sentences type in plain text
    (``typed``) count as the authors' too."""
    linkage = link(doc.essay, doc.bibliography, metadata=doc.metadata)
    text = {c.id: c.text for c in doc.essay.claims}
    paragraph_of = {c.id: c.paragraph for c in doc.essay.claims}
    gold = {cid: set(keys) for cid, keys in doc.gold.items()}
    if typed_gold:
        for c in doc.essay.claims:
            if found := typed(c.text, list(doc.bibliography.sources)):
                gold.setdefault(c.id, set()).update(found)
    in_paragraph: dict[int, set[str]] = {}
    for cid, keys in gold.items():
        in_paragraph.setdefault(paragraph_of[cid], set()).update(keys)
    in_document = set().union(*gold.values())
    out = []
    for lk in linkage.links:
        if lk.kind == "topical" or lk.status == "rejected":
            continue
        if lk.source_key in gold.get(lk.claim_id, set()):
            verdict = "right"
        elif lk.source_key in in_paragraph.get(paragraph_of[lk.claim_id], set()):
            verdict = "near"
        elif lk.claim_id in doc.unresolved:
            verdict = "unjudged"
        else:
            verdict = "wrong"
        out.append(Verdict(doc.name, lk.kind, text[lk.claim_id], lk.source_key, lk.evidence, verdict, lk.ambiguous,
                           lk.status == "confirmed", verdict == "wrong" and lk.source_key in in_document))
    return out


@dataclass(frozen=True)
class Named:
    """A citation whose de-marked sentence names the cited entry's author or title."""

    document: str
    claim: str
    key: str
    by: str
    """What the sentence names: the author's family name, or "title"."""
    linked: bool
    """Whether an explicit link (any kind but topical) joins the sentence to the entry."""


_MAIN_TITLE = re.compile(r"[:.?!]")
_TITLE_MIN = 12
"""The fewest characters of a main title whose words a sentence must hold to name it."""


def _naming(claim: str, source: Source) -> str:
    """What ``claim`` names of ``source``: the first author's (editor's) family name as a word, else its main
    title (the words before a colon), else ''."""
    text = fold(claim)
    people = source.authors or source.editors
    family = fold(people[0].family) if people else ""
    if family and re.search(rf"(?<!\w){re.escape(family)}(?!\w)", text):
        return people[0].family
    title = fold(_MAIN_TITLE.split(source.title)[0]).strip()
    return "title" if len(title) >= _TITLE_MIN and title in text else ""


def named(doc: Document) -> list[Named]:
    """Every citation of the document whose sentence names the entry's author or title, and whether linked."""
    linkage = link(doc.essay, doc.bibliography, metadata=doc.metadata)
    linked = {(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind != "topical" and lk.status != "rejected"}
    sources = {s.key: s for s in doc.bibliography.sources}
    out = []
    for claim in doc.essay.claims:
        for key in sorted(doc.gold.get(claim.id, ())):
            if key in sources and (by := _naming(claim.text, sources[key])):
                out.append(Named(doc.name, claim.text, key, by, (claim.id, key) in linked))
    return out


def missed_listing(found: list[Named]) -> str:
    got = sum(n.linked for n in found)
    lines = [f"  named in the sentence: {len(found)}, linked explicitly: {got} ({_share(got, len(found))})"]
    for n in found:
        if not n.linked:
            lines.append(f"  missed {n.document}: {n.key}  [{n.by}]\n        {n.claim[:220]}")
    return "\n".join(lines)


def _share(right: int, total: int) -> str:
    return f"{right / total:.3f}" if total else "-"


def table(parts: dict[str, list[Verdict]]) -> str:
    """Per part and link kind: links, right in the sentence, near, wrong (unjudged ones too), of the wrong those to an
    entry the authors cite elsewhere in the document, precision (sentence),
    precision counting the paragraph, the confirmed links alone (those shown as more than a suggestion) with their
    precision, then the unjudged links and the precision (sentence) of the judged ones."""
    lines = [f"  {'part':<12} {'kind':<12} {'links':>5} {'right':>5} {'near':>5} {'wrong':>5} {'elsew.':>6} "
             f"{'P(sent.)':>8} {'P(par.)':>8} {'confirmed':>9} {'P(conf.)':>8} {'unjudged':>8} {'P(judged)':>9}"]
    for name, found in parts.items():
        kinds = [*sorted({v.kind for v in found}), "all"]
        for kind in kinds:
            of = [v for v in found if kind in ("all", v.kind)]
            n = Counter(v.verdict for v in of)
            sure = [v for v in of if v.confirmed]
            wrong = n["wrong"] + n["unjudged"]
            lines.append(f"  {name:<12} {kind:<12} {len(of):>5} {n['right']:>5} {n['near']:>5} {wrong:>5} {sum(v.elsewhere for v in of):>6} "
                         f"{_share(n['right'], len(of)):>8} {_share(n['right'] + n['near'], len(of)):>8} "
                         f"{len(sure):>9} {_share(sum(v.verdict == 'right' for v in sure), len(sure)):>8} "
                         f"{n['unjudged']:>8} {_share(n['right'], len(of) - n['unjudged']):>9}")
    return "\n".join(lines)


def listing(found: list[Verdict]) -> str:
    lines = []
    for v in sorted(found, key=lambda v: (v.verdict, v.kind, v.document)):
        flag = ((" (ambiguous)" if v.ambiguous else "") + ("" if v.confirmed else " (suggested)")
                + (" (cited elsewhere in the document)" if v.elsewhere else ""))
        lines.append(f"  {v.verdict:<8} {v.kind:<11} {v.document}: {v.key}{flag}  [{v.evidence}]\n"
                     f"        {v.claim[:220]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--extra-dev", action="append", type=Path, default=[], metavar="FOLDER",
                        help="further development papers: a folder whose SOURCES.tsv lists them; repeatable")
    parser.add_argument("--list", action="store_true", help="also list every explicit link with its verdict")
    parser.add_argument("--missed", action="store_true",
                        help="also list the citations whose sentence names the entry's author or title, unlinked")
    parser.add_argument("--typed-gold", action="store_true",
                        help="count citations typed in plain text ('Roe (2016)', '(Roe, 2016)') as the authors' too")
    args = parser.parse_args(argv)
    docs = load_split(args.corpus, DEV)
    if not docs:
        print(f"corpus not found at {args.corpus}")
        return 1
    parts = {"dev": [v for d in docs for v in verdicts(d, typed_gold=args.typed_gold)]}
    extra = [d for folder in args.extra_dev for d in load_extra(folder)]
    if extra:
        parts["dev extra"] = [v for d in extra for v in verdicts(d, typed_gold=args.typed_gold)]
    print("explicit links on de-marked sentences, by kind (right: the authors cited the entry in the sentence; "
          "near: elsewhere in its paragraph)")
    print(table(parts))
    if args.list:
        for name, found in parts.items():
            print(f"\n{name}")
            print(listing(found))
    if args.missed:
        for name, group in {"dev": docs, "dev extra": extra}.items():
            if group:
                print(f"\n{name}: citations whose sentence names the entry")
                print(missed_listing([n for d in group for n in named(d)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
