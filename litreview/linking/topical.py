"""Topical suggestions: each claim's best entries by TF-IDF cosine and BM25 over the entry's title,
subtitle, container, keywords and abstract (words compared by their stems' first letters, ``text.topic_form``;
inverted lists: a claim meets only the entries sharing a word with it or its paragraph; BM25's query adds the paragraph at a lower weight; an acronym the essay
defines is read with its long form, in BM25's query at the paragraph's weight), then scored by the ranker, which reads BM25's own ranking among its
features, and whether the sentence names an author of the entry ("See Gu for details"): the probability that a
reviewer accepts the suggestion.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

from ..essay.language import guess_language
from ..locale_terms import QUOTATION_OPENERS
from ..model import Claim, Source
from .attribution import BARE_NAME, people_named
from .author_names import plausible_surname
from .hits import Hit
from .index import SourceIndex
from .nearest import pick
from .ranker import FEATURES, capped, claim_cues, score, weight_vector
from .text import (
    FUNCTION_WORDS_ABROAD,
    STOPWORDS,
    Token,
    content_stems,
    fold,
    phrase_stems,
    strip_possessive,
    tokens,
    topic_form,
    word_stems,
)

TOP_K = 5
"""Suggestions kept per claim (what ``--all-suggestions`` lists)."""
PER_SOURCE = 100
"""Suggestions kept per source: its best-matching claims only. (50 kept a paper's reference work, cited in 30 of its
176 sentences, out of 13 of them: recall@5 by leave-one-document-out over 25 development documents 0.509 -> 0.520,
the same from 100 to no cap; bench/eval_topical.py --dev-only --cv --extra-dev FOLDER ...)"""
CANDIDATES = 6
"""Entries of each claim scored by the ranker: the best by cosine plus BM25 (relative to the claim's best)..."""
BM25_CANDIDATES = 15
"""... and the best by BM25 alone (the ranker reads both ranks: BM25 is one of its features, not a rival).
(Recall@5 of the re-ranked candidates on de-marked development manuscripts, each document scored by a model
fitted without it, bench/eval_topical.py pairs: 10: 0.510, 12: 0.518, 15: 0.528, 20: 0.524; from 10 to 15 no
document lower, two higher. Earlier, on further development papers, 10 and 15 against 5 were mixed. Over the
corpus documents and further papers in one leave-one-document-out, re-ranked candidates alone: 6 and 10: 0.472,
6 and 15: 0.481, 6 and 20: 0.471, 6 and 25: 0.478, 8 and 15: 0.481, 4 and 15: 0.484.)"""
MIN_SCORE = 0.0
"""Probability below which a suggestion is not listed even on request (0: the top candidates all)."""
PARAGRAPH = 0.5
"""Weight in a claim's BM25 query of each word its paragraph uses (added to 1 for the claim's own words):
what the paragraph is about says which entry a sentence relies on when its own words are few. An entry
only the paragraph shares words with is a candidate too, marked as such for the ranker. (Recall@5 by
leave-one-document-out on the development documents, bench/topical_ablations.py: 0.35: 0.497, 0.5: 0.500,
0.75: 0.508, 1: 0.500; the curve is flat, 0.5 was chosen before the last two changes and kept.)"""
PAIR_WEIGHT = 0.5
"""Weight of a pair of neighbouring words against a single word."""
ESSAY_SPREAD = 0.25
"""A feature used in this share of the essay's paragraphs or more is generic..."""
SOURCE_SPREAD = 0.2
"""... and so is one used by this share of the entries or more..."""
MIN_SPREAD = 5
"""... when that is at least this many paragraphs or entries (short essays and lists have no generic words)."""
_NAMED = FEATURES.index("named")
NAMED_WORK = 0.9
"""The probability shown for a suggestion of the entry whose title's first word the sentence writes as a name, the
first sentence of the document to do so (``named_works``). Shown by default on de-marked development manuscripts,
each linked as a whole (bench/eval_topical.py --dev-only --cv --extra-dev FOLDER: "shown by default, by kind"):
with any capitalised title head, 26 of 27 were cited there (21 of 21 on the corpus documents the rule was written on,
5 of 6 on five papers gathered after it); with the head written as a name wherever it stands (a capital inside or a
digit), as now, 19 of 19, a place, a concept or an adjective opening many a title of the social sciences ("Europe: A
History"); over 25 development documents (9 corpus documents and 16 further papers), 19 of 19
once a capital after a hyphen that follows a word no longer made a name ("Polit-Talk", a German noun: 19 of 20 before);
over 33 (8 papers more), 19 of 19 once the initials of a body of several entries ("LAPD") and a short form the document
defines for words in lower case ("value added models (VAM)") no longer named a work (19 of 21 before); over 38 (5 papers more,
read first after that), 22 of 22 (95% interval 0.85-1.00), 3 of them on those 5; over 43 (5 papers more), 27 of 27,
then 45 of 45 (0.92-1.00) once a package named in lower case by its title and its address counted (``_names_itself``:
18 more, the R packages of two documents).
A rule, not fitted: no other evidence of the sentence changes it, and below 1 as every topical suggestion
is."""
NAMED_EVIDENCE = "the name its title opens with (first named here)"
"""What the note of such a suggestion says after the name."""
_ARTICLES = frozenset({"the", "a", "an"})
_OPENING = (*QUOTATION_OPENERS, ":")
"""What a sentence's own capital follows inside a sentence: a quotation's opening mark, a colon ("The rule is
simple: Deep changes ...")."""
_WORDS = re.compile(r"[^\w'’-]+")
"""What separates words, read quickly (a title's words; whether a sentence holds a word worth reading as ``tokens``)."""
NAME_LETTERS = 3
"""Letters a title's opening name has at least: "US", "EU", "UK" name a country, not a work."""
NOUNS_CAPITALISED = frozenset({"de"})
"""The languages (``essay.language.guess_language``) that write every noun with a capital: there only a capital
inside a word or a digit writes it as a name ("ParaView", not "Politik")."""


def copies(index: SourceIndex) -> dict[str, list[str]]:
    """The entry first defined of each work the bibliography gives more than once (the same DOI, or the same work as
    ``checks.duplicates`` reads it: LR106, LR107, which tell the user to merge them) -> its later copies, in order.
    Copies do not compete for a sentence: only the first is scored, and each copy is suggested wherever it is, at its
    confidence, without a slot of its own (``TOP_K``). Found once and kept on the index (as ``document_topic`` does)."""
    found: dict[str, list[str]] | None = index.__dict__.get(_COPIES)
    if found is None:
        found = index.__dict__[_COPIES] = _copies(index)
    return found


_COPIES = "_topical_copies"


def _copies(index: SourceIndex) -> dict[str, list[str]]:
    from ..checks.duplicates import duplicate_pairs  # checks read the linkers: imported when first needed

    first_of: dict[str, str] = {}
    for _, source, first in duplicate_pairs(index.sources.values()):
        if source.key != first.key and source.key not in first_of:
            first_of[source.key] = first_of.get(first.key, first.key)
    out: dict[str, list[str]] = {}
    for copy, entry in first_of.items():
        out.setdefault(entry, []).append(copy)
    return out


def suggest(claims: Sequence[Claim], index: SourceIndex, exclude: Collection[tuple[str, str]] = (),
            *, linked: Collection[str] = (), top_k: int | None = None, per_source: int | None = None,
            min_score: float | None = None, weights: Mapping[str, float] | None = None) -> list[Hit]:
    """Up to ``top_k`` suggested entries per claim, best first, skipping ``exclude`` pairs; each
    hit's confidence is the probability that a reviewer accepts it (``ranker``; ``NAMED_WORK`` for the entry whose
    title's opening name the sentence is the first to write: ``named_works``).

    Features are content words and pairs of neighbouring words ("national security"). A feature
    weighs by how rare it is among the entries and by how few of the essay's paragraphs use it:
    what the whole essay keeps saying ("international", "theory") is its subject, not a clue to
    which sentence relies on which entry: the evidence names the other shared words first. ``linked`` names claims that already have a confirmed source.
    The sentence is read whole, the words other linkers used as evidence too ("the book “A History of the Talk Show
    in Germany”" links that book and still says what else the sentence may rely on); the pairs they linked are in
    ``exclude``. (Those words cut out, as they were, recall@5 by leave-one-document-out over 38 development
    documents, linked as a whole: 0.525; read whole 0.526, no document lower, the largest bibliography 0.430 ->
    0.448; bench/eval_topical.py --dev-only --cv --extra-dev FOLDER ...) ``min_score`` is the lowest probability kept.
    """
    rows = candidates(claims, index, linked=linked)
    top_k = TOP_K if top_k is None else top_k
    per_source = PER_SOURCE if per_source is None else per_source
    floor = MIN_SCORE if min_score is None else min_score
    excluded = set(exclude)
    vector = weight_vector(weights)
    # by the uncapped score: candidates the cap makes equally probable keep the model's order
    scored = sorted(((score(c.features, vector=vector), n) for n, c in enumerate(rows)), key=lambda t: -t[0])
    per_claim: Counter[int] = Counter()
    per_key: Counter[str] = Counter()
    hits: list[Hit] = []
    later = copies(index)
    for work in named_works(claims, index):
        claim = claims[work.row]
        keys = [k for k in (work.key, *later.get(work.key, ())) if (claim.id, k) not in excluded]
        if keys:
            per_claim[work.row] += 1
            name = claim.text[work.start:work.end]
        for key in keys:
            per_key[key] += 1
            excluded.add((claim.id, key))  # the ranker's own suggestion of the pair is not listed again
            hits.append(Hit(claim.id, key, "topical", NAMED_WORK, f"the sentence names {name}, {NAMED_EVIDENCE}",
                            work.start, work.end, confirmed=False))
    # Each claim's words, and each paragraph's (shared by its claims), stemmed and put in topic form once.
    stems: dict[tuple[int, bool], list[tuple[str, str]]] = {}
    texts: dict[int, list[str]] = {}
    own = [c.text for c in claims]
    written = spelled_out(own, own)  # the evidence names the long form an acronym stood for
    for z, n in scored:
        p = capped(z)
        cand = rows[n]
        claim = claims[cand.row]
        if p < floor:
            break  # best first: the rest are lower still
        keys = [k for k in (cand.key, *later.get(cand.key, ()))
                if (claim.id, k) not in excluded and per_key[k] < per_source]
        if not keys or per_claim[cand.row] >= top_k:
            continue
        per_claim[cand.row] += 1
        per_key.update(keys)
        at = (claim.paragraph, True) if cand.from_paragraph else (cand.row, False)
        if at not in stems:
            if cand.from_paragraph and not texts:
                for c, text in zip(claims, written, strict=True):
                    texts.setdefault(c.paragraph, []).append(text)
            stems[at] = [(word, topic_form(stemmed)) for word, stemmed in
                         word_stems(" ".join(texts[claim.paragraph]) if cand.from_paragraph else written[cand.row])]
        evidence = _evidence(stems[at], cand.words)
        if cand.from_paragraph:
            evidence = evidence.replace("shared words:", "words its paragraph shares:")
        if cand.features[_NAMED]:
            evidence += "; the sentence names its author"
        hits.extend(Hit(claim.id, key, "topical", round(p, 3), evidence, confirmed=False) for key in keys)
    order = {c.id: n for n, c in enumerate(claims)}
    hits.sort(key=lambda h: (order[h.claim_id], -h.confidence))
    return hits


class Candidate(NamedTuple):
    """A (claim, entry) pair worth scoring, with what the ranker reads of it (a tuple: made for
    every candidate of thousands of claims, it is built in C)."""

    row: int
    """The claim's position in the claims given."""
    key: str
    features: tuple[float, ...]
    """In ``ranker.FEATURES`` order."""
    words: frozenset[str]
    """Shared single-word stems (the evidence shown)."""
    from_paragraph: bool = False
    """The claim shares no word with the entry, its paragraph does (the words are the paragraph's)."""


def candidates(claims: Sequence[Claim], index: SourceIndex, *, linked: Collection[str] = ()) -> list[Candidate]:
    """The best ``CANDIDATES`` entries of each claim by TF-IDF cosine plus BM25, and the best
    ``BM25_CANDIDATES`` by BM25 alone, with their ranker features.

    Inverted lists (a claim meets only the entries that share a word with it), summed in plain
    dictionaries for an essay and in numpy for thousands of claims (``nearest.pick``: the same
    picks either way); a check of a review's essay imports nothing heavier than the standard library.
    """
    copied = {copy for later in copies(index).values() for copy in later}
    keys = [key for key in index.sources if key not in copied]  # a work given twice is scored once (``copies``)
    if not keys or not claims:
        return []
    n_keys = len(keys)
    src_df: Counter[str] = Counter()
    for key in keys:
        src_df.update(index.topic.get(key, {}).keys())
    if not src_df:
        return []
    as_written = [c.text for c in claims]
    texts = spelled_out(as_written, as_written)
    claim_bags = [Counter(map(topic_form, phrase_stems(t))) for t in texts]
    para_df, n_paras = _paragraph_df(claims, claim_bags, src_df)
    weight: dict[str, float] = {}
    generic_words: set[str] = set()
    for w, df in src_df.items():
        pdf = para_df.get(w, 0)
        idf = (math.log((n_keys + 1) / (df + 1)) + 1.0) * (math.log((n_paras + 1) / (pdf + 1)) + 1.0)
        # A pair of words adds to a match but does not count in a text's length: titles are short,
        # and their pairs would otherwise halve every single-word match.
        weight[w] = idf * (PAIR_WEIGHT if " " in w else 1.0)
        if pdf >= max(MIN_SPREAD, ESSAY_SPREAD * n_paras) or df >= max(MIN_SPREAD, SOURCE_SPREAD * n_keys):
            generic_words.add(w)
    src_rows = [_unit({w: v * weight[w] for w, v in index.topic.get(key, {}).items()}) for key in keys]
    postings: dict[str, list[tuple[int, float]]] = {}
    for c, row in enumerate(src_rows):
        for w, v in row.items():
            postings.setdefault(w, []).append((c, v))
    cl_raw = [{w: (1.0 + math.log(n)) * weight[w] for w, n in bag.items() if w in weight} for bag in claim_bags]
    cl_rows = [_unit(row) for row in cl_raw]
    bm25 = _bm25_postings(keys, index)
    take = min(CANDIDATES, n_keys)
    bm_take = min(BM25_CANDIDATES, n_keys)
    # Candidates by both measures: cosine over weighted features, BM25 over the entry's words
    # (as a share of the claim's best), and BM25's own best; equal scores: the entry listed first wins.
    # BM25's query: the words the claim writes, then its paragraph's with the long forms of their acronyms
    # (at PARAGRAPH): a long form spelled out in full would outweigh the claim's own words. Every word on
    # both sides as text.topic_form compares it.
    context, context_of = paragraphs(claims, texts)
    context = [{topic_form(w): v for w, v in query.items()} for query in context]
    own_words = [list(dict.fromkeys(map(topic_form, content_stems(t)))) for t in as_written]
    picked = pick(cl_rows, own_words, postings, bm25, n_keys, take, bm_take, context=context, context_of=context_of)
    best = [p[0][1] if p else 0.0 for p in picked]
    second = [p[1][1] if len(p) > 1 else 0.0 for p in picked]
    spread: Counter[int] = Counter()
    own_best: dict[int, float] = {}
    for p in picked:
        for c, x, *_ in p:
            spread[c] += 1
            own_best[c] = max(own_best.get(c, 0.0), x)
    runner: dict[int, float] = {}
    for p in picked:
        for c, x, *_ in p:
            if x < own_best[c]:
                runner[c] = max(runner.get(c, 0.0), x)
    ctx_rows = _context(claims, cl_raw)
    para_bags: list[set[str]] = [set() for _ in context]
    for r, bag in enumerate(claim_bags):
        para_bags[context_of[r]].update(bag)
    n_claims = math.log1p(len(claims))
    entries = math.log10(n_keys + 1)
    linked_ids = set(linked)
    items = []

    for r, p in enumerate(picked):
        claim = claims[r]
        bag = claim_bags[r]
        cues = None
        for rank, (c, cos_score, bm_score, rank_both, rank_bm) in enumerate(p):
            key = keys[c]
            topic = index.topic.get(key, {})
            common = bag.keys() & topic.keys()
            if not common:
                # Only the paragraph's words met the entry: a candidate when they are the entry's topic
                # words (not only words that say what kind of publication it is), weak evidence.
                common = para_bags[context_of[r]] & topic.keys()
                if not common:
                    continue
                from_paragraph = 1.0
            else:
                from_paragraph = 0.0
            # The essay's (or the field's) common words are weak evidence: counted apart.
            shared = common - generic_words
            words = frozenset(w for w in shared if " " not in w)
            margin = cos_score - (second[r] if rank == 0 else best[r])
            own = own_best[c]
            gap = cos_score - runner.get(c, 0.0) if cos_score >= own else cos_score - own
            src_row = src_rows[c]
            ctx_row = ctx_rows[r]  # the words both hold, found from the fewer side's (in C)
            ctx_score = sum([src_row[w] * ctx_row[w] for w in src_row.keys() & ctx_row.keys()], 0.0)
            if cues is None:
                cues = claim_cues(claim.text)
                named = named_entries(claim.text, index)
                length = math.log1p(sum(1 for w in bag if " " not in w)) / 4.0
            features = (cos_score, ctx_score, float(rank == 0), margin,
                        float(any(topic[w] >= 1.0 for w in words)), float(claim.id in linked_ids),
                        *cues, length, math.log1p(spread[c]) / max(n_claims, 1.0), entries, gap, bm_score,
                        1.0 / (1.0 + rank_bm) if rank_bm < bm_take else 0.0, float(rank_bm == 0),
                        1.0 / (1.0 + rank_both) if rank_both < take else 0.0, from_paragraph,
                        named.get(key, 0.0))
            items.append(Candidate(r, key, features, words or frozenset(w for w in common if " " not in w),
                                   bool(from_paragraph)))
    return items


def named_entries(text: str, index: SourceIndex) -> dict[str, float]:
    """The entries whose author or editor ``text`` names as the attribution linker reads names ("See Gu for
    details": the entries Gu wrote; not "Young people ...", a sentence's capital), whatever else the sentence says
    of them; a family name alone with nothing that makes it an appeal to a person counts only when it could be a
    surname ("Long hours May cause harm": a month, not May's work). Each with the share of the person's entries
    it is (1 for a person of one entry, 1/4 for each of four): naming a prolific author names none of their works
    in particular."""
    out: dict[str, float] = {}
    for family, keys, confidence in people_named(text, index):
        if confidence > BARE_NAME or plausible_surname(family):
            for key in keys:
                out[key] = max(out.get(key, 0.0), 1.0 / len(keys))
    return out


class NamedWork(NamedTuple):
    """A sentence that writes the name an entry's title opens with ("supported by VisIt, Paraview" for "ParaView:
    An End-User Tool ..."), where in the sentence."""

    row: int
    key: str
    start: int
    end: int


def named_works(claims: Sequence[Claim], index: SourceIndex) -> list[NamedWork]:
    """For each entry whose title opens (after "The", "A", "An") with a word written as a name wherever it stands (a
    capital inside or a digit: "BoxLib with Tiling", "The CHEOPS mission", "EM-DAT: International Disaster Database";
    not "Europe: A History" nor "Gaussian processes") that no other entry's title holds, the first of ``claims`` that
    writes that word as a name: with a capital (not only as its first word, a quotation's or one after a colon; not
    in German, which capitalises its nouns: ``NOUNS_CAPITALISED``), a capital inside or a digit; not in lower case
    ("visit" is not VisIt; but a package whose address names it, ``_names_itself``, is named in lower case as its
    title writes it: "broom"), nor followed or preceded by a capitalised word the title lacks (the longer name of
    something else: "United States" for "United We Stand"), nor a person's name (an author's family name, or a given
    name before one: ``_person``; a title's opening possessive, "Darwin's Dangerous Idea"), nor in a sentence written
    in capitals. The first only: a document cites a tool or a data set where it first names it, not each time (later
    namings were cited 2 times in 8 on development manuscripts)."""
    heads: dict[str, str] = {}
    lower: dict[str, str] = {}  # the heads of packages named in lower case (``_names_itself``), as the title writes them
    in_capitals: set[str] = set()  # the heads of titles written in capitals, whose capitals tell no name
    title_words: Counter[str] = Counter()
    words_of: dict[str, frozenset[str]] = {}
    copied = {copy for later in copies(index).values() for copy in later}
    for key, source in index.sources.items():
        if key in copied:
            continue  # the same work as an entry before it (``copies``): its title is no other title
        written = [w for w in _WORDS.split(source.title) if w]
        folded_title = [fold(w) for w in written]
        words = frozenset(part for w in folded_title for part in (w, *w.split("-")) if part)
        words_of[key] = words
        title_words.update(words)
        at = 0
        while at < len(written) - 1 and folded_title[at] in _ARTICLES:
            at += 1
        head = folded_title[at] if written else ""
        if (sum(ch.isalpha() for ch in head) >= NAME_LETTERS and head not in STOPWORDS
                and head not in FUNCTION_WORDS_ABROAD and not index.roles(head)
                and not strip_possessive(head)[1]  # "Darwin's Dangerous Idea": whose idea, not the work's name
                and (_name_like(written[at])  # "VisIt", "EM-DAT", "pybind11": not "Europe: A History", "Boston ..."
                     or _names_itself(source, written[at]))):  # "broom: Convert ..." at ".../package=broom"
            heads[head] = key
            if not _name_like(written[at]):
                lower[head] = written[at]  # named as the title writes it, in lower case
            if all(ch.isupper() for ch in source.title if ch.isalpha()):  # "EUROPE: A HISTORY": named as written
                in_capitals.add(head)  # by a sentence alone ("PLATO"), not as "Europe"
    # A head no other title holds, that is no body's initials and that the document does not define as a short form of
    # common words ("teacher value added models (VAM)": a concept, not "VAM: Stata Module ..."), a word of which is in
    # lower case (the first may have its capital from the sentence: "Value added models (VAM) are ...").
    concepts = {fold(short) for short, long in acronyms([c.text for c in claims]).items()
                if any(w[:1].islower() for w in long.split() if w.lower() not in _LINKING)}
    bodies = _bodies(index)
    heads = {head: key for head, key in heads.items()
             if title_words[head] == 1 and head not in bodies and head not in concepts}
    if not heads:
        return []
    # German writes every noun with a capital ("Die Politik der Stadt"): there a capital alone makes no name.
    capital_names = guess_language(" ".join(c.text for c in claims)) not in NOUNS_CAPITALISED
    lower = {head: written for head, written in lower.items() if head in heads}
    written_lower = set(lower.values())
    found: list[NamedWork] = []
    named: set[str] = set()
    for row, claim in enumerate(claims):
        if all(ch.isupper() for ch in claim.text if ch.isalpha()):
            continue  # "THIS SOFTWARE IS PROVIDED AS IS": written in capitals, no word of it is written as a name
        if not any(_named_head(w, heads) for w in _WORDS.split(claim.text)
                   if w and (not (w.islower() and w.isalpha()) or w in written_lower)):
            continue  # no word that could be a name the heads hold: not worth reading word by word
        toks = tokens(claim.text)
        for n, tok in enumerate(toks):
            name = _named_head(tok.text, heads)
            entry = heads[fold(name)] if name else None
            opens = n == 0 or claim.text[toks[n - 1].end:tok.start].rstrip().endswith(_OPENING)
            if entry is None or entry in named:
                continue
            if fold(name) in lower:
                if name != lower[fold(name)]:
                    continue  # a package's name is written as its title writes it: not "Brooms", "BROOM"
            elif not _written_as_name(tok.text, opens, capital_names and fold(name) not in in_capitals):
                continue
            name_end = tok.start + len(name)
            if any(_other_name(claim.text, toks, n, m, words_of[entry]) for m in (n - 1, n + 1)) or _person(
                    claim.text, toks, n, index):
                continue
            found.append(NamedWork(row, entry, tok.start, name_end))
            named.add(entry)  # its first naming only
        if len(named) == len(heads):
            break
    return found


_ADDRESS_PARTS = re.compile(r"[/=.]+")


def _names_itself(source: Source, word: str) -> bool:
    """Whether the entry's address ends with ``word``, the word its title opens with: a package's or a repository's
    own page ("CRAN.R-project.org/package=broom", the DOI "10.32614/CRAN.package.broom", "yihui.org/knitr/",
    "github.com/agoutsmedt/biblionetwork"). Its title's head is then the work's name even in lower case ("broom: Convert
    Statistical Objects into Tidy Tibbles"), not a word of the prose ("register: Registration for ...", whose address
    names "registr"). On de-marked development manuscripts (43 documents), every first sentence writing such a name
    as its title does cited the entry there (18 of 18, the R packages of two documents: "... dplyr, readr, tidyr")."""
    low = word.lower()
    return any(parts and parts[-1] == low for parts in
               ([p for p in _ADDRESS_PARTS.split(address.lower()) if p] for address in (source.url, source.doi)))


def _bodies(index: SourceIndex) -> set[str]:
    """The initials (folded) of the bodies that wrote or edited several entries: an author named by its capitalised
    words alone ("Los Angeles Police Department": "lapd"). A sentence that writes them names the body, and naming a
    body of several entries names none of its works in particular ("LAPD ran PredPol" is no naming of "LAPD
    Transitions to New Records Management System")."""
    out: set[str] = set()
    for roles in index.by_family.values():
        named = [role for role in roles if not role.person.given]
        if len({role.key for role in named}) < 2:
            continue
        initials = "".join(w[0] for w in named[0].person.family.split() if w[:1].isupper())
        if len(initials) >= 2:
            out.add(fold(initials))
    return out


def _named_head(word: str, heads: Mapping[str, str]) -> str:
    """The part of ``word`` that writes one of ``heads``: all of it, the word before its possessive ("ParaView's")
    or before its hyphen ("BoxLib-based"); "" for none."""
    return next((form for form in (word, strip_possessive(word)[0], word.split("-")[0]) if fold(form) in heads), "")


def _person(text: str, toks: Sequence[Token], name: int, index: SourceIndex) -> bool:
    """Whether the name at ``name`` is a person's given name: the family name of an author or editor of the
    bibliography follows ("according to Hedley Bull": Bull's works, not "Hedley Bull and Order in ...")."""
    after = toks[name + 1] if name + 1 < len(toks) else None
    return (after is not None and text[toks[name].end:after.start] == " " and after.is_capitalised
            and bool(index.roles(after.folded)))


def _written_as_name(word: str, opens: bool, capital_names: bool = True) -> bool:
    """Whether ``word`` is written as a name: a capital inside or a digit, or (``capital_names``: in a language
    that does not capitalise its nouns) opening with a capital where no sentence begins (``opens``: the sentence's
    first word, a quotation's or a clause's after a colon)."""
    return _name_like(word) or (capital_names and word[:1].isupper() and not opens)


def _name_like(word: str) -> bool:
    """Whether ``word`` has a capital inside or a digit ("ParaView", "SUNDIALS", "EM-DAT", "V-Dem", "pybind11"): a
    name wherever it stands. A capital after a hyphen that follows a word opens the compound's next word
    ("Polit-Talk", as German joins its nouns; "Post-Soviet" in a title's case): no capital inside; after a single
    letter it is the name's ("V-Dem")."""
    parts = word.split("-")
    return any(ch.isdigit() for ch in word) or any(
        any(ch.isupper() for ch in part[1:]) or (n > 0 and len(parts[n - 1]) == 1 and part[:1].isupper())
        for n, part in enumerate(parts))


def _other_name(text: str, toks: Sequence[Token], name: int, at: int, title: frozenset[str]) -> bool:
    """Whether the word at ``at``, next to the name at ``name`` with one space between, is a capitalised word its
    title lacks (a sentence's first word is capitalised where it stands, no name)."""
    if not 0 <= at < len(toks) or at == 0:
        return False
    first, second = sorted((name, at))
    tok = toks[at]
    return (text[toks[first].end:toks[second].start] == " " and tok.is_capitalised and tok.folded not in title
            and tok.folded not in STOPWORDS)


def paragraphs(claims: Sequence[Claim], texts: Sequence[str], paragraph: float | None = None
               ) -> tuple[list[dict[str, float]], list[int]]:
    """The BM25 query each paragraph adds to its claims' own: each distinct word of its sentences at
    ``paragraph`` (``PARAGRAPH`` by default); and the paragraph of each claim, by position."""
    weight = PARAGRAPH if paragraph is None else paragraph
    at: dict[int, int] = {}
    words: list[dict[str, float]] = []
    of = []
    for claim, text in zip(claims, texts, strict=True):
        if claim.paragraph not in at:
            at[claim.paragraph] = len(words)
            words.append({})
        of.append(at[claim.paragraph])
        if weight:
            words[of[-1]].update(dict.fromkeys(content_stems(text), weight))
    return words, of


_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,7}?)s?\)")
_LINKING = frozenset({"of", "and", "the", "for", "in", "on", "a", "an", "to", "with"})


