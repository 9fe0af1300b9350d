"""Works named by their title, exactly or nearly ("Power and Independence" for "... Interdependence").

Candidate spans are quotations, italics and Title Case runs; each is compared word by word
with the titles that share its rarest words, found through an inverted index built once.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..locale_terms import QUOTATION_OPENERS
from ..model import Claim, Mention
from .cited_letters import UNDECIDED
from .hits import Found, Hit
from .index import SourceIndex
from .name_forms import is_corporate
from .prose_words import Prose
from .quotations import quoted
from .text import (
    FUNCTION_WORDS_ABROAD,
    MINOR_WORDS,
    STOPWORDS,
    Token,
    canonical,
    content_stems,
    fold,
    ratio,
    strip_possessive,
    tokens,
)

_MARKED_MAX = 200
"""The most characters a quoted title has: a longer quotation is a passage, not a title."""
_ITALIC = re.compile(r"(?<![\w*])\*([^*\s][^*]{0,200}?)\*(?![\w*])|(?<![\w_])_([^_\s][^_]{0,200}?)_(?![\w_])")
# Punctuation that ends a title's main part; a mark inside a word ("Accountability.Org", "3.5") does not.
_CUT = re.compile(r"[:;,.?!](?!\w)|[(\u2013\u2014]|\s-\s")
_SUBTITLE = re.compile(r"[:;?!](?!\w)|[(\u2013\u2014]|\s-\s")
"""Where a title's subtitle starts, a comma of its main part aside ("Guns, Germs, and Steel: The Fates of ...")."""
_ARTICLES = ("the", "a", "an")
_TAIL = 3
"""Lower-case words a run of capitalised ones may end with when together they are a title, written as a sentence
is ("such as Neural Networks and Deep learning online book")."""
_TAIL_TITLE_WORDS = 4
"""Words such a title has at least: a short one ("Deep learning") is a term."""
MAX_POSTING = 2000
"""Words found in more titles than this are too common to pick candidates with."""


@dataclass
class TitleIndex:
    """Title variants (full, before the subtitle, before the first comma) by word."""

    variants: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    heads: set[int] = field(default_factory=set)
    """The variants that are only a title's head, the part before its subtitle or first comma ("Shelterin" of
    "Shelterin: the protein complex ..."): often the name of the thing the work is about as much as the work's."""
    postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    content: list[int] = field(default_factory=list)
    """Per variant: how many distinct indexed words it has."""


def build_title_index(index: SourceIndex) -> TitleIndex:
    out = TitleIndex()
    for key, source in index.sources.items():
        if not source.title:
            continue
        main = _CUT.split(source.title, maxsplit=1)[0]
        # In this order, each once (a set's order would follow the hash seed, and the first of two
        # equal matches wins): the full title, the part before a subtitle or first comma, the title without a
        # year, the part before a subtitle with its commas ("Guns, Germs, and Steel").
        full, head, yearless, before = (_words(source.title), _words(main),
                                        _words(re.sub(r"\s*\(\d{4}\)\s*$", "", source.title)),
                                        _words(_SUBTITLE.split(source.title, maxsplit=1)[0]))
        forms = dict.fromkeys((full, head, yearless, before))
        for words in forms:
            if not words or (len(words) < 2 and len(words[0]) < 6):
                continue
            vid = len(out.variants)
            out.variants.append((key, words))
            if words in (head, before) and len(words) < len(yearless):
                out.heads.add(vid)
            indexed = {w for w in words if w not in STOPWORDS}
            out.content.append(len(indexed))
            for word in indexed:
                out.postings[word].append(vid)
    return out


def _words(text: str) -> tuple[str, ...]:
    words = [canonical(t.text) for t in tokens(text)]
    words = [w for w in words if w]
    while words and words[0] in _ARTICLES and len(words) > 1:
        words = words[1:]
    return tuple(words)


@dataclass(frozen=True, slots=True)
class _Span:
    toks: tuple[Token, ...]
    marked: bool  # quoted or italic: the writer marked it as a name
    after_possessive: bool = False
    tail: bool = False
    """Capitalised words and then lower-case ones (``_TAIL``): a title only when they are all of it."""
    quoted: bool = False
    """Marked by quotation marks (not italics), as a writer marks a term too (scare quotes)."""


