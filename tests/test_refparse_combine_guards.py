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


ROE = (Person(family="Doe", given="Jane"), Person(family="Roe", given="Rita"))


def test_a_rules_title_opening_with_the_year_printed_once_keeps_the_models_title_whole_cut_or_run_on():
    # IOP's year printed before the title, the rules running the title on over the journal and its numbers
    raw = "Doe J and Roe R 1998 Herons of the coast Bird Studies 12 3–9"
    crf = ParsedReference(raw=raw, authors=ROE, year="1998", title="Herons of the coast", container="Bird Studies",
                          volume="12", pages="3–9", uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=ROE, year="1998", title="1998 Herons of the coast Bird Studies 12 3–9",
                            uncertain=("year",))
    assert combine(crf, rules).title == "Herons of the coast"
    # the rules cutting the title at its question mark
    raw = "Doe J and Roe R 1998 Why herons? A survey of the coast Bird Studies 12 3–9"
    crf = crf.replace(raw=raw, title="Why herons? A survey of the coast")
    rules = rules.replace(raw=raw, title="1998 Why herons?")
    assert combine(crf, rules).title == "Why herons? A survey of the coast"


def test_names_the_rules_read_into_the_title_before_a_dash_or_a_comma_leave_the_models_names_and_title():
    # NP 405's spaced dash between the names and the title; the rules read the last given name into the title
    raw = "DOE, Jane; ROE, Rita - Herons of the coast. Lisboa : Azul, 2001."
    crf = ParsedReference(raw=raw, authors=ROE, year="2001", title="Herons of the coast", publisher="Azul",
                          place="Lisboa", uncertain=("authors", "title"))
    rules = ParsedReference(raw=raw, authors=(Person(family="Doe", given="Jane"), Person(family="Roe")), year="2001",
                            title="Rita - Herons of the coast", publisher="Azul", place="Lisboa")
    out = combine(crf, rules)
    assert (out.title, out.authors) == ("Herons of the coast", ROE)
    # a label printed before the names, read with them and the journal into the title
    raw = "Doe u. a. 2012 J. Doe – R. Roe, Herons of the coast, Bird Studies 12, 2012, 3–9"
    crf = ParsedReference(raw=raw, authors=(Person(family="Doe", given="J."), Person(family="Roe", given="R.")),
                          year="2012", title="Herons of the coast", container="Bird Studies", volume="12",
                          pages="3–9", uncertain=("title",))
    rules = ParsedReference(raw=raw, title=raw, uncertain=("type", "year"))
    assert combine(crf, rules).title == "Herons of the coast"
    # a title that opens with a word of the names, no comma or dash after it, is the title: the rules' is taken
    raw = "Doe, Jane, Jane Austen at sea, 2001."
    crf = ParsedReference(raw=raw, authors=DOE, year="2001", title="Austen at sea", uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=DOE, year="2001", title="Jane Austen at sea")
    assert combine(crf, rules).title == "Jane Austen at sea"


def test_a_title_the_rules_ran_on_over_the_journal_and_its_numbers_is_the_models():
    raw = "Doe J., Herons of the coast, „Bird Studies” 2001, t. 12, s. 3-9."
    crf = ParsedReference(raw=raw, authors=DOE, year="2001", title="Herons of the coast", container="Bird Studies",
                          volume="12", pages="3-9", uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=DOE, year="2001", title="Herons of the coast, „Bird Studies” 2001, t. 12, "
                            "s. 3-9", uncertain=("year",))
    assert combine(crf, rules).title == "Herons of the coast"
    # the container's words closing the rules' title with nothing after them may be the title's end: the rules' title
    ended = rules.replace(title="Herons of the coast, Bird Studies")
    assert combine(crf, ended).title == "Herons of the coast, Bird Studies"


