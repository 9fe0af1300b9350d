"""Where the combination keeps the CRF's reading against the sure rules' (``refparse.combine``): readings made up here,
each as the two parsers give such a string, so the rule is tested whatever the model reads."""

from __future__ import annotations

from litreview.bibliography.refparse.combine import combine
from litreview.bibliography.refparse.reference import ParsedReference
from litreview.model import Person

DOE = (Person(family="Doe", given="Jane"),)


def test_a_title_cut_where_the_rules_read_its_subtitle_as_the_publisher_stays_whole_beside_a_journal():
    raw = "Doe, Jane. 2019. Rivers of Glass. Water in the City. Urban Studies Quarterly 12: 3–9."
    crf = ParsedReference(raw=raw, type="article", authors=DOE, year="2019", title="Rivers of Glass. Water in the City",
                          container="Urban Studies Quarterly", volume="12", pages="3–9", uncertain=("title",))
    rules = ParsedReference(raw=raw, type="book", authors=DOE, year="2019", title="Rivers of Glass",
                            publisher="Water in the City. Urban Studies Quarterly 12")
    assert combine(crf, rules).title == "Rivers of Glass. Water in the City"
    # with no container nor publisher of the CRF's, the title it ran on over the publisher is the rules' to cut
    book = "Doe, Jane. 2019. Rivers of Glass. Harbour Press."
    ran_on = ParsedReference(raw=book, type="book", authors=DOE, year="2019", title="Rivers of Glass. Harbour Press",
                             uncertain=("title",))
    cut = ParsedReference(raw=book, type="book", authors=DOE, year="2019", title="Rivers of Glass",
                          publisher="Harbour Press")
    assert combine(ran_on, cut).title == "Rivers of Glass"


def test_a_name_the_rules_read_as_the_title_and_the_title_as_the_publisher_is_no_title():
    raw = "Lakeside Heron Society. 2020. Counting the Herons. Annual Notes."
    body = (Person(family="Lakeside Heron Society"),)
    crf = ParsedReference(raw=raw, authors=body, year="2020", title="Counting the Herons", container="Annual Notes",
                          uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=(Person(family="Lakeside Heron"),), year="2020", title="Society",
                            publisher="Counting the Herons")
    assert combine(crf, rules).title == "Counting the Herons"


def test_a_title_sentence_is_taken_from_the_container_only_where_the_readings_agree_where_it_starts():
    raw = "Doe, Jane. 2018. Salt and Stone. Essays on Coasts. Marine Letters 4: 1–2."
    crf = ParsedReference(raw=raw, type="article", authors=DOE, year="2018", title="Salt and Stone",
                          container="Essays on Coasts. Marine Letters", volume="4", pages="1–2")
    agreeing = ParsedReference(raw=raw, authors=DOE, year="2018", title="Salt and Stone. Essays on Coasts",
                               container="Marine Letters")
    both = combine(crf, agreeing)
    assert (both.title, both.container) == ("Salt and Stone. Essays on Coasts", "Marine Letters")
    # the rules read another container: the CRF, sure of its title, keeps its reading
    other = ParsedReference(raw=raw, authors=DOE, year="2018", title="Salt and Stone. Essays on Coasts",
                            container="Marine")
    kept = combine(crf, other)
    assert (kept.title, kept.container) == ("Salt and Stone", "Essays on Coasts. Marine Letters")
    # where the CRF doubts its title, the rules' sentence is taken as before
    doubted = combine(crf.replace(uncertain=("title",)), other)
    assert (doubted.title, doubted.container) == ("Salt and Stone. Essays on Coasts", "Marine Letters")


def test_a_one_word_name_closed_by_its_stop_is_a_short_title_where_the_crf_read_none():
    raw = "Roe R, Poe P, et al. Quillwork. 2021. Software."
    crf = ParsedReference(raw=raw, authors=(Person(family="Roe", given="R"), Person(family="Poe", given="P")),
                          year="2021", note="Software")
    rules = crf.replace(title="Quillwork")
    assert combine(crf, rules).title == "Quillwork"
    # a journal's word, a number or the CRF's own container is no such title
    for word, container in (("Lett", ""), ("Quillwork", "Quillwork")):
        text = raw.replace("Quillwork", word)
        mine = crf.replace(raw=text, container=container)
        assert combine(mine, mine.replace(title=word)).title == ""


