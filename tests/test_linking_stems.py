"""Stems: Snowball's English stemmer (PyStemmer) with the project's few merges, and its agreement with
the pure-Python build of the same algorithm on real text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from litreview.linking.text import (
    _WORD,
    content_stems,
    phrase_stems,
    ratio,
    stem,
    tokens,
    tokens_before,
    word_stems,
)
from litreview.text import fold

ROOT = Path(__file__).resolve().parents[1]
MANUSCRIPTS = ROOT.parent / "shared" / "corpus" / "manuscripts"


@pytest.mark.parametrize(("a", "b"), [
    ("partnerships", "partnership"), ("democracy", "democratic"), ("diplomacy", "diplomat"),
    ("constructivist", "constructivism"), ("anarchy", "anarchical"), ("theory", "theories"),
    ("history", "historical"), ("Keohane’s", "keohane's"),
])
def test_related_words_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_short_words_are_folded_not_stemmed() -> None:
    assert stem("War") == "war"
    assert stem("Ölé") == "ole"
    assert content_stems("The wars of the states") == ("war", "state")
    assert phrase_stems("National Security Advisor") == ["nation", "secur", "advisor", "nation secur", "secur advisor"]


def test_function_words_of_french_spanish_and_german_are_stopwords_unless_in_capitals() -> None:
    assert content_stems("Les modèles des océans für die Ozeane con los datos") == ("model", "ocean", "ozean", "dato")
    assert content_stems("ALS patients at MIT") == ("als", "patient", "mit")
    assert phrase_stems("Die Über Grenzen") == ["grenzen"]


def _words(paths: list[Path]) -> list[str]:
    words: set[str] = set()
    for path in paths:
        for m in _WORD.finditer(path.read_text(encoding="utf-8", errors="replace")):
            words.add(fold(m.group()).strip("'-"))
    return sorted(w for w in words if len(w) > 3)



def test_a_hyphenated_compound_is_read_as_its_parts_by_topics_and_whole_by_bm25() -> None:
    # a title's "Time-Domain Gaussian Processes" meets a sentence's "time domain", pair and all
    assert phrase_stems("Time-Domain Gaussian Processes")[:3] == ["time", "domain", "gaussian"]
    assert "time domain" in phrase_stems("Time-Domain Gaussian Processes")
    assert phrase_stems("the time domain") == ["time", "domain", "time domain"]
    assert word_stems("GP-based models") == [("GP", "gp"), ("based", "base"), ("models", "model")]
    # BM25's words and the names other linkers read keep it whole (split, BM25 ranked the development
    # manuscripts' cited entries lower)
    assert content_stems("time-domain models") == ("time-domain", "model")

def test_the_c_stemmer_agrees_with_the_reference_build_on_real_text() -> None:
    """PyStemmer (C) and snowballstemmer (pure Python) are builds of one Snowball algorithm: the
    stems of the essay's words, and of the corpus manuscripts' where ../shared is present, are equal."""
    reference = pytest.importorskip("snowballstemmer.english_stemmer").EnglishStemmer()
    import Stemmer

    fast = Stemmer.Stemmer("english")
    paths = [ROOT / "refs" / "essay.md", *sorted(ROOT.glob("refs/*.bib"))]
    if MANUSCRIPTS.is_dir():
        paths += sorted(p for p in MANUSCRIPTS.rglob("*") if p.suffix in {".md", ".tex", ".bib", ".qmd"})
    words = _words(paths)
    assert len(words) > 500
    differ = [(w, reference.stemWord(w), fast.stemWord(w)) for w in words if reference.stemWord(w) != fast.stemWord(w)]
    assert differ == []


def test_ratio_is_rapidfuzz_ratio() -> None:
    """linking.text.ratio gives fuzz.ratio's value exactly, on strings of every size and alphabet."""
    rnd = random.Random(15)
    pairs = [("", ""), ("", "a"), ("Power", "power"), ("Interdependence", "Independence"), ("日本語", "日本")]
    for alphabet, longest in (("ab", 12), ("abcdefghij ", 40), ("aäbß €日本", 30), ("abcdefgh ", 300)):
        pairs += [("".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))),
                   "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest)))) for _ in range(500)]
    assert [ratio(a, b) for a, b in pairs] == [fuzz.ratio(a, b) for a, b in pairs]


def test_the_words_before_a_place_are_those_of_the_text_cut_there() -> None:
    # taken from the whole text's words where the cut cannot split or end a word differently, read anew elsewhere
    texts = ["K.J. Holsti (2004), O'Neill’s (1999; Guha-Sapir 2001) and Danie\u0308l (n.d.): K.J.(2004) e.g.(x)",
             "Doe-(2001) Roe'(2002) «Ball» ([sin fecha]) 1999a.(b) A.B.C.D.E.(2000) x\ty\nz! ¿por qué? “q”,r"]
    rng = random.Random(4)
    texts += ["".join(rng.choice("aB.' -’(),é\u0308K1") for _ in range(60)) for _ in range(200)]
    for text in texts:
        for end in range(len(text) + 1):
            assert tokens_before(text, end) == tokens(text[:end]), (text, end)



@pytest.mark.parametrize("text", [
    # German pronouns, modal verbs and linking adverbs (a German review of research software wrote them in one
    # sentence in ten: "sie", "welche", "kann", "gibt", "können", "wir", "z. B.", "bereits", "beispielsweise")
    "Sie können bereits beispielsweise welche, wir kann gibt jedoch insbesondere dabei daher z.B. sollte",
    # Portuguese (a dissertation chapter on the agrarian question: "nos", "seja", "nas", "segundo", "isto", "ainda")
    "nos nas seja isto segundo ainda também muito sem onde então porém pode outro outra assim seria quer",
])
def test_function_words_of_german_and_portuguese_are_stopwords(text: str) -> None:
    assert content_stems(text) == ()
    assert content_stems(text.upper()) != ()  # in capitals they stay words, as the others' do


def test_the_content_words_of_german_and_portuguese_sentences_stay() -> None:
    assert content_stems("Sie können Forschungssoftware bereits zitieren") == ("forschungssoftwar", "zitieren")
    assert content_stems("Segundo Rangel, a terra seria ainda o problema") == ("rangel", "terra", "problema")
