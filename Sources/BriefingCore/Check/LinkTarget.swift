import Foundation

/// Where a URL found on a page leads, as `briefing check` judges it.
enum LinkTarget: Equatable, Sendable {
    /// Leaves the site on purpose: an absolute `http(s)` URL, `mailto:`, `tel:`, or another
    /// scheme on an element marked `rel="external"`.
    case external
    /// A place on the same page: `#id`, or the page itself (`""`, `?query`).
    case samePage(fragment: String?)
    /// A file of the site, by its path from the root, and an optional `#id` in it.
    case file(path: String, fragment: String?)
    /// A folder of the site (`claims/`): static hosts may serve its index, `file://` does not.
    case folder(path: String)
    /// Something that cannot work; the message says why and what to do.
    case problem(String)

    /// Judges `url`, an attribute value with character references already decoded.
    /// - Parameters:
    ///   - page: the path of the page it is on, from the site root.
    ///   - isNavigation: an `href` (a link to follow) rather than a resource to embed.
    ///   - markedExternal: the element has `rel="external"`.
    static func resolve(_ url: String, from page: String, isNavigation: Bool, markedExternal: Bool) -> LinkTarget {
        let url = url.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C}"))
        if url.hasPrefix("//") {
            return .problem("protocol-relative URL `\(url)` leaves the site and breaks from file://; write it with https:")
        }
        if let scheme = scheme(of: url) {
            switch scheme {
            case "http", "https", "mailto", "tel":
                return .external
            case "javascript":
                return .problem("`javascript:` URL `\(url)`; a static page links to pages, not scripts")
            case "file":
                return .problem("`file:` URL `\(url)` points into one computer's disk; link relatively within the site")
            case "data" where !isNavigation:
                return .external
            default:
                return markedExternal ? .external
                    : .problem("`\(scheme):` URL `\(url)` leaves the site without rel=\"external\"; mark it or link within the site")
            }
        }
        if url.hasPrefix("/") {
            return .problem("root-relative link `\(url)` breaks from file:// and when the site is served under a sub-path; make it relative")
        }
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        if rest.isEmpty { return .samePage(fragment: fragment) }
        guard let path = String(rest).removingPercentEncoding else {
            return .problem("link `\(url)` has a malformed %-escape")
        }
        var segments = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts {
            switch part {
            case ".", "": continue
            case "..":
                guard !segments.isEmpty else {
                    return .problem("link `\(url)` leaves the site (it goes above the site's root folder)")
                }
                segments.removeLast()
            default:
                segments.append(part)
            }
        }
        if parts.last == "" || parts.last == "." || parts.last == ".." {
            return .folder(path: segments.joined(separator: "/"))
        }
        return .file(path: segments.joined(separator: "/"), fragment: fragment)
    }

    /// The scheme of an absolute URL, lowercased: `https` in `https://…`; nil for a relative one.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              candidate.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }
}
