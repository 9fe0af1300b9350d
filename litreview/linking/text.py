"""Text helpers the linkers share: word tokens with offsets, stopwords, stems (folding is litreview.text's).

Everything here is pure and cheap; stems come from Snowball's English stemmer (PyStemmer, the C build
of the Snowball algorithms), so that "partnerships" meets "partnership" without a language-model dependency.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..text import canonical, fold  # noqa: F401  (re-exported: the linkers take all text helpers from here)

_WORD = re.compile(
    r"(?:[^\W\d_]\.){1,4}(?![^\W\d_])"  # initials: K.J. T.V. R.j.
    # words, O'Neill, Guha-Sapir, Keohane’s; a letter's combining accent is the word's ("Danie\u0308l", as a Mac
    # writes "Daniël" when a name is typed or pasted decomposed): not a word's end
    r"|[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*(?:['’\-][^\W_]+)*",
)

def wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and edit)."""
    return frozenset(words.split())


def wordlist(words: str) -> list[str]:
    """A list of words written as one whitespace-separated string."""
    return words.split()


STOPWORDS = wordset("""
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    et al eg ie one two three may might must shall upon within without via per amongst among
    towards toward whether yet thus hence therein herein
""")

FUNCTION_WORDS_ABROAD = frozenset(map(fold, wordset("""
    der die das den dem des ein eine einer eines einem einen und oder aber nicht auch noch nur dass daß wie als auf
    aus bei mit nach von zum zur für über unter vor wird werden wurde wurden ist sind waren sein seine seiner seinen
    ihr ihre ihren sich uns diese dieser dieses diesem kein keine sehr schon doch wenn weil damit durch gegen
    ohne zwischen beim vom sowie bzw etwa mehr wieder immer hier dort denn zwar sondern
    sie wir ich ihm ihn ihnen unser unsere unserer unseren deren dessen welche welcher welches welchen welchem jene
    jener alles viele vielen einige einigen kann können konnte könnte muss müssen soll sollen sollte sollten darf
    dürfen haben hatte hätte wäre würde würden worden gibt bereits beispielsweise jedoch insbesondere allerdings
    dabei daher somit zudem ebenfalls ebenso jeweils sowohl bisher dadurch hierbei hierzu selbst eher jetzt seit
    mittels innerhalb während trotz wegen z.b z.b.
    les des une dans pour sur avec est sont qui que ses aux ces cette leur leurs nous vous ils elles pas entre
    sous sans chez ont été comme mais donc ainsi tout tous toute toutes autre autres même
    los las del una unos unas con por para que como más sus sobre desde hasta pero este esta estos estas ser fue
    muy también cual cuando donde dos uma com sua seu suas seus pelo pela pelos pelas mais não são foi
    nos nas num numa aos isto isso aquilo essa esse essas esses aquele aquela seja sejam segundo ainda também muito
    muita muitos muitas sem onde então porém pode podem outro outra outros outras toda todos todas assim seria
    seriam quer até após cada sendo ter tem têm está estão foram pois porque qual quais quando mesmo mesma desta
    deste nesta neste nessa nesse dessa desse ele ela eles elas dele dela nele nela lhe lhes nosso nossa apenas
    gli della delle dello degli dei per che sono nel nella nelle negli anche più tra fra
    het een van voor niet ook deze wordt worden naar bij aan uit
""")))
"""Function words of German, French, Spanish, Portuguese, Italian and Dutch, with German's and Portuguese's pronouns,
modal verbs and linking adverbs (folded; those that are English words a title may hold, such as "war", "man", "son",
"door", "met", "par", "hat", "will", "nun", "dies", "todo", are not here; "die" is, being far likelier German). A claim
written in one of these languages shares them with every entry titled in it, and they say nothing of its topic or
of which work a citation means (the "die" of a German sentence is no title's "Die"): no content stems, unless
written in capitals (ALS, MIT, SES, EST stay words)."""


