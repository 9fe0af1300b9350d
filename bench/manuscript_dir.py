"""Any folder of manuscripts against pandoc: the keys each cites, as litreview and pandoc read them.

Used by ``python bench/eval_manuscripts.py --dir FOLDER``. No bibliography is needed: what is compared is
the keys each document cites, as distinct keys and as citation items (a key cited three times, three items),
and the mode (normal, author-in-text, suppress-author) and suffix (locator and the rest, as plain text) of each
item both cite: those litreview reads otherwise than pandoc are counted and listed.
A document is a ``.md``/``.markdown``/``.Rmd``/``.qmd``/``.tex`` file, or a ``content/`` folder of Manubot
``.md`` files (one manuscript: its files joined in name order, a blank line between, as Manubot does; its
Jinja2 markup and alias definitions ``[@a]: doi:…`` left out, as Manubot and pandoc-manubot-cite do).

pandoc reads LaTeX with ``-f latex`` (the endnotes package's ``\\endnote`` given to it as the note it is, ``\\footnote``:
pandoc drops a command it does not know with its text) and Markdown with ``-f markdown``: knitr chunk fences ```` ```{r x} ````
first written ```` ```r ```` (pandoc does not know them), and the R Markdown chunks knitr writes out as
Markdown (bookdown's ```` ```{theorem} ```` and the like) given as the fenced divs they become. pandoc does not run
R: a caption knitr writes from a chunk (``fig.cap = "…"``, ``kable(x, caption = "…")``) is code to it, so a citation
there that litreview reads (as the knitted document cites it) counts as litreview's alone, against its precision: a
known limit of this oracle, not a misreading (none of the dev folders' chunk captions cites). Its keys are
the ids of every Cite element of the AST, the front matter's included and ``nocite`` left out, less the
cross-references of pandoc-crossref and Quarto (``fig:x``, ``@tbl-y``, ...). litreview's keys are the
citations of the essay's claims (Manubot: the key as written, before an alias or tag is resolved) less what
its linker takes for a cross-reference. A note pandoc prints again (a Markdown note referenced twice, a label defined
twice: pandoc prints its last definition at each reference) repeats its items in pandoc's AST; litreview reads a note
once, where it is written: the copies it misses are counted as missed and said to be copies. A document pandoc refuses
is listed and skipped; one litreview refuses with an error message counts as citing nothing; any other exception is a
crash and listed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from litreview.model import Bibliography

SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".rmd": "rmarkdown", ".qmd": "quarto", ".tex": "latex",
            ".ltx": "latex", ".latex": "latex"}
"""The manuscripts a folder's walk takes, by suffix (a listed source may have any name pandoc reads as Markdown:
``form_of``)."""
CHUNK_FENCE = re.compile(r"^(\s*)(`{3,})\s*\{([A-Za-z0-9_]+)(?:[^}\"'\n]|\"[^\"\n]*\"|'[^'\n]*')*\}\s*$", re.M)
"""A knitr chunk's opening fence; its options' quoted strings may hold braces (``fig.cap="$\\Delta_{L}$"``)."""
# What knitr writes out as Markdown, not as code (an oracle of its own, not the reader's rule): bookdown's
# theorem and proof engines (bookdown::fence_theorems makes them fenced divs), block, block2, and asis with echo.
TEXT_CHUNK = re.compile(r"^[ \t]*(`{3,})[ \t]*\{[ \t]*(theorem|lemma|corollary|proposition|conjecture|definition"
                        r"|example|exercise|hypothesis|proof|remark|solution|block2?|asis)\b([^}\n]*)\}[ \t]*\n"
                        r"(.*?)^[ \t]*\1[ \t]*$", re.M | re.S)
CROSSREF = re.compile(r"^(fig|tbl|tab|eq|sec|lst|thm|lem|cor|prp|cnj|def|exm|exr|apx|suppfig|supptbl)[-:]", re.I)
ALIAS = re.compile(r"^\[@[^\]\s]+\]:[ \t]*\S+[ \t]*$", re.M)
"""A Manubot alias definition, ``[@alias]: doi:10.1000/xyz``, on a line of its own."""
JINJA = re.compile(r"\{##.*?##\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
"""Jinja2 markup, which Manubot renders before pandoc reads the text (its comments written ``{## … ##}``, as
Manubot's environment has them): a comment goes, a statement or a variable becomes text of the build (names,
dates, addresses), here nothing."""
UNREAD_BY_PANDOC = frozenset({
    "Citet", "Citep", "Citealp", "Citealt", "Citeauthor", "fullcite", "footfullcite", "smartcites", "citetitle",
    "Citetitle", "citeurl", "citedate", "citeurldate", "citenum", "citetalias", "Citetalias", "citepalias",
    "Citepalias", "textcquote"})
"""The LaTeX citation commands pandoc 3.9 does not read and litreview reads as natbib, biblatex and csquotes define
them (docs/guarantees.md): an item only litreview cites from one is listed as such, and counted apart in the report
(it still counts against precision)."""
_COMMAND_NAME = re.compile(r"\\([A-Za-z]+)")
ENDNOTE = re.compile(r"\\endnote(?![A-Za-z])")
"""The endnotes package's note, which LaTeX prints (at the end) and pandoc 3.9 drops with its text, as a command it
does not know: given to pandoc as the ``\\footnote`` it is (litreview reads it as a note)."""
SLOW = 2.0
"""Seconds: a read slower than this is listed."""


@dataclass
class DocRow:
    name: str
    form: str
    want: Counter[str] = field(default_factory=Counter)
    """pandoc's keys, each as often as an item cites it."""
    got: Counter[str] = field(default_factory=Counter)
    want_items: Counter[Item] = field(default_factory=Counter)
    """pandoc's (key, mode, suffix) of each item: mode as litreview names it (normal, author-in-text,
    suppress-author), the suffix as ``suffix_text`` writes it."""
    got_items: Counter[Item] = field(default_factory=Counter)
    documented: Counter[str] = field(default_factory=Counter)
    """litreview's keys, each as often as an item of a command pandoc does not read (``UNREAD_BY_PANDOC``) cites it."""
    repeated: Counter[Item] = field(default_factory=Counter)
    """pandoc's items in the copies of a note it prints again (``note_copies``), which litreview reads once."""
    seconds: float = 0.0
    skipped: str = ""
    """Why pandoc did not give the keys (the document is left out of the figures)."""
    error: str = ""
    """litreview's refusal (an error message) or a crash (an exception it did not mean)."""
    crashed: bool = False

    def misreads(self, part: int) -> tuple[int, int, list[str]]:
        """``misreads`` of pandoc's items (less the copies of a note it prints again that litreview does not cite)
        and litreview's."""
        return misreads(self.want_items - (self.repeated & (self.want_items - self.got_items)), self.got_items, part)

    def counts(self, items: bool) -> tuple[int, int, int]:
        """(agreed, litreview only, pandoc only): distinct keys, or with ``items`` citation items."""
        if items:
            return sum((self.got & self.want).values()), sum((self.got - self.want).values()), \
                sum((self.want - self.got).values())
        got, want = set(self.got), set(self.want)
        return len(got & want), len(got - want), len(want - got)


Item = tuple[str, str, str]
"""A citation item: (key, mode, suffix)."""
MODE, SUFFIX = 1, 2
"""The part of an ``Item`` that ``misreads`` compares."""


def misreads(want: Counter[Item], got: Counter[Item], part: int) -> tuple[int, int, list[str]]:
    """(items both cite, of them read with another mode or suffix (``part``) than pandoc's, "key: pandoc's
    'value', litreview's 'value'" for each), from pandoc's and litreview's items."""
    def pairs(items: Counter[Item]) -> Counter[tuple[str, str]]:
        return Counter((item[0], item[part]) for item in items.elements())

    want_pairs, got_pairs = pairs(want), pairs(got)
    got_keys, want_keys = Counter(k for k, _, _ in got.elements()), Counter(k for k, _, _ in want.elements())
    both = sum((got_keys & want_keys).values())
    theirs, ours = want_pairs - got_pairs, got_pairs - want_pairs
    wrong = []
    for (key, value), n in sorted(theirs.items()):
        if got_keys[key]:
            other = sorted(v for k, v in ours.elements() if k == key)
            wrong += [f"{key}: pandoc {value!r}, litreview {other[0]!r}" if other else f"{key}: pandoc {value!r}"] * n
    return both, both - sum((got_pairs & want_pairs).values()), wrong


_SPACES = re.compile(r"\s+")
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "*": None, "`": None, "$": None})


