/// One word, number, punctuation mark or quotation mark of a paragraph, with its
/// position as UTF-8 byte offsets into `TextBlock.text`.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case word, number, punctuation, quote
    }

    /// What a quotation mark turned out to be once `QuoteScanner` has paired them.
    enum QuoteRole: Sendable, Hashable {
        case none, open, close, apostrophe
    }

    var kind: Kind
    /// The token as written ("Maduro’s", "U.S.", "5,000", "‘").
    var text: String
    /// `text` lowercased, with curly apostrophes made straight ("maduro's").
    var lower: String
    var start: Int
    var end: Int
    /// Whether whitespace (or the paragraph start) precedes / follows the token.
    var spaceBefore: Bool
    var spaceAfter: Bool
    /// For `.quote` tokens: whether the mark is double (“ ” ") or single (‘ ’ ').
    var isDoubleQuote = false
    var quoteRole: QuoteRole = .none
    /// Whether the token lies inside a quotation (set by `QuoteScanner`).
    var isQuoted = false

    var isWord: Bool { kind == .word }

    /// Starts with an upper-case letter ("Maduro", "U.S.", "The").
    var isCapitalized: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.isASCII ? first.value >= 65 && first.value <= 90 : first.properties.isUppercase
    }

    /// A possessive word ("Maduro’s", "nation's", "pilots’"; not "it's").
    var isPossessive: Bool {
        kind == .word && lower.count > 2 && (lower.hasSuffix("'s") || lower.hasSuffix("s'")) && lower != "it's" && lower != "that's"
            && lower != "he's" && lower != "she's" && lower != "there's" && lower != "what's"
    }

    /// How many characters the possessive ending has: 2 for "’s", 1 for a plural's "’".
    var possessiveLength: Int { isPossessive ? (lower.hasSuffix("'s") ? 2 : 1) : 0 }

    /// `text` without a possessive "’s" or "’".
    var bare: String { String(text.dropLast(possessiveLength)) }

    /// `lower` without a possessive "'s" or "'".
    var bareLower: String { String(lower.dropLast(possessiveLength)) }

    /// A quotation mark that opens or closes a quotation (not an apostrophe).
    var isQuoteMark: Bool { kind == .quote && (quoteRole == .open || quoteRole == .close) }

    func isPunctuation(_ mark: String) -> Bool { kind == .punctuation && text == mark }
}
