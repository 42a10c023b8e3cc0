/// Splits a paragraph into `Token`s in one pass over its Unicode scalars.
///
/// Words keep their inner apostrophes ("nation’s", "They’re"), hyphens ("Igla-S")
/// and abbreviation periods ("U.S.", "D.C.", "Gen."); numbers keep their separators
/// ("5,000", "1.2"). An elided "’90s" is one word. Every other quotation mark is
/// a `.quote` token whose role `QuoteScanner` decides later. Dashes ("—", "–",
/// "--") become the punctuation token "—".
struct Tokenizer: Sendable {
    func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var i = 0
        var sawSpace = true
        func emit(_ kind: Token.Kind, _ from: Int, _ to: Int) {
            var chars = String.UnicodeScalarView()
            chars.append(contentsOf: scalars[from..<to])
            let text = String(chars)
            tokens.append(Token(
                kind: kind, text: text, lower: Self.lowered(text), start: offsets[from], end: offsets[to],
                spaceBefore: sawSpace, spaceAfter: to >= scalars.count || Self.isSpace(scalars[to])))
            sawSpace = false
        }
        while i < scalars.count {
            let s = scalars[i]
            if Self.isSpace(s) {
                sawSpace = true
                i += 1
            } else if Self.isWordScalar(s) || (Self.isApostrophe(s) && sawSpace && i + 1 < scalars.count && Self.isDigit(scalars[i + 1])) {
                let end = wordEnd(scalars, from: i)
                let isNumber = scalars[i..<end].allSatisfy { Self.isDigit($0) || $0 == "," || $0 == "." }
                emit(isNumber ? .number : .word, i, end)
                i = end
            } else if Self.quoteMarks.contains(s) {
                emit(.quote, i, i + 1)
                tokens[tokens.count - 1].isDoubleQuote = Self.doubleQuoteMarks.contains(s)
                i += 1
            } else if s == "-", i + 1 < scalars.count, scalars[i + 1] == "-" {
                emit(.punctuation, i, i + 2)
                tokens[tokens.count - 1].text = "—"
                i += 2
            } else {
                emit(.punctuation, i, i + 1)
                if s == "\u{2013}" || s == "\u{2014}" { tokens[tokens.count - 1].text = "—" }
                i += 1
            }
        }
        return tokens
    }

    /// The end of the word or number starting at `start`.
    private func wordEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var j = start + 1
        var segmentLetters = Self.isLetter(scalars[start]) ? 1 : 0
        var hasPeriod = false
        while j < scalars.count {
            let s = scalars[j]
            let next: Unicode.Scalar? = j + 1 < scalars.count ? scalars[j + 1] : nil
            if Self.isWordScalar(s) {
                if Self.isLetter(s) { segmentLetters += 1 }
                j += 1
            } else if Self.isApostrophe(s), let next, Self.isLetter(next) {
                j += 1
            } else if s == "-" || s == "\u{2011}", let next, Self.isWordScalar(next) {
                j += 1
            } else if s == "," || s == ".", Self.isDigit(scalars[j - 1]), let next, Self.isDigit(next) {
                j += 1
            } else if s == ".", let next, Self.isLetter(next), segmentLetters <= 2 {
                // "U.S", "D.C", "a.m": letters separated by periods without spaces.
                hasPeriod = true
                segmentLetters = 0
                j += 1
            } else {
                break
            }
        }
        if j < scalars.count, scalars[j] == "." {
            var chars = String.UnicodeScalarView()
            chars.append(contentsOf: scalars[start..<j])
            let word = Self.lowered(String(chars))
            let isInitial = j - start == 1 && scalars[start].properties.isUppercase
            if hasPeriod || isInitial || Lexicon.abbreviations.contains(word) { j += 1 }
        }
        return j
    }

    static func lowered(_ text: String) -> String {
        let lower = text.lowercased()
        // Most words have no curly apostrophe: skip Foundation's search-and-replace for them.
        guard lower.unicodeScalars.contains("\u{2019}") else { return lower }
        return String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }

    // ASCII answered by range, the rest by Unicode properties (a lookup that was most of
    // tokenizing English text).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s == " " || (s.value >= 0x09 && s.value <= 0x0D) : s.properties.isWhitespace
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? isASCIILetter(s) : s.properties.isAlphabetic
    }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isDigit(s) || isASCIILetter(s) }
        return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
    }
    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
    }
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    static let doubleQuoteMarks: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "\u{201E}"]
    static let quoteMarks: Set<Unicode.Scalar> = doubleQuoteMarks.union(["'", "\u{2018}", "\u{2019}", "\u{201A}"])
}
