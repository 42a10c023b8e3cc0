/// Finds every claim that depends on a source or claim an editor marked `retracted` or
/// `discredited`, and the article and source pages that show one.
///
/// A claim depends on a mark when
/// - it is marked itself, or its source is;
/// - its source cites a marked source, or its origin chain passes through one;
/// - it counted as corroborated, and without the supporters that depend on a mark it
///   would not be (fewer than two sources, or a single origin left).
///
/// Pages: an article page shows its claims; a source page its own claims and those that
/// cite it. Both carry a banner when one of those is flagged.
struct RetractionPropagator: Sendable {
    let graph: SiteGraph

    /// - Parameter groups: the corroboration groups (each cluster's supporters, and lone
    ///   claims with explicit supporters): the claims they speak for, their supporters,
    ///   and their verdict.
    func impact(groups: [(members: [String], supporters: [Claim], corroboration: Corroboration?)]) -> RetractionImpact {
        var impact = RetractionImpact()
        var markedSources: [String: Retraction] = [:]
        for source in graph.sources { if let mark = source.retraction { markedSources[source.id] = mark } }
        let markedClaims = graph.claims.filter { $0.retraction != nil }
        guard !markedSources.isEmpty || !markedClaims.isEmpty else { return impact }

        var dependencies: [String: [RetractionDependency]] = [:]
        func add(_ claimID: String, _ dependency: RetractionDependency) {
            if !(dependencies[claimID] ?? []).contains(dependency) { dependencies[claimID, default: []].append(dependency) }
        }
        // Direct dependencies.
        for claim in graph.claims {
            if let mark = claim.retraction { add(claim.id, .init(kind: .itself, subject: .claim(claim.id), retraction: mark)) }
            if let mark = markedSources[claim.sourceID] {
                add(claim.id, .init(kind: .source, subject: .source(claim.sourceID), retraction: mark))
            }
            for cited in claim.citedSourceIDs {
                if let mark = markedSources[cited] { add(claim.id, .init(kind: .cites, subject: .source(cited), retraction: mark)) }
            }
        }
        // Origin chains through a marked source.
        for group in groups {
            for chain in group.corroboration?.chains ?? [] {
                for source in chain.sourceIDs.dropFirst() {
                    if let mark = markedSources[source] {
                        add(chain.claimID, .init(kind: .cites, subject: .source(source), retraction: mark))
                    }
                }
            }
        }
        // Corroboration that rested on marked material.
        // Decided on the direct dependencies only, so the order of groups does not matter.
        let checker = IndependenceChecker(graph: graph)
        let direct = dependencies
        for group in groups where group.corroboration?.verdict == .corroborated {
            let tainted = Set(group.supporters.filter { direct[$0.id] != nil }.map(\.id))
            guard !tainted.isEmpty else { continue }
            let remaining = group.supporters.filter { !tainted.contains($0.id) }
            guard checker.corroboration(of: remaining)?.verdict != .corroborated else { continue }
            if let key = group.members.first { impact.lostCorroboration.insert(key) }
            var causes: [RetractionDependency] = []
            for id in tainted.sorted() {
                for cause in direct[id] ?? [] where !causes.contains(where: { $0.subject == cause.subject }) { causes.append(cause) }
            }
            for member in group.members where !tainted.contains(member) {
                for cause in causes {
                    add(member, .init(kind: .corroboration, subject: cause.subject, retraction: cause.retraction))
                }
            }
        }

        impact.claims = dependencies
        var bySubject: [RetractionSubject: [String]] = [:]
        for claim in graph.claims {
            guard let found = dependencies[claim.id] else { continue }
            impact.articles[claim.article, default: []].append(claim.id)
            impact.sources[claim.sourceID, default: []].append(claim.id)
            for cited in claim.citedSourceIDs where cited != claim.sourceID {
                impact.sources[cited, default: []].append(claim.id)
            }
            for subject in Set(found.map(\.subject)) { bySubject[subject, default: []].append(claim.id) }
        }
        var marks: [(subject: RetractionSubject, retraction: Retraction, claimIDs: [String])] = []
        for (id, mark) in markedSources { marks.append((.source(id), mark, bySubject[.source(id)] ?? [])) }
        for claim in markedClaims {
            if let mark = claim.retraction { marks.append((.claim(claim.id), mark, bySubject[.claim(claim.id)] ?? [])) }
        }
        impact.marks = marks.sorted { $0.subject < $1.subject }
        return impact
    }
}
