/// Digests of what `AnalysisViews` puts on pages: a claim page's analysis sections, the
/// retraction banners, the timeline's repetition badges, the cluster pages. Each covers
/// what its section shows and no more (a cluster of a thousand claims shows its first
/// appearance and a few origin chains on every member's page, not the other 999), so an
/// edit in one appearance renders again only the pages whose sections change.
///
/// The corroboration section, the same on every page of its group, is digested once
/// per group. Keep in step with `AnalysisViews`.
struct AnalysisDigests: Sendable {
    private let graph: SiteGraph
    private let items: ItemDigests
    /// Each corroboration group's section: by cluster id, or by claim id for a claim in
    /// no cluster with explicit supporters.
    private var corroborationSections: [String: StableDigest] = [:]
    /// The first appearance of each large cluster, which every member's page shows.
    private var firstAppearances: [String: StableDigest] = [:]
    /// What every page of a cluster shows besides its share of the appearances.
    private var clusterHeadings: [String: StableDigest] = [:]

    private var analysis: Analysis { graph.analysis }

    init(_ graph: SiteGraph, items: ItemDigests) {
        self.graph = graph
        self.items = items
        for cluster in graph.analysis.clusters {
            if let corroboration = cluster.corroboration {
                corroborationSections[cluster.id] = corroborationSection(corroboration, focus: cluster.id)
            }
            if let first = cluster.entries.first, cluster.entries.count > AnalysisViews.smallCluster {
                firstAppearances[cluster.id] = entry(first, withText: false)
            }
            clusterHeadings[cluster.id] = clusterHeading(cluster)
        }
        for (id, corroboration) in graph.analysis.unclusteredCorroboration {
            corroborationSections[id] = corroborationSection(corroboration, focus: id)
        }
    }

    // MARK: - Claim page

    /// Grades, banner, corroboration, position and provenance, quote findings.
    func claimSections(_ claim: Claim) -> StableDigest {
        var digest = StableDigest.of("analysis")
        digest.combine(analysis.credibilityOneSuggested.contains(claim.id))
        digest.combine(claimBanner(claim.id))
        let placement = analysis.placement(of: claim.id)
        let cluster = placement.map { analysis.clusters[$0.cluster] }
        // The section of the claim's group, when it has one.
        digest.combine(corroborationSections[cluster?.id ?? claim.id] ?? ItemDigests.absent)
        if let cluster, let position = placement?.position {
            digest.combine(cluster.id)
            digest.combine(position)
            digest.combine(cluster.entries.count)
            digest.combine(cueChange(cluster.entries[position]))
            let ownChain = cluster.corroboration?.chains(of: claim.id).first { $0.sourceIDs.count > 1 }
            digest.combine(ownChain.map { chain($0, focus: claim.id) } ?? ItemDigests.absent)
            // A small cluster whole, with each appearance's words; a large one by its first
            // (the claim's own place is above).
            if cluster.entries.count <= AnalysisViews.smallCluster {
                digest.combine(provenance(cluster, shown: Array(cluster.entries.indices), current: claim.id, withText: true))
            } else {
                digest.combine(firstAppearances[cluster.id] ?? ItemDigests.absent)
            }
        } else {
            digest.combine(false)
        }
        for finding in analysis.quoteFindings[claim.id] ?? [] { digest.combine(quoteFinding(finding)) }
        return digest
    }

    /// The timeline's badge on a claim: first appearance or repetition of its cluster.
    func timelineRepetition(_ claim: Claim) -> StableDigest {
        guard let placement = analysis.placement(of: claim.id) else { return ItemDigests.absent }
        let cluster = analysis.clusters[placement.cluster]
        let position = placement.position
        var digest = StableDigest.of(cluster.id)
        // Not where it is among the appearances: whether it is the first.
        digest.combine(position == 0)
        digest.combine(cluster.entries.count)
        if position > 0, let first = cluster.entries.first {
            digest.combine(first.claimID)
            digest.combine(first.date)
        }
        digest.combine(cueChange(cluster.entries[position]))
        return digest
    }

    // MARK: - Cluster page

    /// Page `page` of a cluster: its heading and its appearances on that page.
    func clusterPage(_ cluster: ClaimCluster, page: Int, pageCount: Int) -> StableDigest {
        var digest = StableDigest.of("cluster", cluster.id)
        digest.combine(page)
        digest.combine(pageCount)
        digest.combine(cluster.entries.count)
        let start = (page - 1) * AnalysisViews.clusterPageSize
        for position in start..<min(cluster.entries.count, start + AnalysisViews.clusterPageSize) {
            // Each appearance: its date, its claim item, the first one and a change of cue marked.
            let entry = cluster.entries[position]
            digest.combine(entry.date)
            digest.combine(items.claim(entry.claimID))
            digest.combine(position == 0)
            digest.combine(cueChange(entry))
        }
        digest.combine(clusterHeadings[cluster.id] ?? ItemDigests.absent)
        return digest
    }

    /// Counts, first claim, corroboration and banner.
    private func clusterHeading(_ cluster: ClaimCluster) -> StableDigest {
        var digest = StableDigest()
        digest.combine(Set(cluster.entries.map(\.sourceID)).count)
        digest.combine(Set(cluster.entries.map(\.article)).count)
        digest.combine(graph.claimText(cluster.id))
        digest.combine(items.claim(cluster.id))
        digest.combine(corroborationSections[cluster.id] ?? ItemDigests.absent)
        let flagged = cluster.entries.map(\.claimID).filter { analysis.retractions.claims[$0] != nil }
        digest.combine(banner(flagged))
        return digest
    }

    // MARK: - Banners

    func articleBanner(_ slug: String) -> StableDigest {
        banner(analysis.retractions.articles[slug])
    }

