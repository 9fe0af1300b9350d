"""The language an essay is written in, as a BCP 47 tag for the site's ``lang`` attributes.

Its ``lang`` metadata when it has one (as pandoc reads it), else a cheap guess from the commonest words of a few
languages: a tag only when one language's words clearly outnumber the others', never a classifier's answer.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Essay

# Words frequent in one language and rare in the others (a word two of them share, "para", "la", "que", is left out,
# and so is one a language not listed uses as often: "en", French's and the Scandinavian languages' as well as Dutch's;
# Swedish's are those Danish and Norwegian spell otherwise, "och", "inte", "från", not "det" or "som"; Russian's those
# Ukrainian, Bulgarian and Serbian spell otherwise, "что", "это", "было", not "не", "на", "и", "как" or "от"; Danish's
# and Norwegian's (Bokmål) those the other spells otherwise, "af"/"av", "efter"/"etter", not "og", "ikke" or "er";
# Czech's not "se", "na", "je", "jako" or "ale", Slovak's and Polish's too; Hungarian's not "a", "is" or "van";
# Turkish's not "de" or "da").
_COMMON = {
    "en": "the and of is that with this which are was from have has been were their not",
    "fr": "le les des est une dans qui pour sur au du ces sont avec pas cette ou aux leur",
    "de": "der die das und ist nicht den von zu mit sich auf für dem ein eine werden wird auch",
    "es": "el los las del y con una es lo al está más entre su sus pero también sobre",
    "pt": "os das dos em uma não pela pelo são também ao à é às seu sua com foi nas",
    "it": "il gli della delle di che per sono nel alla anche più questo essere è",
    "nl": "het een van dat niet zijn voor met op aan deze ook wordt worden",
    "sv": "och att är inte också från när ett till för detta dessa vilket mellan",
    "ru": "что это также которые который которая была были было только если его чтобы этом этой является являются более",
    "pl": "się jest że nie przez oraz jak który która które także czy jego ich",
    "fi": "ja on ei että joka jotka myös tai kuin ovat mutta sekä jossa tämä tässä voi sen kanssa mukaan vain oli ole",
    "da": "af at efter mellem nogle noget meget bliver blev gennem uden mod hvad",
    "nb": "av å etter mellom noen noe mye blir ble gjennom uten mot hva seg",
    "cs": "že jsou také nebo který která které jeho byl byla bylo byly může mezi podle této tento tato jejich pouze však "
          "již není jsme",
    "tr": "ve bir bu için ile olarak olan gibi daha çok ancak veya kadar göre arasında değil ise olduğu şekilde",
    "hu": "az és hogy nem egy ez csak mint vagy már volt kell pedig azt amely amelyek között szerint ezt ami",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _COMMON.items()}
_SHARED = {w for a in _WORDS for b in _WORDS if a < b for w in _WORDS[a] & _WORDS[b]}
_WORDS = {lang: words - _SHARED for lang, words in _WORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# Lunr cuts words at spaces: a language written without them is searchable only with its segmenter, which
# Material's search loads for Japanese (TinySegmenter: kana and kanji) and Thai; Japanese is told by its kana.
_UNSPACED_SCRIPTS = (("ja", re.compile(r"[\u3040-\u30ff]")), ("th", re.compile(r"[\u0e00-\u0e7f]")))
_KANA, _HIRAGANA, _KATAKANA, _KANJI = r"\u3040-\u30ff", r"\u3040-\u309f", r"\u30a0-\u30ff", r"\u3400-\u9fff"
JAPANESE_SEARCH_SEPARATOR = (
    r"[\s\-]+"
    rf"|(?<=[{_HIRAGANA}])(?=[{_KATAKANA}{_KANJI}])|(?<=[{_KATAKANA}])(?=[{_HIRAGANA}{_KANJI}])"
    rf"|(?<=[{_KANJI}])(?=[{_KANA}])|(?<=[A-Za-z0-9])(?=[{_KANA}{_KANJI}])|(?<=[{_KANA}{_KANJI}])(?=[A-Za-z0-9])")
"""Material's search separator for a Japanese essay: spaces and hyphens, as its default, and where the script
changes (kanji to kana, hiragana to katakana, Latin to Japanese). Material splits each word of a query by it, so a
phrase typed without spaces ("言語の設計") is searched as its words ("言語", "の", "設計"), as its index has them
(TinySegmenter cuts the text); split only at spaces it was one word no entry has. Its Japanese is JavaScript's."""
_MIN_HITS = 20
"""Fewer common words than this (a few sentences) tell nothing."""


def essay_language(essay: Essay | None) -> str:
    """The essay's language: its ``lang`` metadata if it is a language tag ("pt-BR"), else ``guess_language`` of
    its claims; "" when not known."""
    if essay is None:
        return ""
    meta = essay.meta.get("lang") if hasattr(essay.meta, "get") else None
    if isinstance(meta, str) and _TAG.fullmatch(meta.strip()):
        return meta.strip()
    return guess_language(" ".join(claim.text for claim in essay.claims))


def unspaced_languages(text: str) -> list[str]:
    """The languages written without spaces (Japanese, Thai) that make at least a fifth of ``text``'s letters (not
    a quoted name or two)."""
    letters = sum(ch.isalpha() for ch in text)
    return [lang for lang, script in _UNSPACED_SCRIPTS if letters and len(script.findall(text)) * 5 >= letters]


def guess_language(text: str) -> str:
    """A language written without spaces that ``text`` is in (``unspaced_languages``), else the language whose
    common words it uses most, when they are at least twice the next language's; else "" (too short, or mixed)."""
    unspaced = unspaced_languages(text)
    if unspaced:
        return unspaced[0]
    counts: Counter[str] = Counter()
    for word in _TOKEN.findall(text.lower()):
        for lang, words in _WORDS.items():
            if word in words:
                counts[lang] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_HITS:
        return ""
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return ""
    return ranked[0][0]
