/// What the Analyze stage found across the briefing's claims; Render reads it.
///
/// - **Clusters**: claims in different articles or from different sources that assert
///   the same thing (`ClaimClusterer`), each with its provenance: first appearance by
///   article date, then every repetition, with the change of cue (`ProvenanceTracker`).
/// - **Corroboration**: whether a cluster's supporters trace back to two or more
///   independent origins, or all to one (circular reporting) (`IndependenceChecker`).
/// - **Quote findings**: the same quoted words given to different speakers, or one
///   speaker's wording changing between articles (`QuoteDriftDetector`).
/// - **Retractions**: every claim that depends on a retracted or discredited source or
///   claim, and the pages that show one (`RetractionPropagator`).
///
/// Every list is in a deterministic order; lookups are by claim id.
public struct Analysis: Sendable {
    public static let empty = Analysis()

    /// Clusters of at least two claims, sorted by id.
    public internal(set) var clusters: [ClaimCluster] = []
    /// Corroboration of claims that are in no cluster but have explicit `supports`.
    public internal(set) var unclusteredCorroboration: [String: Corroboration] = [:]
    /// Quote findings by claim id.
    public internal(set) var quoteFindings: [String: [QuoteFinding]] = [:]
    /// Claims the build suggests grading credibility 1 (confirmed by other sources).
    public internal(set) var credibilityOneSuggested: Set<String> = []
    public internal(set) var retractions = RetractionImpact()

    /// Where each clustered claim is: its cluster, and its position in the cluster's
    /// `entries`. One lookup answers both (claim pages ask for both).
    private var placements: [String: Placement] = [:]

    public struct Placement: Sendable {
        /// Index in `clusters`.
        public var cluster: Int
        /// Position in the cluster's `entries` (0: first appearance).
        public var position: Int
    }

    init() {}

    init(clusters: [ClaimCluster]) {
        self.clusters = clusters
        placements.reserveCapacity(clusters.reduce(0) { $0 + $1.entries.count })
        for (index, cluster) in clusters.enumerated() {
            for (position, entry) in cluster.entries.enumerated() {
                placements[entry.claimID] = Placement(cluster: index, position: position)
            }
        }
    }

    /// The cluster a claim belongs to, if any.
    public func cluster(of claimID: String) -> ClaimCluster? {
        placements[claimID].map { clusters[$0.cluster] }
    }

    /// The claim's cluster (index in `clusters`) and its place in that cluster's provenance.
    public func placement(of claimID: String) -> Placement? { placements[claimID] }

    func clusterIndex(of claimID: String) -> Int? { placements[claimID]?.cluster }

    /// The claim's place in its cluster's provenance (0: first appearance).
    public func provenancePosition(of claimID: String) -> Int? { placements[claimID]?.position }

    /// The corroboration verdict that applies to a claim: its cluster's, or its own
    /// when it stands alone with explicit supporters.
    public func corroboration(of claimID: String) -> Corroboration? {
        if let placement = placements[claimID] { return clusters[placement.cluster].corroboration }
        return unclusteredCorroboration[claimID]
    }

    mutating func setCorroboration(_ corroboration: Corroboration?, cluster index: Int) {
        clusters[index].corroboration = corroboration
    }
}

// MARK: - Clusters and provenance

/// Claims that assert the same thing, in the order they appeared.
public struct ClaimCluster: Sendable, Hashable {
    /// The id of its first appearance; names the page `clusters/<id>.html`.
    public var id: String
    /// Every member, first appearance first: by article date (undated last), then
    /// article, then position in the article.
    public var entries: [ProvenanceEntry]
    /// Set for clusters supported by two or more different sources.
    public var corroboration: Corroboration?

    public var claimIDs: [String] { entries.map(\.claimID) }
}

/// One appearance of a clustered claim.
public struct ProvenanceEntry: Sendable, Hashable {
    public var claimID: String
    public var article: String
    /// Who is quoted with it here.
    public var sourceID: String
    /// The article's date (front matter, or sidecar for plain text).
    public var date: ArticleDate?
    public var cue: String
    /// The cue of the appearance before this one, when it differs.
    public var previousCue: String?
    public var cueShift: CueShift?
    /// Whether the cue denies the claim ("denied") rather than carrying it.
    public var isDenial: Bool
}

