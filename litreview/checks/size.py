"""Size warnings: a paragraph, sentence or essay far beyond what prose ever is (LR312, LR313);
a manuscript's input file not found (LR314), a bibliography it names that is not read (LR321), a citation style it
names that is not there (LR329).

Such text is still read (sentences are cut and fed to the segmenter in bounded pieces, and the
linkers read a sentence's first ``MAX_SENTENCE`` characters, so the work stays linear), but a
missing blank line or a flattened export makes its claims and links unreliable, and the author
should know why.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..config import quoted
from ..essay import BIBTEX, CHILD_CHUNK, MISSING_INPUTS
from ..essay.segment import MAX_PIECE
from ..model import Bibliography, Claim, Essay, Finding, UnreadBibliographies
from ..text import plural
from .catalogue import finding

MAX_PARAGRAPH = 20_000
"""Characters: about 3,000 words, ten times a long academic paragraph."""
MAX_SENTENCE = MAX_PIECE
"""Characters (5,000, about 800 words): the segmenter's piece size, and what the linkers read of a
sentence (linking.MAX_LINKED)."""
MAX_ESSAY = 5_000_000
"""Characters: about 800,000 words, several books."""


def check_inputs(essay: Essay) -> list[Finding]:
    """LR314 for each file the manuscript includes that does not exist (its reader lists them)."""
    found = []
    for file, line, name, *written in essay.meta.get(MISSING_INPUTS) or ():
        command = written[0] if written else "\\input"  # (the command: \include, \subfile, \import)
        if command == CHILD_CHUNK:  # knitr stops on it: the rest of the document is read here
            found.append(finding("LR314", f"the child document {name} is not there: its text and citations are not "
                                 "reviewed", file=file, line=line,
                                 hint="restore it or remove the chunk (knitr reads the name from the folder of the "
                                      "file it renders)"))
            continue
        found.append(finding("LR314", f"{command} file {name} not found: its text and citations are not reviewed",
                             hint=f"check the name (relative to the folder of {Path(file).name}), add the file, "
                                  f"or remove the {command}", file=file, line=line))
    return found


def check_unread_bibliographies(essay: Essay, unread: UnreadBibliographies) -> list[Finding]:
    """LR321 for each file the essay names as its bibliography that exists but was not read (the settings name
    others; the loading stage finds them), at the line of the essay that names it; the hint gives the setting
    that reads them all. Also for each file it names that does not exist."""
    essay_name = Path(essay.path).name
    namer = unread.named_by or essay_name
    found = [finding("LR321", f"{name} is named as a bibliography by {namer} but does not exist: "
                     f"{_missing_stops(essay, name)}, and a citation of an entry it should hold matches no entry",
                     file=essay.path, line=line,
                     hint=f"Add the file (from where the document is built), or take it out of {namer}")
             for name, line in unread.missing]
    if not unread.files:
        return found
    hint = (f"Read them all: bibliography = {quoted(list(unread.setting))} in the settings, or leave the setting "
            "out to read the files the essay names")
    return found + [finding("LR321", f"{name} is named as a bibliography by {namer} but not read "
                            "(the settings name others): its entries are not checked", hint=hint, file=essay.path,
                            line=line)
                    for name, line in unread.files]


def check_style_file(essay: Essay) -> list[Finding]:
    """LR329 for the citation style (``csl:``) the essay's front matter or its Quarto project names when the file is
    not there (``essay_bibliographies.missing_style``), at the line that names it."""
    from ..essay_bibliographies import missing_style

    missing = missing_style(essay)
    if missing is None:
        return []
    name, file, line = missing
    return [finding("LR329", f"{name} is named as the citation style by {Path(file).name} but is not there: pandoc "
                             f"stops rendering (\"File {name} not found in resource path\") unless its data directory's "
                             "csl/ folder holds it", file=file, line=line,
                    hint=f"Add {name} beside {Path(file).name} (or correct the name), or take csl: out to print in "
                         "pandoc's default Chicago author-date style")]


def _missing_stops(essay: Essay, name: str) -> str:
    """What the build does with a bibliography file that does not exist: BibTeX warns and goes on, biber (a
    biblatex document) and pandoc stop."""
    if essay.format != "latex":
        return "pandoc stops on it"
    if essay.meta.get(BIBTEX):
        return f'BibTeX warns "I couldn\'t open database file {name}" and prints none of its entries'
    return "biber stops on it with an error"


def check_sizes(essay: Essay) -> list[Finding]:
    """LR312 for each oversized paragraph (or its first oversized sentence), LR313 for an oversized essay."""
    found: list[Finding] = []
    file = essay.path
    if len(essay.body) > MAX_ESSAY:
        found.append(finding("LR313", f"the essay is {len(essay.body):,} characters long (more than {MAX_ESSAY:,})",
                             file=file, line=essay.body_line))
    for para in essay.paragraphs:
        if len(para.text) > MAX_PARAGRAPH:
            found.append(finding("LR312", f"{para.name} is {len(para.text):,} characters long "
                                          f"(more than {MAX_PARAGRAPH:,}) in {plural(len(para.claims), 'sentence')}"
                                          + _unread(para.claims),
                                 file=file, line=para.line, claim_id=para.claims[0].id if para.claims else None))
            continue
        long = next((c for c in para.claims if len(c.text) > MAX_SENTENCE), None)
        if long is not None:
            found.append(finding("LR312", f"a sentence of {para.name} is {len(long.text):,} characters "
                                          f"long (more than {MAX_SENTENCE:,})" + _unread([long], one=True),
                                 file=file, line=long.line, claim_id=long.id))
    return found


def _unread(claims: Sequence[Claim], *, one: bool = False) -> str:
    """What the linkers leave unread of these sentences (they read the first MAX_SENTENCE characters)."""
    long = sum(1 for c in claims if len(c.text) > MAX_SENTENCE)
    if not long:
        return ""
    if one:
        return f"; links are looked for only in its first {MAX_SENTENCE:,} characters"
    return f"; links are looked for only in the first {MAX_SENTENCE:,} characters of its {plural(long, 'longer sentence')}"


MAX_BIBLIOGRAPHY = 5_000_000
"""Characters of a bibliography file: about 15,000 entries, several times the largest an essay or
a book cites; loading and checking it takes seconds (about 1.3 s per MB), and every check, build
and fetch reads it again. (A CSL-JSON or CSL-YAML file over ``safeload.MAX_BYTES`` is refused.)"""


def check_bibliography_size(bib: Bibliography) -> list[Finding]:
    """LR145 on the line where a bibliography file's text passes ``MAX_BIBLIOGRAPHY`` characters."""
    found = []
    for file, text in bib.files:
        if len(text) <= MAX_BIBLIOGRAPHY:
            continue
        line = text.count("\n", 0, MAX_BIBLIOGRAPHY) + 1
        entries = sum(1 for source in bib.sources if source.file == file) if bib.parts else len(bib.sources)
        found.append(finding("LR145", f"the bibliography is {len(text):,} characters long ("
                                      f"{plural(entries, 'entry', 'entries')}), more than {MAX_BIBLIOGRAPHY:,}; the limit is passed on this line",
                             file=file, line=line))
    return found
