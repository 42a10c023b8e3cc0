/// Decides whether a claim is corroborated: at least two independent sources support it.
///
/// The supporters of a cluster are its members whose cue carries the claim (not a denial)
/// and the claims an editor says `supports:` one of them. Each supporter is traced back
/// to an origin:
/// - `independent: false` on the claim: it repeats earlier reporting, so it traces to
///   the cluster's first supporter;
/// - a cited source ("X, citing Z, reported…", or `cites:`): it traces to Z;
/// - `same_origin:` on a source: it traces to the source named there;
/// - and on from there: if Z's own claim in the cluster cites W, to W.
/// Otherwise the claim's source is its own origin.
///
/// A cluster stated by two or more different sources is **corroborated** when its
/// supporters reach two or more distinct origins, and **circular** when they all reach one.
struct IndependenceChecker: Sendable {
    let graph: SiteGraph

    /// - Parameters:
    ///   - supporters: the supporting claims, first appearance first.
    /// - Returns: nil when fewer than two different sources state the claim.
    func corroboration(of supporters: [Claim]) -> Corroboration? {
        let speakers = Set(supporters.map(\.sourceID))
        guard speakers.count >= 2 else { return nil }
        // Within this claim, what each source cites for it.
        var citesBySource: [String: [String]] = [:]
        for claim in supporters where !claim.citedSourceIDs.isEmpty {
            for cited in claim.citedSourceIDs where !(citesBySource[claim.sourceID] ?? []).contains(cited) {
                citesBySource[claim.sourceID, default: []].append(cited)
            }
        }
        var chains: [OriginChain] = []
        var chainRange: [String: Range<Int>] = [:]
        var firstChains: [OriginChain] = []
        for (position, claim) in supporters.enumerated() {
            var claimChains: [OriginChain]
            if !claim.isIndependent, position > 0, !firstChains.isEmpty {
                claimChains = firstChains.map { first in
                    OriginChain(claimID: claim.id, sourceIDs: [claim.sourceID] + first.sourceIDs, steps: [.repeats] + first.steps)
                }
            } else {
                claimChains = trace(claim.sourceID, cited: claim.citedSourceIDs, citesBySource: citesBySource).map {
                    OriginChain(claimID: claim.id, sourceIDs: $0.sources, steps: $0.steps)
                }
            }
            if position == 0 { firstChains = claimChains }
            chainRange[claim.id] = chains.count..<(chains.count + claimChains.count)
            chains += claimChains
        }
        let origins = Array(Set(chains.map(\.origin))).sorted()
        return Corroboration(
            verdict: origins.count >= 2 ? .corroborated : .circular, origins: origins,
            supporterSourceIDs: speakers.sorted(), chains: chains, chainRange: chainRange,
            derivedChains: chains.indices.filter { chains[$0].sourceIDs.count > 1 })
    }

    /// Paths from `source` to its origins, following citations and `same_origin`.
    /// - Parameter cited: what the claim itself cites (its source's first step).
    private func trace(_ source: String, cited: [String], citesBySource: [String: [String]]) -> [(sources: [String], steps: [OriginChain.Step])] {
        var results: [(sources: [String], steps: [OriginChain.Step])] = []
        /// Depth-first; `path` never revisits a source, so cycles end.
        func walk(_ current: String, _ path: [String], _ steps: [OriginChain.Step], first: Bool) {
            let next: [(String, OriginChain.Step)]
            let sameOrigin = graph.source(current)?.sameOriginIDs ?? []
            let cites = first ? cited : (citesBySource[current] ?? [])
            next = (cites.map { ($0, .cites) } + sameOrigin.map { ($0, .sameOrigin) }).filter { !path.contains($0.0) }
            if next.isEmpty || path.count > 8 {
                results.append((path, steps))
                return
            }
            for (target, step) in next { walk(target, path + [target], steps + [step], first: false) }
        }
        walk(source, [source], [], first: true)
        return results
    }
}
