import Foundation

/// `sitemap.xml` (sitemaps.org 0.9): the absolute URL of every HTML page. Written only
/// when the site has a base URL, since a sitemap must list absolute URLs.
///
/// Past 50,000 URLs (the protocol's limit for one file) `sitemap.xml` becomes a sitemap
/// index of `sitemap-1.xml`, `sitemap-2.xml`, … (beside it at the root: a sitemap may only
/// list URLs under its own folder).
struct SitemapWriter {
    /// `https://example.org/briefing/`, with its trailing slash.
    let baseURL: String

    static let path = "sitemap.xml"
    /// URLs in one sitemap file, as the protocol allows.
    static let limit = 50_000
    private static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// - Parameter pagePaths: site-relative paths of the pages to list.
    /// - Returns: `sitemap.xml`, and the part files when there are too many pages for one.
    func files(for pagePaths: [String], limit: Int = Self.limit) -> [RenderedPage] {
        let paths = pagePaths.sorted()
        guard paths.count > limit else {
            return [RenderedPage(path: Self.path, contents: Data(urlset(paths).utf8))]
        }
        let parts = stride(from: 0, to: paths.count, by: limit).map { Array(paths[$0..<min($0 + limit, paths.count)]) }
        var files: [RenderedPage] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(Self.namespace)\">\n"
        for (number, part) in parts.enumerated() {
            let path = "sitemap-\(number + 1).xml"
            files.append(RenderedPage(path: path, contents: Data(urlset(part).utf8)))
            index += "<sitemap><loc>\(XMLText.escape(baseURL + path))</loc></sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [RenderedPage(path: Self.path, contents: Data(index.utf8))] + files
    }

    private func urlset(_ paths: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(Self.namespace)\">\n"
        for path in paths {
            xml += "<url><loc>\(XMLText.escape(baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
