extension SitePaths {
    /// The theme's script: the search box (Pagefind) and the live claim filters.
    public static let readerScript = "assets/reader.js"
}

/// What the reader's pages need, computed once per render and shared by every page job:
/// the source network (for the pictures), the timeline order and the claim filters.
/// `SiteRenderer` asks it for the extra context of the index, source and listing pages,
/// and for the report, timeline and named/anonymous listings.
struct ReaderPages: Sendable {
    let network: SourceNetwork
    let timeline: Timeline
    let filters: ClaimFilters

    init(_ graph: SiteGraph) {
        network = SourceNetwork(graph)
        timeline = Timeline(graph)
        filters = ClaimFilters(graph)
    }

    /// Links every page has: report, timeline, the script.
    func commonContext(from path: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        return [
            "reportHref": root + SitePaths.report,
            "timelineHref": root + SitePaths.timeline(),
            "readerScript": root + SitePaths.readerScript,
        ]
    }

    /// The index's picture of the whole briefing and its timeline summary.
    func indexContext(_ graph: SiteGraph, from path: String) -> [String: Any] {
        var context: [String: Any] = ["timeline": timeline.summary(graph, from: path)]
        if let picture = SourceGraphSVG(graph: graph, network: network).overview(from: path) {
            context["graph"] = Self.pictureContext(picture, allHref: SitePaths.root(from: path) + SitePaths.sourcesIndex)
        }
        return context
    }

    /// A source page's picture of the source and its neighbours.
    func sourceContext(_ source: Source, _ graph: SiteGraph, from path: String) -> [String: Any] {
        guard let picture = SourceGraphSVG(graph: graph, network: network).neighbourhood(of: source.id, from: path) else { return [:] }
        return ["graph": Self.pictureContext(picture, allHref: SitePaths.root(from: path) + SitePaths.sourcesIndex)]
    }

    /// `svg` (raw, escaped by `SourceGraphSVG`), `capped` with how many are shown of how many,
    /// `minimumShared` when grey lines need more than one article in common.
    private static func pictureContext(_ picture: (svg: String, shown: Int, total: Int, minimumShared: Int), allHref: String) -> [String: Any] {
        [
            "svg": picture.svg, "capped": picture.shown < picture.total, "shown": picture.shown, "total": picture.total,
            "allHref": allHref, "minimumShared": picture.minimumShared > 1 ? picture.minimumShared : false,
        ]
    }
}
