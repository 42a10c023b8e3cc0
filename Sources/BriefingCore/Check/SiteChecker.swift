import Foundation

/// What `briefing check` finds in a site.
public struct SiteCheckReport: Sendable {
    /// Every problem, sorted by file and position.
    public var problems: [Diagnostic]
    public var pageCount: Int
    public var fileCount: Int
    /// URLs checked on all pages (internal and external).
    public var linkCount: Int
}

/// Verifies a built site the way a reader and a static host will meet it:
/// - every relative link and `src` leads to a file of the site, and every `#anchor` to an
///   id on its page;
/// - nothing leaves the site unless it says so: absolute `http(s)`, `mailto:` and `tel:`
///   URLs are explicit, other schemes need `rel="external"`; root-relative `/paths`,
///   `../` above the root, `file:` and `javascript:` URLs are problems;
/// - links to folders are problems (from `file://` they open a listing, not the page);
/// - every page is reachable from `index.html` by following links (`404.html` aside);
/// - no page uses an id twice; JSON files and JSON-LD blocks parse; XML files
///   (`sitemap.xml`, `feed.xml`, SVG) are well-formed.
///
/// A pure function of the files it is given; `SiteFiles` reads them.
public struct SiteChecker: Sendable {
    /// Written before each path in diagnostics: `site` → `site/index.html:3:1: error: …`.
    public var displayRoot: String

    public init(displayRoot: String = "site") {
        self.displayRoot = displayRoot
    }

    /// Pages every host serves on its own, so they need no link from the index.
    public static let unlinkedPages: Set<String> = ["404.html"]

    public func check(_ site: some SiteFiles) -> SiteCheckReport {
        let paths = site.paths
        let pagePaths = paths.filter(Self.isPage)
        let scans = ConcurrentMap.map(pagePaths) { path in
            PageScan(path: path, html: String(decoding: site.contents(of: path) ?? Data(), as: UTF8.self))
        }
        let files = Set(paths)
        let idsByPage = Dictionary(uniqueKeysWithValues: scans.map { ($0.path, $0.ids) })
        var problems: [Diagnostic] = []
        var edges: [String: [String]] = [:]
        for scan in scans {
            problems += scan.problems.map { diagnostic(scan.path, scan.lines.position(of: $0.offset), $0.message) }
            for link in scan.links {
                let (message, page) = follow(link, from: scan, files: files, idsByPage: idsByPage)
                if let message { problems.append(diagnostic(scan.path, scan.lines.position(of: link.offset), message)) }
                if let page { edges[scan.path, default: []].append(page) }
            }
        }
        if !pagePaths.isEmpty, !files.contains(SitePaths.index) {
            problems.append(diagnostic(SitePaths.index, nil, "the site has no index.html, so no page is reachable; build the site again"))
        } else {
            problems += unreachable(pagePaths, edges: edges).map {
                diagnostic($0, nil, "page is not reachable from index.html: no page linked from the index links to it")
            }
        }
        problems += ConcurrentMap.map(paths.filter { DataFormat(path: $0) != nil }) { path in
            DataFormat(path: path)?.problem(in: site.contents(of: path) ?? Data()).map { diagnostic(path, $0.position, $0.message) }
        }.compactMap { $0 }
        return SiteCheckReport(
            problems: problems.sortedForPrinting(), pageCount: pagePaths.count, fileCount: paths.count,
            linkCount: scans.reduce(0) { $0 + $1.links.count })
    }

    /// Follows one link of a page.
    /// - Returns: what is wrong with it, if anything, and the page of the site it leads to.
    private func follow(
        _ link: PageScan.Link, from scan: PageScan, files: Set<String>, idsByPage: [String: Set<String>]
    ) -> (problem: String?, page: String?) {
        switch LinkTarget.resolve(link.url, from: scan.path, isNavigation: link.isNavigation, markedExternal: link.markedExternal) {
        case .external:
            return (nil, nil)
        case .problem(let message):
            return (message, nil)
        case .samePage(let fragment):
            return (Self.missingAnchor(fragment, in: scan.path, ids: scan.ids, url: link.url), nil)
        case .folder(let folder):
            let index = folder.isEmpty ? SitePaths.index : folder + "/" + SitePaths.index
            let advice = files.contains(index) ? "link to `\(index)` instead" : "there is no `\(index)` either"
            return ("link `\(link.url)` leads to a folder, which file:// shows as a listing; \(advice)", nil)
        case let .file(target, fragment):
            guard files.contains(target) else {
                let isFolder = files.contains { $0.hasPrefix(target + "/") }
                return (isFolder ? "link `\(link.url)` leads to the folder `\(target)`; link to `\(target)/index.html`"
                                 : "broken link `\(link.url)`: the site has no file `\(target)`", nil)
            }
            guard Self.isPage(target), let ids = idsByPage[target] else { return (nil, nil) }
            return (Self.missingAnchor(fragment, in: target, ids: ids, url: link.url), target)
        }
    }

