/// The claims, sources and articles listings, the paged listings by status and by kind of
/// source, and the timeline pages (`SiteRenderer`, `ClaimFilters`, `Timeline`). A listing
/// page holds the items it lists, so it is taken unchanged when they and its counts are.
extension PageInputs {
    func claimsIndex() -> StableDigest {
        var digest = StableDigest.of("claims")
        digest.combine(graph.claims.count)
        for status in ClaimStatus.allCases.sorted(by: { $0.rank < $1.rank }) {
            let members = listings.claims(with: status)
            digest.combine(status.rawValue)
            digest.combine(members.count)
            for position in members.prefix(SiteRenderer.groupPreview) { digest.combine(items.claim(graph.claims[position].id)) }
        }
        digest.combine(filterBar)
        return digest
    }

    func sourcesIndex() -> StableDigest {
        var digest = StableDigest.of("sources")
        digest.combine(graph.sources.count)
        for anonymous in [false, true] {
            digest.combine(anonymous)
            for source in graph.sources where source.isAnonymous == anonymous { digest.combine(items.source(source.id)) }
        }
        return digest
    }

    func articlesIndex() -> StableDigest {
        var digest = StableDigest.of("articles")
        digest.combine(graph.articles.count)
        for article in graph.articles { digest.combine(items.article(article.slug)) }
        return digest
    }

    func statusPage(_ status: ClaimStatus, page: Int) -> StableDigest {
        var digest = StableDigest.of("status", status.rawValue)
        digest.combine(listings.pageCount(status))
        digest.combine(listedClaims(listings.claims(with: status), page: page))
        return digest
    }

    func sourceKindPage(anonymous: Bool, page: Int) -> StableDigest {
        var digest = StableDigest.of("kind")
        digest.combine(anonymous)
        digest.combine(filters.pageCount(anonymous: anonymous))
        digest.combine(listedClaims(filters.claims(anonymous: anonymous), page: page))
        return digest
    }

    /// Page `page` of a paged claim listing: how many in all, those on the page, the filter bar.
    private func listedClaims(_ members: [Int], page: Int) -> StableDigest {
        var digest = StableDigest()
        digest.combine(page)
        digest.combine(members.count)
        for position in members.dropFirst((page - 1) * Listings.pageSize).prefix(Listings.pageSize) {
            digest.combine(items.claim(graph.claims[position].id))
        }
        digest.combine(filterBar)
        return digest
    }

    func timelinePage(_ page: Int) -> StableDigest {
        var digest = StableDigest.of("timeline")
        digest.combine(page)
        digest.combine(timeline.pageCount)
        digest.combine(timeline.order.count)
        digest.combine(ContextDigest.of(Timeline.range(graph)))
        for position in timeline.order.dropFirst((page - 1) * Timeline.pageSize).prefix(Timeline.pageSize) {
            let article = graph.articles[position]
            digest.combine(items.article(article.slug))
            for claim in graph.claims(in: article.slug).prefix(Timeline.claimsPerArticle) {
                digest.combine(items.claim(claim.id))
                digest.combine(analysis.timelineRepetition(claim))
            }
        }
        return digest
    }
}
