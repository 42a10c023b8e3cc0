extension SitePaths {
    /// Page `number` (from 1) of the claims made by named or by anonymous sources.
    public static func claimsBySourceKind(anonymous: Bool, page number: Int = 1) -> String {
        "claims/\(anonymous ? "anonymous" : "named")\(number > 1 ? "-\(number)" : "").html"
    }
}

/// Narrowing the claims without JavaScript: static, paged listings by status (see
/// `Listings`) and by named or anonymous source (here), and links to each article's claims.
/// The `claim-filters` partial shows them on every claims listing; `assets/reader.js`
/// adds checkboxes that narrow the list on the page further.
struct ClaimFilters: Sendable {
    /// Which listing a page is, to mark it in the filter bar.
    enum Selection: Sendable, Equatable {
        case all
        case status(ClaimStatus)
        case sourceKind(anonymous: Bool)
    }

    /// Articles the filter bar links to (newest first) before "all articles".
    static let articleLimit = 100

    /// An article in the filter bar.
    private struct ArticleEntry: Sendable {
        var slug: String
        var title: String
        var claimCount: Int
    }

    /// Claim positions in `SiteGraph.claims`, by named (false) or anonymous (true) source.
    private let byKind: [Bool: [Int]]
    private let articles: [ArticleEntry]
    private let articlesWithClaims: Int

    init(_ graph: SiteGraph) {
        var byKind: [Bool: [Int]] = [:]
        var perArticle: [String: Int] = [:]
        for (index, claim) in graph.claims.enumerated() {
            byKind[graph.source(claim.sourceID)?.isAnonymous ?? false, default: []].append(index)
            perArticle[claim.article, default: 0] += 1
        }
        self.byKind = byKind
        let withClaims = graph.articles.filter { (perArticle[$0.slug] ?? 0) > 0 }
        articlesWithClaims = withClaims.count
        articles = withClaims.prefix(Self.articleLimit).map {
            ArticleEntry(slug: $0.slug, title: PageText.clean($0.title), claimCount: perArticle[$0.slug] ?? 0)
        }
    }

    func claims(anonymous: Bool) -> [Int] { byKind[anonymous] ?? [] }

    /// Pages of the named (or anonymous) listing; 0 when there is no such claim.
    func pageCount(anonymous: Bool) -> Int {
        (claims(anonymous: anonymous).count + Listings.pageSize - 1) / Listings.pageSize
    }

    /// The filter bar for a listing page (`filters` in the templates).
    func context(_ selected: Selection, _ listings: Listings, _ models: ViewModels, from path: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        let statuses = ClaimStatus.allCases.sorted { $0.rank < $1.rank }.filter { !listings.claims(with: $0).isEmpty }
        return [
            "allHref": root + SitePaths.claimsIndex,
            "allCurrent": selected == .all,
            "total": claims(anonymous: false).count + claims(anonymous: true).count,
            "statuses": statuses.map { status -> [String: Any] in
                [
                    "status": status.rawValue, "label": models.statusLabel(status), "count": listings.claims(with: status).count,
                    "href": root + SitePaths.status(status), "current": selected == .status(status),
                ]
            },
            "kinds": [false, true].filter { !claims(anonymous: $0).isEmpty }.map { anonymous -> [String: Any] in
                [
                    "kind": anonymous ? "anonymous" : "named",
                    "label": anonymous ? "Anonymous sources" : "Named sources",
                    "count": claims(anonymous: anonymous).count,
                    "href": root + SitePaths.claimsBySourceKind(anonymous: anonymous),
                    "current": selected == .sourceKind(anonymous: anonymous),
                ]
            },
            "articles": articles.map { entry -> [String: Any] in
                ["title": entry.title, "count": entry.claimCount, "href": root + SitePaths.article(entry.slug) + "#article-claims"]
            },
            "articleCount": articlesWithClaims,
            "moreArticles": articlesWithClaims > articles.count,
            "articlesHref": root + SitePaths.articlesIndex,
        ]
    }

    /// Page `page` of the claims by named (or anonymous) sources.
    func listingContext(anonymous: Bool, page: Int, _ graph: SiteGraph, _ models: ViewModels, _ listings: Listings, from path: String) -> [String: Any] {
        let members = claims(anonymous: anonymous)
        let slice = members.dropFirst((page - 1) * Listings.pageSize).prefix(Listings.pageSize)
        return [
            "kind": anonymous ? "anonymous" : "named",
            "label": anonymous ? "Claims by anonymous sources" : "Claims by named sources",
            "count": members.count,
            "claims": slice.map { models.claimItem(graph.claims[$0], from: path) },
            "filters": context(.sourceKind(anonymous: anonymous), listings, models, from: path),
            "pagination": models.pagination(count: pageCount(anonymous: anonymous), current: page, from: path) {
                SitePaths.claimsBySourceKind(anonymous: anonymous, page: $0)
            },
        ]
    }
}
