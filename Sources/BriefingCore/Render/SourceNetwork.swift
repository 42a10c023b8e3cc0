/// Who is connected to whom, computed once per render for the source graphs: sources
/// linked where their claims dispute or support each other, or where they speak in the
/// same article.
///
/// Everything is indexed by position (sources in `SiteGraph.sources` order, articles in
/// `SiteGraph.articles` order) and built in one pass over the claims. Pairs of sources
/// in the same article are never enumerated for the whole site, only for the few sources
/// a picture shows (see `overview` and `neighbourhood`).
struct SourceNetwork: Sendable {
    /// Claims of one source disputing or supporting claims of another, both directions summed.
    struct RelationCount: Sendable, Hashable {
        var disputes = 0
        var supports = 0
    }

    /// A line in a picture between two shown sources (positions in `SiteGraph.sources`).
    struct Edge: Sendable, Hashable {
        var from: Int
        var to: Int
        var relations: RelationCount
        /// Articles both speak in.
        var sharedArticles: Int
    }

    /// What one picture shows: sources (positions), sorted for layout, and the lines.
    struct Selection: Sendable {
        var nodes: [Int]
        var edges: [Edge]
        /// Sources that could have been shown; more than `nodes.count` when capped.
        var candidates: Int
        /// Lines for articles in common are drawn only for pairs sharing at least this many.
        var minimumShared = 1
    }

    /// Lines for articles in common a picture draws at most per node, about; past that only
    /// the pairs sharing the most articles (a whole class of equal pairs, never some of it).
    static let articleEdgesPerNode = 3

    /// Sources a picture shows at most; past this, the most connected.
    static let nodeLimit = 50

    /// Position in `SiteGraph.sources` by source id.
    let sourcePosition: [String: Int]
    /// Source positions in each article, sorted, distinct.
    private let sourcesOfArticle: [[Int]]
    /// Article positions of each source, sorted, distinct.
    private let articlesOfSource: [[Int]]
    /// Disputes and supports between sources, both directions.
    private let relations: [[Int: RelationCount]]
    /// Claims per source.
    let claimCounts: [Int]
    /// How connected each source is: relation partners plus, per article it speaks in,
    /// the other sources there (a weighted degree, computable in linear time).
    let connectedness: [Int]

    init(_ graph: SiteGraph) {
        var sourcePosition: [String: Int] = [:]
        for (index, source) in graph.sources.enumerated() { sourcePosition[source.id] = index }
        var articlePosition: [String: Int] = [:]
        for (index, article) in graph.articles.enumerated() { articlePosition[article.slug] = index }
        var claimSource: [String: Int] = [:]
        var sourcesOfArticle = Array(repeating: Set<Int>(), count: graph.articles.count)
        var claimCounts = Array(repeating: 0, count: graph.sources.count)
        for claim in graph.claims {
            guard let source = sourcePosition[claim.sourceID] else { continue }
            claimSource[claim.id] = source
            claimCounts[source] += 1
            if let article = articlePosition[claim.article] { sourcesOfArticle[article].insert(source) }
        }
        var relations = Array(repeating: [Int: RelationCount](), count: graph.sources.count)
        for claim in graph.claims {
            guard let from = claimSource[claim.id] else { continue }
            for relation in claim.relations {
                guard let to = claimSource[relation.claimID], to != from else { continue }
                for (a, b) in [(from, to), (to, from)] {
                    switch relation.kind {
                    case .disputes: relations[a][b, default: RelationCount()].disputes += 1
                    case .supports: relations[a][b, default: RelationCount()].supports += 1
                    }
                }
            }
        }
        let sortedSourcesOfArticle = sourcesOfArticle.map { $0.sorted() }
        var articlesOfSource = Array(repeating: [Int](), count: graph.sources.count)
        for (article, sources) in sortedSourcesOfArticle.enumerated() {
            for source in sources { articlesOfSource[source].append(article) }
        }
        self.sourcePosition = sourcePosition
        self.sourcesOfArticle = sortedSourcesOfArticle
        self.articlesOfSource = articlesOfSource
        self.relations = relations
        self.claimCounts = claimCounts
        self.connectedness = (0..<graph.sources.count).map { source in
            relations[source].count + articlesOfSource[source].reduce(0) { $0 + sortedSourcesOfArticle[$1].count - 1 }
        }
    }

    /// Whether `a` ranks before `b`: more connected, then more claims, then by position (id order).
    private func ranksBefore(_ a: Int, _ b: Int) -> Bool {
        (connectedness[b], claimCounts[b], a) < (connectedness[a], claimCounts[a], b)
    }

