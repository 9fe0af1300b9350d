"""Rules over the tagger's labels that say where a name list ends (part of ``relabel``): the words the model
read on into the names or out of them, as the styles print them (Vancouver, LNCS, ISO 690 in capitals, ABNT).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from ...lazyre import lazy
from ...locale_terms import NO_DATE_WORDS, SUFFIXES_IN_TEXT, and_words
from . import fields as F
from .lexicon import AND, EDITOR, IN
from .names import NO_NAME, is_bare_initials, is_initials, is_organisation_name, is_particle
from .tagger import Tagged

#: at most this many tokens are moved by one rule (here and in ``relabel``, ``relabel_spans``, ``relabel_journal``)
RUN = 8

_FAMILY = lazy(r"[A-ZÀ-Þ][\w'’-]+")


def first_run(tagged: Sequence[Tagged], label: str) -> tuple[int, int] | None:
    """Where the first run of words labelled ``label`` starts and ends (past its last word); None with none."""
    first = next((i for i, t in enumerate(tagged) if t.label == label), None)
    if first is None:
        return None
    n = first
    while n < len(tagged) and tagged[n].label == label:
        n += 1
    return first, n


def _first_names(tagged: Sequence[Tagged]) -> tuple[int, int] | None:
    """Where the first run of words read as authors starts and ends (past its last word); None with no author."""
    return first_run(tagged, "author")


def words_after_no_name(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words the model read as names after what a list prints for no author's name (German "o. A.", "N. N.") are
    the title's: "o.A. Die Werner-Höfer-Schau. Der Spiegel. 1959" (the model took the title's capitalised words for
    more names); the marker stays the name it stands for."""
    for label in ("author", "editor"):
        if (run := first_run(tagged, label)) is None:
            continue
        first, n = run
        marker = " ".join(t.token.text for t in tagged[first:first + 2])
        if (m := NO_NAME.match(marker)) is None:
            continue
        first += 1 if m.end() <= len(tagged[first].token.text) else 2
        return [t._replace(label="title") if first <= k < n else t for k, t in enumerate(tagged)]
    return tagged