// MARK: - Corroboration

/// Whether the sources that support a claim are independent of one another.
public struct Corroboration: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable {
        /// At least two independent origins support it.
        case corroborated
        /// Two or more sources support it, but all trace back to one origin.
        case circular
    }

    public var verdict: Verdict
    /// The distinct origins the supporters trace back to (source ids), sorted.
    public var origins: [String]
    /// The distinct sources that state it, sorted.
    public var supporterSourceIDs: [String]
    /// For each supporting claim, how its source traces back to an origin; the chains of
    /// one claim are adjacent.
    public var chains: [OriginChain]
    /// Where each supporting claim's chains are in `chains`.
    var chainRange: [String: Range<Int>] = [:]
    /// Positions in `chains` of those with more than one source (a citation, a declaration).
    var derivedChains: [Int] = []

    /// The chains of one supporting claim, without scanning them all.
    public func chains(of claimID: String) -> ArraySlice<OriginChain> {
        chainRange[claimID].map { chains[$0] } ?? []
    }
}

/// How a supporting claim traces back to its origin: its source first, the origin last.
public struct OriginChain: Sendable, Hashable {
    public var claimID: String
    /// `[X, Z]` for "X, citing Z"; `[X]` when X is its own origin.
    public var sourceIDs: [String]
    /// Why each step was taken, one per step after the first (`sourceIDs.count - 1`).
    public var steps: [Step]

    public enum Step: String, Sendable, Hashable {
        /// The claim's source cites the next one ("X, citing Z", or `cites:`).
        case cites
        /// A sidecar says the source shares its origin with the next (`same_origin:`).
        case sameOrigin = "same_origin"
        /// A sidecar says the claim repeats earlier reporting (`independent: false`).
        case repeats
    }

    public var origin: String { sourceIDs.last ?? "" }
}

// MARK: - Quotes

/// Something odd about a quotation compared with its other appearances.
public struct QuoteFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Near-identical words attributed to a different speaker elsewhere.
        case misattribution
        /// The same speaker's words, worded differently than in an earlier article.
        case drift
    }

    public var kind: Kind
    /// For misattribution: one claim of each other speaker. For drift: the earlier wording.
    public var otherClaimIDs: [String]
    /// For drift: the word-level change from the earlier wording to this one.
    public var diff: [WordDiff.Piece]
}

// MARK: - Retractions

/// What a retraction or discredited mark is on.
public enum RetractionSubject: Sendable, Hashable, Comparable {
    case source(String)
    case claim(String)

    public var id: String {
        switch self {
        case .source(let id), .claim(let id): return id
        }
    }
}

/// Why a claim is flagged: which mark it depends on, and how.
public struct RetractionDependency: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The claim itself is marked.
        case itself
        /// Its source is marked.
        case source
        /// Its source cites the marked source, or its origin chain passes through it.
        case cites
        /// It counted as corroborated only thanks to the marked material.
        case corroboration
    }

    public var kind: Kind
    public var subject: RetractionSubject
    public var retraction: Retraction
}

/// Every claim that depends on retracted or discredited material, and the pages that
/// must say so.
public struct RetractionImpact: Sendable {
    /// Dependencies by claim id.
    public internal(set) var claims: [String: [RetractionDependency]] = [:]
    /// Flagged claims shown on each article page (its own), by slug, in graph order.
    public internal(set) var articles: [String: [String]] = [:]
    /// Flagged claims shown on each source page (its own and those citing it).
    public internal(set) var sources: [String: [String]] = [:]
    /// Every mark, with the claims that depend on it, sorted by subject.
    public internal(set) var marks: [(subject: RetractionSubject, retraction: Retraction, claimIDs: [String])] = []
    /// Clusters (by id) and lone claims that count as corroborated only with the marked
    /// material; without it, they do not.
    public internal(set) var lostCorroboration: Set<String> = []

    public var isEmpty: Bool { marks.isEmpty }
}
