import Foundation

/// Ids and slugs: ASCII `a-z`, `0-9` and `-`, safe in URLs, file names and HTML ids.
public enum Slugger {
    /// "Nicolás Maduro" → "nicolas-maduro"; "U.S. officials" → "us-officials".
    /// - Parameter maxWords: keep at most this many words (0: all).
    public static func slug(_ text: String, maxWords: Int = 0) -> String {
        plainSlug(text, maxWords: maxWords) ?? foldedSlug(text, maxWords: maxWords)
    }

    /// Typographic punctuation that folding leaves as it is and that separates words.
    private static let plainSeparators: Set<UInt32> = [0x2018, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026]

    /// `slug` without folding, for text of ASCII and `plainSeparators` only (most text:
    /// folding is by far the costliest step); nil for any other text.
    static func plainSlug(_ text: String, maxWords: Int) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                if isLetter || (byte >= 0x30 && byte <= 0x39) {
                    if !inWord {
                        if maxWords > 0, words == maxWords { break }
                        if words > 0 { bytes.append(UInt8(ascii: "-")) }
                        words += 1
                        inWord = true
                    }
                    bytes.append(isLetter ? byte | 0x20 : byte)
                } else if byte != UInt8(ascii: "."), byte != UInt8(ascii: "'") {
                    inWord = false
                }
            } else if value == 0x2019 {
                continue
            } else if plainSeparators.contains(value) {
                inWord = false
            } else {
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `slug` for any text: diacritics, case and width folded first.
    static func foldedSlug(_ text: String, maxWords: Int) -> String {
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