def test_a_span_of_years_closing_the_models_title_is_the_titles_unless_it_holds_the_date():
    raw = "Doe, Jane, Harbours of the north: Trade in Bergen, 1850–1914, 2001."
    crf = ParsedReference(raw=raw, authors=DOE, year="2001", title="Harbours of the north: Trade in Bergen, 1850–1914",
                          uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=DOE, year="2001", title="Harbours of the north: Trade in Bergen")
    assert combine(crf, rules).title == "Harbours of the north: Trade in Bergen, 1850–1914"
    # a span that ends with the reference's year is its date (a work published over years)
    dated = crf.replace(raw="Doe, Jane, Collected letters, 1998–2001.", title="Collected letters, 1998–2001")
    assert combine(dated, rules.replace(raw=dated.raw, title="Collected letters")).title == "Collected letters"


def test_a_rules_title_made_of_the_models_names_joined_by_a_slash_or_a_connective_is_no_title():
    silva = Person(family="Silva", given="Ana", prefix="da")
    names = (DOE[0], silva, Person(family="Roe", given="Rita"))
    raw = "Doe, Jane/ Silva, Ana da/ Roe, Rita, Herons of the coast, 2001."
    crf = ParsedReference(raw=raw, authors=names, year="2001", title="Herons of the coast", uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=(Person(family="Doe", given="Jane/ Silva"),), year="2001",
                            title="Ana da/ Roe", publisher="Rita, Herons of the coast")
    assert combine(crf, rules).title == "Herons of the coast"
    # one name's words alone, given name first, may be the title the model read as a name: the rules' title is taken
    raw = "Doe J., Herons of the coast, 2001."
    odd = ParsedReference(raw=raw, authors=(DOE[0], Person(family="coast", given="Herons of the")), year="2001",
                          title="2001", uncertain=("title",))
    read = ParsedReference(raw=raw, authors=DOE, year="2001", title="Herons of the coast")
    assert combine(odd, read).title == "Herons of the coast"


def test_the_first_word_of_the_title_read_as_one_more_name_is_not_taken_with_the_rules_names():
    raw = "Jane Doe et Rita Roe, Security and trust, Azul, 2005."
    crf = ParsedReference(raw=raw, authors=ROE, year="2005", title="Security and trust", publisher="Azul",
                          uncertain=("authors",))
    rules = ParsedReference(raw=raw, authors=(*ROE, Person(family="Security")), year="2005", publisher="Azul",
                            uncertain=("title",))
    assert combine(crf, rules).authors == ROE
    # the model's title a name the rules read, given name first: the model's names cut short, the rules' taken
    crf = crf.replace(authors=(*ROE, Person(family="S.")), title="Smith", uncertain=("authors", "title"))
    rules = ParsedReference(raw=raw, authors=(*ROE, Person(family="Smith", given="S.")), year="2005",
                            title="Security and trust", publisher="Azul")
    assert combine(crf, rules).title == "Security and trust"


def test_a_body_whose_name_runs_over_a_quote_or_a_dash_into_the_title_is_not_the_rules():
    body = (Person(family="Heron Society"),)
    raw = "Heron Society, ‘HERONS: Birds of the Coast’ (2018) 4 Bird Studies"
    crf = ParsedReference(raw=raw, authors=body, year="2018", title="HERONS: Birds of the Coast", uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=(Person(family="Heron Society, ‘HERONS"),),
                            title="Birds of the Coast’ (2018) 4 Bird Studies", uncertain=("year",))
    out = combine(crf, rules)
    assert (out.title, out.authors) == ("HERONS: Birds of the Coast", body)
    raw = "HERON SOCIETY - HERONS: Birds of the coast. Bird Studies. 4 (2018)."
    crf = ParsedReference(raw=raw, authors=(Person(family="HERON SOCIETY"),), year="2018",
                          title="HERONS: Birds of the coast", container="Bird Studies", volume="4")
    rules = ParsedReference(raw=raw, authors=(Person(family="HERON SOCIETY - HERONS"),), year="2018",
                            title="Birds of the coast", container="Bird Studies", volume="4")
    assert combine(crf, rules).title == "HERONS: Birds of the coast"


def test_an_unknown_place_opens_no_title():
    raw = "DOE, Jane - Herons. [S.l.] : Azul, 2012"
    crf = ParsedReference(raw=raw, authors=DOE, year="2012", title="Herons", publisher="Azul", uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=DOE, year="2012", title="[S.l.] : Azul, jul")
    assert combine(crf, rules).title == "Herons"


