extension SiteGraph {
    /// The other claims of its source a claim page lists, and whether the source has more.
    ///
    /// A bounded sample (a source can have thousands of claims): its claims in the same
    /// article first (read from the article, a dozen claims, not from the source's
    /// thousands), then the others in order; the source page has them all. A page per
    /// claim must not cost a pass over all the source's claims. Shared by the claim page
    /// and the incremental build's digest of it (`PageInputs`), which needs only the ids.
    func otherClaims(of claim: Claim, by source: Source, limit: Int) -> (claims: [Claim], more: Bool) {
        let sample = otherClaimPositions(of: claim, by: source, limit: limit)
        return (sample.positions.map { claims[$0] }, sample.more)
    }

    func otherClaimPositions(of claim: Claim, by source: Source, limit: Int) -> (positions: [Int], more: Bool) {
        var others: [Int] = []
        for position in claimPositions(in: claim.article) where others.count < limit {
            if claims[position].sourceID == source.id, claims[position].id != claim.id { others.append(position) }
        }
        // Stops after the sample plus the same-article claims it skips: bounded by the
        // article, whatever the source's size.
        for id in source.claimIDs where others.count < limit {
            guard let position = claimPosition(id), claims[position].article != claim.article else { continue }
            others.append(position)
        }
        return (others, source.claimIDs.count - 1 > others.count)
    }
}
