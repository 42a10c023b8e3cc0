import Foundation

/// The templates and static assets that pages are rendered with: the default theme,
/// overridden file by file by the project's `templates/`.
public struct Theme: Sendable {
    /// A Mustache template's text and where it came from (for error positions).
    public struct Template: Sendable, Hashable {
        public var text: String
        /// `templates/article.mustache`, or `(default theme)/article.mustache`.
        public var file: String
    }

    /// By template name: `layout`, `article`, … and partials by their bare name.
    public var templates: [String: Template]
    /// Files copied as they are, by path under `assets/`.
    public var assets: [String: Data]

    /// Page templates every theme must have; `ThemeLoader` reports a missing one.
    public static let requiredTemplates = [
        "layout", "index", "article", "claim", "source", "claims", "sources", "articles", "status",
        "report", "timeline", "claims-by-source",
    ]

    /// The theme built into the binary (generated from the repository's `templates/`).
    public static var `default`: Theme {
        var templates: [String: Template] = [:]
        var assets: [String: Data] = [:]
        for (path, text) in DefaultTheme.files {
            if let name = templateName(forPath: path) {
                templates[name] = Template(text: text, file: "(default theme)/\(path)")
            } else if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = Data(text.utf8)
            }
        }
        return Theme(templates: templates, assets: assets)
    }

    /// `article.mustache` → `article`; `partials/claim-item.mustache` → `claim-item`.
    static func templateName(forPath path: String) -> String? {
        guard path.hasSuffix(".mustache") else { return nil }
        let stem = String(path.dropLast(".mustache".count))
        if stem.hasPrefix("partials/") { return String(stem.dropFirst("partials/".count)) }
        return stem.contains("/") ? nil : stem
    }
}

/// Reads a project's `templates/` over the default theme.
struct ThemeLoader {
    var project: Project

    func load() throws -> Theme {
        var theme = Theme.default
        let folder = project.templatesFolder
        guard FileManager.default.fileExists(atPath: folder.path) else { return theme }
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return theme }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String { paths.append(path) }
        for path in paths.sorted() where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let display = project.displayPath(url)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Diagnostic.error(.load, at: SourceLocation(file: display), "cannot read template; check its permissions")
            }
            if let name = Theme.templateName(forPath: path) {
                theme.templates[name] = Theme.Template(text: try TextDecoding.decode(data, file: display), file: display)
            } else if path.hasPrefix("assets/") {
                theme.assets[String(path.dropFirst("assets/".count))] = data
            }
        }
        return theme
    }
}
