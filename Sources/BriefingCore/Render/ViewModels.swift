/// Plain dictionaries for the templates (swift-mustache renders these fastest).
/// docs/templates.md lists every variable; keep it in step.
///
/// All seed text goes through `PageText.clean` and reaches the page through `{{ }}`,
/// which escapes it; only cmark's safe-mode output is inserted raw (`{{{body}}}`).
struct ViewModels {
    let graph: SiteGraph
    /// Where claim items get their pre-rendered `html`; nil: items have no `html`.
    var fragments: FragmentCache? = nil

    /// Relative link from `page` to `target`.
    private func link(_ target: String, from page: String) -> String {
        SitePaths.root(from: page) + target
    }

    /// "the forces possess…" → "The forces possess…", for a headline.
    static func sentenceCase(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    func statusLabel(_ status: ClaimStatus) -> String {
        switch status {
        case .unverified: return "Unverified"
        case .corroborated: return "Corroborated"
        case .disputed: return "Disputed"
        case .false: return "False"
        case .true: return "True"
        }
    }

    func kindLabel(_ kind: SourceKind) -> String {
        switch kind {
        case .person: return "Person"
        case .organization: return "Organization"
        case .group: return "Group"
        case .document: return "Document"
        }
    }

    func relationLabel(_ kind: RelationKind, inverse: Bool) -> String {
        switch (kind, inverse) {
        case (.disputes, false): return "Disputes"
        case (.disputes, true): return "Disputed by"
        case (.supports, false): return "Supports"
        case (.supports, true): return "Supported by"
        }
    }

    // MARK: - Items

    func article(_ article: Article, from page: String) -> [String: Any] {
        var item: [String: Any] = [
            "slug": article.slug,
            "title": PageText.clean(article.title),
            "href": link(SitePaths.article(article.slug), from: page),
            "claimCount": graph.claimCount(in: article.slug),
            "oneClaim": graph.claimCount(in: article.slug) == 1,
            "tags": article.tags.map { ["name": PageText.clean($0)] },
        ]
        if let date = article.effectiveDate {
            item["date"] = date.longForm
            item["dateISO"] = date.description
        }
        if let author = article.author { item["author"] = PageText.clean(author) }
        if let publication = article.publication { item["publication"] = PageText.clean(publication) }
        if let url = article.url, URLPolicy.isSafeExternal(url) { item["url"] = url }
        return item
    }

    func source(_ source: Source, from page: String) -> [String: Any] {
        var item: [String: Any] = [
            "id": source.id,
            "name": PageText.clean(source.name),
            "href": link(SitePaths.source(source.id), from: page),
            "kind": source.kind.rawValue,
            "kindLabel": kindLabel(source.kind),
            "anonymous": source.isAnonymous,
            "claimCount": source.claimIDs.count,
            "oneClaim": source.claimIDs.count == 1,
            "oneArticle": source.articleSlugs.count == 1,
            "articleCount": source.articleSlugs.count,
        ]
        if let role = source.role { item["role"] = PageText.clean(role) }
        if let reliability = source.reliability { item["reliability"] = reliability }
        if let descriptor = source.descriptor { item["descriptor"] = PageText.clean(descriptor) }
        return item
    }

    /// - Parameter onOwnArticle: listed on its own article's page (links to the sentence
    ///   instead of naming the article).
    func claim(_ claim: Claim, from page: String, onOwnArticle: Bool = false) -> [String: Any] {
        var item: [String: Any] = [
            "id": claim.id,
            "href": link(SitePaths.claim(claim.id), from: page),
            "text": PageText.clean(claim.text),
            "headline": PageText.clean(Self.sentenceCase(claim.text)),
            "cue": PageText.clean(claim.cue),
            "quote": claim.isDirectQuote,
            "status": claim.status.rawValue,
            "statusLabel": statusLabel(claim.status),
            "statusCurated": claim.isStatusCurated,
            "sentenceHref": link(SitePaths.article(claim.article), from: page) + "#" + ClaimAnchor.htmlID(for: claim.id),
        ]
        if let source = graph.source(claim.sourceID) {
            item["source"] = self.source(source, from: page)
        }
        if let article = graph.article(claim.article) {
            item["article"] = self.article(article, from: page)
        }
        if let credibility = claim.credibility { item["credibility"] = credibility }
        if onOwnArticle { item["onOwnArticle"] = true }
        if let fragments {
            let fields = item
            item["html"] = ClaimItemFragment(key: Self.itemKey(claim, page, onOwnArticle), cache: fragments) { fields }
        }
        return item
    }

    /// A claim in a list rendered with `{{{html}}}`: its cached `claim-item` without building
    /// its fields again; a template that reads any other field gets `claim(_:from:)`'s.
    func claimItem(_ claim: Claim, from page: String, onOwnArticle: Bool = false) -> Any {
        guard fragments != nil else { return self.claim(claim, from: page, onOwnArticle: onOwnArticle) }
        return ClaimListItem(models: self, claim: claim, page: page, onOwnArticle: onOwnArticle)
    }

    /// The fragment cache's key for a claim item: the claim and the page's depth. nil on
    /// its own article's page, the only page that lists it so: cached, it would be memory
    /// held to the end of the render (a third of the cache) for no reuse.
    static func itemKey(_ claim: Claim, _ page: String, _ onOwnArticle: Bool) -> String? {
        onOwnArticle ? nil : "\(claim.id)|\(SitePaths.root(from: page))"
    }

    /// Claims grouped by status, statuses in order of urgency, empty groups left out.
    /// - Parameter limit: at most this many claims a group; `more` and `allHref` lead to the rest.
    func statusGroups(_ listings: Listings, limit: Int, from page: String) -> [[String: Any]] {
        ClaimStatus.allCases.sorted { $0.rank < $1.rank }.compactMap { status in
            let members = listings.claims(with: status)
            guard !members.isEmpty else { return nil }
            return [
                "status": status.rawValue,
                "label": statusLabel(status),
                "count": members.count,
                "claims": members.prefix(limit).map { claimItem(graph.claims[$0], from: page) },
                "more": members.count > limit,
                "allHref": link(SitePaths.status(status), from: page),
            ]
        }
    }

    /// Links to the pages of a paged listing: `pages` are the first, the last and those
    /// within `paginationReach` of the current one (marked), `gapBefore` where numbers are
    /// skipped. Every page listing every other would make the listings quadratic: 625
    /// pages of unverified claims at 10,000 articles, 625 links on each.
    func pagination(count: Int, current: Int, from page: String, path: (Int) -> String) -> [String: Any] {
        let shown = Self.shownPages(count: count, current: current)
        var result: [String: Any] = [
            "count": count, "current": current, "multiple": count > 1,
            "pages": shown.enumerated().map { index, number -> [String: Any] in
                [
                    "number": number, "href": link(path(number), from: page), "isCurrent": number == current,
                    "gapBefore": index > 0 && shown[index - 1] < number - 1,
                ]
            },
        ]
        if current > 1 { result["previous"] = link(path(current - 1), from: page) }
        if current < count { result["next"] = link(path(current + 1), from: page) }
        return result
    }

    /// Pages on each side of the current one that the pager links to.
    static let paginationReach = 2

    /// 1, the last page, and the pages within `paginationReach` of `current`, ascending.
    static func shownPages(count: Int, current: Int) -> [Int] {
        let count = max(count, 1)
        let current = min(max(current, 1), count)
        let near = max(1, current - paginationReach)...min(count, current + paginationReach)
        return Array(Set([1, count] + Array(near))).sorted()
    }
}

/// Claims indexed for listing pages, computed once per render.
struct Listings: Sendable {
    /// Claim positions in `SiteGraph.claims`, by status, in graph order.
    private let byStatus: [ClaimStatus: [Int]]
    /// Claims a listing page shows.
    static let pageSize = 200

    init(_ graph: SiteGraph) {
        var byStatus: [ClaimStatus: [Int]] = [:]
        for (index, claim) in graph.claims.enumerated() { byStatus[claim.status, default: []].append(index) }
        self.byStatus = byStatus
    }

    func claims(with status: ClaimStatus) -> [Int] { byStatus[status] ?? [] }

    func pageCount(_ status: ClaimStatus) -> Int {
        (claims(with: status).count + Self.pageSize - 1) / Self.pageSize
    }
}
