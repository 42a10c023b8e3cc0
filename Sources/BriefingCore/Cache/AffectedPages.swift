/// Which article, claim and source pages an incremental build must render again, given
/// the articles whose content changed since the last build. Every other such page is
/// taken unchanged from the previous output. Listing pages (index, listings, feeds,
/// report, timeline…) are always rendered.
///
/// Two steps. First the entities that changed: the changed articles, their claims and
/// sources (old and new), the claims related to them, and the claims of their sources
/// (a source's claim list, counts and order change). Then every page that *shows* a
/// changed entity: a claim shows on its article's page, its source's page, the pages of
/// claims related to it and of other claims by its source, and the page of each source
/// it cites; a source shows (as a node of the picture, as a name) on the pages of every
/// source and article it shares an article with.
struct AffectedPages: Sendable {
    private(set) var articles: Set<String> = []
    private(set) var claims: Set<String> = []
    private(set) var sources: Set<String> = []

    init(changed: Set<String>, graph: SiteGraph, previous: [String: BuildCache.ArticleRecord]) {
        // 1. Entities whose content changed.
        var changedClaims: Set<String> = []
        var changedSources: Set<String> = []
        for slug in changed {
            if let record = previous[slug] {
                changedSources.formUnion(record.sourceIDs)
                changedClaims.formUnion(record.claimIDs)
                changedClaims.formUnion(record.relatedClaimIDs)
            }
            for claim in graph.claims(in: slug) {
                changedClaims.insert(claim.id)
                changedSources.insert(claim.sourceID)
                changedSources.formUnion(claim.citedSourceIDs)
                changedClaims.formUnion(claim.relations.map(\.claimID))
                changedClaims.formUnion(claim.inverseRelations.map(\.claimID))
            }
        }
        for id in changedSources {
            if let source = graph.source(id) { changedClaims.formUnion(source.claimIDs) }
        }

        // 2. Pages that show them.
        articles = changed
        claims = changedClaims
        sources = changedSources
        for id in changedClaims {
            guard let claim = graph.claim(id) else { continue }
            articles.insert(claim.article)
            sources.insert(claim.sourceID)
            sources.formUnion(claim.citedSourceIDs)
            for relation in claim.relations + claim.inverseRelations {
                claims.insert(relation.claimID)
                // The related claim's source links to this claim's source in its picture.
                if let related = graph.claim(relation.claimID) { sources.insert(related.sourceID) }
            }
        }
        for id in changedSources {
            guard let source = graph.source(id) else { continue }
            claims.formUnion(source.claimIDs)
            claims.formUnion(source.citedByClaimIDs)
            for slug in source.articleSlugs {
                articles.insert(slug)
                for claim in graph.claims(in: slug) {
                    sources.insert(claim.sourceID)
                    sources.formUnion(claim.citedSourceIDs)
                }
            }
        }
    }

    /// What an article contributes, for the next build's manifest.
    static func record(for article: Article, digest: StableDigest, in graph: SiteGraph) -> BuildCache.ArticleRecord {
        let claims = graph.claims(in: article.slug)
        var sources: Set<String> = []
        var related: Set<String> = []
        for claim in claims {
            sources.insert(claim.sourceID)
            sources.formUnion(claim.citedSourceIDs)
            related.formUnion(claim.relations.map(\.claimID))
            related.formUnion(claim.inverseRelations.map(\.claimID))
        }
        return BuildCache.ArticleRecord(
            digest: digest, claimIDs: claims.map(\.id), sourceIDs: sources.sorted(), relatedClaimIDs: related.sorted())
    }
}
