"""`litreview import`: parse a document's plain-text reference list into BibTeX or JSON."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..text import plural
from ._options import emit_json, format_option

MAX_REFERENCE = 50_000
"""The longest reference imported, in characters: a list with 3,000 authors in one reference is shorter, and the
parser's memory grows with a reference's length (about 800 bytes a character), so a longer one is a file not cut
into references, which is refused rather than read for minutes into gigabytes."""

STDIN_NAME = "<stdin>"
"""What messages call the document read from standard input (PATH ``-``)."""

EXAMPLES = """\b
Examples:
  litreview import essay.txt --format bibtex > refs/bibliography.bib
  pdftotext paper.pdf - | litreview import -   a PDF's text, from standard input
  litreview import paper.md --section "Works Cited" --format json
  litreview import references.txt        one reference per paragraph or line
Fields the parser is unsure of are listed in a "% uncertain: ..." line above
the entry (and in "uncertain" in JSON, with each field's "confidence"): check
those by hand, then delete the line; until then `litreview check` reports the
entry (LR144). A list pasted from a PDF, with references broken over lines,
words hyphenated at line ends, page numbers and running heads, is joined back
into one string per reference; numbered, bulleted and hanging-indent lists
from a word processor or a web page are cut at each label, bullet or margin.
"""


@click.command(epilog=EXAMPLES)
@click.argument("path", type=click.Path(dir_okay=False))
@format_option("bibtex", "json")
@click.option("--section", metavar="NAME", default=None,
              help="Heading of the reference section [default: Citations, References, Bibliography, "
                   "Works Cited, Sources, or the same in French, German, Spanish, Catalan, Portuguese, Italian, Dutch, "
                   "Polish, Finnish, Swedish, Danish or Norwegian; without one, the paragraphs at the end of the "
                   "file that read as references (under the heading right above them, if any), else the whole "
                   "file].")
@click.option("--whole", is_flag=True, default=False,
              help="Take every paragraph (or line) of the file as a reference: seek no heading and no list at "
                   "its end.")
def command(path: str, fmt: str, section: str | None, whole: bool) -> int:
    """Parse a plain-text reference list into BibTeX or JSON.

    Finds the document's reference section, splits it into references (one per
    paragraph, line, number or bullet; a list pasted from a PDF, wrapped anywhere,
    is joined back into its references) and parses each with a sequence labeller trained on
    labelled references in many styles and languages (Chicago, APA, MLA, Harvard,
    Vancouver, IEEE, ABNT, ...): authors, editors, title, container, volume,
    issue, pages, publisher, place, edition, year, DOI, URL, ISBN, access date.
    Entries take the keys a manuscript in PATH cites them by ([@solo2001] for
    Solo's one work of 2001). A PATH of - reads the document from standard
    input. Prints to standard output; nothing is written.
    """
    from ..bibliography.bibtex_out import make_keys, to_bibtex, to_json
    from ..bibliography.refparse import find_reference_section, parse_references, reference_heading
    from ..bibliography.refparse.section import heading_above, unheaded_list
    from ..essay.latex_bibitems import bibtex_keys, own_list
    from ..fileio import read_text
    from ..text import TERMINAL_SEQUENCES, without_controls
    from ._init_bib import cited_keys, without_front_matter

    if whole and section:
        raise click.UsageError("use one of --section and --whole: --whole takes the whole file, --section one part")
    stdin = path == "-"
    if stdin:  # as Unix tools read "-": the list piped or pasted in
        path = STDIN_NAME
    else:
        from ._not_text import not_a_reference_list

        if (wrong := not_a_reference_list(Path(path), path)) is not None:  # a .bib, a PDF: what to run instead
            raise wrong
    text = without_front_matter(read_text(path, what="document",
                                          hint="check the path of the document holding the reference list",
                                          raw=sys.stdin.buffer.read() if stdin else None,
                                          piped="litreview import -" if stdin else ""),
                                Path(path))
    dropped = _controls(text)
    sequences = bool(dropped) and TERMINAL_SEQUENCES.search(text) is not None
    if dropped:
        text = without_controls(text, breaks=True)
    items = own_list(Path(path), text) if not stdin and not whole and section is None else []
    if not items and not stdin and not whole and section is None and reference_heading(text, None) is None:
        from ._not_text import cites_from_its_bibliography

        if (wrong := cites_from_its_bibliography(Path(path), path)) is not None:  # a thesis citing from its .bib
            raise wrong
    if items:  # a LaTeX manuscript's thebibliography: its items, each under the key its \cite commands name
        strings, first_line = [item.text for item in items], items[0].line
    else:
        strings, first_line = find_reference_section(text, section, path=path, whole=whole)
    _refuse_overlong(strings, path, first_line)
    refs = parse_references(strings)
    if items:
        keys, adopted = bibtex_keys(items)
    else:
        keys, adopted = cited_keys(refs, make_keys(refs), None if stdin else Path(path), text)
    if fmt == "json":
        emit_json(to_json(refs, keys))
    else:
        sys.stdout.write(to_bibtex(refs, keys))
    unsure = sum(1 for r in refs if r.uncertain)
    found = None if whole or items else reference_heading(text, section)
    unheaded = None if whole or found or items else unheaded_list(text)
    if unheaded and (above := heading_above(text, unheaded[0])) is not None:
        found, unheaded = (unheaded[0] - 1, above), None  # a heading of a name not known, right above the list
    where = (f"the thebibliography list, under its \\bibitem keys, of {items[0].file} read by " if items
             and items[0].file else "the thebibliography list, under its \\bibitem keys, of " if items else
             f"the {found[1]!r} section of " if found else
             f"the list with no heading at the end (lines {unheaded[0] + 1}-{unheaded[1] + 1}) of " if unheaded else "")
    start = "" if unheaded else f" (line {first_line} on)"  # an unheaded list's lines are told in ``where``
    click.echo(f"{plural(len(refs), 'reference')} from {where}{path}{start}; "
               f"{unsure} with uncertain fields", err=True)
    if adopted:
        click.echo(adopted, err=True)
    if unheaded:
        click.echo(f"note: no reference section heading: the paragraphs from line {unheaded[0] + 1} on read as "
                   "references and were taken as the list, the text above them left out; if the list starts "
                   "elsewhere, write a line References above its first reference (or name the heading it has with "
                   "--section), or pass --whole to take every paragraph of the file", err=True)
    elif not found and not whole and not items:
        click.echo("note: no reference section heading (Citations, References, Bibliography, Works Cited, "
                   f"Sources, ...) in {path}: each of its {plural(len(refs), 'paragraph or line', 'paragraphs or lines')}"
                   " was taken as a reference, as for a file that holds only its list; if it holds more than its "
                   "list, write a line References above the list's first reference (or name the heading it has "
                   "with --section) and run the import again", err=True)
    if dropped:
        codes = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for _, c in dropped))
        begun = ", with the terminal sequences they begin (\\x1b[31m)" if sequences else ""
        click.echo(f"note: left out {plural(len(dropped), 'control character')} ({codes}){begun} on "
                   f"{_lines(sorted({n for n, _ in dropped}))} of {path}: terminal codes and text-direction "
                   "overrides are no part of a reference", err=True)
    return 0


def _refuse_overlong(strings: list[str], path: str, first_line: int) -> None:
    """Stop on a reference over ``MAX_REFERENCE`` characters, naming it by its place in the list and its start."""
    from ..checks.formats import excerpt
    from ..errors import InputError

    for n, reference in enumerate(strings, 1):
        if len(reference) > MAX_REFERENCE:
            raise InputError(
                f"reference {n} of the list from this line is {len(reference):,} characters long (more than "
                f"{MAX_REFERENCE:,}): \"{excerpt(reference[:200], 60)}\"", path=path, line=first_line,
                hint="a list is cut into references at blank lines, numbers, bullets or line starts: give each "
                     "reference its own line or paragraph, or pass the file's reference list alone")


def _controls(text: str) -> list[tuple[int, str]]:
    """(line, character) of each control character the import leaves out (``text.without_controls``)."""
    from ..text import CONTROLS

    if text.isprintable():
        return []
    found = []
    line, at = 1, 0
    for m in CONTROLS.finditer(text):
        if not m.group().isspace():
            line += text.count("\n", at, m.start())
            at = m.start()
            found.append((line, m.group()))
    return found


def _lines(numbers: list[int], shown: int = 5) -> str:
    """"line 3", "lines 3, 5 and 9", "lines 3, 5, 9, 12, 20 and 4 more"."""
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    head = ", ".join(map(str, numbers[:shown]))
    if len(numbers) > shown:
        return f"lines {head} and {len(numbers) - shown} more"
    return f"lines {head.rsplit(', ', 1)[0]} and {numbers[-1]}"
