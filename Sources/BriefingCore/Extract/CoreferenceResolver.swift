import Foundation

/// Turns source mentions into the article's sources, one per real-world source:
///
/// - names: "Maduro" after "Venezuelan President Nicolás Maduro" is the same
///   source, named by the full name (`NameRegistry`);
/// - definite descriptions ("the official", "the spokesperson", "the report") are
///   the most recent source with the same head noun, role or — for a report —
///   the outlet that reported;
/// - pronouns: "he"/"she" the most recently mentioned person, "they" the most
///   recent group or organisation, "it" the most recent organisation or document;
/// - indefinite descriptions are new sources unless worded identically.
struct CoreferenceResolver: Sendable {
    private(set) var sources: [ExtractedSource] = []
    private var heads: [String] = []
    private var lastSeen: [TextPosition] = []
    /// Sources that made a claim with the cue "reported"/"reports".
    private var reporters: Set<Int> = []
    private var personSource: [Int: Int] = [:]
    /// "he" or "she", once a pronoun or an honorific has told.
    private var gender: [Int: String] = [:]
    /// Keys of sources renamed after claims used them, old → new: "Venezuela" became
    /// "Venezuelan officials" once the article named who speaks for it.
    private(set) var renamedKeys: [String: String] = [:]
    let registry: NameRegistry

    init(registry: NameRegistry) {
        self.registry = registry
    }

    /// The index in `sources` of the source `mention` refers to, creating it if
    /// needed; nil when a pronoun has no antecedent.
    mutating func resolve(_ mention: SourceMention) -> Int? {
        let index: Int?
        switch mention.reference {
        case .name: index = resolveName(mention)
        case .pronoun: index = resolvePronoun(mention)
        case .description: index = resolveDescription(mention)
        }
        if let index { lastSeen[index] = max(lastSeen[index], mention.position) }
        return index
    }

    mutating func markAnonymous(_ index: Int) { sources[index].isAnonymous = true }

    mutating func noteCue(_ cue: String, of index: Int) {
        if cue.lowercased().hasPrefix("report") { reporters.insert(index) }
    }

    // MARK: - Names

    private mutating func resolveName(_ mention: SourceMention) -> Int {
        if mention.kind == .person, registry.lookup(mention.text) == nil, let organization = registry.organization(abbreviatedAs: mention.text) {
            return source(named: organization, head: NameRegistry.words(of: organization).last ?? "", kind: .organization,
                          anonymous: false, role: nil, position: mention.position)
        }
        guard mention.kind == .person, let person = registry.lookup(mention.text) else {
            return source(named: mention.text, head: mention.head, kind: mention.kind, anonymous: mention.isAnonymous,
                          role: mention.role, position: mention.position)
        }
        return sourceForPerson(person, role: mention.role, position: mention.position)
    }

    private mutating func sourceForPerson(_ person: Int, role: String?, position: TextPosition) -> Int {
        if let existing = personSource[person] {
            if sources[existing].role == nil { sources[existing].role = role }
            return existing
        }
        let entry = registry.people[person]
        let index = source(named: entry.name, head: entry.words.last ?? "", kind: .person, anonymous: false,
                           role: role ?? entry.role, position: position)
        personSource[person] = index
        return index
    }

    // MARK: - Pronouns

    private mutating func resolvePronoun(_ mention: SourceMention) -> Int? {
        let before = mention.position
        func latest(_ kinds: Set<SourceKind>, singular: Bool) -> Int? {
            sources.indices.filter { kinds.contains(sources[$0].kind) && lastSeen[$0] < before && (!singular || !isPlural($0)) }
                .max { lastSeen[$0] < lastSeen[$1] }
        }
        switch mention.text {
        case "he", "she":
            // The most recent person, skipping people already known by the other pronoun.
            let known = gender, wanted = mention.text
            func fits(_ index: Int?) -> Bool {
                guard let index, let said = known[index] else { return true }
                return said == wanted
            }
            let spoken = sources.indices.filter { sources[$0].kind == .person && lastSeen[$0] < before && fits($0) }
                .max { lastSeen[$0] < lastSeen[$1] }
            let named = registry.mentions.last { $0.position < before && fits(personSource[$0.person]) }
            var index = spoken
            if let named, spoken.map({ lastSeen[$0] < named.position }) ?? true {
                index = sourceForPerson(named.person, role: nil, position: named.position)
            }
            if let index { gender[index] = mention.text }
            return index
        case "they":
            return latest([.group, .organization], singular: false)
        default:
            return latest([.organization, .document], singular: false)
        }
    }

