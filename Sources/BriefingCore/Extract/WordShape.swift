/// Word-level tests built on `Lexicon`, shared by the phrase readers and patterns.
enum WordShape {
    /// The singular of a lower-case noun, for the few plurals news text uses for
    /// sources ("officials" → "official", "people" → "person", "spokesmen" → "spokesman").
    static func singular(_ word: String) -> String {
        switch word {
        case "people": return "person"
        case "men": return "man"
        case "women": return "woman"
        default: break
        }
        if word.hasSuffix("men"), word.count > 4 { return String(word.dropLast(3)) + "man" }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("shes") || word.hasSuffix("ches") || word.hasSuffix("xes") {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
        return word
    }

    static func isPlural(_ word: String) -> Bool {
        Lexicon.pluralCollectives.contains(word) || (singular(word) != word && word != "news")
    }

    /// The kind of source a lower-case head noun names, if it names one.
    static func headKind(_ word: String) -> SourceKind? {
        let noun = singular(word)
        // Occupations by their ending: "hydrologists", "statisticians".
        let isOccupation = ["ologist", "ician"].contains { noun.hasSuffix($0) && noun.count > $0.count + 2 }
        if Lexicon.personHeads.contains(noun) || Lexicon.personHeads.contains(word) || isOccupation {
            return isPlural(word) ? .group : .person
        }
        if ["police", "authorities", "forces", "troops"].contains(word) { return .group }
        if Lexicon.organizationHeads.contains(noun) || Lexicon.organizationHeads.contains(word) { return .organization }
        if Lexicon.documentHeads.contains(noun) || Lexicon.documentHeads.contains(word) { return .document }
        return nil
    }

    static func isHead(_ word: String) -> Bool { headKind(word) != nil }

    /// A capitalised word that can be part of a name (not "However", "The").
    static func isNameWord(_ token: Token) -> Bool {
        guard token.isCapitalized, !token.isQuoted else { return false }
        let word = token.bareLower
        if Lexicon.functionWords.contains(word) || Lexicon.discourseOpeners.contains(word) || calendarWords.contains(word) { return false }
        if let verb = CueLexicon.verb(word), verb.form == .gerund || verb.form == .past { return false }
        return true
    }

    /// Lower-case name particles ("de", "van", "al-") inside a person's name.
    static let nameParticles: Set<String> = ["de", "da", "del", "della", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "dos", "du", "di", "ter", "y"]

    /// Ends in -ly, -ing or -ed: likely not part of a noun phrase.
    static func isVerbOrAdverbShaped(_ word: String) -> Bool {
        (word.hasSuffix("ly") && word.count > 4) || (word.hasSuffix("ing") && word.count > 5) || (word.hasSuffix("ed") && word.count > 4)
    }

    /// Demonyms and country abbreviations that are not part of a role ("Venezuelan
    /// President" → role "President").
    static func isDemonym(_ token: Token) -> Bool {
        guard token.isCapitalized else { return false }
        let word = token.lower
        if Lexicon.places.contains(word) { return true }
        return ["an", "ian", "ese", "ish", "i", "ic"].contains { word.hasSuffix($0) } && !Lexicon.titles.contains(word)
            && !Lexicon.organizationWords.contains(word)
    }

    /// Weekdays and months (except "May", "March", also names and verbs).
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "april", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.",
        "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
    ]

    static let timeWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "week",
        "weekend", "month", "year", "morning", "afternoon", "evening", "night", "today", "yesterday", "tonight",
        "statement", "interview", "speech", "briefing", "conference", "release", "tweet", "email", "call",
        "hearing", "podcast", "broadcast", "address", "remarks", "appearance", "meeting", "summit", "session",
    ]
}
