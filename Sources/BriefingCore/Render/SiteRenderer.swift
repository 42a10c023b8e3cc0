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
        case index, claimsIndex, sourcesIndex
        case article(String)
        case claim(String)
        case source(String)
    }

    public func render(_ graph: SiteGraph) -> [RenderedPage] {
        var jobs: [PageJob] = [.index, .claimsIndex, .sourcesIndex]
        jobs += graph.articles.map { .article($0.slug) }
        jobs += graph.claims.map { .claim($0.id) }
        jobs += graph.sources.map { .source($0.id) }
        let pages = ConcurrentMap.map(jobs) { job in render(job, graph) }
        let assets = theme.assets.keys.sorted().compactMap { name in
            theme.assets[name].map { RenderedPage(path: "assets/\(name)", contents: $0) }
        }
        return pages + assets
    }

    private func render(_ job: PageJob, _ graph: SiteGraph) -> RenderedPage {
        let models = ViewModels(graph: graph)
        let path: String, template: String, title: String
        var context: [String: Any]
        switch job {
        case .index:
            (path, template, title) = (SitePaths.index, "index", graph.config.title)
            context = indexContext(graph, models)
        case .claimsIndex:
            (path, template, title) = (SitePaths.claimsIndex, "claims", "Claims")
            context = ["groups": models.statusGroups(graph.claims, from: path), "count": graph.claims.count]
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
            "stylesheet": root + SitePaths.stylesheet,
            "generator": "Briefing \(BriefingVersion.current)",
        ]
        if let base = graph.config.baseURL { common["canonical"] = base + path }
        return common
    }

    private func indexContext(_ graph: SiteGraph, _ models: ViewModels) -> [String: Any] {
        let path = SitePaths.index
        let named = graph.sources.filter { !$0.isAnonymous }
        let anonymous = graph.sources.filter(\.isAnonymous)
        return [
            "articles": graph.articles.map { models.article($0, from: path) },
            "groups": models.statusGroups(graph.claims, from: path),
            "namedSources": named.map { models.source($0, from: path) },
            "anonymousSources": anonymous.map { models.source($0, from: path) },
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
