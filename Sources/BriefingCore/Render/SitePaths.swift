/// Where each page lives in the output folder; every link is made relative from these.
public enum SitePaths {
    public static let index = "index.html"
    public static let claimsIndex = "claims/index.html"
    public static let sourcesIndex = "sources/index.html"
    public static let articlesIndex = "articles/index.html"
    public static let stylesheet = "assets/style.css"

    public static func article(_ slug: String) -> String { "articles/\(slug).html" }
    public static func claim(_ id: String) -> String { "claims/\(id).html" }
    public static func source(_ id: String) -> String { "sources/\(id).html" }
    /// Page `number` (from 1) of the claims with `status`.
    public static func status(_ status: ClaimStatus, page number: Int = 1) -> String {
        "claims/status-\(status.rawValue)\(number > 1 ? "-\(number)" : "").html"
    }

    /// The prefix that leads from `page` back to the site root: "" or "../".
    public static func root(from page: String) -> String {
        // Folders between the page and the root: its slashes (paths are relative, no "//").
        String(repeating: "../", count: page.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 })
    }
}
