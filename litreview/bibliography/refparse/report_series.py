"""APA's report series and number in parentheses after the title ("Title (FEMM Working Papers No. 150002).",
"Title (ZEW Discussion Papers Nos. 16-033).") moved out of the title: the number to ``number``, the series to the
note, the entry a report."""

from __future__ import annotations

import re

from .reference import ParsedReference

#: "(<Series> No. <number>)" closing a text: a series of words before "No." or "Nos.", and one number or a range or
#: list of two ("16-033", "3-4", "3 & 4"); the series' words bounded (no quadratic backtracking on long input)
_SERIES_NUMBER = re.compile(r"\s*\((?P<series>[^()\d][^()]{1,80}?)\s+Nos?\.\s*"
                            r"(?P<number>[\w./-]{1,30}(?:\s*(?:[,&–-]|and)\s*[\w./-]{1,30})?)\)$")
#: words that make the bracket's head no series but a volume's or a chapter's label, alone or with its number ("Vol.
#: 2, No. 3", "Chapter No. 3", "Part 2 No. 4"; not a series named so, "Issue Brief No. 12")
_NOT_SERIES = re.compile(r"(?i)^(?:vol|volume|chapter|ch|part|issue|band|bd|heft)\.?(?:\s*[0-9ivxlc]{1,8}[.,]?)?$")


def series_out_of_title(ref: ParsedReference) -> ParsedReference:
    """``ref`` with a bracketed "<Series> No. <number>" that closes its title (or that the title opens and the
    string closes right after it: a title cut mid-bracket) taken out of the title; otherwise ``ref`` as it is."""
    title = ref.title
    if "(" not in title:
        return ref
    whole = title
    if title.count("(") > title.count(")"):  # cut mid-bracket: the string's next closing bracket ends it
        at = ref.raw.find(title)
        close = ref.raw.find(")", at + len(title)) if at >= 0 else -1
        if close < 0:
            return ref
        whole = title + ref.raw[at + len(title):close + 1]
    m = _SERIES_NUMBER.search(whole[-200:])
    if m is None or _NOT_SERIES.match(m.group("series").strip()):
        return ref
    series, number = m.group("series").strip(), m.group("number").strip()
    if ref.number and ref.number != number:
        return ref
    kept = whole[:len(whole) - len(m.group(0))].rstrip()
    if not kept or kept.count("(") != kept.count(")"):
        return ref
    notes = [n for n in ref.note.split("; ") if n]
    if series not in notes:
        notes.append(series)
    out = ref.replace(title=kept, number=number, note="; ".join(notes), issue="" if ref.issue == number else ref.issue,
                      type="techreport" if ref.type in ("book", "misc") else ref.type)
    if out.type == "techreport" and out.container and not out.publisher:
        # APA's "(Series No. 7). Body." names the report's institution after the bracket, no journal or site
        out = out.replace(publisher=out.container, container="",
                          uncertain=tuple("publisher" if n == "container" else n for n in out.uncertain))
    return out
