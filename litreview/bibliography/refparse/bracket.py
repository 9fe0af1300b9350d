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
        if m is None or not (description_type(m.group(1)) or THESIS.match(m.group(1)) or _THESIS_ALONE.fullmatch(m.group(1))):
            out.append(seg)
            continue
        before, after = seg.text[: m.start()].strip(), seg.text[m.end():].strip(" .,;:")
        rest = "note" if seg.label == "genre" else seg.label  # "[Blog post]. Sci-Ed." read as one genre span
        out.extend([seg._replace(label=rest, text=before)] if before else [])
        out.append(seg._replace(label="genre", text=m.group(1)))
        out.extend([seg._replace(label=rest, text=after)] if after else [])
    return out


#: a thesis named by its kind alone, as NLM's styles print it in brackets ("[dissertation]", "[master's thesis]")
_THESIS_ALONE = re.compile(r"(?i)(?:(?:doctoral|ph\.?\s?d\.?|master['’]?s)\s+)?(?:thesis|dissertation)")
#: a thesis's kind printed as a sentence of its own after the title, in the languages references are written in
#: ("Dissertation, University of X.", "Thèse de doctorat.", "Tese (Doutorado)", "PhD thesis,")
_THESIS_SENTENCE = re.compile(
    r"(?:(?<=[.?!”“»\"’]\s)|(?<=[.?!]”\s))(?P<kind>(?:(?:Ph\.?\s?D\.?|Doctoral|Master['’]?s)\s+)?(?:[Tt]hesis|[Dd]issertation)"
    r"|Th[eè]se(?: de (?:doctorat|master))?|Tese(?: \((?:Doutorado|Mestrado)[^()]*\))?|Tesis(?: doctoral)?"
    r"|Doktorarbeit|Masterarbeit|Diplomarbeit|Tesi di (?:laurea|dottorato))(?P<end>[.,])(?:\s+(?P<rest>.+))?$")


def lift_thesis(segs: list[Segment]) -> list[Segment]:
    """A thesis's kind the model read as the title's last sentence is a genre span of its own, and the school after its
    comma the publisher: ISO 690's "Title. Thèse de doctorat.", the German styles' "„Title“. Dissertation, Universität
    X." (no title goes on after its full stop with a thesis's kind)."""
    out: list[Segment] = []
    for seg in segs:
        m = _THESIS_SENTENCE.search(seg.text) if seg.label == "title" else None
        if m is None or (m.group("rest") and m.group("end") != ","):
            out.append(seg)
            continue
        out.append(seg._replace(text=seg.text[: m.start()].strip()))
        out.append(seg._replace(label="genre", text=m.group("kind")))
        if m.group("rest"):
            out.append(seg._replace(label="publisher", text=m.group("rest")))
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
