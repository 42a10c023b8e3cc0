import Foundation

/// Ids and slugs: ASCII `a-z`, `0-9` and `-`, safe in URLs, file names and HTML ids.
public enum Slugger {
    /// "Nicolás Maduro" → "nicolas-maduro"; "U.S. officials" → "us-officials".
    /// - Parameter maxWords: keep at most this many words (0: all).
    public static func slug(_ text: String, maxWords: Int = 0) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "." || scalar == "'" || scalar == "\u{2019}" {
                continue // "U.S." → "us", "nation’s" → "nations"
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if maxWords > 0 { words = Array(words.prefix(maxWords)) }
        return words.joined(separator: "-").lowercased()
    }

    /// Page names the site uses for listings; no article or source may take them.
    public static let reservedNames: Set<String> = ["index"]

    /// Whether `id` is already a slug: non-empty, `[a-z0-9-]`, no leading or trailing `-`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 200 && !id.hasPrefix("-") && !id.hasSuffix("-")
            && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Whether a seed file name (without extension) can be used as an article slug as is.
    public static func isValidSlug(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != 0x2E, first != 0x2D, name.utf8.count <= 200 else { return false }
        return name.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F
        }
    }
}

/// Which URLs from seeds may become links.
public enum URLPolicy {
    /// `http`, `https` and `mailto` URLs without characters that could break out of an attribute.
    public static func isSafeExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return false }
        return !url.unicodeScalars.contains { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "`" }
    }
}
