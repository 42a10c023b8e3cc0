/// A sentence of a paragraph: a run of its tokens.
struct Sentence: Sendable, Hashable {
    /// Token indices into the paragraph's tokens.
    var tokens: Range<Int>
    /// UTF-8 byte range in the paragraph's text, from the first token to the last.
    var start: Int
    var end: Int
}

/// Splits a paragraph's tokens into sentences.
///
/// A sentence ends at ".", "!", "?" or "…" (with any closing quotation marks and
/// brackets after it) when the next token starts a sentence: a capitalised word,
/// a number or an opening quotation mark after a space. It never ends inside a
/// quotation that closes later in the paragraph, so "‘We won. We will win
/// again,’ she said." is one sentence. Abbreviation periods end a sentence only
/// before a word that typically opens one ("…in the U.S. The next day…"), and
/// never after a title or month ("Gen. Smith", "Oct. 22").
struct SentenceSplitter: Sendable {
    /// The most tokens one sentence may have. Real sentences have tens of words; a text
    /// with no end punctuation (a pasted list, a hostile seed of one long line) is cut into
    /// runs of this length, which bounds the work per cue and the `sentence` each claim keeps.
    static let maximumTokens = 1_000

    func split(_ tokens: [Token], quotes: [QuoteRegion]) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        var insideClosedQuote = [Bool](repeating: false, count: tokens.count)
        for region in quotes where region.close != nil {
            for i in region.inner(tokenCount: tokens.count) { insideClosedQuote[i] = true }
        }
        var sentences: [Sentence] = []
        var begin = 0
        var i = 0
        while i < tokens.count {
            guard endsSentence(tokens[i]) else {
                i += 1
                continue
            }
            var last = i
            while last + 1 < tokens.count, isTrailingCloser(tokens[last + 1]) { last += 1 }
            let next = last + 1
            // Inside a quotation that goes on, the sentence goes on too.
            if next < tokens.count, !insideClosedQuote[next], startsSentence(after: tokens[i], next: tokens[next]) {
                sentences.append(sentence(tokens, begin..<next))
                begin = next
            }
            i = next
        }
        if begin < tokens.count { sentences.append(sentence(tokens, begin..<tokens.count)) }
        guard sentences.contains(where: { $0.tokens.count > Self.maximumTokens }) else { return sentences }
        return sentences.flatMap { whole in
            stride(from: whole.tokens.lowerBound, to: whole.tokens.upperBound, by: Self.maximumTokens).map {
                sentence(tokens, $0..<min($0 + Self.maximumTokens, whole.tokens.upperBound))
            }
        }
    }

    private func sentence(_ tokens: [Token], _ range: Range<Int>) -> Sentence {
        Sentence(tokens: range, start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end)
    }

    private func endsSentence(_ token: Token) -> Bool {
        switch token.kind {
        case .punctuation:
            return [".", "!", "?", "…"].contains(token.text)
        case .word:
            return token.text.hasSuffix(".") && !Lexicon.prefixAbbreviations.contains(token.lower)
                && !(token.text.count == 2 && token.isCapitalized)  // an initial: "J. Smith"
        case .number, .quote:
            return false
        }
    }

    private func isTrailingCloser(_ token: Token) -> Bool {
        (token.kind == .quote && token.quoteRole == .close) || (token.kind == .punctuation && [")", "]", "."].contains(token.text))
    }

    private func startsSentence(after terminator: Token, next: Token) -> Bool {
        guard next.spaceBefore else { return false }
        let opensSomething = (next.kind == .quote && next.quoteRole == .open) || next.isPunctuation("(")
        if terminator.kind == .word {
            // An abbreviation's period: only before a typical sentence opener.
            return opensSomething || (next.isCapitalized && Lexicon.sentenceStarters.contains(next.lower))
        }
        return opensSomething || next.isCapitalized || next.kind == .number
    }
}
