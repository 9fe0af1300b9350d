"""People named as authorities in the prose, resolved to the entries they wrote or edited."""

from __future__ import annotations

from litreview.bibliography.load import parse_bibliography
from litreview.essay import parse_essay
from litreview.linking import link
from litreview.linking.ranker import SHOW
from litreview.model import Linkage

BIB = """
@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the Sovereigns}, year={2004}}
@book{paul2004international, author={Paul, T. V. and Hall, John A.}, title={International Order and the Future of World Politics}, year={2004}}
@incollection{wendt1995anarchy, author={Wendt, Alexander}, title={Anarchy Is What States Make of It: The Social Construction of Power Politics}, year={1995}}
@book{wendt2014social, author={Wendt, Alexander}, title={Social Theory of International Politics}, year={2014}}
@book{bull2012anarchical, author={Bull, Hedley and Hoffmann, Stanley}, title={The Anarchical Society}, year={2012}}
@article{vincent1988hedley, author={Vincent, R. J.}, title={Hedley Bull and Order in International Politics}, year={1988}}
@book{kant1983perpetual, author={Kant, Immanuel and Humphrey, Ted}, title={Perpetual Peace, and Other Essays}, year={1983}}
@book{bush2015taming, author={Bush, George}, title={Memoirs}, year={2015}}
@book{martin1999, author={Martin, Lisa}, title={Democratic Commitments}, year={1999}}
"""


def run(text: str) -> Linkage:
    return link(parse_essay(text), parse_bibliography(BIB))


def attributions(linkage: Linkage) -> list[tuple[str, str, str, str]]:
    return [(lk.claim_id, lk.source_key, lk.evidence, lk.status)
            for lk in linkage.links if lk.kind == "attribution"]


def authors(linkage: Linkage) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.text, m.keys) for m in linkage.mentions if m.kind == "author"]


def test_initials_and_family_name() -> None:
    linkage = run("K.J. Holsti qualified relations as organized. This is as outlined by Holsti.")
    assert attributions(linkage) == [("p1-s1", "holsti2004taming", "K.J. Holsti", "confirmed"),
                                     ("p1-s2", "holsti2004taming", "Holsti", "confirmed")]


def test_two_editors_named_together_give_one_link() -> None:
    linkage = run("John Hall and T.V. Paul frame this anarchical status as lacking authority.")
    assert attributions(linkage) == [("p1-s1", "paul2004international", "John Hall and T.V. Paul", "confirmed")]
    assert authors(linkage) == [("John Hall", ("paul2004international",)), ("T.V. Paul", ("paul2004international",))]


def test_several_entries_are_chosen_by_context_and_marked_ambiguous() -> None:
    linkage = run("Alexander Wendt explicated that power politics cannot arise from a state of anarchy.")
    (lk,) = [lk for lk in linkage.links if lk.kind == "attribution"]
    assert lk.source_key == "wendt1995anarchy"  # "power politics", "anarchy" are in its title
    assert lk.ambiguous and lk.status == "suggested"
    assert authors(linkage) == [("Alexander Wendt", ("wendt1995anarchy", "wendt2014social"))]


def test_context_picks_the_other_entry_too() -> None:
    linkage = run("Alexander Wendt later wrote a social theory of international politics.")
    (lk,) = [lk for lk in linkage.links if lk.kind == "attribution"]
    assert lk.source_key == "wendt2014social"


def test_possessive_and_et_al() -> None:
    linkage = run("Kant’s theory became a tenet of democracy. This, according to Hedley Bull et al., is so.")
    assert attributions(linkage) == [("p1-s1", "kant1983perpetual", "Kant", "confirmed"),
                                     ("p1-s2", "bull2012anarchical", "Hedley Bull", "confirmed")]


def test_a_work_about_a_person_is_only_suggested_and_only_on_request() -> None:
    text = "This, according to Hedley Bull et al., is the procedure for a state."
    every = link(parse_essay(text), parse_bibliography(BIB), all_suggestions=True)
    (lk,) = [lk for lk in every.links if lk.source_key == "vincent1988hedley"]
    assert lk.kind == "topical" and lk.status == "suggested"
    assert lk.confidence < SHOW  # a guess from the title alone: under the threshold every topical link meets
    default = run(text)
    assert all(lk.source_key != "vincent1988hedley" for lk in default.links)
    assert "vincent1988hedley" in {lk.source_key for lk in default.hidden}  # the checks can still name it


def test_other_people_with_the_same_family_name_are_not_linked() -> None:
    linkage = run("Sarah Bush argues that aid is political.")
    assert attributions(linkage) == []
    assert authors(linkage) == [("Sarah Bush", ())]


def test_authorities_without_an_entry_are_reported() -> None:
    linkage = run("Realism entered the discourse under the tutelage of Hans Morgenthau, John Mearsheimer, "
                  "and Kenneth Waltz.")
    assert authors(linkage) == [("Hans Morgenthau", ()), ("John Mearsheimer", ()), ("Kenneth Waltz", ())]


def test_offices_companies_and_schools_are_not_authorities() -> None:
    linkage = run("The President decides. The joint development of the Lockheed Martin F-35 needs rules. "
                  "While theorists of Constructivism also concede that anarchy exists, they differ. "
                  "The Secretary of Defense argues for budgets.")
    assert authors(linkage) == []
    assert attributions(linkage) == []


def test_a_family_name_at_sentence_start_needs_a_cue() -> None:
    # "Martin" opens the sentence as a plain word; with a reporting verb it is an authority.
    assert attributions(run("Martin the cat sat.")) == []
    assert attributions(run("Martin argues that commitments bind.")) == [
        ("p1-s1", "martin1999", "Martin", "confirmed")]


def test_names_inside_a_marker_are_not_attributions() -> None:
    linkage = run("Cooperation is common (Holsti 2004).")
    assert attributions(linkage) == []
    assert [lk.kind for lk in linkage.links if lk.source_key == "holsti2004taming"] == ["marker"]


def test_an_authority_opening_a_sentence_after_as_is_reported():
    from litreview.bibliography.load import parse_bibliography
    from litreview.essay import parse_essay
    from litreview.linking import link

    bib = parse_bibliography("@book{a2000, author={Other, A.}, title={Something}, publisher={P}, year={2000}}")
    essay = parse_essay("Realism is old. As Charles Tilly argues, states make war. As Realism holds, states compete.\n")
    assert [(m.claim_id, m.text, m.keys) for m in link(essay, bib).mentions if m.kind == "author"] == [
        ("p1-s2", "Charles Tilly", ())]


# --- appeals to a person with no entry (the unmarked essay) -------------------------------

def test_a_person_making_a_point_and_a_lone_surname_claiming_are_appeals() -> None:
    linkage = run("Alliances shift. Robert Jervis made a similar point. Mearsheimer claims that states seek power.")
    assert authors(linkage) == [("Robert Jervis", ()), ("Mearsheimer", ())]


def test_a_concept_before_a_reporting_verb_is_no_person() -> None:
    assert authors(run("Realism holds that states compete. Constructivism argues otherwise.")) == []


