"""De-marked real manuscripts for the topical evaluation: every sentence of every block that cites,
its citation markers removed, with the keys its authors cited there and the document's bibliography.

The gold comes from pandoc (``manuscripts/*/gold/blocks.jsonl`` and ``citations.jsonl``;
``gold/gold_citations.jsonl`` for chaudhry-heiss and the two JOSS papers beside it). The split is by
document and fixed here, before any figure was looked at: tune on DEV, report HELD_OUT apart. Further
development papers (``load_extra``: a folder's SOURCES.tsv) take their gold from pandoc's reading of them.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.bibliography.load import load_bibliography  # noqa: E402
from litreview.linking.text import FUNCTION_WORDS_ABROAD, STOPWORDS, fold  # noqa: E402
from litreview.locale_terms import ABBREVIATIONS_IN_PROSE, abbreviation_ends  # noqa: E402
from litreview.model import (  # noqa: E402
    Bibliography,
    Claim,
    Essay,
    Paragraph,
    Person,
    RegistryRecord,
    Source,
    SourceMetadata,
    TextQuoteSelector,
)

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
# Two social-science papers by one author: one on each side. The rest by size and field.
DEV = ("chaudhry-heiss", "latex-araa-gps", "manubot-rootstock", "joss-amrex", "joss-fastpli",
       "joss-adaptiveresonance", "joss-mwarp1d", "joss-gmr", "joss-hypothesize")
HELD_OUT = ("quarto-silent-skywalk", "latex-clever-materials-hans", "joss-iharm3d", "joss-multivae",
            "manubot-vagelos2017", "joss-bumbl")

_LATEX_CITE = re.compile(r"~?\\(?:[a-zA-Z]*cite[a-zA-Z]*|cite)\*?(?:\[[^\]]*\]){0,2}\{[^}]*\}")
_BRACKET = re.compile(r"\s*\[[^\[\]]*@[^\[\]]*\]")
_BARE = re.compile(r"(?<![\w@])-?@[\w:.#$%&+?<>~/-]*\w(?:\s*\[[^\]]*\])?")
_SPACE = re.compile(r"[ \t]+")
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\bet al\.)\s+(?=[A-Z0-9“\"'@\\])|(?<=\bet al\.)\s+(?=[A-Z“\"'])")
"""A sentence's end: after "et al." only before a capital or a quotation, not before a citation, which is that
name's ("so Ackermann et al. \\autocite*{ackermann2015} aus einer Perspektive"), nor before a year, which is
that name's too ("(Voors et al. 2012)")."""
_ABBREVIATION_BEFORE = re.compile(rf"(?<!\w)(?:{abbreviation_ends(ABBREVIATIONS_IN_PROSE)})$")
"""An abbreviation of running prose before a capital ends no sentence ("bzw. Oberfläche", "z. B. Fillmore",
"vgl. Busse"; German capitalises every noun)."""
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z][^\W\d_]*\s+[A-Z]\.$")
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = STOPWORDS | FUNCTION_WORDS_ABROAD
"""A given name's initial before a word that is no function word ends none either ("Charles J. Fillmore"); a letter
("in R. The", "U.S.") may end one."""


def _ends(text: str) -> list[re.Match[str]]:
    """Where ``text``'s sentences end."""
    return [m for m in _SENTENCE.finditer(text) if not _goes_on(text, m)]


def _goes_on(text: str, end: re.Match[str]) -> bool:
    at = max(0, end.start() - 60)
    if _ABBREVIATION_BEFORE.search(text, at, end.start()):
        return True
    after = _NEXT_WORD.match(text, end.end())
    return bool(_INITIAL_BEFORE.search(text, at, end.start()) and after
                and fold(after.group()).lower() not in _FUNCTION_WORDS)


def _split(text: str) -> list[str]:
    """``text``'s sentences."""
    ends = _ends(text)
    return [text[a:b] for a, b in zip([0, *(m.end() for m in ends)], [*(m.start() for m in ends), len(text)], strict=True)]


@dataclass
class Document:
    """One manuscript, de-marked: its claims, the keys each cites, its bibliography."""

    name: str
    essay: Essay
    bibliography: Bibliography
    gold: dict[str, set[str]]
    """Claim id -> keys its authors cited in that sentence (empty: cites nothing)."""
    metadata: dict[str, SourceMetadata] = field(default_factory=dict)
    unresolved: set[str] = field(default_factory=set)
    """Claim ids whose sentence cites a key the bibliography lacks (not a cross-reference): what it relies on is
    not in the gold, so a link there that the gold does not hold cannot be judged."""


