"""People named in the prose as authorities ("K.J. Holsti qualified ...", "according to Bull").

Names are read as runs of capitalised words and initials, joined into lists by "and"/",";
a run resolves to the entries its family name wrote or edited when the given names agree.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import pairwise

from ..bibliography.bibtex import MONTH_NAMES
from ..bibliography.names import JOINING, PARTICLES
from ..lazyre import lazy
from ..locale_terms import and_words
from ..model import Claim, Mention, Person, Source
from ..text import closest_name
from .cited_letters import UNDECIDED
from .hits import Found, Hit
from .index import Role, SourceIndex, persons_of
from .prose_words import Prose
from .quotations import quoted
from .reporting import REPORTING, REPORTING_ABROAD
from .terms import others_after
from .text import STOPWORDS, Token, content_stems, fold, strip_possessive, tokens, wordset

BARE_NAME = 0.75
"""A surname alone mid-sentence, with no given name, possessive, cue or other author beside it."""


_FILLER = wordset("""also has have had further later first similarly rightly himself herself themselves and famously""")
"""Words between a name and its reporting verb ("Roe also argues"); an "et al." too (``terms.others_after``)."""
_WORK_NOUNS = wordset("""theory theories argument arguments work works view views concept notion idea ideas thesis account
claim definition model framework approach analysis critique perspective position words book article
essay treatise conception vision doctrine principle principles school logic""")
_CUE = re.compile(
    r"(?:according to|in the words of|tutelage of|influence of|(?:writings?|works?|ideas|theor(?:y|ies)|"
    r"views?|thought|arguments?|legacy|tradition) of|"
    r"(?:scholars|theorists|thinkers|authors|writers|realists|liberals|constructivists|neorealists|"
    r"neoliberals|institutionalists|philosophers|economists|historians|researchers|experts|analysts|"
    r"proponents|critics|pioneers?|founders?)(?: \w+)?,? (?:such as|like|including|of \w+)|"
    r"\b\w+(?:ed|en) by|\bfollowing|\bcf\.?|\bsee|\bwith|\bvom|\bdurch|\bpar|\bpor)\s*(?:the )?$"
)
# (the "by" of German, French, Spanish and Portuguese too: "vom Programmbeirat kritisiert", "durch Busse", "par
# Panofsky", "creada por Hudak"; not "von", a family name's particle as often as a preposition)
# Words that start a capitalised run but are not names.
FUNCTION = wordset("""a an the in as at on of for to by with from per this that these those it its not no and or but if
when while since after before during although though however thus therefore according regardless
whether both each every some such our their his her we they he she i according additionally
similarly moreover furthermore also intuitively broadly regardless many several""")
TITLES = wordset("""president professor prof dr mr mrs ms sir lord lady dame secretary senator general admiral judge
justice minister ambassador director chairman chair governor king queen prince pope saint st pioneer""")
INSTITUTIONS = wordset("""national security defense defence department office council agency intelligence state states united
government institute university center centre foundation committee congress senate house ministry
bureau service army navy force forces corps union nations organization organisation association
society group company corporation inc ltd bank fund court commission advisor adviser federal
republic kingdom empire party parliament assembly war world cold treaty act code constitution
strategy report review north south east west american european international global joint fighter
program programme project""")
_NOT_GIVEN = FUNCTION | TITLES | INSTITUTIONS
"""Words a run of capitalised words may open with that are no given name (``_Name.given`` stops at them)."""
# "Jervis made a similar point", "Waltz makes the case": an appeal to a person with no reporting verb.
_MAKES_POINT = re.compile(r"\s*(?:has |had |also )?(?:made|makes|make)\s+(?:(?:a|an|the|this|that|his|her|their|"
                          r"similar|same|related|strong|famous|key|central)\s+){0,3}"
                          r"(?:point|argument|case|claim|observation)s?\b")
# A lone capitalised word before a reporting verb is a concept, not a person ("Realism holds").
_CONCEPT = lazy(r"(?:isms?|ists?|ity|ics|tion|ory|ence|ance|ment|ness)$")
AUTHORITY = "invoked as an authority"
"""An author mention's detail says this when the words around the name appeal to the person."""
_IN_ABROAD = frozenset({"en", "i"})
"""Words for "and" that say "in" in another language: Dutch "en" is French and Spanish "en" ("Pfister en France"),
Polish "i" is Swedish, Danish and Norwegian "i" ("Pfister i Sverige"); a place after them is no co-author."""
_AND_ABROAD = "|".join(sorted(and_words("de", "fr", "es", "pt", "it", "pl", "nl", "sv", "da", "nb", "fi", "tr", "hu", "ru")
                              - _IN_ABROAD))
_JOIN = re.compile(rf"^\s*(?:,|,?\s*(?:and|or|&|{_AND_ABROAD}))\s*$")
"""What joins two names into one list: a comma, "and" or "or", or another language's "and" ("Pfister und Hübler",
"Lejeune et Vilain", "Barz und Randall"), but for one that says "in" elsewhere (``_IN_ABROAD``)."""
_SPACE_ONLY = re.compile(r"^\s*$")


