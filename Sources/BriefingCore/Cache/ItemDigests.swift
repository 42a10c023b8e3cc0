/// Digests of the items `ViewModels` builds for every article, source and claim: each
/// covers every value the item carries (not only those the default theme shows: a theme
/// may show any), bar its links, which depend on the page and are the same for one path.
/// A claim's item holds its source's and its article's, so it covers theirs too.
///
/// Keep in step with `ViewModels.article`, `.source` and `.claim`.
struct ItemDigests: Sendable {
    private var articles: [String: StableDigest] = [:]
    private var sources: [String: StableDigest] = [:]
    private var claims: [String: StableDigest] = [:]

    /// What an item that does not exist contributes (a missing claim, an unknown source).
    static let absent = StableDigest.of("absent")

    init(_ graph: SiteGraph) {
        articles.reserveCapacity(graph.articles.count)
        for article in graph.articles {
            var digest = StableDigest()
            digest.combine(article.slug)
            digest.combine(article.title)
            digest.combine(graph.claimCount(in: article.slug))
            for tag in article.tags { digest.combine(tag) }
            digest.combine(article.effectiveDate)
            digest.combine(article.author)
            digest.combine(article.publication)
            digest.combine(article.url)
            articles[article.slug] = digest
        }
        sources.reserveCapacity(graph.sources.count)
        for source in graph.sources {
            var digest = StableDigest()
            digest.combine(source.id)
            digest.combine(source.name)
            digest.combine(source.kind.rawValue)
            digest.combine(source.isAnonymous)
            digest.combine(source.claimIDs.count)
            digest.combine(source.articleSlugs.count)
            digest.combine(source.role)
            digest.combine(source.reliability)
            digest.combine(source.descriptor)
            sources[source.id] = digest
        }
        claims.reserveCapacity(graph.claims.count)
        for claim in graph.claims {
            var digest = StableDigest()
            digest.combine(claim.id)
            digest.combine(claim.text)
            digest.combine(claim.cue)
            digest.combine(claim.isDirectQuote)
            digest.combine(claim.status.rawValue)
            digest.combine(claim.isStatusCurated)
            digest.combine(claim.article)
            digest.combine(sources[claim.sourceID] ?? Self.absent)
            digest.combine(articles[claim.article] ?? Self.absent)
            digest.combine(claim.credibility)
            claims[claim.id] = digest
        }
    }

    func article(_ slug: String) -> StableDigest { articles[slug] ?? Self.absent }
    func source(_ id: String) -> StableDigest { sources[id] ?? Self.absent }
    func claim(_ id: String) -> StableDigest { claims[id] ?? Self.absent }
}