def find_titles(claims: Sequence[Claim], index: SourceIndex, tindex: TitleIndex,
                attributed: dict[str, set[str]], covered: Found, *,
                cited: dict[str, set[str]] | None = None) -> Found:
    """Titles named in each claim; ``attributed`` maps claim id -> keys whose authors it names. ``cited`` (for a
    document that cites by markers) maps claim id -> keys its markers cite: there a title in plain words, neither
    quoted nor in italics, of an entry its sentence neither cites nor names the authors of ("Design Sprint", a
    German noun phrase) is a suggestion, the name of a method or a term as likely as of the work; so is a title's
    head alone (``TitleIndex.heads``), quoted or not. In plain words, a title the document also writes in lower case
    ("Social Cohesion" where its prose says "social cohesion") or one word of a title, its head or all of it, with
    or without an article ("Kyrgyzstan" of "Kyrgyzstan: Foreign Agent Bill Nixed", "die erste Waldorfschule", "Die
    Waldorfpädagogik ist ...": German writes every noun with a capital) names the thing, not the work: no link unless
    the sentence names its authors (or, a whole title, cites the entry). So does one word in quotation marks in
    lower case, of a title written with a capital (« authenticité », « mémoire »: scare quotes, a term the writer
    marks, as French does); in italics (*shelterin*) it is named as a work is."""
    found = Found()
    prose = Prose(claims)
    for claim in claims:
        best: dict[str, tuple[float, _Span, tuple[Token, ...], bool, bool]] = {}
        named = attributed.get(claim.id, set())
        cites = set() if cited is None else cited.get(claim.id, set())
        unresolved: list[_Span] = []
        for span in _spans(claim):
            if covered.covered(claim.id, span.toks[0].start, span.toks[-1].end):
                continue
            match = _best_match(span, tindex)
            if match is None:
                if (span.marked or span.after_possessive) and _title_case(span.toks):
                    unresolved.append(span)
                continue
            for key, (score, window, exact, head) in match.items():
                if not span.marked and (_name_goes_on(claim.text, span, window)
                                        or (head and _name_goes_back(claim.text, span, window))
                                        or _listed(claim.text, window, index.sources[key].title)):
                    continue
                phrase = claim.text[window[0].start:window[-1].end]
                if not span.marked and _names_a_body(window, key, index):
                    continue
                if key not in named and _names_the_thing(span, window, phrase, head, key in cites, prose,
                                                         index.sources[key].title):
                    continue
                if key not in best or score > best[key][0]:
                    best[key] = (score, span, window, exact, head)
        for tok, key in _one_word_titles(claim, index, tindex):
            phrase = claim.text[tok.start:tok.end]
            if not (key in best or covered.covered(claim.id, tok.start, tok.end) or prose.as_term(phrase)
                    or prose.recurs(phrase)):
                best[key] = (100.0, _Span((tok,), False), (tok,), True, True)
        for span in unresolved:
            if not any(w[0].start <= span.toks[0].start < w[-1].end + 1 for _, _, w, _, _ in best.values()):
                text = claim.text[span.toks[0].start:span.toks[-1].end]
                found.mention(span.toks[0].start, Mention(claim.id, "work", text, (), "no entry with this title"))
        _emit(claim, best, index, attributed.get(claim.id, set()), found,
              None if cited is None else cited.get(claim.id, set()))
    return found


def _one_word_titles(claim: Claim, index: SourceIndex, tindex: TitleIndex) -> list[tuple[Token, str]]:
    """Capitalised words, the sentence's first aside, that are the whole title or its head of a work whose author
    (or editor) the sentence names too: "Kotler ve své knize Chaotika uvádí" (of "Chaotika: řízení a marketing
    ..."), "In Leviathan, Hobbes describes". A capitalised word alone is a title only so: otherwise it is as likely
    a place, a firm or a thing of that name."""
    toks = tokens(claim.text)
    names = {fold(strip_possessive(t.text)[0]) for t in toks if t.is_capitalised}
    out = []
    for tok in toks[1:]:
        word = canonical(tok.text)
        if not tok.is_capitalised or word in STOPWORDS:
            continue
        posting = tindex.postings.get(word, ())
        for vid in posting if len(posting) <= MAX_POSTING else ():
            key, variant = tindex.variants[vid]
            source = index.sources[key]
            families = {fold(p.family).split()[-1] for p in (*source.authors, *source.editors) if p.family.strip()}
            if variant == (word,) and (families - {word}) & names:
                out.append((tok, key))
    return out


