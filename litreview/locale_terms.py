"""Terms that citeproc's locales and the CSL styles print, read by more than one stage: the linker reads
them in citations ("(Doe, o. J.-b)"), the reference importer in reference strings ("DOE, John, [kein Datum]."); and
the one table of quotation marks (``QUOTES``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NO_DATE_TERMS = ("n.d.", "n. d.", "no date", "o. J.", "s. d.", "s.d.", "s. f.", "s.f.", "s.a.", "z.d.", "u.å.", "b.d.", "b. d.",
                 "b.r.", "b.g.", "不詳", "e.d.", "d. g.", "ei pvm.", "t.y.", "t.t.", "f.a.", "é. n.", "bez dat.", "sem data", "sen data",
                 "б. д.", "χ.χ.", "không ngày", "ל.ת.", "د.ت", "بدون تاریخ", "ม.ป.ป.", "일자 없음", "日付なし", "不详",
                 # terms styles define for themselves (ISO 690 in Spanish "[sin fecha]", French styles' "sans date")
                 "sin fecha", "sin datos", "sans date", "pas de date", "ohne Datum", "o. D.", "senza data", "undated",
                 "date unknown", "n. y.", "s.f", "udatert", "tanpa tanggal", "kein Datum")
"""The "no date" term of citeproc's locales, as pandoc prints it (``lang: de-DE`` gives "o. J.", fr "s. d.",
es "s. f.", nl "z.d.", the German APA of DGPs "n. d.", Harvard (Cite Them Right) "no date", sv/da/nb "u.å.", pl/sl
"b.d.", cs "b.r.", fi "ei pvm.", tr "t.y.", ...), and the words of the CSL repository's styles that define their own
(used by more than one, with a locale's own word, or by ISO 690 in German: "[kein Datum]"): each reads "n.d."."""


def alternation(words: tuple[str, ...]) -> str:
    """A regular expression for any of ``words``, longest first, a space in one optional."""
    return "|".join(re.escape(t).replace(r"\ ", r"\s?") for t in sorted(words, key=len, reverse=True))


NO_DATE_WORDS = alternation(NO_DATE_TERMS)
"""Any no-date term (case as printed; wrap it in ``(?i:…)`` for capitalised ones such as ABNT's "[S.d.]")."""
PUBSTATE_KEYS = frozenset({"inpress", "inpreparation", "prepublished", "forthcoming", "submitted"})
"""biblatex's keys for a ``pubstate`` field, which pandoc's reader words in the document's language (fr "sous presse")
where its locale has them, else prints as written (de "inpress")."""
NO_DATE = rf"\[(?i:{NO_DATE_WORDS})\]|{NO_DATE_WORDS}"
"""A no-date term as printed, or in brackets in any case as ABNT prints it ("[S.d.]"): not the initials "S. D."."""
NO_DATE_START = "(?=[" + re.escape("".join(sorted({"[", *(term[0] for term in NO_DATE_TERMS)}))) + "])"
"""A look-ahead for the characters ``NO_DATE`` can start with: put before it, a search fails at once where none stands
instead of trying every term there (the matches are the same)."""

EDITION_WORDS = ("edition", "édition", "edición", "edição", "edn", "aufl", "auflage")
"""The word for an edition ("2nd edition", "5e édition", "2. Auflage"), whole or cut, in the languages references
are written in; each reader adds its own variants (the bare "ed", Dutch "druk", an unaccented "edicion")."""

PUBLISHER_WORDS = ("press", "publisher", "publishers", "publishing", "books", "editorial", "ediciones", "editions",
                   "éditions", "editora", "verlag", "fondo", "group", "inc", "ltd")
"""Words of a publishing house's name ("Polity Press", "Alianza Editorial", "Fondo de Cultura Económica", "Verso
Books"), in the languages references are written in: the reference tagger's publisher words hold them, and the
bibliography check reads an editor named with one as the publisher."""

TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
                               "on", "or", "the", "to", "with", "via"})
"""English words a title in title case keeps in lower case within it ("The Art of War"): the title-case check's
list, which the references' title case widens to CSL's."""

