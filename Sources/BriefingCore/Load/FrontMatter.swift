import Foundation

/// The YAML block between `---` lines at the top of a Markdown seed.
struct FrontMatter {
    var title: String
    var date: ArticleDate?
    var author: String?
    var publication: String?
    var url: String?
    var tags: [String]
    var draft: Bool

    static let knownKeys: Set<String> = ["title", "date", "author", "publication", "url", "tags", "draft"]

    private struct File: Decodable {
        var title: String?
        var date: String?
        var author: String?
        var publication: String?
        var url: String?
        var tags: Tags?
        var draft: Bool?
    }

    /// `tags: x` or `tags: [x, y]`.
    private struct Tags: Decodable {
        var values: [String]
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                values = one.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else {
                values = try container.decode([String].self)
            }
        }
    }

    /// Splits `text` into front matter and body.
    /// - Returns: the YAML text, the body, and the number of lines before the body;
    ///   nil when the file has no front matter.
    /// - Throws: `Diagnostic` when the block is opened but never closed.
    static func split(_ text: String, file: String) throws -> (yaml: String, body: String, bodyLineOffset: Int)? {
        guard text.hasPrefix("---\n") || text == "---" else { return nil }
        // Lines by their bytes (the text has no `\r` left): only the front matter is scanned.
        let utf8 = text.utf8
        let newline = UInt8(ascii: "\n")
        var lineCount = 1
        if let first = utf8.firstIndex(of: newline) {
            let yamlStart = utf8.index(after: first)
            var start = yamlStart
            while true {
                lineCount += 1
                let end = utf8[start...].firstIndex(of: newline) ?? utf8.endIndex
                let line = utf8[start..<end]
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                    let yaml = start == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: start)])
                    let body = end == utf8.endIndex ? "" : String(text[utf8.index(after: end)...])
                    return (yaml, body, lineCount)
                }
                guard end < utf8.endIndex else { break }
                start = utf8.index(after: end)
            }
        }
        throw Diagnostic.error(.load, at: SourceLocation(file: file, line: 1, column: 1),
                               "front matter opened with `---` is never closed; add a line `---` after the last key")
    }

    /// Parses and checks the YAML block.
    /// - Returns: the front matter and warnings (unknown keys).
    /// - Throws: `Diagnostic` with the seed's line and column.
    static func parse(_ yaml: String, file: String) throws -> (FrontMatter, [Diagnostic]) {
        let document = try YAMLDocument(text: yaml, file: file, lineOffset: 1)
        let start = SourceLocation(file: file, line: 1, column: 1)
        if case .scalar(let scalar) = document.root, scalar.string.isEmpty {
            throw Diagnostic.error(.load, at: start, "front matter is empty; add `title: …`")
        }
        let decoded = try document.decode(File.self, what: "front matter")
        func at(_ key: String) -> SourceLocation { document.location(of: document.root.mapping?[key]) }

        guard let title = decoded.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else {
            throw Diagnostic.error(.load, at: decoded.title == nil ? start : at("title"),
                                   "front matter has no `title`; add a line `title: …`")
        }
        var date: ArticleDate?
        if let text = decoded.date {
            guard let parsed = ArticleDate(text) else {
                throw Diagnostic.error(.load, at: at("date"), "date `\(text)` is not a date; write it as YYYY-MM-DD, e.g. 2025-10-25")
            }
            date = parsed
        }
        if let url = decoded.url, !URLPolicy.isSafeExternal(url) {
            throw Diagnostic.error(.load, at: at("url"), "url `\(url)` must be an http(s) URL of the original article")
        }
        let warnings = document.unknownKeys(known: knownKeys).map {
            Diagnostic.warning(.load, at: $0.location,
                               "unknown front matter key `\($0.key)` is ignored; known: \(knownKeys.sorted().joined(separator: ", "))")
        }
        let matter = FrontMatter(
            title: title, date: date, author: decoded.author, publication: decoded.publication, url: decoded.url,
            tags: decoded.tags?.values ?? [], draft: decoded.draft ?? false)
        return (matter, warnings)
    }
}