def suffix_text(suffix: str) -> str:
    """A citation's suffix as compared: its white space (a no-break space too) one space, a leading comma gone;
    quotation marks as typed and the marks of emphasis, code and math left out (litreview keeps a suffix as written,
    "*though*", pandoc as it reads it)."""
    return _SPACES.sub(" ", suffix.translate(_PLAIN)).strip().removeprefix(",").strip()


def shown_suffix(suffix: str) -> str:
    """``suffix_text`` of a litreview item's suffix as the site prints it: its Markdown rendered, in plain text
    (litreview keeps a suffix as written, "_Titre_", "«\\ mot\\ »", "pp. 33--35", "[the site](https://x.org)"; pandoc
    as it reads it, "Titre", "« mot »", "pp. 33–35", "the site")."""
    from litreview.render.claim_text import plain_text

    return suffix_text(plain_text(suffix)) if suffix else ""


def inline_text(inlines: object) -> str:
    """The plain text of pandoc JSON inlines (a suffix): quotation marks as printed, raw TeX or HTML dropped."""
    if isinstance(inlines, list):
        return "".join(inline_text(x) for x in inlines)
    if not isinstance(inlines, dict):
        return ""
    kind, content = inlines.get("t"), inlines.get("c")
    if kind == "Str":
        return str(content)
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Code", "Math"):
        return str(content[1])
    if kind == "Quoted":
        single = content[0]["t"] == "SingleQuote"
        return ("‘" if single else "“") + inline_text(content[1]) + ("’" if single else "”")
    if kind == "Image":  # as pandoc's plain output prints it: its description in brackets, "[]" for none
        alt, target = content[1], content[2][0]
        return "[" + ("" if alt == [{"t": "Str", "c": target}] else inline_text(alt)) + "]"
    if kind in ("Link", "Span", "Cite"):
        return inline_text(content[1])
    if kind == "RawInline":
        return ""
    return inline_text(content)


