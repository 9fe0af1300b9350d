"""Lookup tables built once per bibliography: people by family name, author-date signatures.

The linkers only do dictionary look-ups in these, so linking costs grow with the
length of the essay, not with claims times sources.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..bibliography.csl import is_csl
from ..bibliography.dates import COMMON_YEAR, date_year, pandoc_date
from ..bibliography.latex import decode_latex
from ..bibliography.people import pandoc_people
from ..lazyre import lazy
from ..model import Bibliography, Person, RegistryRecord, Source, SourceMetadata
from .text import canonical, content_stems, fold, phrase_stems, topic_form

_YEAR = re.compile(rf"({COMMON_YEAR})([a-z]?)")
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Role:
    """A person's part in one entry."""

    key: str
    person: Person
    role: str  # "author" or "editor"
    position: int  # 0 for the first name listed


@dataclass
class SourceIndex:
    """Everything the linkers look up, keyed for constant-time access."""

    sources: dict[str, Source]
    by_family: dict[str, list[Role]] = field(default_factory=lambda: defaultdict(list))
    """Folded family name (last word of it too) -> the entries that person wrote or edited."""
    signatures: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Canonical author-date name forms ("keohane and nye", "dupuy et al") -> keys."""
    first_family: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Canonical first family name -> keys (loose fallback for author-date)."""
    by_year: dict[int | None, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Year -> keys published that year."""
    years: dict[str, tuple[int | None, str]] = field(default_factory=dict)
    """Key -> (year, suffix letter written in the year field)."""
    stems: dict[str, Counter[str]] = field(default_factory=dict)
    """Key -> stems of its title, container, keywords and abstract (for context)."""
    title_stems: dict[str, frozenset[str]] = field(default_factory=dict)
    """Key -> stems of its title alone (they weigh more when choosing by context)."""
    topic: dict[str, dict[str, float]] = field(default_factory=dict)
    """Key -> its words and neighbouring pairs of words (``text.topic_form``), weighted (title and keywords over the rest)."""
    idf: dict[str, float] = field(default_factory=dict)
    """Stem -> inverse document frequency over the entries."""
    max_signature_words: int = 1
    letter_order: str = ""
    """How the document's citation style orders the entries it letters alike (``labels.LETTER_ORDERS``), when
    the style is known (``styles.letter_order``); '' when not."""
    biber: bool = False
    """Whether the manuscript is LaTeX, built with biber: a key in an entry's ``ids`` (biblatex aliases) cites
    the entry there; pandoc does not resolve them."""

    def roles(self, family_folded: str) -> list[Role]:
        return self.by_family.get(family_folded, [])

    def context_scores(self, text_stems: Iterable[str], keys: Iterable[str]) -> dict[str, float]:
        """How much each entry's words overlap the context (idf-weighted)."""
        bag = set(text_stems)
        scores = {}
        for key in keys:
            own = self.stems.get(key, Counter())
            title = self.title_stems.get(key, frozenset())
            scores[key] = sum(self.idf.get(s, 1.0) * (1.0 if s in title else 0.5) for s in own if s in bag)
        return scores

    def choose(self, keys: list[str], context: Iterable[str]) -> tuple[str, bool, dict[str, float]]:
        """The best entry among ``keys`` for this context; True when there was a choice."""
        unique = list(dict.fromkeys(keys))
        if len(unique) == 1:
            return unique[0], False, {unique[0]: 0.0}
        scores = self.context_scores(context, unique)
        # Ties go to the entry listed first in the bibliography (stable, explainable).
        best = max(unique, key=lambda k: (scores[k], -unique.index(k)))
        return best, True, scores

    def rests_on_one_word(self, keys: Iterable[str], context: Iterable[str], best: str) -> bool:
        """Whether ``best`` leads the other ``keys`` in ``context`` (stems, in the order written) by one word written
        once: without it, it no longer scores above every other. One mention of a word of a title ("an extraction
        tool (Lokoč et al. 2019a)" for "VIRET: A Video Retrieval Tool for Interactive Known-Item Search") is too
        little to tell an author's works apart; a word the passage dwells on ("iconographic indexing ... the
        indexer ... indexing (van Straten 1994a)" for "Iconography, Indexing, and Iconclass"), or half a short title
        or more ("the zebras (Roe 2001a)" for "Zebras", "gardens (Roe 2012)" for "Gardens of the North"), is not:
        the sentence then names the work."""
        written = Counter(context)
        rivals = [k for k in dict.fromkeys(keys) if k != best]
        title = self.title_stems.get(best, frozenset())
        for word in set(written).intersection(self.stems.get(best, ())):
            if written[word] > 1 or (word in title and len(title) <= 2):
                continue
            scores = self.context_scores(set(written) - {word}, [best, *rivals])
            if any(scores[k] >= scores[best] for k in rivals):
                return True
        return False

    def pick(self, keys: list[str], context: Iterable[str], *, by_title: bool = False) -> tuple[str, bool]:
        """As ``choose``, with '' for the key when the context does not single one entry out (no entry's words
        score above every other's): the order of the file is no evidence of which work the text names.
        ``by_title``: nor does the context single one out unless it shares a word of that entry's title that no
        other candidate's title has (words of its abstract, keywords or container alone tell its topic, which an
        author's works share; "smoothing" and "models" in a sentence on Wood's work name none of his several
        works on smoothing models)."""
        context = tuple(context)
        key, ambiguous, scores = self.choose(keys, context)
        if ambiguous and sum(1 for v in scores.values() if v >= scores[key]) > 1:
            return "", True
        if ambiguous and by_title and not self.own_title_words(key, keys, context):
            return "", True
        return key, ambiguous

    def own_title_words(self, key: str, keys: Iterable[str], context: Iterable[str]) -> set[str]:
        """The words of ``key``'s title in ``context`` that no other of ``keys`` has in its title, a word's other
        ending counted as the same word ("korpuslinguistisch", "Korpuslinguistik")."""
        rivals = {w for k in keys if k != key for w in self.title_stems.get(k, ())}
        return {w for w in self.title_stems.get(key, frozenset()).intersection(context)
                if not any(same_word(w, r) for r in rivals)}


    def one_sided(self, key: str, keys: Iterable[str], context: Iterable[str]) -> bool:
        """Whether the title words of ``context`` point to ``key`` alone: it holds a word of ``key``'s title no other
        of ``keys`` has in its title, and none of another's own ("budding yeast" for "Growth of Budding Yeast", not
        "zebra finches ... budding yeast" beside "Song Learning in Zebra Finches", however many more of one)."""
        context = tuple(context)
        keys = list(dict.fromkeys(keys))
        return bool(self.own_title_words(key, keys, context)) and not any(
            self.own_title_words(k, keys, context) for k in keys if k != key)


def same_word(a: str, b: str) -> bool:
    """Whether two stems are one word with other endings: equal, or alike but for their last two letters (the
    stemmer leaves "korpuslinguistisch" and "korpuslinguistik", "diskursanalys" and "diskur")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= max(5, shorter - 2)


CLEAR_LEAD = 1.5
"""How many times the next entry's score the best one's must be for the words of a context to choose between
entries: a lead of one word that both share but once more, or of a word of one's journal, is no evidence."""


def clearly_best(best: float, second: float) -> bool:
    """Whether a context's best score (``SourceIndex.context_scores``) leads the next one's by ``CLEAR_LEAD``."""
    return best > second and best >= CLEAR_LEAD * second


def persons_of(source: Source) -> tuple[Person, ...]:
    """Authors, or editors when an entry has none."""
    return source.authors or source.editors


def build_index(bibliography: Bibliography,
                metadata: Mapping[str, SourceMetadata] | None = None) -> SourceIndex:
    """Index a bibliography (and the abstracts of its registry records) for the linkers."""
    index = SourceIndex(sources={s.key: s for s in bibliography.sources})
    for source in bibliography.sources:
        _index_people(index, source)
        _index_signatures(index, source)
        index.years[source.key] = _year(source)
        index.by_year[index.years[source.key][0]].append(source.key)
        index.stems[source.key] = Counter(content_stems(source_text(source, metadata)))
        index.title_stems[source.key] = frozenset(content_stems(source.title))
        index.topic[source.key] = _topic(source, metadata)
    df: Counter[str] = Counter()
    for bag in index.stems.values():
        df.update(bag.keys())
    n = max(len(index.stems), 1)
    index.idf = {s: math.log((n + 1) / (c + 1)) + 1.0 for s, c in df.items()}
    index.max_signature_words = max((len(s.split()) for s in index.signatures), default=1)
    return index


def source_text(source: Source, metadata: Mapping[str, SourceMetadata] | None = None) -> str:
    """The words that describe an entry: title, container, keywords and subjects, abstract, subtitle."""
    record = _record(source, metadata)
    parts = [source.title, source.container, _keywords(source, record), _abstract(record),
             getattr(record, "subtitle", "")]
    return " ".join(p for p in parts if p)


def _record(source: Source, metadata: Mapping[str, SourceMetadata] | None) -> RegistryRecord | None:
    return getattr((metadata or {}).get(source.key), "record", None)


def _keywords(source: Source, record: RegistryRecord | None) -> str:
    """The entry's keywords and the subjects the registry files the work under."""
    subjects = (record.raw.get("subject") if record is not None else None) or ()
    if isinstance(subjects, str):
        subjects = [subjects]
    words = [source.field("keywords"), *(s for s in subjects if isinstance(s, str))]
    return " ; ".join(w for w in words if w)


def _abstract(record: RegistryRecord | None) -> str:
    """The registry's abstract without markup. (An entry's own ``abstract`` field is not read: tried,
    it lowered recall@5 in cross-validation on the development documents, bench/eval_topical.py.)"""
    return _TAGS.sub(" ", getattr(record, "abstract", "") or "")


OTHER_FIELDS = 0.5
"""Topic weight of words met only in the container or abstract, against the main title or keywords."""
SUBTITLE = 0.7
"""Topic weight of words met only in the subtitle."""
_SUBTITLE = re.compile(r"[:?!]\s|(?<=[a-z]{2})\.\s|\s[-–—]\s")


def _topic(source: Source, metadata: Mapping[str, SourceMetadata] | None) -> dict[str, float]:
    """Sublinear term frequency of each topic feature, the best field's weight applied."""
    record = _record(source, metadata)
    cut = _SUBTITLE.search(source.title)
    main, subtitle = (source.title[:cut.start()], source.title[cut.end():]) if cut else (source.title, "")
    fields = ((" ; ".join([source.container, _abstract(record)]), OTHER_FIELDS),
              (" ; ".join([subtitle, getattr(record, "subtitle", "") or ""]), SUBTITLE),
              (" ; ".join([main, _keywords(source, record)]), 1.0))
    out: dict[str, float] = {}
    for text, weight in fields:
        for feature, count in Counter(map(topic_form, phrase_stems(text))).items():
            out[feature] = max(out.get(feature, 0.0), (1.0 + math.log(count)) * weight)
    return out


_INITIAL = lazy(r"[^\W\d_]\.?")
"""A word of one letter, with or without its dot: an initial, never a family name."""


def _index_people(index: SourceIndex, source: Source) -> None:
    for role, people in (("author", source.authors), ("editor", source.editors)):
        for position, person in enumerate(people):
            if not person.family:
                continue
            entry = Role(source.key, person, role, position)
            family = fold(person.family)
            words = family.replace("-", " ").split()
            while len(words) > 1 and _INITIAL.fullmatch(words[-1]):
                # "Pokorná J., Večerková E." (initials after the name, commas for "and") is read as one person whose
                # family name is "Pokorná J.": she is met as "Pokorná", and a lone "J." is nobody's name
                words = words[:-1]
                family = " ".join(words)
            names = {family, family.replace("-", " ")}
            if person.given and len(words) > 1:
                names.add(words[-1])  # "von Römer" is also met as "Römer"
            if person.prefix:
                names.add(fold(f"{person.prefix} {person.family}"))
            for name in names:
                if entry not in index.by_family[name]:
                    index.by_family[name].append(entry)


def family_forms(person: Person) -> list[str]:
    """Canonical ways the family name is written in a citation."""
    forms = [canonical(person.family)]
    if person.prefix:
        forms.insert(0, canonical(f"{person.prefix} {person.family}"))
    return forms


def pandoc_persons(source: Source) -> tuple[Person, ...]:
    """The entry's authors (editors when it has none) as pandoc reads its BibTeX name list, when pandoc reads other
    people than BibTeX (``people.pandoc_people``: a separator written "AND", a name of too many commas, which leaves
    the entry no authors to BibTeX); () otherwise, and for a CSL item."""
    if not source.file or is_csl(source.file):
        return ()
    return pandoc_people(source.field("author" if source.authors or source.field("author").strip() else "editor"))


def _index_signatures(index: SourceIndex, source: Source) -> None:
    sigs: set[str] = set()
    _name_signatures(index, source, persons_of(source), sigs)
    if pandoc := pandoc_persons(source):
        _name_signatures(index, source, pandoc, sigs)
    for sig in sigs:
        if sig and source.key not in index.signatures[sig]:
            index.signatures[sig].append(source.key)


def _name_signatures(index: SourceIndex, source: Source, people: tuple[Person, ...], sigs: set[str]) -> None:
    """The signatures of one reading of the entry's names into ``sigs`` (its first family name into the index)."""
    names: list[list[str]] = [family_forms(p) for p in people]
    if names:
        firsts = names[0]
        for f in firsts:
            if source.key not in index.first_family[f]:
                index.first_family[f].append(source.key)
        n = len(names)
        primary = [forms[-1] for forms in names]
        variants = [primary, [forms[0] for forms in names]]
        for fams in variants:
            if n == 1:
                sigs.add(fams[0])
            elif n == 2:
                sigs.add(f"{fams[0]} and {fams[1]}")
            elif n <= 6:
                sigs.add(" ".join(fams[:-1]) + f" and {fams[-1]}")
            if n >= 2:
                sigs.add(f"{fams[0]} et al")
                sigs.add(f"{fams[0]} and colleagues")
    elif source.title:
        sigs.add(canonical(source.title))
        # pandoc joins a subtitle to the title ("Title: Subtitle"), as a style citing the whole title prints it (ASA)
        subtitle = decode_latex(source.field("subtitle"))
        if subtitle:
            sigs.add(canonical(f"{source.title} {subtitle}"))
        main = re.split(r"[:.?!]\s", source.title, maxsplit=1)[0]
        sigs.add(canonical(main))
        words = canonical(main).split()
        if len(words) > 4:
            sigs.add(" ".join(words[:4]))  # CSL's short title


def _year(source: Source) -> tuple[int | None, str]:
    raw = fold(decode_latex(source.field("year")))  # "{\\noopsort{1973c}}1981" prints 1981
    date = source.field("date")
    if date and not pandoc_date(date):
        return None, ""  # a date pandoc does not read ("१९८७", "1996-01-01/.."): citations print "n.d."
    if not raw or date_year(date) is not None:
        return source.year, ""  # the loader's year: biblatex's date wins over a year field (nothing when not ISO)
    m = _YEAR.search(raw)
    if m:
        return int(m.group(1)), m.group(2) if raw[m.end(): m.end() + 1] in ("", "}", " ") else ""
    return source.year, ""


