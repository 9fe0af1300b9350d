"""Terms that citeproc's locales and the CSL styles print, read by more than one stage: the linker reads
them in citations ("(Doe, o. J.-b)"), the reference importer in reference strings ("DOE, John, [kein Datum].")."""

from __future__ import annotations

import re

NO_DATE_TERMS = ("n.d.", "n. d.", "no date", "o. J.", "s. d.", "s.d.", "s. f.", "s.a.", "z.d.", "u.å.", "b.d.", "b. d.",
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
NO_DATE = rf"\[(?i:{NO_DATE_WORDS})\]|{NO_DATE_WORDS}"
"""A no-date term as printed, or in brackets in any case as ABNT prints it ("[S.d.]"): not the initials "S. D."."""