    /// Reads and checks the site in `folder`.
    /// - Throws: `Diagnostic` when the folder does not exist.
    public func check(folder: URL) throws -> SiteCheckReport {
        check(try FolderSiteFiles(root: folder, displayName: displayRoot.isEmpty ? "." : displayRoot))
    }

    // MARK: - Parts

    static func isPage(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".htm")
    }

    /// A message when `#fragment` names no id on the page (`#` and `#top` always work).
    private static func missingAnchor(_ fragment: String?, in page: String, ids: Set<String>, url: String) -> String? {
        guard let fragment, !fragment.isEmpty, fragment.lowercased() != "top" else { return nil }
        let decoded = fragment.removingPercentEncoding ?? fragment
        if ids.contains(fragment) || ids.contains(decoded) { return nil }
        return "link `\(url)`: no element with id `\(decoded)` on \(page)"
    }

    /// Pages no chain of links from `index.html` reaches.
    private func unreachable(_ pages: [String], edges: [String: [String]]) -> [String] {
        var seen: Set<String> = [SitePaths.index]
        var queue = [SitePaths.index]
        while let page = queue.popLast() {
            for next in edges[page] ?? [] where seen.insert(next).inserted { queue.append(next) }
        }
        return pages.filter { !seen.contains($0) && !Self.unlinkedPages.contains($0) }
    }

    private func diagnostic(_ path: String, _ position: (line: Int, column: Int)?, _ message: String) -> Diagnostic {
        let file = displayRoot.isEmpty ? path : displayRoot + "/" + path
        return .error(.check, at: SourceLocation(file: file, line: position?.line, column: position?.column), message)
    }
}

// MARK: - One page

/// What the checker needs from one HTML page: its ids, its URLs, and problems found on it alone.
struct PageScan: Sendable {
    struct Link: Sendable {
        var url: String
        var offset: Int
        var isNavigation: Bool
        var markedExternal: Bool
    }

    struct Problem: Sendable {
        var offset: Int
        var message: String
    }

    /// Attributes that hold a URL (`srcset` holds several).
    static let urlAttributes: Set<String> = ["href", "src", "srcset", "poster", "action", "formaction"]

    let path: String
    let lines: LineIndex
    private(set) var ids: Set<String> = []
    private(set) var links: [Link] = []
    private(set) var problems: [Problem] = []

    init(path: String, html: String) {
        self.path = path
        lines = LineIndex(html)
        var firstUse: [String: Int] = [:]
        let tags = HTMLScanner.tags(in: html)
        for tag in tags {
            if let id = tag.value("id") {
                if let first = firstUse[id] {
                    problems.append(Problem(offset: tag.offset, message: "id `\(id)` is used twice on the page (first on line \(lines.position(of: first).line)); anchors to it are ambiguous"))
                } else {
                    firstUse[id] = tag.offset
                    ids.insert(id)
                }
            }
            if tag.name == "a", let name = tag.value("name") { ids.insert(name) }
            let rel = (tag.value("rel") ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            let markedExternal = rel.contains("external")
            for (attribute, value) in tag.attributes where Self.urlAttributes.contains(attribute) {
                guard let value else { continue }
                let urls = attribute == "srcset" ? Self.srcsetURLs(value) : [value]
                for url in urls {
                    links.append(Link(url: url, offset: tag.offset, isNavigation: attribute == "href", markedExternal: markedExternal))
                }
            }
            if tag.name == "script", (tag.value("type") ?? "").lowercased() == "application/ld+json", let text = tag.scriptText,
               (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) == nil {
                problems.append(Problem(offset: tag.offset, message: "the JSON-LD in this <script> is not valid JSON"))
            }
        }
    }

    /// The URLs of `srcset="a.png 1x, b.png 2x"`.
    static func srcsetURLs(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { candidate in
            candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init)
        }
    }
}

/// Turns UTF-8 offsets into 1-based lines and columns (columns count characters as
/// Unicode scalars).
struct LineIndex: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        let end = min(max(offset, start), bytes.count)
        let column = bytes[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
        return (low + 1, column)
    }
}

// MARK: - Data files

/// Files that must parse: JSON (`briefing.json`), XML (`sitemap.xml`, `feed.xml`, SVG).
enum DataFormat {
    case json, xml

    init?(path: String) {
        let name = path.lowercased()
        if name.hasSuffix(".json") || name.hasSuffix(".jsonld") || name.hasSuffix(".webmanifest") {
            self = .json
        } else if name.hasSuffix(".xml") || name.hasSuffix(".atom") || name.hasSuffix(".rss") || name.hasSuffix(".svg") {
            self = .xml
        } else {
            return nil
        }
    }

    /// Why `data` does not parse, and where when the parser says; nil when it parses.
    func problem(in data: Data) -> (message: String, position: (line: Int, column: Int)?)? {
        switch self {
        case .json:
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                return nil
            } catch {
                return ("not valid JSON: \(Self.describe(error))", nil)
            }
        case .xml:
            return XMLCheck.problem(in: data).map { ("not well-formed XML: \($0.reason)", ($0.line, $0.column)) }
        }
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
