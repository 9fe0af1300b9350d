"""Direct quotations and the attribution that carries them."""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.model import Linkage

BIB = """
@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the Sovereigns}, year={2004}}
@book{wendt1995anarchy, author={Wendt, Alexander}, title={Anarchy Is What States Make of It}, year={1995}}
"""


def run(text: str) -> Linkage:
    return link(parse_essay(text), parse_bibliography(BIB))


def quotes(linkage: Linkage) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(m.claim_id, m.text, m.keys) for m in linkage.mentions if m.kind == "quotation"]


def test_quotation_carried_by_an_attribution_in_its_sentence() -> None:
    linkage = run("K.J. Holsti qualified international relations as “organized relations between "
                  "established entities.”")
    assert quotes(linkage) == [("p1-s1", "“organized relations between established entities.”",
                                ("holsti2004taming",))]
    (lk,) = [lk for lk in linkage.links if lk.kind == "quotation"]
    assert lk.source_key == "holsti2004taming" and lk.status == "confirmed"


def test_quotation_carried_by_the_person_who_introduces_it_not_one_named_after() -> None:
    # "Pour Lecarme: « ... » Le récit de Kristof ...": the quotation was linked to the work of the person named after
    # it too. Named only after it ("“...”, Wendt argues"), that person still carries it.
    linkage = run("As K.J. Holsti argues, “relations between established entities are organized”, a view that "
                  "Alexander Wendt argues against in his book.")
    assert [m[2] for m in quotes(linkage)] == [("holsti2004taming",)]
    linkage = run("“Relations between established entities are organized,” Alexander Wendt argues in his book.")
    assert [m[2] for m in quotes(linkage)] == [("wendt1995anarchy",)]


def test_quotation_carried_by_the_sentence_before() -> None:
    linkage = run("Alexander Wendt explicated that power politics cannot arise from anarchy. "
                  "This “self-help” is due to “process, not structure.”")
    # three words count because an attribution sits beside them; one-word scare quotes never do
    assert quotes(linkage) == [("p1-s2", "“process, not structure.”", ("wendt1995anarchy",))]


def test_no_carrying_across_paragraphs() -> None:
    linkage = run("K.J. Holsti wrote a book.\n\nIt is “given the inevitability of changes in the interest.”")
    assert quotes(linkage) == [("p2-s1", "“given the inevitability of changes in the interest.”", ())]


def test_short_scare_quotes_are_not_quotations() -> None:
    linkage = run("States “bandwagon” in a “carrot and stick” policy towards a “zero sum game.”")
    assert quotes(linkage) == []


def test_straight_quotes_count_too() -> None:
    linkage = run('As @holsti2004taming puts it, "weapons hanging on the wall never fire" at all.')
    assert quotes(linkage) == [("p1-s1", '"weapons hanging on the wall never fire"', ("holsti2004taming",))]


def test_a_quotation_with_its_own_citation_is_carried_by_that_citation_alone() -> None:
    # "... in their use [@wendt], with some arguing that, “...” [@holsti, 97]": the quotation is Holsti's, and was
    # also linked to the entry cited earlier in the sentence for another point.
    linkage = run("Assessments find importance in their use [@wendt1995anarchy], with some arguing that, “when "
                  "a state does not bother with such provisions it is unbridled power” [@holsti2004taming, 97].")
    assert quotes(linkage)[0][2] == ("holsti2004taming",)
    assert [lk.source_key for lk in linkage.links if lk.kind == "quotation"] == ["holsti2004taming"]
    both = run("Assessments find importance in their use [@wendt1995anarchy], with some arguing that, “when "
               "a state does not bother with such provisions it is unbridled power” [@holsti2004taming; "
               "@wendt1995anarchy, 3].")
    assert quotes(both)[0][2] == ("holsti2004taming", "wendt1995anarchy")


def test_a_quoted_heading_of_the_document_is_a_cross_reference_not_a_quotation() -> None:
    # "[...; see "Scaling up: Community ecology of fern gametophytes" below]" names a section of the manuscript (its
    # heading set in bold, as journals' manuscripts set them): it was linked to every entry cited beside it.
    for heading in ("**SCALING UP: COMMUNITY ECOLOGY OF STATES**", "## 3. Scaling up: community ecology of states"):
        linkage = run("States differ [@holsti2004taming; see \"Scaling up: Community ecology of states\" below].\n\n"
                      f"{heading}\n\nText.")
        assert quotes(linkage) == [] and [lk.kind for lk in linkage.links] == ["marker"]
    # A paragraph that is the quotation itself (an epigraph) is no heading.
    linkage = run("“Scaling up community ecology of states”\n\nAs Holsti wrote, “Scaling up community ecology of states”.")
    assert [q[0] for q in quotes(linkage)] == ["p1-s1", "p2-s1"]


