"""The claims of a manuscript's acknowledgements section: thanks to people, not claims that rely on their work.

Read from the heading paragraphs the readers mark (``Paragraph.heading``: Markdown, Quarto, R Markdown, Manubot,
LaTeX): the section runs from an "Acknowledgements" heading (in the
languages manuscripts are written in) to the next heading of its level or above.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lazyre import lazy
from ..model import Essay, Paragraph
from .front import CLAIM_FIELDS, field_of

THANKS_HEADING = lazy(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:acknowledge?ments?|agradecimientos?|agradecimentos?|remerciements?|"
    r"danksagung(?:en)?|ringraziamenti|dankwoord|dankbetuiging|podziękowania|funding and acknowledge?ments?)"
    r"\s*[.:]?$", re.I)
"""An acknowledgements heading's title, numbered or not ("Acknowledgments", "5. Agradecimientos", "Danksagung")."""


def thanks_claims(essay: Essay) -> frozenset[str]:
    """The ids of the claims under an acknowledgements heading, and of the front matter's fields that claim nothing
    (``front.CLAIM_FIELDS``): a ``thanks``, an author's affiliation or note, read for their citations alone."""
    out: set[str] = {c.id for p in essay.paragraphs if p.label and field_of(p.label) not in CLAIM_FIELDS
                     for c in p.claims}
    if essay.format not in ("markdown", "manubot", "latex"):
        return frozenset(out)
    level = 0  # the level of the acknowledgements heading being read, 0 outside one
    for paragraph, heading in headings(essay):
        if heading is not None:
            depth, title = heading
            if level and depth <= level:
                level = 0
            if not level and THANKS_HEADING.match(title):
                level = depth
                continue
        if level:
            out.update(c.id for c in paragraph.claims)
    return frozenset(out)


_PLAIN_HEADING = lazy(r"(?:\d+(?:\.\d+)*\.?[ \t]+)?[^\W\d_][^\n]{0,78}[^\W_]")
"""A plain-text heading's line: a title of a few words, numbered or not ("Cautionary notes", "ACKNOWLEDGMENTS",
"3.2 Results"), that ends on a letter or digit (a sentence ends with its stop, a quotation, a citation's bracket)."""
_YEAR_CLOSED = lazy(r"\b\d{4}[a-z]?\)")
"""A year closing a parenthesis, as a citation typed in the text writes it ("Roe (2016)", "(Roe 2016a)"): a line
holding one is a claim citing a work, however it ends."""


def plain_text_headings(essay: Essay) -> Essay:
    """``essay`` read from a plain-text file (a manuscript rendered to text), whose headings no markup marks: a
    paragraph of one line, one claim and no citation, that ends on no stop, is read as a heading (level 1), as a
    reader takes it. So a heading names a section, and the acknowledgements run to the next heading."""
    from dataclasses import replace

    paragraphs = tuple(replace(p, heading=1) if not p.heading and not p.table and not p.note and len(p.claims) == 1
                       and not p.claims[0].citations and _PLAIN_HEADING.fullmatch(p.text)
                       and not _YEAR_CLOSED.search(p.text) else p
                       for p in essay.paragraphs)
    return essay if paragraphs == essay.paragraphs else replace(essay, paragraphs=paragraphs)


def heading_claims(essay: Essay) -> frozenset[str]:
    """The ids of the claims of headings: a heading names a section, it claims nothing (its citations are the
    author's all the same)."""
    return frozenset(c.id for paragraph, heading in headings(essay) if heading is not None for c in paragraph.claims)


def prose_paragraphs(essay: Essay) -> list[Paragraph]:
    """The paragraphs that claim something: not headings (a heading names a section) nor tables' rows (a cell is no
    prose). What the site and ``links`` count as the essay's paragraphs and claims (their citations are read all the
    same)."""
    return [p for p in essay.paragraphs if not p.heading and not p.table]


def table_claims(essay: Essay) -> frozenset[str]:
    """The ids of the claims of tables' cells (``Paragraph.table``): no prose, so only their citations link them."""
    return frozenset(c.id for paragraph in essay.paragraphs if paragraph.table for c in paragraph.claims)


def headings(essay: Essay) -> Iterator[tuple[Paragraph, tuple[int, str] | None]]:
    """Each paragraph with its (level, title) when it is a heading (``Paragraph.heading``: a Markdown one as its #s
    count, a LaTeX ``\\chapter`` 2, ``\\section`` 3), else None. A code chunk's ``# comment`` is no heading."""
    for paragraph in essay.paragraphs:
        yield paragraph, ((paragraph.heading, paragraph.text.strip())
                          if paragraph.heading and not paragraph.label else None)


_BOLD_LINE = lazy(r"\s*(\*\*|__)([^*_\n][^\n]*?)\1\s*")
"""A paragraph in bold alone, as journals' manuscripts set their headings (``**RESULTS**``)."""


def heading_titles(essay: Essay) -> tuple[str, ...]:
    """The titles of the document's headings and of its paragraphs set in bold alone (``**METHODS**``), which a
    sentence names to send the reader there ("see “Methods” below")."""
    out = [heading[1] for _, heading in headings(essay) if heading is not None]
    if essay.format != "latex":
        out += [m.group(2) for p in essay.paragraphs if len(p.claims) <= 1 and (m := _BOLD_LINE.fullmatch(p.text))]
    return tuple(out)
