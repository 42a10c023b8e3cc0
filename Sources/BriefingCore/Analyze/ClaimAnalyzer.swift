/// The Analyze stage: runs after Link, reads the graph, returns what it found.
///
/// Clusters first (`ClaimClusterer`, `ProvenanceTracker`), then per cluster the quote
/// findings (`QuoteDriftDetector`) and corroboration (`IndependenceChecker`), then the
/// retractions (`RetractionPropagator`), then the credibility suggestions, which hold only
/// where the corroboration does not rest on retracted material.
public struct ClaimAnalyzer: Sendable {
    public init() {}

    /// What one run found, with what the build should say about it.
    public struct Result: Sendable {
        public var analysis: Analysis
        /// Circular reporting; `same_origin` naming no source.
        public var warnings: [Diagnostic]
        /// Lines for the build to print: what retractions changed, what was suggested.
        public var notes: [String]
    }

    /// Claims a note lists before "and N more".
    static let claimsListed = 5

    public func analyze(_ graph: SiteGraph) -> Result {
        let groups = ClaimClusterer().clusters(graph.claims.map(\.text))
        let cues = CueTable(graph.claims.lazy.map(\.cue))
        var analysis = Analysis(clusters: ProvenanceTracker(graph: graph, cues: cues).clusters(groups))

        // Quotes, then corroboration, cluster by cluster.
        let detector = QuoteDriftDetector(graph: graph)
        let checker = IndependenceChecker(graph: graph)
        var corroborationGroups: [(members: [String], supporters: [Claim], corroboration: Corroboration?)] = []
        let perCluster = ConcurrentMap.map(analysis.clusters) { cluster -> ([String: [QuoteFinding]], [Claim], Corroboration?) in
            let findings = detector.findings(in: cluster)
            let supporters = Self.supporters(of: cluster, graph)
            // Words given to several speakers cannot tell which of them confirms anything.
            let misattributed = findings.values.contains { $0.contains { $0.kind == .misattribution } }
            return (findings, supporters, misattributed ? nil : checker.corroboration(of: supporters))
        }
        for (index, (findings, supporters, corroboration)) in perCluster.enumerated() {
            analysis.quoteFindings.merge(findings) { $0 + $1 }
            analysis.setCorroboration(corroboration, cluster: index)
            corroborationGroups.append((analysis.clusters[index].claimIDs, supporters, corroboration))
        }
        // Claims an editor says others support: few, so the rest are not copied to look.
        for position in graph.claims.indices where !graph.claims[position].inverseRelations.isEmpty {
            let claim = graph.claims[position]
            guard analysis.clusterIndex(of: claim.id) == nil else { continue }
            let explicit = claim.inverseRelations.filter { $0.kind == .supports }.compactMap { graph.claim($0.claimID) }
            guard !explicit.isEmpty else { continue }
            let supporters = [claim] + explicit
            let corroboration = checker.corroboration(of: supporters)
            if let corroboration { analysis.unclusteredCorroboration[claim.id] = corroboration }
            corroborationGroups.append(([claim.id], supporters, corroboration))
        }

        analysis.retractions = RetractionPropagator(graph: graph).impact(groups: corroborationGroups)

        for group in corroborationGroups where group.corroboration?.verdict == .corroborated {
            for id in group.members {
                // Two fields of many claims: read in place, not copied whole.
                guard let position = graph.claimPosition(id), graph.claims[position].credibility != 1,
                      !cues[graph.claims[position].cue].reading.isDenial,
                      analysis.retractions.claims[id] == nil else { continue }
                analysis.credibilityOneSuggested.insert(id)
            }
        }

        let warnings = circularReportingWarnings(analysis, graph) + danglingSameOrigin(graph)
        return Result(analysis: analysis, warnings: warnings, notes: notes(analysis, graph))
    }

    /// A cluster's supporters: members whose cue carries the claim, then claims an editor
    /// says support one of them.
    static func supporters(of cluster: ClaimCluster, _ graph: SiteGraph) -> [Claim] {
        var supporters: [Claim] = []
        var ids: Set<String> = []
        for entry in cluster.entries where !entry.isDenial {
            if let claim = graph.claim(entry.claimID), ids.insert(claim.id).inserted { supporters.append(claim) }
        }
        for entry in cluster.entries {
            for relation in graph.claim(entry.claimID)?.inverseRelations ?? [] where relation.kind == .supports {
                if let claim = graph.claim(relation.claimID), ids.insert(claim.id).inserted { supporters.append(claim) }
            }
        }
        return supporters
    }

    // MARK: - Warnings