def strip_markers(text: str, written: list[str] = ()) -> str:
    """The sentence without its citations: the strings pandoc read as citations, then any left."""
    for s in sorted(set(written), key=len, reverse=True):
        text = text.replace(s, " ")
    text = _LATEX_CITE.sub(" ", text)
    text = _BRACKET.sub(" ", text)
    text = _BARE.sub(" ", text)
    text = _SPACE.sub(" ", text)
    return re.sub(r"\s+([.,;:)])", r"\1", text).strip()


def _essay(name: str, blocks: list[list[tuple[str, list[str]]]]) -> tuple[Essay, dict[str, set[str]]]:
    paragraphs = []
    gold: dict[str, set[str]] = {}
    for p, sentences in enumerate(blocks, start=1):
        claims = []
        for s, (text, keys) in enumerate(sentences, start=1):
            cid = f"p{p}-s{s}"
            claims.append(Claim(cid, p, s, text, TextQuoteSelector(text, "", ""), p))
            gold[cid] = set(keys)
        paragraphs.append(Paragraph(p, " ".join(c.text for c in claims), p, tuple(claims)))
    return Essay(path=name, body="", paragraphs=tuple(paragraphs)), gold


def _manuscript(folder: Path) -> Document:
    gold_dir = folder / "gold"
    written: dict[int, list[str]] = {}
    for line in (gold_dir / "citations.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        written.setdefault(row["block_index"], []).append(row["source_text"])
    blocks = []
    manubot = (folder / "output" / "citations.tsv").is_file()
    short = _manubot_ids(folder) if manubot else {}
    for line in (gold_dir / "blocks.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["location"] not in ("body", "list", "blockquote", "footnote"):
            continue
        resolve = {k["key"]: k.get("resolves_to", k["key"]) for k in row["keys"]}
        crossref = {k["key"] for k in row["keys"] if k.get("is_crossref")}
        cited = []
        for s in row["sentences"]:
            keys = [resolve.get(k, k) for k in s["keys"] if k not in crossref]
            cited.append({"sentence": s["sentence"], "keys": [short.get(k.lower(), k) for k in keys] if manubot else keys})
        sentences = _sentences(row["block_text"], cited, written.get(row["block_index"], []))
        if sentences:
            blocks.append(sentences)
    if manubot:
        bibliography, metadata = _csl_bibliography(folder / "output" / "references.json")
    else:
        bib = next(p for p in sorted(folder.rglob("*.bib")) if "tools" not in p.parts)
        bibliography, metadata = load_bibliography(bib), {}
    essay, gold = _essay(folder.name, blocks)
    return Document(folder.name, essay, bibliography, gold, metadata)


def _sentences(block: str, cited: list[dict], written: list[str]) -> list[tuple[str, list[str]]]:
    """The block's sentences, their markers removed (``written``: the strings pandoc read as citations),
    with the keys each cites; a sentence of fewer than three words is left out."""
    out = []
    for raw, keys in _with_uncited(block, cited):
        text = strip_markers(raw, written)
        if len(text.split()) >= 3:
            out.append((text, keys))
    return out


def _with_uncited(block: str, cited: list[dict]) -> list[tuple[str, list[str]]]:
    """The block's sentences in order: those the gold lists (they cite), and the text between them
    split at sentence ends (they cite nothing)."""
    out: list[tuple[str, list[str]]] = []
    at = 0
    for s in cited:
        where = block.find(s["sentence"], at)
        if where < 0:
            out.append((s["sentence"], s["keys"]))
            continue
        out.extend((t, []) for t in _split(block[at:where].strip()) if t.strip())
        out.append((s["sentence"], s["keys"]))
        at = where + len(s["sentence"])
    out.extend((t, []) for t in _split(block[at:].strip()) if t.strip())
    return out


def _manubot_ids(folder: Path) -> dict[str, str]:
    """Manubot standard citekey (lower case) -> the short id its references.json uses."""
    with (folder / "output" / "citations.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return {r[2].lower(): r[3] for r in rows[1:]}


def _csl_bibliography(path: Path) -> tuple[Bibliography, dict[str, SourceMetadata]]:
    """A Manubot build's CSL items (Crossref's records) as entries, with abstracts and subjects as a
    registry snapshot would hold them."""
    sources, metadata = [], {}
    for item in json.loads(path.read_text(encoding="utf-8")):
        title = _first(item.get("title"))
        part = ((item.get("issued") or {}).get("date-parts") or [[None]])[0][0]
        year = int(part) if str(part).strip().isdigit() else None  # CSL may write a date part as a string
        authors = tuple(Person(a.get("family", a.get("literal", "")), a.get("given", ""))
                        for a in item.get("author") or ())
        sources.append(Source(key=item["id"], type="article", authors=authors, year=year, title=title,
                              container=_first(item.get("container-title")), doi=item.get("DOI", ""),
                              fields={"year": str(year or "")}))
        if item.get("abstract") or item.get("subject"):
            record = RegistryRecord(doi=(item.get("DOI") or "").lower(), agency="crossref", title=title,
                                    subtitle=_first(item.get("subtitle")), abstract=item.get("abstract", ""),
                                    raw={"subject": item.get("subject") or []})
            metadata[item["id"]] = SourceMetadata(item["id"], "verified", record)
    return Bibliography(tuple(sources), file=str(path)), metadata


def _first(value) -> str:
    return (value[0] if value else "") if isinstance(value, list) else (value or "")


def _pandoc_paper(folder: Path, doc: str, bib: Path, gold: Path) -> Document:
    """A Markdown paper whose gold lists citing sentences: every sentence of their paragraphs."""
    text = (folder / doc).read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text[text.index("\n---", 3) + 4:]
    cited = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        cited[" ".join(row["text"].split())] = [c["key"] for c in row["citations"]]
    blocks = []
    for para in re.split(r"\n\s*\n", text):
        flat = " ".join(para.split())
        if not flat or flat[0] in "#`|!<:" or not any(g in flat for g in cited):
            continue
        sentences = []
        for sentence in _split(flat):
            keys = next((v for g, v in cited.items() if g == sentence or (len(g) > 40 and g in sentence)), None)
            if keys is None and "@" in sentence:
                continue  # a citation the gold does not place: leave the sentence out
            stripped = strip_markers(sentence)
            if len(stripped.split()) >= 3:
                sentences.append((stripped, keys or []))
        if sentences:
            blocks.append(sentences)
    essay, labels = _essay(folder.name, blocks)
    return Document(folder.name, essay, load_bibliography(bib), labels)


def load_extra(folder: Path) -> list[Document]:
    """Further development documents: the papers ``folder/SOURCES.tsv`` lists (columns name, source, bib;
    a path relative to the folder or absolute), their gold the Cite elements of pandoc's reading, paragraph
    by paragraph. Keys the bibliography lacks are left out of the gold (cross-references with them); a
    paper pandoc refuses is skipped with a message. A source may be any form ``manuscript_dir`` reads, a
    Manubot ``content/`` folder too: its bibliography is the row's file, or with none (an empty bib cell) the
    sources its citations imply, keyed as written (``@doi:...``), as litreview has them
    (``manuscript_dir.bibliography_of``)."""
    from manuscript_dir import bibliography_of, form_of, listed_sources, pandoc_document

    from tests.fuzz.pandoc_diff import pandoc_path

    pandoc = pandoc_path()
    if pandoc is None:
        print("pandoc not found: install the test extra (pypandoc-binary)", file=sys.stderr)
        return []
    docs = []
    for name, source, bib in listed_sources(folder):
        form = form_of(source)
        if not form:
            print(f"{name}: skipped, {source} is no manuscript litreview reads", file=sys.stderr)
            continue
        try:
            ast = pandoc_document(pandoc, source, form)
        except subprocess.CalledProcessError as exc:
            print(f"{name}: skipped, pandoc refused it: {(exc.stderr or '').strip()[-120:]}", file=sys.stderr)
            continue
        bibliography = bibliography_of(source, bib)
        keys = {k.lower(): k for k in bibliography.keys}
        keys.update((k, k) for k in bibliography.keys)
        blocks = []
        lacking: set[str] = set()
        for inlines in _paragraphs(ast["blocks"]):
            block, cites = _flatten(inlines)
            written = [block[a:b] for a, b, _ in cites]
            sentences = _sentences(block, _cited(block, cites, keys), written)
            if any(k for _, k in sentences):
                blocks.append(sentences)
                lacking.update(strip_markers(t, written) for t in _lacking(block, cites, keys))
        essay, gold = _essay(name, blocks)
        unresolved = {c.id for c in essay.claims if c.text in lacking}
        docs.append(Document(name, essay, bibliography, gold, unresolved=unresolved))
    return docs


def _paragraphs(blocks: list[dict]) -> Iterator[list[dict]]:
    """The inlines of every paragraph of the body, lists, quotations and divs (headings, tables, figures
    and code left out), then those of the notes they hold."""
    for block in blocks:
        kind, c = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            yield c
            notes: list[dict] = []
            _collect(c, "Note", notes)
            for note in notes:
                yield from _paragraphs(note["c"])
        elif kind == "BlockQuote":
            yield from _paragraphs(c)
        elif kind in ("BulletList", "OrderedList"):
            for item in c if kind == "BulletList" else c[1]:
                yield from _paragraphs(item)
        elif kind == "Div":
            yield from _paragraphs(c[1])
        elif kind == "DefinitionList":
            for _term, definitions in c:
                for definition in definitions:
                    yield from _paragraphs(definition)


def _collect(node: object, kind: str, out: list[dict]) -> None:
    """Every element of ``kind`` in ``node``, outermost first (not those inside one)."""
    if isinstance(node, dict):
        if node.get("t") == kind:
            out.append(node)
            return
        node = node.get("c")
    if isinstance(node, list):
        for child in node:
            _collect(child, kind, out)


_CONTAINERS = ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps", "Underline")
_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}


def _flatten(inlines: list[dict]) -> tuple[str, list[tuple[int, int, list[str]]]]:
    """A paragraph as text, each citation as written (pandoc's own reading of it: ``[@a; @b]``,
    ``\\citep{a,b}``), and the (start, end, keys) of each citation; notes left out."""
    parts: list[str] = []
    cites: list[tuple[int, int, list[str]]] = []
    size = 0

    def add(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)

    def walk(nodes: list[dict], in_cite: bool) -> None:
        for node in nodes:
            kind, c = node["t"], node.get("c")
            if kind == "Str":
                add(c)
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                add(" ")
            elif kind == "Cite":
                start = size
                walk(c[1], True)
                cites.append((start, size, [item["citationId"] for item in c[0]]))
            elif kind in ("Code", "Math") or (kind == "RawInline" and in_cite):  # in a citation: LaTeX as written
                add(c[1])
            elif kind == "Quoted":
                opening, closing = _QUOTES[c[0]["t"]]
                add(opening)
                walk(c[1], in_cite)
                add(closing)
            elif kind in _CONTAINERS:
                walk(c, in_cite)
            elif kind in ("Link", "Span"):
                walk(c[1], in_cite)

    walk(inlines, False)
    return "".join(parts), cites


def _cited(block: str, cites: list[tuple[int, int, list[str]]], keys: dict[str, str]) -> list[dict]:
    """The block's sentences that cite an entry of the bibliography, with the keys each cites: the block
    split at sentence ends (none inside a citation), a citation in the sentence it starts in."""
    ends = [m for m in _ends(block) if not any(a < m.start() < b for a, b, _ in cites)]
    spans = list(zip([0, *(m.end() for m in ends)], [*(m.start() for m in ends), len(block)], strict=True))
    out = []
    for start, end in spans:
        found = [keys.get(k, keys.get(k.lower())) for a, _, ks in cites if start <= a < end for k in ks]
        cited = list(dict.fromkeys(k for k in found if k))
        if cited:
            out.append({"sentence": block[start:end], "keys": cited})
    return out


_CROSSREF = re.compile(r"(?:sec|fig|tbl|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|nte|tip|wrn|imp|cau)[-:]")
"""Quarto's and bookdown's cross-reference prefixes: a key with one names a part of the document, not an entry."""


def _lacking(block: str, cites: list[tuple[int, int, list[str]]], keys: dict[str, str]) -> list[str]:
    """The block's sentences (split as ``_cited`` splits them) that cite a key the bibliography lacks."""
    ends = [m for m in _ends(block) if not any(a < m.start() < b for a, b, _ in cites)]
    spans = zip([0, *(m.end() for m in ends)], [*(m.start() for m in ends), len(block)], strict=True)
    return [block[start:end] for start, end in spans
            if any(keys.get(k, keys.get(k.lower())) is None and not _CROSSREF.match(k)
                   for a, _, ks in cites if start <= a < end for k in ks)]


def load_document(corpus: Path, name: str) -> Document | None:
    if name == "chaudhry-heiss":
        folder = corpus / name
        return _pandoc_paper(folder, "are_funders_really_responding.md", folder / "bibliography.bib",
                             folder / "gold" / "gold_citations.jsonl") if folder.is_dir() else None
    if name in ("joss-gmr", "joss-hypothesize"):
        folder = corpus / name
        return _pandoc_paper(folder, "paper.md", folder / "paper.bib",
                             folder / "gold" / "gold_citations.jsonl") if folder.is_dir() else None
    folder = corpus / "manuscripts" / name
    return _manuscript(folder) if folder.is_dir() else None


def load_split(corpus: Path, names: tuple[str, ...]) -> list[Document]:
    return [d for d in (load_document(corpus, n) for n in names) if d is not None]