def acronyms(texts: Sequence[str]) -> dict[str, str]:
    """The acronyms the essay defines ("Markov chain Monte Carlo (MCMC)": MCMC), with their long form:
    the words before the parenthesis whose initials spell it, linking words ("of", "and") skipped."""
    table: dict[str, str] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _DEFINED.finditer(text):
            letters = [ch for ch in m.group(1) if ch.isupper()]
            words = [w for w in re.split(r"[\s-]+", text[max(0, m.start() - 160):m.start()]) if w][-12:]
            i, j = len(words), len(letters)
            while i and j:
                if words[i - 1][0].upper() == letters[j - 1] and words[i - 1].isalpha():
                    j -= 1
                elif words[i - 1].lower() not in _LINKING:
                    break
                i -= 1
            if not j and len(letters) > 1:
                table.setdefault(m.group(1), " ".join(words[i:]))
    return table


def spelled_out(texts: Sequence[str], defining: Sequence[str]) -> list[str]:
    """Each of ``texts`` with the long form of each acronym it uses added (the acronyms ``defining``
    defines): entries' titles spell out what the essay abbreviates ("GPs" meets "Gaussian processes")."""
    table = acronyms(defining)
    if not table:
        return list(texts)
    used = re.compile(r"\b(" + "|".join(map(re.escape, sorted(table, key=len, reverse=True))) + r")s?\b")
    out = []
    for text in texts:
        flat = " ".join(re.split(r"[\s-]+", text.lower()))
        extra = [table[a] for a in dict.fromkeys(m.group(1) for m in used.finditer(text))
                 if table[a].lower() not in flat]
        out.append(" ; ".join([text, *extra]))
    return out