def test_a_bodys_or_products_name_alone_mid_sentence_is_no_attribution() -> None:
    # "A query sent to MongoDB is a hashmap" names the database, not its manual: it was a confirmed link (0.75) to the
    # entry whose author is the body "MongoDB". A person's family name alone there still links, and the body's
    # name with a reporting verb too.
    bib = ("@misc{mongo, author = {MongoDB}, title = {Preventing injection}, year = {2017}}\n"
           "@book{holsti, author = {Holsti, K. J.}, title = {Taming the Sovereigns}, year = {2004}}\n")
    linkage = link(parse_essay("A query sent to MongoDB is a hashmap. The view of Holsti is wide. As MongoDB states, "
                               "a query is an object.\n"), parse_bibliography(bib))
    assert sorted((lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution") == [
        ("p1-s2", "holsti"), ("p1-s3", "mongo")]


def test_a_function_word_opening_the_sentence_is_no_author_of_that_name() -> None:
    # An author list with a "To, C." (or "In", "As") made every sentence opening "To see ..." or
    # "To demonstrate ..." a confirmed link to that work.
    bib = BIB + "@article{stone2022, author={Stone, Zachary and To, C. and In, Kim}, title={Optical variability}, year={2022}}\n"
    linkage = link(parse_essay("To see the version, click on the icon. To demonstrate these approaches, we compare "
                               "three kernels. In short, they agree.\n"), parse_bibliography(bib))
    assert attributions(linkage) == []
    # A name proper still counts: "To argues" has no sentence-opening function word before a verb.
    linkage = link(parse_essay("As Stone argues, the variability is stochastic.\n"), parse_bibliography(bib))
    assert [a[:2] for a in attributions(linkage)] == [("p1-s1", "stone2022")]


def test_a_month_in_a_date_is_no_author_of_that_name() -> None:
    # "on May 5, 2023": the month was linked, confirmed, to an entry one of whose authors is named May.
    bib = parse_bibliography(BIB + "@article{cash2013, author={Cash, Richard and May, Maria A.}, title={Hazards},"
                                   " journal={J}, year={2013}}\n")
    text = ("The organization declared an end to the emergency on May 5, 2023, and others followed. "
            "Several countries did so in 5 June 2023 or by March 2024. As May argues, hazards persist.")
    linkage = link(parse_essay(text), bib)
    assert [(lk.claim_id, lk.evidence) for lk in linkage.links if lk.kind == "attribution"] == [("p1-s3", "May")]


def test_an_author_named_beside_a_citation_of_one_of_her_works_names_that_work() -> None:
    # "Sara Shatford insiste ... [@shatford1984]": the name was linked, as a suggestion, to her other work.
    bib = parse_bibliography("@article{shatford1984, author={Shatford, Sara}, title={Describing a Picture},"
                             " journal={J}, year={1984}}\n"
                             "@article{shatford1986, author={Shatford, Sara}, title={Analyzing the Subject of a"
                             " Picture}, journal={J}, year={1986}}\n")
    linkage = link(parse_essay("Sara Shatford insists on being concise in the subject of a picture [@shatford1984].\n"),
                   bib)
    assert [(lk.source_key, lk.status) for lk in linkage.links if lk.kind == "attribution"] == [
        ("shatford1984", "confirmed")]


def test_a_name_with_a_particle_is_read_whole_and_its_given_name_checked() -> None:
    # One table of particles for names in text and in reference strings (bibliography.names.PARTICLES): the
    # particle is the family name's, not a given name; "Arnold van Gennep" linked no entry (its given name read as
    # "Arnold van"), "Cajo ter Braak" linked by "Braak" alone ("ter" was no particle here, as "y" was none).
    bib = parse_bibliography("""
@book{vangennep1909, author={van Gennep, Arnold}, title={Les rites de passage}, year={1909}}
@article{terbraak1986, author={ter Braak, Cajo J. F.}, title={Canonical Correspondence Analysis}, year={1986}}
@book{ramon1899, author={Ramón y Cajal, Santiago}, title={Textura del sistema nervioso}, year={1899}}
""")
    for text, key, evidence in [("Arnold van Gennep argued that rites mark passages.", "vangennep1909", "Arnold van Gennep"),
                                ("Cajo ter Braak argued that ordination works.", "terbraak1986", "Cajo ter Braak"),
                                ("Santiago Ramón y Cajal argued that neurons are cells.", "ramon1899",
                                 "Santiago Ramón y Cajal")]:
        assert attributions(link(parse_essay(text), bib)) == [("p1-s1", key, evidence, "confirmed")]
    # Another given name before the particle is another person.
    linkage = link(parse_essay("Pedro van Gennep argued that rites mark passages."), bib)
    assert attributions(linkage) == [] and authors(linkage) == [("Pedro van Gennep", ())]


def test_a_particle_is_a_lower_case_word_so_a_capitalised_one_is_a_given_name() -> None:
    # "Van Jones" and "Al Gore" lost their given names to the particles "van" and "al" and linked any Jones or Gore.
    bib = parse_bibliography("""
@book{jones2010, author={Jones, Ann}, title={Coastal Trade}, year={2010}}
@book{gore2006, author={Gore, Tipper}, title={Raising PG Kids}, year={2006}}
@book{gaulle1954, author={de Gaulle, Charles}, title={Mémoires de guerre}, year={1954}}
@book{ortega1930, author={Ortega y Gasset, José}, title={La rebelión de las masas}, year={1930}}
@book{smith2001, author={Smith, Mary Y.}, title={Quiet Rivers}, year={2001}}
@book{waals1873, author={van der Waals, Johannes Diderik}, title={Over de continuiteit}, year={1873}}
@book{evera1999, author={Van Evera, Stephen}, title={Causes of War}, year={1999}}
""")
    for text in ["Van Jones argued that trade grows [@other].", "Al Gore argued that films matter [@other].",
                 "Pierre de Gaulle argued that France leads.", "Pedro Ortega y Gasset argued that masses rule.",
                 "Tom Smith argued that rivers are quiet.", "Hendrik van der Waals argued that gases condense.",
                 "Mark Van Evera argued that wars start."]:
        assert attributions(link(parse_essay(text), bib)) == [], text
    for text, key, evidence in [("Charles de Gaulle argued that France leads.", "gaulle1954", "Charles de Gaulle"),
                                ("José Ortega y Gasset argued that masses rule.", "ortega1930",
                                 "José Ortega y Gasset"),
                                ("Mary Y Smith argued that rivers are quiet.", "smith2001", "Mary Y Smith"),
                                ("Johannes van der Waals argued that gases condense.", "waals1873",
                                 "Johannes van der Waals"),
                                ("Stephen Van Evera argued that wars start.", "evera1999", "Stephen Van Evera")]:
        assert attributions(link(parse_essay(text), bib)) == [("p1-s1", key, evidence, "confirmed")], text


def test_an_author_of_several_entries_with_nothing_in_the_sentence_to_choose_is_linked_to_none() -> None:
    # Neither title shares a word with the sentence: the order of the file is no evidence of which work it names.
    linkage = run("Alexander Wendt was born in Mainz and taught in Chicago.")
    assert attributions(linkage) == []
    assert [(m.text, m.keys, m.detail) for m in linkage.mentions if m.kind == "author"] == [
        ("Alexander Wendt", ("wendt1995anarchy", "wendt2014social"), "one of these entries; nothing here tells which")]


CO_AUTHORS = """
@article{hudak1989, author={Hudak, Paul}, title={Conception, Evolution, and Application of Functional Languages}, year={1989}}
@book{hudak2000, author={Hudak, Paul}, title={The School of Expression}, year={2000}}
@inproceedings{hudak2007, author={Hudak, Paul and Hughes, John and Wadler, Philip}, title={A History: Being Lazy with Class}, year={2007}}
@inproceedings{wadler1989, author={Wadler, Philip and Blott, Stephen}, title={How to Make Ad-Hoc Polymorphism Less Ad Hoc}, year={1989}}
"""


def test_people_named_apart_in_one_sentence_name_the_entry_they_wrote_together() -> None:
    linkage = link(parse_essay("Paul Hudak was, together with Philip Wadler, the editor of the first report."),
                   parse_bibliography(CO_AUTHORS))
    assert [(lk.source_key, lk.status) for lk in linkage.links if lk.kind == "attribution"] == [
        ("hudak2007", "confirmed")]


def test_a_capitalised_word_after_an_article_is_a_thing_not_its_namesake_author() -> None:
    bib = "@article{sun2020, author={Sun, Wei and Abbott, Ben}, title={Gravitational Waves}, year={2020}}"
    for text in ("Spots are rare on slow rotators like the Sun with modest activity.",
                 "GP models were first applied to the Sun’s total irradiance variations."):
        linkage = link(parse_essay(text), parse_bibliography(bib))
        assert [lk for lk in linkage.links if lk.kind == "attribution"] == []
    linkage = link(parse_essay("Sun argues that the waves were seen."), parse_bibliography(bib))
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["sun2020"]


def test_people_a_sentence_thanks_are_not_cited() -> None:
    bib = "@inproceedings{k2020, author={Kovalčík, Gregor and Souček, Tomáš}, title={VIRET Tool}, year={2020}}"
    for text in ("I extend my gratitude to Tomáš Souček and Gregor Kovalčík for providing extracted images.",
                 "We thank Gregor Kovalčík for the images.", "We are grateful to Dr. Kovalčík for the images.",
                 # (a trial's "I would like to express my thanks to Anand Sokhey for his advice")
                 "I would like to express my thanks to Gregor Kovalčík for his advice.",
                 "Our sincere thanks to Tomáš Souček for the images."):
        linkage = link(parse_essay(text), parse_bibliography(bib))
        assert [lk for lk in linkage.links if lk.kind == "attribution"] == [], text
    linkage = link(parse_essay("Thanks to Kovalčík and Souček, the tool reads video."), parse_bibliography(bib))
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["k2020"]


def test_a_common_word_written_with_a_capital_is_no_bare_surname() -> None:
    # "Long shifts May cause harm": a modal verb with a capital was linked, confirmed, to an entry by a May.
    bib = parse_bibliography("@article{may2011, author={May, Robert}, title={Rest and recovery}, year={2011}}\n"
                             "@article{reed2014, author={Reed, Anna}, title={Night work}, year={2014}}\n")
    text = ("Long shifts May cause harm to nurses. Short breaks may help. Some wards Reed visited had none. "
            "The trial of May et al. in two wards tested breaks.")
    linkage = link(parse_essay(text), bib)
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s3", "reed2014"), ("p1-s4", "may2011")]
    # A capitalised word the document also writes in lower case, alone mid-sentence, is that word too.
    bib = parse_bibliography("@book{long2001, author={Long, Mara}, title={Tides}, year={2001}}\n")
    linkage = link(parse_essay("A long wait is common. Nurses who work Long shifts sleep less."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == []
    linkage = link(parse_essay("A short wait is common. Nurses who read Long sleep less."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["long2001"]


def test_a_common_word_before_and_others_is_the_surname_as_before_et_al() -> None:
    # "May and others" leads a work as "May et al." does: the word is the surname, not the modal verb.
    bib = parse_bibliography("@article{may2011, author={May, Robert}, title={Rest and recovery}, year={2011}}\n")
    text = "Long hours May cause harm. The trial of May and others in two wards tested breaks."
    linkage = link(parse_essay(text), bib)
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [("p1-s2", "may2011")]


def test_an_article_before_a_surname_and_a_work_noun_names_the_author() -> None:
    bib = parse_bibliography("@article{quenby2009, author={Quenby, Ruth}, title={Harbour silt}, year={2009}}\n")
    linkage = link(parse_essay("The Quenby paper measured silt in the harbour."), bib)
    assert [(lk.source_key, lk.evidence) for lk in linkage.links if lk.kind == "attribution"] == [
        ("quenby2009", "Quenby")]
    linkage = link(parse_essay("Boats moor near the Quenby in winter."), bib)  # a place, a ship: a thing
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == []
    # A body's or product's name too, which alone is no appeal to its work ("ships run TideKit").
    bib = parse_bibliography("@manual{tidekit, author={{TideKit}}, title={Reference}, year={2021}}\n")
    linkage = link(parse_essay("Ships run TideKit on board. The TideKit documentation lists each option."), bib)
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s2", "tidekit")]


def test_a_later_given_name_after_a_written_out_one_does_not_agree() -> None:
    # A body's name written as a person's ("Lakeside Civic Forum" read as given "Lakeside Civic", family "Forum"):
    # "Civic Forum" in the prose was a confirmed link to it. A name after initials still agrees ("J. Martin").
    bib = parse_bibliography("@misc{forum2020, author={Lakeside Civic Forum}, title={Annual plan}, year={2020}}\n"
                             "@book{vale1999, author={Vale, J. Martin}, title={Civic life}, year={1999}}\n")
    linkage = link(parse_essay("Each spring the Civic Forum sets the budget. Martin Vale argued for it."), bib)
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s2", "vale1999")]


_KOWAL_SECOND_AND_FIRST = (
    "@article{ferrand2019, author={Ferrand, Ana and Kowal, Piotr and Lind, Eva}, title={Salt marsh birds},"
    " year={2019}}\n"
    "@article{kowal2021, author={Kowal, Piotr and Brandt, Ines}, title={Dune plants}, year={2021}}\n")
"""Kowal's two works: one Kowal wrote second (on salt marsh birds), one Kowal leads (on dune plants)."""


def test_et_al_names_a_work_that_person_leads() -> None:
    # "Kowal et al. showed": the entry Kowal wrote second was chosen by context, not the one Kowal leads.
    bib = parse_bibliography(_KOWAL_SECOND_AND_FIRST)
    linkage = link(parse_essay("Kowal et al. showed that salt marsh birds nest early. "
                               "Brandt and colleagues found that marsh birds nest late."), bib)
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s1", "kowal2021")]


def test_et_al_in_the_documents_language_names_a_work_that_person_leads() -> None:
    # "Kowal u. a.", "Kowal e.a.", "Kowal m.fl.": the locales' "et al." lead as the English one does; only "et al."
    # was read, and the entry Kowal wrote second was chosen by context.
    bib = parse_bibliography(_KOWAL_SECOND_AND_FIRST)
    for others in ("u. a.", "u.a.", "e.a.", "m.fl.", "y col.", "and colleagues", "i in.", "i wsp."):
        linkage = link(parse_essay(f"Kowal {others} showed that salt marsh birds nest early."), bib)
        assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["kowal2021"], others


def test_polish_et_al_in_a_parenthesis_names_the_work_the_person_leads() -> None:
    # "(Kowal i in.)": Polish prose's "et al." was read as nothing, and the entry Kowal wrote second, chosen by the
    # sentence's words, was linked; "Kowal i Brandt" ("and") still names the two people, not the others.
    bib = parse_bibliography(_KOWAL_SECOND_AND_FIRST)
    linkage = link(parse_essay("Ptaki słonych bagien (salt marsh birds) gniazdują wcześnie (Kowal i in.)."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["kowal2021"]
    linkage = link(parse_essay("Kowal i Brandt opisali rośliny wydm (dune plants)."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["kowal2021"]


def test_a_reporting_verb_of_another_language_after_a_name_is_an_appeal() -> None:
    # "Lejeune définit le journal", "Busse betont", "Asperger opisał": a name opening the sentence with the verb of
    # French, German or Polish prose after it was no appeal (only English verbs were read), so no link.
    bib = parse_bibliography("@book{lejeune2017, author={Lejeune, Philippe}, title={Journal personnel}, year={2017}}\n"
                             "@book{busse2012, author={Busse, Dietrich}, title={Frame-Semantik}, year={2012}}\n"
                             "@article{asperger1944, author={Asperger, Hans}, title={Die autistischen Psychopathen},"
                             " year={1944}}\n")
    for text, key in (("Lejeune définit le journal comme une série de traces datées.", "lejeune2017"),
                      ("Busse betont die Rolle des Wissens im Rahmen.", "busse2012"),
                      ("Asperger opisał psychopatię autystyczną u dzieci.", "asperger1944")):
        assert [lk.source_key for lk in link(parse_essay(text), bib).links if lk.kind == "attribution"] == [key], text
    # The name opening the sentence before a verb that reports nothing is still no appeal.
    for text in ("Lejeune habite à Paris depuis longtemps.", "Busse fährt jeden Tag nach Berlin."):
        assert [lk.source_key for lk in link(parse_essay(text), bib).links if lk.kind == "attribution"] == [], text


def test_a_word_that_opens_the_sentence_before_a_name_is_no_given_name() -> None:
    # "Consider Roe's example": the imperative, which the document writes in lower case too, was read as Roe's
    # given name, which disagrees with the entry's: no link.
    bib = parse_bibliography("@book{roe2021, author={Roe, Ann}, title={Tides of change}, year={2021}}\n"
                             "@misc{office, author={Harbour Open Science}, title={Data rules}, year={2020}}\n")
    text = ("We consider two tides. Consider Roe’s example of spring tides, which she argues are rising. "
            "Open Science sets rules for data. Open data is open.")
    linkage = link(parse_essay(text), bib)
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s2", "roe2021")]
    # The name still opens the sentence: alone, with nothing that appeals to the person, no link.
    linkage = link(parse_essay("We consider two tides. Consider Roe tides of the north."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == []


def test_et_al_prefers_the_work_with_others_to_the_one_the_person_wrote_alone() -> None:
    # "Roe and colleagues": of Roe's two works, the one Roe wrote alone is not it; both stood, and nothing in the
    # sentence told which, so neither was linked.
    bib = parse_bibliography(
        "@book{roe2021, author={Roe, Ann}, title={Tides of change}, year={2021}}\n"
        "@article{roe2023, author={Roe, Ann and Lind, Eva and Brandt, Ines}, title={Patterns of drift}, year={2023}}\n")
    for others in ("and colleagues", "et al."):
        linkage = link(parse_essay(f"Following the work of Roe {others}, we measure coasts."), bib)
        assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["roe2023"], others
    linkage = link(parse_essay("Following the work of Roe, we measure coasts."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["roe2021"]


def test_a_capitalised_word_within_a_quotation_is_no_person_with_no_entry() -> None:
    # "“Checklist Theories of Meaning”": "theories of" read as a cue, and "Meaning" reported as a person with no
    # entry. Outside quotation marks a person after the cue still is ("the ideas of Keynes").
    bib = parse_bibliography("@book{roe2021, author={Roe, Ann}, title={Tides of change}, year={2021}}\n")
    text = ("Roe argues against what she calls “Checklist Theories of Meaning” in a talk. "
            "Roe argues for the ideas of Keynes in a talk.")
    linkage = link(parse_essay(text), bib)
    assert [(m.claim_id, m.text) for m in linkage.mentions if m.kind == "author" and not m.keys] == [
        ("p1-s2", "Keynes")]
def test_the_manuscripts_own_authors_named_in_full_cite_nothing() -> None:
    # A Quarto paper lists its authors' ORCIDs, a correspondence address and a funding statement, naming each author
    # in full; one of them wrote an entry the paper cites. Each line was a confirmed link to that entry ("names
    # the author"), six of its nine citations on the essay page.
    bib = parse_bibliography("@article{mesquida2023, author={Mesquida, Cristian and Warne, Joe}, title={Bias}, "
                             "journal={J}, year={2023}}\n"
                             "@article{roe2001, author={Roe, Ann}, title={Tools}, journal={J}, year={2001}}\n")
    text = ('---\ntitle: "Reporting"\nauthor:\n  - name: "Joe Warne¹"\n  - name: "Cristian Mesquida²"\n---\n\n'
            "Joe Warne – 0000-0002-4359-8132\n\nCristian Mesquida was supported by the Ammodo Award.\n\n"
            "As Ann Roe argues, tools matter. Mesquida argues that bias is common [@mesquida2023].\n")
    found = [(lk.claim_id, lk.source_key, lk.kind) for lk in link(parse_essay(text), bib).links]
    assert not [f for f in found if f[0] in ("p1-s1", "p2-s1")]
    # another author named in full, and the writer named as an authority by family name, are linked as before
    assert {("p3-s1", "roe2001", "attribution"), ("p3-s2", "mesquida2023", "marker")} <= set(found)
    # the close case: with no author in the front matter, the same lines name an author of the entry
    plain = link(parse_essay(text.split("---\n\n", 1)[1]), bib).links
    assert [(lk.claim_id, lk.source_key) for lk in plain if lk.kind == "attribution"][:2] == [
        ("p1-s1", "mesquida2023"), ("p2-s1", "mesquida2023")]


def test_own_author_names_read_every_form_pandoc_takes() -> None:
    from litreview.linking.own_authors import own_author_names

    assert own_author_names({"author": "Ann Roe and Bo Li"}) == {"ann roe", "bo li"}
    assert own_author_names({"author": ["Daniël Lakens³", {"name": {"given": "Jo", "family": "van Dijk"}},
                                        {"name": "Plato"}]}) == {"daniel lakens", "jo van dijk"}
    assert own_author_names({"title": "No authors"}) == frozenset()


def test_a_name_with_a_decomposed_accent_is_read_whole() -> None:
    # "Daniël" typed with e + U+0308 (a combining diaeresis): the name was cut at the accent ("Danie"), its family
    # name read alone, and a list of names ended at "Danie".
    bib = parse_bibliography("@article{lakens2013, author={Lakens, Daniël}, title={Effect sizes}, journal={J}, "
                             "year={2013}}\n@article{roe2001, author={Roe, Ann}, title={Tools}, journal={J}, "
                             "year={2001}}\n")
    decomposed = "Danie\u0308l"
    found = link(parse_essay(f"As Ann Roe and {decomposed} Lakens argue, effects matter.\n"), bib).links
    assert sorted((lk.source_key, lk.evidence) for lk in found if lk.kind == "attribution") == [
        ("lakens2013", f"Ann Roe and {decomposed} Lakens"), ("roe2001", f"Ann Roe and {decomposed} Lakens")]


def test_a_german_noun_that_folds_to_a_surname_is_no_bare_surname() -> None:
    # German capitalises its nouns: "politikferner Bürger" (citizens) was linked, confirmed, to an entry by Burger, the
    # umlaut folded away. The same word is a bare surname when an entry's author is so spelled, and an entry's name
    # written without marks reads as itself.
    text = "Talkshows könnten ein Moment der Inklusion politikferner {} in den Diskurs sein."

    def linked(author: str, word: str) -> list[str]:
        bib = parse_bibliography(f"@book{{k1989, author={{{author}}}, title={{Diskussion ohne Ritual}}, year={{1989}}}}")
        return [lk.source_key for lk in link(parse_essay(text.format(word)), bib).links if lk.kind == "attribution"]

    assert linked("Burger, Harald", "Bürger") == []
    assert linked("Bürger, Ann", "Bürger") == ["k1989"]
    assert linked("Burger, Harald", "Burger") == ["k1989"]


def test_people_a_personal_communication_names_are_not_cited() -> None:
    # "(Stone, priv. comm.)": the person told the writer; no work of theirs in the bibliography is relied on.
    bib = parse_bibliography("@article{stone2022, author={Stone, Zachary and Shen, Yue}, title={Optical variability"
                             " of quasars}, year={2022}}\n")
    for text in ("The light curves were run through a Hampel filter to remove outliers (Stone, priv. comm).",
                 "The outliers were removed by hand (Z. Stone, pers. comm.) before the fits.",
                 "The filter, Stone (personal communication) says, was used throughout.",
                 "After a personal communication from Zachary Stone, the filter was used throughout."):
        linkage = link(parse_essay(text), bib)
        assert [lk for lk in linkage.links if lk.kind == "attribution"] == [], text
    linkage = link(parse_essay("The light curves were filtered as Stone describes."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["stone2022"]


def test_an_authors_work_is_chosen_by_the_words_of_its_title_not_of_its_container() -> None:
    # "weitere Aufsätze bzw. Bücher": of Bucher's three works, the one in a collection on the history of television
    # was chosen because the sentence said "Geschichte" elsewhere; the words of a container tell a topic, not a work.
    bib = parse_bibliography(
        "@incollection{roe2004, author={Roe, Jane Ann}, title={Media reality}, booktitle={A History of Television},"
        " year={2004}}\n"
        "@incollection{roe2007, author={Roe, Jane Ann}, title={Logic of politics}, booktitle={Debates}, year={2007}}\n")
    linkage = link(parse_essay("The history of television, as Roe has it, is one of rituals."), bib)
    assert [lk for lk in linkage.links if lk.kind == "attribution"] == []
    assert authors(linkage) == [("Roe", ("roe2004", "roe2007"))]
    linkage = link(parse_essay("The media reality of television, as Roe has it, is one of rituals."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["roe2004"]


def test_title_words_name_a_work_whose_coauthors_go_unnamed() -> None:
    bib = """
@article{roe2014, author={Roe, Ann}, title={Nuclear structure systematics revisited}, year={2014}}
@article{roe2011, author={Roe, Ann and Lim, Bo and Kay, Cy}, title={The Isotope Records database and web interface}, year={2011}}
"""
    text = ("The architecture of the Isotope Records database and its web interface is discussed by Roe.\n\n"
            "The systematics were later discussed by Roe.")
    linkage = link(parse_essay(text), parse_bibliography(bib))
    # The first names the database's paper, though Lim and Kay go unnamed; a suggestion, as the people pointed
    # elsewhere. The second shares a word of the solo paper's title: the one that fits the people named stays.
    assert [(lk.claim_id, lk.source_key, lk.status) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s1", "roe2011", "suggested"), ("p2-s1", "roe2014", "confirmed")]


def test_the_by_of_other_languages_appeals_to_a_body_named_alone() -> None:
    bib = """
@report{beirat2012, author={{ARD-Programmbeirat}}, title={Talkformate im Ersten}, year={2012}}
@report{junta2015, author={{Junta-Consultiva}}, title={Informe anual}, year={2015}}
"""
    text = ("So wurde sie vom ARD-Programmbeirat scharf kritisiert.\n\n"
            "El formato fue criticado por Junta-Consultiva en su momento.\n\n"
            "Die Reihe lief neben ARD-Programmbeirat und anderen.")
    linkage = link(parse_essay(text), parse_bibliography(bib))
    # A body's name alone is no appeal to its work unless the words before it say "by" (the last sentence).
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s1", "beirat2012"), ("p2-s1", "junta2015")]


def test_a_body_named_alone_with_words_of_its_title_names_that_work() -> None:
    bib = """
@report{ianus2014, author={{IANUS} and Heinrich, Maurice}, title={IT-Empfehlungen für den Umgang mit digitalen Daten}, year={2014}}
@manual{mongo2020, author={{MongoDB}}, title={MongoDB Manual}, year={2020}}
"""
    text = ("Zur Orientierung schlagen wir die IT-Empfehlungen für digitale Daten des Zentrums, IANUS vor.\n\n"
            "Zur Orientierung dienen Daten des Zentrums, IANUS.\n\n"
            "All records go through the MongoDB query manual first.")
    linkage = link(parse_essay(text), parse_bibliography(bib))
    # Two words of the title besides the body's own name: the body's work; its name alone (the second), or with
    # one word of the title and its own name (the third), names the body or its product.
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s1", "ianus2014")]


def test_a_small_letter_with_a_stop_is_no_initial_of_the_name_before_it() -> None:
    bib = """
@book{oliveira2021, author={Oliveira, Helder}, title={Escravidão e terras de criar gado}, year={2021}}
@book{oliveira1986, author={Oliveira, Ernesto and Galhano, Fernando}, title={Casas esguias do Porto}, year={1986}}
"""
    text = "Os casos do Nordeste foram explorados por Oliveira e Galhano e.\n\nComo escreveu Oliveira A. Galhano."
    linkage = link(parse_essay(text), parse_bibliography(bib))
    # "Galhano e." is Galhano (the Portuguese "and" before a citation), and with Oliveira names their joint work;
    # "Oliveira A. Galhano" gives Galhano a given name that is not his, so it names neither.
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s1", "oliveira1986")]


def test_title_words_all_of_an_authors_works_share_choose_none_of_them() -> None:
    bib = """
@article{wood2004, author={Wood, Simon N.}, title={Stable and Efficient Multiple Smoothing Parameter Estimation for Generalized Additive Models}, year={2004}}
@book{wood2017, author={Wood, Simon N.}, title={Generalized Additive Models: An Introduction with R}, year={2017}}
@manual{wood2023, author={Wood, Simon N.}, title={mgcv: Mixed GAM Computation Vehicle with Automatic Smoothness Estimation}, year={2023}}
@article{wood2003, author={Wood, Simon N.}, title={Thin Plate Regression Splines}, year={2003}}
"""
    text = ("Simon Wood estimated the smoothing of generalized models by cross-validation.\n\n"
            "Simon Wood built thin plate regression splines of low rank.")
    linkage = link(parse_essay(text), parse_bibliography(bib))
    # "smoothing", "estimated", "generalized", "models" are each in the title of another of his works as well:
    # nothing tells which one the first sentence means. The second names words of one title alone.
    assert [(lk.claim_id, lk.source_key, lk.status) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p2-s1", "wood2003", "suggested")]
    assert [m.detail for m in linkage.mentions if m.claim_id == "p1-s1"] == ["one of these entries; nothing here tells which"]


def test_a_stem_with_other_endings_is_the_same_title_word() -> None:
    from litreview.linking.index import same_word

    # German compounds the stemmer cuts at different places are one word; short stems must match whole.
    assert same_word("korpuslinguistisch", "korpuslinguistik") and same_word("diskur", "diskursanalys")
    assert not same_word("smooth", "spline") and not same_word("mode", "model") and not same_word("theor", "thema")


def test_a_person_named_inside_quotation_marks_is_no_authority_of_the_writer() -> None:
    # A term (“Ornstein–Uhlenbeck”) or a quoted writer's own appeal (“..., as Wendt argued”) named an entry's author:
    # each was a confirmed attribution. Outside the marks the same name still is one.
    quoted = run("The quoted report says “power politics cannot arise from anarchy, as Alexander Wendt argued” "
                 "in its summary.")
    assert attributions(quoted) == []
    plain = run("The report says, as Alexander Wendt argued, that power politics cannot arise from anarchy.")
    assert [a[1] for a in attributions(plain)] == ["wendt1995anarchy"]


GERMAN = """
@book{diestel, author={Diestel, Reinhard}, title={Graphentheorie}, year={2006}}
@article{prado, author={Prado, Sandra D. and Dahmen, Silvio R. and Kenna, Ralph}, title={Temporal Network Analysis}, year={2016}}
@book{neumann, author={von Neumann, John}, title={Theory of Games}, year={1944}}
@book{barz11, author={Heiner Barz}, title={Absolventen von Waldorfschulen}, year={2011}}
@book{randoll07, author={Heiner Barz and Dirk Randoll}, title={Absolventen von Waldorfschulen: Eine empirische Studie}, year={2007}}
@book{pfister, author={Pfister, Manfred}, title={Das Drama}, year={2001}}
@book{asmuth, author={Asmuth, Bernhard}, title={Einführung in die Dramenanalyse}, year={2016}}
"""


def _german(text: str) -> list[tuple[str, str]]:
    linkage = link(parse_essay(text), parse_bibliography(GERMAN))
    return [(lk.source_key, lk.evidence) for lk in linkage.links if lk.kind == "attribution"]


def test_von_before_a_name_without_it_says_by() -> None:
    # German capitalises its nouns and its "von" says "by": "Terminus von Diestel" was read as one person's name,
    # "Terminus" a given name that Diestel's is not, and linked nothing.
    assert _german("Wir definieren – dem Terminus von Diestel folgend – eine Wegüberdeckung.") == [
        ("diestel", "Diestel")]
    assert _german("Ob die Methode von Prado et al. etwas beitragen kann, ist offen.") == [("prado", "Prado")]
    # A name whose family name has the particle keeps it; a noun after "von" that no entry's author has stays a noun.
    assert _german("John von Neumann zeigt das Gegenteil.") == [("neumann", "John von Neumann")]
    assert _german("Die Analyse von Graphen folgt dem Terminus der Theorie.") == []


def test_names_joined_by_another_languages_and_are_one_list() -> None:
    # "und" joins two authors as "and" does: the sentence names each (it had named neither, the first opening it).
    assert _german("Pfister und Asmuth etablieren die Analyse der Konfigurationsstruktur.") == [
        ("pfister", "Pfister und Asmuth"), ("asmuth", "Pfister und Asmuth")]


def test_an_and_that_says_in_elsewhere_joins_no_place_to_a_name() -> None:
    # Dutch "en" is French "in", Polish "i" Swedish "in": the place after them is no co-author. "France" was read as
    # a mistyped Franke, linking Pfister and Franke's book, and "Allemagne" was an author with no entry.
    bib = GERMAN + "@book{franke, author={Pfister, Manfred and Franke, Otto}, title={Theater heute}, year={2003}}"
    for text in ("Le théâtre, selon Pfister en France, est un genre.",
                 "Ce modèle, proposé par Pfister en Allemagne, est classique.",
                 "Modellen, föreslagen av Pfister i Frankrike, är klassisk."):
        linkage = link(parse_essay(text), parse_bibliography(bib))
        assert [(lk.source_key, lk.evidence) for lk in linkage.links if lk.kind == "attribution"] == [
            ("pfister", "Pfister")], text
        assert [m.text for m in linkage.mentions if not m.keys] == [], text


def test_a_mistyped_co_author_still_tells_which_work() -> None:
    # "Randall" mistypes Randoll: the study of Barz and Randoll, not the one Barz wrote alone.
    assert _german("Aufgrund der in der Studie von Barz und Randall präsentierten Daten kann man es sagen.") == [
        ("randoll07", "Barz und Randall")]
    # A co-author's name like no author's leaves the work Barz wrote alone.
    assert _german("Aufgrund der in der Studie von Barz und Kessler präsentierten Daten kann man es sagen.") == [
        ("barz11", "Barz und Kessler")]


def test_a_title_in_the_sentence_settles_which_of_an_authors_works() -> None:
    bib = parse_bibliography("""
@book{graphs, author={Trilcke, Peer}, title={Graph Theory for Dramatic Texts}, year={2020}}
@book{social, author={Trilcke, Peer}, title={Social Network Analysis: A Method for Literary Studies}, year={2013}}
""")
    # The words of the sentence favour one work, its title names the other: no guess at the first beside it.
    linkage = link(parse_essay("Graph theory of dramatic texts, or Social Network Analysis (Trilcke), gives more "
                               "insight."), bib)
    assert [(lk.source_key, lk.kind) for lk in linkage.links if lk.kind != "topical"] == [("social", "title")]
    # With no title named, the guess stays, as a suggestion.
    linkage = link(parse_essay("Graph theory of dramatic texts, or network analysis (Trilcke), gives more insight."),
                   bib)
    assert [(lk.source_key, lk.kind, lk.status) for lk in linkage.links if lk.kind != "topical"] == [
        ("graphs", "attribution", "suggested")]


REALISTS = r"""
@book{waltz79, author={Waltz, Kenneth N.}, title={Theory of International Politics}, year={1979}}
@book{waltz59, author={Waltz, Kenneth N.}, title={Man, the State, and War}, year={1959}}
@book{keohane84, author={Keohane, Robert O.}, title={After Hegemony: Cooperation and Discord in the World Political
  Economy}, year={1984}}
@book{jervis76, author={Jervis, Robert}, title={Perception and Misperception in International Politics}, year={1976}}
@article{pfister15, author={Pfister, Ulrich}, title={Economic Growth in Germany}, journal={J}, year={2015}}
@article{pf19, author={Pfister, Ulrich and Franke, Bernd}, title={Prices and Wages}, journal={J}, year={2019}}
"""


def _realists(text: str) -> list[tuple[str, str]]:
    linkage = link(parse_essay(text), parse_bibliography(REALISTS))
    return [(lk.source_key, lk.status) for lk in linkage.links if lk.kind == "attribution"]


def test_a_possessive_written_after_an_added_s_names_the_author() -> None:
    # "Keohanes’ argument": the possessive of Keohane written as if the name ended in s; "Jervis’" is Jervis's.
    assert _realists("Keohanes’ argument about institutions is well known.") == [("keohane84", "confirmed")]
    assert _realists("Keohanes' argument about institutions is well known.") == [("keohane84", "confirmed")]
    assert _realists("Jervis' argument about perception is well known.") == [("jervis76", "confirmed")]


def test_a_year_in_the_sentence_settles_which_of_an_authors_works() -> None:
    assert _realists("Waltz's 1979 book argues that anarchy matters.") == [("waltz79", "confirmed")]
    assert _realists("In 1959, Waltz argued that war has three images.") == [("waltz59", "confirmed")]
    # Nothing tells which of his works: no link.
    assert _realists("Waltz argues that anarchy shapes the system.") == []
    # A year neither work has tells nothing.
    assert _realists("In 1990, Waltz argued that anarchy shapes the system.") == []


def test_title_words_in_the_sentence_suggest_one_of_an_authors_works_and_overrule_a_year() -> None:
    # A sentence on an author's topic shares words with his titles: they suggest a work, never confirm it.
    assert _realists("Waltz's theory of international politics explains the balance.") == [("waltz79", "suggested")]
    assert _realists("In 1959, Waltz's theory of international politics was not yet written.") == [
        ("waltz79", "suggested")]


def test_a_place_the_document_names_is_no_mistyped_co_author() -> None:
    # "France" is one letter from Franke, but the document names the country throughout: Pfister's and France's
    # figures are not Pfister and Franke's study, unless the sentence prints that study's year.
    text = ("Prices rose in France after the war. France grew faster than its neighbours.\n\n"
            "The series of Pfister and France show the same trend. Trade with France fell.")
    assert ("pf19", "confirmed") not in _realists(text)
    assert _realists(text.replace("show the same", "show in 2019 the same")) == [("pf19", "confirmed")]
    # A word the document writes in lower case elsewhere is no mistyped name either.
    text = "The green party won. The figures of Pfister and Green show it."
    assert ("pf19", "confirmed") not in _realists(text)


def test_a_name_in_an_institutions_possessive_is_no_person() -> None:
    # "Lund: King's College London" (an affiliation) was an attribution to an entry King wrote, confirmed: a
    # possessive before a capitalised word read as "King's Theory". A college, university or hospital named after a
    # person names no author.
    for place in ("Wendt's College London", "Martin's University", "St Paul's Hospital", "Bush’s School of Law",
                  "Kant's Institute"):
        linkage = run(f"She trained at {place} before the war.")
        assert attributions(linkage) == [], place
    # the close case: a work of the person's, or a capitalised title after the possessive
    assert attributions(run("She followed Martin's Democratic Commitments closely.")) == [
        ("p1-s1", "martin1999", "Martin", "confirmed")]
    assert attributions(run("She followed Martin's theory closely.")) == [("p1-s1", "martin1999", "Martin", "confirmed")]


def test_one_word_of_one_of_an_authors_many_titles_written_once_chooses_none_of_them() -> None:
    # "property", once, in a quotation of Rao's: one shared word is too little to tell which of his four works the
    # sentence means (the work the author cited there was another). Two words of one title still choose it.
    bib = parse_bibliography(
        "@incollection{rao1, author={Rao, Ian}, title={Feudalism and Landed Property}, booktitle={Works}, year={2012}}\n"
        "@incollection{rao2, author={Rao, Ian}, title={End of the Line}, booktitle={Works}, year={2012}}\n"
        "@incollection{rao3, author={Rao, Ian}, title={Problems of Reform}, booktitle={Works}, year={2012}}\n"
        "@incollection{rao4, author={Rao, Ian}, title={Crisis and Metropolis}, booktitle={Works}, year={2012}}\n")
    one = link(parse_essay("According to Rao, “the democratic way, dividing estates into small property, spurs "
                           "investment”."), bib)
    assert [lk.source_key for lk in one.links if lk.kind == "attribution"] == []
    two = link(parse_essay("According to Rao, feudalism shaped landed property in the colony."), bib)
    assert [lk.source_key for lk in two.links if lk.kind == "attribution"] == ["rao1"]


def test_one_word_of_one_of_two_titles_still_chooses_that_work() -> None:
    # Of two works, the one whose title holds "funders" is the one "as Carothers points out ... funders" means.
    bib = parse_bibliography(
        "@article{c1, author={Carothers, Thomas}, title={Democracy Aid at 25}, year={2015}}\n"
        "@book{c2, author={Carothers, Thomas}, title={The Closing Space Challenge: How Are Funders Responding?},"
        " year={2015}}\n")
    linkage = link(parse_essay("As Carothers points out, scaling back shows when funders depart."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["c2"]


def test_one_word_of_one_of_three_titles_still_chooses_that_work() -> None:
    bib = parse_bibliography(
        "@article{n1, author={Neumayer, Eric}, title={Do Human Rights Matter in Bilateral Aid?}, year={2003}}\n"
        "@article{n2, author={Neumayer, Eric}, title={The Determinants of Aid by Development Banks}, year={2003}}\n"
        "@book{n3, author={Neumayer, Eric}, title={The Pattern of Aid Giving}, year={2003}}\n")
    linkage = link(parse_essay("Neumayer finds that low regulatory burden counts in determining the amount of aid."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["n2"]


def test_a_list_of_people_who_are_not_the_entrys_co_authors_does_not_confirm_it() -> None:
    # "... von Sophie Charlotte Schmidt, Kai-Christian Bruhn und Siegmund Freud" (people who raised a question at a
    # workshop) was a confirmed attribution to Schmidt and Marwick's paper: the list names others, not its authors.
    bib = parse_bibliography(
        "@article{schmidt2020, author={Schmidt, Sophie C. and Marwick, Ben}, title={Tool-Driven Revolutions}, year={2020}}\n"
        "@book{roe2019, author={Roe, Ann}, title={Software}, year={2019}}\n")
    text = ("Die Frage stellten in der Archäologie von Sophie Charlotte Schmidt, Kai-Christian Bruhn und Siegmund "
            "Freud. Software ist gut [@roe2019].")
    assert [lk for lk in link(parse_essay(text), bib).links if lk.kind == "attribution"] == []
    # In a document citing by no markers it is a suggestion at most, its evidence the names as written.
    text = "Die Frage stellten in der Archäologie von Sophie Charlotte Schmidt, Kai-Christian Bruhn und Siegmund Freud."
    links = [lk for lk in link(parse_essay(text), bib).links if lk.kind == "attribution"]
    assert [(lk.source_key, lk.status, lk.evidence) for lk in links] == [
        ("schmidt2020", "suggested", "Sophie Charlotte Schmidt, Kai-Christian Bruhn und Siegmund Freud")]
    # Naming the co-author, or only the author, still confirms it.
    for text in ("Sophie Charlotte Schmidt und Ben Marwick zeigen, dass Werkzeuge Revolutionen auslösen.",
                 "Sophie C. Schmidt argues that tools drive revolutions."):
        links = [lk for lk in link(parse_essay(text), bib).links if lk.kind == "attribution"]
        assert [(lk.source_key, lk.status) for lk in links] == [("schmidt2020", "confirmed")]


def test_a_bare_surname_of_a_later_author_of_a_long_list_is_no_link() -> None:
    # "bis zu einem gewissen Grad" (to a certain degree) was linked to Anzt et al. through its 4th author Grad.
    anzt = ("@article{anzt2020, author={Anzt, Hartwig and Bach, Felix and Druskat, Stephan and Grad, Jean-Noël and "
            "Hermann, Sibylle}, title={An Environment for Sustainable Research Software}, year={2020}}\n")
    bib_late = parse_bibliography(anzt)
    bib = parse_bibliography(anzt + "@book{grad2001, author={Grad, Mara}, title={Tides}, year={2001}}\n")
    text = "Die Qualität ist also bis zu einem gewissen Grad an der Nutzbarkeit zu messen."
    assert [lk.source_key for lk in link(parse_essay(text), bib_late).links if lk.kind == "attribution"] == []
    # The lead author's bare surname still is one, and so is the later author's with a cue.
    assert [lk.source_key for lk in link(parse_essay(text), bib).links if lk.kind == "attribution"] == ["grad2001"]
    text = "Quality, as Grad argues, must be measured."
    assert [lk.source_key for lk in link(parse_essay(text), bib_late).links if lk.kind == "attribution"] == ["anzt2020"]


def test_words_of_two_of_an_authors_titles_choose_neither() -> None:
    # "Castillo, et. al señalan que ... el origen social (la clase social o el estatus) y las creencias culturales":
    # "clase", "social" and "estatus" are words of "Todos Somos Clase Media: Sobre El Estatus Social", "creencias"
    # of "Educación, Equidad y Creencias Distributivas", the work the sentence cited. Words of two titles are the
    # author's topics, no naming of one work: no link (Todos was suggested).
    bib = parse_bibliography(
        "@article{todos, author={Castillo, Juan and Miranda, Daniel}, title={Todos Somos Clase Media: Sobre El Estatus"
        " Social Subjetivo En Chile}, year={2013}}\n"
        "@article{edu, author={Castillo, Juan and Madero, Ignacio}, title={Educación, Equidad y Creencias"
        " Distributivas}, year={2013}}\n")
    text = ("Asimismo, Castillo, et. al señalan que la percepción es sesgada por el origen social (la clase social o "
            "el estatus) y las creencias culturales.")
    linkage = link(parse_essay(text), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == []
    # the close case: words of one title alone still suggest it
    linkage = link(parse_essay(text.replace("las creencias", "las normas")), bib)
    assert [(lk.source_key, lk.status) for lk in linkage.links if lk.kind == "attribution"] == [("todos", "suggested")]


def test_a_name_given_to_a_formula_or_process_links_only_a_work_its_bearer_wrote_alone() -> None:
    # "Black's formula", "Cox processes": a thing named after a person, whose work on it is one they wrote alone. A
    # Cox process is David Cox's, not John Cox's of "Black and Cox": it was a confirmed link to that paper. Black's
    # own paper is still the one "Black's formula" names, and an appeal to the person still links ("Black argues").
    bib = parse_bibliography(
        "@article{black1976, author={Black, Fischer}, title={The pricing of commodity contracts}, year={1976}}\n"
        "@article{blackcox, author={Black, Fischer and Cox, John C.}, title={Valuing corporate securities}, "
        "year={1976}}\n")
    text = ("Traders used Black’s formula to quote volatility. "
            "Intensity may be modeled by either Poisson or Cox processes. "
            "Black argues that futures prices follow a random walk.")
    linkage = link(parse_essay(text), bib)
    assert [(lk.claim_id, lk.source_key) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p1-s1", "black1976"), ("p1-s3", "black1976")]
    # the close case: Cox named as a person, with a reporting verb, is the co-author's appeal
    linkage = link(parse_essay("Cox argues that intensity matters."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["blackcox"]


def test_an_initial_at_the_end_of_a_misfiled_family_name_is_no_name() -> None:
    # "Roe K., Doe E., Poe M." (names written with their initials after them, commas for "and") reads as one person
    # whose family name is "Roe K.": a lone "K." in the prose is an initial of someone else, never that entry's
    # author, while "Roe" alone still names her.
    bib = parse_bibliography("@book{roe, author={Roe K., Doe E., Poe M.}, title={Company law}, year={2015}}")
    linkage = link(parse_essay("The best known of them was the president K.\n\nAmong the lawyers, Roe argues the "
                               "opposite."), bib)
    assert [(lk.claim_id, lk.source_key, lk.evidence) for lk in linkage.links if lk.kind == "attribution"] == [
        ("p2-s1", "roe", "Roe")]


def test_a_surname_after_a_place_preposition_with_no_reporting_verb_is_no_attribution() -> None:
    # "Wages in Portugal rose": a country that is also a co-author's surname (Cardoso and Portugal), read as the place.
    bib = parse_bibliography("@article{cardoso2015, author={Cardoso, Ana Rute and Portugal, Pedro}, title={Contractual"
                             " wages and the wage cushion}, year={2015}}\n")
    for text in ("Wages in Portugal rose after the reform.", "Exports from Portugal fell.",
                 "Migration to Portugal grew across the decade.", "Firms across Portugal cut pay."):
        linkage = link(parse_essay(text), bib)
        assert [lk for lk in linkage.links if lk.kind == "attribution" and lk.status == "confirmed"] == [], text
    linkage = link(parse_essay("Wages rose after the reform, as Portugal shows."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["cardoso2015"]
    bib = parse_bibliography("@article{berry1998, author={Berry, William and Ringquist, Evan and Fording, Richard},"
                             " title={Measuring citizen and government ideology}, year={1998}}\n")
    linkage = link(parse_essay("Ideology measures from Berry et al. are unavailable for the period."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["berry1998"]


def test_blanks_after_a_name_are_read_in_linear_time() -> None:
    # "\\s*(?:,|\\()?\\s*pers. comm." split a run of blanks after a name both ways: 6 s for 20,000 blanks.
    import time

    from litreview.linking.attribution import _TOLD_AFTER

    start = time.perf_counter()
    assert _TOLD_AFTER.match("Drake" + " " * 40_000 + "x", 5) is None
    assert time.perf_counter() - start < 1.0
    assert [bool(_TOLD_AFTER.match(t, 5)) for t in ("Drake (pers. comm.)", "Drake et al. unpublished",
                                                      "Drake et al., pers. comm.", "Drake argues")] == [
        True, True, True, False]


def test_people_named_for_unpublished_work_are_not_cited() -> None:
    # "(Drake et al., unpublished)": a work not in the bibliography, whatever else Drake wrote.
    bib = parse_bibliography("@article{drake2013, author={Drake, Andrew J. and Graham, Matthew}, title={Optical"
                             " variability of quasars}, year={2013}}\n")
    for text in ("The light curves were filtered (Drake et al., unpublished).",
                 "The light curves were filtered (Drake et al., in prep.).",
                 "The fits were done by hand (Drake, in preparation).",
                 "The light curves were filtered (Drake et al. submitted) before the fits."):
        linkage = link(parse_essay(text), bib)
        assert [lk for lk in linkage.links if lk.kind == "attribution"] == [], text
    linkage = link(parse_essay("The light curves were filtered as Drake describes."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["drake2013"]
    linkage = link(parse_essay("The filter was later submitted by Drake for review."), bib)
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["drake2013"]


def test_a_later_co_author_named_alone_is_never_a_confirmed_link() -> None:
    # "Thesis Supervisor: Professor Tymofii Brik": Brik is the second of Ruggeri et al.'s many authors; a title page's
    # name relies on no work, and a later co-author named alone names the work less surely than its lead does.
    bib = parse_bibliography("@article{ruggeri2022, author={Ruggeri, Kai and Brik, Tymofii and Smith, John and Doe,"
                             " Jane and Roe, Rich}, title={Wage theory}, year={2022}}\n")
    linkage = link(parse_essay("Thesis Supervisor: Professor Tymofii Brik"), bib)
    assert [lk for lk in linkage.links if lk.kind == "attribution"] == []
    linkage = link(parse_essay("Tymofii Brik argues that wages rose."), bib)
    assert [(lk.source_key, lk.status) for lk in linkage.links if lk.kind == "attribution"] == [
        ("ruggeri2022", "suggested")]
    linkage = link(parse_essay("Kai Ruggeri argues that wages rose."), bib)
    assert [(lk.source_key, lk.status) for lk in linkage.links if lk.kind == "attribution"] == [
        ("ruggeri2022", "confirmed")]


_AUTHOR_DATE_BIB = ("@article{rutzen2015, author = {Rutzen, Douglas}, title = {Authoritarianism Goes Global},"
                    " journal = {International Journal of Not-for-Profit Law}, year = {2015}}\n"
                    "@article{bush2016, author = {Bush, Sarah}, title = {Civil Society Support},"
                    " journal = {Democratization}, year = {2016}}\n")


def test_words_that_name_no_person_are_no_authority_without_an_entry() -> None:
    # A paper citing author-date, its prose read for the people it appeals to: "Many states have enacted" (a
    # quantifier before "states"), "dealing with NGOs" (an acronym's plural), "the Color Revolutions" (a thing's
    # name after an article), "with U.S. government preferences" (initials alone) were each LR302 "invoked as an
    # authority but has no entry"; a person named so still is.
    text = ("Many states have enacted legal restrictions against NGOs (Rutzen 2015).\n\n"
            "States adopt restrictions when dealing with NGOs posing threats (Rutzen 2015).\n\n"
            "The institute moved its program to Lithuania following the Color Revolutions (Bush 2016).\n\n"
            "Local programs do not conflict with U.S. government preferences (Bush 2016).\n\n"
            "Several argue that restrictions are spreading (Bush 2016).\n\n"
            "As Hans Morgenthau argued, power is central (Bush 2016).\n\n"
            "According to Waltz, the system is anarchic (Bush 2016).\n")
    linkage = link(parse_essay(text), parse_bibliography(_AUTHOR_DATE_BIB))
    assert [m.text for m in linkage.mentions if m.kind == "author" and not m.keys] == ["Hans Morgenthau", "Waltz"]


def test_a_family_name_that_is_also_a_quantifier_still_names_its_author() -> None:
    # Stephen Few, cited at a sentence's start: "Few" reads as a quantifier, not as a word that never names anyone.
    bib = "@book{few2009, author = {Few, Stephen}, title = {Now You See It}, publisher = {Analytics Press}, year = {2009}}\n"
    linkage = link(parse_essay("Few argues that dashboards fail their readers.\n"), parse_bibliography(bib))
    assert [lk.source_key for lk in linkage.links if lk.kind == "attribution"] == ["few2009"]
