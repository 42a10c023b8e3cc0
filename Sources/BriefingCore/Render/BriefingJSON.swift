import Foundation

/// `briefing.json`: the whole briefing as data for other tools: every article, claim,
/// source and claim-to-claim relation, with ids and the site-relative path of its page.
///
/// The format is described by `docs/briefing.schema.json` (JSON Schema 2020-12); keep the
/// two in step (a test validates the sample site's file against the schema). Keys are
/// sorted and the text pretty-printed, so the same graph always gives the same bytes.
/// Paths are relative to the site root; absolute URLs are `site.baseURL` + path.
public struct BriefingJSON: Encodable, Sendable {
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

    var version: Int
    var generator: String
    var site: SiteEntry
    var articles: [ArticleEntry]
    var claims: [ClaimEntry]
    var sources: [SourceEntry]
    var relations: [RelationEntry]
    /// Claim clusters with provenance and corroboration (BriefingJSON+Analysis.swift).
    var clusters: [ClusterEntry] = []

    public init(_ graph: SiteGraph) {
        version = Self.formatVersion
        generator = "Briefing \(BriefingVersion.current)"
        let config = graph.config
        site = SiteEntry(title: config.title, description: config.description, language: config.language, baseURL: config.baseURL)
        articles = graph.articles.map { article in
            let claims = graph.claims(in: article.slug)
            var sourceIDs: [String] = []
            for claim in claims where !sourceIDs.contains(claim.sourceID) { sourceIDs.append(claim.sourceID) }
            return ArticleEntry(
                id: article.slug, path: SitePaths.article(article.slug), title: article.title,
                date: article.effectiveDate?.description, author: article.author, publication: article.publication,
                url: article.url, tags: article.tags, claims: claims.map(\.id), sources: sourceIDs)
        }
        claims = graph.claims.map { claim in
            ClaimEntry(
                id: claim.id, localID: claim.localID, path: SitePaths.claim(claim.id), article: claim.article,
                sentencePath: SitePaths.article(claim.article) + "#" + ClaimAnchor.htmlID(for: claim.id),
                source: claim.sourceID, cue: claim.cue, text: claim.text, quote: claim.isDirectQuote,
                sentence: claim.sentence, paragraph: claim.span.block + 1, start: claim.span.start, end: claim.span.end,
                status: claim.status.rawValue, statusSetByEditor: claim.isStatusCurated, credibility: claim.credibility,
                note: claim.note, evidence: claim.evidence, origin: claim.origin.rawValue, cites: claim.citedSourceIDs)
        }
        sources = graph.sources.map { source in
            SourceEntry(
                id: source.id, path: SitePaths.source(source.id), name: source.name, type: source.kind.rawValue,
                anonymous: source.isAnonymous, role: source.role, reliability: source.reliability,
                descriptor: source.descriptor, article: source.article, claims: source.claimIDs,
                articles: source.articleSlugs, citedBy: source.citedByClaimIDs)
        }
        relations = graph.claims.flatMap { claim in
            claim.relations.map { RelationEntry(kind: $0.kind.rawValue, from: claim.id, to: $0.claimID) }
        }
        addAnalysis(graph)
    }

    /// The file's bytes: keys sorted, laid out by `JSONLayout`, ending in a newline.
    public func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every value is a string, number, bool or array of them: encoding cannot fail.
        return JSONLayout.pretty((try? encoder.encode(self)) ?? Data("{}".utf8))
    }

    func file() -> RenderedPage {
        RenderedPage(path: Self.path, contents: data())
    }
}