NAME_SUFFIXES = frozenset({"jr", "sr", "jun", "sen", "junior", "senior", "ii", "iii", "iv", "v", "vi", "2nd", "3rd"})
"""A person's name suffix ("Jr.", "Sen.", "III", "3rd"), lower case and without its full stop, as a BibTeX name's own
part holds one ("Doe, Jr., John"), each reader after its own folding."""
DEGREES = frozenset({"phd", "dphil", "dsw", "msw", "mph", "mba", "mpa", "msc", "bsc", "edd", "psyd", "jd", "llm",
                     "lld", "dds", "dmd", "dvm", "md", "rn", "mbbs", "frcp", "frcs", "faan", "facp", "frs"})
"""A degree or post-nominal written after a name ("Jerry D. Marx DSW", "Jane Roe PhD"), lower case and without its
full stops; none that is a family name too ("Ma", "Ms", "Ba")."""
SUFFIXES_IN_TEXT = NAME_SUFFIXES - {"jun", "sen", "junior", "senior", "v", "vi"}
"""The suffixes read as one in running text and in reference strings, where a name's parts are not told apart yet:
the others are names and words there too ("Sen (1999)", "Jun Wang", "Brown v. Board", an initial "V.", "part VI")."""

AND_TERMS = {"en": ("and", "&"), "de": ("und",), "fr": ("et",), "la": ("et",), "es": ("y",), "pt": ("e",), "it": ("e",),
             "ca": ("i",), "pl": ("i",), "hr": ("i",), "nl": ("en",), "sv": ("och",), "da": ("og",), "nb": ("og",),
             "cs": ("a",), "sk": ("a",), "fi": ("ja",), "et": ("ja",), "tr": ("ve",), "ro": ("și",), "hu": ("és",),
             "sl": ("in",), "lt": ("ir",), "lv": ("un",), "ru": ("и",), "el": ("και",), "eu": ("eta",), "vi": ("và",),
             "id": ("dan",), "he": ("ו",), "ar": ("و",), "ja": ("と",), "zh-CN": ("和",), "ko": ("와/과",), "th": ("และ",),
             "zh-TW": ("及",)}
"""The word for "and" between two names, by language: what citeproc's locales print (en "and", or "&" where a style
asks for the symbol; de "und", sv "och", fi "ja", tr "ve", ...) and what reference lists in Latin write ("et")."""


def and_words(*languages: str) -> frozenset[str]:
    """The words for "and" of ``languages`` (codes of ``AND_TERMS``; none: of every language)."""
    return frozenset(w for lang in (languages or tuple(AND_TERMS)) for w in AND_TERMS[lang])


ABBREVIATIONS_IN_PROSE = ("e.g.", "i.e.", "cf.", "vs.", "vgl.", "bzw.", "z. B.", "u. a.", "d. h.", "ggf.", "sog.", "bspw.",
                          "ca.", "evtl.", "p. ex.", "np.", "tzw.", "zob.", "por.", "tj.", "m.in.", "ang.", "esim.", "vrt.",
                          "ks.", "tzv.", "např.", "napr.", "resp.", "tzn.")
"""Abbreviations running prose writes mid-sentence, in English, German, French, Polish, Finnish, Czech and Slovak
("vgl. Busse", "bzw. Oberfläche", "z. B. Fillmore", 'tzw. "solenia"', "np. Google", "esim. Hadoop", "ks. Dean",
"tzv. „4P“", "např. Kotler"): a capitalised word or a quotation after one (German capitalises every noun) starts no
new sentence."""

SEE_LETTERS = ("v.", "s.")
"""The words of one letter that send the reader to a work ("V. Ayers (2015)": Italian vedi, Latin vide, French voir,
Spanish and Portuguese véase/veja; German "s." siehe): at a sentence's head written with a capital, as an initial is."""


def abbreviation_ends(terms: tuple[str, ...], *, parts: bool = True) -> str:
    """A regular expression for the end of any of ``terms``, its first letter in either case ("Vgl."), or (``parts``)
    of a part of one up to a period, as written ("z." of "z. B."; "E." is an initial, not "e.g."'s), each space
    optional."""
    whole = [f"(?i:{re.escape(t[0])}){alternation((t[1:],))}" for t in sorted(terms, key=len, reverse=True)]
    if not parts:
        return "|".join(whole)
    pieces = {t[:i + 1] for t in terms for i, c in enumerate(t) if c == "." and i + 1 < len(t)} - set(terms)
    return "|".join([*whole, alternation(tuple(pieces))] if pieces else whole)