def _unit(row: dict[str, float]) -> dict[str, float]:
    """``row`` scaled to unit length, measured over single words only (pairs add, never dilute)."""
    norm = math.sqrt(sum(v * v for w, v in row.items() if " " not in w)) or 1.0
    return {w: v / norm for w, v in row.items()}


def _context(claims: Sequence[Claim], rows: list[dict[str, float]]) -> list[dict[str, float]]:
    """The sentences just before and after each claim in its paragraph, summed, at unit length."""
    out = []
    for n, claim in enumerate(claims):
        total: dict[str, float] = {}
        for m in (n - 1, n + 1):
            if 0 <= m < len(claims) and claims[m].paragraph == claim.paragraph:
                for w, v in rows[m].items():
                    total[w] = total.get(w, 0.0) + v
        out.append(_unit(total))
    return out


def _bm25_postings(keys: list[str], index: SourceIndex, k1: float = 1.2,
                   b: float = 0.75) -> dict[str, list[tuple[int, float]]]:
    """Okapi BM25 term weights of each entry's words (title, container, keywords, abstract), by word
    (``text.topic_form``: words that begin alike are one word)."""
    bags: list[Counter[str]] = []
    for key in keys:
        bags.append(Counter())
        for w, tf in (index.stems.get(key) or {}).items():
            bags[-1][topic_form(w)] += tf
    lengths = [sum(bag.values()) for bag in bags]
    avg = (sum(lengths) / len(lengths) if lengths else 0.0) or 1.0
    postings: dict[str, list[tuple[int, float]]] = {}
    for c, (bag, length) in enumerate(zip(bags, lengths, strict=True)):
        norm = k1 * (1 - b + b * length / avg)
        for w, tf in bag.items():
            postings.setdefault(w, []).append((c, tf * (k1 + 1) / (tf + norm)))
    n = len(keys)
    for w, items in postings.items():
        idf = math.log(1 + (n - len(items) + 0.5) / (len(items) + 0.5))
        postings[w] = [(c, v * idf) for c, v in items]
    return postings


def _paragraph_df(claims: Sequence[Claim], bags: list[Counter[str]],
                  vocab: Collection[str]) -> tuple[Counter[str], int]:
    """How many of the essay's paragraphs use each feature, and how many paragraphs there are."""
    seen: dict[int, set[str]] = {}
    for claim, bag in zip(claims, bags, strict=True):
        seen.setdefault(claim.paragraph, set()).update(w for w in bag if w in vocab)
    df: Counter[str] = Counter()
    for words in seen.values():
        df.update(words)
    return df, len(seen)


EVIDENCE_WORDS = 6
"""Shared words an evidence names at most."""


def _evidence(words_of_claim: Sequence[tuple[str, str]], words: Collection[str]) -> str:
    """The claim's words (as written, with their stems in ``text.topic_form``) that the entry shares."""
    shared: list[str] = []
    seen: set[str] = set()
    for text, form in words_of_claim:
        if form in words and (low := text.lower()) not in seen:
            seen.add(low)
            shared.append(text)
            if len(shared) == EVIDENCE_WORDS:
                break  # a paragraph's evidence would read on through every word of the paragraph
    return "shared words: " + ", ".join(shared) if shared else "similar wording"