@dataclass
class _Name:
    """A run of capitalised tokens read as one person's name."""

    toks: list[Token]
    possessive: bool = False
    opened: bool = False
    """A word that opens the sentence stood before it, a verb or adverb written with the sentence's capital
    ("Consider Roe's example"): the name opens the sentence as much as one written first would."""
    eponym: bool = False
    """It names a thing named after the person ("Black's formula", "Cox processes": ``_eponym``)."""
    added_s: bool = False
    """Its possessive is written after an "s" the name lacks ("Keohanes’ argument" for Keohane's; ``_added_s``)."""

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    @property
    def family(self) -> str:
        word = strip_possessive(self.toks[-1].text)[0]
        return word[:-1] if self.added_s else word

    def after_particle(self) -> _Name | None:
        """The run after its last particle written in lower case ("Diestel" of "Terminus von Diestel"), None with
        no such particle."""
        at = max((n for n, t in enumerate(self.toks[:-1]) if t.text[:1].islower() and fold(t.text) in PARTICLES),
                 default=-1)
        return _Name(self.toks[at + 1:], self.possessive, added_s=self.added_s) if at >= 0 else None

    @property
    def given(self) -> list[Token]:
        out: list[Token] = []
        joined = False
        for tok in reversed(self.toks[:-1]):
            word = fold(tok.text)
            # A particle is written in lower case (as BibTeX reads a "von" part): "Van Jones", "Al Gore" and the
            # "Y" of "Mary Y Smith" are given names; a capitalised one that is the family name's ("Stephen Van
            # Evera") is told by the entry's family name (compatible).
            if word in PARTICLES and tok.text[:1].islower():  # the family name's, and so are the words after it
                out.clear()
                joined = word in JOINING  # and the word before it too ("Santiago Ramón y Cajal")
                continue
            if joined:
                joined = False
                continue
            if word in _NOT_GIVEN:
                break
            out.insert(0, tok)
        return out

    def text(self, claim: str, person: Person | None = None) -> str:
        """The name as written, without words before it that are not part of it."""
        given = self.given
        if person is not None:
            kept: list[Token] = []
            family = _family_words(person)
            for tok in reversed(given):
                if fold(tok.text) not in family and not compatible([tok], person):
                    break
                kept.insert(0, tok)
            given = kept
        first = given[0] if given else self.toks[-1]
        return strip_possessive(claim[first.start:self.end])[0]


def find_attributions(claims: Sequence[Claim], index: SourceIndex, covered: Found,
                      cited: Mapping[str, Set[str]] | None = None, *, marked: bool = False) -> Found:
    """Authorities named in each claim, resolved to entries where the names agree; ``cited``: the entries each
    claim cites by marker, which a name of several entries' author stands for ("Roe argues [@roe2001]").
    ``marked``: the document cites by markers, so a bare surname with nothing that makes it an appeal ("Morton
    indices", "Hilbert curves", a taxon's author) links an entry its sentence does not cite only as a suggestion."""
    found = Found()
    title_names = _title_names(index)
    prose = Prose(claims)
    for claim in claims:
        toks = tokens(claim.text)
        groups = _added_s(claim.text, _groups(claim.text, toks, prose.as_term), index)
        # The people the sentence names anywhere: "Hudak, together with Wadler, edited ..." names the entry
        # both wrote, though not in one list.
        named = {f for group in groups for name in group if index.roles(f := fold(name.family))}
        for group in groups:
            _resolve_group(claim, group, toks, index, covered, found, title_names, (cited or {}).get(claim.id, set()),
                           marked, named, prose.as_term, prose.recurs)
    return found


def _name_like(tok: Token) -> bool:
    if tok.is_initials:
        return True
    # Most words are not capitalised: that settles it before the possessive is stripped (which keeps the first letter).
    return tok.text[:1].isupper() and any(c.isalpha() for c in strip_possessive(tok.text)[0])


