"""Labelled reference strings for training: anystyle's XML (``<sequence>`` of labelled segments).

Labels are folded into the set the tagger predicts (``LABELS``): roles that are rare in the
material (director, producer) join translator, medium and source join note.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

LABELS = ("author", "editor", "translator", "title", "journal", "container", "collection", "date", "volume",
          "pages", "publisher", "location", "edition", "genre", "note", "url", "doi", "isbn", "number")
_FOLD = {"container-title": "container", "collection-title": "collection", "citation-number": "number",
         "director": "translator", "producer": "translator", "medium": "note", "source": "note"}


@dataclass(frozen=True, slots=True)
class Labelled:
    """One training reference: its segments in order, each (label, text)."""

    segments: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return " ".join(" ".join(t.split()) for _, t in self.segments if t.split())

    def token_labels(self) -> tuple[list[str], list[str]]:
        """(words, one label per word)."""
        words: list[str] = []
        labels: list[str] = []
        for label, text in self.segments:
            for w in text.split():
                words.append(w)
                labels.append(label)
        return words, labels


def fold_label(tag: str) -> str:
    label = _FOLD.get(tag, tag)
    return label if label in LABELS else "note"


def read_anystyle_xml(path: Path) -> list[Labelled]:
    """Every ``<sequence>`` of the file, in file order; an unreadable file raises ``ValueError``."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not well-formed XML ({exc})") from exc
    out = []
    for seq in root.iter("sequence"):
        segs = tuple((fold_label(child.tag), " ".join((child.text or "").split())) for child in seq)
        segs = tuple(s for s in segs if s[1])
        if segs:
            out.append(Labelled(segs))
    return out
