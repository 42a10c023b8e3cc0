/// What an attribution verb does to the claim it introduces.
enum CueClass: Sendable, Hashable {
    /// say, state, warn…: content is the complement.
    case speech
    /// add: continues the claim just made by the same source.
    case addition
    /// deny, dispute: the claim disputes another.
    case denial
    /// accuse: content is "Y of Z".
    case accusation
    /// describe, characterize: content is what follows "as".
    case description
    /// believe, hope, want, fear: content is the belief or intention.
    case belief
    /// show, reveal, find, indicate: evidence; needs a "that" clause or a document subject.
    case evidence
    /// call for, call on, urge: a demand; "called Y Q" only with a quotation.
    case demand
}

/// Which inflection of a verb a word is.
enum VerbForm: Sendable, Hashable {
    case base, thirdPerson, past, gerund
}

/// One attribution verb form ("acknowledged" → acknowledge, past, speech).
struct CueVerb: Sendable, Hashable {
    var lemma: String
    var form: VerbForm
    var cueClass: CueClass
    /// Whether it may follow its subject in an inverted quote attribution
    /// ("…,’ said a retired colonel").
    var invertible: Bool
    /// A particle the verb is a cue only with ("pointed out"): the cue's second word.
    var particle: String? = nil
}

/// The attribution verbs in all their forms.
enum CueLexicon {
    /// Looks up a lower-case word.
    static func verb(_ word: String) -> CueVerb? { forms[word] }

    private struct Entry {
        var forms: [String]  // base, 3rd person, past, gerund
        var cueClass: CueClass
        var invertible: Bool
        var particle: String? = nil
    }

