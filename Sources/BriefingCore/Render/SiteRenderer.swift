import Foundation

/// Renders every page of the site from the graph: articles, claims, sources, listings,
/// the index, and the theme's assets. Pages are rendered in parallel.
public struct SiteRenderer: Sendable {
    let templates: TemplateSet
    let theme: Theme

    public init(theme: Theme) throws {
        self.theme = theme
        self.templates = try TemplateSet(theme: theme)
    }

    /// A page to render: which template, at which path, with which context.
    private enum PageJob: Sendable {
        case index, claimsIndex, sourcesIndex, articlesIndex
        case status(ClaimStatus, page: Int)
        case article(String)
        case claim(String)
        case source(String)
    }

    public func render(_ graph: SiteGraph) -> [RenderedPage] {
        let listings = Listings(graph)
        var jobs: [PageJob] = [.index, .claimsIndex, .sourcesIndex, .articlesIndex]
        for status in ClaimStatus.allCases {
            jobs += (0..<listings.pageCount(status)).map { .status(status, page: $0 + 1) }
        }
        jobs += graph.articles.map { .article($0.slug) }
        jobs += graph.claims.map { .claim($0.id) }
        jobs += graph.sources.map { .source($0.id) }
        let pages = ConcurrentMap.map(jobs) { job in render(job, graph, listings) }
        let assets = theme.assets.keys.sorted().compactMap { name in
            theme.assets[name].map { RenderedPage(path: "assets/\(name)", contents: $0) }
        }
        return pages + assets
    }

    /// Claims a status group shows on the index and the claims listing.
    static let groupPreview = 10
    /// Articles and sources the index shows before "all …".
    static let indexPreview = 20

    private func render(_ job: PageJob, _ graph: SiteGraph, _ listings: Listings) -> RenderedPage {
        let models = ViewModels(graph: graph)
        let path: String, template: String, title: String
        var context: [String: Any]
        switch job {
        case .index:
            (path, template, title) = (SitePaths.index, "index", graph.config.title)
            context = indexContext(graph, models, listings)
        case .claimsIndex:
            (path, template, title) = (SitePaths.claimsIndex, "claims", "Claims")
            context = ["groups": models.statusGroups(listings, limit: Self.groupPreview, from: path), "count": graph.claims.count]
        case .articlesIndex:
            (path, template, title) = (SitePaths.articlesIndex, "articles", "Articles")
            context = ["articles": graph.articles.map { models.article($0, from: path) }, "count": graph.articles.count]
        case let .status(status, page):
            path = SitePaths.status(status, page: page)
            template = "status"
            title = "\(models.statusLabel(status)) claims" + (page > 1 ? " (page \(page))" : "")
            let members = listings.claims(with: status)
            let slice = members.dropFirst((page - 1) * Listings.pageSize).prefix(Listings.pageSize)
            context = [
                "status": status.rawValue, "label": models.statusLabel(status), "count": members.count,
                "claims": slice.map { models.claim(graph.claims[$0], from: path) },
                "pagination": models.pagination(count: listings.pageCount(status), current: page, from: path) {
                    SitePaths.status(status, page: $0)
                },
            ]
        case .sourcesIndex:
            (path, template, title) = (SitePaths.sourcesIndex, "sources", "Sources")
            context = sourcesContext(graph, models, from: path)
        case .article(let slug):
            let article = graph.article(slug)
            path = SitePaths.article(slug)
            (template, title) = ("article", article?.title ?? slug)
            context = article.map { articleContext($0, graph, models, from: path) } ?? [:]
        case .claim(let id):
            let claim = graph.claim(id)
            path = SitePaths.claim(id)
            template = "claim"
            title = claim.map { claimTitle($0, graph) } ?? id
            context = claim.map { claimContext($0, graph, models, from: path) } ?? [:]
        case .source(let id):
            let source = graph.source(id)
            path = SitePaths.source(id)
            (template, title) = ("source", source?.name ?? id)
            context = source.map { sourceContext($0, graph, models, from: path) } ?? [:]
        }
        context.merge(commonContext(graph, path: path, title: title)) { own, _ in own }
        let html = templates.render(template, context)
        return RenderedPage(path: path, contents: Data(html.utf8))
    }

    // MARK: - Contexts

    private func commonContext(_ graph: SiteGraph, path: String, title: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        var site: [String: Any] = ["title": PageText.clean(graph.config.title), "language": graph.config.language]
        if let description = graph.config.description { site["description"] = PageText.clean(description) }
        var common: [String: Any] = [
            "site": site,
            "pageTitle": PageText.clean(title),
            "isHome": path == SitePaths.index,
            "root": root,
            "home": root + SitePaths.index,
            "claimsHref": root + SitePaths.claimsIndex,
            "sourcesHref": root + SitePaths.sourcesIndex,
            "articlesHref": root + SitePaths.articlesIndex,
            "stylesheet": root + SitePaths.stylesheet,
            "generator": "Briefing \(BriefingVersion.current)",
        ]
        if let base = graph.config.baseURL { common["canonical"] = base + path }
        return common
    }

