"""What the manuscript readers noticed (LR315, LR316: listed in the essay's ``NOTICES``), and LaTeX
citation commands in a Markdown manuscript, which pandoc keeps as raw LaTeX (LR317)."""

from __future__ import annotations

from ..essay import NOTICES
from ..essay.cites import raw_latex_citations
from ..essay.segment import normalise_space
from ..model import Essay, Finding
from .catalogue import finding

_CODES = {"essay-not-utf8": "LR315", "empty-citation-key": "LR316"}
"""The code of each kind of notice."""


def check_notices(essay: Essay) -> list[Finding]:
    """A finding for each notice a reader listed, and LR317 for each raw LaTeX citation in Markdown."""
    found = [finding(_CODES[kind], message, hint=hint, file=file, line=line)
             for kind, file, line, message, hint in essay.meta.get(NOTICES) or () if kind in _CODES]
    if essay.format == "latex":
        return found
    for claim in essay.claims:
        if "\\" not in claim.text:
            continue
        # The sentence as written, when the claim's offsets hold it: its line breaks give each command's line.
        written = essay.body[claim.start:claim.end] if claim.end else ""
        text = written if written and normalise_space(written) == claim.text else claim.text
        for start, end in raw_latex_citations(text):
            command = normalise_space(text[start:end])
            line = claim.line + (text.count("\n", 0, start) if text is written else 0)
            keys = [k.strip() for k in command[command.rindex("{") + 1:-1].split(",") if k.strip()]
            pandoc = "[" + "; ".join(f"@{k}" for k in keys) + "]"
            found.append(finding("LR317", f"{command} is raw LaTeX in a Markdown manuscript: only a LaTeX "
                                          "build with natbib or biblatex cites it, and litreview does not",
                                 hint=f"write it as a pandoc citation: {pandoc}" if keys else "",
                                 claim_id=claim.id,
                                 file=claim.file or essay.path, line=line))
    return found