MINOR_WORDS = wordset("""a an and as at but by for from in into nor of on or the to vs with""")

FORM_WORDS = wordset("""
    essay essays introduction introductions study studies edition editions volume volumes handbook
    report reports proceedings journal review reader companion series press university chapter
    paper papers thesis dissertation conference workshop panel student students vol part title titles
    make makes made making take takes taken taking give gives given use uses used using
""")
"""Words that say what kind of publication an entry is, or light verbs: no topic of their own."""


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text with its offsets."""

    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return fold(self.text)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_initials(self) -> bool:
        """Capital letters each followed by a stop ("J.", "A.B."). A small letter with a stop is a word of the
        sentence ("Oliveira e Galhano e.", "e.g."), no given name."""
        return self.text.endswith(".") and len(self.text) <= 8 and all(
            part.isalpha() and len(part) == 1 and part.isupper() for part in self.text[:-1].split(".")
        )


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their offsets (initials kept whole)."""
    return list(_tokens(text))


def tokens_before(text: str, end: int) -> list[Token]:
    """``tokens(text[:end])``, taken from the words of the whole ``text`` (read once) when ``text[end]`` can neither
    end nor continue a word (a parenthesis, a space): each citation of a long sentence then costs no new reading of
    all the words before it."""
    if end >= len(text) or text[end] not in _WORDS_STOP:
        return tokens(text[:end])
    whole = _tokens(text)
    return list(whole[:bisect_right(_token_ends(text), end)])


_WORDS_STOP = frozenset(" \t\n()[]{};:!?,\"“”«»")
"""Characters no word (``_WORD``) holds nor looks at after it: the words before one are the same with or without
what follows."""


@lru_cache(maxsize=64)
def _token_ends(text: str) -> tuple[int, ...]:
    return tuple([t.end for t in _tokens(text)])


@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[Token, ...]:
    # Several linkers read the same claim's words, one after the other: made once (a frozen Token
    # costs a microsecond to build), copied into each caller's own list.
    return tuple([Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)])


def ratio(a: str, b: str) -> float:
    """rapidfuzz's ``fuzz.ratio``, to the last bit: 100 x (1 - Indel distance / (len(a) + len(b))), with
    the longest common subsequence counted bit-parallel (Hyyro 2004). Here so that linking titles, which
    asks it of a few near-miss words and titles, does not import rapidfuzz (about 10 ms of every check)."""
    total = len(a) + len(b)
    if not total:
        return 100.0
    if len(a) > len(b):
        a, b = b, a
    masks: dict[str, int] = {}
    bit = 1
    for ch in a:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    full = bit - 1
    v = full  # a zero bit per character of a matched so far
    for ch in b:
        if m := masks.get(ch):
            u = v & m
            v = ((v + u) | (v - u)) & full
    common = len(a) - v.bit_count()
    return (1 - (total - 2 * common) / total) * 100


def capitalised(word: str) -> bool:
    """Whether ``word`` opens as a name does: with a capital, or with a letter of a script that has no capitals
    (Japanese, Chinese, Korean, Arabic, Hebrew: "山口", where a name looks like any other word)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def strip_possessive(word: str) -> tuple[str, bool]:
    """("Keohane", True) for "Keohane’s"; the word unchanged otherwise."""
    for ending in ("'s", "’s", "s'", "s’"):
        if word.endswith(ending) and len(word) > 3:
            return (word[:-2] if ending[0] in "'’" else word[:-1]), True
    return word, False


@lru_cache(maxsize=1)
def _snowball() -> Callable[[str], str]:
    # Imported on first use: a check that links nothing never loads it.
    import Stemmer

    return Stemmer.Stemmer("english").stemWord


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem, with "-acy"/"-atic", "-ism"/"-ist" and "-y"/"-ical" brought together."""
    w = fold(word).strip("'-")
    if len(w) <= 3:
        return w
    s = _snowball()(w)
    if s.endswith("aci"):
        s = s[:-3] + "at"  # democracy ~ democratic, diplomacy ~ diplomat
    elif s.endswith("ist") and len(s) > 6:
        s = s[:-3]  # constructivist ~ constructivism
    elif s.endswith("i") and len(s) > 4:
        s = s[:-1]  # anarchy ~ anarchical, theory ~ theorize, history ~ historical
    return s