def documents(folder: Path) -> Iterator[tuple[Path, str]]:
    """(path, form) of each manuscript under ``folder``: files, and Manubot ``content/`` folders as one.
    A folder with a ``SOURCES.tsv`` (name, source, .bib: the list the other benchmarks read) gives only the
    sources it lists: its notes are not manuscripts."""
    if folder.name == "content" and any(folder.glob("*.md")):
        yield folder, "manubot"  # a Manubot content/ folder given itself
        return
    if (folder / "SOURCES.tsv").is_file():
        yield from _listed(folder)
        return
    found = []
    for top, dirs, files in os.walk(folder, followlinks=True):  # a folder of links to folders is fine
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(top) / name for name in (*dirs, *files) if not name.startswith(".")]
    for path in sorted(found):
        if path.is_dir() and path.name == "content" and any(path.glob("*.md")):
            yield path, "manubot"
        elif path.is_file() and path.parent.name != "content" and path.suffix.lower() in SUFFIXES:
            yield path, SUFFIXES[path.suffix.lower()]


def listed_sources(folder: Path) -> list[tuple[str, Path, Path]]:
    """(name, source, .bib) of each row of ``folder/SOURCES.tsv``: tab-separated name, source and .bib, paths
    relative to the folder or absolute (an empty .bib cell, for a Manubot manuscript with none, gives the
    folder itself: no file); blank lines, lines starting with "#" and a first row starting with "name"
    (the header) skipped. A .bib cell may name several BibTeX files, separated by ";" (a manuscript that gives
    pandoc several bibliographies): they are read as one, their texts joined (``joined_bibliography``), as pandoc
    reads several bibliographies. The one reader of that list for every benchmark that takes such a folder."""
    out = []
    for number, line in enumerate((folder / "SOURCES.tsv").read_text(encoding="utf-8").splitlines(), 1):
        cells = line.split("\t")
        if not line.strip() or line.startswith("#") or (number == 1 and cells[0] == "name"):
            continue
        if len(cells) < 3:
            raise SystemExit(f"{folder / 'SOURCES.tsv'}:{number}: expected name, source and .bib, tab-separated")
        bibs = [folder / cell.strip() for cell in cells[2].split(";") if cell.strip()]
        if len(bibs) > 1 and any(b.suffix.lower() != ".bib" for b in bibs):
            raise SystemExit(f"{folder / 'SOURCES.tsv'}:{number}: several bibliographies are joined only when "
                             "all are BibTeX (.bib) files")
        out.append((cells[0], folder / cells[1], joined_bibliography(bibs) if len(bibs) > 1 else folder / cells[2]))
    return out