def _particles_then_name(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i:]`` opens with lower-case particles and then a capitalised word."""
    while i < len(toks) and toks[i].text[:1].islower() and fold(toks[i].text) in PARTICLES:
        i += 1
    return i < len(toks) and toks[i].is_capitalised


def _groups(text: str, toks: list[Token], lower_case: Callable[[str], bool] | None = None) -> list[list[_Name]]:
    """Runs of names, with lists joined by "," / "and" kept together. ``lower_case``: whether the document writes a
    word in lower case, as it does the capital that opens a sentence before a name ("Consider Roe's example",
    "Following Roe"): no given name."""
    names: list[_Name] = []
    current: list[Token] = []
    others_end = 0
    for i, tok in enumerate(toks):
        if current and (others_end := others_after(text, current[-1].end)):
            names.append(_Name(current))  # "Roe u. a.": the others, not initials of a name
            current = []
        if tok.start < others_end:
            continue
        # A particle ("van", "de") joins a run already begun, before a capitalised word or before more
        # particles that are ("Johannes van der Waals").
        if _name_like(tok) or (current and _particles_then_name(toks, i)):
            gap = text[current[-1].end:tok.start] if current else ""
            if current and (not _SPACE_ONLY.match(gap) or strip_possessive(current[-1].text)[1]):
                names.append(_Name(current))
                current = []
            current.append(tok)
        else:
            if current:
                names.append(_Name(current))
                current = []
    if current:
        names.append(_Name(current))
    if (names and lower_case is not None and len(first := names[0].toks) > 1 and first[0] is toks[0]
            and not first[0].is_initials and fold(first[0].text) not in _NOT_GIVEN and lower_case(first[0].text)):
        names[0] = _Name(first[1:], opened=True)
    for name in names:
        name.possessive = strip_possessive(name.toks[-1].text)[1]
    groups: list[list[_Name]] = []
    for name in names:
        if groups and _JOIN.match(text[groups[-1][-1].end:name.start]) and not groups[-1][-1].possessive:
            groups[-1].append(name)
        else:
            groups.append([name])
    return groups


def _added_s(text: str, groups: list[list[_Name]], index: SourceIndex) -> list[list[_Name]]:
    """``groups`` with a name written with an "s" and an apostrophe after it ("Jervis’ argument", which the tokens
    leave out) read as a possessive, and as that of the name without its "s" when no entry's author has the name as
    written but one has it without ("Keohanes’ argument" is Keohane's: ``_Name.added_s``)."""
    for group in groups:
        for name in group:
            if name.toks[-1].text.endswith("s") and text[name.end:name.end + 1] in ("'", "’") and not (
                    text[name.end + 1:name.end + 2].isalnum()):
                name.possessive = True
                name.added_s = not index.roles(fold(name.family)) and bool(index.roles(fold(name.family[:-1])))
    return groups


def _given_parts(person: Person) -> list[str]:
    parts: list[str] = []
    for word in re.split(r"[\s.]+", fold(person.given)):
        if word:
            parts.append(word)
            parts.extend(p for p in word.split("-") if p and p != word)
    return parts


def _family_words(person: Person) -> set[str]:
    """The words of the entry's family name before its last ("van" of "Van Evera")."""
    return set(fold(f"{person.prefix} {person.family}").split()[:-1])


def compatible(given: list[Token], person: Person) -> bool | None:
    """None when the text gives no given name; else whether it agrees with the entry's. A capitalised word of the
    entry's family name ("Van" of "Stephen Van Evera") is the family name's, not a given name."""
    family = _family_words(person)
    while given and fold(given[-1].text) in family:
        given = given[:-1]
    if not given:
        return None
    parts = _given_parts(person)
    if not parts:
        return None
    tok = given[-1]
    if tok.is_initials:
        letters = [c for c in fold(tok.text) if c.isalpha()]
        initials = [p[0] for p in parts if "-" not in p]
        return all(letter in initials for letter in letters)
    word = fold(tok.text)
    return word in _called(parts) or any(len(p) == 1 and word[0] == p for p in parts)


def _called(parts: list[str]) -> set[str]:
    """The given name prose calls a person by: the first written out, with its hyphenated parts ("Jean", "Paul"
    of "Jean-Paul"); one after initials too ("Robert" of "J. Robert"), not a later one after a name ("Open" of
    "Helmholtz Open", a body's name read as a person's, or of "Mike E. Le", a family name's particle)."""
    for at, part in enumerate(parts):
        if len(part) > 1:
            return {part, *(p for p in parts[at + 1:] if p in part.split("-"))}
    return set()


def _says(text: str, name: _Name, toks: list[Token]) -> bool:
    """ "Mearsheimer claims ...": a lone surname directly followed by a reporting verb."""
    word = strip_possessive(name.toks[-1].text)[0]
    if name.possessive or _CONCEPT.search(word.lower()) or not word[1:].islower():
        return False
    at = bisect_left(toks, name.end, key=lambda t: t.start)  # not a scan per name: linear overall
    after = toks[at:at + 1]
    return bool(after) and fold(after[0].text) in REPORTING and after[0].start - name.end <= 1


_APPEAL_LEAD = re.compile(r"(?:according to|in the words of|as)\s*$")


def _appeal(text: str, group: list[_Name], toks: list[Token]) -> bool:
    """The stricter cue of an appeal to a person: "Smith argues", "according to Smith", "Smith made the case"
    (not "discussions with Smith", "see Smith"); a lone function word ("To see ...") is no name."""
    first = group[0]
    if len(first.toks) == 1 and fold(strip_possessive(first.toks[0].text)[0]) in FUNCTION:
        return False
    end = others_after(text, group[-1].end) or group[-1].end  # "Roe et al. argue", "Roe u. a. argue"
    if _APPEAL_LEAD.search(fold(text[max(0, first.start - 30):first.start])) or _MAKES_POINT.match(text, end):
        return True
    return _reported_after(toks, bisect_left(toks, end, key=lambda t: t.start), 3)


def _context_cue(text: str, group: list[_Name], toks: list[Token]) -> bool:
    lead = fold(text[max(0, group[0].start - 60):group[0].start])
    if _CUE.search(lead):
        return True
    last = group[-1]
    end = others_after(text, last.end) or last.end  # "Roe et al. argue", "Roe u. a. argue"
    if _MAKES_POINT.match(text, end) or _WORK_AFTER.match(text, end):  # at a position: no copy
        return True
    at = bisect_left(toks, end, key=lambda t: t.start)  # not a scan per name: linear overall
    if last.possessive:
        after = toks[at:at + 2]
        if after and (fold(after[0].text) in _WORK_NOUNS or after[0].is_capitalised):
            return True
    return _reported_after(toks, at, 4)


def _reported_after(toks: list[Token], at: int, within: int) -> bool:
    """A reporting verb ("argues", "claims") among the next ``within`` words, past fillers and adverbs only."""
    for word in (fold(t.text) for t in toks[at:at + within]):
        if word in REPORTING or word in REPORTING_ABROAD:
            return True
        if word not in _FILLER and not word.endswith("ly"):
            break
    return False


_THANKED = lazy(r"(?:\bthank|\bgratitude to|\bgrateful to|\bthankful to|\bindebted to|"
                r"\b(?:my|our)\s+(?:\w+\s+)?thanks\s+to)\s+"
                r"(?:(?:dr|prof|professor|mr|mrs|ms)\.?\s+)?$")
"""The words right before the people a sentence thanks ("we thank", "my gratitude to", "our sincere thanks to";
not "thanks to" alone, which says "because of")."""
_ARTICLE_BEFORE = lazy(r"(?:^|\W)(?:the|a|an)\s+$", re.I)
_COMMUNICATION = r"(?:pers(?:onal|\.)?|priv(?:ate|\.)?)\s*comm(?:unications?|s?\.|s?\b)"
_UNPUBLISHED = r"(?:unpublished|in\s+prep(?:aration\b|\.|\b)|submitted\b)"
_TOLD_AFTER = lazy(rf"\s*(?:(?:(?:,|\(|\bet al\.?,?)\s*)?{_COMMUNICATION}|(?:\bet al\.?(?:\s*[,(])?|[,(])\s*{_UNPUBLISHED})",
                   re.I)
_TOLD_BEFORE = lazy(rf"{_COMMUNICATION}\s*(?:(?:with|from|by|of)\s+)?(?:(?:dr|prof|professor|mr|mrs|ms)\.?\s+)?$", re.I)
"""A personal communication: "(Stone, priv. comm.)", "Roe (pers. comm.)", "personal communication from Roe" name the
person who told the writer, not a work of theirs in the bibliography. A work not yet published, "(Drake et al., unpublished)",
"Roe (in prep.)", "(Roe, submitted)", is none either, whatever else they wrote."""


_WORK_AFTER = lazy(r"\s+(?:papers?|study|studies|work|book|article|essay|report|chapter|monograph|survey|"
                   r"experiments?|documentation|manual|handbook|guidelines?)\b")
"""A written work's noun right after a name: "the Hudak paper", "a Smith study", "the MongoDB documentation" name
the author's work."""


_EPONYM_AFTER = lazy(r"(?:[-–][^\W\d_]+){0,3}[\s\-–]+(?:formula[es]?|formulas|equations?|theorems?|lemmas?|laws?|"
                    r"constants?|process(?:es)?|distributions?|inequalit(?:y|ies)|conjectures?|transform(?:s|ation)?|"
                    r"functions?|curves?|ind(?:ex|ices|exes)|numbers?|effects?|paradox(?:es)?|criteri(?:on|a)|bounds?|"
                    r"kernels?|filters?|integrals?|operators?|matri(?:x|ces)|spaces?|series|coefficients?|"
                    r"statistics?|estimators?|tests?|algorithms?|caus(?:e|es|ality)|diagrams?|plots?|scales?|ratios?|"
                    r"corrections?|limits?|cycles?|polynomials?|rules?|measures?|approximations?|expansions?)\b")
"""A noun of a thing named after a person, right after their name, possessive or joined by a dash to another's:
"Black's formula", "Cox processes", "Ornstein-Uhlenbeck process", "to Granger cause". (A work's nouns, "Roe's
model", "Roe's theory", are ``_WORK_NOUNS``: an appeal to the person's work.)"""


def _eponym(text: str, name: _Name) -> bool:
    """Whether ``name`` names a thing named after the person ("Black's formula", "Cox processes"), which the writer
    uses, rather than the person: it names only a work the person wrote alone (``_emit``)."""
    return bool(_EPONYM_AFTER.match(text, name.end))


def _after_article(text: str, group: list[_Name], name: _Name) -> bool:
    """Whether a lone capitalised word follows an article: "the Sun's irradiance", "like the Sun", a thing written
    with a capital (a surname of some author too), not a person, whom no article precedes; but "the Hudak paper"
    is the article of the work, written after its author's name (``_WORK_AFTER``)."""
    return (len(group) == 1 and len(name.toks) == 1
            and bool(_ARTICLE_BEFORE.search(text[max(0, name.start - 5):name.start]))
            and not _WORK_AFTER.match(text, name.end))


_MONTH = frozenset(m.lower() for m in MONTH_NAMES)
_DAY_AFTER = lazy(r"\s+\d{1,2}(?:st|nd|rd|th)?\b|\s+\d{4}\b")
_DAY_BEFORE = lazy(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$")


def _dated(text: str, name: _Name) -> bool:
    """Whether a lone capitalised word is a month in a date ("on May 5, 2023", "5 May", "May 2023"), not an
    author of that name."""
    if len(name.toks) != 1 or fold(name.toks[0].text) not in _MONTH:
        return False
    return bool(_DAY_AFTER.match(text, name.end) or _DAY_BEFORE.search(text[max(0, name.start - 8):name.start]))


def _resolve_group(claim: Claim, group: list[_Name], toks: list[Token], index: SourceIndex,
                   covered: Found, found: Found, title_names: dict[str, list[str]], cited: Set[str],
                   marked: bool = False, named: Set[str] = frozenset(),
                   lower_case: Callable[[str], bool] | None = None,
                   recurs: Callable[[str], bool] | None = None) -> None:
    """``lower_case``: whether the document writes a word in lower case (``Prose.as_term``); ``recurs``: whether it
    writes a word often (``Prose.recurs``)."""
    text = claim.text
    if _thanked(text, group):
        return
    memo: dict[str, bool] = {}  # the group's cue, computed on demand: most runs are not names at all
    resolved: list[tuple[_Name, list[str], float]] = []
    unresolved: list[_Name] = []
    quotes = [(m.start(g), m.end(g)) for m, g in quoted(text)]
    for name in group:
        if covered.covered(claim.id, name.toks[-1].start, name.toks[-1].end):
            continue
        if any(a <= name.start and name.end <= b for a, b in quotes):
            # Words quoted name no person the writer appeals to: the quoted writer's ("“..., as Waltz argued”"), a
            # term's (“Ornstein–Uhlenbeck”), a title's (“Checklist Theories of Meaning”).
            continue
        reading = _reading(text, group, name, toks, index, memo, lower_case)
        if reading is None:
            continue
        agree, confidence = reading
        if not agree:
            unresolved.append(name)
            continue
        if (tail := name.after_particle()) and all(compatible(name.given, r.person) is False for r in agree):
            name = tail  # read after its "von" (``_reading``): "Sophie Charlotte Schmidt" of "Archäologie von ..."
        name.eponym = _eponym(text, name)
        resolved.append((name, list(dict.fromkeys(r.key for r in agree)), confidence))
    words = {n.family for n in unresolved if _document_word(n.family, lower_case, recurs)}
    # People of the list named in full whom no entry has: "Sophie Charlotte Schmidt, Kai-Christian Bruhn und
    # Siegmund Freud" names a group of people, not the authors of Schmidt and Marwick's paper.
    strangers = {fold(n.family) for n in unresolved
                 if n.family not in words and n.given and _plausible_person([*n.given, n.toks[-1]])}
    _emit(claim, group, resolved, index, found, title_names, bool(resolved) and _appeal(text, group, toks), cited,
          marked, named, {fold(n.family) for n in unresolved if n.family not in words}, {fold(w) for w in words},
          strangers)
    if unresolved and _cue(text, group, toks, index, memo):
        strong = _CUE.search(fold(text[max(0, group[0].start - 60):group[0].start])) is not None
        for name in unresolved:
            # Judge the name proper, without a capitalised word that opens the sentence ("As").
            proper = [*name.given, name.toks[-1]]
            if _ARTICLE_BEFORE.search(text[max(0, name.start - 5):name.start]):
                continue  # "following the Color Revolutions": a thing's name, which no article precedes a person's
            if _plausible_person(proper) and (len(proper) > 1 or strong or _says(text, name, toks)):
                found.mention(name.start, Mention(claim.id, "author", name.text(text), (),
                                                  "no entry by this author"))


def people_named(text: str, index: SourceIndex) -> list[tuple[str, list[str], float]]:
    """The people ``text`` names as this linker reads names, each with the entries they wrote or edited and how
    surely (family name as written, keys, confidence): not a sentence's capital, a month in a date, a thing after
    an article, nor people thanked."""
    toks = tokens(text)
    out = []
    for group in _added_s(text, _groups(text, toks), index):
        if _thanked(text, group):
            continue
        memo: dict[str, bool] = {}
        for name in group:
            reading = _reading(text, group, name, toks, index, memo)
            if reading and reading[0]:
                out.append((name.family, list(dict.fromkeys(r.key for r in reading[0])), reading[1]))
    return out


def _thanked(text: str, group: list[_Name]) -> bool:
    """ "I extend my gratitude to Souček and Kovalčík for ...": people thanked, not works relied on; nor are the
    people a personal communication or an unpublished work names ("(Stone, priv. comm.)", "(Drake et al.,
    unpublished)": ``_TOLD_AFTER``)."""
    before = text[max(0, group[0].start - 40):group[0].start]
    return bool(_THANKED.search(fold(before)) or _TOLD_AFTER.match(text, group[-1].end) or _TOLD_BEFORE.search(before))


def _cue(text: str, group: list[_Name], toks: list[Token], index: SourceIndex, memo: dict[str, bool]) -> bool:
    """Whether the words around ``group`` appeal to a person (``_context_cue``), once per group (``memo``), with
    whether it lists more than one entry's author: a long list of names was quadratic."""
    if "cue" not in memo:
        memo["cue"] = _context_cue(text, group, toks)
        memo["listed"] = sum(1 for n in group if index.roles(fold(n.family))) > 1
    return memo["cue"]


_INSTITUTION_AFTER = lazy(r"['’]?[ \t]+(?:College|University|Hospital|Infirmary|Clinic|School|Institute|Academy|"
                          r"Church|Cathedral|Chapel|Abbey)s?\b")
"""An institution's noun right after a possessive name: "King's College London", "St Mary's Hospital" name a place
named after a person, not the person's work."""


def _institution(text: str, name: _Name) -> bool:
    """Whether a possessive name is an institution's ("King's College": ``_INSTITUTION_AFTER``)."""
    return name.possessive and bool(_INSTITUTION_AFTER.match(text, name.end))


def _reading(text: str, group: list[_Name], name: _Name, toks: list[Token], index: SourceIndex,
             memo: dict[str, bool], lower_case: Callable[[str], bool] | None = None) -> tuple[list[Role], float] | None:
    """Whom ``name`` (of ``group``) names as a person, and how surely: the roles whose given names agree with
    it, an empty list when no entry's author has the name (a person with no entry); None when it is no person's
    name as written: a month in a date, a thing after an article ("the Sun"), an institution named after a person
    ("King's College"), a sentence's capital ("To see",
    "Young people"), or a lone family name with nothing that makes it an appeal to a person, nor a common word
    written with a capital ("Long hours May cause harm"; ``lower_case``: whether the document writes a word in lower
    case)."""
    if _dated(text, name) or _after_article(text, group, name) or _institution(text, name):
        return None
    roles = index.roles(fold(name.family))
    if not roles:
        return [], 0.0
    given = name.given
    agree = [r for r in roles if compatible(given, r.person) is not False]
    if not agree and (tail := name.after_particle()) and not any(r.person.prefix for r in roles):
        # German capitalises its nouns, and its "von" says "by" as often as it opens a family name: "dem Terminus
        # von Diestel folgend", "die Methode von Prado et al." name Diestel and Prado, whose names have no "von".
        return _reading(text, group, tail, toks, index, memo, lower_case)
    if not agree:
        return [], 0.0
    sentence_start = name.toks[-1].start == toks[0].start or name.opened
    if sentence_start and len(name.toks) == 1 and fold(name.family) in FUNCTION:
        return None  # "To see ...", "In short": the capital is the sentence's, whoever "To, C." is
    if any(compatible(given, r.person) for r in agree):
        return agree, 0.95
    if _cue(text, group, toks, index, memo) or name.possessive or memo["listed"]:
        return agree, 0.9
    bare = [r for r in agree if r.position == 0 or len(persons_of(index.sources[r.key])) <= _BARE_AUTHORS]
    if (not sentence_start and len(name.toks) == 1 and any(r.person.given for r in bare)
            and not _word_not_name(text, name, lower_case) and not _spelled_otherwise(name.family, bare)
            and not (_PLACE_BEFORE.search(text, max(0, name.start - 8), name.start) and not others_after(text, name.end))):
        # (a name with no given name, a body's or a product's such as "MongoDB", is no appeal to
        # its work unless the sentence says so: "the MongoDB query", not "MongoDB argues")
        return bare, BARE_NAME
    if not sentence_start and len(name.toks) == 1 and (titled := _body_titled(text, name, agree, index)):
        return titled, BARE_NAME
    return None


_PLACE_BEFORE = lazy(r"\b(?:in|across|from|to)\s+$", re.I)
"""A place's preposition right before a surname alone, with nothing that makes it an appeal (``_reading``): "wages in
Portugal", "exports from Portugal" name the country, not Cardoso and Portugal's paper; "measures from Berry et al."
names people. Not "for": "[Cardoso and Portugal] find for Portugal that ..." follows the paper's own citation (one
right link of the development documents lost with it, none wrong gained back)."""
_BARE_AUTHORS = 2
"""Authors an entry may have for a later one's surname alone (``BARE_NAME``), with nothing that makes it an appeal,
to name it: its lead author's names it, the 24th of forty's does not, whose name in German prose is as likely a noun
("bis zu einem gewissen Grad": to a certain degree, not Anzt, ..., Grad, ... et al.)."""


def _spelled_otherwise(word: str, roles: Sequence[Role]) -> bool:
    """Whether ``word`` has a marked letter that none of the ``roles``' family names has: "Bürger" (citizens) or
    "Bücher" (books) in German prose, which capitalises its nouns, is not Burger or Bucher, though they fold alike.
    (A name written without its marks, "Godel" for Gödel, still reads as the name.)"""
    marked = {c for c in word.casefold() if not c.isascii()}
    return bool(marked) and not any(marked <= set(r.person.family.casefold()) for r in roles)


_BODY_TITLE_WORDS = 2
"""Words of one of its titles, besides its own name, a sentence must name with a body's name to name that work."""


def _body_titled(text: str, name: _Name, agree: list[Role], index: SourceIndex) -> list[Role]:
    """The roles of a body named alone (no given name: an institute, a council) whose entry's title the sentence
    names by ``_BODY_TITLE_WORDS`` words besides the body's own: "die IT-Empfehlungen ... der
    Altertumswissenschaften, IANUS" names IANUS's "IT-Empfehlungen für ... den Altertumswissenschaften"; "the
    MongoDB query" names no "MongoDB Manual"."""
    if any(r.person.given for r in agree):
        return []
    own = set(content_stems(name.family))
    context = set(content_stems(text)) - own
    return [r for r in agree if len(index.title_stems.get(r.key, frozenset()) & context) >= _BODY_TITLE_WORDS]


def _word_not_name(text: str, name: _Name, lower_case: Callable[[str], bool] | None) -> bool:
    """Whether a lone capitalised word mid-sentence is a common word ("may", or one the document writes in lower
    case elsewhere) rather than a surname: "May et al.", "May and others" is still the surname."""
    if others_after(text, name.end):
        return False
    word = name.family
    return fold(word) in STOPWORDS or (lower_case is not None and lower_case(word))


def _document_word(word: str, lower_case: Callable[[str], bool] | None,
                   recurs: Callable[[str], bool] | None) -> bool:
    """Whether a capitalised word read as a name no entry has is one of the document's words, a place or a thing
    rather than a mistyped name: a common word, one it writes in lower case elsewhere ("Green", "green"), or one it
    writes often (``prose_words.RECURRING`` times: "France" through a paper on European trade; a mistyped name is
    written once or twice)."""
    return (fold(word) in STOPWORDS or (lower_case is not None and lower_case(word))
            or (recurs is not None and recurs(word)))


def _emit(claim: Claim, group: list[_Name], resolved: list[tuple[_Name, list[str], float]],
          index: SourceIndex, found: Found, title_names: dict[str, list[str]], cue: bool,
          cited: Set[str] = frozenset(), marked: bool = False, named: Set[str] = frozenset(),
          misspelt: Set[str] = frozenset(), worded: Set[str] = frozenset(),
          strangers: Set[str] = frozenset()) -> None:
    """``named``: the family names of the people the sentence names anywhere (co-authors of one entry);
    ``worded``: those that are words of the document (``_document_word``: "Pfister and France"), which mistype a
    co-author's only in a sentence that writes that entry's year;
    ``misspelt``: the other ones of the group's people no entry has, which may mistype a co-author's ("Barz und Randall" for
    Barz and Randoll's study); ``strangers``: those of them named in full (given and family names), who make a list
    of people named in full another group than an entry's authors unless they mistype its co-authors: no confirmed
    link ("Sophie Charlotte Schmidt, Kai-Christian Bruhn und Siegmund Freud"; a body named alone beside a noun
    German capitalises, "Forschungsdatenzentrums Archäologie & Altertumswissenschaften, IANUS", still is one)."""
    if not resolved:
        return
    text = claim.text
    families = {fold(name.family) for name, _, _ in resolved} | set(named)
    context = content_stems(text)
    chosen: dict[str, tuple[float, bool, int, int]] = {}
    in_full: set[str] = set()  # the keys chosen by a name written with its given names
    first_start = len(text)
    et_al = others_after(text, group[-1].end)
    years_written = {int(y) for y in _YEAR.findall(text)} if worded else set()
    for name, keys, confidence in resolved:
        if name.eponym:
            # "Black's formula", "Cox processes": a thing named after the person, whose work on it is one they wrote
            # alone (a Cox process is David Cox's, not John Cox's of "Black and Cox"); with none, no work is named.
            keys = [k for k in keys if _alone(index.sources[k], name.family)]
            if not keys:
                continue
        if et_al and len(group) == 1:
            # "Mandera et al.", "Le Pelley and colleagues": a work that person leads, not one they are a later
            # author of; with none, the work is not in the bibliography.
            keys = [k for k in keys if _leads(index.sources[k], name.family)]
            if not keys:
                continue
        src = index.sources[keys[0]]
        person = next((p for p in (*src.authors, *src.editors) if fold(p.family) == fold(name.family)), None)
        written = name.text(text, person)
        if name is group[0] or name is resolved[0][0]:
            first_start = min(first_start, max(text.find(written, name.start), name.start))
        # Prefer entries that the people named alongside also wrote, and entries with no co-author left unnamed
        # ("Heiss finds" is not "Heiss and Kelley"), or with "et al." some ("Heiss et al." is not Heiss alone).
        def fit(key: str) -> tuple[int, int]:
            people = persons_of(index.sources[key])
            mistyped = (misspelt | worded) if worded and index.years[key][0] in years_written else misspelt
            shared = sum(1 for p in people if fold(p.family) in families
                         or (mistyped and closest_name(fold(p.family), mistyped) is not None))
            return shared, int(len(people) > shared) if et_al else shared - len(people)

        top = max(fit(k) for k in keys)
        best_keys = [k for k in keys if fit(k) == top]
        # the work the sentence cites of them, else the one whose title it names
        titled = [] if any(k in cited for k in best_keys) else _titled(keys, best_keys, context, index)
        best_keys = [k for k in best_keys if k in cited] or titled or best_keys
        settled = "" if titled else _settled(best_keys, text, context, index)
        key, ambiguous = (settled, False) if settled else index.pick(best_keys, context, by_title=True)
        if (key and ambiguous and not titled and len(best_keys) >= _MANY_WORKS
                and index.rests_on_one_word(best_keys, context, key)):
            key = ""  # one word of one of many titles, written once, is too little to tell the works apart
        if key and ambiguous and not titled and not _names_its_title(key, best_keys, context, index):
            key = ""  # words of two of the titles, neither written out: the author's topics, naming neither work
        ambiguous = ambiguous or bool(titled)  # chosen by the words, against the people: a suggestion
        detail = ("several entries; chosen by context" if key else UNDECIDED) if ambiguous else ""
        if cue:
            detail = f"{detail}; {AUTHORITY}" if detail else AUTHORITY
        found.mention(name.start, Mention(claim.id, "author", written,
                                          tuple(dict.fromkeys([key, *keys] if key else best_keys)), detail))
        if not key:  # the author of several entries, and nothing in the sentence tells which: no link
            continue
        old = chosen.get(key)
        if old is None or confidence > old[0]:
            chosen[key] = (confidence, ambiguous, name.start, name.end)
        if name.given:
            in_full.add(key)
        if name.given:
            full = fold(f"{name.given[-1].text} {name.family}")
            for subject in title_names.get(full, ()):
                if subject not in keys:
                    found.hits.append(Hit(claim.id, subject, "topical", 0.5,
                                          f"names {written}, the subject of this entry's title",
                                          name.start, name.end, confirmed=False))
    span = text[first_start if first_start < len(text) else group[0].start:group[-1].end]
    for key, (confidence, ambiguous, start, end) in chosen.items():
        others = key in in_full and key not in cited and _others_listed(strangers, index.sources[key])
        if others and marked and not cue:
            continue  # people named, not a work relied on: the document cites its works by markers
        if others:
            confidence = min(confidence, BARE_NAME)
        led = key in cited or any(_leads(index.sources[key], f) for f in families)
        if not led and not cue and len(persons_of(index.sources[key])) > _BARE_AUTHORS:
            continue  # a later co-author of many named with no appeal: "Thesis Supervisor: Professor Tymofii Brik"
        found.hits.append(Hit(claim.id, key, "attribution", round(confidence * (0.8 if ambiguous else 1), 3),
                              strip_possessive(span)[0], start, end, ambiguous=ambiguous,
                              confirmed=not ambiguous and not others and led
                              and not (marked and confidence <= BARE_NAME and key not in cited)))


def _others_listed(strangers: Set[str], source: Source) -> bool:
    """Whether one of the ``strangers`` a list names beside an author of ``source`` (``_emit``) is none of its
    people, nor mistypes one of their names: the list names other people than its authors."""
    families = {fold(p.family) for p in persons_of(source)}
    if "others" in families:  # "and others": its list is not all there
        return False
    return any(s not in families and closest_name(s, families) is None for s in strangers)


_MANY_WORKS = 4
"""How many works of one author, alike by the people named, a sentence must choose among for one word of one title
written once to be too little (``SourceIndex.rests_on_one_word``): the more titles, the likelier one shares a word
of the sentence by chance ("propriedade" in a sentence quoting Rangel names none of his twelve essays of 2012, though
one is on "Propriedade Fundiária"). Of two, the one whose title holds "funders" is the one the sentence means; of
three, "determining" names Neumayer's "The Determinants of Aid Allocation" (measured on the development documents)."""
_TITLE_WORDS = 2
"""Words of its title a sentence must share with one of an author's works to name it over the works that fit the
people named better (``_titled``)."""


def _titled(keys: list[str], fitting: list[str], context: tuple[str, ...], index: SourceIndex) -> list[str]:
    """The one entry of ``keys`` whose title the sentence names by ``_TITLE_WORDS`` of its words when none of the
    ``fitting`` entries (those whose co-authors the sentence names alike) shares a word of its title: "the NSR
    database and web site is discussed by Pritychenko" names the NSR database's paper, though its co-authors go
    unnamed. Else none."""
    if len(keys) < 2 or any(not index.title_stems[k].isdisjoint(context) for k in fitting):
        return []
    shared = {k: len(index.title_stems[k].intersection(context)) for k in keys}
    ranked = sorted(keys, key=lambda k: -shared[k])
    if shared[ranked[0]] >= _TITLE_WORDS and shared[ranked[1]] == 0:
        return ranked[:1]
    return []


def _names_its_title(key: str, keys: list[str], context: tuple[str, ...], index: SourceIndex) -> bool:
    """Whether a sentence that picks ``key`` among an author's works ``keys`` by words of its title
    (``SourceIndex.pick``) names that work: it shares no words of another's title that the chosen one lacks, or it
    writes half of the chosen title's words or more. "Castillo, et. al señalan ... la clase social o el estatus ... las
    creencias culturales" writes three of eight words of "Todos Somos Clase Media: Sobre El Estatus Social Subjetivo
    En Chile" and one of "Educación, Equidad y Creencias Distributivas", the work it cited: the author's topics, which
    name neither; "Graph theory of dramatic texts, or network analysis (Trilcke)" writes "Graph Theory for Dramatic
    Texts" whole."""
    if not any(index.own_title_words(k, keys, context) for k in keys if k != key):
        return True
    title = index.title_stems.get(key, frozenset())
    return 2 * len(title.intersection(context)) >= len(title)


_YEAR = lazy(r"(?<![\w.\-/])(1[5-9]\d\d|20\d\d)(?![\w\-/]|\.\d)")
"""A year written in a sentence ("In 1959,", "Waltz's 1979 book"), not part of a number, a date or a page range."""


def _settled(keys: list[str], text: str, context: tuple[str, ...], index: SourceIndex) -> str:
    """The one of an author's works (``keys``, alike by the people named) whose year the sentence writes ("Waltz's
    1979 book", "In 1959, Waltz argued") when no other has that year, nor does the sentence name words of another's
    title that this one's lacks (``SourceIndex.own_title_words``); '' otherwise. Words of a title alone choose a
    work only as a suggestion (``SourceIndex.pick``): a sentence on an author's topic shares words with the titles."""
    if len(keys) < 2:
        return ""
    written = {int(y) for y in _YEAR.findall(text)}
    by_year = [k for k in keys if index.years[k][0] in written]
    if len(by_year) != 1:
        return ""
    return "" if any(index.own_title_words(k, keys, context) for k in keys if k != by_year[0]) else by_year[0]


def _alone(source: Source, family: str) -> bool:
    """Whether the entry's one author (its one editor, with no author) has this family name."""
    people = persons_of(source)
    return len(people) == 1 and fold(people[0].family) == fold(family)


def _leads(source: Source, family: str) -> bool:
    """Whether the entry's first author (its first editor, with no author) has this family name, or this last word
    of it ("Evera" of "Van Evera", as a name is read: ``_Name.family``)."""
    people = persons_of(source)
    first = fold(people[0].family) if people else ""
    return bool(first) and fold(family) in (first, first.rpartition(" ")[2])


def _plausible_person(toks: list[Token]) -> bool:
    """Whether capitalised words (given names, then the family name) can be a person's name: none a function word,
    title or institution's word, a word in capitals or its plural ("NGOs"), a digit or a school of thought, and the
    last no initials alone ("U.S. government")."""
    if toks and toks[-1].is_initials:
        return False
    for tok in toks:
        word = fold(strip_possessive(tok.text)[0])
        if word in _NOT_GIVEN:
            return False
        if not tok.is_initials and (tok.text.isupper() or (tok.text[:-1].isupper() and tok.text.endswith("s"))
                                    or any(c.isdigit() for c in tok.text)):
            return False
        if word.endswith(("ism", "ist", "ists", "ian", "ians")):
            return False  # schools of thought and their followers, not people
    return True


def _title_names(index: SourceIndex) -> dict[str, list[str]]:
    """ "hedley bull" -> entries whose title names that person (a work about them)."""
    out: dict[str, list[str]] = {}
    for key, source in index.sources.items():
        words = tokens(source.title)
        for a, b in pairwise(words):
            if (a.is_capitalised and b.is_capitalised and source.title[a.end:b.start] == " "
                    and fold(a.text) not in FUNCTION and fold(b.text) in index.by_family):
                out.setdefault(fold(f"{a.text} {b.text}"), []).append(key)
    return out
