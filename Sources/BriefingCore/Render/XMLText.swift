/// Text prepared for XML 1.0 documents (the sitemap and the Atom feed).
enum XMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops what XML 1.0 cannot carry at all
    /// (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF),
    /// so seed text can never make a document ill-formed.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An ISO 8601 timestamp for a calendar date, at midnight UTC: `2025-10-24T00:00:00Z`.
    static func timestamp(_ date: ArticleDate) -> String {
        date.description + "T00:00:00Z"
    }
}
