/// A source as published: one page `sources/<id>.html`.
public struct Source: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var kind: SourceKind
    public var isAnonymous: Bool
    public var role: String?
    /// Admiralty source reliability A–F, from a sidecar.
    public var reliability: String?
    /// What the source has access to, its record, possible bias.
    public var descriptor: String?
    /// The article an anonymous source belongs to; nil for sources shared across articles.
    public var article: String?
    /// Backlinks: the claims it makes, in article order then text order.
    public var claimIDs: [String] = []
    /// Backlinks: the articles it appears in, sorted by slug.
    public var articleSlugs: [String] = []
    /// Backlinks: claims of other sources that cite this one.
    public var citedByClaimIDs: [String] = []
    /// An editor's `retracted:`/`discredited:` mark, from a sidecar.
    public var retraction: Retraction? = nil
    /// Sources this one is not independent of (sidecar `same_origin:`), site-wide ids.
    public var sameOriginIDs: [String] = []
}

/// How a claim came to be.
public enum ClaimOrigin: String, Sendable, Hashable, Codable {
    /// Found by the extractor and left as is.
    case extracted
    /// Found by the extractor, then corrected in the sidecar.
    case corrected
    /// Written in the sidecar only.
    case curated
}

/// A relation between two claims, by site-wide id.
public struct ClaimRelation: Sendable, Hashable, Codable {
    public var kind: RelationKind
    public var claimID: String
}

/// A claim as published: one page `claims/<id>.html`.
public struct Claim: Sendable, Hashable, Codable {
    /// Site-wide id: `<article>--<local id>`.
    public var id: String
    /// The id within its article, as a sidecar writes it.
    public var localID: String
    public var article: String
    public var sourceID: String
    public var cue: String
    public var text: String
    public var isDirectQuote: Bool
    /// Where the claim's sentence is in the article.
    public var span: TextSpan
    /// The sentence(s) that carry the claim, as written.
    public var sentence: String
    public var status: ClaimStatus
    /// Whether an editor set the status (rather than the default).
    public var isStatusCurated: Bool
    /// Admiralty information credibility 1–6, from a sidecar.
    public var credibility: Int?
    public var evidence: String?
    public var note: String?
    /// Relations this claim states (it disputes / supports another).
    public var relations: [ClaimRelation]
    /// Backlinks: relations other claims state about this one.
    public var inverseRelations: [ClaimRelation] = []
    /// Sources the claim's source cites for it (nested attribution).
    public var citedSourceIDs: [String]
    public var origin: ClaimOrigin
    /// An editor's `retracted:`/`discredited:` mark, from a sidecar.
    public var retraction: Retraction? = nil
    /// False when the sidecar says `independent: false`: the claim repeats earlier
    /// reporting and is no independent confirmation.
    public var isIndependent: Bool = true
}

/// The linked briefing: every article, claim and source with ids, references resolved
/// and backlinks built. What Render reads; a pure value.
public struct SiteGraph: Sendable {
    public var config: SiteConfig
    /// Sorted by date (undated last), then slug.
    public var articles: [Article]
    /// In article order, then text order.
    public var claims: [Claim]
    /// Sorted by id.
    public var sources: [Source]
    /// What the Analyze stage found across claims (clusters, corroboration, retractions,
    /// quote drift, provenance); empty until `ClaimAnalyzer` has run.
    public var analysis: Analysis = .empty

    private var claimIndex: [String: Int] = [:]
    private var sourceIndex: [String: Int] = [:]
    private var articleIndex: [String: Int] = [:]
    private var claimsByArticle: [String: [Int]] = [:]

    public init(config: SiteConfig, articles: [Article], claims: [Claim], sources: [Source]) {
        self.config = config
        self.articles = articles
        self.claims = claims
        self.sources = sources
        for (index, claim) in claims.enumerated() {
            claimIndex[claim.id] = index
            claimsByArticle[claim.article, default: []].append(index)
        }
        for (index, source) in sources.enumerated() { sourceIndex[source.id] = index }
        for (index, article) in articles.enumerated() { articleIndex[article.slug] = index }
    }

    public func claim(_ id: String) -> Claim? { claimIndex[id].map { claims[$0] } }
    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }
    public func article(_ slug: String) -> Article? { articleIndex[slug].map { articles[$0] } }

    /// The article's claims in text order.
    public func claims(in slug: String) -> [Claim] {
        (claimsByArticle[slug] ?? []).map { claims[$0] }
    }

    /// How many claims the article has, without copying them.
    public func claimCount(in slug: String) -> Int {
        claimsByArticle[slug]?.count ?? 0
    }

    // Positions in `claims`, `sources` and `articles`: to read a field or two of many
    // entities without copying each whole.

    func claimPosition(_ id: String) -> Int? { claimIndex[id] }
    func sourcePosition(_ id: String) -> Int? { sourceIndex[id] }
    func articlePosition(_ slug: String) -> Int? { articleIndex[slug] }
    /// The article's claims in text order.
    func claimPositions(in slug: String) -> [Int] { claimsByArticle[slug] ?? [] }
}
