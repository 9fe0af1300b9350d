"""The loader's fast paths give what pybtex and latexcodec give: names without braces split as
pybtex's ``Person`` splits them, name lists as ``split_name_list``, dash-only values as the codec."""

from __future__ import annotations

import codecs
import random

import latexcodec  # noqa: F401  (registers "ulatex")
import pytest
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person as PybtexPerson
from pybtex.scanner import PybtexError

from litreview.bibliography.latex import decode_latex
from litreview.bibliography.load import read_people
from litreview.bibliography.names import plain_name_parts, split_names

WORDS = ["Smith", "van", "der", "de", "la", "Jr", "Jr.", "III", "R.", "R.j.", "j.", "A.B.", "d'Alembert", "'t",
         "Hooft", "1st", "Ángel", "ångström", "Émile", "ß", "-", "--", "Jean-Paul", "jean-paul", "O'Neil",
         "e.g.", "42", "von", "VON", "Mc", "_x", "Ł", "łukasz", "X", "y", "and", "AND", "Und"]
SEPARATORS = [" ", " ", " ", "  ", "~", "\t", "\n", ", ", ",", " , ", " ,", " and ", " AND ", " aNd "]


def _random_name(rng: random.Random) -> str:
    out = [rng.choice(WORDS)]
    for _ in range(rng.randint(0, 6)):
        out.append(rng.choice(SEPARATORS))
        out.append(rng.choice(WORDS))
    text = "".join(out)
    return rng.choice(["", " ", ",", "~"]) + text + rng.choice(["", " ", ",", "~", "\n"])


def _pybtex_parts(name: str) -> tuple[list[str], ...] | None:
    try:
        p = PybtexPerson(name)
    except PybtexError:
        return None
    return p.first_names, p.middle_names, p.prelast_names, p.last_names, p.lineage_names


@pytest.mark.parametrize("seed", range(4))
def test_plain_names_split_as_pybtex_splits_them(seed: int) -> None:
    rng = random.Random(seed)
    checked = 0
    for _ in range(5000):
        name = _random_name(rng)
        ours = plain_name_parts(name)
        if ours is None:  # more than two commas: pybtex reports it
            assert name.count(",") > 2
            continue
        assert ours == _pybtex_parts(name), name
        checked += 1
    assert checked > 2000


@pytest.mark.parametrize("name", ["Smith, John", "John von Neumann", "de la Fontaine, Jean", "Ford, Jr., Henry",
                                  "jean de la fontaine", "Ludwig van Beethoven", "'t Hooft, Gerard", "Smith",
                                  "Ángel de la Cruz", "1st Baron Acton", "van", "  ", ",", "a, b, c"])
def test_hard_plain_names(name: str) -> None:
    assert plain_name_parts(name) == _pybtex_parts(name)


def test_names_with_braces_or_backslashes_go_to_pybtex() -> None:
    assert plain_name_parts("{World Bank}") is None
    assert plain_name_parts(r"M\"uller, Hans") is None
    assert plain_name_parts("a, b, c, d") is None
    assert [p.family for p in read_people(r"M\"uller, Hans and {World Bank}")] == ["Müller", "World Bank"]


@pytest.mark.parametrize("seed", range(2))
def test_name_lists_split_as_pybtex_splits_them(seed: int) -> None:
    rng = random.Random(100 + seed)
    for _ in range(3000):
        value = _random_name(rng) + rng.choice(SEPARATORS) + _random_name(rng)
        assert split_names(value) == [n for n in split_name_list(value) if n.strip()], value


def test_dash_ligatures_decode_as_the_codec_decodes_them() -> None:
    rng = random.Random(7)
    alphabet = "abcXYZ0123456789 .,:;()/+-"
    checked = 0
    for _ in range(20000):
        value = "".join(rng.choice(alphabet if rng.random() < 0.6 else "-") for _ in range(rng.randint(2, 20)))
        if "--" not in value:
            continue
        want = " ".join(codecs.decode(value, "ulatex").split())  # type: ignore[call-overload]
        assert decode_latex(value) == want, value
        checked += 1
    assert checked > 5000
    assert decode_latex("195--679") == "195\u2013679"
    assert decode_latex("a---b ,, c--d") == "a\u2014b \u201e c\u2013d"  # ",," goes to the codec


@pytest.mark.parametrize("seed", range(2))
def test_family_first_names_are_never_people_joined(seed: int) -> None:
    """The quick test the name-form check asks first settles a name only where the full rules find no people joined by
    commas in it."""
    from litreview.bibliography.names import comma_joined, family_first, full_names_joined
    from litreview.bibliography.refparse.lexicon import GIVEN

    rng = random.Random(300 + seed)
    settled = 0
    for _ in range(5000):
        name = _random_name(rng)
        if family_first(name):
            settled += 1
            assert not comma_joined(name, GIVEN) and not full_names_joined(name, GIVEN), name
    assert settled > 500


@pytest.mark.parametrize(("name", "settled"), [("Knuth, Donald E.", True), ("Knuth, Donald E.,", True),
                                               ("I.N. Bronstein, K.A. Semendjaew", False),
                                               ("Smith, J., Jones", False), ("Di Renzo, Gian Carlo", False),
                                               ("Knuth", False), ("{World Bank}, Group", False)])
def test_family_first(name: str, settled: bool) -> None:
    from litreview.bibliography.names import family_first

    assert family_first(name) is settled


@pytest.mark.parametrize(("name", "written"), [
    ("Zeyd M. Ben-Halim, Eric  S.  Raymond,  Thomas  E.  Dickey.", "Ben-Halim, Zeyd M. and Raymond, Eric S. and "
                                                                   "Dickey, Thomas E."),
    ("P. Moreira, J. Christiansen, K. Wyllie", "Moreira, P. and Christiansen, J. and Wyllie, K."),
])
def test_a_list_joined_by_commas_is_written_without_the_full_stop_that_ends_it(name: str, written: str) -> None:
    # "Dickey., Thomas E." was the list to write: the full stop that ends the field is no family name's.
    from litreview.bibliography.names import joined_as_list

    assert joined_as_list(name) == written
