"""The name forms a style prints besides the plain ones the index knows: names added before "et al.", the short
title or site of an entry with no names, biblatex's short names and a corporate author's acronym."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..bibliography.latex import decode_latex
from ..lazyre import lazy
from ..model import Person, Source
from ..render.pandoc_fields import as_pandoc_reads
from .text import canonical

WEB_TYPES = frozenset({"online", "www", "electronic", "misc", "webpage"})
"""Types a style names by their web site (container) when they have no author (Chicago's substitute)."""
PUBLISHER_NAMED_TYPES = frozenset({"online", "www", "electronic", "webpage", "software"})
"""Types APA names by their publisher when they have no author or editor: a web page (CSL webpage, which pandoc reads
biblatex's @online as) and software, "(TEI Consortium, 2023)"."""
PERIODICAL_TYPES = frozenset({"article", "article-journal", "article-newspaper", "article-magazine"})
"""Types Harvard (Cite Them Right) names by their journal when they have no author: "(The Economist, 2011)"."""
MAX_EXPANDED = 6
"""Names citeproc may spell out before "et al." to tell two author lists apart."""


def extra_signatures(sources: Mapping[str, Source]) -> dict[str, list[str]]:
    """Name forms styles print besides the plain ones the index knows: canonical form -> keys.

    "Alampara, Schilling-Wilhelmi, et al." (names added until two lists differ) and, for an
    entry with no author or editor, its short title, the web site ("GitHub") or, for a web page or software, the
    publisher as pandoc reads it (a biblatex ``organization`` too).
    """
    from .index import family_forms

    out: dict[str, list[str]] = defaultdict(list)
    for source in sources.values():
        people = source.authors or source.editors
        forms = short_name_forms(source)
        if len(people) >= 3:
            families = [family_forms(p)[-1] for p in people[:MAX_EXPANDED]]
            for n in range(2, min(len(people), MAX_EXPANDED)):
                forms.add(" ".join(families[:n]) + " et al")
        elif not people:
            short = source.field("shorttitle") or source.field("title-short")
            if short:
                forms.add(canonical(decode_latex(short)))
            if source.type in WEB_TYPES | PERIODICAL_TYPES and source.container:
                forms.add(canonical(source.container))
            if source.type.lower() in PUBLISHER_NAMED_TYPES:
                forms.add(canonical(as_pandoc_reads(source).publisher))
        for form in forms:
            if form:
                out[form].append(source.key)
    return dict(out)


_NAME_WORD = lazy(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")


def acronym_of(text: str) -> str:
    """The acronym a name or a title is written as: the initials of its capitalised words ("World Health
    Organization": "WHO", "Quarterly Census of Employment and Wages": "QCEW")."""
    return "".join(w[0] for w in _NAME_WORD.findall(text) if w[0].isupper())


def is_corporate(person: Person) -> bool:
    """Whether the name is an organisation's (read so for want of a given name): a family name of several words and
    nothing else ("World Health Organization")."""
    return not person.given and not person.prefix and len(person.family.split()) >= 2


def corporate_forms(person: Person) -> set[str]:
    """How a style or an author may write an organisation named as author: "World Health
    Organization" is also "WHO" (APA's abbreviation) and "The World Bank" "World Bank"."""
    if not is_corporate(person):
        return set()
    words = _NAME_WORD.findall(person.family)
    forms = set()
    acronym = acronym_of(person.family)
    if len(acronym) >= 2:
        forms.add(canonical(acronym))
    kept = _capitals_kept(words)
    if len(kept.split()) > 1:
        forms.add(canonical(kept))
    if words and words[0].lower() == "the":
        forms.add(canonical(person.family.split(None, 1)[1]))
    return forms


def _capitals_kept(words: list[str]) -> str:
    """A corporate name's acronym that keeps the words it writes in capitals and shortens the others to the
    initials of each run of capitalised words ("UN Department of Economic and Social Affairs": "UN DESA")."""
    out: list[str] = []
    run = ""
    for word in words:
        if len(word) > 1 and word.isupper():
            out += [run, word] if run else [word]
            run = ""
        elif word[0].isupper():
            run += word[0]
    return " ".join([*out, run] if run else out) if any(len(w) > 1 and w.isupper() for w in words) else ""


def _list_forms(people: tuple[Person, ...]) -> set[str]:
    from .index import family_forms

    families = [family_forms(p)[-1] for p in people]
    if len(families) == 1:
        return {families[0]}
    if len(families) == 2:
        return {f"{families[0]} and {families[1]}"}
    return {f"{families[0]} et al", " ".join(families[:-1]) + f" and {families[-1]}"}


def short_name_forms(source: Source) -> set[str]:
    """Name forms biblatex prints instead of the names: ``shortauthor``/``shorteditor`` ("WHO"),
    ``label`` (for an entry with no names), and the abbreviation of a sole corporate author."""
    from ..bibliography.load import read_people

    forms: set[str] = set()
    for name in ("shortauthor", "shorteditor"):
        value = source.field(name)
        if value:
            try:
                people = read_people(value)
            except ValueError:
                people = ()
            forms |= _list_forms(people) if people else set()
    label = source.field("label")
    if label:
        forms.add(canonical(decode_latex(label)))
    people = source.authors or source.editors
    if len(people) == 1:
        forms |= corporate_forms(people[0])
    return forms