def _name_goes_on(text: str, span: _Span, window: tuple[Token, ...]) -> bool:
    """Whether a capitalised word follows the window with only a space between, in plain words: the longer name
    of something else ("Labeled Faces in the Wild Benchmark", "London Night Workers Classification")."""
    after = [t for t in span.toks if t.start >= window[-1].end]
    return bool(after) and after[0].is_capitalised and text[window[-1].end:after[0].start] == " "


def _name_goes_back(text: str, span: _Span, window: tuple[Token, ...]) -> bool:
    """Whether a capitalised word other than the sentence's first stands right before the window, a space between, in
    plain words: a title's head inside the longer name of another thing ("Robust Bayesian Model Averaging", a method,
    is neither "Bayesian model averaging: a tutorial" nor the method it names)."""
    before = [t for t in span.toks if t.end <= window[0].start]
    return (bool(before) and before[-1].is_capitalised and before[-1].start > 0
            and text[before[-1].end:window[0].start] == " ")


def _names_a_body(window: tuple[Token, ...], key: str, index: SourceIndex) -> bool:
    """Whether the window, in plain words, is the name of an organisation another entry has as its author, or the end
    of it ("Charter Revision Commission" of "New York City Charter Revision Commission"): the body is named, not the
    work titled after it (a newspaper piece "Charter Revision Commission: NYC should have ...")."""
    words = tuple(canonical(t.text) for t in window)
    return len(words) >= 2 and any(name[-len(words):] == words
                                   for name, keys in _bodies(index).items() if key not in keys)


_BODIES = "_bodies_named"


def _bodies(index: SourceIndex) -> dict[tuple[str, ...], set[str]]:
    """The words of every organisation named as an entry's author or editor -> those entries, once per index."""
    cached = index.__dict__.get(_BODIES)
    if cached is None:
        cached = {}
        for source in index.sources.values():
            for person in (*source.authors, *source.editors):
                if is_corporate(person):
                    cached.setdefault(_words(person.family), set()).add(source.key)
        index.__dict__[_BODIES] = cached
    return cached


def _listed(text: str, window: tuple[Token, ...], title: str) -> bool:
    """Whether the window, in plain words, runs across a comma its title does not have: a list of names ("tools
    like R, Markdown, Git") is not the title "R Markdown"."""
    return "," in text[window[0].start:window[-1].end] and "," not in title


def _emit(claim: Claim, best: dict[str, tuple[float, _Span, tuple[Token, ...], bool, bool]], index: SourceIndex,
          named: set[str], found: Found, cited: set[str] | None = None) -> None:
    if not best:
        return
    by_window: dict[tuple[int, int], list[str]] = defaultdict(list)
    for key, (_, _, window, _, _) in best.items():
        by_window[(window[0].start, window[-1].end)].append(key)
    context = content_stems(claim.text)
    for (start, end), keys in by_window.items():
        key, ambiguous = index.pick(keys, context)
        text = claim.text[start:end]
        found.cover(claim.id, start, end)
        if not key:  # titles alike, and nothing in the sentence tells which of them it names: no link
            found.mention(start, Mention(claim.id, "work", text, tuple(keys), UNDECIDED))
            continue
        _, span, _, exact, head = best[key]
        title = index.sources[key].title
        found.mention(start, Mention(claim.id, "work", text, tuple(dict.fromkeys([key, *keys])), title))
        # Plain words in a document citing by markers, of an entry its sentence neither cites nor names the authors
        # of: a term as likely as the work's name, so no confirmed link, and no misquoted title (LR306) either. So is
        # a title's head alone even quoted or in italics (*shelterin* for "Shelterin: the protein complex ...", a
        # species, an act, a program): the name of what the work is about, which a field writes as a term.
        term = cited is not None and (not span.marked or head) and key not in named and key not in cited
        # Written all in lower case, of a title that opens with a capital: a term the text uses ("a spline called
        # *thin plate regression spline*"), not the title miswritten: a title is written with its capitals.
        lowered = _lowered(text, title)
        if not exact and not term and not lowered:
            found.mention(start, Mention(claim.id, "title-variant", text, (key,), title))
        confidence = (0.95 if span.marked else 0.9) if exact else 0.8
        if ambiguous:
            confidence *= 0.8
        confirmed = not ambiguous and (exact or key in named) and not term
        found.hits.append(Hit(claim.id, key, "title", round(confidence, 3), text, start, end,
                              ambiguous=ambiguous, confirmed=confirmed))


