"""Word lists the reference tagger's features look words up in: months, ordinals, publisher and
journal words, role words (editor, translator), given names, in the languages references are written in.

Hand-made and small on purpose: the model learns the rest from the words themselves. The lists carry
generic knowledge (publishing cities, publishers' names and suffixes, journal and meeting words), not words
picked from any evaluation set; 5-fold cross-validation on the training set measured what they add.
"""

from __future__ import annotations

from ...locale_terms import EDITION_WORDS, PUBLISHER_WORDS, and_words

#: each month's names and abbreviations (English, French, German, Spanish, Portuguese, Italian) -> its number
MONTH_NUMBERS = {word: n for n, words in enumerate((
    ("january", "jan", "janvier", "januar", "enero", "janeiro", "gennaio"),
    ("february", "feb", "février", "fevrier", "februar", "febrero", "fevereiro", "febbraio"),
    ("march", "mar", "mars", "märz", "maerz", "marzo", "março", "marco"),
    ("april", "apr", "avril", "abril", "aprile"),
    ("may", "mai", "mayo", "maio", "maggio"),
    ("june", "jun", "juin", "juni", "junio", "junho", "giugno"),
    ("july", "jul", "juillet", "juli", "julio", "julho", "luglio"),
    ("august", "aug", "août", "aout", "agosto"),
    ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre"),
    ("october", "oct", "octobre", "oktober", "octubre", "outubro", "ottobre"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "décembre", "decembre", "dezember", "diciembre", "dezembro", "dicembre"),
), start=1) for word in words}

#: each month's names in languages the tagger's features do not look up (its ``MONTHS`` stay as the model was trained
#: with), as citeproc's locales print a date: Polish and Czech in the genitive as well ("czerwca 27", "5. června"),
#: Dutch, Swedish, Danish, Norwegian, Finnish (its partitive, "6. kesäkuuta") -> its number; read where a date is parsed
LOCALE_MONTH_NUMBERS = {word: n for n, words in enumerate((
    ("styczeń", "stycznia", "leden", "ledna", "januari", "tammikuu", "tammikuuta"),
    ("luty", "lutego", "únor", "února", "februari", "helmikuu", "helmikuuta"),
    ("marzec", "marca", "březen", "března", "maart", "marts", "maaliskuu", "maaliskuuta"),
    ("kwiecień", "kwietnia", "duben", "dubna", "huhtikuu", "huhtikuuta"),
    ("maja", "květen", "května", "mei", "maj", "toukokuu", "toukokuuta"),
    ("czerwiec", "czerwca", "červen", "června", "kesäkuu", "kesäkuuta"),
    ("lipiec", "lipca", "červenec", "července", "heinäkuu", "heinäkuuta"),
    ("sierpień", "sierpnia", "srpen", "srpna", "augustus", "augusti", "elokuu", "elokuuta"),
    ("wrzesień", "września", "září", "syyskuu", "syyskuuta"),
    ("październik", "października", "říjen", "října", "lokakuu", "lokakuuta"),
    ("listopad", "listopada", "listopadu", "marraskuu", "marraskuuta"),
    ("grudzień", "grudnia", "prosinec", "prosince", "desember", "joulukuu", "joulukuuta"),
), start=1) for word in words}

#: each month's names in Croatian, the nominative and the genitive ("srpanj", "23. srpnja") -> its number; kept apart
#: from ``LOCALE_MONTH_NUMBERS`` (whose prefixes the reference parser reads) since "listopad" is October here and
#: November in Polish and Czech ("sječanj" is a common misspelling of "siječanj"); read by the checks that tell a month BibTeX's readers do not read
CROATIAN_MONTH_NUMBERS = {word: n for n, words in enumerate((
    ("siječanj", "siječnja", "sječanj"), ("veljača", "veljače"), ("ožujak", "ožujka"), ("travanj", "travnja"),
    ("svibanj", "svibnja"), ("lipanj", "lipnja"), ("srpanj", "srpnja"), ("kolovoz", "kolovoza"), ("rujan", "rujna"),
    ("listopad", "listopada"), ("studeni", "studenoga", "studenog"), ("prosinac", "prosinca"),
), start=1) for word in words}

MONTHS = frozenset(MONTH_NUMBERS) | frozenset([
    "spring", "summer", "autumn", "fall", "winter", "printemps", "été", "automne", "hiver", "frühjahr",
    "sommer", "herbst", "winter", "primavera", "verano", "otoño", "invierno", "verão", "outono", "inverno",
])