QUOTES = {"“": "”", "‘": "’", "„": "“", "‚": "‘", "«": "»", "‹": "›", "”": "”", "»": "«", '"': '"', "'": "'",
          "``": "''"}
"""The one table of quotation marks: an opening mark -> its closing one, as languages pair them: English “…” and ‘…’,
German „…“ and ‚…‘, French «…» and ‹…›, Swedish ”…”, Danish »…«; the straight marks keyboards type, "…" and '…'; TeX's
``…''. Each reader takes the pairs it reads with ``quote_pairs`` or ``quote_marks``."""
OTHER_CLOSERS = {"„": "”", "‚": "’"}
"""The closing mark other languages pair an opener of ``QUOTES`` with: Polish, Hungarian, Romanian and Dutch „…” and
‚…’ beside German „…“ and ‚…‘ (the table's pairs); a reader takes either closer after the opener."""


def quote_closers(opener: str) -> str:
    """Every mark that may close the quote ``opener`` opens (``QUOTES``' and ``OTHER_CLOSERS``'), the table's first."""
    return QUOTES[opener] + OTHER_CLOSERS.get(opener, "")


QUOTATION_OPENERS = "„“\"«"
"""The marks a quotation in running text opens with (German „…“, English “…” and "…", French «…»): no single mark,
which is as often an apostrophe."""


def quote_pairs(openers: Iterable[str]) -> dict[str, str]:
    """The pairs of ``QUOTES`` that ``openers`` open (opening mark -> closing one), in the order given."""
    return {q: QUOTES[q] for q in openers}


def quote_marks(openers: Iterable[str]) -> str:
    """The opening and closing marks of the pairs that ``openers`` open, each once: for ``str.strip`` and a regular
    expression's character class."""
    return "".join(dict.fromkeys(mark for q in openers for mark in (q, QUOTES[q])))