def _names_the_thing(span: _Span, window: tuple[Token, ...], phrase: str, head: bool, cited: bool, prose: Prose,
                     title: str) -> bool:
    """Whether the window names the thing its title names rather than the work (``find_titles``): in plain words, a
    title's head of one word, a phrase the prose writes in lower case or again and again, one word of a title the
    sentence does not cite; quoted, one word in lower case (scare quotes)."""
    if not span.marked:
        return ((head and len(window) == 1) or prose.as_term(phrase) or prose.recurs(phrase)
                or (not cited and _one_word(window)))
    return span.quoted and _one_word(window) and _lowered(phrase, title)


def _one_word(window: tuple[Token, ...]) -> bool:
    """Whether the window holds one word besides function words of any language ("Die Waldorfpädagogik")."""
    words = [fold(t.text) for t in window]
    return sum(1 for w in words if w not in STOPWORDS and w not in FUNCTION_WORDS_ABROAD) <= 1


def _lowered(text: str, title: str) -> bool:
    """Whether ``text`` is written all in lower case where its title opens with a capital: a term the text uses,
    not the title miswritten (a title is written with its capitals)."""
    return not any(ch.isupper() for ch in text) and title[:1].isupper()


_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z]")


def _spans(claim: Claim) -> list[_Span]:
    text = claim.text
    if len(_CAPITALISED.findall(text, 1)) < 1 and not any(q in text for q in f"{QUOTATION_OPENERS}*_"):
        return []  # no second capitalised word and nothing marked: no title here
    toks = tokens(text)
    out: list[_Span] = []
    italic = ((m, 1 if m.group(1) is not None else 2, False) for m in _ITALIC.finditer(text))
    for m, g, in_quotes in (*((m, g, True) for m, g in quoted(text)), *italic):
        if 2 <= m.end(g) - m.start(g) <= _MARKED_MAX:
            inner = tuple(t for t in toks if m.start(g) <= t.start and t.end <= m.end(g))
            if inner:
                out.append(_Span(inner, True, quoted=in_quotes))
    run: list[Token] = []
    for tok in [*toks, Token("", len(text), len(text))]:
        gap = text[run[-1].end:tok.start] if run else ""
        joinable = not run or re.fullmatch(r"\s*[:,]?\s+|-|\s*[–—]\s*", gap) is not None
        word = fold(tok.text)
        if tok.text and joinable and (tok.is_capitalised or (run and word in MINOR_WORDS)):
            if run and strip_possessive(run[-1].text)[1]:
                _close(run, out, text, toks)
                run = []
            run.append(tok)
            continue
        _close(run, out, text, toks)
        run = [tok] if tok.is_capitalised else []
    return out


def _close(run: list[Token], out: list[_Span], text: str, toks: list[Token] | None = None) -> None:
    """``toks``: the sentence's tokens, for the lower-case words after the run (``_TAIL``)."""
    while run and not run[-1].is_capitalised:
        run.pop()
    if sum(1 for t in run if t.is_capitalised) >= 2:
        before = text[:run[0].start].rstrip()
        after_poss = bool(re.search(r"[’']s$", before))
        out.append(_Span(tuple(run), False, after_poss))
        at = bisect_left(toks or [], run[-1].end, key=lambda t: t.start)
        tail = list(run)
        for tok in (toks or [])[at:at + _TAIL]:
            if text[tail[-1].end:tok.start] != " " or not tok.text[:1].islower():
                break
            tail.append(tok)
            out.append(_Span(tuple(tail), False, after_poss, tail=True))


