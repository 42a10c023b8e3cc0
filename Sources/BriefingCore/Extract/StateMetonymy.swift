/// A country or capital named as a speaker stands for its government: in one
/// article "Venezuela accused Washington…" and "Venezuelan officials said…" are
/// the same source, and so are "Russia" and "the Russian government".
enum StateMetonymy {
    /// Heads of descriptions that speak for a state.
    private static let stateHeads: Set<String> = ["official", "officials", "government", "authorities", "leaders", "leadership", "administration", "regime"]

    /// Whether one name is a place and the other its officials or government.
    static func sameSpeaker(_ a: String, _ b: String) -> Bool {
        // Asked for every pair of an article's sources: first the cheap test that one of
        // them ends in a state head, before folding both.
        guard endsInStateHead(a) || endsInStateHead(b) else { return false }
        let first = words(a), second = words(b)
        return isStateDescription(second, of: first) || isStateDescription(first, of: second)
    }

    /// "Venezuelan officials" (or "the Venezuelan government") for the place "Venezuela".
    private static func isStateDescription(_ description: [String], of place: [String]) -> Bool {
        guard place.count == 1, let country = place.first, Lexicon.places.contains(country),
              let head = description.last, stateHeads.contains(head), description.count >= 2,
              let modifier = description.dropLast().last(where: { $0 != "the" })
        else { return false }
        return modifier == country || modifier.hasPrefix(country) || (country.count >= 5 && modifier.hasPrefix(country.dropLast()))
    }

    /// A country or capital's name: "Venezuela", "the U.S.".
    static func isPlace(_ name: String) -> Bool {
        let words = words(name).filter { $0 != "the" }
        return !words.isEmpty && words.allSatisfy { Lexicon.places.contains($0) }
    }

    private static func endsInStateHead(_ name: String) -> Bool {
        let last = name.lastIndex(of: " ").map { name[name.index(after: $0)...] } ?? name[...]
        return stateHeads.contains(last.lowercased())
    }

    private static func words(_ name: String) -> [String] {
        CoreferenceResolver.fold(name).split(separator: " ").map(String.init)
    }
}
