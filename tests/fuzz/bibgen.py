"""Random but plausible BibTeX files, for comparing the loader with pybtex (targets.bib_vs_pybtex).

Where ``mutate`` damages real files, this writes new ones from the grammar's corners: entry types in
any case (BibTeX's, biblatex's and unknown ones), keys with odd characters and keys repeated or
differing only in case, ``@string`` macros, ``@preamble``, ``@comment``, text outside entries,
``{}``/``()`` bodies, braced, quoted, numeric and macro values joined by ``#``, nested braces, ``@``
at the start of a line inside a value, LaTeX, biblatex fields and name forms, ``crossref``/``xdata``,
CRLF, a byte-order mark and Latin-1 bytes. A Latin-1 byte is written as a lone surrogate
(``surrogateescape``): ``targets.bib_vs_pybtex`` turns the text back into those bytes.
A share of the files also gets one or two of ``mutate``'s edits.
"""

from __future__ import annotations

import random

from .mutate import mutate

TYPES = ("article", "book", "inproceedings", "incollection", "misc", "phdthesis", "techreport", "online",
         "report", "thesis", "collection", "proceedings", "mvbook", "inbook", "set", "xdata", "dataset",
         "software", "letter", "movie", "legislation", "IEEEtranBSTCTL", "customa", "unknowntype", "www")
FIELDS = ("title", "journal", "journaltitle", "booktitle", "year", "date", "pages", "volume", "number",
          "publisher", "location", "address", "doi", "url", "urldate", "note", "month", "abstract", "keywords",
          "langid", "eprint", "eprinttype", "isbn", "issn", "subtitle", "maintitle", "edition", "series",
          "howpublished", "institution", "school", "file", "usera", "options", "ids", "related", "shorthand",
          "origdate", "file-name", "x:y", "a.b")
WORDS = ("Taming", "the", "sovereigns", "of", "a", "Reply", "to", "Étude", "Müller's", "naïve", "state",
         "100%", "R&D", "x_1", "$x^2$", "\\'e", "{\\\"o}", "\\textit{Nova}", "{NASA}", "--", "p.", "{\\&}",
         "a,b", "=", "#", "\"", "50\\%", "Ω", "中文", "ﬁ", "\\url{http://x.org/~a}", "\\\\", "'quoted'", "@")
NAMES = ("Holsti, K. J.", "Kalevi J. Holsti", "de la Fontaine, Jean", "von Neumann, Jr, John", "{World Bank}",
         "{{UN Department of Economic and Social Affairs}}", "Müller, Jörg", "Ng, A.", "others",
         "family=André, prefix=de, useprefix=true", "family={Smith}, given={Ann B.}", "Doe, J. and",
         "O'Brien, Patrick", "{\\'E}mile Durkheim", "Li Wei", "D{\\\"u}rer, A.")
NAME_WORDS = ("Jean", "jean", "Paul", "de", "De", "van", "der", "von", "la", "du", "Jr", "Jr.", "III", "Jean-Paul",
              "jean-Paul", "al-Farabi", "O'Neil", "d'Artagnan", "McDonald", "{von Neumann}", "{\\'E}mile",
              "\\'Emile", "M{\\\"u}ller", "{\\relax Ch}ristopher", "Ä", "ßmith", "A.", "B.-C.", "Ng", "{}", "{.}",
              "{IEEE}", "{d}e", "Ibn", "bin", "x", "1st", "-", "Doe")
KEY_CHARS = "abcXYZ019:-_./+'!?<>[]*&|;éß"
MACROS = ("jan", "feb", "Dec", "acm", "ieee", "undefinedmacro", "j1")
NEWLINES = ("\n", "\n", "\n", "\r\n", "\r\n  ", "\n\t", "\n@")


def _case(rng: random.Random, word: str) -> str:
    pick = rng.random()
    if pick < 0.6:
        return word
    if pick < 0.8:
        return word.upper()
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)


def _text(rng: random.Random, depth: int = 0) -> str:
    """Words, nested braced groups (balanced) and line breaks; no quote at brace depth 0."""
    out = []
    for _ in range(rng.randint(0, 8)):
        pick = rng.random()
        if pick < 0.12 and depth < 4:
            out.append("{" + _text(rng, depth + 1) + "}")
        elif pick < 0.2:
            out.append(rng.choice(NEWLINES))
        elif pick < 0.23:
            out.append(chr(rng.randint(0xA0, 0xFF)))
        else:
            out.append(rng.choice(WORDS))
    return " ".join(out)


def _part(rng: random.Random, macros: list[str]) -> str:
    pick = rng.random()
    if pick < 0.55:
        return "{" + _text(rng) + "}"
    if pick < 0.8:
        return '"' + _text(rng).replace('"', "{\\\"}") + '"'
    if pick < 0.9:
        return str(rng.choice((0, 7, 1984, 2004, 20040)))
    return _case(rng, rng.choice(macros))


