/// A paragraph tokenized, with its quotations paired and its sentences split:
/// everything later stages read.
struct AnalyzedParagraph: Sendable {
    var block: TextBlock
    var tokens: [Token]
    var quotes: [QuoteRegion]
    var sentences: [Sentence]

    init(_ block: TextBlock) {
        self.block = block
        var tokens = Tokenizer().tokenize(block.text)
        quotes = QuoteScanner().scan(&tokens)
        PluralPossessive.attach(&tokens, quotes: &quotes)
        sentences = SentenceSplitter().split(tokens, quotes: quotes)
        self.tokens = tokens
    }

    /// The text of tokens `range` as written, without quotation marks.
    func text(of range: Range<Int>) -> String {
        var out = ""
        var pendingSpace = false
        for i in range {
            let token = tokens[i]
            if token.isQuoteMark {
                pendingSpace = pendingSpace || token.spaceBefore
                continue
            }
            if !out.isEmpty && (token.spaceBefore || pendingSpace) { out += " " }
            out += token.text
            pendingSpace = false
        }
        return out
    }
}

/// A position in the article: paragraph, then token. Orders mentions for recency.
struct TextPosition: Sendable, Hashable, Comparable {
    var block: Int
    var token: Int

    static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.block, lhs.token) < (rhs.block, rhs.token)
    }
}