    /// The whole briefing: the `nodeLimit` most connected sources and every line between them.
    /// Nodes are ordered for a circle: by the first article they speak in, so that sources of
    /// one article sit together, then most claims first.
    func overview(sourceCount: Int) -> Selection {
        let all = Array(0..<sourceCount)
        let chosen = all.count > Self.nodeLimit ? Array(all.sorted(by: ranksBefore).prefix(Self.nodeLimit)) : all
        let firstArticle = { (source: Int) in self.articlesOfSource[source].first ?? Int.max }
        let nodes = chosen.sorted {
            (firstArticle($0), claimCounts[$1], $0) < (firstArticle($1), claimCounts[$0], $1)
        }
        let lines = edges(among: nodes)
        let minimum = Self.minimumShared(lines, budget: nodes.count * Self.articleEdgesPerNode)
        let kept = lines.filter { $0.relations != RelationCount() || $0.sharedArticles >= minimum }
        return Selection(nodes: nodes, edges: kept, candidates: sourceCount, minimumShared: minimum)
    }

    /// The smallest number of shared articles such that the pairs sharing at least that many
    /// fit in `budget`; 1 when all fit. Linear in the edges.
    static func minimumShared(_ edges: [Edge], budget: Int) -> Int {
        var countByShared: [Int: Int] = [:]
        for edge in edges where edge.relations == RelationCount() { countByShared[edge.sharedArticles, default: 0] += 1 }
        var kept = 0
        var minimum = Int.max
        for shared in countByShared.keys.sorted(by: >) {
            guard let count = countByShared[shared] else { continue }
            if kept + count > budget, minimum != Int.max { break }
            kept += count
            minimum = shared
        }
        return minimum == Int.max ? 1 : max(1, minimum)
    }

    /// One source and the `nodeLimit - 1` sources closest to it: those its claims dispute or
    /// support (or that dispute or support it) first, then those sharing the most articles.
    /// The centre is `nodes[0]`; lines join it to every neighbour, and neighbours to each
    /// other where their claims are related.
    func neighbourhood(of centre: Int) -> Selection {
        var shared: [Int: Int] = [:]
        for article in articlesOfSource[centre] {
            for other in sourcesOfArticle[article] where other != centre { shared[other, default: 0] += 1 }
        }
        for other in relations[centre].keys where shared[other] == nil { shared[other] = 0 }
        func key(_ source: Int) -> (Int, Int, Int, Int) {
            let relation = relations[centre][source] ?? RelationCount()
            return (relation.disputes, relation.supports, shared[source] ?? 0, claimCounts[source])
        }
        let neighbours = shared.keys.sorted { a, b in
            let (ka, kb) = (key(a), key(b))
            return ka != kb ? kb < ka : a < b
        }
        let shown = Array(neighbours.prefix(Self.nodeLimit - 1))
        var edges = shown.map { other in
            Edge(from: centre, to: other, relations: relations[centre][other] ?? RelationCount(), sharedArticles: shared[other] ?? 0)
        }
        let shownSet = Set(shown)
        for a in shown {
            for (b, count) in relations[a] where a < b && shownSet.contains(b) {
                edges.append(Edge(from: a, to: b, relations: count, sharedArticles: 0))
            }
        }
        edges.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        return Selection(nodes: [centre] + shown, edges: edges, candidates: neighbours.count + 1)
    }

    /// Lines among `nodes`: relations, and articles in common (enumerated only for the
    /// articles these sources speak in, and only among these sources).
    private func edges(among nodes: [Int]) -> [Edge] {
        let shown = Set(nodes)
        var pairs: [Int: [Int: Edge]] = [:]
        func add(_ a: Int, _ b: Int, _ change: (inout Edge) -> Void) {
            let (from, to) = a < b ? (a, b) : (b, a)
            var edge = pairs[from]?[to] ?? Edge(from: from, to: to, relations: RelationCount(), sharedArticles: 0)
            change(&edge)
            pairs[from, default: [:]][to] = edge
        }
        var articles = Set<Int>()
        for source in nodes {
            articles.formUnion(articlesOfSource[source])
            for (other, count) in relations[source] where source < other && shown.contains(other) {
                add(source, other) { $0.relations = count }
            }
        }
        for article in articles.sorted() {
            let present = sourcesOfArticle[article].filter(shown.contains)
            for (i, a) in present.enumerated() {
                for b in present[(i + 1)...] { add(a, b) { $0.sharedArticles += 1 } }
            }
        }
        return pairs.keys.sorted().flatMap { from in
            (pairs[from] ?? [:]).values.sorted { $0.to < $1.to }
        }
    }
}
