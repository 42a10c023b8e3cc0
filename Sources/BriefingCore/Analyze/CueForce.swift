/// How firmly an attribution cue presents its claim, for provenance: a claim first
/// "suggested", later "said", then "confirmed" has hardened as it was repeated.
///
/// The scale is coarse on purpose: hedged ("claimed", "alleged", "suggested", "believes")
/// < neutral ("said", "reported", "according to", and any cue not listed) < firm
/// ("confirmed", "admitted", "acknowledged", "revealed", "found"). Denials ("denied",
/// "disputed", "rejected") stand apart: they contradict the claim rather than carry it.
enum CueForce: Int, Sendable, Hashable, Comparable, Codable {
    case hedged = 1, neutral = 2, firm = 3

    static func < (lhs: CueForce, rhs: CueForce) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a cue does to its claim: contradicts it, or carries it with some force.
struct CueReading: Sendable, Hashable {
    var isDenial: Bool
    var force: CueForce

    /// Reads a cue as written ("confirmed", "according to", "flatly denied").
    init(_ cue: String) {
        var reading: (Bool, CueForce)?
        for word in ContentWords.rawWords(cue) {
            if let found = Self.forms[word] {
                reading = found
                break
            }
        }
        (isDenial, force) = reading ?? (false, .neutral)
    }

    private static let denials = ["deny", "dispute", "reject", "dismiss", "refute", "contest", "rebut", "contradict", "disavow"]
    private static let firm = ["confirm", "admit", "acknowledge", "concede", "reveal", "verify", "establish", "prove",
                               "show", "find", "demonstrate", "disclose", "conclude", "determine", "certify", "document"]
    private static let hedged = ["claim", "allege", "suggest", "speculate", "hint", "believe", "think", "suspect",
                                 "estimate", "predict", "expect", "fear", "hope", "assume", "guess", "rumor", "rumour",
                                 "insinuate", "imply"]
    private static let irregular: [String: String] = [
        "found": "find", "shown": "show", "thought": "think", "proven": "prove",
    ]

    /// Every inflection of the listed verbs, to its (denial, force).
    private static let forms: [String: (Bool, CueForce)] = {
        var table: [String: (Bool, CueForce)] = [:]
        for (lemmas, value) in [(denials, (true, CueForce.neutral)), (firm, (false, .firm)), (hedged, (false, .hedged))] {
            for lemma in lemmas {
                for form in inflections(of: lemma) where table[form] == nil { table[form] = value }
            }
        }
        for (form, lemma) in irregular {
            if let value = table[lemma] { table[form] = value }
        }
        return table
    }()

    /// "admit" → admit, admits, admitted, admitting; "deny" → denies, denied, denying.
    private static func inflections(of lemma: String) -> [String] {
        var forms = [lemma]
        if lemma.hasSuffix("y") {
            let stem = String(lemma.dropLast())
            forms += [stem + "ies", stem + "ied", lemma + "ing"]
        } else if lemma.hasSuffix("e") {
            let stem = String(lemma.dropLast())
            forms += [lemma + "s", lemma + "d", stem + "ing"]
        } else {
            forms += [lemma + "s", lemma + "ed", lemma + "ing"]
            if let last = lemma.last, "tp".contains(last), lemma.count <= 6 {
                forms += [lemma + String(last) + "ed", lemma + String(last) + "ing"]
            }
        }
        return forms
    }
}

/// How the cue changed from one appearance of a claim to the next.
public enum CueShift: String, Sendable, Hashable, Codable {
    /// Firmer: "said" → "confirmed", "claimed" → "said".
    case hardened
    /// Less firm: "confirmed" → "said".
    case softened
    /// From carrying the claim to denying it, or back.
    case reversed
    /// A different cue of the same force: "said" → "stated".
    case reworded

    /// Compares two cues as written; nil when they are the same words.
    static func between(_ previous: String, _ next: String) -> CueShift? {
        between(ReadCue(previous), ReadCue(next))
    }

    static func between(_ previous: ReadCue, _ next: ReadCue) -> CueShift? {
        guard previous.words != next.words else { return nil }
        let before = previous.reading, after = next.reading
        if before.isDenial != after.isDenial { return .reversed }
        if after.force > before.force { return .hardened }
        if after.force < before.force { return .softened }
        return .reworded
    }
}

/// A cue as written, read: its words (to tell a change of wording) and its reading.
struct ReadCue: Sendable {
    var words: [String]
    var reading: CueReading

    init(_ cue: String) {
        (words, reading) = (ContentWords.rawWords(cue), CueReading(cue))
    }
}

/// The briefing's cues, each read once: claims share a few dozen cues, and provenance
/// compares them at every appearance.
struct CueTable: Sendable {
    private var cues: [String: ReadCue] = [:]

    init(_ cues: some Sequence<String>) {
        for cue in cues where self.cues[cue] == nil { self.cues[cue] = ReadCue(cue) }
    }

    subscript(cue: String) -> ReadCue { cues[cue] ?? ReadCue(cue) }

    /// `CueShift.between` two cues of the table.
    func shift(from previous: String, to next: String) -> CueShift? {
        CueShift.between(self[previous], self[next])
    }
}
