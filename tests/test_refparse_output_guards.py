"""What the parser's combined reading says of itself: a type guessed from weak evidence marked unsure, and an APA
report's series and number in parentheses after the title moved out of it."""

from __future__ import annotations

from litreview.bibliography.bibtex_out import to_bibtex
from litreview.bibliography.refparse import parse_references


def test_a_work_cited_with_only_a_page_is_no_sure_article():
    # APA for a @book with pages = {27} and no publisher: nothing printed names a journal
    ref, = parse_references(["Heinrichs, H., & Grunenberg, H. (2012). Sharing Economy: Auf dem Weg in eine neue "
                             "Konsumkultur? (p. 27)."])
    assert not (ref.type == "article" and not ref.container)
    assert "type" in ref.uncertain
    assert to_bibtex([ref]).startswith("% uncertain: ") and "entry type" in to_bibtex([ref]).splitlines()[0]


def test_an_article_in_a_journal_keeps_a_sure_type():
    ref, = parse_references(["Hamari, J., Sjöklint, M., & Ukkonen, A. (2016). The sharing economy: Why people "
                             "participate in collaborative consumption. Journal of the Association for Information "
                             "Science and Technology, 67(9), 2047–2059."])
    assert ref.type == "article" and "type" not in ref.uncertain


def test_an_apa_report_series_and_number_leave_the_title():
    femm, zew = parse_references([
        "Baker, M., & Stein, J. (2015). Market liquidity as a sentiment indicator (FEMM Working Papers No. 150002). "
        "Otto-von-Guericke University.",
        "Schmidt, T., & Vosen, S. (2016). Wage dispersion in Germany (ZEW Discussion Papers Nos. 16-033). ZEW."])
    assert femm.title == "Market liquidity as a sentiment indicator"
    assert (femm.number, femm.type) == ("150002", "techreport") and "FEMM Working Papers" in femm.note
    assert zew.title == "Wage dispersion in Germany"
    assert (zew.number, zew.type) == ("16-033", "techreport") and "ZEW Discussion Papers" in zew.note
    assert "institution = {ZEW}" in to_bibtex([zew]) and not zew.issue  # the number once, not an issue too


def test_the_body_after_a_report_series_is_its_institution():
    ref, = parse_references(["Peitz, M., & Schwalbe, U. (2016). Zwischen sozialromantik und neoliberalismus: Zur "
                             "ökonomie der sharing-economy (ZEW Discussion Papers Nos. 16-033). Zentrum für "
                             "Europäische Wirtschaftsforschung (ZEW). http://hdl.handle.net/10419/130573"])
    assert ref.title.endswith("sharing-economy") and ref.type == "techreport" and ref.number == "16-033"
    assert ref.publisher == "Zentrum für Europäische Wirtschaftsforschung (ZEW)" and not ref.container


def test_only_a_closed_series_bracket_leaves_the_title():
    from litreview.bibliography.refparse.reference import ParsedReference
    from litreview.bibliography.refparse.report_series import series_out_of_title

    def read(title: str, raw: str) -> ParsedReference:
        return series_out_of_title(ParsedReference(raw=raw, type="book", title=title, year="2015"))
    closed = read("Wages (ZEW Discussion Papers Nos. 16-033)", "Roe, A. (2015). Wages (ZEW Discussion Papers Nos. 16-033).")
    assert (closed.title, closed.number) == ("Wages", "16-033")
    cut = read("Wages (ZEW Discussion Papers", "Roe, A. (2015). Wages (ZEW Discussion Papers Nos. 16-033). ZEW.")
    assert (cut.title, cut.number) == ("Wages", "16-033")
    never_closed = read("Wages (ZEW Discussion Papers No. 4", "Roe, A. (2015). Wages (ZEW Discussion Papers No. 4")
    assert never_closed.title == "Wages (ZEW Discussion Papers No. 4" and not never_closed.number
    for title in ("Wages (2nd ed.)", "Wages (Vol. 2)", "Wages (No. 4)", "Wages (Report No. 4) revisited"):
        assert read(title, f"Roe, A. (2015). {title}.").title == title


def test_a_volume_or_part_label_with_its_number_is_no_report_series():
    # "(Vol. 2, No. 3)" numbers a volume's issue, not a report of the series "Vol. 2,": the title kept it, the entry
    # stayed a book (it became a @techreport with the note "Vol. 2,").
    from litreview.bibliography.refparse.reference import ParsedReference
    from litreview.bibliography.refparse.report_series import series_out_of_title

    for title in ("Wages (Vol. 2, No. 3)", "Wages (Volume 12 No. 3)", "Wages (Part 2 No. 4)"):
        ref = series_out_of_title(ParsedReference(raw=f"Roe, A. (2015). {title}.", type="book", title=title,
                                                  year="2015"))
        assert (ref.title, ref.type, ref.number) == (title, "book", "")
    brief = series_out_of_title(ParsedReference(raw="Roe, A. (2015). Wages (Issue Brief No. 12).", type="book",
                                                title="Wages (Issue Brief No. 12)", year="2015"))
    assert (brief.title, brief.type, brief.number, brief.note) == ("Wages", "techreport", "12", "Issue Brief")
