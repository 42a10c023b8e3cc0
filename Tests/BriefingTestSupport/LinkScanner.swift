import Foundation

/// Reads the links and ids out of built HTML pages (for tests: a page written by the
/// generator has attributes in double quotes).
public enum LinkScanner {
    public struct Problem: Sendable, CustomStringConvertible {
        public var page: String
        public var href: String
        public var description: String { "\(page): broken link \(href)" }
    }

    static func values(of attribute: String, in html: String) -> [String] {
        var result: [String] = []
        let marker = " \(attribute)=\""
        var rest = html[...]
        while let start = rest.range(of: marker) {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            result.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return result
    }

    /// Every relative `href`/`src` that does not resolve to a file or to an id in it.
    public static func brokenLinks(in site: URL) -> [Problem] {
        let pages = TestProject.files(under: site).filter { $0.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        var html: [String: String] = [:]
        for page in pages {
            let text = (try? String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)) ?? ""
            html[page] = text
            ids[page] = Set(values(of: "id", in: text))
        }
        var problems: [Problem] = []
        for page in pages {
            guard let text = html[page] else { continue }
            for href in values(of: "href", in: text) + values(of: "src", in: text) {
                if href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("mailto:") { continue }
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let pathPart = String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                let base = site.appendingPathComponent(page).deletingLastPathComponent()
                let target = pathPart.isEmpty ? site.appendingPathComponent(page) : base.appendingPathComponent(pathPart).standardizedFileURL
                let relative = target.path.replacingOccurrences(of: site.standardizedFileURL.path + "/", with: "")
                guard target.path.hasPrefix(site.standardizedFileURL.path), FileManager.default.fileExists(atPath: target.path) else {
                    problems.append(Problem(page: page, href: href))
                    continue
                }
                if let fragment, !fragment.isEmpty, !(ids[relative]?.contains(fragment) ?? false) {
                    problems.append(Problem(page: page, href: href))
                }
            }
        }
        return problems
    }
}
