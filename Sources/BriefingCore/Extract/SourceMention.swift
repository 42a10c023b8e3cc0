/// A phrase of the text that refers to a source, as `SourceRecognizer` read it.
struct SourceMention: Sendable, Hashable {
    enum Reference: Sendable, Hashable {
        /// A proper name: "Venezuelan President Nicolás Maduro", "The Washington Post".
        case name
        /// A description: "a senior Pentagon official", "U.S. officials", "the source".
        case description
        /// "he", "she", "they", "it".
        case pronoun
    }

    var reference: Reference
    /// Token indices of the whole phrase in its paragraph.
    var tokens: Range<Int>
    var position: TextPosition
    /// The name ("Nicolás Maduro") or the description as written with its article
    /// lower-cased ("a senior Pentagon official"), or the pronoun.
    var text: String
    /// Lower-case singular head noun ("official"), or for names the last name word.
    var head: String
    var kind: SourceKind
    var isAnonymous: Bool
    /// Refers back to something already mentioned: "the official", "this report".
    var isDefinite: Bool
    var isPlural: Bool
    var role: String?
}

/// Reads a noun phrase as a source mention: name or description, kind, role,
/// anonymity. Returns nil for phrases that cannot speak ("satellite imagery and
/// intercepted communications" can, as evidence; "the nation’s borders" cannot).
struct SourceRecognizer: Sendable {
    let paragraph: AnalyzedParagraph

    func mention(_ range: Range<Int>) -> SourceMention? {
        let tokens = paragraph.tokens
        guard !range.isEmpty else { return nil }
        let position = TextPosition(block: paragraph.block.index, token: range.lowerBound)
        let first = tokens[range.lowerBound]
        if range.count == 3, tokens[range.upperBound - 1].lower == "them", NounPhraseReader.partitiveQuantifiers.contains(first.lower) {
            // "one of them": a member of the group last mentioned.
            return SourceMention(reference: .pronoun, tokens: range, position: position, text: "they", head: "they", kind: .group,
                                 isAnonymous: false, isDefinite: true, isPlural: true, role: nil)
        }
        if range.count == 1, Lexicon.personalPronouns.contains(first.lower) {
            return SourceMention(reference: .pronoun, tokens: range, position: position, text: first.lower,
                                 head: first.lower, kind: first.lower == "they" ? .group : .person, isAnonymous: false,
                                 isDefinite: true, isPlural: first.lower == "they", role: nil)
        }
        let core = coreRange(range)
        guard let headIndex = core.last else { return nil }
        let head = tokens[headIndex]
        if let name = named(core, range: range, position: position) { return name }
        // A description: the head must be a source noun.
        let headWord = head.bareLower
        guard let kind = WordShape.headKind(headWord) else { return nil }
        let determiner = Lexicon.determiners.contains(first.lower) ? first.lower : nil
        let isDefinite = ["the", "this", "that", "these", "those", "his", "her", "its", "their"].contains(determiner ?? "")
        let words = range.map { tokens[$0].lower }
        let markedAnonymous = words.contains { Lexicon.anonymityMarkers.contains($0) } || words.contains("familiar")
        let isIndefinite = determiner.map { Lexicon.indefiniteDeterminers.contains($0) } ?? false
        let isAnonymous = markedAnonymous || (kind == .person && isIndefinite)
        var text = paragraph.text(of: range)
        text = String(text.dropLast(tokens[range.upperBound - 1].possessiveLength))
        if first.isCapitalized, !WordShape.isNameWord(first) || WordShape.isHead(first.lower) {
            text = first.lower + text.dropFirst(first.text.count)
        }
        return SourceMention(
            reference: .description, tokens: range, position: position, text: text,
            head: WordShape.singular(headWord), kind: kind, isAnonymous: isAnonymous, isDefinite: isDefinite,
            isPlural: WordShape.isPlural(headWord), role: Lexicon.titles.contains(WordShape.singular(headWord)) ? head.text : nil)
    }

