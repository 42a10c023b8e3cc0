import Foundation

/// The optional `briefing.yml` at the project root.
public struct SiteConfig: Sendable, Hashable {
    public var title: String = "Briefing"
    public var description: String?
    public var language: String = "en"
    /// Absolute URL the site is published at, e.g. `https://example.org/briefing/`.
    public var baseURL: String?

    public init(title: String = "Briefing", description: String? = nil, language: String = "en", baseURL: String? = nil) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
    }

    /// The file name looked for at the project root.
    public static let fileName = "briefing.yml"

    private struct File: Decodable {
        var title: String?
        var description: String?
        var language: String?
        var base_url: String?
    }

    /// - Throws: `Diagnostic` for invalid YAML or values.
    static func parse(_ text: String, file: String) throws -> (SiteConfig, [Diagnostic]) {
        let document = try YAMLDocument(text: text, file: file)
        if case .scalar(let scalar) = document.root, scalar.string.isEmpty { return (SiteConfig(), []) }
        let decoded = try document.decode(File.self, what: "briefing.yml")
        var config = SiteConfig()
        if let title = decoded.title { config.title = title }
        config.description = decoded.description
        if let language = decoded.language {
            guard language.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
                throw Diagnostic.error(.load, at: document.location(of: document.root.mapping?["language"]),
                                       "`language` must be a language tag such as en or pt-BR, not `\(language)`")
            }
            config.language = language
        }
        if let baseURL = decoded.base_url {
            config.baseURL = try validatedBaseURL(baseURL, location: document.location(of: document.root.mapping?["base_url"]))
        }
        let warnings = document.unknownKeys(known: ["title", "description", "language", "base_url"]).map {
            Diagnostic.warning(.load, at: $0.location, "unknown setting `\($0.key)` is ignored; known: title, description, language, base_url")
        }
        return (config, warnings)
    }

    /// Checks an `http(s)://` URL and gives it a trailing slash.
    public static func validatedBaseURL(_ text: String, location: SourceLocation?) throws -> String {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", url.host != nil,
              !text.contains("\""), !text.contains("<"), !text.contains(" ")
        else {
            throw Diagnostic.error(.load, at: location, "base URL `\(text)` must be an absolute http(s) URL such as https://example.org/briefing/")
        }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