def joined_bibliography(bibs: list[Path]) -> Path:
    """One BibTeX file holding the texts of ``bibs`` one after the other, in a folder of the temporary directory
    (never beside the manuscripts): named by a hash of the paths and texts, so a run reads the same file again."""
    import hashlib

    texts = [b.read_text(encoding="utf-8-sig") for b in bibs]
    digest = hashlib.sha1("\0".join([*map(str, bibs), *texts]).encode("utf-8")).hexdigest()[:16]
    out = Path(tempfile.gettempdir()) / "litreview-bench-bibs" / f"{digest}.bib"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_suffix(f".{os.getpid()}.part")
        partial.write_text("\n\n".join(texts), encoding="utf-8")
        partial.replace(out)
    return out


def _listed(folder: Path) -> Iterator[tuple[Path, str]]:
    """(path, form) of each source ``folder/SOURCES.tsv`` lists; a source of no known form stops the run."""
    for name, path, _ in listed_sources(folder):
        form = form_of(path)
        if not form:  # never left out in silence: a figure over fewer documents than listed misleads
            raise SystemExit(f"{folder / 'SOURCES.tsv'}: row {name}: {path} is neither a manuscript file "
                             "(a name pandoc reads as Markdown or LaTeX) nor a Manubot content/ folder; list each "
                             "of its files as a row of its own")
        yield path, form


def form_of(path: Path) -> str:
    """The form of the manuscript source ``path``: "manubot" for a ``content/`` folder, else by its suffix
    (``SUFFIXES``), a name pandoc reads as Markdown by its own rule being "markdown" (``lit_review.pdc``: pandoc reads
    a name it does not know as Markdown, and so does litreview); '' for anything else (a folder, a notebook, a name
    pandoc reads as another format: ``pandoc_options.other_format``)."""
    from litreview.pandoc_options import other_format

    if path.is_dir():
        return "manubot" if path.name == "content" else ""
    suffix = path.suffix.lower()
    return SUFFIXES.get(suffix, "") or ("" if suffix == ".ipynb" or other_format(path) else "markdown")


