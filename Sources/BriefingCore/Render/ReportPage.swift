extension SitePaths {
    /// The whole briefing as one printable document.
    public static let report = "report.html"
}

/// The context of `report.html`: the briefing as one printable document.
///
/// In order: title and date range; counts; key claims by status, disputed first, each
/// claim that another disputes shown side by side with the claims disputing it; a matrix
/// of sources × articles (claim counts, named or anonymous, reliability); then every
/// article with its claims; and the external links as numbered references (footnotes
/// in print). Claims carry short references (`C12`, their position in the briefing) and
/// articles `A3`, so the printed page can refer to them without links.
///
/// Bounded for any size of briefing: every list is capped (`Limits`) and says how many
/// it leaves out; everything is computed in passes over the claims, never claims × sources.
struct ReportPage {
    let graph: SiteGraph
    let models: ViewModels
    let listings: Listings

    /// How much the report shows at most.
    enum Limits {
        static let disputedClaims = 60
        static let keyClaimsPerStatus = 25
        static let disputersPerClaim = 6
        static let relationsPerClaim = 6
        static let matrixSources = 40
        static let matrixArticles = 8
        static let articles = 60
        static let claimsPerArticle = 60
    }

    private var path: String { SitePaths.report }

    /// External links numbered in order of first appearance.
    private struct References {
        private(set) var urls: [String] = []
        private var numbers: [String: Int] = [:]

        mutating func number(for url: String) -> Int {
            if let number = numbers[url] { return number }
            urls.append(url)
            numbers[url] = urls.count
            return urls.count
        }
    }

    func context() -> [String: Any] {
        var claimPosition: [String: Int] = [:]
        for (index, claim) in graph.claims.enumerated() { claimPosition[claim.id] = index }
        var articlePosition: [String: Int] = [:]
        for (index, article) in graph.articles.enumerated() { articlePosition[article.slug] = index }
        var references = References()

        /// Every numbering goes through this one function (never an `inout` beside it), so
        /// the footnote counter has a single writer.
        func reference(_ url: String) -> Int { references.number(for: url) }
        func claimRef(_ id: String) -> String { claimPosition[id].map { "C\($0 + 1)" } ?? "" }
        func articleRef(_ slug: String) -> String { articlePosition[slug].map { "A\($0 + 1)" } ?? "" }

        /// A claim as the report shows it: the listing item plus its reference, note,
        /// evidence footnote and related claims as references.
        func item(_ claim: Claim) -> [String: Any] {
            var item = models.claim(claim, from: path)
            item["ref"] = claimRef(claim.id)
            item["articleRef"] = articleRef(claim.article)
            if let note = claim.note { item["note"] = PageText.clean(note) }
            if let evidence = claim.evidence, URLPolicy.isSafeExternal(evidence) {
                item["evidence"] = evidence
                item["evidenceRef"] = reference(evidence)
            }
            let related = (claim.relations.map { ($0, false) } + claim.inverseRelations.map { ($0, true) })
                .prefix(Limits.relationsPerClaim)
                .map { relation, inverse -> [String: Any] in
                    [
                        "label": models.relationLabel(relation.kind, inverse: inverse).lowercased(),
                        "kind": relation.kind.rawValue, "ref": claimRef(relation.claimID),
                        "href": SitePaths.claim(relation.claimID),
                    ]
                }
            item["related"] = related
            // Keys the report's partial reads are always set, so that a disputing claim
            // shown inside another never shows the outer claim's note (Mustache looks
            // a missing key up in the enclosing context).
            for key in ["note", "evidence", "evidenceRef", "credibility"] where item[key] == nil { item[key] = false }
            return item
        }

        var context: [String: Any] = [
            "counts": counts(),
            "groups": keyGroups(item),
            "matrix": matrix(articleRef: articleRef),
        ]
        let (articles, moreArticles) = articleSections(item, articleRef: articleRef, reference: reference)
        context["articles"] = articles
        context["articleCount"] = graph.articles.count
        context["moreArticles"] = moreArticles
        context["allArticlesHref"] = SitePaths.articlesIndex
        context["references"] = references.urls.enumerated().map { ["number": $0.offset + 1, "url": $0.element] }
        if let range = Timeline.range(graph) { context["range"] = range }
        context["runningHeader"] = Self.cssString(PageText.clean(graph.config.title) + " · Briefing report")
        return context
    }

    // MARK: - Sections

    private func counts() -> [String: Any] {
        var anonymous = 0
        for source in graph.sources where source.isAnonymous { anonymous += 1 }
        var quotes = 0, disputes = 0, supports = 0
        for claim in graph.claims {
            if claim.isDirectQuote { quotes += 1 }
            for relation in claim.relations {
                if relation.kind == .disputes { disputes += 1 } else { supports += 1 }
            }
        }
        return [
            "articles": graph.articles.count, "claims": graph.claims.count, "sources": graph.sources.count,
            "named": graph.sources.count - anonymous, "anonymous": anonymous,
            "quotes": quotes, "disputes": disputes, "supports": supports,
            "statuses": ClaimStatus.allCases.sorted { $0.rank < $1.rank }.map { status -> [String: Any] in
                ["status": status.rawValue, "label": models.statusLabel(status), "count": listings.claims(with: status).count]
            },
        ]
    }

