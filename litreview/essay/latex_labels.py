"""What LaTeX's ``\\ref{label}`` prints, as pandoc's LaTeX reader numbers labels: a section's (the label right after
its heading) by the sections' counters ("1.2"), a figure's or a table's (one holding a tabular) by its own counter,
after the chapter's number in a document of chapters ("2.1"). Pandoc prints any other label (an equation's, a starred
section's, one never defined) as "[label]". ``\\autoref``, ``\\Cref`` and ``\\cref`` also print the kind's name
("Figure 2", "section 1.2"), as LaTeX prints them: pandoc drops it, and a sentence opening "2 shows ..." reads as
the end of the one before.
"""

from __future__ import annotations

import re

from .latex_cites import tex_group_end

SECTION_LEVELS = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5,
                  "subparagraph": 6}
"""LaTeX's sectioning commands by depth (the reader's headings, the numbers of their labels)."""


def sectioning(first: str, last: str) -> str:
    """The names of the sectioning commands from ``first`` to ``last`` by depth, as a pattern's alternatives."""
    return "|".join(name for name, level in SECTION_LEVELS.items()
                    if SECTION_LEVELS[first] <= level <= SECTION_LEVELS[last])


_EVENT = re.compile(r"\\(" + sectioning("chapter", "subparagraph") + r")(\*?)\s*(?:\[[^\]]*\])?\s*(?=\{)"
                    r"|\\begin\{(figure|table)\*?\}")
_CHAPTER = re.compile(r"\\chapter\*?\s*[\[{]")
_LABEL_AFTER = re.compile(r"\s*\\label\{([^{}]*)\}")
_LABEL = re.compile(r"\\label\{([^{}]*)\}")
_TABULAR = re.compile(r"\\begin\{(?:tabular[x*]?|tabulary|longtable)\}")


def label_numbers(text: str) -> dict[str, tuple[str, str]]:
    """Label -> (its kind: chapter, section, figure or table; the number ``\\ref`` prints for it), for the labels
    pandoc numbers in the document ``text``."""
    if "\\label" not in text:
        return {}
    chapters = _CHAPTER.search(text) is not None
    top = SECTION_LEVELS["chapter" if chapters else "section"]
    counters = [0] * len(SECTION_LEVELS)
    figures = tables = 0
    out: dict[str, tuple[str, str]] = {}
    for m in _EVENT.finditer(text):
        if m.group(1):
            end = tex_group_end(text, m.end(), "{", "}")
            if end < 0 or m.group(2):
                continue  # a starred heading has no number
            level = SECTION_LEVELS[m.group(1)]
            counters[level] += 1
            counters[level + 1:] = [0] * (len(counters) - level - 1)
            if level == SECTION_LEVELS["chapter"]:
                figures = tables = 0
            label = _LABEL_AFTER.match(text, end)
            if label is not None and level >= top:
                kind = "chapter" if level == SECTION_LEVELS["chapter"] else "section"
                out.setdefault(label.group(1), (kind, ".".join(str(n) for n in counters[top:level + 1])))
            continue
        kind = m.group(3)
        close = text.find(f"\\end{{{kind}", m.end())
        body = text[m.end():close if close >= 0 else len(text)]
        if kind == "table" and _TABULAR.search(body) is None:
            continue
        if kind == "figure":
            figures += 1
        else:
            tables += 1
        count = figures if kind == "figure" else tables
        number = f"{counters[SECTION_LEVELS['chapter']]}.{count}" if chapters else str(count)
        for label in _LABEL.finditer(body):
            out.setdefault(label.group(1), (kind, number))
    return out