def manubot_text(folder: Path) -> str:
    """A Manubot ``content/`` folder as the one Markdown text pandoc reads: its ``.md`` files joined in name
    order, a blank line between, its alias definitions and Jinja2 markup left out."""
    parts = sorted(folder.glob("*.md"))
    text = "\n\n".join(p.read_text(encoding="utf-8").rstrip("\n") for p in parts) + "\n"
    text = ALIAS.sub("", text)  # pandoc-manubot-cite takes these paragraphs out of the document
    return JINJA.sub("", text)  # Manubot renders content/ as a Jinja2 template first


def bibliography_of(source: Path, bib: Path) -> Bibliography:
    """The bibliography litreview reads for a listed manuscript: ``bib`` (load_bibliography: BibTeX or CSL);
    for a Manubot ``content/`` folder, as ``litreview check`` has it (``review.load_inputs``): ``bib`` when the
    row names a file, else the sources its citations imply (``manuscript_sources``: ``@doi:...`` and the rest,
    described by its ``manual-references.json``)."""
    from litreview.bibliography.load import load_bibliography
    from litreview.config import DEFAULT_BIBLIOGRAPHY, Config
    from litreview.review import load_inputs

    if form_of(source) != "manubot":
        return load_bibliography(bib)
    config = Config(root=source.parent, essay=str(source),
                    bibliography=str(bib) if bib.is_file() else DEFAULT_BIBLIOGRAPHY)
    return load_inputs(config, load_bibliography, with_essay=False)[0]


PANDOC_MODES = {"NormalCitation": "normal", "AuthorInText": "author-in-text", "SuppressAuthor": "suppress-author"}


def pandoc_items(pandoc: str, path: Path, form: str) -> tuple[Counter[Item], Counter[Item]]:
    """Each item pandoc cites in the manuscript, and of them those in the copies of a note it prints again
    (``note_copies``) (CalledProcessError when pandoc refuses it)."""
    ast = pandoc_document(pandoc, path, form)
    meta = {k: v for k, v in ast["meta"].items() if k != "nocite"}
    # (LaTeX has no note referenced twice: two \footcite{k} are two notes, the same)
    return _items([ast["blocks"], meta]), _items(note_copies(ast["blocks"]) if form != "latex" else [])


def _items(nodes: list) -> Counter[Item]:
    from tests.fuzz.pandoc_diff import cite_items

    items = (c for c in cite_items(nodes) if not CROSSREF.match(c["citationId"]))
    return Counter((c["citationId"], PANDOC_MODES.get(c["citationMode"]["t"], c["citationMode"]["t"]),
                    suffix_text(inline_text(c["citationSuffix"]))) for c in items)


def note_copies(node: object, seen: set[str] | None = None) -> list:
    """The notes of a pandoc AST that repeat one before them: pandoc prints a note at each reference to it (``[^1]``
    twice), and a label defined again with its last definition at each; litreview reads a note once, where it is
    written. Two notes are one when they are the same but for their citations' note numbers."""
    seen = set() if seen is None else seen
    found: list = []
    if isinstance(node, dict):
        if node.get("t") == "Note":
            same = json.dumps(node["c"], sort_keys=True, default=str)
            same = _NOTE_NUMBER.sub("", same)
            if same in seen:
                return [node["c"]]
            seen.add(same)
        for value in node.values():
            found += note_copies(value, seen)
    elif isinstance(node, list):
        for value in node:
            found += note_copies(value, seen)
    return found


_NOTE_NUMBER = re.compile(r'"citation(?:NoteNum|Hash)": \d+')