#: Month abbreviations of the Portuguese, French, German and Spanish styles ("dez.", "févr.", "Mrz."), beside MONTHS:
#: kept apart from it, which the tagger's features read
MONTH_ABBREVIATIONS = frozenset(("out", "dez", "set", "fev", "abr", "ago", "déc", "févr", "janv", "juil", "avr", "okt",
                                 "ene", "dic", "mrz"))

ORDINALS = frozenset([
    "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th", "13th", "14th",
    "15th", "20th", "21st", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "revised", "rev", "expanded", "new", "updated", "1re", "1er", "2e", "3e", "4e", "5e",
    "2ème", "3ème", "2nd", "2a", "3a", "2ª", "3ª", "2.ª", "3.ª", "2.", "3.", "4.", "5.", "première",
    "premier", "deuxième", "troisième", "nouvelle", "erweiterte", "überarbeitete", "edicion", "ed", "edicao",
]) | frozenset(EDITION_WORDS)

PUBLISHER = frozenset(PUBLISHER_WORDS) | frozenset([
    "university", "univ", "publications", "edizioni", "routledge", "wiley",
    "springer", "elsevier", "macmillan", "palgrave", "penguin", "sage", "norton", "blackwell", "oxford",
    "cambridge", "harvard", "princeton", "yale", "chicago", "mit", "hachette", "gallimard", "seuil", "puf",
    "armand", "colin", "dunod", "karthala", "suhrkamp", "beck", "fischer", "kohlhammer", "campus", "akal",
    "anagrama", "fayard", "flammarion", "taylor", "francis", "academic", "kluwer", "brill", "mcgraw-hill",
    "pearson", "prentice", "addison-wesley", "wesley", "dover", "crc", "co", "company", "house", "verl",
    # publishers' suffixes and names in other languages, and bodies that publish reports
    "verlags", "verlagsgesellschaft", "gmbh", "ag", "llc", "plc", "ltda", "editores", "éditeur", "éditeurs",
    "editeur", "presses", "universitaires", "universitaria", "universitária", "print", "printing", "printers",
    "imprensa", "imprenta", "libros", "livros", "libri", "polity", "verso", "vintage", "random", "knopf",
    "doubleday", "harper", "harpercollins", "collins", "schuster", "houghton", "mifflin", "viking", "beacon",
    "zed", "pluto", "lexington", "ashgate", "elgar", "emerald", "rienner", "westview", "greenwood", "praeger",
    "rowman", "littlefield", "jossey-bass", "guilford", "erlbaum", "birkhäuser", "vieweg", "teubner",
    "hanser", "vandenhoeck", "ruprecht", "nomos", "siebeck", "gruyter", "metzler", "transcript", "klett",
    "rowohlt", "dtv", "droz", "vrin", "minuit", "découverte", "payot", "plon", "larousse", "belin", "cnrs",
    "ehess", "paidós", "paidos", "cátedra", "alianza", "tecnos", "ariel", "gedisa", "trotta",
    "planeta", "cortez", "vozes", "zahar", "companhia", "saraiva", "unesp", "edusp", "fgv", "boitempo",
    "hucitec", "loyola", "mondadori", "einaudi", "laterza", "feltrinelli", "bompiani", "mulino", "carocci",
    "giuffrè", "zanichelli", "ieee", "acm", "siam", "nber", "oecd", "unesco", "institute", "institut",
    "instituto", "istituto", "foundation", "fundação", "fundación", "hmso", "gpo", "stationery", "office",
])

#: Repositories that publish data sets, software and preprints, printed as the publisher of what they hold ("Title.
#: Zenodo.", "Title [en ligne]. arXiv, 2023."); not a feature of the model (rules only), so adding one needs no retraining.
#: Code-hosting sites (GitHub, GitLab) are left out: a citation style prints them as a web page's site, its container.
REPOSITORY = frozenset([
    "zenodo", "figshare", "dryad", "osf", "osf preprints", "arxiv", "biorxiv", "medrxiv", "psyarxiv", "socarxiv",
    "chemrxiv", "eartharxiv", "edarxiv", "engrxiv", "techrxiv", "ssrn", "research square", "preprints.org",
    "authorea", "hal", "pangaea", "mendeley data", "harvard dataverse", "dataverse",
])