    /// One warning per circular cluster, at its first appearance; none when an editor has
    /// already judged one of its claims unverified, disputed or false.
    private func circularReportingWarnings(_ analysis: Analysis, _ graph: SiteGraph) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func name(_ id: String) -> String { graph.source(id)?.name ?? id }
        func check(_ claimIDs: [String], _ corroboration: Corroboration?) {
            guard let corroboration, corroboration.verdict == .circular, let first = claimIDs.first,
                  let claim = graph.claim(first), let article = graph.article(claim.article) else { return }
            let acknowledged = claimIDs.contains { id in
                guard let member = graph.claim(id), member.isStatusCurated else { return false }
                return [.unverified, .disputed, .false].contains(member.status)
            }
            guard !acknowledged else { return }
            let line = claim.span.block < article.blocks.count ? article.blocks[claim.span.block].line : 1
            let speakers = corroboration.supporterSourceIDs.map(name)
            warnings.append(.warning(.analyze, at: SourceLocation(file: article.file, line: line, column: 1),
                "claim `\(claim.localID)` looks corroborated by \(speakers.count) sources (\(speakers.joined(separator: ", "))) but all trace back to one origin, \(name(corroboration.origins.first ?? "")): circular reporting (see \(SitePaths.claim(claim.id))); set `status: unverified`, `disputed` or `false` on it in its sidecar once judged"))
        }
        for cluster in analysis.clusters { check(cluster.claimIDs, cluster.corroboration) }
        for (id, corroboration) in analysis.unclusteredCorroboration.sorted(by: { $0.key < $1.key }) { check([id], corroboration) }
        return warnings
    }

    /// `same_origin:` entries that name no source of the briefing.
    func danglingSameOrigin(_ graph: SiteGraph) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for article in graph.articles {
            let prefix = Linker.idPrefix(for: article.slug)
            for entry in article.sidecar?.sources ?? [] {
                for reference in entry.sameOrigin
                where graph.source(reference.id) == nil && graph.source("\(prefix)--\(reference.id)") == nil {
                    warnings.append(.warning(.analyze, at: reference.location,
                        "source `\(entry.id)` has `same_origin: \(reference.id)`, which is no source of the briefing; use a source id from this sidecar, a named source's id, or `<article>--<id>` for another article's anonymous source"))
                }
            }
        }
        return warnings
    }

    // MARK: - Notes

    /// What the build prints: each retraction and what it changed; the analysis in one line;
    /// credibility suggestions.
    private func notes(_ analysis: Analysis, _ graph: SiteGraph) -> [String] {
        var notes: [String] = []
        func list(_ items: [String]) -> String {
            let shown = items.prefix(Self.claimsListed).joined(separator: ", ")
            return items.count > Self.claimsListed ? "\(shown) and \(items.count - Self.claimsListed) more" : shown
        }
        for mark in analysis.retractions.marks {
            let what: String
            switch mark.subject {
            case .source(let id): what = "source `\(id)`"
            case .claim(let id): what = "claim `\(id)`"
            }
            let articles = Set(mark.claimIDs.compactMap { graph.claim($0)?.article }).sorted()
            var sources: Set<String> = []
            for id in mark.claimIDs {
                guard let claim = graph.claim(id) else { continue }
                sources.insert(claim.sourceID)
                sources.formUnion(claim.citedSourceIDs)
            }
            notes.append("\(mark.retraction.kind.rawValue): \(what) (\(mark.retraction.reason)): \(mark.claimIDs.count) claim\(mark.claimIDs.count == 1 ? "" : "s") depend on it: \(list(mark.claimIDs)); banners on \(articles.count) article page\(articles.count == 1 ? "" : "s") (\(list(articles))) and \(sources.count) source page\(sources.count == 1 ? "" : "s") (\(list(sources.sorted())))")
        }
        let corroborated = analysis.clusters.filter { $0.corroboration?.verdict == .corroborated }.count
        let circular = analysis.clusters.filter { $0.corroboration?.verdict == .circular }.count
        let findings = analysis.quoteFindings.values.flatMap { $0 }
        let misattributed = findings.filter { $0.kind == .misattribution }.count
        let drifted = findings.filter { $0.kind == .drift }.count
        let hardened = analysis.clusters.reduce(0) { $0 + $1.entries.filter { $0.cueShift == .hardened }.count }
        notes.append("analysis: \(analysis.clusters.count) claim clusters (\(analysis.clusters.reduce(0) { $0 + $1.entries.count }) claims); \(corroborated) corroborated by independent sources, \(circular) circular; \(misattributed) quotes possibly misattributed, \(drifted) drifted; \(hardened) cues hardened on repetition; \(analysis.retractions.claims.count) claims depend on retracted or discredited material")
        if !analysis.credibilityOneSuggested.isEmpty {
            let ids = analysis.credibilityOneSuggested.sorted()
            notes.append("credibility 1 (confirmed by other sources) suggested, not set, for \(ids.count) claim\(ids.count == 1 ? "" : "s"): \(list(ids)); write `credibility: 1` in their sidecars to accept")
        }
        return notes
    }
}
