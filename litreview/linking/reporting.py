"""Reporting verbs: the words that make a name an appeal to a person's work ("Waltz argues", "writes Mearsheimer",
"Busse betont"), shared by the readers of named authors, of author-date citations and of quotations."""

from __future__ import annotations

from .text import fold, wordlist

_BASE_VERBS = wordlist("""argue hold describe write frame explicate qualify claim contend note observe suggest posit
assert maintain define show find state propose theorize theorise conclude point concede explain
emphasize emphasise stress term coin identify outline warn insist demonstrate subscribe
characterize characterise call say recognize recognise assume introduce present develop examine
analyze analyse study report offer highlight remark believe think see agree disagree challenge
critique criticize criticise reject counter refute famously contrast reason caution acknowledge
admit add treat view label distinguish lay""")
_IRREGULAR = ["held", "wrote", "written", "found", "said", "thought", "saw", "seen", "laid", "put", "puts"]


def _inflect(verb: str) -> set[str]:
    forms = {verb, verb + "s", verb + "ed", verb + "d", verb + "es"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith("e"):
        forms.add(verb + "d")
    return forms


REPORTING = frozenset(f for v in _BASE_VERBS for f in _inflect(v)) | frozenset(_IRREGULAR)
REPORTING_ABROAD = frozenset(map(fold, wordlist("""
    affirme écrit explique souligne définit distingue montre observe propose considère soutient parle évoque décrit
    insiste rappelle remarque constate estime précise qualifie suggère s'appuie s’appuie
    schreibt beschreibt betont argumentiert erklärt definiert zeigt unterscheidet meint behauptet
    afirma sostiene señala escribe describe argumenta define plantea propone explica subraya argumentou descreve
    escreve defende scrive afferma osserva
    twierdzi pisze zauważa wskazuje podkreśla stwierdza stwierdził stwierdziła definiuje opisuje opisał opisała
    wykazał wykazała wykazali""")))
"""Reporting verbs of French, German, Spanish, Portuguese, Italian and Polish prose, as a sentence writes them after
the person ("Lejeune définit le journal", "Busse betont", "Asperger opisał"), folded: only where a verb right after a
name makes it an appeal (``_reported_after``), not the English list the other readers share."""