JOURNAL = frozenset([
    "journal", "review", "quarterly", "proceedings", "annals", "bulletin", "studies", "letters",
    "transactions", "magazine", "revue", "revista", "rivista", "zeitschrift", "jahrbuch", "cahiers",
    "archives", "archiv", "bulletin", "annales", "research", "science", "sciences", "international",
    "american", "european", "british", "j", "rev", "proc", "ann", "bull", "stud", "lett", "trans", "int",
    "am", "eur", "res", "sci", "phys", "chem", "med", "biol", "soc", "econ", "polit",
    # journal, series and meeting words in other languages
    "acta", "annalen", "archivio", "bollettino", "boletín", "boletim", "cuadernos", "cadernos", "estudos",
    "estudios", "studien", "studi", "studia", "mitteilungen", "beiträge", "berichte", "monatshefte",
    "nachrichten", "newsletter", "forum", "reports", "communications", "comptes", "rendus", "nature", "lancet",
    "plos", "bmj", "jama", "yearbook", "anuario", "anuário", "anais", "anales", "annali", "gazette", "digest",
    "zeitschr", "quart", "trimestrielle", "conference", "symposium", "workshop", "congress", "congresso",
    "congreso", "colloque", "tagung", "annual", "meeting",
])

EDITOR = frozenset([
    "ed", "ed.", "eds", "eds.", "editor", "editors", "edited", "hrsg", "hrsg.", "hg", "hg.", "dir", "dir.",
    "coord", "org", "orgs", "(ed.)", "(eds.)", "(hrsg.)", "(dir.)", "(org.)", "(coord.)", "(ed)", "(eds)",
])
TRANSLATOR = frozenset([
    "trans", "trans.", "translated", "translator", "transl", "transl.", "übers", "übers.", "trad", "trad.",
    "tr.", "traduit", "traducción", "tradução",
])
POLISH_ROLES = frozenset(["red.", "tłum.", "przeł.", "oprac."])
"""Polish role words: "red." (edited by), "tłum." and "przeł." (translated by), "oprac." (prepared by). Kept out of
``EDITOR`` and ``TRANSLATOR``, features of the model (more words would change what it read in training): the
relabelling rules read them beside those."""
PAGES = frozenset([
    "p", "p.", "pp", "pp.", "pages", "page", "s.", "seite", "seiten", "pág", "pág.", "págs",
])
VOLUME = frozenset([
    "vol", "vol.", "vols", "vols.", "volume", "volumes", "bd", "bd.", "band", "tome", "t.", "tomo", "v.",
    "vol.",
])
NUMBER = frozenset([
    "no", "no.", "nos", "nos.", "number", "issue", "iss", "iss.", "n.", "nr", "nr.", "núm", "núm.", "heft",
    "h.", "n°",
])
IN = frozenset([
    "in", "in:", "dans", "en", "em",
])
ACCESSED = frozenset([
    "accessed", "retrieved", "available", "viewed", "consulted", "consulté", "abgerufen", "consultado",
    "acesso", "acessado",
])
AND = and_words("en", "de", "fr", "es", "pt", "it")
"""The words for "and" of the languages the model was trained on (a feature of its own: more words would change
what it read in training)."""
THESIS = frozenset([
    "thesis", "dissertation", "diss", "diss.", "phd", "ph.d.", "doctoral", "master's", "masters", "thèse",
    "tesis", "tese", "report", "paper", "working", "preprint", "unpublished", "manuscript",
])
PLACE = frozenset([
    "london", "new", "york", "paris", "berlin", "cambridge", "oxford", "boston", "chicago", "washington",
    "amsterdam", "tokyo", "madrid", "barcelona", "lisboa", "lisbon", "são", "paulo", "rio", "janeiro",
    "münchen", "munich", "frankfurt", "hamburg", "wien", "vienna", "zürich", "leipzig", "stuttgart",
    "heidelberg", "bonn", "köln", "rome", "roma", "milano", "milan", "bologna", "firenze", "torino",
    "bruxelles", "brussels", "genève", "geneva", "lyon", "montréal", "montreal", "toronto", "ottawa",
    "sydney", "melbourne", "beijing", "delhi", "mexico", "buenos", "aires", "philadelphia", "baltimore",
    "princeton", "stanford", "berkeley", "ithaca", "durham", "toronto", "basingstoke", "abingdon",
    "thousand", "oaks", "malden", "hoboken", "heidelberg", "dordrecht", "leiden", "singapore", "ny", "ca",
    "ma", "uk", "usa",
    # more publishing places, and US state abbreviations
    "los", "angeles", "san", "francisco", "diego", "seattle", "atlanta", "houston", "dallas", "austin",
    "pittsburgh", "cleveland", "detroit", "minneapolis", "urbana", "champaign", "evanston", "arbor", "albany",
    "buffalo", "syracuse", "bloomington", "nashville", "lanham", "westport", "greenwich", "armonk",
    "cheltenham", "aldershot", "farnham", "burlington", "edinburgh", "glasgow", "manchester", "dublin",
    "copenhagen", "københavn", "stockholm", "oslo", "helsinki", "warsaw", "warszawa", "prague", "praha",
    "budapest", "moscow", "moskva", "athens", "istanbul", "cairo", "jerusalem", "seoul", "shanghai", "hong",
    "kong", "taipei", "bangkok", "jakarta", "manila", "mumbai", "bombay", "kolkata", "calcutta", "chennai",
    "bangalore", "karachi", "lahore", "tehran", "nairobi", "lagos", "johannesburg", "pretoria", "santiago",
    "bogotá", "bogota", "caracas", "quito", "montevideo", "havana", "auckland", "wellington", "canberra",
    "brisbane", "adelaide", "vancouver", "québec", "quebec", "marseille", "toulouse", "bordeaux", "lille",
    "strasbourg", "rennes", "nantes", "grenoble", "dresden", "göttingen", "tübingen", "freiburg", "mannheim",
    "münster", "bielefeld", "marburg", "wiesbaden", "opladen", "darmstadt", "weinheim", "basel", "bern",
    "lausanne", "salzburg", "graz", "innsbruck", "napoli", "naples", "venezia", "venice", "padova", "pisa",
    "genova", "sevilla", "valencia", "salamanca", "coimbra", "porto", "brasília", "brasilia", "curitiba",
    "recife", "campinas", "belo", "horizonte", "alegre", "florianópolis", "niterói", "petrópolis",
    "guadalajara", "monterrey", "rotterdam", "utrecht", "groningen", "antwerp", "antwerpen", "leuven",
    "louvain", "ghent", "gent", "luxembourg", "englewood", "saddle", "mahwah", "hillsdale", "norwood",
    "redmond", "cham", "boca", "raton", "totowa", "mass", "conn", "calif", "nj", "il", "md", "ct", "mi",
    "va", "nc", "wa", "tx", "fl", "ga", "oh", "mn", "wi", "co", "ri", "nh", "ut", "az", "nm", "ia", "ks",
])