    private static let entries: [Entry] = [
        Entry(forms: ["say", "says", "said", "saying"], cueClass: .speech, invertible: true),
        Entry(forms: ["tell", "tells", "told", "telling"], cueClass: .speech, invertible: false),
        Entry(forms: ["add", "adds", "added", "adding"], cueClass: .addition, invertible: true),
        Entry(forms: ["note", "notes", "noted", "noting"], cueClass: .speech, invertible: true),
        Entry(forms: ["state", "states", "stated", "stating"], cueClass: .speech, invertible: true),
        Entry(forms: ["stress", "stresses", "stressed", "stressing"], cueClass: .speech, invertible: true),
        Entry(forms: ["emphasize", "emphasizes", "emphasized", "emphasizing"], cueClass: .speech, invertible: true),
        Entry(forms: ["emphasise", "emphasises", "emphasised", "emphasising"], cueClass: .speech, invertible: true),
        Entry(forms: ["explain", "explains", "explained", "explaining"], cueClass: .speech, invertible: true),
        Entry(forms: ["insist", "insists", "insisted", "insisting"], cueClass: .speech, invertible: true),
        Entry(forms: ["argue", "argues", "argued", "arguing"], cueClass: .speech, invertible: true),
        Entry(forms: ["claim", "claims", "claimed", "claiming"], cueClass: .speech, invertible: true),
        Entry(forms: ["assert", "asserts", "asserted", "asserting"], cueClass: .speech, invertible: true),
        Entry(forms: ["contend", "contends", "contended", "contending"], cueClass: .speech, invertible: true),
        Entry(forms: ["allege", "alleges", "alleged", "alleging"], cueClass: .speech, invertible: false),
        Entry(forms: ["warn", "warns", "warned", "warning"], cueClass: .speech, invertible: true),
        Entry(forms: ["caution", "cautions", "cautioned", "cautioning"], cueClass: .speech, invertible: true),
        Entry(forms: ["predict", "predicts", "predicted", "predicting"], cueClass: .speech, invertible: true),
        Entry(forms: ["forecast", "forecasts", "forecasted", "forecasting"], cueClass: .speech, invertible: false),
        Entry(forms: ["estimate", "estimates", "estimated", "estimating"], cueClass: .speech, invertible: false),
        Entry(forms: ["announce", "announces", "announced", "announcing"], cueClass: .speech, invertible: true),
        Entry(forms: ["declare", "declares", "declared", "declaring"], cueClass: .speech, invertible: true),
        Entry(forms: ["confirm", "confirms", "confirmed", "confirming"], cueClass: .speech, invertible: true),
        Entry(forms: ["verify", "verifies", "verified", "verifying"], cueClass: .speech, invertible: false),
        Entry(forms: ["acknowledge", "acknowledges", "acknowledged", "acknowledging"], cueClass: .speech, invertible: true),
        Entry(forms: ["admit", "admits", "admitted", "admitting"], cueClass: .speech, invertible: true),
        Entry(forms: ["concede", "concedes", "conceded", "conceding"], cueClass: .speech, invertible: true),
        Entry(forms: ["reiterate", "reiterates", "reiterated", "reiterating"], cueClass: .speech, invertible: true),
        Entry(forms: ["deny", "denies", "denied", "denying"], cueClass: .denial, invertible: false),
        Entry(forms: ["dispute", "disputes", "disputed", "disputing"], cueClass: .denial, invertible: false),
        Entry(forms: ["accuse", "accuses", "accused", "accusing"], cueClass: .accusation, invertible: false),
        Entry(forms: ["describe", "describes", "described", "describing"], cueClass: .description, invertible: false),
        Entry(forms: ["characterize", "characterizes", "characterized", "characterizing"], cueClass: .description, invertible: false),
        Entry(forms: ["characterise", "characterises", "characterised", "characterising"], cueClass: .description, invertible: false),
        Entry(forms: ["report", "reports", "reported", "reporting"], cueClass: .speech, invertible: false),
        Entry(forms: ["reveal", "reveals", "revealed", "revealing"], cueClass: .evidence, invertible: false),
        Entry(forms: ["disclose", "discloses", "disclosed", "disclosing"], cueClass: .speech, invertible: false),
        Entry(forms: ["write", "writes", "wrote", "writing"], cueClass: .speech, invertible: true),
        Entry(forms: ["tweet", "tweets", "tweeted", "tweeting"], cueClass: .speech, invertible: true),
        Entry(forms: ["post", "posts", "posted", "posting"], cueClass: .speech, invertible: false),
        Entry(forms: ["suggest", "suggests", "suggested", "suggesting"], cueClass: .speech, invertible: true),
        Entry(forms: ["indicate", "indicates", "indicated", "indicating"], cueClass: .evidence, invertible: false),
        Entry(forms: ["recall", "recalls", "recalled", "recalling"], cueClass: .speech, invertible: true),
        Entry(forms: ["reply", "replies", "replied", "replying"], cueClass: .speech, invertible: true),
        Entry(forms: ["respond", "responds", "responded", "responding"], cueClass: .speech, invertible: true),
        Entry(forms: ["continue", "continues", "continued", "continuing"], cueClass: .addition, invertible: true),
        Entry(forms: ["testify", "testifies", "testified", "testifying"], cueClass: .speech, invertible: false),
        Entry(forms: ["complain", "complains", "complained", "complaining"], cueClass: .speech, invertible: true),
        Entry(forms: ["vow", "vows", "vowed", "vowing"], cueClass: .speech, invertible: true),
        Entry(forms: ["pledge", "pledges", "pledged", "pledging"], cueClass: .speech, invertible: false),
        Entry(forms: ["promise", "promises", "promised", "promising"], cueClass: .speech, invertible: false),
        Entry(forms: ["threaten", "threatens", "threatened", "threatening"], cueClass: .speech, invertible: false),
        Entry(forms: ["conclude", "concludes", "concluded", "concluding"], cueClass: .evidence, invertible: true),
        Entry(forms: ["find", "finds", "found", "finding"], cueClass: .evidence, invertible: false),
        Entry(forms: ["show", "shows", "showed", "showing"], cueClass: .evidence, invertible: false),
        Entry(forms: ["demonstrate", "demonstrates", "demonstrated", "demonstrating"], cueClass: .evidence, invertible: false),
        Entry(forms: ["believe", "believes", "believed", "believing"], cueClass: .belief, invertible: false),
        Entry(forms: ["think", "thinks", "thought", "thinking"], cueClass: .belief, invertible: false),
        Entry(forms: ["hope", "hopes", "hoped", "hoping"], cueClass: .belief, invertible: false),
        Entry(forms: ["want", "wants", "wanted", "wanting"], cueClass: .belief, invertible: false),
        Entry(forms: ["fear", "fears", "feared", "fearing"], cueClass: .belief, invertible: false),
        Entry(forms: ["expect", "expects", "expected", "expecting"], cueClass: .belief, invertible: false),
        Entry(forms: ["worry", "worries", "worried", "worrying"], cueClass: .belief, invertible: false),
        Entry(forms: ["suspect", "suspects", "suspected", "suspecting"], cueClass: .belief, invertible: false),
        Entry(forms: ["doubt", "doubts", "doubted", "doubting"], cueClass: .belief, invertible: false),
        Entry(forms: ["assess", "assesses", "assessed", "assessing"], cueClass: .belief, invertible: false),
        Entry(forms: ["inform", "informs", "informed", "informing"], cueClass: .speech, invertible: false),
        Entry(forms: ["assure", "assures", "assured", "assuring"], cueClass: .speech, invertible: false),
        Entry(forms: ["signal", "signals", "signaled", "signaling"], cueClass: .speech, invertible: false),
        Entry(forms: ["signal", "signals", "signalled", "signalling"], cueClass: .speech, invertible: false),
        Entry(forms: ["hint", "hints", "hinted", "hinting"], cueClass: .speech, invertible: false),
        Entry(forms: ["speculate", "speculates", "speculated", "speculating"], cueClass: .speech, invertible: false),
        Entry(forms: ["counter", "counters", "countered", "countering"], cueClass: .speech, invertible: true),
        Entry(forms: ["boast", "boasts", "boasted", "boasting"], cueClass: .speech, invertible: true),
        Entry(forms: ["remark", "remarks", "remarked", "remarking"], cueClass: .speech, invertible: true),
        Entry(forms: ["comment", "comments", "commented", "commenting"], cueClass: .speech, invertible: true),
        Entry(forms: ["maintain", "maintains", "maintained", "maintaining"], cueClass: .speech, invertible: false),
        Entry(forms: ["project", "projects", "projected", "projecting"], cueClass: .speech, invertible: false),
        Entry(forms: ["call", "calls", "called", "calling"], cueClass: .demand, invertible: false),
        Entry(forms: ["urge", "urges", "urged", "urging"], cueClass: .demand, invertible: false),
        Entry(forms: ["ask", "asks", "asked", "asking"], cueClass: .demand, invertible: false),
        Entry(forms: ["calculate", "calculates", "calculated", "calculating"], cueClass: .evidence, invertible: false),
        Entry(forms: ["affirm", "affirms", "affirmed", "affirming"], cueClass: .speech, invertible: true),
        Entry(forms: ["agree", "agrees", "agreed", "agreeing"], cueClass: .speech, invertible: false),
        Entry(forms: ["recommend", "recommends", "recommended", "recommending"], cueClass: .speech, invertible: false),
        Entry(forms: ["reject", "rejects", "rejected", "rejecting"], cueClass: .denial, invertible: false),
        Entry(forms: ["point", "points", "pointed", "pointing"], cueClass: .speech, invertible: true, particle: "out"),
    ]

