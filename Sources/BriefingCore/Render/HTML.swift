import Mustache

/// HTML escaping: for the strings not written through Mustache's `{{ }}`, and for
/// `{{ }}` itself (see `BriefingHTMLContentType`).
enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` (as `&#39;`), like Mustache's HTML escaping.
    /// Works on UTF-8 bytes: text without any of the five comes back as is, without a copy.
    static func escape(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: isEscaped) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        for byte in bytes {
            if let entity = entity(for: byte) { out.append(contentsOf: entity) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `byte` is one of the five that escaping replaces.
    static func isEscaped(_ byte: UInt8) -> Bool { entity(for: byte) != nil }

    /// The entity for one of the five bytes HTML escaping replaces; nil for any other byte
    /// (every byte of a multi-byte UTF-8 sequence is ≥ 0x80, so none is ever split).
    @inline(__always)
    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): return ampersand
        case UInt8(ascii: "<"): return lessThan
        case UInt8(ascii: ">"): return greaterThan
        case UInt8(ascii: "\""): return quote
        case UInt8(ascii: "'"): return apostrophe
        default: return nil
        }
    }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)
}

/// What `{{name}}` writes in Briefing's templates: `HTML.escape`, the same five
/// characters and entities as swift-mustache's own HTML content type, done on bytes
/// instead of one `Character` at a time (it was a tenth of the build). Registered with
/// the library under `name`; `TemplateSet` selects it at the start of every template.
struct BriefingHTMLContentType: MustacheContentType {
    static let name = "BRIEFING_HTML"
    /// Registers the content type once per process; the pragma that selects it.
    static let pragma: String = {
        MustacheContentTypes.register(BriefingHTMLContentType(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}"
    }()

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