#: Common given names in the languages of the training material (a feature, not a gatekeeper).
GIVEN = frozenset([
    "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
    "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
    "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
    "benjamin", "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry",
    "tyler", "aaron", "jose", "adam", "nathan", "henry", "peter", "mary", "patricia", "jennifer", "linda",
    "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa", "nancy", "betty", "margaret",
    "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda", "dorothy", "melissa",
    "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley",
    "anna", "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra",
    "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie", "olivia",
    "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn", "judith", "megan",
    "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara", "madison",
    "frances", "kathryn", "janice", "jean", "abigail", "alice", "judy", "sophia", "grace", "denise",
    "amber", "doris", "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie",
    "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "jean-pierre", "jean-claude", "jean-paul",
    "pierre", "jacques", "michel", "philippe", "alain", "bernard", "françois", "francois", "nicolas",
    "christophe", "olivier", "patrick", "laurent", "stéphane", "sébastien", "frédéric", "éric", "claude",
    "louis", "henri", "andré", "marcel", "rené", "yves", "gérard", "sylvie", "nathalie", "isabelle",
    "catherine", "françoise", "martine", "christine", "monique", "valérie", "sophie", "céline", "hans",
    "klaus", "jürgen", "wolfgang", "peter", "michael", "thomas", "andreas", "stefan", "frank", "uwe",
    "karl", "heinz", "günter", "werner", "horst", "dieter", "manfred", "helmut", "ulrich", "ursula",
    "monika", "petra", "sabine", "renate", "gisela", "brigitte", "ingrid", "helga", "karin", "juan",
    "carlos", "luis", "jorge", "manuel", "pedro", "francisco", "antonio", "javier", "miguel", "ángel",
    "rafael", "fernando", "pablo", "alejandro", "sergio", "ricardo", "eduardo", "roberto", "josé", "joão",
    "paulo", "marcos", "lucas", "gabriel", "rodrigo", "ana", "carmen", "lucía", "laura", "marta", "elena",
    "isabel", "beatriz", "cristina", "patricia", "rosa", "fernanda", "juliana", "mariana", "camila",
    "giovanni", "giuseppe", "marco", "luca", "francesco", "alessandro", "andrea", "matteo", "lorenzo",
    "stefano", "paolo", "roberto", "giulia", "chiara", "francesca", "yuki", "hiroshi", "takashi", "kenji",
    "wei", "li", "zhang", "wang", "chen", "liu", "yang", "jian", "ming", "hui", "xin", "ying", "jun",
    "ahmed", "mohamed", "mohammed", "ali", "hassan", "hussein", "omar", "fatima", "rajesh", "amit",
    "sanjay", "priya", "anil",
])
