import Foundation

/// Links a claim that disputes another: it says a claim is unconfirmed, false or
/// denied ("have not yet confirmed Maduro’s assertions", "called the report
/// baseless", "denied the allegation").
///
/// The target is found by the source named ("Maduro’s assertions" → a claim by
/// Maduro: the one sharing most words, else the first), or else by shared content
/// words with an earlier claim of another source.
struct RelationFinder: Sendable {
    private static let verifyWords: Set<String> = ["confirm", "confirmed", "verify", "verified", "corroborate", "corroborated", "substantiate", "substantiated", "support", "supported", "back", "backed", "prove", "proven", "proved"]
    private static let disputeWords: Set<String> = ["unverified", "unconfirmed", "unsubstantiated", "baseless", "unfounded", "untrue", "false", "fabricated", "exaggerated", "misleading", "inaccurate", "incorrect", "fabrication", "lies", "lie", "propaganda", "disinformation", "misinformation", "nonsense", "fake"]
    private static let referenceNouns: Set<String> = ["assertion", "assertions", "claim", "claims", "statement", "statements", "account", "accounts", "allegation", "allegations", "figures", "figure", "announcement", "remarks", "report", "reports", "comments", "version", "numbers", "account", "story", "description", "characterization", "narrative", "boast", "boasts", "estimate", "estimates"]

    func withRelations(_ claims: [ExtractedClaim], sources: [ExtractedSource]) -> [ExtractedClaim] {
        var result = claims
        let words = claims.map { Self.words($0.text) }
        for (i, claim) in claims.enumerated() where isDispute(words[i], cue: claim.cue) {
            if let target = target(of: i, claims: claims, words: words, sources: sources) {
                result[i].relations.append(ExtractedRelation(kind: .disputes, target: target))
            }
        }
        return result
    }

    private func isDispute(_ words: [String], cue: String) -> Bool {
        if CueLexicon.verb(cue.lowercased())?.cueClass == .denial { return true }
        for (i, word) in words.enumerated() {
            if Self.disputeWords.contains(word) { return true }
            if word == "no", i + 1 < words.count, words[i + 1] == "evidence" { return true }
            if Self.verifyWords.contains(word), words[max(0, i - 3)..<i].contains(where: { Lexicon.negations.contains($0) || $0.hasSuffix("n't") || $0 == "unable" || $0 == "cannot" }) {
                return true
            }
        }
        return false
    }

    private func target(of i: Int, claims: [ExtractedClaim], words: [[String]], sources: [ExtractedSource]) -> Int? {
        let earlier = Array(0..<i)
        // "Maduro’s assertions", "the Post’s report".
        for (w, word) in words[i].enumerated() where word.hasSuffix("'s") && w + 1 < words[i].count && Self.referenceNouns.contains(words[i][w + 1]) {
            let owner = CoreferenceResolver.fold(String(word.dropLast(2)))
            let keys = Set(sources.filter { CoreferenceResolver.fold($0.name).split(separator: " ").contains(Substring(owner)) }.map(\.key))
            let candidates = earlier.filter { keys.contains(claims[$0].sourceKey) }
            if let best = bestOverlap(words[i], candidates, words, minimum: 0) { return best }
        }
        let others = earlier.filter { claims[$0].sourceKey != claims[i].sourceKey }
        return bestOverlap(words[i], others, words, minimum: 0.25)
    }

    /// The candidate sharing most content words (F1 ≥ `minimum`), earliest on ties.
    private func bestOverlap(_ words: [String], _ candidates: [Int], _ all: [[String]], minimum: Double) -> Int? {
        var best: (index: Int, score: Double)?
        for c in candidates {
            let score = Self.overlap(words, all[c])
            if score >= minimum, score > (best?.score ?? -1) { best = (c, score) }
        }
        return best?.index
    }

    private static let stopWords: Set<String> = ["a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "by", "with", "as", "from", "which", "who", "not", "no", "will", "would"]

    static func overlap(_ a: [String], _ b: [String]) -> Double {
        let x = a.filter { !stopWords.contains($0) }, y = b.filter { !stopWords.contains($0) }
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var pool = y
        var common = 0
        for word in x {
            if let k = pool.firstIndex(of: word) {
                pool.remove(at: k)
                common += 1
            }
        }
        guard common > 0 else { return 0 }
        let p = Double(common) / Double(x.count), r = Double(common) / Double(y.count)
        return 2 * p * r / (p + r)
    }

    static func words(_ text: String) -> [String] {
        Tokenizer().tokenize(text).filter { $0.isWord || $0.kind == .number }.map(\.lower)
    }
}
