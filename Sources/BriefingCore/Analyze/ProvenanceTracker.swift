/// Orders each cluster's claims into its provenance: the first appearance by article
/// date, then every repetition after it with its speaker, date and cue, and how the cue
/// changed from the appearance before ("said" → "admitted": hardened).
///
/// Order: dated articles by date, undated ones last; then by article slug; then by
/// position in the article. The cluster is named after its first appearance.
struct ProvenanceTracker: Sendable {
    let graph: SiteGraph
    /// The claims' cues, read once.
    let cues: CueTable

    /// - Parameter groups: indices into `graph.claims`, at least two each.
    /// - Returns: the clusters, sorted by id.
    func clusters(_ groups: [[Int]]) -> [ClaimCluster] {
        let dates: [String: ArticleDate] = Dictionary(
            graph.articles.compactMap { article in article.effectiveDate.map { (article.slug, $0) } },
            uniquingKeysWith: { first, _ in first })
        return ConcurrentMap.map(groups) { [graph, cues] group in
            // Each claim's date looked up once, not at every comparison.
            let members = group.map { (claim: graph.claims[$0], date: dates[graph.claims[$0].article]) }.sorted { a, b in
                if a.date != b.date {
                    switch (a.date, b.date) {
                    case let (x?, y?): return x < y
                    case (.some, nil): return true
                    default: return false
                    }
                }
                return (a.claim.article, a.claim.span, a.claim.id) < (b.claim.article, b.claim.span, b.claim.id)
            }
            var entries: [ProvenanceEntry] = []
            entries.reserveCapacity(members.count)
            var previous: Claim?
            for (claim, date) in members {
                let shift = previous.flatMap { cues.shift(from: $0.cue, to: claim.cue) }
                entries.append(ProvenanceEntry(
                    claimID: claim.id, article: claim.article, sourceID: claim.sourceID, date: date,
                    cue: claim.cue, previousCue: shift == nil ? nil : previous?.cue, cueShift: shift,
                    isDenial: cues[claim.cue].reading.isDenial))
                previous = claim
            }
            return ClaimCluster(id: entries.first?.claimID ?? "", entries: entries, corroboration: nil)
        }.sorted { $0.id < $1.id }
    }
}
