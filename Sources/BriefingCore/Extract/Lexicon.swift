/// Word lists the rules consult, all lower-case with straight apostrophes.
///
/// They are deliberately general-English lists (no article-specific words): what
/// a reporter writes around attributions in any news story.
enum Lexicon {
    /// Words whose final period belongs to the word.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt",
        "sen", "rep", "gov", "rev", "st", "sr", "jr", "messrs", "hon", "pres", "supt", "insp", "det",
        "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "govt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
        "no", "nos", "vs", "etc", "approx", "est", "fig", "vol", "ave", "blvd", "mt", "ft", "mph",
    ]

    /// Abbreviations that precede a name or number and so never end a sentence.
    static let prefixAbbreviations: Set<String> = [
        "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "cmdr.", "adm.", "sgt.",
        "cpl.", "pvt.", "sen.", "rep.", "gov.", "rev.", "st.", "hon.", "pres.", "supt.", "insp.", "det.",
        "no.", "nos.", "vs.", "approx.", "fig.", "vol.", "mt.",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    ]

    /// Capitalised words that usually begin a sentence rather than continue a name;
    /// after an abbreviation ("…in the U.S. The next day…") they mark a new sentence.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "in", "on",
        "at", "this", "that", "these", "those", "there", "his", "her", "their", "its", "our", "my", "meanwhile",
        "however", "after", "before", "when", "while", "as", "if", "although", "though", "officials", "some",
        "many", "one", "still", "also", "then", "now", "last", "since", "for", "with", "by", "what", "why", "how",
    ]

    static let determiners: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "dozens", "hundreds", "some", "several", "many", "other", "another", "both",
        "each", "every", "no", "any", "his", "her", "their", "its", "our", "my", "your", "such", "few", "more",
        "most", "all", "various", "numerous", "multiple", "certain",
    ]

    static let indefiniteDeterminers: Set<String> = [
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some",
        "several", "many", "another", "dozens", "hundreds", "few", "various", "numerous", "multiple", "certain",
    ]

    static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does",
        "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'s", "'ve", "'d",
    ]

    static let beForms: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "am"]

    static let negations: Set<String> = [
        "not", "never", "didn't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "couldn't", "don't",
        "doesn't", "isn't", "wasn't", "weren't", "can't", "cannot", "shouldn't", "neither", "nor",
    ]

    /// Adverbs that may stand between a subject and its verb ("have repeatedly denied").
    static let verbAdverbs: Set<String> = [
        "also", "again", "later", "earlier", "previously", "recently", "still", "already", "further", "once",
        "then", "now", "often", "long", "first", "initially", "subsequently", "reportedly", "allegedly", "yet",
        "even", "just", "only", "since", "separately", "privately", "publicly", "repeatedly", "openly", "flatly",
        "never", "not", "always", "ever", "last", "today", "too", "however", "meanwhile", "had", "has", "have",
    ]

    static let prepositions: Set<String> = [
        "of", "in", "on", "at", "to", "for", "from", "with", "within", "by", "about", "against", "between",
        "into", "through", "during", "after", "before", "under", "over", "near", "among", "amid", "across",
        "behind", "beyond", "despite", "toward", "towards", "upon", "via", "without", "around", "inside",
        "outside", "like", "unlike", "since", "until", "per", "than",
    ]

    /// Prepositions that can continue a source description ("sources within the
    /// military", "an official at the embassy", "a spokesperson for the ministry").
    static let sourcePrepositions: Set<String> = ["within", "in", "at", "from", "for", "of", "with", "inside", "close", "familiar", "to", "on"]

    static let conjunctions: Set<String> = [
        "and", "or", "but", "nor", "so", "yet", "though", "although", "while", "whereas", "because", "as", "if",
        "unless", "when", "whenever", "where", "after", "before", "since", "until", "once", "than", "that",
        "which", "who", "whom", "whose", "what", "whether",
    ]

    /// Words that end a backwards walk over a noun phrase.
    static let functionWords: Set<String> = determiners.subtracting(["one", "two", "three", "four", "five"])
        .union(auxiliaries).union(prepositions).union(conjunctions).union(negations).union([
            "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me", "there", "here", "however",
            "meanwhile", "also", "not", "just", "even", "only", "very", "how", "why", "then", "now", "said",
            "says", "say", "according", "citing", "including", "such", "latter", "former", "last", "next",
        ])

    static let personalPronouns: Set<String> = ["he", "she", "they", "it"]

    /// Lower-case words that describe a source's role or affiliation inside a noun
    /// phrase ("a senior Pentagon official", "retired colonel").
    static let sourceModifiers: Set<String> = [
        "senior", "former", "top", "chief", "retired", "unnamed", "anonymous", "unidentified", "local",
        "foreign", "western", "independent", "military", "intelligence", "government", "administration",
        "security", "defense", "defence", "press", "deputy", "acting", "other", "state", "federal", "regional",
        "national", "international", "police", "army", "navy", "health", "finance", "interior", "justice",
        "campaign", "party", "opposition", "ruling", "white", "house", "company", "industry", "bank", "legal",
        "medical", "humanitarian", "aid", "defense", "diplomatic", "european", "american", "western", "eastern",
        "high-ranking", "high-level", "mid-level", "junior", "veteran", "longtime", "outgoing", "incoming",
        "current", "vice", "assistant", "associate", "executive", "managing", "general", "special", "official",
        "u.s.", "un", "eu", "nato", "economic", "political", "energy", "climate", "public", "private", "data",
        "research", "trade", "tech", "technology", "financial", "lead", "principal", "key", "prominent",
        "leading", "well-placed", "knowledgeable", "informed", "several", "few",
    ]

    static let titles: Set<String> = [
        "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "rep.", "representative",
        "congressman", "congresswoman", "governor", "gov.", "mayor", "general", "gen.", "colonel", "col.",
        "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "admiral", "adm.", "sergeant", "sgt.",
        "commander", "cmdr.", "dr.", "doctor", "prof.", "professor", "mr.", "mrs.", "ms.", "judge", "justice",
        "dr", "prof", "mr", "mrs", "ms",  // British style, without the period
        "ambassador", "chancellor", "king", "queen", "prince", "princess", "pope", "rev.", "reverend",
        "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "director", "commissioner", "chief", "attorney",
        "speaker", "leader", "spokesperson", "spokesman", "spokeswoman", "premier", "sheikh", "envoy",
        "officer", "inspector", "superintendent", "sheriff", "detective", "founder", "co-founder", "head",
        "president-elect", "emir", "ayatollah", "archbishop", "bishop", "marshal", "brig.", "brigadier",
        "analyst", "economist", "correspondent", "editor", "adviser", "advisor", "counsel", "manager",
        "strategist", "researcher", "scientist", "lawmaker", "official", "ceo", "executive", "chairperson",
    ]

    static let honorifics: Set<String> = ["mr.", "mrs.", "ms.", "dr.", "prof.", "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady"]

    /// Heads of noun phrases that name people who speak, singular form.
    static let personHeads: Set<String> = [
        "official", "source", "spokesperson", "spokesman", "spokeswoman", "representative", "diplomat",
        "insider", "aide", "adviser", "advisor", "analyst", "expert", "researcher", "scientist", "economist",
        "strategist", "commentator", "observer", "critic", "supporter", "activist", "lawmaker", "legislator",
        "senator", "congressman", "congresswoman", "politician", "minister", "president", "secretary",
        "ambassador", "envoy", "general", "colonel", "commander", "officer", "soldier", "lieutenant", "captain",
        "admiral", "sergeant", "chief", "director", "executive", "ceo", "chairman", "chairwoman", "founder",
        "manager", "employee", "worker", "staffer", "member", "leader", "lawyer", "attorney", "prosecutor",
        "judge", "investigator", "detective", "witness", "resident", "villager", "doctor", "physician", "nurse",
        "professor", "teacher", "student", "author", "journalist", "reporter", "correspondent", "editor",
        "person", "man", "woman", "farmer", "owner", "candidate", "governor", "mayor", "chancellor", "premier",
        "negotiator", "mediator", "inspector", "auditor", "historian", "engineer", "pilot", "veteran",
        "survivor", "victim", "relative", "neighbor", "neighbour", "protester", "protestor", "demonstrator",
        "organizer", "campaigner", "advocate", "opponent", "ally", "voter", "citizen", "consumer", "customer",
        "shareholder", "investor", "trader", "banker", "pollster", "forecaster", "meteorologist",
        "epidemiologist", "specialist", "consultant", "contractor", "operator", "militant", "rebel", "fighter",
        "commentator", "blogger", "influencer", "whistleblower", "defector", "informant", "counsel", "sheriff",
        "coroner", "medic", "paramedic", "firefighter", "trooper", "agent", "planner", "modeler", "biologist",
        "physicist", "chemist", "geologist", "climatologist", "virologist", "psychologist", "sociologist",
        "spokesmen", "people", "staff", "personnel", "parent", "mother", "father", "son", "daughter", "friend",
        "colleague", "partner", "insurer", "landlord", "tenant", "patient", "user", "developer", "designer",
        "architect", "coach", "player", "athlete", "officeholder", "delegate", "regulator", "administrator",
        "superintendent", "principal", "dean", "chair", "chairperson", "president-elect", "lobbyist",
        "driver", "clerk", "steelworker", "dockworker", "miner", "fisherman", "baker", "shopkeeper", "mechanic",
        "labourer", "laborer", "cleaner", "builder", "electrician", "plumber", "chef", "waiter", "porter", "caretaker",
    ]

    /// Heads of noun phrases that name organisations or bodies.
    static let organizationHeads: Set<String> = [
        "government", "ministry", "department", "agency", "administration", "military", "army", "navy",
        "company", "firm", "organization", "organisation", "institute", "university", "council", "committee",
        "commission", "office", "embassy", "court", "parliament", "congress", "senate", "party", "union",
        "bank", "fund", "newspaper", "paper", "outlet", "broadcaster", "network", "channel", "magazine",
        "bureau", "service", "watchdog", "campaign", "coalition", "alliance", "board", "cabinet", "group",
        "regime", "junta", "authority", "prosecutor's", "publication", "website", "station", "startup",
        "manufacturer", "carrier", "airline", "insurer", "utility", "operator", "charity", "foundation",
        "association", "federation", "league", "club", "team", "hospital", "school", "laboratory", "lab",
        "think-tank", "tank", "consultancy", "lender", "retailer", "maker", "producer", "supplier", "studio",
        "publisher", "platform", "app", "regulator", "tribunal", "legislature", "assembly", "kremlin",
        "pentagon", "police", "authorities", "forces", "troops", "command",
    ]

    /// Heads of noun phrases that name documents and evidence ("a study found").
    static let documentHeads: Set<String> = [
        "report", "study", "survey", "poll", "document", "memo", "memorandum", "data", "figures", "statistics",
        "analysis", "assessment", "review", "audit", "investigation", "filing", "letter", "statement", "record",
        "research", "estimate", "findings", "evidence", "image", "imagery", "footage", "video", "photo",
        "photograph", "intelligence", "cable", "email", "message", "transcript", "model", "projection",
        "census", "index", "article", "story", "paper", "documents", "ruling", "indictment", "complaint",
        "lawsuit", "release", "dossier", "briefing", "inquiry", "probe", "testimony", "book", "tally",
        "count", "results", "numbers", "readings", "measurements", "observations", "simulation", "disclosure",
        "filing", "minutes", "invoice", "receipt", "contract", "papers", "submission", "affidavit", "judgment",
        "forecast", "projection",
    ]

    /// Collective nouns that take a plural verb without a plural -s.
    static let pluralCollectives: Set<String> = [
        "people", "police", "staff", "personnel", "authorities", "forces", "troops", "data", "figures",
        "statistics", "findings", "spokesmen", "results", "numbers", "readings", "documents", "records",
    ]

    /// Words signalling that a source is unnamed.
    static let anonymityMarkers: Set<String> = [
        "anonymous", "unnamed", "unidentified", "anonymity", "insider", "insiders", "source", "sources",
    ]

    /// Capitalised words that make a name an organisation's.
    static let organizationWords: Set<String> = [
        "department", "ministry", "agency", "administration", "office", "council", "committee", "commission",
        "institute", "university", "college", "foundation", "association", "organization", "organisation",
        "union", "party", "bank", "fund", "corporation", "corp.", "inc.", "co.", "ltd.", "llc", "plc", "group",
        "company", "forces", "army", "navy", "force", "guard", "police", "court", "congress", "senate", "house",
        "parliament", "assembly", "government", "service", "bureau", "center", "centre", "network",
        "authority", "board", "federation", "alliance", "coalition", "league", "church", "hospital",
        "airlines", "airways", "motors", "systems", "technologies", "labs", "laboratory", "watch",
        "international", "pentagon", "kremlin", "nato", "un", "eu", "fbi", "cia", "nsa", "reserve", "treasury",
        "secretariat", "cabinet", "embassy", "consulate", "program", "programme", "tribunal", "corps",
        "command", "post", "times", "journal", "news", "press", "herald", "tribune", "guardian", "telegraph",
        "independent", "economist", "gazette", "chronicle", "observer", "daily", "reuters", "bloomberg", "afp",
        "ap", "cnn", "bbc", "npr", "axios", "politico", "tass", "xinhua", "interfax", "fox", "abc", "nbc",
        "cbs", "msnbc", "yonhap", "kyodo", "jazeera", "imf", "opec", "unicef", "unesco", "interpol",
        "hamas", "hezbollah", "taliban", "google", "apple", "microsoft", "amazon", "meta", "tesla", "openai",
        "institution", "society", "trust", "partners", "capital", "holdings", "industries", "energy",
        "pharmaceuticals", "media", "radio", "television", "tv", "magazine", "wire", "agency", "ministry",
        "directorate", "inspectorate", "regiment", "brigade", "division", "battalion", "fleet", "staff",
        "white", "commons", "lords", "duma", "knesset", "bundestag", "diet", "majlis", "cortes", "congressional",
        // Industries in company names ("Castlemere Steel", "Brandt Air", "Harlow Lines").
        "air", "steel", "lines", "shipping", "logistics", "mining", "oil", "petroleum", "pharma", "foods", "telecom",
        "railways", "rail", "insurance", "securities", "chemicals", "airport", "utilities", "semiconductor", "chamber",
    ]

    /// Last words of place names ("Tallow Bay", "Harrowgate Vale"): a place, not a person.
    static let placeWords: Set<String> = [
        "bay", "river", "valley", "vale", "lake", "island", "islands", "beach", "coast", "harbour", "harbor", "county",
        "district", "province", "region", "bridge", "sea", "gulf", "peninsula", "canyon", "desert", "creek", "strait",
        "square", "street", "road", "avenue", "estuary", "moor", "glen",
    ]

    /// First words of place names ("Port Calder", "Mount Ellis", "Lake Varn").
    static let placePrefixes: Set<String> = ["port", "mount", "lake", "fort", "cape", "isle"]

    /// Media names that keep their capitalised article ("The Washington Post").
    static let mediaWords: Set<String> = [
        "post", "times", "journal", "news", "press", "herald", "tribune", "guardian", "telegraph",
        "independent", "economist", "gazette", "chronicle", "observer", "daily", "atlantic", "hill",
        "intercept", "wire", "globe", "mail", "sun", "star", "mirror", "express", "standard",
    ]

    /// Countries, and capitals that stand for their governments ("Washington accused…").
    static let places: Set<String> = [
        "u.s.", "us", "usa", "america", "united", "states", "britain", "uk", "u.k.", "england", "france",
        "germany", "italy", "spain", "russia", "china", "japan", "india", "pakistan", "iran", "iraq", "syria",
        "israel", "lebanon", "egypt", "turkey", "ukraine", "belarus", "poland", "canada", "mexico", "brazil",
        "argentina", "venezuela", "colombia", "cuba", "chile", "peru", "nicaragua", "taiwan", "korea",
        "afghanistan", "saudi", "arabia", "qatar", "yemen", "jordan", "libya", "sudan", "ethiopia", "kenya",
        "nigeria", "south", "north", "africa", "australia", "indonesia", "vietnam", "philippines", "thailand",
        "myanmar", "greece", "sweden", "norway", "finland", "denmark", "netherlands", "belgium", "austria",
        "switzerland", "hungary", "romania", "serbia", "georgia", "armenia", "azerbaijan", "kazakhstan",
        "washington", "moscow", "beijing", "kyiv", "kiev", "tehran", "caracas", "jerusalem", "london", "paris",
        "berlin", "brussels", "tokyo", "seoul", "pyongyang", "ankara", "damascus", "baghdad", "riyadh",
        "cairo", "havana", "taipei", "delhi", "islamabad", "kabul", "bogota", "bogotá", "ottawa", "canberra",
        "gaza", "palestine", "europe", "emirates", "uae", "bolivia", "ecuador", "guatemala", "honduras",
        "panama", "haiti", "algeria", "morocco", "tunisia", "somalia", "congo", "ghana", "zimbabwe", "malaysia",
        "singapore", "bangladesh", "nepal", "mongolia", "portugal", "ireland", "scotland", "wales", "iceland",
        "estonia", "latvia", "lithuania", "moldova", "bulgaria", "croatia", "bosnia", "albania", "kosovo",
        "slovakia", "czech", "slovenia", "cyprus", "oman", "kuwait", "bahrain", "tajikistan", "uzbekistan",
    ]

    /// Words that start a parenthetical between a subject and its verb
    /// ("A senior official, speaking to reporters, said…", "X, who…, said").
    static let parentheticalStarters: Set<String> = [
        "who", "which", "whose", "citing", "speaking", "according", "a", "an", "the", "in", "on", "at", "after",
        "before", "during", "while", "when", "however", "meanwhile", "also", "though", "although", "for",
        "himself", "herself", "itself", "themselves", "too", "then", "based", "writing", "addressing",
        "responding", "asked", "reached", "contacted", "interviewed", "quoted", "appearing", "testifying",
        "in", "like", "unlike", "as", "with", "without", "not", "one", "both", "along", "together", "his",
        "her", "their", "its", "our", "by",
    ]

    /// Relative pronouns introducing a clause about the noun before them.
    static let relativePronouns: Set<String> = ["who", "which", "that", "whom"]

    /// Adverbial openers stripped from the start of a claim's text.
    static let discourseOpeners: Set<String> = [
        "however", "meanwhile", "moreover", "furthermore", "additionally", "still", "yet", "but", "and", "also",
        "indeed", "instead", "nevertheless", "nonetheless", "separately", "similarly", "likewise", "thus",
        "so", "then", "now", "today", "earlier", "later", "previously", "recently", "finally", "first",
        "second", "third", "overall", "ultimately", "otherwise",
    ]
}