def pandoc_document(pandoc: str, path: Path, form: str) -> dict:
    """pandoc's JSON AST of the manuscript, read as its form is (CalledProcessError when pandoc refuses it)."""
    from tests.fuzz.pandoc_diff import pandoc_ast

    if form == "latex":
        text = path.read_text(encoding="utf-8", errors="replace")
        if not ENDNOTE.search(text):
            return pandoc_ast(pandoc, path, "latex")
        done = subprocess.run([pandoc, "-f", "latex", "-t", "json"], input=ENDNOTE.sub(r"\\footnote", text),
                              cwd=path.parent, capture_output=True, text=True, check=True)  # (\input read from there)
        ast = json.loads(done.stdout)
    else:
        text = manubot_text(path) if form == "manubot" else path.read_text(encoding="utf-8")
        if form == "rmarkdown":
            text = TEXT_CHUNK.sub(_knitr_text, text)
        if form in ("rmarkdown", "quarto"):
            text = CHUNK_FENCE.sub(lambda m: m.group(1) + m.group(2) + m.group(3), text)
        with tempfile.TemporaryDirectory(prefix="litreview-wild-") as tmp:
            copy = Path(tmp) / "doc.md"
            copy.write_text(text, encoding="utf-8")
            ast = pandoc_ast(pandoc, copy, "markdown")
    return ast


def _knitr_text(m: re.Match[str]) -> str:
    """A chunk knitr writes out as Markdown as the fenced div it becomes (as code when knitr prints nothing)."""
    options = m.group(3)
    if re.search(r"\b(?:include|eval)\s*=\s*(?:FALSE|F)\b", options) or (
            m.group(2) == "asis" and re.search(r"\becho\s*=\s*(?:FALSE|F)\b", options)):
        return m.group()
    return f"::: {{.{m.group(2)}}}\n{m.group(4)}:::"


def litreview_items(path: Path, form: str) -> tuple[Counter[Item], Counter[str]]:
    """Each item litreview's readers find (InputError when it refuses the manuscript), and the keys of those it reads
    from a LaTeX command pandoc does not read (``UNREAD_BY_PANDOC``)."""
    from litreview.essay import load_essay
    from litreview.essay.cites import is_crossref

    essay = load_essay(path)
    written = form == "manubot"
    items = (((c.alias or c.key) if written else c.key, c.mode, shown_suffix(c.suffix))
             for claim in essay.claims for c in claim.citations or ())
    unread = Counter(c.key for claim in essay.claims for c in claim.citations or ()
                     if form == "latex" and (name := _COMMAND_NAME.match(c.command)) is not None
                     and name.group(1) in UNREAD_BY_PANDOC)
    return Counter(i for i in items if not is_crossref(i[0])), unread  # what the linker does with a cross-reference