def _name(rng: random.Random) -> str:
    """A listed name, or one made of name words, particles and commas in random places."""
    if rng.random() < 0.5:
        return rng.choice(NAMES)
    words = [rng.choice(NAME_WORDS) for _ in range(rng.randint(1, 5))]
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        words.insert(rng.randint(1, len(words)), ",")
    return rng.choice((" ", " ", "~", "  ")).join(words).replace(" ,", ",")


def _value(rng: random.Random, name: str, keys: list[str], macros: list[str]) -> str:
    if name in ("author", "editor"):
        return "{" + rng.choice((" and ", " and ", " AND ", "\n and ")).join(
            _name(rng) for _ in range(rng.randint(1, 4))) + "}"
    if name in ("crossref", "xdata", "related") and keys:
        return "{" + _case(rng, rng.choice(keys)) + rng.choice(("", "", "", ", " + rng.choice(keys))) + "}"
    if name == "year" and rng.random() < 0.5:
        return rng.choice(("2004", "{2004a}", "{(about 1984)}", '"1999"', "{199X}"))
    if name == "date" and rng.random() < 0.5:
        return rng.choice(("{2004-05-01}", "{2004/2006}", "{-0044-03-15}", "{2004-13}"))
    parts = [_part(rng, macros) for _ in range(1 if rng.random() < 0.7 else rng.randint(2, 4))]
    return rng.choice((" # ", "#", " #\n ")).join(parts)


def _key(rng: random.Random, keys: list[str]) -> str:
    if keys and rng.random() < 0.15:
        old = rng.choice(keys)
        return old if rng.random() < 0.4 else old.swapcase()
    if rng.random() < 0.03:
        return rng.choice(("", " ", "title = {k}", "unnamed-1"))  # no key: pybtex calls it unnamed-N
    return "".join(rng.choice(KEY_CHARS) for _ in range(rng.randint(1, 12)))


def _entry(rng: random.Random, keys: list[str], macros: list[str]) -> str:
    key = _key(rng, keys)
    open_, close = ("{", "}") if rng.random() < 0.85 else ("(", ")")
    names = ["author", "editor", "crossref", "xdata", *FIELDS]
    fields = []
    for _ in range(rng.randint(0, 9)):
        name = rng.choice(names) if rng.random() < 0.5 else rng.choice(("title", "author", "year"))
        fields.append(f"{_case(rng, name)} = {_value(rng, name, keys, macros)}")
    sep = rng.choice((",\n  ", ", ", ",\r\n\t", " ,\n", ",\n  ", ", ", ",\r\n\t", " ,\n", "\n  "))
    body = sep.join(fields) + rng.choice(("", ",", ",\n", "\n"))
    keys.append(key)
    close = close if rng.random() < 0.97 else rng.choice(("", "}}", "\n"))  # a bad entry: it costs only itself
    space = rng.choice(("", "", " ", "\n"))
    return f"@{_case(rng, rng.choice(TYPES))}{space}{open_}{key}{sep if fields else ''}{body}{close}"


def _other(rng: random.Random, macros: list[str]) -> str:
    """Anything between entries: a macro, a preamble, a comment in one of its forms, loose text."""
    pick = rng.random()
    if pick < 0.35:
        name = rng.choice(MACROS[3:]) if rng.random() < 0.7 else "m" + str(rng.randint(0, 99))
        macros.append(name)
        return f"@{_case(rng, 'string')}{{{name} = {_value(rng, 'note', [], macros)}}}"
    if pick < 0.5:
        return f"@{_case(rng, 'preamble')}{{ {_value(rng, 'note', [], macros)} }}"
    if pick < 0.7:
        return f"@{_case(rng, 'comment')}{{{_text(rng)}}}"
    if pick < 0.85:
        return "% " + _text(rng).replace("\n", " ").replace("@", "at")
    return rng.choice(("Loose text between entries.", "@comment jabref-meta: databaseType:biblatex;", "", "}"))


def plausible_bib(rng: random.Random) -> str:
    """One random .bib text (a Latin-1 byte as a lone surrogate, see the module's docstring)."""
    keys: list[str] = []
    macros = list(MACROS[:3])
    pieces = []
    for _ in range(rng.randint(1, 10)):
        if rng.random() < 0.3:
            pieces.append(_other(rng, macros))
        entry = _entry(rng, keys, macros)
        if rng.random() < 0.05:  # an entry commented out as JabRef and some editors do it
            entry = rng.choice(("@comment{", "@Comment{\n", "@COMMENT(")) + entry + rng.choice(("}", "\n}", ")"))
        pieces.append(entry)
    text = rng.choice(("\n\n", "\n", "\r\n\r\n", " ")).join(pieces) + rng.choice(("\n", "", "\n% end\n"))
    if rng.random() < 0.1:
        text = "\ufeff" + text
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.1:  # a Latin-1 file: its accented letters as single bytes
        text = "".join(chr(0xDC00 + ord(c)) if 0xA0 <= ord(c) <= 0xFF else c for c in text)
    if rng.random() < 0.3:
        text = mutate(rng, (text,), max_ops=3)
    return text