    // MARK: - Descriptions

    private mutating func resolveDescription(_ mention: SourceMention) -> Int? {
        if mention.isDefinite, let earlier = antecedent(of: mention) { return earlier }
        if mention.isDefinite, !mention.isPlural, mention.kind == .person, let person = titledPerson(before: mention.position, titled: mention.head) {
            // "the minister told lawmakers" after "Health Minister Dr. Oskar Rendahl" (who had not spoken).
            return sourceForPerson(person, role: nil, position: mention.position)
        }
        if mention.isDefinite, !mention.isPlural, Self.genericOrganizationHeads.contains(mention.head),
           let named = registry.organizationMentions.last(where: { $0.position < mention.position && Self.fits(name: $0.name, head: mention.head) }) {
            // "The IMF did not respond… the organization recommended…".
            return source(named: named.name, head: NameRegistry.words(of: named.name).last ?? "", kind: .organization,
                          anonymous: false, role: nil, position: named.position)
        }
        return source(named: mention.text, head: mention.head, kind: mention.kind, anonymous: mention.isAnonymous,
                      role: mention.role, position: mention.position)
    }

    private static let reportNouns: Set<String> = ["report", "article", "story", "newspaper", "paper", "outlet", "publication", "investigation", "broadcaster", "network", "channel", "magazine"]

    private static let headFamilies: [Set<String>] = [
        ["spokesperson", "spokesman", "spokeswoman"],
        ["official", "officer"],
        ["source", "insider", "person"],
        ["adviser", "advisor", "aide"],
        ["lawyer", "attorney", "counsel"],
    ]

    /// Heads that any organisation may be called by: "the company", "the organization".
    private static let genericOrganizationHeads: Set<String> = [
        "company", "firm", "organization", "organisation", "group", "carrier", "airline", "operator", "business", "corporation",
        "manufacturer", "retailer", "lender", "insurer", "utility", "institution", "body",
    ]

    /// Generic heads that may also name a public body ("the organization"); the others
    /// ("the company", "the firm") name businesses only.
    private static let anyOrganizationHeads: Set<String> = ["organization", "organisation", "group", "institution", "body"]

    /// Words that make an organisation's name a public body's, not a business's.
    private static let publicBodyWords: Set<String> = [
        "ministry", "department", "council", "committee", "commission", "government", "parliament", "senate", "congress",
        "court", "police", "army", "navy", "agency", "office", "authority", "board", "party", "union", "assembly", "cabinet",
    ]

    /// Role words of people who hold office, whom "the official" may refer back to.
    private static let officeTitles: Set<String> = Lexicon.titles.subtracting([
        "dr.", "dr", "doctor", "prof.", "prof", "professor", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "analyst", "economist",
        "correspondent", "editor", "researcher", "scientist", "strategist", "founder", "co-founder", "manager",
    ])

    /// The most recent source a definite description can refer back to.
    private func antecedent(of mention: SourceMention) -> Int? {
        let candidates = sources.indices.filter { lastSeen[$0] <= mention.position }.sorted { lastSeen[$0] > lastSeen[$1] }
        let head = mention.head
        let family = Self.headFamilies.first { $0.contains(head) } ?? [head]
        if !mention.isPlural, Self.genericOrganizationHeads.contains(head),
           let organization = candidates.first(where: { sources[$0].kind == .organization && Self.fits(name: sources[$0].name, head: head) }),
           registry.organizationMentions.last(where: { $0.position < mention.position }).map({ $0.position <= lastSeen[organization] }) ?? true {
            return organization
        }
        for index in candidates {
            let source = sources[index]
            if family.contains(heads[index]) && (isPlural(index) == mention.isPlural || source.kind == .organization || source.kind == .document) {
                return index
            }
            if let role = source.role?.lowercased(), role.split(separator: " ").contains(where: { family.contains(String($0)) }) {
                return index
            }
            if Self.reportNouns.contains(head),
               reporters.contains(index) || (source.kind == .organization && Lexicon.mediaWords.contains(heads[index])) {
                return index
            }
            if mention.kind == .organization, source.kind == .organization, source.name.lowercased().contains(head) { return index }
        }
        // "The official indicated…" after "The Minister of Economy, X, assured…".
        if head == "official", !mention.isPlural { return candidates.first { holdsOffice($0) } }
        return nil
    }