def read_folder(folder: Path, pandoc: str) -> list[DocRow]:
    from litreview.errors import InputError

    rows = []
    for path, form in documents(folder):
        row = DocRow(str(path.relative_to(folder)) if path != folder else path.name, form)
        rows.append(row)
        try:
            row.want_items, row.repeated = pandoc_items(pandoc, path, form)
            row.want = Counter(k for k, _, _ in row.want_items.elements())
        except subprocess.CalledProcessError as exc:
            row.skipped = f"pandoc refused it: {(exc.stderr or '').strip()[-120:]}"
            continue
        started = time.process_time()
        try:
            row.got_items, row.documented = litreview_items(path, form)
            row.got = Counter(k for k, _, _ in row.got_items.elements())
        except InputError as exc:  # a refusal with a message: it cites nothing, as far as litreview goes
            row.error = " ".join(f"refused: {exc}".split())[:160]
        except Exception as exc:
            row.error, row.crashed = " ".join(f"CRASH {type(exc).__name__}: {exc}".split())[:160], True
        row.seconds = time.process_time() - started
    return rows


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(title: str, rows: list[DocRow], show_keys: bool) -> None:
    """Per document and per form: precision and recall of litreview's keys against pandoc's, over distinct
    keys and over citation items (a key cited three times is three items)."""
    print(f"\n{title}")
    print(f"  {'document':<52} {'form':<9} {'keys P':>6} {'R':>6} {'n':>4} {'items P':>7} {'R':>6} {'n':>4} "
          f"{'cpu s':>6}")
    forms: dict[str, list[int]] = {}
    for r in rows:
        if r.skipped:
            print(f"  {r.name[-52:]:<52} {r.form:<9} SKIPPED ({r.skipped})")
            continue
        (tp, fp, fn), (itp, ifp, ifn) = r.counts(items=False), r.counts(items=True)
        total = forms.setdefault(r.form, [0] * 7)
        for i, n in enumerate((tp, fp, fn, itp, ifp, ifn, 1)):
            total[i] += n
        flag = " SLOW" if r.seconds > SLOW else ""
        print(f"  {r.name[-52:]:<52} {r.form:<9} {_ratio(tp, tp + fp):>6} {_ratio(tp, tp + fn):>6} {tp + fn:>4} "
              f"{_ratio(itp, itp + ifp):>7} {_ratio(itp, itp + ifn):>6} {itp + ifn:>4} {r.seconds:6.2f}{flag}")
        if r.error:
            print(f"      {r.error}")
        if show_keys:
            for k, n in sorted((r.got - r.want).items()):
                known = min(n, r.documented[k])
                print(f"      extra (litreview only): {k}" + (f" x{n}" if n > 1 else "")
                      + (f" ({known} of a command pandoc does not read, documented)" if known else ""))
            copies = Counter(k for k, _, _ in r.repeated.elements())
            for k, n in sorted((r.want - r.got).items()):
                again = min(n, copies[k])
                print(f"      missed (pandoc only):   {k}" + (f" x{n}" if n > 1 else "")
                      + ((f" ({again} of them " if again < n else " (") + "a note's copy pandoc prints again)"
                         if again else ""))
            for part, name in ((MODE, "mode"), (SUFFIX, "suffix")):
                for what in r.misreads(part)[2]:
                    print(f"      {name} misread: {what}")
    print(f"  {'form':<12} {'docs':>5} {'keys P':>7} {'R':>6} {'n':>5} {'items P':>7} {'R':>6} {'n':>5}")
    everything = [0] * 7
    for form, counts in [*sorted(forms.items()), ("all", None)]:
        if counts is None:
            counts = everything
        else:
            everything = [a + b for a, b in zip(everything, counts, strict=True)]
        tp, fp, fn, itp, ifp, ifn, docs = counts
        print(f"  {form:<12} {docs:>5} {_ratio(tp, tp + fp):>7} {_ratio(tp, tp + fn):>6} {tp + fn:>5} "
              f"{_ratio(itp, itp + ifp):>7} {_ratio(itp, itp + ifn):>6} {itp + ifn:>5}")
    for part, name in ((MODE, "mode"), (SUFFIX, "suffix")):
        both = wrong = 0
        for r in rows:
            if not r.skipped:
                b, w, _ = r.misreads(part)
                both, wrong = both + b, wrong + w
        print(f"  {name} misreads: {wrong} of {both} items both cite read with another {name} than pandoc's")
    extra = sum(sum((r.got - r.want).values()) for r in rows if not r.skipped)
    documented = sum(sum(((r.got - r.want) & r.documented).values()) for r in rows if not r.skipped)
    print(f"  {documented} of the {extra} items litreview alone cites are of LaTeX commands pandoc does not read "
          "(natbib's, biblatex's and csquotes', read as the packages define them; documented)")
    missed = sum(sum((r.want - r.got).values()) for r in rows if not r.skipped)
    again = sum(sum(((r.want - r.got) & Counter(k for k, _, _ in r.repeated.elements())).values())
                for r in rows if not r.skipped)
    print(f"  {again} of the {missed} items pandoc alone cites are copies of a note it prints again (a note referenced "
          "twice, a label defined twice: litreview reads a note once, where it is written; counted as missed)")
    crashes = [r.name for r in rows if r.crashed]
    skipped = sum(1 for r in rows if r.skipped)
    refused = sum(1 for r in rows if r.error and not r.crashed)
    print(f"  {skipped} skipped (pandoc refused), {refused} refused by litreview, {len(crashes)} crashed"
          + (f": {', '.join(crashes)}" if crashes else ""))
