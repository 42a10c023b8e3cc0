import Foundation

/// Where a briefing project's parts live on disk.
public struct Project: Sendable {
    /// The project folder.
    public var root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var seedsFolder: URL { root.appendingPathComponent("seeds", isDirectory: true) }
    public var templatesFolder: URL { root.appendingPathComponent("templates", isDirectory: true) }
    public var configFile: URL { root.appendingPathComponent(SiteConfig.fileName) }

    /// The path printed in diagnostics: relative to the project when inside it.
    public func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// Everything the later stages need, read from disk once.
public struct LoadedProject: Sendable {
    public var config: SiteConfig
    /// Articles sorted by slug; drafts left out unless asked for.
    public var articles: [Article]
    public var theme: Theme
}
