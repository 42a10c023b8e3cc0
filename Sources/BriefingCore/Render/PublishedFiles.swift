/// The machine-readable files beside the pages: `briefing.json` always; with a base URL,
/// `sitemap.xml` and `feed.xml` as well (their formats demand absolute URLs, and none
/// appear without one).
enum PublishedFiles {
    /// - Parameter paths: every file rendered so far; the sitemap lists its HTML pages.
    /// - Parameter jsonEntries: the previous `briefing.json`'s entries (incremental builds).
    static func render(_ graph: SiteGraph, paths: [String], jsonEntries: JSONEntryCache? = nil) -> [RenderedPage] {
        var files = [BriefingJSON(graph, entries: jsonEntries).file()]
        if let baseURL = graph.config.baseURL {
            let htmlPaths = paths.filter { $0.hasSuffix(".html") }
            files += SitemapWriter(baseURL: baseURL).files(for: htmlPaths)
            files.append(AtomFeed(graph: graph, baseURL: baseURL).file())
        }
        return files
    }
}
