/// Compares the direct quotes of each cluster (near-identical words, see `ClaimClusterer`):
///
/// - **possible misattribution**: the words are given to different speakers. Two
///   anonymous speakers are not compared (they may be the same person); a named and an
///   anonymous one are.
/// - **drift**: one speaker's wording changes from one article to a later one. The
///   finding carries a word-level diff from the speaker's previous wording.
///
/// Linear in the cluster's quotes: each is compared with the previous quote of the same
/// speaker only, and diffs are computed only for quotes whose wording differs.
struct QuoteDriftDetector: Sendable {
    let graph: SiteGraph

    /// Misattribution findings list at most this many other speakers.
    static let speakersListed = 5

    /// - Parameter cluster: in provenance order.
    /// - Returns: findings by claim id.
    func findings(in cluster: ClaimCluster) -> [String: [QuoteFinding]] {
        let quotes = cluster.entries.compactMap { entry -> Claim? in
            guard let claim = graph.claim(entry.claimID), claim.isDirectQuote else { return nil }
            return claim
        }
        guard quotes.count >= 2 else { return [:] }
        var result: [String: [QuoteFinding]] = [:]

        // One claim per speaker, in order of first appearance.
        var firstBySpeaker: [(speaker: String, claimID: String, anonymous: Bool)] = []
        var seenSpeakers: Set<String> = []
        for claim in quotes where seenSpeakers.insert(claim.sourceID).inserted {
            firstBySpeaker.append((claim.sourceID, claim.id, graph.source(claim.sourceID)?.isAnonymous ?? false))
        }
        if firstBySpeaker.count >= 2 {
            for claim in quotes {
                let anonymous = graph.source(claim.sourceID)?.isAnonymous ?? false
                // The first few other speakers only: a quote given to hundreds stays linear.
                var others: [String] = []
                for other in firstBySpeaker where other.speaker != claim.sourceID && !(anonymous && other.anonymous) {
                    others.append(other.claimID)
                    if others.count == Self.speakersListed { break }
                }
                guard !others.isEmpty else { continue }
                result[claim.id, default: []].append(QuoteFinding(kind: .misattribution, otherClaimIDs: others, diff: []))
            }
        }

        var previousBySpeaker: [String: Claim] = [:]
        for claim in quotes {
            defer { previousBySpeaker[claim.sourceID] = claim }
            guard let previous = previousBySpeaker[claim.sourceID], previous.article != claim.article,
                  !WordDiff.sameWording(previous.text, claim.text),
                  let diff = WordDiff.diff(previous.text, claim.text)
            else { continue }
            result[claim.id, default: []].append(QuoteFinding(kind: .drift, otherClaimIDs: [previous.id], diff: diff))
        }
        return result
    }
}