_CLAUSE = re.compile(r"[:;,.!?()\[\]{}\"“”—–/|]+")


def _foreign(folded: str, word: str) -> bool:
    """A function word of another language, not written in capitals (``FUNCTION_WORDS_ABROAD``)."""
    return folded in FUNCTION_WORDS_ABROAD and not word.isupper()


@lru_cache(maxsize=131072)
def _phrase_stem(word: str) -> str | None:
    """The stem of a word as written, or None for a stopword, form word, number or word under 3 letters."""
    w = fold(word)
    if len(w) < 3 or w in STOPWORDS or w in FORM_WORDS or w[0].isdigit() or _foreign(w, word):
        return None
    return stem(w)


@lru_cache(maxsize=131072)
def _content_stem(word: str) -> str | None:
    """The stem of a word as written, or None for a stopword, number or word under 3 letters."""
    w = fold(word)
    if len(w) < 3 or w in STOPWORDS or w[0].isdigit() or _foreign(w, word):
        return None
    return stem(w)


def topic_words(text: str) -> list[str]:
    """The words of ``text`` as topics read them: a hyphenated compound ("time-domain", "GP-based",
    "Propaganda-Talk-Show") as its parts, so that it meets the same words written apart ("time domain").
    ``content_stems`` (BM25's words, the words other linkers compare) keeps it whole: split there too, the
    cited entries of de-marked development manuscripts ranked lower (bench/eval_topical.py)."""
    words = _WORD.findall(text)
    if "-" not in text:
        return words
    out: list[str] = []
    for word in words:
        if "-" in word:
            out.extend(part for part in word.split("-") if part)
        else:
            out.append(word)
    return out


def phrase_stems(text: str) -> list[str]:
    """Content stems of ``text`` (form words left out) and, within each clause, each pair of
    neighbouring ones: "National Security Advisor" gives nation, secur, advis, "nation secur", ...
    (a hyphenated compound as its parts: ``topic_words``)."""
    out: list[str] = []
    for clause in _CLAUSE.split(text):
        stems = [s for s in map(_phrase_stem, topic_words(clause)) if s is not None]
        out.extend(stems)
        out.extend(f"{a} {b}" for a, b in pairwise(stems))
    return out


# Asked again for every marker and name of one long sentence, and of every claim by two passes of
# topical: room for an essay's worth of claims (64 were evicted between the passes).
@lru_cache(maxsize=512)
def content_stems(text: str) -> tuple[str, ...]:
    """Stems of the words of ``text`` that carry meaning (no stopwords, no short words)."""
    return tuple([s for s in map(_content_stem, _WORD.findall(text)) if s is not None])


TOPIC_PREFIX = 6
"""Letters of a stem that topical suggestions compare: the English stemmer leaves the inflections and
derivations of other languages, and some of English, apart ("Untersuchungen" and "Untersuchung";
"précarité", "precariat" and "precarious"; "deservingness" and "deserve"). (Recall@5 on de-marked
development manuscripts and papers, bench/eval_topical.py: 5 letters and 7 gained less than 6, whole stems least.)"""


def topic_form(feature: str) -> str:
    """A stem, or a pair of stems, as topical suggestions compare it: each stem's first ``TOPIC_PREFIX`` letters."""
    if " " in feature:
        return " ".join(part[:TOPIC_PREFIX] for part in feature.split(" "))
    return feature[:TOPIC_PREFIX]


def word_stems(text: str) -> list[tuple[str, str]]:
    """Each word of ``text`` as written, with its stem."""
    return [(w, stem(w)) for w in topic_words(text)]
