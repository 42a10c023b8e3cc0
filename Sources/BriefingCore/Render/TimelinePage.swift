extension SitePaths {
    /// Page `number` (from 1) of the timeline: `timeline.html`, `timeline-2.html`, …
    public static func timeline(page number: Int = 1) -> String {
        number > 1 ? "timeline-\(number).html" : "timeline.html"
    }
}

/// Articles and their claims by date, oldest first, undated articles last: the pages
/// `timeline.html` (paged) and the summary on the index.
///
/// Dates are an article's front-matter `date`, or its sidecar's for plain-text seeds.
/// Each page holds `pageSize` articles and each article at most `claimsPerArticle` claims,
/// so a page stays the same size however large the briefing.
struct Timeline: Sendable {
    /// Articles a timeline page shows.
    static let pageSize = 100
    /// Claims shown under each article before "all N claims".
    static let claimsPerArticle = 8
    /// Dates the index summary lists.
    static let summaryDays = 6

    /// Positions in `SiteGraph.articles`, in timeline order.
    let order: [Int]

    init(_ graph: SiteGraph) {
        let articles = graph.articles
        order = articles.indices.sorted { a, b in
            switch (articles[a].effectiveDate, articles[b].effectiveDate) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return articles[a].slug < articles[b].slug
            }
        }
    }

    var pageCount: Int { max(1, (order.count + Self.pageSize - 1) / Self.pageSize) }

    /// The context of timeline page `page`: `days` (each a date, or "Undated", with its
    /// articles and their first claims) and `pagination`.
    func context(page: Int, _ graph: SiteGraph, _ models: ViewModels, from path: String) -> [String: Any] {
        let slice = order.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
        var days: [[String: Any]] = []
        var current: (date: ArticleDate?, articles: [[String: Any]])?
        func flush() {
            guard let group = current else { return }
            var day: [String: Any] = ["articles": group.articles, "undated": group.date == nil]
            if let date = group.date {
                day["date"] = date.longForm
                day["dateISO"] = date.description
                day["anchor"] = "d-" + date.description
            } else {
                day["date"] = "Undated"
                day["anchor"] = "undated"
            }
            days.append(day)
        }
        for position in slice {
            let article = graph.articles[position]
            let claims = graph.claims(in: article.slug)
            let entry: [String: Any] = [
                "article": models.article(article, from: path),
                // The article is the heading above: its claims do not repeat it (false, not
                // absent, or Mustache would find the entry's `article` instead).
                "claims": claims.prefix(Self.claimsPerArticle).map { claim -> [String: Any] in
                    // With `repetition`: first appearance or repetition of a claim cluster (provenance).
                    var item = AnalysisViews(graph: graph, models: models).timelineClaim(claim, from: path)
                    item["article"] = false
                    return item
                },
                "moreClaims": claims.count > Self.claimsPerArticle,
                "claimCount": claims.count,
                "claimsHref": SitePaths.root(from: path) + SitePaths.article(article.slug) + "#article-claims",
            ]
            if let group = current, group.date == article.effectiveDate {
                current?.articles.append(entry)
            } else {
                flush()
                current = (article.effectiveDate, [entry])
            }
        }
        flush()
        var context: [String: Any] = [
            "days": days,
            "count": order.count,
            "countLabel": ReportPage.plural(order.count, "article"),
            "pagination": models.pagination(count: pageCount, current: page, from: path) { SitePaths.timeline(page: $0) },
        ]
        if let range = Self.range(graph) { context["range"] = range }
        return context
    }

    /// For the index: first and last date, and the latest `summaryDays` dates with how
    /// many articles and claims each has, in date order.
    func summary(_ graph: SiteGraph, from path: String) -> [String: Any] {
        var days: [(date: ArticleDate, articles: Int, claims: Int, first: Int)] = []
        for (offset, position) in order.enumerated() {
            let article = graph.articles[position]
            guard let date = article.effectiveDate else { break }
            let claims = graph.claims(in: article.slug).count
            if days.last?.date == date {
                days[days.count - 1].articles += 1
                days[days.count - 1].claims += claims
            } else {
                days.append((date, 1, claims, offset))
            }
        }
        let root = SitePaths.root(from: path)
        let dated = days.reduce(0) { $0 + $1.articles }
        var summary: [String: Any] = [
            "href": root + SitePaths.timeline(),
            "datedCount": dated,
            // false rather than 0: Mustache renders a section for any number.
            "undatedCount": order.count > dated ? order.count - dated : false,
            "dayCount": days.count,
            "days": days.suffix(Self.summaryDays).map { day -> [String: Any] in
                let page = day.first / Self.pageSize + 1
                return [
                    "date": day.date.longForm, "dateISO": day.date.description,
                    "articles": day.articles, "oneArticle": day.articles == 1, "claims": day.claims,
                    "href": root + SitePaths.timeline(page: page) + "#d-" + day.date.description,
                ]
            },
            "moreDays": days.count > Self.summaryDays,
        ]
        if let range = Self.range(graph) { summary["range"] = range }
        return summary
    }

    /// `from`/`to` (long and ISO) over dated articles; `single` when they are one day. Nil when none is dated.
    static func range(_ graph: SiteGraph) -> [String: Any]? {
        let dates = graph.articles.compactMap(\.effectiveDate)
        guard let first = dates.min(), let last = dates.max() else { return nil }
        return [
            "from": first.longForm, "fromISO": first.description,
            "to": last.longForm, "toISO": last.description,
            "single": first == last,
        ]
    }
}
