/// A digest of everything the analysis shows on article, claim and source pages: every
/// cluster with, for each appearance, the words, cue, source and article as displayed;
/// corroboration chains; quote findings; retraction dependencies and their reasons.
///
/// An incremental build renders only the pages of changed articles, but a cluster ties
/// pages of different articles together: a new repetition, an edited title or a retraction
/// in one article changes claim pages of others. `IncrementalPlan` folds this digest into
/// its global one, so any such change renders the whole site again, while an edit that
/// touches no cluster (the common case) stays incremental.
enum AnalysisDigest {
    static func of(_ analysis: Analysis, in graph: SiteGraph) -> StableDigest {
        var digest = StableDigest()
        func claim(_ id: String) {
            digest.combine(id)
            guard let claim = graph.claim(id) else { return }
            digest.combine(claim.text)
            digest.combine(claim.cue)
            digest.combine(claim.sourceID)
            digest.combine(graph.source(claim.sourceID)?.name ?? "")
            digest.combine(claim.status.rawValue)
            digest.combine(claim.credibility.map(String.init) ?? "")
            if let article = graph.article(claim.article) {
                digest.combine(article.title)
                digest.combine(article.effectiveDate?.description ?? "")
            }
        }
        for cluster in analysis.clusters {
            digest.combine("cluster")
            for entry in cluster.entries { claim(entry.claimID) }
            if let corroboration = cluster.corroboration { combine(corroboration, into: &digest, graph) }
        }
        for (id, corroboration) in analysis.unclusteredCorroboration.sorted(by: { $0.key < $1.key }) {
            digest.combine("alone")
            claim(id)
            combine(corroboration, into: &digest, graph)
        }
        for (id, findings) in analysis.quoteFindings.sorted(by: { $0.key < $1.key }) {
            digest.combine(id)
            for finding in findings {
                digest.combine(finding.kind.rawValue)
                finding.otherClaimIDs.forEach(claim)
                for piece in finding.diff { digest.combine(piece.kind.rawValue + piece.text) }
            }
        }
        digest.combine(analysis.credibilityOneSuggested.sorted().joined(separator: " "))
        for (id, dependencies) in analysis.retractions.claims.sorted(by: { $0.key < $1.key }) {
            claim(id)
            for dependency in dependencies {
                digest.combine(dependency.kind.rawValue)
                digest.combine(dependency.subject.id)
                digest.combine(dependency.retraction.kind.rawValue)
                digest.combine(dependency.retraction.reason)
                digest.combine(dependency.retraction.link ?? "")
                if case .source(let source) = dependency.subject { digest.combine(graph.source(source)?.name ?? "") }
                if case .claim(let other) = dependency.subject { digest.combine(graph.claim(other)?.text ?? "") }
            }
        }
        return digest
    }

    private static func combine(_ corroboration: Corroboration, into digest: inout StableDigest, _ graph: SiteGraph) {
        digest.combine(corroboration.verdict.rawValue)
        for chain in corroboration.chains {
            digest.combine(chain.claimID)
            for source in chain.sourceIDs {
                digest.combine(source)
                digest.combine(graph.source(source)?.name ?? "")
            }
            digest.combine(chain.steps.map(\.rawValue).joined(separator: " "))
        }
    }
}