def _title_case(toks: tuple[Token, ...]) -> bool:
    content = [t for t in toks if fold(t.text) not in MINOR_WORDS]
    return len(toks) >= 2 and all(t.is_capitalised for t in content)


def _best_match(span: _Span, tindex: TitleIndex) -> dict[str, tuple[float, tuple[Token, ...], bool, bool]] | None:
    """Per entry, the best window of the span that names its title: (score, window, exact, whether only the
    title's head matched)."""
    words = [canonical(t.text) for t in span.toks]
    present = {w for w in words if w in tindex.postings}
    if not present:
        return None
    # Count, per title, how many of its words the span has: only titles that lack at most
    # one word (a near miss) are compared word by word.
    shared: Counter[int] = Counter()
    for w in present:
        posting = tindex.postings[w]
        if len(posting) <= MAX_POSTING:
            shared.update(posting)
    content = tindex.content
    # Sorted: ``present`` is a set, so the counter's order would follow the hash seed.
    candidates = sorted(vid for vid, n in shared.items() if n >= max(1, content[vid] - max(1, content[vid] // 4)))
    out: dict[str, tuple[float, tuple[Token, ...], bool, bool]] = {}
    for vid in candidates:
        key, variant = tindex.variants[vid]
        hit = _align(span, words, variant)
        if hit is not None and (key not in out or hit[0] > out[key][0]):
            out[key] = (*hit, vid in tindex.heads)
    return out or None


def _align(span: _Span, words: list[str], variant: tuple[str, ...]) -> tuple[float, tuple[Token, ...], bool] | None:
    """The best window of the span that is the title or a near miss of it. Quoted or in italics, the window is the
    whole span: a quotation names a work when it is its title, and words of a longer quoted passage ("„will ... für
    die politische Diskussion begeistern“", "„Prototyp des Politainment“") are read as plain words are, by the run of
    capitalised words that holds them."""
    n = len(variant)
    joined = " ".join(variant)
    if len(joined) < (5 if span.marked else 10):
        return None
    if span.tail:  # the whole title, its last words in lower case ("Neural Networks and Deep learning")
        whole = tuple(words)
        return (100.0, span.toks, True) if whole == variant and n >= _TAIL_TITLE_WORDS else None
    best = None
    for size in (n, n - 1, n + 1):
        if size < 1 or size > len(words) or (span.marked and size != len(words)):
            continue
        for i in range(len(words) - size + 1):
            window = span.toks[i:i + size]
            if not (window[0].is_capitalised and window[-1].is_capitalised) and not span.marked:
                continue
            wwords = tuple(words[i:i + size])
            while wwords and wwords[0] in _ARTICLES and len(wwords) > 1:
                wwords, window = wwords[1:], window[1:]
            if wwords == variant:
                return 100.0, window, True
            # Unmarked, a near miss of a title of two words is half of it changed ("Equivalence Testing" for
            # "Equivalence Tests: ..."): a title only quoted or in italics.
            score = _near(wwords, variant) if span.marked or n > 2 else None
            if score is not None and (best is None or score > best[0]):
                best = (score, window, False)
    return best


def _near(words: tuple[str, ...], variant: tuple[str, ...]) -> float | None:
    """A score when ``words`` differ from the title by a changed word or a dropped stopword."""
    if abs(len(words) - len(variant)) > 1 or len(variant) < 2:
        return None
    changed = 0
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=words, b=variant, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and a2 - a1 == 1 and b2 - b1 == 1:
            if ratio(words[a1], variant[b1]) < 60:
                return None
            changed += 1
        elif op in ("delete", "insert") and all(w in STOPWORDS for w in (*words[a1:a2], *variant[b1:b2])):
            changed += 1
        else:
            return None
    content = sum(1 for w in variant if w not in STOPWORDS)
    if changed == 0 or changed > max(1, len(variant) // 4) or content < 2:
        return None
    return ratio(" ".join(words), " ".join(variant))
