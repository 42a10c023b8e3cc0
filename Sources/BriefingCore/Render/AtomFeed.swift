import Foundation

/// `feed.xml`: an Atom (RFC 4287) feed of the briefing's articles, newest first. Written
/// only when the site has a base URL: Atom ids and links must be absolute.
///
/// Dates never come from the clock, so the same seeds give the same bytes:
/// - an entry's `updated` (and `published`) is its article's date at midnight UTC;
/// - an article without a date gets `1970-01-01T00:00:00Z` and no `published`: a fixed
///   value, so a feed reader never sees an undated article as changed;
/// - the feed's `updated` is the newest entry's `updated` (the same epoch when no article
///   has a date).
struct AtomFeed {
    let graph: SiteGraph
    /// `https://example.org/briefing/`, with its trailing slash.
    let baseURL: String

    static let path = "feed.xml"
    /// Entries in the feed: the newest articles.
    static let limit = 100
    /// The `updated` of an article without a date.
    static let undatedTimestamp = "1970-01-01T00:00:00Z"
    /// Characters of an entry's summary, taken from the first paragraph.
    static let summaryLength = 400

    func file() -> RenderedPage {
        RenderedPage(path: Self.path, contents: Data(xml().utf8))
    }

    func xml() -> String {
        // `graph.articles` is newest first, undated last.
        let articles = graph.articles.prefix(Self.limit)
        let updated = articles.lazy.compactMap(\.effectiveDate).max().map(XMLText.timestamp) ?? Self.undatedTimestamp
        let config = graph.config
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(XMLText.escape(config.language))">"#,
            "<id>\(XMLText.escape(baseURL))</id>",
            "<title>\(XMLText.escape(config.title))</title>",
        ]
        if let description = config.description { lines.append("<subtitle>\(XMLText.escape(description))</subtitle>") }
        lines += [
            "<updated>\(updated)</updated>",
            "<author><name>\(XMLText.escape(config.title))</name></author>",
            #"<link rel="self" type="application/atom+xml" href="\#(XMLText.escape(baseURL + Self.path))"/>"#,
            #"<link rel="alternate" type="text/html" href="\#(XMLText.escape(baseURL + SitePaths.index))"/>"#,
            #"<generator version="\#(BriefingVersion.current)">Briefing</generator>"#,
        ]
        for article in articles { lines += entry(article) }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func entry(_ article: Article) -> [String] {
        let url = XMLText.escape(baseURL + SitePaths.article(article.slug))
        var lines = [
            "<entry>",
            "<id>\(url)</id>",
            "<title>\(XMLText.escape(article.title))</title>",
            #"<link rel="alternate" type="text/html" href="\#(url)"/>"#,
        ]
        if let date = article.effectiveDate {
            lines.append("<published>\(XMLText.timestamp(date))</published>")
            lines.append("<updated>\(XMLText.timestamp(date))</updated>")
        } else {
            lines.append("<updated>\(Self.undatedTimestamp)</updated>")
        }
        if let author = article.author { lines.append("<author><name>\(XMLText.escape(author))</name></author>") }
        if let original = article.url, URLPolicy.isSafeExternal(original) {
            lines.append(#"<link rel="related" href="\#(XMLText.escape(original))"/>"#)
        }
        for tag in article.tags { lines.append(#"<category term="\#(XMLText.escape(tag))"/>"#) }
        if let summary = summary(article) { lines.append("<summary>\(XMLText.escape(summary))</summary>") }
        lines.append("</entry>")
        return lines
    }

    /// The first paragraph, cut at a word near `summaryLength` characters.
    private func summary(_ article: Article) -> String? {
        guard let first = article.blocks.first?.text, !first.isEmpty else { return nil }
        guard first.count > Self.summaryLength else { return first }
        let cut = first.prefix(Self.summaryLength)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words + "…"
    }
}
