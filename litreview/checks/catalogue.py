"""The catalogue of finding codes: name, severity, description and hint for each, as data.

``litreview check --list-codes`` prints it and the site renders it; codes are stable
(LR1xx bibliography, LR2xx registry, LR3xx text vs bibliography, LR4xx curated links).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Finding, Severity


@dataclass(frozen=True, slots=True)
class Code:
    """One kind of finding."""

    code: str
    """Stable code, e.g. ``LR110``."""
    name: str
    """Short kebab-case name, e.g. ``missing-required-field``."""
    severity: Severity
    """Default severity: error, warning or info."""
    description: str
    """What the code reports, in one line."""
    hint: str
    """What to do about it, in one line (findings may give a more specific hint)."""

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name, "severity": self.severity,
                "description": self.description, "hint": self.hint}


AREAS = {
    "LR1": "Bibliography",
    "LR2": "Registry metadata",
    "LR3": "Text and bibliography",
    "LR4": "Curated links",
}

_CODES = (
    # -- LR1xx: the .bib itself (LR100-LR105, LR108, LR109, LR155, LR163 and a CSL item's LR159 come from the loader; LR100 also from pandoc_reads and bibtex_reads)
    Code("LR100", "bibtex-syntax", "error",
         "The bibliography file has a syntax error (or is empty), named csl-json-syntax or csl-yaml-syntax in a CSL "
         "file; a warning for a % line inside an entry of a BibTeX build, "
         "which biber and pandoc skip but BibTeX reads as no comment, stopping the entry there.",
         "Fix the entry at that line: every { needs a }, fields are separated by commas."),
    Code("LR101", "duplicate-key", "error",
         "Two entries share a citation key (pandoc uses the later one, BibTeX and biber the first).",
         "Rename one of the entries, or delete the copy."),
    Code("LR102", "unknown-entry-type", "warning",
         "An entry type the biblatex manual does not document, or an item type CSL does not define (the entry "
         "still loads; styles print it as @misc, or as a generic item).",
         "Use a standard type such as @article, @book, @incollection, @online or @misc (article-journal, book, "
         "chapter, webpage in CSL)."),
    Code("LR103", "duplicate-field", "error", "A field appears twice in one entry.",
         "Keep one of the two values."),
    Code("LR104", "unreadable-names", "error", "The author or editor field cannot be split into names.",
         'Separate names with " and "; write each as "Family, Given".'),
    Code("LR105", "not-utf8", "error", "The .bib file is not valid UTF-8.",
         "Re-save the file as UTF-8."),
    Code("LR106", "duplicate-doi", "error", "Two entries have the same DOI.",
         "Keep one entry and cite it under one key."),
    Code("LR107", "duplicate-work", "warning",
         "Two entries describe the same work (same title, or one adds a subtitle to the other's main title; "
         "same year and first author), or one article a year apart (same title, authors and journal: one published "
         "online first, with no volume or pages yet, or both giving the same pages).",
         "Merge them into one entry, or tell them apart (edition, volume)."),
    Code("LR108", "key-case-clash", "warning",
         "Two keys differ only in case: biber and pandoc keep two entries, BibTeX reads one key (a repeated entry).",
         "Rename one of them so that they differ by more than case."),
    Code("LR109", "at-line-in-value", "warning",
         "A line inside a field value starts with @; pybtex reads on, other tools start a new entry there.",
         "Indent the line, or move the @ away from the start of the line."),
    Code("LR112", "dangling-link", "error",
         "A crossref, xdata, xref, related or entryset (a biblatex @set's members) field names a key none of the "
         "bibliography files holds (a warning "
         "when a crossref or xdata names another file's entry: pandoc reads each file alone).",
         "Add the entry it names, or correct the key."),
    Code("LR110", "missing-required-field", "error",
         "An entry lacks a field its type requires (e.g. a book with no author or editor), as the tool that prints "
         "the document's bibliography reads it: pandoc's citeproc for Markdown, Quarto and R Markdown (a report's "
         "publisher is its institution there), biblatex or BibTeX's styles for LaTeX and for cite-method or "
         "citation_package biblatex or natbib.",
         "Add the field; for a corporate author write author = {{Name of the Body}}."),
    Code("LR111", "missing-publisher", "warning",
         "A book or a chapter in a book names no publisher (as the tool that prints the bibliography reads it).",
         "Add publisher = {...} (the registry record usually has it)."),
    Code("LR120", "malformed-doi", "error", "The DOI field does not hold a DOI.",
         "Write the bare DOI, e.g. doi = {10.1017/CBO9780511491306}."),
    Code("LR121", "doi-formatting", "warning",
         "The DOI is written as a link, with a prefix, with LaTeX escapes (\\_), percent-encoded (%2F), with "
         "trailing punctuation, or as a shortDOI (10/bqhp9z), which no registry knows.",
         "Keep only the bare DOI (10.xxxx/...) in the doi field."),
    Code("LR122", "invalid-isbn", "error", "An ISBN has the wrong length or a wrong check digit.",
         "Copy the ISBN again from the book or the publisher's page."),
    Code("LR123", "invalid-url", "error", "The url field is not an absolute http(s), ftp or file URL.",
         "Write the full address, starting with https://."),
    Code("LR124", "invalid-date", "error",
         "The year, date or access date is not a date, or lies in the future; a warning for a year in words "
         "(\"Siglo IV a.C.\"), which BibTeX, biber and pandoc print as written.",
         "Write year = {2004}, date = {2004-05-17} or urldate = {2024-01-31}."),
    Code("LR125", "invalid-issn", "error", "An ISSN has the wrong form or a wrong check digit.",
         "Copy the ISSN again (NNNN-NNNC) from the journal's page or the ISSN portal."),
    Code("LR126", "malformed-identifier", "error",
         "A Manubot citation by PubMed, PubMed Central, arXiv or Wikidata id (@pmid:, @pmcid:, @arxiv:, "
         "@wikidata:) that is not of the id's form: Manubot refuses it and makes no reference for it.",
         "Copy the id again from the work's page (e.g. @pmid:19147090, @pmcid:PMC2701110, @arxiv:2101.01234)."),
    Code("LR130", "all-capitals", "warning", "A title or container is written in capital letters.",
         "Write it in title case; protect acronyms with braces, e.g. {NATO}."),
    Code("LR131", "dangling-punctuation", "warning",
         "A title ends with a colon, comma or dash, or has doubled punctuation.",
         "Complete the title (a colon usually means the subtitle was lost) or remove the stray mark."),
    Code("LR132", "truncated-title", "warning",
         "A title stops mid-phrase (ends with an ellipsis, an open bracket or a word like 'of'), or a journal's or "
         "proceedings' name ends with 'Conference on' or 'Transactions on', as IEEE Xplore writes it inverted "
         "(\"Pattern Analysis and Machine Intelligence, IEEE Transactions on\"): styles print it as written.",
         "Copy the full title from the work or its registry record; write an inverted name in reading order."),
    Code("LR133", "miscased-name", "warning",
         "A person's name has miscased initials or is all in one case (e.g. 'R.j.').",
         "Write initials as capitals with a period and a space, e.g. 'R. J.'."),
    Code("LR134", "container-repeats-title", "warning",
         "The journal, book title or web site repeats the entry's own title.",
         "Put the name of the site, journal or book that contains the work in the container field."),
    Code("LR135", "original-year-conflict", "warning",
         "A year given in the title or note contradicts the entry's year.",
         "Put the original year in origdate (or a note 'Originally published 1992'), not in the title."),
    Code("LR136", "stale-access-date", "warning",
         "A web source was last accessed longer ago than the configured age (not an archived copy, which does not "
         "change: a Wayback Machine snapshot, perma.cc, archive.today, a Wikipedia revision's oldid= link; nor a "
         "work found again by its DOI, its arXiv, PubMed or PMC id, or its journal's volume and pages).",
         "Visit the page again and update urldate, or cite an archived copy."),
    Code("LR137", "doi-probably-exists", "info",
         "An entry without a DOI is of a kind that usually has one (publisher, journal or URL).",
         "Look the work up (litreview fetch searches the registry) and add its DOI."),
    Code("LR138", "abbreviated-pages", "info", "A page range is abbreviated (e.g. 448--88).",
         "Write the full range, e.g. pages = {448--488}; styles abbreviate when they print."),
    Code("LR139", "bad-page-range", "warning", "A page range ends before it starts.",
         "Check the first and last page."),
    Code("LR140", "unescaped-special", "warning",
         "A text field holds an & or % without a backslash (LaTeX reads them as a cell break and a comment).",
         "Write \\& and \\%."),
    Code("LR141", "html-in-field", "warning",
         "A field holds HTML entities (&amp;, &#227;) or tags (<i>), usually pasted from a web page (a note in a "
         "field no standard style prints: abstract, keywords, copyright).",
         "Write the characters themselves, or LaTeX such as \\textit{...}."),
    Code("LR142", "latex-integrity", "warning",
         "A field's LaTeX does not balance (math never closed, \\begin without \\end, _ or ^ outside math), "
         "or uses a command that LaTeX, biblatex and the file's @preamble do not define, or babel's German "
         "shorthands (Fernseh\"-gespräch), which pandoc prints as written; for a manuscript pandoc builds, a journal "
         "named by an AASTeX macro (NASA ADS's journal = {\\jgr}), which pandoc prints as no journal.",
         "Close the math or the environment, escape the character (\\_), or correct the command's name."),
    Code("LR143", "page-range-format", "warning",
         "The pages field is not a page, a range or a list of them, or, in a BibTeX file, is a range written with one "
         "hyphen that starts and ends on one page, as ADS exports an article number (a range takes one hyphen or "
         "two: BibTeX's styles double one, biber and pandoc read both); or an article gives no pages and its number "
         "field holds its page range, as CNKI's export writes it (styles print it as the issue).",
         "Write pages = {12--15}, or a list such as {3, 7--9}."),
    Code("LR144", "unsure-import", "warning",
         "An entry imported from a reference string has fields the parser was unsure of.",
         "Check those fields against the source, then delete the '% uncertain:' line above the entry."),
    Code("LR146", "date-not-iso", "warning",
         "A date, origdate or urldate is a readable date in another layout (21.04.2018, April, 2018); "
         "biber reads only ISO dates and ignores it. Or a month written as a word pandoc reads no month in "
         "({February}, and {Srpanj} or another language's name, which biber drops too).",
         "Write it as YYYY-MM-DD, e.g. date = {2018-04-21}; a month as its macro, e.g. month = jul."),
    Code("LR147", "mixed-name-forms", "info",
         "A name list mixes 'Family, Given' and 'Given Family' (each name is read, but the list is hard to check "
         "and often hides a missing 'and'), or writes its names 'Initials, Family' (\"M.O., Orap\": the initials "
         "read as the family name).",
         "Write every name of the list one way, e.g. 'Knuth, Donald E. and Cobain, Kurt'."),
    Code("LR148", "letter-in-year", "warning",
         "The year holds a letter (2004a): biber and citeproc read no year in it, and author-date styles "
         "add the letters themselves.",
         "Write the year alone, year = {2004}; the style letters works of the same authors and year."),
    Code("LR149", "no-family-name", "warning",
         "A name has a given part but no family part (\"{, Stan Development Team}\"): pandoc's citeproc prints "
         "no name for it in citations, only the year (\"STAN (2023)\").",
         "Write a body's name in double braces, {{Stan Development Team}}, or a person's as 'Family, Given'."),
    Code("LR150", "stray-quote-in-name", "warning",
         "A name holds a quotation mark that nothing closes (\"Crooks, Andrew\"\"), usually left by an export or "
         "a paste: styles print it with the name.",
         "Delete the stray mark (an umlaut is written {\\\"u}; a nickname in quotes takes both marks)."),
    Code("LR151", "et-al-as-name", "warning",
         "A name list writes et al. as a name (\"Roe, Jane and {al.}\", \"and et al.\", Czech \"a kol.\"): pandoc and BibTeX print it as an "
         "author (\"Roe and al. 2003\").",
         "Write 'and others', which styles print as et al."),
    Code("LR152", "control-character", "warning",
         "A field holds a control character (a NUL, an escape, a bell, a direction override), usually pasted with "
         "the text: styles print it as nothing or as a box, and a terminal or an editor acts on it instead of "
         "showing it.",
         "Delete it: retype the text around it, or paste the value again as plain text."),
    Code("LR153", "names-joined-by-commas", "warning",
         "An author or editor field joins several people with commas (\"I.N. Bronstein, K.A. Semendjaew\", "
         "\"Smith, J., Jones\"): BibTeX, biber and pandoc read one person, with the second name as the given name.",
         "Separate the people with ' and ', each written 'Family, Given'."),
    Code("LR154", "placeholder-author", "warning",
         "The author field holds a placeholder for authors not named (\"VV.AA.\", \"AA.VV.\", \"Autores Varios\", "
         "\"o.A.\", \"N.N.\", or \"others\" alone): styles print it as a person's name and sort the work under it. "
         "\"Anonymous\" is not reported: APA prints it for a work so signed, and CSL and biblatex print it as written.",
         "Delete the field (styles then cite the work by its editor or title), or name the people."),
    Code("LR155", "commented-out-entry", "warning",
         "An entry or @string is commented out line by line with % (\"%@book{old,\"): biber and pandoc skip it, "
         "but BibTeX and pybtex read it, because to them % is no comment; the entry is loaded as BibTeX reads it.",
         "Delete the lines to drop it for every tool, or remove the % to keep it."),
    Code("LR156", "suffix-as-family-name", "warning",
         "A name's family part is a generational suffix (\"Jr, James E Watkins\", as some reference managers export "
         "\"James E. Watkins Jr.\") or a degree (\"Jerry D. Marx DSW\"): styles print and sort the person as "
         "\"Jr\" or \"DSW\", with the family name among the initials.",
         "Write the suffix in its place: 'Watkins, Jr., James E' (BibTeX and biblatex), or family: Watkins, "
         "given: James E, suffix: Jr (CSL); leave a degree out: 'Marx, Jerry D.'."),
    Code("LR157", "repeated-name", "warning",
         "An author or editor list names one person twice (\"Kossak, A. and Geist, V. and Geist, V.\"; the same "
         "family name and given names that agree, \"Smith, J.\" and \"Smith, John\"), usually a slip of copy and "
         "paste: styles print the name twice, and the repeat may stand where a co-author is missing. Initials alone "
         "at two places apart are not reported: two people of one name are as likely.",
         "Delete the repeat; if they are two people, write each one's given names in full to tell them apart."),
    Code("LR158", "names-joined-by-word", "warning",
         "An author or editor name joins two people with a word for 'and' in another language (\"Douglas R. Mauro en "
         "Kevin J. Schmidt\", \"Darvas, Zsolt et Guntram Wolff\"; Dutch en, French et, German und, Scandinavian og and "
         "och, Hungarian és, Turkish ve, Czech and Slovak a before a capital): BibTeX, biber and pandoc split names at 'and' alone, so they read and "
         "print one person.",
         "Join the people with ' and ' (in CSL, give each person an item of its own)."),
    Code("LR159", "misspelt-field", "warning",
         "A field's name swaps two letters of a common field's (\"langauge\", \"jounral\", \"pulbisher\"), or a CSL "
         "item's key names a CSL variable as another format does (\"container\", \"published\"): BibTeX, biber and "
         "pandoc read no such field, so its value is left out of the bibliography.",
         "Rename the field to the name it misspells (or delete it when the entry has that field too)."),
    Code("LR160", "name-without-letters", "warning",
         "A person's family name holds no letter (\"-, Di Redazione\", \"1998)\"), usually the residue of a web page's "
         "scraped byline or of a name list split in the wrong places: styles print and sort the mark as the name.",
         "Write the person's family name, or delete the name from the list."),
    Code("LR161", "people-in-braces", "warning",
         "An author or editor field is one brace group that holds several people (\"{Lukas Jaeckle, Joachim Goll, "
         "Manfred Dausmann}\", \"{Russell, Stuart and Norvig, Peter}\"), or one person's name (\"{Joshua "
         "Bemenderfer}\"); a CSL name written as one string of several people (\"Kane, Stephen R. & Gelino, Dawn M.\"): "
         "BibTeX, biber and pandoc read it as one body's name, which citations print whole (no et al.) and lists sort "
         "under its first letter. Also two people fused into one name, the second in braces (\"Kerstin Hoffmann "
         "{Ulrich Sandten}\"), read as one person whose family name is the braced part.",
         "Write the people without the braces, joined by ' and ', and one person as Family, Given (braces keep a body's "
         "name whole); in CSL, one name object for each person."),
    Code("LR162", "date-year-conflict", "warning",
         "An entry's date and year fields give two years (date = {2017-11-20}, year = {2018}): biber and pandoc print "
         "the date's, BibTeX's styles the year field's, so the work is dated otherwise by each tool.",
         "Correct the one that is wrong, and keep one of the two: date for biber and pandoc, year for BibTeX's styles."),
    Code("LR163", "entry-without-at", "warning",
         "A line opens an entry but for its @ (\"misc{juknis2022,\" with fields after it): BibTeX, biber, pybtex and "
         "pandoc read text outside entries as a comment, so they skip the entry without a word and a citation of "
         "it finds nothing. A line of prose, or an entry whose key a live entry also has, is not reported.",
         "Write the @ before the type to keep the entry, or delete its lines to drop it."),
    Code("LR164", "shared-isbn", "warning",
         "Two books of other titles give one ISBN (\"Kommunikativnaja grammatika\" and \"Sovremennyj russkij jazyk\" "
         "both 5-88744-050-3): an ISBN names one book, so one of the two is wrong, usually copied from the other entry, "
         "and a library or registry look-up by it finds the other book. Chapters (their book's ISBN) and volumes (a "
         "set's) are not reported.",
         "Look up each book's ISBN (on its copyright page, or its library record) and correct the wrong one."),
    Code("LR165", "body-as-person", "warning",
         "An author or editor is a body's name written without braces (\"World Health Organization\", \"Modbus "
         "Organization, Inc\", \"R Core Team\"): BibTeX, biber and pandoc read it as a person, its last word (or the "
         "part before the comma) as the family name, so citations print \"Organization (2020)\" or \"Team (2020)\", "
         "lists sort it under that word, and author-date citations written with the whole name do not match it.",
         "Write the body's name in double braces: author = {{World Health Organization}}."),
    Code("LR166", "cjk-name-without-comma", "warning",
         "A Chinese, Japanese or Korean name written in its script family name first with a space and no comma "
         "(\"本川 達雄\"): BibTeX and biber read its last word, the given name, as the family name, and pandoc reads the "
         "first as a particle it prints nowhere, citing the person by the given name alone (\"達雄 2009\").",
         "Write the family name, a comma, then the given name: author = {本川, 達雄}."),
    Code("LR167", "decomposed-character", "warning",
         "A field writes a letter and its accent as two characters (\"A\" and a combining acute for \"Á\": not "
         "Unicode NFC), as text copied from a PDF or a macOS file name holds them: BibTeX and pandoc pass them on as "
         "written, and pdfLaTeX (a LaTeX document's usual engine, and pandoc's for a PDF) defines no combining accent "
         "and stops there.",
         "Retype the letter, or save the file in Unicode NFC (composed) form."),
    Code("LR190", "unknown-suppressed-code", "warning",
         "A suppression names a code that does not exist: an entry's litreview-suppress field (in the settings file, "
         "suppress, suppress_entries and severity stop with an error at the code's line instead).",
         "Check the code against `litreview check --list-codes`."),
    Code("LR145", "oversized-bibliography", "warning",
         "The bibliography file is far larger than an essay's (many thousands of entries); loading and "
         "checking it take time in proportion, on every run.",
         "Give the essay a .bib of the works it cites, instead of a whole library's export."),
    # -- LR2xx: the registry's view (snapshot or --online) --------------------------------------------
    Code("LR200", "doi-not-found", "error", "The registry answered that the DOI does not exist.",
         "Check the DOI for typos; look the work up by title."),
    Code("LR201", "metadata-mismatch", "warning",
         "A field disagrees with the registry record, and the registry is probably right.",
         "Copy the registry's value (litreview sync proposes the corrections)."),
    Code("LR202", "doi-points-elsewhere", "error",
         "Title and authors both differ from the DOI's record: the DOI belongs to another work.",
         "Find the right DOI for this work, or correct the entry."),
    Code("LR203", "metadata-differs", "info",
         "A field differs from the registry record, and either side may be right.",
         "Compare the two values; keep the entry's if it cites another edition or printing."),
    Code("LR204", "retracted", "error", "The registry records a retraction or withdrawal of the work.",
         "Stop relying on the work, or cite the retraction notice alongside it."),
    Code("LR205", "corrected", "warning",
         "The registry records a correction, erratum or expression of concern for the work.",
         "Read the notice and check that the claims still hold."),
    Code("LR206", "new-version", "info", "The registry records a newer edition or version of the work.",
         "Consider citing the newer version."),
    Code("LR207", "broken-url", "warning", "The entry's URL did not answer when last checked.",
         "Use the archived copy named in the finding, or find the page's new address."),
    Code("LR208", "suggested-doi", "info", "The registry search found a DOI for an entry that has none.",
         "Check the suggested work and add doi = {...} if it is the same."),
    Code("LR209", "unverified", "info", "The DOI has not been checked against a registry yet.",
         "Run `litreview fetch` with network access and commit refs/metadata/."),
    Code("LR210", "stale-record", "info", "The stored registry record is older than the configured age.",
         "Run `litreview fetch --refresh` to update the snapshot."),
    Code("LR211", "moved-url", "info", "The entry's URL answers only by redirecting to another address.",
         "Cite the address it redirects to, if that is the same document."),
    Code("LR212", "doi-alias", "warning",
         "The registry answers the entry's DOI with the record of another DOI of the same work: the DOI is an "
         "alias, and the registry's own DOI for the work is that other one.",
         "Write the DOI the registry gives (the finding names it)."),
    Code("LR220", "foreign-record", "warning",
         "The snapshot holds a record from a server that is not a configured registry (a mirror or a "
         "test server); it was ignored.",
         "Delete the file, or run `litreview fetch --refresh` against the real registries."),
    # -- LR3xx: the essay and the bibliography ----------------------------------------------------------
    Code("LR300", "unresolved-citation", "error",
         "A citation marker or author-date citation matches no entry (a note for a citation typed as text, "
         "\"(Mearsheimer 2001)\", in a document that cites by markers: pandoc cites nothing there).",
         "Add the missing entry (litreview add) or fix the key or year in the text."),
    Code("LR301", "ambiguous-citation", "warning", "A citation fits several entries.",
         "Use a key or a year suffix (2004a, 2004b) that picks one entry."),
    Code("LR302", "uncited-authority", "warning",
         "The text invokes a person as an authority, and the bibliography has no work by them.",
         "Add the work the text relies on, or rephrase so it does not appeal to the person."),
    Code("LR303", "uncited-work", "warning", "The text names a work that has no entry.",
         "Add an entry for the work (litreview add)."),
    Code("LR304", "uncited-document", "warning",
         "The text names a document (law, report, strategy) that has no entry.",
         "Add an entry for the document, with its URL."),
    Code("LR305", "unattributed-quotation", "warning",
         "A direct quotation has no attribution in its sentence or the one before, or its sentence names its author "
         "and cites no work.",
         "Say whose words they are and cite the source."),
    Code("LR306", "title-variant", "warning", "The text gives a work's title differently from its entry.",
         "Correct the title in the text (or the entry, if the entry is wrong)."),
    Code("LR307", "unused-entry", "error",
         "No claim in the essay relies on the entry (a warning for one chapter of a book or document checked alone: "
         "another chapter may cite it).",
         "Link it to the claims it supports (litreview links), or remove it."),
    Code("LR308", "only-topical-links", "warning",
         "The entry is linked to claims only by topical similarity, not by citation or attribution.",
         "Confirm the suggested links (litreview links --accept) or cite the entry explicitly."),
    Code("LR309", "key-case-mismatch", "error",
         "A citation key matches an entry only when case is ignored (pandoc and BibTeX keys are case-sensitive).",
         "Write the key exactly as the entry has it."),
    Code("LR311", "named-without-citation", "warning",
         "In a document that marks its citations, an author of an entry is named with no citation marker nearby.",
         "Cite the work where its author is named, or check that the named person is meant."),
    Code("LR310", "identifier-without-entry", "error",
         "A citation by identifier (doi:, pmid:, arxiv:, ...) matches no entry that carries the identifier.",
         "Add the work (litreview add ID), or cite the entry's key."),
    Code("LR312", "oversized-paragraph", "warning",
         "A paragraph or sentence is far longer than prose ever is (a lost blank line or a flattened file?); "
         "it was split and linked in bounded pieces, so its sentences and links may be off.",
         "Restore the paragraph breaks (a blank line between paragraphs) and the sentence ends."),
    Code("LR313", "oversized-essay", "warning",
         "The essay is far larger than a manuscript (several books' worth of text); every stage takes "
         "time in proportion to it.",
         "Check that the configured essay is the manuscript and not an export or a data file."),
    Code("LR314", "input-not-found", "warning",
         "A file the manuscript includes (LaTeX's \\input, \\include, \\subfile; an R Markdown child chunk's "
         "document) does not exist: its text and citations are not reviewed; the rest of the manuscript is.",
         "Check the file name (relative to the including file's folder), add the file, or remove the command."),
    Code("LR315", "essay-not-utf8", "warning",
         "A manuscript file is not UTF-8; it was read in the encoding it declares (LaTeX's inputenc) or the only "
         "one its bytes fit. Other tools may read it otherwise (pandoc reads it as ISO-8859-1).",
         "Re-save it as UTF-8 (the hint names the iconv command) and drop an inputenc option other than utf8."),
    Code("LR316", "empty-citation-key", "warning",
         "A LaTeX citation has an empty key before another (\\citep{,a}, \\cite{a,,b}): pandoc refuses the "
         "file, LaTeX warns of an undefined citation; the other keys were read.",
         "Remove the extra comma."),
    Code("LR317", "raw-latex-citation", "warning",
         "A Markdown manuscript cites with a LaTeX command (\\cite{key}): pandoc keeps it as raw LaTeX, so only a "
         "LaTeX build with natbib or biblatex cites it (HTML and Word output drop it); it is not read as a citation.",
         "Write it as a pandoc citation: [@key], or @key in the running text."),
    Code("LR318", "citation-in-suffix", "warning",
         "A bracketed citation holds another one after its key with no \";\" before it ([@a, @b]): pandoc reads "
         "the second as part of the first one's suffix, and its citeproc then prints only that one (\"Bob "
         "(2002)\"): the bracket's other citations vanish from the rendered text.",
         "Separate the citations with \";\": [@a; @b]."),
    Code("LR319", "duplicate-metadata-key", "warning",
         "The manuscript's front matter gives a field twice. pandoc keeps the last value and warns; R Markdown "
         "and Quarto refuse the file (YAML allows a key once). litreview read the last value.",
         "Keep one of the two; a YAML list holds several values (bibliography: [a.bib, b.bib])."),
    Code("LR320", "citation-placeholder", "warning",
         "The text holds a placeholder where a citation belongs, never filled in (\"[CITE]\", \"[citation needed]\", "
         "\"(REF)\"): pandoc and LaTeX print it as written.",
         "Cite the work ([@key], \\cite{key}), or delete the placeholder."),
    Code("LR321", "bibliography-not-read", "warning",
         "The essay names a bibliography file (front matter, _quarto.yml, \\bibliography) that the settings (or "
         "--bib) leave out: pandoc and LaTeX read its entries, litreview does not, so its entries go unchecked and "
         "citations of them are reported as citations of no entry. Also a file it names that does not exist, which "
         "pandoc and biber stop on and BibTeX skips with a warning (with the settings naming the files to read, the "
         "check goes on); not one the TeX distribution ships (IEEEabrv) or the document's R code writes.",
         "Add the file to the bibliography setting (bibliography = [\"refs.bib\", \"more.bib\"]), or leave the "
         "setting out to read the files the essay names."),
    Code("LR322", "merge-conflict-in-essay", "error",
         "A manuscript file holds a merge conflict git left unresolved (lines <<<<<<<, ======= and >>>>>>>): pandoc "
         "and LaTeX print both sides, and the markers, as text (pandoc reads the ======= under a line as a heading).",
         "Keep the lines of each side that belong and delete the marker lines (a conflict in the bibliography is "
         "LR100)."),
    Code("LR323", "braced-citation-key", "warning",
         "A LaTeX citation writes a key in braces (\\cite{{key}}): LaTeX cites the key without them, and so does "
         "litreview, but pandoc refuses the file (\"unexpected {\").",
         "Remove the braces around the key: \\cite{key}."),
    Code("LR324", "bibliography-after-front-matter", "warning",
         "An R Markdown file gives its bibliography (or references) in a YAML block after the front matter, and the "
         "front matter none: pandoc reads it, but rmarkdown::render decides from the front matter alone whether to "
         "run citeproc and does not, so the rendered document prints its citations as written ([@key]).",
         "Move the bibliography: field into the front matter, the first YAML block."),
    Code("LR325", "settings-unreadable", "error",
         "The settings file the manuscript is rendered with cannot be read: an R Markdown file's _output.yml, "
         "which rmarkdown::render reads, or its Quarto project's _quarto.yml. Not valid YAML, the command stops on "
         "it, so the document does not render; YAML that litreview refuses as a bound on untrusted text (an alias, "
         "*name; a nesting too deep), the command reads it. Either way litreview read the manuscript without those "
         "settings (how the bibliography is printed among them).",
         "Fix the YAML on the line named; write an alias's value out."),
    Code("LR326", "unreferenced-note", "warning",
         "A Markdown note is defined ([^2]: ...) and nothing references it (often a reference written with another "
         "note's label, [^1] twice): pandoc drops the note, and its citations with them, warning only \"defined but "
         "not used\"; litreview reads the note as pandoc prints it, not at all.",
         "Reference the note where it belongs ([^2] in the text), or delete it."),
    Code("LR327", "duplicate-note-label", "warning",
         "A Markdown note label is defined twice (in one file, or in two of the files pandoc or Manubot joins): "
         "pandoc prints the last definition at every reference and drops the earlier note, and its citations with "
         "it, warning only \"Duplicate note reference\"; litreview reads the notes as pandoc prints them.",
         "Give one of the two notes another label and reference it where it belongs."),
    Code("LR328", "cut-url-key", "warning",
         "A Manubot manuscript cites a URL that holds a character pandoc ends a citation key at (=, (, !, *, ', @: a "
         "key holds letters, digits, _ and internal :.#$%&-+?<>~/ alone): pandoc reads the key up to it, and Manubot "
         "cites that shorter address, another page, with no warning.",
         "Write the key in braces ([@{https://...}]), or define an alias on a line of its own ([@name]: https://...) "
         "and cite [@name], as Manubot's documentation says."),
    Code("LR329", "style-not-found", "warning",
         "The citation style the manuscript's front matter or its Quarto project names (csl: numeric.csl) is not "
         "there, where pandoc looks for it (beside the manuscript, or in the project's folder; .csl added to a name "
         "without it): pandoc stops rendering (\"File numeric.csl not found in resource path\") unless its data "
         "directory's csl/ folder holds it. litreview reviews the citations all the same.",
         "Add the style file beside the manuscript, correct the name, or take csl: out (pandoc then prints in its "
         "default Chicago author-date style)."),
    # -- LR4xx: the curated claims file -------------------------------------------------------------
    Code("LR400", "orphaned-link", "error",
         "A curated link's anchored text is no longer in the essay. A rejected link's is a warning: a rejection "
         "whose sentence was cut rejects nothing.",
         "Move a link onto the sentence as worded now (`litreview links --reanchor CLAIM KEY` lists where it "
         "may belong, and moves it there with --to, its status and note kept); record a group again on its "
         "sentences (`litreview links --group`) and delete the old entry; or delete the entry."),
    Code("LR401", "link-to-unknown-entry", "error", "A curated link names a key the bibliography lacks.",
         "Fix the key in the claims file, or add the entry."),
    Code("LR402", "link-to-unknown-claim", "error", "A curated link names a claim the essay lacks.",
         "Fix the claim id in the claims file."),
    Code("LR403", "unanchored-link", "warning",
         "A curated link has no anchor: it is placed by its claim id alone, which names another sentence "
         "once a sentence or paragraph is added or removed above it.",
         "Check that the id names the sentence you meant (`litreview links`), then record its anchor with "
         "`litreview links --accept CLAIM KEY` (or --reject): the entry keeps its note and gains the sentence's text."),
    Code("LR404", "conflicting-decisions", "error",
         "The claims file confirms and rejects one entry on one claim (two entries that now anchor on the same "
         "sentence, after an edit or a merge, or on sentences grouped since); litreview applies the later one.",
         "Delete the entry you no longer mean (the finding names both lines)."),
)

CATALOGUE: dict[str, Code] = {c.code: c for c in _CODES}
"""Every code, in order."""


def code_info(code: str) -> Code:
    """The catalogue entry for ``code`` (KeyError for an unknown code)."""
    return CATALOGUE[code]


def known_code(code: str) -> bool:
    """Whether ``code`` names a code of the catalogue, or a family of them (LR13, LR3), in any case."""
    code = code.upper()
    return code in CATALOGUE or (len(code) in (3, 4) and any(c.startswith(code) for c in CATALOGUE))


def nearest_code(code: str) -> str | None:
    """The catalogue's code an unknown ``code`` most likely meant: two digits swapped (LR370 for LR307), else one
    digit mistyped, the last digit first (LR191 for LR190); None when no code is that close."""
    code = code.upper()
    same = [c for c in CATALOGUE if len(c) == len(code)]
    swapped = [c for c in same if sorted(c) == sorted(code) and sum(a != b for a, b in zip(c, code, strict=True)) == 2]
    typo = sorted((c for c in same if sum(a != b for a, b in zip(c, code, strict=True)) == 1),
                  key=lambda c: -next(i for i, (a, b) in enumerate(zip(c, code, strict=True)) if a != b))
    return next(iter(swapped or typo), None)


def area(code: str) -> str:
    """The area heading of a code: Bibliography, Registry metadata, ..."""
    return AREAS.get(code[:3], "Other")


def finding(code: str, message: str, *, hint: str = "", key: str | None = None,
            claim_id: str | None = None, file: str | None = None, line: int | None = None) -> Finding:
    """A Finding with the code's severity and, unless given, its catalogue hint."""
    info = CATALOGUE[code]
    hint = hint or info.hint
    return Finding(code=code, severity=info.severity, message=message, hint=hint[:1].upper() + hint[1:],
                   key=key, claim_id=claim_id, file=file, line=line)


def catalogue_json() -> list[dict[str, Any]]:
    """The catalogue as data (``--list-codes --format json`` and the site)."""
    return [dict(c.to_json(), area=area(c.code)) for c in _CODES]
