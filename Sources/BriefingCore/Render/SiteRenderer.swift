import Foundation

/// Renders every page of the site from the graph: articles, claims, sources, listings,
/// the index, and the theme's assets. Pages are rendered in parallel.
public struct SiteRenderer: Sendable {
    let templates: TemplateSet
    let theme: Theme
    /// CPU time per kind of page, over every `render` of this renderer.
    public let profile = RenderProfile()

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
        /// The printable report, the timeline, claims by named or anonymous sources (ReaderPages).
        case report
        case timeline(page: Int)
        case sourceKind(anonymous: Bool, page: Int)
        /// Every appearance of a claim cluster (AnalysisViews), by position in `analysis.clusters`.
        case cluster(Int, page: Int)

        /// What `--timings` calls this kind of page.
        var kind: String {
            switch self {
            case .index: "index"
            case .claimsIndex, .sourcesIndex, .articlesIndex, .status, .sourceKind: "listing"
            case .article: "article"
            case .claim: "claim"
            case .source: "source"
            case .report: "report"
            case .timeline: "timeline"
            case .cluster: "cluster"
            }
        }
    }

    /// - Parameter affected: for an incremental build, the pages to render; the others are
    ///   marked reused (taken from the previous output). nil renders everything.
    /// - Parameter jsonEntries: the previous `briefing.json`'s entries, and this one's record.
    /// - Parameter sink: receives the pages in batches, in a stable order, so a large site
    ///   is never held in memory whole (the writer writes each batch as it comes).
    /// - Returns: how many files were rendered and how many reused.
    @discardableResult
    func render(_ graph: SiteGraph, affected: AffectedPages? = nil, jsonEntries: JSONEntryCache? = nil,
                sink: ([RenderedPage]) throws -> Void) rethrows -> (files: Int, reused: Int) {
        let listings = Listings(graph)
        var jobs: [PageJob] = [.index, .claimsIndex, .sourcesIndex, .articlesIndex]
        for status in ClaimStatus.allCases {
            jobs += (0..<listings.pageCount(status)).map { .status(status, page: $0 + 1) }
        }
        jobs += graph.articles.map { .article($0.slug) }
        jobs += graph.claims.map { .claim($0.id) }
        jobs += graph.sources.map { .source($0.id) }
        let reader = ReaderPages(graph)
        jobs.append(.report)
        jobs += (1...reader.timeline.pageCount).map { .timeline(page: $0) }
        for anonymous in [false, true] {
            jobs += (0..<reader.filters.pageCount(anonymous: anonymous)).map { .sourceKind(anonymous: anonymous, page: $0 + 1) }
        }
        let fragments = FragmentCache(templates: templates)
        let analysisViews = AnalysisViews(graph: graph, models: ViewModels(graph: graph, fragments: fragments))
        for (index, cluster) in graph.analysis.clusters.enumerated() {
            jobs += (1...analysisViews.clusterPageCount(cluster)).map { .cluster(index, page: $0) }
        }
        var paths: [String] = []
        var reused = 0
        for start in stride(from: 0, to: jobs.count, by: Self.batchSize) {
            let batch = jobs[start..<min(start + Self.batchSize, jobs.count)]
            let pages = ConcurrentMap.map(Array(batch)) { job in
                let path = Self.path(of: job, graph)
                // Unchanged since the previous build: taken from its output.
                if let affected, !affected.isAffected(path) { return RenderedPage(reusing: path) }
                return profile.measure(job.kind) { render(job, at: path, graph, listings, reader, fragments) }
            }
            paths += pages.map(\.path)
            reused += pages.filter(\.isReused).count
            try sink(pages)
        }
        let assets = theme.assets.keys.sorted().compactMap { name in
            theme.assets[name].map { RenderedPage(path: "assets/\(name)", contents: $0) }
        }
        paths += assets.map(\.path)
        let published = PublishedFiles.render(graph, paths: paths, jsonEntries: jsonEntries)
        try sink(assets + published)
        return (paths.count + published.count, reused)
    }

    /// Pages rendered (and then written) at a time: enough to keep both cores busy,
    /// few enough to bound memory.
    static let batchSize = 256

    /// Every page at once, streamed files included (tests, small sites).
    func render(_ graph: SiteGraph, affected: AffectedPages? = nil) -> [RenderedPage] {
        var all: [RenderedPage] = []
        render(graph, affected: affected) { all += $0.map { $0.materialized() } }
        return all
    }

    private static func path(of job: PageJob, _ graph: SiteGraph) -> String {
        switch job {
        case .index: return SitePaths.index
        case .claimsIndex: return SitePaths.claimsIndex
        case .sourcesIndex: return SitePaths.sourcesIndex
        case .articlesIndex: return SitePaths.articlesIndex
        case let .status(status, page): return SitePaths.status(status, page: page)
        case .article(let slug): return SitePaths.article(slug)
        case .claim(let id): return SitePaths.claim(id)
        case .source(let id): return SitePaths.source(id)
        case .report: return SitePaths.report
        case .timeline(let page): return SitePaths.timeline(page: page)
        case let .sourceKind(anonymous, page): return SitePaths.claimsBySourceKind(anonymous: anonymous, page: page)
        case let .cluster(index, page): return SitePaths.cluster(graph.analysis.clusters[index].id, page: page)
        }
    }

    /// Claims a status group shows on the index and the claims listing.
    static let groupPreview = 10
    /// Other claims of the same source a claim page lists.
    static let otherClaimsShown = 8
    /// Articles and sources the index shows before "all …".
    static let indexPreview = 20

    /// - Parameter path: where the page goes (`path(of:)`).
    private func render(_ job: PageJob, at path: String, _ graph: SiteGraph, _ listings: Listings, _ reader: ReaderPages, _ fragments: FragmentCache) -> RenderedPage {
        let models = ViewModels(graph: graph, fragments: fragments)
        let template: String, title: String
        var context: [String: Any]
        switch job {
        case .index:
            (template, title) = ("index", graph.config.title)
            context = indexContext(graph, models, listings)
            context.merge(reader.indexContext(graph, from: path)) { own, _ in own }
        case .claimsIndex:
            (template, title) = ("claims", "Claims")
            context = ["groups": models.statusGroups(listings, limit: Self.groupPreview, from: path), "count": graph.claims.count]
            context["filters"] = reader.filters.context(.all, listings, models, from: path)
        case .articlesIndex:
            (template, title) = ("articles", "Articles")
            context = ["articles": graph.articles.map { models.article($0, from: path) }, "count": graph.articles.count]
        case let .status(status, page):
            template = "status"
            title = "\(models.statusLabel(status)) claims" + (page > 1 ? " (page \(page))" : "")
            let members = listings.claims(with: status)
            let slice = members.dropFirst((page - 1) * Listings.pageSize).prefix(Listings.pageSize)
            context = [
                "status": status.rawValue, "label": models.statusLabel(status), "count": members.count,
                "claims": slice.map { models.claimItem(graph.claims[$0], from: path) },
                "pagination": models.pagination(count: listings.pageCount(status), current: page, from: path) {
                    SitePaths.status(status, page: $0)
                },
            ]
            context["filters"] = reader.filters.context(.status(status), listings, models, from: path)
        case .sourcesIndex:
            (template, title) = ("sources", "Sources")
            context = sourcesContext(graph, models, from: path)
        case .article(let slug):
            let article = graph.article(slug)
            (template, title) = ("article", article?.title ?? slug)
            context = article.map { articleContext($0, graph, models, from: path) } ?? [:]
            context["retractionBanner"] = AnalysisViews(graph: graph, models: models).articleBanner(slug, from: path)
            context["previewScript"] = SitePaths.root(from: path) + SitePaths.previewScript
        case .claim(let id):
            let claim = graph.claim(id)
            template = "claim"
            title = claim.map { claimTitle($0, graph) } ?? id
            context = claim.map { claimContext($0, graph, models, from: path) } ?? [:]
            if let claim { context.merge(AnalysisViews(graph: graph, models: models).claimContext(claim, from: path)) { own, _ in own } }
        case .source(let id):
            let source = graph.source(id)
            (template, title) = ("source", source?.name ?? id)
            context = source.map { sourceContext($0, graph, models, from: path) } ?? [:]
            if let source { context.merge(reader.sourceContext(source, graph, from: path)) { own, _ in own } }
            if let source { context["retractionBanner"] = AnalysisViews(graph: graph, models: models).sourceBanner(source, from: path) }
        case .report:
            (template, title) = ("report", "Briefing report")
            context = ReportPage(graph: graph, models: models, listings: listings).context()
        case .timeline(let page):
            (template, title) = ("timeline", "Timeline" + (page > 1 ? " (page \(page))" : ""))
            context = reader.timeline.context(page: page, graph, models, from: path)
        case let .sourceKind(anonymous, page):
            template = "claims-by-source"
            title = (anonymous ? "Claims by anonymous sources" : "Claims by named sources") + (page > 1 ? " (page \(page))" : "")
            context = reader.filters.listingContext(anonymous: anonymous, page: page, graph, models, listings, from: path)
        case let .cluster(index, page):
            let cluster = graph.analysis.clusters[index]
            let views = AnalysisViews(graph: graph, models: models)
            template = "cluster"
            title = views.clusterTitle(cluster) + (page > 1 ? " (page \(page))" : "")
            context = views.clusterContext(cluster, page: page, from: path)
        }
        context.merge(reader.commonContext(from: path)) { own, _ in own }
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
        if let base = graph.config.baseURL { common["feed"] = base + AtomFeed.path }
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
                "oneArticle": graph.articles.count == 1, "oneClaim": graph.claims.count == 1, "oneSource": graph.sources.count == 1,
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
            // On its own article, a claim links to its sentence rather than naming the article again.
            "claims": claims.map { models.claimItem($0, from: path, onOwnArticle: true) },
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
            context["context"] = Self.sentenceInContext(claim.span, of: article.blocks[claim.span.block].text)
        }
        let relations: [[String: Any]] =
            claim.relations.compactMap { relation in
                graph.claim(relation.claimID).map { ["label": models.relationLabel(relation.kind, inverse: false), "kind": relation.kind.rawValue, "claim": models.claimItem($0, from: path)] }
            } + claim.inverseRelations.compactMap { relation in
                graph.claim(relation.claimID).map { ["label": models.relationLabel(relation.kind, inverse: true), "kind": relation.kind.rawValue, "claim": models.claimItem($0, from: path)] }
            }
        context["relations"] = relations
        context["cited"] = claim.citedSourceIDs.compactMap { graph.source($0) }.map { models.source($0, from: path) }
        if let evidence = claim.evidence, URLPolicy.isSafeExternal(evidence) { context["evidence"] = evidence }
        if let note = claim.note { context["note"] = PageText.clean(note) }
        context["origin"] = claim.origin.rawValue
        context["jsonLD"] = ClaimMarkup(graph: graph).jsonLD(for: claim)
        if let source = graph.source(claim.sourceID) {
            let others = graph.otherClaims(of: claim, by: source, limit: Self.otherClaimsShown)
            context["otherClaims"] = others.claims.map { models.claimItem($0, from: path) }
            context["moreOtherClaims"] = others.more
        }
        return context
    }

    /// Bytes of the paragraph shown on each side of a claim's sentence. A paragraph can be
    /// megabytes long (a file of one line): repeating it on every claim page would make the
    /// site grow with claims × paragraph.
    static let contextBytes = 1_000

    /// The sentence with at most `contextBytes` of its paragraph before and after, cut at a
    /// word and marked `…`. Offsets are bytes; the paragraph is never copied whole.
    static func sentenceInContext(_ span: TextSpan, of text: String) -> [String: String] {
        let utf8 = text.utf8
        let count = utf8.count
        let start = min(max(span.start, 0), count), end = min(max(span.end, start), count)
        func at(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        func isContinuation(_ offset: Int) -> Bool { offset < count && utf8[at(offset)] & 0xC0 == 0x80 }
        var from = max(0, start - contextBytes), to = min(count, end + contextBytes)
        while from < start, isContinuation(from) { from += 1 }
        while to > end, isContinuation(to) { to -= 1 }
        func piece(_ lower: Int, _ upper: Int) -> String {
            String(decoding: utf8[at(lower)..<at(upper)], as: UTF8.self)
        }
        var before = piece(from, start), after = piece(end, to)
        if from > 0, let space = before.firstIndex(of: " ") { before = "…" + before[before.index(after: space)...] }
        if to < count, let space = after.lastIndex(of: " ") { after = after[..<space] + "…" }
        return [
            "before": PageText.clean(before),
            "sentence": PageText.clean(piece(start, end)),
            "after": PageText.clean(after),
        ]
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
                ["article": models.article($0, from: path), "claims": run.claims.map { models.claimItem($0, from: path) }]
            }
        }
        let citedBy = source.citedByClaimIDs.compactMap { graph.claim($0) }
        return [
            "source": models.source(source, from: path),
            "articles": byArticle,
            "citedBy": citedBy.map { models.claimItem($0, from: path) },
        ]
    }
}
