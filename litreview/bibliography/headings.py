"""The headings a reference list goes under: one vocabulary for the importer and the linker.

The importer looks for the list to import under any of ``IMPORT_HEADINGS`` (a web page's
"Citations" or "Sources" too). The author-date linker reads a rendered document's own list
(pandoc's ``reference-section-title``, in the languages citeproc renders) to learn which
entries it cites; it leaves out the generic words a web essay uses for other sections.
"""

from __future__ import annotations

_COMMON = ("references", "bibliography", "works cited", "literature cited", "reference list")

#: The reference list's heading in French, German, Spanish, Catalan, Portuguese and Italian (folded: no accents;
#: Catalan's "Referències", "Bibliografia" and "Referències bibliogràfiques" fold as Spanish's, Portuguese's and Italian's do).
_FOREIGN = ("bibliographie", "references bibliographiques", "ouvrages cites", "literaturverzeichnis", "literatur",
            "quellen", "quellenverzeichnis", "bibliografia", "referencias", "referencias bibliograficas", "obras citadas",
            "referencies", "referencies bibliografiques", "obres citades", "riferimenti", "riferimenti bibliografici")

#: The heading in Finnish, Polish, Swedish, Danish, Norwegian and Dutch, as theses in those languages print it
#: (folded as ``text.fold`` folds: "Źródła" keeps its "ł").
_NORTHERN = ("lahteet", "lahdeluettelo", "kirjallisuus", "literatura", "zrodła", "pismiennictwo", "kallor",
             "referenser", "litteratur", "litteraturforteckning", "referencer", "litteraturliste", "kilder",
             "referanser", "literatuur", "literatuurlijst", "referenties", "bronnen", "bronvermelding")

#: Headings ``litreview import`` takes as the start of the reference list (folded: lower case, no accents).
IMPORT_HEADINGS = ("citations", *_COMMON, "sources", "literature", "works consulted", "references cited",
                   "sources cited", "selected bibliography", "select bibliography", *_FOREIGN, *_NORTHERN)

#: Headings of the reference list a rendered document ends with (compared folded).
RENDERED_LIST_HEADINGS = frozenset({*_COMMON, "literatur", "literaturverzeichnis", "referenser", "litteratur",
                                    "références"})