    private static let forms: [String: CueVerb] = {
        var table: [String: CueVerb] = [:]
        let order: [VerbForm] = [.base, .thirdPerson, .past, .gerund]
        for entry in entries {
            for (form, word) in zip(order, entry.forms) where table[word] == nil {
                table[word] = CueVerb(lemma: entry.forms[0], form: form, cueClass: entry.cueClass, invertible: entry.invertible,
                                      particle: entry.particle)
            }
        }
        return table
    }()

    /// Verbs whose complement must be a "that" clause, a quotation, or
    /// (for `.evidence`) whose subject must be a document, to count as a claim:
    /// "maintained the system" or "found a body" is narration.
    static let needsClauseComplement: Set<String> = [
        "maintain", "find", "show", "demonstrate", "signal", "project", "calculate", "respond", "conclude",
        "post", "comment", "indicate", "reveal", "verify", "agree", "recommend", "tell",
    ]

    /// Nouns that carry a claim when followed by "is that" ("Their assessment is
    /// that…", "The official's view was that…").
    static let claimNouns: Set<String> = [
        "assessment", "view", "position", "conclusion", "belief", "argument", "contention", "claim",
        "understanding", "expectation", "fear", "hope", "concern", "estimate", "suspicion", "message",
        "stance", "verdict", "judgment", "judgement", "finding", "point", "worry", "warning",
    ]
}