def test_a_quotation_in_a_note_is_carried_by_the_sentence_that_refers_to_the_note() -> None:
    # "... als “[…] organized relations between entities” [^4] [@holsti2004taming] definiert." with the note
    # "[^4]: Übersetzt: “organisierte Beziehungen zwischen Einheiten”": the translation was an unattributed quotation.
    linkage = run("Er definiert sie als “organized relations between established entities” [^4] [@holsti2004taming]."
                  "\n\nMore text.\n\n[^4]: Übersetzt: “organisierte Beziehungen zwischen etablierten Einheiten”\n")
    by_claim = {q[0]: q[2] for q in quotes(linkage)}
    note = [cid for cid in by_claim if cid not in ("p1-s1", "p2-s1")]
    assert note and all(by_claim[cid] == ("holsti2004taming",) for cid in note)
    # A note referred to by a sentence that cites nothing carries nothing.
    bare = run("Er definiert sie so [^4].\n\n[^4]: Übersetzt: “organisierte Beziehungen zwischen etablierten Einheiten”\n")
    assert [q[2] for q in quotes(bare)] == [()]


def test_a_short_quotation_carried_from_away_is_a_suggestion_unless_the_entry_holds_its_words() -> None:
    # Example strings and terms in quotation marks, a citation in the sentence before: each was confirmed as a
    # quotation of the work cited there ("Samsung Galaxy S20 128GB" of a work on document retrieval).
    bib = parse_bibliography("@article{cohen2003, author={Cohen, William}, title={A comparison of string metrics "
                             "for matching names and records}, year={2003}, journal={J}}\n")
    linkage = link(parse_essay(
        "Titles are split into tokens and stemmed [@cohen2003]. A title like \"Samsung Galaxy S20 128GB\" becomes "
        "four tokens.\n\n"
        "Records are matched by their names [@cohen2003]. The best metric \"for matching names is a hybrid of two "
        "simpler metrics\".\n\n"
        "Names are compared [@cohen2003]. It weighs \"string metrics for matching names\".\n\n"
        "Tokens are stemmed, as in \"Samsung Galaxy S20 128GB\" [@cohen2003].\n"), bib)
    got = {lk.claim_id: lk.status for lk in linkage.links if lk.kind == "quotation"}
    assert got == {"p1-s2": "suggested",  # four words, carried from the sentence before
                   "p2-s2": "confirmed",  # long enough to be the work's words
                   "p3-s2": "confirmed",  # the entry's title holds the words
                   "p4-s1": "confirmed"}  # its own citation right after it: placed as a quotation


def test_a_german_quotation_closes_with_the_mark_an_english_one_opens_with() -> None:
    # „...“ is one quotation; its closing “ was read as opening another, up to the next ” of a later quotation,
    # and the words between (a citation, a sentence) were linked as quoted from the work cited there.
    bib = parse_bibliography("@book{mueller2006, author={Müller, Ute}, title={Schaubühne}, year={2006}, "
                             "publisher={P}}\n@book{gaebler2011, author={Gäbler, Bernd}, title={Talkshows}, "
                             "year={2011}, publisher={P}}\n")
    linkage = link(parse_essay(
        "Die Sendung sei eine „Schaubühne der Einflussreichen und Meinungsmacher“ [@mueller2006], und "
        "@gaebler2011 spricht davon, dass „die Erfüllung der selbst gesetzten Dramaturgie” [@gaebler2011] "
        "verdränge.\n"), bib)
    got = sorted((lk.evidence, lk.source_key) for lk in linkage.links if lk.kind == "quotation")
    assert got == [("„Schaubühne der Einflussreichen und Meinungsmacher“", "mueller2006"),
                   ("„die Erfüllung der selbst gesetzten Dramaturgie”", "gaebler2011")]


def test_a_citation_or_name_inside_the_quotation_marks_is_the_quoted_writers_not_its_carrier() -> None:
    # “Dodd (1976, p. 133), whose definitions Lijphart (2012) uses, has shown ...”: the quotation was linked to the
    # work of Lijphart, whom the quoted writer cites. A citation that ends the quotation, its closing mark set after
    # it, is still its own; a person named outside the marks still carries it.
    bib = parse_bibliography("@book{lijphart2012, author={Lijphart, Arend}, title={Patterns of Democracy}, "
                             "year={2012}}\n@article{lai2017, author={Lai, William}, title={Consensus}, year={2017}}\n")
    inside = link(parse_essay("“Dodd (1976), whose definitions Lijphart (2012) uses, has shown government "
                              "fractionalization to be a good proxy for power sharing.”\n"), bib)
    assert [q[2] for q in quotes(inside)] == [()]
    assert [lk.source_key for lk in inside.links if lk.kind == "quotation"] == []
    ending = link(parse_essay("“Government fractionalization is a good proxy for power sharing (Lai 2017).”\n"), bib)
    assert [q[2] for q in quotes(ending)] == [("lai2017",)]
    outside = link(parse_essay("Lai argues that “government fractionalization is a good proxy for power "
                               "sharing”.\n"), bib)
    assert [q[2] for q in quotes(outside)] == [("lai2017",)]


