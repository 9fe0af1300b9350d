"""APA's bracketed descriptions in the tagger's spans: "[Doctoral dissertation, University of X]",
"[Data set]", "[Computer software]", "[Master’s thesis]". What the work is, so a genre span: never part of the title,
container or publisher the model may have read it into.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .tail import THESIS, description_type

if TYPE_CHECKING:
    from .assemble import Segment

_BRACKETED = re.compile(r"\s*\[([^\[\]]+)\][.,;:]?")


def lift_descriptions(segs: list[Segment]) -> list[Segment]:
    """A description the model read into another span becomes a genre span of its own:
    "How vaccines work [Video]" is the title and "[Video]"; "[Data set]. Zenodo." a genre and "Zenodo"."""
    out: list[Segment] = []
    for seg in segs:
        m = _BRACKETED.search(seg.text) if "[" in seg.text else None  # the pattern needs one
        if m is None or not (description_type(m.group(1)) or THESIS.match(m.group(1))):
            out.append(seg)
            continue
        before, after = seg.text[: m.start()].strip(), seg.text[m.end():].strip(" .,;:")
        rest = "note" if seg.label == "genre" else seg.label  # "[Blog post]. Sci-Ed." read as one genre span
        out.extend([seg._replace(label=rest, text=before)] if before else [])
        out.append(seg._replace(label="genre", text=m.group(1)))
        out.extend([seg._replace(label=rest, text=after)] if after else [])
    return out


def close_bracket(segs: list[Segment]) -> list[Segment]:
    """A description opened with "[" in a genre span and closed in the next span is the genre's:
    "[Doctoral dissertation," + "University of Michigan]. ProQuest." is the thesis and its school,
    and what follows the bracket (the database) a note."""
    for k in range(len(segs) - 1):
        seg, nxt = segs[k], segs[k + 1]
        if seg.label != "genre" or seg.text.count("[") <= seg.text.count("]") or "]" not in nxt.text:
            continue
        cut = nxt.text.index("]") + 1
        rest = nxt.text[cut:].strip(" .,;:")
        joined = seg._replace(text=f"{seg.text} {nxt.text[:cut]}", confidence=min(seg.confidence, nxt.confidence))
        after = [nxt._replace(label="note", text=rest)] if rest else []
        return [*segs[:k], joined, *after, *segs[k + 2:]]
    return segs