CITATION_TERMS: dict[str, dict[str, str]] = {
    "en": {"ad": " AD", "by": "by", "version": "version", "trans.": "trans.", "edition": "{n}{ordinal} ed.", "–": "\u2013", "et al.": "et al.", "n.d.": "n.d.", "ed.": "ed.", "eds.": "eds.", "edited by": "edited by", "edited and translated by": "edited and translated by",
           "ahead of print": "ahead of print", "inpress": "in press", "prepublished": "pre-published", "inpreparation": "in preparation",
           "translated by": "translated by", "accessed": "accessed", "In": "In", "vol.": "vol.", "vols.": "vols.", "no.": "no.", "nos.": "nos.",
           "preprint": "preprint", "No.": "No.", "Nos.": "Nos.", "Pub. L.": "Pub. L.", "Chap.": "Chap.", "Chaps.": "Chaps.", "V.": "V.", "“": "“", "”": "”", "‘": "‘", "’": "’", "punctuation-in-quote": "yes", "title-case": "yes",
           "seasons": "Spring Summer Autumn Winter",
           "months": "January February March April May June July August September October November December",
           "month-year": "{month} {year}", "date": "{month} {day}, {year}"},
    "de": {"ad": " n. Chr.", "by": "von", "version": "Version", "trans.": "Übers.", "edition": "{n}. Aufl.", "–": "\u2013", "et al.": "u. a.", "n.d.": "o. J.", "ed.": "Hrsg.", "eds.": "Hrsg.", "edited by": "herausgegeben von", "edited and translated by": "herausgegeben und übersetzt von",
           "ahead of print": "Online-Vorab-Publikation",
           "translated by": "übersetzt von", "accessed": "zugegriffen", "In": "In", "vol.": "Bd.", "vols.": "Bde.", "no.": "Nr.", "nos.": "Nr.",
           "preprint": "Preprint", "No.": "No.", "Nos.": "Nos.", "“": "„", "”": "“", "‘": "‚", "’": "‘", "punctuation-in-quote": "",
           "seasons": "Frühjahr Sommer Herbst Winter",
           "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
           "month-year": "{month} {year}", "date": "{day}. {month} {year}"},
    "it": {"ad": "d.C.", "by": "di", "version": "versione", "trans.": "trad.", "edition": "{n}ª ed.", "–": "\u2013", "et al.": "et al.", "n.d.": "s.d.", "ed.": "a c. di", "eds.": "a c. di", "edited by": "a cura di", "edited and translated by": "a cura di e tradotto da",
           "ahead of print": "pubblicazione online ad accesso anticipato",
           "translated by": "tradotto da", "accessed": "consultato", "In": "In", "vol.": "vol.", "vols.": "voll.", "no.": "fasc.", "nos.": "fasc.",
           "preprint": "preprint", "No.": "No.", "Nos.": "Nos.", "“": "«", "”": "»", "‘": "“", "’": "”", "punctuation-in-quote": "",
           "seasons": "primavera estate autunno inverno",
           "months": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
           "month-year": "{month} {year}", "date": "{day} {month} {year}"},
    "fr": {"ad": "apr. J.-C.", "by": "par", "version": "version", "trans.": "trad.", "edition": "{n}\u1d49 éd.", "edition-1": "1\u02b3\u1d49 éd.", "–": "\u2011", "et al.": "et al.", "n.d.": "s. d.", "ed.": "éd.", "eds.": "éd.", "edited by": "édité par", "edited and translated by": "édité et traduit par",
           "ahead of print": "publication en ligne anticipée", "inpress": "sous presse", "prepublished": "prépublié", "inpreparation": "en préparation", "submitted": "soumis",
           "translated by": "traduit par", "accessed": "consulté le", "In": "In", "vol.": "vol.", "vols.": "vol.", "no.": "nᵒ", "nos.": "nᵒˢ",
           "preprint": "prépublication", "No.": "No.", "Nos.": "Nos.", "“": "«\u00a0", "”": "\u00a0»", "‘": "“", "’": "”", "punctuation-in-quote": "",
           "phdthesis": "Thèse de doctorat", "mastersthesis": "Mémoire de master",
           "seasons": "printemps été automne hiver",
           "months": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
           "month-year": "{month} {year}", "date": "{day} {month} {year}"},
    "es": {"ad": "d. C.", "by": "de", "version": "versión", "trans.": "trad.", "edition": "{n}.ª ed.", "–": "-", "et al.": "et al.", "n.d.": "s. f.", "ed.": "ed.", "eds.": "eds.", "edited by": "editado por", "edited and translated by": "editado y traducido por",
           "ahead of print": "advance online publication", "inpress": "en prensa", "prepublished": "previamente publicado", "forthcoming": "próximamente",
           "translated by": "traducido por", "accessed": "accedido", "In": "En", "vol.": "vol.", "vols.": "vols.", "no.": "n.º", "nos.": "n.º",
           "preprint": "preprint", "No.": "No.", "Nos.": "Nos.", "“": "«", "”": "»", "‘": "“", "’": "”", "punctuation-in-quote": "", "phdthesis": "Tesis doctoral",
           "seasons": "primavera verano otoño invierno",
           "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
           "month-year": "{month} de {year}", "date": "{day} de {month} de {year}"},
    "pt": {"ad": "AD", "by": "por", "version": "versão", "trans.": "trad.", "edition": "{n}.ª ed.", "–": "\u2013", "et al.": "et al.", "n.d.": "sem data", "ed.": "ed.", "eds.": "eds.", "edited by": "editado por", "edited and translated by": "editado e traduzido por",
           "ahead of print": "advance online publication", "prepublished": "pré-publicado", "submitted": "submetido",
           "translated by": "traduzido por", "accessed": "acedido", "In": "Em", "vol.": "vol.", "vols.": "vols.", "no.": "n.º", "nos.": "n.º",
           "preprint": "pré-impressão", "No.": "No.", "Nos.": "Nos.", "“": "«", "”": "»", "‘": "“", "’": "”", "punctuation-in-quote": "", "phdthesis": "Tese de doutorado",
           "seasons": "Primavera Verão Outono Inverno",
           "months": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
           "month-year": "{month} de {year}", "date": "{day} de {month} de {year}"},
    "pt-BR": {"ad": "depois de Cristo", "by": "por", "version": "versão", "Chap.": "Cap.", "Chaps.": "Cap.", "trans.": "trad.", "edition": "{n}º ed.", "–": "\u2013", "et al.": "et al.", "n.d.": "s. d.", "ed.": "org.", "eds.": "org.", "edited by": "organizado por", "edited and translated by": "editado e traduzido por",
              "ahead of print": "publicação prévia em linha", "inpress": "no prelo", "prepublished": "pré-publicado",
              "translated by": "traduzido por", "accessed": "acesso em", "In": "Em", "vol.": "v.", "vols.": "v.", "no.": "n.", "nos.": "n.",
              "preprint": "preprint", "No.": "N.", "Nos.": "N.", "“": "“", "”": "”", "‘": "‘", "’": "’", "punctuation-in-quote": "", "phdthesis": "Tese de doutorado",
              "seasons": "Primavera Verão Outono Inverno",
              "months": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
              "month-year": "{month} de {year}", "date": "{day} de {month} de {year}"},
}
"""The words a citation style prints around names, dates, titles and numbers, as citeproc's locales give them in
pandoc's Chicago styles (de-DE "u. a.", "o. J.", "Hrsg.", "herausgegeben von", "Bd.", "Nr.", „…“, "20. August 2019";
es-ES "En", "n.º", «…», "agosto de 2019"), by language, or by language and region where they differ (pt is pandoc's
pt-PT; pt-BR its own); "and" is ``AND_TERMS``' first word. A title's quotation marks are the terms "“" and "”" ("‘" and "’" those of a quotation inside it), with
the full stop after it inside them where "punctuation-in-quote" is "yes" (English only); titles in title case where
"title-case" is "yes" (English only: citeproc leaves other languages' titles as written); "months" are the month
names, "seasons" those of spring, summer, autumn and winter (CSL's months 21 to 24), "month-year" and "date" how a date is written; "edition" a numbered edition ("edition-1" the first where it
differs: fr "1ʳᵉ éd."), "preprint" what a CSL preprint or working paper without a genre is described as (fr
"prépublication"), "ahead of print" CSL's advance-online-publication (a journal article with a DOI
and a year but no volume, issue or pages), "inpress", "prepublished", "inpreparation", "submitted" and
"forthcoming" a biblatex ``pubstate`` key in words (where the locale has it: else the key as written), "phdthesis" and "mastersthesis" a thesis with no ``type`` (where the locale has the
term: English else, where pandoc prints the entry type, "Phdthesis"), "–" the dash of a page range (fr a
non-breaking hyphen, es a hyphen), "No." and "Nos." a report's number (several: "Nos. 3-4"), "Pub. L." a statute's number's genre where it has
none (English only: else "Legislation", as citeproc prints it), "vols." a book's volumes ("Vols. 1-2"), "trans." after the translators a work with no author or editor is listed under, "edited and translated by" the
editors of a work who are its translators too (CSL's editortranslator), "V." software's
version where the locale has a short word for it (English only: else "Version"), "ad" what follows a year of fewer than
four digits (CSL's era term, as the locale writes it: " AD", "d.C."). A language not here prints English. Each no-date word is one of
``NO_DATE_TERMS``, each "et al." one the linker reads."""


def citation_terms(language: str) -> dict[str, str]:
    """The citation words of ``language`` (a tag: "de-DE", "it", "pt-BR"; "" or one not in ``CITATION_TERMS``:
    English), "and" among them (``AND_TERMS``). A document in another language ("pl-PL") has the English words but
    no title case: citeproc title-cases an entry only in an English document."""
    tag = language.replace("_", "-").lower() if language else "en"
    found = next((key for key in CITATION_TERMS if key.lower() == tag), None) or tag.split("-")[0]
    if found not in CITATION_TERMS:
        english = {**CITATION_TERMS["en"], "and": AND_TERMS["en"][0]}
        return english if tag.split("-")[0] == "en" else {**english, "title-case": ""}
    return {**CITATION_TERMS[found], "and": AND_TERMS[found.split("-")[0]][0]}


ENGLISH_TERMS = citation_terms("en")
"""The citation words in English, what a label prints where no language is given."""