def test_a_name_printed_alone_before_its_link_or_a_repositorys_name_is_a_title_where_the_model_read_none():
    # MDPI's "Torvalds, L. GIT Available online: https://…" and a code repository's "ncbi/sra-tools. NCBI, 2021": where
    # the model read no title, the rules' one word is taken, as a name closed by its stop is ("Doe J. MetPy. 2016.")
    for raw, title in (("11. Torvalds, L. GIT Available online: https://git-scm.com/docs (accessed on 5 January 2019).",
                        "GIT"),
                       ("5 ncbi/sra-tools. NCBI - National Center for Biotechnology Information, 2021.",
                        "ncbi/sra-tools")):
        crf = ParsedReference(raw=raw, authors=DOE)
        rules = ParsedReference(raw=raw, authors=DOE, title=title)
        assert combine(crf, rules).title == title
    # a word printed with no stop or link after it is a slight title still ("Nano Lett. 2010, 10, 1082": "10")
    raw = "Doe, J. GIT 2019, 4, 12."
    assert combine(ParsedReference(raw=raw, authors=DOE), ParsedReference(raw=raw, authors=DOE, title="GIT")).title == ""


def test_an_abbreviated_journal_name_is_not_split_at_its_abbreviations_stops():
    # ISO 4 abbreviations ("J. Chem. Phys.", "Mon. Not. R. Astron. Soc.") close each word with a stop: none ends a
    # sentence of the title, whatever the rules read
    raw = "Roe, R.: Efficient numerical integration schemes, J. Chem. Phys., 102, 346–354, 1995."
    roe = (Person(family="Roe", given="R."),)
    crf = ParsedReference(raw=raw, type="article", authors=roe, year="1995",
                          title="Efficient numerical integration schemes", container="J. Chem. Phys.", volume="102",
                          pages="346–354")
    rules = ParsedReference(raw=raw, type="article", authors=roe, year="1995",
                            title="Efficient numerical integration schemes, J. Chem", container="Phys.", volume="102",
                            pages="346–354")
    both = combine(crf, rules)
    assert (both.title, both.container) == ("Efficient numerical integration schemes", "J. Chem. Phys.")
    astro = "Roe, R., «A new code», Mon. Not. R. Astron. Soc., vol. 364, 2005, pp. 1105–1134."
    crf = ParsedReference(raw=astro, type="article", authors=roe, year="2005", title="A new code",
                          container="Mon. Not. R. Astron. Soc.", volume="364", pages="1105–1134")
    rules = crf.replace(title="A new code», Mon. Not. R. Astron", container="Soc.")
    assert combine(crf, rules).container == "Mon. Not. R. Astron. Soc."


def test_a_title_sentence_is_taken_from_the_container_only_where_the_rules_title_opens_as_the_crfs():
    # the rules ran a name's initial into the title ("G.: Title, Journal"): their title does not open as the CRF's does
    raw = "Roe, R. G.: Functional equivalence of maps, Journal of Spatial Psychology. Learning and Memory, 30, 1–9, 2004."
    roe = (Person(family="Roe", given="R. G."),)
    crf = ParsedReference(raw=raw, type="article", authors=roe, year="2004", title="Functional equivalence of maps",
                          container="Journal of Spatial Psychology. Learning and Memory", volume="30", pages="1–9")
    rules = crf.replace(authors=(Person(family="Roe", given="R."),),
                        title="G.: Functional equivalence of maps, Journal of Spatial Psychology",
                        container="Learning and Memory")
    both = combine(crf, rules)
    assert (both.title, both.container) == ("Functional equivalence of maps",
                                            "Journal of Spatial Psychology. Learning and Memory")
