"""A reference list pasted from a PDF, wrapped anywhere: is it cut back into its references?

Run from the repository root: ``python bench/eval_joining.py [--shared PATH] [--held] [--bibs FOLDER]``.

Material: the reference strings of ``bench/eval_refparse.py``'s sets, in their order, cut into lists of
20 consecutive references (consecutive strings share a style, as a real list does). Each reference is
wrapped at 60, 75 or 90 columns (one width per list, in turn), breaking at spaces only, with no indent and
no blank line between references, as text copied out of a two-column PDF arrives; the lines of a list go
to ``joining.join_lines`` as ``litreview import`` gives them (``section.py``: a block with more than one
line that is not one reference per line). A reference counts as recovered when one joined text equals it
(blanks normalised, list labels aside); precision is the share of joined texts that are a reference. A list whose strings all
carry a number is numbered 1, 2, 3 … first, as a real one is. A list with one
reference per line, unwrapped, is not measured here: it is never joined.

The dev lists are cut a second time as copied out of a PDF (``pdf_text``): long words of small letters
hyphenated, an address or a DOI broken where its line ends, a hanging indent in every other list, a running
head and a page number every ``PAGE`` lines, the whole read by ``section.find_reference_section`` as
``litreview import`` reads a file (the references compared as it reads each in a paragraph of its own).

Sets: *dev* (looked at): anystyle dev 250, the Chicago lists (115), and the dev styles (``--set devstyles``:
the training bibliographies' entries training left out, in CSL styles neither trained nor held).
*held* (``--held``, reported, never tuned on): the held styles (held bibliographies in held CSL styles).
``--bibs FOLDER``: real bibliographies of one's own (BibTeX, CSL-JSON or CSL-YAML: those FOLDER/SOURCES.tsv
lists, else every such file under FOLDER), rendered as ``eval_refparse.py --bibs`` renders them (in the dev
styles; with ``--held`` also in the held styles).
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_refparse import (  # noqa: E402
    anystyle_rows,
    bibs_synthetic,
    chicago_full_rows,
    dev_styles_synthetic,
    held_synthetic,
)

from litreview.bibliography.refparse.joining import join_lines  # noqa: E402
from litreview.bibliography.refparse.section import find_reference_section  # noqa: E402

LIST = 20
WIDTHS = (60, 75, 90)


def _blank(text: str) -> str:
    return " ".join(text.split())


_LABEL = re.compile(r"^(\[|\()?(\d{1,4})(\]|\))?(\.?\s)")


def numbered_in_turn(refs: list[str]) -> list[str]:
    """A list whose references carry numbers ("8 Baez JC", "[12] A. Smith") numbered 1, 2, 3 … as a real list
    is (the strings come from longer lists, their numbers far apart). A list of some numbered strings and some
    not (strings of many lists, or of two styles' lists) loses its numbers: a real list is numbered throughout
    or not at all."""
    if not all(_labelled(r) for r in refs):
        return [_LABEL.sub("", r, count=1) if _labelled(r) else r for r in refs]
    return [_LABEL.sub(lambda m, n=n: f"{m.group(1) or ''}{n}{m.group(3) or ''}{m.group(4)}", r, count=1)
            for n, r in enumerate(refs, 1)]


def _labelled(text: str) -> bool:
    """Whether a string opens with a list's label (a number below 1000: "1998 Smith" opens with a year)."""
    return (m := _LABEL.match(text)) is not None and int(m.group(2)) < 1000


def _unlabelled(text: str) -> str:
    """Blanks normalised and a list label dropped (the joiner writes "8 Baez" as "8. Baez", as the parser reads it)."""
    return _LABEL.sub("", _blank(text), count=1)


def wrapped(refs: list[str], width: int) -> list[str]:
    """The lines of a list of ``refs`` wrapped at ``width`` columns, at spaces only."""
    return [line for ref in refs
            for line in textwrap.wrap(ref, width, break_long_words=False, break_on_hyphens=False) or [ref]]


_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")
_ADDRESS = re.compile(r"^(?:https?://|www\.|doi:|10\.\d{4,9}/)")
#: A running head and page number a PDF's page break leaves in a list copied out of it (every ``PAGE`` lines).
PAGE = 40


def _hyphen_at(word: str, room: int) -> int:
    """Where a typesetter hyphenates ``word`` to fit ``room`` columns (its part and "-"): after a vowel followed
    by a consonant, three letters at least on each side; 0: nowhere (not a word of small letters only, its
    punctuation aside)."""
    core = word.rstrip(".,;:)”’")
    if not (core.isalpha() and core.islower() and len(core) >= 8):
        return 0
    cuts = [i for i in range(3, len(core) - 2)
            if word[i - 1] in _VOWELS and word[i] not in _VOWELS and i + 1 <= room]
    return cuts[-1] if cuts else 0


def typeset(ref: str, width: int) -> list[str]:
    """``ref`` broken into lines of ``width`` columns as a PDF sets it: at spaces, a long word of small letters
    hyphenated, an address or a DOI broken where the line ends (after a "/", "." or "-" when it can)."""
    lines: list[str] = []
    line = ""
    for word in ref.split():
        while True:
            room = width - len(line) - (1 if line else 0)
            if len(word) <= room:
                line = f"{line} {word}" if line else word
                break
            cut = _hyphen_at(word, room - 1)
            if cut:
                lines.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
                line, word = "", word[cut:]
                continue
            if _ADDRESS.match(word) and room >= 12:
                at = max((i + 1 for i, c in enumerate(word[:room]) if c in "/.-"), default=room)
                lines.append(f"{line} {word[:at]}" if line else word[:at])
                line, word = "", word[at:]
                continue
            if line:
                lines.append(line)
                line = ""
            else:  # a word longer than the line: it overflows
                line = word
                break
    return [*lines, line] if line else lines


def pdf_text(refs: list[str], width: int, n: int) -> str:
    """A list as copied out of a PDF: its heading, its references typeset (``typeset``), with a hanging indent
    in every other list, and a page's running head and number every ``PAGE`` lines."""
    out = ["References", ""]
    for ref in refs:
        for k, line in enumerate(typeset(ref, width)):
            if len(out) % PAGE == 0:
                out.extend(["", f"{len(out) // PAGE + 1}", "", "Journal of Examples 12 (2020)       "
                            f"{len(out) // PAGE + 1}", ""])
            out.append(("    " if k and n % 2 else "") + line)
    return "\n".join(out)


def score(strings: list[str], show: int = 0, pdf: bool = False) -> tuple[int, int, int, int]:
    """(references, recovered, joined texts, joined texts that are a reference) over lists of ``LIST``; with
    ``pdf``, the lists copied out of a PDF (``pdf_text``) and cut as ``litreview import`` cuts a file."""
    total = recovered = joined = right = 0
    for n, start in enumerate(range(0, len(strings), LIST)):
        refs = numbered_in_turn([_blank(s) for s in strings[start:start + LIST]])
        width = WIDTHS[n % len(WIDTHS)]
        wanted = {_unlabelled(r) for r in refs}
        if pdf:
            got = [_unlabelled(text) for text in find_reference_section(pdf_text(refs, width, n))[0]]
            # each reference as the import reads it in a paragraph of its own (an address's "<…>" dropped)
            wanted = {_unlabelled(text) for text in find_reference_section("\n\n".join(["References", *refs]))[0]}
        else:
            got = [_unlabelled(text) for _, text in join_lines(wrapped(refs, width))]
        total, joined = total + len(refs), joined + len(got)
        recovered += len(wanted & set(got))
        right += sum(1 for g in got if g in wanted)
        for g in [g for g in got if g not in wanted][:max(show, 0)]:
            print(f"  joined: {g[:300]}")
            show -= 1
    return total, recovered, joined, right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding corpus/ [default: ../shared beside the repository]")
    parser.add_argument("--held", action="store_true", help="also the held styles (report only: never tune on them)")
    parser.add_argument("--bibs", type=Path, metavar="FOLDER",
                        help="also the entries of FOLDER's bibliographies (as eval_refparse.py --bibs finds them: its "
                             "SOURCES.tsv's bib column, else every .bib, .json, .yaml file), in the dev styles (in the held "
                             "styles with --held), as eval_refparse.py --bibs renders them")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N wrong joins of the dev sets")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"skipped: no corpus folder under {args.shared} (use --shared)")
        return 0
    sets: list[tuple[str, list[str] | None]] = [
        ("dev: anystyle dev 250", [raw for raw, _ in anystyle_rows(args.shared)]),
        ("dev: Chicago 115", [raw for raw, _ in chicago_full_rows(args.shared)]),
        ("dev: dev styles", [raw for raw, _ in dev_styles_synthetic(args.shared) or []] or None),
    ]
    if args.held:
        held = held_synthetic(args.shared)
        sets.append(("held: held styles", [raw for raw, _ in held] if held else None))
    if args.bibs is not None:
        for held_styles in (False, True) if args.held else (False,):
            made = bibs_synthetic(args.bibs, held_styles)
            sets.append((f"{args.bibs.name[:12]} in {'held' if held_styles else 'dev'} styles",
                         [raw for raw, _ in made] if made else None))
    print(f"Reference lists wrapped at {'/'.join(map(str, WIDTHS))} columns, {LIST} references a list, "
          "cut back by joining.join_lines:")
    print(f"{'set':<24}{'refs':>6}{'recovered':>11}{'recall':>8}{'joined':>8}{'precision':>11}")
    for name, strings in sets:
        if not strings:
            print(f"{name:<24}  (left out: pandoc or the CSL styles are missing)")
            continue
        total, recovered, joined, right = score(strings, args.show if name.startswith("dev") else 0)
        print(f"{name:<24}{total:>6}{recovered:>11}{recovered / total:>8.3f}{joined:>8}"
              f"{(right / joined if joined else 0.0):>11.3f}")
    # the dev lists as copied out of a PDF (never the held: their figures stay comparable from stop to stop)
    print(f"\nThe same lists copied out of a PDF (words hyphenated, addresses broken, a hanging indent in every "
          f"other list, a running head and page number every {PAGE} lines), cut by section.find_reference_section:")
    for name, strings in sets:
        if strings and "held" not in name:
            total, recovered, joined, right = score(strings, args.show if name.startswith("dev") else 0, pdf=True)
            print(f"{name:<24}{total:>6}{recovered:>11}{recovered / total:>8.3f}{joined:>8}"
                  f"{(right / joined if joined else 0.0):>11.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
