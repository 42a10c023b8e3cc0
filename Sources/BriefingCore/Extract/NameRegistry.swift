/// The people an article names, gathered in one pass before attribution, so a
/// later "Maduro" resolves to "Nicolás Maduro, President" and "he" can find the
/// person mentioned last even if that person has not spoken yet.
struct NameRegistry: Sendable {
    struct Person: Sendable {
        var name: String
        var role: String?
        /// Lower-case words of the name.
        var words: [String]
    }

    private(set) var people: [Person] = []
    /// Organisation names of two or more words ("Kestrel Logistics Inc."), so that a
    /// later "Kestrel" is the company.
    private(set) var organizations: [Person] = []
    /// Mentions of registered people in text order.
    private(set) var mentions: [(position: TextPosition, person: Int)] = []
    /// Organisation names in text order, for "the organization" after one that has not spoken.
    private(set) var organizationMentions: [(position: TextPosition, name: String)] = []

    init(paragraphs: [AnalyzedParagraph]) {
        var pending: [(TextPosition, SourceMention)] = []
        for paragraph in paragraphs {
            let reader = NounPhraseReader(tokens: paragraph.tokens)
            let recognizer = SourceRecognizer(paragraph: paragraph)
            let tokens = paragraph.tokens
            for sentence in paragraph.sentences {
                var i = sentence.tokens.lowerBound
                while i < sentence.tokens.upperBound {
                    guard WordShape.isNameWord(tokens[i]) else {
                        i += 1
                        continue
                    }
                    var j = i
                    while j + 1 < sentence.tokens.upperBound, !tokens[j].isPossessive,
                          WordShape.isNameWord(tokens[j + 1]) || WordShape.nameParticles.contains(tokens[j + 1].lower) {
                        j += 1
                    }
                    if let range = reader.phrase(endingAt: j, lowerBound: sentence.tokens.lowerBound),
                       let mention = recognizer.mention(range), mention.reference == .name {
                        if mention.kind == .person {
                            pending.append((TextPosition(block: paragraph.block.index, token: j), mention))
                        } else {
                            organizationMentions.append((TextPosition(block: paragraph.block.index, token: range.lowerBound), mention.text))
                            if Self.words(of: mention.text).count >= 2, !organizations.contains(where: { $0.name == mention.text }) {
                                organizations.append(Person(name: mention.text, role: nil, words: Self.words(of: mention.text)))
                            }
                        }
                    }
                    i = j + 1
                }
            }
        }
        // Full names first, so that a surname seen before the full name still resolves;
        // then titled surnames of no one registered ("Mr. Renn" after "Paulo Renn" is him).
        for (_, mention) in pending where Self.words(of: mention.text).count >= 2 {
            register(mention)
        }
        for (_, mention) in pending where Self.words(of: mention.text).count == 1 && mention.role != nil && lookup(mention.text) == nil {
            register(mention)
        }
        for (position, mention) in pending {
            if let person = lookup(mention.text) { mentions.append((position, person)) }
        }
    }

    /// The registered person a name refers to: the same full name, or a surname
    /// or given name of exactly one registered person.
    func lookup(_ name: String) -> Int? {
        let words = Self.words(of: name)
        guard let last = words.last else { return nil }
        if let exact = people.firstIndex(where: { $0.words == words }) { return exact }
        let matches = people.indices.filter { words.count == 1 ? people[$0].words.contains(last) : people[$0].words.last == last && people[$0].words.count > words.count }
        return matches.count == 1 ? matches[0] : matches.first { people[$0].words.last == last }
    }

    /// The organisation a one-word name abbreviates: "Kestrel" → "Kestrel Logistics Inc.".
    func organization(abbreviatedAs name: String) -> String? {
        let words = Self.words(of: name)
        guard words.count == 1, !people.contains(where: { $0.words.contains(words[0]) }) else { return nil }
        return organizations.first { $0.words.first == words[0] }?.name
    }

    /// The most recent person mentioned before `position`.
    func lastPerson(before position: TextPosition) -> (position: TextPosition, person: Int)? {
        mentions.last { $0.position < position }
    }

    private mutating func register(_ mention: SourceMention) {
        let words = Self.words(of: mention.text)
        if let existing = people.firstIndex(where: { $0.words == words }) {
            if people[existing].role == nil { people[existing].role = mention.role }
            return
        }
        people.append(Person(name: mention.text, role: mention.role, words: words))
    }

    static func words(of name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
    }
}