    /// Status groups, disputed first. Each shows first the claims others dispute, then those
    /// an editor worked on (status, relations, sidecar), then the rest, up to its limit.
    private func keyGroups(_ item: (Claim) -> [String: Any]) -> [[String: Any]] {
        ClaimStatus.allCases.sorted { $0.rank < $1.rank }.compactMap { status -> [String: Any]? in
            let members = listings.claims(with: status)
            guard !members.isEmpty else { return nil }
            let limit = status == .disputed ? Limits.disputedClaims : Limits.keyClaimsPerStatus
            let claims = members.map { graph.claims[$0] }
            let disputed = claims.filter { $0.inverseRelations.contains { $0.kind == .disputes } }
            let worked = claims.filter { claim in
                !claim.inverseRelations.contains { $0.kind == .disputes }
                    && (claim.isStatusCurated || claim.origin != .extracted || !claim.relations.isEmpty || !claim.inverseRelations.isEmpty)
            }
            var chosen = Array(disputed.prefix(limit))
            chosen += worked.prefix(limit - chosen.count)
            if chosen.count < limit {
                let taken = Set(chosen.map(\.id))
                chosen += claims.lazy.filter { !taken.contains($0.id) }.prefix(limit - chosen.count)
            }
            return [
                "status": status.rawValue, "label": models.statusLabel(status), "count": members.count,
                "countLabel": Self.plural(members.count, "claim"), "shown": chosen.count, "more": members.count > chosen.count,
                "allHref": SitePaths.status(status),
                "claims": chosen.map { claim -> [String: Any] in
                    var entry = item(claim)
                    let disputers = claim.inverseRelations.filter { $0.kind == .disputes }
                    entry["disputedBy"] = disputers.prefix(Limits.disputersPerClaim).compactMap { graph.claim($0.claimID) }.map(item)
                    entry["moreDisputers"] = disputers.count > Limits.disputersPerClaim ? disputers.count - Limits.disputersPerClaim : false
                    entry["isPair"] = !disputers.isEmpty || status == .disputed
                    return entry
                },
            ]
        }
    }

    /// Sources × articles: how many claims each source makes in each article. The sources
    /// with the most claims and the articles with the most claims, when there are many.
    private func matrix(articleRef: (String) -> String) -> [String: Any] {
        let sources = graph.sources.indices
            .sorted { (graph.sources[$1].claimIDs.count, $0) < (graph.sources[$0].claimIDs.count, $1) }
            .prefix(Limits.matrixSources)
        var perArticle: [String: Int] = [:]
        for claim in graph.claims { perArticle[claim.article, default: 0] += 1 }
        let articles = graph.articles.indices
            .sorted { ((perArticle[graph.articles[$1].slug] ?? 0), $0) < ((perArticle[graph.articles[$0].slug] ?? 0), $1) }
            .prefix(Limits.matrixArticles)
            .sorted()
        let shownSources = Dictionary(uniqueKeysWithValues: sources.enumerated().map { (graph.sources[$0.element].id, $0.offset) })
        let shownArticles = Dictionary(uniqueKeysWithValues: articles.enumerated().map { (graph.articles[$0.element].slug, $0.offset) })
        var cells = Array(repeating: Array(repeating: 0, count: articles.count), count: sources.count)
        for claim in graph.claims {
            guard let row = shownSources[claim.sourceID], let column = shownArticles[claim.article] else { continue }
            cells[row][column] += 1
        }
        let rows = sources.enumerated().map { row, position -> [String: Any] in
            let source = graph.sources[position]
            var entry = models.source(source, from: path)
            entry["cells"] = cells[row].map { ["count": $0, "zero": $0 == 0] }
            entry["elsewhere"] = source.claimIDs.count - cells[row].reduce(0, +)
            entry["citedBy"] = source.citedByClaimIDs.isEmpty ? false : source.citedByClaimIDs.count
            return entry
        }
        return [
            "columns": articles.map { position -> [String: Any] in
                var column = models.article(graph.articles[position], from: path)
                column["ref"] = articleRef(graph.articles[position].slug)
                return column
            },
            "rows": rows,
            "hasElsewhere": graph.articles.count > articles.count,
            "sourcesCapped": graph.sources.count > sources.count,
            "articlesCapped": graph.articles.count > articles.count,
            "sourceCount": graph.sources.count, "shownSources": sources.count,
            "articleCount": graph.articles.count, "shownArticles": articles.count,
            "allSourcesHref": SitePaths.sourcesIndex,
        ]
    }

    /// Every article (newest first) with its claims in text order, both capped.
    private func articleSections(
        _ item: (Claim) -> [String: Any], articleRef: (String) -> String, reference: (String) -> Int
    ) -> ([[String: Any]], Bool) {
        let sections = graph.articles.prefix(Limits.articles).map { article -> [String: Any] in
            let claims = graph.claims(in: article.slug)
            var section: [String: Any] = [
                "ref": articleRef(article.slug),
                "article": models.article(article, from: path),
                "claims": claims.prefix(Limits.claimsPerArticle).map(item),
                "claimCount": claims.count,
                "claimCountLabel": Self.plural(claims.count, "claim"),
                "moreClaims": claims.count > Limits.claimsPerArticle,
                "claimsHref": SitePaths.article(article.slug) + "#article-claims",
            ]
            if let url = article.url, URLPolicy.isSafeExternal(url) { section["urlRef"] = reference(url) }
            return section
        }
        return (sections, graph.articles.count > sections.count)
    }

    // MARK: - Text

    /// `1 claim`, `3 claims`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The inside of a CSS string (the template adds the quotes) for `content:` in the print
    /// style's running header: every character but ASCII letters, digits and spaces written
    /// as a six-digit escape, so no seed text can end the string or the `<style>` element,
    /// and the value passes unchanged through Mustache's HTML escaping.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
            }
        }
        return result
    }
}