def test_a_name_inside_another_quotation_carries_no_quotation() -> None:
    # A table's note: “radial basis function”; “Ornstein–Uhlenbeck”: the term quoted second named the author of an
    # entry, whose work the first was linked to as its words.
    bib = parse_bibliography("@article{uhlenbeck1930, author={Uhlenbeck, George and Ornstein, Leonard}, "
                             "title={On the theory of the Brownian motion}, year={1930}}\n")
    linkage = link(parse_essay("The kernels are the “squared exponential kernel”, the “radial basis "
                               "function” and the “Ornstein–Uhlenbeck” kernel.\n"), bib)
    assert [lk for lk in linkage.links if lk.source_key == "uhlenbeck1930"] == []


def test_a_person_named_before_a_colon_does_not_carry_the_quotation_of_the_clause_after_it() -> None:
    # "Tsebelis's framework is well supported by evidence: [Samuels] found that policy change is “...”": the
    # quotation was linked to the framework's author. Right after the colon, the person still introduces it.
    bib = parse_bibliography("@book{tsebelis2002, author={Tsebelis, George}, title={Veto Players}, year={2002}}\n")
    after = link(parse_essay("Tsebelis’s framework is well supported by evidence: studies found that policy change "
                             "is “slower and less dramatic under presidential systems than parliamentary ones”.\n"),
                 bib)
    assert [q[2] for q in quotes(after)] == [()]
    introduced = link(parse_essay("George Tsebelis sums it up: “policy change is slower and less dramatic under "
                                  "presidential systems”.\n"), bib)
    assert [q[2] for q in quotes(introduced)] == [("tsebelis2002",)]


def test_a_straight_quote_after_a_word_closes_and_opens_no_quotation() -> None:
    # A LaTeX quotation opened with ` and closed with " (`simple") left its " to pair with the next one: the words
    # between two quotations were read as one (". The correlation fell. Moreover, ‘canned meat", LR305).
    linkage = run("The edges form a relation more complex than a simple ‘neighbourly\". The correlation between "
                  "the labels fell. Moreover, ‘canned meat with seafood\" changed its behaviour in the model.")
    assert quotes(linkage) == []
    linkage = run('K.J. Holsti wrote that "organized relations between established entities" matter.')
    assert quotes(linkage) == [("p1-s1", '"organized relations between established entities"',
                                ("holsti2004taming",))]


SPEAKERS = r"""
@book{keohane84, author={Keohane, Robert O.}, title={After Hegemony}, year={1984}}
@book{mearsheimer01, author={Mearsheimer, John J.}, title={The Tragedy of Great Power Politics}, year={2001}}
@book{waltz79, author={Waltz, Kenneth N.}, title={Theory of International Politics}, year={1979}}
@book{waltz59, author={Waltz, Kenneth N.}, title={Man, the State, and War}, year={1959}}
"""
QUOTE = "“great powers are always looking for opportunities to gain power,”"


def _quoted_by(text: str) -> list[tuple[str, str]]:
    linkage = link(parse_essay(text), parse_bibliography(SPEAKERS))
    return [(lk.source_key, lk.status) for lk in linkage.links if lk.kind == "quotation"]


def test_a_quotation_is_the_words_of_the_person_the_clause_after_it_names() -> None:
    # Keohane, named before, does not introduce the quotation: the clause after it says whose words they are.
    assert _quoted_by(f"Keohane argues that institutions matter, but {QUOTE} writes Mearsheimer.") == [
        ("mearsheimer01", "confirmed")]
    assert _quoted_by(f"Keohane argues that institutions matter, but {QUOTE} Mearsheimer argues.") == [
        ("mearsheimer01", "confirmed")]
    # In the sentence after, once the quotation ends its own.
    assert _quoted_by("“Great powers are always looking for opportunities to gain power.” So writes Mearsheimer, "
                      "against Keohane.") == [("mearsheimer01", "confirmed")]
    # The one who introduces it, with no reporting clause after it.
    assert _quoted_by(f"Keohane argues: {QUOTE} and Mearsheimer disagrees.") == [("keohane84", "confirmed")]


def test_a_quotation_of_a_speaker_with_several_works_goes_to_no_one_else() -> None:
    # Waltz wrote two of the works: which one the words are from is not told, and they are not Keohane's.
    assert _quoted_by(f"Keohane argues that institutions matter, but {QUOTE} writes Waltz.") == []


def test_a_sentence_after_a_quotation_that_opens_with_a_name_and_a_verb_is_no_reporting_clause() -> None:
    # "So writes Mearsheimer." after a quotation says whose words they are; "Mearsheimer argues that ..." or
    # "Mearsheimer disagrees." opens a statement of its own: the quotation Keohane introduces stays his (it was
    # Mearsheimer's, confirmed), and one nobody introduces is not Mearsheimer's.
    quote = "“great powers are always looking for opportunities to gain power.”"
    assert _quoted_by(f"Keohane wrote: {quote} Mearsheimer argues that institutions fail.") == [
        ("keohane84", "confirmed")]
    assert _quoted_by(f"Keohane wrote: {quote} Mearsheimer disagrees.") == [("keohane84", "confirmed")]
    assert ("mearsheimer01", "confirmed") not in _quoted_by(f"They say {quote} Mearsheimer disagrees.")