    func sourceBanner(_ source: Source) -> StableDigest {
        var digest = banner(analysis.retractions.sources[source.id])
        digest.combine(source.retraction.map(mark) ?? ItemDigests.absent)
        return digest
    }

    private func claimBanner(_ id: String) -> StableDigest {
        guard let dependencies = analysis.retractions.claims[id] else { return ItemDigests.absent }
        var digest = StableDigest.of("reasons")
        for dependency in dependencies { digest.combine(reason(dependency)) }
        return digest
    }

    /// A banner listing flagged claims: how many, and the first ones with their reasons.
    private func banner(_ claimIDs: [String]?) -> StableDigest {
        guard let claimIDs, !claimIDs.isEmpty else { return ItemDigests.absent }
        var digest = StableDigest.of("banner")
        digest.combine(claimIDs.count)
        for id in claimIDs.prefix(AnalysisViews.bannerClaims) {
            digest.combine(items.claim(id))
            digest.combine(claimBanner(id))
        }
        return digest
    }

    private func mark(_ retraction: Retraction) -> StableDigest {
        var digest = StableDigest.of(retraction.kind.rawValue, retraction.reason)
        digest.combine(retraction.link)
        return digest
    }

    private func reason(_ dependency: RetractionDependency) -> StableDigest {
        var digest = mark(dependency.retraction)
        digest.combine(dependency.kind.rawValue)
        switch dependency.subject {
        case .source(let id):
            digest.combine("source")
            digest.combine(id)
            digest.combine(graph.sourceName(id))
        case .claim(let id):
            digest.combine("claim")
            digest.combine(id)
            digest.combine(graph.claimText(id))
        }
        return digest
    }

    // MARK: - Sections

    private func corroborationSection(_ corroboration: Corroboration, focus: String) -> StableDigest {
        var digest = StableDigest.of("corroboration", corroboration.verdict.rawValue)
        // `focus` is the group: the cluster's id, or the lone claim's (as AnalysisViews reads it).
        digest.combine(analysis.retractions.lostCorroboration.contains(focus))
        digest.combine(corroboration.supporterSourceIDs.count)
        digest.combine(corroboration.origins.count)
        for origin in corroboration.origins.prefix(AnalysisViews.originsShown) { digest.combine(items.source(origin)) }
        let (shown, total) = AnalysisViews.shownChains(corroboration, focus: focus)
        digest.combine(total)
        for each in shown { digest.combine(chain(each, focus: focus)) }
        return digest
    }

    private func chain(_ chain: OriginChain, focus: String) -> StableDigest {
        var digest = StableDigest.of("chain")
        for id in chain.sourceIDs {
            digest.combine(id)
            digest.combine(graph.sourceName(id))
        }
        for step in chain.steps { digest.combine(step.rawValue) }
        digest.combine(chain.claimID == focus)
        digest.combine(chain.claimID)
        let article = graph.claimPosition(chain.claimID).map { graph.claims[$0].article }
        digest.combine(article)
        digest.combine(article.flatMap(graph.articleTitle))
        digest.combine(article.flatMap(graph.articleDate))
        return digest
    }

    /// The appearances at `shown` (ascending: gaps between them are marked).
    private func provenance(_ cluster: ClaimCluster, shown: [Int], current: String, withText: Bool) -> StableDigest {
        var digest = StableDigest.of("provenance", cluster.id)
        digest.combine(cluster.entries.count)
        digest.combine(current)
        for position in shown {
            digest.combine(position)
            digest.combine(entry(cluster.entries[position], withText: withText))
        }
        return digest
    }

    private func entry(_ entry: ProvenanceEntry, withText: Bool) -> StableDigest {
        var digest = StableDigest.of(entry.claimID, entry.cue, entry.sourceID)
        digest.combine(entry.isDenial)
        digest.combine(graph.sourceName(entry.sourceID))
        digest.combine(entry.date)
        digest.combine(entry.article)
        digest.combine(graph.articleTitle(entry.article))
        digest.combine(withText ? graph.claimText(entry.claimID) : nil)
        digest.combine(cueChange(entry))
        return digest
    }

    private func cueChange(_ entry: ProvenanceEntry) -> StableDigest {
        var digest = StableDigest.of(entry.cue)
        digest.combine(entry.cueShift?.rawValue)
        digest.combine(entry.previousCue)
        return digest
    }

    private func quoteFinding(_ finding: QuoteFinding) -> StableDigest {
        var digest = StableDigest.of("quote", finding.kind.rawValue)
        for id in finding.otherClaimIDs.prefix(AnalysisViews.speakersShown) {
            digest.combine(id)
            guard let position = graph.claimPosition(id) else { continue }
            let other = (text: graph.claims[position].text, source: graph.claims[position].sourceID, article: graph.claims[position].article)
            digest.combine(other.text)
            digest.combine(other.source)
            digest.combine(graph.sourceName(other.source))
            digest.combine(graph.articleTitle(other.article))
            digest.combine(graph.articleDate(other.article))
        }
        for piece in finding.diff {
            digest.combine(piece.kind.rawValue)
            digest.combine(piece.text)
        }
        return digest
    }
}

extension SiteGraph {
    // One field of a claim, source or article, without copying it whole.

    func claimText(_ id: String) -> String? { claimPosition(id).map { claims[$0].text } }
    func sourceName(_ id: String) -> String? { sourcePosition(id).map { sources[$0].name } }
    func articleTitle(_ slug: String) -> String? { articlePosition(slug).map { articles[$0].title } }
    func articleDate(_ slug: String) -> ArticleDate? { articlePosition(slug).flatMap { articles[$0].effectiveDate } }
}
