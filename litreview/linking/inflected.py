"""Czech, Slovak and Polish surnames as a sentence inflects them before a narrative citation ("podle Novákové
(2010)", "według Kowalskiego (2015)", "se Svobodou (2012)"): the case form's nominative, the name the entry gives.

The forms are folded (``text.canonical``: "Novákové" is "novakove"), so an ending stands for its accented letters
too ("-ého" and "-eho", "-ą" and "-a"). Only a name an entry of the bibliography has is given back: a word that is
no case of one is left as it was.
"""

from __future__ import annotations

from collections.abc import Container

from ..text import canonical

_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # adjectival names: Polish -ski, -cki (Kowalskiego, Kowalskiemu, Kowalskim; Kowalskiej of Kowalska), Czech
    # and Slovak -ský, -ý, -í (Černého, Černému, Černým; Krejčího, Krejčímu)
    ("iego", ("i",)), ("iemu", ("i",)), ("iej", ("a",)), ("eho", ("y",)), ("emu", ("y",)), ("iho", ("i",)),
    ("imu", ("i",)), ("ym", ("y",)), ("im", ("i",)),
    # Czech and Slovak feminine -ová, -ská (Novákové, Novákovou; Dvorské, Dvorskou)
    ("ovou", ("ova",)), ("ove", ("ova",)), ("skou", ("ska",)), ("ske", ("ska",)), ("ckou", ("cka",)), ("cke", ("cka",)),
    # a-stems (Svoboda, Wajda: Svobody, Svobodu, Svobodou, Svobodovi) and consonant stems (Novák, Nowak: Nováka,
    # Novákovi, Novákem, Nowakowi, Nowakiem)
    ("ovi", ("a", "")), ("owi", ("a", "")), ("iem", ("",)), ("em", ("",)), ("ou", ("a",)), ("y", ("a",)),
    # (an "-e" of a consonant stem is left out: Polish softens the stem before it, "Mazurze"; and English names have
    # one of their own, Browne, Clarke, Greene beside Brown, Clark, Green)
    ("u", ("a", "")), ("e", ("a",)), ("a", ("",)),
)
"""Case ending (folded) -> the nominative endings it may stand for."""

_STEM = 3
"""Letters the name keeps before its ending, at the least: "Nowa" is no case of "Now"."""


def nominative(word: str, families: Container[str]) -> str | None:
    """The family name among ``families`` (folded forms) of which ``word`` is a Czech, Slovak or Polish case form,
    or None: none, or more than one ("Nováka" of both Novák and Nováka)."""
    folded = canonical(word)
    if not folded or " " in folded or folded in families:
        return None
    found = {stem + ending for case, endings in _ENDINGS if folded.endswith(case)
             and len(stem := folded[:-len(case)]) >= _STEM for ending in endings if stem + ending in families}
    return found.pop() if len(found) == 1 else None


def uninflected(names: str, families: Container[str]) -> str:
    """``names`` with each capitalised word that is a case form of a family name among ``families`` written as that
    name's nominative (folded), or '' when none is ("Kowalskiego" -> "kowalski", "Nováka a Svobody" -> "novak a
    svoboda")."""
    words = names.split()
    out = [found if word[:1].isupper() and (found := nominative(word, families)) else word for word in words]
    return " ".join(out) if out != words else ""
