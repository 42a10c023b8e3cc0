/// One digest per page an incremental build may take from the previous output, by path:
/// a digest of everything the page's template context is built from (`SiteRenderer`,
/// `AnalysisViews`, `ReaderPages`, `ViewModels`), except what every page shares (theme,
/// config, options, version: `IncrementalPlan`'s global digest). Equal digests, equal pages.
///
/// The index and the report sum up the whole briefing and are always rendered, as are the
/// published files and the assets: they have no digest. Nor has a path two pages share.
struct PageDigests: Sendable {
    private(set) var byPath: [String: StableDigest] = [:]

    init(_ graph: SiteGraph) {
        let inputs = PageInputs(graph)
        let digests = ConcurrentMap.map(inputs.pages) { inputs.digest($0) }
        var shared: Set<String> = []
        byPath.reserveCapacity(digests.count)
        for (path, digest) in digests where byPath.updateValue(digest, forKey: path) != nil {
            shared.insert(path)
        }
        for path in shared { byPath[path] = nil }
    }
}

/// What each page is made of, as digests (see `PageDigests`). Keep in step with the
/// contexts `SiteRenderer` builds for each kind of page.
struct PageInputs: Sendable {
    /// A page with a digest, as `SiteRenderer` lists its jobs (entities by position).
    enum Page: Sendable {
        case claimsIndex, sourcesIndex, articlesIndex
        case status(ClaimStatus, page: Int)
        case article(Int)
        case claim(Int)
        case source(Int)
        case timeline(page: Int)
        case sourceKind(anonymous: Bool, page: Int)
        case cluster(Int, page: Int)
    }

    let graph: SiteGraph
    let items: ItemDigests
    let analysis: AnalysisDigests
    let listings: Listings
    let filters: ClaimFilters
    let timeline: Timeline
    let network: SourceNetwork
    /// The filter bar of the claim listings, but for which listing is current.
    let filterBar: StableDigest

    init(_ graph: SiteGraph) {
        self.graph = graph
        // The digests of items and analysis on one core, the indexes of the listings on the other.
        let (digests, indexes) = ConcurrentMap.both({ () -> (ItemDigests, AnalysisDigests) in
            let items = ItemDigests(graph)
            return (items, AnalysisDigests(graph, items: items))
        }, {
            (Listings(graph), ClaimFilters(graph), Timeline(graph), SourceNetwork(graph))
        })
        (items, analysis) = digests
        (listings, filters, timeline, network) = indexes
        // Every listing is one folder down, so its links are the same as the claims index's.
        filterBar = ContextDigest.of(filters.context(.all, listings, ViewModels(graph: graph), from: SitePaths.claimsIndex))
    }

    /// Every page with a digest.
    var pages: [Page] {
        var pages: [Page] = [.claimsIndex, .sourcesIndex, .articlesIndex]
        for status in ClaimStatus.allCases {
            pages += (0..<listings.pageCount(status)).map { .status(status, page: $0 + 1) }
        }
        pages += graph.articles.indices.map { .article($0) }
        pages += graph.claims.indices.map { .claim($0) }
        pages += graph.sources.indices.map { .source($0) }
        pages += (1...timeline.pageCount).map { .timeline(page: $0) }
        for anonymous in [false, true] {
            pages += (0..<filters.pageCount(anonymous: anonymous)).map { .sourceKind(anonymous: anonymous, page: $0 + 1) }
        }
        for (index, cluster) in graph.analysis.clusters.enumerated() {
            pages += (1...clusterPageCount(cluster)).map { .cluster(index, page: $0) }
        }
        return pages
    }

    func digest(_ page: Page) -> (path: String, digest: StableDigest) {
        switch page {
        case .claimsIndex: return (SitePaths.claimsIndex, claimsIndex())
        case .sourcesIndex: return (SitePaths.sourcesIndex, sourcesIndex())
        case .articlesIndex: return (SitePaths.articlesIndex, articlesIndex())
        case let .status(status, number): return (SitePaths.status(status, page: number), statusPage(status, page: number))
        case .article(let index):
            let article = graph.articles[index]
            return (SitePaths.article(article.slug), articlePage(article))
        case .claim(let index):
            let claim = graph.claims[index]
            return (SitePaths.claim(claim.id), claimPage(claim))
        case .source(let index):
            let source = graph.sources[index]
            return (SitePaths.source(source.id), sourcePage(source))
        case .timeline(let number): return (SitePaths.timeline(page: number), timelinePage(number))
        case let .sourceKind(anonymous, number):
            return (SitePaths.claimsBySourceKind(anonymous: anonymous, page: number), sourceKindPage(anonymous: anonymous, page: number))
        case let .cluster(index, number):
            let cluster = graph.analysis.clusters[index]
            return (SitePaths.cluster(cluster.id, page: number), analysis.clusterPage(cluster, page: number, pageCount: clusterPageCount(cluster)))
        }
    }

    private func clusterPageCount(_ cluster: ClaimCluster) -> Int {
        AnalysisViews(graph: graph, models: ViewModels(graph: graph)).clusterPageCount(cluster)
    }
}
