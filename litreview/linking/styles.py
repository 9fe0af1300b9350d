"""The citation style a manuscript is rendered with (pandoc's ``csl``), as far as its year letters go.

Styles letter the entries they print alike (same names, same year) in their bibliography's sort order, and
the orders differ (``labels.LETTER_ORDERS``). A style's ``<bibliography><sort>`` tells the order when its keys
are plain enough: the CSL title variable, or names and dates alone (then citation order), names printed for some
entry types with more (a letter's genre) but for those types (``LetterOrder.apart``). Otherwise its name
does, for the styles whose letters were checked against pandoc's citeproc (``KNOWN``). A .csl file is untrusted
XML: it is read up to ``MAX_BYTES``, refused with a DTD (so no entity can expand) or in another encoding than UTF-8
(where the DTD would hide from that check), its macros walked without recursion, and a URL is never fetched:
its last part is read as the style's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..bibliography.csl_item import DATE_VARIABLES, NAME_VARIABLES
from ..lazyre import lazy

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET


class LetterOrder(str):
    """An order of ``labels.LETTER_ORDERS`` as a style's file tells it, with ``names_read``: how its bibliography's
    sort reads a long author list, (et-al-min, et-al-use-first), (0, 0) for every name. Annual Reviews reads the
    first five names of a list of seven or more (``et-al-min="7" et-al-use-first="5"``, no key past them), so
    lists that differ only after the fifth name tie and are lettered in citation order. Equal to its order's name
    (``LetterOrder("names") == "names"``): the readers that compare orders need nothing else."""

    names_read: tuple[int, int]
    et_al_min: int
    """The fewest names its citations print as "X et al." (``<citation>``'s ``et-al-min``, or its
    ``et-al-subsequent-min`` when fewer); 0 when not known."""
    dated: bool
    """Whether the sort reads the full date right after the names (``<key variable="issued"/>``: DIN 1505-2,
    Ecology, AAA, ABNT): entries of the same names and year are lettered by month and day first, a date with
    fewer parts before one with more ("2020" before "2020-01")."""
    apart: frozenset[str]
    """The BibTeX types of entries its sort reads more of than their names (a branch of its names key for some CSL
    types alone: Anglia prints a letter's genre beside the author, and pandoc letters "Doe, Jane. Email" after
    every other work of Jane Doe's that year): the order is not told among entries of the same names when one is
    of these types (``for_entries``)."""

    given: str
    """How a "cited" sort reads the given names of the first author, the one name it reads: "full" ("SMITH, Jane"
    before "SMITH, John": ABNT), "initials" ("Smith, J." for both), '' when not told (entries of one family name
    then tie)."""
    name_keys: tuple[tuple[int, int, str], ...]
    """For a "names" or "names-title" sort, how each of its keys that read names reads them, in order: (et-al-min, et-al-use-first)
    as in ``names_read``, and the given names it reads, "full", "initials" or "none" (a short form: family names
    alone). Annual Reviews reads the first name with its initials, then the family names alone: lists that differ
    only in a co-author's given names tie, lettered in citation order; Springer reads every name with initials, then
    in full. () when not read from a file (every name in full)."""
    status: bool | None
    """Whether its citations print an undated entry's status (biblatex's ``pubstate``, CSL's ``status``) where the
    date goes: Chicago's and APA's "(Trilcke, forthcoming)", where Springer's print "(Trilcke)" and Elsevier's
    "(Trilcke, n.d.)" (``prints_status``); None when not known."""
    year_only: frozenset[str]
    """For a ``dated`` sort, the CSL types whose date it reads as the year alone (APA's date key prints the full
    date of a web page, a post or a talk, the year of an article or a book): entries of these types of one year
    tie on the date and are ordered by what follows it."""
    editors_sorted: bool
    """For a "names-title" sort, whether its names key prints the editors of an entry with no author (they are its
    names, or its ``<substitute>``'s). DIN 1505-2's sort macro prints the author alone: pandoc's citeproc sorts
    the empty key of a collection its editors are cited by first, before their chapters ("ROE & POE, 2000aa")."""

    def __new__(cls, order: str, names_read: tuple[int, int] = (0, 0), dated: bool = False,
                et_al_min: int = 0, apart: frozenset[str] = frozenset(), given: str = "",
                year_only: frozenset[str] = frozenset(),
                name_keys: tuple[tuple[int, int, str], ...] = (), editors_sorted: bool = True,
                status: bool | None = None) -> LetterOrder:
        made = super().__new__(cls, order)
        made.names_read = names_read
        made.dated = dated
        made.et_al_min = et_al_min
        made.apart = apart
        made.given = given
        made.year_only = year_only
        made.name_keys = name_keys
        made.editors_sorted = editors_sorted
        made.status = status
        return made


def for_entries(order: str, types: Iterable[str]) -> str:
    """``order``, or '' (not known) for entries of which one is of a type its sort reads more of than the names
    (``LetterOrder.apart``): ``types`` are the entries' BibTeX types."""
    told = apart(order)
    return "" if told and not told.isdisjoint(t.lower() for t in types) else order


def apart(order: str) -> frozenset[str]:
    """The BibTeX types ``order``'s sort reads more of than the names (``LetterOrder.apart``); none for a str."""
    return frozenset(getattr(order, "apart", ()))


def names_read(order: str) -> tuple[int, int]:
    """(et-al-min, et-al-use-first) of the names ``order``'s sort reads; (0, 0) for every name (a plain str)."""
    return getattr(order, "names_read", (0, 0))


APA_YEAR_ONLY = frozenset({
    "article", "article-journal", "book", "chapter", "entry", "entry-dictionary", "entry-encyclopedia", "dataset",
    "figure", "graphic", "manuscript", "map", "musical_score", "patent", "report", "review", "review-book", "thesis",
    "paper-conference"})
"""The CSL types APA's date key (its ``date-sort`` macro) prints the year of; of every other type (a web page, a
post, a talk, software) it prints the full date, so two web pages of one author and year are lettered by date
before title. (It prints the full date of a conference paper with no editor, pages, volume or issue too: read as
a year, that rare paper is lettered by title.)"""
KNOWN: Mapping[str, str] = {
    "chicago-author-date": "title", "taylor-and-francis-chicago-author-date": "title",
    "apa": LetterOrder("printed-title", dated=True, year_only=APA_YEAR_ONLY),
    "apa-6th-edition": "csl-title", "american-sociological-association": "names-title",
    "american-political-science-association": LetterOrder("names-title", (10, 7)),
    "din-1505-2": LetterOrder("names-title", (9, 8), dated=True),
    "harvard-cite-them-right": "csl-title",
    "sage-harvard": "csl-title", "copernicus-publications": "csl-title", "american-geophysical-union": "csl-title",
    "chicago-author-date-16th-edition": LetterOrder("names-title", (11, 7), dated=True, apart=frozenset({"letter"})),
    "springer-basic-author-date": "names", "elsevier-harvard": "names", "the-astrophysical-journal": "cited",
    "unified-style-sheet-for-linguistics": "cited", "deutsche-gesellschaft-fur-psychologie": "cited",
    "annual-reviews-author-date": LetterOrder("names", (7, 5)),
}
"""Style name (the CSL repository's file name, as in ``csl: apa.csl`` or a zotero.org/styles URL) -> the order
its letters follow (``labels.LETTER_ORDERS``), each checked by rendering volumes of a multi-volume work and a
book with pandoc's citeproc ("names": and works of one first author with different co-authors)."""
STATUS_PRINTED = frozenset({
    "chicago-author-date", "taylor-and-francis-chicago-author-date", "chicago-author-date-16th-edition", "apa",
    "apa-6th-edition", "american-sociological-association", "american-geophysical-union"})
"""The styles of ``KNOWN`` whose citations print an undated entry's status where its date goes ("(Trilcke,
forthcoming)", "(Smith in press)"), checked with pandoc's citeproc; the others print its names alone (Springer,
AAS, Annual Reviews, DIN 1505-2) or a no-date term (Elsevier, APSA, Harvard: "(Trilcke, n.d.)")."""
MAX_BYTES = 2_000_000
"""A .csl file larger than this is not read (the largest in the CSL repository is under 200 kB)."""
CSL = "{http://purl.org/net/xbiblio/csl}"
_ENCODING = re.compile(rb"""(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([^"']*)""")
"""The encoding an XML declaration names."""
_NAMES = NAME_VARIABLES
_NAMES_AND_DATES = _NAMES | DATE_VARIABLES | {"year-suffix", "status"}
"""CSL variables that name people or dates: a sort on them alone leaves same-names same-year entries in
citation order."""
TOLD_TYPES: Mapping[str, frozenset[str]] = {
    "personal_communication": frozenset({"letter"}), "motion_picture": frozenset({"movie", "video"})}
"""CSL types a sort's branch may name -> the BibTeX types of the entries pandoc gives that type (checked: its
biblatex reader makes @letter personal_communication, @movie and @video motion_picture; a CSL-JSON item of the
type is read as the first, ``bibliography.csl_item.TYPES``). A type not here (book, whose BibTeX types are many;
broadcast, which no BibTeX type is) cannot be told from an entry's BibTeX type: a sort that reads more for it
than the names is not read."""


def given_read(order: str) -> str:
    """How ``order``'s sort reads the first author's given names (``LetterOrder.given``); '' for a str."""
    return str(getattr(order, "given", ""))


def name_keys(order: str) -> tuple[tuple[int, int, str], ...]:
    """How each key of ``order``'s sort reads names (``LetterOrder.name_keys``); () for a str."""
    return tuple(getattr(order, "name_keys", ()))


def editors_sorted(order: str) -> bool:
    """Whether ``order``'s sort reads the editors of an entry with no author (``LetterOrder.editors_sorted``)."""
    return bool(getattr(order, "editors_sorted", True))


def et_al_min(order: str) -> int:
    """The fewest names ``order``'s style prints as "X et al." (``LetterOrder.et_al_min``); 0 when not known."""
    return int(getattr(order, "et_al_min", 0))


def dated(order: str) -> bool:
    """Whether ``order``'s sort reads the full date right after the names (``LetterOrder.dated``)."""
    return bool(getattr(order, "dated", False))


def year_only(order: str) -> frozenset[str]:
    """The CSL types whose date ``order``'s sort reads as the year alone (``LetterOrder.year_only``)."""
    return frozenset(getattr(order, "year_only", ()))


def prints_status(order: str) -> bool | None:
    """Whether ``order``'s style prints an undated entry's status where its date goes (``LetterOrder.status``); None
    when not known (a str)."""
    status = getattr(order, "status", None)
    return None if status is None else bool(status)


def _with(order: str, least: int, status: bool | None) -> LetterOrder:
    """``order`` with ``least`` as the fewest names its citations print as "et al." (``LetterOrder.et_al_min``) and
    ``status`` as whether they print an undated entry's status (``LetterOrder.status``)."""
    return LetterOrder(order, names_read(order), dated(order), least, apart(order), given_read(order), year_only(order),
                       name_keys(order), editors_sorted(order), status)


def style_name(ref: str) -> str:
    """The style's name in a ``csl`` setting: a file name, a path or a URL ("styles/apa.csl" -> "apa")."""
    last = re.split(r"[/\\]", ref.strip().rstrip("/"))[-1]
    return re.sub(r"\.csl$", "", last, flags=re.I).lower()


def letter_order(ref: str, folder: Path) -> str:
    """The order of the style ``ref`` names (``csl``: a .csl file relative to ``folder``, a style name or a URL);
    '' when it cannot be told. The file is read when it exists (never a URL); else the name is looked up."""
    if not ref.strip():
        return ""
    path = folder / ref.strip()
    if "://" not in ref:
        for candidate in (path, path.with_name(path.name + ".csl")):
            if candidate.is_file():
                try:
                    with candidate.open("rb") as handle:
                        raw = handle.read(MAX_BYTES + 1)
                except OSError:
                    break
                order = order_of_csl(raw)
                if order:
                    told = prints_status(order)
                    return order if told is not None else _with(order, et_al_min(order), prints_status(_known(ref)))
                named = _known(ref)  # the name tells the order, the file its "et al." and its status when it does
                told = prints_status(order)
                return _with(named, et_al_min(order) or et_al_min(named),
                             prints_status(named) if told is None else told)
    return _known(ref)


def _known(ref: str) -> str:
    """The order of the style ``ref`` names, by its name (``KNOWN``, ``STATUS_PRINTED``); '' when not known."""
    name = style_name(ref)
    order = KNOWN.get(name, "")
    if name not in KNOWN:
        return order
    return _with(order, et_al_min(order), name in STATUS_PRINTED)


def order_of_csl(xml: bytes) -> str:
    """The order a CSL style's text letters in: from its bibliography's sort keys when they tell, else from its
    id or, for a dependent style, its parent's (``KNOWN``); '' when neither does or the text is not a style. With
    the fewest names its citations print as "et al." when it says (``et_al_min``)."""
    root = _parse(xml)
    if root is None or root.tag != f"{CSL}style":
        return ""
    order = _order(root)
    citation = root.find(f"{CSL}citation")
    written = [] if citation is None else [_count(citation.get(a, "")) for a in ("et-al-min", "et-al-subsequent-min")]
    least = min((n for n in written if n > 0), default=0) or et_al_min(order)
    if citation is not None:
        status: bool | None = _prints(citation, {m.get("name", ""): m for m in root.iter(f"{CSL}macro")}, "status")
    else:  # a dependent style: its parent's citations
        status = next((style_name(n) in STATUS_PRINTED for n in reversed(_names(root)) if style_name(n) in KNOWN), None)
    return _with(order, least, status)


def _prints(node: ET.Element, macros: Mapping[str, ET.Element], variable: str) -> bool:
    """Whether ``node`` (a citation) prints ``variable`` anywhere, in the macros it calls too."""
    return any(child.tag == f"{CSL}text" and variable in child.get("variable", "").split()
               for child in _walk(node, macros))


def _walk(node: ET.Element, macros: Mapping[str, ET.Element]) -> Iterator[ET.Element]:
    """Every element under ``node`` and under the macros it calls, each macro once (walked without recursion: a
    .csl file is untrusted XML)."""
    seen: set[str] = set()
    stack = [node]
    while stack:
        for child in stack.pop().iter():
            yield child
            called = child.get("macro")
            if called and called not in seen and called in macros:
                seen.add(called)
                stack.append(macros[called])


_COUNT = lazy(r"\s*([0-9]{1,4})\s*")
"""A count a style sets (``et-al-min="4"``): ASCII digits, at most four (a .csl file is untrusted: "²" and a
number of 5,000 digits are not counts)."""


def _count(value: str) -> int:
    """The count an attribute sets, 0 when it is not one (``_COUNT``)."""
    match = _COUNT.fullmatch(value)
    return int(match.group(1)) if match else 0


def _order(root: ET.Element) -> str:
    """``order_of_csl`` of a style's root, its et-al setting aside."""
    macros = {m.get("name", ""): m for m in root.iter(f"{CSL}macro")}
    keys = root.findall(f"{CSL}bibliography/{CSL}sort/{CSL}key")
    every_type = True  # the keys so far print names and dates for entries of every type
    branched: set[str] = set()  # the CSL types of their branches for some types alone
    for key in keys:
        variable = key.get("variable", "")
        if variable == "title" and (every_type or branched <= TOLD_TYPES.keys()):
            # Past names and dates printed for some types alone, the title orders the entries of every other
            # type (Anglia: names, date, title; pandoc, checked): entries of those types are ``apart``.
            told = frozenset[str]() if every_type else frozenset().union(*(TOLD_TYPES[t] for t in branched))
            if _names_read(root, keys, macros) == "all":
                return LetterOrder("names-title", _truncation(root, keys, macros), _dated(keys, macros), apart=told,
                                   name_keys=_name_keys(root, keys, macros),
                                   editors_sorted=_editors_sorted(keys, macros))
            return LetterOrder("csl-title", dated=_dated(keys, macros), apart=told) if told else "csl-title"
        macro = macros.get(key.get("macro", ""))
        if not ({variable} if variable else _variables(macro, macros, set(), False, branched)) <= _NAMES_AND_DATES:
            keys = []
            break  # a macro printing the title or more: only the style's name tells
        every_type = every_type and (bool(variable) or _variables(macro, macros, set()) <= _NAMES_AND_DATES)
    if keys:
        if _names_read(root, keys, macros) == "first":
            # The first name alone of lists of et-al-min or more; every name of a shorter list, which its bibliography
            # prints in full (ABNT: "GLAESER, Edward L.; GYOURKO, Joseph; SAKS, Raven" before "... SAKS, Raven E").
            return LetterOrder("cited", _truncation(root, keys, macros), dated=_dated(keys, macros),
                               given=_given(root, keys, macros))
        return LetterOrder("names", _truncation(root, keys, macros), _dated(keys, macros),
                           name_keys=_name_keys(root, keys, macros))
    return next((KNOWN[style_name(n)] for n in reversed(_names(root)) if style_name(n) in KNOWN), "")


def _names(root: ET.Element) -> list[str]:
    """The style's id and, for a dependent style, its parent's link (``KNOWN`` may tell what its file does not)."""
    info = root.find(f"{CSL}info")
    return [] if info is None else [e.text or "" for e in info.findall(f"{CSL}id")] + [
        link.get("href", "") for link in info.findall(f"{CSL}link") if link.get("rel") == "independent-parent"]


def _names_read(root: ET.Element, keys: list[ET.Element], macros: Mapping[str, ET.Element]) -> str:
    """How many names of an author list the bibliography's sort reads: "all" when some key reads past the first
    (lists that differ after it sort apart, by those names), "first" when every key reading names reads one (ABNT,
    ``et-al-use-first="1"``: lists "Doe et al." prints alike sort alike), '' when no key reads names. A key's
    ``names-use-first`` decides, else its macro's ``<name>``, else the bibliography's; a count reads none."""
    bibliography = root.find(f"{CSL}bibliography")
    read = ""
    for key in keys:
        macro = macros.get(key.get("macro", ""))
        if key.get("variable", "") not in _NAMES and (macro is None or not _variables(macro, macros, set()) & _NAMES):
            continue
        name = None if macro is None else macro.find(f".//{CSL}name")
        if name is not None and name.get("form") == "count":
            continue
        if _et_al(key, name, bibliography)[1] != "1":
            return "all"
        read = "first"
    return read


def _given(root: ET.Element, keys: list[ET.Element], macros: Mapping[str, ET.Element]) -> str:
    """How the first sort key reading names reads given names (``LetterOrder.given``), from its macro's ``<name>``
    elements, which must agree: "initials" with ``initialize-with`` and ``initialize`` not "false" on the element,
    else "full"; '' for a name variable as a key, a short form (no given names), a macro with no ``<name>``, or
    ``initialize-with`` set only on the bibliography or the style. pandoc's citeproc reads ``initialize`` in a sort
    key from the ``<name>`` alone: a style's ``initialize="false"`` prints "SMITH, John" in its bibliography, yet
    sorts "SMITH, J." (Alagoas' ABNT, checked)."""
    inherited = any(e is not None and e.get("initialize-with") is not None
                    for e in (root.find(f"{CSL}bibliography"), root))
    for key in keys:
        macro = macros.get(key.get("macro", ""))
        if key.get("variable", "") in _NAMES:
            return ""
        if macro is None or not _variables(macro, macros, set()) & _NAMES:
            continue
        read = set()
        for name in macro.iter(f"{CSL}name"):
            if name.get("form", "long") != "long":
                return ""
            if name.get("initialize-with") is None:
                read.add("" if inherited else "full")
            else:
                read.add("full" if name.get("initialize", "").strip() == "false" else "initials")
        return read.pop() if len(read) == 1 else ""
    return ""


def _name_keys(root: ET.Element, keys: list[ET.Element],
               macros: Mapping[str, ET.Element]) -> tuple[tuple[int, int, str], ...]:
    """``LetterOrder.name_keys`` of a sort's keys: for each that reads names, how many (``_et_al``: none set, every
    name) and their given names: a name variable as a key, in full; a macro, as its ``<name>`` elements print them,
    which must agree: "none" for a short form, "initials" with ``initialize-with`` on the element (``initialize`` not
    "false"), else in full (APA's, whose ``initialize-with`` is the style's, sorts "Roe, Émile" before "Roe, Eric":
    pandoc's citeproc, checked). () when one cannot be told."""
    bibliography = root.find(f"{CSL}bibliography")
    out = []
    for key in keys:
        macro = macros.get(key.get("macro", ""))
        if key.get("variable", "") in _NAMES:
            least, first = (_count(v) for v in _et_al(key, None, None))  # every name but for the key's own setting
            out.append((least, first, "full"))
            continue
        if macro is None or not _variables(macro, macros, set()) & _NAMES:
            continue
        forms = {"none" if name.get("form", "long") == "short" else
                 "full" if name.get("initialize-with") is None or name.get("initialize", "").strip() == "false"
                 else "initials" for name in macro.iter(f"{CSL}name") if name.get("form") != "count"}
        if len(forms) != 1:
            return ()
        least, first = (_count(v) for v in _et_al(key, macro.find(f".//{CSL}name"), bibliography))
        out.append((least, first, forms.pop()))
    return tuple(out)


def _editors_sorted(keys: list[ET.Element], macros: Mapping[str, ET.Element]) -> bool:
    """``LetterOrder.editors_sorted``: False when the first key that reads names is a macro printing no ``editor``
    anywhere (its names, its ``<substitute>``, the macros it calls); True for a name variable as a key (not known)."""
    for key in keys:
        macro = macros.get(key.get("macro", ""))
        if key.get("variable", "") in _NAMES:
            return True
        if macro is None or not _variables(macro, macros, set()) & _NAMES:
            continue
        return any(node.tag == f"{CSL}names" and "editor" in node.get("variable", "").split()
                   for node in _walk(macro, macros))
    return True


def _dated(keys: list[ET.Element], macros: Mapping[str, ET.Element]) -> bool:
    """Whether the first sort key past those that read names is the ``issued`` variable: a full date, where a
    macro prints what it prints (the year, mostly)."""
    for key in keys:
        variable = key.get("variable", "")
        if variable in _NAMES:
            continue
        macro = macros.get(key.get("macro", ""))
        if not variable and macro is not None and _variables(macro, macros, set(), by_type=False) <= _NAMES:
            continue
        return variable == "issued"
    return False


def _truncation(root: ET.Element, keys: list[ET.Element], macros: Mapping[str, ET.Element]) -> tuple[int, int]:
    """(et-al-min, et-al-use-first) of the sort key that reads the most names, (0, 0) when one reads them all: a
    name variable as a key (CSL gives it every name), or a macro with no et-al setting (``_et_al``)."""
    bibliography = root.find(f"{CSL}bibliography")
    widest = (0, 0)
    for key in keys:
        if key.get("variable", "") in _NAMES:
            return (0, 0)
        macro = macros.get(key.get("macro", ""))
        if macro is None or not _variables(macro, macros, set()) & _NAMES:
            continue
        least, first = (_count(v) for v in _et_al(key, macro.find(f".//{CSL}name"), bibliography))
        if not (least and first):
            return (0, 0)
        widest = max(widest, (least, first), key=lambda pair: pair[1])
    return widest


def _et_al(key: ET.Element, name: ET.Element | None, bibliography: ET.Element | None) -> tuple[str, str]:
    """The (et-al-min, et-al-use-first) a sort key reads a name list with: the key's ``names-min`` and
    ``names-use-first``, else its macro's ``<name>`` settings, else the bibliography's ('' where none is set)."""
    if key.get("names-use-first"):
        return key.get("names-min", "").strip(), key.get("names-use-first", "").strip()
    for element in (name, bibliography):
        if element is not None and element.get("et-al-use-first"):
            return element.get("et-al-min", "").strip(), element.get("et-al-use-first", "").strip()
    return "", ""


def _variables(node: ET.Element | None, macros: Mapping[str, ET.Element], seen: set[str],
               by_type: bool = True, branched: set[str] | None = None) -> set[str]:
    """The variables a macro prints (those of the macros it calls too), substitutes for missing names aside:
    entries lettered alike have the same names. ``by_type`` False: not those it prints for some entry types alone
    (``_for_types_only``), whose CSL types are added to ``branched``."""
    if node is None:
        return {"?"}  # a key naming no macro the style has: nothing to tell by
    out: set[str] = set()
    stack = [node]  # not recursion: a style nesting groups 20,000 deep is untrusted XML too
    while stack:
        for child in stack.pop():
            if child.tag == f"{CSL}substitute":
                continue
            if not by_type and _for_types_only(child):
                (set() if branched is None else branched).update(child.get("type", "").split())
                continue
            out.update(child.get("variable", "").split())
            called = child.get("macro")
            if called and called not in seen:
                seen.add(called)
                macro = macros.get(called)
                out.update(("?",) if macro is None else ())
                stack += [macro] if macro is not None else []
            stack.append(child)
    return out


def _for_types_only(node: ET.Element) -> bool:
    """Whether ``node`` is a branch taken for some entry types alone ("<if type=\"personal_communication\">",
    where AAA prints a letter's genre): what it prints sorts only entries of those types. A sort of names and
    dates but for such branches is read as citation order, which for the types they name too only leaves a letter
    open (in citation order a letter never picks an entry by its place). Read as title order it would pick: only
    for the types an entry's BibTeX type tells (``TOLD_TYPES``), and not among entries of those (``for_entries``)."""
    conditions = {name for name in node.attrib if name != "match"}
    return (node.tag in (f"{CSL}if", f"{CSL}else-if") and conditions == {"type"}
            and node.get("match", "any") != "none")


def _parse(xml: bytes) -> ET.Element | None:
    """The root of a .csl file's text, or None when it is too large, declares a DTD or is not XML."""
    if len(xml) > MAX_BYTES or b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        return None
    # The DTD check reads bytes: a style in UTF-16 (NUL bytes) or declaring another encoding would hide its
    # DTD from it. CSL styles are UTF-8.
    declared = _ENCODING.match(xml)
    if b"\0" in xml or (declared and declared.group(1).lower() not in (b"utf-8", b"utf8")):
        return None
    import xml.etree.ElementTree as ET

    try:
        return ET.fromstring(xml)
    except ET.ParseError:
        return None


def csl_named(meta: Mapping[str, object]) -> str:
    """The style a front matter or a Quarto project names: ``csl:``, else the one every ``format:`` names alike."""
    named = meta.get("csl")
    if isinstance(named, str) and named.strip():
        return named.strip()
    formats = meta.get("format")
    found = {str(f["csl"]).strip() for f in formats.values() if isinstance(f, dict) and isinstance(f.get("csl"), str)
             and str(f["csl"]).strip()} if isinstance(formats, dict) else set()
    return found.pop() if len(found) == 1 else ""