    private func isPlural(_ index: Int) -> Bool { sources[index].kind == .group }

    /// The person mentioned last before `position` whose role holds the title `head`.
    private func titledPerson(before position: TextPosition, titled head: String) -> Int? {
        registry.mentions.last { mention in
            mention.position < position
                && (registry.people[mention.person].role?.lowercased().split(separator: " ").contains { String($0) == head } ?? false)
        }?.person
    }

    /// Whether an organisation of this name may be called by the generic `head`: not a
    /// country, and for "the company" not a public body.
    private static func fits(name: String, head: String) -> Bool {
        guard !StateMetonymy.isPlace(name) else { return false }
        return anyOrganizationHeads.contains(head) || !fold(name).split(separator: " ").contains { publicBodyWords.contains(String($0)) }
    }

    /// A person whose role is an office: "Minister of Economy", "Board Chairwoman".
    private func holdsOffice(_ index: Int) -> Bool {
        guard sources[index].kind == .person, let role = sources[index].role?.lowercased() else { return false }
        return role.split(separator: " ").contains { Self.officeTitles.contains(String($0)) }
    }

    // MARK: - Creating sources

    private mutating func source(named name: String, head: String, kind: SourceKind, anonymous: Bool, role: String?,
                                 position: TextPosition) -> Int {
        let folded = Self.fold(name)
        if let existing = sources.firstIndex(where: { Self.fold($0.name) == folded || StateMetonymy.sameSpeaker($0.name, name) }) {
            if sources[existing].role == nil { sources[existing].role = role }
            if StateMetonymy.isPlace(sources[existing].name), !StateMetonymy.isPlace(name) {
                rename(existing, to: name, head: head, kind: kind)
            }
            return existing
        }
        sources.append(ExtractedSource(key: uniqueKey(for: name), name: name, kind: kind, isAnonymous: anonymous, role: role))
        if let honorific = role?.lowercased().split(separator: " ").first {
            if ["mr.", "mr"].contains(honorific) { gender[sources.count - 1] = "he" }
            if ["mrs.", "ms.", "mrs", "ms"].contains(honorific) { gender[sources.count - 1] = "she" }
        }
        heads.append(head)
        lastSeen.append(position)
        return sources.count - 1
    }

    /// Gives a place's source the name of those who speak for it ("Venezuelan officials").
    private mutating func rename(_ index: Int, to name: String, head: String, kind: SourceKind) {
        let old = sources[index].key
        sources[index].name = name
        sources[index].kind = kind
        heads[index] = head
        sources[index].key = ""
        let new = uniqueKey(for: name)
        sources[index].key = new
        for (from, to) in renamedKeys where to == old { renamedKeys[from] = new }
        renamedKeys[old] = new
    }

    private func uniqueKey(for name: String) -> String {
        let base = Self.slug(name)
        var key = base.isEmpty ? "source" : base
        var n = 2
        while sources.contains(where: { $0.key == key }) {
            key = "\(base)-\(n)"
            n += 1
        }
        return key
    }

    static func fold(_ text: String) -> String {
        // Most names are ASCII, where folding is lower-casing (Foundation's folding is slow).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
    }

    /// "Nicolás Maduro" → "nicolas-maduro", "U.S. officials" → "us-officials".
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.value >= 48 && scalar.value <= 57) {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if scalar != "." && scalar != "'" {
                pendingDash = true
            }
        }
        return out
    }
}