def names_run_on(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The end of a name list the model read into the title is the names': the words before the quote that opens
    the title, after a comma (Bologna's "Anderson, Oliver, Charles A Vincent, «Surgical adverse events»"), LNCS's
    last initials or particle before the colon ("Romanowska, I.: An emergent community?", "Boer, B. de:
    Conventionalisation …"), and a Vancouver name after a list that a comma says goes on ("Vaghul K, Zipperer B.
    Historical state …")."""
    if (run := _first_names(tagged)) is None:
        return tagged
    n = run[1]
    if n == len(tagged) or tagged[n].label != "title":
        return tagged
    if (dash := _given_before_dash(tagged, n)) is not None:
        return [*tagged[:n], *(t._replace(label="author") for t in tagged[n:dash]), *tagged[dash:]]
    for q in range(n + 1, min(n + RUN, len(tagged))):  # "…, Rachel Davis, Charles A Vincent, «Title», …"
        if tagged[q].label != "title":
            break
        if tagged[q].token.text[:1] in F.QUOTE_CLOSER and _list_closed(tagged, n, q):
            return [*tagged[:n], *(t._replace(label="author") for t in tagged[n:q]), *tagged[q:]]
        if tagged[q].token.text[:1] in F.QUOTE_CLOSER and tagged[q - 1].token.text.endswith(","):
            if not all(_name_word(t.token.text) for t in tagged[n:q]):
                break  # a title in lower case before a quoted journal (Polish "Title of the article, „Journal” 2016")
            return [*tagged[:n], *(t._replace(label="author") for t in tagged[n:q]), *tagged[q:]]
    words = [t.token.text for t in tagged[n:n + 2] if t.label == "title"]
    names = names_open(words)
    if names == 2 and not (tagged[n - 1].token.text.endswith(",") and n + 2 < len(tagged)):
        return tagged  # a Vancouver name only where the list goes on, and not the whole title
    return [*tagged[:n], *(t._replace(label="author") for t in tagged[n:n + names]), *tagged[n + names:]]


def _name_word(word: str) -> bool:
    """Whether ``word`` may be a word of a name list: capitalised, a particle ("de", "van"), "and", "others", "et al."."""
    bare = word.rstrip(",;")
    return bare[:1].isupper() or is_particle(bare) or bare.casefold() in AND or bare.casefold().rstrip(".") in _LIST_END


def _given_before_dash(tagged: Sequence[Tagged], n: int) -> int | None:
    """Where the spaced dash that closes a name list is, when the model read the last given name and the dash as the
    title's first words: ISO 690 as Portugal's NP 405 prints it, "GUSTAFSSON, Oscar; QURESHI, Fahad - Title" (a
    family name in capitals and its comma, at most three capitalised words of given names, the dash, the title)."""
    family = tagged[n - 1].token.text[:-1]
    if not tagged[n - 1].token.text.endswith(",") or len(family) < 2 or not family.isupper() or "." in family:
        return None
    for d in range(n, min(n + 4, len(tagged) - 1)):
        word = tagged[d].token.text
        if word in ("-", "–") and d > n:
            return d if tagged[d].label == tagged[d + 1].label == "title" else None
        if tagged[d].label != "title" or not word[:1].isupper() or not word.rstrip(".").isalpha():
            return None
    return None


def _list_closed(tagged: Sequence[Tagged], n: int, q: int) -> bool:
    """Whether the words ``tagged[n:q]`` the model read into the title are the close of a name list that a full stop
    ends before the quoted title, as Chicago prints it in any language: "Padhye, Jitendra, Victor Firoiu en Don
    Towsley. “Title.”", "Alver, Morten Omholt, Jo Arve Alfredsen en Gunvor Øie. “Title.”". No stop closes the names
    before them, they are name words but for a locale's "and" between two capitalised words, and a capitalised word
    closes them with the stop (not "Smith, John. Pride and Prejudice. “Review.”")."""
    before, last = tagged[n - 1].token.text, tagged[q - 1].token.text
    if before.endswith(".") or not last.endswith(".") or not last[:1].isupper():
        return False
    words = [t.token.text for t in tagged[n:q]]
    return all(_name_word(w) or w in _AND_ANY for w in words) \
        and any(w in _AND_ANY and words[k - 1][:1].isupper() and words[k + 1][:1].isupper()
                for k, w in enumerate(words[1:-1], 1))


#: the word for "and" between two names in every language of the locales ("and", "en", "und", "y", "och", ...)
_AND_ANY = and_words()


#: the words that close a name list in lower case ("and others", "et al.")
_LIST_END = frozenset(("others", "et", "al"))


_OTHERS_WORD = lazy(r"(?i)others[.:]")


def names_open(words: Sequence[str], families: Collection[str] | None = None) -> int:
    """How many of ``words`` (a title's first two, as printed) are the end of a name list: 1 for LNCS's last initials
    or particle before the colon or for "others" closing the list, 2 for a Vancouver name (one of ``families``, when
    given), a given name and its particle closed by a stop or "and others", else 0."""
    if words and words[0].endswith(":") and (is_initials(words[0][:-1]) or is_particle(words[0][:-1])):
        return 1  # "Brown, C.H.: Title", "Boer, B. de: Title"
    if words and _OTHERS_WORD.fullmatch(words[0]):
        return 1  # "DALY, L.; OTHERS. Title" (ABNT), "Oxman, A., others: Title" (LNCS): "and others" ends the names
    if len(words) > 1 and words[0] in ("and", "&") and _OTHERS_WORD.fullmatch(words[1]):
        return 2  # "Wilson, M. S., and others: Title" (Copernicus)
    if len(words) > 1 and _FAMILY.fullmatch(words[0]) and words[1].endswith(".") and is_bare_initials(words[1][:-1]) \
            and (families is None or words[0] in families):
        return 2  # "Zipperer B. Title": a family name and initials
    if len(words) > 1 and _FAMILY.fullmatch(words[0]) and words[1].endswith(".") and words[1][:1].islower() \
            and is_particle(words[1][:-1]):
        return 2  # "BOER, Bart de. Title": the given name and the particle printed after it (ISO 690)
    return 0


_CAPITALS = lazy(r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+[,;]?")
_JOINERS = AND | {";"}


def after_capital_names(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """Words after the initials that close a name printed in capitals, which the model read on into the names, open
    the title: ISO 690's "NUSSBAUM, M. Aristotle’s “De Motu Animalium”." and "RADIATOR, R. Zenos things, 1953."
    (such a list prints every family name in capitals, so a word that is neither capitals nor initials is no name; a
    joiner is the title's where a lower-case word follows it, no name: ABNT's "ROE, J. Sal e pressão. 2010."). ABNT's
    "OTHERS." alone after the initials (a BibTeX "and others") closes the names."""
    n = 0
    while n < len(tagged) and tagged[n].label == "author":
        n += 1
    if n < 3 or not any(_CAPITALS.fullmatch(t.token.text) for t in tagged[:n]):
        return tagged
    last = max((i for i in range(n) if is_initials(tagged[i].token.text.rstrip(",;"))), default=-1)
    particle = tagged[last + 1].token.text.rstrip(".,;") if 0 <= last < n - 1 else ""
    if particle.isupper() and is_particle(particle):
        last += 1  # ABNT's "LAMBALGEN, M. VAN.": the family name's particle in capitals after the initials
    rest = tagged[last + 1:n]
    if last < 1 or not rest or (len(rest) == 1 and _OTHERS_WORD.fullmatch(rest[0].token.text)) \
            or not _CAPITALS.fullmatch(tagged[last - 1].token.text) \
            or any(_CAPITALS.fullmatch(t.token.text) for t in rest) \
            or any(t.token.text.casefold() in _JOINERS and (k + 1 == len(rest) or rest[k + 1].token.text[:1].isupper())
                   for k, t in enumerate(rest)) \
            or not rest[0].token.text[:1].isupper() or any(t.label == "title" for t in tagged[:last + 1]):
        return tagged
    return [*tagged[:last + 1], *(t._replace(label="title") for t in rest), *tagged[n:]]


#: a capitalised word of two letters or more with no punctuation after it ("Deutscher", "John", "Santa")
OPEN_WORD = lazy(r"[A-ZÀ-Þ][^\W\d_]+(?:['’&-][^\W\d_]+)*")  # not the article "A" ("Design: A Foundation")


#: a family name as Vancouver prints it: a capital, then lower-case letters ("Figari", "Van Oorschot"'s last word)
_FAMILY_WORD = lazy(r"[A-ZÀ-Þ][a-zà-ÿ'’-]+")


def vancouver_end(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """In a Vancouver list (a name's bare initials before a comma: "Sutherland H,"), initials closed by a stop end
    the names; the words the model read on into them are the title's ("Figari F. EUROMOD: The European …"). So in a
    reference that opens with one such name, where two words run on to a full stop with no comma ("Koselleck R.
    Vergangene Zukunft. Zur Semantik …": a name printed in direct order goes on to its comma, "John A. Smith,", or
    ends at a particle's name or a suffix, "Mary A. Van Dyke.", "John A. Smith Jr.")."""
    if (run := _first_names(tagged)) is None:
        return tagged
    first, n = run
    words = [t.token.text for t in tagged[first:n]]
    alone = len(words) == 4 and first == 0 and _FAMILY_WORD.fullmatch(words[0]) is not None \
        and words[1].endswith(".") and is_bare_initials(words[1][:-1]) and words[3].endswith(".") \
        and not any(w.endswith((",", ";", ":")) for w in words[2:]) and not is_particle(words[2]) \
        and words[3].casefold() not in SUFFIXES_IN_TEXT | {"jr.", "sr."}
    if not alone and not any(w.endswith(",") and is_bare_initials(w[:-1]) and _FAMILY_WORD.fullmatch(v)
                             for v, w in pairwise(words)):
        return tagged  # not "Family Initials": ABNT's "NAM, P. K." prints family names in capitals
    for k in range(first + 1, n - 1):
        text = tagged[k].token.text
        if text.endswith(".") and is_bare_initials(text[:-1]) and _FAMILY_WORD.fullmatch(tagged[k - 1].token.text) \
                and n - k - 1 <= 2 and tagged[k + 1].token.text[:1].isupper() \
                and not is_initials(tagged[k + 1].token.text.rstrip(",.")):
            if n < len(tagged) and tagged[n].label != "title":
                return tagged
            return [t._replace(label="title") if k < i < n else t for i, t in enumerate(tagged)]
    return tagged


def coined_name_closing_names(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A software's or a project's coined name with its colon, right after a name's closing initials, which the model read
    as the last of the names, opens the title: "Foramitti J. AgentPy: A package …", "MAGNUSON, J. S. jTRACE: A …",
    "Wessel, P.: PyGMT: A Python …". Coined: a capital inside the word after a lower-case letter ("AgentPy", "jTRACE"),
    not a family name's prefix ("McDonald", "DeWitt", "LeBlanc")."""
    if (run := _first_names(tagged)) is None:
        return tagged
    first, n = run
    if n - first < 2 or n == len(tagged) or tagged[n].label != "title":
        return tagged
    word, before = tagged[n - 1].token.text, tagged[n - 2].token.text.rstrip(",;:")
    if not word.endswith(":") or not _COINED.fullmatch(word[:-1]) or _PREFIXED.match(word) \
            or not is_initials(before):
        return tagged
    return [*tagged[:n - 1], tagged[n - 1]._replace(label="title"), *tagged[n:]]


#: a coined name: letters and digits, a capital after a lower-case letter inside
_COINED = lazy(r"(?=\w*[a-z][A-Z])[A-Za-z][\w-]*")
#: family names whose inner capital follows a prefix
_PREFIXED = lazy(r"(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz|O’|O')[A-Z]")

def given_name_not_date(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A capitalised word with no digit that closes a name list after its comma, with no date after it, is the last
    given name, not a date: ISO 690's "CARRASCO, Kevin et ITURRA-SANHUEZA, Julio. Title" (the model read "Julio.",
    a month in Spanish, as the date; a month alone never closes the names)."""
    for i in range(1, len(tagged)):
        t = tagged[i]
        if t.label == "author":
            continue
        if t.label == "date" and tagged[i - 1].label == "author" and tagged[i - 1].token.text.endswith(",") \
                and OPEN_WORD.fullmatch(t.token.text.rstrip(".")) \
                and (i + 1 == len(tagged) or tagged[i + 1].label != "date"):
            return [*tagged[:i], t._replace(label="author"), *tagged[i + 1:]]
        break
    return tagged


def date_closing_names(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A date word (a year, a "no date" term, with the letter that tells two works of one year apart) closing the
    first name list after the names' comma is the date: Harvard's "Doe, J. and Roe, R., n.d.a. Title" (the model,
    which saw no letter after "n.d.", read "n.d.a." as one more name, and the reader a second author)."""
    if (run := first_run(tagged, "author") or first_run(tagged, "editor")) is None:
        return tagged
    first, end = run
    last = end - 1
    if last <= first or not tagged[last - 1].token.text.endswith(",") or not _date_word(tagged[last].token.text):
        return tagged
    return [t._replace(label="date") if n == last else t for n, t in enumerate(tagged)]


def title_read_as_names(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words opening a reference that the model read as its names are the title where one of them, after the
    first and before the first full stop, is a word in lower case that no name holds (no particle, "and", role or
    "et al."; Vancouver's "Sutton R. The Bitter lesson." is names before a title), with no comma after it (a name
    in lower case closes with one: "Albert edwin, The title"): a work with no author
    printed title first ("Feature-sliced design documentation, [kein Datum]. https://…", "Un entretien avec M. Antoine
    Riboud « … », 1991."), which the model, taught on references that have names, read as names. The title read right
    after them, if any, goes on from them. Names stay: a body's ("Institut national de la statistique"), a site's in
    lower case ("wikipedia. o. J."), a family name and its comma ("Wolff, Hans Walter, Obadiah and Jonah: A
    commentary"), initials closing a name ("Cogent Apps, Schmid P, tluyben, …"), names joined by "&" ("Nederlandse &
    Spaanse overheid.")."""
    first = next((k for k, t in enumerate(tagged) if t.label != "number"), len(tagged))
    if first == len(tagged) or tagged[first].label not in ("author", "editor"):
        return tagged
    end = first
    while end < len(tagged) and tagged[end].label == tagged[first].label:
        end += 1
    if end - first > _TITLE_AS_NAMES_RUN \
            or (end < len(tagged) and tagged[end].label != "title" and any(t.label == "title" for t in tagged)):
        return tagged
    words = [t.token.text for t in tagged[first:end]]
    if not words[0][:1].isupper() or words[0].endswith(",") or is_organisation_name(words) or "&" in words \
            or not any(_no_name_word(w) and not w.endswith(",") for w in words[1:_first_sentence(words)]) \
            or any(w.endswith((",", ";")) and (is_initials(w[:-1]) or is_bare_initials(w[:-1])) for w in words):
        return tagged
    return [t._replace(label="title") if first <= n < end else t for n, t in enumerate(tagged)]


def _first_sentence(words: Sequence[str]) -> int:
    """How many of ``words`` run up to the first full stop, with the word that holds it (all of them with none)."""
    return next((k + 1 for k, w in enumerate(words) if w.endswith(".")), len(words))


#: the most words such a title of ``title_read_as_names`` holds
_TITLE_AS_NAMES_RUN = 12


def _no_name_word(word: str) -> bool:
    """A word in lower case, of letters only, that no name list holds: no particle, "and", role, "et al.", lower-case
    initial or word of a body's name ("für": "Der Senator für Bildung und Wissenschaft ed.")."""
    core = word.strip(".,:;!?()[]\"'“”«»„")
    return len(core) > 2 and core.isalpha() and core.islower() and not is_particle(core) \
        and core not in AND and core not in EDITOR and core not in _NAME_LIST_WORDS and core not in _BODY_LINKS


#: lower-case words of a name list: "et al.", "with", roles the lexicon does not hold
_NAME_LIST_WORDS = frozenset(("al", "alii", "with", "und", "and", "others", "autres", "otros", "altri", "outros",
                              "editor", "editors", "eds", "coord", "comp", "comps", "org", "orgs", "trans", "translator"))


def role_after_names(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A role in parentheses ("(org.)", "(Hrsg.)", "(eds.)") read into the title, with at most two
    capitalised words between it and the names before it, closes those names: ABNT's "SANTOS, Ana;
    COSTA, Maria Paula (org.). Title" (the second given name and the role are the editors', not the title's)."""
    out = list(tagged)
    for i, t in enumerate(tagged):
        if t.label != "title" or not t.token.text.startswith("(") \
                or t.token.text.rstrip(".,:;").casefold() not in EDITOR:
            continue
        k = i
        while k > 0 and i - k < 2 and tagged[k - 1].label == "title" and tagged[k - 1].token.text[:1].isupper() \
                and not tagged[k - 1].token.text.endswith((".", ",", ":", ";")):
            k -= 1
        if k > 0 and tagged[k - 1].label in ("author", "editor") and all(x.label == "title" for x in tagged[k:i]):
            out[k:i + 1] = [x._replace(label=tagged[k - 1].label) for x in tagged[k:i + 1]]
        break
    return out


def editors_read_as_container(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A book's span of names alone, after "In:" and right before the editors' role, is the editors': Vancouver's "In:
    Camps M, Chauhan P, eds. New York: Springer" and SAGE's "In: Gallotti R and Mussi M (eds). Book." (the model read
    the names as the book's; anystyle's training labels "In" and the names with the role as the editor)."""
    for i, t in enumerate(tagged):
        if t.label not in ("container", "journal") or (i and tagged[i - 1].label == t.label):
            continue
        j = i
        while j < len(tagged) and tagged[j].label == t.label:
            j += 1
        if j == len(tagged) or tagged[j].label != "editor" \
                or tagged[j].token.text.strip("()[].,;:").casefold() not in EDITOR_WORDS:
            return tagged
        words = [x.token.text.rstrip(",") for x in tagged[i:j]]
        if words[0].casefold() not in IN or len(words) < 3 or not _family_initials(words[1:]):
            return tagged
        return [x._replace(label="editor") if i <= k < j else x for k, x in enumerate(tagged)]
    return tagged


#: the editors' role words printed after their names, bare ("eds", "(eds).": stripped of brackets and stops; not
#: "edited", which comes before them)
EDITOR_WORDS = frozenset(w.strip("()[].") for w in EDITOR) - {"edited"}


#: the role words a list prints after its editors' names, in the languages of citeproc's locales: the editors' words
#: above and French "éd."/"éds.", Spanish "coords." (``EDITOR``, a feature of the model, is left as trained)
ROLE_AFTER_NAMES = EDITOR_WORDS | frozenset(("éd", "éds", "coords", "hgg"))


def role_closing_authors(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A names' run the model read as the authors', closed by an editor's role after a comma, is the editors':
    "Cárcel Ortí, Maria Milagros, éd. 1997.", "Pérez Gómez, Ana, coord.", "Roe, Jane, and John Poe, éds." (citeproc
    prints the role so in every locale). A capitalised "Ed." after a family name's comma is a given name ("Smith, Ed.
    2001."): a capitalised role closes the names only after a given name's comma. (A role in brackets, "(org.)", is
    ``role_after_names``'s.)"""
    if (run := first_run(tagged, "author")) is None or run[1] - run[0] < 3:
        return tagged
    start, end = run
    role = tagged[end - 1].token.text
    if role.strip("()[].,;:").casefold() not in ROLE_AFTER_NAMES:
        return tagged
    commas = sum(t.token.text.endswith(",") for t in tagged[start:end - 1])
    if not tagged[end - 2].token.text.endswith(",") or not (role[:1].islower() or commas >= 2):
        return tagged
    return [t._replace(label="editor") if start <= k < end else t for k, t in enumerate(tagged)]


def _family_initials(words: Sequence[str]) -> bool:
    """``words`` (commas dropped) are names as Vancouver prints them, each a family name and its initials, joined by
    "and" or "&" where not by a comma: "Camps M, Chauhan P", "Gallotti R and Mussi M" (not a book's title)."""
    k = 0
    while k < len(words):
        if words[k] in _JOINERS and 0 < k < len(words) - 1:
            k += 1
        if k + 1 >= len(words) or not _FAMILY_WORD.fullmatch(words[k]) \
                or not (is_bare_initials(words[k + 1]) or is_initials(words[k + 1])):
            return False
        k += 2
    return True


#: a word of an inverted name: a capitalised word ("Gustav", "Correa-Baena", "De"), initials ("A.", "W.M.P."), a particle
_NAME_WORD = lazy(r"(?:[A-ZÀ-Þ][\w'’.-]*|[a-zà-ÿ]{1,3}),?")


def names_joined_by_dash(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A list of inverted names joined by spaced dashes runs to the comma that closes the last name: Italian styles'
    "Boström, Gustav – Wäyrynen, Jaana – Bodén, Marine, Title, in …" (the model, which seldom saw the dash between
    names, opened the title at a given name). Each name is a family name closed by its comma and at most four words
    of given names and particles; the list ends at the first of these words that a comma closes after a dash. A list
    the model read as the editors' is the authors' where no role follows it (the model took a long list of them for
    a book's editors: "Eshuis, Rik – Norta, Alex – Kopp, Oliver – Pitkanen, Esa, Title"); one that a role the model
    read follows stays the editors' ("Schönberger, Andreas – Kopp, Oliver – Lohmann, Niels (a cura di), Title"). A
    family name may have up to three words ("Manning, Peter – Van Der Plas, Fons – Soliveres, Santiago, Title"). The
    words after the authors' list that the model read as a name's, up to its title, are the title's."""
    start = next((i for i, t in enumerate(tagged) if t.label in ("author", "editor")), None)
    if start is None or start > 1:
        return tagged
    k, dashes, end = start, 0, None
    while end is None and k + 1 < len(tagged) and dashes <= 4 * RUN:
        f = k  # a family name of up to three words closed by its comma ("Van Der Plas,")
        while f < len(tagged) and f - k < 2 and not tagged[f].token.text.endswith(",") \
                and _NAME_WORD.fullmatch(tagged[f].token.text):
            f += 1
        if f == len(tagged) or not (tagged[f].token.text.endswith(",") and _NAME_WORD.fullmatch(tagged[f].token.text)):
            return tagged  # a family name closed by its comma
        k = f
        g = k + 1
        while g < len(tagged) and g - k <= 4 and _NAME_WORD.fullmatch(tagged[g].token.text) \
                and not tagged[g].token.text.endswith(","):
            g += 1
        if g >= len(tagged):
            return tagged
        if tagged[g].token.text == "–" and g > k + 1:
            k, dashes = g + 1, dashes + 1
        elif dashes and _NAME_WORD.fullmatch(tagged[g].token.text) and tagged[g].token.text.endswith(","):
            end = g
        else:
            return tagged
    if end is None:
        return tagged
    role = tagged[start].label == "editor" and end + 1 < len(tagged) and (
        tagged[end + 1].label == "editor" or tagged[end + 1].token.text.strip("()[].,;:").casefold() in EDITOR_WORDS)
    label = "editor" if role else "author"
    title = end + 1  # the title's first words the model read as a name's ("Joosen, Wouter, How secure is AOP…")
    while not role and title < len(tagged) and title - end <= 2 and tagged[title].label in ("author", "editor") \
            and not tagged[title].token.text.endswith(","):
        title += 1
    if title == len(tagged) or tagged[title].label != "title":
        title = end + 1
    if all(t.label == label for t in tagged[start:end + 1]) and title == end + 1:
        return tagged
    return [t._replace(label=label) if start <= n <= end else t._replace(label="title") if end < n < title else t
            for n, t in enumerate(tagged)]


def body_opening_title(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A body's name closed by a comma that opens the title of a reading with no names is the author: Science and
    PNAS print a corporate author as "New Zealand Qualifications Authority, The New Zealand Qualifications Framework
    (2014)" and "Executive Office of the President, Proclamation 10339: …", which the model read whole as the title
    (a body's name holds an organisation's word, ``names.is_organisation_name``; every word capitalised but for "of",
    "for", "the", "and" and "at"); so is one closed by a colon, LNCS's and Copernicus's "International Labour
    Organization: Title" (the colon that closes their names)."""
    if any(t.label in ("author", "editor") for t in tagged):
        return tagged
    start = next((i for i, t in enumerate(tagged) if t.label != "number"), len(tagged))
    if start == len(tagged) or tagged[start].label != "title":
        return tagged
    end = start
    while end < len(tagged) and end - start < _BODY_RUN and tagged[end].label == "title" \
            and not tagged[end].token.text.endswith((",", ".", ":", ";")):
        end += 1
    if end == len(tagged) or end - start >= _BODY_RUN or tagged[end].label != "title" \
            or not tagged[end].token.text.endswith((",", ":")) or end + 1 == len(tagged) or tagged[end + 1].label != "title":
        return tagged
    words = [t.token.text for t in tagged[start:end + 1]]
    if not is_organisation_name(words) or not all(w[:1].isupper() or w in _BODY_LINKS for w in words):
        return tagged
    return [t._replace(label="author") if start <= n <= end else t for n, t in enumerate(tagged)]


#: the most words of a body's name opening a title, and the lower-case words such a name holds
_BODY_RUN = 10
_BODY_LINKS = frozenset(("of", "for", "the", "and", "at", "on", "de", "du", "des", "für", "der"))


def initial_after_body(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A capital and a colon closing the names, right after a body's name, is the title's first word: a body has no
    initials, so "R Core Team, R: A Language and Environment for Statistical Computing" (the most cited software of
    all) opens its title with "R:", which the model read as the team's initial (as LNCS's "Boer, B. de:")."""
    if (run := _first_names(tagged)) is None:
        return tagged
    first, end = run
    last = end - 1
    if last <= first or end == len(tagged) or tagged[end].label != "title" \
            or not _INITIAL_COLON.fullmatch(tagged[last].token.text) \
            or not is_organisation_name([t.token.text for t in tagged[first:last]]):
        return tagged
    return [t._replace(label="title") if n == last else t for n, t in enumerate(tagged)]


_INITIAL_COLON = lazy(r"[A-Z]:")



#: what a label printed before the names says after the first author's family name: "u. a." (und andere), "et al."
_LABEL_OTHERS = (("u.", "a."), ("et", "al."))
#: the label's year ("2012", "2012a")
_LABEL_YEAR = lazy(rf"{F.YEAR}[a-z]?")
#: a dash printed between names given first ("J. Doe – R. Roe")
_NAME_DASHES = frozenset("–—-")


def label_before_names(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """A label printed before the reference, the first author's family name (and "u. a." or "et al.") and the year, as the
    German Archaeological Institute prints it ("Doe u. a. 2012 J. Doe – R. Roe, Title, Journal 9, 2012", with two
    authors "Doe – Roe 2012 J. Doe – R. Roe, Title"): the label is a
    note's, its year the date's, and the names after it, given first and joined by dashes, up to their comma, are the
    authors' (the model reads the label as the names and runs the names into the title). The label's name must be
    among the names."""
    words = [t.token.text for t in tagged]
    family = words[0] if words else ""
    if not _FAMILY.fullmatch(family):
        return tagged
    at = 3 if tuple(w.casefold() for w in words[1:3]) in _LABEL_OTHERS \
        or (len(words) > 2 and words[1] in _NAME_DASHES and _FAMILY.fullmatch(words[2])) else 1
    if at + 2 >= len(words) or not _LABEL_YEAR.fullmatch(words[at]):
        return tagged
    named = False
    for j in range(at + 1, len(words)):
        word = words[j].rstrip(",")
        if word == family:
            named = True
        elif not (is_initials(word) or word in _NAME_DASHES or is_particle(word) or _FAMILY.fullmatch(word)):
            return tagged  # "(Hrsg.)", a digit, a word in lower case: no list of names
        if words[j].endswith(","):
            if not named or j + 1 >= len(words):
                return tagged
            return [*(t._replace(label="note") for t in tagged[:at]), tagged[at]._replace(label="date"),
                    *(t._replace(label="author") for t in tagged[at + 1:j + 1]), *_title_after_label(tagged[j + 1:])]
    return tagged


def _title_after_label(rest: Sequence[Tagged]) -> Sequence[Tagged]:
    """The words after the names of ``label_before_names``, up to the first comma, are the title where the model read
    none (it read them as a container's or a note's: "Doe – Roe 2020 J. Doe – R. Roe, Noise or signal, International
    Conference …", "…, An ecosystem for chemistry, Acs Central Science 9, 4, 2023"); a title with a comma of its own is
    cut there, which it is with no title at all. The words after it (after "in:"), up to a number or a parenthesis,
    are the container's ("in: Advances in Neural Information Processing Systems 33 (2020) 9459–9474")."""
    if any(t.label == "title" for t in rest):
        return rest
    end = next((k for k, t in enumerate(rest[:_TITLE_RUN]) if t.token.text.endswith(",")), None)
    if end is None or end + 1 == len(rest) or any(t.label not in _TITLE_READ_AS for t in rest[:end + 1]):
        return rest
    start = end + 2 if rest[end + 1].token.text in ("in:", "In:") else end + 1
    stop = start  # the container's name, up to its volume or its imprint's parenthesis
    while stop < len(rest) and rest[stop].label in _TITLE_READ_AS and not rest[stop].token.text[:1].isdigit() \
            and not rest[stop].token.text.startswith("("):
        stop += 1
    return [t._replace(label="title") if k <= end else t._replace(label="container") if start <= k < stop
            else t for k, t in enumerate(rest)]


#: the most words of such a title, and the labels the model read it as
_TITLE_RUN = 40
_TITLE_READ_AS = frozenset(("container", "journal", "note"))


def title_in_caseless_script(tagged: Sequence[Tagged]) -> Sequence[Tagged]:
    """In a reading with no title, the words after the names' or the date's stop, up to the sentence's end, the date or a
    link, are the title where they open in a script without letter case (Chinese, Japanese, Korean, Arabic, Hebrew,
    Thai): "知乎. GB2312、GBK、GB18030 这几种字符集的主要区别是什么？. 2016;", "Microsoft (n.d.) 更新文档中的所有域. Available at:
    …", "维基百科. ROC 曲线 n.d. https://…" (the model, which saw few such words, read them as a date's, a note's or the
    names'). The first of the words, or the second after a word of Latin letters ("ROC 曲线"), holds such a letter."""
    span = _untitled_sentence(tagged)
    if span is None or not any(_caseless(t.token.text) for t in tagged[span[0]:span[0] + 2]):
        return tagged
    return [t._replace(label="title") if span[0] <= k < span[1] else t for k, t in enumerate(tagged)]


def _untitled_sentence(tagged: Sequence[Tagged], unnamed: bool = False) -> tuple[int, int] | None:
    """In a reading with no title, where the words after the names' or the date's stop run (start, end), up to the
    sentence's end, the date or a link; with ``unnamed``, in a reading with no names either, the words the reference
    opens with (but for its number in the list: Copernicus's "Closure Compiler: https://…, last access: …"). None where
    there are none."""
    if any(t.label == "title" for t in tagged):
        return None
    i = next((k + 1 for k, t in enumerate(tagged[:RUN]) if t.label in ("author", "date")
              and t.token.text.endswith((".", ":", ")", "：", "。"))), None)
    if i is None and unnamed and not any(t.label in ("author", "editor") for t in tagged):
        i = next((k for k, t in enumerate(tagged) if t.label != "number"), None)
    while i is not None and i < len(tagged) and _date_word(tagged[i].token.text):
        i += 1  # the date after the names ("Google. (n.d.). 分类 …")
    if i is None or i >= len(tagged):
        return None
    j = i
    while j < len(tagged) and j - i < RUN and tagged[j].label not in ("url", "doi") and not _date_word(tagged[j].token.text):
        j += 1
        if _SENTENCE_CLOSE.search(tagged[j - 1].token.text):
            break
    return i, j


#: what a web page's title may have been read as in a reading with none
_PAGE_TITLE_READ = frozenset(("note", "journal", "container", "date", "publisher", "genre"))
#: the words that open a link's phrase after a web page's title ("Available at:", "Disponible à l’adresse:")
_LINK_PHRASE = frozenset(("available", "disponible", "disponível", "verfügbar", "online:", "retrieved"))


def title_before_access(tagged: Sequence[Tagged], text: str) -> Sequence[Tagged]:
    """In a reading with no title, the sentence after the names' or the date's stop (``_untitled_sentence``) is the
    title where what follows it is a web page's: its link, its date of access, a medium in brackets or a link's phrase,
    with a "no date" term or a year between ("wikipedia. (n.d.). Outer product. Retrieved December 20, 2019, from
    https://…", "WIKIPEDIA. Sampling (statistics). [en ligne]. [Consulté le …]", "SciPy.org. Numpy.linalg.norm n.d.
    https://…"), or, with no names, the words the reference opens with ("Closure Compiler: https://…, last access: …"):
    the model, which saw few pages named by a site alone, read the title as a note's or a journal's words."""
    span = _untitled_sentence(tagged, unnamed=True)
    if span is None or any(t.label not in _PAGE_TITLE_READ for t in tagged[span[0]:span[1]]):
        return tagged
    if not any(t.label in ("author", "editor") for t in tagged):  # no names: the title ends at the link's phrase
        phrase = next((k for k in range(span[0] + 1, span[1]) if tagged[k].token.text.casefold() in _LINK_PHRASE), None)
        span = span if phrase is None else (span[0], phrase)
    j = span[1]
    while j < len(tagged) and _date_word(tagged[j].token.text):
        j += 1
    if j == len(tagged) or j == span[0]:
        return tagged
    after = tagged[j]
    accessed = F.accessed_span(text)
    if not (after.label in ("url", "doi") or after.token.text.casefold() in _LINK_PHRASE
            or (accessed is not None and accessed[0] <= after.token.start < accessed[1])
            or F.MEDIUM.match(text, after.token.start) is not None):
        return tagged
    return [t._replace(label="title") if span[0] <= k < span[1] else t for k, t in enumerate(tagged)]


def _caseless(word: str) -> bool:
    """Whether ``word`` holds a letter of a script without case, or a full-width mark of East Asian writing ("、")."""
    return any((c.isalpha() and not c.isupper() and not c.islower()) or "\u3000" <= c <= "\u303f"
               or "\uff00" <= c <= "\uffef" for c in word)


def _date_word(word: str) -> bool:
    """Whether ``word`` is a year or a "no date" term, with its brackets and marks ("2016;", "(n.d.).") and the letter
    after a "no date" term, APA's ("(n.d.-b).") and Harvard's ("n.d.a.")."""
    core = word.strip("()[],;:.")
    if core[-2:-1] == "-" and core[-1:].isalpha():
        core = core[:-2]
    return _DATE_WORD.fullmatch(core) is not None or _DATE_WORD.fullmatch(core + ".") is not None \
        or (core[-2:-1] == "." and core[-1:].islower() and _DATE_WORD.fullmatch(core[:-1]) is not None)


#: a year or a "no date" term as a word of its own, which closes a title's run
_DATE_WORD = lazy(rf"(?:{F.YEAR})[a-z]?|{NO_DATE_WORDS}")
#: a word that closes its sentence: a full stop, a question or exclamation mark, in Latin or full-width form
_SENTENCE_CLOSE = lazy(r"[.?!。？！]$")
