import Foundation

/// `briefing.json`: the whole briefing as data for other tools: every article, claim,
/// source and claim-to-claim relation, with ids and the site-relative path of its page.
///
/// The format is described by `docs/briefing.schema.json` (JSON Schema 2020-12); keep the
/// two in step (a test validates the sample site's file against the schema). Keys are
/// sorted and the text pretty-printed, so the same graph always gives the same bytes.
/// Paths are relative to the site root; absolute URLs are `site.baseURL` + path.
///
/// At 10,000 articles the file is some 200 MB: it is written entry by entry as it is
/// produced (`JSONStreamWriter`), never held whole.
public struct BriefingJSON: Sendable {
    public static let path = "briefing.json"
    /// Bumped when the format changes incompatibly.
    public static let formatVersion = 1

    struct SiteEntry: Encodable {
        var title: String
        var description: String?
        var language: String
        var baseURL: String?
    }

    struct ArticleEntry: Encodable {
        var id: String
        var path: String
        var title: String
        var date: String?
        var author: String?
        var publication: String?
        /// The original article on the web.
        var url: String?
        var tags: [String]
        var claims: [String]
        var sources: [String]
    }

    struct ClaimEntry: Encodable {
        var id: String
        /// The id within its article, as a sidecar writes it.
        var localID: String
        var path: String
        var article: String
        /// The claim's sentence in its article page: `articles/<slug>.html#claim-<id>`.
        var sentencePath: String
        var source: String
        var cue: String
        var text: String
        var quote: Bool
        var sentence: String
        /// 1-based paragraph of the article.
        var paragraph: Int
        /// UTF-8 byte offsets of the sentence in the paragraph's text, `start..<end`.
        var start: Int
        var end: Int
        var status: String
        var statusSetByEditor: Bool
        var credibility: Int?
        var note: String?
        var evidence: String?
        var origin: String
        var cites: [String]
        // Analysis (BriefingJSON+Analysis.swift); absent when there is nothing to say.
        var cluster: String? = nil
        var suggestedCredibility: Int? = nil
        var independent: Bool? = nil
        var retraction: RetractionEntry? = nil
        var dependsOnRetracted: [DependencyEntry]? = nil
        var quoteFindings: [QuoteFindingEntry]? = nil
    }

    struct SourceEntry: Encodable {
        var id: String
        var path: String
        var name: String
        var type: String
        var anonymous: Bool
        var role: String?
        var reliability: String?
        var descriptor: String?
        /// The article an anonymous source belongs to.
        var article: String?
        var claims: [String]
        var articles: [String]
        var citedBy: [String]
        var retraction: RetractionEntry? = nil
        var sameOrigin: [String]? = nil
    }

    /// A relation a claim states about another: `from` disputes or supports `to`.
    struct RelationEntry: Encodable {
        var kind: String
        var from: String
        var to: String
    }

    let graph: SiteGraph
    /// The previous build's entries, to copy the unchanged ones (incremental builds).
    let entries: JSONEntryCache?

    public init(_ graph: SiteGraph) {
        self.init(graph, entries: nil)
    }

    init(_ graph: SiteGraph, entries: JSONEntryCache?) {
        self.graph = graph
        self.entries = entries
    }

    /// Writes the file member by member, one entry at a time, handing the bytes to `sink`
    /// in chunks: the same bytes as laying out the whole document's encoding, keys sorted.
    func write(to sink: @escaping ([UInt8]) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var json = JSONStreamWriter(encoder: encoder, entries: entries, sink: sink)
        // In key order, as `.sortedKeys` orders them.
        try json.member("articles", elements: graph.articles.lazy.map(articleEntry))
        try json.member("claims", elements: graph.claims.lazy.map(claimEntry))
        try json.member("clusters", elements: graph.analysis.clusters.lazy.map(clusterEntry))
        try json.member("generator", "Briefing \(BriefingVersion.current)")
        try json.member("relations", elements: graph.claims.lazy.flatMap { claim in
            claim.relations.lazy.map { RelationEntry(kind: $0.kind.rawValue, from: claim.id, to: $0.claimID) }
        })
        let config = graph.config
        try json.member("site", SiteEntry(title: config.title, description: config.description, language: config.language, baseURL: config.baseURL))
        try json.member("sources", elements: graph.sources.lazy.map(sourceEntry))
        try json.member("version", Self.formatVersion)
        try json.finish()
    }

    /// The file's bytes whole (tests; the build streams them with `file()`).
    public func data() -> Data {
        ByteStream(produce: write).data()
    }

    /// The file, written as it is produced.
    func file() -> RenderedPage {
        RenderedPage(path: Self.path, stream: ByteStream(produce: write))
    }

    private func articleEntry(_ article: Article) -> ArticleEntry {
        let claims = graph.claims(in: article.slug)
        var sourceIDs: [String] = []
        for claim in claims where !sourceIDs.contains(claim.sourceID) { sourceIDs.append(claim.sourceID) }
        return ArticleEntry(
            id: article.slug, path: SitePaths.article(article.slug), title: article.title,
            date: article.effectiveDate?.description, author: article.author, publication: article.publication,
            url: article.url, tags: article.tags, claims: claims.map(\.id), sources: sourceIDs)
    }

    private func claimEntry(_ claim: Claim) -> ClaimEntry {
        var entry = ClaimEntry(
            id: claim.id, localID: claim.localID, path: SitePaths.claim(claim.id), article: claim.article,
            sentencePath: SitePaths.article(claim.article) + "#" + ClaimAnchor.htmlID(for: claim.id),
            source: claim.sourceID, cue: claim.cue, text: claim.text, quote: claim.isDirectQuote,
            sentence: claim.sentence, paragraph: claim.span.block + 1, start: claim.span.start, end: claim.span.end,
            status: claim.status.rawValue, statusSetByEditor: claim.isStatusCurated, credibility: claim.credibility,
            note: claim.note, evidence: claim.evidence, origin: claim.origin.rawValue, cites: claim.citedSourceIDs)
        addAnalysis(of: claim, to: &entry)
        return entry
    }

    private func sourceEntry(_ source: Source) -> SourceEntry {
        var entry = SourceEntry(
            id: source.id, path: SitePaths.source(source.id), name: source.name, type: source.kind.rawValue,
            anonymous: source.isAnonymous, role: source.role, reliability: source.reliability,
            descriptor: source.descriptor, article: source.article, claims: source.claimIDs,
            articles: source.articleSlugs, citedBy: source.citedByClaimIDs)
        addAnalysis(of: source, to: &entry)
        return entry
    }
}