    private func indexContext(_ graph: SiteGraph, _ models: ViewModels, _ listings: Listings) -> [String: Any] {
        let path = SitePaths.index
        let named = graph.sources.filter { !$0.isAnonymous }
        let anonymous = graph.sources.filter(\.isAnonymous)
        /// The most quoted first.
        func top(_ sources: [Source]) -> [[String: Any]] {
            sources.sorted { ($1.claimIDs.count, $0.id) < ($0.claimIDs.count, $1.id) }
                .prefix(Self.indexPreview).map { models.source($0, from: path) }
        }
        return [
            "articles": graph.articles.prefix(Self.indexPreview).map { models.article($0, from: path) },
            "moreArticles": graph.articles.count > Self.indexPreview,
            "groups": models.statusGroups(listings, limit: Self.groupPreview, from: path),
            "namedSources": top(named),
            "anonymousSources": top(anonymous),
            "moreSources": named.count > Self.indexPreview || anonymous.count > Self.indexPreview,
            "counts": [
                "articles": graph.articles.count, "claims": graph.claims.count, "sources": graph.sources.count,
                "named": named.count, "anonymous": anonymous.count,
                "disputed": graph.claims.filter { $0.status == .disputed || !$0.inverseRelations.filter { $0.kind == .disputes }.isEmpty }.count,
            ],
        ]
    }

    private func sourcesContext(_ graph: SiteGraph, _ models: ViewModels, from path: String) -> [String: Any] {
        [
            "namedSources": graph.sources.filter { !$0.isAnonymous }.map { models.source($0, from: path) },
            "anonymousSources": graph.sources.filter(\.isAnonymous).map { models.source($0, from: path) },
            "count": graph.sources.count,
        ]
    }

    private func articleContext(_ article: Article, _ graph: SiteGraph, _ models: ViewModels, from path: String) -> [String: Any] {
        let claims = graph.claims(in: article.slug)
        let body = ArticleBodyRenderer().html(for: article, claims: claims) { graph.source($0)?.name }
        var sourceIDs: [String] = []
        for claim in claims where !sourceIDs.contains(claim.sourceID) { sourceIDs.append(claim.sourceID) }
        return [
            "article": models.article(article, from: path),
            "body": body,
            "claims": claims.map { models.claim($0, from: path) },
            "sources": sourceIDs.compactMap { graph.source($0) }.map { models.source($0, from: path) },
        ]
    }

    private func claimTitle(_ claim: Claim, _ graph: SiteGraph) -> String {
        let who = graph.source(claim.sourceID)?.name ?? claim.sourceID
        let words = claim.text.split(separator: " ")
        let short = words.prefix(12).joined(separator: " ") + (words.count > 12 ? "…" : "")
        return "\(who): \(short)"
    }

    private func claimContext(_ claim: Claim, _ graph: SiteGraph, _ models: ViewModels, from path: String) -> [String: Any] {
        var context: [String: Any] = ["claim": models.claim(claim, from: path)]
        if let article = graph.article(claim.article), claim.span.block < article.blocks.count {
            let bytes = Array(article.blocks[claim.span.block].text.utf8)
            let start = min(claim.span.start, bytes.count), end = min(max(claim.span.end, start), bytes.count)
            context["context"] = [
                "before": PageText.clean(String(decoding: bytes[..<start], as: UTF8.self)),
                "sentence": PageText.clean(String(decoding: bytes[start..<end], as: UTF8.self)),
                "after": PageText.clean(String(decoding: bytes[end...], as: UTF8.self)),
            ]
        }
        let relations: [[String: Any]] =
            claim.relations.compactMap { relation in
                graph.claim(relation.claimID).map { ["label": models.relationLabel(relation.kind, inverse: false), "kind": relation.kind.rawValue, "claim": models.claim($0, from: path)] }
            } + claim.inverseRelations.compactMap { relation in
                graph.claim(relation.claimID).map { ["label": models.relationLabel(relation.kind, inverse: true), "kind": relation.kind.rawValue, "claim": models.claim($0, from: path)] }
            }
        context["relations"] = relations
        context["cited"] = claim.citedSourceIDs.compactMap { graph.source($0) }.map { models.source($0, from: path) }
        if let evidence = claim.evidence, URLPolicy.isSafeExternal(evidence) { context["evidence"] = evidence }
        if let note = claim.note { context["note"] = PageText.clean(note) }
        context["origin"] = claim.origin.rawValue
        if let source = graph.source(claim.sourceID) {
            context["otherClaims"] = source.claimIDs.filter { $0 != claim.id }.compactMap { graph.claim($0) }.map { models.claim($0, from: path) }
        }
        return context
    }

    private func sourceContext(_ source: Source, _ graph: SiteGraph, _ models: ViewModels, from path: String) -> [String: Any] {
        let claims = source.claimIDs.compactMap { graph.claim($0) }
        // Claims are in article order already: group the runs.
        var runs: [(slug: String, claims: [Claim])] = []
        for claim in claims {
            if runs.last?.slug == claim.article {
                runs[runs.count - 1].claims.append(claim)
            } else {
                runs.append((claim.article, [claim]))
            }
        }
        let byArticle: [[String: Any]] = runs.compactMap { run in
            graph.article(run.slug).map {
                ["article": models.article($0, from: path), "claims": run.claims.map { models.claim($0, from: path) }]
            }
        }
        let citedBy = source.citedByClaimIDs.compactMap { graph.claim($0) }
        return [
            "source": models.source(source, from: path),
            "articles": byArticle,
            "citedBy": citedBy.map { models.claim($0, from: path) },
        ]
    }
}