    /// The phrase without a trailing prepositional phrase, except inside names
    /// ("Ministry of Defense", "Secretary of State Marco Rubio").
    private func coreRange(_ range: Range<Int>) -> Range<Int> {
        let tokens = paragraph.tokens
        for i in (range.lowerBound + 1)..<range.upperBound
        where Lexicon.prepositions.contains(tokens[i].lower)
            || (!tokens[i].isCapitalized && NounPhraseReader.isPostModifier(tokens[i].lower) && WordShape.isHead(tokens[i - 1].lower)) {
            let insideName = ["of", "for"].contains(tokens[i].lower) && tokens[i - 1].isCapitalized && i + 1 < range.upperBound && tokens[i + 1].isCapitalized
            if !insideName { return range.lowerBound..<i }
        }
        return range
    }

    /// A proper name at the end of the core: person (with the title words before it
    /// as role) or organisation.
    private func named(_ core: Range<Int>, range: Range<Int>, position: TextPosition) -> SourceMention? {
        let tokens = paragraph.tokens
        // A capitalised person noun ("Officials said…") is a description, not a name.
        guard let last = core.last, WordShape.isNameWord(tokens[last]),
              isAcronym(tokens[last]) || !Lexicon.personHeads.contains(WordShape.singular(tokens[last].bareLower))
        else { return nil }
        // "Polls show…", "Documents reveal…": a capitalised plural common noun.
        if core.count == 1, WordShape.isHead(tokens[last].bareLower), WordShape.isPlural(tokens[last].bareLower) { return nil }
        // The name starts after the last title word.
        var nameStart = core.lowerBound
        for i in core where Lexicon.titles.contains(tokens[i].lower) && i < last { nameStart = i + 1 }
        if nameStart < last, tokens[nameStart].lower == "of", nameStart + 2 <= last {
            nameStart += 2  // "Secretary of State Marco Rubio"
        }
        var roleStart = core.lowerBound
        while roleStart < nameStart, Lexicon.determiners.contains(tokens[roleStart].lower) || WordShape.isDemonym(tokens[roleStart]) {
            roleStart += 1
        }
        if nameStart == core.lowerBound {
            // No title: skip determiners and lower-case modifiers before the name.
            while nameStart < last, !tokens[nameStart].isCapitalized || tokens[nameStart].lower == "the" && !isMediaName(core) {
                nameStart += 1
            }
        }
        let nameTokens = Array(nameStart...last)
        let nameWords = nameTokens.map { tokens[$0].bareLower }
        let isOrganization = nameWords.contains { Lexicon.organizationWords.contains($0) } || nameTokens.allSatisfy { isAcronym(tokens[$0]) }
            || (nameTokens.count <= 2 && nameWords.allSatisfy { Lexicon.places.contains($0) })
            || (nameTokens.count == 1 && WordShape.isHead(nameWords[0]))
            || (nameTokens.count >= 2 && (Lexicon.placeWords.contains(nameWords[nameWords.count - 1]) || Lexicon.placePrefixes.contains(nameWords[0])))
        var text = paragraph.text(of: nameStart..<(last + 1))
        text = String(text.dropLast(tokens[last].possessiveLength))
        let hasTitle = core.contains { Lexicon.titles.contains(tokens[$0].lower) && $0 < nameStart }
        let role = hasTitle && roleStart < nameStart ? paragraph.text(of: roleStart..<nameStart) : nil
        let markedAnonymous = range.contains { Lexicon.anonymityMarkers.contains(tokens[$0].lower) }
        return SourceMention(
            reference: .name, tokens: range, position: position, text: text, head: nameWords.last ?? "",
            kind: isOrganization ? .organization : .person, isAnonymous: markedAnonymous, isDefinite: false,
            isPlural: false, role: role)
    }

    private func isMediaName(_ core: Range<Int>) -> Bool {
        core.contains { Lexicon.mediaWords.contains(paragraph.tokens[$0].lower) && paragraph.tokens[$0].isCapitalized }
    }

    private func isAcronym(_ token: Token) -> Bool {
        let letters = token.text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }
}