def test_a_title_the_rules_read_from_its_and_on_past_its_end_is_the_models_with_its_names():
    # the rules read the title's first word as a name and ran the rest on over the journal
    raw = "Doe J., Herons and the sea, „Bird Studies” 1933, t. 9, s. 4-6."
    crf = ParsedReference(raw=raw, authors=DOE, year="1933", title="Herons and the sea", container="Bird Studies",
                          uncertain=("authors", "title"))
    rules = ParsedReference(raw=raw, authors=(*DOE, Person(family="Herons")), year="1933",
                            title="and the sea, „Bird Studies” 1933, t. 9, s. 4-6")
    out = combine(crf, rules)
    assert (out.title, out.authors) == ("Herons and the sea", DOE)


def test_a_subtitle_printed_after_a_full_stop_stays_in_the_title_the_crf_read_on_over_it():
    raw = "Doe, Jane. 2009. Rivers of Glass. Eine Geschichte der Kanäle und Häfen. Harbour Press."
    crf = ParsedReference(raw=raw, type="book", authors=DOE, year="2009",
                          title="Rivers of Glass. Eine Geschichte der Kanäle und Häfen", publisher="Harbour Press",
                          uncertain=("title",))
    rules = ParsedReference(raw=raw, type="book", authors=DOE, year="2009", title="Rivers of Glass",
                            publisher="Harbour Press")
    assert combine(crf, rules).title == "Rivers of Glass. Eine Geschichte der Kanäle und Häfen"
    # a journal's name the CRF ran the title on over is the rules' to cut
    journal = "Doe, Jane. 2009. Rivers of Glass. Annals of the Harbour Society 4: 1–9."
    ran_on = ParsedReference(raw=journal, type="article", authors=DOE, year="2009",
                             title="Rivers of Glass. Annals of the Harbour", container="Society", volume="4",
                             uncertain=("title",))
    cut = ParsedReference(raw=journal, type="article", authors=DOE, year="2009", title="Rivers of Glass",
                          container="Annals of the Harbour Society", volume="4")
    assert combine(ran_on, cut).title == "Rivers of Glass"
    # so is a title run on into the first words of a name with no stop before the rest ("… Harbour | Press")
    into = "Doe, Jane. 2009. Rivers of Glass. Kanäle und Häfen Harbour Press."
    ran_into = ParsedReference(raw=into, type="book", authors=DOE, year="2009",
                               title="Rivers of Glass. Kanäle und Häfen Harbour", publisher="Press",
                               uncertain=("title",))
    assert combine(ran_into, cut.replace(raw=into, container="", publisher="Kanäle und Häfen Harbour Press")
                   ).title == "Rivers of Glass"
    # a report's kind and number the CRF ran the title on over are no subtitle
    report = "Doe, Jane. Rivers of Glass. Technical Report TU Harbour rr-02-92, Harbour University, 1993."
    as_report = ParsedReference(raw=report, type="techreport", authors=DOE, year="1993",
                                title="Rivers of Glass. Technical Report TU Harbour rr-02-92",
                                publisher="Harbour University", uncertain=("title",))
    assert combine(as_report, cut.replace(raw=report, container="", volume="")).title == "Rivers of Glass"


def test_a_description_in_brackets_after_the_title_is_no_part_of_it():
    raw = "Doe, J. (2012, July 25). Harbours in winter [Text]. Retrieved May 8, 2022, from http://example.org/a"
    crf = ParsedReference(raw=raw, authors=DOE, year="2012", title="Harbours in winter", note="[Text]",
                          uncertain=("title",))
    rules = ParsedReference(raw=raw, authors=DOE, year="2012", title="Harbours in winter [Text]")
    assert combine(crf, rules).title == "Harbours in winter"
    # a bracket holding a number is the title's ("[Ru(bpy)3]")
    numbered = rules.replace(title="Harbours in winter [Part 2]")
    assert combine(crf, numbered).title == "Harbours in winter [Part 2]"
